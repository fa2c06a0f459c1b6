"""Rewriting a version-1 scenario file in format 2 (``cooprules migrate``).

Format 2 (``format = 2``, see ``docs/scenario.md``) changes one section of version 1: ``[levies]``,
one schedule, becomes ``[levies]`` with a list of schedules by kind and date, so the single
schedule of a version-1 file becomes the first entry of ``[[levies.schedules]]``. Every other
section reads the same in both formats.

`migrate()` edits the text where it can, so the file keeps its comments and its layout: it
adds ``format = 2`` before the first table and renames the ``[levies]`` headers. It then reads
both files and checks that the new one holds exactly the old one's data in format 2's shape;
where the text edit cannot give that (``levies`` written as an inline table or dotted keys, a
header inside a multi-line string), it writes the whole file anew from the data instead, and
says that the comments were lost (TOML libraries drop comments, and so does this writer).

```pycon
>>> result = migrate('''# Our co-op
... [coop]
... regime = "be-activity"
... name = "Coop"
... year = 2025
...
... [levies]   # the statutes' art. 12
... sample = "be.ACTIVITY_EXAMPLE"
... ''', name="coop.toml")
>>> print(result.text, end="")
# Our co-op
format = 2
<BLANKLINE>
[coop]
regime = "be-activity"
name = "Coop"
year = 2025
<BLANKLINE>
[[levies.schedules]]   # the statutes' art. 12
sample = "be.ACTIVITY_EXAMPLE"
>>> result.comments_kept, result.changed
(True, True)

```
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import tomllib
from collections.abc import Mapping
from typing import Any, Final

import attrs

from cooprules.scenario import loads

__all__ = ["Migration", "dumps", "migrate"]

TARGET: Final = 2
"""The format `migrate()` writes."""

_LEVIES: Final = re.compile(r"^(\s*)\[\s*levies\s*\](.*)$")
_LEVIES_SUB: Final = re.compile(r"^(\s*)\[(\[?)\s*levies\s*\.\s*")
_FORMAT: Final = re.compile(r"^format\s*=\s*1\s*(#.*)?$")
_BARE: Final = re.compile(r"^[A-Za-z0-9_-]+$")


@attrs.frozen
class Migration:
    """A scenario file rewritten in format 2.

    Attributes:
        text: the file in format 2 (the same text when it already was).
        changed: whether anything changed (``False`` for a file already in format 2).
        comments_kept: whether the comments and the layout were kept; ``False`` when the file had
            to be written anew from its data (its comments are then lost).
        notes: what was done, one sentence each, for the person migrating.
    """

    text: str
    changed: bool
    comments_kept: bool
    notes: tuple[str, ...] = ()


def migrate(text: str, *, name: str = "<scenario>", currency: str | None = None) -> Migration:
    """Rewrite a version-1 scenario's text in format 2, keeping its comments where it can.

    Args:
        text: the file's TOML.
        name: the file's name, for error messages.
        currency: the currency when the file names none (the regime's), to check the amounts.

    Raises:
        ScenarioError: the file is not a valid scenario (every problem, with its path), or is in
            a format this version cannot migrate.
    """
    loads(text, name=name, currency=currency)  # a file with errors is not migrated
    raw = tomllib.loads(text)
    version = raw.get("format", 1)
    if version == TARGET:
        return Migration(text, changed=False, comments_kept=True, notes=("already format 2",))
    wanted = _in_format_2(raw)
    edited = _edit(text, has_format="format" in raw)
    notes = ["format = 2 added"]
    if "levies" in raw:
        notes.append("[levies] became the first of [[levies.schedules]]")
    if _reads_as(edited, wanted):
        out, kept = edited, True
    else:
        header = (
            "# Migrated to format 2 by cooprules migrate from "
            f"{name}: its comments could not be kept.\n"
        )
        out, kept = header + dumps(wanted), False
        notes.append("the file was written anew from its data: its comments were lost")
    loads(out, name=name, currency=currency)  # the result reads as format 2
    return Migration(out, changed=True, comments_kept=kept, notes=tuple(notes))


def _in_format_2(raw: Mapping[str, Any]) -> dict[str, Any]:
    """The data of a version-1 file in format 2's shape."""
    out = {"format": TARGET, **{k: v for k, v in raw.items() if k != "format"}}
    if "levies" in raw:
        out["levies"] = {"schedules": [raw["levies"]]}
    return out


def _edit(text: str, *, has_format: bool) -> str:
    """The text edit: ``format = 2`` before the first table, ``[levies]`` headers renamed."""
    lines = text.splitlines(keepends=True)
    out: list[str] = []
    for line in lines:
        body = line.rstrip("\r\n")
        end = line[len(body) :]
        if has_format and _FORMAT.match(body):
            out.append(re.sub(r"1", "2", body, count=1) + end)
            continue
        found = _LEVIES.match(body)
        if found is not None:
            out.append(f"{found[1]}[[levies.schedules]]{found[2]}{end}")
            continue
        found = _LEVIES_SUB.match(body)
        if found is not None:
            out.append(f"{found[1]}[{found[2]}levies.schedules.{body[found.end() :]}{end}")
            continue
        out.append(line)
    if not has_format:
        at = next(
            (i for i, line in enumerate(out) if line.strip() and not line.lstrip().startswith("#")),
            len(out),
        )
        newline = "\r\n" if text.count("\r\n") > len(lines) // 2 else "\n"
        if at and not out[at - 1].endswith(("\n", "\r")):
            out[at - 1] += newline
        out[at:at] = [f"format = {TARGET}{newline}", *([newline] if at < len(out) else [])]
    return "".join(out)


def _reads_as(text: str, wanted: Mapping[str, Any]) -> bool:
    try:
        return tomllib.loads(text) == wanted
    except tomllib.TOMLDecodeError:
        return False


# --- a TOML writer (for the data only: TOML libraries drop comments, and so does this) ----------


def dumps(data: Mapping[str, Any]) -> str:
    """TOML text for parsed TOML data: tables, arrays of tables, inline values.

    ``tomllib.loads(dumps(data)) == data`` for any data `tomllib` gives.

    ```pycon
    >>> print(dumps({"format": 2, "coop": {"name": "Coop", "statutes": {"values": {"a.b": 1}}},
    ...              "members": [{"id": "ana", "events": [{"kind": "admitted"}]}]}), end="")
    format = 2
    <BLANKLINE>
    [coop]
    name = "Coop"
    <BLANKLINE>
    [coop.statutes.values]
    "a.b" = 1
    <BLANKLINE>
    [[members]]
    id = "ana"
    <BLANKLINE>
    [[members.events]]
    kind = "admitted"

    ```
    """
    lines: list[str] = []
    _table(lines, data, (), array=False)
    return "\n".join(lines).lstrip("\n") + "\n"


def _is_tables(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def _table(
    lines: list[str], table: Mapping[str, Any], path: tuple[str, ...], *, array: bool
) -> None:
    plain = [(k, v) for k, v in table.items() if not isinstance(v, dict) and not _is_tables(v)]
    tables = [(k, v) for k, v in table.items() if isinstance(v, dict)]
    arrays = [(k, v) for k, v in table.items() if _is_tables(v)]
    name = ".".join(_key(p) for p in path)
    if array:
        lines.extend(["", f"[[{name}]]"])
    elif path and (plain or not (tables or arrays)):
        lines.extend(["", f"[{name}]"])
    lines.extend(f"{_key(k)} = {_value(v)}" for k, v in plain)
    for key, value in tables:
        _table(lines, value, (*path, key), array=False)
    for key, items in arrays:
        for item in items:
            _table(lines, item, (*path, key), array=True)


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: object) -> str:  # noqa: C901, PLR0911 - one case per TOML type
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, dt.date | dt.time):  # a datetime is a date
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(value)  # pragma: no cover - tomllib gives no other type
