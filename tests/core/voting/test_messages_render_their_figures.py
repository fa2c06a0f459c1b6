"""What the voting engine says, word for word, with its figures (issue 14 point 6, second round).

Each message is a gettext message with named arguments: these tests read the rendered English
sentence, and the field, value and reason of each refusal, as a user of the count would.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter
from cooprules.explain import Citation, Text
from cooprules.money import Rate
from cooprules.parameters import Voting
from cooprules.regime import Regime, Statutes, bind
from cooprules.voting import (
    Choice,
    CollegeBoundsOfLaw,
    Electorate,
    Meeting,
    MemberCap,
    Proxy,
    Voter,
    VoteResult,
    VotingRules,
    VotingStatutes,
    majority_key,
    quorum_key,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC, BE_SC
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.qc.regimes import QC_COOP

DAY = date(2026, 6, 1)
F, A = Choice.FOR, Choice.AGAINST
STATUTES = Citation("Statutes", "art. 20", "coop")


def rules_of(regime: Regime, statutes: Statutes | None = None) -> VotingRules:
    found = bind(regime, statutes, as_of=DAY).rule_set(VotingRules)
    assert found is not None
    return found


def messages(result: VoteResult, code: str) -> list[tuple[str, str]]:
    return [(v.subject, v.message.en) for v in result.violations if v.code == code]


def test_the_keys_of_a_decision_describe_its_quorum_and_majority() -> None:
    label = Text(en="amendment of the articles", fr="modification des statuts")
    first = quorum_key("x.amend_quorum", label)
    assert (first.name, first.type) == ("x.amend_quorum", Rate)
    assert first.description.in_("en") == "quorum for amendment of the articles"
    assert first.description.in_("fr") == "quorum pour modification des statuts"
    second = quorum_key("x.amend_quorum_2", label, call=2)
    assert second.description.en == "quorum at the second call for amendment of the articles"
    majority = majority_key("x.amend_majority", label)
    assert (majority.name, majority.type) == ("x.amend_majority", Rate)
    assert majority.description.en == "majority needed for amendment of the articles"
    assert majority.description.fr == "majorité requise pour modification des statuts"


@pytest.mark.parametrize("call", [0, 3])
def test_a_meeting_is_called_only_a_first_or_second_time(call: int) -> None:
    with pytest.raises(InvalidInput) as caught:
        quorum_key("x.amend_quorum", Text("amendment of the articles"), call=call)
    assert (caught.value.field, caught.value.value) == ("call", call)
    assert caught.value.reason == "a meeting is called a first (1) or a second (2) time"


def test_college_bounds_need_both_the_floor_and_the_ceiling() -> None:
    # The statutes give a floor for colleges and no ceiling: there are no bounds to apply.
    floor_only = Statutes(
        "qc-coop", {Voting.college_min_weight: Rate("0.1")}, {Voting.college_min_weight: "art. 9"}
    )
    assert CollegeBoundsOfLaw().bound(bind(QC_COOP, floor_only, as_of=DAY)) is None
    both = Statutes(
        "qc-coop",
        {Voting.college_min_weight: Rate("0.1"), Voting.college_max_weight: Rate("0.5")},
        {Voting.college_min_weight: "art. 9"},
    )
    bounds = CollegeBoundsOfLaw().bound(bind(QC_COOP, both, as_of=DAY))
    assert bounds is not None
    assert (bounds.minimum, bounds.maximum, bounds.min_colleges) == (
        Fraction(1, 10),
        Fraction(1, 2),
        1,
    )
    assert bounds.citation.article == "art. 9"


def test_a_capped_category_with_no_one_present_counts_no_votes() -> None:
    # Loi 1947 art. 3 bis: external associates and external co-ops together at most 49 %; the
    # one external co-op stays away, the five externals present are within it.
    voters = Electorate.of(
        [Voter(f"w{i}", category="employee") for i in range(5)]
        + [Voter(f"x{i}", category="external") for i in range(5)]
        + [Voter("y0", category="external_coop")]
    )
    ballots = {f"w{i}": A for i in range(5)} | {f"x{i}": F for i in range(5)}
    result = tally(Meeting(DAY, "sa.extraordinary", voters, ballots), rules_of(FR_SCOP))
    (both,) = [
        s
        for s in result.explanation.steps
        if s.what.en == "Cap on categories: external, external_coop"
    ]
    assert dict(both.inputs)["their votes"] == Fraction(35, 13)
    assert both.result == 1


def test_a_family_holder_who_is_a_voter_is_told_in_full() -> None:
    voters = Electorate.of(Voter(m) for m in ("ana", "cy", "dan"))
    meeting = Meeting(
        DAY, "ordinary", voters, {"ana": F, "dan": A}, proxies=[Proxy("cy", "ana", family=True)]
    )
    result = tally(meeting, rules_of(QC_COOP))
    assert messages(result, "voting.family_holder_is_member") == [
        (
            "proxy cy -> ana",
            (
                "ana is a voter: a member is represented by a spouse or adult child who is not a "
                "member, not by another member; cy counts as absent."
            ),
        )
    ]


def test_a_proxy_where_none_is_allowed_is_told_in_full() -> None:
    voters = Electorate.of(Voter(m) for m in ("ana", "cy", "dan"))
    meeting = Meeting(DAY, "ordinary", voters, {"ana": F, "dan": A}, proxies=[Proxy("cy", "ana")])
    result = tally(meeting, rules_of(QC_COOP))
    assert messages(result, "voting.proxy_forbidden") == [
        ("proxy cy -> ana", "No one may vote by proxy; the member cy counts as absent.")
    ]


def test_a_proxy_given_twice_is_told_in_full() -> None:
    four = Electorate.of(Voter(m) for m in ("m0", "m1", "m2", "m3"))
    meeting = Meeting(
        DAY,
        "amend_articles",
        four,
        {"m0": F, "m2": F},
        proxies=[Proxy("m1", "m0"), Proxy("m1", "m2")],
    )
    result = tally(meeting, rules_of(BE_SC))
    said = (
        "m1 gave 2 proxies; none of them is used, and m1 counts as absent unless present in person."
    )
    assert messages(result, "voting.proxy_given_twice") == [
        ("proxy m1 -> m0", said),
        ("proxy m1 -> m2", said),
    ]
    steps = {s.what.en: s for s in result.explanation.steps}
    assert dict(steps["Representation checked"].inputs) == {"proxies": 2, "limit per holder": "-"}
    quorum = steps["Quorum on votes"]
    assert dict(quorum.inputs) == {"call": 1, "required": Fraction(1, 2), "present": 2, "of": 4}
    assert quorum.result is True
    counted = steps["Votes counted"]
    assert dict(counted.inputs) == {"for": 2, "against": 0, "abstain": 0, "blank": 0}
    assert counted.result == 2


def test_a_ballot_of_someone_who_may_not_vote_is_told_in_full() -> None:
    voters = Electorate.of([Voter("a"), Voter("b")], excluded={"z": "suspended"})
    result = tally(Meeting(DAY, "ordinary", voters, {"a": F, "z": F}), rules_of(QC_COOP))
    assert messages(result, "voting.ballot_not_a_voter") == [
        ("z", "z may not vote (suspended); the ballot is not counted.")
    ]


def test_two_ballots_of_one_member_are_refused_naming_the_member() -> None:
    voters = Electorate.of([Voter("a"), Voter("b")])
    with pytest.raises(DuplicateId) as caught:
        Meeting(DAY, "ordinary", voters, [("a", F), ("a", A)])
    assert (caught.value.field, caught.value.value) == ("ballots", "a")
    assert caught.value.reason == "a member voted twice"


def test_rules_silent_on_one_vote_per_member_are_refused_in_full() -> None:
    rules = rules_of(QC_COOP).evolve(one_member_one_vote=None)
    voters = Electorate.of([Voter("a"), Voter("b")])
    with pytest.raises(InvalidParameter) as caught:
        tally(Meeting(DAY, "ordinary", voters, {"a": F}), rules)
    assert (caught.value.field, caught.value.value) == ("voting.one_member_one_vote", None)
    assert caught.value.reason == (
        "qc-coop: the law states no rule on 2026-06-01 and the statutes do not say whether each "
        "member has one vote or one vote per share: give the statutes' choice"
    )


def test_a_heavy_voter_under_one_vote_each_is_refused_in_full() -> None:
    voters = Electorate.of([Voter("a", 3), Voter("b")])
    with pytest.raises(InvalidInput) as caught:
        tally(Meeting(DAY, "ordinary", voters, {"a": F}), rules_of(QC_COOP))
    assert (caught.value.field, caught.value.value) == ("electorate.voters[a].weight", 3)
    assert caught.value.reason == (
        "each member has one vote under these rules (voting.one_member_one_vote): build the "
        "electorate with one vote per voter"
    )


def test_statutes_without_their_own_proxy_limit_keep_the_law_s() -> None:
    # Loi 1978 art. 14: in a SCOP an associate carries one proxy with ten voters; statutes that
    # set no limit of their own do not lift it.
    ten = Electorate.of(Voter(f"m{i}") for i in range(10))
    meeting = Meeting(
        DAY, "sa.extraordinary", ten, {"m0": F}, proxies=[Proxy(f"m{i}", "m0") for i in (1, 2)]
    )
    result = tally(meeting, rules_of(FR_SCOP), statutes=VotingStatutes(STATUTES))
    assert messages(result, "voting.too_many_proxies") == [
        (
            "proxy m2 -> m0",
            (
                "m0 holds 2 proxies, more than the 1 allowed with 10 voters; this one is rejected "
                "and m2 counts as absent."
            ),
        )
    ]


def test_a_decision_whose_legal_majority_is_uncertain_needs_the_statutes_rule() -> None:
    # CSA art. 6:86 (change of object) is [UNC] in the sources: no figure is presented as law.
    voters = Electorate.of([Voter("a"), Voter("b")])
    with pytest.raises(InvalidParameter) as caught:
        tally(Meeting(DAY, "amend_object", voters, {"a": F}), rules_of(BE_CNC))
    assert (caught.value.field, caught.value.value) == (
        "be-cnc.decisions[amend_object].majority",
        None,
    )
    assert caught.value.reason == (
        "the legal majority of this decision is uncertain in the sources: give the statutes' rule"
    )


def test_family_representation_still_the_law_s_to_read_is_refused_in_full() -> None:
    # Cooperatives Act (Quebec): whether a spouse or adult child may represent a member is read
    # from the law file (or the statutes) on the meeting's date.
    unbound = QC_COOP.rule_set(VotingRules)
    assert unbound is not None
    bound = rules_of(QC_COOP)
    rules = bound.evolve(
        proxies=attrs.evolve(
            bound.proxies, family_representation=unbound.proxies.family_representation
        )
    )
    voters = Electorate.of([Voter("a"), Voter("b")])
    with pytest.raises(InvalidInput) as caught:
        tally(Meeting(DAY, "ordinary", voters, {"a": F}), rules)
    assert (caught.value.field, caught.value.value) == (
        "rules",
        "proxies.family_representation (qc.family_representation_allowed)",
    )
    assert caught.value.reason == (
        "family representation is the law's or the statutes' rule: bind the rules to the "
        "meeting's date with the statutes (bind(regime, statutes, as_of=...)"
        ".rule_set(VotingRules))"
    )


def test_a_cap_for_co_ops_with_staff_members_waits_for_staff() -> None:
    # A cap of 1/20 that applies only when members are staff: without staff, no vote is cut.
    rules = rules_of(BE_CNC).evolve(member_caps=(MemberCap(Rate("0.05"), STATUTES, staff=True),))
    shares = {"big": 30, **{f"m{i}": 10 for i in range(7)}}
    voters = Electorate.of(Voter(k, v) for k, v in shares.items())
    ballots = {"big": F, **{f"m{i}": A for i in range(7)}}
    without = tally(Meeting(DAY, "amend_articles", voters, ballots), rules)
    assert without.reductions == ()
    (quorum,) = [s for s in without.explanation.steps if s.what.en == "Quorum on votes"]
    assert dict(quorum.inputs)["present"] == 100  # the shares present: 30 + 7 * 10
    staffed = tally(Meeting(DAY, "amend_articles", voters, ballots, staff_members=True), rules)
    assert [(c.subject, c.raw, c.effective) for c in staffed.reductions][:2] == [
        ("big", 30, 5),
        ("m0", 10, 5),
    ]
