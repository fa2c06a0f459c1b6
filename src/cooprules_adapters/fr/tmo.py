"""The TMO series and the interest cap on shares it gives (loi n° 47-1775, art. 14).

Since loi n° 2016-1691 (Sapin II) and décret n° 2017-446, the interest a co-operative pays on its
shares is at most the arithmetic mean, over the three calendar years before the general meeting, of
the *taux moyen de rendement des obligations des sociétés privées* (TMO) published each semester,
plus two points. The series is data, not code: each value is declared in ``law.toml``
(``[series.tmo]``) with its semester and the public pages that give it (their addresses are
declared beside the series), and a cap is computed only when all six semesters it needs
are known.

The cap is kept exact (the mean of six values is not a finite decimal); rounded to four
decimals it reads, e.g., 3.2267 % for a meeting held in 2017.

```pycon
>>> from fractions import Fraction

```

```pycon
>>> round(interest_cap(2017).as_percent(), 4) == Fraction("3.2267")
True
>>> interest_cap(2025) is None  # the 2024 TMO values are not sourced
True

```
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Final

from cooprules.money import Rate
from cooprules_adapters.fr.sources import LAW

__all__ = [
    "FIRST_GM_YEAR",
    "MARGIN_POINTS",
    "SOURCES",
    "TMO",
    "YEARS",
    "interest_cap",
    "semesters_for",
]


def _series() -> tuple[Decimal, dict[str, str], dict[tuple[int, int], tuple[Decimal, str]]]:
    """The margin, the sources and the values of ``[series.tmo]`` in the French law file."""
    raw = LAW.series["tmo"]
    values = {}
    for row in raw["values"]:
        year, half = row["semester"].split("-S")
        values[int(year), int(half)] = (Decimal(row["value"]), row["sources"])
    return Decimal(raw["margin_points"]), dict(raw["sources"]), values


MARGIN_POINTS, SOURCES, TMO = _series()
"""The margin added to the mean ("majorée de deux points", in percentage points), where the TMO
values were read (the letters of the sources declared beside the series), and the published TMO in
percent by (year, semester) with its sources, all read from ``[series.tmo]`` of ``law.toml``."""

FIRST_GM_YEAR: Final[int] = LAW.series["tmo"]["first_meeting_year"]
"""The first general-meeting year of the Sapin II rule."""
YEARS: Final[int] = LAW.series["tmo"]["years"]
"""The calendar years averaged before the meeting."""


def semesters_for(gm_year: int) -> tuple[tuple[int, int], ...]:
    """The six semesters averaged for a general meeting held in ``gm_year``."""
    return tuple((year, half) for year in range(gm_year - YEARS, gm_year) for half in (1, 2))


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
