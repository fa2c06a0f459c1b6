"""The chart of accounts of XX, a rule set of the regime: the journal and the ledger book on it.

The accounting plug-in of cooprules books a regime's results on the `ChartOfAccounts` the
regime carries among its rules (`cooprules_adapters.accounting.chart_of()`); without one, a
jurisdiction it does not know gets no journal. `XX_CHART` gives an account to every role the
booking functions use, each citing the annex of the (fictional) Accounting Decree of XX: one
account may serve several roles, as the year's result does for every allocation.

```pycon
>>> from cooprules_adapters.accounting import Role
>>> XX_CHART.reserve("legal_reserve").label, XX_CHART.account(Role.INTEREST_PAYABLE).label
('120 Réserve légale', '450 Membres – intérêts à payer')
>>> XX_CHART.reserve("general_reserve").ledger_name(XX_CHART.jurisdiction)
'Equity:XX:130-GeneralReserve'

```
"""

from __future__ import annotations

from typing import Final

from cooprules.explain import Text
from cooprules_adapters.accounting import Account, AccountType, ChartOfAccounts, Role

from cooprules_example_xx.sources import LAW

__all__ = ["DECREE", "XX_CHART"]

DECREE: Final = LAW.citation("decree-annex")
"""The annex of the Accounting Decree of XX: the accounts a co-operative keeps."""

A, L, E, INC, EXP = (
    AccountType.ASSETS,
    AccountType.LIABILITIES,
    AccountType.EQUITY,
    AccountType.INCOME,
    AccountType.EXPENSES,
)


def _account(code: str, en: str, fr: str, kind: AccountType, **kept: bool) -> Account:
    return Account(code, Text(en=en, fr=fr), kind, citation=DECREE, **kept)


_RESULT = _account("140", "Result to allocate", "Résultat à affecter", E)
_GENERAL = _account("130", "General reserve", "Réserve générale", E)
_MEMBERS = _account(
    "455", "Members, amounts payable", "Membres – sommes à payer", L, per_member=True
)

XX_CHART: Final = ChartOfAccounts(
    jurisdiction="XX",
    name=Text(en="Chart of accounts of XX", fr="Plan comptable de XX"),
    citation=DECREE,
    accounts={
        Role.BANK: _account("510", "Bank", "Banque", A),
        Role.RESERVE_ALLOCATION_DEBIT: _RESULT,
        Role.INTEREST_DEBIT: _RESULT,
        Role.REFUND_DEBIT: _RESULT,
        Role.WORKER_SHARE_DEBIT: _RESULT,
        Role.INTEREST_PAYABLE: _account(
            "450", "Members, interest payable", "Membres – intérêts à payer", L, per_member=True
        ),
        Role.REFUND_PAYABLE: _MEMBERS,
        Role.WORKER_SHARE_PAYABLE: _MEMBERS,
        Role.MEMBER_DISTRIBUTION_PAYABLE: _MEMBERS,
        Role.CAPITAL: _account(
            "100", "Members' capital", "Capital des membres", E, per_member=True
        ),
        Role.CAPITAL_RECEIVABLE: _account(
            "410",
            "Members, capital not paid up",
            "Membres – capital non libéré",
            A,
            per_member=True,
        ),
        Role.REDEMPTION_PAYABLE: _account(
            "456", "Members, capital to repay", "Membres – capital à rembourser", L, per_member=True
        ),
        Role.LOSS: _account("141", "Loss for the year", "Perte de l'exercice", E),
        Role.DEFAULT_RESERVE: _GENERAL,
        Role.LIQUIDATION_BALANCE: _GENERAL,
        Role.ACTIVITY_TREASURY: _account(
            "511", "Activity treasuries", "Trésoreries des activités", A, per_activity=True
        ),
        Role.ACTIVITY_REVENUE: _account(
            "710", "Revenue of the activities", "Recettes des activités", INC, per_activity=True
        ),
        Role.ACTIVITY_COSTS: _account(
            "610",
            "Direct costs of the activities",
            "Charges directes des activités",
            EXP,
            per_activity=True,
        ),
        Role.ACTIVITY_CONTRIBUTION: _account(
            "620",
            "Contribution to the co-operative",
            "Contribution à la coopérative",
            EXP,
            per_activity=True,
        ),
        Role.ACTIVITY_POOLED_COSTS: _account(
            "630", "Pooled costs charged", "Frais mutualisés imputés", EXP, per_activity=True
        ),
        Role.SALARIES: _account("640", "Salaries", "Salaires", EXP, per_activity=True),
        Role.EMPLOYER_CHARGES: _account(
            "645", "Employer charges", "Charges patronales", EXP, per_activity=True
        ),
        Role.OPENING_BALANCES: _account("890", "Opening balances", "Bilan d'ouverture", E),
        Role.LOSS_CARRIED_FORWARD: _account("142", "Loss carried forward", "Perte reportée", E),
        Role.CONTRIBUTIONS: _account(
            "700", "Contributions of the activities", "Contributions des activités", INC
        ),
        Role.POOLED_COSTS_RECOVERED: _account(
            "790", "Pooled costs recovered", "Frais mutualisés refacturés", INC
        ),
        Role.DEBTS: _account("400", "Suppliers", "Fournisseurs", L),
        Role.DEVOLUTION_PAYABLE: _account(
            "470", "Liquidation balance to devolve", "Boni à dévoluer", L
        ),
    },
    reserves={
        "legal_reserve": _account("120", "Legal reserve", "Réserve légale", E),
        "general_reserve": _GENERAL,
    },
)
"""The accounts of an XX co-operative, for every role and reserve the booking functions use."""
