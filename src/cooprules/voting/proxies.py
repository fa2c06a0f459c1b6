"""Representation at a meeting: proxies, checked against the regime's policy and the statutes.

Each :class:`Proxy` is checked against the regime's
:class:`~cooprules.voting.rules.ProxyPolicy` (forbidden, allowed, only to another member, at most
so many per holder, family representation, which a by-law may forbid: the statutes' value of the
regime's key, read when the rules are bound) and the statutes (a stricter limit). An invalid proxy
is a :class:`~cooprules.explain.Violation` naming it, and the member it would have represented
counts as absent. When a holder carries more proxies than allowed, those of the grantors with the
smallest ids are kept, so the outcome never depends on the order the proxies were given.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet

import attrs

from cooprules.errors import DuplicateId, UnknownMember
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
        """``"grantor -> holder"``, as violations name it."""
        return f"proxy {self.grantor} -> {self.holder}"


@attrs.frozen
class _Representation:
    """The proxies checked: the members validly represented, and why the others are not."""

    represented: AbstractSet[str]
    violations: tuple[Violation, ...]
    steps: tuple[Step, ...]


def _check_proxies(
    proxies: tuple[Proxy, ...],
    electorate: Electorate,
    rules: VotingRules,
    statutes: VotingStatutes | None,
    present: AbstractSet[str],
) -> _Representation:
    """The members validly represented, and the violations for the proxies that are not.

    Raises:
        DuplicateId: a member gave two proxies.
        UnknownMember: a grantor is not in the register.
    """
    policy = rules.proxies
    family_ok = policy.family_representation is True
    valid: dict[str, list[Proxy]] = {}
    problems: list[Violation] = []
    seen: set[str] = set()
    for proxy in sorted(proxies, key=lambda p: (p.grantor, p.holder)):
        if proxy.grantor in seen:
            raise DuplicateId("proxies", proxy.grantor, "a member gave two proxies")
        seen.add(proxy.grantor)
        problem = _refusal(proxy, electorate, policy, present=present, family_ok=family_ok)
        if problem is not None:
            problems.append(problem)
        else:
            key = f"family:{proxy.grantor}" if proxy.family else proxy.holder
            valid.setdefault(key, []).append(proxy)
    limit = _limit(policy, statutes, electorate.total_members)
    represented: set[str] = set()
    for holder, held in valid.items():
        kept = held
        if limit is not None and not holder.startswith("family:") and len(held) > limit:
            problems.extend(_too_many(holder, held, limit, electorate, policy))
            kept = held[:limit]  # keep the first ones by grantor id
        represented.update(p.grantor for p in kept)
    step = Step(
        Text(en="Representation checked", fr="Représentations vérifiées"),
        {"proxies": len(proxies), "limit per holder": limit or "-"},
        len(represented),
        policy.citation,
    )
    return _Representation(represented, tuple(problems), (step,))


def _refusal(
    proxy: Proxy,
    electorate: Electorate,
    policy: ProxyPolicy,
    *,
    present: AbstractSet[str],
    family_ok: bool,
) -> Violation | None:
    """Why ``proxy`` is not used, if it is not: one check per rule, in the order of the law.

    Raises:
        UnknownMember: the grantor is not in the register.
    """
    if proxy.grantor not in electorate.voters:
        if proxy.grantor not in electorate.excluded:
            raise UnknownMember("proxies.grantor", proxy.grantor, "not in the register")
        return _violation(
            "voting.proxy_not_a_voter",
            proxy.label,
            f"{proxy.grantor} may not vote, so cannot be represented.",
            f"{proxy.grantor} n'a pas le droit de vote et ne peut donc être représenté.",
            policy.citation,
        )
    if proxy.grantor in present:
        return Violation(
            "voting.proxy_grantor_present",
            Severity.WARNING,
            proxy.label,
            Text(
                en=f"{proxy.grantor} is present in person; the proxy is not used.",
                fr=f"{proxy.grantor} est présent en personne ; la procuration est sans objet.",
            ),
            policy.citation,
        )
    if proxy.family:
        return None if family_ok else _family_refused(proxy, policy)
    if not policy.allowed:
        return _violation(
            "voting.proxy_forbidden",
            proxy.label,
            f"No one may vote by proxy; the member {proxy.grantor} counts as absent.",
            f"Nul ne peut voter par procuration ; le membre {proxy.grantor} est compté absent.",
            policy.citation,
        )
    if policy.holder_must_be_member and proxy.holder not in electorate.voters:
        return _violation(
            "voting.proxy_holder_not_member",
            proxy.label,
            f"A member may only be represented by another member; {proxy.holder} is not one.",
            f"Un associé ne peut se faire représenter que par un autre associé ; "
            f"{proxy.holder} ne l'est pas.",
            policy.citation,
        )
    return None


def _family_refused(proxy: Proxy, policy: ProxyPolicy) -> Violation:
    return _violation(
        "voting.family_representation_not_allowed",
        proxy.label,
        "Representation by a spouse or adult child is not allowed here; the "
        f"member {proxy.grantor} counts as absent.",
        "La représentation par le conjoint ou un enfant majeur n'est pas admise "
        f"ici ; le membre {proxy.grantor} est compté absent.",
        policy.family_citation or policy.citation,
    )


def _limit(policy: ProxyPolicy, statutes: VotingStatutes | None, voters: int) -> int | None:
    """The most proxies one holder may carry: the law's limit, or the statutes' if stricter."""
    limit = policy.max_per_holder(voters) if policy.max_per_holder is not None else None
    if statutes is not None and statutes.max_proxies is not None:
        limit = statutes.max_proxies if limit is None else min(limit, statutes.max_proxies)
    return limit


def _limit_citation(policy: ProxyPolicy) -> Citation:
    """The rule that limits the proxies: the law's figure's own citation, else the policy's."""
    limit = policy.max_per_holder
    if isinstance(limit, ProxyLimit) and limit.citation is not None:
        return limit.citation
    return policy.citation


def _too_many(
    holder: str, held: list[Proxy], limit: int, electorate: Electorate, policy: ProxyPolicy
) -> list[Violation]:
    """The violations for the proxies ``holder`` carries beyond ``limit`` (the last by grantor)."""
    voters = electorate.total_members
    return [
        _violation(
            "voting.too_many_proxies",
            proxy.label,
            f"{holder} holds {len(held)} proxies, more than the {limit} allowed with "
            f"{voters} voters; this one is rejected and {proxy.grantor} counts as absent.",
            f"{holder} détient {len(held)} procurations, plus que les {limit} "
            f"permises pour {voters} votants ; celle-ci est rejetée et {proxy.grantor} est "
            "compté absent.",
            _limit_citation(policy),
        )
        for proxy in held[limit:]
    ]
