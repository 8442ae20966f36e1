"""Hybrid extraction: rules claims plus grounded model claims, deduplicated by span.

A model quantity whose span equals a rules quantity becomes that quantity (rules win); others keep
their own ids. Model relations are added unless the same relation is already there. The one
renaming of quantity ids in relations (`renamed`, over the fields Relation.refs() reads) and the
one de-duplication of relations (`new_relations`) live here; the model path's chunk merge uses them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from review.core.claims import REF_FIELDS, Claims, Quantity, Relation


def merge_claims(rules: Claims, model: Claims) -> Claims:
    by_span = {(q.start, q.end): q.id for q in rules.quantities}
    rename: dict[str, str] = {}
    extra: list[Quantity] = []
    for q in model.quantities:
        if (q.start, q.end) in by_span:
            rename[q.id] = by_span[(q.start, q.end)]
        else:
            extra.append(q)
    added = new_relations(rules.relations, (renamed(rel, rename) for rel in model.relations))
    return rules.model_copy(
        update={"quantities": rules.quantities + tuple(extra), "relations": rules.relations + tuple(added)}
    )


def renamed(rel: Relation, rename: Mapping[str, str]) -> Relation:
    """`rel` with every quantity id it refers to (Relation.refs()) passed through `rename`."""
    return type(rel).model_validate(_rename(rel.model_dump(), rename))


def new_relations(existing: Iterable[Relation], candidates: Iterable[Relation]) -> list[Relation]:
    """The candidates not already among `existing` (nor earlier among themselves), in order."""
    seen = {_key(r) for r in existing}
    out: list[Relation] = []
    for rel in candidates:
        if _key(rel) not in seen:
            seen.add(_key(rel))
            out.append(rel)
    return out


def _rename(value: Any, rename: Mapping[str, str], key: str = "") -> Any:
    if isinstance(value, str):
        return rename.get(value, value) if key in REF_FIELDS else value
    if isinstance(value, (list, tuple)):
        return type(value)(_rename(v, rename, key) for v in value)
    if isinstance(value, dict):
        return {k: _rename(v, rename, k) for k, v in value.items()}
    return value


def _key(rel: Relation) -> str:
    return rel.model_dump_json()
