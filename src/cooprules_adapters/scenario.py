"""Evaluating a scenario file with the installed plug-ins.

The core's [`cooprules.report.evaluate()`][cooprules.report.evaluate] knows no country: it asks the
scenario's regime for its rule sets (its distribution, register checks, sample schedules, membership
and voting rules) and reads every figure from its law. This module only loads the file, finds the
regime in the installed catalogue and books the journal through the ``cooprules_journal_entries``
hook, so a third party's regime runs exactly as ours do.

```pycon
>>> from datetime import date
>>> report = evaluate_file("examples/be-activity.toml", as_of=date(2025, 12, 31))
>>> report.regime, len(report.members)
('be-activity', 15)

```
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cooprules.plugins import (
    RegimeCatalogue,
    get_plugin_manager,
    journal_entries,
    load_regimes,
    salary_envelope,
)
from cooprules.report import YearReport, evaluate
from cooprules.scenario import Scenario, load

if TYPE_CHECKING:
    import pluggy

    from cooprules.journal import JournalEntry
    from cooprules.regime import Regime

__all__ = ["evaluate_file", "evaluate_scenario"]


def _journal(
    manager: pluggy.PluginManager,
) -> Callable[[object, Regime, date], tuple[JournalEntry, ...]]:
    def entries(result: object, regime: Regime, as_of: date) -> tuple[JournalEntry, ...]:
        return journal_entries(manager, result, regime, as_of)

    return entries


def evaluate_file(
    path: str | Path,
    *,
    as_of: date,
    catalogue: RegimeCatalogue | None = None,
    progress: Callable[[str, int, int], None] | None = None,
    journal: bool = True,
) -> YearReport:
    """Load a scenario file and evaluate it with the installed plug-ins.

    ``journal=False`` skips the journal entries (the report's ``journal`` is then empty).

    Raises:
        ScenarioError: the file cannot be read (naming the file, the path and the value).
        UnknownRegime: the scenario's regime is not installed.
    """
    catalogue = catalogue or load_regimes()
    scenario = load(path, currency_of_regime=lambda code: catalogue.get(code).currency)
    return evaluate_scenario(
        scenario, as_of=as_of, catalogue=catalogue, progress=progress, journal=journal
    )


def evaluate_scenario(
    scenario: Scenario,
    *,
    as_of: date,
    catalogue: RegimeCatalogue,
    progress: Callable[[str, int, int], None] | None = None,
    journal: bool = True,
    to_date: bool = False,
) -> YearReport:
    """Evaluate a loaded scenario with the installed plug-ins (see `evaluate_file()`).

    ``to_date``: an ``as_of`` inside the year gives the year to date (`YearReport.to_date`).
    """
    regime = _regime(catalogue, scenario)
    manager = get_plugin_manager()
    book = _journal(manager) if journal else None
    return evaluate(
        scenario,
        as_of=as_of,
        regime=regime,
        journal=book,
        progress=progress,
        payroll=lambda request: salary_envelope(manager, request),
        to_date=to_date,
    )


def _regime(catalogue: RegimeCatalogue, scenario: Scenario) -> Regime:
    from cooprules.errors import UnknownRegime  # noqa: PLC0415
    from cooprules.scenario import ScenarioError  # noqa: PLC0415

    try:
        return catalogue.get(scenario.coop.regime)
    except UnknownRegime as error:
        raise ScenarioError(
            scenario.source,
            "coop.regime",
            scenario.coop.regime,
            f"not an installed regime (installed: {', '.join(catalogue.codes())})",
        ) from error
