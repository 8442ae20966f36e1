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

import pytest

from review import batch, cli
from review.batch import Outcome, run_batch
from review.cli import main
from review.evaluation import cli as eval_cli
from review.store.reviews import Store
from tests.conftest import SAMPLES
from tests.procs import at_a_terminal

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


@pytest.mark.slow  # 60 files reviewed twice in subprocesses
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
from review.store.reviews import Store
from review.load.loader import load
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


# --- A worker that dies or hangs, a parent that is killed, Ctrl-C ----------------------------------------------

_real_review_path = batch.review_path


def _crashes_on_marker(path: str, period: int | None = None, rubric: str | None = None) -> Outcome:
    """Test-only reviewer, run in the worker processes: the file named *crash* kills its worker."""
    if "crash" in Path(path).name:
        os._exit(3)
    return _real_review_path(path, period, rubric)


def _hangs_on_marker(path: str, period: int | None = None, rubric: str | None = None) -> Outcome:
    if "hang" in Path(path).name:
        time.sleep(600)
    return _real_review_path(path, period, rubric)


def test_a_worker_that_dies_costs_only_its_own_file(tmp_path, monkeypatch):
    paths = make_corpus(tmp_path / "in", 12)
    crash = tmp_path / "in" / "001_crash.txt"
    crash.write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(batch, "review_path", _crashes_on_marker)
    done = {o.path: o for o in run_batch([paths[0], crash, *paths[1:]], jobs=2)}
    assert len(done) == 13
    assert [p for p, o in done.items() if o.error] == [str(crash)]
    assert "001_crash.txt" in done[str(crash)].error and "复核进程异常退出" in done[str(crash)].error
    assert all(done[str(p)].review is not None for p in paths)


def test_a_hung_file_times_out_alone(tmp_path, monkeypatch):
    paths = make_corpus(tmp_path / "in", 6)
    hang = tmp_path / "in" / "002_hang.txt"
    hang.write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(batch, "review_path", _hangs_on_marker)
    start = time.monotonic()
    done = {o.path: o for o in run_batch([hang, *paths], jobs=2, timeout=1.5)}
    assert time.monotonic() - start < 30
    assert [p for p, o in done.items() if o.error] == [str(hang)]
    assert "002_hang.txt" in done[str(hang)].error and "超时" in done[str(hang)].error
    assert all(done[str(p)].review is not None for p in paths)


def test_cli_timeout_flag_and_environment(tmp_path, monkeypatch, capsys):
    paths = make_corpus(tmp_path / "in", 2)
    (tmp_path / "in" / "hang.txt").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(batch, "review_path", _hangs_on_marker)
    assert main(["check", str(tmp_path / "in"), "--jobs", "2", "--timeout", "1"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "hang.txt" in err and "超时（超过 1 秒）" in err
    monkeypatch.setenv("REVIEW_FILE_TIMEOUT", "1.5")
    assert main(["check", str(tmp_path / "in"), "--format", "jsonl"]) == 2
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 3 and "超时（超过 1.5 秒）" in err
    for bad in (["--timeout", "0"], ["--timeout", "x"]):
        assert main(["check", str(paths[0]), *bad]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "--timeout" in err
    monkeypatch.setenv("REVIEW_FILE_TIMEOUT", "never")
    assert main(["check", str(paths[0])]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "REVIEW_FILE_TIMEOUT" in err


def _children(pid: int) -> list[int]:
    """Worker processes of `pid` (forked copies of it: same command line)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if ppid == pid and (stat.parent / "cmdline").read_bytes() == own:
                found.append(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.slow  # 400 files
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads worker pids from /proc")
def test_workers_end_with_a_killed_parent(tmp_path):
    make_corpus(tmp_path / "in", 400)
    cmd = [sys.executable, "-m", "review", "check", str(tmp_path / "in"), "--jobs", "2", "--format", "jsonl"]
    workers: list[int] = []
    try:
        with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT) as proc:
            assert proc.stdout is not None
            proc.stdout.readline()
            workers = _children(proc.pid)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=30)
        assert len(workers) == 2
        deadline = time.monotonic() + 5
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)]
    finally:
        for w in workers:
            if _alive(w):
                os.kill(w, signal.SIGKILL)


@pytest.mark.slow  # 1500 files
def test_ctrl_c_stops_at_once_keeps_what_is_done_and_exits_130(tmp_path):
    make_corpus(tmp_path / "in", 1500)
    db = tmp_path / "batch.sqlite3"
    cmd = [sys.executable, "-m", "review", "check", str(tmp_path / "in"), "--jobs", "2"]
    cmd += ["--db", str(db), "--format", "jsonl"]
    with subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, preexec_fn=at_a_terminal
    ) as proc:
        assert proc.stdout is not None
        printed = [proc.stdout.readline() for _ in range(5)]
        proc.send_signal(signal.SIGINT)
        sent = time.monotonic()
        rest, err = proc.communicate(timeout=60)
        took = time.monotonic() - sent
    printed += rest.splitlines(keepends=True)
    assert proc.returncode == 130, err
    assert took < 2.0
    assert err.count("\n") == 1 and "已中断" in err and "Traceback" not in err
    done = len(printed)
    assert f"已完成 {done} 份，未完成 {1500 - done} 份" in err
    assert all(json.loads(line)["path"] for line in printed)
    assert done <= _rows(db) <= done + 2  # every printed review is committed (one may be committed, not printed)


def test_ctrl_c_in_a_batch_still_renders_the_finished_reviews(tmp_path, monkeypatch, capsys):
    paths = make_corpus(tmp_path / "in", 3)

    def interrupted(todo, **_):
        yield from run_batch(todo[:2])
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_batch", interrupted)
    assert main(["check", str(tmp_path / "in")]) == 130
    out, err = capsys.readouterr()
    assert paths[0].name in out and paths[1].name in out and paths[2].name not in out
    assert err == "review: 已中断：已完成 2 份，未完成 1 份\n"


def test_ctrl_c_anywhere_in_check_or_eval_exits_130(monkeypatch, capsys):
    def interrupt(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "expand", interrupt)
    assert main(["check", "x.txt"]) == 130
    monkeypatch.setattr(eval_cli, "run_eval", interrupt)
    assert main(["eval", "--quiet"]) == 130
    assert capsys.readouterr().err.count("已中断") == 2
