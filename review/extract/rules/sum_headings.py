"""Headings over their items: "（1）基本支出1404.18万元。" followed by lines that each open with their
own amount, until the next heading of the same numbering."""

from __future__ import annotations

import re

from review.core.claims import Quantity, SumRelation
from review.core.numbers import PERCENT_UNITS, chinese_numeral
from review.extract import lexicon
from review.extract.rules.label_lines import line_spans, text_lines
from review.extract.rules.scan import Scan

_HEAD_MARK = lexicon.HEADING_MARK
_HEAD_LINE = re.compile(rf"^\s*(?P<mark>{_HEAD_MARK})?\s*[\u4e00-\u9fa5、（）()]{{2,24}}\s*$")
_CHILD_LINE = re.compile(rf"^\s*{_HEAD_MARK}?\s*[\u4e00-\u9fa5、（）()]{{2,24}}\s*$")


def extract_heading_sums(scan: Scan) -> list[SumRelation]:
    """ "（1）基本支出1404.18万元。" followed by lines that each open with their own amount
    ("工资福利支出1047.86万元。其中…") until the next heading: the heading is their total."""
    out: list[SumRelation] = []
    lines = line_spans(scan.text)
    for i, (a, b) in enumerate(lines):
        head = _lead_amount(scan, a, b, whole_line=True)
        if head is None:
            continue
        items = []
        for c, d in lines[i + 1 :]:
            if not scan.text[c:d].strip():
                continue
            lead = _lead_amount(scan, c, d, whole_line=False)
            if lead is None or lead.unit != head.unit or _is_sibling(scan.text[a:b], scan.text[c:d]):
                break
            items.append(lead)
        if len(items) >= 2:
            out.append(
                SumRelation(
                    total=head.id,
                    items=tuple(q.id for q in items),
                    category=lexicon.sum_category(head.unit, head.label),
                    basis="标题·分项",
                )
            )
    return out


def extract_numbered_after_total(scan: Scan, totals: set[str]) -> list[SumRelation]:
    """A line ending with its amount (年度预算资金100万元。) followed by lines numbered from 1, each opening
    with its own amount (1.中央资金60万元，用于道路建设。⏎2.县级资金40万元，…): the lines are its parts.
    Unmarked unless the total is stated as one (合计/共计…); `totals` are the amounts already summed or
    listed as 其中 parts, which head no such lines."""
    out: list[SumRelation] = []
    lines = text_lines(scan.text)
    for i, (a, b) in enumerate(lines):
        total = _line_total(scan, a, b)
        if total is None or total.id in totals:
            continue
        below = lines[i + 1 :]
        parts = _numbered_lines(scan, below, total)
        if len(parts) < 2 and below and _stated_as_total(scan, total):
            heading = _section_heading(scan, *below[0])
            parts = _numbered_lines(scan, below[1:], total, heading=heading) if heading else []
        if len(parts) >= 2:
            totals.add(total.id)
            out.append(
                SumRelation(
                    total=total.id,
                    items=tuple(q.id for q in parts),
                    category=lexicon.sum_category(total.unit, total.label),
                    basis="标题·分项",
                    marked=_stated_as_total(scan, total),
                )
            )
    return out


def _line_total(scan: Scan, a: int, b: int) -> Quantity | None:
    """The amount a line ends with (nothing but a full stop after it), named, exact, not a change."""
    qs = scan.between(a, b)
    if not qs or scan.in_table(qs[-1].start):
        return None
    last = qs[-1]
    if last.family != "money" or not last.exact or len(last.label) < 2 or lexicon.SUM_DELTA.search(last.label):
        return None
    return last if not scan.text[last.end : b].strip(" 。.") else None


def _section_heading(scan: Scan, a: int, b: int) -> str | None:
    """The shape of a heading line between a section's closing total and the numbered paragraphs of the
    next (…总支出221万元。⏎二、本级体育彩票公益金使用情况⏎（一）…198万元…): numbered, short, no amount."""
    line = scan.text[a:b]
    mark = lexicon.PART_ITEM_MARK.match(line)
    if mark is None or scan.between(a, b) or len(line.strip()) > MAX_HEADING or _SENTENCE_STOP.search(line):
        return None
    return _mark_shape(mark.group().strip())


MAX_HEADING = 40
_SENTENCE_STOP = re.compile(r"[。；;]")


def _numbered_lines(
    scan: Scan, lines: list[tuple[int, int]], total: Quantity, heading: str | None = None
) -> list[Quantity]:
    """The leading amounts of the lines numbered 1, 2, 3 … (one numbering, not the `heading`'s) right
    after the total's line. An item's own list below it, numbered anew from 1 in another shape (（一）…
    198万元，…其中:⏎1.…151万元;⏎2.…9万元;⏎（二）…), tells more of that item and is passed over."""
    parts: list[Quantity] = []
    shape: str | None = None
    nested: int | None = None  # the next number of the current item's own list
    for c, d in lines:
        mark = lexicon.PART_ITEM_MARK.match(scan.text[c:d])
        item_shape = _mark_shape(mark.group().strip()) if mark else None
        if shape is not None and item_shape not in (None, shape, heading) and _mark_number(mark) == (nested or 1):
            nested = (nested or 1) + 1
            continue
        nested = None
        if mark is None or _mark_number(mark) != len(parts) + 1 or item_shape == heading:
            break
        if shape is not None and item_shape != shape:
            break
        lead = _lead_amount(scan, c, d, whole_line=False)
        if lead is None or not _addable(lead, total) or lexicon.SUM_DELTA.search(lead.label):
            break
        shape = _mark_shape(mark.group().strip())
        parts.append(lead)
    return parts


def _lead_amount(scan: Scan, a: int, b: int, *, whole_line: bool) -> Quantity | None:
    qs = scan.between(a, b)
    if not qs or qs[0].family != "money" or not qs[0].exact:
        return None
    first = qs[0]
    before, after = scan.text[a : first.start], scan.text[first.end : b]
    pattern = _HEAD_LINE if whole_line else _CHILD_LINE
    if not pattern.match(before):
        return None
    if whole_line and (len(qs) > 1 or after.strip(" 。.") or not re.match(rf"^\s*{_HEAD_MARK}", before)):
        return None
    return first


def _is_sibling(head: str, line: str) -> bool:
    """A line numbered like the heading ends its children: （1）… then （2）…"""
    m1 = re.match(rf"^\s*({_HEAD_MARK})", head)
    m2 = re.match(rf"^\s*({_HEAD_MARK})", line)
    if not m1 or not m2:
        return False
    shape = lambda s: re.sub(r"\d+|[一二三四五六七八九十]+", "N", s)  # noqa: E731
    return shape(m1.group(1)) == shape(m2.group(1))


def extract_introduced_sums(scan: Scan, seen: set[str]) -> list[SumRelation]:
    """A total followed by a clause introducing its parts (合计13,804万元。各批次…下达情况如下: ;
    实际到位资金613万元,补助情况:(1)…3万元和10万元。(2)援宁经费50万元。…): the parts are the amounts of
    the sentences after the colon — numbered items (any number of amounts each), or parallel sentences
    of one amount each whose labels end alike — until a sentence that is neither. Emitted as read;
    `marked` when the total is stated as one (合计/共计/总…), else low."""
    out: list[SumRelation] = []
    for m in lexicon.PARTS_INTRO.finditer(scan.text):
        total = _introduced_total(scan, m.start(), past_rates=m.group().startswith(lexicon.PARTS_OPENER))
        if total is None or total.id in seen:
            continue
        relation = _introduced_relation(scan, total, m.end())
        if relation is not None:
            seen.add(total.id)
            out.append(relation)
    return out


def extract_listed_sums(scan: Scan, totals: set[str]) -> list[SumRelation]:
    """A total whose next clause names it again and lists its parts (区直文博系统12774.00万元。区直文博系统
    项目有:一是布达拉宫管理处,下达预算资金9378万元。…二是西藏博物馆,下达预算资金5009万元): the total may
    itself be a part of a list before it; `totals` are the amounts already read as totals."""
    out: list[SumRelation] = []
    for m in lexicon.LISTED_INTRO.finditer(scan.text):
        total = _introduced_total(scan, m.start())
        if total is None or total.id in totals or not _names_again(scan, total, m.start()):
            continue
        relation = _introduced_relation(scan, total, m.end())
        if relation is not None:
            totals.add(total.id)
            out.append(relation)
    return out


def _names_again(scan: Scan, total: Quantity, pos: int) -> bool:
    """The introducing clause opens with the total's own label (区直文博系统… → 区直文博系统项目有:)."""
    clause = scan.text[scan.sentence_bounds(pos)[0] : pos].lstrip(" ，,。；;")
    return len(total.label) >= 2 and clause.startswith(total.label) and total.end <= scan.sentence_bounds(pos)[0]


def _introduced_relation(scan: Scan, total: Quantity, pos: int) -> SumRelation | None:
    parts = _introduced_parts(scan, pos, total)
    if len(parts) < 2:
        return None
    return SumRelation(
        total=total.id,
        items=tuple(q.id for q in parts),
        exhaustive=not _open_ended(scan.text, parts),
        category=lexicon.sum_category(total.unit, total.label),
        basis="如下·分项",
        marked=_stated_as_total(scan, total),
    )


MAX_INTRO_GAP = 40


def _introduced_total(scan: Scan, pos: int, *, past_rates: bool = False) -> Quantity | None:
    """The amount just before the introducing clause: in its sentence, or ending the sentence before
    when the introducing sentence states no amount of its own. A numbered 其中 list (`past_rates`) finds
    its total as the 其中 reader does, past the rates stated of it (…198万元,占总数的89.59%。其中:⏎1.…)."""
    total = scan.before_rates(pos, 2 * MAX_INTRO_GAP) if past_rates else scan.before(pos)
    if total is None or scan.in_table(total.start) or not total.exact:
        return None
    if any(q.unit not in PERCENT_UNITS for q in scan.between(total.end, pos)):
        return None
    if total.unit in ("%", "个百分点", "分") or lexicon.SUM_DELTA.search(total.label):
        return None
    gap = lexicon.PAGE_NUMBER_LINE.sub("", scan.text[total.end : pos])
    if len(gap) > MAX_INTRO_GAP or "\n" in gap or gap.count("。") > 1 or lexicon.SECTION_BREAK.search(gap):
        return None
    return total


def _introduced_parts(scan: Scan, pos: int, total: Quantity) -> list[Quantity]:
    """The amounts of the sentences after an introducing clause. In a numbered list, an unnumbered
    sentence in the same paragraph as its item tells more of that item (…9378万元。具体是:…3005万元;…) and
    is not a part; the next part is the next number."""
    text, parts = scan.text, list[Quantity]()
    shape: str | None = None
    number: int | None = None
    while pos < len(text):
        start = pos
        while pos < len(text) and text[pos].isspace():
            pos += 1
        end = scan.sentence_bounds(pos)[1]
        mark = lexicon.PART_ITEM_MARK.match(text[pos:end])
        item_shape = _mark_shape(mark.group().strip()) if mark else ""
        if shape and not item_shape and "\n" not in text[start:pos]:
            pos = end + 1
            continue  # an item's own details
        if shape is not None and (item_shape != shape or (shape and not _follows(number, mark))):
            break  # another numbering (（1） then 2.), numbered items then prose, or a list started anew
        amounts = [q for q in scan.between(pos, _own_end(scan, pos, end) if item_shape else end) if _addable(q, total)]
        if not amounts or any(not q.exact or lexicon.SUM_DELTA.search(q.label) for q in amounts):
            break
        if not item_shape and (len(amounts) != 1 or (parts and amounts[0].label[-2:] != parts[0].label[-2:])):
            break  # unnumbered: parallel sentences of one amount each
        if not _joined(text, amounts):
            break  # (1)预算30万元,实际支出28万元: a statement about one part, not several parts
        shape, number = item_shape, _mark_number(mark)
        parts.extend(amounts)
        pos = end + 1
    return parts


def _own_end(scan: Scan, pos: int, end: int) -> int:
    """Where a numbered item's own amounts end: at a list of its parts (②…补助623.96万元，其中生活补助49万元…)."""
    first = next(iter(scan.between(pos, end)), None)
    nested = lexicon.NESTED_LIST_OPENER.search(scan.text, first.end, end) if first else None
    return nested.start() if nested else end


def _mark_number(mark: re.Match[str] | None) -> int | None:
    """The number of an item mark: (2) → 2, 二是 → 2, ③ → 3."""
    if mark is None:
        return None
    body = lexicon.ITEM_MARK_DRESS.sub("", mark.group())
    if len(body) == 1 and lexicon.CIRCLED_FIRST <= body <= lexicon.CIRCLED_LAST:
        return ord(body) - ord(lexicon.CIRCLED_FIRST) + 1
    if body.isascii() and body.isdigit():
        return int(body)
    return chinese_numeral(body)


def _follows(number: int | None, mark: re.Match[str] | None) -> bool:
    """The next item's number is the one after the last (an unreadable number is not checked)."""
    nxt = _mark_number(mark)
    return number is None or nxt is None or nxt == number + 1


def _open_ended(text: str, parts: list[Quantity]) -> bool:
    """(3)培训费5万元等。: the parts read are some of the total's, not all."""
    return lexicon.PARTIAL_LIST_END in text[parts[-1].end : parts[-1].end + 2]


def _joined(text: str, amounts: list[Quantity]) -> bool:
    """Several amounts of one item are parts only as one list: 分别为3万元和10万元, 5万元、8万元."""
    return all(lexicon.PART_JOINER.fullmatch(text[a.end : b.start]) for a, b in zip(amounts, amounts[1:], strict=False))


def _mark_shape(mark: str) -> str:
    return lexicon.MARK_NUMBER.sub("N", mark)


def _stated_as_total(scan: Scan, q: Quantity) -> bool:
    before = scan.text[max(0, q.start - 4) : q.start]
    return bool(lexicon.SUM_TOTAL_WORD.search(q.label) or lexicon.TOTAL_JUST_BEFORE.search(before))


def _addable(q: Quantity, t: Quantity) -> bool:
    return q.family == t.family == "money" or q.unit == t.unit
