"""Facts that are not sums: the report period, dated events and values, assertions such as
全部到位 / 无结转结余, plan against actual for one scope, and per-unit amounts of sibling clauses."""

from __future__ import annotations

import re
from collections import Counter
from typing import Literal

from review.core.claims import (
    Assertion,
    BudgetCeiling,
    ExecutionRate,
    GradeStatement,
    PlanActual,
    Quantity,
    SameFact,
    ScoreTree,
    SumRelation,
    UnitPrice,
    YearMention,
)
from review.core.numbers import find_dates
from review.extract import lexicon
from review.extract.rules.scan import Scan

_EVENT = re.compile(r"^\s*(?:开工|竣工|验收|完工|开始|启动|实施|建成|交付|投入使用)")
# a month date, or a deadline, followed by what was done then: 2021年6月底完成建设任务,
# 2021年11月30日前完成资金支付, 2022年12月已编制完成
_COMPARED = re.compile(r"(?:较|比|截至|截止|自|从|至|到)\s*$")  # 截至2021年6月底完成… is a state, not an event
_MONTH_EVENT = re.compile(
    r"^(?:底|初|末|中旬|上旬|下旬|前|内)?\s*[，,]?\s*(?:已|全面|全部)?(?:完成|开工|竣工|验收|完工|建成|交付|投入使用)"
)
_DATED_VALUE = re.compile(r"^[\u4e00-\u9fa5“”]{1,28}?(?:为|达|达到|是|共|共计|合计)?\s*\d")
_NOT_DATING = re.compile(r"(?:含|于|自|截至|截止|从|至|到|较|比|与|同|（|\()\s*$")
_LINK = re.compile(r"[，, ]*(?:共计|发放|金额|资金|发放金额|发放资金)*[，, ]*")
_PER_HEAD = ("人次", "人", "户", "户次", "名")
_TARGET = re.compile(r"设定|目标|指标|控制数|计划|预期")
_ACTUAL = re.compile(r"实际|只|仅|完成|补偿了|发放了|兑现了")


def infer_period(text: str) -> int | None:
    """The year under review: from the title (first two lines), else the most mentioned year.
    Full dates never count — a notice's 2020年10月30日, a web page's 发布日期 2025年6月27日 above
    the title are when it was published, not the year it reviews."""
    title = " ".join([ln for ln in text[:600].splitlines() if ln.strip()][:2])
    m = re.search(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)", title)
    if m:
        return int(m.group(1))
    years = Counter(d.year for d in find_dates(text) if d.day is None)
    return years.most_common(1)[0][0] if years else None


def _dates_a_value(text: str, start: int, end: int) -> bool:
    """2021年预算收入… dates a value; 2021年度/年末, 含2023年…, 较2021年… do not."""
    return text[end : end + 1] not in "度末底初" and not _NOT_DATING.search(text[max(0, start - 3) : start])


YearRole = Literal["event_date", "dated_value"]


def _year(text: str, year: int, start: int, end: int, role: YearRole, years: list[tuple[int, int]]) -> YearMention:
    """A year mention with what its sentence and line say around it (for the check, which reads no text)."""
    s = max(text.rfind(c, 0, start) for c in "。；;\n") + 1
    ends = [i for i in (text.find(c, start) for c in "。；;\n") if i >= 0]
    e = min(ends) if ends else len(text)
    return YearMention(
        year=year,
        start=start,
        end=end,
        role=role,
        sentence_years=tuple(sorted({y for pos, y in years if s <= pos < e})),
        line_start=text.rfind("\n", 0, start),
    )


# amounts that are spent or paid out, and the labels of totals that are no spending item
_SPENDING = re.compile(r"发放|共计|资金|补贴|补助|兑现|拨付|支出|金额|费用|奖补")
_BUDGET_LABEL = re.compile(r"预算|收入|支出总|总额|合计|总计")


def extract_budget_ceilings(scan: Scan, budget: Quantity | None) -> list[BudgetCeiling]:
    """Each spending amount against the whole budget: no single payment can exceed it."""
    if budget is None:
        return []
    out = []
    for q in scan.quantities:
        if q.family != "money" or q.id == budget.id or _BUDGET_LABEL.search(q.label):
            continue
        context = scan.text[max(0, q.start - 12) : q.start]
        if _SPENDING.search(q.label + context):
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


def extract_years(scan: Scan) -> list[YearMention]:
    out = []
    text = scan.text
    dates = find_dates(text)
    years = [(d.start, d.year) for d in dates]
    for d in dates:
        after = text[d.end : d.end + 40]
        event = _EVENT.match(after) if d.day is not None else None
        if event is None and d.month is not None and not _COMPARED.search(text[max(0, d.start - 3) : d.start]):
            event = _MONTH_EVENT.match(after)
        if event:
            out.append(_year(text, d.year, d.start, d.end + event.end(), "event_date", years))
        elif d.month is None and _DATED_VALUE.match(after) and _dates_a_value(text, d.start, d.end):
            clause_end = d.end
            while clause_end < len(text) and text[clause_end] not in "，,。；;、\n（()）":
                clause_end += 1
            if any(q.start >= d.end and q.end <= clause_end for q in scan.between(d.end, clause_end)):
                out.append(_year(text, d.year, d.start, clause_end, "dated_value", years))
    return out


def extract_assertions(scan: Scan) -> list[Assertion]:
    out = []
    text = scan.text
    for m in re.finditer(r"(?:资金|预算资金|款项)?全部(?:拨付)?到位|足额到位", text):
        s, _ = scan.sentence_bounds(m.start())
        para, _ = scan.paragraph_bounds(m.start())
        window = [q for q in scan.between(max(para, s - 80), m.start()) if q.family == "money" and q.exact]
        expected = next((q for q in reversed(window) if re.search(r"预算|下达|安排|计划", q.label)), None)
        actual = next((q for q in reversed(window) if re.search(r"到位|拨付|实际", q.label)), None)
        if expected and actual:
            out.append(
                Assertion(claim="fully_arrived", start=m.start(), end=m.end(), expected=expected.id, actual=actual.id)
            )
    for m in re.finditer(r"(?:本年|当年|年末)?无结转结余|无结余结转|未产生结转结余", text):
        income = _last_labeled(scan, r"收入(?:总额|合计|总计)", m.start())
        spent = _last_labeled(scan, r"支出(?:总额|合计|总计)", m.start())
        if income and spent:
            out.append(
                Assertion(claim="no_carryover", start=m.start(), end=m.end(), expected=income.id, actual=spent.id)
            )
    return out


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
        if re.search(r"预算", q.label)
        and re.search(r"支出", q.label)
        and re.search(r"安排|预算为|支出预算", q.label + "预算为")
    ]
    planned_income = [q for q in totals if re.search(r"预算收入", q.label)]
    for spend in planned_spend:
        income = next((q for q in planned_income if _same_year(q.label, spend.label)), None)
        if income:
            out.append(PlanActual(rule="budget_balance", anchor=spend.id, other=income.id, scope="部门预算"))
    executed = [q for q in scan.quantities if q.family == "money" and q.exact and re.search(r"执行|实际支出", q.label)]
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


_TOTAL_SCORE = re.compile(r"(?:自评|综合|评价|绩效)(?:综合)?(?:得分|总分|评分)$|自评总分$|总得分$")
_EXEC_RATE = re.compile(r"^(?:本部门|本单位|部门|整体|全年|年度|总体)?(?:预算)?执行率$")


def extract_same_facts(scan: Scan, trees: list[ScoreTree], extra: list[Quantity]) -> list[SameFact]:
    """The total self-score and the overall execution rate, wherever they are stated."""
    by_id = {q.id: q for q in extra}
    scores = [
        q.id for q in scan.quantities if q.unit == "分" and q.exact and q.value >= 30 and _TOTAL_SCORE.search(q.label)
    ]
    for tree in trees:
        root = next(n for n in tree.nodes if n.id == tree.root)
        if tree.source == "table" and root.score and root.score in by_id:
            scores.append(root.score)
    rates = [
        q.id
        for q in scan.quantities
        if q.unit == "%" and q.exact and _EXEC_RATE.search(q.label) and not scan.in_table(q.start)
    ]
    out = []
    if len(scores) > 1:
        out.append(SameFact(what="自评总分", statements=tuple(scores)))
    if len(rates) > 1:
        out.append(SameFact(what="预算执行率", statements=tuple(rates)))
    return out
