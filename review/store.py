"""Review store (复核记录): SQLite file with saved reviews and an append-only decision log.

- `reviews`: one row per (document sha256, tool version) holding the review as JSON, so opening
  the same file again shows the same findings and the decisions made on them.
- `decisions`: who decided what about which finding, when, with which comment. Rows are only
  ever inserted (triggers refuse UPDATE and DELETE); the latest row per finding is its state.

Migrations are plain functions `m001_...`, applied once in order and recorded in `_migrations`.
WAL mode; every write is committed before the call returns. The database path is an argument:
only the app decides where it lives.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from review.errors import ReviewError
from review.migrate import migrate
from review.migrate import transaction as _transaction
from review.pipeline import Review

DecisionKind = Literal["confirmed", "dismissed", "pending"]
DECISION_CN: dict[str, str] = {"confirmed": "确认", "dismissed": "驳回", "pending": "待定"}
DECISION_OF_CN = {v: k for k, v in DECISION_CN.items()}
Clock = Callable[[], datetime]


class StoreError(ReviewError):
    """The review database cannot be opened or written."""


class Decision(BaseModel):
    """One entry of the decision log (审核结论)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    review_id: int
    finding_id: str
    decision: DecisionKind
    reviewer: str
    comment: str
    at: str  # ISO 8601, UTC


class StoredReview(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    sha256: str
    tool_version: str
    name: str
    created_at: str
    model: str
    rubric: str
    review: Review


class HistoryRow(BaseModel):
    """A reviewed report with the state of its findings (latest decision per finding)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    name: str
    sha256: str
    tool_version: str
    created_at: str
    status: str
    extractor: str
    findings: int
    open: int
    confirmed: int
    dismissed: int
    pending: int


def m001_initial(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL,
            extractor TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            rubric TEXT NOT NULL DEFAULT '',
            finding_count INTEGER NOT NULL,
            review_json TEXT NOT NULL,
            UNIQUE (sha256, tool_version)
        )"""
    )
    db.execute(
        """CREATE TABLE decisions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            finding_id TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'dismissed', 'pending')),
            reviewer TEXT NOT NULL CHECK (length(trim(reviewer)) > 0),
            comment TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        )"""
    )


def m002_append_only(db: sqlite3.Connection) -> None:
    db.execute("CREATE INDEX decisions_by_finding ON decisions (review_id, finding_id, id)")
    for op in ("UPDATE", "DELETE"):
        db.execute(
            f"""CREATE TRIGGER decisions_no_{op.lower()} BEFORE {op} ON decisions
            BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END"""
        )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (m001_initial, m002_append_only)


def _utc_now() -> datetime:
    return datetime.now(UTC)


class Store:
    """The review database at `path` (created with its folder if missing)."""

    def __init__(self, path: str | Path, *, clock: Clock = _utc_now) -> None:
        self.path = Path(path)
        self._clock = clock
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(
                f"无法创建复核数据目录 {self.path.parent}：{e.strerror}（检查 REVIEW_HOME 是否可写）"
            ) from e
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            migrate(db, MIGRATIONS)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A short-lived autocommit connection; sqlite errors become StoreError."""
        try:
            with closing(sqlite3.connect(self.path, timeout=15, isolation_level=None)) as db:
                db.row_factory = sqlite3.Row
                db.execute("PRAGMA foreign_keys=ON")
                yield db
        except sqlite3.Error as e:
            raise StoreError(f"复核数据库 {self.path} 读写失败：{e}（检查 REVIEW_HOME 是否可写）") from e

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, committed when the block ends."""
        with self._connect() as db, _transaction(db):
            yield db

    def _now(self) -> str:
        return self._clock().astimezone(UTC).isoformat(timespec="seconds")

    def save_review(self, review: Review, *, name: str, tool_version: str, model: str = "", rubric: str = "") -> int:
        """Store a review unless one for this document and tool version exists; return its id."""
        doc = review.document
        with self._tx() as db:
            db.execute(
                """INSERT OR IGNORE INTO reviews (sha256, tool_version, name, created_at, status, extractor,
                   model, rubric, finding_count, review_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    doc.sha256,
                    tool_version,
                    name,
                    self._now(),
                    review.status,
                    review.extractor,
                    model,
                    rubric,
                    len(review.findings),
                    review.model_dump_json(),
                ),
            )
            row = db.execute(
                "SELECT id FROM reviews WHERE sha256 = ? AND tool_version = ?", (doc.sha256, tool_version)
            ).fetchone()
        return int(row["id"])

    def find_review(self, sha256: str, tool_version: str) -> StoredReview | None:
        with self._connect() as db:
            row = db.execute(
                "SELECT * FROM reviews WHERE sha256 = ? AND tool_version = ?", (sha256, tool_version)
            ).fetchone()
        return _stored(row)

    def get_review(self, review_id: int) -> StoredReview | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return _stored(row)

    def add_decision(
        self, review_id: int, finding_id: str, decision: DecisionKind, reviewer: str, comment: str = ""
    ) -> Decision:
        """Append one decision and commit it before returning."""
        reviewer = reviewer.strip()
        if not reviewer:
            raise StoreError("请填写审核人")
        if decision not in DECISION_CN:
            raise StoreError(f"未知的审核结论 {decision!r}（应为 确认/驳回/待定）")
        at = self._now()
        with self._tx() as db:
            cur = db.execute(
                """INSERT INTO decisions (review_id, finding_id, decision, reviewer, comment, created_at)
                   VALUES (?, ?, ?, ?, ?, ?)""",
                (review_id, finding_id, decision, reviewer, comment, at),
            )
            new_id = cur.lastrowid
        assert new_id is not None
        return Decision(
            id=new_id,
            review_id=review_id,
            finding_id=finding_id,
            decision=decision,
            reviewer=reviewer,
            comment=comment,
            at=at,
        )

    def decisions(self, review_id: int, finding_id: str | None = None) -> list[Decision]:
        """The log for a review (or one finding), oldest first."""
        sql = "SELECT * FROM decisions WHERE review_id = ?"
        args: tuple[object, ...] = (review_id,)
        if finding_id is not None:
            sql += " AND finding_id = ?"
            args += (finding_id,)
        with self._connect() as db:
            rows = db.execute(sql + " ORDER BY id", args).fetchall()
        return [_decision(r) for r in rows]

    def latest(self, review_id: int) -> dict[str, Decision]:
        """The current decision per finding id (the last one logged)."""
        return {d.finding_id: d for d in self.decisions(review_id)}

    def history(self) -> list[HistoryRow]:
        """Every stored review, newest first, with counts of open/confirmed/dismissed findings."""
        with self._connect() as db:
            reviews = db.execute(
                "SELECT id, name, sha256, tool_version, created_at, status, extractor, finding_count "
                "FROM reviews ORDER BY created_at DESC, id DESC"
            ).fetchall()
            rows = db.execute("SELECT * FROM decisions ORDER BY id").fetchall()
        latest: dict[int, dict[str, str]] = {}
        for r in rows:
            latest.setdefault(r["review_id"], {})[r["finding_id"]] = r["decision"]
        out = []
        for r in reviews:
            states = list(latest.get(r["id"], {}).values())
            confirmed, dismissed = states.count("confirmed"), states.count("dismissed")
            out.append(
                HistoryRow(
                    id=r["id"],
                    name=r["name"],
                    sha256=r["sha256"],
                    tool_version=r["tool_version"],
                    created_at=r["created_at"],
                    status=r["status"],
                    extractor=r["extractor"],
                    findings=r["finding_count"],
                    open=max(0, r["finding_count"] - confirmed - dismissed),
                    confirmed=confirmed,
                    dismissed=dismissed,
                    pending=states.count("pending"),
                )
            )
        return out


def _stored(row: sqlite3.Row | None) -> StoredReview | None:
    if row is None:
        return None
    try:
        review = Review.model_validate_json(row["review_json"])
    except ValidationError:
        return None  # written by an incompatible build: the caller reviews the file again
    return StoredReview(
        id=row["id"],
        sha256=row["sha256"],
        tool_version=row["tool_version"],
        name=row["name"],
        created_at=row["created_at"],
        model=row["model"],
        rubric=row["rubric"],
        review=review,
    )


def _decision(row: sqlite3.Row) -> Decision:
    return Decision(
        id=row["id"],
        review_id=row["review_id"],
        finding_id=row["finding_id"],
        decision=row["decision"],
        reviewer=row["reviewer"],
        comment=row["comment"],
        at=row["created_at"],
    )


def local_time(iso: str) -> str:
    """An ISO timestamp from the store as local 'YYYY-MM-DD HH:MM:SS'."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso
