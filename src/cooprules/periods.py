"""Dates and periods: half-open periods, month arithmetic, suspensions, working days.

Conventions (used by every engine):

* A [`Period`][cooprules.periods.Period] is **half-open**: ``[start, end)``. It contains ``start``
  and every day before ``end``; ``end`` is the first day no longer covered. Its length in days is
  ``end - start``.
* **Months are added with** ``dateutil.relativedelta``:
  [`add_months()`][cooprules.periods.add_months] gives the same day of the month ``n`` months later,
  or the **last day of that month** when it is shorter (31 August 2025 + 18 months is 28 February
  2027).
* **A period of n months** ([`months_end()`][cooprules.periods.months_end],
  [`Period.of_months()`][cooprules.periods.Period.of_months]) runs, as the civil law counts it (*de
  quantième à veille de quantième*), from the start date to the eve of the same date ``n`` months
  later; when that date does not exist (31 February), to the **end of that month**. So 18 months
  from 31 August 2025 last until 28 February 2027 included (the period's ``end`` is 1 March 2027),
  and 18 months from 15 September 2025 until 14 March 2027 included.
* A **suspension** (sick leave, parental leave) pushes a deadline back by the number of its days
  that fall between the start and the deadline as it stands when the suspension begins; see
  [`push_deadline()`][cooprules.periods.push_deadline]. A suspension never brings a deadline
  earlier.
* **Working days** come from a [`WorkingCalendar`][cooprules.periods.WorkingCalendar]: a weekday
  calendar is built in; a jurisdiction plug-in supplies one with its public holidays.

```pycon
>>> from datetime import date
>>> add_months(date(2025, 8, 31), 18)
datetime.date(2027, 2, 28)
>>> Period.of_months(date(2025, 8, 31), 18).last_day
datetime.date(2027, 2, 28)
>>> leave = Period(date(2026, 1, 5), date(2026, 2, 14))  # 40 days of sick leave
>>> push_deadline(date(2025, 8, 31), date(2027, 3, 1), [leave])
datetime.date(2027, 4, 10)

```
"""

from __future__ import annotations

from calendar import isleap
from collections.abc import Iterable
from datetime import date, timedelta
from itertools import pairwise
from typing import Final, Protocol, TypeVar, runtime_checkable

import attrs
from dateutil.relativedelta import relativedelta

from cooprules.errors import InvalidPeriod

__all__ = [
    "Dated",
    "Period",
    "WeekdayCalendar",
    "WorkingCalendar",
    "add_months",
    "add_months_unchecked",
    "check_date",
    "in_force",
    "months_end",
    "overlapping",
    "push_deadline",
    "push_deadline_bounds",
    "working_days",
]

_SATURDAY = 5


class Dated(Protocol):
    """A dated version of a rule: it applies from ``valid_from`` until ``valid_until`` (excluded).

    A parameter, a vote cap, a levy schedule: every version of a rule has these two dates, and
    [`in_force()`][cooprules.periods.in_force] and [`overlapping()`][cooprules.periods.overlapping]
    are the one reading of them.
    """

    @property
    def valid_from(self) -> date:
        """The first day the version applies."""
        ...  # pragma: no cover - protocol

    @property
    def valid_until(self) -> date | None:
        """The first day it no longer applies (``None``: still in force)."""
        ...  # pragma: no cover - protocol


def in_force(version: Dated, on: date) -> bool:
    """Whether ``version`` applies on ``on``: from its first day, until its end (excluded)."""
    return version.valid_from <= on and (version.valid_until is None or on < version.valid_until)


D = TypeVar("D", bound=Dated)


def overlapping(versions: Iterable[D]) -> tuple[D, D] | None:
    """The first two versions in force on the same day (by start), or ``None`` if none are.

    ```pycon
    >>> from cooprules.levies import Schedule
    >>> a = Schedule.flat("10%", currency="EUR", valid_until=date(2027, 1, 1))
    >>> b = Schedule.flat("9%", currency="EUR", valid_from=date(2026, 7, 1))
    >>> overlapping([b, a]) == (a, b), overlapping([a]) is None
    (True, True)

    ```
    """
    ordered = sorted(versions, key=lambda version: version.valid_from)
    for earlier, later in pairwise(ordered):
        if earlier.valid_until is None or earlier.valid_until > later.valid_from:
            return earlier, later
    return None


def check_date(value: object, *, field: str = "date") -> date:
    """Return ``value`` if it is a ``date`` (not a ``datetime``); else raise ``InvalidPeriod``."""
    if not isinstance(value, date) or hasattr(value, "hour"):
        raise InvalidPeriod(field, value, "expected a datetime.date (without time)")
    return value


def add_months(start: date, months: int | relativedelta) -> date:
    """Return ``start`` plus ``months`` months, clamped to the end of a shorter month.

    ``months`` is a number of months, or a ``relativedelta`` of whole months built once by a
    caller that adds the same length many times.

    ```pycon
    >>> add_months(date(2024, 2, 29), 12), add_months(date(2025, 1, 31), 1)
    (datetime.date(2025, 2, 28), datetime.date(2025, 2, 28))

    ```
    """
    check_date(start, field="start")
    if isinstance(months, relativedelta):
        if (
            months.days
            or months.leapdays
            or months.hours
            or months.minutes
            or months.seconds
            or months.microseconds
            or months.year is not None
            or months.month is not None
            or months.day is not None
            or months.weekday is not None
        ):
            raise InvalidPeriod("months", months, "a relativedelta of whole months only")
        return add_months_unchecked(start, 12 * months.years + months.months)
    if isinstance(months, bool) or not isinstance(months, int):
        raise InvalidPeriod("months", months, "a number of months is an int")
    return add_months_unchecked(start, months)


_MONTH_DAYS: Final = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_SHORTEST_MONTH: Final = 28
_FEBRUARY: Final = 2


def add_months_unchecked(start: date, months: int) -> date:
    """[`add_months()`][cooprules.periods.add_months] on an int, without checks, for engines.

    The month arithmetic in integers (``relativedelta``'s rule: the same day ``months`` later,
    clamped to the end of a shorter month), about ten times cheaper than ``start +
    relativedelta(months=months)``; [`add_months()`][cooprules.periods.add_months] checks its
    arguments and calls this.

    Raises:
        ValueError: the result falls outside the years 1 to 9999 (as ``date`` does).
    """
    shifted = start.month - 1 + months
    year = start.year + shifted // 12
    month = shifted % 12 + 1
    day = start.day
    if day > _SHORTEST_MONTH:
        day = min(day, _MONTH_DAYS[month - 1] + (month == _FEBRUARY and isleap(year)))
    return date(year, month, day)


def months_end(start: date, months: int | relativedelta) -> date:
    """Return the end (exclusive) of a period of ``months`` months from ``start``.

    The period's last day is the eve of the same date ``months`` later, or the last day of that
    month when the date does not exist there.

    ```pycon
    >>> months_end(date(2025, 8, 31), 18), months_end(date(2025, 9, 15), 18)
    (datetime.date(2027, 3, 1), datetime.date(2027, 3, 15))

    ```
    """
    target = add_months(start, months)
    if target.day != start.day:  # that date does not exist there: the month's last day is included
        return target + timedelta(days=1)
    return target


def _check_end(instance: Period, _attribute: attrs.Attribute[date], value: date) -> None:
    check_date(value, field="end")
    if value < instance.start:
        raise InvalidPeriod(
            "end", value, f"the period ends before it starts ({instance.start.isoformat()})"
        )


def _check_start(_instance: object, _attribute: attrs.Attribute[date], value: date) -> None:
    check_date(value, field="start")


@attrs.frozen(order=True)
class Period:
    """A half-open period of days ``[start, end)``.

    Attributes:
        start: the first day covered.
        end: the first day no longer covered (``end == start`` is an empty period).

    Raises:
        InvalidPeriod: if ``end`` is before ``start`` or either is not a date.
    """

    start: date = attrs.field(validator=_check_start)
    end: date = attrs.field(validator=_check_end)

    @classmethod
    def of_months(cls, start: date, months: int) -> Period:
        """The period of ``months`` months from ``start`` (see `months_end()`)."""
        return cls(start, months_end(start, months))

    @classmethod
    def inclusive(cls, first: date, last: date) -> Period:
        """The period from ``first`` to ``last``, both included."""
        return cls(first, last + timedelta(days=1))

    @property
    def days(self) -> int:
        """The number of days covered."""
        return (self.end - self.start).days

    @property
    def last_day(self) -> date:
        """The last day covered (the day before ``end``).

        Raises:
            InvalidPeriod: for an empty period.
        """
        if self.end == self.start:
            raise InvalidPeriod("period", self, "an empty period has no last day")
        return self.end - timedelta(days=1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end

    def overlap(self, other: Period) -> int:
        """The number of days both periods cover."""
        return max(0, (min(self.end, other.end) - max(self.start, other.start)).days)

    def intersection(self, other: Period) -> Period | None:
        """The days both periods cover, or ``None`` if none."""
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Period(start, end) if start < end else None


def _bounds(period: Period) -> tuple[date, date]:
    return period.start, period.end


def push_deadline(start: date, deadline: date, suspensions: Iterable[Period]) -> date:
    """Push ``deadline`` back by the suspended days between ``start`` and the deadline.

    Suspensions are taken in order of their start. Each one adds the days it covers from ``start``
    (or its own start) up to the deadline *as pushed so far*, so a suspension that begins after the
    original deadline but before the pushed one still counts. Overlapping suspensions count each
    day once. The result is never earlier than ``deadline``.

    ```pycon
    >>> s = [Period(date(2026, 1, 1), date(2026, 1, 11)),
    ...      Period(date(2026, 1, 6), date(2026, 1, 16))]
    >>> push_deadline(date(2025, 9, 1), date(2027, 3, 1), s)  # 15 distinct days
    datetime.date(2027, 3, 16)

    ```
    """
    check_date(start, field="start")
    check_date(deadline, field="deadline")
    if deadline < start:
        raise InvalidPeriod("deadline", deadline, f"is before the start {start.isoformat()}")
    return push_deadline_bounds(start, deadline, sorted(map(_bounds, suspensions)))


def push_deadline_bounds(
    start: date, deadline: date, suspensions: Iterable[tuple[date, date]]
) -> date:
    """`push_deadline()` on ``(start, end)`` pairs already sorted, without checks.

    For engines that read many histories: the pairs are half-open like
    [`Period`][cooprules.periods.Period], sorted by start, and ``deadline >= start``;
    [`push_deadline()`][cooprules.periods.push_deadline] checks all that and calls this.
    """
    current = deadline
    covered_until = start  # days before this are already counted
    for first_day, last in suspensions:
        first = max(covered_until, first_day)
        if first >= current:
            break
        if last <= first:
            continue
        current += last - first  # the whole suspension (from `first`) falls before `current`,
        covered_until = last  # or pushes `current` past it: both count every day once
    return current


@runtime_checkable
class WorkingCalendar(Protocol):
    """Tells which days are working days (a plug-in adds its public holidays)."""

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a working day."""
        ...  # pragma: no cover - protocol


@attrs.frozen
class WeekdayCalendar:
    """Monday to Friday are working days; no public holidays (a fallback, not a jurisdiction)."""

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is Monday to Friday."""
        return day.weekday() < _SATURDAY


def working_days(period: Period, calendar: WorkingCalendar | None = None) -> int:
    """Count the working days in ``period`` (a weekday calendar unless one is given).

    ```pycon
    >>> working_days(Period(date(2026, 11, 2), date(2026, 11, 9)))  # Monday to Sunday
    5

    ```
    """
    cal = calendar or WeekdayCalendar()
    day, count = period.start, 0
    one = timedelta(days=1)
    while day < period.end:
        count += cal.is_working_day(day)
        day += one
    return count
