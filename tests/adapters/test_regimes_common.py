"""Checks every installed regime must pass, whatever its jurisdiction.

The regimes are found as a user finds them, through the ``cooprules`` entry points
(:func:`cooprules.load_regimes`); the base regimes they extend are checked through their lineage.
The parameter tables of ``docs/regimes.md`` are checked by ``tests/core/lawview/test_lawview.py``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules import Regime, Statutes, load_regimes, validate
from cooprules.explain import Confidence, Severity
from cooprules.money import Rate, currency_of
from cooprules.parameters import all_keys
from cooprules.regime import Key, Parameter
from cooprules_adapters.be.sources import Keys as BeKeys
from cooprules_adapters.fr.sources import Keys as FrKeys
from cooprules_adapters.qc.sources import Keys as QcKeys

CODES = {
    "be-cnc",
    "be-sces",
    "be-activity",
    "be-employment",
    "fr-scop",
    "fr-scic",
    "fr-cae-scop",
    "fr-cae-scic",
    "qc-work",
    "qc-solidarity",
    "qc-producer",
}
JURISDICTIONS = {"be": "BE", "fr": "FR", "qc": "CA-QC"}
CURRENCIES = {"BE": "EUR", "FR": "EUR", "CA-QC": "CAD"}
CATALOGUE = load_regimes()
OURS = tuple(r for r in CATALOGUE if CATALOGUE.providers[r.code] in JURISDICTIONS)


def _with_bases(regimes: tuple[Regime, ...]) -> tuple[Regime, ...]:
    found: dict[str, Regime] = {}
    for regime in regimes:
        for member in regime.lineage:
            found.setdefault(member.code, member)
    return tuple(found[code] for code in sorted(found))


ALL = _with_bases(tuple(CATALOGUE))
OWN_PARAMETERS = tuple((r, p) for r in ALL for p in r.parameters)


def _dates(regime: Regime) -> tuple[date, ...]:
    """Every date where a parameter of the lineage starts or ends, and a few fixed ones."""
    found = {date(2010, 6, 1), date(2020, 6, 1), date(2026, 6, 1)}
    for member in regime.lineage:
        for parameter in member.parameters:
            if parameter.valid_from != date.min:
                found.add(parameter.valid_from)
            if parameter.valid_until is not None:
                found.add(parameter.valid_until)
    return tuple(sorted(found))


def test_our_plugins_register_exactly_the_ten_codes():
    assert {regime.code for regime in OURS} == CODES


@pytest.mark.parametrize("regime", ALL, ids=lambda r: r.code)
def test_identity(regime: Regime):
    prefix = regime.code.split("-", 1)[0]
    assert re.fullmatch(r"[a-z]{2}(-[a-z0-9]+)+", regime.code)
    assert regime.jurisdiction == JURISDICTIONS[prefix]
    assert regime.currency == CURRENCIES[regime.jurisdiction]
    assert currency_of(regime.currency).code == regime.currency
    assert regime.name.strip()
    assert regime.name_en.strip()
    assert regime.name != regime.name_en
    assert regime.languages
    assert regime.languages[0] == "fr"
    assert regime.description is not None
    assert regime.description.en != regime.description.fr
    for alias in regime.aliases:
        assert alias == alias.lower()
        assert alias.startswith(prefix + "-")
        assert alias not in CODES


@pytest.mark.parametrize("regime", ALL, ids=lambda r: r.code)
def test_citations(regime: Regime):
    assert regime.citations
    assert any(c.url for c in regime.citations)
    for citation in regime.all_citations():
        assert citation.jurisdiction == regime.jurisdiction
        if citation.url is not None:
            assert citation.url.startswith(("http://", "https://"))


@pytest.mark.parametrize("regime", ALL, ids=lambda r: r.code)
def test_extends_stays_in_jurisdiction(regime: Regime):
    for member in regime.lineage:
        assert member.jurisdiction == regime.jurisdiction
        assert member.currency == regime.currency


PLUGIN_KEYS = {
    key.name: key
    for group in (BeKeys, FrKeys, QcKeys)
    for key in vars(group).values()
    if isinstance(key, Key)
}
"""The plug-ins' own keys, each under its jurisdiction's prefix."""


@pytest.mark.parametrize(
    ("regime", "parameter"), OWN_PARAMETERS, ids=lambda x: getattr(x, "code", None) or x.key
)
def test_parameter_is_declared_and_typed(regime: Regime, parameter: Parameter):
    keys = {**all_keys(), **PLUGIN_KEYS}
    assert parameter.key in keys, f"{regime.code}: {parameter.key} is not in cooprules.parameters"
    key = keys[parameter.key]
    for given_value in (parameter.value, parameter.minimum, parameter.maximum):
        if given_value is not None:
            key.check(given_value)
    assert parameter.citation.jurisdiction == regime.jurisdiction
    assert parameter.description.en.strip()
    assert parameter.description.fr.strip()
    if parameter.value is not None:
        assert parameter.check(parameter.value) is None


@pytest.mark.parametrize(
    ("regime", "parameter"), OWN_PARAMETERS, ids=lambda x: getattr(x, "code", None) or x.key
)
def test_unverified_figures_carry_no_value(regime: Regime, parameter: Parameter):
    if parameter.citation.confidence in {Confidence.MEM, Confidence.UNC}:
        assert parameter.value is None, regime.code
        assert parameter.minimum is None
        assert parameter.maximum is None


@pytest.mark.parametrize("regime", ALL, ids=lambda r: r.code)
def test_histories_do_not_overlap(regime: Regime):
    by_key: dict[str, list[Parameter]] = defaultdict(list)
    for parameter in regime.parameters:
        by_key[parameter.key].append(parameter)
    for versions in by_key.values():
        ordered = sorted(versions, key=lambda p: p.valid_from)
        for earlier, later in pairwise(ordered):
            assert earlier.valid_until is not None
            assert earlier.valid_until <= later.valid_from


@pytest.mark.parametrize("regime", OURS, ids=lambda r: r.code)
def test_regime_validates_its_own_defaults(regime: Regime):
    for as_of in _dates(regime):
        in_force = regime.parameters_as_of(as_of)
        values = {k: p.value for k, p in in_force.items() if p.value is not None}
        statutes = Statutes(regime=regime.code, values=values)
        errors = [v for v in validate(statutes, regime, as_of) if v.severity is Severity.ERROR]
        assert errors == [], (regime.code, as_of)


@pytest.mark.parametrize("regime", OURS, ids=lambda r: r.code)
def test_aliases_find_the_regime(regime: Regime):
    assert CATALOGUE.get(regime.code.upper()) is regime
    for alias in regime.aliases:
        assert CATALOGUE.get(alias) is regime


BOUNDED_RATES = tuple(
    (regime, parameter)
    for regime, parameter in OWN_PARAMETERS
    if isinstance(parameter.maximum, Rate) or isinstance(parameter.minimum, Rate)
)


@given(data=st.data())
def test_rate_bounds_are_enforced_with_their_citation(data: st.DataObject):
    regime, parameter = data.draw(st.sampled_from(BOUNDED_RATES))
    as_of = parameter.valid_from if parameter.valid_from != date.min else date(2000, 1, 1)
    in_force = regime.find(parameter.key, as_of)
    assert in_force is not None
    rate = Rate(data.draw(st.fractions(min_value=0, max_value=1)))
    codes = [v.code for v in validate(Statutes(regime.code, {parameter.key: rate}), regime, as_of)]
    too_low = isinstance(in_force.minimum, Rate) and rate < in_force.minimum
    too_high = isinstance(in_force.maximum, Rate) and rate > in_force.maximum
    if too_low:
        assert codes == ["statutes.below_minimum"]
    elif too_high:
        assert codes == ["statutes.above_maximum"]
    else:
        assert codes == []
    for violation in validate(Statutes(regime.code, {parameter.key: rate}), regime, as_of):
        assert violation.citation == in_force.citation
