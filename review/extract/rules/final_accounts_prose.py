"""The 部门决算情况说明's prose statement of its 收入支出决算总表 (重庆 and others' template):

    1.总体情况。2020年度收入总计163.83万元,支出总计163.83万元。…
    2.收入情况。2020年度收入合计128.61万元,…其中:财政拨款收入128.61万元,占100%;此外,年初结转和结余35.22万元。
    3.支出情况。2020年度支出合计160.55万元,…
    4.结转结余情况。2020年度年末结转和结余3.28万元,…

(r22-07; r7-06 states 此外,使用非财政拨款结余和专用结余0.00万元,年初结转和结余0.00万元). The table's rows are named by
the template (review/data/templates/final-accounts-summary.json, `prose`): per side its total (收入总计), its
subtotal (收入合计) and the rows that add to it (年初结转和结余 …). Each is read from the amount written right
after its words, outside tables, and not where a qualifier makes it another scope (财政拨款收入合计, 一般公共预算…)
or a comparison (较上年…). A row stated with two different amounts is not read: which is meant is not known.

Claims: per side, total = subtotal + the additions stated (an addition left unstated adds nothing), when the
total, the subtotal and at least one addition are stated.
"""

from __future__ import annotations

import re

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.final_accounts import sides
from review.extract.rules.scan import Scan


def extract_final_accounts_prose(scan: Scan) -> list[SumRelation]:
    out = []
    for side in sides().values():
        total = _stated(scan, side.prose_total)
        subtotal = _stated(scan, side.prose_subtotal)
        additions = [q for names in side.prose_additions if (q := _stated(scan, (names,)))]
        if total and subtotal and additions:
            items = (subtotal.id, *(q.id for q in additions))
            out.append(SumRelation(total=total.id, items=items, basis="决算说明·总计"))
    return out


def _stated(scan: Scan, names: tuple[str, ...]) -> Quantity | None:
    """The one amount the prose states for a row named by `names` (its first mention), or None when it states
    none or more than one."""
    if not names:
        return None
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    found: list[Quantity] = []
    text = scan.text
    for m in pattern.finditer(text):
        if text[m.end() : m.end() + 1] in ("和", "及"):
            continue  # 使用非财政拨款结余和专用结余: a longer name, matched on its own
        if lexicon.FINAL_ACCOUNTS_PROSE_SCOPE.search(text[max(0, m.start() - 12) : m.start()]):
            continue
        after = lexicon.FINAL_ACCOUNTS_PROSE_LINK.match(text, m.end())
        at = after.end() if after else m.end()
        q = next((q for q in scan.between(at, at + 20) if q.start == at), None)
        if q is None or q.family != "money" or scan.in_table(q.start):
            continue
        found.append(q)
    if len({q.value for q in found}) != 1:
        return None
    return found[0]
