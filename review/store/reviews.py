"""Review store (复核记录): SQLite file with saved reviews and an append-only decision log.

- `reviews`: one row per review key (document sha256 + every option that changes the result:
  tool version, extractor, model and prompt, rubric pack, period — review.review_key), holding
  the review as JSON, so opening the same file with the same options shows the same findings.
- `findings`: each stored finding's id and fingerprint (check, rule, quote and context).
- `decisions`: who decided what about which finding, when, with which comment, and the finding's
  fingerprint. Rows are only ever inserted (triggers refuse UPDATE and DELETE). A decision belongs
  to the report and the fingerprint, not to a row number: a later review of the same report — the
  same file (sha256) or a revision under the same name, another tool version, other options — shows
  it on the finding with that fingerprint, and a decision whose finding no longer appears is listed
  as 历史 (`orphans`), never moved.

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

from review.core.findings import with_fingerprints
from review.core.outcomes import Review
from review.core.provenance import Extractor
from review.migrate import migrate
from review.migrate import transaction as _transaction
from review.review_key import ReviewOptions
from review.store.migrations import MIGRATIONS, StoreError, insert_findings

DecisionKind = Literal["confirmed", "dismissed", "pending"]
DECISION_CN: dict[str, str] = {"confirmed": "确认", "dismissed": "驳回", "pending": "待定"}
DECISION_OF_CN = {v: k for k, v in DECISION_CN.items()}
Clock = Callable[[], datetime]


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
    fingerprint: str = ""  # of the finding it was made on


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
    options: str = ""  # the options of the review key, as JSON


class HistoryRow(BaseModel):
    """A reviewed report with the state of its findings (latest decision per finding)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: int
    name: str
    sha256: str
    tool_version: str
    created_at: str
    status: str
    extractor: Extractor
    findings: int
    open: int
    confirmed: int
    dismissed: int
    pending: int


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
        with self._connect(foreign_keys=False) as db:  # see m003: tables are rebuilt with keys off
            db.execute("PRAGMA journal_mode=WAL")
            migrate(db, MIGRATIONS)

    @contextmanager
    def _connect(self, *, foreign_keys: bool = True) -> Iterator[sqlite3.Connection]:
        """A short-lived autocommit connection; sqlite errors become StoreError."""
        try:
            with closing(sqlite3.connect(self.path, timeout=15, isolation_level=None)) as db:
                db.row_factory = sqlite3.Row
                db.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
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

    def save_review(
        self, review: Review, *, name: str, options: ReviewOptions | None = None, model: str = "", rubric: str = ""
    ) -> int:
        """Store a review unless one with this document and options exists; return its id."""
        doc = review.document
        opts = options or ReviewOptions()
        key = opts.key(doc.sha256)
        fs = review.findings
        if any(not f.fingerprint for f in fs):  # built by hand, not by the pipeline
            fs = tuple(with_fingerprints(list(fs), doc.text))
            review = review.model_copy(update={"findings": fs})
        with self._tx() as db:
            cur = db.execute(
                """INSERT OR IGNORE INTO reviews (review_key, sha256, tool_version, options, name, created_at, status,
                   extractor, model, rubric, finding_count, review_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    key,
                    doc.sha256,
                    opts.tool_version,
                    opts.model_dump_json(),
                    name,
                    self._now(),
                    review.status,
                    review.extractor,
                    model,
                    rubric,
                    len(fs),
                    review.model_dump_json(),
                ),
            )
            row = db.execute("SELECT id FROM reviews WHERE review_key = ?", (key,)).fetchone()
            if cur.rowcount:
                insert_findings(db, row["id"], [(f.id, f.fingerprint, f.check, f.severity) for f in fs])
        return int(row["id"])

    def find_review(self, sha256: str, options: ReviewOptions | None = None) -> StoredReview | None:
        """The stored review of this document with exactly these options, if any."""
        key = (options or ReviewOptions()).key(sha256)
        with self._connect() as db:
            row = db.execute("SELECT * FROM reviews WHERE review_key = ?", (key,)).fetchone()
        return _stored(row)

    def find_review_id(self, sha256: str, options: ReviewOptions | None = None) -> int | None:
        """The id of that stored review without reading the review itself (cheap on every rerun)."""
        key = (options or ReviewOptions()).key(sha256)
        with self._connect() as db:
            row = db.execute("SELECT id FROM reviews WHERE review_key = ?", (key,)).fetchone()
        return int(row["id"]) if row else None

    def get_review(self, review_id: int) -> StoredReview | None:
        with self._connect() as db:
            row = db.execute("SELECT * FROM reviews WHERE id = ?", (review_id,)).fetchone()
        return _stored(row)

    def add_decision(
        self, review_id: int, finding_id: str, decision: DecisionKind, reviewer: str, comment: str = ""
    ) -> Decision:
        """Append one decision on a finding of a stored review and commit it before returning."""
        reviewer = reviewer.strip()
        if not reviewer:
            raise StoreError("请填写审核人")
        if decision not in DECISION_CN:
            raise StoreError(f"未知的审核结论 {decision!r}（应为 确认/驳回/待定）")
        at = self._now()
        with self._tx() as db:
            found = db.execute(
                "SELECT fingerprint FROM findings WHERE review_id = ? AND finding_id = ?", (review_id, finding_id)
            ).fetchone()
            if found is None:
                raise StoreError(f"复核记录 {review_id} 中没有问题 {finding_id}，审核结论未保存")
            cur = db.execute(
                """INSERT INTO decisions (review_id, finding_id, decision, reviewer, comment, created_at, fingerprint)
                   VALUES (?, ?, ?, ?, ?, ?, ?)""",
                (review_id, finding_id, decision, reviewer, comment, at, found["fingerprint"]),
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
            fingerprint=found["fingerprint"],
        )

    def _document_log(self, db: sqlite3.Connection, review_id: int) -> list[Decision]:
        """Every decision made on the report of this review — any review of the same file (sha256)
        or of a file with the same name — oldest first, each with the fingerprint of the finding it
        was made on."""
        rows = db.execute(
            f"""SELECT {_DECISION_COLUMNS} FROM decisions d
                JOIN reviews r ON r.id = d.review_id
                LEFT JOIN findings f ON f.review_id = d.review_id AND f.finding_id = d.finding_id
                JOIN reviews me ON me.id = ? AND (r.sha256 = me.sha256 OR r.name = me.name)
                ORDER BY d.id""",
            (review_id,),
        ).fetchall()
        return [_decision(r) for r in rows]

    def _fingerprints(self, db: sqlite3.Connection, review_id: int) -> dict[str, str]:
        rows = db.execute("SELECT finding_id, fingerprint FROM findings WHERE review_id = ?", (review_id,)).fetchall()
        return {r["finding_id"]: r["fingerprint"] for r in rows}

    def decisions(self, review_id: int, finding_id: str | None = None) -> list[Decision]:
        """The log of this review's findings (or one finding), oldest first: decisions made on
        the same finding (fingerprint) in any review of the same document."""
        with self._connect() as db:
            fps = self._fingerprints(db, review_id)
            log = self._document_log(db, review_id)
        if finding_id is not None and finding_id not in fps:
            return []
        wanted = {fps[finding_id]} if finding_id is not None else set(fps.values())
        return [d for d in log if d.fingerprint in wanted]

    def latest(self, review_id: int) -> dict[str, Decision]:
        """The current decision per finding id of this review (the last one logged on its fingerprint)."""
        with self._connect() as db:
            fps = self._fingerprints(db, review_id)
            log = self._document_log(db, review_id)
        last = {d.fingerprint: d for d in log}
        return {fid: last[fp] for fid, fp in fps.items() if fp in last}

    def orphans(self, review_id: int) -> list[Decision]:
        """历史: the last decision on each finding of this document that this review no longer
        has (the rules changed, or the text did), oldest first; never re-attached elsewhere."""
        with self._connect() as db:
            fps = set(self._fingerprints(db, review_id).values())
            log = self._document_log(db, review_id)
        last = {d.fingerprint: d for d in log}
        return [d for d in last.values() if d.fingerprint not in fps]

    def history(self) -> list[HistoryRow]:
        """Every stored review, newest first, with counts of open/confirmed/dismissed findings."""
        with self._connect() as db:
            reviews = db.execute(
                "SELECT id, name, sha256, tool_version, created_at, status, extractor, finding_count "
                "FROM reviews ORDER BY created_at DESC, id DESC"
            ).fetchall()
            decided = db.execute(
                """SELECT d.id, r.sha256, r.name, d.decision,
                          COALESCE(NULLIF(d.fingerprint, ''), f.fingerprint) AS fp
                   FROM decisions d JOIN reviews r ON r.id = d.review_id
                   LEFT JOIN findings f ON f.review_id = d.review_id AND f.finding_id = d.finding_id"""
            ).fetchall()
            found = db.execute("SELECT review_id, fingerprint FROM findings").fetchall()
        by_sha: dict[tuple[str, str], tuple[int, str]] = {}
        by_name: dict[tuple[str, str], tuple[int, str]] = {}
        for d in decided:  # the last decision per report and fingerprint
            for index, key in ((by_sha, (d["sha256"], d["fp"])), (by_name, (d["name"], d["fp"]))):
                if key not in index or index[key][0] < d["id"]:
                    index[key] = (d["id"], d["decision"])
        fps: dict[int, list[str]] = {}
        for f in found:
            fps.setdefault(f["review_id"], []).append(f["fingerprint"])
        counts: dict[int, dict[str, int]] = {}
        for r in reviews:
            c = counts.setdefault(r["id"], {})
            for fp in fps.get(r["id"], []):
                hits = [h for h in (by_sha.get((r["sha256"], fp)), by_name.get((r["name"], fp))) if h]
                if hits:
                    state = max(hits)[1]
                    c[state] = c.get(state, 0) + 1
        out = []
        for r in reviews:
            c = counts.get(r["id"], {})
            confirmed, dismissed = c.get("confirmed", 0), c.get("dismissed", 0)
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
                    pending=c.get("pending", 0),
                )
            )
        return out


_DECISION_COLUMNS = (
    "d.id, d.review_id, d.finding_id, d.decision, d.reviewer, d.comment, d.created_at, "
    "COALESCE(NULLIF(d.fingerprint, ''), f.fingerprint, '') AS fingerprint"
)


def _stored(row: sqlite3.Row | None) -> StoredReview | None:
    if row is None:
        return None
    try:
        review = Review.model_validate_json(row["review_json"])
    except ValidationError:
        return None  # written by an incompatible build: the caller reviews the file again
    if any(not f.fingerprint for f in review.findings):  # stored before fingerprints existed
        review = review.model_copy(
            update={"findings": tuple(with_fingerprints(list(review.findings), review.document.text))}
        )
    return StoredReview(
        id=row["id"],
        sha256=row["sha256"],
        tool_version=row["tool_version"],
        name=row["name"],
        created_at=row["created_at"],
        model=row["model"],
        rubric=row["rubric"],
        review=review,
        options=row["options"],
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
        fingerprint=row["fingerprint"] if "fingerprint" in row.keys() else "",
    )


def local_time(iso: str) -> str:
    """An ISO timestamp from the store as local 'YYYY-MM-DD HH:MM:SS'."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return iso
