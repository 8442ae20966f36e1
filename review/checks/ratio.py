"""Stated rates against numerator / denominator, with interval rounding on all three."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from review.checks.base import Context, computed_value, finding, fmt, span_of, value_of
from review.checks.unit import quantities_majority, reread
from review.core.claims import Quantity, RatioRelation, ShareList, ShareOfWhole
from review.core.findings import Finding, Value
from review.core.intervals import Interval, total

WHOLE = Decimal(100)


def check_ratios(ctx: Context) -> list[Finding]:
    return _stated_ratios(ctx) + _shares_above_whole(ctx) + _shares_over_one_whole(ctx)


def _shares_above_whole(ctx: Context) -> list[Finding]:
    """A share of a whole (ShareOfWhole) above 100% even at its written precision's lowest: more reached than
    there was."""
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, ShareOfWhole):
            continue
        q = ctx.q[rel.rate]
        if q.interval().lo <= WHOLE:
            continue
        out.append(
            finding(
                ctx,
                "ratio",
                "medium",
                f"比率超过100%：“{q.label}”为{q.text.strip()}，它是部分占整体的比例，不能超过100%",
                *span_of(q),
                stated=value_of(q),
                trace=f"{q.text.strip()} > 100%",
                rule="ratio.share_above_whole",
            )
        )
    return out


def _shares_over_one_whole(ctx: Context) -> list[Finding]:
    """Shares of one whole (ShareList) whose sum passes 100% even with each at its written precision's lowest."""
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, ShareList):
            continue
        shares = [ctx.q[i] for i in rel.items]
        got = total([s.interval() for s in shares])
        if got.lo <= WHOLE:
            continue
        terms = " + ".join(s.text.strip() for s in shares)
        first, last = span_of(shares[0]), span_of(shares[-1])
        out.append(
            finding(
                ctx,
                "ratio",
                "medium",
                f"占比合计超过100%：同一整体的各项占比（{terms}）相加为{got.show(2)}%，不能超过100%",
                first[0],
                last[1],
                computed=computed_value(got, "%", 4),
                trace=f"{terms} = {got.show(4)}%（区间）> 100%",
                rule="ratio.shares_over_whole",
                related=tuple(span_of(s) for s in shares),
            )
        )
    return out


def _stated_ratios(ctx: Context) -> list[Finding]:
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


_OTHER = {"元": "万元", "万元": "元"}


def _rate_of(rel: RatioRelation, num: Interval, whole: Interval) -> Interval | None:
    """The rate the operands give, in %: of the whole, or for a change rate of the value before the
    change; None when that base is not above 0."""
    base = whole - num if rel.change == "up" else whole + num if rel.change == "down" else whole
    if base.lo <= 0:
        return None
    done = base - num if rel.complement else num
    return (done / base).scale(Decimal(100))


def _usual_unit(ctx: Context) -> str | None:
    """Which of 元 and 万元 most of the report's amounts are written in (None on a tie)."""
    return quantities_majority(ctx, tuple(_OTHER))


def _unit_slip(
    rel: RatioRelation, num: Quantity, dens: list[Quantity], stated: Interval, usual: str | None
) -> Quantity | None:
    """The one amount of the rate, written in the unit the report does not use, that read in the
    other of 元/万元 gives the stated rate (312万元 ÷ 全年预算数2089元 is 14.94% with 2089万元, in a report
    written in 万元): a unit slip, the unit check's, not a wrong rate."""
    for cand in (num, *dens):
        if cand.unit not in _OTHER or usual is None or cand.unit == usual:
            continue
        if sum(1 for d in (num, *dens) if d.unit == cand.unit) > 1:
            continue
        fixed = reread(cand, _OTHER[cand.unit])
        n = fixed if cand is num else num.interval()
        whole = total([fixed if d is cand else d.interval() for d in dens])
        got = _rate_of(rel, n, whole)
        if got is not None and got.meets(stated):
            return cand
    return None


def _slip_finding(
    ctx: Context, rel: RatioRelation, rate: Quantity, slip: Quantity, num: Quantity, dens: list[Quantity]
) -> Finding:
    other = _OTHER[slip.unit]
    return finding(
        ctx,
        "unit",
        "high",
        f"金额单位疑误：{slip.label}{slip.text.strip()}，按此计算比率与报告的{rate.text.strip()}不符；"
        f"若单位应为“{other}”，则比率相符",
        *span_of(slip),
        stated=value_of(slip),
        computed=Value(display=f"{fmt(slip.value)}{other}"),
        trace=f"{num.text.strip()} ÷ {' + '.join(d.text.strip() for d in dens)} ≠ {rate.text.strip()}；"
        f"{slip.text.strip()} 作 {fmt(slip.value)}{other} 时相符",
        rule="unit.rate_operand_unit",
        related=(span_of(rate), *(span_of(q) for q in (num, *dens) if q is not slip)),
        origin="model" if rel.basis == "llm" else "rules",
    )


def _mismatch(ctx: Context, rate: Quantity, alts: list[tuple[RatioRelation, tuple[str, ...]]]) -> Finding | None:
    """The finding for a rate that no candidate denominator gives (the first candidate shown)."""
    q = ctx.q
    stated = Interval.stated(rate.value, rate.decimals)
    tried = []
    for rel, parts in alts:
        num, dens = q[rel.numerator], [q[d] for d in parts]
        got = _rate_of(rel, num.interval(), total([d.interval() for d in dens]))
        if got is None:
            continue
        if got.meets(stated):
            return None
        tried.append((rel, num, dens, got))
    if not tried:
        return None
    usual = _usual_unit(ctx)
    for rel, num, dens, _ in tried:
        slip = _unit_slip(rel, num, dens, stated, usual)
        if slip is not None:
            return _slip_finding(ctx, rel, rate, slip, num, dens)
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
        origin="model" if rel.basis == "llm" else "rules",
    )
