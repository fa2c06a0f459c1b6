"""Regimes (the law) and statutes (one co-op's choices), with effective-dated parameters.

Three layers (see ``docs/architecture.md``):

1. a [`Regime`][cooprules.regime.Regime] is what a jurisdiction allows and imposes: frozen data,
   provided by a plug-in;
2. [`Statutes`][cooprules.regime.Statutes] are the values one co-operative chose within its regime;
3. engines compute results from facts, reading every figure from the
   [`Rules`][cooprules.regime.Rules] that [`bind()`][cooprules.regime.bind] gives (the law bound to
   the statutes on a date).

The law changes, so every [`Parameter`][cooprules.regime.Parameter] applies from a date (and
possibly until another), and a regime is always asked for its parameters *as of* a date. A regime
may extend another (a French CAE in SCOP form is the SCOP regime plus the CAE rules): a parameter
not found in a regime is looked up in the regime it extends.

```pycon
>>> from datetime import date
>>> from cooprules.explain import Citation, RuleKind, Text
>>> from cooprules.money import Rate
>>> law = Citation(instrument="Example Act", article="s. 1", jurisdiction="XX")
>>> cap = Parameter(
...     key="voting.member_vote_cap", value=Rate.of("1/10"), kind=RuleKind.LAW, citation=law,
...     description=Text(en="Vote cap per member", fr="Plafond de voix par membre"),
...     maximum=Rate.of("1/10"),
... )
>>> regime = Regime(
...     code="xx-demo", name="Coopérative de démonstration", name_en="Demo co-operative",
...     jurisdiction="XX", currency="EUR", languages=("fr", "en"), citations=(law,),
...     parameters=(cap,),
... )
>>> str(regime.value("voting.member_vote_cap", date(2026, 1, 1)))
'10%'
>>> statutes = Statutes(regime="xx-demo", values={"voting.member_vote_cap": Rate.of("1/5")})
>>> [v.code for v in validate(statutes, regime, date(2026, 1, 1))]
['statutes.above_maximum']

Engines read each figure from the rules [`bind()`][cooprules.regime.bind] gives, with its citation:

>>> from cooprules.parameters import Voting
>>> cap = bind(regime, as_of=date(2026, 1, 1)).require(Voting.member_vote_cap)
>>> str(cap.value), cap.citation.short(), cap.source
('10%', 'Example Act, s. 1', 'regime')

```
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any, Generic, Protocol, Self, TypeAlias, TypeVar, cast, runtime_checkable

import attrs
from moneyed import Money

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter, UnknownParameter
from cooprules.explain import Citation, Confidence, RuleKind, Severity, Text, Violation
from cooprules.money import Rate, Rounding, currency_of
from cooprules.periods import in_force, overlapping

__all__ = [
    "Bindable",
    "Bound",
    "FromLaw",
    "Key",
    "Parameter",
    "Regime",
    "Resolved",
    "Rules",
    "StatuteArticles",
    "StatuteValues",
    "Statutes",
    "bind",
    "known",
    "resolve",
    "validate",
]

T = TypeVar("T")

_CODE = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+$")


def _check_code(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not _CODE.fullmatch(value):
        raise InvalidInput(
            attribute.name,
            value,
            "a regime code is lower-case, starts with a two-letter jurisdiction and a dash "
            "(e.g. 'be-sces', 'fr-cae-scop')",
        )


def _check_key(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not re.match(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$", value):
        raise InvalidParameter(
            attribute.name,
            value,
            "a parameter key is dotted lower-case: '<engine>.<name>' (e.g. 'voting.quorum')",
        )


def _key_name(value: object) -> str:
    return value.name if isinstance(value, Key) else cast("str", value)


@attrs.frozen
class Key(Generic[T]):
    """The typed name of a parameter: ``Key("voting.member_vote_cap", Rate, ...)``.

    Engines declare their keys (see [`cooprules.parameters`][cooprules.parameters]); regimes and
    statutes use them, so a misspelled key is an ``AttributeError`` in the plug-in, not a silently
    missing rule, and [`Regime.value()`][cooprules.regime.Regime.value] returns a value of the
    declared type.

    Attributes:
        name: the dotted key.
        type: the type of the value (``Rate``, ``int``, ``Money``, ``bool``, ``Decimal``, ``str``).
        description: what the parameter means, in English and French.
    """

    name: str = attrs.field(validator=_check_key)
    type: type[T]
    description: Text

    def check(self, value: object, *, field: str | None = None) -> T:
        """Return ``value`` if it has this key's type, else raise `InvalidParameter`."""
        if not _has_type(value, self.type):
            raise InvalidParameter(
                field or self.name, value, f"expected {self.type.__name__} for {self.name}"
            )
        return cast("T", value)


_COMPARABLE = (int, Decimal, Fraction, Rate, Money, date)


def _comparable(value: object) -> bool:
    return isinstance(value, _COMPARABLE) and not isinstance(value, bool)


@attrs.frozen
class Parameter:
    """One rule's value as the law sets it, from a date, with its bounds and its source.

    Attributes:
        key: the dotted key (a [`Key`][cooprules.regime.Key] is accepted and stored by name).
        value: the legal value (``kind=LAW``), the legal default (``DEFAULT``), or ``None`` when the
            law sets none and the co-op must choose (``STATUTE``). A figure whose source is
            recalled, unverified (`MEM`) or uncertain (`UNC`) never has a value here: it stays a
            statute choice until verified.
        kind: where the value comes from (law, default, statute, practice).
        citation: the article that sets the rule, with its confidence.
        description: what the parameter means, in English and French.
        minimum: the smallest value the statutes may choose (inclusive), if the law bounds it.
        maximum: the largest value the statutes may choose (inclusive), if the law bounds it.
        valid_from: the first day the rule applies.
        valid_until: the first day it no longer applies (exclusive), or ``None`` while in force.
        required: the statutes must state a value (the law requires the co-op to choose).
    """

    key: str = attrs.field(converter=_key_name, validator=_check_key)
    value: object
    kind: RuleKind = attrs.field(validator=attrs.validators.instance_of(RuleKind))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    description: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    minimum: object = None
    maximum: object = None
    valid_from: date = date.min
    valid_until: date | None = None
    required: bool = False

    def __attrs_post_init__(self) -> None:
        if self.valid_until is not None and self.valid_until <= self.valid_from:
            raise InvalidParameter(
                f"{self.key}.valid_until",
                self.valid_until,
                f"must be after valid_from {self.valid_from.isoformat()}",
            )
        declared = _declared_key(self.key)
        for name in ("value", "minimum", "maximum"):
            given = getattr(self, name)
            if given is not None:
                self._check_figure(name, given, declared)
        if self.value is not None:
            problem = self.check(self.value)
            if problem is not None:
                raise InvalidParameter(f"{self.key}.value", self.value, problem.en)

    def _check_figure(self, name: str, given: object, declared: Key[Any] | None) -> None:
        field = f"{self.key}.{name}"
        if not self.citation.confidence.verified:
            raise InvalidParameter(
                field,
                given,
                f"a figure tagged [{self.citation.confidence.value}] is not verified law: "
                "leave it to the statutes (None) until it is",
            )
        if isinstance(given, float):
            raise InvalidParameter(field, given, "float is not exact")
        if name != "value" and not _comparable(given):
            raise InvalidParameter(field, given, "a bound must be comparable")
        if declared is not None:
            declared.check(given, field=field)

    @classmethod
    def of(
        cls,
        key: Key[Any],
        value: object,
        kind: RuleKind,
        citation: Citation,
        *,
        minimum: object = None,
        maximum: object = None,
        valid_from: date = date.min,
        valid_until: date | None = None,
        required: bool = False,
        description: Text | None = None,
    ) -> Parameter:
        """A parameter for a declared key, described by the key unless ``description`` says more.

        This is how a plug-in writes its rules: ``Parameter.of(Voting.member_vote_cap,
        Rate.of("1/10"), RuleKind.LAW, citation, maximum=Rate.of("1/10"))``.
        """
        return cls(
            key=key,
            value=value,
            kind=kind,
            citation=citation,
            description=description or key.description,
            minimum=minimum,
            maximum=maximum,
            valid_from=valid_from,
            valid_until=valid_until,
            required=required,
        )

    def in_force(self, on: date) -> bool:
        """Tell whether this version of the rule applies on ``on``."""
        return in_force(self, on)

    def check(self, value: object) -> Text | None:
        """Return why ``value`` breaks this rule's bounds, or ``None`` if it respects them."""
        for bound, name in ((self.minimum, "minimum"), (self.maximum, "maximum")):
            if bound is None:
                continue
            if not _same_kind(value, bound):
                return Text(
                    "expected a {kind}, like the {bound_name} {bound}",
                    kind=type(bound).__name__,
                    bound_name=name,
                    bound=bound,
                )
            if name == "minimum" and value < bound:  # type: ignore[operator]
                return Text(
                    "{value} is below the legal minimum {minimum}",
                    value=value,
                    minimum=bound,
                )
            if name == "maximum" and value > bound:  # type: ignore[operator]
                return Text(
                    "{value} is above the legal maximum {maximum}",
                    value=value,
                    maximum=bound,
                )
        return None


def _declared_key(name: str) -> Key[Any] | None:
    """The key the core declares under ``name`` (``None`` for a plug-in's own keys)."""
    from cooprules.parameters import all_keys  # noqa: PLC0415 - parameters imports this module

    return all_keys().get(name)


def _same_kind(value: object, bound: object) -> bool:
    if isinstance(value, bool) or not _comparable(value):
        return False
    if isinstance(bound, Money):
        return isinstance(value, Money) and value.currency == bound.currency
    if isinstance(bound, Rate | date):
        return type(value) is type(bound)
    return isinstance(value, int | Decimal | Fraction)


def _show(value: object) -> str:
    if isinstance(value, Money):
        return f"{format(value.amount, 'f')} {value.currency.code}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _check_currency(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    currency_of(value, field=attribute.name)


def _texts(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _citations(values: Iterable[Citation]) -> tuple[Citation, ...]:
    return tuple(values)


def _parameters(values: Iterable[Parameter]) -> tuple[Parameter, ...]:
    return tuple(values)


def _objects(values: Iterable[object]) -> tuple[object, ...]:
    return tuple(values)


@attrs.frozen
class Regime:
    """A jurisdiction's rules for one kind of co-operative, as frozen data.

    Attributes:
        code: stable lower-case code, jurisdiction first (``"be-sces"``, ``"fr-cae-scop"``).
        name: the name in the native language (``"Coopérative d'activité et d'emploi (SCOP)"``).
        name_en: an English gloss.
        jurisdiction: ``"BE"``, ``"FR"``, ``"CA-QC"``.
        currency: ISO 4217 code of the amounts (``"EUR"``, ``"CAD"``).
        languages: the languages of the jurisdiction's texts, most used first.
        citations: the main legal instruments this regime rests on.
        parameters: its effective-dated parameters (its own; inherited ones stay on ``extends``).
        extends: the regime whose rules this one adds to, if any.
        aliases: other codes that find this regime.
        rounding: the rounding mode for amounts, half-up unless the regime says otherwise.
        description: one or two sentences on what the regime covers, in English and French.
        rules: rule sets that are more than parameters, one object per type (e.g. a
            [`cooprules.membership.MembershipRules`][cooprules.membership.MembershipRules] with the
            status graph); engines find theirs with
            [`rule_set()`][cooprules.regime.Regime.rule_set], looking through the regimes this one
            extends.
    """

    code: str = attrs.field(validator=_check_code)
    name: str
    name_en: str
    jurisdiction: str
    currency: str = attrs.field(validator=_check_currency)
    languages: tuple[str, ...] = attrs.field(converter=_texts)
    citations: tuple[Citation, ...] = attrs.field(
        converter=_citations,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Citation)),
    )
    parameters: tuple[Parameter, ...] = attrs.field(
        default=(),
        converter=_parameters,
        validator=attrs.validators.deep_iterable(attrs.validators.instance_of(Parameter)),
    )
    extends: Regime | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    rounding: Rounding = Rounding.HALF_UP
    description: Text | None = None
    rules: tuple[object, ...] = attrs.field(default=(), converter=_objects)

    def __attrs_post_init__(self) -> None:
        kinds = [type(rule) for rule in self.rules]
        if len(set(kinds)) != len(kinds):
            raise DuplicateId(
                f"{self.code}.rules",
                sorted({k.__name__ for k in kinds if kinds.count(k) > 1}),
                "a regime holds at most one rule set of each type",
            )
        by_key: dict[str, list[Parameter]] = {}
        for parameter in self.parameters:
            by_key.setdefault(parameter.key, []).append(parameter)
        for key, versions in by_key.items():
            if (pair := overlapping(versions)) is not None:
                raise DuplicateId(
                    f"{self.code}.parameters",
                    key,
                    "two versions of this parameter are in force on "
                    f"{pair[1].valid_from.isoformat()}; close the earlier one with valid_until",
                )
        if self.extends is not None and self.extends.currency != self.currency:
            raise InvalidInput(
                f"{self.code}.currency",
                self.currency,
                f"differs from the extended regime {self.extends.code} ({self.extends.currency})",
            )

    @property
    def lineage(self) -> tuple[Regime, ...]:
        """This regime, then the one it extends, and so on."""
        chain: list[Regime] = []
        current: Regime | None = self
        while current is not None:
            chain.append(current)
            current = current.extends
        return tuple(chain)

    def rule_set(self, kind: type[T]) -> T | None:
        """Return the rule set of type ``kind`` (this regime's own, else an extended regime's)."""
        for regime in self.lineage:
            for rule in regime.rules:
                if isinstance(rule, kind):
                    return rule
        return None

    def find(self, key: str | Key[Any], as_of: date) -> Parameter | None:
        """Return the version of ``key`` in force on ``as_of``, or ``None``."""
        name = _key_name(key)
        for regime in self.lineage:
            for parameter in regime.parameters:
                if parameter.key == name and parameter.in_force(as_of):
                    return parameter
        return None

    def parameter(self, key: str | Key[Any], as_of: date) -> Parameter:
        """Return the version of ``key`` in force on ``as_of``.

        Raises:
            UnknownParameter: if the regime (and those it extends) has none on that date.
        """
        found = self.find(key, as_of)
        if found is None:
            raise UnknownParameter(self.code, _key_name(key), as_of.isoformat())
        return found

    def value(self, key: Key[T] | str, as_of: date) -> T | None:
        """Return the legal value or default of ``key`` on ``as_of`` (``None``: the law sets none).

        With a [`Key`][cooprules.regime.Key], the value is checked against the key's type.

        Raises:
            UnknownParameter: no such parameter in force.
            InvalidParameter: the value has another type than the key declares.
        """
        value = self.parameter(key, as_of).value
        if value is not None and isinstance(key, Key):
            return key.check(value, field=f"{self.code}.{key.name}")
        return cast("T | None", value)

    def history(self, key: str | Key[Any]) -> tuple[Parameter, ...]:
        """Every version of ``key`` across the lineage, own versions first, each by date."""
        name = _key_name(key)
        result: list[Parameter] = []
        for regime in self.lineage:
            result.extend(
                sorted((p for p in regime.parameters if p.key == name), key=lambda p: p.valid_from)
            )
        return tuple(result)

    def parameters_as_of(self, as_of: date) -> dict[str, Parameter]:
        """Every parameter in force on ``as_of``, by key (own versions override inherited ones)."""
        merged: dict[str, Parameter] = {}
        for regime in reversed(self.lineage):
            for parameter in regime.parameters:
                if parameter.in_force(as_of):
                    merged[parameter.key] = parameter
        return dict(sorted(merged.items()))

    def all_citations(self) -> tuple[Citation, ...]:
        """The regime's citations and those of every parameter, across the lineage, deduplicated."""
        seen: dict[Citation, None] = {}
        for regime in self.lineage:
            for citation in regime.citations:
                seen.setdefault(citation, None)
            for parameter in regime.parameters:
                seen.setdefault(parameter.citation, None)
        return tuple(seen)


#: What ``Statutes(values=...)`` accepts: a mapping (or pairs) from parameter keys, written as
#: ``Key`` objects (``Capital.dividend_cap``) or as their dotted names, to the chosen values.
StatuteValues: TypeAlias = (
    "Mapping[str, object] | Mapping[Key[Any], object] | Mapping[str | Key[Any], object]"
    " | Iterable[tuple[str | Key[Any], object]]"
)
#: What ``Statutes(articles=...)`` accepts: the statutes' article for each key (``"art. 32"``).
StatuteArticles: TypeAlias = (
    "Mapping[str, str] | Mapping[Key[Any], str] | Mapping[str | Key[Any], str]"
    " | Iterable[tuple[str | Key[Any], str]]"
)


def _pairs(values: StatuteValues) -> tuple[tuple[str, object], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    seen: set[str] = set()
    result: list[tuple[str, object]] = []
    for raw_key, value in items:
        key = _key_name(raw_key)
        if key in seen:
            raise DuplicateId("statutes.values", key, "a statute value is given twice")
        if isinstance(value, float):
            raise InvalidParameter(f"statutes.values[{key!r}]", value, "float is not exact")
        seen.add(key)
        result.append((key, value))
    return tuple(sorted(result, key=lambda item: item[0]))


def _str_pairs(values: StatuteArticles) -> tuple[tuple[str, str], ...]:
    items = values.items() if isinstance(values, Mapping) else values
    return tuple(sorted((_key_name(k), str(v)) for k, v in items))


def _sections(values: Iterable[object]) -> tuple[object, ...]:
    return tuple(values)


@attrs.frozen
class Statutes:
    """One co-operative's choices within its regime (its articles of association and by-laws).

    Attributes:
        regime: the code of the regime the co-op is under.
        values: the chosen values by parameter key (a mapping is accepted; keys may be a ``Key``).
        articles: where each choice is written in the statutes, by key (``"art. 32"``), so that a
            violation or an explanation can cite the co-op's own article.
        name: the co-op's name.
        adopted: the date the statutes (or their last amendment) were adopted.
        sections: the typed sections of choices that are not one value per key, one per type
            (the voting section:
            [`cooprules.voting.VotingStatutes`][cooprules.voting.rules.VotingStatutes], with the
            colleges and the statutes' own decision rules); found with
            [`section()`][cooprules.regime.Statutes.section].

    A choice the law has a key for (a member's vote cap, one member one vote, family
    representation) is a value by key, checked against the law by
    [`validate()`][cooprules.regime.validate]; a section holds only what has no key.
    """

    regime: str
    values: tuple[tuple[str, object], ...] = attrs.field(factory=tuple, converter=_pairs)
    articles: tuple[tuple[str, str], ...] = attrs.field(factory=tuple, converter=_str_pairs)
    name: str | None = None
    adopted: date | None = None
    sections: tuple[object, ...] = attrs.field(default=(), converter=_sections)

    def __attrs_post_init__(self) -> None:
        kinds = [type(section).__name__ for section in self.sections]
        if len(set(kinds)) != len(kinds):
            raise DuplicateId("statutes.sections", kinds, "one section of each kind")

    def section(self, kind: type[T]) -> T | None:
        """The statutes' section of type ``kind`` (``statutes.section(VotingStatutes)``)."""
        return next((s for s in self.sections if isinstance(s, kind)), None)

    def get(self, key: str | Key[Any], default: object = None) -> object:
        """Return the statutes' value for ``key``, or ``default``."""
        name = _key_name(key)
        for item_key, value in self.values:
            if item_key == name:
                return value
        return default

    def __contains__(self, key: object) -> bool:
        name = _key_name(key)
        return any(item_key == name for item_key, _ in self.values)

    def article(self, key: str | Key[Any]) -> str | None:
        """Return the statutes' article for ``key``, if recorded."""
        name = _key_name(key)
        return next((art for k, art in self.articles if k == name), None)

    def citation(self, key: str | Key[Any]) -> Citation:
        """A citation of the co-op's own article for ``key`` (``"Statutes, art. 32"``)."""
        return Citation(
            instrument=f"Statutes of {self.name}" if self.name else "Statutes",
            article=self.article(key) or "not recorded",
            jurisdiction="coop",
            confidence=Confidence.SRC,
        )


@attrs.frozen
class Resolved(Generic[T]):
    """The value that applies to a co-op for one parameter, and where it comes from.

    Attributes:
        key: the parameter key.
        value: the value that applies (``None`` when neither law nor statutes set one).
        source: ``"statutes"`` or ``"regime"``.
        parameter: the regime's parameter (its bounds and citation), if the regime has one.
        citation: the citation to show: the statutes' article for a statute value, else the law's.
    """

    key: str
    value: T | None
    source: str
    parameter: Parameter | None
    citation: Citation | None


def resolve(key: Key[T], statutes: Statutes, regime: Regime, as_of: date) -> Resolved[T]:
    """Return the value of ``key`` that applies to a co-op on ``as_of``.

    A value fixed by law (``kind=LAW`` with a value and no bounds) always wins. Otherwise the
    statutes' choice applies when there is one, else the regime's default. Compliance of the
    statutes' choice is [`validate()`][cooprules.regime.validate]'s job; this only picks the value.

    Raises:
        InvalidParameter: the value has another type than the key declares.
    """
    parameter = regime.find(key, as_of)
    fixed = (
        parameter is not None
        and parameter.kind is RuleKind.LAW
        and parameter.value is not None
        and parameter.minimum is None
        and parameter.maximum is None
    )
    if not fixed and key in statutes:
        chosen = key.check(statutes.get(key), field=f"statutes.{key.name}")
        return Resolved(key.name, chosen, "statutes", parameter, statutes.citation(key))
    if parameter is None:
        return Resolved(key.name, None, "regime", None, None)
    default = None if parameter.value is None else key.check(parameter.value)
    return Resolved(key.name, default, "regime", parameter, parameter.citation)


@attrs.frozen
class FromLaw(Generic[T]):
    """A figure a rule set does not hold: it reads it from the regime's law when bound.

    A rule set (a vote cap, a college bound) written with ``FromLaw(Voting.member_vote_cap)``
    instead of ``Rate.of("1/10")`` declares that the figure is the law's;
    [`Rules.rule_set()`][cooprules.regime.Rules.rule_set] gives the rule set with every such figure
    replaced by the version in force, and its citation.

    Attributes:
        key: the parameter the figure is.
    """

    key: Key[T]


def known(value: T | FromLaw[Any], what: str, rule_set: str, *, field: str = "rules") -> T:
    """A rule set's figure once bound: ``value`` itself, refused while it is the law's to read.

    Args:
        value: the figure, or the parameter it is ([`FromLaw`][cooprules.regime.FromLaw]).
        what: what the figure is, for the message (``"this cap"``).
        rule_set: the rule set's type name, for the hint (``"VotingRules"``).
        field: the field the error names.

    Raises:
        InvalidInput: ``value`` is still a [`FromLaw`][cooprules.regime.FromLaw]: the error names
            the key and says to bind the rules to the date first.
    """
    if isinstance(value, FromLaw):
        raise InvalidInput(
            field,
            value.key.name,
            f"{what} is the law's figure: bind the rules to the date first "
            f"(bind(regime, statutes, as_of=...).rule_set({rule_set}))",
        )
    return value


@runtime_checkable
class Bindable(Protocol):
    """A rule set that reads some of its figures from the law (see `FromLaw`)."""

    def bound(self, rules: Rules) -> Self:
        """This rule set with every `FromLaw` figure read from ``rules``."""
        ...  # pragma: no cover - protocol


@attrs.frozen
class Bound(Generic[T]):
    """A figure that applies, as an engine reads it: never missing, always cited.

    Attributes:
        key: the parameter key.
        value: the value.
        citation: the article that sets it (the statutes' for their choice, else the law's).
        source: ``"statutes"`` or ``"regime"``.
    """

    key: str
    value: T
    citation: Citation
    source: str


@attrs.frozen
class Rules:
    """A co-op's rules on one date: its regime's law bound to its statutes (see `bind()`).

    Engines read every legal figure here, with its citation, never from a constant of their own:
    the law's fixed values win over the statutes, the statutes over the law's defaults.

    Attributes:
        regime: the regime (the law).
        statutes: the co-op's statutes.
        as_of: the date the rules are read on.
    """

    regime: Regime
    statutes: Statutes
    as_of: date

    def get(self, key: Key[T]) -> Resolved[T]:
        """The value of ``key`` that applies, where it comes from and its citation."""
        return resolve(key, self.statutes, self.regime, self.as_of)

    def value(self, key: Key[T]) -> T | None:
        """The value of ``key`` that applies (``None``: neither law nor statutes set one)."""
        return self.get(key).value

    def require(self, key: Key[T]) -> Bound[T]:
        """The value of ``key`` that applies, which must exist, with its citation.

        Raises:
            InvalidParameter: neither the law nor the statutes set one on `as_of` (the
                statutes must then choose it: ``statutes.<key>``).
        """
        found = self.get(key)
        if found.value is None or found.citation is None:
            raise InvalidParameter(
                f"statutes.{key.name}",
                None,
                f"regime {self.regime.code} sets no value on {self.as_of.isoformat()}: "
                f"the statutes must choose one ({key.description.en})",
            )
        return Bound(key.name, found.value, found.citation, found.source)

    def citation(self, key: Key[Any]) -> Citation:
        """The citation of ``key``: the statutes' article for their choice, else the law's.

        Raises:
            UnknownParameter: the regime has no such parameter and the statutes do not set it.
        """
        found = self.get(key)
        if found.citation is None:
            raise UnknownParameter(self.regime.code, key.name, self.as_of.isoformat())
        return found.citation

    def rule_set(self, kind: type[T]) -> T | None:
        """The regime's rule set of type ``kind``, its figures read from the law on this date.

        A rule set that reads figures from the law ([`Bindable`][cooprules.regime.Bindable]: its
        figures written as [`FromLaw`][cooprules.regime.FromLaw]) comes back bound: each figure is
        the version in force on `as_of`, with its citation. Others come back as
        [`Regime.rule_set()`][cooprules.regime.Regime.rule_set] gives them.
        """
        found = self.regime.rule_set(kind)
        if isinstance(found, Bindable):
            return cast("T", found.bound(self))
        return found


def bind(regime: Regime, statutes: Statutes | None = None, *, as_of: date) -> Rules:
    """Bind a regime to a co-op's statutes on ``as_of``: the rules every engine reads.

    ``statutes=None`` reads the law alone (the regime's fixed values and defaults). See the
    module's example.
    """
    return Rules(regime, statutes if statutes is not None else Statutes(regime.code), as_of)


def validate(statutes: Statutes, regime: Regime, as_of: date) -> tuple[Violation, ...]:
    """Check a co-op's statutes against its regime on ``as_of``; return violations, never raise.

    Findings (by ``code``):

    * ``statutes.regime_mismatch`` (error): the statutes name another regime;
    * ``statutes.unknown_parameter`` (warning): a value for a key the regime does not know on that
      date (often a misspelling);
    * ``statutes.contradicts_law`` (error): a value other than the one the law fixes;
    * ``statutes.below_minimum`` / ``statutes.above_maximum`` (error): outside the legal bounds;
    * ``statutes.wrong_type`` (error): a value of the wrong kind (a number where a rate is due);
    * ``statutes.missing`` (error): the law requires the co-op to choose and the statutes do not.
    """
    violations: list[Violation] = []
    if statutes.regime != regime.code and statutes.regime not in regime.aliases:
        violations.append(
            Violation(
                code="statutes.regime_mismatch",
                severity=Severity.ERROR,
                subject="statutes.regime",
                message=Text(
                    "The statutes are for regime {regime}, not {regime_code}.",
                    regime=f"{statutes.regime!r}",
                    regime_code=f"{regime.code!r}",
                ),
            )
        )
    in_force = regime.parameters_as_of(as_of)
    for key, value in statutes.values:
        parameter = in_force.get(key)
        if parameter is None:
            violations.append(
                Violation(
                    code="statutes.unknown_parameter",
                    severity=Severity.WARNING,
                    subject=key,
                    message=Text(
                        "Regime {regime_code} has no parameter {key} on {isoformat}.",
                        regime_code=regime.code,
                        key=f"{key!r}",
                        isoformat=as_of.isoformat(),
                    ),
                )
            )
            continue
        violations.extend(_check_choice(parameter, value))
    violations.extend(
        Violation(
            code="statutes.missing",
            severity=Severity.ERROR,
            subject=key,
            message=Text(
                "The statutes must set {key}: {description}.",
                key=f"{key!r}",
                description=parameter.description,
            ),
            citation=parameter.citation,
        )
        for key, parameter in in_force.items()
        if parameter.required and parameter.value is None and key not in statutes
    )
    return tuple(violations)


def _has_type(value: object, kind: type) -> bool:
    return isinstance(value, kind) and not (isinstance(value, bool) and kind is not bool)


def _wrong_type(parameter: Parameter, value: object, expected: str) -> Violation:
    return Violation(
        code="statutes.wrong_type",
        severity=Severity.ERROR,
        subject=parameter.key,
        message=Text(
            "Expected a {expected}, got {given}.",
            expected=expected,
            given=f"{_show(value)!r}",
        ),
        citation=parameter.citation,
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _check_choice(parameter: Parameter, value: object) -> list[Violation]:
    key = parameter.key
    reference = next(
        (v for v in (parameter.value, parameter.minimum, parameter.maximum) if v is not None),
        None,
    )
    declared = _declared_key(key)
    if declared is not None and reference is None and not _has_type(value, declared.type):
        return [_wrong_type(parameter, value, declared.type.__name__)]
    if reference is not None and not (
        _same_kind(value, reference) if _comparable(reference) else type(value) is type(reference)
    ):
        return [_wrong_type(parameter, value, type(reference).__name__)]
    fixed = (
        parameter.kind is RuleKind.LAW
        and parameter.value is not None
        and parameter.minimum is None
        and parameter.maximum is None
    )
    if fixed and value != parameter.value:
        return [
            Violation(
                code="statutes.contradicts_law",
                severity=Severity.ERROR,
                subject=key,
                message=Text(
                    "The law fixes {law}; the statutes say {statutes}.",
                    law=parameter.value,
                    statutes=value,
                ),
                citation=parameter.citation,
            )
        ]
    problem = parameter.check(value)
    if problem is None:
        return []
    below = (
        parameter.minimum is not None
        and _same_kind(value, parameter.minimum)
        and (
            value < parameter.minimum  # type: ignore[operator]
        )
    )
    return [
        Violation(
            code="statutes.below_minimum" if below else "statutes.above_maximum",
            severity=Severity.ERROR,
            subject=key,
            message=Text("{problem}.", problem=problem).capitalized(),
            citation=parameter.citation,
        )
    ]
