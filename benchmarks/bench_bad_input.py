"""Time the refusal of inputs beyond what a co-op can have: each must be refused at once.

Run from the repository root (cooprules installed)::

    python benchmarks/bench_bad_input.py
    python benchmarks/bench_bad_input.py --repeat 5

Each case is refused with a typed error (the script checks its class, field and value) and timed
best of ``--repeat``:

1. ``Rate.of("1e9999999%")``: a rate with ten million digits before the point (before the
   bounds, 20 s: the exact fraction of a number of ten million digits, then refused as above
   100 %);
2. ``money("1" * 10_000_000, "EUR")``: a 10 MB amount string;
3. ``money("1e70", "EUR")`` then ``quantize``: an amount past the rounding context;
4. ``loads()`` of a file of 10 MB whose ``accounts.surplus`` is that amount string;
5. ``loads()`` of a file of arrays nested 100,000 deep (a ``RecursionError`` before);
6. ``loads()`` of a file with a dotted key 5,000 tables deep (its value shown without recursing).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from cooprules.errors import CoopRulesError, InvalidAmount, InvalidRate
from cooprules.money import Rate, money
from cooprules.scenario import ScenarioError, loads
from timing import best_of

HEAD = '[coop]\nregime = "be-cnc"\nname = "Coop"\nyear = 2025\n'
AMOUNT = "1" * 10_000_000


def refused(
    action: Callable[[], object], kind: type[CoopRulesError], field: str
) -> Callable[[], str]:
    """The case as a function that returns the refusal's field, checked against ``field``."""

    def case() -> str:
        try:
            action()
        except kind as error:
            got = error.errors[-1].path if isinstance(error, ScenarioError) else error.field  # type: ignore[attr-defined]
            assert got == field, (got, field)  # noqa: S101 - a benchmark's own check
            return got
        msg = f"not refused: expected {kind.__name__} at {field}"
        raise AssertionError(msg)

    return case


def cases() -> list[tuple[str, Callable[[], str]]]:
    amount_file = HEAD + f'[accounts]\nsurplus = "{AMOUNT}"\n'
    nested = "a = " + "[" * 100_000 + "]" * 100_000
    dotted = HEAD + "[coop.statutes.values]\n" + ".".join(["k"] * 5000) + " = 1\n"
    return [
        ('Rate.of("1e9999999%")', refused(lambda: Rate.of("1e9999999%"), InvalidRate, "rate")),
        ("money(10 MB string)", refused(lambda: money(AMOUNT, "EUR"), InvalidAmount, "amount")),
        ('money("1e70")', refused(lambda: money("1e70", "EUR"), InvalidAmount, "amount")),
        (
            "loads(10 MB surplus)",
            refused(lambda: loads(amount_file), ScenarioError, "accounts.surplus"),
        ),
        ("loads(nested 100,000 deep)", refused(lambda: loads(nested), ScenarioError, "")),
        (
            "loads(dotted key 5,000 deep)",
            refused(lambda: loads(dotted), ScenarioError, "coop.statutes.values.k"),
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    print(f"{'case':<32} {'best of ' + str(args.repeat):>12}  field")
    for name, case in cases():
        seconds, field = best_of(args.repeat, case)
        print(f"{name:<32} {seconds * 1000:>10.2f} ms  {field or '(file)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
