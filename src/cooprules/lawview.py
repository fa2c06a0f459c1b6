"""The legal expert's view of a regime: every parameter with its value, bounds and source.

[`describe()`][cooprules.lawview.describe] gathers what a regime says on a date (each parameter in
force, across the regimes it extends); [`describe_history()`][cooprules.lawview.describe_history]
gathers every version of a regime's own parameters, with their dates, for a document that must not
depend on the day it is written. Both return a frozen [`RegimeView`][cooprules.lawview.RegimeView];
the renderers turn it into text: [`view_json()`][cooprules.lawview.view_json] for programs,
[`view_markdown()`][cooprules.lawview.view_markdown] and
[`parameters_table()`][cooprules.lawview.parameters_table] for people (``cooprules regime CODE`` and
the tables of ``docs/regimes.md``), [`row_cells()`][cooprules.lawview.row_cells] for any other
table.

A figure whose citation is recalled, unverified (`MEM`) or uncertain (`UNC`) has no value (the
[`Parameter`][cooprules.regime.Parameter] class refuses one): it is shown as *not verified law*,
never as a value.

```pycon
>>> from datetime import date
>>> from cooprules.plugins import get_regime
>>> view = describe(get_regime("fr-scic"), date(2023, 6, 30))
>>> view.extends
('fr-coop',)
>>> cap = view.row("capital.dividend_cap")
>>> cap.regime, show_value(cap.value), cap.citation.article, cap.valid_from
('fr-coop', '2.7475 %', 'art. 14 (loi n° 2016-1691; décret n° 2017-446)', datetime.date(2023, 1, 1))
>>> later = describe(get_regime("fr-scic"), date(2025, 6, 30)).row("capital.dividend_cap")
>>> later.verified, show_value(later.value, unverified=not later.verified)
(False, 'not verified law')

```
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Final

import attrs
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Lang, RuleKind, Text
from cooprules.explain import render_value as _render_value
from cooprules.i18n import label
from cooprules.money import Rate, decimal_text, format_amount
from cooprules.regime import Parameter, Regime

__all__ = [
    "ParameterRow",
    "RegimeView",
    "describe",
    "describe_history",
    "parameters_table",
    "regimes_table",
    "row_cells",
    "row_headings",
    "show_value",
    "view_header",
    "view_json",
    "view_markdown",
]


@attrs.frozen
class ParameterRow:
    """One version of one parameter, as a legal expert reads it.

    Attributes:
        key: the dotted key (``"capital.dividend_cap"``).
        regime: the code of the regime in the lineage that sets this version (an extended
            regime's code for an inherited parameter).
        kind: where the value comes from (law, default, statute, practice).
        value: the legal value or default; ``None`` when the law sets none or the figure is not
            verified.
        minimum: the smallest value the statutes may choose, if the law bounds it.
        maximum: the largest value the statutes may choose, if the law bounds it.
        citation: the article that sets the rule, with its confidence tag and URL.
        description: what the parameter means, in English and French.
        valid_from: the first day the version applies (``None``: no start date is known).
        valid_until: the first day it no longer applies (``None``: still in force).
        required: the statutes must state a value.
    """

    key: str
    regime: str
    kind: RuleKind
    value: object
    minimum: object
    maximum: object
    citation: Citation
    description: Text
    valid_from: date | None
    valid_until: date | None
    required: bool = False

    @property
    def verified(self) -> bool:
        """False when the citation is recalled, unverified or uncertain: the figure is not law."""
        return self.citation.confidence.verified

    @classmethod
    def of(cls, parameter: Parameter, regime: str) -> ParameterRow:
        """The row of ``parameter`` as set by the regime whose code is ``regime``."""
        return cls(
            key=parameter.key,
            regime=regime,
            kind=parameter.kind,
            value=parameter.value,
            minimum=parameter.minimum,
            maximum=parameter.maximum,
            citation=parameter.citation,
            description=parameter.description,
            valid_from=None if parameter.valid_from == date.min else parameter.valid_from,
            valid_until=parameter.valid_until,
            required=parameter.required,
        )


def _rows(values: Iterable[ParameterRow]) -> tuple[ParameterRow, ...]:
    return tuple(values)


@attrs.frozen
class RegimeView:
    """A regime's identity and parameters, ready to render.

    Attributes:
        code: the regime's code.
        name: its name in the native language.
        name_en: an English gloss.
        jurisdiction: ``"BE"``, ``"FR"``, ``"CA-QC"``.
        currency: the currency of its amounts.
        extends: the codes of the regimes it extends, nearest first.
        aliases: other codes that find it.
        description: what it covers, in English and French, if the plug-in says.
        as_of: the date of the parameters in force, or ``None`` for a history (every version).
        parameters: the rows, by key then start date.
    """

    code: str
    name: str
    name_en: str
    jurisdiction: str
    currency: str
    extends: tuple[str, ...]
    aliases: tuple[str, ...]
    description: Text | None
    as_of: date | None
    parameters: tuple[ParameterRow, ...] = attrs.field(converter=_rows)

    def row(self, key: str) -> ParameterRow:
        """The (first) row of ``key``.

        Raises:
            InvalidInput: no row has that key.
        """
        for found in self.parameters:
            if found.key == key:
                return found
        raise InvalidInput("key", key, f"no parameter of regime {self.code} has this key")


def _view(regime: Regime, as_of: date | None, rows: Iterable[ParameterRow]) -> RegimeView:
    ordered = sorted(rows, key=lambda r: (r.key, r.valid_from or date.min))
    return RegimeView(
        code=regime.code,
        name=regime.name,
        name_en=regime.name_en,
        jurisdiction=regime.jurisdiction,
        currency=regime.currency,
        extends=tuple(r.code for r in regime.lineage[1:]),
        aliases=regime.aliases,
        description=regime.description,
        as_of=as_of,
        parameters=ordered,
    )


def describe(regime: Regime, as_of: date) -> RegimeView:
    """Every parameter of ``regime`` in force on ``as_of``, inherited ones included.

    Each row says which regime of the lineage sets it (``Regime.parameters_as_of`` picks the
    nearest regime's version, as the engines do).
    """
    owner = {id(p): r.code for r in regime.lineage for p in r.parameters}
    return _view(
        regime,
        as_of,
        (ParameterRow.of(p, owner[id(p)]) for p in regime.parameters_as_of(as_of).values()),
    )


def describe_history(regime: Regime) -> RegimeView:
    """Every version of the regime's own parameters, each with its dates (no date is assumed).

    Inherited parameters stay with the regime that sets them (``regime.extends``), so a document
    lists each version once.
    """
    return _view(regime, None, (ParameterRow.of(p, regime.code) for p in regime.parameters))


# --- showing values ------------------------------------------------------------------------------

_WORDS: Final[Mapping[str, Text]] = {
    "exactly": Text("exactly", context="parameter"),
    "unverified": Text("not verified law", context="parameter"),
    # the column headings of row_cells
    "key": Text("key", context="parameter"),
    "value": Text("value", context="parameter"),
    "bounds": Text("bounds", context="parameter"),
    "kind": Text("kind", context="parameter"),
    "citation": Text("citation", context="parameter"),
    "confidence": Text("confidence", context="parameter"),
    "valid_from": Text("valid from", context="parameter"),
    "valid_until": Text("valid until", context="parameter"),
    "regime": Text("set by", context="parameter"),
}

_KINDS: Final[Mapping[RuleKind, Text]] = {
    RuleKind.LAW: Text("LAW", context="rule kind"),
    RuleKind.DEFAULT: Text("DEFAULT", context="rule kind"),
    RuleKind.STATUTE: Text("STATUTE", context="rule kind"),
    RuleKind.PRACTICE: Text("PRACTICE", context="rule kind"),
}


def _word(name: str, lang: Lang) -> str:
    return _WORDS[name].in_(lang)


def _rate(rate: Rate, lang: Lang) -> str:
    exact = decimal_text(rate.value * 100)
    if exact is not None:
        return f"{exact} %"
    percent = Decimal(rate.value.numerator * 100) / Decimal(rate.value.denominator)
    approx = percent.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)
    return f"≈ {approx} % ({_word('exactly', lang)} {rate.value})"


def show_value(
    value: object, lang: Lang = "en", *, markdown: bool = False, unverified: bool = False
) -> str:
    """A parameter's value (or bound) as the tables show it, exact and locale-free.

    Rates in percent (``"15 %"``; a fraction with no finite decimal form as ``"≈ 3.2267 %
    (exactly 121/3750)"``), amounts with their currency, flags as yes/no, ``"—"`` for none, and
    ``"not verified law"`` when ``unverified`` (a figure recalled, unverified or uncertain).
    ``markdown`` puts text values in backticks.

    ```pycon
    >>> show_value(Rate.of("121/3750")), show_value(True, "fr"), show_value(None)
    ('≈ 3.2267 % (exactly 121/3750)', 'oui', '—')

    ```
    """
    if unverified:
        text = _word("unverified", lang)
    elif value is None:
        text = "—"
    elif isinstance(value, bool):
        text = label("term", "yes" if value else "no", lang)
    elif isinstance(value, Rate):
        text = _rate(value, lang)
    elif isinstance(value, Money):
        text = format_amount(value)
    elif isinstance(value, str):
        text = f"`{value}`" if markdown else value
    else:
        text = _render_value(value, lang)
    return text


def _bounds(row: ParameterRow, lang: Lang, *, markdown: bool) -> str:
    low, high = row.minimum, row.maximum
    if low is None and high is None:
        return "—"
    if high is None:
        return f"≥ {show_value(low, lang, markdown=markdown)}"
    if low is None:
        return f"≤ {show_value(high, lang, markdown=markdown)}"
    low_text, high_text = (show_value(v, lang, markdown=markdown) for v in (low, high))
    return Text("{low} to {high}", low=low_text, high=high_text).in_(lang)


def _day(day: date | None) -> str:
    return "—" if day is None else day.isoformat()


def row_headings(lang: Lang = "en", *, with_regime: bool = False) -> tuple[str, ...]:
    """The column headings of `row_cells()`, in ``lang``."""
    names = ["key", "value", "bounds", "kind", "citation", "confidence", "valid_from"]
    names.append("valid_until")
    if with_regime:
        names.append("regime")
    return tuple(_word(name, lang) for name in names)


def row_cells(
    row: ParameterRow, lang: Lang = "en", *, markdown: bool = False, with_regime: bool = False
) -> tuple[str, ...]:
    """One row's cells: key, value, bounds, kind, citation, confidence, dates (and regime).

    With ``markdown``, the key is code, the citation links to its URL and ``|`` is escaped;
    otherwise the URL follows the citation after a space.
    """
    citation = row.citation
    source = citation.named(lang)
    if markdown:
        source = f"[{source}]({citation.url})" if citation.url else source
    elif citation.url:
        source = f"{source} {citation.url}"
    cells = [
        f"`{row.key}`" if markdown else row.key,
        show_value(row.value, lang, markdown=markdown, unverified=not row.verified),
        _bounds(row, lang, markdown=markdown),
        _KINDS[row.kind].in_(lang),
        source,
        citation.confidence.value,
        _day(row.valid_from),
        _day(row.valid_until),
    ]
    if with_regime:
        cells.append(f"`{row.regime}`" if markdown else row.regime)
    return tuple(_cell(c) for c in cells) if markdown else tuple(cells)


def _cell(text: str) -> str:
    """A markdown table cell: one line, ``|`` escaped."""
    return " ".join(text.split()).replace("|", r"\|")


def _markdown_table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    header = tuple(head)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines)


def parameters_table(view: RegimeView, lang: Lang = "en") -> str:
    """The view's rows as a markdown table (a column "set by" when the view is as of a date)."""
    with_regime = view.as_of is not None
    return _markdown_table(
        row_headings(lang, with_regime=with_regime),
        (row_cells(r, lang, markdown=True, with_regime=with_regime) for r in view.parameters),
    )


def regimes_table(regimes: Iterable[Regime], lang: Lang = "en") -> str:
    """A markdown table of regimes: code, native name, jurisdiction, what it extends, aliases."""
    head = (
        "code",
        Text("name", context="regime").in_(lang),
        Text("jurisdiction", context="regime").in_(lang),
        Text("extends", context="regime").in_(lang),
        Text("aliases", context="regime").in_(lang),
    )
    rows = (
        (
            f"`{r.code}`",
            _cell(r.name),
            r.jurisdiction,
            f"`{r.extends.code}`" if r.extends is not None else "—",
            ", ".join(f"`{a}`" for a in r.aliases) or "—",
        )
        for r in regimes
    )
    return _markdown_table(head, rows)


def _title(view: RegimeView, lang: Lang) -> str:
    gloss = view.name_en if lang == "en" and view.name_en != view.name else None
    return " — ".join(part for part in (view.code, view.name, gloss) if part)


def _facts(view: RegimeView, lang: Lang) -> list[str]:
    chain = " → ".join(view.extends) or "—"
    lines = [
        Text(
            "Jurisdiction: {jurisdiction}; currency: {currency}",
            jurisdiction=view.jurisdiction,
            currency=view.currency,
        ).in_(lang),
        Text("Extends: {chain}", chain=chain).in_(lang),
    ]
    if view.aliases:
        lines.append(Text("Aliases: {aliases}", aliases=", ".join(view.aliases)).in_(lang))
    if view.as_of is not None:
        lines.append(Text("Parameters in force on {day}", day=view.as_of.isoformat()).in_(lang))
    return lines


def view_header(view: RegimeView, lang: Lang = "en") -> tuple[str, ...]:
    """The lines above the table: title, jurisdiction, extends-chain, aliases, date, description."""
    lines = [_title(view, lang), *_facts(view, lang)]
    if view.description is not None:
        lines.append(view.description.in_(lang))
    return tuple(lines)


def view_markdown(view: RegimeView, lang: Lang = "en") -> str:
    """The view as a markdown page: a heading, the regime's facts, its description, the table."""
    out = [f"# {_title(view, lang)}", ""]
    out.extend(f"- {line}" for line in _facts(view, lang))
    out.append("")
    if view.description is not None:
        out.extend([view.description.in_(lang), ""])
    out.extend([parameters_table(view, lang), ""])
    return "\n".join(out)


def _json_value(value: object) -> Any:  # noqa: ANN401 - a JSON value
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Money):
        return format_amount(value)
    if isinstance(value, Rate):
        return str(value.value)
    if isinstance(value, Fraction | Decimal):
        return _render_value(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def view_json(view: RegimeView, lang: Lang = "en") -> str:
    """The view as JSON: sorted keys, rates as exact fractions of one (``"1099/40000"``)."""
    data = {
        "code": view.code,
        "name": view.name,
        "name_en": view.name_en,
        "jurisdiction": view.jurisdiction,
        "currency": view.currency,
        "extends": list(view.extends),
        "aliases": list(view.aliases),
        "description": view.description.in_(lang) if view.description else None,
        "as_of": view.as_of.isoformat() if view.as_of else None,
        "parameters": [
            {
                "key": row.key,
                "regime": row.regime,
                "kind": row.kind.name,
                "verified": row.verified,
                "value": _json_value(row.value),
                "shown": show_value(row.value, lang, unverified=not row.verified),
                "minimum": _json_value(row.minimum),
                "maximum": _json_value(row.maximum),
                "required": row.required,
                "description": row.description.in_(lang),
                "citation": {
                    "instrument": row.citation.instrument,
                    "article": row.citation.article,
                    "jurisdiction": row.citation.jurisdiction,
                    "confidence": row.citation.confidence.value,
                    "url": row.citation.url,
                    "title": row.citation.title,
                },
                "valid_from": row.valid_from.isoformat() if row.valid_from else None,
                "valid_until": row.valid_until.isoformat() if row.valid_until else None,
            }
            for row in view.parameters
        ],
    }
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
