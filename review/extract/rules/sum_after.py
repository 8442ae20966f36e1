"""Totals stated after their parts: "下达中央财政资金30.9万元,县财政资金30.9万元,共计下达61.8万元" and
"一批…3374.3万元(其中建筑工程3292万元),二批…,合计批复总投资6222.4万元(其中建筑工程6025.215万元)".

The clause of the total opens with a total word (lexicon.TOTAL_AFTER_PARTS); its parts are the amounts
before it in its sentence that can be added to it, outside parentheses and after the last list opener
(其中…: the parts of the earlier total). When every part and the total carry a parenthesised 其中
amount, those amounts are a total and its parts as well. Emitted as read, whether or not they add up.
"""

from __future__ import annotations

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import Scan


def extract_totals_after(scan: Scan) -> list[SumRelation]:
    out: list[SumRelation] = []
    for t in scan.quantities:
        if not _total_after_parts(scan, t):
            continue
        parts = _parts_before(scan, t)
        if len(parts) < 2:
            continue
        out.append(_relation(t, parts))
        inner = [_bracketed_part(scan, q) for q in (t, *parts)]
        if all(inner):
            head, *rest = [q for q in inner if q is not None]
            out.append(_relation(head, rest))
    return out


def _relation(t: Quantity, parts: list[Quantity], *, marked: bool = True) -> SumRelation:
    return SumRelation(
        total=t.id,
        items=tuple(q.id for q in parts),
        category=lexicon.sum_category(t.unit, t.label),
        basis="合计·在后",
        marked=marked,
    )


def _total_after_parts(scan: Scan, t: Quantity) -> bool:
    if not t.exact or scan.in_table(t.start) or t.family != "money" and t.unit in ("%", "个百分点", "分"):
        return False
    start = max(scan.sentence_bounds(t.start)[0], t.start - 24)
    clause = lexicon.CLAUSE_SPLIT.split(scan.text[start : t.start])[-1]
    return bool(lexicon.TOTAL_AFTER_PARTS.match(clause))


def _parts_before(scan: Scan, t: Quantity) -> list[Quantity]:
    """The addable amounts before `t` in its sentence, at the sentence's own level (not in brackets)."""
    text = scan.text
    start = scan.sentence_bounds(t.start)[0]
    opener = None
    for m in lexicon.LIST_OPENER.finditer(text, start, t.start):
        if _depth(text, start, m.start()) == 0:
            opener = m
    if opener is not None:
        start = opener.end()
    out = []
    for q in scan.between(start, t.start):
        if _depth(text, start, q.start) or not q.exact or not _addable(q, t) or lexicon.SUM_DELTA.search(q.label):
            continue
        out.append(q)
    own = scan.between(start, t.start)
    if len(out) < 2 and opener is None and (not own or own[-1] in out):
        return _clause_parts(scan, t, start) + out  # fewer than two parts in its clause: they run back past ；
    return out  # (发放孤儿保障金6人，共计7.36万元，事实无人抚养8人，共计7.77万元: each 共计 is of its own record)


def _clause_parts(scan: Scan, t: Quantity, start: int) -> list[Quantity]:
    """建厂房、酒窖及基础设施建设12.08万元;购买变压器一套18.8万元;…;共计40.83万元 and …繁育田850亩;二是…
    建成原种基地400亩,共计建成原种繁育基地1250亩: a total whose clause holds fewer than two parts has
    (the rest of) them in the ；-separated clauses before it, one addable amount each, back to the first
    clause that is not one part (none or several amounts, a list opener, a change)."""
    text, out = scan.text, list[Quantity]()
    while start > 0 and text[start - 1] in lexicon.PART_CLAUSE_SEPARATORS:
        clause = scan.sentence_bounds(start - 1)[0]
        amounts = [q for q in scan.between(clause, start - 1) if _addable(q, t)]
        if len(amounts) != 1 or not amounts[0].exact or lexicon.SUM_DELTA.search(amounts[0].label):
            break
        if lexicon.TOTAL_JUST_BEFORE.search(text[max(clause, amounts[0].start - 6) : amounts[0].start]):
            break  # …1466人次，共计617705万元: a total of its own clause, not a part
        if lexicon.LIST_OPENER.search(text, clause, start - 1):
            break
        out.insert(0, amounts[0])
        start = clause
    return out


def _bracketed_part(scan: Scan, q: Quantity) -> Quantity | None:
    """The amount of "(其中建筑工程3292万元)" right after `q`."""
    nxt = scan.between(q.end, q.end + 40)
    if not nxt or not _addable(nxt[0], q):
        return None
    gap = scan.text[q.end : nxt[0].start]
    return nxt[0] if lexicon.BRACKETED_PART.match(gap) else None


def _depth(text: str, start: int, pos: int) -> int:
    span = text[start:pos]
    return sum(span.count(c) for c in "（(") - sum(span.count(c) for c in "）)")


def _addable(q: Quantity, t: Quantity) -> bool:
    return q.family == t.family == "money" or q.unit == t.unit
