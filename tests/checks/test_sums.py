"""The sum check from hand-built claims: an unmarked implicit split (`marked=False`) that does not
add up is a low-severity finding, a unit slip in it too; a marked one is high."""

from __future__ import annotations

from decimal import Decimal

import pytest

from review.checks.base import Context
from review.checks.sums import check_sums
from review.core.claims import Claims, Quantity, SumRelation

TEXT = "受益资金100万元，甲村60万元，乙村50万元，丙村40元。"


def money(qid: str, at: str, label: str) -> Quantity:
    start = TEXT.index(at)
    unit = "万元" if at.endswith("万元") else "元"
    return Quantity(
        id=qid,
        text=at,
        start=start,
        end=start + len(at),
        value=Decimal(at.removesuffix(unit)),
        unit=unit,
        decimals=0,
        label=label,
        label_start=start - len(label),
    )


Q = (
    money("t", "100万元", "受益资金"),
    money("a", "60万元", "甲村"),
    money("b", "50万元", "乙村"),
    money("c", "40元", "丙村"),
)


@pytest.mark.parametrize(("marked", "severity"), [(True, "high"), (False, "low")])
def test_the_severity_of_a_split_that_does_not_add_up_follows_its_wording(marked: bool, severity: str) -> None:
    rel = SumRelation(total="t", items=("a", "b"), basis="implicit", marked=marked)
    (f,) = check_sums(Context(Claims(quantities=Q, relations=(rel,)), TEXT, 2023))
    assert (f.check, f.severity, f.quote) == ("sum", severity, "受益资金100万元")


@pytest.mark.parametrize(("marked", "severity"), [(True, "high"), (False, "low")])
def test_a_unit_slip_in_an_unmarked_split_is_low_too(marked: bool, severity: str) -> None:
    rel = SumRelation(total="t", items=("a", "c"), basis="implicit", marked=marked)  # 60万元 + 40元: 40万元 fits
    (f,) = check_sums(Context(Claims(quantities=Q, relations=(rel,)), TEXT, 2023))
    assert (f.check, f.severity, f.quote) == ("unit", severity, "丙村40元")
