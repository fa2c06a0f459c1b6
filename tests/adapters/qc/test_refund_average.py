"""A work co-op's refunds by the work done averaged over several years (Cooperatives Act s.224.7).

S.224.7 [SRC], http://legisquebec.gouv.qc.ca/en/showversion/cs/C-67.2?code=se:224_7&pointInTime=20180313
(quebec.md, worked example 3): the refunds of a work co-op follow the work done (hours, pay or
another scale), which may be averaged over up to the last 4 financial years. The 4 is the law
file's ``qc.refund_average_max_years``; the statutes choose their years with
``qc.refund_average_years``.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import InvalidInput, InvalidParameter
from cooprules.money import money
from cooprules.periods import Period
from cooprules.regime import Statutes, bind
from cooprules.surplus import YearFigures, distribute, measure_average
from cooprules_adapters.qc import surplus as qc
from cooprules_adapters.qc.regimes import QC_PRODUCER, QC_WORK
from cooprules_adapters.qc.sources import Keys

LAW_YEARS = QC_WORK.value(Keys.refund_average_max_years, date(2026, 3, 28))  # s.224.7: 4

YEAR = Period(date(2025, 1, 1), date(2026, 1, 1))
MEETING = date(2026, 3, 28)


def cad(text: str) -> object:
    return money(text, "CAD")


def rules(years: int | None, regime=QC_WORK):
    values = {} if years is None else {"qc.refund_average_years": years}
    return bind(regime, Statutes(regime.code, values=values), as_of=MEETING)


def figures(history: dict[int, dict[str, int]], surplus: str = "30000.00") -> YearFigures:
    # Equity above 40 % of debts: s.146 does not apply, the meeting's refunds take the surplus.
    return YearFigures(
        surplus=cad(surplus),
        measures={"hours": history[max(history)]},
        measure_years={"hours": history},
        year=YEAR,
        equity=cad("100000.00"),
        debts=cad("100000.00"),
    )


def refunds(rule_set, facts: YearFigures):
    split = qc.build(rule_set, {"measure": "hours", "refunds": "rest"}, facts)
    return distribute(split, facts)


def test_the_reference_s_hours_averaged_over_two_years():
    # Worked example 3: a $30,000 pool over W1 1,800 h, W2 1,500 h, W3 700 h gives $7.50 an
    # hour: W1 13,500, W2 11,250, W3 5,250. Here W2 worked 1,200 h in 2024 and 1,800 h in 2025:
    # averaged over the two years the by-law chooses, 1,500 h, and the same refunds.
    history = {2024: {"W1": 1800, "W2": 1200, "W3": 700}, 2025: {"W1": 1800, "W2": 1800, "W3": 700}}
    result = refunds(rules(2), figures(history))
    shares = result.step("refunds").shares
    assert shares == {"W1": cad("13500.00"), "W2": cad("11250.00"), "W3": cad("5250.00")}
    averaged = result.step("refunds").explanation.steps[0]
    assert dict(averaged.inputs) == {"years": (2024, 2025)}
    assert averaged.result == {"W1": "1800", "W2": "1500", "W3": "700"}
    assert averaged.citation.article == "s. 224.7"
    assert result.violations == ()
    # The year alone (no by-law): W2's 1,800 h of 2025 weigh more.
    alone = refunds(rules(None), figures(history)).step("refunds").shares
    assert alone["W2"] == cad("12558.14")  # 30,000 x 1,800 / 4,300


def test_statutes_averaging_over_more_years_than_the_law_allows():
    assert LAW_YEARS == 4
    # Five years in the by-law: s.224.7 allows 4; the refunds follow the last 4 (2022-2025) and
    # the by-law is flagged. 2021's 0 hours for W2 would have lowered W2's average.
    history = {y: {"W1": 1000, "W2": 1000} for y in range(2022, 2026)}
    history[2021] = {"W1": 1000, "W2": 0}
    result = refunds(rules(5), figures(history, "2000.00"))
    assert result.step("refunds").shares == {"W1": cad("1000.00"), "W2": cad("1000.00")}
    assert dict(result.step("refunds").explanation.steps[0].inputs) == {
        "years": (2022, 2023, 2024, 2025)
    }
    (violation,) = result.violations
    assert violation.code == "qc.refund_average_above_law"
    assert violation.severity.value == "error"
    assert "over 5 financial years" in violation.message.en
    assert "allows 4 at most" in violation.message.en
    assert violation.citation.article == "s. 224.7"


def test_only_a_work_co_op_averages():
    # A producers' co-op's refunds follow the year's business (s.143): a by-law averaging it is
    # flagged and the year's measure is used.
    history = {2024: {"W1": 100, "W2": 300}, 2025: {"W1": 300, "W2": 100}}
    result = refunds(rules(2, QC_PRODUCER), figures(history, "400.00"))
    assert result.step("refunds").shares == {"W1": cad("300.00"), "W2": cad("100.00")}
    assert [v.code for v in result.violations] == ["qc.refund_average_not_allowed"]


def test_a_year_of_the_average_without_measures_is_an_error():
    history = {2023: {"W1": 1}, 2025: {"W1": 1}}
    with pytest.raises(InvalidInput, match=r"no hours is given for 2024") as error:
        refunds(rules(3), figures(history))
    assert error.value.field == "measure_years[hours][2024]"


def test_a_member_who_left_receives_no_refund_and_a_newcomer_counts_zero_before():
    # W3 worked in 2024 and left; W4 joined in 2025: averaged over 2 years, W4's 1,000 h of
    # 2025 count as 500.
    history = {2024: {"W1": 1000, "W3": 1000}, 2025: {"W1": 1000, "W4": 1000}}
    average, years = measure_average(figures(history), "hours", 2)
    assert years == (2024, 2025)
    assert average == {"W1": Fraction(1000), "W4": Fraction(500)}


def test_work_measure_reads_the_law_s_years():
    # A regime without s.224.7's years (a producers' co-op) has none to read.
    with pytest.raises(InvalidParameter, match=r"qc\.refund_average_max_years"):
        qc.work_measure(rules(None, QC_PRODUCER), [{"W1": 1}])


@given(
    st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(0, 5000), min_size=1),
    st.integers(1, 4),
)
def test_an_average_of_constant_measures_is_the_measure(hours, years):
    history = {2025 - k: dict(hours) for k in range(years)}
    facts = figures(history, "1234.56")
    average, span = measure_average(facts, "hours", years)
    assert len(span) == years
    assert average == {m: Fraction(v) for m, v in hours.items()}
    # and the refunds are the year's own
    assert refunds(rules(years), facts).step("refunds").shares == (
        refunds(rules(None), facts).step("refunds").shares
    )


@given(st.integers(1, 9))
def test_never_more_years_than_the_law_allows(chosen):
    history = {2025 - k: {"a": 1 + k, "b": 10} for k in range(9)}
    result = refunds(rules(chosen), figures(history, "100.00"))
    span = dict(result.step("refunds").explanation.steps[0].inputs)["years"]
    assert len(span) == min(chosen, LAW_YEARS)
    flagged = [v.code for v in result.violations] == ["qc.refund_average_above_law"]
    assert flagged == (chosen > LAW_YEARS)
