"""The payroll adapter: worked example F, the exact solver, the Belgian answer."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules import get_plugin_manager
from cooprules.errors import InvalidInput
from cooprules.membership import Status
from cooprules.money import Rate, from_minor_units, money
from cooprules.payroll import EnvelopeRequest
from cooprules.plugins import get_regime, salary_envelope
from cooprules_adapters.payroll import (
    OPTEOS_2024,
    cooprules_salary_envelope,
    employer_cost,
    gross_from_total_cost,
)


def eur(text):
    return money(text, "EUR")


def request(regime="fr-cae-scop", fixed="19200.00", rate="25%"):
    return EnvelopeRequest(
        regime=get_regime(regime) if isinstance(regime, str) else regime,
        activity="a1",
        member="ana",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        revenue=eur("40000.00"),
        direct_costs=eur("4000.00"),
        contribution=eur("4000.00"),
        fixed_pay_paid=eur(fixed),
        employer_rate=lambda _gross: Rate.of(rate),
        employee_rate=lambda _gross: Rate.of("21%"),
    )


def test_worked_example_f_through_the_hook():
    envelope = salary_envelope(get_plugin_manager(), request())
    assert envelope is not None
    assert envelope.available == eur("32000.00")
    assert envelope.fixed_part == eur("24000.00")  # 2 000 a month of total cost
    assert envelope.variable_part == eur("8000.00")
    citations = {c.article for c in envelope.explanation.citations()}
    assert {"art. L7332-3", "art. R7331-11", "art. R7331-12"} <= citations
    assert envelope.violations == ()


def test_fixed_pay_above_the_envelope_is_a_warning():
    envelope = salary_envelope(get_plugin_manager(), request(fixed="30000.00"))
    assert envelope.variable_part == eur("-5500.00")
    assert [v.code for v in envelope.violations] == ["payroll.fixed_pay_above_envelope"]


def test_belgian_candidates_draw_no_salary():
    envelope = salary_envelope(get_plugin_manager(), request("be-activity"))
    assert envelope.available == envelope.variable_part == eur("0.00")
    assert envelope.violations[0].code == "payroll.no_salary_during_convention"
    # The activity's result stays blocked in the co-op: 40,000 - 4,000 - 4,000.
    assert envelope.blocked == eur("32000.00")
    assert salary_envelope(get_plugin_manager(), request("qc-solidarity")) is None


def test_quebec_work_coop_salaries_plus_the_refund_by_work():
    # Quebec work co-op: the member is paid salaries and receives a refund by the work done
    # (Cooperatives Act s.224.7; quebec.md §Q7 example 3: 1,800 hours -> 13,500 CAD).
    base = request("qc-work", fixed="40000.00", rate="10%")
    cad_request = EnvelopeRequest(
        **{
            **{f: getattr(base, f) for f in ("regime", "activity", "member", "period_start")},
            "period_end": base.period_end,
            "revenue": money("0", "CAD"),
            "direct_costs": money("0", "CAD"),
            "contribution": money("0", "CAD"),
            "fixed_pay_paid": money("40000.00", "CAD"),
            "employer_rate": base.employer_rate,
            "employee_rate": base.employee_rate,
            "refund": money("13500.00", "CAD"),
        }
    )
    envelope = salary_envelope(get_plugin_manager(), cad_request)
    assert envelope is not None
    assert envelope.fixed_part == money("44000.00", "CAD")
    assert envelope.variable_part == money("13500.00", "CAD")
    assert envelope.available == money("57500.00", "CAD")
    assert "s. 224.7" in {c.article for c in envelope.explanation.citations()}


def test_calibrated_rates_interpolate_exactly_and_are_not_law():
    assert OPTEOS_2024.employer(eur("1000.00")) == Rate.of("5%")
    assert OPTEOS_2024.employer(eur("9000.00")) == Rate.of("30%")
    assert OPTEOS_2024.employer(eur("1910.00")) == Rate.of("10.5%")
    assert OPTEOS_2024.citation is not None
    assert "NOT LAW" in (OPTEOS_2024.citation.title or "")


@given(st.integers(0, 10**9), st.sampled_from(["0%", "5%", "16%", "1/3", "30%"]))
@example(1, "1/3")
def test_the_solver_gives_the_largest_gross_that_fits(cost_units, rate):
    cost = from_minor_units(cost_units, "EUR")

    def flat(_gross):
        return Rate.of(rate)

    gross = gross_from_total_cost(cost, flat)
    assert gross + employer_cost(gross, flat) <= cost
    more = gross + eur("0.01")
    assert more + employer_cost(more, flat) > cost


@given(st.integers(0, 10**7))
def test_the_solver_with_the_calibrated_table(cost_units):
    cost = from_minor_units(cost_units, "EUR")
    gross = gross_from_total_cost(cost, OPTEOS_2024.employer)
    assert gross + employer_cost(gross, OPTEOS_2024.employer) <= cost


def test_the_solver_refuses_negative_costs():
    with pytest.raises(InvalidInput):
        gross_from_total_cost(eur("-1.00"), OPTEOS_2024.employer)


# --- the status and the contributions booked month by month (the books' requests) ---------------


def _request(regime: str, **changes):

    from cooprules.payroll import EnvelopeRequest  # noqa: PLC0415

    request = EnvelopeRequest(
        regime=get_regime(regime),
        activity="a1",
        member="ana",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        revenue=money("40000.00", "EUR"),
        direct_costs=money("4000.00", "EUR"),
        contribution=money("4000.00", "EUR"),
        fixed_pay_paid=money("19200.00", "EUR"),
        employer_rate=lambda _gross: Rate.of("25%"),
        employee_rate=lambda _gross: Rate.of("21%"),
    )
    return attrs.evolve(request, **changes)


def test_a_cae_pays_no_salary_without_a_cesa_l7331_2():
    from cooprules.money import money  # noqa: PLC0415

    cape = cooprules_salary_envelope(_request("fr-cae-scop", status=Status.CANDIDATE_ENTREPRENEUR))
    assert cape.fixed_part == money("0.00", "EUR")
    assert cape.blocked == money("32000.00", "EUR")
    (finding,) = cape.violations
    assert finding.code == "payroll.no_salary_in_status"
    assert finding.citation.article == "art. L7331-2"
    assert "candidate entrepreneur" in finding.message.en
    # Under the CESA, and as an associate, the salary is paid (worked example F: 8,000 variable).
    for status in (Status.ENTREPRENEUR_EMPLOYEE, Status.MEMBER):
        paid = cooprules_salary_envelope(_request("fr-cae-scop", status=status))
        assert (paid.blocked, paid.variable_part) == (None, money("8000.00", "EUR"))


def test_contributions_booked_month_by_month_are_taken_as_they_are():
    from cooprules_adapters.payroll import cooprules_salary_envelope  # noqa: PLC0415

    # 4,800.00 at 25 % of 19,200; 12 monthly roundings may book a few cents more: 4,800.06.
    booked = money("4800.06", "EUR")
    for regime in ("fr-cae-scop", "qc-work"):
        envelope = cooprules_salary_envelope(_request(regime, employer_contributions_paid=booked))
        assert envelope.fixed_part == money("24000.06", "EUR")
    assert cooprules_salary_envelope(_request("fr-cae-scop")).fixed_part == money("24000.00", "EUR")


def test_a_belgian_candidate_is_refused_whatever_the_status():
    from cooprules_adapters.payroll import cooprules_salary_envelope  # noqa: PLC0415

    envelope = cooprules_salary_envelope(_request("be-activity", status=Status.MEMBER))
    assert envelope.violations[0].code == "payroll.no_salary_during_convention"
    assert envelope.blocked is not None
