"""What the command shows: months, votes, subjects, citations, tables, progress and summaries."""

import importlib
import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from cooprules.plugins import load_regimes
from cooprules_adapters.scenario import evaluate_file
from cooprules_cli import main
from cooprules_cli.starter import starter

cli = importlib.import_module("cooprules_cli.main")  # the package's `main` is the command
ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "examples").glob("*.toml"))
TAG = re.compile(r"\[(SRC|SRC-2|SRC-old|MEM|UNC)\]|\bSRC-2\b|\bSRC-old\b")


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def scenario(tmp_path, code="be-activity", *, edit=lambda text: text, name="coop.toml"):
    path = tmp_path / name
    path.write_text(edit(starter(load_regimes().get(code), year=2025)), encoding="utf-8")
    return path


def test_months_follow_a_financial_year_from_july(tmp_path):
    path = scenario(tmp_path, edit=lambda t: t.replace("first_month = 1", "first_month = 7"))
    english = invoke("run", path, "--format", "markdown", "--locale", "en_US").stdout
    months = english.split("## Levies per month")[1]
    rows = [line.split(" | ")[0].removeprefix("| ") for line in months.splitlines()[4:16]]
    assert rows == [
        "Jul 2025", "Aug 2025", "Sep 2025", "Oct 2025", "Nov 2025", "Dec 2025",
        "Jan 2026", "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026",
    ]  # fmt: skip
    french = invoke("run", path, "--format", "markdown", "--lang", "fr").stdout
    assert "| juil. 2025 |" in french
    assert "| juin 2026 |" in french


def test_a_vote_shows_counts_and_a_percentage_of_the_same_counts():
    data = json.loads(invoke("run", ROOT / "examples/fr-cae-scop.toml", "--format", "json").stdout)
    vote = next(v for v in data["votes"] if v["id"] == "approve-accounts")
    assert vote["tally"] == {"for": "12", "against": "1", "abstain": "1"}
    assert vote["share_for"] == "12/13"  # abstentions are not votes cast
    assert vote["summary"] == (
        "Motion adopted: 12 for, 1 against, 1 abstaining; 92.31 % for; "
        "rule: more than 50 % of the votes cast"
    )
    amend = next(v for v in data["votes"] if v["id"] == "amend-contribution")
    assert amend["summary"].endswith("rule: at least 2/3 of the votes cast")


def test_a_vote_in_french():
    text = invoke("run", ROOT / "examples/qc-work.toml", "--format", "markdown", "--lang", "fr")
    assert (
        "Résolution adoptée : 9 pour, 1 contre ; 90\u00a0% pour ; règle : plus de 50\u00a0% des "
        "voix exprimées" in text.stdout
    )  # fr_CA, the default for French in Quebec: a no-break space before %


def test_a_college_weighted_share_says_so():
    data = json.loads(invoke("run", ROOT / "examples/fr-scic.toml", "--format", "json").stdout)
    assert "(weighted by college)" in data["votes"][0]["summary"]


def _two_decisions_without_quorum(text):
    one = text.split("[[meeting.decisions]]")[1]
    first = one.replace(', "m-ben" = "for", "m-chloe" = "for"', "")
    second = first.replace('id = "approve-accounts"', 'id = "amend-object"')
    return text.split("[[meeting.decisions]]")[0] + "".join(
        f"[[meeting.decisions]]{d}\n" for d in (first, second)
    )


def test_two_decisions_problems_each_name_their_own_decision(tmp_path):
    path = scenario(tmp_path, edit=_two_decisions_without_quorum)
    data = json.loads(invoke("run", path, "--format", "json").stdout)
    quorum = [v["subject"] for v in data["violations"] if v["code"] == "voting.no_quorum"]
    assert quorum == ["decision:approve-accounts", "decision:amend-object"]
    table = invoke("run", path, "--format", "markdown").stdout
    assert "| warning | decision:amend-object | Quorum not reached" in table
    check = invoke("check", path).stdout
    assert "decision:approve-accounts: Quorum not reached" in check


def test_a_pipe_in_a_name_is_escaped_in_markdown(tmp_path):
    path = scenario(tmp_path, edit=lambda t: t.replace("Ma coop", "x").replace("Ana Dupont", "A|B"))
    text = invoke("run", path, "--format", "markdown").stdout
    assert "| m-ana | A\\|B | member |  |" in text
    members = text.split("## Members and statuses")[1].split("##")[0]
    rows = [line for line in members.splitlines() if line.startswith("| m-")]
    assert all(re.sub(r"\\\|", "", row).count("|") == 5 for row in rows)  # four columns


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_citations_are_in_words_without_reference_tags(sample):
    for fmt in ("table", "json", "markdown"):
        for lang in ("en", "fr"):
            result = invoke("run", sample, "--format", fmt, "--explain", "--lang", lang)
            assert not TAG.search(result.stdout), (fmt, lang, TAG.search(result.stdout))
    assert not TAG.search(invoke("check", sample).stdout)


def test_a_citation_shows_instrument_article_address_and_confidence():
    data = json.loads(invoke("run", ROOT / "examples/be-activity.toml", "--format", "json").stdout)
    cited = next(v for v in data["violations"] if v["code"] == "be.activity.convention_overdue")
    assert cited["citation"]["instrument"].startswith("Loi du 1er mars 2007")
    assert cited["citation"]["article"] == "art. 80"
    assert cited["citation"]["url"].startswith("https://")
    assert cited["citation"]["confidence"] == "secondary source"
    check = invoke("check", ROOT / "examples/be-activity.toml", "--lang", "fr").stdout
    assert "art. 80 (source secondaire) : https://" in check


def test_regime_shows_the_confidence_in_words():
    table = invoke("regime", "be-activity", "--as-of", "2026-01-01").stdout
    markdown = invoke("regime", "be-activity", "--format", "markdown", "--as-of", "2026-01-01")
    for text in (table, markdown.stdout):
        assert "SRC" not in text
        assert "UNC" not in text
    assert "| secondary source |" in markdown.stdout


def test_progress_is_never_on_stdout(monkeypatch):
    shown = []

    def terminal():
        console = Console(stderr=True, force_terminal=True, width=80)
        shown.append(console)
        return console

    monkeypatch.setattr(cli, "_progress_console", terminal)
    result = invoke("run", ROOT / "examples/be-activity.toml", "--format", "json")
    assert result.exit_code == 0
    assert shown  # the bar was drawn on standard error
    assert json.loads(result.stdout)["regime"] == "be-activity"  # stdout is the JSON alone
    assert "Loading" in result.stderr
    assert "Rendering" in result.stderr


def test_no_progress_when_stderr_is_not_a_terminal():
    result = invoke("run", ROOT / "examples/be-activity.toml", "--format", "json")
    assert result.stderr == ""


def _big(text, members=60):
    extra = "".join(
        f'[[members]]\nid = "x{i:03}"\nname = "Member {i}"\nevents = [\n'
        '  { kind = "applied", date = 2024-01-10 },\n'
        '  { kind = "admitted", date = 2024-02-01 },\n]\n\n'
        for i in range(members)
    )
    return text.replace("[[share_classes]]", extra + "[[share_classes]]")


def test_summary_counts_the_members_and_cuts_long_tables(tmp_path):
    path = scenario(tmp_path, edit=_big)
    short = invoke("run", path, "--format", "markdown", "--summary").stdout
    assert "## Members by status" in short
    assert "| member | 63 |" in short
    assert "| total | 63 |" in short
    assert "x059" not in short
    full = invoke("run", path, "--format", "markdown").stdout  # markdown: in full by default
    assert "x059" in full
    assert "Members by status" not in full
    data = json.loads(invoke("run", path, "--format", "json", "--summary").stdout)
    assert len(data["members"]) == 63  # JSON is always in full


def test_summary_is_the_terminal_default_above_50_members(tmp_path, monkeypatch):
    path = scenario(tmp_path, edit=_big)
    monkeypatch.setattr(Console, "is_terminal", property(lambda _self: True))
    assert "Members by status" in invoke("run", path).stdout
    assert "x059" in invoke("run", path, "--full").stdout
    small = scenario(tmp_path, name="small.toml")
    assert "Members and statuses" in invoke("run", small).stdout


def test_summary_keeps_a_total_row_and_says_what_it_leaves_out(tmp_path):
    sections = [
        ("Members", ["id"], [["a"]]),
        ("Long", ["what", "amount"], [[f"r{i}", "1"] for i in range(30)] + [["total", "30"]]),
    ]
    path = scenario(tmp_path)
    report = cli._evaluate(str(path), None)
    (_, long) = cli._summarise(sections, report, "en")
    (_, short) = cli._summarise([sections[0], ("Months", ["m"], [["x"]] * 20)], report, "en")
    assert short[2] == [["x"]] * 20  # twenty rows are shown whole
    rows = long[2]
    assert rows[: cli.SUMMARY_ROWS] == [[f"r{i}", "1"] for i in range(cli.SUMMARY_ROWS)]
    assert rows[-2] == ["… 20 more rows (--full shows them)", ""]
    assert rows[-1] == ["total", "30"]


def test_regimes_uses_the_terminal_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    wide = invoke("regimes").stdout
    monkeypatch.setenv("COLUMNS", "60")
    narrow = invoke("regimes").stdout
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert max(len(line) for line in wide.splitlines()) > 100
    assert "be-activity" in narrow


def test_the_report_itself_names_each_decisions_problems_after_the_decision(tmp_path):
    # Through the Python API, as an embedding application sees it: not only in the CLI's text.
    path = scenario(tmp_path, edit=_two_decisions_without_quorum)
    report = evaluate_file(path, as_of=date(2025, 12, 31), journal=False)
    for vote in report.votes:
        assert {v.subject for v in vote.result.violations} == {f"decision:{vote.id}"}
    quorum = [v.subject for v in report.violations if v.code == "voting.no_quorum"]
    assert quorum == ["decision:approve-accounts", "decision:amend-object"]
