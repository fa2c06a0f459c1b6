"""The Quebec law file and the plug-in's own parameter keys.

Every figure the Quebec regimes use, with its citation, confidence tag and dates, is declared once
in ``law.toml`` beside this module; [`LAW`][cooprules_adapters.qc.sources.LAW] is that file, loaded
and checked at import.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Final

from cooprules.explain import Text
from cooprules.law import LawBook, load_law
from cooprules.money import Rate
from cooprules.regime import Key
from cooprules.voting import majority_key

__all__ = ["LAW", "Keys"]


ORDINARY: Final = Text("ordinary decision")
MERGER: Final = Text("by-law approving a merger agreement")
CONTINUANCE: Final = Text("continuance of another legal person as a co-op")
DISSOLUTION: Final = Text("winding-up and dissolution")
WIND_UP_DISPOSAL_PLAN: Final = Text("winding-up with an asset-disposal plan")
AMEND_ARTICLES: Final = Text("amendment of the articles")
BOARD_SUSPEND_OR_EXCLUDE: Final = Text("board decision to suspend or exclude a member")
BOARD_ORDINARY: Final = Text("board decision")


class Keys:
    """The Quebec plug-in's own parameter keys (prefix ``qc.``), beside the core's."""

    enhancement_reserve_allowed: Final = Key(
        "qc.enhancement_reserve_allowed",
        bool,
        Text("the by-laws may create an enhancement reserve (réserve de valorisation)"),
    )

    supporting_members_max_director_share: Final = Key(
        "qc.supporting_members_max_director_share",
        Rate,
        Text("largest share of the directors that supporting members may elect"),
    )

    family_representation_allowed: Final = Key(
        "qc.family_representation_allowed",
        bool,
        Text(
            "a member may be represented at a general meeting by a non-member spouse or adult "
            "child",
        ),
    )

    additional_reserve_or_share_refund_rate: Final = Key(
        "qc.additional_reserve_or_share_refund_rate",
        Rate,
        Text(
            "further share of the surplus to allocate either to the reserve or to patronage "
            "refunds paid in shares",
        ),
    )

    reserve_min_while_equity_below: Final = Key(
        "qc.reserve_min_while_equity_below",
        Rate,
        Text(
            "the minimum allocations to the reserve apply while equity is below this share of the "
            "debts",
        ),
    )

    ordinary_majority: Final = majority_key("qc.ordinary_majority", ORDINARY)
    merger_majority: Final = majority_key("qc.merger_majority", MERGER)
    continuance_majority: Final = majority_key("qc.continuance_majority", CONTINUANCE)
    dissolution_majority: Final = majority_key("qc.dissolution_majority", DISSOLUTION)
    wind_up_disposal_plan_majority: Final = majority_key(
        "qc.wind_up_disposal_plan_majority", WIND_UP_DISPOSAL_PLAN
    )
    amend_articles_majority: Final = majority_key("qc.amend_articles_majority", AMEND_ARTICLES)
    board_suspend_or_exclude_majority: Final = majority_key(
        "qc.board_suspend_or_exclude_majority", BOARD_SUSPEND_OR_EXCLUDE
    )
    board_ordinary_majority: Final = majority_key("qc.board_ordinary_majority", BOARD_ORDINARY)
    board_reasons_within_days: Final = Key(
        "qc.board_reasons_within_days",
        int,
        Text(
            "days within which the board sends a suspended or excluded member its written, "
            "reasoned decision",
        ),
    )
    non_member_directors_max_share: Final = Key(
        "qc.non_member_directors_max_share",
        Rate,
        Text(
            "largest share of the board's seats that non-members may hold, where a by-law allows "
            "them",
        ),
    )

    reserve_min_rate: Final = Key(
        "qc.reserve_min_rate",
        Rate,
        Text(
            "least share of the surplus to the reserve while equity is below the threshold share "
            "of the debts",
        ),
    )

    supporting_members_refunds: Final = Key(
        "qc.supporting_members_refunds",
        bool,
        Text("a solidarity co-op's supporting members receive patronage refunds"),
    )

    enhancement_reserve_member_years: Final = Key(
        "qc.enhancement_reserve_member_years",
        int,
        Text(
            "on winding-up, the enhancement reserve goes to the persons who were members during "
            "this many financial years before the winding-up vote",
        ),
    )

    refund_average_max_years: Final = Key(
        "qc.refund_average_max_years",
        int,
        Text(
            "a work co-op's refunds may follow the work done averaged over at most this many "
            "financial years",
        ),
    )

    refund_average_years: Final = Key(
        "qc.refund_average_years",
        int,
        Text(
            "the financial years (the year's included) over which the by-laws average each "
            "member's work for the refunds",
        ),
    )


LAW: Final[LawBook] = load_law(
    files("cooprules_adapters.qc") / "law.toml",
    keys=(
        Keys.enhancement_reserve_allowed,
        Keys.supporting_members_max_director_share,
        Keys.family_representation_allowed,
        Keys.additional_reserve_or_share_refund_rate,
        Keys.reserve_min_while_equity_below,
        Keys.ordinary_majority,
        Keys.merger_majority,
        Keys.continuance_majority,
        Keys.dissolution_majority,
        Keys.wind_up_disposal_plan_majority,
        Keys.amend_articles_majority,
        Keys.board_suspend_or_exclude_majority,
        Keys.board_ordinary_majority,
        Keys.board_reasons_within_days,
        Keys.non_member_directors_max_share,
        Keys.reserve_min_rate,
        Keys.supporting_members_refunds,
        Keys.enhancement_reserve_member_years,
        Keys.refund_average_max_years,
        Keys.refund_average_years,
    ),
)
"""The Quebec law file: every figure the Quebec regimes use, dated and cited."""
