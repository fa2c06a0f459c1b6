"""Parquet and Arrow IPC tables (the optional extra ``cooprules[columns]``: pyarrow)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cooprules.scenario import ScenarioError, load
from cooprules.tables import load_scenario

pa = pytest.importorskip("pyarrow", reason="the columns extra (pyarrow) is not installed")
parquet = pytest.importorskip("pyarrow.parquet")
feather = pytest.importorskip("pyarrow.feather")


def _lines(revenue):
    return pa.table(
        {
            "activity": ["bo-design"] * 3,
            "month": pa.array([1, 2, 3], pa.int8()),
            "revenue": revenue,
            "direct_costs": pa.array([Decimal("200.00"), None, None], pa.decimal128(12, 2)),
        }
    )


REVENUE = pa.array(["3000.00", "2500", "-100.00"])


@pytest.mark.parametrize("suffix", ["parquet", "arrow"])
def test_parquet_and_arrow_files_load_as_the_csv_does(folder, suffix):
    path = folder / f"lines.{suffix}"
    table = _lines(REVENUE)
    (parquet.write_table if suffix == "parquet" else feather.write_feather)(table, str(path))
    toml = folder / "coop.toml"
    toml.write_text(toml.read_text().replace('"lines.csv"', f'"lines.{suffix}"'), encoding="utf-8")
    from_arrow = load(toml)
    toml.write_text(toml.read_text().replace(f'"lines.{suffix}"', '"lines.csv"'), encoding="utf-8")
    assert from_arrow == load(toml)


def test_decimal_and_integer_amount_columns_are_exact(folder):
    revenue = pa.array(
        [Decimal("3000.00"), Decimal(2500), Decimal("-100.00")], pa.decimal128(12, 2)
    )
    scenario = load_scenario(
        (folder / "coop.toml").read_text().replace('activity_lines = "lines.csv"\n', ""),
        {"activity_lines": _lines(revenue)},
        name=str(folder / "coop.toml"),
    )
    assert [str(m.amount) for m in scenario.activities[0].revenue] == [
        "3000.00",
        "2500.00",
        "-100.00",
    ]
    whole = pa.array([3000, 0, -100], pa.int64())
    scenario = load_scenario(
        (folder / "coop.toml").read_text().replace('activity_lines = "lines.csv"\n', ""),
        {"activity_lines": _lines(whole)},
        name=str(folder / "coop.toml"),
    )
    assert [str(m.amount) for m in scenario.activities[0].revenue] == ["3000", "0", "-100"]


def test_a_float_column_of_amounts_is_refused_naming_the_column(folder):
    path = folder / "lines.parquet"
    parquet.write_table(_lines(pa.array([3000.0, 2500.0, -100.0])), str(path))
    toml = folder / "coop.toml"
    toml.write_text(toml.read_text().replace('"lines.csv"', '"lines.parquet"'), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load(toml)
    assert str(caught.value) == (
        f"{path}: column revenue: a float is not exact: give amounts as decimals (decimal128), "
        "integers of whole units or text (got 'double')"
    )


def test_typed_cells_of_the_wrong_type_name_their_row(folder):
    events = pa.table(
        {
            "member": ["ana", "ana", "bo"],
            "kind": ["applied", "admitted", "convention_signed"],
            "date": pa.array(["2024-01-10", "2024-02-01", "2025-01-06"]),
            "category": pa.array([None, 7, None], pa.int32()),
        }
    )
    with pytest.raises(ScenarioError) as caught:
        load_scenario(
            (folder / "coop.toml").read_text().replace('member_events = "events.csv"\n', ""),
            {"member_events": events},
            name=str(folder / "coop.toml"),
        )
    assert [str(e) for e in caught.value.errors] == [
        "member_events: row 2, column category: expected text (got 7)"
    ]


def test_a_file_that_is_not_parquet(folder):
    (folder / "lines.parquet").write_bytes(b"not parquet")
    toml = folder / "coop.toml"
    toml.write_text(toml.read_text().replace('"lines.csv"', '"lines.parquet"'), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load(toml)
    assert str(caught.value).startswith(
        f"{folder / 'lines.parquet'}: (file): cannot read the Parquet file: "
    )
