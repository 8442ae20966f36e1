"""The rendering matrix: every source grid (eval/renderings/forms.json) written in every rendering
(renderings.py), loaded as a .txt is, reviewed, and measured as a labeled sample is — labeled
relations seen by the extractor, clean relations flagged, and the eval's seeded errors detected.

It shows whether the engine reads the same table the same way however it was rendered as text,
independently of which reports happen to be in the corpus.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from review.core.document import Document
from review.core.errors import ReviewError
from review.core.outcomes import Review
from review.evaluation.claimscore import coverage_counts
from review.evaluation.renderings import FORMS, REFERENCE, RENDERINGS, Rendered, Rendering, load_forms, render
from review.evaluation.results import RenderingCheck, RenderingMatrix, RenderingMiss, RenderingStat, SeedStat
from review.evaluation.scoring import gold_spans, overlaps, ratio
from review.evaluation.seeding import already_flagged, judge, seeds_for
from review.load.texttables import text_blocks

ReviewFn = Callable[[Document], Review]


def text_document(name: str, text: str) -> Document:
    """A rendering as the loader reads a .txt holding it."""
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Document(path=name, sha256=sha, source_format="txt", text=text, blocks=text_blocks(text))


def rendering_matrix(review: ReviewFn, *, seeded: bool = True, forms_path: Path = FORMS) -> RenderingMatrix:
    forms = load_forms(forms_path)
    by_rendering: dict[str, RenderingStat] = {}
    misses: list[RenderingMiss] = []
    for rendering in RENDERINGS:
        tallies: dict[str, list[int]] = {}
        flagged = errors = 0
        for form in forms:
            got = render(form, rendering)
            f, e = _measure(got, rendering, review, seeded, tallies, misses)
            flagged, errors = flagged + f, errors + e
        by_rendering[rendering.name] = _stat(tallies, flagged, errors, seeded)
    return RenderingMatrix(reference=REFERENCE, forms=[f.name for f in forms], by_rendering=by_rendering, misses=misses)


def _measure(
    got: Rendered,
    rendering: Rendering,
    review: ReviewFn,
    seeded: bool,
    tallies: dict[str, list[int]],
    misses: list[RenderingMiss],
) -> tuple[int, int]:
    """Tallies per check: [relations, seen, injected, detected]; returns (flagged, seed errors)."""
    form = got.name.split(".", 1)[0]
    doc = text_document(got.name, got.text)
    clean_review = review(doc)
    _, clean = gold_spans(got.labels, got.text, got.name)
    _, unseen = coverage_counts(clean, clean_review.claims)
    unseen_ids = {id(g) for g in unseen}
    for g in clean:
        t = tallies.setdefault(g.check, [0, 0, 0, 0])
        t[0], t[1] = t[0] + 1, t[1] + (id(g) not in unseen_ids)
    misses += [
        RenderingMiss(rendering=rendering.name, form=form, check=g.check, what="unseen", quote=g.quote) for g in unseen
    ]
    flagged = [
        g
        for g in clean
        if any(f.check == g.check and overlaps((f.start, f.end), g.span) for f in clean_review.findings)
    ]
    misses += [
        RenderingMiss(rendering=rendering.name, form=form, check=g.check, what="flagged", quote=g.quote)
        for g in flagged
    ]
    errors = 0
    for seed in seeds_for(got.name, got.text, got.labels) if seeded else []:
        if already_flagged(seed, clean_review.findings):
            continue
        try:
            mutated = review(text_document(seed.id, seed.text))
        except ReviewError:
            errors += 1
            mutated = None
        hit = mutated is not None and judge(seed, clean_review.findings, mutated.findings)[0]
        t = tallies.setdefault(seed.check, [0, 0, 0, 0])
        t[2], t[3] = t[2] + 1, t[3] + hit
        if not hit:
            what = f"{seed.id.split('#', 1)[1]} {seed.kind} {seed.before}→{seed.after}"
            misses.append(
                RenderingMiss(rendering=rendering.name, form=form, check=seed.check, what=what, quote=seed.relation)
            )
    return len(flagged), errors


def _stat(tallies: dict[str, list[int]], flagged: int, errors: int, seeded: bool) -> RenderingStat:
    relations = sum(t[0] for t in tallies.values())
    seen = sum(t[1] for t in tallies.values())
    injected = sum(t[2] for t in tallies.values())
    detected = sum(t[3] for t in tallies.values())
    seeds = SeedStat(injected=injected, detected=detected, recall=ratio(detected, injected), errors=errors or None)
    return RenderingStat(
        relations=relations,
        seen=seen,
        coverage=ratio(seen, relations),
        flagged=flagged,
        seeded=seeds if seeded else None,
        by_check={
            k: RenderingCheck(relations=t[0], seen=t[1], injected=t[2], detected=t[3])
            for k, t in sorted(tallies.items())
        },
    )
