import json
import runpy
from datetime import date
from pathlib import Path

import pytest

from cooprules.scenario import ScenarioError, json_schema, load, loads
from cooprules_adapters.scenario import evaluate_file

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "examples" / "be-activity.toml"
HEAD = '[coop]\nregime = "be-cnc"\nname = "Coop"\nyear = 2025\n'
ANA = '[[members]]\nid = "ana"\nevents = [{ kind = "admitted", date = 2024-01-10 }]\n'


def error_of(text):
    with pytest.raises(ScenarioError) as info:
        loads(text, name="x.toml")
    return info.value


def test_bad_date_names_file_path_and_value():
    error = error_of(
        HEAD
        + ANA
        + '[[members]]\nid = "bo"\nevents = [{ kind = "admitted", date = "2024-02-30" }]\n'
    )
    assert (error.file, error.path, error.value) == (
        "x.toml",
        "members[1].events[0].date",
        "2024-02-30",
    )
    assert "x.toml: members[1].events[0].date" in str(error)


def test_float_amount_is_refused_with_its_path():
    text = (
        HEAD
        + ANA
        + '[levies]\nrate = "10%"\n[[activities]]\nid = "a"\nowner = "ana"\n'
        + 'start = 2025-01-01\nrevenue = ["10.00", 1234.5]\n'
    )
    error = error_of(text)
    assert (error.path, error.value) == ("activities[0].revenue[1]", 1234.5)
    assert "float" in error.reason


def test_duplicate_member_id():
    error = error_of(HEAD + ANA + ANA)
    assert (error.path, error.value) == ("members[1].id", "ana")


def test_unknown_member_in_a_ballot():
    text = (
        HEAD
        + ANA
        + '[meeting]\ndate = 2026-06-01\n[[meeting.decisions]]\nid = "d"\n'
        + 'kind = "amend_articles"\nballots = { zed = "for" }\n'
    )
    error = error_of(text)
    assert (error.path, error.value) == ("meeting.decisions[0].ballots.zed", "zed")


def test_unknown_key_and_bad_enum():
    assert error_of(HEAD + 'colour = "red"\n').path == "coop.colour"
    error = error_of(
        HEAD + '[[members]]\nid = "ana"\nevents = [{ kind = "joined", date = 2024-01-10 }]\n'
    )
    assert (error.path, error.value) == ("members[0].events[0].kind", "joined")


def test_a_trial_end_only_on_an_employed_event_and_after_it():
    # A CESA's trial period (Code du travail L7332-1) is the trial_end of its employed event.
    member = '[[members]]\nid = "ana"\nevents = [{{ kind = "{}", date = 2025-01-01, {} }}]\n'
    error = error_of(HEAD + member.format("applied", "trial_end = 2025-05-01"))
    assert (error.path, error.value) == ("members[0].events[0].trial_end", date(2025, 5, 1))
    error = error_of(HEAD + member.format("employed", "trial_end = 2025-01-01"))
    assert (error.path, error.value) == ("members[0].events[0].trial_end", date(2025, 1, 1))
    scenario = loads(HEAD + member.format("employed", "trial_end = 2025-05-01"), name="x.toml")
    assert scenario.members[0].events[0].trial_end == date(2025, 5, 1)


def test_unknown_regime(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(HEAD.replace("be-cnc", "xx-none"), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        evaluate_file(path, as_of=date(2025, 12, 31))
    assert (info.value.file, info.value.path, info.value.value) == (
        str(path),
        "coop.regime",
        "xx-none",
    )


def test_sample_key_figures():
    report = evaluate_file(SAMPLE, as_of=date(2025, 12, 31))
    assert report.regime == "be-activity"
    assert len(report.members) == 15
    candidates = [m for m in report.members if m.status.value == "candidate_entrepreneur"]
    assert len(candidates) == 11
    overdue = [d.subject for d in report.deadlines if d.state == "overdue"]
    assert overdue == ["c-amina"]
    assert [v.code for v in report.errors] == ["be.activity.convention_overdue"]
    assert sum(row.total.amount for row in report.levies) == report.levy_total.amount
    assert report.distribution is not None
    assert report.distribution.total.amount == report.distribution.figures.surplus.amount
    assert report.register.steps  # the 60 % quota is explained
    assert report.journal


def test_json_schema_in_docs_matches_the_generator():
    module = runpy.run_path(str(ROOT / "scripts" / "write_scenario_schema.py"))
    assert (ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8") == module[
        "render"
    ]()
    assert json_schema()["properties"]["coop"] == {"$ref": "#/$defs/Coop"}


def test_sample_loads():
    scenario = load(SAMPLE)
    assert scenario.coop.regime == "be-activity"
    assert json.loads(json.dumps(json_schema()))


def test_no_currency_is_assumed_the_regimes_is_read():
    # A Quebec file naming no currency is in Canadian dollars (its regime's), never in euros;
    # a file naming neither a currency nor an installed regime is refused, naming the regime.
    from cooprules.scenario import loads  # noqa: PLC0415

    quebec = loads('[coop]\nregime = "qc-work"\nname = "Q"\nyear = 2025\n', name="q.toml")
    assert quebec.currency == "CAD"
    with pytest.raises(ScenarioError) as info:
        loads('[coop]\nregime = "zz-none"\nname = "Z"\nyear = 2025\n', name="z.toml")
    assert (info.value.path, info.value.value) == ("coop.regime", "zz-none")
    assert "none is assumed" in info.value.reason
    stated = loads('[coop]\nregime = "zz-none"\nname = "Z"\nyear = 2025\ncurrency = "CHF"\n')
    assert stated.currency == "CHF"
