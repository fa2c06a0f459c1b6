"""Quebec regimes under the Cooperatives Act (CQLR c C-67.2)."""

from __future__ import annotations

from collections.abc import Sequence

from cooprules import Regime, hookimpl
from cooprules_adapters.qc.regimes import QC_PRODUCER, QC_SOLIDARITY, QC_WORK

__all__ = ["QC_PRODUCER", "QC_SOLIDARITY", "QC_WORK", "cooprules_regimes"]


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Provide the Quebec regimes."""
    return (QC_WORK, QC_SOLIDARITY, QC_PRODUCER)
