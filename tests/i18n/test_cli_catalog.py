"""The command line's texts are in the catalogs: its messages, its help, what citations show."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from cooprules.explain import Citation, Confidence
from cooprules.i18n import catalog
from cooprules_cli.text import help_language, help_text, render_citation

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "src" / "cooprules_cli"
LOCALE = ROOT / "src" / "cooprules" / "locale"


def _po(lang: str):
    with (LOCALE / lang / "LC_MESSAGES" / "cooprules.po").open("rb") as handle:
        return read_po(handle, locale=lang)


@pytest.fixture(scope="session")
def found(extractor):
    messages, problems = extractor.extract()
    assert problems == []
    return messages


def test_the_command_line_is_extracted(found):
    cli = {key for key, locations in found.items() if any("cooprules_cli/" in x for x in locations)}
    assert (None, "Members and statuses") in cli
    assert ("input", "direct_costs") in cli  # a name the core builds from data
    assert ("help", "Show the explanation of each figure.") in cli  # an option's help
    assert ("help", "List the installed regimes and the plug-in that provides each.") in cli
    assert len(cli) > 150


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_every_text_of_the_command_line_is_translated(found, lang):
    # Dutch too: a Belgian co-op sees all of it (the report, its messages, the help).
    cli = {key for key, locations in found.items() if any("cooprules_cli/" in x for x in locations)}
    translated = {(m.context, m.id) for m in _po(lang) if m.id and m.string and not m.fuzzy}
    assert cli - translated == set()


def test_every_citation_is_in_french_and_the_belgian_ones_in_dutch(found):
    cited = {key: locations for key, locations in found.items() if key[0] == "citation"}
    assert ("citation", "Cooperatives Act (CQLR c C-67.2)") in cited  # from qc/law.toml
    assert ("citation", "Statutes") in cited  # from a Citation(...) of the core
    french = catalog("cooprules", "fr")
    assert set(cited) - set(french) == set()
    belgian = {k for k, where in cited.items() if any("adapters/be/" in x for x in where)}
    assert belgian - set(catalog("cooprules", "nl")) == set()


def test_the_extractor_reads_help_and_citations(extractor, tmp_path, monkeypatch):
    source = tmp_path / "src" / "cooprules_cli" / "mod.py"
    source.parent.mkdir(parents=True)
    source.write_text(
        "import click\n"
        "from cooprules.explain import Citation\n"
        '@click.command()\n@click.option("--x", help="An option.")\n'
        'def cmd(x):\n    """A command.\n\n    Its second paragraph.\n    """\n'
        'C = Citation("An Act", article="s. 9", jurisdiction="XX")\n'
    )
    law = tmp_path / "src" / "cooprules_cli" / "law.toml"
    law.write_text(
        '[instruments]\nact = "Some Act"\n[citations.a]\ninstrument = "act"\narticle = "s. 3"\n'
    )
    monkeypatch.setattr(extractor, "ROOT", tmp_path)
    keys = {key for key, _, problem in extractor.scan(source) if not problem}
    assert keys == {
        ("help", "An option."),
        ("help", "A command.\n\nIts second paragraph."),
        ("citation", "An Act"),
        ("citation", "s. 9"),
    }
    assert {key for key, _ in extractor._law_citations(law)} == {
        ("citation", "Some Act"),
        ("citation", "s. 3"),
    }


def test_no_cli_text_is_written_inline():
    inline = []
    for path in sorted(CLI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text":
                inline.extend(
                    f"{path.name}:{node.lineno}"
                    for keyword in node.keywords
                    if keyword.arg in {"en", "fr", "nl", "de"}
                )
    assert inline == []


def test_a_citation_in_each_language():
    cite = Citation("Cooperatives Act (CQLR c C-67.2)", "ss. 157, 166", "CA-QC", Confidence.SRC_2)
    assert (
        render_citation(cite) == "Cooperatives Act (CQLR c C-67.2), ss. 157, 166 (secondary source)"
    )
    assert render_citation(cite, "fr") == (
        "Loi sur les coopératives (RLRQ c C-67.2), art. 157, 166 (source secondaire)"
    )
    belgian = Citation("Code des sociétés et des associations", "art. 6:120 ff.", "BE")
    assert render_citation(belgian, "nl") == (
        "Wetboek van vennootschappen en verenigingen, art. 6:120 e.v. (volgens de tekst)"
    )
    assert str(belgian) == "Code des sociétés et des associations, art. 6:120 ff."
    own = Citation("Statutes of Les Ateliers", "art. 13", "coop")
    assert own.in_("fr") == "Statuts de Les Ateliers, art. 13"
    assert own.in_("nl") == "Statuten van Les Ateliers, art. 13"


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "fr_BE.UTF-8"}, "fr"),
        ({"LANG": "fr_BE.UTF-8", "LC_ALL": "nl_BE.UTF-8"}, "nl"),
        ({"LANGUAGE": "de:fr", "LANG": "nl_BE"}, "de"),
        ({"LANGUAGE": "es:fr"}, "en"),  # the first language asked for is not ours: English
        ({"LANG": "C.UTF-8"}, "en"),
    ],
)
def test_the_help_language_is_the_environment_s(environ, lang):
    assert help_language(environ) == lang


def test_help_text_falls_back_to_english(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    assert help_text("Show the explanation of each figure.") == (
        "Montrer l'explication de chaque chiffre."
    )
    assert help_text("A text no catalog has.") == "A text no catalog has."
