"""Differences stated in words: "年中调整预算为1781.86万元，比年初预算增加761.97万元" (调整 = 年初 +
增加) and "下达111万元…调减40万元…全年实际下达71万元" (下达 − 调减 = 实际下达). Both become
sums: the larger amount is the total of the smaller one and the difference."""

from __future__ import annotations

from review.core.claims import BalanceRelation, Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import Scan

_VERSUS = lexicon.VERSUS
_CUT = lexicon.CUT_WORDS
_RESULT = lexicon.AFTER_CHANGE


def extract_deltas(scan: Scan) -> list[SumRelation]:
    out: list[SumRelation] = []
    for q in scan.quantities:
        if q.family != "money" or not q.exact:
            continue
        m = _VERSUS.search(q.label)
        if m:
            rel = _versus(scan, q, m.group("ref"), m.group("dir"))
        elif _CUT.search(q.label):
            rel = _cut(scan, q)
        else:
            rel = None
        if rel:
            out.append(rel)
    return out


def _earlier(scan: Scan, q: Quantity) -> list[Quantity]:
    """The amounts before q in its sentence, nearest first, that may be a level: not a rate's base (完成全年预算
    5.3万元的38.1%) and not another change (…比上年决算数增加0万元,…比上年决算数减少0.33万元)."""
    start, _ = scan.sentence_bounds(q.start)
    return [
        c
        for c in reversed(scan.between(start, q.start))
        if c.family == "money" and c.exact and not scan.is_rate_base(c) and not _VERSUS.search(c.label)
    ]


def _versus(scan: Scan, delta: Quantity, ref_name: str, direction: str) -> SumRelation | None:
    earlier = _earlier(scan, delta)
    ref = next((c for c in earlier if ref_name in c.label), None)
    current = next((c for c in earlier if c is not ref), None)
    if ref is None or current is None or current.start < ref.start:
        return None
    if direction in ("增加", "增长", "多"):
        return SumRelation(total=current.id, items=(ref.id, delta.id), basis="比…增加")
    return SumRelation(total=ref.id, items=(current.id, delta.id), basis="比…减少")


def _cut(scan: Scan, cut: Quantity) -> SumRelation | None:
    earlier = _earlier(scan, cut)
    start, end = scan.sentence_bounds(cut.start)
    after = [c for c in scan.between(cut.end, end) if c.family == "money" and c.exact and _RESULT.search(c.label)]
    if not earlier or not after:
        return None
    first = earlier[-1]  # the sentence's first amount: what was allocated before the cut
    return SumRelation(total=first.id, items=(after[0].id, cut.id), basis="调减后")


_OPENING = lexicon.OPENING_BALANCE
_CLOSING = lexicon.CLOSING_BALANCE
_INCOME = lexicon.INCOME_TOTAL
_SPENT = lexicon.SPENT_TOTAL


def extract_stated_balances(scan: Scan) -> list[BalanceRelation]:
    """ "年初结转和结余10万元，本年收入合计100万元，本年支出合计90万元，年末结转和结余20万元"
    in one paragraph: opening + income − spending = closing."""
    out: list[BalanceRelation] = []
    for q in scan.quantities:
        if q.family != "money" or not q.exact or not _OPENING.search(q.label):
            continue
        start, end = scan.paragraph_bounds(q.start)
        after = [c for c in scan.between(q.end, end) if c.family == "money" and c.exact]
        income = next((c for c in after if _INCOME.search(c.label)), None)
        spent = next((c for c in after if _SPENT.search(c.label)), None)
        closing = next((c for c in after if _CLOSING.search(c.label)), None)
        if income and spent and closing and income.start < closing.start and spent.start < closing.start:
            out.append(BalanceRelation(opening=q.id, inflows=(income.id,), outflows=(spent.id,), closing=closing.id))
    return out
