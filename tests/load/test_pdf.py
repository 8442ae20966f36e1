""".pdf reading: hand-made PDFs for page problems and line joining, LibreOffice PDFs of the seeds
for content, tables across pages and page numbers."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import docx
import pytest
from pdfminer.fontmetrics import FONT_METRICS

from review.core.document import Document
from review.core.errors import DocumentLoadError
from review.load.loader import load
from review.load.pdf import NO_TEXT_LAYER, UNDECODABLE_FONT, blank_page, page_issue
from review.pipeline import review_document
from tests.docbuild import (
    CID_FONT,
    LIBREOFFICE,
    build_formats,
    check_invariants,
    docx_to_pdf,
    raw_pdf,
    seed_paths,
    text_page,
)

needs_libreoffice = pytest.mark.skipif(
    LIBREOFFICE is None, reason="libreoffice is not on PATH (Debian package libreoffice-writer)"
)
CID_PAGE = b"BT /F1 12 Tf 72 720 Td <00010002> Tj ET"
# A page that is only a picture (an inline 2×2 grey image scaled up), like a scanned page.
IMAGE_PAGE = b"q 200 0 0 200 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\x80\x80\xff EI Q"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def prose(doc: Document) -> str:
    return squeeze("".join(doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"))


def cells(doc: Document) -> list[str]:
    return [squeeze(doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "cell"]


def paragraphs(doc: Document) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"]


def table_texts(doc: Document) -> list[list[list[str]]]:
    return [[[squeeze(doc.text[c.start : c.end]) for c in row] for row in doc.table_rows(t)] for t in doc.table_ids()]


# --- hand-made PDFs -------------------------------------------------------------------------------


def test_scanned_page_is_reported_and_other_pages_read(tmp_path: Path) -> None:
    p = tmp_path / "mixed.pdf"
    p.write_bytes(raw_pdf([text_page("Budget 100"), IMAGE_PAGE, text_page("Score 97")]))
    doc = load(p)
    check_invariants(doc)
    assert doc.source_format == "pdf"
    assert doc.text == "Budget 100\nScore 97"
    assert [b.page for b in doc.blocks] == [1, 3]
    assert [(i.page, i.reason) for i in doc.unread_pages] == [(2, NO_TEXT_LAYER)]


@pytest.mark.parametrize(
    "blank",
    [b"", b"BT /F1 12 Tf 72 720 Td ( ) Tj ET", b"0 0 1 rg 72 72 200 200 re f"],
    ids=["empty", "one-space", "rectangle"],
)
def test_blank_page_is_neither_read_nor_unread(tmp_path: Path, blank: bytes) -> None:
    p = tmp_path / "blank.pdf"
    p.write_bytes(raw_pdf([text_page("Budget 100"), blank, text_page("Score 97")]))
    doc = load(p)
    assert doc.text == "Budget 100\nScore 97"
    assert [b.page for b in doc.blocks] == [1, 3]
    assert doc.unread_pages == ()


def test_blank_page_classification() -> None:
    space, letter, image, curve = [{"text": " "}], [{"text": "预"}], [{"name": "Im0"}], [{"pts": []}]
    assert blank_page([], [], [])
    assert blank_page(space, [], [])
    assert not blank_page(letter, [], [])
    assert not blank_page(space, image, [])  # a scan
    assert not blank_page([], [], curve)  # text drawn as outlines, a chart: not known to be empty


@pytest.mark.slow  # a LibreOffice conversion
@needs_libreoffice
def test_trailing_blank_page_from_libreoffice_leaves_the_review_complete(tmp_path: Path) -> None:
    """A Word page break before a last paragraph of one space: LibreOffice writes a page holding
    only that space (as in the PDF of seed 004 written one paragraph per line)."""
    document = docx.Document()
    document.add_paragraph("2023年度部门预算收入总额801.86万元，支出总额801.86万元。")
    document.add_paragraph(" ").paragraph_format.page_break_before = True
    source = tmp_path / "trailing.docx"
    document.save(str(source))
    pdf = docx_to_pdf(source, tmp_path)
    assert len(load_pages(pdf)) == 2
    doc = load(pdf)
    assert paragraphs(doc) == ["2023年度部门预算收入总额801.86万元，支出总额801.86万元。"]
    assert doc.unread_pages == ()
    review = review_document(doc)
    assert review.status == "complete"
    assert review.notes == ()


def test_undecodable_font_page_is_reported(tmp_path: Path) -> None:
    p = tmp_path / "cid-page.pdf"
    p.write_bytes(raw_pdf([CID_PAGE, text_page("Score 97")]))  # Helvetica has no glyph 0x0001
    doc = load(p)
    assert doc.text == "Score 97"
    assert [(i.page, i.reason) for i in doc.unread_pages] == [(1, UNDECODABLE_FONT)]


def test_pdf_whose_font_cannot_be_decoded(tmp_path: Path) -> None:
    p = tmp_path / "cid.pdf"
    p.write_bytes(raw_pdf([CID_PAGE, CID_PAGE], font=CID_FONT))
    with pytest.raises(DocumentLoadError, match=UNDECODABLE_FONT) as info:
        load(p)
    assert "cid.pdf" in str(info.value)


def test_page_issue_classification() -> None:
    def reason(chars: list[dict[str, str]]) -> str | None:
        issue = page_issue(chars, 7)
        return None if issue is None else f"{issue.page}:{issue.reason}"

    assert reason([]) == f"7:{NO_TEXT_LAYER}"
    assert reason([{"text": " "}, {"text": "\u3000"}]) == f"7:{NO_TEXT_LAYER}"
    assert reason([{"text": "预"}, {"text": "(cid:12)"}]) == f"7:{UNDECODABLE_FONT}"
    assert reason([{"text": "预"}, {"text": "算"}]) is None


def test_pdf_protected_only_by_owner_password_is_read(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (dev extra) writes the encrypted PDF")
    reader = pypdf.PdfReader(io.BytesIO(raw_pdf([text_page("Score 97")])))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password="", owner_password="owner")
    p = tmp_path / "owner-only.pdf"
    with p.open("wb") as f:
        writer.write(f)
    assert load(p).text == "Score 97"


# --- seeds through .docx and LibreOffice ------------------------------------------------------


@pytest.fixture(scope="module")
def seed_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Document, Document]]:
    """For each seed: (document loaded from .txt, document loaded from the LibreOffice PDF)."""
    if LIBREOFFICE is None:
        pytest.skip("libreoffice is not on PATH (Debian package libreoffice-writer)")
    out = tmp_path_factory.mktemp("seed-pdf")
    loaded = {}
    for seed in seed_paths():
        from_txt = load(seed)
        _, pdf = build_formats(from_txt.text, out, seed.stem)
        loaded[seed.name[:3]] = (from_txt, load(pdf))
    return loaded


@pytest.mark.slow  # a LibreOffice conversion
@needs_libreoffice
@pytest.mark.parametrize("seed", [p.name[:3] for p in seed_paths()])
def test_seed_pdf_has_the_same_prose_and_cell_text(seed_pdfs: dict[str, tuple[Document, Document]], seed: str) -> None:
    from_txt, from_pdf = seed_pdfs[seed]
    check_invariants(from_pdf)
    assert from_pdf.unread_pages == ()
    assert all(b.page is not None for b in from_pdf.blocks)
    # Line wrapping differs; the characters, in order, do not. Wrapped lines are joined again.
    assert prose(from_pdf) == prose(from_txt)
    assert [squeeze(p) for p in paragraphs(from_pdf)] == [squeeze(p) for p in paragraphs(from_txt)]
    assert Counter("".join(cells(from_pdf))) == Counter("".join(cells(from_txt)))


@pytest.mark.slow  # a LibreOffice conversion
@needs_libreoffice
def test_seed_004_pdf_score_table(seed_pdfs: dict[str, tuple[Document, Document]]) -> None:
    from_txt, from_pdf = seed_pdfs["004"]
    pdf_cells = cells(from_pdf)
    numbers = Counter(c for c in pdf_cells if re.fullmatch(r"\d+", c))
    assert numbers == Counter(c for c in cells(from_txt) if re.fullmatch(r"\d+", c))
    assert numbers["97"] == 1 and numbers["10"] >= 10
    for header in [
        "指标分值",
        "自评打分",
        "目标管理（40分）",
        "部门整体自评得分",
        "扣分项（10分）",
    ]:
        assert header in pdf_cells
    # merged cells: rows are as wide as in the text (a merged cell counts once)
    first = [[squeeze(from_pdf.text[c.start : c.end]) for c in row] for row in from_pdf.table_rows(0)]
    assert first[0] == ["县级部门整体绩效自评打分表"]
    assert first[1] == ["绩效指标", "指标分值", "指标解释", "计分标准", "评价方式", "评价属性"] + [
        "自评打分",
        "备注",
    ]
    # the table runs over several pages and is read as one table, row for row
    assert table_texts(from_pdf) == table_texts(from_txt)
    assert len({b.page for b in from_pdf.blocks if b.kind == "cell"}) > 1
    last = from_pdf.table_rows(from_pdf.table_ids()[-1])[-1]
    assert [squeeze(from_pdf.text[c.start : c.end]) for c in last] == ["部门整体自评得分", "97"]
    # the table comes after the prose that precedes it in the report
    assert from_pdf.text.index("附件") < from_pdf.text.index("\t县级部门整体绩效自评打分表")


@pytest.mark.slow  # a LibreOffice conversion
@needs_libreoffice
def test_vertical_and_horizontal_merges_in_pdf(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("合并单元格")
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    table.cell(0, 0).merge(table.cell(1, 0))
    table.cell(2, 1).merge(table.cell(2, 2))
    for r, c, text in [(0, 0, "A"), (0, 1, "B"), (0, 2, "C"), (1, 1, "E"), (1, 2, "F")]:
        table.cell(r, c).text = text
    table.cell(2, 0).text = "G"
    table.cell(2, 1).text = "H"
    document.add_paragraph("表后")
    source = tmp_path / "merged.docx"
    document.save(str(source))
    from_docx = load(source)
    from_pdf = load(docx_to_pdf(source, tmp_path))
    check_invariants(from_pdf)
    expected = [["A", "B", "C"], ["", "E", "F"], ["G", "H"]]
    assert [[from_docx.text[c.start : c.end] for c in row] for row in from_docx.table_rows(0)] == (expected)
    assert [[from_pdf.text[c.start : c.end] for c in row] for row in from_pdf.table_rows(0)] == (expected)
    assert from_pdf.text == from_docx.text


@pytest.mark.slow  # a LibreOffice conversion
@needs_libreoffice
def test_split_rows_repeated_headers_and_page_numbers(tmp_path: Path) -> None:
    """Seed 004 with rows that break across pages, the title and header rows repeated on every
    page and page numbers in the footer: still the text's one table, row for row."""
    from_txt = load(next(p for p in seed_paths() if p.name.startswith("004")))
    options = {"can_split": True, "repeat_header": 3, "page_numbers": True}
    _, pdf = build_formats(from_txt.text, tmp_path, "004-split", **options)
    from_pdf = load(pdf)
    check_invariants(from_pdf)
    assert table_texts(from_pdf) == table_texts(from_txt)
    pages = {b.page for b in from_pdf.blocks if b.kind == "cell"}
    assert len(pages) > 2
    numbers = [p for p in paragraphs(from_pdf) if re.fullmatch(r"- \d+ -", p)]
    assert len(numbers) == len(load_pages(pdf))
    body = [squeeze(p) for p in paragraphs(from_pdf) if p not in numbers]
    assert body == [squeeze(p) for p in paragraphs(from_txt)]


def load_pages(pdf: Path) -> list[int]:
    import pdfplumber

    with pdfplumber.open(pdf) as document:
        return [page.page_number for page in document.pages]


@pytest.mark.slow  # a LibreOffice conversion
@needs_libreoffice
def test_number_wrapped_in_a_narrow_cell_stays_whole(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, [40, 40, 200], strict=True):
        column.width = docx.shared.Pt(width)
        column.cells[0].width = docx.shared.Pt(width)
    table.cell(0, 0).text = "6024.595024"  # wider than its column: wrapped inside the number
    table.cell(0, 1).text = "10"
    table.cell(0, 1).add_paragraph("20")  # two paragraphs: two lines, not one number
    table.cell(0, 2).text = "金额"
    document.add_paragraph("表后")
    source = tmp_path / "narrow.docx"
    document.save(str(source))
    from_pdf = load(docx_to_pdf(source, tmp_path))
    assert [from_pdf.text[c.start : c.end] for c in from_pdf.table_rows(0)[0]] == [
        "6024.595024",
        "10\n20",
        "金额",
    ]


# --- paragraphs from visual lines (hand-made PDFs, Helvetica 12 pt, page 612 pt wide) -------------

WORDS = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()


def width(text: str) -> float:
    return sum(FONT_METRICS["Helvetica"][1][ch] for ch in text) * 12 / 1000


def full_line(tag: str) -> str:
    """Words after `tag` up to about 6 pt short of the 468 pt between margins 72 and 540."""
    line = tag
    for word in WORDS * 5:
        if width(f"{line} {word}") > 468:
            return line
        line = f"{line} {word}"
    raise AssertionError("unreachable")


def lines_page(lines: list[tuple[float, float, str]]) -> bytes:
    """A content stream with a line of text at each (x, baseline y, text)."""
    return b"\n".join(f"BT /F1 12 Tf {x} {y} Td ({text}) Tj ET".encode("ascii") for x, y, text in lines)


def test_wrapped_lines_become_one_paragraph(tmp_path: Path) -> None:
    a1, c1, c2, e1 = full_line("A1"), full_line("C1"), full_line("C2"), full_line("E1")
    page = lines_page(
        [
            (72, 720, a1),
            (72, 706, "A2 ends here."),  # after a full line: the same paragraph
            (72, 692, "B1 heading"),  # after a short line: a new paragraph
            (72, 678, c1),
            (72, 664, c2),
            (72, 640, "D1 after paragraph spacing"),  # a larger gap: a new paragraph
            (72, 626, e1),
            (96, 612, "E2 indented"),  # indented: a new paragraph
        ]
    )
    p = tmp_path / "lines.pdf"
    p.write_bytes(raw_pdf([page]))
    doc = load(p)
    check_invariants(doc)
    assert paragraphs(doc) == [
        f"{a1} A2 ends here.",
        "B1 heading",
        f"{c1} {c2}",
        "D1 after paragraph spacing",
        e1,
        "E2 indented",
    ]


def test_paragraph_goes_on_over_a_page_break_past_page_numbers(tmp_path: Path) -> None:
    first, short = full_line("P1"), "P2 goes on."
    pages = [
        lines_page([(72, 720, "Title"), (72, 100, first), (290, 40, "- 1 -")]),
        lines_page([(290, 760, "2"), (72, 720, short), (72, 700, "Q1 next.")]),
        IMAGE_PAGE,  # unreadable: nothing goes on over it
        lines_page([(72, 720, "R1 after the gap.")]),
    ]
    p = tmp_path / "pages.pdf"
    p.write_bytes(raw_pdf([pages[0], pages[1], pages[0], pages[2], pages[3]]))
    doc = load(p)
    check_invariants(doc)
    assert paragraphs(doc) == [
        "Title",
        f"{first} P2 goes on.",
        "- 1 -",
        "2",
        "Q1 next.",
        "Title",
        first,
        "- 1 -",
        "R1 after the gap.",
    ]
    assert [b.page for b in doc.blocks] == [1, 1, 1, 2, 2, 3, 3, 3, 5]
