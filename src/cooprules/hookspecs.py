"""The plug-in API: every pluggy hook that cooprules calls, prefixed ``cooprules_``.

A plug-in is a module or an object with functions marked ``@cooprules.hookimpl`` whose names and
argument names match these specifications. It may accept fewer arguments than a spec lists (new
arguments can be added to a spec without breaking it), never more. Hooks are called with keyword
arguments only. ``docs/hooks.md`` documents each hook with an example; a test fails when one is
missing there.

Plug-ins are found through the ``cooprules`` entry-point group::

    [project.entry-points.cooprules]
    my_regimes = "my_package.cooprules_plugin"

Families:

* **regimes**: ``cooprules_regimes``, the regimes a plug-in provides;
* **accounting**: ``cooprules_journal_entries``, results to balanced journal entries;
* **payroll**: ``cooprules_salary_envelope``, an activity's figures to a salary envelope;
* **levies**: ``cooprules_levy_base``, the base of a levy when a schedule's base is custom.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from moneyed import Money

    from cooprules.journal import JournalEntry
    from cooprules.levies import Activity, Line, Schedule
    from cooprules.payroll import EnvelopeRequest, SalaryEnvelope
    from cooprules.regime import Regime

__all__ = [
    "PROJECT",
    "cooprules_journal_entries",
    "cooprules_levy_base",
    "cooprules_regimes",
    "cooprules_salary_envelope",
    "hookimpl",
    "hookspec",
]

PROJECT = "cooprules"
"""The pluggy project name and the entry-point group."""

hookspec = pluggy.HookspecMarker(PROJECT)
"""Marker for hook specifications (used only here)."""

hookimpl = pluggy.HookimplMarker(PROJECT)
"""Marker for hook implementations: import it as ``cooprules.hookimpl`` in a plug-in."""


# --- Regimes ---------------------------------------------------------------------------------


@hookspec
def cooprules_regimes() -> Sequence[Regime]:
    """Return the regimes this plug-in provides.

    Every plug-in's regimes are collected; two regimes with the same code (or alias) are an error
    that names both plug-ins. A regime is frozen data; the plug-in builds it once, at import.

    :return: the plug-in's regimes (an empty sequence if it provides none).

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # pragma: no cover - specification only


# --- Accounting ------------------------------------------------------------------------------


@hookspec
def cooprules_journal_entries(
    result: object, regime: Regime, as_of: date
) -> Sequence[JournalEntry] | None:
    """Turn an engine's result into balanced journal entries.

    Each accounting plug-in returns the entries it knows how to make for ``result`` (a levy
    statement, a surplus distribution, a share operation…) or ``None`` when the result is not its
    business. The entries of all plug-ins are concatenated.
    [`cooprules.report.evaluate()`][cooprules.report.evaluate] asks for the whole year's
    [`YearReport`][cooprules.report.YearReport] (openings, each activity's accounts, share
    operations, reserves, the distribution); when no plug-in books it, for its levy years and its
    distribution one by one.

    :param result: the engine result to book (a frozen value; do not modify it).
    :param regime: the co-op's regime, for the chart of accounts of its jurisdiction.
    :param as_of: the accounting date.
    :return: balanced entries, or ``None``.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # pragma: no cover - specification only


# --- Payroll ---------------------------------------------------------------------------------


@hookspec(firstresult=True)
def cooprules_salary_envelope(request: EnvelopeRequest) -> SalaryEnvelope | None:
    """Compute an entrepreneur-employee's salary envelope from their activity.

    Stops at the first non-``None`` result: the first payroll plug-in that handles the request's
    regime answers.

    :param request: the activity's figures for the period and the contribution-rate functions.
    :return: the envelope, or ``None`` if this plug-in does not handle the regime.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # pragma: no cover - specification only


# --- Levies ----------------------------------------------------------------------------------


@hookspec(firstresult=True)
def cooprules_levy_base(line: Line, activity: Activity, schedule: Schedule) -> Money | None:
    """Compute the base of a levy for one line when the schedule's base is ``Base.CUSTOM``.

    Stops at the first non-``None`` result. A co-op that levies, say, revenue less only
    subcontracting, or that excludes some expense categories, supplies its base this way.

    :param line: the activity's line for the period (revenue, direct costs).
    :param activity: the activity (its kind, its owner).
    :param schedule: the schedule being applied.
    :return: the base in the line's currency, a whole number of minor units, or ``None`` if this
        plug-in does not compute it.

    .. versionadded:: 0.1
    """
    raise NotImplementedError  # pragma: no cover - specification only
