"""Reader for .docx reports (python-docx): body paragraphs and tables in document order.

Canonical text: each paragraph on its own line; each table in the flattened TAB format of
`review.load.texttables` (a "\\t" line per cell, a blank line after each row), so a report saved as
.txt and as .docx gives the same text. Paragraphs that hold a table typed in that format (a "\\t"
paragraph per cell, an empty paragraph after each row) are read as that table, exactly as the same
lines in a .txt.

- The body is walked element by element (w:p, w:tbl, and the content of w:sdt / w:customXml
  wrappers, which `Document.iter_inner_content()` would skip).
- A paragraph's text comes from all its runs, including runs inside hyperlinks, content controls,
  fields and tracked insertions (python-docx's `Paragraph.text` keeps only direct runs and
  hyperlinks). Deleted text (w:delText) is not text; mc:Fallback copies are skipped.
- Cells are read from the w:tc elements themselves: a horizontally merged cell (w:gridSpan) is
  one element and is emitted once; a vertically merged continuation cell (w:vMerge without
  val="restart") holds no text of its own and is emitted as an empty cell. A legacy w:hMerge
  continuation cell without text is skipped.
- A nested table is flattened into its cell's text: one line per nested row, its cells joined by
  "\\t"; the empty paragraph Word requires after it is dropped. Tables nested deeper than
  `MAX_NESTING` levels are left out.
- Automatic numbering ("一、", "（一）") is not part of the text in Word files and is not restored.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from review.core.document import Block
from review.core.errors import DocumentLoadError
from review.load.texttables import TextBuilder

MAX_NESTING = 5
MAIN_PART = "word/document.xml"

_P, _TBL, _TR, _TC = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
_RUNS = etree.XPath(
    ".//w:r[not(ancestor::mc:Fallback)]",
    namespaces={
        "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    },
)
_OPEN_ERRORS = (
    PackageNotFoundError,
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    EOFError,
    etree.XMLSyntaxError,
)


def read_docx(data: bytes, name: str, *, unzipped_limit: int) -> tuple[str, tuple[Block, ...]]:
    """Canonical text and blocks of a .docx given as bytes."""
    check_archive(data, name, unzipped_limit)
    try:
        body = docx.Document(io.BytesIO(data)).element.body
    except _OPEN_ERRORS as e:
        raise DocumentLoadError(
            name, f"Word 文档已损坏或格式不对，无法读取（{type(e).__name__}），请重新保存后再试"
        ) from e
    builder = TextBuilder()
    run: list[str] = []  # the paragraphs since the last table
    for item in _children(body, (_P, _TBL)):
        if item.tag == _P:
            run.append(paragraph_text(item))
            continue
        builder.paragraphs(run)
        run = []
        builder.table(table_rows(item, depth=0))
    builder.paragraphs(run)
    text, blocks = builder.build()
    if not text.strip():
        raise DocumentLoadError(name, "Word 文档没有文字内容")
    return text, blocks


def check_archive(data: bytes, name: str, unzipped_limit: int) -> None:
    """Reject a file that is not a zip with word/document.xml, or that unzips too large."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError) as e:
        raise DocumentLoadError(name, "Word 文档已损坏或不完整（无法解压），请重新保存后再试") from e
    if MAIN_PART not in {info.filename for info in infos}:
        raise DocumentLoadError(name, f"不是 Word 文档（压缩包中没有 {MAIN_PART}）")
    total = sum(info.file_size for info in infos)
    if total > unzipped_limit:
        raise DocumentLoadError(
            name,
            f"解压后过大（{total / 1e6:.1f} MB，上限 {unzipped_limit / 1e6:.1f} MB），可能是压缩炸弹，已拒绝读取",
        )


def is_word_archive(data: bytes) -> bool:
    """Whether the bytes are a zip archive that holds word/document.xml (a damaged one is not)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return MAIN_PART in archive.namelist()
    except (zipfile.BadZipFile, EOFError):
        return False


def _children(parent: etree._Element, tags: tuple[str, ...]) -> Iterator[etree._Element]:
    """Child elements with one of `tags`, looking through w:sdt and w:customXml wrappers."""
    for child in parent.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _children(content, tags)
        elif child.tag == _CUSTOM_XML:
            yield from _children(child, tags)


def paragraph_text(p: etree._Element) -> str:
    """Text of a w:p: every run's text (w:t, tabs, line breaks) in document order."""
    return "".join(run.text or "" for run in _RUNS(p))


def table_rows(tbl: etree._Element, depth: int) -> list[list[str]]:
    """Cell texts of a w:tbl, row by row, one entry per w:tc (merged cells once)."""
    rows: list[list[str]] = []
    for tr in _children(tbl, (_TR,)):
        cells: list[str] = []
        for tc in _children(tr, (_TC,)):
            text = cell_text(tc, depth)
            if text or not _is_hmerge_continuation(tc):
                cells.append(text)
        rows.append(cells)
    return rows


def cell_text(tc: etree._Element, depth: int) -> str:
    """Paragraphs of a cell joined by "\\n"; nested tables flattened to one line per row."""
    lines: list[str] = []
    after_table = False
    for item in _children(tc, (_P, _TBL)):
        if item.tag == _TBL:
            if depth < MAX_NESTING:
                lines.extend("\t".join(cells) for cells in table_rows(item, depth + 1))
            after_table = True
            continue
        text = paragraph_text(item)
        if text or not after_table:  # Word requires an empty paragraph after a nested table
            lines.append(text)
        after_table = False
    return "\n".join(lines)


def _is_hmerge_continuation(tc: etree._Element) -> bool:
    merge = tc.find(f"{qn('w:tcPr')}/{qn('w:hMerge')}")
    return merge is not None and merge.get(qn("w:val")) != "restart"
