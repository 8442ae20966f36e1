"""One fact stated twice in prose: a quantity of the 绩效目标 / 基本情况 stated again in the 完成情况
(购买电脑横机114台 … 已完成购买电脑横机114台), or the same amount restated (项目资金8010万元均已到位 …
项目资金共8010万元). Which statements are of one fact is read from their wording only: the same
noun (in the label before the number or after a count), nothing before it that makes it another
fact (中央 / 县 / 间接 / 二是 …), the same unit, year and project. Whether the values agree is the
check's (review/checks/consistency.py): a restatement must agree; a target against its actual only
where the actual's wording asserts it equals the target (全部 / 均已 / 100%)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import PlanActual, Quantity, SameFact
from review.extract import lexicon
from review.extract.rules.same_facts import project_scope
from review.extract.rules.scan import Scan, per_unit

_YEAR = re.compile(r"(?:19|20)\d{2}")
_SKIP_UNITS = ("%", "分", "‰", "年", "月", "日")


@dataclass(frozen=True)
class Statement:
    """A quantity as a statement of some fact: its noun before and after the number, its role."""

    q: Quantity
    label: str
    gap: str  # what stands between the label and the number: (濒危剧种免费或低票价演出) names a part
    after: str
    role: str  # "target", "actual" or ""
    scope: str
    asserts: bool
    enumerated: bool  # its line is one item of an enumeration (一是… / 1、…)
    whole: str = ""  # the amount whose 其中 list it is in (246.2万元(其中:中央补助资金226.7万元…)), if any
    # what its clause states it of: the label of the amount just before it in the clause (因公出国(境)支出0万元,年初
    # 预算为0万元; 互助土族自治县实施12项,总投资5158万元), "" when none
    subject: str = ""


def extract_restated(scan: Scan) -> tuple[list[SameFact], list[PlanActual]]:
    """Each quantity tied to the first earlier statement of the same fact: a restatement (same
    role) groups into a SameFact, a target and its actual into a PlanActual."""
    stated = [_statement(scan, q) for q in scan.quantities if _eligible(scan, q)]
    groups: dict[str, list[Statement]] = {}
    pairs: list[PlanActual] = []
    root_of: dict[str, str] = {}
    index = _NounIndex()
    for i, later in enumerate(stated):
        for earlier in (stated[j] for j in index.candidates(later)):
            noun = same_noun(earlier, later)
            if not noun:
                continue
            if earlier.role == later.role:
                if not _restates(scan, earlier, later, noun) or not _parts_of_one_whole(earlier, later, root_of):
                    continue
                root = root_of.get(earlier.q.id, earlier.q.id)
                root_of[later.q.id] = root
                groups.setdefault(root, [earlier]).append(later)
            else:
                rank = {"target": 0, "": 1, "actual": 2}  # the planned side: a target, else what is not an actual
                target, actual = sorted((earlier, later), key=lambda x: rank[x.role])
                pairs.append(_pair(target, actual, noun))
            break
        index.add(i, later)
    facts: list[SameFact] = []
    for g in groups.values():
        ids = tuple(dict.fromkeys(s.q.id for s in g))
        if all(_definite(s) for s in g):
            facts.append(SameFact(what=_noun_of(g), statements=ids))
    return facts, pairs


class _NounIndex:
    """The earlier statements that can share a noun with a later one, found without comparing every
    pair (a long report has thousands of statements). `same_noun` finds a noun of at least
    RESTATED_MIN_NOUN characters in one of three ways: the two labels end alike, the two nouns
    after the counts start alike, or one's noun after the count is what the other's label ends
    with — so the two share, respectively, the labels' last n characters, the afters' first n, or
    the label's last n somewhere in the after. Indexing those n-character keys gives every pair
    that can match (a superset: `same_noun` still decides), earliest first, as the loop expects.
    Each key keeps its first MAX_PER_KEY statements: a fact is tied to its first earlier statement,
    and a key shared by more (a text repeating itself thousands of times) would make the search
    quadratic without changing what a real report's statements are tied to."""

    MAX_PER_KEY = 16

    def __init__(self) -> None:
        self._n = lexicon.RESTATED_MIN_NOUN
        self._label_tail: dict[str, list[int]] = {}
        self._after_head: dict[str, list[int]] = {}
        self._after_part: dict[str, list[int]] = {}

    def _grams(self, text: str) -> set[str]:
        return {text[k : k + self._n] for k in range(len(text) - self._n + 1)}

    def candidates(self, s: Statement) -> list[int]:
        n, found = self._n, set[int]()
        if len(s.label) >= n:
            found.update(self._label_tail.get(s.label[-n:], ()))  # labels ending alike
            found.update(self._after_part.get(s.label[-n:], ()))  # an earlier after the label ends with
        if len(s.after) >= n:
            found.update(self._after_head.get(s.after[:n], ()))  # afters starting alike
            for gram in self._grams(s.after):  # an earlier label this after's start ends
                found.update(self._label_tail.get(gram, ()))
        return sorted(found)

    def add(self, i: int, s: Statement) -> None:
        n = self._n
        if len(s.label) >= n:
            self._keep(self._label_tail, s.label[-n:], i)
        if len(s.after) >= n:
            self._keep(self._after_head, s.after[:n], i)
            for gram in self._grams(s.after):
                self._keep(self._after_part, gram, i)

    def _keep(self, index: dict[str, list[int]], key: str, i: int) -> None:
        kept = index.setdefault(key, [])
        if len(kept) < self.MAX_PER_KEY:
            kept.append(i)


def _restates(scan: Scan, a: Statement, b: Statement, noun: str) -> bool:
    """Two statements in one role are one fact restated only in different sentences (amounts listed
    in one sentence are its parts: 运行维护费68万元、垃圾车运营维护费4万元, also when ； joins them), and
    when one names the noun alone and the other adds at most a short verb (购买 / 下达) before it."""
    if scan.sentence_bounds(a.q.start) == scan.sentence_bounds(b.q.start) or _one_list(scan.text, a.q, b.q):
        return False
    if not a.label.endswith(noun) or not b.label.endswith(noun):
        return True  # matched by the noun after the count (169处农村饮水工程)
    rests = sorted((len(a.label) - len(noun), len(b.label) - len(noun)))
    return rests[0] == 0 and rests[1] <= lexicon.RESTATED_MAX_VERB


_FULL_STOP = re.compile(r"[。！？!?\n]")


def _one_list(text: str, a: Quantity, b: Quantity) -> bool:
    """Items of one enumeration joined by ； within a sentence (…临时救助项目2.75万元;…;困难群众临时救助
    项目1856.95万元;…。共计…): the list names its items apart, so two of them are two facts."""
    first, later = sorted((a, b), key=lambda q: q.start)
    if _FULL_STOP.search(text, first.end, later.start):
        return False
    between = text[first.end : later.start]
    return any(ch in between for ch in "；;")


def _parts_of_one_whole(a: Statement, b: Statement, root_of: dict[str, str]) -> bool:
    """A part of a 其中 list restates another only as a part of the same whole restated (2023年共下达补助资金
    246.2万元(其中:中央补助资金226.7万元…) twice): the same-named part of another whole is another share
    (2022年12月…下达补助资金57.5万元(其中:下达中央补助资金38万元…), one batch of the year's funds)."""
    if not a.whole and not b.whole:
        return True
    return bool(a.whole and b.whole) and root_of.get(a.whole, a.whole) == root_of.get(b.whole, b.whole)


def _whole_of(scan: Scan, q: Quantity) -> str:
    """The id of the amount whose 其中 list q stands in, in q's sentence: the amount right before 其中."""
    start = scan.sentence_bounds(q.start)[0]
    opener = scan.text.rfind(lexicon.PARTS_OPENER, start, q.start)
    whole = scan.before(opener) if opener >= 0 else None
    return whole.id if whole is not None and whole.start >= start else ""


def _definite(s: Statement) -> bool:
    """An amount of the targets restated (项目批复总投资 in 基本情况 and again in 绩效目标) is one fact;
    a count of the targets restated was not measured to be (one unlabeled finding in the eval); other
    restatements (an amount in 基本情况 and in 完成情况, items of an enumeration) are often of
    different scopes the wording does not name (本年支出 of each fund, 建筑工程 of each batch):
    they are not claimed."""
    return s.role == "target" and not s.enumerated and s.q.family == "money"


def _pair(target: Statement, actual: Statement, what: str) -> PlanActual:
    """A target and its actual; checked only when the actual's wording asserts it met the target."""
    if actual.asserts and target.role == "target":
        return PlanActual(rule="target_asserted", anchor=target.q.id, other=actual.q.id, scope=what)
    return PlanActual(rule="target_actual", anchor=target.q.id, other=actual.q.id, scope=what)


def _eligible(scan: Scan, q: Quantity) -> bool:
    """An exact prose quantity; not a price or a rate per unit (每公斤售价5元 … 每公斤售价4元): its
    label names what is measured, not whose it is, so two of them are no one fact."""
    return q.exact and q.unit not in _SKIP_UNITS and not scan.in_table(q.start) and not per_unit(scan.text, q)


def _statement(scan: Scan, q: Quantity) -> Statement:
    text = scan.text
    after = ""
    if q.unit in lexicon.COUNT_NOUN_UNITS:
        m = lexicon.NOUN_AFTER_COUNT.match(text, q.end)
        after = m.group() if m else ""
    clause = re.split(r"[，,。；;\n]", text[max(0, q.start - 30) : q.start])[-1]
    role = "target" if lexicon.TARGET_ROLE.search(clause) or _under_target_heading(text, q.start) else ""
    if not role and lexicon.ACTUAL_ROLE.search(clause):
        role = "actual"
    tail = re.split(r"[，,。；;]", text[q.end : q.end + 12])[0]
    asserts = bool(lexicon.ASSERTS_EQUAL.search(clause + tail))
    line_start = scan.paragraph_bounds(q.start)[0]
    line = text[line_start : min(q.start, line_start + 40)]  # its opening is all ENUMERATED_LINE reads
    enumerated = bool(lexicon.ENUMERATED_LINE.match(line))
    gap = text[q.label_start + len(q.label) : q.start] if q.label_start >= 0 else ""
    return Statement(
        q,
        q.label,
        lexicon.GAP_FILLER.sub("", gap),
        after,
        role,
        project_scope(scan, q.start),
        asserts,
        enumerated,
        _whole_of(scan, q),
        scan.subject_of(q),
    )


def _under_target_heading(text: str, pos: int) -> bool:
    """The headings above `pos`, lowest level first: the first that names 目标 or its 完成 decides
    (1、资金分配情况 under (二)预算和绩效目标分解情况 is of the targets; 1、产出指标完成情况分析 is not)."""
    chain: dict[int, str] = {}
    for m in lexicon.ANY_HEADING.finditer(text, max(0, pos - 3000), pos):
        if m.end() > pos:
            break
        level = next(i for i, marker in enumerate(lexicon.HEADING_LEVELS) if marker.match(m.group()))
        chain = {k: v for k, v in chain.items() if k < level}
        chain[level] = m.group()
    for _, heading in sorted(chain.items(), reverse=True):
        if lexicon.NOT_TARGET_HEADING.search(heading):
            return False
        if lexicon.TARGET_HEADING.search(heading):
            return True
    return False


def same_noun(a: Statement, b: Statement) -> str:
    """The noun two statements share, or "" when their wording makes them different facts."""
    if a.q.id == b.q.id or a.scope != b.scope or a.q.family != b.q.family or a.gap != b.gap:
        return ""
    if a.subject and b.subject and a.subject != b.subject:
        return ""  # 因公出国(境)支出0万元,年初预算为0万元 against 公务接待费支出2.05万元,年初预算为2万元
    if a.q.family != "money" and a.q.unit != b.q.unit:
        return ""
    ya, yb = _YEAR.findall(a.label), _YEAR.findall(b.label)
    if ya and yb and ya[-1] != yb[-1]:
        return ""
    noun = _label_noun(a.label, b.label)
    if noun:
        return noun
    if a.after and b.after:
        noun = _common_prefix(a.after, b.after)
        n = lexicon.RESTATED_MIN_NOUN
        return noun if len(noun) >= n and not _qualified(a.label, b.label) else ""
    for x, y in ((a, b), (b, a)):
        if x.after and not y.after:
            noun = _prefix_ending(x.after, y.label)
            if len(noun) >= lexicon.RESTATED_MIN_NOUN and not lexicon.RESTATED_QUALIFIER.search(
                y.label[: len(y.label) - len(noun)][-6:]
            ):
                return noun
    return ""


def _label_noun(a: str, b: str) -> str:
    """The noun two labels end with, when what precedes it in each is only wording of its role."""
    noun = _common_suffix(a, b)
    if (
        len(noun) < lexicon.RESTATED_MIN_NOUN
        or lexicon.ROLE_ONLY_NOUN.match(noun)
        or lexicon.NOT_A_NOUN_START.match(noun)
        or lexicon.NOT_A_NOUN_END.search(noun)
    ):
        return ""
    rests = (a[: len(a) - len(noun)], b[: len(b) - len(noun)])
    if any(lexicon.RESTATED_QUALIFIER.search(r) or lexicon.NUMBERED_NOUN.search(r) for r in rests):
        return ""
    words = [lexicon.ACTUAL_ROLE.sub("", lexicon.TARGET_ROLE.sub("", r)) for r in rests]
    if min(len(w) for w in words) > lexicon.RESTATED_MAX_VERB:
        return ""  # 基层组织和农村公共服务运行维护费 / 垃圾车运营维护费: two things, not one in two roles
    return noun


def _qualified(a: str, b: str) -> bool:
    """The labels before two counts name different qualifiers (中央 / 县级 …)."""
    qa = set(lexicon.RESTATED_QUALIFIER.findall(a))
    qb = set(lexicon.RESTATED_QUALIFIER.findall(b))
    return bool(qa ^ qb) and bool(qa) and bool(qb)


def _common_suffix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[-1 - i] == b[-1 - i]:
        i += 1
    return a[len(a) - i :] if i else ""


def _common_prefix(a: str, b: str) -> str:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[:i]


def _prefix_ending(noun: str, label: str) -> str:
    """The longest start of `noun` that `label` ends with (基层医疗机构 in 实施乡镇社区基层医疗机构)."""
    for k in range(len(noun), 0, -1):
        if label.endswith(noun[:k]):
            return noun[:k]
    return ""


def _noun_of(group: list[Statement]) -> str:
    a, b = group[0], group[1]
    return _common_suffix(a.label, b.label) or _common_prefix(a.after, b.after) or a.after or a.label
