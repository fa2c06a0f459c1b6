"""Representation at a meeting: proxies, checked against the regime's policy and the statutes.

Each [`Proxy`][cooprules.voting.proxies.Proxy] is checked against the regime's
[`ProxyPolicy`][cooprules.voting.rules.ProxyPolicy] (forbidden, allowed, only to another member, at
most so many per holder, family representation, which a by-law may forbid: the statutes' value of
the regime's key, read when the rules are bound) and the statutes (a stricter limit), one rule after
the other in the order of `_refusal()`. An invalid proxy is exactly one
[`Violation`][cooprules.explain.Violation] naming it (``"proxy grantor -> holder"``) and citing the
rule, and the member it would have represented counts as absent (unless present in person). What
the law gives a proxy to is a person who attends, to vote in the member's place:

* a member cannot hold their own proxy (``voting.proxy_to_self``);
* a member who gave two proxies or more is represented by none of them
  (``voting.proxy_given_twice``): the law gives no rule to choose between them;
* a member present in person votes in person: their proxy lapses (``voting.proxy_grantor_present``,
  a warning) and their own ballot is counted once;
* a holder who is a voter must be present in person: a proxy held by someone absent lapses
  (``voting.proxy_holder_absent``), and one held by someone who is represented themselves is not
  passed on (``voting.proxy_chain``); a holder who is not a voter (a non-member, where the law
  allows one) is taken to attend, as the meeting records only the voters' presence;
* a grantor who is not a voter on the meeting's date cannot be represented
  (``voting.proxy_not_a_voter``), and a holder who is not a voter is refused where the policy
  says the holder must be a member (``voting.proxy_holder_not_member``);
* family representation is by a non-member: a family proxy held by a voter is refused
  (``voting.family_holder_is_member``).

When a holder carries more valid proxies than allowed, those of the grantors with the smallest
ids are kept, so the outcome never depends on the order the proxies were given; each one beyond
the limit is a ``voting.too_many_proxies`` citing the limit's own rule (the law's figure, or the
statutes' article where their limit is stricter).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set as AbstractSet

import attrs

from cooprules.errors import InvalidParameter, UnknownMember
from cooprules.explain import Citation, Severity, Step, Text, Violation
from cooprules.voting.electorate import Electorate
from cooprules.voting.rules import (
    ProxyLimit,
    ProxyPolicy,
    VotingRules,
    VotingStatutes,
    _violation,
)

__all__ = ["Proxy"]


@attrs.frozen
class Proxy:
    """A member's representation at the meeting.

    Attributes:
        grantor: the member represented.
        holder: who represents them: a member id, or a name for family representation.
        family: the holder is the grantor's non-member spouse or adult child.
    """

    grantor: str
    holder: str
    family: bool = False

    @property
    def label(self) -> str:
        """``"proxy grantor -> holder"``, as violations name it."""
        return f"proxy {self.grantor} -> {self.holder}"


@attrs.frozen
class _Representation:
    """The proxies checked: the members validly represented, and why the others are not."""

    represented: AbstractSet[str]
    violations: tuple[Violation, ...]
    steps: tuple[Step, ...]


@attrs.frozen
class _Context:
    """What every proxy of one meeting is checked against.

    Attributes:
        electorate: who may vote.
        policy: the regime's proxy policy.
        present: the voters present in person.
        given: how many proxies each grantor gave.
        family_ok: family representation is allowed (by the law and the statutes).
    """

    electorate: Electorate
    policy: ProxyPolicy
    present: AbstractSet[str]
    given: Counter[str]
    family_ok: bool


def _check_proxies(
    proxies: tuple[Proxy, ...],
    electorate: Electorate,
    rules: VotingRules,
    statutes: VotingStatutes | None,
    present: AbstractSet[str],
) -> _Representation:
    """The members validly represented, and one violation for each proxy that is not used.

    Raises:
        UnknownMember: a grantor is not in the register.
        InvalidParameter: the policy's limit gives a negative number of proxies.
    """
    policy = rules.proxies
    family_ok = policy.family_representation is True
    context = _Context(
        electorate, policy, present, Counter(p.grantor for p in proxies), family_ok=family_ok
    )
    # Keyed by (family, who): a family representation is its grantor's own, never a holder's,
    # so a member whose id happens to read "family:…" is held to the limit like anyone.
    valid: dict[tuple[bool, str], list[Proxy]] = {}
    problems: list[Violation] = []
    for proxy in sorted(proxies, key=lambda p: (p.grantor, p.holder, p.family)):
        problem = _refusal(proxy, context)
        if problem is not None:
            problems.append(problem)
        else:
            key = (True, proxy.grantor) if proxy.family else (False, proxy.holder)
            valid.setdefault(key, []).append(proxy)
    limit, limit_citation = _limit(policy, statutes, electorate.total_members)
    represented: set[str] = set()
    for (family, holder), held in valid.items():
        kept = held
        if limit is not None and not family and len(held) > limit:
            problems.extend(_too_many(holder, held, limit, electorate, limit_citation))
            kept = held[:limit]  # keep the first ones by grantor id
        represented.update(p.grantor for p in kept)
    step = Step(
        Text("Representation checked"),
        {"proxies": len(proxies), "limit per holder": "-" if limit is None else limit},
        len(represented),
        policy.citation,
    )
    return _Representation(frozenset(represented), tuple(problems), (step,))


def _refusal(proxy: Proxy, context: _Context) -> Violation | None:
    """Why ``proxy`` is not used, if it is not: one check per rule, the first that fails.

    Raises:
        UnknownMember: the grantor is not in the register.
    """
    problem = _grantor_refusal(proxy, context)
    return problem if problem is not None else _holder_refusal(proxy, context)


def _grantor_refusal(proxy: Proxy, context: _Context) -> Violation | None:
    """Why the grantor cannot be represented by ``proxy``: not a voter, to self, twice, present.

    Raises:
        UnknownMember: the grantor is not in the register.
    """
    electorate, policy = context.electorate, context.policy
    grantor = proxy.grantor
    if grantor not in electorate.voters:
        if grantor not in electorate.excluded:
            raise UnknownMember("proxies.grantor", grantor, "not in the register")
        return _violation(
            "voting.proxy_not_a_voter",
            proxy.label,
            Text(
                "{grantor} may not vote ({excluded}), so cannot be represented.",
                grantor=grantor,
                excluded=electorate.excluded[grantor],
            ),
            policy.citation,
        )
    if proxy.holder == grantor:
        return _violation(
            "voting.proxy_to_self",
            proxy.label,
            Text(
                "{grantor} cannot hold their own proxy: a member is represented by someone else. "
                "The "
                "proxy is void.",
                grantor=grantor,
            ),
            policy.citation,
        )
    given = context.given[grantor]
    if given > 1:
        return _violation(
            "voting.proxy_given_twice",
            proxy.label,
            Text(
                "{grantor} gave {given} proxies; none of them is used, and {grantor} counts as "
                "absent "
                "unless present in person.",
                grantor=grantor,
                given=given,
            ),
            policy.citation,
        )
    if grantor in context.present:
        return Violation(
            "voting.proxy_grantor_present",
            Severity.WARNING,
            proxy.label,
            Text(
                "{grantor} is present in person and votes in person; the proxy is not used.",
                grantor=grantor,
            ),
            policy.citation,
        )
    return None


def _holder_refusal(proxy: Proxy, context: _Context) -> Violation | None:
    """Why ``proxy``'s holder cannot carry it: family, forbidden, not a member, not present."""
    electorate, policy = context.electorate, context.policy
    grantor, holder = proxy.grantor, proxy.holder
    if proxy.family:
        return _family_refusal(proxy, context)
    if not policy.allowed:
        return _violation(
            "voting.proxy_forbidden",
            proxy.label,
            Text(
                "No one may vote by proxy; the member {grantor} counts as absent.",
                grantor=grantor,
            ),
            policy.citation,
        )
    if holder not in electorate.voters:
        if not policy.holder_must_be_member:
            return None  # a holder who is not a voter is allowed, and taken to attend
        return _violation(
            "voting.proxy_holder_not_member",
            proxy.label,
            Text(
                "A member may only be represented by another member; {holder} is not a voter.",
                holder=holder,
            ),
            policy.citation,
        )
    if holder in context.present:
        return None
    return _holder_absent(proxy, context)


def _holder_absent(proxy: Proxy, context: _Context) -> Violation:
    """The violation for a proxy whose holder, a voter, is not present in person."""
    grantor, holder = proxy.grantor, proxy.holder
    if holder in context.given:
        return _violation(
            "voting.proxy_chain",
            proxy.label,
            Text(
                "{holder} is not present in person but represented by proxy: a proxy is not passed "
                "on, and {grantor} counts as absent.",
                holder=holder,
                grantor=grantor,
            ),
            context.policy.citation,
        )
    return _violation(
        "voting.proxy_holder_absent",
        proxy.label,
        Text(
            "{holder}, who holds the proxy, is not present in person (list them among those "
            "present "
            "if they attended): the proxy lapses, and {grantor} counts as absent.",
            holder=holder,
            grantor=grantor,
        ),
        context.policy.citation,
    )


def _family_refusal(proxy: Proxy, context: _Context) -> Violation | None:
    """Why a family representation is not used, if it is not."""
    policy = context.policy
    citation = policy.family_citation or policy.citation
    if not context.family_ok:
        return _violation(
            "voting.family_representation_not_allowed",
            proxy.label,
            Text(
                "Representation by a spouse or adult child is not allowed here; the member "
                "{grantor} "
                "counts as absent.",
                grantor=proxy.grantor,
            ),
            citation,
        )
    if proxy.holder in context.electorate.voters:
        return _violation(
            "voting.family_holder_is_member",
            proxy.label,
            Text(
                "{holder} is a voter: a member is represented by a spouse or adult child who is "
                "not a "
                "member, not by another member; {grantor} counts as absent.",
                holder=proxy.holder,
                grantor=proxy.grantor,
            ),
            citation,
        )
    return None


def _limit(
    policy: ProxyPolicy, statutes: VotingStatutes | None, voters: int
) -> tuple[int | None, Citation]:
    """The most proxies one holder may carry, and its rule: the law's, or the statutes' if stricter.

    Raises:
        InvalidParameter: the policy's limit gives a negative number.
    """
    limit = policy.max_per_holder(voters) if policy.max_per_holder is not None else None
    if limit is not None and limit < 0:
        raise InvalidParameter(
            "proxies.max_per_holder", limit, f"a number of proxies, at least 0 ({voters} voters)"
        )
    citation = _limit_citation(policy)
    own = statutes.max_proxies if statutes is not None else None
    if statutes is not None and own is not None and (limit is None or own < limit):
        return own, statutes.citation
    return limit, citation


def _limit_citation(policy: ProxyPolicy) -> Citation:
    """The rule that limits the proxies: the law's figure's own citation, else the policy's."""
    limit = policy.max_per_holder
    if isinstance(limit, ProxyLimit) and limit.citation is not None:
        return limit.citation
    return policy.citation


def _too_many(
    holder: str, held: list[Proxy], limit: int, electorate: Electorate, citation: Citation
) -> list[Violation]:
    """The violations for the proxies ``holder`` carries beyond ``limit`` (the last by grantor)."""
    voters = electorate.total_members
    return [
        _violation(
            "voting.too_many_proxies",
            proxy.label,
            Text(
                "{holder} holds {held_count} proxies, more than the {limit} allowed with {voters} "
                "voters; this one is rejected and {grantor} counts as absent.",
                holder=holder,
                held_count=len(held),
                limit=limit,
                voters=voters,
                grantor=proxy.grantor,
            ),
            citation,
        )
        for proxy in held[limit:]
    ]
