"""The JSON contract (JSON 输出约定): what `review check --format json|jsonl` prints, as typed models.

Other tools read this output, so every existing key keeps its name, type and meaning; fields are
only ever added. review.present.render builds its JSON through these models (what is printed is validated
by construction), `review schema` prints `json_schema()`, and schema/review.schema.json is that
schema, committed: a change to the contract shows there (tests/test_contract.py).

The models reuse the core types (review.core.findings, review.core.claims, review.core.document) and add what the
output shows beside them: a finding's `line`, a quantity's `kind`, an unread span's `quote`.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, RootModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue

from review.core.claims import Quantity, Reading, Relation, Unread
from review.core.document import PageIssue
from review.core.findings import Finding
from review.core.outcomes import ChunkOutcome
from review.core.provenance import Extractor

SCHEMA_VERSION: Literal["1"] = "1"


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", use_attribute_docstrings=True)


class Tool(_Out):
    """The program that printed the output."""

    name: str
    version: str


class _Header(_Out):
    schema_version: Literal["1"] = SCHEMA_VERSION
    """Version of this contract. Added fields leave it as it is (a reader ignores keys it does not
    know); it would change only if a key ever had to change its meaning or go away."""
    tool: Tool


class Rubric(_Out):
    """The rubric pack (评分标准) the scores were checked against."""

    pack: str
    """Label of the pack; empty: the report's own caps were used."""
    why: str
    """Why this pack (or none) was used."""


class UnreadOut(Unread):
    """Text the rules found but could not read into claims: nothing was checked there."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    quote: str
    """`text[start:end]`."""
    line: int
    """1-based line of `start` in `text`."""


class ChunkOut(ChunkOutcome):
    """What the model extractor did with one part of the document. The per-run costs (requests,
    tokens, time) are not printed, so that a review served from the cache prints the same JSON."""

    requests: int = Field(default=0, exclude=True)
    cache_hits: int = Field(default=0, exclude=True)
    tokens_in: int = Field(default=0, exclude=True)
    tokens_out: int = Field(default=0, exclude=True)
    seconds: float = Field(default=0.0, exclude=True)


class _QuantityKind(_Out):
    kind: Literal["quantity"] = "quantity"


# pydantic orders fields from the last base to the first: `kind` is printed before Quantity's fields.
class QuantityOut(Quantity, _QuantityKind):
    """A stated number (数值) among the claims (review.core.claims.Quantity); `value` is the exact decimal
    as a string, `text[start:end]` its verbatim text."""


Claim = Annotated[QuantityOut | Relation, Field(discriminator="kind")]


class FindingOut(Finding):
    """One discrepancy (review.core.findings.Finding) with its line; `text[start:end] == quote`."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    line: int
    """1-based line of `start` in the document's `text`."""


class Figures(_Out):
    """The figures in `text` (numbers with a unit and bare numbers such as table cells; years, dates
    and list markers are not figures) and how many of them a relation in `claims` names."""

    found: int
    checked: int


class DocumentOut(_Out):
    """The review of one report."""

    path: str
    sha256: str
    """SHA-256 of the file's bytes."""
    text: str
    """The report as one text; every `start`/`end` indexes it."""
    status: Literal["complete", "incomplete"]
    """incomplete: part of the report was not read (`unread_pages`, a failed model chunk, a reader
    that broke: an `unread` entry with `failed`)."""
    format: Literal["txt", "docx", "pdf"]
    period: int | None
    """The evaluation year (评价年度), given or inferred; null when unknown."""
    extractor: Extractor
    """rules, llm or hybrid."""
    rubric: Rubric
    notes: tuple[str, ...]
    """What the review could not do, one sentence each."""
    reading: Reading
    """How the text was read: characters read as simplified (a report in traditional characters)
    and pinyin annotations passed over, both 0 when it was read as it is. Offsets and quotes are
    always those of `text`."""
    unread_pages: tuple[PageIssue, ...]
    unread: tuple[UnreadOut, ...]
    chunks: tuple[ChunkOut, ...]
    """Per-chunk outcome of the model path (empty with the rules extractor)."""
    claims: tuple[Claim, ...]
    """Quantities, then the relations between them that the checks recompute."""
    findings: tuple[FindingOut, ...]
    figures: Figures
    """How much of the report was checked: an empty `findings` with few figures checked is not a
    clean report."""


class FileError(_Out):
    """A file that could not be reviewed."""

    path: str
    error: str
    """One line, in Chinese, saying how to fix it."""


def _errors_optional(schema: dict[str, Any]) -> None:
    schema["required"].remove("errors")


class CheckOutput(_Header):
    """What `review check --format json` prints: one object for all the reports."""

    model_config = ConfigDict(json_schema_extra=_errors_optional)

    documents: tuple[DocumentOut, ...]
    errors: tuple[FileError, ...] = ()
    """Present only when some file could not be reviewed."""

    def printed(self) -> dict[str, Any]:
        """The object as printed: `errors` only when there are some."""
        return self.model_dump(mode="json", exclude=None if self.errors else {"errors"})


# As for QuantityOut: the header (schema_version, tool) is printed before the document's fields.
class JsonlDocument(DocumentOut, _Header):
    """One line of `review check --format jsonl`: a document object as in `--format json`, with
    `schema_version` and `tool` first and `cached` last."""

    cached: bool
    """The review was served from the database (--resume)."""


class JsonlError(_Header):
    """One line of `review check --format jsonl` for a file that could not be reviewed."""

    path: str
    error: str


class ReviewJson(RootModel[CheckOutput | JsonlDocument | JsonlError]):
    """JSON printed by `review check`: the object of `--format json`, or one line of `--format
    jsonl`. Fields are only ever added; a reader ignores keys it does not know."""


class _AsPrinted(GenerateJsonSchema):
    """The schema of the printed JSON: every field is printed, defaults included, so every field is
    required (CheckOutput.errors excepted); no object forbids other keys, since fields are added."""

    # `field` and `schema` are pydantic-core schemas (pydantic_core.core_schema)
    def field_is_required(self, field: Any, total: bool) -> bool:
        return self.mode == "serialization" or super().field_is_required(field, total)

    def model_schema(self, schema: Any) -> JsonSchemaValue:
        json_schema = super().model_schema(schema)
        json_schema.pop("additionalProperties", None)
        return json_schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the contract (what `review schema` prints)."""
    return {
        "$schema": _AsPrinted.schema_dialect,
        **ReviewJson.model_json_schema(mode="serialization", schema_generator=_AsPrinted),
    }
