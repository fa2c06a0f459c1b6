"""The register at year end and the year's redemptions, from a scenario (cooprules.closing).

Worked examples:
* Belgium, CSA art. 6:120 ff. (BE-CSA-07, labelfinancesolidaire.be/produit/action-b-11/): the
  exit value is the amount paid up, capped at the net-asset value per share of the last approved
  accounts: 10 shares of 250.00 at 237.50 a share are worth 2,375.00; repaying 2,500.00 is above.
* Belgium, CSA 6:115 and 6:116 (BE-CSA-06, febecoop.be/fr/double-test-test-lactif-net-et-test-
  liquidite/): a redemption is a distribution, tested on net assets and the board's finding.
* France, loi 1947 art. 18: the nominal value less the associate's share of the losses.
* Quebec, Cooperatives Act s. 38: no repayment when the co-op is or would become insolvent.
"""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import ScenarioError, loads

HEAD = """
[coop]
regime = "{regime}"
name = "Coop"
year = 2025
{statutes}
[[members]]
id = "ana"
events = [{{ kind = "admitted", date = 2024-01-10 }}]
[[members]]
id = "bo"
events = [{{ kind = "admitted", date = 2024-01-10 }}]
[[share_classes]]
code = "A"
nominal = "250.00"
[[share_operations]]
id = "op-1"
kind = "subscribe"
date = 2024-01-10
member = "ana"
share_class = "A"
shares = 10
[[share_operations]]
id = "op-2"
kind = "subscribe"
date = 2025-03-01
member = "bo"
share_class = "A"
shares = 4
amount = "500.00"
"""


def year_of(text: str, regime: str = "be-cnc", statutes: str = ""):
    scenario = loads(HEAD.format(regime=regime, statutes=statutes) + text, name="t.toml")
    return evaluate(scenario, as_of=date(2025, 12, 31), regime=get_regime(regime))


def test_the_register_at_year_end_per_member_and_class_paid_and_unpaid():
    report = year_of("")
    assert report.capital is not None
    end = report.capital.register
    assert end.on == date(2025, 12, 31)
    assert [
        (h.member, h.share_class, h.shares, str(h.paid_up.amount), str(h.unpaid.amount))
        for h in end.holdings
    ] == [("ana", "A", 10, "2500.00", "0.00"), ("bo", "A", 4, "500.00", "500.00")]
    assert (str(end.subscribed.amount), str(end.paid_up.amount), str(end.unpaid.amount)) == (
        "3500.00",
        "3000.00",
        "500.00",
    )
    assert report.capital.redemptions == ()


REDEEM = """
[[share_operations]]
id = "op-3"
kind = "redeem"
date = 2025-06-01
member = "ana"
share_class = "A"
shares = 10
"""

POSITION = """
[share_operations.position]
accounts_date = 2024-12-31
net_assets = "95000.00"
unavailable_equity = "50000.00"
liquidity_finding = { date = 2025-05-20, months = 12 }
"""


def test_be_repaid_above_the_exit_value_is_a_violation_csa_6_120():
    text = REDEEM + 'repaid = "2500.00"\nnet_asset_value_per_share = "237.50"\n' + POSITION
    report = year_of(text)
    row = report.capital.redemptions[0]
    assert (str(row.value.amount), str(row.repaid.amount)) == ("2375.00", "2500.00")
    assert [v.code for v in row.violations] == ["redemption.above_value"]
    assert row.violations[0].citation.article == "art. 6:120 ff."
    assert "redemption.above_value" in [v.code for v in report.errors]


def test_be_repaid_at_the_exit_value_passes_the_double_test_csa_6_115_6_116():
    text = REDEEM + 'repaid = "2375.00"\nnet_asset_value_per_share = "237.50"\n' + POSITION
    row = year_of(text).capital.redemptions[0]
    assert row.violations == ()
    assert [s.citation.article for s in row.explanation.steps][-2:] == ["art. 6:115", "art. 6:116"]


def test_be_a_redemption_above_the_net_asset_headroom_fails_csa_6_115():
    position = POSITION.replace('"95000.00"', '"51000.00"')  # headroom 1,000.00
    text = REDEEM + 'net_asset_value_per_share = "237.50"\n' + position
    row = year_of(text).capital.redemptions[0]
    assert [v.code for v in row.violations] == ["distribution.net_asset_test"]


def test_be_without_the_net_asset_value_per_share_the_redemption_is_not_valued():
    row = year_of(REDEEM).capital.redemptions[0]
    assert row.value is None
    assert [(v.code, v.severity.value) for v in row.violations] == [
        ("capital.redemption_not_valued", "warning")
    ]


def test_be_without_a_position_the_tests_are_said_not_run():
    row = year_of(REDEEM + 'net_asset_value_per_share = "237.50"\n').capital.redemptions[0]
    assert str(row.value.amount) == "2375.00"
    assert [v.code for v in row.violations] == ["capital.redemption_tests_not_run"]
    assert "net assets, liquidity" in row.violations[0].message.en


def test_fr_nominal_less_the_share_of_losses_loi_1947_art_18():
    text = REDEEM + 'share_of_losses = "120.00"\nrepaid = "2400.00"\n'
    row = year_of(text, regime="fr-scic").capital.redemptions[0]
    assert str(row.value.amount) == "2380.00"
    assert [v.code for v in row.violations] == ["redemption.above_value"]
    assert row.violations[0].citation.article == "art. 18"


def test_qc_no_repayment_when_insolvent_s38():
    text = (
        REDEEM + "[share_operations.position]\naccounts_date = 2024-12-31\nsolvent_after = false\n"
    )
    report = year_of(text, regime="qc-work")
    row = report.capital.redemptions[0]
    assert str(row.value.amount) == "2500.00"
    assert [v.code for v in row.violations] == ["redemption.insolvency"]


@pytest.mark.parametrize(
    ("text", "path"),
    [
        (
            (
                '[[share_operations]]\nid = "x"\nkind = "pay_up"\ndate = 2025-04-01\n'
                'member = "bo"\nshare_class = "A"\namount = "100.00"\nrepaid = "1.00"\n'
            ),
            "share_operations[2].repaid",
        ),
        (REDEEM + 'repaid = "-1.00"\n', "share_operations[2].repaid"),
        (
            REDEEM + "[share_operations.position]\naccounts_date = 2024-12-31\nnet_assets = 1.5\n",
            "share_operations[2].position.net_assets",
        ),
    ],
)
def test_bad_redemption_figures_name_the_path(text: str, path: str):
    with pytest.raises(ScenarioError) as info:
        loads(HEAD.format(regime="be-cnc", statutes="") + text, name="t.toml")
    assert (info.value.file, info.value.path) == ("t.toml", path)


@pytest.mark.parametrize(
    ("text", "path", "reason"),
    [
        (
            '[[reserves]]\ncode = "r"\n[[reserves]]\ncode = "r"\n',
            "reserves[1].code",
            "a reserve code, once",
        ),
        ('[[reserves]]\ncode = "r"\nopening = "-1.00"\n', "reserves[0].opening", "negative"),
        (
            (
                '[accounts]\nsurplus = "0"\nreserve_balances = { r = "10.00" }\n'
                '[[reserves]]\ncode = "r"\nopening = "20.00"\n'
            ),
            "reserves[0].opening",
            "accounts.reserve_balances gives 10.00: one balance, stated once",
        ),
        (
            (
                '[[reserves]]\ncode = "r"\n[[reserves.movements]]\nid = "m"\nkind = "gift"\n'
                'date = 2025-01-01\namount = "1.00"\n'
            ),
            "reserves[0].movements[0].kind",
            (
                "one of allocation, devolution_received, loss_absorption, incorporation, "
                "distribution, repayment"
            ),
        ),
        (
            (
                '[[reserves]]\ncode = "r"\n[[reserves.movements]]\nid = "m"\nkind = "allocation"\n'
                'date = 2025-01-01\namount = "0.00"\n'
            ),
            "reserves[0].movements[0].amount",
            "positive",
        ),
        ('[[reserves]]\ncode = "r"\nopen = "1.00"\n', "reserves[0].open", "unknown key"),
    ],
)
def test_bad_reserves_name_the_path_and_the_reason(text: str, path: str, reason: str):
    with pytest.raises(ScenarioError) as info:
        loads(HEAD.format(regime="be-cnc", statutes="") + text, name="t.toml")
    assert (info.value.file, info.value.path, info.value.reason) == ("t.toml", path, reason)


def test_a_scenario_movement_below_zero_is_bad_input():
    from cooprules.reserves import InsufficientReserve  # noqa: PLC0415

    text = (
        '[[reserves]]\ncode = "r"\nopening = "10.00"\n[[reserves.movements]]\nid = "m"\n'
        'kind = "distribution"\ndate = 2025-05-01\namount = "11.00"\n'
    )
    with pytest.raises(InsufficientReserve, match="below zero"):
        year_of(text)
