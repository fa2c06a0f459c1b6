"""Reading a history: its first event of some kinds, the history up to a day, a member's status,
and a regime that adapts another's rules.

The events follow a Quebec worker co-op member (CQLR c C-67.2, ss. 52-60.2, quebec.md §Q5): an
application, an admission, a suspension by the board, a reinstatement.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from cooprules.explain import Text
from cooprules.membership import (
    Category,
    Event,
    EventKind,
    History,
    Member,
    MembershipRules,
    Status,
    apply,
    graph,
    status_at,
)

E = EventKind
S = Status
EVENTS = (
    Event(E.APPLIED, date(2025, 1, 6)),
    Event(E.ADMITTED, date(2025, 3, 1), category="worker"),
    Event(E.SUSPENDED, date(2025, 9, 1)),
    Event(E.REINSTATED, date(2025, 10, 1)),
)


def test_first_is_the_earliest_event_of_the_kinds_asked() -> None:
    history = History.of("ana", EVENTS)
    assert history.first(E.ADMITTED) is EVENTS[1]
    assert history.first(E.REINSTATED, E.SUSPENDED) is EVENTS[2]
    assert history.first(E.RESIGNED) is None
    assert history.first() is None


def test_the_history_until_a_day_keeps_its_subject_and_that_day_s_events() -> None:
    history = History.of("ana", EVENTS)
    until = history.until(date(2025, 9, 1))
    assert until.subject == "ana"
    assert until.events == EVENTS[:3]
    assert until.current is S.SUSPENDED
    before = history.before(date(2025, 9, 1))
    assert (before.subject, before.current) == ("ana", S.MEMBER)


def test_a_member_s_status_is_their_history_s() -> None:
    ana = Member.of("ana", EVENTS)
    assert ana.status_at(date(2025, 1, 5)) is S.NONE
    assert ana.status_at(date(2025, 2, 1)) is S.APPLICANT
    assert ana.status_at(date(2025, 9, 15)) is S.SUSPENDED
    assert ana.status_at(date(2026, 1, 1)) is S.MEMBER


def test_a_regime_adapting_another_s_rules_changes_only_what_it_names() -> None:
    base = MembershipRules(graph({S.NONE: [E.APPLIED], S.APPLICANT: [E.ADMITTED]}))
    worker = Category("worker", Text(en="worker member", fr="membre travailleur"))
    adapted = base.evolve(categories=(worker,))
    assert adapted.category_codes() == frozenset({"worker"})
    assert adapted.transitions == base.transitions
    assert base.category_codes() == frozenset()
    history = apply(History.of("ana", EVENTS[:1]), EVENTS[1], adapted)
    assert history.current is S.MEMBER


KINDS = st.sampled_from([k for k in EventKind if k is not E.EXTENDED])


@given(
    kinds=st.lists(KINDS, max_size=10),
    gaps=st.lists(st.integers(0, 40), min_size=10, max_size=10),
    asked=st.sets(KINDS, max_size=4),
    cut=st.integers(-5, 400),
)
def test_property_first_and_until_agree_with_a_plain_scan(
    kinds: list[EventKind], gaps: list[int], asked: set[EventKind], cut: int
) -> None:
    start = date(2025, 1, 1)
    days = [start + timedelta(days=sum(gaps[: i + 1])) for i in range(len(kinds))]
    events = [Event(kind, day) for kind, day in zip(kinds, days, strict=False)]
    history = History.of("p", events)
    expected = next((e for e in events if e.kind in asked), None)
    assert history.first(*asked) is expected
    day = start + timedelta(days=cut)
    until = history.until(day)
    assert until.subject == "p"
    assert until.events == tuple(e for e in events if e.date <= day)
    assert status_at(until, day) is status_at(history, day)
    member = Member("p", history)
    assert member.status_at(day) is status_at(history, day)
