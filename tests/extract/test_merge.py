from decimal import Decimal

from review.core.claims import Claims, Quantity, SumRelation
from review.extract.merge import merge_claims


def q(qid, start, value, source="rules"):
    return Quantity(
        id=qid,
        text=f"{value}万元",
        start=start,
        end=start + len(f"{value}万元"),
        value=Decimal(value),
        unit="万元",
        decimals=0,
        source=source,
    )


def test_model_quantities_on_rules_spans_become_rules_quantities():
    rules = Claims(quantities=(q("q0", 0, "10"), q("q1", 10, "4")), relations=())
    model = Claims(
        quantities=(q("m0", 0, "10", "llm"), q("m1", 10, "4", "llm"), q("m2", 20, "6", "llm")),
        relations=(SumRelation(total="m0", items=("m1", "m2")),),
    )
    merged = merge_claims(rules, model)
    assert [x.id for x in merged.quantities] == ["q0", "q1", "m2"]
    assert merged.relations == (SumRelation(total="q0", items=("q1", "m2")),)


def test_model_relation_already_found_by_rules_is_not_duplicated():
    rel = SumRelation(total="q0", items=("q1",), exhaustive=False)
    rules = Claims(quantities=(q("q0", 0, "10"), q("q1", 10, "4")), relations=(rel,))
    model = Claims(
        quantities=(q("m0", 0, "10", "llm"), q("m1", 10, "4", "llm")),
        relations=(SumRelation(total="m0", items=("m1",), exhaustive=False),),
    )
    assert merge_claims(rules, model).relations == (rel,)
