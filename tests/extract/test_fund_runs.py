"""Fund rows whose cells ran together, and fund-block rows the template names, as dev reports print
them (eval/corpus, split dev): the numbers are theirs, the surrounding text trimmed."""

from __future__ import annotations

from decimal import Decimal

from review.core.claims import RatioRelation, SumRelation
from review.core.document import Document
from review.extract.rules import fund_runs
from review.extract.rules.form_blocks import Token
from review.extract.rules.form_funds import extract_form_funds
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from review.pipeline import review_document


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def funds(text: str):  # type: ignore[no-untyped-def]
    scan = Scan.of(doc(text))
    relations, unread = extract_form_funds(scan)
    by_id = {q.id: q for q in scan.minted}
    return relations, by_id, unread


def _ratios(relations, q):  # type: ignore[no-untyped-def]
    return [
        (q[r.rate].text, q[r.numerator].text, tuple(q[d].text for d in r.denominators))
        for r in relations
        if isinstance(r, RatioRelation)
    ]


def _sums(relations, q):  # type: ignore[no-untyped-def]
    return [(q[r.total].text, tuple(q[i].text for i in r.items)) for r in relations if isinstance(r, SumRelation)]


# r2-08 (衡山县 县级专项资金): cells run together, one decimal
R2_08 = (
    "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9100%"
    "其中:中央、省、市补助县级资金194.9194.9100%其他资金年度 总体 目标年初设定目标"
)
# r9-02 (省道公路建设): cells run together, whole numbers, one row a line
R9_02 = (
    "项目资金\n(万元)\n\n全年预算数(A)全年执行数(B)预算执行率(B/A)\n年度资金总额:40004000100%\n"
    " 其中:中央补助40004000100%\n地方资金\n\n\n 其他资金\n\n总体目标\n"
)


def test_cells_run_together_are_cut_where_one_cutting_fits_the_columns() -> None:
    relations, q, unread = funds(R2_08)
    assert unread == []
    assert _ratios(relations, q) == [("100%", "194.9", ("194.9",)), ("100%", "194.9", ("194.9",))]
    assert ("194.9", ("194.9",)) in _sums(relations, q)  # 年度资金总额 = 县级资金 (其他资金 empty)


def test_whole_number_cells_run_together_cut_one_way_only_are_read() -> None:
    # 4000 | 4000 | 100%: 400 | 04000… and 40004000 | 10 | 0% start a cell with 0, no cell of a run does
    relations, q, unread = funds(R9_02)
    assert unread == []
    assert _ratios(relations, q) == [("100%", "4000", ("4000",)), ("100%", "4000", ("4000",))]
    assert _sums(relations, q) == [("4000", ("4000",)), ("4000", ("4000",))]


def test_a_rate_wrong_in_a_run_is_a_ratio_finding() -> None:
    text = R2_08.replace("年度资金总额194.9194.9100%", "年度资金总额194.9194.990%")
    findings = review_document(doc(text)).findings
    assert [f.check for f in findings if f.check == "ratio"] == ["ratio"]


def test_a_run_that_goes_on_after_its_rate_is_reported_not_read() -> None:
    # r2-18 (湘西地区开发 专项资金, traditional characters): 35550 | 35550 | 35550 | 10 | 82.12% | 8.5
    text = (
        "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额3555035550355501082.12%8.5"
        "其中:当年财政拨款3555035550——上年结转资金——其他资金——年度总体目标预期目标"
    )
    relations, _, unread = funds(text)
    assert relations == []
    assert [u.reason.split("（")[0] for u in unread] == ["表格行“年度资金总额”的数字连写，无法切成表头各列"]


def test_cuttings_keep_the_form_of_a_cell() -> None:
    text = "194.9194.9100%"
    cuts = fund_runs.cuttings(text, Token(0, len(text), None, glued=True), 3)
    assert cuts is not None
    shown = [tuple(text[t.start : t.end] for t in c) for c in cuts]
    assert ("194.9", "194.9", "100%") in shown
    assert ("194.919", "4.910", "0%") not in shown  # a cell never starts with 0
    assert all(t.percent == text[t.end - 1].endswith("%") for c in cuts for t in c)
    assert [t.value for t in cuts[shown.index(("194.9", "194.9", "100%"))]] == [
        Decimal("194.9"),
        Decimal("194.9"),
        Decimal("100"),
    ]


def test_template_part_rows_of_local_forms_are_read() -> None:
    # r9-01 (旺苍县 基本药物制度补助): 其中:中央补助 and 地方资金 under 年度资金总额
    text = (
        "项目资金(万元) 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
        "年度资金总额: 2300.67 2300.67 100%\n"
        " 其中:中央补助 442.43 442.43 100%\n"
        "       地方资金 1858.24 1858.24 100%\n"
        "       其他资金\n"
        "总体目标完成情况 总体目标 全年实际完成情况\n"
    )
    relations, q, _ = funds(text)
    assert _sums(relations, q) == [("2300.67", ("442.43", "1858.24")), ("2300.67", ("442.43", "1858.24"))]


# r1-09 (大英县司法局): a numbered note under 原因 to the end of the total row's line
R1_09 = (
    "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | "
    "预算执行率 | 权重 | 得分 | 原因 | ||\n"
    "总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 1.预算执行率=预算执行数/调整后预算数,预算执行率未达到90%的需"
    "说明原因(100字以内);2.年中发生预算调整的(追加或调减),应单独说明理由;3.其他资金包括:社会投入资金、银行贷款. | |||\n"
    "其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | ||||\n"
    "财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||\n"
    "单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||\n"
    "其他资金 | / | / | ||||||||\n"
    "绩效指标(90分) | 一级指标 | 二级指标 | 三级指标 |\n"
)


def test_a_numbered_note_to_the_line_end_leaves_the_part_rows_read() -> None:
    relations, q, unread = funds(R1_09)
    assert unread == []
    assert ("3.36", ("3.36", "0.00", "0.00")) in _sums(relations, q)


def test_a_total_left_at_zero_while_a_part_has_money_is_found() -> None:
    text = R1_09.replace("其中:财政资金 | 0.00", "其中:财政资金 | 3.00")
    findings = review_document(doc(text)).findings
    sums = [f for f in findings if f.check == "sum"]
    assert len(sums) == 1 and "0.00" in text[sums[0].start : sums[0].end]
