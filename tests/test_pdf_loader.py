""".pdf reading: hand-made PDFs for page problems, LibreOffice PDFs of the seeds for content."""

from __future__ import annotations

import io
import re
from collections import Counter
from pathlib import Path

import docx
import pytest

from review.document import Document
from review.errors import DocumentLoadError
from review.loader import load
from review.pdf_loader import NO_TEXT_LAYER, UNDECODABLE_FONT, page_issue
from tests.docbuild import (
    CID_FONT,
    LIBREOFFICE,
    check_invariants,
    docx_to_pdf,
    raw_pdf,
    seed_paths,
    text_page,
    txt_to_docx,
)

needs_libreoffice = pytest.mark.skipif(
    LIBREOFFICE is None, reason="libreoffice is not on PATH (Debian package libreoffice-writer)"
)
CID_PAGE = b"BT /F1 12 Tf 72 720 Td <00010002> Tj ET"


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def prose(doc: Document) -> str:
    return squeeze("".join(doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"))


def cells(doc: Document) -> list[str]:
    return [squeeze(doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "cell"]


# --- hand-made PDFs -------------------------------------------------------------------------------


def test_blank_page_is_reported_and_other_pages_read(tmp_path: Path) -> None:
    p = tmp_path / "mixed.pdf"
    p.write_bytes(raw_pdf([text_page("Budget 100"), b"", text_page("Score 97")]))
    doc = load(p)
    check_invariants(doc)
    assert doc.source_format == "pdf"
    assert doc.text == "Budget 100\nScore 97"
    assert [b.page for b in doc.blocks] == [1, 3]
    assert [(i.page, i.reason) for i in doc.unread_pages] == [(2, NO_TEXT_LAYER)]


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
        pdf = docx_to_pdf(txt_to_docx(from_txt.text, out / f"{seed.stem}.docx"), out)
        loaded[seed.name[:3]] = (from_txt, load(pdf))
    return loaded


@needs_libreoffice
@pytest.mark.parametrize("seed", [p.name[:3] for p in seed_paths()])
def test_seed_pdf_has_the_same_prose_and_cell_text(
    seed_pdfs: dict[str, tuple[Document, Document]], seed: str
) -> None:
    from_txt, from_pdf = seed_pdfs[seed]
    check_invariants(from_pdf)
    assert from_pdf.unread_pages == ()
    assert all(b.page is not None for b in from_pdf.blocks)
    # Line wrapping differs; the characters, in order, do not.
    assert prose(from_pdf) == prose(from_txt)
    assert Counter("".join(cells(from_pdf))) == Counter("".join(cells(from_txt)))


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
    first = [
        [squeeze(from_pdf.text[c.start : c.end]) for c in row] for row in from_pdf.table_rows(0)
    ]
    assert first[0] == ["县级部门整体绩效自评打分表"]
    assert first[1] == ["绩效指标", "指标分值", "指标解释", "计分标准", "评价方式", "评价属性"] + [
        "自评打分",
        "备注",
    ]
    last = from_pdf.table_rows(from_pdf.table_ids()[-1])[-1]
    assert [squeeze(from_pdf.text[c.start : c.end]) for c in last] == ["部门整体自评得分", "97"]
    # the table comes after the prose that precedes it in the report
    assert from_pdf.text.index("附件") < from_pdf.text.index("\t县级部门整体绩效自评打分表")


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
    assert [[from_docx.text[c.start : c.end] for c in row] for row in from_docx.table_rows(0)] == (
        expected
    )
    assert [[from_pdf.text[c.start : c.end] for c in row] for row in from_pdf.table_rows(0)] == (
        expected
    )
    assert from_pdf.text == from_docx.text
