"""Years outside the period under review — on dated events and values, on the year the report says
it reviews, on the review's own work — and date ranges that run backwards."""

from __future__ import annotations

from review.checks.base import Context, finding
from review.core.claims import DateRange, YearMention
from review.core.findings import Finding, Value

_WHAT = {
    "event_date": "事件日期为{y}年",
    "dated_value": "数值所属年度为{y}年",
    "review_year": "此处写明评价的是{y}年度",
    "review_work": "评价工作日期为{y}年，早于所评年度",
    "named_year": "同一名称他处写为{p}年，此处为{y}年",
    "written_on": "填报（发布）日期为{y}年，早于所评年度",
    "filed_on": "填报日期为{y}年，早于所评年度",
    "notice_date": "下达{a}年资金的文件日期为{y}年，早于该年度且未写明提前下达",
    "as_of": "所述情况截至{y}年，早于所评年度",
    "allocated_year": "所引文件下达的是{y}年资金",
    "evaluated_year": "所引通知部署的是{y}年度的绩效评价",
    "budget_year": "所引文件批复的是{y}年预算",
    "plan_year": "所引方案（计划）是{y}年的",
}
# Roles that date the review's own work or writing: done in the period's year or after it.
_WRITING = ("review_work", "written_on", "filed_on")
_OF_THE_PERIOD = ("event_date", "dated_value", "review_year")


def check_dates(ctx: Context) -> list[Finding]:
    return (
        _years(ctx)
        + _contested(ctx)
        + _review_years_disagree(ctx)
        + _review_year_against_content(ctx)
        + _filed_early(ctx)
        + _filed_late(ctx)
        + _after_the_review(ctx)
        + _ranges(ctx)
        + _spans_outside_period(ctx)
        + _notices_late(ctx)
    )


def _mentions(ctx: Context) -> list[YearMention]:
    return [r for r in ctx.claims.relations if isinstance(r, YearMention)]


def _year_finding(
    ctx: Context, rel: YearMention | DateRange, message: str, stated: str, computed: str, trace: str, rule: str
) -> Finding:
    """A finding on a year mention or a date range: low, a year written wrongly being a slip for the
    reviewer to confirm; no `computed` value when the finding has none to show."""
    return finding(
        ctx,
        "date",
        "low",
        message,
        rel.start,
        rel.end,
        stated=Value(display=stated),
        computed=Value(display=computed) if computed else None,
        trace=trace,
        rule=rule,
    )


def _span_text(rel: DateRange) -> str:
    (y1, m1), (y2, m2) = rel.first, rel.last
    return f"{y1}年{m1}月—{y2}年{m2}月"


def _first_filing(mentions: list[YearMention], roles: tuple[str, ...]) -> tuple[int, int] | None:
    """The earliest (year, month) the report says it was filled in or put out, by the given roles."""
    filed = [(r.year, r.month) for r in mentions if r.role in roles and r.month is not None]
    return min(filed) if filed else None


def _stray(rel: YearMention, period: int) -> bool:
    """A year the period does not allow. The review of a year is done in it or after it; a value
    its sentence lists for the period too ("其中2021年省级资金…，2022年省级资金…") is one of a
    multi-year listing, not a stray year. A year in a name the report repeats is stray only when
    another mention gives the same name the period's year (**河县2023年度中央水利发展资金 …
    **河县2022年度中央水利发展资金项目); a name only ever given other years is another year's project."""
    if rel.role in (*_WRITING, "as_of"):
        return rel.year < period
    if rel.role == "notice_date":
        return bool(rel.name_years) and rel.year < min(rel.name_years)
    if rel.role == "named_year":
        return rel.year != period and period in rel.name_years
    if rel.year == period:
        return False
    if _written_then(rel, period):
        return False
    return not (rel.role == "dated_value" and period in rel.sentence_years)


def _written_then(rel: YearMention, period: int | None) -> bool:
    """An event in a month the review's own work may fall in (_around_the_year): no content of another year."""
    return (
        rel.role == "event_date"
        and rel.month is not None
        and period is not None
        and _around_the_year(rel.year, rel.month, period)
    )


def _around_the_year(year: int, month: int, period: int) -> bool:
    """A month just outside the period that its own work may well fall in: the year after (a review of a year is
    written in the next, and reports what was done until then: 2020年1月已完成项目规划设计方案 in a review of 2019), or
    the last quarter of the year before (funds allocated in advance, 提前下达: 2020年12月省财政厅下达…)."""
    return year == period + 1 or (year == period - 1 and month >= 10)


def _years(ctx: Context) -> list[Finding]:
    period = ctx.period
    if period is None:
        return []
    merged: dict[tuple[int, int, str], YearMention] = {}
    for rel in ctx.claims.relations:
        if not isinstance(rel, YearMention) or not _stray(rel, period):
            continue
        key = (rel.line_start, rel.year, rel.role)
        first = merged.get(key)
        merged[key] = first.model_copy(update={"end": rel.end}) if first else rel
    out = []
    for rel in merged.values():
        what = _WHAT[rel.role].format(y=rel.year, p=period, a=min(rel.name_years, default=period))
        sign = "<" if rel.role in (*_WRITING, "notice_date", "as_of") else "≠"
        message = f"年度不符：{what}，而本报告评价的是{period}年度"
        trace = f"{rel.year} {sign} {period}"
        out.append(
            _year_finding(ctx, rel, message, f"{rel.year}年", f"{period}年度", trace, f"date.{rel.role}_in_period")
        )
    return out


_CONTESTABLE = ("event_date", "dated_value", "review_year", "named_year")


def _contested(ctx: Context) -> list[Finding]:
    """The period's own year where the report names another year as often (2020年12月31日 against
    2021年12月31日, nothing else): the other year's mentions are flagged as outside the period, and
    these, as the other side of the same contradiction."""
    rivals = ctx.claims.period_rivals
    if ctx.period is None or not rivals:
        return []
    others = "、".join(f"{y}年" for y in rivals)
    message = f"年度不一致：本报告写{ctx.period}年与写{others}的次数相同，评价年度无法确定"
    trace = f"{ctx.period} = {' = '.join(str(y) for y in rivals)} (votes)"
    seen: set[tuple[int, int]] = set()
    out = []
    for rel in _mentions(ctx):
        if rel.year != ctx.period or rel.role not in _CONTESTABLE:
            continue
        if (rel.line_start, rel.year) in seen or len(set(rel.sentence_years)) > 1:
            continue
        seen.add((rel.line_start, rel.year))
        out.append(_year_finding(ctx, rel, message, f"{rel.year}年", others, trace, "date.period_contested"))
    return out


def _review_years_disagree(ctx: Context) -> list[Finding]:
    """The period's own statements of the year reviewed (2019年部门整体支出绩效评价报告) where another statement
    of it names another year (对2018年度本单位整体支出进行了绩效自评): the report contradicts itself on its
    year, and which side was written wrongly the votes cannot tell — the other side is _years' finding, these
    are the same contradiction's other half."""
    period = ctx.period
    stated = [r for r in _mentions(ctx) if r.role == "review_year"]
    others = sorted({r.year for r in stated} - {period}) if period is not None else []
    if not others:
        return []
    named = "、".join(f"{y}年度" for y in others)
    seen: set[int] = set()
    out = []
    for rel in stated:
        if rel.year != period or rel.line_start in seen:
            continue
        seen.add(rel.line_start)
        out.append(
            _year_finding(
                ctx,
                rel,
                f"年度不一致：此处写明评价的是{rel.year}年度，他处写明评价的是{named}",
                f"{rel.year}年度",
                named,
                f"{rel.year} ≠ {' ≠ '.join(str(y) for y in others)}",
                "date.review_years_disagree",
            )
        )
    return out


# What the report says happened, or what it reports, in a year: the content a review of that year is about.
_CONTENT = ("event_date", "dated_value")


def _review_year_against_content(ctx: Context) -> list[Finding]:
    """The period's own statements of the year reviewed (项目支出绩效自评表(2017年度)) where everything the report
    dates — its funds, values and events (2018年继续资助困难新生3000名; 2018年中央下达…1969万元) — falls in the
    year after, or all in the year before (關于2019年度…績效評價報告 over 2018年…完成), and none in the period: the
    report contradicts itself on its year, and which side was written wrongly the mentions cannot tell; the dated
    side is _years' finding, these the same contradiction's other half. So nothing is flagged here that _years
    does not flag too: an event in the last quarter before (funds allocated in advance, 提前下达) is no content of
    another year (_written_then), and a fund's history years before (省人民政府2007年第109次常务会议… in a review of
    2016) is no year next to the period. A listing that gives the period a value too (其中2021年…，2022年…) is no
    disagreement."""
    period = ctx.period
    mentions = _mentions(ctx)
    content = [r for r in mentions if r.role in _CONTENT and not _written_then(r, period)]
    years = {r.year for r in content}
    if period is None or len(years) != 1 or any(period in r.sentence_years for r in content):
        return []
    (other,) = years
    if other not in (period - 1, period + 1):
        return []
    seen: set[int] = set()
    out = []
    for rel in mentions:
        if rel.role != "review_year" or rel.year != period or rel.line_start in seen:
            continue
        seen.add(rel.line_start)
        out.append(
            _year_finding(
                ctx,
                rel,
                f"年度不一致：此处写明评价的是{rel.year}年度，而报告所述资金、事项均在{other}年",
                f"{rel.year}年度",
                f"{other}年",
                f"{rel.year} ≠ {other}",
                "date.review_year_against_content",
            )
        )
    return out


def _filed_early(ctx: Context) -> list[Finding]:
    """A statement of the year reviewed (自评表(2023年度)) that the report's own filing date comes
    before the end of (填报日期:2023年4月6日): a year is reviewed once it is over."""
    mentions = _mentions(ctx)
    filed = _first_filing(mentions, ("written_on", "filed_on"))
    if filed is None:
        return []
    year, month = filed
    return [
        _year_finding(
            ctx,
            rel,
            f"年度不符：此处写明评价的是{rel.year}年度，而填报（发布）日期为{year}年{month}月，早于该年度结束",
            f"{rel.year}年度",
            f"{year}年{month}月",
            f"{year}-{month:02d} < {rel.year}-12",
            "date.review_year_before_filing",
        )
        for rel in mentions
        if rel.role == "review_year" and (year, month) < (rel.year, 12)
    ]


def _filed_late(ctx: Context) -> list[Finding]:
    """A statement of the year reviewed (2021年度项目支出绩效自评表) that the form's own filing date comes
    more than a year after (填报日期:2023年4月6日): a year's form is filled in within the year after it. A web
    page's 发布日期 (written_on) may come years later and is left out."""
    mentions = _mentions(ctx)
    filed = _first_filing(mentions, ("filed_on",))
    if filed is None:
        return []
    year, month = filed
    return [
        _year_finding(
            ctx,
            rel,
            f"年度不符：此处写明评价的是{rel.year}年度，而填报日期为{year}年{month}月，晚于该年度一年以上",
            f"{rel.year}年度",
            f"{year}年{month}月",
            f"{year} - {rel.year} ≥ 2",
            "date.review_year_long_before_filing",
        )
        for rel in mentions
        if rel.role == "review_year" and year - rel.year >= 2
    ]


def _after_the_review(ctx: Context) -> list[Finding]:
    """The period's own mentions (2021年县财政下达资金603万元) when the review was done, or the report
    written, in a year before it (于2020年10月16日至23日,…进行了调查): the other side of the contradiction
    the review work's own finding states — the year that dates these is the one that moved."""
    period = ctx.period
    mentions = _mentions(ctx)
    done = [r for r in mentions if r.role in _WRITING and r.year < (period or 0)]
    if period is None or not done:
        return []
    first = min(done, key=lambda r: r.year)
    message_of = "年度不符：此处为{y}年，而评价工作（填报）在{f}年，早于该年度"
    out = []
    seen: set[int] = set()
    for rel in mentions:
        if rel.role not in _OF_THE_PERIOD or rel.year != period or rel.line_start in seen:
            continue
        seen.add(rel.line_start)
        message = message_of.format(y=rel.year, f=first.year)
        trace = f"{first.year} < {rel.year}"
        out.append(
            _year_finding(ctx, rel, message, f"{rel.year}年", f"{first.year}年", trace, "date.period_after_review_work")
        )
    return out


def _ranges(ctx: Context) -> list[Finding]:
    out = []
    for rel in ctx.claims.relations:
        if isinstance(rel, DateRange) and rel.first > rel.last:
            (y1, m1), (y2, m2) = rel.first, rel.last
            message = f"起止时间颠倒：起于{y1}年{m1}月，止于{y2}年{m2}月"
            trace = f"{y1}-{m1:02d} > {y2}-{m2:02d}"
            out.append(_year_finding(ctx, rel, message, _span_text(rel), "", trace, "date.range_runs_forward"))
    return out


def _spans_outside_period(ctx: Context) -> list[Finding]:
    """A project's implementation period (项目起止时间 | 2019年元月起至2020年12月止) that runs forward but
    starts or ends in another year than the one reviewed: low, a cross-year project being possible, a
    year written wrongly likelier in a one-year form. A span that runs backwards is _ranges' finding."""
    period = ctx.period
    if period is None:
        return []
    out = []
    for rel in ctx.claims.relations:
        if not isinstance(rel, DateRange) or not rel.implementation or rel.first > rel.last:
            continue
        years = (rel.first[0], rel.last[0])
        if years == (period, period):
            continue
        (y1, m1), (y2, m2) = rel.first, rel.last
        message = f"年度不符：项目实施期为{y1}年{m1}月至{y2}年{m2}月，而本报告评价的是{period}年度"
        trace = f"{y1}-{m1:02d}..{y2}-{m2:02d} ⊄ {period}"
        rule = "date.implementation_in_period"
        out.append(_year_finding(ctx, rel, message, _span_text(rel), f"{period}年度", trace, rule))
    return out


def _notices_late(ctx: Context) -> list[Finding]:
    """A notice allocating a year's funds dated after that year (2025年7月3日,《…关于下达2024年…资金预算
    (第一批)的通知》): a year's funds are allocated within it (or in advance, which _years holds to the
    year before); a settlement after the year (清算) is no such notice (see lexicon.NOTICE_SETTLES)."""
    out = []
    for rel in _mentions(ctx):
        if rel.role != "notice_date" or not rel.name_years or rel.year <= max(rel.name_years):
            continue
        allocated = max(rel.name_years)
        out.append(
            _year_finding(
                ctx,
                rel,
                f"年度不符：下达{allocated}年资金的文件日期为{rel.year}年，晚于该年度",
                f"{rel.year}年",
                f"{allocated}年",
                f"{rel.year} > {allocated}",
                "date.notice_after_its_year",
            )
        )
    return out
