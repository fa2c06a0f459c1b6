"""The Quebec regimes as data."""

from __future__ import annotations

from cooprules.explain import Citation, Confidence
from cooprules.regime import Regime

ACT = Citation(
    instrument="Cooperatives Act (CQLR c C-67.2)",
    article="ss. 1 ff.",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC,
    url="https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2",
)

QC_WORK = Regime(
    code="qc-work",
    name="Coopérative de travail",
    name_en="Worker co-operative",
    jurisdiction="CA-QC",
    currency="CAD",
    languages=("fr", "en"),
    citations=(ACT,),
)
QC_SOLIDARITY = Regime(
    code="qc-solidarity",
    name="Coopérative de solidarité",
    name_en="Solidarity co-operative",
    jurisdiction="CA-QC",
    currency="CAD",
    languages=("fr", "en"),
    citations=(ACT,),
)
QC_PRODUCER = Regime(
    code="qc-producer",
    name="Coopérative de producteurs",
    name_en="Producers' co-operative (e.g. of self-employed workers)",
    jurisdiction="CA-QC",
    currency="CAD",
    languages=("fr", "en"),
    citations=(ACT,),
)
