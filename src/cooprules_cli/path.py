"""The ``cooprules path`` command's output: a person's path across co-ops, as tables or JSON."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from cooprules.explain import Text
from cooprules.i18n import default_locale
from cooprules.path import reason_text
from cooprules_cli.text import (
    Human,
    citation_json,
    confidence_word,
    escape_markdown,
    render_citation,
    render_steps,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from cooprules.explain import Lang
    from cooprules.path import CarriedOver, Exit, PersonPath, Spell, Stay
    from cooprules.plugins import RegimeCatalogue
    from cooprules.regime import Regime
    from cooprules.scenario import Scenario

__all__ = [
    "explanation_lines",
    "load_path",
    "path_json",
    "path_locale",
    "path_markdown",
    "path_sections",
]

Section = tuple[str, list[str], list[list[str]]]


def load_path(person: str, files: Sequence[str], catalogue: RegimeCatalogue) -> PersonPath:
    """Load each file with its regime and build the person's path.

    Raises:
        ScenarioError: a file cannot be read, or names an unknown regime.
        InvalidInput: no file names the person, or a file is given twice.
    """
    from cooprules.path import person_path  # noqa: PLC0415
    from cooprules.scenario import load  # noqa: PLC0415

    loaded: list[tuple[Scenario, Regime]] = []
    for file in files:
        scenario = load(file, currency_of_regime=lambda code: catalogue.get(code).currency)
        loaded.append((scenario, catalogue.get(scenario.coop.regime)))
    return person_path(person, loaded)


def path_locale(path: PersonPath, lang: Lang) -> str:
    """The locale of the report: the language's in the country of the first co-op."""
    return default_locale(lang, path.stays[0].jurisdiction if path.stays else None)


def _last_day(spell: Spell) -> date | None:
    return None if spell.end is None else spell.end - timedelta(days=1)


def _reason(exit_: Exit, human: Human) -> str:
    if exit_.reason is not None:
        return human(reason_text(exit_.reason))
    return exit_.recorded or "—"


def _stays_section(path: PersonPath, human: Human) -> Section:
    head = [
        human(Text("co-op")),
        human(Text("regime")),
        human(Text("member")),
        human(Text("status")),
        human(Text("from")),
        human(Text("to")),
    ]
    rows: list[list[str]] = []
    for stay in path.stays:
        for spell in stay.spells:
            last = _last_day(spell)
            rows.append(
                [
                    stay.coop,
                    stay.regime,
                    stay.member,
                    human.label("status", spell.status.value),
                    human.day(spell.start),
                    human.day(last) if last is not None else "…",
                ]
            )
    title = human(Text("Path of {person}", person=path.person))
    return title, head, rows


def _exits_section(path: PersonPath, human: Human) -> Section:
    head = [
        human(Text("co-op")),
        human(Text("date")),
        human(Text("status left")),
        human(Text("reason")),
    ]
    rows = [
        [stay.coop, human.day(e.date), human.label("status", e.left.value), _reason(e, human)]
        for stay in path.stays
        for e in stay.exits
    ]
    return human(Text("Exits")), head, rows


def _coop_of(path: PersonPath, source: str) -> str:
    return next((s.coop for s in path.stays if s.source == source), source)


def _carried_section(path: PersonPath, human: Human) -> Section:
    head = [
        human(Text("co-op")),
        human(Text("deadline")),
        human(Text("time counted")),
        human(Text("due without it")),
        human(Text("due with it")),
        human(Text("source")),
        human(Text("confidence")),
    ]
    rows = [
        [
            _coop_of(path, c.into),
            human(c.what),
            human(c.reduction),
            human.day(c.due_without),
            human.day(c.due_with),
            f"{c.citation.instrument}, {c.citation.article}",
            confidence_word(c.citation.confidence, human.lang),
        ]
        for c in path.carried
    ]
    return human(Text("Carried over")), head, rows


def _notes_section(path: PersonPath, human: Human) -> Section:
    head = [human(Text("co-op")), human(Text("note"))]
    rows = [[_coop_of(path, n.subject), human(n.text)] for n in path.notes]
    rows.extend([v.subject, human(v.message)] for v in path.violations)
    return human(Text("Notes")), head, rows


def path_sections(path: PersonPath, lang: Lang, locale: str | None = None) -> list[Section]:
    """The report's tables: the statuses, the exits, what carried over, the notes."""
    human = Human(lang, locale)
    sections = [_stays_section(path, human), _exits_section(path, human)]
    if path.carried:
        sections.append(_carried_section(path, human))
    sections.append(_notes_section(path, human))
    return sections


def path_markdown(
    path: PersonPath, lang: Lang, *, explain: bool = False, locale: str | None = None
) -> str:
    """The report as markdown tables (and, with ``explain``, how each carried deadline is found)."""
    lines: list[str] = []
    for title, head, rows in path_sections(path, lang, locale):
        lines.extend([f"## {escape_markdown(title)}", ""])
        lines.append("| " + " | ".join(escape_markdown(h) for h in head) + " |")
        lines.append("|" + "---|" * len(head))
        lines.extend("| " + " | ".join(escape_markdown(c) for c in row) + " |" for row in rows)
        lines.append("")
    if explain:
        lines.extend(explanation_lines(path, lang, locale))
    return "\n".join(lines)


def explanation_lines(path: PersonPath, lang: Lang, locale: str | None = None) -> list[str]:
    """How each deadline carried over is found, step by step, with the rule's citation."""
    human = Human(lang, locale)
    out: list[str] = []
    for carried in path.carried:
        out.append(f"{_coop_of(path, carried.into)}: {human(carried.what)}")
        out.extend(f"    {line}" for line in render_steps(carried.explanation, lang, locale))
        out.append(f"    {render_citation(carried.citation, lang, locale)}")
    return out


def _carried_json(carried: CarriedOver, lang: Lang) -> dict[str, Any]:
    return {
        "into": carried.into,
        "code": carried.code,
        "what": carried.what.in_(lang),
        "reduction": carried.reduction.in_(lang),
        "due_without": carried.due_without.isoformat(),
        "due_with": carried.due_with.isoformat(),
        "counted": [
            {
                "source": e.source,
                "coop": e.coop,
                "regime": e.regime,
                "status": e.spell.status.value,
                "start": e.spell.start.isoformat(),
                "end": e.spell.end.isoformat() if e.spell.end else None,
            }
            for e in carried.counted
        ],
        "citation": citation_json(carried.citation),
        "explanation": render_steps(carried.explanation, lang),
    }


def _stay_json(stay: Stay, lang: Lang) -> dict[str, Any]:
    human = Human(lang)
    return {
        "source": stay.source,
        "coop": stay.coop,
        "regime": stay.regime,
        "member": stay.member,
        "name": stay.name,
        "entry": stay.entry.isoformat() if stay.entry else None,
        "recorded_until": stay.recorded_until.isoformat(),
        "status": stay.status.value,
        "spells": [
            {
                "status": s.status.value,
                "label": human.label("status", s.status.value),
                "start": s.start.isoformat(),
                "end": s.end.isoformat() if s.end else None,
            }
            for s in stay.spells
        ],
        "exits": [
            {
                "date": e.date.isoformat(),
                "kind": e.kind.value,
                "left": e.left.value,
                "reason": e.reason.value if e.reason else None,
                "reason_label": _reason(e, human) if e.reason else None,
                "recorded": e.recorded,
            }
            for e in stay.exits
        ],
    }


def path_json(path: PersonPath, lang: Lang = "en") -> str:
    """The path as JSON: sorted keys, ISO dates, each status by its code and its label.

    A spell's ``end`` is exclusive: the first day the status is no longer held.
    """
    data = {
        "person": path.person,
        "stays": [_stay_json(s, lang) for s in path.stays],
        "carried": [_carried_json(c, lang) for c in path.carried],
        "notes": [
            {"subject": n.subject, "text": n.text.in_(lang), "citation": citation_json(n.citation)}
            for n in path.notes
        ],
        "violations": [
            {
                "code": v.code,
                "subject": v.subject,
                "severity": v.severity.value,
                "message": v.message.in_(lang),
                "citation": citation_json(v.citation),
            }
            for v in path.violations
        ],
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
