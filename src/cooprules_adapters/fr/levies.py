"""French CAE contribution schedules, reproduced as *example statutes*.

The law sets no rate: the contract of each *entrepreneur salarié* says how the contribution to
the pooled services is computed "dans les conditions prévues par les statuts" (Code du travail,
art. L7331-2, 2° c), and the contribution finances the expenses by which the co-operative fulfils
its purpose (art. R7331-9). The schedules below are those real CAE publish (each read on the
CAE's own site, whose address its citation gives); they are examples of statute values to
start from, not legal defaults. Each carries a citation of its source.

* [`COOPANAME`][cooprules_adapters.fr.levies.COOPANAME]: 13.5 % of the gross margin plus 30 EUR a
  month.
* [`SOLSTICE`][cooprules_adapters.fr.levies.SOLSTICE] (and
  [`SOLSTICE_FIRST_YEAR`][cooprules_adapters.fr.levies.SOLSTICE_FIRST_YEAR],
  [`SOLSTICE_ASSOCIATE`][cooprules_adapters.fr.levies.SOLSTICE_ASSOCIATE],
  [`SOLSTICE_MARGINAL`][cooprules_adapters.fr.levies.SOLSTICE_MARGINAL]): 13 % down to 10 % by
  monthly gross-margin bands, a monthly floor of 80 EUR in the first twelve months then 100 EUR, a
  yearly cap of 5,500 EUR (5,000 EUR for an associate) prorated to the months of presence;
  [`solstice_policy()`][cooprules_adapters.fr.levies.solstice_policy] dates the floors per activity.
* [`MOSAIQUE`][cooprules_adapters.fr.levies.MOSAIQUE]: 12 % of the gross margin, a 40 EUR monthly
  floor, an 8,400 EUR yearly cap.
* [`ENCOM1_MARGINAL`][cooprules_adapters.fr.levies.ENCOM1_MARGINAL] and
  [`ENCOM1_WHOLE`][cooprules_adapters.fr.levies.ENCOM1_WHOLE]: 10 %, 8 % from 35,000 EUR and 6 %
  from 45,000 EUR of the year's revenue, the bands applied marginally or to the whole amount (the
  source does not say which).

```pycon
>>> from cooprules.money import format_amount
>>> from cooprules_adapters.fr.levies import ENCOM1_MARGINAL, ENCOM1_WHOLE
>>> ENCOM1_MARGINAL.variable(5_000_000) / 100, ENCOM1_WHOLE.variable(5_000_000) / 100
(Fraction(4600, 1), Fraction(3000, 1))

```

References:
    * Code du travail, art. L7331-2, 2° c (the contract says how the contribution is computed,
      as the statutes provide):
      https://french-business-law.com/french-legislation-art/article-l7331-2-of-the-french-labour-code/
    * Code du travail, art. R7331-9 (décret n° 2015-1363; what the contribution finances):
      https://french-business-law.com/french-legislation/legiscta000018522052-legiscta000034624765-book-iii-travellers-representatives-or-salespersons-managers-of-branches-salaried-entrepreneurs-associated-with-a-cooperative-of-activity-and-employment-a/page/2
    * Coopaname, « C'est combien ? »: http://www.coopaname.coop/article/cest-combien
    * Solstice, « Contribution coopérative » (2017 scale, voted by the associates each year):
      https://solstice.coop/contribution-cooperative/
    * CAE Mosaïque, « Rémunération et contribution »:
      https://caemosaique.fr/mosaique/remuneration-et-contribution
    * encom1.fr wiki (the CAE is not named; no address was recorded).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Final

import attrs

from cooprules.explain import Citation, Confidence
from cooprules.levies import Activity, Banding, Base, BasePeriod, LevyPolicy, Schedule
from cooprules.money import money
from cooprules.periods import months_end

__all__ = [
    "COOPANAME",
    "ENCOM1_MARGINAL",
    "ENCOM1_WHOLE",
    "FRENCH_LAW",
    "L7331_2_C",
    "MOSAIQUE",
    "R7331_9",
    "SAMPLE_SCHEDULES",
    "SOLSTICE",
    "SOLSTICE_ASSOCIATE",
    "SOLSTICE_BANDS",
    "SOLSTICE_FIRST_YEAR",
    "SOLSTICE_MARGINAL",
    "solstice_policy",
    "solstice_schedules",
]

FR: Final = "FR"
TRAVAIL: Final = "Code du travail"

L7331_2_C: Final = Citation(
    TRAVAIL,
    "art. L7331-2, 2° c",
    FR,
    Confidence.SRC,
    "https://french-business-law.com/french-legislation-art/"
    "article-l7331-2-of-the-french-labour-code/",
    "the contract says how the entrepreneur's contribution to the pooled services is computed, "
    '"dans les conditions prévues par les statuts"',
)
"""The law behind every schedule: the statutes set the contribution, the contract applies it."""

R7331_9: Final = Citation(
    TRAVAIL,
    "art. R7331-9",
    FR,
    Confidence.SRC,
    "https://french-business-law.com/french-legislation/"
    "legiscta000018522052-legiscta000034624765-book-iii-travellers-representatives-or-"
    "salespersons-managers-of-branches-salaried-entrepreneurs-associated-with-a-cooperative-"
    "of-activity-and-employment-a/page/2",
    "the contribution finances the expenses by which the CAE fulfils its purpose; the analytical "
    "account of the pooled services is made available at year-end",
)
"""What the contribution pays for (décret n° 2015-1363)."""

FRENCH_LAW: Final = (L7331_2_C, R7331_9)
"""The provisions under which a CAE's statutes set the contribution: cited in every statement."""

COOPANAME: Final = Schedule.flat(
    "13.5%",
    base=Base.GROSS_MARGIN,
    fixed_per_period=money("30.00", "EUR"),
    citation=Citation(
        "Coopaname, « C'est combien ? »",
        "contribution coopérative",
        FR,
        Confidence.SRC,
        "http://www.coopaname.coop/article/cest-combien",
        "13.5 % of the gross margin (revenue excluding VAT less production costs) plus a fixed "
        "30 EUR a month (waived for minimum-income recipients: give those activities an override)",
    ),
    law=FRENCH_LAW,
    name="Coopaname",
    currency="EUR",
)
"""13.5 % of the monthly gross margin plus 30 EUR a month, no floor, no cap.

The source also mentions a separate risk-pooling contribution for activities that pay salaries,
with details truncated: it is not modelled.
"""

SOLSTICE_URL: Final = "https://solstice.coop/contribution-cooperative/"

SOLSTICE_BANDS: Final = (
    ("0", "13%"),
    ("1000.00", "12%"),
    ("2000.01", "11%"),
    ("3333.01", "10%"),
)
"""Solstice's monthly gross-margin bands as ``(start, rate)`` pairs.

The source reads "13 % if MB < 1 000 €/month; 12 % 1 001–2 000; 11 % 2 001–3 333; 10 % > 3 334",
in whole euros with gaps between the bands. Here a band starts at the first cent above the top of
the band before it: 12 % from 1,000.00 (the first amount not below 1,000), 11 % from 2,000.01
(2,000 itself is in the 12 % band), 10 % from 3,333.01 (3,333 is in the 11 % band).
"""


def _solstice_citation(floor: str, cap: str) -> Citation:
    return Citation(
        "Solstice, « Contribution coopérative » (2017 scale)",
        "contribution coopérative",
        FR,
        Confidence.SRC,
        SOLSTICE_URL,
        f"13 % to 10 % by monthly gross-margin bands; floor {floor} EUR a month; yearly cap "
        f"{cap} EUR prorated to the months of presence. The source does not say whether the bands "
        "are marginal or apply to the whole margin",
    )


SOLSTICE: Final = Schedule.banded(
    SOLSTICE_BANDS,
    base=Base.GROSS_MARGIN,
    banding=Banding.WHOLE,
    base_period=BasePeriod.PERIOD,
    minimum_per_period=money("100.00", "EUR"),
    maximum_per_year=money("5500.00", "EUR"),
    prorate_cap=True,
    citation=_solstice_citation("100 (after the first 12 months)", "5,500 (non-associate)"),
    law=FRENCH_LAW,
    name="Solstice 2017",
    currency="EUR",
)
"""Solstice, a non-associate after its first twelve months: the month's whole margin at the rate
of the band it reaches (13 %, 12 %, 11 % or 10 %), at least 100 EUR a month, at most 5,500 EUR a
year prorated to the months of presence.

The source does not say whether the bands are marginal or whole-amount; this reading takes the
whole amount (a lower rate on the whole margin as the margin grows), and
[`SOLSTICE_MARGINAL`][cooprules_adapters.fr.levies.SOLSTICE_MARGINAL] gives the other reading.
"""

SOLSTICE_FIRST_YEAR: Final = attrs.evolve(
    SOLSTICE,
    minimum_per_period=money("80.00", "EUR"),
    citation=_solstice_citation("80 (first 12 months)", "5,500 (non-associate)"),
    name="Solstice 2017, 12 premiers mois",
)
"""Solstice in the activity's first twelve months: the same, with a floor of 80 EUR a month."""

SOLSTICE_ASSOCIATE: Final = attrs.evolve(
    SOLSTICE,
    maximum_per_year=money("5000.00", "EUR"),
    citation=_solstice_citation("100 (after the first 12 months)", "5,000 (associate)"),
    name="Solstice 2017, associé",
)
"""Solstice for an associate: the yearly cap is 5,000 EUR instead of 5,500 EUR."""

SOLSTICE_MARGINAL: Final = attrs.evolve(
    SOLSTICE,
    banding=Banding.MARGINAL,
    name="Solstice 2017, marginal",
)
"""The other reading of Solstice's bands: each band's rate on the slice of the margin within it."""


def solstice_schedules(
    activity_start: date, *, associate: bool = False, marginal: bool = False
) -> tuple[Schedule, Schedule]:
    """Solstice's two schedules for one activity: floor 80 EUR for 12 months, then 100 EUR.

    The first twelve months are counted from the first of the month the activity started in (the
    engine levies calendar months; a schedule applies by the start of the period): an activity
    that starts on 15 March 2025 has the 80 EUR floor from March 2025 to February 2026.

    Args:
        activity_start: the activity's first day.
        associate: use the associate's cap (5,000 EUR) instead of 5,500 EUR.
        marginal: apply the bands marginally instead of to the whole margin.

    Returns:
        the first-year schedule (in force until the twelfth month ends) and the later one (in
        force from then on), ready for [`LevyPolicy`][cooprules.levies.LevyPolicy] overrides.
    """
    later = SOLSTICE_ASSOCIATE if associate else SOLSTICE
    if marginal:
        later = attrs.evolve(later, banding=Banding.MARGINAL, name=f"{later.name}, marginal")
    switch = months_end(activity_start.replace(day=1), 12)
    first = attrs.evolve(
        later,
        minimum_per_period=SOLSTICE_FIRST_YEAR.minimum_per_period,
        citation=_solstice_citation(
            "80 (first 12 months)", "5,000 (associate)" if associate else "5,500 (non-associate)"
        ),
        name=f"{later.name}, 12 premiers mois",
        valid_until=switch,
    )
    return first, attrs.evolve(later, valid_from=switch)


def solstice_policy(
    activities: Iterable[Activity], *, associates: Iterable[str] = (), marginal: bool = False
) -> LevyPolicy:
    """A Solstice policy for the given activities, each with its own first-year floor.

    Args:
        activities: the activities (their start dates set when the 80 EUR floor ends).
        associates: the ids of the activities run by associates (cap 5,000 EUR).
        marginal: apply the bands marginally instead of to the whole margin.

    ```pycon
    >>> from datetime import date
    >>> from cooprules.levies import Activity, ActivityKind
    >>> act = Activity("a1", "ana", ActivityKind.SERVICES, date(2025, 3, 15), currency="EUR")
    >>> policy = solstice_policy([act])
    >>> str(policy.schedule_for(act, date(2026, 2, 1)).minimum_per_period.amount)
    '80.00'
    >>> str(policy.schedule_for(act, date(2026, 3, 1)).minimum_per_period.amount)
    '100.00'

    ```
    """
    associated = set(associates)
    return LevyPolicy(
        default=(SOLSTICE_MARGINAL if marginal else SOLSTICE,),
        overrides={
            activity.id: solstice_schedules(
                activity.start, associate=activity.id in associated, marginal=marginal
            )
            for activity in activities
        },
    )


MOSAIQUE: Final = Schedule.flat(
    "12%",
    base=Base.GROSS_MARGIN,
    minimum_per_period=money("40.00", "EUR"),
    maximum_per_year=money("8400.00", "EUR"),
    citation=Citation(
        "CAE Mosaïque, « Rémunération et contribution »",
        "contribution coopérative",
        FR,
        Confidence.SRC,
        "https://caemosaique.fr/mosaique/remuneration-et-contribution",
        "12 % of the gross margin, at least 40 EUR a month, at most 8,400 EUR a year",
    ),
    law=FRENCH_LAW,
    name="Mosaïque",
    currency="EUR",
)
"""12 % of the monthly gross margin, at least 40 EUR a month, at most 8,400 EUR a year.

The extra contribution for Qualiopi certification support the source mentions is not modelled.
"""

_ENCOM1_CITATION: Final = Citation(
    "encom1.fr wiki (CAE not named)",
    "contribution coopérative",
    FR,
    Confidence.SRC,
    None,
    '10 % of the revenue excluding VAT invoiced and collected, "ramenée à 8 % à partir de 35 k€ de '
    'CA annuel et à 6 % à partir de 45 k€"; the source does not say whether the bands are '
    "marginal or apply to the whole revenue",
)

_ENCOM1_BANDS: Final = (("0", "10%"), ("35000.00", "8%"), ("45000.00", "6%"))

ENCOM1_MARGINAL: Final = Schedule.banded(
    _ENCOM1_BANDS,
    base=Base.REVENUE,
    banding=Banding.MARGINAL,
    base_period=BasePeriod.YEAR_TO_DATE,
    citation=_ENCOM1_CITATION,
    law=FRENCH_LAW,
    name="encom1 (lecture marginale)",
    currency="EUR",
)
"""encom1, marginal reading: 10 % of the year's revenue up to 35,000 EUR, 8 % of the slice up to
45,000 EUR, 6 % above; each month pays the growth of the year's levy. On 50,000 EUR:
35,000 x 10 % + 10,000 x 8 % + 5,000 x 6 % = 4,600 EUR.

The monthly re-billing of professional insurance (16 EUR) and of the accident-at-work charge
(3 EUR) while no salary is paid are costs passed on, not the contribution: they are not modelled.
"""

ENCOM1_WHOLE: Final = attrs.evolve(
    ENCOM1_MARGINAL,
    banding=Banding.WHOLE,
    name="encom1 (lecture sur le tout)",
)
"""encom1, whole-amount reading: the rate of the band the year's revenue reaches, on all of it.
On 50,000 EUR: 50,000 x 6 % = 3,000 EUR; the levy drops at each band start (45,000 x 8 % =
3,600 EUR, but 45,000.00 x 6 % = 2,700 EUR).

Counted on the year to date, a month never pays a negative levy: once the year's revenue crosses
a band start the levies already paid are not refunded, so the year's total can exceed the
whole-amount levy on the year's revenue (see ``docs/levies.md``).
"""

SAMPLE_SCHEDULES: Final = (
    COOPANAME,
    SOLSTICE_FIRST_YEAR,
    SOLSTICE,
    SOLSTICE_MARGINAL,
    MOSAIQUE,
    ENCOM1_MARGINAL,
    ENCOM1_WHOLE,
)
"""Every French sample schedule, for tables and tests."""
