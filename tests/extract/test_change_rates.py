"""Change rates stated against a named year, with a bare change word, or for a subject that names two
amounts (ratios.py): phrasings quoted from dev-corpus reports r9-08 and r7-06 (short excerpts)."""

import pytest

from review.extract.rules.ratios import extract_ratios
from review.extract.rules.scan import Scan
from review.extract.rules.sums import extract_sums
from tests.conftest import checks_of, doc_of

# dev r9-08 (检察院部门决算): a named year, then a bare 增加 right after the amount that changed
VERSUS_YEAR = (
    "本部门2019年度财政拨款本年收入1205.11万元,比2018年度增加253.71万元,增长27%,主要是业务经费增加;"
    "本年支出1094.65万元,增加207.42万元,增长23%,主要是收入增长原因。\n"
)
# dev r9-08: a comparison opens the sentence, the change is the subject's 各增加, its value the sentence before
COMPARED = (
    "本部门2019年度收支总计(含结转和结余)1323.65万元。与2018年度决算相比,收支各增加257.59万元,增长24%,主要原因是…\n"
)
# dev r7-06 (街道部门决算): 收支 names both amounts of the sentence before
BOTH = (
    "1.总体情况。2023年度收入总计6567.06万元,支出总计6567.06万元。"
    "收支较上年决算数减少710.50万元,下降9.76%,主要原因是工程完工。\n"
)


def _changes(text: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x for x in scan.quantities}
    return [
        (q[r.rate].text, q[r.numerator].text, tuple(q[d].text for d in r.denominators), r.change)
        for r in extract_ratios(scan, extract_sums(scan)[0])
        if r.change
    ]


def _ratio_quotes(text: str, year: int) -> list[str]:
    return [q for c, q in checks_of(text, year) if c == "ratio"]


def test_a_change_against_a_named_year_and_a_bare_change_after_its_value() -> None:
    # 253.71 / (1205.11 − 253.71) = 26.67% → 27%; 207.42 / (1094.65 − 207.42) = 23.38% → 23%
    assert _changes(VERSUS_YEAR) == [
        ("27%", "253.71万元", ("1205.11万元",), "up"),
        ("23%", "207.42万元", ("1094.65万元",), "up"),
    ]
    assert _ratio_quotes(VERSUS_YEAR, 2019) == []
    assert _ratio_quotes(VERSUS_YEAR.replace("增长27%", "增长30%"), 2019) == ["增长30%"]
    assert _ratio_quotes(VERSUS_YEAR.replace("增长23%", "增长26%"), 2019) == ["增长26%"]


def test_a_subjects_change_after_a_comparison_is_over_the_sentence_befores_amount() -> None:
    # 257.59 / (1323.65 − 257.59) = 24.16% → 24%
    assert _changes(COMPARED) == [("24%", "257.59万元", ("1323.65万元",), "up")]
    assert _ratio_quotes(COMPARED, 2019) == []
    assert _ratio_quotes(COMPARED.replace("增长24%", "增长27%"), 2019) == ["增长27%"]


def test_a_subject_naming_two_amounts_reads_each() -> None:
    # 710.50 / (6567.06 + 710.50) = 9.763%: of 收入总计 and of 支出总计 alike
    assert _changes(BOTH) == [
        ("9.76%", "710.50万元", ("6567.06万元",), "down"),
        ("9.76%", "710.50万元", ("6567.06万元",), "down"),
    ]
    assert _ratio_quotes(BOTH, 2023) == []
    assert _ratio_quotes(BOTH.replace("下降9.76%", "下降12.76%"), 2023) == ["下降12.76%"]


@pytest.mark.parametrize(
    "text",
    [
        # a bare 增加 after something other than the amount that changed: not a change
        "本年支出1094.65万元,占61%,增加207.42万元,增长23%。\n",
        # a bare 增加 opening its sentence with no comparison: which amount changed is not read
        "本年支出1094.65万元。增加207.42万元,增长23%。\n",
        # two amounts before, and the subject names neither
        "收入总计6567.06万元,支出总计6567.06万元。结余较上年决算数减少710.50万元,下降9.76%。\n",
    ],
)
def test_a_change_whose_value_is_not_named_is_no_claim(text: str) -> None:
    assert _changes(text) == []


def test_a_comparison_run_into_the_change_amounts_clause() -> None:
    # r9-08's comparison (与2018年度决算相比) written without its comma: the label names it
    text = "本部门2019年度收支总计1323.65万元,与2018年度决算相比增加257.59万元,增长24%。\n"
    assert _changes(text) == [("24%", "257.59万元", ("1323.65万元",), "up")]
    assert _ratio_quotes(text.replace("增长24%", "增长27%"), 2019) == ["增长27%"]
