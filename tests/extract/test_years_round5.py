"""Years, round 5: a sentence saying the review of a year's projects was carried out or completed
(开展了2022年…绩效评价工作, 完成…2022年…绩效目标自评) states the year reviewed, and outweighs a year the
report names in passing. Excerpts (shortened) of two dev corpus reports."""

import pytest

from review.extract.rules.period import infer_period
from tests.conftest import checks_of

# dev r11-11 (重点项目绩效评价情况通报)
CARRIED_OUT = (
    "根据年度工作计划,我局组织开展了2022年重点项目绩效评价工作,现将评价情况通报如下:\n"
    "2021年共对9个重点项目进行了评价,其中项目支出评价4个、政策评价3个、部门整体评价2个。\n"
    "4 | 信安湖管理中心 | 信安湖堤防绿化养护项目(2021年度) | 318 | 良 |\n"
)
# dev r1-12 (中江县水利局 绩效目标自评 notice)
COMPLETED = (
    "现已完成中江县2022年衔接资金实施项目绩效目标自评,意见收集人:罗娟。\n"
    "2021年共下达衔接资金2个项目。\n"
    "2021年资金全部拨付到位。\n"
)


@pytest.mark.parametrize("text", [CARRIED_OUT, COMPLETED])
def test_a_review_carried_out_of_a_year_states_the_period(text):
    assert infer_period(text) == 2022


@pytest.mark.parametrize("text", [CARRIED_OUT, COMPLETED])
def test_the_year_named_in_passing_is_then_out_of_the_period(text):
    dated = [quote for check, quote in checks_of(text, None) if check == "date"]
    assert dated and all("2021年" in q for q in dated)


def test_a_cited_notice_that_launches_a_review_states_no_period():
    text = "根据《关于开展2020年度水利发展资金绩效评价工作的通知》,2021年资金全部拨付到位,2021年共实施2个项目。\n"
    assert infer_period(text) == 2021


# dev r13-11 (中央水污染防治资金绩效自评) and dev r11-02 (衔接资金项目): no year named but in dates and notices
NOTICES_ONLY = [
    "2021年11月9日广西财政厅收到《财政部关于提前下达2022年水污染防治资金预算的通知》(财资环〔2021〕103号)、"
    "2022年6月15日收到《财政部关于下达2022年水污染防治资金预算(第二批)的通知》,下达广西水污染防治资金共41470万元。\n",
    "安排《自治区财政厅关于提前下达2022年中央财政衔接推进乡村振兴资金预算指标的通知》(宁财(农)指标[2021]558号),"
    "资金总额500万元。\n",
]


@pytest.mark.parametrize("text", NOTICES_ONLY)
def test_a_report_naming_no_year_reviews_the_year_its_notices_allocate(text):
    assert infer_period(text) == 2022


def test_a_notice_settling_a_years_funds_states_no_period():
    text = "根据《关于下达2022年农业保险保费补贴清算资金的通知》,资金已拨付。\n"
    assert infer_period(text) is None
