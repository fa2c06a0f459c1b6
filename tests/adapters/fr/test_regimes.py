"""French regimes: figures from shared/reference/france.md, each test naming its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest

from cooprules import Statutes, UnknownRegime, get_regime, resolve, validate
from cooprules.errors import UnknownParameter
from cooprules.explain import Confidence, RuleKind
from cooprules.money import Rate, format_amount, money
from cooprules.parameters import Accompaniment, Capital, Company, Surplus, Voting
from cooprules_adapters.fr import membership as fr_membership
from cooprules_adapters.fr.regimes import FR_CAE_SCIC, FR_CAE_SCOP, FR_COOP, FR_SCIC, FR_SCOP
from cooprules_adapters.fr.sources import Keys as FrKeys
from cooprules_adapters.fr.tmo import TMO, interest_cap

NOW = date(2024, 6, 1)

# france.md §1.8, "Caps derived from the table": GM year -> cap rounded to 4 decimals.
REFERENCE_CAPS = {
    2017: "3.2267%",
    2018: "2.9467%",
    2019: "2.9233%",
    2020: "2.8083%",
    2021: "2.4883%",
    2022: "2.2317%",
    2023: "2.7475%",
    2024: "3.8025%",
}


def rounded(rate: Rate) -> Rate:
    percent = rate.as_percent()
    four = Decimal(percent.numerator) / Decimal(percent.denominator)
    return Rate.percent(four.quantize(Decimal("0.0001")))


def codes(statutes: Statutes, regime_code: str, as_of: date = NOW) -> list[str]:
    return [v.code for v in validate(statutes, get_regime(regime_code), as_of)]


def test_lineage():
    assert FR_SCOP.extends is FR_COOP
    assert FR_SCIC.extends is FR_COOP
    assert FR_CAE_SCOP.extends is FR_SCOP
    assert FR_CAE_SCIC.extends is FR_SCIC
    with pytest.raises(UnknownRegime):
        get_regime("fr-coop")
    with pytest.raises(UnknownRegime):
        get_regime("fr-cae")  # two regimes share it: not an alias


def test_one_member_one_vote_loi_1947_art_1():
    # france.md §1.1: art. 1 al. 3 [SRC].
    for code in ("fr-scop", "fr-scic", "fr-cae-scop", "fr-cae-scic"):
        parameter = get_regime(code).parameter(Voting.one_member_one_vote, NOW)
        assert parameter.value is True
        assert parameter.kind is RuleKind.LAW
    assert codes(Statutes("fr-scic", {Voting.one_member_one_vote: False}), "fr-scic") == [
        "statutes.contradicts_law"
    ]


@pytest.mark.parametrize(("year", "cap"), REFERENCE_CAPS.items())
def test_interest_cap_per_gm_year(year: int, cap: str):
    # france.md §1.8: mean TMO of the 3 calendar years before the GM + 2 points.
    value = FR_SCIC.value(Capital.dividend_cap, date(year, 6, 1))
    assert value is not None
    assert rounded(value) == Rate.of(cap)
    semesters = [TMO[(y, h)][0] for y in range(year - 3, year) for h in (1, 2)]
    assert value == Rate((Fraction(sum(semesters)) / 6 + 2) / 100)
    parameter = FR_SCIC.parameter(Capital.dividend_cap, date(year, 6, 1))
    assert parameter.valid_from == date(year, 1, 1)
    assert parameter.valid_until == date(year + 1, 1, 1)
    assert parameter.maximum == value
    assert parameter.citation.article.startswith("art. 14")


def test_interest_cap_worked_example_2017():
    # france.md §1.8: (2.28 + 1.50 + 0.96 + 1.19 + 0.80 + 0.63) / 6 + 2 = 3.2267 %;
    # 200 000 EUR of paid-up capital -> at most 6 453 EUR (exactly 6 453.33).
    cap = FR_SCIC.value(Capital.dividend_cap, date(2017, 6, 1))
    assert cap == Rate(Fraction("7.36") / 6 / 100 + Fraction(2, 100))
    assert rounded(cap) == Rate.of("3.2267%")
    assert format_amount(cap.apply(money("200000", "EUR"))) == "6453.33 EUR"


def test_interest_cap_changes_on_the_first_of_january():
    before = FR_SCIC.value(Capital.dividend_cap, date(2017, 12, 31))
    after = FR_SCIC.value(Capital.dividend_cap, date(2018, 1, 1))
    assert before is not None
    assert after is not None
    assert after < before
    statutes = Statutes("fr-scic", {Capital.dividend_cap: Rate.of("3%")})
    assert codes(statutes, "fr-scic", date(2017, 6, 1)) == []
    violations = validate(statutes, FR_SCIC, date(2018, 6, 1))
    assert [v.code for v in violations] == ["statutes.above_maximum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article.startswith("art. 14")
    assert "2018" in (violations[0].citation.title or "")


def test_interest_cap_from_2025_is_unverified():
    # france.md §1.8: TMO from S1 2024 not found [UNC]; the 4.80 % figure is not used.
    assert interest_cap(2025) is None
    parameter = FR_SCIC.parameter(Capital.dividend_cap, date(2025, 6, 1))
    assert parameter.value is None
    assert parameter.maximum is None
    assert parameter.citation.confidence is Confidence.UNC
    assert FR_SCIC.value(Capital.dividend_cap, date(2030, 1, 1)) is None
    statutes = Statutes("fr-scic", {Capital.dividend_cap: Rate.of("4.8%")})
    assert codes(statutes, "fr-scic", date(2025, 6, 1)) == []


def test_interest_cap_before_sapin_ii_is_not_encoded():
    with pytest.raises(UnknownParameter):
        FR_SCIC.value(Capital.dividend_cap, date(2016, 6, 1))


def test_scop_interest_cap_does_not_apply():
    # france.md §2.10 / correction 3: loi 1978 art. 33 4°, "n'est pas applicable" [SRC].
    assert FR_COOP.value(Capital.dividend_cap, NOW) is not None
    for regime in (FR_SCOP, FR_CAE_SCOP):
        parameter = regime.parameter(Capital.dividend_cap, NOW)
        assert parameter.value is None
        assert parameter.maximum is None
        assert parameter.citation.article == "art. 33 4°"
        assert "pas applicable" in (parameter.citation.title or "")
    # Worked example A: 10 000 EUR on 50 000 EUR of capital (20 %) is allowed for a SCOP.
    statutes = Statutes("fr-scop", {Capital.dividend_cap: Rate.of("20%")})
    assert codes(statutes, "fr-scop", date(2017, 6, 1)) == []


def test_scop_legal_reserve_exactly_15_percent():
    # france.md §2.10 1° / correction 5: "une fraction de 15 %", not "at least" [SRC].
    assert FR_SCOP.value(Surplus.legal_reserve_rate, NOW) == Rate.of("15%")
    # Worked example A: E = 100 000 -> L = 15 000; booking 16 000 would be wrong.
    rate = FR_SCOP.value(Surplus.legal_reserve_rate, NOW)
    assert rate is not None
    assert format_amount(rate.apply(money("100000", "EUR"))) == "15000.00 EUR"
    violations = validate(
        Statutes("fr-scop", {Surplus.legal_reserve_rate: Rate.of("16%")}), FR_SCOP, NOW
    )
    assert [v.code for v in violations] == ["statutes.contradicts_law"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "art. 33 1°"


def test_scop_worker_share_at_least_25_percent():
    # france.md §2.10 3° [SRC]; worked example A: T = 40 000 of E = 100 000 is fine.
    assert FR_SCOP.value(Surplus.worker_share_rate, NOW) == Rate.of("25%")
    assert codes(Statutes("fr-scop", {Surplus.worker_share_rate: Rate.of("40%")}), "fr-scop") == []
    violations = validate(
        Statutes("fr-cae-scop", {Surplus.worker_share_rate: Rate.of("20%")}), FR_CAE_SCOP, NOW
    )
    assert [v.code for v in violations] == ["statutes.below_minimum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "art. 33 3°"


def test_scop_min_employee_associates_by_form():
    # france.md §2.2: 2 (SARL, SAS), 7 (SA), loi 1978 art. 5 post-2014 [SRC].
    assert FR_SCOP.value(Company.min_employee_associates, NOW) == 2
    assert FR_SCOP.value(FrKeys.min_employee_associates_sa, NOW) == 7
    assert codes(Statutes("fr-scop", {FrKeys.min_employee_associates_sa: 5}), "fr-scop") == [
        "statutes.below_minimum"
    ]


def test_scop_other_figures():
    # france.md §2.3 art. 24 (1/2 of capital), §2.8 art. 14 (proxies), art. 26 ter [SRC].
    assert FR_SCOP.value(Capital.max_holding_share, NOW) == Rate.of("1/2")
    assert FR_SCOP.value(Voting.proxies_allowed, NOW) is True
    assert FR_SCOP.value(Surplus.reserves_indivisible, NOW) is True
    assert FR_SCOP.value(Surplus.reserves_rate, NOW) is None  # fonds de développement: statutes


def test_non_cooperator_vote_caps_changed_in_2014():
    # france.md §1.3: art. 3 bis, single 35 % cap before loi 2014-856, then 49 % / 35 % [SRC].
    before, after = date(2014, 8, 1), date(2014, 8, 2)
    assert FR_SCOP.value(FrKeys.non_cooperator_vote_cap, before) == Rate.of("35%")
    assert FR_SCOP.value(FrKeys.non_cooperator_vote_cap, after) == Rate.of("49%")
    assert FR_SCOP.find(FrKeys.non_cooperative_outsider_vote_cap, before) is None
    assert FR_SCOP.value(FrKeys.non_cooperative_outsider_vote_cap, after) == Rate.of("35%")


def test_scic_reserves_57_5_percent():
    # france.md §3.4: 15 % + 50 % of the remaining 85 % = 57.5 % [SRC]; worked example E.
    assert FR_SCIC.value(Surplus.legal_reserve_rate, NOW) == Rate.of("15%")
    reserves = FR_SCIC.value(Surplus.reserves_rate, NOW)
    assert reserves == Rate(Fraction(15, 100) + Fraction(1, 2) * Fraction(85, 100))
    assert reserves is not None
    assert format_amount(reserves.apply(money("100000", "EUR"))) == "57500.00 EUR"
    violations = validate(
        Statutes("fr-scic", {Surplus.reserves_rate: Rate.of("50%")}), FR_SCIC, NOW
    )
    assert [v.code for v in violations] == ["statutes.below_minimum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "art. 19 nonies"
    assert codes(Statutes("fr-scic", {Surplus.reserves_rate: Rate.of("100%")}), "fr-scic") == []
    assert FR_SCIC.value(Surplus.reserves_indivisible, NOW) is True


def test_scic_worked_example_e_interest():
    # france.md §3.4 example E: capital 200 000, GM 2017 -> interest at most 6 453 EUR.
    cap = FR_CAE_SCIC.value(Capital.dividend_cap, date(2017, 3, 1))
    assert cap is not None
    assert cap.apply(money("200000", "EUR")) < money("6454", "EUR")


def test_scic_categories_and_colleges():
    # france.md §3.2 art. 19 septies (>= 3 categories); §3.3 art. 19 octies (colleges) [SRC].
    assert FR_SCIC.value(Company.min_categories, NOW) == 3
    assert codes(Statutes("fr-scic", {Company.min_categories: 2}), "fr-scic") == [
        "statutes.below_minimum"
    ]
    assert FR_SCIC.value(Voting.min_colleges, NOW) == 3
    low = FR_SCIC.parameter(Voting.college_min_weight, NOW)
    high = FR_SCIC.parameter(Voting.college_max_weight, NOW)
    # The doc.scani.fr weighting: 40 %, 25 %, 25 %, 10 % - each within [10 %, 50 %].
    for weight in ("40%", "25%", "25%", "10%"):
        assert low.check(Rate.of(weight)) is None
        assert high.check(Rate.of(weight)) is None
    assert low.check(Rate.of("5%")) is not None
    assert high.check(Rate.of("60%")) is not None
    assert FR_SCOP.find(Voting.min_colleges, NOW) is None  # no legal basis for SCOP colleges


def test_scic_public_bodies_capital_share():
    # france.md §3.2: local authorities <= 50 % (20 % before 2014).
    assert FR_SCIC.value(FrKeys.scic_public_bodies_max_share, date(2014, 1, 1)) == Rate.of("20%")
    assert FR_SCIC.value(FrKeys.scic_public_bodies_max_share, NOW) == Rate.of("50%")


def test_cae_rules_in_both_forms():
    # france.md §4.4 L7331-3 (36 months), §4.5 L7332-1 (8 months), §4.8 (2 interviews) [SRC].
    for regime in (FR_CAE_SCOP, FR_CAE_SCIC):
        assert regime.value(Accompaniment.associate_deadline_months, NOW) == 36
        assert regime.value(Accompaniment.trial_max_months, NOW) == 8
        assert regime.value(Accompaniment.min_support_interviews, NOW) == 2
        assert regime.find(Accompaniment.min_support_interviews, date(2015, 12, 31)) is None
        assert regime.find(Accompaniment.associate_deadline_months, date(2014, 8, 1)) is None
        # L7332-1's eight months are law, declared with their article, URL and confidence [SRC].
        trial = regime.parameter(Accompaniment.trial_max_months, NOW)
        assert trial.kind is RuleKind.LAW
        assert trial.maximum == 8
        assert trial.citation.article == "art. L7332-1"
        assert trial.citation.confidence is Confidence.SRC
        assert trial.citation.url == (
            "https://www.legifrance.gouv.fr/codes/id/LEGIARTI000029317537/2014-08-02"
        )
        assert trial.citation is fr_membership.TRIAL_PERIOD
    violations = validate(
        Statutes("fr-cae-scic", {Accompaniment.trial_max_months: 12}), FR_CAE_SCIC, NOW
    )
    assert [v.code for v in violations] == ["statutes.above_maximum"]
    assert violations[0].citation is not None
    assert violations[0].citation.article == "art. L7332-1"
    assert FR_SCOP.find(Accompaniment.trial_max_months, NOW) is None


def test_cae_inherits_its_form():
    assert FR_CAE_SCOP.value(Surplus.worker_share_rate, NOW) == Rate.of("25%")
    assert FR_CAE_SCIC.value(Surplus.reserves_rate, NOW) == Rate.of("57.5%")
    assert FR_CAE_SCIC.find(Surplus.worker_share_rate, NOW) is None


def test_resolve_picks_statutes_within_the_cap():
    statutes = Statutes("fr-scic", {Capital.dividend_cap: Rate.of("2%")})
    chosen = resolve(Capital.dividend_cap, statutes, FR_SCIC, date(2020, 6, 1))
    assert chosen.value == Rate.of("2%")
    assert chosen.source == "statutes"
    default = resolve(Capital.dividend_cap, Statutes("fr-scic"), FR_SCIC, date(2020, 6, 1))
    assert default.value is not None
    assert rounded(default.value) == Rate.of("2.8083%")
