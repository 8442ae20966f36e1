"""check_sums from hand-made SumRelations: 合计 = 其中 items (sum, count, score), a partial list as
a lower bound, and the one amount whose 元/万元 swap makes the sum hold (a unit slip); an implicit
split the wording does not mark (`marked=False`) is low severity."""

from __future__ import annotations

import pytest

from review.checks.base import Context
from review.checks.sums import check_sums
from review.core.claims import SumCategory, SumRelation
from tests.checks.builders import Sheet, essentials, spans_ok


def sum_of(
    total: str,
    items: list[str],
    *,
    exhaustive: bool = True,
    category: SumCategory = "sum",
    qualifier: str | None = None,
) -> tuple[Sheet, Context]:
    s = Sheet()
    t = s.num(total, "合计", qualifier=qualifier)
    parts = [s.num(item, f"分项{k}") for k, item in enumerate(items, 1)]
    rel = SumRelation(total=t.id, items=tuple(p.id for p in parts), exhaustive=exhaustive, category=category)
    return s, s.ctx(rel)


# rule, check, (total, items, exhaustive, category), quote, computed (display, lo, hi) shown to 4 places,
# message essentials
FAILS = [
    pytest.param(
        "sum.exhaustive",
        "sum",
        ("850.00万元", ["700.00万元", "100.00万元"], True, "sum"),
        "合计850.00万元",
        ("800万元", "799.99", "800.01"),
        "合计不符：“合计”写为850.00万元，其中各项相加为[799.99, 800.01]万元",
        id="sum.exhaustive-money",
    ),
    pytest.param(
        "sum.exhaustive",
        "count",
        ("40人", ["20人", "15人"], True, "count"),
        "合计40人",
        ("35人", "35", "35"),
        "人数/个数不符：“合计”写为40人，其中各项相加为35人",
        id="sum.exhaustive-count",
    ),
    pytest.param(
        "sum.exhaustive",
        "score",
        ("97分", ["38分", "49分"], True, "score"),
        "合计97分",
        ("87分", "87", "87"),
        "得分不符：“合计”写为97分，其中各项相加为87分",
        id="sum.exhaustive-score",
    ),
    pytest.param(
        "sum.partial_bound",
        "sum",
        ("300万元", ["200万元", "150万元"], False, "sum"),
        "合计300万元",
        ("350万元", "349", "351"),
        "列出的部分项目之和[349, 351]万元已超过“合计”300万元",
        id="sum.partial_bound",
    ),
    pytest.param(
        "unit.sum_fixed_by_unit",
        "unit",
        ("120万元", ["50万元", "70元"], True, "sum"),
        "分项270元",
        ("70万元", None, None),
        "单位疑误：70元若按“万元”计，“合计”120万元与其中各项相加正好相符",
        id="unit.sum_fixed_by_unit-yuan-for-wan",
    ),
    pytest.param(
        "unit.sum_fixed_by_unit",
        "unit",
        ("1250元", ["500元", "750万元"], True, "sum"),
        "分项2750万元",
        ("750元", None, None),
        "单位疑误：750万元若按“元”计",
        id="unit.sum_fixed_by_unit-wan-for-yuan",
    ),
    pytest.param(
        "sum.exhaustive",
        "sum",
        ("120万元", ["50万元", "80元"], True, "sum"),
        "合计120万元",
        ("50.008万元", "49.508", "50.508"),
        "其中各项相加为[49.508, 50.508]万元",
        id="sum.exhaustive-a-swap-that-does-not-fix-it",
    ),
]


@pytest.mark.parametrize(("rule", "check", "spec", "quote", "computed", "message"), FAILS)
def test_a_sum_that_does_not_hold_is_flagged(rule, check, spec, quote, computed, message) -> None:
    total, items, exhaustive, category = spec
    s, ctx = sum_of(total, items, exhaustive=exhaustive, category=category)
    (f,) = check_sums(ctx)
    assert essentials(f) == (check, "high", rule)
    assert f.quote == quote and spans_ok([f], s.text)
    assert f.computed is not None and (f.computed.display, f.computed.lo, f.computed.hi) == computed
    assert message in f.message


# total, items, exhaustive, category: each holds once every number is read as its written interval
HOLDS = [
    pytest.param("3167.20万元", ["1794.96万元", "1372.23万元"], True, "sum", id="sum.exhaustive-rounding"),
    pytest.param("31名", ["17名", "0名", "14名"], True, "count", id="sum.exhaustive-count"),
    pytest.param("97分", ["38.45分", "58.6分"], True, "score", id="sum.exhaustive-score-rounding"),
    pytest.param("300万元", ["200万元", "100.4万元"], False, "sum", id="sum.partial_bound-rounding"),
    pytest.param("300万元", ["100万元", "100万元"], False, "sum", id="sum.partial_bound-fewer-named"),
    pytest.param("120万元", ["50万元", "70万元"], True, "sum", id="unit.sum_fixed_by_unit-no-slip"),
    pytest.param("70万元", ["70万元"], True, "sum", id="unit.sum_fixed_by_unit-one-item-no-slip"),
]


@pytest.mark.parametrize(("total", "items", "exhaustive", "category"), HOLDS)
def test_a_sum_that_holds_within_rounding_is_not_flagged(total, items, exhaustive, category) -> None:
    assert check_sums(sum_of(total, items, exhaustive=exhaustive, category=category)[1]) == []


def test_when_the_units_tie_the_total_sets_the_usual_unit() -> None:
    s, ctx = sum_of("70万元", ["70元"])
    (f,) = check_sums(ctx)
    assert (f.rule, f.quote) == ("unit.sum_fixed_by_unit", "分项170元")  # the item is the suspect, not the total


def test_the_stated_total_carries_its_written_interval() -> None:
    _, ctx = sum_of("850.00万元", ["700.00万元", "100.00万元"])
    (f,) = check_sums(ctx)
    assert f.stated is not None and (f.stated.display, f.stated.lo, f.stated.hi) == ("850.00万元", "849.995", "850.005")
    assert len(f.related) == 2  # the items it was computed from


def test_an_approximate_total_or_item_is_not_added_up() -> None:
    _, ctx = sum_of("850万元", ["700万元", "100万元"], qualifier="约")
    assert check_sums(ctx) == []
    s = Sheet()
    t, a, b = s.num("850万元", "合计"), s.num("700万元", "分项1"), s.num("100万元", "分项2", qualifier="约")
    assert check_sums(s.ctx(SumRelation(total=t.id, items=(a.id, b.id)))) == []


def implicit_split(*written: tuple[str, str]) -> tuple[Sheet, list[str]]:
    """受益资金100万元，甲村60万元，…: a total and parts, by (label, amount)."""
    s = Sheet()
    return s, [s.num(amount, label).id for label, amount in written]


@pytest.mark.parametrize(("marked", "severity"), [(True, "high"), (False, "low")])
def test_the_severity_of_a_split_that_does_not_add_up_follows_its_wording(marked: bool, severity: str) -> None:
    """An unmarked implicit split (`marked=False`) that does not add up is low; a marked one high."""
    s, (t, a, b) = implicit_split(("受益资金", "100万元"), ("甲村", "60万元"), ("乙村", "50万元"))
    (f,) = check_sums(s.ctx(SumRelation(total=t, items=(a, b), basis="implicit", marked=marked)))
    assert (f.check, f.severity, f.quote) == ("sum", severity, "受益资金100万元")


@pytest.mark.parametrize(("marked", "severity"), [(True, "high"), (False, "low")])
def test_a_unit_slip_in_an_unmarked_split_is_low_too(marked: bool, severity: str) -> None:
    s, (t, a, c) = implicit_split(("受益资金", "100万元"), ("甲村", "60万元"), ("丙村", "40元"))
    rel = SumRelation(total=t, items=(a, c), basis="implicit", marked=marked)  # 60万元 + 40元: 40万元 fits
    (f,) = check_sums(s.ctx(rel))
    assert (f.check, f.severity, f.quote) == ("unit", severity, "丙村40元")
