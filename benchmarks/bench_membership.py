"""Time the membership register queries against the fastest bare loops over the same data.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_membership.py                  # 1,000,000 members, both queries
    python benchmarks/bench_membership.py --query statuses --n 100000 --rounds 9
    python benchmarks/bench_membership.py --quick          # a smoke run, 2,000 members
    python benchmarks/bench_membership.py --n 100000 --profile   # + cProfile of the query (b)

It draws ``--n`` members from a seeded generator, each with about five events dated over
2023-2026 in a realistic mix for a Belgian *coopérative d'activités*: applied, convention signed,
zero to two sick or parental leaves (started, ended; a few still open), then exited, admitted
(sometimes followed by a resignation), died, or still a candidate. Then, on one date:

a) ``statuses``: the status of every member, with :func:`cooprules.membership.status_at` (target
   at most 1.3x the baseline, issue 16) and with the streaming
   :func:`cooprules.membership.statuses_on` (which also checks ids are unique), beside the bare
   loop :func:`bare_statuses` and a numpy floor;
b) ``deadlines``: the conventions whose last day falls within 30 days, with
   :func:`cooprules.membership.deadlines_within` under ``be.ACTIVITY_MEMBERSHIP`` (target at most
   1.5x), beside the bare loop :func:`bare_deadlines` (no numpy floor: see :func:`main`).

The bare loops read the register as columns built before the clock starts, as the library's
``History`` keeps its dates, kinds and status table built when it is made: per member, the days as
ordinals (``date.toordinal()``), the event kinds as small integer codes and the status after each
event. Every variant's answer is checked equal before anything is timed; then the variants run in
alternating rounds on the CPU clock (see ``timing.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
from bisect import bisect_left, bisect_right
from datetime import date, timedelta
from itertools import repeat
from operator import getitem
from typing import Any

from cooprules.membership import (
    Event,
    EventKind,
    Member,
    Status,
    deadlines_within,
    status_at,
    statuses_on,
)
from cooprules_adapters.be import membership as be
from timing import (
    Variant,
    add_arguments,
    compare,
    freeze,
    numpy_or_none,
    report,
    rounds_of,
    unfreeze,
)
from timing import run_main as _run_main

E = EventKind
ONE_DAY = timedelta(days=1)
FIRST_DAY = date(2023, 1, 1)
LAST_DAY = date(2026, 12, 31)
CONVENTION_MONTHS = 18
CLOSING = frozenset({E.EXITED, E.ADMITTED, E.DIED})

# The statuses each event kind leads to, written out again for the bare replay.
BARE_TARGETS = {
    E.APPLIED: Status.APPLICANT,
    E.CONVENTION_SIGNED: Status.CANDIDATE_ENTREPRENEUR,
    E.EMPLOYED: Status.ENTREPRENEUR_EMPLOYEE,
    E.TRIAL_STARTED: Status.AUXILIARY,
    E.ADMITTED: Status.MEMBER,
    E.ADMITTED_SUPPORTING: Status.SUPPORTING_MEMBER,
    E.SUSPENDED: Status.SUSPENDED,
    E.RESIGNED: Status.RESIGNED,
    E.EXCLUDED: Status.EXCLUDED,
    E.DIED: Status.DECEASED,
    E.EXITED: Status.EXITED,
}


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


def _events(rng: random.Random) -> list[tuple[EventKind, date]]:
    """One person's events: a seeded, realistic path through an activity co-op."""
    span = (LAST_DAY - FIRST_DAY).days
    day = FIRST_DAY + timedelta(days=rng.randrange(span - 200))
    events = [(E.APPLIED, day)]
    if rng.random() < 0.08:  # admitted straight away as a shareholder
        day += timedelta(days=rng.randint(10, 90))
        events.append((E.ADMITTED, day))
        return events
    day += timedelta(days=rng.randint(7, 60))
    events.append((E.CONVENTION_SIGNED, day))
    for chance in (0.85, 0.45):  # a first leave, then sometimes a second
        if rng.random() >= chance:
            break
        day += timedelta(days=rng.randint(20, 240))
        events.append((E.LEAVE_STARTED, day))
        if rng.random() < 0.03:  # still on leave: no end recorded
            return [e for e in events if e[1] <= LAST_DAY]
        day += timedelta(days=rng.randint(5, 120))
        events.append((E.LEAVE_ENDED, day))
    roll = rng.random()
    if roll < 0.38:
        day += timedelta(days=rng.randint(30, 500))
        events.append((E.EXITED, day))
    elif roll < 0.73:
        day += timedelta(days=rng.randint(30, 500))
        events.append((E.ADMITTED, day))
        if rng.random() < 0.3:
            day += timedelta(days=rng.randint(60, 700))
            events.append((E.RESIGNED, day))
    elif roll < 0.74:
        day += timedelta(days=rng.randint(30, 500))
        events.append((E.DIED, day))
    # else: still a candidate entrepreneur
    return [e for e in events if e[1] <= LAST_DAY]


def build(n: int, seed: int) -> list[Member]:
    """``n`` members with seeded random histories."""
    rng = random.Random(seed)
    return [
        Member.of(f"m{i:07d}", [Event(kind, day) for kind, day in _events(rng)]) for i in range(n)
    ]


# ---------------------------------------------------------------------------------------------
# (a) status on a date
# ---------------------------------------------------------------------------------------------


def bare_replay(kinds: list[EventKind]) -> list[Status]:
    """The status after each event, replayed as plainly as possible."""
    statuses = []
    status = before = Status.NONE
    for kind in kinds:
        if kind is E.REINSTATED:
            if status is Status.SUSPENDED:
                status = before
        elif kind in BARE_TARGETS:
            target = BARE_TARGETS[kind]
            if target is Status.SUSPENDED and status is not Status.SUSPENDED:
                before = status
            status = target
        statuses.append(status)
    return statuses


CODE = {kind: code for code, kind in enumerate(EventKind)}
SIGNED = CODE[E.CONVENTION_SIGNED]
LEAVE_STARTED = CODE[E.LEAVE_STARTED]
LEAVE_ENDED = CODE[E.LEAVE_ENDED]
CLOSING_CODES = frozenset(CODE[kind] for kind in CLOSING)
DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
STATUS_TARGET = 1.3
DEADLINE_TARGET = 1.5

Columns = list[tuple[str, list[int], list[int], list[Status]]]
"""Per member: id, the days of its events as ordinals, their kind codes, the status table
(``NONE``, then the status after each event)."""


def columns(members: list[Member]) -> Columns:
    """The bare loops' copy of the register (built before the clock starts, independently)."""
    table = []
    for member in members:
        events = member.history.events
        if any(e.kind is E.EXTENDED for e in events):  # pragma: no cover - never drawn
            raise ValueError("the bare deadline loop does not handle extensions")
        kinds = [e.kind for e in events]
        table.append(
            (
                member.id,
                [e.date.toordinal() for e in events],
                [CODE[kind] for kind in kinds],
                [Status.NONE, *bare_replay(kinds)],
            )
        )
    return table


# ---------------------------------------------------------------------------------------------
# (a) status on a date
# ---------------------------------------------------------------------------------------------


def bare_statuses(
    ids: list[str], days: list[list[int]], tables: list[list[Status]], day: int
) -> list[tuple[str, Status]]:
    """``(id, status)`` for every member: a bisect and an index, as fast as pure Python does it.

    Why this form (measured on 200,000 members, CPU clock): the work per member is one bisect
    over its few event days and one index into its status table, which starts with ``NONE`` so
    that no branch is needed for a member with no event yet. ``map(bisect_right, days,
    repeat(day))`` and ``map(getitem, ...)`` run the loop in C; a ``for`` loop with a bound
    ``append`` measured the same within the noise (the time goes to reading a million scattered
    lists, not to the interpreter), and so did one flat column of days bisected between each
    member's bounds. Ordinals and ``date`` objects compare at the same speed here (the reference
    variant); ordinals are kept because the deadline loop computes with them.
    """
    return list(zip(ids, map(getitem, tables, map(bisect_right, days, repeat(day))), strict=True))


def numpy_statuses(np: Any, flat: Any, ends: Any, day: int) -> Any:
    """The status code of every member from flat columns (every member has at least one event).

    ``flat`` holds every member's event days one member after the other (each member's sorted),
    ``ends`` the offset after each member's last event. The count of events on or before the day
    is one ``cumsum`` of the mask read at the members' ends; the status table index is the
    member's offset plus that count (the flat status table holds ``NONE`` before each member's
    statuses, so its offsets are shifted by one per member).
    """
    before = np.concatenate(([0], np.cumsum(flat <= day)))
    starts = np.concatenate(([0], ends[:-1]))
    counts = before[ends] - before[starts]
    return starts + np.arange(len(ends)) + counts  # the index in the flat status table


# ---------------------------------------------------------------------------------------------
# (b) conventions ending within N days
# ---------------------------------------------------------------------------------------------


def _end_after_months(start: date) -> int:
    """The first day no longer covered (an ordinal): the same date 18 months later, or the day
    after the month's end when that date does not exist there (31 August 2025 -> 1 March 2027)."""
    month = start.month + CONVENTION_MONTHS - 1
    year = start.year + month // 12
    month = month % 12 + 1
    last = DAYS_IN_MONTH[month]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        last = 29
    if start.day <= last:
        return date(year, month, start.day).toordinal()
    return date(year, month, last).toordinal() + 1


def bare_deadlines(table: Columns, day: date, days: int) -> list[tuple[str, date]]:  # noqa: C901, PLR0912
    """``(id, last day)`` of the open conventions whose last day is in ``[day, day + days]``.

    Why this form (the fastest found, on a million members):

    * days as ordinals and kinds as integer codes: bisects compare ints, and the test for a
      closing event after the convention's start is ``CLOSING_CODES.isdisjoint(codes[i:])``, one
      C call hashing ints (``EventKind`` members hash in Python, through ``Enum.__hash__``, which
      is why the library tests them with ``in`` on the tuple of kinds, by identity in C);
    * the date 18 months on by hand (year and month by ``divmod``-like arithmetic, the month's
      length from a table), built only for the members whose convention is still open: about 9x
      cheaper than ``date + relativedelta(months=18)`` (0.36 against 3.3 us a call), which the old
      benchmark used (the library now does the same, ``periods.add_months_unchecked``);
    * the leave periods read only when a ``LEAVE_STARTED`` code is there (``in`` on a list of
      ints runs in C), pushed as ``push_deadline_bounds`` does, in ordinals.
    """
    today = day.toordinal()
    horizon = today + days
    signed, started, ended, closing = SIGNED, LEAVE_STARTED, LEAVE_ENDED, CLOSING_CODES
    fromordinal = date.fromordinal
    out = []
    for member_id, ordinals, codes, _ in table:
        j = bisect_right(ordinals, today) - 1
        while j >= 0 and codes[j] != signed:
            j -= 1
        if j < 0:
            continue
        start = ordinals[j]
        if not closing.isdisjoint(codes[bisect_left(ordinals, start) :]):
            continue
        end = _end_after_months(fromordinal(start))
        if started in codes:
            leaves = []
            opened = None
            for k, code in enumerate(codes):
                if code == started and opened is None:
                    opened = ordinals[k]
                elif code == ended and opened is not None:
                    leaves.append((opened, max(opened, ordinals[k])))
                    opened = None
            if opened is not None and today > opened:
                leaves.append((opened, today))
            covered = start
            for first_day, stop in sorted(leaves):
                if stop <= start:
                    continue
                first = max(first_day, covered)
                if first >= end:
                    break
                if stop <= first:
                    continue
                end += stop - first
                covered = stop
        last = end - 1
        if today <= last <= horizon:
            out.append((member_id, fromordinal(last)))
    return out


def library_deadlines(members: list[Member], day: date, days: int) -> list[tuple[str, date]]:
    return [
        (o.subject, o.due) for o in deadlines_within(members, day, days, be.ACTIVITY_MEMBERSHIP)
    ]


# ---------------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------------


def profile(members: list[Member], day: date, days: int, top: int) -> None:
    """Print the cProfile of the library side of (b), by internal time."""
    profiler = cProfile.Profile()
    profiler.enable()
    library_deadlines(members, day, days)
    profiler.disable()
    stats = pstats.Stats(profiler, stream=sys.stdout)
    stats.sort_stats("tottime").print_stats(top)


def statuses_variants(members: list[Member], table: Columns, day: date) -> list[Variant]:
    ids = [member_id for member_id, _, _, _ in table]
    ordinals = [days for _, days, _, _ in table]
    tables = [statuses for _, _, _, statuses in table]
    dates = [list(m.history.dates) for m in members]
    histories = [m.history for m in members]
    today = day.toordinal()
    variants = [
        Variant(
            "bare map(bisect) + index, ordinals",
            lambda: bare_statuses(ids, ordinals, tables, today),
        ),
        Variant(
            "bare, on date objects (ref.)",
            lambda: list(
                zip(ids, map(getitem, tables, map(bisect_right, dates, repeat(day))), strict=True)
            ),
        ),
        Variant(
            "status_at per member (library)",
            lambda: list(zip(ids, map(status_at, histories, repeat(day)), strict=True)),
            target=STATUS_TARGET,
        ),
        Variant("statuses_on (stream, unique ids)", lambda: list(statuses_on(members, day))),
    ]
    np = numpy_or_none()
    if np is not None:
        flat = np.array([d for days in ordinals for d in days], dtype=np.int64)
        ends = np.cumsum([len(days) for days in ordinals])
        flat_tables = [status for statuses in tables for status in statuses]
        variants.append(
            Variant(
                "numpy int64 (the floor)",
                lambda: numpy_statuses(np, flat, ends, today),
                normalise=lambda index: list(
                    zip(ids, map(flat_tables.__getitem__, index.tolist()), strict=True)
                ),
            )
        )
    return variants


def deadlines_variants(
    members: list[Member], table: Columns, day: date, days: int
) -> list[Variant]:
    return [
        Variant(
            "bare loop (ordinals, int codes)",
            lambda: bare_deadlines(table, day, days),
            normalise=sorted,
        ),
        Variant(
            "deadlines_within (library)",
            lambda: library_deadlines(members, day, days),
            normalise=sorted,
            target=DEADLINE_TARGET,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=None, help="members (default 1,000,000)")
    parser.add_argument("--query", choices=("statuses", "deadlines", "both"), default="both")
    parser.add_argument("--seed", type=int, default=20260630, help="seed of the histories")
    parser.add_argument("--day", type=date.fromisoformat, default=date(2025, 6, 30))
    parser.add_argument("--days", type=int, default=30, help="horizon of the deadline query")
    parser.add_argument("--profile", action="store_true", help="cProfile the library side of (b)")
    parser.add_argument("--top", type=int, default=25, help="profile lines to print")
    add_arguments(parser)
    args = parser.parse_args(argv)
    rounds = rounds_of(args, parser)
    n = args.n or (2_000 if args.quick else 1_000_000)
    if n < 1:
        parser.error("--n must be at least 1")

    members = build(n, args.seed)
    table = columns(members)
    event_count = sum(len(days) for _, days, _, _ in table)
    day = args.day
    print(
        f"members: {n:,} (seed {args.seed}), events: {event_count:,} "
        f"({event_count / n:.2f} per member); day {day.isoformat()}, horizon {args.days} days"
    )
    if args.profile:
        profile(members, day, args.days, args.top)
        return 0
    comparisons = []  # every input is built before the freeze, then nothing but the results
    if args.query in {"statuses", "both"}:
        comparisons.append(("statuses", statuses_variants(members, table, day)))
    if args.query in {"deadlines", "both"}:
        comparisons.append(("deadlines", deadlines_variants(members, table, day, args.days)))
    freeze()
    try:
        for name, variants in comparisons:
            timings = compare(name, variants, rounds)
            if name == "statuses":
                print(report("(a) statuses: every member's status on the day", timings, unit=n))
                continue
            found = len(bare_deadlines(table, day, args.days))
            print(
                f"(b) conventions ending within {args.days} days: {found:,}, identical (member,"
                " due) in both; no numpy floor: the leave periods push each deadline one after"
                " the other, a loop per member that numpy cannot vectorise as it stands"
            )
            print(report("(b) deadlines", timings, unit=n))
    finally:
        unfreeze()
    return 0


def run_main(argv: list[str] | None = None) -> int:
    return _run_main(main, argv)


if __name__ == "__main__":
    sys.exit(run_main())
