"""Counting a meeting's vote on one motion: attendance, quorum, caps, colleges, majority.

[`tally()`][cooprules.voting.tally.tally] counts the [`Meeting`][cooprules.voting.tally.Meeting]'s
ballots in stages, in the order the law applies them, each recorded in the result's explanation with
its citation:

1. **Attendance and representation**: every ballot names a voter of the
   [`Electorate`][cooprules.voting.electorate.Electorate] and is a
   [`Choice`][cooprules.voting.rules.Choice]; the voters present in person; each
   [`Proxy`][cooprules.voting.proxies.Proxy] checked against the regime's
   [`ProxyPolicy`][cooprules.voting.rules.ProxyPolicy]
   ([`cooprules.voting.proxies`][cooprules.voting.proxies]). An invalid proxy (to oneself, given
   twice, held by someone absent or represented themselves, from a member present or who may not
   vote...) is one [`Violation`][cooprules.explain.Violation] naming it, and the member it would
   have represented counts as absent unless present in person: a ballot is counted once at most, and
   never through a holder who is not there.
2. **Quorum** ([`DecisionRule`][cooprules.voting.rules.DecisionRule]): the quorum of the call (first
   or second), on members or on votes.
3. **Caps**: where votes are per share, a member's weight is capped at a share of the votes
   present or represented ([`MemberCap`][cooprules.voting.rules.MemberCap]); with one member one
   vote no one is capped (the cap is the alternative to it, not a cut on top of it); categories of
   members are capped at a share of the votes ([`CategoryCap`][cooprules.voting.rules.CategoryCap],
   reduced pro rata). Everything is exact
   (`Fraction`), and `VoteResult.reductions` says how each weight was cut.
4. **Colleges**: colleges get the share of the total that the statutes set, kept within the
   regime's bounds ([`CollegeBounds`][cooprules.voting.rules.CollegeBounds],
   [`cooprules.voting.colleges`][cooprules.voting.colleges]).
5. **Majority**: the majority as a fraction of the votes cast, present or of all, with
   abstentions and blank votes counted or not as the regime (or the statutes) say. A tie never
   reaches a strict majority ("more than half"): a tied motion is rejected.

Each stage is a function from one frozen value of the count in progress to the next.

Choices made where the law is silent (each is documented in ``docs/voting.md``; those on college
weights and on excess proxies are stated in [`cooprules.voting.colleges`][cooprules.voting.colleges]
and [`cooprules.voting.proxies`][cooprules.voting.proxies]):

* **Member cap, not iterative.** The cap is computed once on the raw votes present or represented
  (for example: 400 votes, cap 40, a 60-share member counts 40). It applies to a
  member's own votes; votes they carry for others are capped as those members' votes. The votes
  above the cap are not counted: they leave the member's choice and the votes present or
  represented alike, and go to no one else. The cap is exact (a fraction of a vote, no rounding),
  so it is never exceeded.
* **Category caps** (France, art. 3 bis) apply to the votes present or represented, each capped
  group's votes reduced pro rata, in the order the regime lists them (narrower group first).

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
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from fractions import Fraction
from types import MappingProxyType

import attrs

from cooprules.errors import DuplicateId, InvalidInput, InvalidParameter, UnknownMember
from cooprules.explain import Citation, Explanation, RuleKind, Severity, Step, Text, Violation
from cooprules.regime import FromLaw, Statutes
from cooprules.voting.colleges import _weigh_colleges, _Weighting
from cooprules.voting.electorate import Electorate
from cooprules.voting.proxies import Proxy, _check_proxies
from cooprules.voting.rules import (
    Base,
    CategoryCap,
    Choice,
    CollegeBoundsOfLaw,
    DecisionRule,
    Majority,
    QuorumOn,
    VotingRules,
    VotingStatutes,
    _one_vote_each,
    _show,
    _violation,
    voting_section,
)

__all__ = ["Meeting", "Reduction", "VoteResult", "tally"]

_DEMO = Citation("Example Act", "s. 1", "XX")


# ---------------------------------------------------------------------------------------------
# Meeting and result
# ---------------------------------------------------------------------------------------------


def _ids(values: Iterable[str] | None) -> frozenset[str] | None:
    return None if values is None else frozenset(values)


def _proxies(values: Iterable[Proxy]) -> tuple[Proxy, ...]:
    return tuple(values)


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
        decision: the kind of decision (a [`DecisionRule`][cooprules.voting.rules.DecisionRule]
            code).
        electorate: who may vote.
        ballots: each voter's choice by member id (a mapping, or pairs: a member voting twice is
            a [`DuplicateId`][cooprules.errors.DuplicateId]). A represented member's ballot is
            recorded under the member's own id.
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
# The count, stage by stage
# ---------------------------------------------------------------------------------------------

_CHOICES = frozenset(Choice)


@attrs.frozen
class _Attendance:
    """Who is counted: the voters present in person or validly represented, and their ballots.

    Attributes:
        present: the voters present in person.
        represented: the voters validly represented.
        attending: both together.
        weight: their raw votes.
        counted: the members whose ballots are counted (present or validly represented).
        steps: the steps of representation and attendance.
        violations: the ballots and proxies that are not counted, and why.
    """

    present: AbstractSet[str]
    represented: AbstractSet[str]
    attending: AbstractSet[str]
    weight: int
    counted: AbstractSet[str]
    steps: tuple[Step, ...]
    violations: tuple[Violation, ...]


@attrs.frozen
class _Count:
    """A count in progress, handed from one stage of `tally()` to the next.

    Attributes:
        meeting: the meeting.
        rules: the regime's voting rules.
        statutes: the co-op's choices.
        rule: the decision rule applied.
        attendance: who is counted.
        counts: the votes per (group, choice), after the caps applied so far; a group is an
            index in ``meeting.electorate.groups``.
        present: the votes present or represented per group, after the caps applied so far.
        reductions: the weights the caps cut so far.
        quorum_reached: whether the quorum was met.
        steps: the explanation so far.
        violations: the violations found so far.
    """

    meeting: Meeting
    rules: VotingRules
    statutes: VotingStatutes | None
    rule: DecisionRule
    attendance: _Attendance
    counts: Mapping[tuple[int, Choice], Fraction | int]
    present: Mapping[int, Fraction | int]
    reductions: tuple[Reduction, ...] = ()
    quorum_reached: bool = True
    steps: tuple[Step, ...] = ()
    violations: tuple[Violation, ...] = ()

    @property
    def majority(self) -> Majority:
        """The majority of the rule (``_decision_rule`` refuses a rule without one)."""
        majority = self.rule.majority
        assert majority is not None  # noqa: S101 - _decision_rule refuses a rule without one
        return majority


def _decision_rule(
    meeting: Meeting, rules: VotingRules, statutes: VotingStatutes | None
) -> tuple[DecisionRule, list[Violation]]:
    """The rule applied: the statutes' own, unless it changes a rule the law fixes."""
    law = rules.decision(meeting.decision)
    chosen = None
    if statutes is not None:
        chosen = next((d for d in statutes.decisions if d.kind == meeting.decision), None)
    problems: list[Violation] = []
    # A legal majority recalled, unverified or uncertain (no figure) cannot be
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
                Text(
                    "The law fixes this decision's quorum and majority; the statutes cannot change "
                    "them. The law's rule is applied.",
                ),
                law.citation,
            )
        )
        chosen = None
    if chosen is not None and law is not None and law.majority is None:
        # The statutes fill a majority the project is not sure of; the law's quorums stay
        # unless the statutes set their own.
        chosen = attrs.evolve(
            chosen,
            quorum=chosen.quorum or law.quorum,
            second_quorum=chosen.second_quorum or law.second_quorum,
        )
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
            "the legal majority of this decision is uncertain in the sources: "
            "give the statutes' rule",
        )
    return rule, problems


def tally(
    meeting: Meeting, rules: VotingRules, *, statutes: VotingStatutes | Statutes | None = None
) -> VoteResult:
    """Count a meeting's vote on one motion under the regime's rules and the co-op's statutes.

    The count goes through the stages in the order the law applies them: the decision rule,
    attendance (ballots, presence, proxies), the quorum, the cap per member, the caps on
    categories, then the colleges and the majority.

    Raises:
        UnknownMember: a ballot, a person present or a proxy's grantor is not in the register.
        DuplicateId: two ballots of one member (refused when the meeting is built); a member
            who gave two proxies is a violation (``voting.proxy_given_twice``), not an error.
        InvalidParameter: the regime's proxy limit gives a negative number of proxies.
        InvalidInput: a ballot is not a [`Choice`][cooprules.voting.rules.Choice] (a float, a
            string...).
        InvalidParameter: no rule (or no majority) is known for the decision: give the statutes'.
        InvalidInput: ``rules`` still hold a figure of the law to read (a
            [`FromLaw`][cooprules.regime.FromLaw] cap or rule): bind them to the meeting's date
            first.
        InvalidInput: each member has one vote under ``rules`` but a voter of the electorate
            weighs more than one.
        InvalidParameter: neither the law nor the statutes say whether each member has one vote
            or one per share on the meeting's date.
    """
    statutes = voting_section(statutes)
    for member_cap in rules.member_caps:
        _ = member_cap.figure  # an unbound figure of the law is refused before anything counts
    for category_cap in rules.category_caps:
        _ = category_cap.figure
    if isinstance(rules.college_bounds, CollegeBoundsOfLaw):
        raise InvalidInput(
            "rules",
            "college_bounds",
            "the college bounds are the law's figures: bind the rules to the meeting's date",
        )
    rule, problems = _decision_rule(meeting, rules, statutes)
    family = rules.proxies.family_representation
    if isinstance(family, FromLaw):
        raise InvalidInput(
            "rules",
            f"proxies.family_representation ({family.key.name})",
            "family representation is the law's or the statutes' rule: bind the rules to the "
            "meeting's date with the statutes (bind(regime, statutes, as_of=...)"
            ".rule_set(VotingRules))",
        )
    if _one_vote_each(rules, meeting.date) and meeting.electorate.heavy:
        voter_id = min(meeting.electorate.heavy)
        raise InvalidInput(
            f"electorate.voters[{voter_id}].weight",
            meeting.electorate.heavy[voter_id],
            "each member has one vote under these rules (voting.one_member_one_vote): build the "
            "electorate with one vote per voter",
        )
    every_ballot = _count_ballots(meeting)
    attendance = _attendance(meeting, rules, statutes, every_ballot=every_ballot is not None)
    counts, present = _raw_votes(meeting, attendance, every_ballot)
    count = _Count(
        meeting=meeting,
        rules=rules,
        statutes=statutes,
        rule=rule,
        attendance=attendance,
        counts=counts,
        present=present,
        steps=attendance.steps,
        violations=(*problems, *attendance.violations),
    )
    for stage in (_quorum, _cap_members, _cap_categories):
        count = stage(count)
    return _result(count)


def _count_ballots(meeting: Meeting) -> Counter[tuple[int, Choice]] | None:
    """Every ballot as one vote per (group, choice): the one pass over the ballots, in C.

    ``None`` when a ballot names someone who is not a voter (a stranger, or a member who may not
    vote) or is not a [`Choice`][cooprules.voting.rules.Choice]: the stages then sort the ballots
    out one by one (and refuse or report them). Otherwise the count is exact and every ballot is a
    voter's, so the stages skip the checks this pass has made.
    """
    ballots = meeting.ballots
    group_of = meeting.electorate.group_of
    try:
        counts = Counter(zip(map(group_of.__getitem__, ballots), ballots.values(), strict=True))
    except (KeyError, TypeError):  # not a voter, or a ballot that cannot be a choice
        return None
    if not _CHOICES.issuperset([choice for _, choice in counts]):
        return None
    return counts


def _attendance(
    meeting: Meeting,
    rules: VotingRules,
    statutes: VotingStatutes | None,
    *,
    every_ballot: bool = False,
) -> _Attendance:
    """Who is present, who is validly represented, whose ballots count (and whose do not).

    ``every_ballot``: [`_count_ballots()`][cooprules.voting.tally._count_ballots] found every
    ballot a voter's and a choice (nothing to refuse, no one who may not vote), so the sets of a
    million ids are not rebuilt to find that out again.
    """
    electorate = meeting.electorate
    ballots = meeting.ballots
    everyone = ballots.keys()
    not_voters: AbstractSet[str] = frozenset() if every_ballot else _not_voters(meeting)
    present: AbstractSet[str]
    if meeting.present is None and not meeting.proxies and not not_voters:
        present = everyone  # those who voted for themselves: every ballot
    else:
        present = _present(meeting, not_voters)
    proxies = _check_proxies(meeting.proxies, electorate, rules, statutes, present)
    attending = present | proxies.represented if proxies.represented else present
    heavy = electorate.heavy
    weight = len(attending) + sum(w - 1 for m, w in heavy.items() if m in attending)
    # The ballots counted are those of the members attending; when every member attending has
    # voted (the usual meeting) they are the ballots themselves.
    counted = everyone if attending is everyone else everyone & attending
    absent = () if counted is everyone else everyone - attending - not_voters
    violations = (
        *(
            _violation(
                "voting.ballot_not_a_voter",
                member_id,
                Text(
                    "{member_id} may not vote ({excluded}); the ballot is not counted.",
                    member_id=member_id,
                    excluded=electorate.excluded[member_id],
                ),
                rules.weight_citation,
            )
            for member_id in sorted(not_voters)
        ),
        *proxies.violations,
        *(
            _violation(
                "voting.ballot_not_present",
                member_id,
                Text(
                    "{member_id} is neither present nor validly represented; the ballot is not "
                    "counted.",
                    member_id=member_id,
                ),
                rules.proxies.citation,
            )
            for member_id in sorted(absent)
        ),
    )
    step = Step(
        Text("Voters present or represented"),
        {
            "voters": electorate.total_members,
            "present": len(present),
            "represented": len(proxies.represented),
            "votes": weight,
        },
        len(attending),
    )
    return _Attendance(
        present, proxies.represented, attending, weight, counted, (*proxies.steps, step), violations
    )


def _not_voters(meeting: Meeting) -> set[str]:
    """The people who may not vote but cast a ballot; refuse strangers and non-choices.

    Raises:
        UnknownMember: a ballot names someone not in the register.
        InvalidInput: a ballot is not a [`Choice`][cooprules.voting.rules.Choice].
    """
    electorate = meeting.electorate
    ballots = meeting.ballots
    unknown = ballots.keys() - electorate.voters.keys()
    not_voters = {m for m in unknown if m in electorate.excluded}
    if unknown - not_voters:
        first = min(unknown - not_voters)
        raise UnknownMember("ballots", first, "not in the register")
    bad = set(Counter(ballots.values())) - _CHOICES
    if bad:
        value = next(iter(bad))
        raise InvalidInput("ballots", value, "a ballot is a Choice (for, against, abstain, blank)")
    return not_voters


def _present(meeting: Meeting, not_voters: AbstractSet[str]) -> frozenset[str]:
    """The voters present in person: as the meeting says, or those who voted for themselves.

    Raises:
        UnknownMember: someone present is not in the register.
    """
    voters = meeting.electorate.voters
    if meeting.present is None:
        proxied = {p.grantor for p in meeting.proxies}
        return frozenset(meeting.ballots.keys() - proxied - not_voters)
    strangers = meeting.present - voters.keys()
    if strangers - meeting.electorate.excluded.keys():
        raise UnknownMember("present", min(strangers), "not in the register")
    return meeting.present & voters.keys()


def _raw_votes(
    meeting: Meeting,
    attendance: _Attendance,
    every_ballot: Counter[tuple[int, Choice]] | None = None,
) -> tuple[dict[tuple[int, Choice], Fraction | int], dict[int, Fraction | int]]:
    """The raw votes per (group, choice) and present per group: the hot path, in C.

    ``every_ballot``: every ballot counted once per (group, choice), from
    [`_count_ballots()`][cooprules.voting.tally._count_ballots]; when every ballot is counted it
    is the count, and when everyone attending voted the votes present follow from it, so the
    ballots are read once.
    """
    ballots = meeting.ballots
    group_of = meeting.electorate.group_of
    heavy = meeting.electorate.heavy
    counted = attendance.counted
    counts: dict[tuple[int, Choice], Fraction | int]
    if every_ballot is not None and len(counted) == len(ballots):  # counted ⊆ ballots
        counts = dict(every_ballot)
    else:
        if len(counted) == len(ballots):
            counted_items: Iterable[str] = ballots.keys()
            choices: Iterable[Choice] = ballots.values()
        else:
            counted_items = list(counted)
            choices = [ballots[m] for m in counted_items]
        counts = dict(Counter(zip(map(group_of.__getitem__, counted_items), choices, strict=True)))
    for member_id, weight in heavy.items():
        if member_id in counted:
            counts[group_of[member_id], ballots[member_id]] += weight - 1
    present: dict[int, Fraction | int] = {}
    if len(counted) == len(attendance.attending):  # counted ⊆ attending: everyone voted
        for (group, _), votes in counts.items():
            present[group] = present.get(group, 0) + votes
        return counts, present
    present.update(Counter(map(group_of.__getitem__, attendance.attending)))
    for member_id, weight in heavy.items():
        if member_id in attendance.attending:
            present[group_of[member_id]] += weight - 1
    return counts, present


def _quorum(count: _Count) -> _Count:
    """Whether the quorum of the call is met (the meeting cannot decide without it)."""
    meeting, rule = count.meeting, count.rule
    quorum = rule.quorum_for(meeting.call)
    if quorum is None:
        step = Step(
            Text("Quorum"),
            {"call": meeting.call},
            Text("none required"),
            rule.citation,
        )
        return attrs.evolve(count, quorum_reached=True, steps=(*count.steps, step))
    electorate = meeting.electorate
    if quorum.on is QuorumOn.MEMBERS:
        have, out_of = len(count.attendance.attending), electorate.total_members
    else:
        have, out_of = count.attendance.weight, electorate.total_weight
    reached = out_of > 0 and Fraction(have, out_of) >= quorum.share
    step = Step(
        Text(
            "Quorum on {on}",
            on=quorum.on.value,
        ),
        {"call": meeting.call, "required": quorum.share, "present": have, "of": out_of},
        reached,
        rule.citation,
    )
    problems = (
        ()
        if reached
        else (
            Violation(
                "voting.no_quorum",
                Severity.WARNING,
                f"decision:{rule.kind}",
                Text(
                    "Quorum not reached ({have} of {out_of}, {required} required): the meeting "
                    "cannot decide.",
                    have=have,
                    out_of=out_of,
                    required=quorum.share,
                ),
                rule.citation,
            ),
        )
    )
    return attrs.evolve(
        count,
        quorum_reached=reached,
        steps=(*count.steps, step),
        violations=(*count.violations, *problems),
    )


def _cap_members(count: _Count) -> _Count:
    """Cap each member's own votes at a share of the raw votes present or represented.

    The cap applies to votes per share: with one member one vote, it is not applied (the step
    says so), however few members are present.
    """
    cap_rate, cap_citation = _member_cap(count.meeting, count.rules)
    if cap_rate is None:
        return count
    if _one_vote_each(count.rules, count.meeting.date):
        return _cap_not_applied(count, cap_rate, cap_citation)
    electorate = count.meeting.electorate
    ballots = count.meeting.ballots
    attending = count.attendance.attending
    weight = count.attendance.weight
    cap = cap_rate * weight
    pool = [m for m in electorate.heavy if m in attending] if cap >= 1 else attending
    counts, present = dict(count.counts), dict(count.present)
    reductions: list[Reduction] = []
    for member_id in sorted(m for m in pool if electorate.weight(m) > cap):
        raw = electorate.weight(member_id)
        cut = raw - cap
        group = electorate.group_of[member_id]
        present[group] -= cut
        if member_id in ballots:
            counts[(group, ballots[member_id])] -= cut
        reason = Text(
            "capped at {cap} of the {weight} votes present or represented: the {cut} votes above "
            "the cap are not counted",
            cap=cap_rate,
            weight=weight,
            cut=cut,
        )
        reductions.append(Reduction(member_id, Fraction(raw), cap, reason, cap_citation))
    step = Step(
        Text("Cap per member"),
        {"cap": cap_rate, "votes present or represented": weight, "cap votes": cap},
        len(reductions),
        cap_citation,
        Text(
            "votes are per share; a member's votes above the cap are not counted (neither in "
            "their choice nor in the votes present), computed once, exact",
        )
        if reductions
        else None,
    )
    return attrs.evolve(
        count,
        counts=counts,
        present=present,
        reductions=(*count.reductions, *reductions),
        steps=(*count.steps, step),
    )


def _cap_not_applied(count: _Count, cap_rate: Fraction, cap_citation: Citation | None) -> _Count:
    """One member one vote: the cap per member is not applied, and the step says why."""
    step = Step(
        Text("Cap per member"),
        {"cap": cap_rate, "votes": Text("one per member")},
        0,
        cap_citation,
        Text(
            "not applied: each member has one vote; the cap on a member's share of the votes "
            "applies to votes weighted by shares, as the alternative to one member one vote",
        ),
    )
    return attrs.evolve(count, steps=(*count.steps, step))


def _member_cap(meeting: Meeting, rules: VotingRules) -> tuple[Fraction | None, Citation | None]:
    """The strictest cap on one member's votes in force at the meeting, with its source."""
    caps: list[tuple[Fraction, Citation | None]] = []
    for cap in rules.member_caps:
        if not cap.in_force(meeting.date) or (cap.staff and not meeting.staff_members):
            continue
        rate = cap.figure
        if rate is not None:
            caps.append((rate.value, cap.citation))
    if not caps:
        return None, None
    return min(caps, key=lambda item: item[0])


def _cap_categories(count: _Count) -> _Count:
    """Cap the categories the regime groups, in its order, on the votes present or represented."""
    for category_cap in count.rules.category_caps:
        if category_cap.in_force(count.meeting.date):
            count = _cap_category(count, category_cap)
    return count


def _cap_category(count: _Count, category_cap: CategoryCap) -> _Count:
    """Reduce the votes of ``category_cap``'s categories pro rata, if they exceed its share."""
    groups = count.meeting.electorate.groups
    counts, present = dict(count.counts), dict(count.present)
    inside = [g for g, (_, cat) in enumerate(groups) if cat in category_cap.categories]
    group_votes = sum((Fraction(present.get(g, 0)) for g in inside), Fraction(0))
    others = sum(Fraction(v) for v in present.values()) - group_votes
    rate = category_cap.figure.value
    allowed = rate * others / (1 - rate) if rate < 1 else group_votes
    factor = Fraction(1)
    reductions = count.reductions
    names = sorted(category_cap.categories)
    if group_votes > allowed:
        factor = allowed / group_votes
        for g in inside:
            if g in present:
                present[g] = present[g] * factor
            for choice in Choice:
                if (g, choice) in counts:
                    counts[(g, choice)] = counts[(g, choice)] * factor
        reason = Text(
            "these categories together capped at {cap} of the votes, each vote reduced pro rata",
            cap=rate,
        )
        reduction = Reduction(
            "category:" + "+".join(names), group_votes, allowed, reason, category_cap.citation
        )
        reductions = (*reductions, reduction)
    step = Step(
        Text("Cap on categories: {names}", names=", ".join(names)),
        {"cap": rate, "their votes": group_votes, "other votes": others},
        factor,
        category_cap.citation,
    )
    return attrs.evolve(
        count, counts=counts, present=present, reductions=reductions, steps=(*count.steps, step)
    )


@attrs.frozen
class _Boxes:
    """The (capped) votes per college and choice, and what the majority is a fraction of.

    Attributes:
        votes: the votes per college and choice (``None``: no college).
        present: the votes present or represented per college.
        everyone: all the raw votes per college (only when the majority's base is all votes).
        base: what the majority is a fraction of.
        abstentions: abstentions count as votes cast.
        blank: blank ballots count as votes cast.
    """

    votes: dict[str | None, dict[Choice, Fraction]]
    present: Mapping[str | None, Fraction]
    everyone: Mapping[str | None, int]
    base: Base
    abstentions: bool
    blank: bool

    def base_of(self, college: str | None) -> Fraction:
        """The majority's base in ``college``."""
        box = self.votes.get(college, {})
        if self.base is Base.CAST:
            value = box.get(Choice.FOR, Fraction(0)) + box.get(Choice.AGAINST, Fraction(0))
            if self.abstentions:
                value += box.get(Choice.ABSTAIN, Fraction(0))
            if self.blank:
                value += box.get(Choice.BLANK, Fraction(0))
            return value
        if self.base is Base.PRESENT:
            return self.present.get(college, Fraction(0))
        return Fraction(self.everyone.get(college, 0))

    def votes_for(self, college: str | None) -> Fraction:
        """The votes for in ``college``."""
        return self.votes.get(college, {}).get(Choice.FOR, Fraction(0))


def _boxes(count: _Count) -> _Boxes:
    """Gather the votes by college, with the statutes' or the regime's rule on abstentions."""
    electorate = count.meeting.electorate
    groups = electorate.groups
    by_college: dict[str | None, dict[Choice, Fraction]] = {}
    present_by_college: dict[str | None, Fraction] = {}
    for (group, choice), votes in count.counts.items():
        college = groups[group][0]
        box = by_college.setdefault(college, {})
        box[choice] = box.get(choice, Fraction(0)) + votes
    for group, votes in count.present.items():
        college = groups[group][0]
        present_by_college[college] = present_by_college.get(college, Fraction(0)) + votes
    everyone: dict[str | None, int] = {}
    base = count.majority.base
    for voter in electorate.voters.values() if base is Base.ALL else ():
        everyone[voter.college] = everyone.get(voter.college, 0) + voter.weight
    abstentions = count.rules.abstentions_count
    blank = count.rules.blank_count
    statutes = count.statutes
    if statutes is not None:
        abstentions = (
            abstentions if statutes.abstentions_count is None else statutes.abstentions_count
        )
        blank = blank if statutes.blank_count is None else statutes.blank_count
    return _Boxes(by_college, present_by_college, everyone, base, abstentions, blank)


def _weigh(count: _Count, boxes: _Boxes) -> _Weighting:
    """The share of the votes for: weighted by college where the statutes use colleges."""
    rules = count.rules
    electorate = count.meeting.electorate
    colleges = electorate.colleges
    if colleges and rules.colleges_allowed:
        bounds = rules.college_bounds
        return _weigh_colleges(
            colleges,
            bounds if not isinstance(bounds, CollegeBoundsOfLaw) else None,  # refused in tally
            votes_for={c.code: boxes.votes_for(c.code) for c in colleges},
            bases={c.code: boxes.base_of(c.code) for c in colleges},
        )
    problems: tuple[Violation, ...] = ()
    if colleges:
        problems = (
            _violation(
                "voting.colleges_not_allowed",
                "statutes.colleges",
                Text(
                    "This regime gives voting colleges no legal basis; votes are counted by head "
                    "in "
                    "one body.",
                ),
                rules.colleges_citation,
            ),
        )
    total_base = sum((boxes.base_of(c) for c in {g[0] for g in electorate.groups}), Fraction(0))
    votes_for = sum((box.get(Choice.FOR, Fraction(0)) for box in boxes.votes.values()), Fraction(0))
    share_for = votes_for / total_base if total_base else Fraction(0)
    return _Weighting({}, share_for, problems, ())


def _result(count: _Count) -> VoteResult:
    """The votes over all colleges, the majority, and the result with its explanation."""
    boxes = _boxes(count)
    weighting = _weigh(count, boxes)
    rule, majority, share_for = count.rule, count.majority, weighting.share_for
    tally_total: dict[Choice, Fraction] = {}
    for box in boxes.votes.values():
        for choice, votes in box.items():
            tally_total[choice] = tally_total.get(choice, Fraction(0)) + votes
    tally_total = {c: tally_total.get(c, Fraction(0)) for c in Choice}
    met = majority.met(share_for) and share_for > 0
    adopted = count.quorum_reached and met
    counted = Step(
        Text("Votes counted"),
        {c.value: tally_total[c] for c in Choice},
        len(count.attendance.counted),
        count.rules.counting_citation,
        _COUNTING[boxes.abstentions, boxes.blank],
    )
    decided = Step(
        Text(
            "Majority: {describe}",
            describe=majority.describe(),
        ),
        {"decision": rule.label, "share for": share_for, "quorum reached": count.quorum_reached},
        Text("adopted") if adopted else Text("rejected"),
        rule.citation,
        Text("tie: a tie does not reach the majority")
        if majority.strict and share_for == majority.threshold
        else None,
    )
    return VoteResult(
        decision=rule.kind,
        rule=rule,
        adopted=adopted,
        quorum_reached=count.quorum_reached,
        present_members=len(count.attendance.attending),
        present_weight=count.attendance.weight,
        tally=MappingProxyType(tally_total),
        by_college=MappingProxyType({k: MappingProxyType(v) for k, v in boxes.votes.items()}),
        college_shares=MappingProxyType(dict(weighting.shares)),
        share_for=share_for,
        reductions=count.reductions,
        counted=len(count.attendance.counted),
        explanation=Explanation((*count.steps, *weighting.steps, counted, decided)),
        violations=(*count.violations, *weighting.violations),
    )


_COUNTING = {
    (True, True): Text("abstentions count as cast, blank ballots count"),
    (True, False): Text("abstentions count as cast, blank ballots do not count"),
    (False, True): Text("abstentions do not count as cast, blank ballots count"),
    (False, False): Text("abstentions do not count as cast, blank ballots do not count"),
}
