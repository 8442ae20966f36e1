"""Test helpers: seed reports, .docx/.pdf versions of them, and the Document invariants.

- `txt_to_docx` turns a seed's canonical text into a .docx: each line outside a TAB table becomes a
  paragraph, each detected TAB table a real Word table. Tables are made rectangular: when a row has
  fewer cells than the widest row, its last cell is merged across the remaining columns
  (w:gridSpan), so the loader emits it once and the table text round-trips exactly. Multi-line
  cell text becomes several paragraphs in the cell.
- `docx_to_pdf` converts with LibreOffice (`libreoffice --headless --convert-to pdf`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import docx
from docx.table import Table

from review.document import Document
from review.texttables import find_tables, split_lines

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
LIBREOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


def seed_paths() -> list[Path]:
    """The seed reports (shared/seeds/*.txt beside the repository)."""
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed reports in {SEEDS}")
    return paths


def seed_text(prefix: str) -> str:
    """Text of the seed whose file name starts with `prefix`, e.g. "004"."""
    (path,) = [p for p in seed_paths() if p.name.startswith(prefix)]
    return path.read_text(encoding="utf-8")


def txt_to_docx(text: str, out: Path) -> Path:
    """Write `text` (canonical .txt form) as a .docx with real tables; return `out`."""
    document = docx.Document()
    lines = split_lines(text)
    tables = {t.first_line: t for t in find_tables(text)}
    i = 0
    while i < len(lines):
        table = tables.get(i)
        if table is None:
            document.add_paragraph(text[lines[i].start : lines[i].end])
            i += 1
            continue
        rows = [[text[s:e] for s, e in row] for row in table.rows]
        table_element = document.add_table(rows=len(rows), cols=max(map(len, rows)))
        table_element.style = "Table Grid"  # ruled, as real reports are; pdfplumber needs lines
        _fill_table(table_element, rows)
        i = table.last_line + 1
    document.save(str(out))
    return out


def _fill_table(table: Table, rows: list[list[str]]) -> None:
    width = len(table.columns)
    for r, cells in enumerate(rows):
        row = table.rows[r]
        if len(cells) < width:
            row.cells[len(cells) - 1].merge(row.cells[width - 1])
        for c, cell_text in enumerate(cells):
            cell = table.cell(r, c)
            first, *more = cell_text.split("\n")
            cell.paragraphs[0].text = first
            for line in more:
                cell.add_paragraph(line)


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
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents "
            + f"{5 + 2 * i} 0 R".encode()
            + b" >>"
        )
        objects.append(
            b"<< /Length "
            + str(len(content)).encode()
            + b" >>\nstream\n"
            + content
            + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)
