"""The deterministic rules extractor: always available, offline, grounded by construction
(every quantity is found by scanning the document text itself)."""

from __future__ import annotations

import re

from review.claims import Claims, Quantity
from review.document import Document
from review.rules.counts import extract_counts
from review.rules.deltas import extract_deltas, extract_stated_balances
from review.rules.enumerations import extract_enumerated_counts
from review.rules.facts import (
    extract_assertions,
    extract_budget_ceilings,
    extract_execution_rate,
    extract_grade_statements,
    extract_plan_actual,
    extract_same_facts,
    extract_unit_prices,
    extract_years,
    infer_period,
)
from review.rules.form_funds import extract_form_funds
from review.rules.form_scores import extract_form_scores
from review.rules.ratios import extract_ratios
from review.rules.scan import Scan
from review.rules.score_table import extract_table_scores
from review.rules.scores import extract_text_scores
from review.rules.sums import extract_sums
from review.rules.table_columns import extract_table_columns

_BUDGET = re.compile(r"预算安排|预算收入|预算数|预算总额|收入总额|收入合计|支出预算|部门预算")


def extract_rules(doc: Document, period: int | None = None) -> Claims:
    scan = Scan.of(doc)
    sums, balances = extract_sums(scan)
    # the table readers mint the bare-number quantities they find on the scan (scan.minted)
    trees = extract_table_scores(scan)
    columns = extract_table_columns(scan)
    funds, unread = extract_form_funds(scan)
    form_trees, form_unread = extract_form_scores(scan)
    unread += form_unread
    table_qty = scan.minted
    relations = [
        *columns,
        *funds,
        *form_trees,
        *sums,
        *balances,
        *extract_deltas(scan),
        *extract_stated_balances(scan),
        *extract_ratios(scan, sums),
        *extract_counts(scan, sums),
        *extract_enumerated_counts(scan),
        *extract_text_scores(scan),
        *trees,
        *extract_years(scan),
        *extract_assertions(scan),
        *extract_plan_actual(scan, sums),
        *extract_unit_prices(scan),
        *extract_same_facts(scan, trees, table_qty),
    ]
    budget = _budget_total(scan.quantities)
    relations.extend(extract_budget_ceilings(scan, budget))
    relations.extend(extract_execution_rate(scan))
    relations.extend(extract_grade_statements(scan, scan.quantities + table_qty))
    return Claims(
        quantities=tuple(scan.quantities + table_qty),
        relations=tuple(relations),
        period=period or infer_period(doc.text),
        budget_total=budget.id if budget else None,
        unread=tuple(unread),
    )


def _budget_total(quantities: list[Quantity]) -> Quantity | None:
    budgets = [q for q in quantities if q.family == "money" and q.exact and _BUDGET.search(q.label)]
    return max(budgets, key=lambda q: q.base_value) if budgets else None
