"""Pointing by id: numbers marked without values, ids grounded back exactly (phrasings of two
dev reports, r2-07 and r13-06)."""

from __future__ import annotations

from decimal import Decimal

from review.core.claims import SumRelation
from review.extract.chunking import Chunk
from review.extract.llm.grounding_ids import ground_ids
from review.extract.llm.marking import mark
from review.extract.llm.schema_ids import IdExtraction, SumIds

R2_07 = (
    "2023年巩义市共投入各级财政衔接推进乡村振兴补助资金14380万元,其中:中央资金1836万元、"
    "省级资金1682万元、郑州市市级资金6954万元,巩义市本级资金3908万元。"
)
R13_06 = (
    "2022年锡林郭勒盟城乡居民基本养老保险补助经费预算数30075万元,"
    "其中:中央补助资金11375万元,自治区财政补助资金3953万元。"
)


def test_marked_text_has_no_value_unit_or_year():
    for text in (R2_07, R13_06):
        shown = mark(text).text
        assert "万元" not in shown and "20XX年" in shown
        assert "1836" not in shown and "[2]元" in shown


def test_same_text_for_another_value_unit_or_year():
    assert mark(R2_07).text == mark(R2_07.replace("1836万元", "1837元").replace("2023年", "2022年")).text


def test_ids_ground_to_the_parsed_numbers():
    for text, total, items in ((R2_07, 1, [2, 3, 4, 5]), (R13_06, 1, [2, 3])):
        c = Chunk(index=0, start=0, end=len(text), text=text)
        g = ground_ids(IdExtraction(relations=[SumIds(kind="sum", total=total, items=items)]), c, "m0.")
        (rel,) = g.relations
        assert isinstance(rel, SumRelation) and rel.basis == "llm"
        assert g.quantities[rel.total].value in (Decimal(14380), Decimal(30075))


def test_an_id_the_chunk_lacks_is_ungrounded():
    c = Chunk(index=0, start=0, end=len(R13_06), text=R13_06)
    g = ground_ids(IdExtraction(relations=[SumIds(kind="sum", total=101, items=[2, 3])]), c, "m0.")
    assert g.relations == [] and g.ungrounded
