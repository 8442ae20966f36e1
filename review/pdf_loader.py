"""Reader for .pdf reports (pdfplumber).

Per page: doubled glyphs are removed (`dedupe_chars`), ruled tables are found with
`find_tables()`, and the characters outside every table are read as prose lines. Prose lines and
tables are written in vertical order, tables in the flattened TAB format of `review.texttables`.

- One `paragraph` block per visual line: PDF keeps no paragraph structure.
- Table cells: pdfplumber gives None for a grid position covered by a merged cell. A position
  covered by a cell of the same row (horizontal merge) is left out, like the .docx loader emits a
  merged cell once; any other None (vertical merge continuation) is an empty cell.
- A page without characters is recorded as "无文本层（可能为扫描件）", a page with undecodable
  glyphs ("(cid:NNN)") as "字体无法解码"; such a page contributes no text. If no page can be read
  the file is rejected.
- A table broken across pages is two tables.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError
from pdfminer.psexceptions import PSException
from pdfplumber.page import Page
from pdfplumber.table import Table
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from review.document import Block, PageIssue
from review.errors import DocumentLoadError
from review.texttables import TextBuilder

NO_TEXT_LAYER = "无文本层（可能为扫描件）"
UNDECODABLE_FONT = "字体无法解码"
_EDGE = 0.5  # points of tolerance when comparing cell edges

BBox = tuple[float, float, float, float]


def read_pdf(data: bytes, name: str) -> tuple[str, tuple[Block, ...], tuple[PageIssue, ...]]:
    """Canonical text, blocks and unreadable pages of a PDF given as bytes."""
    builder = TextBuilder()
    issues: list[PageIssue] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                issue = _read_page(page, number, builder)
                if issue is not None:
                    issues.append(issue)
    except (PdfminerException, MalformedPDFException, PSException) as e:
        raise DocumentLoadError(name, _reason(e)) from e
    text, blocks = builder.build()
    if not text.strip():
        reasons = "、".join(dict.fromkeys(issue.reason for issue in issues)) or "没有页面"
        raise DocumentLoadError(
            name, f"PDF 没有可读取的文字（{reasons}），请提供带文字层的 PDF 或 Word 文件"
        )
    return text, blocks, tuple(issues)


def _reason(e: Exception) -> str:
    original = e.args[0] if isinstance(e, PdfminerException) and e.args else e
    if isinstance(original, PDFEncryptionError):
        return "PDF 已加密，无法读取"
    return "PDF 文件已损坏，无法读取，请重新导出后再试"


def page_issue(chars: Sequence[dict[str, Any]], number: int) -> PageIssue | None:
    """Why a page's characters cannot be used as text, if they cannot."""
    if not any(str(ch.get("text", "")).strip() for ch in chars):
        return PageIssue(page=number, reason=NO_TEXT_LAYER)
    if any("(cid:" in str(ch.get("text", "")) for ch in chars):
        return PageIssue(page=number, reason=UNDECODABLE_FONT)
    return None


def _read_page(page: Page, number: int, builder: TextBuilder) -> PageIssue | None:
    page = page.dedupe_chars()
    issue = page_issue(page.chars, number)
    if issue is not None:
        return issue
    tables = page.find_tables()
    boxes = [table.bbox for table in tables]
    prose = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    items: list[tuple[float, str | Table]] = [
        (line["top"], line["text"]) for line in prose.extract_text_lines(return_chars=False)
    ]
    items += [(table.bbox[1], table) for table in tables]
    for _, item in sorted(items, key=lambda pair: pair[0]):
        if isinstance(item, str):
            builder.paragraph(item, page=number)
        else:
            builder.table(table_cells(item), page=number)
    return None


def _inside(obj: dict[str, Any], boxes: list[BBox]) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)


def table_cells(table: Table) -> list[list[str]]:
    """Cell texts row by row; horizontally merged positions left out, other gaps empty."""
    texts = table.extract()
    columns = sorted({cell[0] for cell in table.cells})
    rows: list[list[str]] = []
    for row, row_texts in zip(table.rows, texts, strict=True):
        spans = [(box[0], box[2]) for box in row.cells if box is not None]
        cells: list[str] = []
        for x, box, text in zip(columns, row.cells, row_texts, strict=True):
            if box is None and any(x0 + _EDGE < x < x1 - _EDGE for x0, x1 in spans):
                continue
            cells.append(text or "")
        rows.append(cells)
    return rows
