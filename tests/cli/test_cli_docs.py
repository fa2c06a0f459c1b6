"""The command's guide (docs/cli.md, docs/cli.fr.md) names every command and option, and the lines
it quotes are what the command prints."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from cooprules_cli import main

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "docs" / "cli.md", ROOT / "docs" / "cli.fr.md"]


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_names_every_command_and_option(guide):
    text = guide.read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert f"cooprules {name}" in text, name
        for param in command.params:
            if param.param_type_name == "option" and name in {"run", "init", "samples"}:
                assert any(opt in text for opt in param.opts), (name, param.opts)
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 70 |"):
        assert code in text


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_the_guide_cites_no_file_users_do_not_have(guide):
    text = guide.read_text(encoding="utf-8")
    assert "reference/" not in text
    assert not re.search(r"\[(SRC|SRC-2|SRC-old|MEM|UNC)\]", text)


def _quoted(guide, fence="text"):
    return re.findall(rf"```{fence}\n(.*?)\n```", guide.read_text(encoding="utf-8"), re.DOTALL)


def _spaced(text):
    """CLDR's no-break spaces as the guide writes them: plain spaces."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def test_the_quoted_lines_are_the_command_s():
    fr_cae = ROOT / "examples" / "fr-cae-scop.toml"
    vote_en, cite_en = _quoted(GUIDES[0])
    vote_fr, cite_fr = _quoted(GUIDES[1])
    english = invoke("run", fr_cae, "--format", "markdown").stdout
    assert f"| {vote_en} |" in _spaced(english)
    french = invoke("run", fr_cae, "--format", "markdown", "--lang", "fr").stdout
    assert f"| {vote_fr} |" in _spaced(french)
    checked = invoke("check", ROOT / "examples" / "qc-work.toml").stdout
    assert cite_en in _spaced(checked).splitlines()
    assert cite_fr in _spaced(invoke("check", fr_cae, "--lang", "fr").stdout).splitlines()
