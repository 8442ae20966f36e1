"""The deterministic rules extractor: always available, offline, grounded by construction
(every quantity is found by scanning the document text itself).

The extractors form a registry (RULES): each names what it reads, the registry fixes the order
they run in, and OUTPUT_ORDER the order of their relations in the claims."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from review.core.claims import BalanceRelation, Claims, Quantity, Readings, ScoreTree, SumRelation, Unread
from review.core.document import Document
from review.extract.rules.allotment_counts import extract_allotment_counts
from review.extract.rules.concepts import extract_concept_facts
from review.extract.rules.count_lists import extract_listed_counts
from review.extract.rules.counts import extract_counts
from review.extract.rules.deltas import extract_deltas, extract_stated_balances
from review.extract.rules.enumerations import extract_enumerated_counts
from review.extract.rules.facts import (
    budget_total,
    extract_arrived_as_allotted,
    extract_assertions,
    extract_budget_ceilings,
    extract_execution_rate,
    extract_grade_statements,
    extract_plan_actual,
    extract_unit_prices,
)
from review.extract.rules.final_accounts import extract_final_accounts
from review.extract.rules.final_accounts_prose import extract_final_accounts_prose
from review.extract.rules.form_breakdowns import extract_form_breakdowns
from review.extract.rules.form_funds import extract_form_funds
from review.extract.rules.form_pairs import extract_form_pairs
from review.extract.rules.form_scores import extract_form_scores
from review.extract.rules.fund_formula import extract_fund_formulas
from review.extract.rules.glued_numbers import extract_glued_numbers
from review.extract.rules.grid_totals import extract_grid_totals
from review.extract.rules.period import period_rivals
from review.extract.rules.ratios import extract_ratios
from review.extract.rules.record_totals import extract_record_totals
from review.extract.rules.remainders import extract_remainders
from review.extract.rules.restated import extract_restated
from review.extract.rules.rule_caps import extract_rule_caps
from review.extract.rules.same_facts import extract_same_facts
from review.extract.rules.scan import Scan
from review.extract.rules.score_headings import extract_heading_scores
from review.extract.rules.score_table import extract_span_scores, extract_table_scores
from review.extract.rules.scores import extract_text_scores
from review.extract.rules.shares import extract_share_lists, extract_shares
from review.extract.rules.staff_counts import extract_staff_counts
from review.extract.rules.sum_above import extract_sums_above
from review.extract.rules.sum_lines import extract_line_sums
from review.extract.rules.sum_sources import extract_source_sums
from review.extract.rules.sums import extract_sums
from review.extract.rules.table_columns import extract_table_columns
from review.extract.rules.table_subrows import extract_subrow_sums
from review.extract.rules.target_scores import extract_target_scores
from review.extract.rules.unchecked import unchecked_tables
from review.extract.rules.unit_slips import extract_unit_peers
from review.extract.rules.years import extract_date_ranges, extract_years, infer_period
from review.extract.view import view_of

log = logging.getLogger(__name__)


@dataclass
class Found:
    """What the rules have found so far in one document: the scan (with the quantities the table
    readers minted), each rule's relations by rule name, and what could not be read."""

    scan: Scan
    by_rule: dict[str, list[Any]] = field(default_factory=dict)
    unread: list[Unread] = field(default_factory=list)
    sums: list[SumRelation] = field(default_factory=list)
    balances: list[BalanceRelation] = field(default_factory=list)
    sum_readings: list[Readings] = field(default_factory=list)
    trees: list[ScoreTree] = field(default_factory=list)
    budget: Quantity | None = None


@dataclass(frozen=True)
class Rule:
    """One extractor: its name, the rules whose findings it reads, and what it emits."""

    name: str
    reads: tuple[str, ...]
    run: Callable[[Found], Sequence[Any]]


def _sums(f: Found) -> list[SumRelation]:
    f.sums, f.balances, f.sum_readings = extract_sums(f.scan)
    return f.sums


def _with_readings(f: Found) -> list[SumRelation]:
    """The 其中 sums, and, of a total whose list names a carry-over, the reading without it: its parts are the
    total's under either reading (财政拨款收入128.61万元,占100%)."""
    read = [r for rd in f.sum_readings for r in rd.alternatives[0] if isinstance(r, SumRelation)]
    return [*f.sums, *read]


def _table_scores(f: Found) -> list[ScoreTree]:
    spanned, unread = extract_span_scores(f.scan)
    f.trees = extract_table_scores(f.scan) + spanned
    f.unread += unread
    return f.trees


def _with_unread(found: tuple[list[Any], list[Unread]], f: Found) -> list[Any]:
    relations, unread = found
    f.unread += unread
    return relations


_TABLE_READERS = (
    "sums",
    "table_columns",
    "form_funds",
    "form_scores",
    "form_pairs",
    "record_totals",
    "form_breakdowns",
    "final_accounts",
)


def _grid_totals(f: Found) -> tuple[list[Any], list[Unread]]:
    """Table totals that no earlier reader compared (its relations are in f.by_rule)."""
    known = [r for name in _TABLE_READERS for r in f.by_rule[name]]
    return extract_grid_totals(f.scan, known)


def _restated(f: Found) -> list[Any]:
    facts, pairs = extract_restated(f.scan)
    return [*facts, *pairs]


def _heading_scores(f: Found) -> list[ScoreTree]:
    """Score trees in numbered headings, leaving out the caps the table and text readers hold."""
    known = [r for name in ("form_scores", "text_scores") for r in f.by_rule[name] if isinstance(r, ScoreTree)]
    return extract_heading_scores(f.scan, [*f.trees, *known])


def _budget_ceilings(f: Found) -> list[Any]:
    f.budget = budget_total(f.scan)
    return extract_budget_ceilings(f.scan, f.budget)


_SUM_READERS = (*_TABLE_READERS, "grid_totals")


def _sums_read(f: Found) -> list[SumRelation]:
    """The sums the readers before have read (a total another reader sums is not summed again)."""
    return [r for name in _SUM_READERS for r in f.by_rule[name] if isinstance(r, SumRelation)]


# The registry, in the order the rules run: a rule runs after the rules it reads, and the table
# readers run in a fixed order because they mint quantity ids. A new phrasing is a new entry here.
RULES: tuple[Rule, ...] = (
    Rule("sums", (), _sums),
    Rule("balances", ("sums",), lambda f: f.balances),
    Rule("sum_readings", ("sums",), lambda f: f.sum_readings),
    Rule("table_scores", (), _table_scores),
    Rule("table_columns", (), lambda f: extract_table_columns(f.scan)),
    Rule("form_funds", (), lambda f: _with_unread(extract_form_funds(f.scan), f)),
    Rule("fund_formulas", (), lambda f: extract_fund_formulas(f.scan)),
    Rule("form_scores", (), lambda f: _with_unread(extract_form_scores(f.scan), f)),
    Rule("form_pairs", (), lambda f: _with_unread(extract_form_pairs(f.scan), f)),
    Rule("record_totals", (), lambda f: _with_unread(extract_record_totals(f.scan), f)),
    Rule("form_breakdowns", (), lambda f: _with_unread(extract_form_breakdowns(f.scan), f)),
    Rule("final_accounts", (), lambda f: _with_unread(extract_final_accounts(f.scan), f)),
    Rule("final_accounts_prose", (), lambda f: extract_final_accounts_prose(f.scan)),
    Rule("line_sums", (), lambda f: _with_unread(extract_line_sums(f.scan), f)),
    Rule("sums_above", (), lambda f: extract_sums_above(f.scan)),
    Rule("source_sums", (), lambda f: extract_source_sums(f.scan)),
    Rule("grid_totals", _TABLE_READERS, lambda f: _with_unread(_grid_totals(f), f)),
    Rule("deltas", (), lambda f: extract_deltas(f.scan)),
    Rule("stated_balances", (), lambda f: extract_stated_balances(f.scan)),
    Rule("remainders", (), lambda f: extract_remainders(f.scan)),
    Rule("ratios", ("sums", "sum_readings"), lambda f: extract_ratios(f.scan, _with_readings(f))),
    Rule("counts", (), lambda f: _with_unread(extract_counts(f.scan), f)),
    Rule("enumerated_counts", (), lambda f: extract_enumerated_counts(f.scan)),
    Rule("listed_counts", (), lambda f: _with_unread(extract_listed_counts(f.scan), f)),
    Rule("staff_counts", (), lambda f: extract_staff_counts(f.scan)),
    Rule("allotment_counts", (), lambda f: _with_unread(extract_allotment_counts(f.scan), f)),
    Rule("glued_numbers", (), lambda f: _with_unread(extract_glued_numbers(f.scan), f)),
    Rule("subrow_sums", _SUM_READERS, lambda f: _with_unread(extract_subrow_sums(f.scan, _sums_read(f)), f)),
    Rule("text_scores", (), lambda f: extract_text_scores(f.scan)),
    Rule("heading_scores", ("table_scores", "form_scores", "text_scores"), lambda f: _heading_scores(f)),
    Rule("rule_caps", ("table_scores",), lambda f: extract_rule_caps(f.scan, f.trees)),
    Rule(
        "target_scores",
        ("table_scores", "form_scores"),
        lambda f: extract_target_scores(f.scan, [*f.trees, *f.by_rule["form_scores"]]),
    ),
    Rule("years", (), lambda f: extract_years(f.scan)),
    Rule("date_ranges", (), lambda f: extract_date_ranges(f.scan)),
    Rule("assertions", (), lambda f: extract_assertions(f.scan)),
    Rule(
        "arrived_as_allotted",
        ("assertions",),
        lambda f: _with_unread(extract_arrived_as_allotted(f.scan, f.by_rule["assertions"]), f),
    ),
    Rule("plan_actual", ("sums", "sum_readings"), lambda f: extract_plan_actual(f.scan, _with_readings(f))),
    Rule("unit_prices", (), lambda f: extract_unit_prices(f.scan)),
    Rule("unit_peers", (), lambda f: extract_unit_peers(f.scan)),
    Rule(
        "same_facts",
        ("table_scores", "table_columns", "form_funds", "fund_formulas", "form_scores", "form_pairs"),
        lambda f: extract_same_facts(f.scan, f.trees, f.scan.minted),
    ),
    Rule("restated", (), _restated),
    Rule("concept_facts", (), lambda f: extract_concept_facts(f.scan)),
    Rule("budget_ceilings", (), _budget_ceilings),
    Rule("execution_rate", (), lambda f: extract_execution_rate(f.scan)),
    Rule("shares", (), lambda f: extract_shares(f.scan)),
    Rule("share_lists", (), lambda f: extract_share_lists(f.scan)),
    Rule(
        "grade_statements",
        ("table_scores", "table_columns", "form_funds", "fund_formulas", "form_scores", "form_pairs"),
        lambda f: extract_grade_statements(f.scan, f.scan.quantities + f.scan.minted),
    ),
)
# The order of the relations in the claims (and so in the JSON): unchanged by how the rules run.
OUTPUT_ORDER = (
    "table_columns",
    "form_funds",
    "fund_formulas",
    "form_scores",
    "form_pairs",
    "record_totals",
    "form_breakdowns",
    "final_accounts",
    "final_accounts_prose",
    "line_sums",
    "sums_above",
    "source_sums",
    "grid_totals",
    "sums",
    "balances",
    "sum_readings",
    "deltas",
    "stated_balances",
    "remainders",
    "ratios",
    "counts",
    "enumerated_counts",
    "listed_counts",
    "staff_counts",
    "allotment_counts",
    "glued_numbers",
    "subrow_sums",
    "text_scores",
    "heading_scores",
    "table_scores",
    "rule_caps",
    "target_scores",
    "years",
    "date_ranges",
    "assertions",
    "arrived_as_allotted",
    "plan_actual",
    "unit_prices",
    "unit_peers",
    "same_facts",
    "restated",
    "concept_facts",
    "budget_ceilings",
    "execution_rate",
    "grade_statements",
    "shares",
    "share_lists",
)


def _validate(rules: tuple[Rule, ...], order: tuple[str, ...]) -> None:
    names = [r.name for r in rules]
    for i, r in enumerate(rules):
        missing = [n for n in r.reads if n not in names[:i]]
        if missing:
            raise ValueError(f"rule {r.name} reads {missing}, which do not run before it")
    if sorted(order) != sorted(names):
        raise ValueError("OUTPUT_ORDER must name every rule once")


_validate(RULES, OUTPUT_ORDER)


def _run(rule: Rule, found: Found) -> list[Any]:
    """One reader's relations. A reader that breaks on a text is a bug of ours, not a property of the
    report: the other readers' findings still stand, and the review says which reader was lost and
    is marked incomplete (never an empty result that reads as clean)."""
    try:
        return list(rule.run(found))
    except Exception as exc:  # noqa: BLE001 — any reader bug; recorded below, logged with its traceback
        log.exception("读取规则 %s 出错", rule.name)
        reason = f"读取规则“{rule.name}”出错（{type(exc).__name__}），其负责的关系未核对，复核不完整"
        found.unread.append(Unread(start=0, end=0, reason=reason, failed=True))
        return []


def extract_rules(doc: Document, period: int | None = None) -> Claims:
    """Every rule reads the document's view (review.extract.view: simplified, without pinyin);
    the claims come back in `doc.text` offsets, each quantity's text verbatim from it."""
    view = view_of(doc.text)
    found = Found(Scan.of(view.document(doc)))
    for rule in RULES:
        found.by_rule[rule.name] = _run(rule, found)
    scan = found.scan
    relations = tuple(r for name in OUTPUT_ORDER for r in found.by_rule[name])
    claims = Claims(
        quantities=tuple(scan.quantities + scan.minted),
        relations=relations,
        period=period or infer_period(view.text),
        period_rivals=() if period else period_rivals(view.text),
        budget_total=found.budget.id if found.budget else None,
        unread=tuple(found.unread + unchecked_tables(scan, relations, found.unread)),
        reading=view.reading,
    )
    return view.claims_to_source(claims)
