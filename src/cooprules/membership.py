"""Membership: statuses computed from dated events, the transitions a regime allows, the register.

A co-op's software records *events* (applied, convention signed, employed, trial started,
admitted, suspended, reinstated, resigned, excluded, died, left the programme…). cooprules answers
what follows from them:

* [`status_at()`][cooprules.membership.status_at] gives a person's status on any date by replaying
  their events (each event kind leads to one status; a reinstatement returns to the status held
  before the suspension);
* [`MembershipRules`][cooprules.membership.MembershipRules], supplied by a regime, is the transition
  graph: which events are allowed in which status, under which conditions (dates, durations,
  decisions), with their citations;
* [`apply()`][cooprules.membership.apply] adds an event to a history and raises
  [`IllegalTransition`][cooprules.errors.IllegalTransition] when the regime does not allow it;
  [`check_history()`][cooprules.membership.check_history] checks a recorded history and returns
  violations (data) instead;
* the register queries ([`statuses_on()`][cooprules.membership.statuses_on],
  [`count_by_status()`][cooprules.membership.count_by_status],
  [`deadlines_within()`][cooprules.membership.deadlines_within]…) stream over an iterable of
  members.

```pycon
>>> from datetime import date
>>> h = History.of("ana", [
...     Event(EventKind.APPLIED, date(2025, 1, 6)),
...     Event(EventKind.ADMITTED, date(2025, 3, 1), category="worker"),
...     Event(EventKind.SUSPENDED, date(2025, 9, 1)),
...     Event(EventKind.REINSTATED, date(2025, 10, 1)),
... ])
>>> status_at(h, date(2025, 2, 1)), status_at(h, date(2025, 9, 15)), status_at(h, date(2026, 1, 1))
(<Status.APPLICANT: 'applicant'>, <Status.SUSPENDED: 'suspended'>, <Status.MEMBER: 'member'>)

```
"""

from __future__ import annotations

import datetime as dt
import enum
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction
from itertools import repeat
from operator import getitem
from typing import TYPE_CHECKING, Final

import attrs

from cooprules.errors import DuplicateId, IllegalTransition, InvalidInput, InvalidPeriod
from cooprules.explain import Citation, Severity, Text, Violation
from cooprules.periods import check_date

if TYPE_CHECKING:
    from cooprules.accompaniment import Obligation
    from cooprules.regime import Rules

__all__ = [
    "EVENT_KINDS",
    "STATUSES",
    "TERMINAL",
    "Category",
    "Condition",
    "Decision",
    "Event",
    "EventKind",
    "History",
    "HistoryCheck",
    "Member",
    "MembershipRules",
    "Status",
    "StatusColumns",
    "Transition",
    "TransitionContext",
    "apply",
    "category_at",
    "check_history",
    "count_by_status",
    "count_by_status_and_category",
    "deadlines_within",
    "decision_required",
    "graph",
    "members_with_status",
    "status_at",
    "status_columns",
    "statuses_at",
    "statuses_on",
    "to_mermaid",
]


class Status(enum.Enum):
    """Where a person stands with the co-op on a date."""

    NONE = "none"
    """No recorded relationship yet (before the first event)."""
    APPLICANT = "applicant"
    """Has applied; not yet admitted nor under contract."""
    CANDIDATE_ENTREPRENEUR = "candidate_entrepreneur"
    """Tests an activity under an accompaniment convention: BE *candidat-entrepreneur*, FR
    *porteur de projet* under a CAPE (contrat d'appui au projet d'entreprise)."""
    ENTREPRENEUR_EMPLOYEE = "entrepreneur_employee"
    """FR *entrepreneur-salarié* under a CESA, not yet an associate."""
    AUXILIARY = "auxiliary"
    """On trial before admission: QC *membre auxiliaire* of a worker co-op."""
    MEMBER = "member"
    """Member or associate (*associé*, *coopérateur*, *membre*)."""
    SUPPORTING_MEMBER = "supporting_member"
    """Supporting member (*membre de soutien*), usually with limited rights."""
    SUSPENDED = "suspended"
    """Member whose rights are suspended."""
    RESIGNED = "resigned"
    """Left by their own decision (*démission*)."""
    EXCLUDED = "excluded"
    """Excluded by a decision of the co-op (*exclusion*)."""
    DECEASED = "deceased"
    """Died."""
    EXITED = "exited"
    """Left a programme or contract without becoming a member (convention or CESA ended,
    application refused, trial not converted)."""


TERMINAL = frozenset({Status.RESIGNED, Status.EXCLUDED, Status.DECEASED, Status.EXITED})
"""Statuses after which only a new application (if the regime allows it) can follow."""


class EventKind(enum.Enum):
    """What can happen to a person; most kinds lead to one status (see `target`)."""

    APPLIED = "applied"
    CONVENTION_SIGNED = "convention_signed"
    EMPLOYED = "employed"
    TRIAL_STARTED = "trial_started"
    ADMITTED = "admitted"
    ADMITTED_SUPPORTING = "admitted_supporting"
    SUSPENDED = "suspended"
    REINSTATED = "reinstated"
    RESIGNED = "resigned"
    EXCLUDED = "excluded"
    DIED = "died"
    EXITED = "exited"
    LEAVE_STARTED = "leave_started"
    """Sick, parental or other leave begins: pauses accompaniment clocks; status unchanged."""
    LEAVE_ENDED = "leave_ended"
    """The leave ends."""
    EXTENDED = "extended"
    """The accompaniment is extended by ``Event.months``; status unchanged."""
    CATEGORY_CHANGED = "category_changed"
    """The member moves to ``Event.category``; status unchanged."""

    @property
    def target(self) -> Status | None:
        """The status this event leads to; ``None`` when it keeps the status (or reinstates)."""
        return _TARGETS.get(self)


_TARGETS: dict[EventKind, Status] = {
    EventKind.APPLIED: Status.APPLICANT,
    EventKind.CONVENTION_SIGNED: Status.CANDIDATE_ENTREPRENEUR,
    EventKind.EMPLOYED: Status.ENTREPRENEUR_EMPLOYEE,
    EventKind.TRIAL_STARTED: Status.AUXILIARY,
    EventKind.ADMITTED: Status.MEMBER,
    EventKind.ADMITTED_SUPPORTING: Status.SUPPORTING_MEMBER,
    EventKind.SUSPENDED: Status.SUSPENDED,
    EventKind.RESIGNED: Status.RESIGNED,
    EventKind.EXCLUDED: Status.EXCLUDED,
    EventKind.DIED: Status.DECEASED,
    EventKind.EXITED: Status.EXITED,
}

ANNOTATIONS = frozenset(
    {EventKind.LEAVE_STARTED, EventKind.LEAVE_ENDED, EventKind.EXTENDED, EventKind.CATEGORY_CHANGED}
)
"""Event kinds that record something without changing the status."""


def _decision_body(_instance: object, _attribute: attrs.Attribute[str], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput("decision.body", value, "who decided: non-empty text ('board')")


def _decision_count(
    _instance: object, attribute: attrs.Attribute[int | None], value: object
) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(f"decision.{attribute.name}", value, "a count is a non-negative int")


def _decision_day(
    _instance: object, attribute: attrs.Attribute[date | None], value: object
) -> None:
    if value is not None:
        check_date(value, field=f"decision.{attribute.name}")


@attrs.frozen
class Decision:
    """A decision taken about a member (an admission, a suspension, an exclusion).

    The regime says which events must rest on one and what it must show
    ([`decision_required()`][cooprules.membership.decision_required]): Quebec's board decides a
    suspension or an exclusion by two thirds of the votes cast by the directors present, after
    notice, with written reasons.

    Attributes:
        body: who decided (``"board"``, ``"general_meeting"``).
        date: when.
        votes_for: votes in favour.
        votes_cast: votes cast.
        present: members of the body present (directors present for a board).
        notice_given: when the member was given written notice of the grounds and of the
            meeting where they may be heard.
        reasons_sent: when the written reasons were sent to the member.
        grounds: the grounds invoked, as the statute or by-law names them.

    Raises:
        InvalidInput: an empty body, a count that is not a non-negative int, more votes in
            favour than votes cast.
        InvalidPeriod: a date that is not a ``datetime.date``.
    """

    body: str = attrs.field(validator=_decision_body)
    date: dt.date = attrs.field(validator=lambda _i, _a, v: check_date(v, field="decision.date"))
    votes_for: int | None = attrs.field(default=None, validator=_decision_count)
    votes_cast: int | None = attrs.field(default=None, validator=_decision_count)
    present: int | None = attrs.field(default=None, validator=_decision_count)
    notice_given: dt.date | None = attrs.field(default=None, validator=_decision_day)
    reasons_sent: dt.date | None = attrs.field(default=None, validator=_decision_day)
    grounds: str | None = None

    def __attrs_post_init__(self) -> None:
        if (
            self.votes_for is not None
            and self.votes_cast is not None
            and self.votes_for > self.votes_cast
        ):
            raise InvalidInput(
                "decision.votes_for",
                self.votes_for,
                f"more votes in favour than votes cast ({self.votes_cast})",
            )


def _event_date(_instance: object, _attribute: attrs.Attribute[date], value: date) -> None:
    check_date(value, field="event.date")


@attrs.frozen
class Event:
    """A dated event in a person's history.

    Attributes:
        kind: what happened.
        date: when it took effect.
        category: the member category from this event on (``"worker"``, ``"user"``…), if any.
        months: for ``EXTENDED``, the number of months added.
        reason: why (an exit reason, the grounds of an exclusion), free text or a code.
        decision: the decision behind it, when one is required.
        end: for ``LEAVE_STARTED``, the planned end (exclusive) when known in advance.
        trial_end: for ``EMPLOYED``, the end (exclusive: the first day after it) of the
            contract's trial period, renewal included, when it has one.
    """

    kind: EventKind = attrs.field(validator=attrs.validators.instance_of(EventKind))
    date: dt.date = attrs.field(validator=_event_date)
    category: str | None = None
    months: int | None = None
    reason: str | None = None
    decision: Decision | None = None
    end: dt.date | None = None
    trial_end: dt.date | None = None

    def __attrs_post_init__(self) -> None:
        if self.kind is EventKind.EXTENDED and (
            isinstance(self.months, bool) or not isinstance(self.months, int) or self.months <= 0
        ):
            raise InvalidInput("event.months", self.months, "an extension adds a positive int")
        if self.end is not None and self.end <= self.date:
            raise InvalidPeriod("event.end", self.end, f"is not after {self.date.isoformat()}")
        if self.trial_end is not None:
            check_date(self.trial_end, field="event.trial_end")
            if self.kind is not EventKind.EMPLOYED:
                raise InvalidInput(
                    "event.trial_end", self.trial_end, "only an employed event has a trial period"
                )
            if self.trial_end <= self.date:
                raise InvalidPeriod(
                    "event.trial_end", self.trial_end, f"is not after {self.date.isoformat()}"
                )


def _after(status: Status, before_suspension: Status, kind: EventKind) -> tuple[Status, Status]:
    """The status after an event of ``kind``, and the status a reinstatement returns to."""
    if kind is EventKind.REINSTATED:
        return (before_suspension if status is Status.SUSPENDED else status), before_suspension
    target = _TARGETS.get(kind)
    if target is None:
        return status, before_suspension
    if target is Status.SUSPENDED and status is not Status.SUSPENDED:
        return target, status
    return target, before_suspension


def _replay(events: tuple[Event, ...]) -> tuple[tuple[Status, ...], tuple[str | None, ...]]:
    statuses: list[Status] = []
    categories: list[str | None] = []
    status, category = Status.NONE, None
    before_suspension = Status.NONE
    for event in events:
        status, before_suspension = _after(status, before_suspension, event.kind)
        if event.category is not None:
            category = event.category
        statuses.append(status)
        categories.append(category)
    return tuple(statuses), tuple(categories)


@attrs.frozen
class History:
    """One person's events in date order, with the status and category after each.

    Build it with [`History.of()`][cooprules.membership.History.of]; it sorts the events by date
    (events of the same day keep the order given) and replays them once, so
    [`status_at()`][cooprules.membership.status_at] is a binary search.

    Attributes:
        subject: the person's identifier.
        events: the events, by date.
        dates: the date of each event.
        statuses: the status after each event.
        categories: the category after each event.
    """

    subject: str
    events: tuple[Event, ...]
    dates: tuple[date, ...]
    statuses: tuple[Status, ...]
    categories: tuple[str | None, ...]
    kinds: tuple[EventKind, ...] = attrs.field(init=False, repr=False, eq=False)
    """The kind of each event (derived; lets rules scan a history without touching events)."""
    _lookup: tuple[Status, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "kinds", tuple(e.kind for e in self.events))
        # The status before the first event, then after each: status_at is one bisect and one
        # index, with no branch.
        object.__setattr__(self, "_lookup", (Status.NONE, *self.statuses))

    @classmethod
    def of(cls, subject: str, events: Iterable[Event] = ()) -> History:
        """Build a history from events in any order.

        Raises:
            InvalidInput: an item is not an [`Event`][cooprules.membership.Event] (named by its
                position as given).
        """
        given = tuple(events)
        for index, event in enumerate(given):
            if not isinstance(event, Event):
                raise InvalidInput(f"{subject}.events[{index}]", event, "expected an Event")
        ordered = tuple(sorted(given, key=lambda e: e.date))
        statuses, categories = _replay(ordered)
        return cls(subject, ordered, tuple(e.date for e in ordered), statuses, categories)

    def before(self, day: date) -> History:
        """The history as it stood before ``day`` (events dated before it)."""
        return History.of(self.subject, self.events[: _index(self, day, strict=True)])

    def until(self, day: date) -> History:
        """The history as it stood at the end of ``day`` (events dated on or before it)."""
        return History.of(self.subject, self.events[: _index(self, day)])

    @property
    def current(self) -> Status:
        """The status after the last event."""
        return self.statuses[-1] if self.statuses else Status.NONE

    def last(self, *kinds: EventKind, on_or_before: date | None = None) -> Event | None:
        """The last event of one of ``kinds`` (on or before a date, if given)."""
        for event in reversed(self.events):
            if on_or_before is not None and event.date > on_or_before:
                continue
            if event.kind in kinds:
                return event
        return None

    def first(self, *kinds: EventKind) -> Event | None:
        """The first event of one of ``kinds``."""
        return next((e for e in self.events if e.kind in kinds), None)


def _index(history: History, day: date, *, strict: bool = False) -> int:
    if strict:
        return bisect_right(history.dates, day - timedelta(days=1))
    return bisect_right(history.dates, day)


def status_at(history: History, day: date) -> Status:
    """The person's status at the end of ``day`` (events dated that day have taken effect)."""
    return history._lookup[bisect_right(history.dates, day)]  # noqa: SLF001 - same module


def category_at(history: History, day: date) -> str | None:
    """The person's member category at the end of ``day``, if any was recorded."""
    index = bisect_right(history.dates, day)
    return history.categories[index - 1] if index else None


# ---------------------------------------------------------------------------------------------
# Statuses over integer columns (issue 16)
# ---------------------------------------------------------------------------------------------

EVENT_KINDS: Final = tuple(EventKind)
"""The event kinds by code: a kind's code in [`StatusColumns`][cooprules.membership.StatusColumns]
is its position here (``EVENT_KINDS[0]`` is ``APPLIED``)."""

STATUSES: Final = tuple(Status)
"""The statuses by code: ``STATUSES[code]`` is the status a code of
[`statuses_at()`][cooprules.membership.statuses_at] stands for (``0`` is ``NONE``)."""

_STATUS_CODE: Final = {status: code for code, status in enumerate(STATUSES)}
_EVENT_CODE: Final = {kind: code for code, kind in enumerate(EVENT_KINDS)}


@attrs.frozen
class StatusColumns:
    """Many people's histories as integer columns, replayed once: statuses on any day by bisect.

    Build it with [`status_columns()`][cooprules.membership.status_columns] from each person's
    event days (ordinals) and kind codes, or with
    [`StatusColumns.of()`][cooprules.membership.StatusColumns.of] from histories; then
    [`statuses_at()`][cooprules.membership.statuses_at] gives everyone's status code on a day.
    The replay is the one of [`History`][cooprules.membership.History], event by event.

    Attributes:
        days: each person's event days as ``date.toordinal()``, in date order.
        codes: each person's event kind codes (positions in
            [`EVENT_KINDS`][cooprules.membership.EVENT_KINDS]).
        lookup: each person's status code before the first event, then after each.
    """

    days: tuple[tuple[int, ...], ...]
    codes: tuple[tuple[int, ...], ...]
    lookup: tuple[tuple[int, ...], ...] = attrs.field(repr=False)

    @classmethod
    def of(cls, histories: Iterable[History]) -> StatusColumns:
        """The columns of histories (their replay is kept: nothing is replayed again)."""
        days, codes, lookup = [], [], []
        code_of, status_code = _EVENT_CODE, _STATUS_CODE
        for history in histories:
            days.append(tuple(day.toordinal() for day in history.dates))
            codes.append(tuple(code_of[kind] for kind in history.kinds))
            lookup.append((0, *(status_code[status] for status in history.statuses)))
        return cls(tuple(days), tuple(codes), tuple(lookup))


def _sequence(value: object, field: str) -> None:
    if not isinstance(value, Sequence):
        raise InvalidInput(field, value, "expected a list (a sequence)")


def status_columns(days: Sequence[Sequence[int]], codes: Sequence[Sequence[int]]) -> StatusColumns:
    """Replay many people's events given as integer columns, once.

    Args:
        days: each person's event days as ``date.toordinal()``, in date order (events of one
            day in the order they took effect).
        codes: each person's event kind codes, one per day (positions in
            [`EVENT_KINDS`][cooprules.membership.EVENT_KINDS]).

    Raises:
        InvalidInput: a day or a code that is not an ``int``, a code out of range, days out of
            order, or not one code per day (named by person and position).
    """
    _sequence(days, "days")
    _sequence(codes, "codes")
    if len(codes) != len(days):
        raise InvalidInput("codes", len(codes), f"expected one list per person ({len(days)})")
    kinds, status_code, after = EVENT_KINDS, _STATUS_CODE, _after
    count = len(kinds)
    all_days, all_codes, lookup = [], [], []
    for number, (person_days, person_codes) in enumerate(zip(days, codes, strict=True)):
        _sequence(person_days, f"days[{number}]")
        _sequence(person_codes, f"codes[{number}]")
        if len(person_codes) != len(person_days):
            raise InvalidInput(
                f"codes[{number}]", len(person_codes), f"expected {len(person_days)} codes"
            )
        previous = None
        for index, day in enumerate(person_days):
            if type(day) is not int or (previous is not None and day < previous):
                raise InvalidInput(
                    f"days[{number}][{index}]", day, "expected ordinal days (ints) in date order"
                )
            previous = day
        status = before_suspension = Status.NONE
        table = [0]
        for index, code in enumerate(person_codes):
            if type(code) is not int or not 0 <= code < count:
                raise InvalidInput(
                    f"codes[{number}][{index}]", code, f"expected an event kind code 0..{count - 1}"
                )
            status, before_suspension = after(status, before_suspension, kinds[code])
            table.append(status_code[status])
        all_days.append(tuple(person_days))
        all_codes.append(tuple(person_codes))
        lookup.append(tuple(table))
    return StatusColumns(tuple(all_days), tuple(all_codes), tuple(lookup))


def statuses_at(columns: StatusColumns, day: date) -> list[int]:
    """Everyone's status code at the end of ``day``, in the order of the columns.

    The same rule as [`status_at()`][cooprules.membership.status_at] (events dated that day have
    taken effect): one bisect over each person's days and one index, run by ``map``.
    ``STATUSES[code]`` is the status.

    Raises:
        InvalidPeriod: ``day`` is not a ``datetime.date``.
    """
    check_date(day, field="day")
    return list(
        map(getitem, columns.lookup, map(bisect_right, columns.days, repeat(day.toordinal())))
    )


# ---------------------------------------------------------------------------------------------
# Transition rules
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class TransitionContext:
    """What a transition condition sees.

    Attributes:
        history: the history before the event.
        event: the event being applied.
        source: the status before the event.
        rules: the rules in force.
    """

    history: History
    event: Event
    source: Status
    rules: MembershipRules


Condition = Callable[[TransitionContext], Text | None]
"""A condition on a transition: returns why it is not met, or ``None`` when it is."""

HistoryCheck = Callable[[History, date], Iterable[Violation]]
"""A regime-wide check of a whole history as of a date (deadlines passed, durations exceeded)."""


def _conditions(values: Iterable[Condition]) -> tuple[Condition, ...]:
    return tuple(values)


def _transitions(values: Iterable[Transition]) -> tuple[Transition, ...]:
    return tuple(values)


def _categories(values: Iterable[Category]) -> tuple[Category, ...]:
    return tuple(values)


def _checks(values: Iterable[HistoryCheck]) -> tuple[HistoryCheck, ...]:
    return tuple(values)


@attrs.frozen
class Transition:
    """An event the regime allows in a status, with its conditions and its source in law.

    Attributes:
        source: the status before the event.
        event: the event kind.
        conditions: what must hold for the event to be lawful.
        citation: the article that allows or governs it.
    """

    source: Status
    event: EventKind
    conditions: tuple[Condition, ...] = attrs.field(default=(), converter=_conditions)
    citation: Citation | None = None

    @property
    def target(self) -> Status | None:
        """The status the event leads to (``None``: unchanged, or back from a suspension)."""
        return self.event.target


@attrs.frozen
class Category:
    """A member category a regime declares (user, worker, supporting, employee, beneficiary…).

    Attributes:
        code: stable identifier used in events (``"worker"``).
        label: the native name and English gloss, in English and French.
        citation: where the category is defined.
    """

    code: str
    label: Text
    citation: Citation | None = None


@attrs.frozen
class MembershipRules:
    """A regime's membership rules: the transition graph, the categories, the regime-wide checks.

    A regime plug-in puts one in ``Regime.rules``; engines get it with
    ``regime.rule_set(MembershipRules)``.

    Attributes:
        transitions: the allowed (status, event) pairs with their conditions.
        categories: the member categories the regime declares (empty: no categories).
        checks: regime-wide checks run by [`check_history()`][cooprules.membership.check_history]
            after the transitions.
        obligations: computes a person's obligations and deadlines as of a date (see
            [`cooprules.accompaniment`][cooprules.accompaniment]); ``None`` if the regime has none.
        due: a cheap version of ``obligations`` for register queries: the ``(code, due date)``
            of each *unmet* obligation as of a date, without building explanations. When given,
            [`deadlines_within()`][cooprules.membership.deadlines_within] builds the full
            obligations only for the members whose due date falls in the window; it must agree with
            ``obligations``.
        annotations_in: statuses in which annotation events (leave, extension, category change)
            may be recorded; by default every status but the terminal ones.
        citation: the regime's general rule on membership, cited by
            [`check_history()`][cooprules.membership.check_history] for an event the graph does not
            allow and for a transition with no citation of its own (see
            [`general_citation`][cooprules.membership.MembershipRules.general_citation]).
        reads_law: how the rule set reads its figures from the law (a convention's length, a
            deadline's months): given the co-op's [`Rules`][cooprules.regime.Rules] on a date, the
            rule set with the figures in force that day.
            [`bound()`][cooprules.membership.MembershipRules.bound] applies it, and
            ``Rules.rule_set(MembershipRules)`` binds through it; ``None``: the rule set holds no
            figure of the law.
    """

    transitions: tuple[Transition, ...] = attrs.field(converter=_transitions)
    categories: tuple[Category, ...] = attrs.field(default=(), converter=_categories)
    citation: Citation | None = attrs.field(default=None, kw_only=True)
    checks: tuple[HistoryCheck, ...] = attrs.field(default=(), converter=_checks)
    obligations: Callable[[History, date], tuple[Obligation, ...]] | None = None
    due: Callable[[History, date], Iterable[tuple[str, date]]] | None = None
    annotations_in: frozenset[Status] = frozenset(Status) - TERMINAL - {Status.NONE}
    reads_law: Callable[[Rules], MembershipRules] | None = attrs.field(default=None, eq=False)

    def bound(self, rules: Rules) -> MembershipRules:
        """These rules with their figures read from the law on ``rules.as_of``.

        See `reads_law`; the rules themselves when they hold no figure of the law.
        """
        return self.reads_law(rules) if self.reads_law is not None else self

    def __attrs_post_init__(self) -> None:
        seen: set[tuple[Status, EventKind]] = set()
        for transition in self.transitions:
            pair = (transition.source, transition.event)
            if pair in seen:
                raise DuplicateId(
                    "membership.transitions",
                    f"{pair[0].value} --{pair[1].value}-->",
                    "each (status, event) pair is declared once; put all its conditions together",
                )
            seen.add(pair)
        codes = [c.code for c in self.categories]
        if len(set(codes)) != len(codes):
            raise DuplicateId("membership.categories", codes, "category codes must be unique")

    @property
    def general_citation(self) -> Citation | None:
        """The rule an illegal step cites when its transition has none, or is not in the graph.

        `citation` when the regime gives one; otherwise the citation the most transitions
        carry (the one a regime gave [`graph()`][cooprules.membership.graph] for its whole table),
        the first declared on a tie; ``None`` only when no transition cites anything.

        ```pycon
        >>> rule = Citation("Act", "s. 1", "XX")
        >>> str(MembershipRules(graph({Status.NONE: [EventKind.APPLIED]}, citation=rule))
        ...     .general_citation)
        'Act, s. 1'

        ```
        """
        if self.citation is not None:
            return self.citation
        counts = Counter(t.citation for t in self.transitions if t.citation is not None)
        return counts.most_common(1)[0][0] if counts else None

    def transition(self, source: Status, kind: EventKind) -> Transition | None:
        """The transition for ``kind`` in ``source``; ``None`` if the regime does not allow it."""
        for transition in self.transitions:
            if transition.source is source and transition.event is kind:
                return transition
        return None

    def allowed(self, source: Status) -> tuple[EventKind, ...]:
        """The event kinds the regime allows in ``source``."""
        kinds = [t.event for t in self.transitions if t.source is source]
        if source in self.annotations_in:
            kinds.extend(k for k in ANNOTATIONS if k not in kinds)
        return tuple(kinds)

    def category_codes(self) -> frozenset[str]:
        """The declared category codes."""
        return frozenset(c.code for c in self.categories)

    def evolve(self, **changes: object) -> MembershipRules:
        """A copy with some fields replaced (a regime that adapts another's rules)."""
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


def _problems(
    before: Callable[[], History],
    event: Event,
    rules: MembershipRules,
    source: Status,
    last: date | None,
) -> tuple[Status, Transition | None, list[Text]]:
    """Why ``event`` cannot follow a history under ``rules`` (empty list: it can).

    The history is given by its status ``source``, the date of its last event ``last`` (``None``
    when it has none) and ``before``, which builds it: only when a condition of the transition
    reads it.
    """
    problems: list[Text] = []
    if last is not None and event.date < last:
        problems.append(
            Text(
                "the event is dated before the last recorded event ({dates})",
                dates=last,
            )
        )
    codes = rules.category_codes()
    if event.category is not None and codes and event.category not in codes:
        problems.append(
            Text(
                "unknown category {category}; the regime declares {codes}",
                category=f"{event.category!r}",
                codes=sorted(codes),
            )
        )
    if event.kind in ANNOTATIONS:
        if source not in rules.annotations_in:
            problems.append(
                Text(
                    "{kind} cannot be recorded in status {source}",
                    kind=event.kind.value,
                    source=source.value,
                )
            )
        return source, None, problems
    transition = rules.transition(source, event.kind)
    if transition is None:
        allowed = ", ".join(k.value for k in rules.allowed(source)) or "none"
        problems.append(
            Text(
                "the regime allows no {kind} in status {source} (allowed: {allowed})",
                kind=event.kind.value,
                source=source.value,
                allowed=allowed,
            )
        )
        return source, None, problems
    if transition.conditions:
        context = TransitionContext(before(), event, source, rules)
        problems.extend(p for p in (c(context) for c in transition.conditions) if p is not None)
    return source, transition, problems


def _target_after(history: History, event: Event) -> Status:
    return _replay((*history.events, event))[0][-1]


def apply(history: History, event: Event, rules: MembershipRules) -> History:
    """Add ``event`` to ``history`` if the regime allows it; return the new history.

    Raises:
        IllegalTransition: the event is not allowed in the current status, a condition of the
            transition fails, or it is dated before the last event. The message names the
            transition (``member -> excluded``) and the reason.
    """
    last = history.dates[-1] if history.dates else None
    source, _transition, problems = _problems(lambda: history, event, rules, history.current, last)
    if problems:
        raise IllegalTransition(
            history.subject,
            source.value,
            event.kind.value,
            _target_after(history, event).value,
            "; ".join(p.en for p in problems),
        )
    return History.of(history.subject, (*history.events, event))


def check_history(history: History, rules: MembershipRules, as_of: date) -> tuple[Violation, ...]:
    """Check a recorded history (events up to ``as_of``) against the rules; return violations.

    Each illegal step gives a ``membership.illegal_transition`` violation (error) citing the
    transition's article, or the regime's general rule
    ([`MembershipRules.general_citation`][cooprules.membership.MembershipRules.general_citation])
    when the transition has none or the graph does not allow the event; then the regime-wide checks
    run.
    """
    # One replay (issue 16): the events are taken in the order recorded and kept in date order
    # as `History.of()` would sort them (stably: an event goes after those of its day), with the
    # status and category after each, so each step costs O(1) and a prefix history is built only
    # when a condition of the transition reads it. A recorded history not in date order (only
    # a `History` built by hand) is replayed again from its first event at each late event.
    violations: list[Violation] = []
    subject = history.subject
    general = rules.general_citation
    events: list[Event] = []
    dates: list[date] = []
    statuses: list[Status] = []
    categories: list[str | None] = []
    status, category, before_suspension = Status.NONE, None, Status.NONE

    def prefix() -> History:
        return History(subject, tuple(events), tuple(dates), tuple(statuses), tuple(categories))

    for event in history.events:
        day = event.date
        if day > as_of:
            break
        source, transition, problems = _problems(
            prefix, event, rules, status, dates[-1] if dates else None
        )
        target, after_suspension = _after(status, before_suspension, event.kind)
        if dates and day < dates[-1]:
            # Out of date order: placed after the events of its day, and everything replayed.
            position = bisect_right(dates, day)
            events.insert(position, event)
            dates.insert(position, day)
            statuses.clear()
            categories.clear()
            status, category, before_suspension = Status.NONE, None, Status.NONE
            for placed in events:
                status, before_suspension = _after(status, before_suspension, placed.kind)
                if placed.category is not None:
                    category = placed.category
                statuses.append(status)
                categories.append(category)
        else:
            status, before_suspension = target, after_suspension
            if event.category is not None:
                category = event.category
            events.append(event)
            dates.append(day)
            statuses.append(status)
            categories.append(category)
        if problems:
            citation = (
                transition.citation
                if transition is not None and transition.citation is not None
                else general
            )
            violations.extend(
                Violation(
                    code="membership.illegal_transition",
                    severity=Severity.ERROR,
                    subject=subject,
                    message=Text(
                        "{date}: {source} -> {target} on {kind}: {problem}.",
                        date=event.date,
                        source=source.value,
                        target=target.value,
                        kind=event.kind.value,
                        problem=problem,
                    ),
                    citation=citation,
                )
                for problem in problems
            )
    replayed = prefix()
    for check in rules.checks:
        violations.extend(check(replayed, as_of))
    return tuple(violations)


# ---------------------------------------------------------------------------------------------
# The register
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Member:
    """A person in the register.

    Attributes:
        id: the person's identifier, unique in the register.
        history: their events.
        birth_date: their date of birth, where a rule depends on age.
    """

    id: str
    history: History
    birth_date: date | None = None

    @classmethod
    def of(cls, member_id: str, events: Iterable[Event], birth_date: date | None = None) -> Member:
        """Build a member from their events."""
        return cls(member_id, History.of(member_id, events), birth_date)

    def status_at(self, day: date) -> Status:
        """The member's status at the end of ``day``."""
        return status_at(self.history, day)


def _unique(members: Iterable[Member]) -> Iterator[Member]:
    seen: set[str] = set()
    for member in members:
        if member.id in seen:
            raise DuplicateId("members", member.id, "a member id appears twice in the register")
        seen.add(member.id)
        yield member


def statuses_on(members: Iterable[Member], day: date) -> Iterator[tuple[str, Status]]:
    """Stream ``(member id, status)`` for every member on ``day``.

    Raises:
        DuplicateId: when a member id appears twice (raised when it is reached).
    """
    seen: set[str] = set()
    remember = seen.add
    for count, member in enumerate(members, start=1):
        member_id = member.id
        remember(member_id)
        if len(seen) != count:
            raise DuplicateId("members", member_id, "a member id appears twice in the register")
        history = member.history
        yield member_id, history._lookup[bisect_right(history.dates, day)]  # noqa: SLF001


def members_with_status(
    members: Iterable[Member], day: date, statuses: Iterable[Status]
) -> Iterator[Member]:
    """Stream the members whose status on ``day`` is one of ``statuses``."""
    wanted = frozenset(statuses)
    for member in _unique(members):
        if status_at(member.history, day) in wanted:
            yield member


def count_by_status(members: Iterable[Member], day: date) -> Counter[Status]:
    """Count members per status on ``day``."""
    return Counter(status for _, status in statuses_on(members, day))


def count_by_status_and_category(
    members: Iterable[Member], day: date
) -> Counter[tuple[Status, str | None]]:
    """Count members per (status, category) on ``day``."""
    counts: Counter[tuple[Status, str | None]] = Counter()
    for member in _unique(members):
        counts[status_at(member.history, day), category_at(member.history, day)] += 1
    return counts


def deadlines_within(
    members: Iterable[Member], day: date, days: int, rules: MembershipRules
) -> Iterator[Obligation]:
    """Stream the unmet obligations falling due from ``day`` to ``day + days`` (both included).

    Obligations come from ``rules.obligations``; a regime without any yields nothing. Overdue
    obligations (due before ``day``) are not included: use the obligations function directly.
    """
    if isinstance(days, bool) or not isinstance(days, int) or days < 0:
        raise InvalidInput("days", days, "a number of days is a non-negative int")
    compute = rules.obligations
    if compute is None:
        return
    horizon = day + timedelta(days=days)
    cheap = rules.due
    seen: set[str] = set()
    remember = seen.add
    for count, member in enumerate(members, start=1):
        remember(member.id)
        if len(seen) != count:
            raise DuplicateId("members", member.id, "a member id appears twice in the register")
        history = member.history
        if cheap is not None:
            pending = cheap(history, day)
            if pending and _any_within(pending, day, horizon):
                codes = {code for code, due in pending if day <= due <= horizon}
                yield from (o for o in compute(history, day) if o.code in codes and not o.met_on)
            continue
        for obligation in compute(history, day):
            if obligation.met_on is None and day <= obligation.due <= horizon:
                yield obligation


def _any_within(pending: Iterable[tuple[str, date]], day: date, horizon: date) -> bool:
    """Whether a due date of ``pending`` falls from ``day`` to ``horizon`` (a loop: no frame)."""
    for _, due in pending:  # noqa: SIM110 - any() over a generator costs a frame per member
        if day <= due <= horizon:
            return True
    return False


# ---------------------------------------------------------------------------------------------
# Building blocks for regimes
# ---------------------------------------------------------------------------------------------


def graph(
    table: Mapping[Status, Iterable[EventKind]],
    *,
    citation: Citation | None = None,
    conditions: Mapping[tuple[Status, EventKind], Iterable[Condition]] | None = None,
    citations: Mapping[tuple[Status, EventKind], Citation] | None = None,
) -> tuple[Transition, ...]:
    """Build transitions from a table ``status -> allowed event kinds``.

    ``conditions`` and ``citations`` attach conditions and a specific citation to some pairs; the
    others get ``citation``.

    ```pycon
    >>> len(graph({Status.NONE: [EventKind.APPLIED], Status.APPLICANT: [EventKind.ADMITTED]}))
    2

    ```
    """
    conditions = conditions or {}
    citations = citations or {}
    return tuple(
        Transition(
            source,
            kind,
            _conditions(conditions.get((source, kind), ())),
            citations.get((source, kind), citation),
        )
        for source, kinds in table.items()
        for kind in kinds
    )


def decision_required(
    *,
    body: str,
    majority: Fraction | None = None,
    of_present: bool = False,
    notice_required: bool = False,
    reasons_within_days: int | None = None,
    grounds: Iterable[str] | None = None,
) -> Condition:
    """A condition: the event must rest on a decision of ``body`` meeting these requirements.

    Args:
        body: who must decide (``"board"``, ``"general_meeting"``).
        majority: the share of the votes cast (or of those present, with ``of_present``) that must
            be in favour, at least; ``Fraction(2, 3)`` for two thirds.
        of_present: count the majority on the members of the body present rather than votes cast.
        notice_required: written notice (of the grounds, and of the meeting where the member
            may be heard) must have been given before the decision.
        reasons_within_days: written reasons must be sent within this many days of the decision.
        grounds: the only grounds allowed (codes); ``None`` for any.
    """
    allowed = frozenset(grounds) if grounds is not None else None

    def check(context: TransitionContext) -> Text | None:
        decision = context.event.decision
        if decision is None or decision.body != body:
            return Text(
                "a decision of the {body} is required",
                body=body,
            )
        problems = _decision_problems(decision, majority, of_present=of_present)
        if decision.date > context.event.date:
            problems.append(
                Text(
                    "the decision ({date}) is dated after the event it decides",
                    date=decision.date,
                )
            )
        if notice_required and (
            decision.notice_given is None or decision.notice_given > decision.date
        ):
            problems.append(Text("written notice must be given before the decision"))
        if reasons_within_days is not None:
            late = (
                decision.reasons_sent is None
                or (decision.reasons_sent - decision.date).days > reasons_within_days
            )
            if late:
                problems.append(
                    Text(
                        "written reasons must be sent within {reasons_within_days} days",
                        reasons_within_days=reasons_within_days,
                    )
                )
        if allowed is not None and decision.grounds not in allowed:
            problems.append(
                Text(
                    "grounds {grounds} are not among those the law lists ({items})",
                    grounds=f"{decision.grounds!r}",
                    items=", ".join(sorted(allowed)),
                )
            )
        if not problems:
            return None
        joined = problems[0]
        for problem in problems[1:]:
            joined = Text("{first}; {second}", first=joined, second=problem)
        return joined

    return check


def _decision_problems(
    decision: Decision, majority: Fraction | None, *, of_present: bool
) -> list[Text]:
    if majority is None:
        return []
    base = decision.present if of_present else decision.votes_cast
    what = Text("directors present") if of_present else Text("votes cast")
    if decision.votes_for is None or base is None or base <= 0:
        return [Text("the decision must record the votes in favour and the {what}", what=what)]
    if Fraction(decision.votes_for, base) < majority:
        return [
            Text(
                "{votes_for} of {base} {what} is below the required {majority}",
                votes_for=decision.votes_for,
                base=base,
                what=what,
                majority=majority,
            )
        ]
    return []


def to_mermaid(rules: MembershipRules) -> str:
    """Draw the transition graph as a mermaid ``stateDiagram-v2`` (for the docs).

    States and events are named by their stable codes; conditional transitions are marked with an
    asterisk; a reinstatement is drawn back to ``member``. Annotation events (leave, extension,
    category change) are not drawn.

    ```pycon
    >>> print(to_mermaid(MembershipRules(graph({Status.NONE: [EventKind.APPLIED]}))))
    stateDiagram-v2
        [*] --> applicant: applied

    ```
    """
    lines = ["stateDiagram-v2"]
    for transition in rules.transitions:
        source = "[*]" if transition.source is Status.NONE else transition.source.value
        if transition.event is EventKind.REINSTATED:
            target = "member"
        else:
            target_status = transition.event.target
            target = target_status.value if target_status is not None else source
        mark = "*" if transition.conditions else ""
        lines.append(f"    {source} --> {target}: {transition.event.value}{mark}")
    return "\n".join(lines)
