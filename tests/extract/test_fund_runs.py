"""Fund rows whose cells ran together, and fund-block rows the template names, as dev reports print
them (eval/corpus, split dev): the numbers are theirs, the surrounding text trimmed."""

from __future__ import annotations

from decimal import Decimal

from review.core.claims import RatioRelation, Readings, SumRelation
from review.core.document import Document
from review.extract.rules import fund_runs
from review.extract.rules.form_blocks import Token, find_blocks
from review.extract.rules.form_funds import extract_form_funds
from review.extract.rules.fund_rows import block_decimals
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


def test_a_rate_sign_written_apart_ends_the_run_as_it_does_written_on() -> None:
    """r2-08's and r9-02's rows with the 100 % of PDF text (a space before the sign): read the same."""
    for text, cell in ((R2_08, "194.9"), (R9_02, "4000")):
        relations, q, unread = funds(text.replace("100%", "100 %"))
        assert unread == []
        assert _ratios(relations, q) == [("100 %", cell, (cell,)), ("100 %", cell, (cell,))]


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


R2_18 = (
    "项目资金(万元)年初预算数全年预算数全年执行数分值执行率得分年度资金总额3555035550355501082.12%8.5"
    "其中:当年财政拨款3555035550——上年结转资金——其他资金——年度总体目标预期目标"
)


def test_a_run_that_goes_on_after_its_rate_is_cut_there_and_checked_under_every_cutting() -> None:
    # r2-18 (湘西地区开发 专项资金, traditional characters): 35550 | 35550 | 35550 | 10 | 82.12% | 8.5 —
    # the % ends the rate and 8.5 is the 得分; the whole amounts before it cut 167 ways, under every one
    # of which the rate is off its amounts and 8.5 off min(rate, 100%) × 分值 (the report's two errors)
    relations, _, unread = funds(R2_18)
    assert [u.reason.split("（")[0] for u in unread] == ["表格行“年度资金总额”的数字连写，可有多种切分"]
    assert [len(r.alternatives) for r in relations if isinstance(r, Readings)] == [167]
    findings = review_document(doc(R2_18)).findings
    assert [f.check for f in findings] == ["ratio", "score"]
    first = findings[0].message.split("；")[0]  # the fullest readings first, the most even amounts first
    assert first.endswith(
        "读作“35550｜35550｜82.12%”：比率不符：报告写82.12%，按年度资金总额·全年执行数35550 ÷ "
        "年度资金总额·全年预算数35550计算为100%"
    )


def test_a_rate_cut_from_a_run_is_below_1000_percent() -> None:
    text = "3555035550355501082.12%"
    cuts = fund_runs.cuttings(text, Token(0, len(text), None, glued=True), 5)
    assert cuts and all(c[-1].value is not None and c[-1].value < 1000 for c in cuts)


# r8-08 (襄阳市中心医院): 得分 (20分*执行率) right after the rate, the (B/A) label left unclosed
R8_08 = (
    "预算执行情况 (万元) (20 分)预算数(A)执行数(B)执行率(B/A1得分(20分*执行率)年度财政 资金总额10001000100%20"
    "度效标80> 年绩目1分级标 一指二级指标三级指标"
)


def test_the_cell_after_the_rate_is_the_next_column() -> None:
    relations, q, unread = funds(R8_08)
    assert unread == []
    assert _ratios(relations, q) == [("100%", "1000", ("1000",))]
    scores = [f for f in review_document(doc(R8_08.replace("100%20", "100%23"))).findings if f.check == "score"]
    assert [f.quote for f in scores] == ["23"]  # 得分 = min(100%, 100%) × the heading's 20 分


def test_a_run_after_its_rate_is_one_cell_or_none() -> None:
    # r1-12 (中江县 水标尺): 20 | 20 | 10 | 100.00% | 10; every cutting ends with the 得分 10
    text = "202010100.00%10"
    cuts = fund_runs.cuttings(text, Token(0, len(text), None, glued=True), 5)
    assert cuts and all(text[c[-1].start : c[-1].end] == "10" and c[-2].percent for c in cuts)
    assert fund_runs.cuttings("100%2020.5%", Token(0, 11, None, glued=True), 5) == []  # two rates


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


# --- rows that cut more than one way --------------------------------------------------------------


def test_a_seeded_rate_that_makes_a_run_cut_several_ways_is_found_under_every_reading() -> None:
    # r9-02: 4000 | 4000 | 103%, 4000 | 400010 | 3% or 40004000 | 10 | 3% — wrong whichever is right
    text = R9_02.replace("年度资金总额:40004000100%", "年度资金总额:40004000103%")
    relations, _, unread = funds(text)
    assert [u.reason.split("（")[0] for u in unread] == ["表格行“年度资金总额”的数字连写，可有多种切分"]
    ratios = [f for f in review_document(doc(text)).findings if f.check == "ratio"]
    assert [f.quote for f in ratios] == ["年度资金总额:40004000103%"]
    assert "3种读法" in ratios[0].message and "4000｜4000｜103%" in ratios[0].message


def test_a_run_after_the_rate_cut_several_ways_is_found_under_every_reading() -> None:
    # r8-08 likewise, its 得分 20 after the rate
    findings = review_document(doc(R8_08.replace("100%20", "103%20"))).findings
    assert [f.check for f in findings] == ["ratio"]
    assert findings[0].quote == "年度财政 资金总额10001000103%20"


R1_18 = (
    "资金情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:21182118100%"
    "其中:中央财政资金21182118100%地方资金其他资金总体目标完成情况"
)


def test_a_row_one_of_whose_many_readings_holds_is_left_unread_not_found() -> None:
    # r1-18 (非物质文化遗产保护资金): 2118 | 2118 | 100%, 21 | 182118 | 100% … 7 cuttings of whole numbers
    review = review_document(doc(R1_18))
    assert review.findings == ()
    assert len([u for u in review.claims.unread if "可有多种切分" in u.reason]) == 2
    assert [len(r.alternatives) for r in review.claims.relations if isinstance(r, Readings)] == [7, 7]
    assert all(
        u.reason.endswith("未按唯一读法核对（7种读法各自核对，每种都不相符才报告）") for u in review.claims.unread
    )


def test_a_rate_wrong_under_each_of_many_readings_is_found_and_the_readings_counted() -> None:
    text = R1_18.replace("年度资金总额:21182118100%", "年度资金总额:21182118103%")
    (f,) = review_document(doc(text)).findings
    assert f.check == "ratio" and f.quote == "年度资金总额:21182118103%"
    assert "15种读法" in f.message and "等15种" in f.message and f.message.count("读作") == 3


def test_the_blocks_other_cut_amounts_tell_how_a_row_is_cut() -> None:
    # r2-08: 194.9194.9103% alone is 194.9 | 194.9 | 103% or 194.919 | 4.910 | 3% (which holds); under
    # 县级资金 194.9194.9100% (cut one way, to one decimal) it is the first, and its rate is wrong
    text = R2_08.replace("年度资金总额194.9194.9100%", "年度资金总额194.9194.9103%")
    ratios = [f for f in review_document(doc(text)).findings if f.check == "ratio"]
    assert [f.quote for f in ratios] == ["103%"]
    alone = "项目资金(万元)全年预算数(A)全年执行数(B)执行率(B/A)年度资金总额194.9194.9103%其他资金年度 总体 目标"
    review = review_document(doc(alone))
    assert review.findings == ()  # one of its readings holds: which is right is not decided
    assert [len(r.alternatives) for r in review.claims.relations if isinstance(r, Readings)] == [2]


def test_the_decimals_a_block_writes_its_cut_amounts_to() -> None:
    # r2-08: both rows cut one way, to one decimal; r9-02: whole numbers; a row that cuts several ways,
    # or two rows written differently, say nothing
    def block_of(text: str) -> int | None:
        (block,) = find_blocks(text)
        return block_decimals(block, text)

    assert block_of(R2_08) == 1
    assert block_of(R9_02) == 0
    assert block_of(R1_18) is None
    assert block_of(R2_08.replace("县级资金194.9194.9100%", "县级资金194.90194.90100%")) is None
