"""Levies over integer columns (issue 16.2): `levy_columns()` and the one integer kernel.

The reference below is the per-period algorithm `levy_year()` had before the kernel, written
plainly over `Fraction`: the exact levy of the bands (`Schedule.variable()`) rounded by
`round_fraction()`, the prorated cap as a fraction. The properties check, on random schedules
(bands, banding, year-to-date, fee, floor, cap, proration, loss carry-forward, credit notes,
every rounding mode) and random lines:

* `levy_year()` gives the reference's figures for every statement (the object path);
* `levy_columns()`, given the lines' bases as integers, gives the same levy for every month and
  the same total, to the cent, and its lazy statements are `levy_year()`'s.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cooprules.errors import InvalidInput, InvalidPeriod
from cooprules.levies import (
    Activity,
    ActivityKind,
    Banding,
    Base,
    BasePeriod,
    LevyPolicy,
    Line,
    RoundingPoint,
    Schedule,
    _round_units,
    levy_columns,
    levy_year,
    levy_years,
    month_periods,
)
from cooprules.money import Rounding, format_amount, from_minor_units, money, round_fraction

YEAR = 2025
PERIODS = month_periods(YEAR)


# --- The reference: the algorithm before the kernel, in fractions ------------------------------


@attrs.define
class _State:
    levied: int = 0
    ytd_base: int = 0
    carried: int = 0
    variable_levied: int = 0
    levied_base: int = 0
    refundable: int = 0
    capped_off: int = 0


def _rounded(schedule: Schedule, base: int) -> int:
    return round_fraction(schedule.variable(base), schedule.rounding)


def _line_base(line: Line, base: Base) -> int:
    if base is Base.GROSS_MARGIN:
        return line.revenue_units - line.direct_costs_units
    return line.revenue_units


def reference_period(  # noqa: C901, PLR0912, PLR0915 - the old algorithm, as it was
    activity: Activity,
    lines: list[Line],
    schedule: Schedule,
    state: _State,
    running: bool,  # noqa: FBT001
) -> tuple[int, ...]:
    base = sum(_line_base(line, schedule.base) for line in lines)
    taxable = max(base, 0)
    year_to_date = schedule.base_period is BasePeriod.YEAR_TO_DATE
    ytd_before = state.ytd_base
    levied_before = state.variable_levied
    credited = 0
    if base < 0 and schedule.give_back_credit_notes:
        credit = sum(min(line.revenue_units, 0) for line in lines if line.revenue_units < 0)
        asked = -max(base, credit)
        credited = min(asked, ytd_before if year_to_date else state.levied_base)
    used = 0
    if schedule.carry_forward_losses:
        if base < 0:
            state.carried -= base + credited
        else:
            used = min(state.carried, base)
            state.carried -= used
            taxable = base - used
    bands_back = 0
    if year_to_date:
        variable = max(_rounded(schedule, ytd_before + taxable) - levied_before, 0)
        if credited:
            after = _rounded(schedule, ytd_before - credited)
            bands_back = levied_before - min(levied_before, after)
    else:
        variable = _rounded(schedule, taxable)
        if credited:
            bands_back = min(_rounded(schedule, credited), levied_before)
    fee = 0 if schedule.fixed_per_period is None else round(schedule.fixed_per_period.amount * 100)
    amount = variable + fee if running else variable
    fixed = amount - variable
    floor = (
        None
        if schedule.minimum_per_period is None
        else round(schedule.minimum_per_period.amount * 100)
    )
    floor_added = 0
    if floor is not None and running and amount < floor:
        floor_added = floor - amount
        amount = floor
    given_back = 0
    if schedule.give_back_credit_notes:
        given_back = min(bands_back, state.refundable)
        least = max(fixed, floor or 0) if running else 0
        state.refundable += amount - least - given_back
        amount -= given_back
    cap_removed = cap_kept = 0
    levied = state.levied
    if amount < 0:
        cap_kept = min(state.capped_off, -amount)
        state.capped_off -= cap_kept
        amount += cap_kept
    elif schedule.maximum_per_year is not None:
        cap = round(schedule.maximum_per_year.amount * 100)
        if schedule.prorate_cap:
            months = activity.months_present(PERIODS[0].start, PERIODS[-1].end)
            cap = round_fraction(Fraction(cap * months, 12), schedule.rounding)
        room = max(cap - levied, 0)
        if amount > room:
            cap_removed = amount - room
            amount = room
            state.capped_off += cap_removed
    levied += amount
    state.levied = levied
    state.variable_levied = levied_before + variable - bands_back
    state.ytd_base = ytd_before + taxable - credited
    state.levied_base += taxable - credited
    return (
        base,
        used,
        taxable,
        variable,
        fixed,
        floor_added,
        cap_removed,
        amount,
        levied,
        ytd_before,
        levied_before,
        credited,
        given_back,
        cap_kept,
    )


def reference_year(
    activity: Activity, lines: list[Line], schedule: Schedule
) -> list[tuple[int, ...] | None]:
    """Each month's figures (``None``: no statement), the old way."""
    state = _State()
    result: list[tuple[int, ...] | None] = []
    for period in PERIODS:
        period_lines = [line for line in lines if line.period == period]
        running = activity.start < period.end and (
            activity.end is None or activity.end > period.start
        )
        if not running and not period_lines:
            result.append(None)
            continue
        result.append(reference_period(activity, period_lines, schedule, state, running))
    return result


# --- Random schedules, activities and lines ----------------------------------------------------

RATES = ("0%", "1%", "8%", "10%", "12%", "12.5%", "13.5%", "1/3", "2/7", "0.1234", "25%")


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    count = draw(st.integers(1, 4))
    starts = sorted(
        draw(st.sets(st.integers(1, 5_000_000), min_size=count - 1, max_size=count - 1))
    )
    bands = [("0", draw(st.sampled_from(RATES)))] + [
        (str(from_minor_units(start, "EUR").amount), draw(st.sampled_from(RATES)))
        for start in starts
    ]

    def amount(high: int) -> object:
        cents = draw(st.none() | st.integers(0, high))
        return None if cents is None else from_minor_units(cents, "EUR")

    return Schedule.banded(
        bands,
        base=draw(st.sampled_from((Base.GROSS_MARGIN, Base.REVENUE))),
        banding=draw(st.sampled_from(tuple(Banding))),
        base_period=draw(st.sampled_from(tuple(BasePeriod))),
        fixed_per_period=amount(10_000),
        minimum_per_period=amount(20_000),
        maximum_per_year=amount(2_000_000),
        prorate_cap=draw(st.booleans()),
        carry_forward_losses=draw(st.booleans()),
        give_back_credit_notes=draw(st.booleans()),
        rounding=draw(st.sampled_from(tuple(Rounding))),
        currency="EUR",
    )


@st.composite
def activities(draw: st.DrawFn) -> Activity:
    start = date(2024, 6, 1) + timedelta(days=draw(st.integers(0, 700)))
    end = None
    if draw(st.booleans()):
        end = start + timedelta(days=draw(st.integers(0, 500)))
    return Activity(
        "a", owner="ana", kind=ActivityKind.SERVICES, start=start, currency="EUR", end=end
    )


@st.composite
def year_lines(draw: st.DrawFn) -> list[Line]:
    lines = []
    for period in PERIODS:
        for _ in range(draw(st.sampled_from((0, 1, 1, 1, 2, 3)))):
            revenue = draw(st.integers(-300_000, 900_000))
            costs = draw(st.integers(0, 400_000))
            lines.append(
                Line("a", period, from_minor_units(revenue, "EUR"), from_minor_units(costs, "EUR"))
            )
    return lines


def columns_of(
    activity: Activity, lines: list[Line], schedule: Schedule
) -> tuple[list[int | None], tuple[int, int], list[int]]:
    """The lines' bases, the months the activity runs in and the credit notes' part, as ints."""
    bases: list[int | None] = []
    credit = []
    running = []
    for index, period in enumerate(PERIODS):
        period_lines = [line for line in lines if line.period == period]
        base = sum(_line_base(line, schedule.base) for line in period_lines)
        bases.append(base if period_lines else None)
        credit.append(sum(min(line.revenue_units, 0) for line in period_lines))
        if activity.start < period.end and (activity.end is None or activity.end > period.start):
            running.append(index)
    span = (running[0], running[-1] + 1) if running else (0, 0)
    return bases, span, credit


# --- The properties ----------------------------------------------------------------------------


@settings(max_examples=400, deadline=None)
@given(schedules(), activities(), year_lines())
def test_levy_year_gives_the_old_algorithms_figures(schedule, activity, lines):
    year = levy_year(activity, lines, LevyPolicy.single(schedule), YEAR)
    expected = reference_year(activity, lines, schedule)
    assert [(s.period, s.units) for s in year.periods] == [
        (period, units)
        for period, units in zip(PERIODS, expected, strict=True)
        if units is not None
    ]
    assert year.total_units == sum(units[7] for units in expected if units is not None)


@settings(max_examples=400, deadline=None)
@given(schedules(), activities(), year_lines())
def test_levy_columns_gives_the_same_levies_to_the_cent(schedule, activity, lines):
    bases, span, credit = columns_of(activity, lines, schedule)
    months = activity.months_present(PERIODS[0].start, PERIODS[-1].end)
    result = levy_columns(
        [bases, bases],
        schedule,
        YEAR,
        spans=[span, span],
        credit_bases=[credit, credit],
        months_present=[months, months],
    )
    expected = reference_year(activity, lines, schedule)
    levies = [0 if units is None else units[7] for units in expected]
    assert result.levies == [levies, levies]
    assert result.totals == [sum(levies)] * 2
    year = levy_year(activity, lines, LevyPolicy.single(schedule), YEAR)
    assert result.statements(1, "a") == year.periods
    assert result.total(0) == year.total


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(schedules(), activities(), year_lines()), min_size=1, max_size=4))
def test_many_activities_in_one_call_each_as_alone(items):
    """The year's state does not leak from one activity to the next."""
    schedule = items[0][0]
    activities = [attrs.evolve(activity, id=f"a{i}") for i, (_, activity, _) in enumerate(items)]
    columns = [columns_of(activity, lines, schedule) for _, activity, lines in items]
    result = levy_columns(
        [bases for bases, _, _ in columns],
        schedule,
        YEAR,
        spans=[span for _, span, _ in columns],
        credit_bases=[credit for _, _, credit in columns],
        months_present=[a.months_present(PERIODS[0].start, PERIODS[-1].end) for a in activities],
    )
    for number, (_, activity, lines) in enumerate(items):
        alone = reference_year(activity, lines, schedule)
        assert result.levies[number] == [0 if u is None else u[7] for u in alone]
    renamed = [
        (activity, [attrs.evolve(line, activity=activity.id) for line in lines])
        for activity, (_, _, lines) in zip(activities, items, strict=True)
    ]
    years = list(levy_years(renamed, LevyPolicy.single(schedule), YEAR))
    assert result.totals == [year.total_units for year in years]


@settings(max_examples=2000, deadline=None)
@given(
    st.integers(-(10**12), 10**12),
    st.integers(1, 10**6) | st.sampled_from((1, 2, 3, 12, 100, 1000)),
    st.sampled_from(tuple(Rounding)),
)
def test_integer_rounding_is_round_fraction(numerator, denominator, rounding):
    assert _round_units(numerator, denominator, rounding) == round_fraction(
        Fraction(numerator, denominator), rounding
    )


@pytest.mark.parametrize(
    ("numerator", "expected"),
    [
        # numerator / 10 for each mode: 2.5, -2.5, 2.4, -2.6, 3.0
        (
            25,
            {
                "HALF_UP": 3,
                "HALF_DOWN": 2,
                "HALF_EVEN": 2,
                "UP": 3,
                "DOWN": 2,
                "FLOOR": 2,
                "CEILING": 3,
            },
        ),
        (
            -25,
            {
                "HALF_UP": -3,
                "HALF_DOWN": -2,
                "HALF_EVEN": -2,
                "UP": -3,
                "DOWN": -2,
                "FLOOR": -3,
                "CEILING": -2,
            },
        ),
        (
            35,
            {
                "HALF_UP": 4,
                "HALF_DOWN": 3,
                "HALF_EVEN": 4,
                "UP": 4,
                "DOWN": 3,
                "FLOOR": 3,
                "CEILING": 4,
            },
        ),
        (
            24,
            {
                "HALF_UP": 2,
                "HALF_DOWN": 2,
                "HALF_EVEN": 2,
                "UP": 3,
                "DOWN": 2,
                "FLOOR": 2,
                "CEILING": 3,
            },
        ),
        (
            -26,
            {
                "HALF_UP": -3,
                "HALF_DOWN": -3,
                "HALF_EVEN": -3,
                "UP": -3,
                "DOWN": -2,
                "FLOOR": -3,
                "CEILING": -2,
            },
        ),
        (
            30,
            dict.fromkeys(
                ("HALF_UP", "HALF_DOWN", "HALF_EVEN", "UP", "DOWN", "FLOOR", "CEILING"), 3
            ),
        ),
    ],
)
def test_integer_rounding_of_each_mode(numerator, expected):
    assert {mode.name: _round_units(numerator, 10, mode) for mode in Rounding} == expected


# --- Worked examples ---------------------------------------------------------------------------

BENCH = Schedule.banded(
    (("0", "12%"), ("20000", "10%"), ("40000", "8%")),
    base_period=BasePeriod.YEAR_TO_DATE,
    minimum_per_period=money("40.00", "EUR"),
    maximum_per_year=money("4000.00", "EUR"),
    currency="EUR",
)


def test_year_to_date_bands_floor_and_cap_by_hand():
    # 15,000 then 10,000 EUR of margin: 12 % of 15,000 = 1,800; the year's 25,000 levies
    # 2,400 + 10 % of 5,000 = 2,900, so February adds 1,100; March's loss levies the floor (40);
    # April's 30,000 brings the year to 55,000: 4,400 + 8 % of 15,000 = 5,600, above the cap of
    # 4,000, so April levies what is left (1,060) and the months after nothing (the floor, capped).
    bases = [1_500_000, 1_000_000, -50_000, 3_000_000] + [None] * 8
    result = levy_columns([bases], BENCH, YEAR)
    assert result.levies == [[180_000, 110_000, 4_000, 106_000] + [0] * 8]
    assert result.totals == [400_000]
    march = result.statements(0, "a1")[2]
    assert (march.activity, march.period) == ("a1", PERIODS[2])
    assert format_amount(march.floor_added) == "40.00 EUR"
    assert format_amount(result.total(0)) == "4000.00 EUR"
    # A month without a line in which the activity runs owes the floor.
    assert levy_columns([[None] * 12], BENCH, YEAR).levies == [[4_000] * 12]


def test_a_month_without_line_outside_the_span_has_no_statement():
    bases = [None, 100_000, None, None] + [None] * 8
    result = levy_columns([bases], BENCH, YEAR, spans=[(1, 3)])
    assert result.levies == [[0, 12_000, 4_000] + [0] * 9]
    assert [s.period for s in result.statements(0)] == [PERIODS[1], PERIODS[2]]
    assert result.statements(0)[0].activity == "0"
    # A line outside the span is levied, without floor (the activity does not run then).
    assert levy_columns([[0, *bases[1:]]], BENCH, YEAR, spans=[(1, 3)]).levies[0][0] == 0


def test_the_cap_is_prorated_to_the_months_of_the_span():
    schedule = Schedule.flat(
        "50%", maximum_per_year=money("1200.00", "EUR"), prorate_cap=True, currency="EUR"
    )
    bases = [None] * 3 + [1_000_000] * 3 + [None] * 6
    result = levy_columns([bases], schedule, YEAR, spans=[(3, 6)])
    assert result.totals == [30_000]  # 3 months of 12: 300.00 EUR
    assert result.levies == [[0, 0, 0, 30_000] + [0] * 8]
    # Lines outside the span are levied too, under the same prorated cap.
    result = levy_columns([[1_000_000] * 12], schedule, YEAR, spans=[(3, 6)])
    assert result.levies == [[30_000] + [0] * 11]


def test_an_activity_of_no_day_runs_in_its_month_for_no_month_of_presence():
    schedule = Schedule.flat(
        "10%",
        minimum_per_period=money("5.00", "EUR"),
        maximum_per_year=money("1200.00", "EUR"),
        prorate_cap=True,
        currency="EUR",
    )
    day = date(YEAR, 1, 2)
    activity = Activity(
        "a", owner="ana", kind=ActivityKind.SERVICES, start=day, currency="EUR", end=day
    )
    assert activity.months_present(PERIODS[0].start, PERIODS[-1].end) == 0
    year = levy_year(activity, [], LevyPolicy.single(schedule), YEAR)
    assert [(s.period, s.floor_added.amount, s.cap_removed.amount) for s in year.periods] == [
        (PERIODS[0], Decimal("5.00"), Decimal("5.00"))
    ]
    bases = [[None] * 12]
    assert levy_columns(bases, schedule, YEAR, spans=[(0, 1)]).totals == [500]
    result = levy_columns(bases, schedule, YEAR, spans=[(0, 1)], months_present=[0])
    assert result.totals == [0]
    assert result.statements(0, "a") == year.periods


@pytest.mark.parametrize("bad", [-1, 13, 1.0, None, True])
def test_months_present_out_of_the_year_are_refused(bad):
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12] * 2, BENCH, YEAR, months_present=[12, bad])
    assert (caught.value.field, caught.value.value) == ("months_present[1]", bad)
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12] * 2, BENCH, YEAR, months_present=[12])
    assert (caught.value.field, caught.value.value) == ("months_present", 1)


def test_credit_notes_give_back_with_their_bases():
    schedule = Schedule.flat("10%", give_back_credit_notes=True, currency="EUR")
    bases = [500_000, -200_000] + [0] * 10
    result = levy_columns([bases], schedule, YEAR, credit_bases=[[0, -200_000] + [0] * 10])
    assert result.levies[0][:2] == [50_000, -20_000]
    # The same negative base made by costs gives nothing back.
    result = levy_columns([bases], schedule, YEAR, credit_bases=[[0] * 12])
    assert result.levies[0][:2] == [50_000, 0]


# --- Refusals ----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [1.5, Decimal("1.50"), True, "100", Fraction(1, 2)])
def test_a_base_that_is_not_an_int_is_refused_by_position(bad):
    bases = [[0] * 12, [0, 0, bad] + [0] * 9]
    with pytest.raises(InvalidInput) as caught:
        levy_columns(bases, BENCH, YEAR)
    assert caught.value.field == "bases[1][2]"
    assert caught.value.value == bad


@pytest.mark.parametrize(
    ("call", "field", "value"),
    [
        (lambda: levy_columns(7, BENCH, YEAR), "bases", 7),
        (lambda: levy_columns([[0] * 12, 7], BENCH, YEAR), "bases[1]", 7),
        (lambda: levy_columns([[0] * 12], BENCH, YEAR, spans=7), "spans", 7),
        (lambda: levy_columns([[0] * 12], BENCH, YEAR, credit_bases=7), "credit_bases", 7),
        (lambda: levy_columns([[0] * 12], BENCH, YEAR, months_present=7), "months_present", 7),
    ],
)
def test_a_column_that_is_not_a_list_is_refused(call, field, value):
    with pytest.raises(InvalidInput) as caught:
        call()
    assert (caught.value.field, caught.value.value) == (field, value)


def test_a_list_without_twelve_bases_is_refused():
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12, [0] * 11], BENCH, YEAR)
    assert (caught.value.field, caught.value.value) == ("bases[1]", 11)


@pytest.mark.parametrize("span", [(0, 13), (-1, 3), (5, 4), (0,), [0, 12], (0.0, 12), (True, 3)])
def test_a_span_out_of_the_year_is_refused(span):
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12], BENCH, YEAR, spans=[span])
    assert (caught.value.field, caught.value.value) == ("spans[0]", span)


def test_one_span_and_one_credit_list_per_activity():
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12] * 2, BENCH, YEAR, spans=[(0, 12)])
    assert (caught.value.field, caught.value.value) == ("spans", 1)
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12] * 2, BENCH, YEAR, credit_bases=[[0] * 12] * 3)
    assert (caught.value.field, caught.value.value) == ("credit_bases", 3)


def test_a_schedule_rounding_per_line_is_refused():
    schedule = Schedule.flat("10%", rounding_point=RoundingPoint.LINE, currency="EUR")
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12], schedule, YEAR)
    assert (caught.value.field, caught.value.value) == ("schedule.rounding_point", "line")


def test_not_a_schedule_is_refused():
    with pytest.raises(InvalidInput) as caught:
        levy_columns([[0] * 12], "10%", YEAR)  # type: ignore[arg-type]
    assert (caught.value.field, caught.value.value) == ("schedule", "10%")


def test_credit_notes_need_their_bases_and_those_are_not_positive():
    schedule = Schedule.flat("10%", give_back_credit_notes=True, currency="EUR")
    bases = [[100_000, -5_000] + [0] * 10]
    with pytest.raises(InvalidInput) as caught:
        levy_columns(bases, schedule, YEAR)
    assert caught.value.field == "credit_bases"
    with pytest.raises(InvalidInput) as caught:
        levy_columns(bases, schedule, YEAR, credit_bases=[[0, 5] + [0] * 10])
    assert (caught.value.field, caught.value.value) == ("credit_bases[0][1]", 5)
    # Read only where the base is negative: without a credit note the bases suffice.
    assert levy_columns([[100_000] * 12], schedule, YEAR).totals == [120_000]


def test_a_year_out_of_range_is_refused():
    with pytest.raises(InvalidPeriod) as caught:
        levy_columns([[0] * 12], BENCH, 0)
    assert caught.value.field == "year"
