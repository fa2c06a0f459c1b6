"""Finding plug-ins and the regimes they provide.

[`get_plugin_manager()`][cooprules.plugins.get_plugin_manager] builds a fresh pluggy manager: it
adds the hook specifications, blocks the plug-ins named in ``COOPRULES_DISABLED_PLUGINS``
(comma-separated entry-point names), loads the ``cooprules`` entry-point group (our own adapters are
registered there too), registers any plug-ins passed in, and checks that every hook implementation
matches a specification, so a misspelled hook fails loudly instead of never being called.

There is no module-level manager and no cache: build a
[`RegimeCatalogue`][cooprules.plugins.RegimeCatalogue] once with
[`load_regimes()`][cooprules.plugins.load_regimes] and keep it, or call
[`get_regime()`][cooprules.plugins.get_regime] for a one-off look-up.

```pycon
>>> catalogue = load_regimes()
>>> catalogue.get("BE-SCES").code
'be-sces'

```
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, cast

import attrs
import pluggy

from cooprules import hookspecs
from cooprules.errors import DuplicateId, PluginError, UnknownRegime
from cooprules.regime import Regime

if TYPE_CHECKING:
    from moneyed import Money

    from cooprules.journal import JournalEntry
    from cooprules.levies import Activity, Line, Schedule
    from cooprules.payroll import EnvelopeRequest, SalaryEnvelope

__all__ = [
    "DISABLED_PLUGINS_ENV",
    "RegimeCatalogue",
    "available_regimes",
    "get_plugin_manager",
    "get_regime",
    "journal_entries",
    "levy_base",
    "load_regimes",
    "salary_envelope",
]

DISABLED_PLUGINS_ENV = "COOPRULES_DISABLED_PLUGINS"
"""Environment variable: comma-separated names of entry-point plug-ins not to load."""


def get_plugin_manager(
    *,
    plugins: Iterable[object] = (),
    entry_points: bool = True,
    disabled: Iterable[str] | None = None,
) -> pluggy.PluginManager:
    """Build a plug-in manager with the installed plug-ins and ``plugins``.

    Args:
        plugins: extra plug-in objects or modules to register (a third party's, a test's).
        entry_points: load the ``cooprules`` entry-point group (default ``True``).
        disabled: names of plug-ins to block; by default read from ``COOPRULES_DISABLED_PLUGINS``.

    Raises:
        PluginError: a plug-in failed to import, or implements a hook that does not exist (a
            misspelling) or with arguments the specification does not have.
    """
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    names = _disabled_names(disabled)
    for name in names:
        manager.set_blocked(name)
    if entry_points:
        try:
            manager.load_setuptools_entrypoints(hookspecs.PROJECT)
        except pluggy.PluginValidationError as error:
            raise PluginError(_plugin_name(error), str(error)) from error
        except Exception as error:
            raise PluginError("entry points", f"failed to load: {error!r}") from error
    for plugin in plugins:
        name = manager.get_canonical_name(plugin)
        if manager.is_blocked(name):
            continue
        try:
            manager.register(plugin)
        except pluggy.PluginValidationError as error:
            raise PluginError(_plugin_name(error), str(error)) from error
        except ValueError as error:
            raise PluginError(name, str(error)) from error
    try:
        manager.check_pending()
    except pluggy.PluginValidationError as error:
        raise PluginError(_plugin_name(error), str(error)) from error
    return manager


def _disabled_names(disabled: Iterable[str] | None) -> tuple[str, ...]:
    if disabled is None:
        raw = os.environ.get(DISABLED_PLUGINS_ENV, "")
        disabled = raw.split(",")
    return tuple(name.strip() for name in disabled if name.strip())


def _plugin_name(error: pluggy.PluginValidationError) -> str:
    plugin = getattr(error, "plugin", None)
    return getattr(plugin, "__name__", None) or repr(plugin)


@attrs.frozen
class RegimeCatalogue:
    """The regimes installed, by code, with the plug-in that provided each.

    Attributes:
        regimes: every regime by its code, in code order.
        providers: the name of the plug-in that provided each code.
    """

    regimes: Mapping[str, Regime]
    providers: Mapping[str, str]
    """Both are read-only mappings."""

    def codes(self) -> tuple[str, ...]:
        """The installed regime codes, sorted."""
        return tuple(self.regimes)

    def get(self, code: str) -> Regime:
        """Return the regime whose code or alias is ``code`` (case-insensitive).

        Raises:
            UnknownRegime: listing the installed codes.
        """
        wanted = code.strip().lower() if isinstance(code, str) else code
        found = self.regimes.get(wanted)
        if found is not None:
            return found
        for regime in self.regimes.values():
            if wanted in {alias.lower() for alias in regime.aliases}:
                return regime
        raise UnknownRegime(str(code), self.codes())

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        try:
            self.get(code)
        except UnknownRegime:
            return False
        return True

    def __iter__(self) -> Iterator[Regime]:
        return iter(self.regimes.values())

    def __len__(self) -> int:
        return len(self.regimes)


def load_regimes(manager: pluggy.PluginManager | None = None) -> RegimeCatalogue:
    """Collect the regimes of every plug-in into a catalogue.

    Raises:
        PluginError: a plug-in raised, or returned something that is not a
            [`Regime`][cooprules.regime.Regime].
        DuplicateId: two regimes share a code or an alias (both plug-ins are named).
    """
    manager = manager or get_plugin_manager()
    found: dict[str, Regime] = {}
    providers: dict[str, str] = {}
    names: dict[str, str] = {}  # code or alias -> provider, to detect clashes
    for impl in manager.hook.cooprules_regimes.get_hookimpls():
        provider = impl.plugin_name
        try:
            provided = cast("Iterable[object] | None", impl.function())
        except Exception as error:
            raise PluginError(provider, f"cooprules_regimes() raised {error!r}") from error
        if provided is None:
            continue
        if isinstance(provided, Regime) or not isinstance(provided, Iterable):
            raise PluginError(
                provider, f"cooprules_regimes() returned {provided!r}, not a sequence of Regime"
            )
        for regime in provided:
            if not isinstance(regime, Regime):
                raise PluginError(
                    provider, f"cooprules_regimes() returned {regime!r}, not a Regime"
                )
            for name in (regime.code, *(alias.lower() for alias in regime.aliases)):
                if name in names:
                    raise DuplicateId(
                        "regime.code",
                        name,
                        f"provided by both {names[name]!r} and {provider!r}",
                    )
                names[name] = provider
            found[regime.code] = regime
            providers[regime.code] = provider
    ordered = dict(sorted(found.items()))
    return RegimeCatalogue(
        regimes=MappingProxyType(ordered),
        providers=MappingProxyType({c: providers[c] for c in ordered}),
    )


def available_regimes(manager: pluggy.PluginManager | None = None) -> tuple[str, ...]:
    """Return the codes of every installed regime, sorted.

    ```pycon
    >>> "fr-cae-scop" in available_regimes()
    True

    ```
    """
    return load_regimes(manager).codes()


def get_regime(code: str, manager: pluggy.PluginManager | None = None) -> Regime:
    """Return the installed regime with this code or alias (case-insensitive).

    Raises:
        UnknownRegime: listing what is installed.
    """
    return load_regimes(manager).get(code)


def journal_entries(
    manager: pluggy.PluginManager, result: object, regime: Regime, as_of: date
) -> tuple[JournalEntry, ...]:
    """Ask every accounting plug-in for the entries of ``result``, in registration order.

    Raises:
        PluginError: a plug-in raised, or returned something other than journal entries.
    """
    from cooprules.journal import JournalEntry  # noqa: PLC0415 - journal imports money only

    entries: list[JournalEntry] = []
    for impl in manager.hook.cooprules_journal_entries.get_hookimpls():
        name = impl.plugin_name
        try:
            answer = impl.function(
                **{
                    arg: value
                    for arg, value in (("result", result), ("regime", regime), ("as_of", as_of))
                    if arg in impl.argnames
                }
            )
        except Exception as error:
            raise PluginError(name, f"cooprules_journal_entries() raised {error!r}") from error
        if answer is None:
            continue
        if isinstance(answer, JournalEntry) or not isinstance(answer, Iterable):
            raise PluginError(name, f"returned {answer!r}, not a sequence of JournalEntry")
        for entry in answer:
            if not isinstance(entry, JournalEntry):
                raise PluginError(name, f"returned {entry!r}, not a JournalEntry")
            entries.append(entry)
    return tuple(entries)


def salary_envelope(
    manager: pluggy.PluginManager, request: EnvelopeRequest
) -> SalaryEnvelope | None:
    """Ask the payroll plug-ins for ``request``'s envelope; the first that answers wins.

    Raises:
        PluginError: a plug-in raised, or returned something other than a ``SalaryEnvelope``.
    """
    from cooprules.payroll import SalaryEnvelope  # noqa: PLC0415 - only needed here

    try:
        answer: object = manager.hook.cooprules_salary_envelope(request=request)
    except Exception as error:
        raise PluginError("payroll", f"cooprules_salary_envelope() raised {error!r}") from error
    if answer is not None and not isinstance(answer, SalaryEnvelope):
        raise PluginError("payroll", f"returned {answer!r}, not a SalaryEnvelope")
    return answer


def levy_base(
    manager: pluggy.PluginManager, activity: Activity, schedule: Schedule
) -> Callable[[Line], Money]:
    """A ``custom_base`` for `cooprules.levies.levy_year()` that asks the plug-ins.

    Raises (when the returned function is called):
        PluginError: no plug-in computes the base of the line, or one raised.
    """

    def base(line: Line) -> Money:
        try:
            answer: Money | None = manager.hook.cooprules_levy_base(
                line=line, activity=activity, schedule=schedule
            )
        except Exception as error:
            raise PluginError("levy base", f"cooprules_levy_base() raised {error!r}") from error
        if answer is None:
            raise PluginError(
                "levy base", f"no plug-in computes the custom levy base of activity {activity.id!r}"
            )
        return answer

    return base
