"""Full marks on an indicator that falls short of its target (the rows of r9-03: ≥4754人 met by
4604人 with 5 of 5; <=5300元/户 with 5830元/户 and 10 of 10), each number an interval."""

from __future__ import annotations

from typing import Literal

from review.checks.base import Context
from review.checks.targets import check_targets
from review.core.claims import TargetScore
from tests.checks.builders import Sheet


def _row(target: str, actual: str, weight: str, score: str, direction: Literal["at_least", "at_most"]) -> Context:
    sheet = Sheet()
    w = sheet.num(weight, "特困人员救助供养人数", unit="分")
    t = sheet.num(target, "年度指标值")
    a = sheet.num(actual, "全年实际值")
    s = sheet.num(score, "得分", unit="分")
    return sheet.ctx(TargetScore(direction=direction, target=t.id, actual=a.id, weight=w.id, score=s.id))


def test_full_marks_below_an_at_least_target_is_found() -> None:
    [f] = check_targets(_row("4754人", "4604人", "5", "5", "at_least"))
    assert f.severity == "medium" and f.check == "score"
    assert "4604人低于年度指标值4754人" in f.message


def test_full_marks_above_an_at_most_target_is_found() -> None:
    [f] = check_targets(_row("5300元", "5830元", "10", "10", "at_most"))
    assert "5830元高于年度指标值5300元" in f.message


def test_a_met_target_or_a_reduced_score_is_not_a_finding() -> None:
    assert check_targets(_row("4754人", "4800人", "5", "5", "at_least")) == []
    assert check_targets(_row("4754人", "4604人", "5", "4.8", "at_least")) == []
    assert check_targets(_row("5300元", "5300元", "10", "10", "at_most")) == []


def test_an_actual_that_rounds_to_the_target_is_not_a_finding() -> None:
    # 95% written to a whole percent may be 94.5%–95.5%: 94.6% does not fall short of it
    assert check_targets(_row("95%", "94.6%", "10", "10", "at_least")) == []
    assert check_targets(_row("95.0%", "94.6%", "10", "10", "at_least")) != []
