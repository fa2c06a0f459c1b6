import json
from pathlib import Path

from beancount import loader
from click.testing import CliRunner

from cooprules_cli import main

SAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "be-activity.toml")


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


def test_regime_shows_the_art_14_cap_in_force_with_its_citation():
    result = invoke("regime", "fr-scic", "--as-of", "2023-06-30")
    assert result.exit_code == 0, result.output
    assert "capital.dividend_cap" in result.output
    assert "2.7475 %" in result.output  # the cap of general meetings held in 2023
    assert "art. 14" in result.output
    assert "2023-01-01" in result.output
    assert "Extends: fr-coop" in result.output


def test_regime_json_and_markdown_in_french():
    data = json.loads(
        invoke("regime", "fr-scic", "--as-of", "2025-06-30", "--format", "json").output
    )
    assert data["as_of"] == "2025-06-30"
    (cap,) = [p for p in data["parameters"] if p["key"] == "capital.dividend_cap"]
    assert cap["value"] is None
    assert cap["shown"] == "not verified law"
    result = invoke(
        "regime", "fr-scic", "--as-of", "2025-06-30", "--format", "markdown", "--lang", "fr"
    )
    assert result.exit_code == 0
    assert "| `capital.dividend_cap` | loi non vérifiée |" in result.output


def test_regime_unknown_code_exits_2_with_one_line():
    result = invoke("regime", "xx-nowhere")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "'xx-nowhere'" in result.output
    assert "fr-scic" in result.output  # the installed regimes are listed


def test_regime_bad_date_is_a_usage_error():
    result = invoke("regime", "fr-scic", "--as-of", "2023-02-30")
    assert result.exit_code == 2
    assert "--as-of" in result.output


WORKED = Path(__file__).resolve().parents[2] / "src" / "cooprules_adapters" / "fr" / "worked"
CAE = WORKED / "cae-cape-then-cesa.toml"


def test_test_exits_0_when_every_figure_is_met():
    result = invoke("test", str(CAE), str(WORKED / "scop-art33-example-a.toml"))
    assert result.exit_code == 0, result.output
    assert f"{CAE} (2025-12-31)" in result.output
    assert (
        "met      expected.deadlines[0]: deadline fr.cae.become_associate of eva" in result.output
    )
    assert "3 met, 0 not met" in result.output
    assert "8 met, 0 not met" in result.output


def test_test_exits_1_with_the_explanation_of_a_figure_not_met(tmp_path):
    wrong = tmp_path / "wrong.toml"
    wrong.write_text(
        CAE.read_text(encoding="utf-8").replace("due = 2027-02-28", "due = 2027-12-31"),
        encoding="utf-8",
    )
    result = invoke("test", str(CAE), str(wrong), "--lang", "fr")
    assert result.exit_code == 1
    assert "3 atteint(s), 0 non atteint(s)" in result.output  # the good file still runs
    assert "non atteint expected.deadlines[0]" in result.output
    assert "attendu 2027-12-31 (pending); obtenu 2027-02-28 (pending)" in result.output
    assert "L7331-3" in result.output  # the report's explanation, with its citation


def test_test_bad_file_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        CAE.read_text(encoding="utf-8").replace('member = "eva"\ncode', 'member = "zoe"\ncode'),
        encoding="utf-8",
    )
    result = invoke("test", str(bad))
    assert result.exit_code == 2
    assert result.output == (
        f"error: {bad}: expected.deadlines[0].member: not a member of the scenario (got 'zoe')\n"
    )
    bare = tmp_path / "bare.toml"
    bare.write_text('[coop]\nregime = "be-cnc"\nname = "X"\nyear = 2025\n', encoding="utf-8")
    result = invoke("test", str(bare), str(CAE))
    assert result.exit_code == 2  # bad input wins over figures met
    assert f"error: {bare}: expected: no [expected] section" in result.output
    assert "3 met, 0 not met" in result.output
    assert invoke("test", str(tmp_path / "missing.toml")).exit_code == 2
    assert invoke("test").exit_code == 2  # no file: a usage error


def test_test_names_the_file_of_an_error_found_while_evaluating(tmp_path):
    path = tmp_path / "sces.toml"
    path.write_text(
        '[coop]\nregime = "be-sces"\nname = "X"\nyear = 2025\n'
        '[accounts]\nsurplus = "100.00"\n[distribution]\noptions = {}\n'
        "[expected]\nas_of = 2025-12-31\n",
        encoding="utf-8",
    )
    result = invoke("test", str(path))
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {path}: dividend_cap_basis: ")
    assert result.output.count("\n") == 1


SOLIDARITY = str(Path(__file__).resolve().parents[2] / "examples" / "qc-solidarity.toml")


def test_board_elections_in_every_format():
    table = invoke("run", SOLIDARITY)
    assert table.exit_code == 0, table.output
    assert "Board elections" in table.output
    markdown = invoke("run", SOLIDARITY, "--format", "markdown", "--lang", "fr", "--explain")
    assert "## Élections au conseil" in markdown.output
    assert "| board-2026 | 3 | u04 (17), s04 (16), t04 (11) |" in markdown.output
    assert "s02 écarté : la catégorie supporting occupe déjà 3 siège(s)" in markdown.output
    data = json.loads(invoke("run", SOLIDARITY, "--format", "json").output)
    assert data["elections"][0]["method"] == "plurality"
    # a report without elections keeps its keys
    assert "elections" not in json.loads(invoke("run", SAMPLE, "--format", "json").output)
