"""合计 = 其中 items (sum), head counts and numbers of things (count), score totals (score)."""

from __future__ import annotations

from review.checks.base import Context, computed_value, finding, in_unit, span_of, value_of
from review.claims import SumRelation
from review.findings import Finding
from review.intervals import total


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
        shown = in_unit(got, t)
        terms = " + ".join(i.text.strip() for i in items)
        kind = {"sum": "合计", "count": "人数/个数", "score": "得分"}[rel.category]
        if rel.exhaustive:
            msg = f"{kind}不符：“{t.label}”写为{t.text.strip()}，其中各项相加为{shown.show(4)}{t.unit}"
        else:
            msg = f"{kind}不符：列出的部分项目之和{shown.show(4)}{t.unit}已超过“{t.label}”{t.text.strip()}"
        start, end = span_of(t)
        out.append(finding(
            ctx, rel.category, "high", msg, start, end, stated=value_of(t), computed=computed_value(shown, t.unit),
            trace=f"{terms} = {shown.show(6)}（区间）；报告值 {t.text.strip()} 区间 {in_unit(stated, t).show(6)}",
            rule="sum.exhaustive" if rel.exhaustive else "sum.partial_bound",
            related=tuple((i.start, i.end) for i in items),
        ))
    return out
