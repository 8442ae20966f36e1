"""check_counts from hand-made CountRelations: a stated count against the items counted; a partial
list (…等N个) only bounds it from below."""

from __future__ import annotations

from typing import Literal

import pytest

from review.checks.base import Context
from review.checks.count import check_counts
from review.core.claims import CountRelation
from tests.checks.builders import Sheet, essentials, spans_ok


def count_of(
    stated: int, counted: int, *, exhaustive: bool = True, severity: Literal["high", "medium", "low"] = "high"
) -> tuple[Sheet, Context]:
    s = Sheet()
    start, end = s.write(f"预算支出项目{stated}个")
    items = tuple(s.write(f"项目{k}、") for k in range(counted))
    rel = CountRelation(
        stated=stated,
        start=start,
        end=end,
        counted=counted,
        item_spans=items,
        what="逐项列出的项目",
        severity=severity,
        exhaustive=exhaustive,
    )
    return s, s.ctx(rel)


# stated, counted, exhaustive, severity given by the extractor, a message fragment
FAILS = [
    pytest.param(
        85, 83, True, "high", "报告所述个数为85，而逐项列出的项目为83（“预算支出项目85个”）", id="fewer-listed"
    ),
    pytest.param(3, 4, True, "medium", "报告所述个数为3，而逐项列出的项目为4", id="more-listed-medium"),
    pytest.param(3, 5, False, "high", "为5（列举未完，却已多于所述个数）", id="partial-list-already-more"),
]


@pytest.mark.parametrize(("stated", "counted", "exhaustive", "severity", "message"), FAILS)
def test_count_listed_items_that_disagree_are_flagged(stated, counted, exhaustive, severity, message) -> None:
    s, ctx = count_of(stated, counted, exhaustive=exhaustive, severity=severity)
    (f,) = check_counts(ctx)
    assert essentials(f) == ("count", severity, "count.listed_items")
    assert f.quote == f"预算支出项目{stated}个" and spans_ok([f], s.text)
    assert message in f.message
    assert f.stated is not None and f.stated.display == str(stated)
    assert f.computed is not None and f.computed.display == str(counted)
    assert len(f.related) == counted


HOLDS = [
    pytest.param(12, 12, True, id="as-many-as-stated"),
    pytest.param(10, 3, False, id="partial-list-names-fewer"),
    pytest.param(3, 3, False, id="partial-list-names-all"),
]


@pytest.mark.parametrize(("stated", "counted", "exhaustive"), HOLDS)
def test_a_count_that_holds_is_not_flagged(stated, counted, exhaustive) -> None:
    assert check_counts(count_of(stated, counted, exhaustive=exhaustive)[1]) == []
