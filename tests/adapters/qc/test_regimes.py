"""Quebec regimes: figures from shared/reference/quebec.md, each test naming its source."""

from __future__ import annotations

from datetime import date

import pytest

from cooprules import Statutes, UnknownRegime, get_regime, validate
from cooprules.explain import Confidence, RuleKind
from cooprules.money import Rate, format_amount, money
from cooprules.parameters import Capital, Company, Membership, Surplus, Voting
from cooprules_adapters.qc.regimes import QC_COOP, QC_PRODUCER, QC_SOLIDARITY, QC_WORK
from cooprules_adapters.qc.sources import Keys as QcKeys

NOW = date(2026, 1, 1)
ALL = (QC_WORK, QC_SOLIDARITY, QC_PRODUCER)


def codes(statutes: Statutes, regime_code: str) -> list[str]:
    return [v.code for v in validate(statutes, get_regime(regime_code), NOW)]


def test_lineage_and_aliases():
    for regime in ALL:
        assert regime.extends is QC_COOP
    with pytest.raises(UnknownRegime):
        get_regime("qc-coop")
    assert get_regime("qc-travail") is QC_WORK
    assert get_regime("QC-SOLIDARITE") is QC_SOLIDARITY
    assert get_regime("qc-producteurs") is QC_PRODUCER


def test_one_member_one_vote_no_proxy_s4():
    # quebec.md Q1/Q3: s. 4(2), no member has more than one vote; no one votes by proxy [SRC].
    for regime in ALL:
        assert regime.value(Voting.one_member_one_vote, NOW) is True
        proxies = regime.parameter(Voting.proxies_allowed, NOW)
        assert proxies.value is False
        assert proxies.kind is RuleKind.LAW
        assert proxies.citation.article == "s. 4"
        assert proxies.citation.confidence is Confidence.SRC
    violations = validate(Statutes("qc-producer", {Voting.proxies_allowed: True}), QC_PRODUCER, NOW)
    assert [v.code for v in violations] == ["statutes.contradicts_law"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "s. 4"


def test_family_representation_default_but_not_in_work_coops():
    # quebec.md Q3: spouse or adult child unless the by-laws forbid it; not in work co-ops [SRC-2].
    base = QC_PRODUCER.parameter(QcKeys.family_representation_allowed, NOW)
    assert base.value is True
    assert base.kind is RuleKind.DEFAULT
    assert (
        codes(Statutes("qc-producer", {QcKeys.family_representation_allowed: False}), "qc-producer")
        == []
    )
    assert QC_WORK.value(QcKeys.family_representation_allowed, NOW) is False
    assert codes(Statutes("qc-work", {QcKeys.family_representation_allowed: True}), "qc-work") == [
        "statutes.contradicts_law"
    ]


def test_founders_s7_and_s223_1():
    # quebec.md Q2: at least 5 founders (s. 7); a work co-op at least 3 (s. 223.1) [SRC-2].
    assert QC_PRODUCER.value(Company.min_founders, NOW) == 5
    assert QC_WORK.value(Company.min_founders, NOW) == 3
    violations = validate(Statutes("qc-work", {Company.min_founders: 2}), QC_WORK, NOW)
    assert [v.code for v in violations] == ["statutes.below_minimum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "s. 223.1"
    assert codes(Statutes("qc-producer", {Company.min_founders: 3}), "qc-producer") == [
        "statutes.below_minimum"
    ]


def test_solidarity_unverified_points_stay_statute_choices():
    # quebec.md Q8: founders [UNC], supporting members' 1/3 of the board [MEM/UNC].
    founders = QC_SOLIDARITY.parameter(Company.min_founders, NOW)
    assert founders.value is None
    assert founders.citation.confidence is Confidence.UNC
    board = QC_SOLIDARITY.parameter(QcKeys.supporting_members_max_director_share, NOW)
    assert board.value is None
    assert board.maximum is None
    assert board.citation.confidence is Confidence.MEM
    statutes = Statutes(
        "qc-solidarity",
        {Company.min_founders: 3, QcKeys.supporting_members_max_director_share: Rate.of("1/3")},
    )
    assert codes(statutes, "qc-solidarity") == []
    # At least two of the three categories [SRC-2].
    assert QC_SOLIDARITY.value(Company.min_categories, NOW) == 2
    assert codes(Statutes("qc-solidarity", {Company.min_categories: 1}), "qc-solidarity") == [
        "statutes.below_minimum"
    ]


def test_reserve_s146():
    # quebec.md Q7 s. 146: >= 10 % to the reserve + >= 10 % to the reserve or share refunds,
    # while equity < 40 % of debts [SRC]. The 10 % is the s.146 minimum, not a rate the statutes
    # must reach every year: a statutes' lower figure for it is below the legal minimum.
    for regime in ALL:
        assert regime.value(QcKeys.reserve_min_rate, NOW) == Rate.of("10%")
        assert regime.value(QcKeys.additional_reserve_or_share_refund_rate, NOW) == Rate.of("10%")
        assert regime.value(QcKeys.reserve_min_while_equity_below, NOW) == Rate.of("40%")
    violations = validate(
        Statutes("qc-work", {QcKeys.reserve_min_rate: Rate.of("5%")}), QC_WORK, NOW
    )
    assert [v.code for v in violations] == ["statutes.below_minimum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "s. 146"


@pytest.mark.parametrize("rate", ["0%", "5%", "10%", "25%"])
def test_a_statutory_reserve_rate_has_no_minimum_outside_s146(rate):
    # quebec.md Q7 worked example 2: with equity >= 40 % of debts s.146 does not apply; s.4(4)
    # only requires that a reserve exist [interpretation: MEM]. A co-op's own reserve rate, even
    # 0 %, is not below a legal minimum; s.146 is checked on the year's distribution instead.
    for regime in ALL:
        statutes = Statutes(regime.code, {Surplus.legal_reserve_rate: Rate.of(rate)})
        assert validate(statutes, regime, NOW) == ()
        parameter = regime.parameter(Surplus.legal_reserve_rate, NOW)
        assert parameter.kind is RuleKind.STATUTE
        assert parameter.value is None
        assert parameter.minimum is None
        assert parameter.citation.confidence is Confidence.MEM  # an interpretation, never law


def test_worked_example_1_consumer_coop():
    # quebec.md Q7 worked example 1: base $100,000, equity/debts 25 % < 40 %.
    base = money("100000", "CAD")
    reserve = QC_PRODUCER.value(QcKeys.reserve_min_rate, NOW)
    extra = QC_PRODUCER.value(QcKeys.additional_reserve_or_share_refund_rate, NOW)
    threshold = QC_PRODUCER.value(QcKeys.reserve_min_while_equity_below, NOW)
    assert reserve is not None
    assert extra is not None
    assert threshold is not None
    assert Rate.of("25%") < threshold  # s. 146 applies
    assert format_amount(reserve.apply(base)) == "10000.00 CAD"
    assert format_amount(extra.apply(base)) == "10000.00 CAD"


def test_reserve_indivisible_s147_s185():
    for regime in ALL:
        parameter = regime.parameter(Surplus.reserves_indivisible, NOW)
        assert parameter.value is True
        assert parameter.citation.article == "ss. 147, 185"


def test_enhancement_reserve_only_producer_and_work():
    # quebec.md Q7: ss. 149.1-149.6, producer, work and shareholding-workers co-ops [SRC].
    assert QC_WORK.value(QcKeys.enhancement_reserve_allowed, NOW) is True
    assert QC_PRODUCER.value(QcKeys.enhancement_reserve_allowed, NOW) is True
    assert QC_SOLIDARITY.value(QcKeys.enhancement_reserve_allowed, NOW) is False


def test_work_coop_trial_period_s224_2():
    # quebec.md Q5: at most 250 days of work over at most 18 months [SRC].
    assert QC_WORK.value(Membership.trial_max_days_worked, NOW) == 250
    assert QC_WORK.value(Membership.trial_max_months, NOW) == 18
    violations = validate(
        Statutes("qc-work", {Membership.trial_max_days_worked: 300}), QC_WORK, NOW
    )
    assert [v.code for v in violations] == ["statutes.above_maximum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "s. 224.2"
    assert QC_PRODUCER.find(Membership.trial_max_days_worked, NOW) is None


def test_board_size_bounds_without_default():
    # quebec.md Q2: 3 to 15 directors [SRC-2]; the by-law fixes the number.
    assert QC_WORK.value(Company.board_size, NOW) is None
    assert codes(Statutes("qc-work", {Company.board_size: 9}), "qc-work") == []
    assert codes(Statutes("qc-work", {Company.board_size: 20}), "qc-work") == [
        "statutes.above_maximum"
    ]
    assert codes(Statutes("qc-work", {Company.board_size: 2}), "qc-work") == [
        "statutes.below_minimum"
    ]


def test_interest_on_capital_limited_without_figure():
    # quebec.md Q1 s. 4(3): interest must be limited; no statutory rate [MEM/UNC] -> no value.
    parameter = QC_PRODUCER.parameter(Capital.dividend_cap, NOW)
    assert parameter.value is None
    assert parameter.kind is RuleKind.STATUTE
