"""Time the start-up of ``import cooprules`` and ``cooprules --help`` over ``python -c pass``.

Run from the repository root::

    python benchmarks/bench_startup.py                 # 11 alternating runs of each command
    python benchmarks/bench_startup.py --runs 21 --top 15
    python benchmarks/bench_startup.py --quick         # a smoke run: 5 runs, cached only, no
                                                       # warm-up run

Three commands run in fresh interpreters (``sys.executable``, this checkout's ``src`` first on
``PYTHONPATH``, so the code measured is the code beside this script):

* ``python -c pass``: the interpreter's own start-up, the baseline;
* ``python -c "import cooprules"``;
* ``python -c "...; from cooprules_cli import main; sys.exit(main())" --help``: what the
  ``cooprules`` console script runs (the script's launcher, a pyenv shim for instance, is left
  out: it is not the library's).

They alternate (pass, import, help, pass, import, help, ...), ``--runs`` times each (at least
five). Each run's CPU time (user + system of the child, from ``os.wait4``) and wall-clock time are
recorded; the report gives the median and min-max of each, and each command's median minus the
baseline's: the cost the library adds. Targets (issue 16): ``import cooprules`` at most 100 ms
and ``cooprules --help`` at most 150 ms over ``python -c pass``. The verdict is given on both
clocks: the wall clock is what a user waits for, on a quiet machine; on a loaded one it counts the
time the child waited for a core (four times its CPU time at a load average of 8 on 2 cores),
and the CPU time is the better measure of the library's own cost.

Two settings (unless ``--quick``):

* **cached**: the bytecode caches are those of the checkout (written by an untimed warm-up run);
* **no cache**: ``PYTHONPYCACHEPREFIX`` points to an empty temporary folder and
  ``PYTHONDONTWRITEBYTECODE=1``, so every module not frozen into the interpreter is compiled
  from source on every run, the baseline's too (``python -c pass`` imports only frozen modules
  and ``site``, so its figure barely moves): the cost of a first run after an install or an
  upgrade.

With ``--top N``, ``import cooprules`` and ``cooprules --help`` run once more each under
``python -X importtime`` (cached) and the N modules with the largest cumulative import time are
printed: where the start-up goes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
CLI = "import sys; from cooprules_cli import main; sys.argv[0] = 'cooprules'; sys.exit(main())"
COMMANDS = {
    "python -c pass": ["-c", "pass"],
    "import cooprules": ["-c", "import cooprules"],
    "cooprules --help": ["-c", CLI, "--help"],
}
TARGETS_MS = {"import cooprules": 100.0, "cooprules --help": 150.0}
MIN_RUNS = 5


def environment(*, cached: bool, cache_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(SRC), env.get("PYTHONPATH")]))
    env.pop("PYTHONPYCACHEPREFIX", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if not cached:
        env["PYTHONPYCACHEPREFIX"] = cache_dir
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_once(arguments: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One run in a fresh interpreter: (CPU seconds of the child, wall seconds)."""
    import time  # noqa: PLC0415 - only here

    start = time.perf_counter()
    child = subprocess.Popen(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *arguments],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read() if child.stderr else b""
    if child.stderr:
        child.stderr.close()
    if child.returncode != 0:
        raise RuntimeError(f"{arguments!r} failed ({child.returncode}): {error.decode()[-500:]}")
    return usage.ru_utime + usage.ru_stime, wall


def measure(
    runs: int, env: dict[str, str], *, warm_up: bool = True
) -> dict[str, tuple[list[float], list[float]]]:
    """Each command ``runs`` times, alternating; first one untimed warm-up run of each."""
    for arguments in COMMANDS.values() if warm_up else ():
        run_once(arguments, env)  # writes the caches (cached), fills the OS file cache
    times: dict[str, tuple[list[float], list[float]]] = {name: ([], []) for name in COMMANDS}
    for _ in range(runs):
        for name, arguments in COMMANDS.items():
            cpu, wall = run_once(arguments, env)
            times[name][0].append(cpu)
            times[name][1].append(wall)
    return times


def report(setting: str, times: dict[str, tuple[list[float], list[float]]]) -> str:
    runs = len(times["python -c pass"][0])
    base_cpu = statistics.median(times["python -c pass"][0])
    base_wall = statistics.median(times["python -c pass"][1])
    lines = [
        f"{setting}: {runs} alternating runs of each command (milliseconds)",
        (
            f"  {'command':<18} {'wall median':>11} {'min-max':>13} {'over pass':>9}"
            f"  {'CPU median':>10} {'min-max':>13} {'over pass':>9}  target over pass: wall, CPU"
        ),
    ]
    for name, (cpu, wall) in times.items():
        wall_over = (statistics.median(wall) - base_wall) * 1e3
        cpu_over = (statistics.median(cpu) - base_cpu) * 1e3
        target = TARGETS_MS.get(name)
        if name == "python -c pass":
            verdict = "(baseline)"
        elif target is None:  # pragma: no cover - every other command has a target
            verdict = ""
        else:
            verdict = (
                f"<= {target:.0f} ms: {'met' if wall_over <= target else 'NOT MET'},"
                f" {'met' if cpu_over <= target else 'NOT MET'}"
            )
        lines.append(
            f"  {name:<18} {statistics.median(wall) * 1e3:11.1f}"
            f" {min(wall) * 1e3:6.1f}-{max(wall) * 1e3:<6.1f} {wall_over:9.1f}"
            f"  {statistics.median(cpu) * 1e3:10.1f}"
            f" {min(cpu) * 1e3:6.1f}-{max(cpu) * 1e3:<6.1f} {cpu_over:9.1f}  {verdict}"
        )
    return "\n".join(lines)


def import_profile(top: int, env: dict[str, str], command: str) -> str:
    """The ``top`` modules by cumulative import time (``-X importtime``, one cached run)."""
    done = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-X", "importtime", *COMMANDS[command]],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|", 2)
        rows.append((int(cumulative), int(own), name.rstrip()))
    rows.sort(reverse=True)
    lines = [f"{command}: the {top} largest cumulative import times (-X importtime, us, own us):"]
    lines.extend(f"  {cumulative:>9,} {own:>9,}  {name}" for cumulative, own, name in rows[:top])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--runs", type=int, default=None, help="runs per command (default 11)")
    parser.add_argument("--top", type=int, default=0, help="print the N slowest imports")
    parser.add_argument(
        "--quick", action="store_true", help="5 runs, cached only, no warm-up: a smoke run"
    )
    args = parser.parse_args(argv)
    runs = args.runs if args.runs is not None else (MIN_RUNS if args.quick else 11)
    if runs < MIN_RUNS:
        parser.error(f"--runs must be at least {MIN_RUNS}")
    print(f"{sys.executable} (Python {sys.version.split()[0]}), code from {SRC}")
    with tempfile.TemporaryDirectory(prefix="cooprules-pycache-") as empty:
        cached = environment(cached=True, cache_dir=empty)
        print(report("cached bytecode", measure(runs, cached, warm_up=not args.quick)))
        if not args.quick:
            print(
                report(
                    "no bytecode cache", measure(runs, environment(cached=False, cache_dir=empty))
                )
            )
            if any(Path(empty).iterdir()):  # pragma: no cover - PYTHONDONTWRITEBYTECODE holds
                print("warning: bytecode was written to the empty cache folder", file=sys.stderr)
        if args.top:
            print(import_profile(args.top, cached, "import cooprules"))
            print(import_profile(args.top, cached, "cooprules --help"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
