"""Shares of a whole (review/extract/rules/shares.py) held to 100% by the ratio check: phrasings of dev reports
r19-02 (新能源公交 运营补贴), r12-05 (兴庆区 衔接资金), r23-01 (儋州市人民法院) and r22-06, r11-14, r1-12; lists of
shares of one whole: r28-02 (福彩公益金), r28-04, r27-01 and r9-08 (部门决算)."""

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


# r28-02 (天津福彩公益金): three uses' shares of one whole, unnamed (占比为), through semicolons
USES_R28_02 = (
    "2015年天津福彩公益金用于养老等服务类经费和困难群众保障4.25亿元,占比为75%,使用范围包括老年公寓、殡仪事业等;"
    "用于社区公益类1.26亿元,占比为23%,使用范围包括社区公益事业专项等;用于其他社会福利类0.14亿元,占比为2%。"
)
# r28-04 (部门决算 收入): shares of a named whole (占收入合计的), zeros among them
INCOME_R28_04 = (
    "其中:财政拨款收入5505.38万元,占收入合计的91.40%;上级补助收入0万元,占收入合计的0%;"
    "事业收入514.89万元,占收入合计的8.55%;经营收入0万元,占收入合计的0%。"
)
# r27-01 and r9-08 (部门决算): income's shares in one sentence, spending's in the next (a bare 占)
INCOME_THEN_SPENDING = (
    "本年收入中财政拨款收入1516.64萬元,占89.88%;事業收入170.81萬元,占10.12%。"
    "本年支出中基本支出1120.93萬元,占57.71%;項目支出821.48萬元,占42.29%。"
)


def _over(text: str) -> list[str]:
    return [f.quote for f in review_text(text, 2022).findings if f.rule == "ratio.shares_over_whole"]


@pytest.mark.parametrize(("text", "share", "more"), [(USES_R28_02, "75%", "78%"), (INCOME_R28_04, "91.40%", "94.40%")])
def test_shares_of_one_whole_that_pass_100_percent_together_are_flagged(text: str, share: str, more: str) -> None:
    """75% + 23% + 2% is 100% (each ±0.5%); with 78% the lowest of the sum is 101.5%: more than the whole."""
    assert _over(text) == []
    (quote,) = _over(text.replace(share, more, 1))
    assert more in quote and quote.endswith(("2%", "0%"))


def test_two_lists_of_shares_in_two_sentences_are_two_wholes() -> None:
    assert _over(INCOME_THEN_SPENDING) == []


def test_the_shares_of_a_part_after_its_share_are_not_added_to_the_whole() -> None:
    """中央资金占80%，其中直达资金占70%: the 70% is of the 80%, not another share of the whole."""
    assert _over("本年收入1000万元,其中中央资金800万元,占80%,其中直达资金560万元,占70%;省级资金200万元,占20%。") == []


def test_shares_of_a_plan_are_what_was_done_of_each_items_own_plan() -> None:
    """Budget-execution reports (pool pages of two sites, not in the corpus): 占调整预算105.47% and 占年初预算的43.2%
    are each item done against its own budget, which may pass it; they are no shares of one whole."""
    assert (
        _over(
            "地方一般公共预算收入完成28,583万元,占调整预算105.47%;税务部门完成13,866万元,占调整预算100.93%;"
            "财政部门完成14,717万元,占调整预算110.14%。"
        )
        == []
    )
    assert _over("其中:税收收入3511万元,占年初预算的41.5%;非税收入837万元,占年初预算的72.3%。") == []
