"""Shared fixtures of the catalog tests: the extractor, and the texts of Belgian sample years."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from datetime import date
from enum import Enum
from pathlib import Path
from types import ModuleType

import attrs
import pytest

from cooprules.explain import Explanation, Text, Violation
from cooprules.plugins import load_regimes
from cooprules.scenario import load
from cooprules_adapters.scenario import evaluate_file

ROOT = Path(__file__).resolve().parents[2]
BELGIAN_SAMPLES = (
    ROOT / "examples" / "be-activity.toml",
    *sorted((ROOT / "src" / "cooprules_adapters" / "be" / "worked").glob("*.toml")),
)


@pytest.fixture(scope="session")
def extractor() -> ModuleType:
    """scripts/extract_messages.py, imported from its path."""
    spec = importlib.util.spec_from_file_location(
        "extract_messages", ROOT / "scripts" / "extract_messages.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_messages"] = module
    spec.loader.exec_module(module)
    return module


def walk(value: object, seen: set[int] | None = None) -> Iterator[object]:
    """Every value reachable from ``value`` through attrs fields, sequences and mappings."""
    seen = set() if seen is None else seen
    if id(value) in seen or isinstance(value, str | int | date | Enum) or value is None:
        return
    seen.add(id(value))
    yield value
    if attrs.has(type(value)):
        for field in attrs.fields(type(value)):
            yield from walk(getattr(value, field.name, None), seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from walk(key, seen)
            yield from walk(item, seen)
    elif isinstance(value, list | tuple | set | frozenset):
        for item in value:
            yield from walk(item, seen)
    elif hasattr(value, "items") and callable(value.items):
        for key, item in value.items():
            yield from walk(key, seen)
            yield from walk(item, seen)


def year_of(path: Path) -> object:
    """The report of a sample's year, through the Python API."""
    catalogue = load_regimes()
    scenario = load(path, currency_of_regime=lambda code: catalogue.get(code).currency)
    first = scenario.coop.first_month or 1
    year = scenario.coop.year
    end = date(year + (first > 1), (first - 2) % 12 + 1, 28)
    return evaluate_file(path, as_of=end, catalogue=catalogue, journal=True)


@pytest.fixture(scope="session")
def belgian_reports() -> list[object]:
    """The reports of the Belgian samples' years."""
    return [year_of(path) for path in BELGIAN_SAMPLES]


@pytest.fixture(scope="session")
def belgian_texts(belgian_reports: list[object]) -> list[Text]:
    """Every message reachable from the Belgian reports, arguments included."""
    found: dict[int, Text] = {}
    for report in belgian_reports:
        for value in walk(report):
            if isinstance(value, Text):
                found[id(value)] = value
    return list(found.values())


@pytest.fixture(scope="session")
def belgian_results(
    belgian_reports: list[object],
) -> tuple[list[Explanation], list[Violation]]:
    """The explanations and violations of the Belgian reports."""
    explanations: list[Explanation] = []
    violations: list[Violation] = []
    for report in belgian_reports:
        for value in walk(report):
            if isinstance(value, Explanation):
                explanations.append(value)
            elif isinstance(value, Violation):
                violations.append(value)
    return explanations, violations
