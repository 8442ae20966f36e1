"""The flattened table format shared by every loader (制表符表格).

Word saves a table as plain text like this, and the .docx and .pdf loaders render their tables
the same way so that one report gives the same canonical text in every format::

    \\t第一格            <- a cell: a line starting with a TAB
    \\t                  <- an empty cell: a bare TAB
    \\t第三格
    续行                 <- continues the cell above (no TAB, and the row goes on after it)
                         <- a blank line ends the row

`find_tables` detects such regions in a text; `TextBuilder` writes them, and reads them again in a
run of paragraphs that holds such a table one cell a paragraph (a Word document whose table was
typed with tabs), so that it gives the cells of the same text read as a .txt.

Detection rules (for .txt input):
- A row is a run of cell lines (and their continuation lines) ended by a blank line, by a
  whitespace-only line, or by the end of the text.
- A line without a TAB belongs to the cell above only while the row goes on: another cell line
  follows before any blank line, or exactly one blank line and then another row follows.
  Otherwise it is prose, and the table ends before it.
- Rows follow each other separated by exactly one blank line; two blank lines end the table.
- A run of rows is a table only if at least two of its rows have two or more cells. A one-cell
  row that belongs to the run (such as a title row "\\t县级部门整体绩效自评打分表" followed by one
  blank line and then the header row) is kept in the table as a row of one cell; a run of
  one-cell rows alone (tab-indented prose) stays prose.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from itertools import accumulate, groupby

from review.core.document import Block


class _Kind(Enum):
    CELL = "cell"
    BLANK = "blank"
    TEXT = "text"


@dataclass(frozen=True)
class Line:
    """One line of a text, without its newline: `text[start:end]`."""

    start: int
    end: int


@dataclass(frozen=True)
class TextTable:
    """A detected table. `rows[r][c]` is the (start, end) span of a cell's text."""

    first_line: int
    last_line: int
    rows: tuple[tuple[tuple[int, int], ...], ...]


def split_lines(text: str) -> list[Line]:
    """Lines split on "\\n" only (str.splitlines would also split on \\x0b, \\x0c, U+2028 …)."""
    lines: list[Line] = []
    start = 0
    for part in text.split("\n"):
        lines.append(Line(start, start + len(part)))
        start += len(part) + 1
    return lines


def _kind(line: str) -> _Kind:
    if line.startswith("\t"):
        return _Kind.CELL
    return _Kind.BLANK if not line.strip() else _Kind.TEXT


@dataclass
class _Row:
    cells: list[list[int]] = field(default_factory=list)  # [first_line, last_line] per cell


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = split_lines(text)
        self.kinds = [_kind(text[ln.start : ln.end]) for ln in self.lines]

    def kind(self, i: int) -> _Kind | None:
        return self.kinds[i] if 0 <= i < len(self.kinds) else None

    def continues_row(self, j: int) -> int | None:
        """If the TEXT lines from j on continue the current cell, the index after them."""
        k = j
        while self.kind(k) is _Kind.TEXT:
            k += 1
        if self.kind(k) is _Kind.CELL:
            return k
        if self.kind(k) is _Kind.BLANK and self.kind(k + 1) is _Kind.CELL:
            return k
        return None

    def row(self, i: int) -> tuple[_Row, int]:
        """Parse the row starting at cell line i; return it and the index after its lines."""
        row = _Row()
        j = i
        while (kind := self.kind(j)) is not None and kind is not _Kind.BLANK:
            if kind is _Kind.CELL:
                row.cells.append([j, j])
                j += 1
                continue
            after = self.continues_row(j)
            if after is None:
                break
            row.cells[-1][1] = after - 1
            j = after
        return row, j

    def run(self, i: int) -> tuple[list[_Row], int]:
        """Parse consecutive rows from line i; return them and the index of their last line."""
        rows: list[_Row] = []
        while True:
            row, j = self.row(i)
            rows.append(row)
            if self.kind(j) is not _Kind.BLANK:
                return rows, j - 1
            if self.kind(j + 1) is not _Kind.CELL:
                return rows, j
            i = j + 1

    def cell_span(self, cell: list[int]) -> tuple[int, int]:
        return self.lines[cell[0]].start + 1, self.lines[cell[1]].end


def find_tables(text: str) -> list[TextTable]:
    """Tables written in the flattened TAB format, in text order."""
    scanner = _Scanner(text)
    tables: list[TextTable] = []
    i = 0
    while i < len(scanner.lines):
        if scanner.kinds[i] is not _Kind.CELL:
            i += 1
            continue
        rows, last = scanner.run(i)
        if sum(len(r.cells) >= 2 for r in rows) >= 2:
            spans = tuple(tuple(scanner.cell_span(c) for c in r.cells) for r in rows)
            tables.append(TextTable(first_line=i, last_line=last, rows=spans))
        i = last + 1
    return tables


def text_blocks(text: str) -> tuple[Block, ...]:
    """Blocks of a plain text: table cells, and one paragraph per other non-blank line."""
    blocks, _ = run_blocks(text, None)
    return tuple(blocks)


def run_blocks(
    text: str, first_lines: Sequence[int] | None, *, offset: int = 0, first_table: int = 0
) -> tuple[list[Block], int]:
    """Blocks of a run of paragraphs joined by "\\n", and the number of tables found in it.

    Paragraph k begins on line `first_lines[k]` (None: every line is a paragraph, as in a .txt).
    The tables are those `find_tables` reads in the whole run, so paragraphs that hold a table
    line by line give the cells a .txt with the same lines gives; what a paragraph has outside
    the tables is one paragraph block (if not blank). Offsets are shifted by `offset`, table
    numbers by `first_table`.
    """
    lines = split_lines(text)
    tables = find_tables(text)
    table_at = {i: n for n, t in enumerate(tables) for i in range(t.first_line, t.last_line + 1)}

    def piece(i: int) -> tuple[bool, int]:  # (in a table, table or paragraph number)
        if i in table_at:
            return True, table_at[i]
        return False, i if first_lines is None else bisect_right(first_lines, i) - 1

    blocks: list[Block] = []
    for (in_table, n), group in groupby(range(len(lines)), key=piece):
        if in_table:
            blocks += _cells(tables[n], first_table + n, offset)
            continue
        numbers = list(group)
        start, end = lines[numbers[0]].start, lines[numbers[-1]].end
        if text[start:end].strip():
            blocks.append(Block(kind="paragraph", start=offset + start, end=offset + end))
    return blocks, len(tables)


def _cells(table: TextTable, index: int, offset: int) -> list[Block]:
    return [
        Block(kind="cell", start=offset + s, end=offset + e, table=index, row=r, col=c)
        for r, row in enumerate(table.rows)
        for c, (s, e) in enumerate(row)
    ]


class TextBuilder:
    """Writes canonical text line by line ("\\n" between lines) and records the blocks."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pos = 0
        self._blocks: list[Block] = []
        self._tables = 0

    def _line(self, line: str) -> int:
        if self._parts:
            self._parts.append("\n")
            self._pos += 1
        start = self._pos
        self._parts.append(line)
        self._pos += len(line)
        return start

    def paragraph(self, text: str, page: int | None = None) -> None:
        """One paragraph on its own line; a block only if it has visible text."""
        start = self._line(text)
        if text.strip():
            self._blocks.append(Block(kind="paragraph", start=start, end=start + len(text), page=page))

    def paragraphs(self, texts: Sequence[str]) -> None:
        """A run of consecutive paragraphs, each on its own line(s); a table typed in them in the
        TAB format (one cell a paragraph) becomes a table, cell for cell as in a .txt."""
        if not texts:
            return
        first_lines = list(accumulate((t.count("\n") + 1 for t in texts[:-1]), initial=0))
        text = "\n".join(texts)
        start = self._line(text)
        blocks, tables = run_blocks(text, first_lines, offset=start, first_table=self._tables)
        self._blocks += blocks
        self._tables += tables

    def table(
        self,
        rows: list[list[str]],
        page: int | None = None,
        pages: Sequence[int | None] | None = None,
    ) -> None:
        """A table in the flattened format: a "\\t" line per cell, a blank line after each row.

        Rows without cells are left out (they hold no text); row numbers count kept rows.
        The cells' page is `page`, or `pages[r]` for row r of a table that spans pages.
        """
        row_pages = list(pages) if pages is not None else [page] * len(rows)
        kept = [(cells, at) for cells, at in zip(rows, row_pages, strict=True) if cells]
        if not kept:
            return
        index = self._tables
        self._tables += 1
        for r, (cells, page) in enumerate(kept):
            for c, cell in enumerate(cells):
                start = self._line("\t" + cell) + 1
                self._blocks.append(
                    Block(
                        kind="cell",
                        start=start,
                        end=start + len(cell),
                        table=index,
                        row=r,
                        col=c,
                        page=page,
                    )
                )
            self._line("")

    def build(self) -> tuple[str, tuple[Block, ...]]:
        return "".join(self._parts), tuple(self._blocks)
