"""Redemptions never above their legal value; conversions of shares between classes (issue 12)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.capital import (
    CapitalRules,
    FinancialPosition,
    Holding,
    InsufficientShares,
    LiquidityAssessment,
    Operation,
    OperationKind,
    PaidUpExceedsSubscribed,
    RedemptionAboveValue,
    ShareClass,
    ShareRegister,
    UnknownShareClass,
    capital_days,
    check_redemption,
    redemption_value,
    share_days,
)
from cooprules.errors import CoopRulesError, InvalidInput
from cooprules.money import Money, money
from cooprules.periods import Period
from cooprules.regime import bind
from cooprules_adapters.be import reserves as be
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr import reserves as fr

K = OperationKind
DAY = date(2025, 1, 1)
LATER = date(2025, 6, 1)
HUNDRED = ShareClass("A", money("100.00", "EUR"))
CSA_CAPITAL = bind(BE_CNC, as_of=LATER).rule_set(CapitalRules)
"""The CSA's capital rules, bound: the months of the 6:116 liquidity finding are the law file's."""


def eur(text: str) -> Money:
    return money(text, "EUR")


def ten_fully_paid(*more: Operation) -> ShareRegister:
    return ShareRegister(
        "EUR",
        [HUNDRED, ShareClass("B", eur("50.00"), voting=False)],
        [Operation("1", K.SUBSCRIBE, DAY, "ana", "A", shares=10), *more],
    )


# ---------------------------------------------------------------------------------------------
# The 900.00 case: 5 fully paid shares of 100.00 are redeemed for at most 500.00
# ---------------------------------------------------------------------------------------------


def test_five_shares_of_100_are_not_redeemed_for_900():
    # Issue 12 point 8: the register took 900.00 out with 5 fully paid shares of 100.00 and left
    # the 5 shares kept 400.00 "unpaid" (ana had paid all 1,000.00). The paid-up value of 5 shares
    # is at most their nominal value, 500.00.
    with pytest.raises(RedemptionAboveValue) as info:
        ten_fully_paid(Operation("2", K.REDEEM, LATER, "ana", "A", shares=5, amount=eur("900.00")))
    assert info.value.field == "operations[2].amount"
    assert info.value.value == "900.00 EUR"
    assert "500.00 EUR" in info.value.reason
    assert isinstance(info.value, InvalidInput)


def test_fully_paid_shares_are_redeemed_for_exactly_their_nominal_value():
    reg = ten_fully_paid(Operation("2", K.REDEEM, LATER, "ana", "A", shares=5))
    kept = reg.holding("ana", "A", LATER)
    assert (kept.shares, kept.paid_up, kept.unpaid) == (5, eur("500.00"), eur("0.00"))
    assert reg.paid_up_capital(LATER) == eur("500.00")
    # any other amount would leave a fully paid holding over- or under-paid
    for amount in ("499.99", "500.01"):
        with pytest.raises(InvalidInput):
            ten_fully_paid(
                Operation("2", K.REDEEM, LATER, "ana", "A", shares=5, amount=eur(amount))
            )


def test_a_transfer_moves_at_most_the_nominal_value_of_its_shares():
    # bo's 5 unpaid shares could absorb 900.00 paid up; the 5 shares moved cannot carry it.
    with pytest.raises(PaidUpExceedsSubscribed) as info:
        ten_fully_paid(
            Operation("2", K.SUBSCRIBE, DAY, "bo", "A", shares=5, amount=eur("0.00")),
            Operation(
                "3",
                K.TRANSFER,
                LATER,
                "ana",
                "A",
                shares=5,
                amount=eur("900.00"),
                counterparty="bo",
            ),
        )
    assert (info.value.field, info.value.value) == ("operations[3].amount", "900.00 EUR")


def test_partly_paid_shares_choose_which_are_paid_within_bounds():
    # 10 shares of 100.00 with 700.00 paid up: 5 redeemed carry between 200.00 (the 5 kept carry
    # at most 500.00) and 500.00 (their nominal value).
    ops = [Operation("1", K.SUBSCRIBE, DAY, "ana", "A", shares=10, amount=eur("700.00"))]
    for amount, kept in (("200.00", "500.00"), ("500.00", "200.00")):
        reg = ShareRegister(
            "EUR",
            [HUNDRED],
            [*ops, Operation("2", K.REDEEM, LATER, "ana", "A", shares=5, amount=eur(amount))],
        )
        assert reg.holding("ana", "A", LATER).paid_up == eur(kept)
    with pytest.raises(RedemptionAboveValue):
        ShareRegister(
            "EUR",
            [HUNDRED],
            [*ops, Operation("2", K.REDEEM, LATER, "ana", "A", shares=5, amount=eur("500.01"))],
        )
    with pytest.raises(InsufficientShares):
        ShareRegister(
            "EUR",
            [HUNDRED],
            [*ops, Operation("2", K.REDEEM, LATER, "ana", "A", shares=5, amount=eur("199.99"))],
        )


def test_redemption_value_refuses_a_paid_up_amount_above_the_nominal():
    holding = Holding("ana", "A", 10, eur("1000.00"), eur("1000.00"))
    with pytest.raises(RedemptionAboveValue) as info:
        redemption_value(
            holding, fr.SCOP_REDEMPTION, shares=5, paid_up=eur("900.00"), share_of_losses=eur("0")
        )
    assert (info.value.field, info.value.value) == ("paid_up", "900.00 EUR")
    value = redemption_value(holding, fr.SCOP_REDEMPTION, shares=5, share_of_losses=eur("0"))
    assert value.value == eur("500.00")
    with pytest.raises(RedemptionAboveValue):  # the 5 kept would carry 600.00 on 500.00
        redemption_value(
            holding, fr.SCOP_REDEMPTION, shares=5, paid_up=eur("400.00"), share_of_losses=eur("0")
        )


# ---------------------------------------------------------------------------------------------
# Worked examples: what the regime allows, as violations
# ---------------------------------------------------------------------------------------------

BE_MEMBER = ShareRegister(
    "EUR",
    [ShareClass("A", eur("250.00"))],
    [Operation("1", K.SUBSCRIBE, date(2024, 1, 10), "ana", "A", shares=10)],
)
"""belgium.md BE-CSA-07: a member with 10 shares of EUR 250 paid up (EUR 2,500)."""


def be_position(**kw: object) -> FinancialPosition:
    # belgium.md BE-CSA-06 worked example: net assets 95,000, unavailable equity 50,000
    return FinancialPosition(
        date(2024, 12, 31),
        net_assets=eur("95000.00"),
        unavailable_equity=eur("50000.00"),
        liquidity=kw.pop("liquidity", LiquidityAssessment(solvent=True, date=date(2025, 5, 20))),  # type: ignore[arg-type]
    )


def test_belgian_exit_value_is_capped_at_the_net_asset_value_per_share():
    # CSA art. 6:120 ff. (BE-CSA-07, a default, [SRC-2]): paid up and not repaid, capped at the
    # net-asset value per share of the last approved accounts: 95,000 / 400 = 237.50, so
    # min(250, 237.50) x 10 = EUR 2,375.
    result = check_redemption(
        BE_MEMBER,
        "ana",
        "A",
        date(2025, 6, 1),
        position=be_position(),
        rules=CSA_CAPITAL,
        net_asset_value_per_share=eur("237.50"),
        repaid=eur("2500.00"),
    )
    assert result.value.value == eur("2375.00")
    [above] = [v for v in result.violations if v.code == "redemption.above_value"]
    assert above.citation == be.CSA_EXIT_VALUE
    assert "2500.00 EUR" in above.message.en
    assert "2375.00 EUR" in above.message.fr
    within = check_redemption(
        BE_MEMBER,
        "ana",
        "A",
        date(2025, 6, 1),
        position=be_position(),
        rules=CSA_CAPITAL,
        net_asset_value_per_share=eur("237.50"),
        repaid=eur("2375.00"),
    )
    assert within.violations == ()


def test_belgian_redemption_passes_the_net_asset_and_liquidity_tests():
    # CSA art. 6:115 (net-asset test) and 6:116 (liquidity test) apply to share redemptions
    # (belgium.md BE-CSA-06, [SRC-2]). Headroom 95,000 - 50,000 = 45,000: the 2,375 exit value
    # with 42,000 of dividends passes (44,375); with 43,000 (45,375) it fails.
    def check(others: str, **kw: object) -> list[str]:
        result = check_redemption(
            BE_MEMBER,
            "ana",
            "A",
            date(2025, 6, 1),
            position=be_position(**kw),
            rules=CSA_CAPITAL,
            net_asset_value_per_share=eur("237.50"),
            other_distributions=eur(others),
        )
        return [v.code for v in result.violations]

    assert check("42000.00") == []
    assert check("43000.00") == ["distribution.net_asset_test"]
    assert check("0.00", liquidity=None) == ["distribution.liquidity_test_missing"]
    assert check(
        "0.00", liquidity=LiquidityAssessment(solvent=True, date=date(2025, 5, 20), months=6)
    ) == ["distribution.liquidity_test"]


def test_french_associate_gets_the_nominal_value_less_losses():
    # loi 1947 art. 18 ([SRC], france.md 1.11): the nominal value of the shares, reduced by the
    # associate's share of losses: 10 x 250 - 120 = EUR 2,380; repaying 2,500 is above it.
    reg = ShareRegister(
        "EUR",
        [ShareClass("P", eur("250.00"))],
        [Operation("1", K.SUBSCRIBE, date(2024, 1, 10), "ana", "P", shares=10)],
    )
    result = check_redemption(
        reg,
        "ana",
        "P",
        date(2025, 6, 1),
        position=FinancialPosition(date(2024, 12, 31)),
        rules=fr.COOP_CAPITAL,
        share_of_losses=eur("120.00"),
        repaid=eur("2500.00"),
    )
    assert result.value.value == eur("2380.00")
    assert [v.code for v in result.violations] == ["redemption.above_value"]
    assert result.violations[0].citation == fr.ART_18_REDEMPTION


def test_repaid_must_be_money():
    with pytest.raises(InvalidInput):
        check_redemption(
            BE_MEMBER,
            "ana",
            "A",
            date(2025, 6, 1),
            position=be_position(),
            rules=CSA_CAPITAL,
            net_asset_value_per_share=eur("237.50"),
            repaid=eur("-1.00"),
        )


# ---------------------------------------------------------------------------------------------
# Property: a redemption is never above its legal value
# ---------------------------------------------------------------------------------------------


def _refusal(build: Callable[[], ShareRegister]) -> ShareRegister | CoopRulesError:
    """The register, or the typed error that refused it (any other exception propagates)."""
    try:
        return build()
    except CoopRulesError as error:
        return error


NOMINALS = st.sampled_from([1, 999, 10000, 25000])  # minor units


CASES = st.fixed_dictionaries(
    {
        "nominal": NOMINALS,
        "held": st.integers(1, 20),
        "paid_share": st.fractions(0, 1),
        "count": st.integers(1, 20),
        "given_paid": st.one_of(st.none(), st.integers(0, 600000)),
        "nav": st.integers(-5000, 40000),
        "losses": st.integers(0, 600000),
    }
)


@given(CASES)
@example(
    # the 900.00 case: 10 fully paid shares of 100.00, 5 redeemed "for" 900.00 (the old code
    # valued them 900.00 under loi 1947 art. 18 and reported 900.00 paid up under the CSA rule)
    {
        "nominal": 10000,
        "held": 10,
        "paid_share": 1,
        "count": 5,
        "given_paid": 90000,
        "nav": 10000,
        "losses": 0,
    }
)
def test_redemption_value_is_never_above_its_legal_value(case):
    nominal, held, count, nav = case["nominal"], case["held"], case["count"], case["nav"]
    given_paid, losses = case["given_paid"], case["losses"]
    paid = int(held * nominal * case["paid_share"])
    holding = Holding("ana", "A", held, eur("0.01") * held * nominal, eur("0.01") * paid)
    for rule, kw in (
        (be.CSA_REDEMPTION, {"net_asset_value_per_share": eur("0.01") * nav}),
        (fr.SCOP_REDEMPTION, {"share_of_losses": eur("0.01") * losses}),
    ):
        try:
            value = redemption_value(
                holding,
                rule,
                shares=count,
                paid_up=None if given_paid is None else eur("0.01") * given_paid,
                **kw,  # type: ignore[arg-type]
            )
        except CoopRulesError:
            continue  # refused with a typed error: nothing is valued
        units = value.value.amount * 100
        assert 0 <= units <= value.paid_up.amount * 100 <= count * nominal
        assert value.paid_up.amount * 100 <= paid
        kept = paid - value.paid_up.amount * 100
        assert kept <= (held - count) * nominal
        if rule.cap_at_net_asset_value:
            assert units <= max(0, nav * count)
        if rule.deduct_losses:
            assert units == max(0, value.paid_up.amount * 100 - losses)


@given(
    subscribed=st.integers(1, 10),
    paid_share=st.fractions(0, 1),
    redeemed=st.integers(1, 10),
    amount=st.one_of(st.none(), st.integers(0, 200000)),
)
@example(subscribed=10, paid_share=1, redeemed=5, amount=90000)  # the 900.00 case
def test_the_register_never_redeems_above_the_nominal_nor_grows_the_unpaid(
    subscribed, paid_share, redeemed, amount
):
    paid = int(subscribed * 10000 * paid_share)
    ops = [
        Operation("1", K.SUBSCRIBE, DAY, "ana", "A", shares=subscribed, amount=eur("0.01") * paid),
        Operation(
            "2",
            K.REDEEM,
            LATER,
            "ana",
            "A",
            shares=redeemed,
            amount=None if amount is None else eur("0.01") * amount,
        ),
    ]
    refused = _refusal(lambda: ShareRegister("EUR", [HUNDRED], ops))
    if not isinstance(refused, ShareRegister):
        assert isinstance(refused, InvalidInput)
        assert refused.field.startswith("operations[2].")
        return
    reg = refused
    before = reg.holding("ana", "A", DAY)
    after = reg.holding("ana", "A", LATER)
    out = before.paid_up - after.paid_up
    assert out <= eur("100.00") * redeemed  # never above the nominal value of the shares
    assert eur("0.00") <= after.unpaid <= before.unpaid


# ---------------------------------------------------------------------------------------------
# Conversion of shares of one class into another
# ---------------------------------------------------------------------------------------------


def test_conversion_moves_shares_and_paid_up_amount_into_the_new_class():
    # 4 shares of A (100.00) become 8 shares of B (50.00): the nominal value (400.00) is kept,
    # the paid-up amount follows, the capital does not change.
    reg = ten_fully_paid(
        Operation("2", K.CONVERT, LATER, "ana", "A", shares=4, into="B", into_shares=8)
    )
    before, on = LATER - timedelta(days=1), LATER
    assert reg.holding("ana", "A", on).shares == 6
    b = reg.holding("ana", "B", on)
    assert (b.shares, b.subscribed, b.paid_up) == (8, eur("400.00"), eur("400.00"))
    assert reg.paid_up_capital(on) == reg.paid_up_capital(before) == eur("1000.00")
    assert reg.subscribed_capital(on) == reg.highest_capital(on) == eur("1000.00")
    assert reg.paid_up_capital(on, "B") == eur("400.00")
    assert (reg.shares_in_issue("A", on), reg.shares_in_issue("B", on)) == (6, 8)
    year = Period(date(2025, 1, 1), date(2026, 1, 1))
    # 151 days before 1 June, 214 from it
    assert share_days(reg, year, "B") == {"ana": 8 * 214}
    assert capital_days(reg, year) == {"ana": 100000 * 365}


def test_conversion_of_partly_paid_shares_takes_their_share_of_the_paid_up_amount():
    reg = ShareRegister(
        "EUR",
        [HUNDRED, ShareClass("C", eur("100.00"))],
        [
            Operation("1", K.SUBSCRIBE, DAY, "ana", "A", shares=4, amount=eur("200.00")),
            Operation("2", K.CONVERT, LATER, "ana", "A", shares=2, into="C"),
        ],
    )
    assert reg.holding("ana", "C", LATER).paid_up == eur("100.00")
    assert reg.holding("ana", "A", LATER).paid_up == eur("100.00")


def test_conversion_then_redemption_the_same_day():
    # same-day order: SUBSCRIBE, PAY_UP, TRANSFER, CONVERT, REDEEM
    reg = ten_fully_paid(
        Operation("3", K.REDEEM, LATER, "ana", "B", shares=2),
        Operation("2", K.CONVERT, LATER, "ana", "A", shares=1, into="B", into_shares=2),
    )
    assert reg.holding("ana", "B", LATER).shares == 0
    assert reg.paid_up_capital(LATER) == eur("900.00")


@pytest.mark.parametrize(
    ("kw", "error", "field"),
    [
        ({"into": "B", "into_shares": 5}, InvalidInput, "operations[2].into_shares"),  # 250 != 400
        ({"into": "Z"}, UnknownShareClass, "operations[2].into"),
        (
            {"into": "B", "shares": 11, "into_shares": 22},
            InsufficientShares,
            "operations[2].shares",
        ),
        (
            {"into": "B", "into_shares": 8, "amount": eur("400.01")},
            PaidUpExceedsSubscribed,
            "operations[2].amount",
        ),
    ],
)
def test_bad_conversions_are_refused_naming_the_field(kw, error, field):
    values = {"shares": 4, **kw}
    with pytest.raises(error) as info:
        ten_fully_paid(Operation("2", K.CONVERT, LATER, "ana", "A", **values))  # type: ignore[arg-type]
    assert info.value.field == field


@pytest.mark.parametrize(
    ("kind", "kw", "field"),
    [
        (K.CONVERT, {}, "operations[x].into"),
        (K.CONVERT, {"into": "A"}, "operations[x].into"),
        (K.CONVERT, {"into": "B", "into_shares": 0}, "operations[x].into_shares"),
        (K.SUBSCRIBE, {"into": "B"}, "operations[x].into"),
        (K.REDEEM, {"into_shares": 2}, "operations[x].into_shares"),
    ],
)
def test_conversion_fields_are_checked_on_the_operation(kind, kw, field):
    with pytest.raises(InvalidInput) as info:
        Operation("x", kind, LATER, "ana", "A", shares=1, **kw)  # type: ignore[arg-type]
    assert info.value.field == field


@given(
    shares=st.integers(1, 10),
    paid_share=st.fractions(0, 1),
    converted=st.integers(1, 10),
    amount=st.one_of(st.none(), st.integers(0, 100000)),
)
def test_conversion_keeps_the_capital(shares, paid_share, converted, amount):
    paid = int(shares * 10000 * paid_share)
    ops = [
        Operation("1", K.SUBSCRIBE, DAY, "ana", "A", shares=shares, amount=eur("0.01") * paid),
        Operation(
            "2",
            K.CONVERT,
            LATER,
            "ana",
            "A",
            shares=converted,
            into="B",
            into_shares=2 * converted,
            amount=None if amount is None else eur("0.01") * amount,
        ),
    ]
    refused = _refusal(lambda: ShareRegister("EUR", [HUNDRED, ShareClass("B", eur("50.00"))], ops))
    if not isinstance(refused, ShareRegister):
        assert isinstance(refused, InvalidInput)
        assert refused.field.startswith("operations[2].")
        return
    reg = refused
    before = LATER - timedelta(days=1)
    assert reg.paid_up_capital(LATER) == reg.paid_up_capital(before)
    assert reg.subscribed_capital(LATER) == reg.subscribed_capital(before)
    for code in ("A", "B"):
        holding = reg.holding("ana", code, LATER)
        assert eur("0.00") <= holding.paid_up <= holding.subscribed
