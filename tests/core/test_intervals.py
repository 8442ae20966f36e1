from decimal import Decimal as D

import pytest

from review.core.intervals import Interval, total


def test_stated_interval_from_written_precision():
    iv = Interval.stated(D("3167.20"), 2)
    assert (iv.lo, iv.hi) == (D("3167.195"), D("3167.205"))


def test_rounded_items_meet_their_total():
    items = [Interval.stated(D(v), 2) for v in ("1794.96", "1372.23")]
    assert total(items).meets(Interval.stated(D("3167.20"), 2))


def test_six_two_decimal_items_within_rounding():
    vals = ["574.73", "5", "13.52", "10", "1372.23", "105.2"]
    decs = [2, 0, 2, 0, 2, 1]
    assert total([Interval.stated(D(v), d) for v, d in zip(vals, decs, strict=True)]).meets(
        Interval.stated(D("2080.69"), 2)
    )


def test_real_mismatch_does_not_meet():
    items = [Interval.exact(D(v)) for v in (4, 5, 5, 5, 18, 6)]
    assert not total(items).meets(Interval.exact(D(40)))


@pytest.mark.parametrize(
    ("num", "den", "rate", "dec", "ok"),
    [
        ("4212.62", "4286.67", "98.3", 1, True),
        ("3789.9671", "6024.595024", "56", 0, False),
        ("204", "350", "58.29", 2, True),
    ],
)
def test_ratio_intervals(num, den, rate, dec, ok):
    got = (Interval.stated(D(num), 2) / Interval.stated(D(den), 2)).scale(D(100))
    assert got.meets(Interval.stated(D(rate), dec)) is ok


def test_division_by_interval_containing_zero_raises():
    with pytest.raises(ZeroDivisionError):
        Interval.exact(D(1)) / Interval(D(-1), D(1))


@pytest.mark.parametrize(
    ("a", "da", "b", "db", "one"),
    [
        ("5", 0, "6", 0, False),  # touching at 5.5: 四舍五入 cannot give both from one value
        ("5", 0, "5.4", 1, True),
        ("5.5", 1, "6", 0, True),  # [5.45, 5.55) and [5.5, 6.5) share [5.5, 5.55)
        ("90.76", 2, "90.77", 2, False),
    ],
)
def test_a_value_written_twice_restates_only_inside_both_half_open_intervals(a, da, b, db, one):
    x, y = Interval.stated(D(a), da), Interval.stated(D(b), db)
    assert x.restates(y) is one and y.restates(x) is one
    assert x.meets(y)  # a sum's closed intervals still meet at the boundary


def test_an_exact_value_restates_a_stated_one_it_lies_in():
    assert Interval.exact(D(5)).restates(Interval.stated(D(5), 0))
    assert not Interval.exact(D(6)).restates(Interval.stated(D(5), 0))
