"""French surplus distribution: SCOP (loi 1978 art. 33) and SCIC (loi 1947 art. 16, 19 nonies).

**SCOP** — of the *excédents nets de gestion* (ENG, ``E``):

1. legal reserve ``L``: 15 % of ``E``, no longer due once the legal reserve equals the highest
   capital ever reached (the part above the ceiling goes to the development fund: the reference
   leaves open whether the last allocation may overshoot; we take the top-up reading);
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

from collections.abc import Iterable
from fractions import Fraction

from moneyed import Money

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
    Distribution,
    Interest,
    Of,
    Remainder,
    ToReserve,
    Waterfall,
    WorkerShare,
    YearFigures,
)

__all__ = [
    "ART_33",
    "SCIC_RESERVES",
    "scic_waterfall",
    "scop_max_dividends",
    "scop_waterfall",
]

_ETALAB = (
    "https://github.com/etalab/lois-non-codifiees-et-reglements-francais/blob/"
    "508ff8a7b5a878c042898f0ccf73888a6d9f3c5d/"
)
ART_33 = Citation(
    instrument="Loi n° 78-763 du 19 juillet 1978 portant statut des SCOP",
    article="art. 33",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url=_ETALAB + "loi/2014/loi-n78-763-du-19-juillet-1978/titre-ii/chapitre-ii/article-33.md",
    title="Répartition des excédents nets de gestion",
)
SCIC_RESERVES = Citation(
    instrument="Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
    article="art. 16 al. 2 and art. 19 nonies",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url="http://www.les-scic.coop/sites/fr/les-scic/FAQ/Resultats_et_reserves_impartageables",
    title="Réserve légale 15 %, puis au moins 50 % du solde en réserve statutaire",
)
ART_14 = Citation(
    instrument="Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
    article="art. 14",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004",
    title="Intérêt aux parts plafonné (moyenne du TMO sur trois ans + 2 points)",
)

_LEGAL = Rate.of("15%")
_WORKER_MIN = Rate.of("25%")
_HALF = Rate.of("50%")


def scop_waterfall(
    *,
    worker_share: Money | Rate,
    dividends: Money | None = None,
    highest_capital: Money,
    seniority_coefficient: Fraction | int = 1,
    split: tuple[Fraction | int, Fraction | int, Fraction | int] = (1, 0, 0),
) -> Waterfall:
    """The waterfall of a SCOP's general meeting (art. 33), with its legal constraints.

    Args:
        worker_share: the worker share the meeting decides (an amount, or a rate of ``E``).
        dividends: the interest on shares the meeting decides (split by capital-days), if any.
        highest_capital: the highest capital ever reached: the legal reserve's ceiling.
        seniority_coefficient: the statutes' seniority coefficient for the worker share (<= 2).
        split: the statutes' split of the worker share, as weights of (pay, time worked, equal
            shares): ``(1, 0, 0)`` by pay (the default), ``(0, 0, 1)`` equally, or a mix.
    """
    by_pay, by_time, equal = split
    if seniority_coefficient > 2 or seniority_coefficient < 1:  # noqa: PLR2004 - art. 33 3°
        raise InvalidInput(
            "seniority_coefficient", seniority_coefficient, "art. 33 allows 1 to 2 at most"
        )
    how = {"amount": worker_share} if isinstance(worker_share, Money) else {"share": worker_share}
    worker = WorkerShare(
        "worker_share",
        **how,
        citation=ART_33,
        seniority_coefficient=seniority_coefficient,
        by_pay=by_pay,
        by_time=by_time,
        equal=equal,
    )
    steps: list[ToReserve | WorkerShare | Interest | Remainder] = [
        ToReserve(
            "legal_reserve",
            reserve="legal_reserve",
            share=_LEGAL,
            ceiling=highest_capital,
            overflow_to="development_fund",
            citation=ART_33,
        ),
        worker,
    ]
    if dividends is not None:
        steps.append(Interest("dividends", amount=dividends, citation=ART_33))
    steps.append(Remainder("development_fund", reserve="development_fund", citation=ART_33))
    return Waterfall(tuple(steps), constraints=(_scop_constraints,), name="fr-scop art. 33")


def _violation(code: str, en: str, fr: str, citation: Citation = ART_33) -> Violation:
    return Violation(
        code=code,
        severity=Severity.ERROR,
        subject="distribution",
        message=Text(en=en, fr=fr),
        citation=citation,
    )


def _scop_constraints(result: Distribution) -> Iterable[Violation]:
    figures = result.figures
    currency = figures.currency
    eng = to_minor_units(figures.base)
    legal = to_minor_units(result.amount("legal_reserve"))
    overflow = to_minor_units(result.amount("legal_reserve:overflow"))
    development = to_minor_units(result.amount("development_fund")) + overflow
    worker = to_minor_units(result.amount("worker_share"))
    dividends = to_minor_units(result.amount("dividends"))

    def show(units: int) -> str:
        return format_amount(from_minor_units(units, currency))

    fifteen = round_fraction(eng * _LEGAL.value)
    if legal + overflow < fifteen:
        yield _violation(
            "fr.scop.legal_reserve",
            f"The legal reserve receives {show(legal + overflow)}; "
            f"15 % of the ENG is {show(fifteen)}.",
            f"La réserve légale reçoit {show(legal + overflow)} ; "
            f"15 % des ENG font {show(fifteen)}.",
        )
    # At least 25 % of the ENG, exactly: a fraction of a cent short is short.
    minimum = round_fraction(eng * _WORKER_MIN.value, Rounding.CEILING)
    if worker < minimum:
        yield _violation(
            "fr.scop.worker_share_below_minimum",
            f"The worker share {show(worker)} is below 25 % of the ENG ({show(minimum)}).",
            f"La part travail ({show(worker)}) est inférieure à 25 % des ENG ({show(minimum)}).",
        )
    if dividends > worker:
        yield _violation(
            "fr.scop.dividends_above_worker_share",
            f"Interest on shares {show(dividends)} exceeds the worker share {show(worker)}.",
            f"Les intérêts aux parts ({show(dividends)}) dépassent la part travail "
            f"({show(worker)}).",
        )
    if dividends > legal + development:
        yield _violation(
            "fr.scop.dividends_above_reserves",
            f"Interest on shares {show(dividends)} exceeds the allocations to the legal "
            f"reserve and the development fund ({show(legal + development)}).",
            f"Les intérêts aux parts ({show(dividends)}) dépassent les dotations à la réserve "
            f"légale et au fonds de développement ({show(legal + development)}).",
        )


def scop_max_dividends(figures: YearFigures, *, worker_share: Money | None = None) -> Money:
    """The largest interest on shares a SCOP may pay (art. 33 4°), to the cent.

    The caps are ``D <= T`` and ``D <= L + F``, and ``L + F = E - T - D`` since the ENG is fully
    allocated, so ``D <= (E - T) / 2``. With a given worker share ``T`` the maximum is
    ``min(T, (E - T) / 2)``; with ``T`` free, it is a third of the ENG (``D = T = L + F``). The
    legal reserve's ceiling does not change it: the cap counts ``L`` and ``F`` together.

    >>> from cooprules.money import money
    >>> scop_max_dividends(YearFigures(surplus=money("100000.00", "EUR")))  # France, example B
    Money('33333.33', 'EUR')
    >>> scop_max_dividends(YearFigures(surplus=money("100000.00", "EUR")),
    ...                    worker_share=money("25000.00", "EUR"))            # example D
    Money('25000.00', 'EUR')
    """
    eng = to_minor_units(figures.base)
    if worker_share is None:
        return from_minor_units(max(0, eng // 3), figures.currency)
    worker = to_minor_units(worker_share, field="worker_share")
    return from_minor_units(max(0, min(worker, (eng - worker) // 2)), figures.currency)


def scic_waterfall(
    *,
    reserves_above_capital: bool,
    interest_rate: Rate | None = None,
    interest_cap: Rate | None = None,
    statutory_share: Rate = _HALF,
) -> Waterfall:
    """The waterfall of a SCIC (1947 art. 16 and 19 nonies), with its constraints.

    Args:
        reserves_above_capital: the reserves already equal the capital: the 15 % legal reserve
            allocation is no longer due (the statutory reserve's 50 % of the balance remains).
        interest_rate: the interest on shares the meeting decides, if any.
        interest_cap: the art. 14 cap for the year of the meeting (a regime parameter).
        statutory_share: the statutes' share of the balance to the statutory reserve (>= 50 %).
    """
    steps: list[ToReserve | Interest | Remainder] = []
    if not reserves_above_capital:
        steps.append(
            ToReserve(
                "legal_reserve", reserve="legal_reserve", share=_LEGAL, citation=SCIC_RESERVES
            )
        )
    steps.append(
        ToReserve(
            "statutory_reserve",
            reserve="statutory_reserve",
            share=statutory_share,
            of=Of.REMAINING,
            citation=SCIC_RESERVES,
        )
    )
    if interest_rate is not None:
        steps.append(Interest("interest", rate=interest_rate, cap=interest_cap, citation=ART_14))
    steps.append(Remainder("other_reserves", reserve="other_reserves", citation=SCIC_RESERVES))
    return Waterfall(tuple(steps), constraints=(_scic_constraints,), name="fr-scic")


def _scic_constraints(result: Distribution) -> Iterable[Violation]:
    figures = result.figures
    base = to_minor_units(figures.base)
    legal = to_minor_units(result.amount("legal_reserve"))
    statutory = to_minor_units(result.amount("statutory_reserve"))
    minimum = round_fraction(Fraction(base - legal, 2))
    if statutory < minimum:
        shown, needed = (
            format_amount(from_minor_units(u, figures.currency)) for u in (statutory, minimum)
        )
        yield _violation(
            "fr.scic.statutory_reserve_below_half",
            f"The statutory reserve receives {shown}; at least half of the balance after "
            f"the legal reserve ({needed}) is required.",
            f"La réserve statutaire reçoit {shown} ; au moins la moitié du solde après "
            f"réserve légale ({needed}) est requise.",
            SCIC_RESERVES,
        )
