"""The distribution of a year's surplus as a waterfall of steps, exact to the cent.

At the general meeting a co-op splits its surplus: reserves first, capped interest on shares,
patronage refunds (*ristournes*) in proportion to each member's business or work, and in a SCOP a
worker share for all employees. A [`Waterfall`][cooprules.surplus.Waterfall] is that split as data:
an ordered tuple of steps ([`ToReserve`][cooprules.surplus.ToReserve],
[`Interest`][cooprules.surplus.Interest], [`Refund`][cooprules.surplus.Refund],
[`WorkerShare`][cooprules.surplus.WorkerShare], [`Remainder`][cooprules.surplus.Remainder]) plus
constraints between them, each with its citation. [`distribute()`][cooprules.surplus.distribute]
runs it on a year's figures ([`YearFigures`][cooprules.surplus.YearFigures]) and returns a
[`Distribution`][cooprules.surplus.Distribution]:

* every step's amount, rounded once to the minor unit; every member's share of a step through
  [`cooprules.money.allocate()`][cooprules.money.allocate], so the parts add up to the step exactly;
* the total allocated equals the surplus, to the cent (whatever is left goes to the
  [`Remainder`][cooprules.surplus.Remainder] step, or stays unallocated and is reported);
* the explanation of each step and the violations the constraints find (a broken legal bound is
  returned as data, never raised).

Amounts of a step are either a share of the **base** (the surplus less the deductions made before
the waterfall, e.g. Quebec's interest on preferred shares, s.143), a share of what **remains**, a
fixed amount the meeting **decided**, or **all that remains**. A step never takes more than what
remains.

```pycon
>>> from cooprules.money import money, Rate, format_amount
>>> waterfall = Waterfall((
...     ToReserve("legal", reserve="legal_reserve", share=Rate.of("15%")),
...     Refund("refunds", measure="purchases", share=Rate.of("50%")),
...     Remainder("rest", reserve="other_reserves"),
... ))
>>> figures = YearFigures(surplus=money("10000.00", "EUR"),
...                       measures={"purchases": {"ana": 3, "bo": 1}})
>>> result = distribute(waterfall, figures)
>>> [(s.code, format_amount(s.amount)) for s in result.steps]
[('legal', '1500.00 EUR'), ('refunds', '5000.00 EUR'), ('rest', '3500.00 EUR')]
>>> {m: format_amount(a) for m, a in result.step("refunds").shares.items()}
{'ana': '3750.00 EUR', 'bo': '1250.00 EUR'}

```
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Final, Union, cast

import attrs
from moneyed import Currency, Money

from cooprules.capital.daycount import DayCount
from cooprules.capital.interest import (
    above_caps,
    interest_caps,
    interest_column,
    split_within,
    year_days,
)
from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidInput, UnknownMember
from cooprules.explain import Citation, Explanation, Label, Severity, Step, Text, Violation
from cooprules.money import (
    Allocation,
    Rate,
    Rounding,
    allocate,
    format_amount,
    from_minor_units,
    round_fraction,
    to_fraction,
    to_minor_units,
)
from cooprules.periods import Period
from cooprules.reserves import absorb_loss  # moved to reserves; still importable from here

__all__ = [
    "Constraint",
    "Distribution",
    "Interest",
    "Of",
    "Refund",
    "Remainder",
    "StepResult",
    "ToReserve",
    "Waterfall",
    "WaterfallStep",
    "Worker",
    "WorkerShare",
    "YearFigures",
    "absorb_loss",
    "average_measures",
    "distribute",
    "measure_average",
]


class Of(enum.Enum):
    """What a step's ``share`` is a share of."""

    BASE = "base"
    """The distributable surplus (the surplus less the deductions before the waterfall)."""
    REMAINING = "remaining"
    """What remains after the steps before it."""


def _to_rate(value: object) -> Rate:
    # A ready-made Rate is checked too: Rate("150%") is no share of a surplus.
    return Rate.of(value, field="step.rate")


def _categories_or_none(value: Iterable[str] | None) -> frozenset[str] | None:
    return None if value is None else frozenset(value)


def _rate_or_amount(value: object) -> Rate | Money:
    if isinstance(value, Money):
        if to_minor_units(value, field="refund.in_shares") < 0:
            raise InvalidInput("refund.in_shares", format_amount(value), "negative")
        return value
    return _to_rate(value)


def _time(value: object) -> Fraction:
    return to_fraction(value, field="worker.time")


def _rate_or_none(value: object) -> Rate | None:
    if value is None:
        return None
    return Rate.of(value, field="step.share")  # a ready-made Rate is checked against 0..100 % too


def _check_amount_spec(step: _AmountSpec) -> None:
    given = [step.share is not None, step.amount is not None, step.rest]
    if sum(given) != 1:
        raise InvalidInput(
            f"step[{step.code}]",
            {"share": step.share, "amount": step.amount, "rest": step.rest},
            "give exactly one of share, amount or rest=True",
        )
    if step.amount is not None:
        if not isinstance(step.amount, Money):
            raise InvalidInput(f"step[{step.code}].amount", step.amount, "expected a Money")
        if to_minor_units(step.amount, field=f"step[{step.code}].amount") < 0:
            raise InvalidInput(f"step[{step.code}].amount", format_amount(step.amount), "negative")


@attrs.frozen
class _AmountSpec:
    code: str
    share: Rate | None = attrs.field(default=None, converter=_rate_or_none, kw_only=True)
    of: Of = attrs.field(default=Of.BASE, kw_only=True)
    amount: Money | None = attrs.field(default=None, kw_only=True)
    rest: bool = attrs.field(default=False, kw_only=True)
    citation: Citation | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_amount_spec(self)


@attrs.frozen
class ToReserve(_AmountSpec):
    """Allocate to a reserve, with an optional ceiling on the reserve's balance.

    Attributes:
        code: the step's identifier.
        reserve: the reserve account receiving the allocation.
        share: a share of the base (or of what remains, with ``of=Of.REMAINING``).
        amount: a fixed amount decided by the meeting.
        rest: take all that remains.
        ceiling: the allocation stops once the reserve's balance reaches this amount (France: the
            SCOP legal reserve, until it equals the highest capital ever reached).
        overflow_to: the reserve that receives what the ceiling cuts off (else it stays in the
            waterfall for the next steps).
        indivisible: the reserve can never be distributed.
        citation: the rule.
    """

    reserve: str = attrs.field(kw_only=True)
    ceiling: Money | None = attrs.field(default=None, kw_only=True)
    overflow_to: str | None = attrs.field(default=None, kw_only=True)
    indivisible: bool = attrs.field(default=True, kw_only=True)


def _day_count(value: object) -> DayCount:
    if isinstance(value, DayCount):
        return value
    try:
        return DayCount(value)
    except ValueError:
        raise InvalidInput(
            "step.day_count", value, f"one of {[d.value for d in DayCount]}"
        ) from None


@attrs.frozen
class Interest:
    """Interest on paid-up shares, pro rata of the capital and the days it was held.

    With a ``rate``, each member's interest is their own ``capital-days x rate / days``, rounded
    once (`cooprules.capital.interest_units()`); the step's amount is their sum. With an
    ``amount`` (a SCOP's meeting decides a sum), that sum is split over the members by their
    capital-days, exact to the cent. Either way a step never takes more than what remains; if
    less remains, what remains is split by capital-days, nobody above their interest at the rate.

    A legal ``cap`` ("at most N %") is an annual rate: a rate above it is reported as such, and
    each member's interest is bounded by ``capital-days x cap / actual days of the year``
    (`cooprules.capital.interest_caps()`), whatever the day count. Capped interest is rounded
    **down**, toward the bound, whatever the waterfall's rounding, so a half-cent tie at the cap
    never pays a cent over; a member paid above their bound (a decided amount, or a day count
    paying more than the annual rate in a leap year) makes the result carry a violation.

    Attributes:
        code: the step's identifier.
        rate: the yearly rate the statutes or the meeting set.
        amount: a total decided by the meeting instead of a rate.
        cap: the legal cap on the rate, if any.
        day_count: the statutes' day count
            ([`cooprules.capital.DayCount`][cooprules.capital.daycount.DayCount], or its text
            ``"actual/365"``...): ``ACTUAL_ACTUAL`` (the default) counts the financial year's actual
            days ([`YearFigures.year_days`][cooprules.surplus.YearFigures.year_days]), so a holder
            of every day of a 366-day year gets the annual rate, never 366/365 of it; ``ACTUAL_365``
            or ``ACTUAL_360`` for statutes that choose them.
        days_in_year: a fixed denominator instead of the day count's, if given.
        capital: the name of the capital-days table in the figures (e.g. a share class).
        citation: the rule.
    """

    code: str
    rate: Rate | None = attrs.field(default=None, kw_only=True, converter=_rate_or_none)
    amount: Money | None = attrs.field(default=None, kw_only=True)
    cap: Rate | None = attrs.field(default=None, kw_only=True, converter=_rate_or_none)
    day_count: DayCount = attrs.field(
        default=DayCount.ACTUAL_ACTUAL, kw_only=True, converter=_day_count
    )
    days_in_year: int | None = attrs.field(default=None, kw_only=True)
    capital: str = attrs.field(default="capital", kw_only=True)
    citation: Citation | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if (self.rate is None) == (self.amount is None):
            raise InvalidInput(
                f"step[{self.code}]",
                {"rate": self.rate, "amount": self.amount},
                "give exactly one of rate or amount",
            )
        if self.amount is not None:
            if not isinstance(self.amount, Money):
                raise InvalidInput(f"step[{self.code}].amount", self.amount, "expected a Money")
            to_minor_units(self.amount, field=f"step[{self.code}].amount")
        if self.days_in_year is not None:
            _check_days(f"step[{self.code}].days_in_year", self.days_in_year)
            if self.day_count is not DayCount.ACTUAL_ACTUAL:
                raise InvalidInput(
                    f"step[{self.code}].days_in_year",
                    self.days_in_year,
                    f"give a day count ({self.day_count.value}) or a number of days, not both",
                )


def _check_days(field: str, value: object) -> None:
    if type(value) is not int or value <= 0:
        raise InvalidInput(field, value, "a positive number of days")


@attrs.frozen
class Refund(_AmountSpec):
    """Patronage refunds (*ristournes*) in proportion to a measure of each member's business.

    Attributes:
        code: the step's identifier.
        measure: the name of the measure in the figures (purchases, hours, pay…).
        eligible: the member categories entitled to refunds (``None``: everybody measured).
        in_shares: the part of each refund paid in shares rather than cash: a rate of each
            refund, or the total the meeting decided (a ``Money``), split over the members by
            their refunds, exact to the cent (at most the refunds: a cut is reported).
        average_years: the refunds follow each member's average measure over this many financial
            years, the year's included (`YearFigures.measure_years`; see
            [`measure_average()`][cooprules.surplus.measure_average]); ``None``: the year's measure
            alone.
        average_citation: the rule that allows the average (Quebec: s.224.7).
        share / amount / rest / of: how much the step takes.
        citation: the rule.
    """

    measure: str = attrs.field(kw_only=True)
    eligible: frozenset[str] | None = attrs.field(
        default=None, kw_only=True, converter=_categories_or_none
    )
    in_shares: Rate | Money = attrs.field(default=Rate(0), kw_only=True, converter=_rate_or_amount)
    average_years: int | None = attrs.field(default=None, kw_only=True)
    average_citation: Citation | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        years = self.average_years
        if years is not None and (type(years) is not int or years < 1):
            raise InvalidInput(
                f"step[{self.code}].average_years", years, "a number of years, at least 1"
            )


@attrs.frozen
class Worker:
    """A worker's figures for the worker share.

    Attributes:
        pay: gross pay of the year.
        time: time worked (hours or days, one unit for all workers).
        months_present: months of presence in the year.
        seniority_months: seniority at the end of the year, in months.
    """

    pay: Money
    time: Fraction = attrs.field(converter=_time)
    months_present: int = 12
    seniority_months: int = 12


@attrs.frozen
class WorkerShare(_AmountSpec):
    """The worker share (*part travail*): to all employees, members or not, who qualify.

    Attributes:
        code: the step's identifier.
        by_pay: weight of pay in the split (with ``by_time`` and ``equal``, the statutes' mix).
        by_time: weight of time worked.
        equal: weight of an equal share.
        seniority_coefficient: a coefficient on each worker's share growing linearly with seniority
            from 1 (no seniority) to this value at ``seniority_full_months`` (France: at most 2).
        seniority_full_months: the seniority at which the coefficient is reached.
        min_months_present: eligibility by presence in the year (France: 3 months)...
        min_seniority_months: ...or by seniority at the year's end (France: 6 months).
        share / amount / rest / of: how much the step takes.
        citation: the rule.
    """

    by_pay: Fraction = attrs.field(default=Fraction(1), kw_only=True, converter=to_fraction)
    by_time: Fraction = attrs.field(default=Fraction(0), kw_only=True, converter=to_fraction)
    equal: Fraction = attrs.field(default=Fraction(0), kw_only=True, converter=to_fraction)
    seniority_coefficient: Fraction = attrs.field(
        default=Fraction(1), kw_only=True, converter=to_fraction
    )
    seniority_full_months: int = attrs.field(default=120, kw_only=True)
    min_months_present: int = attrs.field(default=3, kw_only=True)
    min_seniority_months: int = attrs.field(default=6, kw_only=True)


@attrs.frozen
class Remainder:
    """Whatever remains after the other steps goes to a reserve or is carried forward.

    Attributes:
        code: the step's identifier.
        reserve: the reserve (or ``"carried_forward"``) receiving the rest.
        indivisible: whether that reserve is indivisible.
        citation: the rule.
    """

    code: str
    reserve: str = attrs.field(kw_only=True)
    indivisible: bool = attrs.field(default=True, kw_only=True)
    citation: Citation | None = attrs.field(default=None, kw_only=True)


WaterfallStep = Union[ToReserve, Interest, Refund, WorkerShare, Remainder]  # noqa: UP007
"""A step of a waterfall."""


@attrs.frozen
class YearFigures:
    """The year's figures a waterfall needs.

    Attributes:
        surplus: the year's surplus (ENG for a SCOP; a loss is negative: see
            [`absorb_loss()`][cooprules.reserves.absorb_loss]).
        deductions: amounts taken before the waterfall, by name (Quebec: interest on preferred
            shares, s.143); the base is the surplus less these.
        reserve_balances: the reserves' balances before the allocation (for ceilings).
        capital_days: per table (``"capital"`` by default), each member's paid-up capital in minor
            units multiplied by the days held in the year (see
            [`cooprules.capital`][cooprules.capital]).
        measures: per measure name, each member's measure (purchases, hours, pay), exact numbers.
        workers: per worker, their figures for the worker share.
        categories: each member's category (for refund eligibility).
        year: the financial year (its actual days, 365 or 366, are the interest's day count).
        days_in_year: the actual days of the financial year, if ``year`` is not given; with
            neither, 365 are assumed and interest on shares says so (a warning).
        equity: the co-op's equity at the year's end, if a rule needs it (Quebec s.146).
        debts: the co-op's debts at the year's end, if a rule needs it.
        highest_capital: the highest capital ever reached (France, SCOP legal reserve).
        measure_years: per measure name, per financial year (the year it starts in), each
            member's measure: what a refund averaged over several years reads
            (`Refund.average_years`). The year's own measures may stay in ``measures``.
    """

    surplus: Money
    deductions: Mapping[str, Money] = attrs.field(factory=dict)
    reserve_balances: Mapping[str, Money] = attrs.field(factory=dict)
    capital_days: Mapping[str, Mapping[str, int]] = attrs.field(factory=dict)
    measures: Mapping[str, Mapping[str, object]] = attrs.field(factory=dict)
    workers: Mapping[str, Worker] = attrs.field(factory=dict)
    categories: Mapping[str, str] = attrs.field(factory=dict)
    year: Period | None = None
    days_in_year: int | None = None
    equity: Money | None = None
    debts: Money | None = None
    highest_capital: Money | None = None
    measure_years: Mapping[str, Mapping[int, Mapping[str, object]]] = attrs.field(factory=dict)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.surplus, Money):
            raise InvalidInput("surplus", self.surplus, "expected a Money")
        to_minor_units(self.surplus, field="surplus")
        if self.year is not None and not isinstance(self.year, Period):
            raise InvalidInput("year", self.year, "expected a Period")
        if self.days_in_year is not None:
            _check_days("days_in_year", self.days_in_year)
            if self.year is not None and self.year.days != self.days_in_year:
                raise InvalidInput(
                    "days_in_year",
                    self.days_in_year,
                    f"the year {self.year.start} to {self.year.end} has {self.year.days} days",
                )
        currency = self.surplus.currency
        for name, value in (
            *((f"deductions[{k}]", v) for k, v in self.deductions.items()),
            *((f"reserve_balances[{k}]", v) for k, v in self.reserve_balances.items()),
            *((f"workers[{k}].pay", w.pay) for k, w in self.workers.items()),
            ("equity", self.equity),
            ("debts", self.debts),
            ("highest_capital", self.highest_capital),
        ):
            if value is None:
                continue
            if not isinstance(value, Money):
                raise InvalidInput(name, value, "expected a Money")
            if value.currency != currency:
                raise CurrencyMismatch(
                    name, value.currency.code, f"the surplus is in {currency.code}"
                )
            to_minor_units(value, field=name)

    @property
    def currency(self) -> Currency:
        """The currency of the figures."""
        return self.surplus.currency

    @property
    def year_days(self) -> int:
        """The financial year's actual days: the year's, else ``days_in_year``, else 365."""
        if self.year is not None:
            return self.year.days
        return self.days_in_year if self.days_in_year is not None else 365

    @property
    def year_days_given(self) -> bool:
        """Whether the figures say how many days their year has (``year`` or ``days_in_year``)."""
        return self.year is not None or self.days_in_year is not None

    @property
    def base(self) -> Money:
        """The surplus less the deductions made before the waterfall."""
        units = to_minor_units(self.surplus) - sum(
            to_minor_units(v) for v in self.deductions.values()
        )
        return from_minor_units(units, self.currency)


Constraint = Callable[["Distribution"], Iterable[Violation]]
"""A check on a whole distribution (e.g. a SCOP's dividends at most its worker share)."""


def _steps(values: Iterable[WaterfallStep]) -> tuple[WaterfallStep, ...]:
    steps = tuple(values)
    codes = [s.code for s in steps]
    if len(set(codes)) != len(codes):
        raise DuplicateId("waterfall.steps", codes, "step codes must be unique")
    for index, step in enumerate(steps):
        if isinstance(step, Remainder) and index != len(steps) - 1:
            raise InvalidInput(f"waterfall.steps[{index}]", step.code, "the remainder comes last")
    return steps


def _constraints(values: Iterable[Constraint]) -> tuple[Constraint, ...]:
    return tuple(values)


@attrs.frozen
class Waterfall:
    """A distribution rule: ordered steps and the constraints checked on the result.

    Attributes:
        steps: the steps, in order; a [`Remainder`][cooprules.surplus.Remainder] may only come last.
        constraints: checks run on the result (a regime's legal bounds).
        rounding: how step amounts are rounded.
        name: a short name for reports.
    """

    steps: tuple[WaterfallStep, ...] = attrs.field(converter=_steps)
    constraints: tuple[Constraint, ...] = attrs.field(default=(), converter=_constraints)
    rounding: Rounding = Rounding.HALF_UP
    name: str = ""


@attrs.frozen
class StepResult:
    """What one step took, and how it was shared.

    Attributes:
        code: the step's identifier.
        step: the step.
        amount: what it took.
        shares: each member's (or worker's) share, adding up to ``amount``; empty for a reserve.
        in_shares: for a refund, the part of each member's refund paid in shares.
        overflow: for a reserve with a ceiling, what the ceiling cut off (and where it went).
        explanation: how the amount and the shares were computed.
        violations: what the step itself found (interest above its legal cap).
    """

    code: str
    step: WaterfallStep = attrs.field(repr=False)
    amount: Money
    shares: Mapping[str, Money] = attrs.field(factory=dict)
    in_shares: Mapping[str, Money] = attrs.field(factory=dict)
    overflow: Money | None = None
    explanation: Explanation = attrs.field(factory=Explanation, repr=False)
    violations: tuple[Violation, ...] = ()


@attrs.frozen
class Distribution:
    """The result of a waterfall on a year's figures.

    Attributes:
        figures: the figures.
        waterfall: the rule applied.
        steps: each step's result, in order (an overflow appears as its own result).
        unallocated: what no step took (zero when the waterfall ends with a remainder).
        violations: what the constraints found.
    """

    figures: YearFigures = attrs.field(repr=False)
    waterfall: Waterfall = attrs.field(repr=False)
    steps: tuple[StepResult, ...]
    unallocated: Money
    violations: tuple[Violation, ...] = ()

    def step(self, code: str) -> StepResult:
        """The result of the step ``code``.

        Raises:
            InvalidInput: no such step.
        """
        for result in self.steps:
            if result.code == code:
                return result
        raise InvalidInput("step", code, f"no such step; steps: {[r.code for r in self.steps]}")

    def amount(self, code: str) -> Money:
        """What step ``code`` took (zero if the step is absent)."""
        for result in self.steps:
            if result.code == code:
                return result.amount
        return from_minor_units(0, self.figures.currency)

    def to_reserves(self, *, indivisible_only: bool = False) -> dict[str, Money]:
        """The allocation to each reserve."""
        totals: dict[str, int] = {}
        for result in self.steps:
            step = result.step
            if isinstance(step, ToReserve | Remainder):
                if indivisible_only and not step.indivisible:
                    continue
                totals[step.reserve] = totals.get(step.reserve, 0) + to_minor_units(result.amount)
        return {k: from_minor_units(v, self.figures.currency) for k, v in totals.items()}

    @property
    def total(self) -> Money:
        """Everything allocated: the base (surplus less deductions) less what is unallocated."""
        units = sum(to_minor_units(r.amount) for r in self.steps)
        return from_minor_units(units, self.figures.currency)

    @property
    def explanation(self) -> Explanation:
        """Every step's explanation, in order."""
        steps: tuple[Step, ...] = ()
        for result in self.steps:
            steps += result.explanation.steps
        return Explanation(steps)


def _target(step: _AmountSpec, base: int, remaining: int, rounding: Rounding) -> int:
    if step.rest:
        return remaining
    if step.amount is not None:
        return to_minor_units(step.amount)
    assert step.share is not None  # noqa: S101 - _check_amount_spec guarantees it
    whole = base if step.of is Of.BASE else remaining
    return round_fraction(whole * step.share.value, rounding)


def _weights_for(
    table: Mapping[str, object] | None,
    name: str,
    *,
    eligible: frozenset[str] | None,
    categories: Mapping[str, str],
) -> Mapping[str, int | Fraction]:
    """Exact weights by member (integers stay integers: the fast path of ``allocate``)."""
    if table is None:
        raise InvalidInput(name, None, "these figures are missing")
    if eligible is None and _INT_ONLY.issuperset(map(type, table.values())):
        return cast("Mapping[str, int]", table)  # integers stay as they are, checked in C
    weights: dict[str, int | Fraction] = {}
    for member, value in table.items():
        if eligible is not None and categories.get(member) not in eligible:
            continue
        weights[member] = (
            value if type(value) is int else to_fraction(value, field=f"{name}[{member}]")
        )
    return weights


def _split(
    amount: int, weights: Mapping[str, int | Fraction], currency: Currency, field: str
) -> tuple[Mapping[str, Money], int]:
    """Split ``amount`` minor units over ``weights``; return the parts and their total."""
    if amount == 0 or not weights or not any(weights.values()):
        return {}, 0
    return allocate(from_minor_units(amount, currency), weights, field=field), amount


def distribute(waterfall: Waterfall, figures: YearFigures) -> Distribution:
    """Run a waterfall on a year's figures.

    Raises:
        InvalidInput: figures a step needs are missing (a measure, the capital-days), or the
            surplus is a loss (use [`absorb_loss()`][cooprules.reserves.absorb_loss]).
        UnknownMember: a refund's measure names a member with no category while the refund is
            restricted to categories.
    """
    currency = figures.currency
    base = to_minor_units(figures.base)
    if base < 0:
        raise InvalidInput(
            "surplus",
            format_amount(figures.base),
            "a loss is absorbed, not distributed: use absorb_loss()",
        )
    remaining = base
    results: list[StepResult] = []
    rounding = waterfall.rounding
    for step in waterfall.steps:
        produced = _run_step(step, figures, base, remaining, rounding)
        for result in produced:
            remaining -= to_minor_units(result.amount)
        results.extend(produced)
    distribution = Distribution(
        figures, waterfall, tuple(results), from_minor_units(remaining, currency)
    )
    violations = tuple(v for result in results for v in result.violations) + tuple(
        v for check in waterfall.constraints for v in check(distribution)
    )
    return attrs.evolve(distribution, violations=violations)


def _run_step(
    step: WaterfallStep, figures: YearFigures, base: int, remaining: int, rounding: Rounding
) -> list[StepResult]:
    currency = figures.currency

    def money_of(units: int) -> Money:
        return from_minor_units(units, currency)

    if isinstance(step, Remainder):
        return [
            StepResult(
                step.code,
                step,
                money_of(remaining),
                explanation=Explanation(
                    (
                        Step(
                            what=Text(
                                "Remainder to {reserve}",
                                reserve=step.reserve,
                            ),
                            inputs={"remaining": money_of(remaining)},
                            result=money_of(remaining),
                            citation=step.citation,
                        ),
                    )
                ),
            )
        ]
    if isinstance(step, Interest):
        return [_interest(step, figures, remaining, rounding)]
    asked = _target(step, base, remaining, rounding)
    target = min(asked, remaining)
    if isinstance(step, ToReserve):
        results = _reserve(step, figures, target)
    elif isinstance(step, Refund):
        results = [_refund(step, figures, target)]
    else:
        results = [_worker_share(step, figures, target)]
    return _said(results, asked, target, currency)


def _said(
    results: list[StepResult], asked: int, target: int, currency: Currency
) -> list[StepResult]:
    """The step's result, with a warning when it grants less than was asked, and why.

    Two cuts: a step never takes more than what remains of the surplus; a refund or a worker
    share with nobody to share it among takes nothing (what it would take stays in the
    waterfall for the steps after it). A reserve's ceiling is no silent cut: its overflow is
    reported.
    """
    first = results[0]
    step = first.step
    assert isinstance(step, ToReserve | Refund | WorkerShare)  # noqa: S101 - _run_step's steps
    granted = to_minor_units(first.amount) + to_minor_units(
        first.overflow or from_minor_units(0, currency)
    )
    if granted >= asked:
        return results
    rule = _REMAINS
    if granted < target and not isinstance(step, ToReserve):  # the split found nobody
        rule = _nobody(step)
    warning = _cut(step, asked, granted, rule, currency)
    return [attrs.evolve(first, violations=(*first.violations, warning)), *results[1:]]


_INT_ONLY: Final = frozenset({int})

_REMAINS: Final = Text(
    "a step never takes more than what remains of the surplus after the steps before it",
)


def _cut(
    step: WaterfallStep, asked: int, granted: int, rule: Text, currency: Currency
) -> Violation:
    """The warning that a step granted less than it asked, naming both amounts and the rule."""
    shown, given = (format_amount(from_minor_units(u, currency)) for u in (asked, granted))
    return Violation(
        code="surplus.amount_cut",
        severity=Severity.WARNING,
        subject=step.code,
        message=Text(
            "Step {step_code}: {shown} asked, {given} granted: {rule}.",
            step_code=step.code,
            shown=shown,
            given=given,
            rule=rule,
        ),
        citation=step.citation,
    )


def _nobody(step: Refund | WorkerShare) -> Text:
    """Why a refund or a worker share had nobody to share its amount among."""
    if isinstance(step, Refund):
        return Text(
            "no eligible member has any {measure}, so nobody receives it; it stays in the "
            "waterfall for the steps after it",
            measure=step.measure,
        )
    return Text(
        "no employee qualifies (at least {min_months_present} months present or "
        "{min_seniority_months} months' seniority, with pay or time to share by), so nobody "
        "receives it; it stays in the waterfall for the steps after it",
        min_months_present=step.min_months_present,
        min_seniority_months=step.min_seniority_months,
    )


def _reserve(step: ToReserve, figures: YearFigures, target: int) -> list[StepResult]:
    currency = figures.currency
    amount, overflow = target, 0
    inputs: dict[str, object] = {"target": from_minor_units(target, currency)}
    if step.ceiling is not None:
        balance = to_minor_units(
            figures.reserve_balances.get(step.reserve, from_minor_units(0, currency))
        )
        room = max(0, to_minor_units(step.ceiling) - balance)
        amount = min(target, room)
        overflow = target - amount
        inputs |= {"balance": from_minor_units(balance, currency), "ceiling": step.ceiling}
    explanation = Explanation(
        (
            Step(
                what=Text(
                    "Allocation to {reserve}",
                    reserve=step.reserve,
                ),
                inputs=inputs,
                result=from_minor_units(amount, currency),
                citation=step.citation,
                note=Text(
                    "share {share} of the {of}", share=step.share, of=Label("input", step.of.value)
                )
                if step.share
                else Text("amount decided"),
            ),
        )
    )
    results = [
        StepResult(
            step.code,
            step,
            from_minor_units(amount, currency),
            overflow=from_minor_units(overflow, currency) if step.ceiling is not None else None,
            explanation=explanation,
        )
    ]
    if overflow and step.overflow_to is not None:
        spill = ToReserve(
            f"{step.code}:overflow",
            reserve=step.overflow_to,
            rest=True,
            citation=step.citation,
            indivisible=step.indivisible,
        )
        results.append(
            StepResult(
                spill.code,
                spill,
                from_minor_units(overflow, currency),
                explanation=Explanation(
                    (
                        Step(
                            what=Text(
                                "Above the ceiling of {reserve}: to {overflow_to}",
                                reserve=step.reserve,
                                overflow_to=step.overflow_to,
                            ),
                            inputs={"overflow": from_minor_units(overflow, currency)},
                            result=from_minor_units(overflow, currency),
                            citation=step.citation,
                        ),
                    )
                ),
            )
        )
    return results


def _interest(
    step: Interest, figures: YearFigures, remaining: int, rounding: Rounding
) -> StepResult:
    currency = figures.currency
    table = _capital_days_of(step, figures)
    actual = figures.year_days
    days = step.days_in_year or year_days(step.day_count, actual)
    ceilings = None
    if (
        step.cap is not None
        and step.rate is not None
        and step.rate.value * actual <= (step.cap.value * days)
    ):
        # Within the cap, an amount the law bounds is never rounded above it: each member's
        # rounded interest is at most their bound, rounded toward it (down). Above the cap (the
        # rate, or a day count giving more than the annual rate), nothing hides the overshoot.
        ceilings = interest_caps(table, step.cap, actual)
    capital_days = sum(table.values())
    shares, due, amount = _interest_shares(
        step, table, days, rounding, remaining, currency, ceilings
    )
    note = None
    if amount < due:
        note = Text(
            "only {paid} remained of {due} due",
            paid=from_minor_units(amount, currency),
            due=from_minor_units(due, currency),
        )
    inputs: dict[str, object] = {
        "rate": step.rate if step.rate is not None else "amount decided",
        "capital-days (minor units x days)": capital_days,
        "day count": f"actual/{days}"
        if step.days_in_year
        else f"{step.day_count.value} ({days} days)",
    }
    if step.cap is not None:
        inputs |= {
            "cap (a year)": step.cap,
            "rounding": f"{rounding.name.lower().replace('_', '-')}, never above the cap",
        }
    explanation = Explanation(
        (
            Step(
                what=Text("Interest on shares, pro rata of days held"),
                inputs=inputs,
                result=from_minor_units(amount, currency),
                citation=step.citation,
                note=note,
            ),
        )
    )
    violations: tuple[Violation, ...] = ()
    if step.cap is not None and step.rate is not None and step.rate > step.cap:
        violations = (_rate_above_cap(step, step.cap),)  # the root: every share follows from it
    elif step.cap is not None and shares:
        violations = _above_cap(
            step, step.cap, table=table, shares=shares, actual_days=actual, currency=currency
        )
    counts_actual_days = step.cap is not None or (
        step.rate is not None
        and step.days_in_year is None
        and step.day_count is DayCount.ACTUAL_ACTUAL
    )
    if capital_days and counts_actual_days and not figures.year_days_given:
        violations += (_year_days_assumed(step),)
    if amount < due:
        violations += (_cut(step, due, amount, _REMAINS, currency),)
    return StepResult(
        step.code,
        step,
        from_minor_units(amount, currency),
        shares,
        explanation=explanation,
        violations=violations,
    )


def _capital_days_of(step: Interest, figures: YearFigures) -> Mapping[str, int]:
    """The capital-days table the interest step reads, checked."""
    table = figures.capital_days.get(step.capital)
    if table is None:
        raise InvalidInput(
            f"capital_days[{step.capital}]", None, "interest needs each member's capital-days"
        )
    values = table.values()
    if _INT_ONLY.issuperset(map(type, values)) and (not values or min(values) >= 0):
        return table  # checked in C: every value exactly an int, none negative
    for member, value in table.items():
        if type(value) is not int or value < 0:
            raise InvalidInput(
                f"capital_days[{step.capital}][{member}]", value, "a non-negative int"
            )
    return table


def _interest_shares(  # noqa: PLR0917 - the step's figures, each named
    step: Interest,
    table: Mapping[str, int],
    days: int,
    rounding: Rounding,
    remaining: int,
    currency: Currency,
    ceilings: Mapping[str, int] | None = None,
) -> tuple[Mapping[str, Money], int, int]:
    """Each member's interest, what was due and what was paid (at most what remains).

    ``ceilings``: each member's bound under the cap, rounded down; a rounded interest above its
    bound is brought down to it.
    """
    if not sum(table.values()):
        return {}, 0, 0  # nobody holds capital: interest has nobody to go to
    if step.rate is None:
        assert step.amount is not None  # noqa: S101 - checked on construction
        due = to_minor_units(step.amount)
        shares, amount = _split(
            min(due, remaining), table, currency, f"capital_days[{step.capital}]"
        )
        return shares, due, amount
    # Each member's interest is their own: capital-days x rate / days, rounded once each; kept
    # as a column beside the members' ids (no dict of a million members is built).
    members = tuple(table)
    dues = interest_column(table.values(), step.rate, days, rounding)
    if ceilings is not None:  # the same members in the same order (interest_caps of the table)
        dues = [min(v, c) for v, c in zip(dues, ceilings.values(), strict=True)]
    due = sum(dues)
    amount = min(due, remaining)
    if amount == due:
        return Allocation._of_columns(members, dues, currency), due, amount  # noqa: SLF001
    if not amount:
        return {}, due, 0
    within = split_within(amount, table, dict(zip(members, dues, strict=True)))
    return Allocation(within, currency), due, amount


def _year_days_assumed(step: Interest) -> Violation:
    """The figures do not say how long their year is: 365 days were assumed."""
    return Violation(
        code="surplus.year_days_assumed",
        severity=Severity.WARNING,
        subject=step.code,
        message=Text(
            "The financial year's days are not given (YearFigures.year or days_in_year): 365 "
            "assumed; in a leap year interest would be 366/365 of the rate and its cap.",
        ),
        citation=step.citation,
    )


def _rate_above_cap(step: Interest, cap: Rate) -> Violation:
    """The rate decided is above the cap: checked on the annual rate, before any rounding."""
    return Violation(
        code="surplus.interest_rate_above_cap",
        severity=Severity.ERROR,
        subject=step.code,
        message=Text(
            "The interest rate {rate} a year is above the cap of {cap} a year.",
            rate=step.rate,
            cap=cap,
        ),
        citation=step.citation,
    )


def _above_cap(
    step: Interest,
    cap: Rate,
    *,
    table: Mapping[str, int],
    shares: Mapping[str, Money],
    actual_days: int,
    currency: Currency,
) -> tuple[Violation, ...]:
    """Members whose interest exceeds their bound (capital-days x cap / actual days, down)."""
    ceilings = interest_caps(table, cap, actual_days)
    units = (
        shares.units
        if isinstance(shares, Allocation)
        else {m: to_minor_units(v) for m, v in shares.items()}
    )
    over = above_caps(units, ceilings)
    if not over:
        return ()
    first = over[0]
    paid, ceiling = (
        from_minor_units(units[first], currency),
        from_minor_units(ceilings[first], currency),
    )
    return (
        Violation(
            code="surplus.interest_above_cap",
            severity=Severity.ERROR,
            subject=step.code,
            message=Text(
                "Interest above the cap of {cap} a year for {over_count} member(s), e.g. {first}: "
                "{paid} for at most {ceiling}.",
                cap=cap,
                over_count=len(over),
                first=first,
                paid=paid,
                ceiling=ceiling,
            ),
            citation=step.citation,
        ),
    )


def _refund(step: Refund, figures: YearFigures, target: int) -> StepResult:
    currency = figures.currency
    table: Mapping[str, object] | None = figures.measures.get(step.measure)
    averaged: list[Step] = []
    if step.average_years is not None:
        table, years = measure_average(figures, step.measure, step.average_years)
        span = f"{years[0]}-{years[-1]}" if len(years) > 1 else str(years[0])
        averaged.append(
            Step(
                what=Text(
                    "Each member's {measure} averaged over {years_count} financial year(s), {span}",
                    measure=step.measure,
                    years_count=len(years),
                    span=span,
                ),
                inputs={"years": years},
                result={m: str(v) for m, v in sorted(table.items())},
                citation=step.average_citation,
            )
        )
    if step.eligible is not None and table is not None:
        unknown = sorted(m for m in table if m not in figures.categories)
        if unknown:
            raise UnknownMember(
                f"categories[{unknown[0]}]",
                unknown[0],
                "the refund is restricted to categories; give every measured member's",
            )
    weights = _weights_for(
        table, f"measures[{step.measure}]", eligible=step.eligible, categories=figures.categories
    )
    shares, amount = _split(target, weights, currency, f"measures[{step.measure}]")
    in_shares: Mapping[str, Money] = {}
    violations: tuple[Violation, ...] = ()
    if isinstance(step.in_shares, Money):
        if step.in_shares.currency != currency:
            raise CurrencyMismatch(
                f"step[{step.code}].in_shares",
                step.in_shares.currency.code,
                f"the surplus is in {currency.code}",
            )
        decided = to_minor_units(step.in_shares, field=f"step[{step.code}].in_shares")
        by_refund = {m: to_minor_units(v) for m, v in shares.items()}
        in_shares = _split(min(decided, amount), by_refund, currency, "in_shares")[0]
        if decided > amount:
            violations = (_in_shares_cut(step, step.in_shares, from_minor_units(amount, currency)),)
    elif step.in_shares.value and shares:
        in_shares = {m: step.in_shares.apply(v) for m, v in shares.items()}
    explanation = Explanation(
        (
            *averaged,
            Step(
                what=Text(
                    "Refunds in proportion to {measure}",
                    measure=step.measure,
                ),
                inputs={
                    "target": from_minor_units(target, currency),
                    "members": len(shares),
                    "paid in shares": step.in_shares,
                },
                result=from_minor_units(amount, currency),
                citation=step.citation,
            ),
        )
    )
    return StepResult(
        step.code,
        step,
        from_minor_units(amount, currency),
        shares,
        in_shares,
        explanation=explanation,
        violations=violations,
    )


def _in_shares_cut(step: Refund, decided: Money, refunds: Money) -> Violation:
    """The refunds in shares the meeting decided exceed the refunds: cut to the refunds."""
    return Violation(
        code="surplus.refunds_in_shares_cut",
        severity=Severity.WARNING,
        subject=step.code,
        message=Text(
            "{decided} of refunds in shares were decided; the refunds are {refunds}, all of it "
            "paid in shares.",
            decided=decided,
            refunds=refunds,
        ),
        citation=step.citation,
    )


def _worker_share(step: WorkerShare, figures: YearFigures, target: int) -> StepResult:
    currency = figures.currency
    eligible = {
        worker: figures.workers[worker]
        for worker in sorted(figures.workers)
        if figures.workers[worker].months_present >= step.min_months_present
        or figures.workers[worker].seniority_months >= step.min_seniority_months
    }
    total_pay = sum((Fraction(w.pay.amount) for w in eligible.values()), Fraction(0))
    total_time = sum((w.time for w in eligible.values()), Fraction(0))
    count = len(eligible)
    weights: dict[str, Fraction] = {}
    for worker, figures_ in eligible.items():
        weight = Fraction(0)
        if step.by_pay and total_pay:
            weight += step.by_pay * Fraction(figures_.pay.amount) / total_pay
        if step.by_time and total_time:
            weight += step.by_time * figures_.time / total_time
        if step.equal and count:
            weight += step.equal / count
        progress = min(Fraction(figures_.seniority_months, step.seniority_full_months), Fraction(1))
        weights[worker] = weight * (1 + (step.seniority_coefficient - 1) * progress)
    shares, amount = _split(target, weights, currency, "workers")
    explanation = Explanation(
        (
            Step(
                what=Text("Worker share to all qualifying employees"),
                inputs={
                    "target": from_minor_units(target, currency),
                    "eligible workers": count,
                    "split (pay, time, equal)": f"{step.by_pay}, {step.by_time}, {step.equal}",
                    "seniority coefficient": step.seniority_coefficient,
                },
                result=from_minor_units(amount, currency),
                citation=step.citation,
            ),
        )
    )
    return StepResult(
        step.code, step, from_minor_units(amount, currency), shares, explanation=explanation
    )


def measure_average(
    figures: YearFigures, measure: str, years: int
) -> tuple[dict[str, Fraction], tuple[int, ...]]:
    """Each member's average ``measure`` over the last ``years`` financial years, and the years.

    The years end with the figures' own (the year `YearFigures.year` starts in, else the
    latest of `YearFigures.measure_years`); the year's measures are its entry in
    ``measure_years``, else ``measures``. A member measured in an earlier year and not in this
    one (who left) receives no refund, and a member not measured in an earlier year counts zero
    for it (see [`average_measures()`][cooprules.surplus.average_measures]): give ``0`` for the year
    to keep a member who did not work in it.

    ```pycon
    >>> from moneyed import Money
    >>> figures = YearFigures(surplus=Money("0", "CAD"), measure_years={"hours": {
    ...     2024: {"ana": 1000, "bo": 800}, 2025: {"ana": 1200, "cy": 600}}})
    >>> measure_average(figures, "hours", 2)
    ({'ana': Fraction(1100, 1), 'cy': Fraction(300, 1)}, (2024, 2025))

    ```

    Raises:
        InvalidInput: ``years`` below 1, or a year of the span with no measure at all.
    """
    if isinstance(years, bool) or not isinstance(years, int) or years < 1:
        raise InvalidInput("average_years", years, "a number of years, at least 1")
    history = dict(figures.measure_years.get(measure, {}))
    if figures.year is not None:
        last = figures.year.start.year
    elif history:
        last = max(history)
    else:
        raise InvalidInput(f"measure_years[{measure}]", None, "no year of measures is given")
    current = figures.measures.get(measure)
    if last not in history and current is not None:
        history[last] = current
    span = tuple(range(last - years + 1, last + 1))
    for year in span:
        if year not in history:
            raise InvalidInput(
                f"measure_years[{measure}][{year}]",
                None,
                f"the refunds average {years} financial years ({span[0]}-{last}): "
                f"no {measure} is given for {year}",
            )
    averages = average_measures([history[y] for y in span], field=f"measure_years[{measure}]")
    members = history[last]
    return {m: v for m, v in averages.items() if m in members}, span


def average_measures(
    years: Sequence[Mapping[str, object]], *, field: str = "measures"
) -> dict[str, Fraction]:
    """Each member's average measure over several financial years, exactly.

    A member absent in a year counts zero for that year (the average is over all the years
    given). Quebec's work co-operatives may average the work done over up to four years
    (s.224.7): a regime's rules bound ``len(years)``.

    ```pycon
    >>> average_measures([{"ana": 1800, "bo": 1500}, {"ana": 1600}])
    {'ana': Fraction(1700, 1), 'bo': Fraction(750, 1)}

    ```
    """
    if not years:
        raise InvalidInput(field, years, "at least one year of measures is needed")
    totals: dict[str, Fraction] = {}
    for index, year in enumerate(years):
        for member, value in year.items():
            amount = to_fraction(value, field=f"{field}[{index}][{member}]")
            if amount < 0:
                raise InvalidInput(f"{field}[{index}][{member}]", value, "must not be negative")
            totals[member] = totals.get(member, Fraction(0)) + amount
    return {member: total / len(years) for member, total in totals.items()}
