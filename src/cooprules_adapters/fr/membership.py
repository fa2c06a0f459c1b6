"""French membership rules: SCOP and SCIC associates, the CAE's CAPE and CESA contracts.

The path of an entrepreneur in a *coopérative d'activité et d'emploi* (CAE):

1. optionally a **CAPE** (*contrat d'appui au projet d'entreprise*, Code de commerce L127-1):
   recorded as ``CONVENTION_SIGNED``, status ``CANDIDATE_ENTREPRENEUR``;
2. a **CESA** (*contrat d'entrepreneur salarié associé*, Code du travail L7331-2): ``EMPLOYED``,
   status ``ENTREPRENEUR_EMPLOYEE``; it may include a trial period (the event's ``trial_end``)
   of at most **8 months**, renewal included, reduced by the earlier contracts (L7332-1);
3. the entrepreneur-employee **becomes an associate within 3 years** of the CESA's conclusion,
   reduced by the length of the CAPE or any other contract between the parties that preceded it,
   **or the contract ends** (L7331-3): ``ADMITTED``, status ``MEMBER``.

The earlier contracts are every CAPE and every CESA that ended before this CESA
([`prior_contracts()`][cooprules_adapters.fr.membership.prior_contracts]: a CAPE, then a CESA that
ended, then a new CESA deducts both); the reduction is their exact length, in months and days, added
up (a 10-month CAPE and a 12-month CESA leave 14 months). Neither limit falls before the CESA's
first day. The deadlines are counted as [`cooprules.periods`][cooprules.periods] documents.

References:
    * Code du travail, art. L7331-2, L7331-3, L7332-1 (created by loi n° 2014-856, art. 47):
      https://code.travail.gouv.fr/code-du-travail/l7331-3
    * Loi n° 78-763 du 19 juillet 1978 (SCOP), art. 5 (minimum number of employee-associates).
    * Loi n° 47-1775 du 10 septembre 1947, art. 19 septies (SCIC categories of associates).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import TYPE_CHECKING, Final

import attrs
from dateutil.relativedelta import relativedelta

from cooprules.accompaniment import Accompaniment, Obligation
from cooprules.errors import InvalidInput, InvalidPeriod

if TYPE_CHECKING:
    from cooprules.regime import Regime, Rules
from cooprules.explain import Citation, Confidence, Explanation, Severity, Step, Text, Violation
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
from cooprules.parameters import Company
from cooprules.path import CarriedOver, CarryOverRules, Earlier, carried_steps
from cooprules.periods import check_date
from cooprules.regime import Key
from cooprules_adapters.fr.sources import LAW, Keys

__all__ = [
    "ASSOCIATE_DEADLINE",
    "CAE_CARRY_OVER",
    "CAE_MEMBERSHIP",
    "CAE_SCIC_MEMBERSHIP",
    "SCIC_MEMBERSHIP",
    "SCOP_MEMBERSHIP",
    "SCOP_MIN_EMPLOYEE_ASSOCIATES",
    "TRIAL_PERIOD",
    "Contract",
    "ContractKind",
    "associate_deadline",
    "cae_carry_over",
    "cae_obligations",
    "cape_length",
    "contracts",
    "prior_contracts",
    "prior_length",
    "scop_minimum_violations",
    "trial_period_end",
    "trial_violations",
]

_TRAVAIL = "Code du travail"

ASSOCIATE_DEADLINE: Final = LAW.citation("travail-art-l7331-3")
"""Code du travail L7331-3: associate within three years (the law file's citation)."""
TRIAL_PERIOD: Final = LAW.citation("travail-art-l7332-1")
"""Code du travail L7332-1: a trial period of at most eight months (the law file's citation)."""
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
_MIN_EMPLOYEE_ASSOCIATES: Final[dict[str, Key[int]]] = {
    "SARL": Company.min_employee_associates,
    "SAS": Company.min_employee_associates,
    "SA": Keys.min_employee_associates_sa,
}
"""Art. 5's minimum of employee associates, by company form: the law file's key of each."""


class ContractKind(enum.Enum):
    """A kind of contract between an entrepreneur and the CAE."""

    CAPE = "cape"
    """*Contrat d'appui au projet d'entreprise* (Code de commerce L127-1): ``CONVENTION_SIGNED``."""
    CESA = "cesa"
    """*Contrat d'entrepreneur salarié associé* (Code du travail L7331-2): ``EMPLOYED``."""


@attrs.frozen
class Contract:
    """A contract between an entrepreneur and the CAE, as their history records it.

    Attributes:
        kind: a CAPE or a CESA.
        start: its first day (the event that concluded it).
        end: the first day it no longer runs (exclusive), ``None`` while it runs.
    """

    kind: ContractKind
    start: date = attrs.field(validator=lambda _i, _a, v: check_date(v, field="contract.start"))
    end: date | None = None

    def __attrs_post_init__(self) -> None:
        if self.end is not None and check_date(self.end, field="contract.end") < self.start:
            raise InvalidPeriod("contract.end", self.end, f"is before the start {self.start}")

    @property
    def length(self) -> relativedelta:
        """Its length in months and days, *de quantième à quantième* (zero while it runs)."""
        return relativedelta() if self.end is None else relativedelta(self.end, self.start)


_OPENS = {EventKind.CONVENTION_SIGNED: ContractKind.CAPE, EventKind.EMPLOYED: ContractKind.CESA}
_CLOSES = frozenset({EventKind.EXITED, EventKind.RESIGNED, EventKind.EXCLUDED, EventKind.DIED})


def contracts(history: History) -> tuple[Contract, ...]:
    """Every CAPE and CESA a history records, in order.

    A CAPE runs from its ``CONVENTION_SIGNED`` event, a CESA from its ``EMPLOYED`` event, to the
    next contract's start or to the person's leaving (``EXITED``, ``RESIGNED``, ``EXCLUDED``,
    ``DIED``), whichever comes first; the last one may still run (``end`` is ``None``).
    """
    found: list[Contract] = []
    current: Contract | None = None
    for event in history.events:
        opens = _OPENS.get(event.kind)
        if current is not None and (opens is not None or event.kind in _CLOSES):
            found.append(attrs.evolve(current, end=event.date))
            current = None
        if opens is not None:
            current = Contract(opens, event.date)
    if current is not None:
        found.append(current)
    return tuple(found)


def prior_contracts(history: History, cesa_start: date) -> tuple[Contract, ...]:
    """The contracts between the same parties that ended before the CESA starting on ``cesa_start``.

    L7331-3 reduces the delay to become an associate, and L7332-1 the trial period, by the length
    of the CAPE *or any other contract* between the entrepreneur and the co-op that preceded the
    CESA: every earlier CAPE, and every earlier CESA that ended.
    """
    return tuple(
        c
        for c in contracts(history)
        if c.start < cesa_start and c.end is not None and c.end <= cesa_start
    )


def _total(lengths: Iterable[relativedelta]) -> relativedelta:
    return sum(lengths, relativedelta())


def prior_length(history: History, cesa_start: date) -> relativedelta:
    """The length of every contract before the CESA starting on ``cesa_start``, added up.

    Each contract's length is counted in months and days
    ([`Contract.length`][cooprules_adapters.fr.membership.Contract.length]); the months are added
    up, and the days (a day count is not a fraction of a month).
    """
    return _total(c.length for c in prior_contracts(history, cesa_start))


def cape_length(history: History, cesa_start: date) -> relativedelta:
    """The length of the CAPEs that preceded the CESA starting on ``cesa_start`` (zero if none).

    Only part of the reduction: an earlier CESA counts too
    ([`prior_length()`][cooprules_adapters.fr.membership.prior_length]).
    """
    return _total(
        c.length for c in prior_contracts(history, cesa_start) if c.kind is ContractKind.CAPE
    )


def _months_days(length: relativedelta) -> tuple[int, int]:
    return length.years * 12 + length.months, length.days


def _reduced(cesa_start: date, months: int, reduction: relativedelta) -> Accompaniment:
    reduction_months, reduction_days = _months_days(reduction)
    if reduction_months >= months:
        reduction_months, reduction_days = months, 0
    return Accompaniment(
        start=cesa_start,
        max_months=months,
        reduction_months=reduction_months,
        reduction_days=reduction_days,
    )


def associate_deadline(
    cesa_start: date,
    prior_contract: relativedelta | None = None,
    *,
    months: int = _ASSOCIATE_MONTHS,
) -> date:
    """The last day on which an entrepreneur-employee may become an associate (L7331-3).

    Three years (``months``) from the CESA's conclusion, reduced by the length of the earlier
    contracts between the parties
    ([`prior_length()`][cooprules_adapters.fr.membership.prior_length]); never before the CESA's
    first day.

    ```pycon
    >>> associate_deadline(date(2025, 1, 15), relativedelta(months=10))  # 26 months after
    datetime.date(2027, 3, 14)

    ```
    """
    return _reduced(cesa_start, months, prior_contract or relativedelta()).last_day


def trial_period_end(
    cesa_start: date,
    prior_contract: relativedelta | None = None,
    *,
    months: int = _TRIAL_MONTHS,
) -> date:
    """The last day a CESA's trial period may cover: 8 months less the earlier contracts (L7332-1).

    Never before the CESA's first day: earlier contracts of 8 months or more leave no trial.

    ```pycon
    >>> trial_period_end(date(2025, 1, 15))
    datetime.date(2025, 9, 14)

    ```
    """
    return _reduced(cesa_start, months, prior_contract or relativedelta()).last_day


def _length_text(length: relativedelta) -> Text:
    months, days = _months_days(length)
    return Text(
        "{months} months {days} days",
        months=months,
        days=days,
    )


def _last_day(contract: Contract) -> date | None:
    return None if contract.end is None else contract.end - timedelta(days=1)


def _contracts_step(prior: tuple[Contract, ...], total: relativedelta, citation: Citation) -> Step:
    return Step(
        what=Text("Earlier contracts between the parties, deducted"),
        inputs=tuple(
            (f"{c.kind.name} {c.start} – {_last_day(c)}", _length_text(c.length)) for c in prior
        ),
        result=_length_text(total),
        citation=citation,
    )


@attrs.frozen
class _Limit:
    """A limit counted from a CESA, less the earlier contracts (L7331-3, L7332-1)."""

    cesa: date
    months: int
    prior: tuple[Contract, ...]
    total: relativedelta
    period: Accompaniment

    @classmethod
    def of(cls, history: History, cesa: date, months: int) -> _Limit:
        prior = prior_contracts(history, cesa)
        total = _total(c.length for c in prior)
        return cls(cesa, months, prior, total, _reduced(cesa, months, total))

    @property
    def used_up(self) -> bool:
        """Whether the earlier contracts leave no time at all (the limit is the CESA's start)."""
        return self.period.base_end == self.period.start

    def explain(self, citation: Citation) -> Explanation:
        steps = self.period.explain(citation).steps
        if not self.prior:
            return Explanation(steps)
        return Explanation((_contracts_step(self.prior, self.total, citation), *steps))


_BECOME_ASSOCIATE = Text("become an associate of the co-operative")
_CESA_ENDS = Text("the CESA ends (Code du travail L7331-3)")


def _associate_limit(history: History, as_of: date, months: int) -> _Limit | None:
    cesa = history.last(EventKind.EMPLOYED, on_or_before=as_of)
    return None if cesa is None else _Limit.of(history, cesa.date, months)


def cae_obligations(
    history: History, as_of: date, *, months: int = _ASSOCIATE_MONTHS
) -> tuple[Obligation, ...]:
    """The obligations of an entrepreneur-employee on ``as_of``: become an associate in time.

    ``months`` is the law's delay (L7331-3: three years), less every earlier contract between
    the parties (an earlier CAPE, an earlier CESA that ended:
    [`prior_contracts()`][cooprules_adapters.fr.membership.prior_contracts]).
    """
    limit = _associate_limit(history, as_of, months)
    if limit is None:
        return ()
    admitted = next(
        (e for e in history.events if e.kind is EventKind.ADMITTED and e.date >= limit.cesa), None
    )
    return (
        Obligation(
            subject=history.subject,
            code="fr.cae.become_associate",
            what=_BECOME_ASSOCIATE,
            due=limit.period.last_day,
            consequence=_CESA_ENDS,
            citation=ASSOCIATE_DEADLINE,
            met_on=admitted.date if admitted is not None else None,
            explanation=partial(limit.explain, ASSOCIATE_DEADLINE),
        ),
    )


def _admitted_in_time(context: TransitionContext, *, months: int) -> Text | None:
    if context.source is not Status.ENTREPRENEUR_EMPLOYEE:
        return None
    for obligation in cae_obligations(context.history, context.event.date, months=months):
        if context.event.date > obligation.due:
            return Text(
                "the associate deadline {due} has passed: the CESA has ended",
                due=obligation.due,
            )
    return None


def _deadline_check(history: History, as_of: date, *, months: int) -> Iterable[Violation]:
    if status_at(history, as_of) is not Status.ENTREPRENEUR_EMPLOYEE:
        return ()
    limit = _associate_limit(history, as_of, months)
    if limit is None:
        return ()
    found = []
    if limit.used_up:
        length = _length_text(limit.total)
        found.append(
            Violation(
                code="fr.cae.associate_delay_used_up",
                severity=Severity.WARNING,
                subject=history.subject,
                message=Text(
                    "The earlier contracts with the co-op ({length}) use up the {months} months "
                    "to become an associate: the deadline is cut to the CESA's first day, {cesa}.",
                    length=length,
                    months=months,
                    cesa=limit.cesa,
                ),
                citation=ASSOCIATE_DEADLINE,
            )
        )
    due = limit.period.last_day
    if as_of > due:
        found.append(
            Violation(
                code="fr.cae.associate_deadline_passed",
                severity=Severity.ERROR,
                subject=history.subject,
                message=Text(
                    "Still an entrepreneur-employee after the associate deadline {due}: the CESA "
                    "has ended and must be recorded as such.",
                    due=due,
                ),
                citation=ASSOCIATE_DEADLINE,
            )
        )
    return tuple(found)


def _trial_message(trial_end: date, limit: _Limit) -> Text:
    last = trial_end - timedelta(days=1)
    length, months = _length_text(limit.total), limit.months
    opening = Text(
        "The trial period of the CESA of {cesa} runs to {last}; ",
        cesa=limit.cesa,
        last=last,
    )
    if limit.used_up:
        rest = Text(
            "the earlier contracts with the co-op ({length}) leave nothing of the {months} months "
            "a trial may last.",
            length=length,
            months=months,
        )
    else:
        rest = Text(
            "it may run at most to {last_day}: {months} months less the earlier contracts with "
            "the co-op ({length}).",
            last_day=limit.period.last_day,
            months=months,
            length=length,
        )
    return Text("{opening}{rest}", opening=opening, rest=rest)


def trial_violations(
    history: History, as_of: date, *, months: int = _TRIAL_MONTHS
) -> tuple[Violation, ...]:
    """Each CESA (up to ``as_of``) whose trial period runs past what L7332-1 allows.

    A CESA's trial period, renewal included, is recorded as the ``trial_end`` of its
    ``EMPLOYED`` event (exclusive). It may last at most ``months`` (eight), less every earlier
    contract between the parties
    ([`prior_length()`][cooprules_adapters.fr.membership.prior_length]), and never less than
    nothing: its end may not be later than
    [`trial_period_end()`][cooprules_adapters.fr.membership.trial_period_end] (the day after it). A
    longer trial is an error.
    """
    found = []
    for event in history.events:
        if event.date > as_of:
            break
        if event.kind is not EventKind.EMPLOYED or event.trial_end is None:
            continue
        limit = _Limit.of(history, event.date, months)
        if event.trial_end > limit.period.end:
            found.append(
                Violation(
                    code="fr.cae.trial_period_too_long",
                    severity=Severity.ERROR,
                    subject=history.subject,
                    message=_trial_message(event.trial_end, limit),
                    citation=TRIAL_PERIOD,
                )
            )
    return tuple(found)


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
            Text("employee associate (associé salarié)"),
            SCOP_MIN_EMPLOYEE_ASSOCIATES,
        ),
        Category(
            "external",
            Text("non-employee associate (associé extérieur)"),
            SCOP_MIN_EMPLOYEE_ASSOCIATES,
        ),
    ),
)
"""SCOP associates: employee associates and, where the statutes admit them, external ones."""

SCIC_MEMBERSHIP = MembershipRules(
    transitions=SCOP_MEMBERSHIP.transitions,
    categories=(
        Category("employee", Text("employees"), SCIC_CATEGORIES),
        Category(
            "beneficiary",
            Text("beneficiaries (users, customers)"),
            SCIC_CATEGORIES,
        ),
        Category("producer", Text("producers"), SCIC_CATEGORIES),
        Category(
            "other",
            Text("other contributors (volunteers, public bodies, supporters)"),
            SCIC_CATEGORIES,
        ),
    ),
)
"""SCIC associates by category (1947 art. 19 septies)."""


def _cae_rules(months: int, trial_months: int, categories: tuple[Category, ...]) -> MembershipRules:
    """A CAE's membership rules: the associate deadline (L7331-3) and the trial period (L7332-1).

    ``months`` and ``trial_months`` are the law's figures (three years, eight months).
    """
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
        checks=(
            partial(_deadline_check, months=months),
            partial(trial_violations, months=trial_months),
        ),
        obligations=partial(cae_obligations, months=months),
        reads_law=partial(_cae_rules_of, categories=categories),
    )


def _cae_rules_of(rules: Rules, *, categories: tuple[Category, ...]) -> MembershipRules:
    """A CAE's membership rules with the deadline and the trial period in force on that date."""
    return _cae_rules(
        rules.require(AccompanimentKeys.associate_deadline_months).value,
        rules.require(AccompanimentKeys.trial_max_months).value,
        categories,
    )


CAE_MEMBERSHIP: Final = _cae_rules(_ASSOCIATE_MONTHS, _TRIAL_MONTHS, SCOP_MEMBERSHIP.categories)
"""A CAE: CAPE, CESA, then associate within three years (less the earlier contracts), or the CESA
ends; a CESA's trial period of eight months at most (less the earlier contracts)."""

CAE_SCIC_MEMBERSHIP: Final = _cae_rules(
    _ASSOCIATE_MONTHS, _TRIAL_MONTHS, SCIC_MEMBERSHIP.categories
)
"""A CAE in SCIC form: the CAE path, with the SCIC's categories of associates."""


def scop_minimum_violations(
    members: Iterable[Member], as_of: date, company_form: str, *, rules: Rules | None = None
) -> tuple[Violation, ...]:
    """Check the minimum number of employee associates of a SCOP (1978 art. 5).

    Two for a SARL or an SAS, seven for an SA; below it for more than a year, the commercial court
    may dissolve the co-op at the request of any interested party: a warning, not a nullity. The
    minimums are the law file's (``company.min_employee_associates``, and
    ``fr.min_employee_associates_sa`` for an SA): the versions of ``rules`` (bound on a date) when
    given, else the versions in force; the warning cites the one applied.

    Raises:
        InvalidInput: a company form other than SARL, SAS or SA.
        InvalidParameter: ``rules`` have no such minimum on their date.
    """
    form = company_form.upper()
    if form not in _MIN_EMPLOYEE_ASSOCIATES:
        raise InvalidInput("company_form", company_form, "expected SARL, SAS or SA")
    key = _MIN_EMPLOYEE_ASSOCIATES[form]
    least = rules.require(key) if rules is not None else LAW.latest("fr-scop", key)
    minimum = least.value
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
                "{count} employee associate(s); a SCOP in {form} form needs at least {minimum}. "
                "Below it for more than a year, the court may dissolve it.",
                count=count,
                form=form,
                minimum=minimum,
            ),
            citation=least.citation,
        ),
    )


# --- a path across co-ops: a CAPE elsewhere counts towards the CESA's delay -----------------


def _is_cape(earlier: Earlier, cesa_start: date) -> bool:
    """A CAPE, concluded under French law, that ended before the CESA started."""
    spell = earlier.spell
    return (
        earlier.jurisdiction == "FR"
        and spell.status is Status.CANDIDATE_ENTREPRENEUR
        and spell.end is not None
        and spell.end <= cesa_start
    )


def cae_carry_over(
    regime: Regime, history: History, earlier: Sequence[Earlier], until: date
) -> tuple[CarriedOver, ...]:
    """A CAPE held with another structure shortens the delay to become an associate (L7331-3).

    L7331-3 reduces the three years "by the duration of any prior CAPE (Code de commerce L127-1)
    or any other contract between the parties". The contracts with this CAE itself are already
    deducted by its own rules
    ([`prior_contracts()`][cooprules_adapters.fr.membership.prior_contracts]); this rule adds
    the CAPEs the person held in *another* French co-op before this CESA (a status
    ``candidate_entrepreneur`` under a French regime: a CAPE). Any other contract counts only
    between the same parties, so time in a co-op of another country, or under another status,
    counts for nothing. The delay is the law file's version in force on the CESA's first day.
    """
    cesa = history.last(EventKind.EMPLOYED, on_or_before=until)
    if cesa is None:
        return ()
    capes = tuple(e for e in earlier if _is_cape(e, cesa.date))
    if not capes:
        return ()
    months = regime.value(AccompanimentKeys.associate_deadline_months, cesa.date)
    if months is None:  # pragma: no cover - the law file sets the three years
        return ()
    own = _Limit.of(history, cesa.date, months)
    elsewhere = _total(relativedelta(e.spell.end, e.spell.start) for e in capes if e.spell.end)
    reduced = _reduced(cesa.date, months, own.total + elsewhere)
    steps = (
        carried_steps(
            capes,
            _length_text(elsewhere),
            ASSOCIATE_DEADLINE,
            lambda spell: _length_text(relativedelta(spell.end, spell.start)),
        ),
        *own.explain(ASSOCIATE_DEADLINE).steps,
        Step(
            what=Text("Deadline with the CAPEs held elsewhere deducted as well"),
            inputs={
                "CESA": cesa.date,
                "months": months,
                "earlier contracts in this co-op": _length_text(own.total),
                "CAPEs elsewhere": _length_text(elsewhere),
            },
            result=reduced.last_day,
            citation=ASSOCIATE_DEADLINE,
        ),
    )
    return (
        CarriedOver(
            code="fr.cae.become_associate",
            what=_BECOME_ASSOCIATE,
            counted=capes,
            reduction=_length_text(elsewhere),
            due_without=own.period.last_day,
            due_with=reduced.last_day,
            citation=ASSOCIATE_DEADLINE,
            explanation=Explanation(steps),
        ),
    )


CAE_CARRY_OVER: Final = CarryOverRules(
    counts=Text(
        "a CAPE (Code de commerce L127-1) held before the CESA shortens the delay to become an "
        "associate by its length"
    ),
    citation=ASSOCIATE_DEADLINE,
    carry=cae_carry_over,
)
"""A CAE's rule on a person's earlier time in other co-ops: a CAPE counts (L7331-3); the law
forbids no membership elsewhere at the same time."""
