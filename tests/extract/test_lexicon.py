"""One vocabulary for every reader: the rules extractor and the model path's grounding read list
openers, partial lists and counted units the same way (review.extract.lexicon)."""

from __future__ import annotations

import pytest

from review.core.claims import SumRelation
from review.core.document import Document
from review.extract import lexicon
from review.extract.chunking import Chunk
from review.extract.llm.grounding import ground
from review.extract.llm.schema import Extraction
from review.extract.rules import extract_rules
from review.extract.rules.scan import Scan
from review.load.texttables import text_blocks
from review.pipeline import review_document


def doc(text: str) -> Document:
    return Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def rules_sums(text: str) -> list[SumRelation]:
    return [r for r in extract_rules(doc(text)).relations if isinstance(r, SumRelation)]


def model_sum(text: str, total: str, items: list[str], exhaustive: bool = True) -> SumRelation:
    """The model path: a reply pointing at these quotes, grounded in the text."""

    def num(quote: str) -> dict[str, object]:
        return {"quote": quote, "value": float("".join(ch for ch in quote if ch.isdigit() or ch == "."))}

    reply = {
        "relations": [{"kind": "sum", "total": num(total), "items": [num(i) for i in items], "exhaustive": exhaustive}]
    }
    g = ground(Extraction.model_validate(reply), Chunk(index=0, start=0, end=len(text), text=text), "m.")
    assert (g.ungrounded, g.rejected) == ([], [])
    (rel,) = [r for r in g.relations if isinstance(r, SumRelation)]
    return rel


def test_every_list_opener_opens_a_list_and_never_sticks_to_the_label() -> None:
    for opener in lexicon.COMPLETE_LIST_OPENERS + lexicon.PARTIAL_LIST_OPENERS:
        text = f"办公经费合计100万元，{opener}办公费60万元、印刷费40万元。\n"
        labels = {q.text: q.label for q in Scan.of(doc(text)).quantities}
        assert labels["60万元"] == "办公费", opener  # not 具体包括办公费
        assert len(rules_sums(text)) == 1, opener


@pytest.mark.parametrize("opener", lexicon.PARTIAL_LIST_OPENERS)
def test_a_main_parts_list_bounds_its_total_for_rules_and_model_alike(opener: str) -> None:
    text = f"支出合计300万元，{opener}人员经费100万元、公用经费100万元。\n"
    (rules,) = rules_sums(text)
    model = model_sum(text, "支出合计300万元", ["人员经费100万元", "公用经费100万元"], exhaustive=True)
    assert rules.exhaustive is False and model.exhaustive is False
    assert review_document(doc(text)).findings == ()  # 200 of 300 named: no gap to report
    complete = text.replace(opener, "其中：")
    assert rules_sums(complete)[0].exhaustive is True
    assert model_sum(complete, "支出合计300万元", ["人员经费100万元", "公用经费100万元"]).exhaustive is True


def test_counted_things_are_counts_for_rules_and_model_alike() -> None:
    text = "全县生猪存栏7322头，其中能繁母猪1322头，育肥猪6000头。\n"
    (rules,) = rules_sums(text)
    model = model_sum(text, "生猪存栏7322头", ["能繁母猪1322头", "育肥猪6000头"])
    assert rules.category == model.category == "count"
    people = "受益人口5000人，其中男性2600人，女性2400人。\n"
    assert rules_sums(people)[0].category == model_sum(people, "受益人口5000人", ["男性2600人", "女性2400人"]).category
    assert lexicon.sum_category("人", "在职人员") == "count" and lexicon.sum_category("人", "受益人口") == "sum"
    assert lexicon.sum_category("分", "") == "score" and lexicon.sum_category("万元", "合计") == "sum"
