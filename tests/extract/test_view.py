"""The view the readers read (review.extract.view): a report scraped from a site that converts to
traditional characters and writes pinyin after some of them reads as its simplified wording, and
every claim still indexes and quotes the source text. The excerpts are from the real corpus
(dev split): r3-15 (青連鐵路項目), r1-06 (衛片執法補助經費), r3-10 (遂溪縣), r2-18 (湘西地區)."""

from __future__ import annotations

import typing
from decimal import Decimal

import pytest
from pydantic import BaseModel

from review.core import claims as claim_types
from review.core.claims import CountRelation, Quantity, ScoreTree
from review.extract import lexicon
from review.extract.chunking import Chunk
from review.extract.llm.grounding import ground
from review.extract.llm.schema import Extraction
from review.extract.rules import extract_rules
from review.extract.view import OFFSETS, PINYIN, SPANS, View, view_of, written_traditional
from review.pipeline import review_document
from tests.conftest import SAMPLES, doc_of

# r3-15: pinyin after 達 項 預 計 萬 執, traditional 連 鐵 資 …
QINGLIAN = (
    "下達(dá)我局青連鐵路項(xiàng)目資金支出預(yù)算共計(jì)83300萬(wàn)元,資金來源為市級新增一般債券。\n"
    "安排項(xiàng)目1個(gè),青連鐵路項(xiàng)目。\n"
    "青連鐵路項(xiàng)目預(yù)算安排83300萬(wàn)元,預(yù)算執(zhí)行83300萬(wàn)元。"
)
QINGLIAN_SIMPLIFIED = (
    "下达我局青连铁路项目资金支出预算共计83300万元,资金来源为市级新增一般债券。\n"
    "安排项目1个,青连铁路项目。\n"
    "青连铁路项目预算安排83300万元,预算执行83300万元。"
)
# r1-06: a pipe table, pinyin in the header, 年度資金總額 and 萬元 without any
WEIPIAN = (
    "| 項(xiàng)目資金 (萬元) | 年初預(yù)算數(shù) | 全年預(yù)算數(shù) | 全年執(zhí)行數(shù) "
    "| 分值 | 執(zhí)行率 | 得分 |\n"
    "| 年度資金總額 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 |\n"
    "| 其中:當(dāng)年財政撥款 | 7.29 | 7.29 | 7.29 | 100% |\n"
)
WEIPIAN_SIMPLIFIED = (
    "| 项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    "| 年度资金总额 | 7.29 | 7.29 | 7.29 | 10.00 | 100% | 10.00 |\n"
    "| 其中:当年财政拨款 | 7.29 | 7.29 | 7.29 | 100% |\n"
)


def test_pinyin_is_left_out_and_traditional_read_as_simplified() -> None:
    view = View.of("安排項(xiàng)目1個(gè),青連鐵路項(xiàng)目。")
    assert view.text == "安排项目1个,青连铁路项目。"
    assert (view.reading.traditional, view.reading.pinyin) == (5, 3)  # 項個連鐵項; (xiàng)(gè)(xiàng)
    # r2-18's heading and r3-10's 13宗 read the same way
    assert (
        View.of("附件2020年度湘西地區(qū)開發(fā)產(chǎn)業(yè)發(fā)展專項(xiàng)資金").text
        == "附件2020年度湘西地区开发产业发展专项资金"
    )
    assert View.of("遂溪縣山內(nèi)水庫(kù)等13宗").text == "遂溪县山内水库等13宗"


@pytest.mark.parametrize(
    "text",
    [
        "长度(km)为12",  # units in brackets: no tone mark
        "实施(PPP)项目",  # capitals
        "(一)项目概况",  # no Han character before it
        "项目资金 (万元)",  # a space before it
        "标段(a)",  # a letter without a tone mark
    ],
)
def test_brackets_that_are_not_pinyin_stay(text: str) -> None:
    assert not PINYIN.search(text)
    assert View.of(text).text == text


def test_full_width_brackets_hold_pinyin_too() -> None:
    assert View.of("衛（wèi）片執法").text == "卫片执法"


def test_a_count_reads_through_the_pinyin() -> None:
    doc = doc_of(QINGLIAN)
    q = {q.text: q for q in extract_rules(doc).quantities}
    one = q["1個(gè)"]
    assert (one.value, one.unit, one.label) == (1, "个", "安排项目")
    assert QINGLIAN[one.anchor_start : one.end] == "安排項(xiàng)目1個(gè)"  # the quote is the source's own
    budget = next(x for x in extract_rules(doc).quantities if x.label == "青连铁路项目预算安排")
    assert (budget.value, budget.unit, budget.text) == (83300, "万元", "83300萬(wàn)元")


def test_a_table_in_traditional_reads_as_its_simplified_form() -> None:
    trad, simp = extract_rules(doc_of(WEIPIAN)), extract_rules(doc_of(WEIPIAN_SIMPLIFIED))
    assert [(q.value, q.unit, q.label) for q in trad.quantities] == [
        (q.value, q.unit, q.label) for q in simp.quantities
    ]
    assert [r.kind for r in trad.relations] == [r.kind for r in simp.relations]
    funds = [q for q in trad.quantities if q.label.startswith("年度资金总额·")]
    assert funds and all(q.text == "7.29" or q.text == "10.00" or q.text == "100%" for q in funds)
    (tree,) = [r for r in trad.relations if isinstance(r, ScoreTree)]
    named = next(n for n in tree.nodes if n.name == "年度资金总额")
    assert WEIPIAN[named.name_start : named.name_end] == "年度資金總額"


def test_the_traditional_texts_claims_are_the_simplified_ones_at_source_offsets() -> None:
    trad, simp = extract_rules(doc_of(QINGLIAN)), extract_rules(doc_of(QINGLIAN_SIMPLIFIED))
    assert [(q.value, q.unit, q.label) for q in trad.quantities] == [
        (q.value, q.unit, q.label) for q in simp.quantities
    ]
    for q in trad.quantities:
        assert QINGLIAN[q.start : q.end] == q.text
    assert trad.period == simp.period


@pytest.mark.parametrize("name", ["r1-06", "r2-18", "r3-10", "r3-15"])
def test_every_claim_offset_indexes_the_source(name: str) -> None:
    text = (SAMPLES.parent / "corpus" / "samples" / f"{name}.txt").read_text(encoding="utf-8")
    review = review_document(doc_of(text, f"{name}.txt"))
    assert review.claims.reading.pinyin > 0 and review.claims.reading.traditional > 0
    for q in review.claims.quantities:
        assert text[q.start : q.end] == q.text
        assert 0 <= q.anchor_start <= q.start
    for rel in review.claims.relations:
        if isinstance(rel, CountRelation):
            assert all(0 <= a <= b <= len(text) for a, b in rel.item_spans)
    for f in review.findings:
        assert text[f.start : f.end] == f.quote
    assert any("繁体已转换为简体读取" in n for n in review.notes)


def _claim_models() -> list[type[BaseModel]]:
    relation_types = typing.get_args(claim_types.Relation)
    return [*relation_types, claim_types.Quantity, claim_types.ScoreNode, claim_types.Unread]


def test_every_offset_field_of_the_claims_is_mapped_back() -> None:
    """A claim field that holds an offset must be in OFFSETS or SPANS, or the view would leave it
    in view offsets; the other whole numbers are named here."""
    not_offsets = {"decimals", "stated", "counted", "year", "sentence_years", "name_years"}
    seen = set()
    for model in _claim_models():
        for name, field in model.model_fields.items():
            if field.annotation in (int, tuple[int, ...], tuple[tuple[int, int], ...]):
                assert name in OFFSETS | SPANS | not_offsets, f"{model.__name__}.{name}"
                seen.add(name)
    assert seen == OFFSETS | SPANS | not_offsets  # every name is still a field somewhere


def test_simplified_seeds_are_read_as_they_are() -> None:
    """The seeds (simplified, one with a stray 編) are read as written, same offsets and claims
    untouched, but for their full-width digits (1．财务人员), read as ASCII one for one."""
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        view = view_of(text)
        assert view.at is None and not view.reading.traditional and not view.reading.pinyin, path.name
        assert view.text == text.translate(lexicon.NUMBER_WIDTHS), path.name
        assert view.reading.widths == sum(1 for a, b in zip(text, view.text, strict=True) if a != b)
        doc = doc_of(text, path.name)
        assert (view.document(doc) is doc) == view.same
    assert not written_traditional("另外，预算編制的不合理性")


def test_full_width_digits_and_wan_are_read_as_ascii_and_simplified() -> None:
    """Full-width digits and signs (a seed's 1．, ３１６７．２０万元, １００％) and 萬/億 in a simplified
    text read as ASCII and 万/亿, one for one; quantities keep the source's own text."""
    text = "预算收入３１６７．２０萬元，执行率１００％。"
    view = View.of(text)
    assert view.text == "预算收入3167.20万元，执行率100%。" and view.at is None
    assert view.reading.widths == 12 and view.reading.normalised
    doc = doc_of(text, "w.txt")
    q = next(q for q in extract_rules(doc).quantities if q.unit == "万元")
    assert q.value == Decimal("3167.20") and text[q.start : q.end] == q.text == "３１６７．２０萬元"


def test_thousands_separators_are_left_out_of_the_view() -> None:
    """r1-19 (共33,832.24万元) and r13-02 (收入总计23,866.88万元): the comma is no clause end; a list of
    numbers (1,2,3; 2021,2022) keeps its commas."""
    for text, read in (
        ("2023年自治区下达就业补助资金共33,832.24万元,用于", "2023年自治区下达就业补助资金共33832.24万元,用于"),
        ("2021年度收入总计23,866.88万元,支出总计", "2021年度收入总计23866.88万元,支出总计"),
        ("见附件1,2,3及2021,2022年数据,共1,2345万", "见附件1,2,3及2021,2022年数据,共1,2345万"),
    ):
        view = View.of(text)
        assert view.text == read
        assert all(text[view.source_offset(i)] == c for i, c in enumerate(view.text))


def test_a_traditional_text_is_told_from_a_simplified_one() -> None:
    assert written_traditional("計劃安排資金 (萬元) 55 實際到位資金")  # r5-07, without its pinyin
    assert not written_traditional("计划安排资金 (万元) 55 实际到位资金")


def test_the_model_path_grounds_against_the_same_view() -> None:
    """A model quoting the text in simplified (as it reads it) or verbatim is grounded at the
    source's offsets, its numbers re-parsed from the view."""
    reply = {
        "relations": [
            {
                "kind": "count",
                "count": {"quote": "安排项目1个", "value": 1},
                "items": ["青連鐵路項(xiàng)目。"],
            }
        ]
    }
    chunk = Chunk(index=0, start=0, end=len(QINGLIAN), text=QINGLIAN)
    g = ground(Extraction.model_validate(reply), chunk, "m.", view=view_of(QINGLIAN))
    assert not g.ungrounded and not g.rejected
    (count,) = g.relations
    assert isinstance(count, CountRelation)
    assert QINGLIAN[count.start : count.end] == "安排項(xiàng)目1個(gè)"
    ((a, b),) = count.item_spans
    assert QINGLIAN[a:b] == "青連鐵路項(xiàng)目。"
    (q,) = g.quantities.values()
    assert isinstance(q, Quantity) and (q.value, q.unit, q.text) == (1, "个", "1個(gè)")
