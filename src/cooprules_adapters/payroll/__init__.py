"""The payroll adapter: a CAE entrepreneur-employee's salary envelope from their activity.

Registered under the ``cooprules`` entry-point group as ``payroll``. For a French CAE
(``fr-cae-*`` regimes) it computes, from the activity's year (Code du travail L7332-3):

* the amount available for the total employment cost: revenue excluding VAT, less the direct
  costs and the co-op's contribution;
* the employment cost of the fixed pay already paid (R7331-11 1°: paid monthly);
* the year-end variable part: what remains (R7331-11 2°), paid within one month after the
  general meeting that approves the accounts (R7331-12); negative, it is a debt to regularise.

Contribution rates are **inputs** (a function of pay, since low-wage reductions make them vary
from about 5 % to over 30 % of gross): nothing here is a social-security rate as law.
:data:`OPTEOS_2024` is an *example* table built from the reference's calibration points.

For a Belgian activity co-op (``be-activity``) the answer is that there is no salary: the
candidate entrepreneur keeps their benefits during the convention.

>>> from datetime import date
>>> from cooprules.money import money, Rate, format_amount
>>> from cooprules.payroll import EnvelopeRequest
>>> request = EnvelopeRequest(
...     regime="fr-cae-scop", activity="a1", member="ana",
...     period_start=date(2025, 1, 1), period_end=date(2025, 12, 31),
...     revenue=money("40000.00", "EUR"), direct_costs=money("4000.00", "EUR"),
...     contribution=money("4000.00", "EUR"), fixed_pay_paid=money("19200.00", "EUR"),
...     employer_rate=lambda gross: Rate.of("25%"), employee_rate=lambda gross: Rate.of("21%"))
>>> envelope = cooprules_salary_envelope(request)
>>> [format_amount(a) for a in (envelope.available, envelope.fixed_part, envelope.variable_part)]
['32000.00 EUR', '24000.00 EUR', '8000.00 EUR']
"""

from __future__ import annotations

from cooprules import hookimpl
from cooprules.payroll import EnvelopeRequest, SalaryEnvelope
from cooprules_adapters.payroll.envelope import (
    NO_SALARY_REGIMES,
    belgian_activity_envelope,
    french_cae_envelope,
    quebec_work_envelope,
)
from cooprules_adapters.payroll.rates import (
    OPTEOS_2024,
    CalibratedRates,
    CalibrationPoint,
    employer_cost,
    gross_from_total_cost,
)

__all__ = [
    "NO_SALARY_REGIMES",
    "OPTEOS_2024",
    "CalibratedRates",
    "CalibrationPoint",
    "belgian_activity_envelope",
    "cooprules_salary_envelope",
    "employer_cost",
    "french_cae_envelope",
    "gross_from_total_cost",
    "quebec_work_envelope",
]


@hookimpl
def cooprules_salary_envelope(request: EnvelopeRequest) -> SalaryEnvelope | None:
    """The envelope for a French CAE, a Belgian activity co-op or a Quebec work co-op.

    ``None`` for other regimes.
    """
    if request.regime.startswith("fr-cae-"):
        return french_cae_envelope(request)
    if request.regime in NO_SALARY_REGIMES:
        return belgian_activity_envelope(request)
    if request.regime == "qc-work":
        return quebec_work_envelope(request)
    return None
