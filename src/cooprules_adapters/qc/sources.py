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


ORDINARY: Final = Text(en="ordinary decision", fr="décision ordinaire")
MERGER: Final = Text(
    en="by-law approving a merger agreement", fr="règlement approuvant une convention de fusion"
)
CONTINUANCE: Final = Text(
    en="continuance of another legal person as a co-op",
    fr="continuation d'une autre personne morale en coopérative",
)
DISSOLUTION: Final = Text(en="winding-up and dissolution", fr="liquidation et dissolution")
WIND_UP_DISPOSAL_PLAN: Final = Text(
    en="winding-up with an asset-disposal plan",
    fr="liquidation avec plan de disposition de l'actif",
)
AMEND_ARTICLES: Final = Text(en="amendment of the articles", fr="modification des statuts")
BOARD_SUSPEND_OR_EXCLUDE: Final = Text(
    en="board decision to suspend or exclude a member",
    fr="décision du conseil de suspendre ou d'exclure un membre",
)
BOARD_ORDINARY: Final = Text(en="board decision", fr="décision du conseil")


class Keys:
    """The Quebec plug-in's own parameter keys (prefix ``qc.``), beside the core's."""

    enhancement_reserve_allowed: Final = Key(
        "qc.enhancement_reserve_allowed",
        bool,
        Text(
            en="the by-laws may create an enhancement reserve (réserve de valorisation)",
            fr="les règlements peuvent créer une réserve de valorisation",
        ),
    )

    supporting_members_max_director_share: Final = Key(
        "qc.supporting_members_max_director_share",
        Rate,
        Text(
            en="largest share of the directors that supporting members may elect",
            fr="part maximale des administrateurs que les membres de soutien peuvent élire",
        ),
    )

    family_representation_allowed: Final = Key(
        "qc.family_representation_allowed",
        bool,
        Text(
            en="a member may be represented at a general meeting by a non-member spouse or adult "
            "child",
            fr="un membre peut être représenté à l'assemblée par son conjoint ou son enfant majeur "
            "non membre",
        ),
    )

    additional_reserve_or_share_refund_rate: Final = Key(
        "qc.additional_reserve_or_share_refund_rate",
        Rate,
        Text(
            en="further share of the surplus to allocate either to the reserve or to patronage "
            "refunds paid in shares",
            fr="part supplémentaire des excédents à affecter soit à la réserve, soit à des "
            "ristournes versées en parts",
        ),
    )

    reserve_min_while_equity_below: Final = Key(
        "qc.reserve_min_while_equity_below",
        Rate,
        Text(
            en="the minimum allocations to the reserve apply while equity is below this share of "
            "the debts",
            fr="les affectations minimales à la réserve s'appliquent tant que l'avoir est "
            "inférieur à cette part des dettes",
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
            en="days within which the board sends a suspended or excluded member its written, "
            "reasoned decision",
            fr="jours dans lesquels le conseil transmet au membre suspendu ou exclu sa décision "
            "écrite et motivée",
        ),
    )
    non_member_directors_max_share: Final = Key(
        "qc.non_member_directors_max_share",
        Rate,
        Text(
            en="largest share of the board's seats that non-members may hold, where a by-law "
            "allows them",
            fr="part maximale des sièges du conseil que des non-membres peuvent occuper, "
            "lorsqu'un règlement le permet",
        ),
    )

    reserve_min_rate: Final = Key(
        "qc.reserve_min_rate",
        Rate,
        Text(
            en="least share of the surplus to the reserve while equity is below the threshold "
            "share of the debts",
            fr="part minimale des excédents affectée à la réserve tant que l'avoir est inférieur "
            "à la part seuil des dettes",
        ),
    )

    supporting_members_refunds: Final = Key(
        "qc.supporting_members_refunds",
        bool,
        Text(
            en="a solidarity co-op's supporting members receive patronage refunds",
            fr="les membres de soutien d'une coopérative de solidarité reçoivent des ristournes",
        ),
    )

    enhancement_reserve_member_years: Final = Key(
        "qc.enhancement_reserve_member_years",
        int,
        Text(
            en="on winding-up, the enhancement reserve goes to the persons who were members "
            "during this many financial years before the winding-up vote",
            fr="à la liquidation, la réserve de valorisation revient aux personnes qui étaient "
            "membres au cours de ce nombre d'exercices précédant le vote de liquidation",
        ),
    )

    refund_average_max_years: Final = Key(
        "qc.refund_average_max_years",
        int,
        Text(
            en="a work co-op's refunds may follow the work done averaged over at most this many "
            "financial years",
            fr="les ristournes d'une coopérative de travail peuvent suivre le travail effectué "
            "en moyenne sur au plus ce nombre d'exercices",
        ),
    )

    refund_average_years: Final = Key(
        "qc.refund_average_years",
        int,
        Text(
            en="the financial years (the year's included) over which the by-laws average each "
            "member's work for the refunds",
            fr="les exercices (celui de l'année compris) sur lesquels les règlements font la "
            "moyenne du travail de chaque membre pour les ristournes",
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
