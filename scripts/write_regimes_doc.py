# noqa: INP001 - a script, not a package
"""Write the generated blocks of docs/regimes.md from the regimes.

tests/core/lawview/test_lawview.py checks them.

Each block lies between ``<!-- BEGIN GENERATED: NAME -->`` and ``<!-- END GENERATED: NAME -->``:
``regimes`` is the table of the registered regimes, a regime's code is the table of every version
of its own parameters (:func:`cooprules.lawview.describe_history`). The prose around the blocks is
written by hand and kept as it is. No date enters the output: the tables list every version.
"""

import re
import sys
from pathlib import Path

from cooprules.lawview import describe_history, parameters_table, regimes_table
from cooprules.plugins import load_regimes
from cooprules.regime import Regime

TARGET = Path(__file__).resolve().parent.parent / "docs" / "regimes.md"
PLUGINS = frozenset({"be", "fr", "qc"})
"""The plug-ins whose regimes the page documents (another installed plug-in is left out)."""

BLOCK = re.compile(
    r"(?P<open><!-- BEGIN GENERATED: (?P<name>[a-z0-9-]+) -->\n)"
    r"(?P<body>.*?)"
    r"(?P<close><!-- END GENERATED: (?P=name) -->)",
    re.DOTALL,
)


def blocks() -> dict[str, str]:
    """Every generated block's text by name: ``regimes``, then each regime and base regime."""
    catalogue = load_regimes()
    registered = [r for r in catalogue if catalogue.providers[r.code] in PLUGINS]
    every: dict[str, Regime] = {}
    for regime in registered:
        for member in regime.lineage:
            every.setdefault(member.code, member)
    out = {"regimes": regimes_table(registered)}
    for code in sorted(every):
        out[code] = parameters_table(describe_history(every[code]))
    return out


def render(text: str) -> str:
    """``text`` (the page) with every generated block rewritten.

    Raises:
        ValueError: a block names no regime, or a regime has no block.
    """
    wanted = blocks()
    seen: set[str] = set()

    def rewrite(match: re.Match[str]) -> str:
        name = match["name"]
        if name not in wanted:
            raise ValueError(f"docs/regimes.md: the block {name!r} names no regime")
        seen.add(name)
        return match["open"] + wanted[name] + "\n" + match["close"]

    out = BLOCK.sub(rewrite, text)
    missing = sorted(set(wanted) - seen)
    if missing:
        raise ValueError(
            f"docs/regimes.md has no block for {', '.join(missing)}: add "
            "'<!-- BEGIN GENERATED: CODE -->' and '<!-- END GENERATED: CODE -->' where its "
            "table belongs"
        )
    return out


if __name__ == "__main__":
    try:
        TARGET.write_text(render(TARGET.read_text(encoding="utf-8")), encoding="utf-8")
    except ValueError as error:
        sys.exit(f"error: {error}")
