"""Quebec surplus allocation under the Cooperatives Act (ss. 143, 146, 147, 224.7).

* The surplus is allocated **after deducting interest on preferred and participating preferred
  shares** (s.143): give that interest as a deduction in the year's figures.
* Then, in order: the **reserve**, **refunds (ristournes) to members** in proportion to the
  business each did with the co-op, and, where a by-law provides it, refunds to auxiliary
  members (s.143).
* **While the co-op's equity is below 40 % of its debts**, at least **10 %** of that base goes to
  the reserve, **plus another 10 %** either to the reserve or to refunds paid in shares (s.146):
  :func:`waterfall` allocates those 20 % by itself when the figures show the ratio is below 40 %.
* The reserve is never shared and never reduced by refunds (s.147). A work co-op's refunds follow
  the work done — hours, pay or another scale, possibly averaged over up to four years (s.224.7):
  pass that measure in the figures. A solidarity co-op's supporting members receive no refunds.

References:
    * Cooperatives Act (CQLR c C-67.2), ss. 143, 146, 147, 224.7:
      http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:146&pointInTime=20191011
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs
from moneyed import Money

from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, Severity, Text, Violation
from cooprules.money import Rate, format_amount, from_minor_units, round_fraction, to_minor_units
from cooprules.parameters import Surplus
from cooprules.regime import Bound, Rules
from cooprules.surplus import (
    Distribution,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    YearFigures,
    average_measures,
)
from cooprules_adapters.qc.sources import Keys as QcKeys

__all__ = [
    "S143",
    "S146",
    "S224_7",
    "S146Constraint",
    "S146Figures",
    "build",
    "equity_below_threshold",
    "waterfall",
    "work_measure",
]

S143 = Citation(
    instrument="Cooperatives Act (CQLR c C-67.2)",
    article="s. 143",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC,
    url="http://www.legisquebec.gouv.qc.ca/en/showversion/cs/C-67.2?code=se:143&pointInTime=20200715",
    title="Allocation of the surplus: reserve, then refunds in proportion to business",
)
S146 = Citation(
    instrument="Cooperatives Act (CQLR c C-67.2)",
    article="s. 146",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC,
    url="http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:146&pointInTime=20191011",
    title="10 % to the reserve plus 10 % to the reserve or refunds in shares, "
    "while equity < 40 % of debts",
)


@attrs.frozen
class S146Figures:
    """The figures of s.146 a Quebec distribution reads, each with its citation.

    Attributes:
        reserve: the least share of the base to the reserve (10 %).
        second: the further share to the reserve or to refunds paid in shares (10 %).
        threshold: s.146 applies while equity is below this share of the debts (40 %).
    """

    reserve: Bound[Rate]
    second: Bound[Rate]
    threshold: Bound[Rate]

    @classmethod
    def of(cls, rules: Rules) -> S146Figures:
        """Read them from the bound rules.

        Raises:
            InvalidParameter: the regime sets one of them nowhere.
        """
        return cls(
            rules.require(Surplus.legal_reserve_rate),
            rules.require(QcKeys.additional_reserve_or_share_refund_rate),
            rules.require(QcKeys.reserve_min_while_equity_below),
        )


S224_7 = Citation(
    instrument="Cooperatives Act (CQLR c C-67.2)",
    article="s. 224.7",
    jurisdiction="CA-QC",
    confidence=Confidence.SRC,
    url="http://legisquebec.gouv.qc.ca/en/showversion/cs/C-67.2?code=se:224_7&pointInTime=20180313",
    title="Work co-operative: refunds by the work done, possibly averaged over up to 4 years",
)
_MAX_YEARS = 4


def work_measure(years: Sequence[Mapping[str, object]]) -> dict[str, Fraction]:
    """A work co-op's refund measure averaged over the last one to four years (s.224.7).

    Raises:
        InvalidInput: more than four years, or none.
    """
    if len(years) > _MAX_YEARS:
        raise InvalidInput(
            "years", len(years), "s.224.7 allows an average over four financial years at most"
        )
    return average_measures(years, field="years")


def equity_below_threshold(figures: YearFigures, threshold: Rate) -> bool:
    """Whether equity is below ``threshold`` (s.146: 40 %) of debts, so that s.146 applies.

    Raises:
        InvalidInput: the equity or the debts are missing from the figures.
    """
    if figures.equity is None or figures.debts is None:
        raise InvalidInput("figures.equity", None, "s.146 needs the equity and the debts")
    debts = to_minor_units(figures.debts)
    return debts > 0 and Fraction(to_minor_units(figures.equity)) < threshold.value * debts


def waterfall(
    rules: Rules,
    figures: YearFigures,
    *,
    measure: str,
    refunds: Money | Rate | None = None,
    refunds_in_shares: Rate | None = None,
    second_ten_percent_to: str = "reserve",
    eligible: Iterable[str] | None = None,
) -> Waterfall:
    """A Quebec co-op's allocation for the year, with s.146 applied when it must be.

    The figures of s.146 (10 %, 10 %, 40 %) are read from ``rules``, each with its citation.

    Args:
        rules: the co-op's rules on the meeting's date (:func:`cooprules.regime.bind`).
        figures: the year's figures (the equity and debts decide whether s.146 applies).
        measure: the measure of business for the refunds (purchases, hours worked, pay).
        refunds: the refunds the meeting decides (an amount or a rate of the base); ``None``: all
            that remains after the reserve.
        refunds_in_shares: the part of each refund paid in shares.
        second_ten_percent_to: under s.146, where the second 10 % goes: ``"reserve"`` or
            ``"refunds_in_shares"`` (then at least that much of the refunds is paid in shares).
        eligible: the member categories entitled to refunds (a solidarity co-op: users and
            workers, not supporting members).
    """
    if second_ten_percent_to not in {"reserve", "refunds_in_shares"}:
        raise InvalidInput(
            "second_ten_percent_to", second_ten_percent_to, "'reserve' or 'refunds_in_shares'"
        )
    law = S146Figures.of(rules)
    applies = (
        equity_below_threshold(figures, law.threshold.value)
        if figures.equity is not None
        else False
    )
    reserve_share = law.reserve.value
    if applies and second_ten_percent_to == "reserve":
        reserve_share = Rate(law.reserve.value.value + law.second.value.value)
    in_shares = refunds_in_shares or Rate(0)
    steps: list[ToReserve | Refund | Remainder] = [
        ToReserve(
            "reserve",
            reserve="reserve",
            share=reserve_share,
            citation=law.reserve.citation if applies else S143,
        )
    ]
    how: dict[str, object] = (
        {"rest": True}
        if refunds is None
        else {"amount": refunds}
        if isinstance(refunds, Money)
        else {"share": refunds}
    )
    steps.append(
        Refund(
            "refunds",
            measure=measure,
            eligible=eligible,
            in_shares=in_shares,
            citation=S143,
            **how,  # type: ignore[arg-type]
        )
    )
    steps.append(Remainder("reserve:rest", reserve="reserve", citation=S143))
    return Waterfall(tuple(steps), constraints=(S146Constraint(law),), name="qc s.143/s.146")


@attrs.frozen
class S146Constraint:
    """While equity is below the threshold, the reserve and refunds in shares get their minimum.

    Attributes:
        law: the figures of s.146.
    """

    law: S146Figures

    def __call__(self, result: Distribution) -> Iterable[Violation]:
        """The violations of s.146 in ``result``."""
        return _s146(result, self.law)


def _s146(result: Distribution, law: S146Figures) -> Iterable[Violation]:
    figures = result.figures
    if figures.equity is None or not equity_below_threshold(figures, law.threshold.value):
        return
    first, second, threshold = law.reserve.value, law.second.value, law.threshold.value
    both = Rate(first.value + second.value)
    base = to_minor_units(figures.base)
    reserve = sum(
        to_minor_units(r.amount)
        for r in result.steps
        if isinstance(r.step, ToReserve | Remainder) and r.step.reserve == "reserve"
    )
    in_shares = sum(to_minor_units(v) for r in result.steps for v in r.in_shares.values())
    ten = round_fraction(base * first.value)
    twenty = round_fraction(base * both.value)  # rounded once, as the waterfall allocates it

    def show(units: int) -> str:
        return format_amount(from_minor_units(units, figures.currency))

    if reserve < ten:
        yield Violation(
            code="qc.s146.reserve_below_10",
            severity=Severity.ERROR,
            subject="reserve",
            message=Text(
                en=f"Equity is below {threshold} of debts: the reserve must receive at least "
                f"{show(ten)} ({first}), not {show(reserve)}.",
                fr=f"L'avoir est inférieur à {threshold} des dettes : la réserve doit recevoir "
                f"au moins {show(ten)} ({first}), non {show(reserve)}.",
            ),
            citation=law.reserve.citation,
        )
    if reserve + in_shares < twenty:
        yield Violation(
            code="qc.s146.below_20",
            severity=Severity.ERROR,
            subject="reserve",
            message=Text(
                en=f"Equity is below {threshold} of debts: the reserve and the refunds paid in "
                f"shares must reach {show(twenty)} ({both}); they reach "
                f"{show(reserve + in_shares)}.",
                fr=f"L'avoir est inférieur à {threshold} des dettes : la réserve et les "
                f"ristournes en parts doivent atteindre {show(twenty)} ({both}) ; elles "
                f"atteignent {show(reserve + in_shares)}.",
            ),
            citation=law.second.citation,
        )


def build(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Waterfall:
    """The Quebec waterfall from a scenario's ``[distribution] options`` (see :func:`waterfall`).

    It is the build of the Quebec regimes' :class:`cooprules.report.DistributionRules`.

    Raises:
        InvalidInput: an option :func:`waterfall` does not take, naming the options.
    """
    try:
        return waterfall(rules, figures, **options)  # type: ignore[arg-type]
    except TypeError as error:
        raise InvalidInput("distribution.options", sorted(options), str(error)) from error
