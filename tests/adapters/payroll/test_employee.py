"""The Belgian entrepreneur-employee's salary (be-employment): rates given with a source, or none.

Source of the rule: the references (/work/shared/reference/belgium.md) hold no sourced ONSS/RSZ
rate, so the law file declares ``be.employer_contribution_rate`` and
``be.employee_contribution_rate`` as uncertain, with no value. The rates used below (25 %,
13.07 %, 27 %, 13 %) are the co-op's inputs in each test, never law.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules import get_plugin_manager
from cooprules.errors import InvalidAmount
from cooprules.explain import Confidence, RuleKind, Severity
from cooprules.membership import Status
from cooprules.money import Rate, from_minor_units, money, to_minor_units
from cooprules.payroll import EnvelopeRequest, PayrollKind, PayrollRules, rates_citation
from cooprules.plugins import get_regime, salary_envelope
from cooprules_adapters.be.regimes import BE_EMPLOYMENT
from cooprules_adapters.be.sources import LAW, Keys
from cooprules_adapters.payroll import employee_pay, employee_salary_envelope
from cooprules_adapters.payroll.employee import PayRates, pay_rates

SOURCE = rates_citation("Social secretariat, rate sheet 2026")


def eur(text):
    return money(text, "EUR")


def request(**changes):
    base = EnvelopeRequest(
        regime=BE_EMPLOYMENT,
        activity="a1",
        member="ana",
        period_start=date(2026, 3, 1),
        period_end=date(2026, 3, 31),
        revenue=eur("6000.00"),
        direct_costs=eur("400.00"),
        contribution=eur("600.00"),
        fixed_pay_paid=eur("3000.00"),
        employer_rate=lambda _gross: Rate.of("25%"),
        employee_rate=lambda _gross: Rate.of("13.07%"),
        status=Status.ENTREPRENEUR_EMPLOYEE,
        rates_source=SOURCE,
    )
    return attrs.evolve(base, **changes)


def test_the_worked_example_through_the_hook():
    # Module example: 6,000.00 - 400.00 - 600.00 = 5,000.00; a gross of 3,000.00 at the co-op's
    # 25 % costs 3,750.00; 13.07 % of it (392.10) leaves a net of 2,607.90; 1,250.00 remains.
    envelope = salary_envelope(get_plugin_manager(), request())
    assert envelope is not None
    assert envelope.blocked is None
    assert envelope.available == eur("5000.00")
    assert envelope.fixed_part == eur("3750.00")
    assert envelope.variable_part == eur("0.00")  # no legal year-end variable pay in Belgium
    steps = envelope.explanation.steps
    assert dict(steps[1].inputs)["employer contributions"] == eur("750.00")
    assert dict(steps[2].inputs)["employee contributions"] == eur("392.10")
    assert steps[2].result == eur("2607.90")
    assert steps[3].result == eur("1250.00")
    # The contributions cite the co-op's source, the salary the employment contract.
    assert steps[1].citation == SOURCE
    assert steps[0].citation == LAW.citation("loi-1978-employment-contract")
    assert envelope.violations == ()


def test_without_a_source_no_contribution_is_computed_and_no_salary_booked():
    envelope = employee_salary_envelope(request(rates_source=None))
    assert envelope.blocked == eur("5000.00")
    assert envelope.fixed_part == eur("0.00")
    (violation,) = envelope.violations
    assert violation.code == "payroll.contribution_rates_unknown"
    assert violation.severity is Severity.WARNING
    # It cites the law's parameter, uncertain and without a figure.
    assert violation.citation == LAW.citation("loi-1969-contribution-rates")
    assert violation.citation.confidence is Confidence.UNC
    assert "social secretariat" in violation.message.en


def test_the_law_file_holds_no_rate():
    for key in (Keys.employer_contribution_rate, Keys.employee_contribution_rate):
        parameter = BE_EMPLOYMENT.find(key, date(2026, 1, 1))
        assert parameter is not None
        assert parameter.value is None
        assert parameter.kind is RuleKind.STATUTE
        assert not parameter.citation.confidence.verified
        assert parameter.valid_from == date(2019, 5, 1)
        # Before the regime's first day there is no version at all.
        assert BE_EMPLOYMENT.find(key, date(2019, 4, 30)) is None


def _with_law_rates(employer: str, employee: str):
    """BE_EMPLOYMENT once a verified rate is in its law file (a parameter override)."""
    verified = LAW.citation("csa-book-6-arts-6-1-ff")  # any SRC-2 citation stands in for one
    extra = tuple(
        attrs.evolve(
            BE_EMPLOYMENT.parameter(key, date(2026, 1, 1)),
            value=Rate.of(value),
            kind=RuleKind.LAW,
            citation=verified,
        )
        for key, value in (
            (Keys.employer_contribution_rate, employer),
            (Keys.employee_contribution_rate, employee),
        )
    )
    own = tuple(p for p in BE_EMPLOYMENT.parameters if p.key not in {e.key for e in extra})
    return attrs.evolve(BE_EMPLOYMENT, parameters=own + extra), verified


def test_a_verified_law_rate_is_used_with_its_citation_when_the_coop_gives_none():
    regime, verified = _with_law_rates("20%", "10%")
    envelope = employee_salary_envelope(request(regime=regime, rates_source=None))
    assert envelope.blocked is None
    assert envelope.fixed_part == eur("3600.00")  # 3,000.00 + 20 %
    assert envelope.explanation.steps[2].result == eur("2700.00")  # 3,000.00 - 10 %
    assert envelope.explanation.steps[1].citation == verified


def test_the_coops_rates_with_their_source_win_over_the_law_file():
    regime, _ = _with_law_rates("20%", "10%")
    envelope = employee_salary_envelope(request(regime=regime))
    assert envelope.fixed_part == eur("3750.00")
    assert envelope.explanation.steps[1].citation == SOURCE


def test_pay_rates_names_the_parameter_without_a_figure():
    assert pay_rates(request(rates_source=None)) == LAW.citation("loi-1969-contribution-rates")
    found = pay_rates(request())
    assert isinstance(found, PayRates)
    assert found.citation == SOURCE


def test_a_regime_naming_no_rate_parameter_takes_the_requests_rates():
    rules = PayrollRules(PayrollKind.EMPLOYEE_SALARY, LAW.citation("loi-1978-employment-contract"))
    regime = attrs.evolve(BE_EMPLOYMENT, rules=(rules,), code="be-employment")
    envelope = employee_salary_envelope(request(regime=regime, rates_source=None))
    assert envelope.fixed_part == eur("3750.00")


def test_a_salary_above_the_envelope_is_a_warning():
    envelope = employee_salary_envelope(request(fixed_pay_paid=eur("4200.00")))
    assert envelope.fixed_part == eur("5250.00")
    assert envelope.explanation.steps[3].result == eur("-250.00")
    assert [v.code for v in envelope.violations] == ["payroll.salary_above_envelope"]
    assert envelope.violations[0].severity is Severity.WARNING


def test_the_remainder_allows_a_further_gross_that_fits():
    envelope = employee_salary_envelope(request())
    further = envelope.explanation.steps[4].result
    assert further == eur("1000.00")  # 1,250.00 of cost at 25 %
    cost = further + Rate.of("25%").apply(further)
    assert cost <= eur("1250.00")


@pytest.mark.parametrize(
    "status", [Status.NONE, Status.APPLICANT, Status.EXITED, Status.RESIGNED, Status.DECEASED]
)
def test_no_salary_outside_the_employment(status):
    envelope = salary_envelope(get_plugin_manager(), request(status=status))
    assert envelope is not None
    assert envelope.blocked is not None
    assert [v.code for v in envelope.violations] == ["payroll.no_salary_in_status"]


@pytest.mark.parametrize("status", [Status.ENTREPRENEUR_EMPLOYEE, Status.MEMBER, Status.SUSPENDED])
def test_a_salary_while_employed_also_as_a_shareholder(status):
    envelope = salary_envelope(get_plugin_manager(), request(status=status))
    assert envelope is not None
    assert envelope.blocked is None


def test_the_activity_coop_still_pays_no_salary():
    envelope = salary_envelope(get_plugin_manager(), request(regime=get_regime("be-activity")))
    assert envelope is not None
    assert envelope.blocked is not None
    assert [v.code for v in envelope.violations] == ["payroll.no_salary_during_convention"]


def test_employee_pay_rounds_each_contribution_once_half_up():
    # 13.07 % of 1,234.55 = 161.355685 -> 161.36; 27 % = 333.3285 -> 333.33.
    pay = employee_pay(eur("1234.55"), Rate.of("27%"), Rate.of("13.07%"))
    assert pay.employer_contributions == eur("333.33")
    assert pay.employee_contributions == eur("161.36")
    assert pay.net == eur("1073.19")
    assert pay.total_cost == eur("1567.88")


def test_employee_pay_refuses_a_float():
    with pytest.raises(InvalidAmount, match="expected a Money"):
        employee_pay(1234.5, Rate.of("27%"), Rate.of("13%"))  # type: ignore[arg-type]


rates = st.fractions(min_value=0, max_value=1, max_denominator=10_000).map(Rate)


@given(st.integers(min_value=0, max_value=10**9), rates, rates)
@example(1, Rate.of("50%"), Rate.of("50%"))  # half a cent each way: rounded up, still exact
def test_every_split_sums_to_the_cent(units, employer, employee):
    gross = from_minor_units(units, "EUR")
    pay = employee_pay(gross, employer, employee)
    assert to_minor_units(pay.employee_contributions) + to_minor_units(pay.net) == units
    assert to_minor_units(pay.total_cost) == units + to_minor_units(pay.employer_contributions)
    assert 0 <= to_minor_units(pay.employee_contributions) <= units
    assert to_minor_units(pay.net) >= 0


@given(
    st.integers(min_value=0, max_value=10**8),
    st.integers(min_value=0, max_value=10**8),
    st.fractions(min_value=0, max_value=1, max_denominator=1000).map(Rate),
)
def test_the_envelope_balances_to_the_cent(revenue, gross, employer):
    envelope = employee_salary_envelope(
        request(
            revenue=from_minor_units(revenue, "EUR"),
            fixed_pay_paid=from_minor_units(gross, "EUR"),
            employer_rate=lambda _gross: employer,
        )
    )
    remaining = envelope.explanation.steps[3].result
    assert envelope.available - envelope.fixed_part == remaining
    assert to_minor_units(envelope.fixed_part) == gross + to_minor_units(
        employer.apply(from_minor_units(gross, "EUR"))
    )
