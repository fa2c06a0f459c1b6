"""The French legal instruments the regimes cite, each with how sure the project is of it.

The confidence is a [`Confidence`][cooprules.explain.Confidence]: `SRC` from the text (read in a
source that appears current), `SRC-old` from an older version of the text (an older
consolidation), `MEM` recalled, unverified, `UNC` uncertain. A citation that is recalled or
uncertain never carries a figure (see [`cooprules.regime.Parameter`][cooprules.regime.Parameter]).
"""

from __future__ import annotations

from datetime import date
from importlib.resources import files
from typing import Final

from cooprules.explain import Citation, Confidence, Text
from cooprules.law import LawBook, load_law
from cooprules.money import Rate
from cooprules.regime import Key, Parameter
from cooprules.voting import majority_key, quorum_key

__all__ = [
    "CAE_DECREE",
    "CAE_LAW",
    "ESS_LAW_IN_FORCE",
    "LAW",
    "LOI_1947",
    "LOI_1978",
    "SARL_EXTRAORDINARY",
    "SA_EXTRAORDINARY",
    "SA_ORDINARY",
    "TRAVAIL",
    "Keys",
    "cite_1947",
    "cite_1978",
    "param",
]

FR: Final = "FR"


SARL_EXTRAORDINARY: Final = Text("amendment of the statutes (SARL)")
SA_EXTRAORDINARY: Final = Text("extraordinary general meeting (SA)")
SA_ORDINARY: Final = Text("ordinary general meeting (SA)")


class Keys:
    """The French plug-in's own parameter keys (prefix ``fr.``), beside the core's."""

    scop_seniority_coefficient_max: Final = Key(
        "fr.scop_seniority_coefficient_max",
        int,
        Text("largest seniority coefficient the statutes may apply to a SCOP's worker share"),
    )
    min_employee_associates_sa: Final = Key(
        "fr.min_employee_associates_sa",
        int,
        Text("minimum number of employee-associates when the co-op is a public limited company"),
    )
    scic_statutory_reserve_min_share: Final = Key(
        "fr.scic_statutory_reserve_min_share",
        Rate,
        Text(
            "smallest share of the balance after the legal reserve that a SCIC allocates to its "
            "statutory reserve",
        ),
    )

    scic_public_bodies_max_share: Final = Key(
        "fr.scic_public_bodies_max_share",
        Rate,
        Text(
            "largest share of the capital that local authorities and their bodies may hold "
            "together",
        ),
    )

    non_cooperator_vote_cap: Final = Key(
        "fr.non_cooperator_vote_cap",
        Rate,
        Text("largest share of the total votes that non-cooperator associates may hold together"),
    )

    non_cooperative_outsider_vote_cap: Final = Key(
        "fr.non_cooperative_outsider_vote_cap",
        Rate,
        Text(
            "largest share of the total votes that non-cooperator associates which are not "
            "co-operative societies may hold together",
        ),
    )

    sarl_extraordinary_majority: Final = majority_key(
        "fr.sarl_extraordinary_majority", SARL_EXTRAORDINARY
    )
    sarl_extraordinary_quorum: Final = quorum_key(
        "fr.sarl_extraordinary_quorum", SARL_EXTRAORDINARY
    )
    sarl_extraordinary_second_quorum: Final = quorum_key(
        "fr.sarl_extraordinary_second_quorum", SARL_EXTRAORDINARY, call=2
    )
    sa_extraordinary_majority: Final = majority_key(
        "fr.sa_extraordinary_majority", SA_EXTRAORDINARY
    )
    sa_extraordinary_quorum: Final = quorum_key("fr.sa_extraordinary_quorum", SA_EXTRAORDINARY)
    sa_extraordinary_second_quorum: Final = quorum_key(
        "fr.sa_extraordinary_second_quorum", SA_EXTRAORDINARY, call=2
    )
    sa_ordinary_majority: Final = majority_key("fr.sa_ordinary_majority", SA_ORDINARY)
    sa_ordinary_quorum: Final = quorum_key("fr.sa_ordinary_quorum", SA_ORDINARY)

    scop_max_proxies: Final = Key(
        "fr.scop_max_proxies",
        int,
        Text(
            "most proxies one associate of a SCOP may hold, while it has fewer associates than "
            "fr.scop_proxy_share_from",
        ),
    )
    scop_proxy_share_from: Final = Key(
        "fr.scop_proxy_share_from",
        int,
        Text(
            "number of associates from which the proxies one associate of a SCOP may hold are a "
            "share of the associates",
        ),
    )
    scop_max_proxies_share: Final = Key(
        "fr.scop_max_proxies_share",
        Rate,
        Text(
            "from that number of associates, most proxies one associate of a SCOP may hold, as a "
            "share of the associates (rounded down)",
        ),
    )

    incorporation_first_max: Final = Key(
        "fr.incorporation_first_max",
        Rate,
        Text(
            "largest share of a reserve available at the previous year's close that the first "
            "incorporation into capital may take",
        ),
    )
    incorporation_later_max: Final = Key(
        "fr.incorporation_later_max",
        Rate,
        Text(
            "largest share of a reserve's increase since the previous incorporation that a later "
            "incorporation into capital may take",
        ),
    )
    scop_capital_floor: Final = Key(
        "fr.scop_capital_floor",
        Rate,
        Text(
            "share of the highest capital ever reached below which a SCOP's repayments may not "
            "bring its capital",
        ),
    )


LAW: Final[LawBook] = load_law(
    files("cooprules_adapters.fr") / "law.toml",
    keys=(
        Keys.scop_seniority_coefficient_max,
        Keys.scic_statutory_reserve_min_share,
        Keys.min_employee_associates_sa,
        Keys.scic_public_bodies_max_share,
        Keys.non_cooperator_vote_cap,
        Keys.non_cooperative_outsider_vote_cap,
        Keys.sarl_extraordinary_majority,
        Keys.sarl_extraordinary_quorum,
        Keys.sarl_extraordinary_second_quorum,
        Keys.sa_extraordinary_majority,
        Keys.sa_extraordinary_quorum,
        Keys.sa_extraordinary_second_quorum,
        Keys.sa_ordinary_majority,
        Keys.sa_ordinary_quorum,
        Keys.scop_max_proxies,
        Keys.scop_proxy_share_from,
        Keys.scop_max_proxies_share,
        Keys.incorporation_first_max,
        Keys.incorporation_later_max,
        Keys.scop_capital_floor,
    ),
)
"""The French law file: every figure the French regimes use, dated and cited."""

LOI_1947: Final = "Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération"
LOI_1978: Final = "Loi n° 78-763 du 19 juillet 1978 portant statut des SCOP"
TRAVAIL: Final = "Code du travail"
CAE_LAW: Final = "Loi n° 2014-856 du 31 juillet 2014 relative à l'ESS, art. 47-48"
CAE_DECREE: Final = "Décret n° 2015-1363 du 27 octobre 2015"

LOI_1947_URL: Final = "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004"
ETALAB: Final = (
    "https://github.com/etalab/lois-non-codifiees-et-reglements-francais/blob/"
    "508ff8a7b5a878c042898f0ccf73888a6d9f3c5d/"
)
"""The post-2014 consolidation (etalab, commit 508ff8a7) most articles were read in."""
ETALAB_1947: Final = ETALAB + "loi/1947/loi-n-47-1775-du-10-septembre-1947/"
ETALAB_1978: Final = ETALAB + "loi/2014/loi-n78-763-du-19-juillet-1978/"

ESS_LAW_IN_FORCE: Final = date(2014, 8, 2)
"""Loi n° 2014-856 (JO 1 August 2014) in force: the date Légifrance gives for its art. 48."""


def cite_1947(
    article: str,
    *,
    url: str | None = LOI_1947_URL,
    confidence: Confidence = Confidence.SRC,
    title: str | None = None,
) -> Citation:
    """A citation of loi n° 47-1775."""
    return Citation(LOI_1947, article, FR, confidence, url, title)


def cite_1978(
    article: str,
    *,
    url: str,
    confidence: Confidence = Confidence.SRC,
    title: str | None = None,
) -> Citation:
    """A citation of loi n° 78-763 (SCOP)."""
    return Citation(LOI_1978, article, FR, confidence, url, title)


param = Parameter.of
"""A parameter described by its key unless a ``description`` says more."""
