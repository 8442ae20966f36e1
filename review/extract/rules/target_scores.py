"""An indicator row's target and actual beside its 分值 and 得分, for a score row the form readers
read (review.extract.rules.form_scores, score_table): with the header's 分值 年度指标值 全年实际值 得分
the two cells between 分值 and 得分, with 年度指标值 实际完成值 分值 得分 the two cells before 分值::

    ★★★特困人员救助供养人数(按月平均)(≥**人) | 5 | >=4754人 | 4604人 | 5 |
    扶贫临时救助标准(<**元/户·年)——一户年最高5300元 | 10 | <=5300元/户 | 5830元/户 | 10 |

A row is claimed only when both cells are a number with the same unit and nothing else but a
per-unit tail (元/户), the target's cell opening with the sign that says which way it is met
(≥, <=, 不低于: lexicon.TARGET_AT_LEAST / TARGET_AT_MOST) and the actual's with none; whether the
target is met is the check's to say (review.checks.score).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

from review.core.claims import Quantity, ScoreNode, ScoreTree, TargetScore
from review.extract import lexicon
from review.extract.rules.scan import Scan

_SEP = re.compile(r"[^\s|｜]+")  # a cell: text between blanks and pipes
_REACH = 80  # characters before 分值 in which the two cells of a 年度指标值 实际完成值 分值 得分 row are
_SIGNS = sorted((*lexicon.TARGET_AT_LEAST, *lexicon.TARGET_AT_MOST), key=len, reverse=True)
_SIGN = re.compile("|".join(re.escape(s) for s in _SIGNS))
_TAIL = lexicon.TARGET_UNIT_TAIL


def extract_target_scores(scan: Scan, trees: Sequence[ScoreTree]) -> list[TargetScore]:
    """One claim per indicator row whose target and actual cells are read."""
    by_id = {q.id: q for q in (*scan.quantities, *scan.minted)}
    out: list[TargetScore] = []
    seen: set[tuple[str, str]] = set()
    for tree in trees:
        for node in tree.nodes:
            found = _row(scan, by_id, node)
            if found is not None and (found.weight, found.score) not in seen:
                seen.add((found.weight, found.score))
                out.append(found)
    return out


def _row(scan: Scan, by_id: dict[str, Quantity], node: ScoreNode) -> TargetScore | None:
    if node.children or node.weight is None or node.score is None:
        return None
    weight, score = by_id[node.weight], by_id[node.score]
    if score.start < weight.end:
        return None
    text = scan.text
    cells = [(m.start(), m.end()) for m in _SEP.finditer(text, weight.end, score.start)]
    if not cells:  # 年度指标值 实际完成值 分值 得分: the two cells before 分值
        cells = [(m.start(), m.end()) for m in _SEP.finditer(text, max(0, weight.start - _REACH), weight.start)][-2:]
    if len(cells) != 2:
        return None
    target, actual = (_cell(scan, a, b) for a, b in cells)
    if target is None or actual is None or actual[1] is not None:
        return None
    (t, direction, t_tail), (a, _, a_tail) = target, actual
    if direction is None or t.unit != a.unit or t_tail != a_tail:
        return None
    return TargetScore(direction=direction, target=t.id, actual=a.id, weight=weight.id, score=score.id)


Direction = Literal["at_least", "at_most"]


def _cell(scan: Scan, start: int, end: int) -> tuple[Quantity, Direction | None, str] | None:
    """The cell's one quantity, the direction its sign gives (None: no sign) and its unit's tail,
    when the cell holds nothing else."""
    inside = [q for q in scan.between(start, end) if start <= q.start and q.end <= end]
    if len(inside) != 1 or not inside[0].unit:
        return None
    q = inside[0]
    if q.qualifier is not None and not _SIGN.fullmatch(q.qualifier):
        return None  # 12万元以上, 约95%: no single value
    text = scan.text
    digits = next((i for i in range(q.start, q.end) if text[i].isdigit()), q.start)
    sign = text[start:digits].strip()
    if sign and not _SIGN.fullmatch(sign):
        return None
    tail = _TAIL.fullmatch(text, q.end, end)
    if tail is None:
        return None
    direction: Direction | None = None
    if sign:
        direction = "at_least" if sign in lexicon.TARGET_AT_LEAST else "at_most"
    return q, direction, tail.group()
