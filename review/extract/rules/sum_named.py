"""Totals whose parts follow in paragraphs of their own, each paragraph naming one kind of the
total: "财政拨款本年收入1205.11万元，…；本年支出1094.65万元，…。具体情况如下：" then
"一般公共预算财政拨款本年收入979.53万元，…；本年支出869.0万元…" and "政府性基金预算财政拨款本年收入
225.58万元，…；本年支出225.58万元…". Each total of the introducing paragraph takes, from every
following paragraph, the amount named like it (its label ends alike); the paragraphs run until one
names none of the totals, or a new section opens. Emitted as read, whether they add up or not."""

from __future__ import annotations

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.label_lines import lines_after
from review.extract.rules.scan import Scan

NAME_TAIL = 4  # 本年收入, 本年支出, 项目资金: the characters a part's label shares with its total's


def extract_named_parts(scan: Scan, seen: set[str]) -> list[SumRelation]:
    out: list[SumRelation] = []
    for m in lexicon.PARTS_INTRO.finditer(scan.text):
        if not _ends_paragraph(scan.text, m.end()):
            continue
        start = scan.text.rfind("\n", 0, m.start()) + 1
        totals = [q for q in scan.between(start, m.start()) if _named_amount(scan, q) and q.id not in seen]
        if not totals:
            continue
        parts: dict[str, list[Quantity]] = {t.id: [] for t in totals}
        for a, b in _paragraphs_after(scan.text, m.end()):
            named = _named_in(scan, a, b, totals)
            if not named or lexicon.LIST_OPENER.match(scan.text[a:b].strip()):
                break  # a paragraph naming none of the totals, or the parts of the paragraph before (其中…)
            for t, q in named:
                parts[t.id].append(q)
        for t in totals:
            if len(parts[t.id]) >= 2 and not _nested(parts[t.id]):
                seen.add(t.id)
                out.append(_relation(scan, t, parts[t.id]))
    return out


def _ends_paragraph(text: str, pos: int) -> bool:
    """具体情况如下：⏎ — the parts are the paragraphs after it, not the rest of its own line."""
    rest = text[pos : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
    return not rest.strip()


def _named_amount(scan: Scan, q: Quantity) -> bool:
    """An amount that can be a total named by its label: exact money, not a change or a rate, named
    by at least NAME_TAIL characters."""
    return (
        q.family == "money"
        and q.exact
        and not scan.in_table(q.start)
        and len(q.label) >= NAME_TAIL
        and not lexicon.SUM_DELTA.search(q.label)
    )


def _paragraphs_after(text: str, pos: int) -> list[tuple[int, int]]:
    """The non-empty lines after `pos`, up to a line that opens a new section ((二)…, 三、…)."""
    out = []
    for a, b in lines_after(text, pos):
        line = text[a:b].strip()
        if not line:
            continue
        if lexicon.SECTION_BREAK.match(line):
            break
        out.append((a, b))
    return out


def _named_in(scan: Scan, a: int, b: int, totals: list[Quantity]) -> list[tuple[Quantity, Quantity]]:
    """For each total, the first amount of the paragraph named like it. The paragraph's first amount
    must be one of them and must name a kind of its total (a label of its own, not the total's)."""
    amounts = [q for q in scan.between(a, b) if _named_amount(scan, q)]
    if not amounts:
        return []
    out, used = [], set[str]()
    for t in totals:
        q = next((x for x in amounts if x.id not in used and _named_alike(x, t)), None)
        if q is not None:
            used.add(q.id)
            out.append((t, q))
    lead = amounts[0]
    lead_total = next((t for t, q in out if q is lead), None)
    if lead_total is None or lead.label == lead_total.label:
        return []
    return out


def _named_alike(part: Quantity, total: Quantity) -> bool:
    """The part's label ends like the total's and names no period the total's does not (上年, 2018年度 …).
    A part may bear the total's very label (本年支出869.0万元 in the paragraph of 一般公共预算财政拨款本年收入):
    its paragraph's lead names its kind (_named_in); what is the total restated is read from that
    wording, never from whether the values are equal."""
    if part.family != total.family or part.label[-NAME_TAIL:] != total.label[-NAME_TAIL:]:
        return False
    return not set(lexicon.PERIOD_IN_LABEL.findall(part.label)) - set(lexicon.PERIOD_IN_LABEL.findall(total.label))


def _nested(parts: list[Quantity]) -> bool:
    """One part's label is the end of another's (财政拨款收入 … 一般公共预算财政拨款收入): a kind and its
    own sub-kind, not parts side by side."""
    labels = [q.label for q in parts]
    return any(a != b and b.endswith(a) for a in labels for b in labels)


def _relation(scan: Scan, total: Quantity, parts: list[Quantity]) -> SumRelation:
    before = scan.text[max(0, total.start - 4) : total.start]
    return SumRelation(
        total=total.id,
        items=tuple(q.id for q in parts),
        exhaustive=True,
        category=lexicon.sum_category(total.unit, total.label),
        basis="如下·同名分项",
        marked=bool(lexicon.SUM_TOTAL_WORD.search(total.label) or lexicon.TOTAL_JUST_BEFORE.search(before)),
    )
