"""The distribution of an ``xx-demo`` co-op's surplus: legal reserve, interest, refunds, the rest.

The general meeting splits the year's surplus in this order:

1. a share to the **legal reserve** (art. 21: 10 % until 2020, 15 % since; the statutes may choose
   more), checked by `LegalReserveShare`;
2. **interest on paid-up shares** at the rate the meeting decides, pro rata of the days held, at
   most the cap of art. 22 (5 % a year), which the core's `Interest`
   step checks member by member;
3. **patronage refunds** (art. 23): a share of what remains, pro rata of each member's business
   with the co-op (by default the revenue their activities invoiced through it);
4. the rest to the **general reserve** (art. 23).

No figure is written here: the rates and their citations are read from the rules
`cooprules.regime.bind()` gives on the meeting's date, so the law file alone says what they
are. `build()` is the regime's `cooprules.report.DistributionRules`.

```pycon
>>> from datetime import date
>>> from cooprules.money import format_amount, money
>>> from cooprules.regime import bind
>>> from cooprules.surplus import YearFigures, distribute
>>> from cooprules_example_xx import XX_DEMO
>>> rules = bind(XX_DEMO, as_of=date(2026, 5, 20))
>>> figures = YearFigures(surplus=money("1000.00", "EUR"),
...                       measures={"revenue": {"ana": 3, "bo": 1}})
>>> result = distribute(waterfall(rules, refunds=Rate.of("50%")), figures)
>>> [(step.code, format_amount(step.amount)) for step in result.steps]
[('legal_reserve', '150.00 EUR'), ('refunds', '425.00 EUR'), ('general_reserve', '425.00 EUR')]
>>> result.step("legal_reserve").explanation.steps[0].citation.short()
'Co-operatives Act of XX, art. 21 (as amended in 2020)'

```

A meeting that gives the legal reserve less than its share breaks art. 21:

```pycon
>>> short = distribute(waterfall(rules, legal_reserve=Rate.of("10%")), figures)
>>> [violation] = short.violations
>>> violation.code, violation.citation.article
('xx.legal_reserve_below_share', 'art. 21 (as amended in 2020)')
>>> violation.message.en
'The legal reserve receives 100.00 EUR; 15% of the surplus is 150.00 EUR.'

```
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Final

import attrs
from cooprules.errors import InvalidInput
from cooprules.explain import Severity, Text, Violation
from cooprules.money import Rate, format_amount, from_minor_units, round_fraction, to_minor_units
from cooprules.parameters import Capital, Surplus
from cooprules.surplus import (
    Distribution,
    Interest,
    Of,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    WaterfallStep,
    YearFigures,
)

from cooprules_example_xx.sources import LAW

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

    from cooprules.regime import Bound, Rules

__all__ = ["OPTIONS", "REFUNDS", "LegalReserveShare", "build", "waterfall"]

REFUNDS: Final = LAW.citation("act-23")
"""Refunds pro rata of each member's business; the rest to the general reserve (art. 23)."""


@attrs.frozen
class LegalReserveShare:
    """The legal reserve receives at least its share of the surplus (art. 21).

    Attributes:
        share: the share that applies, as the rules give it (the statutes' choice, else the
            law's), with its citation.
        step: the code of the legal reserve's step.
    """

    share: Bound[Rate]
    step: str = "legal_reserve"

    def __call__(self, result: Distribution) -> Iterator[Violation]:
        """A violation when the legal reserve receives less than its share, to the cent."""
        currency = result.figures.currency
        due = round_fraction(to_minor_units(result.figures.base) * self.share.value.value)
        got = to_minor_units(result.amount(self.step))
        if got < due:
            shown, needed = (format_amount(from_minor_units(u, currency)) for u in (got, due))
            rate = self.share.value
            yield Violation(
                "xx.legal_reserve_below_share",
                Severity.ERROR,
                self.step,
                Text(
                    en=f"The legal reserve receives {shown}; {rate} of the surplus is {needed}.",
                    fr=f"La réserve légale reçoit {shown} ; {rate} de l'excédent font {needed}.",
                ),
                self.share.citation,
            )


def waterfall(
    rules: Rules,
    *,
    legal_reserve: Rate | None = None,
    interest_rate: Rate | None = None,
    refunds: Rate | None = None,
    measure: str = "revenue",
) -> Waterfall:
    """The waterfall of an ``xx-demo`` co-op, its figures read from ``rules``.

    Args:
        rules: the co-op's rules on the meeting's date (`cooprules.regime.bind()`).
        legal_reserve: the share of the surplus the meeting sends to the legal reserve (``None``:
            the rules' share, the statutes' choice else the law's); less is reported.
        interest_rate: the yearly rate of interest on paid-up shares the meeting decides, if any
            (capped by the rules' ``capital.dividend_cap``).
        refunds: the share of what remains that goes to patronage refunds, if any.
        measure: the measure of each member's business with the co-op (every member measured
            receives a refund).

    Raises:
        InvalidParameter: the rules set no legal reserve rate, or interest is decided and they
            set no cap.
    """
    reserve = rules.require(Surplus.legal_reserve_rate)
    steps: list[WaterfallStep] = [
        ToReserve(
            "legal_reserve",
            reserve="legal_reserve",
            share=legal_reserve if legal_reserve is not None else reserve.value,
            citation=reserve.citation,
        )
    ]
    if interest_rate is not None:
        cap = rules.require(Capital.dividend_cap)
        steps.append(Interest("interest", rate=interest_rate, cap=cap.value, citation=cap.citation))
    if refunds is not None:
        steps.append(
            Refund(
                "refunds",
                measure=measure,
                share=refunds,
                of=Of.REMAINING,
                citation=REFUNDS,
            )
        )
    steps.append(Remainder("general_reserve", reserve="general_reserve", citation=REFUNDS))
    return Waterfall(
        tuple(steps),
        constraints=(LegalReserveShare(reserve),),
        rounding=rules.regime.rounding,
        name=f"{rules.regime.code} surplus",
    )


OPTIONS: Final = frozenset(inspect.signature(waterfall).parameters) - {"rules"}
"""The ``[distribution] options`` a scenario may give: the keywords of `waterfall()`."""


def build(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Waterfall:
    """The waterfall from a scenario's ``[distribution] options`` (see `waterfall()`).

    Raises:
        InvalidInput: an option `waterfall()` does not take, naming it and those it takes.
    """
    del figures  # the steps read the year's figures when the waterfall is distributed
    unknown = sorted(set(options) - OPTIONS)
    if unknown:
        field = f"distribution.options.{unknown[0]}"
        reason = f"not an option of {rules.regime.code} (options: {', '.join(sorted(OPTIONS))})"
        raise InvalidInput(field, options[unknown[0]], reason)
    return waterfall(rules, **options)  # type: ignore[arg-type]
