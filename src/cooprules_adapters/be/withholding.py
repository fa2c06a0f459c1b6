"""Belgian withholding tax (précompte mobilier) on interest on shares, after the yearly exemption.

A Belgian co-op withholds the *précompte mobilier* on the dividends it pays (the law file's
``be.withholding_tax_rate``, 30 %, from a secondary source); an individual's dividends are free of
it up to a yearly amount (``be.dividend_exemption``). That amount is indexed every year and its
current value was not found in a source (uncertain): the law file declares it as the statutes' to
give, with no figure, and nothing is exempt until they do.

[`dividend_withholding()`][cooprules_adapters.be.withholding.dividend_withholding] applies both to
what the distribution pays each member as interest on shares (a ristourne is not a dividend here)
and gives each member's gross, exempt part, tax and net payment
([`cooprules.withholding.Withholding`][cooprules.withholding.Withholding]). A Belgian year reports
it beside the distribution
([`cooprules.report.DistributionRules`][cooprules.report.DistributionRules] ``withholding``).

Worked example: interest of 1,000.00 to ana and 500.00 to bo, 30 %, a yearly exemption of 800.00
given by the statutes (the figure is illustrative, not the law's): ana pays 30 % of 200.00 =
60.00, bo (a legal person here, not exempt) 150.00.

```pycon
>>> from datetime import date
>>> from cooprules.money import money, format_amount
>>> from cooprules.regime import Statutes, bind
>>> from cooprules.withholding import withhold
>>> from cooprules_adapters.be.regimes import BE_CNC
>>> statutes = Statutes("be-cnc", {"be.dividend_exemption": money("800.00", "EUR")})
>>> rules = bind(BE_CNC, statutes, as_of=date(2025, 6, 30))
>>> result = withholding_of(rules, {"ana": money("1000.00", "EUR"), "bo": money("500.00", "EUR")},
...                         exempt_members=["ana"])
>>> [format_amount(line.withheld) for line in result.lines]
['60.00 EUR', '150.00 EUR']

```
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final

from moneyed import Money

from cooprules.money import from_minor_units, to_minor_units
from cooprules.regime import Rules
from cooprules.surplus import Distribution
from cooprules.withholding import Withholding, withhold
from cooprules_adapters.be.sources import Keys

__all__ = ["DIVIDEND_STEPS", "dividend_withholding", "withholding_of"]

DIVIDEND_STEPS: Final = ("interest",)
"""The steps of the Belgian waterfall that pay dividends (interest on shares)."""


def withholding_of(
    rules: Rules,
    payments: Mapping[str, Money],
    *,
    exempt_members: Iterable[str] | None = None,
    used: Mapping[str, Money] | None = None,
) -> Withholding:
    """The précompte on ``payments`` (each member's dividends), after the yearly exemption.

    The rate and the exemption are read from ``rules`` (the law bound to the statutes on the
    payment's date), each with its citation: the statutes' article for the exemption they give.

    Args:
        rules: the co-op's rules.
        payments: each member's gross dividends.
        exempt_members: the members entitled to the exemption (individuals); ``None``: all.
        used: what each member already received free of tax in the same calendar year.

    Raises:
        InvalidParameter: the rate is set neither by the law nor by the statutes.
        InvalidInput: a negative amount, a float, mixed currencies.
    """
    rate = rules.require(Keys.withholding_tax_rate)
    exemption = rules.get(Keys.dividend_exemption)
    return withhold(
        payments,
        rate.value,
        citation=rate.citation,
        exemption=exemption.value,
        exemption_citation=exemption.citation,
        used=used,
        exempt_members=exempt_members,
    )


def dividend_withholding(
    rules: Rules,
    distribution: Distribution,
    *,
    steps: Iterable[str] = DIVIDEND_STEPS,
    exempt_members: Iterable[str] | None = None,
    used: Mapping[str, Money] | None = None,
) -> Withholding | None:
    """The précompte on the dividends a distribution pays, per member (``None``: none paid).

    The payments are each member's share of the ``steps`` (the interest on shares), less what is
    paid in shares. See [`withholding_of()`][cooprules_adapters.be.withholding.withholding_of] for
    the arguments.
    """
    codes = set(steps)
    units: dict[str, int] = {}
    for result in distribution.steps:
        if result.code not in codes:
            continue
        for member, share in result.shares.items():
            kept = result.in_shares.get(member)
            paid = to_minor_units(share) - (0 if kept is None else to_minor_units(kept))
            units[member] = units.get(member, 0) + paid
    currency = distribution.figures.currency
    payments = {m: from_minor_units(u, currency) for m, u in units.items() if u}
    if not payments:
        return None
    return withholding_of(rules, payments, exempt_members=exempt_members, used=used)
