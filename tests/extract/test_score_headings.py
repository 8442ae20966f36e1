"""Score trees written as numbered headings with their caps (一、投入(14分) / (一)项目立项(8分) / (1)…(2分)),
each leaf's 自评得…分 in its own text. Excerpts (shortened) of two dev corpus reports, r19-03 and r25-03,
which write the tree differently (a leaf's text on the next line or on the heading's own line, 3分 with
or without its closing bracket), and one written with other marks."""

from __future__ import annotations

import pytest

from review.core.claims import ScoreTree
from tests.conftest import review_text

# r19-03 (a county's 学前教育 report): each leaf's text on the lines after its heading
R19 = """一、投入(14分)
(一)项目立项(8分):
(1)项目立项(2分)
我县学前教育项目严格按照基建项目申报审批程序编报项目建议书,程序完整,执行程序规范。自评得2分。
(2)项目预算规范性(3分):
我县能认真做好资金需求编制,明确资金来源渠道。自评得3分。
我县学前教育教师国家级培训计划专项资金预算为中央专项资金。自评得3分。
(3)项目绩效目标设立(3分):
我县根据项目年度实施规划,科学合理设立绩效目标,自评得3分。
(二)资金落实(6分):
目前资金已全部落实到位,资金到位率100%。自评得6分。
二、过程(43分)
(一)项目管理(15分)
(1)管理制度健全(3分)
我县制定了相关项目管理的办法和意见。自评得3分。
"""
# r25-03 (another county, another year): the text on the heading's line, a bracket left open
R25 = """一、投入(14分)
(一)项目立项(8分):
(1) 建设项目立项(2分)我县2021年学前教育项目严格按照基建项目申报审批程序编报项目建议书。自评得2分
(2) 项目预算规范性(3分 :我县能认真做好资金需求编制,与年初专项资金申报需求一致,自评得3分
(3) 项目绩效目标设立(3分):我县根据项目年度实施规划,科学合理设立绩效目标。自评得3分
(二) 资金落实(6分 资金到位率,我县各项资金落实到位,各项目实际下达资金到位率100%,自评得6分。
二、过程(43分)
(一)项目管理(15分)
(1)管理制度健全(3分)我县制定了相关项目管理办法和意见。自评得3分
"""
# the same tree with 1. and （1） marks and full-width brackets
MARKS = """一、项目决策（20分）
1．项目立项（10 分）
（1）立项依据充分性（5分）：项目立项符合国家法律法规。自评得分5分。
（2）立项程序规范性（5分）：按照规定的程序申请设立。自评得分：5分。
2．绩效目标（10分）
（1）绩效目标合理性（10分）：项目有绩效目标。自评得10分。
二、项目过程（20分）
"""


def tree_of(text: str) -> list[tuple[str, str | None, str | None, tuple[str, ...], bool]]:
    r = review_text(text)
    q = {x.id: x.text for x in r.claims.quantities}
    (tree,) = [t for t in r.claims.relations if isinstance(t, ScoreTree)]
    names = {n.id: n.name for n in tree.nodes}
    return [
        (n.name, q.get(n.weight or ""), q.get(n.score or ""), tuple(names[c] for c in n.children), n.exhaustive)
        for n in tree.nodes
        if n.id != tree.root
    ]


@pytest.mark.parametrize("text", [R19, R25])
def test_a_heading_tree_is_read_with_its_levels_caps_and_scores(text):
    got = {name: rest for name, *rest in tree_of(text)}
    assert got["投入"] == ["14分", None, ("项目立项", "资金落实"), True]
    assert got["资金落实"][:2] == ["6分", "6分"]
    leaves = [n for n in tree_of(text) if n[0].endswith("项目立项") and not n[3]]
    assert [(w, s) for _, w, s, _, _ in leaves] == [("2分", "2分")]
    # the text ends inside 过程: its parts are not all there
    assert got["过程"][2:] == [("项目管理",), False]


def test_a_leaf_scored_twice_has_no_one_score():
    got = {name: rest for name, *rest in tree_of(R19)}
    assert got["项目预算规范性"][:2] == ["3分", None]


def test_other_marks_and_full_width_brackets():
    got = {name: rest for name, *rest in tree_of(MARKS)}
    assert got["项目决策"] == ["20分", None, ("项目立项", "绩效目标"), True]
    assert got["项目立项"] == ["10 分", None, ("立项依据充分性", "立项程序规范性"), True]
    assert got["立项程序规范性"][:2] == ["5分", "5分"]


@pytest.mark.parametrize("text", [R19, R25, MARKS])
def test_a_tree_that_holds_is_not_flagged(text):
    assert [f.rule for f in review_text(text).findings if f.check == "score"] == []


@pytest.mark.parametrize(
    ("text", "old", "new", "rule"),
    [
        (R19, "(一)项目立项(8分)", "(一)项目立项(9分)", "children_fill_cap"),
        (R25, "自评得3分\n(3)", "自评得4分\n(3)", "score_not_above_weight"),
        (R19, "资金到位率100%。自评得6分", "资金到位率100%。自评得7分", "score_not_above_weight"),
        (MARKS, "2．绩效目标（10分）", "2．绩效目标（12分）", "children_fill_cap"),
    ],
)
def test_a_cap_or_score_written_wrongly_is_flagged(text, old, new, rule):
    assert old in text
    found = [f for f in review_text(text.replace(old, new)).findings if f.check == "score"]
    assert [f.rule.split("（")[0] for f in found] == [f"rubric.{rule}"]
