"""The payroll contract: what a payroll plug-in receives and returns.

In a French CAE the entrepreneur-employee's pay comes out of their activity: revenue excluding VAT,
less direct costs and the co-op's contribution, leaves an envelope for the total employment cost
(gross pay plus employer contributions), paid as a fixed monthly part and a year-end variable part
(Code du travail L7332-3). A payroll plug-in computes that split through the
``cooprules_salary_envelope`` hook; social-contribution rates are inputs, never law in the core.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date

import attrs
from moneyed import Money

from cooprules.explain import Citation, Explanation, Violation
from cooprules.membership import Status
from cooprules.money import Rate
from cooprules.regime import Key, Regime

__all__ = [
    "ContributionRates",
    "EnvelopeRequest",
    "PayrollKind",
    "PayrollRules",
    "SalaryEnvelope",
    "rates_citation",
]


class PayrollKind(enum.Enum):
    """How a regime's entrepreneurs are paid from their activity."""

    ACTIVITY_SALARY = "activity_salary"
    """A salary out of the activity: a fixed monthly part and a year-end variable part (a CAE's
    entrepreneur-employee)."""
    NO_SALARY = "no_salary"
    """No salary from the co-op: the entrepreneur keeps their benefits and the activity's result
    stays blocked (a Belgian candidate entrepreneur)."""
    SALARY_AND_REFUND = "salary_and_refund"
    """Salaries plus a refund of the surplus by the work done (a Quebec work co-op)."""
    EMPLOYEE_SALARY = "employee_salary"
    """A salary under an ordinary employment contract, paid out of the activity, its social
    contributions at the rates the law file holds or, where it holds none, the rates the co-op
    gives with their source (a Belgian employment co-op's entrepreneur-employee)."""


def _pairs(values: Iterable[tuple[Status, Citation]]) -> tuple[tuple[Status, Citation], ...]:
    return tuple(values)


@attrs.frozen
class PayrollRules:
    """A regime's rule set for payroll: how its entrepreneurs are paid, and the rule that says so.

    The payroll plug-ins read it from the request's regime (``request.regime.rule_set``), so a
    third party's regime is paid exactly as ours: no plug-in tests a regime's code.

    Attributes:
        kind: how the entrepreneurs are paid.
        citation: the rule.
        unpaid: the statuses in which the regime pays no salary whatever its kind, each with the
            rule that says so (a French CAE's candidate under a CAPE is not yet an
            entrepreneur-employee: the salary of L7332-3 is the CESA holder's).
        employer_rate: the law's parameter for the employer's social contributions, where the
            regime declares one (an [`EMPLOYEE_SALARY`][cooprules.payroll.PayrollKind] regime);
            while the law file holds no verified figure for it, the co-op's rate with its source
            ([`EnvelopeRequest.rates_source`][cooprules.payroll.EnvelopeRequest]) is needed.
        employee_rate: the law's parameter for the employee's social contributions, likewise.
    """

    kind: PayrollKind = attrs.field(validator=attrs.validators.instance_of(PayrollKind))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    unpaid: tuple[tuple[Status, Citation], ...] = attrs.field(default=(), converter=_pairs)
    employer_rate: Key[Rate] | None = None
    employee_rate: Key[Rate] | None = None

    def unpaid_in(self, status: Status | None) -> Citation | None:
        """The rule under which no salary is paid in ``status``, or ``None`` if one may be."""
        return next((rule for unpaid, rule in self.unpaid if unpaid is status), None)


def rates_citation(source: str) -> Citation:
    """The citation of contribution rates the co-op gives, from where it says they come from.

    ```pycon
    >>> rates_citation("Social secretariat rate sheet 2025").short()
    'Social secretariat rate sheet 2025, contribution rates given by the co-op'

    ```
    """
    return Citation(source, "contribution rates given by the co-op", "coop")


ContributionRates = Callable[[Money], Rate]
"""Maps a gross pay to a contribution rate (rates vary with pay because of low-wage reductions)."""


@attrs.frozen
class EnvelopeRequest:
    """What a payroll plug-in is given.

    Attributes:
        regime: the co-op's regime (its [`PayrollRules`][cooprules.payroll.PayrollRules] say how it
            pays).
        activity: the activity's identifier.
        member: the entrepreneur's identifier.
        period_start: first day of the accounting period.
        period_end: last day of the accounting period.
        revenue: revenue excluding VAT over the period.
        direct_costs: purchases, subcontracting and mission expenses over the period.
        contribution: the co-op's contribution (levy) over the period.
        fixed_pay_paid: the fixed gross pay already paid over the period.
        employer_rate: employer contribution rate as a function of gross pay.
        employee_rate: employee contribution rate as a function of gross pay.
        refund: the worker's refund (ristourne) from the year's surplus, where the co-op pays its
            workers that way (a Quebec work co-op, by the work done: s.224.7).
        status: the entrepreneur's membership status over the period, where known (the
            regime's `PayrollRules.unpaid` statuses draw no salary).
        employer_contributions_paid: the employer contributions already booked on
            ``fixed_pay_paid`` month by month; when given, the envelope takes them as they are
            instead of computing them again at the period's average pay.
        rates_source: where ``employer_rate`` and ``employee_rate`` come from (the co-op's
            social secretariat, its statutes' article), when the co-op gives them; a regime whose
            law file holds no verified contribution rate computes contributions only with it.
    """

    regime: Regime = attrs.field(validator=attrs.validators.instance_of(Regime))
    activity: str
    member: str
    period_start: date
    period_end: date
    revenue: Money
    direct_costs: Money
    contribution: Money
    fixed_pay_paid: Money
    employer_rate: ContributionRates
    employee_rate: ContributionRates
    refund: Money | None = None
    status: Status | None = None
    employer_contributions_paid: Money | None = None
    rates_source: Citation | None = None


def _violations(values: Iterable[Violation]) -> tuple[Violation, ...]:
    return tuple(values)


@attrs.frozen
class SalaryEnvelope:
    """What a payroll plug-in returns.

    Attributes:
        available: the amount available for the total employment cost.
        fixed_part: the employment cost of the fixed pay already paid.
        variable_part: what remains for the year-end variable pay (may be negative: a debt).
        explanation: how it was computed, with citations.
        violations: problems found (e.g. pay above what the activity can bear).
        blocked: where no salary is paid (a Belgian candidate entrepreneur), the activity's
            result the co-op keeps until the candidate leaves.
    """

    available: Money
    fixed_part: Money
    variable_part: Money
    explanation: Explanation = attrs.field(factory=Explanation)
    violations: tuple[Violation, ...] = attrs.field(factory=tuple, converter=_violations)
    blocked: Money | None = None
