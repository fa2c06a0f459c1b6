"""Time cooprules.money.allocate against the fastest bare largest-remainder loop, and numpy.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_allocate.py                 # 1,000,000 weights, 7 rounds
    python benchmarks/bench_allocate.py --n 100000 --rounds 9
    python benchmarks/bench_allocate.py --quick         # a smoke run on 2,000 weights

It draws ``--n`` random integer weights from a seeded generator and splits a total of minor units
over them (largest remainder, ties to the lowest position) with

1. the bare loop (the baseline): :func:`bare_largest_remainder`, the fastest pure-Python form
   found (its docstring says why);
2. :func:`cooprules.money.allocate_units`, the library's integer engine;
3. :func:`cooprules.money.allocate`, the public API (a ``Money`` total, ``Parts`` out);
4. numpy, the same arithmetic on ``int64`` arrays: the floor, not a target.

Every variant's parts are checked equal (to the cent) before anything is timed; then the variants
run in alternating rounds on the CPU clock (see ``timing.py``). Target: ``allocate`` at most 1.1x
the bare loop (issue 16).
"""

from __future__ import annotations

import argparse
import random
import sys
from bisect import bisect_right
from itertools import compress
from typing import Any

from cooprules.money import allocate, allocate_units, money, to_minor_units
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

TARGET = 1.1


def bare_largest_remainder(total_units: int, weights: list[int]) -> list[int]:
    """The largest-remainder split, as fast as pure Python does it (the baseline).

    Why this form (each measured against the others on a million weights, CPU clock, Python
    3.11):

    * the floors and the remainders are two list comprehensions with the arithmetic inline
      (``total * w // W``, ``total * w % W``): 3.11 specialises ``*``, ``//`` and ``%`` on ints,
      so this beats ``map`` over bound methods (``total.__mul__``, ``W.__rfloordiv__``, about
      12 % slower overall: each call goes through a method wrapper), a kept list of products
      (about 3 % slower) and ``divmod`` per weight with an unzip (about 20 % slower: a tuple per
      weight);
    * the units go to the remainders above a threshold: one sort of the bare remainders (ints
      compared in C, no key function), the threshold read at position ``n - missing``, then the
      indices above it by ``compress``, and among those equal to it the lowest positions first
      (``compress`` yields them in order). The sort is about half of the time. Sorting the
      indices by remainder instead (``sorted(range(n), key=rems.__getitem__, reverse=True)``,
      stable so ties keep position order) is about 15 % slower; a comprehension adding
      ``r > threshold`` to every part about 4 % slower. The old benchmark's
      ``key=lambda i: (-remainders[i], i)`` built a tuple per weight through a Python lambda:
      that loop was about 2x slower than this one, which is how it flattered the library;
    * no validation: the weights are known non-negative integers with a positive sum, the total
      non-negative (the library checks these; the checks are part of what the ratio measures).
    """
    weight_sum = sum(weights)
    count = len(weights)
    parts = [total_units * w // weight_sum for w in weights]
    remainders = [total_units * w % weight_sum for w in weights]
    missing = total_units - sum(parts)
    if missing == 0:
        return parts
    ordered = sorted(remainders)
    threshold = ordered[count - missing]
    for index in compress(range(count), map(threshold.__lt__, remainders)):
        parts[index] += 1
    needed = missing - (count - bisect_right(ordered, threshold))
    for index in list(compress(range(count), map(threshold.__eq__, remainders)))[:needed]:
        parts[index] += 1
    return parts


def numpy_largest_remainder(np: Any, total_units: int, weights: Any) -> Any:
    """The same split on ``int64`` arrays (the caller checked ``total * max(w)`` fits).

    ``np.partition`` finds the threshold in linear time (no full sort); ties go to the lowest
    positions through ``flatnonzero``, which returns positions in order.
    """
    count = len(weights)
    weight_sum = int(weights.sum())
    products = weights * total_units
    parts = products // weight_sum
    remainders = products % weight_sum
    missing = total_units - int(parts.sum())
    if missing == 0:
        return parts
    threshold = np.partition(remainders, count - missing)[count - missing]
    above = remainders > threshold
    parts += above
    needed = missing - int(above.sum())
    parts[np.flatnonzero(remainders == threshold)[:needed]] += 1
    return parts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--n", type=int, default=None, help="weights (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20260630, help="seed of the weights")
    parser.add_argument("--total", default="12345678.91", help="the EUR amount to split")
    parser.add_argument("--max-weight", type=int, default=1_000_000, help="largest weight")
    add_arguments(parser)
    args = parser.parse_args(argv)
    rounds = rounds_of(args, parser)
    n = args.n or (2_000 if args.quick else 1_000_000)
    if n < 1:
        parser.error("--n must be at least 1")

    rng = random.Random(args.seed)
    weights = [rng.randint(0, args.max_weight) for _ in range(n)]
    weights[0] = max(weights[0], 1)  # never all zero
    total = money(args.total, "EUR")
    units = to_minor_units(total)

    variants = [
        Variant(
            "bare loop (inline ints, one int sort)", lambda: bare_largest_remainder(units, weights)
        ),
        Variant(
            "allocate_units (int engine)", lambda: allocate_units(units, weights), target=TARGET
        ),
        Variant(
            "allocate (Money in, Parts out)",
            lambda: allocate(total, weights),
            normalise=lambda parts: [to_minor_units(part) for part in parts],
            target=TARGET,
        ),
    ]
    np = numpy_or_none()
    if np is not None:
        if units * max(weights) >= 2**63:
            parser.error("total x largest weight exceeds int64: no numpy floor for these inputs")
        array = np.array(weights, dtype=np.int64)
        variants.append(
            Variant(
                "numpy int64 (the floor)",
                lambda: numpy_largest_remainder(np, units, array),
                normalise=lambda parts: parts.tolist(),
            )
        )
    freeze()
    try:
        timings = compare("allocate", variants, rounds)
    finally:
        unfreeze()
    print(f"weights: {n:,} random integers in [0, {args.max_weight:,}] (seed {args.seed})")
    print(f"total:   {args.total} EUR = {units:,} cents; parts identical in every variant")
    print(report("allocate", timings, unit=n))
    return 0


def run_main(argv: list[str] | None = None) -> int:
    return _run_main(main, argv)


if __name__ == "__main__":
    sys.exit(run_main())
