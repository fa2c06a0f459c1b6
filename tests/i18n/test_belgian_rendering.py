"""A Belgian sample year's explanations, rendered through the Python API in French and Dutch.

Each explanation step (what it computes, its inputs' names and values, its result, its note) and
each violation message is rendered for the language with the locale the regime gives it (fr_BE,
nl_BE), and searched for English words of the msgids. Names and codes the user typed (activity
and member ids, the scenario's own texts) are left out: they are the user's words.
"""

from __future__ import annotations

import re

import pytest

from cooprules.explain import Explanation, Text, Violation, render_value
from cooprules.i18n import default_locale, label

# Words of the English messages that are neither French nor Dutch words.
ENGLISH = frozenset(
    [
        "the",
        "of",
        "and",
        "with",
        "which",
        "from",
        "levy",
        "shares",
        "must",
        "above",
        "below",
        "period",
        "members",
        "paid",
        "month",
        "months",
        "year",
        "years",
        "given",
        "back",
        "fixed",
        "fee",
        "floor",
        "rounded",
        "least",
        "most",
        "votes",
        "cast",
        "interest",
        "set",
        "aside",
        "into",
        "costs",
        "treasury",
        "booked",
        "chart",
        "none",
    ]
)
# ("interest" and "none" are filtered below only where they are English: "interest" is also Dutch.)
ENGLISH = ENGLISH - {"interest"}


def _words(text: str) -> set[str]:
    return {word.lower() for word in re.findall(r"[A-Za-zÀ-ÿ]+", text)}


def _rendered(explanations: list[Explanation], violations: list[Violation], lang: str):
    locale = default_locale(lang, "BE")
    for explanation in explanations:
        for step in explanation.steps:
            if not step.what.given:
                yield step.what.in_(lang, locale=locale)
            if step.note is not None and not step.note.given:
                yield step.note.in_(lang, locale=locale)
            for name, value in step.inputs:
                yield label("input", name, lang)
                if isinstance(value, Text) and not value.given:
                    yield render_value(value, lang, locale=locale)
    for violation in violations:
        if not violation.message.given:
            yield violation.message.in_(lang, locale=locale)


def _user_words(explanations, violations) -> set[str]:
    """Words that come from what the user typed: plain texts and string arguments."""
    words: set[str] = set()
    for explanation in explanations:
        for step in explanation.steps:
            for text in (step.what, step.note):
                if text is not None:
                    words |= _words(text.en) if text.given else _argument_words(text)
            for _name, value in step.inputs:
                if isinstance(value, str):
                    words |= _words(value)
            if isinstance(step.result, str):
                words |= _words(step.result)
    for violation in violations:
        words |= _argument_words(violation.message) | _words(violation.subject)
    return words


def _argument_words(text: Text) -> set[str]:
    words: set[str] = set()
    for _name, value in text.args:
        if isinstance(value, str):
            words |= _words(value)
        elif isinstance(value, Text):
            words |= _words(value.en) if value.given else _argument_words(value)
    return words


@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_a_belgian_year_shows_no_english_word_of_the_messages(belgian_results, lang):
    explanations, violations = belgian_results
    lines = list(_rendered(explanations, violations, lang))
    assert len(lines) > 500
    allowed = _user_words(explanations, violations)
    english = {}
    for line in lines:
        for word in (_words(line) & ENGLISH) - allowed:
            english.setdefault(word, line)
    assert english == {}


def test_the_checker_sees_english(belgian_results):
    # The same rendering in English is full of the listed words: the check above can fail.
    explanations, violations = belgian_results
    found = set()
    for line in _rendered(explanations, violations, "en"):
        found |= _words(line) & ENGLISH
    assert {"the", "of", "levy", "period"} <= found


def test_amounts_and_dates_follow_the_belgian_locales(belgian_results):
    explanations, _ = belgian_results
    levy = next(
        step
        for explanation in explanations
        for step in explanation.steps
        if step.what.msgid == "Levy of the period"
    )
    fr = render_value(levy.result, "fr", locale="fr_BE")
    nl = render_value(levy.result, "nl", locale="nl_BE")
    assert re.fullmatch(r"[\d\u202f]+,\d\d\xa0€", fr), fr
    assert re.fullmatch(r"€\xa0[\d.]+,\d\d", nl), nl
    assert levy.what.in_("nl") == "Bijdrage van de periode"
    assert levy.what.in_("fr") == "Contribution de la période"
