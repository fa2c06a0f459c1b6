"""An example cooprules plug-in: the fictional jurisdiction XX and its regime ``xx-demo``.

The regime is frozen data built once, at import, from the law file ``law.toml`` beside this module
(`LAW`), exactly as cooprules' own plug-ins are built; `cooprules_regimes()` hands it to
cooprules. Every figure cites the (fictional) article that sets it, with a URL, and the law's
changes are dated: the legal reserve was 10 % of the surplus until 2020, 15 % since.

```pycon
>>> from datetime import date
>>> from cooprules.parameters import Surplus
>>> XX_DEMO.value(Surplus.legal_reserve_rate, date(2019, 6, 1))
Rate(value=Fraction(1, 10))
>>> str(XX_DEMO.value(Surplus.legal_reserve_rate, date(2026, 6, 1)))
'15%'
>>> XX_DEMO.parameter(Surplus.legal_reserve_rate, date(2026, 6, 1)).citation.short()
'Co-operatives Act of XX, art. 21 (as amended in 2020)'

```

Besides its membership and voting rules, the regime carries the rule sets a whole year needs,
so ``cooprules run`` evaluates an xx-demo co-op exactly as one of ours: its surplus waterfall
(`DistributionRules`, `cooprules_example_xx.surplus`), a sample levy
schedule (`SampleSchedules`: ``sample = "xx.STANDARD"``) and its chart of
accounts (`cooprules_example_xx.accounts`), on which the journal is booked.

```pycon
>>> from cooprules.report import SampleSchedules
>>> standard = XX_DEMO.rule_set(SampleSchedules).get("xx.STANDARD")
>>> str(standard.highest_rate), standard.base.value, standard.citation.article
('8%', 'revenue', 'art. 12 (contribution)')

```
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from cooprules import Regime, Text, hookimpl
from cooprules.levies import Base, Schedule
from cooprules.membership import EventKind, MembershipRules, Status, decision_required, graph
from cooprules.regime import FromLaw
from cooprules.report import DistributionRules, SampleSchedules
from cooprules.voting import DecisionOfLaw, ProxyLimit, ProxyPolicy, QuorumOn, VotingRules

from cooprules_example_xx.accounts import XX_CHART
from cooprules_example_xx.sources import AMEND_ARTICLES, LAW, ORDINARY, Keys
from cooprules_example_xx.surplus import build

if TYPE_CHECKING:
    from collections.abc import Sequence
    from fractions import Fraction

__all__ = ["ACT", "LAW", "SAMPLES", "STANDARD", "XX_CHART", "XX_DEMO", "cooprules_regimes"]

ACT: Final = LAW.instruments["act"]
"""The name of the Co-operatives Act of XX."""

ADMISSION, EXCLUSION, MEETINGS = (LAW.citation(ident) for ident in ("act-8", "act-9", "act-14"))

STANDARD: Final = Schedule.flat(
    "8%",
    base=Base.REVENUE,
    citation=LAW.citation("model-12"),
    name="Model statutes: 8 % of revenue",
    currency="EUR",
)
"""A sample schedule: 8 % of each month's revenue excluding VAT, as the model statutes suggest."""

SAMPLES: Final = SampleSchedules({"xx.STANDARD": STANDARD})
"""The sample levy schedules an xx-demo scenario may name (``sample = "xx.STANDARD"``)."""

_EXCLUDED = ((Status.MEMBER, EventKind.EXCLUDED), (Status.SUSPENDED, EventKind.EXCLUDED))


def membership_rules(exclusion_majority: Fraction) -> MembershipRules:
    """The membership rules, an exclusion needing ``exclusion_majority`` of the meeting's votes."""
    exclusion = decision_required(body="general_meeting", majority=exclusion_majority)
    return MembershipRules(
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
            conditions={pair: [exclusion] for pair in _EXCLUDED},
            citations=dict.fromkeys(_EXCLUDED, EXCLUSION),
        ),
        # Bound on a date, the rules read the majority of art. 9 in force that day.
        reads_law=lambda rules: membership_rules(
            rules.require(Keys.exclusion_majority).value.value
        ),
    )


MEMBERSHIP = membership_rules(LAW.latest("xx-demo", Keys.exclusion_majority).value.value)
"""The membership rules, with the law file's exclusion majority in force (art. 9)."""

VOTING = VotingRules(
    code="xx-demo",
    proxies=ProxyPolicy(
        allowed=True,
        citation=MEETINGS,
        holder_must_be_member=True,
        max_per_holder=ProxyLimit(most=FromLaw(Keys.max_proxies)),  # art. 14, the law file's
    ),
    # The figures of each decision are the law file's (art. 14), read on the meeting's date.
    decisions=(
        DecisionOfLaw("ordinary", ORDINARY, Keys.ordinary_majority, strict=True),
        DecisionOfLaw(
            "amend_articles",
            AMEND_ARTICLES,
            Keys.amend_articles_majority,
            quorum=Keys.amend_articles_quorum,
            quorum_on=QuorumOn.MEMBERS,
        ),
    ),
    weight_citation=MEETINGS,
)

XX_DEMO: Final = Regime(
    code="xx-demo",
    name="Coopérative de démonstration",
    name_en="Demonstration co-operative",
    jurisdiction="XX",
    currency="EUR",
    languages=("fr", "en"),
    citations=LAW.regime_citations("xx-demo"),
    parameters=LAW.parameters("xx-demo"),
    description=Text(
        en="A fictional co-operative regime, to show how a plug-in is written.",
        fr="Un régime coopératif fictif, pour montrer comment écrire un plug-in.",
    ),
    rules=(MEMBERSHIP, VOTING, DistributionRules(build), SAMPLES, XX_CHART),
)
"""The regime ``xx-demo``: its law from ``law.toml``, its rule sets from this package."""


@hookimpl
def cooprules_regimes() -> Sequence[Regime]:
    """Return the regimes of jurisdiction XX."""
    return (XX_DEMO,)
