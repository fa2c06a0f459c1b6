"""Voting at a general meeting: electorate, weights and caps, colleges, proxies, quorum, majorities.

The engine works in four steps, each recorded in the result's explanation with its citation:

1. **Electorate** (:func:`electorate`): who may vote on the meeting's date, from the membership
   register and the regime's :class:`VotingRules` (which statuses and categories vote), the college
   of each voter and their raw weight: one per member, or one per share where a Belgian co-op's
   articles keep the company-code default.
2. **Representation**: each :class:`Proxy` is checked against the regime's :class:`ProxyPolicy`
   (forbidden, allowed, only to another member, at most so many per holder, family
   representation). An invalid proxy is a :class:`~cooprules.explain.Violation` naming it, and the
   member it would have represented counts as absent: their ballot is not counted.
3. **Weights and caps**: a member's weight is capped at a share of the votes present or
   represented (:class:`MemberCap`), categories of members at a share of the votes
   (:class:`CategoryCap`, reduced pro rata), and colleges get the share of the total that the
   statutes set, kept within the regime's bounds (:class:`CollegeBounds`). Everything is exact
   (:class:`~fractions.Fraction`), and :attr:`VoteResult.reductions` says how each weight was cut.
4. **Quorum and majority** (:class:`DecisionRule`): the quorum of the call (first or second), on
   members or on votes; the majority as a fraction of the votes cast, present or of all, with
   abstentions and blank votes counted or not as the regime (or the statutes) say. A tie never
   reaches a strict majority ("more than half"): a tied motion is rejected.

Choices made where the law is silent (each is documented in ``docs/voting.md``):

* **Member cap, not iterative.** The cap is computed once on the raw votes present or represented
  (the reference's C3 example: 400 votes, cap 40, a 60-share member counts 40). It applies to a
  member's own votes; votes they carry for others are capped as those members' votes.
* **College weights.** Each college's share is its statute weight (equal shares by default). A
  college with no vote in the majority's base is *absent*: its share is redistributed to the others
  in proportion to their weights, then every share is brought within the bounds: each share is
  ``clamp(t * weight, minimum, maximum)`` with ``t`` solved exactly so that the shares add up to
  1. If the bounds cannot all hold (two colleges left with a 50 % ceiling can, one cannot), the
  shares are as close as they can be and a violation says so.
* **Category caps** (France, art. 3 bis) apply to the votes present or represented, each capped
  group's votes reduced pro rata, in the order the regime lists them (narrower group first).
* **Excess proxies**: when a holder carries more proxies than allowed, those of the grantors with
  the smallest ids are kept, so the outcome never depends on the order the proxies were given.

```pycon
>>> from datetime import date
>>> from cooprules.voting import (Choice, DecisionRule, Electorate, Majority, Meeting,
...     ProxyPolicy, Voter, VotingRules, tally)
>>> rules = VotingRules(code="xx-demo", proxies=ProxyPolicy(allowed=False, citation=_DEMO),
...     decisions=(DecisionRule("ordinary", Text(en="ordinary", fr="ordinaire"),
...                Majority(Fraction(1, 2), strict=True), citation=_DEMO),))
>>> voters = Electorate.of([Voter("ana"), Voter("bo"), Voter("cy")])
>>> meeting = Meeting(date(2026, 6, 1), "ordinary", voters,
...     ballots={"ana": Choice.FOR, "bo": Choice.FOR, "cy": Choice.AGAINST})
>>> result = tally(meeting, rules)
>>> result.adopted, result.tally[Choice.FOR], result.share_for
(True, Fraction(2, 1), Fraction(2, 3))

```
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from fractions import Fraction
from types import MappingProxyType

import attrs

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter, UnknownMember
from cooprules.explain import Citation, Explanation, RuleKind, Severity, Step, Text, Violation
from cooprules.voting.electorate import Electorate
from cooprules.voting.rules import (
    Base,
    Choice,
    College,
    DecisionRule,
    QuorumOn,
    VotingRules,
    VotingStatutes,
    _show,
)

__all__ = ["Meeting", "Proxy", "Reduction", "VoteResult", "bounded_shares", "tally"]

_DEMO = Citation("Example Act", "s. 1", "XX")


def _ids(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def _proxies(values: Iterable[Proxy]) -> tuple[Proxy, ...]:
    return tuple(values)


# ---------------------------------------------------------------------------------------------
# Meeting and result
# ---------------------------------------------------------------------------------------------


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


def _ballots(value: Mapping[str, Choice] | Iterable[tuple[str, Choice]]) -> Mapping[str, Choice]:
    if isinstance(value, Mapping):
        return value
    pairs = list(value)
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for member_id, _ in pairs:
            if member_id in seen:
                raise DuplicateId("ballots", member_id, "a member voted twice")
            seen.add(member_id)
    return result


def _call(_instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if value not in {1, 2}:
        raise InvalidInput(attribute.name, value, "a meeting is held on the first or second call")


@attrs.frozen
class Meeting:
    """A general meeting's vote on one motion.

    Attributes:
        date: the meeting's date.
        decision: the kind of decision (a :class:`DecisionRule` code).
        electorate: who may vote.
        ballots: each voter's choice by member id (a mapping, or pairs: a member voting twice is
            a :class:`~cooprules.errors.DuplicateId`). A represented member's ballot is recorded
            under the member's own id.
        present: the voters present in person (``None``: those who cast a ballot and are not
            represented).
        proxies: the representations claimed.
        call: 1 or 2 (first or second call).
        staff_members: one or more members are staff (for a cap that depends on it).
    """

    date: date
    decision: str
    electorate: Electorate
    ballots: Mapping[str, Choice] = attrs.field(converter=_ballots)
    present: frozenset[str] | None = attrs.field(default=None, converter=_ids)
    proxies: tuple[Proxy, ...] = attrs.field(default=(), converter=_proxies)
    call: int = attrs.field(default=1, validator=_call)
    staff_members: bool = False


@attrs.frozen
class Reduction:
    """How one member's (or one category's) weight was cut.

    Attributes:
        subject: the member id, or ``"category:<code>"``.
        raw: the weight before.
        effective: the weight after.
        reason: why, in English and French.
        citation: the rule.
    """

    subject: str
    raw: Fraction
    effective: Fraction
    reason: Text
    citation: Citation | None


@attrs.frozen
class VoteResult:
    """The outcome of a vote, with every number behind it.

    Attributes:
        decision: the kind of decision.
        rule: the rule applied.
        adopted: the motion passed (never when the quorum failed).
        quorum_reached: whether the quorum was met.
        present_members: voters present or validly represented.
        present_weight: their raw votes.
        tally: the (capped) votes per choice over all colleges.
        by_college: the (capped) votes per choice in each college (``None`` without colleges).
        college_shares: each college's share of the result after bounds (empty without colleges).
        share_for: the votes for as a share of the majority's base (college-weighted).
        reductions: each weight that a cap cut.
        counted: the ballots counted (valid and present or validly represented).
        explanation: the steps.
        violations: every compliance problem found.
    """

    decision: str
    rule: DecisionRule
    adopted: bool
    quorum_reached: bool
    present_members: int
    present_weight: int
    tally: Mapping[Choice, Fraction]
    by_college: Mapping[str | None, Mapping[Choice, Fraction]]
    college_shares: Mapping[str, Fraction]
    share_for: Fraction
    reductions: tuple[Reduction, ...]
    counted: int
    explanation: Explanation
    violations: tuple[Violation, ...]

    def summary(self, lang: str = "en") -> str:
        """One line: adopted or rejected, the share for, the rule."""
        rule = self.rule.majority.describe() if self.rule.majority else None
        share = _show(self.share_for)
        if lang == "fr":
            verdict = "adoptée" if self.adopted else "rejetée"
            if not self.quorum_reached:
                verdict += " (quorum non atteint)"
            return f"Résolution {verdict} : {share} pour ; règle : {rule.fr if rule else '-'}"
        verdict = "adopted" if self.adopted else "rejected"
        if not self.quorum_reached:
            verdict += " (no quorum)"
        return f"Motion {verdict}: {share} for; rule: {rule.en if rule else '-'}"


# ---------------------------------------------------------------------------------------------
# Bounded shares (colleges)
# ---------------------------------------------------------------------------------------------


def bounded_shares(
    weights: Mapping[str, Fraction], minimum: Fraction, maximum: Fraction
) -> tuple[dict[str, Fraction], bool]:
    """Scale ``weights`` to add up to 1, each share within ``[minimum, maximum]`` if possible.

    Each share is ``clamp(t * weight, minimum, maximum)``, with ``t`` solved exactly (the sum is
    piecewise linear in ``t``) so that the shares add up to 1.

    Returns:
        The shares, and whether every bound holds (``False`` when the bounds cannot all hold
        for this number of colleges: the shares are then as near as they can be).

    ```pycon
    >>> shares, ok = bounded_shares({"a": Fraction(3, 5), "b": Fraction(1, 5), "c": Fraction(1, 5)},
    ...                             Fraction(1, 10), Fraction(1, 2))
    >>> {k: str(v) for k, v in shares.items()}, ok
    ({'a': '1/2', 'b': '1/4', 'c': '1/4'}, True)

    ```
    """
    count = len(weights)
    if count == 0:
        return {}, True
    feasible = count * minimum <= 1 <= count * maximum
    if count * maximum < 1:
        maximum = Fraction(1, count)
    if count * minimum > 1:
        minimum = Fraction(1, count)
    total = sum(weights.values(), Fraction(0))
    if total == 0 or any(value <= 0 for value in weights.values()):
        base = {key: Fraction(1, count) for key in weights}
    else:
        base = {key: value / total for key, value in weights.items()}

    def clamp(t: Fraction, w: Fraction) -> Fraction:
        return min(maximum, max(minimum, t * w))

    # Each share is clamp(t * weight, minimum, maximum); their sum grows with t, piecewise
    # linearly: find the segment where it crosses 1 and solve it exactly.
    points = sorted({Fraction(0)} | {b / w for w in base.values() for b in (minimum, maximum)})
    start = points[0]
    for end in points[1:]:
        if sum(clamp(end, w) for w in base.values()) >= 1:
            break
        start = end
    else:  # pragma: no cover - the last point puts every share at the maximum, and count*max >= 1
        end = start
    fixed = sum(
        clamp(start, w) for w in base.values() if not minimum < (start + end) / 2 * w < maximum
    )
    slope = sum(w for w in base.values() if minimum < (start + end) / 2 * w < maximum)
    t = start if slope == 0 else (1 - fixed) / slope
    shares = {key: clamp(t, w) for key, w in base.items()}
    return shares, feasible


# ---------------------------------------------------------------------------------------------
# Tally
# ---------------------------------------------------------------------------------------------

_CHOICES = frozenset(Choice)


def _violation(code: str, subject: str, en: str, fr: str, citation: Citation | None) -> Violation:
    return Violation(code, Severity.ERROR, subject, Text(en=en, fr=fr), citation)


def _decision_rule(
    meeting: Meeting, rules: VotingRules, statutes: VotingStatutes | None
) -> tuple[DecisionRule, list[Violation]]:
    law = rules.decision(meeting.decision)
    chosen = None
    if statutes is not None:
        chosen = next((d for d in statutes.decisions if d.kind == meeting.decision), None)
    problems: list[Violation] = []
    # A legal majority the reference is not sure of ([MEM]/[UNC]: no figure) cannot be
    # contradicted: the statutes' rule fills the gap.
    overrides_law = (
        chosen is not None
        and law is not None
        and law.kind_of_rule is RuleKind.LAW
        and law.majority is not None
        and (chosen.majority != law.majority or chosen.quorum != law.quorum)
    )
    if overrides_law and law is not None:
        problems.append(
            _violation(
                "voting.rule_contradicts_law",
                f"decision:{meeting.decision}",
                "The law fixes this decision's quorum and majority; the statutes cannot "
                "change them. The law's rule is applied.",
                "La loi fixe le quorum et la majorité de cette décision ; les statuts ne "
                "peuvent les modifier. La règle légale s'applique.",
                law.citation,
            )
        )
        chosen = None
    rule = chosen or law
    if rule is None:
        raise InvalidParameter(
            "meeting.decision",
            meeting.decision,
            f"regime {rules.code} sets no rule for this decision: give the statutes' rule",
        )
    if rule.majority is None:
        raise InvalidParameter(
            f"{rules.code}.decisions[{rule.kind}].majority",
            None,
            "the reference is not sure of the legal majority: give the statutes' rule",
        )
    return rule, problems


def _check_proxies(  # noqa: C901, PLR0912 - one branch per rule, in the order the law states them
    meeting: Meeting,
    rules: VotingRules,
    statutes: VotingStatutes | None,
    present: frozenset[str],
) -> tuple[set[str], list[Violation], list[Step]]:
    """The members validly represented, and the violations for the proxies that are not."""
    policy = rules.proxies
    voters = meeting.electorate.voters
    valid: dict[str, list[Proxy]] = {}
    problems: list[Violation] = []
    seen: set[str] = set()
    family_ok = policy.family_representation
    if statutes is not None and statutes.family_representation is not None:
        family_ok = family_ok and statutes.family_representation
    for proxy in sorted(meeting.proxies, key=lambda p: (p.grantor, p.holder)):
        if proxy.grantor in seen:
            raise DuplicateId("proxies", proxy.grantor, "a member gave two proxies")
        seen.add(proxy.grantor)
        if proxy.grantor not in voters:
            if proxy.grantor in meeting.electorate.excluded:
                problems.append(
                    _violation(
                        "voting.proxy_not_a_voter",
                        proxy.label,
                        f"{proxy.grantor} may not vote, so cannot be represented.",
                        f"{proxy.grantor} n'a pas le droit de vote et ne peut donc être "
                        "représenté.",
                        policy.citation,
                    )
                )
                continue
            raise UnknownMember("proxies.grantor", proxy.grantor, "not in the register")
        if proxy.grantor in present:
            problems.append(
                Violation(
                    "voting.proxy_grantor_present",
                    Severity.WARNING,
                    proxy.label,
                    Text(
                        en=f"{proxy.grantor} is present in person; the proxy is not used.",
                        fr=f"{proxy.grantor} est présent en personne ; la procuration est "
                        "sans objet.",
                    ),
                    policy.citation,
                )
            )
            continue
        if proxy.family:
            if not family_ok:
                citation = policy.family_citation or policy.citation
                problems.append(
                    _violation(
                        "voting.family_representation_not_allowed",
                        proxy.label,
                        "Representation by a spouse or adult child is not allowed here; the "
                        f"member {proxy.grantor} counts as absent.",
                        "La représentation par le conjoint ou un enfant majeur n'est pas admise "
                        f"ici ; le membre {proxy.grantor} est compté absent.",
                        citation,
                    )
                )
                continue
            valid.setdefault(f"family:{proxy.grantor}", []).append(proxy)
            continue
        if not policy.allowed:
            problems.append(
                _violation(
                    "voting.proxy_forbidden",
                    proxy.label,
                    f"No one may vote by proxy; the member {proxy.grantor} counts as absent.",
                    f"Nul ne peut voter par procuration ; le membre {proxy.grantor} est compté "
                    "absent.",
                    policy.citation,
                )
            )
            continue
        if policy.holder_must_be_member and proxy.holder not in voters:
            problems.append(
                _violation(
                    "voting.proxy_holder_not_member",
                    proxy.label,
                    f"A member may only be represented by another member; {proxy.holder} is not "
                    "one.",
                    f"Un associé ne peut se faire représenter que par un autre associé ; "
                    f"{proxy.holder} ne l'est pas.",
                    policy.citation,
                )
            )
            continue
        valid.setdefault(proxy.holder, []).append(proxy)
    limit = (
        policy.max_per_holder(meeting.electorate.total_members)
        if policy.max_per_holder is not None
        else None
    )
    if statutes is not None and statutes.max_proxies is not None:
        limit = statutes.max_proxies if limit is None else min(limit, statutes.max_proxies)
    represented: set[str] = set()
    for holder, held in valid.items():
        if limit is not None and not holder.startswith("family:") and len(held) > limit:
            problems.extend(
                _violation(
                    "voting.too_many_proxies",
                    proxy.label,
                    f"{holder} holds {len(held)} proxies, more than the {limit} allowed with "
                    f"{meeting.electorate.total_members} voters; this one is rejected and "
                    f"{proxy.grantor} counts as absent.",
                    f"{holder} détient {len(held)} procurations, plus que les {limit} "
                    f"permises pour {meeting.electorate.total_members} votants ; celle-ci est "
                    f"rejetée et {proxy.grantor} est compté absent.",
                    policy.citation,
                )
                for proxy in held[limit:]
            )
            held = held[:limit]  # noqa: PLW2901 - keep the first ones by grantor id
        represented.update(p.grantor for p in held)
    steps = [
        Step(
            Text(en="Representation checked", fr="Représentations vérifiées"),
            {"proxies": len(meeting.proxies), "limit per holder": limit or "-"},
            len(represented),
            policy.citation,
        )
    ]
    return represented, problems, steps


def _member_cap(
    meeting: Meeting, rules: VotingRules, statutes: VotingStatutes | None
) -> tuple[Fraction | None, Citation | None]:
    caps: list[tuple[Fraction, Citation]] = []
    for cap in rules.member_caps:
        if not cap.in_force(meeting.date) or (cap.staff and not meeting.staff_members):
            continue
        rate = cap.rate
        citation = cap.citation
        if rate is None and statutes is not None:
            rate = statutes.staff_member_cap if cap.staff else statutes.member_cap
            citation = statutes.citation
        if rate is not None:
            caps.append((rate.value, citation))
    if statutes is not None and statutes.member_cap is not None:
        caps.append((statutes.member_cap.value, statutes.citation))
    if not caps:
        return None, None
    return min(caps, key=lambda item: item[0])


def tally(  # noqa: C901, PLR0912, PLR0915 - the steps read in the order the law applies them
    meeting: Meeting, rules: VotingRules, *, statutes: VotingStatutes | None = None
) -> VoteResult:
    """Count a meeting's vote on one motion under the regime's rules and the co-op's statutes.

    Raises:
        UnknownMember: a ballot or a proxy names someone not in the register.
        DuplicateId: a member gave two proxies (two ballots are refused when the meeting is built).
        InvalidInput: a ballot is not a :class:`Choice` (a float, a string...).
        InvalidParameter: no rule (or no majority) is known for the decision: give the statutes'.
    """
    rule, violations = _decision_rule(meeting, rules, statutes)
    majority = rule.majority
    assert majority is not None  # noqa: S101 - _decision_rule refuses a rule without one
    voters_electorate = meeting.electorate
    voters = voters_electorate.voters
    ballots = meeting.ballots
    steps: list[Step] = []

    # Ballots: every id known, every value a Choice.
    unknown = ballots.keys() - voters.keys()
    not_voters = {m for m in unknown if m in voters_electorate.excluded}
    if unknown - not_voters:
        first = min(unknown - not_voters)
        raise UnknownMember("ballots", first, "not in the register")
    bad = set(Counter(ballots.values())) - _CHOICES
    if bad:
        value = next(iter(bad))
        raise InvalidInput("ballots", value, "a ballot is a Choice (for, against, abstain, blank)")
    violations.extend(
        _violation(
            "voting.ballot_not_a_voter",
            member_id,
            f"{member_id} may not vote ({voters_electorate.excluded[member_id]}); the ballot is "
            "not counted.",
            f"{member_id} n'a pas le droit de vote ({voters_electorate.excluded[member_id]}) ; "
            "le bulletin n'est pas compté.",
            rules.weight_citation,
        )
        for member_id in sorted(not_voters)
    )

    # Attendance and representation.
    proxied = {p.grantor for p in meeting.proxies}
    if meeting.present is None:
        present = frozenset(ballots.keys() - proxied - not_voters)
    else:
        present = meeting.present
        strangers = present - voters.keys()
        if strangers - voters_electorate.excluded.keys():
            raise UnknownMember("present", min(strangers), "not in the register")
        present = present & voters.keys()
    represented, proxy_problems, proxy_steps = _check_proxies(meeting, rules, statutes, present)
    violations.extend(proxy_problems)
    steps.extend(proxy_steps)
    attending = present | represented
    heavy = voters_electorate.heavy
    present_weight = len(attending) + sum(heavy[m] - 1 for m in attending & heavy.keys())
    counted_ids = ballots.keys() & attending
    absent_ballots = ballots.keys() - attending - not_voters
    violations.extend(
        _violation(
            "voting.ballot_not_present",
            member_id,
            f"{member_id} is neither present nor validly represented; the ballot is not counted.",
            f"{member_id} n'est ni présent ni valablement représenté ; le bulletin n'est pas "
            "compté.",
            rules.proxies.citation,
        )
        for member_id in sorted(absent_ballots)
    )
    steps.append(
        Step(
            Text(en="Voters present or represented", fr="Votants présents ou représentés"),
            {
                "voters": voters_electorate.total_members,
                "present": len(present),
                "represented": len(represented),
                "votes": present_weight,
            },
            len(attending),
        )
    )

    # Quorum.
    quorum = rule.quorum_for(meeting.call)
    if quorum is None:
        quorum_reached = True
        steps.append(
            Step(
                Text(en="Quorum", fr="Quorum"),
                {"call": meeting.call},
                Text(en="none required", fr="aucun requis"),
                rule.citation,
            )
        )
    else:
        if quorum.on is QuorumOn.MEMBERS:
            have, out_of = len(attending), voters_electorate.total_members
        else:
            have, out_of = present_weight, voters_electorate.total_weight
        quorum_reached = out_of > 0 and Fraction(have, out_of) >= quorum.share
        steps.append(
            Step(
                Text(en=f"Quorum on {quorum.on.value}", fr=f"Quorum ({quorum.on.value})"),
                {"call": meeting.call, "required": quorum.share, "present": have, "of": out_of},
                quorum_reached,
                rule.citation,
            )
        )
        if not quorum_reached:
            violations.append(
                Violation(
                    "voting.no_quorum",
                    Severity.WARNING,
                    f"decision:{rule.kind}",
                    Text(
                        en=f"Quorum not reached ({have} of {out_of}, {_show(quorum.share)} "
                        "required): the meeting cannot decide.",
                        fr=f"Quorum non atteint ({have} sur {out_of}, {_show(quorum.share)} "
                        "requis) : l'assemblée ne peut délibérer.",
                    ),
                    rule.citation,
                )
            )

    # Raw tally per (group, choice): the hot path, in C.
    group_of = voters_electorate.group_of
    if len(counted_ids) == len(ballots):
        counted_items: Iterable[str] = ballots.keys()
        choices: Iterable[Choice] = ballots.values()
    else:
        counted_items = list(counted_ids)
        choices = [ballots[m] for m in counted_items]
    raw = Counter(zip(map(group_of.__getitem__, counted_items), choices, strict=True))
    counts: dict[tuple[int, Choice], Fraction | int] = dict(raw)
    voted_heavy = counted_ids & heavy.keys()
    for member_id in voted_heavy:
        key = (group_of[member_id], ballots[member_id])
        counts[key] += heavy[member_id] - 1
    present_by_group: dict[int, Fraction | int] = dict(
        Counter(map(group_of.__getitem__, attending))
    )
    for member_id in attending & heavy.keys():
        present_by_group[group_of[member_id]] += heavy[member_id] - 1

    # Member cap.
    reductions: list[Reduction] = []
    cap_rate, cap_citation = _member_cap(meeting, rules, statutes)
    if cap_rate is not None:
        cap = cap_rate * present_weight
        pool = (attending & heavy.keys()) if cap >= 1 else attending
        over = (m for m in pool if voters_electorate.weight(m) > cap)
        for member_id in sorted(over):
            weight = voters_electorate.weight(member_id)
            cut = weight - cap
            group = group_of[member_id]
            present_by_group[group] -= cut
            if member_id in ballots:
                counts[(group, ballots[member_id])] -= cut
            reductions.append(
                Reduction(
                    member_id,
                    Fraction(weight),
                    cap,
                    Text(
                        en=f"capped at {_show(cap_rate)} of the {present_weight} votes present "
                        "or represented",
                        fr=f"plafonné à {_show(cap_rate)} des {present_weight} voix présentes ou "
                        "représentées",
                    ),
                    cap_citation,
                )
            )
        steps.append(
            Step(
                Text(en="Cap per member", fr="Plafond par membre"),
                {"cap": cap_rate, "votes present or represented": present_weight, "cap votes": cap},
                len(reductions),
                cap_citation,
            )
        )

    # Category caps, on the votes present or represented, pro rata.
    groups = voters_electorate.groups
    for category_cap in rules.category_caps:
        if not category_cap.in_force(meeting.date):
            continue
        inside = [g for g, (_, cat) in enumerate(groups) if cat in category_cap.categories]
        group_votes = sum((Fraction(present_by_group.get(g, 0)) for g in inside), Fraction(0))
        others = sum(Fraction(v) for v in present_by_group.values()) - group_votes
        rate = category_cap.rate.value
        allowed = rate * others / (1 - rate) if rate < 1 else group_votes
        factor = Fraction(1)
        if group_votes > allowed:
            factor = allowed / group_votes
            for g in inside:
                if g in present_by_group:
                    present_by_group[g] = present_by_group[g] * factor
                for choice in Choice:
                    if (g, choice) in counts:
                        counts[(g, choice)] = counts[(g, choice)] * factor
            reductions.append(
                Reduction(
                    "category:" + "+".join(sorted(category_cap.categories)),
                    group_votes,
                    allowed,
                    Text(
                        en=f"these categories together capped at {_show(rate)} of the votes, "
                        "each vote reduced pro rata",
                        fr=f"ces catégories plafonnées ensemble à {_show(rate)} des voix, chaque "
                        "voix réduite au prorata",
                    ),
                    category_cap.citation,
                )
            )
        steps.append(
            Step(
                Text(
                    en="Cap on categories: " + ", ".join(sorted(category_cap.categories)),
                    fr="Plafond par catégories : " + ", ".join(sorted(category_cap.categories)),
                ),
                {"cap": rate, "their votes": group_votes, "other votes": others},
                factor,
                category_cap.citation,
            )
        )

    # Per-college tallies.
    by_college: dict[str | None, dict[Choice, Fraction]] = {}
    present_by_college: dict[str | None, Fraction] = {}
    for (group, choice), votes in counts.items():
        college = groups[group][0]
        box = by_college.setdefault(college, {})
        box[choice] = box.get(choice, Fraction(0)) + votes
    for group, votes in present_by_group.items():
        college = groups[group][0]
        present_by_college[college] = present_by_college.get(college, Fraction(0)) + votes
    all_by_college: dict[str | None, int] = {}
    for voter in voters.values() if majority.base is Base.ALL else ():
        all_by_college[voter.college] = all_by_college.get(voter.college, 0) + voter.weight
    abstentions = rules.abstentions_count
    blank = rules.blank_count
    if statutes is not None:
        abstentions = (
            abstentions if statutes.abstentions_count is None else (statutes.abstentions_count)
        )
        blank = blank if statutes.blank_count is None else statutes.blank_count

    def base_of(college: str | None) -> Fraction:
        box = by_college.get(college, {})
        if majority.base is Base.CAST:
            value = box.get(Choice.FOR, Fraction(0)) + box.get(Choice.AGAINST, Fraction(0))
            if abstentions:
                value += box.get(Choice.ABSTAIN, Fraction(0))
            if blank:
                value += box.get(Choice.BLANK, Fraction(0))
            return value
        if majority.base is Base.PRESENT:
            return present_by_college.get(college, Fraction(0))
        return Fraction(all_by_college.get(college, 0))

    colleges = voters_electorate.colleges
    college_shares: dict[str, Fraction] = {}
    if colleges and not rules.colleges_allowed:
        violations.append(
            _violation(
                "voting.colleges_not_allowed",
                "statutes.colleges",
                "This regime gives voting colleges no legal basis; votes are counted by head "
                "in one body.",
                "Ce régime ne donne pas de base légale aux collèges de vote ; les voix sont "
                "comptées par tête en un seul corps.",
                rules.colleges_citation,
            )
        )
    if colleges and rules.colleges_allowed:
        share_for = _college_result(
            colleges, rules, by_college, base_of, college_shares, violations, steps
        )
    else:
        total_base = sum((base_of(c) for c in {g[0] for g in groups}), Fraction(0))
        votes_for = sum(
            (box.get(Choice.FOR, Fraction(0)) for box in by_college.values()), Fraction(0)
        )
        share_for = votes_for / total_base if total_base else Fraction(0)
    tally_total: dict[Choice, Fraction] = {}
    for box in by_college.values():
        for choice, votes in box.items():
            tally_total[choice] = tally_total.get(choice, Fraction(0)) + votes
    tally_total = {c: tally_total.get(c, Fraction(0)) for c in Choice}
    met = majority.met(share_for) and share_for > 0
    adopted = quorum_reached and met
    note = None
    if majority.strict and share_for == majority.threshold:
        note = Text(
            en="tie: a tie does not reach the majority",
            fr="partage des voix : la majorité n'est pas atteinte",
        )
    steps.append(
        Step(
            Text(en="Votes counted", fr="Voix décomptées"),
            {c.value: tally_total[c] for c in Choice},
            len(counted_ids),
            rules.counting_citation,
            Text(
                en=f"abstentions {'count' if abstentions else 'do not count'} as cast, blank "
                f"ballots {'count' if blank else 'do not count'}",
                fr=f"abstentions {'comptées' if abstentions else 'non comptées'} parmi les voix "
                f"exprimées, bulletins blancs {'comptés' if blank else 'non comptés'}",
            ),
        )
    )
    steps.append(
        Step(
            Text(
                en=f"Majority: {majority.describe().en}", fr=f"Majorité : {majority.describe().fr}"
            ),
            {"decision": rule.label, "share for": share_for, "quorum reached": quorum_reached},
            Text(en="adopted", fr="adoptée") if adopted else Text(en="rejected", fr="rejetée"),
            rule.citation,
            note,
        )
    )
    return VoteResult(
        decision=rule.kind,
        rule=rule,
        adopted=adopted,
        quorum_reached=quorum_reached,
        present_members=len(attending),
        present_weight=present_weight,
        tally=MappingProxyType(tally_total),
        by_college=MappingProxyType({k: MappingProxyType(v) for k, v in by_college.items()}),
        college_shares=MappingProxyType(college_shares),
        share_for=share_for,
        reductions=tuple(reductions),
        counted=len(counted_ids),
        explanation=Explanation(steps),
        violations=tuple(violations),
    )


def _college_result(  # noqa: PLR0917 - the pieces of the tally it combines
    colleges: tuple[College, ...],
    rules: VotingRules,
    by_college: Mapping[str | None, Mapping[Choice, Fraction]],
    base_of: Callable[[str | None], Fraction],
    college_shares: dict[str, Fraction],
    violations: list[Violation],
    steps: list[Step],
) -> Fraction:
    bounds = rules.college_bounds
    stated = {c.code: c.weight for c in colleges}
    if any(w is None for w in stated.values()):
        weights = {code: Fraction(1, len(colleges)) for code in stated}
    else:
        weights = {code: w for code, w in stated.items() if w is not None}
        if sum(weights.values()) != 1:
            raise InvalidParameter(
                "statutes.colleges",
                {k: str(v) for k, v in weights.items()},
                "college weights must add up to 1",
            )
    if bounds is not None:
        if len(colleges) < bounds.min_colleges:
            violations.append(
                _violation(
                    "voting.too_few_colleges",
                    "statutes.colleges",
                    f"{len(colleges)} colleges; the law requires at least {bounds.min_colleges}.",
                    f"{len(colleges)} collèges ; la loi en exige au moins {bounds.min_colleges}.",
                    bounds.citation,
                )
            )
        violations.extend(
            _violation(
                "voting.college_out_of_bounds",
                f"college:{code}",
                f"The statutes give college {code} {_show(w)} of the votes, outside "
                f"{_show(bounds.minimum)} to {_show(bounds.maximum)}; it is brought within.",
                f"Les statuts donnent au collège {code} {_show(w)} des voix, hors de "
                f"{_show(bounds.minimum)} à {_show(bounds.maximum)} ; il y est ramené.",
                bounds.citation,
            )
            for code, w in sorted(weights.items())
            if not bounds.minimum <= w <= bounds.maximum
        )
    attending = {code: w for code, w in weights.items() if base_of(code) > 0}
    absent = sorted(weights.keys() - attending.keys())
    low = bounds.minimum if bounds is not None else Fraction(0)
    high = bounds.maximum if bounds is not None else Fraction(1)
    shares, feasible = bounded_shares(attending, low, high)
    if not feasible and bounds is not None:
        violations.append(
            _violation(
                "voting.college_bounds_unreachable",
                "colleges",
                f"With {len(attending)} college(s) voting, the shares cannot all lie within "
                f"{_show(low)} to {_show(high)}.",
                f"Avec {len(attending)} collège(s) votant, les parts ne peuvent toutes être "
                f"comprises entre {_show(low)} et {_show(high)}.",
                bounds.citation,
            )
        )
    college_shares.update(shares)
    share_for = Fraction(0)
    for code, share in shares.items():
        box = by_college.get(code, {})
        share_for += share * box.get(Choice.FOR, Fraction(0)) / base_of(code)
    steps.append(
        Step(
            Text(en="College weights", fr="Pondération des collèges"),
            {"statutes": weights, "absent": ", ".join(absent) or "-"},
            shares,
            bounds.citation if bounds is not None else None,
            Text(
                en="absent colleges' weight redistributed pro rata, then each kept within bounds",
                fr="poids des collèges absents réparti au prorata, puis chacun ramené dans les "
                "bornes",
            )
            if absent
            else None,
        )
    )
    return share_for
