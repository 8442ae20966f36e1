"""Statements that contradict other numbers: 全部到位 with less arriving, 无结转结余 with income ≠
expenditure, a planned expenditure that does not balance the planned income, execution above the
budget stated for the same scope, an actual asserted to meet its target (全部完成) that does not, the
same fact stated twice with values that do not meet."""

from __future__ import annotations

from review.checks.base import Context, finding, span_of, value_of
from review.core.claims import Assertion, PlanActual, SameFact
from review.core.findings import Finding


def _same_facts(ctx: Context) -> list[Finding]:
    """The same fact stated with values whose intervals do not meet: flag each later statement."""
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, SameFact):
            continue
        stated = sorted((q[i] for i in rel.statements), key=lambda x: x.start)
        first = stated[0]
        for other in stated[1:]:
            if other.interval().restates(first.interval()):
                continue
            out.append(
                finding(
                    ctx,
                    "consistency",
                    "medium",
                    f"前后不一致：{rel.what}先写为{first.text}，此处为{other.text}",
                    *span_of(other),
                    stated=value_of(other),
                    computed=value_of(first),
                    trace=f"{first.text}（第一次）≠ {other.text}",
                    rule="consistency.same_fact",
                    related=(span_of(first),),
                )
            )
    return out


def check_consistency(ctx: Context) -> list[Finding]:
    out = _same_facts(ctx)
    for rel in ctx.claims.relations:
        if isinstance(rel, Assertion) and rel.expected and rel.actual:
            out += _assertion(ctx, rel, rel.expected, rel.actual)
        elif isinstance(rel, PlanActual):
            out += _plan_actual(ctx, rel)
    return out


def _assertion(ctx: Context, rel: Assertion, expected: str, actual: str) -> list[Finding]:
    """全部到位 with less arriving than was allotted; 无结转结余 with income ≠ expenditure."""
    exp, act = ctx.q[expected], ctx.q[actual]
    quote = ctx.text[rel.start : rel.end]
    out = []
    if rel.claim == "fully_arrived" and act.interval().hi < exp.interval().lo:
        out.append(
            finding(
                ctx,
                "consistency",
                "medium",
                f"表述与数字矛盾：称“{quote}”，但{act.label}{act.text}少于{exp.label}{exp.text}",
                rel.start,
                rel.end,
                stated=value_of(act),
                computed=value_of(exp),
                trace=f"{act.text} < {exp.text}",
                rule="consistency.fully_arrived",
                related=(span_of(exp), span_of(act)),
            )
        )
    if rel.claim == "no_carryover" and not act.interval().meets(exp.interval()):
        out.append(
            finding(  # 收入 − 支出 = 结转结余 (0): a balance relation
                ctx,
                "balance",
                "medium",
                f"结转结余不符：称“{quote}”，但{exp.label}{exp.text}与{act.label}{act.text}不等",
                rel.start,
                rel.end,
                stated=value_of(act),
                computed=value_of(exp),
                trace=f"{exp.text} ≠ {act.text}",
                rule="consistency.no_carryover",
                related=(span_of(exp), span_of(act)),
            )
        )
    return out


def _plan_actual(ctx: Context, rel: PlanActual) -> list[Finding]:
    """A budget that does not balance, execution above its budget, an actual asserted to meet its
    target (全部完成) that does not; a target merely missed or exceeded is no error."""
    a, o = ctx.q[rel.anchor], ctx.q[rel.other]
    if rel.rule == "budget_balance" and not a.interval().meets(o.interval()):
        msg = f"预算收支不一致：{a.label}{a.text}，而{o.label}{o.text}"
    elif rel.rule == "actual_within_budget" and o.interval().lo > a.interval().hi:
        msg = f"执行数超过对应预算：{rel.scope}{a.label}{a.text}，而{o.label}{o.text}"
    elif rel.rule == "target_asserted" and not a.interval().meets(o.interval()):
        msg = f"称已全部完成，但{rel.scope}实际{o.text}与目标{a.text}不符"
    else:  # target_actual: under- or over-completion of a target is not in itself an error
        return []
    here, there = (o, a) if rel.rule == "target_asserted" else (a, o)  # the asserting actual is flagged
    return [
        finding(
            ctx,
            "consistency",
            "medium",
            msg,
            *span_of(here),
            stated=value_of(here),
            computed=value_of(there),
            trace=f"{a.text} vs {o.text}",
            rule=f"consistency.{rel.rule}",
            related=(span_of(there),),
        )
    ]
