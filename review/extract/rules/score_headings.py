"""Score trees written as numbered headings, each with its cap (一、投入(14分) / (一)项目立项(8分): /
(1)项目立项(2分) …), the self-score stated in a leaf's own text (…程序完整,执行程序规范。自评得2分): the
heading's numbering fixes its level, a heading's children are the headings one level deeper until the
next heading of its level or above, and a leaf's score is the one 自评得…分 its text states."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from review.core.claims import Quantity, ScoreNode, ScoreTree
from review.extract import lexicon
from review.extract.rules.scan import Scan

# A heading's numbering: the list marks of lexicon.HEADING_MARK, and (一) (二) … above (1) (2).
_MARK = rf"(?:[（(]\s*[一二三四五六七八九十]{{1,3}}\s*[)）]|{lexicon.HEADING_MARK})"
# A numbered line: its mark, and, when it is a scored heading, its name and its cap right after.
_LINE = re.compile(rf"^[ \t\u3000]*(?P<mark>{_MARK})[ \t\u3000]*")
_NAMED_CAP = re.compile(
    r"(?P<name>[\u4e00-\u9fa5“”、]{2,24}?)\s*[（(]\s*(?P<cap>\d{1,3}(?:\.\d+)?)\s*分\s*[)）]?[\s：:]*"
)


@dataclass
class _Heading:
    start: int  # where its line starts
    level: int  # by its numbering's shape, in the order the shapes first appear
    name: str = ""
    name_start: int = -1
    name_end: int = -1
    cap: Quantity | None = None  # None: a numbered line with no cap (a closer, or an unscored part)
    body_end: int = -1  # where its own text ends (the next numbered line)
    children: list[_Heading] = field(default_factory=list)
    closed: bool = False  # a heading of its level or above follows its last part


def extract_heading_scores(scan: Scan, known: list[ScoreTree]) -> list[ScoreTree]:
    """One tree per run of scored headings, skipping caps another reader's tree already holds."""
    used = {n.weight for t in known for n in t.nodes if n.weight} | {n.score for t in known for n in t.nodes}
    headings = _headings(scan, used)
    if not any(h.cap for h in headings):
        return []
    tops = _nest(headings)
    scored = [h for h in tops if _scored(h)]
    if not scored:
        return []
    nodes: list[ScoreNode] = []
    children = tuple(_node(scan, h, nodes, (), used) for h in scored)
    root = ScoreNode(
        id="h0",
        name="",
        name_start=scored[0].name_start,
        name_end=scored[0].name_start,
        children=children,
        exhaustive=False,
    )
    return [ScoreTree(nodes=(root, *nodes), root="h0", source="text")]


def _shape(mark: str) -> str:
    """A mark's shape, its number written as one kind of numeral: (1) and (2) one shape; (1), (一)
    and 1. three."""
    mark = re.sub(r"\s", "", mark)
    return _CIRCLED.sub("①", _CHINESE.sub("一", re.sub(r"\d+", "1", mark)))


_CHINESE = re.compile("[一二三四五六七八九十]+")
_CIRCLED = re.compile(lexicon.CIRCLED_NUMBER)


def _headings(scan: Scan, used: set[str | None]) -> list[_Heading]:
    text = scan.text
    by_start = {q.start: q for q in scan.quantities}
    levels: dict[str, int] = {}
    out: list[_Heading] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        m = _LINE.match(line)
        if m:
            level = levels.setdefault(_shape(m["mark"]), len(levels))
            h = _Heading(start=pos, level=level)
            named = _NAMED_CAP.match(line, m.end())
            cap = by_start.get(pos + named.start("cap")) if named else None
            if named and cap is not None and cap.unit == "分" and cap.id not in used:
                h.name, h.cap = named["name"], cap
                h.name_start, h.name_end = pos + named.start("name"), pos + named.end("name")
            if out:
                out[-1].body_end = pos
            out.append(h)
        pos += len(line)
    if out:
        out[-1].body_end = len(text)
    return out


def _nest(headings: list[_Heading]) -> list[_Heading]:
    """The headings as a forest: each under the nearest heading before it of a level above; a
    heading is closed when one of its level or above follows it."""
    tops: list[_Heading] = []
    stack: list[_Heading] = []
    for h in headings:
        while stack and stack[-1].level >= h.level:
            stack.pop().closed = True
        (stack[-1].children if stack else tops).append(h)
        stack.append(h)
    return tops


def _scored(h: _Heading) -> bool:
    return h.cap is not None


def _node(scan: Scan, h: _Heading, nodes: list[ScoreNode], path: tuple[str, ...], used: set[str | None]) -> str:
    """The node of a scored heading (and of its scored parts, added to `nodes` first): its parts are
    all of its sub-headings when each states a cap and the heading is closed, else a partial list."""
    node_id = f"h{len(nodes) + 1}"
    nodes.append(ScoreNode(id=node_id, name=h.name, name_start=h.name_start, name_end=h.name_end))
    index = len(nodes) - 1
    parts = [c for c in h.children if _scored(c)]
    kids = tuple(_node(scan, c, nodes, (*path, h.name), used) for c in parts)
    score = _own_score(scan, h, used) if not h.children else None
    exhaustive = h.closed and len(parts) == len(h.children)
    # what a finding on it quotes: the heading through its cap, and a leaf's text through its score
    end = score.end if score else h.cap.end if h.cap else h.name_end
    nodes[index] = nodes[index].model_copy(
        update={
            "name_end": end,
            "weight": h.cap.id if h.cap else None,
            "score": score.id if score else None,
            "children": kids,
            "exhaustive": exhaustive,
            "path": path,
        }
    )
    return node_id


def _own_score(scan: Scan, h: _Heading, used: set[str | None]) -> Quantity | None:
    """The one self-score a leaf's own text states (自评得3分, 自评得分：3分); none when it states
    several (a part scored for two funds) or none."""
    start = h.name_end
    found = [
        q
        for q in scan.between(start, h.body_end)
        if q.unit == "分" and q.id not in used and _SCORE_BEFORE.search(scan.text, max(start, q.start - 8), q.start)
    ]
    return found[0] if len(found) == 1 else None


_SCORE_BEFORE = re.compile(rf"{lexicon.SCORE_WORDS}\s*{lexicon.COPULA}\s*$")
