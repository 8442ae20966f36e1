"""Stated counts against what the text lists or counts: the check counts the items the extractor
read, compares them with the stated number and chooses the severity from how the text ties them."""

from __future__ import annotations

from collections.abc import Mapping

from review.checks.base import Context, finding
from review.core.claims import Claims, CountRelation, CountWording, Quantity, SumRelation
from review.core.findings import Finding, Severity, Value
from review.core.intervals import total

# Items named right after the count (分别是…, 如下 + 1. 2. 3., 六办一所四中心。包括…) are the count's
# own list: a mismatch is a plain error. A back-reference (以上四个方面), tiers compared with a total
# stated elsewhere, ordinals that follow it (分三批实施，一批…二批…; 下设2个机构，一是…二是…, where a
# later paragraph may go on), a breakdown into counts of the same unit (共 4 段：右岸 1 段…; parts that
# may be subsets), the notices that follow a count of allotments (分2批次下达…如下: 《…下达…的通知》 …) or a
# model's list tie the count to its items more loosely; a list whose grammar
# leaves its items open (，为 A、B…, a last item joined by 和) only earns a low finding.
SEVERITY: dict[CountWording, Severity] = {
    "named_list": "high",
    "numbered_paragraphs": "high",
    "org_run": "high",
    "back_reference": "medium",
    "tiers": "medium",
    "ordinals": "medium",
    "model": "medium",
    "breakdown": "medium",
    "notices": "medium",
    "loose_list": "low",
}


def count_of(rel: CountRelation, q: Mapping[str, Quantity]) -> int:
    """The count the items give: the sum of the counted quantities, else one per item span."""
    if rel.item_ids:
        return sum(int(q[i].value) for i in rel.item_ids)
    return len(rel.item_spans)


def severity_of(rel: CountRelation) -> Severity:
    return SEVERITY[rel.wording]


def _stated_values(rel: CountRelation, q: Mapping[str, Quantity]) -> list[int]:
    return [int(q[i].value) for i in rel.stated_ids if i in q] or [rel.stated]


def settle_counts(claims: Claims) -> Claims:
    """The claims with each count's deprecated `counted` and `severity` filled by this check, so
    that the JSON keeps their meaning."""
    q = claims.by_id()
    relations = tuple(
        rel.model_copy(update={"counted": count_of(rel, q), "severity": severity_of(rel)})
        if isinstance(rel, CountRelation)
        else rel
        for rel in claims.relations
    )
    return claims.model_copy(update={"relations": relations})


def _confirmed(ctx: Context, qid: str) -> bool:
    """A total that a sum relation confirms (83个 = 81个完成 + 2个未完成)."""
    q = ctx.q
    return any(
        isinstance(r, SumRelation)
        and r.total == qid
        and total([q[i].interval() for i in r.items]).meets(q[qid].interval())
        for r in ctx.claims.relations
    )


def _span(ctx: Context, rel: CountRelation) -> tuple[int, int]:
    """Where the finding sits: on the stated count, unless tiers are counted against a total that
    another relation confirms; then the tiers are the odd ones out."""
    if rel.item_ids and rel.stated_ids and _confirmed(ctx, rel.stated_ids[0]):
        items = [ctx.q[i] for i in rel.item_ids]
        return min(c.anchor_start for c in items), items[-1].end
    return rel.start, rel.end


def check_counts(ctx: Context) -> list[Finding]:
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, CountRelation):
            continue
        counted = count_of(rel, ctx.q)
        stated = _stated_values(rel, ctx.q)
        if counted in stated:
            continue
        if not rel.exhaustive and counted < stated[0]:
            continue  # a partial list (…等N个) names fewer than it counts
        start, end = _span(ctx, rel)
        quote = ctx.text[start:end]
        out.append(
            finding(
                ctx,
                "count",
                severity_of(rel),
                f"个数不符：报告所述个数为{stated[0]}，而{rel.what}为{counted}"
                f"{'（列举未完，却已多于所述个数）' if not rel.exhaustive else ''}（“{quote[:30]}”）",
                start,
                end,
                stated=Value(display=str(stated[0])),
                computed=Value(display=str(counted)),
                trace=f"{rel.what}：逐项计数 = {counted}；报告值 = {stated[0]}",
                rule="count.listed_items",
                related=rel.item_spans,
            )
        )
    return out
