"""A small Belgian co-op whose tables the tests give as files, rows or data frames."""

from __future__ import annotations

HEAD = """\
format = 2

[coop]
regime = "be-activity"
name = "Coop"
year = 2025

[levies]
schedules = [{ sample = "be.ACTIVITY_EXAMPLE" }]

[meeting]
date = 2025-06-20
decisions = [{ id = "accounts", kind = "ordinary", title = "The accounts" }]
"""

MEMBERS = """\

[[members]]
id = "ana"
name = "Ana"
birth_date = 1990-04-01
facts = { unemployment_days_18_months = 300, on_integration_income = true }
events = [
  { kind = "applied", date = 2024-01-10 },
  { kind = "admitted", date = 2024-02-01, category = "worker" },
]
measures = { hours = "1500" }

[[members]]
id = "bo"
name = "Bo"
events = [{ kind = "convention_signed", date = 2025-01-06 }]
measures = { hours = { 2024 = 1400, 2025 = "1500.5" } }
"""

ACTIVITIES = """\

[[activities]]
id = "bo-design"
owner = "bo"
start = 2025-01-06
revenue = ["3000.00", 2500, "-100.00"]
direct_costs = ["200.00"]
levy = { rate = "5%", from = 2025-01-01, until = 2025-07-01 }
"""

MEETING_BALLOTS = {"ana": "for", "bo": "abstain"}

CSV = {
    "members.csv": (
        "id,name,birth_date,facts.unemployment_days_18_months,facts.on_integration_income\n"
        "ana,Ana,1990-04-01,300,true\n"
        "bo,Bo,,,\n"
    ),
    "events.csv": (
        "member,kind,date,category\n"
        "ana,applied,2024-01-10,\n"
        "ana,admitted,2024-02-01,worker\n"
        "bo,convention_signed,2025-01-06,\n"
    ),
    "measures.csv": (
        "member,measure,year,value\nana,hours,,1500\nbo,hours,2024,1400\nbo,hours,2025,1500.5\n"
    ),
    "activities.csv": (
        "id,owner,start,levy.rate,levy.from,levy.until\n"
        "bo-design,bo,2025-01-06,5%,2025-01-01,2025-07-01\n"
    ),
    "lines.csv": (
        "activity,month,revenue,direct_costs\n"
        "bo-design,1,3000.00,200.00\n"
        "bo-design,3,-100.00,\n"
        "bo-design,2,2500,\n"
    ),
    "ballots.csv": "decision,voter,choice\naccounts,ana,for\naccounts,bo,abstain\n",
}

TABLES = """\

[tables]
members = "members.csv"
member_events = "events.csv"
measures = "measures.csv"
activities = "activities.csv"
activity_lines = "lines.csv"
ballots = "ballots.csv"
"""


def inline_toml() -> str:
    """The co-op with every table written in its TOML."""
    head = HEAD.replace(
        'title = "The accounts" }',
        'title = "The accounts", ballots = { ana = "for", bo = "abstain" } }',
    )
    return head + MEMBERS + ACTIVITIES
