"""A total stated on the line after its parts, pointing back to them (a fund notice's 资金来源 block):

    一、资金来源
    1.省级专项扶贫资金47万元
    2.市级扶贫专项资金66.5万元
    以上资金合计113.5万元。

The total's line opens with 以上/上述 … 合计/共计/总计 (lexicon.TOTAL_OF_LINES_ABOVE) and states one amount.
Its parts are the lines right above it that state one amount each and of the total's measure, up to the
first line that does not (a heading such as 一、资金来源, a sentence with several amounts, a line of prose)
or that names its amount a total (资金来源：共计241.3万元). At least two such lines, or nothing is claimed.
Emitted as read, whether they add up or not."""

from __future__ import annotations

from collections.abc import Iterable

from review.core.claims import Quantity, SumRelation
from review.core.numbers import PERCENT_UNITS
from review.core.provenance import SumBasis
from review.extract import lexicon
from review.extract.rules.label_lines import text_lines
from review.extract.rules.scan import Scan
from review.extract.rules.sum_implicit import addable
from review.extract.rules.sums import category_of

_MAX_LINE = 80  # a part's line is a label and its amount (with a document number), not a paragraph
_MIN_PARTS = 2


def extract_sums_above(scan: Scan) -> list[SumRelation]:
    text = scan.text
    lines = text_lines(text)
    out: list[SumRelation] = []
    for i, (a, b) in enumerate(lines):
        lead = lexicon.TOTAL_OF_LINES_ABOVE.match(text, a, b)
        stated = amounts_on(scan, lead.end(), b) if lead else []
        if len(stated) == 1 and (rel := lines_sum(stated[0], part_lines(scan, reversed(lines[:i]), stated[0])[::-1])):
            out.append(rel)
    return out


def lines_sum(
    total: Quantity, parts: list[Quantity], basis: SumBasis = "合计·在后", marked: bool = True
) -> SumRelation | None:
    """The total over the parts read from lines: at least two, every number exact."""
    if len(parts) < _MIN_PARTS or not total.exact or not all(p.exact for p in parts):
        return None
    return SumRelation(
        total=total.id,
        items=tuple(p.id for p in parts),
        category=category_of(total),
        basis=basis,
        marked=marked,
    )


def part_lines(scan: Scan, lines: Iterable[tuple[int, int]], total: Quantity) -> list[Quantity]:
    """The amount of each line, in the order given, while a line states one amount of the total's measure,
    is no paragraph, and does not name its amount a total (资金来源：共计241.3万元: the total stated first)."""
    parts: list[Quantity] = []
    for start, end in lines:
        amounts = amounts_on(scan, start, end)
        if len(amounts) != 1 or end - start > _MAX_LINE or not addable(amounts[0], total):
            break
        if lexicon.SUM_TOTAL_WORD.search(scan.text, start, amounts[0].start):
            break
        parts.append(amounts[0])
    return parts


def amounts_on(scan: Scan, start: int, end: int) -> list[Quantity]:
    """The amounts stated between start and end (rates left out)."""
    return [q for q in scan.between(start, end) if q.unit not in PERCENT_UNITS]
