"""One grid model per table, whatever its rendering: rows of cells, each row with its label, the
cells that hold its numbers, and its kind by the label's meaning.

    项目 | 预算数 | 执行数          <- header: no number in it
    基本支出 | 60 | 58              <- a row: label, then a number per column
    其中：人员经费 | 40 | 40        <- a part of the row above it (其中…)
    支出合计 | 100 | 98             <- a total row (合计, 总计, 本年收入合计 …); 小计 is a subtotal

The tables: the loader's (Word/PDF grids, TAB cells), lines split by tabs, pipes or double spaces
(`table_columns.line_tables`, two-cell rows included), one cell a line under a header naming the
columns (`table_columns.cell_grids`), one cell a line as label-then-numbers rows (`label_grids`),
and lines with single spaces between a label and its numbers (`spaced_tables`, PDF text). Which
row's number sits in which column is for the reader (review/extract/rules/grid_totals.py). An
indicator table whose level cells span rows (merged cells written once, the rows they span
leaving them out on the left) is filled down into full rows by review/extract/rules/span_rows.py."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from review.extract import lexicon
from review.extract.rules.cell_runs import cell_runs
from review.extract.rules.scan import Scan
from review.extract.rules.table_columns import Cell, Row, cell_grids, line_tables

RowKind = Literal["header", "row", "part", "subtotal", "total"]

NUMBER = re.compile(
    r"^(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>[%％‰]|[a-zA-Z]{1,3}|[\u4e00-\u9fa5]{1,3})?$"
)
_BLANK = lexicon.GRID_BLANK_CELL
_SPACE = re.compile(r"\s")
_CODE = re.compile(r"^\d{3,9}$")  # 201, 20101, 2010101; a 序号 (1, 2 … 12) has fewer digits


def squeeze(text: str) -> str:
    return _SPACE.sub("", text)


def is_number(cell: Cell) -> bool:
    return NUMBER.match(squeeze(cell.text)) is not None


def is_blank(cell: Cell) -> bool:
    return _BLANK.match(squeeze(cell.text)) is not None


@dataclass(frozen=True)
class GridRow:
    cells: tuple[Cell, ...]
    label: Cell | None  # the first cell with words in it (a 序号 before it is not the label)
    values: tuple[Cell, ...]  # the number and blank cells after the label, in column order
    kind: RowKind
    code: str = ""  # a 科目编码 before the label (201, 20101): its length is its level (a 序号 is not one)

    @property
    def name(self) -> str:
        return squeeze(self.label.text) if self.label else ""

    @property
    def level(self) -> int:
        """The label's numbering level (一、 → 0, （一） → 1, 1、 → 2), -1 when it has none."""
        name = self.label.text if self.label else ""
        return next((i for i, p in enumerate(lexicon.HEADING_LEVELS) if p.match(name)), -1)


@dataclass(frozen=True)
class Grid:
    rows: tuple[GridRow, ...]
    unit: str  # the unit a caption or header names (单位：万元), for bare numbers


def row_of(cells: Row) -> GridRow:
    label_at = next((i for i, c in enumerate(cells) if not is_number(c) and not is_blank(c)), None)
    label_at = _part_label(cells, label_at)
    after = cells[label_at + 1 :] if label_at is not None else cells
    values = tuple(c for c in after if is_number(c) or is_blank(c))
    label = cells[label_at] if label_at is not None else None
    code = squeeze(cells[label_at - 1].text) if label_at and _CODE.match(squeeze(cells[label_at - 1].text)) else ""
    return GridRow(tuple(cells), label, values, _kind(label, values), code)


def _part_label(cells: Row, label_at: int | None) -> int | None:
    """A 其中 cell among the words before the row's numbers is its label: the cells before it are
    merged cells written again on each row (产出指标（50分） | 数量指标 | 其中桃树种植面积 | 1.5亩)."""
    if label_at is None:
        return None
    for i in range(label_at + 1, len(cells)):
        if is_number(cells[i]) or is_blank(cells[i]):
            break
        if lexicon.GRID_PART_LABEL.match(squeeze(cells[i].text)):
            return i
    return label_at


def _kind(label: Cell | None, values: tuple[Cell, ...]) -> RowKind:
    if not any(is_number(c) for c in values):
        return "header"
    name = squeeze(label.text) if label else ""
    if lexicon.GRID_TOTAL_LABEL.match(name):
        return "total"
    if lexicon.GRID_SUBTOTAL_LABEL.match(name):
        return "subtotal"
    if lexicon.GRID_PART_LABEL.match(name):
        return "part"
    return "row"


def grid_of(rows: list[Row]) -> Grid:
    grid_rows = tuple(row_of(r) for r in rows if not all(is_blank(c) for c in r))  # an empty row holds nothing
    captions = (c.text for r in grid_rows if r.kind == "header" for c in r.cells)
    unit = next((m.group(1) or m.group(2) for t in captions if (m := lexicon.GRID_UNIT.search(t))), "")
    return Grid(grid_rows, unit)


def grids_of(scan: Scan) -> list[Grid]:
    """Every table of the document as a grid: the loader's tables, then the text renderings."""
    text = scan.text
    loaded = [
        [[Cell(b.start, b.end, text[b.start : b.end].strip()) for b in row] for row in scan.doc.table_rows(t)]
        for t in scan.doc.table_ids()
    ]
    texts = line_tables(scan, min_cells=2) + cell_grids(scan) + label_grids(scan) + spaced_tables(scan)
    return [grid_of(side) for t in loaded + texts for side in sides(t)]


def sides(rows: list[Row]) -> list[list[Row]]:
    """A two-sided table (收入 | 金额 | 支出 | 金额, as a 收入支出决算总表) as its two halves, each
    with its own labels: split at the one column k where every row as wide as the widest has
    words or nothing, with a number or nothing before it, and words in at least half of them
    (rows with numbers only: the header's 金额 is words too). A row of another width stays with
    the left half."""
    width = max(len(r) for r in rows)
    full = [r for r in rows if len(r) == width and any(is_number(c) for c in r)]
    for k in range(2, width - 1):
        if all(not is_number(r[k]) and (is_number(r[k - 1]) or is_blank(r[k - 1])) for r in full) and (
            2 * sum(not is_blank(r[k]) for r in full) >= len(full) and any(is_number(r[k - 1]) for r in full)
        ):
            return [[r[:k] if len(r) == width else r for r in rows], [r[k:] for r in rows if len(r) == width]]
    return [rows]


_SPACED_ROW = re.compile(
    r"^(?P<indent>[ \u3000]*)(?P<label>[^\s\d|｜\t][^\s|｜\t，。；,;]{0,29}?)[:：]?"
    r"(?P<numbers>(?:[ \u3000]+\S+)+)[ \u3000]*$"
)
_TOKEN = re.compile(r"\S+")


def spaced_tables(scan: Scan) -> list[list[Row]]:
    """Rows written one a line with single spaces between the cells, as PDF text gives them
    (年度资金总额: 2300.67 2300.67 100% / 其中:中央补助 442.43 442.43 100%): a label, then only
    numbers. Runs of at least two such lines; a line the tab, pipe or double-space readers take
    is theirs. A row's label cell keeps its indentation (`indent_of`)."""
    tables: list[list[Row]] = []
    run: list[Row] = []
    pos = 0
    for line in scan.text.split("\n"):
        row = _spaced_row(line, pos) if not scan.in_table(pos) and "  " not in line.strip() else None
        if row:
            run.append(row)
        else:
            tables += [run] if len(run) >= 2 else []
            run = []
        pos += len(line) + 1
    return tables + ([run] if len(run) >= 2 else [])


def _spaced_row(line: str, pos: int) -> Row | None:
    m = _SPACED_ROW.match(line)
    if not m:
        return None
    numbers = [
        Cell(pos + m.start("numbers") + t.start(), pos + m.start("numbers") + t.end(), t.group())
        for t in _TOKEN.finditer(m.group("numbers"))
    ]
    if not all(is_number(c) for c in numbers):
        return None
    return [Cell(pos + m.start("indent"), pos + m.end("label"), m.group("indent") + m.group("label")), *numbers]


def indent_of(cell: Cell) -> int:
    """Leading spaces of a cell's text (a spaced row keeps them; other renderings strip them)."""
    return len(cell.text) - len(cell.text.lstrip(" \u3000"))


_MAX_WIDTH = 6  # cells in a row of a table written one cell a line
_MIN_ROWS = 3


def label_grids(scan: Scan) -> list[list[Row]]:
    """Tables written one cell a line whose rows are a label then its numbers (收入合计 | 1205.11 |
    其中：财政拨款收入 | 1205.11 …): a run of at least three rows with the same number of numbers,
    after the cells that name its columns. A row whose numbers differ in count ends the table."""
    grids: list[list[Row]] = []
    runs = [unpiped(scan.text, run) for run in cell_runs(scan.text)] + _spaced_lines(scan.text)
    for run in runs:
        cells = [c for c in run if not scan.in_table(c.start)]
        i = 0
        while i < len(cells):
            width = _row_width(cells, i)
            rows = _label_rows(cells, i, width) if width >= 2 else []
            if len(rows) < _MIN_ROWS:
                i += 1
                continue
            head = cells[max(0, i - width) : i]
            header = [head] if _header(head, width) else []
            grids.append([*header, *rows])
            i += sum(len(r) for r in rows)
    return grids


_PIPES = "|｜"
_ONE_LINE_CELLS = 12  # a line of at least this many space-separated words and numbers may be a whole table


def _spaced_lines(text: str) -> list[list[Cell]]:
    """A whole table written on one line, its cells separated by single spaces (PDF text that lost
    the line breaks): the words of each long line without pipes or tabs, as cells."""
    out, pos = [], 0
    for line in text.split("\n"):
        tokens = [Cell(pos + t.start(), pos + t.end(), t.group()) for t in _TOKEN.finditer(line)]
        if len(tokens) >= _ONE_LINE_CELLS and not any(p in line for p in (*_PIPES, "\t")):
            out.append(tokens)
        pos += len(line) + 1
    return out


def unpiped(text: str, spans: list[tuple[int, int]]) -> list[Cell]:
    """One cell a line, cells told apart by pipes: a line holding only "|" separates two cells (two in
    a row: an empty cell between them), a "|" at either end of a line is not the cell's text
    (29.5亩 | ; | 20)."""
    cells: list[Cell] = []
    after_pipe = False
    for s, e in spans:
        raw = text[s:e]
        core = raw.strip(_PIPES + " \u3000")
        if not core:
            if after_pipe:
                cells.append(Cell(s, s, ""))
            after_pipe = True
            continue
        after_pipe = raw.rstrip()[-1:] in _PIPES
        at = s + raw.index(core)
        cells.append(Cell(at, at + len(core), core))
    return cells


def _header(head: list[Cell], width: int) -> bool:
    """The cells before a table's first row name its columns: as many as its rows have cells, none a
    number, none stating a score (产出指标（50分） and 数量指标 before ★补助各类瓜果蔬菜种植面积 are that
    row's level cells, written one a line before it)."""
    return len(head) == width and not any(is_number(c) or lexicon.GRID_SCORED_CELL.search(c.text) for c in head)


def _row_width(cells: list[Cell], i: int) -> int:
    """1 + the numbers after a label cell at i (0 if i is not a label followed by a number). A column's
    name is no row's label (得分 before 20000.00 20000.00 4.52: the header's last cell, the cells in
    their order lost)."""
    if is_number(cells[i]) or is_blank(cells[i]) or lexicon.GRID_COLUMN_NAME.match(squeeze(cells[i].text)):
        return 0
    j = i + 1
    while j < len(cells) and j - i < _MAX_WIDTH and (is_number(cells[j]) or is_blank(cells[j])):
        j += 1
    return j - i if j - i >= 2 and j - i < _MAX_WIDTH else 0


def _label_rows(cells: list[Cell], i: int, width: int) -> list[Row]:
    """Rows of `width` cells; a row opened by 其中 under a row may have a width of its own (it splits
    the row above: 其中桃树种植面积 | 1.5亩 | 1.5亩 under ★补助各类瓜果蔬菜种植面积 | 20 | 29.5亩 | 29.5亩 | 20)."""
    rows: list[Row] = []
    while i < len(cells):
        w = _row_width(cells, i)
        if w != width and not (rows and w >= 2 and lexicon.GRID_PART_LABEL.match(squeeze(cells[i].text))):
            break
        rows.append(cells[i : i + w])
        i += w
    return rows


def cell_value(cell: Cell) -> tuple[Decimal, str, str] | None:
    """(value, unit, the number as written) of a number cell."""
    m = NUMBER.match(squeeze(cell.text))
    if not m:
        return None
    return Decimal(m.group("n").replace(",", "")), (m.group("unit") or "").replace("％", "%"), m.group("n")
