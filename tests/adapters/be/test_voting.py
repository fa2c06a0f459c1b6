"""Belgian votes: one member one vote, or votes by shares capped at 1/10 of the votes present.

The accreditation condition (AR 8 January 1962 art. 1 §1, condition 3, as replaced in 2016;
belgium.md §B3 C3, [SRC-2], https://labelfinancite.be/question/cest-quoi-une-cooperative-agreee-
par-le-cnc/) is "one person one vote", **or** no shareholder votes for more than 1/10 of the votes
attached to the shares present or represented. The cap is the alternative to one member one vote:
with one vote each nobody is capped, however few are present. With votes by shares, a member's
votes above the cap are not counted (C3 worked example: 400 votes present, a 60-share member
counts 40, not 60). One vote per share is the CSA default (art. 6:41, [SRC-2]), which the articles
may change: the law file's ``voting.one_member_one_vote``, a ``default``.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from cooprules.errors import InvalidInput, InvalidParameter
from cooprules.explain import render_steps
from cooprules.membership import Event, EventKind, Member
from cooprules.parameters import Voting
from cooprules.plugins import load_regimes
from cooprules.regime import FromLaw, Regime, Statutes, bind, validate
from cooprules.scenario import loads
from cooprules.voting import (
    Choice,
    Electorate,
    Meeting,
    Voter,
    VoteResult,
    VotingRules,
    electorate,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC, BE_SC, BE_SCES
from cooprules_adapters.be.voting import CNC_VOTING
from cooprules_adapters.scenario import evaluate_scenario

DAY = date(2026, 6, 1)
F, A = Choice.FOR, Choice.AGAINST
# Five members present; "big" holds 60 of the 100 shares.
HELD = {"big": 60, "a": 20, "b": 10, "c": 5, "d": 5}
BALLOTS = {"big": F, "a": F, "b": A, "c": A, "d": A}
REGISTER = [Member.of(m, [Event(EventKind.ADMITTED, date(2024, 1, 1))]) for m in HELD]


def voting(regime: Regime, *, one_member_one_vote: bool | None = None) -> VotingRules:
    """The regime's voting rules on DAY, with the statutes' choice of basis if any."""
    values = (
        {} if one_member_one_vote is None else {Voting.one_member_one_vote: one_member_one_vote}
    )
    statutes = Statutes(regime.code, values, {Voting.one_member_one_vote.name: "art. 20"})
    found = bind(regime, statutes, as_of=DAY).rule_set(VotingRules)
    assert found is not None
    return found


def count(rules: VotingRules) -> VoteResult:
    voters = electorate(REGISTER, DAY, rules, shares=HELD)
    return tally(Meeting(DAY, "amend_articles", voters, BALLOTS), rules)


def test_one_member_one_vote_five_present_nobody_capped() -> None:
    # AR 1962 art. 1 §1 condition 3: "one person one vote", or the 1/10 rule. With one vote each,
    # 1/10 of the 5 votes present (1/2 a vote) caps no one: before this change every member was
    # cut to 1/2.
    rules = voting(BE_CNC, one_member_one_vote=True)
    assert rules.one_member_one_vote is True
    assert rules.weight_citation is not None
    assert rules.weight_citation.article == "art. 20"  # the statutes' article, not the law's
    result = count(rules)
    assert result.reductions == ()
    assert result.present_weight == 5
    assert (result.tally[F], result.tally[A]) == (2, 3)
    assert result.share_for == Fraction(2, 5)
    assert not result.adopted
    (step,) = [s for s in result.explanation.steps if s.what.en == "Cap per member"]
    assert step.result == 0
    assert step.note is not None
    assert "not applied" in step.note.en
    assert "non appliqué" in step.note.fr
    assert step.citation is not None
    assert step.citation.instrument.startswith("AR du 8 janvier 1962")


def test_votes_by_shares_are_capped_at_one_tenth_of_the_votes_present() -> None:
    # The CSA default (art. 6:41): one vote per share. 100 votes present, cap 10: "big" counts
    # 10 of its 60, "a" 10 of its 20; the excess is not counted (C3: 60 counted 40 of 400).
    rules = voting(BE_CNC)
    assert rules.one_member_one_vote is False
    assert rules.weight_citation is not None
    assert rules.weight_citation.article == "art. 6:41"
    result = count(rules)
    assert result.present_weight == 100
    cuts = {r.subject: (r.raw, r.effective) for r in result.reductions}
    assert cuts == {"big": (60, 10), "a": (20, 10)}
    big = next(r for r in result.reductions if r.subject == "big")
    assert big.reason.en == (
        "capped at 0.1 of the 100 votes present or represented: the 50 votes above the cap are "
        "not counted"
    )
    assert "ne sont pas comptées" in big.reason.fr
    assert big.citation is not None
    assert big.citation.article == "art. 1 §1 (condition 3, democratic vote)"
    assert (result.tally[F], result.tally[A]) == (20, 20)
    # Uncapped, 80 of the 100 shares are for: 4/5 would meet the 3/4 of CSA 6:85. Capped: 1/2.
    assert result.share_for == Fraction(1, 2)
    assert not result.adopted
    assert "above the cap are not counted" in render_steps(result.explanation)


def test_the_statutes_may_also_say_votes_by_shares() -> None:
    assert count(voting(BE_CNC, one_member_one_vote=False)).share_for == Fraction(1, 2)


def test_social_enterprise_cap_is_not_applied_with_one_member_one_vote() -> None:
    # AR 28 June 2019 art. 6 (S7): no shareholder over 1/10 of the votes attached to the shares.
    assert count(voting(BE_SCES, one_member_one_vote=True)).reductions == ()
    assert {r.subject for r in count(voting(BE_SCES)).reductions} == {"big", "a"}


def test_csa_co_op_without_a_cap_counts_every_share() -> None:
    result = count(voting(BE_SC))
    assert result.reductions == ()
    assert result.share_for == Fraction(4, 5)
    assert result.adopted
    assert count(voting(BE_SC, one_member_one_vote=True)).share_for == Fraction(2, 5)


def test_the_choice_is_checked_against_the_law_file() -> None:
    # A default of the law: the articles may choose either; the choice is a bool.
    assert validate(Statutes("be-cnc", {Voting.one_member_one_vote: True}), BE_CNC, DAY) == ()
    with pytest.raises(InvalidParameter, match="one_member_one_vote"):
        bind(BE_CNC, Statutes("be-cnc", {Voting.one_member_one_vote: "yes"}), as_of=DAY).rule_set(
            VotingRules
        )


def test_unbound_rules_and_weights_against_one_member_one_vote_are_refused() -> None:
    voters = Electorate.of(Voter(k, v) for k, v in HELD.items())
    meeting = Meeting(DAY, "amend_articles", voters, BALLOTS)
    with pytest.raises(InvalidInput, match=r"bind\(regime, statutes, as_of=\.\.\.\)"):
        tally(meeting, CNC_VOTING)  # the law's figures, the basis among them, are not read yet
    unbound_basis = voting(BE_CNC).evolve(one_member_one_vote=FromLaw(Voting.one_member_one_vote))
    with pytest.raises(InvalidInput, match=r"voting\.one_member_one_vote"):
        tally(meeting, unbound_basis)
    with pytest.raises(InvalidInput, match=r"electorate\.voters\[a\]\.weight: .*\(got 20\)"):
        tally(meeting, voting(BE_CNC, one_member_one_vote=True))
    with pytest.raises(InvalidInput, match=r"voting\.one_member_one_vote"):
        electorate(REGISTER, DAY, CNC_VOTING, shares=HELD)


# --- from a scenario file ----------------------------------------------------------------------

SCENARIO = """
[coop]
regime = "be-cnc"
name = "Coopérative agréée"
year = 2026

{statutes}

[[share_classes]]
code = "A"
nominal = "250.00"

{members}

[meeting]
date = 2026-06-01

[[meeting.decisions]]
id = "amend"
kind = "amend_articles"
ballots = {{ big = "for", a = "for", b = "against", c = "against", d = "against" }}
"""


def scenario(statutes: str) -> str:
    members = "\n".join(
        f'[[members]]\nid = "{m}"\nname = "{m}"\nevents = [\n'
        '  { kind = "applied", date = 2024-01-01 },\n'
        '  { kind = "admitted", date = 2024-02-01 },\n]\n\n'
        f'[[share_operations]]\nid = "op-{m}"\nkind = "subscribe"\ndate = 2024-02-01\n'
        f'member = "{m}"\nshare_class = "A"\nshares = {n}\n'
        for m, n in HELD.items()
    )
    return SCENARIO.format(statutes=statutes, members=members)


OWN_CHOICE = """
[coop.statutes.values]
"voting.one_member_one_vote" = true

[coop.statutes.articles]
"voting.one_member_one_vote" = "art. 20"
"""


@pytest.mark.parametrize(
    ("statutes", "cuts", "share_for"),
    [
        (
            OWN_CHOICE,
            {},
            Fraction(2, 5),
        ),
        ("", {"big": (60, 10), "a": (20, 10)}, Fraction(1, 2)),
    ],
    ids=["statutes-one-member-one-vote", "law-default-votes-by-shares"],
)
def test_scenario_states_the_statutes_choice_and_ballots_weigh_shares(
    statutes: str, cuts: dict[str, tuple[int, int]], share_for: Fraction
) -> None:
    loaded = loads(scenario(statutes), name="be-cnc-votes.toml", currency="EUR")
    report = evaluate_scenario(loaded, as_of=date(2026, 12, 31), catalogue=load_regimes())
    (vote,) = report.votes
    assert {r.subject: (r.raw, r.effective) for r in vote.result.reductions} == cuts
    assert vote.result.share_for == share_for
    assert not vote.result.adopted
