"""Totals and their parts: "合计X，其中A、B（包括C和D；…）", implicit splits "共N人，死亡4人，2人…",
and carry-overs (上年结转/年末结转) that turn an income/expenditure list into a balance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from review.core.claims import BalanceRelation, Quantity, SumCategory, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import MAX_SENTENCE, Scan
from review.extract.rules.sum_after import extract_totals_after
from review.extract.rules.sum_headings import extract_heading_sums, extract_introduced_sums

_TOP_MARKER = lexicon.LIST_OPENER
_SUB_MARKER = lexicon.NESTED_LIST_OPENER
_GAP_OK = re.compile(r"^[\s，,。：:；;]*$")
MAX_ITEM_GAP = 40


def category_of(total: Quantity) -> SumCategory:
    """count for headcounts and numbers of things, score for points, sum for amounts."""
    return lexicon.sum_category(total.unit, total.label)


@dataclass
class _Item:
    group: list[Quantity]
    children: list[_Item] = field(default_factory=list)
    partial_children: bool = False


def extract_sums(scan: Scan) -> tuple[list[SumRelation], list[BalanceRelation]]:
    sums: list[SumRelation] = []
    carries: list[tuple[Quantity, Quantity]] = []
    seen_totals: set[str] = set()
    for m in _TOP_MARKER.finditer(scan.text):
        totals = _total_before(scan, m.start())
        if not totals or any(t.id in seen_totals for t in totals):
            continue
        end = _list_end(scan.text, m.end(), semicolon=not _runs_past_semicolon(m))
        in_paren = scan.text[max(0, m.start() - 1) : m.start()] in ("（", "(")
        items, partial = _parse_items(scan, m.end(), end, in_paren=in_paren, total=totals[-1])
        carry = [it for it in items if lexicon.CARRYOVER.search(it.group[0].label)]
        flows = [it for it in items if it not in carry]
        carries.extend((totals[-1], c.group[0]) for c in carry)
        seen_totals.update(q.id for it in items for q in it.group)
        for t in totals:
            seen_totals.add(t.id)
            partial_list = partial or lexicon.is_partial_opener(m.group("opener"))
            sums.extend(_relations(t, flows, partial_list or len(flows) == 1, nested=False))
        nested = _nested(flows)
        seen_totals.update(r.total for r in nested)
        sums.extend(nested)
    sums.extend(_implicit(scan, seen_totals))
    sums.extend(extract_introduced_sums(scan, seen_totals))
    sums.extend(extract_heading_sums(scan))
    sums.extend(extract_totals_after(scan))
    return sums, _balances(carries)


def _runs_past_semicolon(m: re.Match[str]) -> bool:
    """其中…；… and 具体是:A;B;C。: the list's items are separated by ；, and it ends with its sentence."""
    return m.group("opener") in lexicon.LIST_PAST_SEMICOLON or m.group().endswith(lexicon.LIST_COLON)


MAX_TOTAL_GAP = 40  # "6800万元进行了合理分解，已全部分解到位，其中…": a short clause may sit between


def _total_before(scan: Scan, pos: int) -> list[Quantity]:
    """The total a 其中 list belongs to: the last amount before it, skipping stated rates
    (实际执行X万元，执行率88.74%。其中…) and one short clause without numbers."""
    last = scan.before(pos)
    while last is not None and last.unit in ("%", "个百分点") and pos - last.end <= 2 * MAX_TOTAL_GAP:
        last = scan.before(last.start)
    if last is None or not _gap_ok(scan.text[last.end : pos], scan, last.end, pos):
        return []
    if scan.text[:pos].rstrip().endswith(lexicon.SENTENCE_ENDS):  # a 其中 opening its own sentence
        last = _changed_value(scan, last, pos) or last
    if last.unit in ("%", "个百分点") or lexicon.SUM_DELTA.search(last.label):
        return []
    group = [last]
    prev = scan.before(last.start)
    if prev and prev.family != last.family and not scan.text[prev.end : last.start].strip():
        group.insert(0, prev)
    head = group[0]
    marked = lexicon.SUM_TOTAL_WORD.search(scan.text[max(0, head.start - 4) : head.start])
    if len(head.label) < 2 and not marked:
        return []
    return group


def _changed_value(scan: Scan, change: Quantity, opener: int) -> Quantity | None:
    """The value a change is stated of, when the change follows it directly (收入:792.22万元。同比上年度
    增加189.25万元,增加31.39%。其中… ; 收入合计6567.06万元,较上年决算数减少710.50万元,…。其中…): a 其中
    that opens its own sentence after the change lists the parts of that value, not of the change, when
    its first part is named as a kind of the value (收入 → 财政拨款收入)."""
    if not lexicon.CHANGE_AMOUNT_LABEL.search(change.label) or change.label_start < 0:
        return None
    value = scan.before(change.start)
    if value is None or not value.exact or not _addable(value, change) or len(value.label) < 2:
        return None
    first = next(iter(scan.between(opener, opener + MAX_ITEM_GAP)), None)
    if first is None or not first.label.endswith(value.label[-2:]):
        return None
    return value if _GAP_OK.match(scan.text[value.end : change.label_start]) else None


def _gap_ok(gap: str, scan: Scan, start: int, end: int) -> bool:
    if _GAP_OK.match(gap):
        return True
    if lexicon.SECTION_BREAK.search(gap):
        return False
    others = [q for q in scan.between(start, end) if q.unit not in ("%", "个百分点")]
    return not others and len(gap) <= MAX_TOTAL_GAP * 2 and gap.count("。") <= 1 and "\n" not in gap.strip()


def _list_end(text: str, pos: int, *, semicolon: bool = False) -> int:
    stops = ("。", "\n", "；", ";") if semicolon else ("。", "\n")
    limit = min(len(text), pos + MAX_SENTENCE)
    ends = [i for i in (text.find(s, pos, limit) for s in stops) if i >= 0]
    return min(ends) if ends else limit


def _events(scan: Scan, start: int, end: int) -> list[tuple[int, str, object]]:
    events: list[tuple[int, str, object]] = [(q.start, "q", q) for q in scan.between(start, end)]
    for m in _SUB_MARKER.finditer(scan.text, start, end):
        events.append((m.start(), "sub", m.group()))
    for i in range(start, end):
        ch = scan.text[i]
        if ch in "（(":
            events.append((i, "open", ch))
        elif ch in "）)":
            events.append((i, "close", ch))
        elif ch in "；;":
            events.append((i, "semi", ch))
    events.sort(key=lambda e: e[0])
    return events


def _restated_total(text: str, q: Quantity) -> bool:
    """The clause of `q` opens with a total word: 共计下达61.8万元, 合计批复总投资6222.4万元."""
    clause = re.split(r"[，,；;、:：]", text[max(0, q.start - 16) : q.start])[-1]
    return bool(lexicon.RESTATED_TOTAL.match(clause))


def _dated_after_undated(q: Quantity, before: list[Quantity]) -> bool:
    """A part led by a year after parts that are not (其中A30.9万元,B30.9万元,2021年度中央下达资金61.8万元;
    上年结转结余资金2万元,2021年中央下达…3万元): the year opens a new statement, and the list has ended."""
    return (
        bool(before)
        and bool(lexicon.YEAR_LED_CLAUSE.match(q.label))
        and not any(lexicon.YEAR_LED_CLAUSE.match(p.label) for p in before)
    )


def _until_dated(window: list[Quantity]) -> list[Quantity]:
    for i, q in enumerate(window):
        if _dated_after_undated(q, window[:i]):
            return window[:i]
    return window


def _parse_items(
    scan: Scan, start: int, end: int, *, in_paren: bool = False, total: Quantity | None = None
) -> tuple[list[_Item], bool]:
    """Items of a 其中 list, with one level of nesting (包括…；, 主要是…, parentheses).

    The list ends where its total is stated again (…，共计下达61.8万元), where a clause after ；
    leads with another measure than its items (…0.617km；干流堤防工程1段，长0.23km), and a list
    opened inside parentheses ("3374.3万元（其中建筑工程3292万元），二批…") ends at their close."""
    top: list[_Item] = []
    parent: _Item | None = None
    depth_paren = False
    last: Quantity | None = None
    clause_start = False
    for _pos, kind, obj in _events(scan, start, end):
        if kind == "q":
            q = obj
            assert isinstance(q, Quantity)
            if clause_start and total is not None and _other_measure_leads(q, top, total):
                break  # a new statement about other things (1段, 4座), not a further part
            clause_start = False
            if _list_ended(scan, q, last.end if last else start, top if parent is None else []):
                break
            if last and q.family != last.family and not scan.text[last.end : q.start].strip():
                (parent.children[-1] if parent and parent.children else top[-1]).group.append(q)
            elif parent is None and lexicon.PART_PREDICATE_START.match(q.label):
                break
            elif parent is not None:
                parent.children.append(_Item([q]))
            else:
                top.append(_Item([q]))
            last = q
        elif kind in ("sub", "open") and top and parent is None:
            parent = top[-1]
            depth_paren = kind == "open"
        elif kind == "close" and in_paren and parent is None:
            break  # the parentheses the list was opened in are closed
        elif (kind == "close" and depth_paren) or (kind == "semi" and parent and not depth_paren):
            parent, depth_paren = None, False
            clause_start = kind == "semi"
        elif kind == "semi" and not depth_paren:
            clause_start = True
    else:
        if _cut_off(scan.text, end):
            return top, True  # the text ends inside the list (…全额事业编45个、差额): more items were not read
    partial = bool(re.search(rf"{lexicon.PARTIAL_LIST_END}[。；;，,]?\s*$", scan.text[start:end].rstrip("。")))
    return top, partial


def _list_ended(scan: Scan, q: Quantity, after: int, top: list[_Item]) -> bool:
    """Whether the list has ended before `q` (`top`: its items so far, empty inside a nested list)."""
    gap = scan.text[after : q.label_start if q.label_start >= 0 else q.start]
    if len(gap) > MAX_ITEM_GAP or lexicon.SECTION_BREAK.search(gap):
        return True  # a long stretch of prose or a new section
    if lexicon.SUM_DELTA.search(q.label):
        return True  # 调减40万元 / 同比增加…: the breakdown has ended
    if top and _restated_total(scan.text, q):
        return True  # 共计下达61.8万元: the total said again, not a part
    # …30.9万元,2021年度中央下达资金61.8万元: a new, dated statement
    return bool(top) and _dated_after_undated(q, [it.group[0] for it in top])


def _other_measure_leads(q: Quantity, top: list[_Item], total: Quantity) -> bool:
    """The first number of a clause after ； is of another measure than the total, while the items
    so far led with the total's measure: the clause is about other things."""
    return bool(top) and not _addable(q, total) and all(_addable(it.group[0], total) for it in top)


def _cut_off(text: str, end: int) -> bool:
    """The list runs to the end of the text and no sentence end closes it: an excerpt cut mid-list."""
    return not text[end:].strip() and not text[:end].rstrip().endswith(lexicon.SENTENCE_ENDS)


def _relations(total: Quantity, items: list[_Item], partial: bool, nested: bool) -> list[SumRelation]:
    parts = [q for it in items for q in it.group if q.unit == total.unit or q.family == total.family == "money"]
    if not parts or not total.exact or sum(1 for q in parts if lexicon.INDICATOR_LEVEL.search(q.label)) >= 2:
        return []  # 一级指标3个，二级指标9个，三级指标12个: levels of one tree, not parts
    return [
        SumRelation(
            total=total.id,
            items=tuple(q.id for q in parts),
            exhaustive=not partial
            and len(parts) > 1
            and lexicon.staff_parts_cover(total.label, [q.label for q in parts]),
            category=category_of(total),
            basis="其中·嵌套" if nested else "其中",
        )
    ]


def _nested(items: list[_Item]) -> list[SumRelation]:
    out: list[SumRelation] = []
    for it in items:
        if it.children:
            for head in it.group:
                out.extend(_relations(head, it.children, len(it.children) == 1, nested=True))
    return out


def _balances(carries: list[tuple[Quantity, Quantity]]) -> list[BalanceRelation]:
    """上年结转 listed under 收入 and 年末结转 listed under 支出 close a balance."""
    openings = [(t, c) for t, c in carries if lexicon.OPENING_PERIOD.search(c.label) and lexicon.INCOME_WORD in t.label]
    closings = [(t, c) for t, c in carries if lexicon.CLOSING_PERIOD.search(c.label) and lexicon.SPENT_WORD in t.label]
    out = []
    for (income, opening), (spent, closing) in zip(openings, closings, strict=False):
        if all(q.exact for q in (income, opening, spent, closing)):
            out.append(
                BalanceRelation(opening=opening.id, inflows=(income.id,), outflows=(spent.id,), closing=closing.id)
            )
    return out


def _implicit(scan: Scan, seen: set[str]) -> list[SumRelation]:
    """ "我乡涉毒人员25人，死亡4人，2人羁押服刑…": a total followed by its parts in one sentence.

    Emitted as read, whether or not the parts add up. `marked` when the wording says they are
    parts: the total is marked (共计/总…) or most parts are written number-first (2人羁押服刑);
    otherwise only their position does, and the check gives a mismatch low severity.
    """
    out: list[SumRelation] = []
    for t in scan.quantities:
        if t.id in seen or not _may_total(scan, t):
            continue
        found = _implicit_parts(scan, t)
        if found is None:
            continue
        parts, marked = found
        out.append(
            SumRelation(
                total=t.id, items=tuple(q.id for q in parts), category=category_of(t), basis="implicit", marked=marked
            )
        )
        seen.update(q.id for q in parts)
    return out


def _may_total(scan: Scan, t: Quantity) -> bool:
    """A labeled exact amount or count in prose, followed by a clause break: what may head a split."""
    text = scan.text
    if not t.exact or scan.in_table(t.start) or len(t.label) < 2 or lexicon.SUM_DELTA.search(t.label):
        return False  # a number written first (174台拼接屏) or a change (同比增加) is not a total
    if lexicon.RESPECTIVELY in t.label or text[t.end : t.end + 1] not in "，,；;：:（(":
        return False  # 分别…A、B, or 174台拼接屏、30台…: not a total followed by its parts
    return t.family not in ("percent", "分", "%") and t.unit not in ("分", "个百分点")


def _implicit_parts(scan: Scan, t: Quantity) -> tuple[list[Quantity], bool] | None:
    """The parts that follow `t` in its sentence (up to a nested 其中), and whether the wording marks them.

    Unmarked, the wording must still read as one total and its parts: `t` heads its clauses (not
    an item of a 分别 list, not a thing done among others), the parts stay in its clause run (no
    ；, no new section) and are not records of their own (人次 and 元 in turn) or totals themselves."""
    text = scan.text
    end = _list_end(text, t.end)
    stop = _SUB_MARKER.search(text, t.end, end)
    window = _until_dated(scan.between(t.end, stop.start() if stop else end))
    same = _addable_parts(t, window)
    direct = _stated_whole(text, t) and not any(_stated_whole(text, q) for q in same)
    if len(same) < 2 or (_siblings(t, same) and not direct) or _other_flow(t, same):
        return None
    if _marked(scan, t, window, same):
        return same, True
    if lexicon.ACTION_LABEL.match(t.label) or lexicon.RESPECTIVELY in text[scan.sentence_bounds(t.start)[0] : t.start]:
        return None
    window = [q for q in window if not _RUN_BREAK.search(text, t.end, q.start)]
    same = _addable_parts(t, window)
    if len(same) < 2 or _interleaved(t, window, same) or _peer_groups(t, same) or _years_flows(text, t, same):
        return None
    return same, direct


def _stated_whole(text: str, q: Quantity) -> bool:
    """A total word just before the number (就业补助资金共33832.24万元,中央资金…,自治区资金…): the amount
    is said to be the whole, so parts named like it (…资金) are still its parts."""
    return bool(lexicon.TOTAL_JUST_BEFORE.search(text[max(q.label_start, q.start - 6) : q.start]))


_RUN_BREAK = re.compile(rf"[；;]|{lexicon.SECTION_BREAK.pattern}")


def _addable_parts(t: Quantity, window: list[Quantity]) -> list[Quantity]:
    return [q for q in window if _addable(q, t) and q.exact and not lexicon.SUM_DELTA.search(q.label)]


def _contiguous(window: list[Quantity], same: list[Quantity]) -> bool:
    return same == window[: len(same)]


def _interleaved(t: Quantity, window: list[Quantity], same: list[Quantity]) -> bool:
    """Parts with numbers of another measure between them (33人，发放资金27.28万元，166人…)."""
    return not _contiguous(window, same) and not any(
        q.family == t.family and not _addable(q, t) for q in window if q.start < same[-1].start
    )


def _marked(scan: Scan, t: Quantity, window: list[Quantity], same: list[Quantity]) -> bool:
    """The wording says these are parts: a marked total (共计/总…) or parts written number-first
    (2人羁押服刑), with nothing between them; or parts interleaved under a 总 total."""
    text = scan.text
    number_first = sum(1 for q in same if q.label_start >= q.start or not q.label)
    total_word = bool(lexicon.SUM_TOTAL_WORD.search(t.label)) or bool(
        lexicon.SUM_TOTAL_WORD.search(text[max(0, t.start - 3) : t.start])
    )
    if _contiguous(window, same):
        return total_word or number_first * 2 > len(same)
    return _interleaved(t, window, same) and lexicon.TOTAL_CHAR in t.label


def _peer_groups(t: Quantity, parts: list[Quantity]) -> bool:
    """Unmarked numbers that do not read as parts of `t`: one is a total of its own (总体执行…), or
    all are named alike and `t` otherwise (退休职工85人，差额拨款事业编制3815人，全额拨款事业编制45人)."""
    if any(lexicon.SUM_TOTAL_WORD.search(q.label) for q in parts):
        return True
    tails = {q.label[-2:] for q in parts}
    return len(tails) == 1 and len(next(iter(tails))) == 2 and not t.label.endswith(next(iter(tails)))


def _years_flows(text: str, t: Quantity, parts: list[Quantity]) -> bool:
    """A carry-over followed by this year's flows (年初结转和结余10万元,本年收入合计100万元…;
    上年结转结余资金2万元,本年度收到…1.5万元): a balance statement, not a total and its parts."""
    return bool(lexicon.CARRYOVER.search(t.label)) and bool(lexicon.THIS_YEAR.search(text, t.end, parts[-1].start))


def _siblings(t: Quantity, parts: list[Quantity]) -> bool:
    """小学生140人；初中生96人；高中生42人: parallel groups named alike are not a total and its parts."""
    tail = t.label[-1:]
    return bool(tail) and sum(1 for q in parts if q.label.endswith(tail)) * 2 >= len(parts)


def _other_flow(t: Quantity, parts: list[Quantity]) -> bool:
    """收入合计100万元，支出合计90万元，年末结余20万元: income is not made of spending or balances."""
    if lexicon.INCOME_WORD in t.label:
        return any(lexicon.NOT_INCOME_PART.search(q.label) for q in parts)
    if lexicon.SPENT_WORD in t.label:
        return any(lexicon.NOT_SPENT_PART.search(q.label) for q in parts)
    return False


def _addable(q: Quantity, t: Quantity) -> bool:
    """Amounts add across 元/万元/亿元; other measures only in the same unit."""
    return q.family == t.family == "money" or q.unit == t.unit
