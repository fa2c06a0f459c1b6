"""The share register's and the capital rules' refusals name their field, value and reason; the
redemption steps say what they did; a class or a basis asked for is the one used (issue 14)."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from cooprules.capital import (
    CapitalBasis,
    CapitalRules,
    DayCount,
    FinancialPosition,
    Holding,
    LiquidityAssessment,
    Operation,
    OperationKind,
    PaidUpExceedsSubscribed,
    ShareClass,
    ShareRegister,
    UnknownShareClass,
    accrued_interest,
    check_distribution,
    check_redemption,
    redemption_value,
)
from cooprules.capital.interest import split_within, year_days
from cooprules.errors import DuplicateId, InvalidAmount, InvalidInput
from cooprules.money import Rate, money
from cooprules.periods import Period
from cooprules.regime import bind
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr import reserves as fr
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.qc import reserves as qc

K = OperationKind
DAY = date(2025, 1, 1)
A = ShareClass("A", money("250.00", "EUR"))
B = ShareClass("B", money("10.00", "EUR"), voting=False, preferred=True)
CSA_CAPITAL = bind(BE_CNC, as_of=date(2026, 6, 1)).rule_set(CapitalRules)


def eur(text: str):
    return money(text, "EUR")


def register(*ops: Operation, classes=(A,)) -> ShareRegister:
    return ShareRegister("EUR", list(classes), list(ops))


def subscribe(id_: str, member: str, shares: int, share_class: str = "A", **kw) -> Operation:
    return Operation(id_, K.SUBSCRIBE, DAY, member, share_class, shares=shares, **kw)


# --- the register's refusals ------------------------------------------------------------------


def test_an_operation_list_with_something_else_in_it_names_its_place():
    with pytest.raises(InvalidInput) as caught:
        ShareRegister("EUR", [A], [subscribe("1", "ana", 1), "subscribe"])  # type: ignore[list-item]
    assert (caught.value.field, caught.value.value) == ("operations[1]", "subscribe")
    assert caught.value.reason == "expected an Operation"


def test_a_class_list_with_something_else_in_it_names_its_place():
    with pytest.raises(InvalidInput) as caught:
        ShareRegister("EUR", [A, "B"], [])  # type: ignore[list-item]
    assert (caught.value.field, caught.value.value) == ("classes[1]", "B")
    assert caught.value.reason == "expected a ShareClass"


def test_two_operations_with_one_id_are_refused_with_the_reason():
    with pytest.raises(DuplicateId) as caught:
        register(subscribe("x", "ana", 1), subscribe("x", "bo", 1))
    assert (caught.value.field, caught.value.value) == ("operations", "x")
    assert caught.value.reason == "two operations share an id"


@pytest.mark.parametrize("paid", ["0.00", "-1.00"])
def test_a_pay_up_pays_something(paid):
    with pytest.raises(InvalidAmount) as caught:
        Operation("2", K.PAY_UP, DAY, "ana", "A", shares=0, amount=eur(paid))
    assert caught.value.field == "operations[2].amount"


def test_only_a_conversion_names_a_class_it_makes():
    with pytest.raises(InvalidInput) as caught:
        Operation("3", K.SUBSCRIBE, DAY, "ana", "A", shares=1, into="B")
    assert (caught.value.field, caught.value.value) == ("operations[3].into", "B")
    assert caught.value.reason == "only a conversion"


@pytest.mark.parametrize("receiver", [None, "", "  "])
def test_a_transfer_names_its_receiver(receiver):
    with pytest.raises(InvalidInput) as caught:
        Operation("4", K.TRANSFER, DAY, "ana", "A", shares=1, counterparty=receiver)
    assert (caught.value.field, caught.value.value) == ("operations[4].counterparty", receiver)
    assert caught.value.reason == "a transfer names its receiver"


def test_paying_more_than_the_nominal_names_the_amount():
    with pytest.raises(PaidUpExceedsSubscribed) as caught:
        register(subscribe("1", "ana", 2, amount=eur("500.01")))
    assert caught.value.field == "operations[1].amount"
    assert caught.value.value == "500.01 EUR"


def test_an_undeclared_class_asked_of_the_register_is_named_with_the_declared_ones():
    shares = register(subscribe("1", "ana", 2), classes=(A, B))
    for ask in (
        lambda: shares.share_class("Z"),
        lambda: shares.paid_up_capital(DAY, "Z"),
        lambda: shares.shares_in_issue("Z", DAY),
    ):
        with pytest.raises(UnknownShareClass) as caught:
            ask()
        assert (caught.value.field, caught.value.value) == ("share_class", "Z")
        assert caught.value.reason == "declared: ['A', 'B']"


# --- dates named as the argument they came in -------------------------------------------------


def test_a_distribution_date_that_is_not_a_date_is_named_on():
    position = FinancialPosition(date(2025, 12, 31))
    with pytest.raises(InvalidInput) as caught:
        check_distribution(eur("1.00"), "2026-06-01", position, CSA_CAPITAL)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("on", "2026-06-01")


def test_a_redemption_date_that_is_not_a_date_is_named_on():
    shares = register(subscribe("1", "ana", 1))
    with pytest.raises(InvalidInput) as caught:
        check_redemption(
            shares,
            "ana",
            "A",
            "2026-06-01",  # type: ignore[arg-type]
            position=FinancialPosition(date(2025, 12, 31)),
            rules=CSA_CAPITAL,
        )
    assert (caught.value.field, caught.value.value) == ("on", "2026-06-01")


# --- findings say what they found --------------------------------------------------------------


def test_a_board_finding_against_paying_says_so_in_both_languages():
    # CSA art. 6:116: no distribution when the board finds the co-op could not keep paying its
    # debts as they fall due for the next 12 months.
    position = FinancialPosition(
        date(2025, 12, 31),
        net_assets=eur("1000.00"),
        unavailable_equity=eur("0.00"),
        liquidity=LiquidityAssessment(solvent=False, date=date(2026, 5, 20)),
    )
    check = check_distribution(eur("10.00"), date(2026, 6, 1), position, CSA_CAPITAL)
    [found] = [v for v in check.violations if v.code == "distribution.liquidity_test"]
    assert found.message.en == (
        "The board found the co-op could not keep paying its debts as they fall due."
    )
    assert found.message.fr.startswith("L'organe d'administration a constaté")


def test_a_lenders_veto_on_a_repayment_is_given_as_the_reason():
    # Quebec Cooperatives Act s. 38: no repayment if the co-op is or would become insolvent, or
    # if its commitments to a lender forbid it.
    shares = ShareRegister(
        "CAD",
        [ShareClass("common", money("10", "CAD"))],
        [Operation("1", K.SUBSCRIBE, DAY, "ana", "common", shares=1)],
    )
    position = FinancialPosition(date(2024, 12, 31), solvent_after=True, lender_restriction=True)
    result = check_redemption(
        shares, "ana", "common", date(2025, 3, 1), position=position, rules=qc.CAPITAL
    )
    [found] = result.violations
    assert found.code == "redemption.insolvency"
    assert found.message.en == (
        "No repayment of shares: commitments to a lender or funder forbid it."
    )
    assert found.message.fr == (
        "Pas de remboursement de parts : des engagements envers un prêteur ou un bailleur "
        "l'interdisent."
    )


# --- redemption values: refusals and steps -----------------------------------------------------

HOLDING = Holding("ana", "A", 10, eur("2500.00"), eur("2500.00"))


def test_a_share_of_losses_that_is_not_money_is_named():
    with pytest.raises(InvalidAmount) as caught:
        redemption_value(HOLDING, fr.SCOP_REDEMPTION, share_of_losses="12.00")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("share_of_losses", "12.00")
    assert caught.value.reason == "expected a Money"


def test_a_paid_up_amount_that_is_not_money_is_named():
    with pytest.raises(InvalidAmount) as caught:
        redemption_value(
            HOLDING,
            fr.SCOP_REDEMPTION,
            paid_up="12.00",  # type: ignore[arg-type]
            share_of_losses=eur("0.00"),
        )
    assert (caught.value.field, caught.value.value) == ("paid_up", "12.00")


def test_a_negative_share_of_losses_is_named():
    with pytest.raises(InvalidAmount) as caught:
        redemption_value(HOLDING, fr.SCOP_REDEMPTION, share_of_losses=eur("-5.00"))
    assert (caught.value.field, caught.value.value) == ("share_of_losses", "-5.00 EUR")
    assert caught.value.reason == "negative"


def test_the_losses_step_says_what_it_took_off():
    # Loi 1978 art. 18 (SCOP): an outgoing associate is repaid the nominal less their share of
    # the losses: 2,500.00 - 400.00 = 2,100.00.
    value = redemption_value(HOLDING, fr.SCOP_REDEMPTION, share_of_losses=eur("400.00"))
    assert value.value == eur("2100.00")
    step = value.explanation.steps[-1]
    assert step.what.en == "Less the member's share of losses"
    assert step.what.fr == "Moins la quote-part des pertes"
    assert dict(step.inputs) == {"share_of_losses": eur("400.00")}
    assert step.result == eur("2100.00")


def test_the_net_asset_cap_step_names_its_inputs():
    # CSA art. 6:120 (a default): capped at the net-asset value per share: 237.50 x 10.
    value = redemption_value(
        HOLDING, CSA_CAPITAL.redemption, net_asset_value_per_share=eur("237.50")
    )
    assert value.value == eur("2375.00")
    [step] = [s for s in value.explanation.steps if "net-asset" in s.what.en]
    assert dict(step.inputs) == {
        "net_asset_value_per_share": eur("237.50"),
        "cap": eur("2375.00"),
    }


# --- interest and its split --------------------------------------------------------------------


def test_interest_of_one_class_counts_that_class_only():
    # ana holds 4 A shares (1,000.00) and 10 B shares (100.00) all year; 10 % on the B class
    # alone is 10.00, on both 110.00.
    shares = register(
        subscribe("1", "ana", 4), subscribe("2", "ana", 10, share_class="B"), classes=(A, B)
    )
    year = Period(date(2025, 1, 1), date(2026, 1, 1))
    ten = Rate.of("10%")
    assert accrued_interest(shares, year, ten, DayCount.ACTUAL_ACTUAL, "B") == {"ana": eur("10.00")}
    assert accrued_interest(shares, year, ten, DayCount.ACTUAL_ACTUAL) == {"ana": eur("110.00")}


def test_splitting_nothing_gives_everyone_nothing():
    assert split_within(0, {"ana": 10, "bo": 30}, {"ana": 5, "bo": 5}) == {"ana": 0, "bo": 0}


def test_a_day_count_that_is_not_one_is_refused_with_the_reason():
    with pytest.raises(InvalidInput) as caught:
        year_days("30/360", 365)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("day_count", "30/360")
    assert caught.value.reason == "expected a DayCount"


def test_the_highest_capital_a_redemption_protects_is_on_the_rules_basis():
    # Loi 1978 art. 31: repayments may not bring the capital below half the highest capital
    # reached; here the rules count it paid up. ana subscribed 4 A shares (1,000.00) and paid
    # 400.00, bo 1 share paid in full: paid-up capital 650.00, at most half of it may go, so
    # bo's 250.00 leaves 400.00 >= 325.00. (Counted subscribed, the floor would be 625.00.)
    rules = attrs.evolve(
        bind(FR_SCOP, as_of=date(2025, 6, 1)).rule_set(CapitalRules),
        capital_floor_basis=CapitalBasis.PAID_UP,
    )
    shares = register(subscribe("1", "ana", 4, amount=eur("400.00")), subscribe("2", "bo", 1))
    position = FinancialPosition(date(2024, 12, 31))
    result = check_redemption(
        shares,
        "bo",
        "A",
        date(2025, 3, 1),
        position=position,
        rules=rules,
        share_of_losses=eur("0"),
    )
    assert result.violations == ()
    assert result.value.value == eur("250.00")
    # Had ana paid 100.00 only, 250.00 of 350.00 would leave less than half: refused.
    thin = register(subscribe("1", "ana", 4, amount=eur("100.00")), subscribe("2", "bo", 1))
    result = check_redemption(
        thin, "bo", "A", date(2025, 3, 1), position=position, rules=rules, share_of_losses=eur("0")
    )
    [floor] = result.violations
    assert (floor.code, floor.citation.article) == ("redemption.capital_floor", "art. 31")
