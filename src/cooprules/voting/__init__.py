"""Voting at a general meeting: electorate, weights and caps, colleges, proxies, quorum, majorities.

The package has one module per part of the count, each building on the ones before it:

* :mod:`cooprules.voting.rules`: the vocabulary of a regime's voting rules and of a co-op's
  statutes, as data (:class:`Majority`, :class:`Quorum`, :class:`DecisionRule`, the caps, the
  colleges, the :class:`ProxyPolicy`, :class:`VotingRules`, :class:`VotingStatutes`);
* :mod:`cooprules.voting.electorate`: who may vote on a date, in which college, with how many
  votes (:func:`electorate`);
* :mod:`cooprules.voting.proxies`: representation at the meeting (:class:`Proxy`), checked
  against the regime's proxy policy and the statutes;
* :mod:`cooprules.voting.colleges`: each college's share of the result, kept within the regime's
  bounds (:func:`bounded_shares`);
* :mod:`cooprules.voting.tally`: a meeting's vote on one motion and its count (:class:`Meeting`,
  :func:`tally`, :class:`VoteResult`, :class:`Reduction`), stage by stage: attendance, quorum,
  caps, colleges, majority.

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
