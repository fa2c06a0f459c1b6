"""One exception hierarchy: every error names its field and value, and is a built-in error too."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules import errors
from cooprules.errors import (
    CoopRulesError,
    CurrencyMismatch,
    DuplicateId,
    IllegalTransition,
    InvalidAmount,
    InvalidInput,
    InvalidParameter,
    InvalidPeriod,
    InvalidRate,
    InvalidWeights,
    PluginError,
    UnbalancedEntry,
    UnknownMember,
    UnknownParameter,
    UnknownRegime,
)

INPUT_ERRORS = [
    InvalidInput,
    InvalidAmount,
    CurrencyMismatch,
    InvalidRate,
    InvalidWeights,
    InvalidPeriod,
    InvalidParameter,
    DuplicateId,
    UnknownMember,
    UnbalancedEntry,
]


def test_every_exported_error_derives_from_the_root():
    exported = [getattr(errors, name) for name in errors.__all__]
    assert len(exported) == 16
    for cls in exported:
        assert issubclass(cls, CoopRulesError)
        assert issubclass(cls, Exception)


@pytest.mark.parametrize("cls", INPUT_ERRORS)
def test_input_errors_are_value_errors_naming_field_and_value(cls):
    error = cls("members[3].hours", -2, "must not be negative")
    assert isinstance(error, ValueError)
    assert isinstance(error, InvalidInput)
    assert (error.field, error.value, error.reason) == (
        "members[3].hours",
        -2,
        "must not be negative",
    )
    assert str(error) == "members[3].hours: must not be negative (got -2)"


@given(st.text(), st.one_of(st.none(), st.integers(), st.text(), st.decimals()), st.text())
def test_input_error_message_always_shows_field_reason_and_repr_of_value(field, value, reason):
    error = InvalidInput(field, value, reason)
    assert str(error) == f"{field}: {reason} (got {value!r})"
    assert error.value is value


def test_builtin_bases_match_the_problem():
    assert issubclass(InvalidAmount, TypeError)
    assert issubclass(UnknownMember, LookupError)
    assert issubclass(UnknownRegime, LookupError)
    assert issubclass(UnknownParameter, LookupError)
    assert not issubclass(IllegalTransition, ValueError)
    assert not issubclass(PluginError, ValueError)


def test_errors_can_be_caught_by_a_generic_handler():
    with pytest.raises(ValueError, match=r"got 0\.1"):
        raise InvalidAmount("surplus", 0.1, "float is not accepted for money")
    with pytest.raises(LookupError):
        raise UnknownMember("member", "m-9", "not in the register")


def test_illegal_transition_message_with_and_without_target():
    error = IllegalTransition(
        "m-1", "candidate", "exclude", "excluded", "only members are excluded"
    )
    assert str(error) == (
        "m-1: illegal transition candidate -> excluded on event 'exclude': "
        "only members are excluded"
    )
    assert (error.subject, error.source, error.event, error.target) == (
        "m-1",
        "candidate",
        "exclude",
        "excluded",
    )
    assert error.reason == "only members are excluded"
    orphan = IllegalTransition("m-2", "left", "admit", None, "no transition")
    assert str(orphan) == "m-2: illegal transition left on event 'admit': no transition"
    assert orphan.target is None


def test_unknown_regime_lists_what_is_installed():
    error = UnknownRegime("fr-sarl", iter(["be-cnc", "fr-scop"]))
    assert error.code == "fr-sarl"
    assert error.installed == ("be-cnc", "fr-scop")
    assert str(error) == "regime 'fr-sarl' is not available; installed: be-cnc, fr-scop"
    assert str(UnknownRegime("x", [])) == "regime 'x' is not available; installed: none"


def test_unknown_parameter_names_regime_key_and_date():
    error = UnknownParameter("be-cnc", "voting.quorum", "2026-01-01")
    assert (error.regime, error.key, error.as_of) == ("be-cnc", "voting.quorum", "2026-01-01")
    assert str(error) == "regime 'be-cnc' has no parameter 'voting.quorum' in force on 2026-01-01"


def test_plugin_error_names_the_plugin():
    error = PluginError("acme", "cooprules_regimes() raised RuntimeError()")
    assert (error.plugin, error.reason) == ("acme", "cooprules_regimes() raised RuntimeError()")
    assert str(error) == "plug-in 'acme': cooprules_regimes() raised RuntimeError()"
