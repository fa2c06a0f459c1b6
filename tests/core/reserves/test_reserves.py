"""Reserves: ledger, refused movements, roll-forward, liquidation; with the regimes' rule sets."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidAmount, InvalidInput
from cooprules.explain import Citation, Severity, Text
from cooprules.money import Rate, money, total
from cooprules.periods import Period
from cooprules.regime import bind
from cooprules.reserves import (
    InsufficientReserve,
    LiquidationRule,
    Movement,
    MovementKind,
    RefusedMovement,
    ReserveAccount,
    ReserveLedger,
    ReserveRules,
    ToRecentMembers,
    absorb_loss,
    apply,
    check_movements,
    liquidate,
    reconcile,
    roll_forward,
)
from cooprules.testing import moved, replace_parameter
from cooprules_adapters.be import reserves as be
from cooprules_adapters.fr import reserves as fr
from cooprules_adapters.fr.regimes import FR_COOP
from cooprules_adapters.fr.sources import LAW
from cooprules_adapters.qc import reserves as qc

M = MovementKind
ON_2025 = date(2025, 6, 30)
FR_COOP_RESERVES = bind(FR_COOP, as_of=ON_2025).rule_set(ReserveRules)
"""A French co-op's reserve rules, the art. 16 halves read from the law file."""


def eur(text: str) -> object:
    return money(text, "EUR")


def cad(text: str) -> object:
    return money(text, "CAD")


RESERVE = ReserveAccount("reserve", Text(en="Reserve", fr="Réserve"), indivisible=True)
FREE = ReserveAccount("free", Text(en="Free reserve", fr="Réserve libre"), indivisible=False)


def mv(
    id_: str, kind: MovementKind, day: date, amount: object, reserve: str = "reserve"
) -> Movement:
    return Movement(id_, reserve, kind, day, amount)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------
# Ledger validation
# ---------------------------------------------------------------------------------------------


def test_ledger_validation():
    with pytest.raises(DuplicateId):
        ReserveLedger("EUR", [RESERVE, RESERVE])
    with pytest.raises(DuplicateId):
        ReserveLedger(
            "EUR",
            [RESERVE],
            [
                mv("1", M.ALLOCATION, date(2025, 1, 1), eur("1")),
                mv("1", M.ALLOCATION, date(2025, 1, 2), eur("1")),
            ],
        )
    with pytest.raises(InvalidInput) as info:
        ReserveLedger("EUR", [RESERVE], [mv("1", M.ALLOCATION, date(2025, 1, 1), eur("1"), "x")])
    assert info.value.field == "movements[1].reserve"
    with pytest.raises(CurrencyMismatch):
        ReserveLedger("EUR", [RESERVE], [mv("1", M.ALLOCATION, date(2025, 1, 1), cad("1"))])
    with pytest.raises(InsufficientReserve) as info:
        ReserveLedger("EUR", [RESERVE], [mv("1", M.LOSS_ABSORPTION, date(2025, 1, 1), eur("1"))])
    assert info.value.field == "movements[1].amount"
    with pytest.raises(InvalidAmount) as info:
        mv("1", M.ALLOCATION, date(2025, 1, 1), 0.1)
    assert info.value.field == "movements[1].amount"
    with pytest.raises(InvalidAmount):
        mv("1", M.ALLOCATION, date(2025, 1, 1), eur("0"))


def test_same_day_inflows_come_first():
    day = date(2025, 12, 31)
    ledger = ReserveLedger(
        "EUR",
        [RESERVE],
        [
            mv("a", M.LOSS_ABSORPTION, day, eur("50.00")),
            mv("b", M.ALLOCATION, day, eur("100.00")),
        ],
    )
    assert ledger.balance("reserve", day) == eur("50.00")
    assert ledger.total(day, indivisible=True) == eur("50.00")
    assert ledger.total(day, indivisible=False) == eur("0")


# ---------------------------------------------------------------------------------------------
# Refused movements, per regime
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [M.DISTRIBUTION, M.REPAYMENT, M.INCORPORATION])
def test_quebec_reserve_is_not_shareable(kind):
    # quebec.md Q7, s. 147: not shareable among members, not reduced by refunds
    ledger = apply(
        ReserveLedger("CAD", [RESERVE]),
        mv("1", M.ALLOCATION, date(2025, 1, 1), cad("100")),
        qc.RESERVES,
    )
    with pytest.raises(RefusedMovement) as info:
        apply(ledger, mv("2", kind, date(2025, 2, 1), cad("10")), qc.RESERVES)
    assert info.value.reserve == "reserve"
    assert info.value.movement.id == "2"
    assert info.value.citation == qc.NOT_SHAREABLE
    assert "reserve 'reserve'" in str(info.value)


def test_quebec_devolution_goes_to_the_reserve():
    # quebec.md Q7, s. 146.1
    ledger = ReserveLedger("CAD", [RESERVE, FREE])
    assert apply(
        ledger, mv("1", M.DEVOLUTION_RECEIVED, date(2025, 1, 1), cad("5"), "reserve"), qc.RESERVES
    )
    with pytest.raises(RefusedMovement) as info:
        apply(
            ledger, mv("1", M.DEVOLUTION_RECEIVED, date(2025, 1, 1), cad("5"), "free"), qc.RESERVES
        )
    assert info.value.citation == qc.DEVOLUTION_TO_RESERVE


def test_check_movements_returns_violations_with_citations():
    ledger = ReserveLedger(
        "EUR",
        [RESERVE, FREE],
        [
            mv("1", M.ALLOCATION, date(2025, 1, 1), eur("1000.00")),
            mv("2", M.DISTRIBUTION, date(2025, 3, 1), eur("100.00")),
            mv("3", M.ALLOCATION, date(2025, 1, 1), eur("100.00"), "free"),
            mv("4", M.DISTRIBUTION, date(2025, 3, 1), eur("50.00"), "free"),
            mv("5", M.INCORPORATION, date(2025, 4, 1), eur("10.00"), "free"),
        ],
    )
    scop = check_movements(ledger, fr.SCOP_RESERVES)
    assert [(v.code, v.subject) for v in scop] == [
        ("reserve.refused_movement", "movements[2] on reserve 'reserve'"),
        ("reserve.refused_movement", "movements[5] on reserve 'free'"),
    ]
    assert scop[0].citation == fr.ART_19_DEVOLUTION
    assert scop[1].citation == fr.SCOP_NO_INCORPORATION
    assert scop[0].severity is Severity.ERROR
    assert "refusée" in scop[1].message.fr
    # Belgium: no legal reserve; a divisible reserve may be distributed, an unavailable one not
    belgian = check_movements(ledger, be.CSA_RESERVES)
    assert [v.subject for v in belgian] == ["movements[2] on reserve 'reserve'"]
    assert belgian[0].citation == be.CSA_UNAVAILABLE_EQUITY


def test_french_incorporation_within_art_16_halves():
    # france.md 1.10, loi 1947 art. 16 al. 3-4: statutes must allow it; first <= 1/2 of the
    # reserves at the previous close; later <= 1/2 of their increase since the previous one.
    ledger = ReserveLedger(
        "EUR", [RESERVE], [mv("1", M.ALLOCATION, date(2024, 6, 30), eur("1000.00"))]
    )
    first = mv("2", M.INCORPORATION, date(2025, 6, 30), eur("500.00"))
    with pytest.raises(RefusedMovement):
        apply(ledger, first, FR_COOP_RESERVES)
    with pytest.raises(InvalidInput, match="rule_set"):  # the halves are the law file's
        apply(ledger, first, fr.COOP_RESERVES, statutes_allow_incorporation=True)
    with pytest.raises(RefusedMovement):
        apply(
            ledger,
            mv("3", M.INCORPORATION, date(2025, 6, 30), eur("500.01")),
            FR_COOP_RESERVES,
            statutes_allow_incorporation=True,
        )
    ledger = apply(ledger, first, FR_COOP_RESERVES, statutes_allow_incorporation=True)
    ledger = apply(
        ledger, mv("4", M.ALLOCATION, date(2025, 9, 30), eur("300.00")), FR_COOP_RESERVES
    )
    # increase since the previous incorporation, at the close of 2025: 800 - 500 = 300 -> 150
    later = mv("5", M.INCORPORATION, date(2026, 6, 30), eur("150.00"))
    assert apply(ledger, later, FR_COOP_RESERVES, statutes_allow_incorporation=True)
    with pytest.raises(RefusedMovement) as info:
        apply(
            ledger,
            mv("5", M.INCORPORATION, date(2026, 6, 30), eur("150.01")),
            FR_COOP_RESERVES,
            statutes_allow_incorporation=True,
        )
    assert info.value.citation == fr.ART_16_INCORPORATION
    with pytest.raises(InvalidInput):
        apply(ledger, later, FR_COOP_RESERVES, fiscal_year_start_month=13)
    with pytest.raises(RefusedMovement):
        apply(ledger, later, fr.SCIC_RESERVES, statutes_allow_incorporation=True)


def _french_reserves(key: str, value: str) -> ReserveRules:
    """The French co-op's reserve rules bound with ``key`` at ``value`` in a copy of the law."""
    version = FR_COOP.parameter(key, ON_2025)
    copy = replace_parameter(FR_COOP, version, moved(version, Rate.of(value)))
    found = bind(copy, as_of=ON_2025).rule_set(ReserveRules)
    assert found is not None
    return found


def test_the_art_16_halves_are_the_law_file_s():
    # loi 1947 art. 16 al. 3-4: at most half of the reserve at the previous close (500.00 of
    # 1000.00), then half of its increase. With 2/5 in a copy of the law, 500.00 is refused and
    # 400.00 is the most; the later half moves the same way (150.00 of 300.00 -> 120.00).
    assert FR_COOP_RESERVES.incorporation is not None
    assert FR_COOP_RESERVES.incorporation.citation == LAW.citation("loi-1947-art-16-al-3-4")
    ledger = ReserveLedger(
        "EUR", [RESERVE], [mv("1", M.ALLOCATION, date(2024, 6, 30), eur("1000.00"))]
    )
    first = mv("2", M.INCORPORATION, date(2025, 6, 30), eur("500.00"))
    lower_first = _french_reserves("fr.incorporation_first_max", "2/5")
    with pytest.raises(RefusedMovement, match="above the limit of 40%"):
        apply(ledger, first, lower_first, statutes_allow_incorporation=True)
    allowed = mv("2", M.INCORPORATION, date(2025, 6, 30), eur("400.00"))
    assert apply(ledger, allowed, lower_first, statutes_allow_incorporation=True)
    ledger = apply(ledger, first, FR_COOP_RESERVES, statutes_allow_incorporation=True)
    ledger = apply(
        ledger, mv("4", M.ALLOCATION, date(2025, 9, 30), eur("300.00")), FR_COOP_RESERVES
    )
    later = mv("5", M.INCORPORATION, date(2026, 6, 30), eur("150.00"))
    lower_later = _french_reserves("fr.incorporation_later_max", "2/5")
    with pytest.raises(RefusedMovement, match="above the limit of 40%"):
        apply(ledger, later, lower_later, statutes_allow_incorporation=True)
    assert apply(
        ledger,
        mv("5", M.INCORPORATION, date(2026, 6, 30), eur("120.00")),
        lower_later,
        statutes_allow_incorporation=True,
    )


# ---------------------------------------------------------------------------------------------
# Roll-forward (Quebec s. 145)
# ---------------------------------------------------------------------------------------------


def test_quebec_reserve_roll_forward_worked_example():
    # quebec.md Q7, worked example 4: 0 -> +1,000 -> -500 (deficit) -> +800 = 1,300
    ledger = ReserveLedger("CAD", [RESERVE])
    for id_, kind, year, amount in (
        ("y1", M.ALLOCATION, 2023, "1000"),
        ("y2", M.LOSS_ABSORPTION, 2024, "500"),
        ("y3", M.ALLOCATION, 2025, "800"),
    ):
        ledger = apply(ledger, mv(id_, kind, date(year, 12, 31), cad(amount)), qc.RESERVES)
    closings = []
    for year in (2023, 2024, 2025):
        (item,) = roll_forward(ledger, Period(date(year, 1, 1), date(year + 1, 1, 1)), qc.RESERVES)
        assert item.opening + total((a for _, a in item.movements), "CAD") == item.closing
        closings.append(item.closing)
    assert closings == [cad("1000.00"), cad("500.00"), cad("1300.00")]
    assert item.explanation.citations() == (qc.ROLL_FORWARD,)
    year = Period(date(2025, 1, 1), date(2026, 1, 1))
    assert reconcile(ledger, year, {"reserve": cad("1300.00")}, qc.RESERVES) == ()
    (wrong,) = reconcile(ledger, year, {"reserve": cad("1299.99")}, qc.RESERVES)
    assert wrong.code == "reserve.roll_forward_mismatch"
    with pytest.raises(InvalidInput):
        reconcile(ledger, year, {"nope": cad("1")})


# ---------------------------------------------------------------------------------------------
# Liquidation
# ---------------------------------------------------------------------------------------------


def test_belgian_social_enterprise_liquidation_worked_example():
    # belgium.md B4: assets 750,000, debts 450,000, paid-up capital 120,000 -> 120,000 repaid,
    # 180,000 to a purpose closest to the object
    capital = {"ana": eur("70000.00"), "bo": eur("50000.00")}
    result = liquidate(
        eur("750000.00"),
        eur("450000.00"),
        capital,
        "social-enterprise-x",
        rule=be.SCES_RESERVES.liquidation,
    )
    assert result.debts_paid == eur("450000.00")
    assert result.repaid == capital
    assert result.devolved == eur("180000.00")
    assert result.violations == ()
    assert result.distributed == {}


def test_quebec_liquidation_worked_example():
    # quebec.md Q9: assets 600,000, debts 420,000, paid-up shares 50,000 -> 130,000 devolves
    capital = {"members-common": cad("8000"), "members-preferred": cad("42000")}
    result = liquidate(cad("600000"), cad("420000"), capital, "CQCM", rule=qc.RESERVES.liquidation)
    assert result.devolved == cad("130000.00")
    assert sum(v.amount for v in result.repaid.values()) == 50000


def test_liquidation_short_and_insolvent():
    capital = {"ana": eur("100.00"), "bo": eur("200.00")}
    short = liquidate(
        eur("400.00"), eur("250.00"), capital, "coop", rule=fr.COOP_RESERVES.liquidation
    )
    assert short.repaid == {"ana": eur("50.00"), "bo": eur("100.00")}
    assert short.devolved == eur("0")
    insolvent = liquidate(
        eur("100.00"), eur("250.00"), capital, None, rule=fr.COOP_RESERVES.liquidation
    )
    assert insolvent.debts_paid == eur("100.00")
    assert insolvent.shortfall == eur("150.00")
    assert insolvent.repaid == {"ana": eur("0.00"), "bo": eur("0.00")}


def test_liquidation_violations_and_divisible_balance():
    capital = {"ana": eur("100.00")}
    to_member = liquidate(eur("500.00"), eur("0"), capital, "ana", rule=qc.RESERVES.liquidation)
    assert [v.code for v in to_member.violations] == ["liquidation.balance_to_member"]
    nobody = liquidate(eur("500.00"), eur("0"), capital, None, rule=qc.RESERVES.liquidation)
    assert [v.code for v in nobody.violations] == ["liquidation.beneficiary_missing"]
    # a Belgian CSA co-op without the accreditation: the balance is shared per share (6:40)
    shared = liquidate(
        eur("500.00"),
        eur("0"),
        {"ana": eur("100.00"), "bo": eur("100.00")},
        None,
        rule=be.CSA_RESERVES.liquidation,
        balance_weights={"ana": 3, "bo": 1},
    )
    assert shared.distributed == {"ana": eur("225.00"), "bo": eur("75.00")}
    assert shared.devolved == eur("0")
    with pytest.raises(InvalidAmount):
        liquidate(eur("-1"), eur("0"), {}, "x", rule=qc.RESERVES.liquidation)
    with pytest.raises(CurrencyMismatch):
        liquidate(eur("1"), cad("0"), {}, "x", rule=qc.RESERVES.liquidation)


RULE = LiquidationRule(Citation("Act", "s. 1", "XX"), Text(en="a co-op", fr="une coopérative"))


@given(
    st.integers(0, 10**9),
    st.integers(0, 10**9),
    st.dictionaries(st.sampled_from("abcdefgh"), st.integers(0, 10**8), max_size=8),
)
def test_liquidation_conserves_every_cent(assets, debts, capital):
    paid_up = {m: money(u, "EUR") / 100 for m, u in capital.items()}
    result = liquidate(
        money(assets, "EUR") / 100, money(debts, "EUR") / 100, paid_up, "coop", rule=RULE
    )
    out = result.debts_paid + total(result.repaid.values(), "EUR") + result.devolved
    assert out == result.assets
    if assets >= debts:
        assert result.debts_paid == result.debts
    for member, repaid in result.repaid.items():
        assert money("0", "EUR") <= repaid <= paid_up[member]


@given(
    st.lists(
        st.tuples(st.sampled_from(list(MovementKind)), st.integers(1, 10**6), st.integers(0, 40)),
        max_size=30,
    )
)
def test_indivisible_reserve_only_decreases_by_loss_absorption(draws):
    ledger = ReserveLedger("CAD", [RESERVE])
    day = date(2025, 1, 1)
    for index, (kind, units, gap) in enumerate(draws):
        day += timedelta(days=gap)
        before = ledger.balance("reserve", day)
        try:
            ledger = apply(
                ledger, mv(f"{index:03d}", kind, day, money(units, "CAD") / 100), qc.RESERVES
            )
        except (RefusedMovement, InsufficientReserve):
            continue
        after = ledger.balance("reserve", day)
        if after < before:
            assert kind is M.LOSS_ABSORPTION
    assert check_movements(ledger, qc.RESERVES) == ()


@given(
    st.lists(st.tuples(st.booleans(), st.integers(1, 10**4), st.integers(0, 3)), max_size=20),
    st.randoms(use_true_random=False),
)
def test_ledger_independent_of_the_order_given(draws, rng):
    movements, day, balance = [], date(2025, 1, 1), 0
    for index, (wanted_inflow, units, gap) in enumerate(draws):
        day += timedelta(days=gap)
        inflow = wanted_inflow or units > balance
        balance += units if inflow else -units
        kind = M.ALLOCATION if inflow else M.LOSS_ABSORPTION
        movements.append(mv(f"{index:03d}", kind, day, money(units, "EUR") / 100))
    ledger = ReserveLedger("EUR", [RESERVE], movements)
    shuffled = list(movements)
    rng.shuffle(shuffled)
    assert ReserveLedger("EUR", [RESERVE], shuffled) == ledger
    assert ReserveLedger("EUR", [RESERVE], shuffled).balance("reserve", day) == ledger.balance(
        "reserve", day
    )


# ---------------------------------------------------------------------------------------------
# Quebec's enhancement reserve (réserve de valorisation): Cooperatives Act (Loi sur les
# coopératives, RLRQ c. C-67.2) s.149.3 [SRC] (a deficit is charged to it first) and s.185 [SRC]
# (on winding-up its balance goes to the persons who were members during the 5 financial years
# before the winding-up vote, pro rata of their business), quebec.md §Q7 and §Q9:
# https://legisquebec.gouv.qc.ca/en/version/cs/C-67.2?code=se%3A149_3&history=20241104
# http://legisquebec.gouv.qc.ca/en/showversion/cs/C-67.2?code=se:185&pointInTime=20170322
# ---------------------------------------------------------------------------------------------

ON = date(2026, 3, 1)
VOTE = date(2026, 3, 1)
# Business by financial year (ending 31 December): a and b throughout; x left after 2022; old
# left after 2020, so outside the 5 years before a vote of March 2026 (2021 to 2025).
BUSINESS = {
    date(year, 12, 31): {
        "a": 40_000,
        "b": 20_000,
        **({"x": 50_000} if year in {2021, 2022} else {}),
        **({"old": 90_000} if year <= 2020 else {}),
    }
    for year in range(2019, 2026)
}


def _enhancement_rules(regime: object = None) -> object:
    from cooprules.regime import bind  # noqa: PLC0415
    from cooprules.reserves import ReserveRules  # noqa: PLC0415
    from cooprules_adapters.qc.regimes import QC_PRODUCER  # noqa: PLC0415

    found = bind(regime or QC_PRODUCER, as_of=ON).rule_set(ReserveRules)
    assert found is not None
    return found


def _wind_up(rule: object, enhancement: str = "30000", assets: str = "600000") -> object:
    # quebec.md Q9's worked example (assets 600,000, debts 420,000, paid-up shares 50,000), with
    # an enhancement reserve of 30,000 added (our figures): 30,000 to the members of 2021-2025
    # pro rata of their business (a 200,000, b 100,000, x 100,000), 100,000 devolves.
    capital = {"members-common": cad("8000"), "members-preferred": cad("42000")}
    return liquidate(
        cad(assets),
        cad("420000"),
        capital,
        "CQCM",
        rule=rule.liquidation,  # type: ignore[attr-defined]
        reserve_balances={"enhancement": cad(enhancement), "reserve": cad("100000")},
        business_by_year=BUSINESS,
        vote=VOTE,
    )


def test_quebec_enhancement_reserve_goes_to_the_members_of_the_last_5_years():
    rules = _enhancement_rules()
    recent = rules.liquidation.to_recent_members  # type: ignore[attr-defined]
    assert (recent.reserve, recent.years) == ("enhancement", 5)  # read from qc/law.toml
    assert recent.citation.article == "s. 185"
    result = _wind_up(rules)
    assert result.to_recent_members == {
        "a": cad("15000.00"),
        "b": cad("7500.00"),
        "x": cad("7500.00"),
    }
    assert "old" not in result.to_recent_members  # a member before the 5 years gets nothing
    assert result.devolved == cad("100000.00")  # never devolved with the indivisible reserve
    assert result.violations == ()
    step = result.explanation.steps[2]
    assert step.citation is recent.citation
    assert dict(step.inputs)["financial years"].startswith("2021-12-31")
    out = (
        result.debts_paid
        + total(result.repaid.values(), "CAD")
        + total(result.to_recent_members.values(), "CAD")
        + result.devolved
    )
    assert out == result.assets


def test_quebec_enhancement_reserve_years_are_the_laws():
    from cooprules.testing import replace_parameter  # noqa: PLC0415
    from cooprules_adapters.qc.regimes import QC_PRODUCER  # noqa: PLC0415
    from cooprules_adapters.qc.sources import Keys as QcKeys  # noqa: PLC0415

    version = QC_PRODUCER.parameter(QcKeys.enhancement_reserve_member_years, ON)
    six = replace_parameter(QC_PRODUCER, version, attrs.evolve(version, value=6))
    result = _wind_up(_enhancement_rules(six))
    assert set(result.to_recent_members) == {"a", "b", "x", "old"}  # 2020 counts now


def test_quebec_enhancement_reserve_when_the_assets_are_short_or_the_input_is_missing():
    rules = _enhancement_rules()
    short = _wind_up(rules, assets="480000")  # 10,000 left after the debts and the shares
    assert total(short.to_recent_members.values(), "CAD") == cad("10000.00")
    assert short.devolved == cad("0")
    assert short.explanation.steps[2].note is not None  # says only 10,000 remained of 30,000
    empty = _wind_up(rules, enhancement="0")
    assert empty.to_recent_members == {}
    assert empty.devolved == cad("130000.00")
    capital = {"m": cad("10")}
    with pytest.raises(InvalidInput, match="vote"):
        liquidate(
            cad("100"),
            cad("0"),
            capital,
            "CQCM",
            rule=rules.liquidation,  # type: ignore[attr-defined]
            reserve_balances={"enhancement": cad("50")},
            business_by_year=BUSINESS,
        )
    with pytest.raises(InvalidInput, match="business_by_year"):
        liquidate(
            cad("100"),
            cad("0"),
            capital,
            "CQCM",
            rule=rules.liquidation,  # type: ignore[attr-defined]
            reserve_balances={"enhancement": cad("50")},
            business_by_year={date(2010, 12, 31): {"a": 1}, date(2027, 12, 31): {"a": 1}},
            vote=VOTE,
        )
    with pytest.raises(InvalidInput, match="negative"):
        liquidate(
            cad("100"),
            cad("0"),
            capital,
            "CQCM",
            rule=rules.liquidation,  # type: ignore[attr-defined]
            reserve_balances={"enhancement": cad("50")},
            business_by_year={date(2025, 12, 31): {"a": -1}},
            vote=VOTE,
        )
    with pytest.raises(CurrencyMismatch):
        liquidate(
            cad("100"),
            cad("0"),
            capital,
            "CQCM",
            rule=rules.liquidation,  # type: ignore[attr-defined]
            reserve_balances={"enhancement": eur("50")},
            business_by_year=BUSINESS,
            vote=VOTE,
        )
    # The unbound rule set still holds the law's figure to read: refused, naming the key.
    with pytest.raises(InvalidInput, match=r"qc\.enhancement_reserve_member_years"):
        liquidate(
            cad("100"),
            cad("0"),
            capital,
            "CQCM",
            rule=qc.ENHANCEMENT_RESERVES.liquidation,
            reserve_balances={"enhancement": cad("50")},
            business_by_year=BUSINESS,
            vote=VOTE,
        )
    with pytest.raises(InvalidInput, match="years"):
        ToRecentMembers("enhancement", 0)


def test_quebec_deficit_is_charged_to_the_enhancement_reserve_first():
    # s.149.3: a deficit of 700 with 200 in the enhancement reserve and 1,000 in the reserve:
    # 200 from the enhancement reserve, then 500 from the reserve.
    rules = qc.ENHANCEMENT_RESERVES
    order = rules.loss_order(["reserve", "enhancement"])
    assert order == ("enhancement", "reserve")
    charged, left, explanation = absorb_loss(
        cad("-700.00"),
        order,
        {"reserve": cad("1000.00"), "enhancement": cad("200.00")},
        citation=rules.charged_first_citation,
    )
    assert charged == {"enhancement": cad("200.00"), "reserve": cad("500.00")}
    assert left == cad("0.00")
    assert explanation.steps[0].citation.article == "s. 149.3"
    # Without an enhancement reserve the order is the one given; the plain rules put none first.
    assert qc.RESERVES.loss_order(["reserve", "other"]) == ("reserve", "other")
    with pytest.raises(InvalidInput, match="charged_first"):
        attrs.evolve(rules, charged_first="enhancement")


def test_only_work_and_producers_coops_have_the_enhancement_reserve_step():
    from cooprules_adapters.qc.regimes import QC_SOLIDARITY, QC_WORK  # noqa: PLC0415

    assert _enhancement_rules(QC_WORK).liquidation.to_recent_members.years == 5  # type: ignore[attr-defined]
    assert _enhancement_rules(QC_SOLIDARITY).liquidation.to_recent_members is None  # type: ignore[attr-defined]


@given(
    st.integers(0, 10**9),
    st.integers(0, 10**9),
    st.dictionaries(st.sampled_from("abcd"), st.integers(0, 10**8), max_size=4),
    st.integers(0, 10**9),
    st.dictionaries(
        st.integers(2015, 2026),
        st.dictionaries(st.sampled_from("abcdxyz"), st.integers(0, 10**6), max_size=7),
        max_size=8,
    ),
)
def test_liquidation_with_an_enhancement_reserve_conserves_every_cent(
    assets, debts, capital, enhancement, years
):
    business = {date(year, 12, 31): table for year, table in years.items()}
    counted = [end for end in business if date(2021, 3, 1) < end < VOTE]  # 2021 to 2025
    weights = {p for end in counted for p, v in business[end].items() if v}
    paid_up = {m: money(u, "CAD") / 100 for m, u in capital.items()}
    rule = _enhancement_rules().liquidation  # type: ignore[attr-defined]
    try:
        result = liquidate(
            money(assets, "CAD") / 100,
            money(debts, "CAD") / 100,
            paid_up,
            "CQCM",
            rule=rule,
            reserve_balances={"enhancement": money(enhancement, "CAD") / 100},
            business_by_year=business,
            vote=VOTE,
        )
    except InvalidInput:
        assert not weights  # refused only when there is no business to share it by
        return
    to_recent = total(result.to_recent_members.values(), "CAD")
    out = result.debts_paid + total(result.repaid.values(), "CAD") + to_recent + result.devolved
    assert out == result.assets
    assert to_recent <= money(enhancement, "CAD") / 100
    assert set(result.to_recent_members) <= weights  # only members of the 5 years, with business
    if result.devolved.amount > 0:  # something devolves only once the reserve is paid in full
        assert to_recent == money(enhancement, "CAD") / 100
