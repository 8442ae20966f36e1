"""check_ratios from hand-made RatioRelations: a stated rate against numerator ÷ denominator, all
three read as intervals; the rule is named after the relation's basis."""

from __future__ import annotations

import pytest

from review.checks.base import Context
from review.checks.ratio import check_ratios
from review.core.claims import RatioRelation
from tests.checks.builders import Sheet, essentials, spans_ok


def ratio_of(rate: str, numerator: str, *denominators: str, basis: str = "执行率") -> tuple[Sheet, Context]:
    s = Sheet()
    num = s.num(numerator, "执行数")
    dens = [s.num(d, "预算数") for d in denominators]
    r = s.num(rate, "执行率")
    return s, s.ctx(RatioRelation(rate=r.id, numerator=num.id, denominators=tuple(d.id for d in dens), basis=basis))


# basis (the rule is ratio.<basis>), rate, numerator, denominator, the computed interval as shown (2 places)
FAILS = [
    pytest.param("表格·执行率", "91%", "692.98万元", "808.1万元", "[85.75, 85.76]", id="ratio.表格·执行率"),
    pytest.param("占支出比重", "30%", "250万元", "1000万元", "[24.94, 25.06]", id="ratio.占…比重"),
]


@pytest.mark.parametrize(("basis", "rate", "numerator", "denominator", "shown"), FAILS)
def test_a_rate_off_its_quotient_is_flagged(basis, rate, numerator, denominator, shown) -> None:
    s, ctx = ratio_of(rate, numerator, denominator, basis=basis)
    (f,) = check_ratios(ctx)
    assert essentials(f) == ("ratio", "high", f"ratio.{basis}")
    assert f.quote == f"执行率{rate}" and spans_ok([f], s.text)
    assert f"报告写{rate}，按执行数{numerator} ÷ 预算数{denominator}计算为{shown}%" in f.message
    assert f.stated is not None and f.stated.display == rate
    assert f.computed is not None and f.computed.unit == "%"


def test_the_computed_interval_is_numerator_over_denominator_at_their_bounds() -> None:
    (f,) = check_ratios(ratio_of("91%", "692.98万元", "808.1万元")[1])
    # [692.975 / 808.15, 692.985 / 808.05] × 100
    assert f.computed is not None and (f.computed.lo, f.computed.hi) == ("85.7483", "85.7602")


# rate, numerator, denominators: each holds once the three are read as their written intervals
HOLDS = [
    pytest.param("85.8%", "692.98万元", ("808.1万元",), id="rounding-of-all-three"),
    pytest.param("100%", "89.974万元", ("90万元",), id="a-whole-percent-rounds"),
    pytest.param("25%", "250万元", ("900万元", "1000万元"), id="the-second-denominator-fits"),
    pytest.param("25%", "250万元", ("0万元",), id="a-zero-denominator-is-not-computed"),
]


@pytest.mark.parametrize(("rate", "numerator", "denominators"), HOLDS)
def test_a_rate_that_meets_its_quotient_is_not_flagged(rate, numerator, denominators) -> None:
    assert check_ratios(ratio_of(rate, numerator, *denominators)[1]) == []


def test_when_no_denominator_fits_the_first_is_shown() -> None:
    (f,) = check_ratios(ratio_of("50%", "250万元", "900万元", "1000万元")[1])
    assert "÷ 预算数900万元" in f.message


def share_of_parts(rate: str, part: str, *parts: tuple[str, str]) -> tuple[Sheet, Context]:
    """A share of a whole the text names as several amounts (占中央、省资金的…): parts as (label, amount)."""
    s = Sheet()
    named = [s.num(amount, label) for label, amount in parts]
    num = s.num(part, "区级资金")
    r = s.num(rate, "占比")
    rel = RatioRelation(rate=r.id, numerator=num.id, denominators=(), whole_parts=tuple(q.id for q in named))
    return s, s.ctx(rel)


def test_a_whole_of_several_parts_is_their_sum() -> None:
    # 670 / (316 + 588) = 74.115%: 74.12% holds (each amount ± 0.5万元: [73.98, 74.25]%)
    parts = (("中央资金", "316万元"), ("省资金", "588万元"))
    assert check_ratios(share_of_parts("74.12%", "670万元", *parts)[1]) == []
    s, ctx = share_of_parts("77.12%", "670万元", *parts)
    (f,) = check_ratios(ctx)
    assert "按区级资金670万元 ÷ 中央资金316万元 + 省资金588万元计算为[73.98, 74.25]%" in f.message
    assert "670万元 ÷ (316万元 + 588万元)" in f.trace
    assert len(f.related) == 3 and spans_ok([f], s.text)


def test_the_parts_are_one_more_candidate_after_the_single_denominators() -> None:
    s = Sheet()
    a, b = s.num("316万元", "中央资金"), s.num("588万元", "省资金")
    num, r = s.num("670万元", "区级资金"), s.num("212%", "占比")
    # 670 / 316 = 212.03%: the single candidate fits, so the parts are not needed
    rel = RatioRelation(rate=r.id, numerator=num.id, denominators=(a.id,), whole_parts=(a.id, b.id))
    assert check_ratios(s.ctx(rel)) == []
    wrong = RatioRelation(rate=r.id, numerator=num.id, denominators=(b.id,), whole_parts=(a.id, b.id))
    (f,) = check_ratios(s.ctx(wrong))
    assert "÷ 省资金588万元计算为" in f.message  # the first candidate is the one shown


@pytest.mark.parametrize(
    ("change", "rate", "holds"),
    [
        ("up", "31.39%", True),  # 189.25 / (792.22 − 189.25) = 31.386%
        ("up", "23.89%", False),  # 189.25 / 792.22: the value after the change is not the base
        ("down", "19.28%", True),  # 189.25 / (792.22 + 189.25) = 19.282%
    ],
)
def test_a_change_rate_is_over_the_value_before_the_change(change, rate, holds) -> None:
    s = Sheet()
    after, delta, r = s.num("792.22万元", "收入"), s.num("189.25万元", "同比增加"), s.num(rate, "增加")
    rel = RatioRelation(rate=r.id, numerator=delta.id, denominators=(after.id,), change=change, basis="同比增加率")
    found = check_ratios(s.ctx(rel))
    assert found == [] if holds else len(found) == 1
    if not holds:
        assert "÷ (收入792.22万元 − 同比增加189.25万元)计算为[31.38, 31.39]%" in found[0].message
        assert "189.25万元 ÷ (792.22万元 − 189.25万元)" in found[0].trace


def rest_of(rate: str, undone: str, whole: str) -> tuple[Sheet, Context]:
    """A rate of the rest of its base (市本级直达资金45.66亿元,未分配0.32亿元,分配率99.3%)."""
    s = Sheet()
    den = s.num(whole, "直达资金")
    num = s.num(undone, "未分配")
    r = s.num(rate, "分配率")
    return s, s.ctx(RatioRelation(rate=r.id, numerator=num.id, denominators=(den.id,), complement=True))


def test_a_complement_rate_is_the_rest_over_the_whole() -> None:
    # (45.66 − 0.32) / 45.66 = 99.30%
    assert check_ratios(rest_of("99.3%", "0.32亿元", "45.66亿元")[1]) == []
    s, ctx = rest_of("97.3%", "0.32亿元", "45.66亿元")
    (f,) = check_ratios(ctx)
    assert "按(直达资金45.66亿元 − 未分配0.32亿元) ÷ 直达资金45.66亿元" in f.message
    assert f.trace.startswith("(45.66亿元 − 0.32亿元) ÷ 45.66亿元") and spans_ok([f], s.text)
