"""The Belgian employment co-op (be-employment): its regime and the employment's transitions.

Source: /work/shared/reference/belgium.md §B6, "DiES ... groups several coopératives d'emploi: 3
coops of entrepreneur-employees plus BRUCOOP for self-employed members. The entrepreneur may become
a co-owner (shareholder)" [SRC-2]; no Belgian statute specific to them is in the references, so
the CSA's rules (Book 6; art. 6:120 resignation window, art. 6:126 three shareholders) apply.
"""

from __future__ import annotations

from datetime import date

import pytest

from cooprules import Statutes, get_regime
from cooprules.errors import IllegalTransition, InvalidInput
from cooprules.explain import Confidence
from cooprules.membership import (
    Event,
    EventKind,
    History,
    MembershipRules,
    Status,
    apply,
    check_history,
    status_at,
)
from cooprules.parameters import Company
from cooprules.payroll import PayrollKind, PayrollRules
from cooprules.regime import bind
from cooprules.testing import check_legal_histories, check_regime, check_status_replay
from cooprules_adapters.be.employment import (
    EMPLOYMENT_MEMBERSHIP,
    EMPLOYMENT_PAYROLL,
    employment_rules,
)
from cooprules_adapters.be.membership import ACTIVITY_MEMBERSHIP
from cooprules_adapters.be.regimes import BE_ACTIVITY, BE_EMPLOYMENT, BE_SC
from cooprules_adapters.be.sources import Keys

NOW = date(2026, 6, 30)


def history(*events: tuple[str, date]) -> History:
    return History.of("ana", [Event(EventKind(kind), day) for kind, day in events])


def replay(*events: tuple[str, date]) -> History:
    """Apply each event through the rules: raises on an illegal one."""
    current = History.of("ana", [])
    for kind, day in events:
        current = apply(current, Event(EventKind(kind), day), EMPLOYMENT_MEMBERSHIP)
    return current


def test_registered_through_the_entry_point_group_and_on_the_csa_base():
    assert get_regime("be-employment") is BE_EMPLOYMENT
    assert get_regime("be-coop-emploi") is BE_EMPLOYMENT
    assert BE_EMPLOYMENT.extends is BE_SC
    # The CSA's three shareholders (art. 6:126) come from the base.
    assert BE_EMPLOYMENT.value(Company.min_members, NOW) == 3
    assert BE_EMPLOYMENT.rule_set(PayrollRules) is EMPLOYMENT_PAYROLL
    assert EMPLOYMENT_PAYROLL.kind is PayrollKind.EMPLOYEE_SALARY
    assert EMPLOYMENT_PAYROLL.employer_rate is Keys.employer_contribution_rate
    assert EMPLOYMENT_PAYROLL.employee_rate is Keys.employee_contribution_rate


def test_the_regime_cites_dies_and_says_its_sources_are_unverified_where_they_are():
    confidences = {c.article: c.confidence for c in BE_EMPLOYMENT.citations}
    assert confidences["Book 6 (no statute of its own for a coopérative d'emploi)"] is (
        Confidence.SRC_2
    )
    assert confidences["employment contract (article not found in a source)"] is Confidence.MEM
    assert any(c.url and "dies" in c.url for c in BE_EMPLOYMENT.citations)


def test_the_conformance_checks_find_no_error():
    findings = check_regime(BE_EMPLOYMENT)
    assert [f.code for f in findings if f.severity.name == "ERROR"] == []
    check_legal_histories(BE_EMPLOYMENT, max_examples=20)
    check_status_replay(BE_EMPLOYMENT, max_examples=20)


def test_the_path_employed_then_a_shareholder_then_resigned():
    # A former candidate of an activity co-op is employed, admitted as a shareholder, and resigns
    # in the first six months of a financial year (CSA 6:120 default).
    ana = replay(
        ("employed", date(2025, 9, 1)),
        ("admitted", date(2026, 4, 1)),
        ("resigned", date(2027, 3, 15)),
    )
    assert status_at(ana, date(2025, 8, 31)) is Status.NONE
    assert status_at(ana, date(2025, 9, 1)) is Status.ENTREPRENEUR_EMPLOYEE
    assert status_at(ana, date(2026, 4, 1)) is Status.MEMBER
    assert status_at(ana, date(2027, 3, 15)) is Status.RESIGNED


def test_an_applicant_is_employed_and_the_employment_ends():
    bo = replay(("applied", date(2026, 1, 12)), ("employed", date(2026, 2, 1)))
    assert status_at(bo, date(2026, 1, 31)) is Status.APPLICANT
    ended = apply(bo, Event(EventKind.EXITED, date(2026, 6, 30)), EMPLOYMENT_MEMBERSHIP)
    assert status_at(ended, NOW) is Status.EXITED
    # Hired again later.
    again = apply(ended, Event(EventKind.EMPLOYED, date(2027, 1, 4)), EMPLOYMENT_MEMBERSHIP)
    assert status_at(again, date(2027, 1, 4)) is Status.ENTREPRENEUR_EMPLOYEE


def test_founders_are_admitted_directly_as_under_the_csa():
    founder = replay(("applied", date(2021, 1, 4)), ("admitted", date(2021, 1, 15)))
    assert status_at(founder, NOW) is Status.MEMBER


@pytest.mark.parametrize(
    ("events", "refused"),
    [
        # No candidate's convention here: that is the activity co-op's (loi 2007 art. 80).
        ((), "convention_signed"),
        # Employed twice without leaving.
        ((("employed", date(2026, 1, 5)),), "employed"),
        # A shareholder resigns, an employee's contract ends (exited): not the other way round.
        ((("employed", date(2026, 1, 5)),), "resigned"),
        ((("applied", date(2021, 1, 4)), ("admitted", date(2021, 1, 15))), "exited"),
    ],
)
def test_illegal_transitions_are_refused(events, refused):
    current = replay(*events)
    with pytest.raises(IllegalTransition):
        apply(current, Event(EventKind(refused), date(2026, 3, 2)), EMPLOYMENT_MEMBERSHIP)


def test_a_resignation_outside_the_window_is_reported_with_csa_6_120():
    late = history(
        ("applied", date(2021, 1, 4)),
        ("admitted", date(2021, 1, 15)),
        ("resigned", date(2026, 9, 1)),
    )
    (violation,) = check_history(late, EMPLOYMENT_MEMBERSHIP, NOW.replace(month=12))
    assert violation.code == "membership.illegal_transition"
    assert violation.citation is not None
    assert violation.citation.article == "art. 6:120"


def test_the_statutes_window_is_read_when_bound():
    statutes = Statutes("be-employment", {Keys.resignation_window_months: 12})
    rules = bind(BE_EMPLOYMENT, statutes, as_of=NOW).rule_set(MembershipRules)
    assert rules is not None
    late = history(
        ("applied", date(2021, 1, 4)),
        ("admitted", date(2021, 1, 15)),
        ("resigned", date(2026, 9, 1)),
    )
    assert check_history(late, rules, NOW.replace(month=12)) == ()


def test_the_rules_reuse_the_csa_rules_and_add_only_the_employment():
    csa = {(t.source, t.event, t.citation) for t in BE_SC.rule_set(MembershipRules).transitions}
    assert csa <= {(t.source, t.event, t.citation) for t in EMPLOYMENT_MEMBERSHIP.transitions}
    added = {(t.source, t.event) for t in EMPLOYMENT_MEMBERSHIP.transitions} - {
        (t.source, t.event) for t in BE_SC.rule_set(MembershipRules).transitions
    }
    assert added == {
        (Status.NONE, EventKind.EMPLOYED),
        (Status.APPLICANT, EventKind.EMPLOYED),
        (Status.EXITED, EventKind.EMPLOYED),
        (Status.RESIGNED, EventKind.EMPLOYED),
        (Status.ENTREPRENEUR_EMPLOYEE, EventKind.ADMITTED),
        (Status.ENTREPRENEUR_EMPLOYEE, EventKind.EXITED),
        (Status.ENTREPRENEUR_EMPLOYEE, EventKind.DIED),
    }
    # The activity co-op has no employment.
    assert EventKind.EMPLOYED not in ACTIVITY_MEMBERSHIP.allowed(Status.NONE)
    assert BE_ACTIVITY.rule_set(MembershipRules) is ACTIVITY_MEMBERSHIP


def test_a_bad_window_names_the_field_and_the_value():
    with pytest.raises(InvalidInput, match="resignation_window_months") as caught:
        employment_rules(13)
    assert caught.value.value == 13
