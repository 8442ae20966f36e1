"""The labeled seed reports: every labeled discrepancy is found, no relation that holds is flagged."""

from __future__ import annotations

import pytest

from review.load.loader import load
from review.pipeline import review_document
from tests.conftest import LABELS, SAMPLES

DOCS = sorted(LABELS["documents"])


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def locate(text: str, quote: str) -> tuple[int, int]:
    start = text.find(quote)
    assert start >= 0, f"label quote not in text: {quote!r}"
    return start, start + len(quote)


@pytest.fixture(scope="module")
def reviews():
    return {name: review_document(load(SAMPLES / name)) for name in DOCS}


@pytest.mark.parametrize("name", DOCS)
def test_every_labeled_finding_is_reported(reviews, name):
    review = reviews[name]
    for label in LABELS["documents"][name]["findings"]:
        span = locate(review.document.text, label["quote"])
        hits = [f for f in review.findings if f.check == label["check"] and overlaps((f.start, f.end), span)]
        assert hits, f"{label['id']} not reported: {label['explain']}"
        assert hits[0].severity == label["severity"], label["id"]


@pytest.mark.parametrize("name", DOCS)
def test_no_consistent_relation_is_flagged(reviews, name):
    review = reviews[name]
    for label in LABELS["documents"][name]["consistent"]:
        span = locate(review.document.text, label["quote"])
        wrong = [f for f in review.findings if f.check == label["check"] and overlaps((f.start, f.end), span)]
        assert not wrong, f"false alarm on {label['quote']!r}: {wrong[0].message}"


@pytest.mark.parametrize("name", DOCS)
def test_findings_quote_their_span_and_period_is_inferred(reviews, name):
    review = reviews[name]
    assert review.status == "complete"
    assert str(review.period) == LABELS["documents"][name]["period"]
    for f in review.findings:
        assert review.document.text[f.start : f.end] == f.quote
        assert f.message and f.trace


def test_no_unlabeled_findings_on_seeds(reviews):
    """Precision on the seeds: every finding reported matches a label."""
    extra = []
    for name in DOCS:
        review = reviews[name]
        spans = [
            (lab["check"], locate(review.document.text, lab["quote"])) for lab in LABELS["documents"][name]["findings"]
        ]
        for f in review.findings:
            if not any(c == f.check and overlaps((f.start, f.end), s) for c, s in spans):
                extra.append((name, f.check, f.quote))
    assert not extra
