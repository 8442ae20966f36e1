"""The rubric pack's indicator rules held against the report's score rows.

A row of the report's score table or score text (a ScoreTree node with a stated 得分) whose name
the pack knows (RubricPack.find) is scored by the rule the pack gives that indicator: 满分或不得分
(all_or_nothing), 按问题个数扣分 (per_item_deduction), 定性分档 (qualitative). The full marks are the
row's stated 分值 when it has one (a 分值 that differs from the pack's is the weight check's finding,
not blamed twice), else the pack's. Every stated number is an interval from its written precision
(review.scoring.formulas); a row matched by name may still be another indicator, so findings are
medium or low, never high.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from review.checks.base import Context, finding, fmt, name_span, value_of
from review.core.claims import Quantity, ScoreNode, ScoreTree
from review.core.findings import Finding, Severity, Value
from review.core.intervals import Interval
from review.scoring.formulas import all_or_nothing_allows, deduction_allows, per_item_allows, qualitative_allows
from review.scoring.packs import RubricNode, RubricPack, RuleSpec
from review.scoring.rule_kinds import KIND_CN, RuleKind


@dataclass(frozen=True)
class ScoredRow:
    """A report row the pack scores by one of its rules."""

    node: ScoreNode
    indicator: RubricNode
    rule: RuleSpec
    pack: RubricPack
    score: Quantity
    weight: Interval
    weight_text: str  # as the report writes it, or the pack's weight

    @property
    def name(self) -> str:
        return self.node.name.strip() or self.indicator.name


def scored_rows(ctx: Context, kind: RuleKind) -> list[ScoredRow]:
    """The report's rows with a stated score whose pack indicator is scored by `kind`."""
    pack = ctx.rubric
    if pack is None:
        return []
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, ScoreTree):
            continue
        for n in rel.nodes:
            indicator = pack.find(n.name) if n.score else None
            rule = indicator.rule if indicator else None
            if indicator is None or rule is None or rule.kind != kind or not rule.evaluated or n.score is None:
                continue
            stated = ctx.q[n.weight] if n.weight else None
            weight = stated.interval() if stated else Interval.exact(indicator.weight)
            weight_text = stated.text.strip() if stated else fmt(indicator.weight, 2)
            out.append(ScoredRow(n, indicator, rule, pack, ctx.q[n.score], weight, weight_text))
    return out


def _finding(ctx: Context, row: ScoredRow, severity: Severity, message: str, allowed: str) -> Finding:
    kind = row.rule.kind
    about = f"：{row.rule.description}" if row.rule.description else ""
    return finding(
        ctx,
        "score",
        severity,
        message,
        *name_span(ctx, row.node),
        stated=value_of(row.score),
        computed=Value(display=allowed),
        trace=f"{row.pack.label} {row.indicator.name}：{KIND_CN[kind]}{about}；分值 {row.weight_text}",
        rule=f"rubric.{kind}（{row.pack.label}）",
        related=((row.score.start, row.score.end),),
    )


def check_all_or_nothing(ctx: Context) -> list[Finding]:
    """满分或不得分: the stated score is 0 or the full 分值."""
    out = []
    for row in scored_rows(ctx, "all_or_nothing"):
        if all_or_nothing_allows(row.score.interval(), row.weight):
            continue
        message = (
            f"得分不符合评分标准：“{row.name}”满分或不得分，只能得0分或{row.weight_text}分，"
            f"报告自评{row.score.text.strip()}"
        )
        out.append(_finding(ctx, row, "medium", message, f"0 或 {row.weight_text}分"))
    return out


def check_per_item_deduction(ctx: Context) -> list[Finding]:
    """按问题个数扣分: 分值 − k × 每项扣分 (k ≥ 0 whole, not below the floor); a deduction row
    (扣分项) deducts k × 每项扣分, at most its 分值."""
    out = []
    for row in scored_rows(ctx, "per_item_deduction"):
        rule, score = row.rule, row.score.interval()
        if row.indicator.deduction:
            if deduction_allows(score, row.weight, rule.per_item):
                continue
            each = f"每次扣{fmt(rule.per_item, 2)}分、" if rule.per_item else ""
            allowed = f"{each}最多扣{row.weight_text}分"
            message = f"扣分不符合评分标准：“{row.name}”{allowed}，报告扣{row.score.text.strip()}"
        else:
            if per_item_allows(score, row.weight, rule.per_item, rule.floor):
                continue
            allowed = _deduction_steps(row.weight_text, row.weight, rule.per_item, rule.floor)
            message = f"得分不符合评分标准：“{row.name}”按问题扣分，应为{allowed}，报告自评{row.score.text.strip()}"
        out.append(_finding(ctx, row, "medium", message, allowed))
    return out


def _deduction_steps(weight_text: str, weight: Interval, per_item: Decimal | None, floor: Decimal) -> str:
    """10、9.5、9…（最低0分）: the scores a per-item deduction allows."""
    if per_item is None:
        return f"{fmt(floor, 2)}–{weight_text}分"
    steps = [weight.mid - k * per_item for k in (1, 2)]
    shown = "、".join([weight_text, *(fmt(s, 2) for s in steps if s > floor)])
    return f"{shown}…（每个问题扣{fmt(per_item, 2)}分，最低{fmt(floor, 2)}分）"


def check_qualitative(ctx: Context) -> list[Finding]:
    """定性分档: the score lies between 0 and the 分值 and, when the pack gives bands, in one of them."""
    out = []
    for row in scored_rows(ctx, "qualitative"):
        score = row.score.interval()
        if qualitative_allows(score, row.weight, row.rule.bands):
            continue
        stated = row.score.text.strip()
        if not qualitative_allows(score, row.weight):
            allowed = f"0–{row.weight_text}分"
            out.append(
                _finding(ctx, row, "medium", f"得分超出分值：“{row.name}”应在{allowed}之间，报告自评{stated}", allowed)
            )
            continue
        allowed = "、".join(
            f"{fmt(lo * row.weight.mid, 2)}–{fmt(hi * row.weight.mid, 2)}分" for lo, hi in row.rule.bands
        )
        out.append(
            _finding(ctx, row, "low", f"得分不在评分档次内：“{row.name}”的档次为{allowed}，报告自评{stated}", allowed)
        )
    return out


INDICATOR_RULES: dict[RuleKind, Callable[[Context], list[Finding]]] = {
    "all_or_nothing": check_all_or_nothing,
    "per_item_deduction": check_per_item_deduction,
    "qualitative": check_qualitative,
}
