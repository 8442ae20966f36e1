"""The review store: migrations once, reviews by their review key, an append-only decision log whose
decisions follow their finding by fingerprint."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from review.load.loader import load
from review.migrate import migrate
from review.pipeline import Review, review_document
from review.review_key import ReviewOptions
from review.store.reviews import MIGRATIONS, Store, StoreError
from tests.conftest import SAMPLES


@pytest.fixture(scope="module")
def review() -> Review:
    return review_document(load(SAMPLES / "000_695a98b4701d5873.txt"))


def V(version: str, **options: object) -> ReviewOptions:  # noqa: N802 - reads like a version tag
    return ReviewOptions(tool_version=version, **options)  # type: ignore[arg-type]


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
        assert names == [m.__name__ for m in MIGRATIONS]
        assert names == ["m001_initial", "m002_append_only", "m003_review_key_and_fingerprints"]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    db = sqlite3.connect(db_path, isolation_level=None)
    assert migrate(db, MIGRATIONS) == []
    db.close()


def test_review_is_stored_once_per_document_and_version(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db")
    rid = store.save_review(review, name="报告.txt", options=V("1.0"), rubric="默认")
    assert store.save_review(review, name="改名.txt", options=V("1.0")) == rid
    other = store.save_review(review, name="报告.txt", options=V("2.0"))
    assert other != rid
    found = store.find_review(review.document.sha256, V("1.0"))
    assert found is not None and found.id == rid and found.name == "报告.txt" and found.rubric == "默认"
    assert found.review == review
    assert store.find_review("0" * 64, V("1.0")) is None
    assert store.find_review_id(review.document.sha256, V("1.0")) == rid
    assert store.find_review_id(review.document.sha256, V("1.0", period=2021)) is None
    assert store.get_review(rid) == found
    assert store.get_review(999) is None


def test_decisions_are_appended_committed_at_once_and_survive_a_restart(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "r.db"
    store = Store(path, clock=Clock())
    rid = store.save_review(review, name="a.txt", options=V("1.0"))
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
    rid = store.save_review(review, name="a.txt", options=V("1.0"))
    store.add_decision(rid, "F1", "confirmed", "张三")
    with sqlite3.connect(path) as raw:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("UPDATE decisions SET decision = 'dismissed'")
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            raw.execute("DELETE FROM decisions")
    assert store.latest(rid)["F1"].decision == "confirmed"


def test_a_decision_needs_a_reviewer_and_a_known_outcome(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db")
    rid = store.save_review(review, name="a.txt", options=V("1.0"))
    with pytest.raises(StoreError, match="审核人"):
        store.add_decision(rid, "F1", "confirmed", "  ")
    with pytest.raises(StoreError, match="未知的审核结论"):
        store.add_decision(rid, "F1", "approved", "张三")  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="没有问题"):
        store.add_decision(rid + 100, "F1", "confirmed", "张三")  # no such review
    with pytest.raises(StoreError, match="没有问题 F99"):
        store.add_decision(rid, "F99", "confirmed", "张三")  # no such finding
    assert store.decisions(rid) == []


def test_history_counts_open_confirmed_and_dismissed(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db", clock=Clock())
    other = review_document(load(SAMPLES / "003_f5c4fd1a932a52c1.txt"))
    a = store.save_review(review, name="a.txt", options=V("1.0"))
    b = store.save_review(other, name="b.txt", options=V("1.0"))
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


def test_the_review_key_covers_every_option_that_changes_the_result(tmp_path: Path, review: Review) -> None:
    store = Store(tmp_path / "r.db")
    sha = review.document.sha256
    base = store.save_review(review, name="a.txt", options=V("1.0"))
    variants = [
        V("1.0", period=2020),
        V("1.0", period=2023),
        V("1.0", rubric="caiyu-2020-10-project@1:abc"),
        V("1.0", extractor="hybrid", model="qwen（提示词 extract_v1+1234）"),
        V("1.0", extractor="hybrid", model="qwen（提示词 extract_v2+5678）"),
        V("1.1"),
    ]
    for opts in variants:
        assert store.find_review(sha, opts) is None  # other options: review again
    ids = {store.save_review(review, name="a.txt", options=opts) for opts in variants}
    assert len(ids) == len(variants) and base not in ids
    for opts in variants:
        found = store.find_review(sha, opts)
        assert found is not None and ReviewOptions.model_validate_json(found.options) == opts
    assert store.find_review(sha, V("1.0")).id == base  # type: ignore[union-attr]


INSERTED = "另有专项资金合计100万元，其中：甲项目30万元，乙项目30万元。\n"


def _variant(tmp_path: Path, name: str, text: str) -> Review:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return review_document(load(path))


def test_a_decision_follows_its_finding_across_an_upgrade_and_an_edit_before_it(tmp_path: Path) -> None:
    original = (SAMPLES / "000_695a98b4701d5873.txt").read_text(encoding="utf-8")
    first = _variant(tmp_path, "v1.txt", original)
    store = Store(tmp_path / "r.db", clock=Clock())
    rid1 = store.save_review(first, name="报告.txt", options=V("1.0"))
    count = next(f for f in first.findings if f.check == "count")
    unit = next(f for f in first.findings if f.check == "unit")
    store.add_decision(rid1, count.id, "confirmed", "张三", "项目个数确有出入")
    store.add_decision(rid1, unit.id, "dismissed", "张三", "单位已核实")

    # A new finding is added before them (ids shift), the unit slip is corrected, the tool upgraded.
    head, rest = original.split("一、预算基本情况", 1)
    edited = head + INSERTED + "一、预算基本情况" + rest.replace(unit.quote, unit.quote.replace("万元", "元"), 1)
    second = _variant(tmp_path, "v2.txt", edited)
    assert second.document.sha256 != first.document.sha256  # a revised file of the same report (same name)
    rid2 = store.save_review(second, name="报告.txt", options=V("2.0"))
    assert rid2 != rid1
    moved = next(f for f in second.findings if f.check == "count" and f.quote == count.quote)
    assert moved.id != count.id, "the edit must shift the ids, or this test shows nothing"
    assert moved.fingerprint == count.fingerprint
    latest = store.latest(rid2)
    assert latest[moved.id].decision == "confirmed" and latest[moved.id].comment == "项目个数确有出入"
    assert set(latest) == {moved.id}  # nothing was attached to the finding now at the old id
    assert [d.comment for d in store.decisions(rid2, moved.id)] == ["项目个数确有出入"]
    orphans = store.orphans(rid2)
    assert [(d.finding_id, d.decision, d.fingerprint) for d in orphans] == [(unit.id, "dismissed", unit.fingerprint)]
    assert store.orphans(rid1) == []
    history = {r.id: r for r in store.history()}
    assert (history[rid2].confirmed, history[rid2].dismissed) == (1, 0)
    assert (history[rid1].confirmed, history[rid1].dismissed) == (1, 1)


def test_an_older_database_is_migrated_and_its_decisions_follow_by_fingerprint(tmp_path: Path, review: Review) -> None:
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    _old_schema(db)
    legacy = review.model_copy(
        update={"findings": tuple(f.model_copy(update={"fingerprint": ""}) for f in review.findings)}
    )
    db.execute(
        "INSERT INTO reviews (sha256, tool_version, name, created_at, status, extractor, finding_count, review_json)"
        " VALUES (?, '0.0.9', 'old.txt', '2024-01-01T00:00:00+00:00', 'complete', 'rules', ?, ?)",
        (review.document.sha256, len(review.findings), legacy.model_dump_json()),
    )
    db.execute(
        "INSERT INTO decisions (review_id, finding_id, decision, reviewer, comment, created_at)"
        " VALUES (1, 'F2', 'confirmed', '王五', '旧版本的结论', '2024-01-01T00:00:00+00:00')"
    )
    db.close()
    store = Store(path)
    old = store.get_review(1)
    assert old is not None and old.review.findings[1].fingerprint == review.findings[1].fingerprint
    assert store.find_review(review.document.sha256, V("0.0.9")) is None  # a legacy row is reviewed again
    rid = store.save_review(review, name="old.txt", options=V("0.1.0"))
    assert store.latest(rid)["F2"].comment == "旧版本的结论"
    assert store.latest(1)["F2"].fingerprint == review.findings[1].fingerprint


def _old_schema(db: sqlite3.Connection) -> None:
    """The schema of the first release: migrations m001 and m002 only."""
    db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    for fn in MIGRATIONS[:2]:
        fn(db)
        db.execute("INSERT INTO _migrations VALUES (?, '2024-01-01T00:00:00+00:00')", (fn.__name__,))


def test_decisions_stay_with_their_report(tmp_path: Path) -> None:
    """Another report (other file, other name) with the same sentence gets none of them."""
    text = (SAMPLES / "000_695a98b4701d5873.txt").read_text(encoding="utf-8")
    first = _variant(tmp_path, "a.txt", text)
    other = _variant(tmp_path, "b.txt", text + "\n附：说明。\n")
    store = Store(tmp_path / "r.db")
    rid = store.save_review(first, name="甲镇.txt", options=V("1.0"))
    store.add_decision(rid, first.findings[0].id, "confirmed", "张三")
    rid_other = store.save_review(other, name="乙镇.txt", options=V("1.0"))
    assert store.latest(rid_other) == {} and store.orphans(rid_other) == []
    same_file = store.save_review(first, name="甲镇（另存）.txt", options=V("2.0"))  # same sha256, new name
    assert store.latest(same_file)[first.findings[0].id].reviewer == "张三"
