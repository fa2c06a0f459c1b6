"""The accounting adapter: every kind of entry balances to the cent, on the right accounts."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from beancount import loader
from hypothesis import given
from hypothesis import strategies as st

from cooprules import Citation, Regime, get_plugin_manager, get_regime, hookimpl, load_regimes
from cooprules.capital import Operation, OperationKind, ShareClass, ShareRegister
from cooprules.errors import InvalidInput
from cooprules.explain import Text
from cooprules.levies import Activity, ActivityKind, LevyPolicy, Line, Schedule, levy_year
from cooprules.money import money, to_minor_units
from cooprules.plugins import journal_entries
from cooprules.reserves import LiquidationRule, Movement, MovementKind, liquidate
from cooprules.surplus import (
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    Worker,
    WorkerShare,
    YearFigures,
    absorb_loss,
    distribute,
)
from cooprules_adapters.accounting import (
    BE_PCMN,
    CHARTS,
    FR_PCG,
    QC_CHART,
    Account,
    AccountingPlugin,
    AccountType,
    ChartOfAccounts,
    LossAbsorption,
    Role,
    book,
    book_distribution,
    book_levy_year,
    book_share_register,
    chart_for,
    chart_of,
    ledger,
    write_beancount,
)
from cooprules_adapters.fr.surplus import ART_33

EUR = "EUR"


def eur(text):
    return money(text, EUR)


def balance(entries):
    """Sum of postings per (account, member, activity), in cents."""
    sums = {}
    for entry in entries:
        units = sum(to_minor_units(p.amount) for p in entry.postings)
        assert units == 0
        for p in entry.postings:
            key = (p.account, p.member, p.activity)
            sums[key] = sums.get(key, 0) + to_minor_units(p.amount)
    return sums


def by_account(entries):
    sums = {}
    for (account, _m, _a), units in balance(entries).items():
        sums[account] = sums.get(account, 0) + units
    return sums


WATERFALL = Waterfall(
    (
        ToReserve("legal", reserve="legal_reserve", share="15%", citation=ART_33),
        WorkerShare("worker", share="40%"),
        Interest("interest", amount=eur("1000.00")),
        Refund("refunds", measure="work", share="10%", in_shares="50%"),
        Remainder("rest", reserve="development_fund"),
    )
)
FIGURES = YearFigures(
    surplus=eur("10000.01"),
    capital_days={"capital": {"ana": 300, "bo": 100}},
    measures={"work": {"ana": 2, "bo": 1}},
    workers={
        "ana": Worker(eur("30000.00"), 1),
        "cy": Worker(eur("20000.00"), 1),
    },
)


def test_a_surplus_distribution_books_every_step_and_balances():
    result = distribute(WATERFALL, FIGURES)
    entries = book_distribution(result, FR_PCG, date(2026, 6, 30), year="2025")
    assert [e.source for e in entries] == [
        "surplus:2025:legal",
        "surplus:2025:worker",
        "surplus:2025:interest",
        "surplus:2025:refunds",
        "surplus:2025:rest",
    ]
    sums = balance(entries)
    accounts = by_account(entries)
    assert accounts["1061 Réserve légale"] == -to_minor_units(result.amount("legal"))
    assert accounts["120 Résultat de l’exercice (bénéfice)"] == to_minor_units(
        result.total
    ) - to_minor_units(result.amount("worker"))
    assert accounts["691 Participation des salariés aux résultats"] == to_minor_units(
        result.amount("worker")
    )
    refunds = result.step("refunds")
    for member, share in refunds.shares.items():
        in_shares = to_minor_units(refunds.in_shares[member])
        assert sums[("1013 Capital souscrit", member, None)] == -in_shares
        assert sums[("455 Associés – comptes courants", member, None)] == -(
            to_minor_units(share) - in_shares
        )
    assert sum(v for (a, _m, _x), v in sums.items() if a.startswith("457")) == -100000
    assert all(e.explanation.citations() for e in entries)


def test_the_belgian_chart_books_allocations_on_69x_and_reserves_on_13x():
    result = distribute(WATERFALL, FIGURES)
    accounts = by_account(book_distribution(result, BE_PCMN, date(2026, 6, 30)))
    assert accounts["692 Dotation aux réserves"] > 0
    assert accounts["694 Rémunération du capital"] == 100000
    assert accounts["130 Réserve légale"] < 0
    # development_fund is not mapped, and the rest is indivisible (Remainder's default): it goes
    # to the unavailable reserves, never to the default available ones.
    assert accounts["131 Réserves indisponibles"] < 0
    assert "133 Réserves disponibles" not in accounts


def test_levies_book_per_period_and_add_up_to_the_year_total():
    act = Activity(
        "a1", owner="ana", kind=ActivityKind.SERVICES, start=date(2025, 1, 1), currency="EUR"
    )
    lines = [
        Line.month("a1", 2025, m, revenue="1234.56", direct_costs="100.01", currency="EUR")
        for m in (1, 2)
    ]
    schedule = Schedule.flat("13.5%", fixed_per_period=eur("30.00"), currency="EUR")
    year = levy_year(act, lines, LevyPolicy.single(schedule), 2025)
    entries = book_levy_year(year, FR_PCG)
    assert len(entries) == 12
    assert entries[0].date == date(2025, 1, 31)
    sums = balance(entries)
    # The activity's expense, the co-op's income; the cash leaves the activity's treasury.
    assert sums[("6281 Contribution coopérative", "ana", "a1")] == to_minor_units(year.total)
    assert sums[("706 Prestations de services – contributions", "ana", "a1")] == -to_minor_units(
        year.total
    )
    assert sums[("5121 Trésoreries des activités", "ana", "a1")] == -to_minor_units(year.total)
    assert sums[("512 Banque", "ana", "a1")] == to_minor_units(year.total)


@given(
    st.lists(st.integers(0, 10**8), min_size=1, max_size=12),
    st.integers(0, 10**6),
)
def test_property_every_levy_entry_balances_and_the_sum_is_the_levy_total(revenues, cost):
    act = Activity(
        "a1", owner="ana", kind=ActivityKind.SERVICES, start=date(2025, 1, 1), currency="EUR"
    )
    lines = [
        Line.month("a1", 2025, m + 1, revenue=r, direct_costs=cost, currency="EUR")
        for m, r in enumerate(revenues)
    ]
    year = levy_year(act, lines, LevyPolicy.single(Schedule.flat("12.5%", currency="EUR")), 2025)
    entries = book_levy_year(year, QC_CHART)
    income = sum(
        to_minor_units(p.amount)
        for e in entries
        for p in e.postings
        if p.account == "Contributions"
    )
    assert -income == to_minor_units(year.total)


@given(
    st.integers(1, 10**9),
    st.dictionaries(st.sampled_from("abcde"), st.integers(1, 1000), min_size=1),
)
def test_property_every_distribution_entry_balances(surplus, work):
    figures = YearFigures(
        surplus=money(surplus, "CAD"),
        measures={"work": work},
        capital_days={"capital": work},
    )
    waterfall = Waterfall(
        (
            ToReserve("reserve", reserve="reserve", share="1/3"),
            Interest("interest", rate="3%", days_in_year=1),
            Refund("refunds", measure="work", share="1/7", in_shares="1/3"),
            Remainder("rest", reserve="reserve"),
        )
    )
    result = distribute(waterfall, figures)
    entries = book_distribution(result, QC_CHART, date(2026, 3, 31))
    assert by_account(entries)["Réserve"] == -to_minor_units(result.to_reserves()["reserve"])
    # What reaches the members is exactly the interest and the refunds (cash and shares).
    to_members = -sum(
        to_minor_units(p.amount) for e in entries for p in e.postings if p.member is not None
    )
    paid = to_minor_units(result.amount("interest")) + to_minor_units(result.amount("refunds"))
    assert to_members == paid
    # Nothing leaves the indivisible reserve towards a member account.
    for entry in entries:
        out_of_reserve = any(
            p.account == "Réserve" and to_minor_units(p.amount) > 0 for p in entry.postings
        )
        assert not (out_of_reserve and any(p.member for p in entry.postings))


REGISTER = ShareRegister(
    EUR,
    [ShareClass("A", eur("100.00"))],
    [
        Operation("1", OperationKind.SUBSCRIBE, date(2025, 1, 10), "ana", "A", shares=10),
        Operation(
            "2", OperationKind.SUBSCRIBE, date(2025, 2, 1), "bo", "A", shares=3, amount=eur("100")
        ),
        Operation("3", OperationKind.PAY_UP, date(2025, 3, 1), "bo", "A", amount=eur("150.00")),
        Operation(
            "4", OperationKind.TRANSFER, date(2025, 4, 1), "ana", "A", shares=2, counterparty="cy"
        ),
        Operation("5", OperationKind.REDEEM, date(2025, 12, 31), "ana", "A", shares=3),
    ],
)


def test_share_operations_are_equity_and_member_accounts_never_revenue():
    entries = book_share_register(REGISTER, FR_PCG)
    assert [e.source for e in entries] == [f"capital:{i}" for i in "12345"]
    sums = balance(entries)
    on = date(2025, 12, 31)
    for member in ("ana", "bo", "cy"):
        holding = REGISTER.holding(member, "A", on)
        assert -sums.get(("1013 Capital souscrit", member, None), 0) == to_minor_units(
            holding.subscribed
        )
        unpaid = sums.get(
            ("4562 Associés – capital souscrit et appelé, non versé", member, None), 0
        )
        assert unpaid == to_minor_units(holding.unpaid)
    assert sums[("4567 Associés – capital à rembourser", "ana", None)] == -30000
    assert not any(p.account.startswith("7") for e in entries for p in e.postings)
    # up to a date: the register is replayed, only the later operations are left out
    assert len(book(REGISTER, FR_PCG, date(2025, 3, 1))) == 3


def test_reserve_movements_loss_absorption_and_liquidation_balance():
    rule = LiquidationRule(ART_33, Text(en="another co-op", fr="une autre coopérative"))
    done = liquidate(eur("10000.00"), eur("3000.00"), {"ana": eur("1000.00")}, "coop-b", rule=rule)
    entries = book(done, FR_PCG, date(2027, 1, 1))
    accounts = by_account(entries)
    assert accounts["467 Autres créditeurs"] == -600000
    assert accounts["512 Banque"] == -400000
    charged = LossAbsorption.of(
        absorb_loss(
            eur("-500.00"),
            ["development_fund", "legal_reserve"],
            {"development_fund": eur("200.00"), "legal_reserve": eur("1000.00")},
        )
    )
    accounts = by_account(book(charged, FR_PCG, date(2026, 6, 30)))
    assert accounts == {
        "1063 Réserves statutaires": 20000,
        "1061 Réserve légale": 30000,
        "129 Résultat de l’exercice (perte)": -50000,
    }
    for kind in MovementKind:
        move = Movement("m", "legal_reserve", kind, date(2026, 1, 1), eur("10.00"))
        [entry] = book(move, BE_PCMN, date(2026, 1, 1))
        reserve = next(p for p in entry.postings if p.account == "130 Réserve légale")
        assert reserve.amount == eur("-10.00" if kind.sign > 0 else "10.00")


def test_the_hook_dispatches_by_type_and_jurisdiction():
    manager = get_plugin_manager()
    move = Movement("m", "reserve", MovementKind.ALLOCATION, date(2026, 1, 1), money("5", "CAD"))
    [entry] = journal_entries(manager, move, get_regime("qc-work", manager), date(2026, 1, 1))
    assert [p.account for p in entry.postings] == [
        "Trop-perçus ou excédents de l’exercice",
        "Réserve",
    ]
    assert (
        journal_entries(manager, "unknown", get_regime("qc-work", manager), date(2026, 1, 1)) == ()
    )


def test_a_coop_overrides_accounts_with_its_own_plugin():
    mine = FR_PCG.with_overrides(
        {"reserve:legal_reserve": Account("1060", Text(en="L", fr="Légale"), AccountType.EQUITY)}
    )
    manager = get_plugin_manager(plugins=[AccountingPlugin({"FR": mine})], disabled=["accounting"])
    move = Movement("m", "legal_reserve", MovementKind.ALLOCATION, date(2026, 1, 1), eur("5.00"))
    [entry] = journal_entries(manager, move, get_regime("fr-scop", manager), date(2026, 1, 1))
    assert entry.postings[1].account == "1060 Légale"
    with pytest.raises(InvalidInput):
        FR_PCG.with_overrides({"nonsense": mine.account(Role.BANK)})
    with pytest.raises(InvalidInput):
        chart_for("XX")


def test_every_chart_account_has_a_citation():
    for chart in (FR_PCG, BE_PCMN, QC_CHART):
        assert all(a.citation is not None for a in chart.all_accounts())
        assert not chart.citation.confidence.verified  # recalled numbers: never law


# --- A regime's own chart: the ChartOfAccounts rule set ----------------------------------------

XX_CHART = ChartOfAccounts(
    jurisdiction="XX",
    name=Text(en="A third party's chart", fr="Le plan d'un tiers"),
    citation=Citation("Accounting Decree of XX", "annex", "XX"),
    accounts={
        role: attrs.evolve(account, code=f"9{index:02}")
        for index, (role, account) in enumerate(QC_CHART.accounts.items())
    },
    reserves={"legal_reserve": Account("980", Text(en="Legal", fr="Légale"), AccountType.EQUITY)},
)
XX_ACT = Citation("Co-operatives Act of XX", "art. 1", "XX", url="https://example.org/xx")
XX_BASE = Regime(
    code="xx-base",
    name="Base",
    name_en="Base",
    jurisdiction="XX",
    currency="EUR",
    languages=("fr",),
    citations=(XX_ACT,),
    rules=(XX_CHART,),
)
XX_CHILD = attrs.evolve(XX_BASE, code="xx-child", rules=(), extends=XX_BASE)
XX_BARE = attrs.evolve(XX_BASE, code="xx-bare", rules=())


class XXRegimes:
    __name__ = "xx-regimes"

    @hookimpl
    def cooprules_regimes(self):
        return (XX_BASE, XX_CHILD, XX_BARE)


def allocation(amount="5.00"):
    return Movement("m", "legal_reserve", MovementKind.ALLOCATION, date(2026, 1, 1), eur(amount))


def test_a_regime_s_own_chart_is_found_through_what_it_extends_else_its_jurisdiction_s():
    assert chart_of(XX_BASE) is XX_CHART
    assert chart_of(XX_CHILD) is XX_CHART
    assert chart_of(XX_BARE) is None
    assert chart_of(get_regime("fr-scop")) is FR_PCG
    # The regime's own chart wins over the built-in chart of its jurisdiction.
    french = attrs.evolve(XX_BASE, code="fr-own", jurisdiction="FR")
    assert chart_of(french) is XX_CHART
    assert chart_of(XX_BARE, {"XX": BE_PCMN}) is BE_PCMN


def test_the_hook_books_a_third_party_regime_on_its_own_chart():
    manager = get_plugin_manager(plugins=[XXRegimes()])
    catalogue = load_regimes(manager)
    for code in ("xx-base", "xx-child"):
        [entry] = journal_entries(manager, allocation(), catalogue.get(code), date(2026, 1, 1))
        assert [p.account for p in entry.postings] == [
            XX_CHART.account(Role.RESERVE_ALLOCATION_DEBIT).label,
            "980 Légale",
        ]
    # No chart of its own and none built in for XX: nothing is booked.
    assert journal_entries(manager, allocation(), catalogue.get("xx-bare"), date(2026, 1, 1)) == ()


def test_a_coop_s_own_plugin_overrides_its_jurisdiction_and_keeps_the_regimes_charts():
    mine = FR_PCG.with_overrides(
        {"reserve:legal_reserve": Account("1060", Text(en="L", fr="Légale"), AccountType.EQUITY)}
    )
    manager = get_plugin_manager(
        plugins=[XXRegimes(), AccountingPlugin({"FR": mine})], disabled=["accounting"]
    )
    catalogue = load_regimes(manager)
    [french] = journal_entries(manager, allocation(), catalogue.get("fr-scop"), date(2026, 1, 1))
    [own] = journal_entries(manager, allocation(), catalogue.get("xx-base"), date(2026, 1, 1))
    assert french.postings[1].account == "1060 Légale"
    assert own.postings[1].account == "980 Légale"
    assert journal_entries(manager, allocation(), catalogue.get("xx-bare"), date(2026, 1, 1)) == ()


def test_a_chart_is_a_hashable_rule_set_equal_by_value():
    assert hash(XX_CHART) == hash(attrs.evolve(XX_CHART))
    other_bank = XX_CHART.with_overrides({Role.BANK: FR_PCG.account(Role.BANK)})
    assert other_bank != XX_CHART
    assert isinstance(hash(XX_BASE), int)
    assert len({FR_PCG, BE_PCMN, QC_CHART, XX_CHART, attrs.evolve(XX_CHART)}) == 4


def test_the_ledger_knows_the_charts_of_the_installed_regimes(tmp_path, monkeypatch):
    [entry] = book(allocation("12.34"), XX_CHART, date(2026, 3, 1))
    with pytest.raises(InvalidInput):  # only the built-in charts: the account is unknown
        write_beancount(
            [entry],
            tmp_path / "a.beancount",
            open_date=date(2026, 1, 1),
            currency=EUR,
            charts=CHARTS.values(),
        )
    catalogue = load_regimes(get_plugin_manager(plugins=[XXRegimes()]))
    monkeypatch.setattr(ledger, "load_regimes", lambda: catalogue)
    path = tmp_path / "xx.beancount"
    write_beancount([entry], path, open_date=date(2026, 1, 1), currency=EUR)
    entries, errors, _options = loader.load_file(str(path))
    assert errors == []
    assert "2026-01-01 open Equity:XX:980-Legal EUR" in path.read_text(encoding="utf-8")
    assert len(entries) == 3  # two open directives and the transaction
