"""The Belgian regimes as data: accredited (CNC), social enterprise, activity and employment co-ops.

The rules of every société coopérative under the CSA sit in an unregistered base regime,
`BE_SC`, which the two accreditations extend; an activity co-op is a social enterprise
(formerly an SFS) and extends `BE_SCES`. Every figure, with its citation (instrument, article,
URL), confidence and dates, is declared once in ``law.toml`` beside this module; this module adds
the names, the descriptions and the rule sets; the CSA rules apply from its entry into force on
1 May 2019 (to companies that existed before, its mandatory rules apply from 1 January 2020).

An employment co-op (*coopérative d'emploi*, `BE_EMPLOYMENT`) has no statute of its own in the
references: it is a CSA société coopérative whose entrepreneurs are its employees, so it extends
`BE_SC` (accredited or not: an accreditation's caps are not layered on it yet) with the
employment's membership transitions and payroll (see
[`cooprules_adapters.be.employment`][cooprules_adapters.be.employment]).

References:
    * Code des sociétés et des associations (CSA, loi du 23 mars 2019), Book 6 (société
      coopérative) and Book 8 (accreditations, art. 8:5):
      https://www.ejustice.just.fgov.be/eli/loi/2019/03/23/2019A40586/justel
    * Loi du 20 juillet 1955 (Conseil national de la coopération, renamed in 2019); its
      replacement, the Loi du 3 mai 2024, is not in force until a royal decree says so.
    * AR du 8 janvier 1962 fixant les conditions d'agrément des sociétés coopératives, as
      replaced by the AR du 4 mai 2016, art. 1 §1.
    * AR du 28 juin 2019 fixant les conditions d'agrément comme entreprise agricole et comme
      entreprise sociale, art. 6:
      https://etaamb.openjustice.be/nl/nl/arrete-royal-du-28-juin-2019_n2019030678.html
    * Code des sociétés (1999), art. 661 (société à finalité sociale, until 30 April 2019).
    * Loi du 1er mars 2007 portant des dispositions diverses (III), art. 80 (coopérative
      d'activités, candidat-entrepreneur), and its implementing royal decree (applied from 2009).
    * DiES and its coopératives d'emploi (secondary source):
      https://economiesociale.be/inspiration/dies-entrepreneur-solitaire-cherche-solutions-solidaires/
"""

from __future__ import annotations

from datetime import date
from typing import Final

from cooprules.explain import Text
from cooprules.payroll import PayrollKind, PayrollRules
from cooprules.regime import Regime
from cooprules.report import DistributionRules, RegisterRules, SampleSchedules
from cooprules_adapters.be import levies
from cooprules_adapters.be.employment import EMPLOYMENT_MEMBERSHIP, EMPLOYMENT_PAYROLL
from cooprules_adapters.be.membership import (
    ACTIVITY_MEMBERSHIP,
    CSA_MEMBERSHIP,
    target_group_check,
)
from cooprules_adapters.be.reserves import CSA_CAPITAL, CSA_RESERVES, SCES_CAPITAL, SCES_RESERVES
from cooprules_adapters.be.sources import LAW, Keys
from cooprules_adapters.be.surplus import build, suggest
from cooprules_adapters.be.voting import CNC_VOTING, CSA_VOTING, SCES_VOTING
from cooprules_adapters.be.withholding import dividend_withholding

__all__ = [
    "BE_ACTIVITY",
    "BE_CNC",
    "BE_EMPLOYMENT",
    "BE_SC",
    "BE_SCES",
    "CSA_IN_FORCE",
    "LAW",
    "Keys",
]

BE: Final = "BE"
LANGUAGES: Final = ("fr", "nl", "de")

CSA_IN_FORCE: Final = date(2019, 5, 1)
"""The CSA's entry into force; the entreprise sociale accreditation replaced the SFS that day."""

SAMPLES: Final = SampleSchedules(
    {f"be.{name}": getattr(levies, name) for name in ("SMART", "ACTIVITY_EXAMPLE")}
)
"""The sample levy schedules every Belgian regime offers a scenario (``sample = "be.SMART"``)."""

BE_SC = Regime(
    code="be-sc",
    rules=(
        CSA_MEMBERSHIP,
        CSA_CAPITAL,
        CSA_RESERVES,
        CSA_VOTING,
        DistributionRules(build, withholding=dividend_withholding, suggest=suggest),
        SAMPLES,
    ),
    name="Société coopérative (CSA)",
    name_en="Co-operative company (Companies and Associations Code)",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        "The société coopérative of Book 6 of the CSA: at least three shareholders, one vote per "
        "share unless the articles say otherwise, no legal reserve (distributions pass the "
        "net-asset and liquidity tests instead). Not registered on its own: the accreditations "
        "extend it.",
    ),
    citations=LAW.regime_citations("be-sc"),
    parameters=LAW.parameters("be-sc"),
)

BE_CNC = Regime(
    code="be-cnc",
    rules=(CNC_VOTING,),
    name="Société coopérative agréée (CNC)",
    name_en="Accredited co-operative (National Council for Co-operation)",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SC,
    aliases=("be-nrc",),
    description=Text(
        "A société coopérative accredited by the National Council for Co-operation: one person "
        "one vote or no one above 1/10 of the votes present or represented, dividend at most 6 % "
        "of the nominal value of the shares (after withholding tax), unpaid directors, patronage "
        "refunds pro rata of transactions.",
    ),
    citations=LAW.regime_citations("be-cnc"),
    parameters=LAW.parameters("be-cnc"),
)

BE_SCES = Regime(
    code="be-sces",
    rules=(SCES_CAPITAL, SCES_RESERVES, SCES_VOTING),
    name="Société coopérative agréée comme entreprise sociale",
    name_en="Co-operative accredited as a social enterprise",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SC,
    aliases=("be-sfs",),
    description=Text(
        "A société coopérative accredited as a social enterprise (CSA 8:5), successor of the "
        "société à finalité sociale on 1 May 2019: positive societal impact as main aim, no "
        "shareholder above 1/10 of the votes, patrimonial advantage at most 6 %, exit at most at "
        "nominal value, liquidation surplus to a purpose close to its object. Dates before 1 May "
        "2019 carry the SFS rules.",
    ),
    citations=LAW.regime_citations("be-sces"),
    parameters=LAW.parameters("be-sces"),
)

BE_ACTIVITY = Regime(
    code="be-activity",
    rules=(
        ACTIVITY_MEMBERSHIP,
        RegisterRules(target_group_check),
        PayrollRules(PayrollKind.NO_SALARY, LAW.citation("loi-2007-benefits")),
    ),
    name="Coopérative d'activités",
    name_en="Business co-operative for candidate entrepreneurs",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SCES,
    description=Text(
        "A social enterprise (formerly an SFS) whose object is to advise, accompany and support "
        "candidate entrepreneurs under an accompaniment convention of at most 18 months, at least "
        "60 % of them from the legal target group.",
    ),
    citations=LAW.regime_citations("be-activity"),
    parameters=LAW.parameters("be-activity"),
)

BE_EMPLOYMENT = Regime(
    code="be-employment",
    rules=(EMPLOYMENT_MEMBERSHIP, EMPLOYMENT_PAYROLL),
    name="Coopérative d'emploi",
    name_en="Employment co-operative (entrepreneur-employees)",
    jurisdiction=BE,
    currency="EUR",
    languages=LANGUAGES,
    extends=BE_SC,
    aliases=("be-coop-emploi",),
    description=Text(
        "A société coopérative whose entrepreneurs are its employees: each works under an "
        "employment contract, is paid out of their activity and may become a shareholder. No "
        "statute of its own was found: the CSA applies, and the social contributions are the "
        "rates the co-op gives with their source (the law file holds no verified rate).",
    ),
    citations=LAW.regime_citations("be-employment"),
    parameters=LAW.parameters("be-employment"),
)
