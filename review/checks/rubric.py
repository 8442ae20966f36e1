"""Self-scores against the scoring criteria: the rubric pack's weights and its grade bands, and the
budget_execution rule (预算执行率得分 = min(执行率, 100%) × 分值, registered in
review.checks.rule_kinds). The report's own score table is checked against itself in
review.checks.score; here it is checked against the pack."""

from __future__ import annotations

from decimal import Decimal

from review.checks.base import Context, computed_value, finding, fmt, name_span, points, span_of, value_of
from review.core.claims import ExecutionRate, FormulaScore, GradeStatement, Quantity, ScoreTree, SumRelation
from review.core.findings import Finding, Severity, Value
from review.core.intervals import Interval
from review.scoring.formulas import DEFAULT_GRADES, budget_execution, grade_for


def check_rubric(ctx: Context) -> list[Finding]:
    return [*_pack_weights(ctx), *_grades(ctx)]


def check_budget_execution(ctx: Context) -> list[Finding]:
    """The budget_execution rule, wherever the report states its inputs: a score list's 预算执行
    score against the execution rate, and a table row with 执行率, 分值 and 得分."""
    return [*_budget_execution(ctx), *_formula_scores(ctx)]


def _formula_scores(ctx: Context) -> list[Finding]:
    """A table row that states 执行率, 分值 and 得分 together (项目支出绩效自评表)."""
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, FormulaScore):
            continue
        rate, weight, score = q[rel.rate], q[rel.weight], q[rel.score]
        found = _budget_finding(ctx, rate, weight.interval(), weight.text, "表中分值", score)
        if found:
            out.append(found.model_copy(update={"related": ((rate.start, rate.end), (weight.start, weight.end))}))
    return out


def _rule_label(ctx: Context, rule: str) -> str:
    return f"{rule}（{ctx.rubric.label}）" if ctx.rubric else f"{rule}（报告自带分值）"


def _execution_rate(ctx: Context) -> Quantity | None:
    """The report's execution rate, as the extractor found it (ExecutionRate)."""
    rel = next((r for r in ctx.claims.relations if isinstance(r, ExecutionRate)), None)
    return ctx.q[rel.rate] if rel else None


def _category_caps(ctx: Context) -> dict[str, Quantity]:
    q = ctx.q
    caps = {}
    for rel in ctx.claims.relations:
        if isinstance(rel, ScoreTree):
            for n in rel.nodes:
                if n.weight and n.children:
                    caps[_key(n.name)] = q[n.weight]
                elif n.weight and rel.source == "text" and ("指标" in n.name or "预算执行" in n.name):
                    caps.setdefault(_key(n.name), q[n.weight])
    return caps


def _key(name: str) -> str:
    """A category's name without spaces, 指标, 情况 or a final 率: how the report and the pack meet."""
    key = "".join(name.split())
    key = key[:-1] if key.endswith("率") else key  # a final 率 of the name as written
    return key.replace("指标", "").replace("情况", "")


def _budget_execution(ctx: Context) -> list[Finding]:
    """预算执行 score stated in a score list (其中预算执行19.7分…) against the execution rate."""
    rate = _execution_rate(ctx)
    if rate is None:
        return []
    q = ctx.q
    caps = _category_caps(ctx)
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, SumRelation) or rel.category != "score":
            continue
        items = [q[i] for i in rel.items]
        stated = next((i for i in items if "预算执行" in i.label), None)
        if stated is None:
            continue
        weight, how = _execution_weight(ctx, items, stated, caps)
        if weight is None:
            continue
        found = _budget_finding(ctx, rate, weight, f"{fmt(weight.mid, 2)}分", how, stated)
        if found:
            out.append(found)
    return out


def _budget_finding(
    ctx: Context, rate: Quantity, weight: Interval, weight_text: str, how: str, stated: Quantity
) -> Finding | None:
    """预算执行得分 = min(执行率, 100%) × 分值, on intervals; a finding when the stated score is off."""
    allowed = budget_execution(rate.parsed.interval(), weight)
    if allowed.meets(_rounded_score(stated)):
        return None
    return finding(
        ctx,
        "score",
        "high",
        f"预算执行得分不符：执行率{rate.text}、分值{weight_text}，"
        f"按 min(执行率,100%)×分值 应得{allowed.show(2)}分，报告为{stated.text}",
        *span_of(stated),
        stated=value_of(stated),
        computed=computed_value(allowed, "分", 3),
        trace=f"min({rate.text}, 100%) × {weight_text}（{how}）= {allowed.show(3)}",
        rule=_rule_label(ctx, "rubric.budget_execution"),
        related=((rate.start, rate.end),),
    )


def _rounded_score(score: Quantity) -> Interval:
    """A score the formula computes, as written: 9 for 86% × 10 = 8.6 stands for [8.5, 9.5]. Whole
    points are exact where they are counted (a table's addends); a computed score is rounded to the
    precision it is written in, like any stated number."""
    return Interval.stated(score.value, score.decimals)


def _execution_weight(
    ctx: Context, items: list[Quantity], stated: Quantity, caps: dict[str, Quantity]
) -> tuple[Interval | None, str]:
    node = ctx.rubric.find("预算执行率") or ctx.rubric.find("预算执行") if ctx.rubric else None
    others = [i for i in items if i is not stated]
    other_caps = [caps.get(_key(i.label)) for i in others]
    if others and all(other_caps):
        used = sum((c.value for c in other_caps if c), Decimal(0))
        return Interval.exact(Decimal(100) - used), f"100 − 其他类别分值{fmt(used, 2)}"
    if node is not None and ctx.rubric is not None:
        return Interval.exact(node.weight), f"{ctx.rubric.label} 规定分值"
    return None, ""


def _pack_weights(ctx: Context) -> list[Finding]:
    """Category caps in the report's table that differ from the pack's weights."""
    pack = ctx.rubric
    if pack is None:
        return []
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, ScoreTree) or rel.source != "table":
            continue
        for n in rel.nodes:
            node = pack.find(n.name) if n.weight else None
            if node is None or not n.weight or node.weight == q[n.weight].value:
                continue
            cap = q[n.weight]
            severity: Severity = "high" if pack.weights_fixed else "low"
            out.append(
                finding(
                    ctx,
                    "score",
                    severity,
                    f"分值与评分标准不符：“{n.name}”为{points(cap)}，{pack.title}规定{fmt(node.weight, 2)}分",
                    *name_span(ctx, n),
                    stated=value_of(cap),
                    computed=Value(display=f"{fmt(node.weight, 2)}分"),
                    trace=f"{pack.label}：{node.name} = {fmt(node.weight, 2)}",
                    rule=_rule_label(ctx, "rubric.weight"),
                )
            )
    return out


def _grades(ctx: Context) -> list[Finding]:
    bands = ctx.rubric.bands if ctx.rubric else DEFAULT_GRADES
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, GradeStatement):
            continue
        score = ctx.q[rel.score]
        expected = grade_for(score.value, bands)
        if rel.band == expected:
            continue
        out.append(
            finding(
                ctx,
                "score",
                "high",
                f"等级与得分不符：得分{score.text}对应“{expected}”，报告评定为“{rel.grade}”",
                rel.start,
                rel.end,
                stated=Value(display=rel.grade),
                computed=Value(display=expected),
                trace=" ≥ ".join(f"{n}{fmt(f, 0)}" for n, f in bands),
                rule=_rule_label(ctx, "rubric.grade_band"),
                related=((score.start, score.end),),
            )
        )
    return out
