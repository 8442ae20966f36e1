"""Table totals read by row labels and header (review/extract/rules/grid_totals.py), in the
renderings the loaders give: pipe lines, TAB cells, one cell a line, space-aligned rows. The
phrasings are the dev reports' (eval/corpus, split dev), the surrounding text trimmed."""

from __future__ import annotations

from pathlib import Path

from review.core.claims import SumRelation
from review.extract.rules.cell_runs import cell_runs
from review.extract.rules.grid_totals import extract_grid_totals
from review.extract.rules.grids import label_grids, unpiped
from review.extract.rules.scan import Scan
from review.extract.rules.table_columns import line_tables
from review.extract.view import view_of
from review.load.loader import load
from tests.conftest import doc_of, review_text
from tests.docbuild import txt_to_docx

# r6-17 (河西村特色种养补贴到户项目 自评表): indicator rows with their 其中 rows, pipe-rendered
AREAS = (
    "二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | ||\n"
    "数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 | ||||\n"
    "其中桃树种植面积 | 1.5亩 | 1.5亩 | ||||||||\n"
    "其中苹果树种植面积 | 5亩 | 5亩 | ||||||||\n"
    "其中露天蔬菜 | 20亩 | 20亩 | ||||||||\n"
    "其中大棚蔬菜 | 3亩 | 3亩 | ||||||||\n"
    "★补助家畜家禽养殖数量 | 10 | 192只 | 192只 | 10 | ||||||\n"
    "其中羊养殖数量 | 180只 | 180只 | ||||||||\n"
    "其中猪养殖数量 | 12头 | 12头 | ||||||||\n"
)
# The same rows one cell a line, after the header and the row's level cells (产出指标（50分）, 数量指标),
# as a PDF's text layer writes them (the rendering matrix's cell_lines of the r6-17 form); no dev
# sample writes 其中 rows so (r4-02's one-cell-a-line 其中 row is under a fund row of six numbers).
AREAS_CELL_LINES = (
    "一级指标\n二级指标\n三级指标\n分值\n年度指标值\n全年实际值\n得分\n产出指标（50分）\n数量指标\n"
    "★补助各类瓜果蔬菜种植面积\n20\n29.5亩\n29.5亩\n20\n其中桃树种植面积\n1.5亩\n1.5亩\n"
    "其中苹果树种植面积\n5亩\n5亩\n其中露天蔬菜\n20亩\n20亩\n其中大棚蔬菜\n3亩\n3亩\n"
    "★补助家畜家禽养殖数量\n10\n192只\n192只\n10\n其中羊养殖数量\n180只\n180只\n其中猪养殖数量\n12头\n12头\n"
)
# The same rows with the merged level cells written again on every row (the matrix's merged_repeated
# of the r6-17 form); no dev sample writes merged cells so.
AREAS_REPEATED = (
    "| 产出指标（50分） | 数量指标 | ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20 |\n"
    "| 产出指标（50分） | 数量指标 | 其中桃树种植面积 | 1.5亩 | 1.5亩 |\n"
    "| 产出指标（50分） | 数量指标 | 其中苹果树种植面积 | 5亩 | 5亩 |\n"
    "| 产出指标（50分） | 数量指标 | 其中露天蔬菜 | 20亩 | 20亩 |\n"
    "| 产出指标（50分） | 数量指标 | 其中大棚蔬菜 | 3亩 | 3亩 |\n"
    "| 产出指标（50分） | 数量指标 | ★补助家畜家禽养殖数量 | 10 | 192只 | 192只 | 10 |\n"
    "| 产出指标（50分） | 数量指标 | 其中羊养殖数量 | 180只 | 180只 |\n"
    "| 产出指标（50分） | 数量指标 | 其中猪养殖数量 | 12头 | 12头 |\n"
)
# r9-10 (岳陽縣農村公路養護): one cell a line, each ending with " |"; r10-02 (郊区 农村公益事业
# 财政奖补): one cell a line, a line holding only "|" between cells
CELL_PIPES_R9_10 = "計劃安排資金 (萬元) |\n700 |\n結余 (萬元) |\n0 |\n"
PIPE_LINES_R10_02 = "分值\n|\n评分\n|\n|\n1\n|\n决策(10)\n"
# r6-17's indicator rows in those two renderings (the rendering matrix's cell_pipes and pipe_lines)
AREAS_CELL_PIPES = "".join(f"{c} |\n" for c in AREAS_CELL_LINES.split("\n") if c)
AREAS_PIPE_LINES = "\n|\n".join(c for c in AREAS_CELL_LINES.split("\n") if c) + "\n"
# r1-02 (马鹿坑国有林场): each row's label on a line of its own, ending in a pipe, over its pipe cells
LABEL_APART_R1_02 = (
    "项目资金 (万元) |\n| 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "年度资金总额 |\n| 32.4 | 31.69 | 10 | 97.80% | 9 |\n其中:当年财政拨款 |\n| 32.4 | 31.69 | 10 | 97.80% | 9 |\n"
)
# r6-17's indicator rows written so (the rendering matrix's label_apart)
AREAS_LABEL_APART = (
    "★补助各类瓜果蔬菜种植面积 |\n| 20 | 29.5亩 | 29.5亩 | 20 |\n"
    "其中桃树种植面积 |\n| 1.5亩 | 1.5亩 |\n"
    "其中苹果树种植面积 |\n| 5亩 | 5亩 |\n"
    "其中露天蔬菜 |\n| 20亩 | 20亩 |\n"
    "其中大棚蔬菜 |\n| 3亩 | 3亩 |\n"
    "★补助家畜家禽养殖数量 |\n| 10 | 192只 | 192只 | 10 |\n"
    "其中羊养殖数量 |\n| 180只 | 180只 |\n"
    "其中猪养殖数量 |\n| 12头 | 12头 |\n"
)
# r3-01 (普陀体育中心 自评表, PDF text): the fund table's cells on one line, single spaces between them
ONE_LINE_R3_01 = (
    "年初预算数 全年预算数 全年执行数 分值 执行率 得分 20000.00 20000.00 4.52 "
    "其中:当年财政拨款 0 0 — 上年结转资金 0 0 — 其他资金 0 0 — 年度资金总额\n"
)
# r6-17's indicator rows so (the rendering matrix's one_line)
AREAS_ONE_LINE = " ".join(c for c in AREAS_CELL_LINES.split("\n") if c) + "\n"
# r5-01 (衡山县贯塘乡 部门整体支出绩效评价基础数据表): 经费控制情况, one cell a paragraph
FUNDS_CONTROL = (
    "经费控制情况(万元\n\n2022 年决算数\n\n2023 年预算数\n\n2023 年决算数\n\n"
    "公用经费\n\n118.31\n\n85.76\n\n193.42\n\n其中:办公经费\n\n29.35\n\n27.00\n\n49.09\n\n"
    "项目支出:\n\n874.20\n\n308.17\n\n1025.20\n\n说明:项目支出需要填报基本支出以外的所有项目支出情况。\n"
)
_TOWNS = [("螺城镇", "0.2"), ("螺阳镇", "1"), ("紫山镇", "0.18"), ("崇武镇", "0.7"), ("山霞镇", "4")]
_TOWNS += [("东岭镇", "1.88"), ("东桥镇", "2.6"), ("小岞镇", "2.1"), ("辋川镇", "0.6")]
# r9-04 (惠安县 应急救助 分配表) with its 合计 row, as a Word table saved as text (TAB cells)
ALLOCATION_TAB = (
    "\t乡镇\n\t补助资金(万元)\n\t约束性任务\n\n"
    + "".join(f"\t{town}\n\t{amount}\n\t补助1户\n\n" for town, amount in _TOWNS)
    + "\t合计\n\t13.26\n\t补助13户\n"
)
ALLOCATION_PIPES = "乡镇 | 补助资金(万元)\n" + "".join(f"{t} | {a}\n" for t, a in _TOWNS) + "合计 | 13.26\n"
# r7-06 and r9-08 (部门决算 收入 tables): the total first, then the kinds of income
INCOME_TAB = (
    "\t项目\n\t决算数\n\n\t本年收入合计\n\t6567.06\n\n\t财政拨款收入\n\t6567.06\n\n"
    "\t事业收入\n\t0.00\n\n\t经营收入\n\t0.00\n\n\t其他收入\n\t0.00\n"
)


def sums(text: str) -> tuple[list[tuple[str, tuple[str, ...], bool, str]], list[str]]:
    scan = Scan.of(view_of(text).document(doc_of(text)))
    relations, unread = extract_grid_totals(scan, [])
    q = {x.id: x for x in scan.minted}
    got = [
        (q[r.total].text, tuple(q[i].text for i in r.items), r.exhaustive, r.basis)
        for r in relations
        if isinstance(r, SumRelation)
    ]
    return got, [u.reason for u in unread]


def test_part_rows_under_an_indicator_row_are_its_parts_per_column() -> None:
    got, unread = sums(AREAS)
    assert got == [
        ("29.5", ("1.5", "5", "20", "3"), True, "表格·其中行"),
        ("29.5", ("1.5", "5", "20", "3"), True, "表格·其中行"),
        ("192", ("180", "12"), True, "表格·其中行"),
        ("192", ("180", "12"), True, "表格·其中行"),
    ]
    assert unread == []
    assert review_text(AREAS).findings == ()
    (f,) = [f for f in review_text(AREAS.replace("12头 | 12头", "13头 | 12头")).findings if f.check == "count"]
    assert f.quote == "192"


def test_part_rows_one_cell_a_line_are_read_under_their_wider_row() -> None:
    got, unread = sums(AREAS_CELL_LINES)
    assert got == [
        ("29.5", ("1.5", "5", "20", "3"), True, "表格·其中行"),
        ("29.5", ("1.5", "5", "20", "3"), True, "表格·其中行"),
        ("192", ("180", "12"), True, "表格·其中行"),
        ("192", ("180", "12"), True, "表格·其中行"),
    ]
    assert unread == []
    assert review_text(AREAS_CELL_LINES).findings == ()
    (f,) = [f for f in review_text(AREAS_CELL_LINES.replace("\n29.5亩\n29.5亩", "\n32.5亩\n29.5亩")).findings]
    assert (f.check, f.quote) == ("sum", "32.5")


def test_a_part_row_after_merged_cells_written_again_is_a_part() -> None:
    got, _ = sums(AREAS_REPEATED)
    assert ("29.5", ("1.5", "5", "20", "3"), True, "表格·其中行") in got
    assert ("192", ("180", "12"), True, "表格·其中行") in got
    assert review_text(AREAS_REPEATED).findings == ()
    (f,) = review_text(AREAS_REPEATED.replace("| 180只 | 180只", "| 181只 | 180只")).findings
    assert (f.check, f.quote) == ("count", "192")


def test_cells_told_apart_by_pipes_are_their_text_and_two_pipes_hold_an_empty_cell() -> None:
    def cells(text: str) -> list[str]:
        return [c.text for run in cell_runs(text) for c in unpiped(text, run)]

    assert cells(CELL_PIPES_R9_10) == ["計劃安排資金 (萬元)", "700", "結余 (萬元)", "0"]
    assert cells(PIPE_LINES_R10_02) == ["分值", "评分", "", "1", "决策(10)"]


def test_part_rows_one_cell_a_line_between_pipes_are_read_as_without_them() -> None:
    want, _ = sums(AREAS_CELL_LINES)
    for text in (AREAS_CELL_PIPES, AREAS_PIPE_LINES):
        got, unread = sums(text)
        assert got == want and unread == []
        assert review_text(text).findings == ()
        (f,) = review_text(text.replace("\n12头", "\n13头", 1)).findings
        assert (f.check, f.quote) == ("count", "192")


def test_a_label_on_its_own_line_is_the_first_cell_of_the_pipe_row_under_it() -> None:
    scan = Scan.of(view_of(LABEL_APART_R1_02).document(doc_of(LABEL_APART_R1_02)))
    (table,) = line_tables(scan, min_cells=2)
    assert [[c.text for c in row][:2] for row in table] == [
        ["项目资金 (万元)", "年初预算数"],
        ["年度资金总额", "32.4"],
        ["其中:当年财政拨款", "32.4"],
    ]
    got, unread = sums(AREAS_LABEL_APART)
    assert ("29.5", ("1.5", "5", "20", "3"), True, "表格·其中行") in got and unread == []
    (f,) = review_text(AREAS_LABEL_APART.replace("| 180只 | 180只", "| 181只 | 180只")).findings
    assert (f.check, f.quote) == ("count", "192")


def test_a_table_on_one_line_is_read_cell_by_cell() -> None:
    scan = Scan.of(view_of(ONE_LINE_R3_01).document(doc_of(ONE_LINE_R3_01)))
    rows = [[c.text for c in row] for grid in label_grids(scan) for row in grid]
    assert ["其中:当年财政拨款", "0", "0", "—"] in rows and ["其他资金", "0", "0", "—"] in rows
    assert not any(row[0] == "得分" for row in rows)  # the header's last cell, not the label of 20000.00
    assert sums(ONE_LINE_R3_01)[0] == []  # 其中 rows without their row are no one's parts
    assert sums(AREAS_ONE_LINE) == sums(AREAS_CELL_LINES)
    (f,) = review_text(AREAS_ONE_LINE.replace(" 12头", " 13头", 1)).findings
    assert (f.check, f.quote) == ("count", "192")


def test_part_rows_without_their_row_are_not_summed_against_each_other() -> None:
    """其中 rows whose row above is not in the table (here: a row of other cells) are no one's parts."""
    text = AREAS_CELL_LINES.split("★补助家畜家禽养殖数量")[0].replace("\n20\n29.5亩\n29.5亩\n20\n", "\n达标\n")
    assert sums(text)[0] == []


def test_one_part_row_only_bounds_its_total() -> None:
    got, _ = sums(FUNDS_CONTROL)
    assert got == [
        ("118.31", ("29.35",), False, "表格·其中行"),
        ("85.76", ("27.00",), False, "表格·其中行"),
        ("193.42", ("49.09",), False, "表格·其中行"),
    ]
    assert review_text(FUNDS_CONTROL).findings == ()
    (f,) = review_text(FUNDS_CONTROL.replace("\n\n27.00\n\n", "\n\n87.00\n\n")).findings
    assert (f.check, f.quote) == ("sum", "85.76")


def test_a_total_row_closes_the_rows_above_it_in_every_rendering() -> None:
    amounts = tuple(a for _, a in _TOWNS)
    for text in (ALLOCATION_TAB, ALLOCATION_PIPES):
        got, unread = sums(text)
        assert got == [("13.26", amounts, True, "表格·合计行")] and unread == []
        assert review_text(text).findings == ()
        (f,) = review_text(text.replace("13.26", "16.26")).findings  # 4 and 1 are whole numbers: ±0.5
        assert (f.check, f.quote) == ("sum", "16.26")


def test_a_total_row_first_in_its_block_is_over_the_rows_below() -> None:
    got, _ = sums(INCOME_TAB)
    assert got == [("6567.06", ("6567.06", "0.00", "0.00", "0.00"), True, "表格·合计行")]
    (f,) = review_text(INCOME_TAB.replace("\t事业收入\n\t0.00", "\t事业收入\n\t3.00")).findings
    assert f.check == "sum"


def test_subtotals_close_their_groups_and_the_grand_total_sums_them() -> None:
    text = (
        "序号 | 项目名称 | 金额\n1 | 螺城镇 | 0.2\n2 | 螺阳镇 | 1\n小计 | 1.2\n"
        "3 | 紫山镇 | 0.18\n4 | 崇武镇 | 0.7\n小计 | 0.88\n总计 | 2.08\n"
    )
    got, _ = sums(text)
    assert got == [
        ("1.2", ("0.2", "1"), True, "表格·小计行"),
        ("0.88", ("0.18", "0.7"), True, "表格·小计行"),
        ("2.08", ("1.2", "0.88"), True, "表格·合计行"),
    ]


def test_a_total_column_is_over_the_number_columns_beside_it() -> None:
    # r5-01's 三公经费 kinds, as a Word table with a 合计 column first
    text = "\t单位\n\t合计\n\t出国经费\n\t公务接待\n\n\t贯塘乡\n\t3.5\n\t0\n\t3.5\n\n\t其他\n\t1\n\t0.4\n\t0.6\n"
    got, _ = sums(text)
    assert got == [("3.5", ("0", "3.5"), True, "表格·合计列"), ("1", ("0.4", "0.6"), True, "表格·合计列")]


def test_rates_years_and_scores_are_not_summed() -> None:
    text = (
        "\t项目\n\t金额\n\t执行率\n\t年度\n\n\t甲\n\t40\n\t90%\n\t2023\n\n\t乙\n\t60\n\t95%\n\t2023\n\n"
        "\t合计\n\t100\n\t93%\n\t2023\n"
    )
    got, _ = sums(text)
    assert got == [("100", ("40", "60"), True, "表格·合计行")]
    # r1-09: a 打分表's 合计 row (权重 | 得分) is the score readers' to compare
    scores = "三级指标 | 权重 | 得分\n成本控制数 | 90 | 90\n满意度 | 10 | 10\n合计 | 100 | 100\n"
    assert sums(scores) == ([], [])


def test_rows_a_text_rendering_cannot_match_to_the_total_are_unread() -> None:
    # a pipe line dropped an empty cell: which column 1.88 belongs to is not known
    text = "乡镇 | 资金 | 配套\n螺城镇 | 0.2 | 0.1\n东岭镇 | 1.88\n合计 | 2.08 | 0.1\n"
    got, unread = sums(text)
    assert got == [] and len(unread) == 1 and "合计" in unread[0]


# 经济分类 rows with their 科目编码, the amounts of seed 003 (天城镇 2021 决算: 工资福利支出1047.86万元。
# 其中：基本工资571.61万元 …) and r9-08 (基本支出664.70万元 … 项目支出429.96万元)
CODED = (
    "\t科目编码\n\t科目名称\n\t决算数\n\n\t\n\t合计\n\t1642.95\n\n"
    "\t301\n\t工资福利支出\n\t1047.86\n\n\t30101\n\t基本工资\n\t571.61\n\n\t30102\n\t津贴补贴\n\t476.25\n\n"
    "\t302\n\t商品和服务支出\n\t270.03\n\n\t303\n\t对个人和家庭的补助\n\t325.06\n"
)


def test_coded_rows_nest_by_code_and_the_total_is_over_the_top_level() -> None:
    got, unread = sums(CODED)
    assert got == [("1642.95", ("1047.86", "270.03", "325.06"), True, "表格·合计行")]
    assert unread == [] and review_text(CODED).findings == ()


def test_numbered_rows_nest_by_their_numbering() -> None:
    # r5-01's 经费控制情况 kinds: 1、 rows with a 其中 row under the first, summed by their 合计
    text = (
        "项目 | 决算数\n1、公务用车购置和维护经费 | 2\n其中:公车购置 | 1\n公车运行维护 | 1\n"
        "2、出国经费 | 0\n3、公务接待 | 0.5\n合计 | 2.5\n"
    )
    got, unread = sums(text)
    assert got == [("2.5", ("2", "0", "0.5"), True, "表格·合计行"), ("2", ("1",), False, "表格·其中行")]
    # rows numbered and unnumbered after an unnumbered first row: their nesting is not known
    vague = "项目 | 决算数\n公务用车 | 2\n1、公车购置 | 1\n2、公车运行 | 1\n出国经费 | 0\n合计 | 2\n"
    got, unread = sums(vague)
    assert got == [] and len(unread) == 1


def test_serial_numbers_are_not_codes() -> None:
    rows = "".join(f"{n} | 项目{n} | 1\n" for n in range(1, 13))
    got, _ = sums("序号 | 项目名称 | 金额(万元)\n" + rows + "合计 | 12\n")
    assert got == [("12", tuple("1" for _ in range(12)), True, "表格·合计行")]


# r9-01 (基本药物制度补助 自评表, PDF text): single spaces between cells, the parts indented under 其中
SPACED = "年度资金总额: 2300.67 2300.67 100%\n 其中:中央补助 442.43 442.43 100%\n       地方资金 1858.24 1858.24 100%\n"
# r1-08 (自评表, PDF text): a 列次 number before each row's amount
NUMBERED = "年度资金总额(万元): 1 52.800000\n其中:中央财政资金(万元) 2 52.800000\n地方财政资金(万元) 3\n"


def test_rows_with_single_spaces_are_read_and_indentation_continues_the_parts() -> None:
    got, unread = sums(SPACED)
    assert got == [
        ("2300.67", ("442.43", "1858.24"), True, "表格·其中行"),
        ("2300.67", ("442.43", "1858.24"), True, "表格·其中行"),
    ]
    assert unread == []
    # the same rows without indentation: one 其中 row, which only bounds its total
    flat = SPACED.replace(" 其中", "其中").replace("       地方", "地方")
    assert [g[2] for g in sums(flat)[0]] == [False, False]


def test_a_serial_column_is_not_summed() -> None:
    got, _ = sums(NUMBERED)
    assert got == [("52.800000", ("52.800000",), False, "表格·其中行")]  # not 2 ≤ 1 in the 列次 column
    assert review_text(NUMBERED).findings == ()


def test_a_word_table_gives_the_totals_its_text_gives(tmp_path: Path) -> None:
    # the 合计 row has fewer cells than the others: Word merges it across the missing column
    text = ALLOCATION_TAB.replace("\t合计\n\t13.26\n\t补助13户\n", "\t合计\n\t13.26\n")
    doc = load(txt_to_docx(text, tmp_path / "allocation.docx"))
    scan = Scan.of(view_of(doc.text).document(doc))
    relations, unread = extract_grid_totals(scan, [])
    q = {x.id: x.text for x in scan.minted}
    assert [(q[r.total], tuple(q[i] for i in r.items)) for r in relations if isinstance(r, SumRelation)] == [
        ("13.26", tuple(a for _, a in _TOWNS))
    ]
    assert unread == []


# a 收入支出决算总表 with r7-06's income (本年收入合计 6567.06 …) and r9-08's spending
# (本年支出合计1094.65万元, 其中:基本支出664.70万元 … 项目支出429.96万元)
TWO_SIDED = (
    "\t收入项目\n\t决算数\n\t支出项目\n\t决算数\n\n"
    "\t财政拨款收入\n\t6567.06\n\t基本支出\n\t664.70\n\n\t事业收入\n\t0.00\n\t项目支出\n\t429.96\n\n"
    "\t经营收入\n\t0.00\n\t\n\t\n\n\t其他收入\n\t0.00\n\t\n\t\n\n"
    "\t本年收入合计\n\t6567.06\n\t本年支出合计\n\t1094.65\n"
)


def test_a_two_sided_table_is_summed_side_by_side() -> None:
    got, unread = sums(TWO_SIDED)
    assert got == [
        ("6567.06", ("6567.06", "0.00", "0.00", "0.00"), True, "表格·合计行"),
        ("1094.65", ("664.70", "429.96"), True, "表格·合计行"),
    ]
    assert unread == []
    (f,) = review_text(TWO_SIDED.replace("\t429.96", "\t439.96")).findings
    assert (f.check, f.quote) == ("sum", "1094.65")


def test_each_side_of_a_two_sided_table_nests_by_its_own_numbering() -> None:
    nested = (
        TWO_SIDED.replace("\t基本支出\n", "\t一、基本支出\n")
        .replace("\t项目支出\n", "\t工资福利支出\n")
        .replace("\t429.96", "\t600.00")
        .replace("\t经营收入\n\t0.00\n\t\n\t\n", "\t经营收入\n\t0.00\n\t二、项目支出\n\t429.96\n")
    )
    got, _ = sums(nested)  # 工资福利支出 600.00 is under 一、基本支出, not beside it
    assert got[1:] == [("1094.65", ("664.70", "429.96"), True, "表格·合计行")]


def test_a_total_first_with_a_part_row_under_it_is_over_that_row_and_its_siblings() -> None:
    # r9-08 (本年支出合计1094.65万元,其中:基本支出664.70万元 … 项目支出429.96万元) and r7-06
    # (收入合计6567.06万元 … 其中:财政拨款收入6567.06万元;事业收入0.00万元), as tables
    spending = "项目 | 决算数(万元)\n本年支出合计 | 1094.65\n其中:基本支出 | 664.70\n项目支出 | 429.96\n"
    income = (
        "项目\n\n金额\n\n收入合计\n\n6567.06\n\n其中:财政拨款收入\n\n6567.06\n\n事业收入\n\n0.00\n\n其他收入\n\n0.00\n"
    )
    assert sums(spending)[0] == [("1094.65", ("664.70", "429.96"), True, "表格·合计行")]
    assert sums(income)[0] == [("6567.06", ("6567.06", "0.00", "0.00"), True, "表格·合计行")]
    (f,) = review_text(spending.replace("429.96", "439.96")).findings
    assert (f.check, f.quote) == ("sum", "1094.65")


def test_a_whole_amount_like_a_year_is_still_summed() -> None:
    # r5-01's 2030.12 as a whole 2030: an amount column, not a year column (other rows differ)
    text = "项目 | 金额\n一般公共预算 | 1326\n政府性基金拨款 | 119\n其他资金 | 585\n合计 | 2030\n"
    assert sums(text)[0] == [("2030", ("1326", "119", "585"), True, "表格·合计行")]


# r27-02 (松江区纪委 2019年度部门决算, 资产负债情况表), one cell a line: 资产合计 = 流动资产 + 固定资产 − 累计折旧
# + 在建工程 + 无形资产 − 累计摊销, a total first in its block over rows some of which reduce the others
BALANCE_SHEET_LINES = (
    "年初数\n\n年末数\n\n一、资产合计\n\n1160.05\n\n328.54\n\n(一)流动资产\n\n963.79\n\n48.80\n\n"
    "(二)固定资产\n\n295.26\n\n377.40\n\n4.其他固定资产\n\n14.16\n\n16.52\n\n减:累计折旧及减值准备\n\n136.76\n\n164.16\n\n"
    "(六)无形资产\n\n49.03\n\n81.93\n\n减:累计摊销\n\n11.27\n\n19.45\n\n第三部分 部门决算情况说明\n"
)
# the national 资产负债表's layout (固定资产原价 | 减:累计折旧 | 固定资产净值), pipe rows, a total row last
BALANCE_SHEET_PIPES = (
    "资产 | 年初数 | 期末数\n流动资产合计 | 120.00 | 130.00\n固定资产原价 | 80.00 | 90.00\n"
    "减:累计折旧 | 20.00 | 25.00\n资产总计 | 180.00 | 195.00\n"
)


def test_a_total_over_rows_that_reduce_the_others_is_a_net_amount_reported_unread() -> None:
    for text, total in ((BALANCE_SHEET_LINES, "一、资产合计"), (BALANCE_SHEET_PIPES, "资产总计")):
        got, unread = sums(text)
        assert [g for g in got if g[0] in ("1160.05", "328.54", "180.00", "195.00")] == []
        assert any(total in u and "减：" in u for u in unread)
        assert [f for f in review_text(text).findings if f.check == "sum"] == []


# r21-08 (义务教育经费保障机制补助经费分配表): a total row over its rows in two amount columns, pipe-rendered
SPLIT_BY_SOURCE_PIPES = (
    "单位名称 | 中央直达资金 | 省直达资金 |\n"
    "南海实验学校长峙小学校区 | 27.00 | 0.00 |\n"
    "东港小学 | 30.00 | 12.50 |\n"
    "合计 | 57.00 | 12.50 |\n"
)
# r7-06 and r9-08 (部门决算 收入 tables) as a Word table saved as text, a total row last, two columns
INCOME_TWO_COLUMNS_TAB = (
    "\t项目\n\t年初预算数\n\t决算数\n\n\t财政拨款收入\n\t6500.00\n\t6567.06\n\n"
    "\t事业收入\n\t20.00\n\t18.40\n\n\t本年收入合计\n\t6520.00\n\t6585.46\n"
)


def _sum_findings(text: str) -> list[tuple[str, str, bool]]:
    return [(f.quote, f.severity, "读取正确" in f.message) for f in review_text(text).findings if f.check == "sum"]


def test_one_column_of_a_total_row_failing_is_high_and_every_column_failing_asks_to_check_the_rows() -> None:
    """A total row read column by column from the same rows: one column failing where the others hold is a
    figure written wrongly (high); every column failing says the rows taken as its parts may be misread
    (a rendering that shifted them, a 小计 taken for a detail), so medium, with a note to check the rows."""
    for text, (one, wrong), (every, rows) in (
        (SPLIT_BY_SOURCE_PIPES, ("| 57.00 |", "| 60.00 |"), ("东港小学 | 30.00 | 12.50", "东港小学 | 36.00 | 19.50")),
        (INCOME_TWO_COLUMNS_TAB, ("\t6520.00", "\t6523.00"), ("\t20.00\n\t18.40", "\t23.00\n\t21.40")),
    ):
        assert _sum_findings(text) == []
        ((quote, severity, note),) = _sum_findings(text.replace(one, wrong))
        assert (severity, note) == ("high", False) and quote in wrong
        found = _sum_findings(text.replace(every, rows))
        assert len(found) == 2 and all(f[1:] == ("medium", True) for f in found)


def test_a_total_row_left_at_zero_over_rows_with_money_stays_high() -> None:
    text = SPLIT_BY_SOURCE_PIPES.replace("合计 | 57.00 | 12.50", "合计 | 0 | 0")
    found = _sum_findings(text)
    assert len(found) == 2 and all(f[1:] == ("high", False) for f in found)


def test_unmarked_rows_that_go_on_a_part_run_named_like_its_row_are_parts_too() -> None:
    # r27-07 (区 “三公”经费预算) and a 烈山区 三公经费预算表 (a pool page, not in the corpus): the 三公 table
    # marks only the first of 公务用车's two part rows with 其中
    numbered = (
        "项目 |\n预算数 |\n合计 |\n4432 |\n1.因公出国(境)费用 |\n39 |\n2.公务接待费 |\n323 |\n"
        "3.公务用车购置及运行维护费 |\n4070 |\n其中:公务用车运行维护费 |\n2648 |\n公务用车购置 |\n1422 |\n"
    )
    lines = (
        "项  目\n\n预 算 数\n\n合  计\n\n444.16\n\n因公出国(境)费\n\n1.7\n\n公务接待费\n\n196.48\n\n"
        "公务用车购置及运行费\n\n245.98\n\n其中:公务用车运行费\n\n168\n\n公务用车购置费\n\n77.98\n"
    )
    for text, total, parts, vehicle, kinds in (
        (numbered, "4432", ("39", "323", "4070"), "4070", ("2648", "1422")),
        (lines, "444.16", ("1.7", "196.48", "245.98"), "245.98", ("168", "77.98")),
    ):
        got = {(t, items) for t, items, _, _ in sums(text)[0]}
        assert (total, parts) in got and (vehicle, kinds) in got, got
        assert [f for f in review_text(text).findings if f.severity == "high"] == []
