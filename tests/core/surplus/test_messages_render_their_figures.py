"""Each message of a distribution says its figures, and each refused input names its field.

The general meeting reads the English sentences as they are rendered: the warning of a refund in
shares cut to the refunds names both amounts, the explanation of a refund lists what it read
under the names it is shown with, and an error names the entry at fault (STYLE.md). Every figure
here is worked out by hand; everything is built in the test body.
"""

from __future__ import annotations

import pytest

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidAmount, InvalidInput, InvalidRate
from cooprules.explain import Citation, Severity
from cooprules.money import Money, Rate, money
from cooprules.surplus import (
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    WorkerShare,
    YearFigures,
    distribute,
    measure_average,
)

TEN_THOUSAND_A_YEAR = 10_000_00 * 365  # capital-days: 10,000.00 EUR held every day of 365
ART_16 = Citation(instrument="Loi n° 47-1775", article="art. 16", jurisdiction="FR")


def eur(text: str) -> Money:
    return money(text, "EUR")


class TestRefunds:
    def test_refunds_in_shares_above_the_refunds_are_cut_naming_both_amounts(self):
        # 100.00 EUR of refunds; the meeting decided 150.00 EUR of them in shares: all 100.00.
        figures = YearFigures(surplus=eur("1000.00"), measures={"purchases": {"ana": 3, "bo": 1}})
        step = Refund("refunds", measure="purchases", amount=eur("100.00"), in_shares=eur("150.00"))
        result = distribute(Waterfall((step,)), figures).step("refunds")
        (warning,) = result.violations
        assert (warning.code, warning.severity) == (
            "surplus.refunds_in_shares_cut",
            Severity.WARNING,
        )
        assert warning.message.en == (
            "150.00 EUR of refunds in shares were decided; the refunds are 100.00 EUR, all of it "
            "paid in shares."
        )
        assert result.in_shares == {"ana": eur("75.00"), "bo": eur("25.00")}

    def test_the_explanation_of_a_refund_lists_its_target_its_members_and_its_shares(self):
        figures = YearFigures(surplus=eur("1000.00"), measures={"purchases": {"ana": 3, "bo": 1}})
        step = Refund("refunds", measure="purchases", amount=eur("100.00"), in_shares="10%")
        (explained,) = distribute(Waterfall((step,)), figures).step("refunds").explanation.steps
        assert explained.what.en == "Refunds in proportion to purchases"
        assert dict(explained.inputs) == {
            "target": eur("100.00"),
            "members": 2,
            "paid in shares": Rate.of("10%"),
        }
        assert explained.result == eur("100.00")

    def test_refunds_in_shares_below_the_cent_name_the_field(self):
        with pytest.raises(InvalidAmount) as caught:
            Refund("r", measure="m", rest=True, in_shares=eur("1.005"))
        error = caught.value
        assert (error.field, error.value) == ("refund.in_shares", "1.005 EUR")

    def test_measures_given_as_exact_text_split_exactly(self):
        # 1.5 and 0.5: three quarters and a quarter of 100.00 EUR.
        figures = YearFigures(
            surplus=eur("1000.00"), measures={"purchases": {"ana": "1.5", "bo": "0.5"}}
        )
        step = Refund("refunds", measure="purchases", amount=eur("100.00"))
        result = distribute(Waterfall((step,)), figures).step("refunds")
        assert result.shares == {"ana": eur("75.00"), "bo": eur("25.00")}

    def test_an_inexact_measure_names_the_measure_and_the_member(self):
        figures = YearFigures(surplus=eur("1000.00"), measures={"purchases": {"ana": 1.5, "bo": 1}})
        with pytest.raises(InvalidRate) as caught:
            distribute(Waterfall((Refund("refunds", measure="purchases", rest=True),)), figures)
        error = caught.value
        assert (error.field, error.value) == ("measures[purchases][ana]", 1.5)
        assert error.reason == "float is not exact; pass a str, an int or a Decimal"

    def test_an_inexact_measure_of_an_averaged_year_names_the_measure_the_year_and_member(self):
        figures = YearFigures(
            surplus=eur("0.00"), measure_years={"hours": {2024: {"ana": 10}, 2025: {"ana": 1.5}}}
        )
        with pytest.raises(InvalidRate) as caught:
            measure_average(figures, "hours", 2)
        error = caught.value
        assert (error.field, error.value) == ("measure_years[hours][1][ana]", 1.5)

    def test_a_refund_of_nothing_gives_nobody_a_share(self):
        figures = YearFigures(surplus=eur("0.00"), measures={"purchases": {"ana": 3, "bo": 1}})
        result = distribute(
            Waterfall((Refund("refunds", measure="purchases", rest=True),)), figures
        )
        assert result.step("refunds").shares == {}
        assert result.amount("refunds") == eur("0.00")


class TestInterest:
    def test_interest_without_the_years_days_warns_that_365_were_assumed(self):
        figures = YearFigures(surplus=eur("1000.00"), capital_days={"capital": {"ana": 36500}})
        result = distribute(Waterfall((Interest("i", rate="3%", cap="5%"),)), figures).step("i")
        (warning,) = result.violations
        assert warning.code == "surplus.year_days_assumed"
        assert warning.message.en == (
            "The financial year's days are not given (YearFigures.year or days_in_year): 365 "
            "assumed; in a leap year interest would be 366/365 of the rate and its cap."
        )

    def test_capped_interest_explains_its_rounding_and_has_no_note_when_paid_in_full(self):
        # 10,000.00 EUR held 365 days of 365 at 3 %: 300.00 EUR, within the cap of 5 %.
        figures = YearFigures(
            surplus=eur("1000.00"),
            capital_days={"capital": {"ana": TEN_THOUSAND_A_YEAR}},
            days_in_year=365,
        )
        result = distribute(Waterfall((Interest("i", rate="3%", cap="5%"),)), figures).step("i")
        (explained,) = result.explanation.steps
        assert dict(explained.inputs) == {
            "rate": Rate.of("3%"),
            "capital-days (minor units x days)": TEN_THOUSAND_A_YEAR,
            "day count": "actual/actual (365 days)",
            "cap (a year)": Rate.of("5%"),
            "rounding": "half-up, never above the cap",
        }
        assert explained.result == eur("300.00")
        assert explained.note is None
        assert result.violations == ()

    def test_a_rate_equal_to_its_cap_is_within_it(self):
        # 10,000.00 EUR held all year at 5 %, the cap: 500.00 EUR, no violation.
        figures = YearFigures(
            surplus=eur("1000.00"),
            capital_days={"capital": {"ana": TEN_THOUSAND_A_YEAR}},
            days_in_year=365,
        )
        result = distribute(Waterfall((Interest("i", rate="5%", cap="5%"),)), figures).step("i")
        assert result.amount == eur("500.00")
        assert result.violations == ()

    def test_a_rate_above_its_cap_is_reported_with_both_rates(self):
        # 10,000.00 EUR held all year at 6 %: 600.00 EUR paid, the rate above the cap of 5 %.
        figures = YearFigures(
            surplus=eur("1000.00"),
            capital_days={"capital": {"ana": TEN_THOUSAND_A_YEAR}},
            days_in_year=365,
        )
        result = distribute(Waterfall((Interest("i", rate="6%", cap="5%"),)), figures).step("i")
        assert result.amount == eur("600.00")
        (violation,) = result.violations
        assert (violation.code, violation.severity, violation.subject) == (
            "surplus.interest_rate_above_cap",
            Severity.ERROR,
            "i",
        )
        assert violation.message.en == "The interest rate 6% a year is above the cap of 5% a year."

    def test_interest_cut_to_what_remains_notes_what_was_paid_and_what_was_due(self):
        # 300.00 EUR due at 3 % on 10,000.00 EUR; only 120.00 EUR remain.
        figures = YearFigures(
            surplus=eur("120.00"),
            capital_days={"capital": {"ana": TEN_THOUSAND_A_YEAR}},
            days_in_year=365,
        )
        result = distribute(Waterfall((Interest("i", rate="3%"),)), figures).step("i")
        assert result.amount == eur("120.00")
        (explained,) = result.explanation.steps
        assert explained.note is not None
        assert explained.note.en == "only 120.00 EUR remained of 300.00 EUR due"

    def test_an_interest_amount_decided_is_split_by_capital_days(self):
        # 100.00 EUR decided; ana held three times bo's capital-days: 75.00 and 25.00.
        figures = YearFigures(
            surplus=eur("1000.00"),
            capital_days={"capital": {"ana": 3 * TEN_THOUSAND_A_YEAR, "bo": TEN_THOUSAND_A_YEAR}},
            days_in_year=365,
        )
        result = distribute(Waterfall((Interest("i", amount=eur("100.00")),)), figures).step("i")
        assert result.amount == eur("100.00")
        assert result.shares == {"ana": eur("75.00"), "bo": eur("25.00")}

    def test_an_unknown_day_count_names_the_field_and_the_choices(self):
        with pytest.raises(InvalidInput) as caught:
            Interest("i", rate="3%", day_count="bogus")
        error = caught.value
        assert (error.field, error.value) == ("step.day_count", "bogus")
        assert error.reason == "one of ['actual/365', 'actual/actual', 'actual/360']"

    def test_an_interest_amount_that_is_no_money_names_the_step(self):
        with pytest.raises(InvalidInput) as caught:
            Interest("i", amount="100")  # type: ignore[arg-type]
        error = caught.value
        assert (error.field, error.value, error.reason) == (
            "step[i].amount",
            "100",
            "expected a Money",
        )

    def test_an_interest_amount_below_the_cent_names_the_step(self):
        with pytest.raises(InvalidAmount) as caught:
            Interest("i", amount=eur("1.005"))
        assert (caught.value.field, caught.value.value) == ("step[i].amount", "1.005 EUR")


class TestReserves:
    def test_a_reserve_at_its_ceiling_explains_the_allocation_and_the_overflow(self):
        figures = YearFigures(surplus=eur("1000.00"))
        step = ToReserve(
            "legal",
            reserve="legal",
            amount=eur("300.00"),
            ceiling=eur("100.00"),
            overflow_to="free",
            citation=ART_16,
        )
        result = distribute(Waterfall((step,)), figures)
        legal, overflow = (s for r in result.steps for s in r.explanation.steps)
        assert legal.what.en == "Allocation to legal"
        assert dict(legal.inputs) == {
            "target": eur("300.00"),
            "balance": eur("0.00"),
            "ceiling": eur("100.00"),
        }
        assert legal.result == eur("100.00")
        assert legal.citation == ART_16
        assert legal.note is not None
        assert legal.note.en == "amount decided"
        assert overflow.what.en == "Above the ceiling of legal: to free"
        assert dict(overflow.inputs) == {"overflow": eur("200.00")}
        assert overflow.result == eur("200.00")
        assert result.step("legal").step is step
        assert result.step("legal").overflow == eur("200.00")

    def test_a_reserve_by_share_notes_its_share(self):
        figures = YearFigures(surplus=eur("1000.00"))
        step = ToReserve("legal", reserve="legal", share="15%")
        (explained,) = distribute(Waterfall((step,)), figures).step("legal").explanation.steps
        assert explained.note is not None
        assert explained.note.en == "share 15% of the base"
        assert explained.result == eur("150.00")

    def test_the_remainder_explains_where_it_goes(self):
        figures = YearFigures(surplus=eur("1000.00"))
        waterfall = Waterfall(
            (
                ToReserve("legal", reserve="legal", amount=eur("100.00")),
                Remainder("rest", reserve="carried_forward"),
            )
        )
        result = distribute(waterfall, figures)
        (explained,) = result.step("rest").explanation.steps
        assert explained.what.en == "Remainder to carried_forward"
        assert dict(explained.inputs) == {"remaining": eur("900.00")}
        assert result.amount("rest") == eur("900.00")


class TestCuts:
    def test_a_share_asking_one_cent_more_than_remains_is_cut_and_said(self):
        figures = YearFigures(surplus=eur("99.99"), measures={"purchases": {"ana": 1}})
        step = Refund("refunds", measure="purchases", amount=eur("100.00"))
        result = distribute(Waterfall((step,)), figures).step("refunds")
        assert result.amount == eur("99.99")
        (warning,) = result.violations
        assert warning.code == "surplus.amount_cut"
        assert warning.message.en == (
            "Step refunds: 100.00 EUR asked, 99.99 EUR granted: a step never takes more than what "
            "remains of the surplus after the steps before it."
        )

    def test_a_worker_share_asking_more_than_remains_takes_what_remains(self):
        figures = YearFigures(surplus=eur("50.00"), measures={"pay": {"ana": 1}})
        step = WorkerShare("workers", amount=eur("60.00"))
        result = distribute(Waterfall((step,)), figures)
        assert result.step("workers").step is step


class TestTheWaterfallAndTheFigures:
    def test_two_steps_with_one_code_are_refused_naming_the_codes(self):
        with pytest.raises(DuplicateId) as caught:
            Waterfall((Remainder("a", reserve="x"), Remainder("a", reserve="y")))
        error = caught.value
        assert (error.field, error.value, error.reason) == (
            "waterfall.steps",
            ["a", "a"],
            "step codes must be unique",
        )

    def test_a_deduction_that_is_no_money_names_it(self):
        with pytest.raises(InvalidInput) as caught:
            YearFigures(surplus=eur("1.00"), deductions={"preferred": "1"})  # type: ignore[dict-item]
        error = caught.value
        assert (error.field, error.value, error.reason) == (
            "deductions[preferred]",
            "1",
            "expected a Money",
        )

    def test_a_deduction_in_another_currency_names_it(self):
        with pytest.raises(CurrencyMismatch) as caught:
            YearFigures(surplus=eur("1.00"), deductions={"preferred": money("1.00", "USD")})
        error = caught.value
        assert (error.field, error.value, error.reason) == (
            "deductions[preferred]",
            "USD",
            "the surplus is in EUR",
        )

    def test_a_zero_surplus_is_distributed_and_a_step_it_lacks_took_nothing(self):
        result = distribute(
            Waterfall((Remainder("rest", reserve="carried_forward"),)),
            YearFigures(surplus=eur("0.00")),
        )
        assert result.amount("rest") == eur("0.00")
        assert result.amount("legal") == eur("0.00")

    def test_a_step_a_distribution_lacks_took_nothing(self):
        result = distribute(
            Waterfall((Remainder("rest", reserve="carried_forward"),)),
            YearFigures(surplus=eur("10.00")),
        )
        assert result.amount("legal") == eur("0.00")
        assert result.amount("rest") == eur("10.00")
