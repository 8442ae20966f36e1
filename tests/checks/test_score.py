"""check_scores from hand-made ScoreTrees: a score never above its weight, the indicators' weights
fill their category's cap, a category's score is the sum of its indicators' (or, with some of them
unknown, at most the cap less the known deductions), and a table's total is the sum and ≤ 100."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from review.checks.score import check_scores
from review.core.claims import ScoreTree
from tests.checks.builders import Sheet, essentials, pack, spans_ok
from tests.conftest import checks_of

Built = tuple[Sheet, ScoreTree]


def leaf_over(score: str, weight: str = "10", total: str | None = None) -> Built:
    s = Sheet()
    s.node("目标制定", weight, score)
    return s, s.tree(total)


def caps(cap: str, weights: list[str], *, exhaustive: bool = True) -> Built:
    s = Sheet()
    kids = tuple(s.node(f"指标{k}", w) for k, w in enumerate(weights, 1))
    s.node("目标管理", cap, children=kids, exhaustive=exhaustive)
    return s, s.tree()


def category(score: str, scores: list[str]) -> Built:
    s = Sheet()
    kids = tuple(s.node(f"指标{k}", "10", x) for k, x in enumerate(scores, 1))
    s.node("目标管理", "40", score, children=kids)
    return s, s.tree()


def deductions(stated: str) -> Built:
    """目标管理 (40分, not every indicator known) with one known indicator that lost 2 points."""
    s = Sheet()
    kid = s.node("执行进度", "10", "8")
    s.node("目标管理", "40", stated, children=(kid,), exhaustive=False)
    return s, s.tree()


def table_total(total: str, scores: list[str], minus: str = "0") -> Built:
    s = Sheet()
    kids = [s.node(f"指标{k}", "50", x) for k, x in enumerate(scores, 1)]
    if minus != "0":
        kids.append(s.node("扣分项", "10", minus, deduction=True))
    return s, s.tree(total)


def score_only(part_cap: str, caps_: list[str], fund: str = "20", total: str = "100") -> Built:
    """A score-only form: 预算执行 (its cap) and a part (年度绩效目标) over categories whose indicators
    state only a 得分 — each category weighs its cap."""
    s = Sheet()
    s.node("预算执行率", fund, fund)
    cats = []
    for k, cap in enumerate(caps_, 1):
        kid = s.node(f"指标{k}", None, cap)
        cats.append(s.node(f"类别{k}", cap, children=(kid,)))
    s.node("年度绩效目标", part_cap, children=tuple(cats))
    return s, s.tree(total)


def score_rows(part_cap: str, cats: list[tuple[str, list[str]]], total: str = "100") -> Built:
    """A score-only form's part (年度绩效目标（80分）) over categories (产出指标（60分）) each with
    its indicator rows' 得分 (20 | 20 | 20), as dev r6-04 writes it."""
    s = Sheet()
    s.node("预算执行率", "20", "20")
    kids = []
    for k, (cap, scores) in enumerate(cats, 1):
        rows = tuple(s.node(f"指标{k}.{j}", None, x) for j, x in enumerate(scores, 1))
        kids.append(s.node(f"类别{k}", cap, children=rows))
    s.node("年度绩效目标", part_cap, children=tuple(kids))
    return s, s.tree(total)


def scores_only(cap: str, scores: list[str]) -> Built:
    """A category (产出指标（60分）) whose indicator rows state only their 得分 (20 | 20 | 20)."""
    s = Sheet()
    kids = tuple(s.node(f"指标{k}", None, x) for k, x in enumerate(scores, 1))
    s.node("产出指标", cap, children=kids)
    return s, s.tree()


# rule, severity, how the tree is built, the quote (the node's name), computed display, message fragment
FAILS = [
    pytest.param(
        "score_not_above_weight",
        "high",
        lambda: leaf_over("12"),
        "目标制定",
        "10",
        "得分超过分值：“目标制定”分值10，自评得12",
        id="score_not_above_weight",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: caps("40", ["10", "10", "10", "5"]),
        "目标管理 40",
        "35分",
        "分值不符：“目标管理”标明40分，所含指标分值合计35分",
        id="children_fill_cap",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: caps("40", ["20", "25"], exhaustive=False),
        "目标管理 40",
        "45分",
        "所含指标分值合计45分",
        id="children_fill_cap-partial-over",
    ),
    pytest.param(
        "category_equals_sum",
        "high",
        lambda: category("38", ["10", "10", "9", "10"]),
        "目标管理",
        "39分",
        "得分合计不符：“目标管理”自评38，所含指标得分相加为39分",
        id="category_equals_sum",
    ),
    pytest.param(
        "category_bounded_by_deductions",
        "medium",
        lambda: deductions("40"),
        "执行进度",
        "38分",
        "“目标管理”满分40、自评40，但其中“执行进度”分值10只得8",
        id="category_bounded_by_deductions",
    ),
    pytest.param(
        "total_equals_sum",
        "high",
        lambda: table_total("97", ["48", "48"]),
        "总分",
        "96分",
        "总分不符：表中自评总分97分，各指标得分相加为96分",
        id="total_equals_sum",
    ),
    pytest.param(
        "total_equals_sum",
        "high",
        lambda: table_total("97", ["50", "49"], minus="1"),
        "总分",
        "98分",
        "各指标得分相加为98分",
        id="total_equals_sum-less-deductions",
    ),
    pytest.param(
        "total_at_most_100",
        "high",
        lambda: table_total("101", ["51", "50"]),
        "总分",
        None,
        "总分超过100分：101分",
        id="total_at_most_100",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: score_only("80", ["63", "10", "10"], total="103"),
        "年度绩效目标 80",
        "83分",
        "“年度绩效目标”标明80分，所含指标分值合计83分",
        id="children_fill_cap-categories-weigh-their-caps",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: score_rows("80", [("63", ["20", "20", "20"]), ("10", ["10"]), ("10", ["10"])]),
        "类别1 63",
        "60分",
        "分值不符：“类别1”标明63分，而“年度绩效目标”80分减去其他各项（分值均另有印证）20分，应为60分",
        id="children_fill_cap-the-one-category-its-rows-do-not-fix",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: score_rows("80", [("63", ["20", "20", "20"]), ("10", ["9"]), ("10", ["10"])]),
        "年度绩效目标 80",
        "83分",
        "“年度绩效目标”标明80分，所含指标分值合计83分",
        id="children_fill_cap-two-categories-not-fixed-blames-the-part",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: score_rows("85", [("60", ["20", "20", "19"]), ("10", ["10"]), ("10", ["10"])]),
        "年度绩效目标 85",
        "80分",
        "“年度绩效目标”标明85分，所含指标分值合计80分",
        id="children_fill_cap-a-part-the-full-marks-do-not-bear-out-is-blamed-itself",
    ),
    pytest.param(
        "children_fill_cap",
        "high",
        lambda: score_rows("83", [("60", ["20", "20", "20"]), ("10", ["10"]), ("10", ["10"])]),
        "年度绩效目标 83",
        "80分",
        "“年度绩效目标”标明83分，所含指标分值合计80分",
        id="children_fill_cap-every-category-fixed-blames-the-part",
    ),
    pytest.param(
        "scores_within_cap",
        "high",
        lambda: scores_only("60", ["23", "20", "20"]),
        "产出指标 60",
        "63分",
        "得分超过分值：“产出指标”标明60分，所含指标得分合计63分",
        id="scores_within_cap",
    ),
    pytest.param(
        "caps_within_full_marks",
        "high",
        lambda: score_only("83", ["63", "10", "10"], total="103"),
        "总分",
        "103分",
        "分值超过满分：各部分分值合计103分，超过满分100分",
        id="caps_within_full_marks",
    ),
]


@pytest.mark.parametrize(("rule", "severity", "build", "quote", "computed", "message"), FAILS)
def test_a_broken_score_tree_is_flagged(
    rule: str, severity: str, build: Callable[[], Built], quote: str, computed: str | None, message: str
) -> None:
    s, tree = build()
    found = check_scores(s.ctx(tree))
    (f,) = [f for f in found if rule in f.rule]
    assert essentials(f) == ("score", severity, f"rubric.{rule}（报告自带打分表）")
    assert f.quote == quote and spans_ok(found, s.text)
    assert (f.computed.display if f.computed else None) == computed
    assert message in f.message, f.message


HOLDS = [
    pytest.param(lambda: leaf_over("10"), id="score_not_above_weight-full-marks"),
    pytest.param(lambda: leaf_over("2.54", weight="2.5"), id="score_not_above_weight-rounding"),
    pytest.param(lambda: caps("40", ["10", "10", "10", "10"]), id="children_fill_cap"),
    pytest.param(lambda: caps("40", ["12.5", "12.5", "15"]), id="children_fill_cap-halves"),
    pytest.param(lambda: caps("40", ["20", "15"], exhaustive=False), id="children_fill_cap-partial-under"),
    pytest.param(lambda: category("39", ["10", "10", "9", "10"]), id="category_equals_sum"),
    pytest.param(lambda: category("39", ["10", "10", "9.45", "9.6"]), id="category_equals_sum-rounding"),
    pytest.param(lambda: deductions("38"), id="category_bounded_by_deductions"),
    pytest.param(lambda: table_total("96", ["48", "48"]), id="total_equals_sum"),
    pytest.param(lambda: table_total("98", ["50", "49"], minus="1"), id="total_equals_sum-less-deductions"),
    pytest.param(lambda: table_total("97", ["48.5", "48.46"]), id="total_equals_sum-rounding"),
    pytest.param(lambda: score_only("80", ["60", "10", "10"]), id="caps_within_full_marks-score-only"),
    pytest.param(lambda: scores_only("60", ["20", "20", "20"]), id="scores_within_cap-full"),
    pytest.param(
        lambda: score_rows("80", [("60", ["20", "20", "19"]), ("10", ["9"]), ("10", ["10"])], total="98"),
        id="children_fill_cap-score-only-categories",
    ),
    pytest.param(lambda: scores_only("60", ["18", "20.5", "19.45"]), id="scores_within_cap-under"),
]


@pytest.mark.parametrize("build", HOLDS)
def test_a_score_tree_that_adds_up_within_rounding_is_not_flagged(build: Callable[[], Built]) -> None:
    s, tree = build()
    assert check_scores(s.ctx(tree)) == []


def test_a_score_above_its_weight_notes_a_change_of_grade() -> None:
    s, tree = leaf_over("12", total="91")
    found = check_scores(s.ctx(tree))
    (f,) = [f for f in found if "score_not_above_weight" in f.rule]
    assert f.message.endswith("（改变等级：优 → 良）")  # 91 − (12 − 10) = 89


def test_a_deduction_row_is_not_held_to_its_weight() -> None:
    s = Sheet()
    s.node("扣分项", "10", "12", deduction=True)
    assert check_scores(s.ctx(s.tree())) == []


def test_a_text_tree_has_no_total_row_to_check() -> None:
    s, tree = table_total("97", ["48", "48"])
    text_tree = tree.model_copy(update={"source": "text"})
    assert check_scores(s.ctx(text_tree)) == []


def test_the_rule_names_the_pack_when_one_applies() -> None:
    s, tree = leaf_over("12")
    (f,) = check_scores(s.ctx(tree, rubric=pack({"产出": "100"})))
    assert f.rule == "rubric.score_not_above_weight（报告自带打分表；test-pack@1）"
    s, tree = leaf_over("12")
    (f,) = check_scores(s.ctx(tree.model_copy(update={"source": "text"})))
    assert f.rule == "rubric.score_not_above_weight（报告所述分值）"


def test_a_category_whose_rows_miss_its_cap_is_not_blamed_on_the_part_too() -> None:
    """目标管理 (40) over 决策 (20) and 过程 (20): 过程's rows weigh 25; the stated caps 20 + 20 still
    fill 40, so only 过程 is flagged, not 目标管理 as well."""
    s = Sheet()
    first = s.node("决策", "20", children=(s.node("立项", "10"), s.node("论证", "10")))
    second = s.node("过程", "20", children=(s.node("管理", "10"), s.node("执行", "15")))
    s.node("目标管理", "40", children=(first, second))
    found = check_scores(s.ctx(s.tree()))
    assert [(f.quote, "合计25分" in f.message) for f in found] == [("过程 20", True)]


# dev r12-12 (one cell a line: 一级指标 分值 二级指标 分值 三级指标 分值 得分) and dev r11-01 (pipe cells,
# the cap written in the category's cell): a cap that disagrees is quoted with its number
_R12_12 = (
    "一级指标\n\n分值\n\n二级指标\n\n分值\n\n三级指标\n\n分值\n\n得分\n\n项目决策\n\n20\n\n项目目标\n\n4\n\n目标内容\n\n4\n\n4\n\n"
    "决策过程\n\n11\n\n决策依据\n\n3\n\n3\n\n决策程序\n\n5\n\n5\n\n资金分配\n\n8\n\n分配办法\n\n2\n\n2\n\n分配结果\n\n6\n\n6\n\n"
    "项目管理\n\n10\n\n资金到位\n\n5\n\n到位率\n\n3\n\n3\n\n到位时效\n\n2\n\n2\n\n组织实施\n\n5\n\n组织机构\n\n5\n\n5\n\n"
)
_R11_01 = (
    "一级指标\n|\n二级指标\n|\n三级指标\n|\n评分标准\n|\n分值\n|\n自评得分\n|\n扣分原因和其他说明\n|\n"
    "投 入\n(15分)\n|\n"
    "预算配置\n(18分)\n|\n财政供养人员\n控制率\n|\n在职人员控制率≦100%,计5分。\n|\n5\n|\n5\n|\n|\n“三公经费”\n变动率\n|\n"
    "“三公经费”变动率≦0,计5分。\n|\n5\n|\n5\n|\n|\n重点支出\n安排率\n|\n重点支出安排率≥90%,计5分。\n|\n5\n|\n5\n|\n|\n"
    "过 程\n(40分)\n|\n预算执行\n(15分)\n|\n"
)


@pytest.mark.parametrize(
    ("text", "quote"), [(_R12_12, "决策过程\n\n11"), (_R11_01, "预算配置\n(18分)")], ids=["r12-12", "r11-01"]
)
def test_a_cap_that_disagrees_is_quoted_with_its_number(text, quote):
    assert ("score", quote) in checks_of(text, 2022)
