import json
from pathlib import Path

from beancount import loader
from click.testing import CliRunner

from cooprules_cli import main

SAMPLE = str(Path(__file__).resolve().parent.parent / "examples" / "be-activity.toml")


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_run_sample_table():
    result = invoke("run", SAMPLE)
    assert result.exit_code == 0, result.output
    assert "c-amina" in result.output
    assert "Levies per activity" in result.output


def test_run_json_is_stable_and_parses():
    first = invoke("run", SAMPLE, "--format", "json")
    second = invoke("run", SAMPLE, "--format", "json")
    assert first.exit_code == 0
    assert first.output == second.output
    data = json.loads(first.output)
    assert data["regime"] == "be-activity"
    assert data["levies"]["total"].endswith(" EUR")
    assert data["distribution"]["surplus"] == "18400.00 EUR"


def test_run_markdown_french_with_explanations():
    result = invoke("run", SAMPLE, "--format", "markdown", "--lang", "fr", "--explain")
    assert result.exit_code == 0
    assert "Membres et statuts" in result.output
    assert "Explications" in result.output


def test_check_exits_1_on_a_violation():
    result = invoke("check", SAMPLE)
    assert result.exit_code == 1
    assert "c-amina" in result.output


def test_check_exits_1_on_statutes_violation(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[coop]\nregime = "be-cnc"\nname = "Trop"\nyear = 2025\n'
        '[coop.statutes.values]\n"capital.dividend_cap" = "7%"\n',
        encoding="utf-8",
    )
    result = invoke("check", str(path))
    assert result.exit_code == 1
    assert "capital.dividend_cap" in result.output


def test_bad_input_exits_2(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[coop]\nregime = "be-cnc"\nname = "X"\nyear = "2025"\n', encoding="utf-8")
    result = invoke("run", str(path))
    assert result.exit_code == 2
    assert "coop.year" in result.output
    assert invoke("run", str(tmp_path / "missing.toml")).exit_code == 2


def test_regimes_lists_the_ten_codes():
    result = invoke("regimes")
    assert result.exit_code == 0
    for code in (
        "be-activity",
        "be-cnc",
        "be-sces",
        "fr-scop",
        "fr-scic",
        "fr-cae-scop",
        "fr-cae-scic",
        "qc-work",
        "qc-solidarity",
        "qc-producer",
    ):
        assert code in result.output


def test_journal_loads_in_beancount(tmp_path):
    ledger = tmp_path / "year.beancount"
    result = invoke("run", SAMPLE, "--journal", str(ledger), "--format", "json")
    assert result.exit_code == 0
    _, errors, _ = loader.load_file(str(ledger))
    assert errors == []
