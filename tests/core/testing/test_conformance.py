"""The plug-in author kit's conformance suite, run over the eleven regimes cooprules ships.

Our regimes are checked exactly as a third party's: :class:`cooprules.testing.RegimeConformance`
finds them through the entry points.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest

from cooprules import load_regimes
from cooprules.explain import Citation, RuleKind, Severity, Text
from cooprules.membership import Category, EventKind, MembershipRules, Status, graph
from cooprules.money import Rate
from cooprules.parameters import Company, Voting
from cooprules.regime import Parameter, Regime
from cooprules.testing import (
    PROPERTY_CHECKS,
    RegimeConformance,
    check_regime,
    check_vote_caps,
    conformance_dates,
)
from cooprules.voting import (
    CollegeBounds,
    DecisionRule,
    Majority,
    MemberCap,
    ProxyPolicy,
    VotingRules,
)

CATALOGUE = load_regimes()
SHIPPED = tuple(
    code for code in CATALOGUE.codes() if CATALOGUE.providers[code] in {"be", "fr", "qc"}
)


def test_the_eleven_shipped_regimes_are_checked():
    assert len(SHIPPED) == 11


class TestShippedRegimes(RegimeConformance):
    codes = SHIPPED
    max_examples = 25


# This found a bug where the Quebec voting rules let the status supporting_member vote while the
# Quebec membership rules never lead to it (supporting members are members of a category there).


@pytest.mark.parametrize("code", SHIPPED)
def test_findings_are_bilingual(code: str):
    for finding in check_regime(CATALOGUE.get(code)):
        assert finding.code.startswith("conformance.")
        assert finding.message.en.strip()
        assert finding.message.fr.strip()
        assert finding.message.en != finding.message.fr


def test_no_shipped_regime_has_an_error():
    errors = {
        (code, f.code)
        for code in SHIPPED
        for f in check_regime(CATALOGUE.get(code))
        if f.severity is Severity.ERROR
    }
    assert errors == set()


# --- check_regime finds what is wrong ----------------------------------------------------------

LAW = Citation("Example Act", "s. 1", "XX", url="https://example.org/act")
GRAPH = graph(
    {
        Status.NONE: [EventKind.APPLIED],
        Status.APPLICANT: [EventKind.ADMITTED, EventKind.EXITED],
        Status.MEMBER: [EventKind.RESIGNED, EventKind.SUSPENDED],
        Status.SUSPENDED: [EventKind.REINSTATED],
    },
    citation=LAW,
)
VOTING = VotingRules(
    code="xx-good",
    proxies=ProxyPolicy(allowed=False, citation=LAW),
    decisions=(
        DecisionRule(
            "ordinary", Text(en="ordinary", fr="ordinaire"), Majority(Fraction(1, 2)), LAW
        ),
    ),
    member_caps=(MemberCap(Rate.of("1/10"), LAW),),
)
GOOD = Regime(
    code="xx-good",
    name="Coopérative",
    name_en="Co-operative",
    jurisdiction="XX",
    currency="EUR",
    languages=("fr",),
    citations=(LAW,),
    description=Text(en="A test regime.", fr="Un régime de test."),
    parameters=(
        Parameter.of(Voting.member_vote_cap, Rate.of("1/10"), RuleKind.LAW, LAW),
        Parameter("xx.own_rule", 3, RuleKind.DEFAULT, LAW, Text(en="own", fr="propre"), minimum=1),
    ),
    rules=(MembershipRules(GRAPH), VOTING),
)


def _codes(regime: Regime, **options: object) -> set[str]:
    return {f.code for f in check_regime(regime, **options) if f.severity is Severity.ERROR}


def test_a_good_regime_has_no_error():
    assert _codes(GOOD) == set()


def test_dates_include_every_change():
    regime = attrs.evolve(
        GOOD,
        parameters=(
            Parameter.of(Company.min_members, 3, RuleKind.LAW, LAW, valid_until=date(2024, 1, 1)),
            Parameter.of(Company.min_members, 2, RuleKind.LAW, LAW, valid_from=date(2024, 1, 1)),
        ),
    )
    assert date(2024, 1, 1) in conformance_dates(regime)
    assert date(1999, 1, 1) in conformance_dates(regime, [date(1999, 1, 1)])


def test_code_currency_and_citations():
    other = Citation("Other Act", "s. 2", "YY", url="ftp://example.org")
    regime = attrs.evolve(GOOD, code="yy-good", citations=(other,))
    codes = _codes(regime)
    assert {"conformance.code_jurisdiction", "conformance.citation_jurisdiction"} <= codes
    assert "conformance.citation_url" in codes
    no_url = attrs.evolve(GOOD, citations=(Citation("Example Act", "s. 1", "XX"),))
    assert "conformance.citation_without_url" in _codes(no_url)
    assert "conformance.citations_missing" in _codes(attrs.evolve(GOOD, citations=()))


def test_undeclared_key_and_own_prefix():
    stray = Parameter("zz.rule", 1, RuleKind.LAW, LAW, Text(en="stray", fr="égaré"))
    regime = attrs.evolve(GOOD, parameters=(*GOOD.parameters, stray))
    assert "conformance.undeclared_key" in _codes(regime)
    assert "conformance.undeclared_key" not in _codes(regime, prefixes=["xx", "zz"])


def test_statute_with_a_value_is_a_warning():
    chosen = Parameter.of(Company.min_members, 3, RuleKind.STATUTE, LAW)
    regime = attrs.evolve(GOOD, parameters=(chosen,))
    found = {f.code: f.severity for f in check_regime(regime)}
    assert found["conformance.statute_with_value"] is Severity.WARNING


def test_missing_rule_sets():
    codes = _codes(attrs.evolve(GOOD, rules=()))
    assert codes == {"conformance.rule_set_missing"}


def test_insane_membership_rules():
    rules = MembershipRules(
        graph(
            {
                Status.APPLICANT: [EventKind.ADMITTED],
                Status.MEMBER: [EventKind.REINSTATED, EventKind.EXTENDED],
            },
            citation=LAW,
        )
    )
    codes = _codes(attrs.evolve(GOOD, rules=(rules, VOTING)))
    assert {
        "conformance.membership_no_entry",
        "conformance.membership_reinstated_not_suspended",
        "conformance.membership_annotation_transition",
        "conformance.voting_status_unreachable",
    } <= codes


def test_dead_end_status():
    rules = MembershipRules(graph({Status.NONE: [EventKind.APPLIED]}, citation=LAW))
    assert "conformance.membership_dead_end" in _codes(attrs.evolve(GOOD, rules=(rules, VOTING)))


def test_membership_rules_without_a_general_rule_are_a_warning():
    table = {Status.NONE: [EventKind.ADMITTED], Status.MEMBER: [EventKind.RESIGNED]}
    bare = MembershipRules(graph(table))
    found = {f.code: f.severity for f in check_regime(attrs.evolve(GOOD, rules=(bare, VOTING)))}
    assert found["conformance.membership_no_general_rule"] is Severity.WARNING
    for cited in (
        MembershipRules(graph(table), citation=LAW),
        MembershipRules(graph(table, citation=LAW)),
    ):
        codes = {f.code for f in check_regime(attrs.evolve(GOOD, rules=(cited, VOTING)))}
        assert "conformance.membership_no_general_rule" not in codes


def test_insane_voting_rules():
    voting = attrs.evolve(
        VOTING,
        decisions=(),
        voting_statuses=frozenset(),
        member_caps=(MemberCap(Rate.of("1/10"), LAW), MemberCap(Rate.of("1/5"), LAW)),
        college_bounds=CollegeBounds(Fraction(1, 2), Fraction(1, 3), LAW),
    )
    codes = _codes(attrs.evolve(GOOD, rules=(MembershipRules(GRAPH), voting)))
    assert {
        "conformance.voting_no_decision",
        "conformance.voting_no_status",
        "conformance.voting_caps_overlap",
        "conformance.voting_college_bounds",
    } <= codes


def test_unknown_voting_category():
    membership = MembershipRules(
        GRAPH, categories=(Category("worker", Text(en="worker", fr="travailleur")),)
    )
    voting = attrs.evolve(VOTING, voting_categories=frozenset({"worker", "ghost"}))
    codes = _codes(attrs.evolve(GOOD, rules=(membership, voting)))
    assert codes == {"conformance.voting_unknown_category"}


def test_property_checks_pass_on_a_good_regime():
    for check in PROPERTY_CHECKS:
        check(GOOD, max_examples=10)


def test_property_checks_skip_without_rules():
    with pytest.raises(pytest.skip.Exception):
        check_vote_caps(attrs.evolve(GOOD, rules=()), max_examples=1)


def test_voting_rules_reading_the_law_are_checked_bound():
    # A Quebec regime's voting rules read their one-vote rule (s. 4) from the law file: checked
    # bound on each date, a finding cites that rule, not the unbound rule set's missing citation.
    regime = load_regimes().get("qc-work")
    voting = regime.rule_set(VotingRules)
    assert voting is not None
    assert voting.reads_law
    ghost = attrs.evolve(voting, voting_statuses=voting.voting_statuses | {Status.APPLICANT})
    membership = MembershipRules(graph({Status.NONE: [EventKind.ADMITTED]}, citation=LAW))
    findings = check_regime(attrs.evolve(regime, rules=(membership, ghost)))
    unreachable = [f for f in findings if f.code == "conformance.voting_status_unreachable"]
    assert unreachable  # once, however many dates show it
    assert len({f.subject for f in unreachable}) == len(unreachable)
    assert all(f.citation is not None and f.citation.article == "s. 4" for f in unreachable)
