"""Law files: every figure checked at load, every mistake named by file, path and value."""

from __future__ import annotations

import importlib
from datetime import date
from importlib.resources import files

import pytest

from cooprules.errors import InvalidInput
from cooprules.explain import Confidence, RuleKind, Text
from cooprules.law import LawFileError, load_law, loads_law
from cooprules.money import Rate, money
from cooprules.regime import Key

HEAD = """
jurisdiction = "XX"
[instruments]
act = "Co-operatives Act of XX"
[citations.act-21]
instrument = "act"
article = "art. 21"
url = "https://example.org/xx#21"
[citations.recalled]
instrument = "act"
article = "art. 22"
confidence = "MEM"
"""


def _param(**fields: str) -> str:
    body = {
        "key": '"surplus.legal_reserve_rate"',
        "kind": '"law"',
        "value": '"15%"',
        "citation": '"act-21"',
    }
    body.update(fields)
    lines = "\n".join(f"{k} = {v}" for k, v in body.items() if v is not None and v != "")
    return f"{HEAD}\n[[regimes.xx-demo.parameters]]\n{lines}\n"


def _error(text: str) -> LawFileError:
    with pytest.raises(LawFileError) as caught:
        loads_law(text, name="xx.toml")
    assert isinstance(caught.value, InvalidInput)
    assert str(caught.value).startswith("xx.toml: ")
    return caught.value


def test_a_parameter_is_read_with_its_type_dates_bounds_and_citation():
    book = loads_law(
        _param(minimum='"15%"', valid_from="2020-01-01", valid_until="2030-01-01", kind='"default"')
    )
    (reserve,) = book.parameters("xx-demo")
    assert reserve.value == Rate.of("15%")
    assert reserve.minimum == Rate.of("15%")
    assert reserve.kind is RuleKind.DEFAULT
    assert (reserve.valid_from, reserve.valid_until) == (date(2020, 1, 1), date(2030, 1, 1))
    assert reserve.citation.instrument == "Co-operatives Act of XX"
    assert reserve.citation.jurisdiction == "XX"
    assert reserve.citation.url == "https://example.org/xx#21"


def test_an_unknown_regime_has_no_parameters():
    book = loads_law(_param())
    assert book.parameters("xx-other") == ()
    assert book.regime_citations("xx-other") == ()


@pytest.mark.parametrize(
    ("fields", "path", "value"),
    [
        ({"value": "15"}, "regimes.xx-demo.parameters[0].value", 15),
        ({"value": '"fifteen"'}, "regimes.xx-demo.parameters[0].value", "fifteen"),
        ({"key": '"surplus.legal_reserv_rate"'}, "regimes.xx-demo.parameters[0].key", None),
        ({"kind": '"lawful"'}, "regimes.xx-demo.parameters[0].kind", "lawful"),
        ({"citation": '"act-99"'}, "regimes.xx-demo.parameters[0].citation", "act-99"),
        ({"citation": '"recalled"'}, "regimes.xx-demo.parameters[0].value", "15%"),
        ({"colour": '"red"'}, "regimes.xx-demo.parameters[0].colour", "red"),
        ({"valid_from": '"2020"'}, "regimes.xx-demo.parameters[0].valid_from", "2020"),
        ({"required": '"yes"'}, "regimes.xx-demo.parameters[0].required", "yes"),
    ],
)
def test_a_bad_parameter_names_the_file_the_path_and_the_value(fields, path, value):
    error = _error(_param(**fields))
    assert error.path == path
    if value is not None:
        assert error.value == value
    else:
        assert error.value == fields["key"].strip('"')


def test_a_figure_the_sources_do_not_confirm_never_carries_a_value():
    error = _error(_param(citation='"recalled"'))
    assert "[MEM]" in error.reason
    # Without a value, the same parameter is fine: the statutes choose.
    book = loads_law(_param(citation='"recalled"', value="", kind='"statute"'))
    (cap,) = book.parameters("xx-demo")
    assert cap.value is None
    assert cap.citation.confidence is Confidence.MEM


def test_overlapping_versions_are_refused():
    text = _param(valid_until="2021-01-01") + (
        '[[regimes.xx-demo.parameters]]\nkey = "surplus.legal_reserve_rate"\nkind = "law"\n'
        'value = "20%"\nvalid_from = 2020-06-01\ncitation = "act-21"\n'
    )
    error = _error(text)
    assert error.path == "regimes.xx-demo.parameters"
    assert error.value == "surplus.legal_reserve_rate"
    assert "2020-06-01" in error.reason


def test_a_version_ending_before_it_starts_is_refused():
    error = _error(_param(valid_from="2021-01-01", valid_until="2020-01-01"))
    assert error.path == "regimes.xx-demo.parameters[0]"


def test_bad_citations_and_files_are_named():
    assert _error(HEAD + '[citations.c2]\ninstrument = "act"\n').path == "citations.c2.article"
    bad_tag = HEAD + '[citations.c2]\ninstrument = "act"\narticle = "a"\nconfidence = "SURE"\n'
    assert _error(bad_tag).path == "citations.c2.confidence"
    assert _error("jurisdiction = \n").path == ""
    assert _error("colour = 1\n").path == "colour"
    assert _error(HEAD + '[regimes.xx]\ncitations = ["nope"]\n').path == "regimes.xx.citations[0]"


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(LawFileError, match=r"absent\.toml: \(file\): cannot be read"):
        load_law(str(tmp_path / "absent.toml"))


def test_money_and_a_plug_ins_own_keys():
    bonus = Key("xx.bonus", type(money("1", "EUR")), Text(en="bonus", fr="prime"))
    text = _param(key='"xx.bonus"', value='"100.00 EUR"')
    (parameter,) = loads_law(text, keys=[bonus]).parameters("xx-demo")
    assert parameter.value == money("100.00", "EUR")
    assert _error(text).path == "regimes.xx-demo.parameters[0].key"  # unknown without the key
    with pytest.raises(LawFileError, match="amount with its currency"):
        loads_law(_param(key='"xx.bonus"', value='"100.00"'), keys=[bonus])


@pytest.mark.parametrize(
    ("package", "module"), [("be", "regimes"), ("fr", "sources"), ("qc", "regimes")]
)
def test_each_jurisdiction_s_law_file_loads(package, module):
    book = importlib.import_module(f"cooprules_adapters.{package}.{module}").LAW
    assert book.source == "law.toml"
    assert book.regimes
    assert files(f"cooprules_adapters.{package}").joinpath("law.toml").is_file()
    assert all(c.url or not c.confidence.verified or c.title for c in book.citations.values())
