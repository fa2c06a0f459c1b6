"""The example plug-in passes cooprules' conformance suite, found through its entry point."""

from __future__ import annotations

from cooprules import load_regimes
from cooprules.testing import RegimeConformance, check_regime

import cooprules_example_xx


class TestConformance(RegimeConformance):
    """Every test of the suite, for each code below (found through the installed entry point)."""

    codes = ("xx-demo",)


def test_the_entry_point_provides_the_regime():
    catalogue = load_regimes()
    assert catalogue.providers["xx-demo"] == "xx"
    assert catalogue.get("xx-demo") == cooprules_example_xx.XX_DEMO


def test_no_finding_at_all():
    assert check_regime(cooprules_example_xx.XX_DEMO) == ()
