"""Roll-forward at the period's edges, and reconciling reported closing balances with it.

Quebec Cooperatives Act s. 145 (qc/reserves.py ``ROLL_FORWARD``, [SRC-2]): the reserve is the
allocations less the deficits, so opening + movements = closing, to the cent. Balances "on" a
date are end-of-day, so a movement on the period's first day is a movement of the period, not
part of the opening balance.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from cooprules.explain import Severity, Text
from cooprules.money import money
from cooprules.periods import Period
from cooprules.reserves import (
    Movement,
    MovementKind,
    ReserveAccount,
    ReserveLedger,
    reconcile,
    roll_forward,
)
from cooprules_adapters.qc import reserves as qc

M = MovementKind
RESERVE = ReserveAccount("reserve", Text(en="Reserve", fr="Réserve"), indivisible=True)
YEAR = Period(date(2025, 1, 1), date(2026, 1, 1))


def cad(text: str) -> object:
    return money(text, "CAD")


def ledger() -> ReserveLedger:
    # 1,000 before the year; on its first two days +200 and -50; on its last day +30; and one
    # movement the day after it ends, which belongs to the next year.
    return ReserveLedger(
        "CAD",
        [RESERVE],
        [
            Movement("m0", "reserve", M.ALLOCATION, date(2024, 12, 31), cad("1000.00")),
            Movement("m1", "reserve", M.ALLOCATION, date(2025, 1, 1), cad("200.00")),
            Movement("m2", "reserve", M.LOSS_ABSORPTION, date(2025, 1, 2), cad("50.00")),
            Movement("m3", "reserve", M.ALLOCATION, date(2025, 12, 31), cad("30.00")),
            Movement("m4", "reserve", M.ALLOCATION, date(2026, 1, 1), cad("7.00")),
        ],
    )


def test_movements_on_the_first_and_last_days_belong_to_the_period():
    (item,) = roll_forward(ledger(), YEAR, qc.RESERVES)
    assert item.opening == cad("1000.00")  # the end of 31 December 2024
    assert item.movements == (
        (M.ALLOCATION, cad("230.00")),
        (M.LOSS_ABSORPTION, cad("-50.00")),
    )
    assert item.closing == cad("1180.00")
    (step,) = item.explanation.steps
    assert dict(step.inputs) == {
        "opening": cad("1000.00"),
        "allocation": cad("230.00"),
        "loss_absorption": cad("-50.00"),
    }
    assert (step.result, step.citation) == (cad("1180.00"), qc.ROLL_FORWARD)


@pytest.mark.parametrize("offset", range(4))
def test_a_period_starting_on_any_day_opens_with_the_balance_of_the_day_before(offset):
    book = ledger()
    start = date(2025, 1, 1) + timedelta(days=offset)
    (item,) = roll_forward(book, Period(start, date(2026, 1, 1)))
    assert item.opening == book.balance("reserve", start - timedelta(days=1))
    assert item.closing == book.balance("reserve", date(2025, 12, 31))
    assert item.explanation.steps[0].citation is None  # no rules given, no rule cited


def test_a_reported_closing_that_differs_is_an_error_citing_s_145():
    (violation,) = reconcile(ledger(), YEAR, {"reserve": cad("1200.00")}, qc.RESERVES)
    assert (violation.code, violation.severity, violation.subject) == (
        "reserve.roll_forward_mismatch",
        Severity.ERROR,
        "reserve",
    )
    assert violation.message.en == (
        "Reported closing 1200.00 CAD; opening plus movements give 1180.00 CAD."
    )
    assert violation.message.fr == (
        "Solde de clôture déclaré 1200.00 CAD ; l'ouverture et les mouvements donnent 1180.00 CAD."
    )
    assert violation.citation == qc.ROLL_FORWARD


def test_reconciling_without_rules_cites_no_rule_and_a_matching_closing_is_silent():
    (violation,) = reconcile(ledger(), YEAR, {"reserve": cad("1180.01")})
    assert violation.citation is None
    assert violation.message.en.endswith("give 1180.00 CAD.")
    assert reconcile(ledger(), YEAR, {"reserve": cad("1180.00")}, qc.RESERVES) == ()
