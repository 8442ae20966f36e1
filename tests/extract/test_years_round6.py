"""Years, round 6, on real report text: a state given as of a month (截至2021年8月底…) held to the
period, a dated value whose measure names a fund in brackets, and a repeated name that lists places
with 、 or qualifies a part in brackets. Excerpts (shortened) of dev corpus reports, named by sample."""

import pytest

from review.core.claims import YearMention
from tests.conftest import checks_of, review_text


def dates_of(text: str, period: int) -> list[str]:
    return [quote for check, quote in checks_of(text, period) if check == "date"]


def roles_of(text: str, period: int) -> list[tuple[str, int]]:
    mentions = [r for r in review_text(text, period).claims.relations if isinstance(r, YearMention)]
    return [(r.role, r.year) for r in mentions]


# r11-08 (福州市直达资金), r11-05 (水利发展资金), r2-21 (拨付): a state as of a month in the period
AS_OF = [
    ("截至2021年8月底,全市財政直達資金總額75.20億元,分配率99.5%。", 2021),
    ("截至 2017 年 10 月 10 日,2017 年中央財政水利發展資金已下達662.5億元。", 2017),
    ("截止2023年11月30日,已完成拨付801万元。", 2023),
]


@pytest.mark.parametrize(("text", "period"), AS_OF)
def test_a_state_as_of_a_month_is_an_as_of_date(text, period):
    assert ("as_of", period) in roles_of(text, period)
    assert dates_of(text, period) == []


@pytest.mark.parametrize(("text", "period"), AS_OF)
def test_a_state_as_of_a_month_before_the_period_is_flagged(text, period):
    assert "date.as_of_in_period" in {f.rule for f in review_text(text, period + 1).findings}


@pytest.mark.parametrize(("text", "period"), AS_OF)
def test_a_state_as_of_a_month_after_the_period_stays_silent(text, period):
    """A review of a year is written in it or after it: a state as of a later month is when it was written
    (r11-05's own 2017 年中央財政水利發展資金 is then a value of another year, flagged as such)."""
    rules = {f.rule for f in review_text(text, period - 1).findings}
    assert "date.as_of_in_period" not in rules


def test_a_year_end_state_stays_a_dated_value():
    text = "截止2023年12月31日,项目实际使用资金1076.47万元。"
    assert ("dated_value", 2023) in roles_of(text, 2023)
    assert "as_of" not in {role for role, _ in roles_of(text, 2023)}


@pytest.mark.parametrize(
    "text",
    [
        # r15-02 (镜湖区残联): the fund named in brackets after its kind
        "2023年下达镜湖区中央转移支付资金(残疾人事业发展补助资金)29.6万元,用于残疾人基本康复。",
        # r9-08 (部门决算): the measure's scope in brackets
        "本部门2023年度收支总计(含结转和结余)1323.65万元。",
    ],
)
def test_a_dated_value_may_name_its_fund_in_brackets(text):
    assert ("dated_value", 2023) in roles_of(text, 2023)
    assert dates_of(text, 2023) == []
    assert dates_of(text.replace("2023", "2022", 1), 2023) != []


def test_a_year_before_a_date_in_brackets_dates_no_value():
    """r1-08: the number after the bracket is a date (于2025年2月26日), no value of the year."""
    text = "及时分解下达2024年中央财政林草专项资金预算(第三批)于2025年2月26日省级下达资金文件。"
    assert "dated_value" not in {role for role, _ in roles_of(text, 2024)}


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # r11-02 (同心县): the project's name lists two villages with 、
        (
            "关于解决同心县2022年下马关镇上垣、下垣村乡村振兴人居环境综合整治示范村项目资金绩效目标设定\n",
            "资金用于同心县2022年下马关镇上垣、下垣村乡村振兴人居环境综合整治示范村项目,资金100万元。\n",
        ),
        # r9-04 (泉州市): a part qualified in brackets, once after a line break, once written without them
        (
            "附件:1.2022年度市级财政巩固拓展脱贫成果\n\n(应急救助项目)第一批补助资金分配表\n",
            "现将2022年市级财政巩固拓展脱贫成果应急救助项目第一批补助资金下达给你们。\n",
        ),
    ],
)
def test_a_name_with_places_or_a_bracketed_part_is_one_name(first, second):
    text = first + second
    assert [role for role, _ in roles_of(text, 2022)].count("named_year") == 2
    assert dates_of(text, 2022) == []
    assert dates_of(first + second.replace("2022", "2021", 1), 2022) != []


def test_different_names_with_places_stay_silent():
    """Two projects of different years, listed with 、 : not one name given two years."""
    text = (
        "同心县2021年下马关镇上垣、下垣村人居环境整治项目已完工。\n"
        "同心县2022年预旺镇南关、北关村乡村振兴示范村项目正在实施。\n"
    )
    assert "named_year" not in {role for role, _ in roles_of(text, 2022)}
    assert dates_of(text, 2022) == []


@pytest.mark.parametrize(
    "text",
    [
        # r11-02 (同心县): an advance allocation, cited as the funds' source
        "安排《自治区财政厅关于提前下达2022年中央财政衔接推进乡村振兴资金预算指标的通知》(宁财(农)指标[2021]558号)。",
        # r4-07 (**河县): the county's allocation after its file number
        "呼财农指【2022】10号文件《关于下达2022年中央水利发展资金预算的通知》。",
        # r13-11 (广西水污染防治): received on a day of the year before, in advance
        "2021年11月9日广西财政厅收到《财政部关于提前下达2022年水污染防治资金预算的通知》。",
    ],
)
def test_a_cited_notice_allocates_the_funds_of_the_period(text):
    assert ("allocated_year", 2022) in roles_of(text, 2022)
    assert dates_of(text, 2022) == []
    assert dates_of(text, 2023) != []


@pytest.mark.parametrize(
    "text",
    [
        # funds carried over from an earlier year's notice, and a settlement after the year
        "上年结转《关于下达2021年中央水利发展资金预算的通知》资金5万元。",
        "收到《关于下达2021年中央水利发展资金清算资金的通知》。",
        # r3-03 (文成县): a notice of the review work, which allocates nothing
        "根据《文成县财政局关于开展2023年财政支出绩效评价的通知》要求。",
    ],
)
def test_a_notice_of_another_year_that_allocates_no_funds_of_the_period_stays_silent(text):
    assert "allocated_year" not in {role for role, _ in roles_of(text, 2022)}
    assert dates_of(text, 2022) == []


def test_a_state_as_of_a_month_inside_its_clause_is_no_as_of_date():
    """截至2020年6月底完成投资80% (tests/extract/test_facts.py): the date does not frame the clause — a
    project's past state, which a later year's review may give."""
    text = "截至2020年6月底完成投资80%。"
    assert "as_of" not in {role for role, _ in roles_of(text, 2021)}
    assert dates_of(text, 2021) == []
