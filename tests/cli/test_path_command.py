"""``cooprules path PERSON FILES…`` (issue 17.3): the path as tables, markdown, JSON; bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooprules_cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "src" / "cooprules_cli" / "samples"
STANDIN = ROOT / "tests" / "core" / "path" / "employment_standin.toml"
FILES = [SAMPLES / "be-activity.toml", STANDIN, SAMPLES / "be-sector-coworking.toml"]


def invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "300"})


def test_json_lists_each_co_op_status_exit_and_what_carried_over():
    result = invoke("path", "p:bram-peeters", *FILES, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["person"] == "p:bram-peeters"
    assert [s["member"] for s in data["stays"]] == ["c-bram", "e-bram", "s-bram"]
    first = data["stays"][0]
    assert first["spells"][1] == {
        "status": "candidate_entrepreneur",
        "label": "candidate entrepreneur",
        "start": "2024-07-01",
        "end": "2026-01-01",
    }
    assert first["exits"] == [
        {
            "date": "2026-01-01",
            "kind": "exited",
            "left": "candidate_entrepreneur",
            "reason": "joined_employment_coop",
            "reason_label": "joined an employment co-op",
            "recorded": "joined_employment_coop",
        }
    ]
    assert data["carried"] == []
    assert len(data["notes"]) == 2
    assert data["violations"] == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("fr", ["Parcours de p:bram-peeters", "Sorties", "entrée dans une coopérative d'emploi"]),
        ("nl", ["Traject van p:bram-peeters", "Uittredingen", "zelfstandige geworden"]),
    ],
)
def test_markdown_in_french_and_dutch(lang, words):
    result = invoke("path", "p:bram-peeters", *FILES, "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0, result.output
    for word in words:
        assert word in result.stdout
    for english in ("Path of", "Exits", "Nothing carries over", "joined an", "co-op |"):
        assert english not in result.stdout


def test_the_table_shows_the_dates_in_the_locale():
    result = invoke("path", "p:bram-peeters", *FILES, "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert "1 juillet 2024" in result.stdout
    assert "Remarques" in result.stdout


def test_a_cape_carried_over_is_shown_with_its_source_and_explained(tmp_path):
    first = tmp_path / "first.toml"
    first.write_text(
        '[coop]\nregime = "fr-cae-scop"\nname = "CAE Première"\nyear = 2025\n'
        '[[members]]\nid = "m1"\nperson = "p:lea"\n'
        'events = [{ kind = "convention_signed", date = 2024-09-01 }, '
        '{ kind = "exited", date = 2025-03-01, reason = "joined_another_coop" }]\n',
        encoding="utf-8",
    )
    second = tmp_path / "second.toml"
    second.write_text(
        '[coop]\nregime = "fr-cae-scop"\nname = "CAE Seconde"\nyear = 2025\n'
        '[[members]]\nid = "lea"\nperson = "p:lea"\n'
        'events = [{ kind = "employed", date = 2025-03-01 }]\n',
        encoding="utf-8",
    )
    result = invoke("path", "p:lea", first, second, "--format", "markdown", "--explain")
    assert result.exit_code == 0, result.output
    assert "Carried over" in result.stdout
    assert "6 months 0 days" in result.stdout
    assert "31 August 2027" in result.stdout  # the deadline with the CAPE deducted
    assert "art. L7331-3" in result.stdout
    data = json.loads(invoke("path", "p:lea", first, second, "--format", "json").stdout)
    assert data["carried"][0]["due_with"] == "2027-08-31"
    assert data["carried"][0]["citation"]["article"] == "art. L7331-3"


def test_a_person_in_no_file_exits_2_with_one_line():
    result = invoke("path", "p:nobody", *FILES)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "person" in lines[0]
    assert "p:nobody" in lines[0]


def test_a_file_with_errors_exits_2_naming_file_path_and_value(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        '[coop]\nregime = "be-cnc"\nname = "C"\nyear = 2025\n'
        '[[members]]\nid = "a"\nperson = "no spaces allowed"\n',
        encoding="utf-8",
    )
    result = invoke("path", "p:x", bad)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert str(bad) in line
    assert "members[0].person" in line
    assert "no spaces allowed" in line


def test_no_file_is_a_usage_error():
    assert invoke("path", "p:x").exit_code == 2
