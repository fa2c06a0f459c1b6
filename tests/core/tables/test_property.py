"""A table given inline or as a CSV file loads to the same scenario (Hypothesis)."""

from __future__ import annotations

import datetime as dt
import tempfile
import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.core.tables.coop import HEAD

from cooprules.migrate import dumps
from cooprules.scenario import loads
from cooprules.tables import _write_csv, export_tables, load_scenario

_amounts = st.one_of(
    st.integers(-(10**6), 10**6),
    st.decimals(-(10**6), 10**6, places=2, allow_nan=False, allow_infinity=False).map(str),
)
_ids = st.text("abcdefghij-", min_size=1, max_size=6)


@st.composite
def _coops(draw):
    members = draw(st.lists(_ids, min_size=1, max_size=4, unique=True))
    raw = tomllib.loads(HEAD)
    raw["members"] = []
    for ident in members:
        member = {"id": ident}
        if draw(st.booleans()):
            member["name"] = draw(st.text("Abc é,\"'\n", max_size=8))  # "": stays inline
        member["events"] = [
            {"kind": draw(st.sampled_from(["applied", "admitted", "convention_signed"])),
             "date": draw(st.dates(dt.date(2020, 1, 1), dt.date(2025, 12, 31)))}
            for _ in range(draw(st.integers(0, 3)))
        ]  # fmt: skip
        if draw(st.booleans()):
            member["measures"] = {
                "hours": draw(_amounts.filter(lambda v: not str(v).startswith("-")))
            }
        raw["members"].append(member)
    raw["activities"] = []
    for a in range(draw(st.integers(0, 3))):
        activity = {"id": f"act{a}", "owner": draw(st.sampled_from(members)),
                    "start": dt.date(2025, 1, 6)}  # fmt: skip
        activity["revenue"] = draw(st.lists(_amounts, max_size=12))
        activity["direct_costs"] = draw(st.lists(_amounts, max_size=12))
        raw["activities"].append(activity)
    voters = draw(st.lists(st.sampled_from(members), unique=True))
    choices = st.sampled_from(["for", "against", "abstain", "blank"])
    raw["meeting"]["decisions"][0]["ballots"] = {v: draw(choices) for v in voters}
    return raw


@settings(max_examples=40, deadline=None)
@given(_coops())
def test_a_table_inline_or_as_csv_loads_to_the_same_scenario(raw):
    inline = loads(dumps(raw), name="coop.toml")
    rest, tables = export_tables(raw)
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for key, rows in tables.items():
            path = Path(folder) / f"{key}.csv"
            _write_csv(path, rows)
            paths[key] = path
        assert load_scenario(dumps(rest), paths, name="coop.toml") == inline
