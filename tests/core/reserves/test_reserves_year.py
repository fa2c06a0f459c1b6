"""The reserves over a co-op's year: roll-forward, allocations, a loss absorbed (cooprules.closing).

Worked examples:
* Quebec, Cooperatives Act s. 145 (the reserve is the allocations less the deficits), the
  reference's example 4 (guide.cooperativehabitation.coop/?p=638): 1,000 allocated, a deficit of
  500, then 800 allocated: 1,300.
* Quebec s. 149.3 (legisquebec C-67.2 se:149_3): a deficit is charged first to the enhancement
  reserve.
* France, loi 1947 art. 16 and 19: an indivisible reserve is never distributed to the members.
"""

from __future__ import annotations

from datetime import date

from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.closing import reserves_year
from cooprules.money import money, to_minor_units
from cooprules.periods import Period
from cooprules.regime import bind
from cooprules.reserves import MovementKind
from cooprules.scenario import ReserveMovementSpec, ReserveSpec
from cooprules.surplus import Remainder, ToReserve, Waterfall, YearFigures, distribute
from cooprules_adapters.fr import reserves as fr
from cooprules_adapters.qc import reserves as qc
from cooprules_adapters.qc.regimes import QC_WORK

YEAR = Period(date(2025, 1, 1), date(2026, 1, 1))
MEETING = date(2026, 3, 28)


def cad(text: str) -> object:
    return money(text, "CAD")


def eur(text: str) -> object:
    return money(text, "EUR")


def year(n: int) -> Period:
    return Period(date(n, 1, 1), date(n + 1, 1, 1))


def allocation(amount: str, reserve: str = "reserve") -> object:
    figures = YearFigures(surplus=cad(amount))
    return distribute(Waterfall((Remainder("rest", reserve=reserve),)), figures)


def test_quebec_s145_example_4_three_years_roll_forward_to_1300():
    # Year 1: +1,000; year 2: a deficit of 500; year 3: +800: the reserve is 1,300 (s. 145).
    opening = None
    closings = []
    for n, (surplus, loss) in enumerate([("1000.00", None), (None, "500.00"), ("800.00", None)]):
        spec = ReserveSpec("reserve", opening=opening, indivisible=True)
        result = reserves_year(
            (spec,),
            balances={},
            distribution=allocation(surplus) if surplus else None,
            loss=cad(loss) if loss else None,
            rules=qc.RESERVES,
            year=year(2023 + n),
            on=date(2024 + n, 3, 28),
            currency="CAD",
        )
        assert result is not None
        row = result.row("reserve")
        opening = row.closing
        closings.append(str(row.closing.amount))
        assert row.explanation.steps[0].citation == qc.ROLL_FORWARD  # s. 145
    assert closings == ["1000.00", "500.00", "1300.00"]


def test_quebec_s149_3_a_deficit_is_charged_first_to_the_enhancement_reserve():
    rules = bind(QC_WORK, as_of=MEETING).rule_set(type(qc.ENHANCEMENT_RESERVES))
    specs = (
        ReserveSpec("reserve", opening=cad("41200.00"), indivisible=True),
        ReserveSpec("enhancement", opening=cad("3000.00")),
    )
    result = reserves_year(
        specs,
        balances={},
        distribution=None,
        loss=cad("5000.00"),
        rules=rules,
        year=YEAR,
        on=MEETING,
        currency="CAD",
    )
    assert result is not None
    assert result.loss is not None
    assert [(code, str(m.amount)) for code, m in result.loss.charged] == [
        ("enhancement", "3000.00"),
        ("reserve", "2000.00"),
    ]
    assert str(result.loss.carried_forward.amount) == "0.00"
    assert result.loss.explanation.steps[0].citation.article == "s. 149.3"
    assert str(result.row("reserve").closing.amount) == "39200.00"
    assert str(result.row("enhancement").closing.amount) == "0.00"


def test_a_loss_above_the_reserves_is_carried_forward():
    result = reserves_year(
        (ReserveSpec("reserve", opening=cad("1200.00")),),
        balances={},
        distribution=None,
        loss=cad("2000.00"),
        rules=qc.RESERVES,
        year=YEAR,
        on=MEETING,
        currency="CAD",
    )
    assert result is not None
    assert result.loss is not None
    assert str(result.loss.absorbed.amount) == "1200.00"
    assert str(result.loss.carried_forward.amount) == "800.00"
    assert str(result.row("reserve").closing.amount) == "0.00"


def test_a_distribution_from_an_indivisible_reserve_is_refused_loi_1947_art_19():
    spec = ReserveSpec(
        "statutory_reserve",
        opening=eur("10000.00"),
        indivisible=True,
        movements=(
            ReserveMovementSpec(
                "m1", MovementKind.DISTRIBUTION, date(2025, 6, 30), eur("1000.00"), "to members"
            ),
        ),
    )
    result = reserves_year(
        (spec,),
        balances={},
        distribution=None,
        loss=None,
        rules=fr.COOP_RESERVES,
        year=YEAR,
        on=MEETING,
        currency="EUR",
    )
    assert result is not None
    assert [(v.code, v.citation.article) for v in result.violations] == [
        ("reserve.refused_movement", "art. 19")
    ]


def test_the_steps_say_which_reserves_are_indivisible_and_win_over_a_divisible_declaration():
    figures = YearFigures(surplus=eur("1000.00"))
    split = distribute(
        Waterfall(
            (
                ToReserve("legal", reserve="legal", share="15%"),
                Remainder("free", reserve="free", indivisible=False),
            )
        ),
        figures,
    )
    result = reserves_year(
        (ReserveSpec("legal", indivisible=False),),
        balances={"free": eur("50.00")},
        distribution=split,
        loss=None,
        rules=fr.COOP_RESERVES,
        year=YEAR,
        on=MEETING,
        currency="EUR",
    )
    assert result is not None
    assert {a.code: a.indivisible for a in result.ledger.accounts} == {"legal": True, "free": False}
    assert [v.code for v in result.violations] == ["reserve.declared_divisible"]
    assert str(result.row("free").closing.amount) == "900.00"
    assert str(result.row("legal").closing.amount) == "150.00"


def test_nothing_to_roll_forward_gives_none():
    assert (
        reserves_year(
            (),
            balances={},
            distribution=None,
            loss=None,
            rules=None,
            year=YEAR,
            on=MEETING,
            currency="EUR",
        )
        is None
    )


AMOUNTS = st.integers(min_value=0, max_value=10**9)


@given(
    openings=st.lists(AMOUNTS, min_size=1, max_size=4),
    surplus=st.integers(min_value=-(10**9), max_value=10**9),
    distributed=st.integers(min_value=0, max_value=10**6),
)
@example(openings=[0], surplus=-1, distributed=0)
@example(openings=[500, 0], surplus=-500, distributed=0)
def test_roll_forward_is_exact_indivisible_reserves_fall_only_by_a_loss(
    openings: list[int], surplus: int, distributed: int
) -> None:
    codes = [f"r{i}" for i in range(len(openings))]
    specs = [
        ReserveSpec(
            code,
            opening=money(units, "EUR") / 100,
            indivisible=i % 2 == 0,
            movements=(
                (
                    ReserveMovementSpec(
                        f"d{i}",
                        MovementKind.DISTRIBUTION,
                        date(2025, 6, 30),
                        money(min(distributed, units), "EUR") / 100,
                    ),
                )
                if min(distributed, units) and i % 2 == 1
                else ()
            ),
        )
        for i, (code, units) in enumerate(zip(codes, openings, strict=True))
    ]
    split = None
    loss = None
    if surplus >= 0:
        figures = YearFigures(surplus=money(surplus, "EUR") / 100)
        split = distribute(Waterfall((Remainder("rest", reserve="r0"),)), figures)
    else:
        loss = money(-surplus, "EUR") / 100
    result = reserves_year(
        specs,
        balances={},
        distribution=split,
        loss=loss,
        rules=fr.COOP_RESERVES,
        year=YEAR,
        on=MEETING,
        currency="EUR",
    )
    assert result is not None
    indivisible = {a.code: a.indivisible for a in result.ledger.accounts}
    absorbed = dict(result.loss.charged) if result.loss is not None else {}
    for row in result.roll_forward:
        # closing = opening + allocations - absorbed (+ other movements), to the cent
        moved = sum(to_minor_units(m) for _, m in row.movements)
        assert to_minor_units(row.closing) == to_minor_units(row.opening) + moved
        kinds = {kind for kind, _ in row.movements}
        if indivisible[row.reserve]:
            # an indivisible reserve decreases only by a loss
            assert kinds <= {MovementKind.ALLOCATION, MovementKind.LOSS_ABSORPTION}
            if row.closing < row.opening:
                assert row.reserve in absorbed
    if loss is not None:
        # a loss is absorbed up to the reserves, the rest carried forward
        assert result.loss is not None
        held = sum(openings) - sum(
            min(distributed, units) for i, units in enumerate(openings) if i % 2 == 1
        )
        assert to_minor_units(result.loss.absorbed) == min(-surplus, held)
        assert to_minor_units(result.loss.carried_forward) == -surplus - min(-surplus, held)
