"""Facts that are not sums: assertions such as 全部到位 / 无结转结余, plan against actual for one
scope, and per-unit amounts of sibling clauses. (Years and the period are in years.py.)"""

from __future__ import annotations

import bisect
import re

from review.core.claims import (
    Assertion,
    BudgetCeiling,
    ExecutionRate,
    GradeStatement,
    PlanActual,
    Quantity,
    SumRelation,
    UnitPrice,
    Unread,
)
from review.extract import lexicon
from review.extract.rules.same_facts import project_scope
from review.extract.rules.scan import MAX_SENTENCE, Scan, clause_text_before

_LINK = lexicon.HEADCOUNT_MONEY_LINK
_PER_HEAD = lexicon.PER_HEAD_UNITS
_TARGET = lexicon.TARGET_WORDS
_ACTUAL = lexicon.ACTUAL_WORDS

_SPENDING = lexicon.SPENDING_LABEL
_BUDGET_LABEL = lexicon.NOT_SPENDING_LABEL
_NEED = lexicon.NEED_NOT_SPENDING


def budget_total(scan: Scan) -> Quantity | None:
    """The department's or the project's whole budget: the first amount (in the report's order) its label
    names as a budget total (预算收入, 预算总额, 年初预算安排…), unless label or clause names one level's or one
    source's share of it (县本级预算安排, 中央资金, 其中年初预算) and not levels joined (省、市、区预算安排).
    Chosen by wording and position, never by size."""
    return next((q for q in scan.quantities if q.family == "money" and q.exact and _names_budget_total(scan, q)), None)


def _names_budget_total(scan: Scan, q: Quantity) -> bool:
    if not lexicon.BUDGET_TOTAL_LABEL.search(q.label) or _after_parts_lead(scan, q):
        return False
    if lexicon.BUDGET_DIFFERENCE.search(q.label):
        return False  # 决算数大于预算数55.93万元: a difference
    wording = q.label + clause_text_before(scan.text, q.start)
    return not lexicon.BUDGET_SHARE.search(wording) or bool(lexicon.BUDGET_LEVELS_JOINED.search(wording))


def _after_parts_lead(scan: Scan, q: Quantity) -> bool:
    """其中 earlier in q's sentence, on its line: q is one of the parts it introduces."""
    start = max(scan.sentence_bounds(q.start)[0], scan.text.rfind("\n", 0, q.start) + 1)
    return bool(lexicon.BUDGET_PARTS_LEAD.search(scan.text, start, q.start))


def extract_budget_ceilings(scan: Scan, budget: Quantity | None) -> list[BudgetCeiling]:
    """Each spending amount against the whole budget: no single payment can exceed it. An amount
    stated as needed or planned (共需资金8144万元, 计划总投资) is not a payment of this budget, nor is the
    year's spending or one of its aggregates (2022年支出, 基本支出): it may draw on other funds too."""
    if budget is None:
        return []
    out = []
    for q in scan.quantities:
        if q.family != "money" or q.id == budget.id or _BUDGET_LABEL.search(q.label):
            continue
        if lexicon.SPENDING_AGGREGATE.search(q.label):
            continue  # the year's spending, not one payment
        context = scan.text[max(0, q.start - 12) : q.start]
        clause = re.split(r"[，,。；;：:]", context)[-1]
        if _SPENDING.search(q.label + context) and not _NEED.search(q.label + clause):
            out.append(BudgetCeiling(amount=q.id, budget=budget.id))
    return out


def extract_execution_rate(scan: Scan) -> list[ExecutionRate]:
    """The first rate stated as the report's 执行率 (执行率为96.3%)."""
    text = scan.text
    for q in scan.quantities:
        if q.unit == "%" and q.exact and lexicon.EXECUTION_RATE_BEFORE.search(text[max(0, q.start - 8) : q.start]):
            if not lexicon.EXECUTION_RATE_NOT_AFTER.match(text[q.end : q.end + 2]):
                return [ExecutionRate(rate=q.id)]
    return []


def extract_grade_statements(scan: Scan, quantities: list[Quantity]) -> list[GradeStatement]:
    """评价等级为“优” with the last self-score (得分/总分 …分) before it on its line, among all the
    quantities claimed (prose and tables)."""
    text = scan.text
    out = []
    for m in lexicon.GRADE_STATEMENT.finditer(text):
        line = text.rfind("\n", 0, m.start()) + 1
        scores = [
            x
            for x in quantities
            if x.unit == "分" and line <= x.start < m.start() and lexicon.SELF_SCORE_LABEL.search(x.label)
        ]
        if scores:
            grade = m.group("g")
            out.append(
                GradeStatement(
                    grade=grade,
                    band=lexicon.GRADE_BANDS.get(grade, grade),
                    start=m.start(),
                    end=m.end(),
                    score=scores[-1].id,
                )
            )
    return out


def extract_assertions(scan: Scan) -> list[Assertion]:
    """全部到位 against the planned and arrived amounts before it, 全部拨付 against the amount
    stated as paid in its section, 无结转结余 against income and expenditure."""
    out = []
    text = scan.text
    for m in lexicon.FULLY_ARRIVED.finditer(text):
        s, _ = scan.sentence_bounds(m.start())
        para, _ = scan.paragraph_bounds(m.start())
        window = [q for q in scan.between(max(para, s - 80), m.start()) if q.family == "money" and q.exact]
        expected = next((q for q in reversed(window) if lexicon.PLANNED_LABEL.search(q.label)), None)
        actual = next((q for q in reversed(window) if lexicon.ARRIVED_LABEL.search(q.label)), None)
        if expected and actual:
            out.append(
                Assertion(claim="fully_arrived", start=m.start(), end=m.end(), expected=expected.id, actual=actual.id)
            )
    arrived = [a.end for a in out]
    out += [a for a in _fully_done(scan) if a.end not in arrived]
    for m in lexicon.NO_CARRYOVER.finditer(text):
        income = _last_labeled(scan, r"收入(?:总额|合计|总计)", m.start())
        spent = _last_labeled(scan, r"支出(?:总额|合计|总计)", m.start())
        if income and spent:
            out.append(
                Assertion(claim="no_carryover", start=m.start(), end=m.end(), expected=income.id, actual=spent.id)
            )
    return out


def _fully_done(scan: Scan) -> list[Assertion]:
    """乡村振兴衔接资金2179万元目前已全部拨付 (the amount in the asserting sentence) against each
    amount its section states as done by the same verb (已完成拨付2113.63万元)."""
    out = []
    for m in lexicon.FULLY_DONE.finditer(scan.text):
        s, _ = scan.sentence_bounds(m.start())
        subject = next((q for q in reversed(scan.between(s, m.start())) if q.family == "money"), None)
        if subject is None or not subject.exact:
            continue
        done = lexicon.DONE_LABEL[m.group("verb")]
        lo, hi = _section_bounds(scan.text, m.start())
        for q in scan.between(lo, hi):
            if (
                q.id != subject.id
                and q.family == "money"
                and q.exact
                and done.search(q.label)
                and not lexicon.NOT_DONE_LABEL.search(q.label)
            ):
                start = subject.anchor_start  # the wording quoted: 乡村振兴衔接资金2179万元目前已全部拨付
                out.append(Assertion(claim="fully_arrived", start=start, end=m.end(), expected=subject.id, actual=q.id))
    return out


def extract_arrived_as_allotted(scan: Scan, asserted: list[Assertion]) -> tuple[list[Assertion], list[Unread]]:
    """项目资金8010万元均已到位 / 计划资金全部到位56万元: the amount asserted to have arrived in full (in
    the asserting clause, before the words or right after them) against the amount the report
    states as allotted to it before (县财政共下达我局财政衔接资金8010万元, 下达建设资金56万元): the last
    one labeled 下达, else 安排 / 批复 / 预算, within the same project. A part (其中…, 中央资金…) is
    not the whole that was allotted; allotments of several names (第一批 / 第二批) leave it unread.
    Wordings `asserted` already reads are skipped."""
    out, unread = [], []
    text = scan.text
    covered = [(a.start, a.end) for a in asserted]
    allotments = _Allotments(scan)
    for m in lexicon.FULLY_ARRIVED_SUBJECT.finditer(text):
        floor = max(0, m.start() - MAX_SENTENCE)  # not the whole text before it, once per wording
        clause_start = max(floor, max(text.rfind(c, floor, m.start()) for c in "，,。；;\n") + 1)
        before = [q for q in scan.between(clause_start, m.start()) if q.family == "money"]
        after = next((q for q in scan.between(m.end(), m.end() + 12) if q.family == "money"), None)
        subject = before[-1] if before else after if after and not text[m.end() : after.start].strip("：: ") else None
        if subject is None or not subject.exact or lexicon.PART_OF_ALLOTMENT.search(text[clause_start : m.start()]):
            continue
        start, end = subject.anchor_start, max(m.end(), subject.end)
        if any(s <= end and start <= e for s, e in covered):
            continue
        allotted = allotments.before(subject)
        if len({q.label for q in allotted}) > 1:
            unread.append(Unread(start=start, end=end, reason="称资金全部到位，但此前下达的金额不止一笔，未能确定所指"))
        elif allotted:
            out.append(
                Assertion(claim="fully_arrived", start=start, end=end, expected=allotted[-1].id, actual=subject.id)
            )
    return out, unread


class _Allotments:
    """The amounts a report states as allotted (money, exact, in prose, not a part such as 其中 /
    中央资金), by project and verb, in text order: read once, so that each 全部到位 looks up only its own."""

    def __init__(self, scan: Scan) -> None:
        self.scan = scan
        self.by_key: dict[tuple[str, str], tuple[list[int], list[Quantity]]] = {}
        for q in scan.quantities:
            if q.family != "money" or not q.exact or scan.in_table(q.start):
                continue
            if lexicon.PART_OF_ALLOTMENT.search(q.label):
                continue
            scope = project_scope(scan, q.start)
            for word in lexicon.ALLOTTED_WORDS:
                if word in q.label:
                    ends, qs = self.by_key.setdefault((scope, word), ([], []))
                    ends.append(q.end)
                    qs.append(q)

    def before(self, subject: Quantity) -> list[Quantity]:
        """The amounts stated as allotted before `subject` in its project, of the most preferred verb."""
        scope = project_scope(self.scan, subject.start)
        for word in lexicon.ALLOTTED_WORDS:
            ends, qs = self.by_key.get((scope, word), ([], []))
            found = qs[: bisect.bisect_right(ends, subject.anchor_start)]
            if found:
                return found
        return []


def _section_bounds(text: str, pos: int, reach: int = 1500) -> tuple[int, int]:
    """The part of the report between the headings (一、 / （二）) around `pos`, at most `reach`
    characters either side."""
    lo, hi = max(0, pos - reach), min(len(text), pos + reach)
    start = max((h.start() for h in lexicon.SECTION_HEADING.finditer(text, lo, pos)), default=lo)
    after = lexicon.SECTION_HEADING.search(text, pos, hi)
    return start, after.start() if after else hi


def _last_labeled(scan: Scan, pattern: str, before: int) -> Quantity | None:
    found = None
    for q in scan.quantities:
        if q.end > before:
            break
        if q.family == "money" and q.exact and re.search(pattern, q.label):
            found = q
    return found


def extract_plan_actual(scan: Scan, sums: list[SumRelation]) -> list[PlanActual]:
    """预算安排支出合计 vs 预算收入合计 (a budget balances), and an executed amount above the
    budget stated for the same scope (项目支出预算 547万元 vs 项目执行 3790万元)."""
    by_id = {q.id: q for q in scan.quantities}
    totals = [by_id[r.total] for r in sums if by_id[r.total].family == "money"]
    out = []
    planned_spend = [
        q
        for q in totals
        if "预算" in q.label and "支出" in q.label and lexicon.PLANNED_SPENDING.search(q.label + "预算为")
    ]
    planned_income = [q for q in totals if lexicon.BUDGET_INCOME.search(q.label)]
    for spend in planned_spend:
        income = next((q for q in planned_income if _same_year(q.label, spend.label)), None)
        if income:
            out.append(PlanActual(rule="budget_balance", anchor=spend.id, other=income.id, scope="部门预算"))
    executed = [
        q for q in scan.quantities if q.family == "money" and q.exact and lexicon.EXECUTED_LABEL.search(q.label)
    ]
    for q in scan.quantities:
        if (
            q.family != "money"
            or not q.exact
            or "涉及预算资金" not in q.label + scan.text[max(0, q.start - 8) : q.start]
        ):
            continue
        clause = scan.text[scan.sentence_bounds(q.start)[0] : q.start]
        if "项目支出" in clause:
            spent = [e for e in executed if "项目" not in e.label and e.id != q.id]
            if spent:
                out.append(PlanActual(rule="actual_within_budget", anchor=q.id, other=spent[0].id, scope="项目支出"))
    return out


def _same_year(a: str, b: str) -> bool:
    ya, yb = re.findall(r"(?:19|20)\d{2}", a), re.findall(r"(?:19|20)\d{2}", b)
    return not ya or not yb or ya[0] == yb[0]


def _sentences(text: str, limit: int = 3000) -> list[tuple[int, int]]:
    """Non-overlapping spans ending at 。 or a newline (at most `limit` characters each)."""
    spans, start = [], 0
    for m in re.finditer(r"[。\n]", text):
        while m.end() - start > limit:
            spans.append((start, start + limit))
            start += limit
        spans.append((start, m.end()))
        start = m.end()
    while start < len(text):
        spans.append((start, min(len(text), start + limit)))
        start += limit
    return spans


def extract_unit_prices(scan: Scan) -> list[UnitPrice]:
    """Sibling "N人次，共计A元" clauses of one sentence, and target vs actual (亩, 元) pairs."""
    out = []
    for p0, p1 in _sentences(scan.text):
        qs = [x for x in scan.between(p0, p1) if x.exact]
        if len(qs) < 2:
            continue
        pairs = [
            (a.id, b.id)
            for a, b in zip(qs, qs[1:], strict=False)
            if a.unit in _PER_HEAD and b.family == "money" and _LINK.fullmatch(scan.text[a.end : b.start])
        ]
        if len(pairs) >= 3:
            out.append(UnitPrice(groups=tuple(pairs)))
        area = [
            (a, b)
            for a, b in zip(qs, qs[1:], strict=False)
            if a.unit in ("亩", "万亩", "平方米") and b.family == "money" and len(scan.text[a.end : b.start]) <= 30
        ]
        target = next(((a, b) for a, b in area if _TARGET.search(a.label + scan.text[a.end : b.start])), None)
        actual = next(((a, b) for a, b in area if _ACTUAL.search(a.label) and (a, b) != target), None)
        if target and actual and target[0].unit == actual[0].unit:
            out.append(UnitPrice(groups=(), target=(target[0].id, target[1].id), actual=(actual[0].id, actual[1].id)))
    return out
