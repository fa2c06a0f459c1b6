"""Belgian regimes: agréée (CNC), entreprise sociale, coopérative d'activités, d'emploi.

``be-sc`` (the CSA société coopérative) is the base the accreditations extend; it is not registered
on its own. See [`cooprules_adapters.be.regimes`][cooprules_adapters.be.regimes] for the references.
"""

from __future__ import annotations

from collections.abc import Sequence

from cooprules import Regime, hookimpl
from cooprules_adapters.be.regimes import BE_ACTIVITY, BE_CNC, BE_EMPLOYMENT, BE_SC, BE_SCES

__all__ = ["BE_ACTIVITY", "BE_CNC", "BE_EMPLOYMENT", "BE_SC", "BE_SCES", "cooprules_regimes"]


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Provide the Belgian regimes."""
    return (BE_CNC, BE_SCES, BE_ACTIVITY, BE_EMPLOYMENT)
