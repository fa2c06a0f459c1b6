"""Belgian surplus distribution: accredited co-op (CNC), social enterprise, activity co-op.

A Belgian société coopérative has **no legal reserve** (CSA, BE-CSA-05): the general meeting
decides the split, within these bounds, which :func:`waterfall` turns into steps and constraints:

* **Interest on shares** (*dividende*) at most **6 % of the nominal value of the shares**, per
  share and pro rata of the days held (AR 8 January 1962 art. 1 §1 5° for an accredited co-op;
  AR 28 June 2019 art. 6 for a social enterprise: any patrimonial advantage at most the rate the
  King fixed, the same 6 %). The reference reads the CNC cap **after withholding tax** (the net
  dividend is capped, so the gross may reach ``6 % / (1 - withholding)``: 8.57 % at 30 %); capping
  6 % gross is the stricter reading, kept as an option. For a social enterprise the reference does
  not settle the basis, so the statutes must choose (no default).
* **Ristournes** only **pro rata of the transactions** with the co-op (AR 1962 art. 1 §1 6°).
* **The double test** (CSA 6:115 net assets, 6:116 liquidity) on everything paid out, checked
  through :func:`cooprules.capital.check_distribution` when the financial position is given.
* What remains goes to the reserves; a social enterprise's reserves never return to the members
  (its liquidation balance goes to a purpose close to its object), so they are indivisible.

The C5 worked example: shares of 200,000 EUR nominal value, 30 % withholding tax.

>>> from cooprules.money import money, format_amount
>>> str(max_interest_rate("net_of_withholding")), str(max_interest_rate("gross"))
('3/35', '6%')
>>> format_amount(max_interest(money("200000.00", "EUR")))
'17142.86 EUR'
>>> format_amount(max_interest(money("200000.00", "EUR"), basis="gross"))
'12000.00 EUR'

References:
    * AR du 8 janvier 1962 fixant les conditions d'agrément des sociétés coopératives (as
      replaced by the AR du 4 mai 2016), art. 1 §1 5° and 6° [SRC-2].
    * AR du 28 juin 2019 fixant les conditions d'agrément comme entreprise sociale, art. 6 [SRC].
    * Code des sociétés et des associations, art. 6:115 and 6:116 [SRC-2].
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator
from datetime import date
from fractions import Fraction
from typing import Final, Literal

import attrs
from moneyed import Money

from cooprules.capital import CapitalRules, FinancialPosition, check_distribution
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, Severity, Text, Violation
from cooprules.money import (
    Rate,
    Rounding,
    format_amount,
    from_minor_units,
    round_fraction,
    to_minor_units,
)
from cooprules.surplus import (
    Constraint,
    Distribution,
    Interest,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    WaterfallStep,
)
from cooprules_adapters.be.reserves import (
    CSA_CAPITAL,
    CSA_UNAVAILABLE_EQUITY,
    SCES_CAPITAL,
)

__all__ = [
    "DIVIDEND_CAP",
    "PATRIMONIAL_ADVANTAGE",
    "RISTOURNE",
    "SCES_CAP_BASIS",
    "SCES_SOCIAL_PURPOSE",
    "WITHHOLDING_TAX",
    "WITHHOLDING_TAX_RATE",
    "CapBasis",
    "DoubleTest",
    "InterestCap",
    "SocialPurposeFirst",
    "max_interest",
    "max_interest_rate",
    "waterfall",
]

BE: Final = "BE"
AR_1962: Final = (
    "AR du 8 janvier 1962 fixant les conditions d'agrément des sociétés coopératives "
    "(as replaced by the AR du 4 mai 2016)"
)
AR_2019: Final = "AR du 28 juin 2019 (agrément comme entreprise sociale)"
_COOPFABRIK: Final = (
    "https://coopfabrik.be/das-straf-erkende-cooperaties-mogen-meer-dan-6-dividend-geven/"
)
_CERA: Final = (
    "https://www.cera.coop/nl/cooperaties/info-en-onderzoek/juridische-info/3-erkenning-nrc"
)
_CNC_FAQ_98: Final = (
    "http://newsletter-nrc-cnc.be/index.php/fr/faq/98-qu-est-ce-qui-remplace-la-qualification-"
    "de-societe-a-finalite-sociale"
)
_FLANDERS_ES: Final = (
    "https://cooperatiefvlaanderen.be/nieuws/de-sociale-onderneming-alle-erkenningscriteria-zijn-"
    "gekend"
)

DIVIDEND_CAP: Final = Citation(
    AR_1962,
    "art. 1 §1 5°",
    BE,
    Confidence.SRC_2,
    _COOPFABRIK,
    "dividend at most 6 % of the nominal value of the shares, after deduction of withholding "
    "tax, per share (quoted in a secondary source)",
)
RISTOURNE: Final = Citation(
    AR_1962,
    "art. 1 §1 6°",
    BE,
    Confidence.SRC_2,
    _CERA,
    "ristournes only pro rata of the transactions with the co-op (the 6° is inferred from the "
    "order of the conditions)",
)
PATRIMONIAL_ADVANTAGE: Final = Citation(
    AR_2019,
    "art. 6",
    BE,
    Confidence.SRC,
    _CNC_FAQ_98,
    "any patrimonial advantage to the shareholders at most the rate fixed by the King under the "
    "CNC law (6 %)",
)
SCES_CAP_BASIS: Final = Citation(
    AR_2019,
    "art. 6",
    BE,
    Confidence.UNC,
    _CNC_FAQ_98,
    "whether the 6 % is gross or net of withholding tax, on the nominal or the paid-up value, is "
    "not settled: a statute-level choice",
)
SCES_SOCIAL_PURPOSE: Final = Citation(
    AR_2019,
    "art. 6",
    BE,
    Confidence.UNC,
    _FLANDERS_ES,
    "the dividend is set only after an amount is set aside for the social purpose (wording "
    "truncated in the source)",
)
WITHHOLDING_TAX: Final = Citation(
    "Code des impôts sur les revenus 1992",
    "précompte mobilier",
    BE,
    Confidence.SRC_2,
    "https://www.cera.coop/fr/Particuliers/Acheter-des-parts-/Dividende-coop%C3%A9ratif",
    "30 % withholding tax on dividends (an individual's exempt tranche bears none)",
)
WITHHOLDING_TAX_RATE: Final = Rate.of("30%")
"""The withholding tax on dividends (BE-CSA-09 [SRC-2]); pass ``Rate(0)`` for an exempt tranche."""

_SIX: Final = Rate.of("6%")
_REGIMES: Final = ("be-cnc", "be-sces", "be-activity")
_SOCIAL: Final = frozenset({"be-sces", "be-activity"})


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


def max_interest_rate(
    basis: CapBasis | str = CapBasis.NET_OF_WITHHOLDING,
    withholding: Rate = WITHHOLDING_TAX_RATE,
) -> Rate:
    """The highest gross yearly rate of interest on the nominal value of the shares.

    Net of withholding: ``6 % / (1 - withholding)`` (3/35, about 8.57 %, at 30 %); gross: 6 %.

    Raises:
        InvalidInput: an unknown basis, or a withholding rate of 100 %.
    """
    if CapBasis.of(basis) is CapBasis.GROSS:
        return _SIX
    if withholding.value >= 1 or withholding.value < 0:
        raise InvalidInput("withholding", str(withholding), "between 0 % and less than 100 %")
    return Rate(_SIX.value / (1 - withholding.value))


def max_interest(
    nominal: Money,
    *,
    basis: CapBasis | str = CapBasis.NET_OF_WITHHOLDING,
    withholding: Rate = WITHHOLDING_TAX_RATE,
) -> Money:
    """The highest gross interest for a year on shares of ``nominal`` value held all year.

    Rounded half-up to the cent, as the reference's worked example (17,142.86 EUR on 200,000).
    """
    rate = max_interest_rate(basis, withholding)
    units = round_fraction(to_minor_units(nominal, field="nominal") * rate.value)
    return from_minor_units(units, nominal.currency)


def _violation(
    code: str, subject: str, en: str, fr: str, citation: Citation, *, severity: Severity
) -> Violation:
    return Violation(code, severity, subject, Text(en=en, fr=fr), citation)


@attrs.frozen
class InterestCap:
    """The 6 % cap on interest on shares, checked on the total and on every member's interest.

    The cap is ``capital-days x max rate / days in the year`` on the table ``capital`` of the
    figures (nominal value x days; by default the interest step's own table, the paid-up
    capital-days, which is never above the nominal and so stricter). The total is compared with
    the cap rounded half-up (the reference's rounding), each member's interest with its own cap
    rounded up to the cent (a split to the cent is within one cent of the exact share).

    Attributes:
        rate: the highest gross rate (see :func:`max_interest_rate`).
        basis: the reading the rate comes from.
        withholding: the withholding rate used for the net reading.
        citation: the rule.
        step: the code of the interest step.
        capital: the capital-days table the cap applies to, or ``None`` for the step's own.
    """

    rate: Rate
    basis: CapBasis
    withholding: Rate
    citation: Citation
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
        days = step.days_in_year or figures.days_in_year
        currency = figures.currency

        def show(units: int) -> str:
            return format_amount(from_minor_units(units, currency))

        reading = Text(
            en=f"{self.rate} gross"
            + (
                f" (6 % net of {self.withholding} withholding tax)"
                if self.basis is CapBasis.NET_OF_WITHHOLDING
                else ""
            ),
            fr=f"{self.rate} brut"
            + (
                f" (6 % net de {self.withholding} de précompte)"
                if self.basis is CapBasis.NET_OF_WITHHOLDING
                else ""
            ),
        )
        exact_total = Fraction(sum(table.values())) * self.rate.value / days
        cap = round_fraction(exact_total)
        amount = to_minor_units(interest.amount)
        if amount > cap:
            yield _violation(
                "be.interest_above_cap",
                self.step,
                f"Interest on shares of {show(amount)} is above the cap of {reading.en} a year "
                f"({show(cap)}).",
                f"Un intérêt aux parts de {show(amount)} dépasse le plafond de {reading.fr} par "
                f"an ({show(cap)}).",
                self.citation,
                severity=Severity.ERROR,
            )
        above = sorted(
            member
            for member, share in interest.shares.items()
            if to_minor_units(share)
            > round_fraction(
                Fraction(table.get(member, 0)) * self.rate.value / days, Rounding.CEILING
            )
        )
        if above:
            first = above[0]
            own = round_fraction(
                Fraction(table.get(first, 0)) * self.rate.value / days, Rounding.CEILING
            )
            got = show(to_minor_units(interest.shares[first]))
            yield _violation(
                "be.member_interest_above_cap",
                f"{self.step}[{first}]",
                f"{len(above)} member(s) receive interest above their cap of {reading.en} a year "
                f"of their shares' nominal value, e.g. {first}: {got} for {show(own)}.",
                f"{len(above)} membre(s) reçoivent un intérêt au-delà de leur plafond de "
                f"{reading.fr} par an de la valeur nominale de leurs parts, p. ex. {first} : "
                f"{got} pour {show(own)}.",
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
        rules: the regime's capital rules (``CSA_CAPITAL`` or ``SCES_CAPITAL``).
        redemptions: share redemptions decided at the same time, tested with the distribution.
        steps: the codes of the steps that pay members.
    """

    position: FinancialPosition
    on: date
    rules: CapitalRules = CSA_CAPITAL
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

    The reference's wording is truncated ([UNC]): a missing allocation is a warning.

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
                "Interest on shares is paid but nothing is set aside for the social purpose first.",
                "Un intérêt aux parts est payé sans qu'un montant soit d'abord affecté à la "
                "finalité sociale.",
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


def waterfall(  # noqa: C901 - one branch per optional step, read in order
    *,
    regime: Literal["be-cnc", "be-sces", "be-activity"] = "be-cnc",
    interest_rate: Rate | str | None = None,
    dividend_cap_basis: CapBasis | str | None = None,
    withholding_rate: Rate = WITHHOLDING_TAX_RATE,
    cap_capital: str | None = None,
    refunds: Money | Rate | str | None = None,
    measure: str = "transactions",
    eligible: Iterable[str] | None = None,
    refunds_in_shares: Rate | None = None,
    unavailable_reserve: Money | Rate | None = None,
    social_purpose: Money | Rate | None = None,
    position: FinancialPosition | None = None,
    on: date | None = None,
    redemptions: Money | None = None,
    capital_rules: CapitalRules | None = None,
) -> Waterfall:
    """A Belgian co-op's distribution of the year's result, with its legal bounds as constraints.

    Steps, in order: the statutes' allocation to unavailable equity (if any); a social
    enterprise's allocation to its social purpose (if any); interest on shares pro rata of the
    capital-days; ristournes pro rata of each member's transactions; the rest to the reserves.
    Amounts paid to members are rounded down (``Rounding.FLOOR``): the cents go to the reserves,
    and interest at the highest rate never breaks the cap.

    Args:
        regime: ``"be-cnc"`` (accredited co-op), ``"be-sces"`` (social enterprise) or
            ``"be-activity"`` (activity co-op, a social enterprise).
        interest_rate: the yearly rate of interest on shares the meeting decides, if any.
        dividend_cap_basis: ``"net_of_withholding"`` (the CNC default) or ``"gross"``; required
            for a social enterprise, whose basis the reference leaves open.
        withholding_rate: the withholding tax the net reading grosses up (30 %).
        cap_capital: the capital-days table holding the shares' nominal value x days, on which
            the 6 % applies; ``None``: the paid-up capital-days of the interest (stricter).
        refunds: the ristournes: an amount, a rate of the base, or ``"rest"``; ``None``: none.
        measure: the measure of each member's transactions with the co-op.
        eligible: the member categories entitled to ristournes (``None``: all measured).
        refunds_in_shares: the part of each ristourne paid in shares.
        unavailable_reserve: an allocation to equity the statutes make unavailable.
        social_purpose: a social enterprise's allocation to its social purpose.
        position: the financial position: the double test (CSA 6:115, 6:116) is checked on the
            distribution; ``on`` is then required.
        on: the date of the distribution.
        redemptions: share redemptions decided at the same time (tested with the distribution).
        capital_rules: the capital rules for the double test (by default the regime's).

    Raises:
        InvalidInput: an unknown regime, a social enterprise without a cap basis, a position
            without a date, a refund that is neither an amount, a rate nor ``"rest"``.
    """
    if regime not in _REGIMES:
        raise InvalidInput("regime", regime, f"one of {', '.join(_REGIMES)}")
    social = regime in _SOCIAL
    if dividend_cap_basis is None:
        if social:
            raise InvalidInput(
                "dividend_cap_basis",
                None,
                "the reference leaves a social enterprise's basis open (AR 28 June 2019 art. 6, "
                "[UNC]): the statutes choose 'net_of_withholding' or 'gross'",
            )
        dividend_cap_basis = CapBasis.NET_OF_WITHHOLDING
    basis = CapBasis.of(dividend_cap_basis)
    cap_rate = max_interest_rate(basis, withholding_rate)
    cap_citation = PATRIMONIAL_ADVANTAGE if social else DIVIDEND_CAP
    steps: list[WaterfallStep] = []
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
        steps.append(Interest("interest", rate=interest_rate, citation=cap_citation))
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
            citation=PATRIMONIAL_ADVANTAGE if social else CSA_UNAVAILABLE_EQUITY,
        )
    )
    constraints: list[Constraint] = [
        InterestCap(cap_rate, basis, withholding_rate, cap_citation, capital=cap_capital)
    ]
    if social:
        constraints.append(SocialPurposeFirst())
    if position is not None:
        if on is None:
            raise InvalidInput("on", None, "the double test needs the date of the distribution")
        rules = capital_rules or (SCES_CAPITAL if social else CSA_CAPITAL)
        constraints.append(DoubleTest(position, on, rules, redemptions))
    return Waterfall(
        tuple(steps),
        constraints=tuple(constraints),
        rounding=Rounding.FLOOR,
        name=f"{regime} surplus",
    )
