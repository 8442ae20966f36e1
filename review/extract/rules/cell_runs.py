"""Text written one cell a line or a paragraph — a Word or HTML table pasted as text::

    编制数

    2023 年实际在职人数

    控制率

    46

    50

    108.70%

found as runs of cells: consecutive short lines with at most one blank line between two of them.
Which cells form a row is for the reader that knows the header (review.extract.rules.table_columns);
lines in the TAB format are the loader's tables (review.load.texttables).

`cell_stream` reads the cells of one table from its header on, for the rowspan reader
(review.extract.rules.span_rows): cells between lines holding only "|" (a cell may run over
several lines, "| " may open one on its line, an empty cell is a "|" right after another),
cells each ended by a "|" at its line's end (分值 |), between blank lines, or — the header's words
on one line with spaces between them, as a form flattened onto one line — between blanks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.extract import lexicon

_SEP = ("|", "｜")
_WORD = re.compile(r"\S+")
_HEADER_WORDS = 4  # the header's first words on its line, each a column name: the cells are spaced
_MAX_CELLS = 1500  # cells read after a header: a table longer than this is not one table

MAX_CELL = 40  # characters: a longer line is prose, and ends a run of cells

Span = tuple[int, int]


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str


def cell_runs(text: str) -> list[list[Span]]:
    """Runs of at least two cells, each cell the span of its line without the whitespace around it."""
    runs: list[list[Span]] = []
    run: list[Span] = []
    blanks = 0
    start = 0
    for raw in text.split("\n"):
        line_start, start = start, start + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            blanks += 1
            continue
        cell = "\t" not in raw and len(stripped) <= MAX_CELL
        if blanks > 1 or not cell:
            runs, run = _close(runs, run), []
        blanks = 0
        if cell:
            lead = len(raw) - len(raw.lstrip())
            run.append((line_start + lead, line_start + len(raw.rstrip())))
    return _close(runs, run)


def _close(runs: list[list[Span]], run: list[Span]) -> list[list[Span]]:
    return runs + [run] if len(run) >= 2 else runs


def cell_stream(text: str, start: int, anchor: int) -> list[Cell]:
    """The cells from `start`: separated by "|" lines if the header's cells are, else by blank
    lines; the stream ends at a line holding a "|" among other text, a tab, or two blank lines."""
    near = text[anchor : anchor + 200].split("\n")[:4]
    if any(line.strip()[:1] in _SEP for line in near[1:] if line.strip()):
        return _piped(text, start)
    words = near[0].split()[:_HEADER_WORDS]
    if len(words) >= _HEADER_WORDS and all(lexicon.SPAN_HEADER_WORD.match(w) for w in words):
        return _spaced(text, start)
    if sum(1 for line in near if line.strip()[-1:] in _SEP and line.strip()[:1] not in _SEP) >= 2:
        return _trailed(text, start)
    return _blank_separated(text, start)


def _lines(text: str, start: int) -> list[tuple[int, str]]:
    out, pos = [], start
    for line in text[start:].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def _piped(text: str, start: int) -> list[Cell]:
    cells: list[Cell] = []
    lo: int | None = None
    hi = 0
    for pos, line in _lines(text, start):
        stripped = line.strip()
        if stripped[:1] in _SEP and stripped:  # "|" alone, or "| " opening the next cell on its line
            at = pos + line.index(stripped)
            cells.append(Cell(lo, hi, text[lo:hi]) if lo is not None else Cell(at, at, ""))
            lo = None
            rest = stripped[1:].lstrip()
            if not rest:
                continue
            if "|" in rest or "｜" in rest:
                break
            lo, hi = pos + len(line.rstrip()) - len(rest), pos + len(line.rstrip())
        elif "|" in stripped or "｜" in stripped or "\t" in line or len(cells) > _MAX_CELLS:
            break
        elif stripped:
            lo = pos + line.index(stripped) if lo is None else lo
            hi = pos + len(line.rstrip())
    if lo is not None:
        cells.append(Cell(lo, hi, text[lo:hi]))
    return cells


def _trailed(text: str, start: int) -> list[Cell]:
    """Cells each ended by the "|" at its line's end (全年预算数(A) |, 30 |; a cell may run over lines
    without one); each further "|", and each "|" of a line of them alone (||), ends an empty cell."""
    cells: list[Cell] = []
    lo: int | None = None
    hi = 0
    for pos, line in _lines(text, start):
        stripped = line.strip()
        if not stripped:
            continue
        body = stripped.rstrip("|｜ ")
        if "|" in body or "｜" in body or "\t" in line or len(cells) > _MAX_CELLS:
            break
        at = pos + line.index(stripped)
        if body:
            lo, hi = (at if lo is None else lo), at + len(body)
        pipes = stripped.count("|") + stripped.count("｜")
        if not pipes:
            continue
        if lo is not None:
            cells.append(Cell(lo, hi, text[lo:hi]))
            pipes -= 1
        cells += [Cell(at + len(stripped), at + len(stripped), "")] * pipes
        lo = None
    if lo is not None:
        cells.append(Cell(lo, hi, text[lo:hi]))
    return cells


def _spaced(text: str, start: int) -> list[Cell]:
    """Cells between blanks, the header's words on one line with spaces between them and the rows
    after it the same (the whole form on one line, PDF text): each run of non-blank characters a
    cell; the stream ends at a cell rule, a tab or a word too long to be a cell."""
    cells: list[Cell] = []
    for m in _WORD.finditer(text, start):
        word = m.group()
        if "|" in word or "｜" in word or len(word) > MAX_CELL or len(cells) > _MAX_CELLS:
            break
        if "\t" in text[m.start() - 1 : m.start()]:
            break
        cells.append(Cell(m.start(), m.end(), word))
    return cells


def _blank_separated(text: str, start: int) -> list[Cell]:
    cells: list[Cell] = []
    blanks = 0
    for pos, line in _lines(text, start):
        stripped = line.strip()
        if not stripped:
            blanks += 1
            if blanks > 1 and cells:
                break
            continue
        if "|" in stripped or "｜" in stripped or "\t" in line or len(cells) > _MAX_CELLS:
            break
        blanks = 0
        s = pos + line.index(stripped)
        cells.append(Cell(s, s + len(stripped), stripped))
    return cells
