"""One home (数据目录): the review database, llm.toml and the model cache all default to
`review.config.home(env)`; only the assembled model files live in a cache directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from review.cli import main
from review.config import home, models_dir
from review.extract.llm.settings import load_settings
from tests.conftest import ROOT, SAMPLES

SEED = SAMPLES / "000_695a98b4701d5873.txt"


@pytest.fixture
def no_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No REVIEW_HOME and no XDG variables; HOME is tmp_path and so is the working directory."""
    for key in ("REVIEW_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    return tmp_path / ".local" / "share" / "jixiao-fuhe"


def test_review_home_wins_and_expands_the_user(tmp_path: Path) -> None:
    assert home({"REVIEW_HOME": str(tmp_path / "h"), "HOME": "/home/x"}) == tmp_path / "h"
    assert home({"REVIEW_HOME": "~/reviews", "HOME": "/home/x"}) == Path("/home/x/reviews")


def test_the_default_is_the_user_data_directory() -> None:
    assert home({"HOME": "/home/x"}) == Path("/home/x/.local/share/jixiao-fuhe")
    assert home({"HOME": "/home/x", "XDG_DATA_HOME": "/data"}) == Path("/data/jixiao-fuhe")
    assert home({"HOME": "/home/x", "REVIEW_HOME": "  "}) == Path("/home/x/.local/share/jixiao-fuhe")


def test_model_files_stay_in_the_cache_directory() -> None:
    assert models_dir({"HOME": "/home/x"}) == Path("/home/x/.cache/jixiao-fuhe/models")
    assert models_dir({"HOME": "/home/x", "XDG_CACHE_HOME": "/c"}) == Path("/c/jixiao-fuhe/models")
    assert models_dir({"HOME": "/home/x", "REVIEW_LLM_MODELS_DIR": "/m"}) == Path("/m")


def test_settings_and_cache_default_to_the_same_home(no_home: Path) -> None:
    (no_home).mkdir(parents=True)
    (no_home / "llm.toml").write_text('[llm]\nmodel = "from-home"\n', encoding="utf-8")
    s = load_settings(dict(os.environ))
    assert s.model == "from-home"
    assert Path(s.home) == no_home and s.cache_path == no_home / "llm-cache.sqlite"


def test_the_command_line_database_defaults_to_the_home(no_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(SEED), "--resume", "--format", "json"]) == 0
    capsys.readouterr()
    assert (no_home / "review.sqlite3").is_file()
    assert not (no_home.parents[2] / ".review").exists()


def test_the_page_database_defaults_to_the_home(no_home: Path) -> None:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    assert not at.exception
    assert (no_home / "review.sqlite3").is_file()
    assert not (no_home.parents[2] / ".review").exists()
