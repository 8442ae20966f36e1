"""Rowspan fill for tables whose rows are known — the loader's tables (Word, PDF, the TAB format)
and pipe or tab lines in the text (`table_columns.line_tables`) — and every indicator table of a
document whose level cells span rows (review/extract/rules/span_rows.py has the model)."""

from __future__ import annotations

from dataclasses import replace

from review.core.claims import Unread
from review.extract import lexicon
from review.extract.rules.scan import Scan
from review.extract.rules.span_rows import (
    Layout,
    Reader,
    SpanGrid,
    SpanRow,
    filled,
    is_total,
    layout_of,
    one_row,
    span_grids,
    squeeze,
    total_row,
    with_caps,
)
from review.extract.rules.table_columns import Cell, line_tables


def text_span_grids(scan: Scan) -> tuple[list[SpanGrid], list[Unread]]:
    """The indicator tables of the text that the loader did not keep as tables: cell streams, and
    pipe or tab lines (`table_columns.line_tables`)."""
    grids, unread = span_grids(scan.text)
    grids = [g for g in grids if not scan.in_table(g.start)]
    for table in line_tables(scan, min_cells=2):
        grid = rows_grid(table, unread)
        if grid is not None and not any(g.start <= grid.start < g.end for g in grids):
            grids.append(grid)
    return [closed_at_end(scan.text, g) for g in grids], unread


def closed_at_end(text: str, grid: SpanGrid) -> SpanGrid:
    """A table read to the end of the text — nothing but blanks and cell rules after its last row —
    is closed there, as at a total row: the text's end is the table's."""
    if grid.closed or not ends_text(text, grid.end):
        return grid
    return replace(grid, closed=True, cut=None)


def ends_text(text: str, pos: int) -> bool:
    return lexicon.AFTER_LAST_ROW.fullmatch(text, pos) is not None


def rows_grid(rows: list[list[Cell]], unread: list[Unread]) -> SpanGrid | None:
    """The indicator table among known rows (the loader's, or pipe and tab lines): the header row
    (and a second header row under it), then each row read by its cells — a row as wide as the
    header by position, an empty level cell being a merged cell's continuation; a shorter row
    by its cells' kinds, as in a cell stream. The table ends at its total row or a row neither
    reading places; a row with two readings is unread."""
    rows = _joined_header(rows)
    anchored = (i for i, r in enumerate(rows) if any(lexicon.SPAN_LEVEL_COLUMN.match(squeeze(c.text)) for c in r))
    at = next(anchored, None)
    if at is None:
        return None
    names = [squeeze(c.text) for c in rows[at] if c.text.strip()]
    first = at + 1
    below = [squeeze(c.text) for c in rows[first] if c.text.strip()] if first < len(rows) else []
    if below and all(lexicon.SPAN_HEADER_WORD.match(n) for n in below):
        names, first = names + below, first + 1
    layout = layout_of(one_row(names)) if all(lexicon.SPAN_HEADER_WORD.match(n) for n in names) else None
    if layout is None or first >= len(rows):
        return None
    layout = with_caps(layout, [c for c in rows[first] if c.text.strip()], 0)
    if layout is None:
        return None
    read, closed, total = _known_rows(rows[first:], layout, unread)
    if not read:
        return None
    end = rows[first + len(read) - 1][-1].end
    return SpanGrid(layout, tuple(read), closed, None, rows[at][0].start, end, total)


def _joined_header(rows: list[list[Cell]]) -> list[list[Cell]]:
    """A header written over two rows (| 一级 | 分值 | 二级 | … over | 指标 |  | 指标 | …, the empty cells
    dropped): each cell of the lower row completes, in order, the next upper cell it makes a column's
    name with (一级 + 指标 = 一级指标, 评分 + 标准 = 评分标准; 分值 stays alone), when neither row names a
    level column and the joined row does, every cell of it a header word."""
    for i, (top, bottom) in enumerate(zip(rows, rows[1:], strict=False)):
        if len(bottom) > len(top) or any(lexicon.SPAN_LEVEL_COLUMN.match(squeeze(c.text)) for c in top + bottom):
            continue
        k, joined = 0, []
        for cell in top:
            name = squeeze(cell.text)
            if k < len(bottom) and lexicon.SPAN_HEADER_WORD.match(name + squeeze(bottom[k].text)):
                joined.append(Cell(cell.start, bottom[k].end, cell.text.strip() + bottom[k].text.strip()))
                k += 1
            elif lexicon.SPAN_HEADER_WORD.match(name):
                joined.append(cell)
            else:
                break
        names = [squeeze(c.text) for c in joined]
        if len(joined) < len(top) or k < len(bottom):
            continue
        level = any(lexicon.SPAN_LEVEL_COLUMN.match(n) for n in names)
        if level and all(lexicon.SPAN_HEADER_WORD.match(n) for n in names):
            return [*rows[:i], joined, *rows[i + 2 :]]
    return rows


def _known_rows(
    rows: list[list[Cell]], layout: Layout, unread: list[Unread]
) -> tuple[list[SpanRow], bool, tuple[Cell, ...]]:
    """The rows read, whether a total row closed them, and that row (its label and numbers)."""
    out: list[SpanRow] = []
    above: tuple[Cell | None, ...] = (None,) * len(layout.kinds)
    for row in rows:
        own = _own_cells(row, layout, first=not out, unread=unread)
        cells = [c for c in row if c.text.strip()]
        if cells and is_total(cells[0]):
            return out, True, total_row(cells, 0)
        if own is None:
            return out, False, ()
        out.append(filled(own, layout, above))
        above = out[-1].cells
    return out, False, ()


def _own_cells(row: list[Cell], layout: Layout, *, first: bool, unread: list[Unread]) -> dict[int, Cell] | None:
    """The row's cells by column, or None when no reading (or more than one) places them."""
    reader = Reader(tuple(c for c in row if c.text.strip()), layout)
    if len(row) == len(layout.kinds):
        own = {c: cell for c, cell in enumerate(row) if cell.text.strip()}
        fits = all(reader.fits(cell, c) for c, cell in own.items())
        needed = all(c in own for c, k in enumerate(layout.kinds) if k in ("weight", "score"))
        return own if fits and needed and (not first or all(c in own for g in layout.groups for c in g)) else None
    found = [r for r in reader.matches(0, first) if r.next == len(reader.cells)]
    if len({r.columns for r in found}) > 1:
        reason = "评分表合并单元格的行，单元格可有多种读法（所属层级无法唯一确定），此行及以下未核对"
        unread.append(Unread(start=row[0].start, end=row[-1].end, reason=reason))
        return None
    return dict(zip(found[0].columns, reader.cells, strict=True)) if found else None
