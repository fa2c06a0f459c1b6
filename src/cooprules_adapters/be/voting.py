"""Belgian voting rules: one vote per share by default, the 1/10 cap of the accreditations.

* **CSA default** (art. 6:41, from a secondary source): one vote per share; the articles may choose
  one vote per member (``Statutes(code, {Voting.one_member_one_vote: True})``: the law file's
  default of that key, read when the rules are bound). Proxies are allowed and the proxy need not be
  a shareholder (art. 6:80).
* **Accredited co-ops** (CNC, AR 8 Jan 1962 art. 1 condition 3) and **social enterprises**
  (AR 28 June 2019 art. 6): one person one vote, or, where votes are attached to shares, nobody
  votes for more than 1/10 of the votes present or represented. The cap is the alternative to one
  member one vote, so it applies only to votes per share. It is computed once on the raw votes
  (for example: 400 votes present, a member with 60 counts 40), and the votes above it
  are not counted.
* **Former société à finalité sociale** (Code des sociétés art. 661, until 30 April 2019): the
  1/10 cap and the 1/20 cap when members are staff are recalled, unverified: dated versions
  without a figure, so the statutes supply it.
* **Amending the articles** (art. 6:85: the values from a secondary source, the article's text
  uncertain): half of the shares in
  issue at the first call, no quorum at the second, 3/4 of the votes cast, abstentions not
  counted. The majority for changing the object or the purpose is not verified: a statute rule.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from cooprules.explain import Citation, Confidence
from cooprules.membership import Status
from cooprules.parameters import Voting
from cooprules.regime import FromLaw
from cooprules.voting import (
    DecisionOfLaw,
    MemberCap,
    ProxyPolicy,
    VotingRules,
)
from cooprules_adapters.be.sources import AMEND_ARTICLES, AMEND_OBJECT, LAW
from cooprules_adapters.be.sources import Keys as BeKeys

__all__ = ["CNC_VOTING", "CSA_VOTING", "SCES_VOTING"]

BE: Final = "BE"
CSA: Final = "Code des sociétés et des associations"
OLD_CODE: Final = "Code des sociétés (1999)"
CSA_IN_FORCE: Final = date(2019, 5, 1)
COOPFABRIK_BOOK_6: Final = (
    "https://coopfabrik.be/cooperaties-zijn-keihard-buiten-is-buiten-en-andere-bepalingen-uit-"
    "het-wetboek-die-je-zeker-moet-weten/"
)
SRC_2, MEM, UNC = Confidence.SRC_2, Confidence.MEM, Confidence.UNC

ART_6_80 = Citation(
    CSA,
    "art. 6:80",
    BE,
    SRC_2,
    COOPFABRIK_BOOK_6,
    "proxies allowed by default; the proxy need not be a shareholder",
)
DECISIONS: Final = (
    DecisionOfLaw(
        "amend_articles",
        AMEND_ARTICLES,
        BeKeys.amend_articles_majority,
        quorum=BeKeys.amend_articles_quorum,
    ),
    DecisionOfLaw("amend_object", AMEND_OBJECT, BeKeys.amend_object_majority),
)
"""Amending the articles and changing the object: their figures are the law file's."""

CSA_VOTING: Final = VotingRules(
    code="be-sc",
    proxies=ProxyPolicy(allowed=True, citation=ART_6_80),
    decisions=DECISIONS,
    voting_statuses=frozenset({Status.MEMBER}),
    one_member_one_vote=FromLaw(Voting.one_member_one_vote),
    counting_citation=LAW.citation("csa-art-6-85"),
)
"""Every société coopérative: one vote per share (the law's default, CSA 6:41) unless the articles
choose one vote per member."""

CNC_VOTING: Final = CSA_VOTING.evolve(
    code="be-cnc", member_caps=(MemberCap(FromLaw(Voting.member_vote_cap)),)
)
"""An accredited co-op: nobody over 1/10 of the votes present or represented."""

SCES_VOTING: Final = CSA_VOTING.evolve(
    code="be-sces",
    member_caps=(
        MemberCap(FromLaw(Voting.member_vote_cap)),
        MemberCap(FromLaw(BeKeys.staff_member_vote_cap), staff=True),
    ),
)
"""A social enterprise: the law's caps (1/10 since 1 May 2019; before, the SFS caps, which the
reference only recalls, so the statutes supply them)."""
