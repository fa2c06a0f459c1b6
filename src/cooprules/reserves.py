"""Reserves: accounts, dated movements, what indivisible reserves refuse, roll-forward, liquidation.

A co-operative's reserves are accounts ([`ReserveAccount`][cooprules.reserves.ReserveAccount]), some
of them **indivisible**: never shared among the members, not even at liquidation. A
[`ReserveLedger`][cooprules.reserves.ReserveLedger] records dated
[`Movement`][cooprules.reserves.Movement] values on them:

* in: ``ALLOCATION`` of surplus, ``DEVOLUTION_RECEIVED`` from another co-op's liquidation;
* out: ``LOSS_ABSORPTION``, and the kinds an indivisible reserve refuses: ``DISTRIBUTION`` to
  members, ``REPAYMENT`` to a leaving member, ``INCORPORATION`` into capital.

What a reserve refuses is the regime's, given as data
([`ReserveRules`][cooprules.reserves.ReserveRules], with the article of each refusal); the
ready-made rule sets are in the plug-ins (``cooprules_adapters.be.reserves``, ``...fr.reserves``,
``...qc.reserves``). [`apply()`][cooprules.reserves.apply] adds a movement and raises
[`RefusedMovement`][cooprules.reserves.RefusedMovement] when the rules refuse it;
[`check_movements()`][cooprules.reserves.check_movements] checks a recorded ledger and returns the
same findings as violations.

[`absorb_loss()`][cooprules.reserves.absorb_loss] charges a year's loss to reserves in the order the
regime sets ([`ReserveRules.loss_order()`][cooprules.reserves.ReserveRules.loss_order]: Quebec's
enhancement reserve first, s.149.3). [`roll_forward()`][cooprules.reserves.roll_forward] gives each
reserve's opening balance, movements and closing balance over a period (opening + movements =
closing, to the cent), and [`liquidate()`][cooprules.reserves.liquidate] pays the debts, then the
paid-up capital (at most at nominal, pro rata when short), then, where the regime has one
([`ToRecentMembers`][cooprules.reserves.ToRecentMembers]), a reserve owed to the persons who were
members in the last financial years, pro rata of their business (Quebec's enhancement reserve,
s.185), and devolves the rest to the beneficiary the regime names, never to the members (unless the
regime lets them share it).

Same-day order: movements of one day are applied inflows first (``ALLOCATION``,
``DEVOLUTION_RECEIVED``), then ``LOSS_ABSORPTION``, ``INCORPORATION``, ``DISTRIBUTION``,
``REPAYMENT``, and within one kind by ascending ``id``; balances "on" a date are end-of-day.

```pycon
>>> from datetime import date
>>> from cooprules.explain import Citation
>>> from cooprules.money import money, format_amount
>>> eur = lambda text: money(text, "EUR")
>>> law = Citation("Act", "s. 147", "XX")
>>> rules = ReserveRules(
...     Text(en="demo", fr="démo"),
...     refused=[Refusal(MovementKind.DISTRIBUTION, law,
...                      Text(en="not shareable", fr="impartageable"))],
...     liquidation=LiquidationRule(law, Text(en="another co-op", fr="une autre coopérative")),
... )
>>> reserve = ReserveAccount("general", Text(en="Reserve", fr="Réserve"), indivisible=True)
>>> ledger = ReserveLedger("EUR", [reserve])
>>> ledger = apply(ledger, Movement("m1", "general", MovementKind.ALLOCATION, date(2025, 6, 30),
...                                 eur("1000.00")), rules)
>>> format_amount(ledger.balance("general", date(2025, 12, 31)))
'1000.00 EUR'
>>> apply(ledger, Movement("m2", "general", MovementKind.DISTRIBUTION, date(2026, 1, 5),
...                        eur("100.00")), rules)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
cooprules.reserves.RefusedMovement: movements[m2]: reserve 'general' refuses distribution: ...

```
"""

from __future__ import annotations

import datetime as dt
import enum
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from fractions import Fraction

import attrs
from dateutil.relativedelta import relativedelta
from moneyed import Money

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidAmount, InvalidInput
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import (
    Rate,
    Weight,
    allocate,
    currency_of,
    format_amount,
    from_minor_units,
    to_decimal,
    to_fraction,
    to_minor_units,
    zero,
)
from cooprules.periods import Period, check_date
from cooprules.regime import FromLaw, Rules, known

__all__ = [
    "IncorporationLimit",
    "InsufficientReserve",
    "Liquidation",
    "LiquidationRule",
    "Movement",
    "MovementKind",
    "Refusal",
    "RefusedMovement",
    "ReserveAccount",
    "ReserveLedger",
    "ReserveRules",
    "RollForward",
    "ToRecentMembers",
    "UnknownReserve",
    "absorb_loss",
    "apply",
    "check_movements",
    "liquidate",
    "reconcile",
    "roll_forward",
]


# ---------------------------------------------------------------------------------------------
# Movements and accounts
# ---------------------------------------------------------------------------------------------


class MovementKind(enum.Enum):
    """What a movement does to a reserve (the declaration order is the same-day order)."""

    ALLOCATION = "allocation"
    """Surplus allocated to the reserve (in)."""
    DEVOLUTION_RECEIVED = "devolution_received"
    """Assets devolved by another co-op on its liquidation (in; Quebec s. 146.1)."""
    LOSS_ABSORPTION = "loss_absorption"
    """A loss (deficit) charged to the reserve (out)."""
    INCORPORATION = "incorporation"
    """Reserve incorporated into capital: higher nominal values or free shares (out)."""
    DISTRIBUTION = "distribution"
    """Reserve distributed to the members (out)."""
    REPAYMENT = "repayment"
    """Reserve paid to a leaving member on top of their shares (out)."""

    @property
    def sign(self) -> int:
        """+1 for an inflow, -1 for an outflow."""
        return 1 if self in _INFLOWS else -1

    @property
    def rank(self) -> int:
        """The position of this kind in the same-day order."""
        return _RANK[self]


_INFLOWS = frozenset({MovementKind.ALLOCATION, MovementKind.DEVOLUTION_RECEIVED})
_RANK = {kind: position for position, kind in enumerate(MovementKind)}


class RefusedMovement(InvalidInput):
    """The regime's rules refuse a movement on a reserve.

    Attributes:
        reserve: the reserve's code.
        movement: the movement refused.
        citation: the rule that refuses it.
    """

    def __init__(self, reserve: str, movement: Movement, reason: Text, citation: Citation) -> None:
        self.reserve = reserve
        self.movement = movement
        self.citation = citation
        super().__init__(
            f"movements[{movement.id}]",
            movement.kind.value,
            f"reserve {reserve!r} refuses {movement.kind.value}: {reason.en} ({citation.short()})",
        )


class UnknownReserve(InvalidInput, LookupError):
    """A movement names a reserve the ledger does not declare."""


class InsufficientReserve(InvalidInput):
    """An outflow would take a reserve below zero."""


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(attribute.name, value, "must be non-empty text")


@attrs.frozen
class ReserveAccount:
    """A reserve account.

    Attributes:
        code: the account's identifier (``"legal"``, ``"development_fund"``).
        name: its name, in English and French.
        indivisible: never shared among members, even at liquidation.
        citation: what makes it a reserve of this kind (the law, or the co-op's statutes).
    """

    code: str = attrs.field(validator=_non_empty)
    name: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    indivisible: bool = attrs.field(validator=attrs.validators.instance_of(bool))
    citation: Citation | None = None


def _check_amount(field: str, value: object, *, positive: bool) -> Money:
    if not isinstance(value, Money):
        to_decimal(value, field=field)  # a float, a bool, NaN... gets the precise message
        raise InvalidAmount(field, value, "expected a Money; build it with cooprules.money.money")
    units = to_minor_units(value, field=field)
    if units < 0 or (positive and units == 0):
        what = "positive" if positive else "not negative"
        raise InvalidAmount(field, format_amount(value), f"must be {what}")
    return value


@attrs.frozen
class Movement:
    """A dated movement on one reserve.

    Attributes:
        id: unique in the ledger; orders movements of the same kind on the same day.
        reserve: the reserve's code.
        kind: what the movement does.
        date: the day it takes effect.
        amount: a positive amount; the kind says whether it comes in or goes out.
        note: free text (the general meeting's decision, the devolving co-op).
    """

    id: str = attrs.field(validator=_non_empty)
    reserve: str = attrs.field(validator=_non_empty)
    kind: MovementKind = attrs.field(validator=attrs.validators.instance_of(MovementKind))
    date: dt.date = attrs.field(
        validator=lambda _i, _a, v: check_date(v, field="movement.date"),
    )
    amount: Money = attrs.field()
    note: str = ""

    @amount.validator
    def _check(self, _attribute: attrs.Attribute[Money], value: Money) -> None:
        _check_amount(f"movements[{self.id}].amount", value, positive=True)

    @property
    def order_key(self) -> tuple[dt.date, int, str]:
        """The key that orders movements: date, then kind, then id."""
        return (self.date, self.kind.rank, self.id)

    def signed_units(self) -> int:
        """The amount in minor units, negative for an outflow."""
        return self.kind.sign * to_minor_units(self.amount)


# ---------------------------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Refusal:
    """A kind of movement the regime refuses on indivisible reserves (or on every reserve).

    Attributes:
        kind: the movement kind refused.
        citation: the rule.
        message: why, in English and French.
        all_reserves: refused on every reserve, not only the indivisible ones (a SCOP may not
            incorporate any reserve into capital).
    """

    kind: MovementKind = attrs.field(validator=attrs.validators.instance_of(MovementKind))
    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    message: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    all_reserves: bool = False


@attrs.frozen
class IncorporationLimit:
    """When and how much reserve may be incorporated into capital (France: loi 1947 art. 16).

    Incorporation needs the statutes' authorisation. The first incorporation is at most
    ``first_max`` of the reserve at the close of the previous financial year; each later one at
    most ``later_max`` of the increase of the reserve between the previous incorporation and that
    close. The limit is applied reserve by reserve ([interpretation]: art. 16 speaks of "the
    reserves available").

    A plug-in writes each share as the parameter it is ([`FromLaw`][cooprules.regime.FromLaw]): the
    limit is then read from the law when the rule set is bound (``rules.rule_set(ReserveRules)``),
    citing the parameter of ``first_max``; [`apply()`][cooprules.reserves.apply] refuses an unbound
    one.

    Attributes:
        first_max: the share of the reserve the first incorporation may take.
        later_max: the share of the increase a later incorporation may take.
        citation: the rule (a figure read from the law brings its own).
    """

    first_max: Rate | FromLaw[Rate]
    later_max: Rate | FromLaw[Rate]
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("first_max", "later_max"):
            value = getattr(self, name)
            if not isinstance(value, Rate | FromLaw):
                raise InvalidInput(f"incorporation.{name}", value, "a Rate, or FromLaw(key)")
        if self.citation is None and not self.reads_law:
            raise InvalidInput(
                "incorporation.citation", None, "a limit cites the rule that sets it"
            )

    @property
    def reads_law(self) -> bool:
        """Some share is the law's, to be read when the rules are bound."""
        return isinstance(self.first_max, FromLaw) or isinstance(self.later_max, FromLaw)

    def bound(self, rules: Rules) -> IncorporationLimit | None:
        """This limit with its shares read from ``rules`` (``None``: the law has none that day)."""
        if not self.reads_law:
            return self
        shares: list[Rate] = []
        citation = self.citation
        for figure in (self.first_max, self.later_max):
            if not isinstance(figure, FromLaw):
                shares.append(figure)
                continue
            found = rules.get(figure.key)
            if found.value is None or found.citation is None:
                return None
            shares.append(found.value)
            citation = citation or found.citation
        return IncorporationLimit(shares[0], shares[1], citation)

    def shares(self) -> tuple[Rate, Rate, Citation]:
        """The two shares and the citation.

        Raises:
            InvalidInput: a share is still the law's to read: bind the rules first.
        """
        first, later = self.first_max, self.later_max
        if isinstance(first, FromLaw) or isinstance(later, FromLaw) or self.citation is None:
            raise InvalidInput(
                "rules",
                "incorporation",
                "the incorporation limits are the law's figures: bind the rules to the date "
                "first (bind(regime, statutes, as_of=...).rule_set(ReserveRules))",
            )
        return first, later, self.citation


def _years(
    _instance: object, attribute: attrs.Attribute[int | FromLaw[int]], value: object
) -> None:
    if isinstance(value, FromLaw):
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidInput(attribute.name, value, "a number of financial years, at least 1")


@attrs.frozen
class ToRecentMembers:
    """A reserve paid out on winding-up to recent members, pro rata of their business.

    Quebec's enhancement reserve (*réserve de valorisation*, s.185): after the debts and the
    amounts paid on the shares, its balance goes to the persons who were members during the
    financial years before the winding-up vote, pro rata of the business each did with the
    co-op in those years. It is never devolved with the indivisible reserves.

    Attributes:
        reserve: the reserve's code.
        years: how many financial years before the vote count, or the parameter it is
            ([`FromLaw`][cooprules.regime.FromLaw], read when the rule set is bound).
        citation: the rule (a figure read from the law brings its own).
        name: the reserve's name, in English and French.
    """

    reserve: str = attrs.field(validator=_non_empty)
    years: int | FromLaw[int] = attrs.field(validator=_years)
    citation: Citation | None = None
    name: Text = attrs.field(factory=lambda: Text("reserve to recent members"))

    def bound(self, rules: Rules) -> ToRecentMembers:
        """This rule with its number of years read from ``rules`` (see `FromLaw`)."""
        if not isinstance(self.years, FromLaw):
            return self
        found = rules.require(self.years.key)
        return attrs.evolve(self, years=found.value, citation=found.citation)


@attrs.frozen
class LiquidationRule:
    """Where the balance goes once the debts and the paid-up capital are paid.

    Attributes:
        citation: the rule.
        beneficiaries: who may receive the balance, in English and French.
        balance_to_members: the members share the balance (a Belgian co-op without the social
            enterprise accreditation, CSA 6:40 by default); otherwise it is devolved and never
            paid to a member.
        to_recent_members: a reserve paid, before the devolution, to the persons who were members
            in the last financial years (Quebec's enhancement reserve, s.185), if the regime has
            one.
    """

    citation: Citation = attrs.field(validator=attrs.validators.instance_of(Citation))
    beneficiaries: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    balance_to_members: bool = False
    to_recent_members: ToRecentMembers | None = None

    def bound(self, rules: Rules) -> LiquidationRule:
        """This rule with its figures read from ``rules``."""
        if self.to_recent_members is None:
            return self
        return attrs.evolve(self, to_recent_members=self.to_recent_members.bound(rules))


def _codes(values: Iterable[str]) -> tuple[str, ...]:
    if isinstance(values, str):
        raise InvalidInput("charged_first", values, "a sequence of reserve codes, not one text")
    return tuple(values)


def _refusals(values: Iterable[Refusal]) -> tuple[Refusal, ...]:
    return tuple(values)


@attrs.frozen
class ReserveRules:
    """A regime's rules on reserves, as data.

    Attributes:
        name: the rule set's name, in English and French.
        liquidation: where the liquidation balance goes.
        refused: the movement kinds refused on indivisible reserves (or on all, see
            [`Refusal`][cooprules.reserves.Refusal]), with their citations.
        incorporation: the limits on incorporating reserves into capital, when the regime
            allows it with the statutes' authorisation; ``None`` when it sets none.
        devolution_to_indivisible: devolutions received must go to an indivisible reserve
            (Quebec s. 146.1), or ``None``.
        roll_forward: the rule that the reserve is the allocations less the deficits (Quebec
            s. 145), cited by `roll_forward()` and [`reconcile()`][cooprules.reserves.reconcile].
        charged_first: the reserves a loss is charged to before any other, in order (Quebec:
            the enhancement reserve, s.149.3); see
            [`loss_order()`][cooprules.reserves.ReserveRules.loss_order].
        charged_first_citation: the rule that sets that order.
    """

    name: Text = attrs.field(validator=attrs.validators.instance_of(Text))
    liquidation: LiquidationRule = attrs.field(
        validator=attrs.validators.instance_of(LiquidationRule)
    )
    refused: tuple[Refusal, ...] = attrs.field(default=(), converter=_refusals)
    incorporation: IncorporationLimit | None = None
    devolution_to_indivisible: Citation | None = None
    roll_forward: Citation | None = None
    charged_first: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    charged_first_citation: Citation | None = None

    def loss_order(self, reserves: Iterable[str]) -> tuple[str, ...]:
        """The order to charge a loss to ``reserves``: `charged_first` first, then the rest.

        ```pycon
        >>> from cooprules.explain import Citation
        >>> law = Citation("Act", "s. 149.3", "XX")
        >>> rules = ReserveRules(Text(en="demo", fr="démo"),
        ...                      LiquidationRule(law, Text(en="x", fr="x")),
        ...                      charged_first=("enhancement",), charged_first_citation=law)
        >>> rules.loss_order(["reserve", "enhancement"])
        ('enhancement', 'reserve')

        ```
        """
        given = tuple(reserves)
        return (
            *(r for r in self.charged_first if r in given),
            *(r for r in given if r not in self.charged_first),
        )

    def bound(self, rules: Rules) -> ReserveRules:
        """These rules with their figures read from ``rules``.

        The figures are the liquidation's years and the limits on incorporation.
        """
        liquidation = self.liquidation.bound(rules)
        limit = self.incorporation
        incorporation = limit.bound(rules) if limit is not None else None
        if liquidation is self.liquidation and incorporation is limit:
            return self
        return attrs.evolve(self, liquidation=liquidation, incorporation=incorporation)

    def refusal(self, kind: MovementKind, account: ReserveAccount) -> Refusal | None:
        """The refusal that applies to a movement of ``kind`` on ``account``, if any."""
        for refusal in self.refused:
            if refusal.kind is kind and (account.indivisible or refusal.all_reserves):
                return refusal
        return None


# ---------------------------------------------------------------------------------------------
# The ledger
# ---------------------------------------------------------------------------------------------


def _accounts(values: Iterable[ReserveAccount]) -> tuple[ReserveAccount, ...]:
    return tuple(values)


def _movements(values: Iterable[Movement]) -> tuple[Movement, ...]:
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, Movement):
            raise InvalidInput(f"movements[{index}]", item, "expected a Movement")
    return tuple(sorted(items, key=lambda m: m.order_key))


def _check_currency_code(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    currency_of(value, field="ledger.currency")


@attrs.frozen
class ReserveLedger:
    """The reserve accounts of a co-operative and the movements recorded on them.

    The ledger checks the arithmetic (a declared reserve, one currency, unique ids, no balance
    below zero); whether the regime allows a movement is [`apply()`][cooprules.reserves.apply]'s and
    [`check_movements()`][cooprules.reserves.check_movements]' job.

    Attributes:
        currency: the ISO 4217 code of every amount.
        accounts: the reserve accounts.
        movements: the movements, in canonical order (date, kind, id).

    Raises:
        DuplicateId: two accounts with one code, or two movements with one id.
        UnknownReserve: a movement on an undeclared reserve.
        CurrencyMismatch: a movement in another currency.
        InsufficientReserve: an outflow larger than the reserve's balance.
    """

    currency: str = attrs.field(validator=_check_currency_code)
    accounts: tuple[ReserveAccount, ...] = attrs.field(converter=_accounts)
    movements: tuple[Movement, ...] = attrs.field(factory=tuple, converter=_movements)
    _dates: dict[str, list[date]] = attrs.field(init=False, repr=False, eq=False)
    _balances: dict[str, list[int]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        code = currency_of(self.currency).code
        dates: dict[str, list[date]] = {}
        balances: dict[str, list[int]] = {}
        for index, account in enumerate(self.accounts):
            if not isinstance(account, ReserveAccount):
                raise InvalidInput(f"accounts[{index}]", account, "expected a ReserveAccount")
            if account.code in dates:
                raise DuplicateId("accounts", account.code, "two reserves share a code")
            dates[account.code], balances[account.code] = [], []
        seen: set[str] = set()
        for movement in self.movements:
            where = f"movements[{movement.id}]"
            if movement.id in seen:
                raise DuplicateId("movements", movement.id, "two movements share an id")
            seen.add(movement.id)
            if movement.reserve not in dates:
                raise UnknownReserve(
                    f"{where}.reserve", movement.reserve, f"declared: {sorted(dates)}"
                )
            if movement.amount.currency.code != code:
                raise CurrencyMismatch(
                    f"{where}.amount", movement.amount.currency.code, f"the ledger is in {code}"
                )
            key_dates, key_balances = dates[movement.reserve], balances[movement.reserve]
            balance = (key_balances[-1] if key_balances else 0) + movement.signed_units()
            if balance < 0:
                raise InsufficientReserve(
                    f"{where}.amount",
                    format_amount(movement.amount),
                    f"reserve {movement.reserve!r} would fall below zero on "
                    f"{movement.date.isoformat()}",
                )
            if key_dates and key_dates[-1] == movement.date:
                key_balances[-1] = balance
            else:
                key_dates.append(movement.date)
                key_balances.append(balance)
        object.__setattr__(self, "_dates", dates)
        object.__setattr__(self, "_balances", balances)

    def account(self, code: str) -> ReserveAccount:
        """Return the reserve with ``code``.

        Raises:
            UnknownReserve: no such reserve.
        """
        for account in self.accounts:
            if account.code == code:
                return account
        raise UnknownReserve("reserve", code, f"declared: {sorted(self._dates)}")

    def _units(self, code: str, on: date) -> int:
        if code not in self._dates:
            raise UnknownReserve("reserve", code, f"declared: {sorted(self._dates)}")
        index = bisect_right(self._dates[code], on)
        return self._balances[code][index - 1] if index else 0

    def balance(self, code: str, on: date) -> Money:
        """The balance of reserve ``code`` at the end of ``on``."""
        check_date(on, field="on")
        return from_minor_units(self._units(code, on), self.currency)

    def balances(self, on: date) -> dict[str, Money]:
        """Every reserve's balance at the end of ``on``, in account order."""
        return {account.code: self.balance(account.code, on) for account in self.accounts}

    def total(self, on: date, *, indivisible: bool | None = None) -> Money:
        """The total of the reserves at the end of ``on`` (only (in)divisible ones if asked)."""
        check_date(on, field="on")
        units = sum(
            self._units(account.code, on)
            for account in self.accounts
            if indivisible is None or account.indivisible is indivisible
        )
        return from_minor_units(units, self.currency)

    def with_movement(self, movement: Movement) -> ReserveLedger:
        """A new ledger with ``movement`` recorded (arithmetic checks only; see `apply()`)."""
        return ReserveLedger(self.currency, self.accounts, (*self.movements, movement))


# ---------------------------------------------------------------------------------------------
# Applying and checking movements
# ---------------------------------------------------------------------------------------------


def _year_start(day: date, month: int) -> date:
    start = date(day.year, month, 1)
    return start if start <= day else date(day.year - 1, month, 1)


def _judge(
    ledger: ReserveLedger,
    movement: Movement,
    rules: ReserveRules,
    *,
    statutes_allow_incorporation: bool,
    fiscal_year_start_month: int,
) -> tuple[Text, Citation] | None:
    """Why the rules refuse ``movement`` given the movements before it in ``ledger``, if they do."""
    account = ledger.account(movement.reserve)
    refusal = rules.refusal(movement.kind, account)
    if refusal is not None:
        return refusal.message, refusal.citation
    if (
        movement.kind is MovementKind.DEVOLUTION_RECEIVED
        and rules.devolution_to_indivisible is not None
        and not account.indivisible
    ):
        return (
            Text("sums devolved by another co-operative go to an indivisible reserve"),
            rules.devolution_to_indivisible,
        )
    if movement.kind is MovementKind.INCORPORATION and rules.incorporation is not None:
        return _incorporation(
            ledger,
            movement,
            rules.incorporation,
            statutes_allow_incorporation,
            fiscal_year_start_month,
        )
    return None


def _incorporation(
    ledger: ReserveLedger,
    movement: Movement,
    limit: IncorporationLimit,
    allowed: bool,  # noqa: FBT001 - private helper
    month: int,
) -> tuple[Text, Citation] | None:
    first_max, later_max, citation = limit.shares()
    if not allowed:
        return (
            Text("incorporation into capital needs the statutes' authorisation"),
            citation,
        )
    code = movement.reserve
    close = _year_start(movement.date, month) - timedelta(days=1)
    at_close = ledger._units(code, close)  # noqa: SLF001 - same module
    earlier = [
        m
        for m in ledger.movements
        if m.reserve == code
        and m.kind is MovementKind.INCORPORATION
        and m.order_key < movement.order_key
    ]
    if earlier:
        after_previous = ledger._units(code, earlier[-1].date)  # noqa: SLF001
        cap = later_max.value * max(0, at_close - after_previous)
        what = Text("of the increase since the previous one")
    else:
        cap = first_max.value * at_close
        what = Text("of the reserve at the close of the previous year")
    if Fraction(to_minor_units(movement.amount)) <= cap:
        return None
    shown = from_minor_units(int(cap), ledger.currency)
    share = later_max if earlier else first_max
    return (
        Text("above the limit of {share} {what} ({shown})", share=share, what=what, shown=shown),
        citation,
    )


def _check_month(month: object) -> int:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:  # noqa: PLR2004
        raise InvalidInput("fiscal_year_start_month", month, "a month number from 1 to 12")
    return month


def apply(
    ledger: ReserveLedger,
    movement: Movement,
    rules: ReserveRules,
    *,
    statutes_allow_incorporation: bool = False,
    fiscal_year_start_month: int = 1,
) -> ReserveLedger:
    """Record ``movement`` if the regime allows it; return the new ledger.

    Args:
        ledger: the ledger so far.
        movement: the movement to add.
        rules: the regime's reserve rules.
        statutes_allow_incorporation: the statutes authorise incorporating reserves into capital
            (needed where the regime allows it only so).
        fiscal_year_start_month: the month the financial year starts (for the incorporation
            limits).

    Raises:
        RefusedMovement: the rules refuse it (naming the reserve, the movement and the rule).
        InsufficientReserve, UnknownReserve, DuplicateId, CurrencyMismatch: see
            [`ReserveLedger`][cooprules.reserves.ReserveLedger].
    """
    month = _check_month(fiscal_year_start_month)
    after = ledger.with_movement(movement)
    refused = _judge(
        after,
        movement,
        rules,
        statutes_allow_incorporation=statutes_allow_incorporation,
        fiscal_year_start_month=month,
    )
    if refused is not None:
        raise RefusedMovement(movement.reserve, movement, refused[0], refused[1])
    return after


def check_movements(
    ledger: ReserveLedger,
    rules: ReserveRules,
    *,
    statutes_allow_incorporation: bool = False,
    fiscal_year_start_month: int = 1,
) -> tuple[Violation, ...]:
    """Check every recorded movement against the regime's rules; return violations, never raise.

    Each violation has the code ``reserve.refused_movement`` (error), the movement as subject
    (``"movements[m2] on reserve 'legal'"``), the reason and the rule.
    """
    month = _check_month(fiscal_year_start_month)
    violations: list[Violation] = []
    for movement in ledger.movements:
        refused = _judge(
            ledger,
            movement,
            rules,
            statutes_allow_incorporation=statutes_allow_incorporation,
            fiscal_year_start_month=month,
        )
        if refused is None:
            continue
        reason, citation = refused
        amount = movement.amount
        violations.append(
            Violation(
                "reserve.refused_movement",
                Severity.ERROR,
                f"movements[{movement.id}] on reserve {movement.reserve!r}",
                Text(
                    "{kind} of {amount} on {day} refused: {reason}.",
                    kind=_KIND[movement.kind],
                    amount=amount,
                    day=movement.date,
                    reason=reason,
                ),
                citation,
            )
        )
    return tuple(violations)


_KIND = {
    MovementKind.ALLOCATION: Text("Allocation", context="movement"),
    MovementKind.DEVOLUTION_RECEIVED: Text("Devolution received", context="movement"),
    MovementKind.LOSS_ABSORPTION: Text("Loss absorption", context="movement"),
    MovementKind.INCORPORATION: Text("Incorporation into capital", context="movement"),
    MovementKind.DISTRIBUTION: Text("Distribution to members", context="movement"),
    MovementKind.REPAYMENT: Text("Repayment to a leaving member", context="movement"),
}


# ---------------------------------------------------------------------------------------------
# Roll-forward
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class RollForward:
    """One reserve over one period: opening balance, movements by kind, closing balance.

    Attributes:
        reserve: the reserve's code.
        period: the period.
        opening: the balance at the end of the day before the period.
        movements: the net movement of each kind in the period (outflows negative), in the
            same-day order of kinds; kinds without a movement are left out.
        closing: the balance at the end of the period's last day.
        explanation: the steps.
    """

    reserve: str
    period: Period
    opening: Money
    movements: tuple[tuple[MovementKind, Money], ...]
    closing: Money
    explanation: Explanation


def roll_forward(
    ledger: ReserveLedger, period: Period, rules: ReserveRules | None = None
) -> tuple[RollForward, ...]:
    """Roll every reserve forward over ``period`` (opening + movements = closing, to the cent).

    The closing balance is read from the ledger independently of the sum, and the two are
    checked equal (Quebec s. 145: the reserve is the allocations less the deficits).
    """
    citation = None if rules is None else rules.roll_forward
    day_before = period.start - timedelta(days=1)
    result: list[RollForward] = []
    for account in ledger.accounts:
        opening = ledger._units(account.code, day_before)  # noqa: SLF001 - same module
        by_kind: dict[MovementKind, int] = {}
        for movement in ledger.movements:
            if movement.reserve == account.code and movement.date in period:
                by_kind[movement.kind] = by_kind.get(movement.kind, 0) + movement.signed_units()
        closing = ledger._units(account.code, period.end - timedelta(days=1))  # noqa: SLF001
        if opening + sum(by_kind.values()) != closing:  # pragma: no cover - ledger invariant
            raise AssertionError(account.code)
        moves = tuple(
            (kind, _money(ledger.currency, by_kind[kind]))
            for kind in MovementKind
            if kind in by_kind
        )
        step = Step(
            Text(
                "Roll-forward of {account_name}",
                account_name=account.name,
            ),
            {
                "opening": _money(ledger.currency, opening),
                **{kind.value: amount for kind, amount in moves},
            },
            _money(ledger.currency, closing),
            citation,
        )
        result.append(
            RollForward(
                account.code,
                period,
                _money(ledger.currency, opening),
                moves,
                _money(ledger.currency, closing),
                Explanation([step]),
            )
        )
    return tuple(result)


def reconcile(
    ledger: ReserveLedger,
    period: Period,
    reported_closing: Mapping[str, Money],
    rules: ReserveRules | None = None,
) -> tuple[Violation, ...]:
    """Compare the closing balances reported in the accounts with the roll-forward.

    Returns a ``reserve.roll_forward_mismatch`` violation (error) for each reserve whose reported
    closing balance differs from opening + movements.

    Raises:
        UnknownReserve: a reported reserve the ledger does not declare.
    """
    computed = {item.reserve: item for item in roll_forward(ledger, period, rules)}
    violations: list[Violation] = []
    for code, reported in reported_closing.items():
        if code not in computed:
            raise UnknownReserve("reported_closing", code, f"declared: {sorted(computed)}")
        _check_amount(f"reported_closing[{code}]", reported, positive=False)
        expected = computed[code].closing
        if reported.currency != expected.currency:
            raise CurrencyMismatch(
                f"reported_closing[{code}]", reported.currency.code, "another currency"
            )
        if reported != expected:
            violations.append(
                Violation(
                    "reserve.roll_forward_mismatch",
                    Severity.ERROR,
                    code,
                    Text(
                        "Reported closing {reported}; opening plus movements give {expected}.",
                        reported=reported,
                        expected=expected,
                    ),
                    None if rules is None else rules.roll_forward,
                )
            )
    return tuple(violations)


# ---------------------------------------------------------------------------------------------
# Losses
# ---------------------------------------------------------------------------------------------


def absorb_loss(
    loss: Money,
    order: Sequence[str],
    balances: Mapping[str, Money],
    *,
    citation: Citation | None = None,
) -> tuple[dict[str, Money], Money, Explanation]:
    """Charge a loss to reserves in the regime's order (Quebec: the enhancement reserve first).

    Args:
        loss: the loss, as a positive amount or a negative surplus.
        order: the reserves to charge, first to last.
        balances: their balances.
        citation: the rule that sets the order.

    Returns:
        the amount charged to each reserve, what no reserve could absorb (carried forward), and
        the explanation.
    """
    currency = loss.currency
    left = abs(to_minor_units(loss, field="loss"))
    charged: dict[str, Money] = {}
    steps = []
    for reserve in order:
        balance = balances.get(reserve, from_minor_units(0, currency))
        if balance.currency != currency:
            raise CurrencyMismatch(
                f"balances[{reserve}]", balance.currency.code, f"the loss is in {currency.code}"
            )
        take = min(left, max(0, to_minor_units(balance, field=f"balances[{reserve}]")))
        charged[reserve] = from_minor_units(take, currency)
        left -= take
        steps.append(
            Step(
                what=Text(
                    "Loss charged to {reserve}",
                    reserve=reserve,
                ),
                inputs={"balance": balance},
                result=charged[reserve],
                citation=citation,
            )
        )
    return charged, from_minor_units(left, currency), Explanation(tuple(steps))


# ---------------------------------------------------------------------------------------------
# Liquidation
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Liquidation:
    """How a liquidation's assets are shared out.

    Attributes:
        assets: the assets realised.
        debts: the debts and winding-up costs.
        debts_paid: what the creditors get (all the debts, or all the assets when short).
        shortfall: the debts left unpaid (zero when the assets cover them).
        repaid: each member's paid-up capital repaid (at most their paid-up amount).
        devolved: the balance devolved to ``beneficiary``.
        beneficiary: who receives it.
        distributed: the balance shared among members, where the regime allows it.
        explanation: the steps.
        violations: a balance devolved to a member, or no beneficiary named.
        to_recent_members: what each recent member receives of the reserve the regime pays to
            them ([`ToRecentMembers`][cooprules.reserves.ToRecentMembers]: Quebec's enhancement
            reserve), before the devolution.

    ``debts_paid + sum(repaid) + sum(to_recent_members) + devolved + sum(distributed) ==
    assets``, to the minor unit.
    """

    assets: Money
    debts: Money
    debts_paid: Money
    shortfall: Money
    repaid: Mapping[str, Money]
    devolved: Money
    beneficiary: str | None
    distributed: Mapping[str, Money]
    explanation: Explanation
    violations: tuple[Violation, ...]
    to_recent_members: Mapping[str, Money] = attrs.field(factory=dict)


def liquidate(
    assets: Money,
    debts: Money,
    paid_up_capital_per_member: Mapping[str, Money],
    beneficiary: str | None,
    *,
    rule: LiquidationRule,
    balance_weights: Mapping[str, Weight] | None = None,
    reserve_balances: Mapping[str, Money] | None = None,
    business_by_year: Mapping[date, Mapping[str, Weight]] | None = None,
    vote: date | None = None,
) -> Liquidation:
    """Share out a liquidation: debts first, then the paid-up capital, then the balance.

    Args:
        assets: the assets realised.
        debts: the debts and the winding-up costs.
        paid_up_capital_per_member: each member's paid-up capital not yet repaid (at nominal at
            most: the register's paid-up amounts).
        beneficiary: who receives the balance the regime devolves (a co-operative, a federation,
            an ESS enterprise, a purpose close to the object), as the general meeting designates.
        rule: the regime's liquidation rule.
        balance_weights: where the regime lets the members share the balance, their weights
            (shares held, for the Belgian default of equal rights per share); by default their
            paid-up capital.
        reserve_balances: the reserves' balances at the winding-up, for a reserve the regime pays
            to recent members (`LiquidationRule.to_recent_members`).
        business_by_year: each person's business with the co-op, by the last day of each
            financial year (members then, former members included): the reserve to recent
            members is split pro rata of their business in the years that count.
        vote: the day of the winding-up vote: the financial years that count are the
            `ToRecentMembers.years` last ones ended before it, within that many years of
            it ([interpretation]: a year still running on the day of the vote does not count).

    The capital is repaid in full when the assets left after the debts cover it; otherwise the
    assets left are split pro rata of the paid-up capital, exactly (largest remainders), so no
    member gets more than their paid-up amount.

    Raises:
        InvalidAmount: a negative amount, a float, an amount below the minor unit.
        CurrencyMismatch: amounts in several currencies.
        InvalidInput: a reserve to recent members with a balance but no vote date, no business
            in the years that count, or a rule not bound (its years still the law's to read).
    """
    _check_amount("assets", assets, positive=False)
    currency = assets.currency
    _check_amount("debts", debts, positive=False)
    if debts.currency != currency:
        raise CurrencyMismatch("debts", debts.currency.code, f"assets are in {currency.code}")
    capital: dict[str, int] = {}
    for member, amount in paid_up_capital_per_member.items():
        field = f"paid_up_capital_per_member[{member}]"
        _check_amount(field, amount, positive=False)
        if amount.currency != currency:
            raise CurrencyMismatch(field, amount.currency.code, f"assets are in {currency.code}")
        capital[member] = to_minor_units(amount)
    assets_units, debts_units = to_minor_units(assets), to_minor_units(debts)
    paid = min(assets_units, debts_units)
    left = assets_units - paid
    capital_total = sum(capital.values())
    steps = [
        Step(
            Text("Debts and winding-up costs paid"),
            {"assets": assets, "debts": debts},
            _money(currency.code, paid),
            rule.citation,
        )
    ]
    violations: list[Violation] = []
    if left >= capital_total:
        repaid = dict(capital)
    else:
        repaid = (
            {
                m: to_minor_units(v)
                for m, v in allocate(_money(currency.code, left), capital).items()
            }
            if capital_total
            else dict.fromkeys(capital, 0)
        )
    steps.append(
        Step(
            Text("Paid-up capital repaid"),
            {
                "paid_up_capital": _money(currency.code, capital_total),
                "available": _money(currency.code, left),
            },
            _money(currency.code, sum(repaid.values())),
            rule.citation,
            None if left >= capital_total else Text("pro rata of the paid-up capital"),
        )
    )
    balance = left - sum(repaid.values())
    recent: dict[str, int] = {}
    if rule.to_recent_members is not None:
        recent, step = _to_recent_members(
            rule.to_recent_members,
            balance,
            currency.code,
            reserve_balances=reserve_balances or {},
            business_by_year=business_by_year,
            vote=vote,
        )
        balance -= sum(recent.values())
        steps.append(step)
    devolved, distributed = 0, {}
    if rule.balance_to_members and balance:
        weights = balance_weights if balance_weights is not None else capital
        distributed = {
            m: to_minor_units(v)
            for m, v in allocate(_money(currency.code, balance), weights).items()
        }
    else:
        devolved = balance
        violations.extend(_devolution_problems(balance, beneficiary, capital, rule, currency.code))
    steps.append(
        Step(
            Text("Balance"),
            {"beneficiary": beneficiary or "-"},
            _money(currency.code, balance),
            rule.citation,
            Text("shared among the members")
            if distributed
            else Text(
                "devolved to {beneficiaries}",
                beneficiaries=rule.beneficiaries,
            ),
        )
    )
    return Liquidation(
        assets=assets,
        debts=debts,
        debts_paid=_money(currency.code, paid),
        shortfall=_money(currency.code, debts_units - paid),
        repaid={m: _money(currency.code, u) for m, u in repaid.items()},
        devolved=_money(currency.code, devolved) if devolved else zero(currency),
        beneficiary=beneficiary if not distributed else None,
        distributed={m: _money(currency.code, u) for m, u in distributed.items()},
        explanation=Explanation(steps),
        violations=tuple(violations),
        to_recent_members={m: _money(currency.code, u) for m, u in recent.items()},
    )


def _to_recent_members(
    rule: ToRecentMembers,
    available: int,
    currency: str,
    *,
    reserve_balances: Mapping[str, Money],
    business_by_year: Mapping[date, Mapping[str, Weight]] | None,
    vote: date | None,
) -> tuple[dict[str, int], Step]:
    """The reserve owed to recent members, pro rata of their business in the years that count.

    At most what the assets leave after the debts and the capital.
    """
    field = f"reserve_balances[{rule.reserve}]"
    held = reserve_balances.get(rule.reserve)
    owed = 0 if held is None else to_minor_units(_check_amount(field, held, positive=False))
    if held is not None and held.currency.code != currency:
        raise CurrencyMismatch(field, held.currency.code, f"assets are in {currency}")
    span: int = known(
        rule.years, "the years counted", "ReserveRules", field="rule.to_recent_members.years"
    )
    pay = min(owed, available)
    counted: list[date] = []
    shares: dict[str, int] = {}
    if pay:
        if vote is None:
            raise InvalidInput("vote", None, f"{rule.reserve} is paid by the years before the vote")
        check_date(vote, field="vote")
        years = business_by_year or {}
        window = vote - relativedelta(years=span)
        counted = sorted(
            end for end in years if window < check_date(end, field="business_by_year") < vote
        )[-span:]
        weights: dict[str, Fraction] = {}
        for end in counted:
            for person, value in years[end].items():
                amount = to_fraction(value, field=f"business_by_year[{end.isoformat()}][{person}]")
                if amount < 0:
                    raise InvalidInput(
                        f"business_by_year[{end.isoformat()}][{person}]", value, "negative"
                    )
                weights[person] = weights.get(person, Fraction(0)) + amount
        if not any(weights.values()):
            raise InvalidInput(
                "business_by_year",
                [end.isoformat() for end in counted],
                f"{rule.reserve} goes to the members of the {span} financial years before "
                "the vote, pro rata of their business: none is given",
            )
        positive = {person: weight for person, weight in weights.items() if weight}
        shares = {
            m: to_minor_units(v) for m, v in allocate(_money(currency, pay), positive).items()
        }
    note = None
    if pay < owed:
        note = Text(
            "only {paid} remained of {owed}",
            paid=_money(currency, pay),
            owed=_money(currency, owed),
        )
    step = Step(
        Text(
            "{name} paid to the members of the last {span} financial years, pro rata of their "
            "business",
            name=rule.name,
            span=span,
        ).capitalized(),
        {
            "balance": _money(currency, owed),
            "available": _money(currency, available),
            "financial years": ", ".join(end.isoformat() for end in counted) or "-",
        },
        _money(currency, pay),
        rule.citation,
        note,
    )
    return shares, step


def _money(currency: str, units: int) -> Money:
    return from_minor_units(units, currency)


def _devolution_problems(
    balance: int,
    beneficiary: str | None,
    members: Mapping[str, int],
    rule: LiquidationRule,
    currency: str,
) -> list[Violation]:
    if balance == 0:
        return []
    shown = format_amount(_money(currency, balance))
    if beneficiary is None or not beneficiary.strip():
        return [
            Violation(
                "liquidation.beneficiary_missing",
                Severity.ERROR,
                "beneficiary",
                Text(
                    "The balance of {shown} must be devolved to {beneficiaries}; no beneficiary "
                    "is named.",
                    shown=shown,
                    beneficiaries=rule.beneficiaries,
                ),
                rule.citation,
            )
        ]
    if beneficiary in members:
        return [
            Violation(
                "liquidation.balance_to_member",
                Severity.ERROR,
                beneficiary,
                Text(
                    "The balance of {shown} may not go to a member ({beneficiary}).",
                    shown=shown,
                    beneficiary=beneficiary,
                ),
                rule.citation,
            )
        ]
    return []
