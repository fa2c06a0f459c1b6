"""Explained results: bilingual texts, citations, steps, violations and their rendering."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cooprules import strategies as cst
from cooprules.errors import InvalidInput
from cooprules.explain import (
    Citation,
    Confidence,
    Explanation,
    RuleKind,
    Severity,
    Step,
    Text,
    Violation,
    render_steps,
    render_value,
    render_violations,
)
from cooprules.money import Rate, money

ART16 = Citation(
    instrument="Loi 47-1775",
    article="art. 16",
    jurisdiction="FR",
    url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004",
)
CSA = Citation(
    instrument="CSA",
    article="art. 6:115",
    jurisdiction="BE",
    confidence=Confidence.SRC_2,
)
RESERVE = Text(en="Legal reserve", fr="Réserve légale")


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------


def test_text_in_each_language():
    assert RESERVE.in_("en") == "Legal reserve"
    assert RESERVE.in_("fr") == "Réserve légale"


@pytest.mark.parametrize("lang", ["es", "EN", "", None])
def test_text_in_refuses_other_languages(lang):
    with pytest.raises(InvalidInput) as caught:
        RESERVE.in_(lang)
    assert caught.value.field == "lang"
    assert caught.value.value == lang
    assert "'en', 'fr', 'nl', 'de'" in caught.value.reason


@pytest.mark.parametrize(
    ("en", "fr", "field"),
    [("", "x", "en"), ("x", "", "fr"), ("  ", "x", "en"), ("x", "\n", "fr"), (None, "x", "en")],
)
def test_text_refuses_blank_or_missing_messages(en, fr, field):
    with pytest.raises(InvalidInput) as caught:
        Text(en=en, fr=fr)
    assert caught.value.field == field


@given(cst.texts())
def test_text_in_returns_the_fields(text):
    assert text.in_("en") == text.en
    assert text.in_("fr") == text.fr


# ---------------------------------------------------------------------------------------------
# Citation
# ---------------------------------------------------------------------------------------------


def test_citation_str_has_no_flag_when_read_in_the_source():
    assert ART16.short() == "Loi 47-1775, art. 16"
    assert str(ART16) == "Loi 47-1775, art. 16"
    assert ART16.confidence is Confidence.SRC


@pytest.mark.parametrize(
    ("confidence", "flag"),
    [
        (Confidence.SRC_2, ", secondary source"),
        (Confidence.SRC_OLD, ", older version of the text"),
        (Confidence.MEM, ", unverified"),
        (Confidence.UNC, ", unverified"),
    ],
)
def test_citation_str_shows_the_confidence_in_words_never_its_tag(confidence, flag):
    citation = Citation(
        instrument="CSA", article="art. 6:1", jurisdiction="BE", confidence=confidence
    )
    assert str(citation) == f"CSA, art. 6:1{flag}"


def test_only_mem_and_unc_are_unverified():
    assert [c for c in Confidence if not c.verified] == [Confidence.MEM, Confidence.UNC]


def test_citation_validation():
    with pytest.raises(InvalidInput) as caught:
        Citation(instrument=" ", article="art. 1", jurisdiction="BE")
    assert caught.value.field == "instrument"
    with pytest.raises(InvalidInput):
        Citation(instrument="CSA", article="", jurisdiction="BE")
    with pytest.raises(TypeError):
        Citation(instrument="CSA", article="art. 1", jurisdiction="BE", confidence="SRC")


@given(cst.citations())
def test_citation_str_flags_exactly_the_non_src_ones(citation):
    shown = str(citation)
    assert shown.startswith(f"{citation.instrument}, {citation.article}")
    assert (shown != citation.short()) == (citation.confidence is not Confidence.SRC)
    assert f"[{citation.confidence.value}]" not in shown.removeprefix(citation.short())
    assert hash(citation) == hash(Citation(**{f: getattr(citation, f) for f in _FIELDS}))


_FIELDS = ("instrument", "article", "jurisdiction", "confidence", "url", "title")


def test_rule_kinds_and_severities_have_stable_values():
    assert [k.value for k in RuleKind] == ["LAW", "DEF", "STAT", "PRAC"]
    assert [s.value for s in Severity] == ["error", "warning", "info"]


# ---------------------------------------------------------------------------------------------
# Step and Explanation
# ---------------------------------------------------------------------------------------------


def test_step_keeps_the_order_of_mapping_inputs():
    step = Step(what=RESERVE, inputs={"surplus": 3, "rate": 2, "account": 1}, result=6)
    assert step.inputs == (("surplus", 3), ("rate", 2), ("account", 1))


def test_step_accepts_pairs_and_converts_names_to_text():
    step = Step(what=RESERVE, inputs=[("b", 1), (2, "two")])
    assert step.inputs == (("b", 1), ("2", "two"))
    assert Step(what=RESERVE).inputs == ()
    assert Step(what=RESERVE).result is None


@given(st.dictionaries(st.text(min_size=1), st.integers()))
def test_step_inputs_follow_the_mapping_order(inputs):
    assert Step(what=RESERVE, inputs=inputs).inputs == tuple(inputs.items())


def test_explanation_adds_steps_in_order():
    first = Explanation([Step(what=RESERVE, result=1, citation=ART16)])
    second = Explanation(Step(what=RESERVE, result=n) for n in (2, 3))
    combined = first + second
    assert [s.result for s in combined.steps] == [1, 2, 3]
    assert isinstance(combined.steps, tuple)
    assert Explanation().steps == ()


def test_explanation_citations_are_distinct_in_order_of_first_use():
    explanation = Explanation(
        [
            Step(what=RESERVE, citation=CSA),
            Step(what=RESERVE),
            Step(what=RESERVE, citation=ART16),
            Step(what=RESERVE, citation=Citation(**{f: getattr(CSA, f) for f in _FIELDS})),
        ]
    )
    assert explanation.citations() == (CSA, ART16)


@given(st.lists(st.one_of(st.none(), cst.citations(confidences=[Confidence.SRC])), max_size=8))
def test_citations_deduplicate_in_first_use_order(cited):
    explanation = Explanation(Step(what=RESERVE, citation=c) for c in cited)
    expected = []
    for citation in cited:
        if citation is not None and citation not in expected:
            expected.append(citation)
    assert explanation.citations() == tuple(expected)


@given(
    st.lists(cst.citations(), max_size=4),
    st.lists(cst.citations(), max_size=4),
)
def test_citations_of_a_sum(left, right):
    a = Explanation(Step(what=RESERVE, citation=c) for c in left)
    b = Explanation(Step(what=RESERVE, citation=c) for c in right)
    combined = (a + b).citations()
    assert set(combined) == set(left) | set(right)
    assert combined[: len(a.citations())] == a.citations()


# ---------------------------------------------------------------------------------------------
# Violation
# ---------------------------------------------------------------------------------------------


def test_violation_refuses_an_empty_code():
    for code in ("", "   "):
        with pytest.raises(InvalidInput) as caught:
            Violation(code=code, severity=Severity.ERROR, subject="x", message=RESERVE)
        assert caught.value.field == "code"


def test_violation_refuses_a_severity_that_is_not_one():
    with pytest.raises(TypeError):
        Violation(code="a.b", severity="error", subject="x", message=RESERVE)


# ---------------------------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------------------------


def test_render_value_is_exact_and_locale_free():
    assert render_value(money("1234.50", "EUR")) == "1234.50 EUR"
    assert render_value(Decimal("1E+3")) == "1000"
    assert render_value(Fraction(1, 3)) == "1/3"
    assert render_value(date(2026, 6, 30)) == "2026-06-30"
    assert render_value(RESERVE) == "Legal reserve"
    assert render_value(Rate.of("13.5%")) == "13.5%"
    assert render_value(None) == "None"
    assert render_value(7) == "7"


def _steps() -> Explanation:
    return Explanation(
        [
            Step(
                what=Text(en="Legal reserve", fr="Réserve légale"),
                inputs={"surplus": money("10000.00", "EUR"), "rate": Rate.of("15%")},
                result=money("1500.00", "EUR"),
                citation=ART16,
            ),
            Step(
                what=Text(en="Interest on shares", fr="Intérêt aux parts"),
                inputs=[("capital", Decimal("2000.0")), ("days", Fraction(181, 365))],
                result=money("49.59", "EUR"),
                citation=CSA,
                note=Text(en="capped at 6 %", fr="plafonné à 6 %"),
            ),
            Step(what=Text(en="Closing date", fr="Date de clôture"), result=date(2025, 12, 31)),
        ]
    )


def test_render_steps_in_english():
    assert render_steps(_steps()) == (
        "1. Legal reserve: surplus = 10000.00 EUR, rate = 15% -> 1500.00 EUR "
        "(Loi 47-1775, art. 16)\n"
        "2. Interest on shares: capital = 2000.0, days = 181/365 -> 49.59 EUR; capped at 6 % "
        "(CSA, art. 6:115, secondary source)\n"
        "3. Closing date -> 2025-12-31"
    )


def test_render_steps_in_french():
    assert render_steps(_steps().steps, lang="fr") == (
        "1. Réserve légale: surplus = 10000.00 EUR, rate = 15% -> 1500.00 EUR "
        "(Loi 47-1775, art. 16)\n"
        "2. Intérêt aux parts: capital = 2000.0, days = 181/365 -> 49.59 EUR; plafonné à 6 % "
        "(CSA, art. 6:115, source secondaire)\n"
        "3. Date de clôture -> 2025-12-31"
    )


def test_render_steps_refuses_an_unknown_language():
    with pytest.raises(InvalidInput):
        render_steps(_steps(), lang="es")  # type: ignore[arg-type]


def test_render_nothing_is_empty():
    assert render_steps(Explanation()) == ""
    assert render_violations([]) == ""


@given(st.lists(cst.texts(), max_size=10), st.sampled_from(["en", "fr"]))
def test_render_steps_numbers_one_line_per_step(whats, lang):
    single_line = [t for t in whats if "\n" not in t.en + t.fr and "\r" not in t.en + t.fr]
    rendered = render_steps([Step(what=t, result=i) for i, t in enumerate(single_line)], lang=lang)
    lines = rendered.split("\n") if rendered else []
    assert len(lines) == len(single_line)
    for number, (line, text) in enumerate(zip(lines, single_line, strict=True), start=1):
        assert line == f"{number}. {text.in_(lang)} -> {number - 1}"


def _violations() -> list[Violation]:
    return [
        Violation(
            code="statutes.below_minimum",
            severity=Severity.ERROR,
            subject="surplus.legal_reserve_rate",
            message=Text(en="Legal reserve below 15 %.", fr="Réserve légale inférieure à 15 %."),
            citation=ART16,
        ),
        Violation(
            code="members.few",
            severity=Severity.WARNING,
            subject="company",
            message=Text(en="Only 2 members left.", fr="Il ne reste que 2 membres."),
        ),
        Violation(
            code="capital.note",
            severity=Severity.INFO,
            subject="capital",
            message=Text(en="Variable capital.", fr="Capital variable."),
            citation=CSA,
        ),
    ]


def test_render_violations_in_english():
    assert render_violations(_violations()) == (
        "[error] surplus.legal_reserve_rate: Legal reserve below 15 %. (Loi 47-1775, art. 16)\n"
        "[warning] company: Only 2 members left.\n"
        "[info] capital: Variable capital. (CSA, art. 6:115, secondary source)"
    )


def test_render_violations_in_french():
    assert render_violations(iter(_violations()), lang="fr") == (
        "[error] surplus.legal_reserve_rate: Réserve légale inférieure à 15 %. "
        "(Loi 47-1775, art. 16)\n"
        "[warning] company: Il ne reste que 2 membres.\n"
        "[info] capital: Capital variable. (CSA, art. 6:115, source secondaire)"
    )
