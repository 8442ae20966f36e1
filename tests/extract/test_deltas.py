"""Differences stated in words, read as sums (review.extract.rules.deltas): "比年初预算增加/减少 X",
"调减 X … 全年实际下达 Y", and the stated carry-forward balance "年初结转…收入…支出…年末结转".

The firing phrasings are the regression cases of tests/extract/test_unseen_patterns.py (real
reports, shortened) and the same amounts of dev r5-12 written as a difference; the phrasings that
must not fire are from dev r2-03, r6-02, r1-09, r1-13 and seed 003, where the reference amount,
the result of a cut or a balance's other terms is not stated."""

from __future__ import annotations

import pytest

from review.core.claims import BalanceRelation, SumRelation
from review.extract.rules.deltas import extract_deltas, extract_stated_balances
from review.extract.rules.scan import Scan
from tests.conftest import doc_of


def deltas(text: str) -> list[tuple[str, str, list[str]]]:
    """(basis, total, items) of every difference, the amounts as written."""
    scan = Scan.of(doc_of(text))
    q = {x.id: x.text for x in scan.quantities}
    found: list[SumRelation] = extract_deltas(scan)
    assert all(r.exhaustive and r.category == "sum" for r in found)
    return [(r.basis, q[r.total], [q[i] for i in r.items]) for r in found]


def balances(text: str) -> list[tuple[str, list[str], list[str], str]]:
    scan = Scan.of(doc_of(text))
    q = {x.id: x.text for x in scan.quantities}
    found: list[BalanceRelation] = extract_stated_balances(scan)
    return [(q[r.opening], [q[i] for i in r.inflows], [q[o] for o in r.outflows], q[r.closing]) for r in found]


FIRES = [
    pytest.param(
        "部门年初预算1022.89万元,年中调整预算为1781.86万元,比年初预算增加761.97万元。",
        ("比…增加", "1781.86万元", ["1022.89万元", "761.97万元"]),
        id="比…增加: 调整 = 年初 + 增加",
    ),
    pytest.param(  # dev r5-12's 年初预算57.28万元 and 调整追加11.78万元, written as a difference
        "年初预算57.28万元,2022年预算收入69.06万元,比年初预算增加11.78万元。",
        ("比…增加", "69.06万元", ["57.28万元", "11.78万元"]),
        id="比…增加: r5-12 amounts",
    ),
    pytest.param(
        "年初预算80万元,调整后预算69.06万元,比年初预算减少10.94万元。",
        ("比…减少", "80万元", ["69.06万元", "10.94万元"]),
        id="比…减少: 年初 = 调整后 + 减少",
    ),
    pytest.param(
        "资金下达我区111万元(某财直〔2020〕67号),其中低保、特困和临时救助资金100万元,孤儿基本生活保障金11万元,"
        "调减40万元(某财直〔2021〕29号),全年实际下达71万元。",
        ("调减后", "111万元", ["71万元", "40万元"]),
        id="调减: 下达 = 实际下达 + 调减",
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIRES)
def test_a_stated_difference_is_a_sum_of_the_smaller_amount_and_the_difference(text, expected) -> None:
    assert deltas(text) == [expected]


QUIET = [
    # dev r2-03: 同比上年度增加, but the 上年度 amount is not written in the sentence
    pytest.param("1、收入:792.22万元。同比上年度增加189.25万元,增加31.39%。", id="r2-03 no reference amount"),
    pytest.param(
        "其中:财政拨款收入792.22万元,同比上年度增加209.28万元,增加35.9%。", id="r2-03 the other amount is no reference"
    ),
    # dev r6-02: 减少 with no amount the cut leads to
    pytest.param("水电费开支有下降水电支出减少01万元1010满意度指标", id="r6-02 a cut without its result"),
    # dev r1-09: the form's note names 调减 without amounts
    pytest.param("2.年中发生预算调整的(追加或调减),应单独说明理由;", id="r1-09 a note"),
    # the reference must come before the amount compared with it
    pytest.param("年中调整预算为1781.86万元,部门年初预算1022.89万元,比年初预算增加761.97万元。", id="reference after"),
    pytest.param(
        "部门年初预算约1022.89万元,调整预算为1781.86万元,比年初预算增加761.97万元。", id="approximate reference"
    ),
]


@pytest.mark.parametrize("text", QUIET)
def test_a_difference_without_its_terms_stated_is_no_sum(text) -> None:
    assert deltas(text) == []


def test_a_stated_balance_is_opening_plus_income_less_spending() -> None:
    text = "2024年年初结转和结余10万元,本年收入合计100万元,本年支出合计90万元,年末结转和结余20万元。"
    assert balances(text) == [("10万元", ["100万元"], ["90万元"], "20万元")]
    assert balances("上年结转10万元，本年收入100万元，本年支出90万元，年末结转20万元。") == [
        ("10万元", ["100万元"], ["90万元"], "20万元")
    ]
    assert deltas(text) == []  # a balance is not a difference


BALANCE_QUIET = [
    # dev r1-13: an opening balance and a transfer, but no income, spending or closing balance
    pytest.param(
        "2021年度我局食品监管资金上年结转结余资金2万元,2021年中央下达中央食品监管专项转移支付预算资金3万元,",
        id="r1-13 opening only",
    ),
    # seed 003: a closing balance with spending, no opening balance
    pytest.param(
        "天城镇人民政府支出4212.62万元。其中：基本支出1404.18万元，项目支出2808.44万元，年末结转939.23万元。",
        id="003 closing only",
    ),
    pytest.param(
        "年初结转和结余10万元,年末结转和结余20万元,本年收入合计100万元,本年支出合计90万元。",
        id="closing before the flows",
    ),
]


@pytest.mark.parametrize("text", BALANCE_QUIET)
def test_a_balance_needs_all_four_terms_in_order(text) -> None:
    assert balances(text) == []
