"""The Quebec regimes as data: work, solidarity and producers' co-operatives.

Every co-operative under the Cooperatives Act shares the rules of an unregistered base regime,
:data:`QC_COOP`, which the three registered regimes extend. Figures come from
``shared/reference/quebec.md`` with its confidence tags. The reference gives no date for the 2003
changes it mentions (the s. 146 reserve rule, the s. 224.2 trial period), so only the current
versions are encoded, from no particular start date.

References:
    * Cooperatives Act / Loi sur les coopératives, CQLR c C-67.2:
      https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2
    * s. 4 (rules of co-operative action: one member one vote, no proxy, limited interest,
      reserve), s. 7 (founders), ss. 143-147 (surplus and reserve), ss. 149.1-149.6 (enhancement
      reserve), s. 185 (liquidation), ss. 222 ff. (work co-ops: 223.1 founders, 224.2 trial
      period), ss. 226.1 ff. (solidarity co-ops, not read in a primary source).
    * Ministère de l'Économie (MEIE) explainers on voting and on co-operative types.
"""

from __future__ import annotations

from typing import Final

from cooprules.explain import Citation, Confidence, RuleKind, Text
from cooprules.money import Rate
from cooprules.parameters import Capital, Company, Membership, Surplus, Voting
from cooprules.regime import Parameter, Regime
from cooprules_adapters.qc.membership import (
    MEMBERSHIP,
    SOLIDARITY_MEMBERSHIP,
    WORK_MEMBERSHIP,
)
from cooprules_adapters.qc.reserves import CAPITAL, RESERVES
from cooprules_adapters.qc.voting import SOLIDARITY_VOTING, VOTING, WORK_VOTING

__all__ = ["QC_COOP", "QC_PRODUCER", "QC_SOLIDARITY", "QC_WORK"]

QC: Final = "CA-QC"
LANGUAGES: Final = ("fr", "en")
ACT: Final = "Cooperatives Act (CQLR c C-67.2)"
ACT_URL: Final = "https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2"
LAW, DEFAULT, STATUTE = RuleKind.LAW, RuleKind.DEFAULT, RuleKind.STATUTE
SRC, SRC_2, MEM, UNC = Confidence.SRC, Confidence.SRC_2, Confidence.MEM, Confidence.UNC

MEIE_VOTE: Final = (
    "https://economie.gouv.qc.ca/bibliotheques/apercu/info-coop/gouvernance/le-vote-ou-"
    "lexpression-du-pouvoir-decisionnel-au-sein-des-cooperatives"
)


def _cite(article: str, confidence: Confidence, url: str | None, title: str) -> Citation:
    return Citation(ACT, article, QC, confidence, url, title)


_param = Parameter.of


S4 = _cite(
    "s. 4",
    SRC,
    "http://www.legisquebec.gouv.qc.ca/en/document/cs/c-67.2/20150429",
    "rules of co-operative action: no member has more than one vote, whatever the shares held, "
    "and no one may vote by proxy",
)
S146 = "http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:146&pointInTime=20191011"
S149_3 = "https://legisquebec.gouv.qc.ca/en/version/cs/C-67.2?code=se%3A149_3&history=20241104"

QC_COOP = Regime(
    code="qc-coop",
    rules=(MEMBERSHIP, CAPITAL, RESERVES, VOTING),
    name="Coopérative (Loi sur les coopératives)",
    name_en="Co-operative (Cooperatives Act)",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    description=Text(
        en="The rules every co-operative under the Cooperatives Act shares: one member one "
        "vote, no proxy, limited interest on capital, an indivisible reserve fed with at least "
        "10 % + 10 % of the surplus while equity is below 40 % of debts. Not registered on its "
        "own: each type of co-op extends it.",
        fr="Les règles communes à toute coopérative régie par la Loi sur les coopératives : un "
        "membre, une voix, pas de vote par procuration, intérêt limité sur le capital, une "
        "réserve impartageable dotée d'au moins 10 % + 10 % des trop-perçus tant que l'avoir est "
        "inférieur à 40 % des dettes. Non enregistrée seule : chaque type de coopérative la "
        "complète.",
    ),
    citations=(_cite("ss. 1 ff.", SRC, ACT_URL, "the Cooperatives Act"),),
    parameters=(
        _param(Voting.one_member_one_vote, True, LAW, S4),  # noqa: FBT003
        _param(Voting.proxies_allowed, False, LAW, S4),  # noqa: FBT003
        _param(
            Voting.family_representation_allowed,
            True,  # noqa: FBT003
            DEFAULT,
            _cite(
                "section not identified (MEIE explainer)",
                SRC_2,
                MEIE_VOTE,
                "a member may be represented by a non-member spouse or adult child unless the "
                "by-laws forbid it",
            ),
        ),
        _param(
            Company.min_founders,
            5,
            LAW,
            _cite("s. 7", SRC_2, "http://navarra.ca/?p=42", "at least five founders"),
            minimum=5,
        ),
        _param(
            Company.board_size,
            None,
            STATUTE,
            _cite(
                "s. 80",
                SRC_2,
                "https://economie.gouv.qc.ca/bibliotheques/apercu/cooperatives-foire-aux-questions",
                "3 to 15 directors, the number fixed by by-law",
            ),
            minimum=3,
            maximum=15,
        ),
        _param(
            Capital.dividend_cap,
            None,
            STATUTE,
            _cite(
                "s. 4",
                SRC,
                "http://www.legisquebec.gouv.qc.ca/en/document/cs/c-67.2/20150429",
                "interest on capital stock must be limited; no figure in the Act per the "
                "reference (preferred-share interest is fixed by board resolution)",
            ),
        ),
        _param(
            Surplus.legal_reserve_rate,
            Rate.of("10%"),
            LAW,
            _cite(
                "s. 146",
                SRC,
                S146,
                "at least 10 % of the surplus (after interest on preferred shares) to the "
                "reserve, while equity is below 40 % of debts",
            ),
            minimum=Rate.of("10%"),
        ),
        _param(
            Surplus.additional_reserve_or_share_refund_rate,
            Rate.of("10%"),
            LAW,
            _cite(
                "s. 146",
                SRC,
                S146,
                "a further 10 % to the reserve or to patronage refunds paid in shares, while "
                "equity is below 40 % of debts",
            ),
            minimum=Rate.of("10%"),
        ),
        _param(
            Surplus.reserve_min_while_equity_below,
            Rate.of("40%"),
            LAW,
            _cite(
                "s. 146",
                SRC,
                S146,
                "the minimum allocations apply while equity is below 40 % of debts (30 % "
                "before 2003)",
            ),
        ),
        _param(
            Surplus.reserves_indivisible,
            True,  # noqa: FBT003
            LAW,
            _cite(
                "ss. 147, 185",
                SRC_2,
                "https://guide.cooperativehabitation.coop/?p=638",
                "the reserve is not shareable, is not reduced by refunds, and devolves to the "
                "co-operative movement on liquidation (agricultural co-ops excepted)",
            ),
        ),
        _param(
            Surplus.enhancement_reserve_allowed,
            False,  # noqa: FBT003
            LAW,
            _cite(
                "ss. 149.1-149.6",
                SRC,
                S149_3,
                "only producer, work and shareholding-workers co-ops may have one",
            ),
        ),
    ),
)

ENHANCEMENT_ALLOWED = _param(
    Surplus.enhancement_reserve_allowed,
    True,  # noqa: FBT003
    LAW,
    _cite(
        "ss. 149.1-149.6",
        SRC,
        S149_3,
        "the by-laws may create an enhancement reserve for the part of the surplus that cannot "
        "be allotted to members",
    ),
)

QC_WORK = Regime(
    code="qc-work",
    rules=(WORK_MEMBERSHIP, WORK_VOTING),
    name="Coopérative de travail",
    name_en="Worker co-operative",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    extends=QC_COOP,
    aliases=("qc-travail",),
    description=Text(
        en="A co-operative of natural persons whose object is to provide work to its members "
        "(ss. 222 ff.): at least three founders, a trial period of at most 250 days of work "
        "within 18 months, refunds in proportion to work.",
        fr="Coopérative de personnes physiques dont l'objet est de fournir du travail à ses "
        "membres (art. 222 et suiv.) : au moins trois fondateurs, une période d'essai d'au plus "
        "250 jours de travail sur 18 mois, des ristournes au prorata du travail.",
    ),
    citations=(
        _cite("ss. 222 ff.", SRC, ACT_URL, "the work co-operative"),
        _cite("ss. 1 ff.", SRC, ACT_URL, "the Cooperatives Act"),
    ),
    parameters=(
        _param(
            Company.min_founders,
            3,
            LAW,
            _cite("s. 223.1", SRC_2, "http://navarra.ca/?p=42", "at least three founders"),
            minimum=3,
        ),
        _param(
            Membership.trial_max_days_worked,
            250,
            LAW,
            _cite(
                "s. 224.2",
                SRC,
                "http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:224_2"
                "&pointInTime=20190619",
                '"n\'excédant pas 250 jours de travail" (days actually worked)',
            ),
            maximum=250,
        ),
        _param(
            Membership.trial_max_months,
            18,
            LAW,
            _cite(
                "s. 224.2",
                SRC,
                "http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:224_2"
                "&pointInTime=20190619",
                "\"s'étendant sur une période d'au plus 18 mois\" (24 months before 2003)",
            ),
            maximum=18,
        ),
        _param(
            Voting.family_representation_allowed,
            False,  # noqa: FBT003
            LAW,
            _cite(
                "section not identified (MEIE explainer)",
                SRC_2,
                MEIE_VOTE,
                "representation by a spouse or adult child is not available in a co-op whose "
                "object is to provide work to its members",
            ),
        ),
        ENHANCEMENT_ALLOWED,
    ),
)

QC_SOLIDARITY = Regime(
    code="qc-solidarity",
    rules=(SOLIDARITY_MEMBERSHIP, SOLIDARITY_VOTING),
    name="Coopérative de solidarité",
    name_en="Solidarity co-operative",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    extends=QC_COOP,
    aliases=("qc-solidarite",),
    description=Text(
        en="A co-operative with at least two of three categories of members: users, workers "
        "and supporting members (ss. 226.1 ff.). Its own sections were not read in a primary "
        "source: founders and the supporting members' share of the board are left to the "
        "by-laws until verified.",
        fr="Coopérative réunissant au moins deux des trois catégories de membres : utilisateurs, "
        "travailleurs et membres de soutien (art. 226.1 et suiv.). Ses articles propres n'ont "
        "pas été lus dans une source primaire : le nombre de fondateurs et la part des "
        "administrateurs élus par les membres de soutien restent aux règlements jusqu'à "
        "vérification.",
    ),
    citations=(
        _cite(
            "ss. 226.1 ff.",
            SRC_2,
            "https://vdocuments.fr/les-particularits-de-la-cooprative-de-solidarit.html",
            "the solidarity co-operative (quoted in a secondary source)",
        ),
        _cite("ss. 1 ff.", SRC, ACT_URL, "the Cooperatives Act"),
    ),
    parameters=(
        _param(
            Company.min_categories,
            2,
            LAW,
            _cite(
                "s. 226.1",
                SRC_2,
                "https://vdocuments.fr/les-particularits-de-la-cooprative-de-solidarit.html",
                "at least two of: user, worker and supporting members (since Nov 2005; users "
                "and workers were both required before)",
            ),
            minimum=2,
        ),
        _param(
            Company.min_founders,
            None,
            STATUTE,
            _cite("ss. 226.1 ff.", UNC, None, "number of founders of a solidarity co-op"),
        ),
        _param(
            Company.supporting_members_max_director_share,
            None,
            STATUTE,
            _cite(
                "ss. 226.1 ff.",
                MEM,
                None,
                "supporting members elect at most 1/3 of the directors: recalled, not found",
            ),
        ),
    ),
)

QC_PRODUCER = Regime(
    code="qc-producer",
    name="Coopérative de producteurs",
    name_en="Producers' co-operative (e.g. of self-employed workers)",
    jurisdiction=QC,
    currency="CAD",
    languages=LANGUAGES,
    extends=QC_COOP,
    aliases=("qc-producteurs",),
    description=Text(
        en="A co-operative supplying the goods and services its members need for their "
        "profession or enterprise (e.g. self-employed workers sharing services); it may keep an "
        "enhancement reserve. The agricultural co-ops' exception on the reserve is not covered.",
        fr="Coopérative fournissant à ses membres les biens et services nécessaires à leur "
        "profession ou à leur entreprise (p. ex. des travailleurs autonomes qui mettent des "
        "services en commun) ; elle peut avoir une réserve de valorisation. L'exception des "
        "coopératives agricoles sur la réserve n'est pas couverte.",
    ),
    citations=(
        _cite(
            "ss. 1 ff.",
            SRC,
            ACT_URL,
            "the Cooperatives Act (producer co-op: goods and services for members' profession)",
        ),
    ),
    parameters=(ENHANCEMENT_ALLOWED,),
)
