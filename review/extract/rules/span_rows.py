"""Rowspan fill: an indicator table whose upper-level cells span several rows (merged cells), read
from a cell stream into full rows.

A merged cell is written once, in the first row of its span; the rows it spans omit it. Cells are
omitted from the left only, so once the header fixes the columns a row is its leading hierarchy
cells (none, some or all of the upper levels, each level its name and, where the header gives it
one, its own 分值 column) followed by the indicator columns every row has::

    一级指标 | 二级指标 | 三级指标 | 评分标准 | 分值 | 自评得分 | 扣分原因
    投 入(15分) | 预算配置(15分) | 财政供养人员控制率 | …计5分 | 5 | 5 |
    “三公经费”变动率 | …计5分 | 5 | 5 |                      <- two levels omitted: filled from above

How many level cells a row carries is read from its cells' kinds before its numbers (a level
whose first cell states its cap, 决策(10), states it in every cell; a 分值 column is a number); a
序号 cell before them is the row's own. The omitted cells are filled down from the row above, the
span recorded (`SpanRow.spanned`). Where the cells allow more than one reading of a row, the row
is unread (Claims.unread), not guessed, and the table is read no further.

Renderings: the cell streams of review/extract/rules/cell_runs.py (one cell a line between "|"
lines or between blank lines, PDF text with spaces between the cells); tables whose rows are
known (the loader's, pipe or tab lines) are read in review/extract/rules/span_tables.py."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import Unread
from review.extract import lexicon
from review.extract.rules.cell_runs import cell_stream
from review.extract.rules.table_columns import Cell

Kind = str  # "serial", "level", "cap", "text", "weight", "score", "tail"
_BARE = re.compile(r"^\d+(?:\.\d+)?$")
_SERIAL = re.compile(r"^\d{1,3}$")
_BACK = 300  # characters before the header's anchor in which its first cells are looked for


def squeeze(text: str) -> str:
    return re.sub(r"\s", "", text)


@dataclass(frozen=True)
class Layout:
    columns: tuple[str, ...]  # the header's column names
    kinds: tuple[Kind, ...]
    groups: tuple[tuple[int, ...], ...]  # the columns of each level, top level first
    leaf: tuple[int, ...]  # the columns every row has, through the score column
    tail: tuple[int, ...]  # the columns after the score column (a row may leave them out)
    capped: frozenset[int]  # the level columns whose cells state their caps (决策(10))


@dataclass(frozen=True)
class SpanRow:
    cells: tuple[Cell | None, ...]  # one per column, filled down where the row omits it
    spanned: tuple[bool, ...]  # the cell is the row above's (a merged cell), not the row's own


@dataclass(frozen=True)
class SpanGrid:
    layout: Layout
    rows: tuple[SpanRow, ...]
    closed: bool  # the table ends at its total row: every group is complete
    cut: int | None  # a row cut off by the end of the cells opens a cell at this level: those below are complete
    start: int
    end: int
    total: tuple[Cell, ...] = ()  # the total row that closes the table: its label cell, then its numbers


def total_row(cells: list[Cell], at: int) -> tuple[Cell, ...]:
    """The total row opening at cells[at] (总分 | 100 | 96): its label and the bare numbers after it,
    empty cells skipped, up to the first cell that is neither."""
    out = [cells[at]]
    for c in cells[at + 1 :]:
        text = c.text.strip()
        if not text:
            continue
        if not _BARE.match(text):
            break
        out.append(c)
    return tuple(out)


def span_grids(text: str) -> tuple[list[SpanGrid], list[Unread]]:
    """Every indicator table with level columns written one cell a line, rows filled down."""
    grids: list[SpanGrid] = []
    unread: list[Unread] = []
    for anchor in lexicon.SPAN_ANCHOR.finditer(text):
        if grids and anchor.start() < grids[-1].end:
            continue
        grid = _grid_at(text, anchor.start(), unread)
        if grid is not None:
            grids.append(grid)
    return grids, unread


def _grid_at(text: str, anchor: int, unread: list[Unread]) -> SpanGrid | None:
    cells = cell_stream(text, max(0, text.rfind("\n", 0, max(0, anchor - _BACK)) + 1), anchor)
    at = next((i for i, c in enumerate(cells) if c.start <= anchor < max(c.end, c.start + 1)), None)
    if at is None:
        return None
    line = text.rfind("\n", cells[at].start, anchor) + 1
    if line > cells[at].start:  # lines before the header's line (a title) are no part of its first cell
        cells[at] = Cell(line, cells[at].end, text[line : cells[at].end])
    if at > 0 and lexicon.SPAN_SERIAL_COLUMN.match(squeeze(cells[at - 1].text)):
        at -= 1
    names, first = header(cells, at)
    layout = layout_of(names)
    if layout is None or first >= len(cells):
        return None
    layout = with_caps(layout, cells, first)
    if layout is None:
        return None
    rows, stop, closed = read_rows(cells, first, layout, unread)
    if not rows:
        return None
    end = cells[stop - 1].end if stop > first else cells[first].end
    cut = None if closed else cut_level(cells, stop, layout)
    total = total_row(cells, stop) if closed else ()
    return SpanGrid(layout, tuple(rows), closed, cut, cells[at].start, end, total)


# --- the header -------------------------------------------------------------------------------


def header(cells: list[Cell], at: int) -> tuple[list[str], int]:
    """The header's column names from cell `at` (a header written on two rows, 指标 | 县级 over
    分值 | 评分, as one row: 指标分值 | 县级评分) and the index of the first cell after it."""
    names: list[str] = []
    i = at
    while i < len(cells):
        name = squeeze(cells[i].text)
        if name and not lexicon.SPAN_HEADER_WORD.match(name):
            break
        names += [name] if name else []
        i += 1
    return one_row(names), i


def one_row(names: list[str]) -> list[str]:
    k = 0
    while k < len(names) // 2 and lexicon.SPAN_HEADER_BOTTOM.match(names[-k - 1]):
        k += 1
    while k and not all(lexicon.SPAN_HEADER_TOP.match(n) for n in names[-2 * k : -k]):
        k -= 1
    if not k:
        return names
    return names[: -2 * k] + [a + b for a, b in zip(names[-2 * k : -k], names[-k:], strict=True)]


def layout_of(names: list[str]) -> Layout | None:
    """The columns' kinds: at least two level columns, then the indicator's columns — its 分值 and
    score columns where the header has them (a rubric has neither: its caps are in the cells)."""
    levels = [i for i, n in enumerate(names) if lexicon.SPAN_LEVEL_COLUMN.match(n)]
    if len(levels) < 2:
        return None
    weight = next((i for i, n in enumerate(names) if lexicon.SPAN_WEIGHT_COLUMN.match(n) and i > levels[-1]), None)
    after = weight if weight is not None else levels[-1]
    score = next((i for i, n in enumerate(names) if lexicon.SPAN_SCORE_COLUMN.match(n) and i > after), None)
    last = score if score is not None else weight if weight is not None else len(names) - 1
    kinds = [_kind(i, n, levels, (weight, score, last)) for i, n in enumerate(names)]
    if None in kinds:
        return None  # a column among the levels the vocabulary does not place
    placed = [k for k in kinds if k is not None]
    groups = tuple((lv, lv + 1) if lv + 1 < len(placed) and placed[lv + 1] == "cap" else (lv,) for lv in levels)
    leaf = tuple(range(levels[-1] + 1, last + 1))
    return Layout(tuple(names), tuple(placed), groups, leaf, tuple(range(last + 1, len(names))), frozenset())


def _kind(i: int, name: str, levels: list[int], cols: tuple[int | None, int | None, int]) -> Kind | None:
    weight, score, last = cols
    if i in levels:
        return "level"
    if i - 1 in levels and i - 1 != levels[-1] and lexicon.SPAN_WEIGHT_COLUMN.match(name):
        return "cap"
    if lexicon.SPAN_SERIAL_COLUMN.match(name) and i < levels[0]:
        return "serial"
    if i < levels[-1]:
        return None
    return "weight" if i == weight else "score" if i == score else "tail" if i > last else "text"


def with_caps(layout: Layout, cells: list[Cell], first: int) -> Layout | None:
    """The level columns whose cell in the first row states its cap (the first row is full: every
    merged cell is written in the first row of its span); None for a table with no 分值 column
    whose lowest level states no cap in its first cell nor its header (评价指标(分值)): nothing weighs
    its indicators."""
    i = _skip_empty(cells, first)
    row = [c for c in range(len(layout.kinds)) if c not in layout.tail]
    capped = frozenset(
        col
        for k, col in enumerate(row)
        if layout.kinds[col] == "level"
        and i + k < len(cells)
        and lexicon.SPAN_CAP_IN_CELL.match(squeeze(cells[i + k].text))
    )
    lowest = layout.groups[-1][0]
    named = lexicon.SPAN_CAPS_NAMED.search(layout.columns[lowest])
    if "weight" not in layout.kinds and lowest not in capped and not named:
        return None
    return Layout(layout.columns, layout.kinds, layout.groups, layout.leaf, layout.tail, capped)


# --- the rows ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    columns: tuple[int, ...]  # the columns the row's cells are in, in order
    start: int  # the row's first cell
    next: int  # the cell after the row


def read_rows(cells: list[Cell], first: int, layout: Layout, unread: list[Unread]) -> tuple[list[SpanRow], int, bool]:
    """The rows from cell `first`, filled down; where reading stopped; whether at a total row."""
    readings = Reader(tuple(cells), layout)
    rows: list[SpanRow] = []
    above: tuple[Cell | None, ...] = (None,) * len(layout.kinds)
    i = first
    while True:
        i = _skip_empty(cells, i)
        if i >= len(cells) or is_total(cells[i]):
            return rows, i, i < len(cells)
        best = readings.best(i, not rows)
        if not best:
            return rows, i, False
        if len({_essential(cells, r, layout) for r in best}) > 1:
            last = max(r.next for r in best)
            reason = "评分表合并单元格的行，单元格可有多种读法（所属层级无法唯一确定），此行及以下未核对"
            unread.append(Unread(start=cells[i].start, end=cells[last - 1].end, reason=reason))
            return rows, i, False
        reading = best[0]
        row = filled(dict(zip(reading.columns, cells[reading.start : reading.next], strict=True)), layout, above)
        rows.append(row)
        above = row.cells
        i = reading.next


def cut_level(cells: list[Cell], i: int, layout: Layout) -> int | None:
    """The cells left after the last row read, when they are the start of a row that the end of
    the cells cuts off (项目效益 | 40, and the text ends): the deepest level it may open a cell at
    (of every reading of it), so that the categories at that level and below are complete; None
    when they are no row's start or open no level."""
    rest = [c for c in cells[i:] if c.text.strip()]
    reader = Reader(tuple(rest), layout)
    opened = [
        _top_level(shape, layout)
        for shape in reader.shapes
        if 0 < len(rest) < len(shape) and all(reader.fits(c, col) for c, col in zip(rest, shape, strict=False))
    ]
    if not opened or None in opened:
        return None
    return max(level for level in opened if level is not None)


def _top_level(shape: tuple[int, ...], layout: Layout) -> int | None:
    """The topmost level group a row of this shape writes a cell in (None: only the last level's)."""
    groups = layout.groups[:-1]
    return next((g for g, grp in enumerate(groups) if grp[0] in shape), None)


def _differs(cell: Cell, above: Cell | None) -> bool:
    return above is None or squeeze(cell.text) != squeeze(above.text)


def filled(own: dict[int, Cell], layout: Layout, above: tuple[Cell | None, ...]) -> SpanRow:
    """The row's own cells in their columns; a level, cap or 序号 column it omits filled from above.
    A level the row writes again as the row above has it, under the same levels above it, is the
    merged cell written on every row it spans (a table unmerged and filled: 项目决策 | 20 | 决策过程 | 8 on
    each of 决策过程's rows): the same cell, spanned, not a new category."""
    spans = {c for c, k in enumerate(layout.kinds) if k in ("level", "cap", "serial") and c not in own}
    for group in layout.groups:
        written = [c for c in group if c in own]
        if not written or any(_differs(own[c], above[c]) for c in written):
            break
        spans.update(written)
    own = {c: cell for c, cell in own.items() if c not in spans}
    filled = tuple(own.get(c, above[c] if c in spans else None) for c in range(len(layout.kinds)))
    return SpanRow(filled, tuple(c in spans for c in range(len(layout.kinds))))


def _essential(cells: list[Cell], r: _Reading, layout: Layout) -> tuple[tuple[int, ...], int]:
    """What tells two readings apart: the columns before the tail, and where the next row begins."""
    return tuple(c for c in r.columns if c not in layout.tail), _skip_empty(cells, r.next)


def _skip_empty(cells: list[Cell], i: int) -> int:
    while i < len(cells) and not cells[i].text.strip():
        i += 1
    return i


def is_total(cell: Cell) -> bool:
    name = squeeze(cell.text)
    return bool(lexicon.SCORE_TABLE_TOTAL.match(name) or lexicon.FORM_TOTAL_SCORE.match(name))


class Reader:
    """The readings of the row at each cell that lead to the most rows after it (of those, the
    ones after which every cell is read, to the end of the cells or the total row)."""

    def __init__(self, cells: tuple[Cell, ...], layout: Layout) -> None:
        self.cells, self.layout = cells, layout
        self.shapes = _shapes(layout)
        self._depths: list[tuple[int, bool]] | None = None

    def best(self, i: int, first: bool) -> list[_Reading]:
        found = self.matches(i, first)
        if not found:
            return []
        deepest = max(self.depth(r.next) for r in found)
        return [r for r in found if self.depth(r.next) == deepest]

    def depth(self, i: int) -> tuple[int, bool]:
        """(rows read from cell i on, whether they read every cell to the end or the total row)."""
        if self._depths is None:
            self._depths = self._all_depths()
        return self._depths[i]

    def _all_depths(self) -> list[tuple[int, bool]]:
        """`depth` of every cell, from the last one back (a row's depth is its next row's, plus one)."""
        n = len(self.cells)
        depths: list[tuple[int, bool]] = [(0, True)] * (n + 1)
        for i in range(n - 1, -1, -1):
            if not self.cells[i].text.strip():
                depths[i] = depths[i + 1]
            elif is_total(self.cells[i]):
                depths[i] = (0, True)
            elif found := self.matches(i, False):
                rows, whole = max(depths[r.next] for r in found)
                depths[i] = (rows + 1, whole)
            else:
                depths[i] = (0, False)
        return depths

    def matches(self, i: int, first: bool) -> list[_Reading]:
        out = []
        for shape in self.shapes:
            if first and not _full(shape, self.layout):
                continue
            if i + len(shape) <= len(self.cells) and all(
                self.fits(self.cells[i + k], col) for k, col in enumerate(shape)
            ):
                out.append(_Reading(shape, i, i + len(shape)))
        return out

    def fits(self, cell: Cell, col: int) -> bool:
        kind = self.layout.kinds[col]
        name = squeeze(cell.text)
        capped = bool(lexicon.SPAN_CAP_IN_CELL.match(name))
        if kind == "tail":
            return True
        if kind == "text":
            return not _BARE.match(name) and not (capped and self.layout.capped)
        if kind == "level":
            return bool(name) and not _BARE.match(name) and (capped or col not in self.layout.capped)
        if kind == "serial":
            return bool(_SERIAL.match(name))
        return bool(_BARE.match(name))  # cap, weight, score


def _shapes(layout: Layout) -> list[tuple[int, ...]]:
    """Every row shape the layout allows: a 序号 or not, the lower levels present (the upper ones
    omitted), the indicator columns, and the tail columns it may leave out at its end."""
    serial = tuple(i for i, k in enumerate(layout.kinds) if k == "serial")
    out = []
    for s in ((), serial) if serial else ((),):
        for g in range(len(layout.groups) + 1):
            levels = tuple(c for grp in layout.groups[len(layout.groups) - g :] for c in grp)
            leaf = tuple(c for c in layout.leaf if c not in levels)
            for t in range(len(layout.tail) + 1):
                out.append((*s, *levels, *leaf, *layout.tail[:t]))
    return out


def _full(shape: tuple[int, ...], layout: Layout) -> bool:
    return all(c in shape for grp in layout.groups for c in grp)
