"""Unit slips: an amount larger than the whole budget, a per-person amount thousands of times its
neighbours' (617705万元 for 1466人次), and a target whose unit price differs from the actual one."""

from __future__ import annotations

from decimal import Decimal
from statistics import median

from review.checks.base import Context, finding, fmt, span_of, value_of
from review.core.claims import BudgetCeiling, UnitPrice
from review.core.findings import Finding, Value
from review.core.intervals import Interval

OUTLIER_FACTOR = Decimal(1000)
PRICE_TOLERANCE = Decimal("0.05")


def check_units(ctx: Context) -> list[Finding]:
    return [*_above_budget(ctx), *_per_head_outliers(ctx), *_target_price(ctx)]


def _above_budget(ctx: Context) -> list[Finding]:
    """A spending amount above the whole budget (BudgetCeiling, from the extractor)."""
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, BudgetCeiling):
            continue
        q, budget = ctx.q[rel.amount], ctx.q[rel.budget]
        if q.interval().lo <= budget.interval().hi:
            continue
        hint = ""
        if q.unit == "万元" and q.value <= budget.base_value:
            hint = f"；若单位应为“元”，即{fmt(q.value / 10000, 4)}万元"
        out.append(
            finding(
                ctx,
                "unit",
                "high",
                f"金额超过部门预算总额：{q.text}大于{budget.label}{budget.text}，疑为单位错误{hint}",
                *span_of(q),
                stated=value_of(q),
                computed=value_of(budget),
                trace=f"{q.text} > {budget.text}",
                rule="unit.part_exceeds_budget",
                related=((budget.start, budget.end),),
            )
        )
    return out


def _per_head_outliers(ctx: Context) -> list[Finding]:
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, UnitPrice) or len(rel.groups) < 3:
            continue
        per = [(q[a], q[b], q[b].base_value / q[a].value) for a, b in rel.groups if q[a].value > 0]
        typical = Decimal(median([p for _, _, p in per])) if per else Decimal(0)
        for heads, amount, each in per:
            if typical > 0 and each > typical * OUTLIER_FACTOR:
                out.append(
                    finding(
                        ctx,
                        "unit",
                        "high",
                        f"人均金额异常：{amount.text}对应{heads.text}，人均{fmt(each, 2)}元，"
                        f"是同句各项（中位数{fmt(typical, 2)}元）的{fmt(each / typical, 0)}倍，疑为单位错误",
                        *span_of(amount),
                        stated=value_of(amount),
                        computed=Value(display=f"{fmt(each, 2)}元/{heads.unit}"),
                        trace=f"{amount.text} ÷ {heads.text} = {fmt(each, 2)}元；同段中位数 {fmt(typical, 2)}元",
                        rule="unit.per_head_outlier",
                        related=((heads.start, heads.end),),
                    )
                )
    return out


def _widen(iv: Interval) -> Interval:
    """A unit price within PRICE_TOLERANCE of another is the same price."""
    return Interval(iv.lo * (1 - PRICE_TOLERANCE), iv.hi * (1 + PRICE_TOLERANCE))


def _target_price(ctx: Context) -> list[Finding]:
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, UnitPrice) or not rel.target or not rel.actual:
            continue
        (ta, tm), (aa, am) = (q[rel.target[0]], q[rel.target[1]]), (q[rel.actual[0]], q[rel.actual[1]])
        if ta.value <= 0 or aa.value <= 0:
            continue
        tp = tm.interval() / ta.interval()
        ap = am.interval() / aa.interval()
        if _widen(tp).meets(ap):
            continue
        out.append(
            finding(
                ctx,
                "unit",
                "low",
                f"目标单价与实际单价不一致：目标{tm.text}/{ta.text}≈{tp.show(1)}元/{ta.unit}，实际{am.text}/{aa.text}≈{ap.show(1)}元/{aa.unit}，目标面积与成本指标可能不匹配",
                *span_of(tm),
                stated=value_of(tm),
                computed=Value(display=f"{fmt(ap.mid * ta.value, 0)}元（按实际单价）"),
                trace=f"{tm.text} ÷ {ta.text} = {tp.show(2)}；{am.text} ÷ {aa.text} = {ap.show(2)}",
                rule="unit.target_unit_price",
                related=((ta.start, ta.end), (aa.start, aa.end), (am.start, am.end)),
            )
        )
    return out
