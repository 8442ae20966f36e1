"""An indicator that falls short of its target yet takes its full 分值: the row's 得分 equals its
分值 while its actual (全年实际值 4604人) lies wholly on the unmet side of its target (≥4754人), each
an interval from its written precision. Under every scoring rule of a 自评表 a target not met costs
points (按完成比例计分, 达标得分否则不得分: 达到目标得满分 and only then); a row that explains its
shortfall (特困人员实行动态管理) explains the shortfall, not the full marks. The row is read by
name-less position in a flattened form, so the finding is medium, never high."""

from __future__ import annotations

from review.checks.base import Context, finding, span_of, value_of
from review.core.claims import Quantity, TargetScore
from review.core.findings import Finding, Value


def check_targets(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rel in ctx.claims.relations:
        if isinstance(rel, TargetScore) and _full_marks_unmet(ctx, rel):
            out.append(_finding(ctx, rel))
    return out


def _full_marks_unmet(ctx: Context, rel: TargetScore) -> bool:
    q = ctx.q
    weight, score = q[rel.weight], q[rel.score]
    if not weight.value or score.value < weight.value:
        return False
    target, actual = q[rel.target].interval(), q[rel.actual].interval()
    return actual.hi < target.lo if rel.direction == "at_least" else actual.lo > target.hi


def _finding(ctx: Context, rel: TargetScore) -> Finding:
    q = ctx.q
    target, actual, weight, score = q[rel.target], q[rel.actual], q[rel.weight], q[rel.score]
    way = "低于" if rel.direction == "at_least" else "高于"
    message = (
        f"指标未达到目标却得满分：实际完成值{_text(actual)}{way}年度指标值{_text(target)}，"
        f"得分{_text(score)}等于分值{_text(weight)}"
    )
    return finding(
        ctx,
        "score",
        "medium",
        message,
        target.start,
        score.end,
        stated=value_of(score),
        computed=Value(display=f"低于{_text(weight)}分"),
        trace=f"年度指标值 {_text(target)}；全年实际值 {_text(actual)}；分值 {_text(weight)}；得分 {_text(score)}",
        rule="rubric.target_met（达到目标得满分，未达目标不得满分）",
        related=(span_of(actual), span_of(weight), span_of(score)),
    )


def _text(qty: Quantity) -> str:
    return qty.text.strip()
