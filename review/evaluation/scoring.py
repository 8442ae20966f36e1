"""Finding-level scoring (发现项评分).

Matching rule: a produced finding matches a gold finding when the checks are equal and the spans
overlap (gold span = the quote's first occurrence, or the labeled `occurrence`). A produced
finding with the check of a gold `consistent` relation overlapping its quote is a false alarm on
a clean relation. A produced finding that matches no gold finding counts against precision
(unlabeled finding), whether or not it lands on a clean relation.

Precision = produced findings that match / produced findings; recall = gold findings matched /
gold findings; both overall, per check and per severity (gold severity for recall, produced
severity for precision). Severity agreement = matched gold findings with a match of the same
severity / matched gold findings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from review.core.findings import Finding
from review.evaluation.labels import DocLabels, Span, require
from review.evaluation.results import FalseAlarm, FalseAlarms, FindingsSummary, MissedFinding, Stat, UnlabeledFinding


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def ratio(num: float, den: int) -> float | None:
    return round(num / den, 4) if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return round(2 * p * r / (p + r), 4) if p + r else 0.0


@dataclass(frozen=True)
class GoldSpan:
    """A gold finding or a clean relation, located in one sample's text."""

    id: str
    check: str
    severity: str | None
    quote: str
    span: Span


def gold_spans(labels: DocLabels, text: str | None, where: str) -> tuple[list[GoldSpan], list[GoldSpan]]:
    """Gold findings and clean relations located in `text` (None: the report could not be read,
    so they keep an empty span and can only be missed)."""

    def at(quote: str, occurrence: int) -> Span:
        return (0, 0) if text is None else require(text, quote, occurrence, where)

    findings = [
        GoldSpan(f.id or f"{where}:F{i}", f.check, f.severity, f.quote, at(f.quote, f.occurrence))
        for i, f in enumerate(labels.findings, 1)
    ]
    clean = [
        GoldSpan(f"{where}:C{i}", c.check, None, c.quote, at(c.quote, c.occurrence))
        for i, c in enumerate(labels.consistent, 1)
    ]
    return findings, clean


@dataclass
class DocScore:
    """One run of one sample against its labels."""

    name: str
    matched: list[tuple[GoldSpan, bool]] = field(default_factory=list)  # (gold, same severity)
    missed: list[GoldSpan] = field(default_factory=list)
    produced: list[tuple[Finding, bool]] = field(default_factory=list)  # (finding, matches a gold finding)
    false_alarms: list[tuple[GoldSpan, Finding]] = field(default_factory=list)
    clean: list[GoldSpan] = field(default_factory=list)

    @property
    def unlabeled(self) -> list[Finding]:
        return [f for f, ok in self.produced if not ok]

    def flagged(self, clean: GoldSpan) -> bool:
        return any(c is clean for c, _ in self.false_alarms)


def score_doc(name: str, gold: list[GoldSpan], clean: list[GoldSpan], findings: Iterable[Finding]) -> DocScore:
    out = DocScore(name, clean=list(clean))
    findings = list(findings)
    for g in gold:
        hits = [f for f in findings if f.check == g.check and overlaps((f.start, f.end), g.span)]
        if hits:
            out.matched.append((g, any(f.severity == g.severity for f in hits)))
        else:
            out.missed.append(g)
    for f in findings:
        out.produced.append((f, any(f.check == g.check and overlaps((f.start, f.end), g.span) for g in gold)))
        for c in clean:
            if f.check == c.check and overlaps((f.start, f.end), c.span):
                out.false_alarms.append((c, f))
    return out


def _stat(gold: int, found: int, produced: int, correct: int) -> Stat:
    p, r = ratio(correct, produced), ratio(found, gold)
    return Stat(gold=gold, found=found, produced=produced, correct=correct, precision=p, recall=r, f1=f1(p, r))


def summarize(scores: list[DocScore]) -> FindingsSummary:
    """Micro-averaged over every sample and run."""
    gold: Counter[str] = Counter()
    found: Counter[str] = Counter()
    produced: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    same_severity = 0
    for s in scores:
        for g, same in s.matched:
            found.update(["all", f"check:{g.check}", f"severity:{g.severity}"])
            same_severity += same
        for g in [g for g, _ in s.matched] + s.missed:
            gold.update(["all", f"check:{g.check}", f"severity:{g.severity}"])
        for f, ok in s.produced:
            keys = ["all", f"check:{f.check}", f"severity:{f.severity}"]
            produced.update(keys)
            if ok:
                correct.update(keys)
    keys = sorted(set(gold) | set(produced))
    stats = {k: _stat(gold[k], found[k], produced[k], correct[k]) for k in keys}
    return FindingsSummary(
        overall=stats.get("all", _stat(0, 0, 0, 0)),
        by_check={k.split(":", 1)[1]: v for k, v in stats.items() if k.startswith("check:")},
        by_severity={k.split(":", 1)[1]: v for k, v in stats.items() if k.startswith("severity:")},
        severity_agreement=ratio(same_severity, found["all"]),
        false_alarms=_false_alarms(scores),
        missed=[
            MissedFinding(sample=s.name, id=g.id, check=g.check, severity=g.severity, quote=g.quote)
            for s in scores
            for g in s.missed
        ],
        missed_high=sorted({f"{s.name}:{g.id}" for s in scores for g in s.missed if g.severity == "high"}),
        unlabeled=[
            UnlabeledFinding(sample=s.name, check=f.check, severity=f.severity, quote=f.quote, message=f.message)
            for s in scores
            for f in s.unlabeled
        ],
        false_alarm_list=[
            FalseAlarm(sample=s.name, check=c.check, quote=c.quote, message=f.message)
            for s in scores
            for c, f in s.false_alarms
        ],
    )


def _false_alarms(scores: list[DocScore]) -> FalseAlarms:
    clean = sum(len(s.clean) for s in scores)
    flagged = sum(len({id(c) for c, _ in s.false_alarms}) for s in scores)
    unlabeled = sum(len(s.unlabeled) for s in scores)
    return FalseAlarms(
        clean_relations=clean,
        flagged=flagged,
        per_clean_relation=ratio(flagged, clean),
        unlabeled_findings=unlabeled,
        per_report=ratio(unlabeled, len(scores)),
    )
