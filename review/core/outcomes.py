"""What a review produces and what the model path reports: the types every stage after extraction
shares (the store, the renderers, the exporter, batches and the model extractor), kept out of the
orchestrator so that none of them imports it for a type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict

from review.core.claims import Claims
from review.core.document import Document
from review.core.findings import Finding
from review.core.provenance import Extractor

Progress = Callable[[int, int], None]


class ChunkOutcome(BaseModel):
    """What happened to one part of the document in the model extractor."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    status: Literal["ok", "retried", "failed"]
    reason: str = ""
    index: int = 0
    claims: int = 0
    ungrounded: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()
    invalid: int = 0
    requests: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    seconds: float = 0.0


class ModelResult(BaseModel):
    """What a model extractor returns: grounded claims and one outcome per chunk."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    claims: Claims
    chunks: tuple[ChunkOutcome, ...]
    model: str = ""
    prompt_version: str = ""
    requests: int = 0
    tokens: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cache_hits: int = 0
    seconds: float = 0.0


class ModelExtractor(Protocol):
    def __call__(self, doc: Document, progress: Progress | None = None) -> ModelResult: ...


class Review(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: Document
    claims: Claims
    findings: tuple[Finding, ...]
    status: Literal["complete", "incomplete"]
    extractor: Extractor = "rules"
    period: int | None = None
    rubric: str = ""
    rubric_note: str = ""
    chunks: tuple[ChunkOutcome, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """One file of a batch: its review, or the one-line reason it could not be reviewed."""

    path: str
    review: Review | None = None
    error: str | None = None
    cached: bool = False
