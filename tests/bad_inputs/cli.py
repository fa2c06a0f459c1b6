"""Running the command on a bad file: what every CLI case of the bad-input suite checks."""

from __future__ import annotations

from click.testing import CliRunner

from cooprules_cli.main import main


def run(*args: str):
    """The command's result (click's CliRunner on ``cooprules_cli.main.main``)."""
    return CliRunner().invoke(main, list(args))


def assert_one_line_error(result, *names: str) -> str:
    """Exit 2, one line, no traceback, the line naming each of ``names`` (file, path, value)."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert len(lines) == 1, lines
    (line,) = lines
    assert line.startswith("error: ")
    for name in names:
        assert name in line, (name, line)
    return line
