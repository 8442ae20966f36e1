"""Model-path orchestration against a local scripted OpenAI-compatible server with a fixed delay
per request (no real model): wall time against the ideal for the chosen concurrency, characters
sent against the document's own (a proxy for tokens: one CJK character is about one token), and
a cached re-run. Ratios measured in one run; printed, never asserted.

    .venv/bin/python bench/bench_model.py
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.extract.chunking import chunk  # noqa: E402
from review.extract.llm import build_extractor, load_settings  # noqa: E402
from review.load.loader import load  # noqa: E402
from review.pipeline import review_document  # noqa: E402
from tests.llm_server import ScriptedServer, chat, relations  # noqa: E402

DELAY = 0.5


def run(concurrency: int, doc_path: Path, home: Path) -> tuple[float, int, int, int, int]:
    with ScriptedServer() as srv:
        srv.responder = lambda body: replace(chat(relations()), delay=DELAY)
        env = {
            "REVIEW_HOME": str(home),
            "REVIEW_LLM_BASE_URL": srv.base_url,
            "REVIEW_LLM_MODEL": "scripted",
            "REVIEW_LLM_CONCURRENCY": str(concurrency),
            "REVIEW_LLM_OUTPUT": "json_object",
        }
        model = build_extractor(load_settings(env))
        doc = load(doc_path)
        start = time.perf_counter()
        review_document(doc, extractor="llm", model=model)
        wall = time.perf_counter() - start
        texts = [c.text for c in chunk(doc)]
        doc_part = fixed = 0
        for r in srv.requests:
            content = "".join(m.get("content", "") for m in r.get("messages", []))
            carried = max((len(t) for t in texts if t in content), default=0)
            doc_part += carried
            fixed = max(fixed, len(content) - carried)
        return wall, len(srv.requests), doc_part, fixed, len(doc.text)


def main() -> None:
    doc_path = ROOT / "eval" / "samples" / "003_f5c4fd1a932a52c1.txt"
    chunks = len(chunk(load(doc_path)))
    print(f"model path against a scripted server, {DELAY:.1f} s per request, {chunks} chunks")
    print("concurrency  requests  wall_s  ideal_s  wall/ideal  document_sent/document  fixed_prompt_chars")
    with tempfile.TemporaryDirectory() as tmp:
        for conc in (1, 2, 4):
            home = Path(tmp) / f"c{conc}"
            wall, requests, doc_part, fixed, doc_chars = run(conc, doc_path, home)
            ideal = math.ceil(requests / conc) * DELAY
            print(
                f"{conc:11d} {requests:9d} {wall:7.2f} {ideal:8.2f} {wall / ideal:10.2f}"
                f" {doc_part / doc_chars:23.2f} {fixed:19d}"
            )
        wall, requests, *_ = run(2, doc_path, Path(tmp) / "c2")
        print(f"cached re-run: {requests} requests, {wall:.2f} s")
    print(
        "(document_sent: characters of the report carried by all requests, chunk overlap included;"
        " target ≤ 1.3 plus the fixed prompt per request)"
    )


if __name__ == "__main__":
    main()
