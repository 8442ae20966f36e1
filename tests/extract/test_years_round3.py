"""Years, round 3, on real report text: a project's implementation period (项目起止时间, 实施期) held to the
year reviewed, and a notice dated after the year whose funds it allocates. Excerpts (shortened) of dev
corpus reports, named by sample."""

import pytest

from review.core.claims import DateRange, YearMention
from tests.conftest import checks_of, review_text


def dates_of(text: str, period: int) -> list[str]:
    return [quote for check, quote in checks_of(text, period) if check == "date"]


def spans_of(text: str) -> list[tuple[tuple[int, int], tuple[int, int], bool]]:
    ranges = [r for r in review_text(text, None).claims.relations if isinstance(r, DateRange)]
    return [(r.first, r.last, r.implementation) for r in ranges]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # r10-10 (南湖新区民政局): the form's field, its value on the next line
        ("项目起止时间\n\n2016年1月起至2016年12 月止\n\n计划安排资金", (2016, 1)),
        # r9-10 (岳阳县), a table cell; r6-05 (岳阳县), a web page's pinyin inside the word
        ("項目起止時間 |\n2020年元月起至2020年12月止 |\n計劃安排資金", (2020, 1)),
        ("項(xiàng)目起止時(shí)間\n\n2021年   1    月起至     2021    年    12   月止\n\n計(jì)劃", (2021, 1)),
        # r4-03 (原州区), run together with the cells around it; r8-06, in a sentence
        ("自治区主管部门农业农村厅专项实施期2022年3月-2022年11月市县财政部门", (2022, 3)),
        ("时效指标:\n该项目实施期为2019年元月至2019年12月;\n成本指标", (2019, 1)),
        # r21-07 (蒙城县) and r6-18: a span from a day to a day
        ("(4)起止时间:2024 年 1 月 1 日-2024 年 12 月 31 日。", (2024, 1)),
        ("项目起止时间为2020年1月1日至2020年12月31日。", (2020, 1)),
    ],
)
def test_an_implementation_period_is_read_as_one(text, first):
    ((got, _, implementation),) = spans_of(text)
    assert (got, implementation) == (first, True)


def test_a_span_from_a_day_written_a_year_early_is_flagged():
    text = "(4)起止时间:2023 年 1 月 1 日-2024 年 12 月 31 日。"
    assert spans_of(text) == [((2023, 1), (2024, 12), True)]
    assert dates_of(text, 2024) == ["2023 年 1 月 1 日-2024 年 12 月 31 日"]


def test_a_span_of_months_in_prose_is_no_implementation_period():
    text = "2021年3月至2021年10月,开展了项目建设。"
    assert spans_of(text) == [((2021, 3), (2021, 10), False)]
    assert dates_of(text, 2022) == []


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r10-10, r9-10, r6-05, r4-03: the period's own span, then its first year written one too early
        ("项目起止时间\n\n2016年1月起至2016年12 月止\n\n计划安排资金", 2016, False),
        ("项目起止时间\n\n2015年1月起至2016年12 月止\n\n计划安排资金", 2016, True),
        ("項目起止時間 |\n2019年元月起至2020年12月止 |\n計劃安排資金", 2020, True),
        ("項(xiàng)目起止時(shí)間\n\n2020年   1    月起至     2021    年    12   月止\n\n計(jì)劃", 2021, True),
        ("自治区主管部门农业农村厅专项实施期2021年3月-2022年11月市县财政部门", 2022, True),
        ("自治区主管部门农业农村厅专项实施期2022年3月-2022年11月市县财政部门", 2022, False),
        ("时效指标:\n该项目实施期为2019年元月至2020年12月;\n成本指标", 2019, True),
    ],
)
def test_an_implementation_period_lies_in_the_year_reviewed(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


_R1_21 = "2024年7月3日,《财政部 民政部关于下达2024年中央集中彩票公益金支持社会福利事业资金预算(第一批)的通知》"
_R1_17 = "2022年7月5日,《广西壮族自治区财政厅关于下达2022年城市管网及污水处理补助资金预算(中央)的通知》"


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r1-21 (民政) and r1-17 (广西): a notice dated in the year whose funds it allocates, then a year later
        (_R1_21, 2024, False),
        (_R1_21.replace("2024年7月", "2025年7月"), 2024, True),
        (_R1_17, 2022, False),
        (_R1_17.replace("2022年7月", "2023年7月"), 2022, True),
        # a settlement of the year's funds comes after it
        ("2023年3月5日,《财政厅关于下达2022年城市管网及污水处理补助资金清算的通知》", 2022, False),
    ],
)
def test_a_notice_is_dated_in_the_year_whose_funds_it_allocates(text, period, flagged):
    assert [q[:4] for q in dates_of(text, period)] == ([text[:4]] if flagged else [])


def test_a_settlement_notice_is_no_notice_date():
    text = "2023年3月5日,《财政厅关于下达2022年城市管网及污水处理补助资金清算的通知》"
    roles = [r.role for r in review_text(text, None).claims.relations if isinstance(r, YearMention)]
    assert "notice_date" not in roles
