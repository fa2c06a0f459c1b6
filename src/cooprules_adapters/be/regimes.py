"""The Belgian regimes as data: accredited co-operative (CNC), social enterprise, activity co-op.

The rules of every société coopérative under the CSA sit in an unregistered base regime,
:data:`BE_SC`, which the two accreditations extend; an activity co-op is a social enterprise
(formerly an SFS) and extends :data:`BE_SCES`. Figures come from ``shared/reference/belgium.md``
with its confidence tags; the CSA rules apply from its entry into force on 1 May 2019 (to companies
that existed before, its mandatory rules apply from 1 January 2020).

References:
    * Code des sociétés et des associations (CSA, loi du 23 mars 2019), Book 6 (société
      coopérative) and Book 8 (accreditations, art. 8:5):
      https://www.ejustice.just.fgov.be/eli/loi/2019/03/23/2019A40586/justel
    * Loi du 20 juillet 1955 (Conseil national de la coopération, renamed in 2019); its
      replacement, the Loi du 3 mai 2024, is not in force until a royal decree says so.
    * AR du 8 janvier 1962 fixant les conditions d'agrément des sociétés coopératives, as
      replaced by the AR du 4 mai 2016, art. 1 §1.
    * AR du 28 juin 2019 fixant les conditions d'agrément comme entreprise agricole et comme
      entreprise sociale, art. 6:
      https://etaamb.openjustice.be/nl/nl/arrete-royal-du-28-juin-2019_n2019030678.html
    * Code des sociétés (1999), art. 661 (société à finalité sociale, until 30 April 2019).
    * Loi du 1er mars 2007 portant des dispositions diverses (III), art. 80 (coopérative
      d'activités, candidat-entrepreneur), and its implementing royal decree (applied from 2009).
"""

from __future__ import annotations

from datetime import date
from typing import Final

from cooprules.explain import Citation, Confidence, RuleKind, Text
from cooprules.money import Rate, money
from cooprules.parameters import Accompaniment, Capital, Company, Surplus, Voting
from cooprules.regime import Parameter, Regime
from cooprules_adapters.be.membership import ACTIVITY_MEMBERSHIP, BONUS_SINCE, CSA_MEMBERSHIP
from cooprules_adapters.be.reserves import CSA_CAPITAL, CSA_RESERVES, SCES_CAPITAL, SCES_RESERVES
from cooprules_adapters.be.voting import CNC_VOTING, CSA_VOTING, SCES_VOTING

__all__ = ["BE_ACTIVITY", "BE_CNC", "BE_SC", "BE_SCES", "CSA_IN_FORCE"]

BE: Final = "BE"
LANGUAGES: Final = ("fr", "nl", "de")
LAW, DEFAULT, STATUTE = RuleKind.LAW, RuleKind.DEFAULT, RuleKind.STATUTE
SRC, SRC_2, MEM, UNC = Confidence.SRC, Confidence.SRC_2, Confidence.MEM, Confidence.UNC

CSA_IN_FORCE: Final = date(2019, 5, 1)
"""The CSA's entry into force; the entreprise sociale accreditation replaced the SFS that day."""

CSA: Final = "Code des sociétés et des associations"
OLD_CODE: Final = "Code des sociétés (1999)"
AR_1962: Final = (
    "AR du 8 janvier 1962 fixant les conditions d'agrément des sociétés coopératives "
    "(as replaced by the AR du 4 mai 2016)"
)
AR_2019: Final = "AR du 28 juin 2019 (agrément comme entreprise sociale)"
LOI_2007: Final = "Loi du 1er mars 2007 portant des dispositions diverses (III)"

CSA_URL: Final = "https://www.ejustice.just.fgov.be/eli/loi/2019/03/23/2019A40586/justel"
COOPFABRIK_BOOK_6: Final = (
    "https://coopfabrik.be/cooperaties-zijn-keihard-buiten-is-buiten-en-andere-bepalingen-uit-"
    "het-wetboek-die-je-zeker-moet-weten/"
)
ECONOMIE_ES: Final = (
    "https://economie.fgov.be/fr/themes/entreprises/creer-une-entreprise/demarches-pour-creer-"
    "une/formes-de-societes/societes-cooperatives/agrement-comme-entreprise"
)
FLANDERS_ES: Final = (
    "https://cooperatiefvlaanderen.be/nieuws/de-sociale-onderneming-alle-erkenningscriteria-zijn-"
    "gekend"
)


def _cite(
    instrument: str,
    article: str,
    confidence: Confidence,
    url: str | None,
    title: str | None = None,
) -> Citation:
    return Citation(instrument, article, BE, confidence, url, title)


_param = Parameter.of


# --- CSA: every société coopérative ----------------------------------------------------------

CSA_BOOK_6 = _cite(CSA, "Book 6 (arts. 6:1 ff.)", SRC_2, CSA_URL, "the société coopérative")

BE_SC = Regime(
    code="be-sc",
    rules=(CSA_MEMBERSHIP, CSA_CAPITAL, CSA_RESERVES, CSA_VOTING),
    name="Société coopérative (CSA)",
    name_en="Co-operative company (Companies and Associations Code)",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        en="The société coopérative of Book 6 of the CSA: at least three shareholders, one vote "
        "per share unless the articles say otherwise, no legal reserve (distributions pass the "
        "net-asset and liquidity tests instead). Not registered on its own: the accreditations "
        "extend it.",
        fr="La société coopérative du livre 6 du CSA : au moins trois actionnaires, une voix par "
        "action sauf disposition statutaire contraire, pas de réserve légale (les distributions "
        "passent le test d'actif net et le test de liquidité). Non enregistrée seule : les "
        "agréments la complètent.",
    ),
    citations=(CSA_BOOK_6,),
    parameters=(
        _param(
            Company.min_founders,
            3,
            LAW,
            _cite(
                CSA,
                "Book 6 (at least three shareholders)",
                SRC_2,
                "http://www.trv.be/trv/text.aspx?l=NL&id=1209",
                '"Minstens drie aandeelhouders" (doctrine table of contents)',
            ),
            minimum=3,
            valid_from=CSA_IN_FORCE,
        ),
        _param(
            Company.min_members,
            3,
            LAW,
            _cite(
                CSA,
                "art. 6:126",
                SRC,
                "https://fiscosearch.be/collecties/wetboek-vennootschappen-verenigingen/"
                "artikel-6-126",
                "below three shareholders any interested party may ask the court to dissolve "
                "the co-op (a dissolution risk, not an automatic dissolution)",
            ),
            minimum=3,
            valid_from=CSA_IN_FORCE,
        ),
        _param(
            Voting.one_member_one_vote,
            False,  # noqa: FBT003
            DEFAULT,
            _cite(CSA, "art. 6:41", SRC_2, COOPFABRIK_BOOK_6, "one vote per share, by default"),
            valid_from=CSA_IN_FORCE,
        ),
        _param(
            Voting.proxies_allowed,
            True,  # noqa: FBT003
            DEFAULT,
            _cite(
                CSA,
                "art. 6:80",
                SRC_2,
                COOPFABRIK_BOOK_6,
                "proxies allowed by default; the proxy need not be a shareholder",
            ),
            valid_from=CSA_IN_FORCE,
        ),
        _param(
            Surplus.legal_reserve_rate,
            Rate.of("5%"),
            LAW,
            _cite(
                OLD_CODE,
                "legal reserve of the SCRL (article not given in the reference)",
                SRC_2,
                "https://fidelium.eu/fr/nouvelles-fiscales-belgique/la-reserve-legale-dans-le-csa",
                "5 % of the profit until the reserve reaches 10 % of the fixed capital",
            ),
            valid_until=CSA_IN_FORCE,
        ),
        _param(
            Surplus.legal_reserve_rate,
            Rate.of("0"),
            LAW,
            _cite(
                CSA,
                "Book 6 (no legal reserve)",
                SRC_2,
                "https://fidelium.eu/fr/nouvelles-fiscales-belgique/la-reserve-legale-dans-le-csa",
                "no capital, so no legal reserve; statutorily unavailable equity is optional",
            ),
            valid_from=CSA_IN_FORCE,
        ),
    ),
)

# --- CNC accreditation ------------------------------------------------------------------------

BE_CNC = Regime(
    code="be-cnc",
    rules=(CNC_VOTING,),
    name="Société coopérative agréée (CNC)",
    name_en="Accredited co-operative (National Council for Co-operation)",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SC,
    aliases=("be-nrc",),
    description=Text(
        en="A société coopérative accredited by the National Council for Co-operation: one "
        "person one vote or no one above 1/10 of the votes present or represented, dividend at "
        "most 6 % of the nominal value of the shares (after withholding tax), unpaid directors, "
        "patronage refunds pro rata of transactions.",
        fr="Société coopérative agréée par le Conseil national de la coopération : une personne "
        "une voix ou personne au-delà d'un dixième des voix présentes ou représentées, dividende "
        "d'au plus 6 % de la valeur nominale des parts (après précompte), mandat "
        "d'administrateur gratuit, ristournes au prorata des opérations.",
    ),
    citations=(
        _cite(
            AR_1962,
            "art. 1",
            SRC_2,
            "https://www.cera.coop/nl/cooperaties/info-en-onderzoek/juridische-info/3-erkenning-nrc",
            "the nine accreditation conditions",
        ),
        _cite(CSA, "art. 8:4", MEM, CSA_URL, "CNC accreditation (article number recalled)"),
        _cite(
            "Loi du 20 juillet 1955 portant institution d'un Conseil national de la coopération",
            "renamed in 2019",
            SRC,
            "https://etaamb.openjustice.be/nl/nl/arrete-royal-du-28-juin-2019_n2019030678.html",
        ),
        _cite(
            "Loi du 3 mai 2024 portant institution d'un Conseil national de la coopération et de "
            "l'entreprise sociale",
            "entry into force left to a royal decree",
            UNC,
            "https://etaamb.openjustice.be/fr/nl/loi-du-03-mai-2024_n2024005017.html",
            "not in force as far as the sources show; whether it changes the conditions is open",
        ),
        CSA_BOOK_6,
    ),
    parameters=(
        _param(
            Voting.member_vote_cap,
            Rate.of("1/10"),
            LAW,
            _cite(
                AR_1962,
                "art. 1 §1 (condition 3, democratic vote)",
                SRC_2,
                "https://labelfinancite.be/question/cest-quoi-une-cooperative-agreee-par-le-cnc/",
                "one person one vote, or no shareholder votes for more than 1/10 of the votes "
                "attached to the shares present or represented",
            ),
            maximum=Rate.of("1/10"),
        ),
        _param(
            Capital.dividend_cap,
            Rate.of("6%"),
            LAW,
            _cite(
                AR_1962,
                "art. 1 §1 5°",
                SRC_2,
                "https://coopfabrik.be/das-straf-erkende-cooperaties-mogen-meer-dan-6-dividend-"
                "geven/",
                '"niet hoger … dan 6 procent van de nominale waarde van de aandelen, na aftrek '
                'van de roerende voorheffing", per share',
            ),
            maximum=Rate.of("6%"),
        ),
        _param(
            Capital.dividend_cap_basis,
            "nominal_net_of_withholding",
            DEFAULT,
            _cite(
                AR_1962,
                "art. 1 §1 5°",
                SRC_2,
                "https://coopfabrik.be/das-straf-erkende-cooperaties-mogen-meer-dan-6-dividend-"
                "geven/",
                "the reading given with the quoted text; capping 6 % gross is stricter and "
                "allowed ('nominal_gross')",
            ),
        ),
    ),
)

# --- Social enterprise (formerly société à finalité sociale) ---------------------------------

SFS_ART_661 = _cite(
    OLD_CODE,
    "art. 661",
    MEM,
    None,
    "société à finalité sociale: the vote caps are recalled, not found in a source",
)

BE_SCES = Regime(
    code="be-sces",
    rules=(SCES_CAPITAL, SCES_RESERVES, SCES_VOTING),
    name="Société coopérative agréée comme entreprise sociale",
    name_en="Co-operative accredited as a social enterprise",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SC,
    aliases=("be-sfs",),
    description=Text(
        en="A société coopérative accredited as a social enterprise (CSA 8:5), successor of the "
        "société à finalité sociale on 1 May 2019: positive societal impact as main aim, no "
        "shareholder above 1/10 of the votes, patrimonial advantage at most 6 %, exit at most at "
        "nominal value, liquidation surplus to a purpose close to its object. Dates before "
        "1 May 2019 carry the SFS rules.",
        fr="Société coopérative agréée comme entreprise sociale (CSA 8:5), qui succède à la "
        "société à finalité sociale le 1er mai 2019 : impact sociétal positif comme but "
        "principal, aucun actionnaire au-delà d'un dixième des voix, avantage patrimonial d'au "
        "plus 6 %, démission au plus à la valeur nominale, boni de liquidation affecté à une "
        "fin proche de l'objet. Avant le 1er mai 2019 s'appliquent les règles de la SFS.",
    ),
    citations=(
        _cite(CSA, "art. 8:5", SRC, ECONOMIE_ES, "the entreprise sociale accreditation"),
        _cite(AR_2019, "art. 6", SRC, ECONOMIE_ES, "the accreditation conditions"),
        _cite(
            OLD_CODE,
            "art. 661",
            SRC_2,
            "http://www.wordscope.be/neerlandais/francais/co%C3%B6peraties+die+werkelijk.html",
            "société à finalité sociale, before 1 May 2019 (conditions mostly recalled [MEM])",
        ),
        CSA_BOOK_6,
    ),
    parameters=(
        _param(Voting.member_vote_cap, None, STATUTE, SFS_ART_661, valid_until=CSA_IN_FORCE),
        _param(
            Voting.member_vote_cap,
            Rate.of("1/10"),
            LAW,
            _cite(
                AR_2019,
                "art. 6",
                SRC_2,
                FLANDERS_ES,
                "no shareholder votes for more than 1/10 of the votes attached to the shares "
                "represented",
            ),
            maximum=Rate.of("1/10"),
            valid_from=CSA_IN_FORCE,
        ),
        _param(
            Voting.staff_member_vote_cap,
            None,
            STATUTE,
            _cite(
                OLD_CODE,
                "art. 661",
                MEM,
                None,
                "1/20 when one or more shareholders are staff, recalled only: not a legal figure "
                "here",
            ),
            valid_until=CSA_IN_FORCE,
        ),
        _param(
            Capital.dividend_cap,
            Rate.of("6%"),
            LAW,
            _cite(
                OLD_CODE,
                "art. 661 §1 5°",
                SRC_2,
                "http://www.wordscope.be/neerlandais/francais/co%C3%B6peraties+die+werkelijk.html",
                "the rate fixed under the 1955 law (AR 8 Jan 1962), applied to the amount paid "
                "up on the shares",
            ),
            maximum=Rate.of("6%"),
            valid_until=CSA_IN_FORCE,
        ),
        _param(
            Capital.dividend_cap,
            Rate.of("6%"),
            LAW,
            _cite(
                AR_2019,
                "art. 6",
                SRC,
                "http://newsletter-nrc-cnc.be/index.php/fr/faq/98-qu-est-ce-qui-remplace-la-"
                "qualification-de-societe-a-finalite-sociale",
                "any patrimonial advantage at most the rate fixed by the King under the CNC law "
                "(6 %)",
            ),
            maximum=Rate.of("6%"),
            valid_from=CSA_IN_FORCE,
        ),
        _param(
            Capital.dividend_cap_basis,
            "paid_up",
            LAW,
            _cite(
                OLD_CODE,
                "art. 661 §1 5°",
                SRC_2,
                "http://www.wordscope.be/neerlandais/francais/co%C3%B6peraties+die+werkelijk.html",
                "applied to the amount actually paid up on the shares",
            ),
            valid_until=CSA_IN_FORCE,
        ),
        _param(
            Capital.dividend_cap_basis,
            None,
            STATUTE,
            _cite(
                AR_2019,
                "art. 6",
                UNC,
                ECONOMIE_ES,
                "the reference does not say whether the 6 % applies to the nominal value or the "
                "paid-up amount, gross or net",
            ),
            valid_from=CSA_IN_FORCE,
        ),
    ),
)

# --- Activity co-op ---------------------------------------------------------------------------

_BONUS = _cite(
    LOI_2007,
    "art. 80 and implementing AR (complément de reprise du travail)",
    SRC_2,
    "http://www.1819.be/fr/subsides/complement-de-reprise-du-travail-cooperative-dactivites",
    "EUR 100 a month for up to 12 months to a candidate who sets up as self-employed "
    "after at least 6 months; historic federal scheme, now regional",
)
"""The historic federal resumption bonus (dated: set-ups after 4 August 2009)."""

BE_ACTIVITY = Regime(
    code="be-activity",
    rules=(ACTIVITY_MEMBERSHIP,),
    name="Coopérative d'activités",
    name_en="Business co-operative for candidate entrepreneurs",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SCES,
    description=Text(
        en="A social enterprise (formerly an SFS) whose object is to advise, accompany and "
        "support candidate entrepreneurs under an accompaniment convention of at most 18 months, "
        "at least 60 % of them from the legal target group.",
        fr="Entreprise sociale (auparavant SFS) dont l'objet est de conseiller, accompagner et "
        "soutenir des candidats-entrepreneurs sous une convention d'accompagnement d'au plus "
        "18 mois, dont au moins 60 % issus du public cible légal.",
    ),
    citations=(
        _cite(
            LOI_2007,
            "art. 80",
            SRC,
            "https://news.belgium.be./fr/cooperatives-dactivites-0",
            "1° coopérative d'activités, 2° candidat-entrepreneur",
        ),
        _cite(
            "AR implementing art. 80 of the Loi du 1er mars 2007",
            "date and numac not found",
            UNC,
            "https://www.lecho.be/telex/general-exterieur/emploi-des-independants-un-arrete-"
            "royal-pour-la-cooperative-d-activites/8175134.html",
            "adopted after a first reading on 12 Sept 2008; applied from 2009",
        ),
    ),
    parameters=(
        _param(
            Accompaniment.max_months,
            18,
            LAW,
            _cite(
                LOI_2007,
                "art. 80 and implementing AR (convention d'accompagnement)",
                SRC_2,
                "https://www.lecho.be/telex/general-exterieur/emploi-des-independants-un-arrete-"
                "royal-pour-la-cooperative-d-activites/8175134.html",
                "the accompaniment convention lasts at most 18 months",
            ),
            maximum=18,
        ),
        _param(
            Accompaniment.target_group_min_share,
            Rate.of("60%"),
            LAW,
            _cite(
                LOI_2007,
                "art. 80 and implementing AR (target group)",
                SRC_2,
                "https://www.leforem.be/particuliers/dispenses-candidat-entrepreneur-cooperative-"
                "activites.html",
                "at least 60 % of the candidates: under 50 with 156 days of unemployment in 18 "
                "months, 50 or over with 78 days in 9 months, or on social aid",
            ),
            minimum=Rate.of("60%"),
        ),
        *(
            _param(key, value, LAW, _BONUS, valid_from=BONUS_SINCE)
            for key, value in (
                (Accompaniment.resumption_bonus_monthly, money("100.00", "EUR")),
                (Accompaniment.resumption_bonus_months, 12),
                (Accompaniment.resumption_bonus_min_months, 6),
            )
        ),
    ),
)
