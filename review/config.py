"""Where files live (数据目录): one home for everything the tool writes and reads by default.

    home(env)        $REVIEW_HOME, else $XDG_DATA_HOME/jixiao-fuhe, else ~/.local/share/jixiao-fuhe
                     — the review database (review.sqlite3), llm.toml and the model cache
                     (llm-cache.sqlite)
    models_dir(env)  $REVIEW_LLM_MODELS_DIR, else $XDG_CACHE_HOME/jixiao-fuhe/models, else
                     ~/.cache/jixiao-fuhe/models — the assembled offline model files (about 1 GB,
                     downloadable again at any time, so a cache rather than data)

The default home is the user's data directory, not the working directory: the decisions in the
review database are the reviewers' work, and one folder per place the tool happened to be started
from would scatter them. Functions take the environment as a mapping: only the edges (cli.py,
app.py) pass os.environ.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

APP_DIR = "jixiao-fuhe"


def home(env: Mapping[str, str]) -> Path:
    """The folder of the review database, llm.toml and the model cache."""
    if named := env.get("REVIEW_HOME", "").strip():
        return _expand(named, env)
    return _xdg(env, "XDG_DATA_HOME", Path(".local") / "share") / APP_DIR


def models_dir(env: Mapping[str, str]) -> Path:
    """The folder of the assembled model files; outside the home so that a temporary home (tests,
    a second REVIEW_HOME) reuses the ~1 GB files instead of assembling them again."""
    if named := env.get("REVIEW_LLM_MODELS_DIR", "").strip():
        return _expand(named, env)
    return _xdg(env, "XDG_CACHE_HOME", Path(".cache")) / APP_DIR / "models"


def _xdg(env: Mapping[str, str], name: str, default: Path) -> Path:
    if value := env.get(name, "").strip():
        return _expand(value, env)
    return _user_home(env) / default


def _expand(value: str, env: Mapping[str, str]) -> Path:
    if value == "~" or value.startswith("~/"):
        return _user_home(env) / value[2:]
    return Path(value)


def _user_home(env: Mapping[str, str]) -> Path:
    return Path(env.get("HOME") or os.path.expanduser("~"))
