"""check_dates from hand-made YearMentions: a dated event or a dated value outside the period under
review; a multi-year listing is not a stray year; one finding per line, year and role."""

from __future__ import annotations

from typing import Literal

import pytest

from review.checks.base import Context
from review.checks.date import check_dates
from review.core.claims import DateRange, YearMention
from tests.checks.builders import Sheet, essentials, spans_ok

Role = Literal["event_date", "dated_value"]


def year_in(
    year: int, role: Role, period: int | None = 2022, listed: tuple[int, ...] = ()
) -> tuple[Sheet, YearMention, Context]:
    s = Sheet()
    s.write("于")
    start, end = s.write(f"{year}年")
    s.write("11月30日前完成资金支付。")
    rel = YearMention(year=year, start=start, end=end, role=role, sentence_years=listed or (year,), line_start=0)
    return s, rel, s.ctx(rel, period=period)


# rule, role, what the message calls it
FAILS = [
    pytest.param("date.event_date_in_period", "event_date", "事件日期", id="date.event_date_in_period"),
    pytest.param("date.dated_value_in_period", "dated_value", "数值所属年度", id="date.dated_value_in_period"),
]


@pytest.mark.parametrize(("rule", "role", "what"), FAILS)
def test_a_year_outside_the_period_is_flagged(rule, role, what) -> None:
    s, _, ctx = year_in(2021, role)
    (f,) = check_dates(ctx)
    assert essentials(f) == ("date", "low", rule)
    assert f.quote == "2021年" and spans_ok([f], s.text)
    assert f.message == f"年度不符：{what}为2021年，而本报告评价的是2022年度"
    assert (f.stated and f.stated.display, f.computed and f.computed.display) == ("2021年", "2022年度")


# year, role, period, the years its sentence names
HOLDS = [
    pytest.param(2022, "event_date", 2022, (), id="date.event_date_in_period-same-year"),
    pytest.param(2022, "dated_value", 2022, (), id="date.dated_value_in_period-same-year"),
    pytest.param(2021, "dated_value", 2022, (2021, 2022), id="date.dated_value_in_period-a-listing-of-years"),
    pytest.param(2021, "event_date", None, (), id="no-period-no-finding"),
]


@pytest.mark.parametrize(("year", "role", "period", "listed"), HOLDS)
def test_a_year_in_the_period_is_not_flagged(year, role, period, listed) -> None:
    assert check_dates(year_in(year, role, period, listed)[2]) == []


def test_a_listing_excuses_a_dated_value_but_not_an_event() -> None:
    _, _, ctx = year_in(2021, "event_date", listed=(2021, 2022))
    assert [f.rule for f in check_dates(ctx)] == ["date.event_date_in_period"]


def month_event(year: int, month: int, period: int = 2022) -> Context:
    s = Sheet()
    start, end = s.write(f"{year}年{month}月")
    s.write("省财政厅下达资金。")
    rel = YearMention(year=year, start=start, end=end, role="event_date", month=month, sentence_years=(year,))
    return s.ctx(rel, period=period)


@pytest.mark.parametrize(
    ("year", "month", "flagged"),
    [
        pytest.param(2023, 3, False, id="the-year-after-when-the-review-is-written"),
        pytest.param(2021, 12, False, id="the-last-quarter-before-funds-allocated-in-advance"),
        pytest.param(2021, 6, True, id="earlier-in-the-year-before"),
        pytest.param(2024, 3, True, id="two-years-on"),
    ],
)
def test_an_event_in_a_month_the_reviews_own_work_may_fall_in_is_not_stray(year, month, flagged) -> None:
    assert bool(check_dates(month_event(year, month))) is flagged


def test_one_finding_per_line_year_and_role_spanning_its_mentions() -> None:
    s, first, _ = year_in(2021, "event_date")
    start, end = s.write("2021年")
    again = first.model_copy(update={"start": start, "end": end})
    other_line = again.model_copy(update={"line_start": start})
    (f,) = check_dates(s.ctx(first, again))
    assert (f.start, f.end) == (first.start, end)
    assert len(check_dates(s.ctx(first, other_line))) == 2


def test_a_named_year_is_stray_only_against_the_same_name_in_the_period() -> None:
    s = Sheet()
    start, end = s.write("2022年度中央水利发展资金")
    named = YearMention(year=2022, start=start, end=end, role="named_year", name_years=(2023,), line_start=0)
    (f,) = check_dates(s.ctx(named, period=2023))
    assert essentials(f) == ("date", "low", "date.named_year_in_period")
    assert f.message == "年度不符：同一名称他处写为2023年，此处为2022年，而本报告评价的是2023年度"
    other_years_only = named.model_copy(update={"name_years": (2022, 2021)})
    assert check_dates(s.ctx(other_years_only, period=2023)) == []
    assert check_dates(s.ctx(named.model_copy(update={"year": 2023}), period=2023)) == []


def test_a_review_year_filed_before_its_end_is_flagged_on_the_statement() -> None:
    s = Sheet()
    start, end = s.write("自评表(2023年度)")
    stated = YearMention(year=2023, start=start, end=end, role="review_year", line_start=0)
    at, to = s.write("填报日期:2023年4月6日")
    filed = YearMention(year=2023, start=at, end=to, role="written_on", month=4, line_start=0)
    (f,) = check_dates(s.ctx(stated, filed, period=2023))
    assert essentials(f) == ("date", "low", "date.review_year_before_filing")
    assert (f.start, f.end) == (start, end)
    assert f.message == "年度不符：此处写明评价的是2023年度，而填报（发布）日期为2023年4月，早于该年度结束"
    in_december = filed.model_copy(update={"month": 12})
    assert check_dates(s.ctx(stated, in_december, period=2023)) == []
    next_year = filed.model_copy(update={"year": 2024, "month": 3})
    assert check_dates(s.ctx(stated, next_year, period=2023)) == []


def test_the_period_named_no_more_often_than_another_year_is_contested() -> None:
    s, rel, _ = year_in(2022, "event_date")
    claims = s.ctx(rel, period=2022).claims.model_copy(update={"period_rivals": (2021,)})
    (f,) = check_dates(Context(claims, s.text, 2022))
    assert essentials(f) == ("date", "low", "date.period_contested")
    assert f.message == "年度不一致：本报告写2022年与写2021年的次数相同，评价年度无法确定"
    listing = rel.model_copy(update={"role": "dated_value", "sentence_years": (2021, 2022)})
    claims = claims.model_copy(update={"relations": (listing,)})
    assert check_dates(Context(claims, s.text, 2022)) == []


def test_a_notice_dated_before_the_year_it_allocates_is_flagged() -> None:
    s = Sheet()
    start, end = s.write("2023年7月3日")
    notice = YearMention(year=2023, start=start, end=end, role="notice_date", name_years=(2024,), line_start=0)
    (f,) = check_dates(s.ctx(notice, period=2024))
    assert essentials(f) == ("date", "low", "date.notice_date_in_period")
    assert (
        f.message == "年度不符：下达2024年资金的文件日期为2023年，早于该年度且未写明提前下达，而本报告评价的是2024年度"
    )
    assert check_dates(s.ctx(notice.model_copy(update={"year": 2024}), period=2024)) == []


def test_a_notice_dated_after_the_year_it_allocates_is_flagged() -> None:
    """A settlement after the year (清算) is no notice_date claim (the extractor leaves it out), so a
    notice_date in a later year than the funds it allocates is a year written wrongly."""
    s = Sheet()
    start, end = s.write("2025年7月3日")
    notice = YearMention(year=2025, start=start, end=end, role="notice_date", name_years=(2024,), line_start=0)
    (f,) = check_dates(s.ctx(notice, period=2024))
    assert essentials(f) == ("date", "low", "date.notice_after_its_year")
    assert f.message == "年度不符：下达2024年资金的文件日期为2025年，晚于该年度"
    assert f.trace == "2025 > 2024"


def test_a_review_year_filed_two_years_on_is_flagged_on_the_statement() -> None:
    s = Sheet()
    start, end = s.write("2021年度项目支出绩效自评表")
    stated = YearMention(year=2021, start=start, end=end, role="review_year", line_start=0)
    at, to = s.write("填报日期:2023年4月6日")
    filed = YearMention(year=2023, start=at, end=to, role="filed_on", month=4, line_start=0)
    (f,) = check_dates(s.ctx(stated, filed, period=2021))
    assert essentials(f) == ("date", "low", "date.review_year_long_before_filing")
    assert (f.start, f.end) == (start, end)
    assert f.message == "年度不符：此处写明评价的是2021年度，而填报日期为2023年4月，晚于该年度一年以上"
    assert check_dates(s.ctx(stated.model_copy(update={"year": 2022}), filed, period=2022)) == []
    put_out = filed.model_copy(update={"role": "written_on"})  # a web page's 发布日期 may be years on
    assert check_dates(s.ctx(stated, put_out, period=2021)) == []


def test_the_periods_own_value_before_which_the_review_was_done_is_flagged() -> None:
    s = Sheet()
    start, end = s.write("2021年县财政下达资金603万元。\n")
    value = YearMention(year=2021, start=start, end=end, role="dated_value", sentence_years=(2021,), line_start=0)
    at, to = s.write("于2020年10月16日至23日,对该项目的各项绩效指标完成情况进行了调查")
    work = YearMention(year=2020, start=at, end=to, role="review_work", line_start=end)
    found = {f.rule: f for f in check_dates(s.ctx(value, work, period=2021))}
    assert set(found) == {"date.review_work_in_period", "date.period_after_review_work"}
    f = found["date.period_after_review_work"]
    assert (f.start, f.end) == (start, end)
    assert f.message == "年度不符：此处为2021年，而评价工作（填报）在2020年，早于该年度"
    later = work.model_copy(update={"year": 2022})
    assert check_dates(s.ctx(value, later, period=2021)) == []


def test_an_implementation_period_outside_the_year_reviewed_is_flagged() -> None:
    s = Sheet()
    start, end = s.write("2015年1月起至2016年12 月")
    span = DateRange(start=start, end=end, first=(2015, 1), last=(2016, 12), implementation=True)
    (f,) = check_dates(s.ctx(span, period=2016))
    assert essentials(f) == ("date", "low", "date.implementation_in_period")
    assert f.message == "年度不符：项目实施期为2015年1月至2016年12月，而本报告评价的是2016年度"
    assert f.trace == "2015-01..2016-12 ⊄ 2016"
    within = span.model_copy(update={"first": (2016, 1)})
    assert check_dates(s.ctx(within, period=2016)) == []
    assert check_dates(s.ctx(span.model_copy(update={"implementation": False}), period=2016)) == []
    assert check_dates(s.ctx(span, period=None)) == []


def test_statements_of_the_year_reviewed_that_disagree_are_flagged_on_both_sides() -> None:
    s = Sheet()
    a, b = s.write("2019年部门整体支出绩效评价报告")
    title = YearMention(year=2019, start=a, end=b, role="review_year", line_start=0)
    s.write("\n")
    c, d = s.write("对2018年度本单位整体支出进行了绩效自评")
    body = YearMention(year=2018, start=c, end=d, role="review_year", line_start=a + 17)
    found = check_dates(s.ctx(title, body, period=2019))
    rules = sorted((f.rule, f.start) for f in found)
    assert rules == [("date.review_year_in_period", c), ("date.review_years_disagree", a)]
    (other,) = [f for f in found if f.rule == "date.review_years_disagree"]
    assert other.message == "年度不一致：此处写明评价的是2019年度，他处写明评价的是2018年度"
    agreeing = body.model_copy(update={"year": 2019})
    assert check_dates(s.ctx(title, agreeing, period=2019)) == []
    event = body.model_copy(update={"role": "event_date"})
    # an event of the year before, the only one dated: the title is the contradiction's other side
    rules = sorted(f.rule for f in check_dates(s.ctx(title, event, period=2019)))
    assert rules == ["date.event_date_in_period", "date.review_year_against_content"]


def test_a_year_reviewed_that_everything_dated_comes_after_is_flagged_as_the_other_side() -> None:
    s = Sheet()
    a, b = s.write("项目支出绩效自评报告 (2017年度)")
    title = YearMention(year=2017, start=a, end=b, role="review_year", line_start=0)
    s.write("\n")
    c, d = s.write("2018年继续资助困难新生3000名")
    value = YearMention(year=2018, start=c, end=d, role="dated_value", sentence_years=(2018,), line_start=b)
    found = sorted((f.rule, f.start) for f in check_dates(s.ctx(title, value, period=2017)))
    assert found == [("date.dated_value_in_period", c), ("date.review_year_against_content", a)]
    (f,) = [f for f in check_dates(s.ctx(title, value, period=2017)) if f.rule == "date.review_year_against_content"]
    assert f.message == "年度不一致：此处写明评价的是2017年度，而报告所述资金、事项均在2018年"
    assert f.trace == "2017 ≠ 2018"
    # all of it in the year before: the same contradiction
    before = value.model_copy(update={"year": 2016, "sentence_years": (2016,)})
    rules = sorted(f.rule for f in check_dates(s.ctx(title, before, period=2017)))
    assert rules == ["date.dated_value_in_period", "date.review_year_against_content"]
    # a value of the period itself, an event in the last quarter before (提前下达), one years later: title not flagged
    own = value.model_copy(update={"year": 2017, "sentence_years": (2017,)})
    assert [f.rule for f in check_dates(s.ctx(title, value, own, period=2017))] == ["date.dated_value_in_period"]
    advance = before.model_copy(update={"role": "event_date", "month": 12})
    assert check_dates(s.ctx(title, advance, period=2017)) == []
    later = value.model_copy(update={"year": 2020, "sentence_years": (2020,)})
    assert [f.rule for f in check_dates(s.ctx(title, later, period=2017))] == ["date.dated_value_in_period"]
    listing = value.model_copy(update={"sentence_years": (2017, 2018)})
    assert check_dates(s.ctx(title, listing, period=2017)) == []
