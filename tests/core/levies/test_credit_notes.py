"""Credit notes that give their levy back (Schedule.give_back_credit_notes), issue 12 point 10.

Sources of the worked examples:

* enDI / CAERP (ex-Autonomie), the French CAE back office, books the contribution of every
  exported document as its rate times the document's pre-tax total, credit notes
  (``CancelInvoice``, negative lines) included, in the document's own month:
  ``autonomie/compute/sage.py`` ``SageContribution.get_amount`` (``percentage(product['ht'],
  contribution)``) over the tasks ``autonomie/views/export/invoice.py`` exports (invoices and
  credit notes by date); shared/reference/prior-art.md A2 (a percentage of the HT invoiced).
* The contribution is the statutes' to set: Code du travail L7331-2 2° c ("dans les conditions
  prévues par les statuts"), shared/reference/france.md §4.3 and §4.9; so giving it back is a
  statute choice, off by default.
* The schedules of real CAE (Mosaïque, encom1) are france.md §4.9's.
"""

from __future__ import annotations

from datetime import date

import attrs
from hypothesis import example, given
from hypothesis import strategies as st
from tests.core.levies.test_levies import schedules

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
    Schedule,
    levy_year,
)
from cooprules.money import Rounding, format_amount, from_minor_units, money, to_minor_units
from cooprules.plugins import load_regimes
from cooprules.scenario import loads
from cooprules_adapters.fr.levies import ENCOM1_MARGINAL, MOSAIQUE
from cooprules_adapters.scenario import evaluate_scenario

EUR = "EUR"
ANA = Activity("a1", owner="ana", kind=ActivityKind.SERVICES, start=date(2025, 1, 1), currency=EUR)


def line(month: int, revenue: str, costs: str = "0") -> Line:
    return Line.month("a1", 2025, month, revenue=revenue, direct_costs=costs, currency=EUR)


def run(schedule: Schedule, lines: list[Line]) -> LevyYear:
    return levy_year(ANA, lines, LevyPolicy.single(schedule), 2025)


def months(year: LevyYear, first: int, last: int) -> list[str]:
    return [format(p.levy.amount, "f") for p in year.periods[first - 1 : last]]


def give_back(schedule: Schedule) -> Schedule:
    return attrs.evolve(schedule, give_back_credit_notes=True)


# --- worked examples ---------------------------------------------------------------------------


def test_endi_a_cancelled_invoice_gives_its_contribution_back() -> None:
    # enDI: 10 % of the pre-tax total of each document, the credit note's negative (sage.py).
    # An invoice of 2,000 in March, cancelled by a credit note in May, then 1,500 in June.
    lines = [line(3, "2000.00"), line(5, "-2000.00"), line(6, "1500.00")]
    default = Schedule.flat("10%", base=Base.REVENUE, currency=EUR)
    before = run(default, lines)
    assert months(before, 3, 6) == ["200.00", "0.00", "0.00", "150.00"]
    assert format_amount(before.total) == "350.00 EUR"  # the cancelled invoice keeps its levy
    after = run(give_back(default), lines)
    assert months(after, 3, 6) == ["200.00", "0.00", "-200.00", "150.00"]
    may = after.periods[4]
    assert (format_amount(may.credited), format_amount(may.given_back)) == (
        "2000.00 EUR",
        "200.00 EUR",
    )
    assert format_amount(after.total) == "150.00 EUR"  # 10 % of the year's net 1,500
    steps = [s.what.en for s in may.explanation.steps]
    assert any("Given back for the credit notes" in s for s in steps)
    # Carrying the credit forward instead relieves June only: 200 stays levied.
    carried = run(attrs.evolve(default, carry_forward_losses=True), lines)
    assert format_amount(carried.total) == "200.00 EUR"


def test_the_default_keeps_every_month_at_zero_or_more() -> None:
    # Off by default (L7331-2 c: the statutes choose): a negative month levies nothing.
    year = run(Schedule.flat("10%", currency=EUR), [line(1, "1000.00"), line(2, "-1000.00")])
    assert months(year, 1, 2) == ["100.00", "0.00"]
    assert format_amount(year.periods[1].credited) == "0.00 EUR"


def test_a_credit_note_within_a_month_of_invoices_only_lowers_the_month() -> None:
    # The month's base stays positive: nothing to give back, the month is levied on its net.
    year = run(
        give_back(Schedule.flat("10%", base=Base.REVENUE, currency=EUR)),
        [line(1, "1000.00"), line(2, "700.00"), line(2, "-300.00")],
    )
    assert months(year, 1, 2) == ["100.00", "40.00"]
    assert format_amount(year.periods[1].given_back) == "0.00 EUR"


def test_a_base_a_carried_loss_relieved_is_not_given_back() -> None:
    # Gross margin, losses carried forward: January's loss of 1,000 relieves February's invoice,
    # which March's credit note cancels. Nothing was levied on it: nothing comes back, and the
    # loss is carried again (April is relieved). Without the bound March would give back 100.
    schedule = give_back(Schedule.flat("10%", carry_forward_losses=True, currency=EUR))
    lines = [line(1, "0", "1000.00"), line(2, "1000.00"), line(3, "-1000.00"), line(4, "1000.00")]
    year = run(schedule, lines)
    assert months(year, 1, 4) == ["0.00", "0.00", "0.00", "0.00"]
    assert format_amount(year.periods[2].credited) == "0.00 EUR"
    assert format_amount(year.periods[3].carried_loss) == "1000.00 EUR"


def test_only_the_credit_note_part_of_a_negative_margin_is_given_back() -> None:
    # March: a credit note of 500 and 300 of costs (margin -800). The 500 comes back; the 300 is
    # a loss, carried forward against April.
    schedule = give_back(Schedule.flat("10%", carry_forward_losses=True, currency=EUR))
    year = run(schedule, [line(1, "2000.00"), line(3, "-500.00", "300.00"), line(4, "1000.00")])
    assert months(year, 1, 4) == ["200.00", "0.00", "-50.00", "70.00"]
    assert format_amount(year.periods[2].credited) == "500.00 EUR"
    assert format_amount(year.periods[3].carried_loss) == "300.00 EUR"


def test_mosaique_the_floor_of_the_month_stays_due() -> None:
    # Mosaïque (france.md §4.9): 12 % of the margin, at least 40 EUR a month. January's invoice
    # of 1,000 (120 EUR) is cancelled in February: January keeps its floor of 40, so 80 comes
    # back, and February owes its own 40: -40. The year is twelve floors, as if no invoice.
    lines = [line(1, "1000.00"), line(2, "-1000.00")]
    before = run(MOSAIQUE, lines)
    assert months(before, 1, 3) == ["120.00", "40.00", "40.00"]
    assert format_amount(before.total) == "560.00 EUR"
    after = run(give_back(MOSAIQUE), lines)
    assert months(after, 1, 3) == ["120.00", "-40.00", "40.00"]
    assert format_amount(after.periods[1].given_back) == "80.00 EUR"
    assert format_amount(after.total) == "480.00 EUR"  # 12 x 40


def test_what_the_cap_removed_is_not_given_back() -> None:
    # 10 % of revenue, at most 1,000 a year. January: 20,000 -> 2,000, capped to 1,000. February
    # cancels 10,000: the year's net is 10,000, whose levy (1,000) was paid: nothing comes back.
    # March cancels 5,000 more: 500 comes back (10 % of the net 5,000 is 500).
    schedule = give_back(
        Schedule.flat("10%", base=Base.REVENUE, maximum_per_year=money("1000", EUR), currency=EUR)
    )
    year = run(schedule, [line(1, "20000.00"), line(2, "-10000.00"), line(3, "-5000.00")])
    assert months(year, 1, 3) == ["1000.00", "0.00", "-500.00"]
    february = year.periods[1]
    assert format_amount(february.given_back) == "1000.00 EUR"
    assert format_amount(february.cap_kept) == "1000.00 EUR"
    assert format_amount(year.total) == "500.00 EUR"


def test_encom1_year_to_date_gives_back_the_top_of_the_bands() -> None:
    # encom1 (france.md §4.9), marginal on the year's revenue: 10 %, 8 % from 35,000, 6 % from
    # 45,000. January 40,000 -> 3,900; February cancels 10,000 -> the year's bands on 30,000 are
    # 3,000, so 900 comes back (5,000 at 8 % and 5,000 at 10 %); March 20,000 -> 50,000, whose
    # bands are §4.9's worked 4,600: 1,600 more. Without giving back, March starts from 40,000.
    lines = [line(1, "40000.00"), line(2, "-10000.00"), line(3, "20000.00")]
    before = run(ENCOM1_MARGINAL, lines)
    assert months(before, 1, 3) == ["3900.00", "0.00", "1300.00"]
    assert format_amount(before.total) == "5200.00 EUR"  # the bands of 60,000: 10,000 twice
    after = run(give_back(ENCOM1_MARGINAL), lines)
    assert months(after, 1, 3) == ["3900.00", "-900.00", "1600.00"]
    assert format_amount(after.total) == "4600.00 EUR"
    assert [format_amount(b.slice) for b in after.periods[1].bands] == ["30000.00 EUR"]


def test_nothing_beyond_what_the_year_levied_comes_back() -> None:
    # January's credit note cancels an invoice of last year: this year levied nothing yet, so
    # nothing comes back (last year's levy is closed with its accounts); carried, it relieves
    # February.
    schedule = give_back(
        Schedule.flat("10%", base=Base.REVENUE, carry_forward_losses=True, currency=EUR)
    )
    year = run(schedule, [line(1, "-800.00"), line(2, "1000.00")])
    assert months(year, 1, 2) == ["0.00", "20.00"]


def test_a_scenario_gives_levies_back() -> None:
    # The statutes' choice from a scenario file: [levies] give_back_credit_notes (docs/scenario.md).
    text = """
[coop]
regime = "fr-cae-scop"
name = "CAE"
year = 2025
currency = "EUR"
[levies]
rate = "10%"
base = "revenue"
give_back_credit_notes = {flag}
[[members]]
id = "ana"
events = [{{ kind = "convention_signed", date = 2025-01-06 }}]
[[activities]]
id = "ana-design"
owner = "ana"
start = 2025-01-06
revenue = ["0", "0", "2000.00", "0", "-2000.00", "1500.00"]
"""
    catalogue = load_regimes()
    totals = {}
    for flag in ("false", "true"):
        report = evaluate_scenario(
            loads(text.format(flag=flag), name="cae.toml"),
            as_of=date(2025, 12, 31),
            catalogue=catalogue,
            journal=False,
        )
        [row] = report.levies
        totals[flag] = (format(row.months[4].amount, "f"), format_amount(row.total))
    assert totals == {"false": ("0.00", "350.00 EUR"), "true": ("-200.00", "150.00 EUR")}


# --- properties --------------------------------------------------------------------------------

CREDIT_DATA = st.lists(
    st.tuples(st.integers(1, 12), st.integers(-3_000_000, 3_000_000), st.integers(0, 500_000)),
    max_size=24,
)


def eur(units: int) -> str:
    return format(from_minor_units(units, EUR).amount, "f")


def build(data: list[tuple[int, int, int]]) -> list[Line]:
    return [line(m, eur(r), eur(c)) for m, r, c in data]


@given(schedules(per_line=False), CREDIT_DATA, st.booleans())
@example(
    schedule=Schedule.flat("10%", minimum_per_period=money("40", EUR), currency=EUR),
    data=[(1, 100_000, 0), (2, -100_000, 0)],
    given_back=True,
)
def test_levies_are_never_negative_unless_the_statutes_give_them_back(
    schedule, data, given_back
) -> None:
    schedule = attrs.evolve(schedule, give_back_credit_notes=given_back)
    year = run(schedule, build(data))
    running = 0
    for statement in year.periods:
        levy = to_minor_units(statement.levy)
        assert levy == (
            to_minor_units(statement.variable)
            + to_minor_units(statement.fixed)
            + to_minor_units(statement.floor_added)
            - to_minor_units(statement.cap_removed)
            - to_minor_units(statement.given_back)
            + to_minor_units(statement.cap_kept)
        )
        running += levy
        assert to_minor_units(statement.year_to_date) == running
        # a month is negative only when the statutes give levies back; the year never is
        assert levy >= 0 or given_back
        assert running >= 0
        if not given_back:
            assert statement.credited.amount == statement.given_back.amount == 0
    assert to_minor_units(year.total) == running
    if schedule.maximum_per_year is not None and not schedule.prorate_cap:
        assert year.total <= schedule.maximum_per_year


@given(schedules(per_line=False), CREDIT_DATA)
def test_giving_back_never_raises_a_year_on_each_months_base(
    schedule: Schedule, data: list[tuple[int, int, int]]
) -> None:
    schedule = attrs.evolve(schedule, base_period=BasePeriod.PERIOD, carry_forward_losses=False)
    lines = build(data)
    assert run(give_back(schedule), lines).total <= run(schedule, lines).total


BANDS = st.lists(st.integers(1, 6_000_000), max_size=3, unique=True).map(sorted)


@st.composite
def bare_schedules(draw: st.DrawFn, base_period: BasePeriod) -> Schedule:
    """Bands only (no fee, floor or cap), marginal, on revenue, losses carried, giving back."""
    starts = [0, *draw(BANDS)]
    rates = st.fractions(0, 1, max_denominator=1000).map(lambda f: f"{f.numerator}/{f.denominator}")
    bands = tuple(Band(from_minor_units(s, EUR), draw(rates)) for s in starts)
    if base_period is BasePeriod.PERIOD:
        bands = bands[:1]  # a flat rate: a month's bands are the year's
    return Schedule(
        bands,
        base=Base.REVENUE,
        banding=Banding.MARGINAL,
        base_period=base_period,
        carry_forward_losses=True,
        give_back_credit_notes=True,
        rounding=draw(st.sampled_from(Rounding)),
    )


@given(bare_schedules(BasePeriod.YEAR_TO_DATE), CREDIT_DATA)
@example(  # encom1's worked example: 40,000, -10,000, 20,000 is the bands of 50,000
    schedule=give_back(attrs.evolve(ENCOM1_MARGINAL, carry_forward_losses=True)),
    data=[(1, 4_000_000, 0), (2, -1_000_000, 0), (3, 2_000_000, 0)],
)
def test_year_to_date_levies_the_years_net_revenue_once(
    schedule: Schedule, data: list[tuple[int, int, int]]
) -> None:
    # Never twice, never given back twice: the year's levy is the bands on its net revenue,
    # whatever the order of invoices and credit notes (the month of one line holding it all).
    year = run(schedule, build(data))
    net = max(0, sum(r for _m, r, _c in data))
    assert year.total == run(schedule, [line(12, eur(net))]).total


@given(bare_schedules(BasePeriod.PERIOD), CREDIT_DATA)
def test_a_flat_rate_levies_the_years_net_revenue_once_to_the_cent_a_month(
    schedule: Schedule, data: list[tuple[int, int, int]]
) -> None:
    year = run(schedule, build(data))
    net = max(0, sum(r for _m, r, _c in data))
    exact = net * schedule.bands[0].rate.value
    # each month rounds once: at most a cent a month from the rate on the year's net revenue
    assert abs(to_minor_units(year.total) - exact) <= len(year.periods)
