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
    assert "attendu 2027-12-31 (pending) ; obtenu 2027-02-28 (pending)" in result.output
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


def test_run_fail_on_exit_codes():
    # The sample shows an error (an overdue convention) and warnings: `run` exits 0 by default,
    # so a job that prints the report does not fail; --fail-on makes the exit code the script's.
    assert invoke("run", SAMPLE).exit_code == 0
    assert invoke("run", SAMPLE, "--fail-on", "never").exit_code == 0
    assert invoke("run", SAMPLE, "--fail-on", "error", "--format", "json").exit_code == 1
    assert invoke("run", SAMPLE, "--fail-on", "warning").exit_code == 1
    assert invoke("run", SAMPLE, "--fail-on", "sometimes").exit_code == 2  # a usage error
    help_text = invoke("run", "--help").output
    assert "--fail-on [error|warning|never]" in help_text
    assert "default: never" in " ".join(help_text.split())


def test_run_fail_on_warning_and_error_differ(tmp_path):
    # A warning and no error: the ballot of a candidate, who may not vote (ignored, a warning).
    path = tmp_path / "warn.toml"
    path.write_text(
        '[coop]\nregime = "be-cnc"\nname = "W"\nyear = 2025\n'
        '[[members]]\nid = "ana"\nevents = [{ kind = "admitted", date = 2024-01-10 }]\n'
        '[[members]]\nid = "bo"\nevents = [{ kind = "applied", date = 2024-01-10 }]\n'
        '[meeting]\ndate = 2026-06-01\n[[meeting.decisions]]\nid = "d"\nkind = "amend_articles"\n'
        'ballots = { ana = "for", bo = "for" }\n',
        encoding="utf-8",
    )
    data = json.loads(invoke("run", str(path), "--format", "json").output)
    assert {v["severity"] for v in data["violations"]} == {"warning"}
    assert invoke("run", str(path), "--fail-on", "error").exit_code == 0
    assert invoke("run", str(path), "--fail-on", "warning").exit_code == 1
    assert invoke("check", str(path)).exit_code == 0


def test_every_error_of_a_file_one_line_each_exit_2(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(
        '[coop]\nregime = "be-cnc"\nyear = "2025"\ncolour = 1\n'
        '[[members]]\nevents = [{ kind = "admitted" }]\n',
        encoding="utf-8",
    )
    for command in ("run", "check", "test"):
        result = invoke(command, str(path))
        assert result.exit_code == 2
        assert "Traceback" not in result.output
        assert result.output.splitlines() == [
            f"error: {path}: coop.name: required key missing (got None)",
            f"error: {path}: coop.year: expected an integer (got '2025')",
            f"error: {path}: coop.colour: unknown key (got 1)",
            f"error: {path}: members[0].id: required key missing (got None)",
            f"error: {path}: members[0].events[0].date: required key missing (got None)",
        ]


def test_a_format_cooprules_does_not_read_exits_2(tmp_path):
    path = tmp_path / "f3.toml"
    path.write_text('format = 3\n[coop]\nregime = "be-cnc"\nname = "X"\nyear = 2025\n')
    result = invoke("run", str(path))
    assert result.exit_code == 2
    assert result.output == (
        f"error: {path}: format: this version of cooprules reads the formats 1 and 2 (got 3)\n"
    )


V1 = """# A version-1 file.
[coop]
regime = "be-activity"
name = "Coop"
year = 2025

# art. 12
[levies]
sample = "be.ACTIVITY_EXAMPLE"
"""


def test_migrate_prints_or_writes_the_file_in_format_2(tmp_path):
    old = tmp_path / "old.toml"
    old.write_text(V1, encoding="utf-8")
    result = invoke("migrate", str(old))
    assert result.exit_code == 0, result.output
    assert "format = 2\n" in result.output
    assert "# art. 12\n[[levies.schedules]]\n" in result.output
    new = tmp_path / "new.toml"
    result = invoke("migrate", str(old), "-o", str(new))
    assert result.exit_code == 0
    assert f"{old}: format = 2 added" in result.output
    assert "comments" not in result.output  # kept: nothing to warn about
    assert new.read_text(encoding="utf-8").startswith("# A version-1 file.\nformat = 2\n")
    assert old.read_text(encoding="utf-8") == V1
    # The new file runs as the old one did.
    runs = [json.loads(invoke("run", str(p), "--format", "json").output) for p in (old, new)]
    assert runs[0]["levies"] == runs[1]["levies"]
    assert {k: v for k, v in runs[0].items() if k != "source"} == {
        k: v for k, v in runs[1].items() if k != "source"
    }


def test_migrate_says_when_the_comments_are_lost(tmp_path):
    old = tmp_path / "inline.toml"
    head = V1.split("# art. 12", maxsplit=1)[0]
    old.write_text('levies = { rate = "10%" }\n' + head, encoding="utf-8")
    result = invoke("migrate", str(old), "-o", str(old))
    assert result.exit_code == 0
    assert f"warning: {old}: the comments could not be kept" in result.output
    assert invoke("run", str(old)).exit_code == 0


def test_migrate_a_bad_file_exits_2_with_every_problem(tmp_path):
    old = tmp_path / "bad.toml"
    old.write_text(V1.replace("year = 2025", 'year = "x"\ncolour = 1'), encoding="utf-8")
    result = invoke("migrate", str(old))
    assert result.exit_code == 2
    assert result.output.count("error: ") == 2
    assert invoke("migrate", str(tmp_path / "missing.toml")).exit_code == 2


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
    # a report without elections keeps its keys (the producers' sample elects no one)
    producer = str(Path(SOLIDARITY).with_name("qc-producer.toml"))
    assert "elections" not in json.loads(invoke("run", producer, "--format", "json").output)
