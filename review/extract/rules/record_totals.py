"""A list of records one cell a line, closed by its total row: an expenditure list or an allocation
table whose table reached us as paragraphs.

    实际支出数 | 会计凭证号 | 备注          <- a header cell naming the amount column
    春节防火宣传 | 45300 | 1月11号          <- records: a text cell, its amount, more text cells
    …
    支出合计 | 550000                        <- the total row: a total word, then its amount

(r5-07; r9-04 is 补助资金(万元) | 约束性任务, then 螺城镇 | 0.2 | 补助1户 … 合计 | 13.26 | 补助13户). The
records are read back from the total row: a record is as many cells as the record before the total
row, a text cell first and an amount second, and every record has the same text/number layout.
The list must start right after a header cell naming an amount (资金, 金额, 支出, (万元) …) with no
number between: a record the layout does not fit (an empty amount, a subtotal) leaves the list
unread rather than summed in part. A total row whose records fit several widths is reported as
unread.

Claims: per amount column the total row's amount against the records' (sum).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from review.core.claims import Quantity, Relation, SumRelation, Unread
from review.extract import lexicon
from review.extract.rules.scan import Scan

_LINE = re.compile(r"[^\n]+")
_STRIP = re.compile(r"^[\s|｜]*(.*?)[\s|｜]*$")
_AMOUNT = re.compile(r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>万元|元)?")
_UNIT = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
_WIDTHS = range(2, 6)
_HEADER_REACH = 5  # cells before the first record in which its header cell is looked for
_MIN_RECORDS = 2


@dataclass(frozen=True)
class _Cell:
    start: int
    end: int
    text: str

    @property
    def number(self) -> bool:
        return _AMOUNT.fullmatch(self.text) is not None


def _cells(text: str) -> list[_Cell]:
    out = []
    for line in _LINE.finditer(text):
        m = _STRIP.match(line.group())
        if m and m.group(1):
            out.append(_Cell(line.start() + m.start(1), line.start() + m.end(1), m.group(1)))
    return out


def _layout(cells: list[_Cell]) -> tuple[bool, ...]:
    return tuple(c.number for c in cells)


def _records(cells: list[_Cell], at: int, width: int) -> tuple[int, int] | None:
    """(first record's index, header cell's index) of the records before the total row at `at`."""
    if at < width:
        return None
    layout = _layout(cells[at - width : at])
    if layout[0] or not layout[1]:
        return None  # a record is a text cell, then its amount
    first = at - width
    while first - width >= 0 and _layout(cells[first - width : first]) == layout:
        if any(lexicon.RECORD_SUBTOTAL.fullmatch(c.text) for c in cells[first - width : first]):
            return None
        first -= width
    if (at - first) // width < _MIN_RECORDS:
        return None
    for k in range(first - 1, max(-1, first - 1 - _HEADER_REACH), -1):
        if cells[k].number:
            return None  # a number before the list: a record the layout does not fit
        if lexicon.RECORD_AMOUNT_HEADER.search(cells[k].text):
            return first, k
    return None


def extract_record_totals(scan: Scan) -> tuple[list[Relation], list[Unread]]:
    """Sums of every record list closed by a total row; the total rows that fit several ways."""
    text = scan.text
    tables = [(b.start, b.end) for b in scan.doc.blocks if b.table is not None]
    cells = _cells(text)
    relations: list[Relation] = []
    unread: list[Unread] = []
    for at, cell in enumerate(cells):
        if not lexicon.RECORD_TOTAL.fullmatch(cell.text) or at + 1 >= len(cells) or not cells[at + 1].number:
            continue
        if any(a <= cell.start < b for a, b in tables):
            continue  # a table the loader read as a grid: the table readers' work
        fits = [(w, found) for w in _WIDTHS if (found := _records(cells, at, w)) is not None]
        if len(fits) > 1:
            unread.append(Unread(start=cell.start, end=cells[at + 1].end, reason=_why(cell, "可按多种列数读出明细")))
            continue
        if fits:
            (width, (first, header)) = fits[0]
            relations += _sums(scan, cells, at, width, first, header)
    return relations, unread


def _why(cell: _Cell, what: str) -> str:
    return f"“{cell.text}”行之前的明细{what}，未核对"


def _sums(scan: Scan, cells: list[_Cell], at: int, width: int, first: int, header: int) -> list[Relation]:
    unit_m = next((m for c in cells[header:first] if (m := _UNIT.search(c.text))), None)
    layout = _layout(cells[first : first + width])
    out: list[Relation] = []
    for col in range(1, width):
        if not layout[col] or at + col >= len(cells) or not cells[at + col].number:
            continue
        records = [cells[r + col] for r in range(first, at, width)]
        label = cells[header].text
        total = _mint(scan, cells[at + col], unit_m, f"{cells[at].text}·{label}")
        items = tuple(
            _mint(scan, c, unit_m, f"{cells[r].text}·{label}").id
            for r, c in zip(range(first, at, width), records, strict=True)
        )
        out.append(SumRelation(total=total.id, items=items))  # a table's sum: basis ""
    return out


def _mint(scan: Scan, cell: _Cell, unit_m: re.Match[str] | None, label: str) -> Quantity:
    m = _AMOUNT.fullmatch(cell.text)
    assert m is not None
    unit = m.group("unit") or (unit_m.group(1) if unit_m else "")
    end = cell.start + m.end("n")
    return scan.mint(cell.start, end, Decimal(m.group("n").replace(",", "")), unit, label)
