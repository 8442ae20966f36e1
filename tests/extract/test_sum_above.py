"""A total on the line after its parts, pointing back to them (sum_above.py): three 扶贫资金 notices' 资金来源
blocks — dev r22-04 (北关区) and two stored public pages not in the corpus (新乡高新区, 焦作市, the latter in
traditional characters with document numbers in brackets), the surrounding text trimmed."""

from review.extract.rules.scan import Scan
from review.extract.rules.sum_above import extract_sums_above
from review.extract.view import view_of
from tests.conftest import checks_of, doc_of

NUMBERED = (
    "2018年,上级下达北关区专项扶贫资金113.5万元,经脱贫攻坚联席会议研究决定,现将资金分配使用情况公示如下:\n"
    "一、资金来源\n1.省级专项扶贫资金47万元\n2.市级扶贫专项资金66.5万元\n以上资金合计113.5万元。\n二、分配原则\n"
)
UNNUMBERED = (
    "一、资金来源\n中央资金125.5万元\n省级资金91.2万元\n市级资金24.6万元\n以上资金合计241.3万元。\n二、分配原则\n"
)
WITH_DOCUMENTS = (
    "一、資金來源\n1、中央資金(焦財預〔2017〕440號)55萬元。\n2、省級資金(焦財預〔2017〕450號、490號、495號)6435萬元。\n"
    "以上合計6490萬元。\n二、分配原則\n"
)


def _sums(text: str) -> list[tuple[str, list[str]]]:
    scan = Scan.of(view_of(text).document(doc_of(text)))
    q = {x.id: x for x in scan.quantities}
    return [(q[r.total].text, [q[i].text for i in r.items]) for r in extract_sums_above(scan)]


def test_the_lines_above_a_total_pointing_back_are_its_parts() -> None:
    assert _sums(NUMBERED) == [("113.5万元", ["47万元", "66.5万元"])]
    assert _sums(UNNUMBERED) == [("241.3万元", ["125.5万元", "91.2万元", "24.6万元"])]
    assert _sums(WITH_DOCUMENTS) == [("6490万元", ["55万元", "6435万元"])]  # read as simplified
    for text in (NUMBERED, UNNUMBERED, WITH_DOCUMENTS):
        assert checks_of(text, 2018) == []
    assert ("sum", "以上资金合计116.5万元") in checks_of(NUMBERED.replace("合计113.5", "合计116.5"), 2018)
    assert ("sum", "以上合計6490萬元") in checks_of(WITH_DOCUMENTS.replace("6435萬元", "6453萬元"), 2018)


def test_the_parts_stop_at_a_heading_a_total_stated_first_or_a_line_of_another_measure() -> None:
    stated_first = (
        "资金来源:共计241.3万元\n中央资金125.5万元\n省级资金91.2万元\n市级资金24.6万元\n以上资金合计241.3万元。\n"
    )
    assert _sums(stated_first) == [("241.3万元", ["125.5万元", "91.2万元", "24.6万元"])]
    counted = "受益情况\n贫困户120户\n中央资金125.5万元\n省级资金91.2万元\n以上资金合计216.7万元。\n"
    assert _sums(counted) == [("216.7万元", ["125.5万元", "91.2万元"])]
    one_line = "一、资金来源\n中央资金125.5万元\n以上资金合计125.5万元。\n"
    assert _sums(one_line) == []
