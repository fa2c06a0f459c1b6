"""The status graphs in ``docs/membership.md`` cannot drift from the code.

Each diagram is a ```` ```mermaid ```` block right after an HTML comment naming the rules it draws::

    <!-- rules: cooprules_adapters.be.membership.ACTIVITY_MEMBERSHIP -->

The test imports the named object and compares the block with ``to_mermaid(rules)``. It also
checks that every mermaid block is named, and that every ``MembershipRules`` the adapters export
has its diagram. The ``>>>`` examples of the page are run by pytest itself (``--doctest-glob``).
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

from cooprules.membership import MembershipRules, to_mermaid

ROOT = Path(__file__).resolve().parents[3]
PAGE = ROOT / "docs" / "membership.md"
ADAPTERS = (
    "cooprules_adapters.be.membership",
    "cooprules_adapters.fr.membership",
    "cooprules_adapters.qc.membership",
)

NAMED = re.compile(
    r"^<!-- rules: (?P<path>[\w.]+) -->\n```mermaid\n(?P<body>.*?)^```\s*$",
    re.MULTILINE | re.DOTALL,
)
MERMAID = re.compile(r"^```mermaid$", re.MULTILINE)
TEXT = PAGE.read_text(encoding="utf-8")
DIAGRAMS = [(m["path"], m["body"]) for m in NAMED.finditer(TEXT)]


def _resolve(path: str) -> object:
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _exported_rules() -> list[str]:
    found = []
    for module_name in ADAPTERS:
        module = importlib.import_module(module_name)
        found.extend(
            f"{module_name}.{name}"
            for name in getattr(module, "__all__", ())
            if isinstance(getattr(module, name), MembershipRules)
        )
    return found


def test_every_mermaid_block_names_its_rules():
    assert DIAGRAMS, "docs/membership.md has no named diagram"
    assert len(MERMAID.findall(TEXT)) == len(DIAGRAMS), (
        "every ```mermaid block must follow a '<!-- rules: module.NAME -->' comment"
    )


@pytest.mark.parametrize(("path", "body"), DIAGRAMS, ids=[path for path, _ in DIAGRAMS])
def test_diagram_matches_the_rules(path, body):
    rules = _resolve(path)
    assert isinstance(rules, MembershipRules), f"{path} is not a MembershipRules"
    expected = to_mermaid(rules)
    assert body.rstrip("\n") == expected, (
        f"the diagram of {path} in docs/membership.md is stale; paste this instead:\n{expected}"
    )


def test_every_exported_rule_set_has_a_diagram():
    documented = {path for path, _ in DIAGRAMS}
    missing = [path for path in _exported_rules() if path not in documented]
    assert not missing, f"no diagram in docs/membership.md for {missing}"


def test_a_stale_diagram_would_be_caught():
    # The comparison is exact: one edge more or less is a difference.
    path, body = DIAGRAMS[0]
    stale = body.rstrip("\n").rsplit("\n", 1)[0]
    assert stale != to_mermaid(_resolve(path))
