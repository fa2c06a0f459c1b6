"""A distribution's findings name what they are about and cite their rule; a redemption's cap step
gives the capped value; the register's refusals name their field, value and reason (issue 14)."""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.capital import (
    CapitalRules,
    FinancialPosition,
    InsufficientShares,
    Operation,
    OperationKind,
    RedemptionRule,
    ShareClass,
    ShareRegister,
    UnknownShareClass,
    check_distribution,
    check_redemption,
    redemption_value,
)
from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidInput
from cooprules.explain import Citation, Text
from cooprules.money import money
from cooprules.regime import bind
from cooprules_adapters.be import regimes as be_regimes
from cooprules_adapters.qc import reserves as qc

K = OperationKind


def cad(text: str):
    return money(text, "CAD")


def eur(text: str):
    return money(text, "EUR")


def quebec_register() -> ShareRegister:
    return ShareRegister(
        "CAD",
        [ShareClass("common", cad("10"))],
        [Operation("1", K.SUBSCRIBE, date(2024, 1, 1), "ana", "common", shares=1)],
    )


def euro_register(*ops: Operation) -> ShareRegister:
    return ShareRegister("EUR", [ShareClass("A", eur("250.00"))], list(ops))


# --- the findings ------------------------------------------------------------------------------


def test_an_unassessed_solvency_names_the_redemption_and_cites_the_act():
    check = check_redemption(
        quebec_register(),
        "ana",
        "common",
        date(2025, 3, 1),
        position=FinancialPosition(date(2024, 12, 31)),
        rules=qc.CAPITAL,
    )
    (finding,) = check.violations
    assert finding.code == "redemption.solvency_unproven"
    assert finding.subject == "redemption of 10.00 CAD on 2025-03-01"
    assert finding.message.en == (
        "Whether the co-op stays solvent after the repayment is not assessed."
    )
    assert finding.citation == qc.SOLVENCY


def test_an_insolvency_names_the_redemption_it_forbids():
    check = check_redemption(
        quebec_register(),
        "ana",
        "common",
        date(2025, 3, 1),
        position=FinancialPosition(date(2024, 12, 31), solvent_after=False),
        rules=qc.CAPITAL,
    )
    (finding,) = check.violations
    assert finding.code == "redemption.insolvency"
    assert finding.subject == "redemption of 10.00 CAD on 2025-03-01"
    assert finding.message.en == "No repayment of shares: the co-op is or would become insolvent."


def test_a_net_asset_test_without_its_figures_names_the_dividend():
    rules = bind(be_regimes.BE_CNC, as_of=date(2026, 6, 1)).rule_set(CapitalRules)
    assert rules is not None
    check = check_distribution(
        eur("10.00"), date(2026, 6, 1), FinancialPosition(date(2025, 12, 31)), rules
    )
    (finding,) = [v for v in check.violations if v.code == "distribution.net_asset_test_unproven"]
    assert finding.subject == "dividend of 10.00 EUR on 2026-06-01"
    assert finding.message.en == (
        "The net assets and the unavailable equity are needed for the net-asset test."
    )


# --- the redemption steps ----------------------------------------------------------------------


def test_the_cap_at_net_asset_value_step_gives_the_capped_value():
    rule = RedemptionRule(
        Text(en="capped", fr="plafonné"),
        Citation("Act", "s. 1", "XX"),
        cap_at_net_asset_value=True,
    )
    holding = quebec_register().holding("ana", "common", date(2024, 6, 1))
    value = redemption_value(holding, rule, net_asset_value_per_share=cad("7.50"))
    assert value.value == cad("7.50")
    cap = value.explanation.steps[-1]
    assert cap.what.en == "Capped at the net-asset value of the shares"
    assert dict(cap.inputs) == {"net_asset_value_per_share": cad("7.50"), "cap": cad("7.50")}
    assert cap.result == cad("7.50")


def test_a_rule_deducting_losses_asks_for_the_share_of_losses_by_name():
    rule = RedemptionRule(
        Text(en="less losses", fr="moins les pertes"),
        Citation("Act", "s. 2", "XX"),
        deduct_losses=True,
    )
    holding = quebec_register().holding("ana", "common", date(2024, 6, 1))
    with pytest.raises(InvalidInput) as caught:
        redemption_value(holding, rule)
    assert (caught.value.field, caught.value.value) == ("share_of_losses", None)
    assert caught.value.reason == "less losses deducts the losses"


# --- the register's refusals -------------------------------------------------------------------


def test_a_share_count_that_is_not_an_int_is_refused():
    with pytest.raises(InvalidInput) as caught:
        Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares="2")  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("operations[1].shares", "2")
    assert caught.value.reason == "a number of shares is an int"


def test_no_shares_subscribed_is_refused_with_the_reason():
    with pytest.raises(InvalidInput) as caught:
        Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=0)
    assert (caught.value.field, caught.value.value) == ("operations[1].shares", 0)
    assert caught.value.reason == "must be a positive number"


def test_a_subscription_with_nothing_paid_is_recorded():
    reg = euro_register(
        Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=2, amount=eur("0.00"))
    )
    holding = reg.holding("ana", "A", date(2025, 1, 1))
    assert (holding.shares, holding.subscribed, holding.paid_up) == (2, eur("500.00"), eur("0.00"))


def test_a_negative_or_foreign_redemption_amount_is_refused():
    with pytest.raises(InvalidAmount) as caught:
        Operation("2", K.REDEEM, date(2025, 1, 1), "ana", "A", shares=1, amount=eur("-1.00"))
    assert caught.value.field == "operations[2].amount"
    reg_ops = [
        Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=2),
        Operation("2", K.REDEEM, date(2025, 2, 1), "ana", "A", shares=1, amount=cad("250.00")),
    ]
    with pytest.raises(CurrencyMismatch) as mismatch:
        euro_register(*reg_ops)
    assert (mismatch.value.field, mismatch.value.value) == ("operations[2].amount", "CAD")
    assert mismatch.value.reason == "the register is in EUR"


def test_a_conversion_into_its_own_class_is_refused_with_the_reason():
    with pytest.raises(InvalidInput) as caught:
        Operation("3", K.CONVERT, date(2025, 1, 1), "ana", "A", shares=1, into="A")
    assert (caught.value.field, caught.value.value) == ("operations[3].into", "A")
    assert caught.value.reason == "shares convert into another class"


def test_a_class_with_a_blank_code_is_refused_with_the_reason():
    with pytest.raises(InvalidInput) as caught:
        ShareClass(" ", eur("10.00"))
    assert (caught.value.field, caught.value.value) == ("code", " ")
    assert caught.value.reason == "must be non-empty text"


def test_a_class_with_a_zero_nominal_is_refused():
    with pytest.raises(InvalidAmount) as caught:
        ShareClass("A", eur("0.00"))
    assert caught.value.field == "share_class.nominal"
    assert caught.value.reason == "must be positive"


def test_a_class_in_an_other_currency_names_the_class():
    with pytest.raises(CurrencyMismatch) as caught:
        ShareRegister("EUR", [ShareClass("A", eur("10.00")), ShareClass("B", cad("10.00"))], [])
    assert (caught.value.field, caught.value.value) == ("classes[B].nominal", "CAD")
    assert caught.value.reason == "the register is in EUR"


def test_an_unknown_class_asked_for_lists_the_declared_ones():
    reg = euro_register()
    with pytest.raises(UnknownShareClass) as caught:
        reg.holding("ana", "Z", date(2025, 1, 1))
    assert (caught.value.field, caught.value.value) == ("share_class", "Z")
    assert caught.value.reason == "declared: ['A']"


@pytest.mark.parametrize("reading", ["holdings", "subscribed_capital", "paid_up_capital"])
def test_a_reading_on_something_not_a_date_names_on(reading):
    reg = euro_register(Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=1))
    with pytest.raises(InvalidInput) as caught:
        getattr(reg, reading)("2025-01-01")
    assert (caught.value.field, caught.value.value) == ("on", "2025-01-01")


def test_the_capitals_count_every_class_and_member():
    reg = ShareRegister(
        "EUR",
        [ShareClass("A", eur("250.00")), ShareClass("B", eur("10.00"))],
        [
            Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=2, amount=eur("100")),
            Operation("2", K.SUBSCRIBE, date(2025, 1, 2), "bo", "A", shares=1),
            Operation("3", K.SUBSCRIBE, date(2025, 1, 3), "bo", "B", shares=3),
            Operation(
                "4", K.CONVERT, date(2025, 2, 1), "bo", "A", shares=1, into="B", into_shares=25
            ),
            Operation("5", K.REDEEM, date(2025, 3, 1), "bo", "B", shares=1),
        ],
    )
    day = date(2025, 1, 31)
    assert reg.subscribed_capital(day) == eur("780.00")
    assert reg.paid_up_capital(day) == eur("380.00")
    assert reg.subscribed_capital(day, "A") == eur("750.00")
    assert reg.paid_up_capital(day, "B") == eur("30.00")
    # bo's A share (250.00, fully paid) became 25 B shares carrying its 250.00 paid up.
    holdings = reg.holdings(date(2025, 2, 15))
    assert [(h.member, h.share_class, h.shares, h.paid_up) for h in holdings] == [
        ("ana", "A", 2, eur("100.00")),
        ("bo", "B", 28, eur("280.00")),
    ]


def test_redeeming_from_a_member_who_never_held_says_they_hold_none():
    with pytest.raises(InsufficientShares) as caught:
        euro_register(
            Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=1),
            Operation("2", K.REDEEM, date(2025, 2, 1), "bo", "A", shares=1),
        )
    assert (caught.value.field, caught.value.value) == ("operations[2].shares", 1)
    assert caught.value.reason == "bo holds 0 A shares on 2025-02-01"
