"""The conformance suite a regime plug-in runs against itself.

This module needs the ``test`` extra (``pip install "cooprules[test]"``): it imports
`hypothesis <https://hypothesis.readthedocs.io>`_ (for the property checks) and
`pytest <https://docs.pytest.org>`_ (for :class:`RegimeConformance`), neither of which is a runtime
dependency of cooprules.

It is usable two ways:

* :func:`check_regime` inspects a :class:`~cooprules.regime.Regime` and returns every problem it
  finds as a :class:`~cooprules.explain.Violation` (code ``conformance.*``, a bilingual message,
  the citation of the rule at fault where there is one), never raising: the code and currency, the
  citations (with URLs), every parameter (a declared key or the plug-in's own prefix, values and
  bounds of the key's type, no [MEM]/[UNC] figure with a value, versions that do not overlap), the
  regime's defaults validating against its own statutes on every date a parameter changes, and the
  rule sets (a :class:`~cooprules.membership.MembershipRules` and a
  :class:`~cooprules.voting.VotingRules` present and sane);
* the property checks (:func:`check_legal_histories`, :func:`check_status_replay`,
  :func:`check_vote_caps`, :func:`check_waterfall`) draw random inputs under the regime's rules
  with :mod:`cooprules.strategies` and assert the engines' invariants; :class:`RegimeConformance`
  bundles everything as pytest tests, which a plug-in's own test file subclasses:

```python
from cooprules.testing import RegimeConformance


class TestConformance(RegimeConformance):
    codes = ("xx-demo",)
```

``docs/plugin-tutorial.md`` walks through a whole plug-in and its conformance tests.

```pycon
>>> from cooprules import get_regime
>>> [v.code for v in check_regime(get_regime("fr-scop")) if v.severity is Severity.ERROR]
[]

```
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from fractions import Fraction
from itertools import pairwise
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.errors import CoopRulesError
from cooprules.explain import Citation, RuleKind, Severity, Text, Violation
from cooprules.membership import (
    ANNOTATIONS,
    TERMINAL,
    EventKind,
    History,
    MembershipRules,
    Status,
    check_history,
    status_at,
)
from cooprules.money import Rate, currency_of, from_minor_units, to_minor_units
from cooprules.parameters import Surplus, all_keys
from cooprules.plugins import load_regimes
from cooprules.regime import Key, Parameter, Regime, Statutes, bind, validate
from cooprules.surplus import Refund, Remainder, ToReserve, Waterfall, YearFigures, distribute
from cooprules.voting import CollegeBounds, VotingRules, tally

__all__ = [
    "PROPERTY_CHECKS",
    "RegimeConformance",
    "check_legal_histories",
    "check_regime",
    "check_status_replay",
    "check_vote_caps",
    "check_waterfall",
    "check_worked_examples",
    "conformance_dates",
    "render_findings",
]

_CODE = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+$")
_FIXED_DATES = (date(2010, 6, 1), date(2020, 6, 1), date(2026, 6, 1))


def _finding(
    code: str,
    subject: str,
    en: str,
    fr: str,
    citation: Citation | None = None,
    *,
    severity: Severity = Severity.ERROR,
) -> Violation:
    return Violation(
        code=f"conformance.{code}",
        severity=severity,
        subject=subject,
        message=Text(en=en, fr=fr),
        citation=citation,
    )


def conformance_dates(regime: Regime, extra: Iterable[date] = ()) -> tuple[date, ...]:
    """Every date on which a parameter of the lineage starts or ends, a few fixed ones, ``extra``.

    These are the dates :func:`check_regime` checks the defaults on: the law of each period.
    """
    found = set(_FIXED_DATES) | set(extra)
    for member in regime.lineage:
        for parameter in member.parameters:
            if parameter.valid_from != date.min:
                found.add(parameter.valid_from)
            if parameter.valid_until is not None:
                found.add(parameter.valid_until)
    return tuple(sorted(found))


def _own_prefix(regime: Regime) -> str:
    return regime.code.split("-", 1)[0]


# --- Identity, currency, citations ----------------------------------------------------------


def _check_identity(regime: Regime) -> list[Violation]:
    found: list[Violation] = []
    prefix = _own_prefix(regime)
    if not _CODE.match(regime.code):
        found.append(
            _finding(
                "code_format",
                regime.code,
                "A regime code is lower-case, a two-letter jurisdiction, a dash and a name.",
                "Un code de régime est en minuscules : deux lettres de juridiction, un tiret, un "
                "nom.",
            )
        )
    expected = regime.jurisdiction.rsplit("-", 1)[-1].lower()
    if prefix != expected:
        found.append(
            _finding(
                "code_jurisdiction",
                regime.code,
                f"The code starts with {prefix!r}, but the jurisdiction {regime.jurisdiction!r} "
                f"calls for {expected!r}.",
                f"Le code commence par {prefix!r}, mais la juridiction {regime.jurisdiction!r} "
                f"appelle {expected!r}.",
            )
        )
    found.extend(
        _finding(
            "alias_format",
            alias,
            f"An alias is lower-case and starts with {prefix}- like the code.",
            f"Un alias est en minuscules et commence par {prefix}- comme le code.",
        )
        for alias in regime.aliases
        if alias != alias.lower() or not alias.startswith(f"{prefix}-")
    )
    if not regime.name.strip() or not regime.name_en.strip():
        found.append(
            _finding(
                "name_missing",
                regime.code,
                "The regime needs a native name and an English name.",
                "Le régime doit avoir un nom dans sa langue et un nom anglais.",
            )
        )
    if not regime.languages:
        found.append(
            _finding(
                "languages_missing",
                regime.code,
                "The regime lists no language.",
                "Le régime n'indique aucune langue.",
            )
        )
    if regime.description is None:
        found.append(
            _finding(
                "description_missing",
                regime.code,
                "The regime has no description.",
                "Le régime n'a pas de description.",
                severity=Severity.WARNING,
            )
        )
    try:
        currency_of(regime.currency)
    except CoopRulesError:
        found.append(
            _finding(
                "currency",
                regime.code,
                f"{regime.currency!r} is not an ISO 4217 currency code.",
                f"{regime.currency!r} n'est pas un code de devise ISO 4217.",
            )
        )
    found.extend(
        _finding(
            "extends_other_jurisdiction",
            regime.code,
            f"The regime extends {member.code}, of another jurisdiction or currency.",
            f"Le régime étend {member.code}, d'une autre juridiction ou devise.",
        )
        for member in regime.lineage[1:]
        if member.currency != regime.currency or member.jurisdiction != regime.jurisdiction
    )
    return found


def _check_citation(regime: Regime, citation: Citation, subject: str) -> list[Violation]:
    found: list[Violation] = []
    if citation.jurisdiction not in {regime.jurisdiction, "coop"}:
        found.append(
            _finding(
                "citation_jurisdiction",
                subject,
                f"The citation {citation.short()} is of jurisdiction {citation.jurisdiction!r}, "
                f"not {regime.jurisdiction!r}.",
                f"La citation {citation.short()} relève de la juridiction "
                f"{citation.jurisdiction!r}, pas {regime.jurisdiction!r}.",
                citation,
            )
        )
    if citation.url is not None and not citation.url.startswith(("https://", "http://")):
        found.append(
            _finding(
                "citation_url",
                subject,
                f"The URL {citation.url!r} of {citation.short()} is not a web address.",
                f"L'URL {citation.url!r} de {citation.short()} n'est pas une adresse web.",
                citation,
            )
        )
    return found


def _check_citations(regime: Regime) -> list[Violation]:
    found: list[Violation] = []
    for member in regime.lineage:
        if not member.citations:
            found.append(
                _finding(
                    "citations_missing",
                    member.code,
                    "The regime cites no legal instrument.",
                    "Le régime ne cite aucun texte juridique.",
                )
            )
        elif not any(c.url for c in member.citations):
            found.append(
                _finding(
                    "citation_without_url",
                    member.code,
                    "None of the regime's main citations gives a URL to read the law.",
                    "Aucune des citations principales du régime ne donne d'URL où lire la loi.",
                )
            )
        for citation in member.citations:
            found.extend(_check_citation(member, citation, member.code))
    return found


# --- Parameters -----------------------------------------------------------------------------


def _check_parameter(
    regime: Regime, parameter: Parameter, keys: dict[str, Key[Any]], prefixes: frozenset[str]
) -> list[Violation]:
    found: list[Violation] = []
    subject = f"{regime.code}:{parameter.key}"
    citation = parameter.citation
    declared = keys.get(parameter.key)
    if declared is None and parameter.key.split(".", 1)[0] not in prefixes:
        found.append(
            _finding(
                "undeclared_key",
                subject,
                f"{parameter.key} is neither a key of cooprules.parameters nor under the "
                f"plug-in's own prefix ({', '.join(sorted(prefixes))}).",
                f"{parameter.key} n'est ni une clé de cooprules.parameters ni sous le préfixe "
                f"propre au plug-in ({', '.join(sorted(prefixes))}).",
                citation,
            )
        )
    figures = (
        ("value", parameter.value),
        ("minimum", parameter.minimum),
        ("maximum", parameter.maximum),
    )
    for name, given_value in figures:
        if given_value is None:
            continue
        if not citation.confidence.verified:
            found.append(
                _finding(
                    "unverified_figure",
                    subject,
                    f"The {name} is tagged [{citation.confidence.value}]: an unverified figure "
                    "is never a legal value; leave it to the statutes (None).",
                    f"Le {name} est marqué [{citation.confidence.value}] : un chiffre non vérifié "
                    "n'est jamais une valeur légale ; laissez-le aux statuts (None).",
                    citation,
                )
            )
        if declared is not None and (
            not isinstance(given_value, declared.type)
            or (isinstance(given_value, bool) and declared.type is not bool)
        ):
            found.append(
                _finding(
                    "wrong_type",
                    subject,
                    f"The {name} {given_value!r} is not a {declared.type.__name__}, the type of "
                    f"{parameter.key}.",
                    f"Le {name} {given_value!r} n'est pas de type {declared.type.__name__}, celui "
                    f"de {parameter.key}.",
                    citation,
                )
            )
    if parameter.value is not None:
        problem = parameter.check(parameter.value)
        if problem is not None:
            found.append(
                _finding(
                    "value_out_of_bounds",
                    subject,
                    f"The value breaks its own bounds: {problem.en}.",
                    f"La valeur sort de ses propres bornes : {problem.fr}.",
                    citation,
                )
            )
    low, high = parameter.minimum, parameter.maximum
    if low is not None and high is not None and parameter.check(low) is not None:
        found.append(
            _finding(
                "bounds_inverted",
                subject,
                "The minimum is above the maximum (or of another kind).",
                "Le minimum est supérieur au maximum (ou d'une autre nature).",
                citation,
            )
        )
    if parameter.kind is RuleKind.STATUTE and parameter.value is not None:
        found.append(
            _finding(
                "statute_with_value",
                subject,
                "A STATUTE parameter is the co-op's choice: the regime gives it no value (use "
                "DEFAULT for a legal default).",
                "Un paramètre STATUTE relève du choix de la coopérative : le régime ne lui donne "
                "pas de valeur (DEFAULT pour un défaut légal).",
                citation,
                severity=Severity.WARNING,
            )
        )
    found.extend(_check_citation(regime, citation, subject))
    return found


def _check_parameters(regime: Regime, prefixes: frozenset[str]) -> list[Violation]:
    keys = all_keys()
    found: list[Violation] = []
    for member in regime.lineage:
        by_key: dict[str, list[Parameter]] = {}
        for parameter in member.parameters:
            found.extend(_check_parameter(member, parameter, keys, prefixes))
            by_key.setdefault(parameter.key, []).append(parameter)
        for key, versions in by_key.items():
            ordered = sorted(versions, key=lambda p: p.valid_from)
            found.extend(
                _finding(
                    "versions_overlap",
                    f"{member.code}:{key}",
                    f"Two versions of {key} are in force on {later.valid_from}.",
                    f"Deux versions de {key} sont en vigueur le {later.valid_from}.",
                    later.citation,
                )
                for earlier, later in pairwise(ordered)
                if earlier.valid_until is None or earlier.valid_until > later.valid_from
            )
    return found


def _check_defaults(regime: Regime, dates: Sequence[date]) -> list[Violation]:
    found: list[Violation] = []
    for as_of in dates:
        in_force = regime.parameters_as_of(as_of)
        values = {k: p.value for k, p in in_force.items() if p.value is not None}
        statutes = Statutes(regime=regime.code, values=values)
        found.extend(
            _finding(
                "defaults_invalid",
                violation.subject,
                f"On {as_of}, the regime's own defaults break its rules: {violation.message.en}",
                f"Au {as_of}, les valeurs par défaut du régime enfreignent ses règles : "
                f"{violation.message.fr}",
                violation.citation,
            )
            for violation in validate(statutes, regime, as_of)
            if violation.severity is Severity.ERROR
        )
    return found


# --- Rule sets ------------------------------------------------------------------------------


def _reachable(rules: MembershipRules) -> set[Status]:
    """The statuses a history can reach from ``NONE`` under ``rules``."""
    reached = {Status.NONE}
    changed = True
    while changed:
        changed = False
        for transition in rules.transitions:
            if transition.source not in reached:
                continue
            if transition.event is EventKind.REINSTATED:
                targets = {
                    t.source
                    for t in rules.transitions
                    if t.event is EventKind.SUSPENDED and t.source in reached
                }
            else:
                target = transition.event.target
                targets = {target} if target is not None else set()
            if not targets <= reached:
                reached |= targets
                changed = True
    return reached


def _check_membership(regime: Regime, rules: MembershipRules) -> list[Violation]:
    found: list[Violation] = []
    subject = f"{regime.code}:membership"
    if not rules.allowed(Status.NONE):
        found.append(
            _finding(
                "membership_no_entry",
                subject,
                "No event is allowed from status none: nobody can ever join.",
                "Aucun événement n'est permis depuis le statut none : personne ne peut entrer.",
            )
        )
    reached = _reachable(rules)
    for transition in rules.transitions:
        name = f"{transition.source.value} --{transition.event.value}-->"
        if transition.event in ANNOTATIONS:
            found.append(
                _finding(
                    "membership_annotation_transition",
                    f"{subject}:{name}",
                    f"{transition.event.value} keeps the status: it is allowed through "
                    "annotations_in, never as a transition (this one is never used).",
                    f"{transition.event.value} ne change pas le statut : il est permis par "
                    "annotations_in, jamais comme transition (celle-ci ne sert jamais).",
                    transition.citation,
                )
            )
        if transition.event is EventKind.REINSTATED and transition.source is not Status.SUSPENDED:
            found.append(
                _finding(
                    "membership_reinstated_not_suspended",
                    f"{subject}:{name}",
                    "A reinstatement ends a suspension: it is only allowed from suspended.",
                    "Une réintégration met fin à une suspension : elle n'est permise que depuis "
                    "suspended.",
                    transition.citation,
                )
            )
        if transition.source not in reached:
            found.append(
                _finding(
                    "membership_unreachable",
                    f"{subject}:{name}",
                    f"No history reaches {transition.source.value} from none: the transition is "
                    "never used.",
                    f"Aucun historique n'atteint {transition.source.value} depuis none : la "
                    "transition ne sert jamais.",
                    transition.citation,
                    severity=Severity.WARNING,
                )
            )
    uncited = sum(1 for t in rules.transitions if t.citation is None)
    if uncited:
        found.append(
            _finding(
                "membership_uncited",
                subject,
                f"{uncited} of {len(rules.transitions)} transitions cite no rule.",
                f"{uncited} des {len(rules.transitions)} transitions ne citent aucune règle.",
                severity=Severity.INFO,
            )
        )
    found.extend(
        _finding(
            "membership_dead_end",
            f"{subject}:{status.value}",
            f"Status {status.value} is not terminal, yet no event leads out of it.",
            f"Le statut {status.value} n'est pas terminal, mais aucun événement n'en sort.",
        )
        for status in sorted(reached - TERMINAL - {Status.NONE}, key=lambda s: s.value)
        if not any(t.source is status for t in rules.transitions)
    )
    return found


def _overlapping(periods: Sequence[tuple[date, date | None]]) -> bool:
    ordered = sorted(periods, key=lambda p: p[0])
    return any(a_end is None or a_end > b_start for (_, a_end), (b_start, _) in pairwise(ordered))


def _check_voting(
    regime: Regime, rules: VotingRules, membership: MembershipRules | None
) -> list[Violation]:
    found: list[Violation] = []
    subject = f"{regime.code}:voting"
    codes = {member.code for member in regime.lineage} | set(regime.aliases)
    if rules.code not in codes:
        found.append(
            _finding(
                "voting_code",
                subject,
                f"The voting rules are for {rules.code!r}, not this regime or one it extends.",
                f"Les règles de vote visent {rules.code!r}, ni ce régime ni un régime qu'il étend.",
                severity=Severity.WARNING,
            )
        )
    if not any(d.majority is not None for d in rules.decisions):
        found.append(
            _finding(
                "voting_no_decision",
                subject,
                "The voting rules set no majority for any decision.",
                "Les règles de vote ne fixent de majorité pour aucune décision.",
            )
        )
    if not rules.voting_statuses:
        found.append(
            _finding(
                "voting_no_status",
                subject,
                "No status votes.",
                "Aucun statut ne vote.",
            )
        )
    if membership is not None:
        reached = _reachable(membership)
        found.extend(
            _finding(
                "voting_status_unreachable",
                f"{subject}:{status.value}",
                f"Status {status.value} votes, but the membership rules never reach it.",
                f"Le statut {status.value} vote, mais les règles d'adhésion ne l'atteignent "
                "jamais.",
                rules.weight_citation,
            )
            for status in sorted(rules.voting_statuses - reached, key=lambda s: s.value)
        )
        declared = membership.category_codes()
        if rules.voting_categories is not None and declared:
            found.extend(
                _finding(
                    "voting_unknown_category",
                    f"{subject}:{category}",
                    f"Category {category!r} votes, but the membership rules do not declare it.",
                    f"La catégorie {category!r} vote, mais les règles d'adhésion ne la "
                    "déclarent pas.",
                    rules.weight_citation,
                )
                for category in sorted(rules.voting_categories - declared)
            )
    for staff in (False, True):
        caps = [c for c in rules.member_caps if c.staff is staff]
        if _overlapping([(c.valid_from, c.valid_until) for c in caps]):
            found.append(
                _finding(
                    "voting_caps_overlap",
                    subject,
                    "Two member caps of the same kind are in force on the same day.",
                    "Deux plafonds par membre de même nature sont en vigueur le même jour.",
                    caps[0].citation,
                )
            )
    found.extend(
        _finding(
            "voting_cap_range",
            subject,
            f"A member cap of {cap.rate} is not a share of the votes.",
            f"Un plafond par membre de {cap.rate} n'est pas une part des voix.",
            cap.citation,
        )
        for cap in rules.member_caps
        if isinstance(cap.rate, Rate) and not 0 < cap.rate.value <= 1
    )
    bounds = rules.college_bounds
    if isinstance(bounds, CollegeBounds) and (
        bounds.minimum > bounds.maximum or bounds.minimum * bounds.min_colleges > 1
    ):
        found.append(
            _finding(
                "voting_college_bounds",
                subject,
                "The college bounds cannot all hold (minimum above maximum, or too many "
                "colleges for the minimum).",
                "Les bornes des collèges ne peuvent toutes tenir (minimum supérieur au maximum, "
                "ou trop de collèges pour le minimum).",
                bounds.citation,
            )
        )
    return found


def _check_rule_sets(regime: Regime) -> list[Violation]:
    found: list[Violation] = []
    membership = regime.rule_set(MembershipRules)
    voting = regime.rule_set(VotingRules)
    found.extend(
        _finding(
            "rule_set_missing",
            f"{regime.code}:{kind}",
            f"The regime (and those it extends) has no {kind}.",
            f"Le régime (et ceux qu'il étend) n'a pas de {kind}.",
        )
        for kind, rule_set in (("MembershipRules", membership), ("VotingRules", voting))
        if rule_set is None
    )
    if membership is not None:
        found.extend(_check_membership(regime, membership))
    if voting is not None:
        found.extend(_check_voting(regime, voting, membership))
    return found


def check_regime(
    regime: Regime,
    *,
    as_of_dates: Iterable[date] = (),
    prefixes: Iterable[str] | None = None,
) -> tuple[Violation, ...]:
    """Check a regime the way cooprules checks its own; return every problem, never raise.

    Args:
        regime: the regime to check (the regimes it extends are checked too).
        as_of_dates: more dates to check the defaults on, besides those of
            :func:`conformance_dates`.
        prefixes: the first segments a key of the plug-in's own may start with (by default the
            regime code's jurisdiction, ``"xx"`` for ``"xx-demo"``: ``"xx.levy_floor"``).

    Returns:
        The findings, each a :class:`~cooprules.explain.Violation` whose code starts with
        ``conformance.``: errors break the conformance, warnings deserve a look.
    """
    own = frozenset(prefixes) if prefixes is not None else frozenset({_own_prefix(regime)})
    return (
        *_check_identity(regime),
        *_check_citations(regime),
        *_check_parameters(regime, own),
        *_check_defaults(regime, conformance_dates(regime, as_of_dates)),
        *_check_rule_sets(regime),
    )


def render_findings(findings: Iterable[Violation], lang: str = "en") -> str:
    """One line per finding: ``[severity] code subject: message (citation)``."""
    lines = []
    for finding in findings:
        text = finding.message.fr if lang == "fr" else finding.message.en
        cited = f" ({finding.citation})" if finding.citation is not None else ""
        lines.append(f"[{finding.severity.value}] {finding.code} {finding.subject}: {text}{cited}")
    return "\n".join(lines)


# --- Properties -----------------------------------------------------------------------------

_DAY = date(2026, 6, 1)


def _settings(max_examples: int) -> settings:
    return settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


def _expect(condition: bool, *context: object) -> None:  # noqa: FBT001 - reads like assert
    """Raise :class:`AssertionError` with ``context`` unless ``condition`` (kept under ``-O``)."""
    if not condition:
        raise AssertionError(*context)


def _membership(regime: Regime) -> MembershipRules:
    rules = regime.rule_set(MembershipRules)
    if rules is None:
        pytest.skip(f"{regime.code} has no MembershipRules")
    return rules


def _voting(regime: Regime) -> VotingRules:
    rules = bind(regime, as_of=_DAY).rule_set(VotingRules)
    if rules is None or not any(d.majority is not None for d in rules.decisions):
        pytest.skip(f"{regime.code} has no VotingRules with a majority")
    return rules


def check_legal_histories(regime: Regime, *, max_examples: int = 50) -> None:
    """Property: a history built with the regime's rules never has an illegal transition.

    Histories are drawn with :func:`cooprules.strategies.histories` (every event through
    :func:`~cooprules.membership.apply`); :func:`~cooprules.membership.check_history` must then
    find no ``membership.illegal_transition`` on any date.

    Raises:
        AssertionError: with the history and the violations found.
    """
    rules = _membership(regime)

    @_settings(max_examples)
    @given(cst.histories(rules))
    def legal(history: History) -> None:
        as_of = history.dates[-1] if history.dates else _DAY
        illegal = [
            v for v in check_history(history, rules, as_of) if v.code.endswith("illegal_transition")
        ]
        _expect(not illegal, (regime.code, history, [v.message.en for v in illegal]))

    legal()


def check_status_replay(regime: Regime, *, max_examples: int = 50) -> None:
    """Property: ``status_at`` on every event date equals the replay of the events up to it.

    Raises:
        AssertionError: with the history and the date where they differ.
    """
    rules = _membership(regime)

    @_settings(max_examples)
    @given(cst.histories(rules))
    def replay(history: History) -> None:
        rebuilt = History.of(history.subject, history.events)
        _expect(rebuilt.statuses == history.statuses, (regime.code, history))
        for day in history.dates:
            until = history.until(day)
            _expect(status_at(history, day) is until.current, (regime.code, history, day))
        if history.dates:
            _expect(status_at(history, history.dates[-1]) is history.current)

    replay()


def check_vote_caps(regime: Regime, *, max_examples: int = 50) -> None:
    """Property: a meeting tallied under the regime's voting rules respects the member cap.

    Random electorates (one vote per member, or up to 50 shares each) vote on a decision the rules
    set a majority for; no member's effective votes exceed the cap in force, the tally adds up to
    the effective votes counted, the share for is between 0 and 1, and a meeting without quorum
    adopts nothing.

    Raises:
        AssertionError: with the meeting and what went wrong.
    """
    rules = _voting(regime)
    caps = [c for c in rules.member_caps if c.rate is not None and not c.staff]
    weights = 50

    @_settings(max_examples)
    @given(st.data())
    def capped(data: st.DataObject) -> None:
        meeting = data.draw(cst.meetings(rules, on=_DAY, max_weight=weights))
        result = tally(meeting, rules)
        electorate = meeting.electorate
        counted = {m for m in meeting.ballots if m in electorate.voters}
        effective = {m: Fraction(electorate.weight(m)) for m in counted}
        for reduction in result.reductions:
            if reduction.subject in effective:
                effective[reduction.subject] = reduction.effective
        in_force = [c for c in caps if c.in_force(meeting.date)]
        for cap in in_force:
            figure = cap.figure
            limit = (figure.value if figure is not None else Fraction(1)) * result.present_weight
            over = {m: w for m, w in effective.items() if w > limit}
            _expect(not over, (regime.code, meeting, over))
        if not rules.category_caps:
            _expect(sum(result.tally.values()) == sum(effective.values()), (regime.code, meeting))
        _expect(0 <= result.share_for <= 1)
        if not result.quorum_reached:
            _expect(not result.adopted)

    capped()


def _reserve_rate(regime: Regime) -> Rate:
    keys: tuple[Key[Rate], ...] = (Surplus.legal_reserve_rate, Surplus.reserves_rate)
    for key in keys:
        parameter = regime.find(key, _DAY)
        if parameter is None:
            continue
        for candidate in (parameter.value, parameter.minimum):
            if isinstance(candidate, Rate) and 0 <= candidate.value <= 1:
                return candidate
    return Rate.of("15%")


def check_waterfall(regime: Regime, *, max_examples: int = 50) -> None:
    """Property: a waterfall in the regime's currency and rounding distributes every cent.

    The waterfall is the simplest a co-op of the regime adopts: its legal reserve rate (or
    15 %), a patronage refund of half the remainder over random purchases, the rest to a reserve.
    Every step's shares add up to the step and the steps add up to the surplus, to the minor unit.

    Raises:
        AssertionError: with the figures and the distribution.
    """
    currency = regime.currency
    waterfall = Waterfall(
        (
            ToReserve("legal", reserve="legal_reserve", share=_reserve_rate(regime)),
            Refund("refunds", measure="purchases", share=Rate.of("1/2")),
            Remainder("rest", reserve="other_reserves"),
        ),
        rounding=regime.rounding,
    )

    @_settings(max_examples)
    @given(
        st.integers(0, 10**11),
        st.dictionaries(
            st.sampled_from([f"m{i}" for i in range(12)]), st.integers(0, 10**6), min_size=1
        ).filter(lambda measures: any(measures.values())),
    )
    def every_cent(surplus_units: int, purchases: dict[str, int]) -> None:
        surplus = from_minor_units(surplus_units, currency)
        figures = YearFigures(surplus=surplus, measures={"purchases": purchases})
        result = distribute(waterfall, figures)
        steps = sum(to_minor_units(step.amount) for step in result.steps)
        _expect(steps + to_minor_units(result.unallocated) == surplus_units, (regime.code, result))
        _expect(to_minor_units(result.unallocated) == 0)
        for step in result.steps:
            if step.shares:
                shared = sum(to_minor_units(a) for a in step.shares.values())
                _expect(shared == to_minor_units(step.amount), (regime.code, step))

    every_cent()


PROPERTY_CHECKS: tuple[Callable[..., None], ...] = (
    check_legal_histories,
    check_status_replay,
    check_vote_caps,
    check_waterfall,
)
"""Every property check, each taking a regime (and ``max_examples``)."""


# --- pytest ---------------------------------------------------------------------------------


class RegimeConformance:
    """The conformance suite as pytest tests: subclass it as ``Test…`` and name your codes.

    ```python
    class TestConformance(RegimeConformance):
        codes = ("xx-demo",)
    ```

    Each test runs once per code. The regimes are found through the installed entry points, as
    users find them (so the plug-in must be installed, ``pip install -e .``). Class attributes:

    * ``codes``: the regime codes to check (``pytest.param(..., marks=...)`` is accepted);
    * ``as_of_dates``: more dates to check the defaults on;
    * ``prefixes``: the prefixes of the plug-in's own keys (``None``: the jurisdiction's);
    * ``max_examples``: how many examples each property draws.
    """

    codes: ClassVar[Sequence[object]] = ()
    as_of_dates: ClassVar[Sequence[date]] = ()
    prefixes: ClassVar[Sequence[str] | None] = None
    max_examples: ClassVar[int] = 30

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Parametrize every test of the class by ``regime_code``."""
        if "regime_code" in metafunc.fixturenames:
            metafunc.parametrize("regime_code", list(self.codes))

    @staticmethod
    def regime(code: str) -> Regime:
        """The installed regime with ``code``."""
        return load_regimes().get(code)

    def test_regime_is_installed(self, regime_code: str) -> None:
        """The regime is found through the ``cooprules`` entry points."""
        catalogue = load_regimes()
        _expect(regime_code in catalogue.codes(), catalogue.codes())

    def test_regime_conforms(self, regime_code: str) -> None:
        """:func:`check_regime` finds no error."""
        findings = check_regime(
            self.regime(regime_code),
            as_of_dates=self.as_of_dates,
            prefixes=self.prefixes,
        )
        errors = [f for f in findings if f.severity is Severity.ERROR]
        _expect(not errors, "\n" + render_findings(errors))

    def test_legal_histories(self, regime_code: str) -> None:
        """See :func:`check_legal_histories`."""
        check_legal_histories(self.regime(regime_code), max_examples=self.max_examples)

    def test_status_replay(self, regime_code: str) -> None:
        """See :func:`check_status_replay`."""
        check_status_replay(self.regime(regime_code), max_examples=self.max_examples)

    def test_vote_caps(self, regime_code: str) -> None:
        """See :func:`check_vote_caps`."""
        check_vote_caps(self.regime(regime_code), max_examples=self.max_examples)

    def test_waterfall(self, regime_code: str) -> None:
        """See :func:`check_waterfall`."""
        check_waterfall(self.regime(regime_code), max_examples=self.max_examples)


# Imported here, beside the one function that needs them, so the kit's header stays as it is.
from pathlib import Path  # noqa: E402

from cooprules.expected import check_expectations, expectations_of, render_outcomes  # noqa: E402
from cooprules.report import evaluate  # noqa: E402
from cooprules.scenario import load  # noqa: E402


def check_worked_examples(paths: Iterable[str | Path]) -> None:
    """Run a plug-in's worked examples: scenario files whose ``[expected]`` figures must be met.

    Each file is loaded, evaluated on its ``expected.as_of`` with the installed regimes and
    compared with :func:`cooprules.expected.check_expectations`, as ``cooprules test`` does.

    ```python
    from importlib.resources import files

    from cooprules.testing import check_worked_examples


    def test_worked_examples():
        folder = files("cooprules_example_xx") / "worked"
        check_worked_examples(sorted(str(p) for p in folder.iterdir() if p.name.endswith(".toml")))
    ```

    Args:
        paths: the scenario files (at least one). Everything a year needs comes from the
            regime (its law and its rule sets), so a third party's regime is checked exactly as
            ours.

    Raises:
        AssertionError: no file was given, or a figure is not met (every one is listed, with the
            report's explanation of it).
        ScenarioError: a file cannot be read or has no ``[expected]`` section.
    """
    files = [str(path) for path in paths]
    _expect(bool(files), "no worked example given")
    catalogue = load_regimes()
    failures: list[str] = []
    for file in files:
        scenario = load(file, currency_of_regime=lambda code: catalogue.get(code).currency)
        expected = expectations_of(scenario)
        regime = catalogue.get(scenario.coop.regime)
        report = evaluate(scenario, as_of=expected.as_of, regime=regime)
        outcomes = check_expectations(report, expected)
        if not all(outcome.met for outcome in outcomes):
            failures.append(f"{file}:\n{render_outcomes(outcomes)}")
    _expect(not failures, "\n" + "\n".join(failures))
