"""The levies engine (cooprules.levies) and the sample schedules of the FR and BE adapters.

Worked examples cite their source in a comment: shared/reference/france.md §4.9 (real CAE
schedules) and shared/reference/belgium.md B6 (Smart; the Belgian "10 %" is only an example).
"""

from __future__ import annotations

import math
import re
from datetime import date
from fractions import Fraction
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.errors import (
    CurrencyMismatch,
    InvalidAmount,
    InvalidInput,
    InvalidPeriod,
    InvalidRate,
)
from cooprules.explain import Citation, RuleKind, Text
from cooprules.levies import (
    Activity,
    ActivityKind,
    Band,
    Banding,
    Base,
    BasePeriod,
    LevyPolicy,
    LevyYear,
    Line,
    RoundingPoint,
    Schedule,
    levy_year,
    month_periods,
    validate_policy,
)
from cooprules.money import Rate, Rounding, format_amount, from_minor_units, money, to_minor_units
from cooprules.parameters import Levies
from cooprules.periods import Period
from cooprules.regime import Parameter, Regime
from cooprules_adapters.be.levies import ACTIVITY_EXAMPLE, SMART
from cooprules_adapters.fr import FR_CAE_SCOP
from cooprules_adapters.fr.levies import (
    COOPANAME,
    ENCOM1_MARGINAL,
    ENCOM1_WHOLE,
    L7331_2_C,
    MOSAIQUE,
    R7331_9,
    SOLSTICE,
    SOLSTICE_FIRST_YEAR,
    SOLSTICE_MARGINAL,
    solstice_policy,
    solstice_schedules,
)

DOCS = Path(__file__).resolve().parents[3] / "docs" / "levies.md"


def activity(
    ident: str = "a1",
    *,
    start: date = date(2025, 1, 1),
    kind: ActivityKind = ActivityKind.SERVICES,
    end: date | None = None,
    currency: str = "EUR",
) -> Activity:
    return Activity(ident, owner="ana", kind=kind, start=start, currency=currency, end=end)


def run(schedule_or_policy: Schedule | LevyPolicy, lines: list[Line], **kwargs: object) -> LevyYear:
    act = kwargs.pop("act", None) or activity()
    policy = (
        schedule_or_policy
        if isinstance(schedule_or_policy, LevyPolicy)
        else LevyPolicy.single(schedule_or_policy)
    )
    year = kwargs.pop("year", 2025)
    return levy_year(act, lines, policy, year, **kwargs)  # type: ignore[arg-type]


def levies(year: LevyYear) -> list[str]:
    return [format(p.levy.amount, "f") for p in year.periods]


def check_year(year: LevyYear) -> None:
    """The invariants every year must satisfy: the total is the sum of the months, to the cent."""
    assert sum(to_minor_units(p.levy) for p in year.periods) == to_minor_units(year.total)
    running = 0
    for statement in year.periods:
        running += to_minor_units(statement.levy)
        assert to_minor_units(statement.year_to_date) == running
        assert statement.levy.amount >= 0


# --- the scenario year ------------------------------------------------------------------------
# One activity over 2025: the margin crosses every band, a credit note makes May negative (revenue
# -200, margin -300), and the autumn is strong enough to hit every yearly cap. Direct costs are
# 500 EUR a month (100 in May), so the revenue is the margin + 500.

SCENARIO = (
    ("1300.00", "500.00"),  # margin    800.00
    ("2000.00", "500.00"),  # margin  1,500.00
    ("3000.55", "500.00"),  # margin  2,500.55 (cents: the rounding shows)
    ("4500.00", "500.00"),  # margin  4,000.00
    ("-200.00", "100.00"),  # margin   -300.00 (a credit note)
    ("3500.00", "500.00"),  # margin  3,000.00
    ("9500.00", "500.00"),  # margin  9,000.00
    ("12500.00", "500.00"),  # margin 12,000.00
    ("14500.00", "500.00"),  # margin 14,000.00
    ("15500.00", "500.00"),  # margin 15,000.00
    ("10500.00", "500.00"),  # margin 10,000.00
    ("8500.00", "500.00"),  # margin  8,000.00
)


def scenario_lines(ident: str = "a1", year: int = 2025) -> list[Line]:
    return [
        Line.month(ident, year, month, revenue=revenue, direct_costs=costs, currency="EUR")
        for month, (revenue, costs) in enumerate(SCENARIO, start=1)
    ]


def test_coopaname_month_by_month() -> None:
    # Coopaname, « C'est combien ? » (france.md §4.9): 13.5 % of the gross margin + 30 EUR/month.
    # March: 2,500.55 x 13.5 % = 337.57425 -> 337.57, + 30 = 367.57. May: margin -300: fee only.
    year = run(COOPANAME, scenario_lines())
    assert levies(year) == [
        "138.00", "232.50", "367.57", "570.00", "30.00", "435.00",
        "1245.00", "1650.00", "1920.00", "2055.00", "1380.00", "1110.00",
    ]  # fmt: skip
    assert format_amount(year.total) == "11133.07 EUR"
    may = year.periods[4]
    assert format_amount(may.base) == "-300.00 EUR"
    assert format_amount(may.taxable) == "0.00 EUR"
    assert format_amount(may.fixed) == "30.00 EUR"
    assert all(p.cap_removed.amount == 0 and p.floor_added.amount == 0 for p in year.periods)
    check_year(year)


def test_solstice_whole_bands_first_year_floor_and_cap() -> None:
    # Solstice (france.md §4.9): 13 % < 1,000; 12 % to 2,000; 11 % to 3,333; 10 % above; the month's
    # whole margin at the rate of the band reached (our reading); floor 80 EUR in the first 12
    # months; cap 5,500 EUR a year for a non-associate.
    act = activity()
    year = run(solstice_policy([act]), scenario_lines(), act=act)
    assert levies(year) == [
        "104.00",  # 800 x 13 %
        "180.00",  # 1,500 x 12 %
        "275.06",  # 2,500.55 x 11 % = 275.0605
        "400.00",  # 4,000 x 10 %
        "80.00",  # negative margin: the first-year floor
        "330.00",  # 3,000 x 11 %
        "900.00",
        "1200.00",
        "1400.00",  # year to date 4,869.06
        "630.94",  # 1,500 capped: 5,500 - 4,869.06
        "0.00",
        "0.00",
    ]
    assert format_amount(year.total) == "5500.00 EUR"
    assert format_amount(year.periods[4].floor_added) == "80.00 EUR"
    assert [format(p.cap_removed.amount, "f") for p in year.periods[9:]] == [
        "869.06",
        "1000.00",
        "800.00",
    ]
    assert all(p.schedule.minimum_per_period == money("80.00", "EUR") for p in year.periods)
    check_year(year)


def test_solstice_marginal_reading() -> None:
    # The other reading of Solstice's bands (france.md §4.9: "support both"), floor 100 EUR.
    # April: 1,000 x 13 % + 1,000.01 x 12 % + 1,333 x 11 % + 666.99 x 10 % = 463.3302 -> 463.33.
    year = run(SOLSTICE_MARGINAL, scenario_lines())
    assert levies(year) == [
        "104.00", "190.00", "305.06", "463.33", "100.00", "360.00",
        "963.33", "1263.33", "1463.33", "287.62", "0.00", "0.00",
    ]  # fmt: skip
    assert format_amount(year.periods[4].floor_added) == "100.00 EUR"
    assert format_amount(year.periods[9].cap_removed) == "1275.71 EUR"
    assert format_amount(year.total) == "5500.00 EUR"
    check_year(year)


def test_solstice_band_edges() -> None:
    # The gaps of the source ("< 1 000", "1 001-2 000", "2 001-3 333", "> 3 334", france.md §4.9)
    # closed at the first cent above each band's top.
    def rate_at(margin: str) -> str:
        units = to_minor_units(money(margin, "EUR"))
        return str(Rate(SOLSTICE.variable(units) / units))

    margins = ("999.99", "1000.00", "2000.00", "2000.01", "3333.00", "3333.01")
    assert [rate_at(m) for m in margins] == ["13%", "12%", "12%", "11%", "11%", "10%"]
    assert SOLSTICE.variable(0) == 0


def test_solstice_cap_prorated_to_months_of_presence() -> None:
    # Solstice (france.md §4.9): the yearly cap is prorated to the months of presence. An activity
    # that starts on 15 March is present 10 months of 2025: 5,500 x 10 / 12 = 4,583.33.
    act = activity(start=date(2025, 3, 15))
    lines = [Line.month("a1", 2025, m, revenue="9000.00", currency="EUR") for m in range(3, 13)]
    year = run(solstice_policy([act]), lines, act=act)
    assert levies(year) == ["900.00"] * 5 + ["83.33"] + ["0.00"] * 4
    assert format_amount(year.total) == "4583.33 EUR"
    assert year.periods[0].period.start == date(2025, 3, 1)
    check_year(year)


def test_solstice_floor_rises_after_twelve_months() -> None:
    # Solstice (france.md §4.9): floor 80 EUR a month for the first 12 months, then 100 EUR.
    act = activity(start=date(2025, 7, 10))
    year = run(solstice_policy([act]), [], act=act, year=2026)
    assert levies(year) == ["80.00"] * 6 + ["100.00"] * 6
    assert format_amount(year.total) == "1080.00 EUR"
    first, later = solstice_schedules(act.start)
    assert first.valid_until == later.valid_from == date(2026, 7, 1)


def test_solstice_associate_cap() -> None:
    # Solstice (france.md §4.9): the cap is 5,000 EUR for an associate.
    act = activity()
    year = run(solstice_policy([act], associates=["a1"]), scenario_lines(), act=act)
    assert format_amount(year.total) == "5000.00 EUR"
    assert levies(year)[9] == "130.94"  # 5,000 - 4,869.06


def test_mosaique_month_by_month() -> None:
    # CAE Mosaïque (france.md §4.9): 12 % of the gross margin, floor 40 EUR/month, cap 8,400/year.
    year = run(MOSAIQUE, scenario_lines())
    assert levies(year) == [
        "96.00", "180.00", "300.07", "480.00", "40.00", "360.00",
        "1080.00", "1440.00", "1680.00", "1800.00", "943.93", "0.00",
    ]  # fmt: skip
    assert format_amount(year.periods[4].floor_added) == "40.00 EUR"
    assert format_amount(year.periods[10].cap_removed) == "256.07 EUR"  # 1,200 - (8,400 - 7,456.07)
    assert format_amount(year.periods[11].cap_removed) == "960.00 EUR"
    assert format_amount(year.total) == "8400.00 EUR"
    check_year(year)


def test_encom1_marginal_year_to_date() -> None:
    # encom1 (france.md §4.9): 10 %, 8 % from 35 kEUR and 6 % from 45 kEUR of the year's revenue,
    # marginal reading. Each month pays the growth of the year's rounded levy; May's credit note
    # (revenue -200) levies nothing and does not lower the year to date (no loss carry-forward).
    year = run(ENCOM1_MARGINAL, scenario_lines())
    assert levies(year) == [
        "130.00", "200.00", "300.06", "450.00", "0.00", "350.00",
        "950.00",
        "1223.98",  # year to date 36,300.55: 3,500 + 1,300.55 x 8 % = 3,604.04
        "1043.99",  # 50,800.55: 3,500 + 800 + 5,800.55 x 6 % = 4,648.03
        "930.00", "630.00", "510.00",
    ]  # fmt: skip
    assert format_amount(year.total) == "6718.03 EUR"  # the levy on 85,300.55 of revenue
    august = year.periods[7]
    # The bands of a year-to-date schedule apply to the year's revenue so far (36,300.55); the
    # month levies the growth of that levy over what earlier months levied.
    assert [(format_amount(b.slice), str(b.band.rate)) for b in august.bands] == [
        ("35000.00 EUR", "10%"),
        ("1300.55 EUR", "8%"),
    ]
    check_year(year)


def test_encom1_whole_year_to_date() -> None:
    # encom1, whole-amount reading: the rate of the band the year's revenue reaches, on all of it.
    year = run(ENCOM1_WHOLE, scenario_lines())
    assert levies(year) == [
        "130.00", "200.00", "300.06", "450.00", "0.00", "350.00",
        "950.00",
        "523.98",  # 36,300.55 x 8 % = 2,904.04, less 2,380.06
        "143.99",  # 50,800.55 x 6 % = 3,048.03
        "930.00", "630.00", "510.00",
    ]  # fmt: skip
    assert format_amount(year.total) == "5118.03 EUR"  # 85,300.55 x 6 %
    check_year(year)


def test_encom1_worked_example_marginal_vs_whole() -> None:
    # france.md §4.9: on 50,000 EUR of revenue, marginal = 35,000 x 10 % + 10,000 x 8 % +
    # 5,000 x 6 % = 4,600; whole-bracket = 50,000 x 6 % = 3,000.
    lines = [Line.month("a1", 2025, 1, revenue="50000.00", currency="EUR")]
    assert format_amount(run(ENCOM1_MARGINAL, lines).total) == "4600.00 EUR"
    assert format_amount(run(ENCOM1_WHOLE, lines).total) == "3000.00 EUR"
    # The discontinuity at 45,000 (france.md §4.9): 45,000 x 8 % = 3,600 just below, 2,700 at it.
    assert ENCOM1_WHOLE.variable(4_499_999) == Fraction(4_499_999 * 8, 100)
    assert ENCOM1_WHOLE.variable(4_500_000) == 270_000
    assert ENCOM1_MARGINAL.variable(4_500_000) - ENCOM1_MARGINAL.variable(4_499_999) == Fraction(
        8, 100
    )


def test_smart_flat_on_revenue() -> None:
    # Smart (belgium.md B6, [SRC-2]): 6.5 % of invoiced amounts excluding VAT.
    year = run(SMART, scenario_lines())
    assert levies(year) == [
        "84.50", "130.00", "195.04", "292.50", "0.00", "227.50",
        "617.50", "812.50", "942.50", "1007.50", "682.50", "552.50",
    ]  # fmt: skip
    assert format_amount(year.total) == "5544.54 EUR"
    check_year(year)


def test_belgian_activity_example_is_not_law() -> None:
    # belgium.md B6: "10 % of gross margin" is contractual, no source: an example statute value.
    assert not ACTIVITY_EXAMPLE.citation.confidence.verified  # type: ignore[union-attr]
    year = run(ACTIVITY_EXAMPLE, scenario_lines())
    assert levies(year)[:5] == ["80.00", "150.00", "250.06", "400.00", "0.00"]
    assert format_amount(year.total) == "7980.06 EUR"


def test_explanation_cites_the_schedule() -> None:
    year = run(MOSAIQUE, scenario_lines())
    steps = year.periods[10].explanation.steps
    # First the law under which the statutes set it, then the schedule's own source.
    assert [step.citation for step in steps[:2]] == [L7331_2_C, R7331_9]
    assert steps[2].citation == MOSAIQUE.citation
    assert any(step.what.en == "Reduced by the yearly cap" for step in steps)
    assert steps[-1].result == money("943.93", "EUR")
    assert L7331_2_C.article == "art. L7331-2, 2° c"


# --- engine features ---------------------------------------------------------------------------


def test_loss_carry_forward() -> None:
    # A statute may set a month's loss against the following months of the same year.
    schedule = Schedule.flat("10%", carry_forward_losses=True, currency="EUR")
    lines = [
        Line.month("a1", 2025, 1, revenue="1000.00", currency="EUR"),
        Line.month(
            "a1", 2025, 2, revenue="100.00", direct_costs="500.00", currency="EUR"
        ),  # margin -400
        Line.month(
            "a1", 2025, 3, revenue="300.00", currency="EUR"
        ),  # 300 set off: 100 still carried
        Line.month("a1", 2025, 4, revenue="500.00", currency="EUR"),  # 100 set off: 400 taxable
    ]
    year = run(schedule, lines)
    assert levies(year)[:4] == ["100.00", "0.00", "0.00", "40.00"]
    assert [format(p.carried_loss.amount, "f") for p in year.periods[:4]] == [
        "0.00",
        "0.00",
        "300.00",
        "100.00",
    ]
    assert format_amount(year.periods[3].taxable) == "400.00 EUR"
    without = run(Schedule.flat("10%", currency="EUR"), lines)
    assert levies(without)[:4] == ["100.00", "0.00", "30.00", "50.00"]


def test_rounding_per_line_vs_per_period() -> None:
    # Three invoices of 0.10 at 13.5 %: per line 0.0135 -> 0.01 each (0.03); per period 0.04.
    lines = [
        Line.month("a1", 2025, 1, revenue="0.10", label=f"inv{i}", currency="EUR") for i in range(3)
    ]
    per_period = run(Schedule.flat("13.5%", currency="EUR"), lines)
    per_line = run(Schedule.flat("13.5%", rounding_point=RoundingPoint.LINE, currency="EUR"), lines)
    assert levies(per_period)[0] == "0.04"
    assert levies(per_line)[0] == "0.03"
    down = run(Schedule.flat("13.5%", rounding=Rounding.DOWN, currency="EUR"), lines)
    assert levies(down)[0] == "0.04"  # 0.0405 truncated
    with pytest.raises(InvalidInput, match=r"schedule\.rounding_point"):
        Schedule.banded(
            [("0", "10%"), ("100", "5%")], rounding_point=RoundingPoint.LINE, currency="EUR"
        )


def test_year_total_is_the_sum_of_rounded_months() -> None:
    # 12 months of 0.05 at 10 %: each 0.005 -> 0.01 half-up; the year is 0.12, not 0.06.
    lines = [Line.month("a1", 2025, m, revenue="0.05", currency="EUR") for m in range(1, 13)]
    year = run(Schedule.flat("10%", currency="EUR"), lines)
    assert format_amount(year.total) == "0.12 EUR"
    check_year(year)


def test_schedule_change_on_first_july() -> None:
    # A general meeting lowers the rate from 12 % to 10 % from 1 July 2025.
    old = Schedule.flat("12%", valid_until=date(2025, 7, 1), name="old", currency="EUR")
    new = Schedule.flat("10%", valid_from=date(2025, 7, 1), name="new", currency="EUR")
    lines = [Line.month("a1", 2025, m, revenue="1000.00", currency="EUR") for m in range(1, 13)]
    year = run(LevyPolicy(default=(old, new)), lines)
    assert levies(year) == ["120.00"] * 6 + ["100.00"] * 6
    assert [p.schedule.name for p in year.periods] == ["old"] * 6 + ["new"] * 6
    assert format_amount(year.total) == "1320.00 EUR"


def test_financial_year_starting_in_july() -> None:
    lines = [
        Line.month("a1", 2025, 7, revenue="1000.00", currency="EUR"),
        Line.month("a1", 2026, 6, revenue="10", currency="EUR"),
    ]
    year = run(Schedule.flat("10%", currency="EUR"), lines, first_month=7)
    assert year.year_start == date(2025, 7, 1)
    assert levies(year)[0] == "100.00"
    assert levies(year)[-1] == "1.00"
    assert month_periods(2025, first_month=7)[-1] == Period(date(2026, 6, 1), date(2026, 7, 1))


@pytest.mark.parametrize("year", [0, -5, 9999, 99999, True])
def test_a_year_whose_months_are_not_all_dates_is_refused(year) -> None:
    # found by the fuzzing harness (tests/fuzz): coop.year = 9999 was a raw ValueError
    with pytest.raises(InvalidPeriod) as caught:
        month_periods(year, first_month=12)
    assert (caught.value.field, caught.value.value) == ("year", year)
    assert "1..9998" in caught.value.reason


def test_the_last_financial_year_ends_on_the_last_date() -> None:
    assert month_periods(9998, first_month=12)[-1] == Period(date(9999, 11, 1), date(9999, 12, 1))
    assert month_periods(1)[0] == Period(date(1, 1, 1), date(1, 2, 1))


def test_per_kind_and_per_activity_overrides() -> None:
    special = Schedule.flat("5%", base=Base.REVENUE, name="contract a3", currency="EUR")
    policy = LevyPolicy(
        schedules={ActivityKind.TRADE: (ACTIVITY_EXAMPLE,)},
        default=(SMART,),
        overrides={"a3": (special,)},
    )
    services = activity("a1")
    trade = activity("a2", kind=ActivityKind.TRADE)
    contract = activity("a3", kind=ActivityKind.TRADE)

    def levy(act: Activity) -> str:
        line = Line.month(act.id, 2025, 1, revenue="1000.00", direct_costs="400.00", currency="EUR")
        return levies(levy_year(act, [line], policy, 2025))[0]

    assert levy(services) == "65.00"  # Smart: 6.5 % of the revenue
    assert levy(trade) == "60.00"  # 10 % of the margin
    assert levy(contract) == "50.00"  # its own 5 % of the revenue


def test_activity_months_and_end() -> None:
    # An activity that stops on 15 May runs five months: no fee or floor after it ends.
    act = activity(end=date(2025, 5, 15))
    year = run(COOPANAME, [], act=act)
    assert levies(year) == ["30.00"] * 5
    assert act.months_present(date(2025, 1, 1), date(2026, 1, 1)) == 5
    # A line after the end is still levied (a late invoice), without the fee.
    late = run(COOPANAME, [Line.month("a1", 2025, 8, revenue="100.00", currency="EUR")], act=act)
    assert levies(late)[-1] == "13.50"


def test_custom_base() -> None:
    schedule = Schedule.flat("10%", base=Base.CUSTOM, currency="EUR")
    lines = [Line.month("a1", 2025, 1, revenue="1000.00", direct_costs="300.00", currency="EUR")]
    year = run(schedule, lines, custom_base=lambda line: line.revenue - line.direct_costs * 2)
    assert levies(year)[0] == "40.00"
    with pytest.raises(InvalidInput, match="custom_base"):
        run(schedule, lines)
    with pytest.raises(CurrencyMismatch, match="custom_base"):
        run(schedule, lines, custom_base=lambda _line: money("1", "CAD"))


def test_validate_policy() -> None:
    statutes = Citation("Statutes", "art. 12", "coop")
    regime = Regime(
        code="xx-test",
        name="test",
        name_en="test",
        jurisdiction="FR",
        currency="EUR",
        languages=("fr",),
        citations=(statutes,),
        parameters=(
            Parameter(
                Levies.max_rate, Rate.of("12%"), RuleKind.LAW, statutes, Text(en="max", fr="max")
            ),
        ),
    )
    heavy = Schedule.flat(
        "10%",
        minimum_per_period=money("500.00", "EUR"),
        maximum_per_year=money("5000.00", "EUR"),
        name="heavy floor",
        currency="EUR",
    )
    policy = LevyPolicy(default=(COOPANAME,), overrides={"x": (MOSAIQUE, heavy)})
    found = validate_policy(policy, regime, date(2025, 1, 1))
    assert [(v.code, v.subject) for v in found] == [
        ("levies.rate_above_maximum", COOPANAME.name),
        ("levies.floor_above_cap", "heavy floor"),
    ]
    assert found[0].citation == statutes
    assert found[0].message.en == "A band's rate 13.5% is above the maximum 12%."
    assert found[1].message.en == (
        "Twelve monthly floors (6000.00 EUR) exceed the yearly cap (5000.00 EUR)."
    )


def test_sample_schedules_pass_the_french_cae_regime() -> None:
    policy = LevyPolicy(default=(COOPANAME, SOLSTICE_FIRST_YEAR, MOSAIQUE, ENCOM1_MARGINAL))
    assert validate_policy(policy, FR_CAE_SCOP, date(2025, 1, 1)) == ()


# --- refusals ----------------------------------------------------------------------------------


def test_refuses_mixed_currencies() -> None:
    with pytest.raises(CurrencyMismatch, match=r"lines\[1\]\.revenue"):
        run(
            SMART,
            [
                Line.month("a1", 2025, 1, revenue="10", currency="EUR"),
                Line.month("a1", 2025, 2, revenue="10", currency="CAD"),
            ],
        )
    with pytest.raises(CurrencyMismatch, match=r"line\.direct_costs"):
        Line(
            "a1",
            Period(date(2025, 1, 1), date(2025, 2, 1)),
            money("1", "EUR"),
            money("1", "CAD"),
        )
    with pytest.raises(CurrencyMismatch, match="schedule"):
        run(Schedule.flat("10%", currency="CAD"), [])
    with pytest.raises(CurrencyMismatch, match=r"schedule\.minimum_per_period"):
        Schedule.flat("10%", minimum_per_period=money("40", "CAD"), currency="EUR")
    with pytest.raises(CurrencyMismatch, match=r"schedule\.bands\[1\]\.start"):
        Schedule((Band(money("0", "EUR"), "10%"), Band(money("10", "CAD"), "5%")))


def test_refuses_float_amounts() -> None:
    with pytest.raises(InvalidAmount, match=r"line\.revenue: float"):
        Line.month("a1", 2025, 1, revenue=1000.0, currency="EUR")
    with pytest.raises(InvalidAmount, match=r"line\.direct_costs: float"):
        Line.month("a1", 2025, 1, revenue="1000", direct_costs=0.5, currency="EUR")
    with pytest.raises(InvalidInput, match=r"line\.revenue"):
        Line("a1", Period(date(2025, 1, 1), date(2025, 2, 1)), 1000.0, money("0", "EUR"))  # type: ignore[arg-type]
    with pytest.raises(InvalidRate, match=r"band\.rate"):
        Schedule.flat(0.1, currency="EUR")
    with pytest.raises(InvalidAmount, match=r"line\.revenue"):
        Line.month("a1", 2025, 1, revenue="0.001", currency="EUR")  # below the cent


def test_refuses_periods_ending_before_they_start() -> None:
    with pytest.raises(InvalidPeriod, match="end: the period ends before it starts"):
        Period(date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(InvalidPeriod, match=r"activity\.end"):
        activity(end=date(2024, 12, 31))
    with pytest.raises(InvalidPeriod, match=r"schedule\.valid_until"):
        Schedule.flat(
            "10%", valid_from=date(2025, 7, 1), valid_until=date(2025, 1, 1), currency="EUR"
        )
    with pytest.raises(InvalidPeriod, match=r"line\.month"):
        Line.month("a1", 2025, 13, revenue="1", currency="EUR")


def test_refuses_a_line_of_another_activity() -> None:
    with pytest.raises(InvalidInput, match=r"lines\[0\]\.activity") as info:
        run(SMART, [Line.month("a2", 2025, 1, revenue="1", currency="EUR")])
    assert info.value.value == "a2"


def test_refuses_a_line_outside_the_year() -> None:
    with pytest.raises(InvalidPeriod, match=r"lines\[0\]\.period"):
        run(SMART, [Line.month("a1", 2026, 1, revenue="1", currency="EUR")])
    two_months = Line("a1", Period(date(2025, 1, 1), date(2025, 3, 1)), *[money("1", "EUR")] * 2)
    with pytest.raises(InvalidPeriod, match=r"lines\[0\]\.period"):
        run(SMART, [two_months])


def test_refuses_when_no_schedule_or_two_are_in_force() -> None:
    later = Schedule.flat("10%", valid_from=date(2025, 7, 1), currency="EUR")
    with pytest.raises(InvalidInput, match=r"policy\[a1\].*no schedule applies") as info:
        run(later, [])
    assert info.value.value == "2025-01-01"
    with pytest.raises(InvalidInput, match=r"policy\[a1\].*2 schedules of one group apply"):
        run(LevyPolicy(default=(SMART, MOSAIQUE)), [])


def test_a_dated_override_falls_back_to_the_kind_schedule() -> None:
    # An activity's own rate for the second half of the year; the default applies before.
    own = Schedule.flat("5%", valid_from=date(2025, 7, 1), currency="EUR")
    policy = LevyPolicy(default=(MOSAIQUE,), overrides={"a1": (own,)})
    year = run(
        policy, [Line.month("a1", 2025, m, revenue="1000.00", currency="EUR") for m in (6, 7)]
    )
    june, july = year.periods[5], year.periods[6]
    assert june.schedule is MOSAIQUE
    assert july.schedule is own
    assert format_amount(july.levy) == "50.00 EUR"


def test_refuses_bad_bands() -> None:
    with pytest.raises(InvalidInput, match=r"schedule\.bands\[0\]\.start"):
        Schedule.banded([("100", "10%")], currency="EUR")
    with pytest.raises(InvalidInput, match=r"schedule\.bands\[2\]\.start"):
        Schedule.banded([("0", "10%"), ("100", "5%"), ("100", "4%")], currency="EUR")
    with pytest.raises(InvalidInput, match=r"schedule\.bands"):
        Schedule(())
    with pytest.raises(InvalidInput, match=r"schedule\.maximum_per_year"):
        Schedule.flat("10%", maximum_per_year=money("-1", "EUR"), currency="EUR")


# --- bugs found --------------------------------------------------------------------------------


def test_whole_year_to_date_explanation_adds_up() -> None:
    # encom1 whole: 40,000 so far (8 % -> 3,200), then 6,000 more: 46,000 x 6 % = 2,760, below
    # the 3,200 already levied, so the month levies 0. The explanation shows the year's band
    # (46,000 at 6 %) and the deduction of what was levied before, which add up to the levy.
    lines = [
        Line.month("a1", 2025, 1, revenue="40000.00", currency="EUR"),
        Line.month("a1", 2025, 2, revenue="6000.00", currency="EUR"),
    ]
    february = run(ENCOM1_WHOLE, lines).periods[1]
    assert format_amount(february.variable) == "0.00 EUR"
    assert [(format_amount(b.slice), str(b.band.rate)) for b in february.bands] == [
        ("46000.00 EUR", "6%")
    ]
    year_levy = sum(b.levy for b in february.bands)
    steps = february.explanation.steps
    deduction = next(step for step in steps if step.what.en.startswith("Less the levy"))
    levied_before = dict(deduction.inputs)["levied before"]
    assert year_levy == 2760
    assert levied_before == money("3200.00", "EUR")
    assert max(0, year_levy - 3200) == 0 == february.variable.amount


# This found a bug where whole-amount bands on the year to date levied the same revenue twice:
# after a drop of the year's levy (not refunded), later months levied the growth again from the
# lowered level. A month now levies only what the year's levy rises above what was levied.
def test_whole_year_to_date_never_levies_the_same_revenue_twice() -> None:
    # encom1 whole: 44,000 (8 % -> 3,520), 46,000 (6 % -> 2,760: nothing), 50,000 (6 % -> 3,000).
    # Having paid 3,520 already, more than 3,000 on 50,000, the activity is levied 240 again.
    lines = [
        Line.month("a1", 2025, 1, revenue="44000.00", currency="EUR"),
        Line.month("a1", 2025, 2, revenue="2000.00", currency="EUR"),
        Line.month("a1", 2025, 3, revenue="4000.00", currency="EUR"),
    ]
    year = run(ENCOM1_WHOLE, lines)
    assert levies(year)[:3] == ["3520.00", "0.00", "0.00"]
    assert format_amount(year.total) == "3520.00 EUR"


# --- properties --------------------------------------------------------------------------------

EUR = "EUR"
CENTS = st.integers(-2_000_000, 6_000_000)
COSTS = st.integers(0, 2_000_000)


def eur(units: int) -> str:
    return format(from_minor_units(units, EUR).amount, "f")


@st.composite
def schedules(draw: st.DrawFn, *, per_line: bool | None = None) -> Schedule:
    """A random valid schedule in EUR (rates up to 50 %)."""
    line_rounding = draw(st.booleans()) if per_line is None else per_line
    count = 1 if line_rounding else draw(st.integers(1, 4))
    starts = [
        0,
        *sorted(draw(st.sets(st.integers(1, 6_000_000), min_size=count - 1, max_size=count - 1))),
    ]
    bands = tuple(Band(from_minor_units(s, EUR), draw(cst.rates(0, "1/2"))) for s in starts)
    optional = st.none() | st.integers(0, 100_000).map(lambda u: from_minor_units(u, EUR))
    cap = st.none() | st.integers(0, 5_000_000).map(lambda u: from_minor_units(u, EUR))
    return Schedule(
        bands,
        base=draw(st.sampled_from([Base.REVENUE, Base.GROSS_MARGIN])),
        banding=draw(st.sampled_from(Banding)),
        base_period=BasePeriod.PERIOD if line_rounding else draw(st.sampled_from(BasePeriod)),
        fixed_per_period=draw(optional),
        minimum_per_period=draw(optional),
        maximum_per_year=draw(cap),
        prorate_cap=draw(st.booleans()),
        carry_forward_losses=False if line_rounding else draw(st.booleans()),
        rounding=draw(st.sampled_from(Rounding)),
        rounding_point=RoundingPoint.LINE if line_rounding else RoundingPoint.PERIOD,
    )


LINE_DATA = st.lists(st.tuples(st.integers(1, 12), CENTS, COSTS), max_size=24)
STARTS = st.sampled_from([date(2024, 6, 1), date(2025, 1, 1), date(2025, 3, 15)])


def build(data: list[tuple[int, int, int]]) -> list[Line]:
    return [
        Line.month("a1", 2025, m, revenue=eur(r), direct_costs=eur(c), currency="EUR")
        for m, r, c in data
    ]


@given(schedules(), LINE_DATA, STARTS)
def test_levy_never_negative_nor_above_base_times_highest_rate(schedule, data, start) -> None:
    year = run(schedule, build(data), act=activity(start=start))
    check_year(year)
    highest = schedule.highest_rate.value
    for statement in year.periods:
        variable = to_minor_units(statement.variable)
        fixed, floor = to_minor_units(statement.fixed), to_minor_units(statement.floor_added)
        assert to_minor_units(statement.levy) == variable + fixed + floor - to_minor_units(
            statement.cap_removed
        )
        assert variable >= 0
        if schedule.rounding_point is RoundingPoint.LINE:
            # rounded line by line: at most one cent per line above the exact levy
            lines = sum(1 for line in build(data) if line.period == statement.period)
            assert variable <= math.ceil(max(0, to_minor_units(statement.base)) * highest) + lines
        elif schedule.base_period is BasePeriod.PERIOD or schedule.banding is Banding.MARGINAL:
            # A year-to-date levy is the growth of a rounded cumulative levy: it may round up by
            # less than a cent, never more (the two roundings cannot both lose half a cent).
            assert variable <= math.ceil(to_minor_units(statement.taxable) * highest)
    if schedule.maximum_per_year is not None and not schedule.prorate_cap:
        assert year.total <= schedule.maximum_per_year


@given(schedules(per_line=False), st.integers(-1_000_000, 6_000_000), st.integers(0, 6_000_000))
def test_flat_or_marginal_schedule_is_non_decreasing_in_the_base(schedule, low, more) -> None:
    schedule = attrs.evolve(schedule, banding=Banding.MARGINAL)

    def levy(units: int) -> int:
        return to_minor_units(
            run(schedule, [Line.month("a1", 2025, 1, revenue=eur(units), currency="EUR")]).total
        )

    assert levy(low) <= levy(low + more)


@given(schedules(per_line=False))
def test_marginal_bands_are_continuous_at_their_edges(schedule) -> None:
    schedule = attrs.evolve(schedule, banding=Banding.MARGINAL)
    starts = [to_minor_units(b.start) for b in schedule.bands]
    for position, start in enumerate(starts[1:], start=1):
        below = schedule.bands[position - 1].rate.value
        # one more cent of base costs exactly the lower band's rate of a cent, on either side
        assert schedule.variable(start) - schedule.variable(start - 1) == below
        assert (
            schedule.variable(start + 1) - schedule.variable(start)
            == schedule.bands[position].rate.value
        )


@given(schedules(), LINE_DATA, st.randoms(use_true_random=False))
def test_line_order_does_not_change_the_statements(schedule, data, random) -> None:
    lines = build(data)
    shuffled = list(lines)
    random.shuffle(shuffled)
    assert run(schedule, lines).periods == run(schedule, shuffled).periods


@given(schedules(per_line=False), LINE_DATA, st.data())
def test_splitting_lines_does_not_change_the_statements(schedule, data, draw) -> None:
    lines = build(data)
    split: list[Line] = []
    for month, revenue, costs in data:
        part = draw.draw(st.integers(-1_000_000, 1_000_000))
        cost_part = draw.draw(st.integers(0, costs))
        split.append(
            Line.month(
                "a1", 2025, month, revenue=eur(part), direct_costs=eur(cost_part), currency="EUR"
            )
        )
        split.append(
            Line.month(
                "a1",
                2025,
                month,
                revenue=eur(revenue - part),
                direct_costs=eur(costs - cost_part),
                currency="EUR",
            )
        )
    split.reverse()
    assert run(schedule, lines).periods == run(schedule, split).periods


@given(LINE_DATA)
def test_sample_schedules_year_total_is_the_sum_of_the_months(data) -> None:
    act = activity()
    for policy in (
        LevyPolicy.single(COOPANAME),
        solstice_policy([act]),
        LevyPolicy.single(SOLSTICE_MARGINAL),
        LevyPolicy.single(MOSAIQUE),
        LevyPolicy.single(ENCOM1_MARGINAL),
        LevyPolicy.single(ENCOM1_WHOLE),
        LevyPolicy.single(SMART),
        LevyPolicy.single(ACTIVITY_EXAMPLE),
    ):
        check_year(run(policy, build(data), act=act))


# --- the table of docs/levies.md ---------------------------------------------------------------

TABLE_MARGINS = ("0", "500", "1000", "2000", "3000", "5000")
TABLE_SCHEDULES = (
    COOPANAME,
    SOLSTICE_FIRST_YEAR,
    SOLSTICE,
    SOLSTICE_MARGINAL,
    MOSAIQUE,
    ENCOM1_MARGINAL,
    ENCOM1_WHOLE,
    SMART,
    ACTIVITY_EXAMPLE,
)


def levy_table() -> str:
    """The levy of one month (January, the first of the year) against the month's margin.

    The margin is all revenue (no direct costs), so revenue and margin bases agree.
    """
    head = "| schedule | " + " | ".join(f"{int(m):,}" for m in TABLE_MARGINS) + " |"
    rule = "| --- |" + " ---: |" * len(TABLE_MARGINS)
    rows = [head, rule]
    for schedule in TABLE_SCHEDULES:
        cells = [
            format(
                run(schedule, [Line.month("a1", 2025, 1, revenue=margin, currency="EUR")])
                .periods[0]
                .levy.amount,
                ",f",
            )
            for margin in TABLE_MARGINS
        ]
        rows.append(f"| {schedule.summary.in_('en')} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def test_docs_table_matches_the_code() -> None:
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(r"<!-- levy-table:start -->\n(.*?)\n<!-- levy-table:end -->", text, re.DOTALL)
    assert found is not None, "docs/levies.md lost its levy table markers"
    assert found.group(1).strip() == levy_table(), levy_table()


def test_a_custom_base_reaches_credit_notes_and_per_line_rounding() -> None:
    # The co-op's own base (revenue less twice the costs) is the base of a credit note's give-back
    # and of each line when the levy is rounded per line, not only of the month's total.
    def twice_the_costs(line: Line) -> object:
        return line.revenue - line.direct_costs * 2

    giving_back = Schedule.flat(
        "10%", base=Base.CUSTOM, give_back_credit_notes=True, currency="EUR"
    )
    lines = [
        Line.month("a1", 2025, 1, revenue="1000.00", direct_costs="300.00", currency="EUR"),
        Line.month("a1", 2025, 2, revenue="-200.00", direct_costs="50.00", currency="EUR"),
    ]
    year = run(giving_back, lines, custom_base=twice_the_costs)
    assert levies(year)[:2] == ["40.00", "-30.00"]
    per_line = Schedule.flat(
        "10%", base=Base.CUSTOM, rounding_point=RoundingPoint.LINE, currency="EUR"
    )
    split = [
        Line.month("a1", 2025, 1, revenue="100.05", currency="EUR"),
        Line.month("a1", 2025, 1, revenue="100.05", currency="EUR"),
    ]
    year = run(per_line, split, custom_base=lambda line: line.revenue)
    assert levies(year)[0] == "20.02"  # 10.005 rounded per line, twice: 10.01 + 10.01


def test_a_schedule_is_described_in_the_reader_s_language() -> None:
    # Solstice's 2017 scale (solstice.coop/contribution-cooperative): 13 % to 10 % by monthly
    # gross-margin band, at least 100 EUR a month, at most 5,500 EUR a year prorated.
    french = SOLSTICE.summary.in_("fr", locale="fr_FR")
    assert french.replace("\u202f", " ").replace("\u00a0", " ") == (
        "Solstice 2017 : 13 % à 10 % sur la marge brute, au taux de la tranche atteinte sur toute "
        "l'assiette, au moins 100,00 € par période, au plus 5 500,00 € par an, au prorata des "
        "mois d'activité"
    )
    dutch = SMART.summary.in_("nl", locale="nl_BE")
    assert dutch.replace("\u00a0", " ") == "Smart: 6,5% op de omzet exclusief btw"
    marginal = ENCOM1_MARGINAL.summary.in_("en")
    assert marginal.endswith("counted on the year to date, by marginal bands")
    fee = Schedule.flat("5%", currency="EUR", fixed_per_period=money("30", "EUR"))
    assert fee.summary.in_("en") == "5% of the gross margin, a fixed fee of 30 EUR a period"
    custom = attrs.evolve(fee, base=Base.CUSTOM, fixed_per_period=None)
    assert custom.summary.in_("en") == "5% of the base the statutes define"


def test_the_statute_step_shows_the_schedule_in_words() -> None:
    line = Line.month("a1", 2025, 1, revenue="1000", currency="EUR")
    step = run(SOLSTICE, [line]).periods[0].explanation.steps[0]
    assert step.result == SOLSTICE.summary
    assert step.inputs == ()
