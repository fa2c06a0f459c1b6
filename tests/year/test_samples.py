"""The sample co-ops of examples/: each runs through the CLI and shows its key figures."""

import json
from datetime import date
from fractions import Fraction
from pathlib import Path

from click.testing import CliRunner

from cooprules_cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def run(name):
    result = CliRunner().invoke(main, ["run", str(EXAMPLES / name), "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def check(name):
    return CliRunner().invoke(main, ["check", str(EXAMPLES / name)]).exit_code


def step(data, code):
    return next(s for s in data["distribution"]["steps"] if s["code"] == code)


def codes(data):
    return [(v["code"], v["subject"]) for v in data["violations"]]


def test_fr_cae_scop():
    data = run("fr-cae-scop.toml")
    assert check("fr-cae-scop.toml") == 1  # meant to show violations
    statuses = [m["status"] for m in data["members"]]
    assert (statuses.count("member"), statuses.count("entrepreneur_employee")) == (15, 25)
    # Code du travail L7331-3: associate within 3 years of the CESA, less the CAPE.
    assert ("fr.cae.associate_deadline_passed", "e40") in codes(data)
    # Loi 1978 art. 14: under 20 associates, one proxy per associate; e01 holds two.
    assert ("voting.too_many_proxies", "proxy e03 -> e01") in codes(data)
    # Loi 1978 art. 33: 15 % to the legal reserve up to the highest capital (38,000 - 34,500),
    # the rest to the development fund; the worker share of 45 % to all qualifying employees.
    assert step(data, "legal_reserve")["amount"] == "3500.00 EUR"
    assert step(data, "legal_reserve:overflow")["amount"] == "2890.00 EUR"
    assert step(data, "worker_share")["amount"] == "19170.00 EUR"
    # Solstice (fr.SOLSTICE): floor 100 EUR a month, cap 5,500 EUR a year.
    totals = {a["owner"]: a["total"] for a in data["levies"]["activities"]}
    assert totals["e01"] == "5500.00 EUR"
    assert totals["e26"] == "1200.00 EUR"


def test_fr_scic():
    data = run("fr-scic.toml")
    assert check("fr-scic.toml") == 0
    # Loi 1947 art. 19 octies: colleges between 10 % and 50 %; the producers are absent and the
    # employees' 45/80 is brought down to 1/2.
    shares = {k: Fraction(v) for k, v in data["votes"][0]["college_shares"].items()}
    assert shares == {
        "employees": Fraction(1, 2),
        "beneficiaries": Fraction(5, 14),
        "others": Fraction(1, 7),
    }
    assert all(Fraction(1, 10) <= s <= Fraction(1, 2) for s in shares.values())
    # Art. 16 and 19 nonies: 15 % to the legal reserve, half the balance to the statutory one.
    assert step(data, "legal_reserve")["amount"] == "4260.00 EUR"
    assert step(data, "statutory_reserve")["amount"] == "12070.00 EUR"
    # Art. 14: 3 % interest, within the cap (3.8025 % for 2024): no violation.
    assert step(data, "interest")["amount"] == "1185.00 EUR"
    assert data["violations"] == []


def test_qc_work():
    data = run("qc-work.toml")
    assert check("qc-work.toml") == 1  # meant to show the rejected proxy
    # Cooperatives Act s. 4: no one may vote by proxy.
    assert ("voting.proxy_forbidden", "proxy w11 -> w03") in codes(data)
    # S. 146: equity below 40 % of debts, 20 % of the surplus to the reserve.
    assert step(data, "reserve")["amount"] == "7200.00 CAD"
    # S. 224.7 and s. 143: refunds by hours to the worker members, none to auxiliaries on trial.
    refunds = step(data, "refunds")
    assert refunds["amount"] == "28800.00 CAD"
    assert not {"a01", "a02"} & refunds["shares"].keys()
    # S. 224.7: the by-law averages each member's hours over the last 4 financial years (the
    # most s. 224.7 allows), 2022-2025: 18,000 average hours share 28,800 CAD, 1.60 CAD an hour.
    # W10's 400 hours of 2023 (parental leave) bring his average to 1,200: 1,920.00 CAD (on the
    # year's 1,500 hours alone it was 2,465.75 CAD); W11 worked 1,500 hours each year: 2,400.00.
    assert refunds["shares"] == {
        member: f"{amount}.00 CAD"
        for member, amount in {
            "w01": 2560, "w02": 1760, "w03": 2400, "w04": 1920, "w05": 2720, "w06": 2880,
            "w07": 2880, "w08": 2720, "w09": 2560, "w10": 1920, "w11": 2400, "w12": 2080,
        }.items()
    }  # fmt: skip
    assert not [v for v in data["violations"] if v["code"].startswith("qc.refund_average")]
    # S. 145: the reserve is the allocations less the deficits: 41,200 + 7,200 = 48,400.
    [reserve] = data["year_end"]["reserves"]
    assert (reserve["opening"], reserve["closing"]) == ("41200.00 CAD", "48400.00 CAD")
    # S. 224.2: the trial ends at 250 days of work or 18 months.
    assert [(d["subject"], d["state"]) for d in data["deadlines"]] == [
        ("a01", "pending"),
        ("a02", "pending"),
    ]


def test_qc_producer():
    data = run("qc-producer.toml")
    assert check("qc-producer.toml") == 0
    # S. 146 does not apply (equity above 40 % of debts): no minimum binds, the meeting's 5 % to
    # the reserve stands (the builder used to force 10 %, 2750.00 CAD).
    assert step(data, "reserve")["amount"] == "1375.00 CAD"
    # S. 143: the rest refunded in proportion to the services each member bought.
    refunds = step(data, "refunds")
    assert refunds["amount"] == "26125.00 CAD"
    assert len(refunds["shares"]) == 24
    assert not [v for v in data["violations"] if v["code"].startswith("qc.s146")]


def test_qc_solidarity():
    data = run("qc-solidarity.toml")
    assert check("qc-solidarity.toml") == 0
    categories = {m["id"]: m["category"] for m in data["members"]}
    assert sorted(set(categories.values())) == ["supporting", "user", "worker"]  # s. 226.1
    # S. 143: refunds to user and worker members only; supporting members receive none.
    refunds = step(data, "refunds")
    assert refunds["amount"] == "10920.00 CAD"
    assert {categories[m] for m in refunds["shares"]} == {"user", "worker"}  # with no option
    # S. 146 does not apply: no reserve forced up front; the 40 % the refunds leave goes to it.
    assert step(data, "reserve")["amount"] == "0.00 CAD"
    assert step(data, "reserve:rest")["amount"] == "7280.00 CAD"
    # The board of 9 renewed by thirds (s. 80: 3 to 15 directors); the by-law gives supporting
    # members at most a third of the seats: with s01 and s03 continuing, s04 (16 votes) takes
    # the third supporting seat and s02 (13) is passed over for t04 (11).
    (election,) = data["elections"]
    assert election["elected"] == ["u04", "s04", "t04"]
    assert election["votes"] == {"s02": 13, "s04": 16, "t04": 11, "u04": 17}
    assert [d["category"] for d in election["board"]].count("supporting") == 3
    assert len(election["board"]) == 9
    assert any(line.startswith("3. s02 passed over") for line in election["explanation"])
    assert election["violations"] == []


def test_a_cae_year_gives_a_ledger_whose_balances_match_the_report(tmp_path):
    # Issue 7, done when: a year of a sample CAE produces a ledger that beancount loads with no
    # error, whose balances match the library's own results to the cent.
    from decimal import Decimal  # noqa: PLC0415

    from beancount import loader  # noqa: PLC0415
    from beancount.core import realization  # noqa: PLC0415

    sample = str(Path(__file__).resolve().parents[2] / "examples" / "fr-cae-scop.toml")
    ledger = tmp_path / "cae.beancount"
    result = CliRunner().invoke(main, ["run", sample, "--journal", str(ledger), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    entries, errors, _ = loader.load_file(str(ledger))
    assert errors == []
    real = realization.realize(entries)

    def balance(account: str) -> Decimal:
        node = realization.get(real, account)
        return node.balance.get_currency_units("EUR").number

    def amount(text: str) -> Decimal:
        return Decimal(text.split(maxsplit=1)[0])

    levies = sum(amount(a["total"]) for a in report["levies"]["activities"])
    assert -balance("Income:FR:706-ContributionsOfTheActivities") == levies
    steps = {s["code"]: amount(s["amount"]) for s in report["distribution"]["steps"]}
    reserves = {r["reserve"]: r for r in report["year_end"]["reserves"]}
    # Issue 13: the opening balances are booked too; each reserve's account is its closing.
    assert -balance("Equity:FR:1061-LegalReserve") == amount(reserves["legal_reserve"]["closing"])
    assert -balance("Equity:FR:1061-LegalReserve") == (
        amount(reserves["legal_reserve"]["opening"]) + steps["legal_reserve"]
    )
    assert -balance("Equity:FR:1063-StatutoryReserves") == (
        amount(reserves["development_fund"]["opening"])
        + steps["legal_reserve:overflow"]
        + steps["development_fund"]
    )


def test_every_sample_s_ledger_passes_bean_check_under_the_co_op_s_name(tmp_path):
    # Issue 13, done when: the ledger of every sample passes bean-check (beancount's loader, what
    # bean-check runs) and books share operations, activity revenue and costs, pooled costs and
    # reserve movements; fava shows the co-op's name as its title.
    from beancount import loader  # noqa: PLC0415
    from beancount.core import data  # noqa: PLC0415

    for sample in sorted(EXAMPLES.glob("*.toml")):
        ledger = tmp_path / f"{sample.stem}.beancount"
        result = CliRunner().invoke(main, ["run", str(sample), "--ledger", str(ledger)])
        assert result.exit_code == 0, result.output
        entries, errors, options = loader.load_file(str(ledger))
        assert errors == [], sample.name
        name = next(
            line.split("=", 1)[1].strip().strip('"')
            for line in sample.read_text(encoding="utf-8").splitlines()
            if line.startswith("name = ")
        )
        assert options["title"] == name, sample.name
        sources = {
            ":".join(e.meta["source"].split(":")[:2])
            for e in entries
            if isinstance(e, data.Transaction)
        }
        kinds = {source.split(":")[0] for source in sources}
        text = sample.read_text(encoding="utf-8")
        assert "opening:reserve" in sources, sample.name  # every sample has reserves
        assert ("[[activities]]" in text) == ("line" in kinds), sample.name
        assert ("[[share_operations]]" in text) == ("opening:capital" in sources), sample.name
        assert ("[[pooled_costs]]" in text) == ("pooled" in kinds), sample.name


def test_be_activity_closing():
    data = run("be-activity.toml")
    year_end = data["year_end"]
    # AR 28 June 2019 art. 6 (a social enterprise repays at most the nominal value paid up,
    # capped at the net-asset value per share): 2 x 250.00, under 2 x 2,200.00, repaid as due.
    [redemption] = year_end["redemptions"]
    assert (redemption["value"], redemption["repaid"], redemption["violations"]) == (
        "500.00 EUR",
        "500.00 EUR",
        [],
    )
    # The register on 31 December: Sofia keeps 6 of her 8 shares; 42 shares, all paid up.
    register = year_end["register"]
    held = {h["member"]: h["shares"] for h in register["holdings"]}
    assert held == {"c-lucas": 4, "f-ines": 20, "f-marc": 12, "f-sofia": 6}
    assert (register["paid_up"], register["unpaid"]) == ("10500.00 EUR", "0.00 EUR")
    # CSA 6:115: net assets 96,500.00 less 52,300.00 unavailable: 44,200.00 of headroom for the
    # interest paid in cash; CSA 6:116: the board's 12-month finding of 28 May 2026.
    tests = year_end["distribution_tests"]
    assert (tests["headroom"], tests["passed"]) == ("44200.00 EUR", True)
    assert tests["paid_in_cash"] == step(data, "interest")["amount"]
    # The reserves roll forward: opening + the meeting's allocations = closing, indivisible.
    reserves = {r["reserve"]: r for r in year_end["reserves"]}
    assert reserves["social_purpose"]["movements"] == {"allocation": "1840.00 EUR"}  # 10 %
    assert reserves["social_purpose"]["closing"] == "5440.00 EUR"
    rest = step(data, "reserves")["amount"]
    assert reserves["reserves"]["movements"] == {"allocation": rest}
    assert all(r["indivisible"] for r in reserves.values())
    # The largest legal dividend, 6 % gross (the statutes' reading), beside the meeting's 2 %.
    suggested = next(s for s in year_end["suggestion"]["steps"] if s["code"] == "interest")
    assert suggested["amount"] == "635.09 EUR"


def test_run_fail_on_error_exits_1_on_the_samples_that_show_errors():
    # Issue 13, done when: `cooprules run --fail-on error` exits 1 on the samples that show errors
    # (the same samples `check` fails), 0 on the others; `run` alone exits 0 on all (see run()).
    for sample in sorted(EXAMPLES.glob("*.toml")):
        result = CliRunner().invoke(main, ["run", str(sample), "--fail-on", "error"])
        assert result.exit_code == check(sample.name), sample.name


def _be_activity(year, first_month=1, text=None):
    import attrs  # noqa: PLC0415

    from cooprules.plugins import load_regimes  # noqa: PLC0415
    from cooprules.scenario import loads  # noqa: PLC0415
    from cooprules_adapters.scenario import evaluate_scenario  # noqa: PLC0415

    path = EXAMPLES / "be-activity.toml"
    scenario = loads(text or path.read_text(encoding="utf-8"), name=str(path))
    scenario = attrs.evolve(
        scenario, coop=attrs.evolve(scenario.coop, year=year, first_month=first_month)
    )
    last = date(year + (first_month > 1), (first_month - 2) % 12 + 1, 28)
    return evaluate_scenario(scenario, as_of=last, catalogue=load_regimes(), journal=False)


def test_be_activity_the_motion_of_9_percent_from_2027():
    # The meeting of 2026-06-13 amends art. 12 (decision amend-contribution, adopted: 3/4 of the
    # votes cast, CSA art. 6:85; the abstention is not a vote cast): 9 % of the monthly gross
    # margin from 1 January 2027, instead of the example statute's 10 %.
    amina = {2025: None, 2027: None}
    for year in amina:
        report = _be_activity(year)
        amina[year] = next(r for r in report.levies if r.activity == "amina-act")
        assert "levies.schedule_not_adopted" not in [v.code for v in report.violations]
    # January: gross margin 2325.18 - 300.07 = 2025.11.
    assert f"{amina[2025].months[0].amount:f}" == "202.51"  # 10 %: 202.511
    assert f"{amina[2027].months[0].amount:f}" == "182.26"  # 9 %: 182.2599
    assert f"{amina[2025].total.amount:f}" == "2811.40"
    # A financial year from July 2026: six months at 10 %, then 9 % from January 2027 (its 7th
    # month: 1861.69 - 315.76 = 1545.93; 10 % would be 154.59).
    straddling = next(r for r in _be_activity(2026, 7).levies if r.activity == "amina-act")
    assert [f"{m.amount:f}" for m in straddling.months[5:7]] == ["168.70", "139.13"]


def test_be_activity_a_rejected_motion_is_reported_not_silently_applied():
    text = (EXAMPLES / "be-activity.toml").read_text(encoding="utf-8")
    rejected = text.replace('f-sofia = "abstain"', 'f-sofia = "against"')
    assert rejected != text
    for year, severity in ((2025, "warning"), (2027, "error")):
        found = [
            v
            for v in _be_activity(year, text=rejected).violations
            if v.code == "levies.schedule_not_adopted"
        ]
        assert [(v.subject, v.severity.value) for v in found] == [("contribution-2027", severity)]
