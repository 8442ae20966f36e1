"""Rates and prices (每亩4000元, 每公斤售价5元, 每户…可分得700元) are no amounts of their own: never the parts
of a total read from the sentence around them. Excerpts of dev r11-04 and r7-03."""

import pytest

from review.extract.rules.scan import Scan, per_unit
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of

# dev r11-04 (财政衔接资金项目绩效目标): a plan's income, its costs per mu, its net income, the next plan's income
PLAN = (
    "预计每年每亩产李子1000公斤,每公斤售价5元,可实现总收入15万元,扣除土地租金、生产、劳务等费用成本每亩4000元,"
    "计12万元,可实现集体统一经营净收入3万元;村集体投资种植梨子圆50亩,2023年投产,每年亩产1500公斤,每公斤售价4元,"
    "预计年总收入30万元。\n"
)
# dev r7-03 (财政专项扶贫资金绩效自评报告): a project's total, then what each household receives
DIVIDEND = "增设发酵池十二个3.2万元;共计40.83万元,改建后已带动14户贫困户分红,分红款每户贫困户可分得700元,已稳定脱贫。\n"


@pytest.mark.parametrize(("text", "rates"), [(PLAN, ["5元", "4000元", "4元"]), (DIVIDEND, ["700元"])])
def test_rates_and_prices_are_told_from_amounts(text, rates):
    scan = Scan.of(doc_of(text))
    money = [q for q in scan.quantities if q.family == "money"]
    assert [q.text for q in money if per_unit(text, q)] == rates


@pytest.mark.parametrize("text", [PLAN, DIVIDEND])
def test_no_rate_or_price_is_read_as_a_part(text):
    scan = Scan.of(doc_of(text))
    qs = {q.id: q for q in scan.quantities}
    sums, *_ = extract_sums(scan)
    assert not any(per_unit(text, qs[i]) for rel in sums for i in (rel.total, *rel.items))
    assert [c for c, _ in checks_of(text, 2021) if c == "sum"] == []
