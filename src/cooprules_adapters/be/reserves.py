"""Belgian capital and reserve rules as data: the CSA société coopérative and the social enterprise.

* **No legal reserve** under the CSA (from a secondary source,
  https://fidelium.eu/fr/nouvelles-fiscales-belgique/la-reserve-legale-dans-le-csa): reserves are
  divisible unless the articles make them unavailable (*capitaux propres statutairement
  indisponibles*) or an accreditation says otherwise. Mark such reserves ``indivisible=True``; their
  distribution and their repayment to a leaving shareholder are refused.
* **Distribution tests** (CSA 6:114-6:117): the net-asset test (6:115) and the board's
  12-month liquidity test (6:116) apply to dividends **and** to share redemptions. The 12 months
  are the law file's ``be.liquidity_test_months``: the rule sets read them when bound
  (``bind(regime, statutes, as_of=...).rule_set(CapitalRules)``), and the tests refuse them
  unbound.
* **Exit value** (CSA 6:120 ff., a default): the amount paid up and not repaid, capped at the
  net-asset value per share of the last approved accounts. A social enterprise pays at most the
  nominal value of the real contribution (AR 28 June 2019, art. 6).
* **Liquidation**: by default the balance is shared per share (CSA 6:40); a social enterprise
  devolves it to a use as close as possible to its object (AR 28 June 2019, art. 6).

These constants are the lead's to wire into
[`cooprules_adapters.be.regimes`][cooprules_adapters.be.regimes].
"""

from __future__ import annotations

from typing import Final

from cooprules.capital import CapitalRules, RedemptionRule
from cooprules.errors import CurrencyMismatch
from cooprules.explain import Citation, Confidence, Text
from cooprules.money import Money, money, total
from cooprules.regime import FromLaw
from cooprules.reserves import LiquidationRule, MovementKind, Refusal, ReserveRules
from cooprules_adapters.be.sources import LAW, Keys

__all__ = [
    "CSA_CAPITAL",
    "CSA_DEVOLUTION",
    "CSA_EXIT_VALUE",
    "CSA_LIQUIDATION",
    "CSA_LIQUIDITY_TEST",
    "CSA_NET_ASSET_TEST",
    "CSA_REDEMPTION",
    "CSA_RESERVES",
    "CSA_UNAVAILABLE_EQUITY",
    "SCES_CAPITAL",
    "SCES_DEVOLUTION",
    "SCES_EXIT",
    "SCES_REDEMPTION",
    "SCES_RESERVES",
    "net_assets",
]

BE: Final = "BE"
CSA: Final = "Code des sociétés et des associations"
AR_2019: Final = "AR du 28 juin 2019 (agrément comme entreprise sociale)"
FEBECOOP_DOUBLE_TEST: Final = (
    "https://febecoop.be/fr/double-test-test-lactif-net-et-test-liquidite/"
)
ES_URL: Final = "https://etaamb.openjustice.be/nl/nl/arrete-royal-du-28-juin-2019_n2019030678.html"

CSA_NET_ASSET_TEST: Final = Citation(
    CSA,
    "art. 6:115",
    BE,
    Confidence.SRC_2,
    FEBECOOP_DOUBLE_TEST,
    "net-asset test: no distribution (dividend or share redemption) may bring the net assets "
    "below the equity unavailable by law or by the articles",
)
CSA_LIQUIDITY_TEST: Final = LAW.citation("csa-art-6-116")
"""CSA art. 6:116, the liquidity test (the law file's citation of ``be.liquidity_test_months``)."""
CSA_EXIT_VALUE: Final = Citation(
    CSA,
    "art. 6:120 ff.",
    BE,
    Confidence.SRC_2,
    "https://labelfinancesolidaire.be/produit/action-b-11/",
    "exit value by default: paid up and not repaid, capped at the net-asset value per share of "
    "the last approved accounts (article wording recalled)",
)
CSA_LIQUIDATION: Final = Citation(
    CSA,
    "art. 6:40",
    BE,
    Confidence.SRC_2,
    "https://coopfabrik.be/cooperaties-zijn-keihard-buiten-is-buiten-en-andere-bepalingen-uit-"
    "het-wetboek-die-je-zeker-moet-weten/",
    "by default, equal rights per share to the liquidation balance",
)
CSA_UNAVAILABLE_EQUITY: Final = Citation(
    CSA,
    "art. 6:115",
    BE,
    Confidence.SRC_2,
    "https://fidelium.eu/fr/nouvelles-fiscales-belgique/la-reserve-legale-dans-le-csa",
    "no legal reserve; equity made unavailable by the articles is distributed only if they allow",
)
SCES_EXIT: Final = Citation(
    AR_2019,
    "art. 6",
    BE,
    Confidence.SRC,
    ES_URL,
    "a resigning shareholder gets at most the nominal value of the real contribution",
)
SCES_DEVOLUTION: Final = Citation(
    AR_2019,
    "art. 6",
    BE,
    Confidence.SRC,
    ES_URL,
    "after the debts and the repayment of the paid-up capital, the balance goes to a use as "
    "close as possible to the object",
)
CSA_DEVOLUTION: Final = SCES_DEVOLUTION
"""Alias kept for symmetry with the other plug-ins: the Belgian devolution rule is the social
enterprise's (a CSA co-op without the accreditation shares the balance, `CSA_LIQUIDATION`)."""

CSA_REDEMPTION: Final = RedemptionRule(
    Text("paid up and not repaid, capped at the net-asset value per share"),
    CSA_EXIT_VALUE,
    cap_at_net_asset_value=True,
)
SCES_REDEMPTION: Final = RedemptionRule(
    Text("at most the nominal value actually paid up, capped at the net-asset value per share"),
    SCES_EXIT,
    cap_at_net_asset_value=True,
)

CSA_CAPITAL: Final = CapitalRules(
    Text("Belgian CSA co-operative"),
    CSA_REDEMPTION,
    net_asset_test=CSA_NET_ASSET_TEST,
    liquidity_test=CSA_LIQUIDITY_TEST,
    liquidity_months=FromLaw(Keys.liquidity_test_months),
)
SCES_CAPITAL: Final = CapitalRules(
    Text("Belgian social enterprise"),
    SCES_REDEMPTION,
    net_asset_test=CSA_NET_ASSET_TEST,
    liquidity_test=CSA_LIQUIDITY_TEST,
    liquidity_months=FromLaw(Keys.liquidity_test_months),
)

_UNAVAILABLE = Refusal(
    MovementKind.DISTRIBUTION,
    CSA_UNAVAILABLE_EQUITY,
    Text("equity made unavailable by the articles is not distributed"),
)
_NO_CLAIM = Refusal(
    MovementKind.REPAYMENT,
    CSA_EXIT_VALUE,
    Text("a leaving shareholder has no claim on unavailable equity"),
)

CSA_RESERVES: Final = ReserveRules(
    Text("Belgian CSA co-operative"),
    LiquidationRule(
        CSA_LIQUIDATION,
        Text("the shareholders, per share"),
        balance_to_members=True,
    ),
    refused=(_UNAVAILABLE, _NO_CLAIM),
)
"""Reserves are divisible unless marked ``indivisible`` (statutorily unavailable equity)."""

SCES_RESERVES: Final = ReserveRules(
    Text("Belgian social enterprise"),
    LiquidationRule(
        SCES_DEVOLUTION,
        Text(
            "a use as close as possible to the co-op's object (e.g. a social enterprise with a "
            "similar object)",
        ),
    ),
    refused=(
        _UNAVAILABLE,
        Refusal(
            MovementKind.REPAYMENT,
            SCES_EXIT,
            Text("a leaving shareholder gets at most the nominal value of the contribution"),
        ),
    ),
)


def net_assets(
    total_assets: Money,
    *,
    debts: Money,
    provisions: Money | None = None,
    deferred_taxes: Money | None = None,
    unamortised_formation_costs: Money | None = None,
    unamortised_research_costs: Money | None = None,
    unamortised_revaluation_gains: Money | None = None,
) -> Money:
    """Net assets for the CSA 6:115 net-asset test.

    Total assets less provisions, deferred taxes, debts, and the unamortised formation costs,
    research and development costs and revaluation gains.

    The unavailable equity is compared with the result by
    [`cooprules.capital.check_distribution()`][cooprules.capital.distribution.check_distribution],
    not deducted here.

    ```pycon
    >>> eur = lambda text: money(text, "EUR")
    >>> from cooprules.money import format_amount
    >>> format_amount(net_assets(eur("500000.00"), debts=eur("380000.00"),
    ...     provisions=eur("20000.00"), unamortised_formation_costs=eur("5000.00")))
    '95000.00 EUR'

    ```
    """
    if not isinstance(total_assets, Money):
        raise CurrencyMismatch("total_assets", total_assets, "expected a Money")
    currency = total_assets.currency
    deductions = [
        money(value, currency, field=name)
        for name, value in (
            ("debts", debts),
            ("provisions", provisions),
            ("deferred_taxes", deferred_taxes),
            ("unamortised_formation_costs", unamortised_formation_costs),
            ("unamortised_research_costs", unamortised_research_costs),
            ("unamortised_revaluation_gains", unamortised_revaluation_gains),
        )
        if value is not None
    ]
    result: Money = money(total_assets, currency) - total(deductions, currency)
    return result
