"""The Belgian law file and the plug-in's own parameter keys.

Every figure the Belgian regimes use, with its citation, confidence tag and dates, is declared once
in ``law.toml`` beside this module; [`LAW`][cooprules_adapters.be.sources.LAW] is that file, loaded
and checked at import.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules.explain import Text
from cooprules.law import LawBook, load_law
from cooprules.money import Money, Rate
from cooprules.regime import Key
from cooprules.voting import majority_key, quorum_key

__all__ = ["AMEND_ARTICLES", "AMEND_OBJECT", "LAW", "Keys"]


AMEND_ARTICLES: Final = Text("amendment of the articles")
AMEND_OBJECT: Final = Text("change of the object or purpose")


class Keys:
    """The Belgian plug-in's own parameter keys (prefix ``be.``), beside the core's."""

    withholding_tax_rate: Final = Key(
        "be.withholding_tax_rate",
        Rate,
        Text(
            "withholding tax on dividends (précompte mobilier), which the CNC's 6 % dividend cap "
            "is read net of",
        ),
    )
    dividend_exemption: Final = Key(
        "be.dividend_exemption",
        Money,
        Text(
            "an individual member's yearly amount of dividends paid free of withholding tax "
            "(indexed every year; the law file holds no figure, the statutes give the year's)",
        ),
    )

    target_group_min_share: Final = Key(
        "be.target_group_min_share",
        Rate,
        Text("smallest share of the candidates that must come from the legal target group"),
    )
    target_group_age_limit: Final = Key(
        "be.target_group_age_limit",
        int,
        Text(
            "age at the start of the convention from which a candidate's unemployment is counted "
            "over the shorter window",
        ),
    )
    target_group_days_under_age: Final = Key(
        "be.target_group_days_under_age",
        int,
        Text("least days of compensated full unemployment of a candidate under the age limit"),
    )
    target_group_months_under_age: Final = Key(
        "be.target_group_months_under_age",
        int,
        Text(
            "months before the convention over which a candidate under the age limit counts those "
            "days",
        ),
    )
    target_group_days_from_age: Final = Key(
        "be.target_group_days_from_age",
        int,
        Text(
            "least days of compensated full unemployment of a candidate of the age limit or over",
        ),
    )
    target_group_months_from_age: Final = Key(
        "be.target_group_months_from_age",
        int,
        Text(
            "months before the convention over which a candidate of the age limit or over counts "
            "those days",
        ),
    )
    resumption_bonus_monthly: Final = Key(
        "be.resumption_bonus_monthly",
        Money,
        Text("monthly bonus to a candidate who leaves to become self-employed"),
    )
    resumption_bonus_months: Final = Key(
        "be.resumption_bonus_months",
        int,
        Text("most months the resumption bonus is paid"),
    )
    resumption_bonus_min_months: Final = Key(
        "be.resumption_bonus_min_months",
        int,
        Text("months under the convention before leaving that open the bonus"),
    )

    resignation_window_months: Final = Key(
        "be.resignation_window_months",
        int,
        Text(
            "months at the start of the financial year in which a shareholder may resign (12: any "
            "time)",
        ),
    )
    liquidity_test_months: Final = Key(
        "be.liquidity_test_months",
        int,
        Text(
            "months from a distribution for which the board finds the co-op can keep paying its "
            "debts",
        ),
    )

    staff_member_vote_cap: Final = Key(
        "be.staff_member_vote_cap",
        Rate,
        Text(
            "largest share of the votes present or represented one member may cast when one or "
            "more members are staff",
        ),
    )

    employer_contribution_rate: Final = Key(
        "be.employer_contribution_rate",
        Rate,
        Text(
            "employer's social security contributions (ONSS/RSZ) on an entrepreneur-employee's "
            "gross pay",
        ),
    )
    employee_contribution_rate: Final = Key(
        "be.employee_contribution_rate",
        Rate,
        Text(
            "employee's social security contributions (ONSS/RSZ) withheld from an "
            "entrepreneur-employee's gross pay",
        ),
    )

    amend_articles_majority: Final = majority_key("be.amend_articles_majority", AMEND_ARTICLES)
    amend_articles_quorum: Final = quorum_key("be.amend_articles_quorum", AMEND_ARTICLES)
    amend_object_majority: Final = majority_key("be.amend_object_majority", AMEND_OBJECT)


LAW: Final[LawBook] = load_law(
    files("cooprules_adapters.be") / "law.toml",
    keys=(
        Keys.withholding_tax_rate,
        Keys.dividend_exemption,
        Keys.target_group_min_share,
        Keys.target_group_age_limit,
        Keys.target_group_days_under_age,
        Keys.target_group_months_under_age,
        Keys.target_group_days_from_age,
        Keys.target_group_months_from_age,
        Keys.resumption_bonus_monthly,
        Keys.resumption_bonus_months,
        Keys.resumption_bonus_min_months,
        Keys.resignation_window_months,
        Keys.liquidity_test_months,
        Keys.staff_member_vote_cap,
        Keys.amend_articles_majority,
        Keys.amend_articles_quorum,
        Keys.amend_object_majority,
        Keys.employer_contribution_rate,
        Keys.employee_contribution_rate,
    ),
)
"""The Belgian law file: every figure the Belgian regimes use, dated and cited."""
