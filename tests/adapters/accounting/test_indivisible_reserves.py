"""Indivisible reserves on the charts: a social enterprise's reserves never on 133.

Sources:
    * AR du 28 juin 2019 fixant les conditions d'agrément comme entreprise sociale, art. 6 (CSA
      art. 8:5): the patrimony left after the debts and the capital repaid goes to a use as close
      as possible to the object, never to the shareholders (belgium.md B4, S4 [SRC]): its
      reserves are indivisible (``be/surplus.py``: ``Remainder(indivisible=social)``).
    * PCMN (AR du 12 septembre 1983), class 13: 130 legal reserve, 131 unavailable reserves, 133
      available reserves (account numbers recalled: the chart's citations say ``MEM``).
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from beancount import loader
from beancount.core import realization
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import InvalidInput
from cooprules.explain import Text
from cooprules.money import from_minor_units, money, to_minor_units
from cooprules.regime import bind
from cooprules.reserves import Movement, MovementKind, ReserveAccount, ReserveLedger, absorb_loss
from cooprules.surplus import Remainder, ToReserve, Waterfall, YearFigures, distribute
from cooprules_adapters.accounting import (
    BE_PCMN,
    FR_PCG,
    QC_CHART,
    Account,
    AccountType,
    LossAbsorption,
    Role,
    book,
    book_distribution,
    write_beancount,
)
from cooprules_adapters.be.regimes import BE_CNC, BE_SCES
from cooprules_adapters.be.surplus import waterfall

AVAILABLE, UNAVAILABLE, LEGAL = (
    "133 Réserves disponibles",
    "131 Réserves indisponibles",
    "130 Réserve légale",
)
MEETING = date(2026, 6, 30)


def eur(text: str):
    return money(text, "EUR")


def by_account(entries) -> dict[str, int]:
    sums: dict[str, int] = {}
    for entry in entries:
        for posting in entry.postings:
            sums[posting.account] = sums.get(posting.account, 0) + to_minor_units(posting.amount)
    return sums


# Ana holds 10,000.00 EUR of shares and Bo 5,000.00 EUR all year: capital-days in cents x days.
FIGURES = YearFigures(
    surplus=eur("20000.00"),
    capital_days={"capital": {"ana": 1_000_000 * 365, "bo": 500_000 * 365}},
)


def sces_distribution(surplus: str = "20000.00", social: str = "1000.00"):
    rules = bind(BE_SCES, as_of=MEETING)
    steps = waterfall(
        rules, interest_rate="5%", dividend_cap_basis="gross", social_purpose=eur(social)
    )
    return distribute(steps, attrs.evolve(FIGURES, surplus=eur(surplus)))


def test_a_social_enterprise_books_its_remaining_reserves_on_131_never_133():
    # 20,000.00 EUR: 1,000.00 to the social purpose, interest at 5 % (500.00 + 250.00), the rest,
    # 18,250.00, to the reserves, indivisible. Before: 133 réserves disponibles; now: 131.
    result = sces_distribution()
    assert result.amount("interest") == eur("750.00")
    assert result.amount("reserves") == eur("18250.00")
    accounts = by_account(book_distribution(result, BE_PCMN, MEETING, year="2025"))
    assert accounts[UNAVAILABLE] == -(100000 + 1825000)
    assert AVAILABLE not in accounts
    assert accounts["692 Dotation aux réserves"] == 100000 + 1825000


def test_an_accredited_coop_s_reserves_stay_available_on_133():
    # be-cnc: the rest of the surplus is not indivisible (the statutes may distribute it).
    rules = bind(BE_CNC, as_of=MEETING)
    result = distribute(waterfall(rules, interest_rate="5%"), FIGURES)
    accounts = by_account(book_distribution(result, BE_PCMN, MEETING))
    assert accounts[AVAILABLE] == -to_minor_units(result.amount("reserves"))
    assert UNAVAILABLE not in accounts


def test_the_chart_keeps_an_indivisible_reserve_off_the_default_reserve_only():
    assert BE_PCMN.reserve("reserves").label == AVAILABLE
    assert BE_PCMN.reserve("reserves", indivisible=True).label == UNAVAILABLE
    assert BE_PCMN.reserve("not_mapped", indivisible=True).label == UNAVAILABLE
    assert BE_PCMN.reserve("not_mapped").label == AVAILABLE
    # A reserve mapped to its own account keeps it.
    assert BE_PCMN.reserve("legal_reserve", indivisible=True).label == LEGAL
    # Charts without an account for indivisible reserves book them as before.
    assert FR_PCG.reserve("x", indivisible=True) == FR_PCG.reserve("x")
    assert QC_CHART.reserve("reserve", indivisible=True) == QC_CHART.reserve("reserve")
    assert Role.INDIVISIBLE_RESERVE not in FR_PCG.accounts


def test_the_indivisible_account_is_optional_and_overridable():
    without = dict(BE_PCMN.accounts)
    del without[Role.INDIVISIBLE_RESERVE]
    chart = attrs.evolve(BE_PCMN, accounts=without)
    assert chart.reserve("reserves", indivisible=True).label == AVAILABLE
    mine = Account("1310", Text(en="Indivisible", fr="Réserve impartageable"), AccountType.EQUITY)
    chart = BE_PCMN.with_overrides({"indivisible_reserve": mine})
    assert chart.reserve("reserves", indivisible=True) == mine
    del without[Role.DEFAULT_RESERVE]
    with pytest.raises(InvalidInput, match="default_reserve"):
        attrs.evolve(BE_PCMN, accounts=without)


def test_a_ledger_s_indivisible_reserve_and_its_loss_go_to_131():
    ledger = ReserveLedger(
        "EUR",
        [
            ReserveAccount("reserves", Text(en="Reserves", fr="Réserves"), indivisible=True),
            ReserveAccount("free", Text(en="Free", fr="Libres"), indivisible=False),
        ],
        [
            Movement("a", "reserves", MovementKind.ALLOCATION, date(2026, 6, 30), eur("500.00")),
            Movement("b", "free", MovementKind.ALLOCATION, date(2026, 6, 30), eur("200.00")),
        ],
    )
    assert by_account(book(ledger, BE_PCMN, date(2026, 12, 31))) == {
        "692 Dotation aux réserves": 70000,
        UNAVAILABLE: -50000,
        AVAILABLE: -20000,
    }
    charged = absorb_loss(eur("-300.00"), ["reserves"], {"reserves": eur("500.00")})
    loss = LossAbsorption.of(charged, indivisible=["reserves"])
    assert by_account(book(loss, BE_PCMN, date(2027, 6, 30))) == {
        UNAVAILABLE: 30000,
        "792 Prélèvement sur les réserves": -30000,
    }
    assert by_account(book(LossAbsorption.of(charged), BE_PCMN, date(2027, 6, 30)))[AVAILABLE]


def test_bean_check_accepts_the_social_enterprise_s_ledger(tmp_path):
    entries = book_distribution(sces_distribution(), BE_PCMN, MEETING, year="2025")
    path = tmp_path / "sces.beancount"
    write_beancount(entries, path, open_date=date(2026, 1, 1), currency="EUR")
    loaded, errors, _options = loader.load_file(str(path))
    assert errors == []
    real = realization.realize(loaded)
    balances = {
        a.account: a.balance.get_currency_units("EUR").number
        for a in realization.iter_children(real)
        if a.txn_postings
    }
    unavailable = next(name for name in balances if name.startswith("Equity:BE:131"))
    assert str(balances[unavailable]) == "-19250.00"
    assert not any(name.startswith("Equity:BE:133") for name in balances)


@given(
    surplus=st.integers(0, 10**9),
    social=st.integers(0, 10**6),
    indivisible=st.booleans(),
)
def test_property_an_indivisible_allocation_never_reaches_133(surplus, social, indivisible):
    cents = max(surplus, social)
    steps = Waterfall(
        (
            ToReserve("social", reserve="social_purpose", amount=from_minor_units(social, "EUR")),
            Remainder("rest", reserve="reserves", indivisible=indivisible),
        )
    )
    result = distribute(steps, YearFigures(surplus=from_minor_units(cents, "EUR")))
    accounts = by_account(book_distribution(result, BE_PCMN, MEETING))
    reserves = -sum(units for name, units in accounts.items() if name.startswith("13"))
    assert reserves == cents
    assert (accounts.get(AVAILABLE, 0) == 0) is (indivisible or cents == social)
