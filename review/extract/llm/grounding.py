"""Ground a model reply in the chunk it was asked about (落地核验): find every quote in the chunk
as the rules read it (review.extract.view: simplified, without pinyin), exactly, else after
normalising full/half width, spaces and thousands separators, mapped back to the original offsets;
re-parse each number from that text with review.core.numbers, and compare it with the value the
model read. Only relations whose every quote is found and whose
every value matches become claims; the rest are reported as ungrounded, never checked.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any, TypeVar

from review.core.claims import (
    BalanceRelation,
    CountRelation,
    Quantity,
    RatioRelation,
    Relation,
    ScoreNode,
    ScoreTree,
    SumCategory,
    SumRelation,
)
from review.core.numbers import EXACT_INTEGER_UNITS, ParsedNumber, find_numbers, parse_quantity
from review.extract.chunking import Chunk
from review.extract.lexicon import opens_partial_list, sum_category
from review.extract.llm.schema import BalanceWire, CountWire, Extraction, Num, RatioWire, ScoreWire, SumWire
from review.extract.view import View, Window

_T = TypeVar("_T")


class Ungrounded(Exception):
    """A quote that is not in the chunk, or a value that is not the one in its quote."""


class Rejected(Exception):
    """Grounded numbers that cannot form the stated relation (mixed units, total among items…)."""


def _norm_char(ch: str) -> str:
    if ch.isspace():
        return ""
    out = unicodedata.normalize("NFKC", ch)
    return out if len(out) == 1 else ch


class Locator:
    """Finds quotes in one text: exact occurrences first, else normalised ones (offsets original)."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        index: list[int] = []
        for i, ch in enumerate(text):
            n = _norm_char(ch)
            if not n:
                continue
            chars.append(n)
            index.append(i)
        keep = [
            not (c == "," and 0 < k < len(chars) - 1 and chars[k - 1].isdigit() and chars[k + 1].isdigit())
            for k, c in enumerate(chars)
        ]
        self._norm = "".join(c for c, ok in zip(chars, keep, strict=True) if ok)
        self._index = [i for i, ok in zip(index, keep, strict=True) if ok]

    @staticmethod
    def normalise(quote: str) -> str:
        return Locator(quote)._norm

    def find(self, quote: str) -> list[tuple[int, int]]:
        spans = _all(self.text, quote)
        if spans or not quote.strip():
            return [(s, s + len(quote)) for s in spans]
        nq = self.normalise(quote)
        if not nq:
            return []
        return [(self._index[s], self._index[s + len(nq) - 1] + 1) for s in _all(self._norm, nq)]


def _all(text: str, sub: str) -> list[int]:
    out, i = [], text.find(sub)
    while i >= 0 and sub:
        out.append(i)
        i = text.find(sub, i + 1)
    return out


@dataclass
class Grounded:
    """What one reply contributed: claims (absolute offsets) and why the rest was dropped."""

    quantities: dict[str, Quantity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    ungrounded: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    @property
    def kept(self) -> int:
        return len(self.relations)


class Builder:
    """Claims from numbers already resolved in one chunk (as the rules read it, review.extract.view):
    relations built from located quantities, every offset indexing `Document.text`. The quote
    grounder below resolves the model's quotes; review.extract.llm.grounding_ids resolves ids."""

    def __init__(self, chunk: Chunk, prefix: str, view: View | None = None) -> None:
        self.chunk = chunk
        self.prefix = prefix
        self.window = Window.of(chunk.text, chunk.start, view)
        self.text_ = self.window.text
        self.numbers = find_numbers(self.text_, with_bare=True)
        self.out = Grounded()
        self._made: dict[tuple[int, int], Quantity] = {}

    def _text_between(self, start: int, end: int) -> str:
        """Text (as read) between two document offsets, as far as this chunk holds it."""
        a, b = self.window.local(start), self.window.local(end)
        return self.text_[a:b] if a < b else ""

    def _quantity(self, n: ParsedNumber, quote_start: int) -> Quantity:
        """The quantity of the parsed number `n`, labeled by the text from `quote_start` to it."""
        start, end = self.window.source_offset(n.start), self.window.source_offset(n.end)
        if (start, end) in self._made:
            return self._made[(start, end)]
        raw = self.text_[quote_start : n.start]
        label = raw.strip()
        quote_start += len(raw) - len(raw.lstrip())
        qid = f"{self.prefix}q{len(self._made)}"
        self._made[(start, end)] = Quantity(
            id=qid,
            text=self.window.source_text(n.start, n.end),
            start=start,
            end=end,
            value=n.value,
            unit=n.unit,
            decimals=n.decimals,
            qualifier=n.qualifier,
            label=label,
            label_start=self.window.source_offset(quote_start) if label else -1,
            source="llm",
        )
        return self._made[(start, end)]

    def run(self, relations: Sequence[Any]) -> Grounded:
        """Every relation of a reply grounded or its reason recorded; score rows last, as one tree."""
        scores = [rel for rel in relations if rel.kind == "score"]
        for rel in relations:
            if rel.kind == "score":
                continue
            self._before(rel)
            made = self.attempt(rel.kind, partial(self._relation, rel))
            if made is not None:
                self._keep(*made)
        if scores:
            self._scores(scores)
        return self.out

    def attempt(self, kind: str, make: Callable[[], _T | None]) -> _T | None:
        """`make()`, or None with the reason recorded when its numbers are not in the chunk
        (Ungrounded) or cannot form the relation (Rejected)."""
        try:
            return make()
        except Ungrounded as exc:
            self.out.ungrounded.append(f"{kind}: {exc}")
        except Rejected as exc:
            self.out.rejected.append(f"{kind}: {exc}")
        return None

    def _before(self, rel: Any) -> None:
        """Called before a relation is grounded (the quote grounder finds where it is)."""

    def _relation(self, rel: Any) -> tuple[Relation, list[Quantity]]:
        raise NotImplementedError

    def _scores(self, rows: list[Any]) -> None:
        raise NotImplementedError

    def _keep(self, rel: Relation, used: list[Quantity]) -> None:
        for q in used:
            self.out.quantities.setdefault(q.id, q)
        if rel not in self.out.relations:
            self.out.relations.append(rel)

    # --- relations from resolved numbers ------------------------------------------------------

    def sum(self, total: Quantity, items: list[Quantity], exhaustive: bool) -> tuple[Relation, list[Quantity]]:
        _same_family([total, *items])
        if any((i.start, i.end) == (total.start, total.end) for i in items):
            raise Rejected("合计数同时列为分项")
        if len({(i.start, i.end) for i in items}) != len(items):
            raise Rejected("分项重复")
        category: SumCategory = sum_category(total.unit, total.label)
        first = min(i.start for i in items)
        between = self._text_between(total.end, first) if first > total.end else ""
        built = SumRelation(
            total=total.id,
            items=tuple(i.id for i in items),
            exhaustive=exhaustive and not opens_partial_list(between),  # 主要是 is partial, as for the rules
            category=category,
            basis="llm",
        )
        return built, [total, *items]

    def ratio(self, rate: Quantity, num: Quantity, den: Quantity) -> tuple[Relation, list[Quantity]]:
        if rate.unit != "%":
            raise Rejected(f"比率应为百分数：{rate.text}")
        _same_family([num, den])
        if (num.start, num.end) == (den.start, den.end):
            raise Rejected("分子与分母是同一个数")
        return RatioRelation(rate=rate.id, numerator=num.id, denominators=(den.id,), basis="llm"), [rate, num, den]

    def balance(
        self, opening: Quantity, ins: list[Quantity], outs: list[Quantity], closing: Quantity
    ) -> tuple[Relation, list[Quantity]]:
        _same_family([opening, closing, *ins, *outs])
        return BalanceRelation(
            opening=opening.id,
            inflows=tuple(i.id for i in ins),
            outflows=tuple(o.id for o in outs),
            closing=closing.id,
        ), [opening, closing, *ins, *outs]

    def count(self, count: Quantity, item_spans: list[tuple[int, int]]) -> tuple[Relation, list[Quantity]]:
        if count.unit not in EXACT_INTEGER_UNITS or count.decimals or not count.exact:
            raise Rejected(f"不是确切的个数：{count.text}")
        return CountRelation(
            stated=int(count.value),
            start=count.anchor_start,
            end=count.end,
            item_spans=tuple(sorted(set(item_spans))),
            what="模型逐项列出的项目个数",
            stated_ids=(count.id,),
            wording="model",
        ), [count]

    def score_node(
        self, i: int, name: tuple[int, int], weight: Quantity | None, score: Quantity | None
    ) -> tuple[ScoreNode, list[Quantity]]:
        """One score row (its name at local span `name`); Rejected when a number is not in 分."""
        for q in (weight, score):
            if q is not None and q.unit != "分":
                raise Rejected(f"分值/得分应以“分”计：{q.text}")
        node = ScoreNode(
            id=f"{self.prefix}s{i}",
            name=self.text_[name[0] : name[1]],
            name_start=self.window.source_offset(name[0]),
            name_end=self.window.source_offset(name[1]),
            weight=weight.id if weight else None,
            score=score.id if score else None,
        )
        return node, [q for q in (weight, score) if q]

    def score_tree(self, nodes: list[tuple[ScoreNode, list[Quantity]]], parents: dict[str, str]) -> None:
        """Score rows as one tree: each row under the node `parents` names (by node id), the rest
        under a root that claims nothing itself."""
        children: dict[str, list[str]] = {}
        parent_of: dict[str, str] = {}
        for node, _ in nodes:
            parent = parents.get(node.id)
            if parent and parent != node.id:
                children.setdefault(parent, []).append(node.id)
                parent_of[node.id] = parent
        weights = {node.id: next((q for q in used if q.id == node.weight), None) for node, used in nodes}
        names = {node.id: node.name for node, _ in nodes}
        built: list[ScoreNode] = []
        for node, used in nodes:
            kids = tuple(children.get(node.id, ()))
            cap = weights[node.id]
            known = sum((w.value for k in kids if (w := weights.get(k)) is not None), Decimal(0))
            exhaustive = bool(kids) and cap is not None and known >= cap.value
            path = (names[parent_of[node.id]],) if node.id in parent_of else ()
            built.append(node.model_copy(update={"children": kids, "exhaustive": exhaustive, "path": path}))
            for q in used:
                self.out.quantities.setdefault(q.id, q)
        top = tuple(n.id for n in built if n.id not in parent_of)
        first = built[0]
        root = ScoreNode(
            id=f"{self.prefix}root",
            name="",
            name_start=first.name_start,
            name_end=first.name_start,
            children=top,
            exhaustive=False,
        )
        self.out.relations.append(ScoreTree(nodes=(root, *built), root=root.id, source="text"))


class _Grounder(Builder):
    """Grounds one reply of quotes in its chunk: quotes are found and numbers re-parsed in the
    chunk's view."""

    def __init__(self, chunk: Chunk, prefix: str, view: View | None = None) -> None:
        super().__init__(chunk, prefix, view)
        self.locator = Locator(self.text_)
        self._anchor: int | None = None

    # --- locating -----------------------------------------------------------------------------

    def _find(self, quote: str) -> list[tuple[int, int]]:
        return self.locator.find(self.window.read(quote))

    def _place(self, quote: str) -> tuple[int, int]:
        """Local span (in the chunk's view) of a quote."""
        spans = self._find(quote)
        if not spans:
            raise Ungrounded(f"引文未在原文中找到：“{quote}”")
        if self._anchor is None:
            return spans[0]
        anchor = self._anchor
        return min(spans, key=lambda s: abs(s[0] - anchor))

    def text(self, quote: str) -> tuple[int, int]:
        """Absolute span of a verbatim (non-number) quote such as an indicator name."""
        s, e = self._place(quote)
        return self.window.source_offset(s), self.window.source_offset(e)

    def number(self, num: Num) -> Quantity:
        s, e = self._place(num.quote)
        own = parse_quantity(self.text_[s:e])
        if own is None:
            raise Ungrounded(f"引文应恰好含一个数字：“{num.quote}”")
        pos = s + own.start
        found = [n for n in self.numbers if n.start <= pos < n.end]
        if not found or found[0].value != own.value:
            raise Ungrounded(f"引文中的数字不是原文中的完整数量（日期、年份或被截断）：“{num.quote}”")
        parsed = found[0]
        if not _same_value(num.value, parsed):
            raise Ungrounded(f"数值与引文不符：模型读作 {num.value:g}，引文“{num.quote}”为 {parsed.text.strip()}")
        return self._quantity(parsed, s)

    # --- relations ----------------------------------------------------------------------------

    def _before(self, rel: SumWire | RatioWire | BalanceWire | CountWire) -> None:
        self._anchor = self._unique_anchor(rel)

    def _unique_anchor(self, rel: SumWire | RatioWire | BalanceWire | CountWire | ScoreWire) -> int | None:
        """Where the relation is: the first of its quotes that occurs exactly once in the chunk, so
        that an ambiguous quote ("执行率100%") is taken at its occurrence nearest to that."""
        for quote in _quotes(rel):
            spans = self._find(quote)
            if len(spans) == 1:
                return spans[0][0]
        return None

    def _relation(self, rel: SumWire | RatioWire | BalanceWire | CountWire) -> tuple[Relation, list[Quantity]]:
        if isinstance(rel, SumWire):
            return self.sum(self.number(rel.total), [self.number(i) for i in rel.items], rel.exhaustive)
        if isinstance(rel, RatioWire):
            return self.ratio(self.number(rel.rate), self.number(rel.numerator), self.number(rel.denominator))
        if isinstance(rel, BalanceWire):
            return self.balance(
                self.number(rel.opening),
                [self.number(i) for i in rel.inflows],
                [self.number(o) for o in rel.outflows],
                self.number(rel.closing),
            )
        return self.count(self.number(rel.count), [self.text(item) for item in rel.items])

    def _scores(self, rows: list[ScoreWire]) -> None:
        """Score rows become one tree: rows under the row named by their `parent`."""
        nodes: list[tuple[ScoreNode, list[Quantity]]] = []
        parent_names: dict[str, str] = {}
        by_name: dict[str, str] = {}
        for i, row in enumerate(rows):
            self._anchor = self._unique_anchor(row)
            made = self.attempt("score", partial(self._score_row, i, row))
            if made is None:
                continue
            node, used = made
            nodes.append((node, used))
            by_name[Locator.normalise(row.name)] = node.id
            if row.parent:
                parent_names[node.id] = Locator.normalise(row.parent)
        parents = {k: p for k, name in parent_names.items() if (p := by_name.get(name))}
        if nodes:
            self.score_tree(nodes, parents)

    def _score_row(self, i: int, row: ScoreWire) -> tuple[ScoreNode, list[Quantity]] | None:
        weight = self.number(row.weight) if row.weight else None
        score = self.number(row.score) if row.score else None
        name = self._place(row.name)
        if weight is None and score is None:
            return None
        return self.score_node(i, name, weight, score)


def _quotes(rel: SumWire | RatioWire | BalanceWire | CountWire | ScoreWire) -> list[str]:
    if isinstance(rel, SumWire):
        nums = [rel.total, *rel.items]
    elif isinstance(rel, RatioWire):
        nums = [rel.rate, rel.numerator, rel.denominator]
    elif isinstance(rel, BalanceWire):
        nums = [rel.opening, *rel.inflows, *rel.outflows, rel.closing]
    elif isinstance(rel, CountWire):
        return [rel.count.quote, *rel.items]
    else:
        return [rel.name, *(n.quote for n in (rel.weight, rel.score) if n)]
    return [n.quote for n in nums]


def _same_value(stated: float, n: ParsedNumber) -> bool:
    """The model's reading equals the quote's number, as written or in base units (元), or as a
    fraction for a percentage (0.983 for 98.3%)."""
    try:
        v = Decimal(repr(stated))
    except InvalidOperation:
        return False
    candidates = {n.value, n.base_value}
    if n.unit == "%":
        candidates.add(n.value / 100)
    return any(abs(v - c) <= abs(c) * Decimal("1e-9") for c in candidates)


def _same_family(qs: list[Quantity]) -> None:
    families = {q.family for q in qs}
    if len(families) > 1:
        raise Rejected("单位不一致：" + "、".join(q.text.strip() for q in qs))


def ground(extraction: Extraction, chunk: Chunk, prefix: str, view: View | None = None) -> Grounded:
    """Claims from one reply about `chunk`; quantity ids start with `prefix` (unique per chunk).
    `view` is the document's view (review.extract.view.view_of), which the rules read too; without
    it the chunk is read by its own view."""
    return _Grounder(chunk, prefix, view).run(extraction.relations)
