"""Counts: "内设六办一所四中心。包括A、B…", "总体绩效目标10个…如下" followed by numbered paragraphs,
and tiers "90分以上的81个，60至90分0个…" against the stated number of projects. (A count followed
by its names, "抽查项目5个，分别是A、B…", is read by review.extract.rules.count_lists.) What is
read is emitted whether or not it adds up: review.checks.count counts."""

from __future__ import annotations

import re
from collections.abc import Iterator

from review.core.claims import CountRelation, Quantity, Unread
from review.core.numbers import chinese_numeral
from review.extract import lexicon
from review.extract.rules.scan import Scan, ends_unclosed

_CN = lexicon.CHINESE_DIGITS
_ORG_KINDS = "|".join(lexicon.ORG_SUFFIXES)
_ORG_RUN = re.compile(rf"(?:[{_CN}\d]+(?:{_ORG_KINDS})){{2,}}")
_ORG_PART = re.compile(rf"([{_CN}\d]+)({_ORG_KINDS})")
_LIST_INTRO = re.compile(rf"^[^。\n]{{0,6}}?(?:{lexicon.COUNT_LIST_INTRO})[：:]?")
_TIER = lexicon.COUNT_TIER_BEFORE
_SUBSET = lexicon.COUNT_SUBSET_LABEL
_PROJECT = lexicon.PROJECT_NOUN


def extract_counts(scan: Scan) -> tuple[list[CountRelation], list[Unread]]:
    numbered, unread = _numbered(scan)
    return [*_org_runs(scan), *numbered, *_tiers(scan), *_ordinals(scan)], unread


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
        items, cut = _list_after(text, run.end())
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
                    exhaustive=not cut,
                    wording="org_run",
                )
            )
    return out


def _suffix_kind(name: str) -> str:
    name = name.strip()
    for alias, kind in lexicon.ORG_SUFFIX_ALIASES.items():
        if name.endswith(alias):
            return kind
    for kind in lexicon.ORG_SUFFIXES:
        if name.endswith(kind):
            return kind
    return ""


def _list_after(text: str, pos: int) -> tuple[list[tuple[int, int]], bool]:
    """Items of an inline list that follows pos: "。包括A、B、C。" → spans of A, B, C; and whether
    the text ends inside the list (an excerpt cut off mid-sentence: more items may have followed)."""
    rest = text[pos : pos + 400]
    skip = len(rest) - len(rest.lstrip("。，,：: "))
    m = _LIST_INTRO.match(rest[skip:])
    if not m:
        return [], False
    start = pos + skip + m.end()
    end = start
    while end < len(text) and text[end] not in "。\n；;":
        end += 1
    spans, cur, depth = [], start, 0
    for i in range(start, end + 1):
        if i < end and text[i] in "（(":
            depth += 1
        elif i < end and text[i] in "）)":
            depth = max(0, depth - 1)
        elif i == end or (depth == 0 and text[i] in "、，,"):  # not a 、 inside a name's parentheses
            if text[cur:i].strip():
                spans.append((cur, i))
            cur = i + 1
    return spans, end == len(text)


def _numbered(scan: Scan) -> tuple[list[CountRelation], list[Unread]]:
    """A count whose items follow as marked paragraphs: 总体绩效目标3个…如下。\n1．…; 以下四个方面:\n(1)…;
    三个方面：\n一是…. Where two counts open the list (具体分解二级指标5个、三级指标14个:\n1.数量指标6个:…),
    which of them the paragraphs count is open: the list is recorded as unread, not checked."""
    out = []
    text = scan.text
    opened = _two_counts_open(scan)
    unread = list(opened.values())
    done = set(opened)
    for q in scan.quantities:
        if q.unit not in lexicon.LISTED_COUNT_UNITS or not q.exact or scan.in_table(q.start) or q.start in done:
            continue
        if lexicon.NUMBERED_LIST_AFTER.search(text[q.end : _line_end(text, q.end)]):
            numbered = _paragraphs_below(text, q.end)
            if len(numbered) >= 2:
                out.append(
                    _paragraphs_relation(text, int(q.value), (q.anchor_start, q.end), numbered, q.label, (q.id,))
                )
                done.add(q.start)
    for m in lexicon.COUNT_THEN_LINES.finditer(text):
        stated = _ordinal(m.group("n"))
        if m.start("n") in done or stated is None or scan.in_table(m.start()):
            continue
        numbered = _marked_paragraphs(text, m.end())
        if len(numbered) >= 2:
            span = (m.start("n"), m.end("head"))
            out.append(_paragraphs_relation(text, stated, span, numbered, "其后分段列举的项数", ()))
    return out, unread


def _two_counts_open(scan: Scan) -> dict[int, Unread]:
    """Two counts of one unit joined by 、/和/及 at the end of a line, with marked paragraphs below
    (具体分解二级指标5个、三级指标14个:\n1.数量指标6个:…): which of them the paragraphs count is open.
    By where the second count starts."""
    out = {}
    for prev, q in zip(scan.quantities, scan.quantities[1:], strict=False):
        if prev.unit != q.unit or q.unit not in lexicon.LISTED_COUNT_UNITS or scan.in_table(q.start):
            continue
        line_rest = scan.text[q.end : _line_end(scan.text, q.end)]
        if not lexicon.COUNT_JOINED_GAP.fullmatch(scan.text[prev.end : q.anchor_start]) or line_rest.strip(" :：。"):
            continue
        if len(_paragraphs_below(scan.text, q.end)) >= 2:
            reason = f"分段列举之前有两个个数（{prev.text}、{q.text}），不能确定各段所数的是哪一个"
            out[q.start] = Unread(start=prev.start, end=q.end, reason=reason)
    return out


def _paragraphs_relation(
    text: str, stated: int, span: tuple[int, int], items: list[tuple[int, int]], what: str, ids: tuple[str, ...]
) -> CountRelation:
    return CountRelation(
        stated=stated,
        start=span[0],
        end=span[1],
        item_spans=tuple(items),
        what=what or "列举事项",
        exhaustive=not _cut_off(text, items[-1][1]),
        stated_ids=ids,
        wording="numbered_paragraphs",
    )


def _ordinal(n: str) -> int | None:
    return int(n) if n.isdigit() else chinese_numeral(n)


def _cut_off(text: str, end: int) -> bool:
    """The text ends with the last item, mid-sentence (no 。 closes it): an excerpt cut off, so
    more numbered items may have followed."""
    return ends_unclosed(text, end, lexicon.SENTENCE_CLOSERS)


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos, pos + 400)
    return pos if end < 0 else end


def _paragraphs_below(text: str, pos: int) -> list[tuple[int, int]]:
    """The marked paragraphs from the line after the one `pos` is on."""
    return _marked_paragraphs(text, text.find("\n", pos) + 1)


def _marked_paragraphs(text: str, pos: int) -> list[tuple[int, int]]:
    """Paragraphs marked 1, 2, 3 … in one style (1．/（1）/一是 …), the first of them on the first
    line at pos. Unmarked lines may sit between (an item running on); the list ends at a number out
    of turn or at a paragraph marked in a higher style (四、问题 ends a 1．2．3． list)."""
    lines = _lines(text, pos)
    first = next(((s, line) for s, line in lines if line.strip()), None)
    style = None if first is None else _style_of(first[1])
    if first is None or style is None:
        return []
    spans = [(first[0], first[0] + len(first[1]))]
    for line_start, line in lines:
        m = lexicon.LIST_MARKERS[style].match(line)
        if m and _ordinal(m.group(1)) == len(spans) + 1:
            spans.append((line_start, line_start + len(line)))
        elif m or _outranks(line, style):
            break
    return spans


def _style_of(line: str) -> int | None:
    """The marker style of a list's first item: the one that numbers it 1."""
    for k, marker in enumerate(lexicon.LIST_MARKERS):
        m = marker.match(line)
        if m and _ordinal(m.group(1)) == 1:
            return k
    return None


def _outranks(line: str, style: int) -> bool:
    """The line is marked in a style above the list's (a 一是 list, the last style: in any other)."""
    last = len(lexicon.LIST_MARKERS) - 1
    above = range(last) if style == last else range(style)
    return any(lexicon.LIST_MARKERS[k].match(line) for k in above)


def _lines(text: str, pos: int) -> Iterator[tuple[int, str]]:
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, text[pos:end]
        pos = end + 1


def _tiers(scan: Scan) -> list[CountRelation]:
    """Counts split into tiers in one sentence (优秀5个、良好23个…), against the whole they split.

    The whole is the count the sentence opens with (复核评价的50个项目，复核等次为“优秀”的5个…), or
    the one the sentence before opens with (2022年共对9个重点项目进行了评价，…。评价结论为“良”的8个…);
    a sentence that states none splits a number of projects stated elsewhere — the nearest before
    it is shown first (the check finds which one the tiers add up to, if any)."""
    out = []
    text = scan.text
    done: set[int] = set()
    candidates = _project_totals(scan)
    for q in scan.quantities:
        if q.unit != "个" or q.start in done:
            continue
        s, e = _tier_sentence(scan, q)
        in_sentence = scan.between(s, e)
        done.update(c.start for c in in_sentence)
        tier = [c for c in in_sentence if c.unit == "个" and c.exact and _is_tier(text, s, c)]
        if len(tier) < 2:
            continue
        before = scan.sentence_bounds(max(0, s - 1))[0]
        head = _stated_whole(text, [c for c in in_sentence if c.end <= tier[0].start])
        head = head or (_stated_whole(text, scan.between(before, s)) if before < s else None)
        if head is not None:
            totals = [head]
        elif _PROJECT in text[s:e] or _PROJECT in text[before:s]:
            totals = _nearest_first([t for t in candidates if not s <= t.start < e], s)[:MAX_TOTALS]
        else:
            continue
        if totals:
            out.append(_tier_relation(totals, tier))
    return out


def _tier_sentence(scan: Scan, q: Quantity) -> tuple[int, int]:
    s, e = scan.sentence_bounds(q.start)
    if "\n" not in scan.text[s:e]:
        s2, e2 = scan.paragraph_bounds(q.start)
        stop = scan.text.find("。", q.end, e2)
        s, e = max(s, s2), e2 if stop < 0 else stop
    return s, e


def _is_tier(text: str, sentence_start: int, c: Quantity) -> bool:
    return bool(_TIER.search(text[max(sentence_start, c.start - 12) : c.start]))


def _stated_whole(text: str, before_tiers: list[Quantity]) -> Quantity | None:
    """The count of projects the tiers' sentence opens with: 复核评价的50个项目 (its noun after it
    or in its label), standing before every tier."""
    for c in before_tiers:
        if c.unit == "个" and c.exact and _counts_projects(text, c):
            return c if not _SUBSET.search(c.label) else None
    return None


def _nearest_first(totals: list[Quantity], pos: int) -> list[Quantity]:
    before = sorted((t for t in totals if t.start < pos), key=lambda t: -t.start)
    return before + [t for t in totals if t.start >= pos]


def _tier_relation(totals: list[Quantity], tier: list[Quantity]) -> CountRelation:
    t = totals[0]
    return CountRelation(
        stated=int(t.value),
        start=t.anchor_start,
        end=t.end,
        item_spans=tuple((c.start, c.end) for c in tier),
        what="按分档列出的项目个数之和",
        stated_ids=tuple(x.id for x in totals),
        item_ids=tuple(c.id for c in tier),
        wording="tiers",
    )


def _ordinals(scan: Scan) -> list[CountRelation]:
    """A count whose items follow as ordinals: 分三批实施，一批项目…，二批项目…，三批项目…;
    下设2个管理机构，一是…；二是…. The ordinals are read in order (一, 二, 三 …) at clause starts
    to the end of the paragraph; the check compares how many there are with the count."""
    text = scan.text
    out = []
    for m in lexicon.ORDINAL_COUNT.finditer(text):
        stated = int(m.group("n")) if m.group("n").isdigit() else chinese_numeral(m.group("n"))
        word = lexicon.ORDINAL_ITEM_WORD.get(m.group("cls"), lexicon.ORDINAL_ITEM_DEFAULT)
        end = text.find("\n", m.end())
        items = _ordinal_items(text, m.end(), len(text) if end < 0 else end, word)
        if stated is None or len(items) < 2:
            continue
        out.append(
            CountRelation(
                stated=stated,
                start=m.start("n"),
                end=m.end("what"),
                item_spans=tuple(items),
                what=f"其后按序列出的{'批数' if word != lexicon.ORDINAL_ITEM_DEFAULT else '项数'}",
                wording="ordinals",
            )
        )
    return out


def _ordinal_items(text: str, start: int, end: int, word: str) -> list[tuple[int, int]]:
    """Spans of 一是/二是… (or 一批/第二批…) in order from start, each at a clause start."""
    spans: list[tuple[int, int]] = []
    pos = start
    for ordinal in lexicon.CHINESE_ORDINALS:
        item = re.compile(rf"第?{ordinal}(?:{word})")
        m = item.search(text, pos, end)
        while m and m.start() > start and text[m.start() - 1] not in lexicon.CLAUSE_START:
            m = item.search(text, m.end(), end)
        if not m:
            break
        spans.append((m.start(), m.end()))
        pos = m.end()
    return spans


MAX_TOTALS = 50


def _project_totals(scan: Scan) -> list[Quantity]:
    """Stated numbers of projects (项目支出数量55个, 预算支出项目83个), not subsets or targets."""
    return [
        q for q in scan.quantities if q.unit == "个" and q.exact and _PROJECT in q.label and not _SUBSET.search(q.label)
    ]


def _counts_projects(text: str, q: Quantity) -> bool:
    """A count of projects: 项目 in its label (项目支出数量55个) or in the few words after it (9个重点项目)."""
    return _PROJECT in q.label or bool(lexicon.PROJECT_AFTER_COUNT.match(text, q.end))
