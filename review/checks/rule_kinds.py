"""The evaluators of the rubric's rule kinds: one check per kind a pack may ask to be evaluated.

The kinds are named in review.scoring.rule_kinds.EVALUATED (the pack loader refuses a rule of any
other kind unless it says `"evaluated": false`); this registry must hold an evaluator for exactly
those kinds, and refuses to import otherwise, so a pack can never name a rule that nothing checks.
"""

from __future__ import annotations

from collections.abc import Callable

from review.checks.base import Context
from review.checks.indicator_rules import INDICATOR_RULES
from review.checks.rubric import check_budget_execution
from review.core.findings import Finding
from review.scoring.rule_kinds import EVALUATED, RuleKind

Evaluator = Callable[[Context], list[Finding]]

EVALUATORS: dict[RuleKind, Evaluator] = {"budget_execution": check_budget_execution, **INDICATOR_RULES}


def registry_problems(evaluators: dict[RuleKind, Evaluator], evaluated: frozenset[RuleKind]) -> list[str]:
    """Kinds the packs may ask for with no evaluator, and evaluators for kinds they may not ask for."""
    out = [f"{k}: packs may ask for it, but no evaluator" for k in sorted(evaluated - evaluators.keys())]
    out += [f"{k}: an evaluator, but packs must mark it not evaluated" for k in sorted(evaluators.keys() - evaluated)]
    return out


if problems := registry_problems(EVALUATORS, EVALUATED):
    raise ImportError("rule-kind registry does not match review.scoring.rule_kinds.EVALUATED: " + "; ".join(problems))


def check_rule_kinds(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for evaluate in EVALUATORS.values():
        out.extend(evaluate(ctx))
    return out
