"""The books section of the report: each activity's year, in JSON, tables and markdown."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from cooprules.books import ActivityBooks
from cooprules.explain import Text
from cooprules.money import format_amount
from cooprules_cli.text import Human, render_steps

if TYPE_CHECKING:
    from cooprules.explain import Lang
    from cooprules.report import YearReport

__all__ = ["books_explanations", "books_json", "books_sections"]

_FIGURES = ("revenue", "direct_costs", "levy", "pooled", "salary", "charges")


def _payroll(books: ActivityBooks) -> dict[str, Any] | None:
    pay = books.payroll
    if pay is None:
        return None
    return {
        "member": pay.member,
        "rule": pay.rule.value,
        "gross": format_amount(pay.gross),
        "charges": format_amount(pay.charges),
        "months": [
            {
                "month": f"{m.period.start:%Y-%m}",
                "status": m.status.value if m.status is not None else None,
                "asked": format_amount(m.asked),
                "gross": format_amount(m.gross),
                "charges": format_amount(m.charges),
                "paid": m.paid,
            }
            for m in pay.months
        ],
        "available": format_amount(pay.envelope.available) if pay.envelope else None,
        "fixed_part": format_amount(pay.envelope.fixed_part) if pay.envelope else None,
        "variable_part": format_amount(pay.variable_part),
        "blocked": format_amount(pay.blocked),
    }


def books_json(report: YearReport) -> dict[str, Any] | None:
    """The report's ``books`` key: per activity its months, totals, result and pay."""
    if report.books is None:
        return None
    return {
        "activities": [
            {
                "activity": b.activity,
                "owner": b.owner,
                "opening": format_amount(b.opening),
                "months": [
                    {
                        "month": f"{m.period.start:%Y-%m}",
                        "opening": format_amount(m.opening),
                        **{f: format_amount(getattr(m, f)) for f in _FIGURES},
                        "closing": format_amount(m.closing),
                        "pooled_charges": {
                            c.cost: format_amount(c.amount) for c in m.pooled_charges
                        },
                    }
                    for m in b.months
                ],
                "totals": {f: format_amount(b.total(f)) for f in _FIGURES},
                "closing": format_amount(b.closing),
                "result": format_amount(b.result),
                "variable_due": format_amount(b.variable_due),
                "kept": format_amount(b.kept),
                "payroll": _payroll(b),
            }
            for b in report.books.activities
        ],
        "pooled_costs": {cost.code: format_amount(cost.amount) for cost in report.books.costs},
    }


def books_sections(
    report: YearReport, lang: Lang, locale: str | None = None
) -> list[tuple[str, list[str], list[list[str]]]]:
    """The books table of the report: one row per activity, the year's figures."""
    if report.books is None:
        return []
    h = Human(lang, locale)
    head = [
        h(Text("activity")),
        h(Text("opening")),
        h(Text("revenue")),
        h(Text("costs")),
        h(Text("levy")),
        h(Text("pooled")),
        h(Text("salary")),
        h(Text("charges")),
        h(Text("closing")),
        h(Text("result")),
        h(Text("variable due")),
    ]
    rows = [
        [
            b.activity,
            h.money(b.opening),
            *(h.money(b.total(f)) for f in _FIGURES),
            h.money(b.closing),
            h.money(b.result),
            h.money(b.variable_due),
        ]
        for b in report.books.activities
    ]
    return [(h(Text("Books per activity")), head, rows)]


def books_explanations(report: YearReport, lang: Lang, locale: str | None = None) -> list[str]:
    """Each activity's books explained: every month's closing, the pooled charges, the envelope."""
    if report.books is None:
        return []
    h = Human(lang, locale)
    lines: list[str] = []
    for books in report.books.activities:
        lines.append(h(Text("Books of the activity {activity}:", activity=books.activity)))
        lines.extend(f"  {line}" for line in render_steps(books.explanation, lang, locale))
    return lines
