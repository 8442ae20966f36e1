"""A total followed by its parts in one sentence without a list word: "我乡涉毒人员25人，死亡4人，2人羁押
服刑…", "就业补助资金共33832.24万元,中央资金27853万元,自治区资金5643万元"."""

from __future__ import annotations

import re

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import MAX_SENTENCE, Scan, per_unit

_SUB_MARKER = lexicon.NESTED_LIST_OPENER


def extract_implicit_sums(scan: Scan, seen: set[str]) -> list[SumRelation]:
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
                total=t.id,
                items=tuple(q.id for q in parts),
                exhaustive=not _ends_partial(scan.text, parts[-1]),
                category=lexicon.sum_category(t.unit, t.label),
                basis="implicit",
                marked=marked,
            )
        )
        seen.update(q.id for q in parts)
    return out


def _ends_partial(text: str, last: Quantity) -> bool:
    """A 等 right after the last part (甲村140万元、乙村140万元等): more parts were not named."""
    return text[last.end : last.end + 3].lstrip().startswith(lexicon.PARTIAL_LIST_END)


def _may_total(scan: Scan, t: Quantity) -> bool:
    """A labeled exact amount or count in prose, followed by a clause break: what may head a split."""
    text = scan.text
    if not t.exact or scan.in_table(t.start) or len(t.label) < 2 or lexicon.SUM_DELTA.search(t.label):
        return False  # a number written first (174台拼接屏) or a change (同比增加) is not a total
    if per_unit(text, t):
        return False  # 成本每亩4000元,计12万元: a rate, not a whole
    if lexicon.RESPECTIVELY in t.label or text[t.end : t.end + 1] not in "，,；;：:（(":
        return False  # 分别…A、B, or 174台拼接屏、30台…: not a total followed by its parts
    return t.family not in ("percent", "分", "%") and t.unit not in ("分", "个百分点")


def _implicit_parts(scan: Scan, t: Quantity) -> tuple[list[Quantity], bool] | None:
    """The parts that follow `t` in its sentence (up to a nested 其中), and whether the wording marks them.

    Unmarked, the wording must still read as one total and its parts: `t` heads its clauses (not
    an item of a 分别 list, not a thing done among others), the parts stay in its clause run (no
    ；, no new section) and are not records of their own (人次 and 元 in turn) or totals themselves."""
    text = scan.text
    end = _bracket_end(text, t.end) or list_end(text, t.end)  # 总投资4493.8万元(中央…,县财政…,其他投入…): the brackets'
    stop = _SUB_MARKER.search(text, t.end, end)
    window = [q for q in _until_dated(scan.between(t.end, stop.start() if stop else end)) if not scan.is_rate_base(q)]
    same = _addable_parts(text, t, window)
    whole = _stated_whole(text, t)
    if not whole and any(_closing_total(text, q) for q in same):
        return None  # 分配至无为市93万元,南陵县52万元,…,共计237万元: the list closes with its own total
    direct = whole and not any(_stated_whole(text, q) for q in same)
    if len(same) < 2 or (_siblings(t, same) and not direct and not _by_source(t, same)) or _other_flow(t, same):
        return None
    if _marked(scan, t, window, same):
        return same, True
    if lexicon.ACTION_LABEL.match(t.label) or lexicon.RESPECTIVELY in text[scan.sentence_bounds(t.start)[0] : t.start]:
        return None
    window = [q for q in window if not _RUN_BREAK.search(text, t.end, q.start)]
    same = _addable_parts(text, t, window)
    if len(same) < 2 or _interleaved(t, window, same) or _peer_groups(t, same) or _years_flows(text, t, same):
        return None
    return same, direct


def _bracket_end(text: str, pos: int) -> int | None:
    """Where the brackets opening right after a total close, on its line: its parts are theirs, and what follows
    the brackets (…),建设任务1497户,…;第二批…总投资3802.77万元(…)) is other statements."""
    if text[pos : pos + 1] not in ("（", "("):
        return None
    close = re.search(r"[)）\n]", text[pos + 1 : pos + 1 + MAX_SENTENCE])
    return pos + 1 + close.start() if close and close.group() != "\n" else None


def _stated_whole(text: str, q: Quantity) -> bool:
    """A total word just before the number (就业补助资金共33832.24万元,中央资金…,自治区资金…): the amount
    is said to be the whole, so parts named like it (…资金) are still its parts."""
    return bool(lexicon.TOTAL_JUST_BEFORE.search(text[max(q.label_start, q.start - 6) : q.start]))


def _closing_total(text: str, q: Quantity) -> bool:
    """A part stated as the whole (…,共计237万元; …,共计下达61.8万元): a clause opened by a total word, or the
    total word right before its number, whatever its label."""
    clause = re.split(r"[，,；;]", text[max(0, q.start - 12) : q.start])[-1]
    return bool(lexicon.RESTATED_TOTAL.match(clause) or lexicon.TOTAL_JUST_BEFORE.search(clause))


_RUN_BREAK = re.compile(rf"[；;]|{lexicon.SECTION_BREAK.pattern}")


def _addable_parts(text: str, t: Quantity, window: list[Quantity]) -> list[Quantity]:
    """The amounts that may add up to t: of its measure, exact, no change, no rate or price (每亩4000元)."""
    return [
        q
        for q in window
        if addable(q, t) and q.exact and not lexicon.SUM_DELTA.search(q.label) and not per_unit(text, q)
    ]


def _contiguous(window: list[Quantity], same: list[Quantity]) -> bool:
    return same == window[: len(same)]


def _interleaved(t: Quantity, window: list[Quantity], same: list[Quantity]) -> bool:
    """Parts with numbers of another measure between them (33人，发放资金27.28万元，166人…)."""
    return not _contiguous(window, same) and not any(
        q.family == t.family and not addable(q, t) for q in window if q.start < same[-1].start
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


def _by_source(t: Quantity, parts: list[Quantity]) -> bool:
    """补助2300.67万元,中央补助442.43万元,地方财政补助1858.24万元: parts named alike but each by another
    level of government, under a total that is not one level's: a split of the total by who pays."""
    levels = [lexicon.GOVERNMENT_LEVEL.match(q.label) for q in parts]
    if not all(levels) or len({m.group() for m in levels if m}) < len(parts):
        return False
    return not lexicon.GOVERNMENT_LEVEL.match(t.label) or bool(lexicon.GOVERNMENT_LEVELS_JOINED.match(t.label))


def _other_flow(t: Quantity, parts: list[Quantity]) -> bool:
    """收入合计100万元，支出合计90万元，年末结余20万元: income is not made of spending or balances."""
    if lexicon.INCOME_WORD in t.label:
        return any(lexicon.NOT_INCOME_PART.search(q.label) for q in parts)
    if lexicon.SPENT_WORD in t.label:
        return any(lexicon.NOT_SPENT_PART.search(q.label) for q in parts)
    return False


def list_end(text: str, pos: int, *, semicolon: bool = False) -> int:
    """Where a list from `pos` ends: its sentence or line (or, with `semicolon`, its clause run)."""
    stops = ("。", "\n", "；", ";") if semicolon else ("。", "\n")
    limit = min(len(text), pos + MAX_SENTENCE)
    ends = [i for i in (text.find(s, pos, limit) for s in stops) if i >= 0]
    return min(ends) if ends else limit


def dated_after_undated(q: Quantity, before: list[Quantity]) -> bool:
    """A part led by a year after parts that are not (其中A30.9万元,B30.9万元,2021年度中央下达资金61.8万元;
    上年结转结余资金2万元,2021年中央下达…3万元): the year opens a new statement, and the list has ended."""
    return (
        bool(before)
        and bool(lexicon.YEAR_LED_CLAUSE.match(q.label))
        and not any(lexicon.YEAR_LED_CLAUSE.match(p.label) for p in before)
    )


def _until_dated(window: list[Quantity]) -> list[Quantity]:
    for i, q in enumerate(window):
        if dated_after_undated(q, window[:i]):
            return window[:i]
    return window


def addable(q: Quantity, t: Quantity) -> bool:
    """Amounts add across 元/万元/亿元; other measures only in the same unit."""
    return q.family == t.family == "money" or q.unit == t.unit
