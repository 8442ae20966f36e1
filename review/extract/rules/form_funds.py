"""The 项目资金 block of a 项目支出绩效自评表, read in whatever rendering it reached us.

A real form reaches the tool as a Word table, but just as often flattened: pipe rows with the row
label on its own line, one cell per line, every cell of the form on one space-separated line,
empty cells dropped, a header split over lines (产 出 指 标). Whatever the rendering, the block is
the same sequence: a header naming columns (年初预算数 全年预算数 全年执行数 分值 执行率 得分), then
rows, each a label (年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金) followed by its numbers.
review.extract.rules.form_blocks reads it as a stream of tokens; the column names, row names and
the rates the columns define come from the template data
(review/data/templates/project-form-funds.json), not from code.

A row's numbers are matched to the header's columns in order. When a rendering dropped cells there
may be several ways to do so; every way that respects the form (a % is a rate; 分值 is a whole
number of points; a row with a 得分 has its 分值; a filled rate has the amounts it is worked out
from; a part row holds money and rates only) is a reading. A relation is claimed only when every
reading that defines it gives the same numbers — the reader never picks the reading under which
the arithmetic holds. A row no reading fits, or whose numbers fit so many ways that nothing is
certain, is reported as unread (the readings: review.extract.rules.fund_rows). A row whose cells
ran together (194.9194.9100%) is cut by review.extract.rules.fund_runs, only where exactly one
cutting gives a reading; a row left unread leaves its block's column sums unclaimed (the rows read
are not all the total's parts). A row that cuts several ways is also claimed as Readings: per
cutting, the rate and score relations it would give (review.checks.readings reports the row only
when it is wrong under every cutting).

Claims: per row and template rate the rate against its amounts (执行率 = 执行数 ÷ 预算数; a form
with 统筹整合资金 and 到位 columns: 预算到位 = 到位资金 ÷ 扣除统筹整合资金后预算金额 and 预算执行 =
执行资金 ÷ the same) (ratio) and 得分 = min(执行率, 100%) × 分值 (formula score); per money column the
年度资金总额 against its part rows (sum), a blank part row counting as empty.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from review.core.claims import FormulaScore, Quantity, RatioRelation, Readings, Relation, SumRelation, Unread
from review.core.provenance import form_rate
from review.extract.rules.form_blocks import Block, Row, Token, find_blocks
from review.extract.rules.form_template import Rate, template
from review.extract.rules.fund_rows import block_decimals, cut_alternatives, row_readings, values
from review.extract.rules.scan import Scan


def _certain(found: list[dict[str, Token]], key: Any) -> tuple[Token, ...] | None:
    """The tokens `key(reading)` gives, if every reading that defines them gives the same ones."""
    values = {v for r in found if (v := key(r)) is not None}
    return next(iter(values)) if len(values) == 1 else None


class _Minter:
    """One quantity per token, however many relations use it."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.made: dict[tuple[int, int], Quantity] = {}

    def qty(self, tok: Token, unit: str, label: str) -> Quantity:
        key = (tok.start, tok.end)
        if key not in self.made:
            unit = "%" if tok.percent else (tok.unit or unit)
            self.made[key] = self.scan.mint(tok.start, tok.end, tok.value or Decimal(0), unit, label)
        return self.made[key]


def extract_form_funds(scan: Scan) -> tuple[list[Relation], list[Unread]]:
    """Relations of every fund block, and the rows it could not read; quantities are minted on the scan."""
    mint = _Minter(scan)
    relations: list[Relation] = []
    unread: list[Unread] = []
    for block in find_blocks(scan.text):
        unread += [_unread(row, block, "的行次缺失或不连续") for row in block.unread]
        read: list[tuple[Row, list[dict[str, Token]]]] = []
        missing = False
        decimals = block_decimals(block, scan.text)
        for written in block.rows:
            row, found, why = row_readings(written, block.header, scan.text, decimals)
            if not found and row.tokens:
                each = _alternatives(written, block, scan.text, mint, decimals)
                relations += each
                unread.append(_unread(row, block, why, f"{len(each[0].alternatives)}种读法各自核对" if each else ""))
                missing = True
                continue
            read.append((row, found))
            relations += _row_relations(row, [values(r) for r in found], block, mint, unread)
        if not missing:  # a row left unread: the rows read are not the whole of the total's parts
            relations += _column_sums(read, block, mint)
    return relations, unread


def _alternatives(row: Row, block: Block, text: str, mint: _Minter, decimals: int | None) -> list[Readings]:
    """A row whose cells ran together and cut more than one way: what each reading would claim
    (review.checks.readings reports the row only when every reading fails)."""
    options = cut_alternatives(row, block.header, text, decimals)
    alternatives = tuple(
        tuple(
            r
            for r in _row_relations(new, [values(found)], block, mint, [])
            if isinstance(r, RatioRelation | FormulaScore)
        )
        for new, found in options
    )
    if len(alternatives) < 2 or not all(alternatives):
        return []  # a reading that claims nothing cannot fail
    return [Readings(start=row.label_start, end=row.tokens[-1].end, what=row.label, alternatives=alternatives)]


def _unread(row: Row, block: Block, why: str, each: str = "") -> Unread:
    """`each`: how the row was checked instead (under each of its cuttings: only an error in all is reported)."""
    end = row.tokens[-1].end if row.tokens else row.label_start + len(row.label)
    cols = "、".join(template().columns[r].name for r in block.header)
    done = f"未按唯一读法核对（{each}，每种都不相符才报告）" if each else "未核对"
    return Unread(
        start=row.label_start,
        end=end,
        reason=f"表格行“{row.label}”{why}（表头 {len(block.header)} 列：{cols}），{done}",
    )


def _label(row: Row, role: str) -> str:
    return f"{row.label}·{template().columns[role].name}"


def _row_relations(
    row: Row, found: list[dict[str, Token]], block: Block, mint: _Minter, unread: list[Unread]
) -> list[Relation]:
    out: list[Relation] = [
        r for rate in template().rates if (r := _row_ratio(rate, row, found, block, mint, unread)) is not None
    ]

    def formula_key(r: dict[str, Token]) -> tuple[Token, ...] | None:
        return (r["rate"], r["weight"], r["score"]) if {"rate", "weight", "score"} <= r.keys() else None

    formula = _certain(found, formula_key)
    if formula is not None:
        rate, weight, score = formula
        out.append(
            FormulaScore(
                rule="budget_execution",
                rate=mint.qty(rate, "%", _label(row, "rate")).id,
                weight=mint.qty(weight, "分", _label(row, "weight")).id,
                score=mint.qty(score, "分", _label(row, "score")).id,
            )
        )
    return out


def _row_ratio(
    rate: Rate, row: Row, found: list[dict[str, Token]], block: Block, mint: _Minter, unread: list[Unread]
) -> RatioRelation | None:
    """rate = numerator ÷ denominator (执行率 = 执行数 ÷ 预算数, 到位率 = 到位数 ÷ 预算数) when every
    reading that defines it gives the same cells; several readings are reported as unread."""
    denominators = rate.denominator_roles(block.header)

    def key(r: dict[str, Token]) -> tuple[Token, ...] | None:
        dens = tuple(r[d] for d in denominators if d in r and r[d].value)
        return (r[rate.rate], r[rate.numerator], *dens) if rate.rate in r and rate.numerator in r and dens else None

    certain = _certain(found, key)
    if certain is None:
        if any(key(r) for r in found):
            unread.append(_unread(row, block, f"的{template().columns[rate.rate].name}有多种读法（单元格缺失）"))
        return None
    tok, num, *dens = certain
    return RatioRelation(
        rate=mint.qty(tok, "%", _label(row, rate.rate)).id,
        numerator=mint.qty(num, block.unit, _label(row, rate.numerator)).id,
        denominators=tuple(mint.qty(d, block.unit, _label(row, denominators[0])).id for d in dens),
        basis=form_rate("资金", template().columns[rate.rate].name),
    )


def _cell(found: list[dict[str, Token]], role: str) -> tuple[bool, Token | None]:
    """(certain, token): certain when every reading puts the same token in the column, or none does."""
    values = {r.get(role) for r in found}
    return (True, values.pop()) if len(values) == 1 else (False, None)


RowReadings = list[tuple[Row, list[dict[str, Token]]]]


def _column_sums(row_readings: RowReadings, block: Block, mint: _Minter) -> list[Relation]:
    """年度资金总额 = Σ part rows, per money cell of the total row, read jointly (see _joint_cells);
    where no joint reading exists, per column where every row's cell in it is certain."""
    tpl = template()
    totals = [(r, f) for r, f in row_readings if tpl.row_role[r.label] == "total"]
    parts = [(r, f) for r, f in row_readings if tpl.row_role[r.label] == "part"]
    if len(totals) != 1 or not parts or (len(parts) < 2 and not block.closed):
        return []  # a lone part row at the end of the text may be an excerpt cut short
    total_row, total_found = totals[0]
    joint = _joint_cells(total_found, parts)
    cells = joint if joint is not None else _cells_by_column(total_found, parts, block)
    out: list[Relation] = []
    for total, roles, items in cells:
        if items:
            name = "或".join(tpl.columns[r].name for r in roles)
            out.append(
                SumRelation(
                    total=mint.qty(total, block.unit, f"{total_row.label}·{name}").id,
                    items=tuple(mint.qty(t, block.unit, f"{r.label}·{name}").id for r, t in items),
                    basis="自评表·资金·合计",
                )
            )
    return out


Cells = list[tuple[Token, tuple[str, ...], list[tuple[Row, Token]]]]


def _joint_cells(total_found: list[dict[str, Token]], parts: RowReadings) -> Cells | None:
    """Each money cell of the total row with the part rows' cells in its column, over the joint
    readings of the block: a part row fills only columns its total row fills (a rendering drops the
    same empty columns from every row). A total cell counts when every joint reading puts it in a
    money column and gives it the same part cells — whichever column that is. None when no joint
    reading exists."""
    tpl = template()
    seen: dict[Token, set[tuple[Token | None, ...] | None]] = {}
    roles: dict[Token, list[str]] = {}
    valid = 0
    for total in total_found:
        occupied = set(total)
        within = [[p for p in found if set(p) <= occupied] for _, found in parts]
        if any(found and not ok for (_, found), ok in zip(parts, within, strict=True)):
            continue  # a part row fills a column this reading of the total leaves out
        valid += 1
        for role, tok in values(total).items():
            if tpl.kind(role) != "money":
                seen.setdefault(tok, set()).add(None)
                continue
            cells = [_agreed({values(p).get(role) for p in ok}) if ok else [None] for ok in within]
            key = tuple(c[0] for c in cells) if all(cells) else None
            seen.setdefault(tok, set()).add(key)
            if role not in roles.setdefault(tok, []):
                roles[tok].append(role)
    if not valid:
        return None
    out: Cells = []
    for tok, keys in seen.items():
        money_everywhere = sum(1 for t in total_found if tok in values(t).values()) == len(total_found)
        if len(keys) != 1 or None in keys or not money_everywhere:
            continue
        (key,) = keys
        assert key is not None
        items = [(row, cell) for (row, _), cell in zip(parts, key, strict=True) if cell is not None]
        out.append((tok, tuple(roles[tok]), items))
    return sorted(out, key=lambda c: c[0].start)


def _agreed(cells: set[Token | None]) -> list[Token | None]:
    """A part row's cell in one column over its readings: the one token they all give; none when they only
    place zeros or nothing there, a 0 adding what an empty cell adds (上年结转资金 0 0 0 under 年初预算数
    全年预算数 全年执行数 分值 执行率 得分 fits several ways, all agreeing that the row adds nothing); [] when
    they disagree."""
    if len(cells) == 1:
        return [next(iter(cells))]
    return [None] if all(t is None or t.value == 0 for t in cells) else []


def _cells_by_column(total_found: list[dict[str, Token]], parts: RowReadings, block: Block) -> Cells:
    """Per money column: the total's cell and the part rows' cells, where every row's is certain."""
    tpl = template()
    total_values = [values(r) for r in total_found]
    out: Cells = []
    for role in block.header:
        if tpl.kind(role) != "money":
            continue
        certain, total = _cell(total_values, role)
        if not certain or total is None:
            continue
        items: list[tuple[Row, Token]] = []
        for row, found in parts:
            certain, cell = _cell([values(r) for r in found], role) if found else (True, None)
            if not certain:
                break  # uncertain in this row: no claim for the column
            if cell is not None:
                items.append((row, cell))
        else:
            out.append((total, (role,), items))
    return out
