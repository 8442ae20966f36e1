"""A report's own scoring table (打分表) as a score tree: category cells "目标管理（40分）",
indicator rows with 指标分值 and 自评得分, and the total row "部门整体自评得分 97"."""

from __future__ import annotations

import re
from decimal import Decimal

from review.core.claims import Quantity, ScoreNode, ScoreTree, Unread
from review.core.document import Block
from review.extract import lexicon
from review.extract.rules.rule_marks import Grant, full_marks, rule_tree
from review.extract.rules.scan import Scan
from review.extract.rules.span_rows import Layout, SpanGrid, SpanRow
from review.extract.rules.span_tables import closed_at_end, rows_grid, text_span_grids
from review.extract.rules.table_columns import Cell

_CAT = re.compile(r"^(?P<name>.+?)[（(]\s*(?P<cap>\d+(?:\.\d+)?)\s*分\s*[)）]$")
_NUM = re.compile(r"^\d+(?:\.\d+)?$")
_TOTAL = lexicon.SCORE_TABLE_TOTAL
_DEDUCTION = lexicon.DEDUCTION


def extract_table_scores(scan: Scan) -> list[ScoreTree]:
    """Score trees from tables; the bare-number quantities they use are minted on the scan."""
    trees: list[ScoreTree] = []
    for t in scan.doc.table_ids():
        rows = scan.doc.table_rows(t)
        grid = rows_grid([[Cell(b.start, b.end, scan.text[b.start : b.end]) for b in row] for row in rows], [])
        if grid is not None:
            trees.extend(_span_trees(scan, closed_at_end(scan.text, grid), whole_row=False))
        else:
            builder = _Builder(scan)
            tree = builder.build(rows)
            trees.extend([tree, *builder.rules] if tree else [])
    return trees


class _Builder:
    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.nodes: dict[str, dict] = {}
        self.order: list[str] = []
        self.rules: list[ScoreTree] = []  # a row's 分值 over the full marks its rule states

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
            w = self._qty(weight[0], weight[1])
            nid = self._node(name, anchor, parent, weight=w.id, score=self._qty(score[0], score[1]).id)
            rule = [(c.start, c.end) for c, _ in cells if weight[0].start < c.start < score[0].start]
            marks = full_marks(text, rule)
            if marks is not None and not _DEDUCTION.search(name):
                self.rules.append(_rule_tree(self.scan, self.nodes[nid], marks))
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


def extract_span_scores(scan: Scan) -> tuple[list[ScoreTree], list[Unread]]:
    """Score trees of indicator tables whose level cells span rows, written one cell a line
    (review/extract/rules/span_rows.py): each level's cell a category over the rows it spans, its
    cap stated in the cell (投 入(15分)) or in the level's own 分值 column; each row an indicator
    with its 分值 and 得分. A category is claimed whole once a later row opens another at its
    level or above, or the table's total row closes it, or the text ends with its last row
    (span_tables.closed_at_end)."""
    grids, unread = text_span_grids(scan)
    return [t for g in grids for t in _span_trees(scan, g, whole_row=True)], unread


def _span_trees(scan: Scan, grid: SpanGrid, *, whole_row: bool) -> list[ScoreTree]:
    """The grid's score tree, then one tree per row whose rule states its full marks."""
    rules: list[ScoreTree] = []
    tree = _span_tree(scan, grid, rules, whole_row=whole_row)
    return [tree, *rules] if tree is not None else []


def _span_tree(scan: Scan, grid: SpanGrid, rules: list[ScoreTree], *, whole_row: bool) -> ScoreTree | None:
    layout = grid.layout
    levels = [grp[0] for grp in layout.groups]
    nodes: dict[tuple[int, int], ScoreNode] = {}
    kids: dict[str, list[str]] = {"n0": []}
    closed: set[str] = set()
    order: list[tuple[int, int]] = []
    leaves: list[ScoreNode] = []
    for r, row in enumerate(grid.rows):
        parent = "n0"
        for depth, col in enumerate(levels[:-1]):
            cell = row.cells[col]
            if cell is None:
                break
            key = (col, cell.start)
            if key not in nodes:
                _close_level(nodes, order, closed, depth, levels)
                nodes[key] = _span_category(scan, cell, row, col, layout, f"c{len(nodes) + 1}")
                order.append(key)
                kids[nodes[key].id] = []
                kids[parent].append(nodes[key].id)
            parent = nodes[key].id
        leaf = _span_leaf(scan, row, layout, f"n{r + 1}", rules, whole_row=whole_row)
        leaves.append(leaf)
        kids[parent].append(leaf.id)
    if grid.closed:
        closed.update(n.id for n in nodes.values())
    elif grid.cut is not None:
        _close_level(nodes, order, closed, grid.cut, levels)
    if not leaves:
        return None
    cats = [n.model_copy(update={"children": tuple(kids[n.id]), "exhaustive": n.id in closed}) for n in nodes.values()]
    first = grid.rows[0].cells[levels[0]]
    start = first.start if first else grid.start
    root = ScoreNode(
        id="n0", name="总分", name_start=start, name_end=start, children=tuple(kids["n0"]), exhaustive=grid.closed
    )
    if len(grid.total) > 1:  # the total row: 总分 | 100 | 96 — its 分值 then its 得分, or its 得分 alone
        label, *numbers = grid.total
        weight = _cell_qty(scan, numbers[0], "总分·分值") if len(numbers) > 1 else None
        score = _cell_qty(scan, numbers[-1], "总分·得分")
        root = root.model_copy(
            update={
                "name_start": label.start,
                "name_end": label.end,
                "weight": weight.id if weight else None,
                "score": score.id,
            }
        )
    return ScoreTree(nodes=(root, *cats, *leaves), root="n0", source="table")


def _close_level(
    nodes: dict[tuple[int, int], ScoreNode],
    order: list[tuple[int, int]],
    closed: set[str],
    depth: int,
    levels: list[int],
) -> None:
    """A new cell at level `depth` closes the open categories at that level and below it."""
    for key in order:
        if key[0] in levels[depth:]:
            closed.add(nodes[key].id)


def _span_category(scan: Scan, cell: Cell, row: SpanRow, col: int, layout: Layout, nid: str) -> ScoreNode:
    raw = scan.text[cell.start : cell.end]
    name = re.sub(r"\s+", "", raw)
    in_cell = lexicon.SPAN_CAP_DIGITS.search(raw) if col in layout.capped else None
    cap_cell = row.cells[col + 1] if col + 1 < len(row.cells) and layout.kinds[col + 1] == "cap" else None
    weight = None
    if in_cell:
        name = re.sub(r"\s+", "", raw[: in_cell.start()])
        s, e = cell.start + in_cell.start("cap"), cell.start + in_cell.end("cap")
        weight = scan.mint(s, e, Decimal(in_cell.group("cap")), "分", f"{name}·分值").id
    elif cap_cell is not None:
        weight = scan.mint(cap_cell.start, cap_cell.end, Decimal(cap_cell.text.strip()), "分", f"{name}·分值").id
    return ScoreNode(
        id=nid,
        name=name,
        name_start=cell.start,
        name_end=cell.end,
        weight=weight,
        deduction=bool(_DEDUCTION.search(name)),
    )


def _span_leaf(
    scan: Scan, row: SpanRow, layout: Layout, nid: str, rules: list[ScoreTree], *, whole_row: bool
) -> ScoreNode:
    """The row's indicator: its name (the last level's cell, 续 when that cell spans from above),
    its 分值 (the 分值 column's, else the cap its own name cell states: 5.资金落实(10分)) and its
    得分; a rule that grants bonus points (最多加2分) leaves its 得分 unbounded by the 分值. Its span:
    the name cell in a loader's table (the cell shows the row), the row from its name to its 得分
    in text, where the row runs over several lines (`whole_row`)."""
    name_col = layout.groups[-1][0]
    name_cell = row.cells[name_col]
    raw = scan.text[name_cell.start : name_cell.end] if name_cell and not row.spanned[name_col] else ""
    in_cell = lexicon.SPAN_CAP_DIGITS.search(raw) if raw else None
    name = _squeeze(raw[: in_cell.start()] if in_cell else raw) or (
        f"{_squeeze(name_cell.text)}（续）" if name_cell else "指标"
    )
    weight_cell, score_cell = _column(row, layout, "weight"), _column(row, layout, "score")
    rule = " ".join(c.text for c, k in zip(row.cells, layout.kinds, strict=True) if c and k == "text")
    weight = _cell_qty(scan, weight_cell, f"{name}·分值") if weight_cell else None
    if weight is None and in_cell and name_cell:
        s, e = name_cell.start + in_cell.start("cap"), name_cell.start + in_cell.end("cap")
        weight = scan.mint(s, e, Decimal(in_cell.group("cap")), "分", f"{name}·分值")
    texts = [c for c, k in zip(row.cells, layout.kinds, strict=True) if c and k == "text"]
    marks = full_marks(scan.text, [(c.start, c.end) for c in texts])
    if weight is None and marks is not None and len(marks) == 1:
        weight = scan.mint(marks[0].start, marks[0].end, marks[0].value, "分", f"{name}·分值")
        marks = None
    bonus = bool(lexicon.SCORE_BONUS.search(rule))
    score = _cell_qty(scan, score_cell, f"{name}·得分") if score_cell and not bonus else None
    own_name = [name_cell] if raw and name_cell and not row.spanned[name_col] else []
    numbers = [c for c in (weight_cell, score_cell) if c]
    cells = (own_name + numbers if whole_row else own_name or numbers) or [c for c in row.cells if c is not None]
    start = cells[0].start
    leaf = ScoreNode(
        id=nid,
        name=name,
        name_start=start,
        name_end=max(c.end for c in cells),
        weight=weight.id if weight else None,
        score=score.id if score else None,
        deduction=bool(_DEDUCTION.search(name)),
    )
    if weight is not None and marks is not None and not leaf.deduction:
        rules.append(_rule_tree(scan, leaf.model_dump(), marks))
    return leaf


def _rule_tree(scan: Scan, row: dict, marks: list[Grant]) -> ScoreTree:
    """The row's 分值 over the grants its rule adds up to its full marks (the row: a node's fields)."""
    return rule_tree(scan, row["name"], (row["name_start"], row["name_end"]), row["weight"], marks)


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _column(row: SpanRow, layout: Layout, kind: str) -> Cell | None:
    return row.cells[layout.kinds.index(kind)] if kind in layout.kinds else None


def _cell_qty(scan: Scan, cell: Cell, label: str) -> Quantity:
    return scan.mint(cell.start, cell.end, Decimal(cell.text.strip()), "分", label)
