"""A local form's 预算执行 block written as label:value cells: each column name beside its own
number instead of a header over rows, and each part row repeating its label in every column.

    预算数 6.84 到位数 6.84 执行数 6.84 100.00          <- the total row: 预算数 | 6.84 | 到位数 | 6.84 …
    其中:财政资金 6.84 其中:财政资金 6.84 其中:财政资金 6.84
    其他 0.00 其他 0.00 其他 0.00

reaches us one cell a line or a paragraph just as often (预算数:\\n\\n2.38\\n\\n执行数:\\n\\n2.38). The
column names are the template's (review/data/templates/project-form-funds.json: 预算数, 计划安排资金,
到位数, 执行数, 实际支出, 结余, 执行率 …). The total row is a run of at least two names each followed
by its number; a number after the run is the rate only when the heading just before the run ends
with a rate column (预算执行进度(%)), otherwise it is reported as unread. A part row is one label
written once per money column of the total row, each time followed by its number or by nothing
(an empty cell, or only its unit: 万元). The part rows end at the first cell run that is not one.

Claims: per money column the total against its part rows (sum) when at least one part row was
read and the block is closed (more text follows) or has two part rows; per template rate the rate
against its amounts (ratio); per template balance 结余 = 到位 − 支出 (balance). A cell of digits that
is no number (实际到位资金 | 7,00.0,77) keeps its column in the run and is reported as unread; no
relation uses it, nor the sum of a column where a part row's cell is such a one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from review.core.claims import BalanceRelation, Quantity, RatioRelation, Relation, SumRelation, Unread
from review.core.provenance import form_rate
from review.extract import lexicon
from review.extract.rules.form_template import Template, norm, template
from review.extract.rules.scan import Scan

_NOTE = re.compile(r"(?:\s*[（(][^（()）\n]{0,10}[)）])?")  # (万元), (调整后) after a name
_VALUE = re.compile(
    r"(?<![\d.])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<pct>\s*[%％])?"
    r"(?:[ \u3000]*(?P<unit>万元|元))?(?=[\s|｜]|$)"
)
_UNIT_ONLY = re.compile(r"(?:万元|元)(?=[\s|｜]|$)")
# a cell of digits, commas and points that is no number (7,00.0,77): the column is there, its value unread
_GARBLED = re.compile(r"\d[\d,.]*[,.][\d,.]*\d(?=[\s|｜]|$)")
_CELL = re.compile(r"[^\s|｜]+")
_SEP = re.compile(r"[\s|｜]*")
_NAME_SEP = re.compile(r"[\s|｜:：]*")
_DECLARED = lexicon.UNIT_DECLARATION
_REACH = 300  # characters before a block in which its unit may be declared
_WINDOW = 1500  # characters after a total row in which its part rows are looked for


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    value: Decimal
    percent: bool
    unit: str  # as written after it ("" if none)


@dataclass(frozen=True)
class Pair:
    role: str
    name_start: int
    name_end: int
    cell: Cell | None  # None: a cell of digits that is no number (_GARBLED), reported as unread
    end: int = 0  # where the cell ends


@dataclass(frozen=True)
class Item:
    """A text cell of a part row and the number after it (None: an empty cell)."""

    label: str
    start: int
    end: int
    cell: Cell | None
    garbled: bool = False  # its number is no number (7,00.0,77): the column's sum is not read


def _value(text: str, i: int) -> Cell | None:
    m = _VALUE.match(text, i)
    if m is None:
        return None
    return Cell(
        m.start("n"),
        m.end("pct") if m.group("pct") else m.end("n"),
        Decimal(m.group("n").replace(",", "")),
        bool(m.group("pct")),
        m.group("unit") or "",
    )


def pair_runs(text: str) -> list[tuple[list[Pair], int]]:
    """Runs of at least two distinct money or rate columns each followed by its number, and where each ends."""
    tpl = template()
    runs: list[tuple[list[Pair], int]] = []
    pos = 0
    while (m := tpl.column_names.search(text, pos)) is not None:
        run, end = _run(text, m.start(), tpl)
        if sum(p.cell is not None for p in run) >= 2 or (len(run) >= 2 and run[0].cell is not None):
            runs.append((run, end))
            pos = end
        else:
            pos = m.end()
    return runs


def _run(text: str, i: int, tpl: Template) -> tuple[list[Pair], int]:
    run: list[Pair] = []
    end = i
    while (m := tpl.column_names.match(text, i)) is not None:
        role = tpl.column_role.get(norm(m.group()))
        if role is None or tpl.kind(role) not in ("money", "rate") or any(p.role == role for p in run):
            break
        note = _NOTE.match(text, m.end())
        gap = _NAME_SEP.match(text, note.end() if note else m.end())
        at = gap.end() if gap else m.end()
        cell = _value(text, at)
        if cell is None and (garbled := _GARBLED.match(text, at)) and tpl.kind(role) == "money":
            run.append(Pair(role, m.start(), m.end(), None, garbled.end()))  # 实际到位资金 7,00.0,77
            end = garbled.end()
            i = _skip(text, end)
            continue
        if cell is None or cell.percent != (tpl.kind(role) == "rate"):
            break
        end = _value_end(text, cell)
        run.append(Pair(role, m.start(), m.end(), cell, end))
        i = _skip(text, end)
    while run and run[-1].cell is None:
        run.pop()  # a run ends at a number it read
    end = run[-1].end if run else end
    return run, end


def _skip(text: str, i: int) -> int:
    return _SEP.match(text, i).end()  # type: ignore[union-attr]  # matches the empty string


def _value_end(text: str, cell: Cell) -> int:
    return _VALUE.match(text, cell.start).end()  # type: ignore[union-attr]  # read there before


def trailing(text: str, pos: int) -> tuple[list[Cell], int]:
    """The numbers right after a total row, before the next text cell."""
    cells: list[Cell] = []
    while (cell := _value(text, _skip(text, pos))) is not None:
        cells.append(cell)
        pos = _value_end(text, cell)
    return cells, pos


def _items(text: str, pos: int, limit: int) -> list[Item]:
    """The cells from `pos` as (text cell, its number or nothing) items, up to a number without a label."""
    items: list[Item] = []
    i = _skip(text, pos)
    while i < limit and _value(text, i) is None and (cell := _CELL.match(text, i)) is not None:
        label_end = cell.end()
        if lexicon.SUBROW_OPENER.fullmatch(cell.group()) and (rest := _CELL.match(text, _skip(text, label_end))):
            if _value(text, rest.start()) is None:
                label_end = rest.end()  # 其中：| 中央财政: the 其中 of a part row in a cell of its own
        j = _skip(text, label_end)
        value = _value(text, j)
        garbled = _GARBLED.match(text, j) if value is None else None
        if value is not None:
            end = _value_end(text, value)
        elif garbled is not None:
            end = garbled.end()
        elif unit := _UNIT_ONLY.match(text, j):
            end = unit.end()  # 地方资金/其他 | 万元: an empty cell with its unit
        else:
            end = label_end  # an empty cell dropped
        items.append(Item(norm(text[cell.start() : label_end]), cell.start(), label_end, value, garbled is not None))
        i = _skip(text, end)
    return items


def part_rows(text: str, pos: int, width: int) -> tuple[list[list[Item]], bool]:
    """Part rows from `pos`: `width` items with one label each; and whether the block is closed —
    other cells follow them, not the first cells of one more part row cut off by the excerpt's end."""
    items = _items(text, pos, min(len(text), pos + _WINDOW))
    rows: list[list[Item]] = []
    while len(items) >= width and len({it.label for it in items[:width]}) == 1:
        rows.append(items[:width])
        items = items[width:]
    return rows, len({it.label for it in items[:width]}) > 1


def _heading_rate(text: str, start: int, tpl: Template) -> str | None:
    """The rate column a heading just before the total row ends with (… 资金执行情况 预算执行进度(%))."""
    before = text[max(0, start - 80) : start].rstrip(" \t\u3000|｜\n")
    for m in tpl.column_names.finditer(before):
        role = tpl.column_role.get(norm(m.group()))
        rest = before[m.end() :]
        if role is not None and tpl.kind(role) == "rate" and re.fullmatch(r"\s*(?:[（(]\s*[%％]\s*[)）])?", rest):
            return role
    return None


def _unit(text: str, start: int, end: int) -> str:
    declared = list(_DECLARED.finditer(text, max(0, start - _REACH), end))
    return next((u for u in declared[-1].groups() if u), "万元") if declared else "万元"


class _Block:
    """One label:value block: its columns' cells, what they are called, and the quantities minted for them."""

    def __init__(self, scan: Scan, run: list[Pair], end: int) -> None:
        self.scan = scan
        text = scan.text
        self.unit = _unit(text, run[0].name_start, end)
        self.cells = {p.role: p.cell for p in run if p.cell is not None}
        self.names = {p.role: text[p.name_start : p.name_end] for p in run}
        self.money = [p.role for p in run if template().kind(p.role) == "money"]
        self.made: dict[tuple[int, int], Quantity] = {}

    def qty(self, cell: Cell, role: str, label: str) -> Quantity:
        key = (cell.start, cell.end)
        if key not in self.made:
            unit = "%" if template().kind(role) == "rate" else cell.unit or self.unit
            self.made[key] = self.scan.mint(cell.start, cell.end, cell.value, unit, label)
        return self.made[key]

    def column(self, role: str) -> Quantity:
        return self.qty(self.cells[role], role, self.names.get(role, template().columns[role].name))


def extract_form_pairs(scan: Scan) -> tuple[list[Relation], list[Unread]]:
    """Relations of every label:value block, and the numbers it could not place; quantities are minted on the scan."""
    tpl = template()
    text = scan.text
    relations: list[Relation] = []
    unread: list[Unread] = []
    for run, end in pair_runs(text):
        block = _Block(scan, run, end)
        extra, after = trailing(text, end)
        rate = _heading_rate(text, run[0].name_start, tpl)
        if len(extra) == 1 and rate is not None and rate not in block.cells:
            block.cells[rate] = extra[0]  # 预算执行进度(%) | 100.00
        elif extra:
            unread.append(Unread(start=extra[0].start, end=extra[-1].end, reason=_why(block, "其后的数值不对应任何列")))
        unread += [
            Unread(start=p.name_start, end=p.end, reason=_why(block, f"的“{block.names[p.role]}”一格不是可读的数"))
            for p in run
            if p.cell is None
        ]
        relations += _ratios(block) + _balances(block)
        filled = block.money
        rows, closed = part_rows(text, after, len(filled))
        if not rows and (narrow := tpl.pair_parts.get(tuple(block.money))):
            filled = list(narrow)  # 计划投资额 | 实际到位资金 | 实际使用情况 with parts of the first two only
            rows, closed = part_rows(text, after, len(filled))
        if rows and (closed or len(rows) >= 2):
            relations += _sums(block, rows, filled)
    return relations, unread


def _why(block: _Block, what: str) -> str:
    return f"预算执行表（{'、'.join(block.names.values())}）{what}，未核对"


def _ratios(block: _Block) -> list[Relation]:
    out: list[Relation] = []
    header = tuple(block.cells)
    for rate in template().rates:
        denominators = [d for d in rate.denominator_roles(header) if d in block.cells and block.cells[d].value]
        if rate.rate in block.cells and rate.numerator in block.cells and denominators:
            out.append(
                RatioRelation(
                    rate=block.column(rate.rate).id,
                    numerator=block.column(rate.numerator).id,
                    denominators=tuple(block.column(d).id for d in denominators),
                    basis=form_rate("预算执行", template().columns[rate.rate].name),
                )
            )
    return out


def _balances(block: _Block) -> list[Relation]:
    return [
        BalanceRelation(
            opening=block.column(b.opening).id,
            inflows=(),
            outflows=tuple(block.column(o).id for o in b.outflows),
            closing=block.column(b.closing).id,
        )
        for b in template().balances
        if {b.closing, b.opening, *b.outflows} <= block.cells.keys()
    ]


def _sums(block: _Block, rows: list[list[Item]], filled: list[str]) -> list[Relation]:
    out: list[Relation] = []
    for c, role in enumerate(filled):
        items = [(row[c], row[c].cell) for row in rows if row[c].cell is not None]
        if not items or role not in block.cells or any(row[c].garbled for row in rows):
            continue
        name = block.names[role]
        out.append(
            SumRelation(
                total=block.column(role).id,
                items=tuple(block.qty(cell, role, f"{item.label}·{name}").id for item, cell in items if cell),
                basis="自评表·预算执行·合计",
            )
        )
    return out
