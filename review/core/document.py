"""The canonical form of a loaded report: one text, plus blocks whose offsets index that text.

Every later stage works on `Document.text` offsets, so a finding's span can always be shown
verbatim: `doc.text[start:end]`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, model_validator


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def stripped_span(text: str, start: int, end: int) -> tuple[int, int]:
    """`text[start:end]` without its surrounding blanks (a table cell's wording, an indicator's
    name); an all-blank span collapses to its end."""
    raw = text[start:end]
    body = raw.strip()
    if not body:
        return end, end
    lead = len(raw) - len(raw.lstrip())
    return start + lead, start + lead + len(body)


class Block(_Frozen):
    """A paragraph (段落) or one table cell (单元格) of the report, as a span of `Document.text`."""

    kind: Literal["paragraph", "cell"]
    start: int
    end: int
    table: int | None = None
    row: int | None = None
    col: int | None = None
    page: int | None = None

    @model_validator(mode="after")
    def _check(self) -> Block:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")
        if (self.kind == "cell") != (self.table is not None):
            raise ValueError("cells, and only cells, belong to a table")
        return self


class PageIssue(_Frozen):
    """A page whose text could not be read (scan without text layer, broken font)."""

    page: int
    reason: str


class Document(_Frozen):
    """A report as canonical text. `blocks` are in reading order and index `text`."""

    path: str
    sha256: str
    source_format: Literal["txt", "docx", "pdf"]
    text: str
    blocks: tuple[Block, ...] = ()
    unread_pages: tuple[PageIssue, ...] = ()

    def table_rows(self, table: int) -> list[list[Block]]:
        """Cells of one table grouped by row, each row ordered by column."""
        rows: dict[int, list[Block]] = {}
        for b in self.blocks:
            if b.table == table and b.row is not None:
                rows.setdefault(b.row, []).append(b)
        return [sorted(cells, key=lambda c: c.col or 0) for _, cells in sorted(rows.items())]

    def table_ids(self) -> list[int]:
        return sorted({b.table for b in self.blocks if b.table is not None})
