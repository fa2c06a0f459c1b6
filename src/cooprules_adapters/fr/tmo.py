"""The TMO series and the interest cap on shares it gives (loi n° 47-1775, art. 14).

Since loi n° 2016-1691 (Sapin II) and décret n° 2017-446, the interest a co-operative pays on its
shares is at most the arithmetic mean, over the three calendar years before the general meeting, of
the *taux moyen de rendement des obligations des sociétés privées* (TMO) published each semester,
plus two points. The series is data, not code: each value is stored with its semester and the
sources the reference gives (``shared/reference/france.md`` §1.8), and a cap is computed only when
all six semesters it needs are known.

The cap is kept exact (the mean of six values is not a finite decimal); the reference shows it
rounded to four decimals, e.g. 3.2267 % for a meeting held in 2017.

>>> from fractions import Fraction

>>> round(interest_cap(2017).as_percent(), 4) == Fraction("3.2267")
True
>>> interest_cap(2025) is None  # the 2024 TMO values are not sourced
True
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

from cooprules.money import Rate

__all__ = ["MARGIN_POINTS", "SOURCES", "TMO", "interest_cap", "semesters_for"]

MARGIN_POINTS: Final = Decimal(2)
"""The margin added to the mean ("majorée de deux points"): two percentage points."""

SOURCES: Final[dict[str, str]] = {
    "a": "https://blogavocat.fr/space/patricia.hirsch/contents/201709",
    "b": "https://orion-expertise-comptable.re/indicateurs-chiffres-et-baremes-utiles/"
    "taux-moyen-de-rendement-des-obligations-des-societes-privees-tmop-annee-2023-2",
    "c": "https://juriblio.fr/docs/avis-divers-du/163637734/297855463",
    "d": "LegalNews summaries (JO 6 March 2015, JO 16 September 2015)",
    "e": "https://doc.arapl.org/actualites/2024/2024_03_07_XhQVas/index.html",
}
"""Where the TMO values were read (the letters of the reference's table)."""

TMO: Final[dict[tuple[int, int], tuple[Decimal, str]]] = {
    # (year, semester): (TMO in percent as published, sources)
    (2012, 1): (Decimal("3.15"), "b"),
    (2012, 2): (Decimal("2.41"), "b"),
    (2013, 1): (Decimal("2.30"), "b"),
    (2013, 2): (Decimal("2.62"), "b"),
    (2014, 1): (Decimal("2.28"), "a, b, c"),
    (2014, 2): (Decimal("1.50"), "a, b, d"),
    (2015, 1): (Decimal("0.96"), "a, b, d"),
    (2015, 2): (Decimal("1.19"), "a, b"),
    (2016, 1): (Decimal("0.80"), "a, b"),
    (2016, 2): (Decimal("0.63"), "a, b"),
    (2017, 1): (Decimal("1.15"), "a, b"),
    (2017, 2): (Decimal("0.95"), "b"),
    (2018, 1): (Decimal("1.04"), "b"),
    (2018, 2): (Decimal("0.97"), "b"),
    (2019, 1): (Decimal("0.62"), "b"),
    (2019, 2): (Decimal("0.12"), "b"),
    (2020, 1): (Decimal("0.20"), "b"),
    # Negative as published; nothing in the sources floors it at 0 [UNC].
    (2020, 2): (Decimal("-0.02"), "b"),
    (2021, 1): (Decimal("0.20"), "b"),
    (2021, 2): (Decimal("0.27"), "b"),
    # Printed with an unusual precision [UNC]: check the JO avis.
    (2022, 1): (Decimal("1.325"), "b"),
    (2022, 2): (Decimal("2.51"), "b"),
    (2023, 1): (Decimal("3.14"), "b, e"),
    (2023, 2): (Decimal("3.37"), "b, e"),
    # S1 2024 onwards: not found in a source [UNC].
}
"""The published TMO, in percent, by (year, semester), with the sources it was read in."""


def semesters_for(gm_year: int) -> tuple[tuple[int, int], ...]:
    """The six semesters averaged for a general meeting held in ``gm_year``."""
    return tuple((year, half) for year in range(gm_year - 3, gm_year) for half in (1, 2))


def interest_cap(gm_year: int) -> Rate | None:
    """The art. 14 cap for a general meeting held in ``gm_year``, or ``None`` if a TMO is missing.

    The cap is exact: mean of the six semesters plus two points, as a fraction of one.
    """
    needed = semesters_for(gm_year)
    if any(semester not in TMO for semester in needed):
        return None
    total = sum((Fraction(TMO[semester][0]) for semester in needed), Fraction(0))
    percent = total / len(needed) + Fraction(MARGIN_POINTS)
    return Rate(percent / 100)
