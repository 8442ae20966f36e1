"""Findings: what a reviewer is shown. Data, never exceptions."""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict

Check = Literal["sum", "ratio", "balance", "score", "count", "unit", "date", "consistency"]
Severity = Literal["high", "medium", "low"]
SEVERITY_ORDER = {"high": 3, "medium": 2, "low": 1}


class Value(BaseModel):
    """A value with the interval its written precision allows (in `unit`)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    display: str
    lo: str | None = None
    hi: str | None = None
    unit: str = ""


class Finding(BaseModel):
    """One discrepancy. `quote == text[start:end]` of the document it belongs to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    check: Check
    severity: Severity
    message: str
    start: int
    end: int
    quote: str
    stated: Value | None = None
    computed: Value | None = None
    trace: str = ""
    rule: str = ""
    related: tuple[tuple[int, int], ...] = ()
    # "model": the relation checked was pointed at by the language model alone (the numbers are
    # still our own reading of the text); such a finding is never above medium.
    origin: Literal["rules", "model"] = "rules"
    # Stable identity across versions and edits elsewhere in the report: check, rule, quote and the
    # words right around it — never the offset or the ordinal. Decisions are attached to it.
    fingerprint: str = ""


_SPACE = re.compile(r"\s+")
CONTEXT_CHARS = 12  # non-space characters of context on each side of the quote


def _squash(text: str) -> str:
    return _SPACE.sub("", text)


def fingerprint(check: str, rule: str, quote: str, text: str, start: int, end: int) -> str:
    """A finding's fingerprint from what it says and where it stands in words, not in offsets.

    Whitespace is ignored, so a quote broken over lines in a PDF cell has the fingerprint of the
    same quote in a .txt; the context is the nearest CONTEXT_CHARS non-space characters each side.
    """
    before = _squash(text[max(0, start - 8 * CONTEXT_CHARS) : start])[-CONTEXT_CHARS:]
    after = _squash(text[end : end + 8 * CONTEXT_CHARS])[:CONTEXT_CHARS]
    payload = "\x1f".join((check, rule, _squash(quote), before, after))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def dedupe(findings: list[Finding]) -> list[Finding]:
    """One finding per check and span (the most severe; the first among equals), in text order."""
    best: dict[tuple[str, int, int], Finding] = {}
    for f in findings:
        key = (f.check, f.start, f.end)
        if key not in best or SEVERITY_ORDER[f.severity] > SEVERITY_ORDER[best[key].severity]:
            best[key] = f
    return sorted(best.values(), key=lambda f: (f.start, f.end, f.check))


def with_fingerprints(findings: list[Finding], text: str) -> list[Finding]:
    """Each finding with its fingerprint; a repeat of the same fingerprint gets #2, #3… in order."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        fp = fingerprint(f.check, f.rule, f.quote, text, f.start, f.end)
        seen[fp] = seen.get(fp, 0) + 1
        out.append(f.model_copy(update={"fingerprint": fp if seen[fp] == 1 else f"{fp}#{seen[fp]}"}))
    return out
