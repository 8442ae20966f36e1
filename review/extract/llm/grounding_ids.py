"""Ground a reply of ids (按编号落地): each id is the number review.extract.llm.marking wrote as
`[n]` in the chunk sent, so it is located and parsed by our code already; an id the text did not
have is ungrounded. The relations are built by review.extract.llm.grounding's Builder, with the
same refusals as for quotes (mixed units, a total among its items, a rate not in %).
"""

from __future__ import annotations

import re
from functools import partial

from review.core.claims import Quantity, Relation, ScoreNode
from review.extract.chunking import Chunk
from review.extract.llm.grounding import Builder, Grounded, Ungrounded
from review.extract.llm.schema_ids import IdExtraction, RatioIds, ScoreIds, SumIds
from review.extract.view import View

# A number's label is the text before it back to the clause's start, at most this long.
LABEL_STOPS = frozenset("，。；：:;,、\n|\t（）()")
LABEL_MAX = 24
ROW_CELL = re.compile(r"[^|\t\n]+")
WORD = re.compile(r"[\u4e00-\u9fff]{2}")


class _IdGrounder(Builder):
    def number(self, ident: int) -> Quantity:
        if not 1 <= ident <= len(self.numbers):
            raise Ungrounded(f"原文中没有编号 [{ident}]")
        n = self.numbers[ident - 1]
        return self._quantity(n, self._label_start(n.start))

    def _label_start(self, pos: int) -> int:
        """Where the words naming the number at `pos` begin: back to the clause's start or the
        previous number, at most LABEL_MAX characters."""
        floor = max(0, pos - LABEL_MAX)
        floor = max([floor, *(n.end for n in self.numbers if n.end <= pos)])
        i = pos
        while i > floor and self.text_[i - 1] not in LABEL_STOPS:
            i -= 1
        return i

    def _row_name(self, pos: int) -> tuple[int, int]:
        """The span naming a score row whose first number is at `pos`: the last cell or clause
        before it on its line that has words and no number (a pipe, tab or space-aligned row's
        label cell), else the words right before the number."""
        line_start = self.text_.rfind("\n", 0, pos) + 1
        for m in reversed(list(ROW_CELL.finditer(self.text_, line_start, pos))):
            cell = m.group()
            if WORD.search(cell) and not any(c.isdigit() for c in cell):
                return m.start() + len(cell) - len(cell.lstrip()), m.end() - (len(cell) - len(cell.rstrip()))
        return self._label_start(pos), pos

    def _relation(self, rel: SumIds | RatioIds) -> tuple[Relation, list[Quantity]]:
        if isinstance(rel, SumIds):
            return self.sum(self.number(rel.total), [self.number(i) for i in rel.items], rel.exhaustive)
        return self.ratio(self.number(rel.rate), self.number(rel.numerator), self.number(rel.denominator))

    def _scores(self, rows: list[ScoreIds]) -> None:
        """Score rows as one tree: a row under the row whose weight is its `parent`."""
        nodes: list[tuple[ScoreNode, list[Quantity]]] = []
        by_weight: dict[int, str] = {}
        parent_weight: dict[str, int] = {}
        for i, row in enumerate(rows):
            if row.weight is None and row.score is None:
                continue
            made = self.attempt("score", partial(self._score_row, i, row))
            if made is None:
                continue
            node, used = made
            nodes.append((node, used))
            if row.weight:
                by_weight[row.weight] = node.id
            if row.parent:
                parent_weight[node.id] = row.parent
        parents = {k: p for k, w in parent_weight.items() if (p := by_weight.get(w))}
        if nodes:
            self.score_tree(nodes, parents)

    def _score_row(self, i: int, row: ScoreIds) -> tuple[ScoreNode, list[Quantity]]:
        weight = self.number(row.weight) if row.weight else None
        score = self.number(row.score) if row.score else None
        first = min(q.start for q in (weight, score) if q is not None)
        return self.score_node(i, self._row_name(self.window.local(first)), weight, score)


def ground_ids(extraction: IdExtraction, chunk: Chunk, prefix: str, view: View | None = None) -> Grounded:
    """Claims from one reply of ids about `chunk` (marked as review.extract.llm.marking marks the
    chunk's view); quantity ids start with `prefix`."""
    return _IdGrounder(chunk, prefix, view).run(extraction.relations)
