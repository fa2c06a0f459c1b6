"""The [expected] section of a scenario and its comparison with the report (cooprules.expected)."""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.errors import InvalidInput
from cooprules.expected import check_expectations, expectations_of, render_outcomes
from cooprules.plugins import load_regimes
from cooprules.scenario import ScenarioError, loads
from cooprules_adapters.scenario import evaluate_scenario

CATALOGUE = load_regimes()
HEAD = """
[coop]
regime = "be-activity"
name = "Coop"
year = 2025
[levies]
rate = "10%"
base = "revenue"
[[members]]
id = "lina"
birth_date = 1982-06-15
facts = { unemployment_days_18_months = 170 }
events = [{ kind = "convention_signed", date = 2025-02-01 }]
[[members]]
id = "tom"
events = [{ kind = "admitted", date = 2019-03-01 }]
[[share_classes]]
code = "A"
nominal = "100.00"
[[share_operations]]
id = "s1"
kind = "subscribe"
date = 2019-03-01
member = "tom"
share_class = "A"
shares = 10
[[activities]]
id = "a1"
owner = "lina"
start = 2025-02-01
revenue = ["0", "1000.00", "2000.00"]
[meeting]
date = 2025-06-01
[[meeting.decisions]]
id = "d1"
kind = "amend_articles"
ballots = { tom = "for" }
"""


def scenario(expected: str, *, name: str = "x.toml"):
    return loads(HEAD + expected, name=name, currency="EUR")


def outcomes(expected: str):
    loaded = scenario(expected)
    spec = expectations_of(loaded)
    report = evaluate_scenario(loaded, as_of=spec.as_of, catalogue=CATALOGUE, journal=False)
    return check_expectations(report, spec)


def error(expected: str) -> ScenarioError:
    with pytest.raises(ScenarioError) as info:
        scenario(expected)
    return info.value


def test_every_kind_of_figure_can_be_met():
    found = outcomes("""
[expected]
as_of = 2025-12-31
[[expected.deadlines]]
member = "lina"
code = "be.activity.convention_end"
due = 2026-07-31
state = "pending"
[[expected.levies]]
activity = "a1"
month = 3
amount = "200.00"
[[expected.levies]]
activity = "a1"
amount = "300.00"
[[expected.distribution]]
step = "reserve"
amount = "0.00"
[[expected.votes]]
decision = "d1"
adopted = true
quorum_reached = true
share_for = "100%"
[[expected.violations]]
code = "be.activity.target_group_quota"
absent = true
[[expected.members]]
member = "lina"
status = "candidate_entrepreneur"
""")
    assert [o.path for o in found] == [
        "expected.deadlines[0]",
        "expected.levies[0]",
        "expected.levies[1]",
        "expected.distribution[0]",
        "expected.votes[0]",
        "expected.violations[0]",
        "expected.members[0]",
    ]
    not_met = [(o.path, o.expected, o.actual) for o in found if not o.met]
    # the scenario has no distribution: the only figure the report does not have
    assert not_met == [("expected.distribution[0]", "0.00 EUR", None)]


def test_a_figure_not_met_carries_the_reports_explanation():
    levy, vote, deadline = outcomes("""
[expected]
as_of = 2025-12-31
[[expected.deadlines]]
member = "lina"
code = "be.activity.convention_end"
due = 2026-08-01
[[expected.levies]]
activity = "a1"
month = 2
amount = "99.99"
[[expected.votes]]
decision = "d1"
adopted = false
""")[1:] + outcomes("""
[expected]
as_of = 2025-12-31
[[expected.deadlines]]
member = "lina"
code = "be.activity.convention_end"
due = 2026-08-01
""")
    assert not levy.met
    assert (levy.expected, levy.actual) == ("99.99 EUR", "100.00 EUR")
    assert "period = 2025-02-01" in render_outcomes([levy])  # the month's own steps
    assert "period = 2025-03-01" not in render_outcomes([levy])
    assert not deadline.met
    assert deadline.actual == "2026-07-31 (pending)"
    assert deadline.citation is not None
    assert deadline.explanation.steps
    assert not vote.met
    assert vote.actual == "adopted = true"
    assert vote.explanation.steps
    text = render_outcomes([levy, vote, deadline])
    assert text.splitlines()[0].startswith("not met  expected.levies[0]: levy of activity a1")
    assert "    1. " in text
    assert text.endswith("0 met, 3 not met\n")


def test_a_violation_not_as_stated_lists_what_the_report_found():
    absent, present = outcomes("""
[coop.statutes.values]
"capital.dividend_cap" = "7%"
[expected]
as_of = 2025-12-31
[[expected.violations]]
code = "statutes.above_maximum"
absent = true
[[expected.violations]]
code = "be.activity.target_group_quota"
""")
    assert not absent.met
    assert (absent.expected, absent.actual) == ("absent = true", "absent = false")
    assert [v.code for v in absent.violations] == ["statutes.above_maximum"]
    assert not present.met
    assert present.actual == "absent = true"
    assert [v.code for v in present.violations] == ["statutes.above_maximum"]
    assert "    [error] capital.dividend_cap: " in render_outcomes([present])


def test_render_in_french():
    (outcome,) = outcomes("""
[expected]
as_of = 2025-12-31
[[expected.members]]
member = "tom"
status = "resigned"
""")
    text = render_outcomes([outcome], lang="fr")
    assert text == (
        "non atteint expected.members[0]: statut de tom: attendu resigned ; obtenu member\n"
        "0 atteint(s), 1 non atteint(s)\n"
    )


def test_the_report_must_be_as_of_the_stated_date():
    loaded = scenario("[expected]\nas_of = 2025-12-31\n")
    report = evaluate_scenario(loaded, as_of=date(2025, 6, 30), catalogue=CATALOGUE, journal=False)
    with pytest.raises(InvalidInput, match=r"expected\.as_of"):
        check_expectations(report, expectations_of(loaded))


def _stated(*lines: str) -> str:
    return "\n".join(("[expected]", "as_of = 2025-12-31", *lines, ""))


@pytest.mark.parametrize(
    ("expected", "path", "value"),
    [
        ('[expected]\nas_of = "2025-13-01"\n', "expected.as_of", "2025-13-01"),
        (
            _stated("[[expected.deadlines]]", 'member = "zoe"', 'code = "x"', "due = 2026-01-01"),
            "expected.deadlines[0].member",
            "zoe",
        ),
        (
            _stated(
                "[[expected.deadlines]]",
                'member = "lina"',
                'code = "x"',
                "due = 2026-01-01",
                'state = "met"',
            ),
            "expected.deadlines[0].state",
            "met",
        ),
        (
            _stated("[[expected.levies]]", 'activity = "a1"', "month = 13", 'amount = "1.00"'),
            "expected.levies[0].month",
            13,
        ),
        (
            _stated("[[expected.levies]]", 'activity = "a1"', "amount = 1.5"),
            "expected.levies[0].amount",
            1.5,
        ),
        (
            _stated("[[expected.levies]]", 'activity = "a9"', 'amount = "1.00"'),
            "expected.levies[0].activity",
            "a9",
        ),
        (_stated("[[expected.votes]]", 'decision = "d1"'), "expected.votes[0]", "d1"),
        (
            _stated("[[expected.votes]]", 'decision = "d2"', "adopted = true"),
            "expected.votes[0].decision",
            "d2",
        ),
        (
            _stated("[[expected.members]]", 'member = "lina"', 'status = "boss"'),
            "expected.members[0].status",
            "boss",
        ),
        (_stated("figures = 1"), "expected.figures", 1),
    ],
)
def test_bad_expectations_name_the_file_the_path_and_the_value(expected, path, value):
    found = error(expected)
    assert (found.file, found.path, found.value) == ("x.toml", path, value)
    assert str(found).startswith(f"x.toml: {path}: ")


def test_the_date_of_the_figures_is_required():
    assert "expected.as_of" in str(error("[expected]\n"))


def test_a_scenario_without_expectations_has_nothing_to_check():
    with pytest.raises(ScenarioError, match=r"x\.toml: expected: no \[expected\] section"):
        expectations_of(scenario(""))
