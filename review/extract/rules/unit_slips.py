"""Money amounts tied to amounts written in another money unit (UnitPeers), so that a 元↔万元 slip
is seen even where no sum or rate around it is recognised: the same figure written under two units
(年度资金40.83万元 … 本年度财政拨款40.83元), and the funds a paragraph states in another unit
(下达我局食品监管补助资金1.5万元 … 补助资金1.5元). Which amount is the slip, if any, is the check's
(review.checks.unit): this module only says which amounts the wording ties together."""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from decimal import Decimal

from review.core.claims import Quantity, UnitPeers
from review.extract import lexicon
from review.extract.rules.scan import Scan, clause_text_before, per_unit

MONEY_UNITS = ("元", "万元", "亿元")
MIN_SIGNIFICANT = 3  # digits of a figure, trailing zeros left out, for its repeat not to be a coincidence


def extract_unit_peers(scan: Scan) -> list[UnitPeers]:
    amounts = [q for q in scan.quantities if _is_amount(scan, q)]
    units = Counter(q.unit for q in amounts)
    written = tuple(sorted(units.items()))
    return [
        rel.model_copy(update={"written": written})
        for rel in _same_figures(amounts)
        + _paragraph_peers(scan, amounts)
        + _header_cells(scan, amounts)
        + _report_peers(scan, amounts, units)
    ]


def _is_amount(scan: Scan, q: Quantity) -> bool:
    """A money amount written with its unit, not a rate or a price (500元/人, 每亩300元)."""
    if q.unit not in MONEY_UNITS or not q.exact or q.value <= 0 or q.unit not in q.text:
        return False
    return not per_unit(scan.text, q)


def _names_funds(scan: Scan, q: Quantity) -> bool:
    """Its label or its clause names funds, a budget or a total: the clause too, since a label leaves
    out a closing 共计 (增设发酵池十二个3.2万元;共计40.83万元) and a row's later cells have none."""
    return bool(
        lexicon.UNIT_FUNDS_LABEL.search(q.label)
        or lexicon.UNIT_FUNDS_LABEL.search(clause_text_before(scan.text, q.start))
    )


def distinctive(value: Decimal) -> bool:
    """A figure whose repeat is unlikely to be a coincidence: a fraction (40.83, 1.5) or at least
    MIN_SIGNIFICANT digits before trailing zeros (6152, 1760; not 300 or 140)."""
    if value != value.to_integral_value():
        return True
    return len(str(int(value)).rstrip("0")) >= MIN_SIGNIFICANT


def _same_figures(amounts: list[Quantity]) -> list[UnitPeers]:
    """Every amount whose figure the report also writes under another money unit."""
    by_value: dict[Decimal, list[Quantity]] = defaultdict(list)
    for q in amounts:
        if distinctive(q.value):
            by_value[q.value.normalize()].append(q)
    out = []
    for group in by_value.values():
        units = {q.unit for q in group}
        if len(units) < 2:
            continue  # one unit: no peers, and a figure repeated a thousand times is not paired a million times
        for q in group:
            peers = tuple(p.id for p in group if p.unit != q.unit)
            out.append(UnitPeers(amount=q.id, peers=peers, basis="same_figure"))
    return out


def _paragraph_peers(scan: Scan, amounts: list[Quantity]) -> list[UnitPeers]:
    """A funds amount (its label names funds, a budget or a total), the amounts its paragraph writes
    in another money unit and those it writes in the same unit."""
    by_paragraph: dict[tuple[int, int], list[Quantity]] = defaultdict(list)
    for q in amounts:
        by_paragraph[scan.paragraph_bounds(q.start)].append(q)
    out = []
    for group in by_paragraph.values():
        for q in group:
            if not _names_funds(scan, q):
                continue
            peers = tuple(p.id for p in group if p.unit != q.unit)
            kin = tuple(p.id for p in group if p.unit == q.unit and p is not q)
            if peers:
                out.append(UnitPeers(amount=q.id, peers=peers, basis="paragraph", kin=kin))
    return out


REPORT_PEERS = 25  # amounts of the usual unit nearest a figure whose paragraph has none: the report's scale


def _report_peers(scan: Scan, amounts: list[Quantity], units: Counter[str]) -> list[UnitPeers]:
    """A principal funds figure (资金下达42元, 以上资金合计113.5元) written in a money unit other than the one the
    report writes most, and the amounts in the usual unit nearest to it: its paragraph's, or where its paragraph
    writes none, the REPORT_PEERS nearest in the report (a bounded sample of its scale, so that a long report
    ties each figure to a few dozen amounts, not to all of them). A 元↔万元 slip is a figure a thousand times
    off those (the check takes their median: one small part of a project beside it does not hide the slip); a
    small payment under a small total of its paragraph (项目资金共计2.5万元,其中办公费支出800元) is not. None
    when no unit is written most (`units`: how many amounts are written in each)."""
    tally = units.most_common(2)
    if not tally or (len(tally) == 2 and tally[0][1] == tally[1][1]):
        return []
    usual = tally[0][0]
    in_usual = [q for q in amounts if q.unit == usual]
    starts = [q.start for q in in_usual]
    by_paragraph: dict[tuple[int, int], list[str]] = defaultdict(list)
    for q in in_usual:
        by_paragraph[scan.paragraph_bounds(q.start)].append(q.id)
    out = []
    for q in amounts:
        if q.unit == usual or not _principal(scan, q):
            continue
        peers = tuple(by_paragraph.get(scan.paragraph_bounds(q.start), ())) or _nearest(in_usual, starts, q.start)
        out.append(UnitPeers(amount=q.id, peers=peers, basis="report"))
    return out


def _nearest(amounts: list[Quantity], starts: list[int], pos: int) -> tuple[str, ...]:
    """The ids of the REPORT_PEERS amounts (sorted by start) nearest to pos."""
    i = bisect.bisect_left(starts, pos)
    window = amounts[max(0, i - REPORT_PEERS) : i + REPORT_PEERS]
    return tuple(q.id for q in sorted(window, key=lambda q: abs(q.start - pos))[:REPORT_PEERS])


def _principal(scan: Scan, q: Quantity) -> bool:
    """Its label or its clause (a label may stop short of the verb right before the number: 资金下|达42万元) says
    what was allocated, budgeted, received or spent, and not what was left over."""
    wording = q.label + clause_text_before(scan.text, q.start)
    return bool(lexicon.UNIT_PRINCIPAL_LABEL.search(wording)) and not lexicon.UNIT_LEFTOVER_LABEL.search(wording)


HEADER_REACH = 300  # characters a flattened funds table runs after its header, at most


def _header_cells(scan: Scan, amounts: list[Quantity]) -> list[UnitPeers]:
    """The amounts written with a unit in a funds table whose header names another (资金情况(万元) …
    自治区补助300元), up to the targets and indicators after it; peers: the cells in the header's unit."""
    out = []
    starts = [q.start for q in amounts]
    for m in lexicon.UNIT_HEADER.finditer(scan.text):
        stop = lexicon.UNIT_HEADER_END.search(scan.text, m.end(), m.end() + HEADER_REACH)
        end = stop.start() if stop else min(len(scan.text), m.end() + HEADER_REACH)
        cells = _within(amounts, starts, m.end(), end)
        declared = m.group("unit")
        peers = tuple(q.id for q in cells if q.unit == declared)
        out += [
            UnitPeers(amount=q.id, peers=peers, basis="header", declared=declared) for q in cells if q.unit != declared
        ]
    return out


def _within(amounts: list[Quantity], starts: list[int], start: int, end: int) -> list[Quantity]:
    """The amounts (in text order, their starts given) that lie inside text[start:end]."""
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return [q for q in amounts[lo:hi] if q.end <= end]
