"""Processes seen through /proc, for the tests: is a pid still running (a zombie is not), and which
model servers started by this test run are still alive."""

from __future__ import annotations

from pathlib import Path

RUN_MARK = "REVIEW_TEST_RUN"  # set once per test session; every process the tests start inherits it
SERVER_MARKS = (b"llama_cpp.server", b"review/llm/guard.py")


def running(pid: int) -> bool:
    """True while `pid` exists and has not exited (an exited child nobody reaped is a zombie)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def leftover_servers(mark: str) -> list[tuple[int, str]]:
    """(pid, command line) of every running model server whose environment carries RUN_MARK=mark."""
    needle = f"{RUN_MARK}={mark}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes()
            if not any(m in cmdline for m in SERVER_MARKS):
                continue
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
        except OSError:  # ended meanwhile, or another user's process
            continue
        if running(int(entry.name)):
            found.append((int(entry.name), cmdline.replace(b"\0", b" ").decode(errors="replace").strip()))
    return found
