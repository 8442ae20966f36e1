"""Findings: what a reviewer is shown. Data, never exceptions."""

from __future__ import annotations

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
