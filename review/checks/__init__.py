"""Every check is a pure function (Context) -> list[Finding], registered here in one list."""

from __future__ import annotations

from collections.abc import Callable

from review.checks.balance import check_balances
from review.checks.base import Context
from review.checks.consistency import check_consistency
from review.checks.count import check_counts
from review.checks.date import check_dates
from review.checks.ratio import check_ratios
from review.checks.readings import check_readings
from review.checks.rubric import check_rubric
from review.checks.rule_kinds import check_rule_kinds
from review.checks.score import check_scores
from review.checks.sums import check_sums
from review.checks.targets import check_targets
from review.checks.unit import check_units
from review.core.findings import Finding

CHECKS: list[Callable[[Context], list[Finding]]] = [
    check_sums,
    check_ratios,
    check_readings,
    check_balances,
    check_scores,
    check_targets,
    check_counts,
    check_units,
    check_dates,
    check_consistency,
    check_rubric,
    check_rule_kinds,
]


def run_checks(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for check in CHECKS:
        out.extend(check(ctx))
    return out
