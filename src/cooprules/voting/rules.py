"""The vocabulary of voting rules, as data: majorities, quorums, caps, colleges, proxies.

A regime states its voting rules as one [`VotingRules`][cooprules.voting.rules.VotingRules] value:
which statuses and categories vote, one vote per member or per share (the law's
``voting.one_member_one_vote``), the [`DecisionRule`][cooprules.voting.rules.DecisionRule] of each
kind of decision (its [`Majority`][cooprules.voting.rules.Majority] and
[`Quorum`][cooprules.voting.rules.Quorum]), the caps on one member's votes
([`MemberCap`][cooprules.voting.rules.MemberCap]) and on some categories' votes together
([`CategoryCap`][cooprules.voting.rules.CategoryCap]), the bounds on voting colleges
([`CollegeBounds`][cooprules.voting.rules.CollegeBounds]) and the
[`ProxyPolicy`][cooprules.voting.rules.ProxyPolicy]. A co-op's
[`VotingStatutes`][cooprules.voting.rules.VotingStatutes] make the choices the regime leaves open
(its [`College`][cooprules.voting.rules.College] values, its own decision rules, a member cap, a
stricter limit on proxies).

[`cooprules.voting.electorate.electorate()`][cooprules.voting.electorate.electorate] and
[`cooprules.voting.tally.tally()`][cooprules.voting.tally.tally] apply them.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from datetime import date
from fractions import Fraction
from typing import Any, TypeVar

import attrs

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter
from cooprules.explain import Citation, RuleKind, Severity, Text, Violation, render_value
from cooprules.membership import Status
from cooprules.money import Rate, to_fraction
from cooprules.periods import in_force
from cooprules.regime import FromLaw, Key, Rules, Statutes, known

__all__ = [
    "Base",
    "CategoryCap",
    "Choice",
    "College",
    "CollegeBounds",
    "CollegeBoundsOfLaw",
    "DecisionOfLaw",
    "DecisionRule",
    "Majority",
    "MemberCap",
    "ProxyLimit",
    "ProxyPolicy",
    "Quorum",
    "QuorumOn",
    "VotingRules",
    "VotingStatutes",
    "majority_key",
    "quorum_key",
    "voting_section",
]


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
    Base.CAST: Text("of the votes cast"),
    Base.PRESENT: Text("of the votes present or represented"),
    Base.ALL: Text("of all the votes"),
}


_R = TypeVar("_R", bound=Rate | None)


def _known(rate: _R | FromLaw[Rate]) -> _R:
    """A cap's rate once the rules are bound.

    Raises:
        InvalidInput: the rate is still the law's to read: count with the rules bound to the
            meeting's date (``bind(regime, statutes, as_of=...).rule_set(VotingRules)``).
    """
    return known(rate, "this cap", "VotingRules")


def _one_vote_each(rules: VotingRules, on: date) -> bool:
    """Whether each member has one vote (``True``) or one per share (``False``) under ``rules``.

    Raises:
        InvalidInput: the rule is still the law's to read: bind the rules to the meeting's date.
        InvalidParameter: neither the law nor the statutes say on ``on`` whether votes are per
            member or per share: the statutes must (``voting.one_member_one_vote``).
    """
    value = known(rules.one_member_one_vote, "one vote per member or per share", "VotingRules")
    if value is None:
        raise InvalidParameter(
            "voting.one_member_one_vote",
            None,
            f"{rules.code}: the law states no rule on {on.isoformat()} and the statutes do not "
            "say whether each member has one vote or one vote per share: give the statutes' "
            "choice",
        )
    return value


def _codes(values: Iterable[str]) -> frozenset[str]:
    return frozenset(values)


def _decisions(values: Iterable[DecisionRule]) -> tuple[DecisionRule, ...]:
    return tuple(values)


def _law_decisions(
    values: Iterable[DecisionRule | DecisionOfLaw],
) -> tuple[DecisionRule | DecisionOfLaw, ...]:
    return tuple(values)


def _member_caps(values: Iterable[MemberCap]) -> tuple[MemberCap, ...]:
    return tuple(values)


def _category_caps(values: Iterable[CategoryCap]) -> tuple[CategoryCap, ...]:
    return tuple(values)


def _colleges(values: Iterable[College]) -> tuple[College, ...]:
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
            return Text(
                "more than {share} {base}",
                share=share,
                base=base,
            )
        return Text(
            "at least {share} {base}",
            share=share,
            base=base,
        )

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
        majority: the majority needed; ``None`` when no law the project is sure of sets one
            (the statutes must then supply a rule: [`tally()`][cooprules.voting.tally] refuses to
            guess).
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


def majority_key(name: str, label: Text) -> Key[Rate]:
    """The parameter key of the majority a kind of decision needs (a plug-in's own key).

    ```pycon
    >>> majority_key("xx.merger_majority", Text(en="a merger", fr="une fusion")).description.en
    'majority needed for a merger'

    ```
    """
    return Key(
        name,
        Rate,
        Text(
            "majority needed for {label}",
            label=label,
        ),
    )


def quorum_key(name: str, label: Text, *, call: int = 1) -> Key[Rate]:
    """The parameter key of the quorum of a kind of decision at the first or second call."""
    if call not in (1, 2):
        raise InvalidInput("call", call, "a meeting is called a first (1) or a second (2) time")
    what = (
        Text("quorum for {decision}", decision=label)
        if call == 1
        else Text("quorum at the second call for {decision}", decision=label)
    )
    return Key(name, Rate, what)


@attrs.frozen
class DecisionOfLaw:
    """A kind of decision whose majority and quorums are the law's figures, read when bound.

    A plug-in writes the decision's form (what the majority is taken of, "more than" or "at
    least", who decides) and names the parameters that hold its figures; the figures, their
    citation and whether the statutes may change them (the parameter's kind: ``law`` or
    ``default``) come from the law file on the meeting's date
    ([`VotingRules.bound()`][cooprules.voting.rules.VotingRules.bound]).

    Attributes:
        kind: a stable code (``"amend_articles"``).
        label: what the decision is, in English and French.
        majority: the parameter of the majority's threshold (``None``: the decision needs only
            a quorum here). A parameter of kind ``statute`` (no value: the law's figure is
            recalled, unverified or uncertain) gives a rule without a majority, which the
            statutes must supply.
        strict: ``True`` for "more than" (a simple majority), ``False`` for "at least".
        base: what the majority is taken of.
        quorum: the parameter of the quorum at the first call (``None``: no quorum).
        second_quorum: the parameter of the quorum at the second call (``None``: none).
        quorum_on: whether the quorums count members or votes.
        body: who decides: ``"general_meeting"`` or ``"board"``.
    """

    kind: str
    label: Text
    majority: Key[Rate] | None
    strict: bool = False
    base: Base = Base.CAST
    quorum: Key[Rate] | None = None
    second_quorum: Key[Rate] | None = None
    quorum_on: QuorumOn = QuorumOn.VOTES
    body: str = "general_meeting"

    def __attrs_post_init__(self) -> None:
        if not self.keys:
            raise InvalidParameter(
                f"decisions[{self.kind}]", None, "a decision of the law names at least one figure"
            )

    @property
    def keys(self) -> tuple[Key[Rate], ...]:
        """The parameters the decision reads, majority first."""
        found = (self.majority, self.quorum, self.second_quorum)
        return tuple(key for key in found if key is not None)

    def bound(self, rules: Rules) -> DecisionRule | None:
        """The decision's rule on ``rules.as_of`` (``None``: its majority is not in force then).

        The rule cites the parameter of its majority (else of its first quorum); it is ``LAW``
        or ``DEFAULT`` as that parameter is.
        """
        found = {key.name: rules.regime.find(key, rules.as_of) for key in self.keys}
        lead = found[self.keys[0].name]
        if lead is None:
            return None

        def share(key: Key[Rate] | None) -> Fraction | None:
            parameter = found.get(key.name) if key is not None else None
            value = parameter.value if parameter is not None else None
            return value.value if isinstance(value, Rate) else None

        threshold = share(self.majority)
        first, second = share(self.quorum), share(self.second_quorum)
        return DecisionRule(
            self.kind,
            self.label,
            Majority(threshold, self.strict, self.base) if threshold is not None else None,
            lead.citation,
            quorum=Quorum(first, self.quorum_on) if first is not None else None,
            second_quorum=Quorum(second, self.quorum_on) if second is not None else None,
            kind_of_rule=lead.kind,
            body=self.body,
        )


@attrs.frozen
class MemberCap:
    """A cap on one member's votes, as a share of the votes present or represented.

    A cap applies to votes weighted by shares: the law offers it as the alternative to one member
    one vote ("one person one vote, or no one over 1/10 of the votes attached to the shares
    present or represented"), never as a cut on top of it. Where each member has one vote
    (`VotingRules.one_member_one_vote`), no one is capped, however few are present;
    [`tally()`][cooprules.voting.tally.tally] says so in its explanation.

    A regime's plug-in writes the figure as ``FromLaw(Voting.member_vote_cap)``: the cap is then
    the law's parameter, version and citation included, once the rule set is bound
    ([`cooprules.regime.Rules.rule_set()`][cooprules.regime.Rules.rule_set]);
    [`tally()`][cooprules.voting.tally.tally] refuses an unbound one rather than count without it.

    Attributes:
        rate: the cap (``1/10``), or the parameter it is ([`FromLaw`][cooprules.regime.FromLaw]);
            ``None`` when the figure is recalled, unverified or uncertain: the statutes then
            supply it (`VotingStatutes.member_cap`).
        citation: the rule (a figure read from the law brings its own).
        valid_from: the first day it applies.
        valid_until: the first day it no longer applies (``None``: in force).
        staff: the cap applies only when one or more members are staff (the former Belgian
            finalité sociale rule of 1/20).
    """

    rate: Rate | FromLaw[Rate] | None
    citation: Citation | None = None
    valid_from: date = date.min
    valid_until: date | None = None
    staff: bool = False

    def __attrs_post_init__(self) -> None:
        if self.citation is None and not isinstance(self.rate, FromLaw):
            raise InvalidParameter("member_cap.citation", None, "a cap cites the rule that sets it")
        if isinstance(self.rate, Rate) and self.citation and not self.citation.confidence.verified:
            raise InvalidParameter(
                "member_cap.rate",
                self.rate,
                f"a figure tagged [{self.citation.confidence.value}] is not verified law: leave "
                "it to the statutes (None) until it is",
            )

    def in_force(self, on: date) -> bool:
        """Tell whether this version applies on ``on``."""
        return in_force(self, on)

    @property
    def figure(self) -> Rate | None:
        """The cap's rate (see `_known()`: refused while it is still the law's to read)."""
        return _known(self.rate)

    def bound(self, rules: Rules) -> MemberCap | None:
        """This cap with its figure read from ``rules`` (``None``: the law has none that day)."""
        if not isinstance(self.rate, FromLaw):
            return self
        found = rules.get(self.rate.key)
        if found.citation is None:
            return None
        return MemberCap(found.value, found.citation, staff=self.staff)


@attrs.frozen
class CategoryCap:
    """A cap on the votes of some categories together (France: non-cooperator associates).

    Attributes:
        categories: the member categories the cap groups.
        rate: their largest share of the votes together, or the parameter it is
            ([`FromLaw`][cooprules.regime.FromLaw], read when the rule set is bound).
        citation: the rule (a figure read from the law brings its own).
        valid_from: the first day it applies.
        valid_until: the first day it no longer applies.
    """

    categories: frozenset[str] = attrs.field(converter=_codes)
    rate: Rate | FromLaw[Rate]
    citation: Citation | None = None
    valid_from: date = date.min
    valid_until: date | None = None

    def in_force(self, on: date) -> bool:
        """Tell whether this version applies on ``on``."""
        return in_force(self, on)

    @property
    def figure(self) -> Rate:
        """The cap's rate (see `_known()`: refused while it is still the law's to read)."""
        return _known(self.rate)

    def bound(self, rules: Rules) -> CategoryCap | None:
        """This cap with its figure read from ``rules`` (``None``: the law has none that day)."""
        if not isinstance(self.rate, FromLaw):
            return self
        found = rules.get(self.rate.key)
        if found.value is None or found.citation is None:
            return None
        return CategoryCap(self.categories, found.value, found.citation)


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
class CollegeBoundsOfLaw:
    """The bounds on voting colleges are the law's figures, read when the rules are bound.

    The figures are the parameters ``voting.college_min_weight``, ``voting.college_max_weight``
    and ``voting.min_colleges`` in force on the meeting's date, each with its citation
    ([`VotingRules.bound()`][cooprules.voting.rules.VotingRules.bound]).
    """

    def bound(self, rules: Rules) -> CollegeBounds | None:
        """The bounds in force on ``rules.as_of`` (``None``: the law sets none that day)."""
        from cooprules.parameters import Voting  # noqa: PLC0415 - parameters imports regime

        minimum = rules.get(Voting.college_min_weight)
        maximum = rules.get(Voting.college_max_weight)
        if minimum.value is None or maximum.value is None or minimum.citation is None:
            return None
        colleges = rules.get(Voting.min_colleges).value
        return CollegeBounds(
            minimum.value.value, maximum.value.value, minimum.citation, min_colleges=colleges or 1
        )


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


def _count(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None or isinstance(value, FromLaw):
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidParameter(attribute.name, value, "a number of proxies or voters, at least 0")


def _known_count(value: int | FromLaw[int] | None) -> int | None:
    return known(value, "this proxy limit", "VotingRules")


@attrs.frozen
class ProxyLimit:
    """The most proxies one holder may carry, given the number of voters: the law's figures.

    At most `most` proxies each; from `share_from` voters on (where the law says so),
    at most `share` of the voters instead, rounded down (a limit the law states as "not
    exceeding" is never exceeded by rounding). Each figure is a number or the parameter it is
    ([`FromLaw`][cooprules.regime.FromLaw]), read when the rules are bound
    ([`VotingRules.bound()`][cooprules.voting.rules.VotingRules.bound]); the limit then cites the
    parameter of `most` (else of `share`). Counting with a figure still to read is refused.

    ```pycon
    >>> limit = ProxyLimit(most=1, share=Rate.of("1/20"), share_from=20)
    >>> limit(15), limit(19), limit(20), limit(57)
    (1, 1, 1, 2)

    ```

    Attributes:
        most: the most proxies per holder (below `share_from` voters, where a share
            applies); ``None``: no such limit.
        share: the most proxies per holder as a share of the voters (``None``: none).
        share_from: the number of voters from which `share` applies (``None``: every
            electorate, when a share is given).
        citation: the rule (a figure read from the law brings its own).
    """

    most: int | FromLaw[int] | None = attrs.field(default=None, validator=_count)
    share: Rate | FromLaw[Rate] | None = None
    share_from: int | FromLaw[int] | None = attrs.field(default=None, validator=_count)
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        if self.most is None and self.share is None:
            raise InvalidParameter(
                "max_per_holder", None, "a proxy limit gives a number of proxies, or a share"
            )

    def __call__(self, voters: int) -> int:
        """The most proxies one holder may carry where there are ``voters`` voters.

        Raises:
            InvalidInput: a figure is still the law's to read: bind the rules first.
        """
        most, share_from = _known_count(self.most), _known_count(self.share_from)
        share = _known(self.share)
        if share is not None and (most is None or share_from is None or voters >= share_from):
            value = share.value * voters
            return value.numerator // value.denominator
        assert most is not None  # noqa: S101 - checked at construction
        return most

    @property
    def reads_law(self) -> bool:
        """Some figure of the limit is the law's, to be read when the rules are bound."""
        return any(isinstance(f, FromLaw) for f in (self.most, self.share, self.share_from))

    def bound(self, rules: Rules) -> ProxyLimit | None:
        """This limit with its figures read from ``rules`` (``None``: the law has none that day).

        The figure of `most` (else of `share`) gives the limit its citation.
        """
        if not self.reads_law:
            return self
        found: dict[str, object] = {}
        citation = self.citation
        for name in ("most", "share", "share_from"):
            figure = getattr(self, name)
            if not isinstance(figure, FromLaw):
                found[name] = figure
                continue
            read = rules.get(figure.key)
            if read.value is None:
                return None
            found[name] = read.value
            citation = citation if citation is not None else read.citation
        return ProxyLimit(**found, citation=citation)  # type: ignore[arg-type]


@attrs.frozen
class ProxyPolicy:
    """Whether and how a member may be represented at a general meeting.

    Attributes:
        allowed: voting by proxy is allowed.
        citation: the rule.
        holder_must_be_member: the proxy holder must be a voter (France, SCOP).
        max_per_holder: the most proxies one holder may carry, given the number of voters
            (``None``: no limit): a [`ProxyLimit`][cooprules.voting.rules.ProxyLimit], whose figures
            the law file holds, or any function of the number of voters.
        family_representation: a non-member spouse or adult child may represent a member; or
            the parameter it is ([`FromLaw`][cooprules.regime.FromLaw], a plug-in's key), read when
            the rules are bound: the law's fixed value, else the statutes' value of the key (a
            by-law forbidding it states ``False``), else the law's default; none: not allowed.
        family_citation: the rule on family representation (read with it when it is the law's
            or the statutes').
    """

    allowed: bool
    citation: Citation
    holder_must_be_member: bool = False
    max_per_holder: ProxyLimit | Callable[[int], int] | None = None
    family_representation: bool | FromLaw[bool] = False
    family_citation: Citation | None = None

    def bound(self, rules: Rules) -> ProxyPolicy:
        """This policy with its figures of the law read from ``rules``."""
        policy, limit = self, self.max_per_holder
        if isinstance(limit, ProxyLimit) and limit.reads_law:
            policy = attrs.evolve(policy, max_per_holder=limit.bound(rules))
        family = self.family_representation
        if isinstance(family, FromLaw):
            found = rules.get(family.key)
            policy = attrs.evolve(
                policy,
                family_representation=found.value is True,
                family_citation=found.citation or self.family_citation,
            )
        return policy

    @property
    def reads_law(self) -> bool:
        """Some figure of the policy is the law's, to be read when the rules are bound."""
        limit = self.max_per_holder
        return (isinstance(limit, ProxyLimit) and limit.reads_law) or isinstance(
            self.family_representation, FromLaw
        )


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
        one_member_one_vote: ``True``: each member has one vote, whatever the shares held;
            ``False``: one vote per share. A regime's plug-in writes
            ``FromLaw(Voting.one_member_one_vote)``: the rule is then the law's parameter of that
            key, or the statutes' choice where the law leaves it open (``Statutes`` values, as
            for any key: the law's fixed value wins, then the statutes, then the law's default),
            read when the rule set is bound; ``None`` once bound means neither says on that date
            ([`electorate()`][cooprules.voting.electorate.electorate] and
            [`tally()`][cooprules.voting.tally.tally] then refuse to guess).
        weight_citation: the rule on the basis (read with it when it is the law's or the
            statutes' choice).
        member_caps: caps on one member's votes, dated; they apply only to votes per share.
        category_caps: caps on categories' votes together, dated.
        college_bounds: bounds on colleges (``None``: colleges have no legal bounds;
            [`CollegeBoundsOfLaw`][cooprules.voting.rules.CollegeBoundsOfLaw]: the law's figures,
            read when the rules are bound).
        colleges_allowed: the statutes may create voting colleges.
        colleges_citation: the rule on colleges (why they are not allowed, where they are not).
        abstentions_count: abstentions are counted as votes cast (so they weigh against).
        blank_count: blank ballots are counted as votes cast.
        counting_citation: the rule on abstentions and blank votes.
    """

    code: str
    proxies: ProxyPolicy
    decisions: tuple[DecisionRule | DecisionOfLaw, ...] = attrs.field(
        default=(), converter=_law_decisions
    )
    voting_statuses: frozenset[Status] = frozenset({Status.MEMBER})
    voting_categories: frozenset[str] | None = None
    one_member_one_vote: bool | FromLaw[bool] | None = True
    weight_citation: Citation | None = None
    member_caps: tuple[MemberCap, ...] = attrs.field(default=(), converter=_member_caps)
    category_caps: tuple[CategoryCap, ...] = attrs.field(default=(), converter=_category_caps)
    college_bounds: CollegeBounds | CollegeBoundsOfLaw | None = None
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
        found = next((d for d in self.decisions if d.kind == kind), None)
        if isinstance(found, DecisionOfLaw):
            raise InvalidInput(
                "rules",
                f"decisions[{kind}]",
                "this decision's figures are the law's: count with the rules bound to the "
                "meeting's date (bind(regime, statutes, as_of=...).rule_set(VotingRules))",
            )
        return found

    def evolve(self, **changes: object) -> VotingRules:
        """A copy with some fields replaced (a regime that adapts another's rules)."""
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    def bound(self, rules: Rules) -> VotingRules:
        """These rules with every figure of the law read on ``rules.as_of``.

        One vote per member or per share is the law's rule or the statutes' choice, with its
        citation. A cap, a decision or a proxy limit whose parameter is not in force that day is
        left out, as a dated cap would be.
        """
        if not self.reads_law:
            return self._with_statutes_cap(rules)
        member_caps = (cap.bound(rules) for cap in self.member_caps)
        category_caps = (cap.bound(rules) for cap in self.category_caps)
        bounds = self.college_bounds
        decisions = (d.bound(rules) if isinstance(d, DecisionOfLaw) else d for d in self.decisions)
        basis, basis_citation = self.one_member_one_vote, self.weight_citation
        if isinstance(basis, FromLaw):
            found = rules.get(basis.key)
            basis, basis_citation = found.value, found.citation
        bound: VotingRules = attrs.evolve(
            self,
            proxies=self.proxies.bound(rules),
            decisions=tuple(d for d in decisions if d is not None),
            one_member_one_vote=basis,
            weight_citation=basis_citation,
            member_caps=tuple(cap for cap in member_caps if cap is not None),
            category_caps=tuple(cap for cap in category_caps if cap is not None),
            college_bounds=bounds.bound(rules)
            if isinstance(bounds, CollegeBoundsOfLaw)
            else bounds,
        )
        return bound._with_statutes_cap(rules)

    def _with_statutes_cap(self, rules: Rules) -> VotingRules:
        """These rules with the statutes' own cap on a member's votes, if they set one.

        The statutes state it as the key ``voting.member_vote_cap``; it applies beside the law's
        caps (the strictest cap in force counts), citing the statutes' article.
        """
        from cooprules.parameters import Voting  # noqa: PLC0415 - parameters imports regime

        own = rules.statutes.get(Voting.member_vote_cap)
        if not isinstance(own, Rate):
            return self
        if any(cap.rate == own and not cap.staff for cap in self.member_caps):
            return self  # the law's cap is the statutes' figure already (read from them)
        cap = MemberCap(own, rules.statutes.citation(Voting.member_vote_cap))
        return attrs.evolve(self, member_caps=(*self.member_caps, cap))

    @property
    def reads_law(self) -> bool:
        """Some rule, cap or bound is the law's, to be read when the rules are bound."""
        caps: tuple[MemberCap | CategoryCap, ...] = (*self.member_caps, *self.category_caps)
        return (
            isinstance(self.one_member_one_vote, FromLaw)
            or self.proxies.reads_law
            or isinstance(self.college_bounds, CollegeBoundsOfLaw)
            or any(isinstance(cap.rate, FromLaw) for cap in caps)
            or any(isinstance(d, DecisionOfLaw) for d in self.decisions)
        )


@attrs.frozen
class VotingStatutes:
    """A co-op's own choices on voting, within its regime's rules.

    It is the voting section of the co-op's [`Statutes`][cooprules.regime.Statutes]
    (``Statutes(..., sections=(VotingStatutes(...),))``): what has no parameter key. A choice the
    law has a key for is a value by key of the statutes, which ``bind(regime, statutes,
    as_of=...)`` resolves against the law: one vote per member or per share
    (``voting.one_member_one_vote``), the cap on one member's votes (``voting.member_vote_cap``,
    and a plug-in's own staff cap), whether a spouse or adult child may represent a member (a
    plug-in's key, such as Quebec's ``qc.family_representation_allowed``), each checked by
    [`validate()`][cooprules.regime.validate].

    Attributes:
        citation: where the choices are written (the co-op's articles or by-laws).
        decisions: the statutes' rules per kind of decision (they override the regime's defaults;
            overriding a rule the law fixes is a violation).
        colleges: the voting colleges.
        max_proxies: a stricter limit on proxies per holder than the law's (a whole number, at
            least 0: a negative one is an [`InvalidParameter`][cooprules.errors.InvalidParameter]).
        abstentions_count: whether abstentions count as votes cast (``None``: the regime's rule).
        blank_count: whether blank ballots count as votes cast (``None``: the regime's rule).
    """

    citation: Citation
    decisions: tuple[DecisionRule, ...] = attrs.field(default=(), converter=_decisions)
    colleges: tuple[College, ...] = attrs.field(default=(), converter=_colleges)
    max_proxies: int | None = attrs.field(default=None, validator=_count)
    abstentions_count: bool | None = None
    blank_count: bool | None = None


def _show(value: Fraction) -> str:
    return render_value(value)


def _violation(code: str, subject: str, message: Text, citation: Citation | None) -> Violation:
    return Violation(code, Severity.ERROR, subject, message, citation)


def voting_section(statutes: VotingStatutes | Statutes | None) -> VotingStatutes | None:
    """The voting section of a co-op's statutes (a `VotingStatutes` is its own)."""
    if isinstance(statutes, Statutes):
        return statutes.section(VotingStatutes)
    return statutes
