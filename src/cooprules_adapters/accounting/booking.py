"""Booking functions: one per result type, each returning balanced journal entries.

Every entry is dated, names its source (which result, which step or operation) and carries the
explanation of its amounts: the engine's own steps, then a booking step citing the chart.
Postings name the member or the activity they concern.

* [`book_levy_year()`][cooprules_adapters.accounting.booking.book_levy_year] /
  [`book_levy_statement()`][cooprules_adapters.accounting.booking.book_levy_statement]: each
  period's levy, the activity's expense and the co-op's contributions income, paid from the
  activity's treasury;
* [`book_distribution()`][cooprules_adapters.accounting.booking.book_distribution]: each step of a
  surplus distribution (reserves, interest on shares, refunds in cash and in shares, the worker
  share);
* [`book_share_register()`][cooprules_adapters.accounting.booking.book_share_register] /
  [`book_share_operation()`][cooprules_adapters.accounting.booking.book_share_operation]:
  subscriptions, pay-ups, transfers and redemptions, on equity and member accounts, never on
  revenue;
* [`book_reserve_movement()`][cooprules_adapters.accounting.booking.book_reserve_movement] /
  [`book_reserve_ledger()`][cooprules_adapters.accounting.booking.book_reserve_ledger]: allocations,
  loss absorption, devolution received, incorporation, distribution and repayment;
* [`book_loss_absorption()`][cooprules_adapters.accounting.booking.book_loss_absorption]: the result
  of [`cooprules.surplus.absorb_loss()`][cooprules.reserves.absorb_loss];
* [`book_liquidation()`][cooprules_adapters.accounting.booking.book_liquidation]: debts, capital
  repaid, the balance devolved (or shared);
* [`book_pooled_charge()`][cooprules_adapters.accounting.booking.book_pooled_charge],
  [`book_activity_line()`][cooprules_adapters.accounting.booking.book_activity_line] and
  [`book_pay()`][cooprules_adapters.accounting.booking.book_pay]: the rest of an activity's own
  accounts (pooled costs charged to it, its revenue and direct costs, its entrepreneur's pay and
  employer charges), each through its treasury;
* [`book_year()`][cooprules_adapters.accounting.year.book_year]: the whole year of a report.

```pycon
>>> from datetime import date
>>> from cooprules.levies import Activity, ActivityKind, LevyPolicy, Line, Schedule, levy_year
>>> from cooprules.money import format_amount
>>> act = Activity("a1", owner="ana", kind=ActivityKind.SERVICES, start=date(2025, 1, 1),
...                currency="EUR")
>>> year = levy_year(act, [Line.month("a1", 2025, 1, revenue="1000.00", currency="EUR")],
...                  LevyPolicy.single(Schedule.flat("10%", name="demo", currency="EUR")), 2025)
>>> [entry] = book_levy_year(year, FR_PCG)
>>> for posting in entry.postings:
...     print(posting.account, format_amount(posting.amount), posting.activity)
6281 Contribution coopérative 100.00 EUR a1
706 Prestations de services – contributions -100.00 EUR a1
512 Banque 100.00 EUR a1
5121 Trésoreries des activités -100.00 EUR a1

```
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

import attrs
from moneyed import Currency, Money

from cooprules.capital import Operation, OperationKind, ShareRegister
from cooprules.errors import InvalidInput
from cooprules.explain import Explanation, Label, Step, Text
from cooprules.journal import JournalEntry, Posting
from cooprules.levies import LevyStatement, LevyYear, Line
from cooprules.money import from_minor_units, round_fraction, to_minor_units
from cooprules.periods import Period
from cooprules.pooling import PooledCharge
from cooprules.reserves import Liquidation, Movement, MovementKind, ReserveLedger
from cooprules.surplus import Distribution, Interest, Refund, StepResult, WorkerShare
from cooprules_adapters.accounting.charts import FR_PCG, Account, ChartOfAccounts, Role

__all__ = [
    "LossAbsorption",
    "book",
    "book_activity_line",
    "book_distribution",
    "book_levy_statement",
    "book_levy_year",
    "book_liquidation",
    "book_loss_absorption",
    "book_many",
    "book_pay",
    "book_pooled_charge",
    "book_reserve_ledger",
    "book_reserve_movement",
    "book_share_operation",
    "book_share_register",
    "book_step",
]


class _Builder:
    """Collects postings in minor units, skipping zeros; checks they balance when built."""

    def __init__(self, currency: Currency) -> None:
        self.currency = currency
        self.lines: list[tuple[Account, int, str | None, str | None]] = []

    def add(
        self,
        account: Account,
        units: int,
        *,
        member: str | None = None,
        activity: str | None = None,
    ) -> None:
        if units:
            self.lines.append((account, units, member, activity))

    def postings(self) -> tuple[Posting, ...]:
        return tuple(
            Posting(account.label, from_minor_units(units, self.currency), member, activity)
            for account, units, member, activity in self.lines
        )


def _booking_step(chart: ChartOfAccounts, what: Text, result: object) -> Step:
    return Step(
        what=Text("Booked on the {chart}: {what}", chart=chart.name, what=what),
        inputs={"chart": chart.jurisdiction},
        result=result,
        citation=chart.citation,
    )


def _entry(
    builder: _Builder,
    *,
    day: date,
    narration: Text,
    source: str,
    explanation: Explanation,
) -> tuple[JournalEntry, ...]:
    """One entry, or none when every posting is zero."""
    postings = builder.postings()
    if not postings:
        return ()
    return (
        JournalEntry(
            date=day,
            narration=narration,
            # The core's `converter=tuple` erases the element type for mypy (see the report).
            postings=postings,
            source=source,
            explanation=explanation,
        ),
    )


# --- Levies ----------------------------------------------------------------------------------


def _to_coop(
    builder: _Builder,
    chart: ChartOfAccounts,
    expense: Role,
    income: Role,
    units: int,
    *,
    activity: str,
    member: str | None = None,
) -> None:
    """What an activity pays the co-op: its expense, the co-op's income, cash to the co-op.

    The activity's expense account is debited and the co-op's income credited; the cash leaves
    the activity's treasury for the co-op's bank.
    """
    builder.add(chart.account(expense), units, member=member, activity=activity)
    builder.add(chart.account(income), -units, member=member, activity=activity)
    builder.add(chart.account(Role.BANK), units, member=member, activity=activity)
    builder.add(chart.account(Role.ACTIVITY_TREASURY), -units, member=member, activity=activity)


def book_levy_statement(
    statement: LevyStatement, chart: ChartOfAccounts, *, member: str | None = None
) -> tuple[JournalEntry, ...]:
    """Book one period's levy: the activity's contribution expense, the co-op's income.

    The activity's
    [`Role.ACTIVITY_CONTRIBUTION`][cooprules_adapters.accounting.charts.Role.ACTIVITY_CONTRIBUTION]
    is debited and the co-op's
    [`Role.CONTRIBUTIONS`][cooprules_adapters.accounting.charts.Role.CONTRIBUTIONS] credited; the
    cash moves from the activity's treasury to the co-op's bank. The entry is dated the last day of
    the period; a zero levy gives no entry.

    Raises:
        InvalidInput: the chart has no account for the activity's contribution.
    """
    levy = statement.levy
    units = to_minor_units(levy)
    builder = _Builder(levy.currency)
    expense, income = (
        chart.account(Role.ACTIVITY_CONTRIBUTION),
        chart.account(Role.CONTRIBUTIONS),
    )
    _to_coop(
        builder,
        chart,
        Role.ACTIVITY_CONTRIBUTION,
        Role.CONTRIBUTIONS,
        units,
        activity=statement.activity,
        member=member,
    )
    day = statement.period.end - timedelta(days=1)
    return _entry(
        builder,
        day=day,
        narration=Text(
            "Contribution of activity {activity}, {start}",
            activity=statement.activity,
            start=statement.period.start,
        ),
        source=f"levy:{statement.activity}:{statement.period.start.isoformat()}",
        explanation=statement.explanation
        + Explanation(
            (
                _booking_step(
                    chart,
                    Text(
                        "{expense} to {income}, paid from the activity's treasury",
                        expense=expense.label,
                        income=income.label,
                    ),
                    levy,
                ),
            )
        ),
    )


def book_levy_year(year: LevyYear, chart: ChartOfAccounts) -> tuple[JournalEntry, ...]:
    """Book each period's levy of an activity's year; the entries add up to ``year.total``."""
    entries: list[JournalEntry] = []
    for statement in year.periods:
        entries.extend(book_levy_statement(statement, chart, member=year.activity.owner))
    return tuple(entries)


# --- Surplus ---------------------------------------------------------------------------------


def _split_step(
    result: StepResult,
    chart: ChartOfAccounts,
    debit: Role,
    payable: Role,
    builder: _Builder,
) -> None:
    """Credit each member's payable (and, for a refund, their capital for the part in shares)."""
    total = to_minor_units(result.amount)
    credited = 0
    for member in sorted(result.shares):
        share = to_minor_units(result.shares[member])
        in_shares = to_minor_units(
            result.in_shares.get(member, from_minor_units(0, builder.currency))
        )
        builder.add(chart.account(payable), -(share - in_shares), member=member)
        builder.add(chart.account(Role.CAPITAL), -in_shares, member=member)
        credited += share
    builder.add(chart.account(payable), -(total - credited))
    builder.add(chart.account(debit), total)


def book_step(
    result: StepResult,
    chart: ChartOfAccounts,
    day: date,
    *,
    year: str = "",
    indivisible: bool | None = None,
) -> tuple[JournalEntry, ...]:
    """Book one step of a surplus distribution (a zero step gives no entry).

    ``indivisible``: for a step to a reserve, whether the reserve is indivisible (see
    [`ChartOfAccounts.reserve()`][cooprules_adapters.accounting.charts.ChartOfAccounts.reserve]);
    ``None``: as the step says.
    """
    builder = _Builder(result.amount.currency)
    step = result.step
    units = to_minor_units(result.amount)
    if isinstance(step, Interest):
        _split_step(result, chart, Role.INTEREST_DEBIT, Role.INTEREST_PAYABLE, builder)
        what = Text("interest on shares, per member")
    elif isinstance(step, Refund):
        _split_step(result, chart, Role.REFUND_DEBIT, Role.REFUND_PAYABLE, builder)
        what = Text("refunds: in cash to the members' accounts, in shares to their capital")
    elif isinstance(step, WorkerShare):
        _split_step(result, chart, Role.WORKER_SHARE_DEBIT, Role.WORKER_SHARE_PAYABLE, builder)
        what = Text("worker share, per worker")
    else:
        reserve_code = getattr(step, "reserve", None)
        if not isinstance(reserve_code, str):
            raise InvalidInput("step", result.code, "a step of unknown type cannot be booked")
        if indivisible is None:
            indivisible = bool(getattr(step, "indivisible", False))
        reserve = chart.reserve(reserve_code, indivisible=indivisible)
        builder.add(chart.account(Role.RESERVE_ALLOCATION_DEBIT), units)
        builder.add(reserve, -units)
        what = Text(
            "allocation to {label}",
            label=reserve.label,
        )
    return _entry(
        builder,
        day=day,
        narration=(
            Text("Surplus {year}: {step}", year=year, step=Label("step", result.code))
            if year
            else Text("Surplus: {step}", step=Label("step", result.code))
        ),
        source=f"surplus{':' + year if year else ''}:{result.code}",
        explanation=result.explanation + Explanation((_booking_step(chart, what, result.amount),)),
    )


def book_distribution(
    distribution: Distribution, chart: ChartOfAccounts, day: date, *, year: str = ""
) -> tuple[JournalEntry, ...]:
    """Book every step of a surplus distribution on ``day`` (the meeting's date), one entry each."""
    entries: list[JournalEntry] = []
    for result in distribution.steps:
        entries.extend(book_step(result, chart, day, year=year))
    return tuple(entries)


def _codes(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


@attrs.frozen
class LossAbsorption:
    """A loss charged to reserves, as `absorb_loss()` returns it.

    Attributes:
        charged: the amount charged to each reserve.
        uncovered: what no reserve could absorb (carried forward; not booked here).
        explanation: the engine's steps.
        indivisible: the codes of the reserves charged that are indivisible (booked on the
            chart's account for them, see
            [`ChartOfAccounts.reserve()`][cooprules_adapters.accounting.charts.ChartOfAccounts.reserve]).
    """

    charged: Mapping[str, Money]
    uncovered: Money
    explanation: Explanation = attrs.field(factory=Explanation)
    indivisible: frozenset[str] = attrs.field(default=frozenset(), converter=_codes)

    @classmethod
    def of(
        cls,
        result: tuple[Mapping[str, Money], Money, Explanation],
        *,
        indivisible: Iterable[str] = (),
    ) -> LossAbsorption:
        """Wrap the tuple `absorb_loss()` returns."""
        charged, uncovered, explanation = result
        return cls(dict(charged), uncovered, explanation, _codes(indivisible))


def book_loss_absorption(
    charged: Mapping[str, Money],
    chart: ChartOfAccounts,
    day: date,
    *,
    explanation: Explanation | None = None,
    source: str = "loss",
    indivisible: Iterable[str] = (),
) -> tuple[JournalEntry, ...]:
    """Book a loss charged to reserves (as `absorb_loss()` charges it).

    Each reserve is debited (those named in ``indivisible`` on the chart's account for an
    indivisible reserve, see
    [`ChartOfAccounts.reserve()`][cooprules_adapters.accounting.charts.ChartOfAccounts.reserve]);
    the year's loss account is credited with the total.
    """
    indivisible = frozenset(indivisible)
    if not charged:
        return ()
    currency = next(iter(charged.values())).currency
    builder = _Builder(currency)
    total = 0
    for reserve in sorted(charged):
        units = to_minor_units(charged[reserve])
        builder.add(chart.reserve(reserve, indivisible=reserve in indivisible), units)
        total += units
    builder.add(chart.account(Role.LOSS), -total)
    return _entry(
        builder,
        day=day,
        narration=Text("Loss absorbed by the reserves"),
        source=source,
        explanation=(explanation or Explanation())
        + Explanation(
            (
                _booking_step(
                    chart,
                    Text("reserves debited, loss credited"),
                    from_minor_units(total, currency),
                ),
            )
        ),
    )


# --- Capital ---------------------------------------------------------------------------------


@attrs.define
class _Holding:
    shares: int = 0
    subscribed: int = 0
    paid: int = 0


def _moved(op: Operation, state: _Holding) -> tuple[int, int]:
    """(subscribed, paid) moved by a transfer or a redemption of ``op.shares``."""
    if state.shares == 0:
        raise InvalidInput(f"operations[{op.id}]", op.shares, "no shares held")
    subscribed = round_fraction(Fraction(state.subscribed * op.shares, state.shares))
    if op.amount is not None:
        paid = to_minor_units(op.amount)
    else:
        paid = round_fraction(Fraction(state.paid * op.shares, state.shares))
    return subscribed, paid


def _operation_lines(
    op: Operation,
    nominal: int,
    states: dict[tuple[str, str], _Holding],
    builder: _Builder,
    chart: ChartOfAccounts,
) -> Text:
    key = (op.member, op.share_class)
    state = states.setdefault(key, _Holding())
    capital, receivable = chart.account(Role.CAPITAL), chart.account(Role.CAPITAL_RECEIVABLE)
    bank = chart.account(Role.BANK)
    member = op.member
    if op.kind is OperationKind.SUBSCRIBE:
        subscribed = nominal * op.shares
        paid = subscribed if op.amount is None else to_minor_units(op.amount)
        builder.add(bank, paid, member=member)
        builder.add(receivable, subscribed - paid, member=member)
        builder.add(capital, -subscribed, member=member)
        state.shares += op.shares
        state.subscribed += subscribed
        state.paid += paid
        return Text("subscription: capital credited")
    if op.kind is OperationKind.PAY_UP:
        paid = to_minor_units(op.amount) if op.amount is not None else 0
        builder.add(bank, paid, member=member)
        builder.add(receivable, -paid, member=member)
        state.paid += paid
        return Text("pay-up: receivable settled")
    subscribed, paid = _moved(op, state)
    state.shares -= op.shares
    state.subscribed -= subscribed
    state.paid -= paid
    if op.kind is OperationKind.CONVERT:
        into = states.setdefault((member, op.into or ""), _Holding())
        into.shares += op.shares if op.into_shares is None else op.into_shares
        into.subscribed += subscribed
        into.paid += paid
        return Text(
            "conversion into {into} shares: the member's capital is unchanged (no posting)",
            into=op.into,
        )
    if op.kind is OperationKind.TRANSFER:
        other = states.setdefault((op.counterparty or "", op.share_class), _Holding())
        other.shares += op.shares
        other.subscribed += subscribed
        other.paid += paid
        builder.add(capital, subscribed, member=member)
        builder.add(capital, -subscribed, member=op.counterparty)
        builder.add(receivable, -(subscribed - paid), member=member)
        builder.add(receivable, subscribed - paid, member=op.counterparty)
        return Text(
            "transfer to {counterparty}: capital moves between members",
            counterparty=op.counterparty,
        )
    builder.add(capital, subscribed, member=member)
    builder.add(receivable, -(subscribed - paid), member=member)
    builder.add(chart.account(Role.REDEMPTION_PAYABLE), -paid, member=member)
    return Text("redemption: capital becomes a debt to the member (not revenue)")


def book_share_register(
    register: ShareRegister,
    chart: ChartOfAccounts,
    *,
    start: date | None = None,
    end: date | None = None,
) -> tuple[JournalEntry, ...]:
    """Book the register's operations dated in ``[start, end]`` (all by default), in order.

    Subscriptions credit the member's capital (the unpaid part is a receivable), pay-ups settle
    it, transfers move capital between members, redemptions turn paid-up capital into a debt to
    the member. Equity and member accounts only: a share operation is never revenue.
    """
    nominal = {c.code: to_minor_units(c.nominal) for c in register.classes}
    states: dict[tuple[str, str], _Holding] = {}
    currency = register.classes[0].nominal.currency if register.classes else None
    entries: list[JournalEntry] = []
    for op in sorted(register.operations, key=lambda o: o.order_key):
        if currency is None:  # pragma: no cover - a register with operations has classes
            break
        builder = _Builder(currency)
        what = _operation_lines(op, nominal[op.share_class], states, builder, chart)
        if (start is not None and op.date < start) or (end is not None and op.date > end):
            continue
        entries.extend(
            _entry(
                builder,
                day=op.date,
                narration=Text(
                    "Shares: {kind} by {member} ({share_class})",
                    kind=op.kind.value,
                    member=op.member,
                    share_class=op.share_class,
                ),
                source=f"capital:{op.id}",
                explanation=Explanation((_booking_step(chart, what, op.kind.value),)),
            )
        )
    return tuple(entries)


def book_share_operation(
    register: ShareRegister, operation_id: str, chart: ChartOfAccounts
) -> tuple[JournalEntry, ...]:
    """Book one operation of the register (its amounts depend on the holdings before it).

    Raises:
        InvalidInput: no operation with that id.
    """
    entries = book_share_register(register, chart)
    found = tuple(e for e in entries if e.source == f"capital:{operation_id}")
    if not any(op.id == operation_id for op in register.operations):
        raise InvalidInput("operation_id", operation_id, "no such operation in the register")
    return found


# --- Reserves --------------------------------------------------------------------------------

_MOVEMENT_COUNTERPART: dict[MovementKind, Role] = {
    MovementKind.ALLOCATION: Role.RESERVE_ALLOCATION_DEBIT,
    MovementKind.DEVOLUTION_RECEIVED: Role.BANK,
    MovementKind.LOSS_ABSORPTION: Role.LOSS,
    MovementKind.INCORPORATION: Role.CAPITAL,
    MovementKind.DISTRIBUTION: Role.MEMBER_DISTRIBUTION_PAYABLE,
    MovementKind.REPAYMENT: Role.MEMBER_DISTRIBUTION_PAYABLE,
}


def book_reserve_movement(
    movement: Movement, chart: ChartOfAccounts, *, indivisible: bool = False
) -> tuple[JournalEntry, ...]:
    """Book one reserve movement: an inflow credits the reserve, an outflow debits it.

    ``indivisible``: the reserve is indivisible (see
    [`ChartOfAccounts.reserve()`][cooprules_adapters.accounting.charts.ChartOfAccounts.reserve]);
    [`book_reserve_ledger()`][cooprules_adapters.accounting.booking.book_reserve_ledger] reads it
    from the ledger's account.
    """
    units = movement.signed_units()
    reserve = chart.reserve(movement.reserve, indivisible=indivisible)
    counterpart = chart.account(_MOVEMENT_COUNTERPART[movement.kind])
    builder = _Builder(movement.amount.currency)
    builder.add(counterpart, units)
    builder.add(reserve, -units)
    return _entry(
        builder,
        day=movement.date,
        narration=(
            Text(
                "Reserve {reserve}: {kind} ({note})",
                reserve=movement.reserve,
                kind=movement.kind.value,
                note=movement.note,
            )
            if movement.note
            else Text(
                "Reserve {reserve}: {kind}", reserve=movement.reserve, kind=movement.kind.value
            )
        ),
        source=f"reserve:{movement.id}",
        explanation=Explanation(
            (
                _booking_step(
                    chart,
                    Text(
                        "{kind}: {reserve} against {counterpart}",
                        kind=movement.kind.value,
                        reserve=reserve.label,
                        counterpart=counterpart.label,
                    ),
                    movement.amount,
                ),
            )
        ),
    )


def book_reserve_ledger(
    ledger: ReserveLedger,
    chart: ChartOfAccounts,
    *,
    start: date | None = None,
    end: date | None = None,
) -> tuple[JournalEntry, ...]:
    """Book the ledger's movements dated in ``[start, end]`` (all by default), in order."""
    entries: list[JournalEntry] = []
    for movement in sorted(ledger.movements, key=lambda m: m.order_key):
        if (start is not None and movement.date < start) or (
            end is not None and movement.date > end
        ):
            continue
        indivisible = ledger.account(movement.reserve).indivisible
        entries.extend(book_reserve_movement(movement, chart, indivisible=indivisible))
    return tuple(entries)


def book_liquidation(
    liquidation: Liquidation, chart: ChartOfAccounts, day: date
) -> tuple[JournalEntry, ...]:
    """Book a liquidation: debts paid, capital repaid per member, the balance devolved or shared.

    The devolved balance is taken from equity
    ([`Role.LIQUIDATION_BALANCE`][cooprules_adapters.accounting.charts.Role.LIQUIDATION_BALANCE])
    and owed to the beneficiary; it never reaches a member account unless the regime lets members
    share it.
    """
    currency = liquidation.assets.currency
    entries: list[JournalEntry] = []
    bank = chart.account(Role.BANK)
    debts = _Builder(currency)
    paid = to_minor_units(liquidation.debts_paid)
    debts.add(chart.account(Role.DEBTS), paid)
    debts.add(bank, -paid)
    capital = _Builder(currency)
    for member in sorted(liquidation.repaid):
        units = to_minor_units(liquidation.repaid[member])
        capital.add(chart.account(Role.CAPITAL), units, member=member)
        capital.add(bank, -units, member=member)
    balance = _Builder(currency)
    devolved = to_minor_units(liquidation.devolved)
    balance.add(chart.account(Role.LIQUIDATION_BALANCE), devolved)
    balance.add(chart.account(Role.DEVOLUTION_PAYABLE), -devolved)
    for member in sorted(liquidation.distributed):
        units = to_minor_units(liquidation.distributed[member])
        balance.add(chart.account(Role.LIQUIDATION_BALANCE), units)
        balance.add(chart.account(Role.MEMBER_DISTRIBUTION_PAYABLE), -units, member=member)
    steps = liquidation.explanation.steps
    for index, (builder, narration, code) in enumerate(
        (
            (debts, Text("Liquidation: debts paid"), "debts"),
            (capital, Text("Liquidation: paid-up capital repaid"), "capital"),
            (
                balance,
                Text("Liquidation: balance to {beneficiary}", beneficiary=liquidation.beneficiary)
                if liquidation.beneficiary
                else Text("Liquidation: balance to the members"),
                "balance",
            ),
        )
    ):
        entries.extend(
            _entry(
                builder,
                day=day,
                narration=narration,
                source=f"liquidation:{code}",
                explanation=Explanation(steps[index : index + 1])
                + Explanation((_booking_step(chart, Text.plain(code), narration),)),
            )
        )
    return tuple(entries)


# --- An activity's sub-ledger ----------------------------------------------------------------


def book_pooled_charge(charge: PooledCharge, chart: ChartOfAccounts) -> tuple[JournalEntry, ...]:
    """Book a pooled cost charged to an activity: its expense, the co-op's recovery.

    The activity's
    [`Role.ACTIVITY_POOLED_COSTS`][cooprules_adapters.accounting.charts.Role.ACTIVITY_POOLED_COSTS]
    is debited and the co-op's
    [`Role.POOLED_COSTS_RECOVERED`][cooprules_adapters.accounting.charts.Role.POOLED_COSTS_RECOVERED]
    credited; the activity's treasury pays the co-op's bank.

    Raises:
        InvalidInput: the chart has no account for the pooled costs of an activity.
    """
    units = to_minor_units(charge.amount)
    builder = _Builder(charge.amount.currency)
    _to_coop(
        builder,
        chart,
        Role.ACTIVITY_POOLED_COSTS,
        Role.POOLED_COSTS_RECOVERED,
        units,
        activity=charge.activity,
    )
    return _entry(
        builder,
        day=charge.period.end - timedelta(days=1),
        narration=Text(
            "Pooled cost {cost} charged to {activity}", cost=charge.cost, activity=charge.activity
        ),
        source=f"pooled:{charge.cost}:{charge.activity}",
        explanation=charge.explanation
        + Explanation((_booking_step(chart, Text("pooled cost"), charge.amount),)),
    )


def book_activity_line(
    line: Line, chart: ChartOfAccounts, *, member: str | None = None
) -> tuple[JournalEntry, ...]:
    """Book an activity's revenue and direct costs of a period, each on its own account.

    The revenue comes into the activity's treasury
    ([`Role.ACTIVITY_REVENUE`][cooprules_adapters.accounting.charts.Role.ACTIVITY_REVENUE]
    credited), the direct costs are paid from it
    ([`Role.ACTIVITY_COSTS`][cooprules_adapters.accounting.charts.Role.ACTIVITY_COSTS] debited).
    With the levies, the pooled charges and the pay, the treasury's balance is the activity's own
    (Code du travail R7331: an analytical account per activity).

    Raises:
        InvalidInput: the chart has no account for an activity's revenue or costs.
    """
    builder = _Builder(line.revenue.currency)
    treasury = chart.account(Role.ACTIVITY_TREASURY)
    revenue, costs = chart.account(Role.ACTIVITY_REVENUE), chart.account(Role.ACTIVITY_COSTS)
    builder.add(treasury, line.revenue_units, member=member, activity=line.activity)
    builder.add(revenue, -line.revenue_units, member=member, activity=line.activity)
    builder.add(costs, line.direct_costs_units, member=member, activity=line.activity)
    builder.add(treasury, -line.direct_costs_units, member=member, activity=line.activity)
    return _entry(
        builder,
        day=line.period.end - timedelta(days=1),
        narration=(
            Text(
                "Activity {activity}: revenue and direct costs ({label})",
                activity=line.activity,
                label=line.label,
            )
            if line.label
            else Text("Activity {activity}: revenue and direct costs", activity=line.activity)
        ),
        source=f"line:{line.activity}:{line.period.start.isoformat()}",
        explanation=Explanation(
            (
                Step(
                    what=Text("Revenue into the activity's treasury, direct costs paid from it"),
                    inputs={"revenue": line.revenue, "direct costs": line.direct_costs},
                    result=line.gross_margin,
                    citation=chart.citation,
                ),
            )
        ),
    )


def book_pay(
    activity: str,
    period: Period,
    gross: Money,
    charges: Money,
    chart: ChartOfAccounts,
    *,
    member: str | None = None,
) -> tuple[JournalEntry, ...]:
    """Book a month's pay of an activity's entrepreneur-employee, paid from its treasury.

    [`Role.SALARIES`][cooprules_adapters.accounting.charts.Role.SALARIES] is debited with the gross
    pay, [`Role.EMPLOYER_CHARGES`][cooprules_adapters.accounting.charts.Role.EMPLOYER_CHARGES] with
    the employer charges, the activity's treasury credited with both (the pay and the contributions
    are paid from it; the payroll's own accounts, net pay and social bodies, are not kept here).

    Raises:
        InvalidInput: the chart has no account for salaries or employer charges.
    """
    builder = _Builder(gross.currency)
    gross_units, charge_units = to_minor_units(gross), to_minor_units(charges)
    if gross_units:
        builder.add(chart.account(Role.SALARIES), gross_units, member=member, activity=activity)
    if charge_units:
        builder.add(
            chart.account(Role.EMPLOYER_CHARGES), charge_units, member=member, activity=activity
        )
    builder.add(
        chart.account(Role.ACTIVITY_TREASURY),
        -(gross_units + charge_units),
        member=member,
        activity=activity,
    )
    return _entry(
        builder,
        day=period.end - timedelta(days=1),
        narration=(
            Text(
                "Activity {activity}: pay of {member}, {month}",
                activity=activity,
                member=member,
                month=f"{period.start:%Y-%m}",
            )
            if member
            else Text(
                "Activity {activity}: pay of the entrepreneur, {month}",
                activity=activity,
                month=f"{period.start:%Y-%m}",
            )
        ),
        source=f"pay:{activity}:{period.start.isoformat()}",
        explanation=Explanation(
            (
                _booking_step(
                    chart,
                    Text("gross pay and employer charges paid from the activity's treasury"),
                    gross + charges,
                ),
            )
        ),
    )


def book_many(
    results: Iterable[object], chart: ChartOfAccounts, day: date
) -> tuple[JournalEntry, ...]:
    """Book several results of any known type (see `book()`)."""
    entries: list[JournalEntry] = []
    for result in results:
        entries.extend(book(result, chart, day) or ())
    return tuple(entries)


_Booker = Callable[[Any, ChartOfAccounts, date], tuple[JournalEntry, ...]]

_BOOKERS: tuple[tuple[type, _Booker], ...] = (
    (LevyYear, lambda r, c, _d: book_levy_year(r, c)),
    (LevyStatement, lambda r, c, _d: book_levy_statement(r, c)),
    (Distribution, book_distribution),
    (StepResult, book_step),
    (ShareRegister, lambda r, c, d: book_share_register(r, c, end=d)),
    (ReserveLedger, lambda r, c, d: book_reserve_ledger(r, c, end=d)),
    (Movement, lambda r, c, _d: book_reserve_movement(r, c)),
    (Liquidation, book_liquidation),
    (
        LossAbsorption,
        lambda r, c, d: book_loss_absorption(
            r.charged, c, d, explanation=r.explanation, indivisible=r.indivisible
        ),
    ),
    (PooledCharge, lambda r, c, _d: book_pooled_charge(r, c)),
    (Line, lambda r, c, _d: book_activity_line(r, c)),
)


def book(result: object, chart: ChartOfAccounts, as_of: date) -> tuple[JournalEntry, ...] | None:
    """Book any known result; ``None`` for a type this adapter does not know.

    A whole year's report is booked by
    [`book_year()`][cooprules_adapters.accounting.year.book_year]. Registers and reserve ledgers are
    booked up to ``as_of``; a distribution, a liquidation and a loss are booked on ``as_of``;
    levies, lines and pooled charges at the end of their period.
    """
    from cooprules.report import YearReport  # noqa: PLC0415 - the report imports every engine

    if isinstance(result, YearReport):
        from cooprules_adapters.accounting.year import book_year  # noqa: PLC0415 - uses this

        return book_year(result, chart)
    for kind, booker in _BOOKERS:
        if isinstance(result, kind):
            return booker(result, chart, as_of)
    return None


_ = FR_PCG  # re-exported for the module's doctest
