"""Totals and their parts: "合计X，其中A、B（包括C和D；…）", and carry-overs (上年结转/年末结转) that turn
an income/expenditure list into a balance; then the other prose readers of totals: implicit splits
"共N人，死亡4人，2人…" (sum_implicit.py), parts after an introducing clause or under a heading
(sum_headings.py), totals after their parts (sum_after.py) and parts after a colon (sum_colon.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from review.core.claims import BalanceRelation, Quantity, Readings, SumCategory, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import Scan
from review.extract.rules.sum_after import extract_totals_after
from review.extract.rules.sum_colon import extract_colon_sums
from review.extract.rules.sum_headings import (
    extract_heading_sums,
    extract_introduced_sums,
    extract_listed_sums,
    extract_numbered_after_total,
)
from review.extract.rules.sum_implicit import addable, dated_after_undated, extract_implicit_sums, list_end
from review.extract.rules.sum_named import extract_named_parts

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


def extract_sums(scan: Scan) -> tuple[list[SumRelation], list[BalanceRelation], list[Readings]]:
    sums: list[SumRelation] = []
    readings: list[Readings] = []
    carries: list[tuple[Quantity, Quantity]] = []
    seen_totals: set[str] = set()
    for m in _TOP_MARKER.finditer(scan.text):
        if lexicon.NUMBERED_AFTER_OPENER.match(scan.text, m.end()):
            continue  # 其中：1.…；2.…: numbered parts, read by extract_introduced_sums
        totals = _total_before(scan, m.start())
        if not totals or any(t.id in seen_totals for t in totals):
            continue
        end = list_end(scan.text, m.end(), semicolon=not _runs_past_semicolon(m))
        in_paren = scan.text[max(0, m.start() - 1) : m.start()] in ("（", "(")
        seen_totals.update(t.id for t in totals)
        for start, stop in _breakdowns(scan.text, m.end(), end):
            items, partial = _parse_items(scan, start, stop, in_paren=in_paren, total=totals[-1])
            carry = _carried(scan.text, items, totals[-1])
            flows = [it for it in items if it not in carry]
            carries.extend((totals[-1], c.group[0]) for c in carry)
            seen_totals.update(q.id for it in items for q in it.group)
            for t in totals:
                partial_list = partial or lexicon.is_partial_opener(m.group("opener")) or _fewer_parts(t, totals, flows)
                if carry and t is totals[-1] and not partial_list:
                    readings.extend(_carryover_readings(t, flows, items))
                    continue
                sums.extend(_relations(t, flows, partial_list or len(flows) == 1, nested=False))
            nested = _nested(flows)
            seen_totals.update(r.total for r in nested)
            sums.extend(nested)
    sums.extend(extract_implicit_sums(scan, seen_totals))
    sums.extend(extract_introduced_sums(scan, seen_totals))
    sums.extend(extract_named_parts(scan, seen_totals))
    sums.extend(extract_listed_sums(scan, {r.total for r in sums}))
    sums.extend(extract_heading_sums(scan))
    # an amount listed as a 其中 part (…其中:基本支出2956.36万元,项目支出2604.1万元。) ends its line as a part, not as
    # the total of the numbered lines after it (1.基本支出… 2.项目支出…: that list's parts again)
    listed = {i for r in sums if r.basis in ("其中", "其中·嵌套") for i in r.items}
    sums.extend(extract_numbered_after_total(scan, {r.total for r in sums} | listed))
    sums.extend(extract_totals_after(scan))
    sums.extend(extract_colon_sums(scan, {r.total for r in sums}))
    return sums, _balances(carries), readings


def _carried(text: str, items: list[_Item], total: Quantity) -> list[_Item]:
    """The carry-overs (上年结转, 年末结转) of an income or spending total's list: they turn it into a balance
    (收入4286.67万元。其中：…上年结转865.18万元), and are no part of it — unless the total is the grand total that
    takes them in (收入总计, 总收入: 本年收入 + 上年结转, as a 决算 states it). Under a total that is neither
    (年度资金总额, 项目资金, 预算), 上年结转 is a source of the total like the others, counted even when 0."""
    if lexicon.INCOME_WORD not in total.label and lexicon.SPENT_WORD not in total.label:
        return []
    if lexicon.GRAND_TOTAL_LABEL.search(total.label + text[max(0, total.start - 3) : total.start]):
        return []  # 政府性基金收入总计3319万元,其中本级收入…,上年结余1885万元: the 总计 takes the carry-over in
    return [it for it in items if lexicon.CARRYOVER.search(it.group[0].label)]


def _carryover_readings(total: Quantity, flows: list[_Item], items: list[_Item]) -> list[Readings]:
    """An income or spending total whose 其中 list names a carry-over: the total is the flows without it
    (收入4286.67万元。其中：财政拨款3286.6万元，其他收入1000.07万元，上年结转865.18万元) or with it (全年实际收入
    1699.12万元,其中财政拨款收入1435.22万元,上年结转结余263.90万元) — reports write both, so both readings are
    claimed, the list whole either way."""
    without, with_it = _parts_of(total, flows), _parts_of(total, items)
    if not without or not total.exact:
        return []
    alternatives = tuple(
        (SumRelation(total=total.id, items=tuple(q.id for q in parts), category=category_of(total), basis="其中"),)
        for parts in (without, with_it)
    )
    end = max(q.end for q in with_it)
    what = total.label
    return [Readings(start=total.anchor_start, end=end, what=what, alternatives=alternatives, ambiguity="carryover")]


def _breakdowns(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of a 其中 list's breakdowns: 其中基本支出…，项目支出…；按经济分类，工资福利支出…，商品和服务支出…
    states the total twice over, each breakdown adding up to it on its own."""
    cuts = [b for b in lexicon.BREAKDOWN_OPENER.finditer(text, start, end) if b.start() > start]
    bounds = [start] + [x for b in cuts for x in (b.start(), b.end())] + [end]
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def _runs_past_semicolon(m: re.Match[str]) -> bool:
    """其中…；… and 具体是:A;B;C。: the list's items are separated by ；, and it ends with its sentence."""
    return m.group("opener") in lexicon.LIST_PAST_SEMICOLON or m.group().endswith(lexicon.LIST_COLON)


MAX_TOTAL_GAP = 40  # "6800万元进行了合理分解，已全部分解到位，其中…": a short clause may sit between


def _total_before(scan: Scan, pos: int) -> list[Quantity]:
    """The total a 其中 list belongs to: the last amount before it, skipping stated rates
    (实际执行X万元，执行率88.74%。其中…) and one short clause without numbers."""
    last = scan.before_rates(pos, 2 * MAX_TOTAL_GAP)
    if last is None or not _gap_ok(scan.text[last.end : pos], scan, last.end, pos):
        return []
    if scan.text[max(0, pos - MAX_TOTAL_GAP) : pos].rstrip().endswith(lexicon.SENTENCE_ENDS):  # 其中 opens a sentence
        last = _changed_value(scan, last, pos) or last
    if last.unit in ("%", "个百分点") or lexicon.SUM_DELTA.search(last.label):
        return []
    group = [last]
    prev = scan.before(last.start)
    if prev and prev.family != last.family and _one_total(scan, prev, last):
        group.insert(0, prev)
    head = group[0]
    marked = lexicon.SUM_TOTAL_WORD.search(scan.text[max(0, head.start - 4) : head.start])
    if len(head.label) < 2 and not marked:
        return []
    return group


def _one_total(scan: Scan, prev: Quantity, last: Quantity) -> bool:
    """Two measures of one total: written together (90户350人), or linked by a comma and the second's
    label (享受护理补贴残疾人8389人次,发放资金218.93万元(其中:…为8011人,发放资金184.95万元;…)) when the
    first is named and no part of an earlier total."""
    gap = scan.text[prev.end : last.start]
    if not gap.strip():
        return True
    if last.label_start < prev.end or len(prev.label) < 2 or lexicon.PERIOD_IN_LABEL.search(last.label):
        return False
    return bool(lexicon.MEASURE_LINK.match(scan.text[prev.end : last.label_start]))


def _changed_value(scan: Scan, change: Quantity, opener: int) -> Quantity | None:
    """The value a change is stated of, when the change follows it directly (收入:792.22万元。同比上年度
    增加189.25万元,增加31.39%。其中… ; 收入合计6567.06万元,较上年决算数减少710.50万元,…。其中…): a 其中
    that opens its own sentence after the change lists the parts of that value, not of the change, when
    its first part is named as a kind of the value (收入 → 财政拨款收入). So too after a portion of the
    value (市本级直达资金45.66亿元,未分配0.32亿元,分配率99.3%。其中:中央安排直达资金39.64亿元…)."""
    named_as_change = lexicon.CHANGE_AMOUNT_LABEL.search(change.label) or lexicon.PORTION_AMOUNT_LABEL.match(
        change.label
    )
    if not named_as_change or change.label_start < 0:
        return None
    value = scan.before(change.start)
    if value is None or not value.exact or not addable(value, change) or len(value.label) < 2:
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
            if scan.is_rate_base(q):
                continue  # 税收收入3511万元,占年初预算8465万元的41.5%: the part's rate base, no part
            if total is not None and _new_statement(scan.text, q, top, total, clause_start, nested=parent is not None):
                break
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
        if _cut_off(scan.text, end) and not _ended_before_cut(last, total):
            return top, True  # the text ends inside the list (…全额事业编45个、差额): more items were not read
    partial = bool(re.search(rf"{lexicon.PARTIAL_LIST_END}[。；;，,]?\s*$", scan.text[start:end].rstrip("。")))
    return top, partial


def _list_ended(scan: Scan, q: Quantity, after: int, top: list[_Item]) -> bool:
    """Whether the list has ended before `q` (`top`: its items so far, empty inside a nested list)."""
    gap = scan.text[after : q.label_start if q.label_start >= 0 else q.start]
    if len(gap) > MAX_ITEM_GAP or lexicon.SECTION_BREAK.search(gap):
        return True  # a long stretch of prose or a new section
    if lexicon.BESIDES_IN_GAP.search(gap + q.label):
        return True  # …；此外,年初结转和结余35.22万元: beside the total, not in it
    if lexicon.SUM_DELTA.search(q.label):
        return True  # 调减40万元 / 同比增加…: the breakdown has ended
    if lexicon.NEW_ALLOTMENT_IN_GAP.search(scan.text, after, q.start):
        return True  # …63.49万元川财农〔202344号下达…: another document's allotment
    if top and _restated_total(scan.text, q):
        return True  # 共计下达61.8万元: the total said again, not a part
    # …30.9万元,2021年度中央下达资金61.8万元: a new, dated statement
    return bool(top) and dated_after_undated(q, [it.group[0] for it in top])


def _other_measure_leads(q: Quantity, top: list[_Item], total: Quantity) -> bool:
    """The first number of a clause after ； is of another measure than the total, while the items
    so far led with the total's measure: the clause is about other things."""
    return bool(top) and not addable(q, total) and all(addable(it.group[0], total) for it in top)


def _new_statement(text: str, q: Quantity, top: list[_Item], total: Quantity, clause_start: bool, nested: bool) -> bool:
    """q starts a statement of its own, not a further part: a clause after ； about other things (1段, 4座), the
    next total of the same kind with its own parts (…；全年执行95万元，其中…), a total
    stated (…,收入合计为6449万元), or what was done with the total (…,收回重新分配资金81.03万元,实际使用1068.99万元)."""
    if clause_start and _other_measure_leads(q, top, total):
        return True
    if nested:
        return False
    if top and lexicon.TOTAL_JUST_BEFORE.search(text, max(0, q.start - 6), q.start):
        return True  # …,基金调入103万元,收入合计为6449万元: a total stated, no part
    return (clause_start and _parallel_total(text, q, total)) or _turns_to_use(q, top, total)


def _turns_to_use(q: Quantity, top: list[_Item], total: Quantity) -> bool:
    """An amount named as spent or paid (实际使用, 已拨付, 支出) after parts that, like their total, name none
    (总投资1127.35万元,其中整合财政涉农资金1046.32万元,收回重新分配资金81.03万元,实际使用1068.99万元,结余…): the
    list of where the money came from has ended and the report goes on to its use. Parts that are uses
    themselves (其中：支付工程款60万元，支付监理费40万元) go on."""
    use = lexicon.USE_OF_FUNDS
    return (
        bool(top)
        and bool(use.search(q.label))
        and not use.search(total.label)
        and not any(use.search(it.group[0].label) for it in top)
    )


def _parallel_total(text: str, q: Quantity, total: Quantity) -> bool:
    """A clause after ； led by an amount named like the total (全年预算100万元，其中…；全年执行95万元，其中…)
    or stated as a total (…；本年支出合计1094.65万元,其中…) that opens a 其中 list of its own states the next
    total, not a part of this one."""
    head = lexicon.NAME_HEAD
    named_alike = len(q.label) >= head and q.label[:head] == total.label[:head]
    before = text[max(0, q.start - 4) : q.start]
    stated_as_total = bool(lexicon.SUM_TOTAL_WORD.search(q.label) or lexicon.TOTAL_JUST_BEFORE.search(before))
    return (named_alike or stated_as_total) and bool(lexicon.OWN_LIST_AFTER.match(text, q.end))


def _cut_off(text: str, end: int) -> bool:
    """The list runs to the end of the text and no sentence end closes it: an excerpt cut mid-list."""
    return not text[end:].strip() and not text[:end].rstrip().endswith(lexicon.SENTENCE_ENDS)


def _ended_before_cut(last: Quantity | None, total: Quantity | None) -> bool:
    """The list's last number is of another measure than its total (…县级资金76万元,建设13个项目,每个项目
    资金严格按照…要求,合理 — the excerpt ends later): its parts ended before the text does."""
    return last is not None and total is not None and not addable(last, total)


def _parts_of(total: Quantity, items: list[_Item]) -> list[Quantity]:
    units = lexicon.PART_UNITS_OF.get(total.unit, (total.unit,))
    return [q for it in items for q in it.group if q.unit in units or q.family == total.family == "money"]


def _fewer_parts(total: Quantity, totals: list[Quantity], items: list[_Item]) -> bool:
    """A total of two measures (对接项目28个,对接资金2052.4万元,其中:…15个,…918.3万元;…;教育扶贫26.7万元…):
    where some items state only the other measure, this one's parts are not all listed."""
    return len(totals) > 1 and len(_parts_of(total, items)) < max(len(_parts_of(t, items)) for t in totals)


def _relations(total: Quantity, items: list[_Item], partial: bool, nested: bool) -> list[SumRelation]:
    parts = _at_work(total, _parts_of(total, items))
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


def _at_work(total: Quantity, parts: list[Quantity]) -> list[Quantity]:
    """The parts of a count of the people at work end before the retired (…中级工1人,退休职工28人)."""
    if not lexicon.STAFF_AT_WORK.search(total.label) or lexicon.STAFF_NOT_WHOLE.search(total.label):
        return parts
    retired = next((k for k, q in enumerate(parts) if lexicon.STAFF_NOT_WHOLE.search(q.label)), len(parts))
    return parts[:retired]


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
