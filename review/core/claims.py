"""What a report says, as grounded claims: quantities with their verbatim text and span, and
the relations between them that checks recompute. Extractors (rules or model) produce these;
checks only read them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal

from review.core.amount_claims import BudgetCeiling as BudgetCeiling
from review.core.amount_claims import PlanActual as PlanActual
from review.core.amount_claims import UnitPeerBasis as UnitPeerBasis
from review.core.amount_claims import UnitPeers as UnitPeers
from review.core.amount_claims import UnitPrice as UnitPrice
from review.core.claim_base import REF_FIELDS as REF_FIELDS
from review.core.claim_base import _Frozen, _Relation
from review.core.intervals import Interval
from review.core.numbers import MONEY_SCALE, ParsedNumber, unit_family
from review.core.provenance import ClaimSource, RatioBasis, SumBasis


class Quantity(_Frozen):
    """A stated number (数值): verbatim `text` at `start:end`, re-parsed value, unit, precision.

    `label` is the source wording that names it (e.g. 一般公共预算收入), found before the number.
    """

    id: str
    text: str
    start: int
    end: int
    value: Decimal
    unit: str
    decimals: int
    qualifier: str | None = None
    label: str = ""
    label_start: int = -1
    source: ClaimSource = "rules"

    @classmethod
    def from_parsed(cls, qid: str, n: ParsedNumber, label: str = "", label_start: int = -1) -> Quantity:
        return cls(
            id=qid,
            text=n.text,
            start=n.start,
            end=n.end,
            value=n.value,
            unit=n.unit,
            decimals=n.decimals,
            qualifier=n.qualifier,
            label=label,
            label_start=label_start,
        )

    @property
    def parsed(self) -> ParsedNumber:
        return ParsedNumber(self.start, self.end, self.text, self.value, self.unit, self.decimals, self.qualifier)

    @property
    def family(self) -> str:
        return unit_family(self.unit)

    @property
    def exact(self) -> bool:
        return self.qualifier is None

    def interval(self) -> Interval:
        """Interval in base units (元 for money, the unit itself otherwise)."""
        return self.parsed.interval()

    @property
    def base_value(self) -> Decimal:
        """Value in base units (元 for money), for ordering amounts of different units."""
        return self.value * MONEY_SCALE.get(self.unit, Decimal(1))

    def base_value_ge(self, other: Quantity) -> bool:
        """This amount is at least `other` (both in base units), so it can be a denominator."""
        return self.base_value >= other.base_value

    @property
    def anchor_start(self) -> int:
        """Start of the label when known, so a finding quotes '项目支出2080.69万元', not just the number."""
        return self.label_start if 0 <= self.label_start < self.start else self.start


SumCategory = Literal["sum", "count", "score"]


class SumRelation(_Relation):
    """合计/总额 = 其中 items. A partial list (主要是, 包括…等) only bounds the total from below."""

    kind: Literal["sum"] = "sum"
    total: str
    items: tuple[str, ...]
    exhaustive: bool = True
    category: SumCategory = "sum"
    basis: SumBasis = ""
    marked: bool = True  # False: nothing in the wording says the items are parts (an unmarked implicit split)
    # One table row's totals, read column by column from the same rows ("" when not from a table row): when
    # every column of the row fails, the rows taken as its parts are more likely misread than all wrong.
    group: str = ""


class RatioRelation(_Relation):
    """A stated rate (执行率, 完成率, 占比) = numerator / denominator.

    `denominators` lists the candidates in preference order; the rate holds if any fits
    (the first is shown when none does). `whole_parts`, when set, is one more candidate: a
    denominator the text names as several amounts (占中央、省资金的74.12%: 中央资金 + 省资金).
    `change` set: the rate is a change over the value before it (同比增加189.25万元,增加31.39%);
    the numerator is the change and each denominator the value after it, so the base is the
    denominator less the change ("up") or plus it ("down").
    `complement` set: the numerator names what was not done (未分配0.32亿元,分配率99.3%), so the rate is
    of the rest: (denominator − numerator) / denominator.
    """

    kind: Literal["ratio"] = "ratio"
    rate: str
    numerator: str
    denominators: tuple[str, ...]
    basis: RatioBasis = ""
    whole_parts: tuple[str, ...] = ()
    change: Literal["", "up", "down"] = ""
    complement: bool = False


class BalanceRelation(_Relation):
    """上年结转 + 收入 − 支出 = 年末结转."""

    kind: Literal["balance"] = "balance"
    opening: str
    inflows: tuple[str, ...]
    outflows: tuple[str, ...]
    closing: str


CountWording = Literal[
    "named_list",
    "numbered_paragraphs",
    "org_run",
    "back_reference",
    "tiers",
    "ordinals",
    "model",
    "loose_list",
    "breakdown",
    "notices",
]


class CountRelation(_Relation):
    """A stated count (共N个, 六办一所四中心, 10个目标) against items listed or counted in the text.

    The extractor says what it read: the stated number (and the quantities it may be), the items
    (spans each counting one, or quantities whose values add up) and how the text ties them
    (`wording`, `exhaustive`). review.checks.count computes the count and chooses the severity."""

    kind: Literal["count"] = "count"
    stated: int
    start: int
    end: int
    counted: int = 0  # deprecated: the count the check computed (review.checks.count.settle_counts fills it)
    item_spans: tuple[tuple[int, int], ...] = ()
    what: str = ""
    severity: Literal["high", "medium", "low"] = "high"  # deprecated: the severity the check chose (filled likewise)
    exhaustive: bool = True  # False: the items are a partial list (…等N个): they only bound the count
    stated_ids: tuple[str, ...] = ()  # the quantities the stated count may be (first: `stated`); () for 六办
    item_ids: tuple[str, ...] = ()  # counted quantities whose values add up (tiers); () : each item span is one
    wording: CountWording = "named_list"  # how the text ties the count to its items


class ScoreNode(_Frozen):
    """One node of a score tree (打分表): a category with a cap (类别分值) or an indicator.

    `weight` is the stated cap/weight quantity, `score` the stated self-score (自评得分).
    `children` are node ids; `exhaustive` says whether all children are known.
    """

    id: str
    name: str
    name_start: int
    name_end: int
    weight: str | None = None
    score: str | None = None
    children: tuple[str, ...] = ()
    exhaustive: bool = True
    deduction: bool = False
    path: tuple[str, ...] = ()


class ScoreTree(_Relation):
    kind: Literal["score_tree"] = "score_tree"
    nodes: tuple[ScoreNode, ...]
    root: str
    source: Literal["table", "text"] = "text"


YearRole = Literal[
    "event_date",
    "dated_value",
    "review_year",
    "review_work",
    "named_year",
    "written_on",
    "filed_on",
    "notice_date",
    "as_of",
    "allocated_year",
    "evaluated_year",
    "budget_year",
    "plan_year",
]


class YearMention(_Relation):
    """A year tied to something the report dates: an event (2021年9月8日开工), a reported value
    (2024年参保率…), the year the report says it reviews (对2018年度预算绩效进行自我评价, 自评表(2022年度))
    or the review's own work (于2022年7月25日至26日…进行了调查), which may come after the period; or
    the year in a name the report repeats (**河县2023年度中央水利发展资金项目), with the years its
    other mentions give that name; or when the report was filled in or put out (填报日期:2023年4月6日),
    with its month, which cannot come before the end of the year it reviews; a form's own filing date
    (填报日期, 报送日期: filed_on) also comes within the year after it, unlike a web page's 发布日期;
    or the date a state is given as of (截至2021年8月底,全市财政直达资金总额…: as_of), which is when
    the report was written and so cannot come before the year it reviews; or the year whose funds a
    cited notice allocates (《…关于提前下达2022年中央财政衔接推进乡村振兴资金预算指标的通知》: allocated_year),
    the funds a review of that year reviews; or the fiscal year a cited notice sets the evaluation of
    (《…关于开展2022年度中央对地方转移支付预算执行情况绩效自评工作的通知》: evaluated_year) or approves the budget of
    (《关于批复2018年县级部门预算的通知》: budget_year), or the year a cited plan is for (《同心县2022年…实施方案》:
    plan_year), the year a report written on it reviews."""

    kind: Literal["year"] = "year"
    year: int
    start: int
    end: int
    role: YearRole
    # the years its sentence gives the same measure (其中2021年省级资金…，2022年省级资金…: a listing)
    sentence_years: tuple[int, ...] = ()
    # a named_year: the years the report's other mentions of the same name give it; a notice_date
    # (2024年7月3日,《…关于下达2024年…资金的通知》): the year whose funds the notice allocates
    name_years: tuple[int, ...] = ()
    month: int | None = None  # a written_on, filed_on, as_of or event_date date's month
    line_start: int = -1  # where its line starts: one finding per line and year


class DateRange(_Relation):
    """A stated span of months (实施期2022年3月-2022年11月, 2021年1月起至2021年12月止): (year, month)
    of its first and last month, for the check that it runs forward; `implementation` when it is the
    project's own implementation period (项目起止时间 | 2020年元月起至2020年12月止, 专项实施期2022年3月-2022年11月),
    which a review of one year states within that year."""

    kind: Literal["date_range"] = "date_range"
    start: int
    end: int
    first: tuple[int, int]
    last: tuple[int, int]
    implementation: bool = False


class ExecutionRate(_Relation):
    """The report's budget execution rate (预算执行率为96.3%), as the rubric's 预算执行 score uses it."""

    kind: Literal["execution_rate"] = "execution_rate"
    rate: str


class ShareOfWhole(_Relation):
    """A rate its name makes a share of a whole (占比, 覆盖率, 合格率, 到位率, 满意度…): what was reached of all
    there was, by definition no more than 100%."""

    kind: Literal["share_of_whole"] = "share_of_whole"
    rate: str


class ShareList(_Relation):
    """Shares of one whole stated one after another (财政拨款收入…占收入合计的91.40%；事业收入…占收入合计的8.55%;
    困难群众保障4.25亿元,占比为75%；…占比为23%；…占比为2%): together no more than 100%."""

    kind: Literal["share_list"] = "share_list"
    items: tuple[str, ...]


class GradeStatement(_Relation):
    """A grade the report gives itself (评价等级为“优”) and the self-score it rests on."""

    kind: Literal["grade"] = "grade"
    grade: str  # as written: 优秀, 良, 合格 …
    band: str  # the band it names: 优 / 良 / 中 / 差
    start: int
    end: int
    score: str


class Assertion(_Relation):
    """A wording that asserts a numeric fact: 全部到位, 无结转结余 …, with the numbers it concerns."""

    kind: Literal["assertion"] = "assertion"
    claim: Literal["fully_arrived", "no_carryover"]
    start: int
    end: int
    expected: str | None = None
    actual: str | None = None


class SameFact(_Relation):
    """One fact stated more than once (the total self-score, the budget execution rate)."""

    kind: Literal["same_fact"] = "same_fact"
    what: str
    statements: tuple[str, ...]


class FormulaScore(_Relation):
    """A score the rubric computes from a stated input: 预算执行率得分 = min(执行率, 100%) × 分值."""

    kind: Literal["formula_score"] = "formula_score"
    rule: Literal["budget_execution"]
    rate: str
    weight: str
    score: str


class Readings(_Relation):
    """Numbers that can be read more than one way: per reading, the relations that reading would claim.
    `ambiguity` says why: "cells", a table row whose cells can be told apart more than one way (cells run
    together: 40004000103% is 4000 | 4000 | 103% or 40004000 | 10 | 3%); "carryover", an income or spending
    total whose 其中 list names a carry-over (收入1699.12万元,其中财政拨款收入1435.22万元,上年结转结余263.90万元),
    which one report counts in the total and another leaves out of it (its alternatives: without it, then with it).
    No reading is claimed: the numbers are wrong whichever reading is right only when every reading's relations
    fail (review.checks.readings)."""

    kind: Literal["readings"] = "readings"
    start: int
    end: int
    what: str  # the row's label, or the total's
    alternatives: tuple[tuple[RatioRelation | FormulaScore | SumRelation, ...], ...]
    ambiguity: Literal["cells", "carryover"] = "cells"


class TargetScore(_Relation):
    """An indicator row's target (年度指标值 ≥4754人) and actual (全年实际值 4604人) beside its 分值 and
    得分: a row that falls short of its target cannot take its full 分值 (达到目标得满分)."""

    kind: Literal["target_score"] = "target_score"
    direction: Literal["at_least", "at_most"]
    target: str
    actual: str
    weight: str
    score: str


Relation = (
    SumRelation
    | RatioRelation
    | BalanceRelation
    | CountRelation
    | ScoreTree
    | YearMention
    | DateRange
    | Assertion
    | PlanActual
    | UnitPrice
    | UnitPeers
    | FormulaScore
    | SameFact
    | BudgetCeiling
    | ExecutionRate
    | ShareOfWhole
    | ShareList
    | GradeStatement
    | TargetScore
    | Readings
)


class Unread(_Frozen):
    """Text the extractor found but could not read into claims (a table row whose numbers fit its
    columns more than one way, a digit run it would not split): shown with the review, so that an
    empty result is never taken for a clean report."""

    start: int
    end: int
    reason: str
    failed: bool = False  # a reader broke on this text (a bug, not the report): the review is incomplete


class Reading(_Frozen):
    """How the text was read (review.extract.view): how many characters were read as simplified
    (a text written in traditional characters), how many pinyin annotations were passed over
    (項(xiàng)目 read as 项目) and how many full-width digits and signs or 萬/億 were read as ASCII and
    万/亿. All 0: the text was read as it is (thousands separators aside)."""

    traditional: int = 0
    pinyin: int = 0
    widths: int = 0

    @property
    def normalised(self) -> bool:
        return bool(self.traditional or self.pinyin or self.widths)


class Claims(_Frozen):
    """Everything extracted from one document."""

    quantities: tuple[Quantity, ...] = ()
    relations: tuple[Relation, ...] = ()
    period: int | None = None
    period_rivals: tuple[int, ...] = ()  # years the report names as often as the inferred period
    budget_total: str | None = None
    unread: tuple[Unread, ...] = ()
    reading: Reading = Reading()

    def by_id(self) -> dict[str, Quantity]:
        return {q.id: q for q in self.quantities}
