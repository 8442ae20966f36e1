"""Split a document into chunks for the model, keeping exact offsets into `Document.text`.

langchain-text-splitters finds each chunk's start by searching, which can be -1 or land on an
earlier repeat; every start is verified (`text[start:end] == chunk`) and searched again from the
previous chunk when wrong."""

from __future__ import annotations

from langchain_text_splitters import RecursiveCharacterTextSplitter
from pydantic import BaseModel, ConfigDict

from review.core.document import Document
from review.core.errors import ReviewError

SEPARATORS = ["\n\n", "\n", "。", "；", "，", ""]


class Chunk(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    index: int
    start: int
    end: int
    text: str


def chunk(doc: Document, *, size: int = 1200, overlap: int = 100) -> list[Chunk]:
    splitter = RecursiveCharacterTextSplitter(
        chunk_size=size, chunk_overlap=overlap, separators=SEPARATORS, keep_separator="end", add_start_index=True
    )
    out: list[Chunk] = []
    floor = 0
    for piece in splitter.create_documents([doc.text]):
        content = piece.page_content
        start = int(piece.metadata.get("start_index", -1))
        if start < floor - overlap or doc.text[start : start + len(content)] != content:
            start = doc.text.find(content, max(0, floor - len(content)))
        if start < 0:
            raise ReviewError(f"{doc.path}: 分块无法定位原文位置（块 {len(out)}）")
        out.append(Chunk(index=len(out), start=start, end=start + len(content), text=content))
        floor = start + 1
    return out
