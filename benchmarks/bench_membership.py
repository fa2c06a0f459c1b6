"""Time the membership register queries against bare loops over the same data.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_membership.py                  # 1,000,000 members, best of 3
    python benchmarks/bench_membership.py --n 100000 --repeat 5
    python benchmarks/bench_membership.py --n 100000 --profile   # + cProfile of the query (b)

It draws ``--n`` members from a seeded generator, each with about five events dated over
2023-2026 in a realistic mix for a Belgian *coopérative d'activités*: applied, convention signed,
zero to two sick or parental leaves (started, ended; a few still open), then exited, admitted
(sometimes followed by a resignation), died, or still a candidate. Then, on one date:

a) the status of every member, with :func:`cooprules.membership.status_at` (and with the
   streaming :func:`cooprules.membership.statuses_on`, which also checks ids are unique), beside a
   bare loop doing ``bisect_right(sorted_dates, day)`` and indexing a list of statuses that a plain
   replay of the same events precomputed;
b) the conventions whose last day falls within 30 days, with
   :func:`cooprules.membership.deadlines_within` under ``be.ACTIVITY_MEMBERSHIP``, beside a bare
   loop that does the same thing plainly: last ``CONVENTION_SIGNED`` on or before the day (bisect
   over the member's dates), last day the eve of ``start + relativedelta(months=18)`` (the last
   day of that month when the date does not exist there: 31 August 2025 gives 28 February 2027)
   pushed back by the member's leave days, skipped when an exit, an admission or a death ended
   the convention.

It checks that both sides give the same answers, and prints the best-of-``--repeat`` times and
the ratios library/bare. The data are built first and then frozen out of the garbage collector's
reach (``gc.freeze()``), so that a full collection over millions of long-lived objects does not
land in one loop's timing at random. Nothing here asserts a timing: the figures are for reading.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import sys
import time
from bisect import bisect_left, bisect_right
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

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
from timing import best_of

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


def bare_statuses(
    table: list[tuple[str, list[date], list[Status]]], day: date
) -> list[tuple[str, Status]]:
    """``(id, status)`` for every member: a bisect and an index."""
    out = []
    for member_id, dates, statuses in table:
        i = bisect_right(dates, day)
        out.append((member_id, statuses[i - 1] if i else Status.NONE))
    return out


def library_status_at(members: list[Member], day: date) -> list[tuple[str, Status]]:
    """``(id, status)`` for every member: one :func:`status_at` call each, same loop shape."""
    out = []
    for member in members:
        out.append((member.id, status_at(member.history, day)))  # noqa: PERF401 - as the bare loop
    return out


def library_statuses_on(members: list[Member], day: date) -> list[tuple[str, Status]]:
    return list(statuses_on(members, day))


# ---------------------------------------------------------------------------------------------
# (b) conventions ending within N days
# ---------------------------------------------------------------------------------------------


def bare_deadlines(  # noqa: C901, PLR0912 - one plain loop on purpose: the reference
    table: list[tuple[str, list[date], list[EventKind]]], day: date, days: int
) -> list[tuple[str, date]]:
    """``(id, last day)`` of the open conventions whose last day is in ``[day, day + days]``."""
    horizon = day + timedelta(days=days)
    months = relativedelta(months=CONVENTION_MONTHS)
    out = []
    for member_id, dates, kinds in table:
        j = bisect_right(dates, day) - 1  # the last event on or before the day
        while j >= 0 and kinds[j] is not E.CONVENTION_SIGNED:
            j -= 1
        if j < 0:
            continue
        start = dates[j]
        ended = False
        for k in range(bisect_left(dates, start), len(kinds)):
            if k != j and kinds[k] in CLOSING:
                ended = True
                break
        if ended:
            continue
        # The first day no longer covered: the same date 18 months later (the last day is its
        # eve); when that date does not exist (31 February), the day after the month's end.
        end = start + months
        if end.day != start.day:
            end += ONE_DAY
        # Leave periods [started, ended), an open one running to the day; each pushes the end.
        leaves = []
        opened = None
        for k, kind in enumerate(kinds):
            if kind is E.LEAVE_STARTED and opened is None:
                opened = dates[k]
            elif kind is E.LEAVE_ENDED and opened is not None:
                leaves.append((opened, max(opened, dates[k])))
                opened = None
        if opened is not None and day > opened:
            leaves.append((opened, day))
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
        last = max(start, end - ONE_DAY)
        if day <= last <= horizon:
            out.append((member_id, last))
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of members")
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant; best is kept")
    parser.add_argument("--seed", type=int, default=20260630, help="seed of the histories")
    parser.add_argument("--day", type=date.fromisoformat, default=date(2025, 6, 30))
    parser.add_argument("--days", type=int, default=30, help="horizon of the deadline query")
    parser.add_argument("--profile", action="store_true", help="cProfile the library side of (b)")
    parser.add_argument("--top", type=int, default=25, help="profile lines to print")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    started = time.perf_counter()
    members = build(args.n, args.seed)
    built = time.perf_counter() - started
    event_count = sum(len(m.history.events) for m in members)
    # The bare side's own copies of the data: plain lists, statuses replayed independently.
    status_table = []
    kind_table = []
    for m in members:
        dates = [e.date for e in m.history.events]
        kinds = [e.kind for e in m.history.events]
        status_table.append((m.id, dates, bare_replay(kinds)))
        kind_table.append((m.id, dates, kinds))

    # Five million long-lived objects would make every full collection of the cyclic garbage
    # collector a long pause inside whichever loop triggers it; freeze them (as timeit disables
    # the collector) so both sides pay only for the garbage they make themselves.
    gc.collect()
    gc.freeze()
    day = args.day
    print(
        f"members: {args.n:,} (seed {args.seed}), events: {event_count:,} "
        f"({event_count / args.n:.2f} per member), built in {built:.1f} s"
    )
    print(f"day: {day.isoformat()}, horizon: {args.days} days, best of {args.repeat}")

    # Query (a): every member's status on the day.
    bare_a, bare_a_result = best_of(args.repeat, lambda: bare_statuses(status_table, day))
    lib_a, lib_a_result = best_of(args.repeat, lambda: library_status_at(members, day))
    stream_a, stream_a_result = best_of(args.repeat, lambda: library_statuses_on(members, day))
    if not (lib_a_result == stream_a_result == bare_a_result):
        print("MISMATCH: status_at, statuses_on and the bare loop disagree", file=sys.stderr)
        return 1
    print("(a) status of every member on the day; identical answers: yes")
    print(f"    bare bisect + index           {bare_a:8.3f} s   1.00x")
    print(f"    status_at per member          {lib_a:8.3f} s   {lib_a / bare_a:.2f}x")
    print(f"    statuses_on (stream, ids)     {stream_a:8.3f} s   {stream_a / bare_a:.2f}x")

    # Query (b): the conventions ending within the horizon.
    bare_b, bare_b_result = best_of(args.repeat, lambda: bare_deadlines(kind_table, day, args.days))
    lib_b, lib_b_result = best_of(args.repeat, lambda: library_deadlines(members, day, args.days))
    if set(lib_b_result) != set(bare_b_result) or len(lib_b_result) != len(bare_b_result):
        only_lib = sorted(set(lib_b_result) - set(bare_b_result))[:5]
        only_bare = sorted(set(bare_b_result) - set(lib_b_result))[:5]
        print(
            f"MISMATCH: deadlines_within and the bare loop disagree: library only {only_lib}, "
            f"bare only {only_bare}",
            file=sys.stderr,
        )
        return 1
    print(
        f"(b) conventions ending within {args.days} days: {len(lib_b_result):,}; "
        "identical (member, due) sets: yes"
    )
    print(f"    bare loop                     {bare_b:8.3f} s   1.00x")
    print(f"    deadlines_within              {lib_b:8.3f} s   {lib_b / bare_b:.2f}x")
    print(f"ratio library/bare: status_at {lib_a / bare_a:.2f}, deadlines {lib_b / bare_b:.2f}")

    if args.profile:
        profile(members, day, args.days, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
