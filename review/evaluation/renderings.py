"""The rendering matrix's texts: one table (a grid of rows × cells) written as text in each of the
ways real reports reach us, with its labeled relations located in every rendering.

The grids are eval/renderings/forms.json: tables of the national 项目支出绩效自评表 filled with the
numbers of dev reports; `None` is the continuation of a row-spanned (merged) cell. A rendering is a
layout (how rows and cells become lines) and a choice of cell texts (merged cells written as an
empty cell, once, or on every row; amounts with a unit suffix or thousands separators). Nothing
here reads a rendering back: the product's loader and readers do (review/evaluation/matrix.py).

A relation names cells by row and column; in each rendering its quote is the text from its first
to its last written cell, its `values` and `items` the same for its own values and its parts, so
the eval's seeded-error generator (seeding.py) injects errors at the same cells in every rendering.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from review.evaluation.labels import CleanRelation, DocLabels, locate

FORMS = Path(__file__).resolve().parents[2] / "eval" / "renderings" / "forms.json"
Key = tuple[int, int, int]  # table, row, column
Cells = list[list[tuple[Key | None, str]]]  # the rows as written: each cell's key (None: not a grid cell) and text


@dataclass(frozen=True)
class Relation:
    check: str
    row: int
    first: int
    last: int
    items: tuple[tuple[int, int, int], ...] | None = None
    values: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str | None, ...], ...]
    money: frozenset[int] = frozenset()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True)
class Form:
    name: str
    source: str
    title: str
    tables: tuple[Table, ...]

    @property
    def period(self) -> str:
        return self.title[:4]


def load_forms(path: Path = FORMS) -> list[Form]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return [_form(f) for f in data["forms"]]


def _form(raw: dict[str, Any]) -> Form:
    tables = tuple(
        Table(
            rows=tuple(tuple(r) for r in t["rows"]),
            money=frozenset(t.get("money", ())),
            relations=tuple(_relation(r) for r in t.get("relations", ())),
        )
        for t in raw["tables"]
    )
    return Form(name=raw["name"], source=raw.get("source", ""), title=raw["title"], tables=tables)


def _relation(raw: dict[str, Any]) -> Relation:
    items = raw.get("items")
    values = raw.get("values")
    return Relation(
        check=raw["check"],
        row=raw["row"],
        first=raw["from"],
        last=raw["to"],
        items=None if items is None else tuple((a, b, c) for a, b, c in items),
        values=None if values is None else tuple(values),
    )


# --- cell texts -----------------------------------------------------------------------------------

Merged = str  # "empty": an empty cell on continuation rows; "omit": no cell there; "repeat": its text again


def cells_of(form: Form, rendering: Rendering) -> list[Cells]:
    """Each table's rows as (key, text) cells, merged cells and amounts written as `rendering` says."""
    merged, amount = rendering.merged, rendering.amount
    out = []
    for t, table in enumerate(form.tables):
        unit = _unit(table)
        rows: Cells = []
        for r, row in enumerate(table.rows):
            cells: list[tuple[Key | None, str]] = []
            for c, text in enumerate(row):
                if text is None:
                    if merged == "omit":
                        continue
                    text = _above(table, r, c) if merged == "repeat" else ""
                elif amount is not None and c in table.money and r > 0 and _number(text) is not None:
                    text = amount(text, unit)
                elif rendering.words is not None and _number(text) is None:
                    text = rendering.words(text)
                cells.append(((t, r, c), text))
            rows.append(cells)
        if rendering.in_yuan:
            rows = [[(k, s.replace("（万元）", "（元）")) for k, s in row] for row in rows]
        out.append(rows)
    return out


def _above(table: Table, r: int, c: int) -> str:
    while r > 0 and table.rows[r][c] is None:
        r -= 1
    return table.rows[r][c] or ""


def _unit(table: Table) -> str:
    head = "".join(s or "" for s in table.rows[0])
    return "万元" if "（万元）" in head else "元"


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def with_unit(text: str, unit: str) -> str:
    """100 → 100万元: the table's unit written in the cell."""
    return f"{text}{unit}"


def wrapped(text: str) -> str:
    """其中：当年财政拨款 → 其中：当年财政 拨款: a long cell wrapped in its column, the break read as a space."""
    return f"{text[:-2]} {text[-2:]}" if len(text) >= 7 else text


def with_thousands(text: str, unit: str) -> str:
    """387664.62 → 387,664.62; an amount in 万元 is written in 元 (808.1 → 8,081,000.00)."""
    value = _number(text)
    assert value is not None
    return f"{value * 10000:,.2f}" if unit == "万元" else f"{value:,}"


# --- layouts --------------------------------------------------------------------------------------


@dataclass
class Writer:
    """The text being written, with the span of every grid cell written."""

    parts: list[str] = field(default_factory=list)
    spans: dict[Key, tuple[int, int]] = field(default_factory=dict)
    pos: int = 0

    def put(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def cell(self, key: Key | None, text: str) -> None:
        if key is not None:
            self.spans[key] = (self.pos, self.pos + len(text))
        self.put(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _joined(w: Writer, cells: list[tuple[Key | None, str]], sep: str, head: str = "", tail: str = "") -> None:
    w.put(head)
    for i, (key, text) in enumerate(cells):
        w.put(sep if i else "")
        w.cell(key, text)
    w.put(tail)


def pipe_rows(w: Writer, rows: Cells) -> None:
    """| a | b |"""
    for row in rows:
        _joined(w, row, " | ", "| ", " |\n")


def tab_rows(w: Writer, rows: Cells) -> None:
    """a<TAB>b"""
    for row in rows:
        _joined(w, row, "\t", "", "\n")


def word_cells(w: Writer, rows: Cells) -> None:
    """Word's plain text: a cell a line after a TAB, a blank line after each row."""
    for row in rows:
        for key, text in row:
            w.put("\t")
            w.cell(key, text)
            w.put("\n")
        w.put("\n")


def _written(row: list[tuple[Key | None, str]]) -> list[tuple[Key | None, str]]:
    return [(k, s) for k, s in row if s.strip()]


def cell_lines(w: Writer, rows: Cells) -> None:
    """One cell a line (empty cells leave no line, as a PDF's text layer writes them)."""
    for row in rows:
        _joined(w, _written(row), "\n", "", "\n")


def pipe_lines(w: Writer, rows: Cells) -> None:
    """One cell a line, a line holding only '|' between cells and between rows."""
    _joined(w, [c for row in rows for c in _written(row)], "\n|\n", "", "\n")


def blank_lines(w: Writer, rows: Cells) -> None:
    """Cells separated by blank lines."""
    _joined(w, [c for row in rows for c in _written(row)], "\n\n", "", "\n")


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned_rows(w: Writer, rows: Cells) -> None:
    """Columns aligned with spaces (a PDF page's text read line by line)."""
    widths: dict[int, int] = {}
    for row in rows:
        for i, (_, text) in enumerate(row):
            widths[i] = max(widths.get(i, 0), _width(text))
    for row in rows:
        line = Writer(pos=w.pos)
        for i, (key, text) in enumerate(row):
            line.put("  " if i else "")
            line.cell(key, text)
            line.put(" " * (widths[i] - _width(text)))
        text = line.text.rstrip(" ")
        w.spans.update(line.spans)
        w.put(text + "\n")


def cell_pipes(w: Writer, rows: Cells) -> None:
    """One cell a line, each ending with " |" (a PDF table read cell by cell)."""
    for row in rows:
        for key, text in _written(row):
            w.cell(key, text)
            w.put(" |\n")


def label_apart(w: Writer, rows: Cells) -> None:
    """Pipe rows whose first cell, a label, is on a line of its own ("年度资金总额 |" then "| 32.4 | …")."""
    for row in rows:
        cells = _written(row)
        if len(cells) > 1 and _number(cells[0][1]) is None:
            _joined(w, cells[:1], "", "", " |\n")
            cells = cells[1:]
        _joined(w, cells, " | ", "| ", " |\n")


def one_line(w: Writer, rows: Cells) -> None:
    """Every written cell of the table on one space-separated line."""
    _joined(w, [c for row in rows for c in _written(row)], " ", "", "\n")


def split_header(w: Writer, rows: Cells) -> None:
    """Pipe rows whose header row is written over two lines (全年 / 预算数)."""
    if not rows:
        return
    head = [text[:2] if len(text) >= 4 else text for _, text in rows[0]]
    rest = [text[len(first) :] for first, (_, text) in zip(head, rows[0], strict=True)]
    pipe_rows(w, [[(None, s) for s in head], [(None, s) for s in rest], *rows[1:]])


Layout = Callable[[Writer, Cells], None]


@dataclass(frozen=True)
class Rendering:
    name: str
    layout: Layout
    merged: Merged = "empty"
    amount: Callable[[str, str], str] | None = None
    words: Callable[[str], str] | None = None  # rewrites every cell of text
    in_yuan: bool = False  # the amounts are written in 元 whatever the table's unit: its （万元） becomes （元）


RENDERINGS = (
    Rendering("pipe", pipe_rows),
    Rendering("tab", tab_rows),
    Rendering("word_cells", word_cells),
    Rendering("cell_lines", cell_lines),
    Rendering("pipe_lines", pipe_lines),
    Rendering("blank_lines", blank_lines),
    Rendering("aligned", aligned_rows),
    Rendering("cell_pipes", cell_pipes),
    Rendering("label_apart", label_apart),
    Rendering("one_line", one_line),
    Rendering("wrapped_cells", pipe_rows, words=wrapped),
    Rendering("split_header", split_header),
    Rendering("merged_omitted", pipe_rows, merged="omit"),
    Rendering("merged_repeated", pipe_rows, merged="repeat"),
    Rendering("unit_suffix", pipe_rows, amount=with_unit),
    Rendering("thousands", pipe_rows, amount=with_thousands, in_yuan=True),
)
REFERENCE = "pipe"


# --- a rendered form and its labels ------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    name: str
    text: str
    labels: DocLabels
    dropped: tuple[str, ...]  # relations this rendering does not write (a cell of theirs is absent)


def render(form: Form, rendering: Rendering) -> Rendered:
    w = Writer()
    w.put(form.title + "\n")
    for rows in cells_of(form, rendering):
        rendering.layout(w, rows)
    text = w.text
    consistent, dropped = [], []
    for t, table in enumerate(form.tables):
        for rel in table.relations:
            clean = _clean_relation(text, w.spans, t, rel)
            if clean is None:
                dropped.append(f"{rel.check} row {rel.row} of table {t}")
            else:
                consistent.append(clean)
    labels = DocLabels(
        sample=f"{form.name}.{rendering.name}.txt",
        title=form.title,
        period=form.period,
        source=form.source,
        kind="项目支出",
        consistent=tuple(consistent),
    )
    return Rendered(f"{form.name}.{rendering.name}", text, labels, tuple(dropped))


def _cells_span(spans: dict[Key, tuple[int, int]], t: int, row: int, first: int, last: int) -> tuple[int, int] | None:
    """From the first written cell at or after `first` to cell `last` (which must be written)."""
    end = spans.get((t, row, last))
    start = next((spans[(t, row, c)] for c in range(first, last + 1) if (t, row, c) in spans), None)
    return None if end is None or start is None else (start[0], end[1])


def _clean_relation(text: str, spans: dict[Key, tuple[int, int]], t: int, rel: Relation) -> CleanRelation | None:
    span = _cells_span(spans, t, rel.row, rel.first, rel.last)
    if span is None:
        return None
    quote = text[span[0] : span[1]]
    values = None
    if rel.values is not None:
        ends = [spans.get((t, rel.row, c)) for c in rel.values]
        if any(e is None for e in ends):
            return None
        values = tuple(text[span[0] : e[1]] for e in ends if e is not None)
    items = None
    if rel.items is not None:
        item_spans = [_cells_span(spans, t, r, a, b) for r, a, b in rel.items]
        items = tuple(text[s[0] : s[1]] for s in item_spans if s is not None)
    return CleanRelation(
        check=rel.check,  # type: ignore[arg-type]
        quote=quote,
        occurrence=occurrence(text, quote, span[0]),
        values=values,
        items=items,
    )


def occurrence(text: str, quote: str, start: int) -> int:
    """Which occurrence of `quote` (as `labels.locate` counts them) starts at `start`."""
    n = 0
    while (at := locate(text, quote, n)) is not None and at[0] < start:
        n += 1
    return n
