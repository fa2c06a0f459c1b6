"""The French regimes as data: SCOP, SCIC, and the CAE in either form.

The rules every French co-operative shares (loi 1947) sit in an unregistered base regime,
:data:`FR_COOP`, which :data:`FR_SCOP` and :data:`FR_SCIC` extend; each CAE regime extends the form
it takes. Figures come from ``shared/reference/france.md`` with its confidence tags.

References:
    * Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération, arts. 1, 3 bis, 14,
      16, 19, 19 quinquies to 19 quindecies (SCIC), 26-41 (CAE):
      https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004
    * Loi n° 78-763 du 19 juillet 1978 portant statut des sociétés coopératives de production,
      arts. 5, 14, 24, 26 ter, 33 (post-2014 consolidation, etalab commit 508ff8a7):
      https://github.com/etalab/lois-non-codifiees-et-reglements-francais
    * Loi n° 2016-1691 du 9 décembre 2016 (Sapin II) and décret n° 2017-446 du 30 mars 2017: the
      art. 14 cap is the mean TMO of the three previous calendar years plus two points.
    * Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, arts. 47-48;
      Code du travail, arts. L7331-1 ff.: https://code.travail.gouv.fr/code-du-travail/l7331-3
    * Décret n° 2015-1363 du 27 octobre 2015 (CAE; Code du travail R7331-1 ff.), in force on
      1 January 2016.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from cooprules.explain import Citation, Confidence, RuleKind, Text
from cooprules.money import Rate
from cooprules.parameters import Accompaniment, Capital, Company, Surplus, Voting
from cooprules.regime import Parameter, Regime
from cooprules_adapters.fr.membership import (
    CAE_MEMBERSHIP,
    CAE_SCIC_MEMBERSHIP,
    SCIC_MEMBERSHIP,
    SCOP_MEMBERSHIP,
)
from cooprules_adapters.fr.reserves import (
    COOP_CAPITAL,
    COOP_RESERVES,
    SCIC_CAPITAL,
    SCIC_RESERVES,
    SCOP_CAPITAL,
    SCOP_RESERVES,
)
from cooprules_adapters.fr.sources import (
    CAE_DECREE,
    CAE_LAW,
    ESS_LAW_IN_FORCE,
    ETALAB_1947,
    ETALAB_1978,
    FR,
    TRAVAIL,
    cite_1947,
    cite_1978,
    param,
)
from cooprules_adapters.fr.tmo import SOURCES, TMO, interest_cap, semesters_for
from cooprules_adapters.fr.voting import COOP_VOTING, SCIC_VOTING, SCOP_VOTING

__all__ = ["FR_CAE_SCIC", "FR_CAE_SCOP", "FR_COOP", "FR_SCIC", "FR_SCOP"]

LAW, STATUTE = RuleKind.LAW, RuleKind.STATUTE
LANGUAGES: Final = ("fr",)

# --- Loi 1947: the base of every French co-operative -----------------------------------------

ART_1 = cite_1947(
    "art. 1 al. 3; art. 9",
    url="https://www.legifrance.gouv.fr/loda/id/LEGISCTA000006084030",
    title="one vote per member co-operator at the general meeting (art. 9: [SRC-old])",
)
ART_16 = cite_1947(
    "art. 16 al. 2",
    title="while the reserves total less than the share capital, at least 3/20 of the surplus "
    "goes to the reserves (2001 wording; no later amendment located)",
)
ART_14_SOURCES = "; ".join(f"({letter}) {url}" for letter, url in SOURCES.items())

FIRST_GM_YEAR: Final = 2017
"""The first general-meeting year of the Sapin II rule the reference computes."""
FIRST_UNSOURCED_GM_YEAR: Final = 2025
"""The first general-meeting year whose TMO values are not sourced (S1 2024 onwards)."""


def _interest_cap_versions() -> tuple[Parameter, ...]:
    """One version of the art. 14 cap per general-meeting year, then an unverified open end."""
    versions = []
    for year in range(FIRST_GM_YEAR, FIRST_UNSOURCED_GM_YEAR):
        cap = interest_cap(year)
        if cap is None:  # pragma: no cover - the table covers 2014-2023
            raise AssertionError(year)
        semesters = semesters_for(year)
        inputs = ", ".join(f"S{h} {y}: {TMO[(y, h)][0]} %" for y, h in semesters)
        title = (
            f"GM held in {year}: mean TMO of {year - 3}-{year - 1} ({inputs}) + 2 points "
            f"= {round(cap.as_percent(), 4)} % (exact value kept)"
        )
        versions.append(
            param(
                Surplus.interest_rate_cap,
                cap,
                LAW,
                cite_1947(
                    "art. 14 (loi n° 2016-1691; décret n° 2017-446)",
                    title=f"{title}; TMO sources: {ART_14_SOURCES}",
                ),
                maximum=cap,
                valid_from=date(year, 1, 1),
                valid_until=date(year + 1, 1, 1),
            )
        )
    versions.append(
        param(
            Surplus.interest_rate_cap,
            None,
            LAW,
            cite_1947(
                "art. 14 (loi n° 2016-1691; décret n° 2017-446)",
                confidence=Confidence.UNC,
                title="TMO values from S1 2024 not found; one secondary source gives 4.80 % for "
                "GMs held in 2025 [UNC], not used",
            ),
            valid_from=date(FIRST_UNSOURCED_GM_YEAR, 1, 1),
        )
    )
    return tuple(versions)


FR_COOP = Regime(
    code="fr-coop",
    rules=(COOP_CAPITAL, COOP_RESERVES, COOP_VOTING),
    name="Société coopérative (loi du 10 septembre 1947)",
    name_en="Co-operative society (general statute of 1947)",
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        en="The general statute of French co-operatives: one member one vote, reserves first, "
        "interest on shares capped. Not registered on its own: SCOP and SCIC extend it.",
        fr="Le statut général de la coopération : un associé, une voix ; les excédents "
        "prioritairement mis en réserve ; intérêt aux parts plafonné. Non enregistré seul : "
        "la SCOP et la SCIC le complètent.",
    ),
    citations=(cite_1947("arts. 1 ff."),),
    parameters=(
        param(Voting.one_member_one_vote, True, LAW, ART_1),
        param(Surplus.reserves_rate, Rate.of("3/20"), LAW, ART_16, minimum=Rate.of("3/20")),
        *_interest_cap_versions(),
    ),
)

# --- SCOP -------------------------------------------------------------------------------------

ART_33_URL = ETALAB_1978 + "titre-ii/chapitre-ii/article-33.md"
ART_33 = cite_1978("art. 33", url=ART_33_URL, title="allocation of the net surplus (ENG)")
ART_3_BIS_URL = ETALAB_1947 + "titre-ier/article-3-bis.md"

FR_SCOP = Regime(
    code="fr-scop",
    rules=(SCOP_MEMBERSHIP, SCOP_CAPITAL, SCOP_RESERVES, SCOP_VOTING),
    name="Société coopérative de production (SCOP)",
    name_en="Worker co-operative (SCOP)",
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    extends=FR_COOP,
    description=Text(
        en="A co-operative whose employees are the majority associates (SARL, SAS or SA with "
        "variable capital). Its net surplus is split by law: 15 % legal reserve, at least 25 % "
        "to all employees, interest on shares capped in amount, not by the art. 14 rate.",
        fr="Coopérative dont les salariés sont les associés majoritaires (SARL, SAS ou SA à "
        "capital variable). Ses excédents nets de gestion sont répartis par la loi : 15 % en "
        "réserve légale, au moins 25 % à tous les salariés, intérêts aux parts plafonnés en "
        "montant et non par le taux de l'article 14.",
    ),
    citations=(
        cite_1978("arts. 1 ff.", url=ETALAB_1978.replace("/blob/", "/tree/")),
        cite_1947("arts. 1 ff."),
    ),
    parameters=(
        param(
            Surplus.interest_rate_cap,
            None,
            STATUTE,
            cite_1978(
                "art. 33 4°",
                url=ART_33_URL,
                title="\"Le plafond prévu à l'article 14 de la loi n° 47-1775 … n'est pas "
                'applicable."',
            ),
            description=Text(
                en="no rate cap: loi 1947 art. 14 does not apply to a SCOP; total interest on "
                "shares may exceed neither the allocations to the reserves (1° and 2°) nor the "
                "worker share (3°)",
                fr="pas de taux plafond : l'article 14 de la loi de 1947 ne s'applique pas à la "
                "SCOP ; le total des intérêts aux parts ne peut excéder ni les dotations aux "
                "réserves (1° et 2°) ni la part travail (3°)",
            ),
        ),
        param(
            Surplus.legal_reserve_rate,
            Rate.of("15%"),
            LAW,
            cite_1978(
                "art. 33 1°",
                url=ART_33_URL,
                title='"une fraction de 15 %", until the legal reserve equals the highest '
                "capital ever reached (allocation in the year it is reached: [UNC])",
            ),
        ),
        param(
            Surplus.reserves_rate,
            None,
            STATUTE,
            cite_1978(
                "art. 33 1°-2°",
                url=ART_33_URL,
                title="legal reserve plus a fraction to the fonds de développement set by the "
                "statutes; the total must be at least the interest on shares (4°)",
            ),
        ),
        param(
            Surplus.worker_share_rate,
            Rate.of("25%"),
            LAW,
            cite_1978(
                "art. 33 3°",
                url=ART_33_URL,
                title="at least 25 % to all employees with 3 months' presence in the year or "
                "6 months' seniority",
            ),
            minimum=Rate.of("25%"),
        ),
        param(
            Surplus.reserves_indivisible,
            True,
            LAW,
            cite_1978(
                "art. 26 ter",
                url=ETALAB_1978 + "titre-ii/chapitre-ier/article-26-ter.md",
                title="a SCOP may not incorporate reserves into capital (loi 1947 art. 16 al. "
                "3-4); the liquidation surplus is devolved (loi 1947 art. 19)",
            ),
        ),
        param(
            Company.min_employee_associates,
            2,
            LAW,
            cite_1978(
                "art. 5",
                url=ETALAB_1978 + "titre-ier/chapitre-ii/article-5.md",
                title="two employee-associates in a SARL or SAS (an older version said 4 for a "
                "SARL, date not established); below for over a year: dissolution risk",
            ),
            minimum=2,
        ),
        param(
            Company.min_employee_associates_sa,
            7,
            LAW,
            cite_1978(
                "art. 5",
                url=ETALAB_1978 + "titre-ier/chapitre-ii/article-5.md",
                title="seven employee-associates in an SA",
            ),
            minimum=7,
        ),
        param(
            Capital.max_holding_share,
            Rate.of("1/2"),
            LAW,
            cite_1978(
                "art. 24",
                url=ETALAB_1978 + "titre-ii/chapitre-ier/article-24.md",
                title="at most the statutory maximum, and at most half of the capital "
                "(post-2014 text; the earlier 1/4 rule is superseded)",
            ),
            maximum=Rate.of("1/2"),
        ),
        param(
            Voting.proxies_allowed,
            True,
            LAW,
            cite_1978(
                "art. 14",
                url="https://tricoteuses.fr/legifrance/sections/LEGISCTA000006133481",
                title="only to another associate; at most one proxy under 20 associates, else "
                "at most 1/20 of the associates",
            ),
        ),
        param(
            Voting.non_cooperator_vote_cap,
            Rate.of("35%"),
            LAW,
            cite_1947(
                "art. 3 bis (before loi n° 2014-856)",
                url="https://www.legifrance.gouv.fr/affichTexte.do?cidTexte=JORFTEXT000000684004"
                "&idSectionTA=LEGISCTA000019121763&dateTexte=20180625",
                title="single cap of 35 % of the votes for all non-cooperator associates",
            ),
            maximum=Rate.of("35%"),
            valid_until=ESS_LAW_IN_FORCE,
        ),
        param(
            Voting.non_cooperator_vote_cap,
            Rate.of("49%"),
            LAW,
            cite_1947(
                "art. 3 bis",
                url=ART_3_BIS_URL,
                title="49 % for all non-cooperator associates together (loi n° 2014-856)",
            ),
            maximum=Rate.of("49%"),
            valid_from=ESS_LAW_IN_FORCE,
        ),
        param(
            Voting.non_cooperative_outsider_vote_cap,
            Rate.of("35%"),
            LAW,
            cite_1947(
                "art. 3 bis",
                url=ART_3_BIS_URL,
                title="35 % for the non-cooperator associates that are not co-operative "
                "societies; above it their votes are reduced pro rata",
            ),
            maximum=Rate.of("35%"),
            valid_from=ESS_LAW_IN_FORCE,
        ),
    ),
)

# --- SCIC -------------------------------------------------------------------------------------

SCIC_FAQ = "http://www.les-scic.coop/sites/fr/les-scic/FAQ/Resultats_et_reserves_impartageables"

FR_SCIC = Regime(
    code="fr-scic",
    rules=(SCIC_MEMBERSHIP, SCIC_CAPITAL, SCIC_RESERVES, SCIC_VOTING),
    name="Société coopérative d'intérêt collectif (SCIC)",
    name_en="Multi-stakeholder co-operative of collective interest (SCIC)",
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    extends=FR_COOP,
    description=Text(
        en="A co-operative (SA, SAS or SARL with variable capital) producing goods or services "
        "of collective interest, with at least three categories of associates, voting colleges "
        "of 10 % to 50 % of the votes, at least 57.5 % of the result to indivisible reserves and "
        "interest on shares capped by loi 1947 art. 14.",
        fr="Coopérative (SA, SAS ou SARL à capital variable) produisant des biens ou services "
        "d'intérêt collectif, avec au moins trois catégories d'associés, des collèges de vote de "
        "10 % à 50 % des voix, au moins 57,5 % du résultat en réserves impartageables et un "
        "intérêt aux parts plafonné par l'article 14 de la loi de 1947.",
    ),
    citations=(
        cite_1947("arts. 19 quinquies to 19 quindecies"),
        cite_1947("arts. 1 ff."),
    ),
    parameters=(
        param(
            Company.min_categories,
            3,
            LAW,
            cite_1947(
                "art. 19 septies",
                title="at least 3 categories, including the habitual beneficiaries and the "
                "employees (or, without employees, the producers) (version of 23 Feb 2022)",
            ),
            minimum=3,
        ),
        param(
            Capital.public_bodies_max_share,
            Rate.of("20%"),
            LAW,
            cite_1947(
                "art. 19 septies (before loi n° 2014-856)",
                confidence=Confidence.SRC_OLD,
                title="20 % before the 2014 reform (per a secondary source)",
            ),
            maximum=Rate.of("20%"),
            valid_until=ESS_LAW_IN_FORCE,
        ),
        param(
            Capital.public_bodies_max_share,
            Rate.of("50%"),
            LAW,
            cite_1947("art. 19 septies", title="local authorities together at most 50 %"),
            maximum=Rate.of("50%"),
            valid_from=ESS_LAW_IN_FORCE,
        ),
        param(
            Voting.min_colleges,
            3,
            LAW,
            cite_1947(
                "art. 19 octies",
                url="https://2012-2017.nosdeputes.fr/14/amendement/1536/CE391",
                title='"trois ou plusieurs collèges" (2014 wording quoted as the SCIC rule)',
            ),
            minimum=3,
        ),
        param(
            Voting.college_min_weight,
            Rate.of("10%"),
            LAW,
            cite_1947(
                "art. 19 octies",
                url="https://www.avocatsetpartenaires.fr/actualite-juridique/114-scic.html",
                title="no college below 10 % of the votes; equal weights by default; capital "
                "never a weighting criterion",
            ),
            minimum=Rate.of("10%"),
        ),
        param(
            Voting.college_max_weight,
            Rate.of("50%"),
            LAW,
            cite_1947(
                "art. 19 octies",
                url="https://www.avocatsetpartenaires.fr/actualite-juridique/114-scic.html",
                title="no college above 50 % of the votes",
            ),
            maximum=Rate.of("50%"),
        ),
        param(
            Surplus.legal_reserve_rate,
            Rate.of("15%"),
            LAW,
            cite_1947(
                "art. 16 al. 2",
                url=SCIC_FAQ,
                title="at least 15 % until the legal reserve equals the share capital",
            ),
            minimum=Rate.of("15%"),
        ),
        param(
            Surplus.reserves_rate,
            Rate.of("57.5%"),
            LAW,
            cite_1947(
                "art. 19 nonies",
                url=SCIC_FAQ,
                title="15 % legal reserve + at least 50 % of the balance = 57.5 % of the result "
                "(50 % once the legal reserve is no longer due: [UNC], not encoded)",
            ),
            minimum=Rate.of("57.5%"),
        ),
        param(
            Surplus.reserves_indivisible,
            True,
            LAW,
            cite_1947(
                "art. 19 nonies",
                url=SCIC_FAQ,
                title="réserves impartageables; art. 15 and art. 16 al. 3-4 do not apply",
            ),
        ),
    ),
)

# --- CAE --------------------------------------------------------------------------------------

CAE_DEFINITION = cite_1947(
    "art. 26-41",
    url=ETALAB_1947 + "titre-iii-ter/article-26-41.md",
    title="CAE: support for the creation and development of economic activities by "
    "entrepreneurs who are natural persons",
)
CAE_TRAVAIL = Citation(
    TRAVAIL,
    "arts. L7331-1 ff.",
    FR,
    Confidence.SRC,
    "https://code.travail.gouv.fr/code-du-travail/l7331-3",
    "entrepreneurs salariés associés (created by loi n° 2014-856, art. 48)",
)
CAE_DECREE_CITATION = Citation(
    CAE_DECREE,
    "art. 1 (Code du travail R7331-1 ff.)",
    FR,
    Confidence.SRC,
    "https://www.essnormandie.org/parution-du-decret-sur-les-cooperatives-dactivites-et-demploi/",
    "in force on 1 January 2016",
)
CAE_DECREE_IN_FORCE: Final = date(2016, 1, 1)

CAE_PARAMETERS: Final = (
    param(
        Accompaniment.associate_deadline_months,
        36,
        LAW,
        Citation(
            TRAVAIL,
            "art. L7331-3",
            FR,
            Confidence.SRC,
            "https://code.travail.gouv.fr/code-du-travail/l7331-3",
            "at most three years from the contract, less any prior CAPE or other contract; "
            "the contract ends if the entrepreneur has not become an associate",
        ),
        maximum=36,
        valid_from=ESS_LAW_IN_FORCE,
    ),
    param(
        Accompaniment.trial_max_months,
        8,
        LAW,
        Citation(
            TRAVAIL,
            "art. L7332-1",
            FR,
            Confidence.SRC,
            "https://www.legifrance.gouv.fr/codes/id/LEGIARTI000029317537/2014-08-02",
            "at most 8 months, renewal included, less any prior CAPE or other contract",
        ),
        maximum=8,
        valid_from=ESS_LAW_IN_FORCE,
    ),
    param(
        Accompaniment.min_support_interviews,
        2,
        LAW,
        Citation(
            CAE_DECREE,
            "art. 1 (Code du travail R7331-x; number not retrieved)",
            FR,
            Confidence.SRC,
            CAE_DECREE_CITATION.url,
            '"minimum deux entretiens par an" (from a summary of the decree)',
        ),
        minimum=2,
        valid_from=CAE_DECREE_IN_FORCE,
    ),
)
"""The CAE rules, the same in either form (Code du travail and décret 2015-1363)."""

CAE_CITATIONS: Final = (
    CAE_DEFINITION,
    CAE_TRAVAIL,
    CAE_DECREE_CITATION,
    Citation(CAE_LAW, "arts. 47-48", FR, Confidence.SRC, None, "created the CAE"),
)

FR_CAE_SCOP = Regime(
    code="fr-cae-scop",
    rules=(CAE_MEMBERSHIP,),
    name="Coopérative d'activité et d'emploi (CAE) sous forme de SCOP",
    name_en="Business and employment co-operative (CAE) in SCOP form",
    extends=FR_SCOP,
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        en="A SCOP whose object is to host entrepreneurs as employees (CESA contract): they "
        "must become associates within three years; the SCOP rules apply to the co-op itself.",
        fr="SCOP dont l'objet est d'accueillir des entrepreneurs salariés (contrat CESA), qui "
        "doivent devenir associés dans les trois ans ; les règles de la SCOP s'appliquent à la "
        "coopérative.",
    ),
    citations=CAE_CITATIONS,
    parameters=CAE_PARAMETERS,
)
FR_CAE_SCIC = Regime(
    code="fr-cae-scic",
    rules=(CAE_SCIC_MEMBERSHIP,),
    name="Coopérative d'activité et d'emploi (CAE) sous forme de SCIC",
    name_en="Business and employment co-operative (CAE) in SCIC form",
    extends=FR_SCIC,
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        en="A SCIC whose object is to host entrepreneurs as employees (CESA contract): they "
        "must become associates within three years; the SCIC rules apply to the co-op itself.",
        fr="SCIC dont l'objet est d'accueillir des entrepreneurs salariés (contrat CESA), qui "
        "doivent devenir associés dans les trois ans ; les règles de la SCIC s'appliquent à la "
        "coopérative.",
    ),
    citations=CAE_CITATIONS,
    parameters=CAE_PARAMETERS,
)
