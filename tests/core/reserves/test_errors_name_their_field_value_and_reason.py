"""What the reserve functions tell a caller: each refusal's field, value and reason, exactly.

Also the figures a caller reads back: the liquidation step for a reserve owed to recent members
(its inputs by name), the incorporation limit measured at the close of the financial year before
the movement (a financial year starting in July), a one-year window for recent members.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from moneyed import Money

from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidInput
from cooprules.explain import Citation, Text
from cooprules.money import Rate, money
from cooprules.periods import Period
from cooprules.regime import FromLaw
from cooprules.reserves import (
    IncorporationLimit,
    LiquidationRule,
    Movement,
    MovementKind,
    RefusedMovement,
    ReserveAccount,
    ReserveLedger,
    ReserveRules,
    ToRecentMembers,
    absorb_loss,
    apply,
    liquidate,
    reconcile,
)


def _law() -> Citation:
    return Citation("Act", "s. 16", "XX")


def _rule(recent: ToRecentMembers | None = None) -> LiquidationRule:
    return LiquidationRule(
        _law(), Text(en="another co-op", fr="une autre coopérative"), to_recent_members=recent
    )


def _ledger(*movements: Movement) -> ReserveLedger:
    account = ReserveAccount(
        "legal", Text(en="Legal reserve", fr="Réserve légale"), indivisible=False
    )
    return ReserveLedger("EUR", [account], movements)


def _eur(text: str) -> Money:
    return money(text, "EUR")


# --- absorb_loss -------------------------------------------------------------------------------


def test_a_balance_in_another_currency_than_the_loss_is_named_with_its_currency():
    with pytest.raises(CurrencyMismatch) as info:
        absorb_loss(_eur("-100"), ["legal"], {"legal": money("500", "USD")})
    assert (info.value.field, info.value.value, info.value.reason) == (
        "balances[legal]",
        "USD",
        "the loss is in EUR",
    )


def test_a_balance_below_the_cent_is_refused_naming_the_balance():
    with pytest.raises(InvalidAmount) as info:
        absorb_loss(_eur("-100"), ["legal"], {"legal": Money(Decimal("10.005"), "EUR")})
    assert info.value.field == "balances[legal]"
    assert info.value.value == "10.005 EUR"


# --- reconcile ---------------------------------------------------------------------------------


def test_a_reported_closing_of_zero_that_matches_is_no_finding():
    ledger = _ledger()
    period = Period(date(2025, 1, 1), date(2025, 12, 31))
    assert reconcile(ledger, period, {"legal": _eur("0")}) == ()


def test_a_reported_closing_in_another_currency_is_refused_with_its_reason():
    ledger = _ledger(
        Movement("m1", "legal", MovementKind.ALLOCATION, date(2025, 3, 1), _eur("100"))
    )
    period = Period(date(2025, 1, 1), date(2025, 12, 31))
    with pytest.raises(CurrencyMismatch) as info:
        reconcile(ledger, period, {"legal": money("100", "USD")})
    assert (info.value.field, info.value.value, info.value.reason) == (
        "reported_closing[legal]",
        "USD",
        "another currency",
    )


# --- incorporation limits ----------------------------------------------------------------------


def _incorporation_rules(limit: IncorporationLimit) -> ReserveRules:
    return ReserveRules(Text(en="demo", fr="démo"), _rule(), incorporation=limit)


def test_an_unbound_incorporation_limit_says_to_bind_the_rules_first():
    rules = _incorporation_rules(IncorporationLimit(FromLaw("fr.first"), Rate.of("50%")))
    ledger = _ledger(
        Movement("m1", "legal", MovementKind.ALLOCATION, date(2024, 3, 1), _eur("1000"))
    )
    incorporation = Movement(
        "m2", "legal", MovementKind.INCORPORATION, date(2025, 3, 1), _eur("100")
    )
    with pytest.raises(InvalidInput) as info:
        apply(ledger, incorporation, rules, statutes_allow_incorporation=True)
    assert (info.value.field, info.value.value, info.value.reason) == (
        "rules",
        "incorporation",
        (
            "the incorporation limits are the law's figures: bind the rules to the date first "
            "(bind(regime, statutes, as_of=...).rule_set(ReserveRules))"
        ),
    )


def test_the_first_incorporation_is_measured_at_the_close_of_the_previous_financial_year():
    # The financial year starts in July: on 1 March 2026 the previous year closed on 30 June
    # 2025, when the reserve held 1,000 (the 9,000 allocated in September 2025 come after).
    rules = _incorporation_rules(IncorporationLimit(Rate.of("50%"), Rate.of("50%"), _law()))
    ledger = _ledger(
        Movement("m1", "legal", MovementKind.ALLOCATION, date(2024, 12, 1), _eur("1000")),
        Movement("m2", "legal", MovementKind.ALLOCATION, date(2025, 9, 1), _eur("9000")),
    )
    within = Movement("m3", "legal", MovementKind.INCORPORATION, date(2026, 3, 1), _eur("500"))
    after = apply(
        ledger, within, rules, statutes_allow_incorporation=True, fiscal_year_start_month=7
    )
    assert after.balance("legal", date(2026, 3, 1)) == _eur("9500.00")
    above = Movement("m3", "legal", MovementKind.INCORPORATION, date(2026, 3, 1), _eur("600"))
    with pytest.raises(RefusedMovement) as info:
        apply(ledger, above, rules, statutes_allow_incorporation=True, fiscal_year_start_month=7)
    assert info.value.field == "movements[m3]"
    assert info.value.reason == (
        "reserve 'legal' refuses incorporation: above the limit of 50% of the reserve at the "
        "close of the previous year (500.00 EUR) (Act, s. 16)"
    )


# --- a reserve owed to recent members ---------------------------------------------------------


def _wind_up(recent: ToRecentMembers, held: Money) -> object:
    return liquidate(
        _eur("1000"),
        _eur("0"),
        {"m": _eur("100")},
        "federation",
        rule=_rule(recent),
        reserve_balances={"enhancement": held},
        business_by_year={date(2025, 12, 31): {"a": 3, "b": 1}, date(2024, 12, 31): {"c": 1}},
        vote=date(2026, 3, 1),
    )


def test_one_financial_year_counts_when_the_rule_says_one():
    recent = ToRecentMembers("enhancement", 1, _law())
    assert recent.years == 1
    result = _wind_up(recent, _eur("400"))
    assert result.to_recent_members == {"a": _eur("300.00"), "b": _eur("100.00")}
    step = result.explanation.steps[2]
    assert step.what.en == (
        "Reserve to recent members paid to the members of the last 1 financial years, "
        "pro rata of their business"
    )
    assert dict(step.inputs) == {
        "balance": _eur("400.00"),
        "available": _eur("900.00"),
        "financial years": "2025-12-31",
    }
    assert step.result == _eur("400.00")


def test_a_reserve_to_recent_members_in_another_currency_is_refused_with_its_reason():
    with pytest.raises(CurrencyMismatch) as info:
        _wind_up(ToRecentMembers("enhancement", 1, _law()), money("400", "USD"))
    assert (info.value.field, info.value.value, info.value.reason) == (
        "reserve_balances[enhancement]",
        "USD",
        "assets are in EUR",
    )


# --- the ledger --------------------------------------------------------------------------------


def test_a_movement_in_another_currency_than_the_ledger_is_named_with_its_currency():
    foreign = Movement("m1", "legal", MovementKind.ALLOCATION, date(2025, 3, 1), money("5", "USD"))
    with pytest.raises(CurrencyMismatch) as info:
        _ledger(foreign)
    assert (info.value.field, info.value.value, info.value.reason) == (
        "movements[m1].amount",
        "USD",
        "the ledger is in EUR",
    )
