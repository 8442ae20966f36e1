"""The template of a form's 项目资金 block (review/data/templates/project-form-funds.json) as the
readers use it: the columns a header may name, the rows, which columns each row may fill, the rates
and balances the columns define, and the marks of an empty cell. The vocabulary is data; this module
only compiles it into patterns that also match a name split by spaces or line breaks."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any


@dataclass(frozen=True)
class Column:
    role: str
    kind: str  # money | rate | weight | score | serial
    name: str  # as shown in messages: the template's first name for it


@dataclass(frozen=True)
class Rate:
    """rate = numerator ÷ denominator; the denominator is the first group with a column in the header."""

    rate: str
    numerator: str
    denominators: tuple[tuple[str, ...], ...]

    def denominator_roles(self, header: tuple[str, ...]) -> tuple[str, ...]:
        return next((group for group in self.denominators if set(group) & set(header)), ())


@dataclass(frozen=True)
class Balance:
    """closing = opening − Σ outflows (结余 = 到位 − 支出)."""

    closing: str
    opening: str
    outflows: tuple[str, ...]


@dataclass(frozen=True)
class Template:
    columns: dict[str, Column]
    column_names: re.Pattern[str]
    row_names: re.Pattern[str]
    row_role: dict[str, str]  # normalised row name → total | part
    row_fills: dict[str, tuple[str, ...]]
    column_role: dict[str, str]  # normalised column name → role
    empty: re.Pattern[str]
    rates: tuple[Rate, ...]
    balances: tuple[Balance, ...]
    column_numbers: re.Pattern[str]  # 列次 0 1 2 …: a line numbering the columns, not a row
    headless: re.Pattern[str] | None = None  # a 绩效目标表's block heading, rows with no header after it
    headless_column: str = "budget"  # the one column those rows fill
    # money columns of a label:value total row → the columns its part rows fill, when fewer than all
    pair_parts: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)

    def kind(self, role: str) -> str:
        return self.columns[role].kind

    def rate_of(self, role: str) -> Rate | None:
        return next((r for r in self.rates if r.rate == role), None)


def spaced(name: str) -> str:
    """A name as a pattern that also matches it split by spaces or line breaks, any colon."""
    parts = [r"[:：]" if ch in ":：" else re.escape(ch) for ch in name]
    return r"\s*".join(parts)


def norm(text: str) -> str:
    return re.sub(r"[\s|｜]", "", text).replace(":", "：")


def _alternatives(names: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(spaced(n) for n in sorted(names, key=len, reverse=True)))


@cache
def template() -> Template:
    raw: dict[str, Any] = json.loads(
        resources.files("review").joinpath("data/templates/project-form-funds.json").read_text(encoding="utf-8")
    )
    columns = {c["role"]: Column(c["role"], c["kind"], c["names"][0]) for c in raw["columns"]}
    column_role = {norm(n): c["role"] for c in raw["columns"] for n in c["names"]}
    row_role = {norm(n): r["role"] for r in raw["rows"] for n in r["names"]}
    row_fills = {norm(n): tuple(r["fills"]) for r in raw["rows"] for n in r["names"]}
    rates = tuple(Rate(r["rate"], r["numerator"], tuple(tuple(g) for g in r["denominators"])) for r in raw["rates"])
    balances = tuple(Balance(b["closing"], b["opening"], tuple(b["outflows"])) for b in raw["balances"])
    return Template(
        columns=columns,
        column_names=_alternatives(list(column_role)),
        row_names=_alternatives(list(row_role)),
        row_role=row_role,
        row_fills=row_fills,
        column_role=column_role,
        empty=re.compile("|".join(re.escape(e) for e in sorted(raw["empty_cells"], key=len, reverse=True))),
        rates=rates,
        balances=balances,
        column_numbers=_alternatives(raw["column_numbers"]),
        headless=_alternatives(raw["headless"]) if raw.get("headless") else None,
        headless_column=raw.get("headless_column", "budget"),
        pair_parts={tuple(p["columns"]): tuple(p["parts"]) for p in raw.get("pair_parts", [])},
    )
