"""Surplus distribution: the waterfall engine and the French and Quebec regimes' rules."""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Any

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
from cooprules.explain import Confidence
from cooprules.money import Money, Rate, money, to_minor_units
from cooprules.parameters import Surplus
from cooprules.regime import Key, Rules, Statutes, bind, validate
from cooprules.report import DistributionRules
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
from cooprules_adapters.qc.regimes import QC_COOP, QC_SOLIDARITY, QC_WORK
from cooprules_adapters.qc.sources import Keys as QcKeys

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
    """Quebec, Cooperatives Act (Loi sur les coopératives, RLRQ c. C-67.2) ss. 143, 146, 224.7;
    worked examples 1 to 4 of shared/reference/quebec.md §Q7. s.146 [SRC]:
    http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:146&pointInTime=20191011
    """

    def figures(self, equity: str) -> YearFigures:
        return YearFigures(
            surplus=cad("105000.00"),
            deductions={"interest on preferred shares": cad("5000.00")},
            measures={"purchases": {"A": 500_000, "B": 300_000, "C": 200_000}},
            equity=cad(equity),
            debts=cad("1000000.00"),
        )

    def test_example_1_the_meetings_decision_is_checked_against_s146(self):
        # Example 1: equity/debts 25 % < 40 %; the meeting: reserve $10,000, refunds $90,000 of
        # which $10,000 in preferred shares. Reserve + share refunds = $20,000 = 20 %: lawful.
        figures = self.figures("250000.00")
        assert qc.equity_below_threshold(figures, Rate.of("40%"))
        waterfall = qc.waterfall(
            QC,
            figures,
            measure="purchases",
            reserve=cad("10000.00"),
            refunds=cad("90000.00"),
            refunds_in_shares=cad("10000.00"),
        )
        result = distribute(waterfall, figures)
        assert figures.base == cad("100000.00")
        assert result.amount("reserve") == cad("10000.00")
        refunds = result.step("refunds")
        assert refunds.amount == cad("90000.00")
        assert refunds.shares == {"A": cad("45000.00"), "B": cad("27000.00"), "C": cad("18000.00")}
        assert refunds.in_shares == {"A": cad("5000.00"), "B": cad("3000.00"), "C": cad("2000.00")}
        assert result.violations == ()

    def test_example_1_as_a_rate_of_each_refund(self):
        figures = self.figures("250000.00")
        waterfall = qc.waterfall(
            QC, figures, measure="purchases", reserve=Rate.of("10%"), refunds_in_shares="1/9"
        )
        result = distribute(waterfall, figures)
        assert result.step("refunds").in_shares["A"] == cad("5000.00")
        assert result.violations == ()

    def test_the_meetings_all_cash_decision_with_10_percent_is_a_violation_not_replaced(self):
        # Example 1: "If the GM chose all cash ristournes, the second $10,000 would have to go to
        # the reserve instead." The engine allocates the meeting's 10 % as decided and reports it.
        figures = self.figures("250000.00")
        waterfall = qc.waterfall(QC, figures, measure="purchases", reserve=cad("10000.00"))
        result = distribute(waterfall, figures)
        assert result.amount("reserve") == cad("10000.00")
        assert result.step("refunds").amount == cad("90000.00")
        (violation,) = result.violations
        assert violation.code == "qc.s146.below_20"
        assert violation.citation is not None
        assert violation.citation.article == "s. 146"

    def test_a_meetings_reserve_below_10_percent_is_reported(self):
        figures = self.figures("250000.00")
        waterfall = qc.waterfall(
            QC, figures, measure="purchases", reserve=cad("9999.99"), refunds_in_shares="100%"
        )
        codes = [v.code for v in distribute(waterfall, figures).violations]
        assert codes == ["qc.s146.reserve_below_10"]

    def test_without_a_decision_below_40_percent_the_minimum_is_forced(self):
        figures = self.figures("250000.00")
        result = distribute(qc.waterfall(QC, figures, measure="purchases"), figures)
        assert result.amount("reserve") == cad("20000.00")
        assert result.step("refunds").amount == cad("80000.00")
        assert result.violations == ()

    def test_second_ten_percent_to_refunds_in_shares_without_them_is_a_violation(self):
        figures = self.figures("250000.00")
        waterfall = qc.waterfall(
            QC, figures, measure="purchases", second_ten_percent_to="refunds_in_shares"
        )
        result = distribute(waterfall, figures)
        assert result.amount("reserve") == cad("10000.00")
        assert [v.code for v in result.violations] == ["qc.s146.below_20"]

    @pytest.mark.parametrize(
        ("equity", "forced"),
        [("399999.99", "20000.00"), ("400000.00", "0.00"), ("400000.01", "0.00")],
    )
    def test_example_2_the_minimum_binds_only_below_40_percent(self, equity, forced):
        # Example 2: equity >= 40 % of debts, s.146 does not apply; s.4(4) only requires that a
        # reserve exist [interpretation: MEM]. Exactly 40 % is not "below" it.
        figures = self.figures(equity)
        result = distribute(qc.waterfall(QC, figures, measure="purchases"), figures)
        assert result.amount("reserve") == cad(forced)
        assert result.violations == ()
        none = qc.waterfall(QC, figures, measure="purchases", reserve=cad("0.00"))
        codes = [v.code for v in distribute(none, figures).violations]
        assert codes == (
            [] if forced == "0.00" else ["qc.s146.reserve_below_10", "qc.s146.below_20"]
        )

    def test_the_statutes_rate_is_the_reserve_when_the_meeting_states_none(self):
        statutes = Statutes("qc-coop", {Surplus.legal_reserve_rate: Rate.of("5%")})
        rules = bind(QC_COOP, statutes, as_of=date(2025, 6, 30))
        above = self.figures("500000.00")
        result = distribute(qc.waterfall(rules, above, measure="purchases"), above)
        assert result.amount("reserve") == cad("5000.00")
        assert result.violations == ()
        below = self.figures("250000.00")  # s.146 applies: 5 % is short, and reported
        codes = [
            v.code
            for v in distribute(qc.waterfall(rules, below, measure="purchases"), below).violations
        ]
        assert codes == ["qc.s146.reserve_below_10", "qc.s146.below_20"]

    def test_without_equity_or_debts_a_short_reserve_gets_a_warning(self):
        figures = YearFigures(surplus=cad("100.00"), measures={"purchases": {"A": 1}})
        result = distribute(qc.waterfall(QC, figures, measure="purchases"), figures)
        assert result.amount("reserve") == cad("0.00")
        ((code, severity),) = [(v.code, v.severity.value) for v in result.violations]
        assert (code, severity) == ("qc.s146.not_checked", "warning")
        ample = qc.waterfall(QC, figures, measure="purchases", reserve=Rate.of("20%"))
        assert distribute(ample, figures).violations == ()

    def test_bad_options(self):
        figures = self.figures("250000.00")
        with pytest.raises(InvalidInput, match="second_ten_percent_to"):
            qc.waterfall(QC, figures, measure="p", second_ten_percent_to="cash")
        with pytest.raises(InvalidInput, match="second_ten_percent_to"):
            qc.waterfall(
                QC, figures, measure="p", reserve=Rate.of("10%"), second_ten_percent_to="reserve"
            )
        with pytest.raises(InvalidInput, match="refunds"):
            qc.waterfall(QC, figures, measure="p", refunds="half")
        with pytest.raises(InvalidInput, match="refund_citation"):
            qc.build(QC, {"measure": "p", "refund_citation": "s. 1"}, figures)
        with pytest.raises(InvalidInput, match=r"distribution\.options"):
            qc.build(QC, {"measure": "p", "reserves": Rate.of("10%")}, figures)

    def test_refunds_in_shares_above_the_refunds_are_cut_and_said(self):
        figures = self.figures("500000.00")
        waterfall = qc.waterfall(
            QC,
            figures,
            measure="purchases",
            refunds=cad("1000.00"),
            refunds_in_shares=cad("1500.00"),
        )
        result = distribute(waterfall, figures)
        assert sum(units(v) for v in result.step("refunds").in_shares.values()) == 1000_00
        assert [v.code for v in result.violations] == ["surplus.refunds_in_shares_cut"]
        with pytest.raises(CurrencyMismatch):
            distribute(
                qc.waterfall(QC, figures, measure="purchases", refunds_in_shares=eur("1.00")),
                figures,
            )
        with pytest.raises(InvalidInput, match="negative"):
            Refund("r", measure="m", rest=True, in_shares=cad("-1.00"))

    def test_refunds_in_shares_as_an_amount_add_up_to_the_cent(self):
        # A decided total split over members whose refunds do not divide it evenly: exact.
        figures = YearFigures(
            surplus=cad("100.00"),
            measures={"m": {"a": 1, "b": 1, "c": 1}},
            equity=cad("1.00"),
            debts=cad("1.00"),
        )
        waterfall = qc.waterfall(
            QC, figures, measure="m", reserve=cad("0.00"), refunds_in_shares=cad("10.00")
        )
        in_shares = distribute(waterfall, figures).step("refunds").in_shares
        assert sum(units(v) for v in in_shares.values()) == 1000
        assert sorted(units(v) for v in in_shares.values()) == [333, 333, 334]

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


class TestQuebecSolidarity:
    """A solidarity co-op's refunds: to user and worker members by their business or work
    (Cooperatives Act s.143 [SRC]; categories s.226.1 [SRC-2]); supporting members receive none
    by default, a rule quebec.md §Q8 tags [UNC] (recalled [MEM]: they cannot)."""

    FIGURES = YearFigures(
        surplus=cad("1000.00"),
        measures={"business": {"u": 3, "w": 1, "s": 4}},
        categories={"u": "user", "w": "worker", "s": "supporting"},
        equity=cad("100.00"),
        debts=cad("100.00"),
    )

    def rules(self, statutes: dict[Key[Any], object] | None = None) -> Rules:
        return bind(
            QC_SOLIDARITY, Statutes("qc-solidarity", statutes or {}), as_of=date(2025, 6, 30)
        )

    def test_supporting_members_receive_none_by_default_and_the_rule_says_unc(self):
        build = QC_SOLIDARITY.rule_set(DistributionRules).build
        result = distribute(
            build(self.rules(), {"measure": "business"}, self.FIGURES), self.FIGURES
        )
        refunds = result.step("refunds")
        assert refunds.shares == {"u": cad("750.00"), "w": cad("250.00")}
        citation = refunds.explanation.steps[0].citation
        assert citation is not None
        assert citation.confidence is Confidence.UNC
        assert result.violations == ()

    def test_a_meeting_naming_supporting_members_is_told_they_get_none(self):
        result = distribute(
            qc.build_solidarity(
                self.rules(),
                {"measure": "business", "eligible": ("user", "supporting")},
                self.FIGURES,
            ),
            self.FIGURES,
        )
        assert result.step("refunds").shares == {"u": cad("1000.00")}
        (warning,) = result.violations
        assert warning.code == "qc.solidarity.refund_category_excluded"
        assert warning.severity.value == "warning"
        assert "supporting" in warning.message.en
        with pytest.raises(InvalidInput, match="eligible"):
            qc.build_solidarity(
                self.rules(), {"measure": "business", "eligible": "user"}, self.FIGURES
            )

    def test_only_the_statutes_explicit_provision_lets_supporting_members_share(self):
        allowed = self.rules({QcKeys.supporting_members_refunds: True})
        assert validate(allowed.statutes, QC_SOLIDARITY, date(2025, 6, 30)) == ()
        entitled, citation = qc.refund_categories(allowed)
        assert entitled == {"user", "worker", "supporting"}
        assert citation.confidence is Confidence.UNC
        result = distribute(
            qc.build_solidarity(allowed, {"measure": "business"}, self.FIGURES), self.FIGURES
        )
        assert result.step("refunds").shares == {
            "u": cad("375.00"),
            "w": cad("125.00"),
            "s": cad("500.00"),
        }
        refused = self.rules({QcKeys.supporting_members_refunds: False})
        assert qc.refund_categories(refused)[0] == {"user", "worker"}
        # Other Quebec co-ops have no such rule: the statutes' value is an unknown parameter.
        assert [
            v.code
            for v in validate(
                Statutes("qc-work", {QcKeys.supporting_members_refunds: True}),
                QC_WORK,
                date(2025, 6, 30),
            )
        ] == ["statutes.unknown_parameter"]


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
    # The most years (4) is the law file's qc.refund_average_max_years.
    work = bind(QC_WORK, as_of=date(2025, 6, 30))
    years = [{"W1": 1800, "W2": 1500}, {"W1": 1600, "W2": 1500}, {"W1": 2000}]
    assert qc.work_measure(work, years) == {"W1": Fraction(1800), "W2": Fraction(1000)}
    with pytest.raises(InvalidInput, match=r"s\. 224\.7 allows an average over 4 financial years"):
        qc.work_measure(work, [{"W1": 1}] * 5)
    with pytest.raises(InvalidInput, match="at least one year"):
        qc.work_measure(work, [])
    figures = YearFigures(surplus=cad("2800.00"), measures={"hours": qc.work_measure(work, years)})
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
