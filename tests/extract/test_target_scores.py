"""An indicator row's target and actual beside its 分值 and 得分, read from the score rows the form
readers read.

Excerpts from three public reports of the dev corpus (eval/corpus, split dev): r9-03 (濉溪县民政局,
one cell a line, 分值 年度指标值 全年实际值 得分), r6-17 (pipe rows, the same layout) and r1-02 (pipe
rows, 年度指标值 实际完成值 分值 得分)."""

from __future__ import annotations

from review.core.claims import TargetScore
from review.core.document import Document
from review.extract.rules import extract_rules
from review.load.texttables import text_blocks
from review.pipeline import review_document
from tests.extract.test_cell_rows import APART

# r1-02: 年度指标值 实际完成值 分值 得分, pipe rows
ADJACENT = (
    "一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n|\n"
    "产出指标 | 数量指标 | 野生动物收容所 | ≥200平方米 | 204.46平方米 | 10 | 10 | 无 |\n"
    "数量指标 | 钢结构圈养围栏 | ≥120米 | 121.5米 | 10 | 10 | 无 |\n"
    "质量指标 | 验收合格率 | 100% | 100% | 15 | 15 | 无 |\n"
    "效益指标 | 经济效益指标 | 务工人员年人均增收 | ≥8400元 | 8400元 | 10 | 10 | 无 |\n"
    "社会效益指标 | 提供务工岗位 | ≥5个 | 5个 | 8 | 8 | 无 |\n"
    "总分 | 100 | 98 |\n"
)
# r6-17: 分值 年度指标值 全年实际值 得分, pipe rows
PIPES = (
    "一级指标 | 二级指标 | 三级指标 | 分值 | 年度指标值 | 全年实际值 | 得分 | 未完成原因分析 |\n"
    "效 益 指 标 (30分) |\n经济效益 指标 |\n|||||||||\n"
    "特色产业带动增加受益农户收入(总收入) | 20 | ≥11.376万元 | 12万元 | 20 | |\n"
    "受益农户满意度 | 10 | 不低于90% | 88% | 10 | |\n"
    "总分 | 30 | 30 |\n"
)


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def rows(text: str) -> list[tuple[str, str, str, str, str]]:
    """(direction, target, actual, 分值, 得分) as written, per claimed row."""
    claims = extract_rules(doc(text))
    q = claims.by_id()
    return [
        (r.direction, q[r.target].text, q[r.actual].text, q[r.weight].text, q[r.score].text)
        for r in claims.relations
        if isinstance(r, TargetScore)
    ]


def test_one_cell_a_line_rows_between_weight_and_score() -> None:
    found = rows(APART)
    assert ("at_least", "4754人", "4604人", "5", "5") in found
    assert ("at_most", "5300元", "5830元", "10", "10") in found  # <=5300元/户 | 5830元/户: the tails agree
    assert ("at_least", "21933人", "21980人", "5", "5") in found


def test_pipe_rows_with_the_targets_before_weight_and_score() -> None:
    found = rows(ADJACENT)
    assert ("at_least", "≥200平方米", "204.46平方米", "10", "10") in found
    assert ("at_least", "≥5个", "5个", "8", "8") in found
    assert not [r for r in found if r[1] == "100%"]  # a target with no sign says no direction: no claim


def test_pipe_rows_with_the_targets_between_weight_and_score() -> None:
    found = rows(PIPES)
    assert ("at_least", "≥11.376万元", "12万元", "20", "20") in found
    assert ("at_least", "不低于90%", "88%", "10", "10") in found


def test_cells_with_other_words_or_units_are_not_claimed() -> None:
    text = PIPES.replace("| 12万元 |", "| 12万元以上 |").replace("| 88% |", "| 88人 |")
    assert rows(text) == []


def test_full_marks_on_a_target_not_met_are_found_end_to_end() -> None:
    findings = review_document(doc(APART)).findings
    quotes = sorted(f.quote for f in findings if f.rule.startswith("rubric.target_met"))
    assert quotes == ["4754人 |\n4604人 |\n5", "5300元/户 |\n5830元/户 |\n10"]
