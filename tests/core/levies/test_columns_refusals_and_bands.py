"""The batch levies' refusals give their reason, a schedule's amounts are named when refused, and
a band applied says what it levies (issue 14.6, the sample after the integer kernel)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import moneyed
import pytest

from cooprules.errors import InvalidAmount, InvalidInput
from cooprules.levies import RoundingPoint, Schedule, levy_columns

YEAR = 2025


def test_rounding_per_line_is_refused_with_the_way_out():
    schedule = Schedule.flat("10%", rounding_point=RoundingPoint.LINE, currency="EUR")
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12], schedule, YEAR)
    assert caught.value.reason == "rounding per line needs each line's base: use levy_years()"


@pytest.mark.parametrize("credit", [1, 5])
def test_a_credit_base_of_even_one_cent_above_zero_is_refused(credit):
    schedule = Schedule.flat("10%", give_back_credit_notes=True, currency="EUR")
    bases = [[100_000, -5_000] + [0] * 10]
    with pytest.raises(InvalidInput) as caught:
        levy_columns(bases, schedule, YEAR, credit_bases=[[0, credit] + [0] * 10])
    assert (caught.value.field, caught.value.value) == ("credit_bases[0][1]", credit)
    assert caught.value.reason == "expected an int of minor units, zero or negative"


def test_a_schedule_amount_below_the_cent_is_named():
    with pytest.raises(InvalidAmount) as caught:
        Schedule.flat(
            "10%", currency="EUR", minimum_per_period=moneyed.Money(Decimal("40.005"), "EUR")
        )
    assert caught.value.field == "schedule.minimum_per_period"


def test_each_band_applied_says_what_it_levies():
    # 30,000.00 EUR over 10 % to 20,000 then 5 %: 2,000.00 + 500.00, in exact cents.
    schedule = Schedule.banded([("0", "10%"), ("20000", "5%")], currency="EUR")
    first, second = schedule.applied(0, 3_000_000)
    assert (first.slice, first.levy) == (moneyed.Money("20000.00", "EUR"), Fraction(2000))
    assert (second.slice, second.levy) == (moneyed.Money("10000.00", "EUR"), Fraction(500))
