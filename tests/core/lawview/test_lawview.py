"""The legal expert's view of a regime (cooprules.lawview) and the generated tables of the docs."""

from __future__ import annotations

import json
import runpy
from datetime import date
from pathlib import Path

import pytest

from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, RuleKind, Text
from cooprules.lawview import (
    describe,
    describe_history,
    parameters_table,
    row_cells,
    show_value,
    view_json,
    view_markdown,
)
from cooprules.money import Rate, money
from cooprules.plugins import load_regimes
from cooprules.regime import Parameter, Regime

ROOT = Path(__file__).resolve().parents[3]
DOCS = ROOT / "docs" / "regimes.md"
SCRIPT = runpy.run_path(str(ROOT / "scripts" / "write_regimes_doc.py"))
CATALOGUE = load_regimes()

LAW = Citation("Example Act", "s. 1 | s. 2", "XX", Confidence.SRC, "https://example.org/act")
RECALLED = Citation("Example Act", "s. 9", "XX", Confidence.MEM)


def _regime() -> Regime:
    base = Regime(
        code="xx-base",
        name="Base",
        name_en="Base regime",
        jurisdiction="XX",
        currency="EUR",
        languages=("fr",),
        citations=(LAW,),
        parameters=(
            Parameter(
                "voting.member_vote_cap",
                Rate.of("1/10"),
                RuleKind.LAW,
                LAW,
                Text(en="cap", fr="plafond"),
                maximum=Rate.of("1/10"),
            ),
            Parameter(
                "surplus.legal_reserve_rate",
                Rate.of("5%"),
                RuleKind.LAW,
                LAW,
                Text(en="reserve", fr="réserve"),
            ),
        ),
    )
    return Regime(
        code="xx-child",
        name="Enfant",
        name_en="Child",
        jurisdiction="XX",
        currency="EUR",
        languages=("fr",),
        citations=(LAW,),
        extends=base,
        parameters=(
            Parameter(
                "surplus.legal_reserve_rate",
                Rate.of("15%"),
                RuleKind.LAW,
                LAW,
                Text(en="reserve", fr="réserve"),
                valid_until=date(2020, 1, 1),
            ),
            Parameter(
                "surplus.legal_reserve_rate",
                Rate.of("121/3750"),
                RuleKind.LAW,
                LAW,
                Text(en="reserve", fr="réserve"),
                valid_from=date(2020, 1, 1),
            ),
            Parameter(
                "company.min_founders", None, RuleKind.STATUTE, RECALLED, Text(en="f", fr="f")
            ),
        ),
        description=Text(en="A child regime.", fr="Un régime enfant."),
    )


def test_describe_merges_the_lineage_and_names_who_sets_each_rule():
    view = describe(_regime(), date(2019, 6, 1))
    assert view.extends == ("xx-base",)
    assert [(r.key, r.regime) for r in view.parameters] == [
        ("company.min_founders", "xx-child"),
        ("surplus.legal_reserve_rate", "xx-child"),
        ("voting.member_vote_cap", "xx-base"),
    ]
    assert view.row("surplus.legal_reserve_rate").value == Rate.of("15%")
    assert view.row("surplus.legal_reserve_rate").valid_until == date(2020, 1, 1)
    assert describe(_regime(), date(2021, 1, 1)).row("surplus.legal_reserve_rate").value == (
        Rate.of("121/3750")
    )
    with pytest.raises(InvalidInput, match=r"capital\.dividend_cap"):
        view.row("capital.dividend_cap")


def test_history_lists_every_own_version_by_key_then_date():
    view = describe_history(_regime())
    assert view.as_of is None
    assert [(r.key, r.valid_from) for r in view.parameters] == [
        ("company.min_founders", None),
        ("surplus.legal_reserve_rate", None),
        ("surplus.legal_reserve_rate", date(2020, 1, 1)),
    ]


def test_unverified_figure_is_never_shown_as_a_value():
    view = describe(_regime(), date(2021, 1, 1))
    row = view.row("company.min_founders")
    assert not row.verified
    assert row_cells(row)[1] == "not verified law"
    assert row_cells(row, "fr")[1] == "loi non vérifiée"
    data = json.loads(view_json(view))
    (founders,) = [p for p in data["parameters"] if p["key"] == "company.min_founders"]
    assert founders["value"] is None
    assert founders["verified"] is False
    assert founders["shown"] == "not verified law"
    assert founders["citation"]["confidence"] == "MEM"


def test_show_value_is_exact():
    assert show_value(Rate.of("121/3750")) == "≈ 3.2267 % (exactly 121/3750)"
    assert show_value(Rate.of("121/3750"), "fr") == "≈ 3.2267 % (exactement 121/3750)"
    assert show_value(Rate.of("57.5%")) == "57.5 %"
    assert show_value(money("100.00", "EUR")) == "100.00 EUR"
    assert show_value(value=False) == "no"
    assert show_value("paid_up", markdown=True) == "`paid_up`"
    assert show_value(None) == "—"


def test_markdown_escapes_pipes_and_links_the_citation():
    table = parameters_table(describe(_regime(), date(2021, 1, 1)))
    assert r"s. 1 \| s. 2](https://example.org/act)" in table
    for line in table.splitlines():
        cells = line.replace(r"\|", "").strip("|").split("|")
        assert len(cells) == 9, line  # the "set by" column of a view as of a date
    page = view_markdown(describe(_regime(), date(2021, 1, 1)), "fr")
    assert page.startswith("# xx-child — Enfant\n")
    assert "- Étend : xx-base" in page
    assert "Un régime enfant." in page


def test_json_is_stable_and_exact():
    view = describe(CATALOGUE.get("fr-scic"), date(2023, 6, 30))
    text = view_json(view)
    assert text == view_json(view)
    data = json.loads(text)
    (cap,) = [p for p in data["parameters"] if p["key"] == "capital.dividend_cap"]
    assert cap["value"] == "1099/40000"  # 2.7475 %, as a fraction of one
    assert cap["regime"] == "fr-coop"
    assert cap["citation"]["article"].startswith("art. 14")
    assert (cap["valid_from"], cap["valid_until"]) == ("2023-01-01", "2024-01-01")


def test_docs_regimes_md_is_generated_from_the_regimes():
    text = DOCS.read_text(encoding="utf-8")
    assert SCRIPT["render"](text) == text, (
        "docs/regimes.md is out of date: run python scripts/write_regimes_doc.py"
    )


def test_docs_has_a_block_and_a_heading_for_every_regime():
    text = DOCS.read_text(encoding="utf-8")
    for name in SCRIPT["blocks"]():
        assert f"<!-- BEGIN GENERATED: {name} -->" in text, name
        if name != "regimes":
            assert f"## `{name}`" in text, name


def test_the_generator_refuses_a_page_without_a_block():
    text = DOCS.read_text(encoding="utf-8").replace("GENERATED: be-cnc -->", "X -->")
    with pytest.raises(ValueError, match="no block for be-cnc"):
        SCRIPT["render"](text)


def test_the_generator_rewrites_a_drifted_table():
    text = DOCS.read_text(encoding="utf-8")
    drifted = text.replace("| `company.min_categories` | 3 |", "| `company.min_categories` | 4 |")
    assert drifted != text
    assert SCRIPT["render"](drifted) == text
