"""A liquidation's result and its explanation, step by step, and its refusals of bad input.

The worked example is quebec.md §Q9 (Cooperatives Act, CQLR c C-67.2, s. 185 [SRC]): assets
$600,000, debts and costs $420,000, paid-up shares $50,000 (common $8,000, preferred $42,000),
all repaid, and the $130,000 left devolves to the CQCM. The variants (short assets, an
enhancement reserve) are our figures.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import InvalidAmount, InvalidInput, InvalidPeriod
from cooprules.explain import render_steps
from cooprules.money import money, total
from cooprules.regime import bind
from cooprules.reserves import Movement, MovementKind, ReserveRules, liquidate
from cooprules_adapters.be import reserves as be
from cooprules_adapters.qc import reserves as qc
from cooprules_adapters.qc.regimes import QC_PRODUCER
from cooprules_adapters.qc.sources import Keys as QcKeys

VOTE = date(2026, 3, 1)
ENHANCEMENT_RULES = bind(QC_PRODUCER, as_of=VOTE).rule_set(ReserveRules)
"""A producers' co-op's reserve rules: the enhancement reserve goes to the last 5 years' members."""
CAPITAL = {"common": money("8000", "CAD"), "preferred": money("42000", "CAD")}


def cad(text: str) -> object:
    return money(text, "CAD")


def wind_up(assets: str, debts: str = "420000", **options: object) -> object:
    options.setdefault("rule", qc.RESERVES.liquidation)
    return liquidate(cad(assets), cad(debts), CAPITAL, "CQCM", **options)  # type: ignore[arg-type]


def test_quebec_q9_worked_example_step_by_step():
    result = wind_up("600000")
    assert result.debts_paid == cad("420000.00")
    assert result.repaid == {"common": cad("8000.00"), "preferred": cad("42000.00")}
    assert result.devolved == cad("130000.00")
    assert result.beneficiary == "CQCM"  # the devolution names who receives it
    assert result.distributed == {}
    debts, capital, balance = result.explanation.steps
    assert (debts.what.en, debts.result) == ("Debts and winding-up costs paid", cad("420000.00"))
    assert (capital.what.en, capital.result, capital.note) == (
        "Paid-up capital repaid",
        cad("50000.00"),
        None,  # repaid in full: no pro rata
    )
    assert (balance.result, balance.note.en) == (
        cad("130000.00"),
        "devolved to a co-operative, a federation, a confederation or the CQCM",
    )
    assert {step.citation for step in result.explanation.steps} == {qc.LIQUIDATION}


def test_short_assets_repay_the_capital_pro_rata_and_say_so():
    # $450,000 - $420,000 leaves $30,000 for $50,000 of shares: 60 % of each.
    result = wind_up("450000")
    assert result.repaid == {"common": cad("4800.00"), "preferred": cad("25200.00")}
    assert result.devolved == cad("0.00")
    capital = result.explanation.steps[1]
    assert capital.result == cad("30000.00")
    assert (capital.note.en, capital.note.fr) == (
        "pro rata of the paid-up capital",
        "au prorata du capital libéré",
    )
    assert "30000.00 CAD; pro rata of the paid-up capital" in render_steps(result.explanation)


def test_assets_below_the_debts_pay_the_creditors_what_there_is():
    result = wind_up("400000")
    assert (result.debts_paid, result.shortfall) == (cad("400000.00"), cad("20000.00"))
    assert result.explanation.steps[0].result == cad("400000.00")
    assert result.repaid == {"common": cad("0.00"), "preferred": cad("0.00")}


def test_a_belgian_csa_shares_the_balance_among_the_members_and_devolves_nothing():
    # CSA art. 6:40 (be/reserves.py, [SRC-2]): by default the balance is shared per share; here
    # by paid-up capital, the default weights: 130,000 x 8/50 = 20,800 and x 42/50 = 109,200.
    result = liquidate(
        cad("600000"), cad("420000"), CAPITAL, "CQCM", rule=be.CSA_RESERVES.liquidation
    )
    assert result.distributed == {"common": cad("20800.00"), "preferred": cad("109200.00")}
    assert (result.devolved, result.beneficiary) == (cad("0"), None)
    balance = result.explanation.steps[-1]
    assert (balance.result, balance.note.en, balance.note.fr) == (
        cad("130000.00"),
        "shared among the members",
        "réparti entre les membres",
    )


@pytest.mark.parametrize("field", ["assets", "debts"])
def test_a_negative_assets_or_debts_is_refused_as_not_negative(field):
    amounts = {"assets": cad("600000"), "debts": cad("420000"), field: cad("-1.00")}
    with pytest.raises(InvalidAmount) as info:
        liquidate(
            amounts["assets"],
            amounts["debts"],
            CAPITAL,
            "CQCM",
            rule=qc.RESERVES.liquidation,  # type: ignore[arg-type]
        )
    assert (info.value.field, info.value.value) == (field, "-1.00 CAD")
    assert str(info.value) == f"{field}: must be not negative (got '-1.00 CAD')"


def test_a_movement_of_zero_is_refused_as_not_positive():
    with pytest.raises(InvalidAmount) as info:
        Movement("m1", "reserve", MovementKind.ALLOCATION, VOTE, cad("0.00"))
    assert (info.value.field, info.value.value) == ("movements[m1].amount", "0.00 CAD")
    assert str(info.value) == "movements[m1].amount: must be positive (got '0.00 CAD')"


# ---------------------------------------------------------------------------------------------
# The enhancement reserve (s.185 [SRC], quebec.md §Q7 and §Q9): after the shares, its balance
# goes to the members of the 5 financial years before the vote, pro rata of their business.
# ---------------------------------------------------------------------------------------------


def test_the_enhancement_reserve_step_says_what_is_paid_to_whom():
    result = wind_up(
        "600000",
        rule=ENHANCEMENT_RULES.liquidation,
        reserve_balances={"enhancement": cad("30000")},
        business_by_year={date(2025, 12, 31): {"a": 3, "b": 1}},
        vote=VOTE,
    )
    assert result.to_recent_members == {"a": cad("22500.00"), "b": cad("7500.00")}
    step = result.explanation.steps[2]
    assert step.what.en == (
        "Enhancement reserve paid to the members of the last 5 financial years, pro rata of "
        "their business"
    )
    assert step.what.fr == (
        "Réserve de valorisation versée aux membres des 5 derniers exercices, au prorata de "
        "leurs opérations"
    )
    assert step.result == cad("30000.00")
    assert step.note is None
    assert result.devolved == cad("100000.00")


def test_short_assets_pay_the_enhancement_reserve_only_what_is_left():
    # $490,000: $20,000 left after the debts and the shares, for a reserve of $30,000.
    result = wind_up(
        "490000",
        rule=ENHANCEMENT_RULES.liquidation,
        reserve_balances={"enhancement": cad("30000")},
        business_by_year={date(2025, 12, 31): {"a": 1}},
        vote=VOTE,
    )
    step = result.explanation.steps[2]
    assert step.result == cad("20000.00")
    assert step.note.en == "only 20000.00 CAD remained of 30000.00 CAD"
    assert result.to_recent_members == {"a": cad("20000.00")}


def test_an_unbound_years_count_names_the_rule_field_and_the_law_key():
    with pytest.raises(InvalidInput) as info:
        wind_up(
            "600000",
            rule=qc.ENHANCEMENT_RESERVES.liquidation,
            reserve_balances={"enhancement": cad("30000")},
            business_by_year={date(2025, 12, 31): {"a": 1}},
            vote=VOTE,
        )
    assert info.value.field == "rule.to_recent_members.years"
    assert info.value.value == QcKeys.enhancement_reserve_member_years.name


@pytest.mark.parametrize(
    "vote", [datetime(2026, 3, 1, 9, tzinfo=UTC), "2026-03-01"], ids=["datetime", "text"]
)
def test_a_vote_that_is_not_a_date_is_named(vote):
    with pytest.raises(InvalidPeriod) as info:
        wind_up(
            "600000",
            rule=ENHANCEMENT_RULES.liquidation,
            reserve_balances={"enhancement": cad("30000")},
            business_by_year={date(2025, 12, 31): {"a": 1}},
            vote=vote,
        )
    assert (info.value.field, info.value.value) == ("vote", vote)


def test_no_business_and_fractional_business_are_not_negative():
    # A member with no business in the years counted gets nothing; business need not be whole.
    result = wind_up(
        "600000",
        rule=ENHANCEMENT_RULES.liquidation,
        reserve_balances={"enhancement": cad("30000")},
        business_by_year={
            date(2024, 12, 31): {"a": Decimal("0.25"), "idle": 0},
            date(2025, 12, 31): {"a": Decimal("0.5"), "b": Decimal("0.25"), "idle": 0},
        },
        vote=VOTE,
    )
    assert result.to_recent_members == {"a": cad("22500.00"), "b": cad("7500.00")}


@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "c", "d"]),
        st.decimals(min_value=0, max_value=1000, places=2),
        min_size=1,
    ).filter(lambda business: any(business.values())),
    st.integers(min_value=1, max_value=10_000_000),
)
def test_the_enhancement_reserve_is_shared_pro_rata_of_any_non_negative_business(business, units):
    # Invariant: every cent of the reserve goes to the members with business, none to the others,
    # and no one gets more than one cent above their exact pro rata share.
    reserve = money(units, "CAD") / 100
    result = wind_up(
        "600000",
        "0",
        rule=ENHANCEMENT_RULES.liquidation,
        reserve_balances={"enhancement": reserve},
        business_by_year={date(2025, 12, 31): business},
        vote=VOTE,
    )
    paid = result.to_recent_members
    assert total(paid.values(), "CAD") == reserve
    assert set(paid) == {person for person, value in business.items() if value}
    whole = sum(business.values())
    for person, amount in paid.items():
        exact = reserve.amount * business[person] / whole
        assert abs(amount.amount - exact) < Decimal("0.01")
