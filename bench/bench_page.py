"""Page benchmark: server time of the review page's reruns, measured in one run with Streamlit's
AppTest (the script's own time, no browser), as ratios to the targets.

    .venv/bin/python bench/bench_page.py [--mb 19]

Targets (issue: results an auditor can trust): with a ~19 MB report loaded, selecting another
finding ≤ 1 s of server time; with a seed report ≤ 0.2 s. The first review of the big report is
printed too (it is the rules path's cost, not the page's)."""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from streamlit.testing.v1 import AppTest  # noqa: E402

SEED = ROOT / "eval" / "samples" / "000_695a98b4701d5873.txt"
TARGETS = {"seed": 0.2, "big": 1.0}


def big_report(mb: float) -> bytes:
    """A report of about `mb` MB: the seed's sections repeated, each copy numbered so the text is
    not one repeated block (findings everywhere, as in a long report)."""
    unit = SEED.read_text(encoding="utf-8")
    parts, size, n = [], 0, 0
    while size < mb * 1_000_000:
        n += 1
        part = f"\n第{n}部分\n" + unit
        parts.append(part)
        size += len(part.encode("utf-8"))
    return "".join(parts).encode("utf-8")


def selections(name: str, data: bytes, picks: int = 5) -> tuple[float, float, int]:
    """(first result seconds, median seconds per selection, findings)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=1800)
    at.run()
    start = time.perf_counter()
    at.file_uploader[0].upload(name, data, "text/plain")
    at.run()
    first = time.perf_counter() - start
    assert not at.exception, at.exception
    picker = next(w for w in at.selectbox if w.label == "选择问题")
    ids = [o.split()[0] for o in picker.options]
    times = []
    for fid in (ids[len(ids) // 2], ids[-1], ids[1], ids[len(ids) // 3], ids[0])[:picks]:
        start = time.perf_counter()
        next(w for w in at.selectbox if w.label == "选择问题").set_value(fid).run()
        times.append(time.perf_counter() - start)
        assert not at.exception, at.exception
    return first, statistics.median(times), len(ids)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=19.0)
    args = parser.parse_args()
    os.environ["REVIEW_HOME"] = tempfile.mkdtemp(prefix="bench-page-")
    os.environ["REVIEW_MAX_MB"] = str(int(args.mb) + 2)
    for kind, name, data in (
        ("seed", SEED.name, SEED.read_bytes()),
        ("big", f"big-{args.mb:g}MB.txt", big_report(args.mb)),
    ):
        first, per_pick, n = selections(name, data)
        print(
            f"{kind:5} {len(data) / 1e6:6.2f} MB, {n} findings: first result {first:7.2f} s; "
            f"select another finding {per_pick:6.3f} s (target {TARGETS[kind]} s, ratio {per_pick / TARGETS[kind]:.2f})"
        )


if __name__ == "__main__":
    main()
