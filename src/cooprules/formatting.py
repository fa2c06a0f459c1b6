r"""Amounts, rates, numbers and dates for people: formatted by Babel (CLDR) for a locale.

This is display only. Computation never reads it, and JSON stays locale-free and exact
([`cooprules.explain.render_value()`][cooprules.explain.render_value] without a locale). CLDR's
spacing is kept as it is: a no-break space (U+00A0) or a narrow no-break space (U+202F) where the
locale's typography puts one.

Amounts show every digit they hold (never fewer than the currency's): an amount is never rounded
for display. A rate shows its exact decimal value when it has one within ``precision`` decimals of
a percent; otherwise it is rounded to ``precision`` decimals and marked ``≈`` (approximately), so a
rounded figure never passes for an exact one.

```pycon
>>> from datetime import date
>>> from fractions import Fraction
>>> from cooprules.money import Rate, money
>>> def show(text):  # CLDR's no-break spaces, made visible
...     return text.replace("\u00a0", "~").replace("\u202f", "^")
>>> show(format_money(money("2811.40", "EUR"), "fr_BE"))
'2^811,40~€'
>>> show(format_money(money("2811.40", "EUR"), "nl_BE"))
'€~2.811,40'
>>> show(format_rate(Rate.of("6%"), "fr_BE")), show(format_rate(Fraction(1339, 60000), "fr_BE"))
('6~%', '≈~2,2317~%')
>>> show(format_rate(Rate.of("2.5%"), "en_CA")), show(format_rate(Fraction(1, 3), "en", 1))
('2.5%', '≈~33.3%')
>>> format_date(date(2025, 12, 31), "fr_BE"), format_date(date(2025, 12, 31), "nl_BE")
('31 décembre 2025', '31 december 2025')

```
"""

from __future__ import annotations

import functools
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from babel import Locale, UnknownLocaleError
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.money import Rate, decimal_text

__all__ = [
    "APPROX",
    "DEFAULT_PRECISION",
    "format_date",
    "format_money",
    "format_number",
    "format_rate",
]

DEFAULT_PRECISION = 4
"""Decimals of a percent shown for a rate that has no exact short decimal (``2,2317 %``)."""

APPROX = "≈"
"""The mark of a rounded rate."""


def _locale(locale: str) -> Locale:
    if not isinstance(locale, str):
        raise InvalidInput("locale", locale, "not a known locale (fr_BE, nl_BE, …)")
    return _parsed(locale)


@functools.cache
def _parsed(locale: str) -> Locale:
    """CLDR's data for a locale name, read once per process (immutable, like the catalogs)."""
    try:
        return Locale.parse(locale.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError, AttributeError) as error:
        raise InvalidInput("locale", locale, "not a known locale (fr_BE, nl_BE, …)") from error


def format_money(amount: Money, locale: str) -> str:
    """An amount in the locale's currency format, every digit kept (``2 811,40 €`` in fr_BE)."""
    if not isinstance(amount, Money):
        raise InvalidInput("amount", amount, "must be a Money")
    return babel_numbers.format_currency(
        amount.amount, amount.currency.code, locale=_locale(locale), decimal_quantization=False
    )


def format_number(value: int | Decimal | Fraction, locale: str) -> str:
    """A count or an exact number with the locale's separators (``1 234,5``); no digit lost."""
    if isinstance(value, bool) or not isinstance(value, int | Decimal | Fraction):
        raise InvalidInput("value", value, "must be an int, a Decimal or a Fraction")
    if isinstance(value, Fraction):
        text = decimal_text(value)
        if text is None:
            return f"{APPROX} " + babel_numbers.format_decimal(
                round(Decimal(value.numerator) / Decimal(value.denominator), DEFAULT_PRECISION),
                locale=_locale(locale),
                decimal_quantization=False,
            )
        value = Decimal(text)
    return babel_numbers.format_decimal(value, locale=_locale(locale), decimal_quantization=False)


def format_rate(
    rate: Rate | Fraction | Decimal, locale: str, precision: int = DEFAULT_PRECISION
) -> str:
    """A rate as a percentage for the locale: exact when it can be, else rounded and marked ``≈``.

    Args:
        rate: a [`Rate`][cooprules.money.Rate], or an exact fraction or decimal (0.06 is 6 %).
        locale: a CLDR locale name (``fr_BE``).
        precision: the most decimals of a percent shown; a rate needing more is rounded to this
            many, half away from zero, and shown with `APPROX` before it.
    """
    if isinstance(precision, bool) or not isinstance(precision, int) or precision < 0:
        raise InvalidInput("precision", precision, "must be a whole number of decimals, 0 or more")
    if isinstance(rate, Rate):
        value = rate.value
    elif isinstance(rate, Fraction | Decimal):
        value = Fraction(rate)
    else:
        raise InvalidInput("rate", rate, "must be a Rate, a Fraction or a Decimal")
    where = _locale(locale)
    percent = value * 100
    exact = decimal_text(percent)
    if exact is not None and len(exact.partition(".")[2]) <= precision:
        shown = Decimal(exact) / 100
        mark = ""
    else:
        step = Decimal(1).scaleb(-precision)
        quotient = Decimal(percent.numerator) / Decimal(percent.denominator)
        shown = quotient.quantize(step, rounding=ROUND_HALF_UP) / 100
        shown = shown.normalize() if shown else Decimal(0)
        mark = f"{APPROX}\u00a0"
    text = babel_numbers.format_percent(shown, locale=where, decimal_quantization=False)
    return mark + text


def format_date(day: date, locale: str, fmt: str = "long") -> str:
    """A date in the locale's words (``31 décembre 2025``); ``fmt`` is a CLDR length or pattern."""
    if not isinstance(day, date):
        raise InvalidInput("date", day, "must be a date")
    return babel_dates.format_date(day, format=fmt, locale=_locale(locale))
