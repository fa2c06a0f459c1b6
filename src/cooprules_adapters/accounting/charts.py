"""Charts of accounts as data: one per jurisdiction, each account with its citation.

A [`ChartOfAccounts`][cooprules_adapters.accounting.charts.ChartOfAccounts] maps the *roles* the
booking functions need (the bank, the reserve that receives an allocation, the interest payable to
members, the capital…) to an [`Account`][cooprules_adapters.accounting.charts.Account]: its number,
its name in French and English, its type (which side of the balance sheet or the income statement it
belongs to) and whether it is kept per member or per activity. Reserves are mapped by the code the
surplus engine gives them (``"legal_reserve"``).

The account numbers are those of the national charts (France: the *plan comptable général*;
Belgium: the *plan comptable minimum normalisé*). They are **recalled, not read in a retrieved
source** (no source quoting the charts was retrieved): every citation is tagged ``MEM`` and a
co-op overrides any account in its configuration with
[`ChartOfAccounts.with_overrides()`][cooprules_adapters.accounting.charts.ChartOfAccounts.with_overrides].
Quebec has no national chart: its accounts carry the names the Cooperatives Act uses.

```pycon
>>> chart = chart_for("FR")
>>> chart.account(Role.RESERVE_ALLOCATION_DEBIT).label
'120 Résultat de l’exercice (bénéfice)'
>>> chart.reserve("legal_reserve").label
'1061 Réserve légale'
>>> mine = chart.with_overrides({"reserve:development_fund": Account(
...     "1068", Text(en="Other reserves", fr="Autres réserves"), AccountType.EQUITY)})
>>> mine.reserve("development_fund").label
'1068 Autres réserves'

```
"""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Final

import attrs

from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Confidence, Text

if TYPE_CHECKING:
    from cooprules.regime import Regime

__all__ = [
    "ACTIVITY_ROLES",
    "BE_PCMN",
    "CHARTS",
    "FR_PCG",
    "QC_CHART",
    "Account",
    "AccountType",
    "ChartOfAccounts",
    "Role",
    "chart_for",
    "chart_of",
    "ledger_component",
    "ledger_id",
]


class AccountType(enum.Enum):
    """Where an account sits: the five roots of a double-entry ledger (beancount's names)."""

    ASSETS = "Assets"
    LIABILITIES = "Liabilities"
    EQUITY = "Equity"
    INCOME = "Income"
    EXPENSES = "Expenses"


class Role(enum.Enum):
    """What an account is used for by the booking functions."""

    BANK = "bank"
    """The co-op's bank account: cash in and out."""
    RESERVE_ALLOCATION_DEBIT = "reserve_allocation_debit"
    """Debited when surplus goes to a reserve (France: the year's result; Belgium: 692)."""
    INTEREST_DEBIT = "interest_debit"
    """Debited for interest on shares (France: the year's result; Belgium: 694)."""
    REFUND_DEBIT = "refund_debit"
    """Debited for patronage refunds (France: the year's result; Belgium: 697)."""
    WORKER_SHARE_DEBIT = "worker_share_debit"
    """Debited for the worker share (France: 691 participation; Belgium: 696)."""
    INTEREST_PAYABLE = "interest_payable"
    """Interest on shares owed to each member (France 457, Belgium 471)."""
    REFUND_PAYABLE = "refund_payable"
    """Refunds owed to each member in cash."""
    WORKER_SHARE_PAYABLE = "worker_share_payable"
    """The worker share owed to each worker."""
    CAPITAL = "capital"
    """Each member's subscribed capital (equity)."""
    CAPITAL_RECEIVABLE = "capital_receivable"
    """Capital subscribed but not yet paid up, owed by each member."""
    REDEMPTION_PAYABLE = "redemption_payable"
    """Capital to repay to each leaving member (a debt, never revenue)."""
    LOSS = "loss"
    """The year's loss, credited when reserves absorb it."""
    DEFAULT_RESERVE = "default_reserve"
    """The reserve used for a reserve code the chart does not map."""
    INDIVISIBLE_RESERVE = "indivisible_reserve"
    """Optional: where an indivisible reserve goes instead of `DEFAULT_RESERVE`'s account,
    when that one is a reserve members may receive (Belgium: 131 unavailable reserves, never 133
    available reserves). A chart without it books indivisible reserves like the others."""
    MEMBER_DISTRIBUTION_PAYABLE = "member_distribution_payable"
    """What members receive from a reserve where the regime allows it."""
    ACTIVITY_TREASURY = "activity_treasury"
    """Each activity's treasury: the co-op's cash earmarked for the activity (an asset, one per
    activity): revenue comes in, its costs, levy, pooled costs and pay go out."""
    CONTRIBUTIONS = "contributions"
    """The co-op's income from the activities' contributions (levies)."""
    POOLED_COSTS_RECOVERED = "pooled_costs_recovered"
    """The co-op's pooled costs charged back to the activities."""
    DEBTS = "debts"
    """Creditors, paid first at liquidation."""
    LIQUIDATION_BALANCE = "liquidation_balance"
    """The equity that makes the liquidation balance (*boni*), devolved or shared."""
    DEVOLUTION_PAYABLE = "devolution_payable"
    """The liquidation balance owed to the beneficiary the regime names."""
    ACTIVITY_REVENUE = "activity_revenue"
    """Optional: each activity's revenue (income, one per activity)."""
    ACTIVITY_COSTS = "activity_costs"
    """Optional: each activity's direct costs (an expense, one per activity)."""
    ACTIVITY_CONTRIBUTION = "activity_contribution"
    """Optional: the levy as each activity's expense (the co-op's side is `CONTRIBUTIONS`)."""
    ACTIVITY_POOLED_COSTS = "activity_pooled_costs"
    """Optional: the pooled costs charged to each activity (the co-op's side is
    [`POOLED_COSTS_RECOVERED`][cooprules_adapters.accounting.charts.Role.POOLED_COSTS_RECOVERED])."""
    SALARIES = "salaries"
    """Optional: the gross pay of each activity's entrepreneur-employee (an expense)."""
    EMPLOYER_CHARGES = "employer_charges"
    """Optional: the employer charges on that pay (an expense, one per activity)."""
    LOSS_CARRIED_FORWARD = "loss_carried_forward"
    """Optional: the loss no reserve absorbed, carried forward (France: 119; Belgium: 141)."""
    LOSS_TO_CARRY_FORWARD = "loss_to_carry_forward"
    """Optional: credited when a loss is carried forward (Belgium: 793 perte à reporter); a chart
    without it credits [`LOSS`][cooprules_adapters.accounting.charts.Role.LOSS]."""
    OPENING_BALANCES = "opening_balances"
    """Optional: the equity that balances the opening entries (beancount's
    ``Equity:Opening-Balances``): the balances brought forward from the previous year."""


_RESERVE_PREFIX: Final = "reserve:"
ACTIVITY_ROLES: Final = (
    Role.ACTIVITY_REVENUE,
    Role.ACTIVITY_COSTS,
    Role.ACTIVITY_CONTRIBUTION,
    Role.ACTIVITY_POOLED_COSTS,
    Role.SALARIES,
    Role.EMPLOYER_CHARGES,
)
"""The optional roles of each activity's own accounts (with `Role.ACTIVITY_TREASURY`)."""
_OPTIONAL_ROLES: Final = frozenset(
    {
        Role.INDIVISIBLE_RESERVE,
        Role.OPENING_BALANCES,
        Role.LOSS_CARRIED_FORWARD,
        Role.LOSS_TO_CARRY_FORWARD,
        *ACTIVITY_ROLES,
    }
)


@attrs.frozen
class Account:
    """One account of a chart.

    Attributes:
        code: the number in the national chart (``"1061"``), or ``""`` where there is none.
        name: the account's name in English and French.
        type: its root in the ledger.
        per_member: kept per member (a sub-account for each member in the ledger).
        per_activity: kept per activity (a sub-account tree for each activity).
        citation: where the number and the name come from.
    """

    code: str
    name: Text
    type: AccountType = attrs.field(validator=attrs.validators.instance_of(AccountType))
    per_member: bool = False
    per_activity: bool = False
    citation: Citation | None = None

    @property
    def label(self) -> str:
        """The name used in postings: ``"1061 Réserve légale"`` (the number, then the name)."""
        return f"{self.code} {self.name.fr}" if self.code else self.name.fr

    def ledger_name(self, jurisdiction: str) -> str:
        """The ledger account (beancount syntax): ``"Equity:FR:1061-LegalReserve"``."""
        leaf = ledger_component(f"{self.code}-{self.name.en}" if self.code else self.name.en)
        return f"{self.type.value}:{ledger_component(jurisdiction)}:{leaf}"


def ledger_component(text: str) -> str:
    """Turn text into one ledger account component: ASCII letters, digits and dashes, capitalised.

    ```pycon
    >>> ledger_component("act-7"), ledger_component("Réserve légale"), ledger_component("ana")
    ('Act-7', 'ReserveLegale', 'Ana')

    ```
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = [w for w in re.split(r"[^A-Za-z0-9-]+", ascii_text) if w]
    joined = "".join(w[0].upper() + w[1:] for w in words).strip("-")
    if not joined:
        raise InvalidInput("account", text, "gives no letter or digit for a ledger account name")
    return joined[0].upper() + joined[1:]


_SIMPLE_ID: Final = re.compile(r"[a-z0-9][a-z0-9-]*\Z")


def ledger_id(text: str) -> str:
    """One ledger account component for a member's or an activity's id, distinct for distinct ids.

    An id of lower-case ASCII letters, digits and dashes (the usual ``"ana"``, ``"act-7"``) only
    has its first letter capitalised. Any other id (capitals, spaces, accents…) is made readable
    and followed by ``-H`` and ten hexadecimal digits of its SHA-256: a simple id never gives a
    capital letter after the first, so the two kinds never meet, and two other ids would need the
    same digest.

    ```pycon
    >>> ledger_id("ben-1"), ledger_id("Ben-1")
    ('Ben-1', 'Ben-1-H1EFE39C7A1')
    >>> ledger_id("a b"), ledger_id("é-1"), ledger_id("e-1")
    ('AB-HC8687A08AA', 'E-1-HAC09CCC36D', 'E-1')

    ```
    """
    if _SIMPLE_ID.match(text):
        return text[0].upper() + text[1:]
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    readable = ledger_component(text) if re.search(r"[A-Za-z0-9]", ascii_text) else "Id"
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10].upper()
    return f"{readable}-H{digest}"


def _check_role_key(key: str) -> None:
    if key.startswith(_RESERVE_PREFIX):
        return
    try:
        Role(key)
    except ValueError:
        known = sorted(r.value for r in Role)
        raise InvalidInput(
            "chart.overrides", key, f"not a role ({known}) nor 'reserve:<code>'"
        ) from None


def _roles(value: Mapping[Role, Account]) -> Mapping[Role, Account]:
    return MappingProxyType(dict(value))


def _reserves(value: Mapping[str, Account]) -> Mapping[str, Account]:
    return MappingProxyType(dict(value))


@attrs.frozen
class ChartOfAccounts:
    """A jurisdiction's accounts for each role, plus one account per reserve code.

    It is also a regime's rule set: a plug-in puts its chart in ``Regime.rules`` and the
    accounting hook books that regime's results on it (see
    [`chart_of()`][cooprules_adapters.accounting.charts.chart_of]), so a third party's jurisdiction
    gets a journal and a ledger exactly as ours do. Like every rule set it is frozen and hashable
    (the hash is the chart's identity: jurisdiction, name and citation).

    Attributes:
        jurisdiction: ``"FR"``, ``"BE"``, ``"CA-QC"``.
        name: what the chart is, in English and French.
        citation: the instrument that sets the chart.
        accounts: the account for each role
            ([`Role.INDIVISIBLE_RESERVE`][cooprules_adapters.accounting.charts.Role.INDIVISIBLE_RESERVE]
            is optional).
        reserves: the account for each reserve code of the surplus and reserve engines.
    """

    jurisdiction: str
    name: Text
    citation: Citation
    accounts: Mapping[Role, Account] = attrs.field(converter=_roles, hash=False)
    reserves: Mapping[str, Account] = attrs.field(converter=_reserves, hash=False)

    def __attrs_post_init__(self) -> None:
        missing = sorted(
            r.value for r in Role if r not in self.accounts and r not in _OPTIONAL_ROLES
        )
        if missing:
            raise InvalidInput(f"chart[{self.jurisdiction}]", missing, "roles without an account")

    def account(self, role: Role) -> Account:
        """The account for ``role``.

        Raises:
            InvalidInput: the chart has no account for ``role`` (an optional role: a year that
                books an activity's revenue, pay or opening balances needs it).
        """
        try:
            return self.accounts[role]
        except KeyError:
            raise InvalidInput(
                f"chart[{self.jurisdiction}].accounts",
                role.value,
                "the chart has no account for this role, which the year books: add one "
                "(ChartOfAccounts.with_overrides)",
            ) from None

    def has(self, role: Role) -> bool:
        """Whether the chart has an account for ``role`` (every required role is there)."""
        return role in self.accounts

    def reserve(self, code: str, *, indivisible: bool = False) -> Account:
        """The account of reserve ``code`` (the default reserve when the chart does not map it).

        An ``indivisible`` reserve (one the regime never lets members receive) is never booked on
        the default reserve's account, the reserve members may receive, when the chart has an
        account for
        [`Role.INDIVISIBLE_RESERVE`][cooprules_adapters.accounting.charts.Role.INDIVISIBLE_RESERVE]:
        it goes there instead.

        ```pycon
        >>> BE_PCMN.reserve("reserves").label, BE_PCMN.reserve("reserves", indivisible=True).label
        ('133 Réserves disponibles', '131 Réserves indisponibles')
        >>> BE_PCMN.reserve("legal_reserve", indivisible=True).label
        '130 Réserve légale'

        ```
        """
        default = self.accounts[Role.DEFAULT_RESERVE]
        account = self.reserves.get(code, default)
        if indivisible and account == default:
            return self.accounts.get(Role.INDIVISIBLE_RESERVE, account)
        return account

    def with_overrides(self, overrides: Mapping[str | Role, Account]) -> ChartOfAccounts:
        """A copy where some accounts are replaced (a co-op's statutes or configuration).

        Args:
            overrides: by role (a [`Role`][cooprules_adapters.accounting.charts.Role] or its value,
                ``"bank"``) or by reserve (``"reserve:<code>"``).

        Raises:
            InvalidInput: a key that is neither a role nor a reserve, or a value that is not an
                [`Account`][cooprules_adapters.accounting.charts.Account].
        """
        accounts = dict(self.accounts)
        reserves = dict(self.reserves)
        for key, account in overrides.items():
            name = key.value if isinstance(key, Role) else key
            _check_role_key(name)
            if not isinstance(account, Account):
                raise InvalidInput(f"chart.overrides[{name}]", account, "expected an Account")
            if name.startswith(_RESERVE_PREFIX):
                reserves[name.removeprefix(_RESERVE_PREFIX)] = account
            else:
                accounts[Role(name)] = account
        return attrs.evolve(self, accounts=accounts, reserves=reserves)

    def all_accounts(self) -> tuple[Account, ...]:
        """Every account of the chart, roles first, without repeats."""
        seen: dict[Account, None] = {}
        for account in (*self.accounts.values(), *self.reserves.values()):
            seen.setdefault(account, None)
        return tuple(seen)

    def by_label(self) -> dict[str, Account]:
        """Every account by its posting label."""
        return {account.label: account for account in self.all_accounts()}


# ---------------------------------------------------------------------------------------------
# France: plan comptable général
# ---------------------------------------------------------------------------------------------

A, L, E, INC, EXP = (
    AccountType.ASSETS,
    AccountType.LIABILITIES,
    AccountType.EQUITY,
    AccountType.INCOME,
    AccountType.EXPENSES,
)

PCG: Final = Citation(
    "Règlement ANC n° 2014-03 relatif au plan comptable général",
    "art. 932-1 (liste des comptes)",
    "FR",
    Confidence.MEM,
    "https://www.anc.gouv.fr/normes-francaises/recueils",
    "account numbers recalled, not read in a retrieved source: verify, override if needed",
)
PCG_PRACTICE: Final = attrs.evolve(
    PCG,
    article="no dedicated account: practice",
    title="a CAE's choice of a general account for an analytical purpose; override if needed",
)


def _fr(code: str, name: Text, kind: AccountType, **kwargs: bool) -> Account:
    return Account(code, name, kind, citation=PCG, **kwargs)


_FR_RESULT = _fr("120", Text("Profit for the year"), E)
_FR_OTHER_RESERVES = _fr("1068", Text("Other reserves"), E)
_FR_STATUTORY = _fr("1063", Text("Statutory reserves"), E)

FR_PCG: Final = ChartOfAccounts(
    jurisdiction="FR",
    name=Text("French general chart of accounts (PCG)"),
    citation=PCG,
    accounts={
        Role.BANK: _fr("512", Text("Bank"), A),
        Role.RESERVE_ALLOCATION_DEBIT: _FR_RESULT,
        Role.INTEREST_DEBIT: _FR_RESULT,
        Role.REFUND_DEBIT: _FR_RESULT,
        Role.WORKER_SHARE_DEBIT: _fr("691", Text("Employee profit-sharing"), EXP),
        Role.INTEREST_PAYABLE: _fr("457", Text("Members, dividends payable"), L, per_member=True),
        Role.REFUND_PAYABLE: _fr("455", Text("Members, current accounts"), L, per_member=True),
        Role.WORKER_SHARE_PAYABLE: _fr(
            "4246",
            Text("Employee profit-sharing, special reserve"),
            L,
            per_member=True,
        ),
        Role.CAPITAL: _fr("1013", Text("Share capital", context="fr-chart"), E, per_member=True),
        Role.CAPITAL_RECEIVABLE: _fr(
            "4562",
            Text("Members, capital subscribed not paid up"),
            A,
            per_member=True,
        ),
        Role.REDEMPTION_PAYABLE: _fr(
            "4567",
            Text("Members, capital to repay"),
            L,
            per_member=True,
        ),
        Role.LOSS: _fr("129", Text("Loss for the year"), E),
        Role.DEFAULT_RESERVE: _FR_OTHER_RESERVES,
        Role.MEMBER_DISTRIBUTION_PAYABLE: _fr(
            "4551",
            Text("Members, amounts payable"),
            L,
            per_member=True,
        ),
        Role.ACTIVITY_TREASURY: Account(
            "5121",
            Text("Activity treasuries"),
            A,
            per_activity=True,
            citation=PCG_PRACTICE,
        ),
        Role.ACTIVITY_REVENUE: Account(
            "7061",
            Text("Services of the activities"),
            INC,
            per_activity=True,
            citation=PCG_PRACTICE,
        ),
        Role.ACTIVITY_COSTS: _fr(
            "604",
            Text("Purchases of services"),
            EXP,
            per_activity=True,
        ),
        Role.ACTIVITY_CONTRIBUTION: Account(
            "6281",
            Text("Contribution to the co-operative", context="fr-chart"),
            EXP,
            per_activity=True,
            citation=PCG_PRACTICE,
        ),
        Role.ACTIVITY_POOLED_COSTS: Account(
            "6288",
            Text("Pooled costs charged", context="fr-chart"),
            EXP,
            per_activity=True,
            citation=PCG_PRACTICE,
        ),
        Role.SALARIES: _fr("641", Text("Staff pay"), EXP, per_activity=True),
        Role.EMPLOYER_CHARGES: _fr(
            "645",
            Text("Social security charges"),
            EXP,
            per_activity=True,
        ),
        Role.OPENING_BALANCES: _fr("890", Text("Opening balance sheet"), E),
        Role.LOSS_CARRIED_FORWARD: _fr("119", Text("Retained earnings (debit)"), E),
        Role.CONTRIBUTIONS: _fr(
            "706", Text("Contributions of the activities", context="fr-chart"), INC
        ),
        Role.POOLED_COSTS_RECOVERED: _fr("791", Text("Operating costs transferred"), INC),
        Role.DEBTS: _fr("401", Text("Suppliers"), L),
        Role.LIQUIDATION_BALANCE: _FR_OTHER_RESERVES,
        Role.DEVOLUTION_PAYABLE: _fr("467", Text("Other creditors"), L),
    },
    reserves={
        "legal_reserve": _fr("1061", Text("Legal reserve"), E),
        "development_fund": _FR_STATUTORY,
        "statutory_reserve": _FR_STATUTORY,
        "other_reserves": _FR_OTHER_RESERVES,
    },
)

# ---------------------------------------------------------------------------------------------
# Belgium: plan comptable minimum normalisé
# ---------------------------------------------------------------------------------------------

PCMN: Final = Citation(
    "Arrêté royal du 12 septembre 1983 déterminant la teneur et la présentation d'un plan "
    "comptable minimum normalisé (PCMN)",
    "annexe (classes 1 à 7)",
    "BE",
    Confidence.MEM,
    None,
    "account numbers recalled, not read in a retrieved source: verify, override if needed",
)


PCMN_PRACTICE: Final = attrs.evolve(
    PCMN,
    article="no dedicated account: practice",
    title="a co-op's choice of a general account for an analytical purpose; override if needed",
)


def _be(code: str, name: Text, kind: AccountType, **kwargs: bool) -> Account:
    return Account(code, name, kind, citation=PCMN, **kwargs)


_BE_AVAILABLE = _be("133", Text("Available reserves"), E)
_BE_UNAVAILABLE = _be("131", Text("Unavailable reserves"), E)
_BE_OTHER_ALLOCATEES = _be("473", Text("Other allocatees"), L, per_member=True)

BE_PCMN: Final = ChartOfAccounts(
    jurisdiction="BE",
    name=Text("Belgian minimum standard chart of accounts (PCMN)"),
    citation=PCMN,
    accounts={
        Role.BANK: _be("550", Text("Credit institutions"), A),
        Role.RESERVE_ALLOCATION_DEBIT: _be("692", Text("Allocation to reserves"), EXP),
        Role.INTEREST_DEBIT: _be("694", Text("Return on capital"), EXP),
        Role.REFUND_DEBIT: _be("697", Text("Other allocatees"), EXP),
        Role.WORKER_SHARE_DEBIT: _be("696", Text("Employees"), EXP),
        Role.INTEREST_PAYABLE: _be("471", Text("Dividends for the year"), L, per_member=True),
        Role.REFUND_PAYABLE: _BE_OTHER_ALLOCATEES,
        Role.WORKER_SHARE_PAYABLE: _BE_OTHER_ALLOCATEES,
        Role.CAPITAL: _be("100", Text("Subscribed capital"), E, per_member=True),
        Role.CAPITAL_RECEIVABLE: _be("101", Text("Uncalled capital"), E, per_member=True),
        Role.REDEMPTION_PAYABLE: _be("489", Text("Other sundry debts"), L, per_member=True),
        Role.LOSS: _be("792", Text("Withdrawal from reserves"), INC),
        Role.DEFAULT_RESERVE: _BE_AVAILABLE,
        Role.INDIVISIBLE_RESERVE: _BE_UNAVAILABLE,
        Role.MEMBER_DISTRIBUTION_PAYABLE: _BE_OTHER_ALLOCATEES,
        Role.ACTIVITY_TREASURY: Account(
            "551",
            Text("Activity treasuries"),
            A,
            per_activity=True,
            citation=PCMN_PRACTICE,
        ),
        Role.ACTIVITY_REVENUE: _be(
            "705",
            Text("Services of the activities"),
            INC,
            per_activity=True,
        ),
        Role.ACTIVITY_COSTS: _be(
            "611",
            Text("Services and other goods of the activities"),
            EXP,
            per_activity=True,
        ),
        Role.ACTIVITY_CONTRIBUTION: Account(
            "613",
            Text("Contribution to the co-operative", context="be-chart"),
            EXP,
            per_activity=True,
            citation=PCMN_PRACTICE,
        ),
        Role.ACTIVITY_POOLED_COSTS: Account(
            "614",
            Text("Pooled costs charged", context="be-chart"),
            EXP,
            per_activity=True,
            citation=PCMN_PRACTICE,
        ),
        Role.SALARIES: _be(
            "620",
            Text("Remuneration and direct social benefits"),
            EXP,
            per_activity=True,
        ),
        Role.EMPLOYER_CHARGES: _be(
            "621",
            Text("Employer's social security contributions"),
            EXP,
            per_activity=True,
        ),
        Role.OPENING_BALANCES: Account(
            "",
            Text("Opening balances", context="be-chart"),
            E,
            citation=PCMN_PRACTICE,
        ),
        Role.LOSS_CARRIED_FORWARD: _be("141", Text("Loss carried forward", context="be-chart"), E),
        Role.LOSS_TO_CARRY_FORWARD: _be("793", Text("Loss to carry forward"), INC),
        Role.CONTRIBUTIONS: _be("700", Text("Turnover: contributions"), INC),
        Role.POOLED_COSTS_RECOVERED: _be("743", Text("Sundry operating income"), INC),
        Role.DEBTS: _be("440", Text("Suppliers"), L),
        Role.LIQUIDATION_BALANCE: _BE_AVAILABLE,
        Role.DEVOLUTION_PAYABLE: _be(
            "4890", Text("Liquidation balance to devolve", context="be-chart"), L
        ),
    },
    reserves={
        "legal_reserve": _be("130", Text("Legal reserve"), E),
        "unavailable_equity": _BE_UNAVAILABLE,
        "social_purpose": _BE_UNAVAILABLE,
        "reserves": _BE_AVAILABLE,
    },
)

# ---------------------------------------------------------------------------------------------
# Quebec: no national chart; statute-level names
# ---------------------------------------------------------------------------------------------

QC_ACT: Final = Citation(
    "Loi sur les coopératives (RLRQ c C-67.2)",
    "ss. 143-146 (surplus, reserve, refunds, interest on shares)",
    "CA-QC",
    Confidence.MEM,
    "https://www.legisquebec.gouv.qc.ca/fr/document/lc/C-67.2",
    "no national chart of accounts: names follow the Act's vocabulary; override freely",
)


def _qc(name: Text, kind: AccountType, **kwargs: bool) -> Account:
    return Account("", name, kind, citation=QC_ACT, **kwargs)


_QC_SURPLUS = _qc(Text("Surplus for the year"), E)
_QC_RESERVE = _qc(Text("Reserve"), E)

QC_CHART: Final = ChartOfAccounts(
    jurisdiction="CA-QC",
    name=Text("Quebec co-operative accounts (Cooperatives Act names)"),
    citation=QC_ACT,
    accounts={
        Role.BANK: _qc(Text("Cash"), A),
        Role.RESERVE_ALLOCATION_DEBIT: _QC_SURPLUS,
        Role.INTEREST_DEBIT: _QC_SURPLUS,
        Role.REFUND_DEBIT: _QC_SURPLUS,
        Role.WORKER_SHARE_DEBIT: _QC_SURPLUS,
        Role.INTEREST_PAYABLE: _qc(Text("Interest on shares payable"), L, per_member=True),
        Role.REFUND_PAYABLE: _qc(Text("Refunds payable"), L, per_member=True),
        Role.WORKER_SHARE_PAYABLE: _qc(Text("Refunds to workers payable"), L, per_member=True),
        Role.CAPITAL: _qc(Text("Share capital", context="qc-chart"), E, per_member=True),
        Role.CAPITAL_RECEIVABLE: _qc(Text("Shares subscribed unpaid"), A, per_member=True),
        Role.REDEMPTION_PAYABLE: _qc(Text("Shares to repay"), L, per_member=True),
        Role.LOSS: _qc(Text("Deficit for the year"), E),
        Role.DEFAULT_RESERVE: _QC_RESERVE,
        Role.MEMBER_DISTRIBUTION_PAYABLE: _qc(
            Text("Amounts payable to members"), L, per_member=True
        ),
        Role.ACTIVITY_TREASURY: _qc(Text("Activity treasuries"), A, per_activity=True),
        Role.ACTIVITY_REVENUE: _qc(Text("Revenue of the activities"), INC, per_activity=True),
        Role.ACTIVITY_COSTS: _qc(Text("Direct costs of the activities"), EXP, per_activity=True),
        Role.ACTIVITY_CONTRIBUTION: _qc(
            Text("Contribution to the co-operative", context="qc-chart"),
            EXP,
            per_activity=True,
        ),
        Role.ACTIVITY_POOLED_COSTS: _qc(Text("Shared costs charged"), EXP, per_activity=True),
        Role.SALARIES: _qc(Text("Salaries"), EXP, per_activity=True),
        Role.EMPLOYER_CHARGES: _qc(Text("Employer contributions"), EXP, per_activity=True),
        Role.OPENING_BALANCES: _qc(Text("Opening balances", context="qc-chart"), E),
        Role.LOSS_CARRIED_FORWARD: _qc(Text("Deficit carried forward"), E),
        Role.CONTRIBUTIONS: _qc(Text("Contributions of the activities", context="qc-chart"), INC),
        Role.POOLED_COSTS_RECOVERED: _qc(Text("Pooled costs recovered"), INC),
        Role.DEBTS: _qc(Text("Accounts payable"), L),
        Role.LIQUIDATION_BALANCE: _QC_RESERVE,
        Role.DEVOLUTION_PAYABLE: _qc(Text("Liquidation balance to devolve", context="qc-chart"), L),
    },
    reserves={"reserve": _QC_RESERVE},
)

CHARTS: Final[Mapping[str, ChartOfAccounts]] = MappingProxyType(
    {"FR": FR_PCG, "BE": BE_PCMN, "CA-QC": QC_CHART}
)
"""The built-in charts by jurisdiction."""


def chart_for(jurisdiction: str) -> ChartOfAccounts:
    """The built-in chart of a jurisdiction (``"FR"``, ``"BE"``, ``"CA-QC"``).

    Raises:
        InvalidInput: no chart for that jurisdiction.
    """
    try:
        return CHARTS[jurisdiction]
    except KeyError:
        raise InvalidInput(
            "jurisdiction", jurisdiction, f"no chart; charts: {sorted(CHARTS)}"
        ) from None


def chart_of(
    regime: Regime, charts: Mapping[str, ChartOfAccounts] = CHARTS
) -> ChartOfAccounts | None:
    """The chart a regime's results are booked on: its own, else its jurisdiction's.

    A regime carries its own chart as a rule set (looked up through the regimes it extends, see
    [`rule_set()`][cooprules.regime.Regime.rule_set]): that is how a third party's jurisdiction
    brings its accounts. Otherwise the chart of ``charts`` (the built-in ones by default) for the
    regime's jurisdiction applies.

    ```pycon
    >>> from cooprules import get_regime
    >>> chart_of(get_regime("be-cnc")) is BE_PCMN
    True

    ```

    Returns:
        The chart, or ``None`` when the regime has none and ``charts`` none for its jurisdiction.
    """
    own = regime.rule_set(ChartOfAccounts)
    return own if own is not None else charts.get(regime.jurisdiction)
