"""The sector co-op sample (issue 17.6): a coworking's cost shared by desk-days, month by month.

``be-sector-coworking.toml`` is a Belgian accredited co-op (be-cnc) whose members share a
coworking. The law fixes no key (belgium.md: "contribution to costs ... not fixed by law"); the
statutes do: art. 14 §1 shares the coworking's 2,400.00 EUR a month by each activity's desk-days
of the month (`pooled_costs.monthly_weights`), art. 14 §2 the reception's 300.00 EUR equally
among the activities of the month, and art. 12 levies 3 % of the revenue.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.plugins import load_regimes
from cooprules.pooling import AllocationKey
from cooprules.scenario import ScenarioError, load, loads
from cooprules_adapters.scenario import evaluate_scenario

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "cooprules_cli" / "samples"
SAMPLE = SAMPLE / "be-sector-coworking.toml"
CATALOGUE = load_regimes()


@pytest.fixture(scope="module")
def report():
    return evaluate_scenario(load(SAMPLE), as_of=date(2027, 12, 31), catalogue=CATALOGUE)


def _charges(report, code: str, month: int) -> dict[str, Money]:
    out = {}
    for books in report.books.activities:
        for charge in books.months[month - 1].pooled_charges:
            if charge.cost.split("/")[0] == code:
                out[charge.activity] = charge.amount
    return out


def eur(text: str) -> Money:
    return Money(Decimal(text), "EUR")


def test_january_desk_days_share_the_coworking_at_40_a_day(report):
    # art. 14 §1: 18 + 20 + 8 + 14 = 60 desk-days, 2,400.00 / 60 = 40.00 a desk-day.
    assert _charges(report, "coworking", 1) == {
        "nadia-act": eur("720.00"),
        "pieter-act": eur("800.00"),
        "ana-act": eur("320.00"),
        "yves-act": eur("560.00"),
    }


def test_july_bram_s_first_month_at_37_50_a_day(report):
    # 16 + 19 + 7 + 12 + 10 = 64 desk-days: 37.50 each.
    assert _charges(report, "coworking", 7) == {
        "nadia-act": eur("600.00"),
        "pieter-act": eur("712.50"),
        "ana-act": eur("262.50"),
        "yves-act": eur("450.00"),
        "bram-act": eur("375.00"),
    }


def test_october_the_two_cents_left_go_to_the_largest_remainders(report):
    # 19 + 21 + 9 + 15 + 17 = 81 desk-days; in cents: 562.962..., 622.222..., 266.666...,
    # 444.444..., 503.703...: the floors add up to 2,399.98; the two cents go to the largest
    # remainders, Ana (.666) and Yves (.444).
    assert _charges(report, "coworking", 10) == {
        "nadia-act": eur("562.96"),
        "pieter-act": eur("622.22"),
        "ana-act": eur("266.67"),
        "yves-act": eur("444.45"),
        "bram-act": eur("503.70"),
    }


def test_every_month_the_coworking_and_the_reception_add_up_to_the_cent(report):
    for month in range(1, 13):
        assert sum(_charges(report, "coworking", month).values(), eur("0")) == eur("2400.00")
        assert sum(_charges(report, "reception", month).values(), eur("0")) == eur("300.00")


def test_bram_pays_nothing_before_he_joins(report):
    for month in range(1, 7):
        assert "bram-act" not in _charges(report, "coworking", month)
        assert "bram-act" not in _charges(report, "reception", month)
    # art. 14 §2: 300.00 among four activities, then five
    assert set(_charges(report, "reception", 6).values()) == {eur("75.00")}
    assert set(_charges(report, "reception", 7).values()) == {eur("60.00")}


def test_the_charges_cite_the_statutes_article(report):
    books = next(b for b in report.books.activities if b.activity == "ana-act")
    charge = next(c for c in books.months[0].pooled_charges if c.cost.startswith("coworking"))
    assert charge.key is AllocationKey.USAGE
    assert charge.citation is not None
    assert charge.citation.article == "art. 14 §1"
    assert (charge.weight, charge.total_weight) == (8, 60)


def test_the_contribution_is_3_percent_of_the_revenue(report):
    rows = {row.activity: row for row in report.levies}
    assert rows["nadia-act"].months[0] == eur("126.00")  # 4,200.00 x 3 % (art. 12)
    assert rows["bram-act"].total == eur("447.00")  # 14,900.00 x 3 %
    assert report.violations == ()


BASE = """
[coop]
regime = "be-cnc"
name = "Coop"
year = 2027
[[members]]
id = "a"
events = [{ kind = "admitted", date = 2020-01-01 }]
[[activities]]
id = "a-act"
owner = "a"
start = 2020-01-01
revenue = ["100.00"]
[[pooled_costs]]
code = "coworking"
amount = "100.00"
"""


@pytest.mark.parametrize(
    ("tail", "path"),
    [
        ('key = "usage"\nmonthly_weights = { a-act = [1, 2] }', "monthly_weights.a-act"),
        ('key = "headcount"\nmonthly_weights = { a-act = [1] }', "monthly_weights"),
        (
            'key = "usage"\nweights = { a-act = 1 }\nmonthly_weights = { a-act = [1] }',
            "monthly_weights",
        ),
        ('key = "usage"\nmonthly_weights = { b-act = [1,1,1,1,1,1,1,1,1,1,1,1] }', "b-act"),
        ('key = "usage"\nmonthly_weights = { a-act = [1,1,1,1,1,-1,1,1,1,1,1,1] }', "[5]"),
    ],
)
def test_bad_monthly_weights_are_refused_naming_the_field(tail, path):
    with pytest.raises(ScenarioError) as caught:
        loads(BASE + tail, name="bad.toml")
    assert "pooled_costs[0].monthly_weights" in str(caught.value)
    assert path in str(caught.value)


def test_a_month_nobody_used_is_refused_not_charged_to_nobody():
    # the cost of a month without a single desk-day would be charged to nobody: bad input
    text = BASE.replace('revenue = ["100.00"]', 'revenue = ["100.00"]\nlevy = { rate = "1%" }')
    text += 'key = "usage"\nmonthly_weights = { a-act = [0,1,1,1,1,1,1,1,1,1,1,1] }\n'
    scenario = loads(text, name="nobody.toml")
    with pytest.raises(InvalidInput) as caught:
        evaluate_scenario(scenario, as_of=date(2027, 12, 31), catalogue=CATALOGUE)
    assert "pooled_costs[coworking/2027-01]" in str(caught.value)
