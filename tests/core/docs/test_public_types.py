"""The types a user annotates with: exact amounts only, statutes keyed by ``Key``, and the
examples' modules as ``scripts/check_doc_types.py`` writes them for ``mypy --strict``."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

import attrs
import pytest

import cooprules
import cooprules.regime
from cooprules import accompaniment
from cooprules.explain import Text
from cooprules.parameters import Capital

money = importlib.import_module("cooprules.money")  # the module (the package exports the function)
ROOT = Path(__file__).resolve().parents[3]


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _members(annotation: object) -> set[object]:
    found: set[object] = set()
    for arg in typing.get_args(annotation) or (annotation,):
        found |= _members(arg) if typing.get_args(arg) else {arg}
    return found


def test_money_signature_takes_exact_amounts_only():
    hints = typing.get_type_hints(money.money)
    accepted = _members(hints["amount"])
    assert accepted == {str, int, Decimal, money.Money}
    assert float not in accepted


def test_statutes_values_accept_keys_in_their_annotation():
    hints = typing.get_type_hints(cooprules.regime._pairs, globalns=vars(cooprules.regime))
    text = str(hints["values"])
    assert "Key" in text
    assert "float" not in text
    statutes = cooprules.Statutes("be-cnc", values={Capital.dividend_cap: cooprules.Rate.of("6%")})
    assert statutes.get(Capital.dividend_cap) == cooprules.Rate.of("6%")


def test_an_obligation_needs_its_citation():
    fields = {field.name: field for field in attrs.fields(accompaniment.Obligation)}
    assert fields["citation"].default is attrs.NOTHING
    with pytest.raises(TypeError, match="citation"):
        accompaniment.Obligation(  # type: ignore[call-arg]
            subject="eva",
            code="x",
            what=Text(en="a", fr="a"),
            due=date(2026, 1, 1),
            consequence=Text(en="b", fr="b"),
        )


@pytest.mark.parametrize(
    "name",
    ["Amount", "Money", "Obligation", "StatuteValues", "Statutes", "Rules", "bind", "Citation"],
)
def test_the_package_exports_what_the_examples_annotate(name):
    assert name in cooprules.__all__
    assert getattr(cooprules, name) is not None


def test_every_exported_name_exists():
    missing = [name for name in cooprules.__all__ if not hasattr(cooprules, name)]
    assert missing == []


def test_examples_become_modules_with_their_markdown_lines(tmp_path, monkeypatch):
    script = _script("check_doc_types")
    monkeypatch.setattr(script, "ROOT", tmp_path)
    page = tmp_path / "docs" / "page.md"
    page.parent.mkdir()
    page.write_text(
        "Text.\n\n```pycon\n>>> x = 1\n>>> for i in range(2):\n...     x += i\n3\n```\n\n"
        '```python title="helper.py"\nVALUE = 2\n```\n\n```python\nimport helper\n```\n\n'
        "  ```pycon\n  >>> y = x\n  ```\n",
        encoding="utf-8",
    )
    modules = {module.name: module for module in script.extract(page)}
    session = modules["doc_docs_page_session"]
    assert session.lines == [
        "# mypy: allow-redefinition",
        "x = 1",
        "for i in range(2):",
        "    x += i",
        "y = x",
    ]
    assert session.origin == [0, 4, 5, 6, 19]
    assert modules["helper"].lines == ["VALUE = 2"]
    assert modules["helper"].origin == [11]
    assert modules["doc_docs_page_15"].lines == ["import helper"]
