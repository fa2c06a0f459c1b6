"""The example plug-in passes cooprules' conformance suite, found through its entry point."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from cooprules import load_regimes
from cooprules.scenario import Scenario, loads
from cooprules.testing import RegimeConformance, check_regime

import cooprules_example_xx

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

SCENARIO = Path(__file__).parents[1] / "scenario.toml"


def _at_the_cap() -> Scenario:
    """The sample year with interest at the law's cap (5 %): a lower cap must then bite."""
    text = SCENARIO.read_text(encoding="utf-8").replace(
        'interest_rate = "3%"', 'interest_rate = "5%"'
    )
    return loads(text, name="scenario at the cap")


EXCLUSION = (Path(__file__).parent / "exclusion.toml").read_text(encoding="utf-8")
"""A seventh member the general meeting excludes by two thirds of the votes cast (art. 9)."""


def _with_an_exclusion() -> Scenario:
    """The sample year with a member excluded at the law's majority: a higher one must bite."""
    return loads(SCENARIO.read_text(encoding="utf-8") + EXCLUSION, name="scenario with exclusion")


class TestConformance(RegimeConformance):
    """Every test of the suite, for each code below (found through the installed entry point).

    ``test_law_is_read`` changes each figure of the law file in a copy of the regime and checks
    that the sample year's results move: no engine of this plug-in holds a figure of its own.
    """

    codes = ("xx-demo",)
    law_scenarios: ClassVar[Mapping[str, Sequence[Path | Scenario]]] = {
        "xx-demo": (SCENARIO, _at_the_cap(), _with_an_exclusion())
    }
    law_exempt: ClassVar[Mapping[str, str]] = {
        "company.min_founders": "bounds the founding; a year has no founders to count",
    }


def test_the_entry_point_provides_the_regime():
    catalogue = load_regimes()
    assert catalogue.providers["xx-demo"] == "xx"
    assert catalogue.get("xx-demo") == cooprules_example_xx.XX_DEMO


def test_no_finding_at_all():
    assert check_regime(cooprules_example_xx.XX_DEMO) == ()
