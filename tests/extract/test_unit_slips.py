"""Amounts tied to amounts in another money unit (UnitPeers): the same figure under two units, and
funds a paragraph states in another unit, wherever the relation around them is not recognised.
Phrasings from dev reports r7-03/r8-02, r1-13, r1-22, r9-01, r6-12, r2-11 and r2-10."""

from __future__ import annotations

from decimal import Decimal

from review.checks.base import Context
from review.checks.unit import check_units
from review.core.claims import UnitPeers
from review.extract.rules.unit_slips import distinctive
from tests.conftest import review_text


def _peers(text: str) -> list[tuple[str, tuple[str, ...], str]]:
    claims = review_text(text, 2021).claims
    q = claims.by_id()
    return [
        (q[r.amount].text, tuple(q[p].text for p in r.peers), r.basis)
        for r in claims.relations
        if isinstance(r, UnitPeers)
    ]


def _units(text: str) -> list[tuple[str, str]]:
    return [(f.quote, f.message) for f in review_text(text, 2021).findings if f.check == "unit"]


# dev r7-03 / r8-02 (资金投入情况分析), with 财政拨款 written in 元 as a slip would write it
_R7_03 = (
    "(一)资金投入情况分析\n1、年度资金40.83万元,本年度财政拨款40.83元。\n2、项目资金执行率为100%。\n"
    "购买变压器一套18.8万元;购置电锅炉一台6.75万元;增设发酵池十二个3.2万元;共计40.83万元,"
    "改建后已带动14户贫困户分红,分红款每户贫困户可分得700元,已稳定脱贫。\n"
)


def test_the_same_figure_under_two_units_is_tied() -> None:
    found = _peers(_R7_03)
    assert ("40.83元", ("40.83万元", "40.83万元"), "same_figure") in found
    assert ("40.83万元", ("40.83元",), "same_figure") in found


def test_the_figure_in_the_unit_the_report_does_not_use_is_the_slip() -> None:
    (hit,) = [u for u in _units(_R7_03) if "40.83元" in u[0]]
    assert hit[0] == "本年度财政拨款40.83元"
    assert "若单位应为“万元”，即40.83万元" in hit[1]


def test_a_per_household_amount_is_never_a_peer() -> None:
    # 分红款每户贫困户可分得700元: a rate, whatever the paragraph's budget is written in
    assert all("700元" not in (a, *p) for a, p, _ in _peers(_R7_03))


# dev r1-13 (食品监管补助资金): funds in 元 among funds in 万元, in one paragraph
_R1_13 = (
    "2021年度我局食品监管专项转移支付预算资金3万元,进一步细化和量化资金绩效指标,"
    "下达我局食品监管补助资金1.5万元、《关于提前下达中央食品食品监管补助资金预算通知》补助资金1.5元,"
    "二、绩效目标完成情况分析\n"
)


def test_funds_a_thousand_times_below_their_paragraph_are_flagged() -> None:
    hits = _units(_R1_13)
    assert [q for q, _ in hits] == ["《关于提前下达中央食品食品监管补助资金预算通知》补助资金1.5元"]
    assert "即1.5万元" in hits[0][1]


# dev r9-01 (基本药物制度补助, a real slip the report makes): 471.23元 whose parts are in 万元
_R9_01 = (
    "年度完成基层医疗卫生机构实施基本药物制度补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元;"
    "其中完成村卫生室实施基本药物制度补助471.23元,其中中央补助189.63万元,地方财政补助281.6万元。\n"
)


def test_the_amount_its_paragraph_writes_least_is_the_slip() -> None:
    review = review_text(_R9_01, 2021)
    ctx = Context(claims=review.claims, text=_R9_01, period=2021)
    mine = [f for f in check_units(ctx) if f.rule == "unit.off_scale"]
    assert [f.quote for f in mine] == ["完成村卫生室实施基本药物制度补助471.23元"]
    assert "不到同段其他金额的千分之一" in mine[0].message and "即471.23万元" in mine[0].message
    # the sum check reads the same slip from 其中 parts; the review keeps one unit finding there
    assert [q for q, _ in _units(_R9_01)] == ["完成村卫生室实施基本药物制度补助471.23元"]


# dev r6-12 (残疾军人护理费): the 元 amount in another sentence of the paragraph
_R6_12 = (
    "2023年省级下拨1-4级分散供养残疾军人护理费3.89万元;市级下拨1-4级分散供养残疾军人护理费3.89万元;"
    "全年应执行数为7.79元,实际执行率为100%。\n"
)


def test_the_paragraph_not_the_sentence_bounds_the_peers() -> None:
    assert ("7.79元", ("3.89万元", "3.89万元"), "paragraph") in _peers(_R6_12)
    assert [q for q, _ in _units(_R6_12)] == ["全年应执行数为7.79元"]


def test_amounts_a_paragraph_keeps_in_scale_are_not_flagged() -> None:
    # dev r2-10: a per-mu subsidy standard in 元 beside the project's 万元; and a small fee in 元
    # that is not a thousandth of the budget
    text = (
        "下达资金280万元,用于2023年西平县优质小麦种植补贴项目。按照每人每亩财政给予100元的小麦种植补贴标准发放。\n"
        "项目资金共计2.5万元,其中办公费支出800元。\n"
    )
    assert _units(text) == []


def test_a_figure_that_is_not_distinctive_is_not_tied_across_paragraphs() -> None:
    # dev r1-22 writes 6152万元 and 6622万元; 300 or 140 repeated in another paragraph may be chance
    assert distinctive(Decimal("6152")) and distinctive(Decimal("1.5")) and distinctive(Decimal("1760"))
    assert not distinctive(Decimal("300")) and not distinctive(Decimal("140"))
    text = "一是布达拉宫管理处年初预算内项目资金6152万元。\n\n二是提前下达项目资金300万元。\n\n培训费300元。\n"
    assert _peers(text) == []


def test_the_same_figure_across_paragraphs_is_tied() -> None:
    # dev r1-22 (西藏 文物保护资金): the figure in 元 in a paragraph with no other amount
    text = (
        "一、项目概况\n年初预算内项目资金6152万元,提前下达项目资金6622万元,合计12774万元。\n\n"
        "二、绩效目标分解下达情况\n一是布达拉宫管理处年初预算内项目资金6152元绩效目标按照预算申报绩效核定。\n"
    )
    assert [q for q, _ in _units(text)] == ["一是布达拉宫管理处年初预算内项目资金6152元"]


def test_a_village_income_target_in_yuan_beside_its_actual_in_wan() -> None:
    # dev r2-11 (效益指标完成情况分析)
    text = (
        "该项目的效益指标,预定村集体收入60.3元,实际已完成村集体收入60.3万元;带动受益建档立卡贫困户总收入42.21万元。\n"
    )
    assert [q for q, _ in _units(text)] == ["预定村集体收入60.3元"]


def test_funds_per_year_or_paid_by_contract_are_amounts() -> None:
    # dev r8-08 (每年财政补助1000万元) and r1-14 (按照合同进度已支付资金139.433578万元): funds, not rates
    text = "每年财政补助1000.5万元,按照合同进度已支付资金139.433578万元。\n另行拨付资金1000.5元。\n"
    found = _peers(text)
    assert ("1000.5元", ("1000.5万元",), "same_figure") in found
    assert [q for q, _ in _units(text)] == ["另行拨付资金1000.5元"]


# dev r4-03 (原州区 马铃薯原种): a flattened 自评表 whose funds block says (万元), one cell written in 元
_R4_03 = (
    "资金情况(万元)年度资金总额全年预算数(A)300全年执行数(B)执行率(B/A)其中中央补助自治区补助300元\n"
    "259.45万元\n86.5%市县资金年度总体目标一是通过政府招标采购方式,采购马铃薯原原种425万粒\n"
)
# dev r2-02 (棠溪镇): the same form, its target written in 元 after 年度总体目标
_R2_02 = (
    "项目资金 (万元) 年初预算数 全年预算数 全年执行数 分值 执行率 得分 年度资金总额: 0 0 0 10 0 0 "
    "其中:本年财政拨款 202.64 132.912 132.912 上年结转资金 其他资金 年度总体目标 预期目标 实际完成情况 "
    "本项目共申请预算资金2026400元,其中村级组织运转400000元\n"
)


def test_a_cell_written_in_another_unit_than_its_header() -> None:
    assert ("300元", ("259.45万元",), "header") in _peers(_R4_03)
    (hit,) = _units(_R4_03)
    assert hit[0] == "中央补助自治区补助300元"
    assert "表头单位为“万元”，此处写作300元" in hit[1] and "即300万元" in hit[1]


def test_the_header_reaches_its_cells_not_the_targets_after_them() -> None:
    assert [b for _, _, b in _peers(_R2_02) if b == "header"] == []
    slipped = _R2_02.replace("其中:本年财政拨款 202.64 ", "其中:本年财政拨款 202.64元 ")
    assert ("202.64元", (), "header") in _peers(slipped)
    # dev r8-08: indicators after the funds block state their own units (医疗收入达到5亿元)
    r8_08 = (
        "一次性项目口预算执行情况 (万元) 年度财政 资金总额10001000100%20一级指标二级指标三级指标 医疗收入达到5亿元\n"
    )
    assert [b for _, _, b in _peers(r8_08) if b == "header"] == []


def test_what_a_part_of_the_project_costs_is_funds() -> None:
    # dev r7-03 (购置电锅炉一台6.75万元) and r2-02 (党小组长基本报酬252000元): items priced, not named 资金
    r7_03 = "购买变压器一套18.8万元;购置电锅炉一台6.75元;增设发酵池十二个3.2万元;共计40.83万元。\n"
    assert [q for q, _ in _units(r7_03)] == ["购置电锅炉一台6.75元"]
    r2_02 = "本项目共申请预算资金2026400元,其中村级组织运转400000元,村民组长,党小组长基本报酬25.2万元。\n"
    assert ("25.2万元", ("2026400元", "400000元"), "paragraph") in _peers(r2_02)
    assert _units(r2_02) == []  # 25.2万元 is not a thousand times the 元 amounts beside it


def test_a_closing_total_is_funds_though_its_label_drops_the_word() -> None:
    # dev r7-03 / r8-02: 共计40.83万元 (the label leaves out 共计), and r2-01: 本项目共申请预算资金90万元
    r7_03 = "购买变压器一套18.8万元;购置电锅炉一台6.75万元;增设发酵池十二个3.2万元;共计40.83元,改建后已带动14户。\n"
    assert ("40.83元", ("18.8万元", "6.75万元", "3.2万元"), "paragraph") in _peers(r7_03)
    # 40.83元 is more than a thousandth of 3.2万元 (32元), so not below every amount of its paragraph; a closing
    # total (共计) is a principal figure, and it is below a thousandth of the median of them (6.75万元)
    ((quote, message),) = _units(r7_03)
    assert quote == "40.83元" and "中位数6.75万元" in message
    r2_01 = "本项目共申请预算资金90元。其中:30万元用于基建工程项目预算编制;30万元用于基建工程项目审计。\n"
    assert [q for q, _ in _units(r2_01)] == ["本项目共申请预算资金90元"]


def test_a_figure_repeated_in_one_unit_has_no_peers_until_another_unit_writes_it() -> None:
    """A figure a long report repeats thousands of times in one unit has no peers; one writing of it
    in another unit ties every writing to it."""
    from review.core.claims import Quantity
    from review.extract.rules.unit_slips import _same_figures

    amounts = [
        Quantity(
            id=f"q{i}", text="40.83万元", start=i * 10, end=i * 10 + 7, value=Decimal("40.83"), unit="万元", decimals=2
        )
        for i in range(20000)
    ]
    assert _same_figures(amounts) == []  # one unit only: nothing to compare (bench/bench.py measures the cost)
    slip = Quantity(id="q_x", text="40.83元", start=300000, end=300006, value=Decimal("40.83"), unit="元", decimals=2)
    tied = _same_figures([*amounts[:3], slip])
    assert [(r.amount, r.peers) for r in tied] == [
        ("q0", ("q_x",)),
        ("q1", ("q_x",)),
        ("q2", ("q_x",)),
        ("q_x", ("q0", "q1", "q2")),
    ]


# dev r28-03 (漳州市 福利彩票公益金 公告): the year's allocation alone in its paragraph, written in 元 as a slip would
_R28_03 = (
    "一、中央福利彩票公益金下达913万元,具体下达和分配使用情况如下:\n\n"
    "1、中央福利彩票公益金上年结转97万元\n\n"
    "下达漳州市347万元,其中老年人福利类上年结余97万元,结转今年分配。\n\n"
    "2、中央福利彩票公益金本年下达816元\n\n"
    "下达漳州市老年人福利类项目196万元、儿童福利类项目69万元、社会公益类项目计40万元,总计下达305万元。\n"
)
# dev r25-06 (达州市 国家非物质文化遗产保护资金 自评): the fund's allocation, the report's other funds in 万元
_R25_06 = (
    "下达我市宣汉县文化馆薅草锣鼓保护补助40万元,下达我市渠县国家级非遗代表性传承人补助2万元。\n"
    "项目年初预算42万元。\n全年执行42万元。\n"
    "2021年我市国家非物质文化遗产保护资金下达42元,资金到位率100%。\n"
)


def test_a_principal_figure_a_thousand_times_below_the_reports_amounts_is_flagged() -> None:
    """An allocation, a budget or a total written in 元 alone in its paragraph, in a report that writes its
    amounts in 万元: a thousand times below the median of those, read in 万元 it is of the report's scale."""
    for text, slip in ((_R28_03, "816元"), (_R25_06, "42元")):
        assert (slip, "report") in [(a, basis) for a, _, basis in _peers(text)]
        ((quote, message),) = _units(text)
        assert quote.endswith(slip) and "不到本报告以“万元”所写金额" in message and "千分之一" in message
        assert _units(text.replace(slip, slip.replace("元", "万元"))) == []


def test_a_leftover_or_a_small_payment_in_yuan_is_of_no_report_scale() -> None:
    """What is left over (结余, 剩余) may be tiny, and a payment to one person is no principal figure."""
    left = _R25_06.replace("资金下达42元", "资金结余42元")
    paid = _R28_03.replace("中央福利彩票公益金本年下达816元", "发放慰问困难老人816元")
    for text in (left, paid):
        assert [basis for *_, basis in _peers(text) if basis == "report"] == []
        assert _units(text) == []
