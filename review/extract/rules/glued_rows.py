"""Indicator rows of a 自评表 whose cells run together (text pasted from a page that dropped the
cell borders): "安装坡面水标尺10≥266米≥266米10水标尺宽度…".

With the header's layout 分值 年度指标值 全年实际值 得分 a row's numbers are one run of digits,
signs and units between two labels: 分值, target, actual, 得分. A run is read only when exactly
one way of cutting it gives four well-formed cells (分值 and 得分 bare numbers of at most 100, no
leading zeros, a unit or % only at a cell's end): "20100%100%20" is 20 | 100% | 100% | 20 (2010 |
0% is no 分值), while a run with two such cuttings is reported as unread, as is any other run in
the rows. A row whose target and actual are words ("改善状况10显著提升显著提升10", "不高于市场价8是是8")
leaves 分值 and 得分 as two lone numbers; they are read as a pair only when every run of the rows is
a four-cell row or a lone number and the lone ones pair off in order (else which row's 分值 or
得分 each is cannot be told, and they are unread). A label's serial (指标1, 指标2) is no cell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from review.core.claims import Unread
from review.core.numbers import COUNT_UNITS, MONEY_SCALE, PERCENT_UNITS
from review.extract import lexicon

_UNITS = "|".join(
    re.escape(u) for u in sorted({*MONEY_SCALE, *PERCENT_UNITS, *COUNT_UNITS, *lexicon.GLUED_CELL_UNITS}, key=len)[::-1]
)
_SIGN = "[≥≤<>=＞＜]"
_NUM = r"(?:0|[1-9]\d*)(?:\.\d+)?"
_POINTS = re.compile(r"(?:100|[1-9]?\d)(?:\.\d+)?")  # 分值 and 得分: bare, never above a form's 100
_CELL = re.compile(rf"{_SIGN}?{_NUM}(?:{_UNITS})?")
_RUN = re.compile(rf"(?:{_SIGN}|\d|\.|{_UNITS})*\d(?:{_SIGN}|\d|\.|{_UNITS})*")
_CELLS = 4  # 分值, target, actual, 得分
_SERIAL = lexicon.INDICATOR_SERIAL
_NOT_FOUR = "不是 分值、指标值、实际值、得分 四格"


@dataclass(frozen=True)
class GluedNum:
    start: int
    end: int
    value: Decimal


def is_glued(text: str, start: int, end: int) -> bool:
    """The rows carry no cell separator at all: no line break, no space, no |."""
    return end > start and not re.search(r"[\s|｜]", text[start:end])


def glued_rows(text: str, start: int, end: int, unread: list[Unread]) -> list[tuple[GluedNum, GluedNum]]:
    """(分值, 得分) of every run that cuts one way only, and of every pair of lone numbers when the
    rows' text cells leave them (see _lone_pairs); the other runs go to `unread`."""
    rows: list[tuple[int, GluedNum, GluedNum]] = []
    lone: list[GluedNum] = []
    other: list[tuple[int, int, str]] = []  # start, end, why
    for m in _RUN.finditer(text, start, end):
        if _SERIAL.search(text, max(start, m.start() - 2), m.start()) and m.group().isdigit() and len(m.group()) == 1:
            continue
        cuts = _cuts(m.group())
        if len(cuts) == 1:
            a, b = cuts[0][0], cuts[0][-1]
            w = GluedNum(m.start() + a[0], m.start() + a[1], Decimal(m.group()[a[0] : a[1]]))
            s = GluedNum(m.start() + b[0], m.start() + b[1], Decimal(m.group()[b[0] : b[1]]))
            rows.append((m.start(), w, s))
        elif _POINTS.fullmatch(m.group()):
            lone.append(GluedNum(m.start(), m.end(), Decimal(m.group())))
        else:
            other.append((m.start(), m.end(), "可有多种切分" if cuts else _NOT_FOUR))
    pairs = _lone_pairs(lone, [r[0] for r in rows]) if not other else None
    if pairs is None:
        other += [(n.start, n.end, _NOT_FOUR) for n in lone]
        pairs = []
    for lo, hi, why in sorted(other):
        reason = f"评分表单元格连写（“{text[lo:hi]}”{why}），分值与得分无法唯一对应，未核对"
        unread.append(Unread(start=lo, end=hi, reason=reason))
    return [(w, s) for _, w, s in sorted([*rows, *((w.start, w, s) for w, s in pairs)], key=lambda r: r[0])]


def _lone_pairs(lone: list[GluedNum], row_starts: list[int]) -> list[tuple[GluedNum, GluedNum]] | None:
    """A row whose target and actual are text ("改善状况10显著提升显著提升10") leaves its 分值 and 得分
    as two lone numbers with no digit between them. Read so only when every run of the rows is a
    four-cell row or such a number, the lone numbers pair off in order, and no row falls inside a
    pair; None otherwise."""
    if len(lone) % 2:
        return None
    pairs = list(zip(lone[::2], lone[1::2], strict=True))
    if any(w.end <= r < s.start for w, s in pairs for r in row_starts):
        return None
    return pairs


def _cuts(run: str) -> list[list[tuple[int, int]]]:
    """Every way of cutting `run` into four well-formed cells, each as its (start, end) spans."""
    found = []
    for inner in combinations(range(1, len(run)), _CELLS - 1):
        bounds = [0, *inner, len(run)]
        spans = list(zip(bounds, bounds[1:], strict=False))
        cells = [run[a:b] for a, b in spans]
        edges_bare = _POINTS.fullmatch(cells[0]) and _POINTS.fullmatch(cells[-1])
        if edges_bare and all(_CELL.fullmatch(c) for c in cells[1:-1]):
            found.append(spans)
    return found
