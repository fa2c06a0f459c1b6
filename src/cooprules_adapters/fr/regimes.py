"""The French regimes as data: SCOP, SCIC, and the CAE in either form.

The rules every French co-operative shares (loi 1947) sit in an unregistered base regime,
`FR_COOP`, which `FR_SCOP` and `FR_SCIC` extend; each CAE regime extends the form
it takes. Every figure, with its citation (instrument, article, URL), confidence and dates, is
declared once in ``law.toml`` beside this module; the art. 14 cap is
computed per meeting year from the TMO series declared there.

References:
    * Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération, arts. 1, 3 bis, 14,
      16, 19, 19 quinquies to 19 quindecies (SCIC), 26-41 (CAE):
      https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004
    * Loi n° 78-763 du 19 juillet 1978 portant statut des sociétés coopératives de production,
      arts. 5, 14, 24, 26 ter, 33 (post-2014 consolidation, etalab commit 508ff8a7):
      https://github.com/etalab/lois-non-codifiees-et-reglements-francais
    * Loi n° 2016-1691 du 9 décembre 2016 (Sapin II) and décret n° 2017-446 du 30 mars 2017: the
      art. 14 cap is the mean TMO of the three previous calendar years plus two points.
    * Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire, arts. 47-48;
      Code du travail, arts. L7331-1 ff.: https://code.travail.gouv.fr/code-du-travail/l7331-3
    * Décret n° 2015-1363 du 27 octobre 2015 (CAE; Code du travail R7331-1 ff.), in force on
      1 January 2016.
"""

from __future__ import annotations

from datetime import date
from typing import Final

import attrs

from cooprules.explain import RuleKind, Text
from cooprules.levies import Schedule
from cooprules.membership import Status
from cooprules.parameters import Capital
from cooprules.payroll import PayrollKind, PayrollRules
from cooprules.regime import Parameter, Regime
from cooprules.report import DistributionRules, SampleSchedules
from cooprules_adapters.fr import levies
from cooprules_adapters.fr.membership import (
    CAE_CARRY_OVER,
    CAE_MEMBERSHIP,
    CAE_SCIC_MEMBERSHIP,
    CESA,
    SCIC_MEMBERSHIP,
    SCOP_MEMBERSHIP,
)
from cooprules_adapters.fr.reserves import (
    COOP_CAPITAL,
    COOP_RESERVES,
    SCIC_CAPITAL,
    SCIC_RESERVES,
    SCOP_CAPITAL,
    SCOP_RESERVES,
)
from cooprules_adapters.fr.sources import FR, LAW
from cooprules_adapters.fr.surplus import build_scic, build_scop, suggest_scic, suggest_scop
from cooprules_adapters.fr.tmo import FIRST_GM_YEAR, SOURCES, TMO, interest_cap, semesters_for
from cooprules_adapters.fr.voting import COOP_VOTING, SCIC_VOTING, SCOP_VOTING

__all__ = ["FR_CAE_SCIC", "FR_CAE_SCOP", "FR_COOP", "FR_SCIC", "FR_SCOP"]

LANGUAGES: Final = ("fr",)
ART_14_SOURCES = "; ".join(f"({letter}) {url}" for letter, url in SOURCES.items())


def _interest_cap_versions() -> tuple[Parameter, ...]:
    """One version of the art. 14 cap per general-meeting year, computed from ``[series.tmo]``.

    From the series' first meeting year, as long as the six semesters a year needs are published;
    the open end after them is declared in ``law.toml`` (not verified, no figure).
    """
    cited = LAW.citation("loi-1947-art-14")
    versions = []
    year = FIRST_GM_YEAR
    while (cap := interest_cap(year)) is not None:
        inputs = ", ".join(f"S{h} {y}: {TMO[(y, h)][0]} %" for y, h in semesters_for(year))
        title = (
            f"GM held in {year}: mean TMO of {year - 3}-{year - 1} ({inputs}) + 2 points "
            f"= {round(cap.as_percent(), 4)} % (exact value kept)"
        )
        versions.append(
            Parameter.of(
                Capital.dividend_cap,
                cap,
                RuleKind.LAW,
                attrs.evolve(cited, title=f"{title}; TMO sources: {ART_14_SOURCES}"),
                maximum=cap,
                valid_from=date(year, 1, 1),
                valid_until=date(year + 1, 1, 1),
            )
        )
        year += 1
    return tuple(versions)


SAMPLES: Final = SampleSchedules(
    {
        f"fr.{name}": schedule
        for name in levies.__all__
        if isinstance(schedule := getattr(levies, name), Schedule)
    }
)
"""The sample levy schedules every French regime offers a scenario (``sample = "fr.SOLSTICE"``)."""

FR_COOP = Regime(
    code="fr-coop",
    rules=(COOP_CAPITAL, COOP_RESERVES, COOP_VOTING, SAMPLES),
    name="Société coopérative (loi du 10 septembre 1947)",
    name_en="Co-operative society (general statute of 1947)",
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        "The general statute of French co-operatives: one member one vote, reserves first, "
        "interest on shares capped. Not registered on its own: SCOP and SCIC extend it.",
    ),
    citations=LAW.regime_citations("fr-coop"),
    parameters=(*LAW.parameters("fr-coop"), *_interest_cap_versions()),
)

# --- SCOP -------------------------------------------------------------------------------------

FR_SCOP = Regime(
    code="fr-scop",
    rules=(
        SCOP_MEMBERSHIP,
        SCOP_CAPITAL,
        SCOP_RESERVES,
        SCOP_VOTING,
        DistributionRules(build_scop, suggest=suggest_scop),
    ),
    name="Société coopérative de production (SCOP)",
    name_en="Worker co-operative (SCOP)",
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    extends=FR_COOP,
    description=Text(
        "A co-operative whose employees are the majority associates (SARL, SAS or SA with "
        "variable capital). Its net surplus is split by law: 15 % legal reserve, at least 25 % to "
        "all employees, interest on shares capped in amount, not by the art. 14 rate.",
    ),
    citations=LAW.regime_citations("fr-scop"),
    parameters=LAW.parameters("fr-scop"),
)

# --- SCIC -------------------------------------------------------------------------------------

FR_SCIC = Regime(
    code="fr-scic",
    rules=(
        SCIC_MEMBERSHIP,
        SCIC_CAPITAL,
        SCIC_RESERVES,
        SCIC_VOTING,
        DistributionRules(build_scic, suggest=suggest_scic),
    ),
    name="Société coopérative d'intérêt collectif (SCIC)",
    name_en="Multi-stakeholder co-operative of collective interest (SCIC)",
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    extends=FR_COOP,
    description=Text(
        "A co-operative (SA, SAS or SARL with variable capital) producing goods or services of "
        "collective interest, with at least three categories of associates, voting colleges of 10 "
        "% to 50 % of the votes, at least 57.5 % of the result to indivisible reserves and "
        "interest on shares capped by loi 1947 art. 14.",
    ),
    citations=LAW.regime_citations("fr-scic"),
    parameters=LAW.parameters("fr-scic"),
)

# --- CAE --------------------------------------------------------------------------------------

CAE_PAYROLL: Final = PayrollRules(
    PayrollKind.ACTIVITY_SALARY,
    LAW.citation("travail-l7332-3"),
    unpaid=tuple(
        (status, CESA)
        for status in Status
        if status not in {Status.ENTREPRENEUR_EMPLOYEE, Status.MEMBER, Status.SUSPENDED}
    ),
)
"""An entrepreneur-employee's pay comes out of their activity (Code du travail L7332-3); one who
holds no CESA (L7331-2), such as a candidate under a CAPE, draws none."""

FR_CAE_SCOP = Regime(
    code="fr-cae-scop",
    rules=(CAE_MEMBERSHIP, CAE_PAYROLL, CAE_CARRY_OVER),
    name="Coopérative d'activité et d'emploi (CAE) sous forme de SCOP",
    name_en="Business and employment co-operative (CAE) in SCOP form",
    extends=FR_SCOP,
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        "A SCOP whose object is to host entrepreneurs as employees (CESA contract): they must "
        "become associates within three years; the SCOP rules apply to the co-op itself.",
    ),
    citations=LAW.regime_citations("fr-cae"),
    parameters=LAW.parameters("fr-cae"),
)
FR_CAE_SCIC = Regime(
    code="fr-cae-scic",
    rules=(CAE_SCIC_MEMBERSHIP, CAE_PAYROLL, CAE_CARRY_OVER),
    name="Coopérative d'activité et d'emploi (CAE) sous forme de SCIC",
    name_en="Business and employment co-operative (CAE) in SCIC form",
    extends=FR_SCIC,
    jurisdiction=FR,
    currency="EUR",
    languages=LANGUAGES,
    description=Text(
        "A SCIC whose object is to host entrepreneurs as employees (CESA contract): they must "
        "become associates within three years; the SCIC rules apply to the co-op itself.",
    ),
    citations=LAW.regime_citations("fr-cae"),
    parameters=LAW.parameters("fr-cae"),
)
