"""Each scoring rule kind with a table of cases: boundaries, rounding, caps, N/A rescaling."""

from decimal import Decimal as D

import pytest

from review.core.intervals import Interval
from review.scoring.formulas import (
    all_or_nothing_allows,
    budget_execution,
    deduction_allows,
    deviation_bands,
    grade_for,
    inverse_proportional,
    per_item_allows,
    per_item_deduction,
    proportional,
    qualitative_allows,
    qualitative_band,
    rescale_not_applicable,
    share_met,
    target_or_zero,
)


def stated(v: str, d: int) -> Interval:
    return Interval.stated(D(v), d)


def exact(v: str) -> Interval:
    return Interval.exact(D(v))


@pytest.mark.parametrize(
    ("actual", "target", "weight", "score", "ok"),
    [
        ("3000", "3000", "4", "4", True),  # target met: full marks
        ("3300", "3000", "4", "4", True),  # over the target: still capped at the weight
        ("2700", "3000", "10", "9", True),  # 90% of the target
        ("2700", "3000", "10", "10", False),
        ("0", "3000", "5", "0", True),
    ],
)
def test_proportional(actual, target, weight, score, ok):
    assert proportional(exact(actual), exact(target), exact(weight)).meets(exact(score)) is ok


@pytest.mark.parametrize(
    ("actual", "target", "score", "ok"),
    [("10", "10", "18", True), ("8", "10", "18", True), ("12", "10", "15", True), ("12", "10", "18", False)],
)
def test_inverse_proportional_for_at_most_targets(actual, target, score, ok):
    got = inverse_proportional(exact(actual), exact(target), exact("18"))
    assert got.meets(stated(score, 0) if score == "15" else exact(score)) is ok


@pytest.mark.parametrize(
    ("rate", "dec", "weight", "score", "sdec", "ok"),
    [
        ("98.3", 1, "20", "19.7", 1, True),  # 003: 98.27% of 20 = 19.65 → 19.7
        ("98.3", 1, "20", "19.0", 1, False),
        ("100", 0, "10", "10", 0, True),
        ("105", 0, "10", "10", 0, True),  # capped at 100%
        ("56", 0, "10", "6", 0, False),  # 5.6 is not 6 when both are stated exactly… 56% is 55.5–56.5
        ("56", 0, "10", "5.6", 1, True),
    ],
)
def test_budget_execution(rate, dec, weight, score, sdec, ok):
    got = budget_execution(stated(rate, dec), exact(weight))
    assert got.meets(stated(score, sdec) if sdec else exact(score)) is ok


BANDS = [(D(10), D(1)), (D(20), D("0.5"))]


@pytest.mark.parametrize(
    ("deviation", "score"),
    [("0", "10"), ("10", "10"), ("10.5", "5"), ("20", "5"), ("20.1", "0"), ("-15", "5"), ("35", "0")],
)
def test_deviation_bands(deviation, score):
    got = deviation_bands(exact(deviation), exact("10"), BANDS)
    assert got.lo == got.hi == D(score)


def test_deviation_band_boundary_inside_rounding_allows_both():
    got = deviation_bands(stated("10", 0), exact("10"), BANDS)  # 9.5–10.5 straddles the 10% edge
    assert (got.lo, got.hi) == (D(5), D(10))


@pytest.mark.parametrize(
    ("actual", "target", "score"),
    [("100", "100", "10"), ("129", "100", "10"), ("131", "100", "0"), ("99", "100", "0")],
)
def test_target_or_zero_misses_or_overshoots(actual, target, score):
    got = target_or_zero(exact(actual), exact(target), exact("10"))
    assert got.lo == got.hi == D(score)


def test_share_met_and_per_item_deduction():
    assert share_met(3, 4, exact("10")).lo == D("7.5")
    assert per_item_deduction(3, D("0.5"), exact("5")).lo == D("3.5")
    assert per_item_deduction(30, D("0.5"), exact("5")).lo == D(0)  # 直至扣完: never below the floor
    with pytest.raises(ValueError):
        share_met(0, 0, exact("10"))


@pytest.mark.parametrize(
    ("score", "band"),
    [("10", (D("0.8"), D(1))), ("8", (D("0.8"), D(1))), ("7", (D("0.6"), D("0.8"))), ("3", (D(0), D("0.6")))],
)
def test_qualitative_bands(score, band):
    assert qualitative_band(exact(score), exact("10")) == band


def test_not_applicable_rescaling():
    got = rescale_not_applicable(exact("72"), D(10))
    assert abs(got.lo - D(80)) < D("1e-20")
    with pytest.raises(ValueError):
        rescale_not_applicable(exact("0"), D(100))


@pytest.mark.parametrize(
    ("score", "grade"), [("99.7", "优"), ("90", "优"), ("89.9", "良"), ("80", "良"), ("60", "中"), ("59.9", "差")]
)
def test_grade_bands(score, grade):
    bands = [("优", D(90)), ("良", D(80)), ("中", D(60)), ("差", D(0))]
    assert grade_for(D(score), bands) == grade


@pytest.mark.parametrize(
    ("score", "weight", "per_item", "ok"),
    [
        (stated("4.5", 1), exact("5"), D("0.5"), True),  # one problem
        (stated("0", 0), exact("5"), D("0.5"), True),  # 直至扣完: the floor
        (stated("4.7", 1), exact("5"), D("0.5"), False),  # no whole number of 0.5 steps
        (stated("4.50", 2), exact("5"), D("0.5"), True),  # rounding is not an error
        (stated("5.5", 1), exact("5"), D("0.5"), False),  # above the weight
        (stated("3.3", 1), exact("5"), None, True),  # deducted in proportion: any score from 0 to 5
        (stated("5.2", 1), exact("5"), None, False),
    ],
)
def test_per_item_allows(score: Interval, weight: Interval, per_item: D | None, ok: bool) -> None:
    assert per_item_allows(score, weight, per_item) is ok


def test_per_item_allows_respects_the_floor() -> None:
    assert per_item_allows(stated("1", 0), exact("5"), D("2"), floor=D("1"))  # 5, 3, then the floor 1
    assert not per_item_allows(stated("0", 0), exact("5"), D("1"), floor=D("1"))  # below the floor


@pytest.mark.parametrize(
    ("amount", "ok"),
    [("1", True), ("-1.5", True), ("10", True), ("0", True), ("0.7", False), ("10.5", False), ("-11", False)],
)
def test_deduction_allows_whole_steps_up_to_the_cap(amount: str, ok: bool) -> None:
    assert (
        deduction_allows(stated(amount, len(amount.split(".")[1]) if "." in amount else 0), exact("10"), D("0.5")) is ok
    )


def test_all_or_nothing_and_qualitative() -> None:
    assert all_or_nothing_allows(stated("0", 0), exact("10")) and all_or_nothing_allows(stated("10", 0), exact("10"))
    assert all_or_nothing_allows(stated("9.96", 2), stated("10", 0))  # 10 written as 10: [9.5, 10.5]
    assert not all_or_nothing_allows(stated("7", 0), exact("10"))
    assert qualitative_allows(stated("8", 0), exact("10")) and not qualitative_allows(stated("11", 0), exact("10"))
    bands = [(D(0), D(0)), (D("0.5"), D("0.5")), (D(1), D(1))]
    assert qualitative_allows(stated("5", 0), exact("10"), bands)
    assert not qualitative_allows(stated("7", 0), exact("10"), bands)
