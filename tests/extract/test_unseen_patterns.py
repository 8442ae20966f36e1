"""Patterns from real reports the rules were not written for: each once raised a false alarm or
was missed. Kept as regression cases (texts shortened and anonymised)."""

import pytest

from tests.conftest import checks_of

QUIET = [
    # a parenthetical note of a project's origin year is not a stray dated value
    ("实施项目共15个(含2023年转列暂付性款项项目5个),年初批复预算8个项目985万元,调整预算后项目预算861.46万元。", 2024),
    # a list of equipment sharing a unit is not a total and its parts
    ("分为序厅等28个展区以及174台拼接屏、30台主机工作站、4台高清投影仪、18台网络数据通讯设备。", 2024),
    # growth rates are not additive
    (
        "收入792.22万元。同比上年度增加189.25万元,增加31.39%。其中:财政拨款收入792.22万元,同比上年度增加209.28万元,增加35.9%。",
        2022,
    ),
    # amount-first items under 其中
    ("本项目共申请预算资金90万元。其中:30万元用于工程预算编制;30万元用于工程审计;30万元用于设计、规划、测绘。", 2022),
    # 分别: one value per year and measure
    ("2021年、2022年某省分别立项实施高标准农田项目620万亩、640万亩,同步发展高效节水灌溉项目166万亩、167万亩。", 2022),
    # a multi-year listing in one sentence
    (
        "共计1838247万元,其中2021年省级资金248000万元、中央资金597784万元,2022年省级资金316390万元、中央资金676073万元。",
        2022,
    ),
    # a 其中 list does not run across inline section headings into the next section
    (
        "共计239万元,其中上级资金179.25万元,本级59.75万元,项目绩效目标是保证学校的正常运转二、项目资金使用及管理情况资金严格按照要求使用三、预算支出组织实施情况我校财政安排支出共计87.06万元",
        2022,
    ),
    # a rate followed by the actual rate is a target/actual pair of a flattened table
    ("指标7:建立预防接种证 221人 221人 2 2 指标8:适龄儿童疫苗接种率 100.00% 97.30% 2 1.9", 2022),
    # 包括 N个A、M个B: the total is before 包括
    # parallel groups after 共计 are siblings, not a total and its parts
    ("某某区、某县、某市共计救助小学生140人;初中生96人;高中生42人。", 2019),
    # income is not made of spending and balances
    ("2024年年初结转和结余10万元,本年收入合计100万元,本年支出合计90万元,年末结转和结余20万元。", 2024),
    # levels of one indicator tree are not parts of the total
    ("该项目共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标12个。", 2022),
    # a 其中 after a section heading belongs to the new section
    (
        "下达2022年某省文化和旅游专项资金20万元,二、绩效目标完成情况分析(一)资金投入情况分析1.项目资金到位情况,其中专项资金20万元于1月11日全部到位,2.项目资金执行情况分析,专项资金20万元。",
        2022,
    ),
    # a cut and the final amount end a 其中 breakdown
    (
        "资金下达我区111万元(某财直〔2020〕67号),其中低保、特困和临时救助资金100万元,孤儿基本生活保障金11万元,调减40万元(某财直〔2021〕29号),全年实际下达71万元。",
        2021,
    ),
    # a task-completion rate column is not the money execution rate
    (
        "项目名称 | 预算金额(万元) | 实际支出(万元) | 资金使用率 | 项目完成率 |\n"
        "教育专项 | 850 | 830 | 97.6% | 100% |\n"
        "医疗保障专项 | 620 | 600 | 96.8% | 95% |",
        2019,
    ),
    (
        "年度目标下设33个三级绩效指标,包括23个数量指标、2个质量指标、1个时效指标、1个成本指标、1个经济效益指标、1个社会效益指标、1个生态效益指标、1个可持续影响指标、2个服务对象满意度指标。",
        2021,
    ),
]


@pytest.mark.parametrize(("text", "period"), QUIET)
def test_no_false_alarm(text, period):
    assert checks_of(text, period) == []


def test_period_comes_from_the_title_not_an_earlier_notice():
    from review.extract.rules.years import infer_period

    text = (
        "某区2021年农业生产发展资金绩效自评报告\n"
        "2020年10月30日，中央以《关于提前下达2021年农业相关转移支付资金预算的通知》下达预算。"
    )
    assert infer_period(text) == 2021


CAUGHT = [
    (
        "2022年,中央下达我省资金(水利部分)6800万元进行了合理分解,已全部分解到位,其中甲市858万元、乙市690万元、丙市495万元。",
        "sum",
        "6800万元",
    ),
    (
        "实际执行9265.353442万元,项目执行率88.74%。其中中央补助经费执行7177.373442万元,省级配套资金执行2090.98万元。",
        "sum",
        "9265.353442万元",
    ),
    ("部门年初预算1022.89万元,年中调整预算为1781.86万元,比年初预算增加761.97万元。", "sum", "1781.86万元"),
    ("资金下达我区111万元,其中低保资金100万元,孤儿保障金11万元,调减40万元,全年实际下达74万元。", "sum", "111万元"),
    (
        "2024年年初结转和结余10万元,本年收入合计100万元,本年支出合计90万元,年末结转和结余25万元。",
        "balance",
        "年末结转和结余25万元",
    ),
    ("全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) |\n年度资金总额: | 808.1 | 692.98 | 91% |", "ratio", "91%"),
    ("安排资金19204.096万。\n资金支付18501.096万元,未支703万元,支付率95%。", "ratio", "支付率95%"),
    (
        "下达某县2023年中央水利发展资金2263万元，其中：甲项目1435万元，乙项目25万元，丙项目55万元，丁项目700万元，戊项目6万元，己项目14万元，庚项目18万元。",
        "sum",
        "中央水利发展资金2263万元",
    ),
]


@pytest.mark.parametrize(("text", "check", "quote"), CAUGHT)
def test_caught(text, check, quote):
    assert any(c == check and quote in q for c, q in checks_of(text, 2023))
