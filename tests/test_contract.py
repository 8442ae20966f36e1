"""The JSON contract: today's output is the output before the contract models plus `schema_version`,
key by key."""

from __future__ import annotations

import json
import lzma
from collections.abc import Iterator
from typing import Any

from review.batch import Outcome
from review.pipeline import Review
from review.render import to_json, to_jsonl_line

from .conftest import ROOT

# tests/data/contract/capture_before.py: the seeds' reviews and what was printed for them before
BEFORE = json.loads(lzma.decompress((ROOT / "tests/data/contract/before.json.xz").read_bytes()))
REVIEWS = [Review.model_validate(d) for d in BEFORE["reviews"]]
ERRORS = [{"path": "/no/such.txt", "error": "/no/such.txt: 文件不存在，请检查路径"}]
ADDED = ["$: added schema_version"]  # the only key added since the capture


def differences(old: Any, new: Any, path: str = "$") -> Iterator[str]:
    """Every way `new` differs from `old`: a key gone, added or moved, a type or a value changed."""
    if isinstance(old, dict) and isinstance(new, dict):
        yield from (f"{path}: lost {k}" for k in old if k not in new)
        yield from (f"{path}: added {k}" for k in new if k not in old)
        if [k for k in old if k in new] != [k for k in new if k in old]:
            yield f"{path}: keys in another order"
        for k in old.keys() & new.keys():
            yield from differences(old[k], new[k], f"{path}.{k}")
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            yield f"{path}: {len(old)} items, now {len(new)}"
        for i, (a, b) in enumerate(zip(old, new, strict=False)):
            yield from differences(a, b, f"{path}[{i}]")
    elif type(old) is not type(new) or old != new:
        yield f"{path}: {old!r} ({type(old).__name__}), now {new!r} ({type(new).__name__})"


def assert_before_plus_version(before: str, now: str, *, indent: int | None) -> None:
    old, new = json.loads(before), json.loads(now)
    assert sorted(differences(old, new)) == ADDED
    assert list(new)[0] == "schema_version" and new["schema_version"] == "1"
    del new["schema_version"]
    assert json.dumps(new, ensure_ascii=False, indent=indent) == before  # and the same bytes


def test_json_is_the_output_before_plus_schema_version() -> None:
    assert_before_plus_version(BEFORE["json"], to_json(REVIEWS), indent=2)
    assert_before_plus_version(BEFORE["json_with_errors"], to_json(REVIEWS[:1], ERRORS), indent=2)


def test_jsonl_lines_are_the_lines_before_plus_schema_version() -> None:
    for i, (before, review) in enumerate(zip(BEFORE["jsonl"], REVIEWS, strict=True)):
        now = to_jsonl_line(Outcome(review.document.path, review=review, cached=i % 2 == 1))
        assert_before_plus_version(before, now, indent=None)
    now = to_jsonl_line(Outcome(ERRORS[0]["path"], error=ERRORS[0]["error"]))
    assert_before_plus_version(BEFORE["jsonl_error"], now, indent=None)


def test_the_comparison_sees_a_lost_key_a_moved_key_and_a_changed_type() -> None:
    old = {"a": 1, "b": {"c": [1, 2]}, "d": "x"}
    assert list(differences(old, {"b": {"c": [1, 2]}, "a": 1, "d": "x"})) == ["$: keys in another order"]
    assert list(differences(old, {"a": 1, "b": {"c": [1, "2"]}})) == ["$: lost d", "$.b.c[1]: 2 (int), now '2' (str)"]
    assert list(differences(old, {**old, "a": True})) == ["$.a: 1 (int), now True (bool)"]
