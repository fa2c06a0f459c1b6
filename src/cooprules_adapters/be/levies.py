"""Belgian contribution schedules, reproduced as *example statutes*.

No Belgian law sets the contribution an activity pays its co-operative: a coopérative d'activités
fixes it in its statutes or in the convention with each candidat-entrepreneur, and the figure of
"10 % of the gross margin" often quoted has no source: no Belgian text or secondary source was found
for it, so it is a choice of the statutes or the contract, never a legal default. So:

* [`SMART`][cooprules_adapters.be.levies.SMART]: a flat 6.5 % of the amounts invoiced, excluding
  VAT, as Smart (a shared-enterprise co-operative, not a coopérative d'activités) publishes it
  (from a secondary source, <https://smartbe.be/fr/nos-services/financement/>);
* [`ACTIVITY_EXAMPLE`][cooprules_adapters.be.levies.ACTIVITY_EXAMPLE]: 10 % of the gross margin, an
  *example statute value* for a coopérative d'activités, cited as the co-op's own statutes with the
  confidence *uncertain* (`UNC`): replace it with the rate of your statutes.

```pycon
>>> from cooprules_adapters.be.levies import ACTIVITY_EXAMPLE, SMART
>>> str(SMART.highest_rate), SMART.base.value
('6.5%', 'revenue')
>>> ACTIVITY_EXAMPLE.citation.confidence.verified
False

```

References:
    * Smart, « Financement » and FAQ (6.5 % of invoiced amounts excluding VAT go to pooled
      costs): https://smartbe.be/fr/nos-services/financement/ ; https://smartbe.be/fr/faq/ ;
      https://smartbe.be/nl/faq/
    * Loi du 1er mars 2007 portant des dispositions diverses (III), art. 80 (coopérative
      d'activités, candidat-entrepreneur): it sets no contribution;
      https://news.belgium.be./fr/cooperatives-dactivites-0
"""

from __future__ import annotations

from typing import Final

from cooprules.explain import Citation, Confidence
from cooprules.levies import Base, Schedule

__all__ = ["ACTIVITY_EXAMPLE", "SAMPLE_SCHEDULES", "SMART"]

SMART: Final = Schedule.flat(
    "6.5%",
    base=Base.REVENUE,
    citation=Citation(
        "Smart, « Financement » / FAQ",
        "contribution aux coûts mutualisés",
        "BE",
        Confidence.SRC_2,
        "https://smartbe.be/fr/nos-services/financement/",
        "6.5 % of the invoiced amounts excluding VAT goes to the pooled costs",
    ),
    name="Smart",
    currency="EUR",
)
"""A flat 6.5 % of each period's revenue excluding VAT: no fee, no floor, no cap."""

ACTIVITY_EXAMPLE: Final = Schedule.flat(
    "10%",
    base=Base.GROSS_MARGIN,
    citation=Citation(
        "Statutes of the coopérative d'activités (example value)",
        "contribution aux frais",
        "coop",
        Confidence.UNC,
        None,
        "example statute value only: no law sets it and no Belgian source gives 10 % of the gross "
        "margin; the statutes or the convention with the candidat-entrepreneur set the rate",
    ),
    name="statuts-exemple",
    currency="EUR",
)
"""An example statute for a Belgian coopérative d'activités: 10 % of the monthly gross margin.

Not a legal rule and not a sourced practice;
[`cooprules.levies.validate_policy()`][cooprules.levies.validate_policy] accepts it because the law
sets no maximum. Replace it with your statutes' own rate.
"""

SAMPLE_SCHEDULES: Final = (SMART, ACTIVITY_EXAMPLE)
"""Every Belgian sample schedule, for tables and tests."""
