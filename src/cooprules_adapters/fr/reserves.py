"""French capital and reserve rules as data: co-operatives under loi 1947, SCOP and SCIC.

* **Reserves are not shared** among the associates: at dissolution the net assets left after the
  debts and the repayment of paid-up capital are devolved to other co-operatives or ESS
  enterprises (loi 1947 art. 19; SCOP: loi 1978 art. 20).
* A leaving associate gets the **nominal value** of their shares, less their share of the losses
  (loi 1947 art. 18; SCOP: loi 1978 art. 30); never the reserves (except the optional art. 18
  al. 2 revaluation reserve, which is a divisible reserve of its own).
* **Incorporation into capital** is allowed if the statutes authorise it, at most half of the
  available reserves the first time, then half of their increase (loi 1947 art. 16 al. 3-4). A
  SCOP may not (loi 1978 art. 26 ter), nor a SCIC (art. 19 nonies, last paragraph).
* A SCOP's repayments may not bring the capital below **half of the highest capital ever
  reached** (loi 1978 art. 31, from an older version of the text).

The figures (the two halves of art. 16, the half of art. 31) are the law file's
(``fr.incorporation_first_max``, ``fr.incorporation_later_max``, ``fr.scop_capital_floor``): the
rule sets read them when bound on a date (``bind(regime, statutes, as_of=...).rule_set(
ReserveRules)``, likewise ``CapitalRules``); the engines refuse them unbound.
"""

from __future__ import annotations

from typing import Final

from cooprules.capital import CapitalRules, RedemptionRule
from cooprules.explain import Confidence, Text
from cooprules.regime import FromLaw
from cooprules.reserves import (
    IncorporationLimit,
    LiquidationRule,
    MovementKind,
    Refusal,
    ReserveRules,
)
from cooprules_adapters.fr.sources import (
    ETALAB_1947,
    ETALAB_1978,
    LAW,
    Keys,
    cite_1947,
    cite_1978,
)

__all__ = [
    "ART_16_INCORPORATION",
    "ART_18_REDEMPTION",
    "ART_19_DEVOLUTION",
    "COOP_CAPITAL",
    "COOP_RESERVES",
    "SCIC_CAPITAL",
    "SCIC_RESERVES",
    "SCOP_CAPITAL",
    "SCOP_DEVOLUTION",
    "SCOP_NO_INCORPORATION",
    "SCOP_REDEMPTION",
    "SCOP_RESERVES",
]

SCIC_FAQ: Final = (
    "http://www.les-scic.coop/sites/fr/les-scic/FAQ/Resultats_et_reserves_impartageables"
)

ART_16_INCORPORATION: Final = LAW.citation("loi-1947-art-16-al-3-4")
"""Loi 1947 art. 16 al. 3-4: incorporation of reserves into capital (the law file's citation)."""
ART_18_REDEMPTION: Final = cite_1947(
    "art. 18",
    url=ETALAB_1947 + "titre-ii/article-18.md",
    title="a leaving associate gets the nominal value of the shares, less their share of losses",
)
ART_19_DEVOLUTION: Final = cite_1947(
    "art. 19",
    url=ETALAB_1947 + "titre-ii/article-19.md",
    title="the net assets left after the debts and the paid-up capital are devolved to other "
    "co-operatives or ESS enterprises, never shared",
)
SCOP_NO_INCORPORATION: Final = cite_1978(
    "art. 26 ter",
    url=ETALAB_1978 + "titre-ii/chapitre-ier/article-26-ter.md",
    title="a SCOP may not apply loi 1947 art. 16 al. 3-4 (incorporation of reserves)",
)
SCOP_DEVOLUTION: Final = cite_1978(
    "art. 20",
    url=ETALAB_1978.replace("/blob/", "/tree/"),
    confidence=Confidence.SRC_OLD,
    title="the liquidation surplus goes to SCOPs, unions, federations, a public body or a work "
    "of general interest; never shared among associates or workers",
)
SCOP_LOSSES: Final = cite_1978(
    "art. 30",
    url=ETALAB_1978.replace("/blob/", "/tree/"),
    confidence=Confidence.SRC_OLD,
    title="on repayment, the nominal value less the associate's share of the losses",
)
SCOP_FLOOR: Final = LAW.citation("loi-1978-art-31")
"""Loi 1978 art. 31: a SCOP's capital floor (the law file's citation)."""
SCIC_EXCLUSIONS: Final = cite_1947(
    "art. 19 nonies",
    url=SCIC_FAQ,
    title="art. 15 and art. 16 al. 3-4 do not apply to a SCIC (exact consolidated wording "
    "unverified)",
)

_NOT_SHARED = Refusal(
    MovementKind.DISTRIBUTION,
    ART_19_DEVOLUTION,
    Text("reserves are not shared among the associates"),
)
_NOMINAL_ONLY = Refusal(
    MovementKind.REPAYMENT,
    ART_18_REDEMPTION,
    Text("a leaving associate gets the nominal value of the shares, not the reserves"),
)
_DEVOLVE = Text(
    "other co-operatives, unions of co-operatives or ESS enterprises, as the GM decides",
)

COOP_RESERVES: Final = ReserveRules(
    Text("French co-operative (loi 1947)"),
    LiquidationRule(ART_19_DEVOLUTION, _DEVOLVE),
    refused=(_NOT_SHARED, _NOMINAL_ONLY),
    incorporation=IncorporationLimit(
        FromLaw(Keys.incorporation_first_max), FromLaw(Keys.incorporation_later_max)
    ),
)
SCOP_RESERVES: Final = ReserveRules(
    Text("SCOP"),
    LiquidationRule(
        SCOP_DEVOLUTION,
        Text(
            "SCOPs, unions or federations of SCOPs, a public body, or a work of general, "
            "co-operative or professional interest",
        ),
    ),
    refused=(
        _NOT_SHARED,
        _NOMINAL_ONLY,
        Refusal(
            MovementKind.INCORPORATION,
            SCOP_NO_INCORPORATION,
            Text("a SCOP may not incorporate reserves into capital"),
            all_reserves=True,
        ),
    ),
)
SCIC_RESERVES: Final = ReserveRules(
    Text("SCIC"),
    LiquidationRule(ART_19_DEVOLUTION, _DEVOLVE),
    refused=(
        _NOT_SHARED,
        _NOMINAL_ONLY,
        Refusal(
            MovementKind.INCORPORATION,
            SCIC_EXCLUSIONS,
            Text("a SCIC may not incorporate reserves into capital"),
            all_reserves=True,
        ),
    ),
)

_NOMINAL_LESS_LOSSES = Text("nominal value (paid up) less the share of losses")
COOP_CAPITAL: Final = CapitalRules(
    Text("French co-operative (loi 1947)"),
    RedemptionRule(_NOMINAL_LESS_LOSSES, ART_18_REDEMPTION, deduct_losses=True),
)
SCOP_REDEMPTION: Final = RedemptionRule(_NOMINAL_LESS_LOSSES, SCOP_LOSSES, deduct_losses=True)
SCOP_CAPITAL: Final = CapitalRules(
    Text("SCOP"),
    SCOP_REDEMPTION,
    capital_floor=FromLaw(Keys.scop_capital_floor),
)
SCIC_CAPITAL: Final = COOP_CAPITAL
"""A SCIC redeems as loi 1947 art. 18 says (its al. 2 top-up excluded: not modelled here)."""
