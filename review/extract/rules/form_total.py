"""The two ends of a 项目支出绩效自评表's score: the 预算执行率 cell of its fund block (分值 10, 得分
9.78 in the 年度资金总额 row) and its total row (总分 | 100 | 96, 总分 | 99.55分), which together
with the indicator rows make the form's whole score: 总分 = 预算执行得分 + Σ 指标得分.

The fund block is read by review.extract.rules.form_funds; a cell counts only when every reading
of its row puts the same number in it. The total row is the form's 总分 followed by one number
(its 得分) or two (分值, then 得分), nothing else in the cell run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from review.core.claims import Quantity
from review.extract import lexicon
from review.extract.rules import form_funds
from review.extract.rules.scan import Scan

_TOTAL = lexicon.FORM_TOTAL_SCORE
_SEP = r"[\s|｜:：]*"
_CELL = r"(?<!\d)(\d{1,3}(?:\.\d+)?)\s*分?(?![\d.%％])"  # 总分100100: cells run together, not read
_TOTAL_CELLS = re.compile(rf"{_SEP}{_CELL}(?:{_SEP}{_CELL})?(?={_SEP}(?:$|[^\d\s|｜.]))", re.M)
_FUND_REACH = 3000  # characters before the indicator part in which its fund block is looked for


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    value: Decimal


@dataclass(frozen=True)
class TotalRow:
    start: int  # where 总分 is written
    end: int
    weight: Cell | None  # 总分 | 100 | 96: the form's full marks
    score: Cell


def total_row(text: str, start: int, end: int) -> TotalRow | None:
    """The first 总分 row between `start` and `end` with its one or two numbers."""
    for m in _TOTAL.finditer(text, start, end):
        cells = _TOTAL_CELLS.match(text, m.end())
        if cells is None:
            continue
        one = Cell(cells.start(1), cells.end(1), Decimal(cells.group(1)))
        if cells.group(2) is None:
            return TotalRow(m.start(), m.end(), None, one)
        return TotalRow(m.start(), m.end(), one, Cell(cells.start(2), cells.end(2), Decimal(cells.group(2))))
    return None


def fund_cells(text: str, before: int) -> tuple[Cell | None, Cell] | None:
    """The 分值 (if the form has that column) and 得分 of the fund block's total row, the last fund
    block that ends before `before`, when every reading of the row agrees on them."""
    tpl = form_funds.template()
    rows = [
        (block, row)
        for block in form_funds.find_blocks(text[:before])
        for row in block.rows
        if tpl.row_role[row.label] == "total" and before - _FUND_REACH <= row.label_start < before
    ]
    if not rows:
        return None
    block, row = rows[-1]
    found = [form_funds.values(r) for r in form_funds.readings(row, block.header, tpl.row_fills[row.label])]
    scores = {r.get("score") for r in found}
    weights = {r.get("weight") for r in found}
    if len(scores) != 1 or len(weights) != 1:
        return None
    score, weight = scores.pop(), weights.pop()
    if score is None or score.value is None:
        return None
    return (_cell(weight) if weight is not None and weight.value is not None else None), _cell(score)


def _cell(tok: form_funds.Token) -> Cell:
    assert tok.value is not None
    return Cell(tok.start, tok.end, tok.value)


def mint_once(scan: Scan, cell: Cell, label: str) -> Quantity:
    """The 分 quantity at the cell: the one another reader already minted there, else a new one."""
    for q in scan.minted:
        if (q.start, q.end) == (cell.start, cell.end) and q.unit == "分":
            return q
    return scan.mint(cell.start, cell.end, cell.value, "分", label)
