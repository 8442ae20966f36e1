"""Years outside the period under review, on dated events and dated values."""

from __future__ import annotations

from review.checks.base import Context, finding
from review.core.claims import YearMention
from review.core.findings import Finding, Value


def check_dates(ctx: Context) -> list[Finding]:
    if ctx.period is None:
        return []
    out = []
    merged: dict[tuple[int, int, str], YearMention] = {}
    for rel in ctx.claims.relations:
        if not isinstance(rel, YearMention) or rel.year == ctx.period:
            continue
        if rel.role == "dated_value" and ctx.period in rel.sentence_years:
            continue  # "其中2021年…、2022年…": a multi-year listing, not a stray year
        key = (rel.line_start, rel.year, rel.role)
        first = merged.get(key)
        merged[key] = first.model_copy(update={"end": rel.end}) if first else rel
    for rel in merged.values():
        what = "事件日期" if rel.role == "event_date" else "数值所属年度"
        out.append(
            finding(
                ctx,
                "date",
                "low",
                f"年度不符：{what}为{rel.year}年，而本报告评价的是{ctx.period}年度",
                rel.start,
                rel.end,
                stated=Value(display=f"{rel.year}年"),
                computed=Value(display=f"{ctx.period}年度"),
                trace=f"{rel.year} ≠ {ctx.period}",
                rule=f"date.{rel.role}_in_period",
            )
        )
    return out
