"""The ``cooprules`` command-line tool (click and rich)."""

from __future__ import annotations

import json
import sys
import tomllib
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import click
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from cooprules.books import statement as activity_statement
from cooprules.errors import CoopRulesError
from cooprules.expected import check_expectations, expectations_of, render_outcomes
from cooprules.explain import Explanation, Severity, render_steps, render_violations
from cooprules.lawview import describe, row_cells, row_headings, view_header, view_json
from cooprules.lawview import view_markdown as regime_markdown
from cooprules.money import format_amount
from cooprules.plugins import load_regimes
from cooprules.scenario import ScenarioError, load, read_text
from cooprules_cli.books import books_explanations, books_json, books_sections

if TYPE_CHECKING:
    from collections.abc import Callable

    from moneyed import Money

    from cooprules.board import BoardElection
    from cooprules.explain import Lang
    from cooprules.plugins import RegimeCatalogue
    from cooprules.report import LevyRow, Vote, YearReport

__all__ = ["main", "report_json", "report_markdown"]

EXIT_OK = 0
EXIT_VIOLATIONS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 70  # EX_SOFTWARE of sysexits.h: a bug of cooprules, not of the input
DEADLINE_DAYS = 90


def _amount(value: Money) -> str:
    return format_amount(value)


def _steps(explanation: Explanation, lang: Lang) -> list[str]:
    rendered = render_steps(explanation, lang=lang)
    return rendered.splitlines() if rendered else []


def _vote(vote: Vote, lang: Lang) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": vote.id,
        "kind": vote.kind,
        "title": vote.title,
        "adopted": vote.result.adopted,
        "quorum_reached": vote.result.quorum_reached,
        "share_for": str(vote.result.share_for),
        "summary": vote.result.summary(lang),
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


def _election_section(report: YearReport, lang: Lang) -> tuple[str, list[str], list[list[str]]]:
    """The board elections as a table: the elected with their votes, the board after."""
    fr = lang == "fr"
    rows = []
    for election in report.elections:
        votes = election.result.votes
        rows.append(
            [
                election.id,
                str(election.seats),
                ", ".join(f"{c} ({votes[c]})" for c in election.elected),
                ", ".join(c.id for c in election.board),
                str(len(election.violations)),
            ]
        )
    head = (
        ["élection", "sièges", "élus (voix)", "conseil après l'élection", "violations"]
        if fr
        else ["election", "seats", "elected (votes)", "board after the election", "violations"]
    )
    return ("Élections au conseil" if fr else "Board elections", head, rows)


def report_json(report: YearReport, lang: Lang = "en") -> str:
    """The report as JSON: sorted keys, amounts as text with their currency ("1234.50 EUR")."""
    data: dict[str, Any] = {
        "coop": report.name,
        "regime": report.regime,
        "source": report.source,
        "as_of": report.as_of.isoformat(),
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
                "citation": str(v.citation) if v.citation else None,
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


def report_markdown(report: YearReport, lang: Lang = "en", *, explain: bool = False) -> str:
    """The report as Markdown tables."""
    fr = lang == "fr"
    out = [f"# {report.name} ({report.regime}) — {report.as_of.isoformat()}", ""]

    def table(title: str, head: list[str], rows: list[list[str]]) -> None:
        out.extend([f"## {title}", "", "| " + " | ".join(head) + " |"])
        out.append("|" + "---|" * len(head))
        out.extend("| " + " | ".join(r) + " |" for r in rows)
        out.append("")

    for title, head, rows in _sections(report, lang):
        table(title, head, rows)
    if explain:
        out.extend(["## " + ("Explications" if fr else "Explanations"), ""])
        out.extend(f"    {line}" for line in _explanations(report, lang))
        out.append("")
    return "\n".join(out)


def _sections(report: YearReport, lang: Lang) -> list[tuple[str, list[str], list[list[str]]]]:
    fr = lang == "fr"
    sections = [
        (
            "Membres et statuts" if fr else "Members and statuses",
            [
                "id",
                "nom" if fr else "name",
                "statut" if fr else "status",
                "catégorie" if fr else "category",
            ],
            [[m.id, m.name, m.status.value, m.category or ""] for m in report.members],
        ),
        (
            f"Échéances à {DEADLINE_DAYS} jours"
            if fr
            else f"Deadlines within {DEADLINE_DAYS} days",
            [
                "membre" if fr else "member",
                "échéance" if fr else "due",
                "état" if fr else "state",
                "quoi" if fr else "what",
            ],
            [
                [d.subject, d.due.isoformat(), d.state, d.what.in_(lang)]
                for d in report.deadlines_within(DEADLINE_DAYS)
            ],
        ),
        (
            "Contributions par activité" if fr else "Levies per activity",
            ["activité" if fr else "activity", "titulaire" if fr else "owner", "total"],
            [
                *([r.activity, r.owner, _amount(r.total)] for r in report.levies),
                ["total", "", _amount(report.levy_total)],
            ],
        ),
        (
            "Contributions par mois" if fr else "Levies per month",
            ["mois" if fr else "month", "total"],
            [[f"{i + 1:02}", _amount(m)] for i, m in enumerate(report.month_totals)],
        ),
    ]
    if report.distribution is not None:
        sections.append(_distribution_section(report, lang))
    if report.withholding is not None:
        sections.append(
            (
                "Précompte sur les dividendes" if fr else "Tax withheld on dividends",
                ["membre" if fr else "member", "brut" if fr else "gross"]
                + (["exonéré", "retenu", "net"] if fr else ["exempt", "withheld", "net"]),
                [
                    [
                        line.member,
                        *(_amount(a) for a in (line.gross, line.exempt, line.withheld, line.net)),
                    ]
                    for line in report.withholding.lines
                ],
            )
        )
    sections.extend(_year_end_sections(report, lang))
    sections.extend(books_sections(report, lang))
    sections.append(
        (
            "Votes",
            ["id", "type" if fr else "kind", "résultat" if fr else "result"],
            [[v.id, v.kind, v.result.summary(lang)] for v in report.votes],
        )
    )
    if report.elections:
        sections.append(_election_section(report, lang))
    sections.append(
        (
            "Violations",
            ["gravité" if fr else "severity", "sujet" if fr else "subject", "message"],
            [[v.severity.value, v.subject, v.message.in_(lang)] for v in report.violations],
        )
    )
    return sections


Section = tuple[str, list[str], list[list[str]]]


def _distribution_section(report: YearReport, lang: Lang) -> Section:
    """The meeting's split, the part of each step paid in shares, and the regime's suggestion."""
    fr = lang == "fr"
    assert report.distribution is not None  # noqa: S101 - the caller checks
    steps = report.distribution.steps
    head = [
        "étape" if fr else "step",
        "montant" if fr else "amount",
        "en parts" if fr else "in shares",
    ]
    suggested = {}
    if report.suggestion is not None:
        head.append("suggestion")
        suggested = {s.code: s.amount for s in report.suggestion.distribution.steps}
    codes = [s.code for s in steps] + [c for c in suggested if c not in {s.code for s in steps}]
    by_code = {s.code: s for s in steps}
    rows = []
    for code in codes:
        step = by_code.get(code)
        row = [
            code,
            _amount(step.amount) if step is not None else "",
            _amount(sum(step.in_shares.values(), step.amount * 0)) if step is not None else "",
        ]
        if report.suggestion is not None:
            row.append(_amount(suggested[code]) if code in suggested else "")
        rows.append(row)
    return ("Répartition du résultat" if fr else "Distribution of the surplus", head, rows)


def _year_end_sections(report: YearReport, lang: Lang) -> list[Section]:
    """The register at year end, the redemptions, the reserves, the loss, the tests."""
    fr = lang == "fr"
    out: list[Section] = []
    if report.capital is not None:
        end = report.capital.register
        rows = [
            [h.member, h.share_class, str(h.shares)]
            + [_amount(a) for a in (h.subscribed, h.paid_up, h.unpaid)]
            for h in end.holdings
        ]
        rows.append(
            ["total", "", ""] + [_amount(a) for a in (end.subscribed, end.paid_up, end.unpaid)]
        )
        out.append(
            (
                f"Registre des parts au {end.on.isoformat()}"
                if fr
                else f"Share register on {end.on.isoformat()}",
                [
                    "membre" if fr else "member",
                    "classe" if fr else "class",
                    "parts" if fr else "shares",
                ]
                + (
                    ["souscrit", "libéré", "non libéré"]
                    if fr
                    else ["subscribed", "paid up", "unpaid"]
                ),
                rows,
            )
        )
        if report.capital.redemptions:
            out.append(
                (
                    "Remboursements de parts" if fr else "Redemptions",
                    [
                        "opération" if fr else "operation",
                        "membre" if fr else "member",
                        "parts" if fr else "shares",
                    ]
                    + (["valeur", "remboursé"] if fr else ["value", "repaid"]),
                    [
                        [r.operation, r.member, str(r.shares)]
                        + [_amount(a) if a is not None else "" for a in (r.value, r.repaid)]
                        for r in report.capital.redemptions
                    ],
                )
            )
    if report.reserves is not None:
        accounts = {a.code: a for a in report.reserves.ledger.accounts}
        rows = []
        for row in report.reserves.roll_forward:
            moves = ", ".join(f"{kind.value} {_amount(m)}" for kind, m in row.movements)
            indivisible = accounts[row.reserve].indivisible
            rows.append(
                [
                    row.reserve,
                    ("oui" if fr else "yes") if indivisible else ("non" if fr else "no"),
                    _amount(row.opening),
                    moves,
                    _amount(row.closing),
                ]
            )
        out.append(
            (
                "Réserves" if fr else "Reserves",
                ["réserve" if fr else "reserve", "impartageable" if fr else "indivisible"]
                + (
                    ["ouverture", "mouvements", "clôture"]
                    if fr
                    else ["opening", "movements", "closing"]
                ),
                rows,
            )
        )
        loss = report.reserves.loss
        if loss is not None:
            out.append(
                (
                    "Perte de l'exercice" if fr else "The year's loss",
                    ["imputée sur" if fr else "charged to", "montant" if fr else "amount"],
                    [[code, _amount(m)] for code, m in loss.charged]
                    + [
                        [
                            "report à nouveau" if fr else "carried forward",
                            _amount(loss.carried_forward),
                        ]
                    ],
                )
            )
    tests = report.distribution_tests
    if tests is not None:
        out.append(
            (
                "Tests de distribution" if fr else "Distribution tests",
                [
                    "versé en espèces" if fr else "paid in cash",
                    "marge" if fr else "headroom",
                    "résultat" if fr else "result",
                ],
                [
                    [
                        _amount(tests.amount),
                        _amount(tests.headroom) if tests.headroom is not None else "",
                        ("réussis" if fr else "passed")
                        if tests.passed
                        else ", ".join(v.code for v in tests.violations),
                    ]
                ],
            )
        )
    return out


def _explanations(report: YearReport, lang: Lang) -> list[str]:
    lines: list[str] = []
    for d in report.deadlines:
        lines.append(f"{d.subject} {d.code}:")
        lines.extend(f"  {s}" for s in _steps(d.explanation, lang))
    for row in report.levies:
        lines.append(f"{row.activity}:")
        lines.extend(f"  {s}" for s in _steps(row.explanation, lang))
    if report.distribution is not None:
        lines.append("distribution:")
        lines.extend(f"  {s}" for s in _steps(report.distribution.explanation, lang))
    if report.withholding is not None:
        lines.append("withholding:")
        lines.extend(f"  {s}" for s in _steps(report.withholding.explanation, lang))
    for v in report.votes:
        lines.append(f"{v.id}:")
        lines.extend(f"  {s}" for s in _steps(v.result.explanation, lang))
    lines.extend(_year_end_explanations(report, lang))
    for election in report.elections:
        lines.append(f"{election.id}:")
        lines.extend(f"  {s}" for s in _steps(election.result.explanation, lang))
    if report.register.steps:
        lines.append("register:")
        lines.extend(f"  {s}" for s in _steps(report.register, lang))
    lines.extend(books_explanations(report, lang))
    return lines


def _year_end_explanations(report: YearReport, lang: Lang) -> list[str]:
    lines: list[str] = []
    for r in report.capital.redemptions if report.capital is not None else ():
        lines.append(f"redemption {r.operation}:")
        lines.extend(f"  {s}" for s in _steps(r.explanation, lang))
    if report.reserves is not None:
        lines.append("reserves:")
        for row in report.reserves.roll_forward:
            lines.extend(f"  {s}" for s in _steps(row.explanation, lang))
        if report.reserves.loss is not None:
            lines.extend(f"  {s}" for s in _steps(report.reserves.loss.explanation, lang))
    if report.distribution_tests is not None:
        lines.append("distribution tests:")
        lines.extend(f"  {s}" for s in _steps(report.distribution_tests.explanation, lang))
    if report.suggestion is not None:
        lines.append(f"suggestion: {report.suggestion.note.in_(lang)}")
    return lines


def _print_rich(report: YearReport, lang: Lang, *, explain: bool) -> None:
    console = Console()
    console.print(f"[bold]{report.name}[/bold] ({report.regime}) — {report.as_of.isoformat()}")
    for title, head, rows in _sections(report, lang):
        table = Table(title=title)
        for column in head:
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        console.print(table)
    if explain:
        for line in _explanations(report, lang):
            console.print(line, markup=False, highlight=False)


def _evaluate(
    file: str, as_of: date | None, *, show_progress: bool, journal: bool = False
) -> YearReport:
    """Load the file once, evaluate it; the journal only when a ledger is to be written."""
    from cooprules_adapters.scenario import evaluate_scenario  # noqa: PLC0415 - after the catalogue

    catalogue = load_regimes()
    scenario = load(file, currency_of_regime=lambda code: catalogue.get(code).currency)
    if as_of is None:
        from cooprules.levies import month_periods  # noqa: PLC0415

        last = month_periods(scenario.coop.year, first_month=scenario.coop.first_month)[-1]
        as_of = date.fromordinal(last.end.toordinal() - 1)
    if not show_progress:
        return evaluate_scenario(scenario, as_of=as_of, catalogue=catalogue, journal=journal)
    with Progress(transient=True) as bar:
        tasks: dict[str, Any] = {}

        def progress(section: str, done: int, total: int) -> None:
            if section not in tasks:
                tasks[section] = bar.add_task(section, total=total)
            bar.update(tasks[section], completed=done)

        return evaluate_scenario(
            scenario, as_of=as_of, catalogue=catalogue, progress=progress, journal=journal
        )


def _error_lines(error: CoopRulesError | OSError, file: str | None = None) -> list[str]:
    """One line per problem: a scenario's every problem (file, path, value), else the error.

    An engine's error follows the file it was found in, when there is one.
    """
    if isinstance(error, ScenarioError):
        return [f"error: {leaf}" for leaf in error.errors]
    return [f"error: {file}: {error}" if file is not None else f"error: {error}"]


def _guard(action: Callable[[], int], file: str | None = None) -> None:
    try:
        code = action()
    except (CoopRulesError, OSError) as error:
        for line in _error_lines(error, file):
            click.echo(line, err=True)
        sys.exit(EXIT_BAD_INPUT)
    sys.exit(code)


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


_LANG = click.option("--lang", type=click.Choice(["en", "fr"]), default="en", show_default=True)
_AS_OF = click.option(
    "--as-of",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Date of the evaluation (default: the last day of the financial year).",
)


class _Main(click.Group):
    """The command group: an unexpected exception is one line and exit 70, never a traceback."""

    def invoke(self, ctx: click.Context) -> Any:  # noqa: ANN401 - click's own return
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:  # noqa: BLE001 - every other exception is a bug of ours
            if ctx.params.get("debug"):
                import traceback  # noqa: PLC0415 - only on a bug

                traceback.print_exc()
            first = str(error).splitlines()[0][:200] if str(error) else ""
            hint = "this is a bug in cooprules: please report it with the file and the command"
            if not ctx.params.get("debug"):
                hint += " (cooprules --debug shows the traceback)"
            click.echo(f"internal error: {type(error).__name__}: {first}; {hint}", err=True)
            sys.exit(EXIT_INTERNAL)


@click.group(cls=_Main)
@click.option("--debug", is_flag=True, help="On an internal error, show its traceback.")
def main(debug: bool) -> None:  # noqa: FBT001 - a click flag
    """Evaluate a co-operative's year from a scenario file.

    Exit codes: 0 done, 1 violations, 2 bad input (one line per problem), 70 an internal error
    (a bug: --debug shows its traceback).
    """
    del debug  # read by the group's invoke


@main.command()
@click.argument("file", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table")
@click.option("--explain", is_flag=True, help="Show the explanation of each figure.")
@click.option(
    "--journal",
    "--ledger",
    "journal",
    type=click.Path(dir_okay=False),
    help="Write the year's beancount ledger (bean-check accepts it; fava opens it under the "
    "co-op's name).",
)
@_LANG
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
    explain: bool,  # noqa: FBT001 - a click flag
    journal: str | None,
    lang: Lang,
    as_of: Any,  # noqa: ANN401 - click gives a datetime
    fail_on: str,
) -> None:
    """Evaluate FILE and print the year's report.

    Exit codes: 0 done (and, with --fail-on, no violation of that severity); 1 a violation of the
    --fail-on severity; 2 bad input (every problem of the file, one line each).
    """

    def action() -> int:
        report = _evaluate(
            file,
            as_of.date() if as_of else None,
            show_progress=fmt == "table" and sys.stdout.isatty(),
            journal=journal is not None,
        )
        if journal is not None:
            from cooprules_adapters.accounting import write_beancount  # noqa: PLC0415

            write_beancount(
                report.journal,
                journal,
                open_date=report.year.start,
                currency=report.currency,
                title=report.name,
            )
        if fmt == "json":
            click.echo(report_json(report, lang), nl=False)
        elif fmt == "markdown":
            click.echo(report_markdown(report, lang, explain=explain))
        else:
            _print_rich(report, lang, explain=explain)
        return _exit_code(report, fail_on)

    _guard(action, file)


@main.command()
@click.argument("file", type=click.Path())
@_LANG
@_AS_OF
def check(file: str, lang: Lang, as_of: Any) -> None:  # noqa: ANN401 - click gives a datetime
    """Validate FILE's statutes and data; exit 1 when an error is found."""

    def action() -> int:
        report = _evaluate(file, as_of.date() if as_of else None, show_progress=False)
        if report.violations:
            click.echo(render_violations(report.violations, lang=lang))
        else:
            click.echo("Aucune violation." if lang == "fr" else "No violations.")
        return EXIT_VIOLATIONS if report.errors else EXIT_OK

    _guard(action, file)


@main.command()
@click.argument("file", type=click.Path())
@click.argument("activity")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "text"]),
    default="markdown",
    show_default=True,
)
@_LANG
@_AS_OF
def statement(file: str, activity: str, fmt: str, lang: Lang, as_of: Any) -> None:  # noqa: ANN401
    """Print the statement of ACTIVITY's year in FILE: its books month by month, its pay.

    The statement an entrepreneur is given: every month's revenue, costs, levy, pooled costs,
    salary and charges and the treasury, the year's result, the variable part due.
    """

    def action() -> int:
        report = _evaluate(file, as_of.date() if as_of else None, show_progress=False)
        found = {b.activity: b for b in report.books.activities} if report.books else {}
        if activity not in found:
            reason = f"not an activity of the scenario ({', '.join(found) or 'none'})"
            raise ScenarioError(file, "activities", activity, reason)
        books = found[activity]
        text = activity_statement(books, coop=report.name, lang=lang, fmt=fmt)  # type: ignore[arg-type]
        click.echo(text, nl=False)
        return EXIT_OK

    _guard(action, file)


@main.command()
def regimes() -> None:
    """List the installed regimes and the plug-in that provides each."""
    catalogue = load_regimes()
    table = Table(title="Regimes")
    for column in ("code", "name", "jurisdiction", "currency", "plug-in"):
        table.add_column(column)
    for regime in catalogue:
        table.add_row(
            regime.code,
            regime.name,
            regime.jurisdiction,
            regime.currency,
            catalogue.providers.get(regime.code, ""),
        )
    Console(width=120).print(table)


@main.command()
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "markdown"]), default="table")
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
            click.echo(regime_markdown(view, lang))
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
                table.add_row(*row_cells(row, lang, with_regime=True))
            console.print(table)
        return EXIT_OK

    _guard(action)


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
            for line in _error_lines(error, file):
                click.echo(line, err=True)
            worst = EXIT_BAD_INPUT
            continue
        click.echo(f"{file} ({expected.as_of.isoformat()})")
        click.echo(render_outcomes(outcomes, lang=lang), nl=False)
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


def _regime_currency(text: str, catalogue: RegimeCatalogue) -> str | None:
    """The currency of the regime a scenario's text names, if it is installed."""
    try:
        code = tomllib.loads(text).get("coop", {}).get("regime")
        return catalogue.get(code).currency if isinstance(code, str) else None
    except (tomllib.TOMLDecodeError, RecursionError, AttributeError, CoopRulesError):
        return None  # the loader reports the problem with its path
