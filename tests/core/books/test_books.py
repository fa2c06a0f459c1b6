"""Each activity's books (cooprules.books): the treasury month by month, pooled costs, payroll."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from cooprules.books import (
    ActivityBooks,
    Books,
    PayRequest,
    PayRule,
    activity_books,
    pooled_charges,
    statement,
)
from cooprules.errors import CurrencyMismatch, InvalidInput
from cooprules.explain import Severity, Text
from cooprules.levies import Activity, ActivityKind, Line, month_periods
from cooprules.money import Rate, format_amount, from_minor_units, money, to_minor_units
from cooprules.periods import Period
from cooprules.plugins import get_plugin_manager, get_regime, load_regimes, salary_envelope
from cooprules.pooling import AllocationKey, PooledCost
from cooprules.scenario import ScenarioError, loads
from cooprules_adapters.scenario import evaluate_scenario

PERIODS = month_periods(2025)
YEAR = Period(PERIODS[0].start, PERIODS[-1].end)
FIGURES = ("revenue", "direct_costs", "levy", "pooled", "salary", "charges")


def eur(text: str) -> object:
    return money(text, "EUR")


def activity(ident: str = "a1", start: date = date(2024, 1, 1)) -> Activity:
    return Activity(ident, "ana", ActivityKind.SERVICES, start, currency="EUR")


def envelope(request):
    return salary_envelope(get_plugin_manager(), request)


def identity_holds(books: ActivityBooks) -> None:
    """closing = opening + revenue - costs - levy - pooled - salary - charges, month after month."""
    opening = to_minor_units(books.opening)
    for month in books.months:
        assert to_minor_units(month.opening) == opening
        units = {f: to_minor_units(getattr(month, f)) for f in FIGURES}
        expected = opening + units["revenue"] - sum(units[f] for f in FIGURES[1:])
        assert to_minor_units(month.closing) == expected
        opening = expected
    assert books.closing == books.months[-1].closing
    assert books.result == books.closing - books.opening


# --- worked examples --------------------------------------------------------------------------


def test_opening_revenue_and_costs_roll_forward_month_by_month():
    lines = [Line("a1", p, eur("1000.00"), eur("100.00")) for p in PERIODS[:2]]
    books = activity_books(activity(), PERIODS, opening=eur("50.00"), lines=lines)
    assert [format_amount(m.closing) for m in books.months[:3]] == [
        "950.00 EUR",
        "1850.00 EUR",
        "1850.00 EUR",
    ]
    assert format_amount(books.result) == "1800.00 EUR"
    assert format_amount(books.total("direct_costs")) == "200.00 EUR"
    assert books.violations == ()
    identity_holds(books)


def test_a_negative_treasury_is_a_warning_naming_the_month_and_the_lowest_balance():
    lines = [
        Line("a1", PERIODS[0], eur("100.00"), eur("400.00")),
        Line("a1", PERIODS[1], eur("0.00"), eur("100.00")),
        Line("a1", PERIODS[2], eur("900.00"), eur("0.00")),
    ]
    books = activity_books(activity(), PERIODS, opening=eur("120.00"), lines=lines)
    (warning,) = books.violations
    assert (warning.code, warning.severity) == ("books.negative_treasury", Severity.WARNING)
    assert "2025-01 (-180.00 EUR)" in warning.message.en
    assert "-280.00 EUR in 2025-02" in warning.message.en
    assert "2 mois" in warning.message.fr


def test_zero_is_not_negative():
    lines = [Line("a1", PERIODS[0], eur("100.00"), eur("100.00"))]
    assert activity_books(activity(), PERIODS, lines=lines).violations == ()


def test_items_of_another_activity_or_currency_are_refused():
    with pytest.raises(InvalidInput, match="books of 'a1'"):
        activity_books(activity(), PERIODS, lines=[Line("a2", PERIODS[0], eur("1"), eur("0"))])
    other = Period(date(2026, 1, 1), date(2026, 2, 1))
    with pytest.raises(InvalidInput, match="not a month"):
        activity_books(activity(), PERIODS, lines=[Line("a1", other, eur("1"), eur("0"))])
    with pytest.raises(CurrencyMismatch):
        activity_books(activity(), PERIODS, opening=money("1.00", "CAD"))


def test_pay_needs_the_regime_and_a_payroll_plug_in():
    pay = PayRequest("ana", PayRule.FIXED, Rate.of("25%"), eur("1000.00"))
    with pytest.raises(InvalidInput, match="payroll plug-in"):
        activity_books(activity(), PERIODS, pay=pay)
    with pytest.raises(InvalidInput, match="monthly gross"):
        PayRequest("ana", PayRule.FIXED, Rate.of("25%"))
    with pytest.raises(InvalidInput, match="not negative"):
        PayRequest("ana", PayRule.FIXED, Rate.of("25%"), eur("-1.00"))
    with pytest.raises(InvalidInput, match="no payroll plug-in computes"):
        activity_books(
            activity(),
            PERIODS,
            pay=pay,
            regime=get_regime("fr-cae-scop"),
            envelope=lambda _request: None,
        )


def test_a_cae_salary_worked_example_f_l7332_3():
    """Reference France 4.10, worked example F (Code du travail L7332-3, R7331-11, R7331-12).

    Revenue excl. VAT 40,000, direct costs 4,000, contribution 10 % of revenue = 4,000: 32,000
    is available for the employment cost. A fixed part of 1,600 gross a month at 25 % employer
    contributions costs 2,000 a month, 24,000 a year: the year-end variable part is 8,000.
    """
    revenue = ["3000.00"] * 10 + ["5000.00"] * 2
    scenario = _cae_scenario(revenue, gross="1600.00", rate="25%")
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=load_regimes())
    books = report.books.of("a1")
    assert books.total("revenue") == eur("40000.00")
    assert books.total("direct_costs") == eur("4000.00")
    assert books.total("levy") == eur("4000.00")
    assert [format_amount(m.charges) for m in books.months] == ["400.00 EUR"] * 12
    envelope_ = books.payroll.envelope
    assert envelope_.available == eur("32000.00")
    assert envelope_.fixed_part == eur("24000.00")
    assert books.variable_due == eur("8000.00")
    # What the activity keeps once the variable part is paid: nothing (a CAE entrepreneur
    # cannot capitalise the activity's profit: Opteos, reference France 4.8).
    assert books.closing == eur("8000.00")
    assert books.kept == eur("0.00")
    identity_holds(books)


def _cae_scenario(revenue, *, gross, rate, rule="fixed", events=None, opening="0.00"):
    events = (
        events
        or '{ kind = "convention_signed", date = 2024-01-01 }, '
        '{ kind = "employed", date = 2024-06-01 }'
    )
    costs = ", ".join(f'"{int(float(r) / 10)}.00"' for r in revenue)
    months = ", ".join(f'"{r}"' for r in revenue)
    gross_line = f'gross = "{gross}"' if gross is not None else ""
    return loads(
        f"""
[coop]
regime = "fr-cae-scop"
name = "CAE"
year = 2025
[levies]
rate = "10%"
base = "revenue"
[[members]]
id = "ana"
events = [{events}]
[[activities]]
id = "a1"
owner = "ana"
start = 2024-01-01
opening_balance = "{opening}"
revenue = [{months}]
direct_costs = [{costs}]
[[payroll]]
member = "ana"
activity = "a1"
{gross_line}
rule = "{rule}"
employer_rate = "{rate}"
""",
        name="cae.toml",
    )


def test_a_cape_pays_no_salary_the_cesa_does_l7331_2():
    """A CAPE holder is not an entrepreneur-employee (Code du travail L7331-2): no salary until the
    CESA; the months before stay blocked in the activity."""
    events = (
        '{ kind = "convention_signed", date = 2025-01-01 }, '
        '{ kind = "employed", date = 2025-04-01 }'
    )
    scenario = _cae_scenario(["3000.00"] * 12, gross="1000.00", rate="20%", events=events)
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=load_regimes())
    books = report.books.of("a1")
    pay = books.payroll
    assert [m.paid for m in pay.months] == [False] * 3 + [True] * 9
    assert [format_amount(m.salary) for m in books.months[:4]] == [
        "0.00 EUR",
        "0.00 EUR",
        "0.00 EUR",
        "1000.00 EUR",
    ]
    # Three months of 3,000 less 300 costs and 300 levy stay blocked.
    assert pay.blocked == eur("7200.00")
    # The year's envelope covers the CESA's nine months: 9 x 2,400 available, 9 x 1,200 paid.
    assert pay.envelope.available == eur("21600.00")
    assert pay.variable_part == eur("10800.00")
    codes = {v.code: v for v in books.violations}
    assert codes["payroll.no_salary_in_status"].citation.article == "art. L7331-2"
    assert codes["books.salary_refused"].severity is Severity.WARNING
    assert "3 month(s)" in codes["books.salary_refused"].message.en
    identity_holds(books)


def test_the_affordable_rule_pays_what_the_treasury_allows_and_no_more():
    revenue = ["1000.00", "0.00", "5000.00"] + ["2000.00"] * 9
    scenario = _cae_scenario(revenue, gross="1800.00", rate="30%", rule="affordable")
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=load_regimes())
    books = report.books.of("a1")
    jan, feb, mar = books.months[:3]
    # January: 1,000 - 100 - 100 = 800 for gross + 30 %: 615.38 gross, 184.61 charges.
    assert (jan.salary, jan.charges, jan.closing) == (eur("615.38"), eur("184.61"), eur("0.01"))
    # February earns nothing: the cent left is paid (its charges round to zero).
    assert (feb.salary, feb.charges, feb.closing) == (eur("0.01"), eur("0.00"), eur("0.00"))
    # March: at most the 1,800 gross stated.
    assert mar.salary == eur("1800.00")
    assert all(m.closing.amount >= 0 for m in books.months)
    assert not [v for v in books.violations if v.code == "books.negative_treasury"]
    identity_holds(books)


def test_a_belgian_candidate_is_refused_a_salary_with_its_citation():
    """Loi 2007 art. 80: the candidate keeps their benefits; the result stays blocked."""
    scenario = loads(
        """
[coop]
regime = "be-activity"
name = "Coop"
year = 2025
[levies]
rate = "10%"
[[members]]
id = "ana"
birth_date = 1990-01-01
facts = { unemployment_days_18_months = 200 }
events = [
  { kind = "applied", date = 2024-12-01 },
  { kind = "convention_signed", date = 2025-01-01 },
]
[[activities]]
id = "a1"
owner = "ana"
start = 2025-01-01
revenue = ["1000.00", "2000.00"]
direct_costs = ["100.00", "200.00"]
[[payroll]]
member = "ana"
activity = "a1"
gross = "1500.00"
employer_rate = "27%"
""",
        name="be.toml",
    )
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=load_regimes())
    books = report.books.of("a1")
    assert books.total("salary") == eur("0.00")
    assert books.payroll.envelope is None
    # 900 + 1,800 less 10 % of the gross margin: 810 + 1,620.
    assert books.payroll.blocked == eur("2430.00") == books.result
    codes = {v.code: v for v in report.violations}
    assert codes["payroll.no_salary_during_convention"].citation.instrument.startswith("Loi")
    assert "12 month(s)" in codes["books.salary_refused"].message.en


def test_books_of_names_the_known_activities():
    books = Books((activity_books(activity(), PERIODS),))
    assert books.of("a1").activity == "a1"
    with pytest.raises(InvalidInput, match=r"\(a1\)"):
        books.of("zz")
    with pytest.raises(InvalidInput, match="one of"):
        books.of("a1").total("profit")


def test_the_statement_in_english_and_french_markdown_and_text():
    lines = [Line("a1", PERIODS[0], eur("1000.00"), eur("100.00"))]
    charge = pooled_charges(
        [
            (
                PooledCost(
                    "rent/2025-01",
                    Text(en="Rent", fr="Loyer"),
                    eur("90.00"),
                    PERIODS[0],
                    AllocationKey.HEADCOUNT,
                ),
                PERIODS[0],
            )
        ],
        headcount={"rent/2025-01": ["a1"]},
    )
    books = activity_books(activity(), PERIODS, lines=lines, charges=charge)
    md = statement(books, coop="Coop")
    assert md.startswith("# Statement of activity a1 (ana) — Coop")
    assert "| 2025-01 | 0.00 | 1000.00 | 100.00 | 0.00 | 90.00 | 0.00 | 0.00 | 810.00 |" in md
    assert "| rent | headcount | 90.00 |" in md
    fr = statement(books, lang="fr", fmt="text")
    assert fr.startswith("Relevé de l'activité a1 (ana)")
    assert "Résultat de l'exercice" in fr
    assert "|" not in fr


# --- pooled costs through the scenario ----------------------------------------------------------

SCENARIO = """
[coop]
regime = "be-activity"
name = "Coop"
year = 2025
[levies]
rate = "10%"
[[members]]
id = "ana"
birth_date = 1990-01-01
facts = { unemployment_days_18_months = 200 }
events = [
  { kind = "applied", date = 2024-01-01 },
  { kind = "convention_signed", date = 2024-02-01 },
]
[[activities]]
id = "a1"
owner = "ana"
start = 2024-02-01
revenue = ["3000.00", "1000.00"]
[[activities]]
id = "a2"
owner = "ana"
start = 2024-02-01
revenue = ["1000.00", "1000.00"]
[[activities]]
id = "a3"
owner = "ana"
start = 2025-02-01
revenue = ["0.00", "2000.00"]
"""


def books_of(extra: str) -> Books:
    scenario = loads(SCENARIO + extra, name="pool.toml")
    report = evaluate_scenario(scenario, as_of=date(2025, 12, 31), catalogue=load_regimes())
    assert report.books is not None
    return report.books


def test_every_key_charges_its_cost_to_the_cent():
    books = books_of(
        """
[[pooled_costs]]
code = "desk"
amount = "100.00"
key = "usage"
weights = { a1 = 2, a2 = 1 }
months = [1]
[[pooled_costs]]
code = "books"
amount = "100.00"
key = "headcount"
months = [1, 2]
[[pooled_costs]]
code = "cover"
amount = "100.00"
key = "revenue"
months = [1]
weights_over = "year"
[[pooled_costs]]
code = "portal"
amount = "10.00"
key = "margin"
months = [2]
activities = ["a1", "a2"]
[[pooled_costs]]
code = "soft"
amount = "0.01"
key = "fixed"
weights = { a1 = 1, a2 = 1 }
months = [3]
"""
    )
    charged = {(c.cost, c.activity): format_amount(c.amount) for c in books.charges}
    assert charged[("desk/2025-01", "a1")] == "66.67 EUR"
    assert charged[("desk/2025-01", "a2")] == "33.33 EUR"
    # Headcount: the activities running that month (a3 starts in February).
    assert ("books/2025-01", "a3") not in charged
    assert charged[("books/2025-02", "a3")] == "33.33 EUR"
    # The year's revenue: 4,000, 2,000, 2,000 (a3 shares January's premium by its year).
    assert charged[("cover/2025-01", "a1")] == "50.00 EUR"
    assert charged[("cover/2025-01", "a3")] == "25.00 EUR"
    assert ("portal/2025-02", "a3") not in charged
    assert charged[("portal/2025-02", "a1")] == "5.00 EUR"
    # A cent between two equal weights goes to one of them only.
    assert sorted(v for (c, _), v in charged.items() if c == "soft/2025-03") == [
        "0.00 EUR",
        "0.01 EUR",
    ]
    for cost in books.costs:
        assert sum(c.amount for c in books.charges if c.cost == cost.code) == cost.amount
    assert books.of("a3").months[0].pooled == eur("25.00")
    assert books.of("a3").months[0].period == PERIODS[0]


def test_a_margin_key_with_no_margin_in_its_month_names_the_cost():
    with pytest.raises(InvalidInput, match=r"pooled_costs\[portal/2025-03\]"):
        books_of(
            '[[pooled_costs]]\ncode = "portal"\namount = "10.00"\nkey = "margin"\nmonths = [3]\n'
        )


@pytest.mark.parametrize(
    ("extra", "path", "reason"),
    [
        (
            'code = "x"\namount = "1.00"\nkey = "usage"\n',
            "pooled_costs[0].weights",
            "needs weights",
        ),
        (
            'code = "x"\namount = "1.00"\nkey = "headcount"\nweights = { a1 = 1 }\n',
            "pooled_costs[0].weights",
            "takes no weights",
        ),
        (
            'code = "x"\namount = "1.00"\nkey = "fixed"\nweights = { zz = 1 }\n',
            "pooled_costs[0].activities",
            "not an activity",
        ),
        (
            'code = "x"\namount = "1.00"\nkey = "fixed"\nweights = { a1 = -1 }\n',
            "pooled_costs[0].weights.a1",
            "not negative",
        ),
        ('code = "x"\namount = "-1.00"\nkey = "headcount"\n', "pooled_costs[0].amount", "negative"),
        ('code = "x"\namount = "1.001"\nkey = "headcount"\n', "pooled_costs[0].amount", "minor"),
        ('code = "x"\namount = 1.5\nkey = "headcount"\n', "pooled_costs[0].amount", "float"),
        ('code = "x"\namount = "1.00"\nkey = "weight"\n', "pooled_costs[0].key", "one of usage"),
        (
            'code = "x"\namount = "1.00"\nkey = "headcount"\nmonths = [13]\n',
            "pooled_costs[0].months[0]",
            "1..12",
        ),
        (
            'code = "x"\namount = "1.00"\nkey = "headcount"\nmonths = [2, 2]\n',
            "pooled_costs[0].months[1]",
            "once",
        ),
        ('code = "a/b"\namount = "1.00"\nkey = "headcount"\n', "pooled_costs[0].code", "no '/'"),
        ('code = "x"\namount = "1.00"\nkey = "headcount"\ncolour = 1\n', "colour", "unknown key"),
    ],
)
def test_bad_pooled_costs_name_the_file_the_path_and_the_value(extra, path, reason):
    with pytest.raises(ScenarioError, match=r"pool\.toml") as error:
        loads(SCENARIO + "[[pooled_costs]]\n" + extra, name="pool.toml")
    assert path in str(error.value)
    assert reason in str(error.value)


def test_two_costs_with_one_code_are_refused():
    one = '[[pooled_costs]]\ncode = "x"\namount = "1.00"\nkey = "headcount"\n'
    with pytest.raises(ScenarioError, match=r"pooled_costs\[1\]\.code"):
        loads(SCENARIO + one + one, name="pool.toml")


def test_pooled_costs_need_activities():
    text = '[coop]\nregime = "be-cnc"\nname = "C"\nyear = 2025\n'
    text += '[[pooled_costs]]\ncode = "x"\namount = "1.00"\nkey = "headcount"\n'
    with pytest.raises(ScenarioError, match="the scenario has none"):
        loads(text, name="c.toml")


@pytest.mark.parametrize(
    ("extra", "path", "reason"),
    [
        (
            'member = "zz"\nactivity = "a1"\ngross = "1.00"\nemployer_rate = "1%"\n',
            "payroll[0].member",
            "not a member",
        ),
        (
            'member = "ana"\nactivity = "zz"\ngross = "1.00"\nemployer_rate = "1%"\n',
            "payroll[0].activity",
            "not an activity",
        ),
        (
            'member = "ana"\nactivity = "a1"\nemployer_rate = "1%"\n',
            "payroll[0].gross",
            "monthly gross",
        ),
        (
            'member = "ana"\nactivity = "a1"\ngross = "-1.00"\nemployer_rate = "1%"\n',
            "payroll[0].gross",
            "not negative",
        ),
        (
            'member = "ana"\nactivity = "a1"\ngross = "1.00"\n',
            "payroll[0].employer_rate",
            "required",
        ),
        (
            'member = "ana"\nactivity = "a1"\nrule = "whatever"\nemployer_rate = "1%"\n',
            "payroll[0].rule",
            "fixed, affordable",
        ),
    ],
)
def test_bad_payroll_names_the_file_the_path_and_the_value(extra, path, reason):
    with pytest.raises(ScenarioError, match=r"pool\.toml") as error:
        loads(SCENARIO + "[[payroll]]\n" + extra, name="pool.toml")
    assert path in str(error.value)
    assert reason in str(error.value)


def test_one_payroll_entry_per_activity():
    one = '[[payroll]]\nmember = "ana"\nactivity = "a1"\ngross = "1.00"\nemployer_rate = "1%"\n'
    with pytest.raises(ScenarioError, match=r"payroll\[1\]\.activity.*one payroll entry"):
        loads(SCENARIO + one + one, name="pool.toml")


def test_an_opening_balance_below_the_cent_is_refused():
    text = SCENARIO.replace('id = "a2"', 'id = "a2"\nopening_balance = "1.005"')
    with pytest.raises(ScenarioError, match=r"activities\[1\]\.opening_balance"):
        loads(text, name="pool.toml")


def test_an_older_file_has_books_with_no_pooled_costs_nor_payroll():
    books = books_of("")
    assert books.costs == ()
    assert [b.payroll for b in books.activities] == [None, None, None]
    assert books.of("a1").opening == eur("0.00")


# --- properties ---------------------------------------------------------------------------------

cents = st.integers(min_value=-500_000, max_value=500_000)
positive = st.integers(min_value=0, max_value=500_000)


@st.composite
def months(draw):
    count = draw(st.integers(min_value=1, max_value=12))
    return [(draw(cents), draw(positive), draw(positive)) for _ in range(count)]


@given(
    figures=months(),
    opening=cents,
    first_month=st.integers(min_value=1, max_value=12),
    year=st.sampled_from([2024, 2025, 2028]),
)
@example(figures=[(0, 0, 0)], opening=0, first_month=2, year=2024)
def test_closing_is_opening_plus_every_flow_every_month(figures, opening, first_month, year):
    periods = month_periods(year, first_month=first_month)
    lines = [
        Line("a1", periods[i], from_minor_units(r, "EUR"), from_minor_units(c, "EUR"))
        for i, (r, c, _) in enumerate(figures)
    ]
    costs = [
        (
            PooledCost(
                f"p/{i}",
                Text(en="p", fr="p"),
                from_minor_units(p, "EUR"),
                periods[i],
                AllocationKey.FIXED,
            ),
            periods[i],
        )
        for i, (_, _, p) in enumerate(figures)
    ]
    charges = pooled_charges(costs, fixed={f"p/{i}": {"a1": 1, "a2": 2} for i in range(12)})
    books = activity_books(
        activity(start=date(2020, 1, 1)),
        periods,
        opening=from_minor_units(opening, "EUR"),
        lines=lines,
        charges=[c for c in charges if c.activity == "a1"],
    )
    identity_holds(books)
    for cost, _ in costs:
        assert sum(c.amount for c in charges if c.cost == cost.code) == cost.amount
    negative = any(m.closing.amount < 0 for m in books.months)
    assert negative == any(v.code == "books.negative_treasury" for v in books.violations)


@settings(max_examples=20)  # each month asks the payroll plug-in a few envelopes
@given(
    revenue=st.lists(st.integers(min_value=0, max_value=900_000), min_size=12, max_size=12),
    rate=st.integers(min_value=0, max_value=60),
    cap=st.one_of(st.none(), st.integers(min_value=0, max_value=400_000)),
)
@example(revenue=[1] * 12, rate=45, cap=None)
def test_the_affordable_salary_never_overdraws_and_adds_up(revenue, rate, cap):
    lines = [
        Line("a1", p, from_minor_units(r, "EUR"), from_minor_units(0, "EUR"))
        for p, r in zip(PERIODS, revenue, strict=True)
    ]
    pay = PayRequest(
        "ana",
        PayRule.AFFORDABLE,
        Rate.of(f"{rate}%"),
        from_minor_units(cap, "EUR") if cap is not None else None,
    )
    books = activity_books(
        activity(),
        PERIODS,
        lines=lines,
        pay=pay,
        regime=get_regime("fr-cae-scop"),
        envelope=envelope,
        status=lambda _day: None,
    )
    identity_holds(books)
    assert all(m.closing.amount >= 0 for m in books.months)
    if cap is not None:
        assert all(to_minor_units(m.salary) <= cap for m in books.months)
    year = books.payroll.envelope
    assert year.fixed_part == books.total("salary") + books.total("charges")
    assert year.variable_part == year.available - year.fixed_part
