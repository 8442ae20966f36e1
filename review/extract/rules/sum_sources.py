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

from review.core.claims import SumRelation
from review.extract import lexicon
from review.extract.rules.label_lines import text_lines
from review.extract.rules.scan import Scan
from review.extract.rules.sum_above import amounts_on, lines_sum, part_lines


def extract_source_sums(scan: Scan) -> list[SumRelation]:
    text = scan.text
    lines = text_lines(text)
    out: list[SumRelation] = []
    for i, (a, b) in enumerate(lines):
        if i == 0 or not lexicon.SOURCES_HEADING.fullmatch(text, a, b):
            continue
        intro_start, intro_end = lines[i - 1]
        opening = amounts_on(scan, intro_start, intro_end)
        if not opening or not lexicon.INTRODUCES_WHAT_FOLLOWS.search(text, intro_start, intro_end):
            continue
        total = opening[0]
        marked = bool(lexicon.SUM_TOTAL_WORD.search(total.label) or lexicon.FUNDS_SCALE in total.label)
        if rel := lines_sum(total, part_lines(scan, lines[i + 1 :], total), "如下·分项", marked):
            out.append(rel)
    return out
