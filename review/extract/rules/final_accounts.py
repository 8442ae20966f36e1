"""A 收入支出决算总表 flattened into a run of words and numbers (部门决算 公开01表, pasted from a PDF):

    收入 项目 行次 栏次 金额 1 一、一般公共预算财政拨款收入 1 二、政府性基金预算财政拨款收入 2 … 八、其他收入 8
    11,122,315.04 13,628,965.89 1,003,618.46 9 10 … 26 本年收入合计 27 使用非财政拨款结余 28 年初结转和结余 29
    总计 30 25,754,899.39 25,754,899.39

(r11-12, r12-08). Each row label is followed by its 行次 (row number), counted on from row to row: those
are read as row numbers, not amounts, and the amounts are the numbers that break the count. A run of
amounts belongs to the labeled rows since the run before it (unlabeled rows are the template's empty
filler rows); blank cells were dropped, so a run with fewer amounts than rows is placed only where
the template says (review/data/templates/final-accounts-summary.json): the item rows' amounts are all
parts of the subtotal whichever rows they fill; of the rows from the subtotal to the total, both always
filled, the first amount is the subtotal's and the last the total's. Whatever else cannot be placed is
reported as unread, not guessed.

Claims: subtotal = Σ item amounts (本年收入合计 = the income rows), total = subtotal + the rows between
(总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余; blank rows add nothing).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from importlib import resources
from typing import Any

from review.core.claims import Quantity, SumRelation, Unread
from review.extract import lexicon
from review.extract.rules.scan import Scan

_TOKEN = lexicon.FINAL_ACCOUNTS_TOKEN
_AMOUNT = lexicon.FINAL_ACCOUNTS_AMOUNT
_ROW_NUMBER = lexicon.FINAL_ACCOUNTS_ROW_NUMBER
MAX_SIDE = 3000  # characters a flattened side may span
MAX_ROW_SKIP = 60  # rows a side may leave out between two labeled rows
UNIT_REACH = 1500  # how far from a side its unit statement may stand


@dataclass(frozen=True)
class Side:
    side: str
    subtotal: tuple[str, ...]
    total: tuple[str, ...]
    prose_total: tuple[str, ...] = ()  # the words of the same rows in the 决算情况说明's prose (final_accounts_prose)
    prose_subtotal: tuple[str, ...] = ()
    prose_additions: tuple[str, ...] = ()


@cache
def sides() -> dict[str, Side]:
    raw: dict[str, Any] = json.loads(
        resources.files("review").joinpath("data/templates/final-accounts-summary.json").read_text(encoding="utf-8")
    )
    return {
        s["side"]: Side(
            s["side"],
            tuple(s["subtotal"]),
            tuple(s["total"]),
            tuple(s.get("prose", {}).get("total", ())),
            tuple(s.get("prose", {}).get("subtotal", ())),
            tuple(s.get("prose", {}).get("additions", ())),
        )
        for s in raw["sides"]
    }


@dataclass
class _Row:
    label: str
    number: int
    start: int
    end: int


@dataclass
class _Group:
    """Labeled rows and the run of amounts after them: (start, end, value) of each amount."""

    rows: list[_Row] = field(default_factory=list)
    amounts: list[tuple[int, int, Decimal]] = field(default_factory=list)


def extract_final_accounts(scan: Scan) -> tuple[list[SumRelation], list[Unread]]:
    text = scan.text
    heads = list(lexicon.FINAL_ACCOUNTS_SIDE.finditer(text))
    relations: list[SumRelation] = []
    unread: list[Unread] = []
    for i, head in enumerate(heads):
        end = min(heads[i + 1].start() if i + 1 < len(heads) else len(text), head.end() + MAX_SIDE)
        note = lexicon.FINAL_ACCOUNTS_SIDE_END.search(text, head.end(), end)
        end = note.start() if note else end
        unit = _unit(text, head.start(), end)
        side = sides()[head.group("side")]  # FINAL_ACCOUNTS_SIDE names only the template's sides
        groups = _groups(text, head.end(), end)
        if unit is None:
            if groups:
                unread.append(
                    Unread(start=head.start(), end=end, reason=f"决算总表{side.side}部分未写明金额单位，未核对")
                )
            continue
        rels, why = _relations(scan, side, groups, unit)
        relations += rels
        if why:
            unread.append(Unread(start=head.start(), end=end, reason=f"决算总表{side.side}部分{why}，未核对"))
    return relations, unread


def _unit(text: str, start: int, end: int) -> str | None:
    found = list(lexicon.FINAL_ACCOUNTS_UNIT.finditer(text, max(0, start - UNIT_REACH), end + UNIT_REACH))
    if not found:
        return None
    return min(found, key=lambda m: min(abs(m.start() - start), abs(m.start() - end))).group(1)


def _groups(text: str, start: int, end: int) -> list[_Group]:
    """The side's labeled rows in runs, each with the amounts that follow it."""
    groups: list[_Group] = [_Group()]
    label, label_start = "", -1
    expected: int | None = None
    for tok in _TOKEN.finditer(text, start, end):
        word = tok.group()
        if _AMOUNT.fullmatch(word) is None:
            label, label_start = (label + word, label_start if label else tok.start())
            continue
        if _ROW_NUMBER.fullmatch(word) and _row_number(int(word), expected, bool(label)):
            if label:
                if groups[-1].amounts:
                    groups.append(_Group())
                groups[-1].rows.append(_Row(lexicon.ROW_ORDINAL.sub("", label), int(word), label_start, tok.end()))
            expected, label = int(word) + 1, ""
        elif expected is not None:
            groups[-1].amounts.append((tok.start(), tok.end(), Decimal(word.replace(",", ""))))
            label = ""
    return [g for g in groups if g.rows or g.amounts]


def _row_number(n: int, expected: int | None, labeled: bool) -> bool:
    """A bare integer is a row's 行次: right after a label when it counts on from the rows before
    (an excerpt may leave rows out), or alone when it is the next row's (an empty filler row)."""
    if labeled:
        return expected is None or expected <= n < expected + MAX_ROW_SKIP
    return n == expected


def _relations(scan: Scan, side: Side, groups: list[_Group], unit: str) -> tuple[list[SumRelation], str]:
    rows = [r for g in groups for r in g.rows]
    at = next((k for k, r in enumerate(rows) if r.label in side.subtotal), None)
    last = next((k for k, r in enumerate(rows) if r.label in side.total), None)
    if at is None or last is None or last <= at:
        return [], "未找到合计与总计行" if any(g.amounts for g in groups) else ""
    items: list[tuple[tuple[int, int, Decimal], str]] = []
    closing: list[tuple[tuple[int, int, Decimal], str]] = []
    for g in groups:
        kinds = {"item" if rows.index(r) < at else "close" for r in g.rows}
        if kinds == {"item"}:
            items += [(a, f"{side.side}·{_span_name(g.rows)}") for a in g.amounts]
        elif kinds == {"close"} or len(g.amounts) == _always_filled(side, g.rows):
            # item rows left blank before the subtotal row: its amount (and the total's) are all there is
            closing += list(zip(g.amounts, _closing_labels(side, g.rows, len(g.amounts)), strict=True))
        elif g.amounts:
            return [], "的金额无法对应到行"
    if len(closing) < 2:
        return [], "合计行与总计行的金额无法确定"
    # the subtotal row is the first of the closing rows and the total row the last, both always filled
    parts = [_mint(scan, a, unit, name) for a, name in items]
    subtotal = _mint(scan, closing[0][0], unit, rows[at].label)
    between = [_mint(scan, a, unit, f"{side.side}·{name}") for a, name in closing[1:-1]]
    total = _mint(scan, closing[-1][0], unit, rows[last].label)
    out = [SumRelation(total=subtotal.id, items=tuple(q.id for q in parts))] if parts else []
    out.append(SumRelation(total=total.id, items=(subtotal.id, *(q.id for q in between))))
    return out, ""


def _closing_labels(side: Side, rows: list[_Row], n: int) -> list[str]:
    """Each closing amount's row: one amount a row, in order; as many as the always-filled rows, theirs
    (the blank rows dropped); else which row each is is not known, and each names the rows it may be of."""
    if n == len(rows):
        return [r.label for r in rows]
    filled = [r.label for r in rows if r.label in side.subtotal or r.label in side.total]
    return filled if n == len(filled) else [_span_name(rows)] * n


def _always_filled(side: Side, rows: list[_Row]) -> int:
    return sum(1 for r in rows if r.label in side.subtotal or r.label in side.total)


def _span_name(rows: list[_Row]) -> str:
    return rows[0].label if len(rows) == 1 else f"{rows[0].label}至{rows[-1].label}"


def _mint(scan: Scan, amount: tuple[int, int, Decimal], unit: str, label: str) -> Quantity:
    start, end, value = amount
    return scan.mint(start, end, value, unit, label)
