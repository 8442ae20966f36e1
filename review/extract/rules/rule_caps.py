"""An indicator's cap written with its name in a flattened scoring-rule table — pipe rows, one cell
a line, a cell over several lines — against the full marks its rule states, where no grid survives
for the score-table reader (review/extract/rules/score_table.py):

    前期工作 | 任务分解 (2分) | 按要求将年度任务分解落实到项目区的,得2分;未完成的,不得分。 | …   (r14-08)
    | 5.资金落实(10分)
    | 项目计划投资完成情况。
    | 项目计划投资完成100%的得10分,每减少1个百分点扣1分,扣完10分为止。                       (r11-09)

A cell is the text between cell rules (|) and line breaks. Under a header cell naming the rule column
(评分标准, 评价标准, 评分方法 …, lexicon.RULE_HEADER), a cell ending in its cap ((2分)) and the one
cell after it, before the next capped cell, that grants points are an indicator and its rule; the
rule's full marks are read by review/extract/rules/rule_marks.py (one grant, a ladder's first, or
parts that add up). A cap followed by no rule or by several (a category over indicators with rules
of their own) is not claimed, nor one inside a table an earlier reader read as a grid. Claims: the
cap over the grants (one score tree per indicator), as the score-table reader claims a grid's rows;
whether they agree is the score check's.
"""

from __future__ import annotations

import re
from decimal import Decimal

from review.core.claims import Quantity, ScoreTree
from review.extract import lexicon
from review.extract.rules.rule_marks import full_marks, rule_tree
from review.extract.rules.scan import Scan

_CELL_RULE = re.compile(r"[|｜\n]")
_REACH = 3000  # characters after the rule column's header within which its rows are read


def extract_rule_caps(scan: Scan, trees: list[ScoreTree]) -> list[ScoreTree]:
    """The capped indicators of flattened rule tables and their rules' full marks, where no tree
    an earlier reader claimed already weighs the cap."""
    text = scan.text
    cells = _cells(text)
    headers = [s for s, e in cells if lexicon.RULE_HEADER.match(re.sub(r"\s", "", text[s:e]))]
    if not headers:
        return []
    weighed = _weighed(scan, trees)
    capped = [(i, m) for i, (s, e) in enumerate(cells) if (m := lexicon.CAP_AT_CELL_END.search(text, s, e))]
    out = []
    for k, (i, cap) in enumerate(capped):
        start = cells[i][0]
        if not any(0 < start - h <= _REACH for h in headers):
            continue
        after = capped[k + 1][0] if k + 1 < len(capped) else len(cells)
        rules = [j for j in range(i + 1, after) if _grants(text, *cells[j])]
        if len(rules) != 1:
            continue
        marks = full_marks(text, [cells[rules[0]]])
        if marks is None or any(cap.start("cap") < b and a < cap.end("cap") for a, b in weighed):
            continue
        name = _name(text, cells, i, cap.start())
        weight = _cap(scan, cap, name)
        out.append(rule_tree(scan, name, (start, cap.end()), weight.id, marks))
    return out


def _cells(text: str) -> list[tuple[int, int]]:
    """The cells' spans, blanks at their ends left out; empty cells dropped."""
    out = []
    pos = 0
    for m in [*_CELL_RULE.finditer(text), None]:
        end = m.start() if m else len(text)
        raw = text[pos:end]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + len(raw.rstrip())))
        pos = m.end() if m else end
    return out


def _grants(text: str, start: int, end: int) -> bool:
    """A cell of a scoring rule: it grants points (得2分, 计5分, 满分5分) and gives no bonus (加1分)."""
    return bool(lexicon.RULE_GRANT.search(text, start, end)) and not lexicon.SCORE_BONUS.search(text, start, end)


def _weighed(scan: Scan, trees: list[ScoreTree]) -> list[tuple[int, int]]:
    """The spans earlier readers' trees cover: each tree from its first node's wording to its last
    (a grid they read, whose rows may write a cap again on every row it spans)."""
    out = []
    for t in trees:
        spans = [(n.name_start, n.name_end) for n in t.nodes if n.name_end > n.name_start]
        if spans:
            out.append((min(a for a, _ in spans), max(b for _, b in spans)))
    return out


def _name(text: str, cells: list[tuple[int, int]], i: int, cap_at: int) -> str:
    """The indicator's name: its cell before the cap, or the cell before it when the cap stands alone
    ((20分) under 种植面积)."""
    own = re.sub(r"\s", "", text[cells[i][0] : cap_at])
    if own or i == 0:
        return own
    s, e = cells[i - 1]
    return re.sub(r"\s", "", text[s:e])


def _cap(scan: Scan, cap: re.Match[str], name: str) -> Quantity:
    s, e = cap.start("cap"), cap.end("cap")
    found = next((q for q in scan.between(s, cap.end()) if q.start == s and q.unit == "分"), None)
    return found or scan.mint(s, e, Decimal(cap.group("cap")), "分", f"{name}·分值")
