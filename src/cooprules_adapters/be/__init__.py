"""Belgian regimes: société coopérative agréée (CNC), entreprise sociale, coopérative d'activités.

References:
    * Code des sociétés et des associations (CSA), Book 6 (société coopérative) and Book 8
      (accreditations).
    * AR du 8 janvier 1962 (CNC accreditation conditions), as replaced by the AR du 4 mai 2016.
    * AR du 28 juin 2019 (entreprise sociale accreditation), art. 6.
    * Loi du 1er mars 2007 portant des dispositions diverses (III), art. 80 (coopérative
      d'activités, candidat-entrepreneur).
"""

from __future__ import annotations

from collections.abc import Sequence

from cooprules import Regime, hookimpl
from cooprules_adapters.be.regimes import BE_ACTIVITY, BE_CNC, BE_SCES

__all__ = ["BE_ACTIVITY", "BE_CNC", "BE_SCES", "cooprules_regimes"]


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Provide the Belgian regimes."""
    return (BE_CNC, BE_SCES, BE_ACTIVITY)
