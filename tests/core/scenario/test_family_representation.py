"""Family representation in a scenario: the statutes' value of the regime's key, never a field.

quebec.md (MEIE explainer, [SRC-2]): a member may be represented at a general meeting by a
non-member spouse or adult child unless the by-laws forbid it; never in a work co-op. The rule is
the law file's ``qc.family_representation_allowed``; by-laws that forbid it state ``false`` as the
key's value in ``[coop.statutes.values]``. The old ``[coop.voting] family_representation`` field
is refused with a message saying where it went.
"""

from __future__ import annotations

from datetime import date

import pytest

from cooprules.plugins import get_regime
from cooprules.report import evaluate
from cooprules.scenario import ScenarioError, loads

MEETING = """
[[members]]
id = "ana"
events = [{ kind = "admitted", date = 2020-01-06 }]
[[members]]
id = "bo"
events = [{ kind = "admitted", date = 2020-01-06 }]
[[members]]
id = "cy"
events = [{ kind = "admitted", date = 2020-01-06 }]

[meeting]
date = 2026-05-20
[[meeting.decisions]]
id = "budget"
kind = "ordinary"
ballots = { ana = "for", bo = "against", cy = "for" }
proxies = [{ grantor = "cy", holder = "Paul", family = true }]
"""


def _coop(regime: str, statutes: str = "") -> str:
    head = f'[coop]\nregime = "{regime}"\nname = "Coop"\nyear = 2025\ncurrency = "CAD"\n'
    return head + statutes + MEETING


def _vote(text: str) -> tuple[bool, list[str]]:
    scenario = loads(text, name="family.toml")
    report = evaluate(scenario, as_of=date(2026, 5, 31), regime=get_regime(scenario.coop.regime))
    (vote,) = report.votes
    return vote.result.adopted, [v.code for v in vote.result.violations]


FORBID = '[coop.statutes.values]\n"qc.family_representation_allowed" = false\n'


def test_the_by_laws_value_of_the_key_forbids_it():
    # cy's spouse represents cy: 2 for, 1 against. Forbidden by the by-laws, cy counts as absent
    # and the vote is a tie of 1 to 1: not adopted.
    assert _vote(_coop("qc-producer")) == (True, [])
    adopted, codes = _vote(_coop("qc-producer", FORBID))
    assert not adopted
    assert "voting.family_representation_not_allowed" in codes


def test_a_work_co_op_never_allows_it():
    adopted, codes = _vote(_coop("qc-work"))
    assert not adopted
    assert "voting.family_representation_not_allowed" in codes
    allow = '[coop.statutes.values]\n"qc.family_representation_allowed" = true\n'
    scenario = loads(_coop("qc-work", allow), name="family.toml")
    report = evaluate(scenario, as_of=date(2026, 5, 31), regime=get_regime("qc-work"))
    assert "statutes.contradicts_law" in [v.code for v in report.violations]
    assert not report.votes[0].result.adopted  # the law's false wins


def test_the_old_voting_field_is_refused_with_where_it_went():
    text = _coop("qc-producer", "[coop.voting]\nfamily_representation = false\n")
    with pytest.raises(ScenarioError) as info:
        loads(text, name="family.toml")
    error = info.value
    assert (error.file, error.path, error.value) == (
        "family.toml",
        "coop.voting.family_representation",
        False,
    )
    assert "[coop.statutes.values]" in error.reason
    assert '"qc.family_representation_allowed" = false' in error.reason
