"""check_units from hand-made claims: an amount above the whole budget (BudgetCeiling), a per-head
amount a thousand times its neighbours' and a target unit price unlike the actual one (UnitPrice)."""

from __future__ import annotations

from collections import Counter

import pytest

from review.checks.base import Context
from review.checks.unit import check_units
from review.core.claims import BudgetCeiling, UnitPeers, UnitPrice
from review.core.findings import dedupe
from tests.checks.builders import Sheet, essentials, spans_ok
from tests.conftest import checks_of


def ceiling(amount: str, budget: str) -> tuple[Sheet, Context]:
    s = Sheet()
    b, a = s.num(budget, "预算安排"), s.num(amount, "发放补贴")
    return s, s.ctx(BudgetCeiling(amount=a.id, budget=b.id))


def per_head(*groups: tuple[str, str]) -> tuple[Sheet, Context]:
    s = Sheet()
    pairs = tuple((s.num(heads, "补助").id, s.num(money, "共计").id) for heads, money in groups)
    return s, s.ctx(UnitPrice(groups=pairs))


def target_price(target: tuple[str, str], actual: tuple[str, str]) -> tuple[Sheet, Context]:
    s = Sheet()
    ta, tm = s.num(target[0], "目标面积"), s.num(target[1], "目标成本")
    aa, am = s.num(actual[0], "实际面积"), s.num(actual[1], "实际成本")
    return s, s.ctx(UnitPrice(groups=(), target=(ta.id, tm.id), actual=(aa.id, am.id)))


# rule, severity, how the claims are built, the quote, message fragments
FAILS = [
    pytest.param(
        "unit.part_exceeds_budget",
        "high",
        lambda: ceiling("617705万元", "6024.595024万元"),
        "发放补贴617705万元",
        ("金额超过部门预算总额：617705万元大于预算安排6024.595024万元", "若单位应为“元”，即61.7705万元"),
        id="unit.part_exceeds_budget",
    ),
    pytest.param(
        "unit.per_head_outlier",
        "high",
        lambda: per_head(("1466人次", "617705万元"), ("100人次", "50000元"), ("200人次", "90000元")),
        "共计617705万元",
        ("人均金额异常：617705万元对应1466人次", "中位数500元"),
        id="unit.per_head_outlier",
    ),
    pytest.param(
        "unit.target_unit_price",
        "low",
        lambda: target_price(("1000平方米", "100万元"), ("1000平方米", "200万元")),
        "目标成本100万元",
        ("目标单价与实际单价不一致", "实际200万元/1000平方米"),
        id="unit.target_unit_price",
    ),
]


@pytest.mark.parametrize(("rule", "severity", "build", "quote", "message"), FAILS)
def test_a_unit_slip_is_flagged(rule, severity, build, quote, message) -> None:
    s, ctx = build()
    (f,) = check_units(ctx)
    assert essentials(f) == ("unit", severity, rule)
    assert f.quote == quote and spans_ok([f], s.text)
    assert all(m in f.message for m in message), f.message


HOLDS = [
    pytest.param(lambda: ceiling("100.4万元", "100万元"), id="unit.part_exceeds_budget-rounding"),
    pytest.param(lambda: ceiling("61.7705万元", "6024.595024万元"), id="unit.part_exceeds_budget-below"),
    # a little above the budget taken as the whole: a budget of narrower scope, no unit's scale
    pytest.param(lambda: ceiling("2110万元", "1500万元"), id="unit.part_exceeds_budget-narrower-budget"),
    pytest.param(lambda: ceiling("9999万元", "1000万元"), id="unit.part_exceeds_budget-under-tenfold"),
    # one level's share taken for the whole (r12-01: 县本级 76万元 of the 2110万元 fund): 28×, no unit's scale
    pytest.param(lambda: ceiling("2110万元", "76万元"), id="unit.part_exceeds_budget-under-hundredfold"),
    # a budget left at 0 (r2-01's 年度资金总额: 0 0 0 over its 本年财政拨款 90): no unit's scale of anything
    pytest.param(lambda: ceiling("90万元", "0万元"), id="unit.part_exceeds_budget-budget-left-at-zero"),
    pytest.param(
        lambda: per_head(("1466人次", "733000元"), ("100人次", "50000元"), ("200人次", "90000元")),
        id="unit.per_head_outlier-alike",
    ),
    pytest.param(
        lambda: per_head(("1466人次", "617705万元"), ("100人次", "50000元")), id="unit.per_head_outlier-two-groups"
    ),
    pytest.param(
        lambda: target_price(("1000平方米", "100万元"), ("1000平方米", "104万元")),
        id="unit.target_unit_price-within-5%",
    ),
]


@pytest.mark.parametrize("build", HOLDS)
def test_amounts_that_fit_are_not_flagged(build) -> None:
    assert check_units(build()[1]) == []


def test_the_per_head_finding_computes_the_amount_per_head() -> None:
    (f,) = check_units(per_head(("1466人次", "617705万元"), ("100人次", "50000元"), ("200人次", "90000元"))[1])
    # 617705万元 = 6177050000元, ÷ 1466 = 4213540.25…元; the median of 4213540.25, 500 and 450 is 500
    assert f.computed is not None and f.computed.display == "4213540.25元/人次"


def test_one_finding_per_span_when_two_rules_name_the_same_amount() -> None:
    s = Sheet()
    b = s.num("6024.595024万元", "预算安排")
    pairs = [(s.num(h, "补助"), s.num(m, "共计")) for h, m in (("1466人次", "617705万元"), ("100人次", "50000元"))]
    pairs.append((s.num("200人次", "补助"), s.num("90000元", "共计")))
    rels = (BudgetCeiling(amount=pairs[0][1].id, budget=b.id), UnitPrice(groups=tuple((h.id, m.id) for h, m in pairs)))
    # both rules name 617705万元; the pipeline keeps one finding per span and check (the more severe)
    assert [f.rule for f in dedupe(check_units(s.ctx(*rels)))] == ["unit.part_exceeds_budget"]


def peers(amount: str, others: tuple[str, ...], basis: str, kin: tuple[str, ...] = (), written: str = "") -> Context:
    """UnitPeers from hand-made claims: `others` first, then `kin` and `amount`; `written` the unit
    the report's other amounts are in (three of them), "" for none."""
    s = Sheet()
    o = [s.num(x, "年度资金") for x in others]
    k = [s.num(x, "项目资金") for x in kin]
    a = s.num(amount, "本年度财政拨款")
    tally = Counter(q.unit for q in s.quantities) + Counter({written: 3} if written else {})
    rel = UnitPeers(
        amount=a.id,
        peers=tuple(q.id for q in o),
        basis=basis,
        kin=tuple(q.id for q in k),
        written=tuple(sorted(tally.items())),
    )
    return s.ctx(rel)


def test_the_same_figure_in_the_unit_the_report_does_not_use_is_flagged() -> None:
    (f,) = check_units(peers("40.83元", ("40.83万元",), "same_figure", written="万元"))
    assert essentials(f) == ("unit", "medium", "unit.same_figure")
    assert f.quote == "本年度财政拨款40.83元"
    assert f.computed is not None and (f.computed.display, f.computed.unit) == ("40.83万元", "万元")
    assert "本报告金额多以“万元”计" in f.message


def test_the_same_figure_in_the_prevailing_unit_is_not_the_slip() -> None:
    assert check_units(peers("40.83万元", ("40.83元",), "same_figure", written="万元")) == []


def test_the_same_figure_is_not_flagged_when_no_unit_prevails() -> None:
    assert check_units(peers("40.83元", ("40.83万元",), "same_figure")) == []


def test_funds_a_thousand_times_below_every_peer_are_flagged() -> None:
    (f,) = check_units(peers("1.5元", ("3万元", "1.5万元"), "paragraph"))
    assert essentials(f) == ("unit", "medium", "unit.off_scale")
    assert "不到同段其他金额的千分之一" in f.message and "即1.5万元" in f.message


def test_funds_a_thousand_times_above_every_peer_are_flagged() -> None:
    # a paragraph in 元 (项目资金3926.96元) with one amount written in 万元
    (f,) = check_units(peers("2696万元", ("3926.96元", "3900元"), "paragraph"))
    assert "超过同段其他金额的千倍" in f.message and "即2696元" in f.message
    assert f.computed is not None and (f.computed.lo, f.computed.hi) == ("2695.5", "2696.5")


OFF_SCALE_HOLDS = [
    # 800元 is more than a thousandth of 2.5万元 (25元): a small part, not a slip
    pytest.param(lambda: peers("800元", ("2.5万元",), "paragraph"), id="within-scale"),
    # one peer a thousand times larger, one not: the paragraph does not place it
    pytest.param(lambda: peers("5039元", ("277万元", "2228万元"), "paragraph"), id="not-every-peer"),
    # the paragraph and the report both write 元 most: the 万元 amount is not placed by them
    pytest.param(lambda: peers("1.5元", ("3万元",), "paragraph", kin=("2元", "4元"), written="元"), id="kin-prevail"),
]


@pytest.mark.parametrize("build", OFF_SCALE_HOLDS)
def test_amounts_their_paragraph_does_not_place_are_not_flagged(build) -> None:
    assert check_units(build()) == []


def test_a_cell_in_another_unit_than_its_header_is_flagged() -> None:
    s = Sheet()
    cell, other = s.num("300元", "自治区补助"), s.num("259.45万元", "全年执行数")
    (f,) = check_units(s.ctx(UnitPeers(amount=cell.id, peers=(other.id,), basis="header", declared="万元")))
    assert essentials(f) == ("unit", "medium", "unit.header_unit")
    assert f.computed is not None and (f.computed.display, f.computed.lo, f.computed.hi) == (
        "300万元",
        "299.5",
        "300.5",
    )
    # a cell in the header's own unit says nothing
    same = s.num("300万元", "中央补助")
    assert check_units(s.ctx(UnitPeers(amount=same.id, peers=(), basis="header", declared="万元"))) == []


# dev r20-04 (农机购置补贴): the year's budget written 2089元 in a report written in 万元, its parts and their
# shares after it; dev r16-10 (百岁宫大气监测) with its 预算数 written in 元 the same way (16元 for 16万元)
_R20_04 = (
    "1.項目資金到位情況分析。2024年農機購置補貼項目資金全年預算數2089元:其中中央轉移支付財政資金預算資金合計1777萬元,"
    "占比85.06 %;省級配套農機購置補貼資金312萬元,占比14.94%。\n"
    "2.項目資金執行情況分析。2024年農機購置補貼項目資金調整後全年預算資金2089萬元,全\n"
)
_R16_10 = (
    "(1)预算安排情况\n百岁宫大气监测专项经费预算数为16元。分别为百岁宫大气自动监测站委托第三方运行维护经费10万元和"
    "百岁宫大气自动站电费、专线网络费、高级纸带及易损零配件费用6万元。\n(2)资金使用情况\n"
    "2021年度百岁宫大气监测专项项目经费实际执行数为10.01万元,预算执行率为63%。\n"
)


@pytest.mark.parametrize(
    ("text", "period", "budget"),
    [(_R20_04, 2024, "2089元"), (_R16_10, 2021, "16元")],
    ids=["r20-04", "r16-10"],
)
def test_a_budget_written_in_yuan_is_the_one_slip_not_every_amount_above_it(text, period, budget):
    found = checks_of(text, period)
    assert len(found) == 1 and found[0][0] == "unit" and found[0][1].endswith(budget)
    assert not [c for c in found if c[0] == "ratio"]  # 312万元 ÷ 2089元 is no wrong rate but the same slip
    fixed = text.replace(budget, budget.replace("元", "万元"), 1)
    assert checks_of(fixed, period) == []
