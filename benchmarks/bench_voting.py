"""Time the voting tally against a bare loop (Counter plus integer arithmetic) in the same process.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_voting.py                  # 1,000,000 ballots, best of 3
    python benchmarks/bench_voting.py --n 100000 --repeat 5

It draws ``--n`` voters spread over 4 colleges (one vote each, and one voter in a thousand holding
between 2 and 50 votes, as shares), every one present and voting for, against, abstaining or
blank, and tallies them under a per-member cap of 1/10 of the votes present (Belgian CNC rule)
and SCIC-style college weights of 40/25/25/10 %:

* the library: :func:`cooprules.voting.tally`, with its checks (unknown members, ballots that are
  not choices, proxies, quorum, caps, colleges, explanation);
* the bare loop: ``for member, choice in ballots.items(): counts[college[member], choice] +=
  weight[member]`` over a ``Counter``, then the cap (nobody binds here: it is checked) and the
  college-weighted share of votes for, with integers and one ``Fraction`` per college.

It checks that both give the same share for, then prints the best-of-``--repeat`` times and the
ratio library/bare. Nothing here asserts a timing: the figures are for reading.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from fractions import Fraction
from typing import TypeVar

from cooprules.explain import Citation
from cooprules.money import Rate
from cooprules.voting import (
    Choice,
    College,
    DecisionRule,
    Electorate,
    Majority,
    Meeting,
    MemberCap,
    ProxyPolicy,
    Voter,
    VotingRules,
    VotingStatutes,
)

T = TypeVar("T")
DAY = date(2026, 6, 1)
LAW = Citation("Benchmark Act", "s. 1", "XX")
WEIGHTS = {
    "c0": Fraction(40, 100),
    "c1": Fraction(25, 100),
    "c2": Fraction(25, 100),
    "c3": Fraction(10, 100),
}


def best(function: Callable[[], T], repeat: int) -> tuple[float, T]:
    """The best wall-clock time of ``repeat`` runs, and the last result."""
    times = []
    result: T
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), result


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260601)
    args = parser.parse_args(argv)
    from cooprules.explain import Text  # noqa: PLC0415

    rules = VotingRules(
        code="xx-bench",
        proxies=ProxyPolicy(allowed=True, citation=LAW),
        decisions=(
            DecisionRule(
                "ordinary",
                Text(en="ordinary", fr="ordinaire"),
                Majority(Fraction(1, 2), strict=True),
                LAW,
            ),
        ),
        member_caps=(MemberCap(Rate.of("1/10"), LAW),),
    )
    rng = random.Random(args.seed)
    colleges = [College(code, {code}, weight) for code, weight in WEIGHTS.items()]
    codes = list(WEIGHTS)
    options = list(Choice)
    voters = []
    ballots: dict[str, Choice] = {}
    for i in range(args.n):
        college = codes[rng.randrange(4)]
        weight = rng.randint(2, 50) if rng.random() < 0.001 else 1
        voters.append(Voter(f"m{i}", weight, college, college))
        ballots[f"m{i}"] = options[rng.randrange(4)]
    electorate = Electorate.of(voters, colleges=colleges)
    statutes = VotingStatutes(LAW, colleges=colleges)
    meeting = Meeting(DAY, "ordinary", electorate, ballots)
    college_of = {v.id: v.college for v in voters}
    weight_of = {v.id: v.weight for v in voters}
    gc.freeze()

    def library() -> Fraction:
        return tally(meeting, rules, statutes=statutes).share_for

    def bare() -> Fraction:
        counts: Counter[tuple[str | None, Choice]] = Counter()
        for member, choice in ballots.items():
            counts[college_of[member], choice] += weight_of[member]
        present = sum(weight_of[m] for m in ballots)
        cap = Fraction(present, 10)
        if any(weight_of[m] > cap for m in ballots):  # pragma: no cover - never binds here
            raise AssertionError
        share = Fraction(0)
        for code, weight in WEIGHTS.items():
            cast = counts[code, Choice.FOR] + counts[code, Choice.AGAINST]
            share += weight * Fraction(counts[code, Choice.FOR], cast)
        return share

    from cooprules.voting import tally  # noqa: PLC0415

    bare_time, bare_share = best(bare, args.repeat)
    lib_time, lib_share = best(library, args.repeat)
    if bare_share != lib_share:
        print(f"MISMATCH: library {lib_share} != bare {bare_share}")
        return 1
    print(f"{args.n:,} ballots in 4 colleges, cap 1/10 per member, best of {args.repeat}")
    print(f"bare loop (Counter + ints): {bare_time:.3f} s")
    print(f"cooprules.voting.tally:     {lib_time:.3f} s")
    print(f"ratio library/bare:         {lib_time / bare_time:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
