"""The money policy: the only place where amounts are built, rounded and split.

Rules (each one refuses what would silently lose a cent):

* Amounts come from ``str``, ``int`` or `Decimal` only. ``float`` and ``bool`` are
  refused, and so are NaN and the infinities, with an
  [`InvalidAmount`][cooprules.errors.InvalidAmount] that names the field and the value.
* Rounding is explicit: [`quantize()`][cooprules.money.quantize] rounds to the currency's minor unit
  (two decimals for EUR and CAD, none for JPY) with a [`Rounding`][cooprules.money.Rounding] mode,
  half-up unless a regime or a caller chooses another. cooprules never uses ``Money.round()`` (it
  follows the ambient decimal context and rounds to whole units by default),
  ``get_amount_in_sub_unit()`` (it truncates) or ``str(Money)`` (it depends on the process locale).
* [`allocate()`][cooprules.money.allocate] splits an amount over weights by the largest-remainder
  method: the parts add up to the total exactly, each part is within one minor unit of its exact
  share, and ties are broken by a rule that does not depend on the order of the input.
* [`Rate`][cooprules.money.Rate] holds a rate as an exact fraction, parsed from ``"10%"``,
  ``"0.1"``, ``"1/3"``, a ``Decimal`` or an ``int``, and checked against its bounds.
* Every number read stays within what a co-operative can hold
  ([`MAX_INTEGER_DIGITS`][cooprules.money.MAX_INTEGER_DIGITS] digits before the point,
  [`MAX_DECIMALS`][cooprules.money.MAX_DECIMALS] after it, text of at most
  [`MAX_TEXT`][cooprules.money.MAX_TEXT] characters): anything beyond (``"1e70"``, ``"1e9999999%"``,
  a 10 MB string) is refused at once, before any costly arithmetic, so reading a number takes a time
  bounded by its length.

```pycon
>>> from cooprules.money import allocate, money, Rate
>>> parts = allocate(money("100.00", "EUR"), {"ana": 1, "bo": 1, "cy": 1})
>>> {k: format_amount(v) for k, v in parts.items()}
{'ana': '33.34 EUR', 'bo': '33.33 EUR', 'cy': '33.33 EUR'}
>>> format_amount(Rate.of("13.5%").apply(money("1234.56", "EUR")))
'166.67 EUR'

```
"""

from __future__ import annotations

import decimal
import enum
import math
import operator
import re
from bisect import bisect_right
from collections.abc import Callable, ItemsView, Iterable, Iterator, Mapping, Sequence, ValuesView
from decimal import Decimal
from fractions import Fraction
from itertools import compress
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final, TypeVar, overload

import attrs
from moneyed import Currency, CurrencyDoesNotExist, Money, get_currency

from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidRate, InvalidWeights

if TYPE_CHECKING:
    from collections.abc import Hashable

__all__ = [
    "MAX_DECIMALS",
    "MAX_INTEGER_DIGITS",
    "MAX_TEXT",
    "Allocation",
    "Amount",
    "Currency",
    "Money",
    "Parts",
    "Rate",
    "Rounding",
    "Weight",
    "allocate",
    "allocate_units",
    "currency_of",
    "decimal_text",
    "exponent",
    "format_amount",
    "from_minor_units",
    "is_rounded",
    "money",
    "money_from_fraction",
    "quantize",
    "round_fraction",
    "same_currency",
    "to_decimal",
    "to_fraction",
    "to_minor_units",
    "total",
    "zero",
]

Amount = str | int | Decimal
"""What an amount may be given as: text such as ``"1234.56"``, an ``int``, or a ``Decimal``."""

Weight = int | Decimal | Fraction | str
"""What an allocation weight may be: an exact number, or text that parses as one."""

K = TypeVar("K", bound="Hashable")

# A private context wide enough for any amount a co-operative can hold, so that no operation here
# depends on (or rounds through) the caller's ambient decimal context.
_CONTEXT = decimal.Context(prec=60, Emax=999_999, Emin=-999_999, traps=[decimal.InvalidOperation])


MAX_INTEGER_DIGITS: Final = 15
"""The most digits before the point of an amount or a number read (below 10**15): a thousand
billion euros is more than any co-operative holds, and far below the precision of the arithmetic."""

MAX_DECIMALS: Final = 30
"""The most digits after the point of an amount or a number read."""

MAX_TEXT: Final = 64
"""The longest text read as an amount, a number or a rate (spaces included)."""


def _too_long(value: str, field: str, error: type[InvalidAmount | InvalidRate]) -> None:
    """Refuse text longer than `MAX_TEXT` before parsing it (the value shown is cut)."""
    if len(value) > MAX_TEXT:  # the message shows the value cut; the error keeps it whole
        raise error(field, value, f"text of at most {MAX_TEXT} characters is read as a number")


def _check_size(
    number: Decimal, value: object, field: str, error: type[InvalidAmount | InvalidRate]
) -> None:
    """Refuse a decimal beyond `MAX_INTEGER_DIGITS` or `MAX_DECIMALS` digits.

    It reads the exponent before any arithmetic on the digits, so a refusal is immediate.
    """
    if not number.is_zero() and number.adjusted() >= MAX_INTEGER_DIGITS:
        reason = f"more than {MAX_INTEGER_DIGITS} digits before the point is beyond any co-op"
        raise error(field, value, reason)
    exp = number.as_tuple().exponent
    if isinstance(exp, int) and exp < -MAX_DECIMALS:
        raise error(field, value, f"more than {MAX_DECIMALS} digits after the point")


class Rounding(enum.Enum):
    """How a value is rounded to the currency's minor unit.

    The default everywhere is [`HALF_UP`][cooprules.money.Rounding.HALF_UP] (commercial rounding, as
    accountants in Belgium, France and Quebec expect). A regime or a statute may pick another.
    """

    HALF_UP = decimal.ROUND_HALF_UP
    """0.005 becomes 0.01, -0.005 becomes -0.01 (away from zero on a tie)."""
    HALF_EVEN = decimal.ROUND_HALF_EVEN
    """Banker's rounding: 0.005 becomes 0.00, 0.015 becomes 0.02."""
    HALF_DOWN = decimal.ROUND_HALF_DOWN
    """0.005 becomes 0.00 (towards zero on a tie)."""
    DOWN = decimal.ROUND_DOWN
    """Truncation towards zero."""
    UP = decimal.ROUND_UP
    """Away from zero."""
    FLOOR = decimal.ROUND_FLOOR
    """Towards minus infinity."""
    CEILING = decimal.ROUND_CEILING
    """Towards plus infinity."""


# ---------------------------------------------------------------------------------------------
# Building amounts
# ---------------------------------------------------------------------------------------------


def to_decimal(value: object, *, field: str = "amount") -> Decimal:
    """Convert an exact amount to a finite `Decimal`.

    Args:
        value: a ``str`` (``"1234.56"``, ``"-3"``, ``"1_000.00"``), an ``int`` or a ``Decimal``.
        field: the name reported in the error if the value is refused.

    Raises:
        InvalidAmount: for a ``float`` (it is already inexact), a ``bool``, NaN, an infinity, text
            that is not a number, a number beyond
            [`MAX_INTEGER_DIGITS`][cooprules.money.MAX_INTEGER_DIGITS] integer digits or
            [`MAX_DECIMALS`][cooprules.money.MAX_DECIMALS] decimals, text longer than
            [`MAX_TEXT`][cooprules.money.MAX_TEXT], or any other type.

    ```pycon
    >>> to_decimal("0.10")
    Decimal('0.10')
    >>> to_decimal(0.1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    cooprules.errors.InvalidAmount: amount: float is not accepted for money; ... (got 0.1)

    ```
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise InvalidAmount(field, value, "bool is not an amount")
    elif isinstance(value, int):
        if -_INT_LIMIT < value < _INT_LIMIT:
            return Decimal(value)
        reason = f"more than {MAX_INTEGER_DIGITS} digits before the point is beyond any co-op"
        raise InvalidAmount(field, value, reason)
    elif isinstance(value, str):
        _too_long(value, field, InvalidAmount)
        text = value.strip()
        try:
            result = Decimal(text)
        except decimal.InvalidOperation:
            raise InvalidAmount(field, value, "text is not a decimal number") from None
    elif isinstance(value, float):
        raise InvalidAmount(
            field, value, "float is not accepted for money; pass a str or a Decimal"
        )
    else:
        raise InvalidAmount(
            field, value, f"expected str, int or Decimal, not {type(value).__name__}"
        )
    if not result.is_finite():
        raise InvalidAmount(field, value, "amount must be finite (NaN and infinity are refused)")
    _check_size(result, value, field, InvalidAmount)
    return result


_INT_LIMIT: Final = 10**MAX_INTEGER_DIGITS


def _held(amount: Money, field: str) -> Decimal:
    """The decimal of a ``Money`` already built: finite and a ``Decimal``, whatever its size.

    The bounds of [`to_decimal()`][cooprules.money.to_decimal] are for the values read; sums the
    library makes may exceed them (a test's total of 10**30 units) and stay exact.
    """
    if not isinstance(amount, Money):
        raise InvalidAmount(field, amount, "expected a Money; build it with cooprules.money.money")
    value = amount.amount
    if not isinstance(value, Decimal) or not value.is_finite():
        return to_decimal(value, field=field)  # the precise refusal
    return value


def currency_of(code: str | Currency, *, field: str = "currency") -> Currency:
    """Return the `moneyed.Currency` for an ISO 4217 code such as ``"EUR"`` or ``"CAD"``.

    Raises:
        CurrencyMismatch: if the code is not a known currency.
    """
    if isinstance(code, Currency):
        return code
    if not isinstance(code, str):
        raise CurrencyMismatch(field, code, "a currency is an ISO 4217 code such as 'EUR'")
    try:
        return get_currency(code.strip().upper())
    except CurrencyDoesNotExist:
        raise CurrencyMismatch(field, code, "unknown ISO 4217 currency code") from None


def money(amount: Amount | Money, currency: str | Currency, *, field: str = "amount") -> Money:
    """Build a `moneyed.Money` from an exact amount, refusing anything inexact.

    The amount keeps the digits it was given (no rounding happens here: use
    [`quantize()`][cooprules.money.quantize]). A ``Money`` already in the same currency is returned
    as it is.

    Raises:
        InvalidAmount: see [`to_decimal()`][cooprules.money.to_decimal].
        CurrencyMismatch: unknown currency, or a ``Money`` in another currency.

    ```pycon
    >>> format_amount(money("12.5", "eur"))
    '12.5 EUR'

    ```
    """
    cur = currency_of(currency)
    if isinstance(amount, Money):
        if amount.currency != cur:
            raise CurrencyMismatch(field, amount, f"expected an amount in {cur.code}")
        return Money(_held(amount, field), cur)
    return Money(to_decimal(amount, field=field), cur)


def zero(currency: str | Currency) -> Money:
    """Return zero in ``currency``, with the currency's number of decimals (``0.00 EUR``)."""
    cur = currency_of(currency)
    return Money(Decimal(0).scaleb(-exponent(cur)), cur)


def same_currency(*amounts: Money, field: str = "amounts") -> Currency:
    """Return the one currency shared by ``amounts``.

    Raises:
        CurrencyMismatch: if they use more than one currency, or none is given.
    """
    if not amounts:
        raise CurrencyMismatch(field, (), "at least one amount is needed to know the currency")
    first = amounts[0].currency
    for other in amounts[1:]:
        if other.currency != first:
            raise CurrencyMismatch(
                field,
                f"{first.code} and {other.currency.code}",
                "amounts in different currencies cannot be combined",
            )
    return first


def total(amounts: Iterable[Money], currency: str | Currency, *, field: str = "amounts") -> Money:
    """Add amounts exactly, checking that each is in ``currency``.

    An empty iterable gives zero. The sum is exact (no rounding).

    Raises:
        CurrencyMismatch: if an amount is in another currency.
    """
    cur = currency_of(currency)
    acc = Decimal(0)
    for index, item in enumerate(amounts):
        if not isinstance(item, Money):
            raise InvalidAmount(f"{field}[{index}]", item, "expected a Money")
        if item.currency != cur:
            raise CurrencyMismatch(
                f"{field}[{index}]", item.currency.code, f"expected an amount in {cur.code}"
            )
        acc = _CONTEXT.add(acc, item.amount)
    return Money(acc, cur)


# ---------------------------------------------------------------------------------------------
# Minor units and rounding
# ---------------------------------------------------------------------------------------------


def exponent(currency: str | Currency) -> int:
    """Return the number of decimals of the currency's minor unit: 2 for EUR and CAD, 0 for JPY.

    ```pycon
    >>> exponent("EUR"), exponent("JPY"), exponent("BHD")
    (2, 0, 3)

    ```
    """
    cur = currency_of(currency)
    sub_unit = int(cur.sub_unit)
    digits = len(str(sub_unit)) - 1
    if sub_unit != 10**digits:  # no ISO currency has such a minor unit today; a made-up one may
        raise CurrencyMismatch("currency", cur.code, f"minor unit 1/{sub_unit} is not decimal")
    return digits


def quantize(
    amount: Money, *, rounding: Rounding = Rounding.HALF_UP, field: str = "amount"
) -> Money:
    """Round ``amount`` to its currency's minor unit with an explicit mode.

    ```pycon
    >>> format_amount(quantize(money("0.125", "EUR")))
    '0.13 EUR'
    >>> format_amount(quantize(money("0.125", "EUR"), rounding=Rounding.HALF_EVEN))
    '0.12 EUR'

    ```
    """
    value = _held(amount, field)
    quantum = Decimal(1).scaleb(-exponent(amount.currency))
    try:
        rounded = value.quantize(quantum, rounding=rounding.value, context=_CONTEXT)
    except decimal.InvalidOperation:
        reason = f"too large to round to the minor unit (at most {_CONTEXT.prec} digits)"
        raise InvalidAmount(field, format_amount(amount), reason) from None
    if rounded.is_zero():  # -0.004 rounds to 0.00, not to a negative zero shown as "-0.00"
        rounded = rounded.copy_abs()
    return Money(rounded, amount.currency)


def is_rounded(amount: Money) -> bool:
    """Tell whether ``amount`` is a whole number of minor units (``1.50 EUR`` yes, ``1.505`` no)."""
    units = amount.amount.scaleb(exponent(amount.currency), context=_CONTEXT)
    return units == units.to_integral_value(context=_CONTEXT)


def to_minor_units(amount: Money, *, field: str = "amount") -> int:
    """Return ``amount`` as an exact whole number of minor units (``12.34 EUR`` -> ``1234``).

    Unlike ``Money.get_amount_in_sub_unit()``, this never truncates.

    Raises:
        InvalidAmount: if the amount has digits below the minor unit; round it first with
            [`quantize()`][cooprules.money.quantize].
    """
    value = _held(amount, field)
    units = value.scaleb(exponent(amount.currency), context=_CONTEXT)
    integral = units.to_integral_value(context=_CONTEXT)
    if units != integral:
        raise InvalidAmount(
            field,
            f"{value} {amount.currency.code}",
            "amount has digits below the currency's minor unit; round it first with quantize()",
        )
    return int(integral)


def from_minor_units(units: int, currency: str | Currency) -> Money:
    """Build an amount from a whole number of minor units (``1234``, ``"EUR"`` -> ``12.34 EUR``)."""
    if isinstance(units, bool) or not isinstance(units, int):
        raise InvalidAmount("units", units, "minor units must be an int")
    cur = currency_of(currency)
    return Money(_CONTEXT.scaleb(units, -exponent(cur)), cur)


def round_fraction(  # noqa: PLR0911 - one return per rounding mode reads best
    value: Fraction, rounding: Rounding = Rounding.HALF_UP
) -> int:
    """Round an exact fraction to an integer with the given mode.

    ```pycon
    >>> round_fraction(Fraction(5, 2)), round_fraction(Fraction(5, 2), Rounding.HALF_EVEN)
    (3, 2)
    >>> round_fraction(Fraction(-5, 2))
    -3

    ```
    """
    floor = value.numerator // value.denominator
    rest = value - floor  # 0 <= rest < 1
    if rest == 0:
        return floor
    ceiling = floor + 1
    away = ceiling if value > 0 else floor  # away from zero
    toward = floor if value > 0 else ceiling  # towards zero
    half = Fraction(1, 2)
    match rounding:
        case Rounding.FLOOR:
            return floor
        case Rounding.CEILING:
            return ceiling
        case Rounding.DOWN:
            return toward
        case Rounding.UP:
            return away
        case _:
            if rest < half:
                return floor
            if rest > half:
                return ceiling
            if rounding is Rounding.HALF_UP:
                return away
            if rounding is Rounding.HALF_DOWN:
                return toward
            return floor if floor % 2 == 0 else ceiling


def money_from_fraction(
    value: Fraction, currency: str | Currency, *, rounding: Rounding = Rounding.HALF_UP
) -> Money:
    """Round an exact fraction of the currency's major unit to money (one rounding, at the end).

    Engines compute shares exactly as fractions (capital x rate x days / 365) and round once here.

    ```pycon
    >>> format_amount(money_from_fraction(Fraction(1000, 3), "EUR"))
    '333.33 EUR'

    ```
    """
    cur = currency_of(currency)
    units = round_fraction(value * 10 ** exponent(cur), rounding)
    return from_minor_units(units, cur)


def to_fraction(value: object, *, field: str = "value") -> Fraction:
    """Convert an exact number (``int``, ``Decimal``, ``Fraction`` or text) to a ``Fraction``.

    Text may be a decimal (``"0.15"``), a percentage (``"15%"``) or a ratio (``"3/20"``).

    Raises:
        InvalidRate: for a float, a bool, NaN, an infinity, unparsable text, text longer than
            [`MAX_TEXT`][cooprules.money.MAX_TEXT], or a decimal beyond
            [`MAX_INTEGER_DIGITS`][cooprules.money.MAX_INTEGER_DIGITS] integer digits or
            [`MAX_DECIMALS`][cooprules.money.MAX_DECIMALS] decimals (refused before the costly
            conversion to a fraction).
    """
    if isinstance(value, Fraction):
        return value
    if isinstance(value, bool):
        raise InvalidRate(field, value, "bool is not a number")
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidRate(field, value, "must be finite (NaN and infinity are refused)")
        _check_size(value, value, field, InvalidRate)
        return Fraction(value)
    if isinstance(value, float):
        raise InvalidRate(field, value, "float is not exact; pass a str, an int or a Decimal")
    if isinstance(value, str):
        return _parse_fraction_text(value, field)
    raise InvalidRate(
        field, value, f"expected str, int, Decimal or Fraction, not {type(value).__name__}"
    )


_RATIO = re.compile(r"^\s*([+-]?\d+)\s*/\s*(\d+)\s*$")


def _parse_fraction_text(text: str, field: str) -> Fraction:
    _too_long(text, field, InvalidRate)
    stripped = text.strip()
    percent = stripped.endswith("%")
    body = stripped[:-1].strip() if percent else stripped
    ratio = _RATIO.match(body)
    if ratio:
        denominator = int(ratio.group(2))
        if denominator == 0:
            raise InvalidRate(field, text, "division by zero")
        result = Fraction(int(ratio.group(1)), denominator)
    else:
        try:
            number = Decimal(body)
        except decimal.InvalidOperation:
            raise InvalidRate(
                field, text, "not a number, a percentage ('10%') or a ratio ('1/3')"
            ) from None
        if not number.is_finite():
            raise InvalidRate(field, text, "must be finite (NaN and infinity are refused)")
        _check_size(number, text, field, InvalidRate)
        result = Fraction(number)
    return result / 100 if percent else result


# ---------------------------------------------------------------------------------------------
# Allocation
# ---------------------------------------------------------------------------------------------


def allocate_units(
    total_units: int, weights: Sequence[int], *, tie_order: Sequence[int] | None = None
) -> list[int]:
    """Split a whole number of minor units over non-negative integer weights (largest remainder).

    This is the integer engine behind [`allocate()`][cooprules.money.allocate]; engines call it in
    their hot loops. Each part is ``floor(total * w / W)`` (``W`` the sum of the weights) plus one
    unit for the parts with the largest remainders, until the parts add up to ``total_units``. Among
    equal remainders the part with the lowest rank in ``tie_order`` gets the unit first
    (``tie_order[i]`` is the rank of position ``i``, a permutation of the positions; by default
    position order). A negative total is split as the mirror image of the positive one, so a loss
    and a gain of the same size give opposite parts.

    Raises:
        InvalidWeights: if there are no weights, a weight is negative or not an ``int``, or all
            weights are zero.

    ```pycon
    >>> allocate_units(100, [1, 1, 1])
    [34, 33, 33]
    >>> allocate_units(-100, [1, 1, 1])
    [-34, -33, -33]

    ```
    """
    if isinstance(total_units, bool) or not isinstance(total_units, int):
        raise InvalidAmount("total_units", total_units, "must be an int")
    weight_sum = _checked_sum(weights)
    return _largest_remainder(
        total_units, weights, weight_sum, None if tie_order is None else tie_order.__getitem__
    )


def _largest_remainder(
    total_units: int,
    weights: Sequence[int],
    weight_sum: int,
    tie_key: Callable[[int], Any] | None,
) -> list[int]:
    """The largest-remainder split over checked weights (``weight_sum`` their positive sum).

    The core of [`allocate_units()`][cooprules.money.allocate_units] and
    [`allocate()`][cooprules.money.allocate]: among equal remainders at the threshold, the
    positions in ascending ``tie_key`` order get the units left first (position order without
    one). The floors and remainders are list comprehensions with the arithmetic inline (Python
    3.11 specialises ``*``, ``//`` and ``%`` on ints); the threshold comes from one sort of the
    bare remainders; ``tie_key`` is read only for the positions tied at the threshold.
    """
    if total_units < 0:
        return [-part for part in _largest_remainder(-total_units, weights, weight_sum, tie_key)]
    count = len(weights)
    parts = [total_units * w // weight_sum for w in weights]
    missing = total_units - sum(parts)  # 0 <= missing < count
    if missing == 0:
        return parts
    remainders = [total_units * w % weight_sum for w in weights]
    ordered = sorted(remainders)
    threshold = ordered[count - missing]  # the smallest remainder that still gets a unit
    above = count - bisect_right(ordered, threshold)
    for index in compress(range(count), map(threshold.__lt__, remainders)):
        parts[index] += 1
    needed = missing - above
    tied = list(compress(range(count), map(threshold.__eq__, remainders)))
    if tie_key is not None and needed < len(tied):
        tied.sort(key=tie_key)
    for index in tied[:needed]:
        parts[index] += 1
    return parts


def _checked_sum(weights: Sequence[int]) -> int:
    """Validate integer weights in C-speed passes and return their (positive) sum."""
    if len(weights) == 0:
        raise InvalidWeights("weights", weights, "at least one weight is needed")
    if not _INT_ONLY.issuperset(map(type, weights)) and (
        not all(map(int.__instancecheck__, weights)) or any(map(bool.__instancecheck__, weights))
    ):
        bad = next(w for w in weights if isinstance(w, bool) or not isinstance(w, int))
        raise InvalidWeights("weights", bad, "integer weights expected")
    smallest = min(weights)
    if smallest < 0:
        raise InvalidWeights("weights", smallest, "weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        raise InvalidWeights("weights", "all zero", "the weights add up to zero")
    return weight_sum


def _integer_weights(
    weights: Sequence[object], field: str, keys: Sequence[object] | None = None
) -> list[int]:
    """Scale exact weights to integers with the same proportions (fast path: all ``int``).

    Errors name the weight by its key (``weights['ana']``) when ``keys`` are given, else by
    position.
    """
    if _INT_ONLY.issuperset(map(type, weights)):  # every weight exactly an int, in C
        return list(weights)  # type: ignore[arg-type]  # checked just above
    fractions: list[Fraction] = []
    for index, weight in enumerate(weights):
        try:
            label = repr(keys[index]) if keys is not None else index
            fractions.append(to_fraction(weight, field=f"{field}[{label}]"))
        except InvalidRate as error:
            raise InvalidWeights(error.field, error.value, error.reason) from None
    common = math.lcm(*(f.denominator for f in fractions))
    return [f.numerator * (common // f.denominator) for f in fractions]


_INT_ONLY: Final = frozenset({int})
_STR_ONLY: Final = frozenset({str})


def _tie_key(keys: Sequence[object]) -> Callable[[int], Any]:
    """The order in which tied positions get a unit: ascending key order, as `_key_rank()`.

    Keys that are all exactly ``str`` (or all exactly ``int``) are totally ordered, so sorting
    the few tied positions by their keys gives the order of the full ranking without sorting
    every key: the usual split by member id sorts nothing but its ties.
    """
    types = set(map(type, keys))
    if types <= _STR_ONLY or types <= _INT_ONLY:
        return keys.__getitem__
    return _key_rank(keys).__getitem__


def _key_rank(keys: Sequence[object]) -> list[int]:
    """Rank of each key in ascending key order; unorderable keys fall back to (type, repr)."""
    positions = range(len(keys))
    try:
        order = sorted(positions, key=keys.__getitem__)  # type: ignore[arg-type]
        ordered: list[Any] = [keys[i] for i in order]
        total_order = all(map(operator.lt, ordered, ordered[1:]))  # not so for sets: {1} vs {2}
    except TypeError:
        total_order = False
    if not total_order:
        order = sorted(positions, key=lambda i: (type(keys[i]).__qualname__, repr(keys[i])))
    rank = [0] * len(keys)
    for position, index in enumerate(order):
        rank[index] = position
    return rank


class Parts(Sequence[Money]):
    """The parts of a split, in order: a read-only sequence of ``Money``.

    The parts are kept as whole minor units ([`units`][cooprules.money.Parts.units]) and made into
    ``Money`` when read, so a split over a million weights stays integer arithmetic until the caller
    looks at it. It compares equal to a list or tuple of the same amounts.
    """

    __slots__ = ("_scale", "currency", "units")

    def __init__(self, units: Sequence[int], currency: Currency) -> None:
        self.units: tuple[int, ...] = tuple(units)
        """Each part in minor units."""
        self.currency: Currency = currency
        """The currency of the parts."""
        self._scale = -exponent(currency)

    def _money(self, units: int) -> Money:
        return Money(_CONTEXT.scaleb(units, self._scale), self.currency)

    @overload
    def __getitem__(self, index: int) -> Money: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Money]: ...
    def __getitem__(self, index: int | slice) -> Money | Sequence[Money]:
        if isinstance(index, slice):
            return [self._money(u) for u in self.units[index]]
        return self._money(self.units[index])

    def __len__(self) -> int:
        return len(self.units)

    def __iter__(self) -> Iterator[Money]:
        return map(self._money, self.units)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Parts):
            return self.units == other.units and self.currency == other.currency
        if isinstance(other, list | tuple):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which are not hashable

    def __repr__(self) -> str:
        return f"Parts({[format_amount(m) for m in self]})"


class Allocation(Mapping[K, Money]):
    """The parts of a split by key: a read-only mapping ``key -> Money``, keys in input order.

    Like [`Parts`][cooprules.money.Parts], it keeps whole minor units
    ([`units`][cooprules.money.Allocation.units], by key) and makes ``Money`` when read. It compares
    equal to a ``dict`` of the same amounts.
    """

    __slots__ = ("_scale", "currency", "units")

    def __init__(self, units: Mapping[K, int], currency: Currency) -> None:
        self.units: Mapping[K, int] = MappingProxyType(dict(units))
        """Each part in minor units, by key."""
        self.currency: Currency = currency
        """The currency of the parts."""
        self._scale = -exponent(currency)

    @classmethod
    def _of_columns(
        cls, keys: tuple[K, ...], units: list[int], currency: Currency
    ) -> Allocation[K]:
        """The parts as two columns, the keys and their units in the same order.

        The columns are owned, not copied, and the keys are a mapping's (distinct): no dict of a
        million keys is built unless someone reads a part by key.
        """
        allocation: Allocation[K] = cls.__new__(cls)
        allocation.units = _KeyedUnits(keys, units)
        allocation.currency = currency
        allocation._scale = -exponent(currency)
        return allocation

    def __getitem__(self, key: K) -> Money:
        return Money(_CONTEXT.scaleb(self.units[key], self._scale), self.currency)

    def __iter__(self) -> Iterator[K]:
        return iter(self.units)

    def __len__(self) -> int:
        return len(self.units)

    def __repr__(self) -> str:
        shown = ", ".join(f"{key!r}: {format_amount(self[key])}" for key in self.units)
        return f"Allocation({{{shown}}})"


class _KeyedUnits(Mapping[K, int]):
    """Minor units by key kept as columns: the keys in order and their units in the same order.

    A read-only mapping; the index from a key to its position is built on the first read by key.
    """

    __slots__ = ("_index", "keys_column", "units_column")

    def __init__(self, keys: tuple[K, ...], units: list[int]) -> None:
        self.keys_column = keys
        self.units_column = units
        self._index: dict[K, int] | None = None

    def __getitem__(self, key: K) -> int:
        index = self._index
        if index is None:
            keys = self.keys_column
            index = self._index = dict(zip(keys, range(len(keys)), strict=True))
        return self.units_column[index[key]]

    def __iter__(self) -> Iterator[K]:
        return iter(self.keys_column)

    def __len__(self) -> int:
        return len(self.keys_column)

    def __contains__(self, key: object) -> bool:
        try:
            self[key]  # type: ignore[index]  # any hashable may be asked
        except (KeyError, TypeError):
            return False
        return True

    def values(self) -> ValuesView[int]:
        return _ColumnValues(self)

    def items(self) -> ItemsView[K, int]:
        return _ColumnItems(self)

    def __repr__(self) -> str:
        return repr(dict(self.items()))


class _ColumnValues(ValuesView[int]):
    """The units of a [`_KeyedUnits`][cooprules.money._KeyedUnits], read from its column."""

    _mapping: _KeyedUnits[Any]

    def __iter__(self) -> Iterator[int]:
        return iter(self._mapping.units_column)


class _ColumnItems(ItemsView[K, int]):
    """The (key, units) pairs of a [`_KeyedUnits`][cooprules.money._KeyedUnits], from columns."""

    _mapping: _KeyedUnits[K]

    def __iter__(self) -> Iterator[tuple[K, int]]:
        return zip(self._mapping.keys_column, self._mapping.units_column, strict=True)


@overload
def allocate(total: Money, weights: Mapping[K, Weight], *, field: str = ...) -> Allocation[K]: ...
@overload
def allocate(total: Money, weights: Sequence[Weight], *, field: str = ...) -> Parts: ...
def allocate(
    total: Money, weights: Mapping[K, Weight] | Sequence[Weight], *, field: str = "weights"
) -> Allocation[K] | Parts:
    """Split ``total`` over ``weights`` so that the parts add up to it exactly, to the minor unit.

    Args:
        total: the amount to split, a whole number of minor units (round it first with
            [`quantize()`][cooprules.money.quantize]). A negative total (a loss) is split as the
            mirror image of the gain.
        weights: non-negative exact weights (``int``, ``Decimal``, ``Fraction`` or text such as
            ``"2.5"``), either a mapping ``key -> weight`` or a sequence.
        field: the name reported in errors about the weights.

    Returns:
        for a mapping, an [`Allocation`][cooprules.money.Allocation] (a read-only mapping with the
        same keys in the same order); for a sequence, [`Parts`][cooprules.money.Parts] (a read-only
        sequence). Both hold minor units and make ``Money`` when read, and compare equal to a
        ``dict`` or a ``list`` of the amounts.

    Guarantees:
        * ``sum(parts) == total`` exactly;
        * each part is within one minor unit of its exact share ``total * w / sum(w)``, and is
          either its floor or its ceiling;
        * a zero weight gets zero;
        * deterministic. The units left after the floors go to the largest remainders; among equal
          remainders, a mapping gives them in ascending order of its keys (keys that cannot be
          compared are ordered by type name, then ``repr``), so the result does not depend on the
          order of the mapping; a sequence gives them in position order.

    Raises:
        InvalidAmount: the total is below the minor unit or not a ``Money``.
        InvalidWeights: no weights, a negative, float or NaN weight, or weights adding up to zero.

    ```pycon
    >>> parts = allocate(money("-0.05", "EUR"), [2, 1])
    >>> [format_amount(p) for p in parts]
    ['-0.03 EUR', '-0.02 EUR']

    ```
    """
    if not isinstance(total, Money):
        raise InvalidAmount("total", total, "expected a Money; build it with cooprules.money.money")
    units = to_minor_units(total, field="total")
    currency = total.currency
    if isinstance(weights, Mapping):
        keys = tuple(weights)
        integer = _integer_weights(list(weights.values()), field, keys)
        try:
            weight_sum = _checked_sum(integer)
        except InvalidWeights as error:
            raise InvalidWeights(field, error.value, error.reason) from None
        parts = _largest_remainder(units, integer, weight_sum, _tie_key(keys))
        return Allocation._of_columns(keys, parts, currency)  # noqa: SLF001 - this module's
    if isinstance(weights, str | bytes) or not isinstance(weights, Sequence):
        raise InvalidWeights(field, weights, "expected a mapping or a sequence of weights")
    integer = _integer_weights(weights, field)
    try:
        parts = allocate_units(units, integer)
    except InvalidWeights as error:
        raise InvalidWeights(field, error.value, error.reason) from None
    return Parts(parts, currency)


# ---------------------------------------------------------------------------------------------
# Rates
# ---------------------------------------------------------------------------------------------


def _fraction_field(value: object) -> Fraction:
    return to_fraction(value, field="rate")


@attrs.frozen(order=True)
class Rate:
    """An exact rate: a fraction such as 10 %, 3/20 or 1/3.

    Build one with [`Rate.of()`][cooprules.money.Rate.of] (which checks bounds) or ``Rate(value)``
    for any exact value. Arithmetic stays exact until [`apply()`][cooprules.money.Rate.apply] rounds
    once to the currency's minor unit.

    Attributes:
        value: the rate as a fraction of one (10 % is ``Fraction(1, 10)``).

    ```pycon
    >>> Rate.of("10%") == Rate.of("0.1") == Rate.of("1/10")
    True
    >>> str(Rate.of("3/20")), str(Rate.of("1/3"))
    ('15%', '1/3')

    ```
    """

    value: Fraction = attrs.field(converter=_fraction_field)

    @classmethod
    def of(
        cls,
        value: object,
        *,
        field: str = "rate",
        minimum: object = 0,
        maximum: object | None = 1,
    ) -> Rate:
        """Parse a rate and check it lies within ``[minimum, maximum]`` (by default 0 % to 100 %).

        Args:
            value: ``"10%"``, ``"10 %"``, ``"0.1"``, ``"1/10"``, a ``Decimal``, an ``int``, a
                ``Fraction`` or a ``Rate``.
            field: the name reported in errors.
            minimum: the smallest accepted rate (inclusive); ``None`` for no bound.
            maximum: the largest accepted rate (inclusive); ``None`` for no bound.

        Raises:
            InvalidRate: unparsable, inexact (float) or out of bounds.
        """
        fraction = value.value if isinstance(value, Rate) else to_fraction(value, field=field)
        if minimum is not None and fraction < to_fraction(minimum, field=f"{field}.minimum"):
            raise InvalidRate(field, value, f"must be at least {_show(to_fraction(minimum))}")
        if maximum is not None and fraction > to_fraction(maximum, field=f"{field}.maximum"):
            raise InvalidRate(field, value, f"must be at most {_show(to_fraction(maximum))}")
        return cls(fraction)

    @classmethod
    def percent(cls, value: Amount) -> Rate:
        """Build a rate from a number of percent: ``Rate.percent("13.5")`` is 13.5 %."""
        return cls(to_fraction(value, field="percent") / 100)

    def apply(self, amount: Money, *, rounding: Rounding = Rounding.HALF_UP) -> Money:
        """Return ``amount x rate`` rounded once to the currency's minor unit."""
        exact = Fraction(_held(amount, "amount")) * self.value
        return money_from_fraction(exact, amount.currency, rounding=rounding)

    def exact(self, amount: Amount | Fraction) -> Fraction:
        """Return ``amount x rate`` as an exact fraction (no rounding)."""
        base = amount if isinstance(amount, Fraction) else Fraction(to_decimal(amount))
        return base * self.value

    def complement(self) -> Rate:
        """Return ``1 - rate`` (the part not taken)."""
        return Rate(1 - self.value)

    def as_percent(self) -> Fraction:
        """Return the rate in percent, exactly (``Rate.of("0.135").as_percent() == 13.5``)."""
        return self.value * 100

    def __str__(self) -> str:
        return _show(self.value)


def decimal_text(value: Fraction) -> str | None:
    """An exact fraction written as a decimal (``337.5``), or ``None`` if it has no finite one.

    ```pycon
    >>> decimal_text(Fraction(675, 2)), decimal_text(Fraction(1, 3))
    ('337.5', None)

    ```
    """
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    if denominator != 1:
        return None
    places = 0  # the denominator is 2**a * 5**b: it divides 10**max(a, b); write it exactly
    while 10**places % value.denominator:
        places += 1
    digits = value.numerator * 10**places // value.denominator
    text = format(Decimal(f"{digits}E-{places}"), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _show(value: Fraction) -> str:
    """Show a fraction as a percentage with a short finite decimal expansion, else as a ratio.

    The text is one [`Rate.of()`][cooprules.money.Rate.of] reads back (at most
    [`MAX_DECIMALS`][cooprules.money.MAX_DECIMALS] decimals).
    """
    text = decimal_text(value * 100)
    if text is None or len(text.partition(".")[2]) > MAX_DECIMALS:
        return f"{value.numerator}/{value.denominator}"
    return f"{text}%"


# ---------------------------------------------------------------------------------------------
# Display (separate from computation)
# ---------------------------------------------------------------------------------------------


def format_amount(amount: Money) -> str:
    """Render an amount without locale: ``"1234.50 EUR"``, exact digits, the same on every machine.

    Use this in logs, explanations and tests; it never depends on ``LC_NUMERIC`` as ``str(Money)``
    does. Localised display belongs to the renderer (babel's ``format_currency``).
    """
    return f"{format(amount.amount, 'f')} {amount.currency.code}"
