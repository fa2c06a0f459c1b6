"""A scenario's large tables as columns: CSV or Parquet files, data frames, database rows.

A scenario file keeps the co-op, its statutes and the meeting; its large tables (the members,
their events and measures, the activities and their monthly lines, the share operations, the
ballots) may instead come from files named in its ``[tables]`` section, relative to the scenario::

    [tables]
    members = "members.csv"
    member_events = "events.csv"
    activity_lines = "lines.parquet"

The rows of a table are merged into the scenario exactly as if written in its TOML, then go
through the same structuring and checks ([`cooprules.scenario.load()`][cooprules.scenario.load]); an
error in a table names its file, the row (1-based, the header not counted) and the column::

    lines.csv: row 12, column revenue: text is not a decimal number (got '12,5')

The tables (`TABLES`), each row a mapping of column to cell:

* ``members``: ``id``, ``name``, ``birth_date``, ``work.pay`` (a dotted column is a key of a nested
  table: ``work.time``, ``facts.on_integration_income``...);
* ``member_events``: ``member`` (the member's id) and an event's keys (``kind``, ``date``,
  ``category``, ``decision.body``...), in the order of the member's history;
* ``measures``: ``member``, ``measure``, ``value`` and, for a measure by financial year, ``year``;
* ``activities``: ``id``, ``owner``, ``start``, ``kind``... and the keys of its own ``levy``
  (``levy.rate``, ``levy.from``);
* ``activity_lines``: ``activity``, ``month`` (1 to 12, of the financial year), ``revenue``,
  ``direct_costs``: one row per month, every month from the first given;
* ``share_operations``: an operation's keys (``position.net_assets``...);
* ``ballots``: ``decision`` (its ``id`` in ``[[meeting.decisions]]``), ``voter``, ``choice``.

Cells are text (CSV) or typed (Parquet, Arrow, data frames, database rows). An empty cell (or a
null) is a key left out. Text in an integer column is read as an integer (``"12"``), in a flag
column as ``true``/``false``; a member's ``facts.*`` cells are read as TOML reads them:
``true``/``false`` a flag, digits an integer, anything else text. **Amounts are decimal text
(``"1234.50"``), a decimal (Parquet's ``decimal128``) or an integer of whole units, exactly as in
TOML** (``3000`` is 3,000.00, never 30.00): cents are not assumed. A float is never exact: a float
column is refused, naming the column.

CSV is read with the standard library's `csv` module (UTF-8, a header row); Parquet and Arrow
IPC (``.parquet``, ``.arrow``, ``.feather``) need the optional extra ``cooprules[columns]``
(pyarrow). `load_scenario()` takes the tables in Python: Arrow tables, pandas or polars data
frames or any iterable of row mappings (``docs/tables.md`` reads them from a database).
`convert()` writes a scenario's large tables out as files and a scenario referencing them.
"""

from __future__ import annotations

import csv
import datetime as dt
import importlib
import re
import types
import typing
from collections.abc import Iterable, Iterator, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final, Literal

import attrs
from moneyed import Money

from cooprules.money import Rate
from cooprules.scenario import (
    ActivitySpec,
    EventSpec,
    MemberSpec,
    Scalar,
    Scenario,
    ScenarioError,
    ShareOperationSpec,
    _parse,
    _structure,
    read_text,
)

__all__ = [
    "EXTRA",
    "TABLES",
    "TableError",
    "convert",
    "export_tables",
    "load_scenario",
]

TABLES: Final = (
    "members",
    "member_events",
    "measures",
    "activities",
    "activity_lines",
    "share_operations",
    "ballots",
)
"""The tables a scenario may take from files (``[tables]``) or from Python."""

EXTRA: Final = "pip install 'cooprules[columns]'"
"""How to install what Parquet and Arrow files need (pyarrow)."""

_SUFFIXES: Final = {
    ".csv": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".arrow": "arrow",
    ".feather": "arrow",
    ".ipc": "arrow",
}

_ELSEWHERE: Final = {
    "events": "member_events",
    "measures": "measures",
    "revenue": "activity_lines",
    "direct_costs": "activity_lines",
}
"""Keys of a row that another table gives."""

_SHOWN: Final = 20
"""The problems of one table's rows shown; a line says how many more there are."""

_INT: Final = re.compile(r"[+-]?[0-9]+")
_YEAR: Final = re.compile(r"[0-9]{4}")


class TableError(ScenarioError):
    """A problem in a table: its file (or name), the row and the column, and the value.

    ``path`` reads ``row 12, column revenue`` (rows count from 1, the header not counted), or
    ``column revenue`` for a problem of the whole column.

    Attributes:
        row: the row, from 1 (``None``: the whole table or column).
        column: the column (``None``: the whole table).
    """

    def __init__(
        self, file: str, row: int | None, column: str | None, value: object, reason: str
    ) -> None:
        where = [f"row {row}"] if row is not None else []
        where += [f"column {column}"] if column is not None else []
        super().__init__(file, ", ".join(where), value, reason)
        self.row = row
        self.column = column


# --- the columns ---------------------------------------------------------------------------------

_Kind = Literal["int", "bool", "scalar", "amount", "text"]


def _unwrap(kind: Any) -> Any:  # noqa: ANN401 - a type
    if kind == Scalar:
        return kind
    if typing.get_origin(kind) in {typing.Union, types.UnionType}:
        args = [a for a in typing.get_args(kind) if a is not type(None)]
        return args[0] if len(args) == 1 else kind
    return kind


def _leaf(kind: Any) -> _Kind | None:  # noqa: ANN401, PLR0911 - a type; one return per kind
    kind = _unwrap(kind)
    if kind == Scalar:
        return "scalar"
    if kind is bool:
        return "bool"
    if kind is int:
        return "int"
    if kind in {Money, Decimal}:
        return "amount"
    if kind is Rate:  # an attrs class, read from one cell of text
        return "text"
    if typing.get_origin(kind) is not None or attrs.has(kind) or kind is dict:
        return None  # a list or a table is not one cell
    return "text"


def _kind_of(cls: type[Any], parts: Sequence[str]) -> _Kind | None:
    """The kind of a column (dotted: ``work.pay``) of rows of ``cls``; ``None``: not a column."""
    fields = {f.metadata.get("key", f.name): f for f in attrs.fields(attrs.resolve_types(cls))}
    field = fields.get(parts[0])
    if field is None:
        return None
    kind = _unwrap(field.type)
    rest = parts[1:]
    if attrs.has(kind) and kind is not Rate:
        return _kind_of(kind, rest) if rest else None
    if typing.get_origin(kind) is dict:
        return _leaf(typing.get_args(kind)[1]) if len(rest) == 1 else None
    return None if rest else _leaf(kind)


def _required(cls: type[Any]) -> list[str]:
    return [
        f.metadata.get("key", f.name)
        for f in attrs.fields(cls)
        if f.default is attrs.NOTHING and f.name not in _ELSEWHERE
    ]


_ABSENT: Final = object()


def _cell(value: object, kind: _Kind) -> object:  # noqa: PLR0911 - one case per kind
    """A cell as a TOML value: text read for its column's kind, a decimal as text."""
    if value is None or value == "":
        return _ABSENT
    if isinstance(value, str):
        if kind == "text" or kind == "amount":  # noqa: PLR1714 - the common case first
            return value
        if kind != "bool" and _INT.fullmatch(value):
            return int(value)
        if kind != "int" and value.lower() in {"true", "false"}:
            return value.lower() == "true"
        return value
    if isinstance(value, float) and value != value:  # noqa: PLR0124 - NaN: pandas' missing value
        return _ABSENT
    if isinstance(value, Decimal):
        if kind == "int" and value.is_finite() and value == value.to_integral_value():
            return int(value)
        return format(value, "f")
    return value


# --- the sources ---------------------------------------------------------------------------------


@attrs.frozen
class _Source:
    """A table's rows, each a sequence of cells in the order of ``columns``."""

    label: str
    columns: tuple[str, ...]
    rows: Iterable[Sequence[object]]
    problems: list[ScenarioError] = attrs.field(factory=list, eq=False)
    """Problems found while reading the rows (a CSV row with too many cells)."""


def _float_columns(label: str, names: Iterable[tuple[str, str]]) -> None:
    bad = [
        TableError(
            label,
            None,
            name,
            kind,
            "a float is not exact: give amounts as decimals "
            "(decimal128), integers of whole units or text",
        )
        for name, kind in names
        if kind.lower().startswith(("float", "double", "halffloat"))
    ]
    if bad:
        raise ScenarioError.of(bad)


def _batches(arrow: Any, names: Sequence[str]) -> Iterator[Sequence[object]]:  # noqa: ANN401
    """An Arrow table's rows, one batch of its columns as Python values at a time."""
    batches = arrow.to_batches(max_chunksize=65536) if hasattr(arrow, "to_batches") else [arrow]
    for batch in batches:
        yield from zip(*(batch.column(n).to_pylist() for n in names), strict=True)


def _source_of(table: object, label: str) -> _Source:
    """Rows from an Arrow table, a polars or pandas data frame, or an iterable of mappings."""
    if all(hasattr(table, a) for a in ("schema", "column_names", "column")):  # Arrow
        arrow: Any = table
        names = tuple(str(n) for n in arrow.column_names)
        _float_columns(label, ((f.name, str(f.type)) for f in arrow.schema))
        return _Source(label, names, _batches(arrow, names))
    if hasattr(table, "iter_rows") and hasattr(table, "columns"):  # polars
        frame: Any = table
        names = tuple(str(n) for n in frame.columns)
        _float_columns(label, ((str(n), str(t)) for n, t in frame.schema.items()))
        return _Source(label, names, frame.iter_rows(named=False))
    if hasattr(table, "to_dict") and hasattr(table, "columns") and hasattr(table, "dtypes"):
        frame = table  # pandas
        names = tuple(str(n) for n in frame.columns)
        _float_columns(label, ((str(n), str(t)) for n, t in frame.dtypes.items()))
        records = frame.to_dict("records")
        return _Source(label, names, ([r[n] for n in frame.columns] for r in records))
    if isinstance(table, str | bytes | Mapping) or not isinstance(table, Iterable):
        raise TableError(label, None, None, type(table).__name__, "expected rows (mappings)")
    rows = list(table)
    names_seen: dict[str, None] = {}
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise TableError(label, i, None, row, "a row is a mapping of column to cell")
        names_seen.update(dict.fromkeys(str(k) for k in row))
    keys = tuple(names_seen)
    return _Source(label, keys, ([row.get(k) for k in keys] for row in rows))


def _read_csv(path: Path, label: str) -> _Source:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            header = next(csv.reader(handle), None)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise TableError(label, None, None, str(path), f"cannot read the file: {error}") from error
    if header is None:
        raise TableError(label, None, None, "", "an empty file: a table has a header row")
    names = tuple(header)
    problems: list[ScenarioError] = []

    def rows() -> Iterator[Sequence[object]]:  # the file is opened when the rows are read
        width = len(names)
        try:
            with path.open(newline="", encoding="utf-8-sig") as handle:
                reader = csv.reader(handle)
                next(reader, None)
                for i, row in enumerate(reader, start=1):
                    if len(row) > width:
                        reason = f"{len(row)} cells, the header has {width} columns"
                        problems.append(TableError(label, i, None, row[width:], reason))
                    yield row + [""] * (width - len(row)) if len(row) < width else row
        except (OSError, UnicodeDecodeError, csv.Error) as error:
            reason = f"cannot read the file: {error}"
            problems.append(TableError(label, None, None, str(path), reason))

    return _Source(label, names, rows(), problems)


def _read_arrow(path: Path, label: str, fmt: str) -> _Source:
    try:
        module: Any = importlib.import_module(
            "pyarrow.parquet" if fmt == "parquet" else "pyarrow.feather"
        )
    except ImportError as error:
        reason = f"reading {fmt.capitalize()} files needs pyarrow: {EXTRA}"
        raise TableError(label, None, None, str(path), reason) from error
    try:
        table = module.read_table(str(path))
    except Exception as error:
        reason = f"cannot read the {fmt.capitalize()} file: {error}"
        raise TableError(label, None, None, str(path), reason) from error
    return _source_of(table, label)


def _file_sources(section: object, *, name: str, base: Path) -> dict[str, _Source]:
    """The sources a ``[tables]`` section names, each relative to ``base``."""
    if not isinstance(section, Mapping):
        raise ScenarioError(name, "tables", section, "a table of names and files")
    problems: list[ScenarioError] = []
    sources: dict[str, _Source] = {}
    for key, ref in section.items():
        where = f"tables.{key}"
        if key not in TABLES:
            problems.append(
                ScenarioError(name, where, key, f"unknown table: one of {', '.join(TABLES)}")
            )
            continue
        if not isinstance(ref, str) or not ref.strip():
            problems.append(ScenarioError(name, where, ref, "a file's name, as text"))
            continue
        path = base / ref
        fmt = _SUFFIXES.get(path.suffix.lower())
        if fmt is None:
            reason = "a .csv, .parquet or .arrow (.feather) file"
            problems.append(ScenarioError(name, where, ref, reason))
            continue
        if not path.is_file():
            problems.append(ScenarioError(name, where, ref, f"no such file: {path}"))
            continue
        try:
            sources[key] = (
                _read_csv(path, str(path)) if fmt == "csv" else _read_arrow(path, str(path), fmt)
            )
        except ScenarioError as error:
            problems.append(error)
    if problems:
        raise ScenarioError.of(problems)
    return sources


# --- merging the rows into the scenario ----------------------------------------------------------


@attrs.define
class _Origins:
    """Where the merged values came from: the tables' rows, for the errors found later."""

    name: str
    labels: dict[str, str] = attrs.field(factory=dict)
    events: dict[int, list[int]] = attrs.field(factory=dict)
    measures: dict[int, dict[str, list[tuple[int, str | None, object]]]] = attrs.field(factory=dict)
    lines: dict[int, dict[int, tuple[int, object, object]]] = attrs.field(factory=dict)
    """Per activity, per month (from 1): its row, revenue and direct costs."""
    ballots: dict[int, dict[str, int]] = attrs.field(factory=dict)

    def remap(self, error: ScenarioError) -> ScenarioError:
        """The error with each problem found in a table's data named by its file, row, column."""
        return ScenarioError.of([self._leaf(leaf) for leaf in error.errors])

    def _leaf(self, leaf: ScenarioError) -> ScenarioError:
        if leaf.file != self.name or isinstance(leaf, TableError):
            return leaf
        parts: list[str | int] = [
            int(index) if index else key
            for index, key in re.findall(r"\[(\d+)\]|([^.\[\]]+)", leaf.path)
        ]
        found = self._locate(parts, leaf.value)
        if found is None:
            return leaf
        table, row, column = found
        return TableError(self.labels[table], row, column, leaf.value, leaf.reason)

    def _locate(  # noqa: C901, PLR0911, PLR0912 - one case per table
        self, parts: list[str | int], value: object
    ) -> tuple[str, int, str] | None:
        if len(parts) < 2 or not isinstance(parts[1], int):  # noqa: PLR2004 - a list's entry
            return self._ballot(parts, value)
        head, index, rest = parts[0], parts[1], parts[2:]
        column = ".".join(str(p) for p in rest)
        if head == "members":
            if rest[:1] == ["events"] and len(rest) > 1 and index in self.events:
                rows = self.events[index]
                j = rest[1]
                if isinstance(j, int) and j < len(rows):
                    return "member_events", rows[j], ".".join(str(p) for p in rest[2:]) or "kind"
            if rest[:1] == ["measures"] and len(rest) > 1 and index in self.measures:
                entries = self.measures[index].get(str(rest[1]), [])
                year = str(rest[2]) if len(rest) > 2 else None  # noqa: PLR2004 - name, year
                for row, key, cell in entries:
                    if year is not None and key == year:
                        return "measures", row, "value"
                    if year is None and str(value) in {str(cell), str(key)}:
                        return "measures", row, "year" if str(value) == str(key) else "value"
                if entries:
                    return "measures", entries[0][0], "value"
            if "members" in self.labels:
                return "members", index + 1, column or "id"
        if head == "activities":
            if rest[:1] in (["revenue"], ["direct_costs"]) and index in self.lines:
                month = rest[1] if len(rest) > 1 else 0
                line = self.lines[index].get(month + 1) if isinstance(month, int) else None
                if line is not None:
                    return "activity_lines", line[0], str(rest[0])
            if "activities" in self.labels:
                return "activities", index + 1, column or "id"
        if head == "share_operations" and "share_operations" in self.labels:
            return "share_operations", index + 1, column or "id"
        return None

    def _ballot(self, parts: list[str | int], value: object) -> tuple[str, int, str] | None:
        if parts[:2] != ["meeting", "decisions"] or len(parts) < 5 or parts[3] != "ballots":  # noqa: PLR2004
            return None
        decision = parts[2]
        voter = ".".join(str(p) for p in parts[4:])
        row = self.ballots.get(decision, {}).get(voter) if isinstance(decision, int) else None
        if row is None:
            return None
        return "ballots", row, "voter" if str(value) == voter else "choice"


@attrs.define
class _Merge:
    """Merges the sources into a scenario's parsed TOML, collecting every problem."""

    raw: dict[str, Any]
    name: str
    origins: _Origins
    problems: list[ScenarioError] = attrs.field(factory=list)
    counts: dict[str, int] = attrs.field(factory=dict)
    failed: set[str] = attrs.field(factory=set)

    def column_kinds(
        self,
        source: _Source,
        kinds: Mapping[str, _Kind | None],
        required: Sequence[str],
    ) -> list[_Kind | None] | None:
        """Each column's kind, or ``None`` after reporting unknown and missing columns."""
        found: list[ScenarioError] = []
        seen: set[str] = set()
        for column in source.columns:
            if column in seen:
                found.append(
                    TableError(source.label, None, column, column, "a column appears twice")
                )
            seen.add(column)
            if kinds.get(column) is None:
                other = _ELSEWHERE.get(column.split(".")[0])
                reason = (
                    f"unknown column (the {other} table gives it)" if other else "unknown column"
                )
                found.append(TableError(source.label, None, column, column, reason))
        found.extend(
            TableError(source.label, None, column, None, "required column missing")
            for column in required
            if column not in seen
        )
        if found:
            self.problems.extend(found)
            return None
        return [kinds[c] for c in source.columns]

    def fail(self, source: _Source, row: int, column: str, value: object, reason: str) -> None:
        count = self.counts[source.label] = self.counts.get(source.label, 0) + 1
        if count <= _SHOWN:
            self.problems.append(TableError(source.label, row, column, value, reason))

    def more(self) -> None:
        """One line for the problems of a table beyond the first `_SHOWN`."""
        for label, count in self.counts.items():
            if count > _SHOWN:
                reason = f"and {count - _SHOWN} more rows with problems, not shown"
                self.problems.append(TableError(label, None, None, count, reason))

    def inline(self, table: str, path: str, value: object) -> None:
        label = self.origins.labels[table]
        reason = f"given both here and in the table {label}: state it once"
        self.problems.append(ScenarioError(self.name, path, value, reason))

    def rows_of(self, key: str, cls: type[Any], source: _Source) -> None:
        """A table of whole entries: ``members``, ``activities``, ``share_operations``."""
        if key in self.raw:
            self.inline(key, key, f"{_count(self.raw[key])} entries")
            return
        kinds = {c: _kind_of(cls, c.split(".")) for c in source.columns}
        column_kinds = self.column_kinds(source, kinds, _required(cls))
        if column_kinds is None:
            self.failed.add(key)
            return
        self.raw[key] = list(_nested(source, column_kinds))

    def parents(
        self, entries: object, field: str, table: str, where: str
    ) -> tuple[list[Any], dict[str, dict[str, Any]], dict[int, int]]:
        """Copies of ``entries``, refusing an inline ``field``; those with an id; their indexes.

        The indexes are by each copy's ``id()``.
        """
        if not isinstance(entries, list):
            return [], {}, {}
        copies: list[Any] = []
        by_id: dict[str, dict[str, Any]] = {}
        index: dict[int, int] = {}
        for i, entry in enumerate(entries):
            if isinstance(entry, dict):
                entry = dict(entry)  # noqa: PLW2901 - a copy: the caller's data is not changed
                if field in entry:
                    self.inline(table, f"{where}[{i}].{field}", entry[field])
                if isinstance(entry.get("id"), str):
                    by_id.setdefault(entry["id"], entry)
                index[id(entry)] = i
            copies.append(entry)
        return copies, by_id, index

    def events(self, source: _Source) -> None:
        if "members" in self.failed:
            return
        entries, members, index = self.parents(
            self.raw.get("members"), "events", "member_events", "members"
        )
        if entries:
            self.raw["members"] = entries
        kinds: dict[str, _Kind | None] = {
            c: _kind_of(EventSpec, c.split(".")) for c in source.columns
        }
        kinds["member"] = "text"
        column_kinds = self.column_kinds(source, kinds, ["member", *_required(EventSpec)])
        if column_kinds is None:
            return
        for row, event in enumerate(_nested(source, column_kinds), start=1):
            ident = event.pop("member", None)
            member = members.get(ident) if isinstance(ident, str) else None
            if member is None:
                self.fail(source, row, "member", ident, _unknown("member", ident))
                continue
            member.setdefault("events", []).append(event)
            self.origins.events.setdefault(index[id(member)], []).append(row)

    def measures(self, source: _Source) -> None:  # noqa: C901 - one check per cell
        if "members" in self.failed:
            return
        entries, members, index = self.parents(
            self.raw.get("members"), "measures", "measures", "members"
        )
        if entries:
            self.raw["members"] = entries
        kinds: dict[str, _Kind | None] = {
            "member": "text",
            "measure": "text",
            "value": "amount",
            "year": "int",
        }
        column_kinds = self.column_kinds(source, kinds, ["member", "measure", "value"])
        if column_kinds is None:
            return
        for row, cells in enumerate(_nested(source, column_kinds), start=1):
            ident, name = cells.get("member"), cells.get("measure")
            member = members.get(ident) if isinstance(ident, str) else None
            if member is None:
                self.fail(source, row, "member", ident, _unknown("member", ident))
                continue
            if not isinstance(name, str):
                self.fail(source, row, "measure", name, "a measure's name, as text")
                continue
            value, year = cells.get("value"), cells.get("year")
            if value is None:
                self.fail(source, row, "value", None, "required cell missing")
                continue
            held = member.setdefault("measures", {})
            if year is None:
                if name in held:
                    reason = f"{ident}'s {name} is given twice (once without a year)"
                    self.fail(source, row, "measure", name, reason)
                    continue
                held[name] = value
                key = None
            else:
                key = str(year)
                years = held.setdefault(name, {})
                if not isinstance(years, dict) or key in years:
                    reason = f"{ident}'s {name} for {key} is given twice (or once without a year)"
                    self.fail(source, row, "year", year, reason)
                    continue
                years[key] = value
            origins = self.origins.measures.setdefault(index[id(member)], {})
            origins.setdefault(name, []).append((row, key, value))

    def lines(self, source: _Source) -> None:  # noqa: C901, PLR0912 - one check per cell
        if "activities" in self.failed:
            return
        entries, activities, index = self.parents(
            self.raw.get("activities"), "revenue", "activity_lines", "activities"
        )
        if entries:
            self.raw["activities"] = entries
        for i, activity in enumerate(entries):
            if isinstance(activity, dict) and "direct_costs" in activity:
                where = f"activities[{i}].direct_costs"
                self.inline("activity_lines", where, activity["direct_costs"])
        kinds: dict[str, _Kind | None] = {
            "activity": "text",
            "month": "int",
            "revenue": "amount",
            "direct_costs": "amount",
        }
        column_kinds = self.column_kinds(source, kinds, ["activity", "month"])
        if column_kinds is None:
            return
        by_activity: dict[int, dict[int, tuple[int, object, object]]] = {}
        dropped: set[int] = set()  # a refused month: no check of the months' sequence
        at = {column: i for i, column in enumerate(source.columns)}
        a, m, r, c = at["activity"], at["month"], at.get("revenue"), at.get("direct_costs")
        for row, cells in enumerate(source.rows, start=1):  # a million rows: read by position
            ident, month = cells[a], cells[m]
            if type(month) is str and month.isascii() and month.isdigit():
                month = int(month)
            elif type(month) is not int:
                month = _cell(month, "int")
            activity = activities.get(ident) if type(ident) is str else None
            if activity is None:
                ident = None if ident == "" else ident
                self.fail(source, row, "activity", ident, _unknown("activity", ident))
                continue
            i = index[id(activity)]
            months = by_activity.setdefault(i, {})
            if type(month) is not int or not 1 <= month <= 12:  # noqa: PLR2004 - a year's months
                shown = None if month is _ABSENT else month
                self.fail(source, row, "month", shown, "a month of the financial year, 1 to 12")
                dropped.add(i)
                continue
            if month in months:
                reason = f"{ident}'s month {month} is given twice (row {months[month][0]} too)"
                self.fail(source, row, "month", month, reason)
                continue
            months[month] = (
                row,
                None if r is None else _amount(cells[r]),
                None if c is None else _amount(cells[c]),
            )
        for i, months in by_activity.items():
            self.origins.lines[i] = months
            if i in dropped:
                continue
            last = max(months)
            for field, place in (("revenue", 1), ("direct_costs", 2)):
                values = [months[k][place] if k in months else None for k in range(1, last + 1)]
                while values and values[-1] is None:
                    values.pop()
                if None in values:
                    gap, top = values.index(None) + 1, len(values)
                    reason = (
                        f"month {gap} has no {field} but month {top} has: give every month "
                        "from the first (0 for none)"
                    )
                    self.fail(source, months[top][0], field, months[top][place], reason)
                elif values:
                    entries[i][field] = values

    def ballots(self, source: _Source) -> None:
        meeting = self.raw.get("meeting")
        decisions: dict[str, dict[str, Any]] = {}
        index: dict[int, int] = {}
        if isinstance(meeting, dict):
            meeting = self.raw["meeting"] = dict(meeting)
            entries, decisions, index = self.parents(
                meeting.get("decisions"), "ballots", "ballots", "meeting.decisions"
            )
            if entries:
                meeting["decisions"] = entries
        kinds: dict[str, _Kind | None] = {"decision": "text", "voter": "text", "choice": "text"}
        column_kinds = self.column_kinds(source, kinds, ["decision", "voter", "choice"])
        if column_kinds is None:
            return
        for row, cells in enumerate(_nested(source, column_kinds), start=1):
            ident, voter = cells.get("decision"), cells.get("voter")
            decision = decisions.get(ident) if isinstance(ident, str) else None
            if decision is None:
                reason = "not a decision of the meeting ([[meeting.decisions]] id)"
                self.fail(source, row, "decision", ident, reason)
                continue
            if not isinstance(voter, str):
                self.fail(source, row, "voter", voter, "a member's id, as text")
                continue
            ballots = decision.setdefault("ballots", {})
            rows = self.origins.ballots.setdefault(index[id(decision)], {})
            if voter in ballots:
                reason = f"{voter} votes twice on {ident} (row {rows[voter]} too)"
                self.fail(source, row, "voter", voter, reason)
                continue
            ballots[voter] = cells.get("choice")
            rows[voter] = row


def _amount(value: object) -> object:
    """An amount's cell as TOML holds it: text or an integer kept, a decimal as its text."""
    if type(value) is int:
        return value
    if type(value) is str:
        return value or None
    read = _cell(value, "amount")
    return None if read is _ABSENT else read


def _count(value: object) -> int:
    return len(value) if isinstance(value, list | dict) else 1


def _unknown(what: str, ident: object) -> str:
    if ident is None:
        return "required cell missing"
    return f"not {'an' if what[0] in 'aeiou' else 'a'} {what} of the scenario"


def _nested(source: _Source, kinds: Sequence[_Kind | None]) -> Iterator[dict[str, Any]]:
    """Each row as a TOML table: cells read by kind, dotted columns as nested tables."""
    plan = [
        (i, column.split("."), kinds[i] or "text", kinds[i] in {"text", "amount"})
        for i, column in enumerate(source.columns)
    ]
    for cells in source.rows:
        row: dict[str, Any] = {}
        for i, parts, kind, textual in plan:
            value = cells[i]
            if value is None or value == "":
                continue
            kept = type(value) is int or (textual and type(value) is str)  # the common cases
            if not kept:
                value = _cell(value, kind)
                if value is _ABSENT:
                    continue
            target = row
            for part in parts[:-1]:
                target = target.setdefault(part, {})
            target[parts[-1]] = value
        yield row


def merge(
    raw: Mapping[str, Any], sources: Mapping[str, _Source], *, name: str
) -> tuple[dict[str, Any], _Origins, list[ScenarioError], bool]:
    """The parsed TOML with the tables' rows merged in (``raw`` is not changed).

    Returns:
        The merged data, where its values came from, the problems found merging (a row naming
        no member, a month twice...: those rows are left out) and whether a whole table was
        refused (an unknown or missing column).
    """
    merged = _Merge(dict(raw), name, _Origins(name, {k: s.label for k, s in sources.items()}))
    for key, cls in (
        ("members", MemberSpec),
        ("activities", ActivitySpec),
        ("share_operations", ShareOperationSpec),
    ):
        if key in sources:
            merged.rows_of(key, cls, sources[key])
    for key, step in (
        ("member_events", merged.events),
        ("measures", merged.measures),
        ("activity_lines", merged.lines),
        ("ballots", merged.ballots),
    ):
        if key in sources:
            step(sources[key])
    for source in sources.values():
        merged.problems.extend(source.problems[:_SHOWN])
    merged.more()
    return merged.raw, merged.origins, merged.problems, bool(merged.failed)


def load_scenario(
    scenario: str | Mapping[str, Any],
    tables: Mapping[str, object] | None = None,
    *,
    name: str = "<scenario>",
    currency: str | None = None,
    base: str | Path | None = None,
) -> Scenario:
    """A scenario from its TOML (text or parsed) and its large tables.

    Args:
        scenario: the scenario's TOML text, or its parsed TOML (a mapping, not changed).
        tables: the tables by name (`TABLES`): an Arrow table, a pandas or polars data frame,
            an iterable of mappings (column to cell), or a file's path (``.csv``, ``.parquet``,
            ``.arrow``). A table named here and in the scenario's ``[tables]`` is refused.
        name: the scenario's name, for the errors; an in-memory table's errors name the table.
        currency: as for [`cooprules.scenario.loads()`][cooprules.scenario.loads].
        base: the folder the ``[tables]`` files are relative to (default: ``name``'s).

    Raises:
        ScenarioError: every problem, a table's naming its file (or name), row and column.
    """
    raw = _parse(scenario, name) if isinstance(scenario, str) else dict(scenario)
    folder = Path(base) if base is not None else Path(name).parent
    sources: dict[str, _Source] = {}
    if "tables" in raw:
        sources = _file_sources(raw.pop("tables"), name=name, base=folder)
    for key, table in (tables or {}).items():
        if key not in TABLES:
            raise ScenarioError(
                name, f"tables.{key}", key, f"unknown table: one of {', '.join(TABLES)}"
            )
        if key in sources:
            reason = "given both in the scenario's [tables] and as an argument: state it once"
            raise ScenarioError(name, f"tables.{key}", key, reason)
        if isinstance(table, str | Path):
            sources.update(_file_sources({key: str(table)}, name=name, base=Path()))
        else:
            sources[key] = _source_of(table, key)
    merged, origins, problems, refused = merge(raw, sources, name=name)
    if refused:  # a table is missing: the rest would only show the consequences
        raise ScenarioError.of(problems)
    try:
        loaded = _structure(merged, name=name, currency=currency)
    except ScenarioError as error:
        raise ScenarioError.of([*problems, *origins.remap(error).errors]) from error
    if problems:
        raise ScenarioError.of(problems)
    return loaded


# --- writing the tables out ----------------------------------------------------------------------


def _flat(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any] | None:
    """A TOML table as dotted columns; ``None`` for a list or an empty text in it.

    A list is not one cell, and an empty cell is a key left out.
    """
    out: dict[str, Any] = {}
    for key, value in table.items():
        if "." in key:
            return None
        if isinstance(value, dict):
            inner = _flat(value, f"{prefix}{key}.")
            if inner is None:
                return None
            out.update(inner)
        elif isinstance(value, list) or value == "":
            return None
        else:
            out[f"{prefix}{key}"] = value
    return out


def _rows(
    entries: Iterable[Mapping[str, Any]], drop: Sequence[str] = ()
) -> list[dict[str, Any]] | None:
    rows = []
    for entry in entries:
        row = _flat({k: v for k, v in entry.items() if k not in drop})
        if row is None:
            return None
        rows.append(row)
    return rows


def export_tables(  # noqa: C901, PLR0912 - one step per table
    raw: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]]]:
    """Split a scenario's parsed TOML into what stays in TOML and its large tables' rows.

    A table whose entries hold a list (an activity's ``levy`` with ``bands``) or an empty text
    (which an empty cell cannot tell from a key left out) stays in the TOML.

    Returns:
        The TOML data left, and the rows of each table written out (by name, in `TABLES`'
        order; only the tables with rows).
    """
    rest = dict(raw)
    out: dict[str, list[dict[str, Any]]] = {}
    members = [dict(m) for m in rest.get("members", [])]
    events = [{"member": m["id"], **e} for m in members for e in m.get("events", [])]
    event_rows = _rows(events)
    if event_rows is not None:
        out["member_events"] = event_rows
        for m in members:
            m.pop("events", None)
    measures = []
    for m in members:
        for measure, value in m.pop("measures", {}).items():
            if isinstance(value, dict):
                measures += [
                    {"member": m["id"], "measure": measure, "year": int(y), "value": v}
                    for y, v in value.items()
                ]
            else:
                measures.append({"member": m["id"], "measure": measure, "value": value})
    out["measures"] = measures
    member_rows = _rows(members)
    if member_rows is not None:
        out["members"] = member_rows
        rest.pop("members", None)
    elif members:
        rest["members"] = members
    activities = [dict(a) for a in rest.get("activities", [])]
    lines = []
    for a in activities:
        revenue: list[Any] = a.pop("revenue", [])
        costs: list[Any] = a.pop("direct_costs", [])
        for k in range(max(len(revenue), len(costs))):
            line: dict[str, Any] = {"activity": a["id"], "month": k + 1}
            line["revenue"] = revenue[k] if k < len(revenue) else None
            line["direct_costs"] = costs[k] if k < len(costs) else None
            lines.append(line)
    out["activity_lines"] = lines
    activity_rows = _rows(activities)
    if activity_rows is not None:
        out["activities"] = activity_rows
        rest.pop("activities", None)
    elif activities:
        rest["activities"] = activities
    operations = _rows(rest.get("share_operations", []))
    if operations is not None:
        out["share_operations"] = operations
        rest.pop("share_operations", None)
    meeting = rest.get("meeting")
    if isinstance(meeting, dict) and meeting.get("decisions"):
        decisions = [dict(d) for d in meeting["decisions"]]
        out["ballots"] = [
            {"decision": d["id"], "voter": voter, "choice": choice}
            for d in decisions
            for voter, choice in d.pop("ballots", {}).items()
        ]
        rest["meeting"] = {**meeting, "decisions": decisions}
    return rest, {k: out[k] for k in TABLES if out.get(k)}


def _columns(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    names: dict[str, None] = {}
    for row in rows:
        names.update(dict.fromkeys(row))
    return list(names)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
    columns = _columns(rows)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([_text(row.get(c)) for c in columns] for row in rows)


def _arrow_column(pa: Any, values: list[object]) -> Any:  # noqa: ANN401 - pyarrow's own types
    kinds = {type(v) for v in values if v is not None}
    if kinds == {bool}:
        return pa.array(values, pa.bool_())
    if kinds == {int}:
        return pa.array(values, pa.int64())
    if kinds == {dt.date}:
        return pa.array(values, pa.date32())
    if kinds == {str}:  # amounts with one number of decimals as decimal128, other text as text
        try:
            numbers = [None if v is None else Decimal(str(v)) for v in values]
        except InvalidOperation:
            numbers = []
        exponents = {n.as_tuple().exponent for n in numbers if n is not None}
        if numbers and len(exponents) == 1:
            (exponent,) = exponents
            if isinstance(exponent, int) and -18 <= exponent < 0:  # noqa: PLR2004 - decimal128
                return pa.array(numbers, pa.decimal128(38, -exponent))
    return pa.array([None if v is None else _text(v) for v in values], pa.string())


def _write_parquet(path: Path, rows: Sequence[Mapping[str, Any]]) -> None:
    try:
        pa: Any = importlib.import_module("pyarrow")
        parquet: Any = importlib.import_module("pyarrow.parquet")
    except ImportError as error:
        raise TableError(
            str(path), None, None, str(path), f"writing Parquet needs pyarrow: {EXTRA}"
        ) from error
    columns = _columns(rows)
    arrays = [_arrow_column(pa, [row.get(c) for row in rows]) for c in columns]
    parquet.write_table(pa.table(arrays, names=columns), str(path))


def _copy_opening(raw: Mapping[str, Any], source: Path, target: Path) -> list[Path]:
    """The closing file an ``[opening] from`` names, copied to the converted scenario's folder."""
    opening = raw.get("opening")
    name = opening.get("from") if isinstance(opening, Mapping) else None
    if not isinstance(name, str) or source.resolve() == target.resolve():
        return []
    copy = target / name
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes((source / name).read_bytes())
    return [copy]


def convert(
    file: str | Path,
    *,
    to: Literal["csv", "parquet"],
    output: str | Path,
    currency: str | None = None,
) -> list[Path]:
    """Write a scenario's large tables out as files, and a scenario TOML referencing them.

    The scenario is read first (a file with errors is not converted), then its tables (inline or
    already in files) are written to ``output`` as ``<table>.csv`` or ``<table>.parquet``, and
    ``output/<file's name>`` holds the rest of its data and a ``[tables]`` section. The TOML is
    written anew from its data, so its comments are not kept. The new scenario is read back and
    must give the same scenario.

    Args:
        file: the scenario.
        to: ``csv`` or ``parquet`` (Parquet needs `EXTRA`).
        output: the folder (created if need be); it must not hold ``file`` itself.
        currency: the regime's currency, for a file that names none.

    Returns:
        The files written, the scenario last.

    Raises:
        ScenarioError: the scenario has errors, or ``output`` would overwrite it.
    """
    from cooprules.migrate import dumps  # noqa: PLC0415 - migrate reads this package

    name = str(file)
    raw = _parse(read_text(file), name)
    before = load_scenario(raw, name=name, currency=currency)
    if "tables" in raw:
        folder = Path(name).parent
        raw = merge(raw, _file_sources(raw.pop("tables"), name=name, base=folder), name=name)[0]
    target_dir = Path(output)
    target = target_dir / Path(name).name
    if target.exists() and target.resolve() == Path(name).resolve():
        raise ScenarioError(name, "", str(output), "the output folder holds the scenario itself")
    rest, tables = export_tables(raw)
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    refs: dict[str, str] = {}
    for key, rows in tables.items():
        path = target_dir / f"{key}.{to}"
        (_write_csv if to == "csv" else _write_parquet)(path, rows)
        refs[key] = path.name
        written.append(path)
    text = dumps({**rest, "tables": refs} if refs else rest)
    written.extend(_copy_opening(raw, Path(name).parent, target_dir))
    target.write_text(text, encoding="utf-8")
    written.append(target)
    after = load_scenario(text, name=name, currency=currency, base=target_dir)
    if after != before:
        reason = "the converted scenario does not read back the same: please report it"
        raise ScenarioError(name, "", str(target), reason)
    return written
