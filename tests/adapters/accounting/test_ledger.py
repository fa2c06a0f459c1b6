"""The beancount round trip: the written ledger loads with zero errors and the right balances."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from beancount import loader
from beancount.core import realization

from cooprules.capital import Operation, OperationKind, ShareClass, ShareRegister
from cooprules.errors import CurrencyMismatch, InvalidInput
from cooprules.journal import JournalEntry, Posting
from cooprules.levies import Activity, ActivityKind, LevyPolicy, Line, Schedule, levy_year
from cooprules.money import money, to_minor_units
from cooprules.reserves import Movement, MovementKind
from cooprules.surplus import (
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    YearFigures,
    distribute,
)
from cooprules_adapters.accounting import (
    FR_PCG,
    book,
    book_activity_line,
    book_distribution,
    book_levy_year,
    book_share_register,
    write_beancount,
)


def eur(text):
    return money(text, "EUR")


def balances(path):
    entries, errors, _options = loader.load_file(str(path))
    assert errors == []
    real = realization.realize(entries)
    result = {}
    for account in realization.iter_children(real):
        units = account.balance.get_currency_units("EUR")
        if account.txn_postings:
            result[account.account] = units.number
    return result


def test_a_years_ledger_round_trips_through_beancount(tmp_path):
    register = ShareRegister(
        "EUR",
        [ShareClass("A", eur("100.00"))],
        [
            Operation("1", OperationKind.SUBSCRIBE, date(2025, 1, 10), "ana", "A", shares=10),
            Operation(
                "2",
                OperationKind.SUBSCRIBE,
                date(2025, 1, 10),
                "bo",
                "A",
                shares=5,
                amount=eur("200.00"),
            ),
        ],
    )
    acts = [
        Activity(a, owner=o, kind=ActivityKind.SERVICES, start=date(2025, 1, 1), currency="EUR")
        for a, o in (("a1", "ana"), ("a2", "bo"))
    ]
    policy = LevyPolicy.single(
        Schedule.flat("13.5%", fixed_per_period=eur("30.00"), currency="EUR")
    )
    entries = list(book_share_register(register, FR_PCG))
    for act in acts:
        lines = [
            Line.month(act.id, 2025, m, revenue="2000.00", direct_costs="150.55", currency="EUR")
            for m in (1, 6)
        ]
        for line in lines:
            entries.extend(book_activity_line(line, FR_PCG, member=act.owner))
        entries.extend(book_levy_year(levy_year(act, lines, policy, 2025), FR_PCG))
    surplus = distribute(
        Waterfall(
            (
                ToReserve("legal", reserve="legal_reserve", share="15%"),
                Interest("interest", amount=eur("45.00")),
                Refund("refunds", measure="work", share="20%", in_shares="50%"),
                Remainder("rest", reserve="development_fund"),
            )
        ),
        YearFigures(
            surplus=eur("3000.00"),
            capital_days={"capital": {"ana": 2, "bo": 1}},
            measures={"work": {"ana": 1, "bo": 1}},
        ),
    )
    entries.append(
        JournalEntry(
            date(2025, 12, 31),
            "Result of the year",
            (
                Posting("512 Banque", eur("3000.00")),
                Posting("120 Résultat de l’exercice (bénéfice)", eur("-3000.00")),
            ),
            source="result:2025",
        )
    )
    entries.extend(book_distribution(surplus, FR_PCG, date(2026, 6, 30), year="2025"))
    entries.extend(
        book(
            Movement(
                "m1", "legal_reserve", MovementKind.LOSS_ABSORPTION, date(2026, 7, 1), eur("10.00")
            ),
            FR_PCG,
            date(2026, 7, 1),
        )
    )
    path = tmp_path / "coop.beancount"
    write_beancount(entries, path, open_date=date(2025, 1, 1), currency="EUR")
    got = balances(path)
    assert got["Equity:FR:1061-LegalReserve"] == Decimal("-440.00")  # 450 less 10 absorbed
    assert got["Equity:FR:120-ProfitForTheYear"] == 0
    assert got["Equity:FR:1013-ShareCapital:Ana"] == Decimal("-1000.00") - Decimal("150.00")
    assert got["Equity:FR:1013-ShareCapital:Bo"] == Decimal("-500.00") - Decimal("150.00")
    assert got["Assets:FR:4562-MembersCapitalSubscribedNotPaidUp:Bo"] == Decimal("300.00")
    assert got["Liabilities:FR:457-MembersDividendsPayable:Ana"] == Decimal("-30.00")
    assert got["Liabilities:FR:455-MembersCurrentAccounts:Bo"] == Decimal("-150.00")
    for act in acts:
        # each activity's tree: revenue less costs less the levy (13.5 % + 30/month)
        treasury = got[f"Assets:Activities:{act.id.upper()}:FR-5121-ActivityTreasuries"]
        levy = levy_year(
            act,
            [
                Line.month(
                    act.id, 2025, m, revenue="2000.00", direct_costs="150.55", currency="EUR"
                )
                for m in (1, 6)
            ],
            policy,
            2025,
        ).total
        assert treasury == 2 * (Decimal("2000.00") - Decimal("150.55")) - levy.amount
        root = f"Activities:{act.id.upper()}:FR"
        assert got[f"Income:{root}-7061-ServicesOfTheActivities"] == Decimal("-4000.00")
        assert got[f"Expenses:{root}-604-PurchasesOfServices"] == Decimal("301.10")
        assert got[f"Expenses:{root}-6281-ContributionToTheCo-operative"] == levy.amount
    text = path.read_text(encoding="utf-8")
    assert 'source: "levy:a1:2025-01-01"' in text
    assert 'member: "ana"' in text
    assert 'activity: "a2"' in text


def test_the_writer_refuses_other_currencies_unknown_accounts_and_early_entries():
    entry = JournalEntry(
        date(2025, 1, 1),
        "x",
        (Posting("512 Banque", eur("1.00")), Posting("1061 Réserve légale", eur("-1.00"))),
    )
    with pytest.raises(CurrencyMismatch):
        write_beancount([entry], io.StringIO(), open_date=date(2025, 1, 1), currency="CAD")
    with pytest.raises(InvalidInput):
        write_beancount([entry], io.StringIO(), open_date=date(2025, 6, 1), currency="EUR")
    odd = JournalEntry(
        date(2025, 1, 1), "x", (Posting("9 Odd", eur("1.00")), Posting("512 Banque", eur("-1.00")))
    )
    with pytest.raises(InvalidInput):
        write_beancount([odd], io.StringIO(), open_date=date(2025, 1, 1), currency="EUR")


def test_quotes_in_narrations_survive(tmp_path):
    entry = JournalEntry(
        date(2025, 1, 1),
        'Decision "AG" \\ 2025',
        (Posting("512 Banque", eur("1.00")), Posting("1061 Réserve légale", eur("-1.00"))),
        source="x",
    )
    path = tmp_path / "q.beancount"
    write_beancount([entry], path, open_date=date(2025, 1, 1), currency="EUR")
    loaded, errors, _ = loader.load_file(str(path))
    assert errors == []
    assert loaded[-1].narration == 'Decision "AG" \\ 2025'
    assert to_minor_units(eur("1.00")) == 100
