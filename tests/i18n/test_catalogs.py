"""The catalogs hold every message of the code, nothing stale, with the msgids' placeholders.

Each check is a function returning the problems it finds, tested once on a broken catalog (so the
test can fail) and then on the shipped catalogs (which must have none).
"""

from __future__ import annotations

import ast
import io
import shutil
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from cooprules.explain import Text
from cooprules.i18n import catalog, label
from cooprules_adapters.accounting.charts import chart_for

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "cooprules" / "locale"
SOURCES = (ROOT / "src" / "cooprules", ROOT / "src" / "cooprules_adapters")

Key = tuple[str | None, str]


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def entries(cat: Catalog) -> dict[Key, str]:
    return {(m.context, m.id): m.string for m in cat if m.id and isinstance(m.id, str)}


def missing_and_stale(expected: set[Key], cat: Catalog) -> tuple[set[Key], set[Key]]:
    """The messages of the code the catalog lacks, and the entries the code no longer has."""
    held = set(entries(cat))
    return expected - held, held - expected


def untranslated(scope: set[Key], cat: Catalog) -> set[Key]:
    """The messages of ``scope`` with no translation (or a fuzzy one)."""
    by_key = {(m.context, m.id): m for m in cat if m.id}
    return {
        key for key in scope if key not in by_key or not by_key[key].string or by_key[key].fuzzy
    }


def wrong_placeholders(cat: Catalog, placeholders) -> dict[Key, str]:
    """The translations whose placeholders differ from their msgid's."""
    return {
        key: text
        for key, text in entries(cat).items()
        if text and placeholders(text) != placeholders(key[1])
    }


@pytest.fixture(scope="session")
def extracted(extractor):
    found, problems = extractor.extract()
    return found, problems


def _po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "cooprules.po"


# --- the checks catch what they are for ------------------------------------------------------


def test_the_checks_find_a_missing_a_stale_an_untranslated_and_a_bad_placeholder(extractor):
    broken = Catalog(locale="fr")
    broken.add("Levy of the period", "Contribution de la période")
    broken.add("Band from {start} at {rate}", "Tranche à partir de {debut} à {rate}")
    broken.add("A message the code no longer has", "Un message disparu")
    broken.add("Base of the levy", "")
    expected = {(None, "Levy of the period"), (None, "Band from {start} at {rate}")}
    expected |= {(None, "Base of the levy"), (None, "Net-asset headroom")}
    missing, stale = missing_and_stale(expected, broken)
    assert missing == {(None, "Net-asset headroom")}
    assert stale == {(None, "A message the code no longer has")}
    assert untranslated(expected, broken) == {
        (None, "Base of the levy"),
        (None, "Net-asset headroom"),
    }
    assert set(wrong_placeholders(broken, extractor.placeholders)) == {
        (None, "Band from {start} at {rate}")
    }


def test_the_extractor_refuses_an_f_string_message(extractor, tmp_path, monkeypatch):
    source = tmp_path / "pkg" / "mod.py"
    source.parent.mkdir()
    source.write_text(
        'from cooprules.explain import Text\nrate = 1\nA = Text(f"Levy at {rate}")\n'
        'B = Text("Levy at {rate}", rate=rate, context=rate)\nC = Text("Fine")\n'
    )
    monkeypatch.setattr(extractor, "ROOT", tmp_path)
    found = list(extractor.scan(source))
    problems = [problem for _, _, problem in found if problem]
    assert problems == [
        "the message is not a string literal",
        "the context is not a string literal",
    ]
    assert [key for key, _, problem in found if not problem] == [(None, "Fine")]


# --- the shipped catalogs --------------------------------------------------------------------


def test_every_message_in_the_code_is_extractable(extracted):
    _found, problems = extracted
    assert problems == []


def test_no_message_is_written_inline_in_the_code():
    # Text(en="...", fr="...") with literal text belongs in the catalogs; only data (a name from
    # a scenario, a law file's description) may still be given inline, through variables.
    inline = []
    for source in SOURCES:
        for path in sorted(source.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Text":
                    for keyword in node.keywords:
                        if keyword.arg in {"en", "fr", "nl", "de"} and isinstance(
                            keyword.value, ast.Constant | ast.JoinedStr | ast.BinOp
                        ):
                            inline.append(f"{path.relative_to(ROOT)}:{node.lineno}")  # noqa: PERF401
    assert inline == []


def test_the_template_holds_exactly_the_messages_of_the_code(extracted):
    found, _ = extracted
    missing, stale = missing_and_stale(set(found), read(LOCALE / "cooprules.pot"))
    assert (missing, stale) == (set(), set()), "run: python scripts/extract_messages.py"


@pytest.mark.parametrize("lang", ["fr", "nl", "de"])
def test_each_catalog_holds_exactly_the_messages_of_the_code(extracted, lang):
    found, _ = extracted
    missing, stale = missing_and_stale(set(found), read(_po(lang), lang))
    assert (missing, stale) == (set(), set()), "run: python scripts/extract_messages.py"


@pytest.mark.parametrize("lang", ["fr", "nl", "de"])
def test_translations_keep_the_placeholders_of_their_message(extractor, lang):
    assert wrong_placeholders(read(_po(lang), lang), extractor.placeholders) == {}


def test_french_is_complete(extracted):
    found, _ = extracted
    assert untranslated(set(found), read(_po("fr"), "fr")) == set()


def belgian_scope(found, belgian_texts) -> set[Key]:
    """What a Belgian co-op sees: the Belgian regimes' messages, every label, every message a
    Belgian sample year reaches (the core's included) and the Belgian chart of accounts."""
    scope = {
        key
        for key, locations in found.items()
        if key[0] in {"status", "state", "decision", "step", "severity", "input", "term"}
        or any("cooprules_adapters/be/" in location for location in locations)
    }
    scope |= {
        (t.context, t.msgid) for t in belgian_texts if not t.given and t.domain == "cooprules"
    }
    chart = chart_for("BE")
    names = [chart.name, *(a.name for a in (*chart.accounts.values(), *chart.reserves.values()))]
    scope |= {(name.context, name.msgid) for name in names if not name.given}
    return scope


def test_dutch_is_complete_for_everything_a_belgian_co_op_sees(extracted, belgian_texts):
    found, _ = extracted
    scope = belgian_scope(found, belgian_texts)
    assert len(scope) > 200  # the Belgian regimes, the labels and the sample years' messages
    assert scope <= set(found)
    assert untranslated(scope, read(_po("nl"), "nl")) == set()


def test_the_template_and_catalogs_are_up_to_date_by_the_script(extractor):
    # The same check CI runs: `python scripts/extract_messages.py --check`.
    assert extractor.main(["--check"]) == 0


# --- run time ----------------------------------------------------------------------------------


def test_messages_are_read_from_the_catalogs():
    levy = Text("Levy of the period")
    assert (levy.en, levy.fr, levy.nl) == (
        "Levy of the period",
        "Contribution de la période",
        "Bijdrage van de periode",
    )
    assert levy.in_("de") == "Levy of the period"  # no German: English
    assert levy.in_("de", locale="de_BE") == "Contribution de la période"  # in Belgium: French


def test_a_missing_catalog_is_empty_and_falls_back():
    assert catalog("cooprules", "xx") == {}
    assert catalog("no_such_package_here", "fr") == {}
    assert Text("Fine", domain="no_such_package_here").in_("fr") == "Fine"


def test_labels_in_each_language():
    assert label("status", "candidate_entrepreneur", "fr") == "candidat-entrepreneur"
    assert label("status", "candidate_entrepreneur", "nl") == "kandidaat-ondernemer"
    assert label("state", "overdue", "en") == "overdue"
    assert label("step", "social_purpose", "fr") == "finalité sociale"
    assert label("input", "reduction (months)", "nl") == "vermindering (maanden)"
    assert label("decision", "a_code_of_a_plug_in", "fr") == "a code of a plug in"


def test_a_compiled_catalog_is_read_as_the_po(tmp_path, extractor):
    # The .mo the build writes gives the same translations as the .po read from a checkout.
    written = extractor.compile_catalogs(_copy_locale(tmp_path))
    assert {path.parent.parent.name for path in written} == {"fr", "nl", "de"}
    fr_mo = next(path for path in written if path.parent.parent.name == "fr")
    compiled = read_mo(io.BytesIO(fr_mo.read_bytes()))
    from_mo = {(m.context, m.id): m.string for m in compiled if m.id and m.string}
    assert from_mo == dict(catalog("cooprules", "fr"))


def _copy_locale(tmp_path: Path) -> Path:
    target = tmp_path / "locale"
    shutil.copytree(LOCALE, target, ignore=shutil.ignore_patterns("*.mo"))
    return target
