"""The sources of a notice's funds under their own heading, against the amount the notice opens with
(a 扶贫资金 公告公示):

    2018年,上级下达北关区专项扶贫资金113.5万元,经…研究决定,现将资金分配使用情况公示如下:
    一、资金来源
    1.省级专项扶贫资金47万元
    2.市级扶贫专项资金66.5万元
    二、分配原则

The heading names the sources (lexicon.SOURCES_HEADING) and states no amount; the paragraph before it
ends introducing what follows (…公示如下:) and its first amount is the total. The parts are the lines
under the heading that state one amount each, of the total's measure, up to the first that does not (the
next heading) or that names its amount a total (以上资金合计…: review.extract.rules.sum_above reads it).
At least two, or nothing is claimed. The total is `marked` only when its label names it a total (规模,
合计, 共计…): otherwise the wording does not say these are all of it. Emitted as read, whether they add up
or not."""

from __future__ import annotations

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.label_lines import line_spans
from review.extract.rules.scan import Scan
from review.extract.rules.sum_implicit import addable
from review.extract.rules.sums import category_of

_MAX_LINE = 80  # a source's line is a label and its amount (with a document number), not a paragraph
_MIN_PARTS = 2


def extract_source_sums(scan: Scan) -> list[SumRelation]:
    text = scan.text
    lines = [(a, b) for a, b in line_spans(text) if text[a:b].strip()]
    out: list[SumRelation] = []
    for i, (a, b) in enumerate(lines):
        if i == 0 or not lexicon.SOURCES_HEADING.fullmatch(text, a, b):
            continue
        intro_start, intro_end = lines[i - 1]
        if not lexicon.INTRODUCES_WHAT_FOLLOWS.search(text, intro_start, intro_end):
            continue
        opening = _amounts(scan, intro_start, intro_end)
        if not opening or not opening[0].exact:
            continue
        total = opening[0]
        parts: list[Quantity] = []
        for start, end in lines[i + 1 :]:
            amounts = _amounts(scan, start, end)
            if len(amounts) != 1 or end - start > _MAX_LINE or not addable(amounts[0], total):
                break
            if lexicon.SUM_TOTAL_WORD.search(text, start, amounts[0].start):
                break
            parts.append(amounts[0])
        if len(parts) >= _MIN_PARTS and all(p.exact for p in parts):
            out.append(
                SumRelation(
                    total=total.id,
                    items=tuple(p.id for p in parts),
                    category=category_of(total),
                    basis="如下·分项",
                    marked=bool(lexicon.SUM_TOTAL_WORD.search(total.label) or lexicon.FUNDS_SCALE in total.label),
                )
            )
    return out


def _amounts(scan: Scan, start: int, end: int) -> list[Quantity]:
    return [q for q in scan.between(start, end) if q.end <= end and q.unit not in ("%", "个百分点")]
