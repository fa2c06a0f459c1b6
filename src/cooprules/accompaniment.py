"""Accompaniment periods and the obligations that fall due.

A candidate entrepreneur (BE), a CAPE or CESA holder (FR) or an auxiliary member on trial (QC) is
*accompanied* for a limited time: from a start, for a statutory maximum (18 months, 3 years…),
possibly extended within the regime's bounds, pushed back by suspensions such as sick or parental
leave, and ended for a reason. An [`Accompaniment`][cooprules.accompaniment.Accompaniment] computes
its deadline by the rules of [`cooprules.periods`][cooprules.periods]; an
[`Obligation`][cooprules.accompaniment.Obligation] says what must happen by when, and what follows
if it does not.

```pycon
>>> from datetime import date
>>> from cooprules.periods import Period
>>> a = Accompaniment(start=date(2025, 8, 31), max_months=18,
...                   suspensions=(Period(date(2026, 1, 5), date(2026, 2, 14)),))
>>> a.base_end, a.end, a.last_day
(datetime.date(2027, 3, 1), datetime.date(2027, 4, 10), datetime.date(2027, 4, 9))

```
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date, timedelta

import attrs

from cooprules.errors import InvalidInput, InvalidPeriod
from cooprules.explain import Citation, Explanation, Step, Text
from cooprules.membership import EventKind, History
from cooprules.periods import Period, check_date, months_end, push_deadline

__all__ = [
    "Accompaniment",
    "EndReason",
    "Obligation",
    "ObligationState",
    "from_history",
    "leave_periods",
]


class EndReason(enum.Enum):
    """Why an accompaniment, a contract or a membership ended: the exit reasons' vocabulary.

    An exit event (``exited``, ``resigned``) names one in its ``reason``; the path report
    (`cooprules.path`) reads it. Two other spellings are read as the same reason
    ([`EndReason.parse()`][cooprules.accompaniment.EndReason.parse]): ``set_up_alone`` is
    ``self_employed``, ``stopped`` is ``abandoned``.
    """

    BECAME_MEMBER = "became_member"
    """Became a member or associate of the co-op."""
    SELF_EMPLOYED = "self_employed"
    """Left to set up on their own (BE: as a self-employed person)."""
    EMPLOYED_ELSEWHERE = "employed_elsewhere"
    """Left for a job."""
    MAXIMUM_REACHED = "maximum_reached"
    """The statutory maximum was reached."""
    ABANDONED = "abandoned"
    """Stopped by the entrepreneur or the co-op."""
    OTHER = "other"
    """Any other reason."""
    JOINED_EMPLOYMENT_COOP = "joined_employment_coop"
    """Left to become an employee of an employment co-op (BE *coopérative d'emploi*, FR CAE)."""
    JOINED_ANOTHER_COOP = "joined_another_coop"
    """Left to join another co-op (a sector co-op, a co-op of self-employed members)."""

    @classmethod
    def parse(cls, text: str | None) -> EndReason | None:
        """The reason a recorded text names: a value, or ``set_up_alone`` / ``stopped``.

        ``None`` when the text is none or names no reason of the vocabulary (free text, such as
        the grounds of an exclusion).
        """
        if text is None:
            return None
        code = _REASON_ALIASES.get(text.strip(), text.strip())
        try:
            return cls(code)
        except ValueError:
            return None


_REASON_ALIASES = {"set_up_alone": "self_employed", "stopped": "abandoned"}


def _non_negative_int(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidInput(attribute.name, value, "must be a non-negative int")


def _periods(values: Iterable[Period]) -> tuple[Period, ...]:
    return tuple(sorted(values, key=lambda p: (p.start, p.end)))


@attrs.frozen
class Accompaniment:
    """An accompaniment period and how its deadline is computed.

    Attributes:
        start: the first day.
        max_months: the statutory length in months (before extensions).
        extension_months: months added by extensions (bounded by the regime: checked by the
            regime's rules, which return a violation when exceeded).
        suspensions: periods that pause the clock (sick leave, parental leave).
        ended: the day it actually ended (the first day no longer accompanied), if it did.
        end_reason: why it ended.
        reduction_days: days to deduct from the maximum (time already spent under an earlier
            contract, e.g. a CAPE before a CESA in France).
        reduction_months: whole months to deduct from the maximum (same purpose).
    """

    start: date = attrs.field(validator=lambda _i, _a, v: check_date(v, field="start"))
    max_months: int = attrs.field(validator=_non_negative_int)
    extension_months: int = attrs.field(default=0, validator=_non_negative_int)
    suspensions: tuple[Period, ...] = attrs.field(default=(), converter=_periods)
    ended: date | None = None
    end_reason: EndReason | None = None
    reduction_days: int = attrs.field(default=0, validator=_non_negative_int)
    reduction_months: int = attrs.field(default=0, validator=_non_negative_int)
    base_end: date = attrs.field(init=False, eq=False)
    """The end (exclusive) before suspensions: start + months, less any reduction in days."""
    end: date = attrs.field(init=False, eq=False)
    """The deadline (exclusive): the base end pushed back by the suspensions."""

    def __attrs_post_init__(self) -> None:
        if self.ended is not None and self.ended < self.start:
            raise InvalidPeriod("ended", self.ended, f"is before the start {self.start}")
        if self.reduction_months > self.max_months + self.extension_months:
            raise InvalidInput(
                "reduction_months", self.reduction_months, "exceeds the maximum length"
            )
        base = months_end(self.start, self.months) - timedelta(days=self.reduction_days)
        base = max(base, self.start)
        object.__setattr__(self, "base_end", base)
        end = push_deadline(self.start, base, self.suspensions) if self.suspensions else base
        object.__setattr__(self, "end", end)

    @property
    def months(self) -> int:
        """The length in months after extensions and whole-month reductions."""
        return self.max_months + self.extension_months - self.reduction_months

    @property
    def last_day(self) -> date:
        """The last day the person may still be accompanied (the day before `end`)."""
        return max(self.start, self.end - timedelta(days=1))

    @property
    def suspended_days(self) -> int:
        """How many days the suspensions pushed the deadline."""
        return (self.end - self.base_end).days

    def is_active(self, day: date) -> bool:
        """Whether the person is accompanied on ``day``."""
        stop = self.end if self.ended is None else min(self.ended, self.end)
        return self.start <= day < stop

    def remaining_days(self, day: date) -> int:
        """Calendar days left after ``day`` until the deadline (0 once passed)."""
        return max(0, (self.end - day).days - 1)

    def explain(self, citation: Citation | None = None) -> Explanation:
        """The steps from the start to the deadline."""
        steps = [
            Step(
                what=Text("Length in months"),
                inputs={
                    "maximum": self.max_months,
                    "extensions": self.extension_months,
                    "reduction (months)": self.reduction_months,
                },
                result=self.months,
                citation=citation,
            ),
            Step(
                what=Text("End before suspensions (start + months, to the eve of the same date)"),
                inputs={
                    "start": self.start,
                    "months": self.months,
                    "reduction (days)": self.reduction_days,
                },
                result=self.base_end - timedelta(days=1),
            ),
        ]
        if self.suspensions:
            steps.append(
                Step(
                    what=Text("Deadline pushed back by suspensions"),
                    inputs={"suspended days counted": self.suspended_days},
                    result=self.last_day,
                )
            )
        return Explanation(tuple(steps))


class ObligationState(enum.Enum):
    """Where an obligation stands on a date."""

    MET = "met"
    PENDING = "pending"
    OVERDUE = "overdue"


@attrs.frozen
class Obligation:
    """Something that must happen by a date, and what follows if it does not.

    Attributes:
        subject: the person (or activity) concerned.
        code: a stable identifier (``"fr.cae.become_associate"``).
        what: what must happen, in English and French.
        due: the last day on which it may still happen (included).
        consequence: what happens if it has not happened by then.
        citation: the rule that imposes it.
        met_on: the day it happened, if it did.
        explanation: how ``due`` was computed; an adapter may pass a function that builds it,
            so that it is built only when read (register queries over many members skip it).
    """

    subject: str
    code: str
    what: Text
    due: date
    consequence: Text
    citation: Citation
    met_on: date | None = None
    _explanation: Explanation | Callable[[], Explanation] = attrs.field(
        factory=Explanation, alias="explanation", eq=False, repr=False
    )

    @property
    def explanation(self) -> Explanation:
        """How ``due`` was computed."""
        value = self._explanation
        return value if isinstance(value, Explanation) else value()

    def state(self, day: date) -> ObligationState:
        """Met (on or before ``day``), pending, or overdue on ``day``."""
        if self.met_on is not None and self.met_on <= day:
            return ObligationState.MET
        return ObligationState.OVERDUE if day > self.due else ObligationState.PENDING


def leave_periods(history: History, until: date | None = None) -> tuple[Period, ...]:
    """The leave periods recorded in a history (``LEAVE_STARTED`` to ``LEAVE_ENDED``).

    A leave with no recorded end runs to the ``end`` planned on its start event, else to
    ``until`` (a leave still open on that day), else it is ignored.
    """
    periods: list[Period] = []
    opened: date | None = None
    planned: date | None = None
    for event in history.events:
        if event.kind is EventKind.LEAVE_STARTED and opened is None:
            opened, planned = event.date, event.end
        elif event.kind is EventKind.LEAVE_ENDED and opened is not None:
            periods.append(Period(opened, max(opened, event.date)))
            opened = planned = None
    if opened is not None:
        stop = planned or until
        if stop is not None and stop > opened:
            periods.append(Period(opened, stop))
    return tuple(periods)


def from_history(
    history: History,
    *,
    opened_by: Iterable[EventKind],
    max_months: int,
    as_of: date,
    closed_by: Iterable[EventKind] = (),
    reduction_days: int = 0,
    reduction_months: int = 0,
) -> Accompaniment | None:
    """The accompaniment a history records: opened by the last ``opened_by`` event up to ``as_of``.

    Extensions (``EXTENDED`` events) and leave periods after the opening are applied; the first
    ``closed_by`` event after the opening ends it. Returns ``None`` when nothing opened one.
    """
    opening = history.last(*opened_by, on_or_before=as_of)
    if opening is None:
        return None
    closing_kinds = frozenset(closed_by)
    extension = 0
    ended: date | None = None
    for event in history.events:
        if event.date < opening.date or event is opening:
            continue
        if event.kind is EventKind.EXTENDED and event.months is not None:
            extension += event.months
        elif event.kind in closing_kinds and ended is None:
            ended = event.date
    leaves = tuple(p for p in leave_periods(history, as_of) if p.end > opening.date)
    return Accompaniment(
        start=opening.date,
        max_months=max_months,
        extension_months=extension,
        suspensions=leaves,
        ended=ended,
        reduction_days=reduction_days,
        reduction_months=reduction_months,
    )
