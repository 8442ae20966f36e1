"""load(): dispatch, .txt reading, and every kind of bad input."""

from __future__ import annotations

import codecs
import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from review.core.errors import DocumentLoadError
from review.load.loader import load
from tests.docbuild import check_invariants, raw_pdf, seed_paths, text_page, txt_to_docx

REPORT = "一、部门基本情况\n\t县级部门整体绩效自评打分表\n\n收入合计 1,234.56 万元，其中：基本支出 1,000 万元。\n"


def expect_error(path: Path, *, max_bytes: int = 20_000_000) -> str:
    """Load must fail; the message is one line naming the file. Returns the reason."""
    with pytest.raises(DocumentLoadError) as info:
        load(path, max_bytes=max_bytes)
    message = str(info.value)
    assert "\n" not in message
    assert path.name in message
    assert info.value.path == str(path)
    return info.value.reason


# --- .txt ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.name[:3])
def test_seed_txt_loads_verbatim(seed: Path) -> None:
    doc = load(seed)
    raw = seed.read_bytes()
    assert doc.text == raw.decode("utf-8")
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.source_format == "txt"
    assert doc.path == str(seed)
    check_invariants(doc)
    lines = [ln for ln in doc.text.split("\n") if ln.strip()]
    if not seed.name.startswith("004"):
        assert doc.table_ids() == []
        assert [doc.text[b.start : b.end] for b in doc.blocks] == lines


def test_seed_004_score_table() -> None:
    (seed,) = [p for p in seed_paths() if p.name.startswith("004")]
    doc = load(seed)
    assert doc.table_ids() == [0]
    rows = [[doc.text[c.start : c.end] for c in row] for row in doc.table_rows(0)]
    assert rows[0] == ["县级部门整体绩效自评打分表"]
    assert rows[1] == ["绩效指标", "指标分值", "指标解释", "计分标准", "评价方式", "评价属性"] + [
        "自评打分",
        "备注",
    ]
    assert rows[2][:7] == ["一级指标", "二级指标", "三级指标", "", "", "", "整体评价"]
    assert rows[3][:4] == ["部门预算项目绩效管理（70分）", "目标管理（40分）", "目标制定", "10"]
    assert rows[-1] == ["部 门 整 体 自 评 得 分", "97"]
    assert len(rows) == 18 and {len(r) for r in rows[2:-2]} == {12}
    # a cell continued over several lines without a TAB keeps all of them
    assert rows[4][5].startswith("1.绩效目标编制科学合理的") and "\n5.评价部门" in rows[4][5]
    paragraphs = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "paragraph"]
    assert paragraphs[-1] == "附件"
    assert not any(p.startswith("\t") for p in paragraphs)


def test_txt_table_cells_match_their_spans(tmp_path: Path) -> None:
    text = "说明\n\n\t项目\n\t\n\t分值\n\n\t产出\n\t第一行\n第二行\n\t50\n\n完\n"
    p = tmp_path / "r.txt"
    p.write_text(text, encoding="utf-8")
    doc = load(p)
    check_invariants(doc)
    cells = {(b.row, b.col): doc.text[b.start : b.end] for b in doc.blocks if b.kind == "cell"}
    assert cells == {
        (0, 0): "项目",
        (0, 1): "",
        (0, 2): "分值",
        (1, 0): "产出",
        (1, 1): "第一行\n第二行",
        (1, 2): "50",
    }


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (REPORT.encode("gbk"), "gbk"),
        (REPORT.encode("gb18030"), "gb18030"),
        (codecs.BOM_UTF8 + REPORT.encode("utf-8"), "utf-8-bom"),
        (REPORT.encode("utf-16"), "utf-16-bom"),
        (codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be"), "utf-16-be-bom"),
        (REPORT.replace("\n", "\r\n").encode("utf-8"), "crlf"),
        (REPORT.replace("\n", "\r").encode("utf-8"), "cr"),
    ],
)
def test_txt_encodings_and_newlines(tmp_path: Path, encoded: bytes, label: str) -> None:
    p = tmp_path / f"{label}.txt"
    p.write_bytes(encoded)
    doc = load(p)
    assert doc.text == REPORT
    assert doc.sha256 == hashlib.sha256(encoded).hexdigest()
    check_invariants(doc)


def test_txt_nul_characters_removed_rest_verbatim(tmp_path: Path) -> None:
    text = "\u3000\u3000预算执行率 98.3%\t（全角：１２３）\n" * 20
    p = tmp_path / "nul.txt"
    p.write_bytes(text.encode("utf-8") + b"\x00" + "结束".encode())
    assert load(p).text == text + "结束"


def test_txt_uppercase_extension(tmp_path: Path) -> None:
    p = tmp_path / "REPORT.TXT"
    p.write_text(REPORT, encoding="utf-8")
    assert load(p).source_format == "txt"


# --- type by content -----------------------------------------------------------------------------


def zip_archive(path: Path) -> Path:
    """A zip archive that is not a Word document."""
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("data/report.csv", "项目,金额\n")
    return path


def renamed(data: bytes, path: Path) -> Path:
    path.write_bytes(data)
    return path


def test_zip_named_pdf(tmp_path: Path) -> None:
    p = renamed(zip_archive(tmp_path / "a.zip").read_bytes(), tmp_path / "report.pdf")
    assert expect_error(p) == "扩展名为 .pdf，但内容是 ZIP 压缩包（不是 PDF）"


def test_a_readable_document_under_another_extension_is_read_by_its_content(tmp_path: Path) -> None:
    assert load(renamed(raw_pdf([text_page("Total 97")]), tmp_path / "report.docx")).source_format == "pdf"
    docx_bytes = txt_to_docx(REPORT, tmp_path / "r.docx").read_bytes()
    assert load(renamed(docx_bytes, tmp_path / "report.txt")).source_format == "docx"
    assert load(renamed(docx_bytes, tmp_path / "report.pdf")).source_format == "docx"
    assert load(renamed(raw_pdf([text_page("Total 97")]), tmp_path / "report.txt")).text == "Total 97"


@pytest.mark.parametrize(
    ("suffix", "reason"),
    [
        (".pdf", "扩展名为 .pdf，但内容是 ZIP 压缩包（不是 PDF）"),
        (".txt", "扩展名为 .txt，但内容是 ZIP 压缩包（不是文本文件）"),
    ],
    ids=["zip-as-pdf", "zip-as-txt"],
)
def test_a_zip_that_is_no_word_document_says_so(tmp_path: Path, suffix: str, reason: str) -> None:
    data = zip_archive(tmp_path / "a.zip").read_bytes()
    assert expect_error(renamed(data, tmp_path / f"report{suffix}")) == reason


def test_content_that_agrees_with_an_uppercase_extension(tmp_path: Path) -> None:
    assert load(renamed(raw_pdf([text_page("Total 97")]), tmp_path / "R.PDF")).text == "Total 97"
    docx_bytes = txt_to_docx(REPORT, tmp_path / "r.docx").read_bytes()
    assert load(renamed(docx_bytes, tmp_path / "R.DOCX")).source_format == "docx"


# --- bad input ----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert "不存在" in expect_error(tmp_path / "nope.txt")


def test_directory(tmp_path: Path) -> None:
    d = tmp_path / "reports.txt"
    d.mkdir()
    assert "文件夹" in expect_error(d)


@pytest.mark.parametrize("suffix", [".xls", ".doc", ""])
def test_unknown_extension(tmp_path: Path, suffix: str) -> None:
    p = tmp_path / f"report{suffix}"
    p.write_text(REPORT, encoding="utf-8")
    reason = expect_error(p)
    assert reason.startswith("不支持的文件类型")
    assert "支持 .txt、.docx、.pdf" in reason
    if suffix:
        assert reason == f"不支持的文件类型 {suffix}（支持 .txt、.docx、.pdf）"


@pytest.mark.parametrize("suffix", [".txt", ".docx", ".pdf"])
def test_empty_file(tmp_path: Path, suffix: str) -> None:
    p = tmp_path / f"empty{suffix}"
    p.write_bytes(b"")
    assert "为空" in expect_error(p)


@pytest.mark.parametrize("content", [b"   \n\r\n\t\n", "\u3000\u3000\n".encode(), b"\n" * 200 + b"\x00"])
def test_whitespace_only_text(tmp_path: Path, content: bytes) -> None:
    p = tmp_path / "blank.txt"
    p.write_bytes(content)
    assert "没有文字" in expect_error(p)


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(range(256)) * 100)
    assert "不是文本文件" in expect_error(p)


def test_nul_heavy_text(tmp_path: Path) -> None:
    p = tmp_path / "utf16-no-bom.txt"
    p.write_bytes("Budget report 2023\n".encode("utf-16-le"))
    assert "不是文本文件" in expect_error(p)


def test_undecodable_text(tmp_path: Path) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes("报告".encode() + b"\xff\xfe\xfd\x80\x80" * 3)
    assert "编码" in expect_error(p)


def test_utf8_with_one_damaged_byte_is_not_read_as_gb18030(tmp_path: Path) -> None:
    data = bytearray((REPORT * 20).encode("utf-8"))
    data[len(data) // 2 : len(data) // 2 + 1] = b"\xff"
    p = tmp_path / "damaged.txt"
    p.write_bytes(bytes(data))
    text = load(p).text
    assert 1 <= text.count("\ufffd") <= 3
    assert text.count("收入合计") >= 19


def test_bad_utf8_after_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(codecs.BOM_UTF8 + "报告".encode("gbk"))
    assert "UTF-8" in expect_error(p)


def test_oversized_file(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_text(REPORT * 10, encoding="utf-8")
    assert "过大" in expect_error(p, max_bytes=100)
    assert load(p, max_bytes=len(p.read_bytes())).text == REPORT * 10


def test_executable_renamed_docx(tmp_path: Path) -> None:
    p = tmp_path / "program.docx"
    p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 20)
    assert "不是有效的 Word 文档" in expect_error(p)


def test_executable_renamed_pdf(tmp_path: Path) -> None:
    p = tmp_path / "program.pdf"
    p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 20)
    assert "不是有效的 PDF" in expect_error(p)


def test_old_binary_doc_renamed_docx(tmp_path: Path) -> None:
    p = tmp_path / "old.docx"
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    assert ".doc" in expect_error(p)


def test_truncated_docx(tmp_path: Path) -> None:
    whole = txt_to_docx(REPORT * 50, tmp_path / "whole.docx").read_bytes()
    p = tmp_path / "truncated.docx"
    p.write_bytes(whole[: len(whole) // 2])
    assert "损坏" in expect_error(p)


def test_zip_without_document_xml(tmp_path: Path) -> None:
    p = tmp_path / "sheet.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    assert "word/document.xml" in expect_error(p)


def test_zip_bomb_docx(tmp_path: Path) -> None:
    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\x00" * 2_000_000)
    size = p.stat().st_size
    assert size < 20_000  # small on disk, 2 MB unpacked
    assert "压缩炸弹" in expect_error(p, max_bytes=100_000)  # unzip limit = 10 × max_bytes


def test_corrupt_docx_xml(tmp_path: Path) -> None:
    good = txt_to_docx(REPORT, tmp_path / "good.docx")
    p = tmp_path / "broken.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(p, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    assert "损坏" in expect_error(p)


def test_encrypted_pdf(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf", reason="pypdf (dev extra) writes the encrypted PDF")
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(raw_pdf([text_page("x")]))))
    writer.encrypt(user_password="secret", owner_password="owner")
    p = tmp_path / "locked.pdf"
    with p.open("wb") as f:
        writer.write(f)
    assert expect_error(p) == "PDF 已加密，无法读取"


def test_pdf_without_text(tmp_path: Path) -> None:
    p = tmp_path / "scan.pdf"
    scanned = b"q 200 0 0 200 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\x80\x80\xff EI Q"
    p.write_bytes(raw_pdf([b"", scanned]))
    assert "无文本层" in expect_error(p)


def test_pdf_of_blank_pages(tmp_path: Path) -> None:
    p = tmp_path / "blank.pdf"
    p.write_bytes(raw_pdf([b"", b"0 0 1 rg 72 72 200 200 re f"]))
    assert expect_error(p) == "PDF 只有空白页，没有文字，请检查是否导出了正确的文件"


def test_corrupt_pdf(tmp_path: Path) -> None:
    p = tmp_path / "corrupt.pdf"
    p.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 10)
    assert "损坏" in expect_error(p)


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = raw_pdf([text_page("page one"), text_page("page two")])
    p = tmp_path / "truncated.pdf"
    p.write_bytes(whole[: len(whole) // 2])
    assert "损坏" in expect_error(p)
