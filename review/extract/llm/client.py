"""The one place that talks HTTP to a model (模型客户端): `complete(messages, schema, mode)`.

- Any OpenAI-compatible endpoint through the `openai` package, with its own retries off
  (`max_retries=0`) and an explicit timeout.
- Transport faults (timeouts, connection errors, 429, 5xx) are retried here and only here, with
  tenacity: bounded attempts, exponential backoff, and the server's Retry-After honoured.
- Structured output: `json_schema` → `json_object` with a `schema` field (llama-cpp-python's
  server) → plain `json_object`. In `auto` mode a server that rejects a mode is asked again in
  the next one, and the mode that worked is remembered for later requests. Mode `none` sends no
  response_format at all. Replies are validated client-side in every mode (review.extract.llm.schema).
- Every HTTP attempt is counted, and the tokens of every answered one.
"""

from __future__ import annotations

import email.utils
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import openai
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from review.core.errors import LLMTransportError
from review.extract.llm.settings import LLMSettings

MODES: tuple[str, ...] = ("json_schema", "json_object_schema", "json_object")
Message = dict[str, str]
_REJECTS_FORMAT = re.compile(r"response_format|json_schema|json_object|grammar|not supported|unsupported", re.I)
_RETRY_STATUS = frozenset({408, 409, 429})


@dataclass(frozen=True)
class Reply:
    """One answered request. `requests` counts every HTTP attempt it took (retries, fallbacks)."""

    text: str
    tokens_in: int = 0
    tokens_out: int = 0
    mode: str = ""
    requests: int = 1
    truncated: bool = False
    seconds: float = 0.0


class ChatClient(Protocol):
    """The small interface the extractor depends on; tests may pass any object like it."""

    model: str

    def complete(self, messages: list[Message], schema: dict[str, Any], mode: str) -> Reply: ...


class TransportFailure(LLMTransportError):
    """The endpoint could not give an answer; `requests` attempts were made."""

    def __init__(self, message: str, *, requests: int = 0, original: BaseException | None = None) -> None:
        super().__init__(message)
        self.requests = requests
        self.original = original


class _ModeRejected(Exception):
    def __init__(self, mode: str, detail: str) -> None:
        super().__init__(detail)
        self.mode = mode


def response_format(mode: str, schema: dict[str, Any]) -> dict[str, Any] | None:
    """The request's response_format for a mode; None for "none" (the prompt alone asks for JSON)."""
    if mode == "none":
        return None
    if mode == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": "relations", "strict": False, "schema": schema}}
    if mode == "json_object_schema":
        return {"type": "json_object", "schema": schema}
    if mode == "json_object":
        return {"type": "json_object"}
    raise ValueError(f"unknown structured-output mode {mode!r}")


def retry_after(exc: BaseException) -> float | None:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms), if it said so."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    raw = headers.get("retry-after")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(raw)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _status(exc: BaseException) -> int | None:
    return exc.status_code if isinstance(exc, openai.APIStatusError) else None


def _body(exc: BaseException) -> str:
    if isinstance(exc, openai.APIStatusError):
        try:
            return exc.response.text[:500]
        except Exception:  # noqa: BLE001 - a body we cannot read is just not shown
            return str(exc)[:500]
    return str(exc)[:500]


def _transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError
        return True
    status = _status(exc)
    return status is not None and (status in _RETRY_STATUS or status >= 500)


class OpenAIChatClient:
    """ChatClient over the openai package; thread-safe (one instance serves all workers)."""

    def __init__(
        self,
        settings: LLMSettings,
        *,
        base_url: str,
        model: str,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.model = model
        self.base_url = base_url
        self.settings = settings
        self._sleep = sleep
        self._client = openai.OpenAI(
            base_url=base_url,
            api_key=settings.api_key or "not-needed",
            max_retries=0,
            timeout=settings.timeout,
        )
        self._lock = threading.Lock()
        self.learned_mode: str | None = None

    def close(self) -> None:
        self._client.close()

    def complete(self, messages: list[Message], schema: dict[str, Any], mode: str = "auto") -> Reply:
        if mode == "auto":
            with self._lock:
                first = self.learned_mode or MODES[0]
            order = MODES[MODES.index(first) :]
        else:
            order = (mode,)
        attempts = [0]
        started = time.monotonic()
        for i, m in enumerate(order):
            try:
                reply = self._with_retries(messages, schema, m, attempts)
            except _ModeRejected as exc:
                if i + 1 < len(order):
                    continue
                hint = "REVIEW_LLM_OUTPUT=auto" if mode != "auto" else "一个支持 JSON 输出的端点"
                raise TransportFailure(
                    f"端点不接受结构化输出方式 {exc.mode}（{exc}）：请改用 {hint}",
                    requests=attempts[0],
                ) from None
            if mode == "auto":
                with self._lock:
                    self.learned_mode = m
            return Reply(
                text=reply.text,
                tokens_in=reply.tokens_in,
                tokens_out=reply.tokens_out,
                mode=m,
                requests=attempts[0],
                truncated=reply.truncated,
                seconds=time.monotonic() - started,
            )
        raise AssertionError("unreachable")

    # --- one mode, with transport retries -----------------------------------------------------

    def _with_retries(self, messages: list[Message], schema: dict[str, Any], mode: str, attempts: list[int]) -> Reply:
        def once() -> Reply:
            attempts[0] += 1
            return self._once(messages, schema, mode)

        retrying = Retrying(
            stop=stop_after_attempt(self.settings.retries + 1),
            wait=self._wait,
            retry=retry_if_exception(_transient),
            sleep=self._sleep,
            reraise=True,
        )
        try:
            return retrying(once)
        except _ModeRejected:
            raise
        except openai.APIError as exc:
            raise TransportFailure(self._explain(exc, attempts[0]), requests=attempts[0], original=exc) from None

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = retry_after(exc) if exc else None
        if asked is not None:
            return min(asked, self.settings.max_wait)
        return float(min(self.settings.backoff * 2 ** (state.attempt_number - 1), self.settings.max_wait))

    def _once(self, messages: list[Message], schema: dict[str, Any], mode: str) -> Reply:
        try:
            resp = self._client.chat.completions.create(
                model=self.model,
                messages=messages,  # type: ignore[arg-type]  # plain role/content dicts; openai wants its TypedDicts
                temperature=self.settings.temperature,
                max_tokens=self.settings.max_tokens,
                extra_body={"response_format": rf} if (rf := response_format(mode, schema)) else None,
            )
        except openai.APIStatusError as exc:
            if exc.status_code in (400, 404, 415, 422, 500, 501) and _REJECTS_FORMAT.search(_body(exc)):
                raise _ModeRejected(mode, f"HTTP {exc.status_code}: {_body(exc)[:160]}") from None
            raise
        if not resp.choices:
            return Reply(text="", mode=mode)
        choice = resp.choices[0]
        usage = resp.usage
        return Reply(
            text=choice.message.content or "",
            tokens_in=usage.prompt_tokens if usage else 0,
            tokens_out=usage.completion_tokens if usage else 0,
            mode=mode,
            truncated=choice.finish_reason == "length",
        )

    def _explain(self, exc: openai.APIError, attempts: int) -> str:
        status = _status(exc)
        tail = f"（共尝试 {attempts} 次）"
        if isinstance(exc, openai.APITimeoutError):
            return (
                f"模型请求超时（{self.settings.timeout:g} 秒）{tail}："
                "可调大 REVIEW_LLM_TIMEOUT 或减小 REVIEW_LLM_CONCURRENCY"
            )
        if isinstance(exc, openai.APIConnectionError):
            return f"无法连接模型端点 {self.base_url}{tail}：请检查 REVIEW_LLM_BASE_URL 以及服务是否已启动"
        if status in (401, 403):
            return f"模型端点拒绝访问（HTTP {status}）：请检查 REVIEW_LLM_API_KEY"
        if status == 404:
            return (
                "模型端点或模型不存在（HTTP 404）："
                f"请检查 REVIEW_LLM_BASE_URL（通常以 /v1 结尾）和 REVIEW_LLM_MODEL={self.model}"
            )
        if status == 429:
            return f"模型端点限流（HTTP 429）{tail}：请稍后再试或减小 REVIEW_LLM_CONCURRENCY"
        if status is not None and status >= 500:
            return f"模型端点服务器错误（HTTP {status}）{tail}：{_body(exc)[:160]}"
        return f"模型请求失败（{'HTTP ' + str(status) if status else type(exc).__name__}）{tail}：{_body(exc)[:160]}"
