"""The Belgian employment co-op sample (be-employment.toml): the second step of a person's path.

Sources: /work/shared/reference/belgium.md §B6 (DiES: coopératives d'emploi whose entrepreneurs
are employees and may become shareholders, SRC-2) and the CSA rows of the same file (three
shareholders, one vote per share by default 6:41, amendments 6:85 at 1/2 quorum and 3/4 of the
votes cast, the net-asset and liquidity tests 6:115 and 6:116, the 30 % précompte mobilier). The
contribution rates (27 % employer, 13 % employee) are the sample's own inputs with their source,
not law: the references hold no ONSS/RSZ rate. The figures are worked out by hand below.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner

from cooprules.money import money
from cooprules_adapters.scenario import evaluate_file
from cooprules_cli import main

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "be-employment.toml"
YEAR_END = date(2026, 12, 31)


def invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def amount(text: str) -> Decimal:
    value, _currency = text.split()
    return Decimal(value)


def report():
    result = invoke("run", SAMPLE, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def books(data, activity):
    return next(a for a in data["books"]["activities"] if a["activity"] == activity)


def test_the_sample_runs_and_its_expected_figures_are_met():
    result = invoke("test", SAMPLE)
    assert result.exit_code == 0, result.output
    assert "0 not met" in result.output


def test_statuses_along_the_path():
    data = report()
    statuses = {m["id"]: m["status"] for m in data["members"]}
    # Employed 2025-09-01, admitted as a shareholder 2026-04-01: a member, still paid.
    assert statuses["e-amina"] == "member"
    assert statuses["e-yasmine"] == "entrepreneur_employee"
    assert statuses["e-tom"] == "exited"  # the employment contract ended on 2026-06-30
    assert [statuses[f] for f in ("f-nadia", "f-pieter", "f-rosa")] == ["member"] * 3


def test_amina_is_paid_out_of_her_activity():
    data = report()
    amina = books(data, "amina-act")
    pay = amina["payroll"]
    # 2,400.00 a month, 12 months: 28,800.00; the co-op's 27 %: 648.00 a month, 7,776.00.
    assert amount(pay["gross"]) == Decimal("28800.00")
    assert amount(pay["charges"]) == Decimal("7776.00")
    assert amount(pay["fixed_part"]) == Decimal("36576.00")
    # Revenue 67,400.00 - direct costs 6,110.00 - contribution 8 % of 61,290.00 (4,903.20).
    assert amount(pay["available"]) == Decimal("56386.80")
    assert amount(pay["variable_part"]) == Decimal("0.00")  # no legal variable pay in Belgium
    assert amount(pay["blocked"]) == Decimal("0.00")
    # Result 56,386.80 - 36,576.00 = 19,810.80; treasury 1,500.00 + 19,810.80 = 21,310.80.
    assert amount(amina["result"]) == Decimal("19810.80")
    assert amount(amina["closing"]) == Decimal("21310.80")
    assert all(month["paid"] for month in pay["months"])
    assert [m["status"] for m in pay["months"]][2:4] == ["entrepreneur_employee", "member"]


def test_amina_net_pay_and_the_sources_of_her_contributions():
    year = evaluate_file(SAMPLE, as_of=YEAR_END)
    assert year.books is not None
    envelope = year.books.of("amina-act").payroll.envelope
    steps = envelope.explanation.steps
    net = next(s for s in steps if "employee contributions" in dict(s.inputs))
    # 13 % of 28,800.00 = 3,744.00; net before income-tax withholding 25,056.00.
    assert dict(net.inputs)["employee contributions"] == money("3744.00", "EUR")
    assert net.result == money("25056.00", "EUR")
    assert net.citation is not None
    assert net.citation.instrument.startswith("Secrétariat social de la coopérative")


def test_yasmine_is_paid_what_her_activity_can_afford_from_february():
    data = report()
    yasmine = books(data, "yasmine-act")
    pay = yasmine["payroll"]
    months = pay["months"]
    assert months[0]["status"] == "applicant"
    assert not months[0]["paid"]
    assert all(m["paid"] for m in months[1:])
    # The whole envelope is spent but for the cent the rounding leaves: 27,900.00 - 3,030.00 -
    # 1,989.60 = 22,880.40 available; the employment cost 22,880.39 (gross 18,016.06 and
    # 4,864.33 of charges).
    assert amount(pay["available"]) == Decimal("22880.40")
    assert amount(pay["gross"]) == Decimal("18016.06")
    assert amount(pay["charges"]) == Decimal("4864.33")
    assert amount(yasmine["closing"]) == Decimal("0.01")
    # Each month's gross is at most the 2,000.00 stated.
    assert max(amount(m["gross"]) for m in months) == Decimal("2000.00")


def test_the_shareholders_year():
    data = report()
    steps = {s["code"]: s["amount"] for s in data["distribution"]["steps"]}
    # 2 % of the paid-up shares pro rata of time held: 3 x 1,000.00 for the year (60.00) and
    # Amina's 500.00 from 1 April (275 of 365 days: 7.53); the rest of 5,200.00 to the reserves.
    assert amount(steps["interest"]) == Decimal("67.53")
    assert amount(steps["reserves"]) == Decimal("5132.47")
    withheld = data["withholding"]
    assert amount(withheld["f-nadia"]["withheld"]) == Decimal("6.00")  # 30 % of 20.00
    assert amount(withheld["e-amina"]["withheld"]) == Decimal("2.26")  # 30 % of 7.53
    vote = next(v for v in data["votes"] if v["id"] == "amend-contribution")
    assert vote["adopted"] is True  # 20 for, 5 against: 80 % of the votes cast, at least 75 %


def test_without_a_rates_source_no_salary_is_booked(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    unsourced = tmp_path / "unsourced.toml"
    unsourced.write_text(
        "\n".join(line for line in text.splitlines() if not line.startswith("rates_source")),
        encoding="utf-8",
    )
    result = invoke("run", unsourced, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    amina = books(data, "amina-act")
    assert amount(amina["payroll"]["gross"]) == Decimal("0.00")
    assert amount(amina["payroll"]["blocked"]) == Decimal("56386.80")
    found = {(v["code"], v["severity"]) for v in data["violations"]}
    assert ("payroll.contribution_rates_unknown", "warning") in found


def test_a_rates_source_that_is_not_text_is_refused_naming_file_path_and_value(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(
        SAMPLE.read_text(encoding="utf-8").replace(
            'rates_source = "Secrétariat social de la coopérative, barème de l\'exemple (fictif)"',
            "rates_source = 27",
            1,
        ),
        encoding="utf-8",
    )
    result = invoke("run", bad)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "bad.toml" in line
    assert "payroll" in line
    assert "27" in line
