"""Explained results: citations, explanation steps and violations.

Every engine result carries *why*: the steps it took (what was computed, from which inputs, with
what result, under which rule) and the compliance problems it found, each citing its source. These
are plain frozen values; turning them into text is a separate step
([`render_steps()`][cooprules.explain.render_steps],
[`render_violations()`][cooprules.explain.render_violations]), so the same result can be shown in
English or French, as a table or as JSON.

```pycon
>>> from cooprules.explain import Citation, Confidence, Text, Violation, Severity
>>> art16 = Citation(
...     instrument="Loi 47-1775",
...     article="art. 16",
...     jurisdiction="FR",
...     confidence=Confidence.SRC,
...     url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004",
... )
>>> v = Violation(
...     code="statutes.out_of_bounds",
...     severity=Severity.ERROR,
...     subject="surplus.legal_reserve_rate",
...     message=Text(en="Legal reserve below 15 %.", fr="Réserve légale inférieure à 15 %."),
...     citation=art16,
... )
>>> print(render_violations([v], lang="fr"))
[error] surplus.legal_reserve_rate: Réserve légale inférieure à 15 %. (Loi 47-1775, art. 16)

```
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

import attrs
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.money import decimal_text

__all__ = [
    "Citation",
    "Confidence",
    "Explanation",
    "Lang",
    "RuleKind",
    "Severity",
    "Step",
    "Text",
    "Value",
    "Violation",
    "render_steps",
    "render_value",
    "render_violations",
]

Lang = Literal["en", "fr"]
"""The languages every message is given in."""

Value = object
"""An input or a result recorded in a step (an amount, a rate, a date, a count, text).

Kept as the value itself, so programs can read it; rendered to text only on demand.
"""


class Confidence(enum.Enum):
    """How sure the project is of a rule's source.

    In words: `SRC` from the text, `SRC-old` from an older version of the text, `SRC-2` from a
    secondary source, `MEM` recalled, unverified, `UNC` uncertain.
    """

    SRC = "SRC"
    """Read in a primary source; the URL is given."""
    SRC_2 = "SRC-2"
    """Secondary source: the substance is sourced, the article wording unverified."""
    SRC_OLD = "SRC-old"
    """Source is an older consolidation, or its currency is unconfirmed."""
    MEM = "MEM"
    """Recalled, not found in a retrieved source: never a hard-coded legal default."""
    UNC = "UNC"
    """Uncertain: verify before relying on it; never a hard-coded legal default."""

    @property
    def verified(self) -> bool:
        """True when the figure may be used as a legal default (not recalled, nor uncertain)."""
        return self not in {Confidence.MEM, Confidence.UNC}


class RuleKind(enum.Enum):
    """Where a rule's value comes from."""

    LAW = "LAW"
    """Fixed by statute; a co-op cannot change it."""
    DEFAULT = "DEF"
    """A legal default the co-op's articles may override."""
    STATUTE = "STAT"
    """Chosen by the co-op in its articles or by-laws, within legal bounds."""
    PRACTICE = "PRAC"
    """Observed practice, not law."""


class Severity(enum.Enum):
    """How serious a violation is."""

    ERROR = "error"
    """The law or the statutes are broken."""
    WARNING = "warning"
    """Probably wrong, or due soon; a person should look."""
    INFO = "info"
    """Worth knowing; nothing is broken."""


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(attribute.name, value, "must be non-empty text")


@attrs.frozen
class Text:
    """A short message in English and in French.

    Attributes:
        en: the English text.
        fr: the French text.
    """

    en: str = attrs.field(validator=_non_empty)
    fr: str = attrs.field(validator=_non_empty)

    def in_(self, lang: Lang) -> str:
        """Return the text in ``lang`` (``"en"`` or ``"fr"``)."""
        if lang == "fr":
            return self.fr
        if lang == "en":
            return self.en
        raise InvalidInput("lang", lang, "supported languages are 'en' and 'fr'")


@attrs.frozen
class Citation:
    """Where a rule comes from: an instrument and an article, with how sure we are of it.

    Attributes:
        instrument: the text, e.g. ``"Code des sociétés et des associations"``,
            ``"Cooperatives Act (CQLR c C-67.2)"``, or ``"Statutes"`` for a co-op's own articles.
        article: the article or section, e.g. ``"art. 6:115"``, ``"s. 224.2"``.
        jurisdiction: ``"BE"``, ``"FR"``, ``"CA-QC"``, or ``"coop"`` for a co-op's statutes.
        confidence: how sure the project is of the rule's source.
        url: where to read it (an official consolidation or an archived copy), if known.
        title: a short description of what the article says, if useful.
    """

    instrument: str = attrs.field(validator=_non_empty)
    article: str = attrs.field(validator=_non_empty)
    jurisdiction: str = attrs.field(validator=_non_empty)
    confidence: Confidence = attrs.field(
        default=Confidence.SRC, validator=attrs.validators.instance_of(Confidence)
    )
    url: str | None = None
    title: str | None = None

    def short(self) -> str:
        """Return ``"instrument, article"``: the form used inline in messages."""
        return f"{self.instrument}, {self.article}"

    def __str__(self) -> str:
        flag = "" if self.confidence is Confidence.SRC else f" [{self.confidence.value}]"
        return f"{self.short()}{flag}"


def _pairs(
    value: Mapping[str, Value] | Iterable[tuple[str, Value]],
) -> tuple[tuple[str, Value], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple((str(name), item) for name, item in items)


@attrs.frozen
class Step:
    """One step of a computation: what was computed, from which inputs, the result, the rule.

    Attributes:
        what: what this step computes, in English and French.
        inputs: the named inputs, in order (a mapping is accepted and kept in its order).
        result: the value this step produced.
        citation: the rule applied, if the step follows a law or a statute.
        note: an optional remark (a floor applied, a cap reached), in English and French.
    """

    what: Text
    inputs: tuple[tuple[str, Value], ...] = attrs.field(factory=tuple, converter=_pairs)
    result: Value = None
    citation: Citation | None = None
    note: Text | None = None


def _steps(steps: Iterable[Step]) -> tuple[Step, ...]:
    return tuple(steps)


@attrs.frozen
class Explanation:
    """The ordered steps behind a result."""

    steps: tuple[Step, ...] = attrs.field(factory=tuple, converter=_steps)

    def __add__(self, other: Explanation) -> Explanation:
        return Explanation(self.steps + other.steps)

    def citations(self) -> tuple[Citation, ...]:
        """Every distinct citation used, in order of first use."""
        seen: dict[Citation, None] = {}
        for step in self.steps:
            if step.citation is not None:
                seen.setdefault(step.citation, None)
        return tuple(seen)


@attrs.frozen
class Violation:
    """A compliance problem, returned as data rather than raised.

    Attributes:
        code: a stable, dotted identifier programs can match on (``"statutes.out_of_bounds"``).
        severity: how serious it is.
        subject: what it is about: a member id, an activity, a parameter key, a proxy.
        message: what is wrong, in English and French.
        citation: the rule that is broken, if any.
    """

    code: str = attrs.field(validator=_non_empty)
    severity: Severity = attrs.field(validator=attrs.validators.instance_of(Severity))
    subject: str
    message: Text
    citation: Citation | None = None


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def render_value(value: Value, lang: Lang = "en") -> str:
    """Render a recorded value the same way on every machine (no locale, exact digits)."""
    if isinstance(value, Money):
        return f"{format(value.amount, 'f')} {value.currency.code}"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        text = decimal_text(value)
        return str(value) if text is None else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Text):
        return value.in_(lang)
    return str(value)


def render_steps(explanation: Explanation | Iterable[Step], *, lang: Lang = "en") -> str:
    """Render steps as numbered lines: ``1. what: inputs -> result (citation)``."""
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
            line += f" ({step.citation})"
        lines.append(line)
    return "\n".join(lines)


def render_violations(violations: Iterable[Violation], *, lang: Lang = "en") -> str:
    """Render violations one per line: ``[severity] subject: message (citation)``."""
    lines = []
    for violation in violations:
        line = f"[{violation.severity.value}] {violation.subject}: {violation.message.in_(lang)}"
        if violation.citation is not None:
            line += f" ({violation.citation})"
        lines.append(line)
    return "\n".join(lines)
