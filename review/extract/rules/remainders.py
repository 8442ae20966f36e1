"""What is left of an amount after what was taken from it, stated in prose: "实际下达预算2596万元,全年度实际
总支出2595.6208万元,…。…剩余未执行完的0.3792万元" (r10-07) and "可实现总收入15万元,扣除…费用成本每亩
4000元,计12万元,可实现集体统一经营净收入3万元" (r11-04): the whole, the amount taken and the remainder
close a balance (whole − taken = remainder).

The remainder is named as one (lexicon.REMAINDER_LABEL); the amount taken is the one amount between the
whole and the remainder, named as spent or deducted (lexicon.TAKEN_WORDS, in its label or in its clause);
the whole is the amount right before it, named as allotted or earned (lexicon.WHOLE_LABEL). Prices and
per-unit amounts (每亩4000元) are no part of it. When the amount before the one taken is not named as a
whole (another amount taken, a share), nothing is read. Emitted as read, whether or not it balances."""

from __future__ import annotations

from review.core.claims import BalanceRelation, Quantity
from review.extract import lexicon
from review.extract.rules.scan import Scan, per_unit
from review.extract.rules.sum_implicit import addable


def extract_remainders(scan: Scan) -> list[BalanceRelation]:
    out: list[BalanceRelation] = []
    for rest in scan.quantities:
        if not _is_remainder(scan, rest):
            continue
        found = _whole_and_taken(scan, rest)
        if found is not None:
            whole, taken = found
            out.append(BalanceRelation(opening=whole.id, inflows=(), outflows=(taken.id,), closing=rest.id))
    return out


def _is_remainder(scan: Scan, q: Quantity) -> bool:
    """An exact prose amount named as what is left (剩余, 未执行完的, 净收入), not a carry-over between years."""
    if q.family != "money" or not q.exact or scan.in_table(q.start):
        return False
    return bool(lexicon.REMAINDER_LABEL.search(q.label)) and not lexicon.PERIOD_IN_LABEL.search(q.label)


def _whole_and_taken(scan: Scan, rest: Quantity) -> tuple[Quantity, Quantity] | None:
    """The amount taken (the one amount of the remainder's measure before it in its sentence and the one
    before, named as spent or deducted) and the whole right before that (named as allotted or earned)."""
    start = scan.sentence_bounds(max(0, scan.sentence_bounds(rest.start)[0] - 1))[0]
    amounts = [q for q in scan.between(start, rest.start) if addable(q, rest) and not per_unit(scan.text, q)]
    if len(amounts) < 2:
        return None
    whole, taken = amounts[-2], amounts[-1]
    clause = scan.text[whole.end : taken.start]
    if not (lexicon.TAKEN_WORDS.search(taken.label) or lexicon.TAKEN_WORDS.search(clause)):
        return None
    if not lexicon.WHOLE_LABEL.search(whole.label) or lexicon.TAKEN_WORDS.search(whole.label):
        return None
    if not whole.exact or not taken.exact or lexicon.SUM_DELTA.search(whole.label + taken.label):
        return None
    return whole, taken
