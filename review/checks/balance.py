"""上年结转 + 收入 − 支出 = 年末结转."""

from __future__ import annotations

from review.checks.base import Context, computed_value, finding, in_unit, span_of, value_of
from review.core.claims import BalanceRelation
from review.core.findings import Finding
from review.core.intervals import total


def check_balances(ctx: Context) -> list[Finding]:
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, BalanceRelation):
            continue
        opening, closing = q[rel.opening], q[rel.closing]
        ins, outs = [q[i] for i in rel.inflows], [q[o] for o in rel.outflows]
        got = opening.interval() + total([i.interval() for i in ins]) - total([o.interval() for o in outs])
        if got.meets(closing.interval()):
            continue
        shown = in_unit(got, closing)
        start, end = span_of(closing)
        expr = opening.text + "".join(f" + {i.text}" for i in ins) + "".join(f" − {o.text}" for o in outs)
        out.append(
            finding(
                ctx,
                "balance",
                "high",
                f"结转结余不平衡：{closing.label}{closing.text}，按{expr}计算应为{shown.show(4)}{closing.unit}",
                start,
                end,
                stated=value_of(closing),
                computed=computed_value(shown, closing.unit),
                trace=f"{expr} = {shown.show(6)}",
                rule="balance.carry_forward",
                related=tuple((x.start, x.end) for x in (opening, *ins, *outs)),
            )
        )
    return out
