"""Belgian surplus distribution: accredited co-op (CNC), social enterprise, activity co-op.

A Belgian société coopérative has **no legal reserve** (CSA; from a secondary source): the general
meeting decides the split, within these bounds, which
[`waterfall()`][cooprules_adapters.be.surplus.waterfall] turns into steps and constraints:

* **Interest on shares** (*dividende*) at most **6 % of the nominal value of the shares**, per share
  and pro rata of the days held (AR 8 January 1962 art. 1 §1 5° for an accredited co-op; AR 28 June
  2019 art. 6 for a social enterprise: any patrimonial advantage at most the rate the King fixed,
  the same 6 %). The secondary sources read the CNC cap **after withholding tax** (the net dividend
  is capped, so the gross may reach ``6 % / (1 - withholding)``: 8.57 % at 30 %); capping 6 % gross
  is the stricter reading, kept as an option. For a social enterprise no source found settles the
  basis, so the statutes must choose (no default).
* **Ristournes** only **pro rata of the transactions** with the co-op (AR 1962 art. 1 §1 6°).
* **The double test** (CSA 6:115 net assets, 6:116 liquidity) on everything paid out, checked
  through
  [`cooprules.capital.check_distribution()`][cooprules.capital.distribution.check_distribution] when
  the financial position is given.
* What remains goes to the reserves; a social enterprise's reserves never return to the members
  (its liquidation balance goes to a purpose close to its object), so they are indivisible.

A worked example of the CNC cap: shares of 200,000 EUR nominal value, 30 % withholding tax.

```pycon
>>> from datetime import date
>>> from cooprules.money import money, format_amount
>>> from cooprules.regime import bind
>>> from cooprules_adapters.be.regimes import BE_CNC
>>> cnc = bind(BE_CNC, as_of=date(2025, 6, 30))
>>> str(max_interest_rate(cnc, "net_of_withholding")), str(max_interest_rate(cnc, "gross"))
('3/35', '6%')
>>> format_amount(max_interest(cnc, money("200000.00", "EUR")))  # at most: rounded down
'17142.85 EUR'
>>> format_amount(max_interest(cnc, money("200000.00", "EUR"), basis="gross"))
'12000.00 EUR'

```

References:
    * AR du 8 janvier 1962 fixant les conditions d'agrément des sociétés coopératives (as
      replaced by the AR du 4 mai 2016), art. 1 §1 5° and 6° (from a secondary source).
    * AR du 28 juin 2019 fixant les conditions d'agrément comme entreprise sociale, art. 6 (from
      the text).
    * Code des sociétés et des associations, art. 6:115 and 6:116 (from a secondary source).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from typing import Final

import attrs
from moneyed import Money

from cooprules.capital import (
    CapitalRules,
    DayCount,
    FinancialPosition,
    above_caps,
    check_distribution,
    interest_caps,
)
from cooprules.closing import Suggestion
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Severity, Text, Violation
from cooprules.money import (
    Rate,
    Rounding,
    from_minor_units,
    to_minor_units,
)
from cooprules.parameters import Capital, Surplus
from cooprules.regime import Rules, bind
from cooprules.surplus import (
    Constraint,
    Distribution,
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    WaterfallStep,
    YearFigures,
)
from cooprules_adapters.be.reserves import (
    CSA_CAPITAL,
    CSA_UNAVAILABLE_EQUITY,
    SCES_CAPITAL,
)
from cooprules_adapters.be.sources import LAW, Keys

__all__ = [
    "RISTOURNE",
    "SCES_SOCIAL_PURPOSE",
    "CapBasis",
    "DoubleTest",
    "InterestCap",
    "SocialPurposeFirst",
    "build",
    "max_interest",
    "max_interest_rate",
    "suggest",
    "waterfall",
]

RISTOURNE: Final = LAW.citation("ar-1962-art-1-p1-6")
"""Ristournes only pro rata of the transactions (AR 1962 art. 1 §1 6°)."""
SCES_SOCIAL_PURPOSE: Final = LAW.citation("ar-2019-art-6-social-purpose")
"""A social enterprise's allocation to its social purpose before any dividend (uncertain)."""
_SOCIAL: Final = "be-sces"
"""The social enterprise regime: an activity co-op extends it."""


class CapBasis(enum.Enum):
    """What the 6 % caps: the net dividend (after withholding tax) or the gross one."""

    NET_OF_WITHHOLDING = "net_of_withholding"
    """Reading (b), given with the AR 1962 text: the gross may reach 6 % / (1 - withholding)."""
    GROSS = "gross"
    """Reading (a): 6 % gross. Stricter than the text requires."""

    @classmethod
    def of(cls, value: CapBasis | str) -> CapBasis:
        """Parse a basis; the regime parameter's spellings (``nominal_gross``...) are accepted.

        Raises:
            InvalidInput: another value.
        """
        if isinstance(value, CapBasis):
            return value
        text = value.removeprefix("nominal_") if isinstance(value, str) else value
        for basis in cls:
            if basis.value == text:
                return basis
        raise InvalidInput("dividend_cap_basis", value, "'net_of_withholding' or 'gross'")


def _basis(rules: Rules, basis: CapBasis | str | None) -> CapBasis:
    """The statutes' (or the caller's) reading of the cap, else the law's default.

    Raises:
        InvalidInput: the law leaves it open (a social enterprise) and nobody chose.
    """
    if basis is not None:
        return CapBasis.of(basis)
    chosen = rules.get(Capital.dividend_cap_basis)
    if chosen.value is None:
        raise InvalidInput(
            "dividend_cap_basis",
            None,
            f"{chosen.citation or rules.regime.code} leaves the basis open: the statutes choose "
            "'net_of_withholding' or 'gross'",
        )
    return CapBasis.of(chosen.value)


def max_interest_rate(
    rules: Rules,
    basis: CapBasis | str | None = None,
    withholding: Rate | None = None,
) -> Rate:
    """The highest gross yearly rate of interest on the nominal value of the shares.

    The cap (6 %) and the withholding tax (30 %) are the law's, read from ``rules``; the basis is
    the caller's, else the statutes', else the law's default. Net of withholding:
    ``cap / (1 - withholding)`` (3/35, about 8.57 %, at 30 %); gross: the cap.

    Raises:
        InvalidInput: an unknown basis, none where the law leaves it open, or a withholding rate
            of 100 %.
    """
    cap = rules.require(Capital.dividend_cap).value
    if _basis(rules, basis) is CapBasis.GROSS:
        return cap
    if withholding is None:
        withholding = rules.require(Keys.withholding_tax_rate).value
    if withholding.value >= 1 or withholding.value < 0:
        raise InvalidInput("withholding", str(withholding), "between 0 % and less than 100 %")
    return Rate(cap.value / (1 - withholding.value))


def max_interest(
    rules: Rules,
    nominal: Money,
    *,
    basis: CapBasis | str | None = None,
    withholding: Rate | None = None,
) -> Money:
    """The highest gross interest for a year on shares of ``nominal`` value held all year.

    An "at most" bound, so rounded **down**, toward it: 17,142.85 EUR on 200,000 net of 30 %
    withholding, where a worked example often shows the exact 17,142.857... rounded
    half-up (17,142.86, whose 70 % is 12,000.002, above the 12,000 net the law allows).
    """
    rate = max_interest_rate(rules, basis, withholding)
    units = to_minor_units(nominal, field="nominal")
    return from_minor_units(interest_caps({"": units}, rate, 1)[""], nominal.currency)


def _violation(
    code: str, subject: str, message: Text, citation: Citation, *, severity: Severity
) -> Violation:
    return Violation(code, severity, subject, message, citation)


@attrs.frozen
class InterestCap:
    """The 6 % cap on interest on shares, checked on the total and on every member's interest.

    The cap is ``capital-days x max rate / actual days of the year`` on the table ``capital`` of
    the figures (nominal value x days; by default the interest step's own table, the paid-up
    capital-days, which is never above the nominal and so stricter), computed by
    `cooprules.capital.interest_caps()`, the core's one bound on interest: an annual rate, so
    the year's actual days (366 in a leap year) whatever day count the statutes chose, and rounded
    **down**, toward the bound ("at most"), for the total and for each member.

    Attributes:
        rate: the highest gross rate (see
            [`max_interest_rate()`][cooprules_adapters.be.surplus.max_interest_rate]).
        basis: the reading the rate comes from.
        withholding: the withholding rate used for the net reading.
        citation: the rule.
        cap: the law's cap, as the net reading states it.
        step: the code of the interest step.
        capital: the capital-days table the cap applies to, or ``None`` for the step's own.
    """

    rate: Rate
    basis: CapBasis
    withholding: Rate
    citation: Citation
    cap: Rate = attrs.field(factory=lambda: Rate(0))
    step: str = "interest"
    capital: str | None = None

    def __call__(self, result: Distribution) -> Iterator[Violation]:
        """The violations of the cap in ``result``."""
        found = [r for r in result.steps if r.code == self.step]
        if not found or not isinstance(found[0].step, Interest):
            return
        interest, step = found[0], found[0].step
        figures = result.figures
        table = figures.capital_days.get(self.capital or step.capital, {})
        actual = figures.year_days
        currency = figures.currency

        def show(units: int) -> Money:
            return from_minor_units(units, currency)

        reading = (
            Text(
                "{rate} gross ({cap} net of {withholding} withholding tax)",
                rate=self.rate,
                cap=self.cap,
                withholding=self.withholding,
            )
            if self.basis is CapBasis.NET_OF_WITHHOLDING
            else Text("{rate} gross", rate=self.rate)
        )
        cap = interest_caps({"": sum(table.values())}, self.rate, actual)[""]
        amount = to_minor_units(interest.amount)
        if amount > cap:
            yield _violation(
                "be.interest_above_cap",
                self.step,
                Text(
                    "Interest on shares of {interest} is above the cap of {reading} a year "
                    "({cap}).",
                    interest=show(amount),
                    reading=reading,
                    cap=show(cap),
                ),
                self.citation,
                severity=Severity.ERROR,
            )
        caps = interest_caps(table, self.rate, actual)
        paid = {member: to_minor_units(share) for member, share in interest.shares.items()}
        above = above_caps(paid, caps)
        if above:
            first = above[0]
            yield _violation(
                "be.member_interest_above_cap",
                f"{self.step}[{first}]",
                Text(
                    "{above_count} member(s) receive interest above their cap of {reading} a year "
                    "of their shares' nominal value, e.g. {first}: {paid} for {cap}.",
                    above_count=len(above),
                    reading=reading,
                    first=first,
                    paid=show(paid[first]),
                    cap=show(caps.get(first, 0)),
                ),
                self.citation,
                severity=Severity.ERROR,
            )


@attrs.frozen
class DoubleTest:
    """The CSA double test (6:115 net assets, 6:116 liquidity) on what the meeting pays out.

    The amount tested is the interest on shares, the refunds paid in cash (a refund paid in
    shares stays in the co-op) and the share redemptions decided at the same time.

    Attributes:
        position: the co-op's financial position (net assets, unavailable equity, the board's
            liquidity finding).
        on: the date of the distribution.
        rules: the regime's capital rules (``CSA_CAPITAL`` or ``SCES_CAPITAL``) bound on the
            day (``rules.rule_set(CapitalRules)``: the months of the liquidity finding are the
            law file's).
        redemptions: share redemptions decided at the same time, tested with the distribution.
        steps: the codes of the steps that pay members.
    """

    position: FinancialPosition
    on: date
    rules: CapitalRules
    redemptions: Money | None = None
    steps: tuple[str, ...] = ("interest", "refunds")

    def __call__(self, result: Distribution) -> Iterator[Violation]:
        """The double test's violations for ``result``."""
        units = 0
        for step in result.steps:
            if step.code in self.steps:
                units += to_minor_units(step.amount) - sum(
                    to_minor_units(v) for v in step.in_shares.values()
                )
        if self.redemptions is not None:
            units += to_minor_units(self.redemptions, field="redemptions")
        if units == 0:
            return
        paid = from_minor_units(units, result.figures.currency)
        yield from check_distribution(paid, self.on, self.position, self.rules).violations


@attrs.frozen
class SocialPurposeFirst:
    """A social enterprise sets an amount aside for its social purpose before any dividend.

    The wording found in the source is truncated (uncertain): a missing allocation is a warning.

    Attributes:
        step: the code of the social-purpose step.
        interest: the code of the interest step.
    """

    step: str = "social_purpose"
    interest: str = "interest"

    def __call__(self, result: Distribution) -> Iterator[Violation]:
        """A warning when interest is paid and nothing goes to the social purpose."""
        if to_minor_units(result.amount(self.interest)) and not to_minor_units(
            result.amount(self.step)
        ):
            yield _violation(
                "be.sces.no_social_purpose_allocation",
                self.interest,
                Text(
                    "Interest on shares is paid but nothing is set aside for the social purpose "
                    "first."
                ),
                SCES_SOCIAL_PURPOSE,
                severity=Severity.WARNING,
            )


def _how(value: Money | Rate | str, field: str) -> dict[str, object]:
    if isinstance(value, Money):
        return {"amount": value}
    if isinstance(value, Rate):
        return {"share": value}
    if value == "rest":
        return {"rest": True}
    raise InvalidInput(field, value, "a Money, a Rate of the base, or 'rest'")


def waterfall(
    rules: Rules,
    *,
    interest_rate: Rate | str | None = None,
    day_count: DayCount | str = DayCount.ACTUAL_ACTUAL,
    dividend_cap_basis: CapBasis | str | None = None,
    withholding_rate: Rate | None = None,
    cap_capital: str | None = None,
    refunds: Money | Rate | str | None = None,
    measure: str = "transactions",
    eligible: Iterable[str] | None = None,
    refunds_in_shares: Money | Rate | None = None,
    unavailable_reserve: Money | Rate | None = None,
    social_purpose: Money | Rate | None = None,
    position: FinancialPosition | None = None,
    on: date | None = None,
    redemptions: Money | None = None,
    capital_rules: CapitalRules | None = None,
) -> Waterfall:
    """A Belgian co-op's distribution of the year's result, with its legal bounds as constraints.

    Steps, in order: the legal reserve, where the law on the meeting's date has one (none under the
    CSA; 5 % under the old code, its ceiling not applied); the statutes' allocation to unavailable
    equity (if any); a social enterprise's allocation to its social purpose (if any); interest on
    shares pro rata of the capital-days; ristournes pro rata of each member's transactions; the rest
    to the reserves. Amounts paid to members are rounded down (``Rounding.FLOOR``): the cents go to
    the reserves, and interest at the highest rate never breaks the cap.

    The cap on interest (6 %), its basis and the withholding tax are read from ``rules`` (the law
    bound to the statutes on the meeting's date), each with its citation.

    Args:
        rules: the co-op's rules (an accredited co-op, a social enterprise or an activity co-op).
        interest_rate: the yearly rate of interest on shares the meeting decides, if any.
        day_count: the statutes' day count for interest pro rata of the days held
            ([`cooprules.capital.DayCount`][cooprules.capital.daycount.DayCount] or its text,
            ``"actual/365"``...): by default the financial year's actual days, so a holder of every
            day of a 366-day year gets the rate, never 366/365 of it. The cap is checked on the
            year's actual days whatever the day count: actual/365 at the highest rate in a leap year
            breaks it.
        dividend_cap_basis: ``"net_of_withholding"`` or ``"gross"``; ``None``: the statutes', else
            the law's default (net, for the CNC; none for a social enterprise, whose basis the
            reference leaves open, so the statutes must choose).
        withholding_rate: the withholding tax the net reading grosses up (``None``: the law's).
        cap_capital: the capital-days table holding the shares' nominal value x days, on which
            the 6 % applies; ``None``: the paid-up capital-days of the interest (stricter).
        refunds: the ristournes: an amount, a rate of the base, or ``"rest"``; ``None``: none.
        measure: the measure of each member's transactions with the co-op.
        eligible: the member categories entitled to ristournes (``None``: all measured).
        refunds_in_shares: the ristournes paid in shares: a rate of each ristourne, or the total
            the meeting decides (an amount, split over the members by their ristournes).
        unavailable_reserve: an allocation to equity the statutes make unavailable.
        social_purpose: a social enterprise's allocation to its social purpose.
        position: the financial position: the double test (CSA 6:115, 6:116) is checked on the
            distribution; ``on`` is then required.
        on: the date of the distribution.
        redemptions: share redemptions decided at the same time (tested with the distribution).
        capital_rules: the capital rules for the double test, bound (by default the regime's,
            bound on ``on``).

    Raises:
        InvalidInput: a social enterprise without a cap basis, a position without a date, a
            refund that is neither an amount, a rate nor ``"rest"``.
    """
    regime = rules.regime.code
    social = any(link.code == _SOCIAL for link in rules.regime.lineage)
    basis = _basis(rules, dividend_cap_basis)
    withholding = (
        withholding_rate
        if withholding_rate is not None
        else rules.require(Keys.withholding_tax_rate).value
    )
    cap_rate = max_interest_rate(rules, basis, withholding)
    cap = rules.require(Capital.dividend_cap)
    cap_citation = cap.citation
    steps: list[WaterfallStep] = []
    legal = rules.get(Surplus.legal_reserve_rate)
    if legal.value is not None and legal.value.value > 0:
        # Before the CSA (1 May 2019) the old code's legal reserve: 5 % of the profit. Its ceiling
        # (10 % of the fixed capital) is not applied: the year's figures carry no fixed capital.
        steps.append(
            ToReserve(
                "legal_reserve",
                reserve="legal_reserve",
                share=legal.value,
                citation=legal.citation,
            )
        )
    if unavailable_reserve is not None:
        steps.append(
            ToReserve(
                "unavailable_equity",
                reserve="unavailable_equity",
                citation=CSA_UNAVAILABLE_EQUITY,
                **_how(unavailable_reserve, "unavailable_reserve"),  # type: ignore[arg-type]
            )
        )
    if social_purpose is not None:
        if not social:
            raise InvalidInput("social_purpose", social_purpose, "only for a social enterprise")
        steps.append(
            ToReserve(
                "social_purpose",
                reserve="social_purpose",
                citation=SCES_SOCIAL_PURPOSE,
                **_how(social_purpose, "social_purpose"),  # type: ignore[arg-type]
            )
        )
    if interest_rate is not None:
        steps.append(
            Interest("interest", rate=interest_rate, day_count=day_count, citation=cap_citation)
        )
    if refunds is not None:
        steps.append(
            Refund(
                "refunds",
                measure=measure,
                eligible=eligible,
                in_shares=refunds_in_shares or Rate(0),
                citation=RISTOURNE,
                **_how(refunds, "refunds"),  # type: ignore[arg-type]
            )
        )
    steps.append(
        Remainder(
            "reserves",
            reserve="reserves",
            indivisible=social,
            citation=cap_citation if social else CSA_UNAVAILABLE_EQUITY,
        )
    )
    constraints: list[Constraint] = [
        InterestCap(cap_rate, basis, withholding, cap_citation, capital=cap_capital, cap=cap.value)
    ]
    if social:
        constraints.append(SocialPurposeFirst())
    if position is not None:
        if on is None:
            raise InvalidInput("on", None, "the double test needs the date of the distribution")
        day = bind(rules.regime, rules.statutes, as_of=on)  # the law of the distribution's day
        capital = capital_rules or (SCES_CAPITAL if social else CSA_CAPITAL).bound(day)
        constraints.append(DoubleTest(position, on, capital, redemptions))
    return Waterfall(
        tuple(steps),
        constraints=tuple(constraints),
        rounding=Rounding.FLOOR,
        name=f"{regime} surplus",
    )


def suggest(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Suggestion:
    """The largest legal dividend: the meeting's split with interest at the highest legal rate.

    The rate is [`max_interest_rate()`][cooprules_adapters.be.surplus.max_interest_rate] on the
    meeting's reading of the cap (its ``dividend_cap_basis``, else the statutes', else the law's): 6
    % gross, or 6 % net of the withholding tax. It is the ``suggest`` of the Belgian regimes'
    ``DistributionRules``.

    Raises:
        InvalidInput: a social enterprise whose statutes and meeting leave the cap's basis open.
    """
    del figures  # the interest step reads the capital-days when distributed
    basis = options.get("dividend_cap_basis")
    withholding = options.get("withholding_rate")
    rate = max_interest_rate(
        rules,
        basis if isinstance(basis, CapBasis | str) else None,
        withholding if isinstance(withholding, Rate) else None,
    )
    cap = rules.require(Capital.dividend_cap)
    return Suggestion(
        {**options, "interest_rate": rate},
        Text(
            "The largest interest on shares the law allows: {rate} a year of the capital (at most "
            "{cap}).",
            rate=rate,
            cap=cap.value,
        ),
        cap.citation,
    )


def build(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Waterfall:
    """The Belgian waterfall from a scenario's ``[distribution] options`` (see `waterfall()`).

    It is the build of the Belgian regimes'
    [`cooprules.report.DistributionRules`][cooprules.report.DistributionRules].

    Raises:
        InvalidInput: an option [`waterfall()`][cooprules_adapters.be.surplus.waterfall] does not
            take, naming the options.
    """
    del figures  # the Belgian steps read their figures when the waterfall is distributed
    try:
        return waterfall(rules, **options)  # type: ignore[arg-type]
    except TypeError as error:
        raise InvalidInput("distribution.options", sorted(options), str(error)) from error
