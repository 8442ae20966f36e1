"""One fact stated in several places (SameFact): scoped by the project a numbered item is about,
the amount a cited document allots, and 全部拨付 / 全部到位 against the amount stated as paid."""

from review.core.claims import Assertion, SameFact
from tests.conftest import checks_of, review_text

# dev corpus r4-08 (裕民县 10个重点项目): each numbered item is one project with its own 总得分
_PROJECTS = (
    "1、哈拉布拉乡南哈拉布拉村农田道路建设项目,铺建砂石路11公里。2021年下达财政专项扶贫资金197万元,"
    "第三方机构最终绩效评价总得分为91.8分,评价等级为优秀。\n"
    "3、哈拉布拉乡北哈拉布拉村村内干道,巷道路面硬化建设项目,修建村组道路5.7公里。"
    "第三方机构最终绩效评价总得分为90.36分,评价等级为优秀。\n"
)


def _same_facts(text: str) -> list[SameFact]:
    return [r for r in review_text(text, 2021).claims.relations if isinstance(r, SameFact)]


def test_scores_of_different_projects_are_not_one_fact():
    assert _same_facts(_PROJECTS) == []
    assert checks_of(_PROJECTS, 2021) == []


def test_scores_within_one_project_item_are_one_fact():
    text = _PROJECTS.replace("修建村组道路5.7公里。", "修建村组道路5.7公里,自评总得分为90.36分。").replace(
        "最终绩效评价总得分为90.36分", "最终绩效评价总得分为91.36分"
    )
    facts = _same_facts(text)
    assert [f.what for f in facts] == ["自评总分（哈拉布拉乡北哈拉布拉村村内干道,巷道路面硬化建设项目）"]
    assert ("consistency", "第三方机构最终绩效评价总得分为91.36分") in checks_of(text, 2021)


def test_a_report_without_project_items_keeps_one_scope():
    text = "绩效评价得分：97分。\n1、项目资金到位情况分析。部门整体自评得分为95分。\n"
    assert checks_of(text, 2023) == [("consistency", "部门整体自评得分为95分")]


# dev corpus r4-07 (呼财农指) and r3-07 (闽财综指): a cited document's allotment, stated twice
_R4_07 = (
    "****财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》,下达**河县2023年资金5万元。\n"
    "(三)资金情况\n"
    "****财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》,"
    "下达**河县2023年山洪灾害防治设施维养6万元。\n"
)
_R3_07 = (
    "根据《关于下达2025年中央专项彩票公益金的通知》(闽财综指﹝2025﹞2号)、闽财综指﹝2024﹞8号)文件,"
    "2024年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金440万元。\n"
)


def test_a_documents_allotment_stated_twice_is_one_fact():
    facts = _same_facts(_R4_07)
    assert [(f.what, len(f.statements)) for f in facts] == [("财农指〔2023〕41号下达资金", 2)]
    assert checks_of(_R4_07.replace("维养6万元", "维养7万元"), 2023) == [
        ("consistency", "下达**河县2023年山洪灾害防治设施维养7万元")
    ]


def test_documents_cited_together_key_their_allotment():
    twice = _R3_07 + "二、资金使用\n" + _R3_07.replace("440万元", "400万元")
    assert [f.what for f in _same_facts(twice)] == ["财综指〔2024〕8号、财综指〔2025〕2号下达资金"]
    assert ("consistency", "2024年省财政下达我区中央专项彩票公益金支持其他社会公益项目资金400万元") in checks_of(
        twice, 2024
    )
    assert _same_facts(_R3_07 + _R3_07.replace("﹝2024﹞8号", "﹝2024﹞9号")) == []  # other documents


# dev corpus r2-06 (西平县交通运输局) and r1-07 (保山 森林防火): the amount asserted paid in full
_R2_06 = (
    "(一)资金投入情况分析\n1、项目资金到位情况分析。乡村振兴衔接资金2179万元目前已全部拨付,及时安排到相关项目。\n"
    "2、项目资金执行情况分析。项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。\n"
    "(二)绩效目标完成情况分析\n"
)
_R1_07 = "1.项目资金到位情况。保山市财政局下达我局森林防火三三制经费75.96万元,全部到位。\n截至年底实际到位70.5万元。\n"


def test_fully_paid_against_the_amount_paid_in_its_section():
    assert ("consistency", "乡村振兴衔接资金2179万元目前已全部拨付") in checks_of(_R2_06, 2022)
    assert not any(c == "consistency" for c, _ in checks_of(_R2_06.replace("2113.63", "2179"), 2022))


def test_fully_arrived_against_the_amount_arrived():
    assert ("consistency", "保山市财政局下达我局森林防火三三制经费75.96万元,全部到位") in checks_of(_R1_07, 2021)
    assert checks_of(_R1_07.replace("70.5", "75.96"), 2021) == []


def test_paid_amounts_of_another_section_are_not_compared():
    text = _R2_06.replace("(二)绩效目标完成情况分析\n", "").replace("2、项目资金执行", "(二)项目资金执行")
    assertions = [r for r in review_text(text, 2022).claims.relations if isinstance(r, Assertion)]
    assert assertions == []


# dev r2-21 and r2-11 (西平县): 均已到位 with the amount before it; dev r5-15 (固始县): 全部到位 with it after
_R2_21 = (
    "2023年县财政共下达我局财政衔接资金8010万元,用于仓储基地建设项目支出。\n"
    "1.项目资金到位情况分析。项目资金8010万元均已到位及时安排到相关项目。\n"
)
_R2_11 = (
    "2020年县财政下达资金603万元,用于9个产业扶贫项目支出。\n"
    "1.项目资金到位情况分析。该项目603万元均已到位及时安排到相关项目。\n"
)
_R5_15 = (
    "安排项目资金56万元。\n(一)资金投入情况分析\n下达建设资金56万元,全部用于仰天洼社区排水沟建设。\n"
    "(二)绩效目标完成情况分析\n计划资金全部到位56万元,项目已验收结算。\n"
)


def _arrived(text: str) -> list[tuple[str, str]]:
    r = review_text(text, 2023)
    q = r.claims.by_id()
    return [
        (q[a.expected].label, q[a.actual].text)
        for a in r.claims.relations
        if isinstance(a, Assertion) and a.claim == "fully_arrived" and a.expected and a.actual
    ]


def test_an_amount_asserted_arrived_is_the_amount_allotted():
    assert _arrived(_R2_21) == [("2023年县财政共下达我局财政衔接资金", "8010万元")]
    assert _arrived(_R2_11) == [("2020年县财政下达资金", "603万元")]
    assert _arrived(_R5_15) == [("下达建设资金", "56万元")]  # 下达 before 安排
    assert checks_of(_R2_21, 2023) == [] and checks_of(_R5_15, 2024) == []
    short = _R5_15.replace("全部到位56万元", "全部到位50万元")
    assert ("consistency", "计划资金全部到位50万元") in checks_of(short, 2024)


def test_each_arrival_looks_up_only_the_allotments_before_it():
    """A long report of many projects, each allotted and arrived (dev r2-21's wording): every 均已到位
    is tied to the allotment before it, read once for the report, not once per 均已到位."""
    text = "".join(_R2_21.replace("8010", str(8000 + i)) for i in range(3000))
    arrived = _arrived(text)
    assert len(arrived) == 3000 and arrived[-1] == ("2023年县财政共下达我局财政衔接资金", "10999万元")


def test_a_part_asserted_arrived_is_not_the_whole_allotted():
    text = _R2_21.replace("项目资金8010万元均已到位", "其中中央资金5000万元均已到位")
    assert _arrived(text) == []


# dev r2-06 and r2-11 (西平县): the indicators are the last level's
_R2_06_INDICATORS = "该项目共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标12个。\n"
_R2_11_INDICATORS = "该项目共编制15个绩效目标指标,其中1级指标3个,二级指标7个,三级指标15个。\n"


def test_the_count_of_indicators_is_the_last_levels():
    assert [(f.what, len(f.statements)) for f in _same_facts(_R2_06_INDICATORS)] == [("绩效指标个数（末级指标）", 2)]
    assert len(_same_facts(_R2_11_INDICATORS)) == 1
    assert checks_of(_R2_06_INDICATORS, 2022) == []
    wrong = _R2_11_INDICATORS.replace("三级指标15个", "三级指标14个")
    assert ("consistency", "三级指标14个") in checks_of(wrong, 2020)


# dev r7-03 and r8-02 (扶贫酒厂): the bare 执行率 with the project's funds, restated as 项目资金执行率
_R7_03 = (
    "年度资金40.83万元,本年度财政拨款40.83万元,执行率100%。已带动14户贫困户39人分红。\n"
    "(一)资金投入情况分析\n1、年度资金40.83万元,本年度财政拨款40.83万元。\n2、项目资金执行率为100%。\n"
)


def test_the_project_funds_execution_rate_restates_the_bare_one():
    assert [f.what for f in _same_facts(_R7_03)] == ["项目资金执行率"]
    assert ("consistency", "项目资金执行率为98%") in checks_of(_R7_03.replace("执行率为100%", "执行率为98%"), 2020)
    other = _R7_03.replace("执行率100%。", "执行率100%。部门整体执行率95%。")
    assert "项目资金执行率" not in [f.what for f in _same_facts(other)]


def test_arrived_in_full_after_allotments_of_several_names_is_unread():
    text = (
        "县财政第一批下达资金5000万元。县财政第二批下达衔接资金3010万元。\n"
        "1.项目资金到位情况分析。项目资金8010万元均已到位及时安排到相关项目。\n"
    )
    r = review_text(text, 2023)
    assert _arrived(text) == []
    assert [u.reason for u in r.claims.unread] == ["称资金全部到位，但此前下达的金额不止一笔，未能确定所指"]
