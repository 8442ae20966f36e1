from __future__ import annotations

import json
import os
import signal
import sys
import uuid
from contextlib import suppress
from pathlib import Path

import pytest

from review.core.document import Document
from review.load.texttables import text_blocks
from review.pipeline import Review, review_document
from tests.procs import RUN_MARK, leftover_servers

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "eval" / "samples"
LABELS = json.loads((ROOT / "eval" / "seed-labels.json").read_text(encoding="utf-8"))


def doc_of(text: str, name: str = "snippet.txt") -> Document:
    return Document(path=name, sha256="0" * 64, source_format="txt", text=text, blocks=text_blocks(text))


def review_text(text: str, period: int | None = None) -> Review:
    return review_document(doc_of(text), period=period)


def checks_of(text: str, period: int | None = None) -> list[tuple[str, str]]:
    """(check, quote) of every finding, for compact assertions."""
    return [(f.check, f.quote) for f in review_text(text, period).findings]


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's settings or writes outside its temporary directory."""
    monkeypatch.setenv("REVIEW_HOME", str(tmp_path / "review-home"))
    for key in [k for k in os.environ if k.startswith("REVIEW_LLM")]:
        monkeypatch.delenv(key, raising=False)


def pytest_configure(config: pytest.Config) -> None:
    """Mark this run: every process the tests start inherits the mark in its environment."""
    os.environ[RUN_MARK] = uuid.uuid4().hex


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a model server started by it is still alive (and end that server)."""
    left = leftover_servers(os.environ.get(RUN_MARK, ""))
    if not left:
        return
    for pid, _ in left:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    message = "model servers started by this test run were still running at its end (now killed): " + "; ".join(
        f"pid {pid}: {cmd}" for pid, cmd in left
    )
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None:
        reporter.write_line(message, red=True)
    else:
        print(message, file=sys.stderr)
    session.exitstatus = pytest.ExitCode.TESTS_FAILED
