"""cooprules.carry: a year's closing state, its file, and the next year opened on it.

Worked example (a Belgian coopérative d'activités, be-activity): Ana signs her convention on
3 March 2025; the accompaniment lasts at most 18 months (AR of 15 July 2009, the reference's
be-activity figures): the convention ends on 2 September 2026, across the year's end. Her
activity opens with 100.00, earns 3,000.00 + 1,000.00 with 500.00 of direct costs, and pays the
co-op's 10 % levy on the gross margin (3,500.00 -> 350.00): it closes at 3,250.00. The co-op's
loss of 1,500.00 is charged to its reserve of 1,000.00 and 500.00 is carried forward.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooprules.carry import FORMAT, ClosingState, close, load_closing, read_closing
from cooprules.errors import InvalidInput
from cooprules.migrate import dumps
from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import ScenarioError, load, loads
from cooprules_cli import main

Y1 = """
[coop]
regime = "be-activity"
name = "Coop"
year = 2025
[levies]
rate = "10%"
[[members]]
id = "ana"
birth_date = 1990-01-01
facts = { unemployment_days_18_months = 200 }
events = [
  { kind = "applied", date = 2025-02-01 },
  { kind = "convention_signed", date = 2025-03-03 },
]
[[members]]
id = "bo"
events = [{ kind = "admitted", date = 2020-01-01 }]
[[share_classes]]
code = "A"
nominal = "50.00"
[[share_operations]]
id = "s1"
kind = "subscribe"
date = 2020-01-01
member = "bo"
share_class = "A"
shares = 4
amount = "150.00"
[[activities]]
id = "a1"
owner = "ana"
start = 2025-03-03
opening_balance = "100.00"
revenue = ["0", "0", "3000.00", "1000.00"]
direct_costs = ["0", "0", "500.00"]
[[reserves]]
code = "legal"
opening = "1000.00"
[accounts]
surplus = "-1500.00"
"""

Y2 = """
[opening]
from = "y1-closing.json"
[coop]
regime = "be-activity"
name = "Coop"
year = 2026
[levies]
rate = "10%"
[[activities]]
id = "a1"
owner = "ana"
start = 2025-03-03
revenue = ["1000.00"]
"""

REGIME = get_regime("be-activity")


def year_end(scenario):
    last = date(scenario.coop.year, 12, 31)
    return evaluate(scenario, as_of=last, regime=REGIME)


@pytest.fixture
def closed(tmp_path):
    """Y1 loaded from ``tmp_path``, closed, its closing written beside it; Y2's file written."""
    (tmp_path / "y1.toml").write_text(Y1, encoding="utf-8")
    scenario = load(tmp_path / "y1.toml")
    state = close(scenario, year_end(scenario))
    (tmp_path / "y1-closing.json").write_text(state.to_json(), encoding="utf-8")
    (tmp_path / "y2.toml").write_text(Y2, encoding="utf-8")
    return tmp_path, state


def data_of(folder):
    return json.loads((folder / "y1-closing.json").read_text(encoding="utf-8"))


def rewrite(folder, data):
    (folder / "y1-closing.json").write_text(json.dumps(data), encoding="utf-8")


def refused(folder, file="y2.toml"):
    with pytest.raises(ScenarioError) as caught:
        load(folder / file)
    return caught.value


# --- the closing ---------------------------------------------------------------------------------


def test_the_closing_state_of_the_worked_example(closed):
    _, state = closed
    assert (state.coop, state.regime, state.year, state.year_end) == (
        "Coop",
        "be-activity",
        2025,
        date(2025, 12, 31),
    )
    assert [(m.spec.id, m.status.value) for m in state.members] == [
        ("ana", "candidate_entrepreneur"),
        ("bo", "member"),
    ]
    assert [(a.id, str(a.balance.amount)) for a in state.activities] == [("a1", "3250.00")]
    assert [(r.code, str(r.balance.amount)) for r in state.reserves] == [("legal", "0.00")]
    assert str(state.loss.amount) == "500.00"
    (holding,) = state.holdings
    assert (holding.member, holding.shares, str(holding.subscribed.amount)) == ("bo", 4, "200.00")
    assert str(holding.paid_up.amount) == "150.00"


def test_the_file_is_versioned_with_exact_text_amounts(closed):
    folder, _ = closed
    data = data_of(folder)
    assert (data["format"], data["version"]) == (FORMAT, 1)
    assert data["totals"] == {
        "subscribed": "200.00",
        "paid_up": "150.00",
        "reserves": "0.00",
        "activities": "3250.00",
    }
    assert data["loss_carried_forward"] == "500.00"
    assert data["year_end"] == "2025-12-31"


def test_reading_the_file_back_gives_the_same_state(closed):
    folder, state = closed
    again = load_closing(folder / "y1-closing.json")
    assert isinstance(again, ClosingState)
    assert again == state
    assert again.to_json() == state.to_json()


# --- the opening ---------------------------------------------------------------------------------


def test_the_next_year_opens_on_the_closing(closed):
    folder, _ = closed
    scenario = load(folder / "y2.toml")
    assert scenario.opening is not None
    assert (scenario.opening.year, str(scenario.opening.loss_carried_forward.amount)) == (
        2025,
        "500.00",
    )
    assert [m.id for m in scenario.members] == ["ana", "bo"]
    (activity,) = scenario.activities
    assert str(activity.opening_balance.amount) == "3250.00"
    report = year_end(scenario)
    # The convention of 3 March 2025 keeps its 18 months: it ends on 2 September 2026.
    assert [(d.subject, d.code, d.due) for d in report.deadlines] == [
        ("ana", "be.activity.convention_end", date(2026, 9, 2))
    ]
    # 3,250.00 + 1,000.00 - 100.00 levied (10 %).
    assert str(report.books.of("a1").closing.amount) == "4150.00"
    assert str(report.capital.register.paid_up.amount) == "150.00"
    state = close(scenario, report)
    assert str(state.loss.amount) == "500.00"  # carried as it is (no offset modelled)


def test_an_inline_opening_is_the_same_as_the_file(closed):
    folder, _ = closed
    data = data_of(folder)
    inline = {"opening": data}
    text = Y2.replace('[opening]\nfrom = "y1-closing.json"\n', "")
    # the closing inline, as TOML: the same keys and values
    (folder / "inline.toml").write_text(dumps(inline) + text, encoding="utf-8")
    a = load(folder / "y2.toml")
    b = load(folder / "inline.toml")
    assert a.members == b.members
    assert a.activities == b.activities
    assert a.reserves == b.reserves
    assert a.share_operations == b.share_operations


@pytest.mark.parametrize(
    ("old", "new", "path", "value"),
    [
        ("year = 2026", "year = 2027", "coop.year", 2027),
        ('regime = "be-activity"', 'regime = "be-cnc"', "coop.regime", "be-cnc"),
        ('name = "Coop"', 'name = "Other"', "coop.name", "Other"),
    ],
)
def test_a_year_that_is_not_the_next_of_the_same_coop_is_refused(closed, old, new, path, value):
    folder, _ = closed
    (folder / "y2.toml").write_text(Y2.replace(old, new), encoding="utf-8")
    error = refused(folder)
    assert (error.file, error.path, error.value) == (str(folder / "y2.toml"), path, value)
    assert "y1-closing.json" in error.reason


CONTRADICTIONS = [
    (
        '\n[[reserves]]\ncode = "legal"\nopening = "1000.00"\n',
        "reserves[0].opening",
        "1000.00",
        "carries 0.00",
    ),
    (
        '\n[accounts]\nsurplus = "0"\nreserve_balances = { legal = "5.00" }\n',
        "accounts.reserve_balances.legal",
        "5.00",
        "carries 0.00",
    ),
    (
        '\n[[members]]\nid = "bo"\nevents = [{ kind = "admitted", date = 2026-02-01 }]\n',
        "members[0].events[0].kind",
        "admitted",
        "already member",
    ),
    (
        '\n[[members]]\nid = "bo"\nevents = [{ kind = "resigned", date = 2025-06-01 }]\n',
        "members[0].events[0].date",
        "2025-06-01",
        "past comes from the opening",
    ),
    (
        '\n[[members]]\nid = "cy"\nevents = [{ kind = "admitted", date = 2019-01-01 }]\n',
        "members[0].events[0].date",
        "2019-01-01",
        "cy is not in the opening",
    ),
    (
        '\n[[share_classes]]\ncode = "A"\nnominal = "25.00"\n',
        "share_classes[0]",
        "A",
        "A at 50.00",
    ),
    (
        (
            '\n[[share_operations]]\nid = "x"\nkind = "pay_up"\ndate = 2025-05-01\n'
            'member = "bo"\nshare_class = "A"\namount = "50.00"\n'
        ),
        "share_operations[0].date",
        "2025-05-01",
        "the register comes from the opening",
    ),
]


@pytest.mark.parametrize(("extra", "path", "value", "reason"), CONTRADICTIONS)
def test_a_year_contradicting_what_it_carries_is_refused(closed, extra, path, value, reason):
    folder, _ = closed
    (folder / "y2.toml").write_text(Y2 + extra, encoding="utf-8")
    error = refused(folder)
    assert (error.path, error.value) == (path, value)
    assert reason in error.reason


def test_a_restated_birth_date_must_agree(closed):
    folder, _ = closed
    extra = '\n[[members]]\nid = "ana"\nbirth_date = 1991-01-01\n'
    (folder / "y2.toml").write_text(Y2 + extra, encoding="utf-8")
    error = refused(folder)
    assert (error.path, error.value) == ("members[0].birth_date", "1991-01-01")
    assert "1990-01-01" in error.reason


def test_an_activity_with_money_must_be_continued(closed):
    folder, _ = closed
    text = Y2.split("[[activities]]", maxsplit=1)[0]
    (folder / "y2.toml").write_text(text, encoding="utf-8")
    error = refused(folder)
    assert (error.path, error.value) == ("activities", "a1")
    assert "3250.00" in error.reason


def test_an_activity_s_own_opening_balance_must_agree(closed):
    folder, _ = closed
    text = Y2.replace("start = 2025-03-03\n", 'start = 2025-03-03\nopening_balance = "3000.00"\n')
    (folder / "y2.toml").write_text(text, encoding="utf-8")
    error = refused(folder)
    assert (error.path, error.value) == ("activities[0].opening_balance", "3000.00")


def test_a_measure_restated_with_another_value_is_refused(tmp_path):
    qc = """
[coop]
regime = "qc-work"
name = "Q"
year = 2025
[[members]]
id = "w"
events = [{ kind = "admitted", date = 2020-01-01, category = "worker" }]
measures = { hours = { 2024 = 1000, 2025 = 1200 } }
"""
    (tmp_path / "y1.toml").write_text(qc, encoding="utf-8")
    scenario = load(tmp_path / "y1.toml")
    state = close(scenario, year_end(scenario))
    (tmp_path / "c.json").write_text(state.to_json(), encoding="utf-8")
    y2 = """
[opening]
from = "c.json"
[coop]
regime = "qc-work"
name = "Q"
year = 2026
[[members]]
id = "w"
measures = { hours = { 2025 = 1300, 2026 = 900 } }
"""
    (tmp_path / "y2.toml").write_text(y2, encoding="utf-8")
    error = refused(tmp_path)
    assert (error.path, error.value) == ("members[0].measures.hours.2025", "1300")
    assert "1200" in error.reason
    (tmp_path / "y2.toml").write_text(y2.replace("2025 = 1300, ", ""), encoding="utf-8")
    (member,) = load(tmp_path / "y2.toml").members
    assert {k: str(v) for k, v in member.measures["hours"].items()} == {
        2024: "1000",
        2025: "1200",
        2026: "900",
    }


# --- the closing file is never trusted -----------------------------------------------------------


def _set(data, path, value):
    *head, last = path
    target = data
    for key in head:
        target = target[key]
    target[last] = value


BAD_FILES = [
    (("format",), "other", "format", "not a closing file"),
    (("version",), 2, "version", "reads version 1"),
    (("totals", "reserves"), "10.00", "totals.reserves", "add up to 0.00"),
    (("totals", "activities"), "3250.01", "totals.activities", "add up to 3250.00"),
    (("totals", "paid_up"), "200.00", "totals.paid_up", "add up to 150.00"),
    (("members", 0, "status"), "member", "members[0].status", "events give candidate_entrepreneur"),
    (("holdings", 0, "subscribed"), "150.00", "holdings[0].subscribed", "4 shares of 50.00"),
    (("holdings", 0, "paid_up"), "250.00", "holdings[0].paid_up", "between 0 and the subscribed"),
    (("holdings", 0, "member"), "zed", "holdings[0].member", "not a member of the closing"),
    (("reserves", 0, "balance"), "-1.00", "reserves[0].balance", "never negative"),
    (("reserves", 0, "balance"), 12, "reserves[0].balance", "exact text"),
    (("year_end",), "2025-12-30", "year_end", "ends on 2025-12-31"),
    (("members", 0, "events", 0, "date"), "2025-02-30", "members[0].events[0].date", "date"),
    (("loss_carried_forward",), "-5.00", "loss_carried_forward", "stated as positive"),
    (("surplus",), "1.00", "surplus", "unknown key"),
]


@pytest.mark.parametrize(("where", "value", "path", "reason"), BAD_FILES)
def test_a_bad_closing_file_is_refused_naming_file_path_and_value(
    closed, where, value, path, reason
):
    folder, _ = closed
    data = data_of(folder)
    _set(data, where, value)
    rewrite(folder, data)
    error = refused(folder)
    assert error.file == str(folder / "y1-closing.json")
    assert error.path == path
    assert reason in error.reason
    assert error.value is not None or path == "format"


def test_a_float_in_the_closing_file_is_refused(closed):
    folder, _ = closed
    text = (folder / "y1-closing.json").read_text(encoding="utf-8")
    (folder / "y1-closing.json").write_text(
        text.replace('"loss_carried_forward": "500.00"', '"loss_carried_forward": 500.0'),
        encoding="utf-8",
    )
    error = refused(folder)
    assert "float is not exact" in error.reason


def test_a_missing_closing_file_is_refused(closed):
    folder, _ = closed
    (folder / "y1-closing.json").unlink()
    error = refused(folder)
    assert error.file == str(folder / "y1-closing.json")
    assert "cannot read the closing file" in error.reason


def test_from_and_other_keys_together_are_refused(closed):
    folder, _ = closed
    text = Y2.replace('from = "y1-closing.json"', 'from = "y1-closing.json"\nyear = 2025')
    (folder / "y2.toml").write_text(text, encoding="utf-8")
    error = refused(folder)
    assert (error.path, error.value) == ("opening.year", 2025)


def test_an_inline_closing_names_its_path_under_opening(closed):
    folder, _ = closed
    with pytest.raises(ScenarioError) as caught:
        loads(
            Y2.replace('from = "y1-closing.json"', 'format = "cooprules-closing"\nversion = 9'),
            name=str(folder / "inline.toml"),
        )
    assert (caught.value.path, caught.value.value) == ("opening.version", 9)


def test_the_cli_exits_2_with_one_line_for_a_bad_closing(closed):
    folder, _ = closed
    data = data_of(folder)
    data["totals"]["reserves"] = "7.00"
    rewrite(folder, data)
    result = CliRunner().invoke(main, ["run", str(folder / "y2.toml")])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "y1-closing.json: totals.reserves" in line
    assert "'7.00'" in line


def test_close_refuses_a_year_to_date(closed):
    folder, _ = closed
    scenario = load(folder / "y1.toml")
    mid = evaluate(scenario, as_of=date(2025, 6, 30), regime=REGIME, to_date=True)
    with pytest.raises(InvalidInput) as caught:
        close(scenario, mid)
    assert caught.value.field == "as_of"


def test_read_closing_refuses_what_is_not_a_table():
    with pytest.raises(ScenarioError) as caught:
        read_closing(["x"], file="c.json")
    assert (caught.value.file, caught.value.value) == ("c.json", "list")


# --- the year to date ----------------------------------------------------------------------------


def test_a_year_to_date_has_the_months_begun_and_no_year_end(closed):
    folder, _ = closed
    scenario = load(folder / "y1.toml")
    mid = evaluate(scenario, as_of=date(2025, 4, 15), regime=REGIME, to_date=True)
    assert mid.to_date
    assert len(mid.month_totals) == 4  # January to April; May onwards absent, not zero
    (row,) = mid.levies
    assert len(row.months) == 4
    assert str(row.total.amount) == "350.00"  # March 250.00 + April 100.00
    assert len(mid.books.of("a1").months) == 4
    assert str(mid.books.of("a1").closing.amount) == "3250.00"
    assert (mid.distribution, mid.capital, mid.reserves) == (None, None, None)
    # without to_date, the same day evaluates the whole year as before
    whole = evaluate(scenario, as_of=date(2025, 4, 15), regime=REGIME)
    assert not whole.to_date
    assert len(whole.month_totals) == 12
    # on the year's last day, a year to date is the whole year
    last = evaluate(scenario, as_of=date(2025, 12, 31), regime=REGIME, to_date=True)
    assert not last.to_date
    assert len(last.month_totals) == 12


def test_a_year_to_date_before_the_year_is_refused(closed):
    folder, _ = closed
    scenario = load(folder / "y1.toml")
    with pytest.raises(InvalidInput) as caught:
        evaluate(scenario, as_of=date(2024, 12, 31), regime=REGIME, to_date=True)
    assert (caught.value.field, caught.value.value) == ("as_of", "2024-12-31")


def test_the_samples_folder_is_the_examples_folder_for_closing_files():
    root = Path(__file__).resolve().parents[3]
    shipped = sorted(p.name for p in (root / "src" / "cooprules_cli" / "samples").glob("*.json"))
    assert shipped == sorted(p.name for p in (root / "examples").glob("*.json"))
    assert shipped  # the three-year chain's


def test_a_new_member_of_the_year_joins_the_carried_ones(closed):
    folder, _ = closed
    extra = '\n[[members]]\nid = "cy"\nevents = [{ kind = "applied", date = 2026-02-01 }]\n'
    (folder / "y2.toml").write_text(Y2 + extra, encoding="utf-8")
    scenario = load(folder / "y2.toml")
    assert [m.id for m in scenario.members] == ["ana", "bo", "cy"]
    statuses = {row.id: row.status.value for row in year_end(scenario).members}
    assert statuses == {"ana": "candidate_entrepreneur", "bo": "member", "cy": "applicant"}


def test_a_carried_member_s_events_of_the_year_follow_their_history(closed):
    folder, _ = closed
    extra = '\n[[members]]\nid = "bo"\nevents = [{ kind = "resigned", date = 2026-06-30 }]\n'
    (folder / "y2.toml").write_text(Y2 + extra, encoding="utf-8")
    (bo,) = [m for m in load(folder / "y2.toml").members if m.id == "bo"]
    assert [(e.kind.value, e.date) for e in bo.events] == [
        ("admitted", date(2020, 1, 1)),
        ("resigned", date(2026, 6, 30)),
    ]
