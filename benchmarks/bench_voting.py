"""Time the voting tally against the fastest bare loop (one Counter in C), and numpy.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_voting.py                  # 1,000,000 ballots, 7 rounds
    python benchmarks/bench_voting.py --n 100000 --rounds 9
    python benchmarks/bench_voting.py --quick          # a smoke run, 2,000 ballots

It draws ``--n`` voters spread over 4 colleges (one vote each, and one voter in a thousand holding
between 2 and 50 votes, as shares), every one present and voting for, against, abstaining or
blank, and tallies them under a per-member cap of 1/10 of the votes present (Belgian CNC rule)
and SCIC-style college weights of 40/25/25/10 %:

* the bare loop (the baseline): :func:`bare_tally`, its docstring gives the reasoning;
* the library: :func:`cooprules.voting.tally` with its checks (unknown members, ballots that are
  not choices, proxies, quorum, caps, colleges, explanation); target at most 1.5x the baseline
  (issue 16);
* numpy: ``bincount`` over ``college x 4 + choice`` codes, the floor.

Every variant's votes per college and choice, members and votes present, share for and outcome
are checked equal before anything is timed; then the variants run in alternating rounds on the
CPU clock (see ``timing.py``).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from datetime import date
from fractions import Fraction
from typing import Any

from cooprules.explain import Citation, Text
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
    VoteResult,
    VotingRules,
    VotingStatutes,
    tally,
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

DAY = date(2026, 6, 1)
LAW = Citation("Benchmark Act", "s. 1", "XX")
WEIGHTS = {
    "c0": Fraction(40, 100),
    "c1": Fraction(25, 100),
    "c2": Fraction(25, 100),
    "c3": Fraction(10, 100),
}
CAP = Fraction(1, 10)
TARGET = 1.5
CHOICES = tuple(Choice)

Outcome = tuple[Fraction, int, int, dict[str, dict[Choice, int]], bool]
"""Share for, members present, votes present, votes per college and choice, adopted."""


def bare_tally(
    ballots: dict[str, Choice], college_of: dict[str, str], heavy: dict[str, int]
) -> Outcome:
    """The same count as fast as pure Python does it (the baseline).

    ``college_of`` (each voter's college) and ``heavy`` (the voters holding more than one vote,
    with their votes) are the register's, built before the clock starts, as the library's
    ``Electorate`` builds ``group_of`` and ``heavy`` when it is made.

    Why this form: one ``Counter`` over ``zip(map(college_of.__getitem__, ballots),
    ballots.values())`` counts every ballot as one vote in C (``Counter``'s counting loop is C
    code: no Python frame per ballot; an unknown member raises ``KeyError`` there, so the check
    comes free); the extra votes of the thousand heavy voters are added after, by a loop over
    ``heavy`` with a lookup in the ballots (the old benchmark added ``weight_of[member]`` per
    ballot in a Python loop and made two more passes for the votes present and the cap: about 4x
    slower); the cap is checked on the heavy voters only (a
    one-vote voter binds only when the cap is below one vote; a binding cap is refused: it never
    binds on these data); the share for is one
    ``Fraction`` per college.
    """
    counts = Counter(zip(map(college_of.__getitem__, ballots), ballots.values(), strict=True))
    present_weight = len(ballots)
    extra = []
    for member, weight in heavy.items():
        choice = ballots.get(member)
        if choice is not None:
            present_weight += weight - 1
            extra.append((member, weight, choice))
    cap = CAP * present_weight
    if cap < 1 or any(weight > cap for _, weight, _ in extra):
        raise ValueError("the cap binds: the bare loop handles only a cap that binds nobody")
    for member, weight, choice in extra:
        counts[college_of[member], choice] += weight - 1
    if not all(choice in CHOICES for _, choice in counts):
        raise ValueError("a ballot is not a choice")
    by_college = {code: {choice: counts[code, choice] for choice in CHOICES} for code in WEIGHTS}
    share = Fraction(0)
    for code, weight in WEIGHTS.items():
        votes = by_college[code]
        share += weight * Fraction(votes[Choice.FOR], votes[Choice.FOR] + votes[Choice.AGAINST])
    return share, len(ballots), present_weight, by_college, share > Fraction(1, 2)


def library_outcome(result: VoteResult) -> Outcome:
    """The library's result in the bare loop's shape (outside the timing)."""
    assert result.by_college is not None  # noqa: S101 - colleges are given
    by_college = {
        code: {choice: result.by_college[code].get(choice, 0) for choice in CHOICES}
        for code in WEIGHTS
    }
    return (
        result.share_for,
        result.present_members,
        result.present_weight,
        by_college,
        result.adopted,
    )


def numpy_tally(np: Any, codes: Any, heavy_positions: Any, heavy_extra: Any) -> Any:
    """Votes per ``college x 4 + choice`` code: a ``bincount`` (one vote per ballot, int64), the
    heavy voters' extra votes added at their positions (the cap binds nobody here: checked by
    the bare loop, which gives the same counts)."""
    counts = np.bincount(codes, minlength=4 * len(WEIGHTS))
    np.add.at(counts, codes[heavy_positions], heavy_extra)
    return counts


def numpy_outcome(counts: Any, ballots: int, present_weight: int) -> Outcome:
    """The numpy counts in the bare loop's shape: the share for from the counts (outside the
    timing: 16 numbers)."""
    table = counts.tolist()
    by_college = {
        code: {choice: table[4 * c + k] for k, choice in enumerate(CHOICES)}
        for c, code in enumerate(WEIGHTS)
    }
    share = Fraction(0)
    for code, weight in WEIGHTS.items():
        votes = by_college[code]
        share += weight * Fraction(votes[Choice.FOR], votes[Choice.FOR] + votes[Choice.AGAINST])
    return share, ballots, present_weight, by_college, share > Fraction(1, 2)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=None, help="ballots (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=20260601)
    add_arguments(parser)
    args = parser.parse_args(argv)
    rounds = rounds_of(args, parser)
    n = args.n or (2_000 if args.quick else 1_000_000)
    if n < 1:
        parser.error("--n must be at least 1")

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
        one_member_one_vote=False,  # one vote per share: the caps apply
        member_caps=(MemberCap(Rate.of("1/10"), LAW),),
    )
    rng = random.Random(args.seed)
    colleges = [College(code, {code}, weight) for code, weight in WEIGHTS.items()]
    codes = list(WEIGHTS)
    options = list(Choice)
    voters = []
    ballots: dict[str, Choice] = {}
    for i in range(n):
        college = codes[rng.randrange(4)]
        weight = rng.randint(2, 50) if rng.random() < 0.001 else 1
        voters.append(Voter(f"m{i}", weight, college, college))
        ballots[f"m{i}"] = options[rng.randrange(4)]
    electorate = Electorate.of(voters, colleges=colleges)
    statutes = VotingStatutes(LAW, colleges=colleges)
    meeting = Meeting(DAY, "ordinary", electorate, ballots)
    college_of = {v.id: v.college for v in voters if v.college is not None}
    heavy = {v.id: v.weight for v in voters if v.weight != 1}

    variants = [
        Variant("bare loop (Counter in C)", lambda: bare_tally(ballots, college_of, heavy)),
        Variant(
            "tally (library)",
            lambda: tally(meeting, rules, statutes=statutes),
            normalise=library_outcome,
            target=TARGET,
        ),
    ]
    np = numpy_or_none()
    if np is not None:
        position = {member: i for i, member in enumerate(ballots)}
        college_number = {code: c for c, code in enumerate(WEIGHTS)}
        choice_number = {choice: k for k, choice in enumerate(CHOICES)}
        ballot_codes = np.array(
            [4 * college_number[college_of[m]] + choice_number[c] for m, c in ballots.items()],
            dtype=np.int64,
        )
        present = [m for m in heavy if m in position]
        heavy_positions = np.array([position[m] for m in present], dtype=np.int64)
        heavy_extra = np.array([heavy[m] - 1 for m in present], dtype=np.int64)
        present_weight = len(ballots) + int(heavy_extra.sum())
        variants.append(
            Variant(
                "numpy bincount (the floor)",
                lambda: numpy_tally(np, ballot_codes, heavy_positions, heavy_extra),
                normalise=lambda counts: numpy_outcome(counts, len(ballots), present_weight),
            )
        )
    freeze()
    try:
        timings = compare("tally", variants, rounds)
        share = bare_tally(ballots, college_of, heavy)[0]
    finally:
        unfreeze()
    print(f"{n:,} ballots in 4 colleges, cap 1/10 per member (seed {args.seed})")
    print(f"share for {float(share):.6f} (exact {share}); the same in every variant")
    print(report("tally", timings, unit=n))
    return 0


def run_main(argv: list[str] | None = None) -> int:
    return _run_main(main, argv)


if __name__ == "__main__":
    sys.exit(run_main())
