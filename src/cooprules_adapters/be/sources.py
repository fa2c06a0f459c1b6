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
    dividend_exemption: Final = Key(
        "be.dividend_exemption",
        Money,
        Text(
            en="an individual member's yearly amount of dividends paid free of withholding tax "
            "(indexed every year; the law file holds no figure, the statutes give the year's)",
            fr="montant annuel des dividendes d'un membre personne physique exonéré de précompte "
            "mobilier (indexé chaque année ; sans chiffre dans le fichier de la loi, les statuts "
            "donnent celui de l'année)",
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
    target_group_age_limit: Final = Key(
        "be.target_group_age_limit",
        int,
        Text(
            en="age at the start of the convention from which a candidate's unemployment is "
            "counted over the shorter window",
            fr="âge au début de la convention à partir duquel le chômage du candidat est compté "
            "sur la période la plus courte",
        ),
    )
    target_group_days_under_age: Final = Key(
        "be.target_group_days_under_age",
        int,
        Text(
            en="least days of compensated full unemployment of a candidate under the age limit",
            fr="nombre minimal de jours de chômage complet indemnisé d'un candidat sous la "
            "limite d'âge",
        ),
    )
    target_group_months_under_age: Final = Key(
        "be.target_group_months_under_age",
        int,
        Text(
            en="months before the convention over which a candidate under the age limit counts "
            "those days",
            fr="mois précédant la convention sur lesquels un candidat sous la limite d'âge "
            "compte ces jours",
        ),
    )
    target_group_days_from_age: Final = Key(
        "be.target_group_days_from_age",
        int,
        Text(
            en="least days of compensated full unemployment of a candidate of the age limit or "
            "over",
            fr="nombre minimal de jours de chômage complet indemnisé d'un candidat ayant atteint "
            "la limite d'âge",
        ),
    )
    target_group_months_from_age: Final = Key(
        "be.target_group_months_from_age",
        int,
        Text(
            en="months before the convention over which a candidate of the age limit or over "
            "counts those days",
            fr="mois précédant la convention sur lesquels un candidat ayant atteint la limite "
            "d'âge compte ces jours",
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

    resignation_window_months: Final = Key(
        "be.resignation_window_months",
        int,
        Text(
            en="months at the start of the financial year in which a shareholder may resign "
            "(12: any time)",
            fr="mois du début de l'exercice pendant lesquels un actionnaire peut démissionner "
            "(12 : à tout moment)",
        ),
    )
    liquidity_test_months: Final = Key(
        "be.liquidity_test_months",
        int,
        Text(
            en="months from a distribution for which the board finds the co-op can keep paying "
            "its debts",
            fr="mois à compter d'une distribution pendant lesquels l'organe d'administration "
            "constate que la coopérative pourra payer ses dettes",
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
    ),
)
"""The Belgian law file: every figure the Belgian regimes use, dated and cited."""
