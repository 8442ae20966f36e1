"""The review store's schema, as migrations applied once in order (review.migrate): m001 the
tables, m002 the append-only triggers on the decision log, m003 the review key and the findings'
fingerprints (with a backfill of reviews stored before them; the decision log is never rewritten)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable

from pydantic import ValidationError

from review.core.errors import ReviewError
from review.core.findings import fingerprint, with_fingerprints
from review.core.outcomes import Review


class StoreError(ReviewError):
    """The review database cannot be opened or written."""


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


def m003_review_key_and_fingerprints(db: sqlite3.Connection) -> None:
    """Reviews keyed by every option that changes the result (not sha256 + tool version only);
    a findings table with each finding's fingerprint; decisions carry the fingerprint.

    Earlier reviews keep their rows under a legacy key that no lookup produces, so the next
    lookup reviews again; their decisions follow by fingerprint, computed here from the stored
    text (decisions themselves are never rewritten: an earlier decision's fingerprint is its
    finding's, through the findings table)."""
    # Runs with foreign keys off (Store opens its migration connection so: SQLite's own recipe for
    # rebuilding a table others refer to), and checks them before it is committed.
    db.execute(
        """CREATE TABLE reviews_new (
            id INTEGER PRIMARY KEY,
            review_key TEXT NOT NULL UNIQUE,
            sha256 TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            options TEXT NOT NULL DEFAULT '',
            name TEXT NOT NULL,
            created_at TEXT NOT NULL,
            status TEXT NOT NULL,
            extractor TEXT NOT NULL,
            model TEXT NOT NULL DEFAULT '',
            rubric TEXT NOT NULL DEFAULT '',
            finding_count INTEGER NOT NULL,
            review_json TEXT NOT NULL
        )"""
    )
    db.execute(
        """INSERT INTO reviews_new (id, review_key, sha256, tool_version, options, name, created_at, status,
           extractor, model, rubric, finding_count, review_json)
           SELECT id, 'legacy:' || sha256 || ':' || tool_version, sha256, tool_version, '', name, created_at,
           status, extractor, model, rubric, finding_count, review_json FROM reviews"""
    )
    db.execute("DROP TABLE reviews")
    db.execute("ALTER TABLE reviews_new RENAME TO reviews")
    db.execute("CREATE INDEX reviews_by_sha256 ON reviews (sha256)")
    db.execute(
        """CREATE TABLE findings (
            review_id INTEGER NOT NULL REFERENCES reviews(id),
            finding_id TEXT NOT NULL,
            fingerprint TEXT NOT NULL,
            check_name TEXT NOT NULL,
            severity TEXT NOT NULL,
            PRIMARY KEY (review_id, finding_id)
        )"""
    )
    db.execute("CREATE INDEX findings_by_fingerprint ON findings (fingerprint)")
    db.execute("ALTER TABLE decisions ADD COLUMN fingerprint TEXT NOT NULL DEFAULT ''")
    for row in db.execute("SELECT id, review_json FROM reviews").fetchall():
        insert_findings(db, row[0], _legacy_findings(row[1]))
    if db.execute("PRAGMA foreign_key_check").fetchall():
        raise StoreError("复核数据库升级失败：审核记录指向不存在的复核结果（数据库未改动）")


def _legacy_findings(review_json: str) -> list[tuple[str, str, str, str]]:
    """(id, fingerprint, check, severity) of a review stored before fingerprints existed."""
    try:
        review = Review.model_validate_json(review_json)
    except ValidationError:
        raw = json.loads(review_json)  # an older layout: fingerprint from the raw fields
        text = raw.get("document", {}).get("text", "")
        return [
            (
                f["id"],
                fingerprint(f["check"], f.get("rule", ""), f["quote"], text, f["start"], f["end"]),
                f["check"],
                f["severity"],
            )
            for f in raw.get("findings", [])
        ]
    fs = with_fingerprints(list(review.findings), review.document.text)
    return [(f.id, f.fingerprint, f.check, f.severity) for f in fs]


def insert_findings(db: sqlite3.Connection, review_id: int, rows: list[tuple[str, str, str, str]]) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO findings (review_id, finding_id, fingerprint, check_name, severity) "
        "VALUES (?, ?, ?, ?, ?)",
        [(review_id, *r) for r in rows],
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    m001_initial,
    m002_append_only,
    m003_review_key_and_fingerprints,
)
