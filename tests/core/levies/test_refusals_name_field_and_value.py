"""Each refusal of the levies engine names the field, the value as given and the reason.

A co-op's back office shows these messages to the person who typed the data (issue 14 point 6):
the field says where to look, the value what was typed, the reason what to change. Every object
is built inside its test, so that the check runs where the test runs.
"""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidInput, InvalidPeriod
from cooprules.levies import (
    Activity,
    ActivityKind,
    Base,
    BasePeriod,
    LevyPolicy,
    Line,
    RoundingPoint,
    Schedule,
    levy_year,
    levy_years,
)
from cooprules.money import money
from cooprules.periods import Period

EUR = "EUR"


def activity(activity_id: str = "a1", currency: str = EUR) -> Activity:
    return Activity(
        activity_id,
        owner="ana",
        kind=ActivityKind.SERVICES,
        start=date(2025, 1, 1),
        currency=currency,
    )


def test_band_starts_that_do_not_increase_name_the_band_and_its_start() -> None:
    with pytest.raises(InvalidInput) as raised:
        Schedule.banded([("0", "10%"), ("1000", "8%"), ("1000", "6%")], currency=EUR)
    error = raised.value
    assert (error.field, error.value) == ("schedule.bands[2].start", "1000.00 EUR")
    assert str(error) == "schedule.bands[2].start: band starts must increase (got '1000.00 EUR')"


def test_a_custom_base_schedule_without_the_function_says_to_pass_it() -> None:
    schedule = Schedule.flat("10%", base=Base.CUSTOM, currency=EUR)
    lines = [Line.month("a1", 2025, 1, revenue="1000.00", currency=EUR)]
    with pytest.raises(InvalidInput) as raised:
        levy_year(activity(), lines, LevyPolicy.single(schedule), 2025)
    error = raised.value
    assert (error.field, error.value) == ("custom_base", None)
    assert str(error) == "custom_base: the schedule's base is CUSTOM: pass custom_base (got None)"


def test_a_custom_base_in_another_currency_names_the_books_currency() -> None:
    schedule = Schedule.flat("10%", base=Base.CUSTOM, currency=EUR)
    lines = [Line.month("a1", 2025, 1, revenue="1000.00", currency=EUR)]
    dollars = money("1.00", "CAD")
    with pytest.raises(CurrencyMismatch) as raised:
        levy_year(
            activity(), lines, LevyPolicy.single(schedule), 2025, custom_base=lambda _l: dollars
        )
    error = raised.value
    assert (error.field, error.value) == ("custom_base", dollars)
    assert error.reason == "expected an amount in EUR"
    assert str(error).startswith("custom_base: expected an amount in EUR (got ")


def test_an_unknown_activity_currency_names_the_activity_field() -> None:
    with pytest.raises(CurrencyMismatch) as raised:
        activity(currency="EURO")
    error = raised.value
    assert (error.field, error.value) == ("activity.currency", "EURO")
    assert str(error) == "activity.currency: unknown ISO 4217 currency code (got 'EURO')"


def test_direct_costs_in_another_currency_name_their_currency() -> None:
    period = Period(date(2025, 1, 1), date(2025, 2, 1))
    with pytest.raises(CurrencyMismatch) as raised:
        Line("a1", period, money("100.00", EUR), money("10.00", "USD"))
    error = raised.value
    assert (error.field, error.value) == ("line.direct_costs", "USD")
    assert str(error) == "line.direct_costs: the revenue is in EUR (got 'USD')"


@pytest.mark.parametrize("month", [0, 13])
def test_a_month_outside_the_year_is_named(month: int) -> None:
    with pytest.raises(InvalidPeriod) as raised:
        Line.month("a1", 2025, month, revenue="1.00", currency=EUR)
    error = raised.value
    assert (error.field, error.value) == ("line.month", month)
    assert str(error) == f"line.month: a month is 1..12 (got {month})"


@pytest.mark.parametrize("field", ["fixed_per_period", "minimum_per_period", "maximum_per_year"])
def test_a_negative_fee_floor_or_cap_is_refused_with_its_amount(field: str) -> None:
    options: dict[str, object] = {field: money("-0.01", EUR)}
    with pytest.raises(InvalidInput) as raised:
        Schedule.flat("10%", currency=EUR, **options)
    error = raised.value
    assert (error.field, error.value) == (f"schedule.{field}", "-0.01 EUR")
    assert str(error) == f"schedule.{field}: must not be negative (got '-0.01 EUR')"


@pytest.mark.parametrize(
    "options",
    [
        {"base_period": BasePeriod.YEAR_TO_DATE},
        {"carry_forward_losses": True},
    ],
)
def test_rounding_per_line_is_refused_where_it_is_not_defined(options: dict[str, object]) -> None:
    with pytest.raises(InvalidInput) as raised:
        Schedule.flat("10%", rounding_point=RoundingPoint.LINE, currency=EUR, **options)
    error = raised.value
    assert (error.field, error.value) == ("schedule.rounding_point", "line")
    assert error.reason == (
        "rounding per line is only defined for a flat rate on each period's base, "
        "without loss carry-forward"
    )


def test_an_activity_given_twice_to_levy_years_is_named_when_reached() -> None:
    schedule = Schedule.flat("10%", currency=EUR)
    items = [(activity("a1"), []), (activity("a2"), []), (activity("a1"), [])]
    stream = levy_years(items, LevyPolicy.single(schedule), 2025)
    assert [year.activity.id for year in (next(stream), next(stream))] == ["a1", "a2"]
    with pytest.raises(DuplicateId) as raised:
        next(stream)
    error = raised.value
    assert (error.field, error.value) == ("activities", "a1")
    assert str(error) == "activities: an activity appears twice (got 'a1')"
