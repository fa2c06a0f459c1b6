"""Each refusal of the money module names its field, its value and what is wrong, in words a
user can act on (issue 14: a message no test reads is a message nobody checks)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import moneyed
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidRate, InvalidWeights
from cooprules.money import (
    Rate,
    Rounding,
    allocate,
    decimal_text,
    exponent,
    money,
    round_fraction,
    same_currency,
    to_decimal,
    to_minor_units,
)


def test_a_total_that_is_not_money_is_refused_with_the_way_to_build_one():
    with pytest.raises(InvalidAmount) as caught:
        allocate(Decimal("10.00"), [1, 1])  # type: ignore[arg-type]
    assert caught.value.field == "total"
    assert caught.value.value == Decimal("10.00")
    assert caught.value.reason == "expected a Money; build it with cooprules.money.money"


@pytest.mark.parametrize("weights", ["12", b"12", 12, None])
def test_weights_that_are_neither_a_mapping_nor_a_sequence_are_refused(weights):
    with pytest.raises(InvalidWeights) as caught:
        allocate(money("10.00", "EUR"), weights, field="keys.desks")  # type: ignore[arg-type]
    assert caught.value.field == "keys.desks"
    assert caught.value.value == weights
    assert caught.value.reason == "expected a mapping or a sequence of weights"


def test_a_currency_whose_minor_unit_is_not_decimal_is_refused():
    # The Malagasy ariary was once divided into 5 iraimbilanja; no ISO currency is today, but a
    # made-up currency can be, and minor units in powers of ten are what the library counts in.
    fifths = moneyed.Currency(code="XMG", numeric="999", sub_unit=5, name="made-up fifths")
    with pytest.raises(CurrencyMismatch) as caught:
        exponent(fifths)
    assert caught.value.field == "currency"
    assert caught.value.value == "XMG"
    assert caught.value.reason == "minor unit 1/5 is not decimal"


def test_no_amount_at_all_has_no_currency():
    with pytest.raises(CurrencyMismatch) as caught:
        same_currency(field="levies")
    assert caught.value.field == "levies"
    assert caught.value.value == ()
    assert caught.value.reason == "at least one amount is needed to know the currency"


def test_digits_below_the_minor_unit_are_refused_with_the_remedy():
    amount = moneyed.Money(Decimal("10.005"), "EUR")
    with pytest.raises(InvalidAmount) as caught:
        to_minor_units(amount, field="lines[3].revenue")
    assert caught.value.field == "lines[3].revenue"
    assert caught.value.value == "10.005 EUR"
    assert caught.value.reason == (
        "amount has digits below the currency's minor unit; round it first with quantize()"
    )


def test_a_rate_applied_to_something_that_is_not_money_names_the_amount():
    with pytest.raises(InvalidAmount) as caught:
        Rate.of("10%").apply("120.00")  # type: ignore[arg-type]
    assert caught.value.field == "amount"
    assert caught.value.value == "120.00"
    assert caught.value.reason == "expected a Money; build it with cooprules.money.money"


def test_a_rate_applied_to_an_amount_that_is_not_a_number_names_the_amount():
    with pytest.raises(InvalidAmount) as caught:
        Rate.of("10%").apply(moneyed.Money(Decimal("NaN"), "EUR"))
    assert caught.value.field == "amount"


def test_an_unreadable_maximum_is_named_as_the_maximum():
    with pytest.raises(InvalidRate) as caught:
        Rate.of("5%", field="levy.rate", maximum="ten")
    assert caught.value.field == "levy.rate.maximum"
    assert caught.value.value == "ten"


def test_an_allocation_shows_each_key_with_its_amount():
    shown = repr(allocate(money("10.00", "EUR"), {"ana": 1, "bo": 2}))
    assert shown == "Allocation({'ana': 3.33 EUR, 'bo': 6.67 EUR})"


# --- rounding at, just under and just over one half -------------------------------------------

HALVES = [
    # value, HALF_UP, HALF_DOWN, HALF_EVEN
    (Fraction(5, 2), 3, 2, 2),
    (Fraction(7, 2), 4, 3, 4),
    (Fraction(-5, 2), -3, -2, -2),
    (Fraction(-7, 2), -4, -3, -4),
]


@pytest.mark.parametrize(("value", "up", "down", "even"), HALVES)
def test_a_tie_goes_the_way_its_mode_says(value, up, down, even):
    assert round_fraction(value, Rounding.HALF_UP) == up
    assert round_fraction(value, Rounding.HALF_DOWN) == down
    assert round_fraction(value, Rounding.HALF_EVEN) == even


@given(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=1, max_value=10**6),
    st.sampled_from([Rounding.HALF_UP, Rounding.HALF_DOWN, Rounding.HALF_EVEN]),
)
def test_off_a_tie_every_half_mode_goes_to_the_nearest_integer(whole, tiny, mode):
    # Just under and just over one half: the nearest integer, whatever the tie rule.
    epsilon = Fraction(1, 2 * tiny + 1) / 4
    assert round_fraction(whole + Fraction(1, 2) - epsilon, mode) == whole
    assert round_fraction(whole + Fraction(1, 2) + epsilon, mode) == whole + 1


# --- more refusals, named by their field, value and reason --------------------------------------


def test_a_weight_that_is_no_number_is_named_with_its_key_and_value():
    with pytest.raises(InvalidWeights) as caught:
        allocate(money("10.00", "EUR"), {"ana": 1, "bo": "lots"}, field="keys.desks")
    assert caught.value.field == "keys.desks['bo']"
    assert caught.value.value == "lots"


def test_amounts_in_two_currencies_are_refused_by_default_as_amounts():
    with pytest.raises(CurrencyMismatch) as caught:
        same_currency(money("1.00", "EUR"), money("1.00", "CAD"))
    assert caught.value.field == "amounts"
    assert caught.value.value == "EUR and CAD"
    assert caught.value.reason == "amounts in different currencies cannot be combined"


def test_digits_below_the_minor_unit_name_the_amount_by_default():
    with pytest.raises(InvalidAmount) as caught:
        to_minor_units(moneyed.Money(Decimal("10.005"), "EUR"))
    assert caught.value.field == "amount"


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-inf"])
def test_an_amount_or_a_rate_that_is_not_finite_is_refused_with_the_reason(text):
    with pytest.raises(InvalidAmount) as amount:
        to_decimal(text, field="surplus")
    assert (amount.value.field, amount.value.value) == ("surplus", text)
    assert amount.value.reason == "amount must be finite (NaN and infinity are refused)"
    with pytest.raises(InvalidRate) as rate:
        Rate.of(text, field="levy.rate")
    assert (rate.value.field, rate.value.value) == ("levy.rate", text)
    assert rate.value.reason == "must be finite (NaN and infinity are refused)"


def test_a_tie_goes_to_the_lowest_key_in_its_natural_order_not_its_text():
    # 9 < 10 although "10" < "9": one cent over two equal weights goes to key 9.
    parts = allocate(money("0.01", "EUR"), {10: 1, 9: 1})
    assert (parts[9], parts[10]) == (money("0.01", "EUR"), money("0.00", "EUR"))


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(675, 2), "337.5"),
        (Fraction(3), "3"),
        (Fraction(-1, 8), "-0.125"),
        (Fraction(1, 10**7), "0.0000001"),  # never "1E-7"
        (Fraction(1, 3), None),
    ],
)
def test_an_exact_fraction_is_written_as_its_decimal(value, text):
    assert decimal_text(value) == text


def test_a_fraction_with_a_huge_power_of_two_below_is_still_written_exactly():
    # 1/2**1100 has 1,100 decimals: exact integer arithmetic, never a float (which overflows).
    text = decimal_text(Fraction(1, 2**1100))
    assert text is not None
    assert text.startswith("0.")
    assert len(text) == 1102
    assert Fraction(text) == Fraction(1, 2**1100)
