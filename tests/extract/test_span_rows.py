"""Rowspan fill: indicator tables whose upper-level cells span rows (merged cells written once, in
the first row of their span), read into full rows and a score tree, in the renderings of four
dev reports (excerpts, cells shortened):

- r11-01: one cell a line between "|" lines, cells over several lines, caps in the name cells
  (投 入\\n(15分)), an empty 扣分原因 cell after every row;
- r12-12: one cell a line between blank lines, a 分值 column for every level;
- r10-02: "|" lines with a 序号 column, a header on two rows (指标 | 县级 over 分值 | 评分), caps
  in the 一级 cells (决策(10)), a row that omits its 序号 and 三级 cells too;
- r11-09: a rubric with no 分值 column, "| " opening a cell on its line, every cap in a cell.
"""

from __future__ import annotations

import pytest

from review.core.claims import ScoreTree, Unread
from review.extract.rules.cell_runs import Cell
from review.extract.rules.scan import Scan
from review.extract.rules.score_table import extract_span_scores, extract_table_scores
from review.extract.rules.span_rows import span_grids
from review.extract.rules.span_tables import rows_grid
from review.pipeline import review_document
from tests.conftest import doc_of

R11_01 = (
    "一级指标\n|\n二级指标\n|\n三级指标\n|\n评分标准\n|\n分值\n|\n自评得分\n|\n扣分原因和其他说明\n|\n"
    "投 入\n(15分)\n|\n预算配置\n(15分)\n|\n财政供养人员\n控制率\n|\n在职人员控制率≦100%,计5分;\n|\n5\n|\n5\n|\n|\n"
    "“三公经费”\n变动率\n|\n“三公经费”变动率≦0,计5分;\n|\n5\n|\n5\n|\n|\n"
    "重点支出\n安排率\n|\n重点支出安排率≥90%,计5分;\n|\n5\n|\n5\n|\n|\n"
    "过 程\n(40分)\n|\n预算执行\n(15分)\n|\n预算调整率\n|\n预算调整率=0,计3分;\n|\n3\n|\n3\n|\n|\n"
    "支付进度\n|\n每出现一个专项未按进度完成资金下达扣0.5分,扣完为止。\n|\n3\n|\n3\n|\n|\n"
    "资金结余\n|\n无结余,3分;\n|\n3\n|\n3\n|\n|\n"
    "“三公经费”\n控制率\n|\n三公经费控制率≦100%,计6分;\n|\n6\n|\n6\n|\n|\n"
    "预算管理\n(15分)\n|\n管理制度\n健全性\n|\n①已制定预算资金管理办法,1分;\n②相关管理制度合法、合规、完整,1分;\n"
    "③相关管理制度得到有效执行,1分。\n|\n3\n|\n3\n|\n|\n"
    "|\n预决算信息公开性和完善性\n|\n①\n"  # where the excerpt ends: a row cut off
)

R12_12 = (
    "二、绩效评价指标评分\n\n一级指标\n\n分值\n\n二级指标\n\n分值\n\n三级指标\n\n分值\n\n得分\n\n"
    "项目决策\n\n20\n\n项目目标\n\n4\n\n目标内容\n\n4\n\n4\n\n"
    "决策过程\n\n8\n\n决策依据\n\n3\n\n3\n\n决策程序\n\n5\n\n5\n\n"
    "资金分配\n\n8\n\n分配办法\n\n2\n\n2\n\n分配结果\n\n6\n\n6\n\n"
    "项目管理\n\n25\n\n资金到位\n\n5\n\n到位率\n\n3\n\n3\n\n到位时效\n\n2\n\n2\n\n"
    "项目效益\n\n40\n\n经济效益\n"
)

R10_02 = (
    "|\n序号\n|\n一级指标\n|\n二级指标\n|\n三级指标\n|\n指标说明\n|\n指标\n|\n县级\n|\n市级\n|\n|\n分值\n|\n评分\n|\n评分\n|\n|\n"
    "1\n|\n决策(10)\n|\n项目立项\n|\n民主议事\n|\n民主议事记录完整,得2分\n|\n2\n|\n2\n|\n|\n|\n"
    "2\n|\n申报审批\n|\n县级项目审批文件齐全,得2分\n|\n2\n|\n2\n|\n|\n|\n"
    "3\n|\n资金投入\n|\n预算安排\n|\n市财政对县安排补助资金,加1分\n|\n4\n|\n4\n|\n|\n|\n"
    "4\n|\n资金整合\n|\n整合其他涉农财政资金的,得2分\n|\n2\n|\n0\n|\n|\n|\n"
    "5\n|\n过程(30)\n|\n资金管理\n|\n管理制度\n|\n资金管理制度健全规范,得2分\n|\n2\n|\n2\n|\n|\n|\n"
    "7\n|\n账务管理\n|\n纳入所在乡镇账户管理,得2分\n|\n2\n|\n2\n|\n|\n|\n"
    "财政奖补资金实行专账核算,得1分\n|\n1\n|\n1\n|\n|\n|\n"
    "9\n|\n组织实施\n|\n工作安排\n|\n有正面批示的,一个加1分,最多加2分\n|\n1\n|\n2\n|\n|\n|\n"
    "10\n|\n工作保障\n|\n"  # the table goes on
)

R11_09 = (
    "评价\n内容\n| 评价指标\n(分值)\n| 指标说明\n| 评分标准\n|\n"
    "(一)\n项\n目\n前\n期\n工\n作\n(7分)\n| 1.可行性研究报告(项目申报书)\n| 按规定编制项目可行性研究报告的情况。\n"
    "| 编制符合要求的得7分。\n|\n"
    "(二)\n项\n目\n组\n织\n(8分)\n| 2.组织管理\n(6分)\n| 项目单位对项目的管理情况。\n| 组织管理到位的得6分。\n|\n"
    "3.项目档案\n(2分)\n| 项目单位建立项目档案的情况。\n| 项目档案资料齐全的得2分。\n|\n"
    "(三)\n项\n目\n实\n施\n(20分)\n| 4.建设内容完成量\n| 项目计划建设内容完成情况。\n| 完成100%的得20分。\n|\n"
    "(四)\n资\n金\n使\n用\n(30分)\n| 5.资金落实(10分)\n| 项目计划投资完成情况。\n| 投资完成100%的得10分。\n|\n"
    "6.实际支出(10分)\n"  # the table goes on
)


def tree_of(text: str) -> tuple[Scan, ScoreTree, list[Unread]]:
    scan = Scan.of(doc_of(text))
    trees, unread = extract_span_scores(scan)
    grids = [t for t in trees if t.nodes[0].name == "总分"]  # the others: a row's rule under its 分值
    assert len(grids) == 1
    return scan, grids[0], unread


def outline(scan: Scan, tree: ScoreTree) -> dict[str, tuple[str | None, str | None, list[str], bool]]:
    """name → (weight, score, children's names, exhaustive), the quantities as written."""
    q = {x.id: x.text for x in scan.quantities + scan.minted}
    names = {n.id: n.name for n in tree.nodes}
    return {
        n.name: (q.get(n.weight or ""), q.get(n.score or ""), [names[c] for c in n.children], n.exhaustive)
        for n in tree.nodes
    }


def score_findings(text: str) -> list[tuple[str, str]]:
    return [(f.severity, f.quote) for f in review_document(doc_of(text)).findings if f.check == "score"]


# --- r11-01 -----------------------------------------------------------------------------------


def test_a_row_that_omits_merged_cells_gets_them_from_the_row_above() -> None:
    grids, unread = span_grids(R11_01)
    assert unread == [] and len(grids) == 1
    rows = grids[0].rows
    assert len(rows) == 8
    assert rows[1].spanned[:3] == (True, True, False)
    assert rows[1].cells[0] == rows[0].cells[0] and rows[1].cells[1] == rows[0].cells[1]
    assert [c.text if c else None for c in rows[1].cells[2:6]] == [
        "“三公经费”\n变动率",
        "“三公经费”变动率≦0,计5分;",
        "5",
        "5",
    ]
    # 预算管理 opens a new 二级 cell under the 一级 cell 过程 (40分), which it spans
    assert rows[7].spanned[:3] == (True, False, False)
    assert rows[7].cells[0] == rows[3].cells[0]


def test_caps_in_the_name_cells_make_the_score_tree() -> None:
    scan, tree, _ = tree_of(R11_01)
    got = outline(scan, tree)
    assert got["投入"] == ("15", None, ["预算配置"], True)
    assert got["预算配置"] == ("15", None, ["财政供养人员控制率", "“三公经费”变动率", "重点支出安排率"], True)
    assert got["预算执行"] == ("15", None, ["预算调整率", "支付进度", "资金结余", "“三公经费”控制率"], True)
    # the excerpt ends inside 预算管理: neither it nor 过程 is known whole
    assert got["预算管理"][3] is False and got["过程"][3] is False
    assert got["“三公经费”控制率"] == ("6", "6", [], True)


def test_a_wrong_weight_under_a_merged_category_is_found() -> None:
    assert score_findings(R11_01) == []
    wrong = R11_01.replace("计5分;\n|\n5\n|\n5\n|\n|\n“三公", "计5分;\n|\n8\n|\n5\n|\n|\n“三公")
    found = score_findings(wrong)
    # 预算配置's rows add up to 18, and the row's own rule (计5分) grants 5, not 8
    assert [s for s, _ in found] == ["high", "high"]
    assert any(q.startswith("财政供养人员") for _, q in found)


# --- r12-12 -----------------------------------------------------------------------------------


def test_each_level_states_its_cap_in_its_own_column() -> None:
    scan, tree, _ = tree_of(R12_12)
    got = outline(scan, tree)
    assert got["项目决策"] == ("20", None, ["项目目标", "决策过程", "资金分配"], True)
    assert got["决策过程"] == ("8", None, ["决策依据", "决策程序"], True)
    assert got["分配结果"] == ("6", "6", [], True)


def test_a_row_the_text_cuts_off_closes_the_levels_below_the_one_it_opens() -> None:
    # 项目效益 | 40 | 经济效益 and the text ends: a new 二级 (or 一级) cell, so 资金到位 is complete;
    # 项目管理 is not
    scan, tree, _ = tree_of(R12_12)
    got = outline(scan, tree)
    assert got["资金到位"] == ("5", None, ["到位率", "到位时效"], True)
    assert got["项目管理"][3] is False


def test_a_wrong_level_cap_in_its_column_is_found() -> None:
    assert score_findings(R12_12) == []
    wrong = R12_12.replace("决策过程\n\n8\n", "决策过程\n\n11\n")
    assert ("high", "决策过程\n\n11") in score_findings(wrong)


# --- r10-02 -----------------------------------------------------------------------------------


def test_a_two_row_header_and_a_serial_column() -> None:
    grids, _ = span_grids(R10_02)
    layout = grids[0].layout
    assert layout.columns[5:] == ("指标分值", "县级评分", "市级评分")
    assert layout.kinds == ("serial", "level", "level", "level", "text", "weight", "score", "tail")
    # 财政奖补资金实行专账核算 writes neither its 序号 nor its 三级 cell (账务管理 spans two rows)
    row = next(r for r in grids[0].rows if r.cells[4] and r.cells[4].text.startswith("财政奖补"))
    assert row.spanned[:4] == (True, True, True, True)
    assert row.cells[3] is not None and row.cells[3].text == "账务管理"


def test_caps_like_jue_ce_10_fill_with_the_rows_they_span() -> None:
    scan, tree, _ = tree_of(R10_02)
    got = outline(scan, tree)
    assert got["决策"] == ("10", None, ["项目立项", "资金投入"], True)
    assert got["账务管理（续）"] == ("1", "1", [], True)
    assert score_findings(R10_02.replace("决策(10)", "决策(13)")) == [("high", "决策(13)")]


def test_a_rule_that_grants_bonus_points_leaves_the_score_unbounded() -> None:
    # 工作安排 分值 1, 县级评分 2: its rule grants up to 2 bonus points, so 2 > 1 is no error
    scan, tree, _ = tree_of(R10_02)
    assert outline(scan, tree)["工作安排"] == ("1", None, [], True)
    assert score_findings(R10_02) == []


# --- r11-09 -----------------------------------------------------------------------------------


def test_a_rubric_whose_indicators_state_their_caps_in_their_cells() -> None:
    scan, tree, _ = tree_of(R11_09)
    got = outline(scan, tree)
    assert got["(二)项目组织"] == ("8", None, ["2.组织管理", "3.项目档案"], True)
    # no cap in its cell: its rule's full marks weigh it (编制符合要求的得7分)
    assert got["1.可行性研究报告(项目申报书)"] == ("7", None, [], True)
    assert score_findings(R11_09) == []
    wrong = R11_09.replace("织\n(8分)", "织\n(11分)")
    assert [s for s, _ in score_findings(wrong)] == ["high"]


# --- readings -----------------------------------------------------------------------------------


def test_a_cell_that_may_close_one_row_or_open_the_next_is_unread() -> None:
    # a 备注 column after 得分: 抽检 is the 备注 of the 合格率 row, or the 二级 cell of the next row
    cells = ["一级指标", "二级指标", "三级指标", "分值", "得分", "备注", "产出", "数量", "人数", "10", "10", ""]
    cells += ["质量", "合格率", "10", "9", "抽检", "优良率", "5", "5", ""]
    grids, unread = span_grids("".join(f"{c}\n|\n" if c else "|\n" for c in cells))
    assert [len(g.rows) for g in grids] == [1]
    assert len(unread) == 1 and "多种读法" in unread[0].reason


def test_known_rows_as_wide_as_the_header_read_empty_level_cells_as_merged() -> None:
    # the loader's rendering of a Word table: a vertically merged cell's continuation is empty
    def row(*texts: str, at: int) -> list[Cell]:
        return [Cell(at + i, at + i + len(t), t) for i, t in enumerate(texts)]

    rows = [
        row("一级指标", "二级指标", "三级指标", "分值", "得分", at=0),
        row("产出(20分)", "数量(10分)", "人数", "10", "10", at=100),
        row("", "质量(10分)", "合格率", "10", "9", at=200),
    ]
    grid = rows_grid(rows, [])
    assert grid is not None
    assert grid.rows[1].spanned[:2] == (True, False)
    assert grid.rows[1].cells[0] == rows[1][0]


def test_a_loader_table_whose_levels_have_their_own_cap_columns() -> None:
    # r12-12's rows as the TAB table format writes them (a line per cell, a blank line after a row)
    rows = [
        ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
        ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
        ["决策过程", "8", "决策依据", "3", "3"],
        ["决策程序", "5", "5"],
        ["资金分配", "8", "分配办法", "2", "2"],
        ["分配结果", "6", "6"],
        ["项目管理", "25", "资金到位", "5", "到位率", "3", "3"],
        ["到位时效"],  # the table goes on
    ]
    text = "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)
    scan = Scan.of(doc_of(text))
    (tree,) = extract_table_scores(scan)
    got = outline(scan, tree)
    assert got["项目决策"] == ("20", None, ["项目目标", "决策过程", "资金分配"], True)
    assert got["决策过程"] == ("8", None, ["决策依据", "决策程序"], True)
    assert got["项目管理"][3] is False


def test_a_long_table_is_read_row_by_row_without_recursion() -> None:
    # r12-12's leaf row repeated: hundreds of rows, more than Python's recursion would take
    head = R12_12[: R12_12.index("决策过程")]
    grids, unread = span_grids(head + "目标内容\n\n4\n\n4\n\n" * 450)
    assert unread == [] and len(grids[0].rows) == 451


# --- the text's end -----------------------------------------------------------------------------

R11_09_END = (
    "评价\n内容\n| 评价指标\n(分值)\n| 指标说明\n| 评分标准\n|\n"
    "(五)\n实\n施\n效\n果\n(35分)\n| 8.经济效益(20分)\n| 主要包括项目单位通过实施项目年新增销售收入、利税等情况。\n"
    "| 由各省自行制定\n|\n"
    "9.社会效益(15分)\n| 主要包括带动农民增收、促进农民就业等情况。\n| 由各省自行制定\n|\n"
)


def test_a_table_that_ends_the_text_closes_its_last_category() -> None:
    # r11-09: the rubric is the whole page; nothing follows its last row but a cell rule
    scan, tree, _ = tree_of(R11_09_END)
    assert outline(scan, tree)["(五)实施效果"] == ("35", None, ["8.经济效益", "9.社会效益"], True)
    assert score_findings(R11_09_END) == []
    wrong = R11_09_END.replace("果\n(35分)", "果\n(38分)")
    assert [q for _, q in score_findings(wrong)] == ["(五)\n实\n施\n效\n果\n(38分)"]
    # a row cut off after it: the excerpt ends inside the table, which may go on
    scan, tree, _ = tree_of(R11_09_END + "(六)\n项\n目\n")
    assert outline(scan, tree)["(五)实施效果"][3] is False


# --- one grid, written the ways real reports write it ----------------------------------------
# r12-12's 评价指标评分 grid (each level's cap in its own 分值 column) and r11-01's (caps in the level
# cells), written as pipe rows with every merged cell repeated on each row it spans (a table unmerged
# and filled), then closed by its total row; and r12-12's with each merged cell written once, one cell
# a line after a title line, between "|" lines or each ended by its "|".
_GRID_12 = [
    ["一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分"],
    ["项目决策", "20", "项目目标", "4", "目标内容", "4", "4"],
    ["项目决策", "20", "决策过程", "8", "决策依据", "3", "3"],
    ["项目决策", "20", "决策过程", "8", "决策程序", "5", "5"],
    ["项目决策", "20", "资金分配", "8", "分配办法", "2", "2"],
    ["项目决策", "20", "资金分配", "8", "分配结果", "6", "6"],
    ["总分", "20", "20"],
]
_GRID_01 = [
    ["一级指标", "二级指标", "三级指标", "评分标准", "分值", "自评得分"],
    ["投 入(15分)", "预算配置(15分)", "财政供养人员控制率", "在职人员控制率≦100%,计5分", "5", "5"],
    ["投 入(15分)", "预算配置(15分)", "“三公经费”变动率", "“三公经费”变动率≦0,计5分", "5", "5"],
    ["投 入(15分)", "预算配置(15分)", "重点支出安排率", "重点支出安排率≥90%,计5分", "5", "5"],
    ["合计", "15", "15"],
]
# r12-12's rows as the report writes them: a merged cell once, in the first row it spans
_CELLS_12 = [
    "一级指标", "分值", "二级指标", "分值", "三级指标", "分值", "得分",
    "项目决策", "20", "项目目标", "4", "目标内容", "4", "4", "决策过程", "8", "决策依据", "3", "3",
    "决策程序", "5", "5", "资金分配", "8", "分配办法", "2", "2", "分配结果", "6", "6", "总分", "20", "20",
]  # fmt: skip


def _pipes(grid: list[list[str]]) -> str:
    return "".join("| " + " | ".join(row) + " |\n" for row in grid)


@pytest.mark.parametrize(
    ("grid", "part"), [(_GRID_12, "| 决策过程 | 8 |"), (_GRID_01, "| 5 | 5 |")], ids=["r12-12", "r11-01"]
)
def test_merged_cells_written_on_every_row_are_one_category(grid, part) -> None:
    text = _pipes(grid)
    assert score_findings(text) == []
    wrong = text.replace(part, part.replace("8", "11").replace("| 5 | 5 |", "| 7 | 5 |"), 1)
    assert score_findings(wrong)


@pytest.mark.parametrize("grid", [_GRID_12, _GRID_01], ids=["r12-12", "r11-01"])
def test_the_total_row_closes_the_tree_with_its_score(grid) -> None:
    text = _pipes(grid)
    total = " | ".join(grid[-1])
    wrong = text.replace(total, total[: total.rindex("|")] + "| 18")
    assert [q for _, q in score_findings(wrong) if q.startswith(grid[-1][0])]


@pytest.mark.parametrize("trailed", [False, True], ids=["pipe_lines", "cell_pipes"])
def test_one_cell_a_line_after_a_title_or_each_ended_by_its_pipe(trailed) -> None:
    body = "".join(f"{c} |\n" for c in _CELLS_12) if trailed else "\n|\n".join(_CELLS_12) + "\n"
    text = "服务贸易项目绩效自评表\n" + body
    assert score_findings(text) == []
    wrong = (
        text.replace("决策过程 |\n8", "决策过程 |\n11")
        if trailed
        else text.replace("决策过程\n|\n8", "决策过程\n|\n11")
    )
    assert [q for _, q in score_findings(wrong) if q.startswith("决策过程")]


@pytest.mark.parametrize("grid", [_GRID_12, _GRID_01], ids=["r12-12", "r11-01"])
def test_a_header_written_over_two_rows_names_its_columns(grid) -> None:
    top = [c[:2] if c.endswith("级指标") else c for c in grid[0]]
    bottom = ["指标" if c.endswith("级指标") else "" for c in grid[0]]
    text = _pipes([top, bottom, *grid[1:]])
    assert score_findings(text) == []
    assert score_findings(_pipes([top, bottom, *grid[1:-1], [*grid[-1][:-1], "18"]]))


def test_a_rule_rows_cap_is_quoted_through_its_rule_to_its_number() -> None:
    """r11-01's 投入 rows as tab cells a line (a Word table pasted): a 分值 its rule does not grant is
    quoted from the indicator's name to the number, the rule between them."""
    rows = [_GRID_01[0], _GRID_01[1], *[["", "", *r[2:]] for r in _GRID_01[2:-1]]]  # merged cells left empty
    text = "部门整体支出绩效评价指标自评表\n" + "\n".join("".join(f"\t{c}\n" for c in r) for r in rows)
    assert score_findings(text) == []
    wrong = text.replace("在职人员控制率≦100%,计5分\n\t5", "在职人员控制率≦100%,计5分\n\t8")
    assert wrong != text
    quotes = [q for _, q in score_findings(wrong)]
    assert any(q.startswith("财政供养人员控制率") and q.endswith("8") for q in quotes)


@pytest.mark.parametrize(
    "cells", [_CELLS_12, [c.replace(" ", "") for r in _GRID_01 for c in r]], ids=["r12-12", "r11-01"]
)
def test_a_form_flattened_onto_one_line_is_read_by_its_spaced_cells(cells) -> None:
    text = "绩效评价指标评分\n" + " ".join(cells) + "\n"
    assert score_findings(text) == []
    wrong = text.replace("决策过程 8", "决策过程 11").replace("计5分 5 5", "计5分 8 5", 1)
    assert score_findings(wrong)
