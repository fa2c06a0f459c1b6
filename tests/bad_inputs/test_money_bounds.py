"""Bounded work on any input: amounts and rates beyond what a co-op can hold are refused at once.

The money policy reads at most MAX_INTEGER_DIGITS (15) digits before the point, MAX_DECIMALS (30)
after it, and text of at most MAX_TEXT (64) characters; beyond, the refusal comes before any
costly arithmetic (Rate.of("1e9999999%") took 20 s to refuse on main at d288503: the Fraction of
a ten-million-digit number). These tests assert the refusal, its field and its value;
benchmarks/bench_bad_input.py records how long it takes.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from cooprules.errors import InvalidAmount, InvalidRate
from cooprules.money import (
    MAX_DECIMALS,
    MAX_INTEGER_DIGITS,
    MAX_TEXT,
    Rate,
    money,
    to_decimal,
    to_fraction,
)
from cooprules.report import figure_of

HUGE = "1" * 10_000_000  # a 10 MB amount

TOO_BIG_AMOUNTS = [
    ("1e70", "more than 15 digits before the point"),
    ("1E+16", "more than 15 digits before the point"),
    ("1000000000000000", "more than 15 digits before the point"),
    ("-1000000000000000.00", "more than 15 digits before the point"),
    ("1e9999999", "more than 15 digits before the point"),
    ("1e-9999999", "more than 30 digits after the point"),
    ("0." + "0" * 30 + "1", "more than 30 digits after the point"),
    (HUGE, "text of at most 64 characters"),
    ("  " + "0" * 70, "text of at most 64 characters"),
    (10**15, "more than 15 digits before the point"),
    (-(10**15), "more than 15 digits before the point"),
    (10**5000, "more than 15 digits before the point"),
    (Decimal("1e70"), "more than 15 digits before the point"),
    (Decimal("1e-31"), "more than 30 digits after the point"),
]


@pytest.mark.parametrize(
    ("value", "reason"),
    TOO_BIG_AMOUNTS,
    ids=[f"{type(v).__name__}-{i}" for i, (v, _) in enumerate(TOO_BIG_AMOUNTS)],
)
def test_an_amount_beyond_a_coop_is_refused(value, reason):
    with pytest.raises(InvalidAmount) as info:
        money(value, "EUR", field="accounts.surplus")
    assert info.value.field == "accounts.surplus"
    assert info.value.value is value
    assert reason in info.value.reason
    assert len(str(info.value)) < 400  # the message shows the value cut, the error keeps it


@pytest.mark.parametrize(
    "value", ["999999999999999.99", "-999999999999999", 10**15 - 1, "0." + "0" * 29 + "1", "1e3"]
)
def test_the_largest_amounts_a_coop_can_hold_are_read(value):
    assert to_decimal(value) == Decimal(value)


TOO_BIG_RATES = [
    ("1e9999999%", "more than 15 digits before the point"),
    ("1e16", "more than 15 digits before the point"),
    ("1e-9999999", "more than 30 digits after the point"),
    ("1/" + "3" * 5000, "text of at most 64 characters"),
    ("3" * 5000 + "/1", "text of at most 64 characters"),
    (HUGE + "%", "text of at most 64 characters"),
    (Decimal("1e9999999"), "more than 15 digits before the point"),
]


@pytest.mark.parametrize(
    ("value", "reason"),
    TOO_BIG_RATES,
    ids=[f"{type(v).__name__}-{i}" for i, (v, _) in enumerate(TOO_BIG_RATES)],
)
def test_a_rate_beyond_a_coop_is_refused_before_its_fraction(value, reason):
    with pytest.raises(InvalidRate) as info:
        Rate.of(value, field="levies.rate", maximum=None)
    assert (info.value.field, info.value.value) == ("levies.rate", value)
    assert reason in info.value.reason
    with pytest.raises(InvalidRate) as info:
        to_fraction(value, field="weights[ana]")
    assert (info.value.field, info.value.value) == ("weights[ana]", value)


def test_a_rate_of_the_readable_bounds_is_read_and_written_back():
    largest = Rate.of("99999999999999.99%", maximum=None)
    assert largest.value == Fraction(9999999999999999, 10000)
    assert Rate.of(str(largest), maximum=None) == largest
    tiny = Rate(Fraction(1, 2**100))  # 100 decimals: written as a ratio, which reads back
    assert str(tiny) == f"1/{2**100}"
    assert Rate.of(str(tiny)) == tiny


@pytest.mark.parametrize(
    "value", ["1" * 16 + "%", "9" * 70 + "%", "9" * 70, "1" * 16, "0." + "0" * 31 + "1"]
)
def test_figure_of_refuses_scenario_figures_beyond_a_coop(value):
    error = InvalidRate if value.endswith("%") else InvalidAmount
    with pytest.raises(error) as info:
        figure_of(value, "EUR", field="distribution.options.interest_rate")
    assert (info.value.field, info.value.value) == ("distribution.options.interest_rate", value)


def test_the_bounds_are_what_the_docs_say():
    assert (MAX_INTEGER_DIGITS, MAX_DECIMALS, MAX_TEXT) == (15, 30, 64)
