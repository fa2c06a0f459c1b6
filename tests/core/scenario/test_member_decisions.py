"""The decision behind a member's event in a scenario file: read, checked, named by its path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cooprules.membership import Decision
from cooprules.scenario import MemberDecisionSpec, ScenarioError, json_schema, loads

ROOT = Path(__file__).resolve().parents[3]


def scenario(decision: str) -> str:
    return f"""
[coop]
regime = "qc-solidarity"
name = "Coop"
year = 2025
[[members]]
id = "ana"
events = [
  {{ kind = "admitted", date = 2020-01-10 }},
  {{ kind = "excluded", date = 2025-04-01, decision = {decision} }},
]
"""


def test_a_decision_is_read_into_the_event():
    text = scenario(
        '{ body = "board", date = 2025-04-01, votes_for = 4, votes_cast = 6, present = 7, '
        'notice_given = 2025-03-20, reasons_sent = 2025-04-10, grounds = "competes_with_coop" }'
    )
    spec = loads(text).members[0].events[1].decision
    assert spec == MemberDecisionSpec(
        "board",
        date(2025, 4, 1),
        votes_for=4,
        votes_cast=6,
        present=7,
        notice_given=date(2025, 3, 20),
        reasons_sent=date(2025, 4, 10),
        grounds="competes_with_coop",
    )
    assert spec.to_decision() == Decision(
        "board",
        date(2025, 4, 1),
        votes_for=4,
        votes_cast=6,
        present=7,
        notice_given=date(2025, 3, 20),
        reasons_sent=date(2025, 4, 10),
        grounds="competes_with_coop",
    )
    plain = loads(scenario('{ body = "board", date = 2025-04-01 }')).members[0].events[0]
    assert plain.decision is None


@pytest.mark.parametrize(
    ("decision", "path", "value"),
    [
        (
            '{ body = "board", date = 2025-04-01, votes_for = 7, votes_cast = 6 }',
            "members[0].events[1].decision.votes_for",
            7,
        ),
        (
            '{ body = "board", date = 2025-04-01, present = -1 }',
            "members[0].events[1].decision.present",
            -1,
        ),
        ('{ body = "", date = 2025-04-01 }', "members[0].events[1].decision.body", ""),
        (
            '{ body = "board", date = 2025-04-01, majority = "2/3" }',
            "members[0].events[1].decision.majority",
            "2/3",
        ),
        (
            '{ body = "board", date = 2025-04-01, votes_for = 4.0 }',
            "members[0].events[1].decision.votes_for",
            4.0,
        ),
    ],
)
def test_a_bad_decision_names_its_path_and_value(decision, path, value):
    with pytest.raises(ScenarioError) as raised:
        loads(scenario(decision), name="qc.toml")
    assert raised.value.file == "qc.toml"
    assert raised.value.path == path
    assert raised.value.value == value


def test_the_schema_describes_the_decision():
    schema = json_schema()
    event = schema["$defs"]["EventSpec"]["properties"]["decision"]
    assert event == {"$ref": "#/$defs/MemberDecisionSpec"}
    decision = schema["$defs"]["MemberDecisionSpec"]
    assert decision["required"] == ["body", "date"]
    assert set(decision["properties"]) == {
        "body",
        "date",
        "votes_for",
        "votes_cast",
        "present",
        "notice_given",
        "reasons_sent",
        "grounds",
    }
    written = json.loads((ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8"))
    assert written["$defs"]["MemberDecisionSpec"] == decision
