"""Quebec surplus allocation under the Cooperatives Act (ss. 143, 146, 147, 224.7).

* The surplus is allocated **after deducting interest on preferred and participating preferred
  shares** (s.143): give that interest as a deduction in the year's figures.
* Then, in order: the **reserve**, **refunds (ristournes) to members** in proportion to the
  business each did with the co-op, and, where a by-law provides it, refunds to auxiliary
  members (s.143).
* **While the co-op's equity is below 40 % of its debts**, at least **10 %** of that base goes to
  the reserve, **plus another 10 %** either to the reserve or to refunds paid in shares (s.146).
  Above it no minimum binds (s.4(4) only requires that a reserve exist). The general meeting's
  decision (its reserve, its refunds, the part of them paid in shares) is what
  [`waterfall()`][cooprules_adapters.qc.surplus.waterfall] allocates and
  [`S146Constraint`][cooprules_adapters.qc.surplus.S146Constraint] checks; only when the meeting
  states no reserve does the waterfall take the s.146 minimum itself, and only while s.146 applies.
* The reserve is never shared and never reduced by refunds (s.147). A work co-op's refunds follow
  the work done — hours, pay or another scale, possibly averaged over up to four years (s.224.7):
  pass that measure in the figures, and the years of earlier measures in
  ``YearFigures.measure_years``; the statutes' ``qc.refund_average_years`` chooses the years
  ([`RefundAverage`][cooprules_adapters.qc.surplus.RefundAverage]), the law file's
  ``qc.refund_average_max_years`` bounds them. A solidarity co-op's refunds go to its user and
  worker members ([`build_solidarity()`][cooprules_adapters.qc.surplus.build_solidarity]); its
  supporting members do no business with it and receive none unless its statutes say so explicitly
  (``qc.supporting_members_refunds``: that rule was not verified in a source, and the citation's
  confidence says so).

References:
    * Cooperatives Act (CQLR c C-67.2), ss. 143, 146, 147, 224.7:
      http://legisquebec.gouv.qc.ca/fr/showversion/cs/C-67.2?code=se:146&pointInTime=20191011
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Final

import attrs
from moneyed import Money

from cooprules.closing import Suggestion
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, Severity, Text, Violation
from cooprules.money import Rate, from_minor_units, round_fraction, to_minor_units
from cooprules.parameters import Surplus
from cooprules.regime import Bound, Rules
from cooprules.surplus import (
    Constraint,
    Distribution,
    Refund,
    Remainder,
    ToReserve,
    Waterfall,
    YearFigures,
    average_measures,
)
from cooprules_adapters.qc.sources import LAW
from cooprules_adapters.qc.sources import Keys as QcKeys

__all__ = [
    "S143",
    "S146",
    "S224_7",
    "RefundAverage",
    "S146Constraint",
    "S146Figures",
    "build",
    "build_solidarity",
    "equity_below_threshold",
    "refund_categories",
    "suggest",
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
            rules.require(QcKeys.reserve_min_rate),
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


def work_measure(rules: Rules, years: Sequence[Mapping[str, object]]) -> dict[str, Fraction]:
    """A work co-op's refund measure averaged over the last years, at most the law's (s.224.7).

    The most years (4) is the law file's ``qc.refund_average_max_years``, read from ``rules``.

    Raises:
        InvalidInput: more years than the law allows, or none.
        InvalidParameter: the regime allows no average (not a work co-op).
    """
    most = rules.require(QcKeys.refund_average_max_years)
    if len(years) > most.value:
        raise InvalidInput(
            "years",
            len(years),
            f"{most.citation.article} allows an average over {most.value} financial years at most",
        )
    return average_measures(years, field="years")


@attrs.frozen
class RefundAverage:
    """The years a work co-op's refunds average the work over, as the statutes and the law say.

    Attributes:
        years: the financial years averaged (the year's included); ``None``: the year alone.
        citation: the rule that allows the average (s.224.7).
        violations: the statutes' choice against the law: more years than it allows (the
            average is then cut to the law's), or an average outside a work co-op.
    """

    years: int | None
    citation: Citation | None
    violations: tuple[Violation, ...] = ()

    @classmethod
    def of(cls, rules: Rules) -> RefundAverage:
        """Read the statutes' years (``qc.refund_average_years``) and the law's most (s.224.7)."""
        chosen = rules.get(QcKeys.refund_average_years)
        if chosen.value is None:
            return cls(None, None)
        most = rules.get(QcKeys.refund_average_max_years)
        if most.value is None or most.citation is None:
            return cls(None, None, (_average_not_allowed(chosen.value, chosen.citation),))
        if chosen.value <= most.value:
            return cls(chosen.value, most.citation)
        cut = Violation(
            code="qc.refund_average_above_law",
            severity=Severity.ERROR,
            subject="refunds",
            message=Text(
                "The statutes average the work over {chosen} financial years; s. {section} "
                "allows {most} at most: the refunds follow the average of the last {most}.",
                chosen=chosen.value,
                section=most.citation.article.removeprefix("s. "),
                most=most.value,
            ),
            citation=most.citation,
        )
        return cls(most.value, most.citation, (cut,))


def _average_not_allowed(years: int, citation: Citation | None) -> Violation:
    return Violation(
        code="qc.refund_average_not_allowed",
        severity=Severity.ERROR,
        subject="refunds",
        message=Text(
            "The statutes average the business over {years} financial years: only a work co-op's "
            "refunds may follow an average (s.224.7); they follow the year's measure.",
            years=years,
        ),
        citation=citation,
    )


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
    reserve: Money | Rate | None = None,
    refunds: Money | Rate | str | None = None,
    refunds_in_shares: Money | Rate | None = None,
    second_ten_percent_to: str | None = None,
    eligible: Iterable[str] | None = None,
    refund_citation: Citation = S143,
) -> Waterfall:
    """A Quebec co-op's allocation for the year: the meeting's decision, checked against s.146.

    The figures of s.146 (10 %, 10 %, 40 %) are read from ``rules``, each with its citation.
    The reserve is the meeting's (``reserve``), else the statutes' rate
    (``surplus.legal_reserve_rate``), else, and only while s.146 applies, its minimum: 10 %, plus
    the second 10 % unless ``second_ten_percent_to="refunds_in_shares"``. Outside s.146, a
    meeting that states no reserve puts nothing in it up front (what the refunds leave still goes
    to it). Whatever the source, [`S146Constraint`][cooprules_adapters.qc.surplus.S146Constraint]
    checks the result while s.146 applies.

    Args:
        rules: the co-op's rules on the meeting's date
            ([`cooprules.regime.bind()`][cooprules.regime.bind]).
        figures: the year's figures (the equity and debts decide whether s.146 applies).
        measure: the measure of business for the refunds (purchases, hours worked, pay).
        reserve: the allocation to the reserve the meeting decides (an amount or a rate of the
            base); ``None``: the statutes' rate, else the s.146 minimum while s.146 applies.
        refunds: the refunds the meeting decides (an amount or a rate of the base); ``None`` or
            ``"rest"``: all that remains after the reserve.
        refunds_in_shares: the refunds paid in shares: the total the meeting decides (an amount,
            split over the members by their refunds) or a rate of each refund.
        second_ten_percent_to: when the meeting states no reserve and s.146 applies, where the
            second 10 % goes: ``"reserve"`` (the default) or ``"refunds_in_shares"`` (then at
            least that much of the refunds must be paid in shares).
        eligible: the member categories entitled to refunds (``None``: every member measured).
        refund_citation: the rule the refunds follow (s.143; a solidarity co-op's own).

    A work co-op whose statutes average the work over several years
    (``qc.refund_average_years``) gets refunds by that average
    ([`RefundAverage`][cooprules_adapters.qc.surplus.RefundAverage]: never over more years than
    s.224.7 allows, the law file's ``qc.refund_average_max_years``).

    Raises:
        InvalidInput: an option out of its values, or ``second_ten_percent_to`` with a
            ``reserve`` the meeting decided (the meeting's reserve is checked, not completed).
    """
    if second_ten_percent_to not in {None, "reserve", "refunds_in_shares"}:
        raise InvalidInput(
            "second_ten_percent_to", second_ten_percent_to, "'reserve' or 'refunds_in_shares'"
        )
    if reserve is not None and second_ten_percent_to is not None:
        raise InvalidInput(
            "second_ten_percent_to",
            second_ten_percent_to,
            "the meeting decided its reserve: s.146 checks that decision, give one or the other",
        )
    law = S146Figures.of(rules)
    average = RefundAverage.of(rules)
    steps: list[ToReserve | Refund | Remainder] = [
        _reserve_step(rules, figures, law, reserve, second_ten_percent_to)
    ]
    if refunds is None or refunds == "rest":
        how: dict[str, object] = {"rest": True}
    elif isinstance(refunds, Money):
        how = {"amount": refunds}
    elif isinstance(refunds, Rate):
        how = {"share": refunds}
    else:
        raise InvalidInput("refunds", refunds, "an amount, a rate of the base or 'rest'")
    steps.append(
        Refund(
            "refunds",
            measure=measure,
            eligible=eligible,
            in_shares=refunds_in_shares if refunds_in_shares is not None else Rate(0),
            citation=refund_citation,
            average_years=average.years,
            average_citation=average.citation,
            **how,  # type: ignore[arg-type]
        )
    )
    steps.append(Remainder("reserve:rest", reserve="reserve", citation=S143))
    constraints: tuple[Constraint, ...] = (S146Constraint(law),)
    if average.violations:
        constraints = (*constraints, _Findings(average.violations))
    return Waterfall(tuple(steps), constraints=constraints, name="qc s.143/s.146")


def _reserve_step(
    rules: Rules,
    figures: YearFigures,
    law: S146Figures,
    decided: Money | Rate | None,
    second_to: str | None,
) -> ToReserve:
    """The reserve: the meeting's, else the statutes', else the s.146 minimum while it applies."""
    if isinstance(decided, Money):
        return ToReserve("reserve", reserve="reserve", amount=decided, citation=S143)
    if decided is not None:
        return ToReserve("reserve", reserve="reserve", share=decided, citation=S143)
    statutes = rules.get(Surplus.legal_reserve_rate)
    if statutes.source == "statutes" and statutes.value is not None:
        return ToReserve(
            "reserve", reserve="reserve", share=statutes.value, citation=statutes.citation
        )
    if not _applies(figures, law):
        return ToReserve("reserve", reserve="reserve", share=Rate(0), citation=S143)
    share = law.reserve.value
    if second_to in {None, "reserve"}:
        share = Rate(law.reserve.value.value + law.second.value.value)
    return ToReserve("reserve", reserve="reserve", share=share, citation=law.reserve.citation)


def _applies(figures: YearFigures, law: S146Figures) -> bool:
    """Whether s.146 applies; ``False`` when the figures lack the equity or the debts."""
    if figures.equity is None or figures.debts is None:
        return False
    return equity_below_threshold(figures, law.threshold.value)


@attrs.frozen
class S146Constraint:
    """While equity is below the threshold, the reserve and refunds in shares get their minimum.

    Without the equity or the debts, a result that would fall short of the minimum were s.146 to
    apply carries a warning (``qc.s146.not_checked``): s.146 could not be checked.

    Attributes:
        law: the figures of s.146.
    """

    law: S146Figures

    def __call__(self, result: Distribution) -> Iterable[Violation]:
        """The violations of s.146 in ``result``."""
        return _s146(result, self.law)


def _s146(result: Distribution, law: S146Figures) -> Iterable[Violation]:
    figures = result.figures
    known = figures.equity is not None and figures.debts is not None
    if known and not equity_below_threshold(figures, law.threshold.value):
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

    def show(units: int) -> Money:
        return from_minor_units(units, figures.currency)

    if not known:
        if reserve < ten or reserve + in_shares < twenty:
            yield Violation(
                code="qc.s146.not_checked",
                severity=Severity.WARNING,
                subject="reserve",
                message=Text(
                    "The equity or the debts are not given: s.146 could not be checked. Were "
                    "equity below {threshold} of the debts, the reserve would need "
                    "{reserve_needed} and, with the refunds in shares, {with_refunds}.",
                    threshold=threshold,
                    reserve_needed=show(ten),
                    with_refunds=show(twenty),
                ),
                citation=law.threshold.citation,
            )
        return
    if reserve < ten:
        yield Violation(
            code="qc.s146.reserve_below_10",
            severity=Severity.ERROR,
            subject="reserve",
            message=Text(
                "Equity is below {threshold} of debts: the reserve must receive at least "
                "{required} ({first}), not {given}.",
                threshold=threshold,
                required=show(ten),
                first=first,
                given=show(reserve),
            ),
            citation=law.reserve.citation,
        )
    if reserve + in_shares < twenty:
        yield Violation(
            code="qc.s146.below_20",
            severity=Severity.ERROR,
            subject="reserve",
            message=Text(
                "Equity is below {threshold} of debts: the reserve and the refunds paid in shares "
                "must reach {required} ({both}); they reach {reached}.",
                threshold=threshold,
                required=show(twenty),
                both=both,
                reached=show(reserve + in_shares),
            ),
            citation=law.second.citation,
        )


def suggest(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Suggestion | None:
    """The largest refunds the law allows: the least reserve s.146 requires, the rest refunded.

    While equity is below 40 % of the debts, 10 % plus 10 % of the base to the reserve (the
    second 10 % could go to refunds paid in shares instead); above it, nothing up front. It is
    the ``suggest`` of the Quebec regimes' ``DistributionRules``; ``None`` when the figures lack
    the equity or the debts (whether s.146 applies is unknown).
    """
    if figures.equity is None or figures.debts is None:
        return None
    law = S146Figures.of(rules)
    kept = {
        k: v for k, v in options.items() if k not in {"reserve", "refunds", "second_ten_percent_to"}
    }
    if _applies(figures, law):
        share = Rate(law.reserve.value.value + law.second.value.value)
        note = Text(
            "Equity is below {threshold} of the debts: at least {share} to the reserve, the rest "
            "refunded.",
            threshold=law.threshold.value,
            share=share,
        )
        citation = law.reserve.citation
    else:
        share = Rate(0)
        note = Text(
            "Equity is at least {threshold} of the debts: s.146 sets no minimum, all of it may be "
            "refunded.",
            threshold=law.threshold.value,
        )
        citation = law.threshold.citation
    return Suggestion({**kept, "reserve": share, "refunds": "rest"}, note, citation)


def build(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Waterfall:
    """The Quebec waterfall from a scenario's ``[distribution] options`` (see `waterfall()`).

    It is the build of the Quebec regimes'
    [`cooprules.report.DistributionRules`][cooprules.report.DistributionRules].

    Raises:
        InvalidInput: an option [`waterfall()`][cooprules_adapters.qc.surplus.waterfall] does not
            take, naming the options.
    """
    return _build(rules, options, figures, S143)


def _build(
    rules: Rules, options: Mapping[str, object], figures: YearFigures, refund_citation: Citation
) -> Waterfall:
    if "refund_citation" in options:
        raise InvalidInput("distribution.options", sorted(options), "refund_citation is the law's")
    try:
        return waterfall(
            rules,
            figures,
            refund_citation=refund_citation,
            **options,  # type: ignore[arg-type]
        )
    except TypeError as error:
        raise InvalidInput("distribution.options", sorted(options), str(error)) from error


_DOING_BUSINESS: Final = frozenset({"user", "worker"})
"""A solidarity co-op's categories that do business or work with it (s.226.1)."""
_SUPPORTING: Final = "supporting"


def refund_categories(rules: Rules) -> tuple[frozenset[str], Citation]:
    """A solidarity co-op's member categories entitled to refunds, and the rule they follow.

    User and worker members, in proportion to their business or work (s.143); supporting members
    only where the statutes say so (``qc.supporting_members_refunds = true``). The rule's citation
    is uncertain: the solidarity co-op's sections were not read in a primary source.
    """
    citation = LAW.citation("act-s-143-solidarity")
    if rules.value(QcKeys.supporting_members_refunds) is True:
        return _DOING_BUSINESS | {_SUPPORTING}, citation
    return _DOING_BUSINESS, citation


@attrs.frozen
class _Findings:
    """Violations the builder found before the distribution, reported with it."""

    violations: tuple[Violation, ...]

    def __call__(self, _result: Distribution) -> Iterable[Violation]:
        return self.violations


def build_solidarity(
    rules: Rules, options: Mapping[str, object], figures: YearFigures
) -> Waterfall:
    """A solidarity co-op's waterfall: refunds to the categories `refund_categories()` names.

    The meeting's ``eligible`` may narrow them; a category it names that is not entitled
    (supporting members, without the statutes' explicit provision) receives nothing, and the
    result says so (``qc.solidarity.refund_category_excluded``, a warning).

    Raises:
        InvalidInput: an option [`waterfall()`][cooprules_adapters.qc.surplus.waterfall] does not
            take, naming the options.
    """
    entitled, citation = refund_categories(rules)
    given = options.get("eligible")
    if given is not None and (isinstance(given, str) or not isinstance(given, Iterable)):
        raise InvalidInput("distribution.options.eligible", given, "a list of categories")
    asked = None if given is None else frozenset(str(category) for category in given)
    chosen = entitled if asked is None else asked & entitled
    excluded = [] if asked is None else sorted(asked - entitled)
    split = _build(rules, {**options, "eligible": chosen}, figures, citation)
    if not excluded:
        return split
    finding = Violation(
        code="qc.solidarity.refund_category_excluded",
        severity=Severity.WARNING,
        subject="refunds",
        message=Text(
            "No refund to {items} members: refunds go to user and worker members by their "
            "business or work; the statutes do not provide otherwise "
            "(qc.supporting_members_refunds).",
            items=", ".join(excluded),
        ),
        citation=citation,
    )
    return attrs.evolve(split, constraints=(*split.constraints, _Findings((finding,))))
