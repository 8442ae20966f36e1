"""Totals and their parts stated across prose clauses and sentences (sums.py, sum_after.py): the
phrasings are quoted from dev-corpus reports (short excerpts)."""

from review.extract.rules.scan import Scan
from review.extract.rules.sum_implicit import _by_source
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of, review_text


def _sums(text: str) -> list[tuple[str, list[str], str]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    return [(q[r.total].text, [q[i].text for i in r.items], r.basis) for r in extract_sums(scan)[0]]


# dev r7-03 (镇村扶贫酒厂改建); r8-02 is the same report published elsewhere
WINERY = (
    "已建酒窖一间,12个发酵池,每个规格(长宽深)为3*1.8*2。建厂房、酒窖及基础设施建设12.08万元;"
    "购买变压器一套18.8万元;购置电锅炉一台6.75万元;增设发酵池十二个3.2万元;共计40.83万元,"
    "改建后已带动14户贫困户分红,分红款每户贫困户可分得700元,已稳定脱贫。\n"
)


def test_a_total_after_semicolon_clauses_adds_one_amount_from_each():
    assert ("40.83万元", ["12.08万元", "18.8万元", "6.75万元", "3.2万元"], "合计·在后") in _sums(WINERY)
    assert checks_of(WINERY, 2020) == []
    wrong = WINERY.replace("6.75万元", "9.75万元")
    assert ("sum", "40.83万元") in checks_of(wrong, 2020)


# dev r4-03 (马铃薯繁育 自评表 年度总体目标): one part before ；, the other in the total's own clause
SEED_POTATO = (
    "一是通过政府招标采购方式,采购马铃薯原原种425万粒,免费向全区农户、种植大户、合作社和企业发放,完成马铃薯"
    "原种繁育田850亩;二是企业自行采购马铃薯原原种200万粒,建成原种基地400亩,共计建成原种繁育基地1250亩。\n"
)


def test_a_total_with_one_part_in_its_clause_takes_the_rest_from_the_clauses_before():
    assert ("1250亩", ["850亩", "400亩"], "合计·在后") in _sums(SEED_POTATO)
    assert ("sum", "建成原种繁育基地1350亩") in checks_of(SEED_POTATO.replace("1250亩", "1350亩"), 2022)


def test_semicolon_clauses_stop_at_a_clause_that_is_not_one_part():
    """A clause with two amounts (or a 其中 list) is a statement of its own: the run of parts ends there."""
    text = "培训经费10万元,印刷费5万元;购置设备20万元;维修费8万元;共计28万元。\n"
    assert ("28万元", ["20万元", "8万元"], "合计·在后") in _sums(text)
    assert checks_of(text, 2020) == []


# dev r2-03 (县政协部门整体支出) and dev r7-06 (街道部门决算): the 其中 sentence follows a change
# statement of the total, and lists the parts of the total, not of the change.
CPPCC = (
    "1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。其中:财政拨款收入792.22万元,"
    "同比上年度增加209.28万元,增加35.9%。\n"
)
STREET = (
    "2.收入情况。2023年度收入合计6567.06万元,较上年决算数减少710.50万元,下降9.76%,主要原因是老旧小区改造"
    "提升项目、老旧小区基础配套项目(二期)等工程完工。其中:财政拨款收入6567.06万元,占100.00%;"
    "事业收入0.00万元,占0.00%;经营收入0.00万元,占0.00%;其他收入0.00万元,占0.00%。\n"
)


def test_a_list_after_a_change_statement_belongs_to_the_value_changed():
    assert ("792.22万元", ["792.22万元"], "其中") in _sums(CPPCC)
    assert ("6567.06万元", ["6567.06万元", "0.00万元", "0.00万元", "0.00万元"], "其中") in _sums(STREET)
    assert checks_of(CPPCC, 2021) == []
    assert [c for c, _ in checks_of(STREET, 2023) if c == "sum"] == []
    wrong = STREET.replace("事业收入0.00万元", "事业收入3.00万元")
    assert ("sum", "2023年度收入合计6567.06万元") in checks_of(wrong, 2023)
    assert ("sum", "收入:792.22万元") in checks_of(CPPCC.replace("财政拨款收入792.22", "财政拨款收入795.22"), 2021)


def test_a_list_in_the_change_sentence_is_not_read_as_parts_of_the_value():
    """增加20万元,其中…: the 其中 in the sentence of the change may break down the change itself."""
    text = "本年收入100万元。同比上年度增加20万元,其中:工资福利支出10万元,商品和服务支出10万元。\n"
    assert not [t for t, _, _ in _sums(text) if t == "100万元"]


# dev r1-21 (民政 彩票公益金): a marked total, an introducing sentence, then one allotment per line
LOTTERY = (
    "2024年,中央分2批次下达我区中央集中彩票公益金支持社会福利事业资金,合计13,804万元。"
    "各批次中央专项转移支付预算下达情况如下:\n"
    "2023年11月15日,《财政部 民政部关于提前下达2024年中央集中彩票公益金支持社会福利事业专项资金预算的通知》"
    "(财社〔2023〕135号)下达中央集中彩票公益金支持社会福利事业专项资金11,193万元。\n"
    "2024年7月3日,《财政部 民政部关于下达2024年中央集中彩票公益金支持社会福利事业资金预算(第一批)的通知》"
    "(财社〔2024〕65号)下达中央集中彩票公益金支持社会福利事业资金2,611万元。\n"
    "根据《财政部 民政部关于印发〈中央集中彩票公益金支持社会福利事业资金使用管理办法〉的通知》规定,严禁挤占挪用。\n"
)
# dev r3-08 (区域协作经费): an unmarked total, 补助情况: then numbered items (a PDF page number inside)
COOPERATION = (
    "2017年区域协作经费市级财政实际到位资金613万元,补\n\n1\n\n助情况:(1)闽浙赣皖福州经济协作区经费和闽东北区"
    "协作办公费经费分别为3万元和10万元。(2)援宁经费50万元。(3)援藏工作经费20万元。(4)援疆工作经费130万元。"
    "(5)援疆项目资金及维稳及玛纳斯教育基地经费336万元。(6)对口支援万州移民安置经费64万元。"
    "2017年按计划各阶段目标顺利完成6个区域的工作、项目补助经费拨付,完成率为100%。\n"
)


def test_parts_introduced_after_a_total_are_its_items():
    assert ("13,804万元", ["11,193万元", "2,611万元"], "如下·分项") in _sums(LOTTERY)
    coop = ("613万元", ["3万元", "10万元", "50万元", "20万元", "130万元", "336万元", "64万元"], "如下·分项")
    assert coop in _sums(COOPERATION)
    assert checks_of(LOTTERY, 2024) == [] and checks_of(COOPERATION, 2017) == []


def test_a_broken_introduced_sum_is_high_when_the_total_is_marked_else_low():
    lottery = review_text(LOTTERY.replace("2,611万元", "2,911万元"), 2024).findings
    assert [(f.check, f.severity) for f in lottery] == [("sum", "high")]
    coop = review_text(COOPERATION.replace("援宁经费50万元", "援宁经费80万元"), 2017).findings
    assert [(f.check, f.severity) for f in coop] == [("sum", "low")]


def test_introduced_parts_end_where_the_sentences_stop_being_parts():
    """Unnumbered sentences are parts only while parallel (one amount, labels ending alike); numbered
    items only while numbered alike."""
    text = (
        "合计100万元。具体情况如下:\n下达第一批资金60万元。\n下达第二批资金40万元。\n另安排工作经费5万元。\n"
        "(1)其他12万元。\n"
    )
    assert ("100万元", ["60万元", "40万元"], "如下·分项") in _sums(text)
    numbered = "共计90万元,明细:(1)设备费50万元。(2)材料费40万元。2.另有结余3万元。\n"
    assert ("90万元", ["50万元", "40万元"], "如下·分项") in _sums(numbered)


def test_a_numbered_item_stating_several_things_is_no_list_of_parts():
    text = "项目预算资金100万元,资金使用情况:(1)工程款预算60万元,实际支出58万元。(2)监理费40万元。\n"
    assert not [r for r in _sums(text) if r[2] == "如下·分项"]


def test_introduced_parts_ending_in_etc_only_bound_the_total():
    text = "全年预算100万元,支出明细:(1)办公费20万元。(2)差旅费10万元。(3)培训费5万元等。\n"
    assert checks_of(text, 2023) == []
    assert [c for c, _ in checks_of(text.replace("办公费20万元", "办公费90万元"), 2023)] == ["sum"]


def test_a_list_after_a_change_is_the_values_only_when_its_parts_are_named_as_kinds_of_it():
    """…较上年增加20万元,主要原因是新增项目。其中:新增道路项目15万元…: the parts of the increase."""
    text = "本年支出100万元,较上年增加20万元,主要原因是新增项目。其中:新增道路项目15万元,新增绿化项目5万元。\n"
    assert not [t for t, _, _ in _sums(text) if t == "100万元"]
    assert checks_of(text, 2023) == []


def test_a_per_record_total_does_not_gather_the_clauses_before_it():
    """seed 000 (中峰镇): each ；-clause is a record with its own 共计, not a part of the next one's."""
    text = (
        "发放高龄津贴2965人次，共计387350元；发放特困供养资金1466人次，共计617705元；发放低保资金11832人次，"
        "共计1567895元；资助困境儿童补助7800元；发放困残补贴3372人次，发放金额26.98万元；发放孤儿保障金6人，"
        "共计7.36万元，事实无人抚养8人，共计7.77万元。\n"
    )
    assert [r for r in _sums(text) if r[2] == "合计·在后"] == []
    assert [c for c, _ in checks_of(text, 2022) if c == "sum"] == []


# dev r9-01 (基本药物制度补助 自评表) and dev r1-19 (就业补助资金): parts named like the total, each by
# another level of government (中央/地方/自治区), split the total by who pays
DRUGS = "年度完成基层医疗卫生机构实施基本药物制度补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元。\n"
JOBS = (
    "2023年自治区下达桂林市中央及自治区就业补助资金共33832.24万元,中央资金27853万元,自治区资金5643万元,"
    "各县(市、区)筹集资金336.24万元,二、总体绩效目标\n"
)


def test_parts_named_by_level_of_government_split_a_total_named_alike():
    assert ("2300.67万元", ["442.43万元", "1858.24万元"], "implicit") in _sums(DRUGS)
    # the same words without 共 (dev r1-19's sentence cut before its third part): the levels joined in the
    # total (中央及自治区) name the whole of theirs, each part one level's
    cut = JOBS.replace("共", "").split(",各县")[0] + "。"
    scan = Scan.of(doc_of(cut))
    total, *parts = scan.quantities
    assert _by_source(total, parts)
    assert ("33832.24万元", ["27853万元", "5643万元"], "implicit") in _sums(cut)
    assert checks_of(DRUGS, 2021) == []
    wrong = review_text(DRUGS.replace("1858.24万元", "1958.24万元"), 2021)
    assert [(f.check, f.severity) for f in wrong.findings] == [("sum", "low")]  # unmarked: low


def test_parallel_groups_of_one_level_each_are_not_a_split_by_level():
    """省级资金100万元,市级资金50万元,县级资金20万元: the first is one level's, not the whole."""
    assert _sums("省级资金100万元,市级资金50万元,县级资金20万元。\n") == []
    assert _sums("补助资金300万元,中央资金100万元,中央资金200万元。\n") == []  # one level twice: not by source


# dev r21-08 (义务教育经费 下达): a part written with a minus sign is subtracted, not added
NEGATIVE_PART = "现将义务教育经费保障机制补助经费126.44万元(其中中央直达资金139.71万元,省直达-13.27万元)下达给你们。\n"


def test_a_part_with_a_minus_sign_is_a_negative_amount():
    assert ("126.44万元", ["139.71万元", "-13.27万元"]) in [s[:2] for s in _sums(NEGATIVE_PART)]
    assert checks_of(NEGATIVE_PART, 2022) == []
    wrong = NEGATIVE_PART.replace("126.44", "152.98")  # the parts added as if both were positive
    assert ("sum", "现将义务教育经费保障机制补助经费152.98万元") in checks_of(wrong, 2022)
