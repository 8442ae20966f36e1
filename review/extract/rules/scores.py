"""Score statements written as prose: "产出指标应得分40分，实际得分40分，具体情况如下：…应得4分，
实际得4分；…". A section headed by a category (产出指标/效益指标/…) becomes one category node whose
children are the indicator statements inside it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import Quantity, ScoreNode, ScoreTree
from review.extract import lexicon
from review.extract.rules.scan import Scan

_STATEMENT = re.compile(
    rf"{lexicon.WEIGHT_WORDS}{lexicon.COPULA}\s*(?P<w>\d+(?:\.\d+)?)\s*分[，,、；;\s]*"
    rf"{lexicon.SCORE_WORDS}{lexicon.COPULA}\s*(?P<s>\d+(?:\.\d+)?)\s*分"
)
CATEGORY = lexicon.SCORE_CATEGORY
_HEADING = re.compile(r"^\s*(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}[.．、]|[一二三四五六七八九十]+、)")


@dataclass
class _Statement:
    name: str
    name_start: int
    start: int
    end: int
    weight: Quantity
    score: Quantity


def extract_text_scores(scan: Scan) -> list[ScoreTree]:
    statements = _statements(scan)
    if not statements:
        return []
    trees = []
    for heading, section in _sections(scan, statements):
        tree = _tree(section, heading)
        if tree:
            trees.append(tree)
    return trees


def _statements(scan: Scan) -> list[_Statement]:
    by_start = {q.start: q for q in scan.quantities}
    out = []
    for m in _STATEMENT.finditer(scan.text):
        w, s = by_start.get(m.start("w")), by_start.get(m.start("s"))
        if w is None or s is None or w.unit != "分" or s.unit != "分":
            continue
        name, name_start = _name_before(scan.text, m.start())
        out.append(_Statement(name, name_start, m.start(), m.end(), w, s))
    return out


def _name_before(text: str, pos: int) -> tuple[str, int]:
    """The indicator named in the clause before 应得: "带动就业增长率，应得2分" → 带动就业增长率."""
    i = pos
    while i > 0 and text[i - 1] in "，, ：:":
        i -= 1
    j = i
    while j > 0 and text[j - 1] not in "，,。；;：:\n":
        j -= 1
    return text[j:i].strip(), j


def _sections(scan: Scan, statements: list[_Statement]) -> list[tuple[str, list[_Statement]]]:
    """Group statements under the nearest preceding heading line (（1）产出指标完成情况分析)."""
    groups: dict[int, list[_Statement]] = {}
    text = scan.text
    for st in statements:
        head = _heading_before(text, st.start)
        groups.setdefault(head, []).append(st)
    out = []
    for k in sorted(groups):
        end = text.find("\n", k)
        out.append((text[k : end if end >= 0 else len(text)], groups[k]))
    return out


def _heading_before(text: str, pos: int) -> int:
    line_start = text.rfind("\n", 0, pos) + 1
    while line_start > 0:
        line_end = text.find("\n", line_start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if _HEADING.match(line) and len(line) < 40:
            return line_start
        line_start = text.rfind("\n", 0, line_start - 1) + 1
    return 0


def _tree(section: list[_Statement], heading: str) -> ScoreTree | None:
    first, rest = section[0], section[1:]
    named = CATEGORY.search(first.name) or CATEGORY.search(heading)
    is_category = bool(CATEGORY.search(first.name)) or (
        rest and first.weight.value >= sum(r.weight.value for r in rest)
    )
    if named and len(section) == 1:
        node = _leaf(0, first, ()).model_copy(update={"name": named.group()})
        return ScoreTree(nodes=(node,), root="n0", source="text")
    if not is_category or not rest:
        nodes = [_leaf(i, st, ()) for i, st in enumerate(section)]
        root = ScoreNode(
            id="t0",
            name="",
            name_start=first.start,
            name_end=first.start,
            children=tuple(n.id for n in nodes),
            exhaustive=False,
        )
        return ScoreTree(nodes=(root, *nodes), root="t0", source="text")
    children = [_leaf(i + 1, st, (first.name,)) for i, st in enumerate(rest)]
    total_weight = sum(c.weight.value for c in rest)
    root = ScoreNode(
        id="n0",
        name=named.group() if named else first.name,
        name_start=first.name_start,
        name_end=first.end,
        weight=first.weight.id,
        score=first.score.id,
        children=tuple(c.id for c in children),
        exhaustive=total_weight >= first.weight.value,
    )
    return ScoreTree(nodes=(root, *children), root="n0", source="text")


def _leaf(i: int, st: _Statement, path: tuple[str, ...]) -> ScoreNode:
    return ScoreNode(
        id=f"n{i}",
        name=st.name,
        name_start=st.name_start,
        name_end=st.end,
        weight=st.weight.id,
        score=st.score.id,
        path=path,
    )
