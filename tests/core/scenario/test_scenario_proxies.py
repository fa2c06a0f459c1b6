"""Scenario files: the meeting's proxies and the statutes' limit on them (issue 14.1)."""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.plugins import get_regime
from cooprules.report import YearReport, evaluate
from cooprules.scenario import ScenarioError, loads

MEMBERS = "".join(
    f'[[members]]\nid = "{m}"\nevents = [{{ kind = "admitted", date = 2020-01-06 }}]\n'
    for m in ("ana", "bo", "cy", "dee")
)


def head(regime: str, voting: str = "") -> str:
    return f'[coop]\nregime = "{regime}"\nname = "Coop"\nyear = 2025\n' + voting


def decision(kind: str, ballots: str, proxies: str) -> str:
    return (
        '[meeting]\ndate = 2026-03-28\n[[meeting.decisions]]\nid = "d"\n'
        f'kind = "{kind}"\nballots = {{ {ballots} }}\nproxies = [{proxies}]\n'
    )


def report_of(text: str, regime: str) -> YearReport:
    return evaluate(loads(text, name="x.toml"), as_of=date(2025, 12, 31), regime=get_regime(regime))


def test_a_negative_proxy_limit_is_refused_with_its_path_and_value() -> None:
    # Before: loaded, and every proxy of the meeting was "more than the -1 allowed".
    text = head("be-cnc", "[coop.voting]\nmax_proxies = -1\n") + MEMBERS
    with pytest.raises(ScenarioError) as info:
        loads(text, name="x.toml")
    error = info.value
    assert (error.file, error.path, error.value) == ("x.toml", "coop.voting.max_proxies", -1)
    assert "x.toml: coop.voting.max_proxies" in str(error)
    assert loads(head("be-cnc", "[coop.voting]\nmax_proxies = 0\n") + MEMBERS).coop.voting


def test_a_proxy_to_oneself_in_a_scenario_is_a_violation_and_not_counted() -> None:
    # A SCOP (loi 1978 art. 14: represented by another associate). Before: 2 counted, adopted.
    to_self = decision(
        "sa.extraordinary", 'ana = "for", bo = "for"', '{ grantor = "bo", holder = "bo" }'
    )
    report = report_of(head("fr-scop") + MEMBERS + to_self, "fr-scop")
    (vote,) = report.votes
    assert vote.result.counted == 1
    codes = [(v.code, v.subject) for v in report.violations]
    assert codes == [
        ("voting.proxy_to_self", "proxy bo -> bo"),
        ("voting.ballot_not_present", "bo"),
    ]


def test_a_family_representative_is_not_a_member_of_the_scenario() -> None:
    # Quebec (quebec.md Q3): a non-member spouse or adult child. Before: "unknown member" for
    # the holder, so a family representation could not be written in a scenario.
    ballots = 'ana = "for", bo = "against", cy = "for"'
    family = '{ grantor = "cy", holder = "Paul", family = true }'
    text = head("qc-solidarity") + MEMBERS + decision("ordinary", ballots, family)
    report = report_of(text, "qc-solidarity")
    (vote,) = report.votes
    assert vote.result.counted == 3
    assert vote.result.adopted
    assert not [v for v in report.violations if v.subject.startswith("proxy ")]
    # A member's holder must still be a member of the scenario.
    stranger = decision("ordinary", ballots, '{ grantor = "cy", holder = "Paul" }')
    with pytest.raises(ScenarioError) as info:
        loads(head("qc-solidarity") + MEMBERS + stranger, name="x.toml")
    assert (info.value.path, info.value.value) == ("meeting.decisions[0].proxies[0].holder", "Paul")
