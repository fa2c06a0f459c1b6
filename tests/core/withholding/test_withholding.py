"""Tax withheld at source with a yearly exempt amount per member (cooprules.withholding)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidInput, InvalidRate
from cooprules.explain import Citation
from cooprules.money import Money, Rate, money
from cooprules.withholding import withhold

RULE = Citation("Tax Act", "s. 1", "XX")


def eur(text: str) -> Money:
    return money(text, "EUR")


def test_exempt_part_then_rate_on_the_rest():
    # 30 % with 800.00 a year exempt: 1,000.00 bears 30 % of 200.00 = 60.00 (net 940.00); a
    # member who already used 600.00 of the exemption this year has 200.00 left.
    result = withhold(
        {"bo": eur("500.00"), "ana": eur("1000.00")},
        Rate.of("30%"),
        citation=RULE,
        exemption=eur("800.00"),
        used={"bo": eur("600.00")},
    )
    ana, bo = result.line("ana"), result.line("bo")
    assert (ana.exempt, ana.taxable, ana.withheld, ana.net) == (
        eur("800.00"),
        eur("200.00"),
        eur("60.00"),
        eur("940.00"),
    )
    assert (bo.exempt, bo.withheld, bo.net) == (eur("200.00"), eur("90.00"), eur("410.00"))
    assert [line.member for line in result.lines] == ["ana", "bo"]
    assert (result.withheld, result.net) == (eur("150.00"), eur("1350.00"))
    assert result.explanation.steps[-1].citation == RULE
    assert result.explanation.steps[-1].result == eur("150.00")


def test_no_exemption_and_members_not_entitled():
    result = withhold({"ana": eur("0.05"), "co": eur("100.00")}, Rate.of("30%"))
    assert [line.withheld for line in result.lines] == [eur("0.02"), eur("30.00")]  # 1.5 -> 2
    result = withhold(
        {"ana": eur("100.00"), "co": eur("100.00")},
        Rate.of("30%"),
        exemption=eur("800.00"),
        exempt_members=["ana"],
    )
    assert [line.withheld for line in result.lines] == [eur("0.00"), eur("30.00")]
    with pytest.raises(InvalidInput):
        result.line("zoe")


def test_nothing_paid():
    result = withhold({}, Rate.of("30%"))
    assert result.lines == ()
    assert result.withheld is None
    assert result.net is None


@pytest.mark.parametrize(
    ("kw", "error"),
    [
        ({"payments": {"ana": 10.0}}, InvalidAmount),
        ({"payments": {"ana": eur("-1.00")}}, InvalidAmount),
        ({"payments": {"ana": eur("1.00"), "bo": money("1.00", "CAD")}}, CurrencyMismatch),
        ({"rate": Rate(Fraction(101, 100))}, InvalidRate),
        ({"rate": 0.3}, InvalidRate),
        ({"exemption": money("800.00", "CAD")}, CurrencyMismatch),
        ({"used": {"ana": eur("-5.00")}}, InvalidAmount),
    ],
)
def test_bad_input_is_refused(kw, error):
    args = {"payments": {"ana": eur("100.00")}, "rate": Rate.of("30%"), **kw}
    with pytest.raises(error):
        withhold(args.pop("payments"), args.pop("rate"), **args)  # type: ignore[arg-type]


@given(
    payments=st.dictionaries(st.sampled_from(["ana", "bo", "cy"]), st.integers(0, 10**8)),
    rate=st.fractions(0, 1),
    exemption=st.one_of(st.none(), st.integers(0, 10**6)),
    used=st.dictionaries(st.sampled_from(["ana", "bo"]), st.integers(0, 10**6)),
)
@example(payments={"ana": 5}, rate=Fraction(3, 10), exemption=None, used={})  # 1.5 cents -> 2
def test_every_line_adds_up_to_the_cent(payments, rate, exemption, used):
    def cents(units: int) -> Money:
        return money(units, "EUR") / 100

    result = withhold(
        {m: cents(u) for m, u in payments.items()},
        Rate(rate),
        exemption=None if exemption is None else cents(exemption),
        used={m: cents(u) for m, u in used.items()},
    )
    for line in result.lines:
        assert line.net + line.withheld == line.gross
        assert eur("0.00") <= line.exempt <= line.gross
        free = 0 if exemption is None else max(0, exemption - used.get(line.member, 0))
        assert line.exempt == cents(min(payments[line.member], free))
        exact = Fraction(int(line.taxable.amount * 100)) * rate
        assert abs(Fraction(int(line.withheld.amount * 100)) - exact) <= Fraction(1, 2)
