"""The eval as a terminal table."""

from __future__ import annotations

from review.evaluation.results import (
    ClaimsSummary,
    EvalResult,
    Periods,
    RenderingMatrix,
    ReportRow,
    SeededSummary,
    SplitResult,
    Stat,
    WrittenForm,
)
from review.evaluation.scoring import ratio


def _n(v: float | None, width: int = 6) -> str:
    return f"{v:>{width}.3f}" if isinstance(v, (int, float)) else f"{'—':>{width}}"


def _finding_row(name: str, st: Stat) -> str:
    return (
        f"  {name:<20}{st.gold:>5}{st.found:>6}{st.produced:>6}{st.correct:>8}"
        f" {_n(st.precision, 9)} {_n(st.recall)} {_n(st.f1)}"
    )


def table(result: EvalResult) -> str:
    out = [
        f"绩效复核 eval · extractor {result.extractor}{' (replay)' if result.replay else ''} · "
        f"{len(result.reports)} reports × {result.repeat} run(s) · labels {result.labels}",
        "",
    ]
    f = result.findings
    out.append("Findings (a finding matches a gold one: same check, overlapping span)")
    out.append(f"  {'':<20}{'gold':>5}{'found':>6}{'prod':>6}{'correct':>8} {'precision':>9} {'recall':>6} {'F1':>6}")
    out.append(_finding_row("overall", f.overall))
    out += [_finding_row(f"check {k}", v) for k, v in f.by_check.items()]
    out += [_finding_row(f"severity {k}", v) for k, v in f.by_severity.items()]
    out += [_finding_row(f"format {k}", v) for k, v in result.findings_by_format.items()]
    out.append(f"  severity agreement {_n(f.severity_agreement)}")
    fa = f.false_alarms
    out.append(
        f"False alarms: {fa.flagged} of {fa.clean_relations} clean relations flagged "
        f"({_n(fa.per_clean_relation, 1).strip()}); {fa.unlabeled_findings} unlabeled findings, "
        f"{_n(fa.per_report, 1).strip()} per report"
    )
    out += _claims(result.claims)
    cov = result.coverage
    out.append(
        f"Coverage: {cov.seen} of {cov.labels} labeled relations seen by the extractor ({_n(cov.rate, 1).strip()})"
    )
    out += _seeded(result.seeded)
    out += _renderings(result.renderings)
    out += _written(result.written)
    cost = result.cost
    out.append(
        f"Cost per report: {_n(cost.wall_s_per_report, 1).strip()} s wall, "
        f"{_n(cost.cpu_s_per_report, 1).strip()} s CPU, "
        f"{cost.tokens_per_report or 0:g} tokens"
    )
    out += _reports(result.reports)
    out += _problems(result)
    for split, sub in result.splits.items():
        out += ["", *_split_block(split, sub)]
    return "\n".join(out) + "\n"


SPLIT_ABOUT = {"dev": "read while writing rules", "test": "scored only, never read while writing rules"}


def _split_block(split: str, r: SplitResult) -> list[str]:
    """A real-corpus split in a few lines: the numbers the issue's targets are stated in."""
    f, cov, clean = r.findings, r.coverage, r.clean_reports
    fa, o = f.false_alarms, f.overall
    out = [
        f"Real corpus, {split} split ({SPLIT_ABOUT.get(split, '')}): {len(r.reports)} reports",
        f"  real discrepancies found   {o.found:>4} of {o.gold:<4} "
        f"recall {_n(o.recall)}   precision {_n(o.precision)} ({o.correct} of {o.produced} findings)",
        f"  high findings on clean reports {clean.high_findings} on {clean.reports} reports "
        f"({_n(clean.high_per_report, 1).strip()} per report); "
        f"clean relations flagged {fa.flagged} of {fa.clean_relations}",
        f"  coverage: {cov.seen} of {cov.labels} labeled relations seen ({_n(cov.rate, 1).strip()}); "
        f"{cov.reports_with_unread} of {len(r.reports)} reviews say what they could not read "
        f"({cov.unread_notes} notes); figures checked {cov.figures_checked} of {cov.figures} "
        f"({_n(ratio(cov.figures_checked, cov.figures), 1).strip()})",
        f"  unlabeled findings {fa.unlabeled_findings} ({_n(fa.per_report, 1).strip()} per report)"
        + _periods_line(r.periods),
    ]
    s = r.seeded
    if s:
        kinds = "  ".join(f"{k} {st.detected}/{st.injected}" for k, st in s.by_kind.items() if st.injected)
        out.append(
            f"  seeded errors detected {s.overall.detected} of {s.overall.injected} "
            f"({_n(s.overall.recall, 1).strip()}): {kinds}"
        )
    if split == "dev":  # test is scored, not read: its misses are not listed here (they are in the JSON)
        out += [f"  missed {m.id} [{m.severity}] {m.check}: {m.quote[:50]}" for m in f.missed]
        out += [f"  unlabeled {u.sample} {u.check}: {u.quote[:30]} — {u.message[:50]}" for u in f.unlabeled]
    return [line.replace("\n", "⏎") for line in out]


def _periods_line(p: Periods) -> str:
    return f"; period inferred as labeled {p.inferred_as_labeled} of {p.labeled}"


def _claims(c: ClaimsSummary) -> list[str]:
    out = [
        f"Claims: grounding {_n(c.grounding_rate, 1).strip()} "
        f"({c.model_claims} model claims, {c.ungrounded_quotes} model quotes not found)"
    ]
    if c.quantities is not None and c.relations is not None:
        q, r = c.quantities, c.relations
        out.append(
            f"  quantities  gold {q.gold:>4} claimed {q.claimed:>4}   strict P {_n(q.strict.precision, 1)} "
            f"R {_n(q.strict.recall, 1)}   "
            f"partial P {_n(q.partial.precision, 1)} R {_n(q.partial.recall, 1)}"
        )
        out.append(
            f"  relations   gold {r.gold:>4} claimed {r.claimed:>4}   "
            f"P {_n(r.precision, 1)} R {_n(r.recall, 1)}"
            f"   ({c.runs_with_gold} report runs with gold claims)"
        )
    return out


def _seeded(s: SeededSummary | None) -> list[str]:
    if not s:
        return ["Seeded errors: not run"]
    out = [f"Seeded errors (one at a time)  {'injected':>8} {'detected':>8} {'recall':>6}  other check"]
    for kind, st in [*s.by_kind.items(), ("all", s.overall)]:
        if st.injected:
            out.append(f"  {kind:<28}{st.injected:>8} {st.detected:>8} {_n(st.recall)}  {st.other_check or 0:>5}")
    if s.skipped:
        out.append(f"  ({len(s.skipped)} skipped: relation already flagged in the clean text)")
    return out


def _renderings(m: RenderingMatrix | None) -> list[str]:
    """Per rendering of the same tables: relations seen and seeded errors detected, per check."""
    if m is None:
        return ["Renderings: not run (the rendering matrix is measured with the rules extractor only)"]
    out = [
        f"Renderings ({len(m.forms)} grids, reference {m.reference}): relations seen, clean flagged, "
        "seeded detected; per check seen/relations detected/injected"
    ]
    for name, st in m.by_rendering.items():
        seeds = f"{st.seeded.detected:>3}/{st.seeded.injected:<3}" if st.seeded else "  —    "
        checks = "  ".join(f"{k} {c.seen}/{c.relations} {c.detected}/{c.injected}" for k, c in st.by_check.items())
        mark = " (reference)" if name == m.reference else ""
        out.append(
            f"  {name:<16}{st.seen:>3}/{st.relations:<3} {_n(st.coverage, 5)}  flagged {st.flagged:>2}  "
            f"seeded {seeds} {_n(st.seeded.recall if st.seeded else None, 5)}  {checks}{mark}"
        )
    return out


def _written(forms: dict[str, WrittenForm] | None) -> list[str]:
    """The dev samples with their numbers written another way: what each writing loses."""
    if forms is None:
        return ["Written forms: not run (measured on the dev split with the rules extractor only)"]
    out = ["Written forms (dev samples, numbers written another way): seeded detected, lost, kept, real found"]
    for name, w in forms.items():
        lost = f"  lost: {', '.join(w.lost[:6])}{' …' if len(w.lost) > 6 else ''}" if w.lost else ""
        out.append(
            f"  {name:<12}{w.detected:>4}/{w.injected:<4} lost {len(w.lost):>3}  kept {_n(w.kept, 5)}"
            f"  found {w.found:g}/{w.plain_found:g} (plain)  high on clean {w.high_on_clean:g}{lost}"
        )
    return out


def _reports(rows: list[ReportRow]) -> list[str]:
    out = [
        f"Per report  {'sample':<24}{'period':>7}{'gold':>5}{'found':>6}{'prod':>6}{'unlab':>6}{'f.a.':>5}"
        f"{'wall s':>8}{'tokens':>8}"
    ]
    for r in rows:
        period = f"{r.period}{'' if r.period_ok else '≠' + str(r.labeled_period)}"
        out.append(
            f"  {r.sample:<34}{period:>7}{r.gold:>5}{r.found:>6g}{r.findings:>6g}{r.unlabeled:>6g}"
            f"{r.false_alarms:>5g}{r.wall_s:>8.3f}{r.tokens:>8g}"
        )
    return out


def _problems(result: EvalResult) -> list[str]:
    f = result.findings
    out = [f"  error {r.sample}: {e}" for r in result.reports for e in sorted(set(r.errors))]
    out += [f"  missed {m.id} [{m.severity}] {m.check}: {m.quote}" for m in f.missed]
    out += [f"  false alarm {a.sample} {a.check}: {a.quote} — {a.message}" for a in f.false_alarm_list]
    out += [f"  unlabeled {u.sample} {u.check}: {u.quote[:40]} — {u.message[:60]}" for u in f.unlabeled]
    if result.seeded:
        out += [
            f"  seeded miss {m.id} ({m.change})"
            f"{' flagged as ' + '/'.join(m.other_checks) if m.other_checks else ''}"
            f"{' error: ' + (m.reason or '')[:60] if m.status == 'error' else ''}"
            for m in result.seeded.misses
        ]
    out += [
        f"  claims: relation type {k} has no check in review/evaluation/claimscore.py _KIND (not scored)"
        for k in result.claims.unknown_kinds or []
    ]
    out += [f"  flaky {c.case}: passed {c.passed} of {c.runs}" for c in result.cases if 0 < c.passed < c.runs]
    return (["Problems"] + [line.replace("\n", "⏎") for line in out]) if out else []
