"""The end-of-run check: a model server started by this test run and still alive fails the run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.procs import RUN_MARK, leftover_servers, running

SLEEPER = [sys.executable, "-c", "import time; time.sleep(60)", "llama_cpp.server", "--port", "1"]


def test_finds_only_live_servers_carrying_the_mark() -> None:
    marked = subprocess.Popen(SLEEPER, env={**os.environ, RUN_MARK: "run-a"})
    other = subprocess.Popen(SLEEPER, env={**os.environ, RUN_MARK: "run-b"})
    try:
        assert [pid for pid, _ in leftover_servers("run-a")] == [marked.pid]
        assert "llama_cpp.server" in leftover_servers("run-a")[0][1]
    finally:
        for p in (marked, other):
            p.kill()
            p.wait(timeout=10)
    assert leftover_servers("run-a") == [] and not running(marked.pid)


def test_a_server_caught_in_the_middle_of_exec_is_still_found(monkeypatch: pytest.MonkeyPatch) -> None:
    """Right after Popen returns, the new process may not have its arguments yet: /proc shows an
    empty command line and environment for a moment (seen under load, failing the run-end check)."""
    marked = subprocess.Popen(SLEEPER, env={**os.environ, RUN_MARK: "run-c"})
    real_read = Path.read_bytes
    reads: list[Path] = []

    def mid_exec(path: Path) -> bytes:
        if path.parent.name == str(marked.pid) and path.name == "cmdline":
            reads.append(path)
            if len(reads) == 1:  # the first look sees the exec not done yet
                return b""
        return real_read(path)

    try:
        time.sleep(0.2)
        monkeypatch.setattr(Path, "read_bytes", mid_exec)
        assert [pid for pid, _ in leftover_servers("run-c")] == [marked.pid]
    finally:
        marked.kill()
        marked.wait(timeout=10)


def test_a_run_that_leaves_a_server_behind_fails(tmp_path: Path) -> None:
    (tmp_path / "test_leak.py").write_text(
        textwrap.dedent(
            f"""
            import subprocess
            def test_starts_a_server_and_forgets_it():
                subprocess.Popen({SLEEPER!r})
            """
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "tests.conftest", "-p", "no:cacheprovider", str(tmp_path)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "1 passed" in proc.stdout and "still running at its end (now killed)" in proc.stdout
    leaked = int(proc.stdout.split("pid ")[1].split(":")[0])
    deadline = time.monotonic() + 5
    while running(leaked) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not running(leaked)
