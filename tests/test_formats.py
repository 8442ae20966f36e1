"""One report, three formats: the seeds saved as .txt, .docx and .pdf give the same findings.

The .docx is built from the seed's text with its tables as real Word tables (`txt_to_docx`), the
.pdf from that .docx by LibreOffice. Findings are compared as multisets of (check, severity,
quote without whitespace): offsets differ between formats, and a PDF keeps line wraps inside
table cells as whitespace.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest

from review.core.claims import ScoreTree
from review.core.document import Document
from review.load.loader import load
from review.pipeline import Review, review_document
from tests.docbuild import LIBREOFFICE, build_formats, check_invariants, seed_paths

pytestmark = pytest.mark.slow  # every seed converted by LibreOffice (~25 s)
SEEDS = [p.name[:3] for p in seed_paths()]
FORMATS = ["docx", "pdf"]

Key = tuple[str, str, str]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def finding_keys(review: Review) -> Counter[Key]:
    return Counter((f.check, f.severity, squeeze(f.quote)) for f in review.findings)


@pytest.fixture(scope="module")
def reviews(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Review]]:
    """For each seed: the review of its .txt, .docx and .pdf version."""
    if LIBREOFFICE is None:
        pytest.skip("libreoffice is not on PATH (Debian package libreoffice-writer)")
    out = tmp_path_factory.mktemp("formats")
    result = {}
    for seed in seed_paths():
        from_txt = load(seed)
        docx_path, pdf_path = build_formats(from_txt.text, out, seed.stem)
        result[seed.name[:3]] = {
            "txt": review_document(from_txt),
            "docx": review_document(load(docx_path)),
            "pdf": review_document(load(pdf_path)),
        }
    return result


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_same_findings_as_txt(reviews: dict[str, dict[str, Review]], seed: str, fmt: str) -> None:
    expected, got = reviews[seed]["txt"], reviews[seed][fmt]
    assert got.document.source_format == fmt
    check_invariants(got.document)
    assert got.status == expected.status == "complete"
    assert len(got.findings) == len(expected.findings)
    missing = finding_keys(expected) - finding_keys(got)
    extra = finding_keys(got) - finding_keys(expected)
    assert not missing and not extra, f"only in .txt: {missing}; only in .{fmt}: {extra}"


@pytest.mark.parametrize("fmt", ["txt", *FORMATS])
@pytest.mark.parametrize("seed", SEEDS)
def test_every_quote_is_its_span(reviews: dict[str, dict[str, Review]], seed: str, fmt: str) -> None:
    review = reviews[seed][fmt]
    for f in review.findings:
        assert review.document.text[f.start : f.end] == f.quote, f


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("seed", SEEDS)
def test_same_paragraphs_and_tables(reviews: dict[str, dict[str, Review]], seed: str, fmt: str) -> None:
    """What the findings rest on: the same paragraphs, and tables with the same rows."""
    expected, got = reviews[seed]["txt"].document, reviews[seed][fmt].document
    assert paragraphs(got) == paragraphs(expected)
    assert tables(got) == tables(expected)


def paragraphs(doc: Document) -> list[str]:
    return [squeeze(doc.text[b.start : b.end]) for b in doc.blocks if b.kind == "paragraph"]


def tables(doc: Document) -> list[list[list[str]]]:
    return [[[squeeze(doc.text[c.start : c.end]) for c in row] for row in doc.table_rows(t)] for t in doc.table_ids()]


def score_trees(review: Review) -> list[ScoreTree]:
    return [r for r in review.claims.relations if isinstance(r, ScoreTree) and r.source == "table"]


def form_tree(review: Review) -> ScoreTree:
    """The form's own score tree: the largest (a row's scoring rule adds a small tree of its own)."""
    return max(score_trees(review), key=lambda t: len(t.nodes))


def tree_shape(review: Review) -> list[tuple[str, int]]:
    tree = form_tree(review)
    return [(squeeze(node.name), len(node.children)) for node in tree.nodes]


def test_seed_004_pdf_score_table(reviews: dict[str, dict[str, Review]]) -> None:
    """The scoring table spans pages in the PDF and still gives the report's score tree."""
    from_txt, from_pdf = reviews["004"]["txt"], reviews["004"]["pdf"]
    doc = from_pdf.document
    assert len(doc.table_ids()) == 1
    assert len({b.page for b in doc.blocks if b.kind == "cell"}) > 1  # one table, several pages
    assert tree_shape(from_pdf) == tree_shape(from_txt)
    names = {squeeze(node.name) for node in form_tree(from_pdf).nodes}
    assert {"动态调整", "信息公开", "目标管理", "部门预算项目绩效管理"} <= names
    score = {squeeze(f.quote) for f in from_pdf.findings if f.check == "score"}
    assert score == {"动态调整（15分）", "信息公开（5分）"}
    assert all(f.severity == "high" for f in from_pdf.findings if f.check == "score")
