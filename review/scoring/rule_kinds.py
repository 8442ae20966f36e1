"""Rule kinds (计分规则): the ways a pack says an indicator is scored, and which of them a check
evaluates.

A pack may name a kind a check evaluates (EVALUATED: review.checks.rule_kinds registers one
evaluator for each, and refuses to import otherwise), or a kind that it only describes — marked
`"evaluated": false` in the pack, because what the check would need is not claimed by any
extractor (NEEDS). The pack loader enforces both (review.scoring.packs.RuleSpec), and
`review rubrics` shows which indicator rules are checked and which are only described.
"""

from __future__ import annotations

from typing import Literal, get_args

RuleKind = Literal[
    "proportional",
    "inverse_proportional",
    "budget_execution",
    "deviation_bands",
    "target_or_zero",
    "share_met",
    "per_item_deduction",
    "qualitative",
    "all_or_nothing",
    "not_applicable",
]
RULE_KINDS: tuple[RuleKind, ...] = get_args(RuleKind)

KIND_CN: dict[RuleKind, str] = {
    "proportional": "按完成比例计分",
    "inverse_proportional": "按反向完成比例计分",
    "budget_execution": "预算执行率计分",
    "deviation_bands": "按偏差档次计分",
    "target_or_zero": "达标得分否则不得分",
    "share_met": "按达标指标占比计分",
    "per_item_deduction": "按问题个数扣分",
    "qualitative": "定性分档计分",
    "all_or_nothing": "满分或不得分",
    "not_applicable": "不适用指标折算",
}

EVALUATED: frozenset[RuleKind] = frozenset({"budget_execution", "all_or_nothing", "per_item_deduction", "qualitative"})
"""Kinds a check computes from the claims (the report's score rows, its execution rate)."""

NEEDS: dict[RuleKind, str] = {
    "proportional": "每个指标的指标值与实际完成值",
    "inverse_proportional": "每个指标的指标值与实际完成值",
    "deviation_bands": "年初预算数与决算支出数的偏差",
    "target_or_zero": "每个指标的指标值与实际完成值",
    "share_met": "达标的指标个数与指标总数",
    "not_applicable": "哪些指标不适用及其分值",
}
"""Kinds no check evaluates, with what a check would need that no extractor claims yet."""


def vocabulary_problems() -> list[str]:
    """Every kind is either evaluated or only described, never both, and has a name."""
    out = [f"{k}: both evaluated and described" for k in sorted(EVALUATED & NEEDS.keys())]
    out += [f"{k}: neither evaluated nor described" for k in RULE_KINDS if k not in EVALUATED and k not in NEEDS]
    out += [f"{k}: no Chinese name" for k in RULE_KINDS if k not in KIND_CN]
    return out
