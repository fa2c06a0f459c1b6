"""A co-op's whole year evaluated from a scenario: :func:`evaluate` and its :class:`YearReport`.

:func:`evaluate` is pure: it takes a :class:`~cooprules.scenario.Scenario`, the regime and a
:class:`Glue` (what only plug-ins know: the sample levy schedules by name, the regime family's
surplus waterfall, register-wide checks such as the Belgian 60 % quota, the journal entries), and
returns a frozen :class:`YearReport`: every member's status, every deadline, every activity's
levies, the distribution, the votes, the statutes' validation, the journal and every violation.
The core never imports the plug-ins: ``cooprules_adapters.scenario.glue_for`` builds the glue.

```pycon
>>> from datetime import date
>>> from cooprules.plugins import get_regime
>>> from cooprules.scenario import loads
>>> scenario = loads('''
... [coop]
... regime = "be-cnc"
... name = "Coop"
... year = 2025
... [[members]]
... id = "ana"
... events = [{ kind = "admitted", date = 2024-01-10 }]
... ''')
>>> report = evaluate(scenario, as_of=date(2025, 12, 31), regime=get_regime("be-cnc"))
>>> [(row.id, row.status.value) for row in report.members]
[('ana', 'member')]

```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from moneyed import Money

from cooprules.capital import (
    Operation,
    ShareClass,
    ShareRegister,
    capital_days,
)
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Explanation, RuleKind, Severity, Text, Violation
from cooprules.levies import (
    Activity,
    LevyPolicy,
    LevyYear,
    Line,
    Schedule,
    levy_years,
    month_periods,
    validate_policy,
)
from cooprules.membership import (
    Event,
    Member,
    MembershipRules,
    Status,
    category_at,
    check_history,
    status_at,
)
from cooprules.money import Rate, zero
from cooprules.periods import Period
from cooprules.regime import Statutes, validate
from cooprules.surplus import Distribution, Waterfall, Worker, YearFigures, distribute
from cooprules.voting import (
    College,
    DecisionRule,
    Electorate,
    Majority,
    Meeting,
    Proxy,
    Quorum,
    VoteResult,
    VotingRules,
    VotingStatutes,
    electorate,
    tally,
)

if TYPE_CHECKING:
    from cooprules.journal import JournalEntry
    from cooprules.regime import Regime
    from cooprules.scenario import Scenario, ScheduleSpec, VotingSpec

__all__ = [
    "Deadline",
    "Glue",
    "LevyRow",
    "MemberRow",
    "Vote",
    "YearReport",
    "evaluate",
]


@attrs.frozen
class Glue:
    """What a scenario needs from the plug-ins, passed in so that the core imports none.

    Attributes:
        schedules: sample levy schedules by name (``be.ACTIVITY_EXAMPLE``).
        waterfall: builds the regime family's waterfall from the scenario and the year's figures.
        register_checks: register-wide checks (the Belgian 60 % target-group quota): the
            scenario, the register and the date give violations and explanation steps.
        journal: the journal entries of a result (levy year, distribution).
    """

    schedules: Mapping[str, Schedule] = attrs.field(factory=dict)
    waterfall: Callable[[Scenario, Regime, YearFigures], Waterfall] | None = None
    register_checks: (
        Callable[[Scenario, Sequence[Member], date], tuple[tuple[Violation, ...], Explanation]]
        | None
    ) = None
    journal: Callable[[object, Regime, date], tuple[JournalEntry, ...]] | None = None


@attrs.frozen
class MemberRow:
    """One person's status and category on the report's date."""

    id: str
    name: str
    status: Status
    category: str | None


@attrs.frozen
class Deadline:
    """An obligation falling due (or overdue) for a member, with its explanation."""

    subject: str
    code: str
    what: Text
    due: date
    state: str
    citation: Citation | None
    explanation: Explanation


@attrs.frozen
class LevyRow:
    """One activity's levies of the year: the months and the total."""

    activity: str
    owner: str
    months: tuple[Money, ...]
    total: Money
    year: LevyYear = attrs.field(repr=False)

    @property
    def explanation(self) -> Explanation:
        """The steps of every month, in order."""
        return Explanation(tuple(s for p in self.year.periods for s in p.explanation.steps))


@attrs.frozen
class Vote:
    """One decision of the general meeting and its result."""

    id: str
    kind: str
    title: str
    result: VoteResult


@attrs.frozen
class YearReport:
    """A co-op's year, evaluated.

    Attributes:
        name: the co-op's name.
        regime: the regime's code.
        source: the scenario file.
        as_of: the date of the evaluation.
        year: the financial year.
        currency: the currency of the amounts.
        members: each member's status on ``as_of``.
        deadlines: every unmet obligation (pending or overdue) on ``as_of``, by due date.
        levies: each activity's levies.
        month_totals: the levies of all activities, per month of the financial year.
        levy_total: the year's levies.
        distribution: the surplus distribution, if the scenario has one.
        votes: the general meeting's decisions.
        register: register-wide findings explained (the Belgian quota).
        violations: every violation found (statutes, histories, register, levies, distribution,
            votes), each naming its subject.
        journal: the journal entries of the levies and the distribution.
    """

    name: str
    regime: str
    source: str
    as_of: date
    year: Period
    currency: str
    members: tuple[MemberRow, ...]
    deadlines: tuple[Deadline, ...]
    levies: tuple[LevyRow, ...]
    month_totals: tuple[Money, ...]
    levy_total: Money
    distribution: Distribution | None
    votes: tuple[Vote, ...]
    register: Explanation
    violations: tuple[Violation, ...]
    journal: tuple[JournalEntry, ...] = ()

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The violations of severity error."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    def deadlines_within(self, days: int) -> tuple[Deadline, ...]:
        """The deadlines overdue or due within ``days`` of :attr:`as_of`."""
        return tuple(d for d in self.deadlines if (d.due - self.as_of).days <= days)


def _statutes(scenario: Scenario) -> Statutes:
    values: dict[str, object] = {}
    for key, value in scenario.coop.statutes.values.items():
        values[key] = _statute_value(value)
    return Statutes(
        regime=scenario.coop.regime,
        values=values,
        articles=scenario.coop.statutes.articles,
        name=scenario.coop.name,
    )


def _statute_value(value: object) -> object:
    if isinstance(value, str) and (value.endswith("%") or "/" in value):
        return Rate.of(value)
    return value


def _voting_statutes(spec: VotingSpec | None) -> VotingStatutes | None:
    """The statutes' voting choices of ``[coop.voting]``, or ``None`` when the file has none."""
    if spec is None:
        return None
    citation = Citation("Statutes", spec.article, "coop")
    decisions = []
    for rule in spec.decisions:
        quorum = Quorum(rule.quorum.value, rule.quorum_on) if rule.quorum is not None else None
        second = (
            Quorum(rule.second_quorum.value, rule.quorum_on)
            if rule.second_quorum is not None
            else None
        )
        decisions.append(
            DecisionRule(
                rule.kind,
                Text(en=rule.title or rule.kind, fr=rule.title or rule.kind),
                Majority(rule.majority.value, strict=rule.strict, base=rule.base),
                citation,
                quorum=quorum,
                second_quorum=second,
                kind_of_rule=RuleKind.STATUTE,
            )
        )
    return VotingStatutes(
        citation,
        decisions=decisions,
        colleges=[
            College(
                c.code,
                c.categories,
                c.weight.value if c.weight is not None else None,
            )
            for c in spec.colleges
        ],
        max_proxies=spec.max_proxies,
        family_representation=spec.family_representation,
        abstentions_count=spec.abstentions_count,
        blank_count=spec.blank_count,
    )


def _register(scenario: Scenario) -> tuple[Member, ...]:
    return tuple(
        Member.of(
            m.id,
            [
                Event(
                    e.kind, e.date, category=e.category, months=e.months, reason=e.reason, end=e.end
                )
                for e in m.events
            ],
            birth_date=m.birth_date,
        )
        for m in scenario.members
    )


def _schedule(spec: ScheduleSpec, glue: Glue, currency: str) -> Schedule:
    if spec.sample is not None:
        found = glue.schedules.get(spec.sample)
        if found is None:
            known = ", ".join(sorted(glue.schedules)) or "none installed"
            raise InvalidInput("levies.sample", spec.sample, f"a sample schedule ({known})")
        return found
    citation = Citation("Statutes", spec.article or "levies", "coop")
    options: dict[str, object] = {
        "base": spec.base,
        "base_period": spec.base_period,
        "prorate_cap": spec.prorate_cap,
        "citation": citation,
    }
    for key in ("fixed_per_period", "minimum_per_period", "maximum_per_year"):
        if getattr(spec, key) is not None:
            options[key] = getattr(spec, key)
    if spec.rate is not None:
        return Schedule.flat(spec.rate, currency=currency, **options)
    bands = [(band.start, band.rate) for band in spec.bands]
    return Schedule.banded(bands, currency=currency, banding=spec.banding, **options)


def _activities(
    scenario: Scenario, periods: tuple[Period, ...]
) -> list[tuple[Activity, list[Line]]]:
    currency = scenario.currency
    out = []
    for spec in scenario.activities:
        activity = Activity(
            spec.id, spec.owner, spec.kind, spec.start, currency=currency, end=spec.end
        )
        lines = []
        for i, period in enumerate(periods):
            revenue = spec.revenue[i] if i < len(spec.revenue) else None
            costs = spec.direct_costs[i] if i < len(spec.direct_costs) else None
            if revenue is None and costs is None:
                continue
            lines.append(
                Line(
                    spec.id,
                    period,
                    revenue if revenue is not None else zero(currency),
                    costs if costs is not None else zero(currency),
                )
            )
        out.append((activity, lines))
    return out


def _deadlines(register: Iterable[Member], rules: MembershipRules, as_of: date) -> list[Deadline]:
    if rules.obligations is None:
        return []
    out = []
    for member in register:
        for obligation in rules.obligations(member.history, as_of):
            state = obligation.state(as_of)
            if state.value == "met":
                continue
            out.append(
                Deadline(
                    obligation.subject,
                    obligation.code,
                    obligation.what,
                    obligation.due,
                    state.value,
                    obligation.citation,
                    obligation.explanation,
                )
            )
    return sorted(out, key=lambda d: (d.due, d.subject, d.code))


def _figures(
    scenario: Scenario,
    register: Sequence[Member],
    shares: ShareRegister | None,
    year: Period,
    items: Sequence[tuple[Activity, Sequence[Line]]],
) -> YearFigures | None:
    accounts = scenario.accounts
    if accounts is None:
        return None
    measures: dict[str, dict[str, object]] = {}
    for member in scenario.members:
        for name, value in member.measures.items():
            measures.setdefault(name, {})[member.id] = value
    # Two measures every scenario with activities has: each owner's revenue and gross margin.
    for activity, lines in items:
        for line in lines:
            for name, amount in (("revenue", line.revenue), ("gross_margin", line.gross_margin)):
                bucket = measures.setdefault(name, {})
                before = bucket.get(activity.owner, Decimal(0))
                bucket[activity.owner] = before + amount.amount  # type: ignore[operator]
    last = year.end - timedelta(days=1)
    categories = {
        m.id: category for m in register if (category := category_at(m.history, last)) is not None
    }
    workers = {
        m.id: Worker(m.work.pay, m.work.time, m.work.months_present, m.work.seniority_months)
        for m in scenario.members
        if m.work is not None
    }
    highest = accounts.highest_capital
    if highest is None and shares is not None:
        highest = shares.highest_capital(last)
    return YearFigures(
        surplus=accounts.surplus,
        reserve_balances=accounts.reserve_balances,
        capital_days={"capital": capital_days(shares, year)} if shares is not None else {},
        measures=measures,
        workers=workers,
        categories=categories,
        days_in_year=(year.end - year.start).days,
        equity=accounts.equity,
        debts=accounts.debts,
        highest_capital=highest,
    )


def evaluate(  # noqa: C901, PLR0912, PLR0915 - the year, section by section
    scenario: Scenario,
    *,
    as_of: date,
    regime: Regime,
    glue: Glue | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> YearReport:
    """Evaluate a co-op's year: statuses, deadlines, levies, distribution, votes, violations.

    Args:
        scenario: the scenario.
        as_of: the date of the evaluation (statuses, deadlines and the regime's rules).
        regime: the scenario's regime (``catalogue.get(scenario.coop.regime)``).
        glue: what the plug-ins provide (``cooprules_adapters.scenario.glue_for``).
        progress: called with a section name, the items done and the items in it.

    Raises:
        InvalidInput: the scenario cannot be evaluated (an unknown sample schedule, a
            distribution without a waterfall...), naming the field and the value.
    """
    glue = glue or Glue()
    currency = scenario.currency
    coop = scenario.coop
    periods = month_periods(coop.year, first_month=coop.first_month)
    year = Period(periods[0].start, periods[-1].end)
    violations: list[Violation] = list(validate(_statutes(scenario), regime, as_of))

    register = _register(scenario)
    rules = regime.rule_set(MembershipRules)
    if rules is None:
        raise InvalidInput("coop.regime", regime.code, "the regime has no membership rules")
    members = []
    for i, member in enumerate(register):
        spec = scenario.members[i]
        members.append(
            MemberRow(
                member.id,
                spec.name or member.id,
                status_at(member.history, as_of),
                category_at(member.history, as_of),
            )
        )
        violations.extend(check_history(member.history, rules, as_of))
        if progress is not None:
            progress("members", i + 1, len(register))
    deadlines = _deadlines(register, rules, as_of)
    register_steps = Explanation(())
    if glue.register_checks is not None:
        found, register_steps = glue.register_checks(scenario, register, as_of)
        violations.extend(found)

    levy_rows: list[LevyRow] = []
    month_totals = [zero(currency)] * len(periods)
    journal: list[JournalEntry] = []
    items: list[tuple[Activity, list[Line]]] = []
    if scenario.levies is not None:
        schedule = _schedule(scenario.levies, glue, currency)
        policy = LevyPolicy.single(schedule)
        violations.extend(validate_policy(policy, regime, as_of))
        items = _activities(scenario, periods)
        for i, levy in enumerate(
            levy_years(items, policy, coop.year, first_month=coop.first_month)
        ):
            by_start = {p.period.start: p.levy for p in levy.periods}
            months = tuple(by_start.get(p.start, zero(currency)) for p in periods)
            month_totals = [a + b for a, b in zip(month_totals, months, strict=True)]
            levy_rows.append(
                LevyRow(levy.activity.id, levy.activity.owner, months, levy.total, levy)
            )
            violations.extend(levy.violations)
            if glue.journal is not None:
                journal.extend(glue.journal(levy, regime, as_of))
            if progress is not None:
                progress("activities", i + 1, len(items))

    shares = None
    if scenario.share_classes:
        shares = ShareRegister(
            currency,
            [ShareClass(c.code, c.nominal, c.voting, c.preferred) for c in scenario.share_classes],
            [
                Operation(
                    op.id,
                    op.kind,
                    op.date,
                    op.member,
                    op.share_class,
                    op.shares,
                    op.amount,
                    op.counterparty,
                )
                for op in scenario.share_operations
            ],
        )

    distribution = None
    figures = _figures(scenario, register, shares, year, items)
    if figures is not None and scenario.distribution is not None:
        if glue.waterfall is None:
            raise InvalidInput("distribution", regime.code, "no waterfall for this regime")
        distribution = distribute(glue.waterfall(scenario, regime, figures), figures)
        violations.extend(distribution.violations)
        if glue.journal is not None:
            journal.extend(glue.journal(distribution, regime, as_of))

    votes = []
    if scenario.meeting is not None:
        meeting = scenario.meeting
        voting = regime.rule_set(VotingRules)
        if voting is None:
            raise InvalidInput("coop.regime", regime.code, "the regime has no voting rules")
        held = {}
        if shares is not None:
            held = {h.member: h.shares for h in shares.holdings(meeting.date)}
            totals: dict[str, int] = {}
            for member_id, count in held.items():
                totals[member_id] = totals.get(member_id, 0) + count
            held = totals
        statutes = _voting_statutes(coop.voting)
        voters: Electorate = electorate(
            register,
            meeting.date,
            voting,
            statutes=statutes,
            shares={m.id: held.get(m.id, 0) for m in register},
        )
        for decision in meeting.decisions:
            result = tally(
                Meeting(
                    meeting.date,
                    decision.kind,
                    voters,
                    {k: v for k, v in decision.ballots.items() if k in voters.voters},
                    present=decision.present,
                    proxies=[Proxy(p.grantor, p.holder, p.family) for p in decision.proxies],
                    call=decision.call,
                ),
                voting,
                statutes=statutes,
            )
            votes.append(Vote(decision.id, decision.kind, decision.title, result))
            violations.extend(result.violations)
            for voter in decision.ballots:
                if voter not in voters.voters:
                    status = status_at(
                        next(m for m in register if m.id == voter).history, meeting.date
                    )
                    violations.append(
                        Violation(
                            "meeting.ballot_not_in_electorate",
                            Severity.WARNING,
                            f"{decision.id}: {voter}",
                            Text(
                                en=f"{voter} ({status.value}) may not vote: the ballot is ignored.",
                                fr=f"{voter} ({status.value}) ne vote pas : bulletin ignoré.",
                            ),
                        )
                    )

    return YearReport(
        name=coop.name,
        regime=regime.code,
        source=scenario.source,
        as_of=as_of,
        year=year,
        currency=currency,
        members=tuple(members),
        deadlines=tuple(deadlines),
        levies=tuple(levy_rows),
        month_totals=tuple(month_totals),
        levy_total=sum(month_totals, zero(currency)),
        distribution=distribution,
        votes=tuple(votes),
        register=register_steps,
        violations=tuple(violations),
        journal=tuple(journal),
    )
