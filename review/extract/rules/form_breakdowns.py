"""One fund total stated twice over in label:value cells: the 部门整体支出绩效自评表's
"按收入性质分:2030.12" and "按支出性质分:1925.67", then the cells of both breakdowns (其中: 一般公共预算:1325.68,
其中:基本支出:900.47, 政府性基金拨款:118.82, 项目支出:1025.20 …), interleaved in whatever order the form's
two columns were flattened. Each cell belongs to the breakdown whose vocabulary names it
(lexicon.FUND_BREAKDOWNS), not to a position; each breakdown is its own sum, whether it adds up or not.
A cell with a value that neither vocabulary names is recorded as unread, and its block claims nothing."""

from __future__ import annotations

import re

from review.core.claims import SumRelation, Unread
from review.extract import lexicon
from review.extract.rules.label_lines import cell_quantity, header_unit, line_spans
from review.extract.rules.scan import Scan


def extract_form_breakdowns(scan: Scan) -> tuple[list[SumRelation], list[Unread]]:
    out: list[SumRelation] = []
    unread: list[Unread] = []
    done = -1
    for head in lexicon.FUND_BREAKDOWN_HEAD.finditer(scan.text):
        if head.start() < done:
            continue  # a heading inside a block already read
        start = scan.text.rfind("\n", 0, head.start()) + 1
        done = _block_end(scan.text, start)
        cells = [
            c
            for c in lexicon.LABEL_VALUE_CELL.finditer(scan.text, start, done)
            if c.group("label") != lexicon.CELL_LIST_OPENER
        ]
        relations, why = _breakdowns(scan, cells)
        if why:
            unread.append(Unread(start=start, end=done, reason=why))
        out.extend(relations)
    return out, unread


def _block_end(text: str, start: int) -> int:
    """The block runs over lines of label:value cells (and blank lines) from its first heading."""
    for a, b in line_spans(text, start):
        line = text[a:b]
        if line.strip() and not lexicon.LABEL_VALUE_BLOCK_LINE.match(line):
            return a
    return len(text)


def _breakdowns(scan: Scan, cells: list[re.Match[str]]) -> tuple[list[SumRelation], str]:
    heads = {c.group("label"): c for c in cells if c.group("label") in lexicon.FUND_BREAKDOWNS}
    if not heads:
        return [], ""  # the words in prose (资金按收入性质分类管理…), no label:value block
    parts: dict[str, list[re.Match[str]]] = {h: [] for h in heads}
    for c in cells:
        label = c.group("label")
        if label in lexicon.FUND_BREAKDOWNS or c.group("value") is None:
            continue  # a heading, or an empty cell (nothing stated)
        kinds = [h for h, words in lexicon.FUND_BREAKDOWNS.items() if words.search(label)]
        if len(kinds) != 1 or kinds[0] not in heads:
            return [], f"分项“{label}”不能归入{'或'.join(heads)}，未核对该资金分项"
        parts[kinds[0]].append(c)
    unit = header_unit(scan.text, cells[0].start())
    out, why = [], ""
    for h, cell in heads.items():
        if cell.group("value") is None and parts[h]:
            why = f"“{h}”未填写合计，未核对其分项"
            continue
        if not parts[h]:
            continue  # a heading with no cells under it: nothing stated to add up
        total = cell_quantity(scan, cell, unit)
        items = [cell_quantity(scan, c, unit) for c in parts[h]]
        out.append(
            SumRelation(
                total=total.id,
                items=tuple(q.id for q in items),
                category="sum",
                basis="自评表·资金·合计",
                marked=True,
            )
        )
    return out, why
