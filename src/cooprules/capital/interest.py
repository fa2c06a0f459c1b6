"""Interest on shares from capital-days: one implementation, which every engine calls.

A member's interest on shares at a yearly rate is ``capital-days x rate / days``, where the
capital-days are their paid-up capital in minor units summed over the days they held it
([`cooprules.capital.capital_days()`][cooprules.capital.register.capital_days]) and ``days`` is the
denominator of the statutes' day count (`year_days()`): the financial year's actual days by default
([`DayCount.ACTUAL_ACTUAL`][cooprules.capital.daycount.DayCount.ACTUAL_ACTUAL]), so that a member
who held their shares every day of a 366-day year gets the annual rate, never 366/365 of it.

A cap the law sets ("at most 6 %", *au plus*, the art. 14 rate) bounds each member's interest by
``capital-days x cap / actual days of the year``, always the actual days whatever the statutes'
day count: the cap is an annual rate, so a day count that pays more than the annual rate shows
as an overshoot instead of hiding in its own denominator. The bound is rounded **toward the
bound**, down (`interest_caps()`), and capped interest is rounded down too
(`AT_MOST`): rounding never lifts an amount above what the law allows.

```pycon
>>> from cooprules.money import Rate, Rounding
>>> held_all_2024 = {"ana": 10_000_00 * 366}      # 10,000.00 held every day of 2024
>>> interest_units(held_all_2024, Rate.of("5%"), year_days(DayCount.ACTUAL_ACTUAL, 366))
{'ana': 50000}
>>> interest_units(held_all_2024, Rate.of("5%"), year_days(DayCount.ACTUAL_365, 366))
{'ana': 50137}
>>> interest_caps(held_all_2024, Rate.of("5%"), 366)
{'ana': 50000}

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from typing import Final

from cooprules.capital.daycount import DayCount
from cooprules.errors import InvalidInput
from cooprules.money import Rate, Rounding, round_fraction

__all__ = [
    "AT_MOST",
    "above_caps",
    "interest_caps",
    "interest_column",
    "interest_units",
    "split_within",
    "year_days",
]

AT_MOST: Final = Rounding.FLOOR
"""The rounding of an amount the law bounds from above: toward the bound, down."""

_FIXED: Final = {DayCount.ACTUAL_365: 365, DayCount.ACTUAL_360: 360}


def year_days(day_count: DayCount, actual_days: int) -> int:
    """The denominator of ``day_count`` in a financial year of ``actual_days`` days.

    ``ACTUAL_ACTUAL`` counts the year's own days (365, 366, or the days of a shorter or longer
    financial year); ``ACTUAL_365`` and ``ACTUAL_360`` their fixed figure.

    Raises:
        InvalidInput: not a DayCount, or ``actual_days`` not a positive int.
    """
    if not isinstance(day_count, DayCount):
        raise InvalidInput("day_count", day_count, "expected a DayCount")
    if type(actual_days) is not int or actual_days <= 0:
        raise InvalidInput("days_in_year", actual_days, "a positive number of days")
    return _FIXED.get(day_count, actual_days)


def _rate(value: Rate | Fraction, field: str) -> Fraction:
    if isinstance(value, Rate):
        return value.value
    if isinstance(value, Fraction):
        return value
    raise InvalidInput(field, value, "expected a Rate")


def interest_units(
    capital_days: Mapping[str, int],
    rate: Rate | Fraction,
    days: int,
    rounding: Rounding = Rounding.HALF_UP,
) -> dict[str, int]:
    """Each member's interest in minor units: ``capital-days x rate / days``, rounded once each.

    Args:
        capital_days: each member's paid-up capital in minor units x days held (exact ints).
        rate: the yearly rate.
        days: the day count's denominator (`year_days()`).
        rounding: how each member's interest is rounded (`AT_MOST` under a cap).

    Raises:
        InvalidInput: a rate that is not a Rate, a non-positive ``days``.
    """
    column = interest_column(capital_days.values(), rate, days, rounding)
    return dict(zip(capital_days, column, strict=True))


def interest_column(
    capital_days: Iterable[int],
    rate: Rate | Fraction,
    days: int,
    rounding: Rounding = Rounding.HALF_UP,
) -> list[int]:
    """[`interest_units()`][cooprules.capital.interest.interest_units] over a column.

    Each member's interest in minor units, in the order of ``capital_days`` (the batch entry point
    the per-member mapping is built on: one rule).

    Raises:
        InvalidInput: a rate that is not a Rate, a non-positive ``days``.
    """
    value = _rate(rate, "rate")
    if type(days) is not int or days <= 0:
        raise InvalidInput("days_in_year", days, "a positive number of days")
    numerator, denominator = value.numerator, value.denominator * days
    if rounding is Rounding.HALF_UP:  # the common case, in integers
        factor, twice = 2 * numerator, 2 * denominator
        return [(factor * v + denominator) // twice for v in capital_days]
    if rounding is Rounding.FLOOR:
        return [v * numerator // denominator for v in capital_days]
    return [round_fraction(Fraction(v * numerator, denominator), rounding) for v in capital_days]


def interest_caps(
    capital_days: Mapping[str, int], cap: Rate | Fraction, actual_days: int
) -> dict[str, int]:
    """Each member's most interest under an annual ``cap``, in minor units, rounded down.

    The bound is ``capital-days x cap / actual_days``: the year's actual days, whatever day count
    the statutes chose, since the law's cap is a rate a year. A cent the exact bound does not
    reach is never allowed (a half-cent tie stays below).

    Raises:
        InvalidInput: a cap that is not a Rate, a non-positive ``actual_days``.
    """
    return interest_units(capital_days, _rate(cap, "cap"), actual_days, AT_MOST)


def above_caps(paid: Mapping[str, int], caps: Mapping[str, int]) -> list[str]:
    """The members (sorted) paid more minor units than their cap (a member with no cap: 0)."""
    return sorted(member for member, units in paid.items() if units > caps.get(member, 0))


def split_within(
    amount: int, capital_days: Mapping[str, int], caps: Mapping[str, int]
) -> dict[str, int]:
    """Split ``amount`` minor units by capital-days, no member above their cap.

    The largest-remainder split of [`cooprules.money.allocate()`][cooprules.money.allocate] (each
    part the floor of its exact share, the units left to the largest remainders, ties to the lowest
    member id), a member at their cap being passed over for the next.

    Raises:
        InvalidInput: the caps together are below ``amount``, or no capital-days.
    """
    total = sum(capital_days.values())
    if amount < 0 or total <= 0 or amount > sum(caps.get(m, 0) for m in capital_days):
        raise InvalidInput("amount", amount, "more than the caps allow, or nobody to pay")
    parts = {m: min(amount * v // total, caps.get(m, 0)) for m, v in capital_days.items()}
    left = amount - sum(parts.values())
    order = sorted(capital_days, key=lambda m: (-(amount * capital_days[m] % total), m))
    while left:
        for member in order:
            if left and parts[member] < caps.get(member, 0):
                parts[member] += 1
                left -= 1
    return parts
