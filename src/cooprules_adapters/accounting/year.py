"""The whole year booked: a `YearReport` turned into its journal.

[`book_year()`][cooprules_adapters.accounting.year.book_year] books everything the year's report
holds, on one chart, each entry balanced:

* the **opening balances** on the year's first day, against
  [`Role.OPENING_BALANCES`][cooprules_adapters.accounting.charts.Role.OPENING_BALANCES]: each
  activity's treasury brought forward, each reserve's opening balance, the capital the register
  holds on the day before the year (subscribed, less what is still to pay up);
* each **activity's own accounts**, month by month from its books (`YearReport.books`):
  revenue and direct costs, the levy, each pooled cost charged, the gross pay and employer
  charges; its treasury's balance is the books' closing balance, to the cent;
* the **share operations** of the year (subscriptions, pay-ups, transfers, conversions,
  redemptions) on capital and member accounts, and what a redeemed member was repaid;
* the **reserve movements** of the year (the scenario's own, a loss absorbed, the rest of the
  loss carried forward) and the **distribution** the meeting decided, on the day of the
  appropriation.

The year's result itself (its income less its charges, closed into the result account) is the
accountant's closing entry and is not booked: the result account shows what the meeting
appropriated (a debit) and the loss account what the reserves absorbed (a credit).

```pycon
>>> from datetime import date
>>> from cooprules_adapters.scenario import evaluate_file
>>> report = evaluate_file("examples/be-activity.toml", as_of=date(2025, 12, 31))
>>> from cooprules_adapters.accounting import BE_PCMN
>>> entries = book_year(report, BE_PCMN)
>>> sorted({e.source.split(":")[0] for e in entries})
['capital', 'levy', 'line', 'opening', 'pooled', 'surplus']
>>> amina = [e for e in entries if any(p.activity == "amina-act" for p in e.postings)]
>>> treasury = BE_PCMN.account(Role.ACTIVITY_TREASURY).label
>>> sum(p.amount for e in amina for p in e.postings if p.account == treasury)
Money('21362.83', 'EUR')
>>> report.books.of("amina-act").closing
Money('21362.83', 'EUR')

```
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from cooprules.explain import Explanation, Text
from cooprules.levies import Line
from cooprules.money import from_minor_units, to_minor_units
from cooprules_adapters.accounting.booking import (
    _booking_step,
    _Builder,
    _entry,
    book_activity_line,
    book_levy_year,
    book_pay,
    book_pooled_charge,
    book_reserve_movement,
    book_share_register,
    book_step,
)
from cooprules_adapters.accounting.charts import ChartOfAccounts, Role

if TYPE_CHECKING:
    from cooprules.books import ActivityBooks
    from cooprules.journal import JournalEntry
    from cooprules.report import YearReport
    from cooprules.reserves import ReserveLedger

__all__ = ["book_year"]


def book_year(report: YearReport, chart: ChartOfAccounts) -> tuple[JournalEntry, ...]:
    """Book the whole year of ``report`` on ``chart``: openings, activities, capital, reserves.

    Raises:
        InvalidInput: the year books something the chart has no account for (an activity's
            revenue, pay or opening balances on a chart without those optional roles), naming
            the chart and the role.
    """
    return (
        *_openings(report, chart),
        *_activities(report, chart),
        *_capital(report, chart),
        *_reserves(report, chart),
        *_distribution(report, chart),
    )


# --- opening balances ---------------------------------------------------------------------------


def _opening(
    builder: _Builder, chart: ChartOfAccounts, day: date, source: str, what: Text
) -> tuple[JournalEntry, ...]:
    """An opening entry: ``builder``'s balances brought forward, against the opening balances."""
    balance = sum(units for _, units, _, _ in builder.lines)
    if builder.lines:
        builder.add(chart.account(Role.OPENING_BALANCES), -balance)
    return _entry(
        builder,
        day=day,
        narration=Text("Opening balance: {what}", what=what),
        source=f"opening:{source}",
        explanation=Explanation(
            (
                _booking_step(
                    chart,
                    Text(
                        "{what} brought forward",
                        what=what,
                    ),
                    from_minor_units(abs(balance), builder.currency),
                ),
            )
        ),
    )


def _openings(report: YearReport, chart: ChartOfAccounts) -> list[JournalEntry]:
    day = report.year.start
    entries: list[JournalEntry] = []
    currency = from_minor_units(0, report.currency).currency
    for books in report.books.activities if report.books is not None else ():
        builder = _Builder(currency)
        if books.opening.amount:
            builder.add(
                chart.account(Role.ACTIVITY_TREASURY),
                to_minor_units(books.opening),
                member=books.owner,
                activity=books.activity,
            )
        text = Text(
            "treasury of {activity}",
            activity=books.activity,
        )
        entries.extend(_opening(builder, chart, day, f"activity:{books.activity}", text))
    if report.reserves is not None:
        ledger = report.reserves.ledger
        for row in report.reserves.roll_forward:
            builder = _Builder(currency)
            if row.opening.amount:
                account = chart.reserve(row.reserve, indivisible=_indivisible(ledger, row.reserve))
                builder.add(account, -to_minor_units(row.opening))
            text = Text(
                "reserve {reserve}",
                reserve=row.reserve,
            )
            entries.extend(_opening(builder, chart, day, f"reserve:{row.reserve}", text))
    entries.extend(_opening_capital(report, chart))
    return entries


def _opening_capital(report: YearReport, chart: ChartOfAccounts) -> tuple[JournalEntry, ...]:
    """The capital on the day before the year: the earlier operations' capital accounts."""
    register = report.share_register
    if register is None:
        return ()
    before = book_share_register(register, chart, end=report.year.start - timedelta(days=1))
    kept = {chart.account(Role.CAPITAL).label, chart.account(Role.CAPITAL_RECEIVABLE).label}
    by_label = chart.by_label()
    units: dict[tuple[str, str | None], int] = {}
    for entry in before:
        for posting in entry.postings:
            if posting.account in kept:
                key = (posting.account, posting.member)
                units[key] = units.get(key, 0) + to_minor_units(posting.amount)
    builder = _Builder(from_minor_units(0, report.currency).currency)
    for (label, member), amount in sorted(units.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        builder.add(by_label[label], amount, member=member)
    text = Text("share capital")
    return _opening(builder, chart, report.year.start, "capital", text)


# --- each activity's accounts -------------------------------------------------------------------


def _activities(report: YearReport, chart: ChartOfAccounts) -> list[JournalEntry]:
    if report.books is None:
        return []
    levies = {row.activity: row.year for row in report.levies}
    entries: list[JournalEntry] = []
    for books in report.books.activities:
        entries.extend(_activity(books, chart))
        levy = levies.get(books.activity)
        if levy is not None:
            entries.extend(book_levy_year(levy, chart))
    return entries


def _activity(books: ActivityBooks, chart: ChartOfAccounts) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    for month in books.months:
        if month.revenue.amount or month.direct_costs.amount:
            line = Line(books.activity, month.period, month.revenue, month.direct_costs)
            entries.extend(book_activity_line(line, chart, member=books.owner))
        for charge in month.pooled_charges:
            entries.extend(book_pooled_charge(charge, chart))
        if month.salary.amount or month.charges.amount:
            entries.extend(
                book_pay(
                    books.activity,
                    month.period,
                    month.salary,
                    month.charges,
                    chart,
                    member=books.owner,
                )
            )
    return entries


# --- capital ------------------------------------------------------------------------------------


def _capital(report: YearReport, chart: ChartOfAccounts) -> list[JournalEntry]:
    register = report.share_register
    if register is None:
        return []
    last = report.year.end - timedelta(days=1)
    entries = list(book_share_register(register, chart, start=report.year.start, end=last))
    rows = report.capital.redemptions if report.capital is not None else ()
    currency = from_minor_units(0, report.currency).currency
    for row in rows:
        if row.repaid is None or not row.repaid.amount:
            continue
        builder = _Builder(currency)
        units = to_minor_units(row.repaid)
        builder.add(chart.account(Role.REDEMPTION_PAYABLE), units, member=row.member)
        builder.add(chart.account(Role.BANK), -units, member=row.member)
        entries.extend(
            _entry(
                builder,
                day=row.on,
                narration=Text(
                    "Shares: {member} repaid ({share_class})",
                    member=row.member,
                    share_class=row.share_class,
                ),
                source=f"capital:{row.operation}:repaid",
                explanation=row.explanation
                + Explanation(
                    (
                        _booking_step(
                            chart,
                            Text("the redeemed capital repaid to the member"),
                            row.repaid,
                        ),
                    )
                ),
            )
        )
    return entries


# --- reserves and the distribution --------------------------------------------------------------


def _indivisible(ledger: ReserveLedger, code: str) -> bool:
    return any(a.code == code and a.indivisible for a in ledger.accounts)


def _distribution_moves(report: YearReport) -> frozenset[str]:
    """The ids of the ledger's allocations that the distribution's own entries book."""
    if report.distribution is None:
        return frozenset()
    return frozenset(f"distribution:{r.code}" for r in report.distribution.steps)


def _reserves(report: YearReport, chart: ChartOfAccounts) -> list[JournalEntry]:
    if report.reserves is None:
        return []
    ledger = report.reserves.ledger
    booked = _distribution_moves(report)
    entries: list[JournalEntry] = []
    for movement in sorted(ledger.movements, key=lambda m: m.order_key):
        if movement.date < report.year.start or movement.id in booked:
            continue
        indivisible = _indivisible(ledger, movement.reserve)
        entries.extend(book_reserve_movement(movement, chart, indivisible=indivisible))
    entries.extend(_carried_forward(report, chart))
    return entries


def _carried_forward(report: YearReport, chart: ChartOfAccounts) -> tuple[JournalEntry, ...]:
    """The loss no reserve absorbed, carried forward (on the day the reserves absorbed the rest)."""
    loss = report.reserves.loss if report.reserves is not None else None
    if loss is None or not loss.carried_forward.amount:
        return ()
    units = to_minor_units(loss.carried_forward)
    credit = Role.LOSS_TO_CARRY_FORWARD if chart.has(Role.LOSS_TO_CARRY_FORWARD) else Role.LOSS
    builder = _Builder(loss.carried_forward.currency)
    builder.add(chart.account(Role.LOSS_CARRIED_FORWARD), units)
    builder.add(chart.account(credit), -units)
    day = report.reserves.on if report.reserves is not None else report.as_of
    return _entry(
        builder,
        day=day,
        narration=Text("Loss carried forward"),
        source="loss:carried_forward",
        explanation=loss.explanation
        + Explanation(
            (
                _booking_step(
                    chart,
                    Text("the loss no reserve absorbed, carried forward"),
                    loss.carried_forward,
                ),
            )
        ),
    )


def _distribution(report: YearReport, chart: ChartOfAccounts) -> list[JournalEntry]:
    distribution = report.distribution
    if distribution is None:
        return []
    day = report.reserves.on if report.reserves is not None else report.as_of
    ledger = report.reserves.ledger if report.reserves is not None else None
    entries: list[JournalEntry] = []
    for result in distribution.steps:
        code = getattr(result.step, "reserve", None)
        indivisible = None
        if ledger is not None and any(a.code == code for a in ledger.accounts):
            indivisible = _indivisible(ledger, str(code))
        entries.extend(book_step(result, chart, day, indivisible=indivisible))
    return entries
