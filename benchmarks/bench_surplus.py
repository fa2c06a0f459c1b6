"""Time cooprules.surplus.distribute against a bare integer loop doing the same splits.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_surplus.py                      # 1,000,000 members, best of 3
    python benchmarks/bench_surplus.py --n 100000 --repeat 5
    python benchmarks/bench_surplus.py --n 100000 --profile # + cProfile of the library side

It draws ``--n`` members from a seeded generator, each with capital-days (paid-up cents x days
held, as :func:`cooprules.capital.capital_days` gives them) and purchases in cents, then splits a
year's surplus with the waterfall

1. 15 % of the surplus to the legal reserve (``ToReserve``);
2. interest on shares at 5 % a year, pro rata of the capital-days (``Interest``, actual/365);
3. refunds of half of what remains, pro rata of the purchases (``Refund``);
4. the rest to the reserves (``Remainder``);

once with :func:`cooprules.surplus.distribute` and once with a bare loop on integers (the same
half-up roundings, the same largest-remainder splits, ties to the lowest member id), in the same
process and on the same data, built before the clock starts. It checks that every step and every
member's part are identical, then prints the best-of-``--repeat`` times and the ratio.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import random
import sys
from fractions import Fraction

from cooprules.money import Rate, money, to_minor_units
from cooprules.surplus import (
    Distribution,
    Interest,
    Of,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    YearFigures,
    distribute,
)
from timing import best_of

RESERVE = Fraction(15, 100)
INTEREST = Fraction(5, 100)
REFUNDS = Fraction(50, 100)
DAYS = 365

WATERFALL = Waterfall(
    (
        ToReserve("legal_reserve", reserve="legal_reserve", share=Rate(RESERVE)),
        Interest("interest", rate=Rate(INTEREST), days_in_year=DAYS),
        Refund("refunds", measure="purchases", share=Rate(REFUNDS), of=Of.REMAINING),
        Remainder("reserves", reserve="reserves"),
    ),
    name="bench",
)


def half_up(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` rounded half-up (both non-negative)."""
    quotient, rest = divmod(numerator, denominator)
    return quotient + (2 * rest >= denominator)


def bare_split(total: int, weights: list[int]) -> list[int]:
    """Largest remainder, written plainly: ``divmod`` per weight, units to the largest remainders.

    Ties go to the lowest index (the members are in ascending id order).
    """
    weight_sum = sum(weights)
    if total == 0 or weight_sum == 0:
        return [0] * len(weights)
    parts = []
    remainders = []
    for w in weights:
        q, r = divmod(total * w, weight_sum)
        parts.append(q)
        remainders.append(r)
    k = total - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:k]:
        parts[i] += 1
    return parts


def bare_distribute(
    surplus: int, capital_days: list[int], purchases: list[int]
) -> dict[str, tuple[int, list[int]]]:
    """The same waterfall as :data:`WATERFALL`, on integers (cents)."""
    remaining = surplus
    reserve = min(half_up(surplus * RESERVE.numerator, RESERVE.denominator), remaining)
    remaining -= reserve
    # Interest by rate: each member's own capital-days x rate / days, rounded half-up each.
    per_member = [
        half_up(days * INTEREST.numerator, INTEREST.denominator * DAYS) for days in capital_days
    ]
    due = sum(per_member)
    interest = min(due, remaining)
    interest_parts = per_member if interest == due else bare_split(interest, capital_days)
    remaining -= interest
    target = min(half_up(remaining * REFUNDS.numerator, REFUNDS.denominator), remaining)
    refund_parts = bare_split(target, purchases)
    refunds = sum(refund_parts)
    remaining -= refunds
    return {
        "legal_reserve": (reserve, []),
        "interest": (interest, interest_parts),
        "refunds": (refunds, refund_parts),
        "reserves": (remaining, []),
    }


def library_as_integers(
    result: Distribution, members: list[str]
) -> dict[str, tuple[int, list[int]]]:
    """The library's result in the bare loop's shape (outside the timing)."""
    found: dict[str, tuple[int, list[int]]] = {}
    for step in result.steps:
        parts = [to_minor_units(step.shares[m]) for m in members] if step.shares else []
        found[step.code] = (to_minor_units(step.amount), parts)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of members")
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant; best is kept")
    parser.add_argument("--seed", type=int, default=20260701, help="seed of the members")
    parser.add_argument("--surplus", default="400000000.00", help="the EUR surplus to split")
    parser.add_argument("--profile", action="store_true", help="cProfile the library side")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    rng = random.Random(args.seed)
    width = len(str(args.n))
    members = [f"m{i:0{width}d}" for i in range(args.n)]  # id order = list order
    # 1 to 40 shares of 250 EUR, held 1 to 365 days; about 1 in 10 bought nothing
    capital_days = [rng.randint(1, 40) * 250_00 * rng.randint(1, DAYS) for _ in members]
    purchases = [0 if rng.random() < 0.1 else rng.randint(1, 1_000_000) for _ in members]
    surplus = money(args.surplus, "EUR")
    figures = YearFigures(
        surplus=surplus,
        capital_days={"capital": dict(zip(members, capital_days, strict=True))},
        measures={"purchases": dict(zip(members, purchases, strict=True))},
    )
    surplus_units = to_minor_units(surplus)
    gc.freeze()  # the data are long-lived: keep full collections out of the timed loops

    bare_time, bare = best_of(
        args.repeat, lambda: bare_distribute(surplus_units, capital_days, purchases), collect=True
    )
    library_time, result = best_of(
        args.repeat, lambda: distribute(WATERFALL, figures), collect=True
    )

    library = library_as_integers(result, members)
    if library != bare:
        print("MISMATCH: the library and the bare loop disagree", file=sys.stderr)
        for code in bare:
            if library.get(code) != bare[code]:
                print(f"  step {code}: {library.get(code, (None,))[0]} vs {bare[code][0]}")
        return 1
    if sum(amount for amount, _ in bare.values()) != surplus_units:
        print("MISMATCH: the steps do not add up to the surplus", file=sys.stderr)
        return 1

    print(f"members: {args.n:,} (seed {args.seed}); surplus {args.surplus} EUR")
    for code, (amount, parts) in bare.items():
        shared = f", {sum(1 for p in parts if p):,} members paid" if parts else ""
        print(f"  {code:<14} {amount / 100:>18,.2f} EUR{shared}")
    print("every step and every member's part identical: yes")
    print(f"best of {args.repeat}:")
    print(f"  bare integer loop       {bare_time:8.3f} s   1.00x")
    print(f"  distribute (library)    {library_time:8.3f} s   {library_time / bare_time:.2f}x")
    print(f"ratio library/bare: {library_time / bare_time:.2f} (target: at most 1.5)")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        distribute(WATERFALL, figures)
        profiler.disable()
        stats = pstats.Stats(profiler, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(15)
    return 0


if __name__ == "__main__":
    sys.exit(main())
