"""Each refusal of the membership engine names the field, the value as given and the reason, and
each unmet requirement of a decision says which one, in English and in French.

Worked example: the Quebec Cooperatives Act (CQLR c C-67.2), s.57 (the grounds of a suspension or
an exclusion, listed) and s.58 (written notice before the board decides; two thirds of the votes
cast by the directors present), quebec.md §Q5 [SRC]. Every rule set is built inside its test, so
that its conditions are made where the test runs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from fractions import Fraction

import pytest

from cooprules.errors import DuplicateId, InvalidInput
from cooprules.explain import Text
from cooprules.membership import (
    Category,
    Decision,
    Event,
    EventKind,
    History,
    Member,
    MembershipRules,
    Status,
    Transition,
    check_history,
    count_by_status_and_category,
    deadlines_within,
    decision_required,
    graph,
    members_with_status,
)
from cooprules_adapters.be import membership as be

E = EventKind
S = Status
DAY = date(2025, 5, 1)
ADMITTED = Event(E.ADMITTED, date(2024, 1, 1), category="worker")


def excluding(condition_rules: MembershipRules, decision: Decision) -> tuple[str, ...]:
    """The French messages of excluding an admitted member on ``DAY`` by ``decision``."""
    history = History.of("marc", [ADMITTED, Event(E.EXCLUDED, DAY, decision=decision)])
    return tuple(v.message.fr for v in check_history(history, condition_rules, DAY))


def board_rules(**requirements: object) -> MembershipRules:
    condition = decision_required(body="board", **requirements)  # type: ignore[arg-type]
    return MembershipRules(
        graph(
            {S.NONE: [E.ADMITTED], S.MEMBER: [E.EXCLUDED]},
            conditions={(S.MEMBER, E.EXCLUDED): [condition]},
        )
    )


# --- the register -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        lambda register: list(members_with_status(register, DAY, [S.MEMBER])),
        lambda register: count_by_status_and_category(register, DAY),
    ],
    ids=["members_with_status", "count_by_status_and_category"],
)
def test_a_member_listed_twice_is_named(query: Callable[[list[Member]], object]) -> None:
    register = [Member.of("ana", [ADMITTED]), Member.of("bo", []), Member.of("ana", [])]
    with pytest.raises(DuplicateId) as raised:
        query(register)
    error = raised.value
    assert (error.field, error.value) == ("members", "ana")
    assert str(error) == "members: a member id appears twice in the register (got 'ana')"


def test_a_negative_number_of_days_is_named() -> None:
    with pytest.raises(InvalidInput) as raised:
        list(deadlines_within([], DAY, -1, be.ACTIVITY_MEMBERSHIP))
    error = raised.value
    assert (error.field, error.value) == ("days", -1)
    assert str(error) == "days: a number of days is a non-negative int (got -1)"


def test_a_window_of_zero_days_is_the_day_itself() -> None:
    # Belgium: a convention of at most 18 months (loi du 1er mars 2007, art. 80; belgium.md §B6);
    # signed 10 January 2025, it must end by 9 July 2026 (tests/core/membership/test_membership.py).
    candidate = Member.of("early", [Event(E.CONVENTION_SIGNED, date(2025, 1, 10))])
    due = list(deadlines_within([candidate], date(2026, 7, 9), 0, be.ACTIVITY_MEMBERSHIP))
    assert [(o.subject, o.due) for o in due] == [("early", date(2026, 7, 9))]
    assert list(deadlines_within([candidate], date(2026, 7, 10), 0, be.ACTIVITY_MEMBERSHIP)) == []


def test_a_history_item_that_is_not_an_event_is_named_by_its_position() -> None:
    with pytest.raises(InvalidInput) as raised:
        History.of("ana", [ADMITTED, "resigned"])  # type: ignore[list-item]
    error = raised.value
    assert (error.field, error.value) == ("ana.events[1]", "resigned")
    assert str(error) == "ana.events[1]: expected an Event (got 'resigned')"


# --- the regime's rule set ----------------------------------------------------------------------


def test_a_transition_declared_twice_is_named_by_its_status_and_event() -> None:
    with pytest.raises(DuplicateId) as raised:
        MembershipRules(
            (
                Transition(S.NONE, E.ADMITTED),
                Transition(S.MEMBER, E.EXCLUDED),
                Transition(S.MEMBER, E.EXCLUDED),
            )
        )
    error = raised.value
    assert (error.field, error.value) == ("membership.transitions", "member --excluded-->")
    assert error.reason == (
        "each (status, event) pair is declared once; put all its conditions together"
    )


def test_a_category_declared_twice_is_named() -> None:
    worker = Category("worker", Text(en="worker member", fr="membre travailleur"))
    user = Category("user", Text(en="user member", fr="membre utilisateur"))
    with pytest.raises(DuplicateId) as raised:
        MembershipRules(graph({S.NONE: [E.ADMITTED]}), categories=(worker, user, worker))
    error = raised.value
    assert (error.field, error.value) == ("membership.categories", ["worker", "user", "worker"])
    assert str(error) == (
        "membership.categories: category codes must be unique (got ['worker', 'user', 'worker'])"
    )


# --- what a decision must show (s.57, s.58) -----------------------------------------------------


def test_two_thirds_of_the_directors_present_counts_the_directors_present() -> None:
    # s.58 counts the votes cast; a by-law may count the directors present instead: 5 votes of 9
    # directors present is below two thirds even though 5 of the 6 votes cast were in favour.
    rules = board_rules(majority=Fraction(2, 3), of_present=True)
    decision = Decision("board", DAY, votes_for=5, votes_cast=6, present=9)
    history = History.of("marc", [ADMITTED, Event(E.EXCLUDED, DAY, decision=decision)])
    (violation,) = check_history(history, rules, DAY)
    assert violation.message.en == (
        "2025-05-01: member -> excluded on excluded: "
        "5 of 9 directors present is below the required 2/3."
    )
    assert violation.message.fr == (
        "2025-05-01 : member -> excluded sur excluded : "
        "5 sur 9 membres présents est inférieur aux 2/3 requis."
    )
    unrecorded = Decision("board", DAY, votes_for=5, votes_cast=6)
    (missing,) = check_history(
        History.of("marc", [ADMITTED, Event(E.EXCLUDED, DAY, decision=unrecorded)]), rules, DAY
    )
    assert missing.message.en.endswith(
        ": the decision must record the votes in favour and the directors present."
    )


def test_notice_must_come_before_the_decision() -> None:
    # s.58: the member is told in writing of the grounds, and of the meeting, before it decides.
    rules = board_rules(notice_required=True)
    late = Decision("board", DAY, notice_given=DAY + timedelta(days=1))
    history = History.of("marc", [ADMITTED, Event(E.EXCLUDED, DAY, decision=late)])
    (violation,) = check_history(history, rules, DAY)
    assert violation.message.en.endswith(": written notice must be given before the decision.")
    assert violation.message.fr.endswith(": un avis écrit doit être donné avant la décision.")
    on_time = Decision("board", DAY, notice_given=DAY)
    assert excluding(rules, on_time) == ()


def test_only_the_grounds_the_law_lists_support_a_decision() -> None:
    # s.57 lists the grounds; a decision on any other is not supported, in either language.
    rules = board_rules(grounds=["unmet_obligations", "competes_with_coop"])
    other = Decision("board", DAY, grounds="late_for_meetings")
    history = History.of("marc", [ADMITTED, Event(E.EXCLUDED, DAY, decision=other)])
    (violation,) = check_history(history, rules, DAY)
    assert violation.message.en.endswith(
        ": grounds 'late_for_meetings' are not among those the law lists "
        "(competes_with_coop, unmet_obligations)."
    )
    assert violation.message.fr.endswith(
        ": le motif 'late_for_meetings' ne figure pas parmi ceux que la loi énumère "
        "(competes_with_coop, unmet_obligations)."
    )
    listed = Decision("board", DAY, grounds="competes_with_coop")
    assert excluding(rules, listed) == ()
