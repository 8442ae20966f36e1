"""Counts stated right after the things they count: "履行政治协商、民主监督、参政议政三大职能",
"把握团结和民主两大主题", "内设办公室、计划财务股、营林生产股、资源保护股4个职能股室",
"信用建设科、…、价格认定科等12个科室".

The items are the names joined by 、 (the last one may be joined by 和/与/及) that run back from
the count to the words that open the list (内设, 下辖, 包括, 履行, 围绕, 由 …) or to punctuation.
Each item is a short name — no digits, no clause — so that a sentence that happens to hold a 、 is
not taken for a list. With 等 before the count the list is partial: it only bounds the count.

A name may carry a parenthetical (综合科(挂区西部开发办、行政审批科)): it is part of the name, not
of the list. When the parentheses list names themselves and a second count follows the first
("临城镇(北驾廻村、陈家崇村)、黑城镇(王家庄村)2个乡镇3个村"), the second counts the names inside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import CountRelation
from review.core.numbers import chinese_numeral
from review.extract import lexicon
from review.extract.rules.scan import Scan

_COUNT = re.compile(
    rf"(?P<etc>{lexicon.PARTIAL_LIST_END})?[ \t]*(?P<n>{lexicon.CHINESE_SMALL_NUMBER}|[1-9]\d?)"
    rf"\s*(?:(?P<cls>{lexicon.COUNT_CLASSIFIERS})(?P<noun>{lexicon.COUNT_NOUNS})|(?P<place>{lexicon.COUNT_PLACE_NOUNS}))"
)
_OPENERS = lexicon.ENUMERATION_OPENERS
_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z]{2,16}$")
_JOIN = re.compile(rf"(?<=[\u4e00-\u9fff）)])(?:{lexicon.NAME_JOINERS})(?=[\u4e00-\u9fff])")
_BOUNDARY = "，,。；;：:！!？?\n“”\"' \t|｜"
_OPEN, _CLOSE = "（(", "）)"
MAX_LIST = 300  # characters a list of names may run back from its count
MAX_PARENTHETICAL = 60


@dataclass(frozen=True)
class _Named:
    """One name of a list, and the names its parenthetical lists (() when it has none or it is
    not a list of names)."""

    span: tuple[int, int]
    inner: tuple[tuple[int, int], ...] = ()


def extract_enumerated_counts(scan: Scan) -> list[CountRelation]:
    text = scan.text
    out = []
    previous: tuple[int, list[_Named]] | None = None  # where the last counted list's count ended
    for m in _COUNT.finditer(text):
        stated = _numeral(m.group("n"))
        items = _items_before(text, m.start())
        if len(items) >= 2 and stated is not None:
            out.append(_relation(m, stated, [it.span for it in items], exhaustive=not m.group("etc")))
            previous = (m.end(), items)
            continue
        if previous and previous[0] == m.start() and stated is not None:
            inner = [span for it in previous[1] for span in it.inner]
            if inner and all(it.inner for it in previous[1]):
                out.append(_relation(m, stated, inner, exhaustive=not m.group("etc")))
        previous = None
    return out


def _numeral(n: str) -> int | None:
    return int(n) if n.isdigit() else chinese_numeral(n)


def _relation(m: re.Match[str], stated: int, spans: list[tuple[int, int]], *, exhaustive: bool) -> CountRelation:
    return CountRelation(
        stated=stated,
        start=m.start("n"),
        end=m.end(),
        item_spans=tuple(spans),
        what=f"此前列举的{m.group('noun') or m.group('place')}个数",
        exhaustive=exhaustive,
        wording="back_reference",
    )


def _run_start(text: str, end: int) -> int:
    """Where the run of names before `end` begins: back to punctuation outside parentheses."""
    start, depth = end, 0
    while start > 0 and end - start < MAX_LIST:
        ch = text[start - 1]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _BOUNDARY:
            break
        start -= 1
    return start


def _top_level_pieces(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The run split at 、 and 和/与/及 outside parentheses; None when the parentheses do not close."""
    pieces, depth, cur, i = [], 0, start, start
    while i < end:
        ch = text[i]
        depth += (ch in _OPEN) - (ch in _CLOSE)
        if depth < 0:
            return None
        joiner = _JOIN.match(text, i) if depth == 0 and ch != "、" else None
        if depth == 0 and (ch == "、" or joiner):
            pieces.append((cur, i))
            i += 1 if ch == "、" else len(joiner.group()) if joiner else 1
            cur = i
            continue
        i += 1
    pieces.append((cur, end))
    return None if depth else pieces


def _named(text: str, a: int, b: int) -> _Named | None:
    """A name with an optional parenthetical after it, else None (a clause, a number)."""
    piece = text[a:b]
    paren = next((i for i, ch in enumerate(piece) if ch in _OPEN), -1)
    if paren < 0:
        return _Named((a, b)) if _NAME.match(piece) else None
    if piece[-1] not in _CLOSE or not _NAME.match(piece[:paren]) or b - a - paren > MAX_PARENTHETICAL:
        return None
    inner_start = a + paren + 1
    names = [(inner_start + m.start(), inner_start + m.end()) for m in re.finditer(r"[^、]+", piece[paren + 1 : -1])]
    inner = tuple(names) if names and all(_NAME.match(text[x:y]) for x, y in names) else ()
    return _Named((a, b), inner)


def _items_before(text: str, end: int) -> list[_Named]:
    """The names joined by 、/和 that end at `end`, back to an opener or punctuation."""
    start = _run_start(text, end)
    run = text[start:end]
    first_sep = run.find("、") if "、" in run else len(run)
    for opener in sorted(_OPENERS, key=len, reverse=True):
        at = run.rfind(opener, 0, first_sep)
        if at >= 0:
            start, run = start + at + len(opener), run[at + len(opener) :]
            break
    pieces = _top_level_pieces(text, start, end)
    if not pieces or len(pieces) < 2:
        return []
    items = [_named(text, a, b) for a, b in pieces]
    return [it for it in items if it is not None] if all(items) else []
