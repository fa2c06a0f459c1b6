"""Voting at a general meeting: electorate, weights and caps, colleges, proxies, quorum, majorities.

The package has one module per part of the count, each building on the ones before it:

* [`cooprules.voting.rules`][cooprules.voting.rules]: the vocabulary of a regime's voting rules and
  of a co-op's statutes, as data ([`Majority`][cooprules.voting.rules.Majority],
  [`Quorum`][cooprules.voting.rules.Quorum], [`DecisionRule`][cooprules.voting.rules.DecisionRule],
  the caps, the colleges, the [`ProxyPolicy`][cooprules.voting.rules.ProxyPolicy],
  [`VotingRules`][cooprules.voting.rules.VotingRules],
  [`VotingStatutes`][cooprules.voting.rules.VotingStatutes]);
* [`cooprules.voting.electorate`][cooprules.voting.electorate]: who may vote on a date, in which
  college, with how many votes ([`electorate()`][cooprules.voting.electorate]);
* [`cooprules.voting.proxies`][cooprules.voting.proxies]: representation at the meeting
  ([`Proxy`][cooprules.voting.proxies.Proxy]), checked against the regime's proxy policy and the
  statutes;
* [`cooprules.voting.colleges`][cooprules.voting.colleges]: each college's share of the result, kept
  within the regime's bounds ([`bounded_shares()`][cooprules.voting.colleges.bounded_shares]);
* [`cooprules.voting.tally`][cooprules.voting.tally]: a meeting's vote on one motion and its count
  ([`Meeting`][cooprules.voting.tally.Meeting], [`tally()`][cooprules.voting.tally],
  [`VoteResult`][cooprules.voting.tally.VoteResult],
  [`Reduction`][cooprules.voting.tally.Reduction]), stage by stage: attendance, quorum, caps,
  colleges, majority.

Every public name is importable from ``cooprules.voting`` itself.
"""

from cooprules.voting.colleges import bounded_shares
from cooprules.voting.electorate import Electorate, Voter, electorate
from cooprules.voting.proxies import Proxy
from cooprules.voting.rules import (
    Base,
    CategoryCap,
    Choice,
    College,
    CollegeBounds,
    CollegeBoundsOfLaw,
    DecisionOfLaw,
    DecisionRule,
    Majority,
    MemberCap,
    ProxyLimit,
    ProxyPolicy,
    Quorum,
    QuorumOn,
    VotingRules,
    VotingStatutes,
    majority_key,
    quorum_key,
    voting_section,
)
from cooprules.voting.tally import Meeting, Reduction, VoteResult, tally

__all__ = [
    "Base",
    "CategoryCap",
    "Choice",
    "College",
    "CollegeBounds",
    "CollegeBoundsOfLaw",
    "DecisionOfLaw",
    "DecisionRule",
    "Electorate",
    "Majority",
    "Meeting",
    "MemberCap",
    "Proxy",
    "ProxyLimit",
    "ProxyPolicy",
    "Quorum",
    "QuorumOn",
    "Reduction",
    "VoteResult",
    "Voter",
    "VotingRules",
    "VotingStatutes",
    "bounded_shares",
    "electorate",
    "majority_key",
    "quorum_key",
    "tally",
    "voting_section",
]
