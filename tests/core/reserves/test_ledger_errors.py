"""A reserve ledger's bad input: each error names the field, the value, and says what is wrong.

The user finds the record to fix from the error alone (errors.py: "Every message names the field
and the offending value"), so these tests pin ``.field``, ``.value`` and the English text.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cooprules.errors import DuplicateId, InvalidInput, InvalidPeriod
from cooprules.explain import Citation, Text
from cooprules.money import Rate, money
from cooprules.reserves import (
    IncorporationLimit,
    LiquidationRule,
    Movement,
    MovementKind,
    ReserveAccount,
    ReserveLedger,
    ReserveRules,
    UnknownReserve,
    apply,
    check_movements,
)

LAW = Citation("Act", "s. 147", "XX")
RULES = ReserveRules(
    Text(en="demo", fr="démo"), LiquidationRule(LAW, Text(en="a co-op", fr="une coopérative"))
)
RESERVE = ReserveAccount("reserve", Text(en="Reserve", fr="Réserve"), indivisible=True)
FREE = ReserveAccount("free", Text(en="Free reserve", fr="Réserve libre"), indivisible=False)
DAY = date(2025, 6, 30)


def allocation(id_: str, amount: str = "100.00", reserve: str = "reserve") -> Movement:
    return Movement(id_, reserve, MovementKind.ALLOCATION, DAY, money(amount, "EUR"))


LEDGER = ReserveLedger("EUR", [RESERVE, FREE], [allocation("m1")])


def test_two_reserves_with_one_code_name_the_code():
    with pytest.raises(DuplicateId) as info:
        ReserveLedger("EUR", [RESERVE, FREE, RESERVE])
    assert (info.value.field, info.value.value) == ("accounts", "reserve")
    assert str(info.value) == "accounts: two reserves share a code (got 'reserve')"


def test_two_movements_with_one_id_name_the_id():
    with pytest.raises(DuplicateId) as info:
        ReserveLedger("EUR", [RESERVE], [allocation("m1"), allocation("m1", "5.00")])
    assert (info.value.field, info.value.value) == ("movements", "m1")
    assert str(info.value) == "movements: two movements share an id (got 'm1')"


def test_a_movement_that_is_not_a_movement_is_named_by_its_position():
    stray = ("m2", "reserve", "allocation")
    with pytest.raises(InvalidInput) as info:
        ReserveLedger("EUR", [RESERVE], [allocation("m1"), stray])  # type: ignore[list-item]
    assert (info.value.field, info.value.value) == ("movements[1]", stray)
    assert str(info.value).startswith("movements[1]: expected a Movement (got ")


@pytest.mark.parametrize(
    "look_up",
    [
        lambda ledger: ledger.account("legal"),
        lambda ledger: ledger.balance("legal", DAY),
    ],
    ids=["account", "balance"],
)
def test_an_undeclared_reserve_is_named_with_the_declared_ones(look_up):
    with pytest.raises(UnknownReserve) as info:
        look_up(LEDGER)
    assert (info.value.field, info.value.value) == ("reserve", "legal")
    assert str(info.value) == "reserve: declared: ['free', 'reserve'] (got 'legal')"
    assert isinstance(info.value, LookupError)  # a generic ``except LookupError`` catches it


@pytest.mark.parametrize(
    "read",
    [
        lambda ledger, on: ledger.balance("reserve", on),
        lambda ledger, on: ledger.total(on),
        lambda ledger, on: ledger.balances(on),
    ],
    ids=["balance", "total", "balances"],
)
@pytest.mark.parametrize(
    "on", [datetime(2025, 6, 30, 12, tzinfo=UTC), "2025-06-30"], ids=["datetime", "text"]
)
def test_a_balance_on_a_non_date_names_on(read, on):
    with pytest.raises(InvalidPeriod) as info:
        read(LEDGER, on)
    assert (info.value.field, info.value.value) == ("on", on)


def test_the_balances_read_on_a_date_are_the_recorded_ones():
    # The lookups the errors above guard, with good input: end-of-day balances.
    assert LEDGER.account("free") is FREE
    assert LEDGER.balance("reserve", DAY) == money("100.00", "EUR")
    assert LEDGER.total(DAY, indivisible=False) == money("0.00", "EUR")
    assert LEDGER.total(DAY) == money("100.00", "EUR")


@pytest.mark.parametrize("month", [True, False, 0, 13, 6.0, "3", None])
def test_the_fiscal_year_start_month_is_a_month_number(month):
    # A bool is not a month (True == 1 would otherwise pass for January).
    movement = allocation("m2")
    with pytest.raises(InvalidInput) as info:
        apply(LEDGER, movement, RULES, fiscal_year_start_month=month)
    assert (info.value.field, info.value.value) == ("fiscal_year_start_month", month)
    assert "a month number from 1 to 12" in str(info.value)
    with pytest.raises(InvalidInput) as info:
        check_movements(LEDGER, RULES, fiscal_year_start_month=month)
    assert (info.value.field, info.value.value) == ("fiscal_year_start_month", month)


@pytest.mark.parametrize("month", [1, 7, 12])
def test_every_month_number_starts_a_fiscal_year(month):
    assert apply(LEDGER, allocation("m2"), RULES, fiscal_year_start_month=month).balance(
        "reserve", DAY
    ) == money("200.00", "EUR")


@pytest.mark.parametrize("name", ["first_max", "later_max"])
def test_an_incorporation_limit_share_must_be_a_rate(name):
    shares = {"first_max": Rate("1/2"), "later_max": Rate("1/2"), name: "50%"}
    with pytest.raises(InvalidInput) as info:
        IncorporationLimit(citation=LAW, **shares)  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == (f"incorporation.{name}", "50%")
    assert str(info.value) == f"incorporation.{name}: a Rate, or FromLaw(key) (got '50%')"
