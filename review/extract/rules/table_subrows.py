"""An indicator row of a table and the rows under it that split it, one row a line (cells
between |), the table as the loader flattened it:

    ★补助家畜家禽养殖数量 | 10 | 192只 | 192只 | 10        <- the row split
    其中羊养殖数量 | 180只 | 180只                         <- its parts: rows opened by 其中
    其中猪养殖数量 | 12头 | 12头

    产出指标 | 数量指标 | 一、示范区建立 | ≧20000亩 | 20000亩 | 15.0
    1、水稻侧深施肥+缓控释肥 | ≧500亩 | 500亩 | 5.0      <- rows numbered 1、2、… in turn under a
    2、玉米种肥同播+缓控释肥 | ≧1000亩 | 1000亩 | 5.0       name numbered 一、二、…

(r6-17, r10-01). The parts end at the first row that is not one (a row not opened by 其中, a number
out of turn, which leaves numbered parts unread: where they end is not certain). Each column of
values is read on its own: the k-th value with a unit of the row against the k-th of each part
(bare numbers are scores, rates do not add), only where every part has as many values and all are
of one measure. Rows opened by 其中 say they are parts (a single one only bounds the row);
numbered rows under a numbered name are parts by their place alone, so their sum is unmarked
(low); numbered rows ended by a number out of turn are recorded as unread (Claims.unread).
review.checks.sums adds them up, as counts when the unit counts things.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from review.core.claims import Quantity, SumRelation, Unread
from review.extract import lexicon
from review.extract.rules.scan import Scan

_ROW = re.compile(r"^[^\n]*\|[^\n]*", re.M)  # anchored: a long line without | is not rescanned from each place
_NOT_ADDED = ("", "分", "%")
MIN_NUMBERED = 2


def extract_subrow_sums(scan: Scan, sums: list[SumRelation]) -> tuple[list[SumRelation], list[Unread]]:
    """Sums of the rows that split a row, skipping totals another reader has summed (by where they
    stand: a table reader may have minted its own quantity for the cell); and, as unread, the
    numbered parts whose end a number out of turn leaves open."""
    rows = [(m.start(), m.end()) for m in _ROW.finditer(scan.text)]
    q = {x.id: x for x in scan.quantities + scan.minted}
    read = {q[r.total].start for r in sums if r.total in q}  # a minted cell may end before its unit
    out, unread = [], []
    for i, row in enumerate(rows):
        parts, marked = _parts(scan.text, rows, i)
        if isinstance(parts, _Open):
            unread.append(Unread(start=row[0], end=parts.end, reason=OPEN_END))
        elif parts:
            out += [r for r in _columns(scan, row, parts, marked) if q[r.total].start not in read]
    return out, unread


OPEN_END = "表格分项：编号行（1、2、…）之后的编号不接续，分项止于何处无法确定，未与上一行核对合计"


@dataclass(frozen=True)
class _Open:
    """Numbered parts followed by a row numbered out of turn, ending at `end`: not read."""

    end: int


def _cells(text: str, row: tuple[int, int]) -> list[str]:
    return [c.strip() for c in text[row[0] : row[1]].split("|") if c.strip()]


def _parts(text: str, rows: list[tuple[int, int]], i: int) -> tuple[list[tuple[int, int]] | _Open, bool]:
    """The rows right after row i that split it, and whether their wording says so (其中); _Open
    where numbered parts are followed by a number out of turn."""
    head = _cells(text, rows[i])
    if not head or lexicon.SUBROW_OPENER.match(head[0]):
        return [], False
    parts = _run(text, rows, i, lambda cell, n: bool(lexicon.SUBROW_OPENER.match(cell)))
    if parts:
        return parts, True
    if not any(lexicon.SUBROW_PARENT_MARK.match(c) for c in head):
        return [], False
    parts = _run(text, rows, i, _numbered)
    rest = rows[i + 1 + len(parts) : i + 2 + len(parts)]
    if len(parts) < MIN_NUMBERED:
        return [], False  # one numbered row is no list
    if any(lexicon.SUBROW_NUMBER.match(" ".join(_cells(text, r))) for r in rest):
        return _Open(rest[0][1]), False  # a number out of turn leaves the parts' end open
    return parts, False


def _numbered(cell: str, n: int) -> bool:
    m = lexicon.SUBROW_NUMBER.match(cell)
    return m is not None and int(m.group(1)) == n


def _run(text: str, rows: list[tuple[int, int]], i: int, opens: Callable[[str, int], bool]) -> list[tuple[int, int]]:
    """The consecutive rows after row i (each on the line right after the one before) whose first
    cell opens a part."""
    out: list[tuple[int, int]] = []
    prev = rows[i]
    for row in islice(rows, i + 1, None):
        cells = _cells(text, row)
        if row[0] != prev[1] + 1 or not cells or not opens(cells[0], len(out) + 1):
            break
        out.append(row)
        prev = row
    return out


def _values(scan: Scan, row: tuple[int, int]) -> list[Quantity]:
    return [q for q in scan.between(*row) if q.unit not in _NOT_ADDED]


def _columns(scan: Scan, row: tuple[int, int], parts: list[tuple[int, int]], marked: bool) -> list[SumRelation]:
    head = _values(scan, row)
    cols = [_values(scan, p) for p in parts]
    if not head or any(len(c) != len(head) for c in cols):
        return []  # the parts' values do not line up with the row's
    out = []
    for k, total in enumerate(head):
        items = [c[k] for c in cols]
        if not total.exact or not all(q.exact for q in items) or not _one_measure(total, items):
            continue
        out.append(
            SumRelation(
                total=total.id,
                items=tuple(q.id for q in items),
                exhaustive=len(items) > 1,
                category=lexicon.sum_category(total.unit, total.label),
                basis="其中" if marked else "标题·分项",
                marked=marked,
            )
        )
    return out


def _one_measure(total: Quantity, items: list[Quantity]) -> bool:
    units = {total.unit, *(q.unit for q in items)}
    return len(units) == 1 or any(units <= same for same in lexicon.SAME_MEASURE_UNITS)
