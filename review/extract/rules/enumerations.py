"""Counts stated right after the things they count: "履行政治协商、民主监督、参政议政三大职能",
"把握团结和民主两大主题", "内设办公室、计划财务股、营林生产股、资源保护股4个职能股室",
"信用建设科、…、价格认定科等12个科室".

The items are the names joined by 、 (the last one may be joined by 和/与/及) that run back from
the count to the words that open the list (内设, 下辖, 包括, 履行, 围绕, 由 …) or to punctuation.
Each item is a short name — no digits, no clause — so that a sentence that happens to hold a 、 is
not taken for a list. With 等 before the count the list is partial: it only bounds the count.
"""

from __future__ import annotations

import re

from review.core.claims import CountRelation
from review.core.numbers import chinese_numeral
from review.extract import lexicon
from review.extract.rules.scan import Scan

_COUNT = re.compile(
    rf"(?P<etc>等)?(?P<n>{lexicon.CHINESE_SMALL_NUMBER}|[1-9]\d?)\s*(?P<cls>{lexicon.COUNT_CLASSIFIERS})"
    rf"(?P<noun>{lexicon.COUNT_NOUNS})"
)
_OPENERS = lexicon.ENUMERATION_OPENERS
_ITEM = re.compile(r"^[\u4e00-\u9fffA-Za-z（）()]{2,16}$")
_JOIN = re.compile(rf"(?<=[\u4e00-\u9fff])(?:{lexicon.NAME_JOINERS})(?=[\u4e00-\u9fff])")
_SEPARATOR = re.compile(rf"(、|{_JOIN.pattern})")  # what joins the names, kept by re.split
_BOUNDARY = "，。；：:！？\n（(）)“”\"' \t|｜"


def extract_enumerated_counts(scan: Scan) -> list[CountRelation]:
    text = scan.text
    out = []
    for m in _COUNT.finditer(text):
        items = _items_before(text, m.start())
        if len(items) < 2:
            continue
        stated = int(m.group("n")) if m.group("n").isdigit() else chinese_numeral(m.group("n"))
        if stated is None:
            continue
        partial = bool(m.group("etc"))
        out.append(
            CountRelation(
                stated=stated,
                start=m.start("n"),
                end=m.end(),
                item_spans=tuple(items),
                what=f"此前列举的{m.group('noun')}个数",
                exhaustive=not partial,
                wording="back_reference",
            )
        )
    return out


def _items_before(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the names joined by 、/和 that end at `end`, back to an opener or punctuation."""
    start = end
    while start > 0 and text[start - 1] not in _BOUNDARY and end - start < 200:
        start -= 1
    run = text[start:end]
    for opener in sorted(_OPENERS, key=len, reverse=True):
        at = run.rfind(opener, 0, run.find("、") if "、" in run else len(run))
        if at >= 0:
            start, run = start + at + len(opener), run[at + len(opener) :]
            break
    if "、" not in run and not _JOIN.search(run):
        return []
    pieces: list[tuple[int, int]] = []
    pos = start
    for part in _SEPARATOR.split(run):
        if part == "、" or part in lexicon.NAME_JOINER_WORDS:
            pos += len(part)
            continue
        if not _ITEM.match(part):
            return []  # a clause, a number, a broken list: not a list of names
        pieces.append((pos, pos + len(part)))
        pos += len(part)
    return pieces
