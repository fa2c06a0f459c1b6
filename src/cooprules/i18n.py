"""Message catalogs: a message's translation for a language, and labels for codes.

A message is its English text with named placeholders (its gettext *msgid*), an optional context
and the *domain* that translates it. A domain is the name of an importable package holding a
``locale/`` directory laid out as gettext expects::

    cooprules/locale/fr/LC_MESSAGES/cooprules.po   (edited by translators)
    cooprules/locale/fr/LC_MESSAGES/cooprules.mo   (compiled at build by hatch_build.py)

The core and our own adapters share the ``cooprules`` domain; a third party's plug-in names its
own package as the domain of its texts and ships its own ``locale/`` (see ``docs/languages.md``).

Catalogs are read from the compiled ``.mo`` when it exists (an installed wheel), else from the
``.po`` (a checkout). Each file is read once per process and kept as an immutable mapping, as
`gettext` itself keeps its translations; nothing is ever changed after it is read.

```pycon
>>> translate("Levy of the period", "fr")
'Contribution de la période'
>>> label("severity", "error", "fr")
'erreur'
>>> label("status", "candidate_entrepreneur", "en")
'candidate entrepreneur'
>>> default_locale("fr", "BE"), default_locale("nl", None), default_locale("en", "CA-QC")
('fr_BE', 'nl_BE', 'en_CA')

```
"""

from __future__ import annotations

import functools
import importlib.resources
import importlib.util
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal

from cooprules.errors import InvalidInput

__all__ = [
    "DOMAIN",
    "LABEL_KINDS",
    "LANGUAGES",
    "LabelKind",
    "Lang",
    "catalog",
    "check_lang",
    "default_locale",
    "fallbacks",
    "label",
    "territory_of",
    "translate",
]

Lang = Literal["en", "fr", "nl", "de"]
"""The languages messages can be rendered in (English is the source language)."""

LANGUAGES: Final[tuple[Lang, ...]] = ("en", "fr", "nl", "de")

DOMAIN: Final = "cooprules"
"""The domain of the core's and our adapters' messages (one catalog: see docs/architecture.md)."""

LabelKind = Literal["status", "state", "decision", "step", "severity", "input", "term"]
"""What a label names: the gettext context of its entry in the catalog."""

LABEL_KINDS: Final[tuple[LabelKind, ...]] = (
    "status",
    "state",
    "decision",
    "step",
    "severity",
    "input",
    "term",
)

# Where a language without a translation goes next, in a territory. German is an official
# language of Belgium, but its legal vocabulary for co-operatives is rarely published; the
# German-speaking Community reads the French texts of the Walloon Region it belongs to, so a
# missing German message is shown in French there, and in English elsewhere.
_FALLBACKS: Final[Mapping[tuple[str, str | None], tuple[Lang, ...]]] = {
    ("de", "BE"): ("de", "fr", "en"),
}

# The territory a language's numbers default to when the regime does not say (Dutch speakers of
# this library are Belgian; the others follow CLDR's default for the language).
_TERRITORY: Final[Mapping[str, str]] = {"BE": "BE", "FR": "FR", "CA-QC": "CA", "CA": "CA"}
_LANGUAGE_DEFAULT: Final[Mapping[str, str]] = {"nl": "nl_BE", "de": "de_BE"}

Messages = Mapping[tuple[str | None, str], str]
"""A catalog: the translation of each ``(context, msgid)``."""


def check_lang(lang: object) -> Lang:
    """Return ``lang`` if it is a supported language, else raise `InvalidInput`."""
    for known in LANGUAGES:
        if lang == known:
            return known
    raise InvalidInput(
        "lang", lang, "supported languages are " + ", ".join(f"'{x}'" for x in LANGUAGES)
    )


def fallbacks(lang: str, territory: str | None = None) -> tuple[Lang, ...]:
    """The languages tried in turn for ``lang`` (``("de", "fr", "en")`` for German in Belgium)."""
    checked = check_lang(lang)
    chain = _FALLBACKS.get((checked, territory))
    if chain is not None:
        return chain
    return (checked,) if checked == "en" else (checked, "en")


def _locale_files(domain: str, lang: str) -> tuple[bytes | None, bytes | None]:
    """The ``.mo`` and ``.po`` bytes of a domain's catalog for ``lang``, when they exist."""
    if importlib.util.find_spec(domain) is None:
        return None, None
    folder = importlib.resources.files(domain) / "locale" / lang / "LC_MESSAGES"
    found: list[bytes | None] = []
    for suffix in (".mo", ".po"):
        entry = folder / f"{domain}{suffix}"
        found.append(entry.read_bytes() if entry.is_file() else None)
    return found[0], found[1]


@functools.cache
def catalog(domain: str, lang: str) -> Messages:
    """The translations of a domain for a language: from its ``.mo``, else its ``.po``, else none.

    Untranslated entries (an empty ``msgstr``) and fuzzy ones are left out, so they fall back.
    """
    import io  # noqa: PLC0415 - only when a catalog is first read

    from babel.messages.mofile import read_mo  # noqa: PLC0415
    from babel.messages.pofile import read_po  # noqa: PLC0415

    mo, po = _locale_files(domain, lang)
    if mo is not None:
        read = read_mo(io.BytesIO(mo))
    elif po is not None:
        read = read_po(io.BytesIO(po), locale=lang, domain=domain)
    else:
        return MappingProxyType({})
    messages: dict[tuple[str | None, str], str] = {}
    for message in read:
        if not message.id or message.fuzzy or not isinstance(message.id, str):
            continue
        text = message.string
        if isinstance(text, str) and text:
            messages[message.context, message.id] = text
    return MappingProxyType(messages)


def translate(
    msgid: str,
    lang: str,
    *,
    context: str | None = None,
    domain: str = DOMAIN,
    territory: str | None = None,
) -> str:
    """The template of ``msgid`` in ``lang``, or in its fallbacks, or ``msgid`` itself."""
    for tried in fallbacks(lang, territory):
        if tried == "en":
            return msgid
        found = catalog(domain, tried).get((context, msgid))
        if found is not None:
            return found
    return msgid  # pragma: no cover - every chain ends in English


def label(
    kind: LabelKind,
    code: str,
    lang: str,
    *,
    domain: str = DOMAIN,
    territory: str | None = None,
) -> str:
    """A code's label (a status, a state, a decision kind, a step code, a severity, an input).

    The catalog's entry has the kind as its context and the code as its msgid; in English, and
    when no catalog has it, the label is the code with its underscores as spaces. A plug-in's
    own codes are looked up in its domain first, then in the core's.
    """
    if kind not in LABEL_KINDS:
        raise InvalidInput("kind", kind, "one of " + ", ".join(LABEL_KINDS))
    for tried in fallbacks(lang, territory):
        if tried == "en":
            break
        for where in dict.fromkeys((domain, DOMAIN)):
            found = catalog(where, tried).get((kind, code))
            if found is not None:
                return found
    english = catalog(domain, "en").get((kind, code)) or catalog(DOMAIN, "en").get((kind, code))
    return english or code.replace("_", " ")


def default_locale(lang: str, jurisdiction: str | None = None) -> str:
    """The locale numbers and dates are shown in, from the language and the regime's jurisdiction.

    ``fr`` + ``BE`` gives ``fr_BE``, ``nl`` gives ``nl_BE``, ``fr`` + ``FR`` gives ``fr_FR``,
    ``fr`` + ``CA-QC`` gives ``fr_CA``, ``en`` + ``CA-QC`` gives ``en_CA``; a language alone gives
    CLDR's default for it (``en``, ``fr``), except Dutch and German, whose users here are Belgian.
    """
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415

    checked = check_lang(lang)
    territory = _TERRITORY.get(jurisdiction or "")
    if territory is not None:
        candidate = f"{checked}_{territory}"
        try:
            Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):  # pragma: no cover - all four exist in CLDR
            pass
        else:
            return candidate
    return _LANGUAGE_DEFAULT.get(checked, checked)


def territory_of(locale: str | None) -> str | None:
    """The territory of a locale name (``"BE"`` for ``"de_BE"``), if it has one."""
    if not locale:
        return None
    parts = locale.replace("-", "_").split("_")
    return parts[1].upper() if len(parts) > 1 else None
