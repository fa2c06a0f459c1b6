"""Quebec voting rules under the Cooperatives Act: one member one vote, no proxy, fixed majorities.

* **One member one vote, no proxy** (s. 4): [`VOTING`][cooprules_adapters.qc.voting.VOTING]'s proxy
  policy forbids proxies; a proxy at a Quebec meeting is a violation and the member counts as
  absent.
* A member may be **represented by a non-member spouse or adult child** unless the by-laws forbid
  it; never in a work co-op (from a secondary source, the MEIE's explainer pages,
  economie.gouv.qc.ca). The rule is the law file's
  ``qc.family_representation_allowed`` (a default ``true`` for every co-op, the law's ``false``
  for a work co-op), read when the rules are bound to the co-op's statutes: by-laws that forbid it
  state ``Statutes(..., {Keys.family_representation_allowed: False})``.
* **Quorum**: by default the members present (no minimum); the by-laws may set one.
* **Majorities** (a by-law cannot change them): a simple majority of the votes cast (s. 72),
  two-thirds for a merger (ss. 157, 166) or a continuance (s. 269.1.2), three-quarters for a
  winding-up and dissolution (s. 181) or a winding-up with an asset-disposal plan (s. 185.3),
  and two-thirds of the votes cast by the directors present for the board to suspend or exclude a
  member (s. 58). The majority for amending the articles is recalled, unverified or uncertain: the
  statutes' rule must be given.

References:
    * Cooperatives Act (CQLR c C-67.2): https://www.legisquebec.gouv.qc.ca/en/document/cs/C-67.2
    * FHCQ, seuils décisionnels: https://fhcq.coop/fr/faq-seuil-decisionnel
"""

from __future__ import annotations

from typing import Final

from cooprules.elections import BoardRules
from cooprules.explain import Citation, Confidence
from cooprules.membership import Status
from cooprules.parameters import Company, Voting
from cooprules.regime import FromLaw
from cooprules.voting import Base, DecisionOfLaw, ProxyPolicy, VotingRules
from cooprules_adapters.qc.sources import (
    AMEND_ARTICLES,
    BOARD_ORDINARY,
    BOARD_SUSPEND_OR_EXCLUDE,
    CONTINUANCE,
    DISSOLUTION,
    LAW,
    MERGER,
    ORDINARY,
    WIND_UP_DISPOSAL_PLAN,
)
from cooprules_adapters.qc.sources import Keys as QcKeys

__all__ = [
    "BOARD",
    "BOARD_CITATION",
    "NON_MEMBER_DIRECTORS",
    "S4",
    "S58",
    "S72",
    "SOLIDARITY_VOTING",
    "VOTING",
    "WORK_VOTING",
]

ACT: Final = "Cooperatives Act (CQLR c C-67.2)"
QC: Final = "CA-QC"
FHCQ: Final = "https://fhcq.coop/fr/faq-seuil-decisionnel"
MEIE_VOTE: Final = (
    "https://economie.gouv.qc.ca/bibliotheques/apercu/info-coop/gouvernance/le-vote-ou-"
    "lexpression-du-pouvoir-decisionnel-au-sein-des-cooperatives"
)
SRC, SRC_2, UNC = Confidence.SRC, Confidence.SRC_2, Confidence.UNC


def _cite(article: str, confidence: Confidence, url: str | None, title: str) -> Citation:
    return Citation(ACT, article, QC, confidence, url, title)


S4 = _cite(
    "s. 4",
    SRC,
    "http://www.legisquebec.gouv.qc.ca/en/document/cs/c-67.2/20150429",
    "no member has more than one vote, whatever the shares held, and no one may vote by proxy",
)
S72: Final = LAW.citation("act-s-72")
S58: Final = LAW.citation("act-s-58")

DECISIONS: Final = (
    DecisionOfLaw("ordinary", ORDINARY, QcKeys.ordinary_majority, strict=True),
    DecisionOfLaw("merger", MERGER, QcKeys.merger_majority),
    DecisionOfLaw("continuance", CONTINUANCE, QcKeys.continuance_majority),
    DecisionOfLaw("dissolution", DISSOLUTION, QcKeys.dissolution_majority),
    DecisionOfLaw(
        "wind_up_disposal_plan", WIND_UP_DISPOSAL_PLAN, QcKeys.wind_up_disposal_plan_majority
    ),
    DecisionOfLaw("amend_articles", AMEND_ARTICLES, QcKeys.amend_articles_majority),
    DecisionOfLaw(
        "board.suspend_or_exclude",
        BOARD_SUSPEND_OR_EXCLUDE,
        QcKeys.board_suspend_or_exclude_majority,
        body="board",
    ),
    DecisionOfLaw(
        "board.ordinary",
        BOARD_ORDINARY,
        QcKeys.board_ordinary_majority,
        strict=True,
        base=Base.PRESENT,
        body="board",
    ),
)
"""The Act's majorities (a by-law cannot change them): their figures are the law file's."""

VOTING: Final = VotingRules(
    code="qc-coop",
    proxies=ProxyPolicy(
        allowed=False,
        citation=S4,
        # the law file's default (true), the statutes' value, or a work co-op's law (false)
        family_representation=FromLaw(QcKeys.family_representation_allowed),
    ),
    decisions=DECISIONS,
    # Quebec's supporting members are members of the supporting category (status MEMBER, see
    # cooprules_adapters.qc.membership.SOLIDARITY_MEMBERSHIP): members vote, auxiliaries do not.
    voting_statuses=frozenset({Status.MEMBER}),
    one_member_one_vote=FromLaw(Voting.one_member_one_vote),  # s. 4, the law file's
    colleges_allowed=False,
    colleges_citation=S4,
    counting_citation=S72,
)
"""Every co-op under the Act: members and supporting members vote; auxiliary members do not."""

WORK_VOTING: Final = VOTING.evolve(code="qc-work")
"""A work co-op: no family representation either (the law file's ``false`` for ``qc-work``)."""

SOLIDARITY_VOTING: Final = VOTING.evolve(code="qc-solidarity")
"""A solidarity co-op: user, worker and supporting members each have one vote."""

BOARD_CITATION: Final = LAW.citation("act-s-80")
"""Cooperatives Act s. 80: 3 to 15 directors (the law file's citation)."""
NON_MEMBER_DIRECTORS: Final = LAW.citation("act-ss-81-81-1-1")
"""Cooperatives Act ss. 81-81.1.1: non-members up to a third of the seats (the law file's)."""

BOARD: Final = BoardRules(
    max_non_member_share=FromLaw(QcKeys.non_member_directors_max_share),
    size_of_law=Company.board_size,
)
"""The board of any Quebec co-op: 3 to 15 directors, non-members at most a third of the seats.

The figures are the law file's: the size within the legal bounds of ``company.board_size``
(s. 80), the share of ``qc.non_member_directors_max_share`` (s. 81.1.1). The regimes carry the
rule set: ``bind(QC_COOP, as_of=...).rule_set(BoardRules)`` gives it with the figures of that
date and their citations.

A solidarity co-op's supporting members are said to elect at most a third of the directors, but that
rule is recalled, unverified or uncertain: it is not encoded as law. A co-op whose by-laws say so
passes ``CategoryLimit("supporting", Rate(Fraction(1, 3)), its_citation)`` itself.
"""
