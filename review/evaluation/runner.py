"""Run the pipeline on every labeled sample (and every seeded copy) and gather the numbers.

Each sample is loaded and reviewed `repeat` times (a live model may answer differently each
time; rules and replayed replies do not), timed (wall and CPU, loading included) with the tokens
the model used. Seeded copies are reviewed once each, with the same extractor. The period is
inferred by the pipeline, as for a user; a labeled period that differs is reported.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from review import __version__
from review.core.claims import Claims
from review.core.coverage import NumberCoverage, number_coverage
from review.core.document import Document
from review.core.errors import ReviewError
from review.core.findings import Finding
from review.core.outcomes import ModelExtractor, Review
from review.core.provenance import Extractor
from review.evaluation.claimscore import (
    claims_summary,
    coverage_counts,
    grounding_counts,
    score_claims,
)
from review.evaluation.labels import LabeledSample, LabelError, load_labels, validate
from review.evaluation.matrix import rendering_matrix
from review.evaluation.results import (
    Case,
    CleanReports,
    Cost,
    Coverage,
    EvalResult,
    Periods,
    ReportRow,
    SeededSummary,
    SeedRow,
    SeedStat,
    SplitResult,
    Stat,
    Tool,
    Unseen,
)
from review.evaluation.scoring import DocScore, GoldSpan, gold_spans, ratio, score_doc, summarize
from review.evaluation.seeding import KINDS, Seed, already_flagged, judge, seeds_for
from review.evaluation.written import written_forms
from review.load.loader import load
from review.load.texttables import text_blocks
from review.pipeline import review_document

Say = Callable[[str], None]


SPLITS = ("seed", "dev", "test")


@dataclass(frozen=True)
class EvalOptions:
    labels_dir: Path | tuple[Path, ...]
    extractor: Extractor = "rules"
    model: ModelExtractor | None = None
    replay: bool = False
    repeat: int = 1
    seeded: bool = True


@dataclass
class _Run:
    doc: Document | None
    review: Review | None
    wall: float
    cpu: float
    error: str = ""

    @property
    def findings(self) -> tuple[Finding, ...]:
        return self.review.findings if self.review else ()


def label_dirs(opts: EvalOptions) -> tuple[Path, ...]:
    return opts.labels_dir if isinstance(opts.labels_dir, tuple) else (opts.labels_dir,)


def run_eval(opts: EvalOptions, say: Say | None = None) -> EvalResult:
    """Every labeled sample of every labels folder, measured per split.

    The top level is the seed split (the five seed reports and their other formats), as it always
    was; the real corpus's splits (`dev`, read while writing rules; `test`, only scored) are under
    `splits`, each with the same measures. Without seed samples the top level is all samples.
    `renderings` is the rendering matrix: the same tables read in every text rendering (rules
    extractor only; None with a model); `written` the dev samples with their numbers written
    other ways (written.WRITINGS: full-width digits, thousands separators, units written apart),
    likewise."""
    say = say or (lambda _msg: None)
    dirs = label_dirs(opts)
    samples = [s for d in dirs for s in load_labels(d)]
    names = [s.name for s in samples]
    if len(set(names)) != len(names):
        dup = sorted({n for n in names if names.count(n) > 1})
        raise LabelError(f"标注名称重复：{'、'.join(dup)}（各标注目录中的文件名须唯一）")
    groups = {split: [s for s in samples if s.labels.split == split] for split in SPLITS}
    top = groups["seed"] or samples
    result = _evaluate(top, opts, say)
    splits = {split: _evaluate(group, opts, say) for split, group in groups.items() if group and group is not top}
    matrix = None
    if opts.extractor == "rules":  # a model would be asked about every rendering and every seeded copy
        say("评测表格渲染矩阵 …")
        matrix = rendering_matrix(lambda doc: _review(doc, opts), seeded=opts.seeded)
    written = None
    if opts.extractor == "rules" and "dev" in splits:  # the dev samples with their numbers written other ways
        say("评测数字书写形式 …")
        written = written_forms(groups["dev"], splits["dev"], lambda group: _evaluate(group, opts, say))
    return EvalResult(**dict(result), renderings=matrix, splits=splits, written=written)


def _evaluate(samples: list[LabeledSample], opts: EvalOptions, say: Say) -> SplitResult:
    """A report that cannot be loaded or reviewed still counts: its labeled findings as missed,
    its labeled relations as unseen, its seeded errors as errors."""
    tally = _Tally()
    for sample in samples:
        say(f"评测 {sample.name} …")
        runs = [_review_file(sample.sample_path, opts) for _ in range(max(1, opts.repeat))]
        doc = next((r.doc for r in runs if r.doc), None)
        if doc is not None:
            validate(sample, doc.text)
        gold, clean = gold_spans(sample.labels, doc.text if doc else None, sample.name)
        for run in runs:
            tally.add_run(sample, run, doc, gold, clean)
        tally.add_report(sample, runs)
        if opts.seeded and doc is not None:
            tally.seeded += _seeded(sample, doc, runs[0], opts)
    return SplitResult(
        tool=Tool(name="jixiao-fuhe", version=__version__),
        extractor=opts.extractor,
        replay=opts.replay,
        repeat=max(1, opts.repeat),
        labels=", ".join(str(d) for d in label_dirs(opts)),
        reports=tally.rows,
        findings=summarize(tally.scores),
        clean_reports=_clean_reports(tally.rows),
        periods=_periods(tally.rows),
        findings_by_format=_by_format(tally.scores, samples),
        claims=claims_summary(tally.claim_rows, tally.grounding),
        coverage=tally.coverage(),
        seeded=_seeded_summary(tally.seeded) if opts.seeded else None,
        cost=_cost(tally.rows),
        cases=[Case(case=k, passed=v[0], runs=v[1], rate=ratio(v[0], v[1])) for k, v in sorted(tally.cases.items())],
    )


@dataclass
class _Tally:
    """What a split's samples add up to, run by run and report by report."""

    scores: list[DocScore] = field(default_factory=list)
    rows: list[ReportRow] = field(default_factory=list)
    claim_rows: list[dict[str, object]] = field(default_factory=list)
    grounding: list[dict[str, int]] = field(default_factory=list)
    covered: int = 0
    total_labels: int = 0
    unread_reports: int = 0
    unread_notes: int = 0
    figures: NumberCoverage = field(default_factory=lambda: NumberCoverage(0, 0))
    unseen: list[Unseen] = field(default_factory=list)
    cases: dict[str, list[int]] = field(default_factory=dict)
    seeded: list[SeedRow] = field(default_factory=list)

    def add_run(
        self, sample: LabeledSample, run: _Run, doc: Document | None, gold: list[GoldSpan], clean: list[GoldSpan]
    ) -> None:
        """One run's findings scored, its claims scored and grounded, the labeled relations it saw."""
        score = score_doc(sample.name, gold, clean, run.findings)
        self.scores.append(score)
        _count_cases(self.cases, score, gold, clean)
        claims = run.review.claims if run.review else Claims()
        if doc is not None and sample.claims:
            self.claim_rows.append(score_claims(sample.claims, doc.text, claims, sample.name))
        if run.review and doc is not None:
            self.grounding.append(grounding_counts(doc.text, claims, run.review.chunks))
        seen, missing = coverage_counts(gold + clean, claims)
        self.covered += seen
        self.total_labels += len(gold) + len(clean)
        self.unseen += [Unseen(sample=sample.name, check=g.check, quote=g.quote) for g in missing]

    def add_report(self, sample: LabeledSample, runs: list[_Run]) -> None:
        """The report's row, what its first review said it could not read and the figures it checked."""
        first = runs[0].review
        said = len(first.claims.unread) if first else 0
        self.unread_reports += bool(said)
        self.unread_notes += said
        if first:
            cover = number_coverage(first.document.text, first.claims)
            self.figures = NumberCoverage(self.figures.found + cover.found, self.figures.checked + cover.checked)
        self.rows.append(_row(sample, runs, self.scores[-len(runs) :]))

    def coverage(self) -> Coverage:
        return Coverage(
            labels=self.total_labels,
            seen=self.covered,
            rate=ratio(self.covered, self.total_labels),
            unseen=_unique(self.unseen),
            reports_with_unread=self.unread_reports,
            unread_notes=self.unread_notes,
            figures=self.figures.found,
            figures_checked=self.figures.checked,
        )


def _clean_reports(rows: list[ReportRow]) -> CleanReports:
    """Reports with no labeled discrepancy: how many high-severity findings they still get (each
    one a false alarm an auditor would chase first)."""
    clean = [r for r in rows if r.gold == 0]
    high = sum(r.high for r in clean)
    return CleanReports(reports=len(clean), high_findings=high, high_per_report=ratio(high, len(clean)))


def _periods(rows: list[ReportRow]) -> Periods:
    """Reports whose inferred period is the labeled one, of those with a labeled period: a wrong
    period turns every year check of the report into noise or silence."""
    labeled = [r for r in rows if r.labeled_period]
    right = sum(str(r.period) == r.labeled_period for r in labeled)
    return Periods(labeled=len(labeled), inferred_as_labeled=right, rate=ratio(right, len(labeled)))


def _review_file(path: Path, opts: EvalOptions) -> _Run:
    wall, cpu = time.perf_counter(), time.process_time()
    doc = None
    try:
        doc = load(path)
        review = _review(doc, opts)
    except ReviewError as exc:
        return _Run(doc, None, time.perf_counter() - wall, time.process_time() - cpu, str(exc))
    return _Run(doc, review, time.perf_counter() - wall, time.process_time() - cpu)


def _review(doc: Document, opts: EvalOptions) -> Review:
    return review_document(doc, extractor=opts.extractor, model=opts.model)


def tokens_of(review: Review | None) -> int:
    """Tokens the model used for a review (0 for rules, or when the pipeline does not say)."""
    if review is None:
        return 0
    direct = getattr(review, "tokens", None)
    if isinstance(direct, int):
        return direct
    return sum(int(getattr(c, "tokens_in", 0) or 0) + int(getattr(c, "tokens_out", 0) or 0) for c in review.chunks)


def _count_cases(cases: dict[str, list[int]], score: DocScore, gold: list[GoldSpan], clean: list[GoldSpan]) -> None:
    missed = {id(g) for g in score.missed}
    for g in gold:
        c = cases.setdefault(f"finding {score.name}:{g.id}", [0, 0])
        c[0] += id(g) not in missed
        c[1] += 1
    for g in clean:
        c = cases.setdefault(f"clean {g.id} {g.check}:{g.quote[:24]}", [0, 0])
        c[0] += not score.flagged(g)
        c[1] += 1


def _row(sample: LabeledSample, runs: list[_Run], scores: list[DocScore]) -> ReportRow:
    first = next((r.review for r in runs if r.review), None)
    n = len(runs)
    return ReportRow(
        sample=sample.name,
        runs=n,
        status=first.status if first else "error",
        period=first.period if first else None,
        labeled_period=sample.labels.period,
        period_ok=first is None or sample.labels.period is None or str(first.period) == sample.labels.period,
        gold=len(scores[0].matched) + len(scores[0].missed),
        found=sum(len(s.matched) for s in scores) / n,
        findings=sum(len(s.produced) for s in scores) / n,
        high=sum(sum(f.severity == "high" for f, _ in s.produced) for s in scores) / n,
        unlabeled=sum(len(s.unlabeled) for s in scores) / n,
        false_alarms=sum(len(s.false_alarms) for s in scores) / n,
        wall_s=round(sum(r.wall for r in runs) / n, 4),
        cpu_s=round(sum(r.cpu for r in runs) / n, 4),
        tokens=sum(tokens_of(r.review) for r in runs) / n,
        errors=[r.error for r in runs if r.error],
    )


def _seeded(sample: LabeledSample, doc: Document, first: _Run, opts: EvalOptions) -> list[SeedRow]:
    return [_seed_row(seed, doc, first, opts) for seed in seeds_for(sample.name, doc.text, sample.labels)]


def _seed_row(seed: Seed, doc: Document, first: _Run, opts: EvalOptions) -> SeedRow:
    """The seeded copy reviewed and judged against the clean report's findings."""
    row = SeedRow(
        id=seed.id,
        kind=seed.kind,
        check=seed.check,
        relation=seed.relation,
        change=f"{seed.before} → {seed.after}",
        status="",
    )
    if first.review is None:
        return row.model_copy(update={"status": "error", "reason": f"the clean report was not reviewed: {first.error}"})
    if already_flagged(seed, first.findings):
        return row.model_copy(update={"status": "skipped", "reason": "relation already flagged in the clean text"})
    try:
        review = _review(seed_document(doc, seed), opts)
    except ReviewError as exc:
        return row.model_copy(update={"status": "error", "reason": str(exc)})
    hit, other = judge(seed, first.findings, review.findings)
    return row.model_copy(update={"status": "detected" if hit else "missed", "other_checks": other})


def seed_document(doc: Document, seed: Seed) -> Document:
    """The seeded copy of a loaded report. A .txt is re-read from its text; a .docx/.pdf keeps its
    blocks (table cells, pages), shifted past the change, so the same reading path is measured."""
    path = f"{doc.path}#{seed.id.split('#', 1)[1]}"
    if doc.source_format == "txt":
        return Document(
            path=path, sha256=seed.sha256, source_format="txt", text=seed.text, blocks=text_blocks(seed.text)
        )
    a = seed.clean_at[0]
    blocks = tuple(
        blk if blk.end <= a else blk.model_copy(update={"start": seed.shift(blk.start), "end": blk.end + seed.delta})
        for blk in doc.blocks
    )
    return doc.model_copy(update={"path": path, "sha256": seed.sha256, "text": seed.text, "blocks": blocks})


def _seeded_summary(rows: list[SeedRow]) -> SeededSummary:
    by_kind: dict[str, SeedStat] = {}
    for kind in KINDS + ("all",):
        mine = [r for r in rows if kind in ("all", r.kind) and r.status != "skipped"]
        if not mine:
            continue
        detected = sum(r.status == "detected" for r in mine)
        by_kind[kind] = SeedStat(
            injected=len(mine),
            detected=detected,
            recall=ratio(detected, len(mine)),
            other_check=sum(r.status == "missed" and bool(r.other_checks) for r in mine),
            errors=sum(r.status == "error" for r in mine),
        )
    return SeededSummary(
        overall=by_kind.pop("all", SeedStat(injected=0, detected=0, recall=None)),
        by_kind=by_kind,
        skipped=[r for r in rows if r.status == "skipped"],
        misses=[r for r in rows if r.status in ("missed", "error")],
    )


def _by_format(scores: list[DocScore], samples: list[LabeledSample]) -> dict[str, Stat]:
    """Overall finding scores per file type (txt, docx, pdf) of the samples."""
    fmt = {s.name: s.sample_path.suffix.lstrip(".").lower() for s in samples}
    return {f: summarize([s for s in scores if fmt[s.name] == f]).overall for f in sorted(set(fmt.values()))}


def _cost(rows: list[ReportRow]) -> Cost:
    n = len(rows)
    return Cost(
        reports=n,
        wall_s_per_report=round(sum(r.wall_s for r in rows) / n, 4) if n else None,
        cpu_s_per_report=round(sum(r.cpu_s for r in rows) / n, 4) if n else None,
        tokens_per_report=round(sum(r.tokens for r in rows) / n, 1) if n else None,
    )


def _unique(rows: list[Unseen]) -> list[Unseen]:
    return list(dict.fromkeys(rows))
