"""Seeded errors (注入错误): one error at a time injected into a copy of a sample, at a number of a
relation labeled as holding, with the finding a reviewer should then get.

Deterministic, no randomness. Numbers are found with this module's own small reader, not with
the pipeline's parser, so the generator does not share the extractor's blind spots.

Per clean relation (labeled `consistent`, not already flagged in the clean text):
- its own stated value(s): the last number of the quote, or each part named in `values` —
  kind `total` (sum, balance), `rate` (ratio), `score` (score), `count` (count);
- one direct component: the middle one of `items` (unlabeled sums, counts and scores: of the
  numbers after the quote up to 。 or the end of the line) — kind `item`;
- a 元↔万元 swap on that component if it is an amount, else on the stated value — kind `unit`;
- date relations (a value dated in the period, 2021年实际完成值3000亩): the year becomes
  period − 1 and, separately, period + 1 — kind `year`.
Changes clear any rounding tolerance: counted things (个, 人, 项 … whole numbers) +1, other
numbers +3 on the integer part — +30, +300 … where the relation's terms could differ by 3 through
rounding alone (eight parts in whole 万元 and their total: ±4.5万元) — a single Chinese numeral one
lower (六→五; 一→二).

Expected finding: the relation's check (`unit` also accepts `unit`, `year` only `date`) on the
relation's quote as mutated, or on the changed number itself; a finding the clean text already
had does not count.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from review.core.findings import Finding
from review.evaluation.labels import CleanRelation, DocLabels, Span, locate
from review.evaluation.scoring import overlaps

QUOTE_KIND = {"sum": "total", "balance": "total", "ratio": "rate", "score": "score", "count": "count"}
ITEMISED = frozenset({"sum", "count", "score"})  # components follow the quote; others only when labeled
KINDS = ("total", "item", "rate", "score", "count", "unit", "year")
COUNTED = frozenset("个人名户项次件起处辆份场批期类家所台套条座间张篇本村头只匹羽")
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CN_OF = {v: k for k, v in _CN.items() if k != "两"}
_ARABIC = re.compile(r"[0-9０-９]+(?:,[0-9]{3})*(?:[.．][0-9０-９]+)?")
_CN_RUN = re.compile("[一二两三四五六七八九十百千]+")
_MONEY = re.compile(r"[ \u3000]*(亿元|万元|千元|元)")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})(?=[ \u3000]*年)")
_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")
_NARROW = str.maketrans("0123456789.", "０１２３４５６７８９．")


@dataclass(frozen=True)
class Num:
    """A number as written: text[start:end], the unit right after it (if any) and its span."""

    start: int
    end: int
    text: str
    chinese: bool
    unit: str = ""
    unit_span: Span = (0, 0)


@dataclass(frozen=True)
class Seed:
    """One injected error. Spans index `text` (the mutated copy) unless named `clean_…`."""

    id: str
    sample: str
    relation: str
    check: str
    kind: str
    accepted: tuple[str, ...]
    before: str
    after: str
    clean_span: Span
    clean_at: Span
    text: str
    expected: Span
    changed: Span

    @property
    def delta(self) -> int:
        return len(self.after) - len(self.before)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def shift(self, pos: int) -> int:
        """Where a clean-text offset lands in the mutated text."""
        return pos if pos <= self.clean_at[0] else pos + self.delta


def numbers_in(text: str, start: int, end: int) -> list[Num]:
    """Arabic numbers in text[start:end] (years and dates left out); Chinese numerals if none."""
    out = []
    for m in _ARABIC.finditer(text):
        if m.start() < start or m.end() > end:
            continue
        after = text[m.end() : m.end() + 3].lstrip(" \u3000")
        raw = m.group().translate(_WIDE)
        if after[:1] in ("月", "日", "号") or (after[:1] == "年" and len(raw) == 4 and raw.isdigit()):
            continue
        out.append(_with_unit(text, Num(m.start(), m.end(), m.group(), False)))
    if out:
        return out
    return [Num(m.start(), m.end(), m.group(), True) for m in _CN_RUN.finditer(text, start, end)]


def _with_unit(text: str, n: Num) -> Num:
    m = _MONEY.match(text, n.end)
    if m:
        return Num(n.start, n.end, n.text, n.chinese, m.group(1), (m.start(1), m.end(1)))
    unit = text[n.end : n.end + 1].strip()
    return Num(n.start, n.end, n.text, n.chinese, unit, (n.end, n.end + len(unit)))


def bumped(n: Num, slack: Decimal = Decimal(0)) -> str | None:
    """The number changed beyond rounding: counted things +1, others +3 — or 30, 300 … when the
    relation's rounding slack (in n's unit) is 3 or more — 六→五; None if unchangeable."""
    if n.chinese:
        value = _CN.get(n.text) if len(n.text) == 1 else None
        if value is None:
            return None
        return _CN_OF[value - 1 if value >= 2 else value + 1]
    raw = n.text.translate(_WIDE)
    whole, _, frac = raw.partition(".")
    step = 1 if not frac and n.unit in COUNTED else 3
    while step <= slack:
        step *= 10
    new_whole = int(whole.replace(",", "")) + step
    out = f"{new_whole:,}" if "," in whole else str(new_whole)
    out += f".{frac}" if frac else ""
    return out.translate(_NARROW) if raw != n.text else out


_MONEY_SCALE = {"元": Decimal(1), "千元": Decimal(1000), "万元": Decimal(10000), "亿元": Decimal(10) ** 8}


def slack(terms: list[Num], n: Num) -> Decimal:
    """How far a total and its parts may differ by rounding alone, in n's unit: half the last written
    digit of each amount (eight whole 万元 parts and their total: 4.5万元, so +3 would not be an
    error); whole counts, points and bare numbers are exact."""
    out = Decimal(0)
    for t in terms:
        if t.chinese:
            continue
        frac = t.text.translate(_WIDE).partition(".")[2]
        if not frac and (t.unit in COUNTED or t.unit in ("", "分")):
            continue
        half = Decimal(5) * Decimal(10) ** (-len(frac) - 1)
        if t.unit in _MONEY_SCALE and n.unit in _MONEY_SCALE:
            half = half * _MONEY_SCALE[t.unit] / _MONEY_SCALE[n.unit]
        out += half
    return out


def seeds_for(sample: str, text: str, labels: DocLabels) -> list[Seed]:
    """Every seeded error for one sample, in label order."""
    period = int(labels.period) if labels.period and labels.period.isdigit() else None
    out: list[Seed] = []
    for i, rel in enumerate(labels.consistent):
        span = locate(text, rel.quote, rel.occurrence)
        if span is None:
            continue
        out.extend(_for_relation(f"{sample}#{i:02d}", sample, text, rel, span, period))
    return out


def _for_relation(base: str, sample: str, text: str, rel: CleanRelation, span: Span, period: int | None) -> list[Seed]:
    if rel.check == "date":
        return _years(base, sample, text, rel, span, period)
    if rel.check not in QUOTE_KIND:
        return []
    made: list[Seed] = []
    own = _own_values(text, rel, span)
    items = _items(text, rel, span) if rel.items is not None or rel.check in ITEMISED else []
    terms = own + items if rel.check in ITEMISED else []
    for k, n in enumerate(own):
        new = bumped(n, slack(terms, n))
        if new is not None:
            made.append(
                _seed(
                    f"{base}-{QUOTE_KIND[rel.check]}{k}",
                    sample,
                    text,
                    rel,
                    span,
                    QUOTE_KIND[rel.check],
                    (rel.check,),
                    (n.start, n.end),
                    new,
                )
            )
    item = items[len(items) // 2] if items else None
    if item is not None and (new := bumped(item, slack(terms, item))) is not None:
        made.append(_seed(f"{base}-item", sample, text, rel, span, "item", (rel.check,), (item.start, item.end), new))
    money = [n for n in ([item] if item else []) + own[::-1] if n.unit in ("元", "万元")]
    if money:
        n = money[0]
        made.append(
            _seed(
                f"{base}-unit",
                sample,
                text,
                rel,
                span,
                "unit",
                ("unit", rel.check),
                n.unit_span,
                "元" if n.unit == "万元" else "万元",
                number_start=n.start,
            )
        )
    return made


def _years(base: str, sample: str, text: str, rel: CleanRelation, span: Span, period: int | None) -> list[Seed]:
    if period is None:
        return []
    for m in _YEAR.finditer(text, span[0], span[1]):
        if int(m.group(1)) == period:
            at = (m.start(1), m.end(1))
            return [
                _seed(f"{base}-year{sign}", sample, text, rel, span, "year", ("date",), at, str(period + d))
                for sign, d in (("-", -1), ("+", 1))
            ]
    return []


def _own_values(text: str, rel: CleanRelation, span: Span) -> list[Num]:
    if rel.values is None:
        nums = numbers_in(text, *span)
        return nums[-1:]
    out = []
    for part in rel.values:
        at = text.find(part, span[0], span[1])
        nums = numbers_in(text, at, at + len(part)) if at >= 0 else []
        out.extend(nums[-1:])
    return out


def _items(text: str, rel: CleanRelation, span: Span) -> list[Num]:
    if rel.items is None:
        stops = [p for p in (text.find("。", span[1]), text.find("\n", span[1])) if p >= 0]
        return numbers_in(text, span[1], min(stops, default=len(text)))
    out = []
    for part in rel.items:
        at = text.find(part, span[1])
        at = at if at >= 0 else text.find(part)
        nums = numbers_in(text, at, at + len(part)) if at >= 0 else []
        out.extend(nums[-1:])
    return out


def _seed(
    sid: str,
    sample: str,
    text: str,
    rel: CleanRelation,
    span: Span,
    kind: str,
    accepted: tuple[str, ...],
    at: Span,
    new: str,
    *,
    number_start: int | None = None,
) -> Seed:
    """`at` is replaced by `new`; `number_start` widens the changed span to the whole amount."""
    before = text[at[0] : at[1]]
    mutated = text[: at[0]] + new + text[at[1] :]
    delta = len(new) - len(before)
    if span[0] <= at[0] < span[1]:
        expected = (span[0], span[1] + delta)
    elif at[0] >= span[1]:
        expected = span
    else:
        expected = (span[0] + delta, span[1] + delta)
    return Seed(
        id=sid,
        sample=sample,
        relation=rel.quote,
        check=rel.check,
        kind=kind,
        accepted=accepted,
        before=before,
        after=new,
        clean_span=span,
        clean_at=at,
        text=mutated,
        expected=expected,
        changed=(at[0] if number_start is None else number_start, at[0] + len(new)),
    )


def already_flagged(seed: Seed, clean: Iterable[Finding]) -> bool:
    """The relation is reported under its own check before anything is injected."""
    return any(f.check == seed.check and overlaps((f.start, f.end), seed.clean_span) for f in clean)


def judge(seed: Seed, clean: Iterable[Finding], mutated: Iterable[Finding]) -> tuple[bool, list[str]]:
    """(detected, checks of other new findings on the spot): only findings the clean text did not
    have count, on the relation's quote or on the changed number."""
    before = {(f.check, seed.shift(f.start), seed.shift(f.end)) for f in clean}
    near = [
        f
        for f in mutated
        if (f.check, f.start, f.end) not in before
        and (overlaps((f.start, f.end), seed.expected) or overlaps((f.start, f.end), seed.changed))
    ]
    hit = any(f.check in seed.accepted for f in near)
    return hit, sorted({f.check for f in near if f.check not in seed.accepted})
