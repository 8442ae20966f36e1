"""Loader stage (读取): a report file (.txt, .docx, .pdf) becomes one canonical `Document`.

`load(path)` reads the bytes once, checks size, sniffs the content and hands the bytes to the
reader for the format found. Every failure is a `DocumentLoadError` with a one-line Chinese
reason; library exceptions are caught narrowly in the format readers and converted there.

Dispatch: the extension must be .txt, .docx or .pdf, and the content decides what the file is:
bytes that start with "%PDF" are a PDF, a zip archive holding word/document.xml is a Word
document, any other zip archive is just that. Content that disagrees with the extension is
rejected with what the file is and what the extension promised ("扩展名为 .pdf，但内容是 ZIP
压缩包（不是 PDF）"), and how to fix it when the content is a supported type. A .docx is opened
as a zip whatever it holds, so that a damaged or non-Word archive gets the Word reader's reason.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
from pathlib import Path
from typing import Literal

from review.core.document import Document
from review.core.errors import DocumentLoadError
from review.load.docx import is_word_archive, read_docx
from review.load.pdf import read_pdf
from review.load.texttables import text_blocks

SUPPORTED = (".txt", ".docx", ".pdf")
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files, and encrypted .docx
_ZIP = (b"PK\x03\x04", b"PK\x05\x06")
_CONTROL_LIMIT = 0.01  # share of control characters above which a "text" file is binary
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # all but \t \n \r
_CONTROL_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_DAMAGE_LIMIT = 0.01  # share of undecodable UTF-8 sequences still read as damaged UTF-8

Format = Literal["txt", "docx", "pdf"]
_FORMATS: dict[str, Format] = {".txt": "txt", ".docx": "docx", ".pdf": "pdf"}
_EXPECTED = {"txt": "文本文件", "docx": " Word 文档", "pdf": " PDF"}  # after 不是
_FOUND = {"pdf": ("PDF 文件", ".pdf"), "docx": ("Word 文档", ".docx"), "zip": ("ZIP 压缩包", "")}


def load(path: str | os.PathLike[str], *, max_bytes: int = 20_000_000) -> Document:
    """Read a report file into its canonical text and blocks.

    Raises DocumentLoadError for an unsupported type, a missing, empty, oversized, corrupt or
    encrypted file, or a file with no readable text. A directory is not expanded here.
    """
    p = Path(path)
    name = str(path)
    ext = p.suffix.lower()
    if ext not in SUPPORTED:
        shown = ext or "（无扩展名）"
        raise DocumentLoadError(name, f"不支持的文件类型 {shown}（支持 .txt、.docx、.pdf）")
    data = _read_bytes(p, name, max_bytes)
    fmt = _sniff(data, ext, name)
    sha = hashlib.sha256(data).hexdigest()
    if fmt == "docx":
        text, blocks = read_docx(data, name, unzipped_limit=10 * max_bytes)
        return Document(path=name, sha256=sha, source_format="docx", text=text, blocks=blocks)
    if fmt == "pdf":
        text, blocks, issues = read_pdf(data, name)
        return Document(
            path=name,
            sha256=sha,
            source_format="pdf",
            text=text,
            blocks=blocks,
            unread_pages=issues,
        )
    text = decode_text(data, name)
    return Document(path=name, sha256=sha, source_format="txt", text=text, blocks=text_blocks(text))


def _read_bytes(p: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes; at most max_bytes are accepted."""
    if p.is_dir():
        raise DocumentLoadError(name, "这是一个文件夹，请指定报告文件")
    try:
        with p.open("rb") as f:
            if os.fstat(f.fileno()).st_size > max_bytes:  # refuse before reading anything
                raise DocumentLoadError(name, f"文件过大（上限 {_mb(max_bytes)}），请拆分或压缩后再试")
            data = f.read(max_bytes + 1)
    except FileNotFoundError:
        raise DocumentLoadError(name, "文件不存在，请检查路径") from None
    except PermissionError:
        raise DocumentLoadError(name, "没有读取该文件的权限") from None
    except OSError as e:
        raise DocumentLoadError(name, f"无法读取文件（{e.strerror or type(e).__name__}）") from e
    if len(data) > max_bytes:
        raise DocumentLoadError(name, f"文件过大（上限 {_mb(max_bytes)}），请拆分或压缩后再试")
    if not data:
        raise DocumentLoadError(name, "文件为空（0 字节）")
    return data


def _mb(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 100_000 else f"{n} 字节"


def _sniff(data: bytes, ext: str, name: str) -> Format:
    """The format to read the bytes as. The content decides: a PDF or Word document under another
    extension is read as what it is (files reach auditors renamed); content that is neither, under
    a .pdf/.docx name or a zip under any name, is refused saying what it really is."""
    wanted: Format = _FORMATS[ext]
    found = _content(data, ext)
    if found == wanted or (found == "zip" and wanted == "docx"):
        return wanted
    if found in ("pdf", "docx"):
        return found
    if found is not None:
        what, fix = _FOUND[found]
        hint = f"，请将扩展名改为 {fix}" if fix else ""
        raise DocumentLoadError(name, f"扩展名为 {ext}，但内容是 {what}（不是{_EXPECTED[wanted]}）{hint}")
    if data.startswith(_OLE2):
        raise DocumentLoadError(name, "这是旧版 .doc 格式或加密的 Word 文档，请取消密码并另存为 .docx 后再试")
    if ext == ".pdf":
        raise DocumentLoadError(name, "不是有效的 PDF 文件（文件头不是 %PDF）")
    if ext == ".docx":
        raise DocumentLoadError(name, "不是有效的 Word 文档（.docx 应为 zip 压缩包）")
    return "txt"


def _content(data: bytes, ext: str) -> Literal["pdf", "docx", "zip"] | None:
    """What the bytes are, if a PDF or a zip archive (a Word document or another zip)."""
    if data.startswith(b"%PDF") or (ext == ".pdf" and b"%PDF-" in data[:1024]):
        return "pdf"
    if data.startswith(_ZIP):
        return "docx" if ext != ".docx" and is_word_archive(data) else "zip"
    return None


def decode_text(data: bytes, name: str) -> str:
    """Decode a text file: UTF-8 (BOM stripped), UTF-16 with BOM, else GB18030 (covers GBK).

    UTF-8 with at most 1% damaged sequences is kept as UTF-8, each damaged byte run becoming
    U+FFFD, instead of being misread as GB18030. Newlines become "\\n" and NUL characters are
    removed; everything else is kept verbatim.
    """
    text = _decode(data, name)
    if len(_CONTROL_CHARS.findall(text)) > _CONTROL_LIMIT * len(text):
        raise DocumentLoadError(name, "不是文本文件（含大量控制字符，可能是二进制文件）")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise DocumentLoadError(name, "文件没有文字内容（只有空白）")
    return text


def _decode(data: bytes, name: str) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8", name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    if len(_CONTROL_BYTES.findall(data)) > _CONTROL_LIMIT * len(data):
        raise DocumentLoadError(name, "不是文本文件（含大量控制字符，可能是二进制文件）")
    raise DocumentLoadError(name, "无法识别文本编码（支持 UTF-8、UTF-16、GB18030/GBK），请另存为 UTF-8 后再试")


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few broken bytes (shown as U+FFFD), rather than GB18030 mojibake.

    GB18030 decodes almost any bytes, so a UTF-8 report with one damaged byte would otherwise
    turn into nonsense. GBK text read as UTF-8 fails on nearly every Chinese character instead.
    """
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd")
    non_ascii = len(_NON_ASCII.findall(text))
    return text if damaged <= _DAMAGE_LIMIT * non_ascii else None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise DocumentLoadError(name, f"文件开头标明为 {encoding.upper()} 编码，但内容无法按该编码解码") from None
