"""合计 = 其中 items (sum), head counts and numbers of things (count), score totals (score)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from review.checks.base import Context, computed_value, finding, fmt, in_unit, span_of, value_of
from review.core.claims import Quantity, SumRelation
from review.core.findings import Finding, Severity, Value
from review.core.intervals import total


def check_sums(ctx: Context) -> list[Finding]:
    out = []
    q = ctx.q
    for rel in ctx.claims.relations:
        if not isinstance(rel, SumRelation):
            continue
        t = q[rel.total]
        items = [q[i] for i in rel.items]
        if not t.exact or not all(i.exact for i in items):
            continue
        got = total([i.interval() for i in items])
        stated = t.interval()
        ok = got.meets(stated) if rel.exhaustive else got.lo <= stated.hi
        if ok:
            continue
        severity: Severity = "high" if rel.marked else "low"  # unmarked: only the position says "parts"
        slip = _unit_slip(t, items, rel.exhaustive)
        if slip is not None:
            out.append(_unit_finding(ctx, t, items, slip, severity, rel.basis == "llm"))
            continue
        shown = in_unit(got, t)
        terms = " + ".join(i.text.strip() for i in items)
        kind = {"sum": "合计", "count": "人数/个数", "score": "得分"}[rel.category]
        if rel.exhaustive:
            msg = f"{kind}不符：“{t.label}”写为{t.text.strip()}，其中各项相加为{shown.show(4)}{t.unit}"
        else:
            msg = f"{kind}不符：列出的部分项目之和{shown.show(4)}{t.unit}已超过“{t.label}”{t.text.strip()}"
        start, end = span_of(t)
        out.append(
            finding(
                ctx,
                rel.category,
                severity,
                msg,
                start,
                end,
                stated=value_of(t),
                computed=computed_value(shown, t.unit),
                trace=f"{terms} = {shown.show(6)}（区间）；报告值 {t.text.strip()} 区间 {in_unit(stated, t).show(6)}",
                rule="sum.exhaustive" if rel.exhaustive else "sum.partial_bound",
                related=tuple((i.start, i.end) for i in items),
                origin="model" if rel.basis == "llm" else "rules",
            )
        )
    return out


_OTHER_UNIT = {"元": ("万元", Decimal(10000)), "万元": ("元", Decimal(1) / Decimal(10000))}


def _unit_slip(t: Quantity, items: list[Quantity], exhaustive: bool) -> Quantity | None:
    """The one amount whose 元/万元 swap makes the relation hold: a unit slip, not a sum error."""
    if not exhaustive:
        return None
    units = Counter(q.unit for q in (t, *items))
    usual = units.most_common(1)[0][0]
    for cand in (t, *items):
        if cand.unit not in _OTHER_UNIT or cand.unit == usual or units[cand.unit] > 1:
            continue  # only the one amount written in a unit unlike the rest is a suspect
        fixed = cand.interval().scale(_OTHER_UNIT[cand.unit][1])
        parts = [fixed if i is cand else i.interval() for i in items]
        whole = fixed if cand is t else t.interval()
        if total(parts).meets(whole):
            return cand
    return None


def _unit_finding(
    ctx: Context, t: Quantity, items: list[Quantity], slip: Quantity, severity: Severity, by_model: bool
) -> Finding:
    other = _OTHER_UNIT[slip.unit][0]
    return finding(
        ctx,
        "unit",
        severity,
        f"单位疑误：{slip.text.strip()}若按“{other}”计，“{t.label}”{t.text.strip()}与其中各项相加正好相符",
        *span_of(slip),
        stated=value_of(slip),
        computed=Value(display=f"{fmt(slip.value, 6)}{other}", unit=other),
        trace=(
            f"{' + '.join(i.text.strip() for i in items)}："
            f"将 {slip.text.strip()} 改作 {fmt(slip.value, 6)}{other} 后合计 = {t.text.strip()}"
        ),
        rule="unit.sum_fixed_by_unit",
        related=tuple((i.start, i.end) for i in (t, *items) if i is not slip),
        origin="model" if by_model else "rules",
    )
