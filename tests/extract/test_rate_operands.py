"""Which amounts a prose rate is read against (ratios.py): a name that negates the rate's verb, the whole
its own sentence states, and a done amount that is no base. Phrasings quoted from dev-corpus reports
(short excerpts, simplified)."""

from review.extract.rules.ratios import extract_ratios
from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import doc_of, review_text

# dev r11-08 (直达资金分配、支付情况)
UNALLOCATED = "市本级直达资金45.66亿元,,未分配0.32亿元,,分配率99.3%。\n"
ALLOCATED = "县区直达资金合计33.88亿元,,已分配33.80亿元,未分配0.08亿元,,分配率99.8%,。\n"
PAID = (
    "其中:中央安排直达资金39.64亿元,,分配率99.2%,;地方安排资金6.02亿元,分配率99.7%,。\n"
    "截至2021年8月底,,全市直达资金总量75.20亿元,,支出45.76亿元,支付率为60.8%,。\n"
)
# dev r11-05 (水利投资统计月报): a rate whose base is not stated, after a done amount named with its verb
INVESTMENT = (
    "重大水利工程已完成年度中央水利投资计划 746.4 亿元,投资完成率为 62.4%。其中,完成中央投资 447.5 亿元,"
    "完成率74.6%;完成地方投资 298.9 亿元,完成率 50.1%。\n"
)


def _rates(text: str) -> list[tuple[str, str, tuple[str, ...], bool]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    sums, _ = extract_sums(scan)
    return [
        (q[r.rate].text, q[r.numerator].text, tuple(q[d].text for d in r.denominators), r.complement)
        for r in extract_ratios(scan, sums)
    ]


def _ratio_quotes(text: str) -> list[str]:
    return [f.quote for f in review_text(text, 2021).findings if f.check == "ratio"]


def test_what_was_not_allocated_is_read_as_the_rest_of_the_whole():
    assert _rates(UNALLOCATED) == [("99.3%", "0.32亿元", ("45.66亿元",), True)]
    assert _ratio_quotes(UNALLOCATED) == []
    assert _ratio_quotes(UNALLOCATED.replace("99.3%", "97.3%")) == ["分配率97.3%"]


def test_the_allocated_amount_is_the_numerator_not_the_unallocated_one():
    assert _rates(ALLOCATED) == [("99.8%", "33.80亿元", ("33.88亿元",), False)]
    assert _ratio_quotes(ALLOCATED) == []
    assert _ratio_quotes(ALLOCATED.replace("99.8%", "98.8%")) == ["分配率98.8%"]


def test_the_whole_the_sentence_states_comes_before_a_base_a_paragraph_earlier():
    paid = [r for r in _rates(PAID) if r[0] == "60.8%"]
    assert paid == [("60.8%", "45.76亿元", ("75.20亿元",), False)]
    assert _ratio_quotes(PAID) == []
    assert _ratio_quotes(PAID.replace("60.8%", "66.8%")) == ["支付率为66.8%"]


def test_no_loose_base_from_a_sentence_before():
    assert [r for r in _rates(INVESTMENT) if r[0] in ("74.6%", "50.1%")] == []
    assert _ratio_quotes(INVESTMENT) == []
