"""Board elections: plurality with the board's caps, instant runoff, ties, errors."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.elections import (
    Ballot,
    BoardRules,
    Candidate,
    CategoryLimit,
    check_board,
    instant_runoff,
    plurality,
)
from cooprules.errors import DuplicateId, InvalidInput, UnknownMember
from cooprules.money import Rate
from cooprules.regime import bind
from cooprules.testing import moved, replace_parameter
from cooprules_adapters.qc.regimes import QC_COOP
from cooprules_adapters.qc.voting import BOARD, BOARD_CITATION, NON_MEMBER_DIRECTORS

ON = date(2026, 1, 1)
QC_BOARD = bind(QC_COOP, as_of=ON).rule_set(BoardRules)
"""The Quebec board's rules, their figures read from the law file (ss. 80, 81.1.1)."""


def test_quebec_non_members_hold_at_most_a_third_of_the_seats():
    # Cooperatives Act ss. 81-81.1.1 (quebec.md §Q2): a board of 6 seats may have 2 non-members.
    # The three non-members top the poll; the third is passed over for the next member.
    candidates = [
        Candidate("x1", member=False),
        Candidate("x2", member=False),
        Candidate("x3", member=False),
        *(Candidate(f"m{i}") for i in range(5)),
    ]
    votes = {"x1": 10, "x2": 9, "x3": 8, "m0": 7, "m1": 6, "m2": 5, "m3": 4, "m4": 3}
    ballots = [Ballot((name,), weight=count) for name, count in votes.items()]
    result = plurality(candidates, ballots, seats=6, rules=QC_BOARD)
    assert result.elected == ("x1", "x2", "m0", "m1", "m2", "m3")
    passed = [s for s in result.explanation.steps if "passed over" in s.what.en]
    assert [s.what.en.split()[0] for s in passed] == ["x3"]
    assert result.violations == ()


def test_quebec_board_size():
    # 3 to 15 directors (s. 80, quebec.md §Q2).
    candidates = [Candidate("a"), Candidate("b")]
    result = plurality(candidates, [Ballot(("a", "b"))], seats=2, rules=QC_BOARD)
    assert [v.code for v in result.violations] == ["election.board_size"]
    assert result.violations[0].message.fr.startswith("Un conseil de 2 administrateurs")


def test_category_limit_from_the_statutes_and_check_board():
    # A solidarity co-op's by-law: supporting members at most a third of the directors.
    rules = BoardRules(
        min_directors=3,
        max_directors=15,
        category_limits=(CategoryLimit("supporting", Rate(Fraction(1, 3))),),
    )
    board = [Candidate("s1", category="supporting"), Candidate("s2", category="supporting")]
    board += [Candidate("u1", category="user")]
    assert [v.code for v in check_board(board, rules)] == ["election.category_seats"]
    board_of_three = [*board[1:], Candidate("w1", category="worker")]
    assert check_board(board_of_three, rules) == ()
    outsiders = [Candidate("x1", member=False), Candidate("x2", member=False), Candidate("m")]
    codes = [v.code for v in check_board(outsiders, QC_BOARD)]
    assert codes == ["election.non_member_directors"]
    assert check_board(outsiders, QC_BOARD)[0].citation == NON_MEMBER_DIRECTORS


def test_the_quebec_board_s_figures_are_the_law_file_s():
    # s. 80: 3 to 15 directors, the bounds of company.board_size; s. 81.1.1: non-members at most
    # a third of the seats, qc.non_member_directors_max_share. Unbound, the rules are refused.
    assert QC_BOARD is not None
    assert (QC_BOARD.min_directors, QC_BOARD.max_directors) == (3, 15)
    assert QC_BOARD.citation == BOARD_CITATION
    assert QC_BOARD.max_non_member_share == Rate(Fraction(1, 3))
    outsiders = [Candidate("x1", member=False), Candidate("x2", member=False), Candidate("m")]
    with pytest.raises(InvalidInput, match="rule_set"):
        check_board(outsiders, BOARD)
    with pytest.raises(InvalidInput, match="rule_set"):
        plurality(outsiders, [], seats=3, rules=BOARD)
    # Half the seats in a copy of the law: two non-members of four are allowed, not of three.
    share = QC_COOP.parameter("qc.non_member_directors_max_share", ON)
    half = replace_parameter(QC_COOP, share, moved(share, Rate(Fraction(1, 2))))
    board = bind(half, as_of=ON).rule_set(BoardRules)
    assert board is not None
    four = [*outsiders, Candidate("n")]
    assert [v.code for v in check_board(four, QC_BOARD)] == ["election.non_member_directors"]
    assert check_board(four, board) == ()
    assert [v.code for v in check_board(outsiders, board)] == ["election.non_member_directors"]
    # A smaller least board in a copy of the law: two directors are enough.
    size = QC_COOP.parameter("company.board_size", ON)
    two = replace_parameter(QC_COOP, size, attrs.evolve(size, minimum=2))
    smaller = bind(two, as_of=ON).rule_set(BoardRules)
    assert smaller is not None
    pair = [Candidate("a"), Candidate("b")]
    assert [v.code for v in check_board(pair, QC_BOARD)] == ["election.board_size"]
    assert check_board(pair, smaller) == ()


def test_tie_for_the_last_seat_is_a_warning():
    candidates = [Candidate("a"), Candidate("b"), Candidate("c")]
    result = plurality(candidates, [Ballot(("a",)), Ballot(("b",)), Ballot(("c",))], seats=2)
    assert result.elected == ("a", "b")
    (warning,) = result.violations
    assert warning.code == "election.tie"
    assert "b, c" in warning.message.en


def test_seats_left_empty_when_the_caps_forbid_every_candidate():
    rules = BoardRules(max_non_member_share=Rate(Fraction(1, 3)))
    candidates = [Candidate("x1", member=False), Candidate("x2", member=False)]
    result = plurality(candidates, [Ballot(("x1", "x2"))], seats=2, rules=rules)
    assert result.elected == ()
    assert "election.seats_unfilled" in {v.code for v in result.violations}


def test_instant_runoff_rounds():
    # 9 ballots: a 4, b 3, c 2 first; c is eliminated and its ballots go to b: b wins 5 to 4.
    ballots = [Ballot(("a", "c"))] * 4 + [Ballot(("b", "a"))] * 3 + [Ballot(("c", "b"))] * 2
    result = instant_runoff([Candidate("a"), Candidate("b"), Candidate("c")], ballots)
    assert result.elected == ("b",)
    assert [dict(r) for r in result.rounds] == [{"a": 4, "b": 3, "c": 2}, {"a": 4, "b": 5}]
    assert [s.what.en for s in result.explanation.steps] == [
        "Round 1: c eliminated",
        "Round 2: b elected",
    ]


def test_bad_input():
    with pytest.raises(DuplicateId):
        plurality([Candidate("a"), Candidate("a")], [], seats=1)
    with pytest.raises(UnknownMember, match="zed"):
        plurality([Candidate("a")], [Ballot(("zed",))], seats=1)
    with pytest.raises(InvalidInput, match="at most 1 candidates"):
        plurality([Candidate("a"), Candidate("b")], [Ballot(("a", "b"))], seats=1)
    with pytest.raises(InvalidInput, match="seats"):
        plurality([Candidate("a")], [], seats=0)
    with pytest.raises(DuplicateId, match="named twice"):
        Ballot(("a", "a"))
    with pytest.raises(InvalidInput, match="weight"):
        Ballot(("a",), weight=-1)
    with pytest.raises(InvalidInput, match="at least one candidate"):
        instant_runoff([], [])


names = st.sampled_from(["a", "b", "c", "d", "e", "f"])
ballots_strategy = st.lists(
    st.lists(names, unique=True, max_size=3).map(lambda c: Ballot(tuple(c))), max_size=30
)


@given(ballots_strategy, st.integers(min_value=1, max_value=3), st.randoms())
def test_plurality_properties(ballots, seats, random):
    candidates = [Candidate(n, member=n in "abcd") for n in "abcdef"]
    ballots = [Ballot(b.choices[:seats], b.weight) for b in ballots]
    rules = BoardRules(max_non_member_share=Rate(Fraction(1, 3)))
    result = plurality(candidates, ballots, seats=seats, rules=rules)
    assert len(result.elected) <= seats
    assert len(set(result.elected)) == len(result.elected)
    outsiders = sum(1 for c in result.elected if c in "ef")
    assert outsiders <= rules.seat_cap(Rate(Fraction(1, 3)), seats)
    assert sum(result.votes.values()) == sum(len(b.choices) * b.weight for b in ballots)
    shuffled = list(ballots)
    random.shuffle(shuffled)
    assert plurality(candidates, shuffled, seats=seats, rules=rules).elected == result.elected


@given(ballots_strategy, st.randoms())
def test_instant_runoff_properties(ballots, random):
    candidates = [Candidate(n) for n in "abcdef"]
    result = instant_runoff(candidates, ballots)
    (winner,) = result.elected
    assert winner in "abcdef"
    for count in result.rounds:
        assert sum(count.values()) <= len(ballots)
    shuffled = list(ballots)
    random.shuffle(shuffled)
    assert instant_runoff(candidates, shuffled).elected == result.elected
