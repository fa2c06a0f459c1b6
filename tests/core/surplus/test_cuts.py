"""A step that grants less than it asked says so (issue 12 point 12): ``surplus.amount_cut``.

The rule of the cuts is the waterfall's own (``cooprules.surplus``, module docstring): "A step
never takes more than what remains", and a refund or a worker share is split over the members or
workers who qualify, so with nobody to receive it it takes nothing and what it would take stays
in the waterfall for the steps after it. The SCOP's worker share goes to the employees who qualify
(loi 1978 art. 33 3°: three months' presence or six months' seniority,
shared/reference/france.md).
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from cooprules.explain import Severity
from cooprules.money import Money, Rate, format_amount, from_minor_units, money, to_minor_units
from cooprules.periods import Period
from cooprules.plugins import load_regimes
from cooprules.regime import bind
from cooprules.scenario import loads
from cooprules.surplus import (
    Distribution,
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    Worker,
    YearFigures,
    distribute,
)
from cooprules_adapters.fr import surplus as fr
from cooprules_adapters.fr.regimes import FR_SCOP
from cooprules_adapters.scenario import evaluate_scenario

SCOP = bind(FR_SCOP, as_of=date(2025, 6, 30))


def eur(text: str) -> Money:
    return money(text, "EUR")


def cuts(result: Distribution) -> list[tuple[str, str]]:
    return [(v.subject, v.message.en) for v in result.violations if v.code == "surplus.amount_cut"]


def test_ristournes_cut_to_what_remains_say_so() -> None:
    # 10,000 of surplus, 15 % to the legal reserve: 8,500 remain. The meeting decides 9,000 of
    # refunds: the step takes 8,500 (the waterfall's rule) and, now, says so.
    waterfall = Waterfall(
        (
            ToReserve("legal", reserve="legal_reserve", share=Rate.of("15%")),
            Refund("refunds", measure="purchases", amount=eur("9000.00")),
            Remainder("rest", reserve="other_reserves"),
        )
    )
    result = distribute(
        waterfall,
        YearFigures(surplus=eur("10000.00"), measures={"purchases": {"ana": 3, "bo": 1}}),
    )
    assert format_amount(result.amount("refunds")) == "8500.00 EUR"  # before and after
    [warning] = [v for v in result.violations if v.code == "surplus.amount_cut"]
    assert warning.severity is Severity.WARNING
    assert warning.subject == "refunds"
    assert warning.message.en == (
        "Step refunds: 9000.00 EUR asked, 8500.00 EUR granted: a step never takes more than "
        "what remains of the surplus after the steps before it."
    )
    assert "9000.00 EUR demandés, 8500.00 EUR accordés" in warning.message.fr


def test_a_scop_with_no_workers_says_its_worker_share_is_zero() -> None:
    # Art. 33 3°: the worker share goes to the employees who qualify. None does: the 25 % asked
    # (25,000.00 of 100,000.00) is granted 0.00 and stays in the waterfall, for the development
    # fund. Before, the result only said the share was below 25 % (an error), not why.
    waterfall = fr.scop_waterfall(
        SCOP, worker_share=Rate.of("25%"), highest_capital=eur("1000000.00")
    )
    result = distribute(waterfall, YearFigures(surplus=eur("100000.00")))
    assert format_amount(result.amount("worker_share")) == "0.00 EUR"
    assert format_amount(result.amount("development_fund")) == "85000.00 EUR"
    [warning] = [v for v in result.violations if v.code == "surplus.amount_cut"]
    assert warning.subject == "worker_share"
    assert warning.message.en.startswith(
        "Step worker_share: 25000.00 EUR asked, 0.00 EUR granted: no employee qualifies "
        "(at least 3 months present or 6 months' seniority"
    )
    assert warning.citation is not None
    assert warning.citation.article == "art. 33 3°"
    assert "fr.scop.worker_share_below_minimum" in {v.code for v in result.violations}


def test_workers_who_do_not_qualify_are_nobody_to_share_among() -> None:
    # Two months present and four months' seniority: below both of art. 33 3°'s conditions.
    waterfall = fr.scop_waterfall(
        SCOP, worker_share=eur("30000.00"), highest_capital=eur("1000000.00")
    )
    newcomer = Worker(pay=eur("4000.00"), time=300, months_present=2, seniority_months=4)
    result = distribute(waterfall, YearFigures(surplus=eur("100000.00"), workers={"zoe": newcomer}))
    assert cuts(result) == [
        (
            "worker_share",
            (
                "Step worker_share: 30000.00 EUR asked, 0.00 EUR granted: no employee qualifies "
                "(at least 3 months present or 6 months' seniority, with pay or time to share "
                "by), so nobody receives it; it stays in the waterfall for the steps after it."
            ),
        )
    ]
    qualified = Worker(pay=eur("4000.00"), time=300, months_present=3, seniority_months=4)
    result = distribute(
        waterfall, YearFigures(surplus=eur("100000.00"), workers={"zoe": qualified})
    )
    assert cuts(result) == []
    assert format_amount(result.amount("worker_share")) == "30000.00 EUR"


def test_a_refund_with_no_eligible_member_says_so() -> None:
    waterfall = Waterfall(
        (
            Refund("refunds", measure="hours", share=Rate.of("40%"), eligible={"worker"}),
            Remainder("rest", reserve="reserve"),
        )
    )
    figures = YearFigures(
        surplus=eur("5000.00"), measures={"hours": {"ana": 10}}, categories={"ana": "user"}
    )
    [(subject, message)] = cuts(distribute(waterfall, figures))
    assert subject == "refunds"
    assert message.startswith(
        "Step refunds: 2000.00 EUR asked, 0.00 EUR granted: no eligible member has any hours"
    )


def test_no_warning_when_the_step_gets_what_it_asked() -> None:
    # The module's own example; all that remains (rest=True) is what it asks; a reserve's
    # ceiling is no silent cut (its overflow is reported and goes on).
    waterfall = Waterfall(
        (
            ToReserve(
                "legal",
                reserve="legal_reserve",
                share=Rate.of("15%"),
                ceiling=eur("1000.00"),
                overflow_to="fund",
            ),
            Refund("refunds", measure="purchases", share=Rate.of("50%")),
            Refund("more", measure="purchases", rest=True),
        )
    )
    figures = YearFigures(
        surplus=eur("10000.00"),
        measures={"purchases": {"ana": 3, "bo": 1}},
        reserve_balances={"legal_reserve": eur("900.00")},
    )
    result = distribute(waterfall, figures)
    assert result.violations == ()
    assert format_amount(result.amount("legal:overflow")) == "1400.00 EUR"


def test_a_scenario_reports_the_cut() -> None:
    # A SCOP whose meeting decides a worker share while no member has `work`: the report's
    # violations carry the warning (docs/scenario.md, `work`).
    text = """
[coop]
regime = "fr-scop"
name = "SCOP"
year = 2025
currency = "EUR"
[[members]]
id = "ana"
events = [{ kind = "admitted", date = 2020-01-06, category = "employee" }]
[accounts]
surplus = "40000.00"
highest_capital = "100000.00"
[distribution]
date = 2026-06-12
options = { worker_share = "10000.00" }
"""
    report = evaluate_scenario(
        loads(text, name="scop.toml"),
        as_of=date(2026, 6, 30),
        catalogue=load_regimes(),
        journal=False,
    )
    found = [v for v in report.violations if v.code == "surplus.amount_cut"]
    assert [v.subject for v in found] == ["worker_share"]
    assert "10000.00 EUR asked, 0.00 EUR granted" in found[0].message.en


@given(st.integers(0, 10**8), st.integers(0, 10**8), st.integers(0, 100))
def test_a_cut_is_said_exactly_when_a_step_gets_less_than_asked(surplus, asked, reserve) -> None:
    # Whatever the figures, the refund gets min(asked, remaining), and warns iff that is less.
    waterfall = Waterfall(
        (
            ToReserve("legal", reserve="legal_reserve", share=Rate.of(f"{reserve}%")),
            Refund("refunds", measure="purchases", amount=from_minor_units(asked, "EUR")),
            Remainder("rest", reserve="other_reserves"),
        )
    )
    figures = YearFigures(
        surplus=from_minor_units(surplus, "EUR"), measures={"purchases": {"ana": 1, "bo": 2}}
    )
    result = distribute(waterfall, figures)
    remaining = surplus - to_minor_units(result.amount("legal"))
    granted = to_minor_units(result.amount("refunds"))
    assert granted == min(asked, remaining)
    said = cuts(result)
    assert bool(said) == (granted < asked)
    if said:
        shown = format_amount(from_minor_units(asked, "EUR"))
        assert f"{shown} asked, {format_amount(result.amount('refunds'))} granted" in said[0][1]


def test_interest_cut_to_what_remains_says_so() -> None:
    # 6 % on 10,000.00 held all of 2025 is 600.00; after a 15 % reserve only 340.00 remain of a
    # 400.00 surplus: the interest is cut to 340.00 (split pro rata, nobody above their due) and
    # the result says so, naming both amounts.
    figures = YearFigures(
        surplus=money("400.00", "EUR"),
        capital_days={"capital": {"ana": 6_000_00 * 365, "bo": 4_000_00 * 365}},
        year=Period(date(2025, 1, 1), date(2026, 1, 1)),
    )
    waterfall = Waterfall(
        (
            ToReserve("legal", reserve="legal", share=Rate.of("15%")),
            Interest("interest", rate="6%", cap="6%"),
            Remainder("rest", reserve="other"),
        )
    )
    result = distribute(waterfall, figures)
    assert result.amount("interest") == money("340.00", "EUR")
    (cut,) = result.violations
    assert (cut.code, cut.severity, cut.subject) == (
        "surplus.amount_cut",
        Severity.WARNING,
        "interest",
    )
    assert "600.00 EUR asked, 340.00 EUR granted" in cut.message.en
    shares = result.step("interest").shares
    assert shares["ana"] == money("204.00", "EUR")
    assert shares["bo"] == money("136.00", "EUR")
