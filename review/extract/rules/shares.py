"""Shares of a whole: rates whose name says they are what was reached of all there was (ShareOfWhole:
新能源車占比100%, 资金到位率100%, 群众满意度98%), and shares of one whole listed one after another (ShareList:
…占收入合计的91.40%；…占收入合计的8.55%), which the ratio check holds to 100%."""

from __future__ import annotations

import bisect

from review.core.claims import Quantity, ShareList, ShareOfWhole
from review.extract import lexicon
from review.extract.rules.scan import Scan, clause_text_before

NAME_REACH = 16  # characters before a rate that its name is read from
# A percent of four digits or more before its point is no share anyone writes, but cells run together
# (验收合格率20100%100%20: 分值 20 and 100%), left to the glued-number reader.
GLUED_AT = 1000


def extract_shares(scan: Scan) -> list[ShareOfWhole]:
    """Each exact percent its name, right before it, makes a share of a whole, unless its clause makes it a
    change, a target or a bound (覆盖率提高到…, 目标值, 不低于95%), or it is cells run together."""
    text = scan.text
    out = []
    for q in scan.quantities:
        if q.unit != "%" or not q.exact or q.value >= GLUED_AT:
            continue
        if not lexicon.SHARE_OF_WHOLE.search(text, max(0, q.start - NAME_REACH), q.start):
            continue
        clause = clause_text_before(text, q.start) + text[q.end : q.end + 3]
        if lexicon.SHARE_NOT_REACHED.search(clause):
            continue
        out.append(ShareOfWhole(rate=q.id))
    return out


def extract_share_lists(scan: Scan) -> list[ShareList]:
    """Runs of at least two shares in one sentence that name the same whole (占收入合计的 …, 占收入合计的 …) or
    none (占比为75% …, 占比为23% …; 占92.5% …, 占7.5% …): the parts' shares of one whole. A 其中 between two
    shares opens the parts of a part (中央资金占80%，其中直达资金占70%): a new run."""
    text = scan.text
    ends = [i for i, c in enumerate(text) if c in _SENTENCE_END]  # once: a report of one long line has no \n
    runs: dict[tuple[int, str], list[Quantity]] = {}
    out: list[ShareList] = []
    for q in scan.quantities:
        if q.unit != "%" or not q.exact or scan.in_table(q.start):
            continue
        whole = _whole_named(text, q)
        if whole is None:
            continue
        key = (_sentence_start(ends, q.start), whole)
        run = runs.get(key)
        if run and lexicon.SHARES_OF_A_PART.search(text, run[-1].end, q.start):
            out += _listed(run)
            run = None
        runs[key] = [*(run or []), q]
    for run in runs.values():
        out += _listed(run)
    return sorted(out, key=lambda r: r.items)


_SENTENCE_END = frozenset("。！？\n")


def _sentence_start(ends: list[int], pos: int) -> int:
    """Where the sentence at pos starts: after the last 。, ！, ？ or line break before it (not ；: a list of
    shares runs on through its semicolons, 用于…4.25亿元,占比为75%,…;用于…1.26亿元,占比为23%)."""
    i = bisect.bisect_left(ends, pos)
    return ends[i - 1] + 1 if i else 0


def _whole_named(text: str, q: Quantity) -> str | None:
    """The whole a share right before q names ("" for 占比 / a bare 占), None when q is no share of a whole
    (完成年初预算的…, 占调整预算105.47%: done of a plan, which may pass it, each item of its own plan)."""
    before = text[max(0, q.start - 14) : q.start]
    if lexicon.SHARE_UNNAMED.search(before) or lexicon.SHARE_BARE.search(before):
        return ""
    named = lexicon.SHARE_NAMED.search(before)
    if named and named.group("of") and not lexicon.PLAN_WHOLE.search(named.group("of")):
        return named.group("of")
    return None


def _listed(run: list[Quantity]) -> list[ShareList]:
    return [ShareList(items=tuple(q.id for q in run))] if len(run) >= 2 else []
