"""The strategies shipped for users' own tests build valid values, and varied ones."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import Phase, find, given, settings
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.capital import OperationKind, ShareRegister
from cooprules.levies import Activity, Line
from cooprules.money import to_minor_units
from cooprules.regime import bind
from cooprules.voting import Electorate, Meeting, VotingRules, tally
from cooprules_adapters.be.regimes import BE_CNC
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.qc.regimes import QC_COOP

PROXY_CODES = {
    "voting.proxy_not_a_voter",
    "voting.proxy_to_self",
    "voting.proxy_given_twice",
    "voting.proxy_grantor_present",
    "voting.family_representation_not_allowed",
    "voting.family_holder_is_member",
    "voting.proxy_forbidden",
    "voting.proxy_holder_not_member",
    "voting.proxy_holder_absent",
    "voting.proxy_chain",
    "voting.too_many_proxies",
}

CNC = bind(BE_CNC, as_of=date(2026, 6, 1)).rule_set(VotingRules)
SCOP = bind(FR_SCOP, as_of=date(2026, 6, 1)).rule_set(VotingRules)
assert CNC is not None
assert SCOP is not None


@given(cst.activities(currency="CAD"))
def test_activities_are_valid(activity: Activity):
    assert activity.currency == "CAD"
    assert activity.end is None or activity.end >= activity.start


@given(st.data())
def test_monthly_lines_belong_to_the_activity_and_year(data: st.DataObject):
    activity = data.draw(cst.activities(activity_id="a1"))
    lines = data.draw(cst.monthly_lines(activity, 2025, all_months=data.draw(st.booleans())))
    months = [line.period.start.month for line in lines]
    assert months == sorted(set(months))
    for line in lines:
        assert isinstance(line, Line)
        assert line.activity == "a1"
        assert line.period.start.year == 2025
        assert line.revenue_units >= 0
        assert line.direct_costs_units >= 0


@given(cst.activity_books(2024, currency="JPY"))
def test_activity_books_run_in_their_year(books: tuple[Activity, list[Line]]):
    activity, lines = books
    assert activity.start <= date(2024, 12, 1)
    assert all(line.revenue.currency.code == "JPY" for line in lines)


@given(cst.share_registers(max_operations=20))
def test_share_registers_replay(register: ShareRegister):
    # The register was built (every operation replayed without error); its invariants hold.
    last = register.operations[-1].date if register.operations else date(2020, 1, 1)
    for holding in register.holdings(last):
        assert holding.shares >= 0
        assert 0 <= to_minor_units(holding.paid_up) <= to_minor_units(holding.subscribed)
    dates = [op.date for op in register.operations]
    assert dates == sorted(set(dates))


def test_share_registers_reach_every_kind_of_operation():
    seen: set[OperationKind] = set()

    # Coverage over random draws is not a property: derandomized, so the test cannot flake.
    @settings(max_examples=300, database=None, derandomize=True)
    @given(cst.share_registers(max_operations=20))
    def collect(register: ShareRegister) -> None:
        seen.update(op.kind for op in register.operations)

    collect()
    assert seen == set(OperationKind)


@given(cst.electorates(max_weight=5, categories=("a", "b")))
def test_electorates(electorate: Electorate):
    assert 1 <= electorate.total_members <= 15
    assert all(v.category in {"a", "b"} for v in electorate.voters.values())


@given(st.data())
def test_ballots_come_from_voters(data: st.DataObject):
    electorate = data.draw(cst.electorates())
    ballots = data.draw(cst.ballots(electorate, turnout=False))
    assert set(ballots) == set(electorate.voters)


@given(cst.meetings(SCOP, max_weight=3))
def test_meetings_can_be_tallied(meeting: Meeting):
    assert SCOP is not None
    assert SCOP.decision(meeting.decision) is not None
    result = tally(meeting, SCOP)
    assert 0 <= result.share_for <= 1


@pytest.mark.parametrize("code", sorted(PROXY_CODES))
def test_meetings_with_proxies_reach_every_case(code: str):
    # Valid and invalid proxies alike (docs/voting.md, "Proxies as the law has them"): each case
    # is drawn, under the regime whose policy has it (SCOP: holders and limits; Quebec: none).
    regime = {"voting.proxy_forbidden": QC_COOP, "voting.family_holder_is_member": QC_COOP}.get(
        code, FR_SCOP
    )
    rules = bind(regime, as_of=date(2026, 6, 1)).rule_set(VotingRules)
    assert rules is not None

    def codes(meeting: Meeting) -> set[str]:
        register = {*meeting.electorate.voters, *meeting.electorate.excluded}
        assert {p.grantor for p in meeting.proxies} <= register
        return {v.code for v in tally(meeting, rules).violations}

    found = find(
        cst.meetings(rules, max_voters=6, max_proxies=6),
        lambda meeting: code in codes(meeting),
        settings=settings(max_examples=5000, database=None, phases=[Phase.generate]),
    )
    assert found.proxies


def test_meetings_with_proxies_count_some():
    assert CNC is not None
    found = find(
        cst.meetings(CNC, max_voters=6, max_proxies=6),
        lambda meeting: tally(meeting, CNC).present_members > len(meeting.present or ()) > 0,
        settings=settings(max_examples=5000, database=None, phases=[Phase.generate]),
    )
    assert found.proxies


def test_meetings_need_a_majority():
    assert CNC is not None
    rules = CNC.evolve(decisions=())

    @settings(max_examples=1, database=None)
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        data.draw(cst.meetings(rules))

    with pytest.raises(ValueError, match="no majority"):
        draw()
