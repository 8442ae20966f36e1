"""The committed baseline holds: the full eval (rules extractor, seeded errors included, the seeds
and the real corpus's dev and test splits) does not
fall below eval/baseline.json by more than its tolerance, and no high-severity finding is missed.

After an intended change in what the tool finds, run `review eval --update-baseline` and commit
the new eval/baseline.json with the change."""

from __future__ import annotations

import pytest

from review.evaluation import baseline
from review.evaluation.runner import EvalOptions, run_eval
from tests.conftest import ROOT


@pytest.mark.slow  # ~5 s: the whole eval, seeded errors included (`make test` also runs `review eval --gate`)
def test_eval_gate_against_committed_baseline() -> None:
    result = run_eval(EvalOptions((ROOT / "eval" / "labels", ROOT / "eval" / "corpus" / "labels")))
    assert set(result.splits) == {"dev", "test"}  # the real corpus is gated too
    regressions = baseline.gate(result, ROOT / "eval" / "baseline.json")
    assert not regressions, "eval regressed against eval/baseline.json:\n" + "\n".join(regressions)
