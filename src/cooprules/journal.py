"""Journal entries: the contract between engines and accounting plug-ins.

An accounting plug-in turns a result (a levy, a surplus allocation, an interest payment) into
balanced [`JournalEntry`][cooprules.journal.JournalEntry] values through the
``cooprules_journal_entries`` hook. An entry cannot be built unbalanced: debits equal credits to the
cent, in one currency.

```pycon
>>> from datetime import date
>>> from cooprules.money import money
>>> entry = JournalEntry(
...     date=date(2026, 6, 30),
...     narration="Legal reserve, 2025 surplus",
...     postings=(
...         Posting("120 Result carried forward", money("1500.00", "EUR")),
...         Posting("1061 Legal reserve", money("-1500.00", "EUR")),
...     ),
... )
>>> entry.currency.code
'EUR'

```
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date as Date  # noqa: N812 - the field is called `date`

import attrs
from moneyed import Currency, Money

from cooprules.errors import InvalidInput, UnbalancedEntry
from cooprules.explain import Explanation, Text
from cooprules.money import format_amount, is_rounded, total

__all__ = ["JournalEntry", "Posting"]


@attrs.frozen
class Posting:
    """One line of an entry: an amount on an account; positive is a debit, negative a credit.

    Attributes:
        account: the account, as the chart of accounts names it (``"1061 Legal reserve"``).
        amount: the signed amount, a whole number of minor units.
        member: the member concerned, if any.
        activity: the activity concerned, if any.
    """

    account: str = attrs.field(validator=attrs.validators.instance_of(str))
    amount: Money = attrs.field(validator=attrs.validators.instance_of(Money))
    member: str | None = None
    activity: str | None = None

    def __attrs_post_init__(self) -> None:
        if not self.account.strip():
            raise InvalidInput("posting.account", self.account, "an account name is required")
        if not is_rounded(self.amount):
            raise UnbalancedEntry(
                f"posting[{self.account}].amount",
                format_amount(self.amount),
                "postings are whole minor units; round with cooprules.money.quantize",
            )


def _postings(values: Iterable[Posting]) -> tuple[Posting, ...]:
    return tuple(values)


def _narration(value: str | Text) -> Text:
    """A narration as a text: a plain string is the same in every language."""
    if isinstance(value, Text):
        return value
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput("entry.narration", value, "must be non-empty text")
    return Text.plain(value)


@attrs.frozen
class JournalEntry:
    """A dated, balanced entry with its source and explanation.

    Attributes:
        date: the accounting date.
        narration: what the entry records, a message rendered in the ledger's language (a plain
            string is kept as it is, in every language).
        postings: at least two postings, in one currency, adding up to zero.
        source: which result produced it (``"surplus:2025"``, ``"levy:act-7:2026-03"``).
        explanation: the steps behind the amounts.
    """

    date: Date
    narration: Text = attrs.field(converter=_narration)
    postings: tuple[Posting, ...] = attrs.field(converter=_postings)
    source: str = ""
    explanation: Explanation = attrs.field(factory=Explanation)

    def __attrs_post_init__(self) -> None:
        if len(self.postings) < 2:  # noqa: PLR2004 - double entry needs two sides
            raise UnbalancedEntry(
                "entry.postings", len(self.postings), "an entry needs at least two postings"
            )
        currency = self.postings[0].amount.currency
        balance = total((p.amount for p in self.postings), currency, field="entry.postings")
        if balance.amount != 0:
            raise UnbalancedEntry(
                "entry.postings",
                format_amount(balance),
                f"debits and credits of {self.narration.en!r} differ",
            )

    @property
    def currency(self) -> Currency:
        """The one currency of the entry."""
        return self.postings[0].amount.currency
