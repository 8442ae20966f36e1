"""Written forms (书写形式): the dev corpus with its numbers written another way, measured as it is.

Real reports write the same figure as 3167.20, ３１６７．２０ or 3,167.20. A reader that matches one
way of writing misses the others, on every report that writes them so, and no sample-by-sample
labeling shows it. So each dev sample is rewritten one way (its text, and each labeled quote, item
and value as the rewritten text reads at the same place) and reviewed again; its seeded errors are
the plain sample's, at the same relations. The engine reads numbers one way when every seeded error
the plain text detects is still detected (`kept` = 1.0).

Nothing here reads a rewritten text back: the product's loader and readers do (runner.py).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from review.core.numbers import ASCII_DIGITS, WIDE_DIGITS
from review.evaluation.labels import CleanRelation, DocLabels, GoldFinding, LabeledSample, locate
from review.evaluation.results import SplitResult, WrittenForm
from review.evaluation.scoring import ratio

_WIDE = str.maketrans(ASCII_DIGITS, WIDE_DIGITS)
_ARABIC_RUN = re.compile(r"[0-9][0-9.%]*")
# an amount of four or more integer digits with its money unit (2022年, 1-3 digits and list numbers untouched)
_AMOUNT = re.compile(r"(?<![0-9.,])([0-9]{4,})(?=(?:\.[0-9]+)?[ \u3000]*(?:亿元|万元|千元|元))")
# where a unit follows its number's last digit: 1372.23万元, 100%
_UNIT_AFTER = re.compile(r"(?<=[0-9])(?=亿元|万元|千元|元|%)")


@dataclass(frozen=True)
class Rewrite:
    """The rewritten text, and where each source offset (0…len) lands in it."""

    text: str
    at: tuple[int, ...]

    def span(self, start: int, end: int) -> str:
        return self.text[self.at[start] : self.at[end]]


def _full_width(text: str) -> Rewrite:
    """Digits, decimal points and percent signs of numbers in full width, one for one."""
    out = _ARABIC_RUN.sub(lambda m: m.group().translate(_WIDE), text)
    return Rewrite(out, tuple(range(len(text) + 1)))


def _inserted(text: str, places: list[int], char: str) -> Rewrite:
    """`char` written before each of the source offsets `places`."""
    parts: list[str] = []
    at: list[int] = []
    pos = 0
    for n, place in enumerate(sorted(places)):
        parts += [text[pos:place], char]
        at.extend(range(pos + n, place + n))
        pos = place
    parts.append(text[pos:])
    at.extend(range(pos + len(places), len(text) + len(places) + 1))
    return Rewrite("".join(parts), tuple(at))


def _thousands(text: str) -> Rewrite:
    """Amounts of four or more integer digits with thousands separators (33832.24万元 → 33,832.24万元)."""
    places = [
        m.start() + i for m in _AMOUNT.finditer(text) for i in range(len(m.group(1)) % 3 or 3, len(m.group(1)), 3)
    ]
    return _inserted(text, places, ",")


def _spaced_units(text: str) -> Rewrite:
    """A space between an amount or a rate and its unit (1372.23 万元, 100 %), as PDF text writes it."""
    return _inserted(text, [m.start() for m in _UNIT_AFTER.finditer(text)], " ")


WRITINGS: dict[str, Callable[[str], Rewrite]] = {
    "full_width": _full_width,
    "thousands": _thousands,
    "spaced_units": _spaced_units,
}


def rewritten(sample: LabeledSample, writing: str, folder: Path) -> LabeledSample:
    """`sample` written the `writing` way, saved in `folder`, its labels located in the new text."""
    text = sample.sample_path.read_text(encoding="utf-8")
    new = WRITINGS[writing](text)
    path = folder / f"{sample.name}.{writing}.txt"
    path.write_text(new.text, encoding="utf-8")
    labels = sample.labels.model_copy(
        update={
            "sample": str(path),
            "findings": tuple(_finding(f, text, new) for f in sample.labels.findings),
            "consistent": tuple(_relation(r, text, new) for r in sample.labels.consistent),
        }
    )
    return LabeledSample(sample.name, sample.labels_path, path, DocLabels.model_validate(labels), None)


def _moved(quote: str, text: str, new: Rewrite, occurrence: int = 0, after: int = 0) -> tuple[str, int, int]:
    """The quote as the rewritten text reads it at the same place, and where it starts and ends in
    the source (a quote not found is kept as written, at `after`; the eval then names it)."""
    span = locate(text[after:], quote, occurrence)
    if span is None:
        return quote, after, after
    a, b = span[0] + after, span[1] + after
    return new.span(a, b), a, b


def _finding(f: GoldFinding, text: str, new: Rewrite) -> GoldFinding:
    return f.model_copy(update={"quote": _moved(f.quote, text, new, f.occurrence)[0]})


def _relation(r: CleanRelation, text: str, new: Rewrite) -> CleanRelation:
    quote, start, end = _moved(r.quote, text, new, r.occurrence)
    update: dict[str, object] = {"quote": quote}
    if r.items is not None:  # each searched from the end of the quote on, as the seeder does
        update["items"] = tuple(_moved(i, text, new, after=end)[0] for i in r.items)
    if r.values is not None:  # parts of the quote
        update["values"] = tuple(_moved(v, text, new, after=start)[0] for v in r.values)
    return r.model_copy(update=update)


def written_forms(
    dev: list[LabeledSample], plain: SplitResult, evaluate: Callable[[list[LabeledSample]], SplitResult]
) -> dict[str, WrittenForm]:
    """Each writing of the dev samples, reviewed and seeded as the plain ones are; `lost` are the
    seeded errors the plain text's review detects and the rewritten one's misses."""
    if plain.seeded is None or not dev:
        return {}
    plain_missed = {r.id for r in plain.seeded.misses} | {r.id for r in plain.seeded.skipped}
    detected = plain.seeded.overall.detected
    out = {}
    with tempfile.TemporaryDirectory(prefix="written-") as tmp:
        for name in WRITINGS:
            folder = Path(tmp) / name
            folder.mkdir()
            result = evaluate([rewritten(s, name, folder) for s in dev])
            assert result.seeded is not None  # evaluated with seeded errors, as the plain split
            lost = sorted({r.id for r in result.seeded.misses} - plain_missed)
            out[name] = WrittenForm(
                samples=len(dev),
                injected=result.seeded.overall.injected,
                detected=result.seeded.overall.detected,
                lost=lost,
                kept=ratio(detected - len(lost), detected),
                found=result.findings.overall.found,
                plain_found=plain.findings.overall.found,
                high_on_clean=result.clean_reports.high_findings,
            )
    return out
