"""Day counts: periods as exact fractions of a year, capital x time, interest pro rata temporis.

The register counts exact integers (days, and days x minor units:
[`capital_days()`][cooprules.capital.register.capital_days]); a
[`DayCount`][cooprules.capital.daycount.DayCount] convention, which the statutes must state, turns
them into years. Interest on shares pro rata temporis
([`accrued_interest()`][cooprules.capital.daycount.accrued_interest]) is computed exactly on each
member's daily paid-up balances and rounded once.
"""

from __future__ import annotations

import calendar
import enum
from datetime import date
from fractions import Fraction

from moneyed import Money

from cooprules.capital.register import ShareRegister, _capital_days_kept, capital_days
from cooprules.errors import InvalidInput
from cooprules.money import Rate, Rounding, exponent, money_from_fraction
from cooprules.periods import Period, check_date

__all__ = ["DayCount", "accrued_interest", "capital_years", "year_fraction"]


class DayCount(enum.Enum):
    """How days become a fraction of a year (the convention must be stated by the statutes).

    The reference sets no convention for interest on shares. ``ACTUAL_ACTUAL``, the default,
    counts each day over the days of its year, 365 or 366, so a holder of every day of a year gets
    the annual rate, never 366/365 of it. Its years are the financial years when their first day
    is given (``year_start``), else calendar years (Actual/Actual ISDA): a financial year from
    1 July 2023 to 30 June 2024 has 366 days, and a holder of all of it gets the annual rate
    only when its years are counted from 1 July. ``ACTUAL_365`` (common in French and Belgian
    practice for *prorata temporis*) and ``ACTUAL_360`` are there for statutes that choose them:
    under a legal cap they may pay more than the annual rate in a leap year, which the cap's
    check then reports (see `cooprules.capital.interest`).
    """

    ACTUAL_365 = "actual/365"
    """Days / 365, leap years included (Actual/365 Fixed)."""
    ACTUAL_ACTUAL = "actual/actual"
    """Each day over the number of days of its year, 365 or 366: the financial year when its start
    is given, else the calendar year (Actual/Actual ISDA)."""
    ACTUAL_360 = "actual/360"
    """Days / 360."""


def _anniversary(anchor: date, year: int) -> date:
    """The anchor's month and day in ``year`` (29 February becomes 28 in a common year)."""
    day = anchor.day
    if anchor.month == 2 and day == 29 and not calendar.isleap(year):  # noqa: PLR2004 - Feb 29
        day = 28
    return date(year, anchor.month, day)


def _year_pieces(
    period: Period, day_count: DayCount, year_start: date | None = None
) -> list[tuple[Period, int]]:
    """Split ``period`` into pieces with their denominator (one piece unless ACTUAL_ACTUAL).

    Under ACTUAL_ACTUAL the years run from ``year_start``'s day and month (else 1 January).
    """
    if day_count is DayCount.ACTUAL_365:
        return [(period, 365)]
    if day_count is DayCount.ACTUAL_360:
        return [(period, 360)]
    anchor = year_start or date(2000, 1, 1)
    pieces: list[tuple[Period, int]] = []
    start = period.start
    while start < period.end:
        opening = _anniversary(anchor, start.year)
        if opening > start:
            opening = _anniversary(anchor, start.year - 1)
        next_year = _anniversary(anchor, opening.year + 1)
        end = min(next_year, period.end)
        pieces.append((Period(start, end), (next_year - opening).days))
        start = end
    return pieces


def _check(day_count: object, year_start: object) -> None:
    if not isinstance(day_count, DayCount):
        raise InvalidInput("day_count", day_count, "expected a DayCount")
    if year_start is not None:
        check_date(year_start, field="year_start")


def year_fraction(
    period: Period,
    day_count: DayCount = DayCount.ACTUAL_ACTUAL,
    *,
    year_start: date | None = None,
) -> Fraction:
    """The length of ``period`` in years under ``day_count``, exactly.

    ``year_start``, the first day of a financial year, makes ACTUAL_ACTUAL count financial years
    (from that day and month) instead of calendar years.

    ```pycon
    >>> year_fraction(Period(date(2024, 1, 1), date(2025, 1, 1)))  # actual/actual by default
    Fraction(1, 1)
    >>> year_fraction(Period(date(2024, 1, 1), date(2025, 1, 1)), DayCount.ACTUAL_365)
    Fraction(366, 365)
    >>> july = Period(date(2023, 7, 1), date(2024, 7, 1))  # 366 days, 29 February 2024 in it
    >>> year_fraction(july), year_fraction(july, year_start=july.start)
    (Fraction(66887, 66795), Fraction(1, 1))

    ```
    """
    _check(day_count, year_start)
    return sum(
        (
            Fraction(piece.days, length)
            for piece, length in _year_pieces(period, day_count, year_start)
        ),
        Fraction(0),
    )


def capital_years(
    register: ShareRegister,
    period: Period,
    day_count: DayCount = DayCount.ACTUAL_ACTUAL,
    share_class: str | None = None,
    *,
    year_start: date | None = None,
    held_at_end: bool = False,
) -> dict[str, Fraction]:
    """Each member's paid-up capital x time in ``period``, in minor-unit-years, exactly.

    ``year_start`` as for [`year_fraction()`][cooprules.capital.daycount.year_fraction];
    ``held_at_end`` counts only the capital still held on the period's last day (see
    [`capital_days()`][cooprules.capital.register.capital_days]).
    """
    _check(day_count, year_start)
    result: dict[str, Fraction] = {}
    for piece, length in _year_pieces(period, day_count, year_start):
        table = (
            _capital_days_kept(register, piece, period.end, share_class)
            if held_at_end
            else capital_days(register, piece, share_class)
        )
        for member, units in table.items():
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
    year_start: date | None = None,
    held_at_end: bool = False,
) -> dict[str, Money]:
    """Interest pro rata temporis on each member's paid-up capital at a yearly ``rate``.

    Each member's interest is computed exactly on their daily paid-up balances and rounded once.
    A surplus engine that must split a fixed pool instead allocates it over
    [`capital_days()`][cooprules.capital.register.capital_days]. For a financial year that does not
    start on 1 January, give its first day (``year_start``): ACTUAL_ACTUAL then counts its days over
    the financial year's, so a holder of all of it gets ``rate`` exactly. ``held_at_end``: interest
    only on the capital still held on the period's last day (a statute clause).
    """
    if not isinstance(rate, Rate):
        raise InvalidInput("rate", rate, "expected a Rate")
    scale = 10 ** exponent(register.currency)
    return {
        member: money_from_fraction(
            years * rate.value / scale, register.currency, rounding=rounding
        )
        for member, years in capital_years(
            register,
            period,
            day_count,
            share_class,
            year_start=year_start,
            held_at_end=held_at_end,
        ).items()
    }
