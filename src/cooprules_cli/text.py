"""How the command writes what the core computed: citations, months, votes, steps, table cells.

Everything here is the user's view: a citation shows its instrument, article, address and a
confidence a reader understands (never the reference's internal tags such as ``SRC-2``); months
are named in the financial year's order; a vote shows its counts and the share for as a
percentage of the same counts.
"""

from __future__ import annotations

import os
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from cooprules import formatting
from cooprules.explain import (
    Citation,
    Confidence,
    Explanation,
    Step,
    Text,
    render_value,
    step_lines,
)
from cooprules.explain import confidence_word as _confidence_word
from cooprules.i18n import LANGUAGES, LabelKind, catalog, check_lang, label, territory_of, translate
from cooprules.money import format_amount
from cooprules.voting.rules import Base, Choice

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from moneyed import Money

    from cooprules.explain import Lang
    from cooprules.voting.rules import Majority
    from cooprules.voting.tally import VoteResult

__all__ = [
    "Human",
    "confidence_word",
    "escape_markdown",
    "majority_rule",
    "month_labels",
    "percent",
    "render_citation",
    "render_steps",
    "vote_summary",
    "vote_tally",
]


@attrs.frozen
class Human:
    """How one report is written for a person: its language, and the locale of its numbers.

    Without a locale, amounts, numbers and dates are written locale-free and exact (``2811.40
    EUR``, ``2025-12-31``), as JSON writes them; the words still follow the language.
    """

    lang: Lang = attrs.field(converter=check_lang)
    locale: str | None = None

    def __call__(self, text: Text) -> str:
        """A message in the report's language, its arguments formatted for its locale."""
        return text.in_(self.lang, locale=self.locale)

    def money(self, amount: Money) -> str:
        """An amount: ``2 811,40 €`` for a locale, else ``2811.40 EUR``."""
        if self.locale is None:
            return format_amount(amount)
        return formatting.format_money(amount, self.locale)

    def day(self, day: date) -> str:
        """A date: ``31 décembre 2025`` for a locale, else ``2025-12-31``."""
        return day.isoformat() if self.locale is None else formatting.format_date(day, self.locale)

    def number(self, value: int | Decimal | Fraction) -> str:
        """A count or an exact number with the locale's separators."""
        if self.locale is None:
            return render_value(value)
        return formatting.format_number(value, self.locale)

    def label(self, kind: LabelKind, code: str) -> str:
        """A code's label (a status, a state, a severity…) in the report's language."""
        return label(kind, code, self.lang, territory=territory_of(self.locale))

    def code(self, kind: LabelKind, code: str) -> str:
        """A code's label when a catalog has one, else the code as it was typed."""
        return self.label(kind, code) if _has_label(kind, code) else code


LABELS: Final = (
    # Inputs the core names from data (a vote's choices, a reserve's movements, an activity's
    # figures): their labels, which `cooprules.i18n.label` reads from the catalogs.
    Text("for", context="input"),
    Text("against", context="input"),
    Text("abstain", context="input"),
    Text("blank", context="input"),
    Text("allocation", context="input"),
    Text("devolution_received", context="input"),
    Text("loss_absorption", context="input"),
    Text("incorporation", context="input"),
    Text("distribution", context="input"),
    Text("repayment", context="input"),
    Text("revenue", context="input"),
    Text("direct_costs", context="input"),
    Text("levy", context="input"),
    Text("pooled", context="input"),
    Text("salary", context="input"),
    Text("charges", context="input"),
    Text("18 months, last day", context="input"),
    Text("250th day of work", context="input"),
    # Values the core records as codes or English words: shown as their labels.
    Text("HALF_UP", context="term"),
    Text("HALF_EVEN", context="term"),
    Text("HALF_DOWN", context="term"),
    Text("DOWN", context="term"),
    Text("UP", context="term"),
    Text("FLOOR", context="term"),
    Text("CEILING", context="term"),
    Text("actual/actual (365 days)", context="term"),
    Text("amount decided", context="term"),
    Text("half-up, never above the cap", context="term"),
)
"""Labels of names and values the code builds from data, so no literal in the code holds them."""


HELP: Final = (
    # click's own help texts, shown with ours.
    Text("Usage:", context="help"),
    Text("Options", context="help"),
    Text("Commands", context="help"),
    Text("Show this message and exit.", context="help"),
    Text("Show the version and exit.", context="help"),
)
"""The help texts of click itself that our help shows."""


def help_language(environ: Mapping[str, str] | None = None) -> Lang:
    """The language of the command line's help, from the environment, else English.

    As gettext reads it: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` (``fr_BE.UTF-8``
    gives ``fr``). Help is shown before the options are read, so ``--lang`` cannot choose it.
    """
    env = os.environ if environ is None else environ
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for wanted in env.get(name, "").split(":"):
            code = wanted.split(".")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return check_lang(code)
            if code:
                break
    return "en"


def help_text(text: str, values: Mapping[str, object] | None = None) -> str:
    """A help text of the command line in the language of the environment."""
    if not text:
        return text
    shown = translate(text, help_language(), context="help")
    return shown.format_map(values) if values and "{" in shown else shown


def _has_label(kind: LabelKind, code: str) -> bool:
    return any((kind, code) in catalog("cooprules", lang) for lang in ("fr", "nl"))


def value_text(value: object, lang: Lang, locale: str | None) -> str:
    """A recorded value for a person: a code with a label is shown as its label."""
    if locale is not None and isinstance(value, str) and _has_label("term", value):
        return label("term", value, lang, territory=territory_of(locale))
    return render_value(value, lang, locale=locale)


def step_code(code: str, lang: Lang, locale: str | None) -> str:
    """A distribution step's code as its label (``legal_reserve:overflow``: its overflow)."""
    human = Human(lang, locale)
    head, _, tail = code.partition(":")
    if tail == "overflow" and _has_label("step", head):
        return human(Text("{step}, overflow", step=human.label("step", head)))
    return human.code("step", code)


def confidence_word(confidence: Confidence, lang: Lang = "en", locale: str | None = None) -> str:
    """How sure the reference is of a rule, in words: ``"secondary source"``, ``"unverified"``.

    ```pycon
    >>> confidence_word(Confidence.SRC_2, "fr")
    'source secondaire'

    ```
    """
    return _confidence_word(confidence, lang, locale=locale)


def render_citation(citation: Citation, lang: Lang = "en", locale: str | None = None) -> str:
    """A citation as a user reads it: instrument, article, address, and how sure it is.

    ```pycon
    >>> cite = Citation("Code du travail", "art. L7331-3", "FR", Confidence.SRC_2, "https://x.fr")
    >>> render_citation(cite)
    'Code du travail, art. L7331-3 (secondary source): https://x.fr'

    ```
    """
    cited = citation.named(lang, locale=locale)
    word = confidence_word(citation.confidence, lang, locale)
    if citation.url:
        text = Text(
            "{citation} ({confidence}): {url}", citation=cited, confidence=word, url=citation.url
        )
    else:
        text = Text("{citation} ({confidence})", citation=cited, confidence=word)
    return text.in_(lang, locale=locale)


def citation_json(citation: Citation | None) -> dict[str, str | None] | None:
    """A citation in the JSON report: its parts, and its confidence in words (English)."""
    if citation is None:
        return None
    return {
        "instrument": citation.instrument,
        "article": citation.article,
        "url": citation.url,
        "confidence": confidence_word(citation.confidence),
    }


def render_steps(
    explanation: Explanation | Iterable[Step], lang: Lang = "en", locale: str | None = None
) -> list[str]:
    """Numbered lines ``1. what: inputs -> result — citation``, the citation as users read it.

    With a locale, the values are formatted for it and the input names are their labels.
    """
    return step_lines(
        explanation,
        lang=lang,
        locale=locale,
        value=lambda value: value_text(value, lang, locale),
        cite=lambda citation: f" — {render_citation(citation, lang, locale)}",
    )


_MONTHS: Final = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ),
}  # fmt: skip


def month_labels(
    start: date, count: int, lang: Lang = "en", locale: str | None = None
) -> list[str]:
    """The months of a financial year from ``start``, named: ``Jul 2025`` … ``Jun 2026``.

    With a locale, the names are the locale's (CLDR's abbreviated months).

    ```pycon
    >>> month_labels(date(2025, 7, 1), 12)[0], month_labels(date(2025, 7, 1), 12)[-1]
    ('Jul 2025', 'Jun 2026')
    >>> month_labels(date(2025, 7, 1), 1, "nl", "nl_BE")
    ['jul 2025']

    ```
    """
    names = _MONTHS["fr" if lang == "fr" else "en"]
    labels = []
    for offset in range(count):
        index = start.month - 1 + offset
        year, month = start.year + index // 12, index % 12
        if locale is None:
            labels.append(f"{names[month]} {year}")
        else:
            labels.append(formatting.format_date(date(year, month + 1, 1), locale, "LLL y"))
    return labels


def percent(share: Fraction, lang: Lang = "en", locale: str | None = None) -> str:
    """A share as a percentage, to two decimals at most: ``92.31 %``; ``50 %``.

    With a locale, by `cooprules.formatting` (a rounded share marked ``≈``).

    ```pycon
    >>> percent(Fraction(12, 13)), percent(Fraction(1, 2), "fr"), percent(Fraction(2, 3), "fr")
    ('92.31 %', '50 %', '66,67 %')

    ```
    """
    if locale is not None:
        return formatting.format_rate(share, locale, 2)
    value = (Decimal(share.numerator) * 100 / Decimal(share.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )
    text = format(value, "f").rstrip("0").rstrip(".")
    if lang != "en":
        text = text.replace(".", ",")
    return f"{text} %"


def _count(value: Fraction, locale: str | None = None) -> str:
    """Votes as a count: whole when whole, else to two decimals (votes cut by a cap)."""
    if value.denominator == 1:
        return str(value.numerator) if locale is None else formatting.format_number(value, locale)
    quantized = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )
    if locale is not None:
        return formatting.format_number(quantized, locale)
    return format(quantized, "f")


def _choice_words(choice: Choice, votes: str, *, one: bool) -> Text:
    """A count of votes for a choice in words: ``32 for``, ``1 abstaining``."""
    if choice is Choice.FOR:
        return Text("{votes} for", votes=votes)
    if choice is Choice.AGAINST:
        return Text("{votes} against", votes=votes)
    if choice is Choice.ABSTAIN:
        if one:
            return Text("{votes} abstaining", context="one vote", votes=votes)
        return Text("{votes} abstaining", votes=votes)
    if one:
        return Text("{votes} blank", context="one vote", votes=votes)
    return Text("{votes} blank", votes=votes)


_BASE_WORDS: Final[Mapping[Base, Text]] = MappingProxyType(
    {
        Base.CAST: Text("of the votes cast"),
        Base.PRESENT: Text("of the votes present or represented"),
        Base.ALL: Text("of all the votes"),
    }
)


def majority_rule(majority: Majority | None, lang: Lang = "en", locale: str | None = None) -> str:
    """The majority a motion needs: ``more than 50 % of the votes cast``, ``at least 2/3 …``.

    A threshold that is no exact percentage stays an exact fraction (without a locale).
    """
    if majority is None:
        return "-"
    threshold = majority.threshold
    exact = (threshold * 10_000).denominator == 1  # a percentage with two decimals at most
    if locale is not None:
        share = formatting.format_rate(threshold, locale, 2)
    else:
        share = percent(threshold, lang) if exact else str(threshold)
    base = _BASE_WORDS[majority.base].in_(lang, locale=locale)
    if majority.strict:
        return Text("more than {share} {base}", share=share, base=base).in_(lang, locale=locale)
    return Text("at least {share} {base}", share=share, base=base).in_(lang, locale=locale)


def vote_tally(result: VoteResult) -> dict[str, str]:
    """The votes per choice (after caps), as counts: ``{"for": "32", "against": "11"}``."""
    return {choice.value: _count(votes) for choice, votes in result.tally.items() if votes}


def vote_summary(result: VoteResult, lang: Lang = "en", locale: str | None = None) -> str:
    """One line: the verdict, the votes as counts, the share for as a percentage, the rule.

    The share for is the core's (of the majority's base, weighted by college where there are
    colleges): the line says which.
    """
    human = Human(lang, locale)
    counts = []
    for choice in Choice:
        votes = result.tally.get(choice, Fraction(0))
        if choice in {Choice.FOR, Choice.AGAINST} or votes:
            counts.append(human(_choice_words(choice, _count(votes, locale), one=votes <= 1)))
    if result.adopted:
        verdict = Text("adopted", context="motion")
    else:
        verdict = Text("rejected", context="motion")
    if not result.quorum_reached:
        verdict = Text("{verdict} (no quorum)", verdict=verdict)
    how = Text("(weighted by college)") if result.college_shares else None
    line = Text(
        "Motion {verdict}: {counts}; {share} for{how}; rule: {rule}",
        verdict=verdict,
        counts=", ".join(counts),
        share=percent(result.share_for, lang, locale),
        how=" " + human(how) if how is not None else "",
        rule=majority_rule(result.rule.majority, lang, locale),
    )
    return human(line)


def escape_markdown(cell: str) -> str:
    r"""A table cell's text made safe for a markdown table: ``|`` escaped, lines joined.

    ```pycon
    >>> escape_markdown("Dupont | Fils")
    'Dupont \\| Fils'

    ```
    """
    return cell.replace("|", "\\|").replace("\r", " ").replace("\n", " ")
