"""A count of allotments against the notices that follow it: "2024年,中央分2批次下达…资金,合计13,804万元。
各批次…下达情况如下:" then one paragraph per notice, "2023年11月15日,《财政部 民政部关于提前下达…的通知》…"
(r1-21); "2021年省财政厅2次下达我市…1883.00万元" then "2020年12月省财政厅下达《…关于提前下达…的通知》(…)
文件、《…关于下达…的通知》(…)" (r6-07).

The items are the allotting notices (《…下达…》, lexicon.ALLOTTING_NOTICE) named after the count in
its own paragraph and in the paragraphs right after it, as long as each names one: the first
paragraph that names none ends them (根据《…关于印发〈…办法〉的通知》规定 lays down rules, it allots
nothing). A notice named again is the same notice, counted once. The text ending inside them leaves
the count open. review.checks.count counts them.
"""

from __future__ import annotations

from review.core.claims import CountRelation, Unread
from review.core.numbers import chinese_numeral
from review.extract import lexicon
from review.extract.rules.scan import Scan


def extract_allotment_counts(scan: Scan) -> tuple[list[CountRelation], list[Unread]]:
    """The counts of allotments with their notices, and the counts whose numeral could not be read."""
    text = scan.text
    out, unread = [], []
    for m in lexicon.ALLOTMENT_COUNT.finditer(text):
        if scan.in_table(m.start()):
            continue
        n = m.group("n")
        stated = int(n) if n.isdigit() else chinese_numeral(n)
        if stated is None:
            unread.append(
                Unread(start=m.start("n"), end=m.end(), reason=f"下达批次数“{n}”无法读成数字，其后的下达文件未计数")
            )
            continue
        notices, cut = _notices_after(text, m.end())
        notices = _distinct(text, notices)
        if notices:
            out.append(
                CountRelation(
                    stated=stated,
                    start=m.start("n"),
                    end=m.end(),
                    item_spans=tuple(notices),
                    what="其后列出的下达文件个数",
                    exhaustive=not cut,
                    wording="notices",
                )
            )
    return out, unread


def _notices_after(text: str, pos: int) -> tuple[list[tuple[int, int]], bool]:
    """The allotting notices from pos to the end of its paragraph and in the paragraphs that follow
    while each names one; and whether the text ends among them (more may have followed)."""
    end = _line_end(text, pos)
    found = _notices(text, pos, end)
    while end < len(text):
        start = end + 1
        while start < len(text) and text[start] in " \t\u3000\n":
            start += 1
        if start == len(text):
            break
        following = _notices(text, start, _line_end(text, start))
        if not following:
            return found, False
        found += following
        end = _line_end(text, start)
    return found, True


def _notices(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in lexicon.ALLOTTING_NOTICE.finditer(text, start, end)]


def _distinct(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each notice once: the first place its title is named."""
    seen: set[str] = set()
    out = []
    for a, b in spans:
        if text[a:b] not in seen:
            seen.add(text[a:b])
            out.append((a, b))
    return out


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end
