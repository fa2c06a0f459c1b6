"""Amounts, rates and dates for a locale: never rounded silently, never a fraction's ratio."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from cooprules.errors import InvalidInput
from cooprules.explain import Text, render_value
from cooprules.formatting import format_date, format_money, format_number, format_rate
from cooprules.i18n import default_locale
from cooprules.money import Rate, money


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


@pytest.mark.parametrize(
    ("locale", "shown"),
    [
        ("fr_BE", "2 811,40 €"),
        ("nl_BE", "€ 2.811,40"),
        ("fr_FR", "2 811,40 €"),
        ("de_BE", "2.811,40 €"),
        ("en", "€2,811.40"),
    ],
)
def test_an_amount_in_each_locale(locale, shown):
    assert plain(format_money(money("2811.40", "EUR"), locale)) == shown


def test_canadian_dollars():
    assert plain(format_money(money("1234.5", "CAD"), "fr_CA")) == "1 234,50 $"
    assert plain(format_money(money("1234.5", "CAD"), "en_CA")) == "$1,234.50"


def test_an_amount_keeps_every_digit_it_holds():
    assert plain(format_money(money("0.125", "EUR"), "fr_BE")) == "0,125 €"


@pytest.mark.parametrize(
    ("rate", "shown"),
    [
        (Rate.of("6%"), "6 %"),
        (Rate.of("0.5"), "50 %"),
        (Fraction(1339, 60000), "≈ 2,2317 %"),
        (Fraction(1, 3), "≈ 33,3333 %"),
        (Rate.of("2.5%"), "2,5 %"),
        (Decimal("0.0615"), "6,15 %"),
        (Fraction(0), "0 %"),
    ],
)
def test_a_rate_is_exact_or_marked_rounded(rate, shown):
    assert plain(format_rate(rate, "fr_BE")) == shown


def test_the_precision_of_a_rate():
    assert plain(format_rate(Fraction(1, 3), "fr_BE", precision=0)) == "≈ 33 %"
    assert plain(format_rate(Fraction(1, 8), "fr_BE", precision=0)) == "≈ 13 %"  # half up
    assert plain(format_rate(Fraction(1, 8), "fr_BE", precision=1)) == "12,5 %"  # exact


def test_numbers_and_dates():
    assert plain(format_number(1234567, "fr_BE")) == "1 234 567"
    assert format_number(Fraction(675, 2), "nl_BE") == "337,5"
    assert plain(format_number(Fraction(1, 3), "en")) == "≈ 0.3333"
    assert format_date(date(2025, 3, 1), "nl_BE") == "1 maart 2025"
    assert format_date(date(2025, 3, 1), "fr_CA", "short") == "2025-03-01"


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: format_money(money("1", "EUR"), "xx_YY_ZZ"), "locale"),
        (lambda: format_money(Decimal(1), "fr_BE"), "amount"),
        (lambda: format_rate(0.06, "fr_BE"), "rate"),
        (lambda: format_rate(Rate.of("6%"), "fr_BE", precision=-1), "precision"),
        (lambda: format_number(1.5, "fr_BE"), "value"),
        (lambda: format_date("2025-01-01", "fr_BE"), "date"),
    ],
)
def test_bad_input_is_refused_naming_the_field(call, field):
    with pytest.raises(InvalidInput) as caught:
        call()
    assert caught.value.field == field


@pytest.mark.parametrize(
    ("lang", "jurisdiction", "locale"),
    [
        ("fr", "BE", "fr_BE"),
        ("nl", "BE", "nl_BE"),
        ("de", "BE", "de_BE"),
        ("nl", None, "nl_BE"),
        ("fr", "FR", "fr_FR"),
        ("fr", "CA-QC", "fr_CA"),
        ("en", "CA-QC", "en_CA"),
        ("en", None, "en"),
        ("fr", None, "fr"),
    ],
)
def test_the_default_locale_from_the_language_and_the_regime(lang, jurisdiction, locale):
    assert default_locale(lang, jurisdiction) == locale


def test_message_arguments_are_formatted_for_the_locale_and_exact_without_one():
    levy = Text(
        "Levy of {rate} on a margin of {margin}", rate=Rate.of("6%"), margin=money("2811.40", "EUR")
    )
    assert levy.en == "Levy of 6% on a margin of 2811.40 EUR"
    assert plain(levy.in_("en", locale="en")) == "Levy of 6% on a margin of €2,811.40"
    assert render_value(Fraction(1339, 60000)) == "1339/60000"  # JSON and tests: exact


def test_a_message_s_arguments_must_be_its_placeholders():
    with pytest.raises(InvalidInput) as caught:
        Text("Levy of {rate}", margin=1)
    assert caught.value.field == "args"
    with pytest.raises(InvalidInput) as caught:
        Text("Levy of {rate:.2f}", rate=1)
    assert caught.value.field == "msgid"
    with pytest.raises(InvalidInput) as caught:
        Text("Levy", en="Levy")
    assert caught.value.field == "en"


def test_a_plain_text_is_shown_verbatim_in_every_language():
    name = Text.plain("Atelier {bois} & co")
    assert [name.in_(lang) for lang in ("en", "fr", "nl", "de")] == ["Atelier {bois} & co"] * 4


def test_a_text_given_inline_may_have_arguments():
    text = Text(en="{count} members", fr="{count} membres", nl="{count} leden", count=3)
    assert (text.en, text.fr, text.nl, text.in_("de")) == (
        "3 members",
        "3 membres",
        "3 leden",
        "3 members",
    )
    with pytest.raises(InvalidInput) as caught:
        Text(en="{count} members", fr="{n} membres", count=3)
    assert caught.value.field == "fr"


def test_a_capitalized_text_starts_with_a_capital_in_each_language():
    text = Text("{problem}.", problem=Text("votes cast")).capitalized()
    assert (text.en, text.fr) == ("Votes cast.", "Voix exprimées.")


def test_texts_are_equal_when_they_read_the_same_in_english_and_french():
    from_catalog = Text("Levy of the period")
    inline = Text(en="Levy of the period", fr="Contribution de la période")
    assert from_catalog == inline
    assert hash(from_catalog) == hash(inline)
    assert from_catalog != Text(en="Levy of the period", fr="Autre chose")
    assert Text("Band from {start} at {rate}", start=money("1", "EUR"), rate=Rate.of("6%")) != (
        Text("Band from {start} at {rate}", start=money("2", "EUR"), rate=Rate.of("6%"))
    )
    assert from_catalog != "Levy of the period"
