"""Scoring rules of the rubric packs as pure functions over intervals (rounding is not an error).

Each function returns the interval of scores the rule allows for the inputs as stated."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from review.core.intervals import Interval

ONE = Decimal(1)
ZERO = Decimal(0)


def _clamp(iv: Interval, lo: Decimal, hi: Decimal) -> Interval:
    return Interval(min(max(iv.lo, lo), hi), min(max(iv.hi, lo), hi))


def proportional(actual: Interval, target: Interval, weight: Interval) -> Interval:
    """完成值/指标值 × 分值, full marks once the target is met (capped at the weight)."""
    ratio = _clamp(actual / target, ZERO, ONE)
    return Interval(ratio.lo * weight.lo, ratio.hi * weight.hi)


def inverse_proportional(actual: Interval, target: Interval, weight: Interval) -> Interval:
    """For ≤ targets (成本、时限): 指标值/完成值 × 分值, full marks when at or below the target."""
    ratio = _clamp(target / actual, ZERO, ONE)
    return Interval(ratio.lo * weight.lo, ratio.hi * weight.hi)


def budget_execution(rate_percent: Interval, weight: Interval) -> Interval:
    """预算执行率得分 = min(执行率, 100%) × 分值."""
    ratio = _clamp(rate_percent.scale(Decimal("0.01")), ZERO, ONE)
    return Interval(ratio.lo * weight.lo, ratio.hi * weight.hi)


def deviation_bands(deviation_percent: Interval, weight: Interval, bands: list[tuple[Decimal, Decimal]]) -> Interval:
    """Deviation bands, e.g. [(10, 1), (20, 0.5)] and 0 beyond: ≤10% full, 10–20% half, >20% zero.

    The band is chosen for each end of the deviation interval; the result spans both."""

    def share(d: Decimal) -> Decimal:
        for limit, part in bands:
            if abs(d) <= limit:
                return part
        return ZERO

    a, b = share(deviation_percent.lo), share(deviation_percent.hi)
    return Interval(min(a, b) * weight.lo, max(a, b) * weight.hi)


def target_or_zero(
    actual: Interval, target: Interval, weight: Interval, over_percent: Decimal = Decimal(30)
) -> Interval:
    """A quantity indicator that misses its target, or exceeds it by more than 30%, scores 0."""
    limit = target.scale(ONE + over_percent / 100)
    surely_ok = actual.lo >= target.hi and actual.hi <= limit.lo
    surely_bad = actual.hi < target.lo or actual.lo > limit.hi
    if surely_ok:
        return weight
    if surely_bad:
        return Interval.exact(ZERO)
    return Interval(ZERO, weight.hi)


def share_met(met: int, total_count: int, weight: Interval) -> Interval:
    """达到预期值的指标个数 / 全部指标个数 × 分值."""
    if total_count <= 0:
        raise ValueError("no indicators counted")
    ratio = Decimal(met) / Decimal(total_count)
    return Interval(ratio * weight.lo, ratio * weight.hi)


def per_item_deduction(items: int, per_item: Decimal, weight: Interval, floor: Decimal = ZERO) -> Interval:
    """每个问题扣 per_item 分，直至扣完 (never below `floor`)."""
    return Interval(max(weight.lo - per_item * items, floor), max(weight.hi - per_item * items, floor))


def per_item_allows(score: Interval, weight: Interval, per_item: Decimal | None, floor: Decimal = ZERO) -> bool:
    """Whether a score can be max(分值 − k × per_item, floor) for some whole number k ≥ 0 of
    problems; without per_item (扣分 in proportion), whether it lies between floor and the weight."""
    if score.lo > weight.hi or score.hi < floor:
        return False
    if per_item is None or score.meets(Interval.exact(floor)):
        return True
    fewest = max(ZERO, ((weight.lo - score.hi) / per_item).to_integral_value(rounding=ROUND_CEILING))
    most = ((weight.hi - score.lo) / per_item).to_integral_value(rounding=ROUND_FLOOR)
    return fewest <= most


def deduction_allows(amount: Interval, cap: Interval, per_item: Decimal | None) -> bool:
    """Whether a deduction (扣分项, written with or without its minus sign) can be
    min(k × per_item, cap) for some whole number k ≥ 0; without per_item, whether it is at most the cap."""
    if amount.hi <= 0:
        amount = Interval(-amount.hi, -amount.lo)
    if amount.hi < 0 or amount.lo > cap.hi:
        return False
    if per_item is None or amount.meets(cap):
        return True
    fewest = max(ZERO, (amount.lo / per_item).to_integral_value(rounding=ROUND_CEILING))
    most = (amount.hi / per_item).to_integral_value(rounding=ROUND_FLOOR)
    return fewest <= most


def all_or_nothing_allows(score: Interval, weight: Interval) -> bool:
    """满分或不得分: the score is 0 or the full weight."""
    return score.meets(Interval.exact(ZERO)) or score.meets(weight)


def qualitative_allows(score: Interval, weight: Interval, bands: Sequence[tuple[Decimal, Decimal]] = ()) -> bool:
    """A qualitative score lies between 0 and the weight and, when the pack gives bands
    ([low_share, high_share] of the weight), in one of them."""
    if score.hi < 0 or score.lo > weight.hi:
        return False
    return not bands or any(score.meets(Interval(lo * weight.lo, hi * weight.hi)) for lo, hi in bands)


QUALITATIVE_BANDS = ((Decimal("0.8"), Decimal(1)), (Decimal("0.6"), Decimal("0.8")), (ZERO, Decimal("0.6")))


def qualitative_band(score: Interval, weight: Interval) -> tuple[Decimal, Decimal] | None:
    """Which qualitative band (100–80%, 80–60%, 60–0% of the weight) a score falls in, if any."""
    if weight.hi <= 0:
        return None
    share = Interval(score.lo / weight.hi, score.hi / weight.lo if weight.lo > 0 else score.hi / weight.hi)
    for lo, hi in QUALITATIVE_BANDS:
        if share.lo >= lo and share.hi <= hi:
            return lo, hi
    return None


def rescale_not_applicable(
    total_score: Interval, not_applicable_weight: Decimal, full: Decimal = Decimal(100)
) -> Interval:
    """不适用 indicators are removed and the rest scaled back to the full total."""
    if not_applicable_weight >= full:
        raise ValueError("every indicator is not applicable")
    return total_score.scale(full / (full - not_applicable_weight))


# The grade bands used when no rubric pack gives its own (优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below).
DEFAULT_GRADES: tuple[tuple[str, Decimal], ...] = (
    ("优", Decimal(90)),
    ("良", Decimal(80)),
    ("中", Decimal(60)),
    ("差", Decimal(0)),
)


def grade_for(score: Decimal, bands: Sequence[tuple[str, Decimal]] = DEFAULT_GRADES) -> str:
    """Grade of a score from bands ordered high to low, e.g. [("优", 90), ("良", 80), ("中", 60), ("差", 0)]."""
    for name, floor in bands:
        if score >= floor:
            return name
    return bands[-1][0]
