"""The rules registry: every rule runs after what it reads, and every rule's relations reach the claims."""

from __future__ import annotations

import pytest

from review.core.document import Document
from review.extract.rules import OUTPUT_ORDER, RULES, Rule, _validate, extract_rules
from review.load.texttables import text_blocks


def test_the_bundled_registry_is_valid_and_complete() -> None:
    _validate(RULES, OUTPUT_ORDER)
    assert len({r.name for r in RULES}) == len(RULES) == len(OUTPUT_ORDER)


def test_a_rule_that_reads_a_later_rule_is_refused() -> None:
    early = Rule("ratios", ("sums",), lambda f: [])
    with pytest.raises(ValueError, match="ratios reads"):
        _validate((early, *RULES[:1]), ("ratios", "sums"))
    with pytest.raises(ValueError, match="OUTPUT_ORDER"):
        _validate(RULES, OUTPUT_ORDER[:-1])


def test_each_rule_contributes_under_its_own_name() -> None:
    text = "本部门2022年度预算安排100万元，其中：人员经费60万元，公用经费40万元。总体执行90万元，预算执行率90%。\n"
    doc = Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))
    claims = extract_rules(doc)
    kinds = {r.kind for r in claims.relations}
    assert {"sum", "ratio", "execution_rate"} <= kinds


def test_a_reader_that_breaks_costs_only_its_own_relations_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    import dataclasses

    import review.extract.rules as rules
    from review.pipeline import review_document

    def broken(found: object) -> list[object]:
        raise IndexError("list index out of range")

    text = "本部门2022年度预算安排100万元，其中：人员经费60万元，公用经费30万元。总体执行90万元，预算执行率80%。\n"
    doc = Document(path="t.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))
    whole = review_document(doc)
    i = next(k for k, r in enumerate(RULES) if r.name == "ratios")
    monkeypatch.setattr(rules, "RULES", (*RULES[:i], dataclasses.replace(RULES[i], run=broken), *RULES[i + 1 :]))
    review = review_document(doc)
    assert review.status == "incomplete" and whole.status == "complete"
    (note,) = [u for u in review.claims.unread if u.failed]
    assert "ratios" in note.reason and "未核对" in note.reason
    assert any(f.check == "sum" for f in review.findings)  # 60 + 30 is not 100: the other readers still report
    assert any("ratios" in n for n in review.notes)
