"""Worked examples of the voting engine, one per jurisdiction, and its typed errors."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter, UnknownMember
from cooprules.explain import Citation, Confidence, Text, render_steps, render_violations
from cooprules.membership import Event, EventKind, Member
from cooprules.money import Rate
from cooprules.parameters import Voting
from cooprules.regime import FromLaw, Key, Regime, Statutes, bind
from cooprules.testing import moved, replace_parameter
from cooprules.voting import (
    Choice,
    College,
    Electorate,
    Meeting,
    MemberCap,
    Proxy,
    ProxyLimit,
    Voter,
    VotingRules,
    VotingStatutes,
    bounded_shares,
    electorate,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC, BE_SC, BE_SCES
from cooprules_adapters.be.sources import Keys as BeKeys
from cooprules_adapters.fr.regimes import FR_CAE_SCOP, FR_SCIC, FR_SCOP
from cooprules_adapters.fr.sources import LAW
from cooprules_adapters.fr.voting import scop_max_proxies
from cooprules_adapters.qc.regimes import QC_COOP, QC_SOLIDARITY, QC_WORK
from cooprules_adapters.qc.sources import Keys as QcKeys

DAY = date(2026, 6, 1)
F, A, ABS = Choice.FOR, Choice.AGAINST, Choice.ABSTAIN
STATUTES = Citation("Statutes", "art. 20", "coop")


def rules_of(regime: Regime, on: date = date(2026, 6, 1)) -> VotingRules:
    """The regime's voting rules bound to its law on ``on`` (the caps are the law's figures)."""
    found = bind(regime, as_of=on).rule_set(VotingRules)
    assert found is not None
    return found


def test_every_regime_carries_voting_rules() -> None:
    for regime in (BE_SC, BE_CNC, BE_SCES, FR_SCOP, FR_SCIC, FR_CAE_SCOP, QC_COOP, QC_WORK):
        assert isinstance(regime.rule_set(VotingRules), VotingRules)
    assert rules_of(FR_CAE_SCOP).code == "fr-scop"


# --- Belgium ----------------------------------------------------------------------------------


def test_belgian_member_with_30_percent_of_shares_is_capped_at_10_percent() -> None:
    shares = {"big": 30, **{f"m{i}": 10 for i in range(7)}}  # 100 shares, "big" holds 30 %
    voters = Electorate.of(Voter(k, v) for k, v in shares.items())
    ballots = {"big": F, **{f"m{i}": A for i in range(7)}}
    result = tally(Meeting(DAY, "amend_articles", voters, ballots), rules_of(BE_CNC))
    (cut,) = result.reductions
    assert (cut.subject, cut.raw, cut.effective) == ("big", 30, 10)
    assert result.tally[F] == 10
    assert result.tally[A] == 70
    assert result.quorum_reached
    assert not result.adopted
    assert "1/10" in render_steps(result.explanation) or "0.1" in render_steps(result.explanation)


def test_belgian_c3_worked_example_400_votes_60_counted_40() -> None:
    shares = {"x": 60, **{f"m{i}": 34 for i in range(10)}}  # 60 + 340 = 400
    voters = Electorate.of(Voter(k, v) for k, v in shares.items())
    ballots = dict.fromkeys(shares, F)
    result = tally(Meeting(DAY, "amend_articles", voters, ballots), rules_of(BE_SCES))
    assert result.present_weight == 400
    assert result.reductions[0].effective == 40
    assert result.tally[F] == 380
    assert result.adopted


def test_belgian_csa_default_is_one_vote_per_share_and_proxy_need_not_be_a_shareholder() -> None:
    members = [Member.of(m, [Event(EventKind.ADMITTED, date(2024, 1, 1))]) for m in ("a", "b", "c")]
    rules = rules_of(BE_SC)
    assert rules.one_member_one_vote is False  # the law file's default, CSA 6:41
    assert rules.weight_citation is not None
    assert rules.weight_citation.article == "art. 6:41"
    voters = electorate(members, DAY, rules, shares={"a": 5, "b": 1, "c": 0})
    assert voters.total_weight == 6
    assert voters.excluded == {"c": "no shares"}
    meeting = Meeting(DAY, "amend_articles", voters, {"a": F, "b": A}, proxies=[Proxy("a", "Zoé")])
    result = tally(meeting, rules)
    assert result.violations == ()
    assert result.adopted  # 5 of 6 votes cast >= 3/4, half the shares present


def test_belgian_amendment_quorum_of_half_the_shares_then_none_at_second_call() -> None:
    voters = Electorate.of(Voter(k, 10) for k in "abcd")
    first = Meeting(DAY, "amend_articles", voters, {"a": F})
    assert not tally(first, rules_of(BE_SC)).quorum_reached
    assert not tally(first, rules_of(BE_SC)).adopted
    second = Meeting(DAY, "amend_articles", voters, {"a": F}, call=2)
    assert tally(second, rules_of(BE_SC)).adopted


def test_former_sfs_caps_are_statute_figures_with_the_staff_rule() -> None:
    # Before the CSA (1 May 2019) the law file states no rule on one vote per share (CSA 6:41
    # is not yet in force): the statutes say it, as the SFS caps themselves (the old Code des
    # sociétés art. 661, [MEM]) are caps on the votes attached to shares.
    before = date(2018, 6, 1)
    voters = Electorate.of([Voter("x", 60), *(Voter(f"m{i}", 34) for i in range(10))])
    # The caps are values by key of the statutes, read where the law leaves the figure open.
    caps = {Voting.member_vote_cap: Rate.of("1/10"), BeKeys.staff_member_vote_cap: Rate.of("1/20")}
    ballots = dict.fromkeys(voters.voters, F)
    meeting = Meeting(before, "amend_articles", voters, ballots, staff_members=True)
    with pytest.raises(InvalidParameter, match="one_member_one_vote"):
        tally(meeting, bind(BE_SCES, Statutes("be-sces", caps), as_of=before).rule_set(VotingRules))
    per_share = Statutes("be-sces", {**caps, Voting.one_member_one_vote: False})
    rules = bind(BE_SCES, per_share, as_of=before).rule_set(VotingRules)
    assert rules is not None
    result = tally(meeting, rules)
    assert result.reductions[0].effective == 20
    with pytest.raises(InvalidParameter):
        MemberCap(Rate.of("1/20"), Citation("Code", "art. 661", "BE", Confidence.MEM))


# --- France -----------------------------------------------------------------------------------


def _scic(weights: dict[str, str | None]) -> tuple[Electorate, VotingStatutes]:
    colleges = [
        College(code, {code}, Fraction(w) if w is not None else None) for code, w in weights.items()
    ]
    voters = [Voter(f"{code}{i}", 1, code, code) for code in weights for i in range(4)]
    return Electorate.of(voters, colleges=colleges), VotingStatutes(STATUTES, colleges=colleges)


def test_scic_absent_college_weight_is_redistributed_within_bounds() -> None:
    voters, statutes = _scic({"emp": "40/100", "ben": "25/100", "pro": "25/100", "oth": "10/100"})
    ballots = {f"{c}{i}": F for c in ("ben", "pro", "oth") for i in range(4)}
    meeting = Meeting(DAY, "sa.extraordinary", voters, ballots, call=2)
    result = tally(meeting, rules_of(FR_SCIC), statutes=statutes)
    shares = result.college_shares
    assert set(shares) == {"ben", "pro", "oth"}
    assert sum(shares.values()) == 1
    assert all(Fraction(1, 10) <= s <= Fraction(1, 2) for s in shares.values())
    assert shares["ben"] == shares["pro"] == Fraction(5, 12)
    assert result.adopted
    assert "absent" in render_steps(result.explanation)


def test_scic_oversized_college_is_brought_within_bounds_with_a_violation() -> None:
    voters, statutes = _scic({"emp": "60/100", "ben": "20/100", "pro": "20/100"})
    ballots = {f"emp{i}": F for i in range(4)} | {f"ben{i}": A for i in range(4)}
    ballots |= {f"pro{i}": A for i in range(4)}
    result = tally(
        Meeting(DAY, "sa.extraordinary", voters, ballots), rules_of(FR_SCIC), statutes=statutes
    )
    assert result.college_shares == {
        "emp": Fraction(1, 2),
        "ben": Fraction(1, 4),
        "pro": Fraction(1, 4),
    }
    assert [v.code for v in result.violations] == ["voting.college_out_of_bounds"]
    assert result.share_for == Fraction(1, 2)
    assert not result.adopted  # 1/2 < 2/3


def test_scic_needs_three_colleges() -> None:
    voters, statutes = _scic({"emp": None, "ben": None})
    ballots = dict.fromkeys(voters.voters, F)
    result = tally(
        Meeting(DAY, "sa.extraordinary", voters, ballots), rules_of(FR_SCIC), statutes=statutes
    )
    assert "voting.too_few_colleges" in {v.code for v in result.violations}
    assert result.college_shares == {"emp": Fraction(1, 2), "ben": Fraction(1, 2)}


def test_scop_associate_with_two_proxies_among_15_gets_a_violation() -> None:
    voters = Electorate.of(Voter(f"a{i:02}", category="employee") for i in range(15))
    present = {f"a{i:02}" for i in range(10)}
    ballots = dict.fromkeys(voters.voters, F)
    proxies = [Proxy("a10", "a00"), Proxy("a11", "a00")]
    meeting = Meeting(DAY, "sa.extraordinary", voters, ballots, present=present, proxies=proxies)
    result = tally(meeting, rules_of(FR_SCOP))
    codes = [v.code for v in result.violations]
    assert codes.count("voting.too_many_proxies") == 1
    assert "a11" in result.violations[codes.index("voting.too_many_proxies")].subject
    assert "ballot_not_present" in " ".join(codes)
    assert result.counted == 11  # 10 present + a10 represented; a11..a14 not counted
    fr = render_violations(result.violations, lang="fr")
    assert "procurations" in fr
    assert scop_max_proxies(57) == 2


def _scop_copy(key: str, value: object) -> VotingRules:
    """The SCOP's voting rules bound with ``key`` at ``value`` in a copy of the law."""
    version = FR_SCOP.parameter(key, DAY)
    return rules_of(replace_parameter(FR_SCOP, version, moved(version, value)))


def _proxies_kept(rules: VotingRules, associates: int, grantors: int) -> int:
    """How many of ``grantors`` proxies to one holder are kept among ``associates``."""
    voters = Electorate.of(Voter(f"a{i:02}", category="employee") for i in range(associates))
    given = [f"a{i:02}" for i in range(associates - grantors, associates)]
    present = set(voters.voters) - set(given)
    meeting = Meeting(
        DAY,
        "sa.extraordinary",
        voters,
        dict.fromkeys(voters.voters, F),
        present=present,
        proxies=[Proxy(g, "a00") for g in given],
    )
    return tally(meeting, rules).counted - len(present)


def test_the_scop_proxy_limit_is_the_law_file_s() -> None:
    # Loi 1978 art. 14 (france.md 2.8): one proxy under 20 associates, else 1/20 of them, rounded
    # down. Each figure is the law file's; changed in a copy of the law, the count follows.
    law = rules_of(FR_SCOP)
    limit = law.proxies.max_per_holder
    assert isinstance(limit, ProxyLimit)
    assert (limit.most, limit.share, limit.share_from) == (1, Rate.of("1/20"), 20)
    assert limit.citation == LAW.citation("loi-1978-art-14")
    assert [_proxies_kept(law, n, 3) for n in (19, 20, 40, 57)] == [1, 1, 2, 2]
    # Two proxies under 20 associates: both count with 19 associates.
    assert _proxies_kept(_scop_copy("fr.scop_max_proxies", 2), 19, 3) == 2
    # The share from 19 associates on: 19/20 rounds down to none.
    assert _proxies_kept(_scop_copy("fr.scop_proxy_share_from", 19), 19, 3) == 0
    # 1/10 of the associates: 4 of 40.
    assert _proxies_kept(_scop_copy("fr.scop_max_proxies_share", Rate.of("1/10")), 40, 5) == 4
    assert scop_max_proxies(19) == 1  # the law file's figures in force


def test_a_proxy_limit_of_the_law_is_refused_unbound_and_checked() -> None:
    scop = FR_SCOP.rule_set(VotingRules)
    assert scop is not None
    assert scop.reads_law
    unbound = scop.proxies.max_per_holder
    assert isinstance(unbound, ProxyLimit)
    with pytest.raises(InvalidInput, match="rule_set"):
        unbound(20)
    assert ProxyLimit(most=2)(500) == 2  # a flat limit, whatever the electorate
    assert ProxyLimit(share=Rate.of("1/10"))(57) == 5  # a share of every electorate
    absent = Key("fr.no_such_limit", int, Text(en="no such limit", fr="pas de telle limite"))
    assert ProxyLimit(most=FromLaw(absent)).bound(bind(FR_SCOP, as_of=DAY)) is None
    with pytest.raises(InvalidParameter, match="a number of proxies"):
        ProxyLimit()
    with pytest.raises(InvalidParameter, match="most"):
        ProxyLimit(most=-1)


def test_scop_proxy_only_to_another_associate_and_no_colleges() -> None:
    voters = Electorate.of(Voter(f"a{i}") for i in range(5))
    meeting = Meeting(
        DAY,
        "sa.extraordinary",
        voters,
        {"a0": F, "a1": F},
        proxies=[Proxy("a1", "outsider")],
        call=2,
    )
    result = tally(meeting, rules_of(FR_SCOP))
    assert "voting.proxy_holder_not_member" in {v.code for v in result.violations}
    assert result.tally[F] == 1


def test_non_cooperator_votes_are_capped_pro_rata() -> None:
    voters = Electorate.of(
        [Voter(f"w{i}", category="employee") for i in range(5)]
        + [Voter(f"x{i}", category="external") for i in range(5)]
    )
    ballots = {f"w{i}": A for i in range(5)} | {f"x{i}": F for i in range(5)}
    result = tally(Meeting(DAY, "sa.extraordinary", voters, ballots), rules_of(FR_SCOP))
    # 35 % cap: external votes x with x / (x + 5) = 35/100 -> x = 35/13
    assert result.tally[F] == Fraction(35, 13)
    assert result.share_for == Fraction(35, 100)
    assert result.reductions[0].subject == "category:external"


def test_french_sa_ordinary_majority_is_a_statute_rule() -> None:
    voters = Electorate.of([Voter("a")])
    with pytest.raises(InvalidParameter, match="statutes"):
        tally(Meeting(DAY, "sa.ordinary", voters, {"a": F}), rules_of(FR_SCOP))


# --- Quebec -----------------------------------------------------------------------------------


def _qc_members() -> list[Member]:
    admitted = Event(EventKind.ADMITTED, date(2024, 1, 1), category="worker")
    return [
        Member.of("ana", [admitted]),
        Member.of("bo", [admitted]),
        Member.of("cy", [admitted]),
        Member.of("dee", [Event(EventKind.TRIAL_STARTED, date(2026, 1, 5))]),
    ]


def test_quebec_proxy_is_rejected_and_auxiliary_member_does_not_vote() -> None:
    rules = rules_of(QC_WORK)
    voters = electorate(_qc_members(), DAY, rules)
    assert set(voters.voters) == {"ana", "bo", "cy"}
    assert voters.excluded == {"dee": "auxiliary"}
    meeting = Meeting(
        DAY,
        "ordinary",
        voters,
        {"ana": F, "bo": A, "cy": F, "dee": F},
        proxies=[Proxy("cy", "ana")],
    )
    result = tally(meeting, rules)
    codes = [v.code for v in result.violations]
    assert "voting.proxy_forbidden" in codes
    assert "voting.ballot_not_a_voter" in codes
    assert result.tally[F] == 1
    assert result.tally[A] == 1
    assert not result.adopted  # a tie is not a majority
    assert "tie" in render_steps(result.explanation)
    assert "partage" in render_steps(result.explanation, lang="fr")
    assert "procuration" in render_violations(result.violations, lang="fr")


def test_quebec_family_representation_allowed_unless_by_laws_or_work_coop() -> None:
    # quebec.md (MEIE explainer, [SRC-2]): a member may be represented by a non-member spouse or
    # adult child unless the by-laws forbid it; never in a work co-op. The rule is the law file's
    # qc.family_representation_allowed: a default true, the law's false for qc-work.
    voters = Electorate.of(Voter(m) for m in ("ana", "bo", "cy"))
    meeting = Meeting(
        DAY,
        "ordinary",
        voters,
        {"ana": F, "bo": A, "cy": F},
        proxies=[Proxy("cy", "Paul", family=True)],
    )
    assert tally(meeting, rules_of(QC_SOLIDARITY)).violations == ()
    assert tally(meeting, rules_of(QC_SOLIDARITY)).adopted
    # By-laws that forbid it state the key's value in the statutes; bound with them, it wins.
    forbid = Statutes(
        "qc-coop",
        {QcKeys.family_representation_allowed: False},
        {QcKeys.family_representation_allowed.name: "by-law 12"},
    )
    forbidden = bind(QC_COOP, forbid, as_of=DAY).rule_set(VotingRules)
    assert forbidden is not None
    assert forbidden.proxies.family_representation is False
    result = tally(meeting, forbidden, statutes=forbid)
    assert not result.adopted
    (refused, *_) = result.violations
    assert refused.code == "voting.family_representation_not_allowed"
    assert refused.citation == forbid.citation(QcKeys.family_representation_allowed)
    assert refused.citation.article == "by-law 12"
    codes = {v.code for v in tally(meeting, rules_of(QC_WORK)).violations}
    assert codes == {"voting.family_representation_not_allowed", "voting.ballot_not_present"}
    (work, *_) = tally(meeting, rules_of(QC_WORK)).violations
    assert work.citation == QC_WORK.parameter(QcKeys.family_representation_allowed, DAY).citation
    # A work co-op's by-laws cannot allow it: the law's false wins over the statutes' true.
    allow = Statutes("qc-work", {QcKeys.family_representation_allowed: True})
    assert bind(QC_WORK, allow, as_of=DAY).rule_set(VotingRules).proxies.family_representation is (
        False
    )


def test_family_representation_is_read_from_the_law_file() -> None:
    # Changing the figure in a copy of the regime changes the count: the engine holds none.
    voters = Electorate.of(Voter(m) for m in ("ana", "bo", "cy"))
    meeting = Meeting(
        DAY,
        "ordinary",
        voters,
        {"ana": F, "bo": A, "cy": F},
        proxies=[Proxy("cy", "Paul", family=True)],
    )
    version = QC_WORK.parameter(QcKeys.family_representation_allowed, DAY)
    allowed = replace_parameter(QC_WORK, version, attrs.evolve(version, value=True))
    assert not tally(meeting, rules_of(QC_WORK)).adopted
    assert tally(meeting, rules_of(allowed)).adopted
    version = QC_COOP.parameter(QcKeys.family_representation_allowed, DAY)
    refused = replace_parameter(QC_COOP, version, attrs.evolve(version, value=False))
    assert tally(meeting, rules_of(QC_COOP)).adopted
    assert not tally(meeting, rules_of(refused)).adopted


def test_unbound_family_representation_is_refused() -> None:
    from cooprules_adapters.qc.voting import VOTING as QC_VOTING  # noqa: PLC0415

    voters = Electorate.of(Voter(m) for m in ("ana", "bo"))
    meeting = Meeting(DAY, "ordinary", voters, {"ana": F, "bo": F})
    unbound = QC_VOTING.evolve(decisions=rules_of(QC_COOP).decisions)
    assert isinstance(unbound.proxies.family_representation, FromLaw)
    assert unbound.reads_law
    with pytest.raises(InvalidInput, match=r"qc\.family_representation_allowed"):
        tally(meeting, unbound)


def test_quebec_majorities() -> None:
    voters = Electorate.of(Voter(f"m{i}") for i in range(12))
    ballots = {f"m{i}": (F if i < 8 else A) for i in range(12)}
    for kind, adopted in (
        ("ordinary", True),
        ("merger", True),
        ("dissolution", False),
        ("wind_up_disposal_plan", False),
    ):
        result = tally(Meeting(DAY, kind, voters, ballots), rules_of(QC_COOP))
        assert result.adopted is adopted, kind
        assert result.rule.citation.jurisdiction == "CA-QC"
    board = tally(Meeting(DAY, "board.suspend_or_exclude", voters, ballots), rules_of(QC_COOP))
    assert board.adopted  # 8/12 = 2/3
    with pytest.raises(InvalidParameter):
        tally(Meeting(DAY, "amend_articles", voters, ballots), rules_of(QC_COOP))


def test_statutes_cannot_change_a_majority_the_law_fixes() -> None:
    from cooprules.voting import DecisionRule, Majority  # noqa: PLC0415

    lower = DecisionRule(
        "merger",
        rules_of(QC_COOP).decisions[1].label,
        Majority(Fraction(1, 2), strict=True),
        STATUTES,
    )
    voters = Electorate.of(Voter(f"m{i}") for i in range(10))
    ballots = {f"m{i}": (F if i < 6 else A) for i in range(10)}
    result = tally(
        Meeting(DAY, "merger", voters, ballots),
        rules_of(QC_COOP),
        statutes=VotingStatutes(STATUTES, decisions=[lower]),
    )
    assert not result.adopted
    assert result.violations[0].code == "voting.rule_contradicts_law"


# --- Abstentions, explanations, errors ---------------------------------------------------------


def test_one_vote_per_member_where_the_law_fixes_it_whatever_the_statutes_say() -> None:
    # Loi 1947 art. 1 al. 3 and art. 9 (one vote per associate, a rule of law): statutes choosing
    # votes by shares contradict it; the law's rule applies, and a member cap of the statutes'
    # own is not applied to one vote each (no one is cut, however few are present).
    members = [Member.of(m, [Event(EventKind.ADMITTED, date(2024, 1, 1))]) for m in ("a", "b")]
    # The statutes' own cap on a member's votes is a value by key (the law has none here).
    statutes = Statutes(
        "fr-scop", {Voting.one_member_one_vote: False, Voting.member_vote_cap: Rate.of("1/10")}
    )
    rules = bind(FR_SCOP, statutes, as_of=DAY).rule_set(VotingRules)
    assert rules is not None
    assert rules.one_member_one_vote is True
    assert rules.weight_citation is not None
    assert rules.weight_citation.article == "art. 1 al. 3; art. 9"
    voters = electorate(members, DAY, rules, shares={"a": 90, "b": 10})
    assert voters.total_weight == 2
    assert [cap.citation.instrument for cap in rules.member_caps] == ["Statutes"]
    result = tally(Meeting(DAY, "sa.extraordinary", voters, {"a": F, "b": A}), rules)
    assert result.reductions == ()
    assert result.share_for == Fraction(1, 2)
    assert "not applied" in render_steps(result.explanation)


def test_a_cap_of_rules_without_a_basis_from_the_law_follows_their_own_basis() -> None:
    # A third party's rules written with a literal basis (no key in its law) behave the same.
    per_share = rules_of(BE_CNC).evolve(one_member_one_vote=False)
    per_member = per_share.evolve(one_member_one_vote=True)
    voters = Electorate.of(Voter(f"m{i}") for i in range(5))
    ballots = dict.fromkeys(voters.voters, F)
    assert len(tally(Meeting(DAY, "amend_articles", voters, ballots), per_share).reductions) == 5
    assert tally(Meeting(DAY, "amend_articles", voters, ballots), per_member).reductions == ()


def test_abstentions_count_only_where_the_rules_say_so() -> None:
    voters = Electorate.of(Voter(f"m{i}") for i in range(5))
    ballots = {"m0": F, "m1": F, "m2": A, "m3": ABS, "m4": Choice.BLANK}
    rules = rules_of(QC_COOP)
    assert tally(Meeting(DAY, "ordinary", voters, ballots), rules).share_for == Fraction(2, 3)
    counting = VotingStatutes(STATUTES, abstentions_count=True, blank_count=True)
    result = tally(Meeting(DAY, "ordinary", voters, ballots), rules, statutes=counting)
    assert result.share_for == Fraction(2, 5)
    assert not result.adopted
    assert "Résolution rejetée" in result.summary("fr")
    assert "Motion rejected" in result.summary()


def test_typed_errors() -> None:
    voters = Electorate.of([Voter("a"), Voter("b")])
    rules = rules_of(QC_COOP)
    with pytest.raises(UnknownMember):
        tally(Meeting(DAY, "ordinary", voters, {"zed": F}), rules)
    with pytest.raises(DuplicateId):
        Meeting(DAY, "ordinary", voters, [("a", F), ("a", A)])
    with pytest.raises(InvalidInput):
        tally(Meeting(DAY, "ordinary", voters, {"a": 0.5}), rules)  # type: ignore[dict-item]
    with pytest.raises(InvalidInput):
        Voter("c", 1.5)  # type: ignore[arg-type]
    # Two proxies of one member are no longer an error but two violations, neither counted
    # (tests/core/voting/test_proxies.py).
    twice = [Proxy("b", "x", family=True), Proxy("b", "y", family=True)]
    result = tally(Meeting(DAY, "ordinary", voters, {"a": F, "b": F}, proxies=twice), rules)
    assert [v.code for v in result.violations].count("voting.proxy_given_twice") == 2
    assert result.counted == 1
    with pytest.raises(InvalidParameter):
        tally(Meeting(DAY, "no-such-decision", voters, {"a": F}), rules)
    with pytest.raises(InvalidInput) as call:
        Meeting(DAY, "ordinary", voters, {}, call=3)
    assert (call.value.field, call.value.value) == ("call", 3)
    assert call.value.reason == "a meeting is held on the first or second call"
    with pytest.raises(InvalidInput):
        electorate([], DAY, rules_of(BE_SC))


def test_bounded_shares_when_bounds_cannot_hold() -> None:
    shares, ok = bounded_shares({"a": Fraction(1)}, Fraction(1, 10), Fraction(1, 2))
    assert (shares, ok) == ({"a": Fraction(1)}, False)


def test_statutes_fill_a_legal_majority_the_reference_is_not_sure_of():
    # Quebec: the majority for amending the articles is only recalled (quebec.md §Q4, [MEM/UNC]),
    # so the regime carries no figure; the co-op's statutes give it, without a violation.
    from datetime import date  # noqa: PLC0415
    from fractions import Fraction  # noqa: PLC0415

    from cooprules.explain import Citation, RuleKind, Text  # noqa: PLC0415
    from cooprules.plugins import get_regime  # noqa: PLC0415
    from cooprules.regime import bind  # noqa: PLC0415
    from cooprules.voting import (  # noqa: PLC0415
        Choice,
        DecisionRule,
        Electorate,
        Majority,
        Meeting,
        Voter,
        VotingStatutes,
        tally,
    )
    from cooprules_adapters.qc.voting import VOTING  # noqa: PLC0415

    voters = Electorate.of(Voter(f"m{i}") for i in range(6))
    ballots = {f"m{i}": Choice.FOR for i in range(4)} | {"m4": Choice.AGAINST, "m5": Choice.AGAINST}
    meeting = Meeting(date(2026, 5, 1), "amend_articles", voters, ballots)
    ours = Citation("Statutes of the co-op", "art. 40", "coop")
    rule = DecisionRule(
        "amend_articles",
        Text(en="amendment of the articles", fr="modification des statuts"),
        Majority(Fraction(2, 3)),
        ours,
        kind_of_rule=RuleKind.STATUTE,
    )
    statutes = VotingStatutes(citation=ours, decisions=(rule,))
    rules = VOTING.bound(bind(get_regime("qc-work"), as_of=meeting.date))
    result = tally(meeting, rules, statutes=statutes)
    assert result.adopted
    assert not [v for v in result.violations if v.code == "voting.rule_contradicts_law"]


def test_a_stricter_cap_of_the_statutes_applies_beside_the_laws() -> None:
    # An accredited Belgian co-op: the law caps a member at 1/10 of the votes present (AR 8 Jan
    # 1962 art. 1); statutes saying 1/20 are stricter, and the strictest cap in force counts.
    # The statutes are one value: their key for the cap, their voting section for the colleges.
    statutes = Statutes(
        "be-cnc",
        {Voting.member_vote_cap: Rate.of("1/20"), Voting.one_member_one_vote: False},
        {Voting.member_vote_cap: "art. 24"},
        name="Coop",
        sections=(VotingStatutes(STATUTES),),
    )
    rules = bind(BE_CNC, statutes, as_of=DAY).rule_set(VotingRules)
    assert rules is not None
    voters = Electorate.of([Voter("x", 60), *(Voter(f"m{i}", 10) for i in range(34))])
    ballots = dict.fromkeys(voters.voters, F)
    result = tally(Meeting(DAY, "amend_articles", voters, ballots), rules, statutes=statutes)
    (cut,) = result.reductions
    assert cut.effective == 20  # 1/20 of the 400 votes present, not 1/10 (40)
    assert cut.citation is not None
    assert cut.citation.article == "art. 24"
    assert statutes.section(VotingStatutes) == VotingStatutes(STATUTES)
    with pytest.raises(DuplicateId):
        Statutes("be-cnc", sections=(VotingStatutes(STATUTES), VotingStatutes(STATUTES)))
