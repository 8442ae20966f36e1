"""Parse the numbers Chinese reports write: Arabic (half/full width, thousands separators),
Chinese numerals (cn2an, normal mode, pure numeral spans only), with unit, written precision
and qualifier. Dates and years are recognised first so that 2021年9月8日 is never a quantity.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

from review.core.intervals import Interval

# Full-width digits, decimal point and percent sign, and their ASCII forms, one for one.
WIDE_DIGITS, ASCII_DIGITS = "０１２３４５６７８９．％", "0123456789.%"
_FULLWIDTH = str.maketrans(WIDE_DIGITS + "：", ASCII_DIGITS + ":")

# A bare 万 after an amount (安排资金19204.096万) is 万元 in these reports; longer units such as
# 万亩/万人/万平方米 are matched first.
MONEY_SCALE = {
    "亿元": Decimal(10) ** 8,
    "万元": Decimal(10) ** 4,
    "千元": Decimal(1000),
    "元": Decimal(1),
    "万": Decimal(10) ** 4,
}
PERCENT_UNITS = ("%", "个百分点")
# Things counted one by one: an amount of them is a whole number (exact), and a count unit.
COUNTED_THINGS = (
    "个",
    "人",
    "名",
    "户",
    "项",
    "次",
    "件",
    "起",
    "处",
    "辆",
    "份",
    "场",
    "批",
    "期",
    "类",
    "家",
    "所",
    "台",
    "套",
    "条",
    "座",
    "段",
    "宗",
    "间",
    "张",
    "篇",
    "本",
    "村",
    "头",
    "只",
    "匹",
    "羽",
)
COUNT_UNITS = (
    "人次",
    "户次",
    "万人次",
    "万人",
    "万亩",
    "万平方米",
    "万立方米",
    "万吨",
    "万册",
    "万株",
    "万头",
    "万只",
    "平方米",
    "立方米",
    "平方公里",
    "平方千米",
    "公里",
    "公顷",
    # Latin units as written in engineering figures: 3.75km, 1429.39hm (hm², the ² lost in extraction)
    "km²",
    "km2",
    "km",
    "hm²",
    "hm2",
    "hm",
    "千米",
    "小时",
    *COUNTED_THINGS,
    "吨",
    "亩",
    "米",
    "天",
    "年",
    "月",
    "分",
    "元",
)
EXACT_INTEGER_UNITS = frozenset({"分", "", "人次", "户次", *COUNTED_THINGS})
_UNITS = sorted([*MONEY_SCALE, *PERCENT_UNITS, *COUNT_UNITS], key=len, reverse=True)
_UNIT_RE = "|".join(re.escape(u) for u in _UNITS)

_PRE_QUAL = r"(?P<pre>约|近|超过|超|逾|≥|≤|>|<|大于|小于|不低于|不少于|不超过|高于|低于)?"
_NUMBER = r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?"
# A minus sign written against the digits after a name or in a cell (省直达-13.27万元, | -13.27 |): a negative
# amount, as adjustment rows (调减, 收回) state it. Not after a digit, % or bracket, where it joins a range.
_SIGN = r"(?:(?<=[\u4e00-\u9fff|\s])(?P<sign>[-－−]))?"
_QUANTITY_RE = re.compile(
    _PRE_QUAL
    + _SIGN
    + r"(?<![\d.])"
    + _NUMBER
    + r"(?![\d.])(?:[ \u3000]*(?P<mid>余|多)?[ \u3000]*(?P<unit>"
    + _UNIT_RE
    + r"))?(?P<post>以上|以下|以内|左右)?"
)
# A document number whose closing bracket and 号 the page dropped, run into the amount after it (财建〔20202185000万元
# is 财建〔2020〕218号 and 5000万元; 湘财预〔20201275000万元): its digits split more than one way, so no amount is read.
_GLUED_DOCUMENT_RE = re.compile(r"(?<=[〔［\[])\s*(?:19|20)\d{2}\d+(?:\.\d+)?(?=\s*[万亿千]?元)")
_RANGE_RE = re.compile(r"\d(?:\.\d+)?\s*[%％]?\s*[-－—~～至到]\s*\d")
_DATE_RE = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d{2})\s*年(?:度)?(?:\s*(?P<month>1[0-2]|0?[1-9])\s*月(?:\s*(?P<day>3[01]|[12]\d|0?[1-9])\s*日)?)?"
)
_CN_DIGITS = "零〇一二两三四五六七八九十百千万亿"
_CN_QUANTITY_RE = re.compile(
    r"(?P<pre>共计|共|合计|总计|累计|达到|达|约|有|计)(?P<num>[" + _CN_DIGITS + r"]{1,6})(?P<mid>余|多)?"
    r"(?P<unit>个|项|次|人|名|户|件|起|处|场|批|家|所|类)"
)

LOWER_BOUND = {"余", "多", "超过", "逾", "≥", ">", "大于", "不低于", "不少于", "高于", "以上"}
UPPER_BOUND = {"近", "≤", "<", "小于", "不超过", "低于", "以下", "以内"}
APPROXIMATE = {"约", "左右"}


@dataclass(frozen=True)
class ParsedNumber:
    """A number as written: `text` is verbatim `source[start:end]`; `value` is in `unit`."""

    start: int
    end: int
    text: str
    value: Decimal
    unit: str
    decimals: int
    qualifier: str | None = None

    @property
    def family(self) -> str:
        return unit_family(self.unit)

    @property
    def scale(self) -> Decimal:
        return MONEY_SCALE.get(self.unit, Decimal(1))

    @property
    def exact(self) -> bool:
        """True when the number is stated exactly (no 余/约/以上 …), so it can feed arithmetic."""
        return self.qualifier is None

    def interval(self) -> Interval:
        """The interval in base units (元 for money) implied by the written precision.

        Whole numbers of counted things and of points (分) are exact: 5个 is not 4.5 to 5.5.
        """
        if self.decimals == 0 and self.unit in EXACT_INTEGER_UNITS:
            return Interval.exact(self.value)
        return Interval.stated(self.value, self.decimals).scale(self.scale)

    @property
    def base_value(self) -> Decimal:
        return self.value * self.scale


@dataclass(frozen=True)
class DateMention:
    """A year, year-month or full date: 2022年, 2022年度, 2021年9月8日."""

    start: int
    end: int
    text: str
    year: int
    month: int | None
    day: int | None


def unit_family(unit: str) -> str:
    """Units that can be added or compared: money, percent, or the unit itself."""
    if unit in MONEY_SCALE:
        return "money"
    if unit == "%":
        return "percent"
    return unit


def normalize(text: str) -> str:
    """Full-width digits and signs to ASCII, character for character (offsets are unchanged)."""
    return text.translate(_FULLWIDTH)


def find_dates(text: str) -> list[DateMention]:
    norm = normalize(text)
    out = []
    for m in _DATE_RE.finditer(norm):
        month = int(m["month"]) if m["month"] else None
        day = int(m["day"]) if m["day"] else None
        out.append(DateMention(m.start(), m.end(), text[m.start() : m.end()], int(m["year"]), month, day))
    return out


def _qualifier(m: re.Match[str]) -> str | None:
    for key in ("pre", "mid", "post"):
        if m[key]:
            return m[key]
    return None


def find_numbers(text: str, *, with_bare: bool = False) -> list[ParsedNumber]:
    """Every quantity in `text`, in order. Bare numbers (no unit) only when `with_bare`."""
    norm = normalize(text)
    taken = sorted(
        [(d.start, d.end) for d in find_dates(text)]
        + [(m.start(), m.end()) for m in _RANGE_RE.finditer(norm)]
        + _glued_spans(norm)
    )
    starts = [a for a, _ in taken]
    out: list[ParsedNumber] = []
    for m in _QUANTITY_RE.finditer(norm):
        start, end = m.start("int"), m.end()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and taken[i][0] <= start < taken[i][1]:
            continue
        unit = m["unit"] or ""
        if not unit and not with_bare:
            continue
        if unit in ("年", "月") and not m["mid"]:
            continue  # durations like 3年 are rare in checks; months are usually dates
        if m["sign"]:
            start = m.start("sign")
        if m["pre"]:
            start = m.start("pre")
        digits = m["int"].replace(",", "")
        frac = m["frac"] or ""
        value = Decimal(f"{digits}.{frac}" if frac else digits)
        if m["sign"]:
            value = -value
        end = m.end()
        out.append(ParsedNumber(start, end, text[start:end], value, unit, len(frac), _qualifier(m)))
    out.extend(_chinese_numbers(text))
    out.sort(key=lambda n: n.start)
    return out


def glued_document_numbers(text: str) -> list[tuple[int, int]]:
    """Spans of digit runs that open a document number's bracket and end at an amount's unit (财建〔20202185000万元):
    a document number and an amount written together, no number of which can be read."""
    return _glued_spans(normalize(text))


def _glued_spans(norm: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _GLUED_DOCUMENT_RE.finditer(norm)]


def _chinese_numbers(text: str) -> list[ParsedNumber]:
    out = []
    for m in _CN_QUANTITY_RE.finditer(text):
        try:
            value = Decimal(str(cn2an.cn2an(m["num"], "normal")))
        except ValueError:
            continue
        start = m.start("num")
        qual = m["mid"] or (m["pre"] if m["pre"] in ("约",) else None)
        out.append(ParsedNumber(start, m.end(), text[start : m.end()], value, m["unit"], 0, qual))
    return out


def parse_quantity(quote: str) -> ParsedNumber | None:
    """Re-parse one quote (as a model would return it) into its single number, or None."""
    found = find_numbers(quote, with_bare=True)
    return found[0] if len(found) == 1 else None


def chinese_numeral(text: str) -> int | None:
    """A pure Chinese numeral such as 六 or 三十 as int (cn2an normal mode), else None."""
    if not text or any(ch not in _CN_DIGITS for ch in text):
        return None
    try:
        return int(cn2an.cn2an(text, "normal"))
    except ValueError:
        return None
