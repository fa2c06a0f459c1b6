"""An unexpected exception in the command: exit 70, one line with a hint to report it; --debug
shows the traceback. Bad input is never one of them (exit 2, see the other files here)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from tests.bad_inputs.cli import run

SAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "be-activity.toml")
CLI = sys.modules["cooprules_cli.main"]


def boom(*_args, **_kwargs):
    message = "a bug\nsecond line"
    raise ZeroDivisionError(message)


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (["run", SAMPLE], "load"),
        (["check", SAMPLE], "load"),
        (["test", SAMPLE], "load"),
        (["statement", SAMPLE, "amina-act"], "load"),
        (["migrate", SAMPLE], "read_text"),
        (["regimes"], "load_regimes"),
        (["regime", "be-cnc"], "describe"),
    ],
)
def test_an_internal_error_is_one_line_exit_70(monkeypatch, args, target):
    monkeypatch.setattr(CLI, target, boom)
    result = run(*args)
    assert result.exit_code == 70
    assert "Traceback" not in result.output
    (line,) = result.output.splitlines()
    assert line.startswith("internal error: ZeroDivisionError: a bug; this is a bug in cooprules")
    assert "please report it" in line
    assert "--debug" in line


def test_debug_shows_the_traceback(monkeypatch):
    monkeypatch.setattr(CLI, "load", boom)
    result = run("--debug", "run", SAMPLE)
    assert result.exit_code == 70
    assert "Traceback (most recent call last)" in result.output
    assert "raise ZeroDivisionError(message)" in result.output
    assert result.output.splitlines()[-1].startswith("internal error: ZeroDivisionError: a bug")


def test_bad_input_and_usage_errors_keep_their_exit_codes(tmp_path):
    assert run("run", str(tmp_path / "missing.toml")).exit_code == 2
    assert run("run").exit_code == 2  # click's usage error: a missing argument
    assert run("--debug", "run", SAMPLE, "--format", "json").exit_code == 0
