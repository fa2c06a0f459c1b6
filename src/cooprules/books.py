"""Each activity's own books: its treasury month by month, pooled costs and payroll included.

In a co-op of entrepreneurs every activity keeps its own accounts and its own treasury: one
activity's money never pays for another's. [`activity_books()`][cooprules.books.activity_books]
gives an activity's year, month by month, exact to the cent (integers in minor units inside):

    closing = opening + revenue - direct costs - levy - pooled costs - salary - employer charges

and the next month opens on that closing balance. The pooled costs are the co-op's shared
services charged by their allocation key
([`cooprules.pooling.charge_pooled_costs()`][cooprules.pooling.charge_pooled_costs]); the salary is
the entrepreneur-employee's fixed monthly gross and its employer charges, each month's envelope
asked of the payroll plug-ins (``cooprules_salary_envelope``), so the regime decides: no salary for
a Belgian candidate, none under a French CAPE. The year's envelope over the paid months gives the
variable part due after the general meeting (Code du travail R7331-12 in a CAE), and what stays in
the activity.

```pycon
>>> from datetime import date
>>> from cooprules.levies import Activity, ActivityKind, Line, month_periods
>>> from cooprules.money import money, format_amount
>>> periods = month_periods(2025)[:2]
>>> activity = Activity("a1", "ana", ActivityKind.SERVICES, date(2024, 1, 1), currency="EUR")
>>> lines = [Line("a1", p, money("1000.00", "EUR"), money("100.00", "EUR")) for p in periods]
>>> books = activity_books(activity, periods, opening=money("50.00", "EUR"), lines=lines)
>>> [(format_amount(m.opening), format_amount(m.closing)) for m in books.months]
[('50.00 EUR', '950.00 EUR'), ('950.00 EUR', '1850.00 EUR')]
>>> format_amount(books.result)
'1800.00 EUR'

```
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Final, Literal

import attrs
from moneyed import Money

from cooprules.errors import CurrencyMismatch, InvalidInput
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.levies import Activity, LevyYear, Line
from cooprules.membership import Member, Status, status_at
from cooprules.money import (
    Rate,
    currency_of,
    format_amount,
    from_minor_units,
    to_minor_units,
    zero,
)
from cooprules.payroll import EnvelopeRequest, SalaryEnvelope, rates_citation
from cooprules.periods import Period
from cooprules.pooling import AllocationKey, PooledCharge, PooledCost, charge_pooled_costs

if TYPE_CHECKING:
    from moneyed import Currency

    from cooprules.explain import Lang
    from cooprules.regime import Regime
    from cooprules.scenario import PooledCostSpec, Scenario

__all__ = [
    "ActivityBooks",
    "BookMonth",
    "Books",
    "PayMonth",
    "PayRequest",
    "PayRule",
    "PayrollYear",
    "WeightsOver",
    "activity_books",
    "evaluate_books",
    "pooled_charges",
    "statement",
]

Envelope = Callable[[EnvelopeRequest], SalaryEnvelope | None]
"""Asks the payroll plug-ins for an envelope (`cooprules.plugins.salary_envelope()`)."""


class PayRule(enum.Enum):
    """How the monthly gross pay is set."""

    FIXED = "fixed"
    """The gross stated, every month a salary may be paid."""
    AFFORDABLE = "affordable"
    """The largest gross whose total employment cost the activity's treasury can pay that month
    (at most the gross stated, if any); nothing when the treasury is not positive."""


class WeightsOver(enum.Enum):
    """Over which period a margin or revenue key weighs the activities."""

    MONTH = "month"
    """The month charged."""
    YEAR = "year"
    """The whole financial year (a yearly premium shared by the year's revenue)."""


@attrs.frozen
class PayRequest:
    """What a scenario asks for one entrepreneur's pay on one activity.

    Attributes:
        member: the entrepreneur.
        rule: how the monthly gross is set.
        gross: the monthly gross (the fixed pay, or the most the affordable rule pays).
        employer_rate: the employer contribution rate: an input (a payroll provider's figure),
            never law.
        employee_rate: the employee contribution rate, for the net estimate.
        rates_source: where the two rates come from, when the co-op gives it (a Belgian
            employment co-op computes contributions only with a source).
    """

    member: str
    rule: PayRule = attrs.field(validator=attrs.validators.instance_of(PayRule))
    employer_rate: Rate = attrs.field(validator=attrs.validators.instance_of(Rate))
    gross: Money | None = None
    employee_rate: Rate = attrs.field(factory=lambda: Rate.of("0"))
    rates_source: Citation | None = None

    def __attrs_post_init__(self) -> None:
        if self.rule is PayRule.FIXED and self.gross is None:
            raise InvalidInput("payroll.gross", None, "a fixed salary states its monthly gross")
        if self.gross is not None and to_minor_units(self.gross, field="payroll.gross") < 0:
            raise InvalidInput("payroll.gross", self.gross, "a gross pay is not negative")


@attrs.frozen
class PayMonth:
    """One month's pay: the gross asked, the gross paid and its employer charges.

    Attributes:
        period: the month.
        status: the entrepreneur's status on the month's first day.
        asked: the gross the rule asked for.
        gross: the gross paid (zero where the regime pays no salary).
        charges: the employer charges on it.
        envelope: the month's envelope, as the payroll plug-in gave it.
    """

    period: Period
    status: Status | None
    asked: Money
    gross: Money
    charges: Money
    envelope: SalaryEnvelope

    @property
    def paid(self) -> bool:
        """Whether the regime lets a salary be paid this month."""
        return self.envelope.blocked is None


@attrs.frozen
class PayrollYear:
    """An entrepreneur's pay on one activity over the financial year.

    Attributes:
        member: the entrepreneur.
        rule: how the monthly gross was set.
        months: each month's pay.
        envelope: the year's envelope over the months a salary may be paid (``None`` if none):
            what was available, the fixed part paid and the variable part due.
        blocked: the result of the months without salary, kept in the co-op.
        violations: the payroll's findings (a salary refused, a fixed pay above the envelope).
    """

    member: str
    rule: PayRule
    months: tuple[PayMonth, ...]
    envelope: SalaryEnvelope | None
    blocked: Money
    violations: tuple[Violation, ...] = ()

    @property
    def gross(self) -> Money:
        """The year's gross pay."""
        return _sum((m.gross for m in self.months), self.blocked)

    @property
    def charges(self) -> Money:
        """The year's employer charges."""
        return _sum((m.charges for m in self.months), self.blocked)

    @property
    def variable_part(self) -> Money:
        """The year-end variable part (employment cost) due; negative, a debt to regularise."""
        return self.envelope.variable_part if self.envelope is not None else zero(self.currency)

    @property
    def currency(self) -> str:
        """The currency of the amounts."""
        return str(self.blocked.currency.code)


def _sum(amounts: Iterable[Money], like: Money) -> Money:
    units = sum(to_minor_units(a) for a in amounts)
    return from_minor_units(units, like.currency)


@attrs.frozen
class BookMonth:
    """One month of an activity's books.

    Attributes:
        period: the month.
        opening: the treasury at its start (the previous month's closing).
        revenue: revenue excluding VAT.
        direct_costs: the direct costs.
        levy: the co-op's levy (contribution).
        pooled: the pooled costs charged.
        salary: the gross salary paid.
        charges: the employer charges on it.
        closing: ``opening + revenue - direct_costs - levy - pooled - salary - charges``.
        pooled_charges: the pooled costs charged, one by one.
    """

    period: Period
    opening: Money
    revenue: Money
    direct_costs: Money
    levy: Money
    pooled: Money
    salary: Money
    charges: Money
    closing: Money
    pooled_charges: tuple[PooledCharge, ...] = ()

    @property
    def result(self) -> Money:
        """The month's result: what the treasury gained (negative: lost)."""
        return self.closing - self.opening


_FIGURES: Final = ("revenue", "direct_costs", "levy", "pooled", "salary", "charges")


@attrs.frozen
class ActivityBooks:
    """One activity's books for the financial year: the rows a journal books, month by month.

    Attributes:
        activity: the activity.
        owner: its entrepreneur.
        currency: the currency of the amounts.
        opening: the treasury brought forward.
        months: the twelve months, in order, each opening on the previous closing.
        payroll: the entrepreneur's pay, where the scenario states one.
        violations: the findings (a treasury gone negative, a salary refused).
    """

    activity: str
    owner: str
    currency: str
    opening: Money
    months: tuple[BookMonth, ...]
    payroll: PayrollYear | None = None
    violations: tuple[Violation, ...] = ()

    @property
    def closing(self) -> Money:
        """The treasury at the year's end."""
        return self.months[-1].closing if self.months else self.opening

    @property
    def result(self) -> Money:
        """The year's result: revenue less every cost of the year (closing less opening)."""
        return self.closing - self.opening

    def total(self, figure: str) -> Money:
        """The year's total of one figure (``revenue``, ``levy``, ``salary``...)."""
        if figure not in _FIGURES:
            raise InvalidInput("figure", figure, f"one of {', '.join(_FIGURES)}")
        return _sum((getattr(m, figure) for m in self.months), self.opening)

    @property
    def variable_due(self) -> Money:
        """The year-end variable part of the pay, due after the general meeting."""
        return self.payroll.variable_part if self.payroll is not None else zero(self.currency)

    @property
    def kept(self) -> Money:
        """What stays in the activity once the variable part is paid: closing less it."""
        return self.closing - self.variable_due

    @property
    def explanation(self) -> Explanation:
        """Each month's closing from its figures, then the pooled charges and the envelope."""
        steps = [
            Step(
                what=Text(
                    "{start}: opening + revenue - direct costs - levy - pooled costs - salary - "
                    "employer charges",
                    start=f"{m.period.start:%Y-%m}",
                ),
                inputs={"opening": m.opening, **{f: getattr(m, f) for f in _FIGURES}},
                result=m.closing,
            )
            for m in self.months
        ]
        for month in self.months:
            for charge in month.pooled_charges:
                steps.extend(charge.explanation.steps)
        if self.payroll is not None and self.payroll.envelope is not None:
            steps.extend(self.payroll.envelope.explanation.steps)
        return Explanation(steps)


@attrs.frozen
class Books:
    """Every activity's books, and the pooled costs charged.

    Attributes:
        activities: each activity's books, in the scenario's order.
        costs: the pooled costs, one per cost and month charged.
        charges: every charge of a pooled cost to an activity; for each cost they add up to its
            amount exactly.
        violations: every activity's findings.
    """

    activities: tuple[ActivityBooks, ...]
    costs: tuple[PooledCost, ...] = ()
    charges: tuple[PooledCharge, ...] = ()
    violations: tuple[Violation, ...] = ()

    def of(self, activity: str) -> ActivityBooks:
        """One activity's books.

        Raises:
            InvalidInput: no activity has that id.
        """
        found = next((b for b in self.activities if b.activity == activity), None)
        if found is None:
            known = ", ".join(b.activity for b in self.activities) or "none"
            raise InvalidInput("activity", activity, f"not an activity of the scenario ({known})")
        return found


# --- one activity ---------------------------------------------------------------------------


@attrs.frozen
class _Payer:
    """Asks each month's envelope for one entrepreneur."""

    activity: Activity
    request: PayRequest
    regime: Regime
    envelope: Envelope
    status: Callable[[date], Status | None]

    def ask(self, period: Period, figures: Mapping[str, int], gross: int) -> SalaryEnvelope:
        currency = self.activity.currency
        return self._ask(
            period,
            period,
            figures,
            gross,
            None,
            self.status(period.start),
            currency,
        )

    def _ask(  # noqa: PLR0917 - the request's fields
        self,
        first: Period,
        last: Period,
        figures: Mapping[str, int],
        gross: int,
        charges: int | None,
        status: Status | None,
        currency: object,
    ) -> SalaryEnvelope:
        employer, employee = self.request.employer_rate, self.request.employee_rate
        request = EnvelopeRequest(
            regime=self.regime,
            activity=self.activity.id,
            member=self.request.member,
            period_start=first.start,
            period_end=last.end - timedelta(days=1),
            revenue=from_minor_units(figures["revenue"], currency),  # type: ignore[arg-type]
            direct_costs=from_minor_units(
                figures["direct_costs"] + figures["pooled"],
                currency,  # type: ignore[arg-type]
            ),
            contribution=from_minor_units(figures["levy"], currency),  # type: ignore[arg-type]
            fixed_pay_paid=from_minor_units(gross, currency),  # type: ignore[arg-type]
            employer_rate=lambda _gross: employer,
            employee_rate=lambda _gross: employee,
            status=status,
            rates_source=self.request.rates_source,
            employer_contributions_paid=(
                from_minor_units(charges, currency)  # type: ignore[arg-type]
                if charges is not None
                else None
            ),
        )
        answer = self.envelope(request)
        if answer is None:
            raise InvalidInput(
                "payroll", self.regime.code, "no payroll plug-in computes this regime's envelope"
            )
        return answer

    def month(self, period: Period, figures: Mapping[str, int], funds: int) -> PayMonth:
        """The month's pay, ``funds`` being the treasury before it that a salary may spend."""
        currency = self.activity.currency
        cap = (
            to_minor_units(self.request.gross) if self.request.gross is not None else max(funds, 0)
        )
        envelope = self.ask(period, figures, cap)
        if envelope.blocked is not None:
            nothing = zero(currency)
            return PayMonth(
                period,
                self.status(period.start),
                from_minor_units(cap, currency),
                nothing,
                nothing,
                envelope,
            )
        gross = cap
        if self.request.rule is PayRule.AFFORDABLE:
            budget = max(funds, 0)
            gross, envelope = self._affordable(period, figures, budget, min(cap, budget))
        fixed = to_minor_units(envelope.fixed_part)
        return PayMonth(
            period,
            self.status(period.start),
            from_minor_units(cap, currency),
            from_minor_units(gross, currency),
            from_minor_units(fixed - gross, currency),
            envelope,
        )

    def _affordable(
        self, period: Period, figures: Mapping[str, int], budget: int, cap: int
    ) -> tuple[int, SalaryEnvelope]:
        """The largest gross up to ``cap`` whose employment cost fits ``budget``.

        The employment cost is the envelope's fixed part.

        The search starts from the gross the stated employer rate gives and asks the plug-in
        only around it; the answer is the envelope's, whatever its rounding.
        """

        def fits(gross: int) -> bool:
            return to_minor_units(self.ask(period, figures, gross).fixed_part) <= budget

        guess = min(cap, int(budget / (1 + self.request.employer_rate.value)))
        low, high = 0, cap
        if fits(guess):
            low = guess
            if guess + 2 <= cap and not fits(guess + 2):
                high = guess + 1
        else:
            high = guess - 1
            if guess >= 2 and fits(guess - 2):  # noqa: PLR2004 - two cents around the guess
                low = guess - 2
        while low < high:
            middle = (low + high + 1) // 2
            if fits(middle):
                low = middle
            else:
                high = middle - 1
        return low, self.ask(period, figures, low)

    def year(self, months: Sequence[PayMonth], figures: Sequence[Mapping[str, int]]) -> PayrollYear:
        """The year's envelope over the months a salary may be paid, and what stays blocked."""
        currency = self.activity.currency
        paid = [i for i, m in enumerate(months) if m.paid]
        blocked = sum(to_minor_units(m.envelope.blocked or zero(currency)) for m in months)
        year = None
        if paid:
            totals = {k: sum(figures[i][k] for i in paid) for k in figures[0]}
            year = self._ask(
                months[paid[0]].period,
                months[paid[-1]].period,
                totals,
                sum(to_minor_units(months[i].gross) for i in paid),
                sum(to_minor_units(months[i].charges) for i in paid),
                months[paid[-1]].status,
                currency,
            )
        return PayrollYear(
            self.request.member,
            self.request.rule,
            tuple(months),
            year,
            from_minor_units(blocked, currency),
            self._violations(months, year),
        )

    def _violations(
        self, months: Sequence[PayMonth], year: SalaryEnvelope | None
    ) -> tuple[Violation, ...]:
        found: list[Violation] = []
        refused = [m for m in months if not m.paid]
        if refused:
            seen: set[tuple[str, str]] = set()
            for month in refused:
                for violation in month.envelope.violations:
                    if (violation.code, violation.message.en) not in seen:
                        seen.add((violation.code, violation.message.en))
                        found.append(violation)
            asked = [m for m in refused if m.asked.amount > 0]
            if asked and self.request.rule is PayRule.FIXED:
                rule = next((v.citation for v in refused[0].envelope.violations), None)
                found.append(
                    Violation(
                        code="books.salary_refused",
                        severity=Severity.WARNING,
                        subject=f"{self.activity.id}: {self.request.member}",
                        message=Text(
                            "A salary of {asked} was asked for {asked_count} month(s) in which "
                            "the regime pays none (from {start}): no salary is booked.",
                            asked=asked[0].asked,
                            asked_count=len(asked),
                            start=f"{asked[0].period.start:%Y-%m}",
                        ),
                        citation=rule,
                    )
                )
        if year is not None:
            found.extend(year.violations)
        return tuple(found)


def activity_books(
    activity: Activity,
    periods: Sequence[Period],
    *,
    opening: Money | None = None,
    lines: Iterable[Line] = (),
    levy: LevyYear | None = None,
    charges: Iterable[PooledCharge] = (),
    pay: PayRequest | None = None,
    regime: Regime | None = None,
    envelope: Envelope | None = None,
    status: Callable[[date], Status | None] | None = None,
) -> ActivityBooks:
    """One activity's books over ``periods`` (the months of its financial year), to the cent.

    Args:
        activity: the activity (its currency is the books').
        periods: the months, in order.
        opening: the treasury brought forward (default zero).
        lines: its revenue and direct costs (lines of other activities are refused).
        levy: its levies of the year.
        charges: the pooled costs charged to it.
        pay: the entrepreneur's pay, asked of the payroll plug-ins month by month.
        regime: the co-op's regime (with ``pay``).
        envelope: asks the payroll plug-ins for an envelope (with ``pay``).
        status: the entrepreneur's status on a day (with ``pay``; default unknown).

    Raises:
        InvalidInput: an item of another activity or outside the periods, a pay without a regime
            or a payroll plug-in, no plug-in answering for the regime.
        CurrencyMismatch: an amount in another currency than the activity's.
    """
    currency = currency_of(activity.currency, field="activity.currency")
    rows, detail = _rows(activity.id, currency, periods, lines, levy, charges)
    payer = None
    if pay is not None:
        if regime is None or envelope is None:
            raise InvalidInput("pay", pay.member, "a salary needs the regime and a payroll plug-in")
        payer = _Payer(activity, pay, regime, envelope, status or (lambda _day: None))
    balance = to_minor_units(_in(opening or zero(currency), currency, "opening"))
    months: list[BookMonth] = []
    paid: list[PayMonth] = []
    blocked = 0
    for i, period in enumerate(periods):
        row = rows[i]
        before = balance + row["revenue"] - row["direct_costs"] - row["levy"] - row["pooled"]
        if payer is not None:
            # The result of months without salary stays blocked: no later salary spends it.
            month = payer.month(period, row, before - blocked)
            if not month.paid:
                blocked += to_minor_units(month.envelope.blocked or zero(currency))
            paid.append(month)
            row["salary"] = to_minor_units(month.gross)
            row["charges"] = to_minor_units(month.charges)
        closing = before - row["salary"] - row["charges"]
        months.append(
            BookMonth(
                period=period,
                opening=from_minor_units(balance, currency),
                closing=from_minor_units(closing, currency),
                pooled_charges=tuple(detail[i]),
                **{f: from_minor_units(row[f], currency) for f in _FIGURES},
            )
        )
        balance = closing
    payroll = payer.year(paid, rows) if payer is not None else None
    violations = list(payroll.violations) if payroll is not None else []
    violations.extend(_negative(activity, months))
    return ActivityBooks(
        activity.id,
        activity.owner,
        activity.currency,
        from_minor_units(to_minor_units(opening or zero(currency)), currency),
        tuple(months),
        payroll,
        tuple(violations),
    )


def _rows(  # noqa: PLR0917 - the activity's figures
    activity: str,
    currency: Currency,
    periods: Sequence[Period],
    lines: Iterable[Line],
    levy: LevyYear | None,
    charges: Iterable[PooledCharge],
) -> tuple[list[dict[str, int]], list[list[PooledCharge]]]:
    """Each month's figures in minor units (salary and charges still zero), and its charges."""
    index = {p.start: i for i, p in enumerate(periods)}
    rows: list[dict[str, int]] = [dict.fromkeys(_FIGURES, 0) for _ in periods]
    detail: list[list[PooledCharge]] = [[] for _ in periods]

    def slot(item: str, owner: str, period: Period) -> int:
        if owner != activity:
            raise InvalidInput(f"{item}.activity", owner, f"these are the books of {activity!r}")
        if period.start not in index:
            raise InvalidInput(f"{item}.period", period, "not a month of the books")
        return index[period.start]

    for line in lines:
        i = slot("lines", line.activity, line.period)
        rows[i]["revenue"] += to_minor_units(_in(line.revenue, currency, "revenue"))
        rows[i]["direct_costs"] += to_minor_units(_in(line.direct_costs, currency, "costs"))
    if levy is not None:
        for statement_ in levy.periods:
            i = slot("levy", statement_.activity, statement_.period)
            rows[i]["levy"] += to_minor_units(_in(statement_.levy, currency, "levy"))
    for charge in charges:
        i = slot("charges", charge.activity, charge.period)
        rows[i]["pooled"] += to_minor_units(_in(charge.amount, currency, "pooled"))
        detail[i].append(charge)
    return rows, detail


def _in(amount: Money, currency: Currency, field: str) -> Money:
    if amount.currency != currency:
        raise CurrencyMismatch(field, amount.currency.code, f"the books are in {currency.code}")
    return amount


def _negative(activity: Activity, months: Sequence[BookMonth]) -> list[Violation]:
    below = [m for m in months if m.closing.amount < 0]
    if not below:
        return []
    lowest = min(below, key=lambda m: m.closing.amount)
    first = below[0]
    return [
        Violation(
            code="books.negative_treasury",
            severity=Severity.WARNING,
            subject=activity.id,
            message=Text(
                "The activity's treasury is negative in {below_count} month(s), from "
                "{first_month} ({first_balance}); lowest {lowest_balance} in {lowest_month}: "
                "another activity's money would be paying for it.",
                below_count=len(below),
                first_month=f"{first.period.start:%Y-%m}",
                first_balance=first.closing,
                lowest_balance=lowest.closing,
                lowest_month=f"{lowest.period.start:%Y-%m}",
            ),
        )
    ]


# --- the co-op: pooled costs and every activity ---------------------------------------------


def pooled_charges(
    costs: Sequence[tuple[PooledCost, Period]],
    *,
    lines: Sequence[Line] = (),
    usage: Mapping[str, Mapping[str, object]] | None = None,
    fixed: Mapping[str, Mapping[str, object]] | None = None,
    headcount: Mapping[str, Sequence[str]] | None = None,
) -> tuple[PooledCharge, ...]:
    """Charge pooled costs, each weighed over its own period and booked in the month given.

    A cost's period is the one its margin or revenue key weighs (a month, or the whole year);
    its charges are booked in the month paired with it. For each cost the charges add up to its
    amount exactly
    ([`cooprules.pooling.charge_pooled_costs()`][cooprules.pooling.charge_pooled_costs]).
    """
    out: list[PooledCharge] = []
    for cost, month in costs:
        charged = charge_pooled_costs(
            [cost], lines=lines, usage=usage, fixed=fixed, headcount=headcount
        )
        out.extend(attrs.evolve(charge, period=month) for charge in charged)
    return tuple(out)


@attrs.frozen
class _Charge:
    """One pooled cost of the scenario for one month, and the activities that share it."""

    cost: PooledCost
    month: Period
    weights: Mapping[str, object] | None = None
    among: tuple[str, ...] | None = None


def _scenario_costs(
    scenario: Scenario, periods: Sequence[Period], running: Callable[[Period], list[str]]
) -> list[_Charge]:
    year = Period(periods[0].start, periods[-1].end)
    out: list[_Charge] = []
    for spec in scenario.pooled_costs:
        citation = Citation("Statutes", spec.article, "coop") if spec.article else None
        for number in spec.months or range(1, len(periods) + 1):
            if number > len(periods):
                continue  # a month after a year to date's day: not reached yet
            month = periods[number - 1]
            weighed = year if spec.weights_over is WeightsOver.YEAR else month
            cost = PooledCost(
                f"{spec.code}/{month.start:%Y-%m}",
                _description(spec),
                spec.amount,
                weighed,
                spec.key,
                citation,
            )
            if spec.monthly_weights:  # a usage key's units of this month (desk-days)
                weights = {
                    a: units[number - 1]
                    for a, units in spec.monthly_weights.items()
                    if units[number - 1] > 0
                }
                out.append(_Charge(cost, month, weights=weights))
            elif spec.key in {AllocationKey.USAGE, AllocationKey.FIXED}:
                out.append(_Charge(cost, month, weights=dict(spec.weights)))
            elif spec.key is AllocationKey.HEADCOUNT:
                out.append(_Charge(cost, month, among=spec.activities or tuple(running(month))))
            else:
                out.append(_Charge(cost, month, among=spec.activities or None))
    return out


def _description(spec: PooledCostSpec) -> Text:
    en = spec.description or spec.code
    return Text(en=en, fr=spec.description_fr or en)


def evaluate_books(
    scenario: Scenario,
    *,
    regime: Regime,
    periods: Sequence[Period],
    items: Sequence[tuple[Activity, Sequence[Line]]],
    levies: Mapping[str, LevyYear],
    register: Sequence[Member],
    envelope: Envelope | None,
) -> Books | None:
    """The scenario's books: every activity's, with its pooled costs and payroll.

    ``None`` when the scenario has no activities. ``envelope`` asks for a salary envelope;
    ``None``: the installed payroll plug-ins, when the scenario asks for a salary.

    Raises:
        InvalidInput: a pooled cost that cannot be shared (no activity with a positive margin
            or revenue over its period), naming ``pooled_costs``; a payroll the regime's
            plug-ins cannot compute.
    """
    if not items:
        return None
    if envelope is None and scenario.payroll:
        envelope = _installed_payroll()
    specs = {spec.id: spec for spec in scenario.activities}

    def running(month: Period) -> list[str]:
        return [
            a.id for a, _ in items if a.start < month.end and (a.end is None or a.end > month.start)
        ]

    costs = _scenario_costs(scenario, periods, running)
    lines = [line for _, activity_lines in items for line in activity_lines]
    charges: list[PooledCharge] = []
    for item in costs:
        code = item.cost.code
        own = [line for line in lines if item.among is None or line.activity in item.among]
        try:
            charges.extend(
                pooled_charges(
                    [(item.cost, item.month)],
                    lines=own,
                    usage={code: item.weights or {}},
                    fixed={code: item.weights or {}},
                    headcount={code: item.among or ()},
                )
            )
        except InvalidInput as error:
            raise InvalidInput(f"pooled_costs[{code}]", error.value, error.reason) from error
    members = {m.id: m for m in register}
    pay = {p.activity: p for p in scenario.payroll}
    books = []
    for activity, activity_lines in items:
        spec = specs[activity.id]
        asked = pay.get(activity.id)
        request = None
        status = None
        if asked is not None:
            request = PayRequest(
                asked.member,
                asked.rule,
                asked.employer_rate,
                asked.gross,
                asked.employee_rate or Rate.of("0"),
                rates_citation(asked.rates_source) if asked.rates_source else None,
            )
            history = members[asked.member].history
            status = _status_of(history)
        books.append(
            activity_books(
                activity,
                periods,
                opening=spec.opening_balance,
                lines=activity_lines,
                levy=levies.get(activity.id),
                charges=[c for c in charges if c.activity == activity.id],
                pay=request,
                regime=regime,
                envelope=envelope,
                status=status,
            )
        )
    return Books(
        tuple(books),
        tuple(item.cost for item in costs),
        tuple(charges),
        tuple(v for b in books for v in b.violations),
    )


def _installed_payroll() -> Envelope:
    """The installed payroll plug-ins, asked through `cooprules.plugins.salary_envelope()`."""
    from cooprules.plugins import get_plugin_manager, salary_envelope  # noqa: PLC0415 - lazily

    manager = get_plugin_manager()
    return lambda request: salary_envelope(manager, request)


def _status_of(history: object) -> Callable[[date], Status | None]:
    def status(day: date) -> Status | None:
        return status_at(history, day)  # type: ignore[arg-type]

    return status


# --- the statement an entrepreneur is given ---------------------------------------------------

_HEADINGS: Final = (
    Text("month", context="statement"),
    Text("opening", context="statement"),
    Text("revenue", context="statement"),
    Text("direct costs", context="statement"),
    Text("levy", context="statement"),
    Text("pooled", context="statement"),
    Text("salary", context="statement"),
    Text("charges", context="statement"),
    Text("closing", context="statement"),
)


def _plain(amount: Money) -> str:
    return format_amount(amount).rsplit(" ", 1)[0]


def statement(
    books: ActivityBooks,
    *,
    coop: str = "",
    lang: Lang = "en",
    fmt: Literal["markdown", "text"] = "markdown",
    to_date: date | None = None,
) -> str:
    """The statement of one activity's year an entrepreneur can be given, as text.

    Every month's figures and treasury, the year's totals and result, the pooled costs one by
    one, and the pay: the fixed part paid, the variable part due, what stays in the activity.

    Args:
        books: the activity's books.
        coop: the co-op's name, for the title.
        lang: the language of the headings and labels (``en``, ``fr``, ``nl``, ``de``).
        fmt: ``markdown`` (tables) or ``text`` (aligned columns).
        to_date: the day of a year to date (the books hold the months begun by it): the title
            and the result say so.
    """
    head = [heading.in_(lang) for heading in _HEADINGS]
    rows = [
        [
            f"{m.period.start:%Y-%m}",
            _plain(m.opening),
            *(_plain(getattr(m, f)) for f in _FIGURES),
            _plain(m.closing),
        ]
        for m in books.months
    ]
    rows.append(
        [
            Text("total", context="statement").in_(lang),
            _plain(books.opening),
            *(_plain(books.total(f)) for f in _FIGURES),
            _plain(books.closing),
        ]
    )
    title = Text(
        "Statement of activity {activity} ({owner})", activity=books.activity, owner=books.owner
    ).in_(lang)
    if coop:
        title += f" — {coop}"
    result = Text("Result of the year").in_(lang)
    if to_date is not None:
        title += Text(" — year to date, {day}", day=to_date.isoformat()).in_(lang)
        result = Text("Result to date").in_(lang)
    summary = [
        (result, books.result),
        (Text("Closing treasury").in_(lang), books.closing),
    ]
    if books.payroll is not None:
        summary.extend(
            [
                (Text("Gross salary paid").in_(lang), books.payroll.gross),
                (Text("Employer charges").in_(lang), books.payroll.charges),
                (Text("Variable part due after the meeting").in_(lang), books.variable_due),
                (Text("Blocked (no salary)").in_(lang), books.payroll.blocked),
                (Text("Stays in the activity").in_(lang), books.kept),
            ]
        )
    pooled: dict[str, int] = {}
    names: dict[str, str] = {}
    for month in books.months:
        for charge in month.pooled_charges:
            code = charge.cost.rsplit("/", 1)[0]
            pooled[code] = pooled.get(code, 0) + to_minor_units(charge.amount)
            names[code] = charge.key.value
    out = [f"# {title}" if fmt == "markdown" else title, ""]
    out.extend(_table(head, rows, fmt))
    out.append("")
    out.extend(_table(["", books.currency], [[k, _plain(v)] for k, v in summary], fmt))
    if pooled:
        out.append("")
        heading = Text("Pooled costs").in_(lang)
        out.extend([f"## {heading}" if fmt == "markdown" else heading, ""])
        key = Text("key", context="statement").in_(lang)
        out.extend(
            _table(
                ["code", key, books.currency],
                [
                    [c, names[c], _plain(from_minor_units(u, books.currency))]
                    for c, u in pooled.items()
                ],
                fmt,
            )
        )
    notes = [v.message.in_(lang) for v in books.violations]
    if notes:
        out.append("")
        out.extend(f"- {note}" for note in notes)
    return "\n".join(out) + "\n"


def _table(head: list[str], rows: list[list[str]], fmt: str) -> list[str]:
    if fmt == "markdown":
        return [
            "| " + " | ".join(head) + " |",
            "|" + "|".join("---:" if i else "---" for i in range(len(head))) + "|",
            *("| " + " | ".join(r) + " |" for r in rows),
        ]
    widths = [max(len(str(c)) for c in col) for col in zip(head, *rows, strict=True)]
    lines = []
    for r in [head, *rows]:
        pairs = enumerate(zip(r, widths, strict=True))
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in pairs]
        lines.append("  ".join(cells).rstrip())
    return lines
