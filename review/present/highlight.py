"""Source view (原文定位): report text as HTML with every finding marked, for `st.html`.

Pure functions, no Streamlit. Every piece of report or finding text goes through `html.escape`
(quotes included), so a report containing `<script>` or `<img onerror=…>` is shown as text. The
only markup in the output is what this module writes itself.

Findings may overlap, so the text is cut at every span boundary into flat segments; a segment
covered by several findings takes the colour of the most severe one. The selected finding is
outlined and its related spans (the numbers its computation used) are underlined.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from review.core.findings import SEVERITY_ORDER, Finding, Value
from review.present.render import SEVERITY_CN

COLOURS = {"high": "#ffc9c9", "medium": "#ffe8a3", "low": "#d0ebff"}

STYLE = (
    "<style>"
    ".rv-src{white-space:pre-wrap;word-break:break-all;line-height:1.75;font-size:0.95rem;"
    "max-height:34rem;overflow-y:auto;padding:0.75rem 1rem;border:1px solid #dee2e6;"
    "border-radius:0.5rem;background:#fff;color:#212529;"
    "font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif}"
    ".rv-src mark{padding:0 1px;border-radius:2px;color:inherit}"
    + "".join(f".rv-src mark.rv-{s}{{background:{c}}}" for s, c in COLOURS.items())
    + ".rv-src mark.rv-selected{outline:2px solid #c92a2a;font-weight:700}"
    ".rv-src .rv-related{text-decoration:underline dashed #c92a2a 2px;text-underline-offset:3px}"
    ".rv-src sup.rv-id{font-size:0.7em;color:#495057;margin-right:1px;white-space:nowrap}"
    ".rv-src .rv-gap{color:#868e96;font-style:italic}"
    ".rv-card{line-height:1.7}.rv-card .rv-row{display:flex;gap:0.5em}"
    ".rv-card .rv-k{color:#495057;flex:0 0 4.5em}"
    ".rv-card pre{white-space:pre-wrap;word-break:break-all;background:#f8f9fa;padding:0.5rem;"
    "border-radius:0.25rem;margin:0.25rem 0}"
    "</style>"
)


LEGEND = (
    "严重程度 "
    + " ".join(f'<mark style="background:{c};padding:0 6px">{SEVERITY_CN[s]}</mark>' for s, c in COLOURS.items())
    + '<br><mark style="outline:2px solid #c92a2a;background:none">选中的问题</mark> · '
    '<span style="text-decoration:underline dashed #c92a2a 2px">计算所用数字</span>'
)


def esc(text: str) -> str:
    """Escape report or model text for HTML element content and attribute values."""
    return html.escape(text, quote=True)


def window(text: str, finding: Finding, before: int = 300, after: int = 700) -> tuple[int, int]:
    """The span to show around a finding and its related spans, widened to whole lines."""
    spans = [(finding.start, finding.end), *finding.related]
    lo = max(0, min(s for s, _ in spans) - before)
    hi = min(len(text), max(e for _, e in spans) + after)
    line_start = text.rfind("\n", 0, lo)
    lo = 0 if line_start < 0 else line_start + 1
    line_end = text.find("\n", hi)
    hi = len(text) if line_end < 0 else line_end
    return lo, hi


def highlight(
    text: str,
    findings: Sequence[Finding],
    selected: str | None = None,
    *,
    before: int = 300,
    after: int = 700,
    include_style: bool = True,
) -> str:
    """HTML of `text` (or, with a selected finding, the lines around it) with findings in <mark>.

    Marks carry the class `rv-<severity>`; the selected finding's marks also `rv-selected`, and
    its related spans are wrapped in `<span class="rv-related">`. Each finding's first mark is
    preceded by a small `<sup>` with its id.
    """
    chosen = next((f for f in findings if f.id == selected), None)
    lo, hi = window(text, chosen, before, after) if chosen else (0, len(text))
    related = list(chosen.related) if chosen else []
    cuts = {lo, hi}
    for f in findings:
        cuts.update(p for p in (f.start, f.end) if lo < p < hi)
    for s, e in related:
        cuts.update(p for p in (s, e) if lo < p < hi)
    points = sorted(cuts)
    labelled: set[str] = set()
    parts = [STYLE] if include_style else []
    parts.append('<div class="rv-src">')
    if lo > 0:
        parts.append(f'<span class="rv-gap">……（前略 {lo} 字）</span>\n')
    for a, b in zip(points, points[1:], strict=False):
        parts.append(_segment(text[a:b], a, b, findings, chosen, related, labelled))
    if hi < len(text):
        parts.append(f'\n<span class="rv-gap">……（后略 {len(text) - hi} 字）</span>')
    parts.append("</div>")
    return "".join(parts)


def _segment(
    piece: str,
    a: int,
    b: int,
    findings: Sequence[Finding],
    chosen: Finding | None,
    related: list[tuple[int, int]],
    labelled: set[str],
) -> str:
    body = esc(piece)
    if any(s <= a and b <= e for s, e in related):
        body = f'<span class="rv-related">{body}</span>'
    covering = [f for f in findings if f.start <= a and b <= f.end and f.start < f.end]
    if not covering:
        return body
    top = max(covering, key=lambda f: SEVERITY_ORDER[f.severity])
    classes = f"rv-{top.severity}"
    if chosen is not None and any(f.id == chosen.id for f in covering):
        classes += " rv-selected"
    title = "；".join(f"{f.id} [{SEVERITY_CN[f.severity]}] {f.message}" for f in covering)
    ids = " ".join(f.id for f in covering)
    sups = "".join(f'<sup class="rv-id">{esc(f.id)}</sup>' for f in covering if f.id not in labelled)
    labelled.update(f.id for f in covering)
    return f'{sups}<mark class="{classes}" data-ids="{esc(ids)}" title="{esc(title)}">{body}</mark>'


def finding_card(finding: Finding, line: int, check_cn: str, decision: str = "") -> str:
    """HTML details of one finding: message, values, computation trace and rule, all escaped."""
    rows = [
        ("问题", esc(finding.message)),
        ("位置", f"第{line}行（字符 {finding.start}–{finding.end}）"),
        ("类型", f"{esc(check_cn)}（{esc(finding.check)}）"),
        ("严重程度", SEVERITY_CN[finding.severity]),
        ("报告值", esc(value_text(finding.stated))),
        ("复核值", esc(value_text(finding.computed))),
        ("审核结论", esc(decision or "未审核")),
    ]
    out = [STYLE, '<div class="rv-card">']
    out += [f'<div class="rv-row"><span class="rv-k">{k}</span><span>{v}</span></div>' for k, v in rows]
    out.append(f'<div class="rv-k">原文</div><pre>{esc(finding.quote)}</pre>')
    out.append(f'<div class="rv-k">计算过程</div><pre>{esc(finding.trace or "（无）")}</pre>')
    out.append(f'<div class="rv-k">规则</div><pre>{esc(finding.rule or "（未注明）")}</pre>')
    out.append("</div>")
    return "".join(out)


def value_text(v: Value | None) -> str:
    """A value as text, with its interval when the interval is not a single point."""
    if v is None:
        return "—"
    if v.lo is not None and v.hi is not None and v.lo != v.hi:
        return f"{v.display}（区间 [{v.lo}, {v.hi}]{v.unit}）"
    return v.display


_MD_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~$:&\"'=")


def md_text(text: str) -> str:
    """Report or user text made inert for Streamlit's Markdown surfaces (st.error, st.caption, …).

    Every ASCII punctuation character that Markdown, HTML or LaTeX could act on is
    backslash-escaped (CommonMark shows it literally); line breaks become spaces.
    """
    flat = " ".join(text.split())
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in flat)
