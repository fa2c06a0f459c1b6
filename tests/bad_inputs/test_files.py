"""Pathological files through the command and the loader: one line, exit 2, never a traceback.

Each case runs ``cooprules run`` (and the other commands that read a file) on a bad file and
expects exit 2 with one line naming the file, the path in it ("(file)" for the whole file) and
the value; the loader's :class:`~cooprules.scenario.ScenarioError` names the same.
"""

from __future__ import annotations

import sys

import pytest
from tests.bad_inputs.cli import assert_one_line_error, run

from cooprules.scenario import ScenarioError, load

HEAD = '[coop]\nregime = "be-cnc"\nname = "Coop"\nyear = 2025\n'
DEPTH = 10 * sys.getrecursionlimit()

FILES = {
    "empty": (b"", "coop", "required key missing"),
    "blank": (b"  \n\n\t\n", "coop", "required key missing"),
    "comments only": (b"# nothing\n", "coop", "required key missing"),
    "binary": (bytes(range(256)) * 4, "(file)", "cannot read the file"),
    "nul bytes": (HEAD.encode() + b"\x00\x00", "(file)", "not valid TOML"),
    "latin-1": ('[coop]\nname = "Coopérative"\n'.encode("latin-1"), "(file)", "'utf-8' codec"),
    "utf-16": (HEAD.encode("utf-16"), "(file)", "cannot read the file"),
    "not toml": (b"this is not toml\n", "(file)", "not valid TOML"),
    "json": (b'{"coop": {"regime": "be-cnc"}}', "(file)", "not valid TOML"),
    "nested arrays": (
        ("a = " + "[" * DEPTH + "]" * DEPTH).encode(),
        "(file)",
        "nested too deeply",
    ),
    "nested tables": (
        ("a = " + "{ b = " * DEPTH + "1" + " }" * DEPTH).encode(),
        "(file)",
        "nested too deeply",
    ),
    "nested in a field": (
        (HEAD + "first_month = " + "[" * DEPTH + "]" * DEPTH).encode(),
        "(file)",
        "nested too deeply",
    ),
    "deep dotted key": (
        (HEAD + "[coop.statutes.values]\n" + ".".join(["k"] * 5000) + " = 1\n").encode(),
        "coop.statutes.values.k",
        "expected text, an integer or a boolean",
    ),
    "a name of 10 MB": (
        (HEAD.replace('name = "Coop"', 'name = "' + "x" * 10_000_000 + '"') + "x = 1\n").encode(),
        "coop.x",
        "unknown key",
    ),
    "a wrong type": (
        HEAD.replace('name = "Coop"', "name = 5").encode(),
        "coop.name",
        "expected text",
    ),
    "huge amount": (
        (HEAD + '[accounts]\nsurplus = "' + "9" * 10_000_000 + '"\n').encode(),
        "accounts.surplus",
        "text of at most 64 characters",
    ),
    "huge integer": (
        (HEAD + "[accounts]\nsurplus = " + "9" * 4000 + "\n").encode(),
        "accounts.surplus",
        "more than 15 digits",
    ),
    "huge file": (
        (
            "bad = 1\n" + HEAD + "".join(f'[[members]]\nid = "m{i}"\n' for i in range(20_000))
        ).encode(),
        "bad",
        "unknown key",
    ),
    "a year of 64 bits": (
        HEAD.replace("2025", "9223372036854775807").encode(),
        "coop.year",
        "a financial year from 1800 to 2999",
    ),
}


@pytest.fixture(params=list(FILES), ids=list(FILES))
def bad_file(request, tmp_path):
    content, path, reason = FILES[request.param]
    file = tmp_path / "bad.toml"
    file.write_bytes(content)
    return str(file), path, reason


@pytest.mark.parametrize("command", ["run", "check", "test", "migrate"])
def test_a_pathological_file_is_one_line_exit_2(bad_file, command):
    file, path, reason = bad_file
    assert_one_line_error(run(command, file), file, f": {path}", reason)


def test_the_loader_names_the_file_the_path_and_the_value(bad_file):
    file, path, reason = bad_file
    with pytest.raises(ScenarioError) as info:
        load(file)
    first = info.value.errors[0]
    assert (first.file, first.path or "(file)") == (file, path)
    assert reason in first.reason


def test_a_directory_is_one_line_exit_2(tmp_path):
    for command in ("run", "check", "test", "migrate"):
        line = assert_one_line_error(run(command, str(tmp_path)), str(tmp_path), "(file)")
        assert "Is a directory" in line
    with pytest.raises(ScenarioError) as info:
        load(tmp_path)
    assert (info.value.path, info.value.value) == ("", str(tmp_path))


def test_a_missing_file_is_one_line_exit_2(tmp_path):
    missing = str(tmp_path / "missing.toml")
    line = assert_one_line_error(run("run", missing), missing, "(file)")
    assert "No such file" in line


def test_the_statement_of_a_bad_file_is_one_line_exit_2(tmp_path):
    file = tmp_path / "bad.toml"
    file.write_text(HEAD.replace("2025", "0"), encoding="utf-8")
    assert_one_line_error(run("statement", str(file), "act"), str(file), "coop.year", "0")
