"""SQLite schema migrations (数据库迁移), shared by the review store and the model cache.

A migration is a plain function `m001_...(db)`; a database keeps the names of those applied in
`_migrations`. Each migration runs in its own `BEGIN IMMEDIATE` transaction together with its
record, so a crash (or a second process starting at the same moment) never leaves a migration
half-applied or applied twice: the next start simply applies what is not yet recorded.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

Migration = Callable[[sqlite3.Connection], None]


def migrate(db: sqlite3.Connection, migrations: Sequence[Migration]) -> list[str]:
    """Apply the migrations not yet recorded, in order, each in its own transaction; return the
    names of those applied now.

    `db` must be in autocommit mode (`isolation_level=None`) so that the transactions here are the
    only ones: sqlite3's implicit transactions would commit DDL on its own.
    """
    if db.isolation_level is not None:
        raise ValueError("migrate() needs a connection opened with isolation_level=None")
    # The second column is `applied_at` (ISO text) in the store and `applied` (a Unix time) in
    # caches written before this module existed; rows are inserted by position for both.
    db.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    applied = []
    for fn in migrations:
        with transaction(db):
            if db.execute("SELECT 1 FROM _migrations WHERE name = ?", (fn.__name__,)).fetchone():
                continue
            fn(db)
            db.execute(
                "INSERT INTO _migrations VALUES (?, ?)",
                (fn.__name__, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            applied.append(fn.__name__)
    return applied


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[None]:
    """One write transaction on an autocommit connection: committed when the block ends, rolled
    back on any exception (KeyboardInterrupt included)."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
