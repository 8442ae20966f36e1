"""Indicator rows of a 自评表 whose cells run together (text pasted from a page that dropped the
cell borders): "安装坡面水标尺10≥266米≥266米10水标尺宽度…".

With the header's layout 分值 年度指标值 全年实际值 得分 a row's numbers are one run of digits,
signs and units between two labels: 分值, target, actual, 得分. A run is read only when exactly
one way of cutting it gives four well-formed cells (分值 and 得分 bare numbers of at most 100, no
leading zeros, a unit or % only at a cell's end): "20100%100%20" is 20 | 100% | 100% | 20 (2010 |
0% is no 分值), while a run with two such cuttings is reported as unread, as is any other run in
the rows (a lone number next to text cells: which row's 分值 or 得分 it is cannot be told). A
label's serial (指标1, 指标2) is no cell."""

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


@dataclass(frozen=True)
class GluedNum:
    start: int
    end: int
    value: Decimal


def is_glued(text: str, start: int, end: int) -> bool:
    """The rows carry no cell separator at all: no line break, no space, no |."""
    return end > start and not re.search(r"[\s|｜]", text[start:end])


def glued_rows(text: str, start: int, end: int, unread: list[Unread]) -> list[tuple[GluedNum, GluedNum]]:
    """(分值, 得分) of every run that cuts one way only; the other runs go to `unread`."""
    out: list[tuple[GluedNum, GluedNum]] = []
    for m in _RUN.finditer(text, start, end):
        if _SERIAL.search(text, max(start, m.start() - 2), m.start()) and m.group().isdigit() and len(m.group()) == 1:
            continue
        cuts = _cuts(m.group())
        if len(cuts) == 1:
            a, b = cuts[0][0], cuts[0][-1]
            w = GluedNum(m.start() + a[0], m.start() + a[1], Decimal(m.group()[a[0] : a[1]]))
            s = GluedNum(m.start() + b[0], m.start() + b[1], Decimal(m.group()[b[0] : b[1]]))
            out.append((w, s))
            continue
        why = "可有多种切分" if cuts else "不是 分值、指标值、实际值、得分 四格"
        reason = f"评分表单元格连写（“{m.group()}”{why}），分值与得分无法唯一对应，未核对"
        unread.append(Unread(start=m.start(), end=m.end(), reason=reason))
    return out


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
