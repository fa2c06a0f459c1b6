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
import string
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from types import MappingProxyType

import attrs
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.i18n import (
    DOMAIN,
    Lang,
    catalog,
    check_lang,
    fallbacks,
    label,
    territory_of,
    translate,
)
from cooprules.money import Rate, decimal_text

__all__ = [
    "Citation",
    "Confidence",
    "Explanation",
    "Label",
    "Lang",
    "RuleKind",
    "Severity",
    "Step",
    "Text",
    "Value",
    "Violation",
    "confidence_word",
    "render_steps",
    "render_value",
    "render_violations",
    "step_lines",
]

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


_ARGUMENT_TYPES = (Money, Rate, Fraction, Decimal, date, int, str)


def _placeholders(template: str, field: str) -> frozenset[str]:
    """The named placeholders of a template; positional, indexed or formatted ones are refused."""
    names = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as error:
        raise InvalidInput(field, template, f"is not a message template ({error})") from error
    for _literal, name, spec, conversion in parsed:
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise InvalidInput(
                field, template, f"placeholder {{{name}}} must be a plain name, like {{amount}}"
            )
        names.add(name)
    return frozenset(names)


@attrs.frozen
class Label:
    """A code a message shows by its label in the reader's language (a status, a step's base).

    ``Text("No salary while {status}", status=Label("status", "candidate_entrepreneur"))``
    reads "candidat-entrepreneur" in French; the label is the catalog's (`cooprules.i18n.label`).

    Attributes:
        kind: the label's kind (`cooprules.i18n.LABEL_KINDS`: ``"status"``, ``"input"``…).
        code: the code, as the library writes it.
    """

    kind: str
    code: str

    def in_(self, lang: Lang = "en") -> str:
        """The code's label in ``lang``."""
        return label(self.kind, self.code, lang)  # type: ignore[arg-type]

    def __str__(self) -> str:
        return self.in_("en")


def _argument(value: object) -> Value:
    """A message argument as kept: typed values as they are, anything else as its text."""
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, bool) or not isinstance(value, (*_ARGUMENT_TYPES, Text, Label)):
        return str(value)
    return value


@attrs.frozen(init=False, eq=False)
class Text:
    """A message: an English template with named placeholders, its arguments, translated late.

    ``Text("Levy of {rate} on a margin of {margin}", rate=rate, margin=margin)`` is a gettext
    message: the template is the *msgid*, extracted into the catalogs by
    ``scripts/extract_messages.py``; it must be a string literal (never an f-string), and its
    arguments (Money, Rate, Fraction, Decimal, date, int, str or another Text; any other value is
    kept as its text, an enumeration as its value) are formatted only when the text is rendered,
    for a language and a locale ([`in_()`][cooprules.explain.Text.in_]). ``context`` tells apart two
    messages with the same English; ``domain`` names the package whose catalog translates it
    (``"cooprules"`` for ours, a plug-in's own package for its messages).

    ``Text(en=..., fr=...)`` still builds a text given in its languages inline (a plug-in without a
    catalog, a name from a scenario file); ``nl=`` and ``de=`` may be given too. ``Text.plain(s)``
    is a text that is the same in every language (a name, a code the user typed). A text without
    arguments is shown verbatim; one with arguments is a `str.format()` template (a literal
    brace is doubled).

    Attributes:
        msgid: the English template.
        args: the named arguments, sorted by name.
        context: the gettext context, if any.
        domain: the package whose catalog translates the message.
        given: translations given inline, by language (tried before the catalog).
        capital: whether the rendered text starts with a capital letter
            ([`capitalized()`][cooprules.explain.Text.capitalized]).

    Two texts are equal when they read the same in English and in French, the two languages every
    text has always been given in: a message from the catalog equals the same words given inline.
    """

    msgid: str
    args: tuple[tuple[str, Value], ...]
    context: str | None
    domain: str
    given: tuple[tuple[str, str], ...]
    capital: bool = False

    def __init__(  # noqa: C901, PLR0912 - one check per way of building a text
        self,
        msgid: str | None = None,
        /,
        *,
        en: str | None = None,
        fr: str | None = None,
        nl: str | None = None,
        de: str | None = None,
        context: str | None = None,
        domain: str = DOMAIN,
        **args: Value,
    ) -> None:
        given: dict[str, str] = {}
        if msgid is None:
            if en is None and fr is None:
                raise InvalidInput("en", en, "must be non-empty text")
            for lang, value in (("en", en), ("fr", fr)):
                if not isinstance(value, str) or not value.strip():
                    raise InvalidInput(lang, value, "must be non-empty text")
                given[lang] = value
            msgid = given["en"]
        else:
            if en is not None or fr is not None:
                raise InvalidInput("en", en, "give the English as the message, not as en=")
            if not isinstance(msgid, str) or not msgid.strip():
                raise InvalidInput("msgid", msgid, "must be non-empty text")
        for lang, value in (("nl", nl), ("de", de)):
            if value is not None:
                if not isinstance(value, str) or not value.strip():
                    raise InvalidInput(lang, value, "must be non-empty text")
                given[lang] = value
        if context is not None and (not isinstance(context, str) or not context.strip()):
            raise InvalidInput("context", context, "must be non-empty text")
        if not isinstance(domain, str) or not domain.isidentifier():
            raise InvalidInput("domain", domain, "must be a package name")
        if not args and given:  # given inline with no arguments: shown verbatim, braces and all
            self.__attrs_init__(msgid, (), context, domain, tuple(given.items()))
            return
        wanted = _placeholders(msgid, "msgid")
        for lang, value in given.items():
            if _placeholders(value, lang) != wanted:
                raise InvalidInput(lang, value, f"must have the placeholders of {msgid!r}")
        if set(args) != wanted:
            raise InvalidInput(
                "args", sorted(args), f"must be exactly the placeholders {sorted(wanted)}"
            )
        kept = tuple(sorted((name, _argument(value)) for name, value in args.items()))
        self.__attrs_init__(msgid, kept, context, domain, tuple(given.items()))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.en, self.fr) == (other.en, other.fr)

    def __hash__(self) -> int:
        return hash((self.en, self.fr))

    @classmethod
    def plain(cls, text: str) -> Text:
        """A text shown as it is in every language: a name or a code the user typed."""
        if not isinstance(text, str) or not text.strip():
            raise InvalidInput("text", text, "must be non-empty text")
        return cls(en=text, fr=text)

    def capitalized(self) -> Text:
        """This text with its first letter in upper case once rendered (a sentence's start)."""
        text = object.__new__(Text)
        text.__attrs_init__(
            self.msgid, self.args, self.context, self.domain, self.given, capital=True
        )
        return text

    def template(self, lang: str, *, locale: str | None = None) -> str:
        """The template in ``lang``: given inline, else from the catalog, else the English."""
        territory = territory_of(locale)
        given = dict(self.given)
        for tried in fallbacks(lang, territory):
            if tried in given:
                return given[tried]
            if tried == "en":
                break
            found = catalog(self.domain, tried).get((self.context, self.msgid))
            if found is not None:
                return found
        return self.msgid

    def in_(self, lang: str, *, locale: str | None = None) -> str:
        """Return the text in ``lang`` (``"en"``, ``"fr"``, ``"nl"``, ``"de"``).

        Without a locale, the arguments are written locale-free and exact, as
        [`render_value()`][cooprules.explain.render_value] writes them (``1234.50 EUR``, ``6%``,
        ``2025-12-31``); with one (``"fr_BE"``), by `cooprules.formatting` (``1 234,50 €``, ``6
        %``).
        """
        template = self.template(lang, locale=locale)
        if self.args:
            language = check_lang(lang)
            values = {
                name: render_value(value, language, locale=locale) for name, value in self.args
            }
            try:
                template = template.format_map(values)
            except (KeyError, ValueError, IndexError, AttributeError):  # a faulty translation
                template = self.msgid.format_map(values)
        return template[:1].upper() + template[1:] if self.capital else template

    @property
    def en(self) -> str:
        """The English text, arguments written locale-free."""
        return self.in_("en")

    @property
    def fr(self) -> str:
        """The French text, arguments written locale-free."""
        return self.in_("fr")

    @property
    def nl(self) -> str:
        """The Dutch text, arguments written locale-free."""
        return self.in_("nl")


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

    def in_(self, lang: str, *, locale: str | None = None) -> str:
        """``"instrument, article"``, and how sure the reference is in words when it is not sure.

        The instrument and the article are the catalog's for ``lang`` when it has them (a law's
        name in the language's text, ``s. 143`` as ``art. 143`` in French), else as given; the
        confidence is a word of ``lang`` (``"source secondaire"``), never the reference's tag.
        """
        cited = self.named(lang, locale=locale)
        if self.confidence is Confidence.SRC:
            return cited
        return f"{cited}, {confidence_word(self.confidence, lang, locale=locale)}"

    def named(self, lang: str, *, locale: str | None = None) -> str:
        """``"instrument, article"`` in ``lang``: the catalog's words when it has them."""
        territory = territory_of(locale)
        instrument, article = (
            translate(part, lang, context="citation", territory=territory)
            for part in (self.instrument, self.article)
        )
        coop = self.instrument.removeprefix("Statutes of ")
        if instrument == self.instrument and coop != self.instrument:  # a co-op's own statutes
            instrument = Text("Statutes of {coop}", context="citation", coop=coop).in_(
                lang, locale=locale
            )
        return f"{instrument}, {article}"

    def __str__(self) -> str:
        return self.in_("en")


def confidence_word(confidence: Confidence, lang: str = "en", *, locale: str | None = None) -> str:
    """How sure the reference is of a rule, in words of ``lang``: ``"secondary source"``."""
    return _CONFIDENCE_WORDS[confidence].in_(lang, locale=locale)


_CONFIDENCE_WORDS: Mapping[Confidence, Text] = MappingProxyType(
    {
        Confidence.SRC: Text("from the text", context="confidence"),
        Confidence.SRC_2: Text("secondary source", context="confidence"),
        Confidence.SRC_OLD: Text("older version of the text", context="confidence"),
        Confidence.MEM: Text("unverified", context="confidence"),
        Confidence.UNC: Text("unverified", context="confidence"),
    }
)


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


def render_value(  # noqa: PLR0911 - one return per kind of value
    value: Value, lang: Lang = "en", *, locale: str | None = None
) -> str:
    """Render a recorded value.

    Without a locale, the same way on every machine (no locale, exact digits: ``1234.50 EUR``,
    ``6%``, ``2025-12-31``); this is what JSON and tests read. With a locale (``"fr_BE"``), for a
    person, by `cooprules.formatting` (``1 234,50 €``, ``6 %``, ``31 décembre 2025``).
    """
    if locale is not None:
        return _localised(value, lang, locale)
    if isinstance(value, Money):
        return f"{format(value.amount, 'f')} {value.currency.code}"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, Fraction):
        text = decimal_text(value)
        return str(value) if text is None else text
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Text | Label):
        return value.in_(lang)
    return str(value)


def _localised(value: Value, lang: Lang, locale: str) -> str:  # noqa: PLR0911
    from cooprules import formatting  # noqa: PLC0415 - babel is loaded only for people

    if isinstance(value, Money):
        return formatting.format_money(value, locale)
    if isinstance(value, Rate):
        return formatting.format_rate(value, locale)
    if isinstance(value, bool):
        return label("term", "yes" if value else "no", lang)
    if isinstance(value, int | Decimal | Fraction):
        return formatting.format_number(value, locale)
    if isinstance(value, date):
        return formatting.format_date(value, locale)
    if isinstance(value, Text):
        return value.in_(lang, locale=locale)
    if isinstance(value, Label):
        return value.in_(lang)
    return str(value)


def render_steps(
    explanation: Explanation | Iterable[Step], *, lang: Lang = "en", locale: str | None = None
) -> str:
    """Render steps as numbered lines: ``1. what: inputs -> result (citation)``.

    With a locale, the values are formatted for it and the input names translated (labels of
    kind ``"input"``); without one, names and values are written as recorded.
    """
    return "\n".join(step_lines(explanation, lang=lang, locale=locale))


def step_lines(
    explanation: Explanation | Iterable[Step],
    *,
    lang: Lang = "en",
    locale: str | None = None,
    value: Callable[[Value], str] | None = None,
    cite: Callable[[Citation], str] | None = None,
) -> list[str]:
    """The numbered lines of [`render_steps()`][cooprules.explain.render_steps], one per step.

    ``value`` writes a recorded value (by default `render_value` for ``lang`` and ``locale``);
    ``cite`` writes a step's citation with its separator (by default `` (citation)``): a renderer
    such as the CLI's gives its own and keeps the one layout.
    """
    steps = explanation.steps if isinstance(explanation, Explanation) else tuple(explanation)
    shown = value or (lambda recorded: render_value(recorded, lang, locale=locale))
    cited = cite or (lambda citation: f" ({citation.in_(lang, locale=locale)})")
    lines = []
    for number, step in enumerate(steps, start=1):
        inputs = ", ".join(
            f"{_input_name(name, lang, locale)} = {shown(recorded)}"
            for name, recorded in step.inputs
        )
        line = f"{number}. {step.what.in_(lang, locale=locale)}"
        if inputs:
            line += f": {inputs}"
        line += f" -> {shown(step.result)}"
        if step.note is not None:
            line += f"; {step.note.in_(lang, locale=locale)}"
        if step.citation is not None:
            line += cited(step.citation)
        lines.append(line)
    return lines


def _input_name(name: str, lang: Lang, locale: str | None) -> str:
    if locale is None:
        return name
    return label("input", name, lang, territory=territory_of(locale))


def render_violations(
    violations: Iterable[Violation], *, lang: Lang = "en", locale: str | None = None
) -> str:
    """Render violations one per line: ``[severity] subject: message (citation)``.

    With a locale, the severity is its translated label and the values are formatted for it;
    without one, the severity is its code.
    """
    lines = []
    for violation in violations:
        severity = violation.severity.value
        if locale is not None:
            severity = label("severity", severity, lang, territory=territory_of(locale))
        message = violation.message.in_(lang, locale=locale)
        line = f"[{severity}] {violation.subject}: {message}"
        if violation.citation is not None:
            line += f" ({violation.citation.in_(lang, locale=locale)})"
        lines.append(line)
    return "\n".join(lines)
