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

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from fractions import Fraction
from types import MappingProxyType

import attrs

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter, UnknownMember
from cooprules.explain import (
    Citation,
    Explanation,
    RuleKind,
    Severity,
    Step,
    Text,
    Violation,
    render_value,
)
from cooprules.membership import Member, Status, category_at, status_at
from cooprules.money import Rate, to_fraction

__all__ = [
    "Base",
    "CategoryCap",
    "Choice",
    "College",
    "CollegeBounds",
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
    "WeightBasis",
    "bounded_shares",
    "electorate",
    "tally",
]

_DEMO = Citation("Example Act", "s. 1", "XX")


class WeightBasis(enum.Enum):
    """What a voter's raw weight counts."""

    MEMBER = "member"
    """One vote per member, whatever the shares held."""
    SHARE = "share"
    """One vote per share (the Belgian company-code default, CSA 6:41)."""


class Choice(enum.Enum):
    """A ballot on a motion."""

    FOR = "for"
    AGAINST = "against"
    ABSTAIN = "abstain"
    """An explicit abstention; counted as cast only where the rules say so."""
    BLANK = "blank"
    """A blank (or spoilt) ballot; counted as cast only where the rules say so."""


class Base(enum.Enum):
    """What a majority is a fraction of."""

    CAST = "cast"
    """The votes cast: for and against (plus abstentions and blanks where they count)."""
    PRESENT = "present"
    """The votes present or represented, whether or not they were cast."""
    ALL = "all"
    """All the votes of the electorate, present or not."""


class QuorumOn(enum.Enum):
    """What a quorum counts."""

    MEMBERS = "members"
    """Voters present or represented, by head, over all voters."""
    VOTES = "votes"
    """Raw votes (shares, where votes are per share) present or represented, over all votes."""


_TEXT_BASE = {
    Base.CAST: Text(en="of the votes cast", fr="des voix exprimées"),
    Base.PRESENT: Text(
        en="of the votes present or represented", fr="des voix présentes ou représentées"
    ),
    Base.ALL: Text(en="of all the votes", fr="de toutes les voix"),
}


def _codes(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _ids(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def _decisions(values: Iterable[DecisionRule]) -> tuple[DecisionRule, ...]:
    return tuple(values)


def _member_caps(values: Iterable[MemberCap]) -> tuple[MemberCap, ...]:
    return tuple(values)


def _category_caps(values: Iterable[CategoryCap]) -> tuple[CategoryCap, ...]:
    return tuple(values)


def _colleges(values: Iterable[College]) -> tuple[College, ...]:
    return tuple(values)


def _proxies(values: Iterable[Proxy]) -> tuple[Proxy, ...]:
    return tuple(values)


def _fraction(value: object) -> Fraction:
    if isinstance(value, Rate):
        return value.value
    return to_fraction(value, field="fraction")


def _share(_instance: object, attribute: attrs.Attribute[Fraction], value: Fraction) -> None:
    if not 0 <= value <= 1:
        raise InvalidParameter(attribute.name, value, "must be between 0 and 1")


@attrs.frozen
class Majority:
    """The share of a base of votes a motion needs.

    Attributes:
        threshold: the fraction (``1/2``, ``2/3``, ``3/4``).
        strict: ``True`` for "more than" (a simple majority: more than half), ``False`` for
            "at least" (two-thirds of the votes cast).
        base: what the fraction is taken of.
    """

    threshold: Fraction = attrs.field(converter=_fraction, validator=_share)
    strict: bool = False
    base: Base = Base.CAST

    def describe(self) -> Text:
        """The rule in words, in English and French."""
        share = _show(self.threshold)
        base = _TEXT_BASE[self.base]
        if self.strict:
            return Text(en=f"more than {share} {base.en}", fr=f"plus de {share} {base.fr}")
        return Text(en=f"at least {share} {base.en}", fr=f"au moins {share} {base.fr}")

    def met(self, share: Fraction) -> bool:
        """Tell whether ``share`` (of the base) meets the majority."""
        return share > self.threshold if self.strict else share >= self.threshold


@attrs.frozen
class Quorum:
    """The attendance a meeting needs to deliberate.

    Attributes:
        share: the fraction of members (or votes) that must be present or represented.
        on: whether it counts members or votes.
    """

    share: Fraction = attrs.field(converter=_fraction, validator=_share)
    on: QuorumOn = QuorumOn.MEMBERS


@attrs.frozen
class DecisionRule:
    """The quorum and majority of one kind of decision, with their source.

    Attributes:
        kind: a stable code (``"ordinary"``, ``"merger"``, ``"amend_articles"``...).
        label: what the decision is, in English and French.
        majority: the majority needed; ``None`` when the law sets none the reference is sure of
            (the statutes must then supply a rule: :func:`tally` refuses to guess).
        citation: where the rule comes from.
        quorum: the quorum at the first call (``None``: no quorum).
        second_quorum: the quorum at the second call (``None``: none).
        kind_of_rule: ``LAW`` (the statutes cannot change it), ``DEFAULT`` (they may), ``STATUTE``.
        body: who decides: ``"general_meeting"`` or ``"board"``.
    """

    kind: str
    label: Text
    majority: Majority | None
    citation: Citation
    quorum: Quorum | None = None
    second_quorum: Quorum | None = None
    kind_of_rule: RuleKind = RuleKind.LAW
    body: str = "general_meeting"

    def quorum_for(self, call: int) -> Quorum | None:
        """The quorum at the first (1) or second (2) call."""
        return self.quorum if call == 1 else self.second_quorum


@attrs.frozen
class MemberCap:
    """A cap on one member's votes, as a share of the votes present or represented.

    Attributes:
        rate: the cap (``1/10``); ``None`` when the reference is not sure of the figure: the
            statutes then supply it (:attr:`VotingStatutes.member_cap`).
        citation: the rule.
        valid_from: the first day it applies.
        valid_until: the first day it no longer applies (``None``: in force).
        staff: the cap applies only when one or more members are staff (the former Belgian
            finalité sociale rule of 1/20).
    """

    rate: Rate | None
    citation: Citation
    valid_from: date = date.min
    valid_until: date | None = None
    staff: bool = False

    def __attrs_post_init__(self) -> None:
        if self.rate is not None and not self.citation.confidence.verified:
            raise InvalidParameter(
                "member_cap.rate",
                self.rate,
                f"a figure tagged [{self.citation.confidence.value}] is not verified law: leave "
                "it to the statutes (None) until it is",
            )

    def in_force(self, on: date) -> bool:
        """Tell whether this version applies on ``on``."""
        return self.valid_from <= on and (self.valid_until is None or on < self.valid_until)


@attrs.frozen
class CategoryCap:
    """A cap on the votes of some categories together (France: non-cooperator associates).

    Attributes:
        categories: the member categories the cap groups.
        rate: their largest share of the votes together.
        citation: the rule.
        valid_from: the first day it applies.
        valid_until: the first day it no longer applies.
    """

    categories: frozenset[str] = attrs.field(converter=_codes)
    rate: Rate
    citation: Citation
    valid_from: date = date.min
    valid_until: date | None = None

    def in_force(self, on: date) -> bool:
        """Tell whether this version applies on ``on``."""
        return self.valid_from <= on and (self.valid_until is None or on < self.valid_until)


@attrs.frozen
class CollegeBounds:
    """The regime's bounds on voting colleges.

    Attributes:
        minimum: the smallest share of the total votes a college may hold.
        maximum: the largest share.
        min_colleges: the fewest colleges the statutes may create when they use colleges.
        citation: the rule.
    """

    minimum: Fraction = attrs.field(converter=_fraction, validator=_share)
    maximum: Fraction = attrs.field(converter=_fraction, validator=_share)
    citation: Citation
    min_colleges: int = 1


@attrs.frozen
class College:
    """A voting college the statutes create.

    Attributes:
        code: its identifier (``"employees"``).
        categories: the member categories that vote in it.
        weight: its share of the total votes (``None``: equal shares between colleges).
    """

    code: str
    categories: frozenset[str] = attrs.field(converter=_codes)
    weight: Fraction | None = attrs.field(
        default=None, converter=attrs.converters.optional(_fraction)
    )


@attrs.frozen
class ProxyPolicy:
    """Whether and how a member may be represented at a general meeting.

    Attributes:
        allowed: voting by proxy is allowed.
        citation: the rule.
        holder_must_be_member: the proxy holder must be a voter (France, SCOP).
        max_per_holder: the most proxies one holder may carry, given the number of voters
            (``None``: no limit).
        family_representation: a non-member spouse or adult child may represent a member.
        family_citation: the rule on family representation.
    """

    allowed: bool
    citation: Citation
    holder_must_be_member: bool = False
    max_per_holder: Callable[[int], int] | None = None
    family_representation: bool = False
    family_citation: Citation | None = None


@attrs.frozen
class VotingRules:
    """A regime's voting rules; regimes carry one in ``Regime.rules``.

    Find it with ``regime.rule_set(VotingRules)``.

    Attributes:
        code: the regime the rules are for.
        proxies: the proxy policy.
        decisions: the default quorum and majority per kind of decision.
        voting_statuses: the statuses that vote.
        voting_categories: the categories that vote (``None``: all).
        weight_basis: one vote per member or per share, by default.
        weight_basis_fixed: the law fixes the basis (the statutes cannot change it).
        weight_citation: the rule on the basis.
        member_caps: caps on one member's votes, dated.
        category_caps: caps on categories' votes together, dated.
        college_bounds: bounds on colleges (``None``: colleges have no legal bounds).
        colleges_allowed: the statutes may create voting colleges.
        colleges_citation: the rule on colleges (why they are not allowed, where they are not).
        abstentions_count: abstentions are counted as votes cast (so they weigh against).
        blank_count: blank ballots are counted as votes cast.
        counting_citation: the rule on abstentions and blank votes.
    """

    code: str
    proxies: ProxyPolicy
    decisions: tuple[DecisionRule, ...] = attrs.field(default=(), converter=_decisions)
    voting_statuses: frozenset[Status] = frozenset({Status.MEMBER})
    voting_categories: frozenset[str] | None = None
    weight_basis: WeightBasis = WeightBasis.MEMBER
    weight_basis_fixed: bool = True
    weight_citation: Citation | None = None
    member_caps: tuple[MemberCap, ...] = attrs.field(default=(), converter=_member_caps)
    category_caps: tuple[CategoryCap, ...] = attrs.field(default=(), converter=_category_caps)
    college_bounds: CollegeBounds | None = None
    colleges_allowed: bool = True
    colleges_citation: Citation | None = None
    abstentions_count: bool = False
    blank_count: bool = False
    counting_citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        kinds = [d.kind for d in self.decisions]
        if len(set(kinds)) != len(kinds):
            raise DuplicateId("voting.decisions", kinds, "each kind of decision is declared once")

    def decision(self, kind: str) -> DecisionRule | None:
        """The regime's rule for ``kind`` of decision, if it has one."""
        return next((d for d in self.decisions if d.kind == kind), None)

    def evolve(self, **changes: object) -> VotingRules:
        """A copy with some fields replaced (a regime that adapts another's rules)."""
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]


@attrs.frozen
class VotingStatutes:
    """A co-op's own choices on voting, within its regime's rules.

    Attributes:
        citation: where the choices are written (the co-op's articles or by-laws).
        decisions: the statutes' rules per kind of decision (they override the regime's defaults;
            overriding a rule the law fixes is a violation).
        colleges: the voting colleges.
        weight_basis: one vote per member or per share, where the regime leaves it open.
        member_cap: the cap on one member's votes, where the regime leaves the figure open.
        staff_member_cap: the cap when members are staff, where the regime leaves it open.
        max_proxies: a stricter limit on proxies per holder than the law's.
        family_representation: ``False`` where the by-laws forbid family representation.
        abstentions_count: whether abstentions count as votes cast (``None``: the regime's rule).
        blank_count: whether blank ballots count as votes cast (``None``: the regime's rule).
    """

    citation: Citation
    decisions: tuple[DecisionRule, ...] = attrs.field(default=(), converter=_decisions)
    colleges: tuple[College, ...] = attrs.field(default=(), converter=_colleges)
    weight_basis: WeightBasis | None = None
    member_cap: Rate | None = None
    staff_member_cap: Rate | None = None
    max_proxies: int | None = None
    family_representation: bool | None = None
    abstentions_count: bool | None = None
    blank_count: bool | None = None


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


_NO_GROUP: tuple[str | None, str | None] = (None, None)


@attrs.frozen
class Electorate:
    """The voters on a date, indexed for counting a million ballots cheaply.

    Build it with :func:`electorate` from the register, or with :meth:`of` from voters.

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


def _raw_weight(member_id: str, basis: WeightBasis, shares: Mapping[str, int] | None) -> int:
    if basis is WeightBasis.MEMBER or shares is None:
        return 1
    held = shares.get(member_id, 0)
    if isinstance(held, bool) or not isinstance(held, int):
        raise InvalidInput(f"shares[{member_id}]", held, "a number of shares is an int")
    return held


def electorate(
    members: Iterable[Member],
    on: date,
    rules: VotingRules,
    *,
    statutes: VotingStatutes | None = None,
    shares: Mapping[str, int] | None = None,
) -> Electorate:
    """Who may vote on ``on``, their college and raw weight.

    Args:
        members: the register.
        on: the meeting's date (statuses at the end of that day).
        rules: the regime's voting rules (which statuses and categories vote, the weight basis).
        statutes: the co-op's choices (colleges, one vote per member or per share).
        shares: shares held on ``on`` by member id, when votes are per share.

    Raises:
        DuplicateId: a member appears twice in the register.
        InvalidInput: votes are per share and ``shares`` is missing or holds a non-integer.
    """
    basis = rules.weight_basis
    if statutes is not None and statutes.weight_basis is not None:
        basis = statutes.weight_basis
    colleges = statutes.colleges if statutes is not None else ()
    college_of = {cat: college.code for college in colleges for cat in college.categories}
    if basis is WeightBasis.SHARE and shares is None:
        raise InvalidInput("shares", None, "votes are per share: give the shares held")
    voters: dict[str, Voter] = {}
    excluded: dict[str, str] = {}
    for member in members:
        if member.id in voters or member.id in excluded:
            raise DuplicateId("members", member.id, "a member id appears twice in the register")
        status = status_at(member.history, on)
        category = category_at(member.history, on)
        weight = _raw_weight(member.id, basis, shares)
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


def _show(value: Fraction) -> str:
    return render_value(value)


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
