"""The installed package is enough: a starter scenario, the samples, the schema, the version."""

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

import cooprules
from cooprules.plugins import load_regimes
from cooprules_cli import main
from cooprules_cli.starter import SCHEMA_ID, sample_names, sample_text

ROOT = Path(__file__).resolve().parents[2]
CODES = [regime.code for regime in load_regimes()]


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_the_eleven_regimes_are_there():
    assert len(CODES) == 11


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_init_writes_a_starter_that_runs_with_no_violation(tmp_path, code, lang):
    target = tmp_path / "coop.toml"
    result = invoke("init", "--regime", code, "--lang", lang, "--output", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == f"#:schema {SCHEMA_ID}"
    assert tomllib.loads(text)["coop"]["regime"] == code
    run = invoke("run", str(target), "--format", "json", "--fail-on", "warning")
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["violations"] == []
    assert len(data["members"]) == 3
    assert [v["adopted"] for v in data["votes"]] == [True]


def test_init_writes_coop_toml_in_the_current_folder_commented_in_french(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("init", "--regime", "qc-work", "--lang", "fr")
    assert result.exit_code == 0
    assert result.stderr == "coop.toml écrit\n"
    text = (tmp_path / "coop.toml").read_text(encoding="utf-8")
    assert "Un scénario de départ pour le régime qc-work (Coopérative de travail)" in text
    assert "Les membres" in text


def test_init_refuses_an_existing_file_without_force(tmp_path):
    target = tmp_path / "coop.toml"
    target.write_text("# mine\n", encoding="utf-8")
    result = invoke("init", "--regime", "be-activity", "--output", str(target))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {target} already exists; --force overwrites it"
    ]
    assert target.read_text(encoding="utf-8") == "# mine\n"
    forced = invoke("init", "--regime", "be-activity", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("#:schema ")


def test_init_an_unknown_regime_exits_2_with_one_line(tmp_path):
    result = invoke("init", "--regime", "xx-none", "--output", str(tmp_path / "c.toml"))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "xx-none" in result.stderr
    assert not (tmp_path / "c.toml").exists()


def test_init_the_year_is_the_one_given(tmp_path):
    target = tmp_path / "coop.toml"
    assert invoke("init", "--regime", "fr-scop", "-o", str(target), "--year", "2024").exit_code == 0
    assert tomllib.loads(target.read_text(encoding="utf-8"))["coop"]["year"] == 2024


def test_samples_lists_every_shipped_sample():
    result = invoke("samples")
    assert result.exit_code == 0
    names = [line.split()[0] for line in result.stdout.splitlines()]
    assert names == sample_names()
    assert set(names) == {p.stem for p in (ROOT / "examples").glob("*.toml")}
    assert "be-activity" in names
    assert "Belgian" in result.stdout


def test_samples_copies_one_that_runs(tmp_path):
    result = invoke("samples", "fr-scic", "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    copied = tmp_path / "out" / "fr-scic.toml"
    assert copied.read_text(encoding="utf-8") == sample_text("fr-scic")
    assert invoke("run", str(copied), "--format", "json").exit_code == 0
    again = invoke("samples", "fr-scic", "--output", str(tmp_path / "out"))
    assert again.exit_code == 2
    assert "--force" in again.stderr


def test_samples_an_unknown_name_exits_2():
    result = invoke("samples", "xx-none")
    assert result.exit_code == 2
    assert "be-activity" in result.stderr  # the names it knows


def test_the_examples_folder_is_the_shipped_samples():
    for name in sample_names():
        assert (ROOT / "examples" / f"{name}.toml").read_text(encoding="utf-8") == sample_text(name)


def test_schema_prints_the_shipped_json_schema_with_its_id():
    result = invoke("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == SCHEMA_ID
    assert schema["$id"].startswith("https://raw.githubusercontent.com/")  # served as JSON
    assert schema["properties"]["coop"] == {"$ref": "#/$defs/Coop"}
    assert result.stdout == (ROOT / "docs" / "scenario.schema.json").read_text(encoding="utf-8")


def test_taplo_associates_the_schema_with_the_samples():
    config = tomllib.loads((ROOT / ".taplo.toml").read_text(encoding="utf-8"))
    (rule,) = config["rule"]
    assert "examples/*.toml" in rule["include"]
    assert (ROOT / rule["schema"]["path"]).is_file()


def test_version_is_the_package_s():
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"cooprules {cooprules.__version__}\n"


def test_one_version_source_and_the_metadata():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert project["project"]["dynamic"] == ["version"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/cooprules/__init__.py"
    assert {"click>=8.1", "rich>=13"} <= set(project["project"]["dependencies"])
    assert project["project"]["optional-dependencies"]["cli"] == []
    urls = project["project"]["urls"]
    assert set(urls) == {"Homepage", "Documentation", "Source", "Issues"}
    assert all(url.startswith("https://github.com/cooprules/cooprules") for url in urls.values())
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "2026 cooprules developers" in (ROOT / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("package", ["cooprules", "cooprules_adapters", "cooprules_cli"])
def test_every_package_is_typed(package):
    assert (ROOT / "src" / package / "py.typed").is_file()


def test_help_lists_the_exit_codes():
    result = invoke("--help")
    assert result.exit_code == 0
    for code in ("0   done", "1   violations", "2   bad input", "70  an internal error"):
        assert code in result.stdout


def test_every_option_has_help():
    missing = [
        f"{name} {param.name}"
        for name, command in main.commands.items()
        for param in command.params
        if param.param_type_name == "option" and not getattr(param, "help", None)
    ]
    assert missing == []
