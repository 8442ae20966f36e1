"""Numbers marked by id (数字编号): the text the model is shown when it points by id.

Python parses every number of a chunk (as the rules read it, review.extract.view) and writes each
as `[n]` followed by the kind of its unit: 元 for any amount (元, 万元, 亿元 alike), %, 分, or the
counted unit as written (个, 人, 户 …); a bare number is `[n]` alone. Years are written 20XX, and
a money unit standing alone (a header's （万元）) is written 元 too. The
model never sees a value: it answers which numbers relate and how, as ids, so no quote can be
invented, grounding is exact by construction, and whether the arithmetic holds cannot sway it.
The same chunk with another value, unit or year gives the same text, so one reply serves a report
and every copy of it that differs only in its numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.numbers import ParsedNumber, find_numbers, unit_family

_YEAR = re.compile(r"(?<![0-9.])(?:19|20)[0-9]{2}(?![0-9.])")
_MONEY_WORD = re.compile("亿元|万元|千元")


@dataclass(frozen=True)
class Marked:
    """`text` as sent; id n is `numbers[n - 1]` (local offsets in the chunk's view)."""

    text: str
    numbers: tuple[ParsedNumber, ...]

    def number(self, ident: int) -> ParsedNumber | None:
        return self.numbers[ident - 1] if 1 <= ident <= len(self.numbers) else None


def unit_kind(n: ParsedNumber) -> str:
    """How the model sees a number's unit: every amount as 元, the others as written."""
    return "元" if unit_family(n.unit) == "money" else n.unit


def mark(text: str, first: int = 1) -> Marked:
    """`text` with every parsed number replaced by its id (from `first`) and unit kind, and every
    year by 20XX. The prompt's worked examples are marked from 101, so that an id copied from an
    example is not in a chunk's text and is refused, never read as another number."""
    numbers = tuple(find_numbers(text, with_bare=True))
    out: list[str] = []
    pos = 0
    for i, n in enumerate(numbers, first):
        out.append(_plain(text[pos : n.start]))
        written = text[n.start : n.end]
        lead = written[: len(written) - len(written.lstrip("≥≤><＞＜约近超逾"))]
        out.append(f"{lead}[{i}]{unit_kind(n)}")
        pos = n.end
    out.append(_plain(text[pos:]))
    return Marked("".join(out), numbers)


def _plain(text: str) -> str:
    return _MONEY_WORD.sub("元", _YEAR.sub("20XX", text))
