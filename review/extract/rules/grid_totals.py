"""Totals of a table read by its row labels and header, in any rendering (review/extract/rules/grids.py):

- a 合计/总计 row over the rows it closes: the rows since the header (or since the total before
  it); when 小计 rows close groups, the 总计 over the 小计 rows; a total row first in its block
  (合计 right under the header, as 决算 tables put it) over the rows below it;
- a 小计 row over the rows of its group;
- 其中 rows under the row above them (one 其中 row: a part, which only bounds the total; two or
  more rows each marked 其中: the parts listed one by one);
- a 合计 column over the number columns on the other side of it (a one-row header only).

Per number column: a column whose header names a rate, a score, a serial number or a year, or whose
numbers are percents or years, is not summed. Rows are matched by column, never by whether they
add up; a row whose number cells cannot be matched to the total's (a text rendering that dropped
empty cells) leaves the relation unread (Claims.unread), not guessed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from review.core.claims import Quantity, Relation, SumRelation, Unread
from review.core.provenance import SumBasis
from review.extract import lexicon
from review.extract.rules.grids import Grid, GridRow, cell_value, grids_of, indent_of, is_number, squeeze
from review.extract.rules.scan import Scan
from review.extract.rules.table_columns import Cell

_MIN_ITEMS = 2


@dataclass
class _Out:
    relations: list[Relation]
    unread: list[Unread]


def extract_grid_totals(scan: Scan, known: Iterable[Relation]) -> tuple[list[Relation], list[Unread]]:
    """The totals of every table; a total another reader already compared is left to it."""
    at = {q.id: (q.start, q.end) for q in (*scan.quantities, *scan.minted)}
    taken = {at[r.total] for r in known if isinstance(r, SumRelation) and r.total in at}
    out = _Out([], [])
    for grid in grids_of(scan):
        scores = any(lexicon.GRID_SCORE_HEADER.search(c.text) for r in grid.rows if r.kind == "header" for c in r.cells)
        _GridReader(scan, grid, taken, out).read(parts_only=scores)  # a 打分表's totals: the score readers'
    return out.relations, out.unread


def _blocks(grid: Grid) -> list[tuple[GridRow | None, list[GridRow]]]:
    """Runs of rows with numbers, each with the header row right above it (None after a title)."""
    blocks: list[tuple[GridRow | None, list[GridRow]]] = []
    header: GridRow | None = None
    prev_header = False
    for row in grid.rows:
        if row.kind == "header":
            header = row if len(row.cells) >= 2 and not prev_header else None  # a stacked header: not one row
            prev_header = len(row.cells) >= 2
            blocks.append((header, []))
            continue
        prev_header = False
        if not blocks:
            blocks.append((None, []))
        blocks[-1][1].append(row)
    return [(h, rows) for h, rows in blocks if rows]


class _GridReader:
    def __init__(self, scan: Scan, grid: Grid, taken: set[tuple[int, int]], out: _Out) -> None:
        self.scan, self.grid, self.taken, self.out = scan, grid, taken, out

    def read(self, *, parts_only: bool) -> None:
        for header, written in _blocks(self.grid):
            rows = _with_part_continuations(written)
            if not parts_only:
                self._row_totals(header, rows)  # first: a total over 其中 rows and their siblings
            self._parts(header, rows)
            if parts_only:
                continue
            if header is not None:
                self._column_totals(header, rows)

    # --- rows ---------------------------------------------------------------------------------

    def _row_totals(self, header: GridRow | None, rows: list[GridRow]) -> None:
        start = 0
        for i, row in enumerate(rows):
            if row.kind == "subtotal":
                group = [r for r in rows[start:i] if r.kind == "row"]
                self._sum(header, row, group, "表格·小计行")
                start = i + 1
            elif row.kind == "total":
                if i == 0:
                    self._leading_total(header, row, rows[1:])
                    start = 1
                    continue
                if not self._net(row, rows[start:i]):
                    self._sum(header, row, self._closed(rows[start:i], rows[:i]), "表格·合计行")
                start = i + 1

    def _rest_of_table(self, total: GridRow) -> list[GridRow]:
        """The rows after a total first in its block up to the next total, past rows with no number (a row left
        empty reads as a header): those a 决算 table's leading total (一、资产合计) is over."""
        rows = self.grid.rows
        after = rows[next(k for k, r in enumerate(rows) if r is total) + 1 :]
        end = next((k for k, r in enumerate(after) if r.kind == "total"), len(after))
        return list(after[:end])

    def _net(self, total: GridRow, rows: Sequence[GridRow]) -> bool:
        """Rows that reduce the others (减：累计折旧) among those a total closes: a net amount, reported unread."""
        if not any(lexicon.GRID_SUBTRACTED_ROW.match(r.name) for r in rows):
            return False
        reason = f"表格“{total.name}”行所合计的明细中有“减：”行，为净额，合计未核对"
        self.out.unread.append(Unread(start=total.cells[0].start, end=total.cells[-1].end, reason=reason))
        return True

    @staticmethod
    def _closed(since: list[GridRow], before: list[GridRow]) -> list[GridRow] | None:
        """The rows a total closes: the 小计 rows above it if groups were closed, else its rows."""
        subtotals = [r for r in before if r.kind == "subtotal"]
        if subtotals and not any(r.kind == "row" for r in since):
            return subtotals
        return top_level([r for r in since if r.kind == "row"])

    def _leading_total(self, header: GridRow | None, total: GridRow, below: list[GridRow]) -> None:
        if any(r.kind == "total" for r in below):
            return  # another total closes rows below: this one is not over all of them
        if self._net(total, self._rest_of_table(total)):
            return
        subtotals = [r for r in below if r.kind == "subtotal"]
        if below and below[0].kind == "part":  # 支出合计 / 其中：基本支出 / 项目支出: the 其中 opens its parts
            self._sum(header, total, top_level([below[0], *(r for r in below[1:] if r.kind == "row")]), "表格·合计行")
            return
        self._sum(header, total, subtotals or top_level([r for r in below if r.kind == "row"]), "表格·合计行")

    def _parts(self, header: GridRow | None, rows: list[GridRow]) -> None:
        """Each run of 其中 rows under the row above it; a run first in its block has no row above it
        in the table (a text rendering left that row out): its rows are no one's parts, not one another's."""
        i = 0
        while i < len(rows):
            if rows[i].kind != "part":
                i += 1
                continue
            j = i
            while j < len(rows) and rows[j].kind == "part":
                j += 1
            if i == 0:
                i = j
                continue
            j = _indented_after(rows, i - 1, i, j)
            parts = rows[i:j]
            self._sum(header, rows[i - 1], parts, "表格·其中行", exhaustive=len(parts) >= _MIN_ITEMS, least=1)
            i = j

    # --- columns ------------------------------------------------------------------------------

    def _column_totals(self, header: GridRow, rows: list[GridRow]) -> None:
        names = [squeeze(c.text) for c in header.cells]
        at = [
            i for i, n in enumerate(names) if lexicon.GRID_TOTAL_LABEL.match(n) or lexicon.GRID_SUBTOTAL_LABEL.match(n)
        ]
        if len(at) != 1:
            return
        for row in rows:
            if len(row.cells) != len(header.cells) or not is_number(row.cells[at[0]]):
                continue
            numbered = [i for i, c in enumerate(row.cells) if is_number(c) and i != at[0]]
            parts = [i for i in numbered if (i > at[0]) == (at[0] == min([at[0], *numbered]))]
            if any(lexicon.GRID_NOT_SUMMED_COLUMN.search(names[i]) for i in parts) or len(parts) < _MIN_ITEMS:
                continue
            label = row.name
            total = self._qty(row.cells[at[0]], f"{label}·{names[at[0]]}")
            items = [self._qty(row.cells[i], f"{label}·{names[i]}") for i in parts]
            self._emit(total, items, "表格·合计列", exhaustive=True)

    # --- one relation per number column -------------------------------------------------------

    def _sum(
        self,
        header: GridRow | None,
        total: GridRow,
        items: Sequence[GridRow] | None,
        basis: SumBasis,
        *,
        exhaustive: bool = True,
        least: int = _MIN_ITEMS,
    ) -> None:
        if items is None:
            self.out.unread.append(Unread(start=total.cells[0].start, end=total.cells[-1].end, reason=_nested(total)))
            return
        if len(items) < least:
            return
        if any(c.start <= a < c.end for c in total.values for a, _ in self.taken):
            return  # another reader compared this row's totals
        columns = self._columns(total, items)
        if columns is None:
            self.out.unread.append(Unread(start=total.cells[0].start, end=total.cells[-1].end, reason=_why(total)))
            return
        for key, cell in columns[0].items():
            if not is_number(cell) or self._not_summed(header, total, cell):
                continue
            pairs = [(r, c) for r, col in zip(items, columns[1:], strict=True) if (c := col.get(key)) and is_number(c)]
            if len(pairs) < least or any(self._not_summed(None, total, c) for _, c in pairs):
                continue
            if _serial([cell, *(c for _, c in pairs)]) or all(_year(c) for c in (cell, *(c for _, c in pairs))):
                continue  # 1, 2, 3 …: a 列次 or 序号 column; 2023 in every row: a year column
            name = self._column_name(header, total, cell)
            t = self._qty(cell, f"{total.name}·{name}" if name else total.name)
            qs = [self._qty(c, f"{r.name}·{name}" if name else r.name) for r, c in pairs]
            self._emit(t, qs, basis, exhaustive=exhaustive, group=f"{basis}@{total.cells[0].start}")

    @staticmethod
    def _columns(total: GridRow, items: Sequence[GridRow]) -> list[dict[int, Cell]] | None:
        """Each row's number cells by column: by cell position when every row has as many cells; by
        their order among the row's numbers when every row has as many numbers (a merged cell, a
        dropped empty one, a note after the numbers); else by their order among the numbers with a
        unit when only those match (其中桃树种植面积 | 1.5亩 under 面积 | 20 | 29.5亩). None: unknown."""
        rows = [total, *items]
        if len({len(r.cells) for r in rows}) == 1:
            return [{i: c for i, c in enumerate(r.cells) if c in r.values} for r in rows]
        if len({len(r.values) for r in rows}) == 1:
            return [dict(enumerate(r.values)) for r in rows]
        with_units = [[c for c in r.values if _unit(c)] for r in rows]
        if all(len(u) == len(r.values) for u, r in zip(with_units[1:], items, strict=True)) and (
            len({len(u) for u in with_units}) == 1 and with_units[0]
        ):
            return [dict(enumerate(u)) for u in with_units]
        return None

    def _not_summed(self, header: GridRow | None, total: GridRow, cell: Cell) -> bool:
        if _unit(cell) in lexicon.GRID_NOT_SUMMED_UNIT:
            return True
        name = self._column_name(header, total, cell)
        return bool(name and lexicon.GRID_NOT_SUMMED_COLUMN.search(name))

    @staticmethod
    def _column_name(header: GridRow | None, row: GridRow, cell: Cell) -> str:
        """The header cell over `cell`: by position, or right-aligned under a shorter header (the
        row's labels on the left have no header cell of their own)."""
        if header is None or len(header.cells) > len(row.cells):
            return ""
        at = row.cells.index(cell) - (len(row.cells) - len(header.cells))
        return squeeze(header.cells[at].text) if at >= 0 else ""

    def _qty(self, cell: Cell, label: str) -> Quantity:
        parsed = cell_value(cell)
        assert parsed is not None
        value, unit, raw = parsed
        start = cell.start + self.scan.text[cell.start : cell.end].find(raw)
        end = cell.end if unit == "%" else start + len(raw)
        return self.scan.mint(start, end, value, unit or self.grid.unit, label)

    def _emit(
        self, total: Quantity, items: list[Quantity], basis: SumBasis, *, exhaustive: bool, group: str = ""
    ) -> None:
        if (total.start, total.end) in self.taken:
            return
        self.taken.add((total.start, total.end))
        category = lexicon.sum_category(total.unit, total.label)
        self.out.relations.append(
            SumRelation(
                total=total.id,
                items=tuple(q.id for q in items),
                exhaustive=exhaustive,
                category=category,
                basis=basis,
                group=group,
            )
        )


_PART_HEAD = 4  # characters of a name a 其中 row's parent and its sibling rows share (公务用车…)


def _with_part_continuations(rows: list[GridRow]) -> list[GridRow]:
    """The rows with the unmarked rows that go on a 其中 run read as parts too: named like the 其中 row and its
    parent (公务用车购置及运行费 | 245.98 / 其中:公务用车运行费 | 168 / 公务用车购置费 | 77.98, as the 三公经费 table
    prints it), they are that row's other parts, not one more row of the table's total."""
    out = list(rows)
    for i in range(1, len(out)):
        if out[i].kind != "part" or out[i - 1].kind == "part":
            continue
        head = _bare(out[i - 1].name)[:_PART_HEAD]
        if len(head) < _PART_HEAD or not _bare(out[i].name).startswith(head):
            continue
        j = i + 1
        while j < len(out) and out[j].kind == "row" and _bare(out[j].name).startswith(head):
            out[j] = replace(out[j], kind="part")
            j += 1
    return out


def _bare(name: str) -> str:
    return lexicon.ROW_NAME_MARKS.sub("", name)


def _indented_after(rows: list[GridRow], parent: int, first: int, end: int) -> int:
    """Where the 其中 rows from `first` end: after the rows under them indented at least as deep as
    the first of them, when the text keeps indentation and they are deeper than their parent."""
    deep = _indent(rows[first])
    if deep <= _indent(rows[parent]):
        return end
    while end < len(rows) and rows[end].kind == "row" and _indent(rows[end]) >= deep:
        end += 1
    return end


def _indent(row: GridRow) -> int:
    return indent_of(row.label) if row.label else 0


def _year(cell: Cell) -> bool:
    value = cell_value(cell)
    return value is not None and not value[1] and value[2].isdigit() and 1990 <= value[0] <= 2100


def _serial(cells: list[Cell]) -> bool:
    values = [v[0] for c in cells if (v := cell_value(c))]
    return len(values) >= 2 and all(b - a == 1 for a, b in zip(values, values[1:], strict=False))


def top_level(rows: list[GridRow]) -> list[GridRow] | None:
    """The rows a total is over when its rows nest: those of the shortest 科目编码 (201, not 20101),
    or those numbered like the first row (一、 and 二、, not the （一） under them). None: the rows
    nest in a way neither tells (some coded, some not; the first row unnumbered among numbered)."""
    codes = {len(r.code) for r in rows}
    if len(codes) > 1:
        return None if 0 in codes else [r for r in rows if len(r.code) == min(codes)]
    levels = {r.level for r in rows}
    if len(levels) > 1:
        return None if rows[0].level < 0 else [r for r in rows if r.level == rows[0].level]
    return rows


def _nested(total: GridRow) -> str:
    return f"表格“{total.name}”行之上的明细分多层，但层次无法从编码或编号确定，合计未核对"


def _unit(cell: Cell) -> str:
    value = cell_value(cell)
    return value[1] if value else ""


def _why(total: GridRow) -> str:
    return f"表格“{total.name}”行的各列与明细行对不上（列数不同），合计未核对"
