"""Quebec capital and reserve rules as data (Cooperatives Act, CQLR c C-67.2).

* The **reserve** is the allocations less the deficits (s. 145); it is **not shareable** among the
  members and cannot be reduced by allotting refunds (s. 147); sums devolved by another co-op on
  its liquidation go to it (s. 146.1).
* A **repayment of shares** is a board decision, at the paid-up value, and is refused if the
  co-op is or would become insolvent, if the board shows it would harm its financial stability,
  or if commitments to a lender forbid it (s. 38).
* On **liquidation** (s. 185): debts and costs, then the amounts paid on the shares, then (where
  there is one) the enhancement reserve to recent members, and the balance devolves to a
  co-operative, a federation, a confederation or the CQCM, never to the members (agricultural
  co-ops excepted: not encoded here).

* The **enhancement reserve** (*réserve de valorisation*, ss. 149.1-149.6) of a work or a
  producers' co-op whose by-laws create it
  ([`ENHANCEMENT_RESERVES`][cooprules_adapters.qc.reserves.ENHANCEMENT_RESERVES]): a deficit is
  charged to it first (s. 149.3); on liquidation its balance goes to the persons who were members
  during the last financial years before the winding-up vote (5, read from the law file), pro rata
  of their business, before the devolution (s. 185). It is not the indivisible reserve.
"""

from __future__ import annotations

from typing import Final

import attrs

from cooprules.capital import CapitalRules, RedemptionRule
from cooprules.explain import Citation, Confidence, Text
from cooprules.regime import FromLaw
from cooprules.reserves import (
    LiquidationRule,
    MovementKind,
    Refusal,
    ReserveRules,
    ToRecentMembers,
)
from cooprules_adapters.qc.sources import LAW
from cooprules_adapters.qc.sources import Keys as QcKeys

__all__ = [
    "CAPITAL",
    "DEVOLUTION_TO_RESERVE",
    "ENHANCEMENT",
    "ENHANCEMENT_RESERVES",
    "LIQUIDATION",
    "NOT_SHAREABLE",
    "REDEMPTION",
    "RESERVES",
    "ROLL_FORWARD",
    "SOLVENCY",
]

QC: Final = "CA-QC"
ACT: Final = "Cooperatives Act (CQLR c C-67.2)"
RESERVE_GUIDE: Final = "https://guide.cooperativehabitation.coop/?p=638"
REDEMPTION_URL: Final = (
    "https://economie.gouv.qc.ca/bibliotheques/apercu/info-coop/capitalisation/obtenir-le-"
    "remboursement-de-ses-parts"
)

ROLL_FORWARD: Final = Citation(
    ACT,
    "s. 145",
    QC,
    Confidence.SRC_2,
    RESERVE_GUIDE,
    "the reserve is the allocations less the deficits",
)
NOT_SHAREABLE: Final = Citation(
    ACT,
    "s. 147",
    QC,
    Confidence.SRC_2,
    RESERVE_GUIDE,
    "the reserve is not shareable among the members and is not reduced by refunds",
)
DEVOLUTION_TO_RESERVE: Final = Citation(
    ACT,
    "s. 146.1",
    QC,
    Confidence.SRC,
    "https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2",
    "sums devolved by another co-operative on its liquidation go to the reserve",
)
LIQUIDATION: Final = Citation(
    ACT,
    "s. 185",
    QC,
    Confidence.SRC,
    "http://legisquebec.gouv.qc.ca/en/showversion/cs/C-67.2?code=se:185&pointInTime=20170322",
    "debts, then amounts paid on shares, then the enhancement reserve; the balance devolves to "
    "the co-operative movement",
)
SOLVENCY: Final = Citation(
    ACT,
    "s. 38",
    QC,
    Confidence.SRC_2,
    REDEMPTION_URL,
    "no repayment of shares if the co-op is or would become insolvent, harms its financial "
    "stability, or breaks commitments to lenders",
)

_REFUSE = Text("the reserve is not shareable among the members")

RESERVES: Final = ReserveRules(
    Text("Quebec co-operative"),
    LiquidationRule(
        LIQUIDATION,
        Text("a co-operative, a federation, a confederation or the CQCM"),
    ),
    refused=(
        Refusal(MovementKind.DISTRIBUTION, NOT_SHAREABLE, _REFUSE),
        Refusal(MovementKind.REPAYMENT, NOT_SHAREABLE, _REFUSE),
        Refusal(
            MovementKind.INCORPORATION,
            NOT_SHAREABLE,
            Text("the reserve is not reduced by allotting refunds or shares to members"),
        ),
    ),
    devolution_to_indivisible=DEVOLUTION_TO_RESERVE,
    roll_forward=ROLL_FORWARD,
)

ENHANCEMENT: Final = "enhancement"
"""The enhancement reserve's code (the general reserve's is ``"reserve"``)."""

ENHANCEMENT_RESERVES: Final = attrs.evolve(
    RESERVES,
    name=Text("Quebec co-operative with an enhancement reserve"),
    liquidation=attrs.evolve(
        RESERVES.liquidation,
        to_recent_members=ToRecentMembers(
            ENHANCEMENT,
            FromLaw(QcKeys.enhancement_reserve_member_years),
            name=Text("enhancement reserve"),
        ),
    ),
    charged_first=(ENHANCEMENT,),
    charged_first_citation=LAW.citation("act-s-149-3"),
)
"""A work or producers' co-op's reserve rules: `RESERVES` and the enhancement reserve.

Bind them (``rules.rule_set(ReserveRules)``) to read the number of years from the law."""

REDEMPTION: Final = RedemptionRule(
    Text("the paid-up value of the shares"),
    Citation(
        ACT,
        "s. 38",
        QC,
        Confidence.MEM,
        REDEMPTION_URL,
        "repayment at the paid-up value (recalled; consistent with s. 185, 'amounts paid on the "
        "shares')",
    ),
)
CAPITAL: Final = CapitalRules(
    Text("Quebec co-operative"),
    REDEMPTION,
    solvency_test=SOLVENCY,
)
