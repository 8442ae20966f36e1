"""Indicator rows written one cell a line: read from the sequence of cells by the header's columns.

Excerpts from two public reports of the dev corpus (eval/corpus, split dev): r9-03 (濉溪县民政局,
分值 before the targets, 得分 after) and r6-04 (保山市退役军人事务局, a 得分 column and no 分值)."""

from __future__ import annotations

from review.core.claims import ScoreTree
from review.core.document import Document
from review.core.findings import Finding
from review.extract.rules.cell_rows import BARE, cell_rows, cells, one_cell_per_line
from review.extract.rules.form_scores import extract_form_scores
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from review.pipeline import review_document

# r9-03: 一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分 未完成原因…, one cell a line
APART = (
    "一级指标 |\n二级指标 |\n三级指标 |\n分值 |\n年度指标值 |\n全年实际值 |\n得分 |\n"
    "未完成原因及拟采取的改进措施 |\n|\n"
    "产出指标(50分) |\n数量指标 |\n★★★农村低保发放人数(按月平均)(≥**人) |\n5 |\n>=21933人 |\n21980人 |\n5 |\n"
    "|\n|\n|\n|\n"
    "★★★特困人员救助供养人数(按月平均)(≥**人) |\n5 |\n>=4754人 |\n4604人 |\n5 |\n特困人员实行动态管理 |\n|\n|\n|\n"
    "质量指标 |\n扶贫临时救助标准(<**元/户·年)——一户年最高5300元 |\n10 |\n<=5300元/户 |\n5830元/户 |\n10 |\n|\n|\n"
    "效益指标(30分) |\n社会效益指标 |\n★★★受益建档立卡贫困人口数≥**人 |\n30 |\n>=80人 |\n87人 |\n30 |\n|\n|\n"
    "满意度指标(10分) |\n服务对象满意度指标 |\n★受助对象满意度(≥**%) |\n10 |\n"
)
# r6-04: 一级指标 二级指标 三级指标 年初目标值(A) 实际完成值(B) 得分, one cell a line
SCORE_ONLY = (
    "年度绩效目标\n(80分)\n|\n一级指标\n|\n二级指标\n|\n三级指标\n|\n年初目标值(A)\n|\n实际完成值(B)\n|\n得分\n|\n|||\n"
    "产出指标(60分)\n|\n数量指标\n|\n慰问伤残军人50人;革命烈士遗属50人;边海防官兵320人。\n|\n100%\n|\n100%\n|\n20\n|\n||||\n"
    "质量指标\n|\n补助经费足额拨付率\n|\n100%\n|\n100%\n|\n20\n|\n|||||\n"
    "时效指标\n|\n春节前完成走访慰问\n|\n按时限完成\n|\n100%\n|\n20\n|\n|||||\n"
    "效益指标(10分)\n|\n社会效益指标\n|\n年内无群体性事件发生\n|\n小于5次\n|\n无上访\n|\n10\n|\n||||\n"
    "满意度指标(10分)\n|\n服务对象满意度指标\n|\n重点优抚对象满意率\n|\n100%\n|\n100%\n|\n10\n|\n||||\n"
    "总分(100分)\n|\n100\n|\n自评等级\n|\n优\n|\n"
)


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def categories(text: str) -> list[tuple[str, str, list[tuple[str, str]], bool]]:
    scan = Scan.of(doc(text))
    relations, _ = extract_form_scores(scan)
    q = {x.id: x.text for x in scan.minted}
    out = []
    for t in relations:
        assert isinstance(t, ScoreTree)
        nodes = {n.id: n for n in t.nodes}
        for n in t.nodes:
            if n.id.startswith("c"):
                kids = [(q.get(nodes[k].weight or "", "-"), q[nodes[k].score or ""]) for k in n.children]
                out.append((n.name, q[n.weight or ""], kids, n.exhaustive))
    return out


def test_a_row_over_several_lines_is_read_by_the_columns_from_weight_to_score() -> None:
    assert categories(APART) == [
        ("产出指标", "50", [("5", "5"), ("5", "5"), ("10", "10")], True),
        ("效益指标", "30", [("30", "30")], True),
    ]


def _weight_findings(text: str) -> list[Finding]:
    """The findings on the rows' weights and caps (the excerpt's two rows with full marks on an unmet
    target are tests/extract/test_target_scores.py's)."""
    return [f for f in review_document(doc(text)).findings if not f.rule.startswith("rubric.target_met")]


def test_a_wrong_cap_or_weight_in_such_rows_is_a_score_finding() -> None:
    # the excerpt keeps three of 产出's rows: 5 + 5 + 10 = 20
    assert _weight_findings(APART.replace("产出指标(50分)", "产出指标(20分)")) == []
    wrong = APART.replace("产出指标(50分)", "产出指标(25分)")
    assert [(f.check, f.severity) for f in _weight_findings(wrong)] == [("score", "high")]
    heavier = APART.replace("★★★受益建档立卡贫困人口数≥**人 |\n30 |", "★★★受益建档立卡贫困人口数≥**人 |\n33 |")
    findings = _weight_findings(heavier)
    assert {f.check for f in findings} == {"score"} and any("效益指标" in f.message for f in findings)


def test_the_scores_of_a_form_without_weight_column_one_cell_a_line() -> None:
    assert categories(SCORE_ONLY) == [
        ("产出指标", "60", [("-", "20"), ("-", "20"), ("-", "20")], True),
        ("效益指标", "10", [("-", "10")], True),
        ("满意度指标", "10", [("-", "10")], True),
    ]
    over = SCORE_ONLY.replace("按时限完成\n|\n100%\n|\n20", "按时限完成\n|\n100%\n|\n30")
    assert "score" in {f.check for f in review_document(doc(over)).findings}


def test_a_bare_number_out_of_place_is_unread_not_a_row() -> None:
    # the excerpt ends after the 满意度 row's 分值: no 得分 three cells on
    text = APART[APART.index("效益指标") :]
    rows, stray = cell_rows(cells(text, 0, len(text)), 3, BARE)
    assert [(w.text if w else None, s.text) for w, s in rows] == [("30", "30")]
    assert [c.text for c in stray] == ["10"]
    # a number right after another number starts no row (5 | 100 | 98 | 4 | next: 100 and 98 are values)
    rows, stray = cell_rows(cells("甲 |\n5 |\n100 |\n98 |\n4 |\n乙 |\n", 0, 22), 3, BARE)
    assert [(w.text if w else None, s.text) for w, s in rows] == [("5", "4")] and stray == []


def test_only_a_rendering_of_one_cell_a_line_is_read_so() -> None:
    pipe_row = "受益人口数量 | 10 | 90人 | 90人 | 10 |\n"
    assert not one_cell_per_line(pipe_row, 0, len(pipe_row))
    assert one_cell_per_line(APART, 0, len(APART))


def test_a_header_with_other_words_between_weight_and_score_gives_no_cell_rows() -> None:
    # 年度 | 指标值 split over two cells: how many cells 得分 lies after 分值 is not certain
    split_header = APART.replace("年度指标值 |\n", "年度 |\n指标值 |\n")
    assert categories(split_header) == []


def test_without_a_weight_column_the_score_is_the_last_number_of_its_row() -> None:
    # r6-04's 效益 row with bare target and actual counts (小于5次 | 无上访 written as 5 | 0)
    counted = SCORE_ONLY.replace("小于5次\n|\n无上访\n|\n10", "5\n|\n0\n|\n10")
    assert ("效益指标", "10", [("-", "10")], True) in categories(counted)
    rows, stray = cell_rows(cells("年内无群体性事件发生 |\n5 |\n0 |\n10 |\n", 0, 40), 0, BARE)
    assert [(w, s.text) for w, s in rows] == [(None, "10")] and stray == []


# r6-17 (安徽, 乡镇): its indicator rows with the first-level cell merged (empty below it), written
# with TABs between the cells (a Word table pasted as text) or with columns aligned by spaces (a
# PDF page's text): the cells are split as table_columns splits them, not taken as one cell a line
R6_17_ROWS = [
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
    ["产出指标（50分）", "数量指标", "★补助各类瓜果蔬菜种植面积", "20", "29.5亩", "29.5亩", "20"],
    ["", "", "其中桃树种植面积", "", "1.5亩", "1.5亩", ""],
    ["", "", "★补助鱼塘面积", "10", "3亩", "3亩", "10"],
    ["", "质量指标", "种植作物成活率", "5", "95%", "95%", "5"],
    ["效益指标（30分）", "经济效益指标", "特色产业带动增加受益农户收入(总收入)", "20", "≥11.376万元", "12万元", "20"],
    ["", "社会效益指标", "受益人口数量", "10", "90人", "90人", "10"],
    ["", "生态效益指标", "", "", "", "", ""],  # the excerpt goes on past the last row read
]
# r9-03 (濉溪县民政局): the rows of APART above, one row a line
R9_03_ROWS = [
    ["一级指标", "二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
    ["产出指标(50分)", "数量指标", "★★★农村低保发放人数(按月平均)(≥**人)", "5", ">=21933人", "21980人", "5"],
    ["", "", "★★★特困人员救助供养人数(按月平均)(≥**人)", "5", ">=4754人", "4604人", "5"],
    ["", "质量指标", "扶贫临时救助标准(<**元/户·年)——一户年最高5300元", "10", "<=5300元/户", "5830元/户", "10"],
    ["效益指标(30分)", "社会效益指标", "★★★受益建档立卡贫困人口数≥**人", "30", ">=80人", "87人", "30"],
    ["满意度指标(10分)", "服务对象满意度指标", "★受助对象满意度(≥**%)", "10", ">=90%", "95%", "10"],
    ["总分", "", "", "100", "", "", "95"],
]


def _written(rows: list[list[str]], sep: str) -> str:
    return "".join(sep.join(row) + "\n" for row in rows)


def test_cells_split_by_tabs_or_aligned_spaces_are_cells_of_one_row() -> None:
    line = "产出指标（50分）\t数量指标\t★补助各类瓜果蔬菜种植面积\t20\t29.5亩\t29.5亩\t20"
    assert not one_cell_per_line(line, 0, len(line))
    assert [c.text for c in cells(line, 0, len(line))] == line.split("\t")
    aligned = "  ".join(line.split("\t"))
    assert [c.text for c in cells(aligned, 0, len(aligned))] == line.split("\t")
    assert [(c.start, c.end) for c in cells(aligned, 0, len(aligned))][1] == (11, 15)


def test_indicator_rows_with_tabs_or_aligned_columns_read_as_pipe_rows() -> None:
    r6_17 = [
        ("产出指标", "50", [("20", "20"), ("10", "10"), ("5", "5")], True),
        ("效益指标", "30", [("20", "20"), ("10", "10")], False),  # the excerpt ends in it
    ]
    r9_03 = [
        ("产出指标", "50", [("5", "5"), ("5", "5"), ("10", "10")], True),
        ("效益指标", "30", [("30", "30")], True),
        ("满意度指标", "10", [("10", "10")], True),
    ]
    for rows, expected in ((R6_17_ROWS, r6_17), (R9_03_ROWS, r9_03)):
        pipes = "".join("| " + " | ".join(row) + " |\n" for row in rows)
        assert categories(pipes) == expected
        assert categories(_written(rows, "\t")) == expected
        assert categories(_written(rows, "    ")) == expected
    wrong = _written(R9_03_ROWS, "\t").replace("效益指标(30分)", "效益指标(35分)")
    findings = _weight_findings(wrong)
    assert {f.check for f in findings} == {"score"} and any("效益指标" in f.message for f in findings)
