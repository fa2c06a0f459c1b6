"""A conversion of shares books nothing; the converted shares are then booked in their new class."""

from __future__ import annotations

from datetime import date

from cooprules.capital import Operation, OperationKind, ShareClass, ShareRegister
from cooprules.money import money
from cooprules_adapters.accounting.booking import book_share_register
from cooprules_adapters.accounting.charts import BE_PCMN

K = OperationKind


def test_conversion_then_redemption_of_the_new_class():
    eur = lambda text: money(text, "EUR")  # noqa: E731
    register = ShareRegister(
        "EUR",
        [ShareClass("A", eur("100.00")), ShareClass("B", eur("50.00"))],
        [
            Operation("1", K.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=10),
            Operation(
                "2", K.CONVERT, date(2025, 3, 1), "ana", "A", shares=4, into="B", into_shares=8
            ),
            Operation("3", K.REDEEM, date(2025, 6, 1), "ana", "B", shares=8),
        ],
    )
    entries = book_share_register(register, BE_PCMN)
    assert [e.source for e in entries] == ["capital:1", "capital:3"]  # the conversion: no posting
    redemption = entries[1]
    assert sorted(abs(p.amount.amount) for p in redemption.postings) == [400, 400]
