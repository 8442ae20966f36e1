"""The JSON contract: today's output is the output before the contract models plus `schema_version`,
key by key; schema/review.schema.json is what `review schema` prints; everything printed for the
samples validates against it."""

from __future__ import annotations

import copy
import json
import lzma
from collections.abc import Iterator
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from review.batch import Outcome
from review.cli import main
from review.pipeline import Review
from review.present.contract import CheckOutput, ReviewJson
from review.present.export import to_json_export
from review.present.render import to_json, to_jsonl_line
from tests.conftest import ROOT

SCHEMA_FILE = ROOT / "schema" / "review.schema.json"
# tests/data/contract/capture_before.py: the seeds' reviews and what was printed for them before
BEFORE = json.loads(lzma.decompress((ROOT / "tests/data/contract/before.json.xz").read_bytes()))
REVIEWS = [Review.model_validate(d) for d in BEFORE["reviews"]]
ERRORS = [{"path": "/no/such.txt", "error": "/no/such.txt: 文件不存在，请检查路径"}]
# Keys added to the contract since the capture (fields are only ever added; each addition is named here):
# schema_version; YearMention.sentence_years and .line_start (the date check reads no text);
# the document's reading (traditional characters and pinyin read through, issue 12);
# CountRelation.stated_ids, .item_ids and .wording (the count check counts and chooses the severity);
# SumRelation.marked (an implicit split whose wording does not mark its parts: low severity);
# RatioRelation.whole_parts (a share of a whole named as several amounts, 占中央、省资金的…) and .change
# (a change rate, 同比增加x%), issue 12; YearMention.name_years (the years a repeated name is given
# elsewhere, for a named_year) and .month (a written_on date's month); RatioRelation.complement (a rate of
# the rest of its base, 未分配0.32亿元,分配率99.3%); SumRelation.group (one table row's totals, column by column:
# every column failing asks to check the rows before the figures).
ADDED = {
    "schema_version",
    "origin",
    "sentence_years",
    "line_start",
    "reading",
    "stated_ids",
    "item_ids",
    "wording",
    "marked",
    "whole_parts",
    "change",
    "name_years",
    "month",
    "peers",
    "kin",
    "written",
    "declared",
    "figures",
    "complement",
    "failed",
    "group",
}


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


def _without(value: Any, keys: set[str]) -> Any:
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    return value


def assert_before_plus_version(before: str, now: str, *, indent: int | None) -> None:
    old, new = json.loads(before), json.loads(now)
    changes = set(differences(old, new))
    assert "$: added schema_version" in changes
    assert {c for c in changes if not any(c.endswith(f": added {k}") for k in ADDED)} == set()
    assert list(new)[0] == "schema_version" and new["schema_version"] == "1"
    assert json.dumps(_without(new, ADDED), ensure_ascii=False, indent=indent) == before  # and the same bytes


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


def test_committed_schema_is_what_review_schema_prints(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    printed = capsys.readouterr().out
    assert printed == SCHEMA_FILE.read_text(encoding="utf-8"), (
        "the JSON contract changed: run `review schema > schema/review.schema.json`, check that every "
        "existing key keeps its name, type and meaning (fields are only added), and commit the file"
    )


def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def assert_valid(instance: Any) -> None:
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(instance)]
    assert not errors, errors[:5]


def printed(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    main(["check", *argv])
    return capsys.readouterr().out


@pytest.mark.parametrize("samples", ["eval/samples", "eval/corpus/samples"])
def test_what_is_printed_for_every_sample_validates(capsys: pytest.CaptureFixture[str], samples: str) -> None:
    assert len(list((ROOT / samples).glob("*.txt"))) >= 5
    out = printed(capsys, str(ROOT / samples), "--format", "json")
    assert_valid(json.loads(out))
    parsed = ReviewJson.model_validate_json(out).root  # and the models read it back
    assert isinstance(parsed, CheckOutput) and parsed.printed() == json.loads(out)
    for line in printed(capsys, str(ROOT / samples), "--format", "jsonl").splitlines():
        assert_valid(json.loads(line))


def test_what_the_samples_leave_empty_validates_too() -> None:
    """Unread pages and text, model chunks, errors: from the synthetic review of the capture."""
    assert_valid(json.loads(to_json(REVIEWS, ERRORS)))
    synthetic = REVIEWS[-1]
    assert_valid(json.loads(to_jsonl_line(Outcome(synthetic.document.path, review=synthetic, cached=True))))
    assert_valid(json.loads(to_jsonl_line(Outcome(ERRORS[0]["path"], error=ERRORS[0]["error"]))))
    assert_valid(json.loads(to_json_export(synthetic, {})))  # the export adds `decision`: fields are added


def test_the_schema_rejects_a_lost_key_or_a_wrong_type() -> None:
    good = json.loads(to_json(REVIEWS[-1:]))
    for change in (
        lambda d: d["documents"][0]["findings"][0].pop("line"),
        lambda d: d["documents"][0]["findings"][0].update(check="spelling"),
        lambda d: d["documents"][0]["claims"][0].update(value=100),
        lambda d: d.pop("schema_version"),
    ):
        bad = copy.deepcopy(good)
        change(bad)
        assert not validator().is_valid(bad), change
    assert validator().is_valid(good)
