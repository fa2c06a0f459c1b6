"""What the voting engine refuses, each refusal naming its field, its value and why."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from cooprules.errors import InvalidInput, InvalidParameter, UnknownMember
from cooprules.explain import Text
from cooprules.regime import Regime, bind
from cooprules.voting import (
    Choice,
    CollegeBoundsOfLaw,
    DecisionOfLaw,
    Electorate,
    Majority,
    Meeting,
    Quorum,
    Voter,
    VotingRules,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr.regimes import FR_SCIC
from cooprules_adapters.qc.regimes import QC_COOP

DAY = date(2026, 6, 1)
F = Choice.FOR
VOTERS = Electorate.of([Voter("a"), Voter("b")])


def rules_of(regime: Regime) -> VotingRules:
    found = bind(regime, as_of=DAY).rule_set(VotingRules)
    assert found is not None
    return found


def test_a_ballot_from_a_stranger_is_refused_naming_them() -> None:
    with pytest.raises(UnknownMember) as caught:
        tally(Meeting(DAY, "ordinary", VOTERS, {"a": F, "zed": F, "yan": F}), rules_of(QC_COOP))
    assert (caught.value.field, caught.value.value) == ("ballots", "yan")  # the first by id
    assert str(caught.value) == "ballots: not in the register (got 'yan')"


@pytest.mark.parametrize("ballot", [0.5, "for", None])
def test_a_ballot_that_is_not_a_choice_is_refused(ballot: object) -> None:
    meeting = Meeting(DAY, "ordinary", VOTERS, {"a": F, "b": ballot})  # type: ignore[dict-item]
    with pytest.raises(InvalidInput) as caught:
        tally(meeting, rules_of(QC_COOP))
    assert (caught.value.field, caught.value.value) == ("ballots", ballot)
    assert str(caught.value) == (
        f"ballots: a ballot is a Choice (for, against, abstain, blank) (got {ballot!r})"
    )


def test_a_cap_of_the_law_still_to_read_is_refused_before_counting() -> None:
    # The Belgian accredited co-op's 1/10 cap (AR 8 Jan 1962 art. 1) is a figure of the law
    # file: rules not bound to the meeting's date cannot count with it.
    unbound = BE_CNC.rule_set(VotingRules)
    assert unbound is not None
    meeting = Meeting(DAY, "amend_articles", VOTERS, {"a": F, "b": F})
    with pytest.raises(InvalidInput) as caught:
        tally(meeting, unbound)
    assert (caught.value.field, caught.value.value) == ("rules", "voting.member_vote_cap")
    assert str(caught.value).startswith(
        "rules: this cap is the law's figure: bind the rules to the date first "
        "(bind(regime, statutes, as_of=...).rule_set(VotingRules))"
    )


def test_college_bounds_of_the_law_still_to_read_are_refused() -> None:
    # Loi 1947 art. 19 octies: the SCIC's bounds on colleges (10 % to 50 %) are the law file's.
    rules = rules_of(FR_SCIC).evolve(college_bounds=CollegeBoundsOfLaw())
    meeting = Meeting(DAY, "sa.extraordinary", VOTERS, {"a": F, "b": F})
    with pytest.raises(InvalidInput) as caught:
        tally(meeting, rules)
    assert (caught.value.field, caught.value.value) == ("rules", "college_bounds")
    assert str(caught.value) == (
        "rules: the college bounds are the law's figures: bind the rules to the meeting's date "
        "(got 'college_bounds')"
    )


@pytest.mark.parametrize("share", [Fraction(101, 100), Fraction(3, 2), Fraction(2), Fraction(-1)])
def test_a_majority_or_quorum_beyond_the_whole_is_refused(share: Fraction) -> None:
    # A majority or a quorum is a share of the votes: more than all of them means nothing.
    with pytest.raises(InvalidParameter) as caught:
        Majority(share)
    assert (caught.value.field, caught.value.value) == ("threshold", share)
    assert caught.value.reason == "must be between 0 and 1"
    with pytest.raises(InvalidParameter) as caught:
        Quorum(share)
    assert (caught.value.field, caught.value.value) == ("share", share)


@pytest.mark.parametrize("share", [Fraction(0), Fraction(2, 3), Fraction(1)])
def test_a_majority_or_quorum_within_the_whole_is_accepted(share: Fraction) -> None:
    assert Majority(share).threshold == share
    assert Quorum(share).share == share


def test_a_decision_of_the_law_without_any_figure_is_refused() -> None:
    label = Text(en="amendment of the articles", fr="modification des statuts")
    with pytest.raises(InvalidParameter) as caught:
        DecisionOfLaw("amend_articles", label, None)
    assert (caught.value.field, caught.value.value) == ("decisions[amend_articles]", None)
    assert str(caught.value) == (
        "decisions[amend_articles]: a decision of the law names at least one figure (got None)"
    )
