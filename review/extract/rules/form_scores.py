"""The indicator part of a 项目支出绩效自评表 — category headings with their caps (产出指标（50分）)
and the indicator rows under them — read from flattened renderings (pipe rows, one row a line, the
whole form on one line), where no grid survives.

The form's header names the numeric columns in order (…年度指标值 实际完成值 分值 得分 or
分值 年度指标值 全年实际值 得分). Target and actual values usually carry a unit (≥50个, 29.5亩,
100%); 分值 and 得分 are bare numbers. So, by the header's layout:
- 分值 and 得分 the last two numeric columns, side by side: every run of two or more consecutive
  bare numbers in a category is one indicator, its last two being 分值 and 得分;
- 分值 and 得分 apart (target and actual between them): every line with exactly two bare numbers is
  one indicator, 分值 first; a line with one, or more than two, is reported as unread.
A category is claimed only when it is closed — the next heading, or the form's total, follows it —
so an excerpt cut inside a category never looks like weights that do not fill their cap.

Claims: one score tree per form, categories (cap = the heading's points) over their indicators.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from review.core.claims import ScoreNode, ScoreTree, Unread
from review.extract.rules.scan import Scan

_SP = r"\s*"
# 产出指标（50分）, 效 益 指 标 (30分), 满意度指标(10分): the heading's name and its cap
_HEADING = re.compile(
    r"(?P<name>(?:产\s*出|效\s*益|满\s*意\s*度|成\s*本|项\s*目\s*决\s*策|项\s*目\s*管\s*理|项\s*目\s*过\s*程)\s*指\s*标)"
    r"\s*[（(]\s*(?P<cap>\d+(?:\.\d+)?)\s*分\s*[)）]"
)
_TOTAL = re.compile(r"总\s*分|合\s*计|总\s*计")
_COLUMNS = re.compile(r"分\s*值|权\s*重|得\s*分|年度指标值|实际完成值|全年实际值|实际值|指标值")
# a bare number: not part of a longer number, no unit or % after it, not a year or a list mark
_BARE = re.compile(r"(?<![\d.%％≥≤<>＞＜=])(\d+(?:\.\d+)?)(?![\d.]|\s*[%％‰]|[^\s|｜\d])")
_WORD = re.compile(r"[^\s|｜]")


@dataclass(frozen=True)
class _Num:
    start: int
    end: int
    value: Decimal


def _layout(text: str, start: int) -> str | None:
    """'adjacent' (… 分值 得分), 'apart' (分值 … 得分) or None, from the header before `start`."""
    window = text[max(0, start - 400) : start]
    names = [re.sub(r"\s", "", m.group()) for m in _COLUMNS.finditer(window)]
    if "得分" not in names or not ({"分值", "权重"} & set(names)):
        return None
    weight = max(i for i, n in enumerate(names) if n in ("分值", "权重"))
    score = max(i for i, n in enumerate(names) if n == "得分")
    if score < weight:
        return None
    return "adjacent" if score == weight + 1 else "apart"


def extract_form_scores(scan: Scan) -> tuple[list[ScoreTree], list[Unread]]:
    """Score trees of flattened forms, and the rows it could not read; quantities are minted on the scan."""
    text = scan.text
    headings = list(_HEADING.finditer(text))
    unread: list[Unread] = []
    trees: list[ScoreTree] = []

    forms = _forms(headings)
    for form in forms:
        layout = _layout(text, form[0].start())
        if layout is None:
            continue
        nodes: list[ScoreNode] = []
        cats: list[str] = []
        for i, h in enumerate(form):
            end = form[i + 1].start() if i + 1 < len(form) else _section_end(text, h.end())
            if end is None:
                break  # the last category runs past the excerpt: not claimed
            leaves = _indicators(text, h.end(), end, layout, unread)
            if not leaves:
                continue
            name = re.sub(r"\s", "", h.group("name"))
            cap = scan.mint(h.start("cap"), h.end("cap"), Decimal(h.group("cap")), "分", f"{name}·分值")
            kids = []
            for w, s in leaves:
                nid = f"n{len(nodes) + len(cats) + 2}"
                label = re.sub(r"\s+", " ", text[max(h.end(), w.start - 24) : w.start]).strip(" |｜")[-16:]
                nodes.append(
                    ScoreNode(
                        id=nid,
                        name=label or name,
                        name_start=w.start,
                        name_end=s.end,
                        weight=scan.mint(w.start, w.end, w.value, "分", f"{label}·分值").id,
                        score=scan.mint(s.start, s.end, s.value, "分", f"{label}·得分").id,
                        path=(name,),
                    )
                )
                kids.append(nid)
            cid = f"c{len(cats) + 1}"
            cats.append(cid)
            nodes.append(
                ScoreNode(
                    id=cid, name=name, name_start=h.start(), name_end=h.end(), weight=cap.id, children=tuple(kids)
                )
            )
        if cats:
            root = ScoreNode(
                id="n0",
                name="总分",
                name_start=form[0].start(),
                name_end=form[0].end(),
                children=tuple(cats),
                exhaustive=False,
            )
            trees.append(ScoreTree(nodes=(root, *nodes), root="n0", source="table"))
    return trees, unread


def _forms(headings: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Headings grouped into forms: a repeated category name starts a new form."""
    forms: list[list[re.Match[str]]] = []
    seen: set[str] = set()
    for h in headings:
        name = re.sub(r"\s", "", h.group("name"))
        if not forms or name in seen:
            forms.append([])
            seen = set()
        forms[-1].append(h)
        seen.add(name)
    return forms


def _section_end(text: str, start: int) -> int | None:
    """Where the last category ends: at the form's total (总分…), if it is in the text."""
    m = _TOTAL.search(text, start, start + 3000)
    return m.start() if m else None


def _indicators(text: str, start: int, end: int, layout: str, unread: list[Unread]) -> list[tuple[_Num, _Num]]:
    nums = [_Num(m.start(1), m.end(1), Decimal(m.group(1))) for m in _BARE.finditer(text, start, end)]
    if layout == "adjacent":
        return [(run[-2], run[-1]) for run in _runs(text, nums) if len(run) >= 2]
    out = []
    for line_start, line in _lines(text, start, end):
        mine = [n for n in nums if line_start <= n.start < line_start + len(line)]
        if len(mine) == 2:
            out.append((mine[0], mine[1]))
        elif len(mine) > 2:
            reason = f"评分表一行有 {len(mine)} 个不带单位的数，分值与得分无法唯一对应，未核对"
            unread.append(Unread(start=mine[0].start, end=mine[-1].end, reason=reason))
    return out


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
