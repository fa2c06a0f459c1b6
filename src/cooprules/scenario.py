"""Scenario files: one co-operative's whole year as data, read from TOML.

A scenario says everything [`cooprules.report.evaluate()`][cooprules.report.evaluate] needs to
evaluate a co-op's year: the co-op (its regime, financial year and statute values), its members and
their dated events, its share classes and share operations, its activities with their monthly
revenue and direct costs and the levy schedule, the year's accounts, the general meeting's choice of
distribution and its decisions with their ballots. ``docs/scenario.md`` describes the format with a
full example, and [`json_schema()`][cooprules.scenario.json_schema] gives it as a JSON Schema
(``docs/scenario.schema.json``).

The format is a set of frozen attrs classes; [`load()`][cooprules.scenario.load] reads a file with
`tomllib` and structures it with cattrs, converting to the library's own values: amounts through
[`cooprules.money.money()`][cooprules.money.money] in the scenario's currency (text or integers
only: a TOML float such as ``1234.5`` is refused), rates through
[`cooprules.money.Rate.of()`][cooprules.money.Rate.of], dates as TOML dates or ISO text. Every error
is a [`ScenarioError`][cooprules.scenario.ScenarioError] naming the file, the path inside it
(``members[3].events[1].date``) and the value; a file with several problems raises one error listing
them all (`ScenarioError.errors`).

The file states its format's version with ``format = 2`` ([`FORMATS`][cooprules.scenario.FORMATS]);
a file without it is version 1. Format 2 reads ``[levies]`` as several schedules by activity kind
and date ([`LeviesSpec`][cooprules.scenario.LeviesSpec]), where version 1 reads one schedule
([`ScheduleSpec`][cooprules.scenario.ScheduleSpec]); `cooprules.migrate` rewrites a version-1 file
in format 2.

```pycon
>>> scenario = loads('''
... [coop]
... regime = "be-cnc"
... name = "Coop"
... year = 2025
... [[members]]
... id = "ana"
... events = [{ kind = "admitted", date = 2024-01-10 }]
... ''', name="demo.toml")
>>> scenario.coop.regime, scenario.members[0].events[0].date
('be-cnc', datetime.date(2024, 1, 10))
>>> loads('''
... [coop]
... regime = "be-cnc"
... name = "Coop"
... year = 2025
... [[members]]
... id = "ana"
... events = [{ kind = "admitted", date = "2024-13-10" }]
... ''', name="demo.toml",
... )  # doctest: +ELLIPSIS
Traceback (most recent call last):
  ...
cooprules.scenario.ScenarioError: demo.toml: members[0].events[0].date: not a date ...

```
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import re
import tomllib
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override
from moneyed import Money

from cooprules.accompaniment import ObligationState
from cooprules.books import PayRule, WeightsOver
from cooprules.capital import OperationKind
from cooprules.elections import ElectionMethod
from cooprules.errors import InputFileError, InvalidInput
from cooprules.levies import ActivityKind, Banding, Base, BasePeriod
from cooprules.membership import Decision, Event, EventKind, Member, Status
from cooprules.money import Rate, money, to_minor_units
from cooprules.money import to_decimal as decimal_of
from cooprules.pooling import AllocationKey
from cooprules.reserves import MovementKind
from cooprules.voting import Base as MajorityBase
from cooprules.voting import Choice, QuorumOn

__all__ = [
    "FORMATS",
    "YEARS",
    "AccountsSpec",
    "ActivitySpec",
    "BandSpec",
    "CandidateSpec",
    "CategoryLimitSpec",
    "CollegeSpec",
    "Coop",
    "DatedScheduleSpec",
    "DecisionRuleSpec",
    "DecisionSpec",
    "DistributionSpec",
    "ElectionSpec",
    "EventSpec",
    "ExpectedDeadlineSpec",
    "ExpectedLevySpec",
    "ExpectedMemberSpec",
    "ExpectedSpec",
    "ExpectedStepSpec",
    "ExpectedViolationSpec",
    "ExpectedVoteSpec",
    "LeviesSpec",
    "LevyScheduleSpec",
    "LiquidityFindingSpec",
    "Measure",
    "MeetingSpec",
    "MemberDecisionSpec",
    "MemberSpec",
    "Opening",
    "PayrollSpec",
    "PooledCostSpec",
    "PositionSpec",
    "ProxySpec",
    "ReserveMovementSpec",
    "ReserveSpec",
    "Scenario",
    "ScenarioError",
    "ScheduleSpec",
    "ShareClassSpec",
    "ShareOperationSpec",
    "StatutesSpec",
    "VotingSpec",
    "WorkSpec",
    "json_schema",
    "levy_schedules",
    "load",
    "loads",
    "member_fact",
    "read_text",
    "structure_part",
]

Scalar = str | int | bool
"""A statute value or a distribution option: text (a rate such as ``"6%"``), an integer, a flag."""

_KEY: Final = "key"
"""The metadata naming a field's key in the file when it is not the field's name (``from``)."""

Measure = Decimal | dict[int, Decimal]
"""A member's measure: the year's (``"1500"``), or one per financial year (``{ 2024 = 1400,
2025 = 1500 }``, each year the one its financial year starts in) for refunds averaged over
several years."""


class ScenarioError(InputFileError):
    """A scenario file cannot be read: it names the file, the path inside it and the value.

    See [`InputFileError`][cooprules.errors.InputFileError] for the attributes. A file with several
    problems raises one error for all of them: its attributes are the first problem's, and
    `errors` lists every problem (one line each in ``str(error)``).

    Attributes:
        errors: every problem found in the file, in the order of the file (this error alone when
            there is one).
    """

    errors: tuple[ScenarioError, ...]

    def __init__(self, file: str, path: str, value: object, reason: str) -> None:
        super().__init__(file, path, value, reason)
        self.errors = (self,)

    @classmethod
    def of(cls, errors: Sequence[ScenarioError]) -> ScenarioError:
        """One error for several problems of a file (at least one).

        ```pycon
        >>> both = ScenarioError.of([ScenarioError("a.toml", "coop.name", None, "missing"),
        ...                          ScenarioError("a.toml", "coop.year", "x", "an integer")])
        >>> both.path, len(both.errors)
        ('coop.name', 2)
        >>> print(both)
        a.toml: coop.name: missing (got None)
        a.toml: coop.year: an integer (got 'x')

        ```
        """
        leaves = tuple(leaf for error in errors for leaf in error.errors)
        first = leaves[0]
        out = cls(first.file, first.path, first.value, first.reason)
        out.errors = leaves
        out.args = ("\n".join(str(leaf.args[0]) for leaf in leaves),)
        return out


# --- the format ----------------------------------------------------------------------------------


@attrs.frozen
class StatutesSpec:
    """The co-op's statute values (parameter key -> value) and the article setting each.

    ``interest_only_on_shares_held_at_year_end`` is the statutes' clause that shares redeemed or
    transferred during the year earn no interest: interest on shares then counts, each day, only
    the capital still held on the year's last day (off by default).
    """

    values: dict[str, Scalar] = attrs.field(factory=dict)
    articles: dict[str, str] = attrs.field(factory=dict)
    interest_only_on_shares_held_at_year_end: bool = False


@attrs.frozen
class CollegeSpec:
    """A voting college of the statutes (`cooprules.voting.College`).

    Attributes:
        code: its identifier (``"employees"``).
        categories: the member categories voting in it.
        weight: its share of the votes (``"30%"``); leave every weight out for equal colleges.
    """

    code: str
    categories: tuple[str, ...]
    weight: Rate | None = None


@attrs.frozen
class DecisionRuleSpec:
    """The statutes' own rule for a kind of decision (`cooprules.voting.DecisionRule`).

    For the decisions the regime leaves to the statutes (a French SA's ordinary meeting, the
    amendment of a Quebec co-op's articles) or a stricter rule where the law allows one.

    Attributes:
        kind: the decision kind (``"sa.ordinary"``).
        majority: the share of the base needed (``"1/2"``, ``"2/3"``).
        strict: more than ``majority`` (a simple majority is ``"1/2"`` strict).
        base: what the majority is a share of: ``cast``, ``present`` or ``all``.
        quorum: the share needed at the first call, if any.
        second_quorum: the share needed at the second call, if any.
        quorum_on: what the quorum counts: ``members`` or ``votes``.
        title: what the decision is.
    """

    kind: str
    majority: Rate
    strict: bool = False
    base: MajorityBase = MajorityBase.CAST
    quorum: Rate | None = None
    second_quorum: Rate | None = None
    quorum_on: QuorumOn = QuorumOn.MEMBERS
    title: str = ""


@attrs.frozen
class VotingSpec:
    """The statutes' choices on voting (`cooprules.voting.VotingStatutes`).

    Attributes:
        article: the article (or by-law) setting them.
        colleges: the voting colleges (a SCIC's, at least three).
        decisions: the statutes' rules per kind of decision.
        max_proxies: a stricter limit on proxies per holder than the law's.
        abstentions_count: whether abstentions count as votes cast (default: the regime's rule).
        blank_count: whether blank ballots count as votes cast (default: the regime's rule).
    """

    article: str = "voting"
    colleges: tuple[CollegeSpec, ...] = ()
    decisions: tuple[DecisionRuleSpec, ...] = ()
    max_proxies: int | None = None
    abstentions_count: bool | None = None
    blank_count: bool | None = None


_MOVED: Final[Mapping[tuple[str, ...], str]] = {
    ("coop", "voting", "family_representation"): "by-laws forbidding family representation state "
    "it as the value of the regime's key in [coop.statutes.values] (a Quebec co-op: "
    '"qc.family_representation_allowed" = false)',
}
"""Keys a file may no longer hold, with where their content goes now."""


@attrs.frozen
class Coop:
    """The co-operative: regime code, name, financial year and statutes.

    Attributes:
        regime: an installed regime's code (``cooprules regimes`` lists them).
        name: the co-op's name.
        year: the calendar year in which the financial year starts.
        first_month: the month the financial year starts (1 = January).
        currency: the currency of every amount (default: the regime's).
        statutes: the statute values checked against the regime.
        voting: the statutes' voting choices (colleges, decision rules, proxies).
    """

    regime: str
    name: str
    year: int
    first_month: int = 1
    currency: str | None = None
    statutes: StatutesSpec = attrs.field(factory=StatutesSpec)
    voting: VotingSpec | None = None


@attrs.frozen
class MemberDecisionSpec:
    """The decision behind a membership event (`cooprules.membership.Decision`).

    A suspension or an exclusion the law ties to a decision states it: Quebec's board, by two
    thirds of the votes cast by the directors present, after notice, with written reasons within
    15 days (Cooperatives Act s.58).

    Attributes:
        body: who decided (``"board"``, ``"general_meeting"``).
        date: when.
        votes_for: votes in favour.
        votes_cast: votes cast.
        present: members of the body present (directors present for a board).
        notice_given: when the member was given written notice of the grounds and the meeting.
        reasons_sent: when the written reasons were sent to the member.
        grounds: the grounds invoked, as the regime names them (``"competes_with_coop"``).
    """

    body: str
    date: dt.date
    votes_for: int | None = None
    votes_cast: int | None = None
    present: int | None = None
    notice_given: dt.date | None = None
    reasons_sent: dt.date | None = None
    grounds: str | None = None

    def to_decision(self) -> Decision:
        """The library's `Decision`.

        Raises:
            InvalidInput: a count below zero, more votes in favour than votes cast, an empty body.
        """
        return Decision(
            self.body,
            self.date,
            votes_for=self.votes_for,
            votes_cast=self.votes_cast,
            present=self.present,
            notice_given=self.notice_given,
            reasons_sent=self.reasons_sent,
            grounds=self.grounds,
        )


@attrs.frozen
class EventSpec:
    """A dated membership event (`cooprules.membership.Event`)."""

    kind: EventKind
    date: dt.date
    category: str | None = None
    months: int | None = None
    reason: str | None = None
    end: dt.date | None = None
    decision: MemberDecisionSpec | None = None
    trial_end: dt.date | None = None

    def to_event(self) -> Event:
        """The library's `Event` (its decision as a `Decision`)."""
        return Event(
            self.kind,
            self.date,
            category=self.category,
            months=self.months,
            reason=self.reason,
            end=self.end,
            decision=self.decision.to_decision() if self.decision is not None else None,
            trial_end=self.trial_end,
        )


@attrs.frozen
class WorkSpec:
    """A worker's figures of the year for a SCOP's worker share (`cooprules.surplus.Worker`).

    Attributes:
        pay: gross pay of the year.
        time: time worked (hours or days, one unit for all workers).
        months_present: months of presence in the year.
        seniority_months: seniority at the year's end, in months.
    """

    pay: Money
    time: Decimal
    months_present: int = 12
    seniority_months: int = 12


@attrs.frozen
class MemberSpec:
    """A person and their events.

    Attributes:
        id: unique in the scenario.
        events: their dated events, in any order (same-day events keep the file's order).
        name: a display name.
        birth_date: where a rule depends on age (the Belgian target group).
        facts: other facts a regime's rules read (``unemployment_days_18_months``,
            ``unemployment_days_9_months``, ``on_integration_income`` for the Belgian target
            group).
        measures: this member's business with the co-op for the refunds, per measure name: the
            year's, or a table by financial year (``hours = { 2024 = 1400, 2025 = 1500 }``) for
            refunds averaged over several years.
        work: their pay and time of the year, for a SCOP's worker share.
        person: the person's identifier across co-ops (``"p:ines-lambert"``), the same in every
            co-op's file, for the path report (`cooprules.path`); letters, digits and
            ``. _ : @ -``, at most 100 characters, unique in the scenario; default none.
    """

    id: str
    events: tuple[EventSpec, ...] = ()
    name: str | None = None
    birth_date: dt.date | None = None
    facts: dict[str, Scalar] = attrs.field(factory=dict)
    measures: dict[str, Measure] = attrs.field(factory=dict)
    work: WorkSpec | None = None
    person: str | None = None

    def to_member(self) -> Member:
        """The library's `Member`: the id, the events in the file's order, the birth date."""
        return Member.of(self.id, [e.to_event() for e in self.events], birth_date=self.birth_date)


@attrs.frozen
class ShareClassSpec:
    """A class of shares (`cooprules.capital.ShareClass`)."""

    code: str
    nominal: Money
    voting: bool = True
    preferred: bool = False


@attrs.frozen
class ShareOperationSpec:
    """A dated operation on shares (`cooprules.capital.Operation`).

    A ``convert`` names the class the shares become (``into``) and, when the nominal values
    differ, how many shares of it (``into_shares``).

    A ``redeem`` is checked against the regime's redemption rule
    ([`cooprules.capital.check_redemption()`][cooprules.capital.distribution.check_redemption]):
    ``repaid`` is what the co-op paid the member (a violation when above the value the law allows),
    ``net_asset_value_per_share`` and ``share_of_losses`` are the figures the regime's rule reads
    (the Belgian cap at the net-asset value per share, the French deduction of losses), and
    ``position`` the financial position the regime's tests before a repayment read (net assets, the
    board's liquidity finding, solvency). These four are for a ``redeem`` only.
    """

    id: str
    kind: OperationKind
    date: dt.date
    member: str
    share_class: str
    shares: int = 0
    amount: Money | None = None
    counterparty: str | None = None
    into: str | None = None
    into_shares: int | None = None
    repaid: Money | None = None
    net_asset_value_per_share: Money | None = None
    share_of_losses: Money | None = None
    position: PositionSpec | None = None


@attrs.frozen
class BandSpec:
    """A band of a levy schedule: its rate from ``start`` (an amount of the base)."""

    start: Money
    rate: Rate


@attrs.frozen
class ScheduleSpec:
    """The levy schedule: a plug-in's sample by name, or a flat or banded schedule inline.

    Attributes:
        sample: a sample schedule's name (``be.ACTIVITY_EXAMPLE``, ``fr.COOPANAME``...).
        rate: a flat rate (with ``base``).
        bands: bands by increasing start, the first at zero (instead of ``rate``).
        base: ``revenue`` or ``gross_margin``.
        banding: ``marginal`` or ``whole``.
        base_period: ``period`` (each month) or ``year_to_date``.
        fixed_per_period: a fee added each month.
        minimum_per_period: a floor on each month's levy.
        maximum_per_year: a cap on the year's levy.
        prorate_cap: scale the cap by the months the activity ran.
        give_back_credit_notes: the statutes give back the levy of an invoice a later month's
            credit note (a negative revenue) cancels; with a sample too.
        article: the statute article that sets the schedule.
    """

    sample: str | None = None
    rate: Rate | None = None
    bands: tuple[BandSpec, ...] = ()
    base: Base = Base.GROSS_MARGIN
    banding: Banding = Banding.MARGINAL
    base_period: BasePeriod = BasePeriod.PERIOD
    fixed_per_period: Money | None = None
    minimum_per_period: Money | None = None
    maximum_per_year: Money | None = None
    prorate_cap: bool = False
    give_back_credit_notes: bool = False
    article: str | None = None


@attrs.frozen
class ActivitySpec:
    """An entrepreneur's activity and its monthly figures for the financial year.

    Attributes:
        id: unique in the scenario.
        owner: the entrepreneur's member id.
        start: the first day of the activity.
        kind: ``services``, ``trade`` or ``mixed``.
        end: the first day it no longer runs.
        revenue: revenue excluding VAT, one amount per month from the financial year's first.
        direct_costs: direct costs, one amount per month (missing months: none).
        schedule: the ``id`` of the ``[[levies.schedules]]`` entry that levies this activity
            instead of its kind's (format 2).
        levy: this activity's own schedule (a contract's rate), instead of its kind's; outside
            its ``from``/``until`` dates the kind's schedule applies.
        opening_balance: the activity's treasury brought forward to the year's first day
            (default 0.00).
    """

    id: str
    owner: str
    start: dt.date
    kind: ActivityKind = ActivityKind.SERVICES
    end: dt.date | None = None
    revenue: tuple[Money, ...] = ()
    direct_costs: tuple[Money, ...] = ()
    schedule: str | None = None
    levy: DatedScheduleSpec | None = None
    opening_balance: Money | None = None


@attrs.frozen
class AccountsSpec:
    """The year's accounts: the surplus to distribute and the figures rules read.

    A negative ``surplus`` is the year's loss: it is absorbed by the reserves in the regime's
    order and the rest carried forward (`cooprules.closing`). ``net_assets`` and
    ``unavailable_equity`` are the figures of a net-asset test before a distribution (Belgium:
    CSA 6:115, net assets as
    [`cooprules_adapters.be.reserves.net_assets()`][cooprules_adapters.be.reserves.net_assets]
    computes them).
    """

    surplus: Money
    equity: Money | None = None
    debts: Money | None = None
    highest_capital: Money | None = None
    reserve_balances: dict[str, Money] = attrs.field(factory=dict)
    net_assets: Money | None = None
    unavailable_equity: Money | None = None


@attrs.frozen
class DistributionSpec:
    """The general meeting's choice of distribution.

    ``options`` are passed to the regime family's waterfall (Belgium: ``interest_rate``,
    ``refunds``, ``measure``, ``dividend_cap_basis``...; a SCOP: ``worker_share``, ``dividends``;
    Quebec: ``measure``, ``refunds``); text holding a rate (``"3%"``) becomes a rate, ``"rest"``
    stays, and other amounts are read as money. ``liquidity_finding`` is the board's finding
    that the co-op can pay its debts after the distribution (Belgium: CSA 6:116).
    """

    options: dict[str, Scalar] = attrs.field(factory=dict)
    date: dt.date | None = None
    liquidity_finding: LiquidityFindingSpec | None = None


@attrs.frozen
class ProxySpec:
    """A member represented at the meeting (checked by `cooprules.voting.tally()`).

    Attributes:
        grantor: the member represented (a member of the scenario).
        holder: who represents them: a member of the scenario, or with ``family`` the name of
            the member's non-member spouse or adult child.
        family: family representation (Quebec, where the by-laws do not forbid it).
    """

    grantor: str
    holder: str
    family: bool = False


@attrs.frozen
class DecisionSpec:
    """One motion put to the general meeting.

    Attributes:
        id: unique within the meeting.
        kind: the decision kind (a regime's or the statutes' decision rule).
        title: what is decided.
        ballots: each voter's choice (``for``, ``against``, ``abstain``, ``blank``).
        present: members present in person (default: those voting and not represented).
        proxies: the representations claimed.
        call: 1 or 2.
    """

    id: str
    kind: str
    title: str = ""
    ballots: dict[str, Choice] = attrs.field(factory=dict)
    present: tuple[str, ...] | None = None
    proxies: tuple[ProxySpec, ...] = ()
    call: int = 1


@attrs.frozen
class CandidateSpec:
    """Someone standing for the board, or a director whose term continues.

    Attributes:
        id: a member of the scenario, or anyone else (a non-member).
        member: whether they are a member (``None``: a member or supporting member of the
            scenario on the meeting's date).
        category: their member category (``None``: the register's on the meeting's date).
    """

    id: str
    member: bool | None = None
    category: str | None = None


@attrs.frozen
class CategoryLimitSpec:
    """The statutes' cap on the seats of one member category (a solidarity co-op's supporters).

    Attributes:
        category: the category.
        share: the largest share of the board's seats.
        article: the statutes' article.
    """

    category: str
    share: Rate
    article: str = "board"


@attrs.frozen
class ElectionSpec:
    """One board election at the general meeting.

    Attributes:
        id: unique within the meeting.
        seats: the seats to fill.
        candidates: who stands.
        ballots: each voter's choices (at most ``seats`` candidates; most preferred first for
            an instant runoff).
        method: the electoral method the statutes choose (``plurality`` or ``instant_runoff``,
            one seat).
        continuing: the directors whose terms continue: the board after the election is they
            and the elected.
        category_limits: the statutes' caps on a category's seats, beside the law's board rules.
        title: what is elected.
    """

    id: str
    seats: int
    candidates: tuple[CandidateSpec, ...]
    ballots: dict[str, tuple[str, ...]] = attrs.field(factory=dict)
    method: ElectionMethod = ElectionMethod.PLURALITY
    continuing: tuple[CandidateSpec, ...] = ()
    category_limits: tuple[CategoryLimitSpec, ...] = ()
    title: str = ""


@attrs.frozen
class MeetingSpec:
    """The general meeting: its date, decisions and board elections."""

    date: dt.date
    decisions: tuple[DecisionSpec, ...] = ()
    elections: tuple[ElectionSpec, ...] = ()


@attrs.frozen
class ExpectedDeadlineSpec:
    """A member's deadline as the expert states it: an obligation the report lists as unmet.

    Attributes:
        member: the member's id.
        code: the obligation's code, as in the report (``fr.cae.become_associate``).
        due: the last day to meet it.
        state: ``pending`` or ``overdue`` on ``expected.as_of``, if stated.
    """

    member: str
    code: str
    due: dt.date
    state: ObligationState | None = None


@attrs.frozen
class ExpectedLevySpec:
    """An activity's levy for one month of the financial year, or for the whole year.

    Attributes:
        activity: the activity's id.
        amount: the levy, in the scenario's currency.
        month: the month of the financial year, 1-based (``3``: its third month); leave it out
            for the year's total.
    """

    activity: str
    amount: Money
    month: int | None = None


@attrs.frozen
class ExpectedStepSpec:
    """What a step of the surplus distribution takes, or one member's share of it.

    Attributes:
        step: the step's code, as in the report (``legal_reserve``, ``worker_share``).
        amount: the amount, in the scenario's currency.
        member: a member's (or worker's) id, for their share of the step.
    """

    step: str
    amount: Money
    member: str | None = None


@attrs.frozen
class ExpectedVoteSpec:
    """The outcome of a decision of the general meeting (state at least one figure).

    Attributes:
        decision: the decision's id (``meeting.decisions``).
        adopted: whether the motion passes.
        quorum_reached: whether the quorum is met.
        share_for: the votes for as a share of the majority's base (``"2/3"``, ``"75%"``).
    """

    decision: str
    adopted: bool | None = None
    quorum_reached: bool | None = None
    share_for: Rate | None = None


@attrs.frozen
class ExpectedViolationSpec:
    """A violation the report must contain (or, with ``absent = true``, must not).

    Attributes:
        code: the violation's code (``fr.scop.worker_share_below_minimum``).
        subject: its subject (a member, ``distribution``...), to match one violation only.
        absent: the report must have no such violation.
    """

    code: str
    subject: str | None = None
    absent: bool = False


@attrs.frozen
class ExpectedMemberSpec:
    """A member's status (and category) on ``expected.as_of``."""

    member: str
    status: Status
    category: str | None = None


@attrs.frozen
class ExpectedSpec:
    """The figures a lawyer or an accountant states for the scenario, checked by ``cooprules test``.

    Attributes:
        as_of: the date the figures are stated for (the evaluation's date).
        deadlines: members' deadlines.
        levies: activities' levies, per month or for the year.
        distribution: steps of the surplus distribution, or members' shares of them.
        votes: decisions' outcomes.
        violations: violations present (or absent).
        members: members' statuses.
    """

    as_of: dt.date
    deadlines: tuple[ExpectedDeadlineSpec, ...] = ()
    levies: tuple[ExpectedLevySpec, ...] = ()
    distribution: tuple[ExpectedStepSpec, ...] = ()
    votes: tuple[ExpectedVoteSpec, ...] = ()
    violations: tuple[ExpectedViolationSpec, ...] = ()
    members: tuple[ExpectedMemberSpec, ...] = ()


YEARS: Final = range(1800, 3000)
"""The years a scenario's financial year may start in (``coop.year``): the co-operative laws
begin in the 19th century, and a year beyond 2999 is a typo."""

FORMATS: Final = (1, 2)
"""The scenario formats this version reads (``format = 2``; a file without ``format`` is 1)."""


@attrs.frozen
class DatedScheduleSpec(ScheduleSpec):
    """A levy schedule in force from a date, until another (format 2).

    It applies to the months that start on or after ``from`` and before ``until``
    ([`cooprules.levies.Schedule.in_force()`][cooprules.levies.Schedule.in_force]).

    Attributes:
        from_: the first day it applies (``from`` in the file; default: always).
        until: the first day it no longer applies (default: the next ``from`` of a schedule of the
            same kind, else never).
    """

    from_: dt.date | None = attrs.field(default=None, metadata={_KEY: "from"})
    until: dt.date | None = None


@attrs.frozen
class LevyScheduleSpec(DatedScheduleSpec):
    """One of the co-op's levy schedules, ``[[levies.schedules]]`` (format 2).

    Attributes:
        id: its name, for an activity's ``schedule`` and the report.
        kind: the activities it levies (``services``, ``trade``, ``mixed``; default: every kind
            without a schedule of its own).
        named_only: it levies only the activities whose ``schedule`` names it (a contract's own
            rate), not a kind.
        decision: the id of the general meeting's decision (``[[meeting.decisions]]``) that
            adopts it, as an amendment of the statutes: the report says when the meeting did not
            adopt it (an error when it levies a month of the year, else a warning).
    """

    id: str | None = None
    kind: ActivityKind | None = None
    named_only: bool = False
    decision: str | None = None


@attrs.frozen
class LeviesSpec:
    """The co-op's levies in format 2: several schedules, by activity kind and date.

    Attributes:
        schedules: the schedules; those of one kind (or of every kind) follow each other by their
            ``from`` dates (a general meeting's change of rate from a date is a second schedule).
        give_back_credit_notes: the statutes give back the levy of an invoice a later month's
            credit note (a negative revenue) cancels, for every schedule.
    """

    schedules: tuple[LevyScheduleSpec, ...] = ()
    give_back_credit_notes: bool = False


@attrs.frozen
class LiquidityFindingSpec:
    """The board's finding on liquidity (`cooprules.capital.LiquidityAssessment`).

    Attributes:
        date: the date of the board's finding (its report).
        months: the months from the distribution it covers.
        solvent: the board finds the co-op can keep paying its debts as they fall due.
    """

    date: dt.date
    months: int = 12
    solvent: bool = True


@attrs.frozen
class PositionSpec:
    """The position a redemption is tested on (`FinancialPosition`).

    Attributes:
        accounts_date: the closing date of the accounts used (the last approved ones).
        net_assets: net assets per those accounts.
        unavailable_equity: equity unavailable by law or by the articles.
        liquidity_finding: the board's liquidity finding.
        solvent_after: the co-op is solvent and stays so after the repayment.
        harms_stability: the board shows the repayment would harm the co-op's stability.
        lender_restriction: commitments to a lender forbid the repayment.
    """

    accounts_date: dt.date
    net_assets: Money | None = None
    unavailable_equity: Money | None = None
    liquidity_finding: LiquidityFindingSpec | None = None
    solvent_after: bool | None = None
    harms_stability: bool = False
    lender_restriction: bool = False


@attrs.frozen
class ReserveMovementSpec:
    """A movement on a reserve in the year (`Movement`).

    Attributes:
        id: unique in the scenario.
        kind: ``allocation``, ``devolution_received``, ``loss_absorption``, ``incorporation``,
            ``distribution`` or ``repayment``.
        date: the day it takes effect.
        amount: a positive amount; the kind says whether it comes in or goes out.
        note: the decision behind it.
    """

    id: str
    kind: MovementKind
    date: dt.date
    amount: Money
    note: str = ""


@attrs.frozen
class ReserveSpec:
    """A reserve account and its balance at the start of the year (`cooprules.reserves`).

    Attributes:
        code: the reserve's code, as the distribution's steps name it (``legal_reserve``,
            ``reserve``, ``development_fund``...).
        opening: its balance at the start of the financial year (default zero).
        indivisible: never shared among the members (default: as the distribution's step says,
            else divisible).
        name: a display name.
        movements: other movements of the year on it (an incorporation into capital, a
            distribution to members...), checked against the regime's reserve rules.
    """

    code: str
    opening: Money | None = None
    indivisible: bool | None = None
    name: str | None = None
    movements: tuple[ReserveMovementSpec, ...] = ()


@attrs.frozen
class PooledCostSpec:
    """A shared service charged to the activities (`cooprules.pooling.PooledCost`).

    Attributes:
        code: unique in the scenario (``"coworking"``).
        amount: what it costs in each month it is charged.
        key: how it is shared: ``usage``, ``fixed`` (both with ``weights``), ``headcount``
            (equally among ``activities``, default those running that month), ``margin`` or
            ``revenue`` (by each activity's positive gross margin or revenue; ``activities``
            restricts them).
        description: what it is, in English (default: the code).
        description_fr: what it is, in French (default: the English).
        months: the months of the financial year it is charged in, 1-based (default all twelve;
            ``[1]`` for a yearly premium paid in the first month).
        weights: per activity, its units of use (``usage``) or its fixed weight (``fixed``).
        monthly_weights: per activity, its units of use in each month of the financial year
            (``usage`` only, instead of ``weights``: twelve numbers, the desk-days of each month);
            a month is shared among the activities with a positive number that month.
        activities: the activities sharing it (``headcount``, ``margin``, ``revenue``).
        weights_over: ``month`` (the month charged) or ``year`` (the whole financial year): the
            period a margin or revenue key weighs.
        article: the statute article or decision that sets the key.
    """

    code: str
    amount: Money
    key: AllocationKey
    description: str = ""
    description_fr: str | None = None
    months: tuple[int, ...] = ()
    weights: dict[str, Decimal] = attrs.field(factory=dict)
    activities: tuple[str, ...] = ()
    weights_over: WeightsOver = WeightsOver.MONTH
    article: str | None = None
    monthly_weights: dict[str, tuple[Decimal, ...]] = attrs.field(factory=dict)


@attrs.frozen
class PayrollSpec:
    """What is asked for one entrepreneur's salary on their activity, month by month.

    The regime decides whether a salary may be paid (its ``PayrollRules``, through the payroll
    plug-ins): none for a Belgian candidate entrepreneur, none under a French CAPE.

    Attributes:
        member: the entrepreneur's member id.
        activity: the activity that pays it (one payroll entry per activity).
        employer_rate: the employer contribution rate (an input from the payroll provider,
            never law).
        gross: the monthly gross (``fixed``), or the most the ``affordable`` rule pays.
        rule: ``fixed`` (``gross`` each month) or ``affordable`` (the largest gross whose
            employment cost the activity's treasury can pay that month).
        employee_rate: the employee contribution rate, for the net estimate.
        rates_source: where the rates come from (the social secretariat's rate sheet, the
            statutes' article); a Belgian employment co-op computes contributions only with it.
    """

    member: str
    activity: str
    employer_rate: Rate
    gross: Money | None = None
    rule: PayRule = PayRule.FIXED
    employee_rate: Rate | None = None
    rates_source: str | None = None


@attrs.frozen
class Opening:
    """The state a year opens on, carried from the year before (``[opening]``, `cooprules.carry`).

    The carried members, share register, reserves and activities' balances are merged into the
    scenario when it is loaded; what has no other place in a scenario is kept here.

    Attributes:
        file: the closing file read (the scenario itself when the state is given inline).
        year: the financial year that closing closed (the year before the scenario's).
        loss_carried_forward: the losses carried forward into this year (a positive amount).
    """

    file: str
    year: int
    loss_carried_forward: Money


@attrs.frozen
class Scenario:
    """A whole scenario file.

    Attributes:
        coop: the co-operative.
        members: the members and candidates.
        share_classes: the classes of shares.
        share_operations: the share register's operations.
        levies: the levy schedule of the activities (format 1), or the schedules by kind and
            date (format 2, [`LeviesSpec`][cooprules.scenario.LeviesSpec]).
        activities: the activities and their monthly figures.
        accounts: the year's accounts.
        distribution: the meeting's choice of distribution.
        meeting: the general meeting.
        expected: the figures stated for the scenario (``[expected]``, read by ``cooprules test``).
        source: the file's name (set by [`load()`][cooprules.scenario.load]).
        reserves: the reserve accounts and their opening balances (``[[reserves]]``).
        format: the version of the format (``format = 2``; a file without it is version 1).
        pooled_costs: the co-op's shared services charged to the activities.
        payroll: the entrepreneurs' salaries asked, per activity.
        opening: the state carried from the year before (``[opening]``), once merged in.
    """

    coop: Coop
    members: tuple[MemberSpec, ...] = ()
    share_classes: tuple[ShareClassSpec, ...] = ()
    share_operations: tuple[ShareOperationSpec, ...] = ()
    levies: ScheduleSpec | LeviesSpec | None = None
    activities: tuple[ActivitySpec, ...] = ()
    accounts: AccountsSpec | None = None
    distribution: DistributionSpec | None = None
    meeting: MeetingSpec | None = None
    expected: ExpectedSpec | None = None
    source: str = ""
    reserves: tuple[ReserveSpec, ...] = ()
    format: typing.Literal[1, 2] = 1
    pooled_costs: tuple[PooledCostSpec, ...] = ()
    payroll: tuple[PayrollSpec, ...] = ()
    opening: Opening | None = None

    @property
    def currency(self) -> str:
        """The scenario's currency: the file's ``coop.currency``, else its regime's.

        Raises:
            InvalidInput: a scenario built in Python names no currency (the loader always
                fills it in: the file's, or the installed regime's).
        """
        if self.coop.currency is None:
            raise InvalidInput(
                "coop.currency", None, "name the currency (an ISO 4217 code): none is assumed"
            )
        return self.coop.currency


# --- loading -------------------------------------------------------------------------------------


class _Bad(ValueError):
    """A leaf conversion failure: the reason (the path and value are added by the loader)."""

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(reason)


def _no_float(value: object) -> None:
    if isinstance(value, float):
        raise _Bad(
            value, 'a float is not exact: write the amount as text ("1234.50") or an integer'
        )
    if isinstance(value, bool):
        raise _Bad(value, "expected text or an integer, not a boolean")


def _converter(currency: str, version: int = 1) -> cattrs.Converter:  # noqa: C901, PLR0915
    """The converter of a file of format ``version``, amounts in ``currency``: one hook per type."""
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)

    def to_money(value: object, _type: object) -> Money:
        _no_float(value)
        if not isinstance(value, str | int):
            raise _Bad(value, "expected an amount as text or an integer")
        try:
            return money(value, currency)
        except InvalidInput as error:
            raise _Bad(value, error.reason) from error

    def to_rate(value: object, _type: object) -> Rate:
        _no_float(value)
        try:
            return Rate.of(value)
        except InvalidInput as error:
            raise _Bad(value, error.reason) from error

    def to_decimal(value: object, _type: object) -> Decimal:
        _no_float(value)
        if not isinstance(value, str | int):
            raise _Bad(value, "expected a number as text or an integer")
        try:  # the money policy's reading: exact, finite, within what a co-op can hold
            return decimal_of(value, field="number")
        except InvalidInput as error:
            raise _Bad(value, error.reason) from error

    def to_date(value: object, _type: object) -> dt.date:
        if isinstance(value, dt.datetime):
            raise _Bad(value, "a date without a time is expected")
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value)
            except ValueError as error:
                raise _Bad(value, "not a date (YYYY-MM-DD)") from error
        raise _Bad(value, "expected a date (YYYY-MM-DD)")

    def to_scalar(value: object, _type: object) -> Scalar:
        if isinstance(value, str | int | bool):
            return value
        if isinstance(value, float):
            raise _Bad(value, 'a float is not exact: write it as text ("3%", "1234.50")')
        raise _Bad(value, "expected text, an integer or a boolean")

    def to_measure(value: object, _type: object) -> Measure:
        if not isinstance(value, Mapping):
            return to_decimal(value, Decimal)
        years: dict[int, Decimal] = {}
        for key, amount in value.items():
            text = str(key)
            if not (text.isascii() and text.isdigit() and len(text) == 4):  # noqa: PLR2004 - YYYY
                raise _Bad(key, "a financial year (YYYY) as the key of a measure by year")
            try:
                years[int(text)] = to_decimal(amount, Decimal)
            except _Bad as error:
                raise _Bad(amount, f"{text}: {error.reason}") from error
        return dict(sorted(years.items()))

    def strict(kind: type[Any]) -> Callable[[object, object], Any]:
        def hook(value: object, _type: object) -> Any:  # noqa: ANN401 - the kind's own type
            if type(value) is not kind:
                raise _Bad(value, f"expected {_TYPE_NAMES[kind]}")
            return value

        return hook

    def to_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
        try:
            return kind(value)
        except ValueError as error:
            allowed = ", ".join(str(m.value) for m in kind)
            raise _Bad(value, f"one of {allowed}") from error

    conv.register_structure_hook(Money, to_money)
    conv.register_structure_hook(Rate, to_rate)
    conv.register_structure_hook(Decimal, to_decimal)
    conv.register_structure_hook(dt.date, to_date)
    conv.register_structure_hook(Scalar, to_scalar)
    conv.register_structure_hook(Measure, to_measure)
    for kind in (str, int, bool):
        conv.register_structure_hook(kind, strict(kind))
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), to_enum
    )

    def table(cls: type[Any]) -> Callable[[object, object], Any]:
        # A field whose key is not its name (``from``) is renamed; a table is a table.
        renamed = {
            f.name: override(rename=f.metadata[_KEY])
            for f in attrs.fields(cls)
            if _KEY in f.metadata
        }
        inner = make_dict_structure_fn(cls, conv, **renamed)  # type: ignore[arg-type]

        def hook(value: object, kind: object) -> Any:  # noqa: ANN401 - the class's instance
            if not isinstance(value, Mapping):
                raise _Bad(value, "expected a table")
            return inner(value, kind)

        return hook

    conv.register_structure_hook_factory(attrs.has, table)

    def to_levies(value: object, _type: object) -> ScheduleSpec | LeviesSpec | None:
        if value is None:
            return None
        if version == 1 and isinstance(value, list):
            raise _Bad(
                value,
                "a version-1 file has one levy schedule ([levies]); several schedules, by kind "
                "and date, need format = 2 and [[levies.schedules]] (see cooprules migrate)",
            )
        kind: type[ScheduleSpec | LeviesSpec] = LeviesSpec if version >= 2 else ScheduleSpec  # noqa: PLR2004
        return conv.structure(value, kind)

    conv.register_structure_hook_func(lambda t: t == ScheduleSpec | LeviesSpec | None, to_levies)
    return conv


_TYPE_NAMES: Final[dict[type[Any], str]] = {str: "text", int: "an integer", bool: "true or false"}


def _value_at(data: object, path: list[str | int]) -> object:
    for part in path:
        if isinstance(data, Mapping) and part in data:  # noqa: SIM114 - two types, two tests
            data = data[part]
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _render_path(path: list[str | int]) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _leaves(
    error: BaseException, path: list[str | int]
) -> Iterator[tuple[list[str | int], BaseException]]:
    """Walk cattrs' exception groups down to every leaf error and its path, in the file's order."""
    if isinstance(error, ClassValidationError | IterableValidationError):
        with_notes, without = error.group_exceptions()
        for leaf, note in with_notes:
            step: str | int = note.index if isinstance(note, IterableValidationNote) else note.name
            yield from _leaves(
                leaf, [*path, _KEYS.get(step, step) if isinstance(step, str) else step]
            )
        for leaf in without:
            yield from _leaves(leaf, path)
    elif isinstance(error, BaseExceptionGroup):
        for part in error.exceptions:
            yield from _leaves(part, path)
    else:
        yield path, error


_KEYS: Final = {"from_": "from"}
"""The fields whose key in the file is not their name (cattrs' notes name the field)."""


def _explain(
    error: BaseException, path: list[str | int], raw: object
) -> list[tuple[list[str | int], object, str]]:
    """The problems one leaf error stands for: a path, the value there and the reason each."""
    value = _value_at(raw, path)
    if isinstance(error, _Bad):
        return [(path, error.value, error.reason)]
    if isinstance(error, ForbiddenExtraKeysError):
        return [
            (
                [*path, key],
                _value_at(raw, [*path, key]),
                _MOVED.get((*(str(p) for p in path), key), "unknown key"),
            )
            for key in sorted(error.extra_fields)
        ]
    if isinstance(error, KeyError):
        # cattrs notes the missing attribute and raises a KeyError naming it: name it once.
        key = str(error.args[0]) if error.args else "?"
        at = path if path and path[-1] == key else [*path, key]
        return [(at, None, "required key missing")]
    if isinstance(error, InvalidInput):
        return [(path, value, error.reason)]
    if value is None and path:
        return [(path, None, "required key missing")]
    return [(path, value, f"{type(error).__name__}: {error}")]


def loads(text: str, *, name: str = "<scenario>", currency: str | None = None) -> Scenario:
    """Read a scenario from TOML text.

    Args:
        text: the TOML.
        name: the file's name, for error messages.
        currency: the currency when the file does not say (a loader that knows the regime passes
            the regime's); a file stating another currency is refused at ``coop.currency``.

    Raises:
        ScenarioError: the file, the path and the value of each problem found (all of them).

    A ``[tables]`` section's files are read relative to ``name``'s folder (`cooprules.tables`).
    """
    return _with_tables(_parse(text, name), name=name, currency=currency)


def _with_tables(raw: dict[str, Any], *, name: str, currency: str | None) -> Scenario:
    """Structure parsed TOML, its ``[tables]`` (files relative to ``name``'s folder) merged in."""
    if "tables" not in raw:
        return _structure(raw, name=name, currency=currency)
    from cooprules.tables import load_scenario  # noqa: PLC0415 - the tables module reads this one

    return load_scenario(raw, name=name, currency=currency)


def _parse(text: str, name: str) -> dict[str, Any]:
    """The TOML of a file, or a `ScenarioError` naming it (invalid, or nested too deeply)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ScenarioError(name, "", None, f"not valid TOML: {error}") from error
    except RecursionError:
        reason = "arrays or tables nested too deeply to be a scenario"
        raise ScenarioError(name, "", f"{len(text)} characters", reason) from None


def read_text(path: str | Path) -> str:
    """The text of a scenario file, read as UTF-8.

    Raises:
        ScenarioError: the file cannot be read (missing, a directory, not UTF-8), naming it.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ScenarioError(str(path), "", str(path), f"cannot read the file: {error}") from error


_NO_CURRENCY: Final = "XXX"
"""ISO 4217's code for "no currency": only for a file whose structure fails on its regime."""


def _currency_of_regime(name: str, coop: object) -> str:
    """The currency of the installed regime the file names (the file names no currency).

    A file naming no regime (or not as text) gets `_NO_CURRENCY`: its structure then fails
    on ``coop.regime``, with every other structure error.

    Raises:
        ScenarioError: the file names a regime no installed plug-in provides: no currency is
            assumed.
    """
    from cooprules.errors import UnknownRegime  # noqa: PLC0415
    from cooprules.plugins import get_regime  # noqa: PLC0415 - plugins read scenarios' regimes

    regime = coop.get("regime") if isinstance(coop, Mapping) else None
    if not isinstance(regime, str):
        return _NO_CURRENCY  # the structure's errors name the missing or mistyped regime
    try:
        return get_regime(regime).currency
    except UnknownRegime as error:
        reason = (
            f"no installed regime has this code ({error}); the file names no currency "
            "either (coop.currency), and none is assumed"
        )
        raise ScenarioError(name, "coop.regime", regime, reason) from error


def _structure(raw: dict[str, Any], *, name: str, currency: str | None) -> Scenario:
    """Structure parsed TOML into a scenario (the file is parsed once, by the caller).

    An ``[opening]`` is read by `cooprules.carry` and merged in before the scenario's checks.
    """
    opening = raw.get("opening")
    raw = {key: value for key, value in raw.items() if key != "opening"}
    coop = raw.get("coop")
    if isinstance(coop, Mapping) and isinstance(coop.get("currency"), str):
        stated = coop["currency"]
        if currency is not None and stated.strip().upper() != currency.strip().upper():
            # The loader's currency is the regime's: its law's amounts (schedules, fees) are in it.
            reason = f"the regime {coop.get('regime')!s} states its amounts in {currency}"
            raise ScenarioError(name, "coop.currency", stated, reason)
        currency = stated
    if currency is None:
        currency = _currency_of_regime(name, coop)
    try:
        money("0", currency)
    except InvalidInput as error:
        raise ScenarioError(name, "coop.currency", currency, error.reason) from error
    version = _version(raw, name)
    try:
        scenario = _converter(currency, version).structure(raw, Scenario)
    except Exception as error:
        found = [
            ScenarioError(name, _render_path(at), value, reason)
            for path, leaf in _leaves(error, [])
            for at, value, reason in _explain(leaf, path, raw)
        ]
        raise ScenarioError.of(found or [ScenarioError(name, "", None, str(error))]) from error
    scenario = attrs.evolve(
        scenario, source=name, coop=attrs.evolve(scenario.coop, currency=currency)
    )
    if opening is not None:
        from cooprules.carry import open_scenario  # noqa: PLC0415 - carry reads scenarios

        scenario = open_scenario(scenario, opening)
    problems: list[ScenarioError] = []
    for check in (
        _check_references,
        _check_measures,
        _check_elections,
        _check_levies,
        _check_member_decisions,
        _check_expected,
        _check_capital_and_reserves,
        _check_books,
        _check_ranges,
    ):
        try:
            check(scenario)
        except ScenarioError as error:
            problems.append(error)
    if problems:
        raise ScenarioError.of(problems)
    return scenario


def _version(raw: Mapping[str, object], name: str) -> int:
    """The file's format: ``format = 2``, or 1 when the file says none."""
    version = raw.get("format", 1)
    if type(version) is not int:
        raise ScenarioError(name, "format", version, "the format is an integer: format = 2")
    if version not in FORMATS:
        known = " and ".join(str(f) for f in FORMATS)
        reason = f"this version of cooprules reads the formats {known}"
        raise ScenarioError(name, "format", version, reason)
    return version


_Part = typing.TypeVar("_Part")


def structure_part(raw: object, kind: type[_Part], *, name: str, currency: str, at: str) -> _Part:
    """Structure one part of a file (a member, a share class) as the scenario format reads it.

    Amounts, dates, rates and measures are read exactly as in a scenario (text or integers, ISO
    dates); `cooprules.carry` reads a closing file's parts with it.

    Args:
        raw: the part, parsed (JSON or TOML).
        kind: the class of the part (`MemberSpec`...).
        name: the file, for errors.
        currency: the currency of its amounts.
        at: the part's path in the file (``members[2]``), prefixed to every error's path.

    Raises:
        ScenarioError: every problem of the part, each naming the file, its path and the value.
    """
    try:
        return _converter(currency, 2).structure(raw, kind)
    except Exception as error:
        found = [
            ScenarioError(name, _render_path([at, *where] if at else where), value, why)
            for path, leaf in _leaves(error, [])
            for where, value, why in _explain(leaf, path, raw)
        ]
        raise ScenarioError.of(found or [ScenarioError(name, at, raw, str(error))]) from error


_REDEMPTION_ONLY: Final = ("repaid", "net_asset_value_per_share", "share_of_losses", "position")


def _check_capital_and_reserves(scenario: Scenario) -> None:  # noqa: C901 - one check per field
    """Redemption figures on redemptions only, amounts not negative, reserves named once."""
    name = scenario.source
    for i, op in enumerate(scenario.share_operations):
        for field in _REDEMPTION_ONLY:
            value = getattr(op, field)
            if value is not None and op.kind is not OperationKind.REDEEM:
                path = f"share_operations[{i}].{field}"
                raise ScenarioError(name, path, op.kind.value, "only a redeem operation has it")
        for field in _REDEMPTION_ONLY[:3]:
            value = getattr(op, field)
            if value is not None and value.amount < 0:
                path = f"share_operations[{i}].{field}"
                raise ScenarioError(name, path, str(value.amount), "must not be negative")
    balances = scenario.accounts.reserve_balances if scenario.accounts is not None else {}
    codes: set[str] = set()
    movements: set[str] = set()
    for i, reserve in enumerate(scenario.reserves):
        where = f"reserves[{i}]"
        if not reserve.code.strip() or reserve.code in codes:
            raise ScenarioError(name, f"{where}.code", reserve.code, "a reserve code, once")
        codes.add(reserve.code)
        opening = reserve.opening
        if opening is not None and opening.amount < 0:
            raise ScenarioError(name, f"{where}.opening", str(opening.amount), "negative")
        stated = balances.get(reserve.code)
        if opening is not None and stated is not None and stated != opening:
            reason = f"accounts.reserve_balances gives {stated.amount}: one balance, stated once"
            raise ScenarioError(name, f"{where}.opening", str(opening.amount), reason)
        for j, movement in enumerate(reserve.movements):
            path = f"{where}.movements[{j}]"
            if movement.id in movements:
                raise ScenarioError(name, f"{path}.id", movement.id, "a movement id appears twice")
            movements.add(movement.id)
            if movement.amount.amount <= 0:
                raise ScenarioError(name, f"{path}.amount", str(movement.amount.amount), "positive")


_Least = tuple[str, object, int, str]
"""A figure with its least value: its path, its value (a number or a Money), the least, why."""


def _check_ranges(scenario: Scenario) -> None:
    """The figures a co-op can have: a year, months, counts and amounts that are not negative."""
    found: list[ScenarioError] = []
    year = scenario.coop.year
    if year not in YEARS:
        reason = f"a financial year from {YEARS.start} to {YEARS.stop - 1}"
        found.append(ScenarioError(scenario.source, "coop.year", year, reason))
    for i, member in enumerate(scenario.members):
        work = member.work
        if work is not None and not 0 <= work.months_present <= 12:  # noqa: PLR2004 - a year
            path, reason = f"members[{i}].work.months_present", "months of presence are 0..12"
            found.append(ScenarioError(scenario.source, path, work.months_present, reason))
    for d, decision in enumerate(scenario.meeting.decisions if scenario.meeting else ()):
        if decision.call not in {1, 2}:
            path, reason = f"meeting.decisions[{d}].call", "the first (1) or the second (2) call"
            found.append(ScenarioError(scenario.source, path, decision.call, reason))
    figures = itertools.chain(
        _member_figures(scenario), _capital_figures(scenario), _schedule_figures(scenario)
    )
    for path, value, least, reason in figures:
        number = value.amount if isinstance(value, Money) else value
        if isinstance(number, int | Decimal) and number < least:
            shown = str(number) if isinstance(value, Money | Decimal) else value
            found.append(ScenarioError(scenario.source, path, shown, reason))
    if found:
        raise ScenarioError.of(found)


def _member_figures(scenario: Scenario) -> Iterator[_Least]:
    for i, member in enumerate(scenario.members):
        for j, event in enumerate(member.events):
            yield f"members[{i}].events[{j}].months", event.months, 1, "at least 1 month"
        for measure, value in member.measures.items():
            by_year = value.items() if isinstance(value, dict) else [(None, value)]
            for year, amount in by_year:
                key = "" if year is None else f".{year}"
                yield f"members[{i}].measures.{measure}{key}", amount, 0, "not negative"
        if member.work is not None:
            work, where = member.work, f"members[{i}].work"
            yield f"{where}.pay", work.pay, 0, "a pay is not negative"
            yield f"{where}.time", work.time, 0, "a time worked is not negative"
            yield f"{where}.seniority_months", work.seniority_months, 0, "not negative"


def _capital_figures(scenario: Scenario) -> Iterator[_Least]:
    for i, share_class in enumerate(scenario.share_classes):
        yield f"share_classes[{i}].nominal", share_class.nominal, 0, "not negative"
    for i, op in enumerate(scenario.share_operations):
        if op.kind is not OperationKind.PAY_UP:  # a pay-up moves money, not shares
            yield f"share_operations[{i}].shares", op.shares, 1, "at least one share"
        yield f"share_operations[{i}].amount", op.amount, 0, "not negative"
        if op.position is not None:
            where = f"share_operations[{i}].position"
            yield f"{where}.unavailable_equity", op.position.unavailable_equity, 0, "not negative"
            if op.position.liquidity_finding is not None:
                months = op.position.liquidity_finding.months
                yield f"{where}.liquidity_finding.months", months, 0, "not negative"
    if scenario.accounts is not None:
        for field in ("debts", "highest_capital", "unavailable_equity"):
            yield f"accounts.{field}", getattr(scenario.accounts, field), 0, "not negative"
    finding = scenario.distribution.liquidity_finding if scenario.distribution else None
    if finding is not None:
        yield "distribution.liquidity_finding.months", finding.months, 0, "not negative"


def _schedule_figures(scenario: Scenario) -> Iterator[_Least]:
    schedules: list[tuple[str, ScheduleSpec]] = [
        (f"activities[{i}].levy", a.levy) for i, a in enumerate(scenario.activities) if a.levy
    ]
    levies = scenario.levies
    if isinstance(levies, LeviesSpec):
        schedules += [(f"levies.schedules[{i}]", s) for i, s in enumerate(levies.schedules)]
    elif levies is not None:
        schedules.append(("levies", levies))
    for where, spec in schedules:
        for field in ("fixed_per_period", "minimum_per_period", "maximum_per_year"):
            yield f"{where}.{field}", getattr(spec, field), 0, "not negative"


def _check_member_decisions(scenario: Scenario) -> None:
    """Each decision behind a member's event is one the library can build."""
    for i, member in enumerate(scenario.members):
        for j, event in enumerate(member.events):
            if event.decision is None:
                continue
            try:
                event.decision.to_decision()
            except InvalidInput as error:
                path = f"members[{i}].events[{j}].{error.field}"
                raise ScenarioError(scenario.source, path, error.value, error.reason) from error


def load(path: str | Path, *, currency_of_regime: Callable[[str], str] | None = None) -> Scenario:
    """Read a scenario file.

    Args:
        path: the TOML file; its ``[tables]`` section's files are relative to its folder.
        currency_of_regime: gives a regime's currency (for a file that names none); by default
            the file's ``coop.currency``, else the installed regime's (none is assumed).

    Raises:
        ScenarioError: the file cannot be read, or names the file, path and value of a problem.
    """
    raw = _parse(read_text(path), str(path))
    currency = None
    if currency_of_regime is not None:
        try:
            regime = raw.get("coop", {}).get("regime")
            if isinstance(regime, str):
                currency = currency_of_regime(regime)
        except (AttributeError, LookupError):
            currency = None  # the structured load reports it with its path
    return _with_tables(raw, name=str(path), currency=currency)


def _check_references(scenario: Scenario) -> None:  # noqa: C901, PLR0912 - one check per kind
    name = scenario.source
    found: list[ScenarioError] = []

    def fail(path: str, value: object, reason: str) -> None:
        found.append(ScenarioError(name, path, value, reason))

    coop = scenario.coop
    if not 1 <= coop.first_month <= 12:  # noqa: PLR2004 - months of the year
        fail("coop.first_month", coop.first_month, "a month is 1..12")
    if coop.voting is not None and (coop.voting.max_proxies or 0) < 0:
        fail("coop.voting.max_proxies", coop.voting.max_proxies, "a number of proxies, at least 0")
    ids: set[str] = set()
    _check_persons(scenario, fail)
    for i, member in enumerate(scenario.members):
        if member.id in ids:
            fail(f"members[{i}].id", member.id, "a member id appears twice")
        ids.add(member.id)
        for j, event in enumerate(member.events):
            if event.trial_end is not None and (
                event.kind is not EventKind.EMPLOYED or event.trial_end <= event.date
            ):
                fail(
                    f"members[{i}].events[{j}].trial_end",
                    event.trial_end,
                    "a trial period ends after the start of an employed event",
                )
    classes = {c.code for c in scenario.share_classes}
    for i, op in enumerate(scenario.share_operations):
        if op.member not in ids:
            fail(f"share_operations[{i}].member", op.member, "not a member of the scenario")
        if op.share_class not in classes:
            fail(f"share_operations[{i}].share_class", op.share_class, "not a share class")
        if op.into is not None and op.into not in classes:
            fail(f"share_operations[{i}].into", op.into, "not a share class")
    activities: set[str] = set()
    for i, activity in enumerate(scenario.activities):
        if activity.id in activities:
            fail(f"activities[{i}].id", activity.id, "an activity id appears twice")
        activities.add(activity.id)
        if activity.owner not in ids:
            fail(f"activities[{i}].owner", activity.owner, "not a member of the scenario")
        for field in ("revenue", "direct_costs"):
            months = getattr(activity, field)
            if len(months) > 12:  # noqa: PLR2004 - months of the year
                fail(f"activities[{i}].{field}", len(months), "at most 12 months")
    if scenario.meeting is not None:
        seen: set[str] = set()
        for d, decision in enumerate(scenario.meeting.decisions):
            where = f"meeting.decisions[{d}]"
            if decision.id in seen:
                fail(f"{where}.id", decision.id, "a decision id appears twice")
            seen.add(decision.id)
            for voter in decision.ballots:
                if voter not in ids:
                    fail(f"{where}.ballots.{voter}", voter, "not a member of the scenario")
            for p, proxy in enumerate(decision.proxies):
                # a spouse or adult child representing a member is not one: named, not listed
                for field in ("grantor",) if proxy.family else ("grantor", "holder"):
                    if getattr(proxy, field) not in ids:
                        fail(
                            f"{where}.proxies[{p}].{field}", getattr(proxy, field), "unknown member"
                        )
            for p, present in enumerate(decision.present or ()):
                if present not in ids:
                    fail(f"{where}.present[{p}]", present, "not a member of the scenario")
    if found:
        raise ScenarioError.of(found)


PERSON_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}")
"""A person's identifier across co-ops (``p:ines-lambert``): what `MemberSpec.person` accepts."""


def person_problem(person: object, seen: Iterable[str] = ()) -> str | None:
    """What is wrong with a person identifier (``None``: nothing), given those already seen."""
    if not isinstance(person, str) or PERSON_ID.fullmatch(person) is None:
        return "a person id: letters, digits and . _ : @ - (at most 100), such as p:ines-lambert"
    if person in seen:
        return "a person id appears twice: one member per person in a co-op"
    return None


def _check_persons(scenario: Scenario, fail: Callable[[str, object, str], None]) -> None:
    """Each member's person id is well formed and names one member of the scenario only."""
    persons: set[str] = set()
    for i, member in enumerate(scenario.members):
        if member.person is not None:
            problem = person_problem(member.person, persons)
            if problem is not None:
                fail(f"members[{i}].person", member.person, problem)
            persons.add(member.person)


_Fact = typing.TypeVar("_Fact", bool, int, str)


def member_fact(
    scenario: Scenario,
    index: int,
    key: str,
    kind: type[_Fact],
    *,
    default: _Fact,
    minimum: int | None = None,
) -> _Fact:
    """A fact of ``scenario.members[index].facts`` as a regime's rule reads it, of one type.

    A flag is a TOML boolean (``true``) and a count a TOML integer: ``"false"`` is refused, never
    read as true, and ``"210.5"`` or ``210.5`` days is refused, never cut to 210.

    Args:
        scenario: the scenario.
        index: the member's position in ``scenario.members``.
        key: the fact's key (``"unemployment_days_18_months"``).
        kind: ``bool``, ``int`` or ``str``.
        default: the value when the member states no such fact.
        minimum: the least value of an ``int`` fact, if any.

    Raises:
        ScenarioError: the fact is of another type or below ``minimum``; it names the file,
            ``members[i].facts.<key>`` and the value
            (``a.toml: members[3].facts.unemployment_days_18_months: expected an integer (got
            '210.5')``).
    """
    facts = scenario.members[index].facts
    if key not in facts:
        return default
    value = facts[key]
    path = f"members[{index}].facts.{key}"
    if type(value) is not kind:
        raise ScenarioError(scenario.source, path, value, f"expected {_TYPE_NAMES[kind]}")
    if minimum is not None and isinstance(value, int) and value < minimum:
        raise ScenarioError(scenario.source, path, value, f"at least {minimum}")
    return value


def levy_schedules(scenario: Scenario) -> tuple[tuple[str, LevyScheduleSpec], ...]:
    """The scenario's levy schedules in format 2's shape, each with its path and its end date.

    A version-1 ``[levies]`` is one schedule for every kind. A schedule without ``until`` ends
    where the next schedule of its kind (or of every kind) starts: the Belgian sample's "9 % from
    2027" is a second schedule ``from = 2027-01-01``, and the first ends on that day.

    ```pycon
    >>> scenario = loads('''
    ... format = 2
    ... [coop]
    ... regime = "be-activity"
    ... name = "Coop"
    ... year = 2026
    ... [[levies.schedules]]
    ... rate = "10%"
    ... [[levies.schedules]]
    ... rate = "9%"
    ... from = 2027-01-01
    ... ''')
    >>> [(path, str(spec.rate), spec.until) for path, spec in levy_schedules(scenario)]
    [('levies.schedules[0]', '10%', datetime.date(2027, 1, 1)), ('levies.schedules[1]', '9%', None)]

    ```
    """
    levies = scenario.levies
    if levies is None:
        return ()
    if isinstance(levies, LeviesSpec):
        entries = [(f"levies.schedules[{i}]", spec) for i, spec in enumerate(levies.schedules)]
    else:
        entries = [("levies", LevyScheduleSpec(**attrs.asdict(levies, recurse=False)))]
    groups: dict[object, list[int]] = {}
    for i, (_, spec) in enumerate(entries):
        groups.setdefault(i if spec.named_only else spec.kind, []).append(i)
    for members in groups.values():
        ordered = sorted(members, key=lambda i: entries[i][1].from_ or dt.date.min)
        for here, after in itertools.pairwise(ordered):
            path, spec = entries[here]
            if spec.until is None and entries[after][1].from_ is not None:
                entries[here] = (path, attrs.evolve(spec, until=entries[after][1].from_))
    return tuple(entries)


def _schedule_problem(spec: ScheduleSpec) -> tuple[str, object, str] | None:
    """What is wrong with one schedule: the key, the value and the reason (``None``: nothing)."""
    if (spec.sample is None) == (spec.rate is None and not spec.bands):
        return "", spec.sample, "give either sample, or rate or bands"
    if isinstance(spec, DatedScheduleSpec):
        start, end = spec.from_, spec.until
        if start is not None and end is not None and end <= start:
            return ".until", end, f"a schedule ends after it starts (from {start})"
    return None


def _check_levies(scenario: Scenario) -> None:  # noqa: C901 - one check per rule
    """The levy schedules: each complete, one of a kind in force on a day, every name known."""
    name = scenario.source
    found: list[ScenarioError] = []
    schedules = levy_schedules(scenario)
    ids: dict[str, LevyScheduleSpec] = {}
    decisions = {d.id for d in scenario.meeting.decisions} if scenario.meeting else set()
    for path, spec in schedules:
        problem = _schedule_problem(spec)
        if problem is not None:
            found.append(ScenarioError(name, path + problem[0], problem[1], problem[2]))
        if spec.id is not None:
            if spec.id in ids:
                found.append(
                    ScenarioError(name, f"{path}.id", spec.id, "a schedule id appears twice")
                )
            ids[spec.id] = spec
        if spec.decision is not None and spec.decision not in decisions:
            reason = "not a decision of [[meeting.decisions]]"
            found.append(ScenarioError(name, f"{path}.decision", spec.decision, reason))
        if spec.named_only and (spec.id is None or spec.kind is not None):
            reason = "a schedule only for the activities naming it has an id and no kind"
            found.append(ScenarioError(name, f"{path}.named_only", spec.named_only, reason))
    by_group: dict[object, list[tuple[str, LevyScheduleSpec]]] = {}
    for path, spec in schedules:
        if not spec.named_only:
            by_group.setdefault(spec.kind, []).append((path, spec))
    for group in by_group.values():
        ordered = sorted(group, key=lambda item: item[1].from_ or dt.date.min)
        for (_, first), (path, then) in itertools.pairwise(ordered):
            start = then.from_ or dt.date.min
            if (first.from_ or dt.date.min) == start or (first.until or dt.date.max) > start:
                what = then.kind.value if then.kind is not None else "every kind"
                reason = f"two schedules of {what} are in force on {start}: date them apart"
                found.append(ScenarioError(name, f"{path}.from", then.from_, reason))
    found.extend(_check_activity_levies(scenario, schedules, ids))
    if found:
        raise ScenarioError.of(found)


def _check_activity_levies(
    scenario: Scenario,
    schedules: Sequence[tuple[str, LevyScheduleSpec]],
    ids: Mapping[str, LevyScheduleSpec],
) -> list[ScenarioError]:
    """Each activity levied: by its own schedule, a named one, or its kind's."""
    name = scenario.source
    found: list[ScenarioError] = []
    kinds = {spec.kind for _, spec in schedules if not spec.named_only}
    unlevied: list[str] = []
    for i, activity in enumerate(scenario.activities):
        where = f"activities[{i}]"
        if activity.levy is not None:
            problem = _schedule_problem(activity.levy)
            if problem is not None:
                found.append(
                    ScenarioError(name, f"{where}.levy{problem[0]}", problem[1], problem[2])
                )
            if activity.schedule is not None:
                found.append(
                    ScenarioError(
                        name, f"{where}.schedule", activity.schedule, "give either schedule or levy"
                    )
                )
        elif activity.schedule is not None:
            if activity.schedule not in ids:
                reason = "not the id of a schedule of [[levies.schedules]] (format 2)"
                found.append(ScenarioError(name, f"{where}.schedule", activity.schedule, reason))
        elif scenario.levies is None:
            unlevied.append(activity.id)
        elif activity.kind not in kinds and None not in kinds:
            reason = "no schedule of [[levies.schedules]] levies this kind, nor every kind"
            found.append(ScenarioError(name, f"{where}.kind", activity.kind.value, reason))
    if unlevied:
        reason = "activities need a levy schedule ([levies], or the activity's own levy)"
        found.append(ScenarioError(name, "levies", None, reason))
    return found


def _check_measures(scenario: Scenario) -> None:
    """A measure by year names no year after the scenario's financial year."""
    for i, member in enumerate(scenario.members):
        for name, value in member.measures.items():
            if isinstance(value, dict):
                for year in value:
                    if year > scenario.coop.year:
                        raise ScenarioError(
                            scenario.source,
                            f"members[{i}].measures.{name}.{year}",
                            year,
                            f"a year after the scenario's financial year {scenario.coop.year}",
                        )


def _check_elections(scenario: Scenario) -> None:  # noqa: C901 - one check per field
    """Each election names its candidates, voters and choices consistently."""
    if scenario.meeting is None:
        return
    members = {m.id for m in scenario.members}
    seen: set[str] = set()
    for e, election in enumerate(scenario.meeting.elections):
        where = f"meeting.elections[{e}]"

        def fail(path: str, value: object, reason: str, where: str = where) -> typing.NoReturn:
            raise ScenarioError(scenario.source, f"{where}{path}", value, reason)

        if election.id in seen:
            fail(".id", election.id, "an election id appears twice")
        seen.add(election.id)
        if election.seats < 1:
            fail(".seats", election.seats, "at least one seat")
        if election.method is ElectionMethod.INSTANT_RUNOFF and election.seats != 1:
            fail(".seats", election.seats, "an instant runoff fills one seat")
        named = [
            *((f"candidates[{c}]", x.id) for c, x in enumerate(election.candidates)),
            *((f"continuing[{c}]", x.id) for c, x in enumerate(election.continuing)),
        ]
        ids = [i for _, i in named]
        for k, (field, candidate) in enumerate(named):
            if ids.index(candidate) != k:
                fail(f".{field}.id", candidate, "named twice among candidates and directors")
        _check_ballots(election, members, fail)
        categories = [limit.category for limit in election.category_limits]
        for k, category in enumerate(categories):
            if categories.index(category) != k:
                fail(f".category_limits[{k}].category", category, "a category capped twice")


def _check_ballots(
    election: ElectionSpec,
    members: set[str],
    fail: Callable[[str, object, str], typing.NoReturn],
) -> None:
    candidates = {c.id for c in election.candidates}
    limit = election.seats if election.method is ElectionMethod.PLURALITY else None
    for voter, choices in election.ballots.items():
        if voter not in members:
            fail(f".ballots.{voter}", voter, "not a member of the scenario")
        if len(set(choices)) != len(choices):
            fail(f".ballots.{voter}", list(choices), "a candidate is named twice")
        if limit is not None and len(choices) > limit:
            fail(f".ballots.{voter}", list(choices), f"at most {limit} candidates")
        for k, choice in enumerate(choices):
            if choice not in candidates:
                fail(f".ballots.{voter}[{k}]", choice, "not a candidate of the election")


def _check_books(scenario: Scenario) -> None:
    """Pooled costs and payroll name activities and members of the scenario, with usable values."""
    name = scenario.source

    def fail(path: str, value: object, reason: str) -> typing.NoReturn:
        raise ScenarioError(name, path, value, reason)

    _check_pooled(scenario, fail)
    _check_payroll(scenario, fail)
    amounts = [
        (f"activities[{i}].opening_balance", a.opening_balance)
        for i, a in enumerate(scenario.activities)
    ]
    amounts += [
        (f"pooled_costs[{i}].amount", c.amount) for i, c in enumerate(scenario.pooled_costs)
    ]
    amounts += [(f"payroll[{i}].gross", p.gross) for i, p in enumerate(scenario.payroll)]
    for path, amount in amounts:
        if amount is not None:
            try:
                to_minor_units(amount, field=path)
            except InvalidInput as error:
                fail(path, str(amount.amount), error.reason)


def _check_pooled(  # noqa: C901, PLR0912 - one check per field
    scenario: Scenario, fail: Callable[[str, object, str], typing.NoReturn]
) -> None:
    activities = {a.id for a in scenario.activities}
    codes: set[str] = set()
    weighed = {AllocationKey.USAGE, AllocationKey.FIXED}
    for i, cost in enumerate(scenario.pooled_costs):
        where = f"pooled_costs[{i}]"
        if not activities:
            fail(where, cost.code, "pooled costs are charged to activities: the scenario has none")
        if cost.code in codes or "/" in cost.code:
            fail(f"{where}.code", cost.code, "a pooled cost's code is unique and has no '/'")
        codes.add(cost.code)
        if cost.amount.amount < 0:
            fail(f"{where}.amount", str(cost.amount.amount), "a pooled cost is not negative")
        for j, month in enumerate(cost.months):
            if not 1 <= month <= 12 or month in cost.months[:j]:  # noqa: PLR2004 - months
                fail(f"{where}.months[{j}]", month, "a month of the financial year, 1..12, once")
        if cost.monthly_weights:
            _check_monthly_weights(cost, where, activities, fail)
        elif (cost.key in weighed) != bool(cost.weights):
            reason = (
                f"a {cost.key.value} key needs weights per activity"
                if cost.key in weighed
                else f"a {cost.key.value} key takes no weights (use activities)"
            )
            fail(f"{where}.weights", cost.weights or None, reason)
        if cost.key in weighed and cost.activities:
            fail(f"{where}.activities", list(cost.activities), "the weights name the activities")
        for activity in (*cost.weights, *cost.activities):
            if activity not in activities:
                fail(f"{where}.activities", activity, "not an activity of the scenario")
        for activity, weight in cost.weights.items():
            if weight < 0:
                fail(f"{where}.weights.{activity}", str(weight), "a weight is not negative")


def _check_monthly_weights(
    cost: PooledCostSpec,
    where: str,
    activities: set[str],
    fail: Callable[[str, object, str], typing.NoReturn],
) -> None:
    """A usage key's units of each month: twelve non-negative numbers per known activity."""
    if cost.key is not AllocationKey.USAGE or cost.weights:
        fail(
            f"{where}.monthly_weights",
            cost.key.value,
            "monthly weights are a usage key's, instead of weights",
        )
    for activity, months in cost.monthly_weights.items():
        path = f"{where}.monthly_weights.{activity}"
        if activity not in activities:
            fail(path, activity, "not an activity of the scenario")
        if len(months) != 12:  # noqa: PLR2004 - months of the year
            fail(path, len(months), "twelve numbers, one for each month of the financial year")
        for m, weight in enumerate(months):
            if weight < 0:
                fail(f"{path}[{m}]", str(weight), "a weight is not negative")


def _check_payroll(scenario: Scenario, fail: Callable[[str, object, str], typing.NoReturn]) -> None:
    activities = {a.id for a in scenario.activities}
    members = {m.id for m in scenario.members}
    paid: set[str] = set()
    for i, pay in enumerate(scenario.payroll):
        where = f"payroll[{i}]"
        if pay.member not in members:
            fail(f"{where}.member", pay.member, "not a member of the scenario")
        if pay.activity not in activities:
            fail(f"{where}.activity", pay.activity, "not an activity of the scenario")
        if pay.activity in paid:
            fail(f"{where}.activity", pay.activity, "one payroll entry per activity")
        paid.add(pay.activity)
        if pay.rule is PayRule.FIXED and pay.gross is None:
            fail(f"{where}.gross", None, "a fixed salary states its monthly gross")
        if pay.gross is not None and pay.gross.amount < 0:
            fail(f"{where}.gross", str(pay.gross.amount), "a gross pay is not negative")


def _check_expected(scenario: Scenario) -> None:
    """The ``[expected]`` section names members, activities and decisions of the scenario."""
    expected = scenario.expected
    if expected is None:
        return
    name = scenario.source
    members = {m.id for m in scenario.members}
    activities = {a.id for a in scenario.activities}
    decisions = {d.id for d in scenario.meeting.decisions} if scenario.meeting else set()
    references = (
        ("deadlines", "member", members, "a member"),
        ("levies", "activity", activities, "an activity"),
        ("distribution", "member", members, "a member"),
        ("votes", "decision", decisions, "a decision of the meeting"),
        ("members", "member", members, "a member"),
    )
    for section, field, known, what in references:
        for i, item in enumerate(getattr(expected, section)):
            value = getattr(item, field)
            if value is not None and value not in known:
                path = f"expected.{section}[{i}].{field}"
                raise ScenarioError(name, path, value, f"not {what} of the scenario")
    _check_expected_values(name, expected)


def _check_expected_values(name: str, expected: ExpectedSpec) -> None:
    for i, deadline in enumerate(expected.deadlines):
        if deadline.state is ObligationState.MET:
            path = f"expected.deadlines[{i}].state"
            reason = "the report lists the deadlines not met yet: pending or overdue"
            raise ScenarioError(name, path, deadline.state.value, reason)
    for i, levy in enumerate(expected.levies):
        if levy.month is not None and not 1 <= levy.month <= 12:  # noqa: PLR2004 - months
            path = f"expected.levies[{i}].month"
            raise ScenarioError(name, path, levy.month, "a month of the financial year is 1..12")
    for i, vote in enumerate(expected.votes):
        if vote.adopted is None and vote.quorum_reached is None and vote.share_for is None:
            reason = "state at least one of adopted, quorum_reached, share_for"
            raise ScenarioError(name, f"expected.votes[{i}]", vote.decision, reason)


# --- JSON Schema ---------------------------------------------------------------------------------

_AMOUNT: Final = {
    "description": "an amount: text or an integer, never a float",
    "oneOf": [{"type": "string", "pattern": r"^-?[0-9]+(\.[0-9]+)?$"}, {"type": "integer"}],
}
_RATE: Final = {
    "description": "a rate: '13.5%', '0.135', '27/200' or an integer",
    "oneOf": [{"type": "string"}, {"type": "integer"}],
}
_DATE: Final = {"type": "string", "format": "date", "description": "a TOML date (YYYY-MM-DD)"}
_SCALAR: Final = {"type": ["string", "integer", "boolean"]}
_MEASURE: Final = {
    "description": "the year's measure, or one per financial year (YYYY = measure)",
    "anyOf": [
        _AMOUNT,
        {
            "type": "object",
            "propertyNames": {"pattern": "^[0-9]{4}$"},
            "additionalProperties": _AMOUNT,
        },
    ],
}


def _schema_of(kind: Any, defs: dict[str, Any]) -> dict[str, Any]:  # noqa: ANN401, C901, PLR0911, PLR0912
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if kind is Money:
        return dict(_AMOUNT)
    if kind is Rate:
        return dict(_RATE)
    if kind is Decimal:
        return dict(_AMOUNT)
    if kind is dt.date:
        return dict(_DATE)
    if kind == Scalar:
        return dict(_SCALAR)
    if kind == Measure:
        return dict(_MEASURE)
    if kind is str:
        return {"type": "string"}
    if kind is bool:
        return {"type": "boolean"}
    if kind is int:
        return {"type": "integer"}
    if origin is typing.Literal:
        return {"type": "integer", "enum": list(args)}
    if origin in {types.UnionType, typing.Union}:
        rest = [a for a in args if a is not type(None)]
        return (
            _schema_of(rest[0], defs)
            if len(rest) == 1
            else {"anyOf": [_schema_of(a, defs) for a in rest]}
        )
    if origin is tuple:
        return {"type": "array", "items": _schema_of(args[0], defs)}
    if origin is dict:
        return {"type": "object", "additionalProperties": _schema_of(args[1], defs)}
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return {"type": "string", "enum": [m.value for m in kind]}
    if attrs.has(kind):
        name = kind.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _class_schema(kind, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(kind)  # pragma: no cover - every type of the format is handled above


def _class_schema(cls: type[Any], defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, globalns={**globals(), "Scalar": Scalar})
    properties: dict[str, Any] = {}
    required: list[str] = []
    for field in attrs.fields(cls):
        if cls is Scenario and field.name == "source":
            continue
        key = field.metadata.get(_KEY, field.name)
        properties[key] = _schema_of(hints[field.name], defs)
        if field.default is attrs.NOTHING:
            required.append(key)
    doc = (cls.__doc__ or "").strip().splitlines()[0]
    out: dict[str, Any] = {
        "type": "object",
        "description": doc,
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        out["required"] = required
    return out


def json_schema() -> dict[str, Any]:
    """The scenario format as a JSON Schema (draft 2020-12), generated from the classes.

    ```pycon
    >>> schema = json_schema()
    >>> schema["required"], sorted(schema["$defs"])[:3]
    (['coop'], ['AccountsSpec', 'ActivitySpec', 'BandSpec'])

    ```
    """
    defs: dict[str, Any] = {}
    root = _class_schema(Scenario, defs)
    # [opening] is read by cooprules.carry: a closing file's name, or a closing's content inline.
    root["properties"]["opening"] = {
        "type": "object",
        "description": "the state the year opens on: from = a closing file written by "
        "cooprules run --close (relative to the scenario), or that file's content inline "
        "(docs/years.md)",
        "properties": {"from": {"type": "string"}},
    }
    defs.pop("Opening", None)  # the merged state, not a key of the file
    root["properties"]["format"]["description"] = (
        "the version of the format: 2; a file without it is version 1"
    )
    # [levies] is one schedule in format 1, the schedules by kind and date in format 2.
    root["allOf"] = [
        {
            "if": {"required": ["format"], "properties": {"format": {"const": 2}}},
            "then": {"properties": {"levies": {"$ref": "#/$defs/LeviesSpec"}}},
            "else": {"properties": {"levies": {"$ref": "#/$defs/ScheduleSpec"}}},
        }
    ]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/cooprules/cooprules/blob/main/docs/scenario.schema.json",
        "title": "cooprules scenario",
        **root,
        "$defs": dict(sorted(defs.items())),
    }
