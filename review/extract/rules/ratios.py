"""Rates and shares: "预算执行率56%" with the amounts it refers to, "完成率为100％",
"资金使用率99%", "占总支出的65.3%", "占中央、省资金的74.12%", "“优秀”的5个,占比10%",
"完成预算的100%", "同比上年度增加189.25万元,增加31.39%".

A rate's numerator is the nearest earlier amount named with the rate's own verb (执行, 完成,
使用…); its denominator is the base named by the rate's base words (预算, 安排, 任务…) or,
failing that, any larger earlier amount of the same unit in the sentence. A share's part is the
amount its subject names (or the one just before it); its whole is the amount the share names
(one, or several joined by 、) or, unnamed (占比), the total the part is listed under. A change
rate (增加31.39%) is the change amount just before it (同比上年度增加, 比2018年度增加, or a bare 增加 right
after the amount that changed or after a comparison opening the sentence) over the value that amount
changed. 完成进度X% is read as a 完成率. The operands are chosen from the wording and the layout only,
never by what the numbers give."""

from __future__ import annotations

import re

from review.core.claims import Quantity, RatioRelation, SumRelation
from review.core.provenance import (
    RateWording,
    change_rate,
    completion_of,
    named_rate,
    rate_over_base,
    share_of,
    unnamed_share,
)
from review.extract import lexicon
from review.extract.lexicon import (
    CHANGE_AMOUNT_LABEL,
    CHANGE_BARE_LABEL,
    CHANGE_COMPARED_BEFORE,
    CHANGE_DOWN,
    CHANGE_RATE,
    CHANGE_SUBJECT_NAMES,
    CHANGE_VERSUS_YEAR_LABEL,
    CHANGE_WORDS,
    FUNDS_RATE_BASE,
    FUNDS_RATE_NAME,
    ITEM_MARK,
    NAMED_BASE_ONLY,
    PLAN_DIFFERENCE_LABEL,
    RATE_BASE_WORDS,
    SHARE_FOLLOWS,
    SHARE_NAMED,
    SHARE_SUBJECT_NOISE,
    SHARE_UNNAMED,
    WHOLE_PARTS_SEPARATOR,
)
from review.extract.rules.scan import Scan

_RATE = lexicon.RATE_STATEMENT
_TIER = lexicon.RATE_TIER_AFTER
BASE_LOOKBACK = 600  # a base named by its own words (预算/安排/任务) may sit a paragraph earlier
_ACTUAL = r"实际|已|累计|共|完成|执行|支出|到位|兑现|发放"
_TOTAL_WORDS = r"总|合计|全部"


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
        if unnamed := SHARE_UNNAMED.search(before):
            out.extend(_unnamed_share(scan, q, q.start - len(before) + unnamed.start(), parent_of))
        elif bare := lexicon.SHARE_BARE.search(before):
            out.extend(_listed_share(scan, q, q.start - len(before) + bare.start(), parent_of))
        elif named := SHARE_NAMED.search(before):
            verb_at = q.start - len(before) + named.start()
            out.extend(_named_share(scan, q, verb_at, named.group("of"), named.group("done"), parent_of))
        elif change := CHANGE_RATE.search(before):
            if not lexicon.ADJUSTED_BASIS.search(q.label):  # 剔除留抵退税后同口径下降6.07%: of figures not given
                out.extend(_change_rate(scan, q, change.group("dir")))
        elif rate := _RATE.search(before) or lexicon.RATE_AS_PROGRESS.search(before):
            name_at = q.start - len(before) + rate.start("name")
            out.extend(_rate(scan, q, rate.group("name"), parent_of, name_at))
    return out


def _candidates(scan: Scan, q: Quantity, name_at: int | None = None) -> list[Quantity]:
    """Earlier exact amounts in the same sentence (or the one before, when the rate opens its
    sentence, the sentence does not open a numbered item and names no subject of its own before the
    rate's name: 部分项目如健康惠民项目支出进度已达90.82% is not of the sentence before's 实际支出360.9亿元),
    nearest first, excluding other rates."""
    start, _ = scan.sentence_bounds(q.start)
    para_start, _ = scan.paragraph_bounds(q.start)
    text = scan.text
    own_subject = name_at is not None and bool(lexicon.RATE_OWN_SUBJECT.search(text[start:name_at]))
    if (
        not scan.between(start, q.start)
        and start > para_start
        and not ITEM_MARK.match(text[start : q.start])
        and not own_subject
    ):
        start, _ = scan.sentence_bounds(start - 1)
    found = [c for c in scan.between(start, q.start) if c.exact and c.unit not in ("%", "个百分点", "分")]
    return list(reversed(found))


def _base_words(name: str, stem: str) -> str | None:
    """The words naming a rate's base: the stem's own (执行 → 预算|安排…), or the allocation for a
    资金X率 whose X is not a change."""
    if stem in RATE_BASE_WORDS:
        return RATE_BASE_WORDS[stem]
    funds = FUNDS_RATE_NAME.search(name)
    if funds and not re.fullmatch(CHANGE_WORDS, funds.group("stem")):
        return FUNDS_RATE_BASE
    return None


def _rate(scan: Scan, q: Quantity, name: str, parent_of: dict[str, str], name_at: int) -> list[RatioRelation]:
    """One relation per unit of the numerator (50户204人 gives two alternatives)."""
    stem = name[-2:]
    base = _base_words(name, stem)
    cands = _candidates(scan, q, name_at)
    numerator = next((c for c in cands if _names_done(c.label, stem)), None)
    if numerator is None and stem in RATE_BASE_WORDS:
        numerator = next(
            (c for c in cands if base is not None and _names_actual(c.label, base) and not _negated(c)),
            None,
        )
    if numerator is None:
        return _rate_of_rest(q, name, stem, base, cands)
    partners = [
        c
        for c in cands
        if c.end <= numerator.start + len(numerator.text) + 8 and c.start > numerator.start and c.unit != numerator.unit
    ]
    earlier: list[Quantity] = []
    if base:
        lookback = scan.between(max(0, numerator.start - BASE_LOOKBACK), numerator.start)
        earlier = [c for c in reversed(lookback) if c.exact and c.family == numerator.family and c not in cands]
        earlier = _one_base(
            [c for c in earlier if re.search(base, c.label) and stem not in c.label and _same_measure(c, numerator)],
            parent_of,
        )
    # a 资金X率, and a 使用率, is read only against its named base
    loose = (stem in RATE_BASE_WORDS and stem not in NAMED_BASE_ONLY) or base is None
    rels = [_rate_for(q, name, stem, base, n, cands, earlier, loose=loose) for n in (numerator, *partners[:1])]
    return [r for r in rels if r]


def _rate_of_rest(q: Quantity, name: str, stem: str, base: str | None, cands: list[Quantity]) -> list[RatioRelation]:
    """No amount named as done, one named as not done (市本级直达资金45.66亿元,未分配0.32亿元,分配率99.3%): the
    rate is of the rest of its base, (45.66 − 0.32) ÷ 45.66."""
    undone = next((c for c in cands if c.label.endswith(stem) and _negated(c)), None)
    if undone is None:
        return []
    rel = _rate_for(q, name, stem, base, undone, cands, [], loose=True)
    return [rel.model_copy(update={"complement": True})] if rel else []


def _one_base(named: list[Quantity], parent_of: dict[str, str]) -> list[Quantity]:
    """The base a paragraph earlier, when its words name one amount there (累计筹措下达财政资金627.43亿元, not its
    part 其中…本级财政安排125.96亿元; the same amount written twice under one label is one, the nearest): else
    none. Which amounts are one is read from their labels, never from their values."""
    ids = {c.id for c in named}
    wholes = [c for c in named if parent_of.get(c.id) not in ids]
    if wholes and all((c.label, c.unit) == (wholes[0].label, wholes[0].unit) for c in wholes):
        return wholes[:1]
    return []


def _names_done(label: str, stem: str) -> bool:
    """The label names the rate's verb as done (已分配, 支付资金), not as not done (未分配, 尚未支付)."""
    at = label.find(stem)
    return at >= 0 and not lexicon.NEGATED_STEM_BEFORE.search(label[:at])


def _names_actual(label: str, base: str) -> bool:
    """The label names what was done (实际支出, 已拨付): its last word of doing ends after its last word of the
    base. 预算支出 is spent budget; 全年预算安排 and 已下达 are the base."""
    done = [m.end() for m in re.finditer(_ACTUAL, label)]
    based = [m.end() for m in re.finditer(base, label)]
    return bool(done) and (not based or done[-1] > based[-1])


def _negated(c: Quantity) -> bool:
    """未分配0.32亿元, 尚未支付…: what was not done, neither a rate's numerator nor its base."""
    return bool(lexicon.NEGATED_NAME.match(c.label))


def _rate_for(
    q: Quantity,
    name: str,
    stem: str,
    base: str | None,
    numerator: Quantity,
    cands: list[Quantity],
    earlier: list[Quantity],
    *,
    loose: bool,
) -> RatioRelation | None:
    """The base the rate's words name: in the rate's sentence by the base's words, else the whole the
    sentence states (总量, 合计), else a paragraph earlier by the base's words; failing all, a larger amount
    of the sentence (not one a paragraph earlier: 已完成年度中央水利投资计划746.4亿元 is no base of the next
    sentence's 完成地方投资298.9亿元,完成率50.1%). An amount named with the rate's verb is no named base."""
    dens = [c for c in cands if c.start < numerator.start and _same_measure(c, numerator) and not _negated(c)]
    if base:
        own = [c for c in dens if re.search(base, c.label) and stem not in c.label]
        whole = [c for c in dens if re.search(lexicon.SENTENCE_WHOLE_WORDS, c.label) and stem not in c.label]
        strict = own or whole or earlier
        if strict:
            return RatioRelation(
                rate=q.id, numerator=numerator.id, denominators=(strict[0].id,), basis=rate_over_base(name, stem)
            )
    larger = [c for c in dens if c.base_value_ge(numerator)] if loose else []
    if not larger:
        return None
    return RatioRelation(
        rate=q.id, numerator=numerator.id, denominators=tuple(c.id for c in larger), basis=named_rate(name)
    )


def _same_measure(c: Quantity, numerator: Quantity) -> bool:
    """Of the numerator's unit, or money of any unit (万元 over 亿元)."""
    return c.family == numerator.family and (c.unit == numerator.unit or c.family == "money")


def _part(scan: Scan, cands: list[Quantity], verb_at: int) -> Quantity | None:
    """The amount a share is of: the one its subject names (区级资金投入占… → 区级资金670万元), or
    the amount just before the share when it has no subject of its own (871.44万元，占总支出的…)."""
    if not cands:
        return None
    subject = scan.text[cands[0].end : verb_at].strip(" ，,、：:；;")
    if SHARE_SUBJECT_NOISE.fullmatch(subject):
        return cands[0]
    return next((c for c in cands if c.label and (c.label in subject or subject in c.label)), None)


def _share(q: Quantity, part: Quantity, whole: Quantity, basis: RateWording) -> RatioRelation:
    return RatioRelation(rate=q.id, numerator=part.id, denominators=(whole.id,), basis=basis)


def _unnamed_share(scan: Scan, q: Quantity, verb_at: int, parent_of: dict[str, str]) -> list[RatioRelation]:
    """占比10% names no whole: the part's share of the total its list sums to, or else of the
    nearest earlier amount of its unit in the sentence that is not itself a part with a share
    (复核评价的50个项目,“优秀”的5个,占比10%,“良好”的23个,占比46%: of 50)."""
    cands = _candidates(scan, q)
    part = _part(scan, cands, verb_at)
    if part is None:
        return []
    if part.id in parent_of:
        return [RatioRelation(rate=q.id, numerator=part.id, denominators=(parent_of[part.id],), basis=unnamed_share())]
    start, _ = scan.sentence_bounds(q.start)
    whole = next(
        (
            c
            for c in cands
            if c.start < part.start
            and c.start >= start
            and c.unit == part.unit
            and not SHARE_FOLLOWS.match(scan.text[c.end : c.end + 12])
        ),
        None,
    )
    return [_share(q, part, whole, unnamed_share())] if whole else []


def _listed_share(scan: Scan, q: Quantity, verb_at: int, parent_of: dict[str, str]) -> list[RatioRelation]:
    """其中:财政拨款收入6567.06万元,占100.00%;事业收入0.00万元,占0.00%: a bare 占 right after a listed
    part is its share of the list's total; after anything else it is no claim."""
    part = scan.before(q.start)
    if part is None or part.id not in parent_of or not SHARE_SUBJECT_NOISE.fullmatch(scan.text[part.end : verb_at]):
        return []
    return [RatioRelation(rate=q.id, numerator=part.id, denominators=(parent_of[part.id],), basis=unnamed_share())]


def _named_share(
    scan: Scan, q: Quantity, verb_at: int, of: str | None, done: str | None, parent_of: dict[str, str]
) -> list[RatioRelation]:
    """占总支出的65.3% (the list's total, or the amount named 支出), 占中央、省资金的74.12% (the sum
    of the amounts named 中央… and 省资金), 完成预算的100% (of the amount named 预算)."""
    whole = of or done or ""
    cands = _candidates(scan, q)
    part = _part(scan, cands, verb_at)
    if part is None:
        return []
    if of is not None and part.id in parent_of and re.search(_TOTAL_WORDS, whole):
        return [RatioRelation(rate=q.id, numerator=part.id, denominators=(parent_of[part.id],), basis=share_of(whole))]
    others = [c for c in cands if c is not part and c.family == part.family]
    names = [n for n in WHOLE_PARTS_SEPARATOR.split(whole) if n]
    if len(names) > 1:
        return _whole_of_parts(q, part, names, others, whole)
    name = whole.strip("总")
    named = [c for c in others if name and name in c.label]
    basis = share_of(whole) if of is not None else completion_of(whole)
    if named:
        return [_share(q, part, named[0], basis)]
    short = _shortfall(scan, q, part, name) if done is not None else None
    return (
        [RatioRelation(rate=q.id, numerator=part.id, denominators=(), whole_parts=(part.id, short.id), basis=basis)]
        if short
        else []
    )


def _shortfall(scan: Scan, q: Quantity, part: Quantity, name: str) -> Quantity | None:
    """完成年初预算的70%,比年初预算减少537.35万元: the whole the completion names is what was done and the
    shortfall the same sentence states against that same name (1205.11 + 537.35)."""
    m = lexicon.SHORTFALL_AFTER.match(scan.text, q.end)
    if m is None or not name or m.group("name") != name:
        return None
    after = scan.between(m.end(), scan.sentence_bounds(q.end)[1])
    short = after[0] if after else None
    return short if short and short.start - m.end() <= 2 and _same_measure(short, part) and short.exact else None


def _whole_of_parts(
    q: Quantity, part: Quantity, names: list[str], others: list[Quantity], whole: str
) -> list[RatioRelation]:
    """Each name of the whole must name exactly one amount of the sentence, else no claim."""
    found: list[Quantity] = []
    for name in names:
        matches = [c for c in others if name in c.label]
        if len(matches) != 1 or matches[0] in found:
            return []
        found.append(matches[0])
    ids = tuple(c.id for c in sorted(found, key=lambda c: c.start))
    return [RatioRelation(rate=q.id, numerator=part.id, denominators=(), whole_parts=ids, basis=share_of(whole))]


def _change_rate(scan: Scan, q: Quantity, word: str) -> list[RatioRelation]:
    """增加31.39% right after 同比上年度增加189.25万元: the change over last year's value, which is
    the value the change is stated for (收入:792.22万元) less the change. The value is the nearest
    earlier amount of the change's sentence, or, when the change opens its sentence, the amount of
    the sentence before that the change's subject names (收支: its 收入 and its 支出, each a reading),
    or its only one when the change names no subject; anything else is no claim."""
    cands = _candidates(scan, q)
    if not cands:
        return []
    delta = cands[0]
    stated = _change_wording(delta)
    down = bool(re.fullmatch(CHANGE_DOWN, word))
    if not stated or bool(re.fullmatch(CHANGE_DOWN, stated.group("dir"))) != down:
        return []
    values = [
        c
        for c in _candidates(scan, delta)
        if c.family == delta.family and c.unit != "%" and not scan.is_rate_base(c) and not _versus_plan(c)
    ]
    start, _ = scan.sentence_bounds(delta.start)
    if not values or CHANGE_AMOUNT_LABEL.search(values[0].label):
        return []
    right_after = values[0] is scan.before(delta.start) and values[0].start >= start
    if stated.re is CHANGE_BARE_LABEL and not (right_after or _compared(scan, delta)):
        return []  # a bare 增加 is a change only right after what changed in its sentence, or after a comparison
    changed = [values[0]] if values[0].start >= start else _named_by_subject(values, _subject(delta, stated))
    return [
        RatioRelation(
            rate=q.id,
            numerator=delta.id,
            denominators=(value.id,),
            change="down" if down else "up",
            basis=change_rate(word),
        )
        for value in changed
    ]


def _versus_plan(q: Quantity) -> bool:
    """An amount stated as over or under the budget (超收14519万元, 短收7431万元): a difference, not the value the
    year-on-year change is of."""
    return bool(PLAN_DIFFERENCE_LABEL.search(q.label))


def _change_wording(delta: Quantity) -> re.Match[str] | None:
    """The change word of an amount stated as a change: after a comparison in its label (同比上年度增加,
    比2018年度增加), or alone (增加, 收支各增加: see CHANGE_BARE_LABEL)."""
    for pattern in (CHANGE_AMOUNT_LABEL, CHANGE_VERSUS_YEAR_LABEL, CHANGE_BARE_LABEL):
        if m := pattern.search(delta.label):
            return m
    return None


def _compared(scan: Scan, delta: Quantity) -> bool:
    """A comparison (与2018年度决算相比) opens the change's sentence."""
    start, _ = scan.sentence_bounds(delta.start)
    return bool(CHANGE_COMPARED_BEFORE.search(scan.text[start : delta.start]))


def _named_by_subject(values: list[Quantity], subject: str) -> list[Quantity]:
    """The amounts of the sentence before that changed: its one amount, or, when it has several, those
    the change's subject names (none without a subject: which one changed is not read)."""
    if len(values) == 1:
        return values
    names = (subject, *CHANGE_SUBJECT_NAMES.get(subject, ())) if subject else ()
    return [v for v in values if any(n in v.label for n in names)]


def _subject(delta: Quantity, stated: re.Match[str]) -> str:
    """What the change is of: the words before its comparison (收支较上年…) or before 各 (收支各增加)."""
    return stated.groupdict().get("subject") or delta.label[: stated.start()]
