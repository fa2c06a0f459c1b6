"""Why a movement is refused: the reason the user reads, in English and French, with the rule.

* Quebec Cooperatives Act s. 146.1 [SRC]: sums devolved by another co-op on its liquidation go to
  the (indivisible) reserve.
* France, loi 1947 art. 16 al. 3-4 (france.md 1.10): the first incorporation of reserves into
  capital takes at most half of the reserve at the previous close, each later one at most half of
  its increase since the previous incorporation.
"""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.explain import Text
from cooprules.money import money
from cooprules.regime import bind
from cooprules.reserves import (
    Movement,
    MovementKind,
    RefusedMovement,
    ReserveAccount,
    ReserveLedger,
    ReserveRules,
    apply,
    check_movements,
)
from cooprules_adapters.fr import reserves as fr
from cooprules_adapters.fr.regimes import FR_COOP
from cooprules_adapters.qc import reserves as qc

M = MovementKind
RESERVE = ReserveAccount("reserve", Text(en="Reserve", fr="Réserve"), indivisible=True)
FREE = ReserveAccount("free", Text(en="Free reserve", fr="Réserve libre"), indivisible=False)
FR_COOP_RESERVES = bind(FR_COOP, as_of=date(2025, 6, 30)).rule_set(ReserveRules)


def eur(text: str) -> object:
    return money(text, "EUR")


def test_a_devolution_to_a_divisible_reserve_says_it_goes_to_an_indivisible_one():
    ledger = ReserveLedger("CAD", [RESERVE, FREE])
    devolution = Movement(
        "d1", "free", M.DEVOLUTION_RECEIVED, date(2025, 3, 1), money("5.00", "CAD")
    )
    with pytest.raises(RefusedMovement) as info:
        apply(ledger, devolution, qc.RESERVES)
    assert (info.value.field, info.value.value) == ("movements[d1]", "devolution_received")
    assert str(info.value).startswith(
        "movements[d1]: reserve 'free' refuses devolution_received: sums devolved by another "
        "co-operative go to an indivisible reserve (Cooperatives Act (CQLR c C-67.2), s. 146.1"
    )
    (violation,) = check_movements(ledger.with_movement(devolution), qc.RESERVES)
    assert violation.message.fr == (
        "Dévolution reçue de 5.00 CAD le 2025-03-01 refusée : les sommes dévolues par une autre "
        "coopérative vont à une réserve impartageable."
    )


def _incorporated_once() -> ReserveLedger:
    # 1,000 at the close of 2024; 500 incorporated (the first half); 300 allocated in 2025.
    return ReserveLedger(
        "EUR",
        [RESERVE],
        [
            Movement("1", "reserve", M.ALLOCATION, date(2024, 6, 30), eur("1000.00")),
            Movement("2", "reserve", M.INCORPORATION, date(2025, 6, 30), eur("500.00")),
            Movement("4", "reserve", M.ALLOCATION, date(2025, 9, 30), eur("300.00")),
        ],
    )


def test_a_first_incorporation_above_half_the_reserve_names_the_limit():
    ledger = ReserveLedger(
        "EUR",
        [RESERVE],
        [
            Movement("1", "reserve", M.ALLOCATION, date(2024, 6, 30), eur("1000.00")),
            Movement("2", "reserve", M.INCORPORATION, date(2025, 6, 30), eur("500.01")),
        ],
    )
    (violation,) = check_movements(ledger, FR_COOP_RESERVES, statutes_allow_incorporation=True)
    assert violation.message.en == (
        "Incorporation into capital of 500.01 EUR on 2025-06-30 refused: above the limit of 50% "
        "of the reserve at the close of the previous year (500.00 EUR)."
    )
    assert violation.message.fr == (
        "Incorporation au capital de 500.01 EUR le 2025-06-30 refusée : au-delà de la limite de "
        "50% de la réserve à la clôture de l'exercice précédent (500.00 EUR)."
    )
    assert violation.citation == fr.ART_16_INCORPORATION


def test_a_later_incorporation_above_half_the_increase_names_the_limit():
    # At the close of 2025 the reserve is 800, 300 above the 500 left after the first one: 150.
    ledger = _incorporated_once().with_movement(
        Movement("5", "reserve", M.INCORPORATION, date(2026, 6, 30), eur("150.01"))
    )
    (violation,) = check_movements(ledger, FR_COOP_RESERVES, statutes_allow_incorporation=True)
    assert violation.subject == "movements[5] on reserve 'reserve'"
    assert violation.message.en == (
        "Incorporation into capital of 150.01 EUR on 2026-06-30 refused: above the limit of 50% "
        "of the increase since the previous one (150.00 EUR)."
    )
    assert violation.message.fr == (
        "Incorporation au capital de 150.01 EUR le 2026-06-30 refusée : au-delà de la limite de "
        "50% de l'augmentation depuis la précédente (150.00 EUR)."
    )
    within = _incorporated_once().with_movement(
        Movement("5", "reserve", M.INCORPORATION, date(2026, 6, 30), eur("150.00"))
    )
    assert check_movements(within, FR_COOP_RESERVES, statutes_allow_incorporation=True) == ()
