"""French voting rules: one associate one vote, SCOP proxies, SCIC colleges, art. 3 bis caps.

* **One vote per associate** (loi 1947 art. 1 al. 3 and art. 9): the law file's
  ``voting.one_member_one_vote``, which the SCOP inherits (whether loi 1978 art. 14 still says it
  too after loi 2014-856 is uncertain).
* **Non-cooperator associates** (art. 3 bis): together at most 49 % of the votes, of which at most
  35 % for those that are not co-operative societies; above it their votes are reduced pro rata
  (a single 35 % cap before loi 2014-856). The caps apply to the categories ``"external"``
  (non-cooperator associates that are not co-operatives) and ``"external_coop"`` (non-cooperator
  co-operative societies).
* **SCOP proxies** (loi 1978 art. 14): only to another associate; at most one proxy under 20
  associates, otherwise at most 1/20 of the associates (rounded down: the safe reading of
  "n'excédant pas"; the rounding is uncertain):
  [`SCOP_PROXIES`][cooprules_adapters.fr.voting.SCOP_PROXIES], whose three figures are the law
  file's (``fr.scop_max_proxies``, ``fr.scop_proxy_share_from``, ``fr.scop_max_proxies_share``).
  SCOPs have **no legal basis for voting colleges**.
* **SCIC colleges** (art. 19 octies): at least three; each between 10 % and 50 % of the votes,
  equal by default; capital never a weight.
* **Quorum and majorities** from the Code de commerce for the company's form, as the decision
  kinds ``"sarl.extraordinary"`` (L223-30: 1/4 then 1/5, 2/3 of the votes present or
  represented), ``"sa.extraordinary"`` (L225-96: 1/4 then 1/5, 2/3 of the votes cast) and
  ``"sa.ordinary"`` (L225-98: 1/5 then none; the majority is recalled, unverified, so the
  statutes' rule must be given). Statutes may raise them.
"""

from __future__ import annotations

from typing import Final

from cooprules.explain import Confidence
from cooprules.parameters import Voting
from cooprules.regime import FromLaw
from cooprules.voting import (
    Base,
    CategoryCap,
    CollegeBoundsOfLaw,
    DecisionOfLaw,
    ProxyLimit,
    ProxyPolicy,
    VotingRules,
)
from cooprules_adapters.fr.sources import (
    ETALAB_1978,
    LAW,
    SA_EXTRAORDINARY,
    SA_ORDINARY,
    SARL_EXTRAORDINARY,
    cite_1947,
    cite_1978,
)
from cooprules_adapters.fr.sources import Keys as FrKeys

__all__ = ["COOP_VOTING", "SCIC_VOTING", "SCOP_PROXIES", "SCOP_VOTING", "scop_max_proxies"]

ART_1_9 = cite_1947(
    "art. 1 al. 3; art. 9",
    url="https://www.legifrance.gouv.fr/loda/id/LEGISCTA000006084030",
    confidence=Confidence.SRC_OLD,
    title="one vote per associate; associates may group to give a proxy to one representative",
)
ART_14_1978: Final = LAW.citation("loi-1978-art-14")
"""Loi 1978 art. 14: a SCOP associate is represented only by another, and holds few proxies."""
SCOP_NO_COLLEGES = cite_1978(
    "arts. 13-14 (no college article)",
    url=ETALAB_1978 + "titre-ier/chapitre-iii/section-i/article-13.md",
    confidence=Confidence.SRC_OLD,
    title="no legal basis for voting colleges in a SCOP; only sections (art. 13)",
)
ART_19_OCTIES = cite_1947(
    "art. 19 octies",
    url="https://www.avocatsetpartenaires.fr/actualite-juridique/114-scic.html",
    title="three or more colleges, each between 10 % and 50 % of the votes, equal by default; "
    "capital is never a weighting criterion",
)
SCOP_PROXIES: Final = ProxyLimit(
    most=FromLaw(FrKeys.scop_max_proxies),
    share=FromLaw(FrKeys.scop_max_proxies_share),
    share_from=FromLaw(FrKeys.scop_proxy_share_from),
)
"""The most proxies one SCOP associate may hold (loi 1978 art. 14): one under 20 associates,
otherwise 1/20 of the associates, rounded down; the figures are the law file's, read when the
rules are bound."""

_SCOP_PROXIES_IN_FORCE: Final = ProxyLimit(
    most=LAW.latest("fr-scop", FrKeys.scop_max_proxies).value,
    share=LAW.latest("fr-scop", FrKeys.scop_max_proxies_share).value,
    share_from=LAW.latest("fr-scop", FrKeys.scop_proxy_share_from).value,
    citation=ART_14_1978,
)


def scop_max_proxies(associates: int) -> int:
    """The most proxies one SCOP associate may hold (loi 1978 art. 14), as the law file has it.

    The figures are the versions of the law file in force; a meeting's count reads those of its
    date, through the bound rules ([`SCOP_PROXIES`][cooprules_adapters.fr.voting.SCOP_PROXIES]).

    ```pycon
    >>> scop_max_proxies(15), scop_max_proxies(19), scop_max_proxies(20), scop_max_proxies(57)
    (1, 1, 1, 2)

    ```
    """
    return _SCOP_PROXIES_IN_FORCE(associates)


DECISIONS: Final = (
    DecisionOfLaw(
        "sarl.extraordinary",
        SARL_EXTRAORDINARY,
        FrKeys.sarl_extraordinary_majority,
        base=Base.PRESENT,
        quorum=FrKeys.sarl_extraordinary_quorum,
        second_quorum=FrKeys.sarl_extraordinary_second_quorum,
    ),
    DecisionOfLaw(
        "sa.extraordinary",
        SA_EXTRAORDINARY,
        FrKeys.sa_extraordinary_majority,
        quorum=FrKeys.sa_extraordinary_quorum,
        second_quorum=FrKeys.sa_extraordinary_second_quorum,
    ),
    DecisionOfLaw(
        "sa.ordinary", SA_ORDINARY, FrKeys.sa_ordinary_majority, quorum=FrKeys.sa_ordinary_quorum
    ),
)
"""The Code de commerce's decisions for the company's form: their figures are the law file's."""

_CATEGORY_CAPS: Final = (
    # From loi 2014-856: the outsiders that are not co-ops at most 35 %, then all at most 49 %;
    # before it, one cap for all (the law file dates each version).
    CategoryCap({"external"}, FromLaw(FrKeys.non_cooperative_outsider_vote_cap)),
    CategoryCap({"external", "external_coop"}, FromLaw(FrKeys.non_cooperator_vote_cap)),
)

COOP_VOTING: Final = VotingRules(
    code="fr-coop",
    proxies=ProxyPolicy(allowed=True, citation=ART_1_9),
    decisions=DECISIONS,
    one_member_one_vote=FromLaw(Voting.one_member_one_vote),
    category_caps=_CATEGORY_CAPS,
    counting_citation=LAW.citation("commerce-l225-96"),
)
"""Every French co-op: one vote per associate, art. 3 bis caps, Code de commerce defaults."""

SCOP_VOTING: Final = COOP_VOTING.evolve(
    code="fr-scop",
    proxies=ProxyPolicy(
        allowed=True,
        citation=ART_14_1978,
        holder_must_be_member=True,
        max_per_holder=SCOP_PROXIES,
    ),
    colleges_allowed=False,
    colleges_citation=SCOP_NO_COLLEGES,
)
"""A SCOP: proxies only to another associate, capped; no colleges."""

SCIC_VOTING: Final = COOP_VOTING.evolve(
    code="fr-scic",
    college_bounds=CollegeBoundsOfLaw(),
)
"""A SCIC: colleges of 10 % to 50 % of the votes, at least three."""
