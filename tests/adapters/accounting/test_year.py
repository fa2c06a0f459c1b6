"""The whole year booked: each account of the ledger equals the report's figure, to the cent.

Issue 13.3: the journal books share operations, each activity's revenue and costs on its own
accounts, levies, pooled costs, pay, reserve movements, the distribution and losses, with the
opening balances; every entry balances and beancount's own loader (what ``bean-check`` runs)
accepts the ledger.
"""

from __future__ import annotations

import io
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from beancount import loader
from beancount.core import realization
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cooprules import get_plugin_manager, load_regimes
from cooprules.errors import InvalidInput, PluginError
from cooprules.explain import Text
from cooprules.money import to_minor_units
from cooprules.plugins import journal_entries
from cooprules.report import evaluate
from cooprules.scenario import loads
from cooprules_adapters.accounting import (
    ACTIVITY_ROLES,
    BE_PCMN,
    CHARTS,
    AccountingPlugin,
    ChartOfAccounts,
    Role,
    book_year,
    chart_of,
    ledger_id,
    write_beancount,
)
from cooprules_adapters.scenario import evaluate_file, evaluate_scenario

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
CATALOGUE = load_regimes()


def ledger(report, tmp_path, *, until=None):
    """Write the report's journal, load it with beancount (no error), return its balances."""
    path = tmp_path / "year.beancount"
    write_beancount(
        report.journal, path, open_date=report.year.start, currency=report.currency,
        title=report.name,
    )  # fmt: skip
    entries, errors, options = loader.load_file(str(path))
    assert errors == []
    assert options["title"] == report.name
    if until is not None:
        entries = [e for e in entries if getattr(e, "date", date.min) <= until]
    real = realization.realize(entries)
    return {
        node.account: node.balance.get_currency_units(report.currency).number
        for node in realization.iter_children(real)
        if node.txn_postings
    }


def name(chart, role, *, activity=None, member=None):
    """The ledger account of ``role`` (for an activity, for a member)."""
    account = chart.account(role).ledger_name(chart.jurisdiction)
    if activity is not None:
        root, _, rest = account.partition(":")
        account = f"{root}:Activities:{ledger_id(activity)}:{rest.replace(':', '-')}"
    if member is not None:
        account = f"{account}:{ledger_id(member)}"
    return account


def under(balances, prefix):
    return sum((v for k, v in balances.items() if k.startswith(prefix)), Decimal(0))


def activity_figures(balances, chart, activity):
    """An activity's figures as its accounts hold them (revenue and costs as positive amounts)."""
    got = {
        figure: balances.get(name(chart, role, activity=activity), Decimal(0))
        for figure, role in (
            ("revenue", Role.ACTIVITY_REVENUE),
            ("direct_costs", Role.ACTIVITY_COSTS),
            ("levy", Role.ACTIVITY_CONTRIBUTION),
            ("pooled", Role.ACTIVITY_POOLED_COSTS),
            ("salary", Role.SALARIES),
            ("charges", Role.EMPLOYER_CHARGES),
        )
    }
    got["revenue"] = -got["revenue"]
    got["treasury"] = balances.get(name(chart, Role.ACTIVITY_TREASURY, activity=activity), 0)
    return got


def books_figures(books):
    figures = {
        f: books.total(f).amount
        for f in ("revenue", "direct_costs", "levy", "pooled", "salary", "charges")
    }
    return {**figures, "treasury": books.closing.amount}


def evaluate_sample(sample):
    report = evaluate_file(EXAMPLES / sample, as_of=date(2025, 12, 31), catalogue=CATALOGUE)
    return report, chart_of(CATALOGUE.get(report.regime))


# --- the samples, account by account ---------------------------------------------------------


def test_be_activity_each_activity_s_accounts_are_its_books(tmp_path):
    report, chart = evaluate_sample("be-activity.toml")
    balances = ledger(report, tmp_path, until=date(2025, 12, 31))
    # amina-act: 3,200.00 brought forward (the sample's opening balance), the year's revenue and
    # direct costs, the 10 % contribution of the example statute (be.ACTIVITY_EXAMPLE) and the
    # pooled costs of art. 13 (coworking, bookkeeping, insurance, software): 21,362.83 at the end.
    amina = activity_figures(balances, chart, "amina-act")
    assert amina == {
        "revenue": Decimal("32754.09"),
        "direct_costs": Decimal("4640.03"),
        "levy": Decimal("2811.40"),
        "pooled": Decimal("7139.83"),
        "salary": 0,  # a candidate is paid no salary (loi 2007 art. 80): none is booked
        "charges": 0,
        "treasury": Decimal("21362.83"),
    }
    assert amina == books_figures(report.books.of("amina-act"))
    assert balances["Assets:Activities:Amina-act:BE-551-ActivityTreasuries"] == Decimal("21362.83")
    assert balances["Income:Activities:Amina-act:BE-705-ServicesOfTheActivities"] == Decimal(
        "-32754.09"
    )
    for books in report.books.activities:
        assert activity_figures(balances, chart, books.activity) == books_figures(books)
    # The co-op's side: every contribution, every pooled cost charged.
    assert -balances[name(chart, Role.CONTRIBUTIONS)] == report.levy_total.amount
    charged = sum(to_minor_units(c.amount) for c in report.books.charges)
    assert -balances[name(chart, Role.POOLED_COSTS_RECOVERED)] * 100 == charged
    # The opening balances: two treasuries (3,200.00 and dries-act's -2,500.00), the reserves'
    # 52,300.00 and 3,600.00, the capital of 40 shares of 250.00 subscribed in 2019.
    assert -balances[name(chart, Role.OPENING_BALANCES)] == Decimal("700.00") - Decimal(
        "55900.00"
    ) - Decimal("10000.00")


def test_be_activity_reserves_and_capital_are_the_closing_s(tmp_path):
    report, chart = evaluate_sample("be-activity.toml")
    balances = ledger(report, tmp_path)
    # AR 28 June 2019 art. 6: a social enterprise's reserves are indivisible, both on 131; each
    # closing balance is the roll-forward's (opening + the meeting's allocations of 2026-06-13).
    closing = {row.reserve: row.closing.amount for row in report.reserves.roll_forward}
    assert closing == {"reserves": Decimal("68648.31"), "social_purpose": Decimal("5440.00")}
    assert -balances["Equity:BE:131-UnavailableReserves"] == sum(closing.values())
    assert "Equity:BE:133-AvailableReserves" not in balances
    # The register on 31 December: 42 shares of 250.00, all paid up; Sofia's 2 redeemed shares
    # are repaid (500.00: the payable is settled).
    at_year_end = ledger(report, tmp_path, until=date(2025, 12, 31))
    register = report.capital.register
    capital = -under(at_year_end, name(chart, Role.CAPITAL))
    unpaid = under(at_year_end, name(chart, Role.CAPITAL_RECEIVABLE))
    assert (capital, capital + unpaid) == (register.subscribed.amount, register.paid_up.amount)
    assert capital == Decimal("10500.00")
    assert at_year_end[name(chart, Role.CAPITAL, member="f-sofia")] == Decimal("-1500.00")
    assert under(at_year_end, name(chart, Role.REDEMPTION_PAYABLE)) == 0


def test_fr_cae_pay_and_charges_are_on_each_activity_s_accounts(tmp_path):
    report, chart = evaluate_sample("fr-cae-scop.toml")
    balances = ledger(report, tmp_path, until=date(2025, 12, 31))
    # e01-act: a CESA's fixed salary and its employer charges (the payroll plug-in's 30 %, an
    # input) paid from the activity's treasury (Code du travail R7331-12), on 641 and 645.
    e01 = activity_figures(balances, chart, "e01-act")
    assert e01 == {
        "revenue": Decimal("86232.26"),
        "direct_costs": Decimal("20546.98"),
        "levy": Decimal("5500.00"),  # Solstice's cap of 5,500 a year
        "pooled": 0,
        "salary": Decimal("30720.00"),
        "charges": Decimal("9216.00"),
        "treasury": Decimal("20249.28"),
    }
    assert balances["Expenses:Activities:E01-act:FR-641-StaffPay"] == Decimal("30720.00")
    for books in report.books.activities:
        assert activity_figures(balances, chart, books.activity) == books_figures(books)
    everyone = sum((b.total("salary").amount for b in report.books.activities), Decimal(0))
    assert under(balances, "Expenses:Activities:") > everyone > 0


def test_fr_scic_reserves_and_capital(tmp_path):
    report, chart = evaluate_sample("fr-scic.toml")
    balances = ledger(report, tmp_path)
    # Loi 1947 art. 16 and 19 nonies: each reserve's account is its roll-forward closing.
    for row in report.reserves.roll_forward:
        account = chart.reserve(row.reserve).ledger_name(chart.jurisdiction)
        assert -balances[account] == row.closing.amount
    assert -balances["Equity:FR:1061-LegalReserve"] == Decimal("17160.00")  # 12,900 + 4,260
    at_year_end = ledger(report, tmp_path, until=date(2025, 12, 31))
    assert -under(at_year_end, "Equity:FR:1013-ShareCapital") == (
        report.capital.register.paid_up.amount
    )


# --- a loss year -------------------------------------------------------------------------------


def test_a_loss_year_is_absorbed_then_carried_forward(tmp_path):
    # Quebec s. 145: the reserve is the allocations less the deficits. A loss of 50,000.00
    # takes the whole reserve (41,200.00); the 8,800.00 left is carried forward.
    text = (EXAMPLES / "qc-work.toml").read_text(encoding="utf-8")
    lost = text.replace('surplus = "36000.00"', 'surplus = "-50000.00"')
    assert lost != text
    scenario = loads(lost, name="qc-work, a loss year")
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=CATALOGUE)
    chart = chart_of(CATALOGUE.get(report.regime))
    balances = ledger(report, tmp_path)
    assert report.reserves.row("reserve").closing.amount == 0
    assert balances.get("Equity:CA-QC:Reserve", Decimal(0)) == 0
    assert -balances[name(chart, Role.LOSS)] == Decimal("50000.00")
    assert balances[name(chart, Role.LOSS_CARRIED_FORWARD)] == Decimal("8800.00")
    # The reserve's and the loss's entries, in order (the sample's share operations book too).
    sources = [
        e.source
        for e in report.journal
        if e.source.startswith(("opening:reserve", "reserve:", "loss:"))
    ]
    assert sources == ["opening:reserve:reserve", "reserve:loss:reserve", "loss:carried_forward"]


# --- share operations --------------------------------------------------------------------------

CAPITAL_OPS = """
[[share_classes]]
code = "A"
nominal = "250.00"

[[share_classes]]
code = "B"
nominal = "250.00"

[[share_operations]]
id = "op-1"
kind = "subscribe"
date = 2024-06-01
member = "ana"
share_class = "A"
shares = 4
amount = "400.00"

[[share_operations]]
id = "op-2"
kind = "pay_up"
date = 2025-02-01
member = "ana"
share_class = "A"
amount = "200.00"

[[share_operations]]
id = "op-3"
kind = "subscribe"
date = 2025-03-01
member = "bo"
share_class = "A"
shares = 2

[[share_operations]]
id = "op-4"
kind = "transfer"
date = 2025-04-01
member = "ana"
share_class = "A"
shares = 1
counterparty = "bo"

[[share_operations]]
id = "op-5"
kind = "convert"
date = 2025-05-01
member = "bo"
share_class = "A"
shares = 1
into = "B"
amount = "250.00"

[[share_operations]]
id = "op-6"
kind = "redeem"
date = 2025-09-30
member = "bo"
share_class = "B"
shares = 1
repaid = "200.00"
"""


def _members(ids):
    return "".join(
        f'\n[[members]]\nid = "{member}"\nevents = [\n  {{ kind = "applied", date = 2024-01-02 }},'
        f'\n  {{ kind = "admitted", date = 2024-01-10, category = "worker" }},\n]\n'
        for member in ids
    )


def _coop(regime="be-activity"):
    return f'format = 2\n[coop]\nregime = "{regime}"\nname = "Coop \\"Test\\""\nyear = 2025\n'


def test_share_operations_book_capital_as_equity(tmp_path):
    # CSA 6:41 ff. (capital subscribed, paid up, transferred, redeemed): capital is equity,
    # never revenue; the unpaid part is a receivable; a redemption becomes a debt, then repaid.
    scenario = loads(_coop() + _members(["ana", "bo"]) + CAPITAL_OPS, name="capital")
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=CATALOGUE)
    balances = ledger(report, tmp_path, until=date(2025, 12, 31))
    chart = BE_PCMN
    # Opening: ana's 4 shares (1,000.00) with 400.00 paid: 600.00 still to pay.
    [opening] = [e for e in report.journal if e.source == "opening:capital"]
    assert {(p.account, p.member, str(p.amount.amount)) for p in opening.postings} == {
        ("100 Capital souscrit", "ana", "-1000.00"),
        ("101 Capital non appelé", "ana", "600.00"),
        ("Bilan d’ouverture", None, "400.00"),
    }
    register = report.capital.register
    capital = -under(balances, name(chart, Role.CAPITAL))
    unpaid = under(balances, name(chart, Role.CAPITAL_RECEIVABLE))
    assert capital == register.subscribed.amount == Decimal("1250.00")  # 5 shares left
    assert unpaid == register.unpaid.amount == Decimal("400.00")  # ana 300.00, bo 100.00
    assert capital - unpaid == register.paid_up.amount
    # Per member: ana keeps 3 shares, bo 2 (one converted to B, then redeemed).
    assert balances[name(chart, Role.CAPITAL, member="ana")] == Decimal("-750.00")
    assert balances[name(chart, Role.CAPITAL, member="bo")] == Decimal("-500.00")
    # The redemption's paid-up value became a debt; the 200.00 repaid settles part of it.
    [redemption] = [e for e in report.journal if e.source == "capital:op-6"]
    owed = next(p for p in redemption.postings if p.account.startswith("489"))
    assert balances[name(chart, Role.REDEMPTION_PAYABLE, member="bo")] == (
        owed.amount.amount + Decimal("200.00")
    )
    # No share operation reaches an income account.
    assert not [k for k in balances if k.startswith("Income:")]


# --- ids that would collide ---------------------------------------------------------------------


def test_distinct_ids_give_distinct_ledger_accounts(tmp_path):
    # Issue 14: "ben-1" and "Ben-1" were both written Ben-1, "é-1" and "e-1" both E-1.
    ids = ["ben-1", "Ben-1", "a b", "é-1", "e-1"]
    assert len({ledger_id(i) for i in ids}) == len(ids)
    activities = "".join(
        f'\n[[activities]]\nid = "{i}"\nowner = "{i}"\nkind = "services"\nstart = 2024-01-01\n'
        f'opening_balance = "{n}.00"\nrevenue = ["1000.00"]\n'
        for n, i in enumerate(ids, start=1)
    )
    levies = '\n[[levies.schedules]]\nid = "c"\nsample = "be.ACTIVITY_EXAMPLE"\n'
    ops = "".join(
        f'\n[[share_operations]]\nid = "op-{n}"\nkind = "subscribe"\ndate = 2025-02-01\n'
        f'member = "{i}"\nshare_class = "A"\nshares = {n}\n'
        for n, i in enumerate(ids, start=1)
    )
    classes = '\n[[share_classes]]\ncode = "A"\nnominal = "100.00"\n'
    text = _coop() + levies + _members(ids) + activities + classes + ops
    report = evaluate_scenario(
        loads(text, name="ids"), as_of=date(2025, 12, 31), catalogue=CATALOGUE
    )
    balances = ledger(report, tmp_path)
    for n, i in enumerate(ids, start=1):
        assert balances[name(BE_PCMN, Role.CAPITAL, member=i)] == Decimal(-100 * n)
        assert balances[name(BE_PCMN, Role.ACTIVITY_REVENUE, activity=i)] == Decimal("-1000.00")
        assert activity_figures(balances, BE_PCMN, i) == books_figures(report.books.of(i))


def test_the_writer_refuses_two_keys_written_as_one_account():
    from cooprules.journal import JournalEntry, Posting  # noqa: PLC0415
    from cooprules.money import money  # noqa: PLC0415

    def entry(label):
        return JournalEntry(
            date(2025, 1, 1),
            "x",
            (Posting(label, money("1.00", "EUR")), Posting("550 Établissements de crédit",
                                                           money("-1.00", "EUR"))),
        )  # fmt: skip

    twin = attrs.evolve(BE_PCMN.account(Role.CONTRIBUTIONS), name=Text(
        en=BE_PCMN.account(Role.CONTRIBUTIONS).name.en, fr="Autre nom"))  # fmt: skip
    chart = BE_PCMN.with_overrides({"reserve:twin": twin})
    with pytest.raises(InvalidInput, match="written for both"):
        write_beancount(
            [entry("700 Chiffre d’affaires"), entry("700 Autre nom")],
            io.StringIO(),
            open_date=date(2025, 1, 1),
            currency="EUR",
            charts=[chart],
        )


# --- charts without the optional roles -----------------------------------------------------------


def _without(chart: ChartOfAccounts, *roles: Role) -> ChartOfAccounts:
    return attrs.evolve(chart, accounts={r: a for r, a in chart.accounts.items() if r not in roles})


def test_every_shipped_chart_has_every_role_the_year_books():
    for chart in CHARTS.values():
        for role in (*ACTIVITY_ROLES, Role.OPENING_BALANCES, Role.LOSS_CARRIED_FORWARD):
            assert chart.has(role), (chart.jurisdiction, role)
        assert chart.account(Role.ACTIVITY_TREASURY).type.value == "Assets"


def test_a_chart_without_the_optional_roles_builds_and_a_year_needing_them_says_which():
    bare = _without(BE_PCMN, *ACTIVITY_ROLES, Role.OPENING_BALANCES, Role.LOSS_CARRIED_FORWARD)
    assert not bare.has(Role.ACTIVITY_REVENUE)
    report, _chart = evaluate_sample("be-activity.toml")
    with pytest.raises(InvalidInput) as error:
        book_year(report, bare)
    assert (error.value.field, error.value.value) == ("chart[BE].accounts", "opening_balances")
    opening = BE_PCMN.account(Role.OPENING_BALANCES)
    with pytest.raises(InvalidInput, match="activity_revenue"):
        book_year(report, bare.with_overrides({Role.OPENING_BALANCES: opening}))
    # Through the hook, a co-op's own chart: the plug-in's error names the role.
    manager = get_plugin_manager(plugins=[AccountingPlugin({"BE": bare})], disabled=["accounting"])
    scenario = loads((EXAMPLES / "be-activity.toml").read_text(encoding="utf-8"), name="be")
    with pytest.raises(PluginError, match="opening_balances"):
        evaluate(
            scenario,
            as_of=date(2025, 12, 31),
            regime=CATALOGUE.get("be-activity"),
            journal=lambda result, regime, as_of: journal_entries(manager, result, regime, as_of),
        )
    # A year without activities, openings or losses needs none of them.
    qc = evaluate_sample("qc-solidarity.toml")[0]
    qc_bare = _without(chart_of(CATALOGUE.get(qc.regime)), *ACTIVITY_ROLES)
    assert len(book_year(qc, qc_bare)) == len(qc.journal)


def test_a_plug_in_that_books_no_year_still_books_the_levies_and_the_distribution():
    def pieces_only(result, regime, as_of):
        """A plug-in written before issue 13: it books levies and distributions, no year."""
        if type(result).__name__ == "YearReport":
            return ()
        return journal_entries(get_plugin_manager(), result, regime, as_of)

    scenario = loads((EXAMPLES / "be-activity.toml").read_text(encoding="utf-8"), name="be")
    year = evaluate(
        scenario, as_of=date(2025, 12, 31), regime=CATALOGUE.get("be-activity"), journal=pieces_only
    )
    assert {e.source.split(":")[0] for e in year.journal} == {"levy", "surplus"}


# --- the title fava shows ------------------------------------------------------------------------


def test_the_ledger_s_title_is_the_co_op_s_name(tmp_path):
    scenario = loads(_coop() + _members(["ana"]), name="title")
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=CATALOGUE)
    out = io.StringIO()
    write_beancount(report.journal, out, open_date=report.year.start, currency="EUR",
                    title=report.name)  # fmt: skip
    assert out.getvalue().splitlines()[0] == 'option "title" "Coop \\"Test\\""'
    path = tmp_path / "t.beancount"
    path.write_text(out.getvalue(), encoding="utf-8")
    _entries, errors, options = loader.load_file(str(path))
    assert (errors, options["title"]) == ([], 'Coop "Test"')


# --- every generated year ----------------------------------------------------------------------

AMOUNT = st.integers(0, 500_000).map(lambda c: f"{c // 100}.{c % 100:02}")
SIGNED = st.integers(-500_000, 500_000).map(
    lambda c: f"{'-' if c < 0 else ''}{abs(c) // 100}.{abs(c) % 100:02}"
)


def _generated(*, ids, revenues, costs, openings, paid, reserve, surplus, salary):
    activities = "".join(
        f'\n[[activities]]\nid = "{i}-act"\nowner = "{i}"\nkind = "services"\n'
        f'start = 2024-01-01\nopening_balance = "{openings[n]}"\n'
        f"revenue = {[revenues[(n + m) % len(revenues)] for m in range(12)]}\n"
        f"direct_costs = {[costs[(n + m) % len(costs)] for m in range(12)]}\n"
        for n, i in enumerate(ids)
    ).replace("'", '"')
    ops = "".join(
        f'\n[[share_operations]]\nid = "op-{n}"\nkind = "subscribe"\n'
        f'date = {2024 + n % 2}-03-01\nmember = "{i}"\nshare_class = "A"\nshares = 4\n'
        f'amount = "{paid[n % len(paid)]}"\n'
        for n, i in enumerate(ids)
    )
    pooled = (
        '\n[[pooled_costs]]\ncode = "desk"\namount = "99.99"\nkey = "headcount"\n'
        if len(ids) > 1
        else ""
    )
    pay = (
        f'\n[[payroll]]\nmember = "{ids[0]}"\nactivity = "{ids[0]}-act"\n'
        f'gross = "{salary}"\nemployer_rate = "27%"\n'
    )
    return (
        _coop("fr-cae-scop")
        + '\n[[levies.schedules]]\nid = "c"\nrate = "10%"\nbase = "gross_margin"\n'
        + "".join(
            f'\n[[members]]\nid = "{i}"\nevents = [\n'
            f'  {{ kind = "convention_signed", date = 2023-12-01 }},\n'
            f'  {{ kind = "employed", date = 2024-06-01 }},\n'
            f'  {{ kind = "admitted", date = 2024-09-01, category = "employee" }},\n]\n'
            for i in ids
        )
        + activities
        + '\n[[share_classes]]\ncode = "A"\nnominal = "250.00"\n'
        + ops
        + pooled
        + pay
        + f'\n[accounts]\nsurplus = "{surplus}"\n'
        + f'\n[[reserves]]\ncode = "legal_reserve"\nopening = "{reserve}"\n'
        + '\n[distribution]\ndate = 2026-06-13\noptions = { worker_share = "45%" }\n'
    )


YEARS = st.fixed_dictionaries(
    {
        "ids": st.lists(
            st.sampled_from(["ana", "ben-1", "Ben-1", "a b", "é-1"]),
            min_size=1,
            max_size=3,
            unique=True,
        ),
        "revenues": st.lists(AMOUNT, min_size=1, max_size=4),
        "costs": st.lists(AMOUNT, min_size=1, max_size=4),
        "openings": st.lists(SIGNED, min_size=3, max_size=3),
        "paid": st.lists(st.sampled_from(["0.00", "250.00", "999.99", "1000.00"]), min_size=1),
        "reserve": AMOUNT,
        "surplus": SIGNED,
        "salary": st.sampled_from(["0.00", "1200.00", "2000.00"]),
    }
)


@settings(max_examples=8, deadline=None)
@given(year=YEARS)
@example(
    year={
        "ids": ["ben-1", "Ben-1"],
        "revenues": ["0.00"],
        "costs": ["0.00"],
        "openings": ["0.00"] * 3,
        "paid": ["0.00"],
        "reserve": "0.00",
        "surplus": "-10.00",
        "salary": "0.00",
    }
)
def test_property_every_generated_year_s_ledger_balances_and_is_accepted(tmp_path_factory, year):
    text = _generated(**year)
    report = evaluate_scenario(
        loads(text, name="generated"), as_of=date(2025, 12, 31), catalogue=CATALOGUE
    )
    chart = chart_of(CATALOGUE.get(report.regime))
    for entry in report.journal:
        assert sum(to_minor_units(p.amount) for p in entry.postings) == 0
    balances = ledger(report, tmp_path_factory.mktemp("generated"))
    assert sum(balances.values()) == 0
    last = report.year.end - timedelta(days=1)
    at_year_end = ledger(report, tmp_path_factory.mktemp("end"), until=last)
    for books in report.books.activities:
        assert activity_figures(at_year_end, chart, books.activity) == books_figures(books)
    for row in report.reserves.roll_forward:
        assert -balances.get(chart.reserve(row.reserve).ledger_name("FR"), 0) == (
            row.closing.amount
        )
    register = report.capital.register
    assert -under(at_year_end, name(chart, Role.CAPITAL)) == register.subscribed.amount
    assert under(at_year_end, name(chart, Role.CAPITAL_RECEIVABLE)) == register.unpaid.amount
