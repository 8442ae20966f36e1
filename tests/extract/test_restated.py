"""One fact stated twice (review/extract/rules/restated.py): a target against its actual, an amount
of the targets restated, and what the wording shows to be different facts."""

import pytest

from review.core.claims import PlanActual, SameFact
from tests.conftest import checks_of, review_text


def _pairs(text: str, period: int = 2020) -> list[tuple[str, str, str]]:
    r = review_text(text, period)
    q = r.claims.by_id()
    return [
        (p.rule, q[p.anchor].text, q[p.other].text)
        for p in r.claims.relations
        if isinstance(p, PlanActual) and p.rule.startswith("target")
    ]


def _facts(text: str, period: int = 2021) -> list[tuple[str, tuple[str, ...]]]:
    r = review_text(text, period)
    q = r.claims.by_id()
    return [(f.what, tuple(q[i].text for i in f.statements)) for f in r.claims.relations if isinstance(f, SameFact)]


# dev r2-11 (西平县 电脑横机): the planned content under 绩效目标分解下达情况, done under 完成情况
_R2_11 = (
    "一、绩效目标分解下达情况\n"
    "(一)财政专项扶贫资金下达预算及项目情况\n"
    "2020年县财政下达资金603万元,用于9个产业扶贫项目支出,主要建设内容是购买电脑横机114台。\n"
    "三、绩效目标自评完成情况分析\n"
    "(二)绩效目标完成情况分析\n"
    "年内已完成项目产出指标。已完成购买电脑横机114台。\n"
    "该项目的效益指标,预定村集体收入60.3万元,实际已完成村集体收入60.3万元。\n"
)
# dev r8-06 (渑池县 美丽乡村): a target of the 绩效目标 against the count stated after the works
_R8_06 = (
    "(四)绩效目标\n产业指标:\n全县23个美丽乡村建设示范村,受益农户9840个,涉及31500口人。\n"
    "二、项目绩效状况分析\n全县23个美丽乡村示范村建成后,直接受益农户9840个,间接受益农户达到7万余户。\n"
)


def test_a_target_and_its_actual_are_paired_by_their_noun():
    pairs = _pairs(_R2_11)
    assert ("target_actual", "114台", "114台") in pairs
    assert ("target_actual", "60.3万元", "60.3万元") in pairs
    assert ("target_actual", "9840个", "9840个") in _pairs(_R8_06, 2019)


def test_under_completion_is_not_a_finding():
    text = _R2_11.replace("已完成购买电脑横机114台", "已完成购买电脑横机110台")
    assert ("target_actual", "114台", "110台") in _pairs(text)
    assert not [c for c in checks_of(text, 2020) if c[0] == "consistency"]


def test_an_actual_asserted_equal_to_its_target_must_meet_it():
    text = _R2_11.replace("已完成购买电脑横机114台。", "已全部完成购买电脑横机110台。")
    assert ("target_asserted", "114台", "110台") in _pairs(text)
    assert ("consistency", "已全部完成购买电脑横机110台") in checks_of(text, 2020)


def test_a_qualifier_before_the_noun_makes_another_fact():
    # 间接受益农户 is not 受益农户; 中央财政资金 is not 县财政配套资金 (dev r5-09)
    assert all("7万" not in p for p in _pairs(_R8_06, 2019))
    text = "(一)绩效目标\n其中中央财政资金30.9万元。\n二、完成情况\n县财政配套资金30.9万元。\n"
    assert _pairs(text, 2021) == []


# dev r5-09 and r6-14 (农村饮水工程维修养护): the approved investment restated under 绩效目标
_R5_09 = (
    "(一)中央下达水利发展资金预算和绩效目标情况\n"
    "本项目属中央水利资金项目,项目批复总投资61.8万元。\n"
    "(二)预算和绩效目标分解情况\n"
    "项目批复总投资61.8万元,其中中央财政资金30.9万元,县财政配套资金30.9万元。\n"
)


def test_an_amount_of_the_targets_restated_is_one_fact():
    assert ("项目批复总投资", ("61.8万元", "61.8万元")) in _facts(_R5_09)
    assert checks_of(_R5_09, 2021) == []
    wrong = _R5_09.replace("项目批复总投资61.8万元,其中", "项目批复总投资68.1万元,其中")
    assert ("consistency", "项目批复总投资68.1万元") in checks_of(wrong, 2021)


def test_amounts_listed_in_one_sentence_are_not_restatements():
    # seed 004 (宁夏 村级组织): two 维护费 of one list, and enumerated items (一是…/二是…, dev r8-06)
    text = (
        "(一)绩效目标\n资金主要投入在基层组织和农村公共服务运行维护费68万元、垃圾车运营维护费4万元。\n"
        "一是美丽乡村建设实施方案编制,需资金277万元\n二是美丽乡村建设需资金600万元\n"
    )
    assert _facts(text) == []


def test_a_noun_written_after_the_count_names_the_fact():
    # dev r5-09 / r6-14 (169处农村饮水工程) and r9-01 (村卫生室352个 … 已完成352个村卫生室)
    text = (
        "本项目总体的绩效目标是169处农村饮水工程维修养护,覆盖服务人口4.52(万人)。\n"
        "项目完成情况:全县169处农村饮水工程的蓄水池、过滤池等进行必要的维修。\n"
    )
    assert ("target_actual", "169处", "169处") in _pairs(text, 2021)
    text = "指标2:实施基本药物制度补助村卫生室352个。 本年度已完成352个村卫生室基药补助的实施。\n"
    assert ("target_actual", "352个", "352个") in _pairs(text, 2019)
    other = text.replace("已完成352个村卫生室", "已完成352个乡镇卫生院")
    assert _pairs(other, 2019) == []


def test_two_things_with_the_same_last_word_are_not_paired():
    # seed 004: 基层组织和农村公共服务运行维护费68万元 is not 垃圾车运营维护费4万元
    text = (
        "(一)绩效目标\n计划投入基层组织和农村公共服务运行维护费68万元。\n二、完成情况\n已支付垃圾车运营维护费4万元。\n"
    )
    assert _pairs(text, 2022) == []


# dev r10-09 (农村危房改造, traditional characters in the source): the year's funds and their parts stated in two
# sections, and one batch of them with parts named alike
_R10_09 = (
    "一、绩效目标分解下达情况\n(一)下达农村危房改造转移支付预算和绩效目标情况。\n"
    "2023年共下达补助资金246.2万元(其中:下达中央补助资金226.7万元,下达省级补助资金19.5万元)。\n"
    "(二)资金安排、分解下达预算和绩效目标情况。\n"
    "2022年12月省财政厅、住建厅下达补助资金57.5万元(其中:下达中央补助资金38万元,下达省级补助资金19.5万元),"
    "2023年8月省财政厅、住建厅下达补助资金188.7万元。\n"
)
# dev r9-01 (基本药物制度补助): the whole's 中央补助, then a part's own 中央补助 inside its 其中 list
_R9_01 = (
    "(一)绩效目标\n年度完成基层医疗卫生机构实施基本药物制度补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元。"
    "\n其中完成村卫生室实施基本药物制度补助471.23万元,其中中央补助189.63万元,地方财政补助281.6万元。\n"
)


def test_a_part_named_like_a_part_of_another_whole_is_another_share():
    assert not any("38万元" in texts for _, texts in _facts(_R10_09, 2023))
    assert not any("189.63万元" in texts for _, texts in _facts(_R9_01, 2023))
    assert [c for c, _ in checks_of(_R10_09, 2023) if c == "consistency"] == []


def test_the_parts_of_one_whole_restated_are_still_one_fact():
    again = _R10_09 + (
        "(三)资金到位情况。\n2023年共下达补助资金246.2万元(其中:下达中央补助资金226.7万元,下达省级补助资金19.5万元)。\n"
    )
    assert ("下达中央补助资金", ("226.7万元", "226.7万元")) in _facts(again, 2023)
    slip = again[::-1].replace("7.622", "7.022", 1)[::-1]  # the last 226.7 written 220.7
    assert any(c == "consistency" and "220.7" in q for c, q in checks_of(slip, 2023))


# dev r11-04 (桂香村): two crops' prices per kilogram; dev r2-10 (西平县): a subsidy standard per 亩
_R11_04 = (
    "(二)财政衔接资金项目绩效目标设定情况。\n\n桂香村清脆李、翠冠梨种植项目绩效目标:预期收益。村集体投资种植优质李子树30亩,2020年挂果,2021年投产,"
    "预计每年每亩产李子1000公斤,每公斤售价5元,可实现总收入15万元,扣除土地租金、生产、劳务等费用成本每亩4000元,"
    "计12万元,可实现集体统一经营净收入3万元;村集体投资种植梨子圆50亩,2023年投产,每年亩产1500公斤,"
    "每公斤售价4元,预计年总收入30万元。\n"
)
_R2_10 = (
    "按照每人每亩财政给予100元的小麦种植补贴标准发放。\n按照每人每亩120元标准对脱贫户和监测户进行补贴已经全部完成。\n"
)


@pytest.mark.parametrize("text", [_R11_04, _R2_10], ids=["r11-04", "r2-10"])
def test_a_price_per_unit_is_no_fact_of_its_own(text):
    """每公斤售价 names what is measured, not whose: two prices per unit are not one fact restated."""
    assert not any(set(s) & {"5元", "4元", "100元", "120元"} for _, s in _facts(text))
    assert not [f for f in checks_of(text, 2021) if f[0] == "consistency"]


# dev r17-06 (忠县民政局): fourteen 项目 joined by ；, two of them 临时救助项目; dev r6-12: the 护理费 of two
# levels of government joined by ；, then their total
_R17_06 = (
    "一、绩效目标分解下达情况\n(一)中央、市级下达专项转移支付预算\n2024年度,中央、市级下达转移支付慈善会项目40万元;城乡低保、特困供养、临时救助项目2.75万元;"
    "忠州福利院运行经费项目25.85万元;困难群众临时救助项目1856.95万元;流浪乞讨救助经费36万元。\n"
    "共计下达中央、市级转移支付资金1961.6万元。\n"
)
_R6_12 = (
    "一、绩效目标分解下达情况\n2023年省级下拨1-4级分散供养残疾军人护理费3.89万元;市级下拨1-4级分散供养残疾军人护理费3.89万元;"
    "全年应执行数为7.79万元,实际执行率为100%。\n"
)


@pytest.mark.parametrize(("text", "period"), [(_R17_06, 2024), (_R6_12, 2023)], ids=["r17-06", "r6-12"])
def test_items_of_one_list_joined_by_semicolons_are_two_facts(text, period):
    assert _facts(text, period) == []
    assert not [f for f in checks_of(text, period) if f[0] == "consistency"]
