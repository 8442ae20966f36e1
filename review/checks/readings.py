"""Numbers the extractor could read more than one way (Readings): wrong whichever reading is right.

Each reading's relations are checked as the claims they would be (review.checks.ratio for a rate,
review.checks.rubric for 得分 = min(执行率, 100%) × 分值, review.checks.sums for a total and its parts).
Where every reading fails one check, the numbers fail it under any reading: one finding of that check on
them, with what each reading gives.
Where one reading holds, nothing is reported — which reading is right is never decided here."""

from __future__ import annotations

from collections.abc import Callable

from review.checks.base import Context, finding
from review.checks.ratio import check_ratios
from review.checks.rubric import check_budget_execution
from review.checks.sums import check_sums
from review.core.claims import Readings
from review.core.findings import SEVERITY_ORDER, Check, Finding

_SHOWN = 3  # readings a finding spells out; the rest are counted
_CHECKS: tuple[Callable[[Context], list[Finding]], ...] = (check_ratios, check_budget_execution, check_sums)
# How a total with a carry-over in its list is read, in the order of its alternatives (review.extract.rules.sums).
_CARRYOVER_READINGS = ("不计入结转结余", "计入结转结余")
# What the finding says the numbers could be read as, by the Readings' ambiguity.
_WHAT = {
    "cells": "表格行“{what}”的数字可有{n}种读法，每一种都不相符：{each}",
    "carryover": "“{what}”的其中各项列有结转结余，计入与不计入{n}种读法都不相符：{each}",
}


def check_readings(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rel in ctx.claims.relations:
        if isinstance(rel, Readings) and len(rel.alternatives) > 1:
            out += _every_reading_fails(ctx, rel)
    return out


def _reading_findings(ctx: Context, reading: tuple[object, ...]) -> list[Finding]:
    claims = ctx.claims.model_copy(update={"relations": reading})
    sub = Context(claims, ctx.text, ctx.period, ctx.rubric)
    sub.__dict__["q"] = ctx.q  # the same quantities: their index is not built again for every reading
    return [f for check in _CHECKS for f in check(sub)]


def _every_reading_fails(ctx: Context, rel: Readings) -> list[Finding]:
    per_reading = [_reading_findings(ctx, alt) for alt in rel.alternatives]
    out = []
    checks: list[Check] = sorted({f.check for f in per_reading[0]})
    for check in checks:
        firsts = [next((f for f in found if f.check == check), None) for found in per_reading]
        if any(f is None for f in firsts):
            continue  # a reading under which this check holds
        failed = [f for f in firsts if f is not None]
        severity = min((f.severity for f in failed), key=SEVERITY_ORDER.__getitem__)
        if rel.ambiguity == "cells":
            shown = _distinct(ctx, failed)
        else:
            shown = list(zip(_CARRYOVER_READINGS, failed, strict=False))
        each = "；".join(f"读作“{cells}”：{f.message}" for cells, f in shown)
        each += f"；等{len(failed)}种" if len({_cells(ctx, f) for f in failed}) > len(shown) else ""
        out.append(
            finding(
                ctx,
                check,
                severity,
                _WHAT[rel.ambiguity].format(what=rel.what, n=len(failed), each=each),
                rel.start,
                rel.end,
                trace="；".join(f.trace for _, f in shown),
                rule=f"readings.{failed[0].rule}",
                related=tuple(sorted({span for _, f in shown for span in ((f.start, f.end), *f.related)})),
            )
        )
    return out


def _cells(ctx: Context, f: Finding) -> str:
    """The cells a reading's finding names, in text order: 4000｜4000｜103%."""
    spans = sorted({(f.start, f.end), *f.related})
    return "｜".join(ctx.text[a:b] for a, b in spans)


def _distinct(ctx: Context, failed: list[Finding]) -> list[tuple[str, Finding]]:
    """The first few readings' findings, each with its cells, one per distinct set of cells."""
    out: dict[str, Finding] = {}
    for f in failed:
        out.setdefault(_cells(ctx, f), f)
        if len(out) == _SHOWN:
            break
    return list(out.items())
