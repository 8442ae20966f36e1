"""check_consistency from hand-made claims: one fact stated twice (SameFact), wordings that assert a
numeric fact (Assertion: 全部到位, 无结转结余) and planned against actual amounts (PlanActual)."""

from __future__ import annotations

from typing import Literal

import pytest

from review.checks.base import Context
from review.checks.consistency import check_consistency
from review.core.claims import Assertion, PlanActual, SameFact
from tests.checks.builders import Sheet, essentials, spans_ok


def same_fact(first: str, later: str) -> tuple[Sheet, Context]:
    s = Sheet()
    a, b = s.num(first, "自评总分"), s.num(later, "最终评价总得分")
    return s, s.ctx(SameFact(what="自评总分", statements=(b.id, a.id)))  # in any order: the first in the text leads


def asserted(claim: Literal["fully_arrived", "no_carryover"], expected: str, actual: str) -> tuple[Sheet, Context]:
    s = Sheet()
    labels = {"fully_arrived": ("项目资金预算数", "实际到位"), "no_carryover": ("本年收入", "本年支出")}[claim]
    e, a = s.num(expected, labels[0]), s.num(actual, labels[1])
    start, end = s.write({"fully_arrived": "预算资金全部到位", "no_carryover": "无结转结余"}[claim])
    return s, s.ctx(Assertion(claim=claim, start=start, end=end, expected=e.id, actual=a.id))


def plan_actual(
    rule: Literal["budget_balance", "actual_within_budget"], anchor: str, other: str
) -> tuple[Sheet, Context]:
    s = Sheet()
    labels = {"budget_balance": ("预算收入", "支出预算"), "actual_within_budget": ("预算数", "执行数")}[rule]
    a, o = s.num(anchor, labels[0]), s.num(other, labels[1])
    return s, s.ctx(PlanActual(rule=rule, anchor=a.id, other=o.id, scope="教育专项"))


# rule, check, severity, how the claims are built, the quote, a message fragment
FAILS = [
    pytest.param(
        "consistency.same_fact",
        "consistency",
        lambda: same_fact("91.8分", "90.76分"),
        "最终评价总得分90.76分",
        "前后不一致：自评总分先写为91.8分，此处为90.76分",
        id="consistency.same_fact",
    ),
    pytest.param(  # dev r4-07: one notice (呼财农指【2023】41号) first allots 5万元, later 6万元
        "consistency.same_fact",
        "consistency",
        lambda: same_fact("5万元", "6万元"),
        "最终评价总得分6万元",
        "前后不一致：自评总分先写为5万元，此处为6万元",
        id="consistency.same_fact.touching_integers",
    ),
    pytest.param(
        "consistency.fully_arrived",
        "consistency",
        lambda: asserted("fully_arrived", "4286.67万元", "4212.62万元"),
        "预算资金全部到位",
        "称“预算资金全部到位”，但实际到位4212.62万元少于项目资金预算数4286.67万元",
        id="consistency.fully_arrived",
    ),
    pytest.param(
        "consistency.no_carryover",
        "balance",
        lambda: asserted("no_carryover", "100万元", "90万元"),
        "无结转结余",
        "结转结余不符：称“无结转结余”，但本年收入100万元与本年支出90万元不等",
        id="consistency.no_carryover",
    ),
    pytest.param(
        "consistency.budget_balance",
        "consistency",
        lambda: plan_actual("budget_balance", "3167.20万元", "3160.00万元"),
        "预算收入3167.20万元",
        "预算收支不一致：预算收入3167.20万元，而支出预算3160.00万元",
        id="consistency.budget_balance",
    ),
    pytest.param(
        "consistency.actual_within_budget",
        "consistency",
        lambda: plan_actual("actual_within_budget", "850万元", "860万元"),
        "预算数850万元",
        "执行数超过对应预算：教育专项预算数850万元，而执行数860万元",
        id="consistency.actual_within_budget",
    ),
]


@pytest.mark.parametrize(("rule", "check", "build", "quote", "message"), FAILS)
def test_a_contradiction_is_flagged(rule, check, build, quote, message) -> None:
    s, ctx = build()
    (f,) = check_consistency(ctx)
    assert essentials(f) == (check, "medium", rule)
    assert f.quote == quote and spans_ok([f], s.text)
    assert message in f.message
    assert f.stated is not None and f.computed is not None and f.related


HOLDS = [
    pytest.param(lambda: same_fact("91.8分", "91.80分"), id="consistency.same_fact-rounding"),
    pytest.param(lambda: same_fact("96.3%", "96.25%"), id="consistency.same_fact-rate-rounding"),
    pytest.param(
        lambda: asserted("fully_arrived", "4286.67万元", "4286.7万元"), id="consistency.fully_arrived-rounding"
    ),
    pytest.param(lambda: asserted("fully_arrived", "4286.67万元", "4300万元"), id="consistency.fully_arrived-more"),
    pytest.param(lambda: asserted("no_carryover", "100万元", "100.0万元"), id="consistency.no_carryover-rounding"),
    pytest.param(lambda: same_fact("5万元", "5.4万元"), id="consistency.same_fact-coarser-first"),
    pytest.param(lambda: same_fact("5.5万元", "6万元"), id="consistency.same_fact-coarser-later"),
    pytest.param(lambda: plan_actual("budget_balance", "3167.20万元", "3167.2万元"), id="consistency.budget_balance"),
    pytest.param(
        lambda: plan_actual("actual_within_budget", "850万元", "850.4万元"),
        id="consistency.actual_within_budget-rounding",
    ),
    pytest.param(
        lambda: plan_actual("actual_within_budget", "850万元", "830万元"), id="consistency.actual_within_budget"
    ),
]


@pytest.mark.parametrize("build", HOLDS)
def test_statements_that_agree_within_rounding_are_not_flagged(build) -> None:
    assert check_consistency(build()[1]) == []


def test_an_assertion_without_both_amounts_is_not_checked() -> None:
    s = Sheet()
    start, end = s.write("预算资金全部到位")
    assert check_consistency(s.ctx(Assertion(claim="fully_arrived", start=start, end=end))) == []


def test_every_later_statement_of_a_fact_is_compared_with_the_first() -> None:
    s = Sheet()
    a, b, c = s.num("91.8分", "自评总分"), s.num("91.8分", "总分"), s.num("90.36分", "总得分")
    (f,) = check_consistency(s.ctx(SameFact(what="自评总分", statements=(a.id, b.id, c.id))))
    assert f.quote == "总得分90.36分" and f.related == ((a.anchor_start, a.end),)
