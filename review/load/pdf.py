"""Reader for .pdf reports (pdfplumber).

Per page: doubled glyphs are removed (`dedupe_chars`), ruled tables are found with
`find_tables()`, and the characters outside every table are read as visual lines. Lines and
tables are then joined across wraps and page breaks and written in reading order: a paragraph per
line, tables in the flattened TAB format of `review.load.texttables`, so a report gives the same text
as its .txt and .docx versions up to whitespace.

Paragraphs (PDF keeps none): a visual line continues the line before it when all of these hold:
- the line before reaches the right margin: the room left after it is smaller than the width of
  this line's first unbreakable piece (a CJK character with trailing punctuation, or a whole
  number or word) plus 1.5 characters, so it was wrapped, not ended;
- this line starts at the left margin (indented: a new paragraph), in the same font size;
- on one page, the gap above it is at most the document's usual line gap for that size plus 0.4
  of a character (paragraph spacing ends a paragraph); across a page break, the line before ends
  its page and this one starts the next (page numbers aside).
Margins per page width: left is the leftmost line start, right the rightmost line end but at least
the page width minus the left margin, so a page of short lines is not taken for wrapped text.
Wrapped lines are joined without a space, except between two Latin letters or digits.
Sentence-final punctuation is not used: a sentence may end exactly at a wrap.

Tables: pdfplumber gives None for a grid position covered by a merged cell. A position covered
by a cell of the same row (horizontal merge) is left out, like the .docx loader emits a merged
cell once; any other None (vertical merge continuation) is an empty cell. Line wraps inside a cell
stay "\\n", except that a number broken by a wrap is joined again.
A table that ends its page and one that starts the next page (page numbers aside) are one table
when their left and right edges agree and the column edges of one are among the other's:
- leading rows of the continuation that repeat the table's first rows (repeated header) are
  dropped;
- a row split by the page break is merged back cell by cell ("\\n" between the parts) when the
  first part is a data row and the second only text: both have the same cells, the second has
  no number or check mark cell and text only where the first has text, and the first has a
  number or check mark cell that the second leaves empty (such short cells never wrap over).

Page numbers: a line heading or ending a page that is only a page number ("3", "- 3 -", "第3页")
does not stop a paragraph or table from going on over the page break; it is written after it.

Blank pages: a page with no visible character, no image and no curve (LibreOffice writes a page
holding one space for a trailing paragraph after a page break) is blank: it holds no text and is
not an unread page. Rules and rectangles alone (a frame, an empty grid) do not make a page unread;
curves might be text drawn as outlines, so a page with them is not taken for blank.

Unreadable pages: a page with images (or curves) but no visible characters is recorded as
"无文本层（可能为扫描件）", a page with undecodable glyphs ("(cid:NNN)") as "字体无法解码"; it
contributes no text and nothing continues over it. If no page can be read the file is rejected.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
from pdfplumber.utils.text import chars_to_textmap

from review.core.document import Block, PageIssue
from review.core.errors import DocumentLoadError
from review.load.texttables import TextBuilder

NO_TEXT_LAYER = "无文本层（可能为扫描件）"
UNDECODABLE_FONT = "字体无法解码"
_EDGE = 0.5  # points of tolerance when comparing cell edges
_ALIGN = 2.0  # points of tolerance when comparing the edges of two table parts
_FOLIO = re.compile(r"^[-—–－·\s]*(?:第\s*)?\d+(?:\s*页)?(?:\s*[/／共]\s*\d+\s*页?)?[-—–－·\s]*$")
_NO_LINE_START = set("，。、；：？！）》」』】”’%‰…,.;:?!)]")
_SHORT_VALUE = re.compile(r"^(?:[-+]?\d[\d,]*(?:\.\d+)?%?|[√✓✔×✗])$")
_LATIN = re.compile(r"[A-Za-z0-9]")
_CJK = "\u2e80"  # characters from here on are CJK (and full-width punctuation)

BBox = tuple[float, float, float, float]


@dataclass
class _Line:
    """A paragraph under construction; the geometry is that of its last visual line."""

    text: str
    page: int  # page of the first visual line
    at: int  # page of the last visual line
    width: float  # page width
    box: BBox  # x0, top, x1, bottom
    size: float
    lead: float  # width of the line's first unbreakable piece
    folio: bool = False


@dataclass(frozen=True)
class _Cell:
    x0: float
    x1: float
    text: str


@dataclass
class _Table:
    page: int
    bbox: BBox
    columns: list[float]
    rows: list[list[_Cell]]
    pages: list[int]  # page of each row
    at: int  # the last page the table reaches


_Item = _Line | _Table


def read_pdf(data: bytes, name: str) -> tuple[str, tuple[Block, ...], tuple[PageIssue, ...]]:
    """Canonical text, blocks and unreadable pages of a PDF given as bytes."""
    items: list[_Item | None] = []  # None stands for an unreadable page
    issues: list[PageIssue] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                page_items, issue = _read_page(page, number)
                items += page_items
                if issue is not None:
                    issues.append(issue)
                    items.append(None)
    except (PdfminerException, MalformedPDFException, PSException) as e:
        raise DocumentLoadError(name, _reason(e)) from e
    builder = TextBuilder()
    for item in _assemble(items):
        if isinstance(item, _Line):
            builder.paragraph(item.text, page=item.page)
        else:
            builder.table([[c.text for c in row] for row in item.rows], pages=item.pages)
    text, blocks = builder.build()
    if not text.strip() and not issues:
        raise DocumentLoadError(name, "PDF 只有空白页，没有文字，请检查是否导出了正确的文件")
    if not text.strip():
        reasons = "、".join(dict.fromkeys(issue.reason for issue in issues))
        raise DocumentLoadError(name, f"PDF 没有可读取的文字（{reasons}），请提供带文字层的 PDF 或 Word 文件")
    return text, blocks, tuple(issues)


def _reason(e: Exception) -> str:
    original = e.args[0] if isinstance(e, PdfminerException) and e.args else e
    if isinstance(original, PDFEncryptionError):
        return "PDF 已加密，无法读取"
    return "PDF 文件已损坏，无法读取，请重新导出后再试"


def blank_page(
    chars: Sequence[dict[str, Any]], images: Sequence[dict[str, Any]], curves: Sequence[dict[str, Any]]
) -> bool:
    """Whether a page shows nothing that could hold text: no visible character, image or curve."""
    return not images and not curves and not any(str(ch.get("text", "")).strip() for ch in chars)


def page_issue(chars: Sequence[dict[str, Any]], number: int) -> PageIssue | None:
    """Why a page's characters cannot be used as text, if they cannot."""
    if not any(str(ch.get("text", "")).strip() for ch in chars):
        return PageIssue(page=number, reason=NO_TEXT_LAYER)
    if any("(cid:" in str(ch.get("text", "")) for ch in chars):
        return PageIssue(page=number, reason=UNDECODABLE_FONT)
    return None


def _read_page(page: Page, number: int) -> tuple[list[_Item], PageIssue | None]:
    """Visual lines and table parts of one page, top to bottom."""
    page = page.dedupe_chars()
    if blank_page(page.chars, page.images, page.curves):
        return [], None
    issue = page_issue(page.chars, number)
    if issue is not None:
        return [], issue
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    prose = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[_Item] = [_line(line, number, float(page.width)) for line in prose.extract_text_lines()]
    items += [_table(table, number) for table in tables]
    items.sort(key=lambda item: item.box[1] if isinstance(item, _Line) else item.bbox[1])
    _mark_folios(items)
    return items, None


def _line(line: dict[str, Any], page: int, width: float) -> _Line:
    chars = line["chars"]
    size = Counter(round(float(ch["size"]), 1) for ch in chars).most_common(1)[0][0]
    box = (line["x0"], line["top"], line["x1"], line["bottom"])
    return _Line(line["text"], page, page, width, box, size, _lead(chars))


def _lead(chars: list[dict[str, Any]]) -> float:
    """Width of the first piece of a line that a line break cannot split: a character or a Latin
    run, with the punctuation after it and a Latin run after that ("算，2022")."""

    def skip(i: int, latin: bool) -> int:  # a Latin run ends at a space, shown or not
        while i < len(chars) and (
            " " < chars[i]["text"] < _CJK and chars[i]["x0"] - chars[i - 1]["x1"] < 1
            if latin
            else chars[i]["text"] in _NO_LINE_START
        ):
            i += 1
        return i

    end = skip(1, True) if chars[0]["text"] < _CJK else 1
    if (after := skip(end, False)) > end:
        end = skip(after, True)
    return float(chars[end - 1]["x1"] - chars[0]["x0"])


def _mark_folios(items: list[_Item]) -> None:
    """Page-number lines heading or ending a page."""
    for run in (items, items[::-1]):
        for item in run:
            if not (isinstance(item, _Line) and _FOLIO.match(item.text)):
                break
            item.folio = True


def _inside(obj: dict[str, Any], boxes: list[BBox]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def _table(table: Table, page: int) -> _Table:
    rows = table_cells(table)
    columns = sorted({cell[0] for cell in table.cells} | {table.bbox[2]})
    return _Table(page, table.bbox, columns, rows, pages=[page] * len(rows), at=page)


def table_cells(table: Table) -> list[list[_Cell]]:
    """Cells row by row; horizontally merged positions left out, other gaps empty."""
    columns = sorted({cell[0] for cell in table.cells})
    rows: list[list[_Cell]] = []
    for row in table.rows:
        spans = [(box[0], box[2]) for box in row.cells if box is not None]
        chars = _centred(table.page.chars, row.bbox)
        cells: list[_Cell] = []
        for i, (x, box) in enumerate(zip(columns, row.cells, strict=True)):
            if box is None:
                if any(x0 + _EDGE < x < x1 - _EDGE for x0, x1 in spans):
                    continue
                end = columns[i + 1] if i + 1 < len(columns) else table.bbox[2]
                cells.append(_Cell(x, end, ""))
            else:
                cells.append(_Cell(box[0], box[2], cell_text(_centred(chars, box), box)))
        rows.append(cells)
    return rows


def _centred(chars: Sequence[dict[str, Any]], box: BBox) -> list[dict[str, Any]]:
    x0, top, x1, bottom = box
    return [
        ch for ch in chars if x0 <= (ch["x0"] + ch["x1"]) / 2 < x1 and top <= (ch["top"] + ch["bottom"]) / 2 < bottom
    ]


def cell_text(chars: list[dict[str, Any]], box: BBox) -> str:
    """Text of a cell's characters; wrapped lines joined by "\\n", but numbers kept whole."""
    lines = chars_to_textmap(chars).extract_text_lines() if chars else []
    text = lines[0]["text"] if lines else ""
    for before, line in zip(lines, lines[1:], strict=False):
        first = line["chars"][0]
        room = box[2] - before["x1"] - (before["x0"] - box[0])  # beyond the left padding
        wrapped = room < 1.5 * (first["x1"] - first["x0"])
        split_number = re.search(r"[\d.]$", before["text"]) and re.match(r"[\d.%]", line["text"])
        text += ("" if wrapped and split_number else "\n") + line["text"]
    return text


# --- reading order across lines and pages ---------------------------------------------------------


@dataclass
class _Layout:
    """Margins per page width and the usual gap between two lines of a paragraph per font size."""

    left: dict[float, float]
    right: dict[float, float]
    gap: dict[float, float]

    @classmethod
    def of(cls, items: list[_Item | None]) -> _Layout:
        lines = [item for item in items if isinstance(item, _Line) and not item.folio]
        left: dict[float, float] = {}
        right: dict[float, float] = {}
        for line in lines:
            left[line.width] = min(left.get(line.width, line.box[0]), line.box[0])
            right[line.width] = max(right.get(line.width, line.box[2]), line.box[2])
        for width, x in left.items():
            right[width] = max(right[width], width - x)
        gaps: dict[float, Counter[float]] = {}
        for a, b in zip(items, items[1:], strict=False):
            if isinstance(a, _Line) and isinstance(b, _Line) and a.page == b.page:
                gap = b.box[1] - a.box[3]
                if abs(a.size - b.size) < 0.5 and gap >= -1:
                    gaps.setdefault(a.size, Counter())[round(2 * gap) / 2] += 1
        return cls(left, right, {s: c.most_common(1)[0][0] for s, c in gaps.items()})

    def continues(self, before: _Line, line: _Line) -> bool:
        """Whether `line` wraps on from `before` (see the module docstring)."""
        indent = line.box[0] - self.left[line.width]
        if abs(before.size - line.size) >= 0.5 or indent > line.size / 2:
            return False
        if self.right[before.width] - before.box[2] > line.lead + 1.5 * line.size:
            return False
        if before.at != line.page:
            return True
        gap = line.box[1] - before.box[3]
        return -1 <= gap <= self.gap.get(before.size, gap) + 0.4 * before.size


def _assemble(items: list[_Item | None]) -> list[_Item]:
    """Items in reading order with wrapped lines and page-broken tables joined."""
    layout = _Layout.of(items)
    out: list[_Item] = []
    anchor: _Item | None = None  # the last item that is not a page number
    between = False  # a page number lies between the anchor and the next item
    for item in items:
        if item is None:  # an unreadable page: nothing goes on over it
            anchor = None
        elif isinstance(item, _Line) and item.folio:
            out.append(item)
            between = True
        elif anchor is None or not _joins(anchor, item, layout, between):
            out.append(item)
            anchor, between = item, False
        else:
            between = False
    return out


def _joins(anchor: _Item, item: _Item, layout: _Layout, between: bool) -> bool:
    """Join `item` into `anchor` if it continues it; whether it did."""
    if isinstance(anchor, _Line) and isinstance(item, _Line):
        same_page = anchor.at == item.page and not between
        if not (same_page or anchor.at + 1 == item.page) or not layout.continues(anchor, item):
            return False
        space = " " if _LATIN.match(anchor.text[-1:]) and _LATIN.match(item.text[:1]) else ""
        anchor.text += space + item.text
        anchor.at, anchor.box = item.at, item.box
        return True
    if isinstance(anchor, _Table) and isinstance(item, _Table):
        if anchor.at + 1 != item.page or not _compatible(anchor, item):
            return False
        _extend(anchor, item)
        return True
    return False


def _compatible(a: _Table, b: _Table) -> bool:
    if abs(a.bbox[0] - b.bbox[0]) > _ALIGN or abs(a.bbox[2] - b.bbox[2]) > _ALIGN:
        return False
    fewer, more = sorted((a.columns, b.columns), key=len)
    return all(any(abs(x - y) <= _ALIGN for y in more) for x in fewer)


def _extend(table: _Table, part: _Table) -> None:
    """Append the rows of `part`, which continues `table` on the next page."""
    rows, pages = part.rows, part.pages
    repeated = 0
    while (
        repeated < min(len(rows), len(table.rows))
        and _same_cells(rows[repeated], table.rows[repeated])
        and any(c.text.strip() and not _short(c) for c in rows[repeated])
    ):
        repeated += 1
    rows, pages = rows[repeated:], pages[repeated:]
    if rows and table.rows and _split_row(table.rows[-1], rows[0]):
        table.rows[-1] = [
            _Cell(a.x0, a.x1, "\n".join(t for t in (a.text, b.text) if t))
            for a, b in zip(table.rows[-1], rows[0], strict=True)
        ]
        rows, pages = rows[1:], pages[1:]
    table.rows += rows
    table.pages += pages
    table.at = part.at


def _same_cells(a: list[_Cell], b: list[_Cell]) -> bool:
    return _same_layout(a, b) and all(x.text.split() == y.text.split() for x, y in zip(a, b, strict=True))


def _same_layout(a: list[_Cell], b: list[_Cell]) -> bool:
    return len(a) == len(b) and all(
        abs(x.x0 - y.x0) <= _ALIGN and abs(x.x1 - y.x1) <= _ALIGN for x, y in zip(a, b, strict=True)
    )


def _split_row(first: list[_Cell], rest: list[_Cell]) -> bool:
    """Whether `rest`, heading the next page, is the remainder of the row `first` (see above)."""
    if not _same_layout(first, rest) or any(_short(c) for c in rest):
        return False
    pairs = list(zip(first, rest, strict=True))
    if any(b.text.strip() and not a.text.strip() for a, b in pairs):
        return False
    return any(b.text.strip() for _, b in pairs) and any(_short(a) and not b.text.strip() for a, b in pairs)


def _short(cell: _Cell) -> bool:
    return bool(_SHORT_VALUE.match("".join(cell.text.split())))
