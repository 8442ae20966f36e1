"""One definition each: the quantity ids a relation names (Relation.refs), the one rename over
them (review.extract.merge.renamed), a span without its blanks, one finding per check and span."""

from __future__ import annotations

from review.core.claims import CountRelation, ScoreNode, ScoreTree, SumRelation
from review.core.document import stripped_span
from review.core.findings import Finding, dedupe
from review.extract.merge import new_relations, renamed


def tree() -> ScoreTree:
    root = ScoreNode(id="n0", name="产出指标", name_start=0, name_end=4, weight="m1", score="m2", children=("n1",))
    leaf = ScoreNode(id="n1", name="m1", name_start=5, name_end=7, weight="m3", score="m4")
    return ScoreTree(nodes=(root, leaf), root="n0")


def test_refs_lists_the_quantity_ids_of_every_kind_of_field() -> None:
    assert SumRelation(total="a", items=("b", "c")).refs() == ("a", "b", "c")
    count = CountRelation(stated=3, start=0, end=2, what="a", stated_ids=("t",), item_ids=("x", "y"))
    assert count.refs() == ("t", "x", "y")  # `what` is wording, not an id
    assert tree().refs() == ("m1", "m2", "m3", "m4")  # node ids and children are not quantities


def test_renamed_passes_only_the_refs_through_the_mapping() -> None:
    got = renamed(tree(), {"m1": "q1", "m3": "q3", "n1": "WRONG"})
    assert isinstance(got, ScoreTree)
    assert got.refs() == ("q1", "m2", "q3", "m4")
    assert [n.id for n in got.nodes] == ["n0", "n1"] and got.nodes[0].children == ("n1",)
    assert got.nodes[1].name == "m1"  # a name that happens to look like an id stays as written
    count = CountRelation(stated=3, start=0, end=2, stated_ids=("m1",), item_ids=("m3",))
    assert renamed(count, {"m1": "q1", "m3": "q3"}).refs() == ("q1", "q3")


def test_new_relations_drops_what_is_already_there_or_repeated() -> None:
    a, b = SumRelation(total="a", items=("b",)), SumRelation(total="c", items=("d",))
    assert new_relations([a], [a, b, b]) == [b]


def test_stripped_span() -> None:
    text = "  产出指标 \t|   |"
    assert stripped_span(text, 0, 8) == (2, 6) and text[2:6] == "产出指标"
    assert stripped_span(text, 9, 12) == (12, 12)  # all blank: collapses to its end


def finding(check: str, severity: str, start: int, message: str) -> Finding:
    return Finding(id="", check=check, severity=severity, message=message, start=start, end=start + 1, quote="x")  # type: ignore[arg-type]


def test_dedupe_keeps_the_most_severe_finding_per_check_and_span() -> None:
    got = dedupe(
        [
            finding("unit", "low", 5, "a"),
            finding("unit", "high", 5, "b"),
            finding("unit", "high", 5, "c"),
            finding("sum", "low", 5, "d"),
            finding("unit", "low", 1, "e"),
        ]
    )
    assert [(f.check, f.message) for f in got] == [("unit", "e"), ("sum", "d"), ("unit", "b")]
