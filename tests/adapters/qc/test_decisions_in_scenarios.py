"""A Quebec co-op's suspensions and exclusions, with their board decisions, in a scenario file.

Cooperatives Act (CQLR c C-67.2) s.58 (quebec.md §Q5 [SRC],
http://www.legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:58&pointInTime=20200715): the
board suspends or excludes by two thirds of the votes cast by the directors present, after written
notice of the grounds and of the meeting, and sends a reasoned decision within 15 days; s.57 lists
the grounds (a by-law cannot add any).

Before decisions could be written in a scenario, every suspension or exclusion of a Quebec
scenario was reported illegal ("a decision of the board is required").
"""

from __future__ import annotations

from datetime import date

from cooprules.plugins import load_regimes
from cooprules.scenario import loads
from cooprules_adapters.qc import membership as qc
from cooprules_adapters.scenario import evaluate_scenario

HEAD = """
[coop]
regime = "qc-solidarity"
name = "Coopérative de solidarité du Marché"
year = 2025
currency = "CAD"
"""

# Ana (user) is suspended on 1 March 2025: notice on 14 February, 4 of the 6 votes cast by the 7
# directors present, reasons sent on 10 March. Bob (worker) is excluded on 1 April: 3 of 5 votes
# (below two thirds) and reasons sent on 20 April (19 days). Cy is "reinstated" without ever having
# been suspended. Dee is suspended with no decision at all.
MEMBERS = """
[[members]]
id = "ana"
[[members.events]]
kind = "admitted"
date = 2020-01-10
category = "user"
[[members.events]]
kind = "suspended"
date = 2025-03-01
[members.events.decision]
body = "board"
date = 2025-03-01
votes_for = 4
votes_cast = 6
present = 7
notice_given = 2025-02-14
reasons_sent = 2025-03-10
grounds = "unmet_obligations"

[[members]]
id = "bob"
[[members.events]]
kind = "admitted"
date = 2020-01-10
category = "worker"
[[members.events]]
kind = "excluded"
date = 2025-04-01
[members.events.decision]
body = "board"
date = 2025-04-01
votes_for = 3
votes_cast = 5
present = 5
notice_given = 2025-03-20
reasons_sent = 2025-04-20
grounds = "competes_with_coop"

[[members]]
id = "cy"
events = [
  { kind = "admitted", date = 2020-01-10, category = "worker" },
  { kind = "reinstated", date = 2025-04-01 },
]

[[members]]
id = "dee"
events = [
  { kind = "admitted", date = 2020-01-10, category = "user" },
  { kind = "suspended", date = 2025-05-01 },
]
"""


def violations(text: str):
    scenario = loads(text, name="qc.toml")
    report = evaluate_scenario(
        scenario, as_of=date(2025, 12, 31), catalogue=load_regimes(), journal=False
    )
    return [(v.subject, v.message.en, v.citation) for v in report.violations]


def test_the_board_s_decisions_are_read_from_the_scenario():
    found = violations(HEAD + MEMBERS)
    by_member = {subject: (message, citation) for subject, message, citation in found}
    assert sorted(by_member) == ["bob", "cy", "dee"]  # ana's suspension is lawful
    message, citation = by_member["bob"]
    assert "3 of 5 votes cast is below the required 2/3" in message
    assert "written reasons must be sent within 15 days" in message
    assert citation is qc.EXCLUSION
    message, citation = by_member["dee"]
    assert "a decision of the board is required" in message
    assert citation is qc.EXCLUSION
    # No transition from member on a reinstatement: the Act's general rule on members, not None.
    message, citation = by_member["cy"]
    assert "allows no reinstated in status member" in message
    assert citation is qc.MEMBERS
    assert len(found) == 3


def test_the_report_shows_the_statuses_the_decisions_lead_to():
    scenario = loads(HEAD + MEMBERS, name="qc.toml")
    report = evaluate_scenario(
        scenario, as_of=date(2025, 12, 31), catalogue=load_regimes(), journal=False
    )
    statuses = {row.id: row.status.value for row in report.members}
    assert statuses == {"ana": "suspended", "bob": "excluded", "cy": "member", "dee": "suspended"}
