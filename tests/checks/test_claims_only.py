"""Checks compute from claims alone: the unit and date checks built from hand-made claims, over a
text that holds only the quoted numbers (what the checks used to re-read is now in the claims)."""

from __future__ import annotations

from review.checks.base import Context
from review.checks.date import check_dates
from review.checks.unit import check_units
from review.core.claims import BudgetCeiling, Claims, DateRange, YearMention
from tests.checks.builders import qty

TEXT = "6024.595024万元 617705万元 2021年 2022年"


def test_budget_ceiling_compares_the_two_amounts_it_is_given() -> None:
    budget = qty("b", "6024.595024万元", 0, "6024.595024", "万元", "预算安排")
    amount = qty("a", "617705万元", TEXT.index("617705"), "617705", "万元", "发放补贴")
    small = qty("s", "6024.595024万元", 0, "6024.595024", "万元", "发放补贴")
    claims = Claims(quantities=(budget, amount), relations=(BudgetCeiling(amount="a", budget="b"),), budget_total="b")
    (f,) = check_units(Context(claims, TEXT, 2022))
    assert (f.check, f.severity, f.rule, f.quote) == ("unit", "high", "unit.part_exceeds_budget", "617705万元")
    no_ceiling = claims.model_copy(update={"relations": ()})
    assert check_units(Context(no_ceiling, TEXT, 2022)) == []  # an amount without a ceiling relation is no finding
    holds = Claims(quantities=(budget, small), relations=(BudgetCeiling(amount="s", budget="b"),))
    assert check_units(Context(holds, TEXT, 2022)) == []


def test_a_year_in_a_listing_of_years_is_not_a_stray_year() -> None:
    at = TEXT.index("2021年")
    stray = YearMention(year=2021, start=at, end=at + 5, role="dated_value", sentence_years=(2021,), line_start=-1)
    listed = stray.model_copy(update={"sentence_years": (2021, 2022)})
    assert [f.check for f in check_dates(Context(Claims(relations=(stray,)), TEXT, 2022))] == ["date"]
    assert check_dates(Context(Claims(relations=(listed,)), TEXT, 2022)) == []
    twice = (stray, stray.model_copy())
    assert len(check_dates(Context(Claims(relations=twice), TEXT, 2022))) == 1  # one finding per line and year


def test_review_work_may_follow_the_period_and_a_review_year_must_be_it() -> None:
    at = TEXT.index("2021年")
    work = YearMention(year=2021, start=at, end=at + 5, role="review_work")
    assert check_dates(Context(Claims(relations=(work,)), TEXT, 2020)) == []  # reviewed the year after
    (f,) = check_dates(Context(Claims(relations=(work,)), TEXT, 2022))
    assert (f.rule, f.trace) == ("date.review_work_in_period", "2021 < 2022")
    stated = YearMention(year=2021, start=at, end=at + 5, role="review_year", sentence_years=(2022,))
    assert [f.rule for f in check_dates(Context(Claims(relations=(stated,)), TEXT, 2022))] == [
        "date.review_year_in_period"
    ]
    assert check_dates(Context(Claims(relations=(stated,)), TEXT, 2021)) == []


def test_a_date_range_is_checked_by_its_order_alone() -> None:
    backwards = DateRange(start=0, end=5, first=(2022, 3), last=(2021, 11))
    (f,) = check_dates(Context(Claims(relations=(backwards,)), TEXT, None))
    assert (f.check, f.rule, f.trace) == ("date", "date.range_runs_forward", "2022-03 > 2021-11")
    forward = backwards.model_copy(update={"last": (2022, 3)})
    assert check_dates(Context(Claims(relations=(forward,)), TEXT, 2019)) == []


def test_grades_and_the_execution_rate_arrive_as_claims() -> None:
    from review.checks.rubric import check_budget_execution, check_rubric
    from review.core.claims import ExecutionRate, FormulaScore, GradeStatement

    text = "自评得分85分，评价等级为“优”。执行率96%"
    score = qty("s", "85分", text.index("85"), "85", "分", "自评得分")
    grade = GradeStatement(grade="优", band="优", start=text.index("评价"), end=text.index("”") + 1, score="s")
    (f,) = check_rubric(Context(Claims(quantities=(score,), relations=(grade,)), text, 2022))
    assert f.rule.startswith("rubric.grade_band") and "85" in f.message and "良" in f.message
    assert check_rubric(Context(Claims(quantities=(score,), relations=()), text, 2022)) == []
    rate = qty("r", "96%", text.index("96%"), "96", "%")
    claims = Claims(quantities=(score, rate), relations=(ExecutionRate(rate="r"),))
    assert check_budget_execution(Context(claims, text, 2022)) == []  # a rate with no 预算执行 score to check
    assert not any(isinstance(r, FormulaScore) for r in claims.relations)
