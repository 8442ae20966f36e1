"""Orchestration: document → claims → findings, with the review's status."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from review.checks import run_checks
from review.checks.base import Context
from review.claims import Claims
from review.document import Document
from review.findings import SEVERITY_ORDER, Finding
from review.rules import extract_rules


class ChunkOutcome(BaseModel):
    """What happened to one part of the document in the model extractor."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    start: int
    end: int
    status: Literal["ok", "retried", "failed"]
    reason: str = ""


class Review(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    document: Document
    claims: Claims
    findings: tuple[Finding, ...]
    status: Literal["complete", "incomplete"]
    extractor: str = "rules"
    period: int | None = None
    chunks: tuple[ChunkOutcome, ...] = ()
    notes: tuple[str, ...] = ()


def review_document(doc: Document, *, period: int | None = None, extractor: str = "rules") -> Review:
    claims = extract_rules(doc, period)
    findings = _number(_dedupe(run_checks(Context(claims, doc.text, claims.period))))
    notes = tuple(f"第{p.page}页未读取：{p.reason}" for p in doc.unread_pages)
    status: Literal["complete", "incomplete"] = "incomplete" if doc.unread_pages else "complete"
    return Review(document=doc, claims=claims, findings=findings, status=status, extractor=extractor, period=claims.period, notes=notes)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    best: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        key = (f.check, f.start, f.end)
        if key not in best or SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best[key].severity]:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end, f.check))


def _number(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(f.model_copy(update={"id": f"F{i}"}) for i, f in enumerate(findings, 1))
