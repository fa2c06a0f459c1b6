"""A Belgian employment co-op (*coopérative d'emploi*): its entrepreneurs are its employees.

Belgian law has no statute of its own for an employment co-op, as far as the sources found go: DiES
groups "coopératives d'emploi" whose entrepreneurs are employees and may become co-owners
(shareholders), with no text specific to them. Such a co-op is therefore a *société coopérative*
of the CSA (Book 6) whose entrepreneurs work under an ordinary employment contract; the regime
``be-employment`` extends the CSA base regime and adds two rule sets:

* **membership**
  ([`EMPLOYMENT_MEMBERSHIP`][cooprules_adapters.be.employment.EMPLOYMENT_MEMBERSHIP]): the
  CSA's shareholder life (admission, resignation in the first six months of the financial year
  by default, exclusion, death) from
  [`csa_rules()`][cooprules_adapters.be.membership.csa_rules], plus the employment: a person
  (an applicant, a former candidate entrepreneur of a coopérative d'activités, or someone who left
  before) is ``employed`` and becomes an *entrepreneur-employee*; they may then be admitted as a
  shareholder (``admitted``: a member, still paid) or leave (``exited``: the employment contract
  ends) or die;
* **payroll** ([`EMPLOYMENT_PAYROLL`][cooprules_adapters.be.employment.EMPLOYMENT_PAYROLL]): a
  salary under the employment contract out of the activity, its social contributions (ONSS/RSZ)
  being the law file's ``be.employer_contribution_rate`` and ``be.employee_contribution_rate``.
  No source found gives a figure for them: the law file declares both as uncertain, with
  no value, and the payroll plug-in computes the contributions only with the rates the co-op
  gives with their source (``rates_source`` of the scenario's ``[[payroll]]``). No salary is paid
  to someone who is not (or no longer) employed.

An employment co-op holding an accreditation (CNC, social enterprise) is not a regime of its own
yet: the accreditation's vote and dividend caps would apply on top (see ``docs/architecture.md``).

References:
    * Code des sociétés et des associations, Book 6 (société coopérative), art. 6:120, 6:126.
    * economiesociale.be, "DiES : entrepreneur solitaire cherche solutions solidaires" (the
      coopératives d'emploi of DiES, secondary source).
    * Loi du 3 juillet 1978 relative aux contrats de travail (recalled, not found in a source).
    * Loi du 27 juin 1969 (ONSS/RSZ contributions; no source found gives the rates).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from cooprules.membership import EventKind, MembershipRules, Status, graph
from cooprules.payroll import PayrollKind, PayrollRules
from cooprules_adapters.be.membership import RESIGNATION_WINDOW_MONTHS, csa_rules
from cooprules_adapters.be.sources import LAW, Keys

if TYPE_CHECKING:
    from cooprules.regime import Rules

__all__ = [
    "EMPLOYMENT_CONTRACT",
    "EMPLOYMENT_COOP",
    "EMPLOYMENT_MEMBERSHIP",
    "EMPLOYMENT_PAYROLL",
    "PAID_STATUSES",
    "employment_rules",
]

EMPLOYMENT_COOP: Final = LAW.citation("csa-book-6-employment-coop")
"""A co-op whose entrepreneurs are its employees: a CSA société coopérative (DiES, SRC-2)."""
EMPLOYMENT_CONTRACT: Final = LAW.citation("loi-1978-employment-contract")
"""The employment contract the entrepreneur-employee works under (recalled: MEM)."""

_EMPLOYMENT_GRAPH: Final = graph(
    {
        Status.NONE: [EventKind.EMPLOYED],
        Status.APPLICANT: [EventKind.EMPLOYED],
        Status.ENTREPRENEUR_EMPLOYEE: [EventKind.ADMITTED, EventKind.EXITED, EventKind.DIED],
        Status.EXITED: [EventKind.EMPLOYED],
        Status.RESIGNED: [EventKind.EMPLOYED],
    },
    citations={
        (Status.NONE, EventKind.EMPLOYED): EMPLOYMENT_CONTRACT,
        (Status.APPLICANT, EventKind.EMPLOYED): EMPLOYMENT_CONTRACT,
        (Status.EXITED, EventKind.EMPLOYED): EMPLOYMENT_CONTRACT,
        (Status.RESIGNED, EventKind.EMPLOYED): EMPLOYMENT_CONTRACT,
        (Status.ENTREPRENEUR_EMPLOYEE, EventKind.EXITED): EMPLOYMENT_CONTRACT,
    },
    citation=EMPLOYMENT_COOP,
)


def employment_rules(window: int | None = RESIGNATION_WINDOW_MONTHS) -> MembershipRules:
    """The employment co-op's membership rules: the CSA's, plus the employment's transitions.

    Args:
        window: resignations are allowed only in this many first months of the financial year
            (the CSA default, the law file's ``be.resignation_window_months``); ``None`` or 12:
            any time.

    Raises:
        InvalidInput: a window that is not a whole number of months from 1 to 12.
    """
    csa = csa_rules(resignation_window_months=window)
    return attrs.evolve(
        csa,
        transitions=(*csa.transitions, *_EMPLOYMENT_GRAPH),
        reads_law=_employment_rules_of,
    )


def _employment_rules_of(rules: Rules) -> MembershipRules:
    """The rules with the resignation window of ``rules``: the statutes', else the law's."""
    return employment_rules(rules.get(Keys.resignation_window_months).value)


EMPLOYMENT_MEMBERSHIP: Final = employment_rules()
"""The employment co-op's membership rules with the CSA defaults; bound to a co-op's statutes
on a date, the resignation window is the statutes' ``be.resignation_window_months``."""

PAID_STATUSES: Final = frozenset(
    {Status.ENTREPRENEUR_EMPLOYEE, Status.MEMBER, Status.SUSPENDED},
)
"""The statuses in which a salary may be paid: an entrepreneur-employee, also once a
shareholder (a member, or a member whose rights are suspended)."""

EMPLOYMENT_PAYROLL: Final = PayrollRules(
    PayrollKind.EMPLOYEE_SALARY,
    EMPLOYMENT_CONTRACT,
    unpaid=tuple((status, EMPLOYMENT_CONTRACT) for status in Status if status not in PAID_STATUSES),
    employer_rate=Keys.employer_contribution_rate,
    employee_rate=Keys.employee_contribution_rate,
)
"""A salary under the employment contract out of the activity, its contributions at the law
file's rates (none verified: the co-op's rates with their source); no salary before the
employment starts or after it ends."""
