"""Shares of a whole (ShareOfWhole): rates whose name says they are what was reached of all there was
(新能源車占比100%, 资金到位率100%, 群众满意度98%), which the ratio check holds to 100%."""

from __future__ import annotations

from review.core.claims import ShareOfWhole
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
