"""The tally reads the ballots once when every ballot is a voter's: the general path's result.

`tally()` counts every ballot per (group, choice) in one pass (``_count_ballots``); when that pass
finds every ballot a voter's and a choice, the stages skip rebuilding the sets of ids, take the
counts from it and derive the votes present from them when everyone attending voted. These tests
pin that this is the same rule as the general path (the count disabled), on random meetings with
heavy voters, members who may not vote casting ballots, strangers, presence lists and proxies.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from datetime import date
from fractions import Fraction
from unittest import mock

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import CoopRulesError, UnknownMember
from cooprules.explain import Citation, Text
from cooprules.money import Rate
from cooprules.regime import bind
from cooprules.voting import (
    Base,
    Choice,
    College,
    DecisionRule,
    Electorate,
    Majority,
    Meeting,
    MemberCap,
    Proxy,
    ProxyPolicy,
    Voter,
    VoteResult,
    VotingRules,
    VotingStatutes,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr.regimes import FR_SCIC

tally_module = importlib.import_module("cooprules.voting.tally")
DAY = date(2026, 6, 1)
CNC = bind(BE_CNC, as_of=DAY).rule_set(VotingRules)
SCIC = bind(FR_SCIC, as_of=DAY).rule_set(VotingRules)
assert CNC is not None
assert SCIC is not None

IDS = [f"m{i}" for i in range(12)]
choices = st.sampled_from(list(Choice))


def _general(meeting: Meeting, rules: VotingRules, statutes: VotingStatutes | None) -> object:
    """The tally with the one-pass count disabled: every set rebuilt, every ballot checked."""
    with mock.patch.object(tally_module, "_count_ballots", return_value=None):
        return _outcome(meeting, rules, statutes)


def _outcome(meeting: Meeting, rules: VotingRules, statutes: VotingStatutes | None) -> object:
    try:
        return tally(meeting, rules, statutes=statutes)
    except CoopRulesError as error:
        return (type(error), str(error))


@st.composite
def meetings(draw: st.DrawFn) -> tuple[Meeting, VotingRules, VotingStatutes | None]:
    """A random meeting: voters with 1 to 60 votes in two colleges, a few who may not vote."""
    with_colleges = draw(st.booleans(), label="colleges")
    ids = draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=len(IDS), unique=True))
    excluded = {m: "candidate" for m in draw(st.sets(st.sampled_from(ids))) if len(ids) > 1}
    voters = [
        Voter(
            m,
            draw(st.sampled_from([1, 1, 1, 2, 7, 60])),
            ("a" if i % 2 else "b") if with_colleges else None,
            ("a" if i % 2 else "b") if with_colleges else None,
        )
        for i, m in enumerate(ids)
        if m not in excluded
    ]
    if not voters:
        college = "b" if with_colleges else None
        voters = [Voter(ids[0], 1, college, college)]
        excluded.pop(ids[0], None)
    colleges = (
        (College("a", {"a"}, Fraction(1, 2)), College("b", {"b"}, Fraction(1, 2)))
        if with_colleges
        else ()
    )
    electorate = Electorate.of(voters, colleges=colleges, excluded=excluded)
    people = sorted(electorate.voters.keys() | excluded.keys())
    stranger = draw(st.booleans(), label="a stranger votes") and draw(st.booleans())
    ballots = {m: draw(choices) for m in people if draw(st.booleans())}
    if stranger:
        ballots["zz"] = Choice.FOR
    present = None
    if draw(st.booleans(), label="presence list"):
        present = draw(st.sets(st.sampled_from(people)))
    proxies = draw(
        st.lists(st.builds(Proxy, st.sampled_from(people), st.sampled_from(people)), max_size=3)
    )
    meeting = Meeting(DAY, "amend_articles", electorate, ballots, present, proxies, call=2)
    if with_colleges:
        assert SCIC is not None
        return meeting, SCIC, VotingStatutes(SCIC.counting_citation, colleges=colleges)
    assert CNC is not None
    return meeting, CNC, None


@given(meetings())
def test_the_one_pass_count_gives_the_general_paths_result(
    drawn: tuple[Meeting, VotingRules, VotingStatutes | None],
) -> None:
    meeting, rules, statutes = drawn
    assert _outcome(meeting, rules, statutes) == _general(meeting, rules, statutes)


LAW = Citation("Example Act", "s. 1", "XX")
PER_SHARE_OF_PRESENT = VotingRules(
    code="xx-present",
    proxies=ProxyPolicy(allowed=True, citation=LAW),
    decisions=(
        DecisionRule(
            "ordinary",
            Text(en="ordinary", fr="ordinaire"),
            Majority(Fraction(1, 2), strict=True, base=Base.PRESENT),
            LAW,
        ),
    ),
    one_member_one_vote=False,
    member_caps=(MemberCap(Rate.of("1/10"), LAW),),
)
"""One vote per share capped at 1/10 of the votes present, a majority of the votes present: the
votes present per group reach the result."""


def _sum(values: Iterable[Fraction]) -> Fraction:
    return sum(values, Fraction(0))


@given(meetings())
def test_the_count_matches_the_rule_written_out(
    drawn: tuple[Meeting, VotingRules, VotingStatutes | None],
) -> None:
    # The rule written out directly, without proxies: the members attending are those on the
    # presence list (or who voted) and may vote; their ballots count; a member's votes are capped
    # at 1/10 of the votes attending; the share for is of the (capped) votes present.
    drawn_meeting, _, _ = drawn
    meeting = attrs.evolve(drawn_meeting, decision="ordinary", proxies=())
    voters, excluded = meeting.electorate.voters, meeting.electorate.excluded
    ballots = meeting.ballots
    if ballots.keys() - voters.keys() - excluded.keys():
        with pytest.raises(UnknownMember):
            tally(meeting, PER_SHARE_OF_PRESENT)
        return
    listed = ballots.keys() if meeting.present is None else meeting.present
    attending = listed & voters.keys()
    weight = sum(voters[m].weight for m in attending)
    cap = Fraction(weight, 10)
    votes = {m: min(Fraction(voters[m].weight), cap) for m in attending}
    counted = ballots.keys() & attending
    expected_for = sum((votes[m] for m in counted if ballots[m] is Choice.FOR), Fraction(0))
    present = sum(votes.values(), Fraction(0))

    result = tally(meeting, PER_SHARE_OF_PRESENT)

    assert (result.present_members, result.present_weight) == (len(attending), weight)
    assert result.counted == len(counted)
    for choice in Choice:
        assert result.tally[choice] == sum(
            (votes[m] for m in counted if ballots[m] is choice), Fraction(0)
        )
    # With colleges (of equal weight), each college present weighs the same in the share for.
    colleges = {voters[m].college for m in attending if votes[m]}
    if meeting.electorate.colleges:
        expected_share = sum(
            (
                Fraction(1, len(colleges))
                * _sum(
                    votes[m] for m in counted if (voters[m].college, ballots[m]) == (c, Choice.FOR)
                )
                / _sum(votes[m] for m in attending if voters[m].college == c)
                for c in colleges
            ),
            Fraction(0),
        )
    else:
        expected_share = expected_for / present if present else Fraction(0)
    assert result.share_for == expected_share
    capped = {m for m in attending if votes[m] < voters[m].weight}
    assert {r.subject for r in result.reductions} == capped
    refused = {v.subject: v.code for v in result.violations}
    assert refused == {
        **dict.fromkeys(ballots.keys() & voters.keys() - attending, "voting.ballot_not_present"),
        **dict.fromkeys(ballots.keys() & excluded.keys(), "voting.ballot_not_a_voter"),
    }


def _cnc_meeting(present: frozenset[str] | None) -> Meeting:
    voters = Electorate.of([Voter("ana", 30), Voter("bo", 5), Voter("cy"), Voter("di", 4)])
    ballots = {"ana": Choice.FOR, "bo": Choice.AGAINST, "cy": Choice.AGAINST, "di": Choice.FOR}
    return Meeting(DAY, "amend_articles", voters, ballots, present, call=2)


def test_everyone_voted_the_votes_present_follow_from_the_count() -> None:
    # Worked by hand (BE CNC, AR 8 Jan 1962 art. 1 §1: a member's votes capped at 1/10 of the
    # votes present or represented): 30 + 5 + 1 + 4 = 40 votes present, cap 4; ana's 30 become
    # 4, bo's 5 become 4: for 4 + 4 = 8, against 4 + 1 = 5, present 40 - 26 - 1 = 13.
    assert CNC is not None
    result = tally(_cnc_meeting(None), CNC)
    assert isinstance(result, VoteResult)
    assert result.present_weight == 40
    assert result.tally[Choice.FOR] == 8
    assert result.tally[Choice.AGAINST] == 5
    assert [(r.subject, r.effective) for r in result.reductions] == [("ana", 4), ("bo", 4)]
    assert result.share_for == Fraction(8, 13)


def test_a_member_present_who_did_not_vote_counts_in_the_votes_present_only() -> None:
    # The same meeting with "ed" present (1 vote) and not voting, recorded in the presence list:
    # 41 votes present, cap 41/10; ana 30 -> 41/10, bo 5 -> 41/10, di 4 stays: for 41/10 + 4,
    # against 41/10 + 1, counted 4 ballots, 5 members present.
    assert CNC is not None
    voters = Electorate.of(
        [Voter("ana", 30), Voter("bo", 5), Voter("cy"), Voter("di", 4), Voter("ed")]
    )
    base = _cnc_meeting(None)
    meeting = Meeting(DAY, "amend_articles", voters, base.ballots, frozenset(voters.voters), call=2)
    result = tally(meeting, CNC)
    assert (result.present_members, result.present_weight, result.counted) == (5, 41, 4)
    assert result.tally[Choice.FOR] == Fraction(41, 10) + 4
    assert result.tally[Choice.AGAINST] == Fraction(41, 10) + 1
    assert result == _general(meeting, CNC, None)


@pytest.mark.parametrize("ballot", ["for", 1.0, None])
def test_a_ballot_that_is_not_a_choice_is_refused_on_either_path(ballot: object) -> None:
    assert CNC is not None
    voters = Electorate.of([Voter("ana"), Voter("bo")])
    meeting = Meeting(DAY, "amend_articles", voters, {"ana": Choice.FOR, "bo": ballot})  # type: ignore[dict-item]
    outcome = _outcome(meeting, CNC, None)
    assert outcome == _general(meeting, CNC, None)
    assert isinstance(outcome, tuple)
    assert "ballots" in outcome[1]
