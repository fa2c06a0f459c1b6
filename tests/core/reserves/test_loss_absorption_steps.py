"""Charging a loss to reserves: the explanation shows each reserve's balance, bad input is named.

Quebec Cooperatives Act s.149.3 [SRC] (quebec.md §Q7): a deficit is charged to the enhancement
reserve first, then to the reserve.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from moneyed import Money

from cooprules.errors import InvalidAmount
from cooprules.money import money
from cooprules.reserves import absorb_loss
from cooprules_adapters.qc import reserves as qc


def cad(text: str) -> object:
    return money(text, "CAD")


def test_each_step_shows_the_balance_it_charged():
    # A deficit of 700 with 200 in the enhancement reserve and 1,000 in the reserve (our figures).
    balances = {"enhancement": cad("200.00"), "reserve": cad("1000.00")}
    charged, left, explanation = absorb_loss(
        cad("700.00"),
        qc.ENHANCEMENT_RESERVES.loss_order(balances),
        balances,
        citation=qc.ENHANCEMENT_RESERVES.charged_first_citation,
    )
    assert (charged, left) == ({"enhancement": cad("200.00"), "reserve": cad("500.00")}, cad("0"))
    first, second = explanation.steps
    assert (first.what.en, first.inputs, first.result) == (
        "Loss charged to enhancement",
        (("balance", cad("200.00")),),
        cad("200.00"),
    )
    assert (second.what.en, second.inputs, second.result) == (
        "Loss charged to reserve",
        (("balance", cad("1000.00")),),
        cad("500.00"),
    )


def test_a_loss_below_the_cent_is_named_loss():
    with pytest.raises(InvalidAmount) as info:
        absorb_loss(Money(Decimal("700.005"), "CAD"), ["reserve"], {"reserve": cad("1000.00")})
    assert (info.value.field, info.value.value) == ("loss", "700.005 CAD")
    assert str(info.value).startswith("loss: amount has digits below the currency's minor unit")
