"""Interval arithmetic for stated numbers (XBRL Calculations 1.1 semantics).

A number written with d decimals stands for [v - ½·10^-d, v + ½·10^-d]. Sums and ratios are
computed on intervals; two statements disagree only when their intervals do not meet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @classmethod
    def stated(cls, value: Decimal, decimals: int) -> Interval:
        half = Decimal(5) * Decimal(10) ** (-decimals - 1)
        return cls(value - half, value + half)

    @classmethod
    def exact(cls, value: Decimal) -> Interval:
        return cls(value, value)

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def scale(self, factor: Decimal) -> Interval:
        a, b = self.lo * factor, self.hi * factor
        return Interval(min(a, b), max(a, b))

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient of two intervals; the divisor must not contain zero."""
        if other.lo <= 0 <= other.hi:
            raise ZeroDivisionError("divisor interval contains zero")
        candidates = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(candidates), max(candidates))

    def clamp_max(self, cap: Decimal) -> Interval:
        return Interval(min(self.lo, cap), min(self.hi, cap))

    def meets(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def restates(self, other: Interval) -> bool:
        """Both can be the 四舍五入 rounding of one value: a written value stands for the half-open
        [v − ½·10^−d, v + ½·10^−d), so 5万元 and 6万元 (touching at 5.5) cannot be one amount
        written twice, while 5万元 and 5.4万元 can. An exact value must lie inside the other."""
        if self.lo == self.hi or other.lo == other.hi:
            return self.meets(other)
        return self.lo < other.hi and other.lo < self.hi

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def show(self, places: int = 4) -> str:
        q = Decimal(10) ** -places
        lo, hi = self.lo.quantize(q).normalize(), self.hi.quantize(q).normalize()
        return f"[{lo:f}, {hi:f}]" if lo != hi else f"{lo:f}"


def total(intervals: list[Interval]) -> Interval:
    acc = Interval.exact(Decimal(0))
    for item in intervals:
        acc = acc + item
    return acc
