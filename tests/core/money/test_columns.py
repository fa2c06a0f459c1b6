"""The split kept as columns: ties by key without ranking every key, parts read lazily by key.

`allocate()` over a mapping keeps its parts as two columns (the keys, their minor units) and sorts
only the keys tied at the threshold when every key is a ``str`` (or every key an ``int``); these
tests pin that the result is the plain largest-remainder rule with ties to the lowest key, and that
the parts behave as the read-only mapping they were before.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.capital import interest_column, interest_units
from cooprules.money import (
    Allocation,
    Rate,
    Rounding,
    allocate,
    from_minor_units,
    money,
    round_fraction,
    to_minor_units,
)


def oracle(units: int, weights: dict[object, int]) -> dict[object, int]:
    """The largest-remainder split written plainly: ties to the lowest key (keys comparable)."""
    keys = list(weights)
    if units < 0:
        return {k: -v for k, v in oracle(-units, weights).items()}
    total = sum(weights.values())
    parts = {k: units * weights[k] // total for k in keys}
    left = units - sum(parts.values())
    for key in sorted(keys, key=lambda k: (-(units * weights[k] % total), k))[:left]:
        parts[key] += 1
    return parts


many_ties = st.integers(0, 3)  # small weights: many equal remainders


@given(
    st.integers(-(10**6), 10**6),
    st.dictionaries(st.text(max_size=4), many_ties, min_size=1, max_size=40)
    | st.dictionaries(st.integers(-(10**9), 10**9), many_ties, min_size=1, max_size=40),
)
def test_ties_go_to_the_lowest_key_for_str_and_int_keys(units: int, weights: dict[object, int]):
    if not any(weights.values()):
        weights = {**weights, next(iter(weights)): 1}
    parts = allocate(from_minor_units(units, "EUR"), weights)
    assert {k: to_minor_units(v) for k, v in parts.items()} == oracle(units, weights)
    assert list(parts) == list(weights)  # the mapping's order


def test_keys_of_mixed_types_are_still_ranked_by_type_then_repr():
    # An int and str key (not comparable) rank by type name, then repr: "int" < "str".
    parts = allocate(money("0.01", "EUR"), {"a": 1, 10: 1, 9: 1})
    assert {k: to_minor_units(v) for k, v in parts.items()} == {"a": 0, 10: 1, 9: 0}
    # Without the str, 9 < 10 as numbers.
    parts = allocate(money("0.01", "EUR"), {10: 1, 9: 1})
    assert {k: to_minor_units(v) for k, v in parts.items()} == {10: 0, 9: 1}


def test_the_parts_read_as_a_mapping():
    parts = allocate(money("1.00", "EUR"), {"cy": 1, "ana": 1, "bo": 1})
    assert isinstance(parts, Allocation)
    assert list(parts) == ["cy", "ana", "bo"]
    assert len(parts) == 3
    assert parts["ana"] == money("0.34", "EUR")  # the tie to the lowest id
    assert parts == {
        "cy": money("0.33", "EUR"),
        "ana": money("0.34", "EUR"),
        "bo": money("0.33", "EUR"),
    }
    assert dict(parts.units) == {"cy": 33, "ana": 34, "bo": 33}
    assert list(parts.units.values()) == [33, 34, 33]
    assert list(parts.units.items()) == [("cy", 33), ("ana", 34), ("bo", 33)]
    assert ("ana", 34) in parts.units.items()
    assert ("ana", 33) not in parts.units.items()
    assert "bo" in parts.units
    assert "dee" not in parts.units
    assert ["unhashable"] not in parts.units  # type: ignore[comparison-overlap]
    with pytest.raises(KeyError):
        parts["dee"]
    assert "ana" in repr(parts)


rates = st.fractions(min_value=0, max_value=1, max_denominator=1000).map(Rate)


@given(
    st.dictionaries(st.text(max_size=3), st.integers(0, 10**12), max_size=30),
    rates,
    st.integers(1, 400),
    st.sampled_from(list(Rounding)),
)
def test_the_interest_column_is_each_members_interest(capital_days, rate, days, rounding):
    column = interest_column(capital_days.values(), rate, days, rounding)
    exact = [
        round_fraction(Fraction(v) * rate.value / days, rounding) for v in capital_days.values()
    ]
    assert column == exact
    assert interest_units(capital_days, rate, days, rounding) == dict(
        zip(capital_days, exact, strict=True)
    )


def test_integer_and_decimal_weights_split_alike():
    # The integer fast path and the exact path (a Decimal weight) give the same parts.
    ints = allocate(money("10.00", "EUR"), {"a": 3, "b": 3, "c": 1})
    decimals = allocate(money("10.00", "EUR"), {"a": Decimal(3), "b": 3, "c": 1})
    assert (
        ints
        == decimals
        == {
            "a": money("4.29", "EUR"),
            "b": money("4.28", "EUR"),
            "c": money("1.43", "EUR"),
        }
    )
