from decimal import Decimal

from review.core.claims import Claims, Quantity, SumRelation
from review.core.coverage import number_coverage
from review.pipeline import review_document
from tests.conftest import doc_of


def _q(qid: str, text: str, whole: str) -> Quantity:
    start = whole.index(text)
    return Quantity(id=qid, text=text, start=start, end=start + len(text), value=Decimal(0), unit="万元", decimals=2)


def test_figures_exclude_years_dates_and_list_markers() -> None:
    # seed 003's 其中 list, and a numbered indicator list as r10-01 writes it
    text = "2021年预算支出1047.86万元，其中：1、基本工资571.61万元；2. 津贴476.25万元。\n1、水稻侧深施肥 | 500 | 5.0"
    cover = number_coverage(text, Claims())
    assert cover.found == 5  # 1047.86 571.61 476.25 | 500 5.0 ; not 2021年, 1、 2. 1、
    assert (cover.checked, cover.share) == (0, 0.0)


def test_checked_are_the_figures_a_relation_names() -> None:
    text = "项目资金共2179万元，其中中央资金1500万元、县级679万元。另有培训3次。"
    qs = (_q("q1", "2179万元", text), _q("q2", "1500万元", text), _q("q3", "679万元", text))
    alone = number_coverage(text, Claims(quantities=qs))
    related = number_coverage(text, Claims(quantities=qs, relations=(SumRelation(total="q1", items=("q2", "q3")),)))
    assert (alone.found, alone.checked) == (4, 0)  # a quantity no relation names is not checked
    assert (related.found, related.checked) == (4, 3)


def test_a_table_the_rules_do_not_read_shows_as_unchecked() -> None:
    # an indicator table one cell per line with rule text between (r10-02's rendering): read or not,
    # the share is what the review says, and an empty text has nothing to check
    cells = "\n|\n".join(["决策(10)", "制定项目三年规划的,得2分", "5", "5", "建立项目库的,得3分", "5", "4"])
    review = review_document(doc_of(cells))
    cover = number_coverage(review.document.text, review.claims)
    assert cover.found >= 5 and 0 <= cover.checked <= cover.found
    assert number_coverage("", Claims()).share == 1.0
