"""Stated rates against numerator / denominator, with interval rounding on all three."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from review.checks.base import Context, computed_value, finding, span_of, value_of
from review.core.claims import Quantity, RatioRelation
from review.core.findings import Finding
from review.core.intervals import Interval, total


def check_ratios(ctx: Context) -> list[Finding]:
    by_rate: dict[str, list[tuple[RatioRelation, tuple[str, ...]]]] = defaultdict(list)
    for rel in ctx.claims.relations:
        if isinstance(rel, RatioRelation):
            by_rate[rel.rate].extend((rel, alt) for alt in _alternatives(rel))
    out = []
    for rate_id, alts in by_rate.items():
        found = _mismatch(ctx, ctx.q[rate_id], alts)
        if found:
            out.append(found)
    return out


def _alternatives(rel: RatioRelation) -> list[tuple[str, ...]]:
    """Each candidate denominator as the amounts it adds up: one, or the whole's named parts."""
    alts: list[tuple[str, ...]] = [(d,) for d in rel.denominators]
    return alts + [rel.whole_parts] if rel.whole_parts else alts


def _base(rel: RatioRelation, num: Quantity, whole: Interval) -> Interval:
    """The denominator: the whole, or for a change rate the value before the change."""
    if rel.change == "up":
        return whole - num.interval()
    if rel.change == "down":
        return whole + num.interval()
    return whole


def _mismatch(ctx: Context, rate: Quantity, alts: list[tuple[RatioRelation, tuple[str, ...]]]) -> Finding | None:
    """The finding for a rate that no candidate denominator gives (the first candidate shown)."""
    q = ctx.q
    stated = Interval.stated(rate.value, rate.decimals)
    tried = []
    for rel, parts in alts:
        num, dens = q[rel.numerator], [q[d] for d in parts]
        whole = _base(rel, num, total([d.interval() for d in dens]))
        if whole.lo <= 0:
            continue
        done = whole - num.interval() if rel.complement else num.interval()
        got = (done / whole).scale(Decimal(100))
        if got.meets(stated):
            return None
        tried.append((rel, num, dens, got))
    if not tried:
        return None
    rel, num, dens, got = tried[0]
    num_label = f"{num.label or '分子'}{num.text.strip()}"
    den_label = " + ".join(f"{d.label or '分母'}{d.text.strip()}" for d in dens)
    den_text = " + ".join(d.text.strip() for d in dens)
    if rel.change:
        sign = "−" if rel.change == "up" else "+"
        den_label, den_text = f"({den_label} {sign} {num_label})", f"{den_text} {sign} {num.text.strip()}"
    if len(dens) > 1 or rel.change:
        den_text = f"({den_text})"
    num_text = num.text.strip()
    if rel.complement:
        num_label, num_text = f"({den_label} − {num_label})", f"({den_text} − {num_text})"
    start, end = span_of(rate)
    return finding(
        ctx,
        "ratio",
        "high",
        f"比率不符：报告写{rate.text.strip()}，按{num_label} ÷ {den_label}计算为{got.show(2)}%",
        start,
        end,
        stated=value_of(rate),
        computed=computed_value(got, "%", 4),
        trace=f"{num_text} ÷ {den_text} × 100% = {got.show(4)}%；报告值区间 {stated.show(4)}%",
        rule=f"ratio.{rel.basis}",
        related=((num.start, num.end), *((d.start, d.end) for d in dens)),
    )
