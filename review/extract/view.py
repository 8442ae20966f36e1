"""The text the readers read (读取视图): `Document.text` as the rules and the model's grounding see it.

Some sites serve reports converted to traditional characters, some with the pinyin of a character
written after it (項(xiàng)目1個(gè)). Every reader matches simplified wording, so they read a view:

- a text written in traditional characters (more of its characters are traditional-only than
  simplified-only) is read as simplified, one character for one, by OpenCC's t2s table; a
  simplified text is read as it is, stray traditional characters and all;
- a pinyin annotation — a bracketed run of lower-case latin letters with a tone mark, right after
  a Han character — is left out, so that 萬(wàn)元 reads as 万元 and 項(xiàng)目 as 项目;
- numbers are read as one way of writing them: full-width digits and signs as ASCII and 萬/億 as
  万/亿, one character for one (lexicon.NUMBER_WIDTHS), and the thousands separators of an amount
  left out (33,832.24万元 reads as 33832.24万元), so no reader takes such a comma for a clause's end.

Converting keeps every offset; leaving pinyin out shortens the text, so the view keeps where each
of its characters stands in the source (`at`) and maps every position back: claims index
`Document.text` and quote it verbatim, whatever the readers read.
"""

from __future__ import annotations

import bisect
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TypeVar

import opencc
from pydantic import BaseModel

from review.core.claims import Claims, Quantity, Reading
from review.core.document import Document
from review.extract import lexicon

_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# A pinyin annotation: one syllable (at most 6 letters, one of them tone-marked) in ASCII or
# full-width brackets, right after a Han character (CJK unified, extension A or compatibility).
PINYIN = re.compile(
    rf"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[(（](?=[a-zü]*[{_TONED}])[a-zü{_TONED}]{{1,6}}[)）]"
)

# Claim fields that are offsets into the text (a start, or an end one past the last character),
# or spans of both; -1 means "none" and is kept.
OFFSETS = frozenset({"start", "end", "label_start", "name_start", "name_end", "line_start"})
SPANS = frozenset({"item_spans"})

_M = TypeVar("_M", bound=BaseModel)


class _Table:
    """One OpenCC conversion asked a character at a time (each answer one character), remembered."""

    def __init__(self, config: str) -> None:
        self._config = config
        self._converter: opencc.OpenCC | None = None
        self._known: dict[str, str] = {}
        self._lock = threading.Lock()

    def lookup(self, chars: set[str]) -> dict[str, str]:
        with self._lock:
            # not a newline (the separator) nor a lone surrogate (no UTF-8 for OpenCC)
            new = sorted(c for c in chars if c not in self._known and c != "\n" and not "\ud800" <= c <= "\udfff")
            if new:
                if self._converter is None:
                    self._converter = opencc.OpenCC(self._config)
                # one call for all new characters: a newline between them, so no phrase spans two
                out = self._converter.convert("\n".join(new)).split("\n")
                if len(out) != len(new):
                    raise RuntimeError(f"OpenCC {self._config} did not answer one line per character")
                self._known.update((c, o if len(o) == 1 else c) for c, o in zip(new, out, strict=True))
            return {c: self._known.get(c, c) for c in chars}


_TO_SIMPLIFIED = _Table("t2s.json")
_TO_TRADITIONAL = _Table("s2t.json")


def written_traditional(text: str) -> bool:
    """More of the text's characters exist only in traditional than only in simplified form."""
    chars = set(text)
    simple, trad = _TO_SIMPLIFIED.lookup(chars), _TO_TRADITIONAL.lookup(chars)
    traditional_only = sum(1 for c in text if simple[c] != c)
    simplified_only = sum(1 for c in text if trad[c] != c)
    return traditional_only > simplified_only


ITEM_MARK_REACH = 8  # characters an item mark (（十二）, 十二是) may take


def wrapped_breaks(text: str) -> list[tuple[int, int]]:
    """The line breaks inside a sentence of text pasted from a PDF (lexicon.PDF_WRAP): left out of
    the view, so that a word, a label or an amount broken over two lines (投⏎資完成率, 22.1 億⏎元,
    完成率⏎74.6%) reads whole, and a sentence does not end at the break."""
    out = []
    for m in lexicon.PDF_WRAP.finditer(text):
        line, after = m.group("line"), text[m.end() : m.end() + 1]
        if lexicon.PART_ITEM_MARK.match(text[m.end() : m.end() + ITEM_MARK_REACH]) or lexicon.PART_ITEM_MARK.match(
            line
        ):
            continue  # the next line opens a numbered part, or this one is a numbered heading
        if lexicon.WRAP_LINE_ENDS_IN_AMOUNT.search(line) and not (
            lexicon.WRAP_UNIT_GOES_ON.search(line) and after == lexicon.WRAP_UNIT_REST
        ):
            continue  # the line ends in an amount: its clause is done
        out.append(m.span("brk"))
    return out


@dataclass(frozen=True)
class View:
    """`text` is what the readers read; `at[i]` is where `text[i]` stands in `source` (with
    `at[len(text)] == len(source)`), or None when every offset is the source's own."""

    source: str
    text: str
    at: tuple[int, ...] | None
    reading: Reading
    traditional: bool = False  # the source is written in traditional characters (read as simplified)

    @classmethod
    def of(cls, source: str, traditional: bool | None = None) -> View:
        """The view of `source`; `traditional` says how it is written (None: judged from it)."""
        if traditional is None:
            traditional = written_traditional(source)
        pinyin = [m.span() for m in PINYIN.finditer(source)]
        narrow = source.translate(lexicon.NUMBER_WIDTHS)
        table = _TO_SIMPLIFIED.lookup(set(narrow)) if traditional else {}
        converted = "".join(table.get(c, c) for c in narrow) if traditional else narrow
        widths = sum(1 for a, b in zip(source, narrow, strict=True) if a != b)
        changed = sum(1 for a, b in zip(narrow, converted, strict=True) if a != b)
        reading = Reading(traditional=changed, pinyin=len(pinyin), widths=widths)
        separators = [
            (m.start() + i, m.start() + i + 1)
            for m in lexicon.THOUSANDS_COMMA.finditer(converted)
            for i, c in enumerate(m.group())
            if c == ","
        ]
        dropped = sorted(pinyin + separators + wrapped_breaks(converted))
        if not dropped:
            return cls(source, converted, None, reading, traditional)
        keep: list[str] = []
        at: list[int] = []
        pos = 0
        for start, end in [*dropped, (len(source), len(source))]:
            keep.append(converted[pos:start])
            at.extend(range(pos, start))
            pos = end
        return cls(source, "".join(keep), (*at, len(source)), reading, traditional)

    @property
    def same(self) -> bool:
        """The view is the source itself (a simplified text without pinyin)."""
        return self.text == self.source

    # --- positions ------------------------------------------------------------------------------

    def source_offset(self, i: int) -> int:
        """Source offset of the view offset `i` (-1, none, stays -1). As a start it is the
        character's own place; as an end, the place after the characters before it, pinyin and
        all, so that 項(xiàng) is quoted whole."""
        return i if self.at is None or i < 0 else self.at[i]

    def to_view(self, pos: int) -> int:
        """View offset of the source offset `pos` (inside a pinyin annotation: the next character)."""
        return pos if self.at is None else bisect.bisect_left(self.at, pos)

    # --- documents and claims -------------------------------------------------------------------

    def document(self, doc: Document) -> Document:
        """`doc` as the readers read it: the view's text, every block in view offsets."""
        if self.same:
            return doc
        blocks = tuple(
            b.model_copy(update={"start": self.to_view(b.start), "end": self.to_view(b.end)}) for b in doc.blocks
        )
        return doc.model_copy(update={"text": self.text, "blocks": blocks})

    def claims_to_source(self, claims: Claims) -> Claims:
        """Claims read from the view, with every offset in the source and every quantity's text
        the source's own."""
        if self.same:
            return claims
        return claims.model_copy(
            update={
                "quantities": tuple(self.to_source(q) for q in claims.quantities),
                "relations": tuple(self.to_source(r) for r in claims.relations),
                "unread": tuple(self.to_source(u) for u in claims.unread),
            }
        )

    def to_source(self, model: _M) -> _M:
        """One claim (and the claims it holds) with its offsets in the source."""
        update: dict[str, object] = {}
        for name in type(model).model_fields:
            value = getattr(model, name)
            if name in OFFSETS:
                update[name] = self.source_offset(value)
            elif name in SPANS:
                update[name] = tuple((self.source_offset(a), self.source_offset(b)) for a, b in value)
            elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
                update[name] = tuple(self.to_source(v) for v in value)
        if isinstance(model, Quantity):
            update["text"] = self.source[self.source_offset(model.start) : self.source_offset(model.end)]
        return model.model_copy(update=update)


@dataclass(frozen=True)
class Window:
    """One part of a source (a model chunk at `base`…) as the readers read it: `text` is the view
    of that part; local offsets into it map to offsets in the whole document."""

    view: View
    base: int  # where the view's source starts in the document
    start: int  # the part, in view offsets
    end: int

    @classmethod
    def of(cls, part: str, part_start: int, view: View | None = None) -> Window:
        """`part` (the document's text from `part_start`) read as the document `view` reads it,
        or, without one, as its own view judges it."""
        if view is None:
            own = View.of(part)
            return cls(own, part_start, 0, len(own.text))
        return cls(view, 0, view.to_view(part_start), view.to_view(part_start + len(part)))

    @property
    def text(self) -> str:
        return self.view.text[self.start : self.end]

    def source_offset(self, i: int) -> int:
        """Document offset of the local offset `i`."""
        return self.base + self.view.source_offset(self.start + i)

    def source_text(self, a: int, b: int) -> str:
        """The source's own text of the local span a…b."""
        return self.view.source[self.view.source_offset(self.start + a) : self.view.source_offset(self.start + b)]

    def local(self, pos: int) -> int:
        """Local offset of the document offset `pos`, clamped to the part."""
        return min(max(self.view.to_view(pos - self.base), self.start), self.end) - self.start

    def read(self, quote: str) -> str:
        """A quote (the model's) as this view reads text: simplified if the source is traditional,
        without pinyin."""
        return View.of(quote, self.view.traditional).text


@lru_cache(maxsize=16)
def view_of(source: str) -> View:
    """The view of a document's text (the rules, the pack choice and the grounding ask for the
    same text: it is built once)."""
    return View.of(source)
