"""What is left after what was taken (review/extract/rules/remainders.py): the whole, the amount taken
and the remainder, read from the wording, close a balance whatever their values."""

import pytest

from review.extract.rules.remainders import extract_remainders
from review.extract.rules.scan import Scan
from tests.conftest import checks_of, doc_of

# dev r10-07 (本专科生奖助学金): the remainder in the sentence after the budget and the spending
R10_07 = (
    "2021年本专科生奖助学金项目实际下达预算2596万元,全年度实际总支出2595.6208 万元,项目预算执行率99%。"
    "项目预算资金未执行完的主要原因是剩余未执行完的0.3792万元为应征入伍学生国家资助经费。"
)
# dev r11-04 (桂香村清脆李): 扣除 in the clause of the amount taken; the prices (每公斤售价5元, 每亩4000元) take no part
R11_04 = (
    "预计每年每亩产李子1000公斤,每公斤售价5元,可实现总收入15万元,扣除土地租金、生产、劳务等费用成本每亩4000元,"
    "计12万元,可实现集体统一经营净收入3万元;"
)


def _read(text):
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    return [
        (q[r.opening].text.strip(), q[r.outflows[0]].text.strip(), q[r.closing].text.strip())
        for r in extract_remainders(scan)
    ]


@pytest.mark.parametrize(
    ("text", "read", "old", "new"),
    [
        (R10_07, ("2596万元", "2595.6208 万元", "0.3792万元"), "0.3792万元", "3.3792万元"),
        (R11_04, ("15万元", "12万元", "3万元"), "净收入3万元", "净收入6万元"),
        # the shape of r10-07 with 执行 for the amount taken, the rate between left out
        (
            "年初预算100万元,全年执行95万元,执行率95%,结余5万元。",
            ("100万元", "95万元", "5万元"),
            "结余5万元",
            "结余8万元",
        ),
    ],
)
def test_the_whole_the_amount_taken_and_the_remainder_close_a_balance(text, read, old, new):
    assert _read(text) == [read]
    assert [c for c, _ in checks_of(text, 2021) if c == "balance"] == []
    assert [c for c, _ in checks_of(text.replace(old, new), 2021) if c == "balance"] == ["balance"]


@pytest.mark.parametrize(
    "text",
    [
        # two amounts between the whole and the remainder: which one was taken is not said
        "下达资金100万元,拨付资金80万元,上缴资金15万元,剩余资金5万元。",
        # the amount before the one taken is itself spending, not a whole
        "2022年支出76.36万元,其中基本支出76.36万元,项目支出0万元,结余结转0万元。",
        # nothing names the second amount as taken
        "下达资金100万元,县级配套20万元,剩余资金80万元。",
        # a carry-over between years is the balance reader's (上年结转 + 收入 − 支出 = 年末结转)
        "本年收入100万元,本年支出90万元,年末结余10万元。",
    ],
)
def test_no_balance_where_the_wording_does_not_say_what_was_taken(text):
    assert _read(text) == []
