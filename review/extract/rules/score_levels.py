"""A score table whose every indicator, at every level, carries its 分值 in its name, and whose one
value column is 得分 — the 部门整体支出绩效评价得分表 as a PDF flattens it::

    一级指 标 二级指标 三级指标 得分 部门决 策(25 分) 目标任务(15 分) 相关性(5 分)
    5 明确性(5 分)
    5 预算编制(10 分) 测算依据(5 分)
    2 …

The header names the levels (一级指标 二级指标 三级指标: three). Each row fills the last levels: its
names, then the 得分 of the last one, an indicator of the deepest level; a row of k names starts at
level (levels − k + 1), so "预算编制(10 分) 测算依据(5 分) 2" is a 二级 category over a 三级 indicator
under the 一级 category above. A category is whole (exhaustive) once a row starts at its level or
above; the table ends at the first thing that is neither a name with its 分值 nor a 得分, and the
categories still open there are claimed as not whole (their weights may fall short of the cap).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from review.core.claims import ScoreNode, ScoreTree
from review.extract import lexicon
from review.extract.rules.form_template import spaced
from review.extract.rules.scan import Scan

_CJK = "\u4e00-\u9fa5"
_LEVELS = "|".join(spaced(n) for n in lexicon.SCORE_LEVEL_NAMES)
_HEADER = re.compile(rf"(?:(?:{_LEVELS})\s*){{2,}}{spaced(lexicon.SCORE_ONLY_COLUMN)}(?![{_CJK}])")
_LEVEL = re.compile(_LEVELS)
_NAMED = re.compile(
    rf"\s*(?P<name>[{_CJK}](?:[{_CJK}]|\s(?=[{_CJK}])){{0,20}}?)\s*[（(]\s*(?P<cap>\d+(?:\.\d+)?)\s*分\s*[)）]"
)
_SCORE = re.compile(r"\s*(?P<score>\d+(?:\.\d+)?)(?![\d.%％])")


@dataclass
class _Node:
    nid: str
    name: str
    start: int
    end: int
    cap: str  # quantity id
    level: int
    score: str | None = None
    children: list[str] = field(default_factory=list)
    whole: bool = False


def extract_level_scores(scan: Scan) -> list[ScoreTree]:
    """One score tree per such table; the caps and scores are minted on the scan."""
    trees = []
    for header in _HEADER.finditer(scan.text):
        if scan.in_table(header.start()):
            continue  # a grid the loader kept: review.extract.rules.score_table reads it
        levels = len(_LEVEL.findall(header.group()))
        tree = _Table(scan, levels).read(header.end())
        if tree is not None:
            trees.append(tree)
    return trees


class _Table:
    def __init__(self, scan: Scan, levels: int) -> None:
        self.scan, self.levels = scan, levels
        self.nodes: list[_Node] = []
        self.open: dict[int, _Node] = {}  # level → the category open at it
        self.tops: list[str] = []

    def read(self, pos: int) -> ScoreTree | None:
        text = self.scan.text
        while True:
            row: list[re.Match[str]] = []
            while (m := _NAMED.match(text, pos)) is not None:
                row.append(m)
                pos = m.end()
            score = _SCORE.match(text, pos) if row else None
            if score is None or not self._add_row(row, score):
                break
            pos = score.end()
        return self._tree()

    def _add_row(self, row: list[re.Match[str]], score: re.Match[str]) -> bool:
        """The row's names at the last len(row) levels, the last one scored; False when the row
        cannot be placed (more names than levels, or no category above its first level)."""
        first = self.levels - len(row) + 1
        if first < 1 or (first > 1 and first - 1 not in self.open):
            return False
        for level in [k for k in self.open if k >= first]:
            self.open.pop(level).whole = True
        for i, m in enumerate(row):
            node = self._node(m, first + i)
            parent = self.open.get(first + i - 1)
            (parent.children if parent else self.tops).append(node.nid)
            if i + 1 < len(row):
                self.open[first + i] = node
            else:
                node.score = self._mint(score.start("score"), score.end("score"), f"{node.name}·得分")
                node.whole = True
        return True

    def _node(self, m: re.Match[str], level: int) -> _Node:
        name = re.sub(r"\s", "", m.group("name"))
        cap = self._mint(m.start("cap"), m.end("cap"), f"{name}·分值")
        node = _Node(f"n{len(self.nodes) + 1}", name, m.start("name"), m.end(), cap, level)
        self.nodes.append(node)
        return node

    def _mint(self, start: int, end: int, label: str) -> str:
        return self.scan.mint(start, end, Decimal(self.scan.text[start:end]), "分", label).id

    def _tree(self) -> ScoreTree | None:
        if not any(n.children for n in self.nodes):
            return None
        first = self.nodes[0]
        root = ScoreNode(
            id="n0",
            name="总分",
            name_start=first.start,
            name_end=first.end,
            children=tuple(self.tops),
            exhaustive=False,
        )
        nodes = [
            ScoreNode(
                id=n.nid,
                name=n.name,
                name_start=n.start,
                name_end=n.end,
                weight=n.cap,
                score=n.score,
                children=tuple(n.children),
                exhaustive=n.whole,
            )
            for n in self.nodes
        ]
        return ScoreTree(nodes=(root, *nodes), root="n0", source="table")
