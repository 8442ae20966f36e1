"""Amounts the number scan would not read: a document number whose closing bracket and 号 the page dropped,
run into the amount after it (财建〔20202185000万元, 湘财预〔20201275000万元). The digits split more than one
way (〔2020〕218号 and 5000万元, or 〔2020〕2185号 and 000万元 …), so review.core.numbers reads no amount there
and this reader says so: each is recorded as unread, and a total listed with them is not checked against them."""

from __future__ import annotations

from review.core.claims import Unread
from review.core.numbers import glued_document_numbers
from review.extract.rules.scan import Scan


def extract_glued_numbers(scan: Scan) -> tuple[list[object], list[Unread]]:
    """No relations; one unread note per glued run."""
    text = scan.text
    unread = [
        Unread(start=a, end=b, reason=f"文号与金额连写（{text[max(0, a - 4) : b + 2]}），数字无法拆分，未读为金额")
        for a, b in glued_document_numbers(text)
    ]
    return [], unread
