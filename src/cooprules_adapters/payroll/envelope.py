"""The envelope computations: the French CAE's, and the Belgian activity co-op's (no salary)."""

from __future__ import annotations

from typing import Final

from dateutil.relativedelta import relativedelta
from moneyed import Money

from cooprules.explain import (
    Citation,
    Confidence,
    Explanation,
    Label,
    Severity,
    Step,
    Text,
    Violation,
)
from cooprules.money import money_from_fraction, to_fraction, total, zero
from cooprules.payroll import ContributionRates, EnvelopeRequest, PayrollRules, SalaryEnvelope
from cooprules_adapters.payroll.rates import employer_cost, gross_from_total_cost

__all__ = [
    "R7331_11",
    "R7331_12",
    "at_monthly",
    "available_step",
    "belgian_activity_envelope",
    "contributions_booked",
    "french_cae_envelope",
    "months_in",
    "no_salary_envelope",
    "unpaid_status_envelope",
]

_TRAVAIL: Final = "Code du travail"
_FBL: Final = (
    "https://french-business-law.com/french-legislation/legiscta000018522052-legiscta000034624765-"
    "book-iii-travellers-representatives-or-salespersons-managers-of-branches-salaried-"
    "entrepreneurs-associated-with-a-cooperative-of-activity-and-employment-a/page/2"
)
R7331_11: Final = Citation(
    _TRAVAIL,
    "art. R7331-11",
    "FR",
    Confidence.SRC,
    _FBL,
    "a fixed part paid monthly; a variable part computed per financial year",
)
R7331_12: Final = Citation(
    _TRAVAIL,
    "art. R7331-12",
    "FR",
    Confidence.SRC,
    _FBL,
    "the variable part is regularised at year-end; the balance is paid within one month after "
    "the general meeting that approves the accounts",
)


def _rule(request: EnvelopeRequest) -> Citation | None:
    """The citation of the regime's payroll rule (its `cooprules.payroll.PayrollRules`)."""
    rules = request.regime.rule_set(PayrollRules)
    return rules.citation if rules is not None else None


def months_in(start: object, end: object) -> int:
    """Whole or part calendar months from ``start`` to ``end`` inclusive (12 for a year).

    ```pycon
    >>> from datetime import date
    >>> months_in(date(2025, 1, 1), date(2025, 12, 31))
    12
    >>> months_in(date(2025, 3, 1), date(2025, 3, 31))
    1

    ```
    """
    delta = relativedelta(end, start)  # type: ignore[arg-type]
    months = delta.years * 12 + delta.months
    return max(1, months + (1 if delta.days >= 0 else 0))


def _monthly(amount: Money, months: int) -> Money:
    return money_from_fraction(to_fraction(amount.amount) / months, amount.currency)


def at_monthly(rate: ContributionRates, months: int) -> ContributionRates:
    """A rate function of a period's pay that reads the given rates at the monthly average."""
    return lambda gross: rate(_monthly(gross, months))


def contributions_booked(request: EnvelopeRequest, rate: ContributionRates) -> Money:
    """The employer contributions on the fixed pay: as booked month by month, else computed."""
    if request.employer_contributions_paid is not None:
        return request.employer_contributions_paid
    return employer_cost(request.fixed_pay_paid, rate)


def available_step(request: EnvelopeRequest) -> tuple[Money, Step]:
    """The amount available for the total employment cost, and the step that explains it.

    Revenue excluding VAT less the direct costs and the co-op's contribution, cited by the
    regime's payroll rule.
    """
    available = request.revenue - total(
        (request.direct_costs, request.contribution), request.revenue.currency, field="request"
    )
    step = Step(
        what=Text(
            "Available for the total employment cost: revenue excl. VAT less direct costs and "
            "the contribution",
        ),
        inputs={
            "revenue": request.revenue,
            "direct costs": request.direct_costs,
            "contribution": request.contribution,
        },
        result=available,
        citation=_rule(request),
    )
    return available, step


def french_cae_envelope(request: EnvelopeRequest) -> SalaryEnvelope:
    """The salary envelope of a French CAE entrepreneur-employee for one financial year.

    The rate functions are read at the **monthly average** gross pay of the period (the
    calibration tables and the reductions are monthly); employer contributions on the period's
    pay are rounded once.
    """
    months = months_in(request.period_start, request.period_end)
    available, available_explained = available_step(request)
    employer = at_monthly(request.employer_rate, months)
    employee = at_monthly(request.employee_rate, months)
    fixed_contributions = contributions_booked(request, employer)
    fixed_part = request.fixed_pay_paid + fixed_contributions
    variable_part = available - fixed_part
    steps = [
        available_explained,
        Step(
            what=Text("Employment cost of the fixed pay already paid (monthly fixed part)"),
            inputs={
                "fixed gross pay": request.fixed_pay_paid,
                "employer rate at the monthly average": employer(request.fixed_pay_paid),
                "employer contributions": fixed_contributions,
            },
            result=fixed_part,
            citation=R7331_11,
        ),
        Step(
            what=Text(
                "Year-end variable part (employment cost), paid within one month after the "
                "meeting that approves the accounts",
            ),
            inputs={"available": available, "fixed part": fixed_part},
            result=variable_part,
            citation=R7331_12,
        ),
    ]
    violations: list[Violation] = []
    if variable_part.amount > 0:
        fixed_gross = request.fixed_pay_paid
        gross_variable = gross_from_total_cost(
            variable_part, lambda gross: employer(fixed_gross + gross)
        )
        net_variable = gross_variable - employee(fixed_gross + gross_variable).apply(gross_variable)
        steps.append(
            Step(
                what=Text("Gross variable pay that this cost allows (rates are inputs, not law)"),
                inputs={"variable part": variable_part, "net estimate": net_variable},
                result=gross_variable,
                note=Text("rates read at the year's average monthly gross pay"),
            )
        )
    elif variable_part.amount < 0:
        violations.append(
            Violation(
                code="payroll.fixed_pay_above_envelope",
                severity=Severity.WARNING,
                subject=request.activity,
                message=Text(
                    "The fixed pay already paid costs more than the activity leaves: the "
                    "difference is to be regularised at year-end.",
                ),
                citation=R7331_12,
            )
        )
    return SalaryEnvelope(
        available=available,
        fixed_part=fixed_part,
        variable_part=variable_part,
        explanation=Explanation(steps),
        violations=violations,
    )


def belgian_activity_envelope(request: EnvelopeRequest) -> SalaryEnvelope:
    """A Belgian candidate entrepreneur draws no salary: they keep their benefits."""
    return no_salary_envelope(
        request,
        _rule(request),
        code="payroll.no_salary_during_convention",
        why=Text(
            "No salary during the accompaniment convention: the candidate entrepreneur keeps "
            "their unemployment benefit or integration income",
        ),
        message=Text("A candidate entrepreneur is not paid a salary by the activity co-op."),
    )


def unpaid_status_envelope(request: EnvelopeRequest, citation: Citation) -> SalaryEnvelope:
    """No salary in a status the regime's `PayrollRules` leave unpaid (a CAPE holder)."""
    status = Label("status", request.status.value) if request.status is not None else "?"
    return no_salary_envelope(
        request,
        citation,
        code="payroll.no_salary_in_status",
        why=Text(
            "No salary while {status}: the salary of an entrepreneur-employee starts with the "
            "contract that makes them one",
            status=status,
        ),
        message=Text(
            "No salary is paid while the status is {status}.",
            status=status,
        ),
    )


def no_salary_envelope(
    request: EnvelopeRequest, citation: Citation | None, *, code: str, why: Text, message: Text
) -> SalaryEnvelope:
    """An envelope with no salary: the activity's result stays blocked in the co-op.

    Args:
        request: the request.
        citation: the rule that forbids a salary.
        code: the (information) violation's code.
        why: the explanation's first step.
        message: the violation's message.
    """
    currency = request.revenue.currency
    nothing = zero(currency)
    blocked = request.revenue - total((request.direct_costs, request.contribution), currency)
    return SalaryEnvelope(
        available=nothing,
        fixed_part=nothing,
        variable_part=nothing,
        blocked=blocked,
        explanation=Explanation(
            (
                Step(
                    what=why,
                    inputs={"regime": request.regime.code, "revenue": request.revenue},
                    result=nothing,
                    citation=citation,
                ),
                Step(
                    what=Text("The activity's result stays blocked in the co-op"),
                    inputs={
                        "revenue": request.revenue,
                        "direct costs": request.direct_costs,
                        "contribution": request.contribution,
                    },
                    result=blocked,
                    citation=citation,
                ),
            )
        ),
        violations=(
            Violation(
                code=code,
                severity=Severity.INFO,
                subject=request.member,
                message=message,
                citation=citation,
            ),
        ),
    )


def quebec_work_envelope(request: EnvelopeRequest) -> SalaryEnvelope:
    """A Quebec work co-op member's year: the salaries paid, plus the refund from the surplus.

    The member is an employee (the salaries, with the employer's contributions from the rate
    function, are the fixed part) and receives a refund in proportion to the work done (s.224.7),
    computed by the surplus engine and given as ``request.refund`` (the variable part).
    """
    currency = request.revenue.currency
    employer = contributions_booked(request, request.employer_rate)
    fixed = request.fixed_pay_paid + employer
    refund = request.refund if request.refund is not None else zero(currency)
    steps = (
        Step(
            what=Text("Salaries paid, with the employer's contributions"),
            inputs={"gross pay": request.fixed_pay_paid, "employer contributions": employer},
            result=fixed,
        ),
        Step(
            what=Text("Refund from the surplus, by the work done"),
            inputs={"refund": refund},
            result=refund,
            citation=_rule(request),
        ),
    )
    return SalaryEnvelope(
        available=fixed + refund,
        fixed_part=fixed,
        variable_part=refund,
        explanation=Explanation(steps),
    )
