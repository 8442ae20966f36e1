"""Stated counts against what the text lists or counts."""

from __future__ import annotations

from review.checks.base import Context, finding
from review.core.claims import CountRelation
from review.core.findings import Finding, Value


def check_counts(ctx: Context) -> list[Finding]:
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, CountRelation) or rel.stated == rel.counted:
            continue
        if not rel.exhaustive and rel.counted < rel.stated:
            continue  # a partial list (…等N个) names fewer than it counts
        quote = ctx.text[rel.start : rel.end]
        out.append(
            finding(
                ctx,
                "count",
                rel.severity,
                f"个数不符：报告所述个数为{rel.stated}，而{rel.what}为{rel.counted}"
                f"{'（列举未完，却已多于所述个数）' if not rel.exhaustive else ''}（“{quote[:30]}”）",
                rel.start,
                rel.end,
                stated=Value(display=str(rel.stated)),
                computed=Value(display=str(rel.counted)),
                trace=f"{rel.what}：逐项计数 = {rel.counted}；报告值 = {rel.stated}",
                rule="count.listed_items",
                related=rel.item_spans,
            )
        )
    return out
