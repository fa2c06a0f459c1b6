"""The CLI's report in French and in Dutch: no English word, amounts written for the locale.

The English words are those of the English catalog (every msgid of the code, the CLI's headers
included) that the target language does not share (``total``, ``net``, ``source`` are French
too: the words of the target catalog's translations are not counted; in Dutch, the words of the
French catalog are not counted either, since a Belgian law the scenario cites may be named in
French). A word the user typed is not English text of ours: the scenario's names, ids and codes
(every string value of the file) are left out, and so are web addresses.

`KNOWN` lists the English words that still reach a French report through code this test's
module does not render: each is a message argument or a value written in English by the module
named beside it.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from click.testing import CliRunner

from cooprules_cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "src" / "cooprules_cli" / "samples").glob("*.toml"))
BELGIAN = [path for path in SAMPLES if path.name.startswith("be-")]
LOCALE = ROOT / "src" / "cooprules" / "locale"

WORD = re.compile(r"[^\W\d_]+")
URL = re.compile(r"https?://\S+")
MONEY_FR_BE = re.compile(r"\d[\d\u202f]*,\d{2}\u00a0(€|\$CA)")
LOCALE_FREE = re.compile(r"\d\.\d{2} (EUR|CAD)\b")
MONEY_NL_BE = re.compile(r"€\u00a0-?\d[\d.]*,\d{2}")


def invoke(*args: object) -> object:
    return CliRunner().invoke(main, [str(a) for a in args], env={"COLUMNS": "400"})


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def _catalog_words(path: Path, *, translations: bool) -> set[str]:
    with path.open("rb") as handle:
        catalog = read_po(handle)
    words: set[str] = set()
    for message in catalog:
        if not message.id or not isinstance(message.id, str):
            continue
        text = message.string if translations else message.id
        if isinstance(text, str):
            words |= _words(re.sub(r"\{\w+\}", " ", text))
    return words


ENGLISH = _catalog_words(LOCALE / "cooprules.pot", translations=False)


def _translations(lang: str) -> set[str]:
    return _catalog_words(LOCALE / lang / "LC_MESSAGES" / "cooprules.po", translations=True)


def english_words(lang: str) -> set[str]:
    """The English words of our messages that are not words of ``lang``'s translations too."""
    shared = _translations(lang) | (_translations("fr") if lang == "nl" else set())
    return {word for word in ENGLISH - shared if len(word) > 1}


KNOWN: dict[str, set[str]] = {}
"""English words written by modules outside the CLI, by sample (reported, not yet translated)."""


def known(sample: Path) -> set[str]:
    return set().union(*(words for key, words in KNOWN.items() if key.split(".")[0] == sample.stem))


def typed(path: Path) -> set[str]:
    """Every word of the scenario's strings: names, ids and codes the user typed."""
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(_words(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(tomllib.loads(path.read_text(encoding="utf-8")))
    return words


def leaks(output: str, lang: str, sample: Path) -> list[str]:
    """The English words of the output, each with the line it is in."""
    english = english_words(lang) - typed(sample) - known(sample)
    found = []
    for line in output.splitlines():
        for word in sorted(_words(URL.sub(" ", line)) & english):
            found.append(f"{word!r} in {line.strip()[:160]!r}")  # noqa: PERF401
    return found


def test_the_check_finds_an_english_word():
    # The check can fail: English headers in a French report are found, a name is not.
    sample = BELGIAN[0]
    assert leaks("| Deadlines within 90 days | Inès Lambert |", "fr", sample) == [
        "'deadlines' in '| Deadlines within 90 days | Inès Lambert |'",
        "'within' in '| Deadlines within 90 days | Inès Lambert |'",
    ]
    assert leaks("| Contributions par mois | total | https://x.be/en/levies |", "fr", sample) == []
    assert leaks("| Bijdragen per maand | Loi du 1er mars 2007 | overdue |", "nl", sample) == [
        "'overdue' in '| Bijdragen per maand | Loi du 1er mars 2007 | overdue |'"
    ]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_a_french_report_has_no_english_word(sample, fmt):
    result = invoke(
        "run", sample, "--lang", "fr", "--locale", "fr_BE", "--format", fmt, "--explain"
    )
    assert result.exit_code == 0, result.output
    assert leaks(result.output, "fr", sample) == []
    assert MONEY_FR_BE.search(result.output), "an amount as 2 811,40 €"
    assert not LOCALE_FREE.search(result.output), "no amount as 2811.40 EUR"


@pytest.mark.parametrize("fmt", ["table", "markdown"])
@pytest.mark.parametrize("sample", BELGIAN, ids=lambda p: p.stem)
def test_a_dutch_report_has_no_english_word(sample, fmt):
    result = invoke("run", sample, "--lang", "nl", "--format", fmt, "--explain")
    assert result.exit_code == 0, result.output
    assert leaks(result.output, "nl", sample) == []
    assert MONEY_NL_BE.search(result.output), "an amount as € 2.811,40 (nl_BE)"
    assert not LOCALE_FREE.search(result.output), "no amount as 2811.40 EUR"
    assert "## Bijdragen per activiteit" in result.output or fmt == "table"


def test_amounts_follow_the_locale():
    sample = BELGIAN[0]
    french = invoke("run", sample, "--lang", "fr", "--locale", "fr_BE", "--format", "markdown")
    assert "| amina-act | c-amina | 2\u202f811,40\u00a0€ |" in french.output
    canada = invoke("run", sample, "--lang", "fr", "--locale", "fr_CA", "--format", "markdown")
    assert "| amina-act | c-amina | 2\u00a0811,40\u00a0€ |" in canada.output
    default = invoke("run", sample, "--lang", "fr", "--format", "markdown")
    assert default.output == french.output  # French in Belgium: fr_BE by default


def test_an_unknown_locale_exits_2_with_one_line():
    result = invoke("run", BELGIAN[0], "--locale", "xx_YY")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "error: --locale xx_YY: not a known locale (fr_BE, nl_BE, fr_FR, fr_CA, en_CA, …)"
    ]
    french = invoke("run", BELGIAN[0], "--lang", "fr", "--locale", "xx_YY")
    assert french.stderr.startswith("erreur : --locale xx_YY : locale inconnue")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_json_does_not_depend_on_the_locale(sample):
    plain = invoke("run", sample, "--format", "json", "--lang", "fr")
    for locale in ("fr_BE", "nl_BE", "en_CA"):
        assert invoke(
            "run", sample, "--format", "json", "--lang", "fr", "--locale", locale
        ).output == (plain.output)
    data = json.loads(plain.output)
    assert data["levies"]["total"].endswith((" EUR", " CAD"))  # exact, locale-free


def test_json_messages_follow_the_language():
    sample = BELGIAN[0]
    english = json.loads(invoke("run", sample, "--format", "json").output)
    dutch = json.loads(invoke("run", sample, "--format", "json", "--lang", "nl").output)
    assert english["violations"][0]["code"] == dutch["violations"][0]["code"]
    assert english["violations"][0]["message"] != dutch["violations"][0]["message"]
    assert dutch["votes"][0]["summary"].startswith("Voorstel aangenomen: ")
    assert dutch["members"][3]["status"] == "candidate_entrepreneur"  # a code, for programs


def test_the_known_english_words_are_still_there():
    # When a module listed in KNOWN is translated, its words leave the report: remove them here.
    for key, words in KNOWN.items():
        sample = next(path for path in SAMPLES if path.stem == key.split(".")[0])
        result = invoke("run", sample, "--lang", "fr", "--format", "markdown", "--explain")
        assert words <= _words(URL.sub(" ", result.output)), key


@pytest.mark.parametrize(
    ("lang", "usage", "line"),
    [
        ("fr_BE.UTF-8", "Utilisation :", "Montrer l'explication de chaque chiffre."),
        ("nl_BE.UTF-8", "Gebruik:", "Toon de toelichting bij elk cijfer."),
        ("C.UTF-8", "Usage:", "Show the explanation of each figure."),
    ],
)
def test_the_help_is_in_the_environment_s_language(lang, usage, line):
    env = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": lang, "COLUMNS": "200"}
    result = CliRunner().invoke(main, ["run", "--help"], env=env)
    assert result.exit_code == 0
    assert result.output.startswith(usage)
    assert line in result.output
    group = CliRunner().invoke(main, ["--help"], env=env)
    assert "0   " in group.output  # the exit codes keep their lines


@pytest.mark.parametrize(
    ("stem", "french"),
    [
        ("fr-cae-scop", "candidat-entrepreneur"),  # a status in a payroll message
        ("fr-scic", "restant"),  # the base of a waterfall step: "part 50 % du restant"
    ],
)
def test_a_code_inside_a_message_is_shown_by_its_label(stem, french):
    sample = next(path for path in SAMPLES if path.stem == stem)
    result = invoke("run", sample, "--lang", "fr", "--format", "markdown", "--explain")
    assert french in result.output


CODE_SPAN = re.compile(r"`[^`]*`")


@pytest.mark.parametrize(("code", "lang"), [("be-activity", "nl"), ("fr-cae-scop", "fr")])
def test_the_regime_page_is_in_the_language(code, lang):
    # The parameters' keys are codes (written in backticks): everything else is translated.
    result = invoke("regime", code, "--lang", lang, "--format", "markdown", "--as-of", "2025-06-30")
    assert result.exit_code == 0, result.output
    assert leaks(CODE_SPAN.sub(" ", result.output), lang, BELGIAN[0]) == []
    assert ("Rechtsgebied: BE" if lang == "nl" else "Juridiction : FR") in result.output


def test_the_activity_statement_is_in_dutch():
    result = invoke("statement", BELGIAN[0], "amina-act", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert leaks(result.output, "nl", BELGIAN[0]) == []
    assert "| Resultaat van het boekjaar | 18162.83 |" in result.output


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_ledger_narrations_are_in_the_language(tmp_path, lang):
    ledger = tmp_path / "year.beancount"
    result = invoke("run", BELGIAN[0], "--lang", lang, "--ledger", ledger)
    assert result.exit_code == 0, result.output
    narrations = [line for line in ledger.read_text(encoding="utf-8").splitlines() if " * " in line]
    assert narrations
    assert leaks("\n".join(narrations), lang, BELGIAN[0]) == []
    opening = {"fr": "Solde d'ouverture : ", "nl": "Openingssaldo: "}[lang]
    assert any(opening in line for line in narrations)


@pytest.mark.parametrize(
    ("args", "start"),
    [
        ((), "internal error: RuntimeError: boom; this is a bug in cooprules"),
        (("--lang", "fr"), "erreur interne : RuntimeError : boom ; c'est un défaut de cooprules"),
        (("--lang=nl",), "interne fout: RuntimeError: boom; dit is een fout in cooprules"),
    ],
)
def test_an_internal_error_is_one_line_in_the_language(monkeypatch, args, start):
    cli = sys.modules["cooprules_cli.main"]  # the package's `main` is the click group

    def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli, "_evaluate_loaded", boom)
    env = {"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8", "COLUMNS": "400"}
    result = CliRunner().invoke(main, ["run", str(BELGIAN[0]), *args], env=env)
    assert result.exit_code == 70
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(start)
    assert line.endswith("(cooprules --debug shows the traceback)") == (args == ())


def test_convert_says_what_it_wrote_in_the_language(tmp_path):
    result = invoke("convert", BELGIAN[0], "--to", "csv", "-o", tmp_path / "out", "--lang", "fr")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].endswith(" écrit")


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_the_starter_scenario_is_commented_in_the_language(tmp_path, lang):
    starter = tmp_path / "coop.toml"
    written = invoke("init", "--regime", "be-activity", "--lang", lang, "-o", starter)
    assert written.exit_code == 0, written.output
    lines = starter.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("# ")]
    # The comments name codes the user types (`cooprules run`, first_month, for/against/abstain).
    prose = CODE_SPAN.sub(" ", "\n".join(comments))
    for code in ("first_month", "for", "against", "abstain", "schema", "check", "run"):
        prose = re.sub(rf"\b{code}\b", " ", prose)
    assert leaks(prose, lang, BELGIAN[0]) == []
    assert invoke("run", starter, "--lang", lang).exit_code == 0
