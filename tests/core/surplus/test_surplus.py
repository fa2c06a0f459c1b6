"""Surplus distribution: the waterfall engine and the French and Quebec regimes' rules."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import (
    CurrencyMismatch,
    DuplicateId,
    InvalidAmount,
    InvalidInput,
    UnknownMember,
)
from cooprules.money import Money, Rate, money, to_minor_units
from cooprules.regime import bind
from cooprules.surplus import (
    Interest,
    Of,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    Worker,
    WorkerShare,
    YearFigures,
    absorb_loss,
    distribute,
)
from cooprules_adapters.be.regimes import BE_ACTIVITY, BE_CNC, BE_SCES
from cooprules_adapters.fr import surplus as fr
from cooprules_adapters.fr.regimes import FR_SCIC, FR_SCOP
from cooprules_adapters.qc import surplus as qc
from cooprules_adapters.qc.regimes import QC_COOP

# The co-ops' rules on a meeting's date: every waterfall reads its legal figures from them.
CNC = bind(BE_CNC, as_of=date(2025, 6, 30))
SCES = bind(BE_SCES, as_of=date(2025, 6, 30))
ACTIVITY = bind(BE_ACTIVITY, as_of=date(2025, 6, 30))
SCOP = bind(FR_SCOP, as_of=date(2025, 6, 30))
SCIC = bind(FR_SCIC, as_of=date(2024, 6, 30))
QC = bind(QC_COOP, as_of=date(2025, 6, 30))


def eur(text: str) -> Money:
    return money(text, "EUR")


def cad(text: str) -> Money:
    return money(text, "CAD")


def units(amount: Money) -> int:
    return to_minor_units(amount)


CAPITAL = {"capital": {"ana": 30_000_00 * 365, "bo": 20_000_00 * 365}}  # 50,000 EUR all year
WORKERS = {
    "ana": Worker(pay=eur("30000.00"), time=1600),
    "bo": Worker(pay=eur("20000.00"), time=1600),
    "cy": Worker(pay=eur("25000.00"), time=800, months_present=2, seniority_months=2),
}


def scop_figures(legal_balance: str = "20000.00") -> YearFigures:
    return YearFigures(
        surplus=eur("100000.00"),
        reserve_balances={"legal_reserve": eur(legal_balance)},
        capital_days=CAPITAL,
        workers=WORKERS,
    )


class TestScop:
    """France, loi 1978 art. 33; worked examples A to D of france.md §2.10."""

    def test_example_a(self):
        # E = 100,000; capital 50,000; legal reserve 20,000 (< 50,000, so the 15 % is due).
        waterfall = fr.scop_waterfall(
            SCOP,
            worker_share=eur("40000.00"),
            dividends=eur("10000.00"),
            highest_capital=eur("50000.00"),
        )
        result = distribute(waterfall, scop_figures())
        assert result.amount("legal_reserve") == eur("15000.00")
        assert result.amount("worker_share") == eur("40000.00")
        assert result.amount("dividends") == eur("10000.00")
        assert result.amount("development_fund") == eur("35000.00")
        assert result.violations == ()
        assert result.total == eur("100000.00")
        assert result.unallocated == eur("0.00")
        # Dividends pro rata of capital: 30,000 / 20,000.
        assert result.step("dividends").shares == {"ana": eur("6000.00"), "bo": eur("4000.00")}
        # Worker share to the two who qualify (cy: 2 months present, 2 of seniority).
        assert set(result.step("worker_share").shares) == {"ana", "bo"}
        assert result.step("worker_share").shares["ana"] == eur("24000.00")

    def test_example_b_maximum_dividends(self):
        best = fr.scop_max_dividends(scop_figures())
        assert best == eur("33333.33")
        waterfall = fr.scop_waterfall(
            SCOP, worker_share=best, dividends=best, highest_capital=eur("50000.00")
        )
        result = distribute(waterfall, scop_figures())
        assert result.violations == ()
        assert result.amount("legal_reserve") + result.amount("development_fund") == eur("33333.34")
        one_cent_more = fr.scop_waterfall(
            SCOP, worker_share=best, dividends=eur("33333.34"), highest_capital=eur("50000.00")
        )
        codes = {v.code for v in distribute(one_cent_more, scop_figures()).violations}
        # 33,333.34 is above T = 33,333.33 and above L + F = 33,333.33.
        assert codes == {"fr.scop.dividends_above_worker_share", "fr.scop.dividends_above_reserves"}

    def test_example_c_legal_reserve_full(self):
        # Legal reserve at the ceiling: L = 0, the 15 % goes to the development fund; with
        # T = 40,000 the largest dividend is 30,000.
        figures = scop_figures(legal_balance="50000.00")
        assert fr.scop_max_dividends(figures, worker_share=eur("40000.00")) == eur("30000.00")
        waterfall = fr.scop_waterfall(
            SCOP,
            worker_share=eur("40000.00"),
            dividends=eur("30000.00"),
            highest_capital=eur("50000.00"),
        )
        result = distribute(waterfall, figures)
        assert result.amount("legal_reserve") == eur("0.00")
        assert result.amount("legal_reserve:overflow") == eur("15000.00")
        assert result.violations == ()

    def test_example_d_minimum_worker_share(self):
        assert fr.scop_max_dividends(scop_figures(), worker_share=eur("25000.00")) == eur(
            "25000.00"
        )

    def test_a_scop_with_100000_gets_a_violation_for_an_illegal_split(self):
        # Worker share below 25 % and dividends above it: both reported, with art. 33.
        waterfall = fr.scop_waterfall(
            SCOP,
            worker_share=eur("20000.00"),
            dividends=eur("30000.00"),
            highest_capital=eur("50000.00"),
        )
        result = distribute(waterfall, scop_figures())
        codes = sorted(v.code for v in result.violations)
        assert codes == [
            "fr.scop.dividends_above_worker_share",
            "fr.scop.worker_share_below_minimum",
        ]
        assert all(v.citation.article.startswith("art. 33") for v in result.violations)
        assert result.total == eur("100000.00")


class TestQuebec:
    """Quebec, Cooperatives Act ss. 143, 146 and 224.7; worked examples 1 to 4 of quebec.md §Q7."""

    def figures(self, equity: str) -> YearFigures:
        return YearFigures(
            surplus=cad("105000.00"),
            deductions={"interest on preferred shares": cad("5000.00")},
            measures={"purchases": {"A": 500_000, "B": 300_000, "C": 200_000}},
            equity=cad(equity),
            debts=cad("1000000.00"),
        )

    def test_example_1_equity_below_40_percent(self):
        figures = self.figures("250000.00")  # 25 % of debts
        assert qc.equity_below_threshold(figures, Rate.of("40%"))
        waterfall = qc.waterfall(
            QC,
            figures,
            measure="purchases",
            refunds_in_shares=Rate(Fraction(1, 9)),
            second_ten_percent_to="refunds_in_shares",
        )
        result = distribute(waterfall, figures)
        assert figures.base == cad("100000.00")
        assert result.amount("reserve") == cad("10000.00")
        refunds = result.step("refunds")
        assert refunds.amount == cad("90000.00")
        assert refunds.shares == {"A": cad("45000.00"), "B": cad("27000.00"), "C": cad("18000.00")}
        assert refunds.in_shares == {"A": cad("5000.00"), "B": cad("3000.00"), "C": cad("2000.00")}
        assert result.violations == ()

    def test_below_40_percent_forces_20_percent(self):
        figures = self.figures("250000.00")
        result = distribute(qc.waterfall(QC, figures, measure="purchases"), figures)
        assert result.amount("reserve") == cad("20000.00")
        assert result.step("refunds").amount == cad("80000.00")
        assert result.violations == ()

    def test_all_cash_refunds_with_only_10_percent_reserve_is_a_violation(self):
        figures = self.figures("250000.00")
        waterfall = qc.waterfall(
            QC, figures, measure="purchases", second_ten_percent_to="refunds_in_shares"
        )
        codes = [v.code for v in distribute(waterfall, figures).violations]
        assert codes == ["qc.s146.below_20"]

    def test_example_2_equity_above_40_percent(self):
        figures = self.figures("400000.00")
        assert not qc.equity_below_threshold(figures, Rate.of("40%"))
        result = distribute(qc.waterfall(QC, figures, measure="purchases"), figures)
        assert result.amount("reserve") == cad("10000.00")
        assert result.violations == ()

    def test_example_3_refunds_by_hours(self):
        # Work co-op, s.224.7: $30,000 over 4,000 hours = $7.50 an hour.
        figures = YearFigures(
            surplus=cad("30000.00"), measures={"hours": {"W1": 1800, "W2": 1500, "W3": 700}}
        )
        waterfall = Waterfall((Refund("refunds", measure="hours", rest=True),))
        shares = distribute(waterfall, figures).step("refunds").shares
        assert shares == {"W1": cad("13500.00"), "W2": cad("11250.00"), "W3": cad("5250.00")}

    def test_example_4_reserve_roll_forward_and_loss(self):
        # s.145: 0 + 1,000 - 500 + 800 = 1,300. A loss is charged to the reserve.
        charged, left, _ = absorb_loss(cad("-500.00"), ["reserve"], {"reserve": cad("1000.00")})
        assert charged == {"reserve": cad("500.00")}
        assert left == cad("0.00")
        charged, left, _ = absorb_loss(
            cad("700.00"),
            ["enhancement", "reserve"],
            {"enhancement": cad("200.00"), "reserve": cad("300.00")},
        )
        assert charged == {"enhancement": cad("200.00"), "reserve": cad("300.00")}
        assert left == cad("200.00")

    def test_no_refund_to_supporting_members(self):
        figures = YearFigures(
            surplus=cad("1000.00"),
            measures={"business": {"u": 1, "w": 1, "s": 1}},
            categories={"u": "user", "w": "worker", "s": "supporting"},
        )
        waterfall = qc.waterfall(QC, figures, measure="business", eligible={"user", "worker"})
        refunds = distribute(waterfall, figures).step("refunds")
        assert set(refunds.shares) == {"u", "w"}
        missing = YearFigures(surplus=cad("1000.00"), measures={"business": {"x": 1}})
        with pytest.raises(UnknownMember, match="x"):
            distribute(qc.waterfall(QC, missing, measure="business", eligible={"user"}), missing)


class TestEngine:
    def test_interest_pro_rata_of_days_held(self):
        # A member who sold half her shares on 1 July earns interest for the days held.
        days = {"capital": {"ana": 1000_00 * 181 + 500_00 * 184, "bo": 1000_00 * 365}}
        figures = YearFigures(surplus=eur("1000.00"), capital_days=days)
        waterfall = Waterfall((Interest("interest", rate="5%"), Remainder("rest", reserve="r")))
        shares = distribute(waterfall, figures).step("interest").shares
        assert shares["bo"] == eur("50.00")
        assert shares["ana"] == eur("37.40")  # 5 % x (1000 x 181 + 500 x 184) / 365

    def test_interest_above_its_cap_is_a_violation(self):
        figures = YearFigures(
            surplus=eur("1000.00"), capital_days={"capital": {"a": 1000_00 * 365}}, days_in_year=365
        )
        waterfall = Waterfall((Interest("interest", rate="5%", cap="3%"),))
        (violation,) = distribute(waterfall, figures).violations
        assert violation.code == "surplus.interest_rate_above_cap"  # the rate itself, a year

    def test_a_rate_above_the_cap_is_reported_even_when_nobody_holds_shares(self):
        # The cap is checked on the annual rate, so an overshoot can never hide in rounding or
        # in an empty register (issue 11: one interest, the cap checked on the annual rate).
        figures = YearFigures(surplus=eur("1000.00"), capital_days={"capital": {"a": 0}})
        waterfall = Waterfall((Interest("interest", rate="5.01%", cap="5%"),))
        (violation,) = distribute(waterfall, figures).violations
        assert violation.code == "surplus.interest_rate_above_cap"
        at_cap = Waterfall((Interest("interest", rate="5%", cap="5%"),))
        assert distribute(at_cap, figures).violations == ()

    def test_a_holder_of_every_day_of_a_leap_year_gets_the_annual_rate(self):
        # 10,000.00 held all of 2024 (366 days) at 5 %: 500.00, never 366/365 of it (501.37).
        figures = YearFigures(
            surplus=eur("1000.00"),
            capital_days={"capital": {"a": 10_000_00 * 366}},
            days_in_year=366,
        )
        waterfall = Waterfall((Interest("interest", rate="5%", cap="5%"),))
        result = distribute(waterfall, figures)
        assert result.amount("interest") == eur("500.00")
        assert result.violations == ()
        actual_365 = Waterfall((Interest("interest", rate="5%", days_in_year=365),))
        assert distribute(actual_365, figures).amount("interest") == eur("501.37")

    def test_bad_input(self):
        with pytest.raises(InvalidAmount):
            YearFigures(surplus=money(0.5, "EUR"))  # type: ignore[arg-type]
        with pytest.raises(CurrencyMismatch, match="deductions"):
            YearFigures(surplus=eur("1.00"), deductions={"x": cad("1.00")})
        with pytest.raises(InvalidInput, match="exactly one"):
            ToReserve("r", reserve="r")
        with pytest.raises(DuplicateId):
            Waterfall((Remainder("a", reserve="r"), Remainder("a", reserve="r")))
        with pytest.raises(InvalidInput, match="remainder comes last"):
            Waterfall((Remainder("a", reserve="r"), ToReserve("b", reserve="r", rest=True)))
        with pytest.raises(InvalidInput, match="absorb_loss"):
            distribute(Waterfall((Remainder("a", reserve="r"),)), YearFigures(surplus=eur("-1.00")))
        with pytest.raises(InvalidInput, match="measures"):
            distribute(
                Waterfall((Refund("x", measure="purchases", rest=True),)),
                YearFigures(surplus=eur("1.00")),
            )

    def test_worker_share_with_seniority(self):
        figures = YearFigures(
            surplus=eur("1000.00"),
            workers={
                "new": Worker(pay=eur("1000.00"), time=1, seniority_months=6),
                "old": Worker(pay=eur("1000.00"), time=1, seniority_months=120),
            },
        )
        waterfall = Waterfall(
            (WorkerShare("t", rest=True, seniority_coefficient=2, seniority_full_months=120),)
        )
        shares = distribute(waterfall, figures).step("t").shares
        # weights 1.05 and 2: 1000 x 1.05 / 3.05 and 1000 x 2 / 3.05.
        assert shares == {"new": eur("344.26"), "old": eur("655.74")}


amounts = st.integers(min_value=0, max_value=10**10)
measures = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d", "e"]),
    st.integers(min_value=0, max_value=10**6),
    min_size=1,
)


@given(amounts, measures, st.integers(0, 100), st.integers(0, 100))
def test_every_cent_is_allocated_and_none_created(surplus, business, reserve, refund):
    figures = YearFigures(
        surplus=money(f"{surplus // 100}.{surplus % 100:02d}", "EUR"),
        measures={"business": business},
        capital_days={"capital": {k: v * 365 for k, v in business.items()}},
    )
    waterfall = Waterfall(
        (
            ToReserve("reserve", reserve="reserve", share=Rate(Fraction(reserve, 100))),
            Interest("interest", rate="3%"),
            Refund(
                "refunds", measure="business", share=Rate(Fraction(refund, 100)), of=Of.REMAINING
            ),
            Remainder("rest", reserve="other"),
        )
    )
    result = distribute(waterfall, figures)
    assert units(result.total) == surplus
    assert result.unallocated == eur("0.00")
    for step in result.steps:
        assert units(step.amount) >= 0
        if step.shares:
            assert sum(units(v) for v in step.shares.values()) == units(step.amount)
    # Independent of the order of members.
    reordered = YearFigures(
        surplus=figures.surplus,
        measures={"business": dict(reversed(list(business.items())))},
        capital_days={"capital": dict(reversed(list(figures.capital_days["capital"].items())))},
    )
    again = distribute(waterfall, reordered)
    for first, second in zip(result.steps, again.steps, strict=True):
        assert first.amount == second.amount
        assert dict(first.shares) == dict(second.shares)


def test_work_measure_averaged_over_up_to_four_years():
    # Quebec s.224.7: the scale of work may be averaged over the last four financial years.
    years = [{"W1": 1800, "W2": 1500}, {"W1": 1600, "W2": 1500}, {"W1": 2000}]
    assert qc.work_measure(years) == {"W1": Fraction(1800), "W2": Fraction(1000)}
    with pytest.raises(InvalidInput, match="four financial years"):
        qc.work_measure([{"W1": 1}] * 5)
    with pytest.raises(InvalidInput, match="at least one year"):
        qc.work_measure([])
    figures = YearFigures(surplus=cad("2800.00"), measures={"hours": qc.work_measure(years)})
    shares = (
        distribute(Waterfall((Refund("r", measure="hours", rest=True),)), figures).step("r").shares
    )
    assert shares == {"W1": cad("1800.00"), "W2": cad("1000.00")}


def test_scop_worker_share_split_as_the_statutes_choose():
    # Loi 1978 art. 33 3°: the statutes split the worker share by pay, by time worked, equally or
    # by a mix, with a seniority coefficient of at most 2.
    equal = fr.scop_waterfall(
        SCOP, worker_share=eur("40000.00"), highest_capital=eur("50000.00"), split=(0, 0, 1)
    )
    shares = distribute(equal, scop_figures()).step("worker_share").shares
    assert shares == {"ana": eur("20000.00"), "bo": eur("20000.00")}
    by_pay = fr.scop_waterfall(SCOP, worker_share=eur("40000.00"), highest_capital=eur("50000.00"))
    shares = distribute(by_pay, scop_figures()).step("worker_share").shares
    assert shares == {"ana": eur("24000.00"), "bo": eur("16000.00")}
    with pytest.raises(InvalidInput, match="seniority_coefficient"):
        fr.scop_waterfall(
            SCOP, worker_share=eur("1.00"), highest_capital=eur("1.00"), seniority_coefficient=3
        )
