"""check_readings from hand-made Readings: a row read more than one way is wrong only when every
reading fails the same check; a reading that holds leaves it unreported."""

from __future__ import annotations

from review.checks.readings import check_readings
from review.core.claims import FormulaScore, RatioRelation, Readings, SumRelation
from tests.checks.builders import Sheet, spans_ok


def _ratio(s: Sheet, budget: str, executed: str, rate: str) -> RatioRelation:
    b, e, r = s.num(budget, unit="万元"), s.num(executed, unit="万元"), s.num(rate)
    return RatioRelation(rate=r.id, numerator=e.id, denominators=(b.id,), basis="自评表·资金·执行率")


def test_a_row_wrong_under_every_reading_is_one_finding_on_the_row() -> None:
    # r9-02 seeded: 40004000103% is 4000 | 4000 | 103% or 40004000 | 10 | 3%
    s = Sheet()
    start = s.write("年度资金总额")[0]
    one, two = _ratio(s, "4000", "4000", "103%"), _ratio(s, "40004000", "10", "3%")
    rel = Readings(start=start, end=len(s.text), what="年度资金总额", alternatives=((one,), (two,)))
    (f,) = check_readings(s.ctx(rel))
    assert (f.check, f.severity, f.rule) == ("ratio", "high", "readings.ratio.自评表·资金·执行率")
    assert f.start == start and spans_ok([f], s.text)
    assert "2种读法" in f.message and "报告写103%" in f.message and "报告写3%" in f.message


def test_a_reading_that_holds_leaves_the_row_unreported() -> None:
    # r2-08 alone: 194.9 | 194.9 | 103% fails, 194.919 | 4.910 | 3% holds (3% stands for 2.5–3.5%)
    s = Sheet()
    one, two = _ratio(s, "194.9", "194.9", "103%"), _ratio(s, "194.919", "4.910", "3%")
    rel = Readings(start=0, end=len(s.text), what="年度资金总额", alternatives=((one,), (two,)))
    assert check_readings(s.ctx(rel)) == []


def test_each_check_is_asked_of_every_reading_on_its_own() -> None:
    # r8-08 seeded 10001000103%20: every reading's rate is off, but 得分 20 = min(103%, 100%) × 20 holds
    # in the first, so the row is a ratio finding and no score finding
    s = Sheet()
    cap = s.num("20", unit="分")
    first = _ratio(s, "1000", "1000", "103%")
    second = _ratio(s, "10001000", "10", "3%")
    score = s.num("20", unit="分")
    rule = "budget_execution"
    alternatives = (
        (first, FormulaScore(rule=rule, rate=first.rate, weight=cap.id, score=score.id)),
        (second, FormulaScore(rule=rule, rate=second.rate, weight=cap.id, score=score.id)),
    )
    rel = Readings(start=0, end=len(s.text), what="年度财政资金总额", alternatives=alternatives)
    assert [f.check for f in check_readings(s.ctx(rel))] == ["ratio"]


def test_readings_that_fail_on_the_same_cells_are_spelt_out_once() -> None:
    # r2-18: 8 | 2.12% | 8.5 is the score cells of several cuttings that differ only in their amounts
    s = Sheet()
    one, two = _ratio(s, "35550", "35550", "82.12%"), _ratio(s, "355503", "555010", "2.12%")
    rel = Readings(start=0, end=len(s.text), what="年度资金总额", alternatives=((one,), (one,), (two,)))
    (f,) = check_readings(s.ctx(rel))
    assert f.message.count("读作") == 2 and "3种读法" in f.message and not f.message.endswith("种")


def test_a_total_read_with_and_without_its_carry_over_fails_only_when_both_fail() -> None:
    # seed 003: 收入4286.67万元。其中：财政拨款3286.6万元，其他收入1000.07万元，上年结转865.18万元
    s = Sheet()
    total, a, b, carry = (s.num(x, unit="万元") for x in ("4286.67", "3286.6", "1000.07", "865.18"))
    without = SumRelation(total=total.id, items=(a.id, b.id))
    with_it = SumRelation(total=total.id, items=(a.id, b.id, carry.id))
    rel = Readings(start=0, end=len(s.text), what="收入", alternatives=((without,), (with_it,)), ambiguity="carryover")
    assert check_readings(s.ctx(rel)) == []
    wrong = s.num("4289.67", unit="万元")
    alternatives = tuple((r.model_copy(update={"total": wrong.id}),) for r in (without, with_it))
    (f,) = check_readings(s.ctx(rel.model_copy(update={"alternatives": alternatives})))
    assert (f.check, f.rule) == ("sum", "readings.sum.exhaustive")
    assert f.message.startswith("“收入”的其中各项列有结转结余，计入与不计入2种读法都不相符：读作“不计入结转结余”：")
    assert "；读作“计入结转结余”：" in f.message
