"""Dates, units and consistency (checks: date, unit, consistency)."""

import pytest

from review.extract.rules.years import infer_period
from tests.conftest import checks_of, review_text


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("\n2022年度资源县中峰镇人民政府部门预算\n绩效自评报告\n", 2022),
        ("巨鹿县巨鹿镇人民政府\n2022年部门整体支出绩效评价报告\n", 2022),
        (
            "安肃镇部门年度预算项目绩效自评工作报告\n根据《关于开展2023年度财政资金绩效自评的通知》，2023年度…2023年…2021年9月8日开工\n",
            2023,
        ),
        ("工作报告\n无年份\n", None),
    ],
)
def test_period_inference(text, period):
    assert infer_period(text) == period


def test_event_dates_outside_the_period_are_one_finding_per_paragraph():
    text = (
        "该项目为2023年追加预算安排，项目2021年9月8日开工，2021年10月25日竣工，2021年10月26日验收。\n"
        "报告日期：2024年3月18日\n"
    )
    found = checks_of(text, 2023)
    assert len(found) == 1 and found[0][0] == "date" and found[0][1].startswith("2021年9月8日开工")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("开展“打非治违”行动次数年初目标值10次，2020年实际完成值11次，应得5分。", True),
        ("四是保障政策落实。2024年医疗保险参保率83.79%，落实“三免两补”400人。", True),
        ("2022年共设卡点3个，严格把控人员输入。", False),
        ("全镇2022年度检查验收2002年、2003年“退耕还林”工作，100%完成检查验收任务。", False),
        ("截至2022年12月，全镇防贫系统有843户3151人。", False),
    ],
)
def test_dated_values(text, flagged):
    assert (
        any(c == "date" for c, _ in checks_of(text, 2022 if "2022年" in text else 2021 if "2020年" in text else 2023))
        is flagged
    )


def test_amount_above_the_whole_budget_suggests_yuan():
    text = (
        "本部门2022年度预算安排6024.595024万元。\n"
        "发放高龄津贴2965人次，共计387350元；发放特困供养资金1466人次，共计617705万元；发放低保资金11832人次，共计1567895元；"
        "发放临时救助金133人次，共计130493元。\n"
    )
    (f,) = review_text(text, 2022).findings
    assert (f.check, f.severity, f.quote) == ("unit", "high", "617705万元")
    assert "61.7705万元" in f.message


def test_per_head_outlier_without_a_budget():
    text = (
        "发放高龄津贴2965人次，共计387350元；发放特困供养资金1466人次，共计617705万元；"
        "发放低保资金11832人次，共计1567895元；发放临时救助金133人次，共计130493元。"
    )
    (f,) = review_text(text, 2022).findings
    assert (f.check, f.quote) == ("unit", "617705万元")
    plausible = text.replace("617705万元", "61.7705万元")  # 421元 each: no outlier
    assert checks_of(plausible, 2022) == []


def test_target_and_actual_unit_price():
    text = (
        "产出指标中的数量指标补偿面积设定等于156.9亩，成本指标中的预算项目控制数等于492125元，"
        "因财力紧张只补偿了116.95亩，补偿金额292375元。"
    )
    found = checks_of(text, 2023)
    assert found == [("unit", "成本指标中的预算项目控制数等于492125元")]
    same_price = text.replace("492125元", "392250元")  # 156.9亩 × 2500元
    assert checks_of(same_price, 2023) == []


def test_fully_arrived_contradicted():
    text = "2021年度项目资金预算数4286.67万元，实际到位4212.62万元，预算资金全部到位。"
    assert checks_of(text, 2021) == [("consistency", "预算资金全部到位")]
    assert checks_of(text.replace("4212.62", "4286.67"), 2021) == []


def test_no_carryover_checked_against_income_and_expenditure():
    ok = "2023年度部门收入总额801.86万元。\n2023年度部门支出总额801.86万元。\n本年无结转结余。\n"
    assert checks_of(ok, 2023) == []
    bad = ok.replace("支出总额801.86", "支出总额781.86")
    assert checks_of(bad, 2023) == [("balance", "本年无结转结余")]


def test_planned_expenditure_must_balance_planned_income():
    text = (
        "2021年部门预算收入合计4286.67万元，其中：预算内财政拨款收入3286.6万元，其它收入1000.07万元.\n"
        "2021年部门预算安排支出合计1333.74万元，其中:基本支出871.44万元；项目支出462.3万元。\n"
    )
    assert checks_of(text, 2021) == [("consistency", "2021年部门预算安排支出合计1333.74万元")]


def test_same_fact_stated_twice_with_different_values():
    text = "绩效评价得分：97分。\n部门整体自评得分为95分。\n"
    assert checks_of(text, 2023) == [("consistency", "部门整体自评得分为95分")]
    assert checks_of(text.replace("95分", "97分"), 2023) == []


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # dev corpus r1-19 (桂林) and r1-13 (食品监管): the value stands a long phrase after its year
        ("2022年自治区下达桂林市中央及自治区就业补助资金共33832.24万元，", 2023, True),
        ("2023年自治区下达桂林市中央及自治区就业补助资金共33832.24万元，", 2023, False),
        ("2020年中央下达中央食品监管专项转移支付预算资金3万元。", 2021, True),
        ("2021年中央下达中央食品监管专项转移支付预算资金3万元。", 2021, False),
    ],
)
def test_a_value_dated_by_a_year_a_long_phrase_before_it(text, period, flagged):
    assert any(c == "date" for c, _ in checks_of(text, period)) is flagged


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # dev corpus r4-08 and r3-12: a web page's date above or beside the title
        ("2024年03月19日 星期二\n裕民县2021年10个重点项目绩效评价报告公开\n", 2021),
        ("项目支出绩效自评报告 全部类型海南琼中2025年06月26日\n2024年度项目资金100万元，2024年完成。\n", 2024),
    ],
)
def test_a_publication_date_is_not_the_period(text, period):
    assert infer_period(text) == period


@pytest.mark.parametrize(
    ("text", "period", "flagged"),
    [
        # dev corpus r6-14 (农村饮水, 安徽) and r4-03 (马铃薯, 宁夏): a month date or a deadline, then what was done
        ("工程于2021年2月12日开工,2020年6月底完成建设任务;", 2021, True),
        ("工程于2021年2月12日开工,2021年6月底完成建设任务;", 2021, False),
        ("指标1 2021年11月30日前完成资金支付 8 11月底完成", 2022, True),
        ("指标1 2022年11月30日前完成资金支付 8 11月底完成", 2022, False),
        ("截至2020年6月底完成投资80%。", 2021, False),  # a state at a date, not an event
    ],
)
def test_an_event_at_a_month_or_before_a_deadline(text, period, flagged):
    assert any(c == "date" for c, _ in checks_of(text, period)) is flagged


@pytest.mark.parametrize(
    "stated",
    [
        "我县美丽乡村示范村23个及自然村。共需资金8144万元",  # r8-06 (mianchi.gov.cn)
        "该项目需县级财政安排资金8144万元",  # r8-06, the same need restated
        "补助3期传承人研修培训计划资金8144万元",  # r1-18: a planned allocation
    ],
)
def test_an_amount_needed_or_planned_is_not_a_payment_of_the_budget(stated):
    """共需/需…安排/计划资金 state what a project needs or plans, not what this year's budget paid:
    larger than the budget is no unit slip. Ten times that amount paid out still is one (over 900 times the
    budget: a unit's scale, not a budget of narrower scope)."""
    budget = "年初预算安排87.7万元。\n"
    assert [c for c, _ in checks_of(budget + stated + "。", 2019) if c == "unit"] == []
    paid = budget + "已拨付补助资金81440万元。"
    assert [c for c, _ in checks_of(paid, 2019) if c == "unit"] == ["unit"]
