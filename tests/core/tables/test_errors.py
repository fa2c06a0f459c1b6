"""Bad cells and bad tables: each error names the file, the row (header not counted), the column."""

from __future__ import annotations

import sys

import pytest

from cooprules.scenario import ScenarioError, load
from cooprules.tables import TableError


def _errors(folder):
    with pytest.raises(ScenarioError) as caught:
        load(folder / "coop.toml")
    return [str(e) for e in caught.value.errors]


def _edit(folder, name, old, new):
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_an_amount_that_is_not_one_names_file_row_column_and_value(folder):
    _edit(folder, "lines.csv", "bo-design,2,2500,", 'bo-design,2,"12,5",')
    (error,) = _errors(folder)
    assert error.startswith(f"{folder / 'lines.csv'}: row 3, column revenue: ")
    assert error.endswith("(got '12,5')")


def test_a_wrong_type_in_an_event_and_a_share_count(folder):
    _edit(folder, "events.csv", "ana,admitted,2024-02-01", "ana,admitted,2024-02-31")
    (folder / "ops.csv").write_text(
        "id,kind,date,member,share_class,shares\nop1,subscribe,2025-02-01,ana,A,1.5\n",
        encoding="utf-8",
    )
    _edit(
        folder,
        "coop.toml",
        "[tables]\n",
        '[[share_classes]]\ncode = "A"\nnominal = "50.00"\n\n'
        '[tables]\nshare_operations = "ops.csv"\n',
    )
    errors = _errors(folder)
    assert (
        f"{folder / 'events.csv'}: row 2, column date: not a date (YYYY-MM-DD) (got '2024-02-31')"
        in errors
    )
    assert f"{folder / 'ops.csv'}: row 1, column shares: expected an integer (got '1.5')" in errors


def test_a_missing_and_an_unknown_column_name_the_column(folder):
    _edit(folder, "events.csv", "member,kind,date,category", "member,what,date,colour")
    errors = _errors(folder)
    events = folder / "events.csv"
    assert f"{events}: column what: unknown column (got 'what')" in errors
    assert f"{events}: column colour: unknown column (got 'colour')" in errors
    assert f"{events}: column kind: required column missing (got None)" in errors


def test_a_column_another_table_gives_says_which(folder):
    _edit(folder, "activities.csv", "id,owner,", "id,revenue,owner,")
    _edit(folder, "activities.csv", "bo-design,bo,", "bo-design,1,bo,")
    (error,) = _errors(folder)
    assert "column revenue: unknown column (the activity_lines table gives it)" in error


def test_an_empty_file_is_refused(folder):
    (folder / "ballots.csv").write_text("", encoding="utf-8")
    (error,) = _errors(folder)
    assert (
        error
        == f"{folder / 'ballots.csv'}: (file): an empty file: a table has a header row (got '')"
    )


def test_a_header_alone_is_an_empty_table(folder):
    (folder / "ballots.csv").write_text("decision,voter,choice\n", encoding="utf-8")
    assert load(folder / "coop.toml").meeting.decisions[0].ballots == {}


def test_rows_naming_an_unknown_member_activity_or_decision(folder):
    _edit(folder, "events.csv", "bo,convention_signed", "zoe,convention_signed")
    _edit(folder, "lines.csv", "bo-design,3,", "no-such,3,")
    _edit(folder, "ballots.csv", "accounts,bo,", "budget,bo,")
    _edit(folder, "measures.csv", "bo,hours,2024", "eve,hours,2024")
    errors = _errors(folder)
    assert (
        f"{folder / 'events.csv'}: row 3, column member: not a member of the scenario (got 'zoe')"
        in errors
    )
    assert (
        f"{folder / 'lines.csv'}: row 2, column activity: "
        "not an activity of the scenario (got 'no-such')" in errors
    )
    assert (
        f"{folder / 'ballots.csv'}: row 2, column decision: not a decision of the meeting "
        "([[meeting.decisions]] id) (got 'budget')"
    ) in errors
    assert (
        f"{folder / 'measures.csv'}: row 2, column member: not a member of the scenario (got 'eve')"
        in errors
    )


def test_checks_after_structuring_are_named_by_row_too(folder):
    _edit(folder, "ballots.csv", "accounts,bo,abstain", "accounts,zed,abstain")
    _edit(folder, "ballots.csv", "accounts,ana,for", "accounts,ana,yes")
    errors = _errors(folder)
    assert errors == [
        (
            f"{folder / 'ballots.csv'}: row 1, column choice: "
            "one of for, against, abstain, blank (got 'yes')"
        )
    ]
    _edit(folder, "ballots.csv", "accounts,ana,yes", "accounts,ana,for")
    assert _errors(folder) == [
        f"{folder / 'ballots.csv'}: row 2, column voter: not a member of the scenario (got 'zed')"
    ]


def test_a_measure_by_year_names_its_row(folder):
    _edit(folder, "measures.csv", "bo,hours,2025,1500.5", "bo,hours,2025,-3")
    assert _errors(folder) == [
        f"{folder / 'measures.csv'}: row 3, column value: not negative (got '-3')"
    ]


def test_months_twice_or_with_a_gap_and_out_of_the_year(folder):
    _edit(
        folder,
        "lines.csv",
        "bo-design,2,2500,\n",
        "bo-design,2,2500,\nbo-design,1,1,\nbo-design,13,1,\n",
    )
    errors = _errors(folder)
    lines = folder / "lines.csv"
    assert (
        f"{lines}: row 4, column month: bo-design's month 1 is given twice (row 1 too) (got 1)"
        in errors
    )
    assert (
        f"{lines}: row 5, column month: a month of the financial year, 1 to 12 (got 13)" in errors
    )


def test_a_month_missing_in_the_middle(folder):
    _edit(folder, "lines.csv", "bo-design,2,2500,\n", "")
    (error,) = _errors(folder)
    assert error.startswith(
        f"{folder / 'lines.csv'}: row 2, column revenue: month 2 has no revenue"
    )


def test_a_table_both_inline_and_as_a_file_is_refused(folder):
    _edit(folder, "coop.toml", "[tables]\n", '[[members]]\nid = "x"\n\n[tables]\n')
    errors = _errors(folder)
    assert errors[0].startswith(
        f"{folder / 'coop.toml'}: members: given both here and in the table "
    )


def test_events_inline_and_as_a_file_are_refused(folder):
    _edit(folder, "coop.toml", 'members = "members.csv"\n', "")
    _edit(
        folder,
        "coop.toml",
        "[tables]\n",
        '[[members]]\nid = "ana"\nevents = []\n\n[[members]]\nid = "bo"\n\n[tables]\n',
    )
    errors = _errors(folder)
    assert errors[0].startswith(
        f"{folder / 'coop.toml'}: members[0].events: given both here and in"
    )


def test_an_unknown_table_a_missing_file_and_a_bad_suffix(folder):
    _edit(
        folder,
        "coop.toml",
        "[tables]\n",
        '[tables]\nvotes = "v.csv"\nshare_operations = "ops.xlsx"\n',
    )
    _edit(folder, "coop.toml", '"ballots.csv"', '"nowhere.csv"')
    errors = _errors(folder)
    toml = folder / "coop.toml"
    assert errors[0].startswith(f"{toml}: tables.votes: unknown table: one of members, ")
    assert (
        errors[1] == f"{toml}: tables.share_operations: "
        "a .csv, .parquet or .arrow (.feather) file (got 'ops.xlsx')"
    )
    assert errors[2].startswith(f"{toml}: tables.ballots: no such file: ")


def test_a_row_with_too_many_cells(folder):
    _edit(folder, "ballots.csv", "accounts,bo,abstain", "accounts,bo,abstain,extra")
    (error,) = _errors(folder)
    assert (
        error
        == f"{folder / 'ballots.csv'}: row 2: 4 cells, the header has 3 columns (got ['extra'])"
    )


def test_many_bad_rows_show_twenty_and_count_the_rest(folder):
    rows = "".join(f"nobody{i},applied,2024-01-10,\n" for i in range(25))
    (folder / "events.csv").write_text("member,kind,date,category\n" + rows, encoding="utf-8")
    errors = _errors(folder)
    assert len(errors) == 21
    assert (
        errors[-1]
        == f"{folder / 'events.csv'}: (file): and 5 more rows with problems, not shown (got 25)"
    )


def test_a_table_error_carries_its_row_and_column(folder):
    _edit(folder, "lines.csv", "bo-design,2,2500,", "bo-design,2,x,")
    with pytest.raises(ScenarioError) as caught:
        load(folder / "coop.toml")
    (leaf,) = caught.value.errors
    assert isinstance(leaf, TableError)
    assert (leaf.row, leaf.column, leaf.value) == (3, "revenue", "x")


def test_parquet_without_pyarrow_is_one_error_naming_the_extra(folder, monkeypatch):
    (folder / "lines.parquet").write_bytes(b"PAR1")
    _edit(folder, "coop.toml", '"lines.csv"', '"lines.parquet"')
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (error,) = _errors(folder)
    assert error == (
        f"{folder / 'lines.parquet'}: (file): reading Parquet files needs pyarrow: "
        f"pip install 'cooprules[columns]' (got '{folder / 'lines.parquet'}')"
    )
