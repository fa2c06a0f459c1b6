"""Interest on shares from capital-days (cooprules.capital.interest), day counts, year-end holdings.

Issue 12 ("Legal fidelity, round 2"), points 1, 2 and 9: a holder of every day of a 366-day year
gets the annual rate, never 366/365 of it; a bound the law states ("at most") is rounded toward
the bound; the statutes may pay interest only on the shares still held at the year's end.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.capital import (
    AT_MOST,
    DayCount,
    Operation,
    OperationKind,
    ShareClass,
    ShareRegister,
    above_caps,
    accrued_interest,
    capital_days,
    interest_caps,
    interest_units,
    split_within,
    year_days,
    year_fraction,
)
from cooprules.errors import InvalidInput
from cooprules.money import Rate, Rounding, money, to_minor_units
from cooprules.periods import Period


def eur(text: str):
    return money(text, "EUR")


YEAR_2024 = Period(date(2024, 1, 1), date(2025, 1, 1))
"""A leap year: 366 days."""


def register(*operations: Operation) -> ShareRegister:
    return ShareRegister("EUR", [ShareClass("A", eur("100.00"))], list(operations))


def subscribe(op: str, day: date, member: str, shares: int) -> Operation:
    return Operation(op, OperationKind.SUBSCRIBE, day, member, "A", shares, eur(f"{shares}00.00"))


def redeem(op: str, day: date, member: str, shares: int) -> Operation:
    return Operation(op, OperationKind.REDEEM, day, member, "A", shares, eur(f"{shares}00.00"))


class TestLeapYear:
    def test_a_holder_of_all_of_2024_gets_the_annual_rate(self):
        # Issue 12, point 1: 10,000.00 held every day of 2024 at 5 % is 500.00, never 366/365 of
        # it (501.37), and the 5 % cap allows exactly 500.00.
        held = {"ana": 10_000_00 * 366}
        assert interest_units(held, Rate.of("5%"), year_days(DayCount.ACTUAL_ACTUAL, 366)) == {
            "ana": 500_00
        }
        assert interest_caps(held, Rate.of("5%"), 366) == {"ana": 500_00}
        # actual/365, which statutes may choose, pays 501.37: above the annual cap
        paid = interest_units(held, Rate.of("5%"), year_days(DayCount.ACTUAL_365, 366))
        assert paid == {"ana": 501_37}
        assert above_caps(paid, interest_caps(held, Rate.of("5%"), 366)) == ["ana"]

    def test_the_register_counts_the_same(self):
        reg = register(subscribe("s", date(2020, 1, 1), "ana", 100))
        assert accrued_interest(reg, YEAR_2024, Rate.of("5%")) == {"ana": eur("500.00")}
        assert accrued_interest(reg, YEAR_2024, Rate.of("5%"), DayCount.ACTUAL_365) == {
            "ana": eur("501.37")
        }

    def test_a_financial_year_from_july_counts_its_own_days(self):
        # 1 July 2023 to 30 June 2024 has 366 days (29 February 2024 in it). Calendar years
        # (ISDA) give 184/365 + 182/366 of a year, more than one; counted from 1 July, exactly 1.
        fy = Period(date(2023, 7, 1), date(2024, 7, 1))
        assert fy.days == 366
        assert year_fraction(fy) == Fraction(184, 365) + Fraction(182, 366)
        assert year_fraction(fy, year_start=fy.start) == 1
        reg = register(subscribe("s", date(2020, 1, 1), "ana", 100))
        assert accrued_interest(reg, fy, Rate.of("5%"), year_start=fy.start) == {
            "ana": eur("500.00")
        }
        assert accrued_interest(reg, fy, Rate.of("5%")) == {"ana": eur("500.69")}  # ISDA

    def test_a_year_starting_on_29_february(self):
        # Its anniversaries in common years fall on 28 February.
        fy = Period(date(2024, 2, 29), date(2025, 2, 28))
        assert year_fraction(fy, year_start=fy.start) == 1

    def test_bad_input(self):
        with pytest.raises(InvalidInput, match="day_count"):
            year_days("actual/365", 365)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="days_in_year"):
            year_days(DayCount.ACTUAL_ACTUAL, 0)
        with pytest.raises(InvalidInput, match="days_in_year"):
            interest_units({"a": 1}, Rate.of("5%"), 365.0)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="rate"):
            interest_units({"a": 1}, 0.05, 365)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="cap"):
            interest_caps({"a": 1}, "5%", 365)  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="year_start"):
            year_fraction(YEAR_2024, year_start="2024-01-01")  # type: ignore[arg-type]
        with pytest.raises(InvalidInput, match="amount"):
            split_within(10, {"a": 1}, {"a": 9})


class TestAtMost:
    def test_a_half_cent_tie_at_the_cap_is_rounded_down(self):
        # Issue 12, point 2: exactly 60.5 cents at the cap (686,250 cent-days x 121/3750 / 366)
        # is 60 cents at most, never 61.
        table = {"ana": 686_250}
        cap = Rate(Fraction(121, 3750))
        assert Fraction(686_250) * cap.value / 366 == Fraction(121, 2)
        assert interest_units(table, cap, 366) == {"ana": 61}  # half-up: a cent over
        assert interest_caps(table, cap, 366) == {"ana": 60}
        assert interest_units(table, cap, 366, AT_MOST) == {"ana": 60}
        assert AT_MOST is Rounding.FLOOR

    def test_split_within_the_caps(self):
        # 5 units by capital-days 1:1:1 with largest remainders, ties to the lowest id: 2, 2, 1;
        # with "a" capped at 1 its unit goes to the next.
        assert split_within(5, {"a": 1, "b": 1, "c": 1}, {"a": 9, "b": 9, "c": 9}) == {
            "a": 2,
            "b": 2,
            "c": 1,
        }
        assert split_within(5, {"a": 1, "b": 1, "c": 1}, {"a": 1, "b": 9, "c": 9}) == {
            "a": 1,
            "b": 2,
            "c": 2,
        }


class TestYearEndHoldings:
    def test_shares_redeemed_during_the_year_earn_nothing(self):
        # 100 shares (10,000.00) all of 2024, 40 redeemed on 1 July: 60 are still held on
        # 31 December. Interest only on those: 6,000.00 x 366 days, 300.00 at 5 %.
        reg = register(
            subscribe("s", date(2020, 1, 1), "ana", 100),
            redeem("r", date(2024, 7, 1), "ana", 40),
            subscribe("t", date(2024, 3, 1), "bo", 10),
            redeem("u", date(2024, 9, 1), "bo", 10),
        )
        assert capital_days(reg, YEAR_2024) == {
            "ana": 10_000_00 * 182 + 6_000_00 * 184,
            "bo": 1_000_00 * 184,
        }
        assert capital_days(reg, YEAR_2024, held_at_end=True) == {
            "ana": 6_000_00 * 366,
            "bo": 0,
        }
        assert accrued_interest(reg, YEAR_2024, Rate.of("5%"), held_at_end=True) == {
            "ana": eur("300.00"),
            "bo": eur("0.00"),
        }

    def test_shares_bought_during_the_year_count_from_their_day(self):
        reg = register(
            subscribe("s", date(2024, 10, 1), "ana", 10),
            subscribe("t", date(2024, 11, 1), "ana", 10),
        )
        assert capital_days(reg, YEAR_2024, held_at_end=True) == capital_days(reg, YEAR_2024)


FISCAL_YEARS = st.builds(
    lambda year, month: Period.of_months(date(year, month, 1), 12),
    st.integers(2020, 2024),
    st.integers(1, 12),
)


@given(cst.share_registers(max_operations=10), FISCAL_YEARS, cst.rates(0, "20%"))
def test_accrued_interest_is_the_engines_interest_and_within_the_cap(reg, fy, rate):
    # The register's accrued interest, counted over the financial year from its first day, is the
    # surplus engine's (capital-days x rate / the year's days), and never above the cap at the
    # same rate, in a year of 365 or 366 days starting in any month.
    table = capital_days(reg, fy)
    exact = accrued_interest(reg, fy, rate, year_start=fy.start, rounding=Rounding.FLOOR)
    assert {m: to_minor_units(v) for m, v in exact.items()} == interest_caps(table, rate, fy.days)
    half_up = interest_units(table, rate, year_days(DayCount.ACTUAL_ACTUAL, fy.days))
    for member, units in interest_caps(table, rate, fy.days).items():
        assert units <= Fraction(table[member]) * rate.value / fy.days < units + 1
        assert abs(half_up[member] - Fraction(table[member]) * rate.value / fy.days) <= Fraction(
            1, 2
        )


@given(cst.share_registers(max_operations=12), FISCAL_YEARS)
def test_year_end_holdings_never_count_more(reg, fy):
    kept = capital_days(reg, fy, held_at_end=True)
    full = capital_days(reg, fy)
    assert kept.keys() == full.keys()
    for member, units in kept.items():
        assert 0 <= units <= full[member]
        # every day counts at most what is held on the last day
        at_end = sum(
            to_minor_units(h.paid_up) for h in reg.holdings(fy.last_day) if h.member == member
        )
        assert units <= at_end * fy.days
