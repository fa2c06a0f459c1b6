"""A scenario's levies in format 2 reach the engine's LevyPolicy: by kind, by date, per activity.

The rates are the co-op's own statutes (no Belgian law sets the contribution: loi du 1er mars 2007
art. 80 sets none; shared/reference/belgium.md B6); the engine's figures are exact to the cent.
"""

from datetime import date

import pytest

from cooprules.errors import InvalidInput
from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import loads

MONTHS = ", ".join(['"1000.00"'] * 11)
TEXT = f"""
format = 2
[coop]
regime = "be-activity"
name = "Coop"
year = 2026
first_month = 7
[[members]]
id = "ana"
birth_date = 1990-01-01
facts = {{ unemployment_days_18_months = 210 }}
events = [{{ kind = "convention_signed", date = 2025-01-06 }}]
[levies]
give_back_credit_notes = true
[[levies.schedules]]
id = "standard"
sample = "be.ACTIVITY_EXAMPLE"
[[levies.schedules]]
id = "standard-2027"
rate = "9%"
from = 2027-01-01
article = "art. 12 (amended)"
[[levies.schedules]]
id = "trade"
kind = "trade"
rate = "6%"
[[levies.schedules]]
id = "contract"
named_only = true
rate = "5%"
[[activities]]
id = "a"
owner = "ana"
start = 2025-01-06
revenue = [{MONTHS}, "-500.00"]
[[activities]]
id = "b"
owner = "ana"
kind = "trade"
start = 2025-01-06
revenue = ["1000.00"]
[[activities]]
id = "c"
owner = "ana"
start = 2025-01-06
schedule = "contract"
revenue = ["1000.00"]
[[activities]]
id = "d"
owner = "ana"
start = 2025-01-06
levy = {{ rate = "1%", from = 2027-03-01 }}
revenue = [{MONTHS}]
"""


def report(text=TEXT):
    scenario = loads(text, name="policy.toml")
    return evaluate(scenario, as_of=date(2027, 6, 30), regime=get_regime("be-activity"))


def rows(text=TEXT):
    return {row.activity: row for row in report(text).levies}


def amounts(row):
    return [f"{m.amount:f}" for m in row.months]


def test_the_schedule_changes_on_its_date_within_a_financial_year():
    # July 2026 - June 2027: 10 % of the margin until December, 9 % from January 2027.
    a = rows()["a"]
    assert amounts(a)[:7] == ["100.00"] * 6 + ["90.00"]
    names = [p.schedule.name for p in a.year.periods]
    assert names[5:7] == ["statuts-exemple", "standard-2027"]
    steps = [s.citation.article for s in a.year.periods[6].explanation.steps if s.citation]
    assert "art. 12 (amended)" in steps


def test_a_credit_note_gives_the_levy_back_when_the_statutes_say_so():
    # June 2027 cancels 500.00 of invoices levied at 9 %: 45.00 given back (the statutes' choice).
    a = rows()["a"]
    assert amounts(a)[11] == "-45.00"
    assert f"{a.total.amount:f}" == "1005.00"  # 6 x 100 + 5 x 90 - 45
    kept = rows(TEXT.replace("give_back_credit_notes = true\n", ""))["a"]
    assert amounts(kept)[11] == "0.00"
    assert f"{kept.total.amount:f}" == "1050.00"


def test_each_kind_its_schedule_and_an_activity_its_own():
    found = rows()
    assert amounts(found["b"])[0] == "60.00"  # trade: 6 %
    assert amounts(found["c"])[0] == "50.00"  # the contract it names: 5 %
    # Its own 1 % from March 2027; before, its kind's schedules (10 %, then 9 % from January).
    assert amounts(found["d"])[:9] == ["100.00"] * 6 + ["90.00", "90.00", "10.00"]
    assert f"{found['d'].total.amount:f}" == "810.00"  # 6 x 100 + 2 x 90 + 3 x 10


def test_an_activity_naming_a_schedule_of_every_kind_is_levied_by_it_alone():
    text = TEXT.replace('schedule = "contract"', 'schedule = "trade"')
    assert amounts(rows(text)["c"])[0] == "60.00"


def test_a_sample_the_regime_does_not_ship_names_its_path():
    with pytest.raises(InvalidInput) as info:
        report(TEXT.replace("be.ACTIVITY_EXAMPLE", "be.NONE"))
    assert (info.value.field, info.value.value) == ("levies.schedules[0].sample", "be.NONE")
    with pytest.raises(InvalidInput) as info:
        report(TEXT.replace('levy = { rate = "1%"', 'levy = { sample = "be.NONE"'))
    assert info.value.field == "activities[3].levy.sample"


def test_a_gap_in_the_dates_is_refused_naming_the_activity_and_the_month():
    text = TEXT.replace('id = "standard"\nsample', 'id = "standard"\nfrom = 2026-09-01\nsample')
    with pytest.raises(InvalidInput) as info:
        report(text)
    assert (info.value.field, info.value.value) == ("policy[a]", "2026-07-01")
