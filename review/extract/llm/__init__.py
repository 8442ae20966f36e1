"""Language-model extraction: "the model points, Python computes".

settings → client (HTTP, retries, structured-output modes) → prompting → schema (validate) →
grounding (quotes located and re-parsed) → extract (chunks, outcomes, ledger), with cache
(SQLite, replay) and local (the embedded offline model). `build_extractor` wires them from
settings for the command line and the page.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping
from typing import Any, TextIO

from review.core.errors import ConfigError
from review.extract.llm.cache import Cache
from review.extract.llm.client import Message, OpenAIChatClient, Reply
from review.extract.llm.extract import LLMExtractor, identity_of
from review.extract.llm.prompting import load_prompt
from review.extract.llm.settings import LLMSettings, load_settings

__all__ = [
    "LLMExtractor",
    "LLMSettings",
    "ProgressBar",
    "build_extractor",
    "load_settings",
    "model_configured",
    "model_identity",
]


def model_configured(env: Mapping[str, str]) -> bool:
    """True when the environment names a model (REVIEW_LLM_BASE_URL or REVIEW_LLM=local)."""
    return bool(env.get("REVIEW_LLM_BASE_URL", "").strip()) or env.get("REVIEW_LLM", "").strip().lower() == "local"


class _ReplayOnly:
    """Stands in for the client under --replay: nothing may be sent."""

    def __init__(self, model: str) -> None:
        self.model = model

    def complete(self, messages: list[Message], schema: dict[str, Any], mode: str) -> Reply:
        raise ConfigError("--replay 模式下不发送模型请求")


def build_extractor(settings: LLMSettings, *, replay: bool = False) -> LLMExtractor:
    """The model extractor the settings describe; ConfigError (with how to fix) when incomplete.

    With REVIEW_LLM=local the embedded model's server is started or reused (one request at a
    time: llama-cpp-python's server runs one completion at once), and `auto` output means
    `local.LOCAL_OUTPUT`. Under `replay` nothing is
    started and nothing is sent: every reply must come from the cache.
    """
    from review.extract.llm import local  # imported here: only the local path needs it

    prompt = load_prompt(settings.prompt)
    cache = Cache(settings.cache_path, replay=replay)
    concurrency = settings.concurrency
    mode: str = settings.output
    if settings.provider == "local":
        spec = local.MODELS[settings.local_model]
        if replay:
            return LLMExtractor(
                _ReplayOnly(spec.alias),
                prompt,
                cache=cache,
                mode=mode,
                concurrency=1,
                reasks=settings.reasks,
                params=_params(settings),
            )
        base_url, model = local.ensure_server(settings)
        concurrency = 1
        mode = local.LOCAL_OUTPUT if settings.output == "auto" else settings.output
        # on 2 cores the 1.5B model writes ~10 tokens/s: a full 1500-token reply takes ~3 minutes
        settings = settings.model_copy(update={"timeout": max(settings.timeout, local.LOCAL_TIMEOUT)})
    else:
        if replay and settings.model:
            return LLMExtractor(
                _ReplayOnly(settings.model),
                prompt,
                cache=cache,
                mode=settings.output,
                concurrency=concurrency,
                reasks=settings.reasks,
                params=_params(settings),
            )
        settings.require_endpoint()
        base_url, model = str(settings.base_url), str(settings.model)
    client = OpenAIChatClient(settings, base_url=base_url, model=model)
    return LLMExtractor(
        client,
        prompt,
        cache=cache,
        mode=mode,
        concurrency=concurrency,
        reasks=settings.reasks,
        params=_params(settings),
    )


def model_identity(settings: LLMSettings) -> str:
    """The identity (model + prompt) an extractor built from these settings will have, without
    building it (no server is started): the model part of the review key."""
    from review.extract.llm import local

    name = local.MODELS[settings.local_model].alias if settings.provider == "local" else str(settings.model)
    return identity_of(name, load_prompt(settings.prompt))


def _params(settings: LLMSettings) -> dict[str, Any]:
    return {"temperature": settings.temperature, "max_tokens": settings.max_tokens}


class ProgressBar:
    """`progress(done, total)` drawn on stderr: redrawn in place on a terminal, one line at the end
    otherwise."""

    def __init__(self, label: str, stream: TextIO | None = None, width: int = 24) -> None:
        self.label = label
        self.stream = stream or sys.stderr
        self.width = width
        self._lock = threading.Lock()

    def __call__(self, done: int, total: int) -> None:
        with self._lock:
            tty = self.stream.isatty()
            if not tty and done < total:
                return
            filled = self.width * done // total if total else self.width
            bar = "█" * filled + "·" * (self.width - filled)
            end = "\n" if done >= total else ""
            self.stream.write(
                f"\r模型抽取 {self.label} [{bar}] {done}/{total}{end}"
                if tty
                else f"模型抽取 {self.label}：{done}/{total} 块\n"
            )
            self.stream.flush()
