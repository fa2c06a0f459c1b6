"""Belgian regimes: figures from shared/reference/belgium.md, each test naming its source."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from cooprules import Statutes, UnknownRegime, get_regime, resolve, validate
from cooprules.explain import Confidence, RuleKind
from cooprules.money import Rate, format_amount, money, money_from_fraction
from cooprules.parameters import Accompaniment, Capital, Company, Surplus, Voting
from cooprules_adapters.be.regimes import BE_ACTIVITY, BE_CNC, BE_SC, BE_SCES, CSA_IN_FORCE
from cooprules_adapters.be.sources import Keys as BeKeys

NOW = date(2026, 1, 1)
BEFORE_CSA = date(2019, 4, 30)


def codes(statutes: Statutes, regime_code: str, as_of: date = NOW) -> list[str]:
    return [v.code for v in validate(statutes, get_regime(regime_code), as_of)]


def test_lineage():
    # belgium.md §B6: a coopérative d'activités is an SFS, now an entreprise sociale.
    assert BE_ACTIVITY.extends is BE_SCES
    assert BE_SCES.extends is BE_SC
    assert BE_CNC.extends is BE_SC
    with pytest.raises(UnknownRegime):  # the CSA base is an extends target, not registered
        get_regime("be-sc")


def test_aliases():
    assert get_regime("BE-NRC") is BE_CNC
    assert get_regime("be-sfs") is BE_SCES


def test_min_shareholders_csa_6_126():
    # belgium.md BE-CSA-02: at least 3 shareholders; art. 6:126 [SRC].
    for code in ("be-cnc", "be-sces", "be-activity"):
        regime = get_regime(code)
        assert regime.value(Company.min_members, NOW) == 3
        assert regime.value(Company.min_founders, NOW) == 3
    violations = validate(Statutes("be-cnc", {Company.min_members: 2}), BE_CNC, NOW)
    assert [v.code for v in violations] == ["statutes.below_minimum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "art. 6:126"
    assert violations[0].citation.confidence is Confidence.SRC


def test_csa_rules_start_on_1_may_2019():
    assert BE_CNC.find(Company.min_members, BEFORE_CSA) is None
    assert BE_CNC.value(Company.min_members, CSA_IN_FORCE) == 3


def test_legal_reserve_abolished_by_the_csa():
    # belgium.md BE-CSA-05: old Code 5 % (SCRL); CSA: no legal reserve [SRC-2].
    assert BE_CNC.value(Surplus.legal_reserve_rate, BEFORE_CSA) == Rate.of("5%")
    assert BE_CNC.value(Surplus.legal_reserve_rate, CSA_IN_FORCE) == Rate.of("0")
    assert codes(Statutes("be-cnc", {Surplus.legal_reserve_rate: Rate.of("5%")}), "be-cnc") == [
        "statutes.contradicts_law"
    ]


def test_csa_defaults_one_vote_per_share_and_proxies():
    # belgium.md BE-CSA-03: 6:41 one vote per share (DEF), 6:80 proxies allowed (DEF).
    parameter = BE_SCES.parameter(Voting.one_member_one_vote, NOW)
    assert parameter.kind is RuleKind.DEFAULT
    assert parameter.value is False
    statutes = Statutes("be-sces", {Voting.one_member_one_vote: True})
    assert codes(statutes, "be-sces") == []
    assert resolve(Voting.one_member_one_vote, statutes, BE_SCES, NOW).value is True
    assert BE_CNC.value(Voting.proxies_allowed, NOW) is True


def test_cnc_vote_cap_one_tenth():
    # belgium.md §B3 C3: no shareholder above 1/10 of the votes present or represented [SRC-2].
    assert BE_CNC.value(Voting.member_vote_cap, NOW) == Rate.of("1/10")
    violations = validate(Statutes("be-cnc", {Voting.member_vote_cap: Rate.of("1/5")}), BE_CNC, NOW)
    assert [v.code for v in violations] == ["statutes.above_maximum"]
    assert violations[0].citation is not None
    assert violations[0].citation.instrument.startswith("AR du 8 janvier 1962")
    assert violations[0].citation.confidence is Confidence.SRC_2
    assert codes(Statutes("be-cnc", {Voting.member_vote_cap: Rate.of("1/20")}), "be-cnc") == []


def test_c3_worked_example():
    # belgium.md C3: 400 votes present or represented, X holds 60 -> counted as 40.
    cap = BE_CNC.value(Voting.member_vote_cap, NOW)
    assert cap is not None
    assert cap.exact(400) == 40
    assert min(Fraction(60), cap.exact(400)) == 40


def test_cnc_dividend_cap_six_percent_net():
    # belgium.md C5: AR 8 Jan 1962 art. 1 §1 5°, 6 % of nominal, after withholding tax [SRC-2].
    cap = BE_CNC.value(Capital.dividend_cap, NOW)
    assert cap == Rate.of("6%")
    assert BE_CNC.value(Capital.dividend_cap_basis, NOW) == "nominal_net_of_withholding"
    assert BE_CNC.parameter(Capital.dividend_cap, NOW).citation.article == "art. 1 §1 5°"
    violations = validate(Statutes("be-cnc", {Capital.dividend_cap: Rate.of("7%")}), BE_CNC, NOW)
    assert [v.code for v in violations] == ["statutes.above_maximum"]
    assert violations[0].citation == BE_CNC.parameter(Capital.dividend_cap, NOW).citation


def test_c5_worked_example():
    # belgium.md C5: 800 shares of EUR 250 = 200,000 nominal; 30 % withholding tax.
    cap = BE_CNC.value(Capital.dividend_cap, NOW)
    assert cap is not None
    nominal = money("200000", "EUR")
    net = cap.apply(nominal)
    assert format_amount(net) == "12000.00 EUR"  # reading (b): the net dividend
    gross = money_from_fraction(cap.exact(nominal.amount) / Fraction(7, 10), "EUR")
    assert format_amount(gross) == "17142.86 EUR"
    per_share_gross = money_from_fraction(cap.exact(250) / Fraction(7, 10), "EUR")
    assert format_amount(per_share_gross) == "21.43 EUR"


def test_entreprise_sociale_from_1_may_2019():
    # belgium.md §B4: S7 vote cap 1/10 [SRC-2], S3 patrimonial advantage <= 6 % [SRC].
    assert BE_SCES.value(Voting.member_vote_cap, CSA_IN_FORCE) == Rate.of("1/10")
    assert BE_SCES.value(Capital.dividend_cap, CSA_IN_FORCE) == Rate.of("6%")
    cap = BE_SCES.parameter(Capital.dividend_cap, CSA_IN_FORCE)
    assert cap.citation.confidence is Confidence.SRC
    assert cap.citation.article == "art. 6"
    assert cap.valid_from == date(2019, 5, 1)


def test_sfs_before_2019_mem_rules_have_no_value():
    # belgium.md §B5: the SFS vote caps (1/10; 1/20 with staff) are [MEM]: statute choices.
    vote = BE_SCES.parameter(Voting.member_vote_cap, BEFORE_CSA)
    staff = BE_SCES.parameter(BeKeys.staff_member_vote_cap, BEFORE_CSA)
    for parameter in (vote, staff):
        assert parameter.value is None
        assert parameter.maximum is None
        assert parameter.citation.confidence is Confidence.MEM
        assert parameter.kind is RuleKind.STATUTE
    assert BE_SCES.find(BeKeys.staff_member_vote_cap, CSA_IN_FORCE) is None
    # Any choice is accepted while the rule is unverified.
    statutes = Statutes("be-sces", {BeKeys.staff_member_vote_cap: Rate.of("1/20")})
    assert codes(statutes, "be-sces", BEFORE_CSA) == []
    assert codes(statutes, "be-sces", NOW) == ["statutes.unknown_parameter"]


def test_sfs_dividend_on_paid_up_amount():
    # belgium.md §B5 5°: 6 % applied to the amount paid up [SRC-2]; after 2019 the basis is [UNC].
    assert BE_SCES.value(Capital.dividend_cap, BEFORE_CSA) == Rate.of("6%")
    assert BE_SCES.value(Capital.dividend_cap_basis, BEFORE_CSA) == "paid_up"
    after = BE_SCES.parameter(Capital.dividend_cap_basis, NOW)
    assert after.value is None
    assert after.citation.confidence is Confidence.UNC


def test_activity_coop_convention_and_target_group():
    # belgium.md §B6: convention at most 18 months, >= 60 % target group [SRC-2].
    assert BE_ACTIVITY.value(Accompaniment.max_months, NOW) == 18
    assert BE_ACTIVITY.value(BeKeys.target_group_min_share, NOW) == Rate.of("60%")
    assert codes(Statutes("be-activity", {Accompaniment.max_months: 24}), "be-activity") == [
        "statutes.above_maximum"
    ]
    # Worked example: with 50 candidates, at least 30 must be in the target group.
    share = BE_ACTIVITY.value(BeKeys.target_group_min_share, NOW)
    assert share is not None
    assert share.exact(50) == 30
    # It is a social enterprise: it inherits the 1/10 vote cap.
    assert BE_ACTIVITY.value(Voting.member_vote_cap, NOW) == Rate.of("1/10")


def test_cnc_and_sces_do_not_share_accompaniment_rules():
    assert BE_CNC.find(Accompaniment.max_months, NOW) is None
    assert BE_SCES.find(Accompaniment.max_months, NOW) is None
