"""Family representation is not a proxy a holder carries: a limit per holder does not touch it."""

from __future__ import annotations

from datetime import date

from cooprules.explain import Citation
from cooprules.regime import bind
from cooprules.voting import (
    Choice,
    Electorate,
    Meeting,
    Proxy,
    Voter,
    VotingRules,
    VotingStatutes,
    tally,
)
from cooprules_adapters.qc.regimes import QC_COOP

DAY = date(2026, 6, 1)
F, A = Choice.FOR, Choice.AGAINST
BY_LAWS = Citation("By-laws", "by-law 9", "coop")


def test_a_by_law_allowing_no_proxy_per_holder_leaves_family_representation_alone() -> None:
    # quebec.md (MEIE explainer, [SRC-2]): no one votes by proxy (Cooperatives Act s. 4), but a
    # member may be represented by a non-member spouse or adult child unless the by-laws forbid
    # it. A limit of 0 proxies per holder is not such a by-law: each spouse represents one member,
    # and carries no proxy of a member: cy (by Paul) and dee (by Lea) are represented.
    rules = bind(QC_COOP, as_of=DAY).rule_set(VotingRules)
    assert rules is not None
    assert rules.proxies.family_representation is True
    voters = Electorate.of(Voter(m) for m in ("ana", "bo", "cy", "dee"))
    meeting = Meeting(
        DAY,
        "ordinary",
        voters,
        {"ana": F, "bo": A, "cy": F, "dee": F},
        proxies=[Proxy("cy", "Paul", family=True), Proxy("dee", "Lea", family=True)],
    )
    strict = VotingStatutes(BY_LAWS, max_proxies=0)
    result = tally(meeting, rules, statutes=strict)
    assert result.violations == ()
    assert result.counted == 4
    assert result.present_members == 4
    assert result.tally[F] == 3
    assert result.adopted
    (checked, *_) = result.explanation.steps
    assert checked.what.en == "Representation checked"
    assert dict(checked.inputs) == {"proxies": 2, "limit per holder": 0}
    assert checked.result == 2  # cy and dee represented, whatever the limit
