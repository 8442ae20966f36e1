""".docx reading: seeds round-trip through real Word tables; merged and nested cells; wrappers."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from review.cli import main
from review.core.document import Document
from review.core.errors import DocumentLoadError
from review.load.loader import load
from review.pipeline import review_document
from tests.docbuild import check_invariants, lines_to_docx, seed_paths, txt_to_docx

# A scoring table typed with tabs, one cell a line: an empty cell, a cell continued on a line of
# its own, a score above its weight (数量指标 32 > 30) and a category whose indicators fall short
# of its weight (效益指标 30 > 20).
TAB_TABLE = (
    "附表：项目支出绩效自评表\n"
    "\t一级指标\n\t二级指标\n\t分值\n\t得分\n\n"
    "\t产出指标（50分）\n\t数量指标\n\t30\n\t32\n\n"
    "\t\n\t质量指标\n\t20\n\t18\n\n"
    "\t效益指标（30分）\n\t社会效益\n经济效益\n\t20\n\t20\n\n"
    "说明：以上为自评结果。\n"
)


def rows_of(doc: Document, table: int = 0) -> list[list[str]]:
    return [[doc.text[c.start : c.end] for c in row] for row in doc.table_rows(table)]


def paragraphs_of(doc: Document) -> list[str]:
    return [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"]


def save(document: docx.document.Document, path: Path) -> Path:
    document.save(str(path))
    return path


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_round_trips_through_docx(seed: Path, tmp_path: Path) -> None:
    from_txt = load(seed)
    from_docx = load(txt_to_docx(from_txt.text, tmp_path / f"{seed.stem}.docx"))
    assert from_docx.source_format == "docx"
    check_invariants(from_docx)
    # Identical text, except that the whitespace-only line ending seed 004 (" ", read as the
    # last row's end) comes back as an empty line.
    assert from_docx.text.rstrip() == from_txt.text.rstrip()
    assert paragraphs_of(from_docx) == paragraphs_of(from_txt)
    assert from_docx.table_ids() == from_txt.table_ids()
    for table in from_txt.table_ids():
        assert rows_of(from_docx, table) == rows_of(from_txt, table)
    assert [(b.kind, b.table, b.row, b.col) for b in from_docx.blocks] == [
        (b.kind, b.table, b.row, b.col) for b in from_txt.blocks
    ]


def test_merged_cells(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("表1")
    table = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["A", "B", "C"], ["D", "E", "F"], ["G", "H", "I"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(0, 0).merge(table.cell(0, 1))  # horizontal: one w:tc with gridSpan=2
    table.cell(1, 2).merge(table.cell(2, 2))  # vertical: restart + continuation
    doc = load(save(document, tmp_path / "merged.docx"))
    check_invariants(doc)
    assert rows_of(doc) == [["A\nB", "C"], ["D", "E", "F\nI"], ["G", "H", ""]]
    assert doc.text == "表1\n\tA\nB\n\tC\n\n\tD\n\tE\n\tF\nI\n\n\tG\n\tH\n\t\n"


def test_legacy_hmerge_continuation_is_emitted_once(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=2, cols=3)
    for r, row in enumerate([["合并", "", "C"], ["D", "E", "F"]]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    for c, val in [(0, "restart"), (1, "continue")]:
        tc_pr = table.cell(0, c)._tc.get_or_add_tcPr()
        tc_pr.append(parse_xml(f'<w:hMerge {nsdecls("w")} w:val="{val}"/>'))
    doc = load(save(document, tmp_path / "hmerge.docx"))
    assert rows_of(doc) == [["合并", "C"], ["D", "E", "F"]]


def test_nested_table_is_flattened_into_its_cell(tmp_path: Path) -> None:
    document = docx.Document()
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外层"
    cell = outer.cell(0, 1)
    cell.text = "说明"
    inner = cell.add_table(rows=2, cols=2)
    for r, c, text in [(0, 0, "指标"), (0, 1, "分值"), (1, 0, "产出"), (1, 1, "50")]:
        inner.cell(r, c).text = text
    cell.add_paragraph("尾注")
    doc = load(save(document, tmp_path / "nested.docx"))
    assert rows_of(doc) == [["外层", "说明\n指标\t分值\n产出\t50\n尾注"]]
    assert doc.table_ids() == [0]


def test_nesting_deeper_than_limit_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.text = "层0"
    for depth in range(1, 8):
        cell = cell.add_table(rows=1, cols=1).cell(0, 0)
        cell.text = f"层{depth}"
    doc = load(save(document, tmp_path / "deep.docx"))
    (only,) = rows_of(doc)
    assert only[0].split("\n") == [f"层{d}" for d in range(6)]


def test_runs_in_wrappers_tracked_insertions_tabs_and_breaks(tmp_path: Path) -> None:
    document = docx.Document()
    p = document.add_paragraph("预算")
    p.add_run("执行").add_tab()
    p.add_run("率").add_break()
    p.add_run("98.3%")
    inserted = parse_xml(f'<w:ins {nsdecls("w")} w:id="1" w:author="x"><w:r><w:t>（修订）</w:t></w:r></w:ins>')
    deleted = parse_xml(f'<w:del {nsdecls("w")} w:id="2" w:author="x"><w:r><w:delText>删除</w:delText></w:r></w:del>')
    p._p.append(inserted)
    p._p.append(deleted)
    sdt = parse_xml(
        f"<w:sdt {nsdecls('w')}><w:sdtContent><w:p><w:r><w:t>内容控件中的段落</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    document.element.body.insert(0, sdt)
    doc = load(save(document, tmp_path / "wrapped.docx"))
    check_invariants(doc)
    assert paragraphs_of(doc) == ["内容控件中的段落", "预算执行\t率\n98.3%（修订）"]


def test_automatic_numbering_is_not_text(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("部门基本情况", style="List Number")
    document.add_paragraph("绩效目标", style="List Number")
    doc = load(save(document, tmp_path / "numbered.docx"))
    assert paragraphs_of(doc) == ["部门基本情况", "绩效目标"]


def test_empty_document(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("   ")
    path = save(document, tmp_path / "empty.docx")
    with pytest.raises(DocumentLoadError, match="没有文字内容") as info:
        load(path)
    assert "empty.docx" in str(info.value)


def test_seed_table_is_laid_out_like_a_report(tmp_path: Path) -> None:
    """txt_to_docx: unsplittable rows, narrow number columns, wide text columns, landscape."""
    text = load(next(p for p in seed_paths() if p.name.startswith("004"))).text
    document = docx.Document(str(txt_to_docx(text, tmp_path / "004.docx")))
    (table,) = document.tables
    rows = table._tbl.tr_lst
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
    widths = [column.width for column in table.columns]
    header = [c.text for c in table.rows[2].cells]  # 一级指标 … 自评打分, 备注
    first = [c.text for c in table.rows[3].cells]  # the first indicator row
    assert first[3] == "10" and first[10] == "10" and first[6] == "√"
    wide = min(widths[4], widths[5])  # 指标解释, 计分标准
    assert max(widths[3], widths[6], widths[10]) * 2 < wide, (header, widths)
    assert sum(widths) <= document.sections[-1].page_width  # fits the page
    assert [s.orientation for s in document.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    deduction = [c.text for c in table.rows[-2].cells]  # 扣分项 spans the three indicator levels
    assert deduction[:3] == ["扣分项（10分）"] * 3 and deduction[3] == "10"


def spans(doc: Document) -> list[tuple[str, int, int, int | None, int | None, int | None]]:
    return [(b.kind, b.start, b.end, b.table, b.row, b.col) for b in doc.blocks]


def finding_keys(doc: Document) -> list[tuple[str, str, int, int, str]]:
    return [(f.check, f.severity, f.start, f.end, f.message) for f in review_document(doc).findings]


@pytest.mark.parametrize("text", ["seed 004", TAB_TABLE], ids=["seed-004", "own-table"])
def test_tab_table_typed_as_paragraphs_reads_as_in_the_txt(tmp_path: Path, text: str) -> None:
    """Paragraphs that hold a TAB table line by line give the .txt's text, grid and findings."""
    if text == "seed 004":
        text = load(next(p for p in seed_paths() if p.name.startswith("004"))).text
    txt = tmp_path / "report.txt"
    txt.write_text(text, encoding="utf-8")
    from_txt = load(txt)
    from_docx = load(lines_to_docx(text, tmp_path / "report.docx"))
    check_invariants(from_docx)
    assert from_txt.table_ids() == [0]
    assert from_docx.text == from_txt.text  # automatic numbering plays no part: nothing is missing
    assert spans(from_docx) == spans(from_txt)
    assert rows_of(from_docx) == rows_of(from_txt)
    assert len(finding_keys(from_txt)) >= 2
    assert finding_keys(from_docx) == finding_keys(from_txt)


def test_review_check_gives_seed_004_typed_with_tabs_the_findings_of_its_txt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seed,) = [p for p in seed_paths() if p.name.startswith("004")]
    typed = lines_to_docx(seed.read_text(encoding="utf-8"), tmp_path / "004.docx")
    assert main(["check", str(seed), str(typed), "--format", "json"]) == 0
    from_txt, from_docx = json.loads(capsys.readouterr().out)["documents"]
    keys = [[(f["check"], f["severity"], f["quote"]) for f in doc["findings"]] for doc in (from_txt, from_docx)]
    assert keys[1] == keys[0]
    assert [k[:2] for k in keys[0]].count(("score", "high")) == 2


def test_tab_lines_next_to_a_word_table_and_soft_breaks(tmp_path: Path) -> None:
    """A typed table and a Word table: two tables, numbered in order; a paragraph with a line
    break outside a typed table stays one paragraph."""
    document = docx.Document()
    for line in ["\t甲", "\t1", "", "\t乙", "\t2", "", "表2"]:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "丙", "3"
    document.add_paragraph("第一行").add_run().add_break()
    doc = load(save(document, tmp_path / "mixed.docx"))
    check_invariants(doc)
    assert doc.table_ids() == [0, 1]
    assert rows_of(doc, 0) == [["甲", "1"], ["乙", "2"]]
    assert rows_of(doc, 1) == [["丙", "3"]]
    assert paragraphs_of(doc) == ["表2", "第一行\n"]
