"""A row of a fund block as read: which of the header's columns each of its numbers is in.

A row's numbers are matched to the header's columns in order (review.extract.rules.form_funds
claims what the readings agree on). When a rendering dropped cells there may be several ways to do
so; every way that respects the form (a % is a rate; 分值 is a whole number of points; a row with a
得分 has its 分值; a filled rate has the amounts it is worked out from) is a reading. A row whose
cells ran together (194.9194.9100%) is cut by review.extract.rules.fund_runs; a cutting's amounts
are written alike (to the same decimals, and to those of the block's other cut amounts). A run that
cuts more than one way has each of its readings listed (cut_alternatives), never one picked.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import combinations

from review.extract.rules import fund_runs
from review.extract.rules.form_blocks import Block, Row, Token
from review.extract.rules.form_template import Rate, Template, template

_MAX_READINGS = 64
_MAX_ALTERNATIVES = 1024  # a row read more ways than this is only reported as unread


def readings(row: Row, header: tuple[str, ...], fills: tuple[str, ...]) -> list[dict[str, Token]]:
    """Every order-preserving way to put the row's tokens into the header's columns: a number only
    in a column the row may fill, an empty-cell mark in any (a part row prints — under 分值 and
    得分). Each reading is the whole placement, empty marks included (see `values`)."""
    tpl = template()
    toks = row.tokens
    if len(toks) > len(header) or any(t.glued for t in toks):
        return []  # cells run together are cut first (row_readings)
    out = []
    for slots in combinations(range(len(header)), len(toks)):
        reading = {header[s]: t for s, t in zip(slots, toks, strict=True)}
        if any(t.value is not None and role not in fills for role, t in reading.items()):
            continue
        if _fits(reading, tpl, header):
            out.append(reading)
        if len(out) > _MAX_READINGS:
            return []
    return out


def row_readings(
    row: Row, header: tuple[str, ...], text: str, decimals: int | None = None
) -> tuple[Row, list[dict[str, Token]], str]:
    """The row as read (its cells cut where they ran together), its readings, and why it has none.
    `decimals`: what the block's other cut amounts are written to (block_decimals), which a cut
    amount of this row is written to as well."""
    fills = template().row_fills[row.label]
    found = readings(row, header, fills) or readings(row, header, header)
    if found or not row.tokens:
        return row, found, ""
    k = _run_at(row, text)
    if k is None:
        return row, [], "其数值与表头各列无法对应"
    cut = _cut_rows(row, k, header, fills, text, decimals)
    if cut is None or len(cut) > 1:
        return row, [], "的数字连写，可有多种切分"
    if not cut:
        return row, [], "的数字连写，无法切成表头各列" if row.tokens[k].glued else "其数值与表头各列无法对应"
    return cut[0]


@lru_cache(maxsize=8)  # few documents' worth: a batch does not pile up
def block_decimals(block: Block, text: str) -> int | None:
    """The decimals every amount cut from a run in the block's rows that cut one way only is written
    to (194.9194.9100%: 1), when that is one number; None otherwise. One table writes its amounts
    alike, so a row that cuts more than one way is cut only to amounts written so."""
    seen = set()
    for written in block.rows:
        row, found, _ = row_readings(written, block.header, text)
        seen |= {fund_runs.decimals(text, t) for r in found for role, t in r.items() if t.cut and _money(role)}
    return seen.pop() if len(seen) == 1 else None


def _money(role: str) -> bool:
    return template().kind(role) == "money"


def _run_at(row: Row, text: str) -> int | None:
    """The token to cut: the row's one glued token, else its one token that may be cells run together."""
    runs = [k for k, t in enumerate(row.tokens) if fund_runs.cuttable(t, text)]
    glued = [k for k, t in enumerate(row.tokens) if t.glued]
    if len(glued) == 1 and runs:
        return glued[0]
    return runs[0] if len(runs) == 1 else None


def cut_alternatives(
    row: Row, header: tuple[str, ...], text: str, decimals: int | None = None
) -> list[tuple[Row, dict[str, Token]]]:
    """Every reading of a row whose run of cells cuts more than one way, each with the row as cut
    for it ([] when it cuts one way, no way, or too many ways to try)."""
    k = _run_at(row, text)
    if k is None or readings(row, header, template().row_fills[row.label]):
        return []
    cut = _cut_rows(row, k, header, template().row_fills[row.label], text, decimals) or ()
    options = [(new, r) for new, found, _ in cut for r in found]
    options.sort(key=_shown_first)
    return options if len(cut) > 1 and len(options) <= _MAX_ALTERNATIVES else []


def _shown_first(option: tuple[Row, dict[str, Token]]) -> tuple[int, int]:
    """The order a finding lists readings in (never which is right): the fullest, then the most even amounts."""
    found = values(option[1])
    widths = [t.end - t.start for role, t in found.items() if _money(role)]
    return -len(found), max(widths, default=0) - min(widths, default=0)


@lru_cache(maxsize=8)  # a row is cut for its block's decimals, its readings, its alternatives; few: no pile-up
def _cut_rows(
    row: Row, k: int, header: tuple[str, ...], fills: tuple[str, ...], text: str, decimals: int | None = None
) -> tuple[tuple[Row, list[dict[str, Token]], str], ...] | None:
    """Each cutting of the row's k-th token whose cells fit the header: money cells cut from the run
    written to the same decimals, `decimals` when given (None: too many cuttings to try)."""
    room = len(header) - len(row.tokens) + 1
    options = fund_runs.cuttings(text, row.tokens[k], room)
    if options is None:
        return None
    out = []
    for cells in options:
        new = Row(row.label, row.label_start, (*row.tokens[:k], *cells, *row.tokens[k + 1 :]))
        found = [r for r in readings(new, header, fills) if _same_decimals(r, text, decimals)]
        if found:
            out.append((new, found, ""))
    return tuple(out)


def _same_decimals(reading: dict[str, Token], text: str, decimals: int | None) -> bool:
    cut = {fund_runs.decimals(text, t) for role, t in reading.items() if t.cut and _money(role)}
    return len(cut) <= 1 and (decimals is None or cut <= {decimals})


def values(reading: dict[str, Token]) -> dict[str, Token]:
    """The columns a reading puts a number in."""
    return {k: t for k, t in reading.items() if t.value is not None}


def _fits(reading: dict[str, Token], tpl: Template, header: tuple[str, ...]) -> bool:
    for role, tok in reading.items():
        kind = tpl.kind(role)
        if tok.value is None:
            continue
        if tok.percent != (kind == "rate") and not (kind == "rate" and tok.value == 0):
            return False  # a % is the rate, and only a rate (a bare 0 may be an empty rate)
        if kind == "weight" and (tok.value != tok.value.to_integral_value() or tok.value > 100):
            return False  # 分值 is a whole number of points
    has = {r for r, t in reading.items() if t.value is not None}
    if "weight" in header and "score" in has and "weight" not in has:
        return False  # a 得分 comes with its 分值
    return all(_rate_filled_with_its_terms(rate, reading, has, header) for rate in tpl.rates)


def _rate_filled_with_its_terms(rate: Rate, reading: dict[str, Token], has: set[str], header: tuple[str, ...]) -> bool:
    """A rate written in a row comes with the amounts it is worked out from, where the header has
    their columns: 预算到位(D/C) 100.00% beside its 到位资金 and 预算金额 (a filled rate, not a 0)."""
    tok = reading.get(rate.rate)
    if tok is None or not tok.value:
        return True
    if rate.numerator in header and rate.numerator not in has:
        return False
    denominators = rate.denominator_roles(header)
    return not denominators or bool(set(denominators) & has)
