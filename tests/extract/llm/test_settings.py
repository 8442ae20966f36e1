"""Settings come from a mapping (never os.environ inside), a config file, and say how to fix mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest

from review.core.errors import ConfigError
from review.extract.llm import build_extractor, model_configured
from review.extract.llm.settings import load_settings


def test_defaults_and_paths(tmp_path):
    s = load_settings({"REVIEW_HOME": str(tmp_path), "HOME": "/home/x"})
    assert (s.output, s.concurrency, s.timeout, s.max_tokens, s.retries, s.reasks) == ("auto", 2, 180.0, 1500, 3, 1)
    assert not s.configured
    assert s.cache_path == tmp_path / "llm-cache.sqlite"
    assert s.models_dir == "/home/x/.cache/jixiao-fuhe/models"


def test_environment_values(tmp_path):
    s = load_settings(
        {
            "REVIEW_HOME": str(tmp_path),
            "REVIEW_LLM_BASE_URL": "http://127.0.0.1:9/v1",
            "REVIEW_LLM_MODEL": "qwen",
            "REVIEW_LLM_OUTPUT": "json_object",
            "REVIEW_LLM_CONCURRENCY": "5",
            "REVIEW_LLM_TIMEOUT": "30",
            "REVIEW_LLM_MAX_TOKENS": "800",
            "REVIEW_LLM_CACHE": "off",
        }
    )
    assert (s.base_url, s.model, s.output, s.concurrency, s.timeout, s.max_tokens) == (
        "http://127.0.0.1:9/v1",
        "qwen",
        "json_object",
        5,
        30.0,
        800,
    )
    assert s.configured and s.cache_path is None


@pytest.mark.parametrize(
    ("key", "value", "hint"),
    [
        ("REVIEW_LLM_OUTPUT", "xml", "auto | json_schema | json_object_schema | json_object"),
        ("REVIEW_LLM_CONCURRENCY", "0", "1 to 64"),
        ("REVIEW_LLM_TIMEOUT", "soon", "seconds"),
        ("REVIEW_LLM_BASE_URL", "localhost:8000", "http://127.0.0.1:8000/v1"),
        ("REVIEW_LLM", "cloud", "local"),
    ],
)
def test_wrong_values_say_how_to_fix(tmp_path, key, value, hint):
    with pytest.raises(ConfigError) as info:
        load_settings({"REVIEW_HOME": str(tmp_path), key: value})
    assert key in str(info.value) and hint in str(info.value)


def test_missing_endpoint_says_how_to_fix(tmp_path):
    with pytest.raises(ConfigError) as info:
        build_extractor(load_settings({"REVIEW_HOME": str(tmp_path), "REVIEW_LLM_MODEL": "m"}))
    message = str(info.value)
    assert "REVIEW_LLM_BASE_URL" in message and "REVIEW_LLM=local" in message and "--extractor rules" in message


def test_config_file_and_env_precedence(tmp_path):
    (tmp_path / "llm.toml").write_text(
        '[llm]\nbase_url = "http://127.0.0.1:1/v1"\nmodel = "from-file"\nconcurrency = 3\n'
    )
    s = load_settings({"REVIEW_HOME": str(tmp_path), "REVIEW_LLM_MODEL": "from-env"})
    assert (s.base_url, s.model, s.concurrency) == ("http://127.0.0.1:1/v1", "from-env", 3)


def test_config_file_errors(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("model = \n")
    with pytest.raises(ConfigError, match="TOML"):
        load_settings({"REVIEW_HOME": str(tmp_path), "REVIEW_LLM_CONFIG": str(bad)})
    bad.write_text('modle = "x"\n')
    with pytest.raises(ConfigError, match="modle"):
        load_settings({"REVIEW_HOME": str(tmp_path), "REVIEW_LLM_CONFIG": str(bad)})
    with pytest.raises(ConfigError, match="REVIEW_LLM_CONFIG"):
        load_settings({"REVIEW_HOME": str(tmp_path), "REVIEW_LLM_CONFIG": str(tmp_path / "missing.toml")})


def test_local_without_a_prepared_model_says_run_make(tmp_path):
    s = load_settings(
        {
            "REVIEW_HOME": str(tmp_path),
            "REVIEW_LLM": "local",
            "REVIEW_LLM_MODELS_DIR": str(tmp_path / "m"),
            "REVIEW_LLM_LOCAL_PORT": str(_free_port()),
        }
    )
    assert s.configured
    with pytest.raises(ConfigError, match="make local-llm"):
        build_extractor(s)


def test_model_configured():
    assert model_configured({"REVIEW_LLM_BASE_URL": "http://127.0.0.1:1/v1"})
    assert model_configured({"REVIEW_LLM": "LOCAL"})
    assert not model_configured({"REVIEW_LLM_MODEL": "m", "REVIEW_LLM_BASE_URL": " "})


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_no_llm_environment_leaks_into_tests():
    import os

    assert not [k for k in os.environ if k.startswith("REVIEW_LLM")]
    assert Path(os.environ["REVIEW_HOME"]).name == "review-home"


def test_the_example_configs_load_as_settings() -> None:
    """examples/llm.*.toml (a hosted endpoint, a JSON-mode-only one) are valid settings files."""
    examples = sorted((Path(__file__).resolve().parents[3] / "examples").glob("llm.*.toml"))
    assert len(examples) >= 2
    for path in examples:
        settings = load_settings({"REVIEW_LLM_CONFIG": str(path)})
        assert settings.base_url and settings.model and settings.output in ("auto", "json_object")
