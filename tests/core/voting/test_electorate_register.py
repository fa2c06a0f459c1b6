"""The electorate read from the register: colleges from the statutes, shares, duplicate ids."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from cooprules.errors import DuplicateId, InvalidInput
from cooprules.explain import Citation
from cooprules.membership import Event, EventKind, Member
from cooprules.regime import Regime, Statutes, bind
from cooprules.voting import College, Electorate, Voter, VotingRules, VotingStatutes, electorate
from cooprules_adapters.be.regimes import BE_SC
from cooprules_adapters.fr.regimes import FR_SCIC

DAY = date(2026, 6, 1)
STATUTES = Citation("Statutes", "art. 20", "coop")


def rules_of(regime: Regime) -> VotingRules:
    found = bind(regime, as_of=DAY).rule_set(VotingRules)
    assert found is not None
    return found


def admitted(member_id: str, category: str | None = None) -> Member:
    return Member.of(member_id, [Event(EventKind.ADMITTED, date(2024, 1, 1), category=category)])


# --- Colleges: each voter's college is the statutes' college of their category ----------------

SCIC_COLLEGES = (
    College("employees", {"employee"}, Fraction(1, 2)),
    College("users", {"user"}, Fraction(3, 10)),
    College("others", {"public"}, Fraction(1, 5)),
)


@pytest.mark.parametrize(
    "statutes",
    [
        VotingStatutes(STATUTES, colleges=SCIC_COLLEGES),
        # The co-op's statutes as one value: their voting section holds the colleges.
        Statutes("fr-scic", sections=(VotingStatutes(STATUTES, colleges=SCIC_COLLEGES),)),
    ],
    ids=["voting section", "statutes"],
)
def test_a_scic_voter_is_in_the_college_of_their_category(
    statutes: VotingStatutes | Statutes,
) -> None:
    # Loi 1947 art. 19 octies: a SCIC's statutes may group the associates in colleges; a member
    # whose category no college takes cannot be counted in any of them.
    members = [
        admitted("ana", "employee"),
        admitted("bo", "user"),
        admitted("cy", "public"),
        admitted("dee", "investor"),
    ]
    voters = electorate(members, DAY, rules_of(FR_SCIC), statutes=statutes)
    assert {v.id: (v.college, v.category) for v in voters.voters.values()} == {
        "ana": ("employees", "employee"),
        "bo": ("users", "user"),
        "cy": ("others", "public"),
    }
    assert voters.excluded == {"dee": "no college for category investor"}
    assert voters.colleges == SCIC_COLLEGES


def test_without_statutes_there_is_no_college() -> None:
    members = [admitted("ana", "employee"), admitted("bo", "user")]
    voters = electorate(members, DAY, rules_of(FR_SCIC))
    assert {v.college for v in voters.voters.values()} == {None}
    assert voters.colleges == ()
    assert voters.excluded == {}


# --- Shares: votes per share read the shares held, refused when they are not a count ----------


def test_votes_per_share_weigh_each_member_by_their_shares() -> None:
    # CSA art. 6:41 (Belgian SC): one vote per share unless the statutes say otherwise.
    rules = rules_of(BE_SC)
    voters = electorate([admitted("ana"), admitted("bo")], DAY, rules, shares={"ana": 3, "bo": 1})
    assert voters.weight("ana") == 3
    assert voters.total_weight == 4


@pytest.mark.parametrize("held", [2.5, "3", Fraction(3), True])
def test_a_number_of_shares_that_is_not_an_int_is_refused(held: object) -> None:
    with pytest.raises(InvalidInput) as caught:
        electorate([admitted("ana")], DAY, rules_of(BE_SC), shares={"ana": held})  # type: ignore[dict-item]
    assert caught.value.field == "shares[ana]"
    assert caught.value.value == held
    assert caught.value.reason == "a number of shares is an int"
    assert str(caught.value).startswith("shares[ana]: a number of shares is an int (got ")


def test_a_negative_number_of_shares_is_refused() -> None:
    with pytest.raises(InvalidInput) as caught:
        electorate([admitted("ana")], DAY, rules_of(BE_SC), shares={"ana": -1})
    assert (caught.value.field, caught.value.value) == ("shares[ana]", -1)
    assert str(caught.value) == "shares[ana]: a number of shares is not negative (got -1)"


# --- Duplicates: one id, one person ------------------------------------------------------------


def test_a_member_twice_in_the_register_is_refused() -> None:
    rules = rules_of(FR_SCIC)
    for register in (
        [admitted("ana"), admitted("bo"), admitted("ana")],  # two voters
        [admitted("ana"), Member.of("ana", [])],  # a voter, then someone who is not one
    ):
        with pytest.raises(DuplicateId) as caught:
            electorate(register, DAY, rules)
        assert (caught.value.field, caught.value.value) == ("members", "ana")
        assert str(caught.value) == (
            "members: a member id appears twice in the register (got 'ana')"
        )


def test_a_voter_twice_in_an_electorate_is_refused() -> None:
    with pytest.raises(DuplicateId) as caught:
        Electorate.of([Voter("ana"), Voter("bo"), Voter("ana", 2)])
    assert (caught.value.field, caught.value.value) == ("voters", "ana")
    assert str(caught.value) == "voters: a voter appears twice (got 'ana')"
