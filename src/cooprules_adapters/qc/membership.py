"""Quebec membership rules under the Cooperatives Act (CQLR c C-67.2).

* **Suspension and exclusion** (s.57, s.58): only on the grounds s.57 lists (a by-law cannot add
  any), after written notice of the grounds and of the meeting, by **two thirds of the votes cast
  by the directors present**, with a written, reasoned decision sent **within 15 days** (the law
  file's ``qc.board_suspend_or_exclude_majority`` and ``qc.board_reasons_within_days``, read when
  the rules are bound on a date).
* **Trial period of a worker co-op** (s.224.2): by by-law, a worker may be an **auxiliary member**
  on trial for **at most 250 days of work over at most 18 months**. The Act does not define a day
  of work: the days actually worked are an input
  ([`trial_limit()`][cooprules_adapters.qc.membership.trial_limit]); without them, the obligations
  estimate the 250th day of work as the 250th working day of the Quebec calendar (weekdays less
  statutory holidays, from the ``holidays`` package).
* **Founders** (s.7, s.223.1): at least 5, or 3 for a worker co-operative.
* **Solidarity co-operative** (s.226.1): members in at least two of the three categories (user,
  worker, supporting).

References:
    * Cooperatives Act, ss. 7, 52, 57, 58, 223.1, 224.2, 226.1:
      https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from fractions import Fraction
from functools import partial
from typing import TYPE_CHECKING, Final

from cooprules.accompaniment import Obligation
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, Explanation, Severity, Step, Text, Violation
from cooprules.membership import (
    Category,
    Condition,
    EventKind,
    History,
    Member,
    MembershipRules,
    Status,
    category_at,
    decision_required,
    graph,
    status_at,
)
from cooprules.parameters import Company
from cooprules.parameters import Membership as MembershipKeys
from cooprules.periods import WorkingCalendar, months_end
from cooprules_adapters.calendars import HolidayCalendar
from cooprules_adapters.qc.sources import LAW
from cooprules_adapters.qc.sources import Keys as QcKeys

if TYPE_CHECKING:
    from cooprules.regime import Rules

__all__ = [
    "EXCLUSION",
    "EXCLUSION_GROUNDS",
    "MEMBERS",
    "MEMBERSHIP",
    "SOLIDARITY_MEMBERSHIP",
    "TRIAL",
    "TRIAL_DAYS",
    "TRIAL_MONTHS",
    "WORK_MEMBERSHIP",
    "founding_violations",
    "solidarity_category_violations",
    "trial_limit",
    "trial_obligations",
]

ACT = "Cooperatives Act (CQLR c C-67.2)"

EXCLUSION = Citation(
    instrument=ACT,
    article="ss. 57-58",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC,
    url="http://www.legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:58&pointInTime=20200715",
    title="Suspension or exclusion: listed grounds, notice, 2/3 of directors' votes, 15 days",
)
MEMBERS = Citation(
    instrument=ACT,
    article="ss. 52-60.2",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC_2,
    url="https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2",
    title="Members: auxiliary members, suspension and exclusion on the listed grounds only",
)
"""The Act's general rule on members, cited for an event its graph does not allow."""
TRIAL: Final = LAW.citation("act-s-224-2-2")
"""Cooperatives Act s.224.2: the trial period (the law file's citation)."""
FOUNDERS = Citation(
    instrument=ACT,
    article="s. 7; s. 223.1",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC_2,
    url="https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2",
    title="At least 5 founders; 3 for a worker co-operative",
)
SOLIDARITY = Citation(
    instrument=ACT,
    article="s. 226.1",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC_2,
    url="https://vdocuments.fr/les-particularits-de-la-cooprative-de-solidarit.html",
    title="Solidarity co-operative: at least two of the three categories of members",
)

TRIAL_DAYS: Final = LAW.latest("qc-work", MembershipKeys.trial_max_days_worked).value
"""Most days of work a trial may last (s.224.2), as the law file has it in force."""
TRIAL_MONTHS: Final = LAW.latest("qc-work", MembershipKeys.trial_max_months).value
"""Longest period, in months, a trial may span (s.224.2), as the law file has it in force."""

EXCLUSION_GROUNDS = (
    "no_use_of_services",
    "breach_of_bylaws",
    "unpaid_qualifying_shares",
    "unmet_obligations",
    "minimum_business_not_done",
    "competes_with_coop",
)
"""The grounds s.57 lists for a suspension or an exclusion; a by-law cannot add any."""

_BOARD_FIGURES: Final = (
    LAW.latest("qc-coop", QcKeys.board_suspend_or_exclude_majority).value.value,
    LAW.latest("qc-coop", QcKeys.board_reasons_within_days).value,
)
"""The board's majority to suspend or exclude (s.58: 2/3 of the votes cast by the directors
present) and the days it has to send its written reasons (15), as the law file has them in
force; the rules bound on a date read the versions of that date."""


def _board_figures(rules: Rules) -> tuple[Fraction, int]:
    """The s.58 majority and days in force on ``rules.as_of``."""
    majority = rules.require(QcKeys.board_suspend_or_exclude_majority).value
    return majority.value, rules.require(QcKeys.board_reasons_within_days).value


def _decided(board: tuple[Fraction, int]) -> dict[tuple[Status, EventKind], list[Condition]]:
    """The events only the board decides (s.58), by ``board``'s majority and within its days."""
    majority, days = board
    decision = decision_required(
        body="board",
        majority=majority,
        notice_required=True,
        reasons_within_days=days,
        grounds=EXCLUSION_GROUNDS,
    )
    return {event: [decision] for event in _DECIDED_EVENTS}


_MEMBER_LIFE = {
    Status.NONE: [EventKind.APPLIED, EventKind.ADMITTED],
    Status.APPLICANT: [EventKind.ADMITTED, EventKind.EXITED],
    Status.MEMBER: [EventKind.SUSPENDED, EventKind.RESIGNED, EventKind.EXCLUDED, EventKind.DIED],
    Status.SUSPENDED: [
        EventKind.REINSTATED,
        EventKind.RESIGNED,
        EventKind.EXCLUDED,
        EventKind.DIED,
    ],
    Status.RESIGNED: [EventKind.APPLIED],
    Status.EXITED: [EventKind.APPLIED],
}
_DECIDED_EVENTS = (
    (Status.MEMBER, EventKind.SUSPENDED),
    (Status.MEMBER, EventKind.EXCLUDED),
    (Status.SUSPENDED, EventKind.EXCLUDED),
)
_DECIDED_CITATIONS = dict.fromkeys(_DECIDED_EVENTS, EXCLUSION)


def _rules(
    table: dict[Status, list[EventKind]],
    categories: tuple[Category, ...] = (),
    board: tuple[Fraction, int] = _BOARD_FIGURES,
) -> MembershipRules:
    return MembershipRules(
        transitions=graph(table, conditions=_decided(board), citations=_DECIDED_CITATIONS),
        categories=categories,
        citation=MEMBERS,
        reads_law=partial(_rules_of, table, categories),
    )


def _rules_of(
    table: dict[Status, list[EventKind]], categories: tuple[Category, ...], rules: Rules
) -> MembershipRules:
    """The rules with the board's figures in force on ``rules.as_of``."""
    return _rules(table, categories, _board_figures(rules))


MEMBERSHIP = _rules(_MEMBER_LIFE)
"""Any Quebec co-operative: admission, and suspension or exclusion under ss. 57-58."""


def trial_limit(
    subject: str,
    start: date,
    *,
    days_worked: Iterable[date] | None = None,
    calendar: WorkingCalendar | None = None,
    met_on: date | None = None,
    days: int = TRIAL_DAYS,
    months: int = TRIAL_MONTHS,
) -> Obligation:
    """When a worker co-op's trial must end: the 250th day of work or 18 months, the earlier.

    Args:
        subject: the auxiliary member.
        start: the first day of the trial.
        days_worked: the days the worker actually worked for the co-op (the Act's measure). When
            absent, the 250th working day of ``calendar`` (Quebec's by default) estimates it.
        calendar: the working-day calendar for the estimate.
        met_on: the day the trial ended (admission or departure), if it has.
        days: the law's limit in days of work (s.224.2: 250).
        months: the law's limit in months (s.224.2: 18).

    ```pycon
    >>> every_other_day = [date(2025, 3, 3) + timedelta(d) for d in range(0, 700, 2)]
    >>> trial_limit("w", date(2025, 3, 3), days_worked=every_other_day).due  # 250th day of work
    datetime.date(2026, 7, 14)

    ```
    """
    months_last = months_end(start, months) - timedelta(days=1)
    if days_worked is not None:
        worked = sorted({d for d in days_worked if d >= start})
        day_250 = worked[days - 1] if len(worked) >= days else None
        measure = Text("days actually worked")
        counted = len([d for d in worked if d <= months_last])
    else:
        day_250 = _nth_working_day(start, days, months_last, calendar)
        measure = Text("estimate: working days of the Quebec calendar")
        counted = days if day_250 is not None else 0
    due = months_last if day_250 is None else min(day_250, months_last)
    reached = (
        f"{days} days of work"
        if day_250 is not None and day_250 <= months_last
        else f"{months} months"
    )
    step = Step(
        what=Text("End of the trial period"),
        inputs={
            "start": start,
            f"{months} months, last day": months_last,
            f"{days}th day of work": day_250 if day_250 is not None else "not reached",
            "days of work counted": counted,
            "measure": measure,
        },
        result=due,
        citation=TRIAL,
        note=Text(
            "limit reached first: {reached}",
            reached=reached,
        ),
    )
    return Obligation(
        subject=subject,
        code="qc.work.trial_end",
        what=Text("admit the auxiliary member or end the trial"),
        due=due,
        consequence=Text(
            "the trial cannot continue beyond {days} days of work or {months} months",
            days=days,
            months=months,
        ),
        citation=TRIAL,
        met_on=met_on,
        explanation=Explanation((step,)),
    )


def _nth_working_day(
    start: date, n: int, last: date, calendar: WorkingCalendar | None
) -> date | None:
    cal = calendar if calendar is not None else HolidayCalendar("CA", subdivision="QC")
    day, count = start, 0
    one = timedelta(days=1)
    while day <= last:
        if cal.is_working_day(day):
            count += 1
            if count == n:
                return day
        day += one
    return None


def trial_obligations(
    history: History, as_of: date, *, days: int = TRIAL_DAYS, months: int = TRIAL_MONTHS
) -> tuple[Obligation, ...]:
    """The trial's end for an auxiliary member (estimated from the Quebec calendar)."""
    trial = history.last(EventKind.TRIAL_STARTED, on_or_before=as_of)
    if trial is None:
        return ()
    ended = next(
        (
            e.date
            for e in history.events
            if e.date >= trial.date
            and e is not trial
            and e.kind in {EventKind.ADMITTED, EventKind.EXITED, EventKind.DIED}
        ),
        None,
    )
    return (trial_limit(history.subject, trial.date, met_on=ended, days=days, months=months),)


def _trial_overdue(history: History, as_of: date, *, days: int, months: int) -> Iterable[Violation]:
    if status_at(history, as_of) is not Status.AUXILIARY:
        return ()
    return tuple(
        Violation(
            code="qc.work.trial_overdue",
            severity=Severity.ERROR,
            subject=history.subject,
            message=Text(
                "Still on trial after {due}: at most {days} days of work over at most {months} "
                "months.",
                due=o.due,
                days=days,
                months=months,
            ),
            citation=TRIAL,
        )
        for o in trial_obligations(history, as_of, days=days, months=months)
        if as_of > o.due
    )


_WORKER = Category("worker", Text("worker member"))


def _work_rules(
    days: int, months: int, board: tuple[Fraction, int] = _BOARD_FIGURES
) -> MembershipRules:
    """A worker co-operative's membership rules with a trial of ``days`` and ``months``."""
    return MembershipRules(
        transitions=graph(
            {
                **_MEMBER_LIFE,
                Status.NONE: [EventKind.APPLIED, EventKind.ADMITTED, EventKind.TRIAL_STARTED],
                Status.APPLICANT: [EventKind.ADMITTED, EventKind.TRIAL_STARTED, EventKind.EXITED],
                Status.AUXILIARY: [EventKind.ADMITTED, EventKind.EXITED, EventKind.DIED],
            },
            conditions=_decided(board),
            citations={
                **_DECIDED_CITATIONS,
                (Status.NONE, EventKind.TRIAL_STARTED): TRIAL,
                (Status.APPLICANT, EventKind.TRIAL_STARTED): TRIAL,
                (Status.AUXILIARY, EventKind.ADMITTED): TRIAL,
            },
        ),
        categories=(_WORKER,),
        citation=MEMBERS,
        checks=(partial(_trial_overdue, days=days, months=months),),
        obligations=partial(trial_obligations, days=days, months=months),
        reads_law=_work_rules_of,
    )


def _work_rules_of(rules: Rules) -> MembershipRules:
    """A worker co-operative's membership rules with the trial limits in force that day."""
    return _work_rules(
        rules.require(MembershipKeys.trial_max_days_worked).value,
        rules.require(MembershipKeys.trial_max_months).value,
        _board_figures(rules),
    )


WORK_MEMBERSHIP: Final = _work_rules(TRIAL_DAYS, TRIAL_MONTHS)
"""A worker co-operative: worker members, and auxiliary members on trial (s.224.2)."""

SOLIDARITY_MEMBERSHIP = _rules(
    _MEMBER_LIFE,
    (
        Category("user", Text("user member"), SOLIDARITY),
        Category("worker", Text("worker member"), SOLIDARITY),
        Category("supporting", Text("supporting member"), SOLIDARITY),
    ),
)
"""A solidarity co-operative: user, worker and supporting members."""


def founding_violations(founders: int, minimum: int) -> tuple[Violation, ...]:
    """Fewer founders than the Act requires (5; 3 for a worker co-op: ``minimum``)."""
    if isinstance(founders, bool) or not isinstance(founders, int) or founders < 0:
        raise InvalidInput("founders", founders, "a number of founders is a non-negative int")
    if founders >= minimum:
        return ()
    return (
        Violation(
            code="qc.founders_minimum",
            severity=Severity.ERROR,
            subject="founders",
            message=Text(
                "{founders} founder(s); the Act requires at least {minimum}.",
                founders=founders,
                minimum=minimum,
            ),
            citation=FOUNDERS,
        ),
    )


def solidarity_category_violations(
    members: Iterable[Member], as_of: date, *, rules: Rules | None = None
) -> tuple[Violation, ...]:
    """A solidarity co-op must have members in at least two of its three categories (s. 226.1).

    The least number of categories is the law file's ``company.min_categories``: the version of
    ``rules`` (bound on a date) when given, else the version in force; the violation cites it.

    Raises:
        InvalidParameter: ``rules`` have no such minimum on their date.
    """
    least = (
        rules.require(Company.min_categories)
        if rules is not None
        else LAW.latest("qc-solidarity", Company.min_categories)
    )
    present: set[str] = {
        category
        for m in members
        if status_at(m.history, as_of) in {Status.MEMBER, Status.SUSPENDED}
        and (category := category_at(m.history, as_of)) in {"user", "worker", "supporting"}
        and category is not None
    }
    if len(present) >= least.value:
        return ()
    return (
        Violation(
            code="qc.solidarity.categories",
            severity=Severity.ERROR,
            subject="register",
            message=Text(
                "Members in {count} category(ies) ({categories}); a solidarity co-operative "
                "needs at least {least} of user, worker and supporting members.",
                count=len(present),
                categories=", ".join(sorted(present)) or Text("none", context="category"),
                least=least.value,
            ),
            citation=least.citation,
        ),
    )
