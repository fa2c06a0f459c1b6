"""A co-op's whole year evaluated from a scenario: `evaluate()` and its `YearReport`.

[`evaluate()`][cooprules.report.evaluate] is pure: it takes a
[`Scenario`][cooprules.scenario.Scenario] and the regime (whose rule sets bring what only its
plug-in knows: [`DistributionRules`][cooprules.report.DistributionRules] for the surplus waterfall,
[`RegisterRules`][cooprules.report.RegisterRules] for register-wide checks such as the Belgian 60 %
quota, [`SampleSchedules`][cooprules.report.SampleSchedules] for the sample levy schedules by name),
and returns a frozen [`YearReport`][cooprules.report.YearReport]: every member's status, every
deadline, every activity's levies, the distribution, the votes, the statutes' validation, the
journal and every violation. The core never imports the plug-ins and never names a regime: a third
party's regime runs a whole year exactly as ours do.

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

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from moneyed import Money

from cooprules.board import BoardElection, ballot_ignored, board_elections
from cooprules.books import Books, evaluate_books
from cooprules.capital import (
    Operation,
    ShareClass,
    ShareRegister,
    capital_days,
)
from cooprules.closing import Closing, close_year
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Explanation, RuleKind, Severity, Text, Violation
from cooprules.levies import (
    Activity,
    ActivityKind,
    LevyPolicy,
    LevyYear,
    Line,
    Schedule,
    levy_years,
    month_periods,
    validate_policy,
)
from cooprules.membership import (
    Member,
    MembershipRules,
    Status,
    category_at,
    check_history,
    status_at,
)
from cooprules.money import Rate, money, to_minor_units, zero
from cooprules.periods import Period
from cooprules.regime import Rules, Statutes, bind, validate
from cooprules.scenario import DatedScheduleSpec, LevyScheduleSpec, levy_schedules
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
from cooprules.withholding import Withholding

if TYPE_CHECKING:
    from cooprules.capital import DistributionCheck
    from cooprules.closing import CapitalYear, ReservesYear, SuggestedSplit, Suggestion
    from cooprules.journal import JournalEntry
    from cooprules.payroll import EnvelopeRequest, SalaryEnvelope
    from cooprules.regime import Regime
    from cooprules.scenario import Scenario, ScheduleSpec, VotingSpec

__all__ = [
    "Deadline",
    "DistributionRules",
    "LevyRow",
    "MemberRow",
    "RegisterRules",
    "SampleSchedules",
    "Vote",
    "YearReport",
    "distribution_options",
    "evaluate",
    "figure_of",
]


@attrs.frozen
class DistributionRules:
    """A regime's rule set for the general meeting's distribution of the year's surplus.

    The year evaluation asks the regime for it ([`rule_set()`][cooprules.regime.Regime.rule_set]),
    so a third party's regime gets a distribution exactly as ours do.

    Attributes:
        build: the waterfall from the co-op's rules on the meeting's date (every legal figure is
            read there), the meeting's decision as the scenario's ``[distribution] options``
            (already parsed by [`distribution_options()`][cooprules.report.distribution_options])
            and the year's figures. It raises [`InvalidInput`][cooprules.errors.InvalidInput] naming
            an option it cannot use.
        withholding: the tax withheld at source on what the distribution pays the members, from
            the same rules and the distribution (``None`` when nothing is withheld); the year
            reports it as `YearReport.withholding`.
        suggest: the regime's suggestion of a legal split from the same rules, the meeting's
            options and the figures (the largest dividend the law allows...), as the options
            ``build`` takes; the year reports it beside the meeting's own split
            (`YearReport.suggestion`). ``None``: no suggestion.
    """

    build: Callable[[Rules, Mapping[str, object], YearFigures], Waterfall]
    withholding: Callable[[Rules, Distribution], Withholding | None] | None = None
    suggest: Callable[[Rules, Mapping[str, object], YearFigures], Suggestion | None] | None = None


@attrs.frozen
class RegisterRules:
    """A regime's checks over the whole register (the Belgian 60 % target-group quota).

    Attributes:
        check: the co-op's rules, the scenario, its register and the date give the violations
            and the explanation steps.
    """

    check: Callable[
        [Rules, Scenario, Sequence[Member], date], tuple[tuple[Violation, ...], Explanation]
    ]


def _schedule_table(
    values: Mapping[str, Schedule] | Iterable[tuple[str, Schedule]],
) -> tuple[tuple[str, Schedule], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    return tuple(sorted(items, key=lambda item: item[0]))


@attrs.frozen
class SampleSchedules:
    """Levy schedules a regime's plug-in ships as samples, by name (``be.ACTIVITY_EXAMPLE``).

    Attributes:
        schedules: the schedules by name (a mapping is accepted).
    """

    schedules: tuple[tuple[str, Schedule], ...] = attrs.field(converter=_schedule_table)

    def get(self, name: str) -> Schedule | None:
        """The schedule called ``name``, if any."""
        return next((schedule for key, schedule in self.schedules if key == name), None)


_RATE = re.compile(r"^-?[0-9.]+ ?%$|^-?[0-9]+/[0-9]+$")
_AMOUNT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def distribution_options(options: Mapping[str, object], currency: str) -> dict[str, object]:
    """The scenario's ``[distribution] options`` as the values a waterfall builder takes.

    Text holding a rate (``"3%"``, ``"1/3"``) becomes a [`Rate`][cooprules.money.Rate]; other
    numeric text (``"1500.00"``) an amount in the scenario's currency; ``"rest"`` and words stay
    text; integers and booleans stay as they are; ``eligible`` is a comma-separated list.

    ```pycon
    >>> values = distribution_options({"interest_rate": "3%", "refunds": "rest",
    ...                                "dividends": "1200.00", "eligible": "worker, user"}, "EUR")
    >>> str(values["interest_rate"]), values["refunds"], values["eligible"]
    ('3%', 'rest', ('worker', 'user'))
    >>> values["dividends"]
    Money('1200.00', 'EUR')

    ```
    """
    out: dict[str, object] = {}
    for key, value in options.items():
        if key == "eligible" and isinstance(value, str):
            out[key] = tuple(part.strip() for part in value.split(",") if part.strip())
        else:
            out[key] = figure_of(value, currency, field=f"distribution.options.{key}")
    return out


def figure_of(value: object, currency: str, *, field: str) -> object:
    """A figure written as text in a scenario: the one reading of rates and amounts.

    Text holding a rate (``"3%"``, ``"3 %"``, ``"1/3"``) is a [`Rate`][cooprules.money.Rate];
    numeric text (``"1500.00"``) an amount in ``currency``; anything else (``"rest"``, a word,
    an integer, a flag) stays as it is.

    ```pycon
    >>> figure_of("3 %", "EUR", field="x"), figure_of("1500.00", "EUR", field="x")
    (Rate(value=Fraction(3, 100)), Money('1500.00', 'EUR'))
    >>> figure_of("rest", "EUR", field="x"), figure_of(12, "EUR", field="x")
    ('rest', 12)

    ```

    Raises:
        InvalidRate: rate text out of range or unreadable, naming ``field``.
    """
    if isinstance(value, str) and _RATE.fullmatch(value):
        return Rate.of(value.replace(" ", ""), field=field)
    if isinstance(value, str) and _AMOUNT.fullmatch(value):
        return money(value, currency, field=field)
    return value


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
        journal: the journal entries of the whole year, as the accounting plug-ins book this
            report (openings, each activity's accounts, share operations, reserve movements, the
            distribution), else of its levies and distribution.
        withholding: the tax withheld at source on the distribution's payments to members, if
            the regime's distribution rules withhold any.
        capital: the share register on the year's last day (holdings per member and class,
            paid up and unpaid) and the year's redemptions, valued and checked
            (`cooprules.closing.CapitalYear`), if the scenario has share classes.
        reserves: the reserves rolled forward: opening balances, the distribution's
            allocations, the other movements, a loss absorbed, closing balances
            (`cooprules.closing.ReservesYear`).
        distribution_tests: the regime's tests before the distribution (the Belgian net-asset
            and liquidity tests), on what it pays the members in cash.
        suggestion: the regime's suggested legal split, beside the meeting's
            (`distribution`).
        elections: the meeting's board elections, each with the board after it.
        books: each activity's books month by month (treasury, pooled costs, payroll), if the
            scenario has activities.
        share_register: the share register with every operation, if the scenario has share
            classes (what the journal books the share operations from).
        to_date: the report is the year to date (``evaluate(..., to_date=True)`` on a day inside
            the year): the levies, statements and books cover the months begun by `as_of` only
            (the later months are absent, not zero), and the year's end (the distribution, the
            register and reserves at the year's end) is not reached.
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
    withholding: Withholding | None = None
    capital: CapitalYear | None = None
    reserves: ReservesYear | None = None
    distribution_tests: DistributionCheck | None = None
    suggestion: SuggestedSplit | None = None
    elections: tuple[BoardElection, ...] = ()
    books: Books | None = None
    share_register: ShareRegister | None = None
    to_date: bool = False

    @property
    def errors(self) -> tuple[Violation, ...]:
        """The violations of severity error."""
        return tuple(v for v in self.violations if v.severity is Severity.ERROR)

    def deadlines_within(self, days: int) -> tuple[Deadline, ...]:
        """The deadlines overdue or due within ``days`` of `as_of`."""
        return tuple(d for d in self.deadlines if (d.due - self.as_of).days <= days)


def _statutes(scenario: Scenario) -> Statutes:
    values: dict[str, object] = {}
    for key, value in scenario.coop.statutes.values.items():
        values[key] = _statute_value(value, scenario.currency, key)
    voting = _voting_statutes(scenario.coop.voting)
    return Statutes(
        regime=scenario.coop.regime,
        values=values,
        articles=scenario.coop.statutes.articles,
        name=scenario.coop.name,
        sections=() if voting is None else (voting,),
    )


def _statute_value(value: object, currency: str, key: str) -> object:
    """A statute value as the scenario writes it, read by the one parser of figures."""
    return figure_of(value, currency, field=f"coop.statutes.values.{key}")


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
                Text.plain(rule.title or rule.kind),
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
        abstentions_count=spec.abstentions_count,
        blank_count=spec.blank_count,
    )


def _register(scenario: Scenario) -> tuple[Member, ...]:
    return tuple(m.to_member() for m in scenario.members)


def _schedule(
    spec: ScheduleSpec, regime: Regime, currency: str, *, where: str, give_back: bool = False
) -> Schedule:
    """The schedule a scenario's spec at ``where`` describes: a sample, or inline; dated."""
    valid_from, valid_until = date.min, None
    if isinstance(spec, DatedScheduleSpec):
        valid_from, valid_until = spec.from_ or date.min, spec.until
    give_back = give_back or spec.give_back_credit_notes
    if spec.sample is not None:
        samples = regime.rule_set(SampleSchedules) or SampleSchedules(())
        found = samples.get(spec.sample)
        if found is None:
            known = ", ".join(name for name, _ in samples.schedules) or "none"
            raise InvalidInput(
                f"{where}.sample", spec.sample, f"a sample schedule of {regime.code} ({known})"
            )
        if give_back or valid_from != date.min or valid_until is not None:
            return attrs.evolve(
                found,
                give_back_credit_notes=give_back or found.give_back_credit_notes,
                valid_from=valid_from,
                valid_until=valid_until,
            )
        return found
    citation = Citation("Statutes", spec.article or "levies", "coop")
    options: dict[str, object] = {
        "base": spec.base,
        "base_period": spec.base_period,
        "prorate_cap": spec.prorate_cap,
        "give_back_credit_notes": give_back,
        "citation": citation,
        "valid_from": valid_from,
        "valid_until": valid_until,
    }
    if isinstance(spec, LevyScheduleSpec) and spec.id is not None:
        options["name"] = spec.id
    for key in ("fixed_per_period", "minimum_per_period", "maximum_per_year"):
        if getattr(spec, key) is not None:
            options[key] = getattr(spec, key)
    if spec.rate is not None:
        return Schedule.flat(spec.rate, currency=currency, **options)
    bands = [(band.start, band.rate) for band in spec.bands]
    return Schedule.banded(bands, currency=currency, banding=spec.banding, **options)


def _policy(scenario: Scenario, regime: Regime) -> LevyPolicy:
    """The co-op's levy policy: its schedules by kind and date, and each activity's own.

    Raises:
        InvalidInput: a sample schedule the regime does not ship, naming its path.
    """
    currency = scenario.currency
    give_back = scenario.levies is not None and scenario.levies.give_back_credit_notes
    by_kind: dict[ActivityKind | None, list[Schedule]] = {}
    named: dict[str, Schedule] = {}
    for where, spec in levy_schedules(scenario):
        schedule = _schedule(spec, regime, currency, where=where, give_back=give_back)
        if spec.id is not None:
            named[spec.id] = schedule
        if not spec.named_only:
            by_kind.setdefault(spec.kind, []).append(schedule)
    overrides: dict[str, tuple[Schedule, ...]] = {}
    for i, activity in enumerate(scenario.activities):
        if activity.levy is not None:
            own = _schedule(
                activity.levy, regime, currency, where=f"activities[{i}].levy", give_back=give_back
            )
            overrides[activity.id] = (own,)
        elif activity.schedule is not None:
            overrides[activity.id] = (named[activity.schedule],)
    return LevyPolicy(
        schedules={kind: tuple(group) for kind, group in by_kind.items() if kind is not None},
        default=tuple(by_kind.get(None, ())),
        overrides=overrides,
    )


def _unadopted_schedules(
    scenario: Scenario, votes: Sequence[Vote], periods: Sequence[Period]
) -> list[Violation]:
    """The levy schedules set by a decision of the meeting that the meeting did not adopt.

    An error when the schedule levies a month of the financial year (its figures are then
    computed on a rate the statutes do not have), else a warning.
    """
    adopted = {vote.id: vote.result.adopted for vote in votes}
    out = []
    for where, spec in levy_schedules(scenario):
        if spec.decision is None or adopted.get(spec.decision, False):
            continue
        start, end = spec.from_ or date.min, spec.until or date.max
        applies = any(start <= period.start < end for period in periods)
        name = spec.id or where
        out.append(
            Violation(
                "levies.schedule_not_adopted",
                Severity.ERROR if applies else Severity.WARNING,
                name,
                Text(
                    "The levy schedule {name} depends on the meeting's decision {decision}, "
                    "which was not adopted: this year's levies apply it all the same.",
                    name=name,
                    decision=spec.decision,
                )
                if applies
                else Text(
                    "The levy schedule {name} depends on the meeting's decision {decision}, "
                    "which was not adopted.",
                    name=name,
                    decision=spec.decision,
                ),
                Citation("Statutes", spec.article or "levies", "coop"),
            )
        )
    return out


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


def _to_date(levy: LevyYear, periods: Sequence[Period]) -> LevyYear:
    """An activity's levies of the months begun by the year-to-date's day (its `periods`)."""
    begun = {p.start for p in periods}
    kept = tuple(s for s in levy.periods if s.period.start in begun)
    units = sum(to_minor_units(s.levy) for s in kept)
    return attrs.evolve(levy, periods=kept, total_units=units)


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
    measures, measure_years = _measures(scenario)
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
    # The statutes' clause: interest only on the shares still held at the year's end.
    kept = scenario.coop.statutes.interest_only_on_shares_held_at_year_end
    highest = accounts.highest_capital
    if highest is None and shares is not None:
        highest = shares.highest_capital(last)
    openings = {r.code: r.opening for r in scenario.reserves if r.opening is not None}
    return YearFigures(
        surplus=accounts.surplus,
        reserve_balances={**openings, **accounts.reserve_balances},
        capital_days={"capital": capital_days(shares, year, held_at_end=kept)}
        if shares is not None
        else {},
        measures=measures,
        workers=workers,
        categories=categories,
        year=year,
        equity=accounts.equity,
        debts=accounts.debts,
        highest_capital=highest,
        measure_years=measure_years,
    )


def _measures(
    scenario: Scenario,
) -> tuple[dict[str, dict[str, object]], dict[str, dict[int, dict[str, object]]]]:
    """The members' measures of the year, and by financial year (for refunds averaged)."""
    year = scenario.coop.year
    measures: dict[str, dict[str, object]] = {}
    by_year: dict[str, dict[int, dict[str, object]]] = {}
    for member in scenario.members:
        for name, value in member.measures.items():
            years = value if isinstance(value, dict) else {year: value}
            for label, amount in years.items():
                by_year.setdefault(name, {}).setdefault(label, {})[member.id] = amount
            if year in years:
                measures.setdefault(name, {})[member.id] = years[year]
    return measures, by_year


def _distribution_rules(
    scenario: Scenario, statutes: Statutes, regime: Regime, as_of: date
) -> tuple[DistributionRules, Rules]:
    """The regime's distribution rules and its law read on the meeting's date.

    The date is the distribution's own (``[distribution] date``), else the meeting's, else the
    evaluation's: a SCIC's art. 14 cap is the one of the year its meeting is held.
    """
    template = regime.rule_set(DistributionRules)
    if template is None:
        raise InvalidInput(
            "coop.regime", regime.code, "the regime has no distribution rules (DistributionRules)"
        )
    decided = scenario.distribution
    meeting = scenario.meeting.date if scenario.meeting is not None else as_of
    if decided is not None and decided.date is not None:
        meeting = decided.date
    return template, bind(regime, statutes, as_of=meeting)


def _waterfall(
    scenario: Scenario, statutes: Statutes, regime: Regime, figures: YearFigures, as_of: date
) -> Waterfall:
    """The regime's waterfall for the meeting's decision, its law read on the meeting's date."""
    template, rules = _distribution_rules(scenario, statutes, regime, as_of)
    decided = scenario.distribution
    options = decided.options if decided is not None else {}
    return template.build(rules, distribution_options(options, scenario.currency), figures)


def evaluate(  # noqa: C901, PLR0912, PLR0915 - the year, section by section
    scenario: Scenario,
    *,
    as_of: date,
    regime: Regime,
    journal: Callable[[object, Regime, date], Sequence[JournalEntry]] | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    payroll: Callable[[EnvelopeRequest], SalaryEnvelope | None] | None = None,
    to_date: bool = False,
) -> YearReport:
    """Evaluate a co-op's year: statuses, deadlines, levies, distribution, votes, violations.

    Everything the year needs from the law comes from the regime: its parameters (read through
    [`bind()`][cooprules.regime.bind]) and its rule sets
    ([`DistributionRules`][cooprules.report.DistributionRules],
    [`RegisterRules`][cooprules.report.RegisterRules],
    [`SampleSchedules`][cooprules.report.SampleSchedules], the membership and voting rules). The
    core never names a regime.

    Args:
        scenario: the scenario.
        as_of: the date of the evaluation (statuses, deadlines and the regime's rules).
        regime: the scenario's regime (``catalogue.get(scenario.coop.regime)``).
        journal: the journal entries of a result (the accounting plug-ins, through
            [`cooprules.plugins.journal_entries()`][cooprules.plugins.journal_entries]); ``None``:
            no journal.
        progress: called with a section name, the items done and the items in it.
        payroll: the salary envelope of a request, for the scenario's ``[[payroll]]``; ``None``:
            the installed payroll plug-ins
            ([`cooprules.plugins.salary_envelope()`][cooprules.plugins.salary_envelope]).
        to_date: the year to date, when ``as_of`` falls before the year's last day: the months
            begun by ``as_of`` only (as recorded; none is invented), no year's end (no
            distribution, no closing) and the meeting only if held by ``as_of``
            (`YearReport.to_date`). Ignored on or after the year's last day.

    Raises:
        InvalidInput: the scenario cannot be evaluated (an unknown sample schedule, a
            distribution without a waterfall...), naming the field and the value.
    """
    currency = scenario.currency
    coop = scenario.coop
    periods = month_periods(coop.year, first_month=coop.first_month)
    year = Period(periods[0].start, periods[-1].end)
    to_date = to_date and as_of < year.end - timedelta(days=1)
    if to_date:
        if as_of < year.start:
            raise InvalidInput(
                "as_of", as_of.isoformat(), f"a day of the financial year ({year.start} or later)"
            )
        periods = tuple(p for p in periods if p.start <= as_of)
    statutes = _statutes(scenario)
    violations: list[Violation] = list(validate(statutes, regime, as_of))
    law = bind(regime, statutes, as_of=as_of)

    register = _register(scenario)
    rules = law.rule_set(MembershipRules)
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
    register_rules = regime.rule_set(RegisterRules)
    if register_rules is not None:
        found, register_steps = register_rules.check(law, scenario, register, as_of)
        violations.extend(found)

    levy_rows: list[LevyRow] = []
    month_totals = [zero(currency)] * len(periods)
    items: list[tuple[Activity, list[Line]]] = []
    if scenario.levies is not None or scenario.activities:
        policy = _policy(scenario, regime)
        violations.extend(validate_policy(policy, regime, as_of))
        items = _activities(scenario, periods)
        for i, computed in enumerate(
            levy_years(items, policy, coop.year, first_month=coop.first_month)
        ):
            levy = _to_date(computed, periods) if to_date else computed
            by_start = {p.period.start: p.levy for p in levy.periods}
            months = tuple(by_start.get(p.start, zero(currency)) for p in periods)
            month_totals = [a + b for a, b in zip(month_totals, months, strict=True)]
            levy_rows.append(
                LevyRow(levy.activity.id, levy.activity.owner, months, levy.total, levy)
            )
            violations.extend(levy.violations)
            if progress is not None:
                progress("activities", i + 1, len(items))

    books = evaluate_books(
        scenario,
        regime=regime,
        periods=periods,
        items=items,
        levies={row.activity: row.year for row in levy_rows},
        register=register,
        envelope=payroll,
    )
    violations.extend(books.violations if books is not None else ())

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
                    into=op.into,
                    into_shares=op.into_shares,
                )
                for op in scenario.share_operations
            ],
        )

    distribution = None
    withholding = None
    meeting_split = None
    figures = None if to_date else _figures(scenario, register, shares, year, items)
    loss_year = figures is not None and figures.surplus.amount < 0
    if figures is not None and scenario.distribution is not None and not loss_year:
        distribution = distribute(_waterfall(scenario, statutes, regime, figures, as_of), figures)
        violations.extend(distribution.violations)
        template, meeting_rules = _distribution_rules(scenario, statutes, regime, as_of)
        if template.withholding is not None:
            withholding = template.withholding(meeting_rules, distribution)
        options = distribution_options(scenario.distribution.options, currency)
        meeting_split = (template, meeting_rules, options, meeting_rules.as_of)
    closing = (
        Closing()
        if to_date
        else close_year(
            scenario,
            regime,
            law,
            shares=shares,
            figures=figures,
            distribution=distribution,
            meeting=meeting_split,
            year=year,
        )
    )
    violations.extend(closing.violations)

    votes = []
    elections: tuple[BoardElection, ...] = ()
    held_by_then = scenario.meeting is not None and (not to_date or scenario.meeting.date <= as_of)
    if scenario.meeting is not None and held_by_then:
        meeting = scenario.meeting
        voting = bind(regime, statutes, as_of=meeting.date).rule_set(VotingRules)
        if voting is None:
            raise InvalidInput("coop.regime", regime.code, "the regime has no voting rules")
        held = {}
        if shares is not None:
            held = {h.member: h.shares for h in shares.holdings(meeting.date)}
            totals: dict[str, int] = {}
            for member_id, count in held.items():
                totals[member_id] = totals.get(member_id, 0) + count
            held = totals
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
            result = _named_after(result, decision.kind, decision.id)
            votes.append(Vote(decision.id, decision.kind, decision.title, result))
            violations.extend(result.violations)
            for voter in decision.ballots:
                if voter not in voters.voters:
                    status = status_at(
                        next(m for m in register if m.id == voter).history, meeting.date
                    )
                    violations.append(ballot_ignored(decision.id, voter, status))
        law_then = bind(regime, statutes, as_of=meeting.date)
        elections = board_elections(meeting, register, voters, law_then)
        violations.extend(v for election in elections for v in election.violations)

    violations.extend(_unadopted_schedules(scenario, votes, periods))
    report = YearReport(
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
        withholding=withholding,
        capital=closing.capital,
        reserves=closing.reserves,
        distribution_tests=closing.distribution_tests,
        suggestion=closing.suggestion,
        elections=elections,
        books=books,
        share_register=shares,
        to_date=to_date,
    )
    return _with_journal(report, regime, as_of, journal)


def _with_journal(
    report: YearReport,
    regime: Regime,
    as_of: date,
    journal: Callable[[object, Regime, date], Sequence[JournalEntry]] | None,
) -> YearReport:
    """The report with its journal: the accounting plug-ins book the whole report.

    A plug-in that books no [`YearReport`][cooprules.report.YearReport] is asked for the levies and
    the distribution.
    """
    if journal is None:
        return report
    entries = tuple(journal(report, regime, as_of))
    if not entries:
        pieces: list[object] = [row.year for row in report.levies]
        if report.distribution is not None:
            pieces.append(report.distribution)
        entries = tuple(entry for piece in pieces for entry in journal(piece, regime, as_of))
    return attrs.evolve(report, journal=entries)


def _named_after(result: VoteResult, kind: str, decision_id: str) -> VoteResult:
    """The vote's own problems under its decision's id (``decision:ID``), not its kind.

    The tally knows the kind of decision only (``decision:ordinary``): two decisions of one
    kind at a meeting would share a subject.
    """
    own = f"decision:{kind}"
    violations = tuple(
        attrs.evolve(v, subject=f"decision:{decision_id}") if v.subject == own else v
        for v in result.violations
    )
    return attrs.evolve(result, violations=violations)
