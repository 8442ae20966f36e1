"""Hybrid extraction: rules claims plus grounded model claims, deduplicated by span.

A model quantity whose span equals a rules quantity becomes that quantity (rules win); others keep
their own ids. Model relations are added unless the same relation is already there."""

from __future__ import annotations

from typing import Any

from review.core.claims import Claims, Quantity, Relation


def merge_claims(rules: Claims, model: Claims) -> Claims:
    by_span = {(q.start, q.end): q.id for q in rules.quantities}
    rename: dict[str, str] = {}
    extra: list[Quantity] = []
    for q in model.quantities:
        if (q.start, q.end) in by_span:
            rename[q.id] = by_span[(q.start, q.end)]
        else:
            extra.append(q)
    seen = {_key(r) for r in rules.relations}
    added: list[Relation] = []
    for rel in model.relations:
        renamed = type(rel).model_validate(_rename(rel.model_dump(), rename))
        if _key(renamed) not in seen:
            seen.add(_key(renamed))
            added.append(renamed)
    return rules.model_copy(
        update={"quantities": rules.quantities + tuple(extra), "relations": rules.relations + tuple(added)}
    )


def _rename(value: Any, rename: dict[str, str]) -> Any:
    if isinstance(value, str):
        return rename.get(value, value)
    if isinstance(value, (list, tuple)):
        return type(value)(_rename(v, rename) for v in value)
    if isinstance(value, dict):
        return {k: (v if k == "kind" else _rename(v, rename)) for k, v in value.items()}
    return value


def _key(rel: Relation) -> str:
    return rel.model_dump_json()
