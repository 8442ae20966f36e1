"""Runs a server module so that it ends with its owner (服务随启动者退出).

    python review/extract/llm/guard.py OWNER_PID MODULE [ARG...]

runs `python -m MODULE ARG...` in this process, with a watchdog thread that exits the process
as soon as OWNER_PID is no longer its parent: the owner ended, however (a clean exit, Ctrl-C,
SIGKILL, a closed terminal), and this process was handed to init. It polls twice a second.

Why not prctl(PR_SET_PDEATHSIG): that signal fires when the *thread* that started the child
ends, and the page starts the server from a Streamlit script thread that ends after every rerun.

Run by path, not with -m, so it needs nothing but the standard library and works whatever
`review` the owner imported; it drops its own folder from sys.path before running MODULE.
"""

from __future__ import annotations

import os
import runpy
import sys
import threading
import time

POLL = 0.5  # seconds between looks at the parent


def watch(owner: int, poll: float = POLL) -> None:
    """Exit the whole process (every thread, at once) when `owner` is no longer our parent."""
    while os.getppid() == owner:
        time.sleep(poll)
    print(f"review.extract.llm.guard: owner process {owner} has ended; the server exits", file=sys.stderr, flush=True)
    os._exit(0)


def main(argv: list[str]) -> None:
    if len(argv) < 2 or not argv[0].isdigit():
        print("usage: python review/extract/llm/guard.py OWNER_PID MODULE [ARG...]", file=sys.stderr)
        raise SystemExit(2)
    owner, module, args = int(argv[0]), argv[1], argv[2:]
    threading.Thread(target=watch, args=(owner,), name="owner-watchdog", daemon=True).start()
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    main(sys.argv[1:])
