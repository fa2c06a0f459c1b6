"""French regimes: SCOP, SCIC and the CAE in either form.

``fr-coop`` (the general statute of 1947) is the base the SCOP and SCIC regimes extend; it is not
registered on its own. See [`cooprules_adapters.fr.regimes`][cooprules_adapters.fr.regimes] for the
references.
"""

from __future__ import annotations

from collections.abc import Sequence

from cooprules import Regime, hookimpl
from cooprules_adapters.fr.regimes import FR_CAE_SCIC, FR_CAE_SCOP, FR_COOP, FR_SCIC, FR_SCOP

__all__ = ["FR_CAE_SCIC", "FR_CAE_SCOP", "FR_COOP", "FR_SCIC", "FR_SCOP", "cooprules_regimes"]


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Provide the French regimes."""
    return (FR_SCOP, FR_SCIC, FR_CAE_SCOP, FR_CAE_SCIC)
