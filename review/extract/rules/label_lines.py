"""Lines of text and the label:value cells on them, as the line and form readers walk them (sum_lines,
sum_headings, sum_named, sum_above, sum_sources, form_breakdowns): one line walker, one reader of a cell's
value, one guess of a block's unit from the form's header above it."""

from __future__ import annotations

import re
from decimal import Decimal

from review.core.claims import Quantity
from review.extract import lexicon
from review.extract.rules.scan import Scan


def line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each line from `start` on (end before its line break; blank lines included)."""
    spans, pos = [], start
    for line in text[start:].split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def text_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that holds more than blanks."""
    return [(a, b) for a, b in line_spans(text) if text[a:b].strip()]


def lines_after(text: str, pos: int) -> list[tuple[int, int]]:
    """The lines after the one `pos` is on."""
    brk = text.find("\n", pos)
    return [] if brk < 0 else line_spans(text, brk + 1)


def header_unit(text: str, pos: int) -> str:
    """The unit a form's header states above `pos` (年度预算申请 (万元 …), or none."""
    return lexicon.HEADER_UNIT if lexicon.HEADER_UNIT in text[max(0, pos - lexicon.HEADER_UNIT_REACH) : pos] else ""


def cell_quantity(scan: Scan, cell: re.Match[str], unit: str) -> Quantity:
    """A label:value cell's value: the amount the scan found there, else one minted from the cell."""
    start, end = cell.span("value")
    found = [q for q in scan.between(start, cell.end()) if q.start == start]
    if found:
        return found[0]
    return scan.mint(start, end, Decimal(cell.group("value").replace(",", "")), unit, cell.group("label"))
