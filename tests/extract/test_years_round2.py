"""Years, round 2, on real report text: a form filed long after the year it names, values whose words
list with 、, and 元月 in a span of months. Excerpts (shortened) of dev corpus reports, named by sample."""

import pytest

from review.core.claims import DateRange, YearMention
from review.extract.rules.years import infer_period
from tests.conftest import checks_of, review_text


def dates_of(text: str, period: int) -> list[str]:
    return [quote for check, quote in checks_of(text, period) if check == "date"]


def roles_of(text: str) -> list[tuple[int, str]]:
    claims = review_text(text, None).claims
    return [(r.year, r.role) for r in claims.relations if isinstance(r, YearMention)]


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r10-01 (隆阳): the form's title year, filled in within the year after it, or two years on
        ("2022年度项目支出绩效自评表\n单位名称:隆阳区土壤肥料工作站 填报日期:2023年3月20日", 2022, []),
        ("2021年度项目支出绩效自评表\n单位名称:隆阳区土壤肥料工作站 填报日期:2023年3月20日", 2021, ["2021年度"]),
        # r10-11 (平泉): 填报日期 with spaces inside the date
        ("部门整体支出绩效评价自评报告\n(2023年度)\n填报日期 2024年 2月26日\n承德市财政局制", 2023, []),
        ("部门整体支出绩效评价自评报告\n(2022年度)\n填报日期 2024年 2月26日\n承德市财政局制", 2022, ["2022年度)"]),
        # r6-04 (保山)
        ("附件1\n2021年度项目支出绩效自评表\n单位名称:保山市退役军人事务局 填报日期:2023年4月6日", 2021, ["2021年度"]),
    ],
)
def test_a_form_is_filed_within_the_year_after_the_one_it_names(text, period, flagged):
    assert [q[: len(flagged[0])] for q in dates_of(text, period)] == flagged if flagged else not dates_of(text, period)


@pytest.mark.parametrize(
    "text",
    [
        # a web page's 发布日期 may come years after the report (r2-14, r4-08: 时间/日期 years on)
        "2018年度项目支出绩效自评表\n发布日期:2023年6月15日",
        "2021年度项目支出绩效自评表\n报告日期:2023年4月12日",
    ],
)
def test_a_page_put_out_years_later_is_no_late_filing(text):
    assert dates_of(text, int(text[:4])) == []
    assert [role for _, role in roles_of(text)] == ["review_year", "written_on"]


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r8-05 (秀屿): the words between the year and its value list levels of government with 、
        ("等文件要求,2024年省、市、区预算安排下达的财政示范创建专项资金共计2373.51万元,执行率100%。", 2024, False),
        ("等文件要求,2023年省、市、区预算安排下达的财政示范创建专项资金共计2373.51万元,执行率100%。", 2024, True),
        # r9-12 (渠县): 收、支总计
        (
            "第二部分2024年度单位决算情况说明\n一、收入支出决算总体情况说明\n2024年度收、支总计均为1523.26万元。",
            2024,
            False,
        ),
        (
            "第二部分2024年度单位决算情况说明\n一、收入支出决算总体情况说明\n2025年度收、支总计均为1523.26万元。",
            2024,
            True,
        ),
        # a list of years is not a dated value's words
        ("2023年、2024年分别下达资金100万元、120万元。", 2024, False),
    ],
)
def test_a_dated_values_words_may_list_with_a_pause_mark(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "first", "flagged"),
    [
        # r9-10 (岳阳县) and r8-06: 元月 is January
        ("項目起止時間 |\n2020年元月起至2020年12月止 |\n計劃安排資金", (2020, 1), False),
        ("項目起止時間 |\n2021年元月起至2020年12月止 |\n計劃安排資金", (2021, 1), True),
        ("时效指标:\n该项目实施期为2019年元月至2019年12月;\n成本指标", (2019, 1), False),
        ("时效指标:\n该项目实施期为2020年元月至2019年12月;\n成本指标", (2020, 1), True),
    ],
)
def test_yuanyue_opens_a_span_of_months(text, first, flagged):
    ranges = [r for r in review_text(text, None).claims.relations if isinstance(r, DateRange)]
    assert [r.first for r in ranges] == [first]
    period = ranges[0].last[0]  # the span's own last year: only a span that runs backwards is flagged
    assert any(q.startswith(f"{first[0]}年元月") for q in dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r3-03 (文成): the notices' 2024 and a count 上报2024年度 against one 对2023年度…开展了绩效自评
        (
            "文成县财政局关于2024年财政支出绩效评价结果的通报\n各预算部门(单位)对2023年度使用财政资金安排的各类项目"
            "支出开展了绩效自评,各部门(单位)上报2024年度支出项目绩效自评2630个,涉及金额340915.5112万元。",
            2023,
            ["2024年度支出项目绩效自评2630个"],
        ),
        # r2-14 (南宁): 我局已经对2018年度预算绩效进行自我评价, against a year named as often in passing
        (
            "2019年度预算收入500万元。\n我局已经对2018年度预算绩效进行自我评价。具体情况报告如下:",
            2018,
            ["2019年度预算收入500万元"],
        ),
    ],
)
def test_a_sentence_saying_which_year_is_reviewed_outweighs_a_year_named_in_passing(text, period, flagged):
    assert infer_period(text) == period
    # the year named in passing is flagged, and the statement too as the other side, nothing else being
    # dated in its year (date.review_year_against_content)
    found = sorted(q[: len(flagged[0])] for q in dates_of(text, period))
    statement = [q for q in found if q.startswith(f"{period}年度")]
    assert sorted([*flagged, *statement]) == found and len(statement) == 1


def test_a_review_statement_citing_another_review_adds_no_votes():
    # 根据…对2020年度…评价 names another review (NOT_REVIEW_BEFORE), so 2021 stays the period
    text = "2021年度预算收入500万元,根据对2020年度项目绩效评价的结果,调整了支出结构。"
    assert infer_period(text) == 2021


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r9-02 (省道): a year's planned construction reported done
        ("总体目标全年实际完成情况\n按计划完成2021年度省道公路建设。建设普通省道二级公路32.1公里", 2021, False),
        ("总体目标全年实际完成情况\n按计划完成2020年度省道公路建设。建设普通省道二级公路32.1公里", 2021, True),
        # r10-09 (安居): 完成2023年度53戶計劃任務
        ("集中支持6類重點對象,完成2023年度53戶計劃任務。\n(二)資金安排、分解下達", 2023, False),
        ("集中支持6類重點對象,完成2022年度53戶計劃任務。\n(二)資金安排、分解下達", 2023, True),
        # r6-18 (龙陵): last year's work finished this year, no 年度 plan
        ("完成2019年龙陵县省级后期扶持工作稽查整改;组织完成全市54个项目市级验收工作", 2020, False),
    ],
)
def test_a_years_planned_work_reported_done_is_of_the_period(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # r2-11 (产业扶贫): the period's only year, a year after the review work
        (
            "(一)财政专项扶贫资金下达预算及项目情况\n2021年县财政下达资金603万元,用于产业扶贫项目支出。\n"
            "于2020年10月16日至23日,对该项目的各项绩效指标完成情况进行了调查。",
            ["2021年县财政下达资金603万元", "2020年10月16日至23日"],
        ),
        # r5-11 (蔡寨村): the same template; review work in the year after the period is quiet
        (
            "我单位对该项目资金使用的效果情况进行自评。于2022年7月25日至26日,对该项目的各项绩效指标完成情况"
            "进行了调查。\n2021年西平县蔡寨乡蔡寨村养殖业基地项目下达资金110万元。",
            [],
        ),
    ],
)
def test_the_periods_mentions_cannot_come_after_the_review_work(text, flagged):
    quotes = dates_of(text, infer_period(text) or 0)
    assert sorted(next((f for f in flagged if q.startswith(f)), q) for q in quotes) == sorted(flagged)


@pytest.mark.parametrize(
    ("text", "written", "flagged"),
    [
        # r9-01 (旺苍): a form of 2021 put out in 2022, or one naming the year it was put out in
        (
            "发布时间:2022-06-01 来源:县卫生健康局 点击量:20169\n绩效目标自评表\n(2021年度)\n转移(项目)名称",
            (2022, 6),
            False,
        ),
        (
            "发布时间:2022-06-01 来源:县卫生健康局 点击量:20169\n绩效目标自评表\n(2022年度)\n转移(项目)名称",
            (2022, 6),
            True,
        ),
        # r1-16: 发布日期 ] 2021-08-03 in a page's header table
        ("[ 发布日期 ] 2021-08-03 [ 来源 ] 财政局\n项目支出绩效自评表(2020年度)", (2021, 8), False),
        ("[ 发布日期 ] 2021-08-03 [ 来源 ] 财政局\n项目支出绩效自评表(2021年度)", (2021, 8), True),
    ],
)
def test_a_dashed_date_a_page_was_put_out_on(text, written, flagged):
    mentions = [r for r in review_text(text, None).claims.relations if isinstance(r, YearMention)]
    assert [(m.year, m.month) for m in mentions if m.role == "written_on"] == [written]
    assert bool(dates_of(text, infer_period(text) or 0)) is flagged


def test_a_dashed_date_after_no_publishing_word_is_not_read():
    # r2-21: 时间: 2023-12-26 alone may be any time's
    assert roles_of("时间: 2023-12-26\n项目支出绩效自评表(2023年度)") == [(2023, "review_year")]
