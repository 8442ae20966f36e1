"""A report's own scoring table (打分表) as a score tree: category cells "目标管理（40分）",
indicator rows with 指标分值 and 自评得分, and the total row "部门整体自评得分 97"."""

from __future__ import annotations

import re
from decimal import Decimal

from review.core.claims import Quantity, ScoreNode, ScoreTree
from review.core.document import Block
from review.extract import lexicon
from review.extract.rules.scan import Scan

_CAT = re.compile(r"^(?P<name>.+?)[（(]\s*(?P<cap>\d+(?:\.\d+)?)\s*分\s*[)）]$")
_NUM = re.compile(r"^\d+(?:\.\d+)?$")
_TOTAL = lexicon.SCORE_TABLE_TOTAL
_DEDUCTION = lexicon.DEDUCTION


def extract_table_scores(scan: Scan) -> list[ScoreTree]:
    """Score trees from tables; the bare-number quantities they use are minted on the scan."""
    trees: list[ScoreTree] = []
    for t in scan.doc.table_ids():
        tree = _Builder(scan).build(scan.doc.table_rows(t))
        if tree:
            trees.append(tree)
    return trees


class _Builder:
    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.nodes: dict[str, dict] = {}
        self.order: list[str] = []

    def _qty(self, cell: Block, text: str, cap_match: re.Match[str] | None = None) -> Quantity:
        if cap_match:
            start = cell.start + self._offset(cell, cap_match.group("cap"))
            raw = cap_match.group("cap")
        else:
            start = cell.start + self._offset(cell, text)
            raw = text
        return self.scan.mint(start, start + len(raw), Decimal(raw), "分")

    def _offset(self, cell: Block, needle: str) -> int:
        return self.scan.text[cell.start : cell.end].find(needle)

    def _node(self, name: str, cell: Block, parent: str | None, **kw: object) -> str:
        nid = f"n{len(self.order) + 1}"
        self.nodes[nid] = {
            "id": nid,
            "name": name,
            "name_start": cell.start,
            "name_end": cell.end,
            "children": [],
            **kw,
        }
        self.order.append(nid)
        if parent:
            self.nodes[parent]["children"].append(nid)
        return nid

    def build(self, rows: list[list[Block]]) -> ScoreTree | None:
        text = self.scan.text
        levels: dict[int, str] = {}
        root_total: Quantity | None = None
        root_cell: Block | None = None
        last_indicator = ""
        for row in rows:
            cells = [(c, text[c.start : c.end].strip()) for c in row]
            nonempty = [(c, s) for c, s in cells if s]
            if not nonempty:
                continue
            head = re.sub(r"\s+", "", nonempty[0][1])
            nums = [(c, s) for c, s in cells if _NUM.match(s)]
            if _TOTAL.search(head) and nums and not _CAT.match(head):
                # 部门整体自评得分 | 97 is the total of the table's indicators; 总分 | 100 | | | 100 (分值 and
                # 得分) also counts the 预算执行 points of a project form's fund rows. Neither is an indicator.
                if len(nums) == 1:
                    root_total, root_cell = self._qty(nums[0][0], nums[0][1]), nonempty[0][0]
                continue
            cats = [(c, s, m) for c, s in cells if (m := _CAT.match(re.sub(r"\s+", "", s)))]
            for c, s, m in cats:
                level = c.col or 0
                for deeper in [k for k in levels if k >= level]:
                    del levels[deeper]
                parent = levels[max(levels)] if levels else None
                name = m.group("name").strip()
                levels[level] = self._node(
                    name, c, parent, weight=self._qty(c, s, m).id, deduction=bool(_DEDUCTION.search(name))
                )
            if len(nums) < 2 or not levels:
                continue
            weight, score = nums[0], nums[-1]
            name_cell = next(
                (
                    (c, s)
                    for c, s in cells
                    if s
                    and not _NUM.match(s)
                    and not _CAT.match(re.sub(r"\s+", "", s))
                    and (c.col or 0) < (weight[0].col or 0)
                ),
                None,
            )
            parent = levels[max(levels)]
            if cats and not name_cell and len(cats) == 1 and cats[0][0].col == min(levels):
                self.nodes[parent]["score"] = self._qty(score[0], score[1]).id
                continue
            name = name_cell[1] if name_cell else f"{last_indicator}（续）"
            last_indicator = name_cell[1] if name_cell else last_indicator
            anchor = name_cell[0] if name_cell else weight[0]
            self._node(
                name, anchor, parent, weight=self._qty(weight[0], weight[1]).id, score=self._qty(score[0], score[1]).id
            )
        if not self.order:
            return None
        tops = [nid for nid in self.order if not any(nid in n["children"] for n in self.nodes.values())]
        first = rows[0][0]
        root = ScoreNode(
            id="n0",
            name="总分",
            name_start=(root_cell or first).start,
            name_end=(root_total.end if root_total else (root_cell or first).end),
            score=root_total.id if root_total else None,
            children=tuple(tops),
        )
        nodes = [root] + [
            ScoreNode(**{**self.nodes[n], "children": tuple(self.nodes[n]["children"])}) for n in self.order
        ]
        return ScoreTree(nodes=tuple(nodes), root="n0", source="table")
