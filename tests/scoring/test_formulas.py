"""Each scoring rule kind with a table of cases: boundaries, rounding, caps, N/A rescaling."""

from decimal import Decimal as D

import pytest

from review.core.intervals import Interval
from review.scoring.formulas import (
    budget_execution,
    deviation_bands,
    grade_for,
    inverse_proportional,
    per_item_deduction,
    proportional,
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
