"""The conformance suite a regime plug-in runs against itself.

This module needs the ``test`` extra (``pip install "cooprules[test]"``): it imports
`hypothesis <https://hypothesis.readthedocs.io>`_ (for the property checks) and
`pytest <https://docs.pytest.org>`_ (for
[`RegimeConformance`][cooprules.testing.RegimeConformance]), neither of which is a runtime
dependency of cooprules.

It offers:

* [`check_regime()`][cooprules.testing.check_regime] inspects a [`Regime`][cooprules.regime.Regime]
  and returns every problem it finds as a [`Violation`][cooprules.explain.Violation] (code
  ``conformance.*``, a bilingual message, the citation of the rule at fault where there is one),
  never raising: the code and currency, the citations (with URLs), every parameter (a declared key
  or the plug-in's own prefix, values and bounds of the key's type, no figure recalled, unverified
  or uncertain with a value, versions that do not overlap), the regime's defaults validating
  against its own statutes on every date a parameter changes, and the rule sets (a
  [`MembershipRules`][cooprules.membership.MembershipRules] and a
  [`VotingRules`][cooprules.voting.rules.VotingRules] present and sane);
* [`check_law_is_read()`][cooprules.testing.check_law_is_read] changes each numeric figure of a
  regime in a copy and evaluates the plug-in's scenarios with both, to see that an engine reads it
  (no engine holds its own copy of the law);
  [`check_worked_examples()`][cooprules.testing.check_worked_examples] runs worked examples against
  their ``[expected]`` figures;
* the property checks ([`check_legal_histories()`][cooprules.testing.check_legal_histories],
  [`check_status_replay()`][cooprules.testing.check_status_replay],
  [`check_vote_caps()`][cooprules.testing.check_vote_caps],
  [`check_waterfall()`][cooprules.testing.check_waterfall]) draw random inputs under the regime's
  rules with [`cooprules.strategies`][cooprules.strategies] and assert the engines' invariants;
  [`RegimeConformance`][cooprules.testing.RegimeConformance] bundles everything as pytest tests,
  which a plug-in's own test file subclasses:

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
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise
from pathlib import Path
from typing import Any, ClassVar

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from moneyed import Money

from cooprules import strategies as cst
from cooprules.errors import CoopRulesError, InvalidInput
from cooprules.expected import check_expectations, expectations_of, render_outcomes
from cooprules.explain import Citation, Explanation, RuleKind, Severity, Text, Violation
from cooprules.levies import month_periods
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
from cooprules.report import YearReport, evaluate
from cooprules.scenario import Scenario, load
from cooprules.surplus import Refund, Remainder, ToReserve, Waterfall, YearFigures, distribute
from cooprules.voting import CollegeBounds, VotingRules, tally

__all__ = [
    "PROPERTY_CHECKS",
    "LawReading",
    "ParameterReading",
    "RegimeConformance",
    "check_law_is_read",
    "check_legal_histories",
    "check_regime",
    "check_status_replay",
    "check_vote_caps",
    "check_waterfall",
    "check_worked_examples",
    "conformance_dates",
    "moved",
    "nudges",
    "render_findings",
    "replace_parameter",
    "report_fingerprint",
    "scenario_date",
]

_CODE = re.compile(r"^[a-z]{2}(-[a-z0-9]+)+$")
_FIXED_DATES = (date(2010, 6, 1), date(2020, 6, 1), date(2026, 6, 1))


def _finding(
    code: str,
    subject: str,
    message: Text,
    citation: Citation | None = None,
    *,
    severity: Severity = Severity.ERROR,
) -> Violation:
    return Violation(
        code=f"conformance.{code}",
        severity=severity,
        subject=subject,
        message=message,
        citation=citation,
    )


def conformance_dates(regime: Regime, extra: Iterable[date] = ()) -> tuple[date, ...]:
    """Every date on which a parameter of the lineage starts or ends, a few fixed ones, ``extra``.

    These are the dates [`check_regime()`][cooprules.testing.check_regime] checks the defaults on:
    the law of each period.
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
    if not _CODE.fullmatch(regime.code):
        found.append(
            _finding(
                "code_format",
                regime.code,
                Text("A regime code is lower-case, a two-letter jurisdiction, a dash and a name."),
            )
        )
    expected = regime.jurisdiction.rsplit("-", 1)[-1].lower()
    if prefix != expected:
        found.append(
            _finding(
                "code_jurisdiction",
                regime.code,
                Text(
                    "The code starts with {prefix}, but the jurisdiction {jurisdiction} calls for "
                    "{expected}.",
                    prefix=f"{prefix!r}",
                    jurisdiction=f"{regime.jurisdiction!r}",
                    expected=f"{expected!r}",
                ),
            )
        )
    found.extend(
        _finding(
            "alias_format",
            alias,
            Text(
                "An alias is lower-case and starts with {prefix}- like the code.",
                prefix=prefix,
            ),
        )
        for alias in regime.aliases
        if alias != alias.lower() or not alias.startswith(f"{prefix}-")
    )
    if not regime.name.strip() or not regime.name_en.strip():
        found.append(
            _finding(
                "name_missing",
                regime.code,
                Text("The regime needs a native name and an English name."),
            )
        )
    if not regime.languages:
        found.append(
            _finding(
                "languages_missing",
                regime.code,
                Text("The regime lists no language."),
            )
        )
    if regime.description is None:
        found.append(
            _finding(
                "description_missing",
                regime.code,
                Text("The regime has no description."),
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
                Text(
                    "{currency} is not an ISO 4217 currency code.",
                    currency=f"{regime.currency!r}",
                ),
            )
        )
    found.extend(
        _finding(
            "extends_other_jurisdiction",
            regime.code,
            Text(
                "The regime extends {member_code}, of another jurisdiction or currency.",
                member_code=member.code,
            ),
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
                Text(
                    "The citation {citation} is of jurisdiction {cited}, not {regime}.",
                    citation=citation.short(),
                    cited=f"{citation.jurisdiction!r}",
                    regime=f"{regime.jurisdiction!r}",
                ),
                citation,
            )
        )
    if citation.url is not None and not citation.url.startswith(("https://", "http://")):
        found.append(
            _finding(
                "citation_url",
                subject,
                Text(
                    "The URL {url} of {short} is not a web address.",
                    url=f"{citation.url!r}",
                    short=citation.short(),
                ),
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
                    Text("The regime cites no legal instrument."),
                )
            )
        elif not any(c.url for c in member.citations):
            found.append(
                _finding(
                    "citation_without_url",
                    member.code,
                    Text("None of the regime's main citations gives a URL to read the law."),
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
                Text(
                    "{key} is neither a key of cooprules.parameters nor under the plug-in's own "
                    "prefix ({items}).",
                    key=parameter.key,
                    items=", ".join(sorted(prefixes)),
                ),
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
                    Text(
                        "The {name} is tagged [{confidence}]: an unverified figure is never a "
                        "legal "
                        "value; leave it to the statutes (None).",
                        name=name,
                        confidence=citation.confidence.value,
                    ),
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
                    Text(
                        "The {name} {given_value} is not a {type}, the type of {key}.",
                        name=name,
                        given_value=f"{given_value!r}",
                        type=declared.type.__name__,
                        key=parameter.key,
                    ),
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
                    Text(
                        "The value breaks its own bounds: {problem}.",
                        problem=problem,
                    ),
                    citation,
                )
            )
    low, high = parameter.minimum, parameter.maximum
    if low is not None and high is not None and parameter.check(low) is not None:
        found.append(
            _finding(
                "bounds_inverted",
                subject,
                Text("The minimum is above the maximum (or of another kind)."),
                citation,
            )
        )
    if parameter.kind is RuleKind.STATUTE and parameter.value is not None:
        found.append(
            _finding(
                "statute_with_value",
                subject,
                Text(
                    "A STATUTE parameter is the co-op's choice: the regime gives it no value (use "
                    "DEFAULT for a legal default).",
                ),
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
                    Text(
                        "Two versions of {key} are in force on {valid_from}.",
                        key=key,
                        valid_from=later.valid_from,
                    ),
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
                Text(
                    "On {as_of}, the regime's own defaults break its rules: {message}",
                    as_of=as_of,
                    message=violation.message,
                ),
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
                Text("No event is allowed from status none: nobody can ever join."),
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
                    Text(
                        "{event} keeps the status: it is allowed through annotations_in, never "
                        "as a "
                        "transition (this one is never used).",
                        event=transition.event.value,
                    ),
                    transition.citation,
                )
            )
        if transition.event is EventKind.REINSTATED and transition.source is not Status.SUSPENDED:
            found.append(
                _finding(
                    "membership_reinstated_not_suspended",
                    f"{subject}:{name}",
                    Text("A reinstatement ends a suspension: it is only allowed from suspended."),
                    transition.citation,
                )
            )
        if transition.source not in reached:
            found.append(
                _finding(
                    "membership_unreachable",
                    f"{subject}:{name}",
                    Text(
                        "No history reaches {source} from none: the transition is never used.",
                        source=transition.source.value,
                    ),
                    transition.citation,
                    severity=Severity.WARNING,
                )
            )
    if rules.transitions and rules.general_citation is None:
        found.append(
            _finding(
                "membership_no_general_rule",
                subject,
                Text(
                    "The membership rules cite no general rule: an event the graph does not "
                    "allow is "
                    "reported without a citation (give MembershipRules a citation).",
                ),
                severity=Severity.WARNING,
            )
        )
    uncited = sum(1 for t in rules.transitions if t.citation is None)
    if uncited:
        found.append(
            _finding(
                "membership_uncited",
                subject,
                Text(
                    "{uncited} of {transitions_count} transitions cite no rule.",
                    uncited=uncited,
                    transitions_count=len(rules.transitions),
                ),
                severity=Severity.INFO,
            )
        )
    found.extend(
        _finding(
            "membership_dead_end",
            f"{subject}:{status.value}",
            Text(
                "Status {status} is not terminal, yet no event leads out of it.",
                status=status.value,
            ),
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
                Text(
                    "The voting rules are for {rules_code}, not this regime or one it extends.",
                    rules_code=f"{rules.code!r}",
                ),
                severity=Severity.WARNING,
            )
        )
    if not any(d.majority is not None for d in rules.decisions):
        found.append(
            _finding(
                "voting_no_decision",
                subject,
                Text("The voting rules set no majority for any decision."),
            )
        )
    if not rules.voting_statuses:
        found.append(
            _finding(
                "voting_no_status",
                subject,
                Text("No status votes."),
            )
        )
    if membership is not None:
        reached = _reachable(membership)
        found.extend(
            _finding(
                "voting_status_unreachable",
                f"{subject}:{status.value}",
                Text(
                    "Status {status} votes, but the membership rules never reach it.",
                    status=status.value,
                ),
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
                    Text(
                        "Category {category} votes, but the membership rules do not declare it.",
                        category=f"{category!r}",
                    ),
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
                    Text("Two member caps of the same kind are in force on the same day."),
                    caps[0].citation,
                )
            )
    found.extend(
        _finding(
            "voting_cap_range",
            subject,
            Text(
                "A member cap of {rate} is not a share of the votes.",
                rate=cap.rate,
            ),
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
                Text(
                    "The college bounds cannot all hold (minimum above maximum, or too many "
                    "colleges "
                    "for the minimum).",
                ),
                bounds.citation,
            )
        )
    return found


def _check_rule_sets(regime: Regime, dates: Iterable[date]) -> list[Violation]:
    """The rule sets' own checks; voting rules that read the law are checked bound on each date."""
    found: list[Violation] = []
    membership = regime.rule_set(MembershipRules)
    voting = regime.rule_set(VotingRules)
    found.extend(
        _finding(
            "rule_set_missing",
            f"{regime.code}:{kind}",
            Text(
                "The regime (and those it extends) has no {kind}.",
                kind=kind,
            ),
        )
        for kind, rule_set in (("MembershipRules", membership), ("VotingRules", voting))
        if rule_set is None
    )
    if membership is not None:
        found.extend(_check_membership(regime, membership))
    if voting is not None and voting.reads_law:
        # Each figure and citation read from the law on each date (a finding once, however many
        # dates show it): an unbound rule set carries keys, not the rules a tally applies.
        bound = (voting.bound(bind(regime, as_of=on)) for on in dates)
        found.extend(
            dict.fromkeys(f for rules in bound for f in _check_voting(regime, rules, membership))
        )
    elif voting is not None:
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
            [`conformance_dates()`][cooprules.testing.conformance_dates].
        prefixes: the first segments a key of the plug-in's own may start with (by default the
            regime code's jurisdiction, ``"xx"`` for ``"xx-demo"``: ``"xx.levy_floor"``).

    Returns:
        The findings, each a [`Violation`][cooprules.explain.Violation] whose code starts with
        ``conformance.``: errors break the conformance, warnings deserve a look.
    """
    own = frozenset(prefixes) if prefixes is not None else frozenset({_own_prefix(regime)})
    dates = conformance_dates(regime, as_of_dates)
    return (
        *_check_identity(regime),
        *_check_citations(regime),
        *_check_parameters(regime, own),
        *_check_defaults(regime, dates),
        *_check_rule_sets(regime, dates),
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
    """Raise `AssertionError` with ``context`` unless ``condition`` (kept under ``-O``)."""
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

    Histories are drawn with [`cooprules.strategies.histories()`][cooprules.strategies.histories]
    (every event through [`apply()`][cooprules.membership.apply]);
    [`check_history()`][cooprules.membership.check_history] must then find no
    ``membership.illegal_transition`` on any date.

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

    Random electorates (one vote per member where the rules say so, else up to 50 shares each)
    vote on a decision the rules set a majority for; with one member one vote no vote is ever cut,
    with votes per share no member's effective votes exceed the cap in force; the tally adds up to
    the effective votes counted, the share for is between 0 and 1, and a meeting without quorum
    adopts nothing.

    Raises:
        AssertionError: with the meeting and what went wrong.
    """
    rules = _voting(regime)
    caps = [c for c in rules.member_caps if c.rate is not None and not c.staff]
    one_each = rules.one_member_one_vote is True
    weights = 1 if one_each else 50

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
        if one_each:  # a cap is the alternative to one member one vote: no vote is ever cut
            _expect(not result.reductions, (regime.code, meeting, result.reductions))
        in_force = [] if one_each else [c for c in caps if c.in_force(meeting.date)]
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
    * ``max_examples``: how many examples each property draws;
    * ``law_scenarios``: the scenario files (or scenarios) to run
      [`check_law_is_read()`][cooprules.testing.check_law_is_read] on, by regime code; the
      law-is-read test is opt-in, and skipped for a code without any (a file written for a sibling
      regime of the plug-in may serve another);
    * ``law_exempt``: the keys no engine reads by design, each with its reason.

    ```python
    class TestConformance(RegimeConformance):
        codes = ("xx-demo",)
        law_scenarios = {"xx-demo": ("tests/scenarios/xx-demo-year.toml",)}
        law_exempt = {"company.min_founders": "bounds the founding only, not a year"}
    ```
    """

    codes: ClassVar[Sequence[object]] = ()
    as_of_dates: ClassVar[Sequence[date]] = ()
    prefixes: ClassVar[Sequence[str] | None] = None
    max_examples: ClassVar[int] = 30
    law_scenarios: ClassVar[Mapping[str, Sequence[Scenario | str | Path]]] = {}
    law_exempt: ClassVar[Mapping[str, str]] = {}

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        """Parametrize every test of the class by ``regime_code``.

        The law-is-read test runs only for the codes that ``law_scenarios`` names (once skipped
        when it names none: the test is opt-in).
        """
        if "regime_code" not in metafunc.fixturenames:
            return
        codes = list(self.codes)
        if metafunc.function.__name__ == "test_law_is_read":
            codes = [c for c in codes if getattr(c, "values", (c,))[0] in self.law_scenarios]
            if not codes:
                reason = "no law_scenarios: the law-is-read test is opt-in"
                codes = [pytest.param("", marks=pytest.mark.skip(reason=reason), id="opt-in")]
        metafunc.parametrize("regime_code", codes)

    @staticmethod
    def regime(code: str) -> Regime:
        """The installed regime with ``code``."""
        return load_regimes().get(code)

    def test_regime_is_installed(self, regime_code: str) -> None:
        """The regime is found through the ``cooprules`` entry points."""
        catalogue = load_regimes()
        _expect(regime_code in catalogue.codes(), catalogue.codes())

    def test_regime_conforms(self, regime_code: str) -> None:
        """`check_regime()` finds no error."""
        findings = check_regime(
            self.regime(regime_code),
            as_of_dates=self.as_of_dates,
            prefixes=self.prefixes,
        )
        errors = [f for f in findings if f.severity is Severity.ERROR]
        _expect(not errors, "\n" + render_findings(errors))

    def test_legal_histories(self, regime_code: str) -> None:
        """See `check_legal_histories()`."""
        check_legal_histories(self.regime(regime_code), max_examples=self.max_examples)

    def test_status_replay(self, regime_code: str) -> None:
        """See `check_status_replay()`."""
        check_status_replay(self.regime(regime_code), max_examples=self.max_examples)

    def test_vote_caps(self, regime_code: str) -> None:
        """See `check_vote_caps()`."""
        check_vote_caps(self.regime(regime_code), max_examples=self.max_examples)

    def test_waterfall(self, regime_code: str) -> None:
        """See `check_waterfall()`."""
        check_waterfall(self.regime(regime_code), max_examples=self.max_examples)

    def test_law_is_read(self, regime_code: str) -> None:
        """See `check_law_is_read()`, on the ``law_scenarios`` of the code (opt-in)."""
        scenarios = self.law_scenarios.get(regime_code, ())
        if not scenarios:
            pytest.skip(f"no law_scenarios for {regime_code}: the law-is-read test is opt-in")
        reading = check_law_is_read(self.regime(regime_code), scenarios, exempt=self.law_exempt)
        _expect(reading.ok, "\n" + reading.render())


def check_worked_examples(paths: Iterable[str | Path]) -> None:
    """Run a plug-in's worked examples: scenario files whose ``[expected]`` figures must be met.

    Each file is loaded, evaluated on its ``expected.as_of`` with the installed regimes and
    compared with
    [`cooprules.expected.check_expectations()`][cooprules.expected.check_expectations], as
    ``cooprules test`` does.

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


# --- The law is read ------------------------------------------------------------------------

_NUMERIC = (Rate, int, Money, Decimal)
_UP, _DOWN = Fraction(13, 10), Fraction(7, 10)
_VALIDATION_CODES = frozenset(
    {
        "statutes.regime_mismatch",
        "statutes.unknown_parameter",
        "statutes.contradicts_law",
        "statutes.below_minimum",
        "statutes.above_maximum",
        "statutes.wrong_type",
        "statutes.missing",
    }
)
"""The codes of `cooprules.regime.validate()`: the year's statute validation, not an engine."""
_VALIDATION = "validation["
_ERROR = "error"
_MISSING = object()
_SHOWN = 3
"""How many moved results a reading's line names."""


def _numeric(value: object) -> bool:
    return isinstance(value, _NUMERIC) and not isinstance(value, bool)


def scenario_date(scenario: Scenario) -> date:
    """The date a scenario is evaluated on: its ``expected.as_of``, else its year's last day.

    This is the date ``cooprules report`` (without ``--as-of``) and ``cooprules test`` use.
    """
    if scenario.expected is not None:
        return scenario.expected.as_of
    last = month_periods(scenario.coop.year, first_month=scenario.coop.first_month)[-1]
    return date.fromordinal(last.end.toordinal() - 1)


def _law_dates(scenario: Scenario) -> tuple[date, ...]:
    """Every date a year reads the law on: the evaluation's, the meeting's, the distribution's."""
    found = {scenario_date(scenario)}
    if scenario.meeting is not None:
        found.add(scenario.meeting.date)
    if scenario.distribution is not None and scenario.distribution.date is not None:
        found.add(scenario.distribution.date)
    return tuple(sorted(found))


def _rate_nudges(value: Fraction) -> list[Fraction]:
    if value < 0:
        return [value * _DOWN, value * _UP]
    if value == 0:
        return [Fraction(1, 10)]
    up = [min(value * _UP, (1 + value) / 2)] if value < 1 else []
    return [*up, value * _DOWN]


def nudges(value: object) -> tuple[object, ...]:
    """The values `check_law_is_read()` tries in place of a parameter's value, up then down.

    Each moves the figure enough to move a rounded result:

    * a [`Rate`][cooprules.money.Rate] ``r`` goes up to the lesser of ``1.3 r`` and halfway to
      100 % (a rate of 100 % is not raised; 0 % goes to 10 %), then down to ``0.7 r``;
    * an ``int`` by one, up then down (not below zero);
    * an amount by 30 %, at least one minor unit (not below zero); a ``Decimal`` by 30 % (0 goes
      to 1);
    * anything else (``bool``, ``str``, ``None``) is not a figure: nothing is tried.

    ```pycon
    >>> [str(rate) for rate in nudges(Rate.of("10%"))], [str(r) for r in nudges(Rate.of("90%"))]
    (['13%', '7%'], ['95%', '63%'])
    >>> nudges(18), nudges(0), nudges(True)
    ((19, 17), (1,), ())
    >>> nudges(Money("100.00", "EUR"))
    (Money('130.00', 'EUR'), Money('70.00', 'EUR'))

    ```
    """
    if isinstance(value, bool):
        return ()
    if isinstance(value, Rate):
        return tuple(Rate(v) for v in _rate_nudges(value.value))
    if isinstance(value, int):
        return (value + 1, value - 1) if value > 0 else (value + 1,)
    if isinstance(value, Money):
        units = to_minor_units(value)
        step = max(1, abs(units) * 3 // 10)
        tried = [units + step, *([units - step] if units >= step else [])]
        return tuple(from_minor_units(u, value.currency) for u in tried)
    if isinstance(value, Decimal):
        return (Decimal(1),) if value == 0 else (value * Decimal("1.3"), value * Decimal("0.7"))
    return ()


def _follow(bound: object, old: object, new: object, *, lower: bool) -> object:
    """A bound moved with the value: it follows a value it equals, or one that crosses it."""
    if bound is None:
        return None
    if bound == old:
        return new
    crossed = new < bound if lower else new > bound  # type: ignore[operator]
    return new if crossed else bound


def moved(parameter: Parameter, value: object) -> Parameter:
    """``parameter`` with ``value`` and its bounds moved consistently, still a valid version.

    A bound equal to the old value is the same figure stated twice (a SCOP's legal reserve of
    15 % at least 15 %): it moves with the value. Another bound stays, unless the new value
    crosses it, in which case it follows the value.

    ```pycon
    >>> from cooprules.parameters import Surplus
    >>> law = Citation("Example Act", "s. 1", "XX")
    >>> reserve = Parameter.of(Surplus.legal_reserve_rate, Rate.of("10%"), RuleKind.LAW, law,
    ...                        minimum=Rate.of("10%"), maximum=Rate.of("50%"))
    >>> raised = moved(reserve, Rate.of("13%"))
    >>> str(raised.value), str(raised.minimum), str(raised.maximum)
    ('13%', '13%', '50%')

    ```
    """
    return attrs.evolve(
        parameter,
        value=value,
        minimum=_follow(parameter.minimum, parameter.value, value, lower=True),
        maximum=_follow(parameter.maximum, parameter.value, value, lower=False),
    )


def replace_parameter(regime: Regime, version: Parameter, by: Parameter) -> Regime:
    """A copy of ``regime`` in which ``version`` (its own or an ancestor's) is ``by``.

    The regime of the lineage that holds ``version`` is rebuilt with `attrs.evolve()`, then
    every regime above it that ``extends`` it, so the copy is a valid regime with the same code,
    rule sets and other parameters.

    Raises:
        InvalidInput: no regime of the lineage holds ``version``.
    """
    chain = regime.lineage
    depth = next((i for i, member in enumerate(chain) if version in member.parameters), None)
    if depth is None:
        raise InvalidInput(
            "version", version.key, f"not a parameter of {regime.code} or of a regime it extends"
        )
    holder = chain[depth]
    rebuilt = attrs.evolve(
        holder, parameters=tuple(by if p == version else p for p in holder.parameters)
    )
    for above in reversed(chain[:depth]):
        rebuilt = attrs.evolve(above, extends=rebuilt)
    return rebuilt


def _steps(explanation: Explanation) -> tuple[object, ...]:
    return tuple((s.what.en, s.inputs, s.result, s.note) for s in explanation.steps)


def _sorted_items(values: Mapping[Any, object]) -> tuple[tuple[str, object], ...]:
    return tuple(sorted((str(getattr(k, "value", k)), v) for k, v in values.items()))


class _Paths:
    """A fingerprint under construction: each result under a path of its own."""

    def __init__(self) -> None:
        self.values: dict[str, object] = {}
        self._seen: dict[str, int] = {}

    def base(self, name: str) -> str:
        count = self._seen.get(name, 0) + 1
        self._seen[name] = count
        return name if count == 1 else f"{name}#{count}"

    def add(self, path: str, value: object) -> None:
        self.values[path] = value


def report_fingerprint(report: YearReport) -> dict[str, object]:
    """Every figure and explanation of a year's report, by path, for comparing two reports.

    The paths read like the report:

    * ``members[ana].status`` and ``.category``;
    * ``deadlines[eva:fr.cae.become_associate].due``, ``.state`` and ``.explanation``;
    * ``levies[a1].months`` (the levy of each month) and ``.total``;
    * ``distribution.unallocated``; ``distribution.steps[legal_reserve].amount``, ``.shares``,
      ``.in_shares``, ``.overflow`` and ``.explanation``;
    * ``withholding.lines`` (each member's gross, exempt part and tax) and ``.explanation``;
    * ``votes[d1].adopted``, ``.quorum_reached``, ``.share_for``, ``.tally``,
      ``.college_shares``, ``.reductions`` and ``.explanation``;
    * ``register.explanation`` (the register-wide checks, such as the Belgian quota);
    * ``violations[code:subject]``: the severity and message of each violation.

    An explanation is its steps: what each computes, its inputs, its result and its note. A
    levy's explanation is left out: it restates the month's base and schedule, which its amount
    already reflects, and building it for every month of every activity is the slowest part of a
    report. The findings of the statutes' validation
    ([`cooprules.regime.validate()`][cooprules.regime.validate], codes ``statutes.*``) are under
    ``validation[code:subject]`` instead, as they judge the statutes rather than compute the year.
    """
    out = _Paths()
    for row in report.members:
        base = out.base(f"members[{row.id}]")
        out.add(f"{base}.status", row.status)
        out.add(f"{base}.category", row.category)
    for deadline in report.deadlines:
        base = out.base(f"deadlines[{deadline.subject}:{deadline.code}]")
        out.add(f"{base}.due", deadline.due)
        out.add(f"{base}.state", deadline.state)
        out.add(f"{base}.explanation", _steps(deadline.explanation))
    for levy in report.levies:
        base = out.base(f"levies[{levy.activity}]")
        out.add(f"{base}.months", levy.months)
        out.add(f"{base}.total", levy.total)
    if report.distribution is not None:
        out.add("distribution.unallocated", report.distribution.unallocated)
        for step in report.distribution.steps:
            base = out.base(f"distribution.steps[{step.code}]")
            out.add(f"{base}.amount", step.amount)
            out.add(f"{base}.shares", _sorted_items(step.shares))
            out.add(f"{base}.in_shares", _sorted_items(step.in_shares))
            out.add(f"{base}.overflow", step.overflow)
            out.add(f"{base}.explanation", _steps(step.explanation))
    if report.withholding is not None:
        lines = report.withholding.lines
        out.add(
            "withholding.lines", tuple((w.member, w.gross, w.exempt, w.withheld) for w in lines)
        )
        out.add("withholding.explanation", _steps(report.withholding.explanation))
    for vote in report.votes:
        base = out.base(f"votes[{vote.id}]")
        result = vote.result
        out.add(f"{base}.adopted", result.adopted)
        out.add(f"{base}.quorum_reached", result.quorum_reached)
        out.add(f"{base}.share_for", result.share_for)
        out.add(f"{base}.tally", _sorted_items(result.tally))
        out.add(f"{base}.college_shares", _sorted_items(result.college_shares))
        out.add(
            f"{base}.reductions",
            tuple((r.subject, r.raw, r.effective, r.reason.en) for r in result.reductions),
        )
        out.add(f"{base}.explanation", _steps(result.explanation))
    out.add("register.explanation", _steps(report.register))
    found: dict[str, list[tuple[str, str]]] = {}
    for violation in report.violations:
        kind = "validation" if violation.code in _VALIDATION_CODES else "violations"
        found.setdefault(f"{kind}[{violation.code}:{violation.subject}]", []).append(
            (violation.severity.value, violation.message.en)
        )
    for path, messages in found.items():
        out.add(path, tuple(sorted(messages)))
    return out.values


def _fingerprint_of(scenario: Scenario, as_of: date, regime: Regime) -> dict[str, object]:
    try:
        return report_fingerprint(evaluate(scenario, as_of=as_of, regime=regime))
    except CoopRulesError as error:
        return {_ERROR: f"{type(error).__name__}: {error}"}


def _differences(before: Mapping[str, object], after: Mapping[str, object]) -> list[str]:
    if _ERROR in before or _ERROR in after:
        return [] if before == after else [f"{_ERROR}: {after.get(_ERROR, 'none any more')}"]
    return sorted(
        path
        for path in before.keys() | after.keys()
        if before.get(path, _MISSING) != after.get(path, _MISSING)
    )


def _show_value(value: object) -> str:
    if isinstance(value, Money):
        return f"{format(value.amount, 'f')} {value.currency.code}"
    return str(value)


def _judged(regime: Regime, key: str, value: object, as_of: date) -> tuple[str, ...]:
    found = validate(Statutes(regime=regime.code, values={key: value}), regime, as_of)
    return tuple(sorted(f.code for f in found))


@attrs.frozen
class ParameterReading:
    """Whether one version of a parameter is read: what was tried, and which results moved.

    Attributes:
        key: the parameter's key.
        holder: the code of the regime of the lineage that declares this version.
        valid_from: the first day of this version.
        value: the law's value.
        tried: the values put in its place ([`nudges()`][cooprules.testing.nudges]), with the bounds
            moved along.
        engine: the results of the year that moved with it, as ``"scenario: path"`` (see
            [`report_fingerprint()`][cooprules.testing.report_fingerprint]), for the first value and
            scenario that moved any; empty when no engine result moved: no engine reads it.
        validation: how the statutes' validation moved: a statute at the law's value (or at the
            value tried) judged differently, or a finding of a scenario's own statutes.
        exempt: the plug-in's reason why no engine reads it, if it declared one.
    """

    key: str
    holder: str
    valid_from: date
    value: object
    tried: tuple[object, ...]
    engine: tuple[str, ...] = ()
    validation: tuple[str, ...] = ()
    exempt: str | None = None

    @property
    def read(self) -> bool:
        """Some result of an engine moved with the parameter."""
        return bool(self.engine)

    @property
    def status(self) -> str:
        """``read``, ``validation only``, ``not read``, ``exempt`` or ``exempt but read``."""
        if self.exempt is not None:
            return "exempt but read" if self.read else "exempt"
        if self.read:
            return "read"
        return "validation only" if self.validation else "not read"

    def describe(self) -> str:
        """One line: the key, its version, its status and the evidence."""
        since = "" if self.valid_from == date.min else f" from {self.valid_from.isoformat()}"
        line = f"{self.key} = {_show_value(self.value)} ({self.holder}{since}): {self.status}"
        if self.engine:
            more = " …" if len(self.engine) > _SHOWN else ""
            line += f"; moved {', '.join(self.engine[:_SHOWN])}{more}"
        elif self.validation:
            line += f"; only the statutes' validation moved ({self.validation[0]})"
        if self.exempt is not None:
            line += f"; exempt: {self.exempt}"
        return line


@attrs.frozen
class LawReading:
    """What `check_law_is_read()` found for one regime.

    A key is read when one of its versions probed moved a result of an engine: the year reads
    the law on more than one date (the distribution on its meeting's, a SCIC's art. 14 cap being
    the meeting year's), so the version in force on the evaluation's date may rightly move
    nothing while the meeting's does.

    Attributes:
        regime: the regime's code.
        scenarios: the scenarios evaluated (their sources).
        parameters: one reading per version of a numeric parameter in force on a scenario's date.
        unused_exemptions: exempt keys that were never probed (no numeric version in force on the
            scenarios' dates): the exemption cannot be checked there.
    """

    regime: str
    scenarios: tuple[str, ...]
    parameters: tuple[ParameterReading, ...]
    unused_exemptions: tuple[str, ...] = ()

    def of_key(self, key: str) -> tuple[ParameterReading, ...]:
        """The readings of every version of ``key`` probed."""
        return tuple(p for p in self.parameters if p.key == key)

    @property
    def read_keys(self) -> frozenset[str]:
        """The keys a version of which moved a result of an engine."""
        return frozenset(p.key for p in self.parameters if p.read)

    @property
    def not_read(self) -> tuple[ParameterReading, ...]:
        """Versions of keys no engine reads, not exempt: an engine holds its own copy."""
        read = self.read_keys
        return tuple(p for p in self.parameters if p.key not in read and p.exempt is None)

    @property
    def wrongly_exempt(self) -> tuple[ParameterReading, ...]:
        """Exempt versions that an engine reads after all: the exemption is to be removed."""
        return tuple(p for p in self.parameters if p.read and p.exempt is not None)

    @property
    def ok(self) -> bool:
        """Every key is read by an engine or exempt, and no exemption is read."""
        return not self.not_read and not self.wrongly_exempt

    def render(self) -> str:
        """One line per version probed, the problems first."""
        problems = (*self.not_read, *self.wrongly_exempt)
        rest = tuple(p for p in self.parameters if p not in problems)
        read = self.read_keys
        lines = [f"{self.regime}, on {', '.join(self.scenarios) or 'no scenario'}:"]
        for reading in (*problems, *rest):
            line = f"  {reading.describe()}"
            if not reading.read and reading.key in read:
                line += " (another version of the key is read)"
            lines.append(line)
        if self.unused_exemptions:
            lines.append(f"  exemptions not probed here: {', '.join(self.unused_exemptions)}")
        return "\n".join(lines)


@attrs.frozen
class _Run:
    """One scenario, its dates and its report under the regime as it is."""

    scenario: Scenario
    as_of: date
    dates: tuple[date, ...]
    baseline: dict[str, object] = attrs.field(eq=False)


def _versions(regime: Regime, runs: Sequence[_Run]) -> dict[tuple[str, Parameter], list[int]]:
    """Each numeric version in force on some scenario's date, its holder, and those scenarios."""
    found: dict[tuple[str, Parameter], list[int]] = {}
    keys = sorted({p.key for member in regime.lineage for p in member.parameters})
    for index, run in enumerate(runs):
        for day in run.dates:
            for key in keys:
                for member in regime.lineage:
                    version = next(
                        (p for p in member.parameters if p.key == key and p.in_force(day)), None
                    )
                    if version is None:
                        continue
                    if _numeric(version.value):
                        users = found.setdefault((member.code, version), [])
                        if index not in users:
                            users.append(index)
                    break
    return dict(sorted(found.items(), key=lambda item: (item[0][1].key, item[0][1].valid_from)))


def _probe(
    regime: Regime,
    holder: str,
    version: Parameter,
    runs: Sequence[_Run],
    exempt: str | None,
) -> ParameterReading:
    day = next(d for run in runs for d in run.dates if version.in_force(d))
    tried = nudges(version.value)
    engine: list[str] = []
    validation: list[str] = []
    before = {v: _judged(regime, version.key, v, day) for v in (version.value, *tried)}
    for value in tried:
        copy = replace_parameter(regime, version, moved(version, value))
        for shown in (version.value, value):
            after = _judged(copy, version.key, shown, day)
            if after != before[shown]:
                was, now = ", ".join(before[shown]) or "valid", ", ".join(after) or "valid"
                validation.append(
                    f"{version.key} = {_show_value(shown)} in the statutes, law at "
                    f"{_show_value(value)}: {was} -> {now}"
                )
        if engine:
            continue
        for run in runs:
            if not any(version.in_force(d) for d in run.dates):
                continue
            after_run = _fingerprint_of(run.scenario, run.as_of, copy)
            changed = _differences(run.baseline, after_run)
            validation.extend(
                f"{run.scenario.source}: {path}" for path in changed if path.startswith(_VALIDATION)
            )
            moved_paths = [path for path in changed if not path.startswith(_VALIDATION)]
            if moved_paths:
                engine = [f"{run.scenario.source}: {path}" for path in moved_paths]
                break
    return ParameterReading(
        key=version.key,
        holder=holder,
        valid_from=version.valid_from,
        value=version.value,
        tried=tried,
        engine=tuple(engine),
        validation=tuple(dict.fromkeys(validation)),
        exempt=exempt,
    )


def check_law_is_read(
    regime: Regime,
    scenarios: Iterable[Scenario | str | Path],
    *,
    exempt: Mapping[str, str] | None = None,
) -> LawReading:
    """Change each figure of the law in a copy of the regime, and see which results move.

    No engine may hold its own copy of a legal figure (``docs/architecture.md``): every engine
    reads it from the regime through [`cooprules.regime.bind()`][cooprules.regime.bind]. This checks
    it from the outside. For each version of a numeric parameter (a ``Rate``, ``int``, amount or
    ``Decimal``; not a ``bool`` or a ``str``, nor a parameter without a value) in force on one of
    a scenario's dates (its evaluation's, its meeting's, its distribution's):

    1. a copy of the regime is built with the value changed ([`nudges()`][cooprules.testing.nudges]:
       up, then down if nothing moved), its bounds moved along
       ([`moved()`][cooprules.testing.moved]); the version may be an ancestor's
       (``regime.lineage``): the regime that holds it is rebuilt with `attrs.evolve()`, and every
       regime above it ([`replace_parameter()`][cooprules.testing.replace_parameter]);
    2. each scenario for which the version is in force is evaluated with the copy
       ([`cooprules.report.evaluate()`][cooprules.report.evaluate]) and compared with its report
       under the regime as it is, through
       [`report_fingerprint()`][cooprules.testing.report_fingerprint] (figures *and* explanations:
       statuses, deadlines, levies per month, the distribution's steps, amounts and explanation,
       votes, violations, the register's explanation); an evaluation that fails with the copy, and
       not without it, counts as a result that moved;
    3. apart from that, a statute set at the law's value (and one at the value tried) is
       validated ([`cooprules.regime.validate()`][cooprules.regime.validate]) against both regimes:
       a statute at the bound is judged differently when the bound moves.

    A parameter is **read** when a result of an engine moved; one that moves only the statutes'
    validation is reported as such (``validation only``) and is *not* read: the year's figures
    came from somewhere else. The original runs are computed once; a version stops being tried
    at the first scenario where a result moved.

    A scenario may be written for a sibling regime of the same plug-in: it is evaluated with
    ``regime`` all the same (its statutes then add a ``statutes.regime_mismatch``, the same in
    both runs), so a plug-in with few sample files can exercise every regime.

    Args:
        regime: the regime to check.
        scenarios: scenario files (read in the regime's currency) or loaded scenarios; each is
            evaluated on [`scenario_date()`][cooprules.testing.scenario_date].
        exempt: keys that no engine reads by design (a figure that only bounds the statutes, such
            as a minimum number of founders), each with the reason. They are probed all the
            same: an exemption that turns out to be read is reported
            ([`LawReading.wrongly_exempt`][cooprules.testing.LawReading.wrongly_exempt]), so the
            list can only shrink.

    Returns:
        The reading of every version probed; [`LawReading.ok`][cooprules.testing.LawReading.ok] says
        whether the law is read.

    Raises:
        CoopRulesError: a scenario cannot be read, or cannot be evaluated with the regime as it
            is (choose scenarios the regime can run).
    """
    exemptions = dict(exempt or {})
    runs: list[_Run] = []
    for item in scenarios:
        scenario = (
            item
            if isinstance(item, Scenario)
            else load(item, currency_of_regime=lambda _code: regime.currency)
        )
        as_of = scenario_date(scenario)
        baseline = report_fingerprint(evaluate(scenario, as_of=as_of, regime=regime))
        runs.append(_Run(scenario, as_of, _law_dates(scenario), baseline))
    readings = tuple(
        _probe(regime, holder, version, runs, exemptions.get(version.key))
        for (holder, version) in _versions(regime, runs)
    )
    probed = {reading.key for reading in readings}
    return LawReading(
        regime=regime.code,
        scenarios=tuple(run.scenario.source for run in runs),
        parameters=readings,
        unused_exemptions=tuple(sorted(set(exemptions) - probed)),
    )
