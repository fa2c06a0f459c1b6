"""Time cooprules.money.allocate against a bare largest-remainder loop over the same weights.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_allocate.py                 # 1,000,000 weights, best of 3
    python benchmarks/bench_allocate.py --n 100000 --repeat 5

It draws ``--n`` random integer weights from a seeded generator, splits a Money total over them

1. with :func:`cooprules.money.allocate` (validation, integer engine, one ``Money`` per part),
2. with :func:`cooprules.money.allocate_units` alone (the integer engine on minor units),
3. with a bare largest-remainder loop written plainly in Python (``divmod`` per weight, then the
   indices sorted by remainder descending and index ascending, one unit to the first ``k``),

checks that all three give identical parts, and prints the best-of-``--repeat`` times and the
ratios to the bare loop. Nothing here asserts a timing: the figures are for reading.
"""

from __future__ import annotations

import argparse
import random
import sys

from cooprules.money import allocate, allocate_units, money, to_minor_units
from timing import best_of


def bare_largest_remainder(total_units: int, weights: list[int]) -> list[int]:
    """The largest-remainder split, written as plainly as possible (the reference point)."""
    weight_sum = sum(weights)
    parts = []
    remainders = []
    for w in weights:
        q, r = divmod(total_units * w, weight_sum)
        parts.append(q)
        remainders.append(r)
    k = total_units - sum(parts)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:k]:
        parts[i] += 1
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="number of weights")
    parser.add_argument("--repeat", type=int, default=3, help="runs per variant; best is kept")
    parser.add_argument("--seed", type=int, default=20260630, help="seed of the weights")
    parser.add_argument("--total", default="12345678.91", help="the EUR amount to split")
    parser.add_argument("--max-weight", type=int, default=1_000_000, help="largest weight")
    args = parser.parse_args(argv)
    if args.n < 1 or args.repeat < 1:
        parser.error("--n and --repeat must be at least 1")

    rng = random.Random(args.seed)
    weights = [rng.randint(0, args.max_weight) for _ in range(args.n)]
    weights[0] = max(weights[0], 1)  # never all zero
    total = money(args.total, "EUR")
    units = to_minor_units(total)

    bare_time, bare_parts = best_of(args.repeat, lambda: bare_largest_remainder(units, weights))
    units_time, engine_parts = best_of(args.repeat, lambda: allocate_units(units, weights))
    money_time, money_parts = best_of(args.repeat, lambda: allocate(total, weights))

    library_parts = [to_minor_units(part) for part in money_parts]
    if not (library_parts == engine_parts == bare_parts):
        print("MISMATCH: allocate, allocate_units and the bare loop disagree", file=sys.stderr)
        return 1
    if sum(bare_parts) != units:
        print("MISMATCH: the parts do not add up to the total", file=sys.stderr)
        return 1

    print(f"weights: {args.n:,} random integers in [0, {args.max_weight:,}] (seed {args.seed})")
    print(f"total:   {args.total} EUR = {units:,} cents; parts identical in all three: yes")
    print(f"best of {args.repeat}:")
    print(f"  bare largest-remainder loop     {bare_time:8.3f} s   1.00x")
    print(f"  allocate_units (int engine)     {units_time:8.3f} s   {units_time / bare_time:.2f}x")
    print(f"  allocate (Money in, Money out)  {money_time:8.3f} s   {money_time / bare_time:.2f}x")
    print(f"ratio library/bare: {money_time / bare_time:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
