"""The books in the command: the report's books section and ``cooprules statement``."""

import json
from pathlib import Path

from click.testing import CliRunner

from cooprules_cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BE = str(EXAMPLES / "be-activity.toml")
CAE = str(EXAMPLES / "fr-cae-scop.toml")


def invoke(*args):
    return CliRunner().invoke(main, list(args))


def test_the_report_shows_each_activity_s_books_in_every_format():
    table = invoke("run", BE)
    assert table.exit_code == 0, table.output
    assert "Books per activity" in table.output
    data = json.loads(invoke("run", BE, "--format", "json").output)
    amina = data["books"]["activities"][0]
    assert amina["activity"] == "amina-act"
    assert len(amina["months"]) == 12
    assert amina["months"][1]["opening"] == amina["months"][0]["closing"]
    markdown = invoke("run", BE, "--format", "markdown", "--lang", "fr", "--explain").output
    assert "## Comptes des activités" in markdown
    assert "| amina-act | 3\u202f200,00\u00a0€ |" in markdown  # fr_BE, CLDR's spaces
    assert "Comptes de l'activité amina-act :" in markdown


def test_statement_in_markdown_and_text_english_and_french():
    result = invoke("statement", CAE, "e01-act")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("# Statement of activity e01-act (e01)")
    assert "| Variable part due after the meeting | 20249.28 |" in result.output
    text = invoke("statement", CAE, "e36-act", "--format", "text", "--lang", "fr")
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Relevé de l'activité e36-act (e36)")
    assert any(
        line.startswith("Résultat bloqué (sans salaire)") and line.endswith(" 2767.53")
        for line in text.output.splitlines()
    )
    assert "candidat-entrepreneur" in text.output  # the no-salary finding, its status labelled


def test_statement_of_an_unknown_activity_exits_2_naming_the_file_and_the_known_ones():
    result = invoke("statement", BE, "nope")
    assert result.exit_code == 2
    assert "be-activity.toml: activities: not an activity of the scenario (amina-act," in (
        result.output
    )


def test_statement_of_a_scenario_without_activities_exits_2(tmp_path):
    file = tmp_path / "coop.toml"
    file.write_text('[coop]\nregime = "be-cnc"\nname = "C"\nyear = 2025\n', encoding="utf-8")
    result = invoke("statement", str(file), "a1")
    assert result.exit_code == 2
    assert "(none)" in result.output


def test_statement_help_names_the_formats():
    result = invoke("statement", "--help")
    assert "markdown|text" in result.output
