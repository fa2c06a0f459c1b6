"""Mutation testing of the core on a documented sample: ``python scripts/mutation_sample.py``.

mutmut (the ``mutation`` extra, configured in ``pyproject.toml`` under ``[tool.mutmut]``) writes
every mutant of the seven core modules; running all of them (10,831 on 2026-12-02) takes hours on a
2-core machine, so this script draws a fixed sample of each module's mutants, has mutmut run
exactly those, and prints the score per module::

    python -m pip install -e ".[test,mutation]"
    python scripts/mutation_sample.py                    # the seven modules, 100 mutants each
    python scripts/mutation_sample.py money --size 300   # one module, a larger sample
    python scripts/mutation_sample.py levies --survivors # the surviving mutants' diffs too
    mutmut run "cooprules.levies.*"                      # every mutant of one module

The sample is ``random.Random(SEED).sample`` of the module's mutant names in sorted order, so the
same source gives the same sample: adding tests changes the score, never the sample. The score is
the share of sampled mutants that the tests kill (a timeout counts as killed, as mutmut counts
it); a mutant no test reaches counts as a survivor, and so does a mutant that changes only a
message's text, unless a test checks that message. mutmut works in ``mutants/`` (a copy of the
repository, ignored by git); its stats (which test reaches which function) are collected once,
on the first run, and kept there.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

#: The seven core modules of issue 14 and the mutant names each covers (a package's mutants are
#: all of its modules').
MODULES = {
    "money": "cooprules.money.",
    "levies": "cooprules.levies.",
    "surplus": "cooprules.surplus.",
    "voting": "cooprules.voting.",
    "membership": "cooprules.membership.",
    "reserves": "cooprules.reserves.",
    "capital": "cooprules.capital.",
}
SEED = 14
SIZE = 100
TARGET = 0.90
ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout"}


def generate() -> None:
    """Write every mutant of the configured files into ``mutants/`` (mutmut's own first step)."""
    os.chdir(ROOT)
    from mutmut.__main__ import (
        copy_also_copy_files,
        copy_src_dir,
        create_mutants,
        setup_source_paths,
        store_lines_covered_by_tests,
    )
    from mutmut.mutation.trampoline import set_mutant_under_test

    set_mutant_under_test("mutant_generation")
    (ROOT / "mutants").mkdir(exist_ok=True)
    copy_src_dir()
    copy_also_copy_files()
    setup_source_paths()
    store_lines_covered_by_tests()
    create_mutants(os.cpu_count() or 2)
    set_mutant_under_test("")


def verdicts() -> dict[str, int | None]:
    """Every mutant's exit code as mutmut recorded it (``None``: not run yet)."""
    codes: dict[str, int | None] = {}
    for meta in sorted((ROOT / "mutants" / "src").rglob("*.py.meta")):
        codes.update(json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"])
    return codes


def sample(names: list[str], size: int) -> list[str]:
    """The fixed sample of one module's mutants (all of them when it has fewer)."""
    ordered = sorted(names)
    if len(ordered) <= size:
        return ordered
    return sorted(random.Random(SEED).sample(ordered, size))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", metavar="MODULE", help=", ".join(MODULES))
    parser.add_argument("--size", type=int, default=SIZE, help="mutants per module (default 100)")
    parser.add_argument("--survivors", action="store_true", help="print each survivor's diff")
    parser.add_argument("--no-run", action="store_true", help="report the last run's verdicts")
    arguments = parser.parse_args(argv)
    modules = arguments.modules or list(MODULES)
    unknown = sorted(set(modules) - set(MODULES))
    if unknown:
        parser.error(f"unknown module {unknown[0]!r}: choose among {', '.join(MODULES)}")

    if not arguments.no_run:
        generate()
    codes = verdicts()
    chosen = {
        module: sample([name for name in codes if name.startswith(MODULES[module])], arguments.size)
        for module in modules
    }
    names = [name for module in modules for name in chosen[module]]
    if not names:
        print("no mutants: is [tool.mutmut] only_mutate set in pyproject.toml?", file=sys.stderr)
        return 2
    if not arguments.no_run:
        subprocess.run(["mutmut", "run", *names], cwd=ROOT, check=False)
        codes = verdicts()

    from mutmut.stats import status_by_exit_code

    report: dict[str, object] = {}
    failed = False
    print(f"\n{'module':<12} {'sampled':>8} {'killed':>7} {'score':>7}  other verdicts")
    for module in modules:
        statuses = {name: status_by_exit_code[codes[name]] for name in chosen[module]}
        counts = Counter(statuses.values())
        killed = sum(counts[status] for status in KILLED)
        score = killed / len(statuses) if statuses else 0.0
        failed |= score < TARGET
        others = ", ".join(f"{s} {n}" for s, n in sorted(counts.items()) if s not in KILLED)
        print(f"{module:<12} {len(statuses):>8} {killed:>7} {score:>7.1%}  {others}")
        survivors = sorted(name for name, status in statuses.items() if status not in KILLED)
        report[module] = {"sampled": len(statuses), "killed": killed, "survivors": survivors}
        if arguments.survivors:
            for name in survivors:
                subprocess.run(["mutmut", "show", name], cwd=ROOT, check=False)
    (ROOT / "mutants" / "sample-report.json").write_text(
        json.dumps({"seed": SEED, "size": arguments.size, "modules": report}, indent=2) + "\n",
        encoding="utf-8",
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
