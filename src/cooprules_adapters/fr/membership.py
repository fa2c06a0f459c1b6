"""French membership rules: SCOP and SCIC associates, the CAE's CAPE and CESA contracts.

The path of an entrepreneur in a *coopérative d'activité et d'emploi* (CAE):

1. optionally a **CAPE** (*contrat d'appui au projet d'entreprise*, Code de commerce L127-1):
   recorded as ``CONVENTION_SIGNED``, status ``CANDIDATE_ENTREPRENEUR``;
2. a **CESA** (*contrat d'entrepreneur salarié associé*, Code du travail L7331-2): ``EMPLOYED``,
   status ``ENTREPRENEUR_EMPLOYEE``; it may include a trial period of at most **8 months**,
   reduced by the time spent under a prior CAPE (L7332-1);
3. the entrepreneur-employee **becomes an associate within 3 years** of the CESA's conclusion,
   reduced by the time spent under a prior CAPE or other contract, **or the contract ends**
   (L7331-3): ``ADMITTED``, status ``MEMBER``.

The reduction is the exact length of the CAPE, in months and days (a 10-month CAPE leaves 26
months); the deadline is counted as :mod:`cooprules.periods` documents.

References:
    * Code du travail, art. L7331-2, L7331-3, L7332-1 (created by loi n° 2014-856, art. 47):
      https://code.travail.gouv.fr/code-du-travail/l7331-3
    * Loi n° 78-763 du 19 juillet 1978 (SCOP), art. 5 (minimum number of employee-associates).
    * Loi n° 47-1775 du 10 septembre 1947, art. 19 septies (SCIC categories of associates).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, Final

from dateutil.relativedelta import relativedelta

from cooprules.accompaniment import Accompaniment, Obligation
from cooprules.errors import InvalidInput

if TYPE_CHECKING:
    from cooprules.regime import Rules
from cooprules.explain import Citation, Confidence, Severity, Text, Violation
from cooprules.membership import (
    Category,
    EventKind,
    History,
    Member,
    MembershipRules,
    Status,
    TransitionContext,
    category_at,
    graph,
    status_at,
)
from cooprules.parameters import Accompaniment as AccompanimentKeys
from cooprules_adapters.fr.sources import LAW

__all__ = [
    "ASSOCIATE_DEADLINE",
    "CAE_MEMBERSHIP",
    "CAE_SCIC_MEMBERSHIP",
    "SCIC_MEMBERSHIP",
    "SCOP_MEMBERSHIP",
    "SCOP_MIN_EMPLOYEE_ASSOCIATES",
    "TRIAL_PERIOD",
    "associate_deadline",
    "cae_obligations",
    "cape_length",
    "scop_minimum_violations",
    "trial_period_end",
]

_TRAVAIL = "Code du travail"

ASSOCIATE_DEADLINE: Final = LAW.citation("travail-art-l7331-3")
"""Code du travail L7331-3: associate within three years (the law file's citation)."""
TRIAL_PERIOD = Citation(
    instrument=_TRAVAIL,
    article="art. L7332-1",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url="https://www.legifrance.gouv.fr/codes/id/LEGIARTI000029317537/2014-08-02",
    title="Période d'essai de huit mois au plus, renouvellement compris",
)
CESA = Citation(
    instrument=_TRAVAIL,
    article="art. L7331-2",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url="https://code.travail.gouv.fr/code-du-travail/l7331-2",
    title="Contrat d'entrepreneur salarié associé (CESA)",
)
SCOP_MIN_EMPLOYEE_ASSOCIATES = Citation(
    instrument="Loi n° 78-763 du 19 juillet 1978 portant statut des SCOP",
    article="art. 5",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url=(
        "https://github.com/etalab/lois-non-codifiees-et-reglements-francais/blob/"
        "508ff8a7b5a878c042898f0ccf73888a6d9f3c5d/loi/2014/loi-n78-763-du-19-juillet-1978/"
        "titre-ier/chapitre-ii/article-5.md"
    ),
    title="Deux associés employés (SARL, SAS), sept (SA)",
)
SCIC_CATEGORIES = Citation(
    instrument="Loi n° 47-1775 du 10 septembre 1947 portant statut de la coopération",
    article="art. 19 septies",
    jurisdiction="FR",
    confidence=Confidence.SRC,
    url="https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000684004",
    title="Catégories d'associés de la SCIC",
)

_ASSOCIATE_MONTHS: Final = LAW.latest("fr-cae", AccompanimentKeys.associate_deadline_months).value
"""L7331-3's three years, as the law file has them in force (bound rules read the dated one)."""
_TRIAL_MONTHS: Final = LAW.latest("fr-cae", AccompanimentKeys.trial_max_months).value
"""L7332-1's eight months, as the law file has them in force."""
_MIN_EMPLOYEE_ASSOCIATES = {"SARL": 2, "SAS": 2, "SA": 7}


def cape_length(history: History, cesa_start: date) -> relativedelta:
    """The length of the CAPE that preceded the CESA starting on ``cesa_start`` (zero if none).

    The CAPE runs from its ``CONVENTION_SIGNED`` event to the earlier of its end (an ``EXITED``
    event) and the CESA's start.
    """
    cape = history.last(EventKind.CONVENTION_SIGNED, on_or_before=cesa_start)
    if cape is None:
        return relativedelta()
    end = cesa_start
    for event in history.events:
        if cape.date < event.date <= cesa_start and event.kind is EventKind.EXITED:
            end = event.date
            break
    return relativedelta(end, cape.date)


def _reduced(cesa_start: date, months: int, reduction: relativedelta) -> Accompaniment:
    reduction_months = reduction.years * 12 + reduction.months
    reduction_days = reduction.days
    if reduction_months >= months:
        reduction_months, reduction_days = months, 0
    return Accompaniment(
        start=cesa_start,
        max_months=months,
        reduction_months=reduction_months,
        reduction_days=reduction_days,
    )


def associate_deadline(cesa_start: date, prior_contract: relativedelta | None = None) -> date:
    """The last day on which an entrepreneur-employee may become an associate (L7331-3).

    Three years from the CESA's conclusion, reduced by the length of a prior CAPE or other
    contract between the parties.

    >>> associate_deadline(date(2025, 1, 15), relativedelta(months=10))  # 26 months after
    datetime.date(2027, 3, 14)
    """
    return _reduced(cesa_start, _ASSOCIATE_MONTHS, prior_contract or relativedelta()).last_day


def trial_period_end(cesa_start: date, prior_contract: relativedelta | None = None) -> date:
    """The last day a CESA's trial period may cover: 8 months less a prior CAPE (L7332-1).

    >>> trial_period_end(date(2025, 1, 15))
    datetime.date(2025, 9, 14)
    """
    return _reduced(cesa_start, _TRIAL_MONTHS, prior_contract or relativedelta()).last_day


_BECOME_ASSOCIATE = Text(
    en="become an associate of the co-operative", fr="devenir associé de la coopérative"
)
_CESA_ENDS = Text(
    en="the CESA ends (Code du travail L7331-3)",
    fr="le contrat d'entrepreneur salarié prend fin (Code du travail L7331-3)",
)


def cae_obligations(
    history: History, as_of: date, *, months: int = _ASSOCIATE_MONTHS
) -> tuple[Obligation, ...]:
    """The obligations of an entrepreneur-employee on ``as_of``: become an associate in time.

    ``months`` is the law's delay (L7331-3: three years), less any earlier CAPE.
    """
    cesa = history.last(EventKind.EMPLOYED, on_or_before=as_of)
    if cesa is None:
        return ()
    prior = cape_length(history, cesa.date)
    accompaniment = _reduced(cesa.date, months, prior)
    admitted = next(
        (e for e in history.events if e.kind is EventKind.ADMITTED and e.date >= cesa.date), None
    )
    return (
        Obligation(
            subject=history.subject,
            code="fr.cae.become_associate",
            what=_BECOME_ASSOCIATE,
            due=accompaniment.last_day,
            consequence=_CESA_ENDS,
            citation=ASSOCIATE_DEADLINE,
            met_on=admitted.date if admitted is not None else None,
            explanation=partial(accompaniment.explain, ASSOCIATE_DEADLINE),
        ),
    )


def _admitted_in_time(context: TransitionContext, *, months: int) -> Text | None:
    if context.source is not Status.ENTREPRENEUR_EMPLOYEE:
        return None
    for obligation in cae_obligations(context.history, context.event.date, months=months):
        if context.event.date > obligation.due:
            return Text(
                en=f"the associate deadline {obligation.due} has passed: the CESA has ended",
                fr=f"le délai pour devenir associé ({obligation.due}) est dépassé : le CESA a "
                "pris fin",
            )
    return None


def _deadline_check(history: History, as_of: date, *, months: int) -> Iterable[Violation]:
    if status_at(history, as_of) is not Status.ENTREPRENEUR_EMPLOYEE:
        return ()
    return tuple(
        Violation(
            code="fr.cae.associate_deadline_passed",
            severity=Severity.ERROR,
            subject=history.subject,
            message=Text(
                en=f"Still an entrepreneur-employee after the associate deadline {o.due}: "
                "the CESA has ended and must be recorded as such.",
                fr=f"Toujours entrepreneur salarié après le délai pour devenir associé "
                f"({o.due}) : le CESA a pris fin et doit être enregistré comme tel.",
            ),
            citation=ASSOCIATE_DEADLINE,
        )
        for o in cae_obligations(history, as_of, months=months)
        if o.met_on is None and as_of > o.due
    )


_ASSOCIATE_LIFE = {
    Status.MEMBER: [EventKind.SUSPENDED, EventKind.RESIGNED, EventKind.EXCLUDED, EventKind.DIED],
    Status.SUSPENDED: [
        EventKind.REINSTATED,
        EventKind.RESIGNED,
        EventKind.EXCLUDED,
        EventKind.DIED,
    ],
    Status.RESIGNED: [EventKind.APPLIED],
    Status.EXITED: [EventKind.APPLIED],
}

SCOP_MEMBERSHIP = MembershipRules(
    transitions=graph(
        {
            Status.NONE: [EventKind.APPLIED, EventKind.ADMITTED],
            Status.APPLICANT: [EventKind.ADMITTED, EventKind.EXITED],
            **_ASSOCIATE_LIFE,
        },
        citation=SCOP_MIN_EMPLOYEE_ASSOCIATES,
    ),
    categories=(
        Category(
            "employee",
            Text(en="employee associate (associé salarié)", fr="associé salarié"),
            SCOP_MIN_EMPLOYEE_ASSOCIATES,
        ),
        Category(
            "external",
            Text(en="non-employee associate (associé extérieur)", fr="associé extérieur"),
            SCOP_MIN_EMPLOYEE_ASSOCIATES,
        ),
    ),
)
"""SCOP associates: employee associates and, where the statutes admit them, external ones."""

SCIC_MEMBERSHIP = MembershipRules(
    transitions=SCOP_MEMBERSHIP.transitions,
    categories=(
        Category("employee", Text(en="employees", fr="salariés"), SCIC_CATEGORIES),
        Category(
            "beneficiary",
            Text(en="beneficiaries (users, customers)", fr="bénéficiaires"),
            SCIC_CATEGORIES,
        ),
        Category("producer", Text(en="producers", fr="producteurs"), SCIC_CATEGORIES),
        Category(
            "other",
            Text(
                en="other contributors (volunteers, public bodies, supporters)",
                fr="autres contributeurs (bénévoles, collectivités publiques, soutiens)",
            ),
            SCIC_CATEGORIES,
        ),
    ),
)
"""SCIC associates by category (1947 art. 19 septies)."""


def _cae_rules(months: int, categories: tuple[Category, ...]) -> MembershipRules:
    """A CAE's membership rules with an associate deadline of ``months`` (L7331-3)."""
    return MembershipRules(
        transitions=graph(
            {
                Status.NONE: [EventKind.APPLIED, EventKind.CONVENTION_SIGNED, EventKind.EMPLOYED],
                Status.APPLICANT: [
                    EventKind.CONVENTION_SIGNED,
                    EventKind.EMPLOYED,
                    EventKind.ADMITTED,
                    EventKind.EXITED,
                ],
                Status.CANDIDATE_ENTREPRENEUR: [EventKind.EMPLOYED, EventKind.EXITED],
                Status.ENTREPRENEUR_EMPLOYEE: [
                    EventKind.ADMITTED,
                    EventKind.EXITED,
                    EventKind.DIED,
                ],
                **_ASSOCIATE_LIFE,
            },
            citation=CESA,
            conditions={
                (Status.ENTREPRENEUR_EMPLOYEE, EventKind.ADMITTED): [
                    partial(_admitted_in_time, months=months)
                ]
            },
            citations={
                (Status.ENTREPRENEUR_EMPLOYEE, EventKind.ADMITTED): ASSOCIATE_DEADLINE,
                (Status.ENTREPRENEUR_EMPLOYEE, EventKind.EXITED): ASSOCIATE_DEADLINE,
            },
        ),
        categories=categories,
        checks=(partial(_deadline_check, months=months),),
        obligations=partial(cae_obligations, months=months),
        reads_law=partial(_cae_rules_of, categories=categories),
    )


def _cae_rules_of(rules: Rules, *, categories: tuple[Category, ...]) -> MembershipRules:
    """A CAE's membership rules with the associate deadline in force on the rules' date."""
    return _cae_rules(rules.require(AccompanimentKeys.associate_deadline_months).value, categories)


CAE_MEMBERSHIP: Final = _cae_rules(_ASSOCIATE_MONTHS, SCOP_MEMBERSHIP.categories)
"""A CAE: CAPE, CESA, then associate within three years (less the CAPE), or the CESA ends."""

CAE_SCIC_MEMBERSHIP: Final = _cae_rules(_ASSOCIATE_MONTHS, SCIC_MEMBERSHIP.categories)
"""A CAE in SCIC form: the CAE path, with the SCIC's categories of associates."""


def scop_minimum_violations(
    members: Iterable[Member], as_of: date, company_form: str
) -> tuple[Violation, ...]:
    """Check the minimum number of employee associates of a SCOP (1978 art. 5).

    Two for a SARL or an SAS, seven for an SA; below it for more than a year, the commercial court
    may dissolve the co-op at the request of any interested party: a warning, not a nullity.
    """
    form = company_form.upper()
    if form not in _MIN_EMPLOYEE_ASSOCIATES:
        raise InvalidInput("company_form", company_form, "expected SARL, SAS or SA")
    minimum = _MIN_EMPLOYEE_ASSOCIATES[form]
    count = sum(
        1
        for m in members
        if status_at(m.history, as_of) is Status.MEMBER
        and category_at(m.history, as_of) == "employee"
    )
    if count >= minimum:
        return ()
    return (
        Violation(
            code="fr.scop.min_employee_associates",
            severity=Severity.WARNING,
            subject="register",
            message=Text(
                en=f"{count} employee associate(s); a SCOP in {form} form needs at least "
                f"{minimum}. Below it for more than a year, the court may dissolve it.",
                fr=f"{count} associé(s) salarié(s) ; une SCOP sous forme de {form} en requiert "
                f"au moins {minimum}. En dessous pendant plus d'un an, le tribunal peut la "
                "dissoudre.",
            ),
            citation=SCOP_MIN_EMPLOYEE_ASSOCIATES,
        ),
    )
