"""Rates and shares (check: ratio)."""

import pytest

from review.extract.rules.ratios import extract_ratios
from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of, review_text

HOLDS = [
    "2021年度项目资金预算数4286.67万元，实际到位4212.62万元。执行率为98.3%。",
    "其中监测户90户350人，已消除风险50户204人，风险消除率为58.29%。",
    "完成2022年迹地更新造林项目任务1100亩，实际完成1100亩，完成率为100％。",
    "2021年部门预算安排支出合计1333.74万元，其中:基本支出871.44万元，占总支出的65.3%；项目支出462.3万元，占总支出的34.7%。",
    "项目支出安排执行率100%的18个项目金额1572.93359万元；执行率80%以下的有21个项目金额483.188238万元。",
    "全年预算安排500万元，实际支出450万元，预算执行率为90.0%。",
]


@pytest.mark.parametrize("text", HOLDS)
def test_rates_that_hold(text):
    assert [c for c, _ in checks_of(text, 2022) if c == "ratio"] == []


BROKEN = [
    ("本部门2022年度预算安排6024.595024万元，总体执行3789.9671万元，预算执行率56%。", "预算执行率56%"),
    ("全年预算安排500万元，实际支出450万元，预算执行率为95%。", "预算执行率为95%"),
    ("完成造林任务1100亩，实际完成990亩，完成率为100%。", "完成率为100%"),
    ("支出合计1000万元，其中：基本支出600万元，占总支出的65%；项目支出400万元，占总支出的35%。", "占总支出的65%"),
]


@pytest.mark.parametrize(("text", "quote"), BROKEN)
def test_wrong_rates_are_flagged(text, quote):
    found = checks_of(text, 2022)
    assert any(c == "ratio" and quote in q for c, q in found), found


def test_rate_rounding_boundary():
    # 4212.62 / 4286.67 = 98.2726…%: 98.3% (98.25–98.35) holds, 98.2% (98.15–98.25) does not
    ok = "项目资金预算数4286.67万元，实际到位4212.62万元，执行率为98.3%。"
    bad = ok.replace("98.3%", "98.2%")
    assert checks_of(ok, 2021) == []
    (f,) = [f for f in review_text(bad, 2021).findings if f.check == "ratio"]
    assert f.computed and f.computed.lo and f.computed.lo.startswith("98.27")
    assert f.stated and (f.stated.lo, f.stated.hi) == ("98.15", "98.25")


def test_tier_labels_are_not_rates():
    text = "执行率100%的18个项目金额100万元；执行率80%以下的有2个项目金额5万元。"
    assert checks_of(text, 2022) == []


def ratios(text: str) -> list[tuple[str, str, list[str]]]:
    """(rate, numerator, denominator candidates — a sum of parts written a + b) as quoted."""
    scan = Scan.of(doc_of(text))
    q = {x.id: x.text for x in scan.quantities}
    out = []
    for r in extract_ratios(scan, extract_sums(scan)[0]):
        dens = [q[d] for d in r.denominators] + (["+".join(q[p] for p in r.whole_parts)] if r.whole_parts else [])
        out.append((q[r.rate], q[r.numerator], dens))
    return out


# 资金X率: the money named with X over the money allocated, named within the paragraph
FUNDS_RATES = [
    pytest.param(  # r3-04
        "年初预算1086.95万元,资金到位率100%。全部属于财政资金。\n(二)项目资金使用情况分析\n"
        "截止2023年12月31日,项目实际使用资金1076.47万元,资金使用率99%。",
        ("99%", "1076.47万元", ["1086.95万元"]),
        id="r3-04 资金使用率",
    ),
    pytest.param(  # r2-19
        "2020年我区安排专项扶贫资金2052.4万元,其中:中央资金316万元,省资金588万元。"
        "根据资金投入数对接项目28个,对接资金2052.4万元,资金对接率100%。",
        ("100%", "2052.4万元", ["2052.4万元"]),
        id="r2-19 资金对接率",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FUNDS_RATES)
def test_a_funds_rate_is_its_named_amount_over_the_allocation(text, expected) -> None:
    assert expected in ratios(text)
    wrong = text.replace(expected[0] + "。", "9" + expected[0] + "。") if expected[0] != "100%" else None
    found = checks_of(wrong or text.replace("100%", "103%"), 2021)
    assert any(c == "ratio" for c, _ in found), found


def test_a_funds_rate_needs_its_named_base() -> None:
    # no allocation named (预算/安排/下达/批复): no claim, not a guess among the larger amounts
    assert ratios("项目总投资1200万元,实际使用资金1076.47万元,资金使用率99%。") == []
    # a 资金X率 whose X is a change is over last year's amount: the allocation is not its base
    assert ratios("年初预算1000万元。本年增长资金100万元,资金增长率10%。") == []
    assert ratios("年初预算1000万元。本年使用资金100万元,资金使用率10%。") == [("10%", "100万元", ["1000万元"])]


# 占 shares: the part is the amount the share's subject names (or the one just before it), the
# whole the amount(s) it names, or (占比) the total the part is listed under
SHARES = [
    pytest.param(  # r2-19: the whole named as two amounts joined by 、
        "2020年我区安排专项扶贫资金2052.4万元,其中:中央资金316万元,省资金588万元,市级资金478.4万元,"
        "区级资金670万元,区级资金投入占中央、省资金的74.12%,同比增长15.52%。",
        [("74.12%", "670万元", ["316万元+588万元"])],
        id="r2-19 占中央、省资金的",
    ),
    pytest.param(  # r3-03: counts listed under the sentence's total, each with its share
        "复核评价的50个项目,复核等次为“优秀”的5个,占比10%,“良好”的23个,占比46%,“中(一般)”的22个,占比44%。",
        [("10%", "5个", ["50个"]), ("46%", "23个", ["50个"]), ("44%", "22个", ["50个"])],
        id="r3-03 占比",
    ),
    pytest.param(  # 003 seed: the whole is the list's total (its name 总支出)
        "2021年部门预算安排支出合计1333.74万元，其中:基本支出871.44万元，占总支出的65.3%；"
        "项目支出462.3万元，占总支出的34.7%。",
        [("65.3%", "871.44万元", ["1333.74万元"]), ("34.7%", "462.3万元", ["1333.74万元"])],
        id="003 占总支出的",
    ),
    pytest.param(  # r6-16: 完成B的x%, B named
        "项目全年预算数为1050万元,执行数为1050万元,完成预算的100%。",
        [("100%", "1050万元", ["1050万元"])],
        id="r6-16 完成预算的",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SHARES)
def test_a_share_is_its_part_over_the_whole_it_names(text, expected) -> None:
    assert ratios(text) == expected
    assert [c for c, _ in checks_of(text, 2021) if c == "ratio"] == []


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("区级资金670万元,区级资金投入占中央、省资金的77.12%。", None),  # the parts are not stated: no claim
        ("中央资金316万元,省资金588万元,区级资金670万元,区级资金投入占中央、省资金的77.12%。", "77.12%"),
        ("复核评价的50个项目,复核等次为“优秀”的5个,占比13%,“良好”的23个,占比46%。", "占比13%"),
        ("项目全年预算数为1050万元,执行数为1000万元,完成预算的100%。", "完成预算的100%"),
    ],
)
def test_a_share_off_its_parts_is_flagged_when_its_operands_are_named(text, quote) -> None:
    found = [q for c, q in checks_of(text, 2021) if c == "ratio"]
    assert found == ([] if quote is None else [found[0]]) and (quote is None or quote in found[0]), found


def test_each_name_of_a_whole_must_name_one_amount() -> None:
    # 中央 names two amounts here: which one is meant is not read, so no claim
    text = "中央资金316万元,中央预算内资金20万元,省资金588万元,区级资金670万元,区级资金投入占中央、省资金的74.12%。"
    assert ratios(text) == []


def test_a_share_whose_subject_names_no_amount_is_not_read() -> None:
    # 区级资金投入 is the subject, but no amount is named 区级…: not the nearest amount by default
    assert ratios("中央资金316万元,省资金588万元,区级资金投入占中央、省资金的74.12%。") == []


def test_a_numbered_item_does_not_borrow_the_amounts_of_the_item_before() -> None:
    # r3-07: (2)'s 拨付率100% is about its own project, not the 100.6万元 of item (1)
    text = (
        "2024年省财政下达我区资金440万元。\n1.资金目标:(1)武安镇京元村状元故居文化公园及周边配套工程项目资金拨付率100%。"
        "该项目按工程施工进度及时拨付资金,截至2025年6月工程进度款已拨付资金100.6万元,及时率71.86%;"
        "(2)漳州市长泰区林墩乐动谷基础配套设施建设项目资金拨付率100%。"
    )
    assert ratios(text) == []
    # without the item mark the sentence before is its context (a rate that opens its sentence)
    assert ratios("2024年下达资金440万元,已拨付资金440万元;拨付率100%。") == [("100%", "440万元", ["440万元"])]


# A change rate: the change amount just before it over the value it changed
R2_03 = (
    "1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。"
    "其中:财政拨款收入792.22万元,同比上年度增加209.28万元,增加35.9%。"
)


def test_a_change_rate_is_the_change_over_last_years_value() -> None:
    # r2-03: 189.25 / (792.22 − 189.25) = 31.39%; the first change opens its sentence, so its value is
    # the one amount of the sentence before
    assert ratios(R2_03) == [("31.39%", "189.25万元", ["792.22万元"]), ("35.9%", "209.28万元", ["792.22万元"])]
    assert [c for c, _ in checks_of(R2_03, 2021) if c == "ratio"] == []
    found = checks_of(R2_03.replace("31.39%", "34.39%"), 2021)
    assert [q for c, q in found if c == "ratio"] == ["增加34.39%"], found


@pytest.mark.parametrize(
    "text",
    [
        # r2-19: 同比增长15.52% names no change amount (670万元 is the amount itself): no claim
        "市级资金478.4万元,区级资金670万元,区级资金投入占中央、省资金的74.12%,同比增长15.52%。",
        # the change amount is not stated against last year
        "收入792.22万元,其中新增189.25万元,增加31.39%。",
        # the change goes the other way from the rate's word
        "收入792.22万元,同比上年度减少189.25万元,增加31.39%。",
        # the sentence before holds two amounts: which one changed is not read
        "收入792.22万元,支出799.12万元。同比上年度增加189.25万元,增加31.39%。",
    ],
)
def test_a_change_rate_without_its_stated_terms_is_no_claim(text) -> None:
    assert [r for r in ratios(text) if r[0] in ("15.52%", "31.39%")] == []


def test_a_decrease_is_over_the_value_plus_the_change() -> None:
    # 100 / (400 + 100) = 20%
    text = "支出400万元,较上年减少100万元,下降20%。"
    assert ratios(text) == [("20%", "100万元", ["400万元"])]
    assert [c for c, _ in checks_of(text, 2021) if c == "ratio"] == []
    assert [q for c, q in checks_of(text.replace("20%", "25%"), 2021) if c == "ratio"] == ["下降25%"]


def test_words_before_a_share_that_name_nothing_leave_the_amount_before_it_as_the_part() -> None:
    text = "2021年部门预算安排支出合计1333.74万元，其中:基本支出871.44万元，约占总支出的65.3%。"  # 003, with 约
    assert ratios(text) == [("65.3%", "871.44万元", ["1333.74万元"])]
    # a subject that names something else is not the amount before it
    assert ratios("支出合计1333.74万元，其中:基本支出871.44万元，人员经费占总支出的65.3%。") == []
