"""Months added in integers: the same dates as ``relativedelta``, the rule the project documents.

[`add_months_unchecked()`][cooprules.periods.add_months_unchecked] replaces ``date +
relativedelta(months=n)`` on the engines' hot paths (the convention's end of every candidate of a
register); it must give the same date for every start and every number of months.
"""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import given
from hypothesis import strategies as st

from cooprules.periods import add_months, add_months_unchecked, months_end


@given(st.dates(date(1, 1, 1), date(9000, 12, 31)), st.integers(-1200, 1200))
def test_months_in_integers_are_relativedeltas_months(start: date, months: int) -> None:
    try:
        expected = start + relativedelta(months=months)
    except ValueError:  # before year 1
        with pytest.raises(ValueError, match="year"):
            add_months_unchecked(start, months)
        return
    assert add_months_unchecked(start, months) == expected
    assert add_months(start, months) == expected
    assert add_months(start, relativedelta(months=months)) == expected


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 2, 29), 12, date(2025, 2, 28)),  # no 29 February in 2025
        (date(2023, 8, 31), 6, date(2024, 2, 29)),  # 2024 is a leap year
        (date(2099, 8, 31), 6, date(2100, 2, 28)),  # 2100 is not (divisible by 100)
        (date(1999, 8, 31), 6, date(2000, 2, 29)),  # 2000 is (divisible by 400)
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2025, 3, 31), -1, date(2025, 2, 28)),
        (date(2025, 9, 15), 18, date(2027, 3, 15)),
    ],
)
def test_month_ends_are_clamped(start: date, months: int, expected: date) -> None:
    assert add_months_unchecked(start, months) == expected


def test_an_eighteen_month_convention_from_the_31st_of_august() -> None:
    # The convention's end (exclusive): 31 Aug 2025 + 18 months has no 31 February, so the
    # period includes 28 Feb 2027 and ends on 1 March (periods.months_end's docstring).
    assert months_end(date(2025, 8, 31), 18) == date(2027, 3, 1)
