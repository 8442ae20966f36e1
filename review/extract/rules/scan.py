"""Shared view of a document for the rules extractor: every quantity with its label, and the
sentence and clause boundaries that patterns reason about."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from decimal import Decimal

from review.core.claims import Quantity
from review.core.document import Document
from review.core.numbers import PERCENT_UNITS, find_numbers
from review.extract import lexicon
from review.extract.lexicon import LABEL_NOISE_WORDS

SENTENCE_END = "。；;！？!?\n"
CLAUSE_END = SENTENCE_END + '，,、：:（）()“”"‘’【】[]'
_NOISE_WORDS = "|".join(re.escape(w) for w in LABEL_NOISE_WORDS)
_LEADING_NOISE = re.compile(
    rf"^(?:\d{{1,2}}[.．、]|[（(][一二三四五六七八九十\d]{{1,3}}[)）]|[①-⑳]|(?:{_NOISE_WORDS})[：:，,]?|，|、|\s)+"
)
_TRAILING_NOISE = re.compile(rf"(?:{'|'.join(lexicon.LABEL_TAIL_WORDS)}|：|:|\s)+$")


@dataclass
class Scan:
    """Quantities of one document (ids q0, q1, … in text order) plus boundary helpers. `doc` is
    the document as the rules read it (review.extract.view): every offset here indexes its text."""

    doc: Document
    quantities: list[Quantity] = field(default_factory=list)
    minted: list[Quantity] = field(default_factory=list)  # numbers the table readers found (bare cells)
    _starts: list[int] = field(default_factory=list)
    _cells: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document) -> Scan:
        scan = cls(doc)
        text = doc.text
        prev_end = 0
        for i, n in enumerate(find_numbers(text)):
            label, label_start = _label(text, max(prev_end, _clause_start(text, n.start)), n.start)
            colon = n.start - 1
            while colon > 0 and text[colon] in " \u3000":
                colon -= 1
            if not label and colon > prev_end and text[colon] in "：:）)":
                # 得分：97分, and 资金(水利部分)6800万元: name the number by what precedes the colon/bracket
                stop = colon if text[colon] in "：:" else _open_paren(text, colon)
                if stop > prev_end:
                    label, label_start = _label(text, max(prev_end, _clause_start(text, stop)), stop)
            scan.quantities.append(Quantity.from_parsed(f"q{i}", n, label, label_start))
            prev_end = n.end
        scan._starts = [q.start for q in scan.quantities]
        scan._cells = sorted((b.start, b.end) for b in doc.blocks if b.kind == "cell")
        return scan

    @property
    def text(self) -> str:
        return self.doc.text

    def mint(self, start: int, end: int, value: Decimal, unit: str, label: str = "") -> Quantity:
        """A quantity a reader found at text[start:end] that the number scan did not claim (a bare
        table cell, a score heading's cap): one place gives every such quantity its id, so that no
        reader has to know how many the others made. Its precision is the digits written after
        the point."""
        raw = self.text[start:end]
        digits = re.search(r"\d[\d,]*(?:\.(\d+))?", raw)
        q = Quantity(
            id=f"q{len(self.quantities) + len(self.minted)}",
            text=raw,
            start=start,
            end=end,
            value=value,
            unit=unit,
            decimals=len(digits.group(1) or "") if digits else 0,
            label=label,
        )
        self.minted.append(q)
        return q

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        return _sentence_start(self.text, pos), _sentence_end(self.text, pos)

    def paragraph_bounds(self, pos: int) -> tuple[int, int]:
        floor = max(0, pos - 4 * MAX_SENTENCE)
        start = max(self.text.rfind("\n", floor, pos) + 1, floor)
        end = self.text.find("\n", pos, pos + 4 * MAX_SENTENCE)
        return start, min(len(self.text), pos + 4 * MAX_SENTENCE) if end < 0 else end

    def between(self, start: int, end: int) -> list[Quantity]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [q for q in self.quantities[lo:hi] if q.end <= end]

    def before(self, pos: int) -> Quantity | None:
        i = bisect.bisect_left(self._starts, pos)
        while i > 0:
            i -= 1
            if self.quantities[i].end <= pos:
                return self.quantities[i]
        return None

    def before_rates(self, pos: int, reach: int) -> Quantity | None:
        """The last number before `pos`, passing over the rates stated after it within `reach` characters
        (实际执行X万元，执行率88.74%。其中… ; …198万元,占总数的89.59%。其中:⏎1.…) and the bases they are stated
        against (完成财政总收入4348万元,占年初预算10065万元的43.2%。其中…): the amount the rates are of."""
        last = self.before(pos)
        rate: Quantity | None = None
        while last is not None and pos - last.end <= reach:
            if last.unit in PERCENT_UNITS:
                rate = last
            elif rate is None or not self.is_rate_base(last):
                break  # (占年初预算10065万元的43.2%: the rate's base is passed over too)
            last = self.before(last.start)
        return last

    def subject_of(self, q: Quantity) -> str:
        """The label of the amount right before q's label in its clause run, which a generic noun of q's (年初预算,
        总投资) is then an attribute of (因公出国(境)支出0万元,年初预算为0万元; 互助土族自治县实施12项,总投资5158万元);
        "" when none stands there."""
        start = q.label_start if 0 <= q.label_start < q.start else q.start
        prev = self.before(start)
        if prev is None or start - prev.end > lexicon.SUBJECT_REACH:
            return ""
        gap = self.text[prev.end : start]
        attribute = _COMMA.search(gap) or ("、" in gap and q.family == "money" != prev.family)
        if _CLAUSE_RUN_END.search(gap) or not attribute:
            return ""  # 改造11.94公里、…维护5座: items of one list (安排项目68个、计划投资6.83亿元: a count's amount)
        return prev.label

    def is_rate_base(self, q: Quantity) -> bool:
        """q is the base a rate right after it is stated against (占年初预算10065万元的43.2%)."""
        return lexicon.RATE_BASE_AFTER.match(self.text, q.end) is not None

    def in_table(self, pos: int) -> bool:
        i = bisect.bisect_right(self._cells, (pos, len(self.text) + 1)) - 1
        return i >= 0 and self._cells[i][0] <= pos <= self._cells[i][1]


_CLAUSE_RUN_END = re.compile(r"[。；;！？!?\n]")
_COMMA = re.compile(r"[，,]")
MAX_SENTENCE = 1500  # a "sentence" longer than this is junk or a flattened table: stop looking


def _sentence_start(text: str, pos: int) -> int:
    i, floor = pos, max(0, pos - MAX_SENTENCE)
    while i > floor and text[i - 1] not in SENTENCE_END:
        i -= 1
    return i


def _sentence_end(text: str, pos: int) -> int:
    i, ceiling = pos, min(len(text), pos + MAX_SENTENCE)
    while i < ceiling and text[i] not in SENTENCE_END:
        i += 1
    return i


def _clause_start(text: str, pos: int) -> int:
    i, floor = pos, max(0, pos - 200)
    while i > floor and text[i - 1] not in CLAUSE_END:
        i -= 1
    return i


def _open_paren(text: str, close: int) -> int:
    """Position of the bracket that `close` closes (within 60 characters), else `close`."""
    opener = "（" if text[close] == "）" else "("
    found = text.rfind(opener, max(0, close - 60), close)
    return found if found >= 0 else close


def _label(text: str, start: int, end: int) -> tuple[str, int]:
    raw = text[start:end]
    lead = _LEADING_NOISE.match(raw)
    skip = lead.end() if lead else 0
    core = _TRAILING_NOISE.sub("", raw[skip:])
    return core, start + skip


def clause_text_before(text: str, pos: int) -> str:
    return text[_clause_start(text, pos) : pos]


def per_unit(text: str, q: Quantity) -> bool:
    """A rate or a price, not an amount of its own (每亩4000元, 每公斤售价5元, 500元/人, 人均…): never a
    part or a whole of the funds."""
    if lexicon.UNIT_RATE_AFTER.match(text, q.end):
        return True
    return bool(lexicon.UNIT_RATE_BEFORE.search(clause_text_before(text, q.start)))


def ends_unclosed(text: str, end: int, closers: str) -> bool:
    """Nothing but space follows `end`, and the last character before it (space left out) is none
    of `closers`: the text stops mid-sentence there (an excerpt cut off); nothing before it at all
    is no sentence. Reads only the ends, not copies of the text on either side."""
    after = end
    while after < len(text) and text[after].isspace():
        after += 1
    if after < len(text):
        return False
    last = end
    while last > 0 and text[last - 1].isspace():
        last -= 1
    return last > 0 and text[last - 1] not in closers
