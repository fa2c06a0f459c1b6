"""Each sample's books: every activity's treasury, pooled costs and payroll, through the command."""

from decimal import Decimal
from pathlib import Path

from tests.year.test_samples import codes, run

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def amount(text):
    value, _currency = text.split()
    return Decimal(value)


def books(data):
    return {a["activity"]: a for a in data["books"]["activities"]}


def identity(activity):
    """Each month: closing = opening + revenue - costs - levy - pooled - salary - charges."""
    opening = amount(activity["opening"])
    for month in activity["months"]:
        assert amount(month["opening"]) == opening
        out = sum(amount(month[k]) for k in ("direct_costs", "levy", "pooled", "salary", "charges"))
        opening = opening + amount(month["revenue"]) - out
        assert amount(month["closing"]) == opening
    assert amount(activity["closing"]) == opening


def pooled_add_up(data):
    charged = sum(
        amount(c)
        for a in data["books"]["activities"]
        for m in a["months"]
        for c in m["pooled_charges"].values()
    )
    return charged, sum(amount(c) for c in data["books"]["pooled_costs"].values())


def test_be_activity_books():
    """A Belgian coopérative d'activités: each activity has its own books and treasury, and the
    candidate's result stays blocked in the co-op until they leave (loi 2007 art. 80; reference
    Belgium: "Profits stay blocked in the coop until the candidate leaves")."""
    data = run("be-activity.toml")
    by_id = books(data)
    for activity in by_id.values():
        identity(activity)
    amina = by_id["amina-act"]
    assert amina["opening"] == "3200.00 EUR"
    # Coworking by desk-days: 900.00 x 10/18 = 500.00 a month.
    jan = amina["months"][0]
    assert jan["pooled_charges"]["coworking/2025-01"] == "500.00 EUR"
    assert amina["totals"]["pooled"] == "7139.83 EUR"
    assert (amina["closing"], amina["result"]) == ("21362.83 EUR", "18162.83 EUR")
    # No salary for a candidate entrepreneur: the asked 1,500 a month is refused.
    assert amina["payroll"]["gross"] == "0.00 EUR"
    assert amina["payroll"]["blocked"] == amina["result"]
    assert ("payroll.no_salary_during_convention", "c-amina") in codes(data)
    assert ("books.salary_refused", "amina-act: c-amina") in codes(data)
    # The deficit brought forward makes dries-act's January treasury negative.
    assert ("books.negative_treasury", "dries-act") in codes(data)
    assert by_id["dries-act"]["months"][0]["closing"] == "-1489.59 EUR"
    # The shared services (12 x 900 + 12 x 480 + 1,440 + 12 x 120) are charged to the cent.
    assert pooled_add_up(data) == (Decimal("19440.00"), Decimal("19440.00"))


def test_fr_cae_scop_books():
    """A CAE: the fixed part monthly (R7331-11 1°), the variable part at year-end (L7332-3,
    R7331-12), no salary under a CAPE (no CESA yet, L7331-2)."""
    data = run("fr-cae-scop.toml")
    by_id = books(data)
    for activity in by_id.values():
        identity(activity)
    e01 = by_id["e01-act"]["payroll"]
    assert (e01["gross"], e01["charges"]) == ("30720.00 EUR", "9216.00 EUR")
    # Available: 86,232.26 - 20,546.98 - 5,500.00 (the Solstice cap) = 60,185.28; the fixed
    # part cost 39,936.00; the variable part due is the rest, and nothing stays in the activity.
    assert (e01["available"], e01["fixed_part"]) == ("60185.28 EUR", "39936.00 EUR")
    assert e01["variable_part"] == "20249.28 EUR"
    assert by_id["e01-act"]["kept"] == "0.00 EUR"
    e36 = by_id["e36-act"]["payroll"]
    assert [m["paid"] for m in e36["months"]] == [False] * 6 + [True] * 6
    assert [m["status"] for m in e36["months"][3:7]] == ["candidate_entrepreneur"] * 3 + [
        "entrepreneur_employee"
    ]
    # The CAPE months' result stays blocked; the affordable salary spends only the CESA months'.
    assert e36["blocked"] == "2767.53 EUR"
    assert (e36["gross"], e36["charges"]) == ("6069.62 EUR", "303.49 EUR")
    assert e36["variable_part"] == "0.00 EUR"
    assert ("payroll.no_salary_in_status", "e36") in codes(data)


def test_qc_producer_books():
    """A producers' co-op's shared services as pooled costs, by the by-laws' keys."""
    data = run("qc-producer.toml")
    for activity in books(data).values():
        identity(activity)
    # 12 x 2,400 + 12 x 1,250 + 3,600 + 12 x 540, charged to the cent.
    assert pooled_add_up(data) == (Decimal("53880.00"), Decimal("53880.00"))
    p01 = books(data)["p01-act"]
    assert p01["months"][0]["pooled_charges"]["office/2025-01"] == "342.86 CAD"
    assert p01["totals"]["levy"] == "0.00 CAD"
