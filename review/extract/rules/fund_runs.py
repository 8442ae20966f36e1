"""A fund row whose cells ran together (a page that dropped the cell borders): "年度资金总额194.9194.9100%"
under 全年预算数(A) 全年执行数(B) 执行率(B/A) is 194.9 | 194.9 | 100%.

A run of digits, points and % signs is cut into cells only where exactly one cutting gives
well-formed cells for the header's columns: each cell a number without a leading zero and not a
bare 0 (beside other digits a 0 cannot be told from a neighbour's leading or trailing zero), a %
only at the end of a rate cell of at most three digits before its point (no 执行率 reaches 1000%),
the money cells cut from the run written to the same decimals (and to those of the block's other
cut amounts), and the other template rules (分值 a whole number of at most 100 …) checked by
review.extract.rules.form_funds. Whether the arithmetic holds never decides a cutting; a run with
no such cutting is reported as unread, and one with several is reported as unread and handed on
with what each cutting would claim (review.checks.readings: wrong only if wrong under all).

Only a run with a rate is cut: the % marks where the rate cell ends. What follows the % is one
cell, the column after the rate (10001000100%20 under 预算数 执行数 执行率 得分 is 1000 | 1000 |
100% | 20); a run with no % (3555035550) or two leaves too much to the digits alone.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from review.extract.rules.form_blocks import Token

_CELL = re.compile(r"[1-9]\d*(?:\.\d+)?|[1-9]\d{0,2}(?:\.\d+)?[ \u3000]?[%％]")  # a rate below 1000% (100 %)
_TAIL = re.compile(r"(?:0|[1-9]\d*)(?:\.\d+)?")  # after the %, where a cell starts is known
_MAX_CELLS = 8
_MAX_CUTTINGS = 20000  # a run this long is not read: too many ways to cut it


def cuttable(tok: Token, text: str) -> bool:
    """A number of at least two digits written without separators: it may be cells run together."""
    written = text[tok.start : tok.end]
    return tok.glued or (tok.value is not None and sum(ch.isdigit() for ch in written) >= 2)


def cuttings(text: str, tok: Token, most: int) -> list[tuple[Token, ...]] | None:
    """Every way to cut the token's text into 2…`most` well-formed cells (None: too many to try)."""
    run = text[tok.start : tok.end].replace(",", "")
    if run != text[tok.start : tok.end]:
        return []  # a thousands separator inside a run: where its cells end cannot be told
    marks = [i for i, ch in enumerate(run) if ch in "%％"]
    if len(marks) != 1:
        return []  # only a run with one rate is cut (see the module's doc)
    head = run[: marks[0] + 1]
    tail = _tail(run, len(head), tok.start)
    if tail is None:
        return []
    out: list[tuple[Token, ...]] = []
    tried = 0
    for n in range(2, min(most - len(tail), _MAX_CELLS) + 1):
        for cuts in combinations(range(1, len(head)), n - 1):
            tried += 1
            if tried > _MAX_CUTTINGS:
                return None
            bounds = list(zip((0, *cuts), (*cuts, len(head)), strict=True))
            if all(_CELL.fullmatch(head, a, b) for a, b in bounds):
                out.append((*(_token(run, tok.start, a, b) for a, b in bounds), *tail))
    return out


def _tail(run: str, at: int, start: int) -> tuple[Token, ...] | None:
    """The one cell after the rate's % (its 得分: 20, 8.5, 0), () when the % ends the run, None when
    what follows is no single cell."""
    if at == len(run):
        return ()
    if not _TAIL.fullmatch(run, at):
        return None
    return (Token(start + at, start + len(run), Decimal(run[at:]), cut=True),)


def _token(run: str, at: int, a: int, b: int) -> Token:
    cell = run[a:b]
    percent = cell[-1] in "%％"
    return Token(at + a, at + b, Decimal(cell[:-1].rstrip() if percent else cell), percent, cut=True)


def decimals(text: str, tok: Token) -> int:
    written = text[tok.start : tok.end].rstrip("%％")
    return len(written.split(".", 1)[1]) if "." in written else 0
