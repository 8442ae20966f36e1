"""A head count split into the kinds of one staff partition, with no 其中 to open the parts:
"人员概况:在职人员81人,专业技术人员57人、管理人员1人,工勤人员23人。" (r9-12).

What makes the later counts parts is the vocabulary, not their position: each names a kind of
one partition of the staff (post types 专业技术/管理/工勤, establishment types 行政编/事业编, or
在职/离休/退休, lexicon.STAFF_PARTITIONS), and the count before them is a head count that is not
itself a kind of that partition (在职人员246人,离退休人员85人 are two kinds side by side) but the
whole that partition splits (the 编制 is split by establishment types, never by 在职/退休: the
retired hold none), and not a count of the retired. The parts run to the end of the sentence; a
sentence that goes on with any other count after the first part is not read (the grammar does not
say where the parts end). A count joined to the next by 、 is one of coordinate items (核定政法专项编制247人、
行政工勤编制15人), never their whole.
A list opened by 其中 is the sums' (review.extract.rules.sums). review.checks.count adds the parts.
"""

from __future__ import annotations

import re

from review.core.claims import CountRelation, Quantity
from review.extract import lexicon
from review.extract.rules.scan import Scan

_JOIN = re.compile(r"\s*[，,、]\s*")
_ENDS = "。；;\n"
MIN_PARTS = 2


def extract_staff_counts(scan: Scan) -> list[CountRelation]:
    out = []
    for q in scan.quantities:
        if not _is_whole(scan, q):
            continue
        parts = _parts_after(scan, q)
        if parts is not None:
            out.append(
                CountRelation(
                    stated=int(q.value),
                    start=q.anchor_start,
                    end=q.end,
                    item_spans=tuple((c.anchor_start, c.end) for c in parts),
                    what="其后分列的各类人员人数之和",
                    stated_ids=(q.id,),
                    item_ids=tuple(c.id for c in parts),
                    wording="breakdown",
                )
            )
    return out


def _is_whole(scan: Scan, q: Quantity) -> bool:
    return (
        q.unit in lexicon.STAFF_UNITS
        and q.exact
        and not scan.in_table(q.start)
        and not lexicon.STAFF_NOT_WHOLE.search(q.label)
    )


def _parts_after(scan: Scan, whole: Quantity) -> list[Quantity] | None:
    """The counts that follow the whole in its sentence, joined by ，/、, each naming a kind of the
    one partition the first names, and the whole not a kind of it; None when anything else follows."""
    text = scan.text
    end = min((i for i in (text.find(ch, whole.end) for ch in _ENDS) if i >= 0), default=len(text))
    later = scan.between(whole.end, end)
    family = _family(later[0]) if later else None
    if family is None or family[0].search(whole.label) or not family[1].search(whole.label):
        return None
    if "、" in text[whole.end : later[0].anchor_start]:
        return None  # 政法专项编制247人、行政工勤编制15人: the 顿号 joins coordinate kinds, not a whole to its parts
    pos = whole.end
    for c in later:
        gap = text[pos : c.anchor_start]
        if not _JOIN.fullmatch(gap) or c.unit != whole.unit or not c.exact or not family[0].search(c.label):
            return None
        pos = c.end
    if text[pos:end].strip(" ，,"):
        return None  # the sentence goes on: the parts' end is not certain
    return later if len(later) >= MIN_PARTS else None


def _family(part: Quantity) -> tuple[re.Pattern[str], re.Pattern[str]] | None:
    """(its kinds, its whole) of the one partition whose kinds the part's label names (None: none,
    or more than one)."""
    found = [p for p in lexicon.STAFF_PARTITIONS.values() if p[0].search(part.label)]
    return found[0] if len(found) == 1 else None
