"""The columns a 自评表's indicator header names, read from the header before the rows: where 分值
and 得分 stand (side by side, apart, or no 分值 column) and how many columns lie between them."""

from __future__ import annotations

import re

from review.extract import lexicon
from review.extract.rules.table_columns import stacked_cells

_COLUMNS = lexicon.SCORE_COLUMNS
_REACH = 400  # characters before the rows in which their header is looked for


def header_layout(text: str, start: int) -> str | None:
    """'adjacent' (… 分值 得分), 'apart' (分值 … 得分), 'score_only' (得分 and no 分值 column) or
    None, from the header before `start`."""
    names = _header_names(text, start)
    if "得分" not in names:
        return None
    if not ({"分值", "权重"} & set(names)):
        return "score_only"
    weight = max(i for i, n in enumerate(names) if n in ("分值", "权重"))
    score = max(i for i, n in enumerate(names) if n == "得分")
    if score < weight:
        return None
    return "adjacent" if score == weight + 1 else "apart"


def _header_names(text: str, start: int) -> list[str]:
    stacked = _stacked_names(text, start)
    if stacked is not None:
        return [n for n in stacked if _COLUMNS.fullmatch(n)]
    return [re.sub(r"\s", "", m.group()) for m in _header_columns(text, start)]


def _stacked_names(text: str, start: int) -> list[str] | None:
    """The header's cells when it is the two rows right above the line of `start`, written over
    both (分值 | 年度 | 全年 | 得分 over  | 指标值 | 实际值 |) and naming more score columns joined than
    its top row alone: each column's text joined, spaces removed."""
    line = text.rfind("\n", 0, start)
    lines = text[max(0, start - _REACH) : max(line, 0)].split("\n")
    if line < 0 or len(lines) < 2:
        return None
    cells = stacked_cells(lines[-2], lines[-1])
    if cells is None:
        return None
    joined = [re.sub(r"\s", "", both) for _, _, both in cells]
    alone = [re.sub(r"\s", "", t) for _, t, _ in cells]
    named = sum(bool(_COLUMNS.fullmatch(n)) for n in joined)
    return joined if "得分" in joined and named > sum(bool(_COLUMNS.fullmatch(n)) for n in alone) else None


def _header_columns(text: str, start: int) -> list[re.Match[str]]:
    return list(_COLUMNS.finditer(text, max(0, start - _REACH), start))


def weight_score_gap(text: str, start: int) -> int | None:
    """How many columns 得分 lies after 分值 in the header before `start` (0 with no 分值 column),
    when every header cell between them is a column the vocabulary names (年度指标值, 全年实际值);
    None when the header has other words between them."""
    stacked = _stacked_names(text, start)
    if stacked is not None:
        return _stacked_gap(stacked)
    cols = _header_columns(text, start)
    weights = [m for m in cols if re.sub(r"\s", "", m.group()) in ("分值", "权重")]
    if not weights:
        return 0
    score = [m for m in cols if re.sub(r"\s", "", m.group()) == "得分"][-1]
    between = [w for w in re.split(r"[\s|｜]+", text[weights[-1].end() : score.start()]) if w]
    gap = cols.index(score) - cols.index(weights[-1])
    return gap if len(between) == gap - 1 else None


def _stacked_gap(names: list[str]) -> int | None:
    """weight_score_gap over a two-row header's joined cells: every cell between 分值 and 得分 a column."""
    weights = [i for i, n in enumerate(names) if n in ("分值", "权重")]
    if not weights:
        return 0
    score = max(i for i, n in enumerate(names) if n == "得分")
    between = names[weights[-1] + 1 : score]
    return score - weights[-1] if all(_COLUMNS.fullmatch(n) for n in between) else None
