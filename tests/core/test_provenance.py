"""The provenance vocabularies: the extractor and a relation's basis are closed types, and every
value the code has printed (the contract capture) is one of them."""

from __future__ import annotations

import json
import lzma
from collections.abc import Iterator
from typing import Any, get_args

import pytest
from pydantic import ValidationError

from review.core.claims import RatioRelation, SumRelation
from review.core.outcomes import Review
from review.core.provenance import EXTRACTORS, SumBasis, named_rate, rate_over_base, share_of
from tests.conftest import ROOT

CAPTURE = json.loads(lzma.decompress((ROOT / "tests/data/contract/before.json.xz").read_bytes()))


def _values(node: Any, key: str) -> Iterator[tuple[str, Any]]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == key:
                yield node.get("kind", ""), v
            yield from _values(v, key)
    elif isinstance(node, list):
        for v in node:
            yield from _values(v, key)


def test_every_basis_and_extractor_in_the_capture_is_a_value_of_the_types() -> None:
    bases = list(_values(CAPTURE["reviews"], "basis"))
    assert {kind for kind, _ in bases} == {"sum", "ratio"} and len(bases) > 30
    for kind, basis in bases:
        model = SumRelation if kind == "sum" else RatioRelation
        ids = {"total": "a", "items": ("b",)} if kind == "sum" else {"rate": "a", "numerator": "b", "denominators": ()}
        assert model.model_validate({**ids, "basis": basis}).basis == basis
    assert {e for _, e in _values(CAPTURE["reviews"], "extractor")} <= set(EXTRACTORS)
    assert all(Review.model_validate(r).extractor in EXTRACTORS for r in CAPTURE["reviews"])


def test_a_rate_is_named_by_its_wording_and_nothing_else() -> None:
    ok = [named_rate("风险消除"), rate_over_base("预算执行", "执行"), share_of("总支出"), share_of("")]
    assert ok == ["风险消除率", "预算执行率 = 执行数 / 基数", "占总支出比重", "占比重"]
    for basis in ok:
        assert RatioRelation(rate="r", numerator="n", denominators=("d",), basis=basis).basis == basis
    for wrong in ("ratio", "风险消除", "占总支出的比重 ", "其中"):
        with pytest.raises(ValidationError):
            RatioRelation.model_validate({"rate": "r", "numerator": "n", "denominators": ["d"], "basis": wrong})


def test_a_sum_basis_outside_the_list_is_refused() -> None:
    assert "其中" in get_args(SumBasis) and "" in get_args(SumBasis)
    with pytest.raises(ValidationError):
        SumRelation.model_validate({"total": "a", "items": ["b"], "basis": "合计"})
    with pytest.raises(ValidationError):
        Review.model_validate({**CAPTURE["reviews"][0], "extractor": "model"})
