"""Board elections: several seats by plurality, or one seat by instant runoff, exact and explained.

* [`plurality()`][cooprules.elections.plurality] fills ``seats`` seats: each ballot names up to
  ``seats`` distinct candidates, the candidates with the most votes are elected, and the board's
  constraints are applied while filling the seats (a candidate whose election would break a cap is
  passed over for the next one, and the explanation says so).
* [`instant_runoff()`][cooprules.elections.instant_runoff] fills one seat from ranked ballots: the
  candidate with the fewest votes is eliminated round by round until one has a majority of the
  ballots still counting.
* [`BoardRules`][cooprules.elections.BoardRules] holds the constraints a regime or the statutes put
  on the elected board: the number of directors, the largest share of seats non-members may hold,
  and caps per member category — each with its citation.
  [`check_board()`][cooprules.elections.check_board] returns the violations of a board.

Ties are never broken silently: the candidate with the lower id is taken and a warning says that
the statutes' tie rule (a new ballot, the drawing of lots) must decide.

```pycon
>>> candidates = [Candidate("ana"), Candidate("bo"), Candidate("cy", member=False)]
>>> ballots = [Ballot(("ana", "cy")), Ballot(("bo", "cy")), Ballot(("cy",))]
>>> result = plurality(candidates, ballots, seats=2)
>>> result.elected, dict(result.votes)
(('cy', 'ana'), {'ana': 1, 'bo': 1, 'cy': 3})

```
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs

from cooprules.errors import DuplicateId, InvalidInput, UnknownMember
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import Rate
from cooprules.regime import FromLaw, Key, Rules

__all__ = [
    "Ballot",
    "BoardRules",
    "Candidate",
    "CategoryLimit",
    "ElectionMethod",
    "ElectionResult",
    "check_board",
    "instant_runoff",
    "plurality",
]


class ElectionMethod(enum.Enum):
    """The electoral method the statutes choose for the board."""

    PLURALITY = "plurality"
    """Several seats: the candidates with the most votes (`plurality()`)."""
    INSTANT_RUNOFF = "instant_runoff"
    """One seat from ranked ballots, round by round (`instant_runoff()`)."""


@attrs.frozen
class Candidate:
    """Someone standing for election.

    Attributes:
        id: the candidate's identifier.
        member: whether the candidate is a member (or represents a member legal person).
        category: the member category they belong to, where a cap applies to categories.
    """

    id: str
    member: bool = True
    category: str | None = None


def _choices(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class Ballot:
    """One voter's ballot: the candidates chosen, in order of preference for a ranked vote.

    Attributes:
        choices: candidate ids, most preferred first; no candidate twice.
        weight: the ballot's weight (one member, one vote: 1).
    """

    choices: tuple[str, ...] = attrs.field(converter=_choices)
    weight: int = 1

    def __attrs_post_init__(self) -> None:
        if len(set(self.choices)) != len(self.choices):
            raise DuplicateId("ballot.choices", self.choices, "a candidate is named twice")
        if isinstance(self.weight, bool) or not isinstance(self.weight, int) or self.weight < 0:
            raise InvalidInput("ballot.weight", self.weight, "a weight is a non-negative int")


@attrs.frozen
class CategoryLimit:
    """At most ``share`` of the seats to one member category.

    Attributes:
        category: the category.
        share: the largest share of the seats.
        citation: the rule.
    """

    category: str
    share: Rate
    citation: Citation | None = None


def _limits(values: Iterable[CategoryLimit]) -> tuple[CategoryLimit, ...]:
    return tuple(values)


@attrs.frozen
class BoardRules:
    """Constraints on an elected board.

    A regime's plug-in writes the law's figures as the parameters they are, and carries the rule
    set in ``Regime.rules``: ``max_non_member_share=FromLaw(key)`` (the share is the parameter's
    value) and ``size_of_law=key`` (the board's size is within the parameter's legal bounds, its
    ``minimum`` and ``maximum``). ``bind(regime, statutes, as_of=...).rule_set(BoardRules)``
    gives the rules with the figures in force that day and their citations;
    [`plurality()`][cooprules.elections.plurality] and
    [`check_board()`][cooprules.elections.check_board] refuse rules whose figures are still to be
    read.

    Attributes:
        min_directors: the fewest directors the board may have.
        max_directors: the most directors it may have.
        max_non_member_share: the largest share of seats non-members may hold, if limited, or
            the parameter it is ([`FromLaw`][cooprules.regime.FromLaw]).
        category_limits: caps per member category.
        citation: the rule on the board's size (read with it from the law).
        non_member_citation: the rule on non-member directors (read with it from the law).
        size_of_law: the parameter whose legal bounds are the board's size, read when bound.
    """

    min_directors: int | None = None
    max_directors: int | None = None
    max_non_member_share: Rate | FromLaw[Rate] | None = None
    category_limits: tuple[CategoryLimit, ...] = attrs.field(default=(), converter=_limits)
    citation: Citation | None = None
    non_member_citation: Citation | None = None
    size_of_law: Key[int] | None = attrs.field(default=None, kw_only=True)

    def seat_cap(self, share: Rate, seats: int) -> int:
        """The most seats ``share`` allows on a board of ``seats`` (rounded down)."""
        value = share.value * seats
        return value.numerator // value.denominator

    @property
    def reads_law(self) -> bool:
        """Some figure is the law's, to be read when the rules are bound."""
        return self.size_of_law is not None or isinstance(self.max_non_member_share, FromLaw)

    def bound(self, rules: Rules) -> BoardRules:
        """These rules with the law's figures in force on ``rules.as_of``, with their citations.

        A figure the law does not set that day is left out (no bound on the size, no cap on
        non-members).
        """
        if not self.reads_law:
            return self
        changes: dict[str, object] = {"size_of_law": None}
        if self.size_of_law is not None:
            size = rules.regime.find(self.size_of_law, rules.as_of)
            changes["min_directors"] = size.minimum if size is not None else None
            changes["max_directors"] = size.maximum if size is not None else None
            changes["citation"] = size.citation if size is not None else None
        share = self.max_non_member_share
        if isinstance(share, FromLaw):
            found = rules.get(share.key)
            changes["max_non_member_share"] = found.value
            changes["non_member_citation"] = found.citation if found.value is not None else None
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    def _non_member_share(self) -> Rate | None:
        """The cap on non-members (refused while the rules are not bound)."""
        if self.reads_law:
            raise InvalidInput(
                "rules",
                "board",
                "the board's figures are the law's: bind the rules to the date first "
                "(bind(regime, statutes, as_of=...).rule_set(BoardRules))",
            )
        share = self.max_non_member_share
        assert not isinstance(share, FromLaw)  # noqa: S101 - reads_law says so
        return share


@attrs.frozen
class ElectionResult:
    """Who was elected, with the votes, the rounds and the problems.

    Attributes:
        elected: the elected candidates, in order of election.
        votes: each candidate's votes (for a runoff: in the last round they stood).
        rounds: for a runoff, each round's count.
        explanation: the steps, with citations.
        violations: ties decided by the fallback rule, constraints that could not be met.
    """

    elected: tuple[str, ...]
    votes: Mapping[str, int]
    rounds: tuple[Mapping[str, int], ...] = ()
    explanation: Explanation = attrs.field(factory=Explanation)
    violations: tuple[Violation, ...] = ()


def _index(candidates: Iterable[Candidate]) -> dict[str, Candidate]:
    found: dict[str, Candidate] = {}
    for candidate in candidates:
        if candidate.id in found:
            raise DuplicateId("candidates", candidate.id, "a candidate stands twice")
        found[candidate.id] = candidate
    return found


def _check_named(ballots: Sequence[Ballot], known: Mapping[str, Candidate]) -> None:
    for position, ballot in enumerate(ballots):
        for choice in ballot.choices:
            if choice not in known:
                raise UnknownMember(f"ballots[{position}]", choice, "not a candidate")


def _tie_warning(tied: Sequence[str], what: Text) -> Violation:
    names = ", ".join(tied)
    return Violation(
        code="election.tie",
        severity=Severity.WARNING,
        subject=names,
        message=Text(
            "Tie between {names} for {what}: decided by the lower id; the statutes' tie rule (a "
            "new ballot, lots) must confirm it.",
            names=names,
            what=what,
        ),
    )


def _count(known: Mapping[str, Candidate], ballots: Sequence[Ballot], seats: int) -> dict[str, int]:
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise InvalidInput("seats", seats, "at least one seat")
    _check_named(ballots, known)
    votes = dict.fromkeys(known, 0)
    for position, ballot in enumerate(ballots):
        if len(ballot.choices) > seats:
            raise InvalidInput(
                f"ballots[{position}].choices", ballot.choices, f"at most {seats} candidates"
            )
        for choice in ballot.choices:
            votes[choice] += ballot.weight
    return votes


def plurality(
    candidates: Iterable[Candidate],
    ballots: Sequence[Ballot],
    *,
    seats: int,
    rules: BoardRules | None = None,
    seated: Iterable[Candidate] = (),
) -> ElectionResult:
    """Elect ``seats`` directors by plurality, applying the board's caps while filling the seats.

    ``seated`` are the directors whose terms continue (a board renewed by thirds): the caps and
    the composition check count them, the board being ``seated`` and the elected, of
    ``len(seated) + seats`` directors.

    Raises:
        InvalidInput: fewer than one seat, or a ballot naming more candidates than seats.
        UnknownMember: a ballot names someone who is not a candidate.
        DuplicateId: a candidate stands twice, or a seated director stands.
    """
    known = _index(candidates)
    sitting = tuple(seated)
    for director in sitting:
        if director.id in known:
            raise DuplicateId("seated", director.id, "a director whose term continues stands")
    _index(sitting)
    votes = _count(known, ballots, seats)
    ranking = sorted(known, key=lambda c: (-votes[c], c))
    rules = rules or BoardRules()
    share = rules._non_member_share()  # noqa: SLF001 - same module
    size = len(sitting) + seats
    non_member_cap = rules.seat_cap(share, size) if share is not None else None
    category_caps = {
        limit.category: (rules.seat_cap(limit.share, size), limit)
        for limit in rules.category_limits
    }
    elected: list[str] = []
    steps: list[Step] = []
    for candidate_id in ranking:
        if len(elected) == seats:
            break
        candidate = known[candidate_id]
        board = [*sitting, *(known[c] for c in elected)]
        passed = _passed_over(candidate, board, non_member_cap, category_caps)
        if passed is not None:
            reason, citation = passed
            steps.append(
                Step(
                    what=Text(
                        "{candidate_id} passed over: {reason}",
                        candidate_id=candidate_id,
                        reason=reason,
                    ),
                    inputs={"votes": votes[candidate_id]},
                    result=False,
                    citation=citation,
                )
            )
            continue
        elected.append(candidate_id)
        steps.append(
            Step(
                what=Text(
                    "{candidate_id} elected",
                    candidate_id=candidate_id,
                ),
                inputs={"votes": votes[candidate_id], "seat": len(elected)},
                result=True,
            )
        )
    violations = _unsettled(ranking, votes, elected, seats, rules)
    board = [*sitting, *(known[c] for c in elected)]
    violations.extend(check_board(board, rules, seats=size))
    return ElectionResult(
        elected=tuple(elected),
        votes=votes,
        explanation=Explanation(tuple(steps)),
        violations=tuple(violations),
    )


def _unsettled(
    ranking: Sequence[str],
    votes: Mapping[str, int],
    elected: Sequence[str],
    seats: int,
    rules: BoardRules,
) -> list[Violation]:
    """A tie for the last seat, and seats the caps left empty."""
    violations: list[Violation] = []
    if elected and len(elected) == seats:
        last = votes[elected[-1]]
        tied = [c for c in ranking if votes[c] == last and c not in elected]
        if tied:
            violations.append(_tie_warning([elected[-1], *tied], Text("the last seat")))
    if len(elected) < seats:
        violations.append(
            Violation(
                code="election.seats_unfilled",
                severity=Severity.ERROR,
                subject="board",
                message=Text(
                    "Only {elected_count} of {seats} seats could be filled within the caps.",
                    elected_count=len(elected),
                    seats=seats,
                ),
                citation=rules.non_member_citation,
            )
        )
    return violations


def _passed_over(
    candidate: Candidate,
    board: Sequence[Candidate],
    non_member_cap: int | None,
    category_caps: Mapping[str, tuple[int, CategoryLimit]],
) -> tuple[Text, Citation | None] | None:
    if not candidate.member and non_member_cap is not None:
        held = sum(1 for c in board if not c.member)
        if held >= non_member_cap:
            return (
                Text(
                    "non-members already hold {held} seat(s), the most allowed",
                    held=held,
                ),
                None,
            )
    if candidate.category is not None and candidate.category in category_caps:
        cap, limit = category_caps[candidate.category]
        held = sum(1 for c in board if c.category == candidate.category)
        if held >= cap:
            return (
                Text(
                    "category {category} already holds {held} seat(s), the most allowed",
                    category=candidate.category,
                    held=held,
                ),
                limit.citation,
            )
    return None


def check_board(
    board: Sequence[Candidate], rules: BoardRules, *, seats: int | None = None
) -> tuple[Violation, ...]:
    """The violations of a board: its size, its non-member seats, its category caps."""
    share = rules._non_member_share()  # noqa: SLF001 - same module
    size = seats if seats is not None else len(board)
    violations: list[Violation] = []
    if (rules.min_directors is not None and size < rules.min_directors) or (
        rules.max_directors is not None and size > rules.max_directors
    ):
        violations.append(
            Violation(
                code="election.board_size",
                severity=Severity.ERROR,
                subject="board",
                message=Text(
                    "A board of {size} directors; the law requires {min_directors} to "
                    "{max_directors}.",
                    size=size,
                    min_directors=rules.min_directors,
                    max_directors=rules.max_directors,
                ),
                citation=rules.citation,
            )
        )
    if share is not None and board:
        outside = sum(1 for c in board if not c.member)
        if Fraction(outside, len(board)) > share.value:
            violations.append(
                Violation(
                    code="election.non_member_directors",
                    severity=Severity.ERROR,
                    subject="board",
                    message=Text(
                        "{outside} of {board_count} directors are not members; at most {share} of "
                        "the seats may be.",
                        outside=outside,
                        board_count=len(board),
                        share=share,
                    ),
                    citation=rules.non_member_citation,
                )
            )
    for limit in rules.category_limits:
        held = sum(1 for c in board if c.category == limit.category)
        if board and Fraction(held, len(board)) > limit.share.value:
            violations.append(
                Violation(
                    code="election.category_seats",
                    severity=Severity.ERROR,
                    subject=limit.category,
                    message=Text(
                        "Category {category} holds {held} of {board_count} seats; at most {share}.",
                        category=limit.category,
                        held=held,
                        board_count=len(board),
                        share=limit.share,
                    ),
                    citation=limit.citation,
                )
            )
    return tuple(violations)


def instant_runoff(candidates: Iterable[Candidate], ballots: Sequence[Ballot]) -> ElectionResult:
    """Elect one candidate from ranked ballots by instant runoff, round by round.

    Each round counts every ballot for its most preferred candidate still standing; a candidate
    with more than half of the ballots still counting wins; otherwise the one with the fewest
    votes is eliminated (a tie for last eliminates the higher id, with a warning).

    Raises:
        UnknownMember: a ballot names someone who is not a candidate.
        DuplicateId: a candidate stands twice.
        InvalidInput: no candidate.
    """
    known = _index(candidates)
    if not known:
        raise InvalidInput("candidates", (), "at least one candidate")
    _check_named(ballots, known)
    standing = set(known)
    rounds: list[dict[str, int]] = []
    steps: list[Step] = []
    violations: list[Violation] = []
    while True:
        count = dict.fromkeys(sorted(standing), 0)
        for ballot in ballots:
            choice = next((c for c in ballot.choices if c in standing), None)
            if choice is not None:
                count[choice] += ballot.weight
        rounds.append(count)
        counting = sum(count.values())
        leader = min(count, key=lambda c: (-count[c], c))
        if len(standing) == 1 or 2 * count[leader] > counting:
            top = [c for c in count if count[c] == count[leader]]
            if len(top) > 1:
                violations.append(_tie_warning(top, Text("the seat")))
            steps.append(
                Step(
                    what=Text(
                        "Round {rounds_count}: {leader} elected",
                        rounds_count=len(rounds),
                        leader=leader,
                    ),
                    inputs={"votes": count[leader], "ballots counting": counting},
                    result=leader,
                )
            )
            return ElectionResult(
                elected=(leader,),
                votes=count,
                rounds=tuple(rounds),
                explanation=Explanation(tuple(steps)),
                violations=tuple(violations),
            )
        fewest = min(count.values())
        last = sorted(c for c in count if count[c] == fewest)
        out = last[-1]
        if len(last) > 1:
            violations.append(_tie_warning(last, Text("elimination")))
        standing.discard(out)
        steps.append(
            Step(
                what=Text(
                    "Round {rounds_count}: {out} eliminated",
                    rounds_count=len(rounds),
                    out=out,
                ),
                inputs={"votes": fewest, "ballots counting": counting},
                result=out,
            )
        )
