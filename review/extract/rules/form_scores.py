"""The indicator part of a 项目支出绩效自评表 — category headings with their caps (产出指标（50分）)
and the indicator rows under them — read from flattened renderings (pipe rows, one row a line, the
whole form on one line), where no grid survives.

The form's header names the numeric columns in order (…年度指标值 实际完成值 分值 得分 or
分值 年度指标值 全年实际值 得分). Target and actual values usually carry a unit (≥50个, 29.5亩,
100%); 分值 and 得分 are bare numbers. So, by the header's layout:
- 分值 and 得分 the last two numeric columns, side by side: every run of two or more consecutive
  bare numbers in a category is one indicator, its last two being 分值 and 得分;
- 分值 and 得分 apart (target and actual between them): every line with exactly two bare numbers is
  one indicator, 分值 first; a line with more than two is reported as unread; rows written one
  cell a line are read from the sequence of cells (review.extract.rules.cell_rows).
A category is claimed whole only when it is closed — the next heading, or the form's total,
follows it. An excerpt that ends inside its last category (效 益 指 标 (30分) | … and the text
ends within a few rows) gives that category's rows so far, claimed as not all of them: their weights may fall short
of the cap, never exceed it (in a grid the loader kept, the score-table reader reads them) —
unless the text ends with a row of it read (nothing but blanks and cell rules after its 得分): the
text's end is then the form's, and the category is claimed whole.

Claims: one score tree per form, categories (cap = the heading's points) over their indicators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from review.core.claims import ScoreNode, ScoreTree, Unread
from review.extract import lexicon
from review.extract.rules.cell_rows import Cell, one_cell_per_line, read_rows
from review.extract.rules.form_headings import forms_of, heading_name
from review.extract.rules.form_total import fund_cells, mint_once, total_row
from review.extract.rules.glued_rows import glued_rows, is_glued
from review.extract.rules.scan import Scan
from review.extract.rules.score_header import header_layout, weight_score_gap
from review.extract.rules.span_tables import ends_text, text_span_grids

# 产出指标（50分）, 效 益 指 标 (30分), 满意度指标(10分): the heading's name and its cap; any other
# name by its shape (绩效指标(90分), 年度绩效目标1 (80分), 项目决策(10 分)), not inside a longer word
_SPACED_NAMES = "|".join(r"\s*".join(name) for name in lexicon.SCORE_HEADING_NAMES)
_ENDS = "|".join(lexicon.SCORE_HEADING_ENDS)
_SPACED_INDICATOR = r"\s*" + r"\s*".join(lexicon.INDICATOR)  # 指 标, as a split header writes it
_CJK = "\u4e00-\u9fa5"
_HEADING = re.compile(
    rf"(?P<name>(?:{_SPACED_NAMES}){_SPACED_INDICATOR}"
    rf"|(?<![{_CJK}])[{_CJK}]{{0,{lexicon.SCORE_HEADING_PREFIX}}}(?:{_ENDS})(?:\s*\d(?!\d))?)"
    r"\s*[（(]\s*(?P<cap>\d+(?:\.\d+)?)\s*分\s*[)）]"
)
_PART_HEADER = lexicon.PART_HEADER_AFTER
_TOTAL = lexicon.SCORE_TOTAL_ROW
_COLUMNS = lexicon.SCORE_COLUMNS
# a bare number: not part of a longer number, no unit or % after it (nor a money unit written apart,
# 195.5 万元 as PDF text writes it), not a year or a list mark
_BARE = re.compile(
    r"(?<![\d.%％≥≤<>＞＜=])(\d+(?:\.\d+)?)(?![\d.]|\s*[%％‰]|[^\s|｜\d]|[ \t\u3000]+(?:万元|亿元|千元|元|万))"
)
_WORD = re.compile(r"[^\s|｜]")


@dataclass(frozen=True)
class _Num:
    start: int
    end: int
    value: Decimal


def extract_form_scores(scan: Scan) -> tuple[list[ScoreTree], list[Unread]]:
    """Score trees of flattened forms, and the rows it could not read; quantities are minted on the scan."""
    text = scan.text
    unread: list[Unread] = []
    trees: list[ScoreTree] = []
    spans = [(g.start, g.end) for g in text_span_grids(scan)[0]]  # the score-table reader's (rows filled down)
    headed = forms_of(text, [h for h in _HEADING.finditer(text) if not any(s <= h.start() < e for s, e in spans)])
    for form in headed:
        tree = _headed_form(scan, form, unread)
        if tree is not None:
            trees.append(tree)
    for start in _headless_starts(text, [form[0].start() for form in headed]):
        if scan.in_table(start) or any(s <= start < e for s, e in spans):
            continue  # a grid the loader kept: the score-table reader reads it
        tree = _headless_form(scan, start, unread)
        if tree is not None:
            trees.append(tree)
    return trees, unread


def _leaf(scan: Scan, nid: str, w: _Num | None, s: _Num, after: int, path: tuple[str, ...]) -> ScoreNode:
    text = scan.text
    first = w or s
    label = re.sub(r"\s+", " ", text[max(after, first.start - 24) : first.start]).strip(" |｜")[-16:]
    return ScoreNode(
        id=nid,
        name=label or (path[-1] if path else "指标"),
        name_start=first.start,
        name_end=s.end,
        weight=scan.mint(w.start, w.end, w.value, "分", f"{label}·分值").id if w else None,
        score=scan.mint(s.start, s.end, s.value, "分", f"{label}·得分").id,
        path=path,
    )


@dataclass
class _Part:
    """A heading over the categories that follow it (年度绩效目标（80分） | 一级指标 | …)."""

    heading: re.Match[str]
    kids: list[str]
    complete: bool = True


def _headed_form(scan: Scan, form: list[re.Match[str]], unread: list[Unread]) -> ScoreTree | None:
    """Categories with their caps (产出指标（50分）) over their indicator rows; a heading the
    part's header row follows (绩效指标(90分) | 一级指标 | …) is over the categories after it."""
    text = scan.text
    first_header = _header_end(text, form[0].end())
    layout = header_layout(text, first_header or form[0].start())
    if layout is None:
        return None
    gap = weight_score_gap(text, first_header or form[0].start())
    nodes: list[ScoreNode] = []
    tops: list[str] = []
    part: _Part | None = None
    before = len(unread)
    closed_at: int | None = None
    for i, h in enumerate(form):
        end = form[i + 1].start() if i + 1 < len(form) else _section_end(text, h.end())
        cut = end is None and len(text) - h.end() <= _CUT_REACH and not scan.in_table(h.start())
        if end is None and not cut:
            if part is not None:
                part.complete = False
            break  # the last category runs on with no end in sight: not claimed
        if end is None:
            # the excerpt ends inside the last category: its rows so far, not all of them
            end, part_complete = len(text), False
        else:
            part_complete = True
        closed_at = end if i + 1 == len(form) and not cut else None
        header = _header_end(text, h.end())
        unread_before = len(unread)
        leaves = _indicators(text, header or h.end(), end, (layout, gap), unread)
        if cut and leaves and ends_text(text, leaves[-1][1].end):
            part_complete = True  # the text ends with the category's last row read: the form's end
        if header is not None and not leaves and i + 1 < len(form):
            _close_part(scan, part, nodes, tops)
            part = _Part(h, [])
            continue
        if not leaves:
            if part is not None:
                part.complete = False
            if header is None and len(unread) == unread_before and _WORD.search(text, h.end(), end):
                reason = f"评分表类别“{_name(h)}”（{h.group('cap')}分）下的指标行未读出分值与得分，此类别未核对"
                unread.append(Unread(start=h.start(), end=h.end(), reason=reason))
            continue
        cid = _category(scan, h, leaves, nodes, every_row_read=len(unread) == unread_before and part_complete)
        if part is not None and not part_complete:
            part.complete = False
        (part.kids if part is not None else tops).append(cid)
    _close_part(scan, part, nodes, tops)
    if not tops:
        return None
    root = ScoreNode(
        id="n0",
        name="总分",
        name_start=form[0].start(),
        name_end=form[0].end(),
        children=tuple(tops),
        exhaustive=False,
    )
    whole = _whole_form(scan, form[0].start(), closed_at, tuple(tops), len(unread) == before)
    if whole is not None:
        root, fund = whole
        nodes.insert(0, fund)
    return ScoreTree(nodes=(root, *nodes), root="n0", source="table")


def _category(
    scan: Scan,
    h: re.Match[str],
    leaves: list[tuple[_Num | None, _Num]],
    nodes: list[ScoreNode],
    *,
    every_row_read: bool,
) -> str:
    """The category node of heading `h` over its indicator rows, appended to `nodes`; its id. With
    a row left unread the category's indicators are not all known."""
    name = _name(h)
    cap = scan.mint(h.start("cap"), h.end("cap"), Decimal(h.group("cap")), "分", f"{name}·分值")
    kids = []
    for w, s in leaves:
        nid = f"n{len(nodes) + 2}"
        nodes.append(_leaf(scan, nid, w, s, h.end(), (name,)))
        kids.append(nid)
    cid = f"c{sum(n.id.startswith('c') for n in nodes) + 1}"
    nodes.append(
        ScoreNode(
            id=cid,
            name=name,
            name_start=h.start(),
            name_end=h.end(),
            weight=cap.id,
            children=tuple(kids),
            exhaustive=every_row_read,
        )
    )
    return cid


def _close_part(scan: Scan, part: _Part | None, nodes: list[ScoreNode], tops: list[str]) -> None:
    """The part's node over its categories, appended to `nodes` and made a child of the root."""
    if part is None or not part.kids:
        return
    h = part.heading
    name = _name(h)
    cap = scan.mint(h.start("cap"), h.end("cap"), Decimal(h.group("cap")), "分", f"{name}·分值")
    pid = f"p{sum(n.id.startswith('p') for n in nodes) + 1}"
    nodes.append(
        ScoreNode(
            id=pid,
            name=name,
            name_start=h.start(),
            name_end=h.end(),
            weight=cap.id,
            children=tuple(part.kids),
            exhaustive=part.complete,
        )
    )
    tops.append(pid)


def _name(h: re.Match[str]) -> str:
    return heading_name(h)


def _header_end(text: str, pos: int) -> int | None:
    """Where the part's header row that follows a heading ends (after its last column name), or
    None when no header row follows."""
    m = _PART_HEADER.match(text, pos)
    if m is None:
        return None
    end = m.end()
    for col in _COLUMNS.finditer(text, m.end(), m.end() + _HEADER_REACH):
        if _BARE.search(text, end, col.start()):
            break
        end = col.end()
    return end


def _whole_form(
    scan: Scan, start: int, closed_at: int | None, children: tuple[str, ...], all_read: bool
) -> tuple[ScoreNode, ScoreNode] | None:
    """The form's root with its 总分 row (分值, 得分) and the fund block's 预算执行 node as one more
    child, when the form is read whole: its fund cell certain, every indicator row read, and the
    total row right where the last category closes."""
    text = scan.text
    if closed_at is None or not all_read:
        return None
    total = total_row(text, closed_at, closed_at + 40)
    fund = fund_cells(text, start)
    if total is None or total.start != closed_at or fund is None:
        return None
    fund_weight, fund_score = fund
    fund_node = ScoreNode(
        id="f1",
        name="预算执行率",
        name_start=(fund_weight or fund_score).start,
        name_end=fund_score.end,
        weight=mint_once(scan, fund_weight, "预算执行率·分值").id if fund_weight else None,
        score=mint_once(scan, fund_score, "预算执行率·得分").id,
    )
    root = ScoreNode(
        id="n0",
        name="总分",
        name_start=total.start,
        name_end=total.score.end,
        weight=mint_once(scan, total.weight, "总分·分值").id if total.weight else None,
        score=mint_once(scan, total.score, "总分·得分").id,
        children=("f1", *children),
    )
    return root, fund_node


# the indicator part's header: …三级指标 followed by its column names
_INDICATOR_HEADER = lexicon.INDICATOR_HEADER
_HEADER_REACH = 160


def _headless_starts(text: str, headed: list[int]) -> list[int]:
    """Where the indicator rows of a form without category caps begin: after its header's last
    column name, in no form the headed reader has (a heading with a cap within reach)."""
    out: list[int] = []
    for m in _INDICATOR_HEADER.finditer(text):
        cols = list(_COLUMNS.finditer(text, m.end(), m.end() + _HEADER_REACH))
        start = cols[-1].end() if cols else m.end()
        if not any(abs(h - m.start()) < 600 for h in headed) and (not out or start > out[-1]):
            out.append(start)
    return out


def _headless_form(scan: Scan, start: int, unread: list[Unread]) -> ScoreTree | None:
    """A form whose categories carry no caps: its indicator rows under one 绩效指标 group. The whole
    form's sum is claimed when it is read whole (see _whole_form); otherwise only each row's 分值
    and 得分, as far as the next form's header or the total row."""
    text = scan.text
    layout = header_layout(text, start)
    if layout is None:
        return None
    gap = weight_score_gap(text, start)
    total = total_row(text, start, start + 3000)
    nxt = _INDICATOR_HEADER.search(text, start)
    end = min(total.start if total else len(text), nxt.start() if nxt else len(text), start + 3000)
    if _HEADING.search(text, start, end):
        return None
    before = len(unread)
    leaves = _indicators(text, start, end, (layout, gap), unread)
    nodes = [_leaf(scan, f"n{i + 2}", w, s, start, ("绩效指标",)) for i, (w, s) in enumerate(leaves)]
    group = ScoreNode(id="g1", name="绩效指标", name_start=start, name_end=start, children=tuple(n.id for n in nodes))
    whole = _whole_form(scan, start, total.start if total else None, ("g1",), len(unread) == before)
    if whole is not None:
        root, fund = whole
        return ScoreTree(nodes=(root, fund, group, *nodes), root="n0", source="table")
    if layout == "score_only" or not nodes:
        return None  # scores alone, without their form's total, claim nothing
    root = ScoreNode(id="n0", name="总分", name_start=start, name_end=start, children=("g1",), exhaustive=False)
    return ScoreTree(nodes=(root, group, *nodes), root="n0", source="table")


_SECTION_REACH = 3000  # characters from the last heading within which its form's total is looked for
_CUT_REACH = 400  # the text ends this close after the last heading: a few rows of it, the excerpt cut there


def _section_end(text: str, start: int) -> int | None:
    """Where the last category ends: at the form's total (总分…), if it is in the text."""
    m = _TOTAL.search(text, start, start + _SECTION_REACH)
    return m.start() if m else None


def _indicators(
    text: str, start: int, end: int, header: tuple[str, int | None], unread: list[Unread]
) -> list[tuple[_Num | None, _Num]]:
    """The rows' (分值, 得分) by the header's layout and the columns from 分值 to 得分 (`header`)."""
    layout, gap = header
    if layout == "apart" and is_glued(text, start, end):
        return [
            (_Num(w.start, w.end, w.value), _Num(s.start, s.end, s.value))
            for w, s in glued_rows(text, start, end, unread)
        ]
    if layout != "adjacent" and gap is not None and one_cell_per_line(text, start, end):
        return [(_num(w) if w else None, _num(s)) for w, s in read_rows(text, start, end, gap, unread)]
    nums = [_Num(m.start(1), m.end(1), Decimal(m.group(1))) for m in _BARE.finditer(text, start, end)]
    if layout == "adjacent":
        return [(run[-2], run[-1]) for run in _runs(text, nums) if len(run) >= 2]
    out: list[tuple[_Num | None, _Num]] = []
    want = 1 if layout == "score_only" else 2
    for line_start, line in _lines(text, start, end):
        mine = [n for n in nums if line_start <= n.start < line_start + len(line)]
        pairs = _rows_on_one_line(text, mine, gap) if want == 2 and len(mine) > want else None
        if len(mine) == want:
            out.append((None, mine[0]) if want == 1 else (mine[0], mine[1]))
        elif pairs is not None:
            out.extend(pairs)
        elif len(mine) > want:
            what = "得分" if want == 1 else "分值与得分"
            reason = f"评分表一行有 {len(mine)} 个不带单位的数，{what}无法唯一对应，未核对"
            unread.append(Unread(start=mine[0].start, end=mine[-1].end, reason=reason))
    return out


def _rows_on_one_line(text: str, nums: list[_Num], gap: int | None) -> list[tuple[_Num | None, _Num]] | None:
    """A form written on one line (分值 年度指标值 全年实际值 得分, the rows one after another): its
    bare numbers read in pairs, 分值 then 得分 with the header's gap − 1 cells between them, none of
    them bare (the target and the actual); None when any number is left out of a pair."""
    if gap is None or gap < 2 or len(nums) % 2:
        return None
    pairs = list(zip(nums[::2], nums[1::2], strict=True))
    if all(len(_WORD_RUN.findall(text, w.end, s.start)) == gap - 1 for w, s in pairs):
        return [(w, s) for w, s in pairs]
    return None


_WORD_RUN = re.compile(r"[^\s|｜]+")  # a cell of a line split by blanks


def _num(c: Cell) -> _Num:
    return _Num(c.start, c.end, Decimal(c.text))


def _runs(text: str, nums: list[_Num]) -> list[list[_Num]]:
    """Maximal runs of numbers with only separators between them."""
    runs: list[list[_Num]] = []
    for n in nums:
        if runs and not _WORD.search(text[runs[-1][-1].end : n.start]):
            runs[-1].append(n)
        else:
            runs.append([n])
    return runs


def _lines(text: str, start: int, end: int) -> list[tuple[int, str]]:
    out, pos = [], start
    for line in text[start:end].split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out
