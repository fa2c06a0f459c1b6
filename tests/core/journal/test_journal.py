"""Journal entries: balanced to the cent, in one currency, from whole minor units."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from cooprules import strategies as cst
from cooprules.errors import CurrencyMismatch, InvalidInput, UnbalancedEntry
from cooprules.explain import Explanation, Step, Text
from cooprules.journal import JournalEntry, Posting
from cooprules.money import allocate, from_minor_units, money, to_minor_units

DAY = date(2026, 6, 30)


def eur(text: str) -> Money:
    return money(text, "EUR")


def test_a_balanced_entry_is_accepted():
    explanation = Explanation([Step(what=Text(en="Legal reserve", fr="Réserve légale"))])
    entry = JournalEntry(
        date=DAY,
        narration="Legal reserve, 2025 surplus",
        postings=[
            Posting("120 Result carried forward", eur("1500.00")),
            Posting("1061 Legal reserve", eur("-1000.00")),
            Posting("1068 Other reserves", eur("-500.00"), member="m-1", activity="act-7"),
        ],
        source="surplus:2025",
        explanation=explanation,
    )
    assert entry.currency.code == "EUR"
    assert isinstance(entry.postings, tuple)
    assert entry.postings[2].member == "m-1"
    assert entry.postings[2].activity == "act-7"
    assert entry.source == "surplus:2025"
    assert entry.explanation is explanation
    assert JournalEntry(DAY, "x", [Posting("a", eur("1")), Posting("b", eur("-1"))]).source == ""


def test_an_unbalanced_entry_names_the_difference():
    with pytest.raises(UnbalancedEntry) as caught:
        JournalEntry(
            date=DAY,
            narration="Levy",
            postings=(Posting("411 Member", eur("120.00")), Posting("706 Levy", eur("-119.99"))),
        )
    assert caught.value.field == "entry.postings"
    assert caught.value.value == "0.01 EUR"
    assert "'Levy'" in caught.value.reason
    assert "0.01 EUR" in str(caught.value)


def test_mixed_currencies_are_refused():
    with pytest.raises(CurrencyMismatch) as caught:
        JournalEntry(
            date=DAY,
            narration="Levy",
            postings=(Posting("411 Member", eur("1.00")), Posting("706", money("-1.00", "CAD"))),
        )
    assert caught.value.field == "entry.postings[1]"
    assert caught.value.value == "CAD"


@pytest.mark.parametrize("count", [0, 1])
def test_an_entry_needs_two_postings(count):
    postings = [Posting("411 Member", eur("0.00"))] * count
    with pytest.raises(UnbalancedEntry) as caught:
        JournalEntry(date=DAY, narration="Levy", postings=postings)
    assert caught.value.value == count
    assert "two postings" in caught.value.reason


def test_a_sub_cent_posting_is_refused():
    with pytest.raises(UnbalancedEntry) as caught:
        Posting("706 Levy", eur("0.005"))
    assert caught.value.field == "posting[706 Levy].amount"
    assert caught.value.value == "0.005 EUR"
    assert "quantize" in caught.value.reason
    assert Posting("706 Levy", eur("0.050")).amount == eur("0.05")  # trailing zeros are whole cents


def test_a_posting_needs_an_account_and_money():
    with pytest.raises(InvalidInput) as caught:
        Posting("  ", eur("1.00"))
    assert caught.value.field == "posting.account"
    with pytest.raises(TypeError):
        Posting("706 Levy", "1.00")  # type: ignore[arg-type]


@given(cst.monies(min_units=-(10**9), max_units=10**9), cst.weights(max_size=8))
def test_an_allocation_always_books_as_a_balanced_entry(amount, weights):
    """The parts of any allocation, credited against the total, balance to the cent."""
    parts = allocate(amount, weights)
    postings = [Posting("120 Result", amount)] + [
        Posting(f"46{index} Member", Money(-part.amount, part.currency))
        for index, part in enumerate(parts)
    ]
    entry = JournalEntry(date=DAY, narration="Ristourne", postings=postings)
    assert entry.currency == amount.currency
    assert sum(to_minor_units(p.amount) for p in entry.postings) == 0


@given(
    cst.monies(min_units=1, max_units=10**9),
    st.integers(-(10**6), 10**6).filter(bool),
)
def test_any_imbalance_is_refused_and_reported(amount, error_units):
    off = from_minor_units(error_units - to_minor_units(amount), amount.currency)
    with pytest.raises(UnbalancedEntry) as caught:
        JournalEntry(date=DAY, narration="x", postings=[Posting("a", amount), Posting("b", off)])
    number, code = caught.value.value.split(" ")
    assert code == amount.currency.code
    assert to_minor_units(money(number, code)) == error_units
