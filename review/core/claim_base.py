"""The base of every claim: frozen models, and the relation whose `refs` are the ids of the
quantities it names (the fields in REF_FIELDS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ConfigDict


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


# The fields that name quantities (by id), in any relation or score node: what `refs` lists and
# review.extract.merge renames.
REF_FIELDS = frozenset(
    {
        "total",
        "items",
        "rate",
        "numerator",
        "denominators",
        "whole_parts",
        "opening",
        "inflows",
        "outflows",
        "closing",
        "weight",
        "score",
        "stated_ids",
        "item_ids",
        "amount",
        "budget",
        "expected",
        "actual",
        "anchor",
        "other",
        "statements",
        "groups",
        "target",
        "peers",
        "kin",
    }
)


def _ids_in(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _ids_in(v)


def _refs_of(dump: Any) -> Iterator[str]:
    if isinstance(dump, dict):
        for key, value in dump.items():
            yield from _ids_in(value) if key in REF_FIELDS else _refs_of(value)
    elif isinstance(dump, (list, tuple)):
        for v in dump:
            yield from _refs_of(v)


class _Relation(_Frozen):
    def refs(self) -> tuple[str, ...]:
        """The ids of the quantities this relation names, in field order (score nodes' included)."""
        return tuple(_refs_of(self.model_dump()))
