"""Levies on activities: the contribution each activity pays the co-op for its pooled services.

In a *coopérative d'activités* or a CAE each entrepreneur's activity keeps its own books and pays
the co-op a contribution: a share of its gross margin or of its turnover, sometimes in bands,
with a fixed fee, a monthly floor and a yearly cap. The statutes set it (in France "dans les
conditions prévues par les statuts", Code du travail L7331-2 c); this module computes it exactly.

The pieces:

* [`Activity`][cooprules.levies.Activity] and its [`Line`][cooprules.levies.Line] values (revenue
  excluding VAT and direct costs per period);
* a [`Schedule`][cooprules.levies.Schedule]: the base (revenue, gross margin, or a plug-in's), the
  bands (flat, marginal or whole-amount; counted per period or on the year to date), a fixed fee, a
  floor per period, a cap per year, loss carry-forward, rounding — with the statute article that
  sets it;
* a [`LevyPolicy`][cooprules.levies.LevyPolicy]: the co-op's schedules per activity kind,
  effective-dated, with per-activity overrides;
* [`levy_year()`][cooprules.levies.levy_year] computes the statements of one activity for one
  financial year, period by period; each [`LevyStatement`][cooprules.levies.LevyStatement] says what
  was levied and why.

Arithmetic is done on whole minor units (cents) with exact fractions; each period's levy is rounded
once, with the schedule's [`Rounding`][cooprules.money.Rounding]; the year's total is the sum of the
periods, to the cent.

```pycon
>>> from datetime import date
>>> from cooprules.money import money, Rate
>>> coopaname = Schedule.flat(
...     "13.5%", base=Base.GROSS_MARGIN, fixed_per_period=money("30.00", "EUR"), currency="EUR",
... )
>>> act = Activity("a1", owner="ana", kind=ActivityKind.SERVICES, start=date(2025, 1, 1),
...                currency="EUR")
>>> lines = [Line.month("a1", 2025, 1, revenue="3000.00", direct_costs="500.00", currency="EUR")]
>>> year = levy_year(act, lines, LevyPolicy.single(coopaname), 2025)
>>> format_amount(year.periods[0].levy)   # January: 13.5 % of 2,500.00 + 30.00
'367.50 EUR'
>>> format_amount(year.total)             # + 30.00 for each of the 11 other months
'697.50 EUR'

```
"""

from __future__ import annotations

import enum
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date
from fractions import Fraction
from itertools import pairwise
from typing import Final

import attrs
from moneyed import Currency, Money

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidInput, InvalidPeriod
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import (
    Amount,
    Rate,
    Rounding,
    currency_of,
    exponent,
    format_amount,
    from_minor_units,
    is_rounded,
    money,
    quantize,
    to_minor_units,
)
from cooprules.parameters import Levies
from cooprules.periods import Period, check_date, in_force, months_end
from cooprules.regime import Regime

__all__ = [
    "Activity",
    "ActivityKind",
    "Band",
    "BandApplied",
    "Banding",
    "Base",
    "BasePeriod",
    "LevyColumns",
    "LevyPolicy",
    "LevyStatement",
    "LevyYear",
    "Line",
    "RoundingPoint",
    "Schedule",
    "levy_columns",
    "levy_year",
    "levy_years",
    "month_periods",
    "validate_policy",
]


class ActivityKind(enum.Enum):
    """What an activity does; a co-op may levy each kind differently."""

    SERVICES = "services"
    TRADE = "trade"
    MIXED = "mixed"


class Base(enum.Enum):
    """What the levy is computed on."""

    REVENUE = "revenue"
    """Revenue excluding VAT (*chiffre d'affaires HT*)."""
    GROSS_MARGIN = "gross_margin"
    """Revenue excluding VAT less direct costs (*marge brute*)."""
    CUSTOM = "custom"
    """A base computed by a function the caller (or a plug-in) supplies for each line."""


class Banding(enum.Enum):
    """How a schedule's bands apply."""

    MARGINAL = "marginal"
    """Each band's rate on the slice of the base within it (like income tax): continuous."""
    WHOLE = "whole"
    """The rate of the band the base reaches, on the whole base: jumps at the band edges."""


class BasePeriod(enum.Enum):
    """Which base the bands are measured on."""

    PERIOD = "period"
    """Each period's own base (e.g. monthly margin bands)."""
    YEAR_TO_DATE = "year_to_date"
    """The base of the year so far: a period's levy is the growth of the year's levy."""


class RoundingPoint(enum.Enum):
    """Where amounts are rounded to the minor unit."""

    PERIOD = "period"
    """Once per period, on the period's levy (default)."""
    LINE = "line"
    """On each line's levy, then added up (flat schedules on a per-period base only)."""


def _check_line_amount(_instance: object, attribute: attrs.Attribute[Money], value: Money) -> None:
    if not isinstance(value, Money):
        raise InvalidInput(f"line.{attribute.name}", value, "expected a Money")
    to_minor_units(value, field=f"line.{attribute.name}")


@attrs.frozen
class Activity:
    """An entrepreneur's activity hosted by the co-op, with its own books.

    Attributes:
        id: the activity's identifier, unique in the co-op.
        owner: the entrepreneur (member id).
        kind: services, trade or mixed.
        start: the first day of the activity.
        currency: the currency of its books.
        end: the first day it no longer runs, if it stopped.
    """

    id: str
    owner: str
    kind: ActivityKind = attrs.field(validator=attrs.validators.instance_of(ActivityKind))
    start: date = attrs.field(validator=lambda _i, _a, v: check_date(v, field="activity.start"))
    currency: str
    end: date | None = None

    def __attrs_post_init__(self) -> None:
        currency_of(self.currency, field="activity.currency")
        if self.end is not None and self.end < self.start:
            raise InvalidPeriod(
                "activity.end", self.end, f"the activity ends before it starts ({self.start})"
            )

    def months_present(self, year_start: date, year_end: date) -> int:
        """Whole or part months of ``[year_start, year_end)`` in which the activity ran."""
        first = max(self.start, year_start)
        last = min(self.end or year_end, year_end)
        if last <= first:
            return 0
        return (last.year - first.year) * 12 + last.month - first.month + (last.day > 1)


@attrs.frozen
class Line:
    """An activity's figures for one period (usually a month).

    Attributes:
        activity: the activity's identifier.
        period: the period the figures belong to.
        revenue: revenue excluding VAT (invoiced or collected, as the statutes say).
        direct_costs: purchases, subcontracting and mission expenses of the period.
        label: an optional description (an invoice, a batch).
    """

    activity: str
    period: Period
    revenue: Money = attrs.field(validator=_check_line_amount)
    direct_costs: Money = attrs.field(validator=_check_line_amount)
    label: str = ""
    revenue_units: int = attrs.field(init=False, repr=False, eq=False)
    """The revenue in minor units (computed once)."""
    direct_costs_units: int = attrs.field(init=False, repr=False, eq=False)
    """The direct costs in minor units (computed once)."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "revenue_units", to_minor_units(self.revenue))
        object.__setattr__(self, "direct_costs_units", to_minor_units(self.direct_costs))
        if self.revenue.currency != self.direct_costs.currency:
            raise CurrencyMismatch(
                "line.direct_costs",
                self.direct_costs.currency.code,
                f"the revenue is in {self.revenue.currency.code}",
            )

    @classmethod
    def month(
        cls,
        activity: str,
        year: int,
        month: int,
        *,
        revenue: Amount | Money,
        direct_costs: Amount | Money = "0",
        currency: str,
        label: str = "",
    ) -> Line:
        """A line for one calendar month, amounts given as text, ``int`` or ``Decimal``."""
        if not 1 <= month <= 12:  # noqa: PLR2004 - months of the year
            raise InvalidPeriod("line.month", month, "a month is 1..12")
        first = date(year, month, 1)
        return cls(
            activity,
            Period(first, months_end(first, 1)),
            money(revenue, currency, field="line.revenue"),
            money(direct_costs, currency, field="line.direct_costs"),
            label,
        )

    @property
    def gross_margin(self) -> Money:
        """Revenue less direct costs (may be negative)."""
        return self.revenue - self.direct_costs


def _round_units(  # noqa: PLR0911 - one return per rounding mode reads best
    numerator: int, denominator: int, rounding: Rounding
) -> int:
    """``numerator / denominator`` rounded to an integer with ``rounding``, in integers.

    The same result as `round_fraction(Fraction(numerator, denominator), rounding)` (a property
    test checks it), without building a fraction: ``denominator`` is positive.
    """
    floor, rest = divmod(numerator, denominator)  # 0 <= rest < denominator
    if not rest:
        return floor
    match rounding:
        case Rounding.FLOOR:
            return floor
        case Rounding.CEILING:
            return floor + 1
        case Rounding.DOWN:
            return floor if numerator > 0 else floor + 1
        case Rounding.UP:
            return floor + 1 if numerator > 0 else floor
        case _:
            twice = 2 * rest
            if twice < denominator:
                return floor
            if twice > denominator:
                return floor + 1
            if rounding is Rounding.HALF_UP:
                return floor + 1 if numerator > 0 else floor
            if rounding is Rounding.HALF_DOWN:
                return floor if numerator > 0 else floor + 1
            return floor if floor % 2 == 0 else floor + 1


def _rate(value: object) -> Rate:
    return value if isinstance(value, Rate) else Rate.of(value, field="band.rate")


def _on_grid(value: Money) -> Money:
    """Show a band start with the currency's decimals (``0.00 EUR``) when that loses nothing."""
    return quantize(value) if isinstance(value, Money) and is_rounded(value) else value


@attrs.frozen
class Band:
    """A band of a schedule: from ``start`` (included) upward, at ``rate``.

    Attributes:
        start: where the band begins, as an amount of the base (0 for the first band).
        rate: the band's rate.
    """

    start: Money = attrs.field(converter=_on_grid)
    rate: Rate = attrs.field(converter=_rate)


def _bands(values: Iterable[Band]) -> tuple[Band, ...]:
    return tuple(values)


def _check_bands(
    _instance: Schedule, _attribute: attrs.Attribute[tuple[Band, ...]], bands: tuple[Band, ...]
) -> None:
    if not bands:
        raise InvalidInput("schedule.bands", bands, "a schedule needs at least one band")
    if bands[0].start.amount != 0:
        raise InvalidInput(
            "schedule.bands[0].start", format_amount(bands[0].start), "the first band starts at 0"
        )
    currency = bands[0].start.currency
    for index, (lower, upper) in enumerate(pairwise(bands), start=1):
        if upper.start.currency != currency:
            raise CurrencyMismatch(
                f"schedule.bands[{index}].start", upper.start.currency.code, f"expected {currency}"
            )
        if upper.start <= lower.start:
            raise InvalidInput(
                f"schedule.bands[{index}].start",
                format_amount(upper.start),
                "band starts must increase",
            )
    for index, band in enumerate(bands):
        to_minor_units(band.start, field=f"schedule.bands[{index}].start")


def _citations(values: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(values)


@attrs.frozen
class Schedule:
    """How a co-op levies an activity: statute data, checked against the regime's bounds.

    Attributes:
        bands: the bands, by increasing start; one band for a flat rate.
        base: revenue, gross margin, or a custom base.
        banding: marginal or whole-amount bands.
        base_period: bands measured on each period's base or on the year to date.
        fixed_per_period: a fixed fee added each period the activity runs (e.g. 30 EUR a month).
        minimum_per_period: a floor on each period's levy, fee included (e.g. 40 EUR a month).
        maximum_per_year: a cap on the year's total levy, fee included (e.g. 8,400 EUR).
        prorate_cap: scale the yearly cap by the months the activity ran in the year / 12.
        carry_forward_losses: a negative base is carried against later periods of the same year.
        give_back_credit_notes: a credit note (a line with negative revenue: an invoice cancelled
            or credited) gives back, in its own period, the levy of the base it cancels, within
            what the year levied (the statutes' choice, off by default; enDI does so). See
            [`levy_year()`][cooprules.levies.levy_year].
        rounding: how each period's levy is rounded.
        rounding_point: round per period (default) or per line.
        citation: the statute article (or contract clause) that sets the schedule.
        law: the legal provisions under which the statutes set it (France: Code du travail
            L7331-2 c and R7331-9), cited in every statement's explanation.
        valid_from: first day the schedule applies (by the period's start).
        valid_until: first day it no longer applies, if it was replaced.
        name: a short name for reports.
    """

    bands: tuple[Band, ...] = attrs.field(converter=_bands, validator=_check_bands)
    base: Base = Base.GROSS_MARGIN
    banding: Banding = Banding.MARGINAL
    base_period: BasePeriod = BasePeriod.PERIOD
    fixed_per_period: Money | None = None
    minimum_per_period: Money | None = None
    maximum_per_year: Money | None = None
    prorate_cap: bool = False
    carry_forward_losses: bool = False
    give_back_credit_notes: bool = False
    rounding: Rounding = Rounding.HALF_UP
    rounding_point: RoundingPoint = RoundingPoint.PERIOD
    citation: Citation | None = None
    law: tuple[Citation, ...] = attrs.field(default=(), converter=_citations)
    valid_from: date = date.min
    valid_until: date | None = None
    name: str = ""
    _starts: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _rates: tuple[Fraction, ...] = attrs.field(init=False, repr=False, eq=False)
    _denominator: int = attrs.field(init=False, repr=False, eq=False)
    _numerators: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _currency: Currency = attrs.field(init=False, repr=False, eq=False)
    _cumulative: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _fee: int = attrs.field(init=False, repr=False, eq=False)
    _floor: int | None = attrs.field(init=False, repr=False, eq=False)
    _cap: int | None = attrs.field(init=False, repr=False, eq=False)
    _constants: tuple[object, ...] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        # Integer arithmetic for the hot path: every rate over one common denominator.
        rates = tuple(b.rate.value for b in self.bands)
        denominator = math.lcm(*(r.denominator for r in rates))
        object.__setattr__(self, "_starts", tuple(to_minor_units(b.start) for b in self.bands))
        object.__setattr__(self, "_currency", self.bands[0].start.currency)
        object.__setattr__(self, "_rates", rates)
        object.__setattr__(self, "_denominator", denominator)
        object.__setattr__(
            self, "_numerators", tuple(r.numerator * (denominator // r.denominator) for r in rates)
        )
        starts, numerators = self._starts, self._numerators
        cumulative = [0]
        for position in range(1, len(starts)):
            width = starts[position] - starts[position - 1]
            cumulative.append(cumulative[-1] + width * numerators[position - 1])
        object.__setattr__(self, "_cumulative", tuple(cumulative))
        currency = self.currency
        for field in ("fixed_per_period", "minimum_per_period", "maximum_per_year"):
            value = getattr(self, field)
            if value is None:
                continue
            if not isinstance(value, Money) or value.currency != currency:
                raise CurrencyMismatch(
                    f"schedule.{field}", value, f"expected an amount in {currency.code}"
                )
            if to_minor_units(value, field=f"schedule.{field}") < 0:
                raise InvalidInput(
                    f"schedule.{field}", format_amount(value), "must not be negative"
                )
        # In minor units for the kernel, once each amount is checked (and named if refused).
        fee, floor, cap = self.fixed_per_period, self.minimum_per_period, self.maximum_per_year
        object.__setattr__(self, "_fee", 0 if fee is None else to_minor_units(fee))
        object.__setattr__(self, "_floor", None if floor is None else to_minor_units(floor))
        object.__setattr__(self, "_cap", None if cap is None else to_minor_units(cap))
        if self.valid_until is not None and self.valid_until <= self.valid_from:
            raise InvalidPeriod(
                "schedule.valid_until", self.valid_until, "must be after valid_from"
            )
        if self.rounding_point is RoundingPoint.LINE and (
            len(self.bands) > 1
            or self.base_period is BasePeriod.YEAR_TO_DATE
            or self.carry_forward_losses
        ):
            raise InvalidInput(
                "schedule.rounding_point",
                self.rounding_point.value,
                "rounding per line is only defined for a flat rate on each period's base, "
                "without loss carry-forward",
            )
        # What the integer kernel (`_levy_units`) reads, in one tuple: unpacked once per schedule.
        object.__setattr__(
            self,
            "_constants",
            (
                self.base_period is BasePeriod.YEAR_TO_DATE,
                self.carry_forward_losses,
                self.give_back_credit_notes,
                self.rounding_point is RoundingPoint.LINE,
                self._fee,
                self._floor,
                self._cap,
                self.prorate_cap,
                self.rounding,
                self.rounding is Rounding.HALF_UP,
                denominator,
                starts,
                numerators,
                self._cumulative,
                self.banding is Banding.WHOLE,
            ),
        )

    @classmethod
    def flat(cls, rate: object, *, currency: str, **options: object) -> Schedule:
        """A single rate on the base: ``Schedule.flat("12%", currency="EUR", ...)``."""
        return cls((Band(money("0", currency), _rate(rate)),), **options)  # type: ignore[arg-type]

    @classmethod
    def banded(
        cls,
        bands: Sequence[tuple[Amount | Money, object]],
        *,
        currency: str,
        **options: object,
    ) -> Schedule:
        """Bands from ``(start, rate)`` pairs: ``[("0", "13%"), ("1000", "12%"), ...]``."""
        built = tuple(Band(money(start, currency), _rate(rate)) for start, rate in bands)
        return cls(built, **options)  # type: ignore[arg-type]

    @property
    def currency(self) -> Currency:
        """The currency of the schedule's amounts."""
        return self.bands[0].start.currency

    @property
    def highest_rate(self) -> Rate:
        """The highest rate of any band."""
        return max(band.rate for band in self.bands)

    @property
    def base_words(self) -> Text:
        """What the levy is computed on, in words (``the gross margin``), in any language."""
        base = {
            Base.REVENUE: Text("the revenue excluding VAT"),
            Base.GROSS_MARGIN: Text("the gross margin"),
            Base.CUSTOM: Text("the base the statutes define"),
        }[self.base]
        if self.base_period is BasePeriod.YEAR_TO_DATE:
            return Text("{base}, counted on the year to date", base=base)
        return base

    @property
    def summary(self) -> Text:
        """The schedule in words, in the reader's language: its name, rates, floor, fee and cap.

        ```pycon
        >>> from cooprules.money import money
        >>> Schedule.flat("10%", currency="EUR", name="Statuts art. 12").summary.in_("en")
        'Statuts art. 12: 10% of the gross margin'

        ```
        """
        first, last = self.bands[0].rate, self.bands[-1].rate
        base = self.base_words
        if len(self.bands) == 1:
            words = Text("{rate} of {base}", rate=first, base=base)
        elif self.banding is Banding.WHOLE:
            words = Text(
                "{first} to {last} of {base}, the rate of the band reached on the whole base",
                first=first,
                last=last,
                base=base,
            )
        else:
            words = Text(
                "{first} to {last} of {base}, by marginal bands",
                first=first,
                last=last,
                base=base,
            )
        parts: list[Text] = []
        if self.fixed_per_period is not None:
            parts.append(Text("a fixed fee of {amount} a period", amount=self.fixed_per_period))
        if self.minimum_per_period is not None:
            parts.append(Text("at least {amount} a period", amount=self.minimum_per_period))
        if self.maximum_per_year is not None and self.prorate_cap:
            parts.append(
                Text(
                    "at most {amount} a year, prorated to the months of activity",
                    amount=self.maximum_per_year,
                )
            )
        elif self.maximum_per_year is not None:
            parts.append(Text("at most {amount} a year", amount=self.maximum_per_year))
        for part in parts:
            words = Text("{words}, {part}", words=words, part=part)
        if self.name:
            words = Text("{name}: {words}", name=self.name, words=words)
        return words

    def in_force(self, day: date) -> bool:
        """Whether the schedule applies to a period starting on ``day``."""
        return in_force(self, day)

    def variable(self, base_units: int) -> Fraction:
        """The exact levy, in minor units, of the bands on a base (no fee, floor or cap)."""
        return Fraction(self._scaled(base_units), self._denominator)

    def _scaled(self, base_units: int) -> int:
        """The levy of the bands on a base, times the common denominator of the rates."""
        if base_units <= 0:
            return 0
        if self.banding is Banding.WHOLE:
            return base_units * self._numerators[bisect_right(self._starts, base_units) - 1]
        # The band holding the top of the base, and the full bands below it, precomputed.
        band = bisect_left(self._starts, base_units) - 1
        return self._cumulative[band] + (base_units - self._starts[band]) * self._numerators[band]

    def _rounded(self, base_units: int) -> int:
        """The levy of the bands on a base, rounded to the minor unit with the schedule's mode."""
        scaled = self._scaled(base_units)
        if self.rounding is Rounding.HALF_UP:  # the common case, in integers
            return (2 * scaled + self._denominator) // (2 * self._denominator)
        return _round_units(scaled, self._denominator, self.rounding)

    def applied(self, low: int, high: int) -> tuple[BandApplied, ...]:
        """How each band applies to the base between ``low`` and ``high`` minor units.

        For marginal bands, the slice of ``[low, high)`` inside each band; for whole-amount
        bands, the band ``high`` reaches, on the whole of ``[low, high)``.
        """
        currency = self.currency
        scale = 10 ** exponent(currency)
        starts = self._starts
        if high <= low:
            return ()
        if self.banding is Banding.WHOLE:
            band = self.bands[bisect_right(starts, high) - 1]
            part = high - low
            return (
                BandApplied(band, from_minor_units(part, currency), part * band.rate.value / scale),
            )
        applied = []
        for position, band in enumerate(self.bands):
            upper = starts[position + 1] if position + 1 < len(starts) else None
            top = high if upper is None else min(high, upper)
            bottom = max(low, starts[position])
            if top > bottom:
                part = top - bottom
                applied.append(
                    BandApplied(
                        band, from_minor_units(part, currency), part * band.rate.value / scale
                    )
                )
        return tuple(applied)


@attrs.frozen
class LevyPolicy:
    """A co-op's levy rules: schedules per activity kind, dated, and per-activity overrides.

    Attributes:
        schedules: the schedules for each activity kind; several per kind when the co-op changed
            its schedule (each dated with ``valid_from``/``valid_until``).
        default: schedules for kinds not listed.
        overrides: schedules for particular activities (a contract's own rate), by activity id.
    """

    schedules: Mapping[ActivityKind, tuple[Schedule, ...]] = attrs.field(factory=dict)
    default: tuple[Schedule, ...] = ()
    overrides: Mapping[str, tuple[Schedule, ...]] = attrs.field(factory=dict)

    @classmethod
    def single(cls, schedule: Schedule) -> LevyPolicy:
        """One schedule for every activity."""
        return cls(default=(schedule,))

    def schedule_for(self, activity: Activity, day: date) -> Schedule:
        """The schedule that applies to ``activity`` for a period starting on ``day``.

        The activity's own overrides come first, then its kind's schedules, then the default:
        the first group with a schedule in force on ``day`` decides (so an override dated for
        part of the year falls back to the kind's schedule outside its dates).

        Raises:
            InvalidInput: if no schedule applies (a gap in the dates), or two of one group do.
        """
        return _pick(self._groups(activity), activity.id, day)

    def _groups(self, activity: Activity) -> tuple[tuple[Schedule, ...], ...]:
        return (
            self.overrides.get(activity.id, ()),
            self.schedules.get(activity.kind, ()),
            self.default,
        )


def _pick(groups: tuple[tuple[Schedule, ...], ...], activity_id: str, day: date) -> Schedule:
    for group in groups:
        found = [s for s in group if s.in_force(day)]
        if len(found) == 1:
            return found[0]
        if found:
            raise InvalidInput(
                f"policy[{activity_id}]",
                day.isoformat(),
                f"{len(found)} schedules of one group apply on this date; at most one may",
            )
    raise InvalidInput(
        f"policy[{activity_id}]",
        day.isoformat(),
        "no schedule applies to this activity on this date",
    )


@attrs.frozen
class BandApplied:
    """One band's share of a levy.

    Attributes:
        band: the band.
        slice: the part of the base taxed at this band's rate (the whole base for whole-amount
            bands).
        levy: the exact levy on that slice (before rounding), in the currency.
    """

    band: Band
    slice: Money
    levy: Fraction


@attrs.frozen
class LevyStatement:
    """One activity's levy for one period, and why.

    The amounts are kept in minor units and shown as ``Money`` when read.

    Attributes:
        activity: the activity's identifier.
        period: the period.
        schedule: the schedule applied.
        base: the period's base (revenue or gross margin; may be negative).
        carried_loss: the loss brought forward from earlier periods and set against this base.
        taxable: the base the bands were applied to (never negative).
        variable: the levy of the bands, rounded (for a year-to-date schedule: the growth of the
            year's levy of the bands over what was already levied, never negative).
        fixed: the fixed fee of the period.
        floor_added: what the floor added.
        cap_removed: what the yearly cap removed.
        credited: the base the period's credit notes cancelled against the year's levied base
            (only when the statutes give levies back).
        given_back: the levy given back for that base (never more than the year levied above
            each period's fee and floor).
        cap_kept: the part of ``given_back`` the yearly cap had already removed (never paid, so
            not paid back).
        levy: the levy of the period (``variable + fixed + floor_added - cap_removed -
            given_back + cap_kept``; negative only when the statutes give levies back).
        year_to_date: the total levied in the year up to and including this period.
    """

    activity: str
    period: Period
    schedule: Schedule = attrs.field(repr=False)
    units: tuple[int, ...] = attrs.field(repr=False)
    """base, carried, taxable, variable, fixed, floor, cap, levy, year to date, year-to-date base
    before, variable levied before, credited, given back, cap kept: the figures in minor units."""

    def _money(self, index: int) -> Money:
        return from_minor_units(self.units[index], self.schedule.currency)

    base = property(lambda self: self._money(0), doc="The period's base.")
    carried_loss = property(lambda self: self._money(1), doc="The loss set off this period.")
    taxable = property(lambda self: self._money(2), doc="The base the bands applied to.")
    variable = property(lambda self: self._money(3), doc="The levy of the bands, rounded.")
    fixed = property(lambda self: self._money(4), doc="The fixed fee of the period.")
    floor_added = property(lambda self: self._money(5), doc="What the floor added.")
    cap_removed = property(lambda self: self._money(6), doc="What the yearly cap removed.")
    levy = property(lambda self: self._money(7), doc="The levy of the period.")
    year_to_date = property(lambda self: self._money(8), doc="Levied in the year so far.")
    credited = property(lambda self: self._money(11), doc="The base credit notes cancelled.")
    given_back = property(lambda self: self._money(12), doc="The levy given back for it.")
    cap_kept = property(lambda self: self._money(13), doc="What the cap had removed of it.")

    @property
    def bands(self) -> tuple[BandApplied, ...]:
        """How each band applies to the period's taxable base (year to date: the year's so far).

        For a year-to-date schedule the period's variable levy is the year's levy of the bands
        less what earlier periods levied.
        """
        taxable, ytd_before, credited = self.units[2], self.units[9], self.units[11]
        if self.schedule.base_period is BasePeriod.YEAR_TO_DATE:
            return self.schedule.applied(0, ytd_before + taxable - credited)
        return self.schedule.applied(0, taxable)

    def _given_back_step(self) -> Step:
        """The step of a period whose credit notes give back a levy."""
        kept = self.cap_kept
        return Step(
            what=Text(
                "Given back for the credit notes of the period (the statutes give levies back)",
            ),
            inputs={
                "credited base": self.credited,
                "given back": self.given_back,
                "already removed by the yearly cap": kept,
            },
            result=kept - self.given_back,
            citation=self.schedule.citation,
            note=Text("within what the year levied above each period's fee and floor"),
        )

    @property
    def explanation(self) -> Explanation:
        """The steps from the base to the levy, with the schedule's citation."""
        schedule = self.schedule
        cite = schedule.citation
        steps = [
            Step(
                what=Text("The statutes set the contribution under this provision"),
                result=schedule.summary,
                citation=law,
            )
            for law in schedule.law
        ]
        steps += [
            Step(
                what=Text("Base of the levy"),
                inputs={"base": schedule.base_words, "period": self.period.start},
                result=self.base,
                citation=cite,
            )
        ]
        if self.carried_loss.amount:
            steps.append(
                Step(
                    what=Text("Loss carried forward set off"),
                    inputs={"carried loss": self.carried_loss},
                    result=self.taxable,
                    citation=cite,
                )
            )
        steps.extend(
            Step(
                what=Text(
                    "Band from {start} at {rate}",
                    start=applied.band.start,
                    rate=applied.band.rate,
                ),
                inputs={"slice": applied.slice, "rate": applied.band.rate},
                result=applied.levy,
                citation=cite,
            )
            for applied in self.bands
        )
        if schedule.base_period is BasePeriod.YEAR_TO_DATE:
            steps.append(
                Step(
                    what=Text("Less the levy of the bands in earlier periods (never negative)"),
                    inputs={
                        "year-to-date base": from_minor_units(
                            self.units[9] + self.units[2] - self.units[11], schedule.currency
                        ),
                        "levied before": from_minor_units(self.units[10], schedule.currency),
                        "rounding": schedule.rounding.name,
                    },
                    result=self.variable,
                    citation=cite,
                )
            )
        else:
            steps.append(
                Step(
                    what=Text("Levy of the bands, rounded"),
                    inputs={"rounding": schedule.rounding.name},
                    result=self.variable,
                    citation=cite,
                )
            )
        for amount, what in (
            (self.fixed, Text("Fixed fee of the period")),
            (self.floor_added, Text("Raised to the floor of the period")),
            (self.cap_removed, Text("Reduced by the yearly cap")),
        ):
            if amount.amount:
                steps.append(Step(what=what, inputs={}, result=amount, citation=cite))
        if self.credited.amount:
            steps.append(self._given_back_step())
        steps.append(
            Step(
                what=Text("Levy of the period"),
                inputs={"year to date": self.year_to_date},
                result=self.levy,
                citation=cite,
            )
        )
        return Explanation(tuple(steps))


def _exp(currency: Currency) -> int:
    return exponent(currency)


@attrs.frozen
class LevyYear:
    """One activity's levies for one financial year.

    Attributes:
        activity: the activity.
        year_start: the first day of the financial year.
        periods: the statement of each period, in order.
        total: the year's levy: the sum of the periods, to the cent.
        violations: problems found (a schedule outside the regime's bounds, lines outside the year).
    """

    activity: Activity
    year_start: date
    periods: tuple[LevyStatement, ...]
    total_units: int = attrs.field(repr=False)
    """The year's levy in minor units."""
    currency: Currency = attrs.field(repr=False)
    """The currency of the activity's books."""
    violations: tuple[Violation, ...] = ()

    @property
    def total(self) -> Money:
        """The year's levy: the sum of the periods, to the cent."""
        return from_minor_units(self.total_units, self.currency)


_LAST_YEAR: Final = date.max.year - 1
"""The last year a financial year can start in: its twelve months are all dates."""


def month_periods(year: int, *, first_month: int = 1) -> tuple[Period, ...]:
    """The twelve monthly periods of a financial year starting on the first of ``first_month``.

    Raises:
        InvalidPeriod: a month outside 1..12, or a year whose months are not all dates (before
            year 1 or after 9998: a year starting in 9999 would end in 10000).
    """
    if not 1 <= first_month <= 12:  # noqa: PLR2004 - months of the year
        raise InvalidPeriod("first_month", first_month, "a month is 1..12")
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= _LAST_YEAR:
        raise InvalidPeriod("year", year, f"a financial year is 1..{_LAST_YEAR}")
    firsts = []
    for offset in range(13):
        index = year * 12 + first_month - 1 + offset
        firsts.append(date(index // 12, index % 12 + 1, 1))
    return tuple(Period(a, b) for a, b in pairwise(firsts))


def levy_year(
    activity: Activity,
    lines: Iterable[Line],
    policy: LevyPolicy,
    year: int,
    *,
    first_month: int = 1,
    custom_base: Callable[[Line], Money] | None = None,
) -> LevyYear:
    """Compute an activity's levy for each month of a financial year.

    A credit note is a line with negative revenue. By default it lowers its period's base, and a
    base below zero levies nothing (or is carried forward with ``carry_forward_losses``). When
    the schedule's statutes give levies back (``give_back_credit_notes``), the part of a negative
    base that credit notes make is set against the base the year already levied (the
    year-to-date base, or the bases levied period by period) and the levy of the bands on it is
    given back in the credit note's period, so the statement's levy may be negative. Three
    bounds keep every base levied once: only what the year levied is given back (what a credit
    note cannot set against a levied base is a loss: carried forward if the statutes carry
    losses, else it lowers nothing); a period's fee and floor stay due (only what the bands
    levied above them is given back); what the yearly cap removed is not given back. With a
    year-to-date schedule the year's levy of the bands falls to the bands on the year's base
    less the credit. Nothing beyond what the year levied is given back (an earlier year's levy
    is closed with its accounts).

    Args:
        activity: the activity.
        lines: its lines (other activities' lines are refused; order does not matter).
        policy: the co-op's levy policy.
        year: the calendar year in which the financial year starts.
        first_month: the month the financial year starts.
        custom_base: the base of a line when the schedule's base is ``Base.CUSTOM``.

    Raises:
        InvalidInput: a line of another activity, or no schedule for a period.
        CurrencyMismatch: a line in another currency than the activity's or the schedule's.
        InvalidPeriod: a line whose period is not one of the year's months.
    """
    periods = month_periods(year, first_month=first_month)
    return _levy_year(
        activity,
        lines,
        policy,
        periods,
        custom_base,
        picks=[None] * len(periods),
        index_of=_index_of(periods),
    )


def levy_years(
    items: Iterable[tuple[Activity, Iterable[Line]]],
    policy: LevyPolicy,
    year: int,
    *,
    first_month: int = 1,
    custom_base: Callable[[Line], Money] | None = None,
) -> Iterator[LevyYear]:
    """Stream `levy_year()` over many activities, sharing the year's periods.

    Args:
        items: ``(activity, its lines)`` pairs; activity ids must be unique.
        policy: the co-op's levy policy.
        year: the calendar year in which the financial year starts.
        first_month: the month the financial year starts.
        custom_base: the base of a line when a schedule's base is ``Base.CUSTOM``.

    Raises:
        DuplicateId: an activity appears twice (raised when it is reached).
    """
    periods = month_periods(year, first_month=first_month)
    index_of = _index_of(periods)
    seen: set[str] = set()
    # The schedules of each period depend only on the activity's override group and kind: pick
    # them once per (override, kind) within this call.
    picked: dict[tuple[str | None, ActivityKind], list[Schedule | None]] = {}
    for activity, lines in items:
        if activity.id in seen:
            raise DuplicateId("activities", activity.id, "an activity appears twice")
        seen.add(activity.id)
        key = (activity.id if activity.id in policy.overrides else None, activity.kind)
        picks = picked.get(key)
        if picks is None:
            picks = picked[key] = [None] * len(periods)
        yield _levy_year(
            activity, lines, policy, periods, custom_base, picks=picks, index_of=index_of
        )


@attrs.frozen
class LevyColumns:
    """The levies of many activities' years as integer columns (minor units of the schedule).

    Made by [`levy_columns()`][cooprules.levies.levy_columns]; nothing else is built until asked:
    [`statements()`][cooprules.levies.LevyColumns.statements] computes one activity's statements
    again (with their explanations), [`total()`][cooprules.levies.LevyColumns.total] one total as
    money.

    Attributes:
        levies: each activity's levy of each period (0 for a period with no statement).
        totals: each activity's levy of the year.
        schedule: the schedule applied.
        periods: the periods of the year.
        bases: the bases given (each activity's base of each period, ``None``: no line).
        spans: the periods each activity runs in, as given (``None``: all).
        credit_bases: the credit notes' part of each base, as given.
        months_present: the months each activity counts for a prorated cap, as given.
    """

    levies: list[list[int]]
    totals: list[int]
    schedule: Schedule = attrs.field(repr=False)
    periods: tuple[Period, ...] = attrs.field(repr=False)
    bases: Sequence[Sequence[int | None]] = attrs.field(repr=False)
    spans: Sequence[tuple[int, int]] | None = attrs.field(repr=False)
    credit_bases: Sequence[Sequence[int]] | None = attrs.field(repr=False)
    months_present: Sequence[int] | None = attrs.field(default=None, repr=False)

    def total(self, index: int) -> Money:
        """The year's levy of the activity at ``index``, as money."""
        return from_minor_units(self.totals[index], self.schedule.currency)

    def statements(self, index: int, activity: str | None = None) -> tuple[LevyStatement, ...]:
        """The statements of the activity at ``index`` (named ``activity``, else its index).

        The same figures as [`levy_year()`][cooprules.levies.levy_year] gives for lines of these
        bases, computed again for this activity alone; their ``explanation`` says why.
        """
        count = len(self.periods)
        figures: list[tuple[int, ...] | None] = []
        _levy_units(
            (self.schedule,) * count,
            (self.bases[index],),
            None if self.spans is None else (self.spans[index],),
            None if self.credit_bases is None else (self.credit_bases[index],),
            None,
            figures,
            None if self.months_present is None else (self.months_present[index],),
        )
        name = str(index) if activity is None else activity
        return tuple(
            LevyStatement(name, period, self.schedule, units)
            for period, units in zip(self.periods, figures, strict=True)
            if units is not None
        )


def _length(value: object, field: str) -> int:
    """The length of a column, or a typed refusal naming it."""
    try:
        return len(value)  # type: ignore[arg-type]
    except TypeError:
        raise InvalidInput(field, value, "expected a list (a sequence)") from None


def _check_spans(spans: Sequence[tuple[int, int]], activities: int, count: int) -> None:
    if _length(spans, "spans") != activities:
        raise InvalidInput("spans", len(spans), f"expected one span per activity ({activities})")
    for number, span in enumerate(spans):
        if (
            not isinstance(span, tuple)
            or len(span) != 2  # noqa: PLR2004 - first, stop
            or any(type(value) is not int for value in span)
            or not 0 <= span[0] <= span[1] <= count
        ):
            raise InvalidInput(
                f"spans[{number}]",
                span,
                f"expected (first, stop) with 0 <= first <= stop <= {count}",
            )


def _check_months(months: Sequence[int], activities: int, count: int) -> None:
    if _length(months, "months_present") != activities:
        raise InvalidInput(
            "months_present", len(months), f"expected one count per activity ({activities})"
        )
    for number, value in enumerate(months):
        if type(value) is not int or not 0 <= value <= count:
            raise InvalidInput(f"months_present[{number}]", value, f"expected an int 0..{count}")


def levy_columns(
    bases: Sequence[Sequence[int | None]],
    schedule: Schedule,
    year: int,
    *,
    first_month: int = 1,
    spans: Sequence[tuple[int, int]] | None = None,
    credit_bases: Sequence[Sequence[int]] | None = None,
    months_present: Sequence[int] | None = None,
) -> LevyColumns:
    """The levies of many activities' years under one schedule, from integer columns.

    The same rule as [`levy_year()`][cooprules.levies.levy_year] (which is computed by the same
    code): for lines whose bases add up to these, each period's levy and each year's total are
    the same to the cent. Nothing but integers is built; `Money`, statements and explanations
    come from the result when asked.

    The bases come as **one list per activity** (twelve entries, one per month of the financial
    year), not as one flat column with offsets: the loop over each activity's list is the
    fastest form in pure Python (the benchmark's reasoning measured a flat column with a month
    counter 10 % slower), and a flat column (an Arrow list array's values) is cut into such
    lists with ``[flat[o : o + 12] for o in range(0, len(flat), 12)]``.

    ```pycon
    >>> schedule = Schedule.flat("10%", currency="EUR", minimum_per_period=money("40", "EUR"))
    >>> result = levy_columns([[300_000, None, -5_000] + [0] * 9], schedule, 2025)
    >>> result.levies[0][:3], result.totals[0]
    ([30000, 4000, 4000], 74000)
    >>> format_amount(result.total(0))
    '740.00 EUR'

    ```

    Args:
        bases: each activity's base of each month in minor units of the schedule's currency (the
            revenue, the gross margin or a custom base, as the schedule says; negative for a
            loss), ``None`` for a month without any line.
        schedule: the schedule, in force for the whole year.
        year: the calendar year in which the financial year starts.
        first_month: the month the financial year starts.
        spans: the months each activity runs in, ``(first, stop)`` as indices into the year
            (``(0, 12)``: all year, the default; ``(3, 3)``: not at all). A month it does not
            run in owes no fee and no floor; without a line it has no statement (levy 0). The
            yearly cap is prorated to ``stop - first`` months when the schedule says so.
        credit_bases: for a schedule that gives levies back for credit notes, each month's part
            of the base that credit notes make (zero or negative: the sum of the negative
            revenues of its lines); read only for the months whose base is negative.
        months_present: the months each activity counts for a prorated cap, when not those of
            its span (`Activity.months_present()`: 0 for an activity that ends the day it
            starts, which runs in that day's month).

    Raises:
        InvalidInput: a base that is not an ``int`` or ``None`` (named by its position), a list
            without twelve bases, a span out of the year, a schedule rounding per line (each
            line's base is needed: use `levy_years()`), a schedule giving levies back without
            ``credit_bases``, or a credit base that is positive.
        InvalidPeriod: a year or a first month out of range.
    """
    if not isinstance(schedule, Schedule):
        raise InvalidInput("schedule", schedule, "expected a Schedule")
    if schedule.rounding_point is RoundingPoint.LINE:
        raise InvalidInput(
            "schedule.rounding_point",
            schedule.rounding_point.value,
            "rounding per line needs each line's base: use levy_years()",
        )
    periods = month_periods(year, first_month=first_month)
    count = len(periods)
    activities = _length(bases, "bases")
    if spans is not None:
        _check_spans(spans, activities, count)
    if credit_bases is not None and _length(credit_bases, "credit_bases") != activities:
        raise InvalidInput(
            "credit_bases", len(credit_bases), f"expected one list per activity ({activities})"
        )
    if months_present is not None:
        _check_months(months_present, len(bases), count)
    levies, totals = _levy_units(
        (schedule,) * count, bases, spans, credit_bases, None, None, months_present
    )
    return LevyColumns(
        levies, totals, schedule, periods, bases, spans, credit_bases, months_present
    )


def _levy_year(  # noqa: C901 - the lines brought to columns, period by period
    activity: Activity,
    lines: Iterable[Line],
    policy: LevyPolicy,
    periods: tuple[Period, ...],
    custom_base: Callable[[Line], Money] | None,
    *,
    picks: list[Schedule | None],
    index_of: Mapping[date, int],
) -> LevyYear:
    """One activity's year; ``picks`` caches the schedule of each period (filled as needed).

    The lines are brought to the integer columns of
    [`levy_columns()`][cooprules.levies.levy_columns] (each period's base, and where the schedule
    needs them the credit notes' part of it and the levy rounded line by line), and the same
    kernel computes the levies, with the figures of each period's statement.
    """
    currency = currency_of(activity.currency)
    grouped = _group_lines(activity, lines, periods, currency, index_of)
    groups = policy._groups(activity)  # noqa: SLF001 - same module
    count = len(periods)
    schedules: list[Schedule | None] = [None] * count
    bases: list[int | None] = [None] * count
    credit_bases = [0] * count
    per_line = [0] * count
    start, end = activity.start, activity.end
    first = stop = 0
    for index, (period, period_lines) in enumerate(zip(periods, grouped, strict=True)):
        running = start < period.end and (end is None or end > period.start)
        if running:
            if first == stop:
                first = index
            stop = index + 1
        if not running and not period_lines:
            continue
        schedule = picks[index]
        if schedule is None:
            schedule = picks[index] = _pick(groups, activity.id, period.start)
        if schedule._currency is not currency and schedule._currency != currency:  # noqa: SLF001
            raise CurrencyMismatch(
                "schedule", schedule.currency.code, f"the activity's books are in {currency.code}"
            )
        schedules[index] = schedule
        base = 0
        if schedule.base is Base.GROSS_MARGIN:
            for line in period_lines:
                base += line.revenue_units - line.direct_costs_units
        else:
            for line in period_lines:
                base += _line_base(line, schedule.base, custom_base)
        bases[index] = base
        if base < 0 and schedule.give_back_credit_notes:
            credit_bases[index] = _credit_base(period_lines, schedule.base, custom_base)
        if schedule.rounding_point is RoundingPoint.LINE:
            per_line[index] = _per_line(schedule, period_lines, custom_base)
    figures: list[tuple[int, ...] | None] = []
    spans = ((first, stop),)
    # The months the cap is prorated to: those of the span, except for an activity that ends
    # the day it starts (it runs in that month, for no month of presence).
    months = (activity.months_present(periods[0].start, periods[-1].end),)
    _, totals = _levy_units(
        schedules, (bases,), spans, (credit_bases,), (per_line,), figures, months
    )
    statements = tuple(
        LevyStatement(activity.id, period, schedule, units)
        for period, schedule, units in zip(periods, schedules, figures, strict=True)
        if schedule is not None and units is not None
    )
    return LevyYear(activity, periods[0].start, statements, totals[0], currency)


def _index_of(periods: tuple[Period, ...]) -> dict[date, int]:
    return {p.start: i for i, p in enumerate(periods)}


def _group_lines(
    activity: Activity,
    lines: Iterable[Line],
    periods: tuple[Period, ...],
    currency: Currency,
    index_of: Mapping[date, int],
) -> list[list[Line]]:
    grouped: list[list[Line]] = [[] for _ in periods]
    activity_id = activity.id
    for position, line in enumerate(lines):
        if line.activity != activity_id:
            raise InvalidInput(
                f"lines[{position}].activity", line.activity, f"expected activity {activity_id!r}"
            )
        line_currency = line.revenue.currency
        if line_currency is not currency and line_currency != currency:
            raise CurrencyMismatch(
                f"lines[{position}].revenue",
                line_currency.code,
                f"the activity's books are in {currency.code}",
            )
        period = line.period
        slot = index_of.get(period.start)
        if slot is None or periods[slot].end != period.end:
            raise InvalidPeriod(
                f"lines[{position}].period",
                f"{period.start}..{period.end}",
                f"not a month of the financial year starting {periods[0].start}",
            )
        grouped[slot].append(line)
    return grouped


def _per_line(schedule: Schedule, lines: list[Line], custom: Callable[[Line], Money] | None) -> int:
    """A flat rate applied line by line, each rounded, then added up (never negative)."""
    rate = schedule.bands[0].rate.value
    numerator, denominator, rounding = rate.numerator, rate.denominator, schedule.rounding
    per_line = (
        _round_units(_line_base(line, schedule.base, custom) * numerator, denominator, rounding)
        for line in lines
    )
    return max(0, sum(per_line))


def _levy_units(  # noqa: C901, PLR0912, PLR0915, PLR0917 - the hot loop
    schedules: Sequence[Schedule | None],
    bases: Iterable[Sequence[int | None]],
    spans: Sequence[tuple[int, int]] | None,
    credit_bases: Sequence[Sequence[int]] | None,
    per_line: Sequence[Sequence[int]] | None,
    figures: list[tuple[int, ...] | None] | None,
    months_present: Sequence[int] | None = None,
) -> tuple[list[list[int]], list[int]]:
    """The levies of many activities' years, in minor units: the one rule of this module.

    ``schedules`` holds the schedule of each period (the same for every activity); ``bases``
    each activity's base of each period (``None``: no line in that period); ``spans`` the periods
    each activity runs in (``first, stop``; all when ``None``); ``credit_bases`` the part of each
    negative base that credit notes make (read only when the schedule gives levies back);
    ``per_line`` the levy rounded line by line (read only for a schedule rounding per line);
    ``months_present`` the months a prorated cap counts (those of the span when ``None``).
    A period without lines in which the activity does not run has no statement: its levy is 0
    and nothing carries. Returns each activity's levy of each period and its year's total; with
    ``figures``, appends each period's figures (`LevyStatement.units`, ``None`` for a period
    without statement). Everything is integer arithmetic: the bands' rates over one common
    denominator, each rounding one floor division.
    """
    all_levies: list[list[int]] = []
    totals: list[int] = []
    count = len(schedules)
    whole_year = (0, count)
    current: Schedule | None = None
    bisect_l, bisect_r = bisect_left, bisect_right
    # The schedule's constants, unpacked when the schedule changes (set before first use).
    ytd = carry = give_back = line_point = prorate = half_up = whole = False
    fee = denominator = twice_denominator = 0
    floor: int | None = None
    cap_given: int | None = None
    rounding = Rounding.HALF_UP
    starts: tuple[int, ...] = ()
    numerators: tuple[int, ...] = ()
    cumulative: tuple[int, ...] = ()
    rounded: Callable[[int], int] = int
    for number, column in enumerate(bases):
        if _length(column, f"bases[{number}]") != count:
            raise InvalidInput(
                f"bases[{number}]", len(column), f"expected the base of each of {count} periods"
            )
        first, stop = whole_year if spans is None else spans[number]
        months = stop - first if months_present is None else months_present[number]
        credit_column = None if credit_bases is None else credit_bases[number]
        line_column = None if per_line is None else per_line[number]
        levied = ytd_base = carried = variable_levied = levied_base = refundable = capped_off = 0
        levies: list[int] = []
        append = levies.append
        for index, given in enumerate(column):
            running = first <= index < stop
            base = given
            if type(base) is not int:
                if base is not None:
                    raise InvalidInput(
                        f"bases[{number}][{index}]", base, "expected an int (minor units) or None"
                    )
                if not running:
                    append(0)
                    if figures is not None:
                        figures.append(None)
                    continue
                base = 0
            schedule = schedules[index]
            if schedule is not current:
                if schedule is None:
                    raise InvalidInput(f"schedules[{index}]", None, "no schedule for this period")
                current = schedule
                (
                    ytd,
                    carry,
                    give_back,
                    line_point,
                    fee,
                    floor,
                    cap_given,
                    prorate,
                    rounding,
                    half_up,
                    denominator,
                    starts,
                    numerators,
                    cumulative,
                    whole,
                ) = schedule._constants  # type: ignore[assignment]  # noqa: SLF001
                twice_denominator = 2 * denominator
                rounded = schedule._rounded  # noqa: SLF001 - same module
            taxable = base if base > 0 else 0  # noqa: FURB136 - hot path: no builtin call
            ytd_before = ytd_base
            levied_before = variable_levied
            # A credit note gives back the levy of the base it cancels, within the base the year
            # levied (the year-to-date base, or the bases levied period by period); what it
            # cannot set against a levied base is a loss like any other.
            credited = 0
            if base < 0 and give_back:
                if credit_column is None:
                    raise InvalidInput(
                        "credit_bases", None, "the schedule gives levies back: pass credit_bases"
                    )
                credit = credit_column[index]
                if type(credit) is not int or credit > 0:
                    raise InvalidInput(
                        f"credit_bases[{number}][{index}]",
                        credit,
                        "expected an int of minor units, zero or negative",
                    )
                asked = -max(base, credit)
                credited = min(asked, ytd_before if ytd else levied_base)
            used = 0
            if carry:
                if base < 0:
                    carried -= base + credited
                else:
                    used = min(carried, base)
                    carried -= used
                    taxable = base - used
            bands_back = 0
            if line_point:
                variable = 0 if line_column is None else line_column[index]
                if credited:
                    bands_back = min(rounded(credited), levied_before)
            else:
                # The bands on the base (the year's so far for a year-to-date schedule), times
                # the rates' common denominator, then rounded once.
                top = ytd_before + taxable if ytd else taxable
                if top <= 0:
                    scaled = 0
                elif whole:
                    scaled = top * numerators[bisect_r(starts, top) - 1]
                else:
                    band = bisect_l(starts, top) - 1
                    scaled = cumulative[band] + (top - starts[band]) * numerators[band]
                if half_up:
                    variable = (2 * scaled + denominator) // twice_denominator
                else:
                    variable = _round_units(scaled, denominator, rounding)
                if ytd:
                    # The year's levy of the bands so far, less what earlier periods levied:
                    # never negative, and never the same base twice.
                    variable -= levied_before
                    if variable < 0:  # noqa: PLR1730 - hot path: no builtin call
                        variable = 0
                    if credited:
                        # The year's levy of the bands falls to the bands on the year's base
                        # less the credit.
                        after = rounded(ytd_before - credited)
                        bands_back = levied_before - min(levied_before, after)
                elif credited:
                    bands_back = min(rounded(credited), levied_before)
            amount = variable + fee if running else variable
            fixed = amount - variable
            floor_added = 0
            if floor is not None and running and amount < floor:
                floor_added = floor - amount
                amount = floor
            given_back = 0
            if give_back:
                # Only what the bands levied above each period's fee and floor is given back: a
                # period whose invoice is cancelled still owes its own minimum.
                given_back = min(bands_back, refundable)
                least = max(fixed, floor or 0) if running else 0
                refundable += amount - least - given_back
                amount -= given_back
            cap_removed = cap_kept = 0
            if amount < 0:
                # What the yearly cap removed was never paid: it is not given back.
                cap_kept = min(capped_off, -amount)
                capped_off -= cap_kept
                amount += cap_kept
            elif cap_given is not None:
                cap = _round_units(cap_given * months, 12, rounding) if prorate else cap_given
                room = cap - levied
                if amount > room:
                    room = room if room > 0 else 0  # noqa: FURB136 - hot path
                    cap_removed = amount - room
                    amount = room
                    capped_off += cap_removed
            levied += amount
            variable_levied = levied_before + variable - bands_back
            ytd_base = ytd_before + taxable - credited
            levied_base += taxable - credited
            append(amount)
            if figures is not None:
                figures.append(
                    (
                        base,
                        used,
                        taxable,
                        variable,
                        fixed,
                        floor_added,
                        cap_removed,
                        amount,
                        levied,
                        ytd_before,
                        levied_before,
                        credited,
                        given_back,
                        cap_kept,
                    )
                )
        all_levies.append(levies)
        totals.append(levied)
    return all_levies, totals


def _credit_base(lines: list[Line], base: Base, custom: Callable[[Line], Money] | None) -> int:
    """The part of a period's base that credit notes make (zero or negative).

    A credit note is a line with negative revenue; its part of the base is its revenue (its
    direct costs, if any, are costs like others), or its custom base if that is negative.
    """
    total = 0
    for line in lines:
        if line.revenue_units < 0:
            part = _line_base(line, base, custom) if base is Base.CUSTOM else line.revenue_units
            total += min(part, 0)
    return total


def _line_base(line: Line, base: Base, custom: Callable[[Line], Money] | None) -> int:
    if base is Base.GROSS_MARGIN:
        return line.revenue_units - line.direct_costs_units
    if base is Base.REVENUE:
        return line.revenue_units
    if custom is None:
        raise InvalidInput("custom_base", None, "the schedule's base is CUSTOM: pass custom_base")
    value = custom(line)
    if not isinstance(value, Money) or value.currency != line.revenue.currency:
        raise CurrencyMismatch(
            "custom_base", value, f"expected an amount in {line.revenue.currency.code}"
        )
    return to_minor_units(value, field="custom_base")


def validate_policy(policy: LevyPolicy, regime: Regime, as_of: date) -> tuple[Violation, ...]:
    """Check every schedule of a policy in force on ``as_of`` against the regime's bounds.

    Findings: ``levies.rate_above_maximum`` (a band's rate above the regime's ``levies.max_rate``,
    citing the regime's article), ``levies.floor_above_cap`` (twelve monthly floors exceed the
    yearly cap: the cap can never be respected). The laws covered so far set no maximum rate (the
    statutes choose it: France, Code du travail L7331-2 c); a regime or a federation's plug-in may.
    """
    parameter = regime.find(Levies.max_rate, as_of)
    maximum = parameter.value if parameter is not None else None
    schedules = [
        schedule
        for group in (*policy.schedules.values(), policy.default, *policy.overrides.values())
        for schedule in group
        if schedule.in_force(as_of)
    ]
    violations: list[Violation] = []
    for schedule in dict.fromkeys(schedules):
        subject = schedule.name or "schedule"
        if isinstance(maximum, Rate) and schedule.highest_rate > maximum:
            violations.append(
                Violation(
                    code="levies.rate_above_maximum",
                    severity=Severity.ERROR,
                    subject=subject,
                    message=Text(
                        "A band's rate {highest_rate} is above the maximum {maximum}.",
                        highest_rate=schedule.highest_rate,
                        maximum=maximum,
                    ),
                    citation=parameter.citation if parameter is not None else None,
                )
            )
        floor, cap = schedule.minimum_per_period, schedule.maximum_per_year
        if floor is not None and cap is not None and floor * 12 > cap:
            violations.append(
                Violation(
                    code="levies.floor_above_cap",
                    severity=Severity.WARNING,
                    subject=subject,
                    message=Text(
                        "Twelve monthly floors ({floors}) exceed the yearly cap ({cap}).",
                        floors=floor * 12,
                        cap=cap,
                    ),
                    citation=schedule.citation,
                )
            )
    return tuple(violations)
