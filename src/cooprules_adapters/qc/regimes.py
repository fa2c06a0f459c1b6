"""The Quebec regimes as data: work, solidarity and producers' co-operatives.

Every co-operative under the Cooperatives Act shares the rules of an unregistered base regime,
`QC_COOP`, which the three registered regimes extend. Every figure, with its citation
(instrument, article, URL), confidence and dates, is declared once in ``law.toml`` beside this
module. No date was found for the 2003 changes (the s. 146 reserve rule, the s. 224.2 trial
period), so only the current versions are encoded, from no particular start date.

References:
    * Cooperatives Act / Loi sur les coopératives, CQLR c C-67.2:
      https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2
    * s. 4 (rules of co-operative action: one member one vote, no proxy, limited interest,
      reserve), s. 7 (founders), ss. 143-147 (surplus and reserve), ss. 149.1-149.6 (enhancement
      reserve), s. 185 (liquidation), ss. 222 ff. (work co-ops: 223.1 founders, 224.2 trial
      period), ss. 226.1 ff. (solidarity co-ops, not read in a primary source).
    * Ministère de l'Économie (MEIE) explainers on voting and on co-operative types.
"""

from __future__ import annotations

from typing import Final

from cooprules.explain import Text
from cooprules.payroll import PayrollKind, PayrollRules
from cooprules.regime import Regime
from cooprules.report import DistributionRules
from cooprules_adapters.qc.membership import (
    MEMBERSHIP,
    SOLIDARITY_MEMBERSHIP,
    WORK_MEMBERSHIP,
)
from cooprules_adapters.qc.reserves import CAPITAL, ENHANCEMENT_RESERVES, RESERVES
from cooprules_adapters.qc.sources import LAW
from cooprules_adapters.qc.surplus import build, build_solidarity, suggest
from cooprules_adapters.qc.voting import BOARD, SOLIDARITY_VOTING, VOTING, WORK_VOTING

__all__ = ["LAW", "QC_COOP", "QC_PRODUCER", "QC_SOLIDARITY", "QC_WORK"]

QC: Final = "CA-QC"
LANGUAGES: Final = ("fr", "en")

_ENHANCEMENT: Final = LAW.parameters("qc-enhancement")
"""The enhancement reserve the by-laws may create (ss. 149.1-149.6): work and producers' co-ops."""


QC_COOP = Regime(
    code="qc-coop",
    rules=(
        MEMBERSHIP,
        CAPITAL,
        RESERVES,
        VOTING,
        BOARD,
        DistributionRules(build, suggest=suggest),
    ),
    name="Coopérative (Loi sur les coopératives)",
    name_en="Co-operative (Cooperatives Act)",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    description=Text(
        "The rules every co-operative under the Cooperatives Act shares: one member one vote, no "
        "proxy, limited interest on capital, an indivisible reserve fed with at least 10 % + 10 % "
        "of the surplus while equity is below 40 % of debts. Not registered on its own: each type "
        "of co-op extends it.",
    ),
    citations=LAW.regime_citations("qc-coop"),
    parameters=LAW.parameters("qc-coop"),
)

QC_WORK = Regime(
    code="qc-work",
    rules=(
        WORK_MEMBERSHIP,
        WORK_VOTING,
        ENHANCEMENT_RESERVES,
        PayrollRules(PayrollKind.SALARY_AND_REFUND, LAW.citation("act-s-224-7")),
    ),
    name="Coopérative de travail",
    name_en="Worker co-operative",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    extends=QC_COOP,
    aliases=("qc-travail",),
    description=Text(
        "A co-operative of natural persons whose object is to provide work to its members (ss. "
        "222 ff.): at least three founders, a trial period of at most 250 days of work within 18 "
        "months, refunds in proportion to work.",
    ),
    citations=LAW.regime_citations("qc-work"),
    parameters=(*LAW.parameters("qc-work"), *_ENHANCEMENT),
)

QC_SOLIDARITY = Regime(
    code="qc-solidarity",
    rules=(
        SOLIDARITY_MEMBERSHIP,
        SOLIDARITY_VOTING,
        DistributionRules(build_solidarity, suggest=suggest),
    ),
    name="Coopérative de solidarité",
    name_en="Solidarity co-operative",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    extends=QC_COOP,
    aliases=("qc-solidarite",),
    description=Text(
        "A co-operative with at least two of three categories of members: users, workers and "
        "supporting members (ss. 226.1 ff.). Its own sections were not read in a primary source: "
        "founders and the supporting members' share of the board are left to the by-laws until "
        "verified.",
    ),
    citations=LAW.regime_citations("qc-solidarity"),
    parameters=LAW.parameters("qc-solidarity"),
)

QC_PRODUCER = Regime(
    code="qc-producer",
    rules=(ENHANCEMENT_RESERVES,),
    name="Coopérative de producteurs",
    name_en="Producers' co-operative (e.g. of self-employed workers)",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    extends=QC_COOP,
    aliases=("qc-producteurs",),
    description=Text(
        "A co-operative supplying the goods and services its members need for their profession or "
        "enterprise (e.g. self-employed workers sharing services); it may keep an enhancement "
        "reserve. The agricultural co-ops' exception on the reserve is not covered.",
    ),
    citations=LAW.regime_citations("qc-producer"),
    parameters=(*LAW.parameters("qc-producer"), *_ENHANCEMENT),
)
