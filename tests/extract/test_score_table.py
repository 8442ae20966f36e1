"""A report's own scoring table (打分表, a TAB table) read as a score tree: category cells with caps
"目标管理（40分）", indicator rows with 指标分值 and 自评得分, a deduction row and the total row.

Rows quoted (cells shortened) from two reports: seed 004 (平等乡, 县级部门整体绩效自评打分表) and
dev r6-17 (安徽, 乡镇 项目自评表, whose rows are laid out here as the Word table they come from)."""

from __future__ import annotations

from review.core.claims import ScoreTree
from review.extract.rules.scan import Scan
from review.extract.rules.score_table import extract_table_scores
from review.pipeline import review_document
from tests.conftest import doc_of


def table(*rows: list[str]) -> str:
    """The TAB table format every loader writes: a line per cell, a blank line after each row."""
    return "\n".join("".join(f"\t{cell}\n" for cell in row) for row in rows)


def read(text: str) -> tuple[Scan, list[ScoreTree]]:
    scan = Scan.of(doc_of(text))
    return scan, extract_table_scores(scan)


def outline(scan: Scan, tree: ScoreTree) -> list[tuple[str, str | None, str | None, list[str], bool]]:
    """(name, weight, score, children's names, deduction) of every node, the quantities as written."""
    q = {x.id: x.text for x in scan.quantities + scan.minted}
    names = {n.id: n.name for n in tree.nodes}
    return [
        (n.name, q.get(n.weight or ""), q.get(n.score or ""), [names[c] for c in n.children], n.deduction)
        for n in tree.nodes
    ]


# seed 004: two category levels, a continuation row with no name of its own, a deduction row
# whose cap is in its category cell, and the total row with one number
SEED_004 = table(
    ["县级部门整体绩效自评打分表"],
    ["绩效指标", "指标分值", "指标解释", "计分标准", "评价方式", "评价属性", "自评打分", "备注"],
    ["部门预算项目绩效管理（70分）", "目标管理（40分）", "目标制定", "10", "是否开展部门内部绩效目标审核工作。",
     "部门组织对本部门（含下属单位）绩效目标开展内部审核的，得10分", "√", "√", "", "√", "10", ""],
    ["", "", "", "10", "根据年度绩效目标实现情况，评价部门绩效目标是否科学合理。",
     "1.绩效目标编制科学合理的，得2分，否则酌情扣分。\n2.绩效目标编制规范完整的，得2分，否则酌情扣分。\n"
     "3.绩效指标编制细化量化的，得2分，否则酌情扣分。\n4.绩效指标编制与预算安排相匹配的，得2分，否则酌情扣分。\n"
     "5.评价部门绩效目标纳入部门党组（委）会（办公会）集体决策范围的得2分，否则不得分。", "√", "√", "√", "√", "10", ""],
    ["", "完成结果（10分）", "资金结余率（低效无效率）", "5", "评价部门预算项目年终资金结余情况。",
     "部门预算项目资金结余率小于0.1的项目数/部门预算项目总数*5。", "√", "", "", "√", "5", ""],
    ["扣分项（10分）", "10", "被评价单位配合评价工作情况。", "按0.5分/次予以扣分，最高扣10分",
     "√", "", "√", "√", "0", ""],
    ["部 门 整 体 自 评 得 分", "97"],
)  # fmt: skip


def test_seed_004_categories_indicators_deduction_and_total() -> None:
    scan, (tree, *rules) = read(SEED_004)
    assert tree.source == "table" and tree.root == "n0"
    assert outline(scan, tree) == [
        ("总分", None, "97", ["部门预算项目绩效管理", "扣分项"], False),
        ("部门预算项目绩效管理", "70", None, ["目标管理", "完成结果"], False),
        ("目标管理", "40", None, ["目标制定", "目标制定（续）"], False),
        ("目标制定", "10", "10", [], False),
        ("目标制定（续）", "10", "10", [], False),
        ("完成结果", "10", None, ["资金结余率（低效无效率）"], False),
        ("资金结余率（低效无效率）", "5", "5", [], False),
        ("扣分项", "10", "0", [], True),
    ]
    # each row's 分值 over the full marks its 计分标准 states: 得10分; five points of 得2分
    assert [[w for _, w, _, _, _ in outline(scan, r)] for r in rules] == [["10", "10"], ["10", "2", "2", "2", "2", "2"]]


def test_the_table_numbers_are_minted_on_the_scan_where_they_stand() -> None:
    scan, _ = read(SEED_004)
    assert scan.minted, "the bare cells are minted"
    first = len(scan.quantities)
    assert [q.id for q in scan.minted] == [f"q{first + k}" for k in range(len(scan.minted))]
    assert all(scan.text[q.start : q.end] == q.text and q.unit == "分" for q in scan.minted)
    cap = next(q for q in scan.minted if q.text == "70")
    assert scan.text[cap.start - len("部门预算项目绩效管理（") : cap.end + 2] == "部门预算项目绩效管理（70分）"


# dev r6-17: category headings in a row of their own (spaced out), 二级 headings alone on a row,
# 分值 before the targets and 得分 after them, and a total row with both 分值 and 得分 (no indicator)
R6_17 = table(
    ["二级指标", "三级指标", "分值", "年度指标值", "全年实际值", "得分"],
    ["效 益 指 标 (30分)"],
    ["经济效益 指标"],
    ["特色产业带动增加受益农户收入(总收入)", "20", "≥11.376万元", "12万元", "20"],
    ["社会效益 指标"],
    ["受益人口数量", "10", "90人", "90人", "10"],
    ["满 意 度 指 标 (10分)"],
    ["受益群众满意度", "10", "≥90%", "95%", "10"],
    ["总分", "100", "", "", "100"],
)


def test_r6_17_rows_as_a_table_weight_first_score_last() -> None:
    scan, (tree,) = read(R6_17)
    assert outline(scan, tree) == [
        ("总分", None, None, ["效益指标", "满意度指标"], False),
        ("效益指标", "30", None, ["特色产业带动增加受益农户收入(总收入)", "受益人口数量"], False),
        ("特色产业带动增加受益农户收入(总收入)", "20", "20", [], False),
        ("受益人口数量", "10", "10", [], False),
        ("满意度指标", "10", None, ["受益群众满意度"], False),
        ("受益群众满意度", "10", "10", [], False),
    ]


def test_a_total_row_with_weight_and_score_is_no_indicator() -> None:
    # "总分 | 100 | | | 100" once became an indicator of 满意度指标 weighing 100 (合计110分 against its 10分);
    # the form's 100 also counts the 预算执行 points of its fund rows, so it is not the sum of these rows
    assert review_document(doc_of(R6_17)).findings == ()
    wrong = R6_17.replace("\t受益人口数量\n\t10\n", "\t受益人口数量\n\t15\n")
    (f,) = review_document(doc_of(wrong)).findings
    assert (f.check, f.quote) == ("score", "效 益 指 标 (30分)") and "合计35分" in f.message


def test_a_table_without_category_caps_is_no_score_tree() -> None:
    # r6-17's fund rows: numbers in columns, but no "（N分）" category cell
    funds = table(
        ["年度资金总额", "9.48", "9.48", "10", "100%", "10"],
        ["其中:本年财政拨款", "9.48", "9.48", "10", "100%", "10"],
    )
    assert read(funds)[1] == []
