"""Time cooprules.surplus.distribute against the fastest bare integer loop, and numpy.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_surplus.py                      # 1,000,000 members, 7 rounds
    python benchmarks/bench_surplus.py --n 100000 --rounds 9
    python benchmarks/bench_surplus.py --quick              # a smoke run, 2,000 members
    python benchmarks/bench_surplus.py --n 100000 --profile # + cProfile of the library side

It draws ``--n`` members from a seeded generator, each with capital-days (paid-up cents x days
held, as :func:`cooprules.capital.capital_days` gives them) and purchases in cents, then splits a
year's surplus with the waterfall

1. 15 % of the surplus to the legal reserve (``ToReserve``);
2. interest on shares at 5 % a year, pro rata of the capital-days (``Interest``, actual/365);
3. refunds of half of what remains, pro rata of the purchases (``Refund``);
4. the rest to the reserves (``Remainder``);

with :func:`cooprules.surplus.distribute` (target at most 1.5x the baseline, issue 16), with the
bare loop :func:`bare_distribute` (the baseline: its docstring gives the reasoning) and with numpy
(the floor), on the same data built before the clock starts. Every step and every member's part
are checked identical before anything is timed; then the variants run in alternating rounds on
the CPU clock (see ``timing.py``).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
from fractions import Fraction
from typing import Any

from bench_allocate import bare_largest_remainder, numpy_largest_remainder
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
    return (2 * numerator + denominator) // (2 * denominator)


def bare_split(total: int, weights: list[int]) -> list[int]:
    """Largest remainder, ties to the lowest index (the members are in ascending id order).

    :func:`bench_allocate.bare_largest_remainder`, the fastest form found (its docstring says
    why), with the zero cases the waterfall meets.
    """
    if total == 0 or sum(weights) == 0:
        return [0] * len(weights)
    return bare_largest_remainder(total, weights)


def bare_distribute(
    surplus: int, capital_days: list[int], purchases: list[int]
) -> dict[str, tuple[int, list[int]]]:
    """The same waterfall as :data:`WATERFALL`, as fast as pure Python does it (the baseline).

    Why this form (measured on 200,000 members, CPU clock, Python 3.11): integers (cents,
    cent-days); half-up rounding as one floor division (``(2n + d) // 2d``); each member's
    interest (capital-days x 5 / 100 / 365, rounded half-up) as one list comprehension with the
    arithmetic inline, which 3.11 specialises on ints: ``map`` over bound ``int`` methods was 2x
    slower, a comprehension calling :func:`half_up` 1.4x slower; the refunds split by
    :func:`bare_split`, one sort of the bare remainders and a threshold. Ties go to position
    order, which is id order here; the old benchmark sorted the indices with a tuple key through
    a lambda, 2x slower for that step.
    """
    remaining = surplus
    reserve = min(half_up(surplus * RESERVE.numerator, RESERVE.denominator), remaining)
    remaining -= reserve
    # Interest by rate: each member's own capital-days x rate / days, rounded half-up each:
    # (2 * cd * num + den) // (2 * den) with den = rate's denominator x days.
    factor, denominator = 2 * INTEREST.numerator, INTEREST.denominator * DAYS
    offset, divisor = denominator, 2 * denominator
    per_member = [(factor * days + offset) // divisor for days in capital_days]
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


def numpy_distribute(
    np: Any,
    surplus: int,
    capital_days: Any,
    purchases: Any,
) -> dict[str, tuple[int, Any]]:
    """The same waterfall on ``int64`` arrays (the caller checked the refunds' products fit)."""
    remaining = surplus
    reserve = min(half_up(surplus * RESERVE.numerator, RESERVE.denominator), remaining)
    remaining -= reserve
    denominator = INTEREST.denominator * DAYS
    per_member = (capital_days * (2 * INTEREST.numerator) + denominator) // (2 * denominator)
    due = int(per_member.sum())
    interest = min(due, remaining)
    if interest == due:
        interest_parts = per_member
    else:  # pragma: no cover - the drawn surplus always covers the interest
        if interest * int(capital_days.max()) >= 2**63:
            raise OverflowError("interest x capital-days exceeds int64")
        interest_parts = numpy_largest_remainder(np, interest, capital_days)
    remaining -= interest
    target = min(half_up(remaining * REFUNDS.numerator, REFUNDS.denominator), remaining)
    refund_parts = (
        numpy_largest_remainder(np, target, purchases) if target else np.zeros_like(purchases)
    )
    refunds = int(refund_parts.sum())
    remaining -= refunds
    return {
        "legal_reserve": (reserve, []),
        "interest": (interest, interest_parts),
        "refunds": (refunds, refund_parts),
        "reserves": (remaining, []),
    }


def numpy_as_lists(result: dict[str, tuple[int, Any]]) -> dict[str, tuple[int, list[int]]]:
    return {
        code: (amount, parts if isinstance(parts, list) else parts.tolist())
        for code, (amount, parts) in result.items()
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
    parser.add_argument("--n", type=int, default=None, help="members (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20260701, help="seed of the members")
    parser.add_argument("--surplus", default="400000000.00", help="the EUR surplus to split")
    parser.add_argument("--profile", action="store_true", help="cProfile the library side")
    add_arguments(parser)
    args = parser.parse_args(argv)
    rounds = rounds_of(args, parser)
    n = args.n or (2_000 if args.quick else 1_000_000)
    if n < 1:
        parser.error("--n must be at least 1")

    rng = random.Random(args.seed)
    width = len(str(n))
    members = [f"m{i:0{width}d}" for i in range(n)]  # id order = list order
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
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        distribute(WATERFALL, figures)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(15)
        return 0

    variants = [
        Variant(
            "bare loop (inline ints, one int sort)",
            lambda: bare_distribute(surplus_units, capital_days, purchases),
        ),
        Variant(
            "distribute (library)",
            lambda: distribute(WATERFALL, figures),
            normalise=lambda result: library_as_integers(result, members),
            target=TARGET,
        ),
    ]
    np = numpy_or_none()
    if np is not None:
        if surplus_units * max(purchases) >= 2**63:
            parser.error("surplus x largest purchase exceeds int64: no numpy floor here")
        days_array = np.array(capital_days, dtype=np.int64)
        purchases_array = np.array(purchases, dtype=np.int64)
        variants.append(
            Variant(
                "numpy int64 (the floor)",
                lambda: numpy_distribute(np, surplus_units, days_array, purchases_array),
                normalise=numpy_as_lists,
            )
        )
    freeze()
    try:
        timings = compare("surplus", variants, rounds)
        bare = bare_distribute(surplus_units, capital_days, purchases)
    finally:
        unfreeze()
    if sum(amount for amount, _ in bare.values()) != surplus_units:
        print("MISMATCH: the steps do not add up to the surplus", file=sys.stderr)
        return 1
    print(f"members: {n:,} (seed {args.seed}); surplus {args.surplus} EUR")
    for code, (amount, parts) in bare.items():
        shared = f", {sum(1 for p in parts if p):,} members paid" if parts else ""
        print(f"  {code:<14} {amount / 100:>18,.2f} EUR{shared}")
    print("every step and every member's part identical in every variant")
    print(report("surplus", timings, unit=n))
    return 0


def run_main(argv: list[str] | None = None) -> int:
    return _run_main(main, argv)


if __name__ == "__main__":
    sys.exit(run_main())
