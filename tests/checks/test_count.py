"""The count check counts and chooses the severity itself, from hand-built claims: what the
extractor read (the stated count, the items, how the text ties them), never a count or a severity
the extractor computed."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.checks.base import Context
from review.checks.count import check_counts, count_of, settle_counts
from review.core.claims import Claims, CountRelation, CountWording, Quantity, SumRelation

LISTED = "抽查项目3个，分别是甲项目、乙项目、丙项目、丁项目。"
ITEMS = tuple((LISTED.index(n), LISTED.index(n) + 3) for n in ("甲项目", "乙项目", "丙项目", "丁项目"))


def qty(qid: str, text: str, at: str, unit: str = "个", label: str = "", nth: int = 0) -> Quantity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(at, start + 1)
    value = Decimal(at.removesuffix(unit))
    return Quantity(id=qid, text=at, start=start, end=start + len(at), value=value, unit=unit, decimals=0, label=label)


def listed(wording: CountWording, **extra: object) -> CountRelation:
    return CountRelation(
        stated=3, start=0, end=LISTED.index("3个") + 2, item_spans=ITEMS, what="抽查项目", wording=wording, **extra
    )


@pytest.mark.parametrize(
    ("wording", "severity"),
    [
        ("named_list", "high"),
        ("numbered_paragraphs", "high"),
        ("org_run", "high"),
        ("back_reference", "medium"),
        ("tiers", "medium"),
        ("ordinals", "medium"),
        ("model", "medium"),
        ("breakdown", "medium"),
        ("notices", "medium"),
        ("loose_list", "low"),
    ],
)
def test_the_check_chooses_the_severity_from_the_wording(wording: CountWording, severity: str) -> None:
    (f,) = check_counts(Context(Claims(relations=(listed(wording),)), LISTED, 2023))
    assert (f.check, f.severity, f.stated.display if f.stated else "", f.computed.display if f.computed else "") == (
        "count",
        severity,
        "3",
        "4",
    )


def test_the_check_counts_the_items_and_ignores_a_count_an_extractor_wrote() -> None:
    four = listed("named_list").model_copy(update={"stated": 4, "counted": 999, "severity": "low"})
    assert check_counts(Context(Claims(relations=(four,)), LISTED, 2023)) == []
    three = listed("named_list").model_copy(update={"counted": 3})
    assert [f.severity for f in check_counts(Context(Claims(relations=(three,)), LISTED, 2023))] == ["high"]


def test_a_partial_list_only_bounds_the_count() -> None:
    fewer = listed("back_reference", exhaustive=False).model_copy(update={"stated": 12})
    assert check_counts(Context(Claims(relations=(fewer,)), LISTED, 2023)) == []
    more = listed("back_reference", exhaustive=False)
    assert ["列举未完" in f.message for f in check_counts(Context(Claims(relations=(more,)), LISTED, 2023))] == [True]


TIERS = "90分以上的81个，60至90分0个，60分以下2个。\n预算支出项目83个，81个项目完成，2个未完成。项目支出数量85个。"


def tier_claims(totals: tuple[str, ...], *, first_tier: str = "81个", confirmed: bool = False) -> Claims:
    """Tiers 81 + 0 + 2 against the totals named; `confirmed`: 83个 = 81个完成 + 2个未完成 is claimed too."""
    tiers = (qty("a", TIERS, "81个"), qty("b", TIERS, "0个"), qty("c", TIERS, "2个"))
    tiers = (tiers[0].model_copy(update={"value": Decimal(first_tier.removesuffix("个"))}), *tiers[1:])
    totals_q = (qty("t83", TIERS, "83个", label="预算支出项目"), qty("t85", TIERS, "85个", label="项目支出数量"))
    parts = (qty("d", TIERS, "81个", nth=1), qty("e", TIERS, "2个", nth=1))
    by_id = {q.id: q for q in (*tiers, *totals_q, *parts)}
    first = by_id[totals[0]]
    rel = CountRelation(
        stated=int(first.value),
        start=first.start,
        end=first.end,
        item_spans=tuple((q.start, q.end) for q in tiers),
        what="按分档列出的项目个数之和",
        stated_ids=totals,
        item_ids=("a", "b", "c"),
        wording="tiers",
    )
    confirming = (SumRelation(total="t83", items=("d", "e"), category="count", basis="implicit"),) if confirmed else ()
    return Claims(quantities=tuple(by_id.values()), relations=(rel, *confirming))


def test_tiers_add_their_values_and_hold_when_they_meet_any_stated_total() -> None:
    claims = tier_claims(("t85", "t83"))
    rel = claims.relations[0]
    assert isinstance(rel, CountRelation) and count_of(rel, claims.by_id()) == 83
    assert check_counts(Context(claims, TIERS, 2023)) == []


def test_tiers_that_meet_no_total_are_a_medium_finding_on_the_total() -> None:
    (f,) = check_counts(Context(tier_claims(("t85",)), TIERS, 2023))
    assert (f.severity, f.quote, f.stated.display if f.stated else "") == ("medium", "85个", "85")
    (f,) = check_counts(Context(tier_claims(("t83",), first_tier="80个"), TIERS, 2023))
    assert f.quote == "83个"


def test_when_another_relation_confirms_the_total_the_tiers_are_the_odd_ones_out() -> None:
    (f,) = check_counts(Context(tier_claims(("t83",), first_tier="80个", confirmed=True), TIERS, 2023))
    assert f.quote == TIERS[TIERS.index("81个") : TIERS.index("2个") + 2]


def test_settled_claims_carry_the_checks_count_and_severity() -> None:
    claims = settle_counts(Claims(relations=(listed("back_reference"), listed("org_run"))))
    assert [(r.counted, r.severity) for r in claims.relations if isinstance(r, CountRelation)] == [
        (4, "medium"),
        (4, "high"),
    ]


def test_ordinals_that_outnumber_the_count_are_a_medium_finding() -> None:
    """r6-09 seeded: 分二批实施 followed by 一批…二批…三批 (the extractor read three ordinals)."""
    text = "该项目分二批实施,一批项目批复总投资3374.3万元,二批项目批复总投资2069.51万元,三批项目批复投资778.59万元。"
    spans = tuple((text.index(o), text.index(o) + 2) for o in ("一批", "二批", "三批"))
    rel = CountRelation(stated=2, start=4, end=8, item_spans=spans, what="其后按序列出的批数", wording="ordinals")
    (f,) = check_counts(Context(Claims(relations=(rel,)), text, 2023))
    assert (f.severity, f.stated.display if f.stated else "", f.computed.display if f.computed else "") == (
        "medium",
        "2",
        "3",
    )
