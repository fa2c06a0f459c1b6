"""A whole xx-demo year through ``cooprules run``: levies, distribution, votes and the ledger.

Everything the year needs from the law comes from this plug-in (its law file and its rule sets),
found through its entry point exactly as cooprules' own regimes are.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from beancount import loader
from beancount.core import data, realization
from click.testing import CliRunner
from cooprules.explain import render_steps
from cooprules.law import loads_law
from cooprules.money import Rate
from cooprules.report import evaluate
from cooprules.scenario import load, loads
from cooprules.testing import moved, replace_parameter
from cooprules_cli.main import main

from cooprules_example_xx import LAW, XX_DEMO
from cooprules_example_xx.sources import KEYS

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenario.toml"
LAW_FILE = ROOT / "src" / "cooprules_example_xx" / "law.toml"
AS_OF = date(2025, 12, 31)
EXCLUSION = (ROOT / "tests" / "exclusion.toml").read_text(encoding="utf-8")


def cli(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    return result.exit_code, result.stdout


@pytest.fixture(scope="module")
def year(tmp_path_factory):
    ledger = tmp_path_factory.mktemp("year") / "ledger.beancount"
    code, output = cli("run", SCENARIO, "--journal", ledger, "--format", "json")
    assert code == 0, output
    return json.loads(output), ledger


def scenario():
    return load(SCENARIO, currency_of_regime=lambda _code: XX_DEMO.currency)


def steps(distribution):
    return {step.code: str(step.amount.amount) for step in distribution.steps}


def test_the_year_runs_and_finds_no_violation(year):
    report, _ledger = year
    assert report["regime"] == "xx-demo"
    assert report["violations"] == []
    assert [m["status"] for m in report["members"]] == ["member"] * 6
    code, _output = cli("check", SCENARIO)
    assert code == 0


def test_the_activities_pay_the_sample_schedule_to_the_cent(year):
    levies = year[0]["levies"]
    assert {row["activity"]: row["total"] for row in levies["activities"]} == {
        "ana-design": "2679.47 EUR",
        "bo-carpentry": "4119.09 EUR",
        "chloe-translation": "1919.82 EUR",
        "fay-photo": "1229.78 EUR",
    }
    assert levies["total"] == "9948.16 EUR"
    # January: 8 % of 2345.67 is 187.6536, rounded to 187.65; 329.60; 158.43; fay not started.
    assert levies["month_totals"][0] == "675.68 EUR"
    fay = next(row for row in levies["activities"] if row["activity"] == "fay-photo")
    assert fay["months"][:3] == ["0.00 EUR", "0.00 EUR", "68.00 EUR"]


def test_the_waterfall_reads_the_law_file_to_the_cent(year):
    distribution = year[0]["distribution"]
    assert distribution["surplus"] == "9876.54 EUR"
    assert distribution["unallocated"] == "0.00 EUR"
    assert [(s["code"], s["amount"]) for s in distribution["steps"]] == [
        ("legal_reserve", "1481.48 EUR"),  # 15 % of 9876.54 = 1481.481
        ("interest", "200.14 EUR"),  # 3 % a year of the paid-up capital, pro rata of the days
        ("refunds", "3277.97 EUR"),  # 40 % of the 8194.92 that remain
        ("general_reserve", "4916.95 EUR"),
    ]
    by_code = {s["code"]: s["shares"] for s in distribution["steps"]}
    assert by_code["interest"] == {
        "ana": "60.00 EUR",
        "bo": "45.00 EUR",
        "chloe": "30.00 EUR",
        "dan": "37.56 EUR",  # 30.00, and 3 % of 500.00 for the 184 days from 1 July
        "eli": "15.00 EUR",
        "fay": "12.58 EUR",  # 3 % of 500.00 for the 306 days from 1 March
    }
    assert by_code["refunds"] == {  # pro rata of each member's revenue; dan and eli have none
        "ana": "882.90 EUR",
        "bo": "1357.26 EUR",
        "chloe": "632.59 EUR",
        "fay": "405.22 EUR",
    }


def test_the_legal_reserve_cites_the_law_file():
    report = evaluate(scenario(), as_of=AS_OF, regime=XX_DEMO)
    assert report.distribution is not None
    legal = report.distribution.step("legal_reserve")
    assert legal.step.citation == LAW.citation("act-21-2020")
    assert report.distribution.step("interest").step.citation == LAW.citation("act-22")
    code, output = cli("run", SCENARIO, "--format", "markdown", "--explain")
    assert code == 0
    assert (
        "Allocation to legal_reserve: target = €1,481.48 -> €1,481.48; share 15% of the base "
        "— Co-operatives Act of XX, art. 21 (as amended in 2020) (from the text): "
        "https://example.org/xx/cooperatives-act#art-21"
    ) in output


def test_the_meeting_adopts_the_accounts_and_rejects_the_amendment(year):
    votes = {v["id"]: v for v in year[0]["votes"]}
    assert votes["approve-accounts"]["adopted"] is True
    assert votes["approve-accounts"]["share_for"] == "5/6"  # eli votes through dan's proxy
    assert votes["amend-articles"]["adopted"] is False
    assert votes["amend-articles"]["quorum_reached"] is True
    assert votes["amend-articles"]["share_for"] == "3/5"  # two-thirds of the votes cast needed


def test_beancount_accepts_the_ledger_booked_on_the_plugin_s_chart(year):
    report, ledger = year
    entries, errors, options = loader.load_file(str(ledger))
    assert errors == []
    assert options["title"] == "L'Atelier Commun"  # fava's title: the co-op's name
    transactions = [e for e in entries if isinstance(e, data.Transaction)]
    # the whole year: 46 months of revenue and costs, 46 levies, 4 steps of the distribution,
    # 3 opening balances (two reserves and the capital) and the year's 2 share operations
    assert len(transactions) == report["journal_entries"] == 46 + 46 + 4 + 3 + 2
    real = realization.realize(entries)
    balances = {
        account.account: account.balance.get_currency_units("EUR").number
        for account in realization.iter_children(real)
        if account.txn_postings
    }
    assert balances["Income:XX:700-ContributionsOfTheActivities"] == Decimal("-9948.16")
    # each reserve: its opening balance and the meeting's allocation (the roll-forward's closing)
    assert balances["Equity:XX:120-LegalReserve"] == Decimal("-7901.48")  # 6420.00 + 1481.48
    assert balances["Equity:XX:130-GeneralReserve"] == Decimal("-16496.95")  # 11580.00 + 4916.95
    assert balances["Liabilities:XX:450-MembersInterestPayable:Dan"] == Decimal("-37.56")
    assert balances["Equity:XX:140-ResultToAllocate"] == Decimal("9876.54")
    # each activity's own accounts: its revenue, and its treasury at the books' closing balance
    ana = {row["activity"]: row for row in report["books"]["activities"]}["ana-design"]
    assert balances["Income:Activities:Ana-design:XX-710-RevenueOfTheActivities"] == Decimal(
        "-33493.37"
    )
    treasury = balances["Assets:Activities:Ana-design:XX-511-ActivityTreasuries"]
    assert f"{treasury} EUR" == ana["closing"] == "26582.60 EUR"
    capital = sum(v for k, v in balances.items() if k.startswith("Equity:XX:100-MembersCapital"))
    assert capital == Decimal("-7000.00")  # the register's paid-up capital on 31 December


def test_raising_the_legal_reserve_in_a_copy_of_the_law_moves_the_year():
    text = LAW_FILE.read_text(encoding="utf-8")
    raised = text.replace('value = "15%"\nminimum = "15%"', 'value = "20%"\nminimum = "20%"')
    assert raised != text
    book = loads_law(raised, name="law.toml", keys=KEYS)
    regime = attrs.evolve(XX_DEMO, parameters=book.parameters("xx-demo"))
    before = evaluate(scenario(), as_of=AS_OF, regime=XX_DEMO).distribution
    after = evaluate(scenario(), as_of=AS_OF, regime=regime).distribution
    assert before is not None
    assert after is not None
    assert steps(before) == {
        "legal_reserve": "1481.48",
        "interest": "200.14",
        "refunds": "3277.97",
        "general_reserve": "4916.95",
    }
    assert steps(after) == {
        "legal_reserve": "1975.31",  # 20 % of 9876.54 = 1975.308
        "interest": "200.14",
        "refunds": "3080.44",  # 40 % of the 7701.09 that remain
        "general_reserve": "4620.65",
    }
    explained = render_steps(after.step("legal_reserve").explanation)
    assert "share 20% of the base" in explained
    assert "share 20% of the base" not in render_steps(before.step("legal_reserve").explanation)
    assert after.violations == ()


def test_a_meeting_giving_the_legal_reserve_less_than_the_law_breaks_it():
    given = scenario()
    assert given.distribution is not None
    options = {**given.distribution.options, "legal_reserve": "10%"}
    short = attrs.evolve(given, distribution=attrs.evolve(given.distribution, options=options))
    report = evaluate(short, as_of=AS_OF, regime=XX_DEMO)
    [violation] = report.errors
    assert violation.code == "xx.legal_reserve_below_share"
    assert violation.citation == LAW.citation("act-21-2020")
    assert violation.message.en == (
        "The legal reserve receives 987.65 EUR; 15% of the surplus is 1481.48 EUR."
    )


def test_an_option_the_waterfall_does_not_take_is_bad_input(tmp_path):
    text = SCENARIO.read_text(encoding="utf-8")
    path = tmp_path / "scenario.toml"
    path.write_text(text.replace('refunds = "40%"', 'ristournes = "40%"'), encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(path)])
    assert result.exit_code == 2
    assert "distribution.options.ristournes" in result.stderr


def _copy(key, value):
    """XX_DEMO with ``key`` at ``value`` in a copy of its law (the contract test's change)."""
    version = XX_DEMO.parameter(key, AS_OF)
    return replace_parameter(XX_DEMO, version, moved(version, value))


def test_the_exclusion_majority_is_the_law_file_s():
    # art. 9: the general meeting excludes by two thirds of the votes cast; 4 of 6 is enough.
    # At three quarters in a copy of the law the same decision no longer excludes gus.
    given = loads(SCENARIO.read_text(encoding="utf-8") + EXCLUSION, name="with an exclusion")
    law = evaluate(given, as_of=AS_OF, regime=XX_DEMO)
    assert law.errors == ()
    assert {m.id: m.status.value for m in law.members}["gus"] == "excluded"
    higher = evaluate(given, as_of=AS_OF, regime=_copy("xx.exclusion_majority", Rate.of("3/4")))
    assert [(v.code, v.subject) for v in higher.errors] == [
        ("membership.illegal_transition", "gus")
    ]
    assert "below the required 0.75" in higher.errors[0].message.en


def test_the_proxy_limit_is_the_law_file_s():
    # art. 14: one proxy each; dan carries eli's. With none in a copy of the law, eli's proxy is
    # refused and the accounts are approved by 4 of the 5 votes cast.
    before = {v.id: v for v in evaluate(scenario(), as_of=AS_OF, regime=XX_DEMO).votes}
    after_report = evaluate(scenario(), as_of=AS_OF, regime=_copy("xx.max_proxies", 0))
    after = {v.id: v for v in after_report.votes}
    assert str(before["approve-accounts"].result.share_for) == "5/6"
    assert str(after["approve-accounts"].result.share_for) == "4/5"
    assert "voting.too_many_proxies" in {v.code for v in after_report.violations}
