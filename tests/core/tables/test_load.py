"""A scenario's tables from CSV files, Arrow tables, data frames and rows: the same scenario."""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from decimal import Decimal
from pathlib import Path

import jsonschema
import pytest
from tests.core.tables.coop import CSV, HEAD, MEMBERS, TABLES, inline_toml

from cooprules.scenario import ScenarioError, load, loads
from cooprules.tables import TABLES as TABLE_NAMES
from cooprules.tables import load_scenario


def test_tables_from_csv_files_load_as_the_same_scenario_as_inline(folder):
    from_files = load(folder / "coop.toml")
    inline = loads(inline_toml(), name=str(folder / "coop.toml"))
    assert from_files == inline
    bo = from_files.members[1]
    assert bo.measures == {"hours": {2024: Decimal(1400), 2025: Decimal("1500.5")}}
    assert [str(m.amount) for m in from_files.activities[0].revenue] == [
        "3000.00",
        "2500",
        "-100.00",
    ]
    assert from_files.members[0].facts == {
        "unemployment_days_18_months": 300,
        "on_integration_income": True,
    }


def test_loads_reads_the_files_relative_to_the_names_folder(folder):
    text = (folder / "coop.toml").read_text(encoding="utf-8")
    assert loads(text, name=str(folder / "coop.toml")) == load(folder / "coop.toml")


def test_rows_as_mappings_and_paths_in_python(folder):
    rows = [
        {
            "activity": "bo-design",
            "month": 1,
            "revenue": Decimal("3000.00"),
            "direct_costs": "200.00",
        },
        {"activity": "bo-design", "month": 2, "revenue": 2500},
        {"activity": "bo-design", "month": 3, "revenue": "-100.00", "direct_costs": None},
    ]
    scenario = load_scenario(
        HEAD,
        {
            "members": folder / "members.csv",
            "member_events": str(folder / "events.csv"),
            "measures": folder / "measures.csv",
            "activities": [
                {
                    "id": "bo-design",
                    "owner": "bo",
                    "start": dt.date(2025, 1, 6),
                    "levy.rate": "5%",
                    "levy.from": dt.date(2025, 1, 1),
                    "levy.until": "2025-07-01",
                }
            ],
            "activity_lines": rows,
            "ballots": (
                {"decision": "accounts", "voter": v, "choice": c}
                for v, c in [("ana", "for"), ("bo", "abstain")]
            ),
        },
        name=str(folder / "coop.toml"),
    )
    assert scenario == load(folder / "coop.toml")


def test_a_parsed_scenario_is_not_changed(folder):
    raw = tomllib.loads(HEAD + MEMBERS)
    before = repr(raw)
    scenario = load_scenario(raw, {"ballots": folder / "ballots.csv"}, name="coop.toml")
    assert repr(raw) == before
    assert len(scenario.meeting.decisions[0].ballots) == 2


class _Polars:
    """What cooprules reads of a polars data frame (duck-typed: polars is not a dependency)."""

    def __init__(self, columns, rows, dtypes):
        self.columns = columns
        self.schema = dict(zip(columns, dtypes, strict=True))
        self._rows = rows

    def iter_rows(self, *, named):
        assert named is False
        return iter(self._rows)


class _Pandas:
    """What cooprules reads of a pandas data frame (duck-typed)."""

    def __init__(self, columns, rows, dtypes):
        self.columns = columns
        self.dtypes = dict(zip(columns, dtypes, strict=True))
        self._rows = rows

    def to_dict(self, orient):
        assert orient == "records"
        return [dict(zip(self.columns, row, strict=True)) for row in self._rows]


LINES = [("bo-design", 1, "3000.00", "200.00"), ("bo-design", 2, 2500, None),
         ("bo-design", 3, "-100.00", float("nan"))]  # fmt: skip
COLUMNS = ["activity", "month", "revenue", "direct_costs"]


@pytest.mark.parametrize(
    "frame",
    [
        _Polars(COLUMNS, LINES, ["String", "Int64", "String", "String"]),
        _Pandas(COLUMNS, LINES, ["object", "int64", "object", "object"]),
    ],
    ids=["polars", "pandas"],
)
def test_data_frames_are_read_by_their_rows(folder, frame):
    scenario = load_scenario(
        (folder / "coop.toml")
        .read_text(encoding="utf-8")
        .replace('activity_lines = "lines.csv"\n', ""),
        {"activity_lines": frame},
        name=str(folder / "coop.toml"),
    )
    assert scenario == load(folder / "coop.toml")


@pytest.mark.parametrize(
    "frame",
    [_Polars(COLUMNS, [], ["String", "Int64", "Float64", "String"]),
     _Pandas(COLUMNS, [], ["object", "int64", "float64", "object"])],
    ids=["polars", "pandas"],
)  # fmt: skip
def test_a_float_column_of_a_data_frame_is_refused_naming_it(frame):
    with pytest.raises(ScenarioError) as caught:
        load_scenario(HEAD, {"activity_lines": frame}, name="coop.toml")
    assert str(caught.value).startswith("activity_lines: column revenue: a float is not exact")


def test_the_known_tables():
    assert TABLE_NAMES == (
        "members", "member_events", "measures", "activities", "activity_lines",
        "share_operations", "ballots",
    )  # fmt: skip
    assert set(CSV)
    assert "[tables]" in TABLES


def test_the_json_schema_has_the_tables_section():
    root = Path(__file__).resolve().parents[3]
    schema = json.loads((root / "docs" / "scenario.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    coop = {"regime": "be-cnc", "name": "Coop", "year": 2025}
    assert validator.is_valid({"coop": coop, "tables": {"activity_lines": "lines.parquet"}})
    assert not validator.is_valid({"coop": coop, "tables": {"votes": "votes.csv"}})
    assert sorted(schema["properties"]["tables"]["properties"]) == sorted(TABLE_NAMES)
