"""Counts stated before the things they count: "内设 10 个办公室：党政办公室、…", "设立 8 个内设机构，
分别是党办、…", "核准类事项6项，为A、B…", "遂溪县13宗(东坑、湖仔洋…)水库", and counts broken down
into counts of the same unit: "护岸工程共 4 段，长 3.47km：右岸 1 段，…，左岸 3 段", "事项为7项，其中：
审批类事项1项，为…。核准类事项6项，为…".

The list's boundaries come from its grammar, never from whether it adds up: it opens after the
count (and the noun it counts) with 分别是/包括/，即/a colon, or with a weaker ，为; it ends with
the sentence (。, a line end) or, in a list of names joined by 、, at the first ；. Its separator is
the first one used: ；(items may then hold 、), 、, or ，. review.checks.count counts the items.

A name written twice in one list (内设 8个内设机构：办公室、第一检察部…政治部、办公室) names one thing: the
repeat is not counted, and the review says so (Claims.unread), so a slip in the list is never taken
for a second thing counted.

What the grammar leaves open is read loosely (wording "loose_list", low severity): a list opened
by ，为 or split at ，, a 、 list that goes on past a ，, a last item joined by 和/与/及 (two names or
one?). A list whose item opens a list of its own is not a list of names: it is read as a breakdown
when its parts are counts of the same unit, else not at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import CountRelation, CountWording, Quantity, Unread
from review.extract import lexicon
from review.extract.rules.scan import Scan

_STRONG = re.compile(lexicon.STRONG_LIST_INTRO)
_WEAK = re.compile(lexicon.WEAK_LIST_INTRO)
_QUANTITY_END = re.compile(r"\d\s*[\u4e00-\u9fff]{0,2}\s*$")  # 特色种养业奖补项目1500万元: an item ending in its amount
_OPEN, _CLOSE = "（(《“", "）)》”"
_SEPARATORS = "；;、，,"
_ENDS = "。\n"
MAX_ITEM = 40  # characters of one listed name (with its amount)
MAX_PAREN_ITEM = 12


@dataclass(frozen=True)
class _List:
    items: list[tuple[int, int]]
    cut: bool  # the text ends inside the list
    loose: bool  # the grammar leaves the items open (see the module doc)


def extract_listed_counts(scan: Scan) -> tuple[list[CountRelation], list[Unread]]:
    out, unread = [], []
    for q in scan.quantities:
        if q.unit not in lexicon.NAMED_COUNT_UNITS or not q.exact or scan.in_table(q.start):
            continue
        named = _named_after(scan.text, q)
        if named is not None:
            named, repeats = _without_repeats(scan.text, named)
            out.append(named)
            unread += repeats
        parts = _breakdown(scan, q)
        if parts is not None:
            out.append(parts)
    return out, unread


def _without_repeats(text: str, rel: CountRelation) -> tuple[CountRelation, list[Unread]]:
    """The list with each name counted once: a name written again later in the list is the same
    thing named twice, noted as not counted."""
    kept: list[tuple[int, int]] = []
    repeats = []
    for a, b in rel.item_spans:
        name = _name_of(text[a:b])
        if any(_name_of(text[x:y]) == name for x, y in kept):
            repeats.append(
                Unread(start=a, end=b, reason=f"列举中“{name}”重复出现，按一项计数（{text[rel.start : rel.end]}）")
            )
        else:
            kept.append((a, b))
    return (rel.model_copy(update={"item_spans": tuple(kept)}) if repeats else rel), repeats


def _name_of(item: str) -> str:
    """A listed name as written, without the spaces a PDF line break left in it."""
    return "".join(item.split())


def _named_after(text: str, q: Quantity) -> CountRelation | None:
    if text[q.end : q.end + 1] in "（(":
        found = _parenthetical(text, q.end)
        return None if found is None else _relation(text, q, found, "named_list", "其后括号内列举的名称个数")
    strong = _STRONG.match(text, q.end)
    intro = strong or _WEAK.match(text, q.end)
    if intro is None:
        return None
    found = _items(text, intro.end())
    if found is None or _counts_of_its_own(text, q, found):
        return None
    if strong is None and found.loose:
        return None  # ，为 then a clause run on by ，: not a list
    if len(found.items) < 2:
        return None  # one "item" may as well be a clause about the things counted
    loose = found.loose or strong is None or _joined(text, found.items[-1])
    return _relation(text, q, found, "loose_list" if loose else "named_list", "其后列举的名称个数")


def _relation(text: str, q: Quantity, found: _List, wording: CountWording, what: str) -> CountRelation:
    return CountRelation(
        stated=int(q.value),
        start=q.anchor_start,
        end=q.end,
        item_spans=tuple(found.items),
        what=what,
        exhaustive=not found.cut and not _partial_end(text, found),
        stated_ids=(q.id,),
        wording=wording,
    )


def _partial_end(text: str, found: _List) -> bool:
    """The last item ends with 等: the list names some of what it counts."""
    a, b = found.items[-1]
    return text[a:b].endswith(lexicon.PARTIAL_LIST_END)


def _counts_of_its_own(text: str, q: Quantity, found: _List) -> bool:
    """An item states a count in the count's own unit (：其中A 3个、B 2个): parts, not names."""
    unit = re.compile(rf"\d\s*{re.escape(q.unit)}")
    return any(unit.search(text, a, b) for a, b in found.items)


def _joined(text: str, span: tuple[int, int]) -> bool:
    """The item holds 和/与/及: two names joined, or one name with a 和 in it — the text does not say."""
    return any(w in text[span[0] : span[1]] for w in lexicon.NAME_JOINER_WORDS)


def _top_level(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """(position, character) of the separators and ends between start and end outside brackets."""
    out, depth = [], 0
    for i in range(start, end):
        ch = text[i]
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0 and (ch in _SEPARATORS or ch in _ENDS or ch in "：:"):
            out.append((i, ch))
    return out


def _items(text: str, start: int) -> _List | None:
    """The list that opens at start, split by its first separator, to the end of its sentence;
    None when an item opens a list of its own (：) or is too long to be a name."""
    limit = min(len(text), start + 20 * MAX_ITEM)
    marks = _top_level(text, start, limit)
    end = next((i for i, ch in marks if ch in _ENDS), limit)
    if end == limit < len(text):
        return None  # no sentence end in reach: not a list
    marks = [(i, ch) for i, ch in marks if i < end]
    seps = [ch for _, ch in marks if ch not in "：:"]
    first = seps[0] if seps else ""
    loose = False
    if first and first in "；;":
        cuts = [i for i, ch in marks if ch in "；;"]
    elif first == "、":
        stop = next((i for i, ch in marks if ch in "；;"), end)
        cuts = [i for i, ch in marks if i < stop and ch in "、，,"]
        if any(ch in "，," for i, ch in marks if i < stop) and not _all_end_in_amounts(text, start, stop, cuts):
            stop = next(i for i, ch in marks if ch in "，,")  # 、 joins names; a ，ends them (…，确保…)
            cuts, loose = [i for i in cuts if i < stop], True
        end = stop
    elif first and first in "，," and _all_end_in_amounts(text, start, end, [i for i, ch in marks if ch in "，,"]):
        cuts, loose = [i for i, ch in marks if ch in "，,"], True
    elif first:
        return None  # clauses run on by ，: not a list of names
    else:
        cuts = []
    if any(ch in "：:" for i, ch in marks if i < end):
        return None  # an item opens a list of its own (a 、 list ends at its first ；, before the next one's ：)
    spans = _spans(text, start, end, cuts)
    if not spans or any(b - a > MAX_ITEM for a, b in spans):
        return None
    return _List(spans, end == len(text), loose)


def _all_end_in_amounts(text: str, start: int, end: int, cuts: list[int]) -> bool:
    """Every item ends with its amount (甲项目16.81万元、乙项目64.33万元，丙项目…): the ，s separate items too."""
    return all(_QUANTITY_END.search(text[a:b]) for a, b in _spans(text, start, end, cuts))


def _spans(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    out, cur = [], start
    for i in [*cuts, end]:
        a, b = cur, i
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
        cur = i + 1
    return out


def _parenthetical(text: str, open_at: int) -> _List | None:
    """遂溪县13宗(东坑、湖仔洋、…)水库: names joined by 、 inside the brackets right after the count
    (a name may carry brackets of its own: 城盘(pán))."""
    close = _closing(text, open_at)
    if close is None:
        return None
    inner = text[open_at + 1 : close]
    marks = _top_level(text, open_at + 1, close)
    if inner.lstrip().startswith(lexicon.PAREN_NOT_A_LIST) or any(ch != "、" for _, ch in marks):
        return None
    spans = _spans(text, open_at + 1, close, [i for i, _ in marks])
    if len(spans) < 2 or any(b - a > MAX_PAREN_ITEM or any(c.isdigit() for c in text[a:b]) for a, b in spans):
        return None
    return _List(spans, cut=False, loose=False)


def _closing(text: str, open_at: int) -> int | None:
    """Where the bracket opened at open_at closes (None: not within reach)."""
    depth = 0
    for i in range(open_at, min(len(text), open_at + 20 * MAX_PAREN_ITEM)):
        depth += (text[i] in "（(") - (text[i] in "）)")
        if depth == 0:
            return i
    return None


def _breakdown(scan: Scan, q: Quantity) -> CountRelation | None:
    """A count followed by counts of the same unit that split it (see the module doc)."""
    text = scan.text
    intro = lexicon.BREAKDOWN_INTRO.match(text[q.end : q.end + 40])
    if intro is None:
        return None
    start = q.end + intro.end()
    para_end = scan.paragraph_bounds(q.end)[1]
    later = [c for c in scan.between(start, para_end) if c.unit == q.unit and c.exact]
    if not later or not _labelled(later[0]) or text[start : later[0].anchor_start].strip():
        return None
    if lexicon.PART_HAS_LIST.match(text, later[0].end):
        parts = _sentence_parts(text, later)
        cut = para_end >= len(text) and text.rstrip()[-1:] not in lexicon.SENTENCE_CLOSERS
    elif lexicon.SUBSET_OPENER in intro.group():
        return None  # 其中 within one sentence: read by the sums (category count)
    else:
        stop = _clause_end(text, later[0].end)
        parts, cut = _clause_parts(text, later, stop), stop == len(text)
    if len(parts) < 2:
        return None
    return CountRelation(
        stated=int(q.value),
        start=q.anchor_start,
        end=q.end,
        item_spans=tuple((c.anchor_start, c.end) for c in parts),
        what=f"其后分列的{q.unit}数之和",
        exhaustive=not cut,
        stated_ids=(q.id,),
        item_ids=tuple(c.id for c in parts),
        wording="breakdown",
    )


def _labelled(c: Quantity) -> bool:
    """The part has a label naming it (右岸 1 段), not a bare number."""
    return c.anchor_start < c.start


def _at_clause_start(text: str, c: Quantity) -> bool:
    """The part's label opens a clause: right after a boundary (，右岸 1 段 / ：左岸 3 段)."""
    a = c.anchor_start
    while a > 0 and text[a - 1].isspace():
        a -= 1
    return _labelled(c) and (a == 0 or text[a - 1] in lexicon.ITEM_BOUNDARY)


def _clause_end(text: str, pos: int) -> int:
    """Where the parts that run on from pos end: the first ；, 。 or line end (the text end if none)."""
    return min((i for i in (text.find(ch, pos) for ch in "；;。\n") if i >= 0), default=len(text))


def _clause_parts(text: str, later: list[Quantity], stop: int) -> list[Quantity]:
    """Parts in one sentence, each at a clause start, up to stop (右岸 1 段，长0.98km，左岸 3 段)."""
    first = later[0]
    return [c for c in later if c.end <= stop and (c is first or _at_clause_start(text, c))]


def _sentence_parts(text: str, later: list[Quantity]) -> list[Quantity]:
    """Parts that each open a sentence and carry their own list (审批类事项1项，为…。核准类事项6项，为…)."""
    parts = [later[0]]
    for c in later[1:]:
        prev_close = text.find("。", parts[-1].end, c.anchor_start)
        if prev_close < 0:
            continue  # a count inside the previous part's own list
        if text[prev_close + 1 : c.anchor_start].strip():
            break  # a sentence that does not open with a part ends the breakdown
        parts.append(c)
    return parts
