"""Counts: "内设六办一所四中心。包括A、B…", "抽查项目5个，分别是A、B…", "总体绩效目标10个…如下"
followed by numbered paragraphs, and tiers "90分以上的81个，60至90分0个…" against the stated
number of projects. What is read is emitted whether or not it adds up: review.checks.count counts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.core.claims import CountRelation, Quantity
from review.core.numbers import chinese_numeral
from review.extract.rules.scan import Scan

_CN = "一二两三四五六七八九十"
_ORG_RUN = re.compile(rf"(?:[{_CN}\d]+(?:办|所|中心|站|室|局|队|科|股|部|委)){{2,}}")
_ORG_PART = re.compile(rf"([{_CN}\d]+)(办|所|中心|站|室|局|队|科|股|部|委)")
_LIST_INTRO = re.compile(r"^[^。\n]{0,6}?(?:分别是|分别为|包括|包含|如下|有)[：:]?")
_NUMBERED = re.compile(r"^\s*(?:\[[^\]]*\]\s*)?(\d{1,2})\s*[.．、]")
_TIER = re.compile(
    r"(?:以上|以下|至\d+(?:\.\d+)?分|-\d+%|%以下|%以上)?的(?:有)?$|分(?:以上|以下)?的?$|\d分$|以下$|以上$"
)
_SUBSET = re.compile(r"抽查|抽取|其中|重点|部分|未|已|目标|指标")


def extract_counts(scan: Scan) -> list[CountRelation]:
    return [*_org_runs(scan), *_listed(scan), *_tiers(scan)]


def _org_runs(scan: Scan) -> list[CountRelation]:
    out = []
    text = scan.text
    for run in _ORG_RUN.finditer(text):
        parts = [
            (
                chinese_numeral(m.group(1)) or int(m.group(1))
                if m.group(1).isdigit() or chinese_numeral(m.group(1))
                else 0,
                m.group(2),
            )
            for m in _ORG_PART.finditer(run.group())
        ]
        items = _list_after(text, run.end())
        if not items:
            continue
        for n, kind in parts:
            named = [span for span in items if _suffix_kind(text[span[0] : span[1]]) == kind]
            out.append(
                CountRelation(
                    stated=n,
                    start=run.start(),
                    end=run.end(),
                    item_spans=tuple(named),
                    what=f"“{kind}”类机构",
                    wording="org_run",
                )
            )
    return out


def _suffix_kind(name: str) -> str:
    name = name.strip()
    if name.endswith(("办公室", "办")):
        return "办"
    for kind in ("中心", "所", "站", "室", "局", "队", "科", "股", "部", "委"):
        if name.endswith(kind):
            return kind
    return ""


def _list_after(text: str, pos: int) -> list[tuple[int, int]]:
    """Items of an inline list that follows pos: "。包括A、B、C。" → spans of A, B, C."""
    rest = text[pos : pos + 400]
    skip = len(rest) - len(rest.lstrip("。，,：: "))
    m = _LIST_INTRO.match(rest[skip:])
    if not m:
        return []
    start = pos + skip + m.end()
    end = start
    while end < len(text) and text[end] not in "。\n；;":
        end += 1
    spans, cur = [], start
    for i in range(start, end + 1):
        if i == end or text[i] in "、，,":
            if text[cur:i].strip():
                spans.append((cur, i))
            cur = i + 1
    return spans


def _listed(scan: Scan) -> list[CountRelation]:
    out = []
    text = scan.text
    for q in scan.quantities:
        if q.unit not in ("个", "项", "名", "家", "所", "处") or not q.exact or scan.in_table(q.start):
            continue
        after = text[q.end : q.end + 30]
        if re.match(r"^[，,：:]?\s*(?:分别是|分别为|包括)", after):
            items = _list_after(text, q.end)
            if len(items) >= 2 and all(len(text[a:b]) <= 40 for a, b in items):
                out.append(
                    CountRelation(
                        stated=int(q.value),
                        start=q.anchor_start,
                        end=q.end,
                        item_spans=tuple(items),
                        what=q.label or "列举事项",
                        stated_ids=(q.id,),
                    )
                )
        elif re.search(r"如下[。：:]?\s*$", text[q.end : _line_end(text, q.end)]):
            numbered = _numbered_paragraphs(text, text.find("\n", q.end) + 1)
            if len(numbered) >= 2:
                out.append(
                    CountRelation(
                        stated=int(q.value),
                        start=q.anchor_start,
                        end=q.end,
                        item_spans=tuple(numbered),
                        what=q.label or "列举事项",
                        stated_ids=(q.id,),
                        wording="numbered_paragraphs",
                    )
                )
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos, pos + 400)
    return pos if end < 0 else end


def _numbered_paragraphs(text: str, pos: int) -> list[tuple[int, int]]:
    """Consecutive paragraphs numbered 1., 2., … starting at pos (other lines may sit between)."""
    spans: list[tuple[int, int]] = []
    expect = 1
    for line_start, line in _lines(text, pos):
        m = _NUMBERED.match(line)
        if m and int(m.group(1)) == expect:
            spans.append((line_start, line_start + len(line)))
            expect += 1
        elif re.match(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+、\s)", line) and spans:
            break
    return spans


def _lines(text: str, pos: int) -> Iterator[tuple[int, str]]:
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, text[pos:end]
        pos = end + 1


def _tiers(scan: Scan) -> list[CountRelation]:
    """Counts split into tiers in one sentence, against the stated numbers of projects elsewhere
    (the first is shown; the check finds which one the tiers add up to, if any)."""
    out = []
    text = scan.text
    done: set[int] = set()
    candidates = _project_totals(scan)
    for q in scan.quantities:
        if q.unit != "个" or q.start in done:
            continue
        s, e = scan.sentence_bounds(q.start)
        if "\n" not in text[s:e]:
            s2, e2 = scan.paragraph_bounds(q.start)
            s, e = max(s, s2), e2 if text.find("。", q.end, e2) < 0 else text.find("。", q.end, e2)
        tier = [
            c
            for c in scan.between(s, e)
            if c.unit == "个" and c.exact and _TIER.search(text[max(s, c.start - 12) : c.start])
        ]
        done.update(c.start for c in scan.between(s, e))
        if len(tier) < 2 or "项目" not in text[s:e]:
            continue
        totals = [t for t in candidates if not s <= t.start < e][:MAX_TOTALS]
        if totals:
            t = totals[0]
            out.append(
                CountRelation(
                    stated=int(t.value),
                    start=t.anchor_start,
                    end=t.end,
                    item_spans=tuple((c.start, c.end) for c in tier),
                    what="按分档列出的项目个数之和",
                    stated_ids=tuple(x.id for x in totals),
                    item_ids=tuple(c.id for c in tier),
                    wording="tiers",
                )
            )
    return out


MAX_TOTALS = 50


def _project_totals(scan: Scan) -> list[Quantity]:
    """Stated numbers of projects (项目支出数量55个, 预算支出项目83个), not subsets or targets."""
    return [
        q for q in scan.quantities if q.unit == "个" and q.exact and "项目" in q.label and not _SUBSET.search(q.label)
    ]
