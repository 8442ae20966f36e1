"""Benchmarks for the rules path, printed as ratios measured in one run (never asserted in tests).

    make bench            # or: .venv/bin/python bench/bench.py

Figures: CPU time per 10,000 characters for each sample; scaling with input size (time per
character at 10× and 100× relative to 1×, target ≤ 1.3), for the report as written and as one
line with its breaks removed; peak Python memory per MB of input;
a batch of 100 reports on N workers against the ideal; and the model path's orchestration when
a local scripted server is available (see bench_model.py)."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from review.batch import run_batch  # noqa: E402
from review.core.document import Document  # noqa: E402
from review.load.texttables import text_blocks  # noqa: E402
from review.pipeline import review_document  # noqa: E402

SAMPLES = sorted((ROOT / "eval" / "samples").glob("*.txt"))


def doc_of(text: str) -> Document:
    return Document(path="bench.txt", sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def cpu(fn, repeat: int = 3) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def per_sample() -> list[tuple[str, int, float]]:
    rows = []
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        doc = doc_of(text)
        seconds = cpu(lambda doc=doc: review_document(doc))
        rows.append((path.name[:3], len(text), seconds))
    return rows


def scaling(text: str) -> list[tuple[int, float]]:
    base = None
    out = []
    for k in (1, 10, 100):
        doc = doc_of(text * k)
        seconds = cpu(lambda doc=doc: review_document(doc), repeat=1 if k == 100 else 3)
        per_char = seconds / len(doc.text)
        base = base or per_char
        out.append((k, per_char / base))
    return out


def memory(text: str, k: int = 20) -> float:
    doc = doc_of(text * k)
    tracemalloc.start()
    review_document(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / (len(doc.text.encode("utf-8")) / 1e6) / 1e6


def batch(n: int = 100, jobs: int = 2) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(n):
            src = SAMPLES[i % len(SAMPLES)]
            dst = Path(tmp) / f"{i:03d}_{src.name}"
            dst.write_text(src.read_text(encoding="utf-8") + f"\n（副本{i}）\n", encoding="utf-8")
            paths.append(dst)
        start = time.perf_counter()
        done = list(run_batch(paths, jobs=jobs))
        wall = time.perf_counter() - start
        assert all(o.review for o in done), [o.error for o in done if o.error]
    return wall, n


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    rows = per_sample()
    print("\nrules path, CPU per report")
    print("sample  chars   cpu_ms  ms_per_10k_chars")
    for name, chars, seconds in rows:
        print(f"{name:6} {chars:6d} {seconds * 1000:8.1f} {seconds / chars * 1e4 * 1000:10.2f}")
    seed = SAMPLES[3].read_text(encoding="utf-8")
    print("\nscaling (time per character relative to 1×; target ≤ 1.30)")
    for k, ratio in scaling(seed):
        print(f"{k:4d}×  {ratio:5.2f}")
    print("\nscaling, the same report as one line (a PDF page flattened without breaks; target ≤ 1.30)")
    for k, ratio in scaling(seed.replace("\n", "")):
        print(f"{k:4d}×  {ratio:5.2f}")
    print(f"\npeak Python memory: {memory(seed):.1f} MB per MB of input")
    wall, n = batch()
    print(
        f"\nbatch: {n} reports on 2 workers in {wall:.1f} s wall ({wall / n * 1000:.0f} ms per report; target < 60 s)"
    )


if __name__ == "__main__":
    main()
