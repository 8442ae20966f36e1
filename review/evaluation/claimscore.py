"""Claim-level scoring (抽取评分): the pipeline's claims against gold claims, grounding, coverage.

- Quantities: strict = same span and equal value; partial = overlapping spans and equal value.
  Values are compared in base units (万元 × 10⁴ = 元), so 3167.20万元 equals 31672000元.
- Relations: a claimed relation matches a gold relation of the same kind (the check that
  recomputes it: a 其中 list of persons is `count`, a score tree `score`, 全部到位 `consistency`)
  whose anchor quote overlaps the claimed relation's anchor (its total, rate, closing balance,
  count, root category or year statement). A relation type with no entry in `_KIND` is left out
  and named under `unknown_kinds` (add it there when a new relation type appears).
- Grounding rate: claimed quantities whose text is verbatim at their span, over those plus the
  model's quotes that could not be found (rules claims are grounded by construction).
- Coverage: labeled findings and clean relations that some claimed relation touches at all (any
  of its spans overlaps the label's quote), whatever its kind.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from review.core.claims import Claims, Quantity, Readings, Relation
from review.core.numbers import MONEY_SCALE
from review.evaluation.labels import GoldClaims, Span, locate
from review.evaluation.results import ClaimsSummary, PrecisionRecall, QuantityScores, RelationScores
from review.evaluation.scoring import GoldSpan, overlaps, ratio

_KIND = {
    "ratio": "ratio",
    "balance": "balance",
    "count": "count",
    "score_tree": "score",
    "year": "date",
    "date_range": "date",
    "assertion": "consistency",
    "plan_actual": "consistency",
    "unit_price": "unit",
    "same_fact": "consistency",
    "formula_score": "score",
    "target_score": "score",
    "share_of_whole": "ratio",
    "share_list": "ratio",
}
_ANCHOR_FIELD = {
    "sum": "total",
    "ratio": "rate",
    "share_of_whole": "rate",
    "balance": "closing",
    "plan_actual": "anchor",
    "formula_score": "score",
    "same_fact": "statements",
}


def base_value(value: Decimal, unit: str) -> Decimal:
    return value * MONEY_SCALE.get(unit, Decimal(1))


def _claimed(relations: tuple[Relation, ...]) -> list[Relation]:
    """The relations as claims: a total read with and without its carry-over (Readings, carryover) claims one
    sum, its first reading's; a row whose cells cut several ways claims none."""
    out: list[Relation] = []
    for r in relations:
        if isinstance(r, Readings):
            out += list(r.alternatives[0]) if r.ambiguity == "carryover" else []
        else:
            out.append(r)
    return out


def relation_kind(rel: Relation) -> str:
    return str(getattr(rel, "category", "sum")) if rel.kind == "sum" else _KIND.get(rel.kind, rel.kind)


def relation_spans(rel: Relation, q: dict[str, Quantity]) -> list[Span]:
    """Every span a relation involves: its quantities, statement spans, item and node spans."""
    spans: list[Span] = []

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, str) and value in q and key not in ("kind", "name", "what", "basis", "scope"):
            spans.append((q[value].start, q[value].end))
        elif isinstance(value, dict):
            for pair in (("start", "end"), ("name_start", "name_end")):
                if isinstance(value.get(pair[0]), int) and isinstance(value.get(pair[1]), int):
                    spans.append((value[pair[0]], value[pair[1]]))
            for k, v in value.items():
                walk(v, k)
        elif isinstance(value, (list, tuple)):
            if len(value) == 2 and all(isinstance(v, int) for v in value):
                spans.append((value[0], value[1]))
            else:
                for v in value:
                    walk(v, key)

    walk(rel.model_dump())
    return [s for s in spans if s[0] < s[1]]


def relation_anchor(rel: Relation, q: dict[str, Quantity]) -> Span | None:
    field = _ANCHOR_FIELD.get(rel.kind)
    value = getattr(rel, field, None) if field else None
    value = value[0] if isinstance(value, tuple) and value else value  # a list: its first statement
    if isinstance(value, str) and value in q:
        return q[value].start, q[value].end
    if rel.kind == "score_tree":
        nodes = {n.id: n for n in rel.nodes}
        root = nodes.get(rel.root)
        for node in [root] + [nodes[c] for c in (root.children if root else ()) if c in nodes]:
            if node is None:
                continue
            own = [(node.name_start, node.name_end)] + [
                (q[i].start, q[i].end) for i in (node.weight, node.score) if i in q
            ]
            own = [s for s in own if s[0] < s[1]]
            if own:
                return min(s[0] for s in own), max(s[1] for s in own)
        return None
    start, end = getattr(rel, "start", None), getattr(rel, "end", None)
    if isinstance(start, int) and isinstance(end, int) and start < end:
        return start, end
    spans = relation_spans(rel, q)
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def score_claims(gold: GoldClaims, text: str, claims: Claims, name: str = "") -> dict[str, Any]:
    """Counts for one run of one sample with gold claims (summed over runs by `claims_summary`),
    and what was missed or claimed without a gold counterpart."""
    gq = []
    for g in gold.quantities:
        span = locate(text, g.quote, g.occurrence)
        if span is not None:
            gq.append((span, base_value(g.value, g.unit)))
    pq = [((q.start, q.end), base_value(q.value, q.unit)) for q in claims.quantities]
    out: dict[str, Any] = {
        "gold_quantities": len(gq),
        "quantities": len(pq),
        "strict_found": sum(any(s == ps and v == pv for ps, pv in pq) for s, v in gq),
        "strict_correct": sum(any(s == gs and v == gv for gs, gv in gq) for s, v in pq),
        "partial_found": sum(any(overlaps(s, ps) and v == pv for ps, pv in pq) for s, v in gq),
        "partial_correct": sum(any(overlaps(s, gs) and v == gv for gs, gv in gq) for s, v in pq),
    }
    q = claims.by_id()
    known = [r for r in _claimed(claims.relations) if r.kind == "sum" or r.kind in _KIND]
    produced = [(relation_kind(r), relation_anchor(r, q)) for r in known]
    out["unknown_kinds"] = sorted({r.kind for r in claims.relations} - {r.kind for r in known})
    golds = [(r.kind, [s for a in r.anchors if (s := locate(text, a.quote, a.occurrence))]) for r in gold.relations]

    def match(kind: str, anchor: Span | None, gkind: str, gspans: list[Span]) -> bool:
        return anchor is not None and kind == gkind and any(overlaps(anchor, s) for s in gspans)

    out["gold_relations"] = len(golds)
    out["relations"] = len(produced)
    out["relations_found"] = sum(any(match(k, a, gk, gs) for k, a in produced) for gk, gs in golds)
    out["relations_correct"] = sum(any(match(k, a, gk, gs) for gk, gs in golds) for k, a in produced)
    out["missed"] = [
        f"{name} quantity {text[s[0] : s[1]]}@{s[0]}" for s, v in gq if not any(s == ps and v == pv for ps, pv in pq)
    ]
    out["missed"] += [
        f"{name} {gk} {text[gs[0][0] : gs[0][1]]}"
        for gk, gs in golds
        if gs and not any(match(k, a, gk, gs) for k, a in produced)
    ]
    out["unmatched"] = [
        f"{name} quantity {text[s[0] : s[1]]}@{s[0]}" for s, v in pq if not any(s == gs and v == gv for gs, gv in gq)
    ]
    out["unmatched"] += [
        f"{name} {k} {text[a[0] : a[1]] if a else '(no anchor)'}"
        for k, a in produced
        if not any(match(k, a, gk, gs) for gk, gs in golds)
    ]
    return out


def grounding_counts(text: str, claims: Claims, chunks: tuple[Any, ...]) -> dict[str, int]:
    """Quantities verbatim at their span, all quantities, model claims, and model quotes not found."""
    return {
        "verified": sum(text[q.start : q.end] == q.text for q in claims.quantities),
        "claimed": len(claims.quantities),
        "model": sum(getattr(q, "source", "rules") == "llm" for q in claims.quantities),
        "ungrounded": sum(len(getattr(c, "ungrounded", ()) or ()) for c in chunks),
    }


def coverage_counts(labels: list[GoldSpan], claims: Claims) -> tuple[int, list[GoldSpan]]:
    q = claims.by_id()
    spans = [s for r in claims.relations for s in relation_spans(r, q)]
    unseen = [g for g in labels if not any(overlaps(g.span, s) for s in spans)]
    return len(labels) - len(unseen), unseen


def claims_summary(per_run: list[dict[str, Any]], grounding: list[dict[str, int]]) -> ClaimsSummary:
    t: dict[str, int] = {}
    lists: dict[str, list[str]] = {"missed": [], "unmatched": [], "unknown_kinds": []}
    for row in per_run + grounding:
        for k, v in row.items():
            if isinstance(v, list):
                lists[k] += [x for x in v if x not in lists[k]]
            else:
                t[k] = t.get(k, 0) + v
    g = t.get("verified", 0), t.get("claimed", 0) + t.get("ungrounded", 0)
    summary = ClaimsSummary(
        grounding_rate=ratio(*g), model_claims=t.get("model", 0), ungrounded_quotes=t.get("ungrounded", 0)
    )
    if not per_run:
        return summary
    return summary.model_copy(
        update={
            "runs_with_gold": len(per_run),
            "quantities": QuantityScores(
                gold=t["gold_quantities"],
                claimed=t["quantities"],
                strict=PrecisionRecall(
                    precision=ratio(t["strict_correct"], t["quantities"]),
                    recall=ratio(t["strict_found"], t["gold_quantities"]),
                ),
                partial=PrecisionRecall(
                    precision=ratio(t["partial_correct"], t["quantities"]),
                    recall=ratio(t["partial_found"], t["gold_quantities"]),
                ),
            ),
            "relations": RelationScores(
                gold=t["gold_relations"],
                claimed=t["relations"],
                precision=ratio(t["relations_correct"], t["relations"]),
                recall=ratio(t["relations_found"], t["gold_relations"]),
            ),
            **lists,
        }
    )
