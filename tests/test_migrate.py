"""The one migration runner: each migration commits with its record, or not at all."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from review.migrate import migrate


def m001_a(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE a (x INTEGER)")


def m002_b(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE b (x INTEGER)")
    db.execute("INSERT INTO b VALUES (1)")


def connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(path, isolation_level=None)


def test_applies_in_order_once(tmp_path: Path) -> None:
    db = connect(tmp_path / "x.db")
    assert migrate(db, [m001_a, m002_b]) == ["m001_a", "m002_b"]
    assert migrate(db, [m001_a, m002_b]) == []
    assert [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")] == ["m001_a", "m002_b"]


def test_a_failing_migration_leaves_nothing_behind(tmp_path: Path) -> None:
    def m002_broken(db: sqlite3.Connection) -> None:
        m002_b(db)
        raise KeyboardInterrupt  # interrupted after its DDL, before its record

    path = tmp_path / "x.db"
    db = connect(path)
    with pytest.raises(KeyboardInterrupt):
        migrate(db, [m001_a, m002_broken])
    db.close()
    db = connect(path)
    assert migrate(db, [m001_a, m002_b]) == ["m002_b"]  # m001 was kept, m002 starts afresh
    assert db.execute("SELECT count(*) FROM b").fetchone()[0] == 1


def test_needs_an_autocommit_connection(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "x.db")) as db, pytest.raises(ValueError, match="isolation_level=None"):
        migrate(db, [m001_a])
