"""Headings over their items: "（1）基本支出1404.18万元。" followed by lines that each open with their
own amount, until the next heading of the same numbering."""

from __future__ import annotations

import re

from review.core.claims import Quantity, SumRelation
from review.extract import lexicon
from review.extract.rules.scan import Scan

_HEAD_MARK = r"(?:[（(]\s*\d{1,2}\s*[)）]|\d{1,2}[.．、]|[①-⑳]|[一二三四五六七八九十]+、)"
_HEAD_LINE = re.compile(rf"^\s*(?P<mark>{_HEAD_MARK})?\s*[\u4e00-\u9fa5、（）()]{{2,24}}\s*$")
_CHILD_LINE = re.compile(rf"^\s*{_HEAD_MARK}?\s*[\u4e00-\u9fa5、（）()]{{2,24}}$")


def extract_heading_sums(scan: Scan) -> list[SumRelation]:
    """ "（1）基本支出1404.18万元。" followed by lines that each open with their own amount
    ("工资福利支出1047.86万元。其中…") until the next heading: the heading is their total."""
    out: list[SumRelation] = []
    lines = _line_spans(scan.text)
    for i, (a, b) in enumerate(lines):
        head = _lead_amount(scan, a, b, whole_line=True)
        if head is None:
            continue
        items = []
        for c, d in lines[i + 1 :]:
            if not scan.text[c:d].strip():
                continue
            lead = _lead_amount(scan, c, d, whole_line=False)
            if lead is None or lead.unit != head.unit or _is_sibling(scan.text[a:b], scan.text[c:d]):
                break
            items.append(lead)
        if len(items) >= 2:
            out.append(
                SumRelation(
                    total=head.id,
                    items=tuple(q.id for q in items),
                    category=lexicon.sum_category(head.unit, head.label),
                    basis="标题·分项",
                )
            )
    return out


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def _lead_amount(scan: Scan, a: int, b: int, *, whole_line: bool) -> Quantity | None:
    qs = scan.between(a, b)
    if not qs or qs[0].family != "money" or not qs[0].exact:
        return None
    first = qs[0]
    before, after = scan.text[a : first.start], scan.text[first.end : b]
    pattern = _HEAD_LINE if whole_line else _CHILD_LINE
    if not pattern.match(before):
        return None
    if whole_line and (len(qs) > 1 or after.strip(" 。.") or not re.match(rf"^\s*{_HEAD_MARK}", before)):
        return None
    return first


def _is_sibling(head: str, line: str) -> bool:
    """A line numbered like the heading ends its children: （1）… then （2）…"""
    m1 = re.match(rf"^\s*({_HEAD_MARK})", head)
    m2 = re.match(rf"^\s*({_HEAD_MARK})", line)
    if not m1 or not m2:
        return False
    shape = lambda s: re.sub(r"\d+|[一二三四五六七八九十]+", "N", s)  # noqa: E731
    return shape(m1.group(1)) == shape(m2.group(1))
