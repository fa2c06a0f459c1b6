"""Years that follow each other: a year's closing state, written as a file the next year opens on.

One scenario is one co-op's one year. [`close()`][cooprules.carry.close] takes the year's report
and its scenario and gives the year's [`ClosingState`][cooprules.carry.ClosingState]:

* the **members**, each with their whole dated history (so a Belgian candidate's 18-month
  convention signed in March keeps its deadline in the next year, a Quebec auxiliary member's
  trial its 18 months), their status at the year's end, and their **measures by financial year**
  (the hours a Quebec work co-op averages its refunds over);
* the **share register** at the year's end: each member's holding per class, subscribed and paid
  up (the share classes with it);
* each **reserve's** closing balance (after the appropriation of the year's result), and the
  **losses carried forward**;
* each **activity's** closing treasury.

[`ClosingState.to_json()`][cooprules.carry.ClosingState.to_json] writes it as a versioned JSON
document (exact decimals as text), [`read_closing()`][cooprules.carry.read_closing] reads it back
and re-checks it (it is never trusted: every total is recomputed, every status replayed from the
events), and [`open_scenario()`][cooprules.carry.open_scenario] merges it into the next year's
scenario (``[opening] from = "2024-closing.json"``, or the same content inline), refusing a year
whose own facts contradict what it carries.

How the opening merges with the scenario (docs/years.md):

* **members**: a carried member's history is prepended to the scenario's events for them; the
  scenario needs not list them again. The scenario's events for a carried member must fall in its
  own year, an entry event leading to the status the member already holds (re-admitted) is
  refused, and a scenario member whose events start before the year must be in the closing. The
  name and birth date, when the scenario repeats them, must agree; the scenario's facts override
  the carried ones (they describe the person now); measures are merged by year, a carried year
  restated with another value is refused.
* **share register**: each carried holding becomes a subscription on the day before the year
  (the shares and the amount paid up on them); the scenario's share classes must agree with the
  carried ones, and it states no operation before its year.
* **reserves**: each carried balance is the reserve's opening; a scenario's ``[[reserves]]``
  opening, or ``[accounts] reserve_balances``, must be absent or equal to it; a carried
  indivisible reserve cannot be declared divisible.
* **activities**: each carried balance is the activity's ``opening_balance``; a scenario's own
  ``opening_balance`` must be absent or equal; an activity with a balance must be continued (its
  money would be lost otherwise).

[interpretation] The losses carried forward are carried as they are: a later surplus is not set
against them here (the meeting's appropriation decides it); each closing adds the year's loss
not absorbed by the reserves.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import attrs
from moneyed import Money

from cooprules.capital import OperationKind
from cooprules.errors import InvalidInput
from cooprules.levies import ActivityKind, month_periods
from cooprules.membership import EventKind, Status, status_at
from cooprules.money import from_minor_units, money, to_minor_units

if TYPE_CHECKING:
    from cooprules.report import YearReport
    from cooprules.scenario import (
        ActivitySpec,
        MemberSpec,
        ReserveSpec,
        Scenario,
        ShareClassSpec,
        ShareOperationSpec,
    )

__all__ = [
    "FORMAT",
    "VERSION",
    "CarriedActivity",
    "CarriedHolding",
    "CarriedMember",
    "CarriedReserve",
    "ClosingState",
    "close",
    "load_closing",
    "open_scenario",
    "read_closing",
]

FORMAT: Final = "cooprules-closing"
"""The ``format`` field of a closing file."""
VERSION: Final = 1
"""The version of the closing format this library writes and reads."""

_ENTRY: Final = frozenset(
    {
        EventKind.APPLIED,
        EventKind.CONVENTION_SIGNED,
        EventKind.EMPLOYED,
        EventKind.TRIAL_STARTED,
        EventKind.ADMITTED,
        EventKind.ADMITTED_SUPPORTING,
    }
)
"""The events by which a person enters a status of the co-op."""


def _fail(file: str, path: str, value: object, reason: str) -> InvalidInput:
    """A `ScenarioError` naming the file, the path inside it and the value."""
    from cooprules.scenario import ScenarioError  # noqa: PLC0415 - the scenario reads this module

    return ScenarioError(file, path, value, reason)


# --- the state -----------------------------------------------------------------------------------


@attrs.frozen
class CarriedMember:
    """A member carried to the next year.

    Attributes:
        spec: the member as a scenario states them: id, name, birth date, facts, every event
            (their whole history) and their measures, one per financial year.
        status: their status on the closed year's last day (re-checked on reading: the events
            must give it).
    """

    spec: MemberSpec
    status: Status


@attrs.frozen
class CarriedHolding:
    """A member's shares of one class at the year's end.

    Attributes:
        member: the member.
        share_class: the class's code.
        shares: the shares held.
        subscribed: their nominal value (shares x the class's nominal).
        paid_up: the amount paid up on them.
    """

    member: str
    share_class: str
    shares: int
    subscribed: Money
    paid_up: Money


@attrs.frozen
class CarriedReserve:
    """A reserve's closing balance.

    Attributes:
        code: the reserve's code.
        name: its name.
        indivisible: whether the reserve is indivisible.
        balance: its balance once the year's result is appropriated.
    """

    code: str
    name: str
    indivisible: bool
    balance: Money


@attrs.frozen
class CarriedActivity:
    """An activity's closing treasury.

    Attributes:
        id: the activity.
        owner: its entrepreneur.
        kind: its kind.
        start: the day it started.
        end: the day it ended, if it did.
        balance: its treasury at the year's end.
    """

    id: str
    owner: str
    kind: ActivityKind
    start: date
    end: date | None
    balance: Money


def _units(amounts: Sequence[Money], currency: str) -> Money:
    return from_minor_units(sum(to_minor_units(a) for a in amounts), currency)


@attrs.frozen
class ClosingState:
    """A co-op's state at the end of a financial year: what the next year opens on.

    Attributes:
        coop: the co-op's name.
        regime: its regime's code.
        currency: the currency of the amounts.
        year: the financial year closed (the calendar year it starts in).
        first_month: the month the financial year starts.
        year_end: the financial year's last day.
        members: every member and candidate, with their whole history.
        share_classes: the classes of shares.
        holdings: the share register at the year's end.
        reserves: each reserve's closing balance.
        loss_carried_forward: the losses carried forward (a positive amount, or zero).
        activities: each activity's closing treasury.
    """

    coop: str
    regime: str
    currency: str
    year: int
    first_month: int
    year_end: date
    members: tuple[CarriedMember, ...] = ()
    share_classes: tuple[ShareClassSpec, ...] = ()
    holdings: tuple[CarriedHolding, ...] = ()
    reserves: tuple[CarriedReserve, ...] = ()
    loss_carried_forward: Money | None = None
    activities: tuple[CarriedActivity, ...] = ()

    @property
    def subscribed(self) -> Money:
        """The subscribed capital: every holding's nominal value."""
        return _units([h.subscribed for h in self.holdings], self.currency)

    @property
    def paid_up(self) -> Money:
        """The paid-up capital."""
        return _units([h.paid_up for h in self.holdings], self.currency)

    @property
    def reserves_total(self) -> Money:
        """Every reserve's balance, added up."""
        return _units([r.balance for r in self.reserves], self.currency)

    @property
    def activities_total(self) -> Money:
        """Every activity's treasury, added up."""
        return _units([a.balance for a in self.activities], self.currency)

    @property
    def loss(self) -> Money:
        """The losses carried forward (zero when none)."""
        if self.loss_carried_forward is None:
            return from_minor_units(0, self.currency)
        return self.loss_carried_forward

    def to_data(self) -> dict[str, Any]:
        """The state as JSON-ready data: amounts and decimals as exact text, dates in ISO."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "coop": self.coop,
            "regime": self.regime,
            "currency": self.currency,
            "year": self.year,
            "first_month": self.first_month,
            "year_end": self.year_end.isoformat(),
            "members": [_member_data(m) for m in self.members],
            "share_classes": [_plain(c) for c in self.share_classes],
            "holdings": [_plain(h) for h in self.holdings],
            "reserves": [_plain(r) for r in self.reserves],
            "loss_carried_forward": _text(self.loss),
            "activities": [_plain(a) for a in self.activities],
            "totals": {
                "subscribed": _text(self.subscribed),
                "paid_up": _text(self.paid_up),
                "reserves": _text(self.reserves_total),
                "activities": _text(self.activities_total),
            },
        }

    def to_json(self) -> str:
        """The closing file's text: `to_data()` as indented JSON, keys in a fixed order."""
        return json.dumps(self.to_data(), indent=2, ensure_ascii=False) + "\n"


def _text(value: object) -> object:
    if isinstance(value, Money):
        return str(value.amount)
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "value") and not isinstance(value, int | str | bool):
        return value.value  # an enum
    return value


def _plain(obj: Any) -> dict[str, Any]:  # noqa: ANN401 - any attrs instance
    """An attrs object as data: ``None`` and empty values left out, values as exact text."""
    out: dict[str, Any] = {}
    for field in attrs.fields(type(obj)):
        value = getattr(obj, field.name)
        key = field.metadata.get("key", field.name)
        if value is None or (isinstance(value, tuple | dict) and not value):
            continue
        if attrs.has(type(value)):
            out[key] = _plain(value)
        elif isinstance(value, tuple):
            out[key] = [_plain(v) if attrs.has(type(v)) else _text(v) for v in value]
        elif isinstance(value, dict):
            out[key] = {str(k): _nested(v) for k, v in value.items()}
        else:
            out[key] = _text(value)
    return out


def _nested(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): _text(v) for k, v in value.items()}
    return _text(value)


def _member_data(member: CarriedMember) -> dict[str, Any]:
    spec = member.spec
    out: dict[str, Any] = {"id": spec.id, "status": member.status.value}
    body = _plain(spec)
    body.pop("id")
    body.pop("work", None)  # a year's pay and time: not carried
    out.update(body)
    return out


# --- closing -------------------------------------------------------------------------------------


def _year_measures(spec: MemberSpec, year: int) -> dict[str, Decimal | dict[int, Decimal]]:
    return {
        name: dict(value) if isinstance(value, dict) else {year: value}
        for name, value in spec.measures.items()
    }


def close(scenario: Scenario, report: YearReport) -> ClosingState:
    """The state the year ``report`` evaluates closes on.

    Args:
        scenario: the year's scenario (its opening merged in: the members' whole histories).
        report: its report, evaluated on the financial year's last day.

    Raises:
        InvalidInput: the report is not of the whole year (``as_of`` before the year's last day,
            a year to date) or not of this scenario, naming ``as_of``.
    """
    last = report.year.end - timedelta(days=1)
    if report.as_of != last or report.to_date:
        raise InvalidInput(
            "as_of",
            report.as_of.isoformat(),
            f"a closing is of the whole year: evaluate it on its last day ({last.isoformat()})",
        )
    currency = scenario.currency
    statuses = {row.id: row.status for row in report.members}
    members = tuple(
        CarriedMember(
            attrs.evolve(spec, measures=_year_measures(spec, scenario.coop.year), work=None),
            statuses[spec.id],
        )
        for spec in scenario.members
    )
    holdings: tuple[CarriedHolding, ...] = ()
    if report.capital is not None:
        holdings = tuple(
            CarriedHolding(h.member, h.share_class, h.shares, h.subscribed, h.paid_up)
            for h in report.capital.register.holdings
            if h.shares or to_minor_units(h.paid_up)
        )
    reserves: tuple[CarriedReserve, ...] = ()
    carried = scenario.opening.loss_carried_forward if scenario.opening is not None else None
    loss = to_minor_units(carried) if carried is not None else 0
    if report.reserves is not None:
        accounts = {a.code: a for a in report.reserves.ledger.accounts}
        reserves = tuple(
            CarriedReserve(
                row.reserve,
                accounts[row.reserve].name.msgid,
                accounts[row.reserve].indivisible,
                row.closing,
            )
            for row in report.reserves.roll_forward
        )
        if report.reserves.loss is not None:
            loss += to_minor_units(report.reserves.loss.carried_forward)
    specs = {a.id: a for a in scenario.activities}
    activities: tuple[CarriedActivity, ...] = ()
    if report.books is not None:
        activities = tuple(
            CarriedActivity(
                b.activity,
                b.owner,
                specs[b.activity].kind,
                specs[b.activity].start,
                specs[b.activity].end,
                b.closing,
            )
            for b in report.books.activities
        )
    return ClosingState(
        coop=scenario.coop.name,
        regime=scenario.coop.regime,
        currency=currency,
        year=scenario.coop.year,
        first_month=scenario.coop.first_month,
        year_end=last,
        members=members,
        share_classes=scenario.share_classes,
        holdings=holdings,
        reserves=reserves,
        loss_carried_forward=from_minor_units(loss, currency),
        activities=activities,
    )


# --- reading -------------------------------------------------------------------------------------


class _Reader:
    """Reads a closing's data, naming its file and the path of every problem."""

    def __init__(self, data: object, file: str, at: str) -> None:
        self.file = file
        self.at = at
        if not isinstance(data, Mapping):
            raise _fail(file, at, type(data).__name__, "a closing is a table of keys")
        self.data = data

    def path(self, key: str) -> str:
        return f"{self.at}.{key}" if self.at else key

    def fail(self, key: str, value: object, reason: str) -> InvalidInput:
        return _fail(self.file, self.path(key), value, reason)

    def get(self, key: str, kind: type, *, required: bool = True) -> Any:  # noqa: ANN401
        if key not in self.data:
            if required:
                raise self.fail(key, None, "required key missing")
            return None
        value = self.data[key]
        if type(value) is not kind:
            raise self.fail(key, value, f"expected {kind.__name__}")
        return value

    def amount(self, data: Mapping[str, Any], key: str, at: str, currency: str) -> Money:
        value = data.get(key)
        where = f"{at}.{key}"
        if not isinstance(value, str):
            raise _fail(self.file, where, value, 'an amount as exact text ("1234.50")')
        try:
            return money(value, currency, field=where)
        except InvalidInput as error:
            raise _fail(self.file, where, value, error.reason) from error


_KEYS: Final = frozenset(
    {
        "format",
        "version",
        "coop",
        "regime",
        "currency",
        "year",
        "first_month",
        "year_end",
        "members",
        "share_classes",
        "holdings",
        "reserves",
        "loss_carried_forward",
        "activities",
        "totals",
    }
)


def read_closing(data: object, *, file: str, at: str = "") -> ClosingState:  # noqa: C901, PLR0912, PLR0915 - one check per field
    """Read a closing's data (a parsed closing file, or an inline ``[opening]``) and re-check it.

    Nothing is trusted: the format and version, every amount (exact text, not negative), every
    member's status replayed from their events, every holding's nominal value, and the totals
    (capital subscribed and paid up, reserves, activities) recomputed from the rows.

    Args:
        data: the parsed data.
        file: the file it was read from, for errors.
        at: its path inside that file (``opening`` for an inline state).

    Raises:
        ScenarioError: the file, the path inside it and the value of the first problem found.
    """
    from cooprules.scenario import MemberSpec, ShareClassSpec, structure_part  # noqa: PLC0415

    r = _Reader(data, file, at)
    for key in r.data:
        if key not in _KEYS:
            raise r.fail(str(key), r.data[key], "unknown key")
    if r.get("format", str) != FORMAT:
        raise r.fail("format", r.data["format"], f'not a closing file (format = "{FORMAT}")')
    version = r.get("version", int)
    if version != VERSION:
        raise r.fail("version", version, f"this version of cooprules reads version {VERSION}")
    currency = r.get("currency", str)
    try:
        money("0", currency)
    except InvalidInput as error:
        raise r.fail("currency", currency, error.reason) from error
    year = r.get("year", int)
    first_month = r.get("first_month", int)
    if not 1 <= first_month <= 12:  # noqa: PLR2004 - the months of a year
        raise r.fail("first_month", first_month, "a month, 1 to 12")
    end_text = r.get("year_end", str)
    periods = month_periods(year, first_month=first_month)
    last = periods[-1].end - timedelta(days=1)
    if end_text != last.isoformat():
        raise r.fail("year_end", end_text, f"the financial year {year} ends on {last}")

    members: list[CarriedMember] = []
    seen: set[str] = set()
    for i, raw in enumerate(r.get("members", list, required=False) or []):
        where = r.path(f"members[{i}]")
        if not isinstance(raw, Mapping):
            raise _fail(file, where, raw, "a member is a table of keys")
        body = {k: v for k, v in raw.items() if k != "status"}
        spec = structure_part(body, MemberSpec, name=file, currency=currency, at=where)
        if spec.id in seen:
            raise _fail(file, f"{where}.id", spec.id, "a member listed twice")
        seen.add(spec.id)
        stated = raw.get("status")
        try:
            status = Status(stated)
        except ValueError:
            raise _fail(file, f"{where}.status", stated, "a status") from None
        replayed = status_at(spec.to_member().history, last)
        if replayed is not status:
            reason = f"the member's events give {replayed.value} on {last}"
            raise _fail(file, f"{where}.status", stated, reason)
        members.append(CarriedMember(spec, status))

    classes: list[ShareClassSpec] = []
    for i, raw in enumerate(r.get("share_classes", list, required=False) or []):
        where = r.path(f"share_classes[{i}]")
        classes.append(structure_part(raw, ShareClassSpec, name=file, currency=currency, at=where))
    nominal = {c.code: c.nominal for c in classes}

    holdings: list[CarriedHolding] = []
    for i, raw in enumerate(r.get("holdings", list, required=False) or []):
        where = r.path(f"holdings[{i}]")
        if not isinstance(raw, Mapping):
            raise _fail(file, where, raw, "a holding is a table of keys")
        member, code, shares = raw.get("member"), raw.get("share_class"), raw.get("shares")
        if member not in seen:
            raise _fail(file, f"{where}.member", member, "not a member of the closing")
        if code not in nominal:
            raise _fail(file, f"{where}.share_class", code, "not a share class of the closing")
        if type(shares) is not int or shares < 0:
            raise _fail(file, f"{where}.shares", shares, "a number of shares (0 or more)")
        subscribed = r.amount(raw, "subscribed", where, currency)
        paid = r.amount(raw, "paid_up", where, currency)
        if to_minor_units(subscribed) != shares * to_minor_units(nominal[code]):
            reason = f"{shares} shares of {nominal[code].amount} are {shares * nominal[code]}"
            raise _fail(file, f"{where}.subscribed", raw.get("subscribed"), reason)
        if not 0 <= to_minor_units(paid) <= to_minor_units(subscribed):
            reason = "the amount paid up is between 0 and the subscribed value"
            raise _fail(file, f"{where}.paid_up", raw.get("paid_up"), reason)
        holdings.append(CarriedHolding(str(member), str(code), shares, subscribed, paid))

    reserves: list[CarriedReserve] = []
    for i, raw in enumerate(r.get("reserves", list, required=False) or []):
        where = r.path(f"reserves[{i}]")
        if not isinstance(raw, Mapping) or not isinstance(raw.get("code"), str):
            raise _fail(file, f"{where}.code", raw, "a reserve names its code")
        balance = r.amount(raw, "balance", where, currency)
        if balance.amount < 0:
            raise _fail(file, f"{where}.balance", raw["balance"], "a reserve is never negative")
        indivisible = raw.get("indivisible", False)
        if type(indivisible) is not bool:
            raise _fail(file, f"{where}.indivisible", indivisible, "true or false")
        reserves.append(
            CarriedReserve(raw["code"], str(raw.get("name", raw["code"])), indivisible, balance)
        )

    loss = (
        r.amount(r.data, "loss_carried_forward", at or "", currency)
        if ("loss_carried_forward" in r.data)
        else from_minor_units(0, currency)
    )
    if loss.amount < 0:
        raise r.fail("loss_carried_forward", str(loss.amount), "a loss is stated as positive")

    activities: list[CarriedActivity] = []
    for i, raw in enumerate(r.get("activities", list, required=False) or []):
        where = r.path(f"activities[{i}]")
        if not isinstance(raw, Mapping):
            raise _fail(file, where, raw, "an activity is a table of keys")
        for key in ("id", "owner"):
            if not isinstance(raw.get(key), str):
                raise _fail(file, f"{where}.{key}", raw.get(key), "text")
        try:
            kind = ActivityKind(raw.get("kind", ActivityKind.SERVICES.value))
            start = date.fromisoformat(str(raw.get("start")))
            end = date.fromisoformat(raw["end"]) if raw.get("end") is not None else None
        except (ValueError, TypeError) as error:
            raise _fail(file, where, raw, f"kind, start and end: {error}") from error
        balance = r.amount(raw, "balance", where, currency)
        activities.append(CarriedActivity(raw["id"], raw["owner"], kind, start, end, balance))

    state = ClosingState(
        coop=r.get("coop", str),
        regime=r.get("regime", str),
        currency=currency,
        year=year,
        first_month=first_month,
        year_end=last,
        members=tuple(members),
        share_classes=tuple(classes),
        holdings=tuple(holdings),
        reserves=tuple(reserves),
        loss_carried_forward=loss,
        activities=tuple(activities),
    )
    totals = r.get("totals", dict)
    for key, computed in (
        ("subscribed", state.subscribed),
        ("paid_up", state.paid_up),
        ("reserves", state.reserves_total),
        ("activities", state.activities_total),
    ):
        stated = r.amount(totals, key, r.path("totals"), currency)
        if stated != computed:
            reason = f"the rows add up to {computed.amount}"
            raise _fail(file, r.path(f"totals.{key}"), totals.get(key), reason)
    return state


def _no_float(text: str) -> Decimal:
    raise ValueError(f"a float is not exact: write {text} as text")


def load_closing(path: str | Path) -> ClosingState:
    """Read and re-check a closing file (`read_closing()`).

    Raises:
        ScenarioError: the file cannot be read, is not JSON, or has a problem (its path, value).
    """
    file = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise _fail(file, "", file, f"cannot read the closing file: {error}") from error
    try:
        data = json.loads(text, parse_float=_no_float)
    except ValueError as error:
        raise _fail(file, "", None, f"not a JSON closing file: {error}") from error
    return read_closing(data, file=file)


# --- opening -------------------------------------------------------------------------------------


def _state_of(scenario: Scenario, raw: object) -> ClosingState:
    """The closing an ``[opening]`` names (``from``, relative to the scenario) or holds inline."""
    name = scenario.source
    if not isinstance(raw, Mapping):
        raise _fail(name, "opening", raw, 'a table: from = "closing.json", or the closing inline')
    if "from" in raw:
        source = raw["from"]
        if len(raw) > 1:
            extra = min(str(k) for k in raw if k != "from")
            raise _fail(name, f"opening.{extra}", raw[extra], "with from, nothing else")
        if not isinstance(source, str) or not source:
            raise _fail(name, "opening.from", source, "the closing file's name")
        return load_closing(Path(name).parent / source)
    return read_closing(raw, file=name, at="opening")


def open_scenario(scenario: Scenario, raw: object) -> Scenario:
    """The scenario with the state it opens on merged in (``[opening]``; see the module).

    Args:
        scenario: the year's scenario, as its file states it.
        raw: its ``[opening]`` table, parsed.

    Raises:
        ScenarioError: the closing file's own problem (its file, path, value), or the scenario
            contradicting it (the scenario's file and path: ``coop.year``, ``reserves[0].opening``,
            ``members[2].events[0].date``...).
    """
    from cooprules.scenario import Opening  # noqa: PLC0415

    state = _state_of(scenario, raw)
    origin = _origin(scenario, raw)
    _check_identity(scenario, state, origin)
    members = _merge_members(scenario, state, origin)
    classes, operations = _merge_capital(scenario, state, origin)
    reserves = _merge_reserves(scenario, state, origin)
    activities = _merge_activities(scenario, state, origin)
    return attrs.evolve(
        scenario,
        members=members,
        share_classes=classes,
        share_operations=operations,
        reserves=reserves,
        activities=activities,
        opening=Opening(origin, state.year, state.loss),
    )


def _origin(scenario: Scenario, raw: object) -> str:
    if isinstance(raw, Mapping) and isinstance(raw.get("from"), str):
        return str(Path(scenario.source).parent / raw["from"])
    return scenario.source


def _check_identity(scenario: Scenario, state: ClosingState, origin: str) -> None:
    name = scenario.source
    coop = scenario.coop
    for path, own, carried in (
        ("coop.regime", coop.regime, state.regime),
        ("coop.name", coop.name, state.coop),
        ("coop.currency", scenario.currency, state.currency),
        ("coop.first_month", coop.first_month, state.first_month),
    ):
        if own != carried:
            raise _fail(name, path, own, f"the opening ({origin}) closes {carried!s}")
    if coop.year != state.year + 1:
        reason = f"the opening ({origin}) closes {state.year}: this year is {state.year + 1}"
        raise _fail(name, "coop.year", coop.year, reason)


def _merge_members(  # noqa: C901 - one refusal per contradiction
    scenario: Scenario, state: ClosingState, origin: str
) -> tuple[MemberSpec, ...]:
    name = scenario.source
    start = month_periods(scenario.coop.year, first_month=scenario.coop.first_month)[0].start
    carried = {m.spec.id: m for m in state.members}
    own = {m.id: (i, m) for i, m in enumerate(scenario.members)}
    for i, spec in enumerate(scenario.members):
        where = f"members[{i}]"
        for j, event in enumerate(spec.events):
            if event.date < start:
                why = (
                    f"before the year: {spec.id}'s past comes from the opening ({origin})"
                    if spec.id in carried
                    else f"before the year, and {spec.id} is not in the opening ({origin})"
                )
                raise _fail(name, f"{where}.events[{j}].date", event.date.isoformat(), why)
        if spec.id not in carried:
            continue
        held = carried[spec.id]
        for j, event in enumerate(spec.events):
            if event.kind in _ENTRY and event.kind.target is held.status:
                reason = f"{spec.id} is already {held.status.value} (opening: {origin})"
                raise _fail(name, f"{where}.events[{j}].kind", event.kind.value, reason)
        for field in ("name", "birth_date"):
            mine, theirs = getattr(spec, field), getattr(held.spec, field)
            if mine is not None and theirs is not None and mine != theirs:
                reason = f"the opening ({origin}) has {theirs!s}"
                raise _fail(name, f"{where}.{field}", str(mine), reason)
    out: list[MemberSpec] = []
    for member in state.members:
        past = member.spec
        if member.spec.id not in own:
            out.append(past)
            continue
        i, spec = own[past.id]
        out.append(
            attrs.evolve(
                spec,
                name=spec.name or past.name,
                birth_date=spec.birth_date or past.birth_date,
                facts={**past.facts, **spec.facts},
                events=(*past.events, *spec.events),
                measures=_merge_measures(past, spec, scenario, f"members[{i}]", origin),
            )
        )
    out.extend(m for m in scenario.members if m.id not in carried)
    return tuple(out)


def _merge_measures(
    past: MemberSpec, spec: MemberSpec, scenario: Scenario, where: str, origin: str
) -> dict[str, Any]:
    year = scenario.coop.year
    merged: dict[str, dict[int, Decimal]] = {
        k: dict(v) if isinstance(v, dict) else {year - 1: v} for k, v in past.measures.items()
    }
    for key, value in spec.measures.items():
        years = value if isinstance(value, dict) else {year: value}
        bucket = merged.setdefault(key, {})
        for label, amount in years.items():
            if label in bucket and bucket[label] != amount:
                reason = f"the opening ({origin}) has {bucket[label]} for {label}"
                raise _fail(scenario.source, f"{where}.measures.{key}.{label}", str(amount), reason)
            bucket[label] = amount
    return dict(merged.items())


def _merge_capital(
    scenario: Scenario, state: ClosingState, origin: str
) -> tuple[tuple[ShareClassSpec, ...], tuple[ShareOperationSpec, ...]]:
    from cooprules.scenario import ShareOperationSpec  # noqa: PLC0415

    name = scenario.source
    carried = {c.code: c for c in state.share_classes}
    for i, share_class in enumerate(scenario.share_classes):
        theirs = carried.get(share_class.code)
        if theirs is not None and theirs != share_class:
            reason = f"the opening ({origin}) has {theirs.code} at {theirs.nominal.amount}"
            raise _fail(name, f"share_classes[{i}]", share_class.code, reason)
    own = {c.code for c in scenario.share_classes}
    classes = (*scenario.share_classes, *(c for c in state.share_classes if c.code not in own))
    start = month_periods(scenario.coop.year, first_month=scenario.coop.first_month)[0].start
    if state.holdings:
        for i, op in enumerate(scenario.share_operations):
            if op.date < start:
                reason = f"before the year: the register comes from the opening ({origin})"
                raise _fail(name, f"share_operations[{i}].date", op.date.isoformat(), reason)
    day = start - timedelta(days=1)
    opening = tuple(
        ShareOperationSpec(
            f"opening:{h.member}:{h.share_class}",
            OperationKind.SUBSCRIBE,
            day,
            h.member,
            h.share_class,
            shares=h.shares,
            amount=h.paid_up,
        )
        for h in state.holdings
        if h.shares
    )
    return classes, (*opening, *scenario.share_operations)


def _merge_reserves(
    scenario: Scenario, state: ClosingState, origin: str
) -> tuple[ReserveSpec, ...]:
    from cooprules.scenario import ReserveSpec  # noqa: PLC0415

    name = scenario.source
    carried = {r.code: r for r in state.reserves}
    balances = scenario.accounts.reserve_balances if scenario.accounts is not None else {}
    for code, amount in balances.items():
        theirs = carried.get(code)
        if theirs is not None and amount != theirs.balance:
            reason = f"the opening ({origin}) carries {theirs.balance.amount}"
            raise _fail(name, f"accounts.reserve_balances.{code}", str(amount.amount), reason)
    out: list[ReserveSpec] = []
    for i, spec in enumerate(scenario.reserves):
        theirs = carried.get(spec.code)
        if theirs is None:
            out.append(spec)
            continue
        if spec.opening is not None and spec.opening != theirs.balance:
            reason = f"the opening ({origin}) carries {theirs.balance.amount}"
            raise _fail(name, f"reserves[{i}].opening", str(spec.opening.amount), reason)
        if spec.indivisible is False and theirs.indivisible:
            reason = f"the opening ({origin}) carries it indivisible"
            raise _fail(name, f"reserves[{i}].indivisible", spec.indivisible, reason)
        indivisible = theirs.indivisible or bool(spec.indivisible)
        out.append(attrs.evolve(spec, opening=theirs.balance, indivisible=indivisible))
    own = {s.code for s in scenario.reserves}
    out.extend(
        ReserveSpec(r.code, opening=r.balance, indivisible=r.indivisible, name=r.name)
        for r in state.reserves
        if r.code not in own
    )
    return tuple(out)


def _merge_activities(
    scenario: Scenario, state: ClosingState, origin: str
) -> tuple[ActivitySpec, ...]:
    name = scenario.source
    carried = {a.id: a for a in state.activities}
    out: list[ActivitySpec] = []
    for i, spec in enumerate(scenario.activities):
        theirs = carried.get(spec.id)
        if theirs is None:
            out.append(spec)
            continue
        if spec.owner != theirs.owner:
            reason = f"the opening ({origin}) has it owned by {theirs.owner}"
            raise _fail(name, f"activities[{i}].owner", spec.owner, reason)
        if spec.opening_balance is not None and spec.opening_balance != theirs.balance:
            reason = f"the opening ({origin}) carries {theirs.balance.amount}"
            raise _fail(
                name, f"activities[{i}].opening_balance", str(spec.opening_balance.amount), reason
            )
        out.append(attrs.evolve(spec, opening_balance=theirs.balance))
    own = {a.id for a in scenario.activities}
    for activity in state.activities:
        if activity.id not in own and to_minor_units(activity.balance):
            reason = (
                f"the opening ({origin}) carries {activity.balance.amount} in {activity.id}: "
                "continue the activity in [[activities]] (its money would be lost)"
            )
            raise _fail(name, "activities", activity.id, reason)
    return tuple(out)
