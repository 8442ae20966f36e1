"""One fact of a project stated in different sections under different names: 计划投资2179万元 in
the 目标 and 项目资金共2179万元 in the 执行 analysis (r2-06), 已拨付资金269.30万元 and 实际发放补贴资金
269.3万元 (r2-10), 涉及31500口人 and 受益群众达31500人 (r8-06). Which statements are of one fact is read
from the MEANING of their labels (lexicon.CONCEPT_CLASSES), never from their values: a label names a
class, and nothing in it may make the statement a share, a batch, another period or a need
(lexicon.CONCEPT_QUALIFIER). Statements of one class are one fact when they are of the same project
(the numbered item they are in, the project name their labels give) and the same year; several of
one class in one sentence are parts of a list, not restatements. Whether the values agree is the
check's (review/checks/consistency.py)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

from review.core.claims import Quantity, SameFact
from review.extract import lexicon
from review.extract.rules.same_facts import project_scope
from review.extract.rules.scan import Scan


@dataclass(frozen=True)
class Concept:
    """A quantity as a statement of one concept class: its class, the project and year it names."""

    q: Quantity
    kind: str
    scope: str  # the numbered project item it is in ("" for the report's own)
    project: str  # the project its label names ("" when it names none)
    year: str  # the last year its sentence names before it
    document: str  # the last document its sentence cites before it (…41号文件…,下达…5万元)
    sentence: tuple[int, int]
    subject: str = ""  # the amount its clause states it of (…支出0万元,年初预算为0万元: that 支出's budget)


def extract_concept_facts(scan: Scan) -> list[SameFact]:
    """Each class's statements of one project and year, when stated in more than one sentence."""
    stated = [c for q in scan.quantities if (c := concept_of(scan, q)) is not None]
    groups: dict[tuple[str, str], list[Concept]] = defaultdict(list)
    for c in _without_lists(stated):
        groups[(c.scope, c.kind)].append(c)
    out = []
    for (scope, kind), members in _join_generic(groups).items():
        for group in _by_project_and_year(members):
            if len({c.sentence for c in group}) > 1:
                what = f"{kind}（{scope}）" if scope else kind
                out.append(SameFact(what=what, statements=tuple(c.q.id for c in group)))
    return out


def concept_of(scan: Scan, q: Quantity) -> Concept | None:
    """The class a quantity's label names, or None when it names none or a qualifier makes it another
    fact. Only exact prose statements are read (a table's cells are its readers')."""
    if not q.exact or scan.in_table(q.start) or _enumerated_item(scan, q):
        return None
    kind, at = _kind_of(q)
    sentence = scan.sentence_bounds(q.start)
    before = scan.text[sentence[0] : q.start]
    if not kind or _qualified(q.label) or lexicon.CONCEPT_ENUMERATED_CLAUSE.search(before):
        return None
    subject = lexicon.CONCEPT_FILLER.sub("", lexicon.CONCEPT_ISSUER.sub("", q.label[:at]))
    named = lexicon.CONCEPT_PROJECT_NAME.search(subject)
    if subject and not named:
        return None  # 基本支出实际支出 / 垃圾车运营维护费…: something other than the project is named
    inside = lexicon.CONCEPT_PROJECT_IN.search(q.label, at)
    project = _name(named) or _name(inside)
    year = next(iter(lexicon.CONCEPT_YEAR.findall(before)[-1:]), "")
    docs = [
        f"{m['org'][-lexicon.DOCUMENT_ORG_TAIL :]}{m['year']}{m['no']}"
        for m in lexicon.DOCUMENT_NUMBER.finditer(before)
    ]
    document = docs[-1] if docs else ""
    return Concept(q, kind, project_scope(scan, q.start), project, year, document, sentence, scan.subject_of(q))


def _qualified(label: str) -> bool:
    """A word of the label makes the statement a share, a part, another period or a need; the
    finance bureau that allots (县财政下达) is no such word."""
    return bool(lexicon.CONCEPT_QUALIFIER.search(lexicon.CONCEPT_ISSUER.sub("", label)))


def _kind_of(q: Quantity) -> tuple[str, int]:
    """The class the label ends with and where its words start."""
    for kind, pattern in lexicon.CONCEPT_CLASSES.items():
        people = kind in lexicon.CONCEPT_PEOPLE
        if people != (q.unit in lexicon.PEOPLE_UNITS) or (not people and q.family != "money"):
            continue
        m = pattern.search(q.label)
        if m:
            return kind, m.start()
    return "", 0


def _name(m: re.Match[str] | None) -> str:
    name = lexicon.CONCEPT_FILLER.sub("", m.group("name")) if m else ""
    return "" if lexicon.CONCEPT_NOT_A_NAME.match(name) else name


def _enumerated_item(scan: Scan, q: Quantity) -> bool:
    """Its line is one item of an enumeration (一是… / 1、…) that is not an analysis heading: its
    amount is one of several (三是美丽乡村自然村的奖励5039万元)."""
    start = scan.paragraph_bounds(q.start)[0]
    line = scan.text[start : q.start]
    m = lexicon.ENUMERATED_LINE.match(line)
    return m is not None and not lexicon.ANALYSIS_LINE.match(line, m.end())


def _without_lists(stated: list[Concept]) -> list[Concept]:
    """Statements of one class that share a sentence list parts (下达A资金5万元、B资金3万元): none is
    the whole, so none is kept."""
    per_sentence: dict[tuple[tuple[int, int], str], int] = defaultdict(int)
    for c in stated:
        per_sentence[(c.sentence, c.kind)] += 1
    return [c for c in stated if per_sentence[(c.sentence, c.kind)] == 1]


def _join_generic(groups: dict[tuple[str, str], list[Concept]]) -> dict[tuple[str, str], list[Concept]]:
    """项目资金 is the investment or the budget, whichever one the scope names; with both, it is
    neither for certain and is left out; with none, it is a class of its own."""
    out = {k: list(v) for k, v in groups.items() if k[1] != lexicon.CONCEPT_GENERIC}
    for (scope, kind), generic in groups.items():
        if kind != lexicon.CONCEPT_GENERIC:
            continue
        named = [k for k in lexicon.CONCEPT_GENERIC_JOINS if (scope, k) in out]
        if len(named) == 1:
            key = (scope, named[0])
            out[key] = sorted(out[key] + generic, key=lambda c: c.q.start)
        elif not named:
            out[(scope, kind)] = generic
    return out


def _by_project_and_year(members: list[Concept]) -> list[list[Concept]]:
    """One group per project, year, cited document and subject (the amount its clause states it of) the
    statements name; a statement naming none of one belongs to the one the others name, and to no group when
    they name several."""
    projects = _canonical({c.project for c in members if c.project})
    groups: dict[tuple[str, str, str, str], list[Concept]] = defaultdict(list)
    for c in members:
        key = (
            _one_of(projects[c.project] if c.project else "", set(projects.values())),
            _one_of(c.year, {m.year for m in members if m.year}),
            _one_of(c.document, {m.document for m in members if m.document}),
            _one_of(c.subject, {m.subject for m in members if m.subject}),
        )
        if None not in key:
            groups[(str(key[0]), str(key[1]), str(key[2]), str(key[3]))].append(c)
    return [g for g in groups.values() if len(g) > 1]


def _one_of(own: str, named: set[str]) -> str | None:
    """What a statement is of along one dimension: its own, else the only one the others name, else
    "" when none is named; None when it names none and the others several (it is of one, unknown)."""
    if own or not named:
        return own
    return next(iter(named)) if len(named) == 1 else None


def _canonical(names: set[str]) -> dict[str, str]:
    """Each project name as the shortest name it ends with (下达我局青连铁路项目 is 青连铁路项目)."""
    return {n: min((m for m in names if n.endswith(m)), key=len) for n in names}
