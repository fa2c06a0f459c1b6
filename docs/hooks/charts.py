"""mkdocs hook: charts drawn at build time from cooprules' own results, as plain SVG.

A page asks for a chart with a comment on a line of its own::

    <!-- chart: levy-bands -->
    <!-- chart: waterfall fr -->

and the hook replaces it with an inline SVG (in a ``<div class="cooprules-chart">``, so that
Markdown leaves it alone). Three charts:

* ``levy-bands``: Solstice's monthly gross-margin bands (``cooprules_adapters.fr.levies``), the
  month's levy of the bands against the margin, whole-amount reading against marginal reading;
* ``waterfall``: the surplus distribution of ``examples/be-activity.toml``, read and evaluated
  through the scenario API, each step with its amount;
* ``timeline``: the statuses of one member of ``examples/fr-cae-scop.toml`` over time.

Every figure shown as text is exact: amounts are formatted from ``Money`` (Decimal) and rates
from ``Rate`` by ``cooprules.formatting``, for the chart's language (``LOCALES``); statuses and
steps are the catalogs' labels. Only the SVG coordinates are floats (a pixel position has no
cents). The code of this checkout (``src``) is imported, not an installed copy.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT / "src") not in sys.path:  # the checkout's code, as mkdocstrings reads it
    sys.path.insert(0, str(ROOT / "src"))

from cooprules.levies import Banding, Schedule  # noqa: E402
from cooprules.membership import Event, History, status_at  # noqa: E402
from cooprules.formatting import format_date, format_money, format_rate  # noqa: E402
from cooprules.i18n import label  # noqa: E402
from cooprules.money import Money, money_from_fraction  # noqa: E402
from cooprules.scenario import load  # noqa: E402
from cooprules_adapters.fr.levies import SOLSTICE, SOLSTICE_MARGINAL  # noqa: E402
from cooprules_adapters.scenario import evaluate_file  # noqa: E402

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

PLACEHOLDER = re.compile(r"^<!-- chart: (?P<name>[\w-]+)(?: (?P<lang>en|fr))? -->$", re.MULTILINE)
WATERFALL_SAMPLE = ROOT / "examples" / "be-activity.toml"
WATERFALL_AS_OF = date(2025, 12, 31)
TIMELINE_SAMPLE = ROOT / "examples" / "fr-cae-scop.toml"
TIMELINE_MEMBER = "e01"
TIMELINE_UNTIL = date(2025, 12, 31)

WIDTH, HEIGHT = 720, 360
LEFT, RIGHT, TOP, BOTTOM = 80, 24, 40, 56
COLOURS = ("#3f51b5", "#e65100", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457")

WORDS = {
    "en": {
        "levy-title": "Solstice: the month's levy of the bands against the month's gross margin",
        "margin": "gross margin of the month",
        "levy": "levy of the bands",
        "whole": "whole amount",
        "marginal": "marginal",
        "waterfall-title": "be-activity.toml: the surplus and where it goes",
        "surplus": "surplus",
        "left": "not allocated",
        "timeline-title": "fr-cae-scop.toml: member {member}'s status over time",
        "note": "bands only: before the 100 EUR monthly floor and the yearly cap",
    },
    "fr": {
        "levy-title": "Solstice : la contribution du mois selon les tranches de marge brute",
        "margin": "marge brute du mois",
        "levy": "contribution des tranches",
        "whole": "montant entier",
        "marginal": "marginale",
        "waterfall-title": "be-activity.toml : l'excédent et sa répartition",
        "surplus": "excédent",
        "left": "non réparti",
        "timeline-title": "fr-cae-scop.toml : le statut du membre {member} dans le temps",
        "note": "tranches seules : avant le plancher de 100 € par mois et le plafond annuel",
    },
}

EVENTS = {
    "en": {},
    "fr": {
        "convention_signed": "convention signée",
        "employed": "embauche (CESA)",
        "admitted": "admission",
    },
}
"""The events of the timeline's member, in words (the catalogs label statuses, not events)."""


@dataclass(frozen=True)
class Axis:
    """A linear scale from exact values to pixels (the pixels are floats)."""

    low: Fraction
    high: Fraction
    start: float
    end: float

    def __call__(self, value: Fraction) -> float:
        """The pixel position of ``value``."""
        span = self.high - self.low or Fraction(1)
        return self.start + float((value - self.low) / span) * (self.end - self.start)


def _text(x: float, y: float, text: str, **attributes: str) -> str:
    extra = "".join(f' {key.replace("_", "-")}="{escape(v)}"' for key, v in attributes.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{extra}>{escape(text)}</text>'


def _svg(title: str, body: list[str], height: int = HEIGHT) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-label="{escape(title)}" font-family="sans-serif" font-size="12">'
        f"<title>{escape(title)}</title>"
        + _text(WIDTH / 2, 20, title, text_anchor="middle", font_size="14", font_weight="bold")
        + "".join(body)
        + "</svg>"
    )


LOCALES = {"en": "en_IE", "fr": "fr_FR"}
"""The locale each language's charts write amounts, rates and dates in (euros: Ireland's English)."""


def _money(amount: Money, lang: str) -> str:
    return format_money(amount, LOCALES[lang])


def _euros(units: Fraction, lang: str, currency: str = "EUR") -> str:
    """An exact amount in minor units, formatted as money (rounded once, half up)."""
    return _money(money_from_fraction(units / 100, currency), lang)


def _day(day: date, lang: str) -> str:
    return format_date(day, LOCALES[lang], "medium")


def levy_points(schedule: Schedule, top_units: int) -> list[tuple[int, Fraction]]:
    """The corners of the bands' levy curve, ``(base, levy)`` in minor units, from 0 to the top.

    The levy is linear inside a band (both readings), so its corners are the band starts and
    the last cent below each: the curve is exact at every corner.
    """
    starts = [band.start.amount for band in schedule.bands]
    units = [int(start * 100) for start in starts]
    points: list[tuple[int, Fraction]] = []
    for index, start in enumerate(units):
        end = units[index + 1] - 1 if index + 1 < len(units) else top_units
        points.extend([(start, schedule.variable(start)), (end, schedule.variable(end))])
    return points


def levy_chart(lang: str = "en") -> str:
    """The month's levy of Solstice's bands against the margin, whole against marginal."""
    words = WORDS[lang]
    top = 5_000_00
    series = [
        (words["whole"], SOLSTICE, COLOURS[0]),
        (words["marginal"], SOLSTICE_MARGINAL, COLOURS[1]),
    ]
    if (SOLSTICE.banding, SOLSTICE_MARGINAL.banding) != (Banding.WHOLE, Banding.MARGINAL):
        raise ValueError("SOLSTICE is the whole-amount reading, SOLSTICE_MARGINAL the marginal one")
    curves = [(name, levy_points(s, top), colour) for name, s, colour in series]
    highest = max(levy for _, points, _ in curves for _, levy in points)
    x = Axis(Fraction(0), Fraction(top), LEFT, WIDTH - RIGHT)
    y = Axis(Fraction(0), highest * Fraction(11, 10), HEIGHT - BOTTOM, TOP)
    body = [
        (
            f'<line x1="{LEFT}" y1="{HEIGHT - BOTTOM}" x2="{WIDTH - RIGHT}" '
            f'y2="{HEIGHT - BOTTOM}" stroke="currentColor"/>'
        ),
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{HEIGHT - BOTTOM}" stroke="currentColor"/>',
        _text(WIDTH / 2, HEIGHT - 12, words["margin"], text_anchor="middle"),
        _text(LEFT + 4, TOP - 4, words["levy"], font_size="10"),
        _text(
            WIDTH - RIGHT,
            HEIGHT - BOTTOM + 16,
            _euros(Fraction(top), lang),
            text_anchor="end",
            font_size="10",
        ),
        _text(WIDTH - RIGHT, HEIGHT - BOTTOM - 8, words["note"], text_anchor="end", font_size="10"),
    ]
    for band in SOLSTICE.bands:  # the band starts, with the rate of the band
        units = int(band.start.amount * 100)
        px = x(Fraction(units))
        body.append(
            f'<line x1="{px:.1f}" y1="{TOP}" x2="{px:.1f}" y2="{HEIGHT - BOTTOM}" '
            'stroke="currentColor" stroke-opacity="0.2"/>'
        )
        body.append(
            _text(
                px,
                HEIGHT - BOTTOM + 16,
                _money(band.start, lang),
                text_anchor="middle",
                font_size="10",
            )
        )
        body.append(_text(px + 4, TOP + 12, format_rate(band.rate, LOCALES[lang]), font_size="10"))
    for index, (name, points, colour) in enumerate(curves):
        segments = [points[i : i + 2] for i in range(0, len(points), 2)]
        for (x0, y0), (x1, y1) in segments:
            body.append(
                f'<line x1="{x(Fraction(x0)):.1f}" y1="{y(y0):.1f}" x2="{x(Fraction(x1)):.1f}" '
                f'y2="{y(y1):.1f}" stroke="{colour}" stroke-width="2.5"/>'
            )
        for units, levy in points[1::2]:  # the levy at the top of each band, exact
            body.append(
                _text(
                    x(Fraction(units)) - 4,
                    y(levy) - 6 - 12 * index,
                    _euros(levy, lang),
                    text_anchor="end",
                    fill=colour,
                    font_size="10",
                )
            )
        body.append(
            f'<rect x="{LEFT + 12}" y="{TOP + 24 + 18 * index}" width="14" height="4" '
            f'fill="{colour}"/>'
        )
        body.append(_text(LEFT + 32, TOP + 30 + 18 * index, name, fill=colour))
    return _svg(words["levy-title"], body)


def waterfall_data() -> tuple[Money, list[tuple[str, Money]], Money]:
    """The surplus of the sample, each step's amount, and what no step took."""
    report = evaluate_file(WATERFALL_SAMPLE, as_of=WATERFALL_AS_OF)
    distribution = report.distribution
    if distribution is None:
        raise ValueError(f"{WATERFALL_SAMPLE.name} has no distribution")
    figures = distribution.figures
    base = figures.surplus
    for deduction in figures.deductions.values():
        base -= deduction
    steps = [(step.code, step.amount) for step in distribution.steps]
    return base, steps, distribution.unallocated


def waterfall_chart(lang: str = "en") -> str:
    """The surplus as a bar, then each step of the waterfall as the part it takes."""
    words = WORDS[lang]
    base, steps, left = waterfall_data()
    rows = [(words["surplus"], base, Fraction(0))]
    taken = Fraction(0)
    for code, amount in steps:
        rows.append((label("step", code, lang), amount, taken))
        taken += Fraction(amount.amount)
    if left.amount:
        rows.append((words["left"], left, taken))
    height = TOP + 40 * len(rows) + 40
    x = Axis(Fraction(0), Fraction(base.amount), 180, WIDTH - 120)
    body: list[str] = []
    for index, (name, amount, offset) in enumerate(rows):
        top = TOP + 16 + 40 * index
        x0, x1 = x(offset), x(offset + Fraction(amount.amount))
        colour = COLOURS[index % len(COLOURS)] if index else "#757575"
        body.append(
            f'<rect x="{x0:.1f}" y="{top}" width="{max(x1 - x0, 1.0):.1f}" height="24" '
            f'fill="{colour}"/>'
        )
        body.append(_text(172, top + 16, name, text_anchor="end"))
        body.append(_text(x1 + 6, top + 16, _money(amount, lang)))
    return _svg(words["waterfall-title"], body, height)


def timeline_data() -> tuple[str, list[tuple[date, date, str]], list[tuple[date, str]]]:
    """One member's statuses as ``(from, until, status)`` spans, and the events that set them."""
    scenario = load(TIMELINE_SAMPLE)
    member = next(m for m in scenario.members if m.id == TIMELINE_MEMBER)
    history = History.of(
        member.id,
        [
            Event(e.kind, e.date, category=e.category, months=e.months, end=e.end)
            for e in member.events
        ],
    )
    days = sorted({event.date for event in member.events})
    spans: list[tuple[date, date, str]] = []
    for index, day in enumerate(days):
        until = days[index + 1] if index + 1 < len(days) else TIMELINE_UNTIL
        status = status_at(history, day).value
        if spans and spans[-1][2] == status:
            spans[-1] = (spans[-1][0], until, status)
        else:
            spans.append((day, until, status))
    events = [(event.date, event.kind.value) for event in member.events]
    return member.id, spans, events


def timeline_chart(lang: str = "en") -> str:
    """A member's statuses as coloured spans on a time axis, with the events that set them."""
    words = WORDS[lang]
    member, spans, events = timeline_data()
    first, last = spans[0][0], spans[-1][1]
    x = Axis(Fraction(first.toordinal()), Fraction(last.toordinal()), LEFT, WIDTH - RIGHT)
    bar, legend = 60, 160
    height = legend + 20 * len(spans) + 10
    body: list[str] = []
    for year in range(first.year + 1, last.year + 1):  # a tick at each 1 January
        px = x(Fraction(date(year, 1, 1).toordinal()))
        body.append(
            f'<line x1="{px:.1f}" y1="{bar - 6}" x2="{px:.1f}" y2="{bar}" stroke="currentColor"/>'
        )
        body.append(_text(px, bar - 9, str(year), text_anchor="middle", font_size="10"))
    for index, (start, until, status) in enumerate(spans):
        x0, x1 = x(Fraction(start.toordinal())), x(Fraction(until.toordinal()))
        colour = COLOURS[index % len(COLOURS)]
        body.append(
            f'<rect x="{x0:.1f}" y="{bar}" width="{x1 - x0:.1f}" height="32" fill="{colour}"/>'
        )
        row = legend + 20 * index
        body.append(f'<rect x="{LEFT}" y="{row - 10}" width="14" height="12" fill="{colour}"/>')
        open_end = index == len(spans) - 1  # the last status goes on past the chart's end
        since = _day(start, lang)
        shown = f"{since} –" if open_end else f"{since} – {_day(until, lang)}"
        colon = " : " if lang == "fr" else ": "
        body.append(_text(LEFT + 20, row, f"{label('status', status, lang)}{colon}{shown}"))
    for index, (day, kind) in enumerate(events):
        px = x(Fraction(day.toordinal()))
        depth = bar + 44 + 14 * (index % 3)
        body.append(
            f'<line x1="{px:.1f}" y1="{bar + 32}" x2="{px:.1f}" y2="{depth - 10}" '
            'stroke="currentColor"/>'
        )
        event = EVENTS[lang].get(kind, kind.replace("_", " "))
        body.append(_text(px + 3, depth, f"{_day(day, lang)} {event}", font_size="10"))
    return _svg(words["timeline-title"].format(member=member), body, height)


CHARTS = {"levy-bands": levy_chart, "waterfall": waterfall_chart, "timeline": timeline_chart}


def render(markdown: str) -> str:
    """``markdown`` with each chart placeholder replaced by its SVG."""

    def one(match: re.Match[str]) -> str:
        chart = CHARTS.get(match["name"])
        if chart is None:
            raise ValueError(f"unknown chart {match['name']!r}; known: {sorted(CHARTS)}")
        return f'<div class="cooprules-chart">{chart(match["lang"] or "en")}</div>'

    return PLACEHOLDER.sub(one, markdown)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Replace the chart placeholders of a page (mkdocs hook)."""
    del page, config, files
    return render(markdown)
