"""Plug-ins: discovery through entry points, third-party plug-ins, and every way one can fail."""

from __future__ import annotations

import types
from datetime import date
from importlib import metadata

import pytest
from hypothesis import given
from hypothesis import strategies as st

import cooprules
from cooprules.errors import DuplicateId, PluginError, UnknownRegime
from cooprules.explain import Citation, Text
from cooprules.journal import JournalEntry, Posting
from cooprules.money import Rate, money
from cooprules.payroll import EnvelopeRequest, SalaryEnvelope
from cooprules.plugins import (
    DISABLED_PLUGINS_ENV,
    available_regimes,
    get_plugin_manager,
    get_regime,
    journal_entries,
    load_regimes,
    salary_envelope,
)
from cooprules.regime import Regime

BELGIAN = ("be-activity", "be-cnc", "be-employment", "be-sces")
FRENCH = ("fr-cae-scic", "fr-cae-scop", "fr-scic", "fr-scop")
QUEBEC = ("qc-producer", "qc-solidarity", "qc-work")
INSTALLED = BELGIAN + FRENCH + QUEBEC


@pytest.fixture(autouse=True)
def _no_disabled_plugins(monkeypatch):
    """Tests start from a clean environment: no plug-in disabled unless a test says so."""
    monkeypatch.delenv(DISABLED_PLUGINS_ENV, raising=False)


def synthetic(code="xx-acme", aliases=(), currency="EUR") -> Regime:
    return Regime(
        code=code,
        name="Coopérative Acme",
        name_en="Acme co-operative",
        jurisdiction="XX",
        currency=currency,
        languages=("en",),
        citations=(Citation(instrument="Acme Act", article="s. 1", jurisdiction="XX"),),
        aliases=aliases,
    )


class RegimePlugin:
    """A third party's plug-in object providing regimes (named through ``__name__``)."""

    def __init__(self, name, *regimes):
        self.__name__ = name
        self.regimes = regimes

    @cooprules.hookimpl
    def cooprules_regimes(self):
        return self.regimes


# ---------------------------------------------------------------------------------------------
# Discovery
# ---------------------------------------------------------------------------------------------


def test_the_eleven_regimes_are_found_through_entry_points():
    catalogue = load_regimes()
    assert catalogue.codes() == INSTALLED
    assert available_regimes() == INSTALLED
    assert len(catalogue) == 11
    assert [r.code for r in catalogue] == list(INSTALLED)
    assert {code: catalogue.providers[code] for code in ("be-cnc", "fr-scop", "qc-work")} == {
        "be-cnc": "be",
        "fr-scop": "fr",
        "qc-work": "qc",
    }
    for code, regime in catalogue.regimes.items():
        assert isinstance(regime, Regime)
        assert regime.code == code


@pytest.mark.parametrize("asked", ["be-sces", "BE-SCES", " Fr-Cae-Scop ", "qc-work"])
def test_get_regime_is_case_insensitive(asked):
    assert get_regime(asked).code == asked.strip().lower()
    assert asked in load_regimes()


def test_unknown_regime_lists_the_installed_codes():
    with pytest.raises(UnknownRegime) as caught:
        get_regime("fr-sarl")
    assert caught.value.code == "fr-sarl"
    assert caught.value.installed == INSTALLED
    assert "be-activity, be-cnc" in str(caught.value)
    catalogue = load_regimes()
    assert "fr-sarl" not in catalogue
    assert 42 not in catalogue


def test_a_manager_can_skip_entry_points():
    manager = get_plugin_manager(entry_points=False)
    assert load_regimes(manager).codes() == ()
    with pytest.raises(UnknownRegime, match="installed: none"):
        get_regime("be-cnc", manager)


# ---------------------------------------------------------------------------------------------
# Third-party plug-ins
# ---------------------------------------------------------------------------------------------


def test_a_third_party_plugin_registered_at_run_time_is_found():
    acme = RegimePlugin("acme", synthetic(aliases=("xx-old-acme",)))
    catalogue = load_regimes(get_plugin_manager(plugins=[acme]))
    assert catalogue.codes() == tuple(sorted((*INSTALLED, "xx-acme")))
    assert catalogue.providers["xx-acme"] == "acme"
    assert catalogue.get("XX-ACME") is acme.regimes[0]
    assert catalogue.get("xx-old-acme") is acme.regimes[0]  # by alias
    assert "XX-Old-Acme" in catalogue


@given(st.lists(st.from_regex(r"xx-[a-z0-9]{1,8}", fullmatch=True), max_size=6, unique=True))
def test_every_regime_a_plugin_provides_is_found_by_any_case(codes):
    provided = [synthetic(code) for code in codes]
    manager = get_plugin_manager(plugins=[RegimePlugin("acme", *provided)], entry_points=False)
    catalogue = load_regimes(manager)
    assert catalogue.codes() == tuple(sorted(codes))
    for regime in provided:
        assert catalogue.get(regime.code.upper()) is regime
        assert catalogue.providers[regime.code] == "acme"


def test_a_module_plugin_works_too():
    module = types.ModuleType("acme_module")

    @cooprules.hookimpl
    def cooprules_regimes():
        return [synthetic()]

    module.cooprules_regimes = cooprules_regimes
    catalogue = load_regimes(get_plugin_manager(plugins=[module], entry_points=False))
    assert catalogue.providers == {"xx-acme": "acme_module"}


def test_a_plugin_returning_none_provides_nothing():
    class Quiet:
        __name__ = "quiet"

        @cooprules.hookimpl
        def cooprules_regimes(self):
            return None

    assert load_regimes(get_plugin_manager(plugins=[Quiet()], entry_points=False)).codes() == ()


def test_a_misspelled_hook_is_a_plugin_error():
    class Typo:
        __name__ = "typo"

        @cooprules.hookimpl
        def cooprules_regime(self):  # missing the final "s"
            return ()

    with pytest.raises(PluginError) as caught:
        get_plugin_manager(plugins=[Typo()])
    assert caught.value.plugin == "typo"
    assert "cooprules_regime" in caught.value.reason


def test_a_hook_with_an_argument_not_in_the_spec_is_a_plugin_error():
    class Greedy:
        __name__ = "greedy"

        @cooprules.hookimpl
        def cooprules_regimes(self, as_of):  # noqa: ARG002 - the argument is the point
            return ()

    with pytest.raises(PluginError) as caught:
        get_plugin_manager(plugins=[Greedy()])
    assert caught.value.plugin == "greedy"
    assert "as_of" in caught.value.reason


def test_a_plugin_named_like_an_installed_one_is_a_plugin_error():
    with pytest.raises(PluginError) as caught:
        get_plugin_manager(plugins=[RegimePlugin("fr", synthetic())])
    assert caught.value.plugin == "fr"
    assert "already registered" in caught.value.reason


def test_registering_the_same_plugin_twice_is_a_plugin_error():
    acme = RegimePlugin("acme", synthetic())
    with pytest.raises(PluginError) as caught:
        get_plugin_manager(plugins=[acme, acme], entry_points=False)
    assert caught.value.plugin == "acme"


def test_two_plugins_providing_the_same_code_are_both_named():
    first = RegimePlugin("acme", synthetic())
    second = RegimePlugin("globex", synthetic())
    with pytest.raises(DuplicateId) as caught:
        load_regimes(get_plugin_manager(plugins=[first, second]))
    assert caught.value.field == "regime.code"
    assert caught.value.value == "xx-acme"
    assert "'acme'" in caught.value.reason
    assert "'globex'" in caught.value.reason


def test_a_plugin_taking_an_installed_code_or_alias_is_refused():
    with pytest.raises(DuplicateId) as caught:
        load_regimes(get_plugin_manager(plugins=[RegimePlugin("pirate", synthetic("be-cnc"))]))
    assert "'be'" in caught.value.reason
    assert "'pirate'" in caught.value.reason
    clash = RegimePlugin("pirate", synthetic("xx-other", aliases=("FR-SCOP",)))
    with pytest.raises(DuplicateId) as aliased:
        load_regimes(get_plugin_manager(plugins=[clash]))
    assert aliased.value.value == "fr-scop"


def test_a_plugin_that_raises_is_a_plugin_error():
    class Broken:
        __name__ = "broken"

        @cooprules.hookimpl
        def cooprules_regimes(self):
            message = "database unavailable"
            raise RuntimeError(message)

    with pytest.raises(PluginError) as caught:
        load_regimes(get_plugin_manager(plugins=[Broken()]))
    assert caught.value.plugin == "broken"
    assert "RuntimeError('database unavailable')" in caught.value.reason
    assert isinstance(caught.value.__cause__, RuntimeError)


@pytest.mark.parametrize(
    "returned",
    [
        pytest.param(["be-cnc"], id="a-code"),
        pytest.param([synthetic(), {"code": "xx-dict"}], id="a-dict"),
        pytest.param([None], id="none-inside"),
        # This found a bug where a plug-in returning one Regime instead of a sequence of them
        # raised a bare TypeError ('Regime' object is not iterable) instead of a PluginError.
        pytest.param(synthetic(), id="a-single-regime"),
        pytest.param(42, id="not-iterable"),
    ],
)
def test_a_plugin_returning_something_else_than_regimes_is_a_plugin_error(returned):
    class Sloppy:
        __name__ = "sloppy"

        @cooprules.hookimpl
        def cooprules_regimes(self):
            return returned

    with pytest.raises(PluginError) as caught:
        load_regimes(get_plugin_manager(plugins=[Sloppy()]))
    assert caught.value.plugin == "sloppy"
    assert "cooprules_regimes() returned" in caught.value.reason


def test_an_entry_point_plugin_that_fails_to_import_is_a_plugin_error(monkeypatch):
    class BadEntryPoint:
        name = "broken"
        group = "cooprules"
        value = "nowhere.to.be.found"

        def load(self):
            message = "No module named 'nowhere'"
            raise ModuleNotFoundError(message)

    class Dist:
        entry_points = (BadEntryPoint(),)

    monkeypatch.setattr(metadata, "distributions", lambda: [Dist()])
    with pytest.raises(PluginError) as caught:
        get_plugin_manager()
    assert caught.value.plugin == "entry points"
    assert "nowhere" in caught.value.reason


# ---------------------------------------------------------------------------------------------
# Disabling plug-ins
# ---------------------------------------------------------------------------------------------


def test_the_environment_variable_disables_plugins(monkeypatch):
    monkeypatch.setenv(DISABLED_PLUGINS_ENV, "be")
    assert available_regimes() == FRENCH + QUEBEC
    with pytest.raises(UnknownRegime):
        get_regime("be-cnc")
    monkeypatch.setenv(DISABLED_PLUGINS_ENV, " be , qc ,")
    assert available_regimes() == FRENCH


def test_the_disabled_argument_disables_plugins(monkeypatch):
    assert load_regimes(get_plugin_manager(disabled=["be"])).codes() == FRENCH + QUEBEC
    assert load_regimes(get_plugin_manager(disabled=["be", "fr", "qc"])).codes() == ()
    monkeypatch.setenv(DISABLED_PLUGINS_ENV, "be")
    assert load_regimes(get_plugin_manager(disabled=[])).codes() == INSTALLED  # argument wins


def test_a_run_time_plugin_can_be_disabled_by_name():
    acme = RegimePlugin("acme", synthetic())
    manager = get_plugin_manager(plugins=[acme], disabled=["acme"])
    assert "xx-acme" not in load_regimes(manager)


# ---------------------------------------------------------------------------------------------
# Accounting and payroll hooks
# ---------------------------------------------------------------------------------------------


class Accounting:
    """An accounting plug-in booking a levy result as one balanced entry."""

    def __init__(self, name, account):
        self.__name__ = name
        self.account = account
        self.calls = []

    @cooprules.hookimpl
    def cooprules_journal_entries(self, result, regime, as_of):
        self.calls.append((result, regime.code, as_of))
        if result != "levy":
            return None
        return [
            JournalEntry(
                date=as_of,
                narration=f"Levy ({self.__name__})",
                postings=(
                    Posting("411 Member", money("120.00", "EUR")),
                    Posting(self.account, money("-120.00", "EUR")),
                ),
                source="levy:act-7",
            )
        ]


def test_journal_entries_come_from_every_accounting_plugin_in_registration_order():
    first, second = Accounting("first", "706 Levy"), Accounting("second", "708 Other")
    manager = get_plugin_manager(plugins=[first, second], entry_points=False)
    regime = synthetic()
    entries = journal_entries(manager, "levy", regime, date(2026, 3, 31))
    assert [e.narration.en for e in entries] == ["Levy (first)", "Levy (second)"]
    assert all(isinstance(e, JournalEntry) for e in entries)
    assert entries[0].postings[1].account == "706 Levy"
    assert entries[0].currency.code == "EUR"
    assert first.calls == [("levy", "xx-acme", date(2026, 3, 31))]
    assert journal_entries(manager, "surplus", regime, date(2026, 3, 31)) == ()


def test_journal_entries_without_accounting_plugins_is_empty():
    assert journal_entries(get_plugin_manager(), "levy", synthetic(), date(2026, 1, 1)) == ()


def _request(regime="fr-cae-scop") -> EnvelopeRequest:
    def flat(_gross):
        return Rate.of("40%")

    return EnvelopeRequest(
        regime=get_regime(regime) if isinstance(regime, str) else regime,
        activity="act-7",
        member="m-1",
        period_start=date(2025, 1, 1),
        period_end=date(2025, 12, 31),
        revenue=money("60000.00", "EUR"),
        direct_costs=money("10000.00", "EUR"),
        contribution=money("5000.00", "EUR"),
        fixed_pay_paid=money("24000.00", "EUR"),
        employer_rate=flat,
        employee_rate=flat,
    )


class Payroll:
    """A payroll plug-in that handles one regime and records each call."""

    def __init__(self, name, handles, available):
        self.__name__ = name
        self.handles = handles
        self.available = available
        self.calls = 0

    @cooprules.hookimpl
    def cooprules_salary_envelope(self, request):
        self.calls += 1
        if request.regime.code != self.handles:
            return None
        amount = money(self.available, "EUR")
        return SalaryEnvelope(available=amount, fixed_part=amount, variable_part=money("0", "EUR"))


def test_salary_envelope_the_first_plugin_that_answers_wins():
    never = Payroll("never", "fr-cae-scop", "1.00")
    answering = Payroll("answering", "fr-cae-scop", "45000.00")
    declining = Payroll("declining", "be-activity", "2.00")
    # pluggy calls the last registered first: declining (None), then answering, then stops.
    manager = get_plugin_manager(plugins=[never, answering, declining], entry_points=False)
    envelope = salary_envelope(manager, _request())
    assert envelope is not None
    assert envelope.available == money("45000.00", "EUR")
    assert (declining.calls, answering.calls, never.calls) == (1, 1, 0)


def test_salary_envelope_is_none_when_no_plugin_handles_the_regime():
    # Without entry points: the shipped `payroll` adapter answers fr-cae-* and be-activity.
    manager = get_plugin_manager(
        plugins=[Payroll("payroll-fr", "fr-cae-scop", "1.00")], entry_points=False
    )
    assert salary_envelope(manager, _request("be-activity")) is None
    assert salary_envelope(get_plugin_manager(entry_points=False), _request()) is None


def test_a_hook_may_take_fewer_arguments_than_its_spec():
    class Lazy:
        __name__ = "lazy"

        @cooprules.hookimpl
        def cooprules_journal_entries(self, result):
            return [] if result == "levy" else None

    manager = get_plugin_manager(plugins=[Lazy()], entry_points=False)
    assert journal_entries(manager, "levy", synthetic(), date(2026, 1, 1)) == ()


def test_the_regime_text_fields_survive_the_catalogue():
    regime = get_regime("fr-cae-scop")
    assert regime.currency == "EUR"
    assert isinstance(regime.description, Text | None)
