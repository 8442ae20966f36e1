"""Processes seen through /proc, for the tests: is a pid still running (a zombie is not), and which
model servers started by this test run are still alive."""

from __future__ import annotations

import signal
import time
from pathlib import Path

RUN_MARK = "REVIEW_TEST_RUN"  # set once per test session; every process the tests start inherits it
SERVER_MARKS = (b"llama_cpp.server", b"review/extract/llm/guard.py")


def at_a_terminal() -> None:
    """`preexec_fn` for a child that is sent Ctrl-C: give it SIGINT's default disposition, as a
    command typed at a terminal has. A shell that starts the test run in the background (`make test &`,
    nohup, some CI runners) ignores SIGINT, every child inherits that, and Python then never raises
    KeyboardInterrupt, so the test would measure the runner, not the program."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def running(pid: int) -> bool:
    """True while `pid` exists and has not exited (an exited child nobody reaped is a zombie)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def leftover_servers(mark: str) -> list[tuple[int, str]]:
    """(pid, command line) of every running model server whose environment carries RUN_MARK=mark.

    A process still inside exec (started a moment ago) shows an empty command line and environment:
    such processes are read once more after a short pause."""
    needle = f"{RUN_MARK}={mark}".encode()
    found, starting = _scan([e for e in Path("/proc").iterdir() if e.name.isdigit()], needle)
    if starting:
        time.sleep(0.2)
        found += _scan(starting, needle)[0]
    return sorted(found)


def _scan(entries: list[Path], needle: bytes) -> tuple[list[tuple[int, str]], list[Path]]:
    found, starting = [], []
    for entry in entries:
        try:
            cmdline = (entry / "cmdline").read_bytes()
            if not cmdline and running(int(entry.name)) and not _kernel_thread(entry):
                starting.append(entry)
            if not any(m in cmdline for m in SERVER_MARKS):
                continue
            environ = (entry / "environ").read_bytes()
            if not environ:
                starting.append(entry)
            if needle not in environ.split(b"\0"):
                continue
        except OSError:  # ended meanwhile, or another user's process
            continue
        if running(int(entry.name)):
            found.append((int(entry.name), cmdline.replace(b"\0", b" ").decode(errors="replace").strip()))
    return found, starting


def _kernel_thread(entry: Path) -> bool:
    """Kernel threads have no command line at all (PF_KTHREAD in the flags of /proc/PID/stat)."""
    flags = int((entry / "stat").read_text().rpartition(")")[2].split()[6])
    return bool(flags & 0x00200000)
