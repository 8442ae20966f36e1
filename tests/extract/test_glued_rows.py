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
    # r1-12: text targets leave two lone numbers — which row's 分值 or 得分 each is is not told
    assert read("群众生产生活条件改善状况10显著提升显著提升10满意度") == ([], ["10", "10"])
    # r4-03: OCR-damaged cells (^, 工) and a row with a text actual; the label serial 指标1 is no cell
    rows, unread = read("指标1一级种薯推广面积占总面积比例880%^80%8指标2认知度8250%5=50%8")
    assert rows == [] and unread == ["880%", "80%8", "8250%5=50%8"]
    assert read("减少82%2%8可持续影响指标") == ([("8", "8")], [])


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


def test_a_glued_form_claims_its_categories_and_keeps_one_with_an_unread_row_open() -> None:
    (tree,), _ = trees(GLUED_FORM)
    cats = {n.name: n for n in tree.nodes if n.id.startswith("c")}
    assert [(n.name, len(n.children), n.exhaustive) for n in cats.values()] == [
        ("产出指标", 6, True),
        ("效益指标", 1, False),  # the 改善状况 row is unread
        ("满意度指标", 1, True),
    ]
    assert shape(GLUED_FORM)[0][0] == "n0"
    assert review_document(doc(GLUED_FORM)).findings == ()
    for cap in ("产出指标(73分)", "满意度指标(13分)"):
        wrong = GLUED_FORM.replace(cap.replace("73", "70").replace("13", "10"), cap)
        (f,) = review_document(doc(wrong)).findings
        assert f.check == "score" and "分值不符" in f.message
    # the open category is bounded only: a cap below its known rows shows, one above does not
    assert review_document(doc(GLUED_FORM.replace("效益指标(20分)", "效益指标(23分)"))).findings == ()
    (f,) = review_document(doc(GLUED_FORM.replace("效益指标(20分)", "效益指标(5分)"))).findings
    assert "“效益指标”标明5分" in f.message
    notes = review_document(doc(GLUED_FORM)).notes
    assert sum("单元格连写" in n for n in notes) == 2
