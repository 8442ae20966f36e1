"""Batches: parallel workers, per-file commits, resume, JSON Lines, and durability under SIGKILL."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from review.review_key import ReviewOptions
from review.batch import run_batch
from review.store import Store
from tests.conftest import SAMPLES

ROOT = Path(__file__).resolve().parent.parent


def make_corpus(folder: Path, copies: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    seeds = sorted(SAMPLES.glob("*.txt"))
    for i in range(copies):
        src = seeds[i % len(seeds)]
        dst = folder / f"{i:03d}_{src.name}"
        dst.write_text(src.read_text(encoding="utf-8") + f"\n（副本 {i}）\n", encoding="utf-8")
        paths.append(dst)
    return paths


def test_parallel_batch_matches_sequential_and_bad_files_do_not_stop_it(tmp_path):
    paths = make_corpus(tmp_path / "in", 6)
    (tmp_path / "in" / "zz_broken.docx").write_bytes(b"\x7fELF" + b"\0" * 100)
    paths.append(tmp_path / "in" / "zz_broken.docx")
    seq = {o.path: o for o in run_batch(paths, jobs=1)}
    par = {o.path: o for o in run_batch(paths, jobs=2)}
    assert set(seq) == set(par) == {str(p) for p in paths}
    for path, o in seq.items():
        if o.review:
            assert [f.model_dump() for f in o.review.findings] == [f.model_dump() for f in par[path].review.findings]
    assert "zz_broken.docx" in par[str(paths[-1])].error


def test_resume_skips_stored_reviews(tmp_path):
    paths = make_corpus(tmp_path / "in", 3)
    store = Store(tmp_path / "r.sqlite3")
    first = list(run_batch(paths, store=store))
    assert not any(o.cached for o in first)
    again = list(run_batch(paths, store=store, resume=True))
    assert all(o.cached for o in again)
    assert [o.review.document.sha256 for o in again] == [o.review.document.sha256 for o in first]


def test_cli_jsonl_streams_one_line_per_file(tmp_path):
    make_corpus(tmp_path / "in", 3)
    proc = subprocess.run(
        [sys.executable, "-m", "review", "check", str(tmp_path / "in"), "--format", "jsonl", "--jobs", "2"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert proc.returncode == 0 and len(lines) == 3
    assert all(
        line["tool"]["name"] and line["text"][f["start"] : f["end"]] == f["quote"]
        for line in lines
        for f in line["findings"]
    )


def _rows(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]


def test_sigkill_mid_batch_loses_nothing_committed_and_resume_finishes(tmp_path):
    paths = make_corpus(tmp_path / "in", 60)
    db = tmp_path / "batch.sqlite3"
    cmd = [sys.executable, "-m", "review", "check", str(tmp_path / "in"), "--db", str(db), "--format", "jsonl"]
    seen = []
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:  # a line is printed only after its review was committed
            seen.append(json.loads(line)["path"])
            if len(seen) >= 5:
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=30)
    assert proc.returncode == -signal.SIGKILL
    stored = _rows(db)
    assert 5 <= stored < len(paths)
    resumed = subprocess.run(cmd + ["--resume"], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert resumed.returncode == 0
    lines = [json.loads(line) for line in resumed.stdout.splitlines()]
    assert len(lines) == len(paths)
    assert sum(1 for line in lines if line["cached"]) >= stored
    assert _rows(db) == len(paths)


DECIDER = """
import sys
from review.store import Store
from review.loader import load
from review.pipeline import review_document
store = Store(sys.argv[1])
review = review_document(load(sys.argv[2]))
rid = store.save_review(review, name="seed", options=ReviewOptions(tool_version="t"))
i = 0
while True:
    store.add_decision(rid, review.findings[i % len(review.findings)].id, "confirmed", "审核员", f"意见{i}")
    print(i, flush=True)
    i += 1
"""


def test_sigkill_while_saving_decisions_keeps_every_committed_one(tmp_path):
    db = tmp_path / "decisions.sqlite3"
    acknowledged = -1
    cmd = [sys.executable, "-c", DECIDER, str(db), str(SAMPLES / "003_f5c4fd1a932a52c1.txt")]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT) as proc:
        assert proc.stdout is not None
        deadline = time.monotonic() + 60
        for line in proc.stdout:
            acknowledged = int(line)
            if acknowledged >= 30 or time.monotonic() > deadline:
                os.kill(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=30)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = conn.execute("SELECT COUNT(*) FROM decisions").fetchone()[0]
    assert count >= acknowledged + 1
    store = Store(db)
    assert len(store.decisions(1)) == count
