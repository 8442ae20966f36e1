"""Tables a report shows but the rules did not read (未核对), so that an empty result is never
taken for a clean report.

A 自评表 announces its tables by their headers: the indicator table by its 分值 and 得分 columns
(一级指标 … 分值 得分), the 项目资金 block by its 预算数 and 执行数 columns (年初预算数 全年预算数
全年执行数). When such a header is in the text and no relation of the table's kind was read from
the rows that follow it, the review records the table as not checked: its scores (or its funds)
were seen but not compared. This says nothing about whether they hold; it only says that the
review did not look. A table the readers did read, even in part, is not reported here; rows they
could not fit are reported by the readers themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from review.core.claims import FormulaScore, RatioRelation, Relation, ScoreTree, SumRelation, Unread
from review.extract import lexicon
from review.extract.rules.scan import Scan


def _reads_scores(rel: Relation) -> bool:
    return isinstance(rel, ScoreTree) or isinstance(rel, SumRelation) and rel.category == "score"


def _reads_funds(rel: Relation) -> bool:
    if isinstance(rel, SumRelation):
        return rel.category == "sum"
    return isinstance(rel, RatioRelation | FormulaScore)


@dataclass(frozen=True)
class _Table:
    """One kind of table: the header that announces it, how far its rows reach, what reads it."""

    header: re.Pattern[str]
    reach: int  # characters after the header that its rows may take
    read_by: Callable[[Relation], bool]
    reason: str


def _pair(first: str, second: str, gap: int, not_between: str) -> re.Pattern[str]:
    """Two column names of one header: `first`, then `second` within `gap` characters of other
    column names, cell borders and spaces — no sentence punctuation (预算数为…总额,执行数为… is a
    note) — and no `not_between` (分值 执行率 得分 is the 项目资金 block's header, not the indicators')."""
    return re.compile(rf"(?:{first})(?:(?!{not_between}){lexicon.HEADER_GAP_CHAR}){{0,{gap}}}?(?:{second})")


SCORES = _Table(
    _pair(lexicon.SCORE_TABLE_WEIGHT_COLUMN, lexicon.SCORE_TABLE_SCORE_COLUMN, 12, lexicon.FUNDS_TABLE_RATE_COLUMN),
    3000,
    _reads_scores,
    "评分表：读到了表头（分值、得分），但未能读出各项指标的分值与得分，指标分值合计、类别上限与总分均未核对",
)
FUNDS = _Table(
    _pair(lexicon.FUNDS_TABLE_BUDGET_COLUMN, lexicon.FUNDS_TABLE_EXECUTED_COLUMN, 24, r"得\s*分"),
    600,
    _reads_funds,
    "项目资金表：读到了表头（预算数、执行数），但未能读出其中的金额，执行率、得分与合计均未核对",
)
FUNDS_SCORE_REACH = 40  # characters from the funds header to a 得分 column that is still its own


def unchecked_tables(scan: Scan, relations: Iterable[Relation], unread: Iterable[Unread] = ()) -> list[Unread]:
    """Every announced table from whose rows no relation of its kind was read and in which no reader
    already said what it could not read (its own reason names the row)."""
    rels = list(relations)
    at = {q.id: q.start for q in (*scan.quantities, *scan.minted)}
    funds_headers = [h.end() for h in FUNDS.header.finditer(scan.text)]
    said = [u.start for u in unread]
    out = []
    for table in (SCORES, FUNDS):
        starts = [at[i] for r in rels if table.read_by(r) for i in r.refs() if i in at]
        headers = [h for h in table.header.finditer(scan.text) if table is FUNDS or not _in_funds(h, funds_headers)]
        for n, h in enumerate(headers):
            end = min(h.end() + table.reach, headers[n + 1].start() if n + 1 < len(headers) else len(scan.text))
            if not any(h.start() <= s < end for s in (*starts, *said)):
                out.append(Unread(start=h.start(), end=h.end(), reason=table.reason))
    return out


def _in_funds(score_header: re.Match[str], funds_header_ends: list[int]) -> bool:
    """权重 得分 right after 预算数 … 执行数: the 项目资金 block's own 得分 column (its budget row's score)."""
    return any(0 <= score_header.start() - e <= FUNDS_SCORE_REACH for e in funds_header_ends)
