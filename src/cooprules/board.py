"""The general meeting's board elections from a scenario, the board's composition checked.

`board_elections()` runs each ``[[meeting.elections]]`` of a scenario through
[`cooprules.elections`][cooprules.elections] with the rules of the board (`board_rules()`): the
regime's [`BoardRules`][cooprules.elections.BoardRules] rule set, read through the co-op's rules on
the meeting's date (bound, when its figures are the law's), and the statutes' own caps on a
category's seats. The board after the election (the directors whose terms continue and the elected)
is checked against them: its size, its non-member seats, its category caps. The core names no
regime: a regime with no board rules gets the statutes' caps alone.

```pycon
>>> from datetime import date
>>> from cooprules.plugins import get_regime
>>> from cooprules.regime import bind
>>> from cooprules.scenario import ElectionSpec, CandidateSpec
>>> spec = ElectionSpec("board", 3, [CandidateSpec("ana"), CandidateSpec("bo"),
...                                 CandidateSpec("cy"), CandidateSpec("dee", member=False)])
>>> rules = board_rules(bind(get_regime("qc-work"), as_of=date(2026, 3, 28)), spec)
>>> rules.min_directors, rules.max_directors, str(rules.max_non_member_share)
(3, 15, '1/3')

```
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING

import attrs

from cooprules.elections import (
    Ballot,
    BoardRules,
    Candidate,
    CategoryLimit,
    ElectionMethod,
    ElectionResult,
    check_board,
    instant_runoff,
    plurality,
)
from cooprules.explain import Citation, Severity, Text, Violation
from cooprules.membership import Member, Status, category_at, status_at

if TYPE_CHECKING:
    from cooprules.regime import Rules
    from cooprules.scenario import CandidateSpec, ElectionSpec, MeetingSpec
    from cooprules.voting import Electorate

__all__ = ["BoardElection", "ballot_ignored", "board_elections", "board_rules"]

_MEMBERS = frozenset({Status.MEMBER, Status.SUPPORTING_MEMBER})
"""The statuses of a member who may sit as one (a supporting member is a member)."""


@attrs.frozen
class BoardElection:
    """One board election of the meeting, and the board after it.

    Attributes:
        id: the election's id.
        title: what is elected.
        method: the electoral method.
        seats: the seats filled.
        result: the engine's result (the elected, the votes, the rounds, the explanation).
        board: the board after the election: the directors whose terms continue, then the
            elected in order of election.
        rules: the board rules applied (the regime's and the statutes').
        violations: the problems found, each subject naming the election (ties, seats left
            empty, a board that breaks the rules, ballots of people who may not vote).
    """

    id: str
    title: str
    method: ElectionMethod
    seats: int
    result: ElectionResult
    board: tuple[Candidate, ...]
    rules: BoardRules
    violations: tuple[Violation, ...] = ()

    @property
    def elected(self) -> tuple[str, ...]:
        """The elected, in order of election."""
        return self.result.elected


def board_rules(rules: Rules, spec: ElectionSpec) -> BoardRules:
    """The rules of the board for ``spec``: the regime's, plus the statutes' category caps.

    The regime's [`BoardRules`][cooprules.elections.BoardRules] is read through ``rules`` (a rule
    set whose figures are the law's comes back bound on the rules' date); without one, the board
    has the statutes' caps alone.
    """
    law = rules.rule_set(BoardRules) or BoardRules()
    if not spec.category_limits:
        return law
    own = tuple(
        CategoryLimit(c.category, c.share, Citation("Statutes", c.article, "coop"))
        for c in spec.category_limits
    )
    return attrs.evolve(law, category_limits=(*law.category_limits, *own))


def _candidate(spec: CandidateSpec, register: Mapping[str, Member], on: date) -> Candidate:
    """A candidate, their membership and category from the register unless the file says."""
    member = register.get(spec.id)
    is_member = spec.member
    if is_member is None:
        is_member = member is not None and status_at(member.history, on) in _MEMBERS
    category = spec.category
    if category is None and member is not None:
        category = category_at(member.history, on)
    return Candidate(spec.id, member=is_member, category=category)


def ballot_ignored(where: str, voter: str, status: Status) -> Violation:
    """A ballot of someone who may not vote at the meeting: ignored, with a warning."""
    return Violation(
        "meeting.ballot_not_in_electorate",
        Severity.WARNING,
        f"{where}: {voter}",
        Text(
            "{voter} ({status}) may not vote: the ballot is ignored.",
            voter=voter,
            status=status.value,
        ),
    )


def _elect(
    spec: ElectionSpec,
    register: Mapping[str, Member],
    voters: Electorate,
    rules: BoardRules,
    on: date,
) -> tuple[ElectionResult, tuple[Candidate, ...], list[Violation]]:
    candidates = [_candidate(c, register, on) for c in spec.candidates]
    seated = tuple(_candidate(c, register, on) for c in spec.continuing)
    ballots = []
    ignored = []
    for voter, choices in spec.ballots.items():
        if voter in voters.voters:
            ballots.append(Ballot(choices, weight=voters.voters[voter].weight))
        else:
            ignored.append(ballot_ignored(spec.id, voter, status_at(register[voter].history, on)))
    if spec.method is ElectionMethod.INSTANT_RUNOFF:
        result = instant_runoff(candidates, ballots)
        elected = {c.id: c for c in candidates}
        board = (*seated, *(elected[c] for c in result.elected))
        found = check_board(board, rules, seats=len(seated) + spec.seats)
        result = attrs.evolve(result, violations=(*result.violations, *found))
    else:
        result = plurality(candidates, ballots, seats=spec.seats, rules=rules, seated=seated)
        by_id = {c.id: c for c in candidates}
        board = (*seated, *(by_id[c] for c in result.elected))
    return result, board, ignored


def board_elections(
    meeting: MeetingSpec, register: Sequence[Member], voters: Electorate, rules: Rules
) -> tuple[BoardElection, ...]:
    """Run the meeting's board elections and check the board after each.

    Args:
        meeting: the scenario's meeting (its ``elections``).
        register: the members, for the candidates' membership and category on its date.
        voters: the meeting's electorate: a ballot weighs its voter's votes; a ballot of someone
            outside it is ignored with a warning.
        rules: the co-op's rules on the meeting's date (for the regime's board rules).
    """
    members = {m.id: m for m in register}
    out = []
    for spec in meeting.elections:
        applied = board_rules(rules, spec)
        result, board, ignored = _elect(spec, members, voters, applied, meeting.date)
        violations = tuple(
            attrs.evolve(v, subject=f"{spec.id}: {v.subject}") for v in result.violations
        )
        out.append(
            BoardElection(
                spec.id,
                spec.title,
                spec.method,
                spec.seats,
                result,
                board,
                applied,
                (*violations, *ignored),
            )
        )
    return tuple(out)
