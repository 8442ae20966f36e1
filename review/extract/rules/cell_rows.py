"""Indicator rows of a 自评表 written one cell a line (a Word or HTML table pasted as text, a
trailing | after each cell)::

    ★★★特困人员救助供养人数(按月平均)(≥**人) |
    5 |
    >=4754人 |
    4604人 |
    5 |

A row is spread over several lines, so it is read from the sequence of its non-empty cells by
the header's layout: 分值 a bare number right after a text cell (the indicator's name, its level
or the previous row's remark), 得分 the bare number `gap` cells after it (the header's columns
from 分值 to 得分: 3 with 年度指标值 and 全年实际值 between them); any other bare number is reported
as unread. With no 分值 column (gap 0) a row's 得分 is the last of its numbers: the last cell of
each run of bare cells (a bare target or actual, 0 | 0 | 10, comes before it)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import Unread
from review.extract.rules.table_columns import FIELD_SPLIT

BARE = re.compile(r"\d+(?:\.\d+)?")  # a cell that is a bare number


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


def one_cell_per_line(text: str, start: int, end: int) -> bool:
    """Every line of the region holds at most one non-empty cell, and some line holds one."""
    lines = text[start:end].split("\n")
    counts = [sum(1 for part in FIELD_SPLIT.split(line) if part.strip()) for line in lines]
    return max(counts, default=0) == 1 and sum(counts) >= 2


def cells(text: str, start: int, end: int) -> list[Cell]:
    """The region's non-empty cells in order, each the span of its text without the spaces around it."""
    out: list[Cell] = []
    pos = start
    for line in text[start:end].split("\n"):
        offset = 0
        for sep in [*FIELD_SPLIT.finditer(line), None]:
            part = line[offset : sep.start() if sep else len(line)]
            stripped = part.strip()
            if stripped:
                s = pos + offset + len(part) - len(part.lstrip())
                out.append(Cell(s, s + len(stripped), stripped))
            offset = sep.end() if sep else len(line)
        pos += len(line) + 1
    return out


def cell_rows(found: list[Cell], gap: int, bare: re.Pattern[str]) -> tuple[list[tuple[Cell | None, Cell]], list[Cell]]:
    """(分值, 得分) of each row (分值 None with gap 0), and the bare cells that fit no row."""
    if gap == 0:
        return _scores_only(found, bare), []
    rows: list[tuple[Cell | None, Cell]] = []
    stray: list[Cell] = []
    i = 0
    while i < len(found):
        cell = found[i]
        if not bare.fullmatch(cell.text):
            i += 1
            continue
        after_text = i > 0 and not bare.fullmatch(found[i - 1].text)
        last = i + gap
        if after_text and last < len(found) and bare.fullmatch(found[last].text):
            rows.append((cell, found[last]))
            i = last + 1
            continue
        stray.append(cell)
        i += 1
    return rows, stray


def _scores_only(found: list[Cell], bare: re.Pattern[str]) -> list[tuple[Cell | None, Cell]]:
    """The last cell of each run of bare cells: with no 分值 column, each row's 得分."""
    return [
        (None, c)
        for i, c in enumerate(found)
        if bare.fullmatch(c.text) and (i + 1 == len(found) or not bare.fullmatch(found[i + 1].text))
    ]


def read_rows(text: str, start: int, end: int, gap: int, unread: list[Unread]) -> list[tuple[Cell | None, Cell]]:
    """The rows of the region (see cell_rows); each bare number that fits no row goes to `unread`."""
    rows, stray = cell_rows(cells(text, start, end), gap, BARE)
    what = "得分" if gap == 0 else "分值与得分"
    for c in stray:
        reason = f"评分表一格一行，数“{c.text}”不在分值与得分应在的位置，{what}无法唯一对应，未核对"
        unread.append(Unread(start=c.start, end=c.end, reason=reason))
    return rows
