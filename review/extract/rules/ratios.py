"""Rates and shares: "预算执行率56%" with the amounts it refers to, "完成率为100％",
"占总支出的65.3%". The numerator is the nearest earlier amount named with the rate's own verb
(执行, 完成, 消除…); the denominator is the base (预算, 任务…) or, failing that, any larger
earlier amount of the same unit in the sentence."""

from __future__ import annotations

import re

from review.core.claims import Quantity, RatioRelation, SumRelation
from review.core.provenance import named_rate, rate_over_base, share_of
from review.extract.rules.scan import Scan

_RATE = re.compile(r"(?P<name>[\u4e00-\u9fa5]{1,8}?)率(?:为|达到|达|是|：|:)?\s*$")
_SHARE = re.compile(r"占(?P<whole>[\u4e00-\u9fa5]{0,10}?)(?:的)?(?:比例|比重)?(?:为)?\s*$")
_TIER = re.compile(r"^\s*(?:以上|以下|的|之间|-|—|～|~)")
_BASE_WORDS = {
    "执行": r"预算|安排|下达|预算数|计划",
    "完成": r"任务|目标|计划|应",
    "到位": r"预算|下达|应到位|计划",
    "兑现": r"应兑|计划|应发",
    "支出": r"预算|安排|下达",
    "支付": r"预算|安排|下达|到位",
    "拨付": r"预算|安排|下达|到位",
}
BASE_LOOKBACK = 600  # a base named by its own words (预算/安排/任务) may sit a paragraph earlier
_ACTUAL = r"实际|已|累计|共|完成|执行|支出|到位|兑现|发放"


def extract_ratios(scan: Scan, sums: list[SumRelation]) -> list[RatioRelation]:
    out: list[RatioRelation] = []
    parent_of = {item: rel.total for rel in sums for item in rel.items}
    text = scan.text
    for q in scan.quantities:
        if q.unit != "%" or not q.exact or scan.in_table(q.start):
            continue
        if _TIER.match(text[q.end : q.end + 3]):
            continue  # 执行率100%的18个项目: a tier label, not a stated rate
        if re.match(r"^[\s|｜]*\d+(?:\.\d+)?\s*[%％]", text[q.end : q.end + 12]):
            continue  # 接种率 100.00% 97.30%: a target/actual pair in a flattened table
        before = text[max(0, q.start - 14) : q.start]
        share = _SHARE.search(before)
        rate = _RATE.search(before)
        if share:
            out.extend(_share(scan, q, share.group("whole"), parent_of))
        elif rate:
            out.extend(_rate(scan, q, rate.group("name")))
    return out


def _candidates(scan: Scan, q: Quantity) -> list[Quantity]:
    """Earlier exact amounts in the same sentence (or the one before, when the rate opens its
    sentence), nearest first, excluding other rates."""
    start, _ = scan.sentence_bounds(q.start)
    para_start, _ = scan.paragraph_bounds(q.start)
    if not scan.between(start, q.start) and start > para_start:
        start, _ = scan.sentence_bounds(start - 1)
    found = [c for c in scan.between(start, q.start) if c.exact and c.unit not in ("%", "个百分点", "分")]
    return list(reversed(found))


def _rate(scan: Scan, q: Quantity, name: str) -> list[RatioRelation]:
    """One relation per unit of the numerator (50户204人 gives two alternatives)."""
    stem = name[-2:]
    cands = _candidates(scan, q)
    numerator = next((c for c in cands if stem in c.label), None)
    if numerator is None and stem in _BASE_WORDS:
        numerator = next(
            (c for c in cands if re.search(_ACTUAL, c.label) and not re.search(_BASE_WORDS[stem], c.label)), None
        )
    if numerator is None:
        return []
    partners = [
        c
        for c in cands
        if c.end <= numerator.start + len(numerator.text) + 8 and c.start > numerator.start and c.unit != numerator.unit
    ]
    if stem in _BASE_WORDS:
        earlier = [
            c
            for c in scan.between(max(0, numerator.start - BASE_LOOKBACK), numerator.start)
            if c.exact and c.family == numerator.family
        ]
        cands = cands + [c for c in reversed(earlier) if c not in cands and re.search(_BASE_WORDS[stem], c.label)]
    rels = [_rate_for(q, name, stem, n, cands) for n in (numerator, *partners[:1])]
    return [r for r in rels if r]


def _rate_for(q: Quantity, name: str, stem: str, numerator: Quantity, cands: list[Quantity]) -> RatioRelation | None:
    base = _BASE_WORDS.get(stem)
    dens = [
        c
        for c in cands
        if c.start < numerator.start
        and c.family == numerator.family
        and c.unit == numerator.unit
        or (c.family == numerator.family == "money" and c.start < numerator.start)
    ]
    if base:
        strict = [c for c in dens if re.search(base, c.label) and stem not in c.label]
        if strict:
            return RatioRelation(
                rate=q.id, numerator=numerator.id, denominators=(strict[0].id,), basis=rate_over_base(name, stem)
            )
    loose = [c for c in dens if c.base_value_ge(numerator)]
    if not loose:
        return None
    return RatioRelation(
        rate=q.id, numerator=numerator.id, denominators=tuple(c.id for c in loose), basis=named_rate(name)
    )


def _share(scan: Scan, q: Quantity, whole: str, parent_of: dict[str, str]) -> list[RatioRelation]:
    cands = _candidates(scan, q)
    if not cands:
        return []
    part = cands[0]
    if part.id in parent_of and (not whole or re.search(r"总|合计|全部", whole)):
        return [RatioRelation(rate=q.id, numerator=part.id, denominators=(parent_of[part.id],), basis=share_of(whole))]
    named = [c for c in cands[1:] if whole and whole.strip("总") and whole.strip("总") in c.label]
    if named:
        return [RatioRelation(rate=q.id, numerator=part.id, denominators=(named[0].id,), basis=share_of(whole))]
    return []
