"""`check_history()` replays a history once (issue 16): the same violations as the old replay.

The reference below is the algorithm `check_history()` had before: at every event it rebuilt the
history so far with `History.of()` (a sort and a replay) and replayed it again to find the
target. The property compares the two on random histories under each regime's rules: legal
histories, histories of any kinds in any order, with categories, extensions and decisions, and
histories built by hand out of date order.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from cooprules import membership
from cooprules import strategies as cst
from cooprules.explain import Severity, Text, Violation
from cooprules.membership import (
    Decision,
    Event,
    EventKind,
    History,
    MembershipRules,
    Status,
    Transition,
    check_history,
)
from cooprules_adapters.be import membership as be
from cooprules_adapters.fr import membership as fr
from cooprules_adapters.qc import membership as qc

RULES = {
    "be.ACTIVITY": be.ACTIVITY_MEMBERSHIP,
    "be.CSA": be.CSA_MEMBERSHIP,
    "fr.CAE": fr.CAE_MEMBERSHIP,
    "fr.SCOP": fr.SCOP_MEMBERSHIP,
    "qc.WORK": qc.WORK_MEMBERSHIP,
    "qc.MEMBERSHIP": qc.MEMBERSHIP,
    "plain": MembershipRules(
        transitions=(
            Transition(Status.NONE, EventKind.ADMITTED),
            Transition(Status.MEMBER, EventKind.RESIGNED),
        )
    ),
}


def old_check_history(
    history: History, rules: MembershipRules, as_of: date
) -> tuple[Violation, ...]:
    """`check_history()` as it was: the history so far rebuilt at every event."""
    violations: list[Violation] = []
    replayed = History.of(history.subject)
    general = rules.general_citation
    for event in history.events:
        if event.date > as_of:
            break
        last = replayed.dates[-1] if replayed.dates else None
        source, transition, problems = membership._problems(
            lambda before=replayed: before, event, rules, replayed.current, last
        )
        target = membership._replay((*replayed.events, event))[0][-1]
        violations.extend(
            Violation(
                code="membership.illegal_transition",
                severity=Severity.ERROR,
                subject=history.subject,
                message=Text(
                    "{date}: {source} -> {target} on {kind}: {problem}.",
                    date=event.date,
                    source=source.value,
                    target=target.value,
                    kind=event.kind.value,
                    problem=problem,
                ),
                citation=(
                    transition.citation
                    if transition is not None and transition.citation is not None
                    else general
                ),
            )
            for problem in problems
        )
        replayed = History.of(history.subject, (*replayed.events, event))
    for check in rules.checks:
        violations.extend(check(replayed, as_of))
    return tuple(violations)


START = date(2020, 1, 1)
CATEGORIES = (None, None, "worker", "user", "entrepreneur", "supporter", "bogus")


@st.composite
def decisions(draw: st.DrawFn, day: date) -> Decision | None:
    if not draw(st.booleans()):
        return None
    cast = draw(st.integers(0, 12))
    return Decision(
        body=draw(st.sampled_from(("board", "general_meeting"))),
        date=day - timedelta(days=draw(st.integers(0, 60))),
        votes_for=draw(st.integers(0, cast)),
        votes_cast=cast,
        present=draw(st.none() | st.integers(0, 12)),
        notice_given=draw(st.none() | st.just(day - timedelta(days=40))),
        reasons_sent=draw(st.none() | st.just(day + timedelta(days=3))),
        grounds=draw(st.none() | st.just("serious breach")),
    )


@st.composite
def events(draw: st.DrawFn, day: date) -> Event:
    kind = draw(st.sampled_from(tuple(EventKind)))
    end = None
    if kind is EventKind.LEAVE_STARTED and draw(st.booleans()):
        end = day + timedelta(days=draw(st.integers(1, 400)))
    trial_end = None
    if kind is EventKind.EMPLOYED and draw(st.booleans()):
        trial_end = day + timedelta(days=draw(st.integers(1, 200)))
    return Event(
        kind,
        day,
        category=draw(st.sampled_from(CATEGORIES)),
        months=draw(st.integers(1, 18)) if kind is EventKind.EXTENDED else None,
        reason=draw(st.none() | st.just("moved")),
        decision=draw(decisions(day)),
        end=end,
        trial_end=trial_end,
    )


@st.composite
def any_histories(draw: st.DrawFn) -> History:
    """Any kinds in any order, dated in order (several on a day, sometimes)."""
    day = START
    drawn = []
    for _ in range(draw(st.integers(0, 9))):
        day += timedelta(days=draw(st.sampled_from((0, 1, 30, 200, 400, 700))))
        drawn.append(draw(events(day)))
    return History.of("m", drawn)


@st.composite
def unordered_histories(draw: st.DrawFn) -> History:
    """A `History` built by hand with its events out of date order (nothing sorts them)."""
    drawn = [
        draw(events(START + timedelta(days=draw(st.integers(0, 2000)))))
        for _ in range(draw(st.integers(1, 8)))
    ]
    statuses, categories = membership._replay(tuple(drawn))
    return History("m", tuple(drawn), tuple(e.date for e in drawn), statuses, categories)


@st.composite
def legal_then_noise(draw: st.DrawFn, rules: MembershipRules) -> History:
    """A legal history, sometimes with events of any kind inserted among its own."""
    legal = draw(cst.histories(rules, start=START))
    extra = [
        draw(events(START + timedelta(days=draw(st.integers(0, 3000)))))
        for _ in range(draw(st.integers(0, 3)))
    ]
    return History.of("m", (*legal.events, *extra))


AS_OF = st.sampled_from((date(2019, 12, 31), date(2021, 6, 30), date(2024, 1, 1), date(2040, 1, 1)))
NAMES = st.sampled_from(sorted(RULES))


@settings(max_examples=300, deadline=None)
@given(NAMES, any_histories(), AS_OF)
def test_the_same_violations_as_the_old_replay_on_any_history(name, history, as_of):
    rules = RULES[name]
    assert check_history(history, rules, as_of) == old_check_history(history, rules, as_of)


@settings(max_examples=200, deadline=None)
@given(NAMES, unordered_histories(), AS_OF)
def test_the_same_violations_on_a_history_out_of_date_order(name, history, as_of):
    rules = RULES[name]
    assert check_history(history, rules, as_of) == old_check_history(history, rules, as_of)


@settings(max_examples=200, deadline=None)
@given(st.data(), NAMES, AS_OF)
def test_the_same_violations_on_legal_histories_and_late_mistakes(data, name, as_of):
    rules = RULES[name]
    history = data.draw(legal_then_noise(rules))
    assert check_history(history, rules, as_of) == old_check_history(history, rules, as_of)


def test_a_late_event_is_reported_and_placed_in_date_order():
    """Out of order, the step's target is the status after the event added at the end."""
    rules = RULES["plain"]
    history = History(
        "m",
        (
            Event(EventKind.ADMITTED, date(2021, 1, 1)),
            Event(EventKind.RESIGNED, date(2022, 1, 1)),
            Event(EventKind.ADMITTED, date(2021, 6, 1)),
        ),
        (date(2021, 1, 1), date(2022, 1, 1), date(2021, 6, 1)),
        (Status.MEMBER, Status.RESIGNED, Status.MEMBER),
        (None, None, None),
    )
    (late, illegal) = check_history(history, rules, date(2030, 1, 1))
    assert late.message.en.startswith(
        "2021-06-01: resigned -> member on admitted: the event is dated"
    )
    assert "allows no admitted in status resigned" in illegal.message.en
    assert (late, illegal) == old_check_history(history, rules, date(2030, 1, 1))


def test_a_condition_sees_the_history_before_the_event():
    seen: list[History] = []

    def condition(context: membership.TransitionContext) -> Text | None:
        seen.append(context.history)
        return None

    rules = MembershipRules(
        transitions=(
            Transition(Status.NONE, EventKind.ADMITTED),
            Transition(Status.MEMBER, EventKind.RESIGNED, conditions=(condition,)),
        )
    )
    admitted = Event(EventKind.ADMITTED, date(2021, 1, 1), category="worker")
    resigned = Event(EventKind.RESIGNED, date(2022, 1, 1))
    assert check_history(History.of("m", (admitted, resigned)), rules, date(2030, 1, 1)) == ()
    assert seen == [History.of("m", (admitted,))]
    assert seen[0].kinds == (EventKind.ADMITTED,)
    assert membership.status_at(seen[0], date(2021, 1, 1)) is Status.MEMBER
