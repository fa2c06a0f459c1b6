"""The share register: dated operations on shares, holdings, capital-days, redemption and its tests.

A co-operative's capital is the sum of its members' shares. cooprules keeps it as a log of dated,
immutable :class:`Operation` values per member and :class:`ShareClass`:

* ``SUBSCRIBE``: a member subscribes shares (paid up in full at once unless ``amount`` says how
  much is paid on subscription);
* ``PAY_UP``: a member pays an amount on shares already subscribed;
* ``TRANSFER``: a member transfers shares (and the amount paid up on them) to another;
* ``REDEEM``: shares are cancelled and the amount paid up on them leaves the capital.

A :class:`ShareRegister` validates the log when it is built (duplicate ids, unknown classes, more
shares transferred or redeemed than held, more paid up than subscribed, other currencies, floats
are refused with typed errors naming the field and the value) and answers, for any date:

* the holdings (shares, subscribed amount, paid-up amount) per member and class;
* the paid-up and subscribed capital, and the highest capital ever reached (a SCOP's legal reserve
  is due until it equals that figure, loi 1978 art. 33 1°);
* the days each member held shares in a period, and the **share-days** and **capital-days**
  (integer minor-unit-days) on which interest pro rata temporis or a surplus split is computed;
* the redemption value of a holding, capped at the nominal (the paid-up amount), at the net-asset
  value per share, or reduced by a share of the losses, as the regime's :class:`RedemptionRule`
  says; and the regime's conditions before a dividend or a redemption (net-asset test, liquidity
  test, solvency, capital floor) returned as :class:`~cooprules.explain.Violation` values.

Conventions:

* **Dates.** An operation takes effect on its date: shares subscribed on 1 March are held on
  1 March; shares sold on 1 March are held by the buyer, not the seller, on 1 March. A state "on"
  a date is the state at the end of that day.
* **Same-day order.** Operations dated the same day are applied in a fixed order, whatever the
  order they were given in: ``SUBSCRIBE``, then ``PAY_UP``, then ``TRANSFER``, then ``REDEEM``
  (money comes in, then moves, then leaves), and within one kind by ascending ``id``. So the
  register, and every figure computed from it, depends only on the set of operations. Give ids
  that sort in the intended order (zero-padded sequence numbers) when two transfers of the same
  day depend on each other.
* **Paid-up amount moved with shares.** A transfer or a redemption of ``k`` of the ``n`` shares a
  member holds in a class moves ``k/n`` of the amount paid up on them, unless ``amount`` says how
  much; when ``k/n`` of it is not a whole number of minor units, ``amount`` is required.
* **Day counts** are exact integers (days x minor units); :class:`DayCount` turns them into years.

```pycon
>>> from datetime import date
>>> from cooprules.money import money, format_amount
>>> eur = lambda text: money(text, "EUR")
>>> a = ShareClass("A", eur("250.00"))
>>> reg = ShareRegister("EUR", [a], [
...     Operation("1", OperationKind.SUBSCRIBE, date(2025, 1, 1), "ana", "A", shares=10),
...     Operation("2", OperationKind.TRANSFER, date(2025, 7, 1), "ana", "A", shares=4,
...               counterparty="bo"),
... ])
>>> format_amount(reg.paid_up_capital(date(2025, 12, 31)))
'2500.00 EUR'
>>> year = Period(date(2025, 1, 1), date(2026, 1, 1))
>>> share_days(reg, year)
{'ana': 2914, 'bo': 736}

```
"""

from __future__ import annotations

import datetime as dt
import enum
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date
from fractions import Fraction

import attrs
from moneyed import Currency, Money

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidAmount, InvalidInput
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import (
    Rate,
    Rounding,
    currency_of,
    exponent,
    format_amount,
    from_minor_units,
    money_from_fraction,
    to_decimal,
    to_minor_units,
)
from cooprules.periods import Period, check_date

__all__ = [
    "CapitalBasis",
    "CapitalRules",
    "DayCount",
    "DistributionCheck",
    "DistributionKind",
    "FinancialPosition",
    "Holding",
    "InsufficientShares",
    "LiquidityAssessment",
    "Operation",
    "OperationKind",
    "PaidUpExceedsSubscribed",
    "RedemptionCheck",
    "RedemptionRule",
    "RedemptionValue",
    "ShareClass",
    "ShareRegister",
    "UnknownShareClass",
    "accrued_interest",
    "capital_days",
    "capital_years",
    "check_distribution",
    "check_redemption",
    "days_held",
    "redemption_value",
    "share_days",
    "total_capital_days",
    "total_share_days",
    "year_fraction",
]


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


class InsufficientShares(InvalidInput):
    """A transfer or a redemption moves more shares (or paid-up amount) than the member holds."""


class PaidUpExceedsSubscribed(InvalidInput):
    """More would be paid up on a member's shares than their nominal value."""


class UnknownShareClass(InvalidInput, LookupError):
    """An operation names a share class the register does not declare."""


# ---------------------------------------------------------------------------------------------
# Share classes and operations
# ---------------------------------------------------------------------------------------------


def _non_empty(_instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise InvalidInput(attribute.name, value, "must be non-empty text")


def _check_money(field: str, value: object, *, positive: bool = False) -> Money:
    """Return ``value`` if it is a whole number of minor units (not negative); else raise."""
    if not isinstance(value, Money):
        to_decimal(value, field=field)  # a float, a bool, NaN... gets the precise message
        raise InvalidAmount(field, value, "expected a Money; build it with cooprules.money.money")
    units = to_minor_units(value, field=field)
    if units < 0 or (positive and units == 0):
        raise InvalidAmount(
            field, format_amount(value), "must be positive" if positive else "must not be negative"
        )
    return value


def _check_nominal(_instance: object, _attribute: attrs.Attribute[Money], value: Money) -> None:
    _check_money("share_class.nominal", value, positive=True)


@attrs.frozen
class ShareClass:
    """A class of shares: its code, nominal value and rights.

    Attributes:
        code: the class's identifier (``"A"``, ``"common"``, ``"preferred"``).
        nominal: the nominal value of one share, a positive whole number of minor units.
        voting: the shares carry a vote (common shares; Belgian CSA shares always do).
        preferred: preferred shares (Quebec: their interest is deducted before the surplus is
            allocated, C-67.2 s. 143).
        participating: participating preferred shares (Quebec), which share in the surplus.
        label: a description, in English and French.
    """

    code: str = attrs.field(validator=_non_empty)
    nominal: Money = attrs.field(validator=_check_nominal)
    voting: bool = True
    preferred: bool = False
    participating: bool = False
    label: Text | None = None


class OperationKind(enum.Enum):
    """What an operation does to the register (see the module's conventions)."""

    SUBSCRIBE = "subscribe"
    """The member subscribes ``shares`` new shares."""
    PAY_UP = "pay_up"
    """The member pays ``amount`` on shares already subscribed."""
    TRANSFER = "transfer"
    """The member transfers ``shares`` (and the amount paid up on them) to ``counterparty``."""
    REDEEM = "redeem"
    """``shares`` are cancelled; the amount paid up on them leaves the capital."""

    @property
    def rank(self) -> int:
        """The position of this kind in the same-day order."""
        return _RANK[self]


_RANK = {kind: position for position, kind in enumerate(OperationKind)}


def _check_operation_date(
    _instance: object, _attribute: attrs.Attribute[date], value: date
) -> None:
    check_date(value, field="operation.date")


@attrs.frozen
class Operation:
    """One dated operation on a member's shares of one class.

    Attributes:
        id: unique in the register; orders operations of the same kind on the same day.
        kind: subscribe, pay up, transfer or redeem.
        date: the day it takes effect.
        member: the member whose shares it concerns (the transferor for a transfer).
        share_class: the class's code.
        shares: the number of shares subscribed, transferred or redeemed (0 for a pay-up).
        amount: for ``SUBSCRIBE``, the amount paid on subscription (``None``: fully paid); for
            ``PAY_UP``, the amount paid (required); for ``TRANSFER`` and ``REDEEM``, the paid-up
            amount that moves with the shares (``None``: in proportion to the shares).
        counterparty: for ``TRANSFER``, the member who receives the shares.
        note: free text (a board decision, a reference).

    Raises:
        InvalidInput: an empty id or member, a negative or missing number of shares, a
            counterparty on anything but a transfer.
        InvalidAmount: an amount that is not a ``Money`` (a float is refused), negative, or below
            the minor unit.
    """

    id: str = attrs.field(validator=_non_empty)
    kind: OperationKind = attrs.field(validator=attrs.validators.instance_of(OperationKind))
    date: dt.date = attrs.field(validator=_check_operation_date)
    member: str = attrs.field(validator=_non_empty)
    share_class: str = attrs.field(validator=_non_empty)
    shares: int = 0
    amount: Money | None = None
    counterparty: str | None = None
    note: str = ""

    def __attrs_post_init__(self) -> None:
        where = f"operations[{self.id}]"
        if isinstance(self.shares, bool) or not isinstance(self.shares, int):
            raise InvalidInput(f"{where}.shares", self.shares, "a number of shares is an int")
        if self.kind is OperationKind.PAY_UP:
            if self.shares != 0:
                raise InvalidInput(f"{where}.shares", self.shares, "a pay-up moves no shares")
            if self.amount is None:
                raise InvalidAmount(f"{where}.amount", None, "a pay-up needs the amount paid")
            _check_money(f"{where}.amount", self.amount, positive=True)
        else:
            if self.shares <= 0:
                raise InvalidInput(f"{where}.shares", self.shares, "must be a positive number")
            if self.amount is not None:
                _check_money(f"{where}.amount", self.amount)
        self._check_counterparty(where)

    def _check_counterparty(self, where: str) -> None:
        if self.kind is OperationKind.TRANSFER:
            if not isinstance(self.counterparty, str) or not self.counterparty.strip():
                raise InvalidInput(
                    f"{where}.counterparty", self.counterparty, "a transfer names its receiver"
                )
            if self.counterparty == self.member:
                raise InvalidInput(
                    f"{where}.counterparty", self.counterparty, "a member cannot transfer to self"
                )
        elif self.counterparty is not None:
            raise InvalidInput(
                f"{where}.counterparty", self.counterparty, "only a transfer has a counterparty"
            )

    @property
    def order_key(self) -> tuple[dt.date, int, str]:
        """The key that orders operations: date, then kind (same-day order), then id."""
        return (self.date, self.kind.rank, self.id)


@attrs.frozen
class Holding:
    """A member's shares of one class on a date.

    Attributes:
        member: the member.
        share_class: the class's code.
        shares: the number of shares held.
        subscribed: their nominal value (shares x nominal).
        paid_up: the amount paid up on them and not repaid.
    """

    member: str
    share_class: str
    shares: int
    subscribed: Money
    paid_up: Money

    @property
    def unpaid(self) -> Money:
        """The amount still to pay on the shares (subscribed less paid up)."""
        return self.subscribed - self.paid_up


class CapitalBasis(enum.Enum):
    """Which figure counts as "the capital"."""

    SUBSCRIBED = "subscribed"
    """The nominal value of the shares in issue (the *capital social* of a variable-capital
    co-op)."""
    PAID_UP = "paid_up"
    """The amount paid up on them."""


# ---------------------------------------------------------------------------------------------
# The register
# ---------------------------------------------------------------------------------------------

_State = tuple[int, int]  # (shares, paid-up minor units) at the end of a day


def _classes(values: Iterable[ShareClass]) -> tuple[ShareClass, ...]:
    return tuple(values)


def _operations(values: Iterable[Operation]) -> tuple[Operation, ...]:
    items = tuple(values)
    for index, item in enumerate(items):
        if not isinstance(item, Operation):
            raise InvalidInput(f"operations[{index}]", item, "expected an Operation")
    return tuple(sorted(items, key=lambda op: op.order_key))


def _check_currency_code(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    currency_of(value, field="register.currency")


@attrs.frozen
class ShareRegister:
    """The validated log of share operations of a co-operative, with its states by date.

    Build it with the currency, the share classes and the operations in any order; they are kept
    in the canonical order (see the module's same-day rule) and replayed once.

    Attributes:
        currency: the ISO 4217 code of every amount.
        classes: the share classes.
        operations: the operations, in canonical order.

    Raises:
        DuplicateId: two classes with the same code, or two operations with the same id.
        UnknownShareClass: an operation names an undeclared class.
        CurrencyMismatch: a nominal value or an amount in another currency.
        InsufficientShares: a transfer or redemption of more shares (or paid-up amount) than held.
        PaidUpExceedsSubscribed: more paid up than the nominal value of the shares held.
        InvalidInput: a partial transfer or redemption whose proportional paid-up amount is not a
            whole number of minor units and that does not give it.
    """

    currency: str = attrs.field(validator=_check_currency_code)
    classes: tuple[ShareClass, ...] = attrs.field(converter=_classes)
    operations: tuple[Operation, ...] = attrs.field(factory=tuple, converter=_operations)
    _nominal: dict[str, int] = attrs.field(init=False, repr=False, eq=False)
    _dates: dict[tuple[str, str], list[date]] = attrs.field(init=False, repr=False, eq=False)
    _states: dict[tuple[str, str], list[_State]] = attrs.field(init=False, repr=False, eq=False)
    _class_dates: dict[str, list[date]] = attrs.field(init=False, repr=False, eq=False)
    _class_states: dict[str, list[_State]] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        currency = currency_of(self.currency)
        nominal: dict[str, int] = {}
        for index, share_class in enumerate(self.classes):
            if not isinstance(share_class, ShareClass):
                raise InvalidInput(f"classes[{index}]", share_class, "expected a ShareClass")
            if share_class.code in nominal:
                raise DuplicateId("classes", share_class.code, "two share classes share a code")
            if share_class.nominal.currency != currency:
                raise CurrencyMismatch(
                    f"classes[{share_class.code}].nominal",
                    share_class.nominal.currency.code,
                    f"the register is in {currency.code}",
                )
            nominal[share_class.code] = to_minor_units(share_class.nominal)
        replay = _Replay(currency.code, nominal)
        for op in self.operations:
            replay.apply(op)
        object.__setattr__(self, "_nominal", nominal)
        object.__setattr__(self, "_dates", replay.dates)
        object.__setattr__(self, "_states", replay.states)
        object.__setattr__(self, "_class_dates", replay.class_dates)
        object.__setattr__(self, "_class_states", replay.class_states)

    # -- lookups ------------------------------------------------------------------------------

    def share_class(self, code: str) -> ShareClass:
        """Return the class with ``code``.

        Raises:
            UnknownShareClass: no such class.
        """
        for share_class in self.classes:
            if share_class.code == code:
                return share_class
        raise UnknownShareClass("share_class", code, f"declared: {sorted(self._nominal)}")

    @property
    def members(self) -> tuple[str, ...]:
        """Every member who ever held shares, in alphabetical order."""
        return tuple(sorted({member for member, _ in self._dates}))

    def _state(self, member: str, share_class: str, on: date) -> _State:
        key = (member, share_class)
        key_dates = self._dates.get(key)
        if not key_dates:
            return (0, 0)
        index = bisect_right(key_dates, on)
        return self._states[key][index - 1] if index else (0, 0)

    def holding(self, member: str, share_class: str, on: date) -> Holding:
        """The member's holding of ``share_class`` at the end of ``on``.

        Raises:
            UnknownShareClass: no such class.
        """
        check_date(on, field="on")
        if share_class not in self._nominal:
            raise UnknownShareClass(
                "share_class", share_class, f"declared: {sorted(self._nominal)}"
            )
        shares, paid = self._state(member, share_class, on)
        return Holding(
            member,
            share_class,
            shares,
            from_minor_units(shares * self._nominal[share_class], self.currency),
            from_minor_units(paid, self.currency),
        )

    def holdings(self, on: date) -> tuple[Holding, ...]:
        """Every non-empty holding at the end of ``on``, by member then class."""
        check_date(on, field="on")
        result = [
            self.holding(member, share_class, on)
            for member, share_class in sorted(self._dates)
            if self._state(member, share_class, on)[0] > 0
        ]
        return tuple(result)

    def _class_codes(self, share_class: str | None) -> list[str]:
        if share_class is None:
            return list(self._nominal)
        if share_class not in self._nominal:
            raise UnknownShareClass(
                "share_class", share_class, f"declared: {sorted(self._nominal)}"
            )
        return [share_class]

    def _class_state(self, code: str, on: date) -> _State:
        index = bisect_right(self._class_dates[code], on)
        return self._class_states[code][index - 1] if index else (0, 0)

    def _capital_units(self, on: date, share_class: str | None, basis: CapitalBasis) -> int:
        result = 0
        for code in self._class_codes(share_class):
            shares, paid = self._class_state(code, on)
            result += shares * self._nominal[code] if basis is CapitalBasis.SUBSCRIBED else paid
        return result

    def paid_up_capital(self, on: date, share_class: str | None = None) -> Money:
        """The paid-up capital at the end of ``on`` (of one class, or of all)."""
        check_date(on, field="on")
        units = self._capital_units(on, share_class, CapitalBasis.PAID_UP)
        return from_minor_units(units, self.currency)

    def subscribed_capital(self, on: date, share_class: str | None = None) -> Money:
        """The nominal value of the shares in issue at the end of ``on``."""
        check_date(on, field="on")
        units = self._capital_units(on, share_class, CapitalBasis.SUBSCRIBED)
        return from_minor_units(units, self.currency)

    def shares_in_issue(self, share_class: str, on: date) -> int:
        """The number of shares of ``share_class`` in issue at the end of ``on``."""
        check_date(on, field="on")
        self._class_codes(share_class)
        return self._class_state(share_class, on)[0]

    def highest_capital(
        self,
        until: date,
        *,
        basis: CapitalBasis = CapitalBasis.SUBSCRIBED,
        share_class: str | None = None,
    ) -> Money:
        """The highest capital reached at the end of any day up to ``until`` (included).

        A SCOP's legal reserve is due until it equals "le montant le plus élevé atteint par le
        capital" (loi 1978 art. 33 1°); repayments may not bring the capital below half of it
        (art. 31). The capital social of a variable-capital co-op is the nominal value of the
        shares in issue, hence the default basis. End-of-day figures count, so a subscription
        and a redemption on the same day do not create a peak.
        """
        check_date(until, field="until")
        codes = self._class_codes(share_class)
        days = sorted({d for code in codes for d in self._class_dates[code] if d <= until})
        best = 0
        for day in days:
            best = max(best, self._capital_units(day, share_class, basis))
        return from_minor_units(best, self.currency)


class _Replay:
    """Replays operations in canonical order, checking each; builds the step functions."""

    def __init__(self, code: str, nominal: Mapping[str, int]) -> None:
        self.code = code
        self.nominal = nominal
        self.seen: set[str] = set()
        self.current: dict[tuple[str, str], _State] = {}
        self.dates: dict[tuple[str, str], list[date]] = {}
        self.states: dict[tuple[str, str], list[_State]] = {}
        self.class_dates: dict[str, list[date]] = {c: [] for c in nominal}
        self.class_states: dict[str, list[_State]] = {c: [] for c in nominal}

    def _record(self, key: tuple[str, str], day: date, state: _State) -> None:
        self.current[key] = state
        _push(self.dates.setdefault(key, []), self.states.setdefault(key, []), day, state)

    def _shift_class(self, op: Operation, shares: int, paid: int) -> None:
        c_dates, c_states = self.class_dates[op.share_class], self.class_states[op.share_class]
        total_shares, total_paid = c_states[-1] if c_states else (0, 0)
        _push(c_dates, c_states, op.date, (total_shares + shares, total_paid + paid))

    def _show(self, units: int) -> str:
        return format_amount(from_minor_units(units, self.code))

    def apply(self, op: Operation) -> None:
        where = f"operations[{op.id}]"
        if op.id in self.seen:
            raise DuplicateId("operations", op.id, "two operations share an id")
        self.seen.add(op.id)
        if op.share_class not in self.nominal:
            raise UnknownShareClass(
                f"{where}.share_class", op.share_class, f"declared: {sorted(self.nominal)}"
            )
        if op.amount is not None and op.amount.currency.code != self.code:
            raise CurrencyMismatch(
                f"{where}.amount", op.amount.currency.code, f"the register is in {self.code}"
            )
        amount = None if op.amount is None else to_minor_units(op.amount)
        if op.kind is OperationKind.SUBSCRIBE:
            self._subscribe(op, amount, where)
        elif op.kind is OperationKind.PAY_UP:
            self._pay_up(op, amount or 0, where)
        else:
            self._move(op, amount, where)

    def _subscribe(self, op: Operation, amount: int | None, where: str) -> None:
        key = (op.member, op.share_class)
        shares, paid = self.current.get(key, (0, 0))
        nominal = op.shares * self.nominal[op.share_class]
        paying = nominal if amount is None else amount
        if paying > nominal:
            raise PaidUpExceedsSubscribed(
                f"{where}.amount",
                self._show(paying),
                f"more than the nominal value of the {op.shares} shares ({self._show(nominal)})",
            )
        self._record(key, op.date, (shares + op.shares, paid + paying))
        self._shift_class(op, op.shares, paying)

    def _pay_up(self, op: Operation, amount: int, where: str) -> None:
        key = (op.member, op.share_class)
        shares, paid = self.current.get(key, (0, 0))
        if paid + amount > shares * self.nominal[op.share_class]:
            raise PaidUpExceedsSubscribed(
                f"{where}.amount",
                self._show(amount),
                f"{op.member} would have paid up more than the nominal value of the {shares} "
                f"{op.share_class} shares subscribed on {op.date.isoformat()}",
            )
        self._record(key, op.date, (shares, paid + amount))
        self._shift_class(op, 0, amount)

    def _move(self, op: Operation, amount: int | None, where: str) -> None:
        unit = self.nominal[op.share_class]
        key = (op.member, op.share_class)
        shares, paid = self.current.get(key, (0, 0))
        moved = _moved_paid(op, shares, paid, amount, where)
        if paid - moved > (shares - op.shares) * unit:
            raise InsufficientShares(
                f"{where}.amount",
                self._show(moved),
                "the shares kept would carry more paid up than their nominal value",
            )
        self._record(key, op.date, (shares - op.shares, paid - moved))
        if op.kind is OperationKind.REDEEM:
            self._shift_class(op, -op.shares, -moved)
            return
        target = (str(op.counterparty), op.share_class)
        t_shares, t_paid = self.current.get(target, (0, 0))
        if t_paid + moved > (t_shares + op.shares) * unit:
            raise PaidUpExceedsSubscribed(
                f"{where}.amount",
                self._show(moved),
                f"{op.counterparty} would hold more paid up than the nominal of their shares",
            )
        self._record(target, op.date, (t_shares + op.shares, t_paid + moved))


def _push(dates: list[date], states: list[_State], day: date, state: _State) -> None:
    """Set the end-of-day state of ``day`` (operations come in date order)."""
    if dates and dates[-1] == day:
        states[-1] = state
    else:
        dates.append(day)
        states.append(state)


def _moved_paid(op: Operation, shares: int, paid: int, amount: int | None, where: str) -> int:
    """The paid-up minor units that leave with a transfer or redemption (checked)."""
    if op.shares > shares:
        raise InsufficientShares(
            f"{where}.shares",
            op.shares,
            f"{op.member} holds {shares} {op.share_class} shares on {op.date.isoformat()}",
        )
    if amount is not None:
        if amount > paid:
            raise InsufficientShares(
                f"{where}.amount",
                amount,
                f"{op.member} has only {paid} minor units paid up on {op.share_class} shares",
            )
        return amount
    moved, rest = divmod(paid * op.shares, shares)
    if rest:
        raise InvalidInput(
            f"{where}.amount",
            None,
            f"{op.shares}/{shares} of the paid-up amount is not a whole number of minor units; "
            "give the amount that moves with the shares",
        )
    return moved


# ---------------------------------------------------------------------------------------------
# Days held, share-days and capital-days
# ---------------------------------------------------------------------------------------------


def _integrate(dates: list[date], values: list[int], period: Period) -> int:
    """Σ value x days over ``period`` of a step function (value ``values[i]`` from ``dates[i]``)."""
    start, end = period.start, period.end
    index = bisect_right(dates, start) - 1
    value = values[index] if index >= 0 else 0
    cursor, total = start, 0
    for position in range(index + 1, len(dates)):
        day = dates[position]
        if day >= end:
            break
        total += value * (day - cursor).days
        cursor, value = day, values[position]
    return total + value * (end - cursor).days


def _per_member(
    register: ShareRegister, period: Period, share_class: str | None, pick: int
) -> dict[str, int]:
    codes = set(register._class_codes(share_class))  # noqa: SLF001 - same module
    result: dict[str, int] = {}
    for (member, code), key_dates in sorted(register._dates.items()):  # noqa: SLF001
        if code not in codes:
            continue
        states = register._states[(member, code)]  # noqa: SLF001
        values = [state[pick] for state in states]
        result[member] = result.get(member, 0) + _integrate(key_dates, values, period)
    return result


def days_held(
    register: ShareRegister, member: str, period: Period, share_class: str | None = None
) -> int:
    """The days of ``period`` on which ``member`` held at least one share (of a class, or any).

    A member who sold or redeemed all their shares on 1 July holds them on 30 June, not on
    1 July; the result is between 0 and ``period.days``.
    """
    codes = register._class_codes(share_class)  # noqa: SLF001 - same module
    # a day counts if any class is held: integrate the indicator of the sum over classes
    changes = sorted(
        {
            day
            for code in codes
            for day in register._dates.get((member, code), [])  # noqa: SLF001
        }
    )
    indicator = [
        int(any(register._state(member, code, day)[0] > 0 for code in codes))  # noqa: SLF001
        for day in changes
    ]
    return _integrate(changes, indicator, period)


def share_days(
    register: ShareRegister, period: Period, share_class: str | None = None
) -> dict[str, int]:
    """Σ over the days of ``period`` of the shares each member held (members by name).

    Members who held no shares in the period get 0 (members who never held any are absent).
    """
    return _per_member(register, period, share_class, 0)


def capital_days(
    register: ShareRegister, period: Period, share_class: str | None = None
) -> dict[str, int]:
    """Σ over the days of ``period`` of each member's paid-up amount, in minor-unit-days.

    These integers are exact allocation weights: interest pro rata temporis is proportional to
    them (``allocate(pool, capital_days(...))``), and their sum is
    :func:`total_capital_days`.
    """
    return _per_member(register, period, share_class, 1)


def _total(register: ShareRegister, period: Period, share_class: str | None, pick: int) -> int:
    total = 0
    for code in register._class_codes(share_class):  # noqa: SLF001 - same module
        states = register._class_states[code]  # noqa: SLF001
        total += _integrate(
            register._class_dates[code],  # noqa: SLF001
            [state[pick] for state in states],
            period,
        )
    return total


def total_share_days(
    register: ShareRegister, period: Period, share_class: str | None = None
) -> int:
    """The co-op's share-days in ``period``, from its own running total of shares in issue."""
    return _total(register, period, share_class, 0)


def total_capital_days(
    register: ShareRegister, period: Period, share_class: str | None = None
) -> int:
    """The co-op's paid-up capital integrated over ``period``, in minor-unit-days."""
    return _total(register, period, share_class, 1)


class DayCount(enum.Enum):
    """How days become a fraction of a year (the convention must be stated by the statutes).

    The reference sets no convention for interest on shares; ``ACTUAL_365`` is the usual French
    and Belgian practice for *prorata temporis*, ``ACTUAL_ACTUAL`` counts a leap year's days
    over 366.
    """

    ACTUAL_365 = "actual/365"
    """Days / 365, leap years included (Actual/365 Fixed)."""
    ACTUAL_ACTUAL = "actual/actual"
    """Each day over the number of days of its calendar year, 365 or 366 (Actual/Actual ISDA)."""
    ACTUAL_360 = "actual/360"
    """Days / 360."""


def _year_pieces(period: Period, day_count: DayCount) -> list[tuple[Period, int]]:
    """Split ``period`` into pieces with their denominator (one piece unless ACTUAL_ACTUAL)."""
    if day_count is DayCount.ACTUAL_365:
        return [(period, 365)]
    if day_count is DayCount.ACTUAL_360:
        return [(period, 360)]
    pieces: list[tuple[Period, int]] = []
    start = period.start
    while start < period.end:
        next_year = date(start.year + 1, 1, 1)
        end = min(next_year, period.end)
        length = (next_year - date(start.year, 1, 1)).days
        pieces.append((Period(start, end), length))
        start = end
    return pieces


def year_fraction(period: Period, day_count: DayCount = DayCount.ACTUAL_365) -> Fraction:
    """The length of ``period`` in years under ``day_count``, exactly.

    ```pycon
    >>> year_fraction(Period(date(2024, 1, 1), date(2025, 1, 1)))
    Fraction(366, 365)
    >>> year_fraction(Period(date(2024, 1, 1), date(2025, 1, 1)), DayCount.ACTUAL_ACTUAL)
    Fraction(1, 1)

    ```
    """
    if not isinstance(day_count, DayCount):
        raise InvalidInput("day_count", day_count, "expected a DayCount")
    return sum(
        (Fraction(piece.days, length) for piece, length in _year_pieces(period, day_count)),
        Fraction(0),
    )


def capital_years(
    register: ShareRegister,
    period: Period,
    day_count: DayCount = DayCount.ACTUAL_365,
    share_class: str | None = None,
) -> dict[str, Fraction]:
    """Each member's paid-up capital x time in ``period``, in minor-unit-years, exactly."""
    if not isinstance(day_count, DayCount):
        raise InvalidInput("day_count", day_count, "expected a DayCount")
    result: dict[str, Fraction] = {}
    for piece, length in _year_pieces(period, day_count):
        for member, units in capital_days(register, piece, share_class).items():
            result[member] = result.get(member, Fraction(0)) + Fraction(units, length)
    return result


def accrued_interest(
    register: ShareRegister,
    period: Period,
    rate: Rate,
    day_count: DayCount = DayCount.ACTUAL_365,
    share_class: str | None = None,
    *,
    rounding: Rounding = Rounding.HALF_UP,
) -> dict[str, Money]:
    """Interest pro rata temporis on each member's paid-up capital at a yearly ``rate``.

    Each member's interest is computed exactly on their daily paid-up balances and rounded once.
    A surplus engine that must split a fixed pool instead allocates it over
    :func:`capital_days`.
    """
    if not isinstance(rate, Rate):
        raise InvalidInput("rate", rate, "expected a Rate")
    scale = 10 ** exponent(register.currency)
    return {
        member: money_from_fraction(
            years * rate.value / scale, register.currency, rounding=rounding
        )
        for member, years in capital_years(register, period, day_count, share_class).items()
    }


# ---------------------------------------------------------------------------------------------
# Redemption value
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class RedemptionRule:
    """How a regime values shares redeemed: paid up, capped, less losses.

    The value is never more than the amount paid up on the shares (itself at most their nominal
    value); then, as the rule says, at most the net-asset value per share of the last approved
    accounts, and less the member's share of the losses.

    Attributes:
        name: what the rule is, in English and French.
        citation: where it comes from.
        cap_at_net_asset_value: cap the value at the net-asset value per share (Belgian CSA
            default, BE-CSA-07).
        deduct_losses: deduct the member's share of the losses (France: loi 1947 art. 18, loi 1978
            art. 30).
    """

    name: Text
    citation: Citation
    cap_at_net_asset_value: bool = False
    deduct_losses: bool = False


@attrs.frozen
class RedemptionValue:
    """The value of shares redeemed and how it was reached.

    Attributes:
        member: the member.
        share_class: the class.
        shares: the number of shares redeemed.
        paid_up: the amount paid up on them (what the capital loses).
        value: what the member is owed.
        explanation: the steps.
    """

    member: str
    share_class: str
    shares: int
    paid_up: Money
    value: Money
    explanation: Explanation


def redemption_value(
    holding: Holding,
    rule: RedemptionRule,
    *,
    shares: int | None = None,
    paid_up: Money | None = None,
    net_asset_value_per_share: Money | None = None,
    share_of_losses: Money | None = None,
) -> RedemptionValue:
    """Value ``shares`` of ``holding`` (all by default) under the regime's ``rule``.

    Args:
        holding: the member's holding before the redemption (:meth:`ShareRegister.holding`).
        rule: the regime's redemption rule.
        shares: how many shares are redeemed (all by default).
        paid_up: the paid-up amount on them (by default in proportion to the shares).
        net_asset_value_per_share: the net assets per share of the last approved accounts, as an
            exact amount (``95000 / 400`` is ``237.50``); required when the rule caps at it. The
            capped value is rounded down to the minor unit (never more than the cap).
        share_of_losses: the member's share of the losses; required when the rule deducts them.

    Raises:
        InvalidInput: more shares than held, a missing input the rule needs, a float.
        CurrencyMismatch: an amount in another currency.

    ```pycon
    >>> from cooprules.explain import Citation
    >>> from cooprules.money import money
    >>> rule = RedemptionRule(Text(en="paid up", fr="libéré"), Citation("Act", "s. 1", "XX"),
    ...                       cap_at_net_asset_value=True)
    >>> h = Holding("ana", "A", 10, money("2500.00", "EUR"), money("2500.00", "EUR"))
    >>> format_amount(redemption_value(h, rule,
    ...     net_asset_value_per_share=money("237.50", "EUR")).value)
    '2375.00 EUR'

    ```
    """
    currency = holding.subscribed.currency
    count = holding.shares if shares is None else shares
    if isinstance(count, bool) or not isinstance(count, int) or not 0 < count <= holding.shares:
        raise InvalidInput("shares", count, f"between 1 and the {holding.shares} shares held")
    held_units = to_minor_units(holding.paid_up)
    if paid_up is None:
        units, rest = divmod(held_units * count, holding.shares)
        if rest:
            raise InvalidInput(
                "paid_up", None, "the proportional paid-up amount is not whole: give it"
            )
    else:
        units = to_minor_units(_same(paid_up, currency, "paid_up"))
        if not 0 <= units <= held_units:
            raise InvalidInput("paid_up", format_amount(paid_up), "more than paid up on the shares")
    nominal_units = to_minor_units(holding.subscribed) * count // holding.shares
    base = from_minor_units(units, currency)
    steps = [
        Step(
            Text(en="Amount paid up on the shares", fr="Montant libéré sur les parts"),
            {"shares": count, "nominal": from_minor_units(nominal_units, currency)},
            base,
            rule.citation,
            Text(en="never more than the nominal value", fr="jamais plus que la valeur nominale"),
        )
    ]
    value = units
    if rule.cap_at_net_asset_value:
        if net_asset_value_per_share is None:
            raise InvalidInput(
                "net_asset_value_per_share", None, f"{rule.name.en} caps at the net-asset value"
            )
        nav = _same(net_asset_value_per_share, currency, "net_asset_value_per_share")
        cap = max(0, _floor_units(Fraction(to_decimal(nav.amount)) * count, currency))
        value = min(value, cap)
        steps.append(
            Step(
                Text(
                    en="Capped at the net-asset value of the shares",
                    fr="Plafonné à la valeur d'actif net des parts",
                ),
                {"net_asset_value_per_share": nav, "cap": from_minor_units(cap, currency)},
                from_minor_units(value, currency),
                rule.citation,
            )
        )
    if rule.deduct_losses:
        if share_of_losses is None:
            raise InvalidInput("share_of_losses", None, f"{rule.name.en} deducts the losses")
        losses = to_minor_units(_same(share_of_losses, currency, "share_of_losses"))
        if losses < 0:
            raise InvalidAmount("share_of_losses", format_amount(share_of_losses), "negative")
        value = max(0, value - losses)
        steps.append(
            Step(
                Text(en="Less the member's share of losses", fr="Moins la quote-part des pertes"),
                {"share_of_losses": share_of_losses},
                from_minor_units(value, currency),
                rule.citation,
            )
        )
    return RedemptionValue(
        holding.member,
        holding.share_class,
        count,
        base,
        from_minor_units(value, currency),
        Explanation(steps),
    )


def _same(amount: object, currency: Currency, field: str) -> Money:
    if not isinstance(amount, Money):
        to_decimal(amount, field=field)
        raise InvalidAmount(field, amount, "expected a Money")
    if amount.currency != currency:
        raise CurrencyMismatch(field, amount.currency.code, "another currency than the shares")
    return amount


def _floor_units(value: Fraction, currency: Currency) -> int:
    scaled = value * Fraction(10 ** exponent(currency))
    return int(scaled.numerator // scaled.denominator)


# ---------------------------------------------------------------------------------------------
# Distribution and redemption tests
# ---------------------------------------------------------------------------------------------


class DistributionKind(enum.Enum):
    """What leaves the co-op."""

    DIVIDEND = "dividend"
    """A dividend, interest on shares, a tantième: a distribution of profit."""
    REDEMPTION = "redemption"
    """The repayment of shares to a member."""


@attrs.frozen
class LiquidityAssessment:
    """The board's finding on liquidity before a distribution.

    Attributes:
        solvent: the board finds the co-op can keep paying its debts as they fall due.
        date: the date of the finding (of the board's report).
        months: how many months from the distribution the finding covers.
    """

    solvent: bool
    date: dt.date = attrs.field(validator=lambda _i, _a, v: check_date(v, field="liquidity.date"))
    months: int = 12


@attrs.frozen
class FinancialPosition:
    """The facts a distribution test needs, as the co-op's accounts and board state them.

    Attributes:
        accounts_date: the closing date of the accounts used (last approved, or more recent).
        net_assets: net assets per those accounts (a Belgian co-op: computed as CSA 6:115 says).
        unavailable_equity: equity unavailable by law or by the articles (paid-up contributions
            made unavailable, unavailable reserves).
        liquidity: the board's liquidity finding, if made.
        solvent_after: the co-op is solvent, and stays so after the payment (Quebec s. 38);
            ``None`` when not assessed.
        harms_stability: the board shows the payment would harm the co-op's financial stability.
        lender_restriction: commitments to a lender or a funder forbid the payment.
    """

    accounts_date: date = attrs.field(
        validator=lambda _i, _a, v: check_date(v, field="position.accounts_date")
    )
    net_assets: Money | None = None
    unavailable_equity: Money | None = None
    liquidity: LiquidityAssessment | None = None
    solvent_after: bool | None = None
    harms_stability: bool = False
    lender_restriction: bool = False


def _kinds(values: Iterable[DistributionKind]) -> frozenset[DistributionKind]:
    return frozenset(values)


_BOTH = frozenset(DistributionKind)


@attrs.frozen
class CapitalRules:
    """A regime's rules on redemption and on the tests before a distribution, as data.

    Attributes:
        name: the rule set's name, in English and French.
        redemption: how shares are valued on redemption.
        net_asset_test: the net-asset test's citation (net assets after the distribution stay at
            least the unavailable equity), or ``None`` if the regime has none.
        liquidity_test: the liquidity test's citation (the board's finding), or ``None``.
        liquidity_months: the months the board's finding must cover.
        solvency_test: the citation of a rule forbidding payments that make the co-op insolvent
            or harm its stability, or ``None``.
        capital_floor: the share of the highest capital ever reached below which redemptions may
            not bring the capital, or ``None``.
        capital_floor_citation: its source.
        capital_floor_basis: which capital the floor counts.
        applies_to: the net-asset and liquidity tests apply to these kinds of distribution.
        solvency_applies_to: the solvency test applies to these kinds.
    """

    name: Text
    redemption: RedemptionRule
    net_asset_test: Citation | None = None
    liquidity_test: Citation | None = None
    liquidity_months: int = 12
    solvency_test: Citation | None = None
    capital_floor: Rate | None = None
    capital_floor_citation: Citation | None = None
    capital_floor_basis: CapitalBasis = CapitalBasis.SUBSCRIBED
    applies_to: frozenset[DistributionKind] = attrs.field(default=_BOTH, converter=_kinds)
    solvency_applies_to: frozenset[DistributionKind] = attrs.field(
        default=frozenset({DistributionKind.REDEMPTION}), converter=_kinds
    )

    def __attrs_post_init__(self) -> None:
        if (self.capital_floor is None) != (self.capital_floor_citation is None):
            raise InvalidInput(
                "capital_floor_citation",
                self.capital_floor_citation,
                "a capital floor and its citation go together",
            )


@attrs.frozen
class DistributionCheck:
    """The outcome of the tests before a distribution.

    Attributes:
        kind: dividend or redemption.
        amount: the amount distributed.
        on: the date of the distribution.
        headroom: net assets less unavailable equity, before the distribution (``None`` when the
            regime has no net-asset test or the figures are missing).
        explanation: the steps.
        violations: the tests that fail or cannot be shown to pass.
    """

    kind: DistributionKind
    amount: Money
    on: date
    headroom: Money | None
    explanation: Explanation
    violations: tuple[Violation, ...]

    @property
    def passed(self) -> bool:
        """True when no test fails (no violation of severity error)."""
        return all(v.severity is not Severity.ERROR for v in self.violations)


def _violation(code: str, subject: str, en: str, fr: str, citation: Citation | None) -> Violation:
    return Violation(code, Severity.ERROR, subject, Text(en=en, fr=fr), citation)


def check_distribution(
    amount: Money,
    on: date,
    position: FinancialPosition,
    rules: CapitalRules,
    *,
    kind: DistributionKind = DistributionKind.DIVIDEND,
    capital_after: Money | None = None,
    highest_capital: Money | None = None,
) -> DistributionCheck:
    """Check a distribution (dividends plus redemptions, in total) against the regime's tests.

    Findings (by ``code``), each citing its rule:

    * ``distribution.net_asset_test`` (error): net assets after the distribution would be below
      the unavailable equity (or negative); ``distribution.net_asset_test_unproven`` (error):
      the net assets or the unavailable equity are not given;
    * ``distribution.liquidity_test`` (error): the board found the co-op could not pay its debts
      for the months required, or its finding covers fewer months or postdates the distribution;
      ``distribution.liquidity_test_missing`` (error): no finding;
    * ``redemption.insolvency`` (error): the co-op is or would become insolvent, the board shows
      a harm to its stability, or a lender forbids it; ``redemption.solvency_unproven`` (error):
      solvency not assessed;
    * ``redemption.capital_floor`` (error): the capital after the redemption would be below the
      floor (a share of the highest capital ever reached); needs ``capital_after`` and
      ``highest_capital``.

    Raises:
        InvalidInput: a negative amount, a float, another currency.
    """
    check_date(on, field="on")
    _check_money("amount", amount)
    currency = amount.currency
    subject = f"{kind.value} of {format_amount(amount)} on {on.isoformat()}"
    steps: list[Step] = []
    violations: list[Violation] = []
    headroom: Money | None = None
    if rules.net_asset_test is not None and kind in rules.applies_to:
        if position.net_assets is None or position.unavailable_equity is None:
            violations.append(
                _violation(
                    "distribution.net_asset_test_unproven",
                    subject,
                    "The net assets and the unavailable equity are needed for the net-asset test.",
                    "L'actif net et les capitaux propres indisponibles sont nécessaires au test "
                    "de l'actif net.",
                    rules.net_asset_test,
                )
            )
        else:
            net = _same(position.net_assets, currency, "position.net_assets")
            locked = _same(position.unavailable_equity, currency, "position.unavailable_equity")
            headroom = net - locked
            steps.append(
                Step(
                    Text(en="Net-asset headroom", fr="Marge d'actif net distribuable"),
                    {
                        "net_assets": net,
                        "unavailable_equity": locked,
                        "accounts_date": position.accounts_date,
                    },
                    headroom,
                    rules.net_asset_test,
                )
            )
            if net.amount < 0 or amount.amount > headroom.amount:
                violations.append(
                    _violation(
                        "distribution.net_asset_test",
                        subject,
                        f"The distribution exceeds the net assets available for distribution "
                        f"({format_amount(headroom)}).",
                        f"La distribution dépasse l'actif net distribuable "
                        f"({format_amount(headroom)}).",
                        rules.net_asset_test,
                    )
                )
    if rules.liquidity_test is not None and kind in rules.applies_to:
        violations.extend(_liquidity(position.liquidity, on, rules, subject))
        steps.append(
            Step(
                Text(en="Board's liquidity finding", fr="Constat de liquidité de l'organe"),
                {"months_required": rules.liquidity_months},
                None if position.liquidity is None else position.liquidity.solvent,
                rules.liquidity_test,
            )
        )
    if rules.solvency_test is not None and kind in rules.solvency_applies_to:
        violations.extend(_solvency(position, rules.solvency_test, subject))
    if rules.capital_floor is not None and kind is DistributionKind.REDEMPTION:
        violations.extend(
            _floor(
                rules=rules,
                capital_after=capital_after,
                highest=highest_capital,
                currency=currency,
                subject=subject,
                steps=steps,
            )
        )
    return DistributionCheck(kind, amount, on, headroom, Explanation(steps), tuple(violations))


def _liquidity(
    finding: LiquidityAssessment | None, on: date, rules: CapitalRules, subject: str
) -> list[Violation]:
    citation = rules.liquidity_test
    if finding is None:
        return [
            _violation(
                "distribution.liquidity_test_missing",
                subject,
                "No board finding that the co-op can pay its debts for the next "
                f"{rules.liquidity_months} months.",
                "Aucun constat de l'organe d'administration que la coopérative pourra payer ses "
                f"dettes pendant les {rules.liquidity_months} prochains mois.",
                citation,
            )
        ]
    problems: list[Violation] = []
    if not finding.solvent:
        problems.append(
            _violation(
                "distribution.liquidity_test",
                subject,
                "The board found the co-op could not keep paying its debts as they fall due.",
                "L'organe d'administration a constaté que la coopérative ne pourrait pas payer "
                "ses dettes à leur échéance.",
                citation,
            )
        )
    if finding.months < rules.liquidity_months:
        problems.append(
            _violation(
                "distribution.liquidity_test",
                subject,
                f"The board's finding covers {finding.months} months, not "
                f"{rules.liquidity_months}.",
                f"Le constat de l'organe couvre {finding.months} mois et non "
                f"{rules.liquidity_months}.",
                citation,
            )
        )
    if finding.date > on:
        problems.append(
            _violation(
                "distribution.liquidity_test",
                subject,
                f"The board's finding ({finding.date.isoformat()}) postdates the distribution.",
                f"Le constat de l'organe ({finding.date.isoformat()}) est postérieur à la "
                "distribution.",
                citation,
            )
        )
    return problems


def _solvency(position: FinancialPosition, citation: Citation, subject: str) -> list[Violation]:
    if position.solvent_after is None:
        return [
            _violation(
                "redemption.solvency_unproven",
                subject,
                "Whether the co-op stays solvent after the repayment is not assessed.",
                "La solvabilité de la coopérative après le remboursement n'est pas évaluée.",
                citation,
            )
        ]
    reasons = [
        (
            not position.solvent_after,
            "the co-op is or would become insolvent",
            "la coopérative est ou deviendrait insolvable",
        ),
        (
            position.harms_stability,
            "the board shows it would harm the co-op's financial stability",
            "le conseil établit qu'il nuirait à la stabilité financière",
        ),
        (
            position.lender_restriction,
            "commitments to a lender or funder forbid it",
            "des engagements envers un prêteur ou un bailleur l'interdisent",
        ),
    ]
    return [
        _violation(
            "redemption.insolvency",
            subject,
            f"No repayment of shares: {en}.",
            f"Pas de remboursement de parts : {fr}.",
            citation,
        )
        for failed, en, fr in reasons
        if failed
    ]


def _floor(
    *,
    rules: CapitalRules,
    capital_after: Money | None,
    highest: Money | None,
    currency: Currency,
    subject: str,
    steps: list[Step],
) -> list[Violation]:
    assert rules.capital_floor is not None  # noqa: S101 - checked by the caller
    if capital_after is None or highest is None:
        raise InvalidInput(
            "capital_after",
            capital_after,
            "the regime has a capital floor: give capital_after and highest_capital",
        )
    after = _same(capital_after, currency, "capital_after")
    peak = _same(highest, currency, "highest_capital")
    floor = Fraction(to_decimal(peak.amount)) * rules.capital_floor.value
    steps.append(
        Step(
            Text(en="Capital floor", fr="Plancher du capital"),
            {"highest_capital": peak, "floor_rate": rules.capital_floor, "capital_after": after},
            money_from_fraction(floor, peak.currency, rounding=Rounding.CEILING),
            rules.capital_floor_citation,
        )
    )
    if Fraction(to_decimal(after.amount)) >= floor:
        return []
    return [
        _violation(
            "redemption.capital_floor",
            subject,
            f"The capital would fall to {format_amount(after)}, below {rules.capital_floor} of "
            f"the highest capital reached ({format_amount(peak)}).",
            f"Le capital tomberait à {format_amount(after)}, sous {rules.capital_floor} du "
            f"capital le plus élevé atteint ({format_amount(peak)}).",
            rules.capital_floor_citation,
        )
    ]


@attrs.frozen
class RedemptionCheck:
    """A redemption's value and the regime's tests on it.

    Attributes:
        value: the redemption value.
        check: the tests (on the value paid out).
    """

    value: RedemptionValue
    check: DistributionCheck

    @property
    def violations(self) -> tuple[Violation, ...]:
        """The tests' violations."""
        return self.check.violations


def check_redemption(
    register: ShareRegister,
    member: str,
    share_class: str,
    on: date,
    *,
    position: FinancialPosition,
    rules: CapitalRules,
    shares: int | None = None,
    paid_up: Money | None = None,
    net_asset_value_per_share: Money | None = None,
    share_of_losses: Money | None = None,
    other_distributions: Money | None = None,
) -> RedemptionCheck:
    """Value a planned redemption and check it, before it is recorded in the register.

    The holding is read at the end of the day before ``on`` (so record the ``REDEEM`` operation
    only once the check passes). ``other_distributions`` (dividends and other redemptions decided
    at the same time) are added to the value for the net-asset test, which applies to their
    total. The capital floor is checked on the capital after the redemption.
    """
    check_date(on, field="on")
    day_before = date.fromordinal(on.toordinal() - 1)
    holding = register.holding(member, share_class, day_before)
    if holding.shares == 0:
        raise InvalidInput("member", member, f"holds no {share_class} shares before {on}")
    value = redemption_value(
        holding,
        rules.redemption,
        shares=shares,
        paid_up=paid_up,
        net_asset_value_per_share=net_asset_value_per_share,
        share_of_losses=share_of_losses,
    )
    paid_out = value.value
    if other_distributions is not None:
        paid_out = paid_out + _same(other_distributions, paid_out.currency, "other_distributions")
    basis = rules.capital_floor_basis
    if basis is CapitalBasis.SUBSCRIBED:
        unit = register.share_class(share_class).nominal
        before = register.subscribed_capital(day_before)
        after = before - unit * value.shares
    else:
        after = register.paid_up_capital(day_before) - value.paid_up
    check = check_distribution(
        paid_out,
        on,
        position,
        rules,
        kind=DistributionKind.REDEMPTION,
        capital_after=after,
        highest_capital=register.highest_capital(day_before, basis=basis),
    )
    return RedemptionCheck(value, check)
