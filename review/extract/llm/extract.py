"""The model extractor (模型抽取): chunks out in parallel, each reply validated and grounded, every
chunk ending with a recorded outcome, every request and token in a per-report ledger.

Re-asks (tenacity, bounded by REVIEW_LLM_REASKS) happen here only for invalid output or ungrounded
quotes, never because numbers do not add up. Transport retries are the client's business; a chunk
whose requests fail is recorded as failed with the reason, and the review is then incomplete.
"""

from __future__ import annotations

import threading
import time
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any, Literal

from tenacity import Retrying, retry_if_result, stop_after_attempt

from review.core.claims import Claims, Quantity, Relation
from review.core.document import Document
from review.core.errors import LLMOutputError
from review.core.outcomes import ChunkOutcome, ModelResult, Progress
from review.extract.chunking import Chunk, chunk
from review.extract.llm.cache import Cache, LedgerEntry, request_key
from review.extract.llm.client import ChatClient, Message, Reply, TransportFailure
from review.extract.llm.formulations import FORMULATIONS
from review.extract.llm.grounding import Grounded
from review.extract.llm.prompting import Prompt, reask_invalid, reask_ungrounded
from review.extract.merge import new_relations, renamed


@dataclass
class _Tally:
    requests: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0

    def add(self, reply: Reply, cached: bool) -> None:
        if cached:
            self.cache_hits += 1
            return
        self.requests += reply.requests
        self.tokens_in += reply.tokens_in
        self.tokens_out += reply.tokens_out


@dataclass
class _Asking:
    """The state of one chunk's asks: the conversation so far and the best grounded reply."""

    messages: list[Message]
    best: Grounded | None = None
    invalid: list[str] = field(default_factory=list)
    failure: str = ""
    asked: int = 0
    tally: _Tally = field(default_factory=_Tally)


@dataclass
class _Done:
    outcome: ChunkOutcome
    grounded: Grounded | None
    tally: _Tally = field(default_factory=_Tally)


def identity_of(model: str, prompt: Prompt) -> str:
    """The model part of a review key: the model's name and the prompt's version and digest."""
    return f"{model}（提示词 {prompt.version}+{prompt.sha}）"


class LLMExtractor:
    """A `review.pipeline.ModelExtractor`. One instance may review many documents; `ledger`
    keeps one entry per document, and the cache keeps them too."""

    def __init__(
        self,
        client: ChatClient,
        prompt: Prompt,
        *,
        cache: Cache | None = None,
        mode: str = "auto",
        concurrency: int = 2,
        reasks: int = 1,
        params: dict[str, Any] | None = None,
        chunk_size: int = 1200,
    ) -> None:
        self.client = client
        self.prompt = prompt
        self.cache = cache or Cache(None)
        self.mode = mode
        self.concurrency = concurrency
        self.reasks = reasks
        self.params = dict(params or {})
        self.chunk_size = chunk_size
        self.ledger: list[LedgerEntry] = []
        self.formulation = FORMULATIONS[prompt.formulation]
        self._mode_key = f"mode:{getattr(client, 'base_url', '')}:{client.model}"
        known = self.cache.get_meta(self._mode_key)
        if known and mode == "auto" and hasattr(client, "learned_mode") and client.learned_mode is None:
            client.learned_mode = known

    @property
    def identity(self) -> str:
        """What of the model path changes a result: the model and the prompt (version and digest)."""
        return identity_of(self.client.model, self.prompt)

    def __call__(self, doc: Document, progress: Progress | None = None) -> ModelResult:
        started = time.monotonic()
        chunks = chunk(doc, size=self.chunk_size, overlap=min(100, self.chunk_size // 4))
        done: list[_Done] = []
        lock = threading.Lock()
        if progress:
            progress(0, len(chunks))

        def work(c: Chunk) -> _Done:
            result = self._chunk(doc, c)
            with lock:
                done.append(result)
                if progress:
                    progress(len(done), len(chunks))
            return result

        with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="llm") as pool:
            futures: list[Future[_Done]] = [pool.submit(work, c) for c in chunks]
            _, pending = wait(futures, return_when=FIRST_EXCEPTION)
            for f in futures:
                if f.done() and (exc := f.exception()) is not None:
                    for p in pending:
                        p.cancel()
                    raise exc  # a replay miss: the whole run stops
        done.sort(key=lambda d: d.outcome.index)
        learned = getattr(self.client, "learned_mode", None)
        if learned and self.mode == "auto":
            self.cache.set_meta(self._mode_key, learned)
        return self._result(doc, done, time.monotonic() - started)

    # --- one chunk ----------------------------------------------------------------------------

    def _chunk(self, doc: Document, c: Chunk) -> _Done:
        started = time.monotonic()
        st = _Asking(messages=self.prompt.messages(self.formulation.shown(doc, c)))

        def ask_once() -> bool:
            """One ask; True when the reply calls for a re-ask (invalid output, ungrounded quotes)."""
            st.asked += 1
            try:
                reply, cached = self._ask(doc, c, st.messages)
            except TransportFailure as exc:  # already retried by the client: give up on this chunk
                st.tally.requests += exc.requests
                st.failure = str(exc)
                return False
            st.tally.add(reply, cached)
            try:
                grounded, malformed = self.formulation.grounded(reply.text, doc, c)
            except LLMOutputError as exc:
                st.invalid.append(str(exc) + ("（回复达到 max_tokens 被截断）" if reply.truncated else ""))
                st.messages = reask_invalid(st.messages, reply.text, str(exc), reply.truncated)
                return True
            grounded.rejected[:0] = [f"格式不符 {m}" for m in malformed]
            if st.best is None or (grounded.kept, -len(grounded.ungrounded)) > (st.best.kept, -len(st.best.ungrounded)):
                st.best = grounded
            if not grounded.ungrounded or not self.formulation.reask_ungrounded:
                return False
            st.messages = reask_ungrounded(st.messages, reply.text, grounded.ungrounded)
            return True

        Retrying(
            stop=stop_after_attempt(self.reasks + 1),
            retry=retry_if_result(bool),
            retry_error_callback=lambda _: False,
            reraise=True,
        )(ask_once)
        best, invalid, failure, tally = st.best, st.invalid, st.failure, st.tally
        status: Literal["ok", "retried", "failed"]
        if best is None:
            reason = failure or f"模型输出无效（{len(invalid)} 次）：{invalid[-1] if invalid else '无回复'}"
            status = "failed"
        else:
            reason = failure
            status = "ok" if st.asked == 1 and tally.requests <= 1 else "retried"
        outcome = ChunkOutcome(
            start=c.start,
            end=c.end,
            status=status,
            reason=reason,
            index=c.index,
            claims=best.kept if best else 0,
            ungrounded=tuple(best.ungrounded) if best else (),
            rejected=tuple(best.rejected) if best else (),
            invalid=len(invalid),
            requests=tally.requests,
            cache_hits=tally.cache_hits,
            tokens_in=tally.tokens_in,
            tokens_out=tally.tokens_out,
            seconds=round(time.monotonic() - started, 3),
        )
        return _Done(outcome, best, tally)

    def _ask(self, doc: Document, c: Chunk, messages: list[Message]) -> tuple[Reply, bool]:
        params = {"mode": "structured", **self.params}
        key = request_key(
            self.client.model, f"{self.prompt.version}+{self.prompt.sha}", self.formulation.schema_sha, params, messages
        )
        hit = self.cache.get(key)
        if hit is not None:
            return hit, True
        if self.cache.replay:
            raise self.cache.miss(f"{doc.path} 第 {c.index + 1} 块，{c.start}–{c.end}")
        reply = self.client.complete(messages, self.formulation.schema, self.mode)
        self.cache.put(
            key,
            model=self.client.model,
            prompt_version=self.prompt.version,
            request={"messages": messages, "params": params},
            reply=reply,
        )
        return reply, False

    # --- the document -------------------------------------------------------------------------

    def _result(self, doc: Document, done: list[_Done], seconds: float) -> ModelResult:
        total = _Tally()
        for d in done:
            for k in ("requests", "cache_hits", "tokens_in", "tokens_out"):
                setattr(total, k, getattr(total, k) + getattr(d.tally, k))
        entry = LedgerEntry(
            document=doc.path,
            sha256=doc.sha256,
            model=self.client.model,
            prompt_version=self.prompt.version,
            chunks=len(done),
            requests=total.requests,
            cache_hits=total.cache_hits,
            tokens_in=total.tokens_in,
            tokens_out=total.tokens_out,
            seconds=round(seconds, 3),
        )
        self.ledger.append(entry)
        self.cache.record(entry)
        return ModelResult(
            claims=merge_chunks([d.grounded for d in done if d.grounded]),
            chunks=tuple(d.outcome for d in done),
            model=self.client.model,
            prompt_version=self.prompt.version,
            requests=total.requests,
            tokens=total.tokens_in + total.tokens_out,
            tokens_in=total.tokens_in,
            tokens_out=total.tokens_out,
            cache_hits=total.cache_hits,
            seconds=round(seconds, 3),
        )


def merge_chunks(parts: list[Grounded]) -> Claims:
    """One set of claims from all chunks: a number seen in two overlapping chunks is one quantity."""
    by_span: dict[tuple[int, int], Quantity] = {}
    rename: dict[str, str] = {}
    relations: list[Relation] = []
    for g in parts:
        for q in g.quantities.values():
            kept = by_span.setdefault((q.start, q.end), q)
            rename[q.id] = kept.id
        relations += new_relations(relations, (renamed(rel, rename) for rel in g.relations))
    quantities = sorted(by_span.values(), key=lambda q: q.start)
    return Claims(quantities=tuple(quantities), relations=tuple(relations))
