"""How the command writes what the core computed: citations, months, votes, steps, table cells.

Everything here is the user's view: a citation shows its instrument, article, address and a
confidence a reader understands (never the reference's internal tags such as ``SRC-2``); months
are named in the financial year's order; a vote shows its counts and the share for as a
percentage of the same counts.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final

from cooprules.explain import Citation, Confidence, Explanation, Step, render_value
from cooprules.voting.rules import Base, Choice

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from cooprules.explain import Lang
    from cooprules.voting.rules import Majority
    from cooprules.voting.tally import VoteResult

__all__ = [
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

_CONFIDENCE: Final[Mapping[Confidence, tuple[str, str]]] = {
    Confidence.SRC: ("from the text", "d'après le texte"),
    Confidence.SRC_2: ("secondary source", "source secondaire"),
    Confidence.SRC_OLD: ("older version of the text", "version ancienne du texte"),
    Confidence.MEM: ("unverified", "non vérifié"),
    Confidence.UNC: ("unverified", "non vérifié"),
}

_MONTHS: Final = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.", "févr.", "mars", "avr.", "mai", "juin",
        "juil.", "août", "sept.", "oct.", "nov.", "déc.",
    ),
}  # fmt: skip


def confidence_word(confidence: Confidence, lang: Lang = "en") -> str:
    """How sure the reference is of a rule, in words: ``"secondary source"``, ``"unverified"``.

    ```pycon
    >>> confidence_word(Confidence.SRC_2, "fr")
    'source secondaire'

    ```
    """
    en, fr = _CONFIDENCE[confidence]
    return fr if lang == "fr" else en


def render_citation(citation: Citation, lang: Lang = "en") -> str:
    """A citation as a user reads it: instrument, article, address, and how sure it is.

    ```pycon
    >>> cite = Citation("Code du travail", "art. L7331-3", "FR", Confidence.SRC_2, "https://x.fr")
    >>> render_citation(cite)
    'Code du travail, art. L7331-3 (secondary source): https://x.fr'

    ```
    """
    text = (
        f"{citation.instrument}, {citation.article} ({confidence_word(citation.confidence, lang)})"
    )
    colon = " :" if lang == "fr" else ":"
    return f"{text}{colon} {citation.url}" if citation.url else text


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


def render_steps(explanation: Explanation | Iterable[Step], lang: Lang = "en") -> list[str]:
    """Numbered lines ``1. what: inputs -> result — citation``, the citation as users read it."""
    steps = explanation.steps if isinstance(explanation, Explanation) else tuple(explanation)
    lines = []
    for number, step in enumerate(steps, start=1):
        inputs = ", ".join(f"{name} = {render_value(value, lang)}" for name, value in step.inputs)
        line = f"{number}. {step.what.in_(lang)}"
        if inputs:
            line += f": {inputs}"
        line += f" -> {render_value(step.result, lang)}"
        if step.note is not None:
            line += f"; {step.note.in_(lang)}"
        if step.citation is not None:
            line += f" — {render_citation(step.citation, lang)}"
        lines.append(line)
    return lines


def month_labels(start: date, count: int, lang: Lang = "en") -> list[str]:
    """The months of a financial year from ``start``, named: ``Jul 2025`` … ``Jun 2026``.

    ```pycon
    >>> month_labels(date(2025, 7, 1), 12)[0], month_labels(date(2025, 7, 1), 12)[-1]
    ('Jul 2025', 'Jun 2026')

    ```
    """
    names = _MONTHS["fr" if lang == "fr" else "en"]
    labels = []
    for offset in range(count):
        index = start.month - 1 + offset
        labels.append(f"{names[index % 12]} {start.year + index // 12}")
    return labels


def percent(share: Fraction, lang: Lang = "en") -> str:
    """A share as a percentage, to two decimals at most: ``92.31 %``; ``50 %``.

    ```pycon
    >>> percent(Fraction(12, 13)), percent(Fraction(1, 2), "fr"), percent(Fraction(2, 3), "fr")
    ('92.31 %', '50 %', '66,67 %')

    ```
    """
    value = (Decimal(share.numerator) * 100 / Decimal(share.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )
    text = format(value, "f").rstrip("0").rstrip(".")
    if lang == "fr":
        text = text.replace(".", ",")
    return f"{text} %"


def _count(value: Fraction) -> str:
    """Votes as a count: whole when whole, else to two decimals (votes cut by a cap)."""
    if value.denominator == 1:
        return str(value.numerator)
    quantized = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_EVEN
    )
    return format(quantized, "f")


_CHOICE_WORDS: Final = {
    Choice.FOR: ("for", "pour"),
    Choice.AGAINST: ("against", "contre"),
    Choice.ABSTAIN: ("abstaining", "abstentions"),
    Choice.BLANK: ("blank", "blancs"),
}


_BASE_WORDS: Final = {
    Base.CAST: ("of the votes cast", "des voix exprimées"),
    Base.PRESENT: ("of the votes present or represented", "des voix présentes ou représentées"),
    Base.ALL: ("of all the votes", "de toutes les voix"),
}


def majority_rule(majority: Majority | None, lang: Lang = "en") -> str:
    """The majority a motion needs: ``more than 50 % of the votes cast``, ``at least 2/3 …``.

    A threshold that is no exact percentage stays an exact fraction.
    """
    if majority is None:
        return "-"
    fr = lang == "fr"
    threshold = majority.threshold
    exact = (threshold * 10_000).denominator == 1  # a percentage with two decimals at most
    share = percent(threshold, lang) if exact else str(threshold)
    base = _BASE_WORDS[majority.base][fr]
    if majority.strict:
        return f"plus de {share} {base}" if fr else f"more than {share} {base}"
    return f"au moins {share} {base}" if fr else f"at least {share} {base}"


def vote_tally(result: VoteResult) -> dict[str, str]:
    """The votes per choice (after caps), as counts: ``{"for": "32", "against": "11"}``."""
    return {choice.value: _count(votes) for choice, votes in result.tally.items() if votes}


def vote_summary(result: VoteResult, lang: Lang = "en") -> str:
    """One line: the verdict, the votes as counts, the share for as a percentage, the rule.

    The share for is the core's (of the majority's base, weighted by college where there are
    colleges): the line says which.
    """
    fr = lang == "fr"
    counts = []
    for choice in Choice:
        votes = result.tally.get(choice, Fraction(0))
        if choice in {Choice.FOR, Choice.AGAINST} or votes:
            word = _CHOICE_WORDS[choice][fr]
            if fr and votes <= 1:
                word = word.removesuffix("s")  # 1 abstention, 1 blanc
            counts.append(f"{_count(votes)} {word}")
    share = percent(result.share_for, lang)
    weighted = bool(result.college_shares)
    if fr:
        verdict = "adoptée" if result.adopted else "rejetée"
        if not result.quorum_reached:
            verdict += " (quorum non atteint)"
        how = " (pondéré par collège)" if weighted else ""
        rule = majority_rule(result.rule.majority, lang)
        return f"Résolution {verdict} : {', '.join(counts)} ; {share} pour{how} ; règle : {rule}"
    verdict = "adopted" if result.adopted else "rejected"
    if not result.quorum_reached:
        verdict += " (no quorum)"
    how = " (weighted by college)" if weighted else ""
    rule = majority_rule(result.rule.majority, lang)
    return f"Motion {verdict}: {', '.join(counts)}; {share} for{how}; rule: {rule}"


def escape_markdown(cell: str) -> str:
    r"""A table cell's text made safe for a markdown table: ``|`` escaped, lines joined.

    ```pycon
    >>> escape_markdown("Dupont | Fils")
    'Dupont \\| Fils'

    ```
    """
    return cell.replace("|", "\\|").replace("\r", " ").replace("\n", " ")
