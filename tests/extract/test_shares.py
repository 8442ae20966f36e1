"""Shares of a whole (review/extract/rules/shares.py) held to 100% by the ratio check: phrasings of dev reports
r19-02 (新能源公交 运营补贴), r12-05 (兴庆区 衔接资金), r23-01 (儋州市人民法院) and r22-06, r11-14, r1-12."""

from __future__ import annotations

import pytest

from tests.conftest import review_text

# The shares stand where no operand is read with them (the ratio check compares a share with its operands
# where they are: 新能源車194輛 of 194輛 gives its own finding).
SHARES = [
    # r19-02: a share by its name (占比), after the year's vehicle count
    "永安市2021年度新能源公交車標臺合計數為:200標臺,新能源車占比100%,國家示范工程創建達標。",
    # r12-05: a rate of funds arrived (到位率) after what the funds were put into
    "全部列入兴庆区月牙湖乡滨河家园垃圾转运站提升改造项目,资金到位率100%。",
    # r23-01: spending progress (支出进度比率) of a project's funds
    "案件审判项目按计划实施,项目资金支出进度比率为100%。",
]


def _shares(text: str) -> list[tuple[str, str, str]]:
    return [(f.quote, f.severity, f.rule) for f in review_text(text, 2022).findings if f.check == "ratio"]


@pytest.mark.parametrize("text", SHARES)
def test_a_share_of_a_whole_above_100_percent_is_flagged(text: str) -> None:
    assert _shares(text) == []
    ((quote, severity, rule),) = _shares(text.replace("100%", "103%"))
    assert quote.endswith("103%") and (severity, rule) == ("medium", "ratio.share_above_whole")


def test_a_share_is_above_the_whole_only_at_its_written_precisions_lowest() -> None:
    """A stated share is the interval of its precision: 100.5% is [100.45, 100.55], above the whole; 100.0% and
    100.00% are not, and a whole percent is [x − 0.5, x + 0.5] (101% is above, from 100.5)."""
    for written, above in (("100.0%", False), ("100.00%", False), ("100.5%", True), ("101%", True)):
        found = [r for *_, r in _shares(SHARES[0].replace("100%", written))]
        assert found == (["ratio.share_above_whole"] if above else []), written


@pytest.mark.parametrize(
    "text",
    [
        "1-12月份完成投资28.78亿元,投资完成率151.47%。",  # r22-06: completion may pass the plan
        "完成年初計劃的120.7%。",  # r11-14's wording: a share of a plan, done beyond it
        "项目(工程)验收合格率20100%100%20",  # r1-12: 分值 20 and 100% run together, not a share of 20100%
        "群众满意度提高到105%。",  # a change, not a share reached
    ],
)
def test_rates_that_may_pass_their_base_and_cells_run_together_are_not_held_to_the_whole(text: str) -> None:
    assert [r for *_, r in _shares(text) if r == "ratio.share_above_whole"] == []
