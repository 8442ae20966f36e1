"""Language-model settings (语言模型配置), built from an environment mapping and an optional TOML
file. Only the edges (cli.py, app.py) pass `os.environ` in; everything else receives a
`LLMSettings` object.

Environment (each overrides the same key in the file named by REVIEW_LLM_CONFIG, by default
`llm.toml` in the home, see review.config):

    REVIEW_LLM_BASE_URL     OpenAI-compatible endpoint, e.g. http://127.0.0.1:8000/v1
    REVIEW_LLM_MODEL        model name the endpoint serves
    REVIEW_LLM_API_KEY      key, if the endpoint needs one
    REVIEW_LLM_OUTPUT       auto | json_schema | json_object_schema | json_object | none
                            (none: no response_format, JSON asked for by the prompt only; what
                            auto means for REVIEW_LLM=local, see review.extract.llm.local)
    REVIEW_LLM_CONCURRENCY  parallel requests (default 2)
    REVIEW_LLM_TIMEOUT      seconds per request (default 180)
    REVIEW_LLM_MAX_TOKENS   completion budget per request (default 1500)
    REVIEW_LLM_RETRIES      transport retries per request (default 3)
    REVIEW_LLM_REASKS       re-asks on invalid output or ungrounded quotes (default 1)
    REVIEW_LLM_CACHE        SQLite cache path (default: llm-cache.sqlite in the home), or "off"
    REVIEW_LLM=local        use the embedded offline model (see review.extract.llm.local)
    REVIEW_LLM_LOCAL_MODEL  1.5b (default) | 0.5b
    REVIEW_LLM_PROMPT       the prompt version in review/prompts/ (default extract_v1: quotes;
                            ids_v1: numbers marked by id, see review.extract.llm.formulations)
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from review import config
from review.core.errors import ConfigError

OutputMode = Literal["auto", "json_schema", "json_object_schema", "json_object", "none"]
OUTPUT_MODES: tuple[str, ...] = ("auto", "json_schema", "json_object_schema", "json_object", "none")

# env name -> (field, how to fix when wrong)
_ENV: dict[str, tuple[str, str]] = {
    "REVIEW_LLM_BASE_URL": ("base_url", "an http(s) URL such as http://127.0.0.1:8000/v1"),
    "REVIEW_LLM_MODEL": ("model", "the model name the endpoint serves"),
    "REVIEW_LLM_API_KEY": ("api_key", "the endpoint's API key"),
    "REVIEW_LLM_OUTPUT": ("output", "one of " + " | ".join(OUTPUT_MODES)),
    "REVIEW_LLM_CONCURRENCY": ("concurrency", "a whole number from 1 to 64, e.g. 2"),
    "REVIEW_LLM_TIMEOUT": ("timeout", "seconds, a number from 1 to 3600, e.g. 180"),
    "REVIEW_LLM_MAX_TOKENS": ("max_tokens", "a whole number from 64 to 32768, e.g. 1500"),
    "REVIEW_LLM_RETRIES": ("retries", "a whole number from 0 to 10, e.g. 3"),
    "REVIEW_LLM_REASKS": ("reasks", "a whole number from 0 to 3, e.g. 1"),
    "REVIEW_LLM_BACKOFF": ("backoff", "seconds before the first retry, e.g. 1"),
    "REVIEW_LLM_CACHE": ("cache", "a file path for the SQLite cache, or off"),
    "REVIEW_LLM": ("provider", "local (the embedded model) or remote"),
    "REVIEW_LLM_LOCAL_MODEL": ("local_model", "1.5b or 0.5b"),
    "REVIEW_LLM_LOCAL_PORT": ("local_port", "a free TCP port, e.g. 8765"),
    "REVIEW_LLM_LOCAL_THREADS": ("local_threads", "a whole number of CPU threads, e.g. 2"),
    "REVIEW_LLM_MODELS_DIR": ("models_dir", "a directory for the assembled model files"),
    "REVIEW_LLM_PROMPT": ("prompt", "a prompt version in review/prompts/, e.g. extract_v1 or ids_v1"),
}
_BY_FIELD = {f: (env, fix) for env, (f, fix) in _ENV.items()}


class LLMSettings(BaseModel):
    """Everything the model path needs; immutable once built."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    provider: Literal["remote", "local"] = "remote"
    base_url: str | None = Field(default=None, pattern=r"^https?://\S+$")
    model: str | None = None
    api_key: str | None = None
    output: OutputMode = "auto"
    concurrency: int = Field(default=2, ge=1, le=64)
    timeout: float = Field(default=180.0, ge=0.1, le=3600)
    max_tokens: int = Field(default=1500, ge=64, le=32768)
    retries: int = Field(default=3, ge=0, le=10)
    reasks: int = Field(default=1, ge=0, le=3)
    backoff: float = Field(default=1.0, ge=0, le=60)
    max_wait: float = Field(default=60.0, ge=0, le=600)
    temperature: float = Field(default=0.0, ge=0, le=2)
    cache: str = ""
    home: str = ""
    local_model: Literal["1.5b", "0.5b"] = "1.5b"
    local_port: int = Field(default=8765, ge=1024, le=65535)
    local_threads: int = Field(default=2, ge=1, le=256)
    models_dir: str = ""
    prompt: str = Field(default="extract_v1", pattern=r"^[a-z0-9_]+$")

    @property
    def configured(self) -> bool:
        """True when a model is set up (an endpoint or the embedded model)."""
        return self.provider == "local" or bool(self.base_url)

    @property
    def cache_path(self) -> Path | None:
        if self.cache.lower() == "off":
            return None
        return Path(self.cache) if self.cache else Path(self.home) / "llm-cache.sqlite"

    def require_endpoint(self) -> None:
        """Raise ConfigError, saying how to fix it, unless an endpoint and a model are set."""
        missing = [
            env
            for env, field in (("REVIEW_LLM_BASE_URL", "base_url"), ("REVIEW_LLM_MODEL", "model"))
            if not getattr(self, field)
        ]
        if missing:
            raise ConfigError(
                f"语言模型未配置：请设置 {'、'.join(missing)}（例如 REVIEW_LLM_BASE_URL=http://127.0.0.1:8000/v1 "
                "REVIEW_LLM_MODEL=qwen2.5-7b-instruct），"
                "或设置 REVIEW_LLM=local 使用内置离线模型（先运行 make local-llm），"
                "或使用 --extractor rules"
            )


def load_settings(env: Mapping[str, str], **overrides: object) -> LLMSettings:
    """Settings from the config file (if any), then `env`, then `overrides` (command-line flags)."""
    raw: dict[str, object] = {}
    raw.update(_read_file(env))
    for name, (field, _) in _ENV.items():
        value = env.get(name)
        if value is not None and value.strip() != "":
            raw[field] = value.strip()
    raw.update({k: v for k, v in overrides.items() if v is not None})
    raw.setdefault("home", str(config.home(env)))
    raw.setdefault("models_dir", str(config.models_dir(env)))
    if isinstance(raw.get("provider"), str):
        raw["provider"] = str(raw["provider"]).lower()
    try:
        return LLMSettings.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_explain(exc)) from None


def _read_file(env: Mapping[str, str]) -> dict[str, object]:
    named = env.get("REVIEW_LLM_CONFIG")
    path = Path(named) if named else config.home(env) / "llm.toml"
    if not path.is_file():
        if named:
            raise ConfigError(f"REVIEW_LLM_CONFIG 指向的配置文件不存在：{path}（请改正路径或删除该变量）")
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f'配置文件 {path} 无法读取：{exc}（应为 TOML，如 base_url = "http://…/v1"）') from None
    section = data.get("llm", data)
    if not isinstance(section, dict):
        raise ConfigError(f"配置文件 {path}：[llm] 应为键值表")
    unknown = sorted(set(section) - set(LLMSettings.model_fields))
    if unknown:
        raise ConfigError(f"配置文件 {path} 有未知的键 {', '.join(unknown)}（可用：{', '.join(sorted(_BY_FIELD))}）")
    return dict(section)


def _explain(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        field = str(err["loc"][0]) if err["loc"] else "?"
        env, fix = _BY_FIELD.get(field, (field, ""))
        parts.append(f"{env}={err.get('input')!r} 无效：应为 {fix}" if fix else f"{env}: {err['msg']}")
    return "语言模型配置有误：" + "；".join(parts)
