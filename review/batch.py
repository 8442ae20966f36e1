"""Many reports at once: parallel workers, each result saved the moment it is ready (keyed by
document sha256 and tool version), a resumable run, and one bad file never stops the batch — not
even one that kills or hangs its worker process (review.workers)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator
from contextlib import closing
from functools import partial
from pathlib import Path

from review.core.errors import ReviewError
from review.core.outcomes import Outcome, Review
from review.load.loader import load
from review.pipeline import review_document
from review.review_key import ReviewOptions, rubric_option
from review.scoring.packs import resolve_pack
from review.store.reviews import Store
from review.workers import supervise

DEFAULT_TIMEOUT = 120.0  # seconds one file may take in a worker process before it is stopped


Reviewer = Callable[[str], Outcome]


def review_path(path: str, period: int | None = None, rubric: str | None = None) -> Outcome:
    """Review one file with the rules extractor (top-level so worker processes can run it)."""
    try:
        pack = resolve_pack(rubric) if rubric else None
        return Outcome(path, review=review_document(load(path), period=period, rubric=pack))
    except ReviewError as exc:
        return Outcome(path, error=str(exc))


def file_sha256(path: Path) -> str | None:
    try:
        digest = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
        return digest.hexdigest()
    except OSError:
        return None


def run_batch(
    paths: list[Path],
    *,
    jobs: int = 1,
    period: int | None = None,
    rubric: str | None = None,
    store: Store | None = None,
    resume: bool = False,
    reviewer: Reviewer | None = None,
    options: ReviewOptions | None = None,
    timeout: float = DEFAULT_TIMEOUT,
) -> Generator[Outcome, None, None]:
    """Yield outcomes as they complete. With a store, each review is committed before it is
    yielded; with `resume`, files already reviewed with the same options (review key: tool
    version, extractor, model, rubric, period) are not reviewed again.

    The rules path runs in `jobs` worker processes: a file whose worker dies or takes longer than
    `timeout` seconds is that file's error. A `reviewer` (the model path) runs here, one file at a
    time. Closing the generator, or an exception in it (Ctrl-C), ends the workers at once."""
    if options is None:
        options = ReviewOptions(period=period, rubric=rubric_option(resolve_pack(rubric)) if rubric else "")
    todo: list[str] = []
    for p in paths:
        stored = _stored(store, p, options) if resume and store else None
        if stored is not None:
            yield Outcome(str(p), review=stored, cached=True)
        else:
            todo.append(str(p))
    with closing(_run(todo, jobs, period, rubric, reviewer, timeout)) as outcomes:  # closing ends the workers
        for outcome in outcomes:
            if store is not None and outcome.review is not None:
                store.save_review(
                    outcome.review, name=Path(outcome.path).name, options=options, rubric=outcome.review.rubric
                )
            yield outcome


def _stored(store: Store, path: Path, options: ReviewOptions) -> Review | None:
    sha = file_sha256(path)
    found = store.find_review(sha, options) if sha else None
    return found.review if found else None


def _run(
    todo: list[str], jobs: int, period: int | None, rubric: str | None, reviewer: Reviewer | None, timeout: float
) -> Generator[Outcome, None, None]:
    if reviewer is not None:
        for path in todo:
            yield reviewer(path)
        return
    task = partial(review_path, period=period, rubric=rubric)
    yield from supervise(todo, task, _failed, jobs=jobs, timeout=timeout)


def _failed(path: str, reason: str) -> Outcome:
    return Outcome(path, error=f"{path}: {reason}")
