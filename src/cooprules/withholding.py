"""Tax withheld at source on what members are paid, with a yearly exempt amount per member.

A regime may make the co-op withhold a tax on the dividends (interest on shares) it pays, and let
each member receive a yearly amount free of it. [`withhold()`][cooprules.withholding.withhold]
applies a rate and an exempt amount, both given by the caller (a plug-in reads them from the bound
rules, each with its citation), to each member's payment:

* a member's **exempt** part is the yearly exempt amount less what the member already received
  free of tax in the same year (``used``), at most the payment, and only for the members entitled
  to it (``exempt_members``; ``None``: every member);
* the **withheld** tax is the rate applied to the rest, rounded half-up to the minor unit;
* the **net** payment is the gross less the tax: per member, gross = net + withheld, to the cent.

```pycon
>>> from cooprules.money import Rate, money, format_amount
>>> eur = lambda text: money(text, "EUR")
>>> result = withhold({"ana": eur("1000.00"), "bo": eur("500.00")}, Rate.of("30%"),
...                   exemption=eur("800.00"), used={"bo": eur("600.00")})
>>> for line in result.lines:
...     print(line.member, *(format_amount(a) for a in (line.exempt, line.withheld, line.net)))
ana 800.00 EUR 60.00 EUR 940.00 EUR
bo 200.00 EUR 90.00 EUR 410.00 EUR
>>> format_amount(result.withheld)
'150.00 EUR'

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs
from moneyed import Money

from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidInput, InvalidRate
from cooprules.explain import Citation, Explanation, Step, Text
from cooprules.money import Rate, format_amount, from_minor_units, round_fraction, to_minor_units

__all__ = ["Withholding", "WithholdingLine", "withhold"]


@attrs.frozen
class WithholdingLine:
    """One member's payment, its exempt part and the tax withheld on the rest.

    Attributes:
        member: the member.
        gross: the payment before tax.
        exempt: the part of it paid free of tax (the member's remaining yearly exempt amount).
        withheld: the tax withheld on the rest.
    """

    member: str
    gross: Money
    exempt: Money
    withheld: Money

    @property
    def taxable(self) -> Money:
        """The part of the payment the rate applies to."""
        return self.gross - self.exempt

    @property
    def net(self) -> Money:
        """What the member receives: the gross less the tax withheld."""
        return self.gross - self.withheld


@attrs.frozen
class Withholding:
    """The tax withheld at source on a set of payments.

    Attributes:
        rate: the rate applied to the taxable part of each payment.
        exemption: the yearly exempt amount per member, or ``None`` when none applies.
        lines: each member's payment, by member.
        explanation: how the rate and the exemption were applied, each with its citation.
    """

    rate: Rate
    exemption: Money | None
    lines: tuple[WithholdingLine, ...]
    explanation: Explanation

    def line(self, member: str) -> WithholdingLine:
        """The line of ``member``.

        Raises:
            InvalidInput: the member was paid nothing here.
        """
        for line in self.lines:
            if line.member == member:
                return line
        raise InvalidInput("member", member, "no payment to this member")

    def _sum(self, pick: str) -> Money | None:
        if not self.lines:
            return None
        units = sum(to_minor_units(getattr(line, pick)) for line in self.lines)
        return from_minor_units(units, self.lines[0].gross.currency)

    @property
    def withheld(self) -> Money | None:
        """The tax withheld in total (``None`` when nobody is paid)."""
        return self._sum("withheld")

    @property
    def net(self) -> Money | None:
        """What the members receive in total (``None`` when nobody is paid)."""
        return self._sum("net")


def _amount(value: object, field: str, currency: str | None) -> Money:
    if not isinstance(value, Money):
        raise InvalidAmount(field, value, "expected a Money; build it with cooprules.money.money")
    if to_minor_units(value, field=field) < 0:
        raise InvalidAmount(field, format_amount(value), "must not be negative")
    if currency is not None and value.currency.code != currency:
        raise CurrencyMismatch(field, value.currency.code, f"the payments are in {currency}")
    return value


def withhold(
    payments: Mapping[str, Money],
    rate: Rate,
    *,
    citation: Citation | None = None,
    exemption: Money | None = None,
    exemption_citation: Citation | None = None,
    used: Mapping[str, Money] | None = None,
    exempt_members: Iterable[str] | None = None,
) -> Withholding:
    """Withhold ``rate`` on each member's payment, after their yearly ``exemption``.

    Args:
        payments: each member's gross payment (members paid nothing may be left out).
        rate: the rate of the tax, from 0 % to 100 %.
        citation: the rule that sets the rate.
        exemption: the yearly amount per member paid free of tax, or ``None`` for none.
        exemption_citation: the rule (or the statutes' article) that gives it.
        used: what each member already received free of tax in the same year.
        exempt_members: the members entitled to the exemption (``None``: every member).

    Raises:
        InvalidInput: a rate outside 0-100 %, a negative amount, a float, mixed currencies.
    """
    if not isinstance(rate, Rate) or not 0 <= rate.value <= 1:
        raise InvalidRate("rate", rate, "a Rate from 0 % to 100 %")
    items = sorted(payments.items())
    currency = None
    for member, gross in items:
        currency = _amount(gross, f"payments[{member}]", currency).currency.code
    if exemption is not None:
        _amount(exemption, "exemption", currency)
    spent = {
        member: to_minor_units(_amount(value, f"used[{member}]", currency))
        for member, value in (used or {}).items()
    }
    entitled = None if exempt_members is None else frozenset(exempt_members)
    allowance = 0 if exemption is None else to_minor_units(exemption)
    lines = []
    for member, gross in items:
        units = to_minor_units(gross)
        free = 0
        if entitled is None or member in entitled:
            free = min(units, max(0, allowance - spent.get(member, 0)))
        tax = round_fraction(Fraction(units - free) * rate.value)
        lines.append(
            WithholdingLine(
                member,
                gross,
                from_minor_units(free, gross.currency),
                from_minor_units(tax, gross.currency),
            )
        )
    steps = []
    if exemption is not None:
        steps.append(
            Step(
                Text("Yearly amount exempt per member"),
                {"members": "all" if entitled is None else ", ".join(sorted(entitled))},
                exemption,
                exemption_citation,
                Text("less what each member already received free of tax this year"),
            )
        )
    result = Withholding(rate, exemption, tuple(lines), Explanation(steps))
    total = result.withheld
    steps.append(
        Step(
            Text("Tax withheld at source"),
            {"rate": rate, "payments": len(lines)},
            total,
            citation,
            Text("on each member's payment less its exempt part, rounded half-up to the cent"),
        )
    )
    return attrs.evolve(result, explanation=Explanation(steps))
