"""Rates and shares (check: ratio)."""

import pytest

from tests.conftest import checks_of, review_text

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
