"""Stated rates against numerator / denominator, with interval rounding on all three."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from review.checks.base import Context, computed_value, finding, span_of, value_of
from review.core.claims import RatioRelation
from review.core.findings import Finding
from review.core.intervals import Interval


def check_ratios(ctx: Context) -> list[Finding]:
    q = ctx.q
    by_rate: dict[str, list[tuple[RatioRelation, str]]] = defaultdict(list)
    for rel in ctx.claims.relations:
        if isinstance(rel, RatioRelation):
            for d in rel.denominators:
                by_rate[rel.rate].append((rel, d))
    out = []
    for rate_id, alts in by_rate.items():
        rate = q[rate_id]
        stated = Interval.stated(rate.value, rate.decimals)
        tried = []
        for rel, d in alts:
            num, den = q[rel.numerator], q[d]
            if den.interval().lo <= 0:
                continue
            got = (num.interval() / den.interval()).scale(Decimal(100))
            tried.append((rel, num, den, got))
            if got.meets(stated):
                break
        else:
            if not tried:
                continue
            rel, num, den, got = tried[0]
            start, end = span_of(rate)
            out.append(
                finding(
                    ctx,
                    "ratio",
                    "high",
                    f"比率不符：报告写{rate.text.strip()}，按{num.label or '分子'}{num.text.strip()}"
                    f" ÷ {den.label or '分母'}{den.text.strip()}计算为{got.show(2)}%",
                    start,
                    end,
                    stated=value_of(rate),
                    computed=computed_value(got, "%", 4),
                    trace=(
                        f"{num.text.strip()} ÷ {den.text.strip()} × 100% = {got.show(4)}%；报告值区间 {stated.show(4)}%"
                    ),
                    rule=f"ratio.{rel.basis}",
                    related=((num.start, num.end), (den.start, den.end)),
                )
            )
    return out
