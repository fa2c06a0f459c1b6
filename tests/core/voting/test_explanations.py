"""What a count says of itself: its steps, reductions, violations and summary, in two languages."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from cooprules.explain import Citation, Step, Text, render_steps
from cooprules.membership import Event, EventKind, Member
from cooprules.money import Rate
from cooprules.parameters import Voting
from cooprules.regime import Regime, Statutes, bind
from cooprules.voting import (
    Choice,
    College,
    DecisionRule,
    Electorate,
    Majority,
    Meeting,
    Voter,
    VoteResult,
    VotingRules,
    VotingStatutes,
    electorate,
    tally,
)
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.qc.regimes import QC_COOP

DAY = date(2026, 6, 1)
F, A = Choice.FOR, Choice.AGAINST
STATUTES = Citation("Statutes", "art. 20", "coop")


def rules_of(regime: Regime, statutes: Statutes | None = None) -> VotingRules:
    found = bind(regime, statutes, as_of=DAY).rule_set(VotingRules)
    assert found is not None
    return found


def step_named(result: VoteResult, en: str) -> Step:
    (step,) = [s for s in result.explanation.steps if s.what.en == en]
    return step


def belgian_big_member() -> VoteResult:
    # belgium.md row 8 (AR 8 Jan 1962 art. 1, accredited co-op): no shareholder votes for more
    # than 1/10 of the votes attached to the shares present or represented. 100 votes present,
    # "big" holds 30: the cap is 10 votes, the 20 above it are not counted.
    shares = {"big": 30, **{f"m{i}": 10 for i in range(7)}}
    voters = Electorate.of(Voter(k, v) for k, v in shares.items())
    ballots = {"big": F, **{f"m{i}": A for i in range(7)}}
    return tally(Meeting(DAY, "amend_articles", voters, ballots), rules_of(BE_CNC))


def test_the_attendance_step_counts_voters_present_and_represented() -> None:
    result = belgian_big_member()
    step = step_named(result, "Voters present or represented")
    assert step.what == Text(
        en="Voters present or represented", fr="Votants présents ou représentés"
    )
    assert step.inputs == (("voters", 8), ("present", 8), ("represented", 0), ("votes", 100))
    assert step.result == 8
    assert "Votants présents ou représentés: voters = 8" in render_steps(
        result.explanation, lang="fr"
    )


def test_the_cap_per_member_step_names_its_figures_and_cites_the_cap() -> None:
    result = belgian_big_member()
    (cap,) = rules_of(BE_CNC).member_caps
    step = step_named(result, "Cap per member")
    assert step.what == Text(en="Cap per member", fr="Plafond par membre")
    assert step.inputs == (
        ("cap", Fraction(1, 10)),
        ("votes present or represented", 100),
        ("cap votes", Fraction(10)),
    )
    assert step.result == 1  # one member cut
    assert step.citation == cap.citation
    assert step.citation is not None
    assert step.citation.article.startswith("art. 1")
    assert step.note == Text(
        en="votes are per share; a member's votes above the cap are not counted (neither in "
        "their choice nor in the votes present), computed once, exact",
        fr="voix attachées aux parts ; les voix d'un membre au-delà du plafond ne sont pas "
        "comptées (ni dans son choix ni parmi les voix présentes), calcul unique et exact",
    )
    (cut,) = result.reductions
    assert cut.reason == Text(
        en="capped at 0.1 of the 100 votes present or represented: the 20 votes above the cap "
        "are not counted",
        fr="plafonné à 0.1 des 100 voix présentes ou représentées : les 20 voix au-delà du "
        "plafond ne sont pas comptées",
    )


def test_with_one_vote_each_the_cap_step_says_it_is_not_applied_and_why() -> None:
    # Loi 1947 art. 1 al. 3 and art. 9: one vote per SCOP associate, a rule of law; the statutes'
    # cap on a member's share of the votes is the alternative to it, so no one is cut.
    statutes = Statutes(
        "fr-scop",
        {Voting.one_member_one_vote: False, Voting.member_vote_cap: Rate.of("1/10")},
        {Voting.member_vote_cap: "art. 12"},
    )
    rules = rules_of(FR_SCOP, statutes)
    members = [Member.of(m, [Event(EventKind.ADMITTED, date(2024, 1, 1))]) for m in ("a", "b")]
    voters = electorate(members, DAY, rules, shares={"a": 90, "b": 10})
    result = tally(Meeting(DAY, "sa.extraordinary", voters, {"a": F, "b": A}), rules)
    step = step_named(result, "Cap per member")
    assert step.inputs == (
        ("cap", Fraction(1, 10)),
        ("votes", Text(en="one per member", fr="une par membre")),
    )
    assert step.result == 0
    assert step.citation is not None
    assert step.citation.article == "art. 12"
    assert step.note == Text(
        en="not applied: each member has one vote; the cap on a member's share of the votes "
        "applies to votes weighted by shares, as the alternative to one member one vote",
        fr="non appliqué : chaque membre dispose d'une voix ; le plafond de la part des voix "
        "d'un membre s'applique aux voix attachées aux parts, comme alternative à "
        "« un membre, une voix »",
    )
    assert "votes = une par membre" in render_steps(result.explanation, lang="fr")
    assert "votes = one per member" in render_steps(result.explanation)
    assert result.reductions == ()


def test_a_category_cap_explains_its_pro_rata_reduction_in_both_languages() -> None:
    # Loi 1947 art. 3 bis (france.md §1.3): the non-cooperator associates together hold at most
    # 35 % of the votes; 5 external votes beside 5 others are reduced to 35/13.
    voters = Electorate.of(
        [Voter(f"w{i}", category="employee") for i in range(5)]
        + [Voter(f"x{i}", category="external") for i in range(5)]
    )
    ballots = {f"w{i}": A for i in range(5)} | {f"x{i}": F for i in range(5)}
    result = tally(Meeting(DAY, "sa.extraordinary", voters, ballots), rules_of(FR_SCOP))
    (cut,) = result.reductions
    assert (cut.subject, cut.raw, cut.effective) == ("category:external", 5, Fraction(35, 13))
    assert cut.reason == Text(
        en="these categories together capped at 0.35 of the votes, each vote reduced pro rata",
        fr="ces catégories plafonnées ensemble à 0.35 des voix, chaque voix réduite au prorata",
    )
    step = step_named(result, "Cap on categories: external")
    assert step.what.fr == "Plafond par catégories : external"
    assert step.inputs == (("cap", Fraction(7, 20)), ("their votes", 5), ("other votes", 5))
    assert step.result == Fraction(7, 13)
    both = step_named(result, "Cap on categories: external, external_coop")
    assert both.what.fr == "Plafond par catégories : external, external_coop"
    assert both.result == 1  # 35/13 of 5 + 35/13 is within 49 %


def test_statutes_contradicting_the_law_are_told_in_both_languages() -> None:
    # Cooperatives Act (Quebec): the merger's two-thirds majority is the law's; statutes saying
    # a simple majority cannot lower it.
    rules = rules_of(QC_COOP)
    law = rules.decision("merger")
    assert law is not None
    lower = DecisionRule("merger", law.label, Majority(Fraction(1, 2), strict=True), STATUTES)
    voters = Electorate.of(Voter(f"m{i}") for i in range(10))
    ballots = {f"m{i}": (F if i < 6 else A) for i in range(10)}
    result = tally(
        Meeting(DAY, "merger", voters, ballots),
        rules,
        statutes=VotingStatutes(STATUTES, decisions=[lower]),
    )
    (problem,) = result.violations
    assert (problem.code, problem.subject) == ("voting.rule_contradicts_law", "decision:merger")
    assert problem.message == Text(
        en="The law fixes this decision's quorum and majority; the statutes cannot change them. "
        "The law's rule is applied.",
        fr="La loi fixe le quorum et la majorité de cette décision ; les statuts ne peuvent les "
        "modifier. La règle légale s'applique.",
    )
    assert problem.citation == law.citation
    assert not result.adopted  # 6/10 is below the law's two thirds


def test_colleges_without_a_legal_basis_are_counted_by_head_with_a_violation() -> None:
    # Cooperatives Act (CQLR c C-67.2) s. 4: one vote per member; the regime gives the statutes'
    # colleges no basis, so 1 for and 3 against is 1/4 for, whatever the colleges' weights.
    colleges = [College("emp", {"emp"}, Fraction(1, 4)), College("usr", {"usr"}, Fraction(3, 4))]
    voters = Electorate.of(
        [Voter(f"e{i}", 1, "emp", "emp") for i in range(3)] + [Voter("u0", 1, "usr", "usr")],
        colleges=colleges,
    )
    ballots = {"e0": A, "e1": A, "e2": A, "u0": F}
    rules = rules_of(QC_COOP)
    result = tally(
        Meeting(DAY, "ordinary", voters, ballots),
        rules,
        statutes=VotingStatutes(STATUTES, colleges=colleges),
    )
    (problem,) = result.violations
    assert (problem.code, problem.subject) == ("voting.colleges_not_allowed", "statutes.colleges")
    assert problem.message == Text(
        en="This regime gives voting colleges no legal basis; votes are counted by head in one "
        "body.",
        fr="Ce régime ne donne pas de base légale aux collèges de vote ; les voix sont comptées "
        "par tête en un seul corps.",
    )
    assert problem.citation == rules.colleges_citation
    assert result.share_for == Fraction(1, 4)
    assert result.college_shares == {}
    assert not result.adopted


def test_the_summary_gives_the_verdict_the_share_for_and_the_rule() -> None:
    voters = Electorate.of(Voter(f"m{i}") for i in range(4))
    rules = rules_of(QC_COOP)
    adopted = tally(Meeting(DAY, "ordinary", voters, {"m0": F, "m1": F, "m2": F, "m3": A}), rules)
    assert adopted.summary() == "Motion adopted: 0.75 for; rule: more than 0.5 of the votes cast"
    assert adopted.summary("fr") == (
        "Résolution adoptée : 0.75 pour ; règle : plus de 0.5 des voix exprimées"
    )
    rejected = tally(Meeting(DAY, "ordinary", voters, {"m0": F, "m1": A, "m2": A}), rules)
    assert rejected.summary() == "Motion rejected: 1/3 for; rule: more than 0.5 of the votes cast"
    assert rejected.summary("fr") == (
        "Résolution rejetée : 1/3 pour ; règle : plus de 0.5 des voix exprimées"
    )


def test_the_summary_says_when_the_quorum_failed() -> None:
    # Code de commerce art. L225-96: a quarter of the votes at the first call; 1 of 10 is short.
    voters = Electorate.of(Voter(f"a{i}") for i in range(10))
    result = tally(Meeting(DAY, "sa.extraordinary", voters, {"a0": F}), rules_of(FR_SCOP))
    assert not result.quorum_reached
    assert result.summary() == (
        "Motion rejected (no quorum): 1 for; rule: at least 2/3 of the votes cast"
    )
    assert result.summary("fr") == (
        "Résolution rejetée (quorum non atteint) : 1 pour ; règle : au moins 2/3 des voix exprimées"
    )
