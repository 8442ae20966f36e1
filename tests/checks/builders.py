"""Hand-made claims for the check tests: a text written piece by piece and the quantities in it,
each at its own span, so a finding's quote can be asserted. No extractor runs: the tests give
the checks claims directly."""

from __future__ import annotations

import re
from decimal import Decimal

from review.checks.base import Context
from review.core.claims import Claims, Quantity, Relation, ScoreNode, ScoreTree
from review.core.findings import Finding
from review.scoring.packs import GradeBand, RubricNode, RubricPack

_WRITTEN = re.compile(r"(?P<num>\d+(?:\.(?P<frac>\d+))?)\s*(?P<unit>.*)")


def qty(qid: str, text: str, start: int, value: str, unit: str, label: str = "") -> Quantity:
    """One quantity at text[start:start + len(text)], its precision the digits after the point."""
    return Quantity(
        id=qid,
        text=text,
        start=start,
        end=start + len(text),
        value=Decimal(value),
        unit=unit,
        decimals=len(value.split(".")[1]) if "." in value else 0,
        label=label,
    )


class Sheet:
    """A report text being written: `num` appends a label and a number and returns its Quantity
    (ids q0, q1, … in order); `node` appends a score-tree node; `ctx` gives the checks' Context."""

    def __init__(self) -> None:
        self.text = ""
        self.quantities: list[Quantity] = []
        self.nodes: list[ScoreNode] = []

    def write(self, words: str) -> tuple[int, int]:
        start = len(self.text)
        self.text += words
        return start, len(self.text)

    def num(self, written: str, label: str = "", qualifier: str | None = None, unit: str | None = None) -> Quantity:
        """`label` then `written` (e.g. "850.00万元"), then a comma; `unit` for a bare table cell ("40")."""
        label_start = self.write(label)[0] if label else -1
        m = _WRITTEN.fullmatch(written)
        assert m, written
        start, end = self.write(written)
        self.write("，")
        q = Quantity(
            id=f"q{len(self.quantities)}",
            text=written,
            start=start,
            end=end,
            value=Decimal(m["num"]),
            unit=m["unit"].strip() if unit is None else unit,
            decimals=len(m["frac"] or ""),
            qualifier=qualifier,
            label=label,
            label_start=label_start,
        )
        self.quantities.append(q)
        return q

    def node(
        self,
        name: str,
        weight: str | None = None,
        score: str | None = None,
        children: tuple[ScoreNode, ...] = (),
        *,
        exhaustive: bool = True,
        deduction: bool = False,
    ) -> ScoreNode:
        """A score-tree node: its name in the text, then its weight and score as bare cells in 分 (as
        a table reader mints them)."""
        start, end = self.write(name)
        self.write(" ")
        n = ScoreNode(
            id=f"n{len(self.nodes) + 1}",
            name=name,
            name_start=start,
            name_end=end,
            weight=self.num(weight, unit="分").id if weight else None,
            score=self.num(score, unit="分").id if score else None,
            children=tuple(c.id for c in children),
            exhaustive=exhaustive,
            deduction=deduction,
        )
        self.nodes.append(n)
        return n

    def tree(self, total: str | None = None, source: str = "table") -> ScoreTree:
        """The nodes written so far under a root "总分" (with the stated total, if any)."""
        inner = {c for n in self.nodes for c in n.children}
        start, end = self.write("总分")
        root = ScoreNode(
            id="n0",
            name="总分",
            name_start=start,
            name_end=end,
            score=self.num(total, unit="分").id if total else None,
            children=tuple(n.id for n in self.nodes if n.id not in inner),
        )
        return ScoreTree(nodes=(root, *self.nodes), root="n0", source="table" if source == "table" else "text")

    def quote(self, q: Quantity) -> str:
        """What a finding anchored on q quotes: its label and the number."""
        return self.text[q.anchor_start : q.end]

    def claims(self, *relations: Relation) -> Claims:
        return Claims(quantities=tuple(self.quantities), relations=relations)

    def ctx(self, *relations: Relation, period: int | None = 2022, rubric: RubricPack | None = None) -> Context:
        return Context(self.claims(*relations), self.text, period, rubric)


def pack(weights: dict[str, str], *, fixed: bool = False, grades: tuple[tuple[str, int], ...] = ()) -> RubricPack:
    """A rubric pack of top-level categories with these weights (they must add up to 100)."""
    bands = grades or (("优", 90), ("良", 80), ("中", 60), ("差", 0))
    return RubricPack(
        id="test-pack",
        version="1",
        title="测试评分标准",
        weights_fixed=fixed,
        grades=tuple(GradeBand(name=n, min=Decimal(m)) for n, m in bands),
        categories=tuple(RubricNode(name=n, weight=Decimal(w)) for n, w in weights.items()),
    )


def essentials(f: Finding) -> tuple[str, str, str]:
    """(check, severity, rule) of a finding, for one-line assertions."""
    return f.check, f.severity, f.rule


def spans_ok(findings: list[Finding], text: str) -> bool:
    """Every finding quotes its own span of the text."""
    return all(f.quote == text[f.start : f.end] and f.quote for f in findings)
