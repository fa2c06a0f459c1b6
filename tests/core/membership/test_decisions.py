"""Decisions behind membership events, and the rule an illegal step cites.

Worked examples: the Quebec Cooperatives Act (CQLR c C-67.2), s.57 (the grounds, listed) and s.58
(written notice of the grounds and of the meeting; the member may make representations or submit
a written statement; two thirds of the votes cast by the directors present; a written, reasoned
decision within 15 days), http://www.legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:58&
pointInTime=20200715 (quebec.md §Q5 [SRC]).
"""

from __future__ import annotations

import datetime as dt
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cooprules
from cooprules.errors import IllegalTransition, InvalidInput, InvalidPeriod
from cooprules.explain import Citation, Confidence
from cooprules.membership import (
    Decision,
    Event,
    EventKind,
    History,
    MembershipRules,
    Status,
    apply,
    check_history,
    decision_required,
    graph,
)
from cooprules.regime import bind
from cooprules_adapters.be import membership as be
from cooprules_adapters.qc import membership as qc

E = EventKind
S = Status
DAY = date(2025, 5, 1)


def board(day: date = DAY, **changes: object) -> Decision:
    values: dict[str, object] = {
        "votes_for": 6,
        "votes_cast": 8,
        "present": 9,
        "notice_given": day - timedelta(days=10),
        "reasons_sent": day + timedelta(days=15),
        "grounds": "competes_with_coop",
    }
    values.update(changes)
    return Decision("board", day, **values)  # type: ignore[arg-type]


def member() -> History:
    return History.of("marc", [Event(E.ADMITTED, date(2024, 1, 1), category="worker")])


# --- the decision as data -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"votes_for": -1}, "decision.votes_for"),
        ({"votes_cast": True}, "decision.votes_cast"),
        ({"present": "9"}, "decision.present"),
        ({"votes_for": 9, "votes_cast": 8}, "decision.votes_for"),
    ],
)
def test_a_decision_refuses_impossible_counts(changes, field):
    with pytest.raises(InvalidInput) as raised:
        board(**changes)
    assert raised.value.field == field


def test_a_decision_needs_a_body_and_plain_dates():
    with pytest.raises(InvalidInput, match=r"decision\.body"):
        Decision(" ", DAY)
    with pytest.raises(InvalidPeriod, match=r"decision\.notice_given"):
        board(notice_given=dt.datetime(2025, 4, 1, 10, 0))  # noqa: DTZ001 - the wrong type
    with pytest.raises(InvalidPeriod, match=r"decision\.reasons_sent"):
        board(reasons_sent="2025-05-10")


def test_a_unanimous_decision_and_a_decision_without_counts_are_data():
    assert board(votes_for=8, votes_cast=8).votes_for == 8
    assert Decision("board", DAY).votes_cast is None


# --- the law's requirements ---------------------------------------------------------------------


def test_a_suspension_by_two_thirds_of_the_votes_cast_is_lawful():
    # s.58: 4 of 6 votes cast (7 directors present) is exactly two thirds.
    decision = board(votes_for=4, votes_cast=6, present=7, grounds="unmet_obligations")
    history = apply(member(), Event(E.SUSPENDED, DAY, decision=decision), qc.MEMBERSHIP)
    assert history.current is S.SUSPENDED


def test_a_decision_dated_after_its_event_does_not_support_it():
    later = board(DAY + timedelta(days=1))
    with pytest.raises(IllegalTransition, match=r"decision \(2025-05-02\) is dated after"):
        apply(member(), Event(E.EXCLUDED, DAY, decision=later), qc.MEMBERSHIP)
    # An exclusion taking effect after the decision is fine.
    history = apply(
        member(), Event(E.EXCLUDED, DAY + timedelta(days=3), decision=board()), qc.MEMBERSHIP
    )
    assert history.current is S.EXCLUDED


def test_a_decision_of_another_body_is_not_the_board_s():
    meeting = Decision("general_meeting", DAY, votes_for=30, votes_cast=31)
    with pytest.raises(IllegalTransition, match="a decision of the board is required"):
        apply(member(), Event(E.EXCLUDED, DAY, decision=meeting), qc.MEMBERSHIP)


@given(
    cast=st.integers(1, 15),
    share=st.fractions(0, 1),
    notice=st.integers(-5, 30),
    reasons=st.integers(0, 30),
)
def test_property_the_board_s_decision_is_lawful_exactly_when_s58_holds(
    cast, share, notice, reasons
):
    votes_for = int(share * cast)
    decision = board(
        votes_for=votes_for,
        votes_cast=cast,
        present=cast,
        notice_given=DAY - timedelta(days=notice),
        reasons_sent=DAY + timedelta(days=reasons),
    )
    lawful = 3 * votes_for >= 2 * cast and notice >= 0 and reasons <= 15
    found = check_history(
        History.of("m", [*member().events, Event(E.EXCLUDED, DAY, decision=decision)]),
        qc.MEMBERSHIP,
        DAY,
    )
    assert (found == ()) is lawful
    assert all(v.citation is qc.EXCLUSION for v in found)


# --- the rule an illegal step cites -------------------------------------------------------------

RULE = Citation("Act", "s. 1", "XX", Confidence.SRC)
OTHER = Citation("Act", "s. 2", "XX", Confidence.SRC)


def test_an_event_the_graph_lacks_cites_the_regime_s_general_rule():
    # Reinstating a member who was never suspended: Quebec's graph has no such step.
    history = History.of("cy", [*member().events, Event(E.REINSTATED, date(2025, 4, 1))])
    (violation,) = check_history(history, qc.MEMBERSHIP, date(2025, 12, 31))
    assert violation.code == "membership.illegal_transition"
    assert violation.citation is qc.MEMBERS
    assert violation.citation.article == "ss. 52-60.2"


def test_a_transition_without_a_citation_of_its_own_cites_the_general_rule():
    # Quebec's admission cites nothing of its own: an unknown category falls back on the Act.
    history = History.of("x", [Event(E.ADMITTED, date(2025, 1, 1), category="astronaut")])
    (violation,) = check_history(history, qc.SOLIDARITY_MEMBERSHIP, date(2025, 12, 31))
    assert "unknown category" in violation.message.en
    assert violation.citation is qc.MEMBERS


def test_the_general_rule_is_the_regime_s_else_the_graph_s_most_cited():
    table = {S.NONE: [E.APPLIED, E.ADMITTED], S.APPLICANT: [E.ADMITTED]}
    mostly = graph(table, citation=RULE, citations={(S.NONE, E.APPLIED): OTHER})
    assert MembershipRules(mostly).general_citation is RULE
    assert MembershipRules(mostly, citation=OTHER).general_citation is OTHER
    tie = graph({S.NONE: [E.APPLIED, E.ADMITTED]}, citations={(S.NONE, E.ADMITTED): OTHER})
    assert MembershipRules(tie).general_citation is OTHER
    assert MembershipRules(graph(table)).general_citation is None
    violations = check_history(
        History.of("x", [Event(E.EXCLUDED, date(2025, 1, 1))]),
        MembershipRules(graph(table)),
        date(2025, 1, 1),
    )
    assert [v.citation for v in violations] == [None]


def test_the_general_rule_survives_binding_the_law():
    work = bind(cooprules.get_regime("qc-work"), as_of=date(2025, 6, 1)).rule_set(MembershipRules)
    assert work is not None
    assert work.citation is qc.MEMBERS
    activity = bind(cooprules.get_regime("be-activity"), as_of=date(2025, 6, 1))
    rules = activity.rule_set(MembershipRules)
    assert rules is not None
    assert rules.citation is be.CSA_COOPERATIVE


def test_a_condition_without_requirements_only_asks_for_the_body():
    rules = MembershipRules(
        graph(
            {S.NONE: [E.ADMITTED], S.MEMBER: [E.EXCLUDED]},
            conditions={(S.MEMBER, E.EXCLUDED): [decision_required(body="board")]},
        ),
        citation=RULE,
    )
    history = apply(member(), Event(E.EXCLUDED, DAY, decision=Decision("board", DAY)), rules)
    assert history.current is S.EXCLUDED
    (violation,) = check_history(
        History.of("m", [*member().events, Event(E.EXCLUDED, DAY)]), rules, DAY
    )
    assert violation.citation is RULE


_REGIMES = tuple(sorted(r.code for r in cooprules.load_regimes()))


@pytest.mark.parametrize("code", _REGIMES)
@given(kinds=st.lists(st.sampled_from([k for k in EventKind if k is not E.EXTENDED]), max_size=8))
def test_property_no_illegal_step_of_a_shipped_regime_cites_nothing(code, kinds):
    rules = bind(cooprules.get_regime(code), as_of=date(2025, 6, 1)).rule_set(MembershipRules)
    assert rules is not None
    events = [Event(k, date(2025, 1, 1) + timedelta(days=3 * i)) for i, k in enumerate(kinds)]
    history = History.of("p", events)
    for violation in check_history(history, rules, date(2025, 3, 1)):
        if violation.code == "membership.illegal_transition":
            assert violation.citation is not None, violation.message.en
