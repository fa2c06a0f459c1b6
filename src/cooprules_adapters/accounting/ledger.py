"""A real ledger: journal entries written as a beancount file that beancount itself validates.

[`write_beancount()`][cooprules_adapters.accounting.ledger.write_beancount] writes an ``open``
directive for every account the entries use, then one transaction per entry, with the entry's source
and each posting's member and activity as metadata. Accounts kept per member get a sub-account per
member; accounts kept per activity are written under ``<Root>:Activities:<activity>:``, so each
activity has its own account tree and its treasury is one balance. Member and activity ids become
account components through [`ledger_id()`][cooprules_adapters.accounting.charts.ledger_id]: distinct
ids, distinct accounts. With a ``title`` (the co-op's name), fava shows it as the ledger's title.

```pycon
>>> import io
>>> from datetime import date
>>> from cooprules.journal import JournalEntry, Posting
>>> from cooprules.money import money
>>> entry = JournalEntry(date(2026, 6, 30), "Legal reserve", (
...     Posting("120 Résultat de l’exercice (bénéfice)", money("1500.00", "EUR")),
...     Posting("1061 Réserve légale", money("-1500.00", "EUR"))), source="surplus:legal")
>>> out = io.StringIO()
>>> write_beancount([entry], out, open_date=date(2026, 1, 1), currency="EUR", title="Coop")
>>> print(out.getvalue())  # doctest: +NORMALIZE_WHITESPACE
option "title" "Coop"
option "operating_currency" "EUR"
<BLANKLINE>
2026-01-01 open Equity:FR:1061-LegalReserve EUR
2026-01-01 open Equity:FR:120-ProfitForTheYear EUR
<BLANKLINE>
2026-06-30 * "Legal reserve"
  source: "surplus:legal"
  Equity:FR:120-ProfitForTheYear  1500.00 EUR
  Equity:FR:1061-LegalReserve  -1500.00 EUR
<BLANKLINE>

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TextIO

from cooprules.errors import CurrencyMismatch, InvalidInput
from cooprules.i18n import Lang
from cooprules.journal import JournalEntry, Posting
from cooprules.money import currency_of
from cooprules.plugins import load_regimes
from cooprules_adapters.accounting.charts import CHARTS, Account, ChartOfAccounts, ledger_id

__all__ = ["ledger_account", "write_beancount"]


def _known_accounts(charts: Iterable[ChartOfAccounts]) -> dict[str, tuple[Account, str]]:
    known: dict[str, tuple[Account, str]] = {}
    for chart in charts:
        for label, account in chart.by_label().items():
            known.setdefault(label, (account, chart.jurisdiction))
    return known


def _installed_charts() -> tuple[ChartOfAccounts, ...]:
    """The built-in charts, then those the installed regimes carry as rule sets."""
    own = (regime.rule_set(ChartOfAccounts) for regime in load_regimes())
    return tuple(dict.fromkeys((*CHARTS.values(), *(c for c in own if c is not None))))


def ledger_account(posting: Posting, known: Mapping[str, tuple[Account, str]]) -> str:
    """The beancount account of a posting: the chart's account, per member or per activity.

    Raises:
        InvalidInput: the posting's account is in none of the charts.
    """
    found = known.get(posting.account)
    if found is None:
        raise InvalidInput(
            "posting.account", posting.account, "not in the chart: pass the chart to the writer"
        )
    account, jurisdiction = found
    name = account.ledger_name(jurisdiction)
    if account.per_activity and posting.activity is not None:
        root, _, rest = name.partition(":")
        name = f"{root}:Activities:{ledger_id(posting.activity)}:{rest.replace(':', '-')}"
    if account.per_member and posting.member is not None:
        name = f"{name}:{ledger_id(posting.member)}"
    return name


def _check_distinct(
    opened: dict[str, tuple[str, str | None, str | None]],
    account: str,
    posting: Posting,
    known: Mapping[str, tuple[Account, str]],
) -> None:
    """Record the ledger account of ``posting``; refuse one that two distinct keys would share."""
    chart_account = known[posting.account][0]
    key = (
        posting.account,
        posting.member if chart_account.per_member else None,
        posting.activity if chart_account.per_activity else None,
    )
    found = opened.setdefault(account, key)
    if found != key:
        raise InvalidInput(
            "posting.account", account, f"written for both {found} and {key}: rename one"
        )


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
    return f'"{escaped}"'


def write_beancount(
    entries: Iterable[JournalEntry],
    target: str | Path | TextIO,
    *,
    open_date: date,
    currency: str,
    charts: Iterable[ChartOfAccounts] | None = None,
    title: str | None = None,
    lang: Lang = "en",
    locale: str | None = None,
) -> None:
    """Write entries as a beancount ledger.

    Args:
        entries: balanced journal entries, all in ``currency``, dated on or after ``open_date``.
        target: a path (the file is overwritten, UTF-8) or an open text stream.
        open_date: the date of the ``open`` directives.
        currency: the ledger's currency (every account is opened for it alone).
        charts: the charts the postings' accounts come from (by default the built-in ones, then
            the chart each installed regime carries as a rule set; pass the co-op's chart when it
            overrides accounts).
        title: the ledger's title (``option "title"``, the name fava shows): the co-op's name.
        lang: the language of the narrations (``"fr"``: « Contribution de l'activité … »).
        locale: how the narrations write amounts and dates (default: written locale-free).

    Raises:
        CurrencyMismatch: an entry in another currency.
        InvalidInput: an entry dated before ``open_date``, an account in no chart, or two
            accounts (or members, or activities) that would be written as one ledger account.
    """
    code = currency_of(currency).code
    known = _known_accounts(charts if charts is not None else _installed_charts())
    ordered = sorted(entries, key=lambda e: e.date)
    lines: list[str] = []
    opened: dict[str, tuple[str, str | None, str | None]] = {}
    body: list[str] = []
    for entry in ordered:
        if entry.currency.code != code:
            raise CurrencyMismatch(
                "entry.currency", entry.currency.code, f"the ledger is in {code}"
            )
        if entry.date < open_date:
            raise InvalidInput("entry.date", entry.date, f"before the open date {open_date}")
        narration = entry.narration.in_(lang, locale=locale)
        body.append(f"{entry.date.isoformat()} * {_quote(narration)}")
        if entry.source:
            body.append(f"  source: {_quote(entry.source)}")
        for posting in entry.postings:
            account = ledger_account(posting, known)
            _check_distinct(opened, account, posting, known)
            body.append(f"  {account}  {format(posting.amount.amount, 'f')} {code}")
            if posting.member is not None:
                body.append(f"    member: {_quote(posting.member)}")
            if posting.activity is not None:
                body.append(f"    activity: {_quote(posting.activity)}")
        body.append("")
    if title is not None:
        lines.append(f'option "title" {_quote(title)}')
    lines.append(f'option "operating_currency" "{code}"')
    lines.append("")
    lines.extend(f"{open_date.isoformat()} open {account} {code}" for account in sorted(opened))
    lines.append("")
    lines.extend(body)
    text = "\n".join(lines)
    if isinstance(target, str | Path):
        Path(target).write_text(text, encoding="utf-8")
    else:
        target.write(text)
