"""The worked examples of the legal reference, shipped beside each plug-in as scenario files.

Each file under ``src/cooprules_adapters/{be,fr,qc}/worked/`` states, in its ``[expected]``
section, the figures the reference's worked example gives; every one must be met by the engines.
"""

from __future__ import annotations

import re
import tomllib
from importlib.resources import files
from pathlib import Path

import pytest

from cooprules.expected import check_expectations, expectations_of
from cooprules.plugins import load_regimes
from cooprules.scenario import ScenarioError, load
from cooprules.testing import check_worked_examples
from cooprules_adapters.scenario import evaluate_scenario

PLUGINS = ("be", "fr", "qc")
CATALOGUE = load_regimes()


def _worked(plugin: str) -> list[Path]:
    folder = files(f"cooprules_adapters.{plugin}") / "worked"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".toml"))


WORKED = [path for plugin in PLUGINS for path in _worked(plugin)]


def _outcomes(path: Path):
    scenario = load(path, currency_of_regime=lambda code: CATALOGUE.get(code).currency)
    expected = expectations_of(scenario)
    report = evaluate_scenario(scenario, as_of=expected.as_of, catalogue=CATALOGUE, journal=False)
    return check_expectations(report, expected)


def test_each_plugin_ships_its_worked_examples():
    names = {plugin: {p.name for p in _worked(plugin)} for plugin in PLUGINS}
    assert {"activity-convention-and-levy.toml", "target-group-quota.toml"} <= names["be"]
    assert {"cae-cape-then-cesa.toml", "scop-art33-example-a.toml", "scic-example-e.toml"} <= (
        names["fr"]
    )
    assert {"s146-example-1.toml", "dissolution-three-quarters.toml"} <= names["qc"]


@pytest.mark.parametrize("path", WORKED, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_worked_example_is_met(path: Path):
    outcomes = _outcomes(path)
    assert outcomes, "a worked example states at least one figure"
    unmet = [f"{o.path}: expected {o.expected}, got {o.actual}" for o in outcomes if not o.met]
    assert unmet == []


@pytest.mark.parametrize("path", WORKED, ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_worked_example_names_its_source(path: Path):
    text = path.read_text(encoding="utf-8")
    header = text[: text.index("[coop]")]
    assert header.startswith("# Worked example: ")
    assert re.search(r"^# Sources?: ", header, re.MULTILINE), path.name
    assert re.search(r"https?://", header), "the public source's address is given"
    assert re.search(r"art\. |s\. \d", header), "the law's article is named"
    confidence = r"from (the text|an older version of the text|a secondary source)"
    assert re.search(confidence, header), "the source's confidence is given in words"
    assert "[expected]" in text
    assert tomllib.loads(text)["coop"]["regime"].startswith(path.parent.parent.name + "-")


def test_the_kit_runs_the_worked_examples_of_our_plugins():
    check_worked_examples(WORKED)


def test_the_kit_lists_every_figure_not_met_with_its_explanation(tmp_path):
    source = next(p for p in WORKED if p.name == "cae-cape-then-cesa.toml")
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(
        source.read_text(encoding="utf-8").replace("due = 2027-02-28", "due = 2027-01-31"),
        encoding="utf-8",
    )
    with pytest.raises(AssertionError) as info:
        check_worked_examples([source, wrong])
    message = str(info.value)
    assert str(wrong) in message
    assert str(source) not in message
    assert "not met  expected.deadlines[0]" in message
    assert "expected 2027-01-31 (pending); got 2027-02-28 (pending)" in message
    assert "L7331-3" in message  # the report's explanation, with its citation


def test_the_kit_refuses_no_file_and_a_file_without_expectations(tmp_path):
    with pytest.raises(AssertionError, match="no worked example"):
        check_worked_examples([])
    bare = tmp_path / "bare.toml"
    bare.write_text('[coop]\nregime = "be-cnc"\nname = "X"\nyear = 2025\n', encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"bare\.toml: expected: no \[expected\] section"):
        check_worked_examples([bare])
