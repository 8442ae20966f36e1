"""Unit slips: an amount larger than the whole budget, a per-person amount thousands of times its
neighbours' (617705万元 for 1466人次), a target whose unit price differs from the actual one, and an
amount that fits its peers only read in their unit (the same figure under another unit, or funds a
thousand times off those its paragraph states in another unit)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from statistics import median

from review.checks.base import Context, finding, fmt, span_of, value_of
from review.core.claims import BudgetCeiling, Quantity, UnitPeers, UnitPrice
from review.core.findings import Finding, Value
from review.core.intervals import Interval
from review.core.numbers import MONEY_SCALE

OUTLIER_FACTOR = Decimal(1000)
PRICE_TOLERANCE = Decimal("0.05")
OFF_SCALE = Decimal(1000)  # funds this many times off every peer in another unit: the unit, not the figure
# A payment this many times the whole budget: a unit's scale (元 for 万元 is 10000×, so a payment of 1% of the budget
# slipped is 100× it: seed 000's 617705万元 for 61.77万元 against 6024.60万元, 102×), not a budget of narrower scope
# than the extractor took it for (a project's 预算 where the payment is the department's; one level's share of a
# fund the report also gives whole, r12-01's 县本级 76万元 of 2110万元, 28×).
ABOVE_BUDGET = Decimal(100)
MONEY_UNITS = ("元", "万元", "亿元")


def check_units(ctx: Context) -> list[Finding]:
    return [*_above_budget(ctx), *_per_head_outliers(ctx), *_target_price(ctx), *_unit_peers(ctx)]


def _above_budget(ctx: Context) -> list[Finding]:
    """A spending amount that the whole budget (BudgetCeiling, from the extractor) could hold only in another
    unit: more than ABOVE_BUDGET times it. An amount a little above the budget the extractor chose says that
    the budget is of narrower scope than the amount (a project's 预算 in a report that also gives the
    department's spending), not that a unit is wrong. When the amounts pass a budget written in 元 in a report
    written in 万元, and read in 万元 the budget holds them all (全年预算数2089元 over 中央1777万元 and 省级312万元),
    the slip is the budget's: one finding on it, not one per amount. A budget written as 0 (a form's total
    left at 0) is in no unit's scale of anything: no finding here (the sum check compares a total left at 0
    with its parts)."""
    above: dict[str, list[Quantity]] = {}
    for rel in ctx.claims.relations:
        if isinstance(rel, BudgetCeiling):
            q, budget = ctx.q[rel.amount], ctx.q[rel.budget]
            if budget.value != 0 and q.interval().lo > budget.interval().hi * ABOVE_BUDGET:
                above.setdefault(budget.id, []).append(q)
    out = []
    usual = Counter(q.unit for q in ctx.claims.quantities if q.unit in MONEY_UNITS).most_common(1)
    for budget_id, amounts in above.items():
        budget = ctx.q[budget_id]
        if usual and usual[0][0] == "万元" and _budget_slipped(budget, amounts):
            out.append(_budget_finding(ctx, budget, amounts))
            continue
        for q in amounts:
            out.append(_amount_finding(ctx, q, budget))
    return out


def _budget_slipped(budget: Quantity, amounts: list[Quantity]) -> bool:
    if budget.unit != "元":
        return False
    wide = reread(budget, "万元")
    return all(q.unit != "元" and q.interval().hi <= wide.hi for q in amounts)


def _budget_finding(ctx: Context, budget: Quantity, amounts: list[Quantity]) -> Finding:
    shown = "、".join(dict.fromkeys(q.text.strip() for q in amounts))
    return finding(
        ctx,
        "unit",
        "high",
        f"预算总额单位疑误：{budget.label}写为{budget.text.strip()}，而{shown}均大于它；"
        f"若单位应为“万元”，即{fmt(budget.value, 4)}万元，各项均在其内",
        *span_of(budget),
        stated=value_of(budget),
        computed=_as(budget, "万元"),
        trace=f"{' , '.join(q.text.strip() for q in amounts)} > {budget.text.strip()}；≤ {fmt(budget.value, 4)}万元",
        rule="unit.budget_in_yuan",
        related=tuple(span_of(q) for q in amounts),
    )


def _amount_finding(ctx: Context, q: Quantity, budget: Quantity) -> Finding:
    hint = ""
    if q.unit == "万元" and q.value <= budget.base_value:
        hint = f"；若单位应为“元”，即{fmt(q.value / 10000, 4)}万元"
    return finding(
        ctx,
        "unit",
        "high",
        f"金额超过部门预算总额：{q.text}大于{budget.label}{budget.text}，疑为单位错误{hint}",
        *span_of(q),
        stated=value_of(q),
        computed=value_of(budget),
        trace=f"{q.text} > {budget.text}",
        rule="unit.part_exceeds_budget",
        related=((budget.start, budget.end),),
    )


def _per_head_outliers(ctx: Context) -> list[Finding]:
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, UnitPrice) or len(rel.groups) < 3:
            continue
        per = [(q[a], q[b], q[b].base_value / q[a].value) for a, b in rel.groups if q[a].value > 0]
        typical = Decimal(median([p for _, _, p in per])) if per else Decimal(0)
        for heads, amount, each in per:
            if typical > 0 and each > typical * OUTLIER_FACTOR:
                out.append(
                    finding(
                        ctx,
                        "unit",
                        "high",
                        f"人均金额异常：{amount.text}对应{heads.text}，人均{fmt(each, 2)}元，"
                        f"是同句各项（中位数{fmt(typical, 2)}元）的{fmt(each / typical, 0)}倍，疑为单位错误",
                        *span_of(amount),
                        stated=value_of(amount),
                        computed=Value(display=f"{fmt(each, 2)}元/{heads.unit}"),
                        trace=f"{amount.text} ÷ {heads.text} = {fmt(each, 2)}元；同段中位数 {fmt(typical, 2)}元",
                        rule="unit.per_head_outlier",
                        related=((heads.start, heads.end),),
                    )
                )
    return out


def _widen(iv: Interval) -> Interval:
    """A unit price within PRICE_TOLERANCE of another is the same price."""
    return Interval(iv.lo * (1 - PRICE_TOLERANCE), iv.hi * (1 + PRICE_TOLERANCE))


def _target_price(ctx: Context) -> list[Finding]:
    q = ctx.q
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, UnitPrice) or not rel.target or not rel.actual:
            continue
        (ta, tm), (aa, am) = (q[rel.target[0]], q[rel.target[1]]), (q[rel.actual[0]], q[rel.actual[1]])
        if ta.value <= 0 or aa.value <= 0:
            continue
        tp = tm.interval() / ta.interval()
        ap = am.interval() / aa.interval()
        if _widen(tp).meets(ap):
            continue
        out.append(
            finding(
                ctx,
                "unit",
                "low",
                f"目标单价与实际单价不一致：目标{tm.text}/{ta.text}≈{tp.show(1)}元/{ta.unit}，实际{am.text}/{aa.text}≈{ap.show(1)}元/{aa.unit}，目标面积与成本指标可能不匹配",
                *span_of(tm),
                stated=value_of(tm),
                computed=Value(display=f"{fmt(ap.mid * ta.value, 0)}元（按实际单价）"),
                trace=f"{tm.text} ÷ {ta.text} = {tp.show(2)}；{am.text} ÷ {aa.text} = {ap.show(2)}",
                rule="unit.target_unit_price",
                related=((ta.start, ta.end), (aa.start, aa.end), (am.start, am.end)),
            )
        )
    return out


def _unit_peers(ctx: Context) -> list[Finding]:
    """One finding per amount: the same figure under another unit first, then a header's unit, then the
    paragraph's scale, then the report's (a principal figure a thousand times below its usual amounts)."""
    rels = [r for r in ctx.claims.relations if isinstance(r, UnitPeers)]
    rels.sort(key=lambda r: ("same_figure", "header", "paragraph", "report").index(r.basis))
    out: list[Finding] = []
    done: set[str] = set()
    for rel in rels:
        if rel.amount in done:
            continue
        prevailing = prevailing_unit(ctx, rel)
        q, peers = ctx.q[rel.amount], [ctx.q[p] for p in rel.peers]
        if rel.basis == "header":
            found = _against_header(ctx, q, rel.declared, peers)
        elif not _odd_unit(rel, q, prevailing):
            continue
        elif rel.basis == "report":
            found = _off_report_scale(ctx, q, peers)
        else:
            found = _same_figure(ctx, q, peers, prevailing) if rel.basis == "same_figure" else _off_scale(ctx, q, peers)
        if found is not None:
            out.append(found)
            done.add(q.id)
    return out


def _odd_unit(rel: UnitPeers, q: Quantity, prevailing: str | None) -> bool:
    """The slip is the amount in the unit the report does not use, or (paragraph peers) the one its
    paragraph uses least."""
    if rel.basis == "paragraph" and len(rel.kin) + 1 < len(rel.peers):
        return True
    return prevailing is not None and q.unit != prevailing


def prevailing_unit(ctx: Context, rel: UnitPeers) -> str | None:
    """The money unit most of the amounts the report writes are in; on a tie, most of its money
    quantities (table cells in a header's unit too); None on a tie of both."""
    found = majority(Counter(dict(rel.written)))
    return found if found is not None else quantities_majority(ctx, MONEY_UNITS)


def quantities_majority(ctx: Context, units: tuple[str, ...]) -> str | None:
    """Which of `units` most of the claims' quantities are in (None on a tie), counted once per review and
    units: the unit and ratio checks ask it once per relation."""
    key = f"unit_majority:{','.join(units)}"
    if key not in ctx.memo:
        ctx.memo[key] = majority(Counter(q.unit for q in ctx.claims.quantities if q.unit in units))
    found = ctx.memo[key]
    return found if isinstance(found, str) else None


def majority(tally: Counter[str]) -> str | None:
    """The unit counted most, None when none is or two tie."""
    counts = tally.most_common(2)
    return counts[0][0] if counts and (len(counts) == 1 or counts[0][1] > counts[1][1]) else None


def reread(q: Quantity, unit: str) -> Interval:
    """q's figure as if written in `unit`, in base units (40.83元 read as 万元: 408300元)."""
    return q.interval().scale(MONEY_SCALE[unit] / MONEY_SCALE[q.unit])


def _same_figure(ctx: Context, q: Quantity, peers: list[Quantity], prevailing: str | None) -> Finding | None:
    """q's figure is stated elsewhere in the unit most of the report uses, and q is not in it."""
    twin = next((p for p in peers if p.unit == prevailing), None)
    if twin is None or q.interval().meets(twin.interval()) or not reread(q, twin.unit).meets(twin.interval()):
        return None
    return finding(
        ctx,
        "unit",
        "medium",
        f"金额单位疑误：{q.text}与{twin.label}{twin.text}数字相同而单位不同，本报告金额多以“{twin.unit}”计；"
        f"若单位应为“{twin.unit}”，即{fmt(q.value)}{twin.unit}",
        *span_of(q),
        stated=value_of(q),
        computed=_as(q, twin.unit),
        trace=f"{q.text} ≠ {twin.text}；{q.text}按“{twin.unit}”读为{fmt(q.value)}{twin.unit} = {twin.text}",
        rule="unit.same_figure",
        related=((twin.start, twin.end),),
    )


def _off_scale(ctx: Context, q: Quantity, peers: list[Quantity]) -> Finding | None:
    """Funds a thousand times smaller than every amount their paragraph states in a larger unit (年度资金
    40.83万元, 本年度财政拨款40.83元), or larger than every one in a smaller unit."""
    scale = MONEY_SCALE[q.unit]
    smaller = [p for p in peers if MONEY_SCALE[p.unit] < scale]
    larger = [p for p in peers if MONEY_SCALE[p.unit] > scale]
    if peers == larger and all(q.base_value * OFF_SCALE < p.base_value for p in peers):
        side = "不到同段其他金额的千分之一"
    elif peers == smaller and all(q.base_value > p.base_value * OFF_SCALE for p in peers):
        side = "超过同段其他金额的千倍"
    else:
        return None
    unit = Counter(p.unit for p in peers).most_common(1)[0][0]
    near = min(peers, key=lambda p: abs(p.start - q.start))
    return finding(
        ctx,
        "unit",
        "medium",
        f"金额单位疑误：{q.label}{q.text}{side}（如{near.label}{near.text}），疑为单位错误；"
        f"若单位应为“{unit}”，即{fmt(q.value)}{unit}",
        *span_of(q),
        stated=value_of(q),
        computed=_as(q, unit),
        trace=f"{q.text} = {fmt(q.base_value, 2)}元；{near.text} = {fmt(near.base_value, 2)}元；相差{OFF_SCALE}倍以上",
        rule="unit.off_scale",
        related=tuple((p.start, p.end) for p in peers[:3]),
    )


def _off_report_scale(ctx: Context, q: Quantity, peers: list[Quantity]) -> Finding | None:
    """A principal funds figure a thousand times smaller than the median of the amounts the report writes in
    its usual, larger unit (2021年…保护资金下达42元 in a report of 万元): read in that unit, it is of the report's
    scale. Only smaller: a report of 元 amounts (补助每户…元) states its totals in 万元 as a matter of course."""
    if not peers or any(MONEY_SCALE[p.unit] <= MONEY_SCALE[q.unit] for p in peers):
        return None
    middle = median(p.base_value for p in peers)
    if q.base_value * OFF_SCALE >= middle:
        return None
    unit = peers[0].unit
    typical = f"{fmt(middle / MONEY_SCALE[unit], 4)}{unit}"
    return finding(
        ctx,
        "unit",
        "medium",
        f"金额单位疑误：{q.text.strip()}不到本报告以“{unit}”所写金额（中位数{typical}）"
        f"的千分之一，疑为单位错误；若单位应为“{unit}”，即{fmt(q.value)}{unit}",
        *span_of(q),
        stated=value_of(q),
        computed=_as(q, unit),
        trace=f"{q.text.strip()} × {OFF_SCALE} = {fmt(q.base_value * OFF_SCALE, 2)}元 < "
        f"{len(peers)}笔“{unit}”金额的中位数 {fmt(middle, 2)}元",
        rule="unit.off_report_scale",
        related=tuple((p.start, p.end) for p in sorted(peers, key=lambda p: abs(p.start - q.start))[:3]),
    )


def _against_header(ctx: Context, q: Quantity, declared: str, peers: list[Quantity]) -> Finding | None:
    """A cell written in a unit other than the one its table's header names (资金情况(万元) … 300元)."""
    if declared not in MONEY_SCALE or q.unit == declared:
        return None
    return finding(
        ctx,
        "unit",
        "medium",
        f"金额单位与表头不一致：表头单位为“{declared}”，此处写作{q.text}；若单位应为“{declared}”，即{fmt(q.value)}{declared}",
        *span_of(q),
        stated=value_of(q),
        computed=_as(q, declared),
        trace=f"表头（{declared}）；{q.text}按“{declared}”读为{fmt(q.value)}{declared}",
        rule="unit.header_unit",
        related=tuple((p.start, p.end) for p in peers[:3]),
    )


def _as(q: Quantity, unit: str) -> Value:
    iv = reread(q, unit).scale(Decimal(1) / MONEY_SCALE[unit])
    places = q.decimals + 1
    return Value(display=f"{fmt(q.value)}{unit}", lo=fmt(iv.lo, places), hi=fmt(iv.hi, places), unit=unit)
