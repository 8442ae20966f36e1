"""Score tables whose every indicator carries its 分值 in its name and whose one value column is 得分:
levels from the header, each row filling the last levels (review.extract.rules.score_levels)."""

from __future__ import annotations

from review.core.claims import ScoreTree
from review.core.document import Document
from review.extract.rules.scan import Scan
from review.extract.rules.score_levels import extract_level_scores
from review.load.texttables import text_blocks
from review.pipeline import review_document

# r8-01 (2017 年部门整体支出绩效评价得分表, a PDF flattened): three levels, 一级 and 二级 categories
# written in the rows of their first indicator, names split by spaces (部门决 策)
R8_01 = (
    "2017 年部门整体支出绩效评价得分表 一级指 标 二级指标 三级指标 得分 部门决 策(25 分) 目标任务(15 分) 相关性(5 分)\n"
    "5 明确性(5 分)\n"
    "5 合理性(5 分)\n"
    "5 预算编制(10 分) 测算依据(5 分)\n"
    "2 目标管理(5 分)\n"
    "4 综合管 理(30 分) 专项资金分配时限(2 分) 省级财力专项预算分配时限(1 分)\n"
    "1 中央专款分配合规........"
)


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def read(text: str) -> list[tuple[str, str | None, str | None, list[str], bool]]:
    """(name, 分值, 得分, children's names, whole) of every node below the root."""
    scan = Scan.of(doc(text))
    trees: list[ScoreTree] = extract_level_scores(scan)
    q = {x.id: x.text for x in scan.minted}
    out = []
    for t in trees:
        by_id = {n.id: n for n in t.nodes}
        for n in t.nodes[1:]:
            kids = [by_id[k].name for k in n.children]
            out.append((n.name, q.get(n.weight or ""), q.get(n.score or ""), kids, n.exhaustive))
    return out


def test_each_row_fills_the_last_levels_of_the_header() -> None:
    assert read(R8_01) == [
        ("部门决策", "25", None, ["目标任务", "预算编制"], True),
        ("目标任务", "15", None, ["相关性", "明确性", "合理性"], True),
        ("相关性", "5", "5", [], True),
        ("明确性", "5", "5", [], True),
        ("合理性", "5", "5", [], True),
        ("预算编制", "10", None, ["测算依据", "目标管理"], True),
        ("测算依据", "5", "2", [], True),
        ("目标管理", "5", "4", [], True),
        # the table runs on past the excerpt: the categories still open are not whole
        ("综合管理", "30", None, ["专项资金分配时限"], False),
        ("专项资金分配时限", "2", None, ["省级财力专项预算分配时限"], False),
        ("省级财力专项预算分配时限", "1", "1", [], True),
    ]


def test_the_table_as_written_holds_and_a_wrong_cap_is_flagged() -> None:
    assert [f for f in review_document(doc(R8_01)).findings if f.check == "score"] == []
    wrong = R8_01.replace("目标任务(15 分)", "目标任务(18 分)")
    flagged = [f for f in review_document(doc(wrong)).findings if f.check == "score"]
    assert [(f.severity, f.quote) for f in flagged] == [("high", "目标任务(18 分)")]
    over = R8_01.replace("明确性(5 分)", "明确性(8 分)")
    assert {f.quote for f in review_document(doc(over)).findings if f.check == "score"} == {
        "部门决 策(25 分)",
        "目标任务(15 分)",
    }


def test_an_open_category_short_of_its_cap_is_not_flagged() -> None:
    # 综合管理 (30) has one known indicator of 2: the rest lie past the excerpt
    assert not [f for f in review_document(doc(R8_01)).findings if "综合管" in f.quote]


def test_a_header_with_a_weight_column_is_not_this_layout() -> None:
    text = R8_01.replace("三级指标 得分", "三级指标 分值 得分")
    assert read(text) == []


def test_a_row_with_more_names_than_levels_ends_the_table() -> None:
    text = R8_01.replace(
        "一级指 标 二级指标 三级指标", "二级指标 三级指标"
    )  # two levels: the first row has three names
    assert read(text) == []


def test_a_grid_the_loader_kept_is_left_to_the_score_table_reader() -> None:
    grid = "\t一级指标\n\t二级指标\n\t三级指标\n\t得分\n\n\t部门决策(25 分)\n\t目标任务(15 分)\n\t相关性(5 分)\n\t5\n\n"
    grid += "\t\n\t\n\t明确性(5 分)\n\t5\n\n"
    assert Scan.of(doc(grid)).in_table(grid.index("部门决策"))
    assert read(grid) == []
