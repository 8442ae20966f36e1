"""Tables read by their header: the national 项目支出绩效自评表 and its kin.

A header row names the columns (年初预算数/全年预算数/全年执行数/分值/执行率/得分, or
一级指标/二级指标/三级指标/年度指标值/实际完成值/分值/得分, or the 部门整体 basic data table's
编制数/实际在职人数/控制率); the rows under it are read by column. Rows give: 执行率 = 执行数 ÷ 预算数
and 在职人员控制率 = 在职人数 ÷ 编制数 (ratio), 预算执行得分 = min(执行率, 100%) × 分值 (formula
score), and indicator rows with 分值 and 得分 grouped under their 一级指标 (score tree).
Tables come from the loader (Word, PDF, tab-cell text), from tab-separated text lines, and from
text written one cell a line or a paragraph whose header fixes the number of columns."""

from __future__ import annotations

import re
from decimal import Decimal

from review.core.claims import FormulaScore, Quantity, RatioRelation, Relation, ScoreNode, ScoreTree
from review.core.document import stripped_span
from review.extract import lexicon
from review.extract.rules.cell_runs import Cell, cell_runs
from review.extract.rules.scan import Scan

ROLES = lexicon.TABLE_COLUMN_ROLES
_NUM = re.compile(r"^(?P<n>\d+(?:\.\d+)?)\s*(?P<pct>[%％])?(?:万元|万|元)?$")
_UNIT = re.compile(r"[（(](万元|元|%|％|分)[)）]")
_PERSONS = lexicon.HEADCOUNT_COLUMN
_CAT_CELL = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$")
FIELD_SPLIT = re.compile(r"\t|[ \u3000]{2,}|\s*[|｜]\s*")  # between two cells of a row, in every text rendering
_TOTAL_NAME = lexicon.SCORE_TOTAL_NAME


Row = list[Cell]


def tables_of(scan: Scan) -> list[list[Row]]:
    """Loader tables plus runs of tab-separated lines in the prose and one-cell-a-line grids."""
    text = scan.text
    out = [
        [[Cell(b.start, b.end, text[b.start : b.end].strip()) for b in row] for row in scan.doc.table_rows(t)]
        for t in scan.doc.table_ids()
    ]
    return out + line_tables(scan) + cell_grids(scan)


def cell_grids(scan: Scan) -> list[list[Row]]:
    """Text written one cell a line or a paragraph, rebuilt into rows where a header fixes the column
    count: k consecutive cells that each name a column (编制数 | 2023 年实际在职人数 | 控制率), then rows
    of exactly k numbers, each maybe after one label cell, every number of the kind its column
    holds (a % under a rate, none elsewhere). A header split over cells (年初 | 预算数) gives rows
    with more numbers than columns and is not rebuilt."""
    grids: list[list[Row]] = []
    for run in cell_runs(scan.text):
        cells = [Cell(s, e, scan.text[s:e]) for s, e in run if not scan.in_table(s)]
        i = 0
        while i < len(cells):
            roles = _header_roles(cells, i)
            rows = _grid_rows(cells, i + len(roles), roles) if len(roles) >= 2 else []
            if rows:
                grids.append([cells[i : i + len(roles)], *rows])
                i += len(roles) + sum(len(r) for r in rows)
            else:
                i += 1
    return grids


def _header_roles(cells: list[Cell], i: int) -> list[str]:
    """The roles of the consecutive cells from i that each name a different column."""
    roles: list[str] = []
    for cell in cells[i:]:
        found = _roles([cell])
        if not found or _NUM.match(cell.text) or next(iter(found)) in roles:
            break
        roles.append(next(iter(found)))
    return roles


def _grid_rows(cells: list[Cell], j: int, roles: list[str]) -> list[Row]:
    k = len(roles)
    rows: list[Row] = []
    while j < len(cells):
        label = [] if _NUM.match(cells[j].text) else [cells[j]]
        values = cells[j + len(label) : j + len(label) + k]
        after = j + len(label) + k
        if len(values) < k or not all(_fits_column(c, role) for c, role in zip(values, roles, strict=True)):
            break
        if after < len(cells) and _NUM.match(cells[after].text):
            break  # more numbers than columns: the header was not the whole header
        rows.append(label + values)
        j = after
    return rows


def _fits_column(cell: Cell, role: str) -> bool:
    m = _NUM.match(cell.text)
    return m is not None and bool(m.group("pct")) == (role == "rate")


def line_tables(scan: Scan, min_cells: int = 3) -> list[list[Row]]:
    """Runs of at least two lines split into cells by tabs, pipes or runs of spaces; a line of fewer
    than three cells (合计 | 13.26) is a row only with `min_cells=2` and a tab or a pipe in it."""
    tables: list[list[Row]] = []
    run: list[Row] = []
    for pos, line, label in _lines_with_labels(scan.text):
        stripped = line.strip()
        tabular = "\t" in stripped or "  " in stripped or "\u3000\u3000" in stripped or stripped.count("|") >= 2
        marked = "\t" in stripped or "|" in stripped or "｜" in stripped
        row = _split_line(line, pos) if (tabular or marked and min_cells < 3) and not scan.in_table(pos) else []
        row = [label, *row] if label is not None and row else row
        if len(row) >= 3 or (len(row) >= min_cells and marked):
            run.append(row)
        else:
            if len(run) >= 2:
                tables.append(run)
            run = []
    if len(run) >= 2:
        tables.append(run)
    return tables


def _lines_with_labels(text: str) -> list[tuple[int, str, Cell | None]]:
    """Each line with where it starts; a row's label written on a line of its own, ending in a pipe,
    right before the pipe line of its cells (养殖家畜家禽成活率 | then | 5 | 95% | 100% | 5 |), goes
    with that line as its first cell."""
    out: list[tuple[int, str, Cell | None]] = []
    lines, pos = text.split("\n"), 0
    at = []
    for line in lines:
        at.append(pos)
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        label = _lone_label(lines[i], at[i])
        after = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if label is not None and after[:1] in "|｜" and sum(after.count(p) for p in "|｜") >= 2:
            out.append((at[i + 1], lines[i + 1], label))
            i += 2
            continue
        out.append((at[i], lines[i], None))
        i += 1
    return out


def _lone_label(line: str, pos: int) -> Cell | None:
    """The cell of a line holding one cell of words then a pipe (年度资金总额 |)."""
    stripped = line.strip()
    if stripped[-1:] not in ("|", "｜") or sum(stripped.count(p) for p in "|｜") != 1:
        return None
    cells = _split_line(line, pos)
    return cells[0] if len(cells) == 1 and not re.search(r"^[\d.,%％\s]+$", cells[0].text) else None


def _split_line(line: str, pos: int) -> Row:
    bounds, cur = [], 0
    for m in FIELD_SPLIT.finditer(line):
        bounds.append((cur, m.start()))
        cur = m.end()
    bounds.append((cur, len(line)))
    cells = []
    for a, b in bounds:
        start, end = stripped_span(line, a, b)
        if start < end:
            cells.append(Cell(pos + start, pos + end, line[start:end]))
    return cells


def _roles(row: Row) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        key = re.sub(r"\s", "", cell.text)
        for role, pattern in ROLES.items():
            if role not in found and pattern.search(key):
                found[role] = i
                break
    return found


class _Reader:
    def __init__(self, scan: Scan) -> None:
        self.scan = scan

    def qty(self, cell: Cell, unit: str) -> Quantity | None:
        m = _NUM.match(cell.text)
        if not m:
            return None
        raw = m.group("n")
        unit = "%" if m.group("pct") else unit
        start = cell.start + self.scan.text[cell.start : cell.end].find(raw)
        end = start + len(raw) + (len(cell.text) - len(raw) if m.group("pct") else 0)
        return self.scan.mint(start, end, Decimal(raw), unit)


def extract_table_columns(scan: Scan) -> list[Relation]:
    reader = _Reader(scan)
    relations: list[Relation] = []
    for rows in tables_of(scan):
        if any(_CAT_CELL.search(re.sub(r"\s", "", c.text)) for row in rows for c in row):
            continue  # a 打分表 with category caps: read by review.extract.rules.score_table
        relations.extend(_read(reader, rows))
    return relations


def _units(header: Row, roles: dict[str, int], default: str) -> dict[str, str]:
    out = {}
    for role, i in roles.items():
        m = _UNIT.search(header[i].text)
        out[role] = (
            m.group(1).replace("％", "%")
            if m
            else "%"
            if role == "rate"
            else "分"
            if role in ("weight", "score")
            else "人"
            if _PERSONS.search(header[i].text)
            else default
        )
    return out


def _read(reader: _Reader, rows: list[Row]) -> list[Relation]:
    out: list[Relation] = []
    header: Row | None = None
    roles: dict[str, int] = {}
    leaves: list[tuple[str, Cell, Quantity, Quantity]] = []
    total: tuple[Cell, Quantity] | None = None
    levels_weighed = False  # each level has its 分值 column: the hierarchy is span_tables' to read
    for row in rows:
        found = _roles(row)
        if len(found) >= 2 and not any(_NUM.match(c.text) for c in row):
            header, roles = row, found
            levels_weighed = sum(1 for c in row if ROLES["weight"].search(re.sub(r"\s", "", c.text))) > 1
            continue
        if header is None:
            continue
        cells = _align(row, header)
        units = _units(header, roles, "万元")
        get = {
            role: reader.qty(cell, units[role]) if i < len(cells) and (cell := cells[i]) else None
            for role, i in roles.items()
        }
        budget, executed, rate, weight, score = (get.get(k) for k in ("budget", "executed", "rate", "weight", "score"))
        if any(q is not None and q.unit == "%" for q in (budget, executed, weight, score)):
            continue  # a % under an amount or a points column: the row's cells are not where the header says
        if rate and executed and budget and budget.value > 0:
            out.append(
                RatioRelation(rate=rate.id, numerator=executed.id, denominators=(budget.id,), basis="表格·执行率")
            )
        first = re.sub(r"\s", "", row[0].text)
        if score and _TOTAL_NAME.match(first):
            total = (row[0], score)
        elif rate and weight and score and rate.unit == "%":
            out.append(FormulaScore(rule="budget_execution", rate=rate.id, weight=weight.id, score=score.id))
            leaves.append(("预算执行率", row[0], weight, score))
        elif weight and score and not (budget or executed):
            name_cell = (
                named if "name" in roles and roles["name"] < len(cells) and (named := cells[roles["name"]]) else row[0]
            )
            group = (
                grouped.text
                if "level1" in roles and roles["level1"] < len(cells) and (grouped := cells[roles["level1"]])
                else ""
            )
            leaves.append((group, name_cell, weight, score))
    if leaves and not levels_weighed:
        out.append(_tree(leaves, total))
    return out


def _align(row: Row, header: Row) -> list[Cell | None]:
    """Cells by header column: same width → by position; otherwise align on the right (a shorter
    row's left cells were merged with the rows above; a longer row has labels the header lacks)."""
    if len(row) == len(header):
        return list(row)
    if len(row) > len(header):  # the header has no cell over the row labels on the left
        return list(row[len(row) - len(header) :])
    return [None] * (len(header) - len(row)) + list(row)


def _tree(leaves: list[tuple[str, Cell, Quantity, Quantity]], total: tuple[Cell, Quantity] | None) -> ScoreTree:
    nodes: list[ScoreNode] = []
    groups: dict[str, list[str]] = {}
    current = ""
    for i, (group, cell, weight, score) in enumerate(leaves, 1):
        current = group or current
        nid = f"n{i}"
        nodes.append(
            ScoreNode(
                id=nid,
                name=cell.text,
                name_start=cell.start,
                name_end=cell.end,
                weight=weight.id,
                score=score.id,
                path=(current,) if current else (),
            )
        )
        groups.setdefault(current, []).append(nid)
    anchor = total[0] if total else leaves[0][1]
    end = total[1].end if total else anchor.start
    root = ScoreNode(
        id="n0",
        name="总分",
        name_start=anchor.start,
        name_end=end,
        score=total[1].id if total else None,
        children=tuple(n.id for n in nodes),
        exhaustive=False,
    )
    return ScoreTree(nodes=(root, *nodes), root="n0", source="table")


def _row_cells(line: str) -> list[tuple[int, str]]:
    """A digit-free line's cells with where each starts, empty cells kept (| a |  | b |, a<TAB><TAB>b)."""
    body = line.strip()
    if not body or re.search(r"\d", body):
        return []
    offset = line.index(body[0])
    body = body.strip("|｜").strip()
    offset = line.index(body[0], offset) if body else offset
    out, at = [], 0
    for sep in [*FIELD_SPLIT.finditer(body), None]:
        out.append((offset + at, body[at : sep.start() if sep else len(body)].strip()))
        at = sep.end() if sep else len(body)
    return out if len(out) >= 2 else []


def stacked_cells(top: str, bottom: str) -> list[tuple[int, str, str]] | None:
    """A header written over two rows, each column's words split between them (年初 | 全年 over
    预算数 | 预算数, 一级 | 分值 | 年度 over 指标 |  | 指标值): per column of the top line, where its cell
    starts, its text, and its text joined with the cell under it. Two digit-free lines of as many
    cells (the lower's last ones may be left out empty); None otherwise. Whether the joined cells
    name columns is for the reader."""
    upper, lower = _row_cells(top), _row_cells(bottom)
    if not upper or not lower or len(lower) > len(upper):
        return None
    lower += [(0, "")] * (len(upper) - len(lower))  # its empty cells at the end of the line dropped
    return [(at, t, t + b) for (at, t), (_, b) in zip(upper, lower, strict=True)]
