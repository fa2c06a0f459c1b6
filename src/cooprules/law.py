"""The law as data: one reviewable TOML file per jurisdiction, loaded and checked at import.

Every legal figure of a jurisdiction — its value, unit, bounds, the instrument and article, URL,
confidence tag and dates — is declared exactly once, in a *law file* that a lawyer can read and
review without reading Python (in the spirit of OpenFisca's parameter files). A plug-in loads its
file with [`load_law()`][cooprules.law.load_law] and builds its [`Regime`][cooprules.regime.Regime]
objects from the [`LawBook`][cooprules.law.LawBook]; the engines then read each figure through
[`cooprules.regime.bind()`][cooprules.regime.bind], never from a constant of their own.

The file has four kinds of tables:

```toml
jurisdiction = "XX"                       # the default jurisdiction of the citations

[instruments]                             # each legal text once, by id
act = "Co-operatives Act of XX"

[citations.act-21]                        # each article once, by id
instrument = "act"                        # an instrument id (or the instrument's full name)
article = "art. 21"
confidence = "SRC"                        # SRC, SRC-2, SRC-old, MEM, UNC
url = "https://example.org/xx/act#art-21"
title = "a share of the surplus to the legal reserve"

[regimes.xx-demo]
citations = ["act-21"]                    # the instruments the regime rests on

[[regimes.xx-demo.parameters]]            # one version of one figure
key = "surplus.legal_reserve_rate"        # a typed key (cooprules.parameters or the plug-in's)
kind = "law"                              # law, default, statute, practice
value = "15%"                             # rates as text ("15%", "1/10"), money as "100.00 EUR"
minimum = "15%"
valid_from = 2020-01-01                   # optional; valid_until is exclusive
citation = "act-21"
```

Everything is checked at load, against the declared keys: a wrong type, an unknown key or
citation, versions that overlap, a figure recalled, unverified (`MEM`) or uncertain (`UNC`)
carrying a value — each is a [`LawFileError`][cooprules.law.LawFileError] naming the file, the
path inside it and the value.

```pycon
>>> book = loads_law('''
... jurisdiction = "XX"
... [instruments]
... act = "Co-operatives Act of XX"
... [citations.act-21]
... instrument = "act"
... article = "art. 21"
... [[regimes.xx-demo.parameters]]
... key = "surplus.legal_reserve_rate"
... kind = "law"
... value = "15%"
... citation = "act-21"
... ''', name="xx.toml")
>>> (reserve,) = book.parameters("xx-demo")
>>> str(reserve.value), reserve.citation.short()
('15%', 'Co-operatives Act of XX, art. 21')
>>> try:
...     loads_law('''
... [citations.act-21]
... instrument = "Co-operatives Act of XX"
... article = "art. 21"
... [[regimes.xx-demo.parameters]]
... key = "surplus.legal_reserve_rate"
... kind = "law"
... value = 15
... citation = "act-21"
... ''', name="xx.toml")
... except LawFileError as error:
...     print(error.file, error.path, error.value)
...     print(error.reason)
xx.toml regimes.xx-demo.parameters[0].value 15
expected a rate as text such as "15%" or "1/10" for surplus.legal_reserve_rate

```
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TypeVar

import attrs
from moneyed import Money

from cooprules.errors import CoopRulesError, InputFileError
from cooprules.explain import Citation, Confidence, RuleKind, Text
from cooprules.money import Rate, money
from cooprules.periods import overlapping
from cooprules.regime import Bound, Key, Parameter

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["LawBook", "LawFileError", "RegimeLaw", "load_law", "loads_law"]

T = TypeVar("T")


class LawFileError(InputFileError):
    """A law file cannot be read: it names the file, the path inside it and the value.

    See [`InputFileError`][cooprules.errors.InputFileError] for the attributes.
    """


_KINDS: Final = {
    "law": RuleKind.LAW,
    "default": RuleKind.DEFAULT,
    "statute": RuleKind.STATUTE,
    "practice": RuleKind.PRACTICE,
}
_CONFIDENCE: Final = {c.value: c for c in Confidence}
_TOP: Final = frozenset({"jurisdiction", "instruments", "citations", "regimes", "series"})
_CITATION_FIELDS: Final = frozenset(
    {"instrument", "article", "confidence", "url", "title", "jurisdiction"}
)
_REGIME_FIELDS: Final = frozenset({"citations", "parameters"})
_PARAMETER_FIELDS: Final = frozenset(
    {
        "key",
        "kind",
        "value",
        "minimum",
        "maximum",
        "valid_from",
        "valid_until",
        "required",
        "citation",
        "description",
    }
)


@attrs.frozen
class RegimeLaw:
    """What a law file declares for one regime.

    Attributes:
        citations: the instruments the regime rests on.
        parameters: its own parameter versions, in file order.
    """

    citations: tuple[Citation, ...]
    parameters: tuple[Parameter, ...]


@attrs.frozen
class LawBook:
    """A jurisdiction's law file, loaded and checked.

    Attributes:
        source: the file's name.
        jurisdiction: the default jurisdiction of its citations.
        instruments: each legal text's full name, by id.
        citations: each citation, by id.
        regimes: what the file declares for each regime, by code.
        series: published series of figures (a rate per period, with its sources), by name, as
            the plain tables of the file; a plug-in's formula reads them.
    """

    source: str
    jurisdiction: str
    instruments: Mapping[str, str]
    citations: Mapping[str, Citation]
    regimes: Mapping[str, RegimeLaw]
    series: Mapping[str, Mapping[str, Any]] = attrs.field(factory=dict)

    def parameters(self, code: str) -> tuple[Parameter, ...]:
        """The parameter versions the file declares for ``code`` (none: an empty tuple)."""
        found = self.regimes.get(code)
        return found.parameters if found is not None else ()

    def latest(self, code: str, key: Key[T]) -> Bound[T]:
        """The version of ``key`` declared for ``code`` that is still in force, with its citation.

        It is a rule set's figure when the rule set is not bound to a date.

        Raises:
            LawFileError: the file declares no such version, or one without a value.
        """
        for parameter in self.parameters(code):
            if parameter.key == key.name and parameter.valid_until is None:
                if parameter.value is None:
                    break
                value = key.check(parameter.value, field=f"regimes.{code}.{key.name}")
                return Bound(key.name, value, parameter.citation, "regime")
        raise LawFileError(
            self.source, f"regimes.{code}.parameters", key.name, "no version in force with a value"
        )

    def regime_citations(self, code: str) -> tuple[Citation, ...]:
        """The instruments the file says regime ``code`` rests on."""
        found = self.regimes.get(code)
        return found.citations if found is not None else ()

    def citation(self, ident: str) -> Citation:
        """The citation declared under ``ident``.

        Raises:
            LawFileError: no citation has that id.
        """
        try:
            return self.citations[ident]
        except KeyError:
            raise LawFileError(
                self.source, f"citations.{ident}", ident, "no such citation"
            ) from None


def load_law(path: str | Path | Traversable, *, keys: Iterable[Key[Any]] = ()) -> LawBook:
    """Load a law file (a path, or a package resource from `importlib.resources.files()`).

    Args:
        path: the file.
        keys: the plug-in's own typed keys, beside those
            [`cooprules.parameters`][cooprules.parameters] declares.

    Raises:
        LawFileError: the file cannot be read or breaks a rule, naming the file, path and value.
    """
    source = Path(path) if isinstance(path, str) else path
    name = source.name
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise LawFileError(name, "", str(path), f"cannot be read: {error.strerror}") from error
    return loads_law(text, name=name, keys=keys)


def loads_law(text: str, *, name: str = "<law>", keys: Iterable[Key[Any]] = ()) -> LawBook:
    """Load a law file from its text (see `load_law()`)."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LawFileError(name, "", None, f"not valid TOML: {error}") from error
    return _Reader(name, _key_table(keys)).book(raw)


def _key_table(extra: Iterable[Key[Any]]) -> dict[str, Key[Any]]:
    from cooprules.parameters import all_keys  # noqa: PLC0415 - parameters imports regime

    table = all_keys()
    for key in extra:
        table[key.name] = key
    return table


@attrs.frozen
class _Reader:
    name: str
    keys: Mapping[str, Key[Any]]

    def fail(self, path: str, value: object, reason: str) -> LawFileError:
        return LawFileError(self.name, path, value, reason)

    def table(self, value: object, path: str, allowed: frozenset[str] | None) -> dict[str, Any]:
        """``value`` as a table whose fields are among ``allowed`` (``None``: ids, any name)."""
        if not isinstance(value, dict):
            raise self.fail(path, value, "expected a table")
        unknown = sorted(set(value) - allowed) if allowed is not None else []
        if unknown:
            raise self.fail(
                f"{path}.{unknown[0]}" if path else unknown[0],
                value[unknown[0]],
                f"unknown field (expected one of: {', '.join(sorted(allowed or ()))})",
            )
        return value

    def text(self, value: object, path: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(path, value, "expected non-empty text")
        return value

    def book(self, raw: dict[str, Any]) -> LawBook:
        self.table(raw, "", _TOP)
        jurisdiction = self.text(raw.get("jurisdiction", "?"), "jurisdiction")
        instruments = {
            ident: self.text(value, f"instruments.{ident}")
            for ident, value in self.table(raw.get("instruments", {}), "instruments", None).items()
        }
        citations = {
            ident: self.citation(value, f"citations.{ident}", instruments, jurisdiction)
            for ident, value in self.table(raw.get("citations", {}), "citations", None).items()
        }
        regimes = {
            code: self.regime(value, f"regimes.{code}", citations)
            for code, value in self.table(raw.get("regimes", {}), "regimes", None).items()
        }
        series = self.table(raw.get("series", {}), "series", None)
        return LawBook(self.name, jurisdiction, instruments, citations, regimes, series)

    def citation(
        self, value: object, path: str, instruments: Mapping[str, str], jurisdiction: str
    ) -> Citation:
        fields = self.table(value, path, _CITATION_FIELDS)
        instrument = self.text(fields.get("instrument"), f"{path}.instrument")
        confidence = fields.get("confidence", "SRC")
        if confidence not in _CONFIDENCE:
            raise self.fail(
                f"{path}.confidence", confidence, f"one of {', '.join(sorted(_CONFIDENCE))}"
            )
        optional = {}
        for field in ("url", "title"):
            if field in fields:
                optional[field] = self.text(fields[field], f"{path}.{field}")
        return Citation(
            instruments.get(instrument, instrument),
            self.text(fields.get("article"), f"{path}.article"),
            self.text(fields.get("jurisdiction", jurisdiction), f"{path}.jurisdiction"),
            _CONFIDENCE[confidence],
            **optional,
        )

    def regime(self, value: object, path: str, citations: Mapping[str, Citation]) -> RegimeLaw:
        fields = self.table(value, path, _REGIME_FIELDS)
        idents = fields.get("citations", [])
        if not isinstance(idents, list):
            raise self.fail(f"{path}.citations", idents, "expected a list of citation ids")
        own = tuple(
            self.cited(ident, f"{path}.citations[{i}]", citations) for i, ident in enumerate(idents)
        )
        versions = fields.get("parameters", [])
        if not isinstance(versions, list):
            raise self.fail(f"{path}.parameters", versions, "expected an array of tables")
        parameters = tuple(
            self.parameter(item, f"{path}.parameters[{i}]", citations)
            for i, item in enumerate(versions)
        )
        self.check_versions(parameters, f"{path}.parameters")
        return RegimeLaw(own, parameters)

    def cited(self, ident: object, path: str, citations: Mapping[str, Citation]) -> Citation:
        if not isinstance(ident, str) or ident not in citations:
            raise self.fail(path, ident, "not a citation id declared under [citations]")
        return citations[ident]

    def parameter(self, value: object, path: str, citations: Mapping[str, Citation]) -> Parameter:
        fields = self.table(value, path, _PARAMETER_FIELDS)
        name = fields.get("key")
        key = self.keys.get(name) if isinstance(name, str) else None
        if key is None:
            raise self.fail(
                f"{path}.key",
                name,
                "not a declared key (cooprules.parameters, or the plug-in's own keys)",
            )
        kind = fields.get("kind")
        if kind not in _KINDS:
            raise self.fail(f"{path}.kind", kind, f"one of {', '.join(_KINDS)}")
        citation = self.cited(fields.get("citation"), f"{path}.citation", citations)
        figures = {
            field: self.figure(key, fields[field], f"{path}.{field}", citation)
            for field in ("value", "minimum", "maximum")
            if field in fields
        }
        required = fields.get("required", False)
        if not isinstance(required, bool):
            raise self.fail(f"{path}.required", required, "expected true or false")
        valid_from = self.day(fields.get("valid_from"), f"{path}.valid_from") or date.min
        valid_until = self.day(fields.get("valid_until"), f"{path}.valid_until")
        try:
            return Parameter(
                key=key.name,
                kind=_KINDS[kind],
                citation=citation,
                description=self.description(fields.get("description"), key, path),
                value=figures.get("value"),
                minimum=figures.get("minimum"),
                maximum=figures.get("maximum"),
                valid_from=valid_from,
                valid_until=valid_until,
                required=required,
            )
        except CoopRulesError as error:
            raise self.fail(path, getattr(error, "value", None), str(error)) from error

    def figure(self, key: Key[Any], value: object, path: str, citation: Citation) -> object:
        if not citation.confidence.verified:
            raise self.fail(
                path,
                value,
                f"the citation is tagged [{citation.confidence.value}]: not verified law, so it "
                "carries no figure (leave the value to the statutes)",
            )
        parsed = _parse(key, value)
        if parsed is None:
            raise self.fail(path, value, f"expected {_EXPECTED[key.type]} for {key.name}")
        return parsed

    def description(self, value: object, key: Key[Any], path: str) -> Text:
        if value is None:
            return key.description
        fields = self.table(value, f"{path}.description", frozenset({"en", "fr", "nl", "de"}))
        return Text(
            en=self.text(fields.get("en"), f"{path}.description.en"),
            fr=self.text(fields.get("fr"), f"{path}.description.fr"),
            nl=None
            if fields.get("nl") is None
            else self.text(fields["nl"], f"{path}.description.nl"),
            de=None
            if fields.get("de") is None
            else self.text(fields["de"], f"{path}.description.de"),
        )

    def day(self, value: object, path: str) -> date | None:
        if value is None:
            return None
        if not isinstance(value, date) or hasattr(value, "hour"):
            raise self.fail(path, value, "expected a date such as 2019-05-01")
        return value

    def check_versions(self, parameters: tuple[Parameter, ...], path: str) -> None:
        by_key: dict[str, list[Parameter]] = {}
        for parameter in parameters:
            by_key.setdefault(parameter.key, []).append(parameter)
        for key, versions in by_key.items():
            if (pair := overlapping(versions)) is not None:
                raise self.fail(
                    path,
                    key,
                    "two versions of this parameter are in force on "
                    f"{pair[1].valid_from.isoformat()}: close the earlier one with valid_until",
                )


def _parse(key: Key[Any], value: object) -> object:  # noqa: PLR0911 - one return per type
    """The value of ``key``'s type written as ``value`` in the file, or ``None`` if it is not."""
    kind = key.type
    if kind is bool:
        return value if isinstance(value, bool) else None
    if kind is int:
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if kind is str:
        return value if isinstance(value, str) else None
    if not isinstance(value, str):
        return None
    try:
        if kind is Rate:
            return Rate.of(value.replace(" ", ""), maximum=None, minimum=None)
        if kind is Money:
            amount, _, currency = value.strip().rpartition(" ")
            return money(amount, currency) if amount else None
        if kind is Decimal:
            return Decimal(value)
    except (CoopRulesError, ArithmeticError):
        return None
    return None


_EXPECTED: Final[Mapping[type, str]] = {
    bool: "true or false",
    int: "a whole number",
    str: "text",
    Rate: 'a rate as text such as "15%" or "1/10"',
    Money: 'an amount with its currency such as "100.00 EUR"',
    Decimal: 'a decimal number as text such as "2.5"',
}
