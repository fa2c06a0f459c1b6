"""The Belgian regimes as data."""

from __future__ import annotations

from cooprules.explain import Citation, Confidence
from cooprules.regime import Regime

CSA = Citation(
    instrument="Code des sociétés et des associations",
    article="Book 6 (arts. 6:1 ff.)",
    jurisdiction="BE",
    confidence=Confidence.SRC_2,
    url="https://www.ejustice.just.fgov.be/eli/loi/2019/03/23/2019A40586/justel",
)

BE_CNC = Regime(
    code="be-cnc",
    name="Société coopérative agréée (CNC)",
    name_en="Accredited co-operative (National Council for Co-operation)",
    jurisdiction="BE",
    currency="EUR",
    languages=("fr", "nl", "de"),
    citations=(CSA,),
)
BE_SCES = Regime(
    code="be-sces",
    name="Société coopérative agréée comme entreprise sociale",
    name_en="Co-operative accredited as a social enterprise",
    jurisdiction="BE",
    currency="EUR",
    languages=("fr", "nl", "de"),
    citations=(CSA,),
)
BE_ACTIVITY = Regime(
    code="be-activity",
    name="Coopérative d'activités",
    name_en="Business co-operative for candidate entrepreneurs",
    jurisdiction="BE",
    currency="EUR",
    languages=("fr", "nl", "de"),
    citations=(CSA,),
    extends=BE_SCES,
)
