"""Scenario files: board elections (``[[meeting.elections]]``) and measures by financial year."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from cooprules.elections import ElectionMethod
from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import ScenarioError, json_schema, loads

HEAD = '[coop]\nregime = "qc-work"\nname = "Coop"\nyear = 2025\ncurrency = "CAD"\n'
MEMBERS = "".join(
    f'[[members]]\nid = "{m}"\nevents = [{{ kind = "admitted", date = 2020-01-06 }}]\n'
    for m in ("ana", "bo", "cy", "dee")
)
MEETING = "[meeting]\ndate = 2026-03-28\n"


def election(body: str) -> str:
    return HEAD + MEMBERS + MEETING + "[[meeting.elections]]\n" + body


def error_of(text: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        loads(text, name="x.toml")
    return info.value


ELECTION = (
    'id = "board"\nseats = 2\ncandidates = [{ id = "ana" }, { id = "bo" }, '
    '{ id = "zed", member = false }]\n'
)


def test_an_election_loads_with_its_defaults():
    scenario = loads(election(ELECTION + 'ballots = { cy = ["ana", "zed"] }\n'))
    (spec,) = scenario.meeting.elections
    assert (spec.method, spec.seats, spec.continuing) == (ElectionMethod.PLURALITY, 2, ())
    assert spec.ballots == {"cy": ("ana", "zed")}
    assert [c.member for c in spec.candidates] == [None, None, False]


@pytest.mark.parametrize(
    ("body", "path", "value"),
    [
        ('ballots = { cy = ["ana", "nobody"] }\n', "meeting.elections[0].ballots.cy[1]", "nobody"),
        ('ballots = { eve = ["ana"] }\n', "meeting.elections[0].ballots.eve", "eve"),
        (
            'ballots = { cy = ["ana", "bo", "zed"] }\n',
            "meeting.elections[0].ballots.cy",
            ["ana", "bo", "zed"],
        ),
        ('ballots = { cy = ["ana", "ana"] }\n', "meeting.elections[0].ballots.cy", ["ana", "ana"]),
        ('continuing = [{ id = "bo" }]\n', "meeting.elections[0].continuing[0].id", "bo"),
        ('method = "approval"\n', "meeting.elections[0].method", "approval"),
        ("colour = 1\n", "meeting.elections[0].colour", 1),
        (
            (
                'category_limits = [{ category = "s", share = "1/3" }, { category = "s", '
                'share = "1/2" }]\n'
            ),
            "meeting.elections[0].category_limits[1].category",
            "s",
        ),
    ],
)
def test_a_bad_election_names_its_path_and_value(body, path, value):
    error = error_of(election(ELECTION + body))
    assert (error.file, error.path, error.value) == ("x.toml", path, value)


def test_an_instant_runoff_fills_one_seat():
    error = error_of(election(ELECTION + 'method = "instant_runoff"\n'))
    assert (error.path, error.value) == ("meeting.elections[0].seats", 2)
    assert "one seat" in error.reason


def test_seats_and_ids():
    assert error_of(election('id = "b"\nseats = 0\ncandidates = []\n')).path == (
        "meeting.elections[0].seats"
    )
    twice = election(ELECTION) + "[[meeting.elections]]\n" + ELECTION
    assert error_of(twice).path == "meeting.elections[1].id"


def test_candidates_take_their_membership_and_category_from_the_register():
    # zed is not in the register (a non-member, as the file says); cy has left: not a member.
    text = election(
        'id = "board"\nseats = 3\n'
        'candidates = [{ id = "ana" }, { id = "cy" }, { id = "zed", member = false }]\n'
        'ballots = { ana = ["ana", "cy", "zed"], bo = ["ana", "zed"], dee = ["cy"] }\n'
    ).replace(
        'id = "cy"\nevents = [{ kind = "admitted", date = 2020-01-06 }]',
        'id = "cy"\nevents = [{ kind = "admitted", date = 2020-01-06 }, '
        '{ kind = "resigned", date = 2025-06-30 }]',
    )
    scenario = loads(text)
    report = evaluate(scenario, as_of=date(2025, 12, 31), regime=get_regime("qc-work"))
    (result,) = report.elections
    # Three votes of 2 each; s. 81.1.1: a third of 3 seats to non-members, so cy (a non-member
    # since she resigned) takes the one seat and zed is passed over.
    assert result.elected == ("ana", "cy")
    assert {c.id: c.member for c in result.board} == {"ana": True, "cy": False}
    codes = {v.code for v in result.violations}
    assert "election.seats_unfilled" in codes
    assert all(v.subject.startswith("board: ") for v in result.violations)


def test_a_ballot_of_someone_who_may_not_vote_is_ignored_with_a_warning():
    text = election(ELECTION + 'ballots = { cy = ["zed"], eve = ["zed"] }\n').replace(
        MEMBERS,
        MEMBERS + '[[members]]\nid = "eve"\nevents = [{ kind = "trial_started", '
        "date = 2025-09-01 }]\n",
    )
    report = evaluate(loads(text), as_of=date(2025, 12, 31), regime=get_regime("qc-work"))
    (result,) = report.elections
    assert dict(result.result.votes) == {"ana": 0, "bo": 0, "zed": 1}
    ignored = [v for v in report.violations if v.code == "meeting.ballot_not_in_electorate"]
    assert [v.subject for v in ignored] == ["board: eve"]


# --- measures by financial year -----------------------------------------------------------------


def test_measures_by_year_load_as_exact_numbers_by_year():
    by_year = 'measures = { hours = { 2024 = 900, 2025 = "1000.5" } }\n'
    text = HEAD + '[[members]]\nid = "ana"\n' + by_year
    (member,) = loads(text).members
    assert member.measures == {"hours": {2024: Decimal(900), 2025: Decimal("1000.5")}}


@pytest.mark.parametrize(
    ("measures", "path", "value"),
    [
        ("{ hours = { 2026 = 900 } }", "members[0].measures.hours.2026", 2026),
        ("{ hours = { 24 = 900 } }", "members[0].measures.hours", "24"),
        ("{ hours = { 2024 = 9.5 } }", "members[0].measures.hours", 9.5),
        ("{ hours = { 2024 = true } }", "members[0].measures.hours", True),
    ],
)
def test_a_bad_measure_by_year_names_its_path_and_value(measures, path, value):
    error = error_of(HEAD + f'[[members]]\nid = "ana"\nmeasures = {measures}\n')
    assert (error.path, error.value) == (path, value)


def test_the_schema_describes_both_forms_of_a_measure():
    schema = json_schema()
    measure = schema["$defs"]["MemberSpec"]["properties"]["measures"]["additionalProperties"]
    assert len(measure["anyOf"]) == 2
    assert measure["anyOf"][1]["propertyNames"] == {"pattern": "^[0-9]{4}$"}
    assert "ElectionSpec" in schema["$defs"]
    assert "elections" in schema["$defs"]["MeetingSpec"]["properties"]
