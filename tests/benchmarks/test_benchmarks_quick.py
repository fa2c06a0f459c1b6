"""Every benchmark runs in ``--quick`` mode and its variants agree; the harness refuses to time
variants that disagree.

Speed is never asserted here (issue 16: it is measured in the benchmarks, not in unit tests): a
quick run is a smoke test of the scripts and of the agreement of their variants, on small inputs.
"""

from __future__ import annotations

import gc
import importlib
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch):
    """Import a benchmark script as the command line does (its folder first on ``sys.path``)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))

    def load(name: str) -> ModuleType:
        module = importlib.import_module(name)
        assert Path(module.__file__).parent == BENCHMARKS  # this checkout's, not another's
        return module

    yield load
    for name in [*sys.modules]:
        module = sys.modules[name]
        if Path(getattr(module, "__file__", None) or "/").parent == BENCHMARKS:
            del sys.modules[name]


@pytest.fixture
def frozen():
    """The test process's objects out of the collector's reach while the harness runs: it
    collects before every run, and a full collection over all of pytest's objects is slow."""
    gc.collect()
    gc.freeze()
    yield
    gc.unfreeze()


def _rows(output: str) -> dict[str, list[str]]:
    """The report rows by variant name: the columns after the name."""
    rows = {}
    for line in output.splitlines():
        match = re.match(r"  (\S.*?)\s{2,}(\d+\.\d{4}\s.*)$", line)
        if match:
            rows[match.group(1)] = match.group(2).split()
    return rows


# (script, variants its report must show, the variant with the target, the target)
QUICK = [
    (
        "bench_allocate",
        [
            "bare loop (inline ints, one int sort)",
            "allocate (Money in, Parts out)",
            "numpy int64 (the floor)",
        ],
        "allocate (Money in, Parts out)",
        "1.1x",
    ),
    (
        "bench_levies",
        ["bare loop (ints, schedule as data)", "levy_years (library)", "numpy int64 (the floor)"],
        "levy_years (library)",
        "1.5x",
    ),
    (
        "bench_membership",
        [
            "bare map(bisect) + index, ordinals",
            "status_at per member (library)",
            "numpy int64 (the floor)",
            "bare loop (ordinals, int codes)",
            "deadlines_within (library)",
        ],
        "status_at per member (library)",
        "1.3x",
    ),
    (
        "bench_surplus",
        [
            "bare loop (inline ints, one int sort)",
            "distribute (library)",
            "numpy int64 (the floor)",
        ],
        "distribute (library)",
        "1.5x",
    ),
    (
        "bench_voting",
        ["bare loop (Counter in C)", "tally (library)", "numpy bincount (the floor)"],
        "tally (library)",
        "1.5x",
    ),
]


@pytest.mark.parametrize(
    ("script", "variants", "targeted", "target"), QUICK, ids=[q[0] for q in QUICK]
)
def test_quick_run_agrees_and_reports(bench, capsys, script, variants, targeted, target):  # noqa: PLR0917
    module = bench(script)
    assert module.run_main(["--quick"]) == 0
    output = capsys.readouterr().out
    assert "all variants agree" in output
    rows = _rows(output)
    for variant in variants:
        assert variant in rows, f"{variant!r} missing from:\n{output}"
    baseline = rows[variants[0]]
    assert baseline[-1] == "(baseline)"
    assert baseline[3] == "1.00x"  # the baseline's ratio to itself
    verdict = rf"  {re.escape(targeted)}\s.*  <= {re.escape(target)}: (met|NOT MET)$"
    assert re.search(verdict, output, re.MULTILINE)


def test_membership_deadline_target_shown(bench, capsys):
    module = bench("bench_membership")
    assert module.run_main(["--quick", "--query", "deadlines"]) == 0
    output = capsys.readouterr().out
    assert "(a) statuses" not in output
    assert re.search(r"deadlines_within \(library\).*<= 1\.5x: (met|NOT MET)", output)
    assert "no numpy floor" in output


def test_fewer_than_five_rounds_refused(bench, capsys):
    module = bench("bench_allocate")
    with pytest.raises(SystemExit) as raised:
        module.run_main(["--quick", "--rounds", "4"])
    assert raised.value.code == 2
    assert "--rounds must be at least 5" in capsys.readouterr().err


@pytest.mark.usefixtures("frozen")
def test_a_disagreeing_variant_is_never_timed(bench, capsys):
    timing = bench("timing")
    calls = {"baseline": 0, "wrong": 0}

    def baseline():
        calls["baseline"] += 1
        return [1, 2, 3]

    def wrong():
        calls["wrong"] += 1
        return [1, 2, 4]

    variants = [timing.Variant("baseline", baseline), timing.Variant("wrong", wrong)]
    with pytest.raises(timing.Mismatch) as raised:
        timing.compare("demo", variants, 5)
    assert raised.value.variant == "wrong"
    assert raised.value.detail == "item 2: 4 instead of 3"
    assert calls == {"baseline": 1, "wrong": 1}  # the check run only, no timed round

    reached = []

    def main(_argv):
        timing.compare("demo", variants, 5)
        reached.append("timed")  # pragma: no cover - never reached
        return 0  # pragma: no cover

    assert timing.run_main(main, []) == 1
    assert reached == []
    captured = capsys.readouterr()
    assert "MISMATCH: demo: wrong disagrees with the baseline" in captured.err


@pytest.mark.usefixtures("frozen")
def test_variants_compared_after_normalising(bench):
    timing = bench("timing")
    variants = [
        timing.Variant("list", lambda: [0, 1, 2]),
        timing.Variant("tuple", lambda: (0, 1, 2), normalise=list),
        timing.Variant("range", lambda: range(3), normalise=list, target=1.5),
    ]
    timings = timing.compare("demo", variants, 5)
    assert [len(t.cpu) for t in timings] == [5, 5, 5]
    assert [len(t.wall) for t in timings] == [5, 5, 5]
    assert timings[0].ratio_to(timings[0]) == 1.0
    assert timings[0].meets_target(timings[0]) is None
    assert timings[2].meets_target(timings[0]) is (timings[2].ratio_to(timings[0]) <= 1.5)


@pytest.mark.usefixtures("frozen")
def test_alternating_rounds(bench):
    timing = bench("timing")
    order = []
    variants = [timing.Variant(name, lambda name=name: order.append(name)) for name in "ABC"]
    timing.compare("demo", variants, 5)
    assert order[:3] == ["A", "B", "C"]  # the untimed check
    assert order[3:] == ["A", "B", "C"] * 5


def test_report_ratios_and_verdicts(bench):
    timing = bench("timing")
    base = timing.Variant("base", lambda: None)
    fast = timing.Variant("fast", lambda: None, target=1.1)
    slow = timing.Variant("slow", lambda: None, target=1.1)
    timings = [
        timing.Timing(base, (100, 110, 90, 100, 100), (1, 1, 1, 1, 1)),
        timing.Timing(fast, (105, 110, 99, 100, 200), (1, 1, 1, 1, 1)),
        timing.Timing(slow, (130, 110, 120, 120, 140), (1, 1, 1, 1, 1)),
    ]
    assert timings[1].ratio_to(timings[0]) == 1.05
    assert timings[2].ratio_to(timings[0]) == 1.2
    assert timings[1].round_ratios(timings[0]) == [1.05, 1.0, 1.1, 1.0, 2.0]
    text = timing.report("demo", timings, unit=10)
    rows = _rows(text)
    assert rows["fast"][3:] == ["1.05x", "1.00-2.00", "10.5", "<=", "1.1x:", "met"]
    assert rows["slow"][3:] == ["1.20x", "1.00-1.40", "12.0", "<=", "1.1x:", "NOT", "MET"]
    assert rows["base"][1] == "0.0000-0.0000"  # min-max, in seconds


def test_startup_quick(bench, capsys):
    module = bench("bench_startup")
    assert module.main(["--quick"]) == 0
    output = capsys.readouterr().out
    assert "cached bytecode: 5 alternating runs" in output
    verdict = r"(met|NOT MET), (met|NOT MET)$"
    assert re.search(rf"^  import cooprules .*<= 100 ms: {verdict}", output, re.MULTILINE)
    assert re.search(rf"^  cooprules --help .*<= 150 ms: {verdict}", output, re.MULTILINE)
    assert "no bytecode cache" not in output  # quick: cached only


def test_startup_refuses_fewer_than_five_runs(bench, capsys):
    module = bench("bench_startup")
    with pytest.raises(SystemExit):
        module.main(["--runs", "3"])
    assert "--runs must be at least 5" in capsys.readouterr().err
