"""A year's closing through the command: a loss year, refunds in shares, the distribution tests.

Worked examples:
* Quebec, Cooperatives Act s. 146, the reference's example 1 (legisquebec C-67.2 se:146): base
  100,000, equity at 25 % of the debts; the meeting decides 10,000 to the reserve, 10,000 of
  ristournes in shares and the rest in cash: A 45,000 (5,000 in shares), B 27,000 (3,000),
  C 18,000 (2,000).
* Quebec s. 149.3 and s. 145: a deficit charged first to the enhancement reserve, then the
  reserve; a loss year exits 0.
* Belgium, CSA 6:115 (febecoop.be double test): net assets 95,000, unavailable equity 50,000:
  headroom 45,000; a cash distribution above it fails; the board's finding (6:116) is required.
* Belgium, AR 28 June 2019 art. 6 / AR 1962 art. 1 §1 5°: the largest legal dividend is 6 % of
  the capital (gross, or 6 % net of 30 % withholding: 3/35).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from click.testing import CliRunner

from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import loads
from cooprules_cli import main

QC = """
[coop]
regime = "qc-work"
name = "Coop"
year = 2025
currency = "CAD"
[[members]]
id = "A"
events = [{ kind = "admitted", date = 2020-01-01, category = "worker" }]
measures = { business = "500000" }
[[members]]
id = "B"
events = [{ kind = "admitted", date = 2020-01-01, category = "worker" }]
measures = { business = "300000" }
[[members]]
id = "C"
events = [{ kind = "admitted", date = 2020-01-01, category = "worker" }]
measures = { business = "200000" }
"""

QC_SPLIT = """
[accounts]
surplus = "100000.00"
equity = "25000.00"
debts = "100000.00"
[[reserves]]
code = "reserve"
opening = "41200.00"
indivisible = true
[distribution]
date = 2026-03-28
[distribution.options]
measure = "business"
reserve = "10000.00"
refunds = "rest"
refunds_in_shares = "10000.00"
"""

QC_LOSS = """
[accounts]
surplus = "-5000.00"
[[reserves]]
code = "reserve"
opening = "41200.00"
indivisible = true
[[reserves]]
code = "enhancement"
opening = "3000.00"
[meeting]
date = 2026-03-28
"""


def run(tmp_path: Path, text: str, *args: str):
    path = tmp_path / "coop.toml"
    path.write_text(text, encoding="utf-8")
    return CliRunner().invoke(main, ["run", str(path), *args])


def test_quebec_example_1_refunds_in_shares_appear_in_json_and_markdown(tmp_path):
    result = run(tmp_path, QC + QC_SPLIT, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    refunds = next(s for s in data["distribution"]["steps"] if s["code"] == "refunds")
    assert refunds["amount"] == "90000.00 CAD"
    assert refunds["shares"] == {"A": "45000.00 CAD", "B": "27000.00 CAD", "C": "18000.00 CAD"}
    assert refunds["in_shares"] == {"A": "5000.00 CAD", "B": "3000.00 CAD", "C": "2000.00 CAD"}
    assert not [v for v in data["violations"] if v["code"].startswith("qc.s146")]
    # s. 145: the reserve rolls forward with the meeting's 10,000.
    assert data["year_end"]["reserves"] == [
        {
            "reserve": "reserve",
            "indivisible": True,
            "opening": "41200.00 CAD",
            "movements": {"allocation": "10000.00 CAD"},
            "closing": "51200.00 CAD",
        }
    ]
    # The regime's suggestion beside it: s. 146 applies, 20 % to the reserve, the rest refunded.
    suggestion = {s["code"]: s["amount"] for s in data["year_end"]["suggestion"]["steps"]}
    assert suggestion["reserve"] == "20000.00 CAD"
    assert suggestion["refunds"] == "80000.00 CAD"
    markdown = run(tmp_path, QC + QC_SPLIT, "--format", "markdown").output
    assert "| refunds | $90,000.00 | $10,000.00 | $80,000.00 |" in markdown  # en_CA


def test_quebec_loss_year_absorbed_enhancement_first_and_exit_0(tmp_path):
    result = run(tmp_path, QC + QC_LOSS, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["distribution"] is None
    loss = data["year_end"]["loss"]
    assert loss["loss"] == "5000.00 CAD"
    assert loss["charged"] == {"enhancement": "3000.00 CAD", "reserve": "2000.00 CAD"}
    assert loss["carried_forward"] == "0.00 CAD"
    closing = {r["reserve"]: r["closing"] for r in data["year_end"]["reserves"]}
    assert closing == {"reserve": "39200.00 CAD", "enhancement": "0.00 CAD"}
    table = run(tmp_path, QC + QC_LOSS, "--format", "markdown").output
    assert "| enhancement | $3,000.00 |" in table  # en_CA
    assert "| carried forward | $0.00 |" in table


def test_a_loss_with_a_distribution_decided_distributes_nothing_and_says_so(tmp_path):
    text = QC + QC_LOSS + '[distribution]\noptions = { measure = "business" }\n'
    data = json.loads(run(tmp_path, text, "--format", "json").output)
    assert data["distribution"] is None
    assert ("distribution.loss_year", "warning") in [
        (v["code"], v["severity"]) for v in data["violations"]
    ]


BE = """
[coop]
regime = "be-cnc"
name = "Coop"
year = 2025
[[members]]
id = "ana"
events = [{ kind = "admitted", date = 2024-01-10 }]
[[share_classes]]
code = "A"
nominal = "250.00"
[[share_operations]]
id = "op-1"
kind = "subscribe"
date = 2024-01-10
member = "ana"
share_class = "A"
shares = 400
[accounts]
surplus = "60000.00"
net_assets = "95000.00"
unavailable_equity = "50000.00"
"""


def test_belgium_csa_6_115_a_cash_distribution_above_the_headroom_fails(tmp_path):
    # 46,000 of ristournes in cash: above the 45,000 headroom.
    text = BE + (
        '[[members]]\nid = "bo"\nevents = [{ kind = "admitted", date = 2024-01-10 }]\n'
        'measures = { transactions = "1" }\n'
        "[distribution]\ndate = 2026-06-13\n"
        'options = { refunds = "46000.00", measure = "transactions" }\n'
        "liquidity_finding = { date = 2026-05-20, months = 12 }\n"
    )
    data = json.loads(run(tmp_path, text, "--format", "json").output)
    tests = data["year_end"]["distribution_tests"]
    assert tests["headroom"] == "45000.00 EUR"
    assert tests["paid_in_cash"] == "46000.00 EUR"
    assert tests["violations"] == ["distribution.net_asset_test"]
    assert not tests["passed"]


def test_belgium_csa_6_116_the_boards_finding_is_required_and_must_cover_12_months(tmp_path):
    decided = '[distribution]\ndate = 2026-06-13\noptions = { interest_rate = "2%" }\n'
    data = json.loads(run(tmp_path, BE + decided, "--format", "json").output)
    tests = data["year_end"]["distribution_tests"]
    assert tests["headroom"] == "45000.00 EUR"
    assert tests["paid_in_cash"] == "2000.00 EUR"  # 2 % of 100,000 held all year
    assert tests["violations"] == ["distribution.liquidity_test_missing"]
    short = decided + "liquidity_finding = { date = 2026-05-20, months = 6 }\n"
    data = json.loads(run(tmp_path, BE + short, "--format", "json").output)
    assert data["year_end"]["distribution_tests"]["violations"] == ["distribution.liquidity_test"]


def test_belgium_the_suggested_split_pays_the_largest_legal_dividend(tmp_path):
    decided = (
        '[distribution]\ndate = 2026-06-13\noptions = { interest_rate = "2%" }\n'
        "liquidity_finding = { date = 2026-05-20, months = 12 }\n"
    )
    data = json.loads(run(tmp_path, BE + decided, "--format", "json").output)
    suggestion = data["year_end"]["suggestion"]
    interest = next(s for s in suggestion["steps"] if s["code"] == "interest")
    # 6 % net of 30 % withholding: 3/35 of 100,000, rounded down (AR 1962 art. 1 §1 5°).
    assert interest["amount"] == "8571.42 EUR"
    assert suggestion["violations"] == []
    assert "3/35" in suggestion["note"]


SCOP_REDEMPTIONS = """
[coop]
regime = "fr-scop"
name = "SCOP"
year = 2025

[[members]]
id = "ana"
events = [{ kind = "admitted", date = 2018-01-01, category = "employee" }]
[[members]]
id = "bo"
events = [{ kind = "admitted", date = 2018-01-01, category = "employee" }]

[[share_classes]]
code = "P"
nominal = "100.00"

[[share_operations]]
id = "op-1"
kind = "subscribe"
date = 2018-01-01
member = "ana"
share_class = "P"
shares = 10
[[share_operations]]
id = "op-2"
kind = "subscribe"
date = 2018-01-01
member = "bo"
share_class = "P"
shares = 10
[[share_operations]]
id = "op-3"
kind = "redeem"
date = 2025-03-31
member = "bo"
share_class = "P"
shares = 10
share_of_losses = "0.00"
[[share_operations]]
id = "op-4"
kind = "redeem"
date = 2025-06-30
member = "ana"
share_class = "P"
shares = 8
share_of_losses = "0.00"
"""


def test_a_scops_redemptions_are_checked_against_the_law_files_floor():
    # Loi 1978 art. 31 (fr.scop_capital_floor, 1/4 in fr/law.toml): the capital may not fall
    # below a quarter of the highest reached (2,000.00, floor 500.00). bo's 10 shares leave
    # 1,000.00; ana's 8 then leave 200.00, below it. The year binds the capital rules to the law
    # (it once passed them unbound, and a SCOP's redemption raised instead of being checked).
    scenario = loads(SCOP_REDEMPTIONS, name="scop-redemptions.toml")
    report = evaluate(scenario, as_of=date(2025, 12, 31), regime=get_regime("fr-scop"))
    floors = [v for v in report.violations if v.code == "redemption.capital_floor"]
    assert [v.subject for v in floors] == ["redemption of 800.00 EUR on 2025-06-30"]
    assert "200.00 EUR" in floors[0].message.en
    assert floors[0].citation is not None
    assert floors[0].citation.article.startswith("art. 31")
