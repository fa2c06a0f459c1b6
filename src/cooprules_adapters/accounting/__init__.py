"""The accounting adapter: engine results to balanced journal entries, and a beancount ledger.

Registered under the ``cooprules`` entry-point group as ``accounting``. Its
``cooprules_journal_entries`` hook picks the regime's chart (its own
[`ChartOfAccounts`][cooprules_adapters.accounting.charts.ChartOfAccounts] rule set, else the
built-in chart of its jurisdiction: [`chart_of()`][cooprules_adapters.accounting.charts.chart_of])
and books any result type it knows (a whole year's report, levies, surplus distributions, share
registers, reserve ledgers and movements, losses absorbed, liquidations, pooled charges, activity
lines); for any other type, or a regime without a chart, it returns ``None``. A co-op whose statutes
use other accounts registers its own
[`AccountingPlugin`][cooprules_adapters.accounting.AccountingPlugin] with an overridden chart (and
disables this one, named ``accounting``).

```pycon
>>> from datetime import date
>>> from cooprules import get_plugin_manager, get_regime
>>> from cooprules.plugins import journal_entries
>>> from cooprules.reserves import Movement, MovementKind
>>> from cooprules.money import money
>>> manager = get_plugin_manager()
>>> move = Movement("m1", "legal_reserve", MovementKind.ALLOCATION, date(2026, 6, 30),
...                 money("1500.00", "EUR"))
>>> [entry] = journal_entries(manager, move, get_regime("fr-scop", manager), date(2026, 6, 30))
>>> [p.account for p in entry.postings]
['120 Résultat de l’exercice (bénéfice)', '1061 Réserve légale']

```
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import attrs

from cooprules import Regime, hookimpl
from cooprules.journal import JournalEntry
from cooprules_adapters.accounting.booking import (
    LossAbsorption,
    book,
    book_activity_line,
    book_distribution,
    book_levy_statement,
    book_levy_year,
    book_liquidation,
    book_loss_absorption,
    book_many,
    book_pay,
    book_pooled_charge,
    book_reserve_ledger,
    book_reserve_movement,
    book_share_operation,
    book_share_register,
    book_step,
)
from cooprules_adapters.accounting.charts import (
    ACTIVITY_ROLES,
    BE_PCMN,
    CHARTS,
    FR_PCG,
    QC_CHART,
    Account,
    AccountType,
    ChartOfAccounts,
    Role,
    chart_for,
    chart_of,
    ledger_id,
)
from cooprules_adapters.accounting.ledger import ledger_account, write_beancount
from cooprules_adapters.accounting.year import book_year

__all__ = [
    "ACTIVITY_ROLES",
    "BE_PCMN",
    "CHARTS",
    "FR_PCG",
    "QC_CHART",
    "Account",
    "AccountType",
    "AccountingPlugin",
    "ChartOfAccounts",
    "LossAbsorption",
    "Role",
    "book",
    "book_activity_line",
    "book_distribution",
    "book_levy_statement",
    "book_levy_year",
    "book_liquidation",
    "book_loss_absorption",
    "book_many",
    "book_pay",
    "book_pooled_charge",
    "book_reserve_ledger",
    "book_reserve_movement",
    "book_share_operation",
    "book_share_register",
    "book_step",
    "book_year",
    "chart_for",
    "chart_of",
    "cooprules_journal_entries",
    "ledger_account",
    "ledger_id",
    "write_beancount",
]


@hookimpl
def cooprules_journal_entries(
    result: object, regime: Regime, as_of: date
) -> Sequence[JournalEntry] | None:
    """Book ``result`` on the regime's chart (``None``: not ours, or the regime has no chart).

    The chart is the regime's own
    [`ChartOfAccounts`][cooprules_adapters.accounting.charts.ChartOfAccounts] rule set, else the
    built-in chart of its jurisdiction
    ([`chart_of()`][cooprules_adapters.accounting.charts.chart_of]).
    """
    chart = chart_of(regime)
    if chart is None:
        return None
    return book(result, chart, as_of)


@attrs.frozen
class AccountingPlugin:
    """An accounting plug-in with a co-op's own charts (register it with the plug-in manager).

    Attributes:
        charts: the chart to use for each jurisdiction (the built-in ones by default), over the
            regime's own; a regime whose jurisdiction has none here is booked on its own chart
            (its [`ChartOfAccounts`][cooprules_adapters.accounting.charts.ChartOfAccounts] rule
            set), if it has one.
    """

    charts: Mapping[str, ChartOfAccounts] = attrs.field(factory=lambda: dict(CHARTS))

    @property
    def __name__(self) -> str:
        """The plug-in's name in the manager."""
        return "accounting-custom"

    @hookimpl
    def cooprules_journal_entries(
        self, result: object, regime: Regime, as_of: date
    ) -> Sequence[JournalEntry] | None:
        """Book ``result`` on this plug-in's chart for the regime's jurisdiction, else its own."""
        chart = self.charts.get(regime.jurisdiction) or chart_of(regime, {})
        if chart is None:
            return None
        return book(result, chart, as_of)
