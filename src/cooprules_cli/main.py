"""The ``cooprules`` command-line tool (click and rich)."""

from __future__ import annotations

import inspect
import json
import sys
import tomllib
from datetime import date
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, NoReturn, Self

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress
from rich.table import Table

from cooprules import __version__
from cooprules.books import statement as activity_statement
from cooprules.errors import CoopRulesError
from cooprules.expected import check_expectations, expectations_of, render_outcomes
from cooprules.explain import Confidence, Explanation, Severity, Text
from cooprules.i18n import LANGUAGES, default_locale
from cooprules.lawview import describe, row_cells, row_headings, view_header, view_json
from cooprules.lawview import view_markdown as regime_markdown
from cooprules.money import format_amount
from cooprules.plugins import load_regimes
from cooprules.reserves import MovementKind
from cooprules.scenario import ScenarioError, load, read_text
from cooprules_cli.books import books_explanations, books_json, books_sections
from cooprules_cli.starter import sample_names, sample_text, schema_text, starter
from cooprules_cli.text import (
    Human,
    citation_json,
    confidence_word,
    escape_markdown,
    help_language,
    help_text,
    month_labels,
    render_citation,
    render_steps,
    step_code,
    vote_summary,
    vote_tally,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from moneyed import Money

    from cooprules.board import BoardElection
    from cooprules.expected import Outcome
    from cooprules.explain import Lang, Violation
    from cooprules.plugins import RegimeCatalogue
    from cooprules.report import LevyRow, Vote, YearReport
    from cooprules.scenario import Scenario

__all__ = ["main", "report_json", "report_markdown"]

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h: a bug of cooprules, not of the input
DEADLINE_DAYS = 90
SUMMARY_MEMBERS = 50
"""Above this many members, the terminal shows a summary unless ``--full`` is given."""
SUMMARY_ROWS = 10
"""The rows a summary keeps of a long table (its total row too)."""


def _amount(value: Money) -> str:
    return format_amount(value)


def _steps(explanation: Explanation, lang: Lang, locale: str | None = None) -> list[str]:
    return render_steps(explanation, lang, locale)


def _vote(vote: Vote, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": vote.id,
        "kind": vote.kind,
        "title": vote.title,
        "adopted": vote.result.adopted,
        "quorum_reached": vote.result.quorum_reached,
        "share_for": str(vote.result.share_for),
        "tally": vote_tally(vote.result),
        "summary": vote_summary(vote.result, lang),
    }
    if vote.result.college_shares:  # only with colleges: other reports keep their keys
        out["college_shares"] = {
            code: str(share) for code, share in sorted(vote.result.college_shares.items())
        }
    return out


def _schedules_of(row: LevyRow, report: YearReport) -> dict[str, list[int]]:
    """The schedules that levied an activity, each with its months of the financial year (1-12)."""
    first = report.year.start
    out: dict[str, list[int]] = {}
    for statement in row.year.periods:
        start = statement.period.start
        month = (start.year - first.year) * 12 + start.month - first.month + 1
        out.setdefault(statement.schedule.name or "schedule", []).append(month)
    return out


def _election(election: BoardElection, lang: Lang) -> dict[str, Any]:
    """One board election as JSON: the elected, the votes, the board after it."""
    return {
        "id": election.id,
        "title": election.title,
        "method": election.method.value,
        "seats": election.seats,
        "elected": list(election.elected),
        "votes": dict(sorted(election.result.votes.items())),
        "rounds": [dict(sorted(r.items())) for r in election.result.rounds],
        "board": [{"id": c.id, "member": c.member, "category": c.category} for c in election.board],
        "explanation": _steps(election.result.explanation, lang),
        "violations": [v.code for v in election.violations],
    }


def _election_section(report: YearReport, lang: Lang, locale: str | None = None) -> Section:
    """The board elections as a table: the elected with their votes, the board after."""
    h = Human(lang, locale)
    rows = []
    for election in report.elections:
        votes = election.result.votes
        rows.append(
            [
                election.id,
                h.number(election.seats),
                ", ".join(f"{c} ({h.number(votes[c])})" for c in election.elected),
                ", ".join(c.id for c in election.board),
                h.number(len(election.violations)),
            ]
        )
    head = [
        h(Text("election")),
        h(Text("seats")),
        h(Text("elected (votes)")),
        h(Text("board after the election")),
        h(Text("violations")),
    ]
    return (h(Text("Board elections")), head, rows)


def report_json(report: YearReport, lang: Lang = "en") -> str:
    """The report as JSON: sorted keys, amounts as text with their currency ("1234.50 EUR")."""
    data: dict[str, Any] = {
        "coop": report.name,
        "regime": report.regime,
        "source": report.source,
        "as_of": report.as_of.isoformat(),
        "year_to_date": report.to_date,
        "year": {"start": report.year.start.isoformat(), "end": report.year.end.isoformat()},
        "currency": report.currency,
        "members": [
            {"id": m.id, "name": m.name, "status": m.status.value, "category": m.category}
            for m in report.members
        ],
        "deadlines": [
            {
                "subject": d.subject,
                "code": d.code,
                "what": d.what.in_(lang),
                "due": d.due.isoformat(),
                "state": d.state,
                "explanation": _steps(d.explanation, lang),
            }
            for d in report.deadlines
        ],
        "levies": {
            "activities": [
                {
                    "activity": row.activity,
                    "owner": row.owner,
                    "months": [_amount(m) for m in row.months],
                    "total": _amount(row.total),
                    "schedules": _schedules_of(row, report),
                }
                for row in report.levies
            ],
            "month_totals": [_amount(m) for m in report.month_totals],
            "total": _amount(report.levy_total),
        },
        "distribution": None,
        "votes": [_vote(v, lang) for v in report.votes],
        "register": _steps(report.register, lang),
        "violations": [
            {
                "code": v.code,
                "severity": v.severity.value,
                "subject": v.subject,
                "message": v.message.in_(lang),
                "citation": citation_json(v.citation),
            }
            for v in report.violations
        ],
        "journal_entries": len(report.journal),
        "books": books_json(report),
    }
    if report.distribution is not None:
        dist = report.distribution
        data["distribution"] = {
            "surplus": _amount(dist.figures.surplus),
            "steps": [
                {
                    "code": s.code,
                    "amount": _amount(s.amount),
                    "shares": {k: _amount(a) for k, a in sorted(s.shares.items())},
                    "in_shares": {k: _amount(a) for k, a in sorted(s.in_shares.items())},
                }
                for s in dist.steps
            ],
            "unallocated": _amount(dist.unallocated),
        }
    if report.withholding is not None:
        data["withholding"] = {
            line.member: {
                "gross": _amount(line.gross),
                "exempt": _amount(line.exempt),
                "withheld": _amount(line.withheld),
                "net": _amount(line.net),
            }
            for line in report.withholding.lines
        }
    data["year_end"] = _year_end_json(report, lang)
    if report.elections:
        data["elections"] = [_election(e, lang) for e in report.elections]
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def _year_end_json(report: YearReport, lang: Lang) -> dict[str, Any]:
    """The year's closing: register, redemptions, reserves, distribution tests, suggestion."""
    out: dict[str, Any] = {
        "register": None,
        "redemptions": [],
        "reserves": [],
        "loss": None,
        "distribution_tests": None,
        "suggestion": None,
    }
    if report.capital is not None:
        end = report.capital.register
        out["register"] = {
            "on": end.on.isoformat(),
            "holdings": [
                {
                    "member": h.member,
                    "share_class": h.share_class,
                    "shares": h.shares,
                    "subscribed": _amount(h.subscribed),
                    "paid_up": _amount(h.paid_up),
                    "unpaid": _amount(h.unpaid),
                }
                for h in end.holdings
            ],
            "subscribed": _amount(end.subscribed),
            "paid_up": _amount(end.paid_up),
            "unpaid": _amount(end.unpaid),
        }
        out["redemptions"] = [
            {
                "operation": r.operation,
                "member": r.member,
                "share_class": r.share_class,
                "date": r.on.isoformat(),
                "shares": r.shares,
                "value": _amount(r.value) if r.value is not None else None,
                "repaid": _amount(r.repaid) if r.repaid is not None else None,
                "violations": [v.code for v in r.violations],
                "explanation": _steps(r.explanation, lang),
            }
            for r in report.capital.redemptions
        ]
    if report.reserves is not None:
        accounts = {a.code: a for a in report.reserves.ledger.accounts}
        out["reserves"] = [
            {
                "reserve": row.reserve,
                "indivisible": accounts[row.reserve].indivisible,
                "opening": _amount(row.opening),
                "movements": {kind.value: _amount(m) for kind, m in row.movements},
                "closing": _amount(row.closing),
            }
            for row in report.reserves.roll_forward
        ]
        loss = report.reserves.loss
        if loss is not None:
            out["loss"] = {
                "loss": _amount(loss.loss),
                "charged": {code: _amount(m) for code, m in loss.charged},
                "carried_forward": _amount(loss.carried_forward),
                "explanation": _steps(loss.explanation, lang),
            }
    tests = report.distribution_tests
    if tests is not None:
        out["distribution_tests"] = {
            "paid_in_cash": _amount(tests.amount),
            "on": tests.on.isoformat(),
            "headroom": _amount(tests.headroom) if tests.headroom is not None else None,
            "passed": tests.passed,
            "violations": [v.code for v in tests.violations],
        }
    if report.suggestion is not None:
        split = report.suggestion.distribution
        out["suggestion"] = {
            "note": report.suggestion.note.in_(lang),
            "steps": [
                {
                    "code": s.code,
                    "amount": _amount(s.amount),
                    "in_shares": _amount(sum(s.in_shares.values(), s.amount * 0)),
                }
                for s in split.steps
            ],
            "violations": [v.code for v in split.violations],
        }
    return out


def report_markdown(
    report: YearReport,
    lang: Lang = "en",
    *,
    explain: bool = False,
    summary: bool = False,
    locale: str | None = None,
) -> str:
    """The report as Markdown tables (a ``|`` in a name is escaped); ``summary`` cuts long ones.

    Amounts, rates and dates are written for ``locale`` (by default the language's in the
    regime's jurisdiction: ``fr_BE`` for French in Belgium).
    """
    human = Human(lang, locale or report_locale(report, lang))
    out = [f"# {_title(report, human)}", ""]

    def cells(values: list[str]) -> str:
        return "| " + " | ".join(escape_markdown(v) for v in values) + " |"

    def table(title: str, head: list[str], rows: list[list[str]]) -> None:
        out.extend([f"## {escape_markdown(title)}", "", cells(head)])
        out.append("|" + "---|" * len(head))
        out.extend(cells(r) for r in rows)
        out.append("")

    sections = _sections(report, lang, human.locale)
    for title, head, rows in (
        _summarise(sections, report, lang, human.locale) if summary else sections
    ):
        table(title, head, rows)
    if explain:
        out.extend(["## " + human(Text("Explanations")), ""])
        out.extend(f"    {line}" for line in _explanations(report, lang, human.locale))
        out.append("")
    return "\n".join(out)


def report_locale(report: YearReport, lang: Lang) -> str:
    """The locale a report is written in by default: the language's in the regime's country."""
    try:
        jurisdiction: str | None = load_regimes().get(report.regime).jurisdiction
    except CoopRulesError:  # a regime no longer installed: the language's own default
        jurisdiction = None
    return default_locale(lang, jurisdiction)


def _title(report: YearReport, human: Human) -> str:
    title = f"{report.name} ({report.regime}) — {human.day(report.as_of)}"
    if report.to_date:
        title += " — " + human(Text("year to date (the months begun by this day)"))
    return title


def _sections(
    report: YearReport, lang: Lang, locale: str | None = None
) -> list[tuple[str, list[str], list[list[str]]]]:
    h = Human(lang, locale)
    total = h(Text("total"))
    sections = [
        (
            h(Text("Members and statuses")),
            [h(Text("id")), h(Text("name")), h(Text("status")), h(Text("category"))],
            [
                [m.id, m.name, h.label("status", m.status.value), m.category or ""]
                for m in report.members
            ],
        ),
        (
            h(Text("Deadlines within {days} days", days=DEADLINE_DAYS)),
            [h(Text("member")), h(Text("due")), h(Text("state")), h(Text("what"))],
            [
                [d.subject, h.day(d.due), h.label("state", d.state), h(d.what)]
                for d in report.deadlines_within(DEADLINE_DAYS)
            ],
        ),
        (
            h(Text("Levies per activity")),
            [h(Text("activity")), h(Text("owner")), total],
            [
                *([r.activity, r.owner, h.money(r.total)] for r in report.levies),
                [total, "", h.money(report.levy_total)],
            ],
        ),
        (
            h(Text("Levies per month")),
            [h(Text("month")), total],
            [
                [label, h.money(m)]
                for label, m in zip(
                    month_labels(report.year.start, len(report.month_totals), lang, locale),
                    report.month_totals,
                    strict=True,
                )
            ],
        ),
    ]
    if report.distribution is not None:
        sections.append(_distribution_section(report, lang, locale))
    if report.withholding is not None:
        sections.append(
            (
                h(Text("Tax withheld on dividends")),
                [
                    h(Text("member")),
                    h(Text("gross")),
                    h(Text("exempt")),
                    h(Text("withheld")),
                    h(Text("net")),
                ],
                [
                    [
                        line.member,
                        *(h.money(a) for a in (line.gross, line.exempt, line.withheld, line.net)),
                    ]
                    for line in report.withholding.lines
                ],
            )
        )
    sections.extend(_year_end_sections(report, lang, locale))
    sections.extend(books_sections(report, lang, locale))
    sections.append(
        (
            h(Text("Votes")),
            [h(Text("id")), h(Text("kind")), h(Text("result"))],
            [
                [v.id, h.code("decision", v.kind), vote_summary(v.result, lang, locale)]
                for v in report.votes
            ],
        )
    )
    if report.elections:
        sections.append(_election_section(report, lang, locale))
    sections.append(
        (
            h(Text("Violations")),
            [h(Text("severity")), h(Text("subject")), h(Text("message")), h(Text("source"))],
            [
                [
                    h.label("severity", v.severity.value),
                    v.subject,
                    h(v.message),
                    render_citation(v.citation, lang, locale) if v.citation is not None else "",
                ]
                for v in report.violations
            ],
        )
    )
    return sections


def _summarise(
    sections: list[Section], report: YearReport, lang: Lang, locale: str | None = None
) -> list[Section]:
    """The sections of a large co-op, short: the members counted by status, long tables cut.

    A table of more than twice `SUMMARY_ROWS` rows keeps its first `SUMMARY_ROWS`
    rows and its total row, and says how many rows it leaves out (``--full`` shows them).
    """
    h = Human(lang, locale)
    total = h(Text("total"))
    counts: dict[str, int] = {}
    for member in report.members:
        counts[member.status.value] = counts.get(member.status.value, 0) + 1
    out: list[Section] = [
        (
            h(Text("Members by status")),
            [h(Text("status")), h(Text("members"))],
            [[h.label("status", status), h.number(n)] for status, n in sorted(counts.items())]
            + [[total, h.number(len(report.members))]],
        )
    ]
    for title, head, rows in sections[1:]:
        kept = [rows[-1]] if rows and rows[-1][:1] == [total] else []
        body = rows[: len(rows) - len(kept)]
        if len(body) <= 2 * SUMMARY_ROWS:  # a short table, or one a cut would hardly shorten
            out.append((title, head, rows))
            continue
        left = len(body) - SUMMARY_ROWS
        more = h(Text("… {count} more rows (--full shows them)", count=left))
        out.append((title, head, [*body[:SUMMARY_ROWS], [more, *[""] * (len(head) - 1)], *kept]))
    return out


Section = tuple[str, list[str], list[list[str]]]


def _distribution_section(report: YearReport, lang: Lang, locale: str | None = None) -> Section:
    """The meeting's split, the part of each step paid in shares, and the regime's suggestion."""
    h = Human(lang, locale)
    assert report.distribution is not None  # noqa: S101 - the caller checks
    steps = report.distribution.steps
    head = [h(Text("step")), h(Text("amount")), h(Text("in shares"))]
    suggested = {}
    if report.suggestion is not None:
        head.append(h(Text("suggestion")))
        suggested = {s.code: s.amount for s in report.suggestion.distribution.steps}
    codes = [s.code for s in steps] + [c for c in suggested if c not in {s.code for s in steps}]
    by_code = {s.code: s for s in steps}
    rows = []
    for code in codes:
        step = by_code.get(code)
        row = [
            step_code(code, lang, locale),
            h.money(step.amount) if step is not None else "",
            h.money(sum(step.in_shares.values(), step.amount * 0)) if step is not None else "",
        ]
        if report.suggestion is not None:
            row.append(h.money(suggested[code]) if code in suggested else "")
        rows.append(row)
    return (h(Text("Distribution of the surplus")), head, rows)


def _movement(kind: MovementKind) -> Text:
    """A reserve movement's kind in words."""
    words = {
        MovementKind.ALLOCATION: Text("allocation", context="reserve movement"),
        MovementKind.DEVOLUTION_RECEIVED: Text("devolution received", context="reserve movement"),
        MovementKind.LOSS_ABSORPTION: Text("loss absorbed", context="reserve movement"),
        MovementKind.INCORPORATION: Text("incorporation into capital", context="reserve movement"),
        MovementKind.DISTRIBUTION: Text("distribution", context="reserve movement"),
        MovementKind.REPAYMENT: Text("repayment", context="reserve movement"),
    }
    return words.get(kind) or Text.plain(str(kind.value))


def _year_end_sections(report: YearReport, lang: Lang, locale: str | None = None) -> list[Section]:
    """The register at year end, the redemptions, the reserves, the loss, the tests."""
    h = Human(lang, locale)
    total = h(Text("total"))
    out: list[Section] = []
    if report.capital is not None:
        end = report.capital.register
        rows = [
            [holding.member, holding.share_class, h.number(holding.shares)]
            + [h.money(a) for a in (holding.subscribed, holding.paid_up, holding.unpaid)]
            for holding in end.holdings
        ]
        rows.append(
            [total, "", ""] + [h.money(a) for a in (end.subscribed, end.paid_up, end.unpaid)]
        )
        out.append(
            (
                h(Text("Share register on {day}", day=end.on)),
                [
                    h(Text("member")),
                    h(Text("class")),
                    h(Text("shares")),
                    h(Text("subscribed")),
                    h(Text("paid up")),
                    h(Text("unpaid")),
                ],
                rows,
            )
        )
        if report.capital.redemptions:
            out.append(
                (
                    h(Text("Redemptions")),
                    [
                        h(Text("operation")),
                        h(Text("member")),
                        h(Text("shares")),
                        h(Text("value")),
                        h(Text("repaid")),
                    ],
                    [
                        [r.operation, r.member, h.number(r.shares)]
                        + [h.money(a) if a is not None else "" for a in (r.value, r.repaid)]
                        for r in report.capital.redemptions
                    ],
                )
            )
    if report.reserves is not None:
        accounts = {a.code: a for a in report.reserves.ledger.accounts}
        rows = []
        for row in report.reserves.roll_forward:
            moves = ", ".join(f"{h(_movement(kind))} {h.money(m)}" for kind, m in row.movements)
            indivisible = accounts[row.reserve].indivisible
            rows.append(
                [
                    h.code("step", row.reserve),
                    h.label("term", "yes" if indivisible else "no"),
                    h.money(row.opening),
                    moves,
                    h.money(row.closing),
                ]
            )
        out.append(
            (
                h(Text("Reserves")),
                [
                    h(Text("reserve")),
                    h(Text("indivisible")),
                    h(Text("opening")),
                    h(Text("movements")),
                    h(Text("closing")),
                ],
                rows,
            )
        )
        loss = report.reserves.loss
        if loss is not None:
            out.append(
                (
                    h(Text("The year's loss")),
                    [h(Text("charged to")), h(Text("amount"))],
                    [[h.code("step", code), h.money(m)] for code, m in loss.charged]
                    + [[h(Text("carried forward")), h.money(loss.carried_forward)]],
                )
            )
    tests = report.distribution_tests
    if tests is not None:
        out.append(
            (
                h(Text("Distribution tests")),
                [h(Text("paid in cash")), h(Text("headroom")), h(Text("result"))],
                [
                    [
                        h.money(tests.amount),
                        h.money(tests.headroom) if tests.headroom is not None else "",
                        h(Text("passed", context="distribution tests"))
                        if tests.passed
                        else " ".join(h(v.message) for v in tests.violations),
                    ]
                ],
            )
        )
    return out


def _explanations(report: YearReport, lang: Lang, locale: str | None = None) -> list[str]:
    h = Human(lang, locale)

    def steps(explanation: Explanation) -> list[str]:
        return [f"  {s}" for s in _steps(explanation, lang, locale)]

    lines: list[str] = []
    for d in report.deadlines:
        lines.append(f"{d.subject}, {h(d.what)}:")
        lines.extend(steps(d.explanation))
    for row in report.levies:
        lines.append(f"{row.activity}:")
        lines.extend(steps(row.explanation))
    if report.distribution is not None:
        lines.append(f"{h(Text('Distribution of the surplus'))}:")
        lines.extend(steps(report.distribution.explanation))
    if report.withholding is not None:
        lines.append(f"{h(Text('Tax withheld on dividends'))}:")
        lines.extend(steps(report.withholding.explanation))
    for v in report.votes:
        lines.append(f"{v.id}:")
        lines.extend(steps(v.result.explanation))
    lines.extend(_year_end_explanations(report, lang, locale))
    for election in report.elections:
        lines.append(f"{election.id}:")
        lines.extend(steps(election.result.explanation))
    if report.register.steps:
        lines.append(f"{h(Text('Register of members'))}:")
        lines.extend(steps(report.register))
    lines.extend(books_explanations(report, lang, locale))
    return lines


def _year_end_explanations(report: YearReport, lang: Lang, locale: str | None = None) -> list[str]:
    h = Human(lang, locale)
    lines: list[str] = []
    for r in report.capital.redemptions if report.capital is not None else ():
        lines.append(h(Text("Redemption {operation}:", operation=r.operation)))
        lines.extend(f"  {s}" for s in _steps(r.explanation, lang, locale))
    if report.reserves is not None:
        lines.append(f"{h(Text('Reserves'))}:")
        for row in report.reserves.roll_forward:
            lines.extend(f"  {s}" for s in _steps(row.explanation, lang, locale))
        if report.reserves.loss is not None:
            lines.extend(f"  {s}" for s in _steps(report.reserves.loss.explanation, lang, locale))
    if report.distribution_tests is not None:
        lines.append(f"{h(Text('Distribution tests'))}:")
        lines.extend(f"  {s}" for s in _steps(report.distribution_tests.explanation, lang, locale))
    if report.suggestion is not None:
        lines.append(h(Text("Suggestion: {note}", note=report.suggestion.note)))
    return lines


def _rich_tables(
    report: YearReport, lang: Lang, *, summary: bool, locale: str | None = None
) -> list[Table]:
    sections = _sections(report, lang, locale)
    tables = []
    for title, head, rows in _summarise(sections, report, lang, locale) if summary else sections:
        table = Table(title=title)
        for column in head:
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        tables.append(table)
    return tables


def _print_rich(
    report: YearReport, tables: list[Table], explanations: list[str], human: Human | None = None
) -> None:
    console = Console()
    title = _title(report, human or Human("en"))
    name, _, rest = title.partition(f" ({report.regime})")
    console.print(
        f"[bold]{escape(name)}[/bold] ({escape(report.regime)}){escape(rest)}", highlight=False
    )
    for table in tables:
        console.print(table)
    for line in explanations:
        console.print(line, markup=False, highlight=False)


def _progress_console() -> Console | None:
    """The console progress is shown on: standard error, and only when it is a terminal."""
    console = Console(stderr=True)
    return console if console.is_terminal else None


class _Stages:
    """Progress on standard error: loading, each section of the evaluation, rendering.

    Nothing is shown when standard error is not a terminal (a pipe, a file, a test).
    """

    def __init__(self, lang: Lang) -> None:
        console = _progress_console()
        self._bar = Progress(console=console, transient=True) if console is not None else None
        self._lang = lang
        self._stage: Any = None
        self._tasks: dict[str, Any] = {}

    def __enter__(self) -> Self:
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(self, *_: object) -> None:
        if self._bar is not None:
            self._bar.stop()

    def stage(self, what: Text) -> None:
        """A new stage of unknown length; the one before it is done."""
        if self._bar is None:
            return
        if self._stage is not None:
            self._bar.update(self._stage, total=1, completed=1)
        self._stage = self._bar.add_task(what.in_(self._lang), total=None)

    def done(self) -> None:
        """The last stage is done: the bar goes, the output can be written."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    @property
    def callback(self) -> Callable[[str, int, int], None] | None:
        """The evaluation's progress callback (``None`` when nothing is shown)."""
        bar = self._bar
        if bar is None:
            return None

        def progress(section: str, done: int, total: int) -> None:
            if section not in self._tasks:
                self._tasks[section] = bar.add_task(section, total=total)
            bar.update(self._tasks[section], completed=done)

        return progress


def _evaluate(
    file: str, as_of: date | None, *, stages: _Stages | None = None, journal: bool = False
) -> YearReport:
    """Load the file once, evaluate it; the journal only when a ledger is to be written.

    An ``as_of`` inside the financial year gives the year to date (`YearReport.to_date`).
    """
    return _evaluate_loaded(file, as_of, stages=stages, journal=journal)[1]


def _evaluate_loaded(
    file: str, as_of: date | None, *, stages: _Stages | None = None, journal: bool = False
) -> tuple[Scenario, YearReport]:
    """The scenario loaded (its opening merged in) and its report (`_evaluate()`)."""
    from cooprules_adapters.scenario import evaluate_scenario  # noqa: PLC0415 - after the catalogue

    if stages is not None:
        name = escape(file)  # the bar reads markup: a [ in a path stays a [
        stages.stage(Text("Loading {file}", file=name))
    catalogue = load_regimes()
    scenario = load(file, currency_of_regime=lambda code: catalogue.get(code).currency)
    if as_of is None:
        from cooprules.levies import month_periods  # noqa: PLC0415

        last = month_periods(scenario.coop.year, first_month=scenario.coop.first_month)[-1]
        as_of = date.fromordinal(last.end.toordinal() - 1)
    progress = None
    if stages is not None:
        stages.stage(Text("Evaluating the year"))
        progress = stages.callback
    if progress is None:
        return scenario, evaluate_scenario(
            scenario, as_of=as_of, catalogue=catalogue, journal=journal, to_date=True
        )
    return scenario, evaluate_scenario(
        scenario,
        as_of=as_of,
        catalogue=catalogue,
        progress=progress,
        journal=journal,
        to_date=True,
    )


def _error_lines(
    error: CoopRulesError | OSError, file: str | None = None, lang: Lang = "en"
) -> list[str]:
    """One line per problem: a scenario's every problem (file, path, value), else the error.

    An engine's error follows the file it was found in, when there is one.
    """
    if isinstance(error, ScenarioError):
        problems = [str(leaf) for leaf in error.errors]
    else:
        problems = [f"{file}: {error}" if file is not None else str(error)]
    return [Text("error: {problem}", problem=problem).in_(lang) for problem in problems]


def _guard(action: Callable[[], int], file: str | None = None, lang: Lang = "en") -> None:
    try:
        code = action()
    except (CoopRulesError, OSError) as error:
        for line in _error_lines(error, file, lang):
            click.echo(line, err=True)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(code)


def _violation_line(v: Violation, lang: Lang, locale: str | None = None) -> str:
    """``[severity] subject: message — citation``."""
    h = Human(lang, locale)
    text = f"[{h.label('severity', v.severity.value)}] {v.subject}: {h(v.message)}"
    return text + (f" — {render_citation(v.citation, lang, locale)}" if v.citation else "")


def _violation_lines(report: YearReport, lang: Lang, locale: str | None = None) -> str:
    """The report's violations, one per line."""
    return "\n".join(_violation_line(v, lang, locale) for v in report.violations)


def _outcome_lines(outcomes: Sequence[Outcome], lang: Lang) -> str:
    """One line per figure, met or not; each figure not met followed by its explanation.

    The explanation's citations are written as users read them (no reference tags).
    """
    lines = render_outcomes(outcomes, lang=lang, explain=False).splitlines()
    out: list[str] = []
    for outcome, line in zip(outcomes, lines, strict=False):
        out.append(line)
        if outcome.met:
            continue
        detail = render_steps(outcome.explanation, lang)
        detail.extend(_violation_line(v, lang) for v in outcome.violations)
        out.extend(f"    {text}" for text in detail)
    out.extend(lines[len(outcomes) :])
    return "\n".join(out) + "\n"


_CONFIDENCE_COLUMN: Final = 5
"""The confidence's column in `cooprules.lawview.row_cells()`."""


def _confidence_in_words(markdown: str, lang: Lang) -> str:
    """The regime's markdown page with each parameter's confidence in words, not its tag."""
    lines = []
    for line in markdown.splitlines():
        if line.startswith("| `"):
            cells = line.split(" | ")
            for tag in Confidence:
                if cells[_CONFIDENCE_COLUMN] == tag.value:
                    cells[_CONFIDENCE_COLUMN] = confidence_word(tag, lang)
            line = " | ".join(cells)  # noqa: PLW2901 - the line, rewritten
        lines.append(line)
    return "\n".join(lines)


FAIL_ON: Final = {
    "error": (Severity.ERROR,),
    "warning": (Severity.ERROR, Severity.WARNING),
    "never": (),
}
"""The severities that make ``run --fail-on`` exit 1."""


def _exit_code(report: YearReport, fail_on: str) -> int:
    """1 when the report has a violation of a severity ``fail_on`` names, else 0."""
    failing = FAIL_ON[fail_on]
    return EXIT_VIOLATIONS if any(v.severity in failing for v in report.violations) else EXIT_OK


_LANG = click.option(
    "--lang",
    type=click.Choice(list(LANGUAGES)),
    default="en",
    show_default=True,
    help="Language of the output (en English, fr French, nl Dutch, de German: in Belgium a "
    "message not yet in German is shown in French).",
)


def _check_locale(ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """The ``--locale`` given, if CLDR knows it; else one line on stderr and exit 2."""
    if value is None:
        return None
    from babel import Locale, UnknownLocaleError  # noqa: PLC0415 - only when one is given

    try:
        Locale.parse(value.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        lang = ctx.params.get("lang", "en")
        problem = Text(
            "--locale {locale}: not a known locale (fr_BE, nl_BE, fr_FR, fr_CA, en_CA, …)",
            locale=value,
        )
        click.echo(Text("error: {problem}", problem=problem).in_(lang), err=True)
        sys.exit(EXIT_BAD_INPUT)
    return value.replace("-", "_")


_LOCALE = click.option(
    "--locale",
    default=None,
    callback=_check_locale,
    help="How amounts, rates and dates are written: fr_BE, nl_BE, fr_FR, fr_CA, en_CA, … "
    "(default: the language's in the regime's country). JSON is always locale-free.",
)
_AS_OF = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date of the evaluation (default: the last day of the financial year). A day inside "
    "the year gives the year to date: the months begun by that day, the later ones absent.",
)


_HELP_VALUES: Final = MappingProxyType(
    {"long": 2 * SUMMARY_ROWS, "kept": SUMMARY_ROWS, "members": SUMMARY_MEMBERS}
)
"""The figures the options' help names (``{kept}`` rows of a summary)."""


def _short_help(text: str, limit: int) -> str:
    """The first sentence of a help text, cut to ``limit`` characters with ``...`` (as click)."""
    shown: list[str] = []
    for word in text.split("\n\n", maxsplit=1)[0].split():
        if len(" ".join([*shown, word])) > limit - 3:
            return " ".join(shown) + "..."
        shown.append(word)
        if word.endswith("."):
            break
    return " ".join(shown)


class _Translated(click.Command):
    """A command whose help and options' help are shown in the language of the environment."""

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), help_text("Usage:") + " ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:  # noqa: ARG002 - click's signature
        text = help_text(inspect.cleandoc(self.help or "").partition("\f")[0], _HELP_VALUES)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def get_short_help_str(self, limit: int = 45) -> str:
        text = help_text(inspect.cleandoc(self.help or ""), _HELP_VALUES)
        return _short_help(text, limit)

    def invoke(self, ctx: click.Context) -> Any:  # noqa: ANN401 - click's own return
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, _Bug):
            raise
        except Exception as error:
            raise _Bug(error, ctx.params.get("lang")) from error

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is None or isinstance(param, click.Argument):
                continue
            names, text = record
            original = getattr(param, "help", None)
            if original and text.startswith(original):
                text = help_text(original, _HELP_VALUES) + text[len(original) :]
            rows.append((names, text))
        if rows:
            with formatter.section(help_text("Options")):
                formatter.write_dl(rows)


class _Main(_Translated, click.Group):
    """The command group: an unexpected exception is one line and exit 70, never a traceback."""

    command_class = _Translated

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        commands = [
            (name, command)
            for name in self.list_commands(ctx)
            if (command := self.get_command(ctx, name)) is not None and not command.hidden
        ]
        if commands:
            limit = formatter.width - 6 - max(len(name) for name, _ in commands)
            rows = [(name, command.get_short_help_str(limit)) for name, command in commands]
            with formatter.section(help_text("Commands")):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:  # noqa: ANN401 - click's own return
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except _Bug as bug:
            _report_bug(bug.error, bug.lang or help_language(), debug=ctx.params.get("debug"))
        except Exception as error:  # noqa: BLE001 - every other exception is a bug of ours
            _report_bug(error, help_language(), debug=ctx.params.get("debug"))


class _Bug(Exception):
    """An unexpected exception of a command, with the language the command was asked in."""

    def __init__(self, error: Exception, lang: Lang | None) -> None:
        super().__init__(str(error))
        self.error = error
        self.lang = lang


def _report_bug(error: Exception, lang: Lang, *, debug: object) -> NoReturn:
    """One line for an internal error, in the command's language, and exit 70."""
    if debug:
        import traceback  # noqa: PLC0415 - only on a bug

        traceback.print_exception(error)
    first = str(error).splitlines()[0][:200] if str(error) else ""
    if debug:
        hint = Text("this is a bug in cooprules: please report it with the file and the command")
    else:
        hint = Text(
            "this is a bug in cooprules: please report it with the file and the command "
            "(cooprules --debug shows the traceback)"
        )
    line = Text(
        "internal error: {kind}: {first}; {hint}", kind=type(error).__name__, first=first, hint=hint
    )
    click.echo(line.in_(lang), err=True)
    sys.exit(EXIT_INTERNAL)


@click.group(cls=_Main)
@click.option("--debug", is_flag=True, help="On an internal error, show its traceback.")
@click.version_option(
    __version__, "--version", package_name="cooprules", message="cooprules %(version)s"
)
def main(debug: bool) -> None:  # noqa: FBT001 - a click flag
    """Evaluate a co-operative's year from a scenario file.

    Start with `cooprules init --regime CODE` (`cooprules regimes` lists the codes) or copy a
    sample (`cooprules samples`), then `cooprules run coop.toml`.

    \b
    Exit codes:
      0   done
      1   violations: `check` found an error, `run --fail-on` a violation of that severity,
          `test` a figure not met
      2   bad input: a file that cannot be read or has errors (one line per problem), an
          unknown regime or sample, a file that exists (init, samples without --force)
      70  an internal error: a bug of cooprules (--debug shows its traceback)
    """  # noqa: D301 - click's \b keeps the list's lines
    del debug  # read by the group's invoke


@main.command()
@click.argument("file", type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table: tables for the terminal; json: every figure, exact, for programs (always in "
    "full); markdown: tables for a document.",
)
@click.option(
    "--summary/--full",
    default=None,
    help="A summary (the members counted by status, tables of more than {long} rows cut to "
    "{kept}) or every row. Default: a summary in the terminal for a co-op of more than "
    "{members} members, else in full. JSON is always in full.",
)
@click.option("--explain", is_flag=True, help="Show the explanation of each figure.")
@click.option(
    "--journal",
    "--ledger",
    "journal",
    type=click.Path(dir_okay=False),
    help="Write the year's beancount ledger (bean-check accepts it; fava opens it under the "
    "co-op's name).",
)
@click.option(
    "--close",
    "close_to",
    type=click.Path(dir_okay=False),
    help="Write the year's closing state (members and their histories, the share register, "
    "reserves, losses carried forward, activities' balances, measures by year) as a JSON file "
    'the next year opens on: [opening] from = "FILE" (docs/years.md). Needs the whole year.',
)
@_LANG
@_LOCALE
@_AS_OF
@click.option(
    "--fail-on",
    type=click.Choice(list(FAIL_ON)),
    default="never",
    show_default=True,
    help="Exit 1 when the report has a violation of this severity: error; warning (a warning "
    "or an error); never (exit 0 whatever the report shows). Bad input always exits 2.",
)
def run(  # noqa: PLR0917 - click passes the options positionally
    file: str,
    fmt: str,
    summary: bool | None,  # noqa: FBT001 - a click flag
    explain: bool,  # noqa: FBT001 - a click flag
    journal: str | None,
    lang: Lang,
    locale: str | None,
    as_of: Any,  # noqa: ANN401 - click gives a datetime
    fail_on: str,
    close_to: str | None = None,
) -> None:
    """Evaluate FILE and print the year's report.

    Progress (loading, evaluating, rendering) is shown on standard error when it is a terminal.
    Exit codes: 0 done (and, with --fail-on, no violation of that severity); 1 a violation of the
    --fail-on severity; 2 bad input (every problem of the file, one line each).
    """

    def action() -> int:
        with _Stages(lang) as stages:
            scenario, report = _evaluate_loaded(
                file, as_of.date() if as_of else None, stages=stages, journal=journal is not None
            )
            if close_to is not None:
                from cooprules.carry import close  # noqa: PLC0415 - only when asked

                closing = close(scenario, report)
            stages.stage(Text("Rendering the report"))
            short = summary
            if short is None:
                short = (
                    fmt == "table"
                    and len(report.members) > SUMMARY_MEMBERS
                    and Console().is_terminal
                )
            text, tables = "", []
            human = Human(lang, locale or report_locale(report, lang))
            if fmt == "json":
                text = report_json(report, lang)
            elif fmt == "markdown":
                text = (
                    report_markdown(
                        report, lang, explain=explain, summary=short, locale=human.locale
                    )
                    + "\n"
                )
            else:
                tables = _rich_tables(report, lang, summary=short, locale=human.locale)
            explanations = (
                _explanations(report, lang, human.locale) if explain and fmt == "table" else []
            )
            stages.done()
        if journal is not None:
            from cooprules_adapters.accounting import write_beancount  # noqa: PLC0415

            write_beancount(
                report.journal,
                journal,
                open_date=report.year.start,
                currency=report.currency,
                title=report.name,
                lang=lang,
                locale=human.locale,
            )
        if close_to is not None:
            Path(close_to).write_text(closing.to_json(), encoding="utf-8")
        if fmt == "table":
            _print_rich(report, tables, explanations, human)
        else:
            click.echo(text, nl=False)
        return _exit_code(report, fail_on)

    _guard(action, file, lang)


@main.command()
@click.argument("file", type=click.Path())
@_LANG
@_LOCALE
@_AS_OF
def check(file: str, lang: Lang, locale: str | None, as_of: Any) -> None:  # noqa: ANN401 - a datetime
    """Validate FILE's statutes and data; exit 1 when an error is found."""

    def action() -> int:
        with _Stages(lang) as stages:
            report = _evaluate(file, as_of.date() if as_of else None, stages=stages)
            stages.done()
        if report.violations:
            click.echo(_violation_lines(report, lang, locale or report_locale(report, lang)))
        else:
            click.echo(Text("No violations.").in_(lang))
        return EXIT_VIOLATIONS if report.errors else EXIT_OK

    _guard(action, file, lang)


@main.command()
@click.argument("file", type=click.Path())
@click.argument("activity")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "text"]),
    default="markdown",
    show_default=True,
    help="markdown: tables for a document; text: plain lines.",
)
@_LANG
@_AS_OF
def statement(file: str, activity: str, fmt: str, lang: Lang, as_of: Any) -> None:  # noqa: ANN401
    """Print the statement of ACTIVITY's year in FILE: its books month by month, its pay.

    The statement an entrepreneur is given: every month's revenue, costs, levy, pooled costs,
    salary and charges and the treasury, the year's result, the variable part due.
    """

    def action() -> int:
        report = _evaluate(file, as_of.date() if as_of else None)
        found = {b.activity: b for b in report.books.activities} if report.books else {}
        if activity not in found:
            known = ", ".join(found) or Text("none", context="activities").in_(lang)
            reason = Text("not an activity of the scenario ({known})", known=known).in_(lang)
            raise ScenarioError(file, "activities", activity, reason)
        books = found[activity]
        text = activity_statement(
            books,
            coop=report.name,
            lang=lang,
            fmt=fmt,  # type: ignore[arg-type]
            to_date=report.as_of if report.to_date else None,
        )
        click.echo(text, nl=False)
        return EXIT_OK

    _guard(action, file, lang)


@main.command()
@click.argument("person")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table: tables for the terminal; json: every figure, for programs; markdown: tables "
    "for a document.",
)
@click.option("--explain", is_flag=True, help="Show how each deadline carried over is found.")
@_LANG
@_LOCALE
def path(  # noqa: PLR0917 - click passes the options positionally
    person: str,
    files: tuple[str, ...],
    fmt: str,
    explain: bool,  # noqa: FBT001 - a click flag
    lang: Lang,
    locale: str | None,
) -> None:
    """Print PERSON's path across the co-ops of FILES: statuses, exits, what carried over.

    PERSON is the `person` id the members share in the files (p:ines-lambert). Each file is one
    co-op's year; the co-ops are shown in the order the person entered them. What carries over
    is earlier time that shortens a later deadline where the later co-op's law says so. Exit
    codes: 0 done; 1 a violation (two memberships at once that a law forbids); 2 bad input (a
    file with errors, a person found in no file).
    """
    from cooprules_cli.path import (  # noqa: PLC0415 - only for this command
        explanation_lines,
        load_path,
        path_json,
        path_locale,
        path_markdown,
        path_sections,
    )

    def action() -> int:
        found = load_path(person, files, load_regimes())
        shown = locale or path_locale(found, lang)
        if fmt == "json":
            click.echo(path_json(found, lang), nl=False)
        elif fmt == "markdown":
            click.echo(path_markdown(found, lang, explain=explain, locale=shown), nl=False)
        else:
            console = Console()
            for title, head, rows in path_sections(found, lang, shown):
                table = Table(title=title)
                for column in head:
                    table.add_column(column)
                for row in rows:
                    table.add_row(*(escape(cell) for cell in row))
                console.print(table)
            for line in explanation_lines(found, lang, shown) if explain else []:
                console.print(line, markup=False, highlight=False)
        return EXIT_VIOLATIONS if found.violations else EXIT_OK

    _guard(action, None, lang)


@main.command()
@_LANG
def regimes(lang: Lang) -> None:
    """List the installed regimes and the plug-in that provides each."""
    catalogue = load_regimes()
    table = Table(title=Text("Regimes").in_(lang))
    table.add_column(Text("code").in_(lang), no_wrap=True)  # typed by the user: never cut
    for column in (Text("name"), Text("jurisdiction"), Text("currency"), Text("plug-in")):
        table.add_column(column.in_(lang))
    for regime in catalogue:
        table.add_row(
            regime.code,
            regime.name,
            regime.jurisdiction,
            regime.currency,
            catalogue.providers.get(regime.code, ""),
        )
    Console().print(table)  # the terminal's width (80 columns when piped, or $COLUMNS)


@main.command()
@click.argument("code")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
    help="table: a table for the terminal; json: exact values for programs; markdown: a page.",
)
@_LANG
@click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Show the parameters in force on this date (default: today).",
)
def regime(code: str, fmt: str, lang: Lang, as_of: Any) -> None:  # noqa: ANN401 - a datetime
    """Print every parameter of regime CODE in force on a date, with its source."""

    def action() -> int:
        day = as_of.date() if as_of is not None else date.today()  # noqa: DTZ011 - the CLI's edge
        view = describe(load_regimes().get(code), day)
        if fmt == "json":
            click.echo(view_json(view, lang), nl=False)
        elif fmt == "markdown":
            click.echo(_confidence_in_words(regime_markdown(view, lang), lang))
        else:
            console = Console()
            if not console.is_terminal:
                console = Console(width=160)
            title, *lines = view_header(view, lang)
            console.print(f"[bold]{title}[/bold]", highlight=False)
            for line in lines:
                console.print(line, markup=False, highlight=False)
            table = Table()
            for heading in row_headings(lang, with_regime=True):
                table.add_column(heading, overflow="fold")
            table.columns[0].no_wrap = True
            for row in view.parameters:
                cells = list(row_cells(row, lang, with_regime=True))
                cells[_CONFIDENCE_COLUMN] = confidence_word(row.citation.confidence, lang)
                table.add_row(*cells)
            console.print(table)
        return EXIT_OK

    _guard(action, lang=lang)


@main.command(name="test")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@_LANG
def test_files(files: tuple[str, ...], lang: Lang) -> None:
    """Check the figures stated in each FILE's [expected] section against the evaluation.

    Exit 0 when every figure is met, 1 when one is not, 2 when a file cannot be read.
    """
    from cooprules_adapters.scenario import evaluate_scenario  # noqa: PLC0415 - after the catalogue

    catalogue = load_regimes()
    worst = EXIT_OK
    for file in files:
        try:
            scenario = load(file, currency_of_regime=lambda code: catalogue.get(code).currency)
            expected = expectations_of(scenario)
            report = evaluate_scenario(
                scenario, as_of=expected.as_of, catalogue=catalogue, journal=False
            )
            outcomes = check_expectations(report, expected)
        except (CoopRulesError, OSError) as error:
            for line in _error_lines(error, file, lang):
                click.echo(line, err=True)
            worst = EXIT_BAD_INPUT
            continue
        click.echo(f"{file} ({expected.as_of.isoformat()})")
        click.echo(_outcome_lines(outcomes, lang), nl=False)
        if not all(o.met for o in outcomes):
            worst = max(worst, EXIT_VIOLATIONS)
    sys.exit(worst)


@main.command()
@click.argument("file", type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="Write the format-2 file here (default: print it); may be FILE itself.",
)
def migrate(file: str, output: str | None) -> None:
    """Rewrite FILE, a version-1 scenario, in format 2 (format = 2).

    Its [levies] becomes the first of [[levies.schedules]]; the other sections stay as they are.
    The comments and layout are kept where the text can be edited in place; otherwise the file is
    written anew from its data, its comments lost, and a note on stderr says so. Exit 0 done,
    2 a file with errors (every problem, one line each).
    """
    from cooprules.migrate import migrate as rewrite  # noqa: PLC0415

    def action() -> int:
        catalogue = load_regimes()
        text = read_text(file)
        currency = _regime_currency(text, catalogue)
        result = rewrite(text, name=file, currency=currency)
        if output is None:
            click.echo(result.text, nl=False)
        elif result.changed or Path(output).resolve() != Path(file).resolve():
            Path(output).write_text(result.text, encoding="utf-8")
        for note in result.notes:
            click.echo(f"{file}: {note}", err=True)
        if not result.comments_kept:
            click.echo(f"warning: {file}: the comments could not be kept", err=True)
        return EXIT_OK

    _guard(action, file)


@main.command()
@click.argument("file", type=click.Path())
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["csv", "parquet"]),
    required=True,
    help="csv (the standard library) or parquet (needs pip install 'cooprules[columns]').",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    required=True,
    help="The folder to write the tables and the new scenario in (created if need be).",
)
@_LANG
def convert(file: str, fmt: str, output: str, lang: Lang) -> None:
    """Write FILE's large tables out as CSV or Parquet files, and a scenario referencing them.

    The members, their events and measures, the activities and their monthly lines, the share
    operations and the ballots go to OUTPUT/<table>.csv (or .parquet); OUTPUT/<FILE's name> keeps
    the rest and names them in [tables]. `cooprules run` gives the same report on both files. The
    new TOML is written from the data: comments are not kept. Exit 0 done, 2 a file with errors.
    """
    from cooprules.tables import convert as write_tables  # noqa: PLC0415 - only this command

    def action() -> int:
        catalogue = load_regimes()
        currency = _regime_currency(read_text(file), catalogue)
        to: Any = fmt
        for path in write_tables(file, to=to, output=output, currency=currency):
            click.echo(Text("wrote {path}", path=str(path)).in_(lang), err=True)
        return EXIT_OK

    _guard(action, file, lang)


def _regime_currency(text: str, catalogue: RegimeCatalogue) -> str | None:
    """The currency of the regime a scenario's text names, if it is installed."""
    try:
        code = tomllib.loads(text).get("coop", {}).get("regime")
        return catalogue.get(code).currency if isinstance(code, str) else None
    except (tomllib.TOMLDecodeError, RecursionError, AttributeError, CoopRulesError):
        return None  # the loader reports the problem with its path


def _refuse_existing(path: Path, lang: Lang) -> None:
    """Exit 2 with one line when ``path`` exists (``--force`` overwrites it)."""
    if path.exists():
        problem = Text("{path} already exists; --force overwrites it", path=str(path))
        click.echo(Text("error: {problem}", problem=problem).in_(lang), err=True)
        sys.exit(EXIT_BAD_INPUT)


@main.command()
@click.option(
    "--regime",
    "code",
    required=True,
    help="The regime's code, e.g. be-activity, fr-cae-scop, qc-work (`cooprules regimes` "
    "lists them).",
)
@_LANG
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    default="coop.toml",
    show_default=True,
    help="The file to write.",
)
@click.option(
    "--year",
    type=click.IntRange(1900, 2999),
    default=None,
    help="The financial year (default: this year).",
)
@click.option("--force", is_flag=True, help="Overwrite the file if it exists.")
def init(code: str, lang: Lang, output: str, year: int | None, force: bool) -> None:  # noqa: FBT001
    """Write a commented starter scenario for a regime, which `cooprules run` runs as it is.

    Its first line is a `#:schema` directive: editors that read it (taplo, VS Code's Even Better
    TOML) check and complete the file. Exit 0 written, 2 an unknown regime or a file that
    exists (without --force).
    """

    def action() -> int:
        regime = load_regimes().get(code)
        path = Path(output)
        if not force:
            _refuse_existing(path, lang)
        day = date.today()  # noqa: DTZ011 - the CLI's edge
        text = starter(regime, year=year or day.year, lang=lang, file=path.name)
        path.write_text(text, encoding="utf-8")
        click.echo(Text("wrote {path}", path=str(path)).in_(lang), err=True)
        return EXIT_OK

    _guard(action, lang=lang)


def _description(name: str) -> str:
    """A sample's first comment line: what co-op it is."""
    first = next((line for line in sample_text(name).splitlines() if line.startswith("# ")), "# ")
    return first.removeprefix("# ")


@main.command()
@click.argument("name", required=False)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    default=".",
    show_default=True,
    help="The folder NAME.toml is copied to.",
)
@click.option("--force", is_flag=True, help="Overwrite NAME.toml if it exists.")
@_LANG
def samples(name: str | None, output: str, force: bool, lang: Lang) -> None:  # noqa: FBT001
    """List the sample scenarios shipped with cooprules, or copy the sample NAME.

    `cooprules samples` lists them; `cooprules samples be-activity --output DIR` writes
    DIR/be-activity.toml. Exit 0 done, 2 an unknown sample or a file that exists (without
    --force).
    """
    names = sample_names()
    if name is None:
        width = max(len(n) for n in names)
        for sample in names:
            click.echo(f"{sample:<{width}}  {_description(sample)}")
        return
    if name.removesuffix(".toml") not in names:
        known = ", ".join(names)
        problem = Text("{name}: not a sample of cooprules ({known})", name=name, known=known)
        click.echo(Text("error: {problem}", problem=problem).in_(lang), err=True)
        sys.exit(EXIT_BAD_INPUT)
    name = name.removesuffix(".toml")
    path = Path(output) / f"{name}.toml"
    if not force:
        _refuse_existing(path, lang)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(sample_text(name), encoding="utf-8")
        _copy_opening(name, path.parent)
    except OSError as error:
        failure = f"{path}: {error.strerror or error}"
        click.echo(Text("error: {problem}", problem=failure).in_(lang), err=True)
        sys.exit(EXIT_BAD_INPUT)
    click.echo(Text("wrote {path}", path=str(path)).in_(lang), err=True)


def _copy_opening(name: str, folder: Path) -> None:
    """The closing file a sample opens on (``[opening] from``), copied beside it."""
    from importlib import resources  # noqa: PLC0415

    opening = tomllib.loads(sample_text(name)).get("opening", {})
    source = opening.get("from") if isinstance(opening, dict) else None
    if isinstance(source, str):
        text = resources.files("cooprules_cli").joinpath("samples", source).read_text("utf-8")
        (folder / source).write_text(text, encoding="utf-8")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the scenario format (editors validate scenario files with it)."""
    click.echo(schema_text(), nl=False)
