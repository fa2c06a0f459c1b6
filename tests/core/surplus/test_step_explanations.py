"""What each step of a waterfall says about itself: its explanation, its rule, its warnings.

The general meeting reads these: the explanation of a step names what was computed, its result
(the amount the step took) and the rule it follows; a step granting less than it asked says why.
"""

from __future__ import annotations

from fractions import Fraction
from typing import ClassVar

from hypothesis import given
from hypothesis import strategies as st

from cooprules.capital import DayCount
from cooprules.explain import Citation, Severity
from cooprules.money import Money, money
from cooprules.surplus import (
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    Worker,
    WorkerShare,
    YearFigures,
    distribute,
)

# Loi n° 78-763 art. 33 3° (/work/shared/reference/france.md, SCOP item 3): the part travail
# goes to all employees with 3 months' presence or 6 months' seniority, split per the statutes
# "pro rata of salaries, pro rata of time worked, equally, or a combination".
ART_33 = Citation(instrument="Loi n° 78-763", article="art. 33", jurisdiction="FR")
S_224_7 = Citation(
    instrument="Cooperatives Act (CQLR c C-67.2)", article="s. 224.7", jurisdiction="CA-QC"
)


def eur(text: str) -> Money:
    return money(text, "EUR")


class TestInterest:
    # 10,000.00 EUR held all of a 365-day year at 3 %: 300.00 EUR.
    FIGURES = YearFigures(
        surplus=eur("1000.00"), capital_days={"capital": {"ana": 10_000_00 * 365}}, days_in_year=365
    )

    def test_the_explanation_names_the_interest_and_its_amount(self):
        result = distribute(Waterfall((Interest("interest", rate="3%"),)), self.FIGURES)
        assert result.amount("interest") == eur("300.00")
        (step,) = result.explanation.steps
        assert step.what.en == "Interest on shares, pro rata of days held"
        assert step.what.fr == "Intérêt aux parts, au prorata des jours de détention"
        assert step.result == eur("300.00")

    def test_the_explanation_of_a_cut_interest_gives_what_remained(self):
        step = Interest("interest", rate="3%")
        figures = YearFigures(
            surplus=eur("120.00"),
            capital_days={"capital": {"ana": 10_000_00 * 365}},
            days_in_year=365,
        )
        (explained,) = distribute(Waterfall((step,)), figures).explanation.steps
        assert explained.result == eur("120.00")
        assert explained.note is not None
        assert explained.note.en == "only 120.00 EUR remained of 300.00 EUR due"

    def test_an_uncapped_rate_on_figures_without_their_days_warns_365_were_assumed(self):
        # Actual/actual counts the year's actual days; figures that do not give them are read as
        # 365 days, and in a leap year that pays 366/365 of the rate: the user is told.
        figures = YearFigures(surplus=eur("1000.00"), capital_days={"capital": {"ana": 36_500_000}})
        result = distribute(Waterfall((Interest("interest", rate="3%"),)), figures)
        (warning,) = result.violations
        assert warning.code == "surplus.year_days_assumed"
        assert warning.severity is Severity.WARNING
        assert warning.subject == "interest"

    def test_a_fixed_day_count_needs_no_year_days(self):
        figures = YearFigures(surplus=eur("1000.00"), capital_days={"capital": {"ana": 36_500_000}})
        step = Interest("interest", rate="3%", day_count=DayCount.ACTUAL_365)
        assert distribute(Waterfall((step,)), figures).violations == ()


class TestReserves:
    FIGURES = YearFigures(surplus=eur("10000.00"), reserve_balances={"legal": eur("4000.00")})

    def test_the_note_says_whether_the_allocation_is_a_share_or_an_amount_decided(self):
        waterfall = Waterfall(
            (
                ToReserve("legal", reserve="legal", share="15%"),
                ToReserve("development", reserve="development", amount=eur("500.00")),
                Remainder("rest", reserve="carried_forward"),
            )
        )
        legal, development, _ = distribute(waterfall, self.FIGURES).explanation.steps
        assert legal.note is not None
        assert development.note is not None
        assert (legal.note.en, legal.note.fr) == ("share 15% of the base", "part 15% (assiette)")
        assert (development.note.en, development.note.fr) == ("amount decided", "montant décidé")

    def test_an_overflow_above_the_ceiling_is_a_reserve_allocation_of_its_own(self):
        # France, SCOP legal reserve: 15 % of the surplus until the reserve equals the highest
        # capital ever reached (loi n° 78-763 art. 33 1°); the rest goes to the fonds de
        # développement here. 15 % of 10,000 = 1,500; room under 5,000 is 1,000; 500 overflows.
        waterfall = Waterfall(
            (
                ToReserve(
                    "legal",
                    reserve="legal",
                    share="15%",
                    ceiling=eur("5000.00"),
                    overflow_to="development",
                    indivisible=False,
                ),
            )
        )
        result = distribute(waterfall, self.FIGURES)
        overflow = result.step("legal:overflow")
        assert isinstance(overflow.step, ToReserve)
        assert overflow.step.reserve == "development"
        assert overflow.amount == eur("500.00")
        assert result.to_reserves() == {"legal": eur("1000.00"), "development": eur("500.00")}
        assert result.to_reserves(indivisible_only=True) == {}


class TestRefunds:
    def test_an_average_over_years_names_the_span_first_to_last(self):
        # Quebec work co-operative: refunds on the hours averaged over the last 3 years (s.224.7).
        figures = YearFigures(
            surplus=money("900.00", "CAD"),
            measure_years={
                "hours": {
                    2023: {"ana": 600, "bo": 300},
                    2024: {"ana": 900, "bo": 300},
                    2025: {"ana": 1200, "bo": 300},
                }
            },
        )
        step = Refund(
            "refunds", measure="hours", rest=True, average_years=3, average_citation=S_224_7
        )
        result = distribute(Waterfall((step,)), figures)
        averaged, refunds = result.explanation.steps
        assert (
            averaged.what.en == "Each member's hours averaged over 3 financial year(s), 2023-2025"
        )
        assert averaged.what.fr == "hours de chaque membre en moyenne sur 3 exercice(s), 2023-2025"
        assert averaged.citation == S_224_7
        assert averaged.result == {"ana": "900", "bo": "300"}
        assert result.step("refunds").shares == {
            "ana": money("675.00", "CAD"),
            "bo": money("225.00", "CAD"),
        }
        assert refunds.result == money("900.00", "CAD")

    def test_a_refund_with_nobody_to_refund_says_so_in_both_languages(self):
        figures = YearFigures(surplus=eur("1000.00"), measures={"purchases": {"ana": 0, "bo": 0}})
        waterfall = Waterfall(
            (
                Refund("refunds", measure="purchases", share="50%"),
                Remainder("rest", reserve="carried_forward"),
            )
        )
        result = distribute(waterfall, figures)
        assert result.amount("rest") == eur("1000.00")  # the refund stays in the waterfall
        (warning,) = result.violations
        assert warning.code == "surplus.amount_cut"
        assert warning.message.en == (
            "Step refunds: 500.00 EUR asked, 0.00 EUR granted: no eligible member has any "
            "purchases, so nobody receives it; it stays in the waterfall for the steps after it."
        )
        assert warning.message.fr == (
            "Étape refunds : 500.00 EUR demandés, 0.00 EUR accordés : aucun membre admis n'a de "
            "purchases : personne ne la reçoit, elle reste dans la répartition pour les étapes "
            "suivantes."
        )


class TestWorkerShare:
    WORKERS: ClassVar[dict[str, Worker]] = {
        "ana": Worker(pay=eur("30000.00"), time=Fraction(1500)),
        "bo": Worker(pay=eur("30000.00"), time=Fraction(500)),
    }

    def test_a_split_by_time_worked_follows_the_time_alone(self):
        # Equal pay, 1,500 and 500 hours: by time worked, 3/4 and 1/4 of 1,000.00.
        figures = YearFigures(surplus=eur("1000.00"), workers=self.WORKERS)
        step = WorkerShare("worker_share", rest=True, by_pay=0, by_time=1, citation=ART_33)
        result = distribute(Waterfall((step,)), figures)
        assert result.step("worker_share").shares == {"ana": eur("750.00"), "bo": eur("250.00")}

    @given(
        times=st.lists(st.integers(0, 2000), min_size=1, max_size=5).filter(any),
        factor=st.integers(2, 50),
    )
    def test_a_split_by_time_depends_on_the_times_proportions_alone(self, times, factor):
        # Hours or days, one unit for all workers: counting in another unit (every time
        # multiplied by the same factor) changes nobody's share, and the shares add up.
        def shares(scale: int) -> dict[str, Money]:
            workers = {
                f"w{i}": Worker(pay=eur("1000.00"), time=t * scale) for i, t in enumerate(times)
            }
            figures = YearFigures(surplus=eur("1000.01"), workers=workers)
            step = WorkerShare("worker_share", rest=True, by_pay=0, by_time=1)
            return dict(distribute(Waterfall((step,)), figures).step("worker_share").shares)

        once = shares(1)
        assert once == shares(factor)
        assert sum(once.values(), eur("0")) == eur("1000.01")
        assert all(once.get(f"w{i}", eur("0")) == eur("0") for i, t in enumerate(times) if not t)

    def test_the_explanation_cites_the_statutes_rule(self):
        figures = YearFigures(surplus=eur("1000.00"), workers=self.WORKERS)
        step = WorkerShare("worker_share", share="25%", by_pay=1, by_time=1, citation=ART_33)
        result = distribute(Waterfall((step,)), figures)
        (explained,) = result.explanation.steps
        assert explained.citation == ART_33
        assert explained.result == eur("250.00")
        # Half by pay (equal), half by time (3:1): 5/8 and 3/8 of 250.00.
        assert result.step("worker_share").shares == {"ana": eur("156.25"), "bo": eur("93.75")}
