"""Text written one cell a line or a paragraph — a Word or HTML table pasted as text::

    编制数

    2023 年实际在职人数

    控制率

    46

    50

    108.70%

found as runs of cells: consecutive short lines with at most one blank line between two of them.
Which cells form a row is for the reader that knows the header (review.extract.rules.table_columns);
lines in the TAB format are the loader's tables (review.load.texttables)."""

from __future__ import annotations

MAX_CELL = 40  # characters: a longer line is prose, and ends a run of cells

Span = tuple[int, int]


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
