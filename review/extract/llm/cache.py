"""SQLite cache of model requests and replies (模型请求缓存), plus a ledger of every review.

A request is keyed by the sha256 of model, prompt version, wire schema, parameters and the
messages (which hold the chunk text). A repeated review is served from here and sends nothing;
in replay mode a miss is an error that says how to fill the cache. The schema evolves through an
ordered list of migrations, applied by review.migrate (each with its record in one transaction).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from review.core.errors import ConfigError, ReviewError
from review.extract.llm.client import Reply
from review.migrate import Migration, migrate


class ReplayMiss(ReviewError):
    """--replay was asked for, and a request is not in the cache."""


def m001_initial(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE replies (
            key TEXT PRIMARY KEY, model TEXT NOT NULL, prompt_version TEXT NOT NULL, mode TEXT NOT NULL,
            request TEXT NOT NULL, text TEXT NOT NULL, tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL,
            truncated INTEGER NOT NULL, seconds REAL NOT NULL, created REAL NOT NULL)"""
    )


def m002_ledger(db: sqlite3.Connection) -> None:
    db.execute(
        """CREATE TABLE ledger (
            id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, sha256 TEXT NOT NULL,
            model TEXT NOT NULL, prompt_version TEXT NOT NULL, chunks INTEGER NOT NULL, requests INTEGER NOT NULL,
            cache_hits INTEGER NOT NULL, tokens_in INTEGER NOT NULL, tokens_out INTEGER NOT NULL,
            seconds REAL NOT NULL, created REAL NOT NULL)"""
    )


def m003_meta(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


MIGRATIONS: list[Migration] = [m001_initial, m002_ledger, m003_meta]


def request_key(
    model: str, prompt_version: str, schema_sha: str, params: dict[str, Any], messages: list[dict[str, str]]
) -> str:
    payload = json.dumps(
        {"model": model, "prompt": prompt_version, "schema": schema_sha, "params": params, "messages": messages},
        ensure_ascii=False,
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class LedgerEntry:
    """One review's model use: what was sent, what came from the cache, tokens and time."""

    document: str
    sha256: str
    model: str
    prompt_version: str
    chunks: int
    requests: int
    cache_hits: int
    tokens_in: int
    tokens_out: int
    seconds: float


class Cache:
    """Thread-safe; `path=None` keeps nothing (every request goes out) unless replaying."""

    def __init__(self, path: Path | None, *, replay: bool = False) -> None:
        self.path = path
        self.replay = replay
        if replay and (path is None or not path.exists()):
            raise ConfigError(
                f"--replay 需要已有的模型缓存，但找不到 {path or '（缓存已关闭）'}："
                "请先不带 --replay 运行一次以录制，或把 REVIEW_LLM_CACHE 指向已有的缓存文件"
            )
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            # autocommit: each write below is one statement; migrate() opens its own transactions
            db = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
            try:
                migrate(db, MIGRATIONS)
            except sqlite3.Error as exc:
                db.close()
                raise ConfigError(
                    f"模型缓存 {path} 无法打开（{exc}）："
                    "若文件已损坏请删除它，或把 REVIEW_LLM_CACHE 指向另一个文件或设为 off"
                ) from None
            self._db = db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def get(self, key: str) -> Reply | None:
        if self._db is None:
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT text, tokens_in, tokens_out, mode, truncated, seconds FROM replies WHERE key = ?", (key,)
            ).fetchone()
        if row is None:
            return None
        return Reply(
            text=row[0],
            tokens_in=row[1],
            tokens_out=row[2],
            mode=row[3],
            requests=0,
            truncated=bool(row[4]),
            seconds=row[5],
        )

    def miss(self, what: str) -> ReplayMiss:
        return ReplayMiss(
            f"回放模式下缓存中没有这个请求（{what}）：请先不带 --replay 运行一次以录制；"
            "模型名、提示词版本或分块变化都会使缓存失效"
        )

    def put(self, key: str, *, model: str, prompt_version: str, request: dict[str, Any], reply: Reply) -> None:
        if self._db is None or self.replay:
            return
        with self._lock:
            self._db.execute(
                "INSERT OR REPLACE INTO replies VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key,
                    model,
                    prompt_version,
                    reply.mode,
                    json.dumps(request, ensure_ascii=False),
                    reply.text,
                    reply.tokens_in,
                    reply.tokens_out,
                    int(reply.truncated),
                    reply.seconds,
                    time.time(),
                ),
            )

    def record(self, entry: LedgerEntry) -> None:
        if self._db is None or self.replay:
            return
        with self._lock:
            self._db.execute(
                "INSERT INTO ledger (document, sha256, model, prompt_version, chunks, requests, cache_hits, "
                "tokens_in, tokens_out, seconds, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    entry.document,
                    entry.sha256,
                    entry.model,
                    entry.prompt_version,
                    entry.chunks,
                    entry.requests,
                    entry.cache_hits,
                    entry.tokens_in,
                    entry.tokens_out,
                    entry.seconds,
                    time.time(),
                ),
            )

    def ledger(self) -> list[LedgerEntry]:
        if self._db is None:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT document, sha256, model, prompt_version, chunks, requests, cache_hits, tokens_in, "
                "tokens_out, seconds FROM ledger ORDER BY id"
            ).fetchall()
        return [LedgerEntry(*row) for row in rows]

    def get_meta(self, key: str) -> str | None:
        if self._db is None:
            return None
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        if self._db is None or self.replay:
            return
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))
