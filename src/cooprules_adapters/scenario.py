"""The plug-ins' side of a scenario: sample schedules, waterfalls, register checks, the journal.

The core's :func:`cooprules.report.evaluate` knows no country; :func:`glue_for` gives it what
the plug-ins know for a regime:

* the sample levy schedules by name: ``be.SMART``, ``be.ACTIVITY_EXAMPLE``, ``fr.COOPANAME``...
  (:data:`SCHEDULES`);
* the regime family's surplus waterfall, built from the scenario's ``[distribution] options``:
  Belgium (:func:`cooprules_adapters.be.surplus.waterfall`: ``interest_rate``, ``refunds``,
  ``measure``, ``dividend_cap_basis``, ``eligible``...), a SCOP or CAE-SCOP
  (:func:`~cooprules_adapters.fr.surplus.scop_waterfall`: ``worker_share``, ``dividends``,
  ``seniority_coefficient``), a SCIC (:func:`~cooprules_adapters.fr.surplus.scic_waterfall`:
  ``reserves_above_capital``, ``interest_rate``, ``interest_cap``) and Quebec
  (:func:`cooprules_adapters.qc.surplus.waterfall`: ``measure``, ``refunds``,
  ``second_ten_percent_to``);
* for a Belgian coopérative d'activités, the 60 % target-group quota over the candidates;
* the journal entries, through the ``cooprules_journal_entries`` hook.

Option values: text holding a rate (``"3%"``, ``"1/3"``) becomes a :class:`~cooprules.money.Rate`;
``"rest"`` and words stay text; other text (``"1500.00"``) is an amount in the scenario's currency;
integers and booleans stay as they are; ``eligible`` is a comma-separated list of categories.

>>> from datetime import date
>>> report = evaluate_file("examples/be-activity.toml", as_of=date(2025, 12, 31))
>>> report.regime, len(report.members)
('be-activity', 15)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from cooprules.errors import InvalidInput
from cooprules.explain import Explanation, Step, Text, Violation
from cooprules.levies import Schedule
from cooprules.membership import EventKind, Member, Status, status_at
from cooprules.money import Rate, money
from cooprules.plugins import RegimeCatalogue, get_plugin_manager, journal_entries, load_regimes
from cooprules.report import Glue, YearReport, evaluate
from cooprules.scenario import Scenario, load
from cooprules_adapters.be import levies as be_levies
from cooprules_adapters.be import membership as be_membership
from cooprules_adapters.be import surplus as be_surplus
from cooprules_adapters.fr import levies as fr_levies
from cooprules_adapters.fr import surplus as fr_surplus
from cooprules_adapters.qc import surplus as qc_surplus

if TYPE_CHECKING:
    import pluggy

    from cooprules.journal import JournalEntry
    from cooprules.regime import Regime
    from cooprules.surplus import Waterfall, YearFigures

__all__ = ["SCHEDULES", "evaluate_file", "evaluate_scenario", "glue_for", "option_values"]


def _named(prefix: str, module: object, names: Sequence[str]) -> dict[str, Schedule]:
    return {
        f"{prefix}.{name}": value
        for name in names
        if isinstance(value := getattr(module, name, None), Schedule)
    }


SCHEDULES: Final[Mapping[str, Schedule]] = {
    **_named("be", be_levies, be_levies.__all__),
    **_named("fr", fr_levies, fr_levies.__all__),
}
"""Every sample schedule of the plug-ins, by ``<jurisdiction>.<NAME>``."""

_RATE = re.compile(r"^-?[0-9.]+ ?%$|^-?[0-9]+/[0-9]+$")
_AMOUNT = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")


def option_values(options: Mapping[str, object], currency: str) -> dict[str, Any]:
    """Convert a scenario's distribution options to the waterfall functions' values.

    >>> values = option_values({"interest_rate": "3%", "refunds": "rest", "dividends": "1200.00",
    ...                         "eligible": "worker, user"}, "EUR")
    >>> str(values["interest_rate"]), values["refunds"], values["eligible"]
    ('3%', 'rest', ('worker', 'user'))
    >>> values["dividends"]
    Money('1200.00', 'EUR')
    """
    out: dict[str, Any] = {}
    for key, value in options.items():
        if key == "eligible" and isinstance(value, str):
            out[key] = tuple(part.strip() for part in value.split(",") if part.strip())
        elif isinstance(value, str) and _RATE.match(value):
            out[key] = Rate.of(value.replace(" ", ""))
        elif isinstance(value, str) and _AMOUNT.match(value):
            out[key] = money(value, currency, field=f"distribution.options.{key}")
        else:
            out[key] = value
    return out


def _waterfall(scenario: Scenario, regime: Regime, figures: YearFigures) -> Waterfall:
    options = option_values(
        scenario.distribution.options if scenario.distribution else {}, scenario.currency
    )
    code = regime.code
    try:
        if code.startswith("be-"):
            return be_surplus.waterfall(regime=code, **options)  # type: ignore[arg-type]
        if code in {"fr-scop", "fr-cae-scop"}:
            options.setdefault("highest_capital", figures.highest_capital)
            return fr_surplus.scop_waterfall(**options)
        if code in {"fr-scic", "fr-cae-scic"}:
            return fr_surplus.scic_waterfall(**options)
        if code.startswith("qc-"):
            return qc_surplus.waterfall(figures, **options)
    except TypeError as error:
        raise InvalidInput("distribution.options", sorted(options), str(error)) from error
    raise InvalidInput("coop.regime", code, "no surplus waterfall is known for this regime")


def _quota(
    scenario: Scenario, register: Sequence[Member], as_of: date
) -> tuple[tuple[Violation, ...], Explanation]:
    """The Belgian 60 % target-group quota over the candidates on ``as_of``."""
    facts = {m.id: m.facts for m in scenario.members}
    results = []
    steps: list[Step] = []
    for member in register:
        if status_at(member.history, as_of) is not Status.CANDIDATE_ENTREPRENEUR:
            continue
        start = max(
            (e.date for e in member.history.events if e.kind is EventKind.CONVENTION_SIGNED),
            default=None,
        )
        if start is None or member.birth_date is None:
            raise InvalidInput(
                f"members[{member.id}].birth_date",
                None,
                "the target-group quota needs each candidate's birth date and convention",
            )
        own = facts.get(member.id, {})
        result = be_membership.in_target_group(
            member.id,
            birth_date=member.birth_date,
            convention_start=start,
            unemployment_days_18_months=int(own.get("unemployment_days_18_months", 0)),
            unemployment_days_9_months=int(own.get("unemployment_days_9_months", 0)),
            on_integration_income=bool(own.get("on_integration_income", False)),
        )
        results.append(result)
        steps.extend(result.explanation.steps)
    in_group = sum(r.in_group for r in results)
    steps.append(
        Step(
            Text(en="Candidates in the target group", fr="Candidats du groupe cible"),
            {"candidates": len(results), "required share": Rate.of("60%")},
            in_group,
            None,
        )
    )
    return be_membership.quota_violations(results), Explanation(tuple(steps))


def _journal(
    manager: pluggy.PluginManager,
) -> Callable[[object, Regime, date], tuple[JournalEntry, ...]]:
    def entries(result: object, regime: Regime, as_of: date) -> tuple[JournalEntry, ...]:
        return journal_entries(manager, result, regime, as_of)

    return entries


def glue_for(
    regime: Regime, *, manager: pluggy.PluginManager | None = None, journal: bool = True
) -> Glue:
    """What :func:`cooprules.report.evaluate` needs from the plug-ins for ``regime``.

    ``journal=False`` leaves the journal out (the most expensive part of a large year, and only
    needed to write a ledger).
    """
    return Glue(
        schedules=SCHEDULES,
        waterfall=_waterfall,
        register_checks=_quota if regime.code == "be-activity" else None,
        journal=_journal(manager or get_plugin_manager()) if journal else None,
    )


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
) -> YearReport:
    """Evaluate a loaded scenario with the installed plug-ins (see :func:`evaluate_file`)."""
    regime = _regime(catalogue, scenario)
    glue = glue_for(regime, journal=journal)
    return evaluate(scenario, as_of=as_of, regime=regime, glue=glue, progress=progress)


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
