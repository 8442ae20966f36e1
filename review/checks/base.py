"""What every check needs: the claims, the text for quotes, the period; and one way to build a
finding so that `quote == text[start:end]` always holds."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from typing import Literal

from review.core.claims import Claims, Quantity, ScoreNode
from review.core.document import stripped_span
from review.core.findings import Check, Finding, Severity, Value
from review.core.intervals import Interval
from review.scoring.packs import RubricPack


@dataclass(frozen=True)
class Context:
    claims: Claims
    text: str
    period: int | None
    rubric: RubricPack | None = None
    memo: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def q(self) -> dict[str, Quantity]:
        return self.claims.by_id()


def finding(
    ctx: Context,
    check: Check,
    severity: Severity,
    message: str,
    start: int,
    end: int,
    *,
    stated: Value | None = None,
    computed: Value | None = None,
    trace: str = "",
    rule: str = "",
    related: tuple[tuple[int, int], ...] = (),
    origin: Literal["rules", "model"] = "rules",
) -> Finding:
    """A finding; one on a relation the model alone pointed at (`origin` model) is capped at medium."""
    if origin == "model" and severity == "high":
        severity = "medium"
    return Finding(
        id="",
        check=check,
        severity=severity,
        message=message,
        start=start,
        end=end,
        quote=ctx.text[start:end],
        stated=stated,
        computed=computed,
        trace=trace,
        rule=rule,
        related=related,
        origin=origin,
    )


def fmt(d: Decimal, places: int = 4) -> str:
    q = d.quantize(Decimal(10) ** -places).normalize()
    return f"{q:f}"


def points(q: Quantity) -> str:
    """A score as written with its 分 (a bare cell's 50 → 50分; 14分 as it is)."""
    text = q.text.strip()
    return text if text.endswith("分") else f"{text}分"


def value_of(q: Quantity) -> Value:
    iv = in_unit(q.interval(), q)
    return Value(display=q.text.strip(), lo=fmt(iv.lo, q.decimals + 1), hi=fmt(iv.hi, q.decimals + 1), unit=q.unit)


def computed_value(iv: Interval, unit: str, places: int = 4) -> Value:
    mid = fmt(iv.mid, places)
    return Value(display=f"{mid}{unit}", lo=fmt(iv.lo, places), hi=fmt(iv.hi, places), unit=unit)


def in_unit(iv: Interval, q: Quantity) -> Interval:
    """A base-unit interval expressed in q's unit (元 → 万元 when q is in 万元)."""
    return iv.scale(Decimal(1) / q.parsed.scale)


def span_of(q: Quantity) -> tuple[int, int]:
    return q.anchor_start, q.end


def name_span(ctx: Context, n: ScoreNode) -> tuple[int, int]:
    """A score node's wording without the cell's surrounding blanks."""
    return stripped_span(ctx.text, n.name_start, n.name_end)
