"""One exception hierarchy for cooprules, rooted at `CoopRulesError`.

Exceptions are for *bad input and programmer errors*: a float where money is expected, a NaN, two
currencies mixed, an unknown member, a period that ends before it starts, a duplicate id, an illegal
status transition. A *compliance problem* (statutes that break the law, a proxy over its cap) is not
an exception: engines return it as a [`cooprules.explain.Violation`][cooprules.explain.Violation].

Every message names the field and the offending value, so that a user can find it in their data::

    ```pycon
    >>> from cooprules.errors import InvalidAmount
    >>> str(InvalidAmount("surplus", 0.1, "float is not accepted for money"))
    'surplus: float is not accepted for money (got 0.1)'

    ```

The classes also derive from the matching built-in (``ValueError``, ``TypeError``, ``LookupError``)
so that generic handlers keep working.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

__all__ = [
    "CoopRulesError",
    "CurrencyMismatch",
    "DuplicateId",
    "IllegalTransition",
    "InputFileError",
    "InvalidAmount",
    "InvalidInput",
    "InvalidParameter",
    "InvalidPeriod",
    "InvalidRate",
    "InvalidWeights",
    "PluginError",
    "UnbalancedEntry",
    "UnknownMember",
    "UnknownParameter",
    "UnknownRegime",
]


class CoopRulesError(Exception):
    """Root of every exception raised by cooprules."""


SHOWN: Final = 200
"""The most characters of a value a message shows (the error's ``value`` keeps all of it)."""


def shown(value: object) -> str:
    """The value as a message shows it: its ``repr``, cut to `SHOWN` characters.

    ```pycon
    >>> shown("x" * 1000)[-24:]
    'xxx... (1002 characters)'

    ```
    """
    try:
        text = repr(value)
    except ValueError:  # an int beyond Python's 4300 digits of text
        text = f"<{type(value).__name__} of {getattr(value, 'bit_length', int)()} bits>"
    except RecursionError:  # tables within tables, thousands deep (a dotted key of a file)
        text = f"<{type(value).__name__} nested too deeply to show>"
    return text if len(text) <= SHOWN else f"{text[: SHOWN - 30]}... ({len(text)} characters)"


class InvalidInput(CoopRulesError, ValueError):
    """A value given to cooprules is not acceptable.

    Attributes:
        field: where the value came from (an argument name or a dotted path such as
            ``members[3].events[1].date``).
        value: the offending value, as given.
        reason: what is wrong with it, in plain words.
    """

    def __init__(self, field: str, value: object, reason: str) -> None:
        self.field = field
        self.value = value
        self.reason = reason
        super().__init__(f"{field}: {reason} (got {shown(value)})")


class InputFileError(InvalidInput):
    """A file cannot be read: it names the file, the path inside it and the value.

    Attributes:
        file: the file's name.
        path: where in the file (``members[3].events[1].date``; empty for the whole file).
        value: the offending value.
        reason: what is wrong with it.
    """

    def __init__(self, file: str, path: str, value: object, reason: str) -> None:
        self.file = file
        self.path = path
        super().__init__(path or "(file)", value, reason)
        self.args = (f"{file}: {path or '(file)'}: {reason} (got {shown(value)})",)

    def __str__(self) -> str:
        return str(self.args[0])


class InvalidAmount(InvalidInput, TypeError):
    """An amount of money is not exact: a float, a bool, NaN, an infinity, or unparsable text."""


class CurrencyMismatch(InvalidInput):
    """Two amounts in different currencies were combined, or a currency is unknown."""


class InvalidRate(InvalidInput):
    """A rate cannot be parsed, or lies outside its bounds."""


class InvalidWeights(InvalidInput):
    """Weights for an allocation are empty, negative, not exact, or add up to zero."""


class InvalidPeriod(InvalidInput):
    """A period ends before it starts, or a date is not a date."""


class InvalidParameter(InvalidInput):
    """A regime parameter or a statute value has the wrong type or shape."""


class DuplicateId(InvalidInput):
    """Two records share an identifier that must be unique (a member, a regime code...)."""


class UnknownMember(InvalidInput, LookupError):
    """A member identifier is not in the register."""


class UnbalancedEntry(InvalidInput):
    """A journal entry's debits and credits differ, or it mixes currencies."""


class IllegalTransition(CoopRulesError):
    """An event would move a member along a transition the regime does not allow.

    Attributes:
        subject: the member (or other record) concerned.
        source: the status before the event.
        event: the event that was applied.
        target: the status the event leads to, if any.
        reason: why it is refused.
    """

    def __init__(
        self,
        subject: str,
        source: str,
        event: str,
        target: str | None,
        reason: str,
    ) -> None:
        self.subject = subject
        self.source = source
        self.event = event
        self.target = target
        self.reason = reason
        arrow = f"{source} -> {target}" if target is not None else source
        super().__init__(f"{subject}: illegal transition {arrow} on event {event!r}: {reason}")


class UnknownRegime(CoopRulesError, LookupError):
    """No installed plug-in provides the regime asked for.

    Attributes:
        code: the code asked for.
        installed: the codes that are installed.
    """

    def __init__(self, code: str, installed: Iterable[str]) -> None:
        self.code = code
        self.installed = tuple(installed)
        listing = ", ".join(self.installed) if self.installed else "none"
        super().__init__(f"regime {code!r} is not available; installed: {listing}")


class UnknownParameter(CoopRulesError, LookupError):
    """A regime has no parameter of that key in force on that date.

    Attributes:
        regime: the regime's code.
        key: the parameter's key.
        as_of: the date asked for, as ISO text.
    """

    def __init__(self, regime: str, key: str, as_of: str) -> None:
        self.regime = regime
        self.key = key
        self.as_of = as_of
        super().__init__(f"regime {regime!r} has no parameter {key!r} in force on {as_of}")


class PluginError(CoopRulesError):
    """A plug-in failed to load, misspelled a hook, or returned something unusable.

    Attributes:
        plugin: the plug-in's name (its entry-point name or registered name).
        reason: what went wrong.
    """

    def __init__(self, plugin: str, reason: str) -> None:
        self.plugin = plugin
        self.reason = reason
        super().__init__(f"plug-in {plugin!r}: {reason}")
