"""The 项目资金 block of a 项目支出绩效自评表 in the renderings real reports arrive in.

Each rendering below is taken from a different public report of the dev corpus (eval/corpus,
split dev): the numbers are theirs, the surrounding text trimmed."""

from __future__ import annotations

from review.core.claims import FormulaScore, RatioRelation, SumRelation
from review.core.document import Document
from review.extract.rules.form_blocks import find_blocks
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


# r1-02 (临翔区, ynlx.gov.cn): pipe rows, the label on its own line, the empty 年初预算数 cell dropped
PIPES_DROPPED = (
    "项目资金 (万元) |\n"
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "年度资金总额 |\n"
    "| 32.4 | 31.69 | 10 | 97.80% | 9 |\n"
    "其中:当年财政拨款 |\n"
    "| 32.4 | 31.69 | 10 | 97.80% | 9 |\n"
    "年度 总体 目标 | 预期目标 | 实际完成情况 |\n"
)
# r2-01 (棠溪镇, 池州): the whole form on one space-separated line
ONE_LINE = (
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 "
    "其中:本年财政拨款 90 89.974 89.974 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况\n"
)
# r4-04 (宝坻区): pipes, three columns with (A)/(B/A) marks, a colon after the label
THREE_COLUMNS = (
    "资金情况 (万元) |\n"
    "全年预算数(A) | 全年执行数(B) | 预算执行率(B/A) | ||||\n"
    "年度资金总额: | 1760 | 1760 | 100% | ||||\n"
    "其中:中央财政资金 | 1760 | 1760 | 100% | ||||\n"
    "地方资金 | | | | ||||\n"
)
# r1-09 (四川): a group heading before the columns, a column the template does not know
GROUP_HEADING = (
    "预算执行情况(10分) | 年度预算数(万元) | 年初预算 | 调整后预算数 | 预算执行数 | "
    "预算执行率 | 权重 | 得分 | 原因 | ||\n"
    "总额 | 0.00 | 3.36 | 3.36 | 100.00% | 10 | 10 | 1.预算执行率=预算执行数/调整后预算数 | |||\n"
    "其中:财政资金 | 0.00 | 3.36 | 3.36 | 100.00% | / | / | ||||\n"
    "财政专户管理资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||\n"
    "单位资金 | 0.00 | 0.00 | 0.00 | 0.00% | / | / | ||||\n"
)


def test_a_dropped_cell_leaves_one_reading_of_the_rate_and_the_score() -> None:
    relations, q, unread = funds(PIPES_DROPPED)
    ratios = [r for r in relations if isinstance(r, RatioRelation)]
    formulas = [r for r in relations if isinstance(r, FormulaScore)]
    assert len(ratios) == 2 and len(formulas) == 2 and not unread
    r = ratios[0]
    assert (q[r.rate].text, q[r.numerator].text, [q[d].text for d in r.denominators]) == ("97.80%", "31.69", ["32.4"])
    f = formulas[0]
    assert (q[f.rate].text, q[f.weight].text, q[f.score].text) == ("97.80%", "10", "9")
    findings = review_document(doc(PIPES_DROPPED)).findings
    assert {f.check for f in findings} == {"score"} and "9.78" in findings[0].message


def test_a_total_left_at_zero_beside_a_part_with_money_is_a_sum_finding() -> None:
    relations, q, _ = funds(ONE_LINE)
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert [(q[s.total].text, [q[i].text for i in s.items]) for s in sums] == [
        ("0", ["90"]),
        ("0", ["89.974"]),
        ("0", ["89.974"]),
    ]
    findings = review_document(doc(ONE_LINE)).findings
    assert [f.check for f in findings] == ["sum", "sum", "sum"] and all(f.severity == "high" for f in findings)


def test_three_columns_with_their_marks_and_a_blank_part_row() -> None:
    relations, q, unread = funds(THREE_COLUMNS)
    ratios = [r for r in relations if isinstance(r, RatioRelation)]
    assert [(q[r.rate].text, q[r.numerator].text) for r in ratios] == [("100%", "1760"), ("100%", "1760")]
    assert not unread and review_document(doc(THREE_COLUMNS)).findings == ()
    # 1860 ÷ 1760 = 105.7%: outside 100% ± 0.5 (1763 would be 100.17%, a rounding of 100%)
    wrong = THREE_COLUMNS.replace("年度资金总额: | 1760 | 1760 | 100%", "年度资金总额: | 1760 | 1860 | 100%")
    # the total's 执行数 no longer matches its rate, nor its one part row (地方资金 is blank)
    assert sorted(f.check for f in review_document(doc(wrong)).findings) == ["ratio", "sum"]


def test_a_group_heading_and_an_unknown_column_do_not_hide_the_header() -> None:
    relations, q, unread = funds(GROUP_HEADING)
    ratios = [r for r in relations if isinstance(r, RatioRelation)]
    assert [(q[r.rate].text, q[r.numerator].text, [q[d].text for d in r.denominators]) for r in ratios][0] == (
        "100.00%",
        "3.36",
        ["3.36"],
    )
    assert any(isinstance(r, FormulaScore) for r in relations) and not unread
    assert review_document(doc(GROUP_HEADING)).findings == ()


def test_numbers_that_fit_the_columns_several_ways_are_reported_not_guessed() -> None:
    text = "年初预算数 全年预算数 全年执行数 分值 执行率\n年度资金总额 100 90 80 80%\n"
    relations, _, unread = funds(text)
    assert not any(isinstance(r, RatioRelation) for r in relations)  # 80/90 or 90/100: no single reading
    assert len(unread) == 1 and "执行率有多种读法" in unread[0].reason
    review = review_document(doc(text))
    assert any("未核对" in n and "年度资金总额" in n for n in review.notes)


def test_outside_a_form_nothing_is_read() -> None:
    prose = "全年预算数、全年执行数和执行率见附表。年度资金总额 100 万元，其中财政拨款 60 万元。\n"
    assert funds(prose) == ([], {}, [])


def test_a_lone_part_row_counts_when_the_form_goes_on_after_it() -> None:
    lone = THREE_COLUMNS.split("地方资金")[0] + "年度总体目标 | 完成供热补贴发放 |\n"
    wrong = lone.replace("其中:中央财政资金 | 1760 | 1760", "其中:中央财政资金 | 1760 | 1700")
    relations, q, _ = funds(wrong)
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert [(q[s.total].text, [q[i].text for i in s.items]) for s in sums] == [("1760", ["1760"]), ("1760", ["1700"])]
    cut = wrong.split("年度总体目标")[0].rstrip()  # the excerpt ends after the part row: it may go on
    assert not [r for r in funds(cut)[0] if isinstance(r, SumRelation)]


# r1-01 (永德县明朗中学, 云南): the empty 年初预算数 dropped from every row, a part row with — under 分值 and 得分
DASHES_IN_PART_ROW = (
    "| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 | 年度资金总额 |\n"
    "| 387664.62 | 387664.62 | 10 | 100% | 10 | 其中:当年财政 拨款 |\n"
    "| 387664.62 | 387664.62 | — |\n"
    "| — | 上年结转 资金 |\n|\n|\n\n| — |\n"
    "| — | 其他资金 | — | — | — | — |\n"
    "| — | 年度 总体 目标 | 预期目标 | 实际完成情况 |\n"
)
# r6-17 (种养业奖补, 湖南): the part row repeats the total row's 分值 and 得分
PART_ROW_REPEATS_SCORE = (
    "资金情况 (万元) |\n"
    "全年预算数(A) | 全年执行数(B) | 分值 | 执行率(B/A) | 得分 | |||||\n"
    "年度资金总额: | 9.48 | 9.48 | 10 | 100% | 10 | |||||\n"
    "其中:本年财政拨款 | 9.48 | 9.48 | 10 | 100% | 10 | |||||\n"
    "其他资金 | - | - | ||||||||\n"
    "年度总体目标 | 年初设定目标 | 年度总体目标完成情况综述 | ||||||||\n"
)


def test_rows_read_jointly_pair_each_total_cell_with_its_parts() -> None:
    """Which column a number is in may stay open (年初预算数 or 全年预算数), but every reading of the
    block puts the total's cell and its part's cell in the same one: the sum is claimed."""
    for text, total, part in (
        (DASHES_IN_PART_ROW, "387664.62", "387664.62"),
        (PART_ROW_REPEATS_SCORE, "9.48", "9.48"),
    ):
        relations, q, unread = funds(text)
        sums = [(q[s.total].text, [q[i].text for i in s.items]) for s in relations if isinstance(s, SumRelation)]
        assert sums == [(total, [part]), (total, [part])] and not unread
        assert review_document(doc(text)).findings == ()
    wrong = DASHES_IN_PART_ROW.replace("| 387664.62 | 387664.62 | — |", "| 387664.62 | 386664.62 | — |")
    (f,) = review_document(doc(wrong)).findings
    assert f.check == "sum" and f.quote == "387664.62" and "386664.62" in f.message


def test_a_part_row_filling_a_column_its_total_leaves_out_is_read_by_column() -> None:
    """No joint reading (the part has more cells than the total): each column only where certain."""
    text = (
        "全年预算数 | 全年执行数 | 执行率 |\n年度资金总额 | 100 | 100% |\n"
        "其中:财政拨款 | 100 | 90 | 90% |\n其他资金 | - | - |\n年度总体目标 |\n"
    )
    relations, q, _ = funds(text)
    assert not [s for s in relations if isinstance(s, SumRelation)]


# r1-08 (雅安市名山区, 四川 转移支付 form): a 行次 column and a 列次 line, 统筹整合 and 到位 columns with two
# rates (预算到位 D/C, 预算执行 E/C), the empty 统筹整合资金数 dropped, a 佐证材料 cell, a long note after a label
TRANSFER_FORM = (
    "行次 全年预算数\n(A)\n统筹整合资金数\n(B)\n扣除统筹整合资金后预算金额\n(C)\n全年到位资金\n(D)\n"
    "预算到位\n(D/C×100%)\n全年执行资金\n(E)\n预算执行\n(E/C×100%)\n佐证材料\n"
    "列次 0 1 2 3 4 5 6 7 所需材料 上传端口\n"
    "年度资金总额(万元): 1 52.800000\n52.800000 52.800000 100.00% 30.800000 58.33%\n"
    "其中:中央财政资金(万元) 2 52.800000\n"
    "52.800000 52.800000 100.00% 30.800000 58.33% 预算下达文件、资金到位及支出凭证\n"
    "地方财政资金(万元) 3\n\n\n\n"
    "其他资金(万元,自有资金、社会资本、以前年度结转结余资金等) 4\n\n\n\n"
    "资金管理情况\n"
)


def _ratios(relations, q):  # type: ignore[no-untyped-def]
    return [
        (q[r.rate].text, q[r.numerator].start, [q[d].start for d in r.denominators], r.basis)
        for r in relations
        if isinstance(r, RatioRelation)
    ]


def test_a_transfer_form_reads_both_rates_over_the_net_budget_and_skips_the_serials() -> None:
    relations, q, unread = funds(TRANSFER_FORM)
    row = TRANSFER_FORM.index("年度资金总额")
    first, c, d = _starts(TRANSFER_FORM, "52.800000", row)  # A, C, D (the empty B dropped)
    e = TRANSFER_FORM.index("30.800000", row)
    ratios = _ratios(relations, q)
    assert ratios[:2] == [
        ("58.33%", e, [c], "自评表·资金·执行率"),  # 预算执行 = E ÷ C
        ("100.00%", d, [c], "自评表·资金·预算到位率"),  # 预算到位 = D ÷ C
    ]
    assert len(ratios) == 4 and not unread  # the same two in the 中央财政资金 row
    sums = [(q[s.total].start, [q[i].text for i in s.items]) for s in relations if isinstance(s, SumRelation)]
    assert (first, ["52.800000"]) in sums and (e, ["30.800000"]) in sums
    assert all(q[i].text != "1" for r in relations for i in _ids(r))  # 行次 1 is no value
    assert review_document(doc(TRANSFER_FORM)).findings == ()
    wrong = TRANSFER_FORM.replace("30.800000 58.33%\n其中", "30.800000 61.33%\n其中")
    (f,) = review_document(doc(wrong)).findings
    assert (f.check, f.quote) == ("ratio", "61.33%")
    part = TRANSFER_FORM.replace("资金(万元) 2 52.800000", "资金(万元) 2 55.800000")
    (f,) = review_document(doc(part)).findings
    assert f.check == "sum" and "55.8" in f.message


def test_a_row_whose_serial_is_out_of_order_is_reported_not_read() -> None:
    text = TRANSFER_FORM.replace("资金(万元) 2 52.800000", "资金(万元) 52.800000")  # 行次 2 missing
    relations, q, unread = funds(text)
    assert [u.reason for u in unread] == [
        "表格行“其中：中央财政资金”的行次缺失或不连续（表头 7 列：全年预算数、统筹整合资金数、"
        "扣除统筹整合资金后预算金额、全年到位资金、预算到位率、全年执行数、执行率），未核对"
    ]
    assert len(_ratios(relations, q)) == 2  # the total row is still read


def test_cells_run_together_that_cut_several_ways_are_reported_not_read() -> None:
    # r1-18 (广西 文化和旅游厅): 年度资金总额:21182118100% — 2118 | 2118 | 100%, but 21182 | 118 | 100%
    # is as well-formed: which it is only the arithmetic could tell, and that never decides
    text = (
        "资金情况(万元)全年预算数(A)全年执行数(B)预算执行率(B/A)年度资金总额:21182118100%"
        "其中:中央财政资金21182118100%地方资金其他资金总体目标完成情况"
    )
    relations, _, unread = funds(text)
    assert {r.kind for r in relations} == {"readings"} and len(unread) == 2  # each cutting, none claimed
    assert all("数字连写，可有多种切分" in u.reason for u in unread)


def _starts(text: str, sub: str, pos: int) -> list[int]:
    out = []
    while (i := text.find(sub, pos)) >= 0 and len(out) < 3:
        out.append(i)
        pos = i + 1
    return out


def _ids(rel):  # type: ignore[no-untyped-def]
    if isinstance(rel, RatioRelation):
        return [rel.rate, rel.numerator, *rel.denominators]
    if isinstance(rel, SumRelation):
        return [rel.total, *rel.items]
    return []


# r4-03 (原州区): amounts written with their unit, one cell a line ("300万元\n259.45万元\n86.5%"); r6-11:
# a part row's cell "2.38万元" (and "2.38  万元"). The rendering matrix's unit_suffix rendering writes every
# amount cell so ("| 808.1万元 |").
UNIT_CELLS = (
    "项目资金（万元） | 全年预算数 | 全年执行数 | 执行率 |\n"
    "年度资金总额 | 300万元 | 259.45万元 | 86.5% |\n"
    "其中：当年财政拨款 | 297.62万元 | 257.07  万元 | 86.4% |\n"
    "其他资金 | 2.38万元 | 2.38万元 | 100% |\n"
    "年度总体目标\n"
)


def test_an_amount_cell_with_its_unit_is_read_as_the_amount_in_that_unit() -> None:
    relations, q, unread = funds(UNIT_CELLS)
    assert not unread
    ratio = next(r for r in relations if isinstance(r, RatioRelation))
    assert (q[ratio.rate].text, q[ratio.numerator].text, q[ratio.denominators[0]].text) == ("86.5%", "259.45", "300")
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert sorted(q[s.total].text for s in sums) == ["259.45", "300"]
    assert {q[i].unit for s in sums for i in s.items} == {"万元"}


def test_a_cell_in_yuan_under_a_header_in_wanyuan_keeps_its_own_unit() -> None:
    swapped = UNIT_CELLS.replace("| 2.38万元 | 2.38万元 |", "| 2.38元 | 2.38万元 |")
    relations, q, _ = funds(swapped)
    budget = next(s for s in relations if isinstance(s, SumRelation) and q[s.total].text == "300")
    assert [(q[i].text, q[i].unit) for i in budget.items] == [("297.62", "万元"), ("2.38", "元")]
    findings = review_document(doc(swapped)).findings
    assert [f.check for f in findings] == ["unit", "unit"]  # the 100% of 2.38元 ÷ 2.38万元 is the same slip, not a rate
    assert not review_document(doc(UNIT_CELLS)).findings


# The merged 项目资金 cell written again at the start of every row it spans (a table unmerged and
# filled): the fund rows of r6-10 (2022, 808.1 | 692.98 | 86%) and of r1-01 (学生资助, in 元).
R6_10_REPEATED = (
    "| 项目资金（万元） |  | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "| 项目资金（万元） | 年度资金总额 | 808.1 | 808.1 | 692.98 | 10 | 86% | 8.6 |\n"
    "| 项目资金（万元） | 其中：当年财政拨款 | 808.1 | 808.1 | 692.98 | — | 86% | — |\n"
    "| 项目资金（万元） | 上年结转资金 | 0 | 0 | 0 | — | — | — |\n"
    "| 项目资金（万元） | 其他资金 | 0 | 0 | 0 | — | — | — |\n"
    "| 年度总体目标 | 预期目标 | 实际完成情况 |\n"
)
R1_01_REPEATED = (
    "项目资金（元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\n"
    "项目资金（元）\t年度资金总额\t387664.62\t387664.62\t387664.62\t10\t100%\t10\n"
    "项目资金（元）\t其中：当年财政拨款\t387664.62\t387664.62\t387664.62\t—\t100%\t—\n"
    "项目资金（元）\t上年结转资金\t—\t—\t—\t—\t—\t—\n"
    "项目资金（元）\t其他资金\t—\t—\t—\t—\t—\t—\n"
    "年度总体目标\t预期目标\t实际完成情况\n"
)


def test_the_merged_fund_cell_repeated_on_every_row_is_not_other_text() -> None:
    relations, q, unread = funds(R6_10_REPEATED)
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert [(q[s.total].text, [q[i].text for i in s.items]) for s in sums] == [
        ("808.1", ["808.1", "0", "0"]),
        ("808.1", ["808.1", "0", "0"]),
        ("692.98", ["692.98", "0", "0"]),
    ]
    assert not unread and review_document(doc(R6_10_REPEATED)).findings == ()
    wrong = R6_10_REPEATED.replace(
        "其中：当年财政拨款 | 808.1 | 808.1 | 692.98", "其中：当年财政拨款 | 808.1 | 808.1 | 629.98"
    )
    assert {f.check for f in review_document(doc(wrong)).findings} >= {"sum"}
    relations, q, _ = funds(R1_01_REPEATED)
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert [q[s.total].text for s in sums] == ["387664.62"] * 3 and all(len(s.items) >= 1 for s in sums)


def test_the_lead_cell_in_the_middle_of_a_row_still_ends_the_block() -> None:
    # only at the start of a row is it the merged cell again; elsewhere it is other text
    mid = R6_10_REPEATED.replace("| 项目资金（万元） | 上年结转资金 |", "| 上年结转资金 | 项目资金（万元） |")
    relations, q, _ = funds(mid)
    assert not [r for r in relations if isinstance(r, SumRelation) and len(r.items) == 3]


# The header over two rows, each column's name split between them (全年 / 预算数): the fund rows
# of r6-10 as pipe rows and of r1-02 (临翔区, 32.4 | 31.69 | 97.80%) as TAB rows.
R6_10_SPLIT_HEADER = (
    "| 项目 |  | 年初 | 全年 | 全年 | 分值 | 执行率 | 得分 |\n"
    "| 资金（万元） |  | 预算数 | 预算数 | 执行数 |  |  |  |\n"
    "|  | 年度资金总额 | 808.1 | 808.1 | 692.98 | 10 | 86% | 8.6 |\n"
    "|  | 其中：当年财政拨款 | 808.1 | 808.1 | 692.98 | — | 86% | — |\n"
    "|  | 上年结转资金 | 0 | 0 | 0 | — | — | — |\n"
    "|  | 其他资金 | 0 | 0 | 0 | — | — | — |\n"
    "| 年度总体目标 | 预期目标 | 实际完成情况 |\n"
)
R1_02_SPLIT_HEADER = (
    "项目资金\t\t年初\t全年\t全年\t分值\t执行率\t得分\n"
    "(万元)\t\t预算数\t预算数\t执行数\t\t\t\n"
    "\t年度资金总额\t32.4\t32.4\t31.69\t10\t97.80%\t9\n"
    "\t其中:当年财政拨款\t32.4\t32.4\t31.69\t—\t97.80%\t—\n"
    "年度总体目标\t预期目标\t实际完成情况\n"
)


def test_a_header_written_over_two_rows_names_its_columns_joined() -> None:
    relations, q, unread = funds(R6_10_SPLIT_HEADER)
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert [(q[s.total].text, [q[i].text for i in s.items]) for s in sums] == [
        ("808.1", ["808.1", "0", "0"]),
        ("808.1", ["808.1", "0", "0"]),
        ("692.98", ["692.98", "0", "0"]),
    ]
    assert not unread and review_document(doc(R6_10_SPLIT_HEADER)).findings == ()
    relations, q, unread = funds(R1_02_SPLIT_HEADER)
    ratios = [r for r in relations if isinstance(r, RatioRelation)]
    assert (q[ratios[0].rate].text, q[ratios[0].numerator].text) == ("97.80%", "31.69") and not unread
    findings = review_document(doc(R1_02_SPLIT_HEADER)).findings
    assert {f.check for f in findings} == {"score"} and "9.78" in findings[0].message


def test_two_header_rows_whose_top_row_names_the_columns_alone_are_not_joined() -> None:
    # the top row is the whole header; the row under it (units) adds no column: the run is read
    text = R6_10_SPLIT_HEADER.replace(
        "| 项目 |  | 年初 | 全年 | 全年 |", "| 项目 |  | 年初预算数 | 全年预算数 | 全年执行数 |"
    )
    text = text.replace("| 资金（万元） |  | 预算数 | 预算数 | 执行数 |", "| 资金（万元） |  | 万元 | 万元 | 万元 |")
    relations, q, _ = funds(text)
    assert len([r for r in relations if isinstance(r, SumRelation)]) == 3


# r23-02 (阜康市, fk.gov.cn): space-separated rows under a header whose weight column is written 分值权重, a part
# row's empty cells marked -
WEIGHT_NAMED_TWICE = (
    "项目资金\n\n(万元)\n\n资金来源 年初预算数 全年预算数 全年执行数 分值权重 执行率 得分\n"
    "年度资金总额 5.28 1.96 1.96 10 100.00% 10\n"
    "其中:当年财政拨款 5.28 1.96 1.96 - - -\n"
    "其他资金 0.00 0.00 0.00 - - -\n"
    "年度总体目标 总体目标 总体目标完成情况\n"
)
# r23-06 (霍邱县, wjbhcs.com): the same, the total's label with a colon and the part rows' trailing cells dropped,
# two of them all zeros
ZERO_PARTS = (
    "项目资金                    (万元)   年初预算数 全年预算数 全年执行数 分值  执行率 得分\n"
    "年度资金总额: 25 25 25 10 100.00% 10.00\n"
    "其中:本年财政拨款 25 25 25    \n"
    "上年结转资金 0 0 0    \n"
    "          其他资金 0 0 0    \n"
    "年度总体目标 预期目标 实际完成情况\n"
)


def test_space_separated_blocks_of_two_reports_give_their_column_sums() -> None:
    for text, total in ((WEIGHT_NAMED_TWICE, "1.96"), (ZERO_PARTS, "25")):
        relations, q, unread = funds(text)
        sums = [r for r in relations if isinstance(r, SumRelation)]
        assert len(sums) == 3, text
        assert unread == []
        assert [q[s.total].text for s in sums][-1] == total
        wrong = text.replace(f" {total} 10 100.00%", f" {total}9 10 100.00%").replace("1.969", "1.99")
        review = review_document(doc(wrong), period=2023)
        assert any(f.check == "sum" for f in review.findings), wrong


def test_a_zero_part_row_counts_as_empty_whichever_columns_its_zeros_take() -> None:
    relations, q, _ = funds(ZERO_PARTS)
    sums = [r for r in relations if isinstance(r, SumRelation)]
    assert [[q[i].text for i in s.items] for s in sums] == [["25"], ["25"], ["25"]]


# r22-05 (安溪县, fjax.gov.cn) 绩效目标表: the block under its heading 资金情况(万元), no header, one amount a row
TARGET_PIPES = (
    "项目名称 |\n省级第七批水利专项资金 |\n主管部门(单位)名称 |\n安溪县水利局 |\n|||||||||\n"
    "资金情况(万元) |\n资金总额 |\n100 |\n其中:财政拨款 |\n100 |\n其他资金 |\n|||||||\n"
    "总 体 目 标 |\n开展7个小型水利工程建设 |\n"
)
# r21-07 (蒙城县, mengcheng.gov.cn) 绩效目标申报表: one cell a line under 项目金额(万元), each amount with its unit
# (the report writes its part row 其中:财政投款, a slip the template does not name; here 财政拨款)
TARGET_LINES = (
    "项目期\n|\n长期\n|\n项目金额(万元)\n|\n年度资金总额\n|\n2279.048 万元\n|\n其中:财政拨款\n|\n2279.048 万元\n|\n"
    "其他资金\n|\n|\n总体 目标\n|\n针对当前城乡居民存在的主要健康问题\n"
)


def test_a_target_forms_fund_block_without_a_header_is_the_total_over_its_parts() -> None:
    for text, total in ((TARGET_PIPES, "100"), (TARGET_LINES, "2279.048")):
        relations, q, unread = funds(text)
        (s,) = [r for r in relations if isinstance(r, SumRelation)]
        assert (q[s.total].text, [q[i].text for i in s.items]) == (total, [total]) and not unread
        wrong = text.replace(f"\n{total} ", f"\n{total}9 ", 1)
        assert [f.check for f in review_document(doc(wrong), period=2022).findings] == ["sum"], wrong
    header = "年初预算数 | 全年预算数 | 全年执行数 |\n"
    header_after = TARGET_PIPES.replace("资金总额 |\n100 |", header + "资金总额 |\n100 |")
    assert [b.header for b in find_blocks(header_after)] == [("budget_initial", "budget", "executed")]  # read once
