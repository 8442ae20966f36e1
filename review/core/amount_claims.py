"""Relations that tie one stated amount to another, neither a sum nor a rate: spending against the
whole budget, a plan or target against its actual, amounts per unit, and money amounts written in
another money unit (the 元/万元 slips review.checks.unit looks for). review.core.claims lists them
among its relations and exports them."""

from __future__ import annotations

from typing import Literal

from review.core.claim_base import _Relation


class BudgetCeiling(_Relation):
    """A spending amount that cannot exceed the whole budget (部门预算总额): 发放补贴617705万元
    against a budget of 6024.595024万元 is a unit slip (元 written as 万元)."""

    kind: Literal["budget_ceiling"] = "budget_ceiling"
    amount: str
    budget: str


class PlanActual(_Relation):
    """A planned amount and an actual/other amount for the same scope that must agree or bound."""

    kind: Literal["plan_actual"] = "plan_actual"
    # target_actual: a target (anchor) and its actual (other), which need not meet; target_asserted:
    # the actual's wording asserts it equals the target (全部完成, 均已, 100%)
    rule: Literal["budget_balance", "actual_within_budget", "target_actual", "target_asserted"]
    anchor: str
    other: str
    scope: str = ""


class UnitPrice(_Relation):
    """Amount per unit in sibling clauses (N人次 共计 A元): used to spot 元/万元 slips."""

    kind: Literal["unit_price"] = "unit_price"
    groups: tuple[tuple[str, str], ...]
    target: tuple[str, str] | None = None
    actual: tuple[str, str] | None = None


UnitPeerBasis = Literal["same_figure", "paragraph", "header", "report"]


class UnitPeers(_Relation):
    """A money amount and the amounts the text ties it to, written in another money unit: the same
    figure elsewhere (年度资金40.83万元 … 本年度财政拨款40.83元: `same_figure`), the funds its
    paragraph states with it (补助资金3万元 … 补助资金1.5元: `paragraph`), or the cells of a funds
    table whose header names their unit (资金情况(万元) … 自治区补助300元: `header`, that unit in
    `declared`), or, for a principal funds figure (what was allocated, budgeted, received or spent:
    资金下达42元) in a unit other than the one the report writes most, the amounts in that one in its
    paragraph, or in the whole report where its paragraph writes none (`report`). Rates and prices
    (500元/人, 每亩300元) are never peers. Whether the amount fits only when read in its peers' unit is
    the check's (review.checks.unit).

    `kin`: the paragraph's other amounts in the amount's own unit; `written`: how many amounts the
    report writes in each money unit (rates and prices left out)."""

    kind: Literal["unit_peers"] = "unit_peers"
    amount: str
    peers: tuple[str, ...]
    basis: UnitPeerBasis
    kin: tuple[str, ...] = ()
    written: tuple[tuple[str, int], ...] = ()
    declared: str = ""
