"""check_rubric from hand-made claims: the 预算执行 score against min(执行率, 100%) × 分值 (a table
row's FormulaScore, or a score list's 预算执行 item with the weight from the pack or from the other
categories' caps), the table's category caps against the pack, and the grade against the bands."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from review.checks.base import Context
from review.checks.rubric import check_budget_execution, check_rubric
from review.core.claims import ExecutionRate, FormulaScore, GradeStatement, ScoreNode, ScoreTree, SumRelation
from review.core.findings import Finding
from review.scoring.packs import RubricPack
from tests.checks.builders import Sheet, essentials, pack, spans_ok

PACK = pack({"预算执行": "20", "产出": "50", "效益": "30"})


def rubric_findings(ctx: Context) -> list[Finding]:
    """The pack's weights and grades (check_rubric) and its budget_execution rule kind."""
    return [*check_rubric(ctx), *check_budget_execution(ctx)]


def formula(rate: str, weight: str, score: str) -> tuple[Sheet, Context]:
    """A 自评表 row stating 执行率, 分值 and 得分 together."""
    s = Sheet()
    r, w, sc = s.num(rate, "预算执行率"), s.num(weight, "分值", unit="分"), s.num(score, "得分", unit="分")
    return s, s.ctx(FormulaScore(rule="budget_execution", rate=r.id, weight=w.id, score=sc.id))


def score_list(
    rate: str, stated: str, *, rubric: RubricPack | None = PACK, caps: bool = False
) -> tuple[Sheet, Context]:
    """预算执行率为<rate>…自评得分…其中预算执行<stated>、产出指标48分、效益指标27.3分; the weight of 预算执行
    from the pack, or (caps=True) as 100 less the caps the text gives the other categories."""
    s = Sheet()
    r = s.num(rate, "预算执行率为")
    total = s.num("95分", "自评得分")
    items = [s.num(stated, "预算执行"), s.num("48分", "产出指标"), s.num("27.3分", "效益指标")]
    relations: list = [
        ExecutionRate(rate=r.id),
        SumRelation(total=total.id, items=tuple(i.id for i in items), category="score"),
    ]
    if caps:
        nodes = [s.node(name, cap) for name, cap in (("产出指标", "50"), ("效益指标", "30"))]
        root = ScoreNode(id="n0", name="总分", name_start=0, name_end=0, children=tuple(n.id for n in nodes))
        relations.append(ScoreTree(nodes=(root, *nodes), root="n0", source="text"))
    return s, s.ctx(*relations, rubric=rubric)


def table_cap(cap: str, *, fixed: bool, source: str = "table") -> tuple[Sheet, Context]:
    """A score table's category 产出指标 with its cap, under a pack that gives 产出 50分."""
    s = Sheet()
    kid = s.node("产出数量", cap)
    s.node("产出指标", cap, children=(kid,))
    weights = pack({"预算执行": "20", "产出": "50", "效益": "30"}, fixed=fixed)
    return s, s.ctx(s.tree(source=source), rubric=weights)


def grade(score: str, band: str, rubric: RubricPack | None = None) -> tuple[Sheet, Context]:
    s = Sheet()
    sc = s.num(score, "自评得分")
    start, end = s.write(f"评价等级为“{band}”")
    return s, s.ctx(GradeStatement(grade=band, band=band, start=start, end=end, score=sc.id), rubric=rubric)


# rule, severity, how the claims are built, the quote, message fragments
FAILS = [
    pytest.param(
        "rubric.budget_execution（报告自带分值）",
        "high",
        lambda: formula("97.80%", "10", "9"),
        "得分9",
        ("执行率97.80%、分值10，按 min(执行率,100%)×分值 应得9.78分，报告为9",),
        id="rubric.budget_execution-table-row",
    ),
    pytest.param(
        "rubric.budget_execution（test-pack@1）",
        "high",
        lambda: score_list("96.3%", "19.7分"),
        "预算执行19.7分",
        ("执行率96.3%、分值20分", "应得[19.25, 19.27]分，报告为19.7分"),
        id="rubric.budget_execution-pack-weight",
    ),
    pytest.param(
        "rubric.budget_execution（报告自带分值）",
        "high",
        lambda: score_list("96.3%", "19.7分", rubric=None, caps=True),
        "预算执行19.7分",
        ("应得[19.25, 19.27]分",),
        id="rubric.budget_execution-other-caps",
    ),
    pytest.param(
        "rubric.weight（test-pack@1）",
        "high",
        lambda: table_cap("40", fixed=True),
        "产出指标",
        ("分值与评分标准不符：“产出指标”为40分，测试评分标准规定50分",),
        id="rubric.weight-fixed",
    ),
    pytest.param(
        "rubric.weight（test-pack@1）",
        "low",
        lambda: table_cap("40", fixed=False),
        "产出指标",
        ("规定50分",),
        id="rubric.weight-advisory",
    ),
    pytest.param(
        "rubric.grade_band（报告自带分值）",
        "high",
        lambda: grade("85分", "优"),
        "评价等级为“优”",
        ("等级与得分不符：得分85分对应“良”，报告评定为“优”",),
        id="rubric.grade_band",
    ),
]


@pytest.mark.parametrize(("rule", "severity", "build", "quote", "message"), FAILS)
def test_a_score_against_the_criteria_is_flagged(
    rule: str, severity: str, build: Callable[[], tuple[Sheet, Context]], quote: str, message: tuple[str, ...]
) -> None:
    s, ctx = build()
    (f,) = rubric_findings(ctx)
    assert essentials(f) == ("score", severity, rule)
    assert f.quote == quote and spans_ok([f], s.text)
    assert all(m in f.message for m in message), f.message


HOLDS = [
    pytest.param(lambda: formula("97.80%", "10", "9.78"), id="rubric.budget_execution-table-row-rounding"),
    pytest.param(lambda: formula("103.21%", "10", "10"), id="rubric.budget_execution-above-100%"),
    pytest.param(lambda: score_list("96.3%", "19.3分"), id="rubric.budget_execution-pack-rounding"),
    pytest.param(
        lambda: score_list("96.3%", "19.26分", rubric=None, caps=True), id="rubric.budget_execution-other-caps"
    ),
    pytest.param(lambda: score_list("96.3%", "12分", rubric=None), id="rubric.budget_execution-no-weight-known"),
    pytest.param(lambda: table_cap("50", fixed=True), id="rubric.weight"),
    pytest.param(lambda: table_cap("40", fixed=True, source="text"), id="rubric.weight-text-tree"),
    pytest.param(lambda: grade("85分", "良"), id="rubric.grade_band"),
    pytest.param(lambda: grade("90分", "优"), id="rubric.grade_band-at-the-floor"),
    pytest.param(
        lambda: grade("85分", "优", pack({"产出": "100"}, grades=(("优", 85), ("良", 70)))), id="rubric.grade_band-pack"
    ),
]


@pytest.mark.parametrize("build", HOLDS)
def test_a_score_that_meets_the_criteria_is_not_flagged(build: Callable[[], tuple[Sheet, Context]]) -> None:
    assert rubric_findings(build()[1]) == []


def test_the_budget_execution_score_is_computed_on_intervals() -> None:
    (f,) = rubric_findings(score_list("96.3%", "19.7分")[1])
    # min([96.25, 96.35]%, 100%) × 20 = [19.25, 19.27]
    assert f.computed is not None and (f.computed.lo, f.computed.hi) == ("19.25", "19.27")
    assert "test-pack@1 规定分值" in f.trace
    (f,) = rubric_findings(score_list("96.3%", "19.7分", rubric=None, caps=True)[1])
    assert "100 − 其他类别分值80" in f.trace


@pytest.mark.parametrize(
    ("rate", "weight", "score", "flagged"),
    [
        ("86%", "10", "9", False),  # dev r4-02 (自评表): 86% × 10 = 8.6, written to whole points as 9
        ("97.80%", "10", "9", True),  # dev r1-02: 9.78 does not round to 9
        ("86%", "10", "8", True),  # 8 stands for [7.5, 8.5], short of 8.6
        ("86%", "10", "8.6", False),
    ],
)
def test_a_computed_score_written_in_whole_points_is_rounded(rate: str, weight: str, score: str, flagged: bool) -> None:
    """The formula's score is rounded to the precision it is written in, like any stated number."""
    assert bool(rubric_findings(formula(rate, weight, score)[1])) is flagged
