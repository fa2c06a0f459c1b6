"""Decisions whose majority and quorums are the law file's figures (``DecisionOfLaw``).

The figures come from the plug-ins' law files: the Belgian CSA art. 6:85 (3/4 of the votes cast,
half of the shares at the first call), the French Code de commerce art. L225-96 (2/3 of the votes
cast, 1/4 then 1/5) and L225-98 (1/5 at the first call, the majority only recalled), the Quebec
Cooperatives Act s. 58 (2/3 of the directors' votes) and s. 72 (a simple majority).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest

from cooprules.errors import InvalidInput, InvalidParameter
from cooprules.explain import Citation, RuleKind, Text
from cooprules.money import Rate
from cooprules.plugins import get_regime
from cooprules.regime import bind
from cooprules.testing import replace_parameter
from cooprules.voting import (
    Base,
    Choice,
    DecisionOfLaw,
    DecisionRule,
    Electorate,
    Majority,
    Meeting,
    QuorumOn,
    Voter,
    VotingRules,
    VotingStatutes,
    majority_key,
    quorum_key,
    tally,
)
from cooprules_adapters.be.sources import Keys as BeKeys
from cooprules_adapters.fr.sources import Keys as FrKeys
from cooprules_adapters.qc.sources import Keys as QcKeys
from cooprules_adapters.qc.voting import VOTING as QC_VOTING

ON = date(2026, 5, 20)


def _rules(code: str, on: date = ON) -> VotingRules:
    rules = bind(get_regime(code), as_of=on).rule_set(VotingRules)
    assert rules is not None
    return rules


def _decision(rules: VotingRules, kind: str) -> DecisionRule:
    found = rules.decision(kind)
    assert found is not None
    return found


def test_belgian_amendment_reads_csa_6_85_from_the_law_file():
    rule = _decision(_rules("be-cnc"), "amend_articles")
    assert rule.majority == Majority(Fraction(3, 4))
    assert rule.quorum is not None
    assert (rule.quorum.share, rule.quorum.on) == (Fraction(1, 2), QuorumOn.VOTES)
    assert rule.second_quorum is None  # a second meeting deliberates whatever the attendance
    assert rule.citation.article.startswith("art. 6:85")
    assert rule.kind_of_rule is RuleKind.DEFAULT  # the parameter's kind: the articles may change it


def test_belgian_change_of_object_is_left_to_the_statutes():
    rule = _decision(_rules("be-cnc"), "amend_object")
    assert rule.majority is None  # CSA 6:86 is [UNC]: no figure is presented as law
    assert rule.kind_of_rule is RuleKind.STATUTE
    assert rule.citation.confidence.value == "UNC"


def test_french_sa_extraordinary_meeting_reads_l225_96():
    rule = _decision(_rules("fr-scic"), "sa.extraordinary")
    assert rule.majority == Majority(Fraction(2, 3))
    assert rule.quorum_for(1) is not None
    assert rule.quorum_for(2) is not None
    assert (rule.quorum_for(1).share, rule.quorum_for(2).share) == (  # type: ignore[union-attr]
        Fraction(1, 4),
        Fraction(1, 5),
    )
    assert rule.citation.article == "art. L225-96"


def test_french_sarl_majority_is_of_the_votes_present():
    rule = _decision(_rules("fr-scop"), "sarl.extraordinary")
    assert rule.majority == Majority(Fraction(2, 3), base=Base.PRESENT)


def test_quebec_board_majority_is_s58_two_thirds_and_a_law_rule():
    rules = _rules("qc-work")
    rule = _decision(rules, "board.suspend_or_exclude")
    assert rule.majority == Majority(Fraction(2, 3))
    assert rule.body == "board"
    assert rule.kind_of_rule is RuleKind.LAW
    simple = _decision(rules, "ordinary")
    assert simple.majority == Majority(Fraction(1, 2), strict=True)
    assert simple.citation.article == "s. 72"


def test_every_figure_of_a_decision_is_a_parameter_of_the_regime():
    regime = get_regime("fr-scop")
    for key in (FrKeys.sa_ordinary_quorum, FrKeys.sarl_extraordinary_second_quorum):
        assert regime.parameter(key, ON).citation.instrument == "Code de commerce"
    assert get_regime("be-sces").find(BeKeys.amend_articles_majority, ON) is not None
    assert get_regime("qc-producer").find(QcKeys.merger_majority, ON) is not None


def test_a_change_in_the_law_file_changes_the_count():
    # Raise the Quebec merger majority from 2/3 to 3/4 in a copy of the regime: 7 for out of 10
    # passes under the law (70 % >= 2/3) and fails under the copy.
    regime = get_regime("qc-work")
    version = regime.parameter(QcKeys.merger_majority, ON)
    copy = replace_parameter(regime, version, attrs.evolve(version, value=Rate.of("3/4")))
    voters = Electorate.of(Voter(f"m{i}") for i in range(10))
    ballots = {f"m{i}": Choice.FOR if i < 7 else Choice.AGAINST for i in range(10)}
    meeting = Meeting(ON, "merger", voters, ballots)
    assert tally(meeting, _rules("qc-work")).adopted
    bound = QC_VOTING.bound(bind(copy, as_of=ON))
    assert not tally(meeting, bound).adopted


def test_an_unbound_decision_is_refused_not_guessed():
    voters = Electorate.of(Voter(f"m{i}") for i in range(3))
    meeting = Meeting(ON, "merger", voters, {"m0": Choice.FOR})
    with pytest.raises(InvalidInput, match="decisions\\[merger\\]"):
        tally(meeting, QC_VOTING)


def test_a_decision_not_in_force_is_left_out():
    # Before any version of the majority is in force (date.min is not), nothing is invented.
    label = Text(en="a test", fr="un essai")
    rule = DecisionOfLaw("test", label, majority_key("xx.test_majority", label))
    rules = bind(get_regime("qc-work"), as_of=ON)
    assert rule.bound(rules) is None


def test_statutes_filling_an_unsure_majority_keep_the_laws_quorum():
    # SA ordinary meeting (L225-98): quorum 1/5 at the first call [SRC], majority recalled only
    # [MEM]. The statutes give a simple majority; 1 present of 10 is below the law's quorum.
    ours = Citation("Statutes of the co-op", "art. 30", "coop")
    statute_rule = DecisionRule(
        "sa.ordinary",
        Text(en="ordinary meeting", fr="assemblée ordinaire"),
        Majority(Fraction(1, 2), strict=True),
        ours,
        kind_of_rule=RuleKind.STATUTE,
    )
    statutes = VotingStatutes(citation=ours, decisions=(statute_rule,))
    voters = Electorate.of(Voter(f"m{i}") for i in range(10))
    meeting = Meeting(ON, "sa.ordinary", voters, {"m0": Choice.FOR})
    result = tally(meeting, _rules("fr-scic"), statutes=statutes)
    assert not result.quorum_reached
    assert not result.adopted
    assert result.rule.majority == Majority(Fraction(1, 2), strict=True)


def test_keys_of_decisions_describe_themselves_and_refuse_a_third_call():
    label = Text(en="a merger", fr="une fusion")
    assert quorum_key("xx.merger_quorum", label, call=2).description.fr == (
        "quorum sur seconde convocation pour une fusion"
    )
    with pytest.raises(InvalidInput, match="call"):
        quorum_key("xx.merger_quorum", label, call=3)
    with pytest.raises(InvalidParameter, match="decisions\\[empty\\]"):
        DecisionOfLaw("empty", label, None)
