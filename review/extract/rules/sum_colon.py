"""A total followed by a colon that opens its parts: "堤防工程 1.04km:右岸 0.51km,左岸 0.53km" and
"资金440万元,项目资金已经分配下达到项目建设单位:A项目资金140万元、B…140万元、C…160万元".

The colon says what follows elaborates the amount before it, but no word says the amounts after it
are its parts: the relations are unmarked (marked=False, a mismatch is low). Emitted as read,
whether or not the parts add up."""

from __future__ import annotations

import re

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import MAX_SENTENCE, Scan
from review.extract.rules.sum_implicit import addable

# Right after the total: a colon, or one short clause without numbers that ends in a colon
# (，项目资金已经分配下达到项目建设单位:). A 其中/包括 opener or 如下/情况: is read by the other readers.
_COLON_AFTER = re.compile(r"\s*(?:[，,](?P<clause>[^，,。；;：:\n\d]{2,30}))?[：:]")
# The parts run to the end of their clause run: the sentence, a ；, a line break or the next colon.
_PARTS_END = re.compile(r"[。；;：:\n]")


def extract_colon_sums(scan: Scan, seen: set[str]) -> list[SumRelation]:
    """Totals (not already summed by another reader, ids in `seen`) whose parts follow a colon."""
    out: list[SumRelation] = []
    for t in scan.quantities:
        if t.id in seen or not _may_head(scan, t):
            continue
        colon = _COLON_AFTER.match(scan.text, t.end)
        if colon is None or _opened_otherwise(colon.group("clause") or ""):
            continue
        parts, partial = _parts_after(scan, t, colon.end())
        if len(parts) < 2:
            continue
        out.append(
            SumRelation(
                total=t.id,
                items=tuple(q.id for q in parts),
                exhaustive=not partial,
                category=lexicon.sum_category(t.unit, t.label),
                basis="implicit",  # no list word: only the colon says "parts"
                marked=False,
            )
        )
        seen.add(t.id)
    return out


def _may_head(scan: Scan, t: Quantity) -> bool:
    """An exact amount or length in prose, not a rate, a score or a change."""
    if not t.exact or scan.in_table(t.start) or lexicon.SUM_DELTA.search(t.label):
        return False
    return t.unit not in ("%", "个百分点", "分", "‰")


def _opened_otherwise(clause: str) -> bool:
    """The clause before the colon opens a list another reader reads (其中：, 情况如下：)."""
    return bool(lexicon.LIST_OPENER.search(clause) or lexicon.PARTS_INTRO.search(clause + "："))


def _parts_after(scan: Scan, t: Quantity, start: int) -> tuple[list[Quantity], bool]:
    """The amounts of the total's measure between the colon and the end of the clause run, and
    whether the list ends with 等 (then the parts bound the total from below)."""
    stop = _PARTS_END.search(scan.text, start, min(len(scan.text), start + MAX_SENTENCE))
    end = stop.start() if stop else min(len(scan.text), start + MAX_SENTENCE)
    parts = [q for q in scan.between(start, end) if addable(q, t) and q.exact]
    if any(lexicon.SUM_DELTA.search(q.label) or lexicon.SUM_TOTAL_WORD.search(q.label) for q in parts):
        return [], False  # a change or another total among them: not a list of parts
    partial = bool(re.search(rf"{lexicon.PARTIAL_LIST_END}\s*$", scan.text[start:end]))
    return parts, partial
