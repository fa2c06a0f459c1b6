"""Each sample's key figures, section by section of format 2, with their legal source.

One test per sample of examples/, run through the command (``cooprules run --format json``): the
levies total, the distribution's steps, the reserves' closing balances, the register's paid-up
capital, one activity's books, the votes and the elected. Each assertion names its source: the
article, and the section of the reference file (/work/shared/reference/<country>.md) it is read
from. The figures are worked out by hand in the comments.
"""

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from cooprules_cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def report(name):
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / name), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def steps(data):
    return {s["code"]: s["amount"] for s in data["distribution"]["steps"]}


def reserves(data):
    return {
        r["reserve"]: (r["opening"], r["movements"], r["closing"])
        for r in data["year_end"]["reserves"]
    }


def levies(data, activity):
    return next(a for a in data["levies"]["activities"] if a["activity"] == activity)


def books(data, activity):
    return next(a for a in data["books"]["activities"] if a["activity"] == activity)


def votes(data):
    return {v["id"]: (v["adopted"], v["share_for"]) for v in data["votes"]}


def codes(data):
    return {(v["code"], v["subject"]) for v in data["violations"]}


def amount(text):
    value, _currency = text.split()
    return Decimal(value)


def test_be_activity_figures():
    data = report("be-activity.toml")
    # Levies: the contribution is the statutes' (belgium.md B6: "Contribution to costs ... not
    # fixed by law -> STAT/contract"). Trade activities have their own schedule (art. 12 §2,
    # 10 % capped at 1,800.00 a year): dries-act's cumulated 10 % reaches 1,735.47 in October,
    # November pays the 64.53 left and December nothing.
    dries = levies(data, "dries-act")
    assert dries["schedules"] == {"contribution-trade": list(range(1, 13))}
    assert dries["months"][9:] == ["197.66 EUR", "64.53 EUR", "0.00 EUR"]
    assert dries["total"] == "1800.00 EUR"
    # jules-act's own dated levy (art. 12 §3): 5 % June to November (June: 5 % of 2,117.77 =
    # 105.89), then the services' 10 % again in December (10 % of 1,954.12 = 195.41).
    jules = levies(data, "jules-act")
    assert jules["months"][5] == "105.89 EUR"
    assert jules["months"][11] == "195.41 EUR"
    assert jules["schedules"]["schedule"] == [6, 7, 8, 9, 10, 11]
    # A credit note given back (art. 12 §4, give_back_credit_notes): hanna-act's August is a
    # credit note of 420.00, its 10 % comes back.
    assert levies(data, "hanna-act")["months"][7] == "-42.00 EUR"
    assert data["levies"]["total"] == "25689.39 EUR"
    # Distribution (belgium.md B4, AR 28 June 2019 art. 6: interest at most 6 %; the meeting
    # chooses 2 %): 10 % of 18,400.00 to the social purpose, 2 % interest on the capital-days,
    # the rest to the indivisible reserves: 1,840.00 + 211.69 + 16,348.31 = 18,400.00.
    assert steps(data) == {
        "social_purpose": "1840.00 EUR",
        "interest": "211.69 EUR",
        "reserves": "16348.31 EUR",
    }
    # CSA 6:115 (belgium.md BE-CSA-06): 96,500.00 net assets less 52,300.00 unavailable leaves
    # 44,200.00 of headroom for the 211.69 paid in cash.
    tests = data["year_end"]["distribution_tests"]
    assert (tests["headroom"], tests["paid_in_cash"], tests["passed"]) == (
        "44200.00 EUR",
        "211.69 EUR",
        True,
    )
    # Reserves: closing = opening + the meeting's allocations (belgium.md B4: a social
    # enterprise's reserves are not returned to the members): 52,300.00 + 16,348.31; 3,600.00 +
    # 1,840.00.
    assert reserves(data) == {
        "reserves": ("52300.00 EUR", {"allocation": "16348.31 EUR"}, "68648.31 EUR"),
        "social_purpose": ("3600.00 EUR", {"allocation": "1840.00 EUR"}, "5440.00 EUR"),
    }
    # Register (belgium.md BE-CSA-03, BE-CSA-07): 42 shares of 250.00 paid up, Lucas's 4 now of
    # class B after the conversion (same nominal value, the capital unchanged).
    register = data["year_end"]["register"]
    assert register["paid_up"] == "10500.00 EUR"
    assert [
        (h["share_class"], h["shares"]) for h in register["holdings"] if h["member"] == "c-lucas"
    ] == [("B", 4)]
    # Books (belgium.md B6: "Profits stay blocked in the coop until the candidate leaves"):
    # hanna-act's year, its credit-note month included.
    hanna = books(data, "hanna-act")
    assert (hanna["opening"], hanna["result"], hanna["closing"]) == (
        "0.00 EUR",
        "12025.85 EUR",
        "12025.85 EUR",
    )
    # Votes (belgium.md BE-CSA-08, CSA 6:85: 3/4 of the votes cast, abstentions not counted; one
    # vote per share, CSA 6:41, art. 20): 36 of 36 votes cast for each amendment.
    assert votes(data) == {"amend-contribution": (True, "1"), "amend-object": (True, "1")}
    # The elected (the CSA leaves the board to the articles; one vote per share): 36, 30, 18.
    (election,) = data["elections"]
    assert election["elected"] == ["f-marc", "c-lucas"]
    assert election["votes"] == {"f-marc": 36, "c-lucas": 30, "ext-anne": 18}
    # The deliberate violation stays (belgium.md B6: an 18-month convention at most).
    assert ("be.activity.convention_overdue", "c-amina") in codes(data)


def test_fr_cae_scop_figures():
    data = report("fr-cae-scop.toml")
    # Levies (france.md 4.9, Solstice's scale; L7331-2 2° c: as the statutes provide): trade
    # activities pay 8 % of the gross margin, at least 100.00 a month (art. 12 §2): e27-act's
    # January margin of 1,187.59 gives 95.01, raised to the floor.
    e27 = levies(data, "e27-act")
    assert e27["schedules"] == {"négoce": list(range(1, 13))}
    assert (e27["months"][0], e27["total"]) == ("100.00 EUR", "1239.98 EUR")
    # The associates' 5,000 EUR cap adopted by the meeting of 2026 levies no month of 2025:
    # e01-act keeps Solstice's 5,500 EUR cap (france.md 4.9).
    assert levies(data, "e01-act")["total"] == "5500.00 EUR"
    # A credit note given back: e20-act's April, -640.00 of revenue and no cost, leaves 16.80 of
    # contribution once the bands' levy of the credit note is given back.
    assert levies(data, "e20-act")["months"][3] == "16.80 EUR"
    assert data["levies"]["total"] == "136456.41 EUR"
    # Distribution (france.md 2.10, loi 1978 art. 33): 15 % of 42,600 = 6,390 to the legal reserve
    # but only up to the highest capital (38,000 - 34,500 = 3,500), the 2,890 over it to the
    # development fund; 45 % worker share (19,170); 4,000 of dividends; the rest 13,040.
    assert steps(data) == {
        "legal_reserve": "3500.00 EUR",
        "legal_reserve:overflow": "2890.00 EUR",
        "worker_share": "19170.00 EUR",
        "dividends": "4000.00 EUR",
        "development_fund": "13040.00 EUR",
    }
    # Reserves (france.md 1.10 and 1.12: never shared): 34,500 + 3,500 = 38,000; 51,200 + 2,890
    # + 13,040 = 67,130.
    assert reserves(data) == {
        "legal_reserve": ("34500.00 EUR", {"allocation": "3500.00 EUR"}, "38000.00 EUR"),
        "development_fund": ("51200.00 EUR", {"allocation": "15930.00 EUR"}, "67130.00 EUR"),
    }
    # Register (france.md 2.3): 940 shares of 25.00 subscribed less the 40 withdrawn = 900 x
    # 25.00 = 22,500.00, of which e15 still owes 500.00.
    register = data["year_end"]["register"]
    assert (register["subscribed"], register["paid_up"], register["unpaid"]) == (
        "22500.00 EUR",
        "22000.00 EUR",
        "500.00 EUR",
    )
    # The withdrawal (france.md 1.11, loi 1978 art. 30: the nominal value less the share of
    # losses; art. 31: the capital stays above half of the highest it reached, 11,750.00).
    (redemption,) = data["year_end"]["redemptions"]
    assert (redemption["value"], redemption["repaid"], redemption["violations"]) == (
        "1000.00 EUR",
        "1000.00 EUR",
        [],
    )
    assert any("floor_rate = 50%" in line for line in redemption["explanation"])
    # Books (france.md 4.7, L7332-3): e10-act's treasury brought forward, and its year.
    e10 = books(data, "e10-act")
    assert (e10["opening"], e10["result"], e10["closing"]) == (
        "4800.00 EUR",
        "59700.28 EUR",
        "64500.28 EUR",
    )
    # Votes (france.md 5.2: an SA's ordinary meeting by the votes cast, the extraordinary by 2/3
    # of the votes cast): 12 of 13, and 11 of 12.
    assert votes(data) == {
        "approve-accounts": (True, "12/13"),
        "amend-contribution": (True, "11/12"),
    }
    # The elected (france.md 2.6, loi 1978 art. 15; one associate one vote, 2.7): 9, 7, 7.
    (election,) = data["elections"]
    assert election["elected"] == ["e03", "e08", "e12"]
    assert election["votes"] == {"e03": 9, "e08": 7, "e12": 7, "e14": 6}
    # The deliberate violations stay (france.md 4.4 and 2.8).
    assert {
        ("fr.cae.associate_deadline_passed", "e40"),
        ("voting.too_many_proxies", "proxy e03 -> e01"),
    } <= codes(data)


def test_fr_scic_figures():
    data = report("fr-scic.toml")
    # Distribution (france.md 3.4 and 1.8: art. 16 and 19 nonies, 15 % to the legal reserve,
    # half of the balance to the statutory reserve; art. 14: 3 % on the 39,500 of capital).
    assert steps(data) == {
        "legal_reserve": "4260.00 EUR",
        "statutory_reserve": "12070.00 EUR",
        "interest": "1185.00 EUR",
        "other_reserves": "10885.00 EUR",
    }
    # Reserves (france.md 1.12, art. 19: a dissolved co-op's boni devolves to other co-ops): the
    # statutory reserve receives 3,600: 27,500 + 12,070 + 3,600 = 43,170.
    assert reserves(data) == {
        "legal_reserve": ("12900.00 EUR", {"allocation": "4260.00 EUR"}, "17160.00 EUR"),
        "statutory_reserve": (
            "27500.00 EUR",
            {"allocation": "12070.00 EUR", "devolution_received": "3600.00 EUR"},
            "43170.00 EUR",
        ),
        "other_reserves": ("0.00 EUR", {"allocation": "10885.00 EUR"}, "10885.00 EUR"),
    }
    # Register: 790 shares of 50.00; the transfer moves 4 of them, the capital stays.
    register = data["year_end"]["register"]
    assert register["paid_up"] == "39500.00 EUR"
    held = {h["member"]: h["shares"] for h in register["holdings"]}
    assert (held["ben-5"], held["ben-7"]) == (6, 24)
    # Votes (france.md 3.3, art. 19 octies: colleges kept within 10-50 %).
    assert votes(data) == {
        "approve-accounts": (True, "305/336"),
        "open-second-shop": (True, "13/18"),
    }
    # The elected: the statutes' cap of a third of the seats for the employees passes emp-3 over.
    (election,) = data["elections"]
    assert election["elected"] == ["ben-4", "oth-2"]
    assert election["votes"] == {"emp-3": 10, "ben-4": 9, "oth-2": 9}
    assert election["explanation"][0].startswith("1. emp-3 passed over")
    assert data["violations"] == []


def test_qc_work_figures():
    data = report("qc-work.toml")
    # Distribution (quebec.md Q7, s. 146: equity below 40 % of debts, 20 % to the reserve; s.
    # 224.7: refunds by the hours worked).
    assert steps(data) == {
        "reserve": "7200.00 CAD",
        "refunds": "28800.00 CAD",
        "reserve:rest": "0.00 CAD",
    }
    # Reserves (quebec.md Q7, s. 145: the allocations less the deficits): 41,200 + 7,200.
    assert reserves(data) == {
        "reserve": ("41200.00 CAD", {"allocation": "7200.00 CAD"}, "48400.00 CAD"),
    }
    # Register (quebec.md Q5, s. 38.3 qualifying shares; Q6, $10 common shares): 12 x 500.00, of
    # which w12 owes 200.00; w13's 500.00 repaid at the paid-up value (Q6, s. 38).
    register = data["year_end"]["register"]
    assert (register["paid_up"], register["unpaid"]) == ("5800.00 CAD", "200.00 CAD")
    (redemption,) = data["year_end"]["redemptions"]
    assert (redemption["value"], redemption["violations"]) == ("500.00 CAD", [])
    # The exclusion by the board (quebec.md Q5, s. 57-58: a listed ground, 4 of 5 votes >= 2/3,
    # reasons within 15 days): lawful, so no illegal_transition.
    assert {m["id"]: m["status"] for m in data["members"]}["w13"] == "excluded"
    assert not [v for v in data["violations"] if v["code"] == "membership.illegal_transition"]
    # Votes (quebec.md Q4: s. 72 a majority of the votes cast; s. 166 a merger by 2/3).
    assert votes(data) == {"approve-refunds": (True, "9/10"), "merge-cargo": (True, "7/10")}
    # The elected (quebec.md Q2, s. 80: 3 to 15 directors; one member one vote, Q1 s. 4).
    (election,) = data["elections"]
    assert election["elected"] == ["w03", "w06"]
    assert election["votes"] == {"w03": 9, "w06": 8, "w09": 5}
    assert election["violations"] == []
    # The deliberate violation stays (quebec.md Q3, s. 4: no proxy).
    assert ("voting.proxy_forbidden", "proxy w11 -> w03") in codes(data)


def test_qc_producer_figures():
    data = report("qc-producer.toml")
    # Levies (by-law 4.1; the Act sets no levy): only the shop's trade activity pays, 4 % of its
    # revenue, August's credit note of 360.00 given back (-14.40).
    p07 = levies(data, "p07-act")
    assert p07["months"][7] == "-14.40 CAD"
    assert p07["total"] == data["levies"]["total"] == "2378.21 CAD"
    # Distribution (quebec.md Q7 worked example 2: s. 146 does not apply, the meeting's 5 %; s. 143
    # refunds by the services bought, a quarter of each in preferred shares).
    assert steps(data) == {
        "reserve": "1375.00 CAD",
        "refunds": "26125.00 CAD",
        "reserve:rest": "0.00 CAD",
    }
    refunds = next(s for s in data["distribution"]["steps"] if s["code"] == "refunds")
    in_shares = sum(amount(a) for a in refunds["in_shares"].values())
    assert abs(in_shares - Decimal("26125.00") / 4) <= Decimal("0.24")  # a cent per member
    # Reserves (quebec.md Q7, s. 145, s. 147): 64,000 + 1,375.
    assert reserves(data) == {
        "reserve": ("64000.00 CAD", {"allocation": "1375.00 CAD"}, "65375.00 CAD"),
    }
    # Register (quebec.md Q5-Q6): 24 x 100.00 of qualifying shares + 690.00 of preferred shares
    # left after p02's 60.00 are repaid at their paid-up value (s. 38).
    assert data["year_end"]["register"]["paid_up"] == "3090.00 CAD"
    (redemption,) = data["year_end"]["redemptions"]
    assert (redemption["value"], redemption["violations"]) == ("60.00 CAD", [])
    # Books: p03-act's treasury brought forward, and its year.
    p03 = books(data, "p03-act")
    assert (p03["opening"], p03["result"], p03["closing"]) == (
        "1850.00 CAD",
        "55611.22 CAD",
        "57461.22 CAD",
    )
    # Votes (quebec.md Q4, s. 72): 17 of the 18 votes cast.
    assert votes(data) == {"approve-refunds": (True, "17/18")}
    assert data["violations"] == []


def test_qc_solidarity_figures():
    data = report("qc-solidarity.toml")
    # Distribution (quebec.md Q7, s. 143: 60 % refunded to users and workers; Q8: supporting
    # members none, [UNC]).
    assert steps(data) == {
        "reserve": "0.00 CAD",
        "refunds": "10920.00 CAD",
        "reserve:rest": "7280.00 CAD",
    }
    # Reserves (quebec.md Q7, s. 146.1: what another co-op's liquidation devolves goes to the
    # reserve): 97,100 + 7,280 + 12,400 = 116,780.
    assert reserves(data) == {
        "reserve": (
            "97100.00 CAD",
            {"allocation": "7280.00 CAD", "devolution_received": "12400.00 CAD"},
            "116780.00 CAD",
        ),
    }
    # Register (quebec.md Q8: qualifying shares may differ by category): 14 users x 50 + 5
    # workers x 200 + 4 supporting x 500 = 3,700.00 paid up; u15 owes her 50.00 (u16's repaid).
    register = data["year_end"]["register"]
    assert (register["paid_up"], register["unpaid"]) == ("3700.00 CAD", "50.00 CAD")
    (redemption,) = data["year_end"]["redemptions"]
    assert (redemption["operation"], redemption["value"]) == ("q-16-red", "50.00 CAD")
    # The suspension (quebec.md Q5, s. 57-58): a listed ground, 6 of 8 votes, reasons in 7 days.
    statuses = {m["id"]: m["status"] for m in data["members"]}
    assert (statuses["u15"], statuses["u16"]) == ("suspended", "resigned")
    # Votes (quebec.md Q4, s. 72) and the elected (Q2, s. 80; Q8: the by-law's third of the seats
    # for supporting members).
    assert votes(data) == {"approve-refunds": (True, "19/20")}
    (election,) = data["elections"]
    assert election["elected"] == ["u04", "s04", "t04"]
    assert data["violations"] == []
