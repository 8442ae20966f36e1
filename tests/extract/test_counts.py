"""Counts against what the text lists (check: count)."""

import pytest

from review.core.document import Document
from review.extract.rules.counts import extract_counts
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from tests.conftest import checks_of

HOLDS = [
    "平等乡人民政府属行政单位，内设六办一所四中心。包括党政办公室、党建办公室、社会事务办公室、规划建设管理办公室、乡村振兴办公室、综合执法办公室、财政所、便民服务中心、农业综合服务中心、综治中心、文化旅游服务中心。",
    "其中，抽查项目5个，分别是政府机关维护运行16.81万元、旱厕整改费用64.33万元，调解员经费9.72万元、公务用车经费10.77万元、临时占地补偿费用50万元。",
    "总体绩效目标3个，全部按要求完成，其完成情况分别如下。\n1．确保民政事务工作顺利开展。\n2．提高党员素质。\n3．保障村委办公经费。\n四、问题\n",
    "预算项目支出总计4660.46万元，自评得分90分以上的81个，得分60至90分0个，60分以下2个。\n我镇2023年预算支出项目83个，81个项目完成了预期绩效目标，2个未完成。",
]


@pytest.mark.parametrize("text", HOLDS)
def test_counts_that_hold(text):
    assert checks_of(text, 2023) == []


BROKEN = [
    (
        "内设五办一所四中心。包括党政办公室、党建办公室、社会事务办公室、规划建设管理办公室、乡村振兴办公室、综合执法办公室、财政所、便民服务中心、农业综合服务中心、综治中心、文化旅游服务中心。",
        "五办一所四中心",
    ),
    (
        "抽查项目4个，分别是甲项目16.81万元、乙项目64.33万元、丙项目9.72万元、丁项目10.77万元、戊项目50万元。",
        "抽查项目4个",
    ),
    (
        "总体绩效目标4个，其完成情况分别如下。\n1．确保工作开展。\n2．提高素质。\n3．保障经费。\n四、问题\n",
        "总体绩效目标4个",
    ),
    (
        "项目支出安排执行率100%的18个项目金额1572万元；执行率80%以下的有21个项目金额483万元。\n5．项目支出数量55个、自评数量55个。\n",
        "项目支出数量55个",
    ),
]


@pytest.mark.parametrize(("text", "quote"), BROKEN)
def test_wrong_counts_are_flagged(text, quote):
    found = checks_of(text, 2023)
    assert any(c == "count" and quote in q for c, q in found), found


def _doc(text):
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


@pytest.mark.parametrize(
    ("text", "total", "tiers"),
    [
        # seed 002: the tiers add up to the stated number of projects
        (HOLDS[3], "83个", ["81个", "0个", "2个"]),
        # seed 000: they do not (18 + 21 is not 55)
        (BROKEN[3][0], "55个", ["18个", "21个"]),
    ],
)
def test_tiers_are_emitted_as_read_whether_or_not_they_add_up(text, total, tiers):
    scan = Scan.of(_doc(text))
    (rel,) = [r for r in extract_counts(scan)[0] if r.wording == "tiers"]
    q = {x.id: x for x in scan.quantities}
    assert q[rel.stated_ids[0]].text == total and [q[i].text for i in rel.item_ids] == tiers
    assert rel.counted == 0  # the extractor counts nothing: review.checks.count does


R3_03_REVIEWED = "复核评价的50个项目,复核等次为“优秀”的5个,占比10%,“良好”的23个,占比46%,“中(一般)”的22个,占比44%。\n"
R3_03_SELF = (
    "各部门(单位)上报2023年度支出项目绩效自评2630个,涉及金额340915.5112万元。"
    "单位自评结果“优秀”1812个、“良好”171个、“中”536个、“差”111个。\n"
)


@pytest.mark.parametrize(
    ("text", "total", "tiers"),
    [
        # r3-03: the sentence opens with the whole its grades split (not a tier: 复核评价的 is no band)
        (R3_03_REVIEWED, "50个", ["5个", "23个", "22个"]),
        # seed 002 written the same way: the number of projects first, then its bands
        ("我镇预算支出项目83个,自评得分90分以上的81个,60分以下的2个。\n", "83个", ["81个", "2个"]),
        # r3-03: quoted grades split the number of projects stated in the sentence before
        (R3_03_SELF, "2630个", ["1812个", "171个", "536个", "111个"]),
    ],
)
def test_tiers_split_the_whole_their_sentence_opens_with(text, total, tiers):
    scan = Scan.of(_doc(text))
    (rel,) = [r for r in extract_counts(scan)[0] if r.wording == "tiers"]
    q = {x.id: x for x in scan.quantities}
    assert q[rel.stated_ids[0]].text == total and [q[i].text for i in rel.item_ids] == tiers


def test_tiers_of_a_later_stated_whole_are_not_held_against_an_earlier_total():
    """r3-03: 2630 self-evaluated projects, then 50 reviewed ones split 5/23/22: no finding."""
    assert checks_of(R3_03_SELF + R3_03_REVIEWED, 2023) == []
    seeded = R3_03_SELF + R3_03_REVIEWED.replace("50个项目", "51个项目")
    assert any(c == "count" and "51个" in q for c, q in checks_of(seeded, 2023))


# r11-11: the projects counted before their noun (9个重点项目), a 其中 split into kinds, then the grades in
# the next sentence; r2-11 writes its count the same way (等9个产业扶贫项目)
R11_11_GRADES = (
    "2022年共对9个重点项目进行了评价,其中项目支出评价4个、政策评价3个、部门整体评价2个,涉及部门单位7个,"
    "资金17815.56万元。从评价结果来看,总体情况良好:评价结论为“良”的8个,“中”的1个,无等级为“优”和“差”的项目。\n"
)


def test_a_count_whose_project_noun_follows_it_is_a_whole_the_grades_may_split():
    scan = Scan.of(_doc(R11_11_GRADES))
    (rel,) = [r for r in extract_counts(scan)[0] if r.wording == "tiers"]
    q = {x.id: x for x in scan.quantities}
    assert "9个" in [q[i].text for i in rel.stated_ids]
    assert checks_of(R11_11_GRADES, 2022) == []
    assert any(c == "count" for c, _ in checks_of(R11_11_GRADES.replace("“中”的1个", "“中”的2个"), 2022))
    r2_11 = "河南省溢丰源针织服饰有限公司等9个产业扶贫项目,评价结果为“优”的7个,“良”的2个。\n"
    assert checks_of(r2_11, 2020) == []
    assert any(c == "count" for c, _ in checks_of(r2_11.replace("“良”的2个", "“良”的3个"), 2020))


def test_a_clause_led_by_what_the_parts_involve_ends_the_list():
    # r11-11: 涉及部门单位7个 is not a fourth kind of evaluation; seed 000: 涉及预算资金 after its 其中 count
    assert checks_of(R11_11_GRADES, 2022) == []
    seed_000 = "全年共设置绩效目标12个,其中,部门整体支出绩效目标10个、项目绩效目标2个,涉及部门单位3个。\n"
    assert checks_of(seed_000, 2022) == []
    assert any(c == "count" for c, _ in checks_of(seed_000.replace("目标2个", "目标3个"), 2022))


R1_16_UNITS = (
    "户改办等临时机构设在发改委;下设2个管理机构,一是正处级事业单位区经济信息中心;"
    "二是正科级事业单位大足区军粮供应管理中心。\n"
)
R6_09_BATCHES = (
    "该项目分三批实施,一批项目县级批复总投资3374.3万元(其中建筑工程3292万元),二批项目县级批复总投资2069.51万元"
    "(其中建筑工程1975.775万元),三批项目县级批复投资778.59万元(其中建筑工程757.44万元)。\n"
)

R20_07_ASPECTS = (
    "应急管理部共下达我省中央自然灾害救灾资金15.4235亿元。主要包含三大方面:一是中央自然灾害救灾资金(重特大自然灾害救灾)"
    "9.9162亿元。二是中央自然灾害救灾资金(冬春临时生活困难救助)5.323亿元。三是中央自然灾害救灾资金(森林草原航空)0.184亿元。\n"
)


@pytest.mark.parametrize(
    ("text", "stated", "ordinals"),
    [
        (R1_16_UNITS, 2, ["一是", "二是"]),  # r1-16
        (R6_09_BATCHES, 3, ["一批", "二批", "三批"]),  # r6-09 (and r5-04)
        (R20_07_ASPECTS, 3, ["一是", "二是", "三是"]),  # r20-07: the classifier 大 (三大方面)
    ],
)
def test_a_count_followed_by_ordinals_is_read_with_them(text, stated, ordinals):
    (rel,) = [r for r in extract_counts(Scan.of(_doc(text)))[0] if r.wording == "ordinals"]
    assert rel.stated == stated and [text[a:b] for a, b in rel.item_spans] == ordinals


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (R1_16_UNITS.replace("下设2个", "下设3个"), "3个管理机构"),
        (R6_09_BATCHES.replace("分三批", "分二批"), "二批实施"),
        (R20_07_ASPECTS.replace("三大方面", "四大方面"), "四大方面"),
    ],
)
def test_a_count_its_ordinals_disagree_with_is_flagged(text, quote):
    assert any(c == "count" and quote in q for c, q in checks_of(text, 2023))


def test_ordinals_inside_words_or_without_a_comma_after_the_count_are_not_items():
    assert [r for r in extract_counts(Scan.of(_doc("设有2个机构统一是指挥部。\n")))[0] if r.wording == "ordinals"] == []
    text = "全年分两批下达资金。一批项目已完工。\n"  # the count's sentence ends: no ordinal follows it
    assert [r for r in extract_counts(Scan.of(_doc(text)))[0] if r.wording == "ordinals"] == []


@pytest.mark.parametrize(
    "text",
    [
        # r1-16's offices, listed after the count: a 、 inside a name's parentheses joins no offices
        "内设科室4个，分别是办公室、综合科(挂区西部开发办、行政审批科)、产业发展科、价格认定科。\n",
        # r5-04's towns, each with its villages in parentheses
        "涉及乡镇3个，包括临城镇(北驾廻村、陈家崇村)、黑城镇(王家庄村)、石城乡(王家辉村、石匣沟村、安上村)。\n",
    ],
)
def test_a_list_after_its_count_is_split_outside_parentheses(text):
    assert checks_of(text, 2023) == []


# r1-21: a count, its noun and a colon at the line end, then (1) (2) (3) paragraphs (the excerpt is cut)
R1_21_ASPECTS = (
    "中央下达转移支付资金时随同下达了资金年度绩效目标,主要包括以下四个方面:\n"
    "(1)支持以服务生活困难和失能失智老年人为主的养老机构、街道(乡镇)和社区养老服务设施维修改造和设备配置。\n"
    "(2)支持发展精神障碍社区康复服务(含直接服务人员能力培训);支持精神卫生社会福利机构设施设备配置。\n"
    "(3)支持“福彩圆梦·孤儿助学工程”;支持"
)
# seed 002: the same, with 一是 二是 三是 paragraphs and an unmarked closing paragraph
SEED_002_ASPECTS = (
    "针对存在的问题，我镇研究制定的整改思路和工作措施，主要有以下三个方面：\n"
    "[bookmark: _GoBack]一是主动工作抓创新。我们认真落实设岗定责。\n"
    "二是主动学习促发展。充分运用股室包联协同工作机制。\n"
    "三是主动对接促规范。设置绩效目标指标是绩效管理工作的基础。\n"
    "我镇将以此次绩效自评工作为契机，增强绩效观念。\n"
)


@pytest.mark.parametrize(
    ("text", "stated", "first", "n", "exhaustive"),
    [(R1_21_ASPECTS, 4, "(1)支持", 3, False), (SEED_002_ASPECTS, 3, "[bookmark: _GoBack]一是", 3, True)],
)
def test_a_count_before_a_colon_is_read_with_the_marked_paragraphs_after_it(text, stated, first, n, exhaustive):
    (rel,) = [r for r in extract_counts(Scan.of(_doc(text)))[0] if r.wording == "numbered_paragraphs"]
    assert (rel.stated, len(rel.item_spans), rel.exhaustive) == (stated, n, exhaustive)
    assert text[slice(*rel.item_spans[0])].startswith(first)


def test_marked_paragraphs_that_disagree_with_their_count_are_flagged_unless_cut_off():
    assert checks_of(R1_21_ASPECTS, 2023) == []  # three read, four stated, but the excerpt is cut off
    wrong = SEED_002_ASPECTS.replace("三个方面", "四个方面")
    assert any(c == "count" and "四个方面" in q for c, q in checks_of(wrong, 2023))


def test_a_marked_list_ends_at_a_higher_heading_or_a_number_out_of_turn():
    text = "绩效目标2个：\n1.完成建设。\n2.通过验收。\n二、存在问题\n3.另一部分。\n"
    (rel,) = [r for r in extract_counts(Scan.of(_doc(text)))[0] if r.wording == "numbered_paragraphs"]
    assert len(rel.item_spans) == 2
    restart = "主要措施2项：\n（1）加强管理。\n（2）规范程序。\n（1）另一列表。\n（3）不属此列。\n"
    (rel,) = [r for r in extract_counts(Scan.of(_doc(restart)))[0] if r.wording == "numbered_paragraphs"]
    assert len(rel.item_spans) == 2


# dev r13-11 (水污染防治资金绩效自评): the paragraphs count the 二级指标, their own counts add up to the 三级指标
TWO_COUNTS = (
    "具体分解二级指标5个、三级指标14个:\n"
    "1.数量指标6个:集中式饮用水水源地整治数量6个、新增湿地恢复面积30.4平方公里。\n"
    "2.质量指标1个:项目验收合格率100%。\n"
    "3.时效指标2个:项目开工率100%,项目完工率≥25%。\n"
    "4.生态效益指标4个:地表水水质优良比例4项指标达到国家下达的年度目标值。\n"
    "5.服务对象满意度指标1个:群众满意度≥90%。\n"
)


def test_two_counts_opening_one_marked_list_are_not_held_to_its_paragraphs():
    relations, unread = extract_counts(Scan.of(_doc(TWO_COUNTS)))
    assert [r for r in relations if r.wording == "numbered_paragraphs"] == []
    (note,) = unread
    assert TWO_COUNTS[note.start : note.end] == "5个、三级指标14个" and "哪一个" in note.reason
    assert [c for c, _ in checks_of(TWO_COUNTS, 2022) if c == "count"] == []


def test_one_count_opening_the_same_list_is_still_held_to_it():
    one = TWO_COUNTS.replace("二级指标5个、", "").replace("三级指标14个", "二级指标4个")
    (rel,) = [r for r in extract_counts(Scan.of(_doc(one)))[0] if r.wording == "numbered_paragraphs"]
    assert (rel.stated, len(rel.item_spans)) == (4, 5)
