"""One fact stated in several places (SameFact): the total self-score, the overall execution rate,
and the amount one cited document allots. Which statements are of the same fact is read from their
wording and their scope (the project a numbered list item is about); whether they agree is the
check's (review/checks/consistency.py)."""

from __future__ import annotations

import re
from collections import defaultdict

from review.core.claims import Quantity, SameFact, ScoreTree
from review.extract import lexicon
from review.extract.rules.scan import Scan


def extract_same_facts(scan: Scan, trees: list[ScoreTree], extra: list[Quantity]) -> list[SameFact]:
    """The total self-score and the overall execution rate, wherever they are stated within one
    scope, and each document's allotment."""
    by_id = {q.id: q for q in extra}
    scores = [q for q in scan.quantities if _is_total_score(q)]
    for tree in trees:
        root = next(n for n in tree.nodes if n.id == tree.root)
        if tree.source == "table" and root.score and root.score in by_id:
            scores.append(by_id[root.score])
    rates = [
        q
        for q in scan.quantities
        if q.unit == "%"
        and q.exact
        and lexicon.OVERALL_EXECUTION_RATE_LABEL.search(q.label)
        and not scan.in_table(q.start)
    ]
    out = _by_scope(scan, "自评总分", scores) + _by_scope(scan, "预算执行率", rates)
    out += _project_rates(scan)
    return out + extract_document_allotments(scan) + extract_indicator_counts(scan)


def _project_rates(scan: Scan) -> list[SameFact]:
    """项目资金执行率为100% and the bare 执行率100% stated with the project's funds: in a report that
    names no other 执行率 (部门 / 整体 / 预算执行率), one fact."""
    named, bare, other = [], [], 0
    for q in scan.quantities:
        if q.unit != "%" or not q.exact or scan.in_table(q.start):
            continue
        if lexicon.PROJECT_EXECUTION_RATE_LABEL.search(q.label):
            named.append(q)
        elif lexicon.BARE_EXECUTION_RATE_LABEL.search(q.label):
            bare.append(q)
        elif lexicon.ANY_EXECUTION_RATE_LABEL.search(q.label):
            other += 1
    if not named or other:
        return []
    return _by_scope(scan, "项目资金执行率", sorted(named + bare, key=lambda q: q.start))


def extract_indicator_counts(scan: Scan) -> list[SameFact]:
    """共编制12个绩效目标指标,其中一级指标3个,二级指标9个,三级指标12个: the indicators counted are the
    last level's (一级 and 二级 are the categories above them), so the total states that count again."""
    out = []
    text = scan.text
    for q in scan.quantities:
        if q.unit not in ("个", "项") or not q.exact or not lexicon.INDICATOR_TOTAL_AFTER.match(text, q.end):
            continue
        _, end = scan.sentence_bounds(q.start)
        levels = [
            (m.group("level"), x)
            for x in scan.between(q.end, end)
            if x.unit == q.unit and (m := lexicon.INDICATOR_LEVEL_LABEL.search(x.label))
        ]
        if len(levels) >= 2:
            lowest = max(levels, key=lambda lv: _LEVEL_RANK.get(lv[0], 0))[1]
            out.append(SameFact(what="绩效指标个数（末级指标）", statements=(q.id, lowest.id)))
    return out


_LEVEL_RANK = {"一": 1, "1": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}


def _is_total_score(q: Quantity) -> bool:
    return q.unit == "分" and q.exact and q.value >= 30 and bool(lexicon.TOTAL_SELF_SCORE_LABEL.search(q.label))


def project_scope(scan: Scan, pos: int) -> str:
    """The project a statement is of when its paragraph is one numbered item naming a project
    (1、哈拉布拉乡南哈拉布拉村农田道路建设项目,…), or the group its sentence opens with, after a …情况: heading at
    most (省级6项,概算投资140.16亿元,当年计划投资19亿元): that name; else "" (the report's own)."""
    start, _ = scan.paragraph_bounds(pos)
    m = lexicon.PROJECT_ITEM.match(scan.text, start)
    if m is None:
        sentence, _ = scan.sentence_bounds(pos)
        opening = lexicon.SCOPE_HEADING.match(scan.text, sentence)
        m = lexicon.GROUP_OPENING.match(scan.text, opening.end() if opening else sentence)
    return m.group("name") if m and m.end() <= pos else ""


def _by_scope(scan: Scan, what: str, stated: list[Quantity]) -> list[SameFact]:
    """One SameFact per scope with more than one statement: the projects of a multi-project report
    each have their own score."""
    groups: dict[str, list[str]] = defaultdict(list)
    for q in stated:
        groups[project_scope(scan, q.start)].append(q.id)
    return [
        SameFact(what=f"{what}（{scope}）" if scope else what, statements=tuple(ids))
        for scope, ids in groups.items()
        if len(ids) > 1
    ]


def extract_document_allotments(scan: Scan) -> list[SameFact]:
    """The amount a cited document allots (…41号文件《…》,下达**河县2023年资金5万元), each time the
    same documents are cited for it: the first money amount after 下达 in the sentence citing them."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    text = scan.text
    seen: set[int] = set()
    for m in lexicon.DOCUMENT_NUMBER.finditer(text):
        s, e = scan.sentence_bounds(m.start())
        if s in seen:
            continue
        seen.add(s)
        docs = list(lexicon.DOCUMENT_NUMBER.finditer(text, s, e))
        last = max(d.end() for d in docs)
        title_end = text.rfind("》", last, e)  # 下达 in the document's title 《关于下达…的通知》 allots nothing
        verb = lexicon.ALLOTS.search(text, max(last, title_end), e)
        if verb is None:
            continue
        amount = next((q for q in scan.between(verb.end(), e) if q.family == "money"), None)
        if amount is not None and amount.exact:
            groups[tuple(sorted(_doc_key(d) for d in docs))].append(amount.id)
    return [SameFact(what="、".join(k) + "下达资金", statements=tuple(v)) for k, v in groups.items() if len(v) > 1]


def _doc_key(m: re.Match[str]) -> str:
    """呼财农指【2023】41号 and 呼财农指〔2023〕41号 are one document: the issuer's code (its last
    three characters, the words before it vary), the year and the number."""
    return f"{m['org'][-3:]}〔{m['year']}〕{m['no']}号"
