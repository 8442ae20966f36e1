"""The source view: every finding marked, everything escaped, the selected one emphasised."""

from __future__ import annotations

import html
import re

import pytest

from review.core.findings import Finding
from review.load.loader import load
from review.pipeline import review_document
from review.present.highlight import highlight, md_text, window
from tests.conftest import SAMPLES

_TAG = re.compile(r"<[^>]*>")


def visible(markup: str) -> str:
    """The text a browser shows, without the style sheet, the id labels and the gap notes."""
    markup = re.sub(r"<style>.*?</style>", "", markup, flags=re.S)
    markup = re.sub(r'<sup class="rv-id">.*?</sup>', "", markup)
    markup = re.sub(r'<span class="rv-gap">[^<]*</span>\n|\n<span class="rv-gap">[^<]*</span>', "", markup)
    return html.unescape(_TAG.sub("", markup))


def finding(fid: str, start: int, end: int, text: str, severity: str = "high", **kw: object) -> Finding:
    return Finding.model_validate(
        {
            "id": fid,
            "check": "sum",
            "severity": severity,
            "message": kw.pop("message", f"问题 {fid}"),
            "start": start,
            "end": end,
            "quote": text[start:end],
            **kw,
        }
    )


def test_report_text_is_escaped_never_markup() -> None:
    text = '前言<script>alert(1)</script>，合计<img src=x onerror="alert(2)">100万元 & "引号"'
    start = text.index("<img")
    f = finding("F1", start, len(text), text, message='<b onmouseover="x()">坏</b>')
    out = highlight(text, [f], "F1")
    assert "<script" not in out and "<img" not in out and "<b " not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "onerror=&quot;alert(2)&quot;" in out
    assert 'title="F1 [高] &lt;b onmouseover=&quot;x()&quot;&gt;坏&lt;/b&gt;"' in out
    assert visible(out) == text


def test_every_finding_is_marked_by_severity_and_the_selected_one_emphasised() -> None:
    text = "收入合计100万元，其中财政拨款60万元，其他收入30万元。支出合计90万元。"
    a = finding("F1", 0, 9, text, "high", related=((13, 19), (24, 30)))
    b = finding("F2", text.index("支出"), text.index("支出") + 8, text, "low")
    out = highlight(text, [a, b], "F1")
    assert out.count('class="rv-high rv-selected"') == 1
    assert '<mark class="rv-low" data-ids="F2"' in out
    assert out.count('class="rv-related"') == 2
    assert '<sup class="rv-id">F1</sup><mark' in out
    assert visible(out) == text
    unselected = highlight(text, [a, b], None)
    assert ' rv-selected"' not in unselected and 'class="rv-related"' not in unselected


def test_overlapping_findings_take_the_most_severe_colour_and_keep_the_text() -> None:
    text = "甲乙丙丁戊己庚辛壬癸"
    low = finding("F1", 0, 6, text, "low")
    high = finding("F2", 3, 9, text, "high")
    out = highlight(text, [low, high], "F1")
    assert '<mark class="rv-low rv-selected" data-ids="F1">' in out.replace(' title="F1 [低] 问题 F1"', "")
    assert 'data-ids="F1 F2"' in out  # the overlap belongs to both
    overlap = re.search(r'<mark class="([^"]+)" data-ids="F1 F2"', out)
    assert overlap is not None and overlap.group(1) == "rv-high rv-selected"
    assert '<mark class="rv-high" data-ids="F2"' in out
    assert visible(out) == text


def test_selected_finding_is_shown_in_a_window_of_whole_lines() -> None:
    lines = [f"第{i}行：收入{i}万元。" for i in range(400)]
    text = "\n".join(lines)
    start = text.index("第200行")
    f = finding("F1", start, start + 5, text)
    lo, hi = window(text, f, before=50, after=50)
    assert text[lo:hi].startswith("第19") and (lo == 0 or text[lo - 1] == "\n")
    assert hi == len(text) or text[hi] == "\n"
    out = highlight(text, [f], "F1", before=50, after=50)
    assert "第200行" in out and "第100行" not in out and "第300行" not in out
    assert f"前略 {lo} 字" in out and f"后略 {len(text) - hi} 字" in out
    assert visible(out) == text[lo:hi]


def test_window_includes_the_related_spans() -> None:
    text = "A" * 2000 + "\n" + "B" * 50 + "\n" + "C" * 2000
    f = finding("F1", 2001, 2010, text, related=((5, 9),))
    lo, hi = window(text, f, before=10, after=10)
    assert lo == 0 and hi == 2051


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.txt")))
def test_seed_reports_render_verbatim_with_every_finding(sample: str) -> None:
    review = review_document(load(SAMPLES / sample))
    text = review.document.text
    out = highlight(text, review.findings)
    assert visible(out) == text
    for f in review.findings:
        assert f'<sup class="rv-id">{f.id}</sup>' in out
        focused = highlight(text, review.findings, f.id)
        lo, hi = window(text, f)
        assert visible(focused) == text[lo:hi]
        assert ' rv-selected"' in focused


def test_md_text_makes_markdown_inert() -> None:
    raw = "[点我](javascript:alert(1)) **粗** <b>x</b> $x$ :red[红]\n下一行"
    out = md_text(raw)
    for ch in "[]()*<>$:":
        assert ch not in out.replace("\\" + ch, "")
    assert "\n" not in out
