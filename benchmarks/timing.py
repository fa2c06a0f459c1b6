"""The timing harness every benchmark script shares: alternating rounds on the CPU clock.

The scripts run as ``python benchmarks/<script>.py``, which puts this folder on ``sys.path``.

How a comparison runs (:func:`compare`):

1. the inputs are built by the script before it calls :func:`compare`, then frozen out of the
   cyclic garbage collector's reach (``gc.freeze()``), so that a full collection over millions of
   long-lived objects does not land in one variant's timing at random;
2. every variant runs once, untimed; its result is brought to a common shape by the variant's
   ``normalise`` function and compared with the baseline's. On any difference nothing is timed and
   nothing is printed but the mismatch: :func:`compare` raises :class:`Mismatch` (the scripts
   exit with status 1);
3. then ``rounds`` rounds (at least five), each running every variant once in turn (A B C A B C
   ...): a slow spell of the machine lands on all variants of the round, not on one of them.
   Before each run the garbage of the previous run is collected, outside the timing;
4. each run is timed on the **CPU clock of the process**, :func:`time.process_time_ns` (user and
   system time of this process, every thread; nanosecond resolution on Linux). It counts only the
   time the process ran, so time spent waiting while other work holds the cores is not counted.
   The benchmarked code is single-threaded (numpy's element-wise operations, sorts and partitions
   used here run on one thread), so :func:`time.thread_time_ns` would give the same figure; the
   process clock is kept because it also counts any helper thread a library might start, which
   is part of the cost. The wall clock is recorded too and printed beside it: the gap between the
   two shows how loaded the machine was, and so does the load average printed in the title. A
   loaded machine still slows the CPU clock (other processes evict this one's caches at every
   switch, and share the memory bandwidth), and not by the same factor for every kind of code:
   on the 2-core machine of the figures, a tight integer loop's CPU time doubled when four test
   runs shared the cores while the library's time grew by 15 %, so a ratio moves with the load.
   The min-max ranges show it; compare ratios measured at a similar load;
5. the report gives, per variant, the median and the min-max of the rounds, and the ratio of its
   median to the baseline's median, with the target when there is one; the ratio of each round
   (variant / baseline within the same round) is printed as a range too.

``--quick`` (see :func:`add_arguments`) makes each script run a small input: a smoke test that the
script works and its variants agree, not a measurement.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

T = TypeVar("T")

QUICK_ROUNDS = 5
ROUNDS = 7
MIN_ROUNDS = 5


class Mismatch(Exception):
    """Two variants of a benchmark gave different results (nothing was timed)."""

    def __init__(self, benchmark: str, variant: str, detail: str) -> None:
        super().__init__(f"{benchmark}: {variant} disagrees with the baseline: {detail}")
        self.benchmark = benchmark
        self.variant = variant
        self.detail = detail


def _same(value: object) -> object:
    return value


@attrs.frozen
class Variant:
    """One way of computing a benchmark's result.

    Attributes:
        name: how the report names it.
        run: the timed call (its inputs are built already).
        normalise: turns the result into the shape all variants are compared in (outside the
            timing); by default the result itself.
        target: the largest acceptable ratio of its median to the baseline's (``None``: none).
    """

    name: str
    run: Callable[[], Any]
    normalise: Callable[[Any], object] = _same
    target: float | None = None


@attrs.frozen
class Timing:
    """The times of one variant over the rounds, in nanoseconds of the CPU clock (and wall)."""

    variant: Variant
    cpu: tuple[int, ...]
    wall: tuple[int, ...]
    load: tuple[float, float] = (0.0, 0.0)
    """The machine's one-minute load average when the rounds started and when they ended."""

    @property
    def median(self) -> float:
        return statistics.median(self.cpu)

    def ratio_to(self, baseline: Timing) -> float:
        """The ratio of the medians."""
        return self.median / baseline.median

    def round_ratios(self, baseline: Timing) -> list[float]:
        """Round by round: this variant's time over the baseline's in the same round."""
        return [mine / theirs for mine, theirs in zip(self.cpu, baseline.cpu, strict=True)]

    def meets_target(self, baseline: Timing) -> bool | None:
        """Whether the ratio of medians is within the target (``None`` without a target)."""
        target = self.variant.target
        return None if target is None else self.ratio_to(baseline) <= target


def first_difference(expected: object, found: object) -> str:
    """A short description of where two results differ (lists compared item by item)."""
    if isinstance(expected, list) and isinstance(found, list):
        if len(expected) != len(found):
            return f"{len(found):,} items instead of {len(expected):,}"
        for index, (a, b) in enumerate(zip(expected, found, strict=True)):
            if a != b:
                return f"item {index}: {b!r} instead of {a!r}"
    text_expected, text_found = repr(expected), repr(found)
    return f"{text_found[:200]} instead of {text_expected[:200]}"


def check(benchmark: str, variants: Sequence[Variant]) -> None:
    """Run every variant once (untimed) and check its result equals the baseline's (the first).

    Raises:
        Mismatch: a variant's normalised result differs from the baseline's.
    """
    baseline = variants[0]
    expected = baseline.normalise(baseline.run())
    for variant in variants[1:]:
        found = variant.normalise(variant.run())
        if found != expected:
            raise Mismatch(benchmark, variant.name, first_difference(expected, found))
        del found
    del expected
    gc.collect()


def compare(benchmark: str, variants: Sequence[Variant], rounds: int) -> list[Timing]:
    """Check the variants agree, then time them in alternating rounds on the CPU clock.

    The first variant is the baseline. Nothing is timed unless every variant agrees with it.

    Raises:
        Mismatch: a variant's result differs from the baseline's.
        ValueError: fewer than two variants or fewer than :data:`MIN_ROUNDS` rounds.
    """
    if len(variants) < 2:
        raise ValueError("a comparison needs a baseline and at least one variant")
    if rounds < MIN_ROUNDS:
        raise ValueError(f"at least {MIN_ROUNDS} rounds, not {rounds}")
    check(benchmark, variants)
    load_start = os.getloadavg()[0]
    cpu: list[list[int]] = [[] for _ in variants]
    wall: list[list[int]] = [[] for _ in variants]
    for _ in range(rounds):
        for index, variant in enumerate(variants):
            gc.collect()
            wall_start = time.perf_counter_ns()
            cpu_start = time.process_time_ns()
            result = variant.run()
            cpu_end = time.process_time_ns()
            wall_end = time.perf_counter_ns()
            del result
            cpu[index].append(cpu_end - cpu_start)
            wall[index].append(wall_end - wall_start)
    load = (load_start, os.getloadavg()[0])
    return [
        Timing(variant, tuple(c), tuple(w), load)
        for variant, c, w in zip(variants, cpu, wall, strict=True)
    ]


def _seconds(nanoseconds: float) -> str:
    return f"{nanoseconds / 1e9:.4f}"


def report(title: str, timings: Sequence[Timing], *, unit: int | None = None) -> str:
    """The table of a comparison: median and min-max per variant, ratios to the baseline.

    Columns: the median CPU time of the rounds, their min-max, the median wall-clock time, the
    ratio of the medians to the baseline's, the min-max of the round-by-round ratios, the median
    per item (with ``unit``, how many items each run handles) and the target.
    """
    baseline = timings[0]
    rounds = len(baseline.cpu)
    lines = [
        (
            f"{title}: CPU time (process_time_ns), {rounds} alternating rounds, all variants"
            f" agree; load average {baseline.load[0]:.2f} at the start, {baseline.load[1]:.2f}"
            f" at the end ({os.cpu_count()} CPUs)"
        ),
        (
            f"  {'variant':<38} {'median s':>9} {'min-max s':>15} {'wall s':>8}"
            f" {'ratio':>7} {'per round':>11} {'ns/item':>9}  target"
        ),
    ]
    for timing in timings:
        ratios = timing.round_ratios(baseline)
        ratio = timing.ratio_to(baseline)
        target = timing.variant.target
        if timing is baseline:
            verdict = "(baseline)"
        elif target is None:
            verdict = ""
        else:
            verdict = f"<= {target:.1f}x: {'met' if ratio <= target else 'NOT MET'}"
        per = f"{timing.median / unit:9.1f}" if unit else f"{'':9}"
        spread = f"{_seconds(min(timing.cpu))}-{_seconds(max(timing.cpu))}"
        lines.append(
            f"  {timing.variant.name:<38} {_seconds(timing.median):>9} {spread:>15}"
            f" {_seconds(statistics.median(timing.wall)):>8} {ratio:6.2f}x"
            f" {min(ratios):5.2f}-{max(ratios):.2f} {per}  {verdict}"
        )
    return "\n".join(lines)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options every benchmark takes: ``--rounds`` and ``--quick``."""
    parser.add_argument(
        "--rounds",
        type=int,
        default=None,
        help=f"alternating rounds (at least {MIN_ROUNDS}; default {ROUNDS}, {QUICK_ROUNDS} quick)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="a small input: a smoke run, not a measurement"
    )


def rounds_of(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    """The number of rounds asked for, refused below :data:`MIN_ROUNDS`."""
    rounds: int = (
        args.rounds if args.rounds is not None else (QUICK_ROUNDS if args.quick else ROUNDS)
    )
    if rounds < MIN_ROUNDS:
        parser.error(f"--rounds must be at least {MIN_ROUNDS}")
    return rounds


def freeze() -> None:
    """Collect, then move every object alive now out of the collector's reach (the inputs)."""
    gc.collect()
    gc.freeze()


def unfreeze() -> None:
    """Give the frozen objects back to the collector (for scripts called in-process, tests)."""
    gc.unfreeze()
    gc.collect()


def numpy_or_none() -> Any:
    """numpy when it is installed (each benchmark's floor), else ``None`` (said on stderr)."""
    try:
        import numpy  # noqa: PLC0415, ICN001
    except ImportError:  # pragma: no cover - numpy is installed where the figures were taken
        print("numpy is not installed: no floor printed", file=sys.stderr)
        return None
    return numpy


def run_main(main: Callable[[list[str] | None], int], argv: list[str] | None = None) -> int:
    """Run a benchmark's ``main``; a :class:`Mismatch` prints and gives exit status 1."""
    try:
        return main(argv)
    except Mismatch as error:
        print(f"MISMATCH: {error}", file=sys.stderr)
        return 1


def best_of(repeat: int, function: Callable[[], T], *, collect: bool = False) -> tuple[float, T]:
    """Run ``function`` ``repeat`` times; return the fastest wall-clock time and the last result.

    For one-sided timings with no baseline to compare with (``bench_bad_input.py``: how long a
    refusal takes); comparisons go through :func:`compare`. With ``collect``, a full garbage
    collection runs before each run, outside the timing.
    """
    best = float("inf")  # a duration in seconds, not money
    result: T | None = None
    for _ in range(repeat):
        if collect:
            gc.collect()
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    assert result is not None  # noqa: S101 - repeat >= 1
    return best, result
