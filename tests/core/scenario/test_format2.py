"""Format 2 of the scenario file: its version key, [levies] by kind and date, all errors at once."""

import json
import tomllib
from datetime import date
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest

from cooprules.levies import ActivityKind
from cooprules.scenario import (
    LeviesSpec,
    ScenarioError,
    ScheduleSpec,
    json_schema,
    levy_schedules,
    load,
    loads,
)

ROOT = Path(__file__).resolve().parents[3]
HEAD = '[coop]\nregime = "be-activity"\nname = "Coop"\nyear = 2025\n'
ANA = '[[members]]\nid = "ana"\nevents = [{ kind = "convention_signed", date = 2025-01-06 }]\n'
ACT = '[[activities]]\nid = "a"\nowner = "ana"\nstart = 2025-01-06\nrevenue = ["100.00"]\n'
V2 = "format = 2\n" + HEAD + ANA


def error_of(text):
    with pytest.raises(ScenarioError) as info:
        loads(text, name="x.toml")
    return info.value


def problems(text):
    return [(e.path, e.value) for e in error_of(text).errors]


# --- the version --------------------------------------------------------------------------------


def test_a_file_without_format_is_version_1_and_loads_as_before():
    scenario = loads(HEAD + ANA + '[levies]\nrate = "10%"\n' + ACT)
    assert scenario.format == 1
    assert isinstance(scenario.levies, ScheduleSpec)
    assert str(scenario.levies.rate) == "10%"
    assert loads("format = 1\n" + HEAD).format == 1


def test_format_2_reads_levies_as_schedules():
    scenario = loads(V2 + '[[levies.schedules]]\nrate = "10%"\n' + ACT)
    assert scenario.format == 2
    assert isinstance(scenario.levies, LeviesSpec)
    assert [str(s.rate) for s in scenario.levies.schedules] == ["10%"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("3", "reads the formats 1 and 2"),
        ("0", "reads the formats 1 and 2"),
        ('"2"', "the format is an integer"),
        ("2.0", "the format is an integer"),
        ("true", "the format is an integer"),
    ],
)
def test_an_unknown_or_mistyped_format_is_a_clear_error(value, reason):
    error = error_of(f"format = {value}\n" + HEAD)
    assert (error.file, error.path) == ("x.toml", "format")
    assert reason in error.reason


def test_a_list_of_schedules_in_version_1_says_what_to_do():
    # It used to be a raw "AttributeError: 'list' object has no attribute 'keys'".
    error = error_of(HEAD + ANA + '[[levies]]\nrate = "10%"\n[[levies]]\nrate = "9%"\n' + ACT)
    assert error.path == "levies"
    assert "format = 2" in error.reason
    assert "[[levies.schedules]]" in error.reason
    assert "AttributeError" not in str(error)


def test_a_table_where_a_table_is_expected():
    text = 'members = ["ana"]\n' + HEAD
    assert problems(text) == [("members[0]", "ana")]
    assert error_of(text).reason == "expected a table"


# --- every error at once, with its path once ----------------------------------------------------


def test_missing_keys_are_named_once_not_twice():
    text = '[coop]\nregime = "be-cnc"\nyear = 2025\n[[members]]\nevents = [{ kind = "admitted" }]\n'
    paths = [e.path for e in error_of(text).errors]
    assert paths == ["coop.name", "members[0].id", "members[0].events[0].date"]


def test_every_structure_error_of_a_file_is_reported():
    text = (
        '[coop]\nregime = "be-cnc"\nname = "X"\nyear = "2025"\ncolour = "red"\n'
        '[[members]]\nid = "ana"\nevents = [{ kind = "joined", date = 2024-01-10 }]\n'
        '[[members]]\nid = "bo"\nevents = [{ kind = "admitted", date = "2024-02-30" }]\n'
        "[accounts]\nsurplus = 1.5\nshape = 1\nsize = 2\n"
    )
    error = error_of(text)
    assert [(e.path, e.value) for e in error.errors] == [
        ("coop.year", "2025"),
        ("coop.colour", "red"),
        ("members[0].events[0].kind", "joined"),
        ("members[1].events[0].date", "2024-02-30"),
        ("accounts.surplus", 1.5),
        ("accounts.shape", 1),
        ("accounts.size", 2),
    ]
    assert (error.path, error.value) == ("coop.year", "2025")  # the first, as before
    lines = str(error).splitlines()
    assert len(lines) == 7
    assert all(line.startswith("x.toml: ") for line in lines)


def test_reference_errors_of_several_checks_are_reported_together():
    text = (
        HEAD
        + ANA
        + ANA
        + '[[share_classes]]\ncode = "A"\nnominal = "10.00"\n'
        + '[[share_operations]]\nid = "o"\nkind = "subscribe"\ndate = 2025-01-01\n'
        + 'member = "zed"\nshare_class = "B"\nshares = 1\n'
        + '[expected]\nas_of = 2025-12-31\n[[expected.members]]\nmember = "eve"\n'
        + 'status = "member"\n'
    )
    assert problems(text) == [
        ("members[1].id", "ana"),
        ("share_operations[0].member", "zed"),
        ("share_operations[0].share_class", "B"),
        ("expected.members[0].member", "eve"),
    ]


# --- levies in format 2 -------------------------------------------------------------------------


def test_schedules_of_a_kind_follow_each_other_by_date():
    text = (
        V2
        + '[[levies.schedules]]\nrate = "10%"\n'
        + '[[levies.schedules]]\nrate = "6%"\nkind = "trade"\n'
        + '[[levies.schedules]]\nrate = "9%"\nfrom = 2027-01-01\n'
        + '[[levies.schedules]]\nrate = "5%"\nkind = "trade"\nfrom = 2026-01-01\n'
        + ACT
    )
    found = [(p, s.kind, s.from_, s.until) for p, s in levy_schedules(loads(text))]
    assert found == [
        ("levies.schedules[0]", None, None, date(2027, 1, 1)),
        ("levies.schedules[1]", ActivityKind.TRADE, None, date(2026, 1, 1)),
        ("levies.schedules[2]", None, date(2027, 1, 1), None),
        ("levies.schedules[3]", ActivityKind.TRADE, date(2026, 1, 1), None),
    ]


def test_a_version_1_levies_is_one_schedule_for_every_kind():
    scenario = loads(HEAD + ANA + '[levies]\nsample = "be.ACTIVITY_EXAMPLE"\n' + ACT)
    ((path, spec),) = levy_schedules(scenario)
    assert (path, spec.sample, spec.kind, spec.until) == (
        "levies",
        "be.ACTIVITY_EXAMPLE",
        None,
        None,
    )


@pytest.mark.parametrize(
    ("levies", "activity", "expected"),
    [
        ('[[levies.schedules]]\nrate = "10%"\nsample = "be.SMART"\n', "", ("levies.schedules[0]",)),
        ('[[levies.schedules]]\nbase = "revenue"\n', "", ("levies.schedules[0]",)),
        (
            '[[levies.schedules]]\nrate = "10%"\n[[levies.schedules]]\nrate = "9%"\n',
            "",
            ("levies.schedules[1].from", None),
        ),
        (
            (
                '[[levies.schedules]]\nrate = "10%"\nuntil = 2027-06-01\n'
                '[[levies.schedules]]\nrate = "9%"\nfrom = 2027-01-01\n'
            ),
            "",
            ("levies.schedules[1].from", date(2027, 1, 1)),
        ),
        (
            '[[levies.schedules]]\nrate = "10%"\nfrom = 2027-01-01\nuntil = 2026-01-01\n',
            "",
            ("levies.schedules[0].until", date(2026, 1, 1)),
        ),
        (
            (
                '[[levies.schedules]]\nid = "x"\nrate = "10%"\n[[levies.schedules]]\nid = "x"\n'
                'rate = "9%"\nkind = "trade"\n'
            ),
            "",
            ("levies.schedules[1].id", "x"),
        ),
        (
            '[[levies.schedules]]\nrate = "10%"\n',
            'schedule = "nope"\n',
            ("activities[0].schedule", "nope"),
        ),
        (
            '[[levies.schedules]]\nrate = "10%"\n',
            'schedule = "x"\nlevy = { rate = "5%" }\n',
            ("activities[0].schedule", "x"),
        ),
        (
            '[[levies.schedules]]\nrate = "10%"\n',
            'levy = { article = "c" }\n',
            ("activities[0].levy",),
        ),
        (
            (
                '[[levies.schedules]]\nrate = "10%"\n[[levies.schedules]]\nrate = "5%"\n'
                "named_only = true\n"
            ),
            "",
            ("levies.schedules[1].named_only", True),
        ),
        (
            '[[levies.schedules]]\nrate = "6%"\nkind = "trade"\n',
            "",
            ("activities[0].kind", "services"),
        ),
        (
            '[[levies.schedules]]\nrate = "9%"\ndecision = "d"\n',
            "",
            ("levies.schedules[0].decision", "d"),
        ),
    ],
)
def test_bad_levy_schedules_name_their_path(levies, activity, expected):
    text = V2 + levies + ACT + activity
    (found,) = error_of(text).errors
    assert (found.path, found.value)[: len(expected)] == expected


def test_activities_need_a_schedule_once():
    text = V2 + ACT + ACT.replace('id = "a"', 'id = "b"')
    assert problems(text) == [("levies", None)]
    # Each activity with its own levy needs no [levies].
    own = ACT + 'levy = { rate = "5%" }\n'
    assert loads(V2 + own).activities[0].levy.rate.value == Fraction(1, 20)


def test_a_schedule_and_a_levy_from_keys():
    text = (
        V2
        + '[[levies.schedules]]\nrate = "10%"\n'
        + ACT
        + 'levy = { rate = "5%", from = 2025-07-01 }\n'
    )
    assert loads(text).activities[0].levy.from_ == date(2025, 7, 1)
    assert (
        problems(text.replace("from = 2025-07-01", 'from = "July"'))[0][0]
        == "activities[0].levy.from"
    )


# --- the JSON Schema ----------------------------------------------------------------------------


def test_the_schema_has_the_format_and_both_shapes_of_levies():
    schema = json_schema()
    assert schema["properties"]["format"]["enum"] == [1, 2]
    assert "from" in schema["$defs"]["LevyScheduleSpec"]["properties"]
    assert "from_" not in schema["$defs"]["LevyScheduleSpec"]["properties"]
    validator = jsonschema.Draft202012Validator(schema)
    v1 = tomllib.loads(HEAD + '[levies]\nrate = "10%"\n')
    v2 = tomllib.loads(V2 + '[[levies.schedules]]\nrate = "10%"\nfrom = 2027-01-01\n')
    v2["levies"]["schedules"][0]["from"] = "2027-01-01"
    v2["members"][0]["events"][0]["date"] = "2025-01-06"
    assert not list(validator.iter_errors(v1))
    assert not list(validator.iter_errors(v2))
    assert list(validator.iter_errors({**v1, "format": 2}))  # format 2 wants the schedules
    assert list(validator.iter_errors({**v1, "format": 3}))


def test_every_sample_is_format_2_and_loads():
    for path in sorted((ROOT / "examples").glob("*.toml")):
        scenario = load(path)
        assert scenario.format == 2, path
        assert json.loads(json.dumps(json_schema()))
