"""The Belgian law file and the plug-in's own parameter keys.

Every figure the Belgian regimes use, with its citation, confidence tag and dates, is declared once
in ``law.toml`` beside this module; :data:`LAW` is that file, loaded and checked at import.
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


AMEND_ARTICLES: Final = Text(en="amendment of the articles", fr="modification des statuts")
AMEND_OBJECT: Final = Text(
    en="change of the object or purpose", fr="modification de l'objet ou du but"
)


class Keys:
    """The Belgian plug-in's own parameter keys (prefix ``be.``), beside the core's."""

    withholding_tax_rate: Final = Key(
        "be.withholding_tax_rate",
        Rate,
        Text(
            en="withholding tax on dividends (précompte mobilier), which the CNC's 6 % dividend "
            "cap is read net of",
            fr="précompte mobilier sur les dividendes, dont le plafond de 6 % du CNC est net",
        ),
    )

    target_group_min_share: Final = Key(
        "be.target_group_min_share",
        Rate,
        Text(
            en="smallest share of the candidates that must come from the legal target group",
            fr="part minimale des candidats qui doivent appartenir au public cible légal",
        ),
    )
    resumption_bonus_monthly: Final = Key(
        "be.resumption_bonus_monthly",
        Money,
        Text(
            en="monthly bonus to a candidate who leaves to become self-employed",
            fr="complément mensuel au candidat qui s'installe comme indépendant",
        ),
    )
    resumption_bonus_months: Final = Key(
        "be.resumption_bonus_months",
        int,
        Text(
            en="most months the resumption bonus is paid",
            fr="nombre maximal de mois de versement du complément de reprise du travail",
        ),
    )
    resumption_bonus_min_months: Final = Key(
        "be.resumption_bonus_min_months",
        int,
        Text(
            en="months under the convention before leaving that open the bonus",
            fr="mois de convention requis avant le départ pour ouvrir le complément",
        ),
    )

    staff_member_vote_cap: Final = Key(
        "be.staff_member_vote_cap",
        Rate,
        Text(
            en="largest share of the votes present or represented one member may cast when one "
            "or more members are staff",
            fr="part maximale des voix présentes ou représentées qu'un membre peut exprimer "
            "lorsqu'un ou plusieurs membres font partie du personnel",
        ),
    )

    amend_articles_majority: Final = majority_key("be.amend_articles_majority", AMEND_ARTICLES)
    amend_articles_quorum: Final = quorum_key("be.amend_articles_quorum", AMEND_ARTICLES)
    amend_object_majority: Final = majority_key("be.amend_object_majority", AMEND_OBJECT)


LAW: Final[LawBook] = load_law(
    files("cooprules_adapters.be") / "law.toml",
    keys=(
        Keys.withholding_tax_rate,
        Keys.target_group_min_share,
        Keys.resumption_bonus_monthly,
        Keys.resumption_bonus_months,
        Keys.resumption_bonus_min_months,
        Keys.staff_member_vote_cap,
        Keys.amend_articles_majority,
        Keys.amend_articles_quorum,
        Keys.amend_object_majority,
    ),
)
"""The Belgian law file: every figure the Belgian regimes use, dated and cited."""
