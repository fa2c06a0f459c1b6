"""The electorate: who may vote on a meeting's date, in which college, with how many votes.

[`electorate()`][cooprules.voting.electorate.electorate] reads the membership register and the
regime's [`VotingRules`][cooprules.voting.rules.VotingRules] (which statuses and categories vote),
the college of each voter (from the statutes' colleges) and their raw weight: one per member, or one
per share where the rules say so (``VotingRules.one_member_one_vote``, the law's rule or the
statutes' choice once the rules are bound). An
[`Electorate`][cooprules.voting.electorate.Electorate] indexes the voters for counting a million
ballots cheaply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType

import attrs

from cooprules.errors import DuplicateId, InvalidInput
from cooprules.membership import Member, category_at, status_at
from cooprules.regime import Statutes
from cooprules.voting.rules import (
    College,
    VotingRules,
    VotingStatutes,
    _one_vote_each,
    voting_section,
)

__all__ = ["Electorate", "Voter", "electorate"]


# ---------------------------------------------------------------------------------------------
# Electorate
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Voter:
    """One person who may vote.

    Attributes:
        id: their member id.
        weight: their raw number of votes (1, or their shares).
        college: their college, if the statutes use colleges.
        category: their member category.
    """

    id: str
    weight: int = 1
    college: str | None = None
    category: str | None = None

    def __attrs_post_init__(self) -> None:
        if isinstance(self.weight, bool) or not isinstance(self.weight, int) or self.weight < 1:
            raise InvalidInput(f"voters[{self.id}].weight", self.weight, "a positive int")


@attrs.frozen
class Electorate:
    """The voters on a date, indexed for counting a million ballots cheaply.

    Build it with [`electorate()`][cooprules.voting.electorate.electorate] from the register, or
    with [`of()`][cooprules.voting.electorate.Electorate.of] from voters.

    Attributes:
        voters: each voter by id (read-only).
        excluded: people in the register who may not vote, with the reason (their status).
        colleges: the colleges the statutes create.
        total_members: how many voters.
        total_weight: their raw votes together.
    """

    voters: Mapping[str, Voter]
    excluded: Mapping[str, str] = attrs.field(factory=dict)
    colleges: tuple[College, ...] = ()
    total_members: int = attrs.field(init=False)
    total_weight: int = attrs.field(init=False)
    groups: tuple[tuple[str | None, str | None], ...] = attrs.field(init=False, repr=False)
    """The distinct (college, category) pairs, indexed."""
    group_of: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)
    """Each voter's group index."""
    heavy: Mapping[str, int] = attrs.field(init=False, repr=False, eq=False)
    """The voters whose weight is not 1, with their weight."""

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str | None, str | None], int] = {}
        group_of: dict[str, int] = {}
        heavy: dict[str, int] = {}
        total = 0
        for voter_id, voter in self.voters.items():
            key = (voter.college, voter.category)
            number = index.get(key)
            if number is None:
                number = index[key] = len(index)
            group_of[voter_id] = number
            if voter.weight != 1:
                heavy[voter_id] = voter.weight
            total += voter.weight
        object.__setattr__(self, "voters", MappingProxyType(dict(self.voters)))
        object.__setattr__(self, "excluded", MappingProxyType(dict(self.excluded)))
        object.__setattr__(self, "total_members", len(self.voters))
        object.__setattr__(self, "total_weight", total)
        object.__setattr__(self, "groups", tuple(index))
        object.__setattr__(self, "group_of", group_of)
        object.__setattr__(self, "heavy", heavy)

    @classmethod
    def of(
        cls,
        voters: Iterable[Voter],
        *,
        colleges: Iterable[College] = (),
        excluded: Mapping[str, str] | None = None,
    ) -> Electorate:
        """Build an electorate from voters.

        Raises:
            DuplicateId: a voter id appears twice.
        """
        by_id: dict[str, Voter] = {}
        for voter in voters:
            if voter.id in by_id:
                raise DuplicateId("voters", voter.id, "a voter appears twice")
            by_id[voter.id] = voter
        return cls(by_id, dict(excluded or {}), tuple(colleges))

    def weight(self, voter_id: str) -> int:
        """A voter's raw weight (1 for one member one vote)."""
        return self.heavy.get(voter_id, 1)


def _raw_weight(member_id: str, *, one_each: bool, shares: Mapping[str, int] | None) -> int:
    if one_each or shares is None:
        return 1
    held = shares.get(member_id, 0)
    if isinstance(held, bool) or not isinstance(held, int):
        raise InvalidInput(f"shares[{member_id}]", held, "a number of shares is an int")
    if held < 0:
        raise InvalidInput(f"shares[{member_id}]", held, "a number of shares is not negative")
    return held


def electorate(
    members: Iterable[Member],
    on: date,
    rules: VotingRules,
    *,
    statutes: VotingStatutes | Statutes | None = None,
    shares: Mapping[str, int] | None = None,
) -> Electorate:
    """Who may vote on ``on``, their college and raw weight.

    Args:
        members: the register.
        on: the meeting's date (statuses at the end of that day).
        rules: the regime's voting rules, bound to the law and the statutes on the meeting's
            date (which statuses and categories vote, one vote per member or per share).
        statutes: the co-op's statutes, or their voting section (its colleges).
        shares: shares held on ``on`` by member id, when votes are per share (ignored with one
            member one vote).

    Raises:
        DuplicateId: a member appears twice in the register.
        InvalidInput: votes are per share and ``shares`` is missing or holds a non-integer or a
            negative number; or
            the rules are not bound (one vote per member or per share is still the law's to read).
        InvalidParameter: neither the law nor the statutes say on ``on`` whether votes are per
            member or per share.
    """
    one_each = _one_vote_each(rules, on)
    section = voting_section(statutes)
    colleges = section.colleges if section is not None else ()
    college_of = {cat: college.code for college in colleges for cat in college.categories}
    if not one_each and shares is None:
        raise InvalidInput("shares", None, "votes are per share: give the shares held")
    voters: dict[str, Voter] = {}
    excluded: dict[str, str] = {}
    for member in members:
        if member.id in voters or member.id in excluded:
            raise DuplicateId("members", member.id, "a member id appears twice in the register")
        status = status_at(member.history, on)
        category = category_at(member.history, on)
        weight = _raw_weight(member.id, one_each=one_each, shares=shares)
        college_code = college_of.get(category) if category is not None else None
        reason = None
        if status not in rules.voting_statuses:
            reason = status.value
        elif rules.voting_categories is not None and category not in rules.voting_categories:
            reason = f"category {category}"
        elif weight < 1:
            reason = "no shares"
        elif colleges and college_code is None:
            reason = f"no college for category {category}"
        if reason is not None:
            excluded[member.id] = reason
            continue
        voters[member.id] = Voter(member.id, weight, college_code, category)
    return Electorate(voters, excluded, tuple(colleges))
