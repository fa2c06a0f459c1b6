"""An example cooprules plug-in: the fictional jurisdiction XX and its regime ``xx-demo``.

The regime is frozen data built once, at import; :func:`cooprules_regimes` hands it to cooprules.
Every figure cites the (fictional) article that sets it, with a URL, and the law's changes are
dated: the legal reserve was 10 % of the surplus until 2020, 15 % since.

```pycon
>>> XX_DEMO.value(Surplus.legal_reserve_rate, date(2019, 6, 1))
Rate(value=Fraction(1, 10))
>>> str(XX_DEMO.value(Surplus.legal_reserve_rate, date(2026, 6, 1)))
'15%'

```
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING

from cooprules import Citation, Parameter, Rate, Regime, Text, hookimpl
from cooprules.explain import RuleKind
from cooprules.membership import EventKind, MembershipRules, Status, decision_required, graph
from cooprules.parameters import Company, Surplus, Voting
from cooprules.voting import DecisionRule, Majority, ProxyPolicy, Quorum, VotingRules

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["ACT", "XX_DEMO", "cooprules_regimes"]

ACT = "Co-operatives Act of XX"
URL = "https://example.org/xx/cooperatives-act"


def _art(article: str, title: str) -> Citation:
    return Citation(ACT, article, "XX", url=f"{URL}#{article.replace(' ', '-')}", title=title)


FOUNDERS = _art("art. 3", "at least three founders")
RESERVE = _art("art. 21", "a share of the surplus to the legal reserve")
RESERVE_2020 = _art("art. 21 (as amended in 2020)", "the legal reserve raised to 15 %")
ADMISSION = _art("art. 8", "admission by the board")
EXCLUSION = _art("art. 9", "exclusion by a two-thirds vote of the general meeting")
MEETINGS = _art("art. 14", "one member, one vote; majorities; proxies")
CAP = _art("art. 15", "the statutes may cap a member's votes at one tenth")

PARAMETERS = (
    Parameter.of(Company.min_founders, 3, RuleKind.LAW, FOUNDERS),
    Parameter.of(
        Surplus.legal_reserve_rate,
        Rate.of("10%"),
        RuleKind.DEFAULT,
        RESERVE,
        minimum=Rate.of("10%"),
        valid_until=date(2020, 1, 1),
    ),
    Parameter.of(
        Surplus.legal_reserve_rate,
        Rate.of("15%"),
        RuleKind.DEFAULT,
        RESERVE_2020,
        minimum=Rate.of("15%"),
        valid_from=date(2020, 1, 1),
    ),
    Parameter.of(Voting.member_vote_cap, None, RuleKind.STATUTE, CAP, maximum=Rate.of("1/10")),
)

MEMBERSHIP = MembershipRules(
    graph(
        {
            Status.NONE: [EventKind.APPLIED],
            Status.APPLICANT: [EventKind.ADMITTED, EventKind.EXITED],
            Status.MEMBER: [
                EventKind.SUSPENDED,
                EventKind.RESIGNED,
                EventKind.EXCLUDED,
                EventKind.DIED,
            ],
            Status.SUSPENDED: [
                EventKind.REINSTATED,
                EventKind.RESIGNED,
                EventKind.EXCLUDED,
                EventKind.DIED,
            ],
            Status.RESIGNED: [EventKind.APPLIED],
            Status.EXITED: [EventKind.APPLIED],
        },
        citation=ADMISSION,
        conditions={
            (Status.MEMBER, EventKind.EXCLUDED): [
                decision_required(body="general_meeting", majority=Fraction(2, 3))
            ],
            (Status.SUSPENDED, EventKind.EXCLUDED): [
                decision_required(body="general_meeting", majority=Fraction(2, 3))
            ],
        },
        citations={
            (Status.MEMBER, EventKind.EXCLUDED): EXCLUSION,
            (Status.SUSPENDED, EventKind.EXCLUDED): EXCLUSION,
        },
    )
)

VOTING = VotingRules(
    code="xx-demo",
    proxies=ProxyPolicy(
        allowed=True, citation=MEETINGS, holder_must_be_member=True, max_per_holder=lambda _n: 1
    ),
    decisions=(
        DecisionRule(
            "ordinary",
            Text(en="ordinary decision", fr="décision ordinaire"),
            Majority(Fraction(1, 2), strict=True),
            MEETINGS,
        ),
        DecisionRule(
            "amend_articles",
            Text(en="amendment of the articles", fr="modification des statuts"),
            Majority(Fraction(2, 3)),
            MEETINGS,
            quorum=Quorum(Fraction(1, 2)),
        ),
    ),
    weight_citation=MEETINGS,
)

XX_DEMO = Regime(
    code="xx-demo",
    name="Coopérative de démonstration",
    name_en="Demonstration co-operative",
    jurisdiction="XX",
    currency="EUR",
    languages=("fr", "en"),
    citations=(Citation(ACT, "arts. 1-30", "XX", url=URL),),
    parameters=PARAMETERS,
    description=Text(
        en="A fictional co-operative regime, to show how a plug-in is written.",
        fr="Un régime coopératif fictif, pour montrer comment écrire un plug-in.",
    ),
    rules=(MEMBERSHIP, VOTING),
)


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Return the regimes of jurisdiction XX."""
    return (XX_DEMO,)
