"""Pooled costs charged to activities (cooprules.pooling) and each activity's account."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.books import pooled_charges
from cooprules.errors import (
    CurrencyMismatch,
    DuplicateId,
    InvalidAmount,
    InvalidInput,
    InvalidWeights,
)
from cooprules.explain import Citation, Text
from cooprules.levies import Activity, ActivityKind, LevyPolicy, Line, levy_year
from cooprules.money import format_amount, from_minor_units, money, to_minor_units
from cooprules.periods import Period
from cooprules.pooling import (
    AllocationKey,
    Flow,
    FlowKind,
    PooledCost,
    account_statement,
    charge_pooled_costs,
)
from cooprules_adapters.fr.levies import COOPANAME

JAN = Period(date(2025, 1, 1), date(2025, 2, 1))
FEB = Period(date(2025, 2, 1), date(2025, 3, 1))
DECISION = Citation("Statutes", "art. 14 (pooled costs)", "coop")


def cost(code: str, amount: str, key: AllocationKey, period: Period = JAN) -> PooledCost:
    return PooledCost(code, Text(en=code, fr=code), money(amount, "EUR"), period, key, DECISION)


def shares(charges: tuple[object, ...]) -> dict[str, str]:
    return {c.activity: format(c.amount.amount, "f") for c in charges}  # type: ignore[attr-defined]


LINES = [
    Line.month(
        "a1", 2025, 1, revenue="3000.00", direct_costs="500.00", currency="EUR"
    ),  # margin 2,500
    Line.month(
        "a2", 2025, 1, revenue="2000.00", direct_costs="1500.00", currency="EUR"
    ),  # margin 500
    Line.month(
        "a3", 2025, 1, revenue="1000.00", direct_costs="1200.00", currency="EUR"
    ),  # margin -200
    Line.month(
        "a1", 2025, 2, revenue="9000.00", currency="EUR"
    ),  # another month: not counted for January
]


def test_usage_key() -> None:
    charges = charge_pooled_costs(
        [cost("rent", "1000.00", AllocationKey.USAGE)], usage={"rent": {"a1": 3, "a2": 1, "a3": 2}}
    )
    assert shares(charges) == {"a1": "500.00", "a2": "166.67", "a3": "333.33"}
    assert charges[0].weight == 3
    assert charges[0].total_weight == 6
    assert charges[0].citation == DECISION
    assert charges[0].explanation.steps[0].result == money("500.00", "EUR")


def test_headcount_key() -> None:
    charges = charge_pooled_costs(
        [cost("software", "100.00", AllocationKey.HEADCOUNT)],
        headcount={"software": ["a3", "a1", "a2"]},
    )
    # largest remainder: the extra cent goes to the first key in ascending order
    assert shares(charges) == {"a3": "33.33", "a1": "33.34", "a2": "33.33"}


def test_margin_key_ignores_losses_and_other_periods() -> None:
    charges = charge_pooled_costs([cost("admin", "600.00", AllocationKey.MARGIN)], lines=LINES)
    assert shares(charges) == {"a1": "500.00", "a2": "100.00", "a3": "0.00"}
    assert [c.weight for c in charges] == [Fraction(2500), Fraction(500), Fraction(0)]


def test_revenue_key() -> None:
    charges = charge_pooled_costs([cost("admin", "600.00", AllocationKey.REVENUE)], lines=LINES)
    assert shares(charges) == {"a1": "300.00", "a2": "200.00", "a3": "100.00"}


def test_fixed_key_with_exact_weights() -> None:
    charges = charge_pooled_costs(
        [cost("insurance", "100.00", AllocationKey.FIXED)],
        fixed={"insurance": {"a1": "2.5", "a2": Fraction(1, 2), "a3": 1}},
    )
    assert shares(charges) == {"a1": "62.50", "a2": "12.50", "a3": "25.00"}


def test_several_costs_each_add_up() -> None:
    costs = [
        cost("rent", "1000.01", AllocationKey.USAGE),
        cost("admin", "333.33", AllocationKey.MARGIN),
        cost("feb", "10.00", AllocationKey.REVENUE, FEB),
    ]
    charges = charge_pooled_costs(costs, lines=LINES, usage={"rent": {"a1": 1, "a2": 1, "a3": 1}})
    for item in costs:
        parts = [to_minor_units(c.amount) for c in charges if c.cost == item.code]
        assert sum(parts) == to_minor_units(item.amount)
    assert shares(tuple(c for c in charges if c.cost == "feb")) == {"a1": "10.00"}


@given(
    st.integers(-(10**9), 10**9),
    cst.weight_mappings(st.sampled_from([f"a{i}" for i in range(30)])),
    st.sampled_from([AllocationKey.USAGE, AllocationKey.FIXED]),
)
def test_charges_add_up_to_the_cost_exactly(units, weights, key) -> None:
    amount = from_minor_units(units, "EUR")
    item = PooledCost("c", Text(en="c", fr="c"), amount, JAN, key)
    table = {"c": weights}
    charges = charge_pooled_costs([item], usage=table, fixed=table)
    assert sum(to_minor_units(c.amount) for c in charges) == units
    total_weight = sum(c.weight for c in charges)
    for charge in charges:
        exact = Fraction(units) * charge.weight / total_weight
        assert abs(to_minor_units(charge.amount) - exact) < 1


@given(
    st.integers(0, 10**8),
    st.lists(
        st.tuples(
            st.sampled_from(["a1", "a2", "a3", "a4"]), st.integers(0, 10**7), st.integers(0, 10**7)
        ),
        min_size=1,
        max_size=12,
    ),
    st.sampled_from([AllocationKey.MARGIN, AllocationKey.REVENUE]),
)
def test_margin_and_revenue_keys_add_up(units, data, key) -> None:
    lines = [
        Line.month(a, 2025, 1, revenue=format(from_minor_units(r, "EUR").amount, "f"),
                   direct_costs=format(from_minor_units(c, "EUR").amount, "f"), currency="EUR")
        for a, r, c in data
    ]  # fmt: skip
    item = PooledCost("c", Text(en="c", fr="c"), from_minor_units(units, "EUR"), JAN, key)
    weights = {}
    for line in lines:
        value = line.gross_margin if key is AllocationKey.MARGIN else line.revenue
        weights[line.activity] = weights.get(line.activity, 0) + to_minor_units(value)
    if all(w <= 0 for w in weights.values()):
        with pytest.raises(InvalidWeights):
            charge_pooled_costs([item], lines=lines)
        return
    charges = charge_pooled_costs([item], lines=lines)
    assert sum(to_minor_units(c.amount) for c in charges) == units
    for charge in charges:
        if weights[charge.activity] <= 0:
            assert charge.amount.amount == 0


def test_refuses_missing_weights() -> None:
    with pytest.raises(InvalidInput, match=r"usage\[rent\]: the usage weights of this cost"):
        charge_pooled_costs([cost("rent", "1.00", AllocationKey.USAGE)], usage={"other": {"a": 1}})
    with pytest.raises(InvalidInput, match=r"fixed\[rent\]"):
        charge_pooled_costs([cost("rent", "1.00", AllocationKey.FIXED)])
    with pytest.raises(InvalidInput, match=r"headcount\[rent\]"):
        charge_pooled_costs([cost("rent", "1.00", AllocationKey.HEADCOUNT)])


def test_refuses_bad_weights() -> None:
    with pytest.raises(InvalidWeights, match=r"usage\[rent\]\[a1\]"):
        charge_pooled_costs(
            [cost("rent", "1.00", AllocationKey.USAGE)], usage={"rent": {"a1": 0.5}}
        )
    with pytest.raises(InvalidWeights, match=r"weights\[rent\]"):
        charge_pooled_costs([cost("rent", "1.00", AllocationKey.USAGE)], usage={"rent": {"a1": -1}})
    with pytest.raises(InvalidWeights, match=r"weights\[rent\]"):
        charge_pooled_costs([cost("rent", "1.00", AllocationKey.USAGE)], usage={"rent": {"a1": 0}})
    with pytest.raises(DuplicateId, match=r"headcount\[rent\]"):
        charge_pooled_costs(
            [cost("rent", "1.00", AllocationKey.HEADCOUNT)], headcount={"rent": ["a1", "a1"]}
        )


def test_refuses_an_all_zero_margin() -> None:
    losses = [Line.month("a3", 2025, 1, revenue="1000.00", direct_costs="1200.00", currency="EUR")]
    with pytest.raises(InvalidWeights, match=r"weights\[admin\]"):
        charge_pooled_costs([cost("admin", "100.00", AllocationKey.MARGIN)], lines=losses)
    with pytest.raises(InvalidWeights, match=r"weights\[admin\]"):  # no line in the period at all
        charge_pooled_costs([cost("admin", "100.00", AllocationKey.MARGIN, FEB)], lines=losses)


def test_refuses_duplicate_codes() -> None:
    with pytest.raises(DuplicateId, match="costs: two pooled costs share this code"):
        charge_pooled_costs(
            [cost("rent", "1.00", AllocationKey.USAGE)] * 2, usage={"rent": {"a1": 1}}
        )


def test_refuses_bad_costs() -> None:
    with pytest.raises(CurrencyMismatch, match=r"lines\[a1\]\.revenue"):
        charge_pooled_costs(
            [cost("admin", "1.00", AllocationKey.REVENUE)],
            lines=[Line.month("a1", 2025, 1, revenue="1", currency="CAD")],
        )
    with pytest.raises(InvalidAmount, match=r"pooled_cost\[rent\]\.amount"):
        cost("rent", "0.001", AllocationKey.USAGE)
    with pytest.raises(InvalidInput, match=r"pooled_cost\[rent\]\.amount"):
        PooledCost("rent", Text(en="r", fr="r"), 12.5, JAN, AllocationKey.USAGE)  # type: ignore[arg-type]


# --- activity accounts -------------------------------------------------------------------------


def test_account_statement_worked_example() -> None:
    act = Activity(
        "a1", owner="ana", kind=ActivityKind.SERVICES, start=date(2025, 1, 1), currency="EUR"
    )
    lines = [
        Line.month("a1", 2025, 1, revenue="3000.00", direct_costs="500.00", currency="EUR"),
        Line.month("a1", 2025, 2, revenue="1000.00", currency="EUR"),
    ]
    levies = levy_year(act, lines, LevyPolicy.single(COOPANAME), 2025).periods
    charges = charge_pooled_costs(
        [cost("rent", "100.00", AllocationKey.USAGE)], usage={"rent": {"a1": 1, "a2": 2}}
    )
    salary = [Flow("a1", p, FlowKind.SALARY, money("-1800.00", "EUR")) for p in (JAN, FEB)]
    account = account_statement(
        "a1",
        money("250.00", "EUR"),
        lines=lines,
        levies=levies,
        charges=[c for c in charges if c.activity == "a1"],
        other=salary,
    )
    # January: 3,000 - 500 - 367.50 (13.5 % x 2,500 + 30) - 33.33 - 1,800 = 299.17
    # February: 1,000 - 165.00 (13.5 % x 1,000 + 30) - 1,800 = -965.00
    # March to December: the 30 EUR fee alone, 10 x -30.00
    assert [format(r.net.amount, "f") for r in account.rows[:3]] == ["299.17", "-965.00", "-30.00"]
    assert format_amount(account.rows[0].balance) == "549.17 EUR"
    assert format_amount(account.closing) == "-715.83 EUR"
    assert len(account.rows) == 12


def test_account_refuses_other_activities_and_currencies() -> None:
    with pytest.raises(InvalidInput, match=r"lines\.activity.*account of 'a1'"):
        account_statement(
            "a1", money("0", "EUR"), lines=[Line.month("a2", 2025, 1, revenue="1", currency="EUR")]
        )
    with pytest.raises(InvalidInput, match=r"other\.activity"):
        account_statement(
            "a1", money("0", "EUR"), other=[Flow("a2", JAN, FlowKind.OTHER, money("1", "EUR"))]
        )
    charges = charge_pooled_costs(
        [cost("rent", "10.00", AllocationKey.USAGE)], usage={"rent": {"a2": 1}}
    )
    with pytest.raises(InvalidInput, match=r"charges\.activity"):
        account_statement("a1", money("0", "EUR"), charges=charges)
    with pytest.raises(CurrencyMismatch, match=r"a1\.revenue"):
        account_statement(
            "a1", money("0", "CAD"), lines=[Line.month("a1", 2025, 1, revenue="1", currency="EUR")]
        )


FLOW = st.tuples(st.sampled_from(list(FlowKind)), st.integers(1, 12), st.integers(-(10**7), 10**7))


@given(
    st.integers(-(10**8), 10**8),
    st.lists(st.tuples(st.integers(1, 12), st.integers(-(10**6), 10**7), st.integers(0, 10**7))),
    st.lists(FLOW, max_size=20),
)
def test_closing_is_opening_plus_flows(opening, line_data, flows) -> None:
    def eur(units: int) -> str:
        return format(from_minor_units(units, "EUR").amount, "f")

    def month(m: int) -> Period:
        return Period(date(2025, m, 1), date(2025 + (m == 12), m % 12 + 1, 1))

    lines = [
        Line.month("a1", 2025, m, revenue=eur(r), direct_costs=eur(c), currency="EUR")
        for m, r, c in line_data
    ]
    other = [Flow("a1", month(m), k, from_minor_units(u, "EUR")) for k, m, u in flows]
    account = account_statement(
        "a1", from_minor_units(opening, "EUR"), lines=lines, other=reversed(other)
    )
    expected = opening + sum(r - c for _, r, c in line_data) + sum(u for _, _, u in flows)
    assert to_minor_units(account.closing) == expected
    balance = opening
    for row in account.rows:
        assert to_minor_units(row.net) == sum(to_minor_units(a) for _, a in row.flows)
        balance += to_minor_units(row.net)
        assert to_minor_units(row.balance) == balance
    assert [r.period for r in account.rows] == sorted({r.period for r in account.rows})


@given(
    amounts=st.lists(st.integers(min_value=0, max_value=10_000_000), min_size=1, max_size=6),
    weights=st.dictionaries(
        st.sampled_from(["a1", "a2", "a3", "a4"]),
        st.integers(min_value=0, max_value=1000),
        min_size=1,
    ).filter(lambda w: sum(w.values()) > 0),
    key=st.sampled_from([AllocationKey.USAGE, AllocationKey.FIXED, AllocationKey.HEADCOUNT]),
)
def test_pooled_charges_weighed_over_the_year_add_up_and_are_booked_in_their_month(
    amounts, weights, key
):
    """cooprules.books.pooled_charges: each cost, weighed over its period, books its charges in
    the month paired with it, and they add up to it to the cent."""
    year = Period(date(2025, 1, 1), date(2026, 1, 1))
    costs = [
        (cost(f"c{i}", str(from_minor_units(a, "EUR").amount), key, year), FEB)
        for i, a in enumerate(amounts)
    ]
    charges = pooled_charges(
        costs,
        usage={f"c{i}": weights for i in range(len(amounts))},
        fixed={f"c{i}": weights for i in range(len(amounts))},
        headcount={f"c{i}": sorted(weights) for i in range(len(amounts))},
    )
    assert all(c.period == FEB for c in charges)
    for (pooled, _), units in zip(costs, amounts, strict=True):
        assert sum(to_minor_units(c.amount) for c in charges if c.cost == pooled.code) == units
