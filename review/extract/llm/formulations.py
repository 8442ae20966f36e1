"""How the model is asked (提问方式), chosen by the prompt: what text it is shown of a chunk, the
schema it fills, and how its reply is grounded.

- `quotes` (extract_v1): the chunk as written; every number a verbatim quote plus its value,
  located and re-parsed by review.extract.llm.grounding. Ungrounded quotes are re-asked.
- `ids` (ids_v1): the chunk with every number marked `[n]` and no values
  (review.extract.llm.marking); relations as ids, grounded exactly by
  review.extract.llm.grounding_ids. Nothing is re-asked for an unknown id: it is recorded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from review.core.document import Document
from review.extract.chunking import Chunk
from review.extract.llm.grounding import Grounded, ground
from review.extract.llm.grounding_ids import ground_ids
from review.extract.llm.marking import mark
from review.extract.llm.schema import SCHEMA_SHA, WIRE_SCHEMA, parse_relations
from review.extract.llm.schema_ids import IDS_SCHEMA, IDS_SCHEMA_SHA, parse_ids
from review.extract.view import Window, view_of


@dataclass(frozen=True)
class Formulation:
    name: str
    schema: dict[str, Any]
    schema_sha: str
    shown: Callable[[Document, Chunk], str]
    grounded: Callable[[str, Document, Chunk], tuple[Grounded, list[str]]]
    reask_ungrounded: bool


def _as_written(doc: Document, c: Chunk) -> str:
    return c.text


def _quotes(reply: str, doc: Document, c: Chunk) -> tuple[Grounded, list[str]]:
    extraction, malformed = parse_relations(reply)
    return ground(extraction, c, prefix=f"m{c.index}.", view=view_of(doc.text)), malformed


def _marked(doc: Document, c: Chunk) -> str:
    return mark(Window.of(c.text, c.start, view_of(doc.text)).text).text


def _ids(reply: str, doc: Document, c: Chunk) -> tuple[Grounded, list[str]]:
    extraction, malformed = parse_ids(reply)
    return ground_ids(extraction, c, prefix=f"m{c.index}.", view=view_of(doc.text)), malformed


FORMULATIONS: dict[str, Formulation] = {
    "quotes": Formulation("quotes", WIRE_SCHEMA, SCHEMA_SHA, _as_written, _quotes, reask_ungrounded=True),
    "ids": Formulation("ids", IDS_SCHEMA, IDS_SCHEMA_SHA, _marked, _ids, reask_ungrounded=False),
}
