"""A person's path across co-ops: each co-op, their statuses and exits, and what carried over.

One scenario file is one co-op's year. A person may test an activity in one co-op, become an
employee of a second and join a third: each file names them with its own member id, and all of
them with the same person identifier (`MemberSpec.person`, ``person = "p:ines-lambert"``).
[`person_path()`][cooprules.path.person_path] reads the files' histories of that person and
returns a [`PersonPath`][cooprules.path.PersonPath]:

* one [`Stay`][cooprules.path.Stay] per co-op, in the order the person entered them: the
  statuses held with their dates ([`Spell`][cooprules.path.Spell]), the exits with their reasons
  ([`Exit`][cooprules.path.Exit], reasons from [`EndReason`][cooprules.accompaniment.EndReason]);
* what carried over ([`CarriedOver`][cooprules.path.CarriedOver]): earlier time that shortens a
  later deadline **where the law of the later co-op says so**. The core knows no such rule: a
  regime states its own as a [`CarryOverRules`][cooprules.path.CarryOverRules] rule set (the
  French CAE counts a CAPE towards the delay to become an associate, Code du travail L7331-3). A
  co-op whose law has none gets a note saying that nothing carries over, and why;
* the periods in which the person was in two co-ops at once, as notes, and as violations where the
  law of one of them forbids it (`CarryOverRules.forbids`): data, never raised.

```pycon
>>> from cooprules.plugins import get_regime
>>> from cooprules.scenario import loads
>>> first = loads('''
... [coop]
... regime = "be-activity"
... name = "Activity co-op"
... year = 2025
... [[members]]
... id = "c-bram"
... person = "p:bram"
... events = [{ kind = "convention_signed", date = 2024-07-01 },
...           { kind = "exited", date = 2025-12-31, reason = "joined_employment_coop" }]
... ''', name="activity.toml")
>>> second = loads('''
... [coop]
... regime = "be-cnc"
... name = "Employment co-op"
... year = 2026
... [[members]]
... id = "bram"
... person = "p:bram"
... events = [{ kind = "admitted", date = 2026-01-01, category = "worker" }]
... ''', name="employment.toml")
>>> path = person_path("p:bram", [(first, get_regime("be-activity")),
...                                (second, get_regime("be-cnc"))])
>>> [(stay.coop, [s.status.value for s in stay.spells]) for stay in path.stays]
[('Activity co-op', ['candidate_entrepreneur', 'exited']), ('Employment co-op', ['member'])]
>>> path.stays[0].exits[0].reason.value, path.carried
('joined_employment_coop', ())

```
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs

from cooprules.accompaniment import EndReason
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Explanation, Step, Text, Violation
from cooprules.membership import TERMINAL, EventKind, History, Status, status_at

if TYPE_CHECKING:
    from cooprules.regime import Regime
    from cooprules.scenario import Scenario

__all__ = [
    "EXIT_KINDS",
    "CarriedOver",
    "CarryOverRules",
    "Earlier",
    "Exit",
    "PathNote",
    "PersonPath",
    "Spell",
    "Stay",
    "carried_steps",
    "person_path",
    "reason_text",
]

EXIT_KINDS = frozenset({EventKind.EXITED, EventKind.RESIGNED, EventKind.EXCLUDED, EventKind.DIED})
"""The events by which a person leaves a co-op (or its programme)."""

_INACTIVE = TERMINAL | {Status.NONE, Status.APPLICANT}
"""Statuses in which a person is not (or no longer, or not yet) in a co-op's programme or
membership: an applicant is not counted as being in the co-op."""

_REASONS = {
    EndReason.BECAME_MEMBER: Text("became a member"),
    EndReason.SELF_EMPLOYED: Text("set up on their own"),
    EndReason.EMPLOYED_ELSEWHERE: Text("employed elsewhere"),
    EndReason.MAXIMUM_REACHED: Text("the maximum length was reached"),
    EndReason.ABANDONED: Text("stopped"),
    EndReason.OTHER: Text("another reason"),
    EndReason.JOINED_EMPLOYMENT_COOP: Text("joined an employment co-op"),
    EndReason.JOINED_ANOTHER_COOP: Text("joined another co-op"),
}


def reason_text(reason: EndReason) -> Text:
    """An exit reason's label, as a message (translated like every message)."""
    return _REASONS[reason]


@attrs.frozen
class Spell:
    """A status the person held in one co-op.

    Attributes:
        status: the status.
        start: the first day.
        end: the first day it no longer held (exclusive); ``None``: still held when the file's
            record stops.
    """

    status: Status
    start: date
    end: date | None = None

    def days(self, until: date) -> int:
        """Its length in days, counted up to ``until`` (exclusive) when it is still held."""
        return ((self.end or until) - self.start).days


@attrs.frozen
class Exit:
    """The person leaving a co-op, or its programme.

    Attributes:
        date: the day it took effect.
        kind: the event (``exited``, ``resigned``, ``excluded``, ``died``).
        left: the status they left.
        reason: the reason of the vocabulary the event names, if it names one.
        recorded: the reason as the file records it (a code, or free text).
    """

    date: date
    kind: EventKind
    left: Status
    reason: EndReason | None = None
    recorded: str | None = None


@attrs.frozen
class Stay:
    """The person in one co-op, as that co-op's file records them.

    Attributes:
        source: the scenario file.
        coop: the co-op's name.
        regime: its regime's code.
        jurisdiction: its regime's jurisdiction (``"BE"``, ``"FR"``, ``"CA-QC"``).
        member: the person's member id in that file.
        name: the person's name in that file, if it gives one.
        spells: the statuses held, in order (the last one may still run).
        exits: the exits, in order.
        recorded_until: the last day of the file's financial year: what it records stops there.
        history: the person's history in that co-op.
    """

    source: str
    coop: str
    regime: str
    jurisdiction: str
    member: str
    name: str | None
    spells: tuple[Spell, ...]
    exits: tuple[Exit, ...]
    recorded_until: date
    history: History = attrs.field(repr=False, eq=False)

    @property
    def entry(self) -> date | None:
        """The first day of the person's first recorded status, if any."""
        return self.spells[0].start if self.spells else None

    @property
    def status(self) -> Status:
        """The status on `recorded_until`."""
        return status_at(self.history, self.recorded_until)

    @property
    def active(self) -> tuple[date, date | None] | None:
        """From the first to the end of the last status in the co-op's programme or membership.

        ``None`` when the person never was in it (an application only); the end is ``None``
        while they still are.
        """
        held = [s for s in self.spells if s.status not in _INACTIVE]
        if not held:
            return None
        return held[0].start, held[-1].end


@attrs.frozen
class Earlier:
    """A status the person held in another co-op, as the law of a later one reads it.

    Attributes:
        coop: the other co-op's name.
        source: its scenario file.
        regime: its regime's code.
        jurisdiction: its regime's jurisdiction.
        spell: the status held there, and when.
    """

    coop: str
    source: str
    regime: str
    jurisdiction: str
    spell: Spell


@attrs.frozen
class CarriedOver:
    """Earlier time that shortens a deadline in a later co-op, as that co-op's law says.

    Attributes:
        code: the obligation shortened (``"fr.cae.become_associate"``).
        what: what the deadline is for.
        counted: the earlier statuses counted.
        reduction: how much they shorten it (``"5 months 0 days"``).
        due_without: the deadline the co-op's own file gives (without the other co-ops).
        due_with: the deadline with the earlier time counted.
        citation: the rule that counts it, with its confidence.
        explanation: the steps.
        into: the later co-op's scenario file (filled in by
            [`person_path()`][cooprules.path.person_path]).
    """

    code: str
    what: Text
    counted: tuple[Earlier, ...]
    reduction: Text
    due_without: date
    due_with: date
    citation: Citation
    explanation: Explanation = attrs.field(factory=Explanation)
    into: str = ""


@attrs.frozen
class PathNote:
    """Something the path report says about one co-op: nothing carried over, an overlap.

    Attributes:
        subject: the co-op's scenario file.
        text: what it says.
        citation: the rule it rests on, if any.
    """

    subject: str
    text: Text
    citation: Citation | None = None


CarryFunction = Callable[["Regime", History, Sequence[Earlier], date], tuple[CarriedOver, ...]]
"""A regime's rule: its co-op's history of the person, their earlier statuses elsewhere and the
end of the file's record give what carries over."""
ForbidFunction = Callable[["Regime", History, Sequence[Earlier], date], tuple[Violation, ...]]
"""A regime's rule: the statuses held elsewhere at the same time that its law forbids."""


@attrs.frozen
class CarryOverRules:
    """A regime's rules on a person's time in other co-ops.

    Attributes:
        counts: what the law counts, in one sentence ("a CAPE before the CESA shortens the delay
            to become an associate"): shown when nothing of a path qualifies.
        citation: the rule.
        carry: the earlier time that shortens a deadline in this regime's co-op.
        forbids: the statuses held in another co-op at the same time that the law forbids (a
            violation each); ``None``: the law forbids none.
    """

    counts: Text
    citation: Citation
    carry: CarryFunction
    forbids: ForbidFunction | None = None


@attrs.frozen
class PersonPath:
    """A person's path across co-ops.

    Attributes:
        person: the person's identifier.
        stays: one per co-op, by the day the person entered it.
        carried: what carried over into a later co-op, where its law says so.
        notes: what the report says besides: nothing carried over (and why), overlaps.
        violations: what the law of a co-op forbids in the path (two statuses at once).
    """

    person: str
    stays: tuple[Stay, ...]
    carried: tuple[CarriedOver, ...]
    notes: tuple[PathNote, ...]
    violations: tuple[Violation, ...]


def _year_end(scenario: Scenario) -> date:
    from cooprules.levies import month_periods  # noqa: PLC0415 - only for the file's last day

    last = month_periods(scenario.coop.year, first_month=scenario.coop.first_month)[-1]
    return last.end - timedelta(days=1)


def _history(member_id: str, scenario: Scenario) -> History:
    member = next(m for m in scenario.members if m.id == member_id)
    return History.of(member_id, [e.to_event() for e in member.events])


def _spells(history: History) -> tuple[Spell, ...]:
    out: list[Spell] = []
    for day, status in zip(history.dates, history.statuses, strict=True):
        if not out and status is Status.NONE:  # an annotation before any status: nothing held
            continue
        if out and out[-1].status is status:
            continue
        if out and out[-1].start == day:  # two events of one day: the status after the last
            out.pop()
            if out and out[-1].status is status:  # back to the status before: one spell
                out[-1] = attrs.evolve(out[-1], end=None)
                continue
            if not out and status is Status.NONE:
                continue
        if out:
            out[-1] = attrs.evolve(out[-1], end=day)
        out.append(Spell(status, day))
    return tuple(out)


def _exits(history: History) -> tuple[Exit, ...]:
    out = []
    before = Status.NONE
    for event, status in zip(history.events, history.statuses, strict=True):
        if event.kind in EXIT_KINDS:
            out.append(
                Exit(event.date, event.kind, before, EndReason.parse(event.reason), event.reason)
            )
        before = status
    return tuple(out)


def _stay(person: str, scenario: Scenario, regime: Regime) -> Stay | None:
    found = [m for m in scenario.members if m.person == person]
    if not found:
        return None
    member = found[0]
    history = _history(member.id, scenario)
    return Stay(
        source=scenario.source,
        coop=scenario.coop.name,
        regime=regime.code,
        jurisdiction=regime.jurisdiction,
        member=member.id,
        name=member.name,
        spells=_spells(history),
        exits=_exits(history),
        recorded_until=_year_end(scenario),
        history=history,
    )


def _earlier(stays: Sequence[Stay], stay: Stay) -> tuple[Earlier, ...]:
    return tuple(
        Earlier(other.coop, other.source, other.regime, other.jurisdiction, spell)
        for other in stays
        if other is not stay
        for spell in other.spells
        if spell.status not in _INACTIVE
    )


def _overlap(first: Stay, second: Stay) -> tuple[date, date | None] | None:
    a, b = first.active, second.active
    if a is None or b is None:
        return None
    start = max(a[0], b[0])
    ends = [end for end in (a[1], b[1]) if end is not None]
    end = min(ends) if ends else None
    return (start, end) if end is None or start < end else None


def _overlaps(
    stays: Sequence[Stay], regimes: dict[str, Regime]
) -> tuple[list[PathNote], list[Violation]]:
    notes: list[PathNote] = []
    violations: list[Violation] = []
    for i, first in enumerate(stays):
        for second in stays[i + 1 :]:
            both = _overlap(first, second)
            if both is None:
                continue
            forbidden: list[Violation] = []
            for stay, other in ((first, second), (second, first)):
                rules = regimes[stay.source].rule_set(CarryOverRules)
                if rules is not None and rules.forbids is not None:
                    elsewhere = _earlier([other], stay)
                    until = stay.recorded_until
                    forbidden.extend(
                        rules.forbids(regimes[stay.source], stay.history, elsewhere, until)
                    )
            violations.extend(forbidden)
            if not forbidden:
                notes.append(
                    PathNote(
                        second.source,
                        Text(
                            "In {first} and {second} at once from {start}: the law of neither "
                            "forbids it.",
                            first=first.coop,
                            second=second.coop,
                            start=both[0],
                        ),
                    )
                )
    return notes, violations


def _carried(
    stays: Sequence[Stay], regimes: dict[str, Regime]
) -> tuple[list[CarriedOver], list[PathNote]]:
    carried: list[CarriedOver] = []
    notes: list[PathNote] = []
    for index, stay in enumerate(stays):
        if index == 0:
            continue
        regime = regimes[stay.source]
        rules = regime.rule_set(CarryOverRules)
        if rules is None:
            notes.append(
                PathNote(
                    stay.source,
                    Text(
                        "Nothing carries over into {coop}: cooprules knows no rule of its law "
                        "({regime}) that counts time spent in another co-op.",
                        coop=stay.coop,
                        regime=regime.code,
                    ),
                )
            )
            continue
        found = rules.carry(regime, stay.history, _earlier(stays, stay), stay.recorded_until)
        carried.extend(attrs.evolve(item, into=stay.source) for item in found)
        if not found:
            notes.append(
                PathNote(
                    stay.source,
                    Text(
                        "Nothing carries over into {coop}: under its law ({regime}), {counts}; "
                        "none of the earlier time is such.",
                        coop=stay.coop,
                        regime=regime.code,
                        counts=rules.counts,
                    ),
                    rules.citation,
                )
            )
    return carried, notes


def person_path(person: str, files: Sequence[tuple[Scenario, Regime]]) -> PersonPath:
    """The path of ``person`` across the co-ops of ``files`` (each a scenario and its regime).

    Each file's record stops at the last day of its financial year. The co-ops are ordered by the
    day the person entered each (the file's order for a tie); a file that does not name the
    person is left out.

    Raises:
        InvalidInput: ``person`` is not a person id, or no file names them (``person``); a file
            is given twice (``files``).
    """
    from cooprules.scenario import person_problem  # noqa: PLC0415 - the scenario's own rule

    problem = person_problem(person)
    if problem is not None:
        raise InvalidInput("person", person, problem)
    sources: set[str] = set()
    regimes: dict[str, Regime] = {}
    stays: list[Stay] = []
    for scenario, regime in files:
        if scenario.source in sources:
            raise InvalidInput("files", scenario.source, "a file is given twice")
        sources.add(scenario.source)
        stay = _stay(person, scenario, regime)
        if stay is not None:
            stays.append(stay)
            regimes[stay.source] = regime
    if not stays:
        names = ", ".join(scenario.source for scenario, _ in files) or "-"
        raise InvalidInput("person", person, f"no member of {names} is this person")
    ordered = sorted(stays, key=lambda s: s.entry or s.recorded_until)
    carried, notes = _carried(ordered, regimes)
    overlap_notes, violations = _overlaps(ordered, regimes)
    return PersonPath(
        person=person,
        stays=tuple(ordered),
        carried=tuple(carried),
        notes=(*notes, *overlap_notes),
        violations=tuple(violations),
    )


def carried_steps(
    counted: Sequence[Earlier],
    reduction: Text,
    citation: Citation,
    length: Callable[[Spell], object] = lambda spell: spell.days(spell.start),
) -> Step:
    """The explanation step that lists the earlier statuses counted and what they add up to.

    Each is named by its co-op, regime and dates (first and last day); ``length`` gives the
    value shown beside it (default: its length in days).
    """
    return Step(
        what=Text("Time in other co-ops counted"),
        inputs=tuple(
            (f"{e.coop} ({e.regime}): {e.spell.start} – {_last(e.spell)}", length(e.spell))
            for e in counted
        ),
        result=reduction,
        citation=citation,
    )


def _last(spell: Spell) -> date | str:
    return "…" if spell.end is None else spell.end - timedelta(days=1)
