"""The 预算执行 score of a 自评表 whose fund block has no 分值 column: its cap is written in the
block's heading instead, and the 得分 column is worked out from the row's 执行率::

    预算执行情况(万元) (20分) | 预算数(A) | 执行数(B) | 执行率(B/A) | 得分 (20分*执行率) |
    年度财政资金总额 | 200 | 195.5 | 97.75% | 19.55 |

Claims: per such block, 得分 = min(执行率, 100%) × the heading's cap (formula score), when every
reading of the 年度资金总额 row (review.extract.rules.form_funds) puts the same cells under 执行率
and 得分 and the heading states one cap. A block with a 分值 column is claimed by form_funds."""

from __future__ import annotations

from review.core.claims import FormulaScore, Quantity
from review.extract.rules import form_funds
from review.extract.rules.form_total import Cell, heading_cap, mint_once
from review.extract.rules.scan import Scan


def extract_fund_formulas(scan: Scan) -> list[FormulaScore]:
    text = scan.text
    tpl = form_funds.template()
    out: list[FormulaScore] = []
    for block in form_funds.find_blocks(text):
        if "weight" in block.header or not {"rate", "score"} <= set(block.header) or not block.rows:
            continue
        cap = heading_cap(text, block.rows[0].label_start)
        if cap is None:
            continue
        for row in block.rows:
            if tpl.row_role[row.label] != "total":
                continue
            _, readings, _ = form_funds.row_readings(row, block.header, text, form_funds.block_decimals(block, text))
            cells = {(v.get("rate"), v.get("score")) for v in map(form_funds.values, readings)}
            if len(cells) != 1:
                continue
            rate, score = cells.pop()
            if rate is None or score is None or rate.value is None or score.value is None or not rate.percent:
                continue
            out.append(
                FormulaScore(
                    rule="budget_execution",
                    rate=_rate(scan, rate, f"{row.label}·执行率").id,
                    weight=mint_once(scan, cap, "预算执行率·分值").id,
                    score=mint_once(scan, Cell(score.start, score.end, score.value), "预算执行率·得分").id,
                )
            )
    return out


def _rate(scan: Scan, tok: form_funds.Token, label: str) -> Quantity:
    """The 执行率 quantity form_funds minted at the cell, else a new one."""
    for q in scan.minted:
        if (q.start, q.end) == (tok.start, tok.end) and q.unit == "%":
            return q
    assert tok.value is not None
    return scan.mint(tok.start, tok.end, tok.value, "%", label)
