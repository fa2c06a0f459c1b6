"""Statuses over integer columns (issue 16.2): `status_columns()`, `statuses_at()`.

The columns (ordinal days, event kind codes) are replayed once by the same step as `History`;
the properties compare `statuses_at()` with `status_at()` on random histories and days.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.errors import InvalidInput, InvalidPeriod
from cooprules.membership import (
    EVENT_KINDS,
    STATUSES,
    Event,
    EventKind,
    History,
    Status,
    StatusColumns,
    status_at,
    status_columns,
    statuses_at,
)
from cooprules_adapters.be import membership as be

E = EventKind
DAYS = st.dates(min_value=date(2019, 6, 1), max_value=date(2031, 1, 1))


def columns_of(histories: list[History]) -> tuple[list[list[int]], list[list[int]]]:
    """The histories' events as plain integer lists, built independently of the library."""
    days = [[event.date.toordinal() for event in h.events] for h in histories]
    codes = [[list(EventKind).index(event.kind) for event in h.events] for h in histories]
    return days, codes


@settings(max_examples=300, deadline=None)
@given(st.lists(cst.histories(max_events=10), max_size=6), st.lists(DAYS, min_size=1, max_size=5))
def test_statuses_at_is_status_at_for_everyone(histories, days):
    """Any kinds in any order (suspensions, reinstatements, annotations), several on a day."""
    columns = status_columns(*columns_of(histories))
    assert columns == StatusColumns.of(histories)
    for day in days:
        codes = statuses_at(columns, day)
        assert [STATUSES[code] for code in codes] == [status_at(h, day) for h in histories]


@settings(max_examples=100, deadline=None)
@given(st.lists(cst.histories(be.ACTIVITY_MEMBERSHIP), max_size=6), DAYS)
def test_legal_histories_too(histories, day):
    columns = StatusColumns.of(histories)
    assert [STATUSES[c] for c in statuses_at(columns, day)] == [
        status_at(h, day) for h in histories
    ]


def test_a_suspension_and_its_reinstatement_by_hand():
    start = date(2024, 1, 1)
    kinds = (E.APPLIED, E.ADMITTED, E.SUSPENDED, E.SUSPENDED, E.LEAVE_STARTED, E.REINSTATED)
    day = [start.toordinal() + 10 * i for i in range(len(kinds))]
    code = [EVENT_KINDS.index(kind) for kind in kinds]
    columns = status_columns([day, []], [code, []])
    member, suspended = STATUSES.index(Status.MEMBER), STATUSES.index(Status.SUSPENDED)
    assert columns.lookup == (
        (0, STATUSES.index(Status.APPLICANT), member, suspended, suspended, suspended, member),
        (0,),
    )
    assert statuses_at(columns, start - timedelta(days=1)) == [0, 0]
    assert statuses_at(columns, start + timedelta(days=20)) == [suspended, 0]
    assert statuses_at(columns, start + timedelta(days=50)) == [member, 0]
    # Two events on one day: both have taken effect at its end.
    same_day = status_columns([[day[0], day[0]]], [[code[0], code[1]]])
    assert statuses_at(same_day, start) == [member]


def test_the_codes_are_the_positions_of_the_enums():
    assert EVENT_KINDS[0] is E.APPLIED
    assert STATUSES[0] is Status.NONE
    assert len(EVENT_KINDS) == len(EventKind)
    assert len(STATUSES) == len(Status)


@pytest.mark.parametrize(
    ("days", "codes", "field", "value"),
    [
        ([[1, 2]], [[0]], "codes[0]", 1),
        ([[1], [2]], [[0]], "codes", 1),
        ([[5, 4]], [[0, 4]], "days[0][1]", 4),
        ([[1, 2.0]], [[0, 4]], "days[0][1]", 2.0),
        ([[1, True]], [[0, 4]], "days[0][1]", True),
        ([[1, 2]], [[0, len(EventKind)]], "codes[0][1]", len(EventKind)),
        ([[1, 2]], [[0, -1]], "codes[0][1]", -1),
        ([[1, 2]], [[0, "admitted"]], "codes[0][1]", "admitted"),
        (7, [[0]], "days", 7),
        ([[1]], None, "codes", None),
        ([[1], 5], [[0], [0]], "days[1]", 5),
        ([[1]], [{0}], "codes[0]", {0}),
    ],
)
def test_bad_columns_are_refused_by_person_and_position(days, codes, field, value):
    with pytest.raises(InvalidInput) as caught:
        status_columns(days, codes)
    assert (caught.value.field, caught.value.value) == (field, value)


def test_a_day_that_is_not_a_date_is_refused():
    columns = StatusColumns.of([History.of("m", [Event(E.APPLIED, date(2024, 1, 1))])])
    with pytest.raises(InvalidPeriod) as caught:
        statuses_at(columns, date(2024, 1, 1).toordinal())  # type: ignore[arg-type]
    assert caught.value.field == "day"


@pytest.mark.parametrize(
    ("days", "codes", "reason"),
    [
        ([[5, 4]], [[0, 4]], "expected ordinal days (ints) in date order"),
        ([[1, 2]], [[0, -1]], f"expected an event kind code 0..{len(EVENT_KINDS) - 1}"),
        (
            [[1, 2]],
            [[0, len(EVENT_KINDS)]],
            f"expected an event kind code 0..{len(EVENT_KINDS) - 1}",
        ),
    ],
)
def test_bad_columns_say_what_was_expected(days, codes, reason):
    with pytest.raises(InvalidInput) as caught:
        status_columns(days, codes)
    assert caught.value.reason == reason


def test_an_event_ending_before_it_starts_names_its_end():
    with pytest.raises(InvalidPeriod) as caught:
        Event(EventKind.ADMITTED, date(2025, 3, 1), end=date(2025, 2, 1))
    assert (caught.value.field, caught.value.value) == ("event.end", date(2025, 2, 1))
    assert caught.value.reason == "is not after 2025-03-01"


def test_an_event_date_that_is_not_a_date_is_named():
    with pytest.raises(InvalidInput) as caught:
        Event(EventKind.ADMITTED, "2025-03-01")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("event.date", "2025-03-01")
