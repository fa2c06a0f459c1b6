"""Membership figures the plug-ins read from their law files, never from constants of their own.

Each figure is changed in a copy of its regime (``cooprules.testing.replace_parameter``) and the
result follows: the CSA's minimum of shareholders (art. 6:126) and default resignation window
(art. 6:120), the length of a Belgian candidate's convention in the texts of its obligation (loi
du 1er mars 2007 art. 80), a SCOP's minimum of employee associates (loi 1978 art. 5) and a
solidarity co-op's minimum of categories (Cooperatives Act s. 226.1).
"""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.errors import IllegalTransition, InvalidInput, InvalidParameter
from cooprules.membership import Event, EventKind, History, Member, MembershipRules, Status, apply
from cooprules.parameters import Accompaniment, Company
from cooprules.regime import Regime, Statutes, bind
from cooprules.testing import moved, replace_parameter
from cooprules_adapters.be import membership as be
from cooprules_adapters.be.regimes import BE_ACTIVITY, BE_CNC
from cooprules_adapters.be.sources import Keys as BeKeys
from cooprules_adapters.fr import membership as fr
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.fr.sources import Keys as FrKeys
from cooprules_adapters.qc import membership as qc
from cooprules_adapters.qc.regimes import QC_SOLIDARITY

DAY = date(2025, 6, 1)
E = EventKind


def _changed(regime: Regime, key: object, value: object) -> Regime:
    version = regime.parameter(key, DAY)  # type: ignore[arg-type]
    return replace_parameter(regime, version, moved(version, value))


def _admitted(member: str, category: str | None = None) -> Member:
    return Member.of(member, [Event(E.ADMITTED, date(2024, 1, 1), category=category)])


def _membership(regime: Regime, statutes: Statutes | None = None) -> MembershipRules:
    found = bind(regime, statutes, as_of=DAY).rule_set(MembershipRules)
    assert found is not None
    return found


# --- CSA art. 6:126: at least three shareholders -------------------------------------------------


def test_the_minimum_of_shareholders_is_company_min_members():
    two = [_admitted("a"), _admitted("b")]
    (warning,) = be.min_shareholders_violations(two, DAY)
    assert "below 3" in warning.message.en
    assert "en dessous de 3" in warning.message.fr
    assert warning.citation == BE_CNC.parameter(Company.min_members, DAY).citation
    assert warning.citation == be.CSA_MIN_SHAREHOLDERS
    assert be.min_shareholders_violations(two, DAY, rules=bind(BE_CNC, as_of=DAY))
    lowered = bind(_changed(BE_CNC, Company.min_members, 2), as_of=DAY)
    assert be.min_shareholders_violations(two, DAY, rules=lowered) == ()
    raised = bind(_changed(BE_CNC, Company.min_members, 4), as_of=DAY)
    (warning,) = be.min_shareholders_violations([*two, _admitted("c")], DAY, rules=raised)
    assert "3 shareholder(s): below 4" in warning.message.en


def test_no_minimum_of_shareholders_before_the_csa_is_an_error():
    with pytest.raises(InvalidParameter, match=r"company\.min_members"):
        be.min_shareholders_violations(
            [], date(2019, 1, 1), rules=bind(BE_CNC, as_of=date(2019, 1, 1))
        )


# --- CSA art. 6:120: resignations in the first six months, by default ---------------------------

MEMBER = History.of("m", [Event(E.ADMITTED, date(2024, 1, 1))])
JULY = Event(E.RESIGNED, date(2025, 7, 10))


def test_the_resignation_window_is_the_law_files_default():
    assert be.RESIGNATION_WINDOW_MONTHS == 6
    rules = _membership(BE_CNC)
    with pytest.raises(IllegalTransition, match="first 6 months"):
        apply(MEMBER, JULY, rules)
    assert apply(MEMBER, Event(E.RESIGNED, date(2025, 6, 30)), rules).current is Status.RESIGNED
    seven = _membership(_changed(BE_CNC, BeKeys.resignation_window_months, 7))
    assert apply(MEMBER, JULY, seven).current is Status.RESIGNED


def test_the_statutes_window_wins_over_the_default():
    # A default the articles may change: bound with the statutes, theirs applies.
    anytime = Statutes("be-cnc", {BeKeys.resignation_window_months: 12})
    assert apply(MEMBER, JULY, _membership(BE_CNC, anytime)).current is Status.RESIGNED
    three = Statutes("be-cnc", {BeKeys.resignation_window_months: 3})
    with pytest.raises(IllegalTransition, match="first 3 months"):
        apply(MEMBER, Event(E.RESIGNED, date(2025, 4, 1)), _membership(BE_CNC, three))
    # An activity co-op reads the same window beside its convention's length.
    assert (
        apply(
            MEMBER,
            JULY,
            _membership(
                BE_ACTIVITY, Statutes("be-activity", {BeKeys.resignation_window_months: 12})
            ),
        ).current
        is Status.RESIGNED
    )
    with pytest.raises(IllegalTransition, match="first 6 months"):
        apply(MEMBER, JULY, _membership(BE_ACTIVITY))


@pytest.mark.parametrize("window", [0, 13, True, "6"])
def test_a_window_outside_the_year_is_refused(window: object):
    with pytest.raises(InvalidInput, match="resignation_window_months"):
        be.csa_rules(resignation_window_months=window)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="resignation_window_months"):
        _membership(BE_CNC, Statutes("be-cnc", {BeKeys.resignation_window_months.name: window}))


# --- Loi du 1er mars 2007 art. 80: the convention's length in its texts --------------------------


def test_the_conventions_texts_say_the_bound_length():
    history = History.of("c", [Event(E.CONVENTION_SIGNED, date(2025, 1, 15))])
    (default,) = be.candidate_obligations(history, DAY)
    assert "end at 18 months" in default.consequence.en
    assert "prennent fin à 18 mois" in default.consequence.fr
    longer = _membership(_changed(BE_ACTIVITY, Accompaniment.max_months, 24))
    assert longer.obligations is not None
    (obligation,) = longer.obligations(history, DAY)
    assert "end at 24 months" in obligation.consequence.en
    assert "prennent fin à 24 mois" in obligation.consequence.fr
    assert obligation.due == date(2027, 1, 14)


# --- Loi 1978 art. 5: two employee associates (SARL, SAS), seven (SA) ---------------------------


def test_the_scop_minimums_are_the_law_files():
    employees = [_admitted(m, "employee") for m in ("a", "b")]
    assert fr.scop_minimum_violations(employees, DAY, "SAS") == ()
    (sa,) = fr.scop_minimum_violations(employees, DAY, "SA")
    assert "at least 7" in sa.message.en
    assert sa.citation == FR_SCOP.parameter(FrKeys.min_employee_associates_sa, DAY).citation
    three = bind(_changed(FR_SCOP, Company.min_employee_associates, 3), as_of=DAY)
    (sarl,) = fr.scop_minimum_violations(employees, DAY, "SARL", rules=three)
    assert "needs at least 3" in sarl.message.en
    assert "en requiert au moins 3" in sarl.message.fr
    assert sarl.citation == FR_SCOP.parameter(Company.min_employee_associates, DAY).citation
    assert fr.scop_minimum_violations(employees, DAY, "SA", rules=three)  # still seven
    two = bind(_changed(FR_SCOP, FrKeys.min_employee_associates_sa, 2), as_of=DAY)
    assert fr.scop_minimum_violations(employees, DAY, "SA", rules=two) == ()


# --- Cooperatives Act s. 226.1: two of the three categories ------------------------------------


def test_the_solidarity_minimum_of_categories_is_the_law_files():
    two = [_admitted("a", "user"), _admitted("b", "worker")]
    assert qc.solidarity_category_violations(two, DAY) == ()
    three = bind(_changed(QC_SOLIDARITY, Company.min_categories, 3), as_of=DAY)
    (violation,) = qc.solidarity_category_violations(two, DAY, rules=three)
    assert violation.code == "qc.solidarity.categories"
    assert "at least 3 of user, worker" in violation.message.en
    assert "au moins 3 parmi" in violation.message.fr
    assert violation.citation == QC_SOLIDARITY.parameter(Company.min_categories, DAY).citation
    (one,) = qc.solidarity_category_violations(two[:1], DAY)
    assert "at least 2 of" in one.message.en
