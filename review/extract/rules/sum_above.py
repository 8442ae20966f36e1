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

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.label_lines import line_spans
from review.extract.rules.scan import Scan
from review.extract.rules.sum_implicit import addable
from review.extract.rules.sums import category_of

_MAX_LINE = 80  # a part's line is a label and its amount (with a document number), not a paragraph
_MIN_PARTS = 2


def extract_sums_above(scan: Scan) -> list[SumRelation]:
    text = scan.text
    lines = [(a, b) for a, b in line_spans(text) if text[a:b].strip()]
    out: list[SumRelation] = []
    for i, (a, b) in enumerate(lines):
        lead = lexicon.TOTAL_OF_LINES_ABOVE.match(text, a, b)
        if lead is None:
            continue
        stated = _amounts(scan, lead.end(), b)
        if len(stated) != 1 or not stated[0].exact:
            continue
        total = stated[0]
        parts: list[Quantity] = []
        for start, end in reversed(lines[:i]):
            amounts = _amounts(scan, start, end)
            if len(amounts) != 1 or end - start > _MAX_LINE or not addable(amounts[0], total):
                break
            if lexicon.SUM_TOTAL_WORD.search(text, start, amounts[0].start):
                break  # 资金来源：共计241.3万元 above the parts: the total stated first, not a part
            parts.insert(0, amounts[0])
        if len(parts) >= _MIN_PARTS and all(p.exact for p in parts):
            out.append(
                SumRelation(
                    total=total.id,
                    items=tuple(p.id for p in parts),
                    category=category_of(total),
                    basis="合计·在后",
                )
            )
    return out


def _amounts(scan: Scan, start: int, end: int) -> list[Quantity]:
    return [q for q in scan.between(start, end) if q.end <= end and q.unit not in ("%", "个百分点")]
