"""Belgian membership rules: shareholders under the CSA and candidate entrepreneurs.

* Every Belgian *société coopérative* needs at least **3 shareholders** (CSA art. 6:126: below
  that, any interested party may ask the court to dissolve it: a warning, not a dissolution). The
  figure is the law file's ``company.min_members``.
* By default a shareholder may **resign only in the first six months of the financial year**
  (CSA art. 6:120, a default the articles may change:
  [`csa_rules()`][cooprules_adapters.be.membership.csa_rules] takes the window). The six months are
  the law file's default ``be.resignation_window_months``; the regimes' rules, bound to the co-op's
  statutes, read the statutes' value of that key where they set one.
* In a *coopérative d'activités* a **candidat-entrepreneur** tests an activity under a convention
  of at most **18 months** (loi du 1er mars 2007, art. 80, and its implementing decree). At least
  **60 %** of the candidates must belong to the target group
  ([`in_target_group()`][cooprules_adapters.be.membership.in_target_group],
  [`quota_violations()`][cooprules_adapters.be.membership.quota_violations]). The historic federal
  *complément de reprise du travail* paid EUR 100 a month for up to 12 months to a candidate who
  left after at least 6 months to become self-employed
  ([`resumption_bonus()`][cooprules_adapters.be.membership.resumption_bonus]); it is now a regional
  matter.

References:
    * Code des sociétés et des associations, art. 6:120, 6:121, 6:126.
    * Loi du 1er mars 2007 portant des dispositions diverses (III), art. 80.
    * news.belgium.be, "Coopératives d'activités" (target group, quota, 18 months).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Final

import attrs
from dateutil.relativedelta import relativedelta

from cooprules.accompaniment import (
    Accompaniment,
    EndReason,
    Obligation,
    from_history,
)
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, Explanation, Severity, Step, Text, Violation
from cooprules.membership import (
    Condition,
    EventKind,
    History,
    Member,
    MembershipRules,
    Status,
    TransitionContext,
    graph,
    status_at,
)
from cooprules.money import Money, Rate, money
from cooprules.parameters import Accompaniment as AccompanimentKeys
from cooprules.parameters import Company
from cooprules.periods import add_months_unchecked, months_end, push_deadline_bounds
from cooprules.regime import bind
from cooprules.scenario import member_fact
from cooprules_adapters.be.sources import LAW, Keys

if TYPE_CHECKING:
    from cooprules.regime import Bound, Rules
    from cooprules.scenario import Scenario

__all__ = [
    "ACTIVITY_COOP",
    "ACTIVITY_MEMBERSHIP",
    "BONUS_SINCE",
    "CONVENTION_MONTHS",
    "CSA_COOPERATIVE",
    "CSA_EXIT",
    "CSA_MEMBERSHIP",
    "CSA_MIN_SHAREHOLDERS",
    "RESIGNATION_WINDOW_MONTHS",
    "TARGET_GROUP",
    "TargetGroup",
    "TargetGroupResult",
    "candidate_accompaniment",
    "candidate_due",
    "candidate_obligations",
    "csa_rules",
    "in_target_group",
    "min_shareholders_violations",
    "quota_violations",
    "resumption_bonus",
    "target_group_check",
]

CSA = "Code des sociétés et des associations"

CSA_EXIT: Final = LAW.citation("csa-art-6-120")
"""CSA art. 6:120: resignations, by default in the first six months of the financial year."""
CSA_MIN_SHAREHOLDERS: Final = LAW.citation("csa-art-6-126")
"""CSA art. 6:126: below three shareholders, the court may dissolve the co-op on request."""
CSA_COOPERATIVE: Final = LAW.citation("csa-book-6-arts-6-1-ff")
"""CSA Book 6, the société coopérative: the general rule an event the graph lacks cites."""
ACTIVITY_COOP = Citation(
    instrument="Loi du 1er mars 2007 portant des dispositions diverses (III)",
    article="art. 80",
    jurisdiction="BE",
    confidence=Confidence.SRC_2,
    url="https://news.belgium.be/fr/cooperatives-dactivites-0",
    title="Coopérative d'activités, candidat-entrepreneur : convention de 18 mois au plus",
)

_CONVENTION_LAW: Final = LAW.latest("be-activity", AccompanimentKeys.max_months)
CONVENTION_MONTHS: Final = _CONVENTION_LAW.value
"""Maximum length of a candidate entrepreneur's convention, in months: the law file's version in
force (``accompaniment.max_months``); the regime's rules, bound on a date, read the version of
that date."""

RESIGNATION_WINDOW_MONTHS: Final = LAW.latest("be-sc", Keys.resignation_window_months).value
"""The CSA's default window for resignations, in months: the law file's version in force
(``be.resignation_window_months``); the regimes' rules, bound to the statutes on a date, read the
statutes' value where they set one."""


def _resignation_window(fiscal_year_start_month: int, window_months: int | None) -> Condition:
    def check(context: TransitionContext) -> Text | None:
        if window_months is None:
            return None
        day = context.event.date
        months_into_year = (day.month - fiscal_year_start_month) % 12
        if months_into_year < window_months:
            return None
        return Text(
            "a shareholder may resign only in the first {window_months} months of the financial "
            "year (unless the articles say otherwise)",
            window_months=window_months,
        )

    return check


def csa_rules(
    *,
    fiscal_year_start_month: int = 1,
    resignation_window_months: int | None = RESIGNATION_WINDOW_MONTHS,
) -> MembershipRules:
    """The CSA membership rules, with the resignation window the articles chose.

    Args:
        fiscal_year_start_month: the month the financial year starts (1 for January).
        resignation_window_months: resignations are allowed only in this many first months of the
            financial year (by default the CSA's, the law file's
            ``be.resignation_window_months``: 6); 12 or ``None`` when the articles allow them any
            time.

    Raises:
        InvalidInput: a month outside 1..12, a window that is not a whole number of months from
            1 to 12.
    """
    if not 1 <= fiscal_year_start_month <= 12:  # noqa: PLR2004 - months of the year
        raise InvalidInput("fiscal_year_start_month", fiscal_year_start_month, "must be 1..12")
    window_months = resignation_window_months
    if window_months is not None and (
        isinstance(window_months, bool)
        or not isinstance(window_months, int)
        or not 1 <= window_months <= 12  # noqa: PLR2004 - months of the year
    ):
        raise InvalidInput(
            "resignation_window_months", window_months, "a number of months from 1 to 12"
        )
    window = _resignation_window(fiscal_year_start_month, resignation_window_months)
    member_life = {
        Status.MEMBER: [
            EventKind.SUSPENDED,
            EventKind.RESIGNED,
            EventKind.EXCLUDED,
            EventKind.DIED,
        ],
        Status.SUSPENDED: [
            EventKind.REINSTATED,
            EventKind.RESIGNED,
            EventKind.EXCLUDED,
            EventKind.DIED,
        ],
        Status.SUPPORTING_MEMBER: [EventKind.RESIGNED, EventKind.EXCLUDED, EventKind.DIED],
        Status.RESIGNED: [EventKind.APPLIED],
        Status.EXITED: [EventKind.APPLIED],
    }
    return MembershipRules(
        transitions=graph(
            {
                Status.NONE: [EventKind.APPLIED, EventKind.ADMITTED],
                Status.APPLICANT: [
                    EventKind.ADMITTED,
                    EventKind.ADMITTED_SUPPORTING,
                    EventKind.EXITED,
                ],
                **member_life,
            },
            conditions={
                (Status.MEMBER, EventKind.RESIGNED): [window],
                (Status.SUSPENDED, EventKind.RESIGNED): [window],
                (Status.SUPPORTING_MEMBER, EventKind.RESIGNED): [window],
            },
            citations={
                (Status.MEMBER, EventKind.RESIGNED): CSA_EXIT,
                (Status.SUSPENDED, EventKind.RESIGNED): CSA_EXIT,
                (Status.SUPPORTING_MEMBER, EventKind.RESIGNED): CSA_EXIT,
            },
        ),
        citation=CSA_COOPERATIVE,
    )


def _csa_rules_of(rules: Rules) -> MembershipRules:
    """The CSA rules with the resignation window of ``rules``: the statutes', else the law's."""
    return csa_rules(resignation_window_months=rules.get(Keys.resignation_window_months).value)


CSA_MEMBERSHIP: Final = attrs.evolve(csa_rules(), reads_law=_csa_rules_of)
"""The CSA defaults: financial year from January, resignations in its first six months (the law
file's default in force). Bound to a co-op's statutes on a date
(``bind(regime, statutes, as_of=...).rule_set(MembershipRules)``), the window is the statutes'
value of ``be.resignation_window_months``, else the law's default of that date."""


_CONVENTION_END = Text(
    "end the candidate-entrepreneur convention (set up on one's own, or leave)",
)


def _convention_end_consequence(months: int) -> Text:
    return Text(
        "the candidate-entrepreneur status and its benefits end at {months} months",
        months=months,
    )


def candidate_accompaniment(
    history: History, as_of: date, *, months: int = CONVENTION_MONTHS
) -> Accompaniment | None:
    """The candidate's convention as recorded: ``months`` from its signature, leave pushing it."""
    return from_history(
        history,
        opened_by=(EventKind.CONVENTION_SIGNED,),
        closed_by=(EventKind.EXITED, EventKind.ADMITTED, EventKind.DIED),
        max_months=months,
        as_of=as_of,
    )


def candidate_obligations(
    history: History, as_of: date, *, months: int = CONVENTION_MONTHS
) -> tuple[Obligation, ...]:
    """The convention's end: the candidate must leave (or join) by its last day."""
    accompaniment = candidate_accompaniment(history, as_of, months=months)
    if accompaniment is None:
        return ()
    return (
        Obligation(
            subject=history.subject,
            code="be.activity.convention_end",
            what=_CONVENTION_END,
            due=accompaniment.last_day,
            consequence=_convention_end_consequence(months),
            citation=ACTIVITY_COOP,
            met_on=accompaniment.ended,
            explanation=partial(accompaniment.explain, ACTIVITY_COOP),
        ),
    )


_ONE_DAY = timedelta(days=1)


def _after_leaves(history: History, as_of: date, start: date, end: date) -> date:
    """``end`` pushed back by the leave periods that end after ``start``.

    The leave periods are `leave_periods()` read as ``(start, end)`` pairs, without objects:
    a leave runs from its start to its recorded end (never before its start) or, while still
    open, to its planned end or else to ``as_of``. The caller checked that a leave started.
    """
    kinds, dates = history.kinds, history.dates
    leaves: list[tuple[date, date]] = []
    opened: date | None = None
    planned: date | None = None
    for position in range(kinds.index(_LEAVE_STARTED), len(kinds)):
        kind = kinds[position]
        if kind is _LEAVE_STARTED:
            if opened is None:
                opened, planned = dates[position], history.events[position].end
        elif kind is _LEAVE_ENDED and opened is not None:
            day = dates[position]
            stop = max(opened, day)
            if stop > start:
                leaves.append((opened, stop))
            opened = planned = None
    if opened is not None:
        stop = planned or as_of
        if stop > opened and stop > start:
            leaves.append((opened, stop))
    if not leaves:
        return end
    if len(leaves) > 1:
        leaves.sort()
    return push_deadline_bounds(start, end, leaves)


_CONVENTION: Final = relativedelta(months=CONVENTION_MONTHS)
# The kinds candidate_due tests, read as globals on its hot path (not through the Enum class).
_SIGNED: Final = EventKind.CONVENTION_SIGNED
_EXITED: Final = EventKind.EXITED
_ADMITTED: Final = EventKind.ADMITTED
_DIED: Final = EventKind.DIED
_EXTENDED: Final = EventKind.EXTENDED
_LEAVE_STARTED: Final = EventKind.LEAVE_STARTED
_LEAVE_ENDED: Final = EventKind.LEAVE_ENDED


def _extension_months(history: History, first: int) -> int:
    """The months the extensions recorded from position ``first`` on add to the convention."""
    events, kinds = history.events, history.kinds
    return sum(
        events[position].months or 0
        for position in range(first, len(kinds))
        if kinds[position] is _EXTENDED
    )


def candidate_due(
    history: History,
    as_of: date,
    *,
    months: int = CONVENTION_MONTHS,
    convention: relativedelta = _CONVENTION,
) -> tuple[tuple[str, date], ...]:
    """The convention's last day if it is still open: the cheap form of the obligations.

    Register queries over many candidates use it to skip closed conventions before any date
    arithmetic; it agrees with
    [`candidate_obligations()`][cooprules_adapters.be.membership.candidate_obligations] (a test
    checks it). ``convention`` is ``months`` as a ``relativedelta`` (the length without
    extensions).
    """
    return _candidate_due(months, 12 * convention.years + convention.months, history, as_of)


def _candidate_due(
    months: int, convention_months: int, history: History, as_of: date
) -> tuple[tuple[str, date], ...]:
    """`candidate_due()` with its arguments by position.

    The bound rules hold it as ``partial(_candidate_due, months, months)``, which calls it
    without building a dict of keywords per member.
    """
    kinds = history.kinds
    if _SIGNED not in kinds:  # `in` on a tuple compares by identity first, in C
        return ()
    dates = history.dates
    index = bisect_right(dates, as_of) - 1
    while index >= 0 and kinds[index] is not _SIGNED:
        index -= 1
    if index < 0:
        return ()
    start = dates[index]
    # Every event from the opening's date on (the opening itself is neither a closing event nor
    # an extension), tested in C on the tuple's tail: no Python loop over the events.
    first = bisect_left(dates, start)
    tail = kinds[first:]
    if _EXITED in tail or _ADMITTED in tail or _DIED in tail:
        return ()
    extension = _extension_months(history, first) if _EXTENDED in tail else 0
    if extension:
        end = months_end(start, months + extension)
    else:  # months_end's rule, inlined on the register's hot path (tests check they agree)
        end = add_months_unchecked(start, convention_months)
        if end.day != start.day:
            end += _ONE_DAY
    if _LEAVE_STARTED in kinds:
        end = _after_leaves(history, as_of, start, end)
    return (("be.activity.convention_end", end - _ONE_DAY),)


def _convention_checks(
    history: History, as_of: date, *, months: int = CONVENTION_MONTHS
) -> Iterable[Violation]:
    accompaniment = candidate_accompaniment(history, as_of, months=months)
    if accompaniment is not None and accompaniment.extension_months:
        yield Violation(
            code="be.activity.extension_beyond_maximum",
            severity=Severity.ERROR,
            subject=history.subject,
            message=Text(
                "The convention was extended by {extension_months} month(s); it lasts {months} "
                "months at most.",
                extension_months=accompaniment.extension_months,
                months=months,
            ),
            citation=ACTIVITY_COOP,
        )
    if status_at(history, as_of) is not Status.CANDIDATE_ENTREPRENEUR:
        return
    yield from (
        Violation(
            code="be.activity.convention_overdue",
            severity=Severity.ERROR,
            subject=history.subject,
            message=Text(
                "Still a candidate entrepreneur after the convention's last day {due} ({months} "
                "months at most, pushed back by suspensions).",
                due=o.due,
                months=months,
            ),
            citation=ACTIVITY_COOP,
        )
        for o in candidate_obligations(history, as_of, months=months)
        if as_of > o.due
    )


_CANDIDATE_GRAPH: Final = graph(
    {
        Status.NONE: [EventKind.CONVENTION_SIGNED],
        Status.APPLICANT: [EventKind.CONVENTION_SIGNED],
        Status.CANDIDATE_ENTREPRENEUR: [EventKind.EXITED, EventKind.ADMITTED, EventKind.DIED],
    },
    citation=ACTIVITY_COOP,
)


def _activity_rules(months: int, window: int | None = RESIGNATION_WINDOW_MONTHS) -> MembershipRules:
    """The activity co-op's rules: a convention of ``months``, resignations in ``window``."""
    csa = csa_rules(resignation_window_months=window)
    return attrs.evolve(
        csa,
        transitions=(*csa.transitions, *_CANDIDATE_GRAPH),
        checks=(partial(_convention_checks, months=months),),
        obligations=partial(candidate_obligations, months=months),
        due=partial(_candidate_due, months, months),
        reads_law=_activity_rules_of,
    )


def _activity_rules_of(rules: Rules) -> MembershipRules:
    """The activity co-op's membership rules with the convention's length in force that day."""
    return _activity_rules(
        rules.require(AccompanimentKeys.max_months).value,
        rules.get(Keys.resignation_window_months).value,
    )


ACTIVITY_MEMBERSHIP: Final = _activity_rules(CONVENTION_MONTHS)
"""A coopérative d'activités: the CSA rules plus the candidate-entrepreneur convention (its length
the law file's version in force; bound on a date, the version of that date)."""


@attrs.frozen
class TargetGroup:
    """The test of the activity-co-op scheme's target group, with the law's figures of a date.

    Under `age_limit` at the start of the convention, at least `days_under_age` days
    of compensated full unemployment in the `months_under_age` months before; from that
    age, at least `days_from_age` days in the `months_from_age` months before; or, at
    any age, living on the integration income. The days are the candidate's facts, counted over
    those months by whoever gives them.

    Attributes:
        age_limit: the age from which the shorter window applies (50).
        days_under_age: the days required under that age (156).
        months_under_age: the months they are counted over (18).
        days_from_age: the days required from that age (78).
        months_from_age: the months they are counted over (9).
        citation: the rule (the law file's).
    """

    age_limit: int
    days_under_age: int
    months_under_age: int
    days_from_age: int
    months_from_age: int
    citation: Citation

    @classmethod
    def of(cls, rules: Rules) -> TargetGroup:
        """The test as the co-op's rules give it on ``rules.as_of`` (the law file's figures).

        Raises:
            InvalidParameter: a figure is not in force on that date.
        """
        age = rules.require(Keys.target_group_age_limit)
        return cls(
            age.value,
            rules.require(Keys.target_group_days_under_age).value,
            rules.require(Keys.target_group_months_under_age).value,
            rules.require(Keys.target_group_days_from_age).value,
            rules.require(Keys.target_group_months_from_age).value,
            age.citation,
        )


TARGET_GROUP: Final = TargetGroup(
    LAW.latest("be-activity", Keys.target_group_age_limit).value,
    LAW.latest("be-activity", Keys.target_group_days_under_age).value,
    LAW.latest("be-activity", Keys.target_group_months_under_age).value,
    LAW.latest("be-activity", Keys.target_group_days_from_age).value,
    LAW.latest("be-activity", Keys.target_group_months_from_age).value,
    LAW.latest("be-activity", Keys.target_group_age_limit).citation,
)
"""The target group's test as the law file has it in force; the register check reads the
version in force on each convention's start
([`TargetGroup.of()`][cooprules_adapters.be.membership.TargetGroup.of])."""


@attrs.frozen
class TargetGroupResult:
    """Whether a candidate belongs to the target group, and why.

    Attributes:
        subject: the candidate.
        in_group: the answer.
        explanation: the test applied, with its citation.
    """

    subject: str
    in_group: bool
    explanation: Explanation


def in_target_group(
    subject: str,
    *,
    birth_date: date,
    convention_start: date,
    unemployment_days_18_months: int = 0,
    unemployment_days_9_months: int = 0,
    on_integration_income: bool = False,
    criteria: TargetGroup = TARGET_GROUP,
) -> TargetGroupResult:
    """Check the target group of the activity-co-op scheme for one candidate.

    Under 50 at the start of the convention: at least 156 days of compensated full unemployment in
    the 18 months before; 50 or over: at least 78 days in the 9 months before; or, at any age,
    living on the integration income (or equivalent social aid). The figures are ``criteria``'s: the
    law file's in force unless given (``TargetGroup.of(rules)`` for those of a date).
    """
    for field, value in (
        ("unemployment_days_18_months", unemployment_days_18_months),
        ("unemployment_days_9_months", unemployment_days_9_months),
    ):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise InvalidInput(field, value, "a number of days is a non-negative int")
    age = relativedelta(convention_start, birth_date).years
    if on_integration_income:
        in_group, rule = (
            True,
            Text("on integration income"),
        )
    elif age < criteria.age_limit:
        in_group = unemployment_days_18_months >= criteria.days_under_age
        rule = Text(
            "under {age_limit}: at least {days_under_age} days in the {months_under_age} months "
            "before",
            age_limit=criteria.age_limit,
            days_under_age=criteria.days_under_age,
            months_under_age=criteria.months_under_age,
        )
    else:
        in_group = unemployment_days_9_months >= criteria.days_from_age
        rule = Text(
            "{age_limit} or over: at least {days_from_age} days in the {months_from_age} months "
            "before",
            age_limit=criteria.age_limit,
            days_from_age=criteria.days_from_age,
            months_from_age=criteria.months_from_age,
        )
    step = Step(
        what=Text("Target group of the activity-co-op scheme"),
        inputs={
            "age at start": age,
            "days (18 months)": unemployment_days_18_months,
            "days (9 months)": unemployment_days_9_months,
            "integration income": on_integration_income,
        },
        result=in_group,
        citation=criteria.citation,
        note=rule,
    )
    return TargetGroupResult(subject, in_group, Explanation((step,)))


def quota_violations(
    results: Iterable[TargetGroupResult], quota: Bound[Rate]
) -> tuple[Violation, ...]:
    """At least the law's share (60 %) of a co-op's candidates must be in the target group.

    Args:
        results: each candidate's target-group result.
        quota: the least share, as the rules give it
            (``rules.require(Keys.target_group_min_share)``).
    """
    listed = list(results)
    if not listed or quota.value is None:
        return ()
    inside = sum(r.in_group for r in listed)
    share = quota.value.value
    if inside >= share * len(listed):
        return ()
    needed = math.ceil(share * len(listed))
    return (
        Violation(
            code="be.activity.target_group_quota",
            severity=Severity.ERROR,
            subject="register",
            message=Text(
                "{inside} of {listed_count} candidates are in the target group; at least {quota} "
                "({needed}) are required.",
                inside=inside,
                listed_count=len(listed),
                quota=quota.value,
                needed=needed,
            ),
            citation=quota.citation or ACTIVITY_COOP,
        ),
    )


def _convention_start(member: Member) -> date | None:
    return max(
        (e.date for e in member.history.events if e.kind is EventKind.CONVENTION_SIGNED),
        default=None,
    )


def target_group_check(
    rules: Rules, scenario: Scenario, register: Sequence[Member], as_of: date
) -> tuple[tuple[Violation, ...], Explanation]:
    """The target-group quota over the candidates on ``as_of``: the activity co-op's register check.

    It is the check of the regime's
    [`cooprules.report.RegisterRules`][cooprules.report.RegisterRules].

    Each candidate's facts come from the scenario (``unemployment_days_18_months``,
    ``unemployment_days_9_months``, ``on_integration_income``: the days over the longer and the
    shorter window); the test is the law's in force on the convention's start
    ([`TargetGroup.of()`][cooprules_adapters.be.membership.TargetGroup.of]), the least share the
    law's on ``as_of``.

    Raises:
        InvalidInput: a candidate without a birth date or a convention.
    """
    quota = rules.require(Keys.target_group_min_share)
    where = {m.id: i for i, m in enumerate(scenario.members)}
    results = []
    steps: list[Step] = []
    for member in register:
        if status_at(member.history, as_of) is not Status.CANDIDATE_ENTREPRENEUR:
            continue
        start = _convention_start(member)
        if start is None or member.birth_date is None:
            raise InvalidInput(
                f"members[{member.id}].birth_date",
                None,
                "the target-group quota needs each candidate's birth date and convention",
            )
        at = where[member.id]
        result = in_target_group(
            member.id,
            birth_date=member.birth_date,
            convention_start=start,
            unemployment_days_18_months=member_fact(
                scenario, at, "unemployment_days_18_months", int, default=0, minimum=0
            ),
            unemployment_days_9_months=member_fact(
                scenario, at, "unemployment_days_9_months", int, default=0, minimum=0
            ),
            on_integration_income=member_fact(
                scenario, at, "on_integration_income", bool, default=False
            ),
            criteria=TargetGroup.of(bind(rules.regime, rules.statutes, as_of=start)),
        )
        results.append(result)
        steps.extend(result.explanation.steps)
    steps.append(
        Step(
            Text("Candidates in the target group"),
            {"candidates": len(results), "required share": quota.value},
            sum(r.in_group for r in results),
            quota.citation,
        )
    )
    return quota_violations(results, quota), Explanation(tuple(steps))


BONUS_SINCE: Final = next(
    p.valid_from
    for p in LAW.parameters("be-activity")
    if p.key == Keys.resumption_bonus_monthly.name
)
"""The bonus applies to candidates who set up as self-employed after 4 August 2009."""


def resumption_bonus(accompaniment: Accompaniment, reason: EndReason) -> Money:
    """The historic federal *complément de reprise du travail*: at most EUR 100 x 12 months.

    Due to a candidate who leaves after at least 6 months under the convention, after
    4 August 2009, to become self-employed as a main occupation; zero otherwise. The result is the
    maximum entitlement (the bonus is paid monthly while the activity lasts, up to 12 months).
    The amount is the historic federal one: the scheme is now regional, so check the region's
    successor before paying anything.
    """
    if (
        accompaniment.ended is None
        or reason is not EndReason.SELF_EMPLOYED
        or accompaniment.ended <= BONUS_SINCE
    ):
        return money("0.00", "EUR")
    months_in = relativedelta(accompaniment.ended, accompaniment.start)
    least = LAW.latest("be-activity", Keys.resumption_bonus_min_months).value
    if months_in.years * 12 + months_in.months < least:
        return money("0.00", "EUR")
    monthly = LAW.latest("be-activity", Keys.resumption_bonus_monthly).value
    return monthly * LAW.latest("be-activity", Keys.resumption_bonus_months).value


def min_shareholders_violations(
    members: Iterable[Member], as_of: date, *, rules: Rules | None = None
) -> tuple[Violation, ...]:
    """Fewer shareholders than the law's minimum: the court may dissolve the co-op on request.

    The minimum (3, CSA 6:126) is the law file's ``company.min_members``: the version of
    ``rules`` (bound on a date) when given, else the version in force; the violation cites it.

    Raises:
        InvalidParameter: ``rules`` have no minimum on their date (before the CSA).
    """
    least = (
        rules.require(Company.min_members)
        if rules is not None
        else LAW.latest("be-sc", Company.min_members)
    )
    count = sum(1 for m in members if status_at(m.history, as_of) is Status.MEMBER)
    if count >= least.value:
        return ()
    return (
        Violation(
            code="be.csa.min_shareholders",
            severity=Severity.WARNING,
            subject="register",
            message=Text(
                "{count} shareholder(s): below {least}, any interested party may ask the court to "
                "dissolve the co-operative.",
                count=count,
                least=least.value,
            ),
            citation=least.citation,
        ),
    )
