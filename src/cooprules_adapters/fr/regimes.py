"""The French regimes as data."""

from __future__ import annotations

from cooprules.explain import Citation, Confidence
from cooprules.regime import Regime

LOI_1947 = Citation(
    instrument="Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
    article="arts. 1 ff.",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004",
)

FR_SCOP = Regime(
    code="fr-scop",
    name="Société coopérative de production (SCOP)",
    name_en="Worker co-operative (SCOP)",
    jurisdiction="FR",
    currency="EUR",
    languages=("fr",),
    citations=(LOI_1947,),
)
FR_SCIC = Regime(
    code="fr-scic",
    name="Société coopérative d'intérêt collectif (SCIC)",
    name_en="Multi-stakeholder co-operative of collective interest (SCIC)",
    jurisdiction="FR",
    currency="EUR",
    languages=("fr",),
    citations=(LOI_1947,),
)
FR_CAE_SCOP = Regime(
    code="fr-cae-scop",
    name="Coopérative d'activité et d'emploi (CAE) sous forme de SCOP",
    name_en="Business and employment co-operative (CAE) in SCOP form",
    extends=FR_SCOP,
    jurisdiction="FR",
    currency="EUR",
    languages=("fr",),
    citations=(LOI_1947,),
)
FR_CAE_SCIC = Regime(
    code="fr-cae-scic",
    name="Coopérative d'activité et d'emploi (CAE) sous forme de SCIC",
    name_en="Business and employment co-operative (CAE) in SCIC form",
    extends=FR_SCIC,
    jurisdiction="FR",
    currency="EUR",
    languages=("fr",),
    citations=(LOI_1947,),
)
