"""Properties of the voting engine: caps and bounds hold, the tally adds up, order is irrelevant."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st
from tests.core.voting.test_tally import STATUTES

from cooprules.membership import Event, EventKind, Member
from cooprules.parameters import Voting
from cooprules.regime import Statutes, bind
from cooprules.voting import (
    Choice,
    College,
    Electorate,
    Meeting,
    Voter,
    VotingRules,
    VotingStatutes,
    bounded_shares,
    electorate,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr.regimes import FR_SCIC
from cooprules_adapters.qc.regimes import QC_COOP

DAY = date(2026, 6, 1)
CNC = bind(BE_CNC, as_of=date(2026, 6, 1)).rule_set(VotingRules)
SCIC = bind(FR_SCIC, as_of=date(2026, 6, 1)).rule_set(VotingRules)
QC = bind(QC_COOP, as_of=date(2026, 6, 1)).rule_set(VotingRules)
assert CNC is not None
assert SCIC is not None
assert QC is not None

choices = st.sampled_from(list(Choice))
holdings = st.dictionaries(
    st.text("abcdefgh", min_size=1, max_size=3), st.integers(1, 50), min_size=1, max_size=15
)


@given(holdings, st.data())
def test_no_member_exceeds_the_cap_and_the_tally_adds_up(
    shares: dict[str, int], data: st.DataObject
) -> None:
    assert CNC is not None
    voters = Electorate.of(Voter(k, v) for k, v in shares.items())
    ballots = {k: data.draw(choices) for k in shares if data.draw(st.booleans())}
    result = tally(Meeting(DAY, "amend_articles", voters, ballots, call=2), CNC)
    cap = Fraction(1, 10) * result.present_weight
    effective = {k: Fraction(shares[k]) for k in ballots}
    for reduction in result.reductions:
        effective[reduction.subject] = reduction.effective
    assert all(weight <= cap for weight in effective.values())
    assert sum(result.tally.values()) == sum(effective.values())


@given(holdings, st.data())
def test_order_of_ballots_does_not_matter(shares: dict[str, int], data: st.DataObject) -> None:
    assert CNC is not None
    voters = Electorate.of(Voter(k, v) for k, v in shares.items())
    ballots = [(k, data.draw(choices)) for k in shares]
    shuffled = data.draw(st.permutations(ballots))
    one = tally(Meeting(DAY, "amend_articles", voters, ballots), CNC)
    two = tally(Meeting(DAY, "amend_articles", voters, shuffled), CNC)
    assert (one.adopted, one.share_for, dict(one.tally)) == (
        two.adopted,
        two.share_for,
        dict(two.tally),
    )


@given(st.lists(st.integers(1, 100), min_size=3, max_size=8))
def test_college_shares_stay_within_bounds(weights: list[int]) -> None:
    total = sum(weights)
    shares, ok = bounded_shares(
        {str(i): Fraction(w, total) for i, w in enumerate(weights)},
        Fraction(1, 10),
        Fraction(1, 2),
    )
    assert ok
    assert sum(shares.values()) == 1
    assert all(Fraction(1, 10) <= s <= Fraction(1, 2) for s in shares.values())


@given(
    st.lists(st.integers(1, 100), min_size=3, max_size=5),
    st.lists(st.tuples(st.integers(0, 4), choices), min_size=1, max_size=30),
)
def test_scic_meeting_shares_stay_within_bounds(
    weights: list[int], votes: list[tuple[int, Choice]]
) -> None:
    assert SCIC is not None
    total = sum(weights)
    colleges = [College(f"c{i}", {f"c{i}"}, Fraction(w, total)) for i, w in enumerate(weights)]
    voters = [
        Voter(f"v{n}", 1, f"c{i % len(weights)}", f"c{i % len(weights)}")
        for n, (i, _) in enumerate(votes)
    ]
    electorate = Electorate.of(voters, colleges=colleges)
    ballots = {f"v{n}": choice for n, (_, choice) in enumerate(votes)}
    result = tally(
        Meeting(DAY, "sa.extraordinary", electorate, ballots, call=2),
        SCIC,
        statutes=VotingStatutes(STATUTES, colleges=colleges),
    )
    shares = result.college_shares
    if len(shares) >= 2:  # with one college voting the bounds cannot hold
        assert sum(shares.values()) == 1
        assert all(Fraction(1, 10) <= s <= Fraction(1, 2) for s in shares.values())
    assert 0 <= result.share_for <= 1


@given(st.integers(1, 30), st.integers(0, 30), st.data())
def test_quorum_failure_is_never_adopted(
    voters_count: int, present: int, data: st.DataObject
) -> None:
    assert CNC is not None
    voters = Electorate.of(
        Voter(f"m{i}", data.draw(st.integers(1, 5))) for i in range(voters_count)
    )
    ballots = {f"m{i}": Choice.FOR for i in range(min(present, voters_count))}
    result = tally(Meeting(DAY, "amend_articles", voters, ballots), CNC)
    if not result.quorum_reached:
        assert not result.adopted
        assert "voting.no_quorum" in {v.code for v in result.violations}


# --- one member one vote, or votes by shares (AR 8 Jan 1962 art. 1 §1, condition 3) -----------

_ADMITTED = [Event(EventKind.ADMITTED, date(2024, 1, 1))]


@given(holdings, st.data())
def test_a_cap_applies_to_votes_by_shares_never_to_one_member_one_vote(
    shares: dict[str, int], data: st.DataObject
) -> None:
    # The statutes' choice, bound with the law: one vote each, or one per share under the 1/10 cap.
    one_member_one_vote = data.draw(st.booleans(), label="one_member_one_vote")
    statutes = Statutes("be-cnc", {Voting.one_member_one_vote: one_member_one_vote})
    rules = bind(BE_CNC, statutes, as_of=DAY).rule_set(VotingRules)
    assert rules is not None
    register = [Member.of(m, _ADMITTED) for m in shares]
    voters = electorate(register, DAY, rules, shares=shares)
    ballots = {k: data.draw(choices) for k in shares if data.draw(st.booleans())}
    absent = data.draw(st.sets(st.sampled_from(sorted(shares))))
    present = frozenset(shares) - absent
    meeting = Meeting(DAY, "amend_articles", voters, ballots, present=present, call=2)
    result = tally(meeting, rules)
    counted = ballots.keys() & present
    if one_member_one_vote:
        assert result.reductions == ()
        assert result.present_weight == len(present)
        assert sum(result.tally.values()) == len(counted)
        return
    cap = Fraction(1, 10) * result.present_weight
    effective = {k: Fraction(shares[k]) for k in present}
    for reduction in result.reductions:
        assert reduction.subject in present
        assert reduction.effective == cap < reduction.raw
        effective[reduction.subject] = reduction.effective
    assert all(votes <= cap for votes in effective.values())
    assert sum(result.tally.values()) == sum(effective[k] for k in counted)
