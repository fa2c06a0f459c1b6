"""The move of every legal figure into the law files changed none of them.

``tests/fixtures/law_before_move.json`` was written from the regimes as they stood before the
figures moved out of Python (commit d3b7533): every version of every parameter of every regime,
base regimes included, with its value, bounds, kind, dates, description and citation. After the
move each regime must hold exactly those versions, and on a grid of dates (every half-year from
2000 to 2030, and every date a version starts or ends) every parameter in force must be the same.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from moneyed import Money

from cooprules.explain import Text
from cooprules.money import Rate
from cooprules.parameters import all_keys
from cooprules.plugins import load_regimes
from cooprules.regime import Parameter, Regime
from cooprules_adapters.qc.sources import Keys as QcKeys

_QC_KEYS = {key.name: key for key in (QcKeys.reserve_min_rate,)}

BEFORE: dict[str, Any] = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "law_before_move.json").read_text(encoding="utf-8")
)


def _text(text: Text) -> dict[str, str]:
    return {"en": text.en, "fr": text.fr}


def _value(value: object) -> object:
    if isinstance(value, Rate):
        return {"rate": str(value.value)}
    if isinstance(value, Money):
        return {"money": format(value.amount, "f"), "currency": value.currency.code}
    return value


def _day(value: date | None) -> str | None:
    return None if value is None or value == date.min else value.isoformat()


def _row(parameter: Parameter) -> dict[str, Any]:
    citation = parameter.citation
    return {
        "key": parameter.key,
        "value": _value(parameter.value),
        "kind": parameter.kind.value,
        "minimum": _value(parameter.minimum),
        "maximum": _value(parameter.maximum),
        "valid_from": _day(parameter.valid_from),
        "valid_until": _day(parameter.valid_until),
        "required": parameter.required,
        "description": {"en": parameter.description.en, "fr": parameter.description.fr},
        "citation": {
            "instrument": citation.instrument,
            "article": citation.article,
            "jurisdiction": citation.jurisdiction,
            "confidence": citation.confidence.value,
            "url": citation.url,
            "title": citation.title,
        },
    }


def _regimes() -> dict[str, Regime]:
    catalogue = load_regimes()
    found: dict[str, Regime] = {}
    for code in catalogue.codes():
        for regime in catalogue.get(code).lineage:
            found[regime.code] = regime
    return found


REGIMES = _regimes()


def _order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["key"], r["valid_from"] or ""))


NEW_REGIMES = {
    # Issue 17: the Belgian employment co-op, added after the move with its figures in law.toml.
    "be-employment",
}


def test_every_regime_of_before_is_still_there():
    assert sorted(BEFORE) == sorted(set(REGIMES) - NEW_REGIMES)
    assert set(REGIMES) >= NEW_REGIMES


ADDED = {
    # Figures that were constants in rule code before the move, now declared in the law files.
    # ... and the majorities and quorums of the decisions, once constants of the voting rules.
    "be-sc": {
        "be.withholding_tax_rate",
        "be.dividend_exemption",
        "be.amend_articles_majority",
        "be.amend_articles_quorum",
        "be.amend_object_majority",
        # Issue 11, the last constants of rule code: CSA 6:120's resignation window (a default)
        # and 6:116's months of the liquidity finding (be/membership.py, be/reserves.py).
        "be.resignation_window_months",
        "be.liquidity_test_months",
    },
    "fr-coop": {
        "fr.sarl_extraordinary_majority",
        "fr.sarl_extraordinary_quorum",
        "fr.sarl_extraordinary_second_quorum",
        "fr.sa_extraordinary_majority",
        "fr.sa_extraordinary_quorum",
        "fr.sa_extraordinary_second_quorum",
        "fr.sa_ordinary_majority",
        "fr.sa_ordinary_quorum",
        # Issue 11: loi 1947 art. 16 al. 3-4's halves (fr/reserves.py, IncorporationLimit).
        "fr.incorporation_first_max",
        "fr.incorporation_later_max",
    },
    "fr-scop": {
        "fr.scop_seniority_coefficient_max",
        # Issue 11, the last constants of rule code: art. 31's capital floor and art. 14's
        # proxies (fr/reserves.py, fr/voting.py).
        "fr.scop_capital_floor",
        "fr.scop_max_proxies",
        "fr.scop_proxy_share_from",
        "fr.scop_max_proxies_share",
    },
    "fr-scic": {"fr.scic_statutory_reserve_min_share"},
    # Issue 12: the Quebec co-op's own reserve rate is a statute choice with no legal minimum
    # (s.146 binds only while equity is below 40 % of debts; its 10 % is qc.reserve_min_rate,
    # RENAMED_IN below); the solidarity co-op's supporting members' refunds, a statute choice
    # (the rule is [UNC]); the enhancement reserve's years on winding-up (s.185).
    "qc-coop": {
        "surplus.legal_reserve_rate",
        "qc.ordinary_majority",
        "qc.merger_majority",
        "qc.continuance_majority",
        "qc.dissolution_majority",
        "qc.wind_up_disposal_plan_majority",
        "qc.amend_articles_majority",
        "qc.board_suspend_or_exclude_majority",
        "qc.board_ordinary_majority",
        # Issue 11: s.58's 15 days (qc/membership.py) and s.81.1.1's third of the seats
        # (qc/voting.py, BOARD).
        "qc.board_reasons_within_days",
        "qc.non_member_directors_max_share",
    },
    "qc-solidarity": {"qc.supporting_members_refunds"},
    # Issue 11: the target group of the activity-co-op scheme (be/membership.py, in_target_group).
    "be-activity": {
        "be.target_group_age_limit",
        "be.target_group_days_under_age",
        "be.target_group_months_under_age",
        "be.target_group_days_from_age",
        "be.target_group_months_from_age",
    },
    # Issue 13: s.224.7's four years, once work_measure's _MAX_YEARS = 4, and the statutes'
    # choice of years it bounds.
    "qc-work": {
        "qc.enhancement_reserve_member_years",
        "qc.refund_average_max_years",
        "qc.refund_average_years",
    },
    "qc-producer": {"qc.enhancement_reserve_member_years"},
}
"""The keys each regime gained in the move (a figure that was a constant in code)."""

RENAMED_IN = {
    # Issue 12: the s.146 10 % was the core's legal reserve rate, bounding every Quebec co-op's
    # statutes; it is a minimum only while s.146 applies, the plug-in's own key.
    "qc-coop": {"surplus.legal_reserve_rate": "qc.reserve_min_rate"},
}
"""Keys renamed in one regime only: the figure, bounds, dates and citation stay; the description
is the new key's."""

MOVED = {
    # The vote caps of loi 1947 art. 3 bis apply to every French co-op (the SCIC's rules hold
    # them too): declared on fr-coop, which fr-scop extends, so fr-scop's figures are unchanged.
    "fr-scop": (
        "fr-coop",
        {"fr.non_cooperator_vote_cap", "fr.non_cooperative_outsider_vote_cap"},
    ),
}
"""Keys declared on the regime a regime extends, rather than on the regime itself."""


RENAMED = {
    # A country's own figure moved out of the core's vocabulary, under its plug-in's prefix.
    "accompaniment.resumption_bonus_monthly": "be.resumption_bonus_monthly",
    "accompaniment.resumption_bonus_months": "be.resumption_bonus_months",
    "accompaniment.resumption_bonus_min_months": "be.resumption_bonus_min_months",
    "accompaniment.target_group_min_share": "be.target_group_min_share",
    "company.min_employee_associates_sa": "fr.min_employee_associates_sa",
    "surplus.enhancement_reserve_allowed": "qc.enhancement_reserve_allowed",
    "capital.public_bodies_max_share": "fr.scic_public_bodies_max_share",
    "company.supporting_members_max_director_share": "qc.supporting_members_max_director_share",
    "voting.family_representation_allowed": "qc.family_representation_allowed",
    "voting.staff_member_vote_cap": "be.staff_member_vote_cap",
    "surplus.additional_reserve_or_share_refund_rate": "qc.additional_reserve_or_share_refund_rate",
    "surplus.reserve_min_while_equity_below": "qc.reserve_min_while_equity_below",
    "voting.non_cooperator_vote_cap": "fr.non_cooperator_vote_cap",
    "voting.non_cooperative_outsider_vote_cap": "fr.non_cooperative_outsider_vote_cap",
    # One key for one cap: the French art. 14 rate and the Belgian and Quebec dividend caps.
    "surplus.interest_rate_cap": "capital.dividend_cap",
}
"""Keys renamed in the move: the figure, bounds and citation stay, the name changes."""

MERGED = {"capital.dividend_cap": _text(all_keys()["capital.dividend_cap"].description)}
"""Keys that became one: their description is the merged key's."""
BEFORE_DESCRIPTIONS = {
    "surplus.interest_rate_cap": {
        "en": "maximum yearly interest rate on paid-up shares",
        "fr": "taux maximal de l'intérêt annuel servi aux parts libérées",
    },
    "capital.dividend_cap": {
        "en": "maximum dividend or interest on shares, as a rate of their nominal value",
        "fr": "dividende ou intérêt maximal sur les parts, en taux de leur valeur nominale",
    },
}
"""The key descriptions before the merge (rows that kept the key's own description)."""


def _renamed(row: dict[str, Any]) -> dict[str, Any]:
    """The row under its new key; a merged key's rows take its description (the figure, bounds,
    dates and citation stay)."""
    key = RENAMED.get(row["key"], row["key"])
    if key in MERGED and row["description"] == BEFORE_DESCRIPTIONS.get(row["key"]):
        return {**row, "key": key, "description": MERGED[key]}
    return {**row, "key": key}


def _renamed_in(code: str, row: dict[str, Any]) -> dict[str, Any]:
    """The row under the key it was renamed to in ``code`` only (else :func:`_renamed`)."""
    key = RENAMED_IN.get(code, {}).get(row["key"])
    if key is None:
        return _renamed(row)
    return {**row, "key": key, "description": _text(_QC_KEYS[key].description)}


def _expected_own(code: str) -> list[dict[str, Any]]:
    rows = [_renamed_in(code, row) for row in BEFORE[code]["parameters"]]
    for origin, (target, keys) in MOVED.items():
        if origin == code:
            rows = [row for row in rows if row["key"] not in keys]
        if target == code:
            rows += [
                row for row in map(_renamed, BEFORE[origin]["parameters"]) if row["key"] in keys
            ]
    return rows


def _gained(code: str) -> set[str]:
    """Keys in force for ``code`` now that were not before: moved to an ancestor it shares."""
    chain = []
    current: str | None = code
    while current is not None:
        chain.append(current)
        current = BEFORE[current]["extends"]
    return {
        key
        for origin, (target, keys) in MOVED.items()
        if target in chain and origin not in chain
        for key in keys
    }


@pytest.mark.parametrize("code", sorted(BEFORE))
def test_each_regime_holds_exactly_the_versions_it_held(code):
    regime = REGIMES[code]
    now = [_row(p) for p in regime.parameters]
    kept = [row for row in now if row["key"] not in ADDED.get(code, set())]
    assert _order(kept) == _order(_expected_own(code))
    assert {row["key"] for row in now} - {row["key"] for row in kept} == ADDED.get(code, set())
    assert (regime.extends.code if regime.extends else None) == BEFORE[code]["extends"]
    assert regime.currency == BEFORE[code]["currency"]


@pytest.mark.parametrize("code", sorted(BEFORE))
def test_each_regime_rests_on_the_same_instruments(code):
    cited = list(BEFORE[code]["citations"])
    now = [
        {
            "instrument": c.instrument,
            "article": c.article,
            "jurisdiction": c.jurisdiction,
            "confidence": c.confidence.value,
            "url": c.url,
            "title": c.title,
        }
        for c in REGIMES[code].citations
    ]
    assert now == cited


def _in_force_before(code: str, on: date) -> dict[str, dict[str, Any]]:
    """What ``parameters_as_of`` gave before the move, rebuilt from the fixture's versions."""
    chain = []
    current: str | None = code
    while current is not None:
        chain.append(current)
        current = BEFORE[current]["extends"]
    merged: dict[str, dict[str, Any]] = {}
    for link in reversed(chain):
        for row in BEFORE[link]["parameters"]:
            start = date.fromisoformat(row["valid_from"]) if row["valid_from"] else date.min
            end = date.fromisoformat(row["valid_until"]) if row["valid_until"] else None
            if start <= on and (end is None or on < end):
                renamed = _renamed_in(link, row)
                merged[renamed["key"]] = renamed
    return merged


def _added_in_chain(code: str) -> set[str]:
    """The keys ADDED to ``code`` or to a regime it extends."""
    added: set[str] = set()
    current: str | None = code
    while current is not None:
        added |= ADDED.get(current, set())
        current = BEFORE[current]["extends"]
    return added


def _grid() -> list[date]:
    days = {date(year, month, 1) for year in range(2000, 2031) for month in (1, 7)}
    for regime in BEFORE.values():
        for row in regime["parameters"]:
            for field in ("valid_from", "valid_until"):
                if row[field]:
                    days.add(date.fromisoformat(row[field]))
    return sorted(days)


@pytest.mark.parametrize("code", sorted(BEFORE))
def test_on_every_date_of_the_grid_the_same_rules_are_in_force(code):
    regime = REGIMES[code]
    for on in _grid():
        now = {
            key: _row(p)
            for key, p in regime.parameters_as_of(on).items()
            if key not in _added_in_chain(code) | _gained(code)
        }
        assert now == _in_force_before(code, on), on.isoformat()
