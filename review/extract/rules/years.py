"""Years: the year mentions the date check compares with the period under review (inferred in
review.extract.rules.period)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from review.core.claims import DateRange, YearMention, YearRole
from review.core.numbers import DateMention, find_dates, normalize
from review.extract import lexicon
from review.extract.rules.period import cited_spans, infer_period, inside, names_bracketed, opens_clause, text_before
from review.extract.rules.scan import Scan

__all__ = ["extract_date_ranges", "extract_years", "infer_period"]


@dataclass(frozen=True)
class _Dated:
    """What one date was read as, before the sentence's other mentions are known."""

    year: int
    start: int
    end: int
    role: YearRole
    measure: str = ""  # a dated value's measure (the words between its year and its number), to tell a listing
    name: str = ""  # the name the year stands in (中央水利发展资金), if any
    month: int | None = None  # a written_on date's month
    allocates: int | None = None  # the year whose funds a notice_date's notice allocates


def extract_years(scan: Scan) -> list[YearMention]:
    """Each year the report ties to something it dates, skipping the names of cited documents."""
    text = scan.text
    cited = cited_spans(text)
    reviews = _review_years(text)
    dates = [d for d in find_dates(text) if not inside(cited, d.start)]
    names = _names(text, dates)
    found = []
    for d in dates:
        read = _filed_on(text, d) or _review_year(text, d, reviews) or _final_accounts(text, d)
        read = read or _review_work(text, d) or _deadline_cell(text, d) or _event(text, d)
        read = read or _task_done(text, d) or _notice_date(text, d) or _dated_value(scan, d)
        read = read or _table_title(text, d) or _named_year(text, d, names) or _opening_act(text, d)
        if read:
            found.append(read)
    found += _bare_review_years(text, cited) + _dashed_written_on(text) + _allocated_years(text) + _notice_years(text)
    found = sorted(found, key=lambda f: f.start)
    sentences = [scan.sentence_bounds(f.start) for f in found]
    listed: dict[tuple[tuple[int, int], str], set[int]] = {}
    for f, sentence in zip(found, sentences, strict=True):
        if f.role == "dated_value":
            listed.setdefault((sentence, _head(f.measure)), set()).add(f.year)
    return [
        _mention(text, f, listed.get((sentence, _head(f.measure)), set()), names)
        for f, sentence in zip(found, sentences, strict=True)
    ]


def _bare_review_years(text: str, cited: list[tuple[int, int]]) -> list[_Dated]:
    """The year a review names without 年 (2019泗县扶贫项目绩效自评抽查报告), a statement of the period."""
    found = (m for m in lexicon.BARE_REVIEW_YEAR.finditer(text) if not inside(cited, m.start("year")))
    return [_Dated(int(m["year"]), m.start("year"), m.end("year"), "review_year") for m in found]


def _allocated_years(text: str) -> list[_Dated]:
    """The year whose funds a cited notice allocates, in advance or not (安排《自治区财政厅关于提前下达2022年中央财政
    衔接推进乡村振兴资金预算指标的通知》; 根据《泉州市财政局…关于下达2021年市级财政…补助资金的通知》): the funds
    the report reviews are that year's. Not a settlement after the year (清算), nor funds carried over from an
    earlier year's notice (上年结转…)."""
    out = []
    for m in lexicon.ALLOCATING_NOTICE.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if lexicon.NOTICE_SETTLES.search(m.group()) or lexicon.CARRIED_OVER_BEFORE.search(before):
            continue
        out.append(_Dated(int(m["year"]), m.start("year"), m.end(), "allocated_year"))
    return out


# The cited documents that name the year reviewed, and the role each gives its year.
_NOTICES: tuple[tuple[re.Pattern[str], YearRole], ...] = (
    (lexicon.EVALUATION_NOTICE, "evaluated_year"),
    (lexicon.BUDGET_APPROVAL_NOTICE, "budget_year"),
    (lexicon.PLAN_NOTICE, "plan_year"),
)


def _notice_years(text: str) -> list[_Dated]:
    """The fiscal year a cited notice sets the evaluation of (evaluated_year), approves the budget of
    (budget_year), or a cited plan is for (plan_year): the year the report reviews."""
    out = []
    for pattern, role in _NOTICES:
        for m in pattern.finditer(text):
            at = "year" if m["year"] else "year2"
            out.append(_Dated(int(m[at]), m.start(at), m.end(), role))
    return out


def _dashed_written_on(text: str) -> list[_Dated]:
    """When a web page put the report out, written with dashes (发布时间:2022-06-01)."""
    found = lexicon.WRITTEN_ON_DASHED.finditer(text)
    return [_Dated(int(m["year"]), m.start("year"), m.end(), "written_on", month=int(m["month"])) for m in found]


def _name_match(text: str, d: DateMention) -> re.Match[str] | None:
    """The name a year (not a month date) stands in: 2023年度中央水利发展资金项目 → 中央水利发展资金."""
    m = lexicon.YEAR_NAME_AFTER.match(text, d.end) if d.month is None else None
    return m if m and len(_key(m)) >= 6 else None


def _key(m: re.Match[str]) -> str:
    """A name as compared: its Chinese characters (下马关镇上垣、下垣村… → 下马关镇上垣下垣村…)."""
    return lexicon.NAME_MARKS.sub("", m["name"])


def _name_of(text: str, d: DateMention) -> str:
    m = _name_match(text, d)
    return _key(m) if m else ""


def _names(text: str, dates: list[DateMention]) -> dict[str, list[tuple[int, int]]]:
    """(start, year) of each mention of each name the report gives a year."""
    out: dict[str, list[tuple[int, int]]] = {}
    for d in dates:
        name = _name_of(text, d)
        if name:
            out.setdefault(name, []).append((d.start, d.year))
    return out


def _named_year(text: str, d: DateMention, names: dict[str, list[tuple[int, int]]]) -> _Dated | None:
    """A year in a name the report gives elsewhere too (the report's subject, a project): the check
    compares it with the years of the other mentions."""
    m = _name_match(text, d)
    if m is None or len(names[_key(m)]) < 2 or lexicon.NOT_DATING_BEFORE.search(text_before(text, d.start)):
        return None
    return _Dated(d.year, d.start, m.end(), "named_year", name=_key(m))


def _head(measure: str) -> str:
    """What a measure is compared by: its first two characters, so that a listing that shortens the
    measure after its first year (2020年全县共有脱贫户1000户，2021年全县共有1050户) is one listing, and
    2020年下达资金…，2021年实际支付… is two measures."""
    return measure[:2]


def extract_date_ranges(scan: Scan) -> list[DateRange]:
    """Each span of months, and whether a field or its sentence names it the project's implementation
    period (项目起止时间, 实施期), which the date check holds to the period under review."""
    out = []
    text = normalize(scan.text)
    for m in lexicon.MONTH_RANGE.finditer(text):
        first, last = (int(m["y1"]), _month(m["m1"])), (int(m["y2"]), int(m["m2"]))
        named = lexicon.IMPLEMENTATION_SPAN_BEFORE.search(text, max(0, m.start() - 24), m.start()) is not None
        out.append(DateRange(start=m.start(), end=m.end(), first=first, last=last, implementation=named))
    return out


def _month(written: str) -> int:
    """A month as written: 3, 03, or 元 (January)."""
    return 1 if written == "元" else int(written)


def _review_years(text: str) -> dict[int, int]:
    """Where each statement of the reviewed year starts its year, and where the statement ends."""
    out: dict[int, int] = {}
    for pattern in lexicon.REVIEW_YEAR:
        for m in pattern.finditer(text):
            if not names_bracketed(text, m.start("date")):
                out.setdefault(m.start("date"), m.end())
    return out


def _review_year(text: str, d: DateMention, reviews: dict[int, int]) -> _Dated | None:
    """A statement of the year under review (not one that cites another: 根据2020年度绩效自评报告…)."""
    end = reviews.get(d.start)
    if end is None or d.month is not None or lexicon.NOT_REVIEW_BEFORE.search(text_before(text, d.start)):
        return None
    return _Dated(d.year, d.start, end, "review_year")


def _final_accounts(text: str, d: DateMention) -> _Dated | None:
    """The year whose final accounts the report gives (北京市文物局2021年度部门决算): the year it reviews (not one
    it compares with: 与2018年度决算相比)."""
    if d.month is not None or lexicon.NOT_DATING_BEFORE.search(text_before(text, d.start)):
        return None
    m = lexicon.YEAR_ACCOUNTS_AFTER.match(text, d.end)
    return _Dated(d.year, d.start, m.end(), "review_year") if m else None


def _filed_on(text: str, d: DateMention) -> _Dated | None:
    """The month the report was put out (发布日期: 2025年6月27日), or its form filled in (填报日期:2023年4月6日)."""
    if d.month is None or not lexicon.FILED_ON_BEFORE.search(text, max(0, d.start - 12), d.start):
        return None
    filed = lexicon.FORM_FILED_BEFORE.search(text, max(0, d.start - 12), d.start)
    return _Dated(d.year, d.start, d.end, "filed_on" if filed else "written_on", month=d.month)


def _review_work(text: str, d: DateMention) -> _Dated | None:
    """A month or a day on which review work was done (于2022年7月25日至26日,…进行了调查)."""
    if d.month is None:
        return None
    m = lexicon.REVIEW_WORK_AFTER.match(text, d.end)
    return _Dated(d.year, d.start, m.end(), "review_work") if m else None


def _event(text: str, d: DateMention) -> _Dated | None:
    """A month or a day something was done on: a work's stage right after it (2021年9月8日开工, 2020年底完成), or an act
    its clause states when the date opens the clause or follows 于 (分别于2020年2月21日下达; 2019年4月,资金下达到…;
    立项于2020年2月4日)."""
    after = text[d.end : d.end + 40]
    event = lexicon.EVENT_AFTER_DAY.match(after) if d.day is not None else None
    if event is None and d.month is not None and not lexicon.NOT_EVENT_BEFORE.search(text_before(text, d.start)):
        event = lexicon.EVENT_AFTER_MONTH.match(after)
    if event is None and d.month is not None:
        before = text[max(0, d.start - 6) : d.start]
        if lexicon.EVENT_NAMED_BEFORE.search(before):
            return _Dated(d.year, d.start, d.end, "event_date", month=d.month)
        act = None if lexicon.SPAN_ON_AFTER.match(text, d.end) else _act(text, d)
        if act and (lexicon.EVENT_ON_BEFORE.search(before) or opens_clause(text, d.start)):
            return _Dated(d.year, d.start, d.end, "event_date", month=d.month)
    if event is None:
        return None
    due = lexicon.DUE_BY.match(after)  # 2021年11月30日前完成: a deadline, not a month its work fell in
    return _Dated(d.year, d.start, d.end + event.end(), "event_date", month=None if due else d.month)


def _opening_act(text: str, d: DateMention) -> _Dated | None:
    """A year that opens its clause and dates the act the clause states (2020年池州市继续针对…实施改造;
    2023年动物强制免疫…经费由中央和省级财政承担; 2019年通过统筹整合财政涉农资金项目立项): the report's account of
    that year. Not a list of years (检查验收2002年、2003年“退耕还林”工作), a year in brackets or a table's column
    (2023 年决算数), nor a plan's stage (2021年投产)."""
    listed = text[max(0, d.start - 2) : d.start].rstrip()[-1:] == "、"
    if d.month is not None or listed or not opens_clause(text, d.start):
        return None
    if lexicon.NOT_OPENING_ACT_AFTER.match(text, d.end) or lexicon.SCHEDULE_STAGE_AFTER.match(text, d.end):
        return None
    if lexicon.NOT_DATING_BEFORE.search(text_before(text, d.start)):
        return None
    act = _act(text, d)
    return _Dated(d.year, d.start, d.end, "event_date") if act else None


def _act(text: str, d: DateMention) -> re.Match[str] | None:
    """The act d's clause states as done then: none when the clause plans it or sets it a deadline."""
    act = lexicon.EVENT_ACT_AFTER.match(text, d.end, d.end + 64)
    if act is None or lexicon.PLANNED_ACT.search(text, max(0, d.start - 3), act.end()):
        return None
    return act


def _task_done(text: str, d: DateMention) -> _Dated | None:
    """A year's planned work reported done (按计划完成2021年度省道公路建设): an event of the period."""
    if d.month is not None or not d.text.rstrip().endswith("度"):
        return None
    if not lexicon.TASK_DONE_BEFORE.search(text_before(text, d.start)):
        return None
    m = lexicon.TASK_DONE_AFTER.match(text, d.end)
    return _Dated(d.year, d.start, m.end(), "event_date") if m else None


def _notice_date(text: str, d: DateMention) -> _Dated | None:
    """The day a notice allocating a year's funds came on (2024年7月3日,《…关于下达2024年…的通知》)."""
    m = lexicon.NOTICE_AFTER_DATE.match(text, d.end) if d.month is not None else None
    if m and lexicon.NOTICE_SETTLES.search(m.group(0)):
        return None
    return _Dated(d.year, d.start, d.end, "notice_date", allocates=int(m["year"])) if m else None


def _deadline_cell(text: str, d: DateMention) -> _Dated | None:
    """A month or a day in a timeliness indicator's target or actual cell (项目完工时限 | 2023年12月 |
    2023年10月), or a year's end its line gives as the deadline (时效指标 2022年底之前 2022年底之前; 产出时效指标:项目
    完成时间年初指标值为2023年12月底): when the work was due or done, an event of the period."""
    if d.month is not None and lexicon.DEADLINE_CELL_BEFORE.search(text, max(0, d.start - 60), d.start):
        return _Dated(d.year, d.start, d.end, "event_date")
    year_end = (d.month == 12 and d.day is None) or (d.month is None and lexicon.YEAR_END_AFTER.match(text, d.end))
    if year_end and lexicon.DEADLINE_LABEL_BEFORE.search(text, max(0, d.start - 40), d.start):
        return _Dated(d.year, d.start, d.end, "event_date")
    return None


def _table_title(text: str, d: DateMention) -> _Dated | None:
    """A table's title line that opens with its year (2019年度资产负债情况表; 2018年…补助资金安排表): the year of the
    figures it tabulates."""
    if d.month is not None or not lexicon.TABLE_TITLE_BEFORE.search(text, max(0, d.start - 12), d.start):
        return None
    title = lexicon.TABLE_TITLE_AFTER.match(text, d.end)
    return _Dated(d.year, d.start, d.end, "dated_value", measure="表") if title else None


def _dated_value(scan: Scan, d: DateMention) -> _Dated | None:
    """A value the year dates: right after it (2021年预算收入…万元, 2022年末人员编制95人), in the sentence
    it frames (2021年,包含补助…774万元; 2021年度部门收入情况：…4286.67万元), or the state at the year's end
    (2019年底,…100%; 截止2023年12月31日,…).
    A state at another month that frames its clause (截至2021年8月底,全市財政直達資金總額…; 截至 2017 年 10 月
    10 日,…) is as of when the report was written: an as_of date, in the period's year or after it."""
    text = scan.text
    before = text_before(text, d.start)
    if lexicon.COMPARISON_CAUSE_BEFORE.search(text, scan.sentence_bounds(d.start)[0], d.start):
        return None  # 收支较上年决算数减少701.01万元,主要原因是2020年有…收入710万元: the year compared with
    if lexicon.AS_OF_BEFORE.search(before):
        if _year_end(text, d):
            return _first_value(scan, d, scan.sentence_bounds(d.end)[1])
        framing = d.month is not None and lexicon.AS_OF_FRAMES_AFTER.match(text, d.end)
        return _Dated(d.year, d.start, d.end, "as_of", month=d.month) if framing else None
    if d.month is not None or lexicon.NOT_DATING_BEFORE.search(before):
        return None
    if _year_end(text, d) and text[d.end + 1 : d.end + 2] == "前":
        return None  # 2022年底前完成: a deadline
    if _year_end(text, d) and opens_clause(text, d.start):
        return _first_value(scan, d, scan.sentence_bounds(d.end)[1])
    after = text[d.end : d.end + 40]
    words = lexicon.DATED_VALUE_AFTER.match(after)
    if words:  # the clause runs on past the 、 its words may list with (2024年省、市、区…资金共计2373.51万元)
        return _first_value(scan, d, _clause_end(text, d.end + words.end() - 1))
    if lexicon.SCHEDULE_STAGE_AFTER.match(text, d.end):
        return None  # 2021年投产,预计每年每亩产…: a plan's stage, not the year of what follows
    framing = lexicon.FRAMING_AFTER.match(text, d.end) or lexicon.SITUATION_HEADING_AFTER.match(text, d.end)
    if framing and opens_clause(text, d.start):
        return _first_value(scan, d, min(scan.sentence_bounds(d.end)[1], d.end + 120))
    return None


def _year_end(text: str, d: DateMention) -> bool:
    """2019年底, 2023年末, 2022年12月, 2023年12月31日."""
    if d.month is None:
        return text[d.end : d.end + 1] in ("底", "末")
    return d.month == 12 and d.day in (None, 31)


def _first_value(scan: Scan, d: DateMention, limit: int) -> _Dated | None:
    q = next((q for q in scan.between(d.end, limit)), None)
    if q is None:
        return None
    measure = lexicon.MEASURE_NOISE.sub("", scan.text[d.end : q.start])
    return _Dated(d.year, d.start, q.end, "dated_value", measure)


def _mention(text: str, f: _Dated, listed: set[int], names: dict[str, list[tuple[int, int]]]) -> YearMention:
    """The mention, with the years its sentence gives the same measure and the years the report's other
    mentions give the same name (for the check, which reads no text)."""
    return YearMention(
        year=f.year,
        start=f.start,
        end=f.end,
        role=f.role,
        sentence_years=tuple(sorted(listed)) if f.role == "dated_value" else (),
        name_years=(f.allocates,)
        if f.allocates
        else tuple(sorted({y for at, y in names.get(f.name, []) if at != f.start})),
        month=f.month,
        line_start=text.rfind("\n", 0, f.start),
    )


def _clause_end(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] not in "，,。；;、\n（()）":
        pos += 1
    return pos
