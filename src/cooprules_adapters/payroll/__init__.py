"""The payroll adapter: a CAE entrepreneur-employee's salary envelope from their activity.

Registered under the ``cooprules`` entry-point group as ``payroll``. It computes the envelope of
the kind the request's regime declares in its
[`cooprules.payroll.PayrollRules`][cooprules.payroll.PayrollRules]. For a French CAE
([`ACTIVITY_SALARY`][cooprules.payroll.PayrollKind.ACTIVITY_SALARY]) it computes, from the
activity's year (Code du travail L7332-3):

* the amount available for the total employment cost: revenue excluding VAT, less the direct
  costs and the co-op's contribution;
* the employment cost of the fixed pay already paid (R7331-11 1°: paid monthly);
* the year-end variable part: what remains (R7331-11 2°), paid within one month after the
  general meeting that approves the accounts (R7331-12); negative, it is a debt to regularise.

Contribution rates are **inputs** (a function of pay, since low-wage reductions make them vary
from about 5 % to over 30 % of gross): nothing here is a social-security rate as law.
[`OPTEOS_2024`][cooprules_adapters.payroll.rates.OPTEOS_2024] is an *example* table built from the
calibration points of Opteos's documentation.

For a Belgian activity co-op ([`NO_SALARY`][cooprules.payroll.PayrollKind.NO_SALARY]) the answer is
that there is no salary: the candidate entrepreneur keeps their benefits during the convention.
For a Belgian employment co-op
([`EMPLOYEE_SALARY`][cooprules.payroll.PayrollKind.EMPLOYEE_SALARY]) the entrepreneur is an
employee: gross pay, the employer's and the employee's social contributions at the rates the co-op
gives with their source (the law file holds no verified rate), net and what remains in the
activity ([`cooprules_adapters.payroll.employee`][cooprules_adapters.payroll.employee]).

```pycon
>>> from datetime import date
>>> from cooprules.money import money, Rate, format_amount
>>> from cooprules.payroll import EnvelopeRequest
>>> from cooprules_adapters.fr.regimes import FR_CAE_SCOP
>>> request = EnvelopeRequest(
...     regime=FR_CAE_SCOP, activity="a1", member="ana",
...     period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
...     revenue=money("40000.00", "EUR"), direct_costs=money("4000.00", "EUR"),
...     contribution=money("4000.00", "EUR"), fixed_pay_paid=money("19200.00", "EUR"),
...     employer_rate=lambda gross: Rate.of("25%"), employee_rate=lambda gross: Rate.of("21%"))
>>> envelope = cooprules_salary_envelope(request)
>>> [format_amount(a) for a in (envelope.available, envelope.fixed_part, envelope.variable_part)]
['32000.00 EUR', '24000.00 EUR', '8000.00 EUR']

```
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Final

from cooprules import hookimpl
from cooprules.payroll import EnvelopeRequest, PayrollKind, PayrollRules, SalaryEnvelope
from cooprules_adapters.payroll.employee import (
    EmployeePay,
    PayRates,
    employee_pay,
    employee_salary_envelope,
)
from cooprules_adapters.payroll.envelope import (
    belgian_activity_envelope,
    french_cae_envelope,
    no_salary_envelope,
    quebec_work_envelope,
    unpaid_status_envelope,
)
from cooprules_adapters.payroll.rates import (
    OPTEOS_2024,
    CalibratedRates,
    CalibrationPoint,
    employer_cost,
    gross_from_total_cost,
)

__all__ = [
    "ENVELOPES",
    "OPTEOS_2024",
    "CalibratedRates",
    "CalibrationPoint",
    "EmployeePay",
    "PayRates",
    "belgian_activity_envelope",
    "cooprules_salary_envelope",
    "employee_pay",
    "employee_salary_envelope",
    "employer_cost",
    "french_cae_envelope",
    "gross_from_total_cost",
    "no_salary_envelope",
    "quebec_work_envelope",
    "unpaid_status_envelope",
]

ENVELOPES: Final[Mapping[PayrollKind, Callable[[EnvelopeRequest], SalaryEnvelope]]] = {
    PayrollKind.ACTIVITY_SALARY: french_cae_envelope,
    PayrollKind.NO_SALARY: belgian_activity_envelope,
    PayrollKind.SALARY_AND_REFUND: quebec_work_envelope,
    PayrollKind.EMPLOYEE_SALARY: employee_salary_envelope,
}
"""The envelope computed for each kind of payroll a regime declares."""


@hookimpl
def cooprules_salary_envelope(request: EnvelopeRequest) -> SalaryEnvelope | None:
    """The envelope of the kind the request's regime declares (its `PayrollRules`).

    No salary in a status the rules leave unpaid (`PayrollRules.unpaid`, a French CAE's
    CAPE); ``None`` for a regime without payroll rules.
    """
    rules = request.regime.rule_set(PayrollRules)
    if rules is None:
        return None
    unpaid = rules.unpaid_in(request.status)
    if unpaid is not None:
        return unpaid_status_envelope(request, unpaid)
    return ENVELOPES[rules.kind](request)
