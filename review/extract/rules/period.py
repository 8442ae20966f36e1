"""The period under review: the year a report reviews, from the years it names and the dates of
what it reports (review.extract.rules.years reads the year mentions the date check compares with it)."""

from __future__ import annotations

import bisect
import re
import sys
from collections import Counter

from review.core.numbers import DateMention, find_dates
from review.extract import lexicon
from review.extract.rules.scan import CLAUSE_END


def infer_period(text: str) -> int | None:
    """The year under review: the year the report names most (YYYY年度 counting twice, as the name
    of a fiscal year), ties going to the title's year, then to the year most of its dated events
    fall in, then to the year named first.

    Full dates do not vote — a notice's 2020年10月30日, a web page's 发布日期 2025年6月27日, a 填报日期
    are when something was written — nor do the names of cited documents (《关于开展2024年财政支出
    绩效评价的通知》 names the notice's year), but for the fiscal year a cited notice sets the evaluation of
    (《…关于开展2022年度…绩效自评工作的通知》), which votes as a 年度. A 评价年度：2022 field votes as a 年度;
    a report that
    names no year otherwise falls back on its year-end dates (截止2023年12月31日), the dates that
    open a clause on what happened then (2020年11月10日,镇村扶贫酒厂因环保要求…) and the years of the funds
    its cited notices allocate (《…关于下达2022年水污染防治资金预算(第二批)的通知》)."""
    votes, first = _year_votes(text)
    if not votes:
        return None
    tied = _most_named(votes)
    title = _title_year(text)
    if title in tied or len(tied) == 1:
        return title if title in tied else tied[0]
    events = _event_years(text)
    return min(tied, key=lambda y: (-events[y], first[y]))


def period_rivals(text: str) -> tuple[int, ...]:
    """The years the report names as often as the one taken for its period (2020年12月31日 | 2021年12月31日
    as an indicator's target and actual, and no other year): a report at odds with itself over its year."""
    votes, _ = _year_votes(text)
    period = infer_period(text)
    return tuple(sorted(y for y in _most_named(votes) if y != period)) if votes else ()


def _most_named(votes: Counter[int]) -> list[int]:
    top = max(votes.values())
    return [y for y, v in votes.items() if v == top]


def _event_years(text: str) -> Counter[int]:
    """How many of the report's month and day dates fall in each year, leaving out when it was written
    (发布日期, 填报日期), states as of a date (截至2025年6月) and cited documents: what happened in
    the period, to break a tie between the years the report names as often (项目起止时间为2020年1月1日
    至2020年12月31日 against one 2021年… more)."""
    cited = cited_spans(text)
    return Counter(
        d.year
        for d in find_dates(text)
        if d.month is not None
        and not inside(cited, d.start)
        and not lexicon.WRITTEN_ON_BEFORE.search(text, max(0, d.start - 8), d.start)
        and not lexicon.AS_OF_BEFORE.search(text_before(text, d.start))
    )


def _year_votes(text: str) -> tuple[Counter[int], dict[int, int]]:
    """Each year's votes, and where it is first named."""
    dates = find_dates(text)
    cited = cited_spans(text)
    named = [(d.start, d.year, _weight(text, d)) for d in dates if d.day is None]
    named = [n for n in named if not inside(cited, n[0])]
    named += [(m.start(), int(m["year"]), 2) for m in lexicon.PERIOD_FIELD.finditer(text)]
    named += [(m.start("year"), int(m["year"]), 2) for m in lexicon.BARE_REVIEW_YEAR.finditer(text)]
    named += [(m.start(), int(m["year"] or m["year2"]), 2) for m in lexicon.FORM_TITLE_YEAR.finditer(text)]
    named += _review_statements(text, cited)
    named += [(m.start("year"), int(m["year"]), 2) for m in lexicon.EVALUATION_NOTICE.finditer(text)]
    if not named:
        named = [(d.start, d.year, 1) for d in dates if (d.month, d.day) == (12, 31) or _frames_clause(text, d)]
        named += _allocating_notices(text)
    votes: Counter[int] = Counter()
    first: dict[int, int] = {}
    for pos, year, weight in sorted(named):
        votes[year] += weight
        first.setdefault(year, pos)
    return votes, first


def _weight(text: str, d: DateMention) -> int:
    """A 年度 names a fiscal year: two votes; a year in brackets after a name (…养护项目(2021年度)) names
    that thing's year, and any other year one vote."""
    return 2 if d.text.rstrip().endswith("度") and not names_bracketed(text, d.start) else 1


def names_bracketed(text: str, pos: int) -> bool:
    """The year at pos stands in brackets after a name that is no form's or report's title."""
    before = text[max(0, pos - 40) : pos]
    return bool(lexicon.BRACKETED_YEAR_BEFORE.search(before)) and not lexicon.BRACKETED_YEAR_TITLE_BEFORE.search(before)


def _allocating_notices(text: str) -> list[tuple[int, int, int]]:
    """The years of the funds the notices a report cites allocate (《…关于提前下达2022年水污染防治资金预算的通知》),
    one vote each: what a report that names no year otherwise reviews. Not a notice settling a year's funds
    after it (关于下达2023年…清算资金的通知)."""
    found = lexicon.ALLOCATING_NOTICE.finditer(text)
    return [(m.start("year"), int(m["year"]), 1) for m in found if not lexicon.NOTICE_SETTLES.search(m.group())]


def _review_statements(text: str, cited: list[tuple[int, int]]) -> list[tuple[int, int, int]]:
    """A sentence saying which year the report reviews (对2023年度使用财政资金安排的各类项目支出开展了绩效
    自评; 对2018年度预算绩效进行自我评价): two votes more than its year's own, outweighing a year the
    report names as often in passing (上报2024年度支出项目绩效自评2630个)."""
    found = (m for pattern in lexicon.REVIEW_STATEMENTS for m in pattern.finditer(text))
    return [
        (m.start("date"), int(m["date"][:4]), 2)
        for m in found
        if not inside(cited, m.start("date")) and not lexicon.NOT_REVIEW_BEFORE.search(text_before(text, m.start()))
    ]


def _frames_clause(text: str, d: DateMention) -> bool:
    """A date that opens its clause and what happened on it (2020年11月10日,镇村扶贫酒厂因环保要求…)."""
    return text[d.end : d.end + 1] in ("，", ",") and opens_clause(text, d.start)


def _title_year(text: str) -> int | None:
    """The first year (not a month date) of the first two lines."""
    title = " ".join([ln for ln in text[:600].splitlines() if ln.strip()][:2])
    m = re.search(r"((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)", title)
    return int(m.group(1)) if m else None


def cited_spans(text: str) -> list[tuple[int, int]]:
    """Where the names of cited documents stand (《…的通知》, 《…管理办法》)."""
    return [(m.start(), m.end()) for m in lexicon.CITED_DOCUMENT.finditer(text)]


def inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """pos lies in one of the sorted, non-overlapping spans."""
    i = bisect.bisect_right(spans, (pos, sys.maxsize)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def opens_clause(text: str, pos: int) -> bool:
    """Nothing but a list mark (一是, 1., （二）) stands between the clause's start and pos."""
    start = pos
    while start > 0 and text[start - 1] not in CLAUSE_END and pos - start < 12:
        start -= 1
    if start > 0 and text[start - 1] not in CLAUSE_END:
        return False
    return lexicon.CLAUSE_OPENING.fullmatch(text, start, pos) is not None


def text_before(text: str, pos: int) -> str:
    return text[max(0, pos - 4) : pos]
