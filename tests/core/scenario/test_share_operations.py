"""Share operations in a scenario file: a conversion's class is checked with its path."""

from __future__ import annotations

import pytest

from cooprules.capital import OperationKind
from cooprules.scenario import ScenarioError, loads

HEAD = '[coop]\nregime = "be-cnc"\nname = "Coop"\nyear = 2025\n'
ANA = '[[members]]\nid = "ana"\nevents = [{ kind = "admitted", date = 2024-01-10 }]\n'
CLASSES = '[[share_classes]]\ncode = "A"\nnominal = "100.00"\n'


def convert(into: str) -> str:
    return (
        HEAD
        + ANA
        + CLASSES
        + '[[share_operations]]\nid = "c1"\nkind = "convert"\ndate = 2025-03-01\nmember = "ana"\n'
        + f'share_class = "A"\nshares = 2\ninto = "{into}"\ninto_shares = 4\n'
    )


def test_a_conversion_loads_with_its_class_and_count():
    text = convert("B").replace(
        CLASSES, CLASSES + '[[share_classes]]\ncode = "B"\nnominal = "50.00"\n'
    )
    [operation] = loads(text, name="x.toml").share_operations
    assert (operation.kind, operation.into, operation.into_shares) == (
        OperationKind.CONVERT,
        "B",
        4,
    )


def test_a_conversion_into_an_undeclared_class_names_its_path():
    with pytest.raises(ScenarioError) as info:
        loads(convert("Z"), name="x.toml")
    assert (info.value.path, info.value.value) == ("share_operations[0].into", "Z")
