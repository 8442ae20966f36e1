"""Score-tree invariants: a score never exceeds its weight; children's weights fill the parent's
cap (indicators that state only a 得分 add up to at most it); a stated category score equals (or,
with some indicators unknown, is bounded by) the sum of its indicators; the total equals the sum
and is at most 100."""

from __future__ import annotations

from decimal import Decimal

from review.checks.base import Context, computed_value, finding, fmt, name_span, points, value_of
from review.core.claims import FormulaScore, Quantity, ScoreNode, ScoreTree, SumRelation
from review.core.findings import Finding
from review.core.intervals import Interval, total
from review.scoring.formulas import DEFAULT_GRADES, budget_execution, grade_for

_CAP_REACH = 200  # characters from a node's wording to the cap it states (名称 | 评分标准 | 分值), for the quote


def rule_name(ctx: Context, tree: ScoreTree, rule: str) -> str:
    """Which rubric a finding applies: the report's own table/text, and the pack when one fits."""
    own = "报告自带打分表" if tree.source == "table" else "报告所述分值"
    return f"rubric.{rule}（{own}；{ctx.rubric.label}）" if ctx.rubric else f"rubric.{rule}（{own}）"


def grade_of(ctx: Context, score: Decimal) -> str:
    return grade_for(score, ctx.rubric.bands if ctx.rubric else DEFAULT_GRADES)


def stated_total(ctx: Context) -> Quantity | None:
    """The report's total self-score: a score table's total row, else a 得分…其中 list's total."""
    if "stated_total" not in ctx.memo:
        ctx.memo["stated_total"] = _find_total(ctx)
    found = ctx.memo["stated_total"]
    return found if isinstance(found, Quantity) else None


def _find_total(ctx: Context) -> Quantity | None:
    q = ctx.q
    for rel in ctx.claims.relations:
        if isinstance(rel, ScoreTree) and rel.source == "table":
            root = next(n for n in rel.nodes if n.id == rel.root)
            if root.score:
                return q[root.score]
    for rel in ctx.claims.relations:
        if isinstance(rel, SumRelation) and rel.category == "score":
            return q[rel.total]
    return None


def grade_note(ctx: Context, new_total: Decimal) -> str:
    """ "（改变等级：优 → 良）" when correcting the total moves it into another grade band."""
    total_q = stated_total(ctx)
    if total_q is None:
        return ""
    old, new = grade_of(ctx, total_q.value), grade_of(ctx, new_total)
    return f"（改变等级：{old} → {new}）" if old != new else ""


def check_scores(ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    for rel in ctx.claims.relations:
        if isinstance(rel, ScoreTree):
            out.extend(_TreeCheck(ctx, rel).run())
    return out


class _TreeCheck:
    def __init__(self, ctx: Context, tree: ScoreTree) -> None:
        self.ctx, self.tree = ctx, tree
        self.q = ctx.q
        self.nodes = {n.id: n for n in tree.nodes}

    def qty(self, qid: str | None) -> Quantity | None:
        return self.q.get(qid) if qid else None

    def kids(self, n: ScoreNode) -> list[ScoreNode]:
        return [self.nodes[c] for c in n.children]

    def stated_total(self, qids: list[str | None]) -> tuple[list[Quantity], Interval] | None:
        """The stated quantities of `qids` and their total, when every one is stated; else None."""
        stated = [self.qty(i) for i in qids]
        kept = [q for q in stated if q]
        return (kept, total([q.interval() for q in kept])) if len(kept) == len(stated) else None

    def leaf_weight(self, n: ScoreNode) -> Interval | None:
        """A node's weight as its indicators add up (so one wrong cap is not blamed twice); a
        category whose indicators state no weight (a score-only form) weighs its cap."""
        parts = [self.leaf_weight(k) for k in self.kids(n) if not k.deduction]
        if parts and all(parts):
            return total([p for p in parts if p])
        w = self.qty(n.weight)
        return w.interval() if w else None

    def run(self) -> list[Finding]:
        out = []
        for n in self.tree.nodes:
            out.extend(self._leaf(n) if not n.children else self._group(n))
        out.extend(self._root())
        return out

    def _span(self, n: ScoreNode) -> tuple[int, int]:
        return name_span(self.ctx, n)

    def _cap_span(self, n: ScoreNode, cap: Quantity) -> tuple[int, int]:
        """A node's wording through the cap it states when the cap follows it closely (项目决策 | 20,
        目标任务(15 分)): the finding quotes the number it is about; else the wording alone."""
        start, end = self._span(n)
        return (start, cap.end) if 0 <= cap.start - end <= _CAP_REACH else (start, end)

    def _leaf(self, n: ScoreNode) -> list[Finding]:
        w, s = self.qty(n.weight), self.qty(n.score)
        if n.deduction or not w or not s or s.interval().lo <= w.interval().hi:
            return []
        total_q = stated_total(self.ctx)
        note = grade_note(self.ctx, total_q.value - (s.value - w.value)) if total_q else ""
        return [
            finding(
                self.ctx,
                "score",
                "high",
                f"得分超过分值：“{n.name or '该指标'}”分值{w.text}，自评得{s.text}{note}",
                *self._span(n),
                stated=value_of(s),
                computed=value_of(w),
                trace=f"{s.text} > {w.text}",
                rule=rule_name(self.ctx, self.tree, "score_not_above_weight"),
            )
        ]

    def _group(self, n: ScoreNode) -> list[Finding]:
        out = []
        cap, stated = self.qty(n.weight), self.qty(n.score)
        kids = [k for k in self.kids(n) if not k.deduction]
        weights = [self.leaf_weight(k) for k in kids]
        if cap and weights and all(weights):
            got = total([w for w in weights if w])
            bad = not got.meets(cap.interval()) if n.exhaustive else got.lo > cap.interval().hi
            bad = bad and not self._stated_caps_fit(kids, cap.interval(), at_most=not n.exhaustive)
            odd = self._odd_child(cap.interval(), kids) if bad and n.exhaustive and self._borne_out(n) else None
            if odd is not None:
                out.append(self._odd_cap(n, cap.interval(), *odd))
            elif bad:
                terms = " + ".join(f"{w.mid.normalize():f}" for w in weights if w)
                out.append(
                    finding(
                        self.ctx,
                        "score",
                        "high",
                        f"分值不符：“{n.name}”标明{points(cap)}，所含指标分值合计{fmt(got.mid, 2)}分",
                        *self._cap_span(n, cap),
                        stated=value_of(cap),
                        computed=computed_value(got, "分", 2),
                        trace=f"{terms} = {got.show(2)}；类别分值 {cap.text}",
                        rule=rule_name(self.ctx, self.tree, "children_fill_cap"),
                        related=tuple(self._span(k) for k in kids),
                    )
                )
        elif cap and kids:
            out.extend(self._scores_within_cap(n, cap, kids))
        if stated and cap:
            out.extend(self._category_score(n, cap, stated, kids))
        return out

    def _pinned(self, k: ScoreNode) -> bool:
        """A part whose cap something else fixes: its rows, all read, whose 分值 — or, on a
        score-only form, whose 得分 (each at most its unstated 分值) — add up to the cap; or, for
        the 预算执行 row, its 得分 = min(执行率, 100%) × the cap at a rate above 0."""
        w = self.qty(k.weight)
        if w is None:
            return False
        if not k.children:
            return self._formula_holds(k, w)
        found = self._rows(k)
        return k.exhaustive and found is not None and found[0].meets(w.interval())

    def _rows(self, k: ScoreNode) -> tuple[Interval, bool] | None:
        """What a part's rows add up to, and whether that is their 分值 (else their 得分, a floor)."""
        rows = [r for r in self.kids(k) if not r.deduction]
        if not rows:
            s = self.qty(k.score)
            return (s.interval(), False) if s else None
        weights = [self.leaf_weight(r) for r in rows]
        if all(weights):
            return total([x for x in weights if x]), True
        scores = self.stated_total([r.score for r in rows])
        if any(r.weight or r.children for r in rows) or scores is None:
            return None
        return scores[1], False

    def _formula_holds(self, k: ScoreNode, w: Quantity) -> bool:
        s = self.qty(k.score)
        for rel in self.ctx.claims.relations:
            if s and isinstance(rel, FormulaScore) and (rel.weight, rel.score) == (k.weight, k.score):
                rate = self.q[rel.rate].parsed.interval()
                return rate.lo > 0 and budget_execution(rate, w.interval()).meets(s.interval())
        return False

    def _borne_out(self, n: ScoreNode) -> bool:
        """The node's cap agrees with the level above: with its siblings' caps it fills its parent's
        cap (the full marks, for a root with none) — so a disagreement below it is not its own."""
        parent = next((p for p in self.tree.nodes if n.id in p.children), None)
        if parent is None:
            return False
        full = self.ctx.rubric.total if self.ctx.rubric else Decimal(100)
        above = self.qty(parent.weight)
        cap = above.interval() if above else Interval.exact(full) if parent.id == self.tree.root else None
        return cap is not None and self._stated_caps_fit(
            [k for k in self.kids(parent) if not k.deduction], cap, at_most=False
        )

    def _stated_caps_fit(self, kids: list[ScoreNode], cap: Interval, *, at_most: bool) -> bool:
        """The parts' caps as stated meet the cap (are within it, `at_most`): a part whose own rows
        disagree with its cap is that part's finding (its own check), not its parent's too."""
        stated = self.stated_total([k.weight for k in kids])
        if stated is None:
            return False
        got = stated[1]
        return got.lo <= cap.hi if at_most else got.meets(cap)

    def _odd_child(
        self, cap: Interval, kids: list[ScoreNode], *, at_most: bool = False
    ) -> tuple[ScoreNode, Quantity, Interval] | None:
        """The one part whose cap disagrees, when a cap (or the full marks, `at_most`) is not met
        by its parts' caps and every other part's cap is fixed (_pinned): that part, its cap, and
        what it must be (the cap less the others'; at most that, against full marks). None when
        more than one is not fixed, or the one left does not fit its own rows either — then the
        disagreement is the parent's."""
        loose = [k for k in kids if not self._pinned(k)]
        if len(kids) < 2 or len(loose) != 1:
            return None
        k = loose[0]
        own, others = self.qty(k.weight), [self.qty(o.weight) for o in kids if o is not k]
        found = self._rows(k)
        if own is None or found is None or not all(others):
            return None
        expected = cap - total([o.interval() for o in others if o])
        rows, exact = found
        fits = rows.meets(expected) if exact and not at_most else rows.lo <= expected.hi
        off = own.interval().lo > expected.hi if at_most else not own.interval().meets(expected)
        return (k, own, expected) if fits and off else None

    def _odd_cap(self, n: ScoreNode, cap: Interval, k: ScoreNode, own: Quantity, expected: Interval) -> Finding:
        """The finding of _odd_child, on the part `k`; `n` is its parent (the root: full marks)."""
        others = [o for o in self.kids(n) if o is not k and not o.deduction]
        rest = cap - expected
        root = n.id == self.tree.root
        whose = f"满分{fmt(cap.mid, 2)}分" if root else f"“{n.name}”{fmt(cap.mid, 2)}分"
        what, must = ("分值超过满分", "至多应为") if root else ("分值不符", "应为")
        return finding(
            self.ctx,
            "score",
            "high",
            f"{what}：“{k.name}”标明{points(own)}，而{whose}减去其他各项（分值均另有印证）"
            f"{fmt(rest.mid, 2)}分，{must}{fmt(expected.mid, 2)}分",
            *self._cap_span(k, own),
            stated=value_of(own),
            computed=computed_value(expected, "分", 2),
            trace=f"{cap.show(2)} − {rest.show(2)}（其他各项分值）= {expected.show(2)}；“{k.name}”标明 {own.text}",
            rule=rule_name(
                self.ctx, self.tree, "children_fill_cap" if n.id != self.tree.root else "caps_within_full_marks"
            ),
            related=(self._span(n), *(self._span(o) for o in others)),
        )

    def _scores_within_cap(self, n: ScoreNode, cap: Quantity, kids: list[ScoreNode]) -> list[Finding]:
        """A category whose indicators state only their 得分 (a score-only form): each 得分 is at
        most its unstated 分值 and those fill the cap, so the 得分 add up to at most the cap."""
        if any(k.children or k.weight for k in kids):
            return []
        stated = self.stated_total([k.score for k in kids])
        if stated is None or stated[1].lo <= cap.interval().hi:
            return []
        scores, got = stated
        terms = " + ".join(s.text for s in scores)
        return [
            finding(
                self.ctx,
                "score",
                "high",
                f"得分超过分值：“{n.name}”标明{points(cap)}，所含指标得分合计{fmt(got.mid, 2)}分",
                *self._cap_span(n, cap),
                stated=value_of(cap),
                computed=computed_value(got, "分", 2),
                trace=f"{terms} = {got.show(2)} > 类别分值 {cap.text}",
                rule=rule_name(self.ctx, self.tree, "scores_within_cap"),
                related=tuple(self._span(k) for k in kids),
            )
        ]

    def _category_score(self, n: ScoreNode, cap: Quantity, stated: Quantity, kids: list[ScoreNode]) -> list[Finding]:
        found = self.stated_total([k.score for k in kids]) if kids else None
        if found is None:
            return []
        scores, got = found
        if n.exhaustive:
            if got.meets(stated.interval()):
                return []
            terms = " + ".join(s.text for s in scores)
            return [
                finding(
                    self.ctx,
                    "score",
                    "high",
                    f"得分合计不符：“{n.name}”自评{stated.text}，所含指标得分相加为{fmt(got.mid, 2)}分",
                    *self._span(n),
                    stated=value_of(stated),
                    computed=computed_value(got, "分", 2),
                    trace=f"{terms} = {got.show(2)}",
                    rule=rule_name(self.ctx, self.tree, "category_equals_sum"),
                    related=tuple(self._span(k) for k in kids),
                )
            ]
        pairs = [(k, self.qty(k.weight), self.qty(k.score)) for k in kids]
        lost = [(k, w, s) for k, w, s in pairs if w and s and s.interval().hi < w.interval().lo]
        if not lost:
            return []
        deducted = sum((w.value - s.value for _, w, s in lost), Decimal(0))
        ceiling = cap.value - deducted
        if stated.interval().lo <= ceiling:
            return []
        k, w, s = lost[0]
        return [
            finding(
                self.ctx,
                "score",
                "medium",
                f"类别得分与指标扣分矛盾：“{n.name}”满分{cap.text}、自评{stated.text}，但其中“{k.name}”分值{w.text}只得{s.text}",
                *self._span(k),
                stated=value_of(stated),
                computed=computed_value(Interval.exact(ceiling), "分", 2),
                trace=(
                    f"类别最高可得 {cap.text} − {deducted.normalize():f}（已知扣分）= {ceiling.normalize():f}；"
                    f"报告 {stated.text}"
                ),
                rule=rule_name(self.ctx, self.tree, "category_bounded_by_deductions"),
                related=(self._span(n),),
            )
        ]

    def _full_marks(self, root: ScoreNode) -> list[Finding]:
        """A form with no full marks of its own: its parts' caps cannot exceed the full marks the
        rubric sets (100 without a pack)."""
        full = self.ctx.rubric.total if self.ctx.rubric else Decimal(100)
        kids = [k for k in self.kids(root) if not k.deduction]
        weights = [self.leaf_weight(k) for k in kids]
        if root.weight or not weights or not all(weights):
            return []
        got = total([w for w in weights if w])
        if got.lo <= full or self._stated_caps_fit(kids, Interval.exact(full), at_most=True):
            return []
        odd = self._odd_child(Interval.exact(full), kids, at_most=True)
        if odd is not None:
            return [self._odd_cap(root, Interval.exact(full), *odd)]
        terms = " + ".join(f"{w.mid.normalize():f}" for w in weights if w)
        return [
            finding(
                self.ctx,
                "score",
                "high",
                f"分值超过满分：各部分分值合计{fmt(got.mid, 2)}分，超过满分{fmt(full, 2)}分",
                *self._span(root),
                computed=computed_value(got, "分", 2),
                trace=f"{terms} = {got.show(2)} > {fmt(full, 2)}",
                rule=rule_name(self.ctx, self.tree, "caps_within_full_marks"),
                related=tuple(self._span(k) for k in kids),
            )
        ]

    def _root(self) -> list[Finding]:
        root = self.nodes[self.tree.root]
        stated = self.qty(root.score)
        if not stated or self.tree.source != "table":
            return []
        out = self._full_marks(root)
        leaves = [n for n in self.tree.nodes if not n.children and n.id != root.id]
        plus = [self.qty(n.score) for n in leaves if not n.deduction]
        minus = [self.qty(n.score) for n in self.tree.nodes if n.deduction]
        if not all(plus) or not all(minus):
            return out
        got = total([s.interval() for s in plus if s]) - total([s.interval() for s in minus if s])
        if not got.meets(stated.interval()):
            out.append(
                finding(
                    self.ctx,
                    "score",
                    "high",
                    f"总分不符：表中自评总分{points(stated)}，"
                    f"各指标得分相加为{fmt(got.mid, 2)}分{grade_note(self.ctx, got.mid)}",
                    *self._span(root),
                    stated=value_of(stated),
                    computed=computed_value(got, "分", 2),
                    trace=f"Σ指标得分 − Σ扣分 = {got.show(2)}",
                    rule=rule_name(self.ctx, self.tree, "total_equals_sum"),
                )
            )
        if stated.value > 100:
            out.append(
                finding(
                    self.ctx,
                    "score",
                    "high",
                    f"总分超过100分：{points(stated)}",
                    *self._span(root),
                    stated=value_of(stated),
                    rule=rule_name(self.ctx, self.tree, "total_at_most_100"),
                )
            )
        return out
