"""Board elections of a meeting: the regime's board rules, directors whose terms continue, the
composition of the board after the election, and its invariants as properties."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from cooprules.board import board_rules
from cooprules.elections import (
    Ballot,
    BoardRules,
    Candidate,
    CategoryLimit,
    check_board,
    plurality,
)
from cooprules.errors import DuplicateId
from cooprules.explain import Citation, RuleKind, Text
from cooprules.money import Rate
from cooprules.plugins import get_regime
from cooprules.regime import Key, Parameter, Regime, bind
from cooprules.scenario import CandidateSpec, CategoryLimitSpec, ElectionSpec
from cooprules_adapters.qc.voting import BOARD as BOARD_OF_LAW
from cooprules_adapters.qc.voting import NON_MEMBER_DIRECTORS

# The Quebec board's figures (ss. 80, 81-81.1.1) are the law file's: bound on a date.
BOARD = BOARD_OF_LAW.bound(bind(get_regime("qc-solidarity"), as_of=date(2026, 5, 20)))

THIRD = Rate(Fraction(1, 3))


def test_the_regime_s_board_rules_are_read_through_the_bound_rules():
    # Cooperatives Act ss. 80, 81.1.1 (quebec.md §Q2, [SRC-2]): 3 to 15 directors, non-members
    # at most a third of the seats, for every regime that extends qc-coop.
    spec = ElectionSpec("board", 3, [CandidateSpec("a")])
    for code in ("qc-work", "qc-solidarity", "qc-producer"):
        rules = board_rules(bind(get_regime(code), as_of=date(2026, 3, 28)), spec)
        assert (rules.min_directors, rules.max_directors) == (3, 15)
        assert rules.max_non_member_share == THIRD
        assert rules.non_member_citation is NON_MEMBER_DIRECTORS


def test_the_statutes_caps_are_added_to_the_law_s():
    # A solidarity co-op's by-law: supporting members hold at most a third of the seats (the
    # Act's own rule is [MEM/UNC], quebec.md §Q8: the by-law's here, cited as the statutes).
    spec = ElectionSpec(
        "board",
        3,
        [CandidateSpec("a")],
        category_limits=[CategoryLimitSpec("supporting", THIRD, "art. 5.2")],
    )
    rules = board_rules(bind(get_regime("qc-solidarity"), as_of=date(2026, 5, 9)), spec)
    (limit,) = rules.category_limits
    assert (limit.category, limit.share) == ("supporting", THIRD)
    assert (limit.citation.instrument, limit.citation.article) == ("Statutes", "art. 5.2")
    assert rules.max_directors == 15  # the law's stay


def test_a_regime_without_board_rules_gets_the_statutes_alone():
    # be-cnc ships no BoardRules: no size or non-member rule of law, the statutes' cap only.
    spec = ElectionSpec(
        "board", 2, [CandidateSpec("a")], category_limits=[CategoryLimitSpec("x", THIRD)]
    )
    rules = board_rules(bind(get_regime("be-cnc"), as_of=date(2026, 6, 1)), spec)
    assert (rules.min_directors, rules.max_non_member_share) == (None, None)
    assert [c.category for c in rules.category_limits] == ["x"]


def test_directors_whose_terms_continue_count_in_the_caps():
    # A board of 9 renewed by thirds, 2 non-members continuing: ss. 81.1.1 allows 3 of 9, so one
    # more non-member at most; the second is passed over for the member.
    seated = [Candidate("x0", member=False), Candidate("x9", member=False)]
    seated += [Candidate(f"d{i}") for i in range(4)]
    candidates = [Candidate("x1", member=False), Candidate("x2", member=False), Candidate("m1")]
    candidates.append(Candidate("m2"))
    votes = {"x1": 9, "x2": 8, "m1": 7, "m2": 6}
    ballots = [Ballot((c,), weight=v) for c, v in votes.items()]
    result = plurality(candidates, ballots, seats=3, rules=BOARD, seated=seated)
    assert result.elected == ("x1", "m1", "m2")
    passed = [s.what.en for s in result.explanation.steps if s.result is False]
    assert passed == ["x2 passed over: non-members already hold 3 seat(s), the most allowed"]
    assert result.violations == ()
    # Without the seated directors the caps are on 3 seats: one non-member only (x2 passed over
    # as well), and the 3 seats alone are a legal board.
    alone = plurality(candidates, ballots, seats=3, rules=BOARD)
    assert alone.elected == ("x1", "m1", "m2")


def test_a_board_too_small_after_the_election_is_flagged():
    # S. 80: at least 3 directors; 1 continuing and 1 seat make a board of 2.
    result = plurality(
        [Candidate("a")], [Ballot(("a",))], seats=1, rules=BOARD, seated=[Candidate("b")]
    )
    assert [v.code for v in result.violations] == ["election.board_size"]


def test_a_seated_director_cannot_stand():
    with pytest.raises(DuplicateId, match="seated"):
        plurality([Candidate("a")], [], seats=1, seated=[Candidate("a")])
    with pytest.raises(DuplicateId):
        plurality([Candidate("a")], [], seats=1, seated=[Candidate("b"), Candidate("b")])


# --- properties ----------------------------------------------------------------------------------

_IDS = [f"c{i}" for i in range(8)]
_CATEGORIES = ("user", "worker", "supporting", None)

candidates_st = st.lists(
    st.builds(
        Candidate,
        st.sampled_from(_IDS),
        member=st.booleans(),
        category=st.sampled_from(_CATEGORIES),
    ),
    unique_by=lambda c: c.id,
    min_size=1,
)
share_st = st.fractions(min_value=0, max_value=1, max_denominator=6).map(Rate)
rules_st = st.builds(
    BoardRules,
    min_directors=st.none() | st.integers(1, 6),
    max_directors=st.none() | st.integers(1, 9),
    max_non_member_share=st.none() | share_st,
    category_limits=st.lists(
        st.builds(CategoryLimit, st.sampled_from(("user", "worker", "supporting")), share_st),
        unique_by=lambda c: c.category,
        max_size=3,
    ),
)


@given(candidates_st, rules_st, st.integers(1, 6), st.data())
def test_an_election_never_seats_more_than_the_seats(candidates, rules, seats, data):
    ids = [c.id for c in candidates]
    ballots = data.draw(
        st.lists(
            st.builds(
                Ballot,
                st.lists(st.sampled_from(ids), unique=True, max_size=min(seats, len(ids))),
                weight=st.integers(0, 5),
            ),
            max_size=6,
        )
    )
    result = plurality(candidates, ballots, seats=seats, rules=rules)
    assert len(result.elected) <= seats
    assert len(set(result.elected)) == len(result.elected)
    assert set(result.elected) <= set(ids)
    # Every seat is filled, or the result says it could not be.
    codes = {v.code for v in result.violations}
    assert len(result.elected) == min(seats, len(ids)) or "election.seats_unfilled" in codes


def _breaks(board: list[Candidate], rules: BoardRules) -> set[str]:
    """The rules a board breaks, counted directly (the oracle)."""
    size = len(board)
    found = set()
    if (rules.min_directors is not None and size < rules.min_directors) or (
        rules.max_directors is not None and size > rules.max_directors
    ):
        found.add("election.board_size")
    outside = sum(1 for c in board if not c.member)
    share = rules.max_non_member_share
    # a outside b seats exceed share p/q exactly when a * q > p * b
    if (
        board
        and share is not None
        and outside * share.value.denominator > (share.value.numerator * size)
    ):
        found.add("election.non_member_directors")
    for limit in rules.category_limits:
        held = sum(1 for c in board if c.category == limit.category)
        if board and held * limit.share.value.denominator > limit.share.value.numerator * size:
            found.add("election.category_seats")
    return found


@given(candidates_st, rules_st)
@example(
    [Candidate("c0", member=False), Candidate("c1"), Candidate("c2")],
    BoardRules(max_non_member_share=THIRD),
)  # exactly a third: allowed
@example(
    [Candidate("c0", member=False), Candidate("c1", member=False), Candidate("c2")],
    BoardRules(min_directors=3, max_directors=15, max_non_member_share=THIRD),
)  # two thirds: flagged
def test_the_composition_check_flags_exactly_the_boards_that_break_the_rules(board, rules):
    assert {v.code for v in check_board(board, rules)} == _breaks(board, rules)


@given(candidates_st, st.data())
def test_a_board_within_the_caps_filled_by_plurality_breaks_no_cap(candidates, data):
    # The caps applied while filling the seats leave a board that breaks none of them.
    seats = data.draw(st.integers(1, len(candidates)))
    rules = data.draw(rules_st)
    ballots = [Ballot((c.id,), weight=i) for i, c in enumerate(candidates)]
    result = plurality(candidates, ballots, seats=seats, rules=rules)
    assume(len(result.elected) == seats)  # a board short of seats is flagged as such
    by_id = {c.id: c for c in candidates}
    board = [by_id[c] for c in result.elected]
    caps = attrs.evolve(rules, min_directors=None, max_directors=None)
    flagged = {v.code for v in check_board(board, caps, seats=seats)}
    # a cap counted on the seats rounds down, so the filled board respects it
    assert not flagged & {"election.non_member_directors", "election.category_seats"}


_BOARD_MIN = Key("xx.board_min", int, Text(en="fewest directors", fr="minimum d'administrateurs"))


@attrs.frozen
class _BoardOfLaw(BoardRules):
    """Board rules whose size is the law's (as a regime may write them): bound when read."""

    def bound(self, rules):
        value = rules.value(_BOARD_MIN)
        return attrs.evolve(self, min_directors=value)


def test_board_rules_whose_figures_are_the_law_s_come_back_bound():
    # Rules.rule_set binds a Bindable rule set on the meeting's date: board_rules reads it that
    # way, so board rules that read their figures from the law file work unchanged.
    law = Citation("Example Act", "s. 1", "XX")
    regime = Regime(
        code="xx-board",
        name="Board",
        name_en="Board",
        jurisdiction="XX",
        currency="EUR",
        languages=("en",),
        citations=(law,),
        parameters=(Parameter.of(_BOARD_MIN, 5, RuleKind.LAW, law),),
        rules=(_BoardOfLaw(max_directors=9),),
    )
    spec = ElectionSpec("board", 3, [CandidateSpec("a")])
    rules = board_rules(bind(regime, as_of=date(2026, 1, 1)), spec)
    assert (rules.min_directors, rules.max_directors) == (5, 9)
