"""The bad-input cases generated from the scenario format: every field of every spec class.

The spec classes of :mod:`cooprules.scenario` are walked from :class:`~cooprules.scenario.Scenario`
down, alongside the sample files of ``examples/`` (and :data:`EXTRA`, tables no sample has), so
that each field is found at a real path of a real file. For each field: a value of the wrong type
(:func:`wrong_value`) and, for a required field, the key left out. The document of a case is the
sample cut to what the case needs (its ``coop``, ``format`` and the one section, arrays cut to the
element the case changes), so that each case loads in milliseconds.
"""

from __future__ import annotations

import copy
import datetime as dt
import enum
import tomllib
import types
import typing
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from moneyed import Money

from cooprules.money import Rate
from cooprules.scenario import LeviesSpec, Scenario, ScheduleSpec

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "examples").glob("*.toml"))

Path_ = list[str | int]

# The tables no sample file has, in two small files of their own, so that the walk reaches every
# class of the format (a version-1 [levies], bands, an activity's own levy, reserve movements, a
# decision behind an event, a redemption's position, colleges, decision rules, [expected]).
EXTRA_2 = """
format = 2
[coop]
regime = "be-cnc"
name = "Extra"
year = 2025
[coop.voting]
article = "art. 20"
max_proxies = 2
abstentions_count = false
blank_count = false
colleges = [{ code = "workers", categories = ["worker"], weight = "100%" }]
[[coop.voting.decisions]]
kind = "sa.ordinary"
majority = "1/2"
strict = true
base = "cast"
quorum = "1/4"
second_quorum = "1/5"
quorum_on = "members"
title = "ordinary"
[[members]]
id = "ana"
[[members.events]]
kind = "admitted"
date = 2020-01-01
category = "worker"
[[members.events]]
kind = "employed"
date = 2021-01-01
trial_end = 2021-03-01
[[members.events]]
kind = "suspended"
date = 2025-03-01
months = 2
reason = "r"
end = 2025-05-01
[members.events.decision]
body = "board"
date = 2025-02-20
votes_for = 4
votes_cast = 5
present = 5
notice_given = 2025-02-01
reasons_sent = 2025-02-25
grounds = "g"
[[share_classes]]
code = "A"
nominal = "10"
[[share_operations]]
id = "sub"
kind = "subscribe"
date = 2021-01-01
member = "ana"
share_class = "A"
shares = 2
amount = "20"
[[share_operations]]
id = "op"
kind = "redeem"
date = 2025-06-01
member = "ana"
share_class = "A"
shares = 1
amount = "10"
repaid = "10"
net_asset_value_per_share = "10"
share_of_losses = "0"
[share_operations.position]
accounts_date = 2024-12-31
net_assets = "100"
unavailable_equity = "10"
solvent_after = true
harms_stability = false
lender_restriction = false
liquidity_finding = { date = 2025-05-01, months = 12, solvent = true }
[[levies.schedules]]
id = "s"
bands = [{ start = "0", rate = "10%" }]
base = "revenue"
banding = "whole"
base_period = "year_to_date"
fixed_per_period = "5"
minimum_per_period = "1"
maximum_per_year = "1000"
prorate_cap = true
give_back_credit_notes = true
article = "art. 12"
from = 2025-01-01
until = 2026-01-01
kind = "services"
named_only = false
decision = "d"
[[activities]]
id = "act"
owner = "ana"
start = 2025-01-01
revenue = ["100"]
[activities.levy]
rate = "10%"
from = 2025-01-01
until = 2026-01-01
[[reserves]]
code = "legal"
opening = "100"
movements = [{ id = "m", kind = "allocation", date = 2025-06-01, amount = "10", note = "n" }]
[meeting]
date = 2026-06-01
[[meeting.decisions]]
id = "d"
kind = "amend_articles"
ballots = { ana = "for" }
[expected]
as_of = 2025-12-31
deadlines = [{ member = "ana", code = "c", due = 2025-06-01, state = "pending" }]
levies = [{ activity = "act", amount = "10.00", month = 1 }]
distribution = [{ step = "legal", amount = "10.00", member = "ana" }]
votes = [{ decision = "d", adopted = true, quorum_reached = true, share_for = "1/2" }]
violations = [{ code = "c", subject = "ana", absent = true }]
members = [{ member = "ana", status = "member", category = "worker" }]
"""

EXTRA_1 = """
[coop]
regime = "be-cnc"
name = "Extra"
year = 2025
[levies]
bands = [{ start = "0", rate = "10%" }, { start = "1000", rate = "5%" }]
base = "revenue"
banding = "whole"
base_period = "period"
fixed_per_period = "5"
minimum_per_period = "1"
maximum_per_year = "1000"
prorate_cap = true
give_back_credit_notes = true
article = "art. 12"
"""

DOCUMENTS: tuple[tuple[str, str], ...] = (
    # A year opening on a closing file (years.md) needs that file beside it: tested on its own.
    *(
        (p.name, p.read_text(encoding="utf-8"))
        for p in SAMPLES
        if "[opening]" not in p.read_text(encoding="utf-8")
    ),
    ("extra-2.toml", EXTRA_2),
    ("extra-1.toml", EXTRA_1),
)
"""The documents walked: the samples first (real paths), then the two extra files."""


@attrs.frozen
class FieldCase:
    """One field of the format at a path of a sample file."""

    owner: str  # the spec class
    key: str  # the key in the file
    kind: Any  # the field's type
    required: bool
    sample: str  # the sample's file name
    path: tuple[str | int, ...]
    document: dict[str, Any] = attrs.field(eq=False, repr=False)  # the sample cut to the case

    @property
    def rendered(self) -> str:
        """The path as the loader writes it (``members[0].events[1].date``)."""
        out = ""
        for part in self.path:
            out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
        return out

    @property
    def id(self) -> str:
        return f"{self.owner}.{self.key}"


def _inner(kind: Any) -> Any:
    """``X`` for ``X | None``; the type itself otherwise."""
    args = typing.get_args(kind)
    if isinstance(kind, types.UnionType | typing._UnionGenericAlias) and type(None) in args:  # type: ignore[attr-defined]
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else kind
    return kind


def _nested(kind: Any, version: int) -> tuple[type[Any] | None, bool]:
    """The spec class a field holds and whether it holds an array of them."""
    kind = _inner(kind)
    if kind == ScheduleSpec | LeviesSpec | None:
        return (LeviesSpec if version >= 2 else ScheduleSpec), False
    if attrs.has(kind) and kind != Rate:
        return kind, False
    if typing.get_origin(kind) is tuple:
        first = typing.get_args(kind)[0]
        if attrs.has(first):
            return first, True
    return None, False


def _cut(raw: dict[str, Any], path: Path_) -> dict[str, Any]:
    """The sample cut to ``coop``, ``format`` and the section of ``path`` (arrays to one item)."""
    doc: dict[str, Any] = {k: raw[k] for k in ("format", "coop") if k in raw}
    if path[0] not in doc and path[0] in raw:
        doc[path[0]] = raw[path[0]]
    doc = copy.deepcopy(doc)
    node: Any = doc
    for index, part in enumerate(path[:-1]):
        nxt = path[index + 1]
        if isinstance(nxt, int):
            node[part] = node[part][: nxt + 1]  # keep the items before, so the index holds
        node = node.get(part, {}) if isinstance(node, dict) else node[part]
    return doc


def walk() -> list[FieldCase]:  # noqa: C901 - one branch per kind of field
    """Every field of the format, each at the first path where a document reaches its table."""
    found: dict[tuple[str, str], FieldCase] = {}

    def visit(
        cls: type[Any], table: dict[str, Any], path: Path_, name: str, raw: dict[str, Any]
    ) -> None:
        hints = typing.get_type_hints(cls)
        version = raw.get("format", 1)
        for field in attrs.fields(cls):
            if cls is Scenario and field.name in {"source", "opening"}:  # opening: the merged state
                continue  # set by the loader, not a key of the file
            key = field.metadata.get("key", field.name)
            at = [*path, key]
            kind = hints[field.name]
            if (cls.__name__, key) not in found:
                required = field.default is attrs.NOTHING
                found[cls.__name__, key] = FieldCase(
                    cls.__name__, key, kind, required, name, tuple(at), _cut(raw, at)
                )
            inner, many = _nested(kind, version)
            value = table.get(key)
            if inner is None or value is None:
                continue
            if many and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, dict):
                        visit(inner, item, [*at, index], name, raw)
            elif not many and isinstance(value, dict):
                visit(inner, value, at, name, raw)

    for name, text in DOCUMENTS:
        raw = tomllib.loads(text)
        visit(Scenario, raw, [], name, raw)
    return sorted(found.values(), key=lambda case: case.id)


def wrong_value(kind: Any) -> object:  # noqa: PLR0911 - one value per type
    """A value of the wrong type for a field of ``kind``."""
    kind = _inner(kind)
    if kind is str:
        return 5
    if kind is bool:
        return "yes"
    if kind is int:
        return "12"
    if kind in {Money, Rate, Decimal}:
        return 1234.5  # a TOML float: never exact
    if kind is dt.date:
        return "2025-02-30"
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return "no-such-value"
    if typing.get_origin(kind) is typing.Literal:
        return "2"
    return 5  # a table, an array, a union of tables: a number is none of them


def with_value(case: FieldCase, value: object) -> dict[str, Any]:
    """The case's document with its field set to ``value`` (``...``: the key left out)."""
    doc = copy.deepcopy(case.document)
    node: Any = doc
    for part in case.path[:-1]:
        node = node[part]
    if value is ...:
        node.pop(case.path[-1], None)
    else:
        node[case.path[-1]] = value
    return doc


def full_document(case: FieldCase, value: object) -> dict[str, Any]:
    """The whole document of the case with its field set to ``value`` (``...``: left out)."""
    raw = tomllib.loads(dict(DOCUMENTS)[case.sample])
    node: Any = raw
    for part in case.path[:-1]:
        node = node[part]
    if value is ...:
        node.pop(case.path[-1], None)
    else:
        node[case.path[-1]] = value
    return raw
