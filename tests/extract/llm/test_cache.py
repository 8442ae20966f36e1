"""The model cache's schema: each migration and its record commit together, so a crash part-way
through setting it up leaves a file that the next start migrates cleanly."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from review.core.errors import ConfigError
from review.extract.llm import cache as cache_module
from review.extract.llm.cache import Cache, LedgerEntry

ROOT = Path(__file__).resolve().parents[3]

# Runs in a child process: the second migration does its work, then the process dies at once
# (no exception handler, no rollback, no close) before the migration is recorded.
CRASH = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from review.extract.llm import cache

    real = cache.MIGRATIONS[1]

    def m002_ledger(db):
        real(db)
        os._exit(9)

    cache.MIGRATIONS = [cache.MIGRATIONS[0], m002_ledger, *cache.MIGRATIONS[2:]]
    cache.Cache(Path(sys.argv[1]))
    """
)


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_a_crash_inside_a_migration_leaves_a_cache_the_next_start_migrates(tmp_path: Path) -> None:
    path = tmp_path / "llm-cache.sqlite"
    proc = subprocess.run([sys.executable, "-c", CRASH, str(path)], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 9, proc.stderr
    assert "ledger" not in tables(path)  # the half-done migration was not kept

    cache = Cache(path)  # the next start: no "table ledger already exists"
    cache.record(LedgerEntry("a.txt", "0" * 64, "m", "extract_v1", 1, 1, 0, 10, 5, 0.1))
    assert len(cache.ledger()) == 1
    cache.close()
    with sqlite3.connect(path) as db:
        names = [r[0] for r in db.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == [m.__name__ for m in cache_module.MIGRATIONS]


def test_a_cache_written_before_the_shared_runner_still_opens(tmp_path: Path) -> None:
    """Older caches recorded migrations in a column named `applied` (a REAL timestamp)."""
    path = tmp_path / "old.sqlite"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE _migrations (name TEXT PRIMARY KEY, applied REAL NOT NULL)")
        cache_module.m001_initial(db)
        db.execute("INSERT INTO _migrations VALUES ('m001_initial', 1700000000.0)")
    Cache(path).close()
    assert {"replies", "ledger", "meta"} <= tables(path)


def test_a_file_that_is_not_a_cache_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "llm-cache.sqlite"
    path.write_bytes(b"not a database, just some bytes" * 40)
    with pytest.raises(ConfigError, match="REVIEW_LLM_CACHE"):
        Cache(path)
