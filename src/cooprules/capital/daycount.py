"""Day counts: periods as exact fractions of a year, capital x time, interest pro rata temporis.

The register counts exact integers (days, and days x minor units: :func:`capital_days`); a
:class:`DayCount` convention, which the statutes must state, turns them into years. Interest on
shares pro rata temporis (:func:`accrued_interest`) is computed exactly on each member's daily
paid-up balances and rounded once.
"""

from __future__ import annotations

import enum
from datetime import date
from fractions import Fraction

from moneyed import Money

from cooprules.capital.register import ShareRegister, capital_days
from cooprules.errors import InvalidInput
from cooprules.money import Rate, Rounding, exponent, money_from_fraction
from cooprules.periods import Period

__all__ = ["DayCount", "accrued_interest", "capital_years", "year_fraction"]


class DayCount(enum.Enum):
    """How days become a fraction of a year (the convention must be stated by the statutes).

    The reference sets no convention for interest on shares. ``ACTUAL_ACTUAL``, the default,
    counts a leap year's days over 366, so a holder of every day of a year gets the annual rate,
    never 366/365 of it; ``ACTUAL_365`` (common in French and Belgian practice for *prorata
    temporis*) and ``ACTUAL_360`` are there for statutes that choose them.
    """

    ACTUAL_365 = "actual/365"
    """Days / 365, leap years included (Actual/365 Fixed)."""
    ACTUAL_ACTUAL = "actual/actual"
    """Each day over the number of days of its calendar year, 365 or 366 (Actual/Actual ISDA)."""
    ACTUAL_360 = "actual/360"
    """Days / 360."""


def _year_pieces(period: Period, day_count: DayCount) -> list[tuple[Period, int]]:
    """Split ``period`` into pieces with their denominator (one piece unless ACTUAL_ACTUAL)."""
    if day_count is DayCount.ACTUAL_365:
        return [(period, 365)]
    if day_count is DayCount.ACTUAL_360:
        return [(period, 360)]
    pieces: list[tuple[Period, int]] = []
    start = period.start
    while start < period.end:
        next_year = date(start.year + 1, 1, 1)
        end = min(next_year, period.end)
        length = (next_year - date(start.year, 1, 1)).days
        pieces.append((Period(start, end), length))
        start = end
    return pieces


def year_fraction(period: Period, day_count: DayCount = DayCount.ACTUAL_ACTUAL) -> Fraction:
    """The length of ``period`` in years under ``day_count``, exactly.

    ```pycon
    >>> year_fraction(Period(date(2024, 1, 1), date(2025, 1, 1)))  # actual/actual by default
    Fraction(1, 1)
    >>> year_fraction(Period(date(2024, 1, 1), date(2025, 1, 1)), DayCount.ACTUAL_365)
    Fraction(366, 365)

    ```
    """
    if not isinstance(day_count, DayCount):
        raise InvalidInput("day_count", day_count, "expected a DayCount")
    return sum(
        (Fraction(piece.days, length) for piece, length in _year_pieces(period, day_count)),
        Fraction(0),
    )


def capital_years(
    register: ShareRegister,
    period: Period,
    day_count: DayCount = DayCount.ACTUAL_ACTUAL,
    share_class: str | None = None,
) -> dict[str, Fraction]:
    """Each member's paid-up capital x time in ``period``, in minor-unit-years, exactly."""
    if not isinstance(day_count, DayCount):
        raise InvalidInput("day_count", day_count, "expected a DayCount")
    result: dict[str, Fraction] = {}
    for piece, length in _year_pieces(period, day_count):
        for member, units in capital_days(register, piece, share_class).items():
            result[member] = result.get(member, Fraction(0)) + Fraction(units, length)
    return result


def accrued_interest(
    register: ShareRegister,
    period: Period,
    rate: Rate,
    day_count: DayCount = DayCount.ACTUAL_ACTUAL,
    share_class: str | None = None,
    *,
    rounding: Rounding = Rounding.HALF_UP,
) -> dict[str, Money]:
    """Interest pro rata temporis on each member's paid-up capital at a yearly ``rate``.

    Each member's interest is computed exactly on their daily paid-up balances and rounded once.
    A surplus engine that must split a fixed pool instead allocates it over
    :func:`capital_days`.
    """
    if not isinstance(rate, Rate):
        raise InvalidInput("rate", rate, "expected a Rate")
    scale = 10 ** exponent(register.currency)
    return {
        member: money_from_fraction(
            years * rate.value / scale, register.currency, rounding=rounding
        )
        for member, years in capital_years(register, period, day_count, share_class).items()
    }
