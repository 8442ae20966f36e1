"""Worker processes for a batch, supervised one file at a time by the parent: a worker that dies or
overruns its time costs only its own file (the worker is replaced), workers end with their parent,
and a batch that stops (Ctrl-C, an error, a closed generator) ends its workers at once."""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Collection, Generator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass
class _Slot:
    process: BaseProcess
    conn: Connection
    path: str | None = None
    deadline: float = 0.0


def supervise(
    todo: list[str], task: Callable[[str], T], failure: Callable[[str, str], T], *, jobs: int, timeout: float
) -> Generator[T, None, None]:
    """Run `task(path)` for every path in up to `jobs` worker processes and yield the results as they
    come; a file whose worker dies, overruns `timeout` seconds or raises yields `failure(path, reason)`.
    `task` must be picklable (a module-level function or a partial of one)."""
    pending = deque(todo)
    slots: list[_Slot] = []
    try:
        for _ in range(min(jobs, len(pending))):
            slots.append(_start(task))
            _feed(slots[-1], pending, timeout)
        while busy := [s for s in slots if s.path is not None]:
            wait_for = max(0.0, min(s.deadline for s in busy) - time.monotonic())
            ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy], wait_for))
            for slot in busy:
                result = _collect(slot, ready, failure, timeout)
                if result is None:
                    continue
                if not slot.process.is_alive():
                    _stop(slot)
                    slots[slots.index(slot)] = slot = _start(task)
                _feed(slot, pending, timeout)
                yield result
    finally:
        for slot in slots:
            _stop(slot)


def _collect(slot: _Slot, ready: Collection[object], failure: Callable[[str, str], T], timeout: float) -> T | None:
    """The slot's result, a failure naming its file, or None while it is still working."""
    path = slot.path
    assert path is not None
    if slot.conn in ready or slot.process.sentinel in ready:
        try:
            if slot.conn.poll():
                result, reason = slot.conn.recv()
                slot.path = None
                return result if reason is None else failure(path, f"复核出错（{reason}）")
        except (EOFError, OSError):  # the worker died before it answered: reported just below
            pass
        slot.process.join(1)
        code = slot.process.exitcode
        if code is None:  # the pipe broke but the process lingers: end it, it is replaced
            slot.process.kill()
            slot.process.join()
        slot.path = None
        return failure(path, f"复核进程异常退出（{_exit_reason(code)}）")
    if time.monotonic() >= slot.deadline:
        slot.process.kill()
        slot.process.join()
        slot.path = None
        return failure(path, f"复核超时（超过 {timeout:g} 秒），已终止该进程")
    return None


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "与父进程的连接中断"
    if code < 0:
        try:
            return f"信号 {signal.Signals(-code).name}"
        except ValueError:
            return f"信号 {-code}"
    return f"退出码 {code}"


def _feed(slot: _Slot, pending: deque[str], timeout: float) -> None:
    if pending:
        slot.path = pending.popleft()
        slot.deadline = time.monotonic() + timeout
        slot.conn.send(slot.path)


def _start(task: Callable[[str], T]) -> _Slot:
    parent_end, child_end = multiprocessing.Pipe()
    process = multiprocessing.Process(target=_worker, args=(child_end, task, os.getpid()), daemon=True)
    process.start()
    child_end.close()
    return _Slot(process, parent_end)


def _stop(slot: _Slot) -> None:
    slot.conn.close()
    if slot.process.is_alive():
        slot.process.kill()
    slot.process.join()


def _worker(conn: Connection, task: Callable[[str], object], parent: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends the workers
    _end_with_parent(parent)
    while True:
        try:
            path = conn.recv()
        except EOFError:  # the parent closed the pipe: the batch is over
            return
        try:
            conn.send((task(path), None))
        except Exception as exc:  # a bug on one file (or a result that cannot be sent) is that file's error
            conn.send((None, f"{type(exc).__name__}: {exc}"))


def _end_with_parent(parent: int) -> None:
    """Die with the parent even if it is SIGKILLed: the kernel's parent-death signal on Linux, and a
    thread that watches the parent pid everywhere (it also covers a parent that died before this ran)."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass  # the watchdog below still ends the worker

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()
