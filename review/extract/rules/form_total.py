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
_TOTAL_CAPPED = lexicon.FORM_TOTAL_CAPPED
_FUND_CAP = lexicon.FUND_HEADING_CAP
_CAP_REACH = 200  # characters before the fund block's first row in which its heading and header are
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
    """The first 总分 row between `start` and `end` with its one or two numbers; 总分(100分) | 100
    has its full marks in the label and one number, its 得分, in the row."""
    plain = ((m, None) for m in _TOTAL.finditer(text, start, end))
    capped = ((m, m) for m in _TOTAL_CAPPED.finditer(text, start, end))
    for m, cap in sorted([*plain, *capped], key=lambda pair: pair[0].start()):
        cells = _TOTAL_CELLS.match(text, m.end())
        if cells is None:
            continue
        one = Cell(cells.start(1), cells.end(1), Decimal(cells.group(1)))
        if cap is not None:
            if cells.group(2) is not None:
                continue  # full marks in the label and two numbers in the row: which is 得分 is not certain
            full = Cell(cap.start("cap"), cap.end("cap"), Decimal(cap.group("cap")))
            return TotalRow(m.start(), m.end(), full, one)
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
        for block in form_funds.find_blocks(text)
        for row in block.rows
        if tpl.row_role[row.label] == "total" and before - _FUND_REACH <= row.label_start < before
    ]
    if not rows:
        return None
    block, row = rows[-1]
    _, readings, _ = form_funds.row_readings(row, block.header, text, form_funds.block_decimals(block, text))
    found = [form_funds.values(r) for r in readings]
    scores = {r.get("score") for r in found}
    weights = {r.get("weight") for r in found}
    if len(scores) != 1 or len(weights) != 1:
        return None
    score, weight = scores.pop(), weights.pop()
    if score is None or score.value is None:
        return None
    if weight is None or weight.value is None:
        return heading_cap(text, block.rows[0].label_start), _cell(score)
    return _cell(weight), _cell(score)


def heading_cap(text: str, start: int) -> Cell | None:
    """The fund block's cap in its heading (预算执行情况(万元) (20分)), the one written before the
    block's first row (`start`), when the form has no 分值 column."""
    caps = list(_FUND_CAP.finditer(text, max(0, start - _CAP_REACH), start))
    if len(caps) != 1:
        return None
    m = caps[0]
    return Cell(m.start("cap"), m.end("cap"), Decimal(m.group("cap")))


def _cell(tok: form_funds.Token) -> Cell:
    assert tok.value is not None
    return Cell(tok.start, tok.end, tok.value)


def mint_once(scan: Scan, cell: Cell, label: str) -> Quantity:
    """The 分 quantity at the cell: the one another reader already minted there, else a new one."""
    for q in scan.minted:
        if (q.start, q.end) == (cell.start, cell.end) and q.unit == "分":
            return q
    return scan.mint(cell.start, cell.end, cell.value, "分", label)
