"""合计 = 其中 items (sum), head counts and numbers of things (count), score totals (score)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from review.checks.base import Context, computed_value, finding, fmt, in_unit, span_of, value_of
from review.core.claims import Quantity, SumRelation
from review.core.findings import Finding, Severity, Value
from review.core.intervals import Interval, total


def check_sums(ctx: Context) -> list[Finding]:
    q = ctx.q
    failed: list[tuple[SumRelation, Quantity, list[Quantity], Interval]] = []
    read: Counter[str] = Counter()
    held: set[str] = set()
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
        read[rel.group] += 1
        if ok:
            held.add(rel.group)
        else:
            failed.append((rel, t, items, got))
    out = []
    for rel, t, items, got in failed:
        severity: Severity = "high" if rel.marked else "low"  # unmarked: only the position says "parts"
        slip = _unit_slip(t, items, rel.exhaustive)
        if slip is not None:
            out.append(_unit_finding(ctx, t, items, slip, severity, rel.basis == "llm"))
            continue
        misread = _row_misread(rel, t, read, held)
        if misread and severity == "high":
            severity = "medium"
        out.append(_sum_finding(ctx, rel, t, items, got, severity, misread))
    return out


def _row_misread(rel: SumRelation, t: Quantity, read: Counter[str], held: set[str]) -> bool:
    """Every column of a table row's totals fails (two or more read, none holds): the rows taken as the
    row's parts are more likely misread (a rendering that shifted rows, a 小计 taken for a detail) than every
    total wrong; one column failing where the others hold is a figure written wrongly. A total left at 0
    over parts with money is no misreading."""
    return bool(rel.group) and read[rel.group] >= 2 and rel.group not in held and t.value != 0


def _sum_finding(
    ctx: Context,
    rel: SumRelation,
    t: Quantity,
    items: list[Quantity],
    got: Interval,
    severity: Severity,
    misread: bool,
) -> Finding:
    shown = in_unit(got, t)
    terms = " + ".join(i.text.strip() for i in items)
    kind = {"sum": "合计", "count": "人数/个数", "score": "得分"}[rel.category]
    if rel.exhaustive:
        msg = f"{kind}不符：“{t.label}”写为{t.text.strip()}，其中各项相加为{shown.show(4)}{t.unit}"
    else:
        msg = f"{kind}不符：列出的部分项目之和{shown.show(4)}{t.unit}已超过“{t.label}”{t.text.strip()}"
    trace = f"{terms} = {shown.show(6)}（区间）；报告值 {t.text.strip()} 区间 {in_unit(t.interval(), t).show(6)}"
    if misread:
        msg += "；该行各列合计均不符，请先核对表格的行是否读取正确"
        trace += "；同一合计行的其余各列亦不符"
    start, end = span_of(t)
    return finding(
        ctx,
        rel.category,
        severity,
        msg,
        start,
        end,
        stated=value_of(t),
        computed=computed_value(shown, t.unit),
        trace=trace,
        rule="sum.exhaustive" if rel.exhaustive else "sum.partial_bound",
        related=tuple((i.start, i.end) for i in items),
        origin="model" if rel.basis == "llm" else "rules",
    )


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
