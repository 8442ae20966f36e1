"""The eval's result is typed models whose dump is the document `review eval --json` wrote before
them: the same keys in the same order with the same JSON types (tests/data/eval/result_shape.json,
captured from the dict-building code), and the keys that only some rows have are still left out."""

from __future__ import annotations

import json
from pathlib import Path

from review.evaluation.results import ClaimsSummary, SeedRow, SeedStat
from review.evaluation.runner import EvalOptions, run_eval
from tests.conftest import ROOT
from tests.evaluation.result_shape import DEV_SAMPLES, dev_labels, shape

SHAPE = json.loads((ROOT / "tests/data/eval/result_shape.json").read_text(encoding="utf-8"))


def same(a: object, b: object) -> bool:
    """Equal, keys in the same order too."""
    return json.dumps(a, ensure_ascii=False) == json.dumps(b, ensure_ascii=False)


def fits(got: object, want: object) -> bool:
    """`got` has the shape `want` recorded: the same keys in the same order, and each element shape of
    a list or map one the record has (an empty list fits any, as the record's values change)."""
    if isinstance(got, dict) and isinstance(want, dict):
        if set(got) == {"[]"} or set(got) == {"*"}:
            (k,) = got
            return k in want and all(any(fits(g, w) for w in want[k]) for g in got[k])
        return list(got) == list(want) and all(fits(got[k], want[k]) for k in got)
    return got == want


def test_the_dump_has_the_shape_of_the_document_before_the_models(tmp_path: Path) -> None:
    labels = dev_labels(ROOT, tmp_path / "labels")
    result = run_eval(EvalOptions((ROOT / "eval" / "labels", labels)))
    assert [r.sample for r in result.splits["dev"].reports] == list(DEV_SAMPLES)
    printed = result.printed()
    assert fits(shape(printed), SHAPE)
    assert printed["metrics"] == result.metrics and list(printed)[-3:] == ["splits", "written", "metrics"]
    assert json.loads(json.dumps(printed)) == printed  # plain JSON values, nothing left to serialise


def test_an_empty_list_fits_but_a_new_element_shape_does_not() -> None:
    want = shape({"a": [{"x": 1}]})
    assert fits(shape({"a": []}), want) and fits(shape({"a": [{"x": 2}, {"x": 3}]}), want)
    assert not fits(shape({"a": [{"x": "s"}]}), want) and not fits(shape({"b": []}), want)


def test_the_shape_sees_a_lost_key_a_moved_key_and_a_changed_type() -> None:
    base = shape({"a": 1, "reports": [{"x": 1.0}], "by_kind": {"k": {"n": 1}}})
    assert same(base, {"a": "int", "reports": {"[]": [{"x": "float"}]}, "by_kind": {"*": [{"n": "int"}]}})
    assert same(shape({"a": 2, "reports": [{"x": 3.5}], "by_kind": {"j": {"n": 0}}}), base)  # values do not matter
    assert not same(shape({"reports": [{"x": 1.0}], "a": 1, "by_kind": {"k": {"n": 1}}}), base)  # order
    assert not same(shape({"a": 1, "reports": [{"x": 1.0}]}), base)  # a lost key
    assert not same(shape({"a": 1, "reports": [{"x": 1}], "by_kind": {"k": {"n": 1}}}), base)  # 1 is not 1.0
    assert not same(shape({"a": 1, "reports": [{"x": 1.0}], "by_kind": {"k": {"n": 1}, "j": {"n": None}}}), base)


def test_keys_only_some_rows_have_are_left_out_when_empty() -> None:
    row = SeedRow(id="s#1", kind="total", check="sum", relation="合计", change="1 → 2", status="detected")
    assert "reason" not in row.model_dump() and "other_checks" not in row.model_dump()
    skipped = row.model_copy(update={"status": "skipped", "reason": "already flagged"})
    assert list(skipped.model_dump())[-2:] == ["status", "reason"]
    assert SeedStat(injected=0, detected=0, recall=None).model_dump() == {"injected": 0, "detected": 0, "recall": None}
    plain = ClaimsSummary(grounding_rate=None, model_claims=0, ungrounded_quotes=0)
    assert plain.model_dump() == {"grounding_rate": None, "model_claims": 0, "ungrounded_quotes": 0}
