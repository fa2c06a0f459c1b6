"""The year as a whole: many activities at once, a schedule change that lowers the cap, the fee,
and the explanation of a levy given back.

Sources: the contribution is the statutes' to set (Code du travail L7331-2 2° c, "dans les
conditions prévues par les statuts"), shared/reference/france.md §4.3 and §4.9; Coopaname's
13.5 % of the gross margin with a fixed 30 EUR a month is france.md §4.9's; enDI gives the
contribution of a cancelled invoice back in the credit note's month (tests/core/levies/
test_credit_notes.py has the source).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from cooprules.levies import (
    Activity,
    ActivityKind,
    Base,
    LevyPolicy,
    Line,
    Schedule,
    levy_year,
    levy_years,
)
from cooprules.money import format_amount, money

EUR = "EUR"


def activity(activity_id: str, kind: ActivityKind = ActivityKind.SERVICES) -> Activity:
    return Activity(activity_id, owner="ana", kind=kind, start=date(2025, 1, 1), currency=EUR)


def line(activity_id: str, month: int, revenue: str, costs: str = "0") -> Line:
    return Line.month(activity_id, 2025, month, revenue=revenue, direct_costs=costs, currency=EUR)


def levies(year: object) -> list[str]:
    return [format(p.levy.amount, "f") for p in year.periods]  # type: ignore[attr-defined]


def test_a_month_line_has_no_label_unless_given() -> None:
    assert line("a1", 1, "10.00").label == ""
    labelled = Line.month("a1", 2025, 1, revenue="10.00", currency=EUR, label="invoice F-12")
    assert labelled.label == "invoice F-12"


def test_coopaname_fee_is_levied_every_month_the_activity_runs() -> None:
    # france.md §4.9: Coopaname, 13.5 % of the gross margin + 30 EUR a month. January: 13.5 % of
    # 2,500.00 = 337.50, + 30 = 367.50; each other month levies the fee alone.
    coopaname = Schedule.flat(
        "13.5%", base=Base.GROSS_MARGIN, fixed_per_period=money("30.00", EUR), currency=EUR
    )
    year = levy_year(
        activity("a1"), [line("a1", 1, "3000.00", "500.00")], LevyPolicy.single(coopaname), 2025
    )
    assert levies(year) == ["367.50"] + ["30.00"] * 11
    assert format_amount(year.periods[0].fixed) == "30.00 EUR"
    assert format_amount(year.total) == "697.50 EUR"


def test_levy_years_runs_the_calendar_year_by_default() -> None:
    schedule = Schedule.flat("10%", currency=EUR)
    (year,) = levy_years(
        [(activity("a1"), [line("a1", 1, "1000.00")])], LevyPolicy.single(schedule), 2025
    )
    assert year.year_start == date(2025, 1, 1)
    assert [p.period.start for p in year.periods][:2] == [date(2025, 1, 1), date(2025, 2, 1)]
    assert levies(year)[0] == "100.00"


@given(
    revenues=st.lists(
        st.lists(st.integers(-50_000, 500_000), min_size=12, max_size=12), min_size=1, max_size=4
    ),
    first_month=st.integers(1, 12),
)
def test_levy_years_gives_each_activity_what_levy_year_gives_it(
    revenues: list[list[int]], first_month: int
) -> None:
    # Streaming many activities shares the periods and the schedule picks; it must not change any
    # activity's statements. A fee and a cap make the months depend on one another.
    schedule = Schedule.banded(
        [("0", "12%"), ("2000", "8%")],
        fixed_per_period=money("20.00", EUR),
        maximum_per_year=money("3000.00", EUR),
        currency=EUR,
    )
    policy = LevyPolicy.single(schedule)
    items = []
    for number, cents in enumerate(revenues):
        activity_id = f"a{number}"
        lines = [
            Line.month(
                activity_id,
                2025 + (first_month + offset > 12),
                (first_month + offset - 1) % 12 + 1,
                revenue=Decimal(amount).scaleb(-2),
                currency=EUR,
            )
            for offset, amount in enumerate(cents)
        ]
        items.append((activity(activity_id), lines))
    streamed = list(levy_years(items, policy, 2025, first_month=first_month))
    alone = [levy_year(a, lines, policy, 2025, first_month=first_month) for a, lines in items]
    assert streamed == alone


def test_a_lower_cap_from_a_new_schedule_levies_nothing_more_and_gives_nothing_back() -> None:
    # The general meeting lowers the yearly cap from 1,000 to 500 from 1 July (a statute
    # change, L7331-2 c). January to June levied 6 x 150 = 900, already above the new cap: the
    # second half levies nothing, and the 400 above the new cap stays levied (a cap limits what
    # is levied; it is not a refund).
    old = Schedule.flat(
        "15%", maximum_per_year=money("1000.00", EUR), valid_until=date(2025, 7, 1), currency=EUR
    )
    new = Schedule.flat(
        "15%", maximum_per_year=money("500.00", EUR), valid_from=date(2025, 7, 1), currency=EUR
    )
    lines = [line("a1", month, "1000.00") for month in range(1, 13)]
    year = levy_year(activity("a1"), lines, LevyPolicy(default=(old, new)), 2025)
    assert levies(year) == ["150.00"] * 6 + ["0.00"] * 6
    assert [format_amount(p.cap_removed) for p in year.periods[6:]] == ["150.00 EUR"] * 6
    assert format_amount(year.total) == "900.00 EUR"


def test_the_explanation_of_a_levy_given_back_shows_what_comes_back() -> None:
    # enDI: 10 % of each document's pre-tax total; an invoice of 2,000 in March, cancelled by a
    # credit note in May: May gives back 200.
    schedule = Schedule.flat("10%", base=Base.REVENUE, give_back_credit_notes=True, currency=EUR)
    lines = [line("a1", 3, "2000.00"), line("a1", 5, "-2000.00")]
    may = levy_year(activity("a1"), lines, LevyPolicy.single(schedule), 2025).periods[4]
    step = next(s for s in may.explanation.steps if s.what.en.startswith("Given back"))
    assert {name: format_amount(value) for name, value in step.inputs} == {
        "credited base": "2000.00 EUR",
        "given back": "200.00 EUR",
        "already removed by the yearly cap": "0.00 EUR",
    }
    assert format_amount(step.result) == "-200.00 EUR"
    assert step.note is not None
    assert step.note.en == "within what the year levied above each period's fee and floor"
    assert step.note.fr == (
        "dans la limite de ce que l'exercice a prélevé au-delà de la part fixe et du minimum de "
        "chaque période"
    )
    assert format_amount(may.levy) == "-200.00 EUR"


def test_what_the_cap_kept_is_shown_against_the_levy_given_back() -> None:
    # 10 % of the revenue, capped at 150 a year: March's 2,000 levies 200, the cap keeps 150.
    # May's credit note asks 200 back; the 50 the cap removed was never paid, so 150 comes back:
    # the step's result is the month's change, 50 - 200 = -150.
    schedule = Schedule.flat(
        "10%",
        base=Base.REVENUE,
        give_back_credit_notes=True,
        maximum_per_year=money("150.00", EUR),
        currency=EUR,
    )
    lines = [line("a1", 3, "2000.00"), line("a1", 5, "-2000.00")]
    year = levy_year(activity("a1"), lines, LevyPolicy.single(schedule), 2025)
    may = year.periods[4]
    step = next(s for s in may.explanation.steps if s.what.en.startswith("Given back"))
    inputs = dict(step.inputs)
    assert format_amount(inputs["given back"]) == "200.00 EUR"  # type: ignore[arg-type]
    kept = inputs["already removed by the yearly cap"]
    assert format_amount(kept) == "50.00 EUR"  # type: ignore[arg-type]
    assert format_amount(step.result) == "-150.00 EUR"  # type: ignore[arg-type]
    assert format_amount(may.levy) == "-150.00 EUR"
    assert format_amount(year.total) == "0.00 EUR"
