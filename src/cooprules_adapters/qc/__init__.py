"""Quebec regimes under the Cooperatives Act (CQLR c C-67.2).

``qc-coop`` (the rules every co-operative under the Act shares) is the base the three regimes
extend; it is not registered on its own. See
[`cooprules_adapters.qc.regimes`][cooprules_adapters.qc.regimes] for the references.
"""

from __future__ import annotations

from collections.abc import Sequence

from cooprules import Regime, hookimpl
from cooprules_adapters.qc.regimes import QC_COOP, QC_PRODUCER, QC_SOLIDARITY, QC_WORK

__all__ = ["QC_COOP", "QC_PRODUCER", "QC_SOLIDARITY", "QC_WORK", "cooprules_regimes"]


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Provide the Quebec regimes."""
    return (QC_WORK, QC_SOLIDARITY, QC_PRODUCER)
