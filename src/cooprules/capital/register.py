"""The share register: dated operations on shares, holdings, days held, share-days, capital-days.

A co-operative's capital is the sum of its members' shares. cooprules keeps it as a log of dated,
immutable [`Operation`][cooprules.capital.register.Operation] values per member and
[`ShareClass`][cooprules.capital.register.ShareClass]:

* ``SUBSCRIBE``: a member subscribes shares (paid up in full at once unless ``amount`` says how
  much is paid on subscription);
* ``PAY_UP``: a member pays an amount on shares already subscribed;
* ``TRANSFER``: a member transfers shares (and the amount paid up on them) to another;
* ``CONVERT``: a member's shares of one class become shares of another class of the same total
  nominal value, with the amount paid up on them;
* ``REDEEM``: shares are cancelled and the amount paid up on them leaves the capital.

A [`ShareRegister`][cooprules.capital.register.ShareRegister] validates the log when it is built
(duplicate ids, unknown classes, more shares transferred, converted or redeemed than held, more paid
up than subscribed, more paid up moved with shares than their nominal value, other currencies,
floats are refused with typed errors naming the field and the value) and answers, for any date:

* the holdings (shares, subscribed amount, paid-up amount) per member and class;
* the paid-up and subscribed capital, and the highest capital ever reached (a SCOP's legal reserve
  is due until it equals that figure, loi 1978 art. 33 1°);
* the days each member held shares in a period, and the **share-days** and **capital-days**
  (integer minor-unit-days) on which interest pro rata temporis or a surplus split is computed
  ([`cooprules.capital.daycount`][cooprules.capital.daycount] turns them into years and interest).

Conventions:

* **Dates.** An operation takes effect on its date: shares subscribed on 1 March are held on
  1 March; shares sold on 1 March are held by the buyer, not the seller, on 1 March. A state "on"
  a date is the state at the end of that day.
* **Same-day order.** Operations dated the same day are applied in a fixed order, whatever the
  order they were given in: ``SUBSCRIBE``, then ``PAY_UP``, then ``TRANSFER``, then ``CONVERT``,
  then ``REDEEM`` (money comes in, then moves, then changes class, then leaves), and within one
  kind by ascending ``id``. So the
  register, and every figure computed from it, depends only on the set of operations. Give ids
  that sort in the intended order (zero-padded sequence numbers) when two transfers of the same
  day depend on each other.
* **Paid-up amount moved with shares.** A transfer, a conversion or a redemption of ``k`` of the
  ``n`` shares a member holds in a class moves ``k/n`` of the amount paid up on them, unless
  ``amount`` says how much; when ``k/n`` of it is not a whole number of minor units, ``amount`` is
  required. It is never more than the nominal value of the ``k`` shares (nor than what is paid
  up), and never so little that the shares kept carry more than their nominal value: a redemption
  of fully paid shares moves exactly their nominal value, and no operation but a subscription
  makes a member's unpaid amount grow.
* **Day counts** are exact integers (days x minor units);
  [`DayCount`][cooprules.capital.daycount.DayCount] turns them into years.

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

import attrs
from moneyed import Money

from cooprules.errors import CurrencyMismatch, DuplicateId, InvalidAmount, InvalidInput
from cooprules.explain import Text
from cooprules.money import (
    currency_of,
    format_amount,
    from_minor_units,
    to_decimal,
    to_minor_units,
)
from cooprules.periods import Period, check_date

__all__ = [
    "CapitalBasis",
    "Holding",
    "InsufficientShares",
    "Operation",
    "OperationKind",
    "PaidUpExceedsSubscribed",
    "RedemptionAboveValue",
    "ShareClass",
    "ShareRegister",
    "UnknownShareClass",
    "capital_days",
    "days_held",
    "share_days",
    "total_capital_days",
    "total_share_days",
]


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


class InsufficientShares(InvalidInput):
    """A transfer or a redemption moves more shares (or paid-up amount) than the member holds."""

    __module__ = "cooprules.capital"  # the name tracebacks show, as before the split


class PaidUpExceedsSubscribed(InvalidInput):
    """More would be paid up on a member's shares than their nominal value."""

    __module__ = "cooprules.capital"


class RedemptionAboveValue(InvalidInput):
    """A redemption would take out more than the nominal value of the shares redeemed.

    Shares are repaid at most their paid-up value, itself at most their nominal value; an amount
    above it would leave the rest of the holding "unpaid" for money the member did pay.
    """

    __module__ = "cooprules.capital"


class UnknownShareClass(InvalidInput, LookupError):
    """An operation names a share class the register does not declare."""

    __module__ = "cooprules.capital"


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
    CONVERT = "convert"
    """The member's ``shares`` become ``into_shares`` shares of the class ``into`` (same total
    nominal value; the amount paid up on them follows)."""
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
        kind: subscribe, pay up, transfer, convert or redeem.
        date: the day it takes effect.
        member: the member whose shares it concerns (the transferor for a transfer).
        share_class: the class's code.
        shares: the number of shares subscribed, transferred, converted or redeemed (0 for a
            pay-up).
        amount: for ``SUBSCRIBE``, the amount paid on subscription (``None``: fully paid); for
            ``PAY_UP``, the amount paid (required); for ``TRANSFER``, ``CONVERT`` and ``REDEEM``,
            the paid-up amount that moves with the shares (``None``: in proportion to the
            shares), at most their nominal value.
        counterparty: for ``TRANSFER``, the member who receives the shares.
        note: free text (a board decision, a reference).
        into: for ``CONVERT``, the code of the class the shares become.
        into_shares: for ``CONVERT``, how many shares of ``into`` they become (``None``: as many);
            their nominal value must equal that of the shares converted.

    Raises:
        InvalidInput: an empty id or member, a negative or missing number of shares, a
            counterparty on anything but a transfer, a conversion without its class or into its
            own class, ``into`` or ``into_shares`` on anything but a conversion.
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
    into: str | None = None
    into_shares: int | None = None

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
        self._check_conversion(where)

    def _check_conversion(self, where: str) -> None:
        if self.kind is not OperationKind.CONVERT:
            for name in ("into", "into_shares"):
                if getattr(self, name) is not None:
                    raise InvalidInput(f"{where}.{name}", getattr(self, name), "only a conversion")
            return
        if not isinstance(self.into, str) or not self.into.strip():
            raise InvalidInput(f"{where}.into", self.into, "a conversion names the class it makes")
        if self.into == self.share_class:
            raise InvalidInput(f"{where}.into", self.into, "shares convert into another class")
        count = self.into_shares
        if count is not None and (
            isinstance(count, bool) or not isinstance(count, int) or count <= 0
        ):
            raise InvalidInput(f"{where}.into_shares", count, "must be a positive number")

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
        InsufficientShares: a transfer, conversion or redemption of more shares (or paid-up
            amount) than held.
        PaidUpExceedsSubscribed: more paid up than the nominal value of the shares held, or a
            transfer or conversion moving more paid up than the nominal value of its shares.
        RedemptionAboveValue: a redemption taking out more than the nominal value of the shares
            redeemed (5 fully paid shares of 100.00 are never redeemed for 900.00).
        InvalidInput: a partial transfer, conversion or redemption whose proportional paid-up
            amount is not a whole number of minor units and that does not give it; a conversion
            that changes the nominal value.
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

    def _shift_class(self, code: str, day: date, shares: int, paid: int) -> None:
        c_dates, c_states = self.class_dates[code], self.class_states[code]
        total_shares, total_paid = c_states[-1] if c_states else (0, 0)
        _push(c_dates, c_states, day, (total_shares + shares, total_paid + paid))

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
        if op.into is not None and op.into not in self.nominal:
            raise UnknownShareClass(f"{where}.into", op.into, f"declared: {sorted(self.nominal)}")
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
        self._shift_class(op.share_class, op.date, op.shares, paying)

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
        self._shift_class(op.share_class, op.date, 0, amount)

    def _move(self, op: Operation, amount: int | None, where: str) -> None:
        unit = self.nominal[op.share_class]
        key = (op.member, op.share_class)
        shares, paid = self.current.get(key, (0, 0))
        moved = _moved_paid(op, shares, paid, amount, where)
        value = op.shares * unit
        if moved > value:
            error = (
                RedemptionAboveValue if op.kind is OperationKind.REDEEM else PaidUpExceedsSubscribed
            )
            raise error(
                f"{where}.amount",
                self._show(moved),
                f"more than the nominal value of the {op.shares} {op.share_class} shares "
                f"({self._show(value)}): shares carry at most their nominal value paid up",
            )
        if paid - moved > (shares - op.shares) * unit:
            raise InsufficientShares(
                f"{where}.amount",
                self._show(moved),
                "the shares kept would carry more paid up than their nominal value",
            )
        self._record(key, op.date, (shares - op.shares, paid - moved))
        if op.kind is OperationKind.REDEEM:
            self._shift_class(op.share_class, op.date, -op.shares, -moved)
            return
        if op.kind is OperationKind.CONVERT:
            self._convert(op, moved, where)
            return
        target = (str(op.counterparty), op.share_class)
        t_shares, t_paid = self.current.get(target, (0, 0))
        self._record(target, op.date, (t_shares + op.shares, t_paid + moved))

    def _convert(self, op: Operation, moved: int, where: str) -> None:
        into = str(op.into)
        count = op.shares if op.into_shares is None else op.into_shares
        before, after = op.shares * self.nominal[op.share_class], count * self.nominal[into]
        if before != after:
            raise InvalidInput(
                f"{where}.into_shares",
                count,
                f"{op.shares} {op.share_class} shares ({self._show(before)}) do not convert into "
                f"{count} {into} shares ({self._show(after)}): a conversion keeps the nominal "
                "value; subscribe or redeem the difference",
            )
        self._shift_class(op.share_class, op.date, -op.shares, -moved)
        target = (op.member, into)
        t_shares, t_paid = self.current.get(target, (0, 0))
        self._record(target, op.date, (t_shares + count, t_paid + moved))
        self._shift_class(into, op.date, count, moved)


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


def _integrate_kept(dates: list[date], values: list[int], period: Period, until: date) -> int:
    """Σ over ``period`` of the part of each day's value still there on every day up to ``until``.

    On a day ``d`` it counts the least value of the step function over ``[d, until)``: the shares
    held that day and still held at the end (a share that leaves and comes back is a new one).
    """
    index = bisect_right(dates, period.start) - 1
    cursor, value = period.start, values[index] if index >= 0 else 0
    segments: list[tuple[date, date, int]] = []
    for position in range(index + 1, len(dates)):
        day = dates[position]
        if day >= until:
            break
        segments.append((cursor, day, value))
        cursor, value = day, values[position]
    segments.append((cursor, until, value))
    total, least = 0, None
    for start, end, amount in reversed(segments):
        least = amount if least is None else min(least, amount)
        inside = (min(end, period.end) - start).days
        if inside > 0:
            total += least * inside
    return total


def _per_member(
    register: ShareRegister,
    period: Period,
    share_class: str | None,
    pick: int,
    until: date | None = None,
) -> dict[str, int]:
    codes = set(register._class_codes(share_class))  # noqa: SLF001 - same module
    result: dict[str, int] = {}
    for (member, code), key_dates in sorted(register._dates.items()):  # noqa: SLF001
        if code not in codes:
            continue
        states = register._states[(member, code)]  # noqa: SLF001
        values = [state[pick] for state in states]
        days = (
            _integrate(key_dates, values, period)
            if until is None
            else _integrate_kept(key_dates, values, period, until)
        )
        result[member] = result.get(member, 0) + days
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
    register: ShareRegister,
    period: Period,
    share_class: str | None = None,
    *,
    held_at_end: bool = False,
) -> dict[str, int]:
    """Σ over the days of ``period`` of each member's paid-up amount, in minor-unit-days.

    These integers are exact allocation weights: interest pro rata temporis is proportional to
    them (``allocate(pool, capital_days(...))``), and their sum is
    [`total_capital_days()`][cooprules.capital.register.total_capital_days].

    With ``held_at_end`` only the capital still held on the period's last day counts (the
    statutes' clause "interest only on the shares held at the year's end": shares redeemed or
    transferred during the year earn nothing). Each day then counts the least paid-up amount
    the member holds from that day to the end, so a member who held 1,000.00 all year and
    redeemed 400.00 on 1 July counts 600.00 every day.
    """
    if held_at_end:
        return _capital_days_kept(register, period, period.end, share_class)
    return _per_member(register, period, share_class, 1)


def _capital_days_kept(
    register: ShareRegister, period: Period, until: date, share_class: str | None = None
) -> dict[str, int]:
    """The capital-days of ``period`` counting only the capital still held up to ``until``."""
    return _per_member(register, period, share_class, 1, until)


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
