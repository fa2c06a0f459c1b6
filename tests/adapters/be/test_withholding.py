"""Belgian précompte mobilier on interest on shares, the yearly exemption, and a year's scenario
with a class conversion and a redemption (issue 12, points 8 and 9)."""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.capital import RedemptionAboveValue
from cooprules.explain import Confidence, RuleKind
from cooprules.money import Money, Rate, money
from cooprules.plugins import load_regimes
from cooprules.regime import Statutes, bind
from cooprules.scenario import loads
from cooprules_adapters.be.regimes import BE_CNC, BE_SCES
from cooprules_adapters.be.sources import Keys
from cooprules_adapters.be.withholding import withholding_of
from cooprules_adapters.scenario import evaluate_scenario

NOW = date(2025, 6, 30)


def eur(text: str) -> Money:
    return money(text, "EUR")


def test_the_exemption_is_the_statutes_to_give_no_figure_in_the_law():
    # belgium.md BE-CSA-09 [SRC-2]: 30 % précompte; the individual's dividend exemption was
    # EUR 640, then EUR 800 from tax year 2019, now indexed [UNC current amount]: no figure.
    for regime in (BE_CNC, BE_SCES):
        version = regime.parameter(Keys.dividend_exemption, NOW)
        assert version.value is None
        assert version.kind is RuleKind.STATUTE
        assert version.citation is not None
        assert version.citation.confidence is Confidence.UNC
    assert BE_CNC.value(Keys.withholding_tax_rate, NOW) == Rate.of("30%")


def test_without_the_statutes_figure_nothing_is_exempt():
    result = withholding_of(bind(BE_CNC, as_of=NOW), {"ana": eur("100.00")})
    assert result.exemption is None
    assert result.line("ana").withheld == eur("30.00")
    assert (
        result.explanation.steps[-1].citation
        == BE_CNC.parameter(Keys.withholding_tax_rate, NOW).citation
    )


def test_the_statutes_exemption_is_applied_and_cited():
    statutes = Statutes(
        "be-cnc", {"be.dividend_exemption": eur("800.00")}, {"be.dividend_exemption": "art. 40"}
    )
    result = withholding_of(
        bind(BE_CNC, statutes, as_of=NOW),
        {"ana": eur("1000.00"), "co": eur("1000.00")},
        exempt_members=["ana"],
        used={"ana": eur("300.00")},
    )
    # ana: 500.00 of the exemption left, 30 % of 500.00 = 150.00; co (a company) 300.00
    assert [line.withheld for line in result.lines] == [eur("150.00"), eur("300.00")]
    exemption_step = result.explanation.steps[0]
    assert exemption_step.result == eur("800.00")
    assert exemption_step.citation is not None
    assert exemption_step.citation.article == "art. 40"


SCENARIO = """
[coop]
regime = "be-cnc"
name = "Coopérative d'épargne"
year = 2025

[coop.statutes.values]
"be.dividend_exemption" = "{exemption}"

[[members]]
id = "ana"
events = [{{ kind = "admitted", date = 2020-01-06 }}]
[[members]]
id = "ben"
events = [{{ kind = "admitted", date = 2020-01-06 }}]
[[members]]
id = "chloe"
events = [{{ kind = "admitted", date = 2020-01-06 }}]

[[share_classes]]
code = "A"
nominal = "100.00"
[[share_classes]]
code = "B"
nominal = "50.00"

[[share_operations]]
id = "op-1"
kind = "subscribe"
date = 2020-01-06
member = "ana"
share_class = "A"
shares = 200
[[share_operations]]
id = "op-2"
kind = "subscribe"
date = 2020-01-06
member = "ben"
share_class = "A"
shares = 20
[[share_operations]]
id = "op-3"
kind = "subscribe"
date = 2020-01-06
member = "chloe"
share_class = "A"
shares = 10
[[share_operations]]
id = "op-4"
kind = "convert"
date = 2025-01-01
member = "ben"
share_class = "A"
shares = 10
into = "B"
into_shares = 20
[[share_operations]]
id = "op-5"
kind = "redeem"
date = 2025-01-01
member = "chloe"
share_class = "A"
shares = 5
amount = "{redeemed}"

[accounts]
surplus = "10000.00"

[distribution]
date = 2026-06-15
options = {{ interest_rate = "5%", dividend_cap_basis = "gross" }}
"""


def run(exemption: str = "800.00", redeemed: str = "500.00"):
    scenario = loads(SCENARIO.format(exemption=exemption, redeemed=redeemed), name="be.toml")
    return evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=load_regimes())


def test_a_belgian_year_reports_the_withholding_after_a_conversion_and_a_redemption():
    report = run()
    assert report.distribution is not None
    interest = report.distribution.step("interest")
    # 5 % a year on the paid-up capital of 2025: ana 200 x 100 = 20,000 -> 1,000.00; ben keeps
    # 1,000.00 in A and 1,000.00 in B (converted on 1 January) -> 100.00; chloe 500.00 -> 25.00
    assert dict(interest.shares) == {
        "ana": eur("1000.00"),
        "ben": eur("100.00"),
        "chloe": eur("25.00"),
    }
    assert report.withholding is not None
    lines = {line.member: line for line in report.withholding.lines}
    # only ana's interest is above the 800.00 the statutes exempt: 30 % of 200.00
    assert {m: line.withheld for m, line in lines.items()} == {
        "ana": eur("60.00"),
        "ben": eur("0.00"),
        "chloe": eur("0.00"),
    }
    assert lines["ana"].net == eur("940.00")
    # the withholding follows the statutes' figure
    lines = {line.member: line.withheld for line in run(exemption="700.00").withholding.lines}
    assert lines["ana"] == eur("90.00")


def test_a_scenario_redemption_above_the_nominal_value_is_refused():
    with pytest.raises(RedemptionAboveValue) as info:
        run(redeemed="900.00")
    assert (info.value.field, info.value.value) == ("operations[op-5].amount", "900.00 EUR")
