"""Co-operative capital: the share register, interest on shares, redemption and its tests.

A co-operative's capital is the sum of its members' shares. The package has one module per
question, each building on the ones before it:

* [`cooprules.capital.register`][cooprules.capital.register]: share classes, dated operations on
  shares, holdings, the [`ShareRegister`][cooprules.capital.register.ShareRegister] that validates
  and replays them, and the days held, share-days and capital-days of each member;
* [`cooprules.capital.daycount`][cooprules.capital.daycount]: day-count conventions
  ([`DayCount`][cooprules.capital.daycount.DayCount]), capital x time in years and interest pro rata
  temporis;
* `cooprules.capital.interest`: interest on shares from capital-days, and the bound a legal
  cap on its rate sets each member (rounded toward the bound), the one implementation the
  surplus engines call;
* [`cooprules.capital.redemption`][cooprules.capital.redemption]: the value of shares redeemed under
  the regime's [`RedemptionRule`][cooprules.capital.redemption.RedemptionRule] (capped at the
  paid-up amount, at the net-asset value per share, or less a share of the losses);
* [`cooprules.capital.distribution`][cooprules.capital.distribution]: the regime's tests before a
  dividend or a redemption (net-asset test, liquidity test, solvency, capital floor), returned as
  [`Violation`][cooprules.explain.Violation] values, and
  [`check_redemption()`][cooprules.capital.distribution.check_redemption].

Every public name is importable from ``cooprules.capital`` itself.
"""

from cooprules.capital.daycount import DayCount, accrued_interest, capital_years, year_fraction
from cooprules.capital.distribution import (
    CapitalRules,
    DistributionCheck,
    DistributionKind,
    FinancialPosition,
    LiquidityAssessment,
    RedemptionCheck,
    check_distribution,
    check_redemption,
)
from cooprules.capital.interest import (
    AT_MOST,
    above_caps,
    interest_caps,
    interest_column,
    interest_units,
    split_within,
    year_days,
)
from cooprules.capital.redemption import RedemptionRule, RedemptionValue, redemption_value
from cooprules.capital.register import (
    CapitalBasis,
    Holding,
    InsufficientShares,
    Operation,
    OperationKind,
    PaidUpExceedsSubscribed,
    RedemptionAboveValue,
    ShareClass,
    ShareRegister,
    UnknownShareClass,
    capital_days,
    days_held,
    share_days,
    total_capital_days,
    total_share_days,
)

__all__ = [
    "AT_MOST",
    "CapitalBasis",
    "CapitalRules",
    "DayCount",
    "DistributionCheck",
    "DistributionKind",
    "FinancialPosition",
    "Holding",
    "InsufficientShares",
    "LiquidityAssessment",
    "Operation",
    "OperationKind",
    "PaidUpExceedsSubscribed",
    "RedemptionAboveValue",
    "RedemptionCheck",
    "RedemptionRule",
    "RedemptionValue",
    "ShareClass",
    "ShareRegister",
    "UnknownShareClass",
    "above_caps",
    "accrued_interest",
    "capital_days",
    "capital_years",
    "check_distribution",
    "check_redemption",
    "days_held",
    "interest_caps",
    "interest_column",
    "interest_units",
    "redemption_value",
    "share_days",
    "split_within",
    "total_capital_days",
    "total_share_days",
    "year_days",
    "year_fraction",
]
