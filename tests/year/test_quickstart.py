"""The runnable example the README's first command runs."""

from __future__ import annotations

import runpy
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples" / "quickstart.py"


def test_quickstart_evaluates_the_belgian_example(capsys):
    module = runpy.run_path(str(EXAMPLE))
    errors = module["main"]()
    out = capsys.readouterr().out
    # The generous statutes break the 6 % dividend cap and the 1/10 vote cap (AR 8 Jan 1962).
    assert errors == 2
    assert "Statutes of Coopérative Exemple: 0 violation(s)" in out
    assert "7% is above the legal maximum 6%" in out
    # CNC condition C6 worked example (belgium.md §B3): 15,000 / 7,500 / 7,500.
    assert "-> 15000.00 EUR" in out
    assert out.count("-> 7500.00 EUR") == 2
    assert "ana 333.34 EUR, bo 333.33 EUR, cy 333.33 EUR" in out


def test_quickstart_exits_zero_as_a_script():
    done = subprocess.run(  # noqa: S603 - our own example, with this interpreter
        [sys.executable, str(EXAMPLE)], capture_output=True, text=True, check=False, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Regime: be-cnc" in done.stdout
