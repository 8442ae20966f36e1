"""Score rows whose cells run together (分值 年度指标值 全年实际值 得分 with no separators): read
only where one cutting gives four well-formed cells, else unread.

Phrasings from r1-12 (中江县水利局) and r4-03 (原州区马铃薯种薯, 宁夏), dev split."""

from __future__ import annotations

from review.core.claims import Unread
from review.extract.rules.glued_rows import glued_rows, is_glued
from review.pipeline import review_document
from tests.extract.test_form_scores import doc, shape, trees


def read(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    unread: list[Unread] = []
    rows = glued_rows(text, 0, len(text), unread)
    return [(text[w.start : w.end], text[s.start : s.end]) for w, s in rows], [text[u.start : u.end] for u in unread]


def test_a_run_with_one_cutting_is_a_row() -> None:
    # r1-12: signs, units and % end the target and actual cells
    assert read("安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10") == ([("10", "10"), ("10", "10")], [])
    # "20100%100%20": 2010 | 0% is no 分值 (above 100), 2 | 0100% has a leading zero
    assert read("项目(工程)验收合格率20100%100%20时效指标") == ([("20", "20")], [])
    assert read("项目计划总投资1020万元20万元10效益指标") == ([("10", "10")], [])  # 102 | 0万元: above 100


def test_a_run_that_is_not_four_cells_is_unread() -> None:
    # r4-03: OCR-damaged cells (^, 工) and a row with a text actual; the label serial 指标1 is no cell
    rows, unread = read("指标1一级种薯推广面积占总面积比例880%^80%8指标2认知度8250%5=50%8")
    assert rows == [] and unread == ["880%", "80%8", "8250%5=50%8"]
    assert read("减少82%2%8可持续影响指标") == ([("8", "8")], [])


def test_text_targets_leave_weight_and_score_as_a_pair_of_lone_numbers() -> None:
    # r1-12: 分值 10, 年度指标值 显著提升, 全年实际值 显著提升, 得分 10
    assert read("户人口数10≥1000人≥1000人10群众生产生活条件改善状况10显著提升显著提升10满意度") == (
        [("10", "10"), ("10", "10")],
        [],
    )
    # r4-03: 分值 8, 年度指标值 不高于市场价, 全年实际值 是, 得分 8
    assert read("成本指标指标1种薯采购价格不高于市场价8是是8") == ([("8", "8")], [])
    assert read("指标1种薯采购价格不高于市场价8是是8指标2可持续8是基本达到7") == ([("8", "8"), ("8", "7")], [])


def test_lone_numbers_that_do_not_pair_off_are_unread() -> None:
    # an odd count: which of them is a row's 分值 or 得分 cannot be told
    assert read("种薯采购价格不高于市场价8是是8认知度较高5") == ([], ["8", "8", "5"])
    # another run the rows cannot be cut into: the lone numbers' rows are not certain either (r4-03)
    rows, unread = read("种薯采购价格不高于市场价8是是8推广面积880%^80%8")
    assert rows == [] and unread == ["8", "8", "880%", "80%8"]
    # a four-cell row between two lone numbers: they are no pair
    assert read("改善状况10显著提升户人口数10≥1000人≥1000人10群众满意10")[0] == [("10", "10")]


def test_glued_only_without_any_separator() -> None:
    assert is_glued("安装坡面水标尺10≥266米≥266米10", 0, 20)
    assert not is_glued("安装坡面水标尺 | 10 | ≥266米", 0, 20)


# r1-12, the form's indicator part as the page renders it (cells and rows run together)
GLUED_FORM = (
    "绩效指标一级指标二级指标三级指标分值年度指标值全年实际值得分未完成原因及拟采取的改进措施"
    "产出指标(70分)数量指标安装坡面水标尺10≥266米≥266米10水标尺宽度10≥50厘米≥50厘米10"
    "质量指标项目(工程)验收合格率20100%100%20时效指标及时(按期)开工率10≥90%≥90%10"
    "及时(按期)完工率10≥90%≥90%10成本指标项目计划总投资1020万元20万元10"
    "效益指标(20分)经济效益指标社会效益指标受益脱贫(含监测对象)户人口数10≥1000人≥1000人10"
    "群众生产生活条件改善状况10显著提升显著提升10"
    "满意度指标(10分)服务对象满意度指标受益脱贫(含监测对象)户满意度10≥95%≥95%10……总分100100注:"
)


def test_a_glued_form_claims_its_categories() -> None:
    (tree,), _ = trees(GLUED_FORM)
    cats = {n.name: n for n in tree.nodes if n.id.startswith("c")}
    assert [(n.name, len(n.children), n.exhaustive) for n in cats.values()] == [
        ("产出指标", 6, True),
        ("效益指标", 2, True),  # the 改善状况 row: 分值 and 得分 two lone numbers around its text cells
        ("满意度指标", 1, True),
    ]
    assert shape(GLUED_FORM)[0][0] == "n0"
    assert review_document(doc(GLUED_FORM)).findings == ()
    for cap in ("产出指标(73分)", "满意度指标(13分)", "效益指标(23分)"):
        wrong = GLUED_FORM.replace(cap.replace("73", "70").replace("13", "10").replace("23", "20"), cap)
        (f,) = review_document(doc(wrong)).findings
        assert f.check == "score" and "分值不符" in f.message
    wrong = GLUED_FORM.replace("改善状况10显著提升显著提升10", "改善状况15显著提升显著提升10")
    (f,) = review_document(doc(wrong)).findings
    assert "“效益指标”标明20分" in f.message
    notes = review_document(doc(GLUED_FORM)).notes
    assert sum("单元格连写" in n for n in notes) == 0
