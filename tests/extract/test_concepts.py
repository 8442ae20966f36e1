"""One fact of a project under different names (review/extract/rules/concepts.py): statements paired
by the class their labels name, and the wording that keeps two facts apart. Excerpts of dev reports."""

import pytest

from review.extract.rules.concepts import extract_concept_facts
from review.extract.rules.scan import Scan
from review.extract.view import view_of
from tests.conftest import checks_of, doc_of, review_text


def _facts(text: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = doc_of(text)
    scan = Scan.of(view_of(doc.text).document(doc))
    q = {x.id: x for x in scan.quantities}
    return [(f.what, tuple(q[i].text for i in f.statements)) for f in extract_concept_facts(scan)]


# dev r2-06 (西平县 通村道路): 计划投资 in 一、, 项目资金共 in the 执行 analysis (an enumerated analysis line)
_R2_06 = (
    "一、绩效目标分解下达情况\n"
    "我县2022年农村公路通村道路建设项目计划投资2179万元,实现新建村内道路、连通道路32.63公里。\n"
    "三、绩效目标自评完成情况分析\n"
    "2、项目资金执行情况分析。项目资金共2179万元,截止2022年12月8日,已完成拨付2113.63万元,执行率97%。\n"
)
# dev r5-11 (蔡寨村 养殖业基地): 项目总投资 twice, then 项目资金共
_R5_11 = (
    "项目名称为2022年西平县蔡寨乡蔡寨村养殖业基地建设项目,项目总投资39.2696万元,其中:中央财政衔接资金39万元。\n"
    "1.项目资金到位情况分析\n"
    "2022年西平县蔡寨乡蔡寨村养殖业基地建设项目,项目总投资39.2696万元,其中:中央财政衔接资金39万元,已下拨到位。\n"
    "2.项目资金执行情况分析\n"
    "项目资金共39.2696万元,项目目前未实施,资金未使用。\n"
)


def test_the_projects_investment_and_its_funds_are_one_fact() -> None:
    assert _facts(_R2_06) == [("项目总投资", ("2179万元", "2179万元"))]
    assert _facts(_R5_11) == [("项目总投资", ("39.2696万元", "39.2696万元", "39.2696万元"))]


def test_a_restated_figure_that_differs_is_a_consistency_finding() -> None:
    changed = _R2_06.replace("项目资金共2179万元", "项目资金共2197万元")
    assert ("consistency", "项目资金共2197万元") in checks_of(changed, 2022)
    assert not [c for c in checks_of(_R2_06, 2022) if c[0] == "consistency"]


# dev r12-05 (兴庆区 垃圾转运站): the allotment in 一、, the batch in 二、 and the 资金预算
_R12_05 = (
    "一、绩效目标分解下达情况\n"
    "中共银川市兴庆区委农村工作领导小组下达2022年乡村振兴衔接资金100万元,主要用于支持移民重点村产业发展。\n"
    "二、绩效目标完成情况分析\n"
    "2022年中共银川市兴庆区委农村工作领导小组下达第一批乡村振兴衔接资金100万元,全部列入兴庆区月牙湖乡滨河家园垃圾转运站提升改造项目。\n"
    "验收合格率100%。资金预算100万元,支付率100%。\n"
)
# dev r3-15 (青岛 青连铁路): the budget as issued and as stated for the project
_R3_15 = (
    "下达我局青连铁路项目资金支出预算共计83300万元,资金来源为市级新增一般债券。\n"
    "2.各项目绩效情况:\n"
    "青连铁路项目预算安排83300万元,预算执行83300万元。\n"
)


def test_an_allotment_is_the_projects_budget_but_one_batch_is_not_the_whole() -> None:
    assert _facts(_R12_05) == [("项目预算资金", ("100万元", "100万元"))]  # 第一批 is left out
    assert _facts(_R3_15) == [("项目预算资金", ("83300万元", "83300万元"))]  # 预算执行 is another fact


# dev r2-10 (西平县 小麦补贴): paid out, in two wordings
_R2_10 = (
    "二、项目资金拨付情况及总体评价\n"
    "截止评价点,该项目已拨付资金269.30万元,资金拨付率96%。\n"
    "实际享受补贴人员为11196户26930人,实际通过一卡通系统实际发放补贴资金269.3万元,结余资金退回国库。\n"
)
# dev r3-05 (海口 云龙产业园): 实际支付 and 已完成支付 of one year
_R3_05 = (
    "(一)项目决策情况:2022年云龙产业园基础设施配套路网项目列入部门预算经费为3483万元,2022年实际支付3483万元。\n"
    "(二)项目资金安排落实、总投入等情况:项目资金3483万元列入2022年部门预算,2022年已完成支付3483万元。\n"
)


def test_amounts_paid_out_are_one_fact() -> None:
    assert _facts(_R2_10) == [("已支付资金", ("269.30万元", "269.3万元"))]
    assert ("已支付资金", ("3483万元", "3483万元")) in _facts(_R3_05)


# dev r8-06 (渑池县 美丽乡村): 受益群众 in the analysis; 县级安排 is one level's share, not the budget
_R8_06 = (
    "共需资金8144万元,年初预算安排877万元。\n"
    "成本指标:\n该项目需县级财政安排资金8144万元,县级安排877万元。\n"
    "二、项目绩效状况分析\n全县23个美丽乡村示范村建成后,直接受益农户9840个,受益群众达31500人。\n"
    "三、项目效益\n项目受益群众31500人,群众满意度达98%。\n"
)
# dev r6-18 (保山市 库区基金): the same words for two years' projects
_R6_18 = (
    "全市2020年批复大中型水库库区基金项目年度计划59项,总投资15314.35万元,受益移民人口14895人。"
    "全市2021年批复大中型水库库区基金项目年度计划39个,总投资18972.692万元,受益移民人口9936人。\n"
)


def test_beneficiaries_are_one_fact_and_a_share_or_a_need_is_none() -> None:
    assert _facts(_R8_06) == [("受益人数", ("31500人", "31500人"))]


def test_two_years_named_in_the_sentences_are_two_facts() -> None:
    assert _facts(_R6_18) == []


# dev r1-22 (西藏 文物保护): 一是…, 二是…: each unit's own allotment
_R1_22 = (
    "区直文博系统项目有:一是布达拉宫管理处,下达预算资金9378万元。具体是:布达拉宫雪城修缮展示工程项目3005万元。"
    "二是西藏博物馆,下达预算资金5009万元,项目是西藏博物馆新馆展陈环境可移动文物预防保护项目。\n"
)
# dev r4-07 (**河县 水利): each cited document allots its own amount
_R4_07 = (
    "****财政局呼财农指【2023】19号文件《关于下达2023年乡村**衔接资金的通知》,下达**河县2023年资金791万元。"
    "****财政局呼财农指【2023】41号文件《关于下达2023年自治区水利发展资金预算的通知》,下达**河县2023年资金5万元。\n"
)


def test_enumerated_units_and_different_documents_are_different_facts() -> None:
    assert _facts(_R1_22) == []
    assert _facts(_R4_07) == []


def test_one_class_twice_in_a_sentence_is_a_list_of_parts() -> None:
    # dev r2-10's wording, both paid amounts put in one sentence: parts, not a restatement
    text = "该项目已拨付资金200万元,实际通过一卡通系统实际发放补贴资金69.3万元。\n另:该项目已拨付资金200万元。\n"
    assert _facts(text) == []


# dev r2-11 (西平县 电脑横机) and r2-21 (西平县 仓储基地): the county's finance bureau allots the whole
_R2_11 = (
    "2020年县财政下达资金603万元,用于9个产业扶贫项目支出。\n"
    "2.项目资金执行情况分析。项目资金共603万元,截止2020年11月30日,已完成拨付603万元,执行率100%。\n"
)
_R2_21 = (
    "2023年县财政共下达我局财政衔接资金8010万元,用于2023年西平县农产品交易市场仓储基地建设项目支出。\n"
    "1.项目资金到位情况分析。项目资金8010万元均已到位及时安排到相关项目。\n"
)


def test_the_finance_bureau_that_allots_is_not_a_levels_share() -> None:
    assert _facts(_R2_11) == [("项目预算资金", ("603万元", "603万元"))]
    assert _facts(_R2_21) == [("项目预算资金", ("8010万元", "8010万元"))]
    assert _facts(_R2_21.replace("县财政共下达", "县级安排")) == []  # 县级安排: one level's share


# dev r20-04 (农机购置补贴, traditional text): the 年初 budget, a cut in the year, the year's budget; dev r5-12:
# the 年初 budget as one part of the year's 预算收入
_R20_04 = (
    "一、项目基本情况\n2024年農機購置補貼項目資金全年預算數2089萬元,其中中央轉移支付財政資金預算資金合計1777萬元。\n"
    "二、資金使用情況\n中央年初下達資金合計2077萬元,省內安排農機購置與應用補貼資金312萬元,年初預算合計2389萬元,"
    "年中調減中央財政資金300萬,全年預算執行數合計2089萬元。\n"
)
_R5_12 = (
    "一、基本情况\n项目资金预算69.06万元。\n"
    "二、收支情况\n2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元。\n"
)


def test_the_budget_at_the_start_of_the_year_is_another_fact_than_the_years() -> None:
    for text in (_R20_04, _R5_12):
        assert not [f for f in _facts(text) if {"2389萬元", "57.28万元"} & set(f[1])]
        assert not [c for c in checks_of(text, 2024) if c[0] == "consistency"]


@pytest.mark.parametrize(
    "text",
    [
        # a 三公 statement and a 以工代赈 news page (pool pages of two sites, not in the corpus): a generic noun
        # stated of the amount its clause opens with (…支出0万元,年初预算为0万元; …实施12项,总投资5158万元) is
        # that item's, and each item's is another fact
        "“三公”经费支出2.05万元,年初预算为2.95万元。\n其中:因公出国(境)支出0万元,年初预算为0万元;"
        "公务用车运行维护费支出0万元,年初预算为0.95万元;公务接待费支出2.05万元,年初预算为2万元。\n",
        "全省实施以工代赈项目40项,总投资12704万元。\n互助土族自治县实施12项,总投资5158万元,项目全部开工。"
        "化隆回族自治县实施8项,总投资3226万元,项目全部开工。\n",
    ],
)
def test_a_generic_noun_stated_of_its_clauses_amount_is_that_items_own(text):
    assert [f.rule for f in review_text(text, 2023).findings if f.check == "consistency"] == []


def test_an_amount_listed_after_a_count_with_a_pause_is_that_counts_items_own() -> None:
    """A 巩固衔接 progress page (pool, not in the corpus): 阿图什市安排项目68个、计划投资6.83亿元 is the 阿图什市
    projects' investment; 阿克陶县's is another fact."""
    text = (
        "全州共安排实施巩固拓展脱贫攻坚成果项目343个,投资规模19.89亿元,其中:阿图什市安排项目68个、计划投资6.83亿元;"
        "阿克陶县安排项目181个、计划投资9.24亿元;乌恰县安排项目57个、计划投资1.83亿元。\n(二)项目实施情况。"
        "阿合奇县安排项目37个、计划投资1.98亿元。\n"
    )
    assert [f.rule for f in review_text(text, 2023).findings if f.check == "consistency"] == []
