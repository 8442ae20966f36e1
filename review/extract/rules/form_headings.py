"""The category headings of flattened 自评表 forms (产出指标（50分）) grouped into forms, for
review/extract/rules/form_scores.py: a merged heading cell written again on every row it spans is
one heading; a repeated category name otherwise starts a new form."""

from __future__ import annotations

import re

from review.extract import lexicon

_TOTAL = lexicon.SCORE_TOTAL_ROW


def heading_name(h: re.Match[str]) -> str:
    return re.sub(r"\s", "", h.group("name"))


def forms_of(text: str, headings: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """The headings (matches with groups name and cap), each merged cell once, grouped into forms."""
    return _forms(_spans_once(text, headings))


_ROW_START = re.compile(r"(?:^|\n)[ \t|｜]*$")


def _spans_once(text: str, headings: list[re.Match[str]]) -> list[re.Match[str]]:
    """A merged level cell written again on every row it spans (产出指标（40分） | 数量指标 | … then
    产出指标（40分） | 质量指标 | …) is one heading: a heading that starts its row, as the heading
    before it does, with the same name and cap and no total row between them, is that cell again."""
    out: list[re.Match[str]] = []
    for h in headings:
        last = out[-1] if out else None
        again = (
            last is not None
            and (heading_name(h), h.group("cap")) == (heading_name(last), last.group("cap"))
            and _starts_row(text, h.start())
            and _starts_row(text, last.start())
            and not _TOTAL.search(text, last.end(), h.start())
        )
        if not again:
            out.append(h)
    return out


def _starts_row(text: str, pos: int) -> bool:
    return _ROW_START.search(text[max(0, pos - 8) : pos]) is not None or pos == 0


def _forms(headings: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Headings grouped into forms: a repeated category name starts a new form."""
    forms: list[list[re.Match[str]]] = []
    seen: set[str] = set()
    for h in headings:
        name = heading_name(h)
        if not forms or name in seen:
            forms.append([])
            seen = set()
        forms[-1].append(h)
        seen.add(name)
    return forms
