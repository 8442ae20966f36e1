"""How before.json.xz was made — run once, at commit 042c241, with the renderer of that commit.

It holds the reviews (Review.model_dump) of the five seeds in eval/samples plus one synthetic review
that fills what the seeds leave empty (unread pages, unread text, a model chunk with run costs),
and what review.present.render printed for them then: `to_json` (with and without errors) and
`to_jsonl_line` (documents, cached or not, and an error line). tests/present/test_contract.py renders the
stored reviews with today's code and compares key by key. Do not re-run this to "update" the
fixture: it is the contract's past, which later output may only add to.

Run from the repository root: `PYTHONPATH=. python tests/data/contract/capture_before.py`.
"""

from __future__ import annotations

import json
import lzma
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from review.batch import Outcome
from review.core.claims import Claims, Quantity, SumRelation, Unread
from review.core.document import Document, PageIssue
from review.core.findings import Finding, Value
from review.load.loader import load
from review.pipeline import ChunkOutcome, Review, review_document
from review.present.render import to_json, to_jsonl_line

OUT = Path("tests/data/contract/before.json.xz")
ERROR = {"path": "/no/such.txt", "error": "/no/such.txt: 文件不存在，请检查路径"}


def synthetic() -> Review:
    text = "2023年项目支出合计100万元，其中A 40万元、B 50万元。\n第二行表格 | 1 | 2 |\n"

    def money(qid: str, at: str, label: str = "") -> Quantity:
        start = text.index(at)
        return Quantity(
            id=qid,
            text=at,
            start=start,
            end=start + len(at),
            value=Decimal(at.removesuffix("万元")),
            unit="万元",
            decimals=0,
            label=label,
            label_start=text.index(label) if label else -1,
        )

    q1, q2, q3 = money("q1", "100万元", "项目支出"), money("q2", "40万元"), money("q3", "50万元")
    u = text.index("第二行")
    claims = Claims(
        quantities=(q1, q2, q3),
        relations=(SumRelation(total="q1", items=("q2", "q3")),),
        period=2023,
        unread=(Unread(start=u, end=len(text) - 1, reason="表格行的数字有多种读法"),),
    )
    finding = Finding(
        id="F1",
        check="sum",
        severity="high",
        message="合计与分项之和不符",
        start=q1.label_start,
        end=q1.end,
        quote=text[q1.label_start : q1.end],
        stated=Value(display="100万元", lo="99.5", hi="100.5", unit="万元"),
        computed=Value(display="90万元", unit="万元"),
        trace="40 + 50 = 90",
        rule="sum_items",
        related=((q2.start, q2.end), (q3.start, q3.end)),
        fingerprint="0123456789abcdef",
    )
    chunk = ChunkOutcome(
        start=0,
        end=len(text),
        status="failed",
        reason="模型超时",
        claims=2,
        ungrounded=("q9",),
        rejected=("r1",),
        invalid=1,
        requests=3,
        cache_hits=1,
        tokens_in=10,
        tokens_out=20,
        seconds=1.5,
    )
    doc = Document(
        path="synthetic.pdf",
        sha256="1" * 64,
        source_format="pdf",
        text=text,
        unread_pages=(PageIssue(page=2, reason="扫描页，没有文字层"),),
    )
    return Review(
        document=doc,
        claims=claims,
        findings=(finding,),
        status="incomplete",
        extractor="hybrid",
        period=2023,
        rubric="财政项目",
        rubric_note="命令行指定",
        chunks=(chunk,),
        notes=("第2页未读取：扫描页，没有文字层",),
    )


def main() -> None:
    seeds = [review_document(load(str(p))) for p in sorted(Path("eval/samples").glob("*.txt"))]
    reviews = [*seeds, synthetic()]
    before = {
        "json": to_json(reviews),
        "json_with_errors": to_json(reviews[:1], [ERROR]),
        "jsonl": [to_jsonl_line(Outcome(r.document.path, review=r, cached=i % 2 == 1)) for i, r in enumerate(reviews)],
        "jsonl_error": to_jsonl_line(Outcome(ERROR["path"], error=ERROR["error"])),
        "reviews": [r.model_dump(mode="json") for r in reviews],
    }
    # the functions print what the command line prints
    cli = [sys.executable, "-m", "review", "check", "eval/samples", "--format"]
    assert subprocess.run([*cli, "json"], capture_output=True, text=True).stdout == to_json(seeds)
    lines = subprocess.run([*cli, "jsonl"], capture_output=True, text=True).stdout.splitlines()
    assert lines == [to_jsonl_line(Outcome(r.document.path, review=r)) for r in seeds]
    raw = json.dumps(before, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
    OUT.write_bytes(lzma.compress(raw, preset=9 | lzma.PRESET_EXTREME))
    again = [Review.model_validate(d) for d in json.loads(lzma.decompress(OUT.read_bytes()))["reviews"]]
    assert again == reviews and to_json(again) == before["json"]


if __name__ == "__main__":
    main()
