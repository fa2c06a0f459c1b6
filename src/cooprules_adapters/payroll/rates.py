"""Contribution rates as functions of pay, and the exact gross-from-total-cost solver.

Rates are never law here: a co-op passes its payroll provider's rates.
[`CalibratedRates`][cooprules_adapters.payroll.rates.CalibratedRates] interpolates a table of
calibration points; [`OPTEOS_2024`][cooprules_adapters.payroll.rates.OPTEOS_2024] is such a table
built from the three calibration points of Opteos's documentation (30 September 2024). It is an
**example, not law**: real rates depend on the general reduction, the mutuelle, the year.

```pycon
>>> from cooprules.money import money, format_amount
>>> str(OPTEOS_2024.employer(money("2055.00", "EUR")))
'16%'
>>> gross = gross_from_total_cost(money("2420.00", "EUR"), OPTEOS_2024.employer)
>>> format_amount(gross), format_amount(employer_cost(gross, OPTEOS_2024.employer))
('2075.86 EUR', '344.14 EUR')

```
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Final

import attrs
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, RuleKind
from cooprules.money import Rate, Rounding, from_minor_units, money, to_fraction, to_minor_units
from cooprules.payroll import ContributionRates

__all__ = [
    "OPTEOS_2024",
    "OPTEOS_CITATION",
    "CalibratedRates",
    "CalibrationPoint",
    "employer_cost",
    "gross_from_total_cost",
]


def employer_cost(
    gross: Money, rate: ContributionRates, *, rounding: Rounding = Rounding.HALF_UP
) -> Money:
    """The employer contributions on ``gross``: ``rate(gross)`` applied once, rounded."""
    return rate(gross).apply(gross, rounding=rounding)


def gross_from_total_cost(
    total_cost: Money, rate: ContributionRates, *, rounding: Rounding = Rounding.HALF_UP
) -> Money:
    """The largest gross pay whose total employment cost fits in ``total_cost``, exactly.

    The total cost of a gross ``g`` is ``g + rate(g) x g`` (the contributions rounded once with
    ``rounding``). The search runs over whole minor units (a binary search, so the cost must not
    decrease when the gross grows, which holds for rates that do not fall faster than pay
    grows); the answer is checked: its cost fits, and one more cent does not.

    Raises:
        InvalidInput: a negative total cost, or a rate function whose cost decreases with pay.
    """
    budget = to_minor_units(total_cost, field="total_cost")
    if budget < 0:
        raise InvalidInput("total_cost", total_cost, "must not be negative")
    currency = total_cost.currency

    def cost(units: int) -> int:
        gross = from_minor_units(units, currency)
        return units + to_minor_units(employer_cost(gross, rate, rounding=rounding))

    low, high = 0, budget  # cost(0) == 0 <= budget; cost(budget) >= budget
    while low < high:
        middle = (low + high + 1) // 2
        if cost(middle) <= budget:
            low = middle
        else:
            high = middle - 1
    if cost(low) > budget or (low < budget and cost(low + 1) <= budget):
        raise InvalidInput("rate", total_cost, "the total cost must not decrease when pay grows")
    return from_minor_units(low, currency)


OPTEOS_CITATION: Final = Citation(
    "Opteos, documentation « Calcul salaire » (30/09/2024)",
    "calibration table (net, gross, employer rate, total cost)",
    "FR",
    Confidence.SRC,
    "https://documentation.opteos.fr/wiki/Calcul_salaire",
    "EXAMPLE, NOT LAW: practice figures of one payroll provider at one date",
)
OPTEOS_KIND: Final = RuleKind.PRACTICE


@attrs.frozen
class CalibrationPoint:
    """Rates observed at one monthly gross pay.

    Attributes:
        gross: the monthly gross pay.
        employer: the employer contribution rate at that pay.
        employee: the employee contribution rate at that pay.
    """

    gross: Money
    employer: Rate
    employee: Rate


def _points(values: Iterable[CalibrationPoint]) -> tuple[CalibrationPoint, ...]:
    points = tuple(sorted(values, key=lambda p: p.gross.amount))
    if not points:
        raise InvalidInput("points", (), "at least one calibration point is needed")
    grosses = [p.gross.amount for p in points]
    if len(set(grosses)) != len(grosses):
        raise InvalidInput("points", grosses, "two points at the same gross pay")
    return points


@attrs.frozen
class CalibratedRates:
    """Contribution rates interpolated linearly (exactly) between calibration points.

    Below the first point the first point's rates apply, above the last the last's. The
    functions [`employer()`][cooprules_adapters.payroll.rates.CalibratedRates.employer] and
    [`employee()`][cooprules_adapters.payroll.rates.CalibratedRates.employee] are
    ``ContributionRates`` to pass in an [`EnvelopeRequest`][cooprules.payroll.EnvelopeRequest]; they
    take a **monthly** gross pay.

    Attributes:
        points: the calibration points, sorted by gross pay.
        citation: where they come from.
        kind: always practice, never law.
    """

    points: tuple[CalibrationPoint, ...] = attrs.field(converter=_points)
    citation: Citation | None = None
    kind: RuleKind = RuleKind.PRACTICE

    def _interpolate(self, gross: Money, pick: str) -> Rate:
        value = to_fraction(gross.amount)
        first, last = self.points[0], self.points[-1]
        if value <= to_fraction(first.gross.amount):
            return Rate(getattr(first, pick).value)
        if value >= to_fraction(last.gross.amount):
            return Rate(getattr(last, pick).value)
        for left, right in zip(self.points, self.points[1:], strict=False):
            x0, x1 = to_fraction(left.gross.amount), to_fraction(right.gross.amount)
            if x0 <= value <= x1:
                y0: Fraction = getattr(left, pick).value
                y1: Fraction = getattr(right, pick).value
                return Rate(y0 + (y1 - y0) * (value - x0) / (x1 - x0))
        raise AssertionError  # pragma: no cover - the bounds above cover every value

    def employer(self, gross: Money) -> Rate:
        """The employer rate at a monthly gross pay."""
        return self._interpolate(gross, "employer")

    def employee(self, gross: Money) -> Rate:
        """The employee rate at a monthly gross pay."""
        return self._interpolate(gross, "employee")


def _point(gross: str, employer: str) -> CalibrationPoint:
    return CalibrationPoint(money(gross, "EUR"), Rate.of(employer), Rate.of("21%"))


OPTEOS_2024: Final = CalibratedRates(
    (_point("1765.00", "5%"), _point("2055.00", "16%"), _point("2560.00", "30%")),
    citation=OPTEOS_CITATION,
)
"""EXAMPLE, NOT LAW: the three calibration points of Opteos's documentation (30 September 2024),
employee contributions about 21 % of gross, mutuelle excluded. Use your payroll provider's rates."""
