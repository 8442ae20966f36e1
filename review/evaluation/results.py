"""The eval's result document as typed models: what `review eval --json` writes (eval/last-run.json).

The runner builds these, the table and the gate read them; `EvalResult.printed()` is the JSON
object, with the same keys in the same order as before the models. A key that appears only in
some rows (a seeded row's `reason` or `other_checks`, the gold-claim scores of `claims`) is left
out when it has no value, as it always was.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, computed_field

from review.core.provenance import Extractor


def _absent(value: object) -> bool:
    return value is None


class _Result(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Tool(_Result):
    name: str
    version: str


class ReportRow(_Result):
    """One labeled sample, averaged over its runs."""

    sample: str
    runs: int
    status: str  # complete, incomplete, or error (it could not be reviewed)
    period: int | None
    labeled_period: str | None
    period_ok: bool
    gold: int
    found: float
    findings: float
    high: float
    unlabeled: float
    false_alarms: float
    wall_s: float
    cpu_s: float
    tokens: float
    errors: list[str]


class Stat(_Result):
    """Finding counts with precision, recall and F1 (None when there is nothing to divide by)."""

    gold: int
    found: int
    produced: int
    correct: int
    precision: float | None
    recall: float | None
    f1: float | None


class FalseAlarms(_Result):
    clean_relations: int
    flagged: int
    per_clean_relation: float | None
    unlabeled_findings: int
    per_report: float | None


class MissedFinding(_Result):
    sample: str
    id: str
    check: str
    severity: str | None
    quote: str


class UnlabeledFinding(_Result):
    sample: str
    check: str
    severity: str
    quote: str
    message: str


class FalseAlarm(_Result):
    sample: str
    check: str
    quote: str
    message: str


class FindingsSummary(_Result):
    """Finding-level scores, micro-averaged over every sample and run (review.evaluation.scoring)."""

    overall: Stat
    by_check: dict[str, Stat]
    by_severity: dict[str, Stat]
    severity_agreement: float | None
    false_alarms: FalseAlarms
    missed: list[MissedFinding]
    missed_high: list[str]
    unlabeled: list[UnlabeledFinding]
    false_alarm_list: list[FalseAlarm]


class CleanReports(_Result):
    """Reports with no labeled discrepancy and the high-severity findings they still get."""

    reports: int
    high_findings: float
    high_per_report: float | None


class Periods(_Result):
    """Reports whose inferred period is the labeled one, of those with a labeled period."""

    labeled: int
    inferred_as_labeled: int
    rate: float | None


class PrecisionRecall(_Result):
    precision: float | None
    recall: float | None


class QuantityScores(_Result):
    gold: int
    claimed: int
    strict: PrecisionRecall
    partial: PrecisionRecall


class RelationScores(_Result):
    gold: int
    claimed: int
    precision: float | None
    recall: float | None


class ClaimsSummary(_Result):
    """Grounding always; the scores against gold claims only when some sample has them."""

    grounding_rate: float | None
    model_claims: int
    ungrounded_quotes: int
    runs_with_gold: int | None = Field(default=None, exclude_if=_absent)
    quantities: QuantityScores | None = Field(default=None, exclude_if=_absent)
    relations: RelationScores | None = Field(default=None, exclude_if=_absent)
    missed: list[str] | None = Field(default=None, exclude_if=_absent)
    unmatched: list[str] | None = Field(default=None, exclude_if=_absent)
    unknown_kinds: list[str] | None = Field(default=None, exclude_if=_absent)


class Unseen(_Result):
    sample: str
    check: str
    quote: str


class Coverage(_Result):
    labels: int
    seen: int
    rate: float | None
    unseen: list[Unseen]
    # what the reviews themselves say they could not read (Claims.unread: a table seen but not
    # read, a row whose cells fit several ways): reports with at least one such note, and the notes
    reports_with_unread: int = 0
    unread_notes: int = 0
    # the figures in the reports' text and how many of them a relation names (review.core.coverage)
    figures: int = 0
    figures_checked: int = 0


class SeedRow(_Result):
    """One seeded error: detected, missed (with the other checks that fired), skipped or an error (with why)."""

    id: str
    kind: str
    check: str
    relation: str
    change: str
    status: str
    reason: str | None = Field(default=None, exclude_if=_absent)
    other_checks: list[str] | None = Field(default=None, exclude_if=_absent)


class SeedStat(_Result):
    injected: int
    detected: int
    recall: float | None
    other_check: int | None = Field(default=None, exclude_if=_absent)
    errors: int | None = Field(default=None, exclude_if=_absent)


class SeededSummary(_Result):
    overall: SeedStat
    by_kind: dict[str, SeedStat]
    skipped: list[SeedRow]
    misses: list[SeedRow]


class Cost(_Result):
    reports: int
    wall_s_per_report: float | None
    cpu_s_per_report: float | None
    tokens_per_report: float | None


class Case(_Result):
    case: str
    passed: int
    runs: int
    rate: float | None


class SplitResult(_Result):
    """The measures of one group of samples (the seeds, or a split of the real corpus)."""

    tool: Tool
    extractor: Extractor
    replay: bool
    repeat: int
    labels: str
    reports: list[ReportRow]
    findings: FindingsSummary
    clean_reports: CleanReports
    periods: Periods
    findings_by_format: dict[str, Stat]
    claims: ClaimsSummary
    coverage: Coverage
    seeded: SeededSummary | None
    cost: Cost
    cases: list[Case]


class RenderingCheck(_Result):
    """One relation kind (check) in one rendering: labeled relations seen, seeded errors detected."""

    relations: int
    seen: int
    injected: int
    detected: int


class RenderingStat(_Result):
    """Every source grid written in one rendering: coverage of its labeled relations, clean
    relations flagged (false alarms) and seeded errors detected."""

    relations: int
    seen: int
    coverage: float | None
    flagged: int
    seeded: SeedStat | None
    by_check: dict[str, RenderingCheck]


class RenderingMiss(_Result):
    """A labeled relation not seen (`what` unseen), flagged though it holds (flagged), or a seeded
    error not detected (the seed's id), in one rendering of one grid."""

    rendering: str
    form: str
    check: str
    what: str
    quote: str


class RenderingMatrix(_Result):
    """The same tables read in every rendering (review/evaluation/renderings.py); `reference` is
    the rendering the others are compared with."""

    reference: str
    forms: list[str]
    by_rendering: dict[str, RenderingStat]
    misses: list[RenderingMiss]


class WrittenForm(_Result):
    """The dev samples with their numbers written one other way (review/evaluation/written.py):
    seeded errors detected, those the plain text detects and this writing loses, and the share
    kept (1.0: the engine reads the numbers however they are written)."""

    samples: int
    injected: int
    detected: int
    lost: list[str]
    kept: float | None
    found: float
    plain_found: float
    high_on_clean: float


class EvalResult(SplitResult):
    """A whole run: the seed split at the top, the rendering matrix, the real corpus's splits
    under `splits`, and the flat metrics the gate compares."""

    renderings: RenderingMatrix | None = None
    splits: dict[str, SplitResult]
    written: dict[str, WrittenForm] | None = None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def metrics(self) -> dict[str, float]:
        """The gated numbers, flat: name → value. The seed split's at the top, each real-corpus
        split's under its name (dev.…, test.…)."""
        out = _metrics(self) | _rendering_metrics(self.renderings)
        out |= {f"written.{name}.kept": w.kept for name, w in (self.written or {}).items() if w.kept is not None}
        for split, sub in self.splits.items():
            out |= {f"{split}.{k}": v for k, v in _split_metrics(sub).items()}
        return dict(sorted(out.items()))

    def printed(self) -> dict[str, Any]:
        """The JSON object `review eval --json` writes."""
        return self.model_dump(mode="json")


_LOWER = ("false_alarms.per_clean_relation", "false_alarms.per_report", "clean_reports.high_per_report")
# a split's metrics are prefixed with its name: test.false_alarms.per_report is lower-better too
LOWER_IS_BETTER = frozenset(_LOWER) | {f"{split}.{m}" for split in ("dev", "test") for m in _LOWER}


def _split_metrics(result: SplitResult) -> dict[str, float]:
    """What the real corpus is gated on: recall of real discrepancies, precision, false alarms on
    clean relations and on clean reports, coverage, seeded-error recall overall and per kind."""
    keep = ("findings.recall", "findings.precision", "false_alarms.", "clean_reports.", "coverage", "seeded.")
    return {k: v for k, v in _metrics(result).items() if k.startswith(keep)}


def _metrics(result: SplitResult) -> dict[str, float]:
    f = result.findings
    out: dict[str, float | None] = {
        "findings.precision": f.overall.precision,
        "findings.recall": f.overall.recall,
        "findings.f1": f.overall.f1,
    }
    for check, st in f.by_check.items():
        out[f"findings.{check}.precision"] = st.precision
        out[f"findings.{check}.recall"] = st.recall
    for sev, st in f.by_severity.items():
        out[f"findings.severity.{sev}.recall"] = st.recall
    out["findings.severity_agreement"] = f.severity_agreement
    for fmt, st in result.findings_by_format.items():
        out[f"findings.format.{fmt}.precision"] = st.precision
        out[f"findings.format.{fmt}.recall"] = st.recall
    out["false_alarms.per_clean_relation"] = f.false_alarms.per_clean_relation
    out["false_alarms.per_report"] = f.false_alarms.per_report
    out |= _claim_metrics(result.claims)
    out["coverage"] = result.coverage.rate
    out["clean_reports.high_per_report"] = result.clean_reports.high_per_report
    if result.seeded:
        out["seeded.recall"] = result.seeded.overall.recall
        for kind, seeded in result.seeded.by_kind.items():
            out[f"seeded.{kind}.recall"] = seeded.recall
    return {k: v for k, v in sorted(out.items()) if v is not None}


def _rendering_metrics(matrix: RenderingMatrix | None) -> dict[str, float]:
    """Per rendering: coverage of the labeled relations and seeded-error recall (deterministic with
    the rules extractor, so they are gated like the corpus's)."""
    out: dict[str, float | None] = {}
    for name, st in matrix.by_rendering.items() if matrix else ():
        out[f"renderings.{name}.coverage"] = st.coverage
        out[f"renderings.{name}.seeded.recall"] = st.seeded.recall if st.seeded else None
    return {k: v for k, v in out.items() if v is not None}


def _claim_metrics(c: ClaimsSummary) -> dict[str, float | None]:
    out = {"claims.grounding_rate": c.grounding_rate}
    if c.quantities is not None and c.relations is not None:
        for mode, pr in (("strict", c.quantities.strict), ("partial", c.quantities.partial)):
            out[f"claims.quantities.{mode}.precision"] = pr.precision
            out[f"claims.quantities.{mode}.recall"] = pr.recall
        out["claims.relations.precision"] = c.relations.precision
        out["claims.relations.recall"] = c.relations.recall
    return out
