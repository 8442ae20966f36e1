"""The rules extractor's view of a document (review.extract.rules.scan): every number with the
wording that names it, ids in text order, sentence/clause/paragraph bounds, table cells, minting.

Phrasings from seeds 002, 003, 004 and dev r2-03, r5-12, r6-07."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.extract.rules.scan import Scan, clause_text_before
from tests.conftest import doc_of

SEED_003 = "天城镇人民政府支出4212.62万元。其中：基本支出1404.18万元，项目支出2808.44万元，年末结转939.23万元。"


def labels(text: str) -> list[tuple[str, str, str]]:
    """(number, label, what a finding anchored on it quotes) of every quantity."""
    return [(q.text, q.label, text[q.anchor_start : q.end]) for q in Scan.of(doc_of(text)).quantities]


LABELS = [
    pytest.param(  # seed 003: a 其中 list; the opener is not part of the label
        SEED_003,
        [
            ("4212.62万元", "天城镇人民政府支出", "天城镇人民政府支出4212.62万元"),
            ("1404.18万元", "基本支出", "基本支出1404.18万元"),
            ("2808.44万元", "项目支出", "项目支出2808.44万元"),
            ("939.23万元", "年末结转", "年末结转939.23万元"),
        ],
        id="003 其中 list",
    ),
    pytest.param(  # dev r5-12: a year is no quantity and stays in the label
        "2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元。",
        [
            ("69.06万元", "2022年预算收入", "2022年预算收入69.06万元"),
            ("57.28万元", "年初预算", "年初预算57.28万元"),
            ("11.78万元", "调整追加", "调整追加11.78万元"),
        ],
        id="r5-12 年初预算",
    ),
    pytest.param(  # seed 003: a trailing 为 is not part of the label
        "实际到位4212.62万元，预算资金全部到位。执行率为98.3%。",
        [("4212.62万元", "实际到位", "实际到位4212.62万元"), ("98.3%", "执行率", "执行率为98.3%")],
        id="003 执行率为",
    ),
    pytest.param(  # dev r2-03: a numbered item and a colon; the number's name is before the colon
        "1、收入:792.22万元。",
        [("792.22万元", "收入", "收入:792.22万元")],
        id="r2-03 1、收入:",
    ),
    pytest.param(  # seed 004: a full-width colon
        "平等乡人民政府认真组织开展了部门整体支出绩效评价工作，绩效评价得分：97分。",
        [("97分", "绩效评价得分", "绩效评价得分：97分")],
        id="004 得分：",
    ),
    pytest.param(  # dev r6-07: a bracketed note between the name and the number
        "其中,公共数字文化建设(公共文化云)47.00万元,戏曲公益性演出(濒危剧种免费或低票价演出)50.00万元,",
        [
            ("47.00万元", "公共数字文化建设", "公共数字文化建设(公共文化云)47.00万元"),
            ("50.00万元", "戏曲公益性演出", "戏曲公益性演出(濒危剧种免费或低票价演出)50.00万元"),
        ],
        id="r6-07 brackets",
    ),
    pytest.param(  # seed 002: the same, after 分别是
        "抽查项目5个，分别是政府机关维护运行(运转保障)16.81万元、",
        [("5个", "抽查项目", "抽查项目5个"), ("16.81万元", "政府机关维护运行", "政府机关维护运行(运转保障)16.81万元")],
        id="002 brackets after 分别是",
    ),
]


@pytest.mark.parametrize(("text", "expected"), LABELS)
def test_each_number_is_named_by_the_wording_before_it(text, expected) -> None:
    assert labels(text) == expected


def test_ids_in_text_order_and_the_values_as_written() -> None:
    scan = Scan.of(doc_of(SEED_003))
    assert [q.id for q in scan.quantities] == ["q0", "q1", "q2", "q3"]
    assert [(q.value, q.unit, q.decimals) for q in scan.quantities[:2]] == [
        (Decimal("4212.62"), "万元", 2),
        (Decimal("1404.18"), "万元", 2),
    ]
    assert all(SEED_003[q.start : q.end] == q.text for q in scan.quantities)


def test_sentence_clause_and_neighbour_lookups() -> None:
    scan = Scan.of(doc_of(SEED_003))
    total, basic, project, closing = scan.quantities
    start, end = scan.sentence_bounds(basic.start)
    assert SEED_003[start:end] == "其中：基本支出1404.18万元，项目支出2808.44万元，年末结转939.23万元"
    assert scan.between(start, end) == [basic, project, closing]
    assert scan.between(start, project.end - 1) == [basic]  # a number cut by the bound is not between
    assert scan.before(basic.start) is total and scan.before(total.start) is None
    assert clause_text_before(SEED_003, project.start) == "项目支出"


def test_paragraph_bounds_stop_at_the_line() -> None:
    text = "一、收入情况\n" + SEED_003 + "\n二、支出情况"
    scan = Scan.of(doc_of(text))
    start, end = scan.paragraph_bounds(scan.quantities[1].start)
    assert text[start:end] == SEED_003


# seed 004's total row, as the TAB table every loader writes
TABLE = "\t绩效指标\n\t指标分值\n\n\t目标制定\n\t10\n\n\t部 门 整 体 自 评 得 分\n\t97\n"


def test_table_cells_and_minted_quantities() -> None:
    text = "绩效评价得分：97分。\n" + TABLE
    scan = Scan.of(doc_of(text))
    prose, cell = text.index("97分"), text.index("\t97\n") + 1
    assert not scan.in_table(prose) and scan.in_table(cell)
    assert scan.in_table(text.index("目标制定"))
    n = len(scan.quantities)
    first = scan.mint(cell, cell + 2, Decimal(97), "分", "自评得分")
    ten = text.index("\t10\n") + 1
    second = scan.mint(ten, ten + 2, Decimal(10), "分")
    assert (first.id, second.id) == (f"q{n}", f"q{n + 1}")  # ids go on after the scanned ones
    assert (first.text, first.decimals, first.label, first.unit) == ("97", 0, "自评得分", "分")
    assert scan.minted == [first, second] and len(scan.quantities) == n


def test_a_minted_quantity_has_the_precision_written() -> None:
    text = "\t得分\n\t9.50\n\n\t分值\n\t10\n"
    scan = Scan.of(doc_of(text))
    at = text.index("9.50")
    assert scan.mint(at, at + 4, Decimal("9.50"), "分").decimals == 2


def test_ends_unclosed_reads_only_the_text_ends() -> None:
    from review.extract.rules.scan import ends_unclosed

    closers = "。；)"
    listed = "共3个：1.甲、2.乙"
    assert ends_unclosed(listed + "  \n", len(listed), closers)  # cut off mid-list
    assert not ends_unclosed(listed + "。", len(listed), closers)  # more text after the end
    assert not ends_unclosed(listed + "。\n", len(listed) + 1, closers)  # a sentence end closes it
    assert not ends_unclosed("  ", 1, closers)  # nothing before it
