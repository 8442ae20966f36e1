"""Years on real report text: which year a report reviews, and which year mentions the date check
may compare with it. Excerpts (shortened) of dev corpus reports, named by sample."""

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
    ("text", "period"),
    [
        # r3-03 (文成): the notices name the year the evaluation is done in; the report reviews 2023年度
        (
            "您现在的位置:首页\n > 基本信息公开\n文成县财政局关于2024年财政支出绩效评价结果的通报\n"
            "根据《文成县财政局关于做好2024年部门(单位)绩效评价工作的通知》(文财〔2024〕2号)和《文成县财政局关于"
            "开展2024年财政支出绩效评价的通知》(文财〔2024〕37号)等文件要求,各预算部门(单位)对2023年度使用财政资金"
            "安排的各类项目支出开展了绩效自评,各部门(单位)上报2023年度支出项目绩效自评2630个",
            2023,
        ),
        # r3-07 (长泰): a 2025 notice distributes the 2024 funds
        (
            "| 所在地区: | 福建-漳州-长泰县 | 发布日期: | 2025年6月27日 |\n一、中央专项彩票公益金下达情况\n"
            "根据《福建省财政厅关于2025年中央专项彩票公益金支持社会公益事业项目资金的通知》(闽财综指﹝2025﹞2号)文件,"
            "2024年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金440万元。\n"
            "长泰区2024年中央专项彩票公益金支持地方社会公益事业项目资金440万元。\n截至2025年6月工程进度款已拨付资金100.6万元",
            2024,
        ),
    ],
)
def test_the_names_of_cited_notices_do_not_name_the_period(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # r1-19 (桂林): the excerpt opens on a section heading, not a title; a changed first year is outvoted
        (
            "一、转移支付基本情况2022年自治区下达桂林市中央及自治区就业补助资金共33832.24万元,"
            "二、总体绩效目标完成情况2023年度就业补助资金绩效目标完成情况如下",
            2023,
        ),
        # r2-10 (西平): the second line is body text
        (
            "一、项目基本情况\n2022年下达财政衔接资金280万元,用于2023年西平县优质小麦种植补贴项目。\n"
            "综合评价:2023年西平县优质小麦种植补贴项目实现了预期绩效目标。",
            2023,
        ),
        # r2-08 (衡山): a title whose year the rest of the page does not share
        (
            "2019年度县级专项资金绩效目标自评表.docx\n《2020年度县级专项资金绩效目标自评表.docx》由会员分享\n"
            "1、2020年度县级专项资金绩效目标自评表专项资金名称县级储备粮",
            2020,
        ),
    ],
)
def test_the_period_is_the_year_the_report_names_most(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        (
            "項(xiàng)目支出績(jī)效自評(píng)報(bào)告\n評(píng)價(jià)年度:2022\n填報日期:2023年4月25日\n",
            2022,
        ),  # r3-10
        ("项目名称:某项目\n年度:2024年\n填报日期:2025年3月1日", 2024),  # r1-08
        ("二、项目资金使用及管理情况\n截止2023年12月31日,项目实际使用资金1076.47万元,资金使用率99%。", 2023),  # r3-04
        (
            "发布时间:2022-08-15\n时效指标\n\n指标1:食品监管专项工作整体完成时间\n\n2021年12月31日\n\n2021年12月31日",
            2021,
        ),  # r6-11
        ("项目支出绩效自评报告 全部类型海南琼中2025年06月26日\n", None),  # r3-12: a publication date is no period
    ],
)
def test_a_year_field_or_the_year_end_names_the_period(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r4-08 (裕民): an as-of date is not a second year of a listing
        (
            "2020年下达财政专项扶贫资金197万元,截止到2021年12月31日,实际已支付186.98万元,支付完成率为94.91%。",
            2021,
            True,
        ),
        (
            "2021年下达财政专项扶贫资金197万元,截止到2021年12月31日,实际已支付186.98万元,支付完成率为94.91%。",
            2021,
            False,
        ),
        # r1-13 (汶川): two amounts of different measures, one per year
        (
            "2021年度我局食品监管资金上年结转结余资金2万元,2020年中央下达中央食品监管专项转移支付预算资金3万元,",
            2021,
            True,
        ),
        # r3-05 (海口): the budget and the payment of one project
        ("2.资金:2021年云龙产业园基础设施配套路网项目预算经费为3483万元,2022年支付3483万元。", 2022, True),
        ("2.资金:2022年云龙产业园基础设施配套路网项目预算经费为3483万元,2022年支付3483万元。", 2022, False),
        # r4-04 (天津): a year in the name of the notice is no listing either
        (
            "为贯彻落实《天津市财政局关于下达2020年抗疫特别国债额度的通知》(津财预指[2020]31号)有关规定,"
            "现下达你单位2019年抗疫特别国债中央直达资金3400万元,用于供热补贴项目",
            2020,
            True,
        ),
        # one measure stated for two years is a listing (as in test_unseen_patterns), also when shortened
        ("其中2021年省级资金248000万元、中央资金597784万元,2022年省级316390万元、中央资金676073万元。", 2022, False),
        # one measure stated for two years is a listing (as in test_unseen_patterns)
        (
            "其中2021年省级资金248000万元、中央资金597784万元,2022年省级资金316390万元、中央资金676073万元。",
            2022,
            False,
        ),
    ],
)
def test_only_values_of_the_same_measure_make_a_multi_year_listing(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r1-07 (保山), r1-18 (广西非遗), r6-16 (东阳): a year, a comma, then what happened that year
        ("该项指标完成100%。2020年森林防火期,我市共发生森林火灾3起,低于市财政批复下达的控制指标82起;", 2021, True),
        ("该项指标完成100%。2021年森林防火期,我市共发生森林火灾3起,低于市财政批复下达的控制指标82起;", 2021, False),
        ("1.预算数:2020年,包含补助18个年度重点项目资金774万元、补助6名传承人记录工作资金240万元", 2021, True),
        (
            "项目绩效目标完成情况:一是2019年,东阳市文化和广电旅游体育局及其下属各单位组织开展了丰富多彩的公共文化服务活动,"
            "全年共计送书和流通图书下乡116559册次,送戏下乡197场",
            2020,
            True,
        ),
        # a year inside its clause frames nothing, and a reference's year dates nothing (r1-22, 崇阳)
        ("根据2020年下达的文件，安排资金50万元。", 2021, False),
        ("中央转移支付资金按照2020年度国家文物保护资金申报汇总绩效目标下达622万元。", 2021, False),
        ("按照2021年崇阳县全面实施预算绩效管理工作指南要求安排资金12万元", 2022, False),
    ],
)
def test_a_year_that_opens_its_clause_dates_the_values_after_it(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r2-17 (扶贫): a state at the end of a year
        ("逐步健全扶贫项目资金全过程绩效管理机制。2018年底,绩效目标填报比例100%,绩效目标审核比例100%。", 2019, True),
        ("逐步健全扶贫项目资金全过程绩效管理机制。2019年底,绩效目标填报比例100%,绩效目标审核比例100%。", 2019, False),
        # r3-04 (海南商务厅) and r4-08 (裕民): the state as of the period's last day
        ("(二)项目资金使用情况分析\n截止2022年12月31日,项目实际使用资金1076.47万元,资金使用率99%。", 2023, True),
        ("截至2020年12月31日,实际已支付101.59万元,支付完成率为94.06%。", 2021, True),
        ("截至2021年12月31日,实际已支付101.59万元,支付完成率为94.06%。", 2021, False),
        # a state at another date is as of the writing; a year-end deadline is a plan
        ("截至2022年6月底完成投资80%。", 2021, False),
        ("2022年底前完成建设任务,计划投资100万元。", 2021, False),
    ],
)
def test_a_state_at_the_end_of_a_year_is_dated_by_that_year(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "period", "quote"),
    [
        # r2-14 (南县) and r3-08 (区域协作): the report says which year it reviews
        (
            "根据《南县财政局关于做好2018年度预算绩效自评工作的通知》(南财绩【2019】7号)等文件的规定,"
            "我局已经对2017年度预算绩效进行自我评价。",
            2018,
            "2017年度预算绩效进行自我评价",
        ),
        ("积极按照文件要求对2016年度区域协作经费专项开展绩效评价。", 2017, "2016年度区域协作经费专项开展绩效评价"),
        # r1-09 and r4-03: the form's own year, in its heading
        ("部门预算项目支出绩效自评表(2022年度) | ||||||||||", 2023, "2022年度)"),
        ("马铃薯冲薯繁育示范推广项目绩效目标自评表(2021年度)项目总得分99分", 2022, "2021年度)"),
        # r6-04 (保山): a title naming the form and its year
        ("附件1\n2021年度项目支出绩效自评表\n单位名称:保山市退役军人事务局", 2022, "2021年度项目支出绩效自评表"),
    ],
)
def test_a_stated_review_year_outside_the_period(text, period, quote):
    assert dates_of(text, period) == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "根据《南县财政局关于做好2018年度预算绩效自评工作的通知》等文件的规定,我局已经对2018年度预算绩效进行自我评价。",
        "根据2017年度绩效自评报告反映的问题,我局已完成整改。",  # citing last year's review
        "部门预算项目支出绩效自评表(2018年度) | ||||||||||",
    ],
)
def test_a_review_year_in_the_period_or_of_another_review_is_quiet(text):
    assert dates_of(text, 2018) == []


def test_a_cited_evaluation_notice_of_another_fiscal_year_is_flagged():
    # dev r2-14 (南县) written with the notice one year early: the notice a review follows evaluates its year
    text = (
        "根据《南县财政局关于做好2017年度预算绩效自评工作的通知》等文件的规定,我局已经对2018年度预算绩效进行自我评价。"
    )
    assert dates_of(text, 2018) == ["2017年度预算绩效自评工作的通知》"]


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r5-11 (蔡寨) and r2-12 (黄石): the review's own work comes in the period or after it
        (
            "我单位对该项目资金使用的效果情况进行自评。于2021年7月25日至26日,对该项目的各项绩效指标完成情况进行了调查。",
            2022,
            True,
        ),
        (
            "我单位对该项目资金使用的效果情况进行自评。于2023年7月25日至26日,对该项目的各项绩效指标完成情况进行了调查。",
            2022,
            False,
        ),
        ("原因分析 | 2021年12月,第三方咨询单位已编制完成海绵城市自评估报告,并通过专家评审", 2022, True),
        ("原因分析 | 2023年3月,第三方咨询单位已编制完成海绵城市自评估报告,并通过专家评审", 2022, False),
        ("2023年3月完成绩效自评报告的编制。", 2022, False),  # once an event outside the period
    ],
)
def test_review_work_may_come_after_the_period_never_before(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r4-03 (马铃薯) and r6-05 (岳阳): a span of months runs forward
        ("原州区农业农村厅专项实施期2023年3月-2022年11月市县财政部门原州区财政局", 2022, True),
        ("原州区农业农村厅专项实施期2022年3月-2022年11月市县财政部门原州区财政局", 2022, False),
        ("項目起止時間\n\n2022年   1    月起至     2021    年    12   月止\n\n計劃安排資金", 2021, True),
        ("項目起止時間\n\n2021年   1    月起至     2021    年    12   月止\n\n計劃安排資金", 2021, False),
    ],
)
def test_a_date_range_must_run_forward(text, period, flagged):
    assert any(isinstance(r, DateRange) for r in review_text(text, period).claims.relations)
    assert bool(dates_of(text, period)) is flagged


def test_what_each_year_is_read_as():
    text = (
        "我局已经对2018年度预算绩效进行自我评价。\n"
        "于2019年3月5日至6日,对该项目的各项绩效指标完成情况进行了调查。\n"
        "项目2018年9月8日开工。\n2018年下达资金603万元。\n"
        "《关于下达2018年资金预算的通知》\n"
    )
    assert roles_of(text) == [
        (2018, "review_year"),
        (2019, "review_work"),
        (2018, "event_date"),
        (2018, "dated_value"),
        (2018, "allocated_year"),  # the cited notice allocates the year's funds (tests/extract/test_years_round6.py)
    ]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("较2020年增长15%，全年完成投资120万元。", 2021),  # a comparison
        ("2019-2021年三年行动计划投入资金500万元。", 2022),  # a plan's span
        ("2022年3月开展自评，自评得分95分。", 2021),  # the review, done the year after
        ("发布日期：2022年1月5日\n上年结转资金20万元。", 2021),
        ("根据某财〔2021〕12号文件，下达资金50万元。", 2022),  # a document number
        ("依据2020年省级文件安排资金50万元。", 2021),  # a reference
    ],
)
def test_other_years_a_report_legitimately_names(text, period):
    assert dates_of(text, period) == []


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r4-07 (**河县): the report's subject named with another year in its body
        (
            "**河县2023年度中央水利发展资金 绩效自评报告\n下达**河县2023年中央水利发展资金2263万元。\n"
            "(三)实施项目情况\n**河县2022年度中央水利发展资金项目,主体工程基本全部完工。",
            2023,
            ["2022年度中央水利发展资金"],
        ),
        (
            "**河县2023年度中央水利发展资金 绩效自评报告\n下达**河县2023年中央水利发展资金2263万元。\n"
            "(三)实施项目情况\n**河县2023年度中央水利发展资金项目,主体工程基本全部完工。",
            2023,
            [],
        ),
        # r5-15 (固始): a project named four times, once with another year
        (
            "现将2024年固始县祖师庙镇仰天洼社区产业设施配套项目绩效自评情况报告如下:\n"
            "计划资金全部到位56万元,2025年固始县祖师庙镇仰天洼社区产业设施配套项目已验收结算。",
            2024,
            ["2025年固始县祖师庙镇仰天洼社区产业设施配套项目"],
        ),
        (
            "现将2024年固始县祖师庙镇仰天洼社区产业设施配套项目绩效自评情况报告如下:\n"
            "计划资金全部到位56万元,2024年固始县祖师庙镇仰天洼社区产业设施配套项目已验收结算。",
            2024,
            [],
        ),
        # a name only ever given another year is another year's project; a comparison dates no name
        (
            "2022年固始县祖师庙镇仰天洼社区产业设施配套项目已完工。\n2022年固始县祖师庙镇仰天洼社区产业设施配套项目已验收。",
            2024,
            [],
        ),
        (
            "2024年中央水利发展资金项目进展顺利。\n较2023年中央水利发展资金项目提前完工。",
            2024,
            [],
        ),
    ],
)
def test_a_repeated_name_keeps_its_year(text, period, flagged):
    assert dates_of(text, period) == flagged


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r1-02 (pipe table) and r6-11 (cells on their own lines): a timeliness indicator's target and actual
        ("时效指标 | 项目完工时限 | 2024年12月 | 2023年10月 | 15 | 15 | 无 |", 2023, ["2024年12月"]),
        ("时效指标 | 项目完工时限 | 2023年12月 | 2022年10月 | 15 | 15 | 无 |", 2023, ["2022年10月"]),
        ("时效指标 | 项目完工时限 | 2023年12月 | 2023年10月 | 15 | 15 | 无 |", 2023, []),
        (
            "指标1:食品监管专项工作整体完成时间\n\n2020年12月31日\n\n2021年12月31日\n\n5\n\n效益指标",
            2021,
            ["2020年12月31日"],
        ),
        ("指标1:食品监管专项工作整体完成时间\n\n2021年12月31日\n\n2021年12月31日\n\n5\n\n效益指标", 2021, []),
        # a date that is no indicator's cell is not read as one
        ("项目完工时限为2024年12月,目前正在施工。", 2023, []),
    ],
)
def test_a_timeliness_indicator_is_due_and_done_in_the_period(text, period, flagged):
    assert dates_of(text, period) == flagged


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # r6-18 (保山移民): 2020 and 2021 named as often; the project ran from 2020年1月1日 to 2020年12月31日
        (
            "一、项目基本情况\n项目起止时间为2020年1月1日至2020年12月31日。\n"
            "二、项目绩效自评工作开展情况\n2021年我市移民后期扶持完成直补资金发放1344.485万元。\n"
            "全市2020年批复大中型水库库区基金项目年度计划59项。全市2021年批复大中型水库库区基金项目年度计划39个。\n"
            "2020年全市895户2414人大中型水库建档立卡。完成2020年省级美丽家园·移民新村建设项目竞争立项工作;"
            "组织开展2021年省级项目竞争立项工作",
            2020,
        ),
        # r6-11 (安居): an indicator's 完成时间 is an event, not when the report was written
        (
            "绩效自评表\n一、资金情况\n2020年下达资金50万元。\n2021年下达资金60万元。\n"
            "指标1:食品监管专项工作整体完成时间\n\n2021年12月31日\n",
            2021,
        ),
        # r6-04 (保山), r3-07 (长泰): a 填报日期 or a state as of the writing breaks no tie; the year named first does
        (
            "一、项目资金情况\n(一)资金下达情况\n2022年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金440万元。\n"
            "长泰区2023年中央专项彩票公益金支持地方社会公益事业项目资金440万元。\n截至2023年6月30日工程进度款已拨付资金100.6万元\n"
            "单位名称:保山市退役军人事务局 填报日期:2023年4月6日",
            2022,
        ),
        (
            "一、项目资金情况\n(一)资金下达情况\n2022年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金440万元。\n"
            "长泰区2023年中央专项彩票公益金支持地方社会公益事业项目资金440万元。\n截至2023年6月30日工程进度款已拨付资金100.6万元",
            2022,
        ),
    ],
)
def test_a_tie_goes_to_the_year_the_dated_events_fall_in(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # r2-17 (泗县): the title writes its year without 年; one changed year-end state is outvoted
        ("2019泗县扶贫项目绩效自评抽查报告\n机制。2018年底,绩效目标填报比例100%,绩效目标审核比例100%。", 2019),
        # r6-12 (临夏): 对2023转移支付资金进行了绩效自评
        (
            "临夏州退役军人事务局\n\n临夏市对2023转移支付资金进行了绩效自评,现将自评报告如下:\n2024年下达资金50万元。",
            2023,
        ),
        # a number at a line's start is no year (r7-03: 2000平方米), nor an amount
        ("2000平方米,产量10万斤,项目绩效自评良好。\n2021年下达资金50万元。", 2021),
        ("2020元用于开展绩效评价工作。\n2021年下达资金50万元。", 2021),
    ],
)
def test_a_year_written_without_nian_names_the_review(text, period):
    assert infer_period(text) == period


def test_a_title_year_without_nian_outside_the_period_is_flagged():
    assert dates_of("2018泗县扶贫项目绩效自评抽查报告\n", 2019) == ["2018"]
    assert dates_of("2019泗县扶贫项目绩效自评抽查报告\n", 2019) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # r7-03 (扶贫酒厂): no year is named but in the date that opens what happened then
        (
            "财政专项扶贫资金绩效自评报告\n年度资金40.83万元。\n2020年11月10日,镇村扶贫酒厂因环保要求和市场原因停产。",
            2020,
        ),
        # r1-21 (彩票公益金): the notice's own year is cited; the date it came on opens the clause
        (
            "资金使用情况\n2024年7月3日,《财政部 民政部关于下达2024年中央集中彩票公益金支持社会福利事业资金的通知》",
            2024,
        ),
        # a date inside a clause, or a publication line, names no period (r3-12)
        ("财政专项扶贫资金绩效自评报告\n镇村扶贫酒厂于2020年11月10日停产。", None),
    ],
)
def test_without_a_named_year_the_dates_that_open_a_clause_vote(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r6-04 (保山) and r8-08 (襄阳): a form of a year, filled in before that year was over
        (
            "附件1\n2023年度项目支出绩效自评表\n单位名称:保山市退役军人事务局 填报日期:2023年4月6日",
            2023,
            ["2023年度项目支出绩效自评表"],
        ),
        ("附件1\n2022年度项目支出绩效自评表\n单位名称:保山市退役军人事务局 填报日期:2023年4月6日", 2022, []),
        (
            "2022年度财政项目绩效自评表单位名称:襄阳市中心医院填报日期:2022年3月18日项目名称东津院区建设补助",
            2022,
            ["2022年度财政项目绩效自评表"],
        ),
        ("2021年度财政项目绩效自评表单位名称:襄阳市中心医院填报日期:2022年3月18日项目名称东津院区建设补助", 2021, []),
        # filed in a year before the one the report reviews, with no statement of the year to blame
        ("项目名称:某项目\n评价年度:2024\n填报日期:2023年12月1日", 2024, ["2023年12月1日"]),
    ],
)
def test_a_year_is_reviewed_once_it_is_over(text, period, flagged):
    assert dates_of(text, period) == flagged


def test_a_filing_date_is_read_with_its_month():
    text = "2022年度项目支出绩效自评表\n填报日期:2023年4月6日"
    mentions = [r for r in review_text(text, None).claims.relations if isinstance(r, YearMention)]
    assert [(m.year, m.role, m.month) for m in mentions] == [(2022, "review_year", None), (2023, "filed_on", 4)]


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r6-11 (安居): an indicator's target and actual, the report's only years, a year apart
        (
            "时效指标\n\n指标1:食品监管专项工作整体完成时间\n\n2020年12月31日\n\n2021年12月31日\n\n5\n\n效益指标",
            2020,
            ["2020年12月31日", "2021年12月31日"],
        ),
        # r3-07 (长泰): the same 440万元 given to 2023 and to 2024, once each
        (
            "| 发布日期: | 2025年6月27日 |\n一、中央专项彩票公益金下达情况\n"
            "2023年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金440万元。\n"
            "(一)资金投入情况分析\n长泰区2024年中央专项彩票公益金支持地方社会公益事业项目资金440万元。",
            2023,
            [
                "2023年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金440万元",
                "2024年中央专项彩票公益金支持地方社会公益事业项目资金440万元",
            ],
        ),
        # named once more, the period is no longer contested
        (
            "时效指标\n\n指标1:食品监管专项工作整体完成时间\n\n2021年12月31日\n\n2021年12月31日\n\n5\n\n效益指标",
            2021,
            [],
        ),
    ],
)
def test_a_report_naming_two_years_as_often_is_flagged_on_both(text, period, flagged):
    review = review_text(text, None)
    assert review.period == period
    assert sorted(f.quote for f in review.findings if f.check == "date") == sorted(flagged)


def test_a_given_period_is_never_contested():
    text = "时效指标\n\n指标1:整体完成时间\n\n2020年12月31日\n\n2021年12月31日\n\n5\n"
    assert review_text(text, None).claims.period_rivals == (2021,)
    assert review_text(text, 2021).claims.period_rivals == ()


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # r1-21 (彩票公益金) and r1-17 (广西管网): a notice allocating a year's funds, dated before that year
        (
            "2023年7月3日,《财政部 民政部关于下达2024年中央集中彩票公益金支持社会福利事业资金预算(第一批)的通知》",
            ["2023年7月3日"],
        ),
        (
            "2023年7月5日,《广西壮族自治区财政厅关于下达2024年城市管网及污水处理补助资金预算(中央)的通知》",
            ["2023年7月5日"],
        ),
        ("2024年7月3日,《财政部 民政部关于下达2024年中央集中彩票公益金支持社会福利事业资金预算(第一批)的通知》", []),
        # r1-21 and r6-07 (云南): an advance allocation says so; a settlement may come the year after
        ("2023年11月15日,《财政部 民政部关于提前下达2024年中央集中彩票公益金支持社会福利事业专项资金预算的通知》", []),
        ("2023年12月省财政厅下达《云南省财政厅关于提前下达2024年中央补助地方公共文化服务体系建设专项资金的通知》", []),
        ("2025年3月1日,《财政部关于下达2024年中央集中彩票公益金清算资金的通知》", []),
        # r5-11 (西平): a plan approved ahead of its year allocates nothing
        ("2023年12月29日县领导小组下发了《关于对2024年少数民族发展任务项目投资计划的批复》", []),
    ],
)
def test_a_notice_allocating_a_years_funds_comes_in_that_year_unless_in_advance(text, flagged):
    assert dates_of(text, 2024) == flagged


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # dev r10-01 (隆阳区): the project's name, with the year of its funds, in the title and again in
        # the form's 项目名称; the form says once which year it reviews
        (
            "隆阳区2021年中央化肥减量增效示范县项目补助资金绩效自评\n- 日期\n- 2023-05-29\n"
            "2022年度项目支出绩效自评表\n单位名称:隆阳区土壤肥料工作站 填报日期:2023年3月20日\n"
            "项目名称 | 隆阳区2021年中央化肥减量增效示范县项目补助资金 | ||||||||\n",
            2022,
        ),
        # dev r2-01 (棠溪镇): the national form's title 项目支出绩效自评表 (2022年度), against a project whose
        # name carries its funds' year twice
        (
            "附件: 项目支出绩效自评表 (2022年度) 项目名称 2021年度农村道路建设项目 主管部门 棠溪镇人民政府\n"
            "本项目即2021年度农村道路建设项目共申请预算资金90万元。\n",
            2022,
        ),
        # dev r4-07 (**河县): a name repeated with the period's own year still names the period
        (
            "**河县2023年度中央水利发展资金项目绩效自评报告\n"
            "《关于下达2023年中央水利发展资金预算的通知》,下达**河县2023年度中央水利发展资金项目资金1000万元。\n",
            2023,
        ),
    ],
)
def test_the_forms_own_title_year_outweighs_a_name_it_repeats(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # r12-06 (北京市文物局), r12-02 (随州) and r11-12 (天星镇): a final-accounts report names the year it closes
        ("北京市文物局所属单位28家参加了2021年度部门决算,包括北京市文物局本级和27家事业单位。", 2022, True),
        ("北京市文物局所属单位28家参加了2021年度部门决算,包括北京市文物局本级和27家事业单位。", 2021, False),
        ("随州市公安局曾都区分局2019年决算公开报告\n目录", 2020, True),
        ("昭通市大关县天星镇中心卫生院2021年部门决算公开表\n收入支出决算总表", 2020, True),
        ("昭通市大关县天星镇中心卫生院2021年部门决算公开表\n收入支出决算总表", 2021, False),
        # r9-08 and r5-01: a year compared with, or a year's column of final figures, is not the one reviewed
        ("本年收入3.65万元。与2018年度决算相比,收支各增加1.2万元。", 2019, False),
        ("经费控制情况(万元\n\n2022 年决算数\n\n2023 年预算数", 2023, False),
    ],
)
def test_the_year_of_the_final_accounts_is_the_year_reviewed(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


def test_a_final_accounts_year_is_read_as_the_review_year():
    assert roles_of("北京市文物局2021年度部门决算\n第二部分 2021年度部门决算说明") == [
        (2021, "review_year"),
        (2021, "review_year"),
    ]


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # eval/samples 003 (天城镇) and r1-22 (布达拉宫): a year heading an account of its state dates its values
        ("2021年度部门收入情况：天城镇人民政府收入4286.67万元。其中：一般公共预算财政拨款3286.6万元。", 2022, True),
        ("2021年度部门收入情况：天城镇人民政府收入4286.67万元。其中：一般公共预算财政拨款3286.6万元。", 2021, False),
        (
            "二、绩效目标分解下达情况\n\n2020年度分解下达中央转移支付项目绩效目标情况,一是布达拉宫管理处年初预算内项目资金"
            "6152万元绩效目标按照预算申报绩效核定",
            2021,
            True,
        ),
        # r9-04 and r1-13: inside its clause such a year heads nothing
        ("结合各镇上报的2021年巩固拓展脱贫成果应急救助项目申报情况,现将第一批补助资金30万元分配如下", 2022, False),
    ],
)
def test_a_year_heading_an_account_of_its_state_dates_its_values(text, period, flagged):
    assert bool(dates_of(text, period)) is flagged


def test_final_accounts_listed_among_the_evidence_state_no_review_year():
    # eval/samples 003 (天城镇): the documents gathered for the review
    text = (
        "已收集相关的佐证材料；2021年县委及县政府布置工作任务文件、2021年预算报表及说明，2021年决算报表、2021年工作计划"
    )
    assert (2021, "review_year") not in roles_of(text)


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # an act on a day after 于 (r16-05 临沂, r16-11 省级, r22-03 埇桥) or named before it (r22-03)
        ("结合秋季蔬菜保供,于2021年8月11日按比例给各镇街分配救灾资金。", 2022, ["2021年8月11日"]),
        ("省财政厅分别于2021年6月17日、9月13日将3批中央农业生产和水利救灾资金下达。", 2022, ["2021年6月17日"]),
        ("埇桥区扶贫开发领导小组分别于2019年2月21日下达《关于埇桥区第二批项目的批复》", 2020, ["2019年2月21日"]),
        ("一、基本情况\n产业扶贫到户项目立项于2019年2月4日,共支持8户贫困户实施自种自养类项目", 2020, ["2019年2月4日"]),
        # a month that opens its clause and the act the clause states (r20-08 东区, r21-02 宁国)
        ("50万元用于修建旅游厕所。2018年4月,资金下达到攀枝花市东区。", 2019, ["2018年4月"]),
        ("做好冬春救助工作,2018年9月中旬宁国市应急管理局印发《关于开展今冬明春救助的通知》", 2019, ["2018年9月"]),
        # a year that opens its clause and dates what was done (r15-05 池州, r24-09 动物防疫, r17-08 高其坑)
        ("加快推进全市城市老旧小区改造,2019年池州市继续针对建成年代较早的小区实施改造。", 2020, ["2019年"]),
        ("二、资金保障\n\n2022年动物强制免疫和病死动物无害化处理经费由中央和省级财政承担。", 2023, ["2022年"]),
        ("改善村民生产生活条件。2018年通过统筹整合财政涉农资金项目立项。", 2019, ["2018年"]),
        # the same in the period: nothing
        ("结合秋季蔬菜保供,于2022年10月11日按比例给各镇街分配救灾资金。", 2022, []),
        ("二、资金保障\n\n2023年动物强制免疫和病死动物无害化处理经费由中央和省级财政承担。", 2023, []),
    ],
)
def test_a_date_that_dates_the_act_its_clause_states_is_an_event(text, period, flagged):
    assert dates_of(text, period) == flagged


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2021年底前完成建设任务,计划投资100万元。", 2022),  # a deadline
        ("计划2021年春节后动工。", 2022),  # a plan
        ("全镇2022年度检查验收2002年、2003年“退耕还林”工作,100%完成检查验收任务。", 2022),  # a list of years
        ("2021年3月至2021年10月,开展了项目建设。", 2022),  # a span of months
        ("2023年3—6月,教育部在对各地报送的年度绩效自评材料进行审核评价。", 2022),  # months the reader takes no month of
        ("2023年3月,县财政局组织开展绩效自评。", 2022),  # the year after: the review's own work
        ("2021年12月,省财政厅提前下达资金50万元。", 2022),  # the quarter before: funds allocated in advance
        ("财政供养人员情况\n\n编制数\n\n2022 年实际在职人数\n\n控制率", 2023),  # a table's column
    ],
)
def test_dates_of_other_acts_a_report_legitimately_names(text, period):
    assert dates_of(text, period) == []


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # a timeliness indicator's year-end deadline (r23-06 霍邱 in cells, r15-02 in prose)
        ("时效指标 2021年底之前 2022年底之前 达成预期指标 10 10", 2022, ["2021年"]),
        ("2、产出时效指标:项目完成时间年初指标值为2021年12月底,实际在规定时间内完成。", 2022, ["2021年12月"]),
        ("时效指标 2022年底之前 2022年底之前 达成预期指标 10 10", 2022, []),
        # a table's title line opening with its year (r27-02 松江 纪委, r26-01 乐昌 中职)
        ("故本表无数据。\n2018年度资产负债情况表\n|\n金额单位:万元\n", 2019, ["2018年度"]),
        ("附件1 | |||||||\n2017年中职学校国家助学金和免学费补助资金安排表 | ||||||\n", 2018, ["2017年"]),
        ("故本表无数据。\n2019年度资产负债情况表\n|\n金额单位:万元\n", 2019, []),
    ],
)
def test_a_deadline_and_a_tables_title_are_of_the_period(text, period, flagged):
    assert dates_of(text, period) == flagged


@pytest.mark.parametrize(
    "text",
    [
        # r13-02 (区 部门决算) and a 县 部门决算 pool page (not in the corpus): the cause of a change over last year
        # names last year's figures
        "收支较上年决算数减少3,888.01万元、下降14%,主要原因是区交通局2020年凌云路项目收支2,000万元,2021年无该项目。",
        "收支较上年决算数减少701.01万元、下降18.5%,主要原因是2020年有政府性基金预算财政拨款收入710万元。",
    ],
)
def test_the_cause_of_a_change_over_last_year_names_last_years_figures(text):
    assert dates_of(text, 2021) == []
