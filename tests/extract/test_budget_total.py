"""The budget total the unit check measures every payment against (Claims.budget_total): a
department's or project's whole, named by its wording, never one level's share or a part after 其中."""

import pytest

from tests.conftest import review_text


def _budget(text: str, period: int = 2024) -> str | None:
    claims = review_text(text, period).claims
    by_id = {q.id: q for q in claims.quantities}
    return by_id[claims.budget_total].text if claims.budget_total else None


@pytest.mark.parametrize(
    ("text", "budget"),
    [
        # r12-01: the 县本级 share of 衔接资金, beside the whole 2110万元 and its 中央/省级/县级 parts.
        (
            "2023年度县本级预算安排的衔接资金为64万元,2024年度县本级预算安排的衔接资金为76万元,指标评价得分7分。\n"
            "2024年度安排财政衔接资金2110万元,其中中央资金1413万元、省级资金621万元、县级资金76万元,建设13个项目。",
            None,
        ),
        # seed 001: the parts after 其中：, with the whole left out.
        ("其中：一般公共预算收入1794.96万元，政府性基金收入1372.23 万元。支出1800万元。", None),
        # seed 001 with its whole: the whole, not the part after 其中.
        ("2022年预算收入 3167.20万元，其中：一般公共预算收入1794.96万元，政府性基金收入1372.23 万元。", "3167.20万元"),
        # r8-05: levels joined name the whole of theirs.
        ("2024年省、市、区预算安排下达的财政示范创建专项资金共计2373.51万元,执行率100%。", "2373.51万元"),
        # r3-05: a project's 部门预算, no level named.
        ("2022年云龙产业园基础设施配套路网项目列入部门预算经费为3483万元,2022年实际支付3483万元。", "3483万元"),
    ],
)
def test_budget_total_is_a_whole_not_a_share(text, budget):
    assert _budget(text) == budget


def test_the_budget_total_is_the_first_named_not_the_largest():
    # seed 001's 预算收入 then r3-05's 部门预算 wording later in the report: the first whole named is the budget,
    # whichever is larger
    text = (
        "2022年预算收入 3167.20万元，其中：一般公共预算收入1794.96万元，政府性基金收入1372.23 万元。\n"
        "配套路网项目列入部门预算经费为3483万元,实际支付3483万元。"
    )
    assert _budget(text) == "3167.20万元"


def test_a_level_share_raises_no_over_budget_finding():
    """r12-01: 2110万元 and its 中央/省级 parts are not above 县本级's 76万元 budget; a payment a unit's scale above
    a department's whole budget (seed 000's wording) still is."""
    share = (
        "2024年度县本级预算安排的衔接资金为76万元。\n"
        "2024年度安排财政衔接资金2110万元,其中中央资金1413万元、省级资金621万元、县级资金76万元。"
    )
    assert [f for f in review_text(share, 2024).findings if f.check == "unit"] == []
    whole = "本部门2024年度预算安排76万元。\n发放补贴资金21100000万元。"
    assert [f.rule for f in review_text(whole, 2024).findings if f.check == "unit"] == ["unit.part_exceeds_budget"]


@pytest.mark.parametrize(
    ("budget", "paid"),
    [
        # r12-01's wording, the payment a little above a budget of narrower scope
        ("本部门2024年度预算安排1800万元。", "发放补贴资金2110万元。"),
        # seed 003's wording: a project's 预算数 under the year's payment from several sources
        ("2021年度项目资金预算数800万元。", "已拨付补助资金1200万元。"),
    ],
)
def test_a_payment_a_little_above_the_budget_is_no_unit_slip(budget, paid):
    """Above the budget by less than a unit's scale (元 for 万元 is 10000×): the budget the report's wording
    named is of narrower scope than the payment, not a slip of unit; 10000× above it still is."""
    assert [f for f in review_text(f"{budget}\n{paid}", 2024).findings if f.check == "unit"] == []
    slipped = paid.replace("万元", "0000万元")
    found = review_text(f"{budget}\n{slipped}", 2024).findings
    assert [f.rule for f in found if f.check == "unit"] == ["unit.part_exceeds_budget"]


@pytest.mark.parametrize(
    "text",
    [
        # r5-12: the year's spending draws on 其他资金来源 too; it may exceed the 预算收入.
        "2022年预算收入69.06万元,其中年初预算57.28万元,调整追加11.78万元。其他资金来源21.31万元。\n"
        "2022年支出76.36万元,其中基本支出76.36万元,项目支出0万元,结余结转0万元。",
        # seed 003's aggregates (基本支出, 项目支出) above a smaller budget total.
        "2021年度项目资金预算数800万元。\n2021年部门支出中：基本支出871.44万元，项目支出462.3万元。",
    ],
)
def test_a_years_spending_aggregate_is_not_held_under_the_budget(text):
    assert _budget(text, 2022) is not None
    assert [f for f in review_text(text, 2022).findings if f.rule == "unit.part_exceeds_budget"] == []
    paid = text + "\n已拨付补助资金90000万元。"
    assert [f.rule for f in review_text(paid, 2022).findings if f.check == "unit"] == ["unit.part_exceeds_budget"]
