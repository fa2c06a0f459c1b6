"""French regimes: SCOP, SCIC and the CAE in either form."""

from __future__ import annotations

from collections.abc import Sequence

from cooprules import Regime, hookimpl
from cooprules_adapters.fr.regimes import FR_CAE_SCIC, FR_CAE_SCOP, FR_SCIC, FR_SCOP

__all__ = ["FR_CAE_SCIC", "FR_CAE_SCOP", "FR_SCIC", "FR_SCOP", "cooprules_regimes"]


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Provide the French regimes."""
    return (FR_SCOP, FR_SCIC, FR_CAE_SCOP, FR_CAE_SCIC)
