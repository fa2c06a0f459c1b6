"""Bad figures and bad steps are refused, each error naming the field, the value and the reason.

A user who gets one of these errors must find the faulty entry in their data from the message
alone: the field (a dotted path into the figures or the waterfall), the value as given, and what
is wrong with it, in plain words (STYLE.md, "bad input gets a typed exception naming field and
value").
"""

from __future__ import annotations

import pytest

from cooprules.errors import CurrencyMismatch, InvalidInput, InvalidRate, UnknownMember
from cooprules.money import Money, money
from cooprules.surplus import (
    Interest,
    Refund,
    Remainder,
    Waterfall,
    Worker,
    YearFigures,
    average_measures,
    distribute,
    measure_average,
)


def eur(text: str) -> Money:
    return money(text, "EUR")


class TestTheFigures:
    def test_a_surplus_that_is_no_money_names_the_surplus(self):
        with pytest.raises(InvalidInput) as caught:
            YearFigures(surplus="1000.00")  # type: ignore[arg-type]
        error = caught.value
        assert (error.field, error.value) == ("surplus", "1000.00")
        assert str(error) == "surplus: expected a Money (got '1000.00')"

    def test_a_loss_is_refused_by_distribute_naming_the_surplus_and_the_way_out(self):
        figures = YearFigures(surplus=eur("-250.00"))
        with pytest.raises(InvalidInput) as caught:
            distribute(Waterfall((Remainder("rest", reserve="carried_forward"),)), figures)
        error = caught.value
        assert (error.field, error.value) == ("surplus", "-250.00 EUR")
        assert str(error) == (
            "surplus: a loss is absorbed, not distributed: use absorb_loss() (got '-250.00 EUR')"
        )

    def test_a_deduction_turning_the_base_negative_is_refused_as_a_loss(self):
        # The base is the surplus less the deductions (Quebec s.143: interest on preferred
        # shares is paid first); a base below zero is a loss to absorb.
        figures = YearFigures(surplus=eur("100.00"), deductions={"preferred": eur("100.01")})
        with pytest.raises(InvalidInput) as caught:
            distribute(Waterfall((Remainder("rest", reserve="carried_forward"),)), figures)
        assert (caught.value.field, caught.value.value) == ("surplus", "-0.01 EUR")

    @pytest.mark.parametrize("days", [-1, True, "36500"])
    def test_capital_days_must_be_non_negative_ints(self, days: object):
        figures = YearFigures(
            surplus=eur("1000.00"), capital_days={"class_b": {"ana": 36500, "bo": days}}
        )
        with pytest.raises(InvalidInput) as caught:
            distribute(Waterfall((Interest("i", rate="2%", capital="class_b"),)), figures)
        error = caught.value
        assert (error.field, error.value) == ("capital_days[class_b][bo]", days)
        assert error.reason == "a non-negative int"
        assert str(error).startswith("capital_days[class_b][bo]: a non-negative int (got ")

    def test_a_workers_time_must_be_exact(self):
        with pytest.raises(InvalidRate) as caught:
            Worker(pay=eur("20000.00"), time=1607.5)  # type: ignore[arg-type]
        error = caught.value
        assert (error.field, error.value) == ("worker.time", 1607.5)
        assert str(error).startswith("worker.time: float is not exact")


class TestTheSteps:
    @pytest.mark.parametrize(
        ("rate", "amount"), [(None, None), ("3%", eur("100.00"))], ids=["neither", "both"]
    )
    def test_interest_takes_exactly_one_of_a_rate_or_an_amount(self, rate, amount):
        with pytest.raises(InvalidInput) as caught:
            Interest("interest", rate=rate, amount=amount)
        error = caught.value
        assert error.field == "step[interest]"
        assert set(error.value) == {"rate", "amount"}
        assert error.value["amount"] == amount
        assert (error.value["rate"] is None) == (rate is None)
        assert error.reason == "give exactly one of rate or amount"
        assert str(error).startswith("step[interest]: give exactly one of rate or amount (got ")

    def test_refunds_in_shares_decided_in_another_currency_are_refused(self):
        figures = YearFigures(surplus=eur("1000.00"), measures={"purchases": {"ana": 1}})
        step = Refund("refunds", measure="purchases", rest=True, in_shares=money("10.00", "USD"))
        with pytest.raises(CurrencyMismatch) as caught:
            distribute(Waterfall((step,)), figures)
        error = caught.value
        assert (error.field, error.value) == ("step[refunds].in_shares", "USD")
        assert str(error) == "step[refunds].in_shares: the surplus is in EUR (got 'USD')"

    def test_a_refund_restricted_to_categories_needs_every_measured_members_category(self):
        figures = YearFigures(
            surplus=eur("1000.00"),
            measures={"purchases": {"ana": 3, "bo": 1, "cy": 2}},
            categories={"ana": "user"},
        )
        step = Refund("refunds", measure="purchases", rest=True, eligible={"user"})
        with pytest.raises(UnknownMember) as caught:
            distribute(Waterfall((step,)), figures)
        error = caught.value
        assert (error.field, error.value) == ("categories[bo]", "bo")  # the first, sorted
        assert str(error) == (
            "categories[bo]: the refund is restricted to categories; give every measured "
            "member's (got 'bo')"
        )

    def test_asking_a_distribution_for_a_step_it_has_not_names_the_steps_it_has(self):
        figures = YearFigures(surplus=eur("1000.00"))
        result = distribute(Waterfall((Remainder("rest", reserve="carried_forward"),)), figures)
        with pytest.raises(InvalidInput) as caught:
            result.step("legal")
        error = caught.value
        assert (error.field, error.value) == ("step", "legal")
        assert str(error) == "step: no such step; steps: ['rest'] (got 'legal')"


class TestAverages:
    # Quebec work co-operatives may average the work over up to four financial years (s.224.7,
    # /work/shared/reference/quebec.md row 11).
    FIGURES = YearFigures(
        surplus=money("0", "CAD"),
        measure_years={"hours": {2024: {"ana": 1000, "bo": 800}, 2025: {"ana": 1200}}},
    )

    @pytest.mark.parametrize("years", [0, -4, True, "2"])
    def test_the_years_of_an_average_are_a_whole_number_at_least_one(self, years: object):
        with pytest.raises(InvalidInput) as caught:
            measure_average(self.FIGURES, "hours", years)  # type: ignore[arg-type]
        error = caught.value
        assert (error.field, error.value) == ("average_years", years)
        assert str(error).startswith("average_years: a number of years, at least 1 (got ")

    def test_one_year_is_a_valid_average_the_years_own_measure(self):
        averages, years = measure_average(self.FIGURES, "hours", 1)
        assert years == (2025,)
        assert averages == {"ana": 1200}

    def test_an_average_with_no_year_of_measures_names_the_measure(self):
        figures = YearFigures(surplus=money("0", "CAD"))
        with pytest.raises(InvalidInput) as caught:
            measure_average(figures, "hours", 2)
        error = caught.value
        assert (error.field, error.value) == ("measure_years[hours]", None)
        assert str(error) == "measure_years[hours]: no year of measures is given (got None)"

    def test_a_negative_measure_names_its_year_and_member(self):
        with pytest.raises(InvalidInput) as caught:
            average_measures([{"ana": 1800}, {"ana": 1600, "bo": -5}], field="hours")
        error = caught.value
        assert (error.field, error.value) == ("hours[1][bo]", -5)
        assert str(error) == "hours[1][bo]: must not be negative (got -5)"

    def test_an_inexact_measure_names_its_year_and_member(self):
        with pytest.raises(InvalidRate) as caught:
            average_measures([{"ana": 1800.5}])
        error = caught.value
        assert (error.field, error.value) == ("measures[0][ana]", 1800.5)
