"""The bad inputs issue 14 lists, each before -> after, through the API and the command.

Before (main at d288503): a ValueError traceback for coop.year 0, -5 or 99999 (month_periods);
a RecursionError for a deeply nested file; on_integration_income = "false" read as true; "210.5"
days a ValueError; quantize(money("1e70")) a raw decimal.InvalidOperation and surplus = "1e70"
exiting 0 with a negative "unallocated"; Rate.of("1e9999999%") 20 s before refusing;
History.of("ana", ["str"]) an AttributeError; electorate(shares={"bo": -5}) dropping bo;
Rate("150%") accepted as a reserve step's share; currency = "CAD" in a Belgian file blamed on
"schedule". After: each a typed error naming the field and the value.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from moneyed import Money
from tests.bad_inputs.cli import assert_one_line_error, run

from cooprules.errors import InvalidAmount, InvalidInput, InvalidPeriod, InvalidRate
from cooprules.levies import month_periods
from cooprules.membership import Event, EventKind, History, Member
from cooprules.money import Rate, money, quantize
from cooprules.plugins import load_regimes
from cooprules.regime import bind
from cooprules.scenario import ScenarioError, loads
from cooprules.surplus import Interest, ToReserve
from cooprules.voting import VotingRules, electorate

ROOT = Path(__file__).resolve().parents[2]
BELGIAN = (ROOT / "examples" / "be-activity.toml").read_text(encoding="utf-8")
HEAD = '[coop]\nregime = "be-cnc"\nname = "Coop"\nyear = {}\n'


def write(tmp_path, text, name="bad.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("year", [0, -5, 99999])
def test_a_year_out_of_range_is_refused_at_coop_year(tmp_path, year):
    with pytest.raises(ScenarioError) as info:
        loads(HEAD.format(year), name="x.toml")
    assert (info.value.path, info.value.value) == ("coop.year", year)
    file = write(tmp_path, HEAD.format(year))
    assert_one_line_error(run("run", file), file, "coop.year", repr(year))


@pytest.mark.parametrize("year", [0, -5, 99999, 9999])
def test_month_periods_refuses_a_year_without_its_twelve_months(year):
    with pytest.raises(InvalidPeriod) as info:
        month_periods(year)
    assert (info.value.field, info.value.value) == ("year", year)


def test_month_periods_of_the_last_and_first_years_there_are():
    assert month_periods(9998)[-1].end == date(9999, 1, 1)
    assert month_periods(1)[0].start == date(1, 1, 1)


def test_a_deeply_nested_file_is_one_line_exit_2(tmp_path):
    file = write(tmp_path, "a = " + "[" * 100_000 + "]" * 100_000)
    line = assert_one_line_error(run("run", file), file, "(file)", "nested too deeply")
    assert "200004 characters" in line


def candidate_fact(fact):
    # c-chloe, members[5] of the Belgian sample, is in the target group by her integration income.
    return BELGIAN.replace("facts = { on_integration_income = true }", f"facts = {{ {fact} }}")


@pytest.mark.parametrize("value", ['"false"', '"true"', "1", "0"])
def test_a_flag_must_be_a_toml_boolean(tmp_path, value):
    file = write(tmp_path, candidate_fact(f"on_integration_income = {value}"))
    assert_one_line_error(
        run("run", file), file, "members[5].facts.on_integration_income", "expected true or false"
    )


@pytest.mark.parametrize(
    ("value", "shown", "reason"),
    [
        ('"210.5"', "'210.5'", "expected an integer"),
        ("210.5", "210.5", "a float is not exact"),
        ('"210"', "'210'", "expected an integer"),
        ("true", "True", "expected an integer"),
    ],
)
def test_days_of_unemployment_are_a_toml_integer(tmp_path, value, shown, reason):
    file = write(tmp_path, candidate_fact(f"unemployment_days_18_months = {value}"))
    line = assert_one_line_error(
        run("check", file), file, "members[5].facts.unemployment_days_18_months", reason
    )
    assert line.endswith(f"(got {shown})")


def test_negative_days_of_unemployment_are_refused(tmp_path):
    file = write(tmp_path, candidate_fact("unemployment_days_9_months = -3"))
    assert_one_line_error(
        run("run", file), file, "members[5].facts.unemployment_days_9_months", "at least 0", "-3"
    )


def test_the_facts_as_toml_types_are_read_as_before(tmp_path):
    # The sample's own facts (true, 210): c-chloe is still counted in the target group.
    file = write(tmp_path, BELGIAN)
    assert run("check", file).exit_code == 1  # the sample's known violations, no bad input


def test_quantize_of_1e70_is_a_typed_refusal():
    with pytest.raises(InvalidAmount) as info:
        quantize(money("1e70", "EUR"))
    assert (info.value.field, info.value.value) == ("amount", "1e70")
    with pytest.raises(InvalidAmount) as info:
        quantize(Money("1e70", "EUR"))  # a Money built past the policy: refused, not raw
    assert info.value.field == "amount"
    assert info.value.value == "1" + "0" * 70 + " EUR"
    assert "too large to round" in info.value.reason


def test_a_surplus_of_1e70_is_refused_not_distributed(tmp_path):
    file = write(tmp_path, BELGIAN.replace('surplus = "18400.00"', 'surplus = "1e70"'))
    assert_one_line_error(run("run", file, "--format", "json"), file, "accounts.surplus", "'1e70'")


def test_rate_of_1e9999999_percent_is_refused_at_once():
    with pytest.raises(InvalidRate) as info:
        Rate.of("1e9999999%")
    assert (info.value.field, info.value.value) == ("rate", "1e9999999%")
    assert "more than 15 digits before the point" in info.value.reason


def test_a_history_of_something_else_than_events_is_refused():
    with pytest.raises(InvalidInput) as info:
        History.of("ana", ["str"])
    assert (info.value.field, info.value.value) == ("ana.events[0]", "str")
    good = Event(EventKind.ADMITTED, date(2024, 1, 1))
    with pytest.raises(InvalidInput) as info:
        History.of("ana", [good, 5])
    assert (info.value.field, info.value.value) == ("ana.events[1]", 5)


def per_share_rules():
    # A Belgian CSA cooperative votes per share by default (CSA 6:41).
    rules = bind(load_regimes().get("be-cnc"), as_of=date(2025, 6, 1)).rule_set(VotingRules)
    assert rules is not None
    assert rules.one_member_one_vote is False
    return rules


def test_a_negative_number_of_shares_is_refused_not_dropped():
    members = [
        Member.of(m, [Event(EventKind.ADMITTED, date(2020, 1, 1), category="worker")])
        for m in ("ana", "bo")
    ]
    rules = per_share_rules()
    with pytest.raises(InvalidInput) as info:
        electorate(members, date(2025, 6, 1), rules, shares={"ana": 3, "bo": -5})
    assert (info.value.field, info.value.value) == ("shares[bo]", -5)


@pytest.mark.parametrize("rate", ["150%", "-1%"])
def test_a_ready_made_rate_is_checked_in_a_step(rate):
    with pytest.raises(InvalidRate) as info:
        ToReserve("legal", reserve="legal", share=Rate(rate))
    assert (info.value.field, info.value.value) == ("step.share", Rate(rate))
    with pytest.raises(InvalidRate) as info:
        Interest("interest", rate=Rate(rate))
    assert info.value.field == "step.share"


def test_another_currency_than_the_regimes_is_blamed_on_coop_currency(tmp_path):
    file = write(tmp_path, BELGIAN.replace('currency = "EUR"', 'currency = "CAD"'))
    line = assert_one_line_error(run("run", file), file, "coop.currency", "'CAD'", "EUR")
    assert "schedule" not in line


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('[coop]\nregime = 5\nname = "C"\nyear = 2025\n', "coop.regime"),
        ('[coop]\nregime = { a = 1 }\nname = "C"\nyear = 2025\n', "coop.regime"),
        ('[coop]\nname = "C"\nyear = 2025\n', "coop.regime"),
        (HEAD.format(2025) + "[[members]]\nid = 5\n", "members[0].id"),
        (HEAD.format(2025) + '[[members]]\nname = "x"\n', "members[0].id"),
    ],
)
def test_error_paths_name_each_key_once(text, path):
    # Fixed on main already (issue 14 saw coop.regime.regime and members[0].id.id): pinned here.
    with pytest.raises(ScenarioError) as info:
        loads(text, name="x.toml")
    (leaf,) = info.value.errors
    assert leaf.path == path
    assert f"x.toml: {path}: " in str(leaf)
