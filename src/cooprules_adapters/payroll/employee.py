"""An entrepreneur-employee's salary under an employment contract (a Belgian employment co-op).

In an employment co-op the entrepreneur is the co-op's employee: their activity pays a gross
salary, the employer's social contributions on it, and the employee's contributions are withheld
from the gross.
[`employee_salary_envelope()`][cooprules_adapters.payroll.employee.employee_salary_envelope]
computes, for a regime whose [`PayrollRules`][cooprules.payroll.PayrollRules] are of the kind
[`EMPLOYEE_SALARY`][cooprules.payroll.PayrollKind.EMPLOYEE_SALARY]:

* the envelope: revenue excluding VAT less the direct costs and the co-op's contribution;
* the employment cost of the gross paid: gross plus the employer's contributions;
* the employee's contributions and the net before income-tax withholding (the withholding itself
  is not computed: no source for it);
* what remains in the activity (negative: the salary costs more than the activity brings). No
  year-end variable pay is due by law (unlike a French CAE's): the envelope's ``variable_part`` is
  zero and the remainder stays in the activity's treasury.

**The rates.** The regime's payroll rules name the law's parameters for the two rates
(``employer_rate``, ``employee_rate``). The rates used are, in this order: those the co-op gives
with their source (``EnvelopeRequest.rates_source``: its social secretariat's rate sheet), else the
law file's figures when it holds verified ones. The Belgian law file holds none (no source found
gives an ONSS/RSZ rate; a recalled figure is never law here): without the co-op's rates and
source, no contribution is computed and no salary is booked, and a warning says why.

Worked example (the rates are the co-op's, illustrative, not law): a month with 6,000.00 of
revenue, 400.00 of direct costs and 600.00 of contribution leaves 5,000.00. A gross of 3,000.00
with the co-op's 25 % employer rate costs 3,000.00 + 750.00 = 3,750.00; the employee's 13.07 %
(392.10) leaves a net of 2,607.90 before income tax; 1,250.00 remains in the activity, no
variable pay.

```pycon
>>> from datetime import date
>>> from cooprules.money import money, Rate, format_amount
>>> from cooprules.payroll import EnvelopeRequest, rates_citation
>>> from cooprules_adapters.be.regimes import BE_EMPLOYMENT
>>> request = EnvelopeRequest(
...     regime=BE_EMPLOYMENT, activity="a1", member="ana",
...     period_start=date(2026, 3, 1), period_end=date(2026, 3, 31),
...     revenue=money("6000.00", "EUR"), direct_costs=money("400.00", "EUR"),
...     contribution=money("600.00", "EUR"), fixed_pay_paid=money("3000.00", "EUR"),
...     employer_rate=lambda gross: Rate.of("25%"), employee_rate=lambda gross: Rate.of("13.07%"),
...     rates_source=rates_citation("Social secretariat, rate sheet 2026"))
>>> envelope = employee_salary_envelope(request)
>>> [format_amount(a) for a in (envelope.available, envelope.fixed_part, envelope.variable_part)]
['5000.00 EUR', '3750.00 EUR', '0.00 EUR']
>>> envelope.explanation.steps[3].result == money("1250.00", "EUR")
True
>>> pay = employee_pay(money("3000.00", "EUR"), Rate.of("25%"), Rate.of("13.07%"))
>>> format_amount(pay.employee_contributions), format_amount(pay.net)
('392.10 EUR', '2607.90 EUR')
>>> unsourced = employee_salary_envelope(attrs.evolve(request, rates_source=None))
>>> unsourced.blocked is not None, unsourced.violations[0].code
(True, 'payroll.contribution_rates_unknown')

```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs
from moneyed import Money

from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import Rate, Rounding, zero
from cooprules.payroll import EnvelopeRequest, PayrollRules, SalaryEnvelope
from cooprules_adapters.payroll.envelope import (
    at_monthly,
    available_step,
    contributions_booked,
    months_in,
    no_salary_envelope,
)
from cooprules_adapters.payroll.rates import gross_from_total_cost

if TYPE_CHECKING:
    from cooprules.payroll import ContributionRates
    from cooprules.regime import Key

__all__ = ["EmployeePay", "PayRates", "employee_pay", "employee_salary_envelope", "pay_rates"]

_ROUNDING: Final = Rounding.HALF_UP


@attrs.frozen
class EmployeePay:
    """One gross pay split to the cent: what the employee, the social security and the activity see.

    ``gross == employee_contributions + net`` and ``total_cost == gross + employer_contributions``
    hold exactly (each contribution is rounded once, half up, to the cent).

    Attributes:
        gross: the gross pay.
        employer_contributions: the employer's contributions on it.
        employee_contributions: the employee's contributions withheld from it.
        net: the gross less the employee's contributions (before income-tax withholding).
        total_cost: what the activity pays: the gross and the employer's contributions.
    """

    gross: Money
    employer_contributions: Money
    employee_contributions: Money
    net: Money
    total_cost: Money


def employee_pay(gross: Money, employer_rate: Rate, employee_rate: Rate) -> EmployeePay:
    """Split ``gross`` at the given rates: employer's and employee's contributions, net, cost.

    Raises:
        InvalidInput: a float amount or a mixed currency (from the money functions).
    """
    employer = employer_rate.apply(gross, rounding=_ROUNDING)
    employee = employee_rate.apply(gross, rounding=_ROUNDING)
    return EmployeePay(gross, employer, employee, gross - employee, gross + employer)


@attrs.frozen
class PayRates:
    """The contribution rates an envelope uses, and where they come from.

    Attributes:
        employer: the employer's rate as a function of gross pay.
        employee: the employee's rate as a function of gross pay.
        citation: their source: the co-op's (its rate sheet) or the law's parameter.
    """

    employer: ContributionRates
    employee: ContributionRates
    citation: Citation | None


def _law_rate(request: EnvelopeRequest, key: Key[Rate] | None) -> tuple[Rate, Citation] | None:
    if key is None:
        return None
    parameter = request.regime.find(key, request.period_start)
    if parameter is None or parameter.value is None:
        return None
    return key.check(parameter.value), parameter.citation


def pay_rates(request: EnvelopeRequest) -> PayRates | Citation | None:
    """The rates for ``request``: the co-op's with their source, else the law's verified ones.

    Returns the rates, or, when neither is there, the citation of the law's parameter that holds
    no figure (what the warning cites); ``None`` as a citation when the regime names no parameter.
    A regime whose payroll rules name no rate parameter takes the request's rates as inputs.
    """
    rules = request.regime.rule_set(PayrollRules)
    keys = (rules.employer_rate, rules.employee_rate) if rules is not None else (None, None)
    if request.rates_source is not None or keys == (None, None):
        return PayRates(request.employer_rate, request.employee_rate, request.rates_source)
    found = [_law_rate(request, key) for key in keys]
    employer, employee = found
    if employer is not None and employee is not None:
        return PayRates(
            lambda _gross: employer[0], lambda _gross: employee[0], employer[1] or employee[1]
        )
    missing = next(key for key, rate in zip(keys, found, strict=True) if rate is None)
    parameter = request.regime.find(missing, request.period_start) if missing else None
    return parameter.citation if parameter is not None else None


def _unknown_rates(request: EnvelopeRequest, citation: Citation | None) -> SalaryEnvelope:
    envelope = no_salary_envelope(
        request,
        citation,
        code="payroll.contribution_rates_unknown",
        why=Text(
            "The social contributions cannot be computed: the law file holds no verified rate, "
            "and the co-op gave none with its source",
        ),
        message=Text(
            "No salary is booked: give the employer's and the employee's contribution rates "
            "your social secretariat applies, with their source (payroll rates_source).",
        ),
    )
    return attrs.evolve(
        envelope,
        violations=tuple(attrs.evolve(v, severity=Severity.WARNING) for v in envelope.violations),
    )


def employee_salary_envelope(request: EnvelopeRequest) -> SalaryEnvelope:
    """An entrepreneur-employee's envelope under an employment contract, at known rates only.

    The rate functions are read at the **monthly average** gross pay of the period; the employer's
    contributions on the period's pay are rounded once (or taken as booked month by month,
    ``employer_contributions_paid``).
    """
    rates = pay_rates(request)
    if not isinstance(rates, PayRates):
        return _unknown_rates(request, rates)
    rules = request.regime.rule_set(PayrollRules)
    rule = rules.citation if rules is not None else None
    currency = request.revenue.currency
    months = months_in(request.period_start, request.period_end)
    available, available_explained = available_step(request)
    employer = at_monthly(rates.employer, months)
    employee = at_monthly(rates.employee, months)
    gross = request.fixed_pay_paid
    employer_contributions = contributions_booked(request, employer)
    employee_contributions = employee(gross).apply(gross, rounding=_ROUNDING)
    fixed_part = gross + employer_contributions
    remaining = available - fixed_part
    steps = [
        available_explained,
        Step(
            what=Text("Employment cost of the gross pay: the gross and the employer contributions"),
            inputs={
                "gross pay": gross,
                "employer rate at the monthly average": employer(gross),
                "employer contributions": employer_contributions,
            },
            result=fixed_part,
            citation=rates.citation,
        ),
        Step(
            what=Text(
                "Net pay before income-tax withholding: the gross less the employee contributions",
            ),
            inputs={
                "gross pay": gross,
                "employee rate at the monthly average": employee(gross),
                "employee contributions": employee_contributions,
            },
            result=gross - employee_contributions,
            citation=rates.citation,
            note=Text("the income-tax withholding is not computed: no source for it"),
        ),
        Step(
            what=Text("What remains in the activity after the employment cost"),
            inputs={"available": available, "employment cost": fixed_part},
            result=remaining,
            citation=rule,
        ),
    ]
    violations: list[Violation] = []
    if remaining.amount > 0:
        more = gross_from_total_cost(remaining, lambda extra: employer(gross + extra))
        steps.append(
            Step(
                what=Text("Further gross pay the remainder would allow at the same rates"),
                inputs={"remainder": remaining},
                result=more,
                citation=rates.citation,
            )
        )
    elif remaining.amount < 0:
        violations.append(
            Violation(
                code="payroll.salary_above_envelope",
                severity=Severity.WARNING,
                subject=request.activity,
                message=Text(
                    "The salary costs {cost}, more than the {available} the activity leaves: the "
                    "activity's treasury pays the difference.",
                    cost=fixed_part,
                    available=available,
                ),
                citation=rule,
            )
        )
    return SalaryEnvelope(
        available=available,
        fixed_part=fixed_part,
        variable_part=zero(currency),
        explanation=Explanation(steps),
        violations=violations,
    )
