"""A total and its parts as label:value lines, one a line (a 自评表 block flattened as text):

    年度资金总额：100万元
    其中：财政拨款：60万元
    其他资金：40万元
    上年结转：           <- an empty cell: nothing stated

The line after the total opens with 其中; its siblings are the label:value lines after it. A line that
opens another 其中 nests under the line before it, and where that nesting ends the lines do not say:
the parts read so far bound the total from below. Amounts only (a unit on the total's line, or 万元 in
the form's header above): a block with no unit is recorded as unread. Emitted as read, whether they add
up or not."""

from __future__ import annotations

import re

from review.core.claims import SumRelation, Unread
from review.extract import lexicon
from review.extract.rules.label_lines import cell_quantity, header_unit, text_lines
from review.extract.rules.scan import Scan

_LINE = lexicon.LABEL_VALUE_LINE


def extract_line_sums(scan: Scan) -> tuple[list[SumRelation], list[Unread]]:
    out: list[SumRelation] = []
    unread: list[Unread] = []
    lines = text_lines(scan.text)
    for i, (a, b) in enumerate(lines):
        head = _LINE.match(scan.text, a, b)
        if head is None or head.group("opener") or head.group("value") is None or i + 1 >= len(lines):
            continue
        first = _LINE.match(scan.text, *lines[i + 1])
        if first is None or not first.group("opener"):
            continue
        if head.group("label") in lexicon.FUND_BREAKDOWNS:
            continue  # 按收入性质分:… / 按支出性质分:…: two breakdowns, read by form_breakdowns
        unit = head.group("unit") or header_unit(scan.text, a)
        if not unit:
            unread.append(
                Unread(start=a, end=lines[i + 1][1], reason=f"“{head.group('label')}”及其中分项未写明单位，未核对合计")
            )
            continue  # the values' unit is not written: amounts, points or counts, the block does not say
        cells, nested = _siblings(scan.text, lines[i + 1 :])
        parts = [cell_quantity(scan, c, unit) for c in cells if c.group("value") is not None]
        if parts:
            out.append(
                SumRelation(
                    total=cell_quantity(scan, head, unit).id,
                    items=tuple(q.id for q in parts),
                    exhaustive=not nested and len(parts) > 1,
                    category="sum",
                    basis="其中",
                )
            )
    return out, unread


def _siblings(text: str, lines: list[tuple[int, int]]) -> tuple[list[re.Match[str]], bool]:
    """The first part's line and the label:value lines after it; whether a nested 其中 cut them short."""
    cells: list[re.Match[str]] = []
    for a, b in lines:
        m = _LINE.match(text, a, b)
        if m is None:
            return cells, False
        if cells and m.group("opener"):
            return cells, True
        cells.append(m)
    return cells, False
