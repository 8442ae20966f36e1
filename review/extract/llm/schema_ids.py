"""The wire schema of pointing by id (按编号指出): the model names numbers by the ids
review.extract.llm.marking wrote into the text (`[12]元`), never by value or quote. A reply is a
few dozen tokens; review.extract.llm.grounding_ids turns ids back into located numbers.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from review.extract.llm.schema import parse_with, wire_schema

Id = Annotated[int, Field(ge=1, le=100000)]


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SumIds(_Wire):
    """合计/总额 [total] and its 其中 items; `exhaustive` false for 主要是/包括…等 lists."""

    kind: Literal["sum"]
    total: Id
    items: list[Id] = Field(min_length=1, max_length=60)
    exhaustive: bool = True


class RatioIds(_Wire):
    """A stated rate [rate] computed as [numerator] / [denominator]."""

    kind: Literal["ratio"]
    rate: Id
    numerator: Id
    denominator: Id


class ScoreIds(_Wire):
    """One score row: its 分值 [weight] and 得分 [score] (either may be null), and `parent`, the
    weight id of the category row it belongs to."""

    kind: Literal["score"]
    weight: Id | None = None
    score: Id | None = None
    parent: Id | None = None


IdRelation = Annotated[SumIds | RatioIds | ScoreIds, Field(discriminator="kind")]


class IdExtraction(_Wire):
    relations: list[IdRelation] = Field(max_length=80)


_RELATION: TypeAdapter[Any] = TypeAdapter(IdRelation)


IDS_SCHEMA: dict[str, Any] = wire_schema(IdExtraction)
IDS_SCHEMA_SHA = hashlib.sha256(json.dumps(IDS_SCHEMA, sort_keys=True).encode()).hexdigest()[:16]


def parse_ids(text: str) -> tuple[IdExtraction, list[str]]:
    """The well-formed relations of a reply and what was wrong with each of the others
    (LLMOutputError when the reply is not {"relations": [...]} or none is well-formed)."""
    good, malformed = parse_with(text, _RELATION)
    return IdExtraction(relations=good), malformed
