"""The full marks an indicator's scoring rule states (评分标准), for the score-table reader
(review/extract/rules/score_table.py): the 分值 of a row is what its rule can grant at most.

    可行性研究报告编制符合要求的得7分,不符合要求的视具体情况扣分,扣完7分为止。      -> 7
    重点支出安排率≥90%,计5分;80%(含)-90%,计4分;…低于60%不得分。               -> 5 (a ladder, best first)
    财务会计制度健全的得10分,基本健全的得6分,不健全的扣10分。                   -> 10
    ①…管理制度,1分;②…合法、合规、完整,1分;③…得到有效执行,1分。             -> 1 + 1 + 1
    制定…三年规划的,得2分;建立财政奖补项目库的,得3分                          -> 2 + 3

Deductions (扣1分, 扣完7分为止) and bonuses (加1分, 最多加2分) are not grants. A rule that grants
per item (每项得1分) states no full marks; nor do grants that could be either a ladder or parts
(得3分；…得2分 with no lower tier named): those rules are not claimed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from review.core.claims import ScoreNode, ScoreTree
from review.extract import lexicon
from review.extract.rules.scan import Scan


@dataclass(frozen=True)
class Grant:
    start: int
    end: int
    value: Decimal
    condition: str  # the rule's text before it, back to the last part's end (；。)


def full_marks(text: str, cells: list[tuple[int, int]]) -> list[Grant] | None:
    """The grants the rule's cells (spans of `text`) add up to its full marks: one grant, the first
    of a ladder, or every one of grants that are parts; None when the rule states no full marks."""
    grants: list[Grant] = []
    for start, end in cells:
        for m in lexicon.RULE_GRANT.finditer(text, start, end):
            if lexicon.RULE_PER_ITEM.search(_since(text, start, m.start(), lexicon.RULE_CLAUSE_END)):
                return None
            condition = _since(text, start, m.start(), lexicon.RULE_PART_END)
            grants.append(Grant(m.start("points"), m.end("points"), Decimal(m.group("points")), condition))
    if len(grants) < 2:
        return grants or None
    values = [g.value for g in grants]
    apart = all(lexicon.RULE_PART_END.search(text, a.end, b.start) for a, b in zip(grants, grants[1:], strict=False))
    if all(a > b for a, b in zip(values, values[1:], strict=False)):
        if not apart or any(lexicon.RULE_TIER.search(g.condition) for g in grants[1:]):
            return grants[:1]
        return None
    return grants if apart and all(a <= b for a, b in zip(values, values[1:], strict=False)) else None


def _since(text: str, floor: int, pos: int, end: re.Pattern[str]) -> str:
    """The text before `pos` back to the last match of `end` (not before `floor`)."""
    i = pos
    while i > floor and not end.match(text[i - 1]):
        i -= 1
    return text[i:pos]


def rule_tree(scan: Scan, name: str, span: tuple[int, int], weight: str, marks: list[Grant]) -> ScoreTree:
    """An indicator's 分值 (quantity id `weight`, its wording at `span`) over the grants its rule
    adds up to its full marks."""
    kids = [
        ScoreNode(
            id=f"r{i + 1}",
            name=f"{name}·评分标准",
            name_start=g.start,
            name_end=g.end,
            weight=scan.mint(g.start, g.end, g.value, "分", f"{name}·评分标准").id,
        )
        for i, g in enumerate(marks)
    ]
    root = ScoreNode(
        id="n0", name=name, name_start=span[0], name_end=span[1], weight=weight, children=tuple(k.id for k in kids)
    )
    return ScoreTree(nodes=(root, *kids), root="n0", source="table")
