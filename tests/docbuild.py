"""Test helpers: seed reports, .docx/.pdf versions of them, and the Document invariants.

- `txt_to_docx` turns a seed's canonical text into a .docx laid out like a real report: each line
  outside a TAB table becomes a paragraph, each detected TAB table a real Word table.
  - Tables are made rectangular: when a row has fewer cells than the widest row, one of its cells
    is merged across the missing columns (w:gridSpan), so the loader emits it once and the table
    text round-trips exactly; `merged_cell` picks the cell that lines the row up with the columns.
    Multi-line cell text becomes several paragraphs in the cell.
  - Rows may not break across pages (w:trPr/w:cantSplit), as in a report's scoring table.
  - Column widths follow the content (fixed layout): every column is at least `NARROW_EM`
    characters wide (a "√", a two-digit score), and the rest of the width goes to the columns
    with long text (指标解释, 计分标准) in proportion to their longest line, up to `WIDE_CAP_EM`.
    Cell text is set in `TABLE_FONT`.
  - A table too wide for the portrait page gets a landscape section of its own; the text after
    it goes on in portrait (the paragraph right after the table still closes the landscape
    section). A table that ends the report is followed by an empty paragraph, as Word always
    writes one (LibreOffice ignores a section holding nothing but a table).
  - `repeat_header=N` marks the first N rows as header rows that Word and LibreOffice repeat
    on every page (w:tblHeader); `can_split=True` lets rows break across pages;
    `page_numbers=True` puts "- N -" in the footer.
- `lines_to_docx` writes every line as a paragraph instead, TAB tables included, as a report
  whose tables were typed with tabs.
- `docx_to_pdf` converts with LibreOffice (`libreoffice --headless --convert-to pdf`);
  `build_formats` makes both files and converts each text and option set once per test run.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
import shutil
import subprocess
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Inches, Length, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from review.core.document import Document
from review.load.texttables import find_tables, split_lines

SEEDS = Path(__file__).resolve().parents[1] / "eval" / "samples"
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")
TABLE_FONT = Pt(9)
NARROW_EM = 2.0  # minimum column width, in characters of TABLE_FONT
WIDE_CAP_EM = 30.0  # a longer line does not claim more width than this
CELL_PADDING = Pt(10.8)  # Word's default cell margins, 0.19 cm left and right
LANDSCAPE_MARGIN = Inches(0.75)
_BUILT: dict[str, tuple[bytes, bytes]] = {}  # build_formats: .docx and .pdf bytes by input


def seed_paths() -> list[Path]:
    """The seed reports (eval/samples/*.txt)."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed reports in {SEEDS}")
    return paths


def seed_text(prefix: str) -> str:
    """Text of the seed whose file name starts with `prefix`, e.g. "004"."""
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def txt_to_docx(
    text: str,
    out: Path,
    *,
    can_split: bool = False,
    repeat_header: int = 0,
    page_numbers: bool = False,
) -> Path:
    """Write `text` (canonical .txt form) as a .docx with real tables; return `out`."""
    document = docx.Document()
    portrait = document.sections[0]
    if page_numbers:
        _page_number_footer(portrait)
    lines = split_lines(text)
    tables = {t.first_line: t for t in find_tables(text)}
    last: Paragraph | None = None
    closing: Section | None = None  # a landscape section waiting for its last paragraph
    i = 0
    while i < len(lines):
        table = tables.get(i)
        if table is None:
            last = document.add_paragraph(text[lines[i].start : lines[i].end])
            if closing is not None:
                _end_section(last, closing)
                closing = None
            i += 1
            continue
        rows = [[text[s:e] for s, e in row] for row in table.rows]
        width = max(map(len, rows))
        available = _text_width(portrait)
        if _minimum_width(rows, width) > available and closing is None:
            if last is not None:
                _end_section(last, portrait)
            closing = _landscape(document, portrait)
            available = _text_width(closing)
        table_element = document.add_table(rows=len(rows), cols=width)
        table_element.style = "Table Grid"  # ruled, as real reports are; pdfplumber needs lines
        _fill_table(table_element, rows)
        _lay_out(table_element, column_widths(rows, width, available), can_split, repeat_header)
        i = table.last_line + 1
    if tables and lines and max(t.last_line for t in tables.values()) >= len(lines) - 1:
        document.add_paragraph()  # Word's paragraph after a final table (LibreOffice needs it)
    if closing is not None:  # the table ends the report: the body's own section is landscape
        body = document.element.body.get_or_add_sectPr()
        body.getparent().replace(body, closing._sectPr)
    document.save(str(out))
    return out


def lines_to_docx(text: str, out: Path) -> Path:
    """Write `text` as a .docx with one paragraph per line and no Word table: a report whose tables
    were typed with tabs (python-docx writes each "\\t" as a w:tab); return `out`."""
    document = docx.Document()
    for line in split_lines(text):
        document.add_paragraph(text[line.start : line.end])
    document.save(str(out))
    return out


def build_formats(text: str, out: Path, stem: str, **options: Any) -> tuple[Path, Path]:
    """`text` as out/stem.docx (`txt_to_docx` options) and out/stem.pdf.

    A LibreOffice conversion takes seconds, so each one is done once per test run: the files of an
    earlier call with the same text and options are written again from memory.
    """
    key = hashlib.sha256(f"{text}\0{sorted(options.items())}".encode()).hexdigest()
    docx_path, pdf_path = out / f"{stem}.docx", out / f"{stem}.pdf"
    out.mkdir(parents=True, exist_ok=True)
    if key in _BUILT:
        docx_path.write_bytes(_BUILT[key][0])
        pdf_path.write_bytes(_BUILT[key][1])
    else:
        docx_to_pdf(txt_to_docx(text, docx_path, **options), out)
        _BUILT[key] = (docx_path.read_bytes(), pdf_path.read_bytes())
    return docx_path, pdf_path


def _page_number_footer(section: Section) -> None:
    """A centred page number "- N -" (a PAGE field) in the section's footer."""
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run("- ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run, number = OxmlElement("w:r"), OxmlElement("w:t")
    number.text = "1"
    run.append(number)
    field.append(run)
    paragraph._p.append(field)
    paragraph.add_run(" -")


def _text_width(section: Section) -> Length:
    return Length(section.page_width - section.left_margin - section.right_margin)


def _landscape(document: WordDocument, portrait: Section) -> Section:
    """A detached landscape copy of the portrait section's properties."""
    section = Section(copy.deepcopy(portrait._sectPr), document.part)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = portrait.page_height, portrait.page_width
    section.left_margin = section.right_margin = LANDSCAPE_MARGIN
    return section


def _end_section(paragraph: Paragraph, section: Section) -> None:
    """Make `paragraph` the last one of a section with the properties of `section`."""
    pPr = paragraph._p.get_or_add_pPr()
    if pPr.sectPr is None:
        pPr._insert_sectPr(copy.deepcopy(section._sectPr))


def _ems(line: str) -> float:
    """Width of a line in characters of a CJK font (Latin letters and digits count 0.55)."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.55 for ch in line.strip())


def _natural(rows: list[list[str]], width: int) -> list[float]:
    """Longest line per column, over the rows that have a cell in every column."""
    full = [cells for cells in rows if len(cells) == width] or rows
    return [
        max(
            (_ems(line) for cells in full if c < len(cells) for line in cells[c].split("\n")),
            default=0,
        )
        for c in range(width)
    ]


def _minimum_width(rows: list[list[str]], width: int) -> float:
    """Width a table needs to show short labels unwrapped: up to 12 characters per column."""
    em = TABLE_FONT.pt
    return sum(Pt(min(max(n, NARROW_EM), 12) * em) + CELL_PADDING for n in _natural(rows, width))


def column_widths(rows: list[list[str]], width: int, available: int) -> list[int]:
    """Column widths (EMU) that fill at most `available`: narrow ones for numbers, wide for text."""
    em = TABLE_FONT.pt
    base = Pt(NARROW_EM * em) + CELL_PADDING
    wants = [min(max(n - NARROW_EM, 0.0), WIDE_CAP_EM) for n in _natural(rows, width)]
    free = max(available - width * base, 0)
    scale = min(1.0, free / (Pt(sum(wants) * em) or 1))
    return [int(base + Pt(want * em) * scale) for want in wants]


def _kind(text: str) -> str:
    text = "".join(text.split())
    if not text:
        return ""
    if text in {"√", "✓", "×"}:
        return "mark"
    return "number" if re.fullmatch(r"\d+(?:\.\d+)?%?", text) else "text"


def _column_kinds(rows: list[list[str]], width: int) -> list[str]:
    """What the full rows mostly hold in each column: "number", "mark", "text" or ""."""
    full = [cells for cells in rows if len(cells) == width]
    kinds = []
    for c in range(width):
        counts = Counter(k for cells in full if (k := _kind(cells[c])))
        kinds.append(counts.most_common(1)[0][0] if counts else "")
    return kinds


def merged_cell(cells: list[str], kinds: list[str]) -> int:
    """Which cell of a short row spans the missing columns.

    The one that puts most cells in a column holding their kind (a score under the scores, a
    "√" under the marks): "扣分项（10分）" spans 一级/二级/三级指标 so that its weight, texts and
    marks line up. Ties go to the last cell.
    """
    extra = len(kinds) - len(cells)

    def cost(k: int) -> int:
        starts = [c if c <= k else c + extra for c in range(len(cells))]
        return sum(
            bool(_kind(t)) and bool(kinds[s]) and _kind(t) != kinds[s] for t, s in zip(cells, starts, strict=True)
        )

    return min(range(len(cells)), key=lambda k: (cost(k), -k))


def _fill_table(table: Table, rows: list[list[str]]) -> None:
    width = len(table.columns)
    kinds = _column_kinds(rows, width)
    for r, cells in enumerate(rows):
        row = table.rows[r]
        if len(cells) < width:
            k = merged_cell(cells, kinds)
            row.cells[k].merge(row.cells[k + width - len(cells)])
        for cell_text, tc in zip(cells, row._tr.tc_lst, strict=True):
            cell = _Cell(tc, table)
            first, *more = cell_text.split("\n")
            cell.paragraphs[0].add_run(first).font.size = TABLE_FONT
            for line in more:
                cell.add_paragraph().add_run(line).font.size = TABLE_FONT


def _lay_out(table: Table, widths: list[int], can_split: bool, repeat_header: int) -> None:
    """Fixed column widths (w:gridCol and every w:tcW), unsplittable rows, header rows."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Length(width)
    for r, tr in enumerate(table._tbl.tr_lst):
        col = 0
        for tc in tr.tc_lst:
            tc.width = Length(sum(widths[col : col + tc.grid_span]))
            col += tc.grid_span
        flags = (["w:cantSplit"] if not can_split else []) + (["w:tblHeader"] if r < repeat_header else [])
        if flags:
            trPr = tr.get_or_add_trPr()
            for tag in flags:
                if trPr.find(qn(tag)) is None:
                    trPr.append(OxmlElement(tag))


def docx_to_pdf(docx_path: Path, outdir: Path) -> Path:
    """Convert a .docx to PDF with LibreOffice headless (own profile, 180 s timeout)."""
    if LIBREOFFICE is None:
        raise FileNotFoundError("libreoffice is not on PATH")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-home-") as home:
        env = {**os.environ, "HOME": home}
        subprocess.run(
            [
                LIBREOFFICE,
                f"-env:UserInstallation=file://{home}/profile",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=180,
            env=env,
        )
    pdf = outdir / (docx_path.stem + ".pdf")
    if not pdf.is_file():
        raise FileNotFoundError(f"LibreOffice wrote no {pdf.name}")
    return pdf


def check_invariants(doc: Document) -> None:
    """Every block indexes `doc.text`, in order, without overlap; cells carry table positions."""
    previous_end = 0
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text), block
        assert block.start >= previous_end, f"block {block} overlaps or is out of order"
        previous_end = block.end
        if block.kind == "cell":
            assert None not in (block.table, block.row, block.col), block
            assert doc.text[block.start - 1] == "\t", block
        else:
            assert doc.text[block.start : block.end].strip(), block
    for table in doc.table_ids():
        rows = doc.table_rows(table)
        for cells in rows:
            assert [c.col for c in cells] == list(range(len(cells))), cells


HELVETICA = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# A CID font with Identity-H encoding and no ToUnicode map: its glyphs cannot be decoded.
CID_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H "
    b"/DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /NoMap /Flags 4 "
    b"/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 1000 /Descent 0 /CapHeight 1000 "
    b"/StemV 80 >> /DW 1000 >>] >>"
)


def text_page(text: str) -> bytes:
    """Content stream showing one line of ASCII text in font /F1."""
    return b"BT /F1 12 Tf 72 720 Td (" + text.encode("ascii") + b") Tj ET"


def raw_pdf(pages: list[bytes], font: bytes = HELVETICA) -> bytes:
    """A minimal valid PDF (correct xref) with one page per content stream; /F1 is `font`."""
    n = len(pages)
    kids = " ".join(f"{4 + 2 * i} 0 R" for i in range(n)).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count " + str(n).encode() + b" >>",
        font,
    ]
    for i, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents " + f"{5 + 2 * i} 0 R".encode() + b" >>"
        )
        objects.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
