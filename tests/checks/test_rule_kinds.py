"""The rubric's rule kinds are evaluated: one registered evaluator per kind a pack may ask for,
each holding a report's score rows (hand-built claims) to the rule of the pack indicator they name."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from review.checks.base import Context
from review.checks.rule_kinds import EVALUATORS, check_rule_kinds, registry_problems
from review.core.claims import Claims, FormulaScore, Quantity, ScoreNode, ScoreTree
from review.core.findings import Finding
from review.scoring.packs import RubricPack, resolve_pack
from review.scoring.rule_kinds import EVALUATED, NEEDS, RULE_KINDS, vocabulary_problems

EBIAN = resolve_pack("ebian-county-dept-overall-2023")


def rows(*cells: tuple[str, str | None, str]) -> tuple[str, Claims]:
    """A score table as text and claims: one (name, 分值 or None, 得分) row a line."""
    text, quantities, nodes = "", [], []
    for i, (name, weight, score) in enumerate(cells):
        name_start = len(text)
        text += name
        ids: list[str | None] = []
        for qid, raw in ((f"w{i}", weight), (f"s{i}", score)):
            if raw is None:
                ids.append(None)
                continue
            text += " "
            decimals = len(raw.split(".")[1]) if "." in raw else 0
            q = Quantity(
                id=qid,
                text=raw,
                start=len(text),
                end=len(text) + len(raw),
                value=Decimal(raw),
                unit="分",
                decimals=decimals,
            )
            quantities.append(q)
            ids.append(qid)
            text += raw
        text += "\n"
        node = ScoreNode(
            id=f"n{i + 1}",
            name=name,
            name_start=name_start,
            name_end=name_start + len(name),
            weight=ids[0],
            score=ids[1],
        )
        nodes.append(node)
    root = ScoreNode(id="n0", name="", name_start=0, name_end=0, children=tuple(n.id for n in nodes))
    tree = ScoreTree(nodes=(root, *nodes), root="n0", source="table")
    return text, Claims(quantities=tuple(quantities), relations=(tree,))


def evaluate(kind: str, *cells: tuple[str, str | None, str], pack: RubricPack = EBIAN) -> list[Finding]:
    text, claims = rows(*cells)
    found = EVALUATORS[kind](Context(claims, text, 2023, pack))  # type: ignore[index]
    for f in found:
        assert f.quote == text[f.start : f.end] and f.check == "score" and f.severity != "high"
    return found


def test_the_registry_evaluates_exactly_the_kinds_a_pack_may_ask_for() -> None:
    assert set(EVALUATORS) == EVALUATED and vocabulary_problems() == []
    assert EVALUATED | NEEDS.keys() == set(RULE_KINDS) and not EVALUATED & NEEDS.keys()
    missing = {k: v for k, v in EVALUATORS.items() if k != "qualitative"}
    assert registry_problems(missing, EVALUATED) == ["qualitative: packs may ask for it, but no evaluator"]
    assert registry_problems(EVALUATORS, EVALUATED - {"qualitative"}) == [
        "qualitative: an evaluator, but packs must mark it not evaluated"
    ]


def test_all_or_nothing_allows_zero_or_full_marks() -> None:
    assert evaluate("all_or_nothing", ("目标制定", "10", "10"), ("自评公开", "10", "0"), ("应用反馈", None, "5")) == []
    (f,) = evaluate("all_or_nothing", ("目标制定", "10", "7"))
    assert f.quote == "目标制定" and f.severity == "medium" and f.rule.startswith("rubric.all_or_nothing")
    assert "只能得0分或10分" in f.message and "7" in f.message and f.computed and f.computed.display == "0 或 10分"
    (f,) = evaluate("all_or_nothing", ("应用反馈", None, "4.9"))  # no 分值 in the row: the pack's 5
    assert "只能得0分或5分" in f.message
    assert evaluate("all_or_nothing", ("目标制定", "40", "40")) == []  # the row's own 分值 (the weight check blames 40)


def test_per_item_deduction_allows_whole_deductions_down_to_the_floor() -> None:
    holds = [("违规记录", "5", "4.5"), ("违规记录", "5", "0"), ("违规记录", "5", "5"), ("及时处置", "5", "3.3")]
    assert evaluate("per_item_deduction", *holds) == []
    (f,) = evaluate("per_item_deduction", ("违规记录", "5", "4.7"))
    assert f.severity == "medium" and "每个问题扣0.5分" in f.message and "5、4.5、4" in f.message
    assert [f.quote for f in evaluate("per_item_deduction", ("违规记录", "5", "5.5"), ("及时处置", "5", "6"))] == [
        "违规记录",
        "及时处置",
    ]
    assert evaluate("per_item_deduction", ("违规记录", "5", "4.50")) == []  # rounding is not an error
    assert evaluate("per_item_deduction", ("违规记录", "5", "4.8")) != []  # but 4.8 is no 0.5 step


def test_a_deduction_row_deducts_whole_steps_up_to_its_cap() -> None:
    assert evaluate("per_item_deduction", ("扣分项", "10", "1"), ("扣分项", "10", "-1.5"), ("扣分项", None, "10")) == []
    (f,) = evaluate("per_item_deduction", ("扣分项", "10", "0.7"))
    assert "每次扣0.5分、最多扣10分" in f.message
    assert len(evaluate("per_item_deduction", ("扣分项", None, "11"))) == 1


def test_qualitative_stays_within_the_weight_and_its_bands() -> None:
    assert evaluate("qualitative", ("预算挂钩", "10", "8"), ("问题整改", None, "2.5"), ("执行进度", "5", "0")) == []
    (f,) = evaluate("qualitative", ("问题整改", None, "6"))
    assert f.severity == "medium" and "0–5分" in f.message
    banded = json.loads(EBIAN.model_dump_json())
    rule = banded["categories"][1]["children"][0]["children"][0]["rule"]  # 预算挂钩
    rule["bands"] = [[0, 0], [0.5, 0.5], [1, 1]]  # 纳入内部考核体系5分；建立挂钩机制5分
    pack = RubricPack.model_validate(banded)
    assert evaluate("qualitative", ("预算挂钩", "10", "5"), ("预算挂钩", "10", "10"), pack=pack) == []
    (f,) = evaluate("qualitative", ("预算挂钩", "10", "7"), pack=pack)
    assert f.severity == "low" and "0–0分、5–5分、10–10分" in f.message


def test_a_rule_only_described_is_not_evaluated_and_no_pack_means_no_rule() -> None:
    text, claims = rows(("目标实现", "10", "7"), ("支出控制", "10", "3"))  # share_met, deviation_bands
    assert check_rule_kinds(Context(claims, text, 2023, EBIAN)) == []
    text, claims = rows(("目标制定", "10", "7"))
    assert len(check_rule_kinds(Context(claims, text, 2023, EBIAN))) == 1
    assert check_rule_kinds(Context(claims, text, 2023, None)) == []


@pytest.mark.parametrize(("stated", "holds"), [("9", True), ("8", False)])
def test_budget_execution_is_the_registered_evaluator_of_its_kind(stated: str, holds: bool) -> None:
    text = f"预算执行率 90% 10 {stated}"
    q = {
        "r": ("90%", "90", "%"),
        "w": ("10", "10", "分"),
        "s": (stated, stated, "分"),
    }
    found, at = [], 0
    for qid, (raw, value, unit) in q.items():
        at = text.index(raw, at)
        found.append(
            Quantity(id=qid, text=raw, start=at, end=at + len(raw), value=Decimal(value), unit=unit, decimals=0)
        )
        at += len(raw)
    claims = Claims(
        quantities=tuple(found), relations=(FormulaScore(rule="budget_execution", rate="r", weight="w", score="s"),)
    )
    out = EVALUATORS["budget_execution"](Context(claims, text, 2023))
    assert (out == []) is holds
    assert holds or (out[0].rule.startswith("rubric.budget_execution") and "应得[8.95, 9.05]分" in out[0].message)
