"""How much of a report was checked (核对覆盖): the figures in its text, and how many of them take
part in a relation the checks recomputed.

An empty result on a report whose figures were mostly never related to anything is not a clean
report; this is the number that says so, on every review (text, page, JSON).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from review.core.claims import Claims
from review.core.numbers import ParsedNumber, find_numbers

# A bare number right before one of these is a list or paragraph marker (1、 2. (3)), not a figure.
_MARKER_AFTER = frozenset("、．.)）")


@dataclass(frozen=True)
class NumberCoverage:
    """`found`: figures in the text (numbers with a unit, and bare numbers such as table cells;
    years, dates and list markers are not figures). `checked`: those a relation names."""

    found: int
    checked: int

    @property
    def share(self) -> float:
        return self.checked / self.found if self.found else 1.0


def _figures(text: str) -> list[ParsedNumber]:
    return [n for n in find_numbers(text, with_bare=True) if n.unit or text[n.end : n.end + 1] not in _MARKER_AFTER]


def number_coverage(text: str, claims: Claims) -> NumberCoverage:
    """Figures of `text` overlapped by a quantity that some relation of `claims` names."""
    named = {ref for r in claims.relations for ref in r.refs()}
    spans = sorted((q.start, q.end) for q in claims.quantities if q.id in named)
    starts = [s for s, _ in spans]
    reach: list[int] = []  # reach[i]: the furthest end among spans[0..i], so one bisect answers overlap
    for _, end in spans:
        reach.append(max(end, reach[-1]) if reach else end)
    figures = _figures(text)
    checked = 0
    for n in figures:
        i = bisect.bisect_left(starts, n.end) - 1  # the last span starting before the figure ends
        if i >= 0 and reach[i] > n.start:
            checked += 1
    return NumberCoverage(found=len(figures), checked=checked)
