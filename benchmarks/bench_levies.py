"""Time cooprules.levies.levy_year against a bare Decimal loop doing the same arithmetic.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_levies.py                       # 83,334 activities x 12 months
    python benchmarks/bench_levies.py --activities 10000 --repeat 5
    python benchmarks/bench_levies.py --activities 5000 --profile   # cProfile of the library side

It draws, from a seeded generator, a year of monthly revenue and direct costs (in cents) for each
activity, about one month in twelve with a negative margin, and levies them with a banded
year-to-date marginal schedule with a monthly floor and a yearly cap:

    12 % of the year's gross margin up to 20,000 EUR, 10 % up to 40,000 EUR, 8 % above;
    at least 40 EUR a month; at most 4,000 EUR a year.

1. the library: :func:`cooprules.levies.levy_years` over all activities (statements, explanations
   on demand, every check);
2. a bare loop on :class:`~decimal.Decimal`: per activity, the year-to-date base, the cumulative
   marginal levy rounded half-up to the cent, the month's levy as the difference, the floor and
   the cap, written as plainly as possible.

It checks that both give the same levy for every activity, then prints the best-of-``--repeat``
times and the ratio. The lines are built before the clock starts (both sides get the same data:
``Line`` objects for the library, ``Decimal`` pairs for the bare loop).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from cooprules.levies import (
    Activity,
    ActivityKind,
    Banding,
    Base,
    BasePeriod,
    LevyPolicy,
    Line,
    Schedule,
    levy_years,
    month_periods,
)
from cooprules.money import from_minor_units, money, to_minor_units
from timing import best_of

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


def build_bare_input(data: Data) -> list[list[tuple[Decimal, Decimal]]]:
    return [[(Decimal(r).scaleb(-2), Decimal(c).scaleb(-2)) for r, c in months] for months in data]


def library(items: list[tuple[Activity, list[Line]]]) -> list[int]:
    policy = LevyPolicy.single(SCHEDULE)
    return [to_minor_units(year.total) for year in levy_years(items, policy, YEAR)]


def bare(items: list[list[tuple[Decimal, Decimal]]]) -> list[int]:
    """The same levy, written plainly on Decimal."""
    cent = Decimal("0.01")
    zero = Decimal(0)
    starts = [Decimal(s) for s, _ in BANDS]
    rates = [Decimal(r.rstrip("%")) / 100 for _, r in BANDS]
    tops = [*starts[1:], None]
    floor, cap = Decimal(FLOOR), Decimal(CAP)
    totals = []
    for months in items:
        ytd = zero
        previous = zero  # the rounded cumulative levy of the bands
        levied = zero
        for revenue, costs in months:
            margin = revenue - costs
            if margin > 0:
                ytd += margin
            cumulative = zero
            for start, rate, top in zip(starts, rates, tops, strict=True):
                if ytd <= start:
                    break
                cumulative += ((ytd if top is None or ytd < top else top) - start) * rate
            cumulative = cumulative.quantize(cent, rounding=ROUND_HALF_UP)
            variable = max(zero, cumulative - previous)
            previous = cumulative
            amount = max(variable, floor)
            room = max(zero, cap - levied)
            amount = min(amount, room)
            levied += amount
        totals.append(int(levied.scaleb(2)))
    return totals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--activities", type=int, default=83_334, help="activities (x12 lines)")
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    parser.add_argument("--seed", type=int, default=20260701)
    parser.add_argument("--profile", action="store_true", help="profile the library side once")
    args = parser.parse_args()

    data = draw(args.activities, args.seed)
    lib_input = build_library_input(data)
    bare_input = build_bare_input(data)
    del data
    lines = 12 * args.activities
    print(f"{args.activities:,} activities x 12 months = {lines:,} activity-month lines")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        library(lib_input)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("tottime").print_stats(25)
        return 0

    bare_time, bare_totals = best_of(args.repeat, lambda: bare(bare_input))
    lib_time, lib_totals = best_of(args.repeat, lambda: library(lib_input))
    if lib_totals != bare_totals:
        wrong = next(
            i for i, (a, b) in enumerate(zip(lib_totals, bare_totals, strict=True)) if a != b
        )
        print(
            f"MISMATCH at activity {wrong}: library {lib_totals[wrong]}, bare {bare_totals[wrong]}"
        )
        return 1
    capped = sum(1 for t in lib_totals if t == 400_000)
    print(f"same levies for every activity: total {sum(lib_totals) / 100:,.2f} EUR "
          f"({capped:,} activities at the cap)")  # fmt: skip
    print(f"bare Decimal loop : {bare_time:8.3f} s  ({bare_time / lines * 1e6:6.2f} us/line)")
    print(f"library levy_years: {lib_time:8.3f} s  ({lib_time / lines * 1e6:6.2f} us/line)")
    print(f"ratio library/bare: {lib_time / bare_time:8.2f}x  (target <= 1.3x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
