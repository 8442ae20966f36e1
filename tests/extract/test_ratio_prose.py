"""Shares and rates stated in prose with their operands named elsewhere (ratios.py): phrasings quoted
from dev-corpus reports (short excerpts)."""

from review.extract.rules.ratios import extract_ratios
from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of, review_text

# dev r7-06 (街道部门决算): each listed source's share, 占 alone, of the list's total
INCOME = (
    "2023年度收入合计6567.06万元,较上年决算数减少710.50万元,下降9.76%,主要原因是工程完工。"
    "其中:财政拨款收入6567.06万元,占100.00%;事业收入0.00万元,占0.00%;经营收入0.00万元,占0.00%;"
    "其他收入0.00万元,占0.00%。\n"
)

# dev r9-08 (检察院部门决算): the same, the expenditure split into 基本支出 and 项目支出
SPENDING = "本部门2019年度本年支出合计1094.65万元,其中:基本支出664.70万元,占61%;项目支出429.96万元,占39%。\n"


def _shares(text: str) -> list[tuple[str, str, tuple[str, ...]]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    sums, *_ = extract_sums(scan)
    return [
        (q[r.rate].text, q[r.numerator].text, tuple(q[d].text for d in r.denominators))
        for r in extract_ratios(scan, sums)
        if r.basis == "占比"
    ]


def test_a_bare_share_after_a_listed_part_is_of_the_list_total():
    assert ("100.00%", "6567.06万元", ("6567.06万元",)) in _shares(INCOME)
    assert len(_shares(INCOME)) == 4
    assert [c for c, _ in checks_of(INCOME, 2023) if c == "ratio"] == []
    wrong = review_text(INCOME.replace("占100.00%", "占90.00%"), 2023).findings
    assert [(f.check, f.quote) for f in wrong if f.check == "ratio"] == [("ratio", "占90.00%")]


def test_a_bare_share_in_a_second_report_rounds_to_whole_percent():
    assert ("61%", "664.70万元", ("1094.65万元",)) in _shares(SPENDING)
    assert [c for c, _ in checks_of(SPENDING, 2019) if c == "ratio"] == []  # 60.72% and 39.28% round to 61%, 39%
    wrong = review_text(SPENDING.replace("占39%", "占42%"), 2019).findings
    got = [(f.rule, f.quote) for f in wrong if f.check == "ratio"]
    # the share against its whole, and the two shares of one whole together (61% + 42% > 100%)
    assert [q for r, q in got if r != "ratio.shares_over_whole"] == ["占42%"]
    assert [r for r, _ in got].count("ratio.shares_over_whole") == 1 and len(got) == 2


def test_a_bare_share_after_an_amount_in_no_list_is_no_claim():
    """占 alone names no whole: without a list total it is of nothing this reader can name."""
    assert _shares("本年度财政拨款收入500万元,占90%,较上年有所增加。\n") == []
    assert _shares("项目预算100万元,已支付80万元,占80%。\n") == []


# dev r17-01 (专项资金绩效自评, traditional characters): 使用率 over the funds allocated, the paid amount its numerator
USED_PAID = "中央財政下達專項資金3000萬元,實際支付2700萬元,使用率90%,全部用項目設備采購和軟件開發。\n"
# a second phrasing (dev r3-04's 项目实际使用资金…, without its 资金 before 使用率)
USED_USED = "上级累计下达项目资金1187.26万元,截止12月31日项目实际使用资金1076.47万元,使用率91%。\n"


def test_a_use_rate_is_what_was_used_or_paid_over_what_was_allocated():
    for text, wrong in ((USED_PAID, "使用率93%"), (USED_USED, "使用率95%")):
        assert [c for c, _ in checks_of(text, 2023) if c == "ratio"] == []
        changed = text.replace("使用率90%", wrong).replace("使用率91%", wrong)
        assert [(c, quote) for c, quote in checks_of(changed, 2023) if c == "ratio"] == [("ratio", wrong)]
