"""Proxies as the law has them: each case a violation citing the rule, never counted (issue 14.1).

The law gives a proxy to a person who attends the meeting, to vote in the member's place: in
Belgium anyone, the proxy need not be a shareholder (CSA art. 6:80, belgium.md BE-CSA-03); in a
SCOP another associate only, who carries few proxies (loi 1978 art. 14, france.md 2.8); in Quebec
no one (Cooperatives Act s. 4, quebec.md Q1/Q3), though a non-member spouse or adult child may
represent a member outside work co-ops. The worked examples count under the Belgian rules (the
most permissive: any refusal is one of the rules below, not of the policy), four members of one
share each: amending the articles needs half the shares present or represented and 3/4 of the
votes cast (CSA 6:85). Each example says what the count was before these checks.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.errors import InvalidParameter, UnknownMember
from cooprules.explain import Citation, Severity, render_steps
from cooprules.regime import bind
from cooprules.voting import (
    Choice,
    Electorate,
    Meeting,
    Proxy,
    ProxyPolicy,
    Voter,
    VoteResult,
    VotingRules,
    VotingStatutes,
    tally,
)
from cooprules.voting.proxies import _check_proxies
from cooprules_adapters.be.regimes import BE_SC
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.qc.regimes import QC_COOP, QC_WORK

DAY = date(2026, 6, 1)
F, A = Choice.FOR, Choice.AGAINST
STATUTES = Citation("Statutes", "art. 20", "coop")
FOUR = Electorate.of(Voter(m) for m in ("m0", "m1", "m2", "m3"))


def rules_of(regime: object) -> VotingRules:
    found = bind(regime, as_of=DAY).rule_set(VotingRules)  # type: ignore[arg-type]
    assert found is not None
    return found


CSA = rules_of(BE_SC)
SCOP = rules_of(FR_SCOP)
QC = rules_of(QC_COOP)
QC_WORK_RULES = rules_of(QC_WORK)


def amend(ballots: dict[str, Choice], proxies: list[Proxy], **kwargs: object) -> VoteResult:
    """The Belgian amendment of the articles among FOUR, with ``proxies``."""
    meeting = Meeting(DAY, "amend_articles", FOUR, ballots, proxies=proxies, **kwargs)  # type: ignore[arg-type]
    return tally(meeting, CSA)


def only(result: VoteResult, code: str) -> list[str]:
    """The subjects of ``result``'s violations of ``code``."""
    return [v.subject for v in result.violations if v.code == code]


# --- Each case --------------------------------------------------------------------------------


def test_a_proxy_to_oneself_is_void() -> None:
    # Before: m1 "represented" by m1, 2 of 4 shares present, quorum reached, adopted.
    result = amend({"m0": F, "m1": F}, [Proxy("m1", "m1")], present={"m0"})
    (void,) = [v for v in result.violations if v.code == "voting.proxy_to_self"]
    assert (void.subject, void.severity) == ("proxy m1 -> m1", Severity.ERROR)
    assert void.citation is not None
    assert void.citation.article == "art. 6:80"
    assert "own proxy" in void.message.en
    assert "propre procuration" in void.message.fr
    assert (result.counted, result.present_members, result.tally[F]) == (1, 1, 1)
    assert not result.quorum_reached
    assert not result.adopted
    # Present in person, the member still votes once, in person.
    present = amend({"m0": F, "m1": F}, [Proxy("m1", "m1")], present={"m0", "m1"})
    assert only(present, "voting.proxy_to_self") == ["proxy m1 -> m1"]
    assert (present.counted, present.tally[F]) == (2, 2)


def test_a_chain_is_not_passed_on() -> None:
    # m1 -> m2 -> m0, m2 absent. Before: all three counted (m1 through m2, who was not there).
    result = amend({"m0": F, "m1": A, "m2": F}, [Proxy("m1", "m2"), Proxy("m2", "m0")])
    assert only(result, "voting.proxy_chain") == ["proxy m1 -> m2"]
    assert only(result, "voting.ballot_not_present") == ["m1"]
    assert (result.counted, result.tally[F], result.tally[A]) == (2, 2, 0)
    assert result.adopted  # 2 of 2 votes cast; before, 2 of 3 (below 3/4): rejected
    chain = next(v for v in result.violations if v.code == "voting.proxy_chain")
    assert "not passed on" in chain.message.en
    assert "ne se transmet pas" in chain.message.fr


def test_a_holder_absent_and_not_represented_lapses() -> None:
    # Before: m1 counted through m2, who cast no ballot and is not present: quorum, adopted.
    result = amend({"m0": F, "m1": F}, [Proxy("m1", "m2")])
    (lapsed,) = [v for v in result.violations if v.code == "voting.proxy_holder_absent"]
    assert lapsed.subject == "proxy m1 -> m2"
    assert "present" in lapsed.message.en
    assert "caduque" in lapsed.message.fr
    assert (result.counted, result.quorum_reached, result.adopted) == (1, False, False)
    # The holder listed among those present: the proxy counts.
    there = amend({"m0": F, "m1": F}, [Proxy("m1", "m2")], present={"m0", "m2"})
    assert there.violations == ()
    assert (there.counted, there.present_members, there.adopted) == (2, 3, True)


def test_a_grantor_present_votes_in_person_once() -> None:
    # Before and after: a warning and the member's own ballot, counted once.
    result = amend({"m0": F, "m1": A}, [Proxy("m1", "m0")], present={"m0", "m1"})
    (lapsed,) = result.violations
    assert (lapsed.code, lapsed.severity) == ("voting.proxy_grantor_present", Severity.WARNING)
    assert lapsed.subject == "proxy m1 -> m0"
    assert (result.counted, result.present_members, result.tally[A]) == (2, 2, 1)


def test_a_grantor_who_may_not_vote_is_not_represented() -> None:
    voters = Electorate.of(FOUR.voters.values(), excluded={"x": "resigned"})
    meeting = Meeting(DAY, "amend_articles", voters, {"m0": F}, proxies=[Proxy("x", "m0")])
    result = tally(meeting, CSA)
    (refused,) = [v for v in result.violations if v.code == "voting.proxy_not_a_voter"]
    assert refused.subject == "proxy x -> m0"
    assert "resigned" in refused.message.en
    assert result.counted == 1
    with pytest.raises(UnknownMember) as info:
        tally(attrs.evolve(meeting, proxies=[Proxy("zed", "m0")]), CSA)
    assert (info.value.field, info.value.value) == ("proxies.grantor", "zed")


def test_a_holder_who_is_not_a_voter_follows_the_policy() -> None:
    # CSA 6:80: the proxy need not be a shareholder: counted (taken to attend). Before: the same.
    belgium = amend({"m0": F, "m1": F}, [Proxy("m1", "Zoé")], present={"m0"})
    assert belgium.violations == ()
    assert belgium.counted == 2
    # Loi 1978 art. 14: only to another associate; a former associate is not one.
    voters = Electorate.of(FOUR.voters.values(), excluded={"x": "resigned"})
    meeting = Meeting(
        DAY, "sa.extraordinary", voters, {"m0": F, "m1": F}, proxies=[Proxy("m1", "x")], call=2
    )
    result = tally(meeting, SCOP)
    assert only(result, "voting.proxy_holder_not_member") == ["proxy m1 -> x"]
    assert result.counted == 1


def test_a_proxy_given_twice_counts_neither() -> None:
    # Before: a DuplicateId traceback for the whole meeting.
    result = amend(
        {"m0": F, "m1": A, "m2": F},
        [Proxy("m1", "m0"), Proxy("m1", "m2")],
        present={"m0", "m2"},
    )
    assert only(result, "voting.proxy_given_twice") == ["proxy m1 -> m0", "proxy m1 -> m2"]
    assert "2 proxies" in result.violations[0].message.en
    assert (result.counted, result.tally[A], result.adopted) == (2, 0, True)
    # The same proxy twice is two proxies too: the count cannot tell which one was meant.
    same = amend({"m0": F, "m1": F}, [Proxy("m1", "m0"), Proxy("m1", "m0")])
    assert only(same, "voting.proxy_given_twice") == ["proxy m1 -> m0"] * 2
    assert same.counted == 1
    # A member present who gave two proxies votes in person, once.
    present = amend({"m0": F, "m1": A}, [Proxy("m1", "m0")] * 2, present={"m0", "m1"})
    assert (present.counted, present.tally[A]) == (2, 1)


def test_the_order_of_the_proxies_changes_nothing() -> None:
    proxies = [Proxy("m1", "m2"), Proxy("m2", "m0"), Proxy("m3", "m3"), Proxy("m1", "Zoé")]
    ballots = {"m0": F, "m1": A, "m2": F, "m3": A}
    first, second = amend(ballots, proxies), amend(ballots, proxies[::-1])
    assert first.violations == second.violations
    assert (first.counted, first.tally) == (second.counted, second.tally)


def test_a_negative_limit_is_refused_naming_the_field_and_value() -> None:
    # Before: accepted; every proxy then "more than the -1 allowed" and rejected.
    with pytest.raises(InvalidParameter) as info:
        VotingStatutes(STATUTES, max_proxies=-1)
    assert (info.value.field, info.value.value) == ("max_proxies", -1)
    assert info.value.reason == "a number of proxies or voters, at least 0"
    with pytest.raises(InvalidParameter) as info:
        VotingStatutes(STATUTES, max_proxies=True)  # type: ignore[arg-type]
    assert (info.value.field, info.value.value) == ("max_proxies", True)
    # A policy's own limit that gives a negative number is refused when counting.
    negative = ProxyPolicy(allowed=True, citation=CSA.proxies.citation, max_per_holder=lambda n: -n)
    rules = CSA.evolve(proxies=negative)
    with pytest.raises(InvalidParameter) as info:
        tally(Meeting(DAY, "amend_articles", FOUR, {"m0": F}, proxies=[Proxy("m1", "m0")]), rules)
    assert (info.value.field, info.value.value) == ("proxies.max_per_holder", -4)


def test_the_statutes_stricter_limit_cites_the_statutes() -> None:
    none = VotingStatutes(STATUTES, max_proxies=0)
    meeting = Meeting(DAY, "amend_articles", FOUR, {"m0": F, "m1": F}, proxies=[Proxy("m1", "m0")])
    result = tally(meeting, CSA, statutes=none)
    (too_many,) = [v for v in result.violations if v.code == "voting.too_many_proxies"]
    assert too_many.citation == STATUTES
    assert "limit per holder = 0" in render_steps(result.explanation)  # before: "= -"
    assert result.counted == 1
    # The law's limit is stricter than the statutes' 5: the law's article (loi 1978 art. 14).
    voters = Electorate.of(Voter(f"a{i:02}") for i in range(15))
    scop = Meeting(
        DAY,
        "sa.extraordinary",
        voters,
        dict.fromkeys(voters.voters, F),
        present={f"a{i:02}" for i in range(10)},
        proxies=[Proxy("a10", "a00"), Proxy("a11", "a00")],
    )
    five = VotingStatutes(STATUTES, max_proxies=5)
    (law,) = [
        v for v in tally(scop, SCOP, statutes=five).violations if v.code.startswith("voting.too")
    ]
    assert law.citation is not None
    assert law.citation.article == "art. 14"


def test_refused_proxies_do_not_use_up_the_holder_s_limit() -> None:
    # SCOP, 15 associates: one proxy each. a00's proxy from a01 (present) lapses, so a10's counts.
    voters = Electorate.of(Voter(f"a{i:02}") for i in range(15))
    present = {f"a{i:02}" for i in range(10)}
    meeting = Meeting(
        DAY,
        "sa.extraordinary",
        voters,
        dict.fromkeys(voters.voters, F),
        present=present,
        proxies=[Proxy("a01", "a00"), Proxy("a10", "a00"), Proxy("a11", "a11")],
    )
    result = tally(meeting, SCOP)
    codes = Counter(v.code for v in result.violations)
    assert codes["voting.proxy_grantor_present"] == 1
    assert codes["voting.proxy_to_self"] == 1
    assert "voting.too_many_proxies" not in codes
    assert result.counted == 11


def test_family_representation_is_by_a_non_member() -> None:
    # Quebec (quebec.md Q3): a non-member spouse or adult child. A voter holding a "family"
    # proxy would carry another member's vote, which s. 4 forbids. Before: counted, adopted.
    voters = Electorate.of(Voter(m) for m in ("ana", "bo", "cy"))
    ballots = {"ana": F, "bo": A, "cy": F}
    result = tally(
        Meeting(DAY, "ordinary", voters, ballots, proxies=[Proxy("cy", "ana", family=True)]), QC
    )
    (refused,) = [v for v in result.violations if v.code == "voting.family_holder_is_member"]
    assert refused.subject == "proxy cy -> ana"
    assert refused.citation == QC.proxies.family_citation
    assert (result.counted, result.adopted) == (2, False)  # a tie
    spouse = Meeting(DAY, "ordinary", voters, ballots, proxies=[Proxy("cy", "Paul", family=True)])
    assert tally(spouse, QC).adopted
    refused_work = tally(spouse, QC_WORK_RULES).violations[0]
    assert refused_work.code == "voting.family_representation_not_allowed"


# --- Properties over random meetings ----------------------------------------------------------

REGIMES = {"be": CSA, "fr-scop": SCOP, "qc": QC, "qc-work": QC_WORK_RULES}
statutes = st.one_of(
    st.none(),
    st.builds(
        VotingStatutes,
        st.just(STATUTES),
        max_proxies=st.one_of(st.none(), st.integers(0, 3)),
    ),
)


def _present(meeting: Meeting) -> frozenset[str]:
    """Who is present in person, as the meeting documents it."""
    if meeting.present is not None:
        return meeting.present & meeting.electorate.voters.keys()
    grantors = {p.grantor for p in meeting.proxies}
    return frozenset(meeting.ballots.keys() - grantors)


def _counts(proxy: Proxy, meeting: Meeting, rules: VotingRules, *, family_ok: bool) -> bool:
    """Whether ``proxy`` counts, the limit aside, as docs/voting.md's table has it."""
    voters, present, policy = meeting.electorate.voters, _present(meeting), rules.proxies
    given = Counter(p.grantor for p in meeting.proxies)
    if proxy.grantor not in voters or proxy.grantor == proxy.holder or given[proxy.grantor] > 1:
        return False
    if proxy.grantor in present:
        return False
    if proxy.family:
        return family_ok and proxy.holder not in voters
    if proxy.holder in voters:
        return policy.allowed and proxy.holder in present
    return policy.allowed and not policy.holder_must_be_member


def _valid(meeting: Meeting, rules: VotingRules, own: VotingStatutes | None) -> set[Proxy]:
    """The proxies the law lets count: a model of the rules, written apart from the engine."""
    policy = rules.proxies
    family_ok = policy.family_representation is True
    valid = {p for p in meeting.proxies if _counts(p, meeting, rules, family_ok=family_ok)}
    voters = len(meeting.electorate.voters)
    law = policy.max_per_holder(voters) if policy.max_per_holder is not None else None
    limits = [x for x in (law, own.max_proxies if own else None) if x is not None]
    if limits:
        by_holder: dict[str, list[Proxy]] = {}
        for p in valid:
            if not p.family:
                by_holder.setdefault(p.holder, []).append(p)
        for held in by_holder.values():
            valid.difference_update(sorted(held, key=lambda p: p.grantor)[min(limits) :])
    return valid


CHAIN = Meeting(
    DAY,
    "amend_articles",
    FOUR,
    {"m1": F, "m2": F},
    proxies=[Proxy("m1", "m2"), Proxy("m2", "m0")],
    present={"m0"},
)
"""The chain of the worked example, m0 present, for the properties to start from."""
ASSOCIATES = Electorate.of(Voter(f"a{i}") for i in range(5))
TWO_TO_ONE = Meeting(
    DAY,
    "sa.extraordinary",
    ASSOCIATES,
    dict.fromkeys(ASSOCIATES.voters, F),
    proxies=[Proxy("a1", "a0"), Proxy("a2", "a0")],
    present={"a0", "a3"},
)
"""Two proxies to one SCOP associate among five: one too many (loi 1978 art. 14)."""
ONE = VotingStatutes(STATUTES, max_proxies=1)

meetings = st.sampled_from(sorted(REGIMES)).flatmap(
    lambda code: st.tuples(
        st.just(REGIMES[code]),
        cst.meetings(REGIMES[code], max_voters=8, max_proxies=6),
        statutes,
    )
)


@given(meetings)
@example((CSA, CHAIN, None))
@example((SCOP, TWO_TO_ONE, None))
@example((CSA, attrs.evolve(CHAIN, proxies=[Proxy("m1", "m0"), Proxy("m2", "m0")]), ONE))
def test_the_votes_counted_are_those_present_plus_the_valid_proxies(
    drawn: tuple[VotingRules, Meeting, VotingStatutes | None],
) -> None:
    rules, meeting, own = drawn
    result = tally(meeting, rules, statutes=own)
    present = _present(meeting)
    valid = _valid(meeting, rules, own)
    represented = {p.grantor for p in valid}
    voted = meeting.ballots.keys()
    assert result.counted == len(voted & present) + len(voted & represented)
    assert result.present_members == len(present) + len(represented)
    assert sum(result.tally.values()) <= result.counted  # one member one vote at most, no cap


@given(meetings)
@example((SCOP, TWO_TO_ONE, None))
def test_no_proxy_is_counted_twice_or_through_an_absent_holder(
    drawn: tuple[VotingRules, Meeting, VotingStatutes | None],
) -> None:
    rules, meeting, own = drawn
    present = _present(meeting)
    checked = _check_proxies(meeting.proxies, meeting.electorate, rules, own, present)
    voters = meeting.electorate.voters
    for grantor in checked.represented:
        (proxy,) = [p for p in meeting.proxies if p.grantor == grantor]  # never two
        assert grantor not in present  # counted once: in person, or represented
        assert proxy.holder != grantor
        if proxy.holder in voters:
            assert proxy.holder in present  # never through an absent or represented holder
            assert not proxy.family
    holders = Counter(p.holder for p in meeting.proxies if p.grantor in checked.represented)
    limit = rules.proxies.max_per_holder
    if limit is not None:
        assert all(n <= limit(len(voters)) for h, n in holders.items() if h in voters)


@given(meetings)
@example((CSA, CHAIN, None))
@example((SCOP, TWO_TO_ONE, None))
def test_an_invalid_proxy_is_exactly_one_violation_naming_it(
    drawn: tuple[VotingRules, Meeting, VotingStatutes | None],
) -> None:
    rules, meeting, own = drawn
    result = tally(meeting, rules, statutes=own)
    valid = _valid(meeting, rules, own)
    about_proxies = [v for v in result.violations if v.subject.startswith("proxy ")]
    expected = Counter(p.label for p in meeting.proxies if p not in valid)
    assert Counter(v.subject for v in about_proxies) == expected
    for violation in about_proxies:
        assert violation.citation is not None  # each cites its rule
        grantor, holder = violation.subject.removeprefix("proxy ").split(" -> ")
        assert grantor in violation.message.en or holder in violation.message.en


def test_a_holder_whose_id_reads_like_a_family_key_is_held_to_the_limit() -> None:
    # Family representation is outside the per-holder limit; it used to be told apart by an id
    # prefix ("family:"), so a member with such an id escaped the statutes' limit of 1 proxy.
    voters = Electorate.of(Voter(m) for m in ("family:m0", "m1", "m2", "m3"))
    one = VotingStatutes(STATUTES, max_proxies=1)
    meeting = Meeting(
        DAY,
        "amend_articles",
        voters,
        {"family:m0": F},
        proxies=[Proxy("m1", "family:m0"), Proxy("m2", "family:m0")],
    )
    result = tally(meeting, CSA, statutes=one)
    (too_many,) = [v for v in result.violations if v.code == "voting.too_many_proxies"]
    assert "family:m0" in too_many.subject
    assert result.present_members == 2  # the holder and one member represented, not two
