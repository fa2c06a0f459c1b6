"""The docs' charts (docs/hooks/charts.py): drawn from the library's results, amounts exact."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from cooprules.formatting import format_money

ROOT = Path(__file__).resolve().parents[3]
SVG = "{http://www.w3.org/2000/svg}"
AMOUNT = {  # an amount as the chart's locale writes it (LOCALES: en_IE, fr_FR)
    "en": re.compile(r"-?€[\d,]+(?:\.\d+)?"),
    "fr": re.compile(r"-?[\d\u202f]+(?:,\d+)?\u00a0€"),
}
TWO_DECIMALS = {"en": r"-?€[\d,]+\.\d{2}", "fr": r"-?[\d\u202f]+,\d{2}\u00a0€"}


@pytest.fixture(scope="module")
def charts():
    name = "cooprules_docs_charts"
    spec = importlib.util.spec_from_file_location(name, ROOT / "docs" / "hooks" / "charts.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.tag == f"{SVG}svg"
    return [element.text or "" for element in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("name", ["levy-bands", "waterfall", "timeline"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_each_chart_is_an_svg_with_a_title(charts, name, lang):
    svg = charts.CHARTS[name](lang)
    root = ET.fromstring(svg)  # noqa: S314 - our own output
    assert root.find(f"{SVG}title") is not None
    assert _texts(svg)


@pytest.mark.parametrize("name", ["levy-bands", "waterfall"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_amounts_shown_have_exactly_two_decimals(charts, name, lang):
    texts = _texts(charts.CHARTS[name](lang))
    amounts = [m for text in texts for m in AMOUNT[lang].findall(text)]
    assert amounts
    assert all(re.fullmatch(TWO_DECIMALS[lang], amount) for amount in amounts), amounts
    assert not any(" EUR" in text for text in texts if re.search(r"\d", text[:1]))


def _shown(amount: object, lang: str = "en") -> str:
    return format_money(amount, {"en": "en_IE", "fr": "fr_FR"}[lang])  # type: ignore[arg-type]


def test_the_levy_curves_are_the_schedules_exact_levies(charts):
    whole = dict(charts.levy_points(charts.SOLSTICE, 5_000_00))
    marginal = dict(charts.levy_points(charts.SOLSTICE_MARGINAL, 5_000_00))
    # 1,000.00 EUR of margin: 12 % of the whole, or 13 % of the first 1,000.00 (marginal).
    assert whole[1_000_00] == Fraction(12_000)
    assert marginal[1_000_00] == Fraction(13_000)
    # 5,000.00 EUR: 10 % of the whole; marginally 130 + 120 + 11 % x 1,333.00 + 10 % x 1,666.99.
    assert whole[5_000_00] == Fraction(50_000)
    assert marginal[5_000_00] == 13_000 + Fraction(1_000_01 * 12, 100) + Fraction(
        1_333_00 * 11, 100
    ) + Fraction(1_666_99 * 10, 100)
    assert whole[99_999] > whole[1_000_00]  # the whole-amount reading drops at a band start
    texts = _texts(charts.levy_chart())
    assert "€500.00" in texts
    assert _shown(charts.money_from_fraction(marginal[5_000_00] / 100, "EUR")) in texts
    assert "563,33\u00a0€" in _texts(charts.levy_chart("fr"))
    assert "10\u00a0%" in _texts(charts.levy_chart("fr"))


def test_the_waterfall_shows_each_step_and_adds_up(charts):
    surplus, steps, left = charts.waterfall_data()
    assert sum((amount.amount for _, amount in steps), Decimal(0)) + left.amount == surplus.amount
    texts = _texts(charts.waterfall_chart())
    assert _shown(surplus) in texts
    for code, amount in steps:
        assert code.replace("_", " ") in texts or code in texts
        assert _shown(amount) in texts
    french = _texts(charts.waterfall_chart("fr"))
    assert "finalité sociale" in french  # the step's label, not its code social_purpose
    assert _shown(surplus, "fr") in french


def test_the_timeline_follows_the_members_history(charts):
    member, spans, events = charts.timeline_data()
    assert member == charts.TIMELINE_MEMBER
    assert [status for _, _, status in spans] == [
        "candidate_entrepreneur",
        "entrepreneur_employee",
        "member",
    ]
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    assert [kind for _, kind in events] == ["convention_signed", "employed", "admitted"]
    french = _texts(charts.timeline_chart("fr"))
    assert "candidat-entrepreneur : 1 oct. 2015 – 1 janv. 2016" in french
    assert "1 mars 2017 admission" in french


def test_placeholders_are_replaced_and_unknown_ones_refused(charts):
    page = "Text\n\n<!-- chart: waterfall fr -->\n\nMore"
    rendered = charts.render(page)
    assert '<div class="cooprules-chart"><svg' in rendered
    assert "excédent" in rendered
    assert "<!-- chart" not in rendered
    with pytest.raises(ValueError, match="unknown chart 'pie'"):
        charts.render("<!-- chart: pie -->")


def test_the_charts_page_asks_for_every_chart(charts):
    text = (ROOT / "docs" / "charts.md").read_text(encoding="utf-8")
    asked = {match["name"] for match in charts.PLACEHOLDER.finditer(text)}
    assert asked == set(charts.CHARTS)
