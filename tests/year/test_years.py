"""A co-op over three years: the qc-work chain of examples/ (2024, 2025, 2026), closed and opened.

Worked examples, each figure computed by hand from the samples' facts:

* Cooperatives Act (CQLR c C-67.2) s. 146: the equity below 40 % of the debts, 20 % of the
  surplus goes to the reserve: 2024, 32,000.00 -> 6,400.00; 2026, 24,000.00 -> 4,800.00.
* s. 224.7 and by-law art. 9.3: refunds by the hours averaged over the last four financial
  years, the year's included. 2024 averages 2021-2024: w1 (1600+1640+1600+1560)/4 = 1600,
  w2 1100, w3 1700, w4 1465, total 5865; w1 gets 25,600.00 x 1600/5865 = 6,983.80.
  2026 averages 2023-2026, the hours of 2023 and 2024 carried through two closing files and
  2025's through one: w1 (1600+1560+1500+1540)/4 = 1550, w2 1055, w3 1660, w4 1465, a1
  (0+0+560+1600)/4 = 540, total 6270; a1 gets 19,200.00 x 540/6270 = 1,653.59 and w1
  19,200.00 x 1550/6270 = 4,746.41.
* s. 145 (the reserve is the allocations less the deficits): the 2025 loss of 9,000.00 is charged
  to the reserve: 30,000.00 + 6,400.00 = 36,400.00 -> 27,400.00 -> + 4,800.00 = 32,200.00.
* s. 224.2: a trial of at most 250 days of work over at most 18 months; Léa Fortin's trial
  from 2 September 2024 reaches its 250th working day (the Quebec calendar's estimate) on
  27 August 2025: the deadline is carried across the year's end into 2025.
* the share register accumulates: 2,000.00 subscribed / 1,800.00 paid up at the end of 2024;
  a1 subscribes 500.00 (100.00 paid), w4 pays his 200.00: 2,500.00 / 2,100.00 at the end of
  2025; a1 pays 400.00: 2,500.00 / 2,500.00 at the end of 2026.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from cooprules_cli import main

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLES = Path(__file__).resolve().parents[2] / "src" / "cooprules_cli" / "samples"


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def run(path, *extra):
    result = invoke("run", path, "--format", "json", *extra)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def step(data, code):
    return next(s for s in data["distribution"]["steps"] if s["code"] == code)


def reserve(closing, code="reserve"):
    return next(r for r in closing["reserves"] if r["code"] == code)


def chain(tmp_path):
    """The three years run one after the other in ``tmp_path``, each closing the next opens on."""
    for name in ("qc-work-2024.toml", "qc-work-2025.toml", "qc-work-2026.toml"):
        shutil.copy(EXAMPLES / name, tmp_path / name)
    reports, closings = [], []
    for year in (2024, 2025, 2026):
        target = tmp_path / f"qc-work-{year}-closing.json"
        reports.append(run(tmp_path / f"qc-work-{year}.toml", "--close", target))
        closings.append(json.loads(target.read_text(encoding="utf-8")))
    return reports, closings


def test_the_shipped_closing_files_are_what_close_writes(tmp_path):
    chain(tmp_path)
    for year in (2024, 2025):
        name = f"qc-work-{year}-closing.json"
        written = (tmp_path / name).read_text(encoding="utf-8")
        assert written == (EXAMPLES / name).read_text(encoding="utf-8"), name
        assert written == (SAMPLES / name).read_text(encoding="utf-8"), name


def test_2024_reserve_and_refunds_by_the_four_year_average(tmp_path):
    (y2024, _, _), (c2024, _, _) = chain(tmp_path)
    assert step(y2024, "reserve")["amount"] == "6400.00 CAD"  # s. 146: 20 % of 32,000.00
    refunds = step(y2024, "refunds")
    assert refunds["amount"] == "25600.00 CAD"
    assert refunds["shares"]["w1"] == "6983.80 CAD"  # 25,600 x 1600/5865, s. 224.7
    assert reserve(c2024)["balance"] == "36400.00"
    assert c2024["totals"] == {
        "subscribed": "2000.00",
        "paid_up": "1800.00",
        "reserves": "36400.00",
        "activities": "0.00",
    }


def test_the_trial_crosses_the_year_end_with_its_deadline(tmp_path):
    (y2024, _, _), (c2024, _, _) = chain(tmp_path)
    (due,) = [d for d in y2024["deadlines"] if d["subject"] == "a1"]
    assert (due["code"], due["due"], due["state"]) == ("qc.work.trial_end", "2025-08-27", "pending")
    (lea,) = [m for m in c2024["members"] if m["id"] == "a1"]
    assert lea["status"] == "auxiliary"
    assert lea["events"] == [{"kind": "trial_started", "date": "2024-09-02"}]
    # 2025, year to date on 30 June: the carried trial keeps its deadline (s. 224.2).
    mid = run(EXAMPLES / "qc-work-2025.toml", "--as-of", "2025-06-30")
    (due,) = [d for d in mid["deadlines"] if d["subject"] == "a1"]
    assert (due["due"], due["state"]) == ("2025-08-27", "pending")
    # Admitted on 25 August 2025, before the limit: nothing is due at the year's end.
    end = run(EXAMPLES / "qc-work-2025.toml")
    assert not [d for d in end["deadlines"] if d["subject"] == "a1"]
    assert {m["id"]: m["status"] for m in end["members"]}["a1"] == "member"


def test_2025_the_loss_is_absorbed_by_the_reserve(tmp_path):
    (_, y2025, _), (_, c2025, _) = chain(tmp_path)
    assert y2025["distribution"] is None
    loss = y2025["year_end"]["loss"]
    assert loss["loss"] == "9000.00 CAD"
    assert loss["carried_forward"] == "0.00 CAD"
    assert reserve(c2025)["balance"] == "27400.00"  # 36,400.00 - 9,000.00, s. 145
    assert c2025["loss_carried_forward"] == "0.00"
    assert c2025["totals"]["subscribed"] == "2500.00"
    assert c2025["totals"]["paid_up"] == "2100.00"


def test_2026_refunds_average_hours_carried_over_three_closings(tmp_path):
    (_, _, y2026), (_, c2025, c2026) = chain(tmp_path)
    (lea,) = [m for m in c2025["members"] if m["id"] == "a1"]
    assert lea["measures"] == {"hours": {"2025": "560"}}
    (emilie,) = [m for m in c2025["members"] if m["id"] == "w1"]
    assert emilie["measures"]["hours"] == {
        "2021": "1600",
        "2022": "1640",
        "2023": "1600",
        "2024": "1560",
        "2025": "1500",
    }
    assert step(y2026, "reserve")["amount"] == "4800.00 CAD"  # s. 146: 20 % of 24,000.00
    refunds = step(y2026, "refunds")["shares"]
    assert refunds["a1"] == "1653.59 CAD"  # 19,200 x 540/6270
    assert refunds["w1"] == "4746.41 CAD"  # 19,200 x 1550/6270
    assert reserve(c2026)["balance"] == "32200.00"
    assert c2026["totals"]["paid_up"] == "2500.00"


def test_a_year_to_date_shows_the_months_begun_only():
    mid = run(EXAMPLES / "qc-work-2025.toml", "--as-of", "2025-06-30")
    assert mid["year_to_date"] is True
    assert len(mid["levies"]["month_totals"]) == 6  # January to June: the rest absent
    assert mid["distribution"] is None
    assert mid["votes"] == []  # the meeting of 28 March 2026 is not held yet
    end = run(EXAMPLES / "qc-work-2025.toml")
    assert end["year_to_date"] is False
    assert len(end["levies"]["month_totals"]) == 12


def test_close_needs_the_whole_year(tmp_path):
    target = tmp_path / "c.json"
    result = invoke(
        "run", EXAMPLES / "qc-work-2025.toml", "--as-of", "2025-06-30", "--close", target
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "qc-work-2025.toml: as_of" in lines[0]
    assert "2025-06-30" in lines[0]
    assert not target.exists()


def test_samples_copies_the_closing_a_year_opens_on(tmp_path):
    result = invoke("samples", "qc-work-2026", "--output", tmp_path)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "qc-work-2025-closing.json").is_file()
    assert run(tmp_path / "qc-work-2026.toml")["year_to_date"] is False


def test_the_report_says_it_is_a_year_to_date():
    path = EXAMPLES / "qc-work-2025.toml"
    english = invoke("run", path, "--as-of", "2025-06-30", "--format", "markdown")
    assert english.exit_code == 0, english.output
    assert english.stdout.splitlines()[0].endswith("year to date (the months begun by this day)")
    french = invoke("run", path, "--as-of", "2025-06-30", "--format", "markdown", "--lang", "fr")
    assert "exercice à date (les mois commencés à ce jour)" in french.stdout.splitlines()[0]
    whole = invoke("run", path, "--format", "markdown")
    assert "year to date" not in whole.stdout.splitlines()[0]


def test_a_statement_to_date_has_the_months_begun_only():
    path = EXAMPLES / "be-activity.toml"
    mid = invoke("statement", path, "amina-act", "--as-of", "2025-06-30")
    assert mid.exit_code == 0, mid.output
    lines = mid.stdout.splitlines()
    assert lines[0].endswith("year to date, 2025-06-30")
    months = [line for line in lines if line.startswith("| 2025-")]
    assert [line.split(" | ")[0] for line in months] == [f"| 2025-{m:02d}" for m in range(1, 7)]
    assert any(line.startswith("| Result to date |") for line in lines)
    whole = invoke("statement", path, "amina-act")
    assert len([line for line in whole.stdout.splitlines() if line.startswith("| 2025-")]) == 12
