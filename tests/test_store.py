"""The review store: migrations once, reviews by sha256 + version, an append-only decision log."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from review.loader import load
from review.migrate import migrate
from review.pipeline import Review, review_document
from review.store import MIGRATIONS, Store, StoreError

from .conftest import SAMPLES


@pytest.fixture(scope="module")
def review() -> Review:
    return review_document(load(SAMPLES / "000_695a98b4701d5873.txt"))


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


def test_migrations_apply_once_in_order_and_wal_is_on(tmp_path: Path) -> None:
    db_path = tmp_path / "sub" / "review.sqlite3"
    Store(db_path)
    Store(db_path)  # a restart applies nothing again
    with sqlite3.connect(db_path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
        assert names == [m.__name__ for m in MIGRATIONS] == ["m001_initial", "m002_append_only"]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(db, MIGRATIONS) == []
    db.close()


def test_review_is_stored_once_per_document_and_version(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db")
    rid = store.save_review(review, name="报告.txt", tool_version="1.0", rubric="默认")
    assert store.save_review(review, name="改名.txt", tool_version="1.0") == rid
    other = store.save_review(review, name="报告.txt", tool_version="2.0")
    assert other != rid
    found = store.find_review(review.document.sha256, "1.0")
    assert found is not None and found.id == rid and found.name == "报告.txt" and found.rubric == "默认"
    assert found.review == review
    assert store.find_review("0" * 64, "1.0") is None
    assert store.get_review(rid) == found
    assert store.get_review(999) is None


def test_decisions_are_appended_committed_at_once_and_survive_a_restart(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "r.db"
    store = Store(path, clock=Clock())
    rid = store.save_review(review, name="a.txt", tool_version="1.0")
    first = store.add_decision(rid, "F1", "pending", " 张三 ", "再看看")
    assert first.reviewer == "张三" and first.at == "2024-03-01T08:02:00+00:00"
    with sqlite3.connect(path) as raw:  # another connection sees it: committed before returning
        assert raw.execute("SELECT decision, reviewer, comment FROM decisions").fetchall() == [
            ("pending", "张三", "再看看")
        ]
    store.add_decision(rid, "F1", "confirmed", "李四", "确认：执行率应为62.91%")
    store.add_decision(rid, "F2", "dismissed", "李四")

    restarted = Store(path)
    log = restarted.decisions(rid, "F1")
    assert [(d.decision, d.reviewer) for d in log] == [("pending", "张三"), ("confirmed", "李四")]
    latest = restarted.latest(rid)
    assert latest["F1"].comment == "确认：执行率应为62.91%" and latest["F2"].decision == "dismissed"
    assert len(restarted.decisions(rid)) == 3


def test_the_log_refuses_updates_and_deletes(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "r.db"
    store = Store(path)
    rid = store.save_review(review, name="a.txt", tool_version="1.0")
    store.add_decision(rid, "F1", "confirmed", "张三")
    with sqlite3.connect(path) as raw:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("UPDATE decisions SET decision = 'dismissed'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("DELETE FROM decisions")
    assert store.latest(rid)["F1"].decision == "confirmed"


def test_a_decision_needs_a_reviewer_and_a_known_outcome(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db")
    rid = store.save_review(review, name="a.txt", tool_version="1.0")
    with pytest.raises(StoreError, match="审核人"):
        store.add_decision(rid, "F1", "confirmed", "  ")
    with pytest.raises(StoreError, match="未知的审核结论"):
        store.add_decision(rid, "F1", "approved", "张三")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="读写失败"):
        store.add_decision(rid + 100, "F1", "confirmed", "张三")  # no such review
    assert store.decisions(rid) == []


def test_history_counts_open_confirmed_and_dismissed(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db", clock=Clock())
    other = review_document(load(SAMPLES / "003_f5c4fd1a932a52c1.txt"))
    a = store.save_review(review, name="a.txt", tool_version="1.0")
    b = store.save_review(other, name="b.txt", tool_version="1.0")
    store.add_decision(a, "F1", "confirmed", "张三")
    store.add_decision(a, "F2", "confirmed", "张三")
    store.add_decision(a, "F2", "dismissed", "李四")  # the latest decision counts
    store.add_decision(a, "F3", "pending", "张三")
    rows = store.history()
    assert [r.id for r in rows] == [b, a]  # newest first
    row_a = rows[1]
    n = len(review.findings)
    assert (row_a.findings, row_a.confirmed, row_a.dismissed, row_a.pending) == (n, 1, 1, 1)
    assert row_a.open == n - 2
    assert rows[0].open == len(other.findings) and rows[0].confirmed == 0


def test_an_unwritable_home_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="REVIEW_HOME"):
        Store(blocker / "review.sqlite3")
