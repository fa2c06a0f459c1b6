"""Regimes, effective-dated parameters, statutes, validation and resolution, on synthetic data."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from moneyed import Money

from cooprules import strategies as cst
from cooprules.errors import (
    CurrencyMismatch,
    DuplicateId,
    InvalidInput,
    InvalidParameter,
    UnknownParameter,
)
from cooprules.explain import Citation, Confidence, RuleKind, Severity, Text, render_violations
from cooprules.money import Rate, money
from cooprules.regime import Key, Parameter, Regime, Statutes, resolve, validate

LAW = Citation(instrument="Example Act", article="s. 1", jurisdiction="XX")
DEFAULT_LAW = Citation(instrument="Example Act", article="s. 2", jurisdiction="XX")

CAP = Key("voting.member_vote_cap", Rate, Text(en="vote cap", fr="plafond de voix"))
RESERVE = Key("surplus.legal_reserve_rate", Rate, Text(en="legal reserve", fr="réserve légale"))
FOUNDERS = Key("company.min_founders", int, Text(en="founders", fr="fondateurs"))
CAPITAL = Key("capital.min_capital", Money, Text(en="capital", fr="capital"))
INDIVISIBLE = Key("surplus.reserves_indivisible", bool, Text(en="indivisible", fr="impartageables"))
PROXIES = Key("voting.proxies_allowed", bool, Text(en="proxies", fr="procurations"))
DIVIDEND = Key("capital.dividend_cap", Rate, Text(en="dividend cap", fr="dividende maximal"))

CHANGE = date(2024, 7, 1)


def _name(key) -> str:
    return key.name if isinstance(key, Key) else key


def parameter(key, value=None, kind=RuleKind.LAW, citation=LAW, **extra):
    return Parameter(
        key=key,
        value=value,
        kind=kind,
        citation=citation,
        description=Text(en=f"about {_name(key)}", fr=f"à propos de {_name(key)}"),
        **extra,
    )


def regime(code="xx-demo", parameters=(), currency="EUR", **extra):
    return Regime(
        code=code,
        name="Coopérative de démonstration",
        name_en="Demo co-operative",
        jurisdiction="XX",
        currency=currency,
        languages=("fr", "en"),
        citations=(LAW,),
        parameters=parameters,
        **extra,
    )


def demo() -> Regime:
    """A regime whose reserve rate changes on CHANGE, with bounds, defaults and a fixed rule."""
    return regime(
        parameters=[
            parameter(CAP, Rate.of("1/10"), maximum=Rate.of("1/10")),
            parameter(
                RESERVE,
                Rate.of("5%"),
                kind=RuleKind.DEFAULT,
                minimum=Rate.of("5%"),
                valid_until=CHANGE,
            ),
            parameter(
                RESERVE,
                Rate.of("15%"),
                kind=RuleKind.DEFAULT,
                citation=DEFAULT_LAW,
                minimum=Rate.of("15%"),
                valid_from=CHANGE,
            ),
            parameter(FOUNDERS, 3, minimum=3, required=False),
            parameter(INDIVISIBLE, value=True),
            parameter(
                CAPITAL, None, kind=RuleKind.STATUTE, minimum=money("1.00", "EUR"), required=True
            ),
            parameter(DIVIDEND, None, kind=RuleKind.STATUTE, maximum=Rate.of("6%")),
        ]
    )


# ---------------------------------------------------------------------------------------------
# Key
# ---------------------------------------------------------------------------------------------


def test_key_check_accepts_its_type_and_refuses_others():
    assert CAP.check(Rate.of("10%")) == Rate.of("10%")
    assert FOUNDERS.check(3) == 3
    assert INDIVISIBLE.check(value=False) is False
    with pytest.raises(InvalidParameter) as caught:
        FOUNDERS.check(value=True)  # a bool is not a count
    assert caught.value.field == "company.min_founders"
    assert "expected int" in caught.value.reason
    with pytest.raises(InvalidParameter) as named:
        CAP.check("10%", field="statutes.cap")
    assert named.value.field == "statutes.cap"


@pytest.mark.parametrize(
    "name",
    ["voting", "Voting.cap", "voting.", ".cap", "voting..cap", "1voting.cap", "voting-x.cap"],
)
def test_bad_key_format_is_refused(name):
    with pytest.raises(InvalidParameter) as caught:
        Key(name, int, Text(en="x", fr="x"))
    assert caught.value.value == name
    with pytest.raises(InvalidParameter):
        parameter(name, 1)


# ---------------------------------------------------------------------------------------------
# Parameter
# ---------------------------------------------------------------------------------------------


def test_parameter_stores_a_key_by_name():
    assert parameter(CAP, Rate.of("1/10")).key == "voting.member_vote_cap"


def test_parameter_valid_until_must_be_after_valid_from():
    for until in (CHANGE, CHANGE - timedelta(days=1)):
        with pytest.raises(InvalidParameter) as caught:
            parameter(CAP, Rate.of("1/10"), valid_from=CHANGE, valid_until=until)
        assert caught.value.field == "voting.member_vote_cap.valid_until"
        assert caught.value.value == until
        assert "2024-07-01" in caught.value.reason
    assert parameter(CAP, None, valid_from=CHANGE, valid_until=CHANGE + timedelta(days=1))


@pytest.mark.parametrize("confidence", [Confidence.MEM, Confidence.UNC])
@pytest.mark.parametrize("field", ["value", "minimum", "maximum"])
def test_unverified_figures_are_refused(confidence, field):
    unsure = Citation(instrument="Act", article="s. 9", jurisdiction="XX", confidence=confidence)
    with pytest.raises(InvalidParameter) as caught:
        parameter(CAP, citation=unsure, **{field: Rate.of("10%")})
    assert caught.value.field == f"voting.member_vote_cap.{field}"
    assert f"[{confidence.value}]" in caught.value.reason
    # Without a figure, the rule may still be recorded (the statutes choose).
    assert parameter(CAP, None, kind=RuleKind.STATUTE, citation=unsure).value is None


@pytest.mark.parametrize("field", ["value", "minimum", "maximum"])
def test_float_figures_are_refused(field):
    with pytest.raises(InvalidParameter) as caught:
        parameter(FOUNDERS, **{field: 0.5})
    assert caught.value.field == f"company.min_founders.{field}"
    assert "float" in caught.value.reason


def test_a_bound_must_be_comparable():
    with pytest.raises(InvalidParameter, match="comparable"):
        parameter(PROXIES, None, minimum=True)
    with pytest.raises(InvalidParameter, match="comparable"):
        parameter(PROXIES, None, maximum="yes")


@pytest.mark.parametrize(
    ("value", "bounds", "message"),
    [
        (Rate.of("1/5"), {"maximum": Rate.of("1/10")}, "above the legal maximum 10%"),
        (Rate.of("1%"), {"minimum": Rate.of("5%")}, "below the legal minimum 5%"),
        (2, {"minimum": 3}, "below the legal minimum 3"),
        (
            money("0.50", "EUR"),
            {"minimum": money("1.00", "EUR")},
            "below the legal minimum 1.00 EUR",
        ),
        (Decimal("0.2"), {"minimum": Rate.of("5%")}, "expected a Rate"),
        (money("5", "CAD"), {"minimum": money("1.00", "EUR")}, "expected a Money"),
    ],
)
def test_a_value_outside_its_own_bounds_is_refused(value, bounds, message):
    # A plug-in's own key (not declared by the core), so only the bounds decide.
    with pytest.raises(InvalidParameter) as caught:
        parameter("xx.some_limit", value, **bounds)
    assert caught.value.field == "xx.some_limit.value"
    assert message in caught.value.reason


def test_a_declared_key_refuses_a_value_of_another_type():
    # The core declares voting.member_vote_cap as a Rate: a count is refused at construction.
    with pytest.raises(InvalidParameter) as caught:
        parameter(CAP.name, 2)
    assert caught.value.field == "voting.member_vote_cap.value"
    assert "expected Rate" in caught.value.reason


def test_parameter_in_force_is_half_open():
    rule = parameter(CAP, None, valid_from=date(2020, 1, 1), valid_until=CHANGE)
    assert not rule.in_force(date(2019, 12, 31))
    assert rule.in_force(date(2020, 1, 1))
    assert rule.in_force(CHANGE - timedelta(days=1))
    assert not rule.in_force(CHANGE)
    assert parameter(CAP, None).in_force(date.min)


@given(cst.rates(), cst.rates())
def test_parameter_check_agrees_with_the_bounds(value, bound):
    at_most = parameter(CAP, None, kind=RuleKind.STATUTE, maximum=bound)
    at_least = parameter(CAP, None, kind=RuleKind.STATUTE, minimum=bound)
    assert (at_most.check(value) is None) == (value <= bound)
    assert (at_least.check(value) is None) == (value >= bound)


# ---------------------------------------------------------------------------------------------
# Regime
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code", ["XX-demo", "x-demo", "xxdemo", "xx-", "xx_demo", "", "xx-de mo", "xx-demo\n"]
)
def test_bad_regime_code_is_refused(code):
    with pytest.raises(InvalidInput) as caught:
        regime(code=code)
    assert caught.value.field == "code"
    assert caught.value.value == code


def test_unknown_currency_is_refused():
    with pytest.raises(CurrencyMismatch) as caught:
        regime(currency="ZZZ")
    assert caught.value.field == "currency"


def test_overlapping_versions_of_a_key_are_refused():
    open_ended = parameter(CAP, Rate.of("1/10"), valid_from=date(2020, 1, 1))
    later = parameter(CAP, Rate.of("1/5"), valid_from=date(2024, 1, 1))
    with pytest.raises(DuplicateId) as caught:
        regime(parameters=[later, open_ended])
    assert caught.value.field == "xx-demo.parameters"
    assert caught.value.value == "voting.member_vote_cap"
    assert "2024-01-01" in caught.value.reason
    overlapping = parameter(
        CAP, Rate.of("1/10"), valid_from=date(2020, 1, 1), valid_until=date(2024, 6, 1)
    )
    with pytest.raises(DuplicateId):
        regime(parameters=[overlapping, later])
    with pytest.raises(DuplicateId):
        regime(
            parameters=[open_ended, parameter(CAP, Rate.of("1/10"), valid_from=date(2020, 1, 1))]
        )
    closed = parameter(
        CAP, Rate.of("1/10"), valid_from=date(2020, 1, 1), valid_until=date(2024, 1, 1)
    )
    assert len(regime(parameters=[later, closed]).parameters) == 2


@given(st.lists(st.integers(0, 60), min_size=2, max_size=8, unique=True), st.data())
def test_versions_are_accepted_exactly_when_they_do_not_overlap(starts, data):
    """Oracle: count the versions in force on every day of the span."""
    base = date(2000, 1, 1)
    versions = []
    for start in starts:
        length = data.draw(st.none() | st.integers(1, 30), label=f"length from {start}")
        until = None if length is None else base + timedelta(days=start + length)
        versions.append(
            parameter(CAP, None, valid_from=base + timedelta(days=start), valid_until=until)
        )
    days = [base + timedelta(days=n) for n in range(100)]
    overlap = any(sum(v.in_force(day) for v in versions) > 1 for day in days)
    if overlap:
        with pytest.raises(DuplicateId):
            regime(parameters=versions)
    else:
        built = regime(parameters=versions)
        for day in days:
            found = built.find(CAP, day)
            assert (found is not None) == any(v.in_force(day) for v in versions)


def test_extends_with_another_currency_is_refused():
    parent = regime(code="xx-parent")
    with pytest.raises(InvalidInput) as caught:
        regime(code="xx-child", currency="CAD", extends=parent)
    assert caught.value.field == "xx-child.currency"
    assert "xx-parent" in caught.value.reason


def _family() -> tuple[Regime, Regime, Regime]:
    grand = regime(
        code="xx-base",
        parameters=[parameter(FOUNDERS, 2, minimum=2), parameter(PROXIES, value=True)],
    )
    parent = regime(
        code="xx-scop",
        parameters=[parameter(FOUNDERS, 7, minimum=7), parameter(CAP, Rate.of("1/10"))],
        extends=grand,
    )
    child = regime(
        code="xx-cae-scop",
        parameters=[
            parameter(INDIVISIBLE, value=True),
            parameter(CAP, Rate.of("1/20"), valid_from=CHANGE),
        ],
        extends=parent,
    )
    return grand, parent, child


def test_lineage_goes_from_the_regime_to_its_root():
    grand, parent, child = _family()
    assert child.lineage == (child, parent, grand)
    assert grand.lineage == (grand,)


def test_find_parameter_and_value():
    reg = demo()
    assert reg.find(RESERVE, date(2026, 1, 1)).value == Rate.of("15%")
    assert reg.find("nothing.here", date(2026, 1, 1)) is None
    assert reg.parameter("voting.member_vote_cap", date(2026, 1, 1)).citation == LAW
    assert reg.value(CAP, date(2026, 1, 1)) == Rate.of("1/10")
    assert reg.value(CAPITAL, date(2026, 1, 1)) is None  # the law sets none: the co-op chooses
    with pytest.raises(UnknownParameter) as caught:
        reg.parameter("voting.quorum", date(2026, 1, 1))
    assert (caught.value.regime, caught.value.key, caught.value.as_of) == (
        "xx-demo",
        "voting.quorum",
        "2026-01-01",
    )
    with pytest.raises(UnknownParameter):
        reg.value(PROXIES, date(2026, 1, 1))


def test_value_with_a_key_checks_the_declared_type():
    wrong = Key("voting.member_vote_cap", int, Text(en="cap", fr="plafond"))
    with pytest.raises(InvalidParameter) as caught:
        demo().value(wrong, date(2026, 1, 1))
    assert caught.value.field == "xx-demo.voting.member_vote_cap"
    assert demo().value("voting.member_vote_cap", date(2026, 1, 1)) == Rate.of("1/10")


def test_effective_dating_the_day_before_and_on_the_day():
    reg = demo()
    assert reg.value(RESERVE, CHANGE - timedelta(days=1)) == Rate.of("5%")
    assert reg.value(RESERVE, CHANGE) == Rate.of("15%")
    assert reg.parameter(RESERVE, CHANGE).citation == DEFAULT_LAW


def test_history_lists_every_version_own_first_each_by_date():
    _, parent, child = _family()
    reg = demo()
    assert [p.value for p in reg.history(RESERVE)] == [Rate.of("5%"), Rate.of("15%")]
    assert [p.value for p in child.history(CAP)] == [Rate.of("1/20"), Rate.of("1/10")]
    assert [p.value for p in child.history(FOUNDERS)] == [7, 2]
    assert parent.history(INDIVISIBLE) == ()


def test_a_child_overrides_and_inherits():
    _, _, child = _family()
    before = child.parameters_as_of(CHANGE - timedelta(days=1))
    after = child.parameters_as_of(CHANGE)
    assert list(after) == sorted(after)
    assert {k: p.value for k, p in before.items()} == {
        "company.min_founders": 7,
        "surplus.reserves_indivisible": True,
        "voting.member_vote_cap": Rate.of("1/10"),
        "voting.proxies_allowed": True,
    }
    assert after["voting.member_vote_cap"].value == Rate.of("1/20")
    assert child.value(FOUNDERS, CHANGE) == 7
    assert child.value(PROXIES, CHANGE) is True


def test_all_citations_are_deduplicated_across_the_lineage():
    _, _, child = _family()
    assert child.all_citations() == (LAW,)
    assert demo().all_citations() == (LAW, DEFAULT_LAW)


# ---------------------------------------------------------------------------------------------
# Statutes
# ---------------------------------------------------------------------------------------------


def test_statutes_values_and_articles():
    statutes = Statutes(
        regime="xx-demo",
        values={CAP: Rate.of("1/20"), "company.min_founders": 5},
        articles={CAP: "art. 27"},
        name="Coopérative Exemple",
    )
    assert statutes.values == (
        ("company.min_founders", 5),
        ("voting.member_vote_cap", Rate.of("1/20")),
    )
    assert statutes.get(CAP) == Rate.of("1/20")
    assert statutes.get("voting.quorum") is None
    assert statutes.get("voting.quorum", "none") == "none"
    assert CAP in statutes
    assert "company.min_founders" in statutes
    assert RESERVE not in statutes
    assert statutes.article(CAP) == "art. 27"
    assert statutes.article(FOUNDERS) is None
    cited = statutes.citation(CAP)
    assert str(cited) == "Statutes of Coopérative Exemple, art. 27"
    assert cited.jurisdiction == "coop"
    assert str(Statutes(regime="xx-demo").citation(CAP)) == "Statutes, not recorded"


def test_statutes_refuse_a_key_given_twice_and_floats():
    with pytest.raises(DuplicateId) as caught:
        Statutes(regime="xx-demo", values=[(CAP, Rate.of("1/10")), (CAP.name, Rate.of("1/20"))])
    assert caught.value.value == "voting.member_vote_cap"
    with pytest.raises(InvalidParameter) as floated:
        Statutes(regime="xx-demo", values={"capital.dividend_cap": 0.05})
    assert floated.value.field == "statutes.values['capital.dividend_cap']"


@given(st.dictionaries(st.sampled_from([CAP.name, RESERVE.name, FOUNDERS.name]), st.integers()))
def test_statutes_do_not_depend_on_the_order_given(values):
    forward = Statutes(regime="xx-demo", values=values)
    backward = Statutes(regime="xx-demo", values=dict(reversed(values.items())))
    assert forward == backward
    for key, value in values.items():
        assert forward.get(key) == value


# ---------------------------------------------------------------------------------------------
# Validation of statutes
# ---------------------------------------------------------------------------------------------

AS_OF = date(2026, 1, 1)


def compliant() -> dict:
    return {CAP: Rate.of("1/10"), RESERVE: Rate.of("20%"), CAPITAL: money("100.00", "EUR")}


def test_compliant_statutes_have_no_violation():
    assert validate(Statutes(regime="xx-demo", values=compliant()), demo(), AS_OF) == ()


def only(violations):
    assert len(violations) == 1, violations
    return violations[0]


def test_regime_mismatch():
    found = only(validate(Statutes(regime="xx-other", values=compliant()), demo(), AS_OF))
    assert found.code == "statutes.regime_mismatch"
    assert found.severity is Severity.ERROR
    assert found.subject == "statutes.regime"
    assert found.citation is None
    assert found.message.en == "The statutes are for regime 'xx-other', not 'xx-demo'."
    assert found.message.fr == "Les statuts relèvent du régime 'xx-other', pas 'xx-demo'."


def test_an_alias_is_not_a_mismatch():
    aliased = regime(parameters=demo().parameters, aliases=("xx-old",))
    assert validate(Statutes(regime="xx-old", values=compliant()), aliased, AS_OF) == ()


def test_unknown_parameter():
    values = {**compliant(), "voting.member_vote_kap": Rate.of("1/10")}
    found = only(validate(Statutes(regime="xx-demo", values=values), demo(), AS_OF))
    assert found.code == "statutes.unknown_parameter"
    assert found.severity is Severity.WARNING
    assert found.subject == "voting.member_vote_kap"
    assert (
        found.message.en
        == "Regime xx-demo has no parameter 'voting.member_vote_kap' on 2026-01-01."
    )
    assert found.message.fr == (
        "Le régime xx-demo n'a pas de paramètre 'voting.member_vote_kap' au 2026-01-01."
    )


def test_contradicts_law():
    found = only(
        validate(
            Statutes(regime="xx-demo", values={**compliant(), INDIVISIBLE: False}), demo(), AS_OF
        )
    )
    assert found.code == "statutes.contradicts_law"
    assert found.severity is Severity.ERROR
    assert found.subject == "surplus.reserves_indivisible"
    assert found.citation == LAW
    assert found.message.en == "The law fixes True; the statutes say False."
    assert found.message.fr == "La loi fixe True ; les statuts indiquent False."
    agreeing = Statutes(regime="xx-demo", values={**compliant(), INDIVISIBLE: True})
    assert validate(agreeing, demo(), AS_OF) == ()


def test_below_minimum_cites_the_version_in_force():
    statutes = Statutes(regime="xx-demo", values={**compliant(), RESERVE: Rate.of("10%")})
    found = only(validate(statutes, demo(), AS_OF))
    assert found.code == "statutes.below_minimum"
    assert found.severity is Severity.ERROR
    assert found.subject == "surplus.legal_reserve_rate"
    assert found.citation == DEFAULT_LAW
    assert found.message.en == "10% is below the legal minimum 15%."
    assert found.message.fr == "10% est inférieur au minimum légal 15%."
    # Before the change, the same statutes were compliant.
    assert validate(statutes, demo(), CHANGE - timedelta(days=1)) == ()


def test_above_maximum():
    statutes = Statutes(regime="xx-demo", values={**compliant(), CAP: Rate.of("1/5")})
    found = only(validate(statutes, demo(), AS_OF))
    assert found.code == "statutes.above_maximum"
    assert found.citation == LAW
    assert found.message.en == "20% is above the legal maximum 10%."
    assert found.message.fr == "20% est supérieur au maximum légal 10%."
    assert render_violations([found]) == (
        "[error] voting.member_vote_cap: 20% is above the legal maximum 10%. (Example Act, s. 1)"
    )
    assert render_violations([found], lang="fr") == (
        "[error] voting.member_vote_cap: 20% est supérieur au maximum légal 10%. "
        "(Example Act, s. 1)"
    )


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        (CAP, Decimal("0.1"), "Rate"),
        (CAP, "10%", "Rate"),
        (FOUNDERS, True, "int"),
        (FOUNDERS, Rate.of("1/2"), "int"),
        (CAPITAL, money("100.00", "CAD"), "Money"),
        (CAPITAL, 100, "Money"),
        (INDIVISIBLE, 1, "bool"),
    ],
)
def test_wrong_type(key, value, expected):
    statutes = Statutes(regime="xx-demo", values={**compliant(), key: value})
    found = only(validate(statutes, demo(), AS_OF))
    assert found.code == "statutes.wrong_type"
    assert found.severity is Severity.ERROR
    assert found.subject == key.name
    assert found.citation is not None
    assert found.message.en.startswith(f"Expected a {expected}, got ")
    assert found.message.fr.startswith(f"Une valeur de type {expected} est attendue")


def test_missing_required_choice():
    values = compliant()
    del values[CAPITAL]
    found = only(validate(Statutes(regime="xx-demo", values=values), demo(), AS_OF))
    assert found.code == "statutes.missing"
    assert found.severity is Severity.ERROR
    assert found.subject == "capital.min_capital"
    assert found.citation == LAW
    assert found.message.en == (
        "The statutes must set 'capital.min_capital': about capital.min_capital."
    )
    assert found.message.fr == (
        "Les statuts doivent fixer 'capital.min_capital' : à propos de capital.min_capital."
    )


def test_several_violations_are_all_reported():
    statutes = Statutes(
        regime="xx-other", values={CAP: Rate.of("1/2"), "voting.unknown": 1, FOUNDERS: 2}
    )
    codes = [v.code for v in validate(statutes, demo(), AS_OF)]
    assert codes == [
        "statutes.regime_mismatch",
        "statutes.below_minimum",
        "statutes.above_maximum",
        "statutes.unknown_parameter",
        "statutes.missing",
    ]


@given(cst.rates(maximum="1/5"))
def test_validate_agrees_with_the_bound(cap):
    statutes = Statutes(regime="xx-demo", values={**compliant(), CAP: cap})
    codes = [v.code for v in validate(statutes, demo(), AS_OF)]
    assert codes == ([] if cap <= Rate.of("1/10") else ["statutes.above_maximum"])


# ---------------------------------------------------------------------------------------------
# Resolution of the value that applies
# ---------------------------------------------------------------------------------------------


def test_resolve_a_fixed_law_value_wins_over_the_statutes():
    statutes = Statutes(regime="xx-demo", values={INDIVISIBLE: False})
    resolved = resolve(INDIVISIBLE, statutes, demo(), AS_OF)
    assert resolved.value is True
    assert resolved.source == "regime"
    assert resolved.citation == LAW
    assert resolved.parameter.key == INDIVISIBLE.name
    assert resolved.parameter.kind is RuleKind.LAW


def test_resolve_uses_the_statutes_choice_with_their_citation():
    statutes = Statutes(
        regime="xx-demo", values={RESERVE: Rate.of("20%")}, articles={RESERVE: "art. 40"}
    )
    resolved = resolve(RESERVE, statutes, demo(), AS_OF)
    assert resolved.key == "surplus.legal_reserve_rate"
    assert resolved.value == Rate.of("20%")
    assert resolved.source == "statutes"
    assert str(resolved.citation) == "Statutes, art. 40"
    assert resolved.parameter.minimum == Rate.of("15%")


def test_resolve_falls_back_to_the_default_of_the_date():
    empty = Statutes(regime="xx-demo")
    assert resolve(RESERVE, empty, demo(), AS_OF).value == Rate.of("15%")
    before = resolve(RESERVE, empty, demo(), CHANGE - timedelta(days=1))
    assert before.value == Rate.of("5%")
    assert before.source == "regime"
    assert before.citation == LAW


def test_resolve_gives_none_when_nothing_sets_a_value():
    empty = Statutes(regime="xx-demo")
    unknown = resolve(PROXIES, empty, demo(), AS_OF)
    assert (unknown.value, unknown.source, unknown.parameter, unknown.citation) == (
        None,
        "regime",
        None,
        None,
    )
    open_choice = resolve(DIVIDEND, empty, demo(), AS_OF)
    assert open_choice.value is None
    assert open_choice.parameter is not None
    assert open_choice.citation == LAW


def test_resolve_statutes_value_for_a_key_the_regime_lacks():
    statutes = Statutes(regime="xx-demo", values={PROXIES: False})
    resolved = resolve(PROXIES, statutes, demo(), AS_OF)
    assert (resolved.value, resolved.source, resolved.parameter) == (False, "statutes", None)


def test_resolve_checks_the_type():
    statutes = Statutes(regime="xx-demo", values={RESERVE: "20%"})
    with pytest.raises(InvalidParameter) as caught:
        resolve(RESERVE, statutes, demo(), AS_OF)
    assert caught.value.field == "statutes.surplus.legal_reserve_rate"


@given(cst.rates())
def test_resolve_picks_statutes_unless_the_law_fixes_it(chosen):
    statutes = Statutes(regime="xx-demo", values={RESERVE: chosen, INDIVISIBLE: False})
    assert resolve(RESERVE, statutes, demo(), AS_OF).value == chosen
    assert resolve(INDIVISIBLE, statutes, demo(), AS_OF).value is True
