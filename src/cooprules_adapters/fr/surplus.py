"""French surplus distribution: SCOP (loi 1978 art. 33) and SCIC (loi 1947 art. 16, 19 nonies).

**SCOP** — of the *excédents nets de gestion* (ENG, ``E``):

1. legal reserve ``L``: 15 % of ``E``, no longer due once the legal reserve equals the highest
   capital ever reached (the part above the ceiling goes to the development fund: the sources
   leave open whether the last allocation may overshoot; we take the top-up reading);
2. development fund ``F``: what the statutes or the meeting give it (here: the remainder);
3. worker share ``T``: at least 25 % of ``E``, to all employees who qualify;
4. interest on shares ``D``, if the statutes provide it: at most ``T`` and at most ``L + F``; the
   1947 art. 14 rate cap does not apply. Hence ``D <= E / 3``.

**SCIC** — 15 % to the legal reserve while the reserves are below the capital, then at least half
of the balance to the statutory reserve (so at least 57.5 % of the result to indivisible
reserves), interest capped by the art. 14 rate, no refunds (art. 15 excluded).

References:
    * Loi n° 78-763 du 19 juillet 1978, art. 33 (post-2014 consolidation, etalab commit 508ff8a7).
    * Loi n° 47-1775 du 10 septembre 1947, art. 14, 16, 19 nonies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from fractions import Fraction
from typing import Final

import attrs
from moneyed import Money

from cooprules.closing import Suggestion
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Severity, Text, Violation
from cooprules.money import (
    Rate,
    Rounding,
    format_amount,
    from_minor_units,
    round_fraction,
    to_minor_units,
)
from cooprules.parameters import Capital, Surplus
from cooprules.regime import Bound, Rules
from cooprules.surplus import (
    Distribution,
    Interest,
    Of,
    Remainder,
    ToReserve,
    Waterfall,
    WorkerShare,
    YearFigures,
)
from cooprules_adapters.fr.sources import LAW, Keys

__all__ = [
    "ART_33",
    "SCIC_RESERVES",
    "ScicConstraints",
    "ScopConstraints",
    "ScopFigures",
    "build_scic",
    "build_scop",
    "scic_waterfall",
    "scop_max_dividends",
    "scop_waterfall",
    "suggest_scic",
    "suggest_scop",
]

ART_33: Final = LAW.citation("loi-1978-art-33")
"""Loi 1978 art. 33, the allocation of a SCOP's ENG (each figure cites its own paragraph)."""
ART_33_4: Final = LAW.citation("loi-1978-art-33-4")
"""Art. 33 4°: interest on shares bounded by the worker share and the reserves, not by a rate."""
SCIC_RESERVES: Final = LAW.citation("loi-1947-art-16-19-nonies")
"""Loi 1947 art. 16 and 19 nonies, a SCIC's reserves."""


@attrs.frozen
class ScopFigures:
    """The figures of art. 33 a SCOP's distribution reads, each with its own citation.

    Attributes:
        legal_reserve: the share of the ENG to the legal reserve (art. 33 1°).
        worker_share: the least share of the ENG to the employees (art. 33 3°).
        seniority_max: the largest seniority coefficient (art. 33 3°).
    """

    legal_reserve: Bound[Rate]
    worker_share: Bound[Rate]
    seniority_max: Bound[int]

    @classmethod
    def of(cls, rules: Rules) -> ScopFigures:
        """Read them from the bound rules.

        Raises:
            InvalidParameter: the regime sets one of them nowhere.
        """
        return cls(
            rules.require(Surplus.legal_reserve_rate),
            rules.require(Surplus.worker_share_rate),
            rules.require(Keys.scop_seniority_coefficient_max),
        )


def scop_waterfall(
    rules: Rules,
    *,
    worker_share: Money | Rate,
    dividends: Money | None = None,
    highest_capital: Money,
    seniority_coefficient: Fraction | int = 1,
    split: tuple[Fraction | int, Fraction | int, Fraction | int] = (1, 0, 0),
) -> Waterfall:
    """The waterfall of a SCOP's general meeting (art. 33), with its legal constraints.

    Every figure of art. 33 (the 15 % legal reserve, the 25 % worker share, the seniority
    coefficient's bound) is read from ``rules``, with its own citation.

    Args:
        rules: the co-op's rules on the meeting's date
            ([`cooprules.regime.bind()`][cooprules.regime.bind]).
        worker_share: the worker share the meeting decides (an amount, or a rate of ``E``).
        dividends: the interest on shares the meeting decides (split by capital-days), if any.
        highest_capital: the highest capital ever reached: the legal reserve's ceiling.
        seniority_coefficient: the statutes' seniority coefficient for the worker share (<= 2).
        split: the statutes' split of the worker share, as weights of (pay, time worked, equal
            shares): ``(1, 0, 0)`` by pay (the default), ``(0, 0, 1)`` equally, or a mix.
    """
    law = ScopFigures.of(rules)
    by_pay, by_time, equal = split
    highest = law.seniority_max.value
    if seniority_coefficient > highest or seniority_coefficient < 1:
        raise InvalidInput(
            "seniority_coefficient",
            seniority_coefficient,
            f"{law.seniority_max.citation} allows 1 to {highest} at most",
        )
    how = {"amount": worker_share} if isinstance(worker_share, Money) else {"share": worker_share}
    worker = WorkerShare(
        "worker_share",
        **how,
        citation=law.worker_share.citation,
        seniority_coefficient=seniority_coefficient,
        by_pay=by_pay,
        by_time=by_time,
        equal=equal,
    )
    steps: list[ToReserve | WorkerShare | Interest | Remainder] = [
        ToReserve(
            "legal_reserve",
            reserve="legal_reserve",
            share=law.legal_reserve.value,
            ceiling=highest_capital,
            overflow_to="development_fund",
            citation=law.legal_reserve.citation,
        ),
        worker,
    ]
    if dividends is not None:
        steps.append(Interest("dividends", amount=dividends, citation=ART_33_4))
    steps.append(Remainder("development_fund", reserve="development_fund", citation=ART_33))
    return Waterfall(tuple(steps), constraints=(ScopConstraints(law),), name="fr-scop art. 33")


def _violation(code: str, message: Text, citation: Citation | None = ART_33) -> Violation:
    return Violation(
        code=code,
        severity=Severity.ERROR,
        subject="distribution",
        message=message,
        citation=citation,
    )


@attrs.frozen
class ScopConstraints:
    """Art. 33's bounds on a SCOP's distribution, checked with the figures the rules give.

    Attributes:
        law: the figures of art. 33 ([`ScopFigures`][cooprules_adapters.fr.surplus.ScopFigures]).
    """

    law: ScopFigures

    def __call__(self, result: Distribution) -> Iterable[Violation]:
        """The violations of art. 33 in ``result``."""
        figures = result.figures
        currency = figures.currency
        eng = to_minor_units(figures.base)
        legal = to_minor_units(result.amount("legal_reserve"))
        overflow = to_minor_units(result.amount("legal_reserve:overflow"))
        development = to_minor_units(result.amount("development_fund")) + overflow
        worker = to_minor_units(result.amount("worker_share"))
        dividends = to_minor_units(result.amount("dividends"))
        reserve_rate, worker_rate = self.law.legal_reserve.value, self.law.worker_share.value

        def show(units: int) -> Money:
            return from_minor_units(units, currency)

        due = round_fraction(eng * reserve_rate.value)
        if legal + overflow < due:
            yield _violation(
                "fr.scop.legal_reserve",
                Text(
                    "The legal reserve receives {received}; {reserve_rate} of the ENG is {due}.",
                    received=show(legal + overflow),
                    reserve_rate=reserve_rate,
                    due=show(due),
                ),
                self.law.legal_reserve.citation,
            )
        # At least the rate of the ENG, exactly: a fraction of a cent short is short.
        minimum = round_fraction(eng * worker_rate.value, Rounding.CEILING)
        if worker < minimum:
            yield _violation(
                "fr.scop.worker_share_below_minimum",
                Text(
                    "The worker share {worker_share} is below {worker_rate} of the ENG "
                    "({minimum}).",
                    worker_share=show(worker),
                    worker_rate=worker_rate,
                    minimum=show(minimum),
                ),
                self.law.worker_share.citation,
            )
        if dividends > worker:
            yield _violation(
                "fr.scop.dividends_above_worker_share",
                Text(
                    "Interest on shares {interest} exceeds the worker share {worker_share}.",
                    interest=show(dividends),
                    worker_share=show(worker),
                ),
                ART_33_4,
            )
        if dividends > legal + development:
            yield _violation(
                "fr.scop.dividends_above_reserves",
                Text(
                    "Interest on shares {interest} exceeds the allocations to the legal reserve "
                    "and the development fund ({allocations}).",
                    interest=show(dividends),
                    allocations=show(legal + development),
                ),
                ART_33_4,
            )


def scop_max_dividends(figures: YearFigures, *, worker_share: Money | None = None) -> Money:
    """The largest interest on shares a SCOP may pay (art. 33 4°), to the cent.

    The caps are ``D <= T`` and ``D <= L + F``, and ``L + F = E - T - D`` since the ENG is fully
    allocated, so ``D <= (E - T) / 2``. With a given worker share ``T`` the maximum is
    ``min(T, (E - T) / 2)``; with ``T`` free, it is a third of the ENG (``D = T = L + F``). The
    legal reserve's ceiling does not change it: the cap counts ``L`` and ``F`` together.

    ```pycon
    >>> from cooprules.money import money
    >>> scop_max_dividends(YearFigures(surplus=money("100000.00", "EUR")))  # France, example B
    Money('33333.33', 'EUR')
    >>> scop_max_dividends(YearFigures(surplus=money("100000.00", "EUR")),
    ...                    worker_share=money("25000.00", "EUR"))            # example D
    Money('25000.00', 'EUR')

    ```
    """
    eng = to_minor_units(figures.base)
    if worker_share is None:
        return from_minor_units(max(0, eng // 3), figures.currency)
    worker = to_minor_units(worker_share, field="worker_share")
    return from_minor_units(max(0, min(worker, (eng - worker) // 2)), figures.currency)


def scic_waterfall(
    rules: Rules,
    *,
    reserves_above_capital: bool,
    interest_rate: Rate | None = None,
    statutory_share: Rate | None = None,
) -> Waterfall:
    """The waterfall of a SCIC (1947 art. 16 and 19 nonies), with its constraints.

    The 15 % legal reserve, the least share of the balance to the statutory reserve and the
    art. 14 interest cap of the meeting's year are read from ``rules``: the caller never types
    the cap, and a year whose cap the law file does not know (not verified) caps nothing — the
    explanation then says so through the step's missing cap.

    Args:
        rules: the co-op's rules on the meeting's date
            ([`cooprules.regime.bind()`][cooprules.regime.bind]).
        reserves_above_capital: the reserves already equal the capital: the legal reserve
            allocation is no longer due (the statutory reserve's share of the balance remains).
        interest_rate: the interest on shares the meeting decides, if any.
        statutory_share: the statutes' share of the balance to the statutory reserve (at least
            the law's; ``None``: the law's).
    """
    legal = rules.require(Surplus.legal_reserve_rate)
    least = rules.require(Keys.scic_statutory_reserve_min_share)
    steps: list[ToReserve | Interest | Remainder] = []
    if not reserves_above_capital:
        steps.append(
            ToReserve(
                "legal_reserve", reserve="legal_reserve", share=legal.value, citation=legal.citation
            )
        )
    steps.append(
        ToReserve(
            "statutory_reserve",
            reserve="statutory_reserve",
            share=statutory_share if statutory_share is not None else least.value,
            of=Of.REMAINING,
            citation=least.citation,
        )
    )
    if interest_rate is not None:
        cap = rules.get(Capital.dividend_cap)
        steps.append(
            Interest(
                "interest",
                rate=interest_rate,
                cap=cap.value,
                citation=cap.citation or SCIC_RESERVES,
            )
        )
    steps.append(Remainder("other_reserves", reserve="other_reserves", citation=SCIC_RESERVES))
    return Waterfall(
        tuple(steps), constraints=(ScicConstraints(least.value, least.citation),), name="fr-scic"
    )


@attrs.frozen
class ScicConstraints:
    """A SCIC's statutory reserve receives at least its legal share of the balance.

    Attributes:
        share: the least share of the balance after the legal reserve.
        citation: the article that sets it.
    """

    share: Rate
    citation: Citation

    def __call__(self, result: Distribution) -> Iterable[Violation]:
        """The violation when the statutory reserve receives less."""
        figures = result.figures
        base = to_minor_units(figures.base)
        legal = to_minor_units(result.amount("legal_reserve"))
        statutory = to_minor_units(result.amount("statutory_reserve"))
        minimum = round_fraction((base - legal) * self.share.value)
        if statutory < minimum:
            shown, needed = (
                format_amount(from_minor_units(u, figures.currency)) for u in (statutory, minimum)
            )
            yield _violation(
                "fr.scic.statutory_reserve_below_half",
                Text(
                    "The statutory reserve receives {shown}; at least {share} of the balance after "
                    "the legal reserve ({needed}) is required.",
                    shown=shown,
                    share=self.share,
                    needed=needed,
                ),
                self.citation,
            )


def _build(
    make: Callable[..., Waterfall], rules: Rules, options: Mapping[str, object]
) -> Waterfall:
    try:
        return make(rules, **options)
    except TypeError as error:
        raise InvalidInput("distribution.options", sorted(options), str(error)) from error


def build_scop(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Waterfall:
    """A SCOP's waterfall from a scenario's ``[distribution] options`` (`scop_waterfall()`).

    The legal reserve's ceiling is the year's highest capital unless the options give one. It is
    the build of the SCOP regimes'
    [`cooprules.report.DistributionRules`][cooprules.report.DistributionRules].

    Raises:
        InvalidInput: an option the waterfall does not take, naming the options.
    """
    given = dict(options)
    given.setdefault("highest_capital", figures.highest_capital)
    return _build(scop_waterfall, rules, given)


def build_scic(rules: Rules, options: Mapping[str, object], figures: YearFigures) -> Waterfall:
    """A SCIC's waterfall from a scenario's ``[distribution] options`` (`scic_waterfall()`).

    The art. 14 cap is the law's for the meeting's year: the options never give it. It is the
    build of the SCIC regimes'
    [`cooprules.report.DistributionRules`][cooprules.report.DistributionRules].

    Raises:
        InvalidInput: an option the waterfall does not take, naming the options.
    """
    del figures  # the SCIC's steps read their figures when the waterfall is distributed
    return _build(scic_waterfall, rules, options)


def suggest_scop(
    rules: Rules, options: Mapping[str, object], figures: YearFigures
) -> Suggestion | None:
    """The largest interest on shares art. 33 4° allows, beside the meeting's worker share.

    ``min(T, (E - T) / 2)``
    ([`scop_max_dividends()`][cooprules_adapters.fr.surplus.scop_max_dividends]) with the worker
    share ``T`` the meeting decided. It is the ``suggest`` of the SCOP regimes'
    ``DistributionRules``; ``None`` without share capital or a worker share decided.
    """
    del rules  # art. 33 4° bounds interest by the worker share and the reserves, not by a rate
    if not any(figures.capital_days.get("capital", {}).values()):
        return None
    worker = options.get("worker_share")
    if isinstance(worker, Rate):
        units = round_fraction(to_minor_units(figures.base) * worker.value)
        worker = from_minor_units(units, figures.currency)
    if not isinstance(worker, Money):
        return None
    dividends = scop_max_dividends(figures, worker_share=worker)
    return Suggestion(
        {**options, "dividends": dividends},
        Text(
            "The largest interest on shares art. 33 4° allows with a worker share of {worker}: "
            "{dividends} (at most the worker share and at most the reserves).",
            worker=worker,
            dividends=dividends,
        ),
        ART_33_4,
    )


def suggest_scic(
    rules: Rules, options: Mapping[str, object], figures: YearFigures
) -> Suggestion | None:
    """Interest on shares at the art. 14 cap of the meeting's year (the largest legal rate).

    It is the ``suggest`` of the SCIC regimes' ``DistributionRules``; ``None`` without share
    capital or when the law file knows no cap for that year.
    """
    cap = rules.get(Capital.dividend_cap)
    if cap.value is None or not any(figures.capital_days.get("capital", {}).values()):
        return None
    return Suggestion(
        {**options, "interest_rate": cap.value},
        Text(
            "The largest interest on shares the law allows: {cap} a year.",
            cap=cap.value,
        ),
        cap.citation,
    )
