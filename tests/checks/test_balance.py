"""check_balances from hand-made BalanceRelations: 上年结转 + 收入 − 支出 = 年末结转, on intervals."""

from __future__ import annotations

import pytest

from review.checks.balance import check_balances
from review.checks.base import Context
from review.core.claims import BalanceRelation
from tests.checks.builders import Sheet, essentials, spans_ok


def balance_of(opening: str, inflows: list[str], outflows: list[str], closing: str) -> tuple[Sheet, Context]:
    s = Sheet()
    o = s.num(opening, "年初结转和结余")
    ins = [s.num(x, "本年收入合计") for x in inflows]
    outs = [s.num(x, "本年支出合计") for x in outflows]
    c = s.num(closing, "年末结转和结余")
    rel = BalanceRelation(
        opening=o.id, inflows=tuple(i.id for i in ins), outflows=tuple(x.id for x in outs), closing=c.id
    )
    return s, s.ctx(rel)


# opening, inflows, outflows, closing, the computed interval as shown, its midpoint
FAILS = [
    pytest.param("10万元", ["100万元"], ["90万元"], "25万元", "[18.5, 21.5]", "20万元", id="whole-amounts"),
    pytest.param(
        "939.23万元", ["4286.67万元"], ["4212.62万元"], "1013.38万元", "[1013.265, 1013.295]", "1013.28万元", id="cents"
    ),
    pytest.param(
        "5万元", ["60万元", "40万元"], ["70万元", "20万元"], "5万元", "[12.5, 17.5]", "15万元", id="several-flows"
    ),
]


@pytest.mark.parametrize(("opening", "inflows", "outflows", "closing", "shown", "mid"), FAILS)
def test_balance_carry_forward_that_does_not_close_is_flagged(opening, inflows, outflows, closing, shown, mid) -> None:
    s, ctx = balance_of(opening, inflows, outflows, closing)
    (f,) = check_balances(ctx)
    assert essentials(f) == ("balance", "high", "balance.carry_forward")
    assert f.quote == f"年末结转和结余{closing}" and spans_ok([f], s.text)
    assert f"结转结余不平衡：年末结转和结余{closing}，按{opening} + " in f.message
    assert f.message.endswith(f"计算应为{shown}万元")
    assert f.computed is not None and f.computed.display == mid
    assert f.stated is not None and f.stated.display == closing
    assert len(f.related) == 1 + len(inflows) + len(outflows)


HOLDS = [
    pytest.param("10万元", ["100万元"], ["90万元"], "20万元", id="exact"),
    pytest.param("10万元", ["100万元"], ["90万元"], "21万元", id="within-rounding"),
    pytest.param("939.23万元", ["4286.67万元"], ["4212.62万元"], "1013.28万元", id="cents"),
    pytest.param("5万元", ["60万元", "40万元"], ["70万元", "20万元"], "17万元", id="several-flows-rounding"),
]


@pytest.mark.parametrize(("opening", "inflows", "outflows", "closing"), HOLDS)
def test_a_balance_that_closes_within_rounding_is_not_flagged(opening, inflows, outflows, closing) -> None:
    assert check_balances(balance_of(opening, inflows, outflows, closing)[1]) == []
