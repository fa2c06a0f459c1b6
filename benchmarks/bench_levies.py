"""Time cooprules.levies.levy_years against the fastest bare integer loop, and numpy.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_levies.py                       # 83,334 activities x 12 months
    python benchmarks/bench_levies.py --activities 10000 --rounds 9
    python benchmarks/bench_levies.py --quick               # a smoke run, 200 activities
    python benchmarks/bench_levies.py --activities 5000 --profile   # cProfile of the library side

It draws, from a seeded generator, a year of monthly revenue and direct costs (in cents) for each
activity, about one month in twelve with a negative margin, and levies them with a banded
year-to-date marginal schedule with a monthly floor and a yearly cap:

    12 % of the year's gross margin up to 20,000 EUR, 10 % up to 40,000 EUR, 8 % above;
    at least 40 EUR a month; at most 4,000 EUR a year.

Variants, on the same data built before the clock starts:

1. the bare loop (the baseline): :func:`bare`, integer cents, the schedule as data (band starts,
   rates, the cumulative levy at each band start), one bisect per month; its docstring gives the
   reasoning;
2. the same loop with this schedule's three bands written into the code (:func:`bare_inlined`):
   shown for reference, it is the fastest form but it is not a schedule engine;
3. the library: :func:`cooprules.levies.levy_years` over all activities (a statement per month,
   explanations on demand, every check); target at most 1.5x the baseline (issue 16);
4. numpy on ``int64`` matrices (activities x 12): the floor.

Every variant's levy of every month and total of every activity are checked equal before anything
is timed; then the variants run in alternating rounds on the CPU clock (see ``timing.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
from bisect import bisect_right
from datetime import date
from typing import Any

from cooprules.levies import (
    Activity,
    ActivityKind,
    Banding,
    Base,
    BasePeriod,
    LevyPolicy,
    LevyYear,
    Line,
    Schedule,
    levy_columns,
    levy_years,
    month_periods,
)
from cooprules.money import from_minor_units, money
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

TARGET = 1.5

YEAR = 2025
BANDS = (("0", "12%"), ("20000", "10%"), ("40000", "8%"))
FLOOR = "40.00"
CAP = "4000.00"

SCHEDULE = Schedule.banded(
    BANDS,
    base=Base.GROSS_MARGIN,
    banding=Banding.MARGINAL,
    base_period=BasePeriod.YEAR_TO_DATE,
    minimum_per_period=money(FLOOR, "EUR"),
    maximum_per_year=money(CAP, "EUR"),
    name="bench: 12/10/8 % of the year's margin, floor 40, cap 4,000",
    currency="EUR",
)

Data = list[list[tuple[int, int]]]


def draw(activities: int, seed: int) -> Data:
    """Revenue and direct costs in cents, 12 months per activity; ~1 month in 12 is a loss."""
    rng = random.Random(seed)
    data = []
    for _ in range(activities):
        months = []
        for _ in range(12):
            revenue = rng.randint(0, 600_000)
            costs = rng.randint(0, revenue // 2) if rng.random() > 1 / 12 else revenue + 50_000
            months.append((revenue, costs))
        data.append(months)
    return data


def build_library_input(data: Data) -> list[tuple[Activity, list[Line]]]:
    periods = month_periods(YEAR)
    start = date(YEAR, 1, 1)
    result = []
    for index, months in enumerate(data):
        ident = f"a{index}"
        activity = Activity(
            ident, owner=ident, kind=ActivityKind.SERVICES, start=start, currency="EUR"
        )
        lines = [
            Line(ident, period, from_minor_units(r, "EUR"), from_minor_units(c, "EUR"))
            for period, (r, c) in zip(periods, months, strict=True)
        ]
        result.append((activity, lines))
    return result


# The schedule as data, in integers, for the bare loop and numpy: band starts in cents, rates in
# percent (one common denominator, 100), and the cumulative levy of the bands at each start (in
# cent-percent), so that the levy of a year-to-date base is one bisect and one product.
STARTS = [0, 2_000_000, 4_000_000]
RATES = [12, 10, 8]
DENOMINATOR = 100
CUMULATIVE = [0]
for _i in range(1, len(STARTS)):
    CUMULATIVE.append(CUMULATIVE[-1] + (STARTS[_i] - STARTS[_i - 1]) * RATES[_i - 1])
FLOOR_UNITS = 4_000
CAP_UNITS = 400_000

Levies = tuple[list[int], list[int]]
"""Each activity's yearly levy, and every month's levy (activity by activity, month by month)."""


def library(items: list[tuple[Activity, list[Line]]]) -> list[LevyYear]:
    return list(levy_years(items, LevyPolicy.single(SCHEDULE), YEAR))


def library_levies(years: list[LevyYear]) -> Levies:
    """The library's result in the bare loop's shape (outside the timing)."""
    totals = [year.total_units for year in years]
    months = [statement.units[7] for year in years for statement in year.periods]
    return totals, months


def columns_levies(result: Any) -> Levies:
    """`levy_columns`' result in the bare loop's shape (outside the timing)."""
    return result.totals, [levy for levies in result.levies for levy in levies]


def bare(data: Data) -> Levies:
    """The same levies as fast as pure Python does them with the schedule as data (the baseline).

    Why this form (measured on 83,334 activities, CPU clock):

    * integers throughout: amounts in cents, rates over one denominator, half-up rounding as one
      floor division (``(x + 50) // 100``). The old benchmark's loop on ``Decimal`` was 3.6x
      slower than this one (20,000 activities, same process), which is how it flattered the
      library (1.3x against it in the old figures, 9.3x against this one);
    * the marginal bands by one ``bisect_right`` over the band starts and the cumulative levy
      precomputed at each start, instead of a loop over the bands;
    * the nested loop over each activity's twelve ``(revenue, costs)`` pairs, every name it reads
      a local; a flat pair of columns with a month counter to reset the year was 10 % slower;
    * every month's levy is appended to the output (the library's result holds each month's
      statement: the output is the same information, in integers);
    * the floor and the cap by comparisons, not ``max``/``min`` calls.
    """
    starts, rates, cumulative = STARTS, RATES, CUMULATIVE
    floor, cap, bisect = FLOOR_UNITS, CAP_UNITS, bisect_right
    totals: list[int] = []
    months: list[int] = []
    month = months.append
    for activity in data:
        ytd = previous = levied = 0
        for revenue, costs in activity:
            margin = revenue - costs
            if margin > 0:
                ytd += margin
            band = bisect(starts, ytd) - 1
            bands = (cumulative[band] + (ytd - starts[band]) * rates[band] + 50) // 100
            amount = bands - previous
            previous = bands
            amount = max(amount, floor)
            room = cap - levied
            amount = min(amount, room)
            levied += amount
            month(amount)
        totals.append(levied)
    return totals, months


def bare_inlined(data: Data) -> Levies:
    """:func:`bare` with this schedule's three bands written as an ``if`` chain (for reference).

    About 30 % faster than :func:`bare`, but it is code for one schedule, not a schedule engine:
    the library takes the schedule as data, so the baseline does too.
    """
    floor, cap = FLOOR_UNITS, CAP_UNITS
    totals: list[int] = []
    months: list[int] = []
    month = months.append
    for activity in data:
        ytd = previous = levied = 0
        for revenue, costs in activity:
            margin = revenue - costs
            if margin > 0:
                ytd += margin
            if ytd <= 2_000_000:
                bands = ytd * 12
            elif ytd <= 4_000_000:
                bands = 24_000_000 + (ytd - 2_000_000) * 10
            else:
                bands = 44_000_000 + (ytd - 4_000_000) * 8
            bands = (bands + 50) // 100
            amount = bands - previous
            previous = bands
            amount = max(amount, floor)
            room = cap - levied
            amount = min(amount, room)
            levied += amount
            month(amount)
        totals.append(levied)
    return totals, months


def numpy_levies(np: Any, revenue: Any, costs: Any) -> Any:
    """The same levies on ``int64`` matrices (activities x 12 months); returns the months' levies.

    The year-to-date base is a cumulative sum of the positive margins; the bands one
    ``searchsorted``; each month's variable levy the growth of the rounded cumulative levy. Since
    every month's amount (floor included) is non-negative, the levied-so-far under the cap is
    ``min(cumulative sum, cap)``, and each month's levy its growth.
    """
    starts = np.array(STARTS, dtype=np.int64)
    rates = np.array(RATES, dtype=np.int64)
    cumulative = np.array(CUMULATIVE, dtype=np.int64)
    ytd = np.cumsum(np.maximum(revenue - costs, 0), axis=1)
    band = np.searchsorted(starts, ytd, side="right") - 1
    bands = (cumulative[band] + (ytd - starts[band]) * rates[band] + 50) // DENOMINATOR
    amount = np.maximum(np.diff(bands, axis=1, prepend=0), FLOOR_UNITS)
    levied = np.minimum(np.cumsum(amount, axis=1), CAP_UNITS)
    return np.diff(levied, axis=1, prepend=0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=None, help="activities (x12 lines)")
    parser.add_argument("--seed", type=int, default=20260701)
    parser.add_argument("--profile", action="store_true", help="profile the library side once")
    add_arguments(parser)
    args = parser.parse_args(argv)
    rounds = rounds_of(args, parser)
    count = args.activities or (200 if args.quick else 83_334)
    if count < 1:
        parser.error("--activities must be at least 1")

    data = draw(count, args.seed)
    lib_input = build_library_input(data)
    lines = 12 * count
    print(f"{count:,} activities x 12 months = {lines:,} activity-month lines (seed {args.seed})")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        library(lib_input)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(25)
        return 0

    variants = [
        Variant("bare loop (ints, schedule as data)", lambda: bare(data)),
        Variant("bare loop, bands inlined (ref.)", lambda: bare_inlined(data)),
        Variant(
            "levy_years (library)",
            lambda: library(lib_input),
            normalise=library_levies,
            target=TARGET,
        ),
        # The batch entry point on integer columns: the margins are computed inside the timing,
        # as the bare loop computes them, so it is not handed work done beforehand.
        Variant(
            "levy_columns (library, int columns)",
            lambda: levy_columns([[r - c for r, c in months] for months in data], SCHEDULE, YEAR),
            normalise=columns_levies,
            target=TARGET,
        ),
    ]
    np = numpy_or_none()
    if np is not None:
        revenue = np.array([[r for r, _ in months] for months in data], dtype=np.int64)
        costs = np.array([[c for _, c in months] for months in data], dtype=np.int64)

        def numpy_normalise(matrix: Any) -> Levies:
            return matrix.sum(axis=1).tolist(), matrix.ravel().tolist()

        variants.append(
            Variant(
                "numpy int64 (the floor)",
                lambda: numpy_levies(np, revenue, costs),
                normalise=numpy_normalise,
            )
        )
    freeze()
    try:
        timings = compare("levies", variants, rounds)
        totals, _ = bare(data)
    finally:
        unfreeze()
    capped = sum(1 for t in totals if t == CAP_UNITS)
    print(
        f"same levy for every month of every activity: total {sum(totals) / 100:,.2f} EUR "
        f"({capped:,} activities at the cap)"
    )
    print(report("levies", timings, unit=lines))
    return 0


def run_main(argv: list[str] | None = None) -> int:
    return _run_main(main, argv)


if __name__ == "__main__":
    sys.exit(run_main())
