"""Hypothesis strategies for property-testing code built on cooprules.

This module needs the ``test`` extra (``pip install "cooprules[test]"``): it imports
`hypothesis <https://hypothesis.readthedocs.io>`_, which is not a runtime dependency of cooprules.

Every strategy builds *valid* values by construction (no ``assume`` needed downstream):

* [`currencies()`][cooprules.strategies.currencies]: ISO 4217 currencies with 0, 2, 3 and 4 decimals
  (JPY, EUR, BHD, CLF...);
* [`amounts()`][cooprules.strategies.amounts]: `Money` in one currency, built from whole minor units
  (or from a finer unit when ``extra_places`` asks for amounts that still need rounding);
* [`monies()`][cooprules.strategies.monies]: amounts in a currency drawn from
  [`currencies()`][cooprules.strategies.currencies];
* [`weight_values()`][cooprules.strategies.weight_values],
  [`weights()`][cooprules.strategies.weights],
  [`weight_mappings()`][cooprules.strategies.weight_mappings]: allocation weights mixing ``int``,
  ``Decimal``, ``Fraction`` and text, never negative and never all zero;
* [`rates()`][cooprules.strategies.rates]: exact [`Rate`][cooprules.money.Rate] values within
  bounds;
* [`texts()`][cooprules.strategies.texts] and [`citations()`][cooprules.strategies.citations]:
  bilingual messages and legal citations;
* [`histories()`][cooprules.strategies.histories] and [`members()`][cooprules.strategies.members]:
  membership histories (any events, or only those a regime's
  [`MembershipRules`][cooprules.membership.MembershipRules] allow) and registers of members;
* [`activities()`][cooprules.strategies.activities],
  [`monthly_lines()`][cooprules.strategies.monthly_lines] and
  [`activity_books()`][cooprules.strategies.activity_books]: hosted activities
  ([`Activity`][cooprules.levies.Activity]) and their monthly figures
  ([`Line`][cooprules.levies.Line]);
* [`share_classes()`][cooprules.strategies.share_classes],
  [`operations()`][cooprules.strategies.operations] and
  [`share_registers()`][cooprules.strategies.share_registers]: share classes and registers whose
  operations are all valid (nothing transferred or redeemed that is not held, never more paid up
  than subscribed);
* [`voters()`][cooprules.strategies.voters], [`electorates()`][cooprules.strategies.electorates],
  [`ballots()`][cooprules.strategies.ballots], [`proxies()`][cooprules.strategies.proxies] and
  [`meetings()`][cooprules.strategies.meetings]: electorates, ballots, proxies (valid and invalid
  under the law: to oneself, chains, holders absent, grantors present, non-voters, a grantor twice)
  and a general meeting's vote on a decision the regime's
  [`VotingRules`][cooprules.voting.rules.VotingRules] know (for
  [`cooprules.voting.tally()`][cooprules.voting.tally]).

A property of your own code then reads::

    from hypothesis import given
    from cooprules import strategies as cst
    from cooprules.money import allocate, total

    @given(cst.monies(), cst.weights())
    def test_split_adds_up(amount, weights):
        assert total(allocate(amount, weights), amount.currency) == amount
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TypeVar

from hypothesis import strategies as st
from moneyed import Currency, Money

from cooprules.capital import Operation, OperationKind, ShareClass, ShareRegister
from cooprules.errors import IllegalTransition
from cooprules.explain import Citation, Confidence, Text
from cooprules.levies import Activity, ActivityKind, Line
from cooprules.membership import Event, EventKind, History, Member, MembershipRules, apply
from cooprules.money import (
    Rate,
    Weight,
    currency_of,
    exponent,
    from_minor_units,
    to_fraction,
    to_minor_units,
)
from cooprules.voting import Choice, Electorate, Meeting, Proxy, Voter, VotingRules

__all__ = [
    "CURRENCY_CODES",
    "activities",
    "activity_books",
    "amounts",
    "ballots",
    "citations",
    "currencies",
    "electorates",
    "histories",
    "meetings",
    "members",
    "monies",
    "monthly_lines",
    "operations",
    "proxies",
    "rates",
    "share_classes",
    "share_registers",
    "texts",
    "voters",
    "weight_mappings",
    "weight_values",
    "weights",
]

K = TypeVar("K", bound=Hashable)

CURRENCY_CODES: tuple[str, ...] = ("EUR", "CAD", "USD", "CHF", "JPY", "KRW", "BHD", "KWD", "CLF")
"""The default currencies: the co-operatives' own (EUR, CAD) and others with 0, 3 or 4 decimals."""

DEFAULT_MAX_UNITS = 10**12
"""The default bound on amounts, in minor units (ten billion euros): wide, still fast."""


def currencies(codes: Sequence[str] = CURRENCY_CODES) -> st.SearchStrategy[Currency]:
    """Draw a `moneyed.Currency` among ``codes``.

    Shrinks towards the first code (EUR by default).
    """
    return st.sampled_from([currency_of(code) for code in codes])


def amounts(
    currency: str | Currency,
    *,
    min_units: int = -DEFAULT_MAX_UNITS,
    max_units: int = DEFAULT_MAX_UNITS,
    extra_places: int = 0,
) -> st.SearchStrategy[Money]:
    """Draw amounts in ``currency`` from whole minor units in ``[min_units, max_units]``.

    Args:
        currency: an ISO 4217 code or a ``Currency``.
        min_units: the smallest amount, in minor units (cents for EUR).
        max_units: the largest amount, in minor units.
        extra_places: digits below the minor unit; with ``extra_places=1`` an EUR amount is
            drawn from whole tenths of a cent (``0.125``), so it may need
            [`quantize()`][cooprules.money.quantize]. The bounds are then in those finer units.
    """
    cur = currency_of(currency)
    if extra_places < 0:
        msg = f"extra_places must not be negative (got {extra_places})"
        raise ValueError(msg)
    places = exponent(cur) + extra_places
    return st.integers(min_units, max_units).map(
        lambda units: Money(Decimal(f"{units}E-{places}"), cur)
    )


@st.composite
def monies(
    draw: st.DrawFn,
    currency: st.SearchStrategy[Currency] | None = None,
    *,
    min_units: int = -DEFAULT_MAX_UNITS,
    max_units: int = DEFAULT_MAX_UNITS,
    extra_places: int = 0,
) -> Money:
    """Draw a currency (from `currencies()` unless given), then an amount in it.

    The keyword arguments are those of [`amounts()`][cooprules.strategies.amounts].
    """
    cur = draw(currency if currency is not None else currencies())
    return draw(amounts(cur, min_units=min_units, max_units=max_units, extra_places=extra_places))


def _as_text(value: Fraction, form: int) -> str:
    """Write a non-negative fraction as text that `to_fraction()` reads."""
    if form == 0 or not _is_decimal(value):
        return f"{value.numerator}/{value.denominator}"
    exact = _decimal(value)
    if form == 1:
        return format(exact, "f")
    return f"{format(exact * 100, 'f')}%"


def _is_decimal(value: Fraction) -> bool:
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    return denominator == 1


def _decimal(value: Fraction) -> Decimal:
    """The exact ``Decimal`` of a fraction whose denominator divides a power of ten."""
    places = 0
    while (value * 10**places).denominator != 1:
        places += 1
    return Decimal(f"{int(value * 10**places)}E-{places}")


@st.composite
def weight_values(draw: st.DrawFn, *, max_value: int = 10**6, allow_zero: bool = True) -> Weight:
    """Draw one non-negative exact weight: an ``int``, a ``Decimal``, a ``Fraction`` or text.

    Text is a decimal (``"2.5"``), a ratio (``"5/2"``) or a percentage (``"250%"``).
    """
    smallest = 0 if allow_zero else 1
    kind = draw(st.sampled_from(("int", "decimal", "fraction", "text")))
    if kind == "int":
        return draw(st.integers(smallest, max_value))
    if kind == "decimal":
        places = draw(st.integers(0, 4))
        units = draw(st.integers(smallest, max_value * 10**places))
        return Decimal(f"{units}E-{places}")
    denominator = draw(st.integers(1, 1000))
    numerator = draw(st.integers(smallest, max_value * denominator))
    value = Fraction(numerator, denominator)
    if kind == "fraction":
        return value
    return _as_text(value, draw(st.integers(0, 2)))


@st.composite
def weights(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 20,
    elements: st.SearchStrategy[Weight] | None = None,
) -> list[Weight]:
    """Draw a list of non-negative weights, not all zero (so that an allocation over it is valid).

    Args:
        draw: given by hypothesis (not passed by the caller).
        min_size: the fewest weights (at least 1).
        max_size: the most weights.
        elements: the strategy for each weight;
            [`weight_values()`][cooprules.strategies.weight_values] by default. It must only produce
            non-negative weights.
    """
    if min_size < 1:
        msg = f"an allocation needs at least one weight (min_size={min_size})"
        raise ValueError(msg)
    values = draw(
        st.lists(
            elements if elements is not None else weight_values(),
            min_size=min_size,
            max_size=max_size,
        )
    )
    if all(to_fraction(value) == 0 for value in values):
        index = draw(st.integers(0, len(values) - 1))
        positive = (
            weight_values(allow_zero=False)
            if elements is None
            else elements.filter(lambda value: to_fraction(value) != 0)
        )
        values[index] = draw(positive)
    return values


@st.composite
def weight_mappings(
    draw: st.DrawFn,
    keys: st.SearchStrategy[K],
    *,
    min_size: int = 1,
    max_size: int = 20,
    elements: st.SearchStrategy[Weight] | None = None,
) -> dict[K, Weight]:
    """Draw a mapping ``key -> weight`` with distinct keys, non-negative weights, not all zero.

    Args:
        draw: given by hypothesis (not passed by the caller).
        keys: the strategy for the keys (member ids, for instance ``st.text(min_size=1)``).
        min_size: the fewest entries (at least 1).
        max_size: the most entries.
        elements: the strategy for each weight;
            [`weight_values()`][cooprules.strategies.weight_values] by default.
    """
    chosen = draw(st.lists(keys, min_size=min_size, max_size=max_size, unique=True))
    values = draw(weights(min_size=len(chosen), max_size=len(chosen), elements=elements))
    return dict(zip(chosen, values, strict=True))


def rates(
    minimum: object = 0, maximum: object = 1, *, max_denominator: int = 10_000
) -> st.SearchStrategy[Rate]:
    """Draw exact rates within ``[minimum, maximum]`` (0 % to 100 % by default).

    Rates are decimals of up to four places (``13.5 %`` is ``0.135``) or fractions such as ``1/3``.
    The bounds are anything [`Rate.of()`][cooprules.money.Rate.of] accepts: ``"15%"``, ``"1/3"``, a
    ``Decimal``...
    """
    low = Rate.of(minimum, minimum=None, maximum=None).value
    high = Rate.of(maximum, minimum=None, maximum=None).value
    if low > high:
        msg = f"minimum {minimum!r} is above maximum {maximum!r}"
        raise ValueError(msg)
    fractions = st.fractions(low, high, max_denominator=max_denominator)
    first, last = math.ceil(low * 10_000), math.floor(high * 10_000)
    if first > last:  # no four-place decimal between the bounds
        return fractions.map(Rate)
    decimals = st.integers(first, last).map(lambda units: Fraction(units, 10_000))
    return st.one_of(decimals, fractions).map(Rate)


_WORDS = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
    min_size=1,
    max_size=40,
).filter(lambda text: bool(text.strip()))


def texts(
    en: st.SearchStrategy[str] = _WORDS, fr: st.SearchStrategy[str] | None = None
) -> st.SearchStrategy[Text]:
    """Draw bilingual `Text` messages (non-blank in both languages)."""
    return st.builds(Text, en=en, fr=fr if fr is not None else en)


def citations(
    *,
    instruments: st.SearchStrategy[str] | None = None,
    jurisdictions: Sequence[str] = ("BE", "FR", "CA-QC", "coop"),
    confidences: Sequence[Confidence] = tuple(Confidence),
) -> st.SearchStrategy[Citation]:
    """Draw `Citation` values, with or without a URL and a title."""
    return st.builds(
        Citation,
        instrument=instruments if instruments is not None else _WORDS,
        article=st.integers(1, 999).map(lambda number: f"art. {number}"),
        jurisdiction=st.sampled_from(tuple(jurisdictions)),
        confidence=st.sampled_from(tuple(confidences)),
        url=st.none() | st.integers(1, 10**6).map(lambda n: f"https://example.org/law/{n}"),
        title=st.none() | _WORDS,
    )


@st.composite
def histories(
    draw: st.DrawFn,
    rules: MembershipRules | None = None,
    *,
    subject: str = "member",
    start: date = date(2020, 1, 1),
    max_events: int = 8,
    max_gap_days: int = 400,
) -> History:
    """Histories of dated events; with ``rules``, only events those rules allow (legal histories).

    Without rules, any event kind may follow any other (useful to test `check_history()`).
    """
    events: list[Event] = []
    day = start
    history = History.of(subject)
    for _ in range(draw(st.integers(min_value=0, max_value=max_events))):
        day += timedelta(days=draw(st.integers(min_value=0, max_value=max_gap_days)))
        if rules is None:
            kinds = list(EventKind)
        else:
            kinds = [k for k in rules.allowed(history.current) if k is not EventKind.EXTENDED]
            if not kinds:
                break
        kind = draw(st.sampled_from(kinds))
        months = 1 if kind is EventKind.EXTENDED else None
        event = Event(kind, day, months=months)
        if rules is not None:
            try:
                history = apply(history, event, rules)
            except IllegalTransition:
                continue  # a condition of the transition failed (a deadline, a decision)
        events.append(event)
    return History.of(subject, events) if rules is None else history


@st.composite
def members(
    draw: st.DrawFn,
    rules: MembershipRules | None = None,
    *,
    count: int = 10,
    start: date = date(2020, 1, 1),
) -> list[Member]:
    """A register of up to ``count`` members with distinct ids (``m0``, ``m1`` and so on)."""
    size = draw(st.integers(min_value=0, max_value=count))
    return [
        Member(f"m{index}", draw(histories(rules, subject=f"m{index}", start=start)))
        for index in range(size)
    ]


def _currency(draw: st.DrawFn, currency: str | None) -> str:
    """The currency given, else one drawn from `CURRENCY_CODES` (the core assumes none)."""
    return currency if currency is not None else draw(st.sampled_from(CURRENCY_CODES))


# --- Activities and their monthly lines --------------------------------------------------------


@st.composite
def activities(
    draw: st.DrawFn,
    *,
    currency: str | None = None,
    activity_id: str | None = None,
    owner: str | None = None,
    start: date = date(2020, 1, 1),
    max_days: int = 3 * 365,
    may_end: bool = True,
) -> Activity:
    """Draw a hosted `Activity` starting within ``max_days`` of ``start``.

    Args:
        draw: given by hypothesis (not passed by the caller).
        currency: the currency of its books (drawn from
            [`CURRENCY_CODES`][cooprules.strategies.CURRENCY_CODES] when not given).
        activity_id: its id (drawn as ``a0``, ``a1``… when not given).
        owner: its entrepreneur (drawn as ``m0``, ``m1``… when not given).
        start: the earliest start date.
        max_days: how many days after ``start`` it may start.
        may_end: whether it may have stopped (an ``end`` on or after its start).
    """
    number = draw(st.integers(0, 99))
    first = start + timedelta(days=draw(st.integers(0, max_days)))
    end = None
    if may_end and draw(st.booleans()):
        end = first + timedelta(days=draw(st.integers(0, max_days)))
    return Activity(
        id=activity_id if activity_id is not None else f"a{number}",
        owner=owner if owner is not None else f"m{number}",
        kind=draw(st.sampled_from(list(ActivityKind))),
        start=first,
        currency=_currency(draw, currency),
        end=end,
    )


@st.composite
def monthly_lines(
    draw: st.DrawFn,
    activity: Activity,
    year: int,
    *,
    max_units: int = 10**8,
    with_costs: bool = True,
    all_months: bool = False,
) -> list[Line]:
    """Draw an activity's monthly `Line` figures for a calendar year.

    Revenue and direct costs are whole minor units in ``[0, max_units]`` of the activity's
    currency; costs may exceed revenue (a negative margin). Each month appears at most once, in
    order.

    Args:
        draw: given by hypothesis (not passed by the caller).
        activity: the activity the lines belong to.
        year: the calendar year.
        max_units: the largest amount, in minor units.
        with_costs: draw direct costs (otherwise they are zero).
        all_months: one line for every month (otherwise a random subset).
    """
    months = (
        list(range(1, 13)) if all_months else sorted(draw(st.sets(st.integers(1, 12), max_size=12)))
    )
    currency = activity.currency
    result: list[Line] = []
    for month in months:
        revenue = from_minor_units(draw(st.integers(0, max_units)), currency)
        costs = from_minor_units(draw(st.integers(0, max_units)) if with_costs else 0, currency)
        result.append(
            Line.month(
                activity.id,
                year,
                month,
                revenue=revenue.amount,
                direct_costs=costs.amount,
                currency=currency,
            )
        )
    return result


@st.composite
def activity_books(
    draw: st.DrawFn,
    year: int = 2025,
    *,
    currency: str | None = None,
    max_units: int = 10**8,
) -> tuple[Activity, list[Line]]:
    """Draw an activity running in ``year`` and its monthly lines of that year."""
    activity = draw(
        activities(currency=currency, start=date(year - 1, 1, 1), max_days=364 * 2, may_end=False)
    )
    activity = Activity(
        id=activity.id,
        owner=activity.owner,
        kind=activity.kind,
        start=min(activity.start, date(year, 12, 1)),
        currency=activity.currency,
    )
    return activity, draw(monthly_lines(activity, year, max_units=max_units))


# --- Share registers ---------------------------------------------------------------------------


@st.composite
def share_classes(
    draw: st.DrawFn,
    *,
    currency: str | None = None,
    max_classes: int = 2,
    max_nominal_units: int = 50_000,
) -> list[ShareClass]:
    """Draw one to ``max_classes`` share classes (``A``, ``B``…) with positive nominal values.

    A class after the first may have the first's nominal value, so that shares can be converted.
    """
    code = _currency(draw, currency)
    count = draw(st.integers(1, max(1, max_classes)))
    first = draw(st.integers(1, max_nominal_units))
    units = [first] + [
        draw(st.one_of(st.just(first), st.integers(1, max_nominal_units))) for _ in range(count - 1)
    ]
    return [
        ShareClass(
            code=chr(ord("A") + index),
            nominal=from_minor_units(units[index], code),
            voting=index == 0 or draw(st.booleans()),
        )
        for index in range(count)
    ]


@st.composite
def operations(
    draw: st.DrawFn,
    classes: Sequence[ShareClass],
    *,
    currency: str | None = None,
    max_members: int = 5,
    max_operations: int = 12,
    start: date = date(2020, 1, 1),
    max_gap_days: int = 120,
) -> list[Operation]:
    """Draw a log of valid share operations on ``classes`` (one per day, in date order).

    Every operation is valid when replayed: shares are subscribed (partly or fully paid) before
    they are paid up, transferred, converted or redeemed; nothing moves that is not held; the
    paid-up amount that moves with shares is given explicitly, at most their nominal value, and
    never leaves more paid up than subscribed; a conversion keeps the nominal value (a whole
    number of shares of the other class).
    """
    if not classes:
        msg = "a register needs at least one share class"
        raise ValueError(msg)
    if currency is None:
        currency = classes[0].nominal.currency.code  # the register's: its classes' currency
    nominal = {c.code: to_minor_units(c.nominal) for c in classes}
    people = [f"m{index}" for index in range(max(1, max_members))]
    held: dict[tuple[str, str], tuple[int, int]] = {}
    result: list[Operation] = []
    day = start
    for index in range(draw(st.integers(0, max_operations))):
        day += timedelta(days=draw(st.integers(1, max_gap_days)))
        holders = sorted(key for key, (shares, _) in held.items() if shares > 0)
        unpaid = sorted(
            key for key, (shares, paid) in held.items() if paid < shares * nominal[key[1]]
        )
        kinds = [OperationKind.SUBSCRIBE]
        if unpaid:
            kinds.append(OperationKind.PAY_UP)
        if holders:
            kinds.extend((OperationKind.TRANSFER, OperationKind.REDEEM))
        convertible = _convertible(holders, held, nominal)
        if convertible:
            kinds.append(OperationKind.CONVERT)
        kind = draw(st.sampled_from(kinds))
        op_id = f"op{index:03d}"
        if kind is OperationKind.SUBSCRIBE:
            member = draw(st.sampled_from(people))
            code = draw(st.sampled_from(sorted(nominal)))
            count = draw(st.integers(1, 20))
            paying = draw(st.integers(0, count * nominal[code]))
            shares, paid = held.get((member, code), (0, 0))
            held[member, code] = (shares + count, paid + paying)
            operation = Operation(
                op_id, kind, day, member, code, count, from_minor_units(paying, currency)
            )
        elif kind is OperationKind.PAY_UP:
            member, code = draw(st.sampled_from(unpaid))
            shares, paid = held[member, code]
            amount = draw(st.integers(1, shares * nominal[code] - paid))
            held[member, code] = (shares, paid + amount)
            operation = Operation(
                op_id, kind, day, member, code, amount=from_minor_units(amount, currency)
            )
        else:
            operation = _move(
                draw,
                (op_id, kind, day),
                held=held,
                nominal=nominal,
                people=people,
                currency=currency,
            )
        result.append(operation)
    return result


def _convertible(
    holders: Sequence[tuple[str, str]],
    held: Mapping[tuple[str, str], tuple[int, int]],
    nominal: Mapping[str, int],
) -> list[tuple[str, str, str]]:
    """(member, class, other class) where a whole number of shares keeps the nominal value."""
    return [
        (member, code, into)
        for member, code in holders
        for into in sorted(nominal)
        if into != code
        and nominal[into] // math.gcd(nominal[code], nominal[into]) <= held[member, code][0]
    ]


def _move(
    draw: st.DrawFn,
    what: tuple[str, OperationKind, date],
    *,
    held: dict[tuple[str, str], tuple[int, int]],
    nominal: Mapping[str, int],
    people: Sequence[str],
    currency: str,
) -> Operation:
    """Draw a transfer, conversion or redemption (its id, kind and date); apply it to ``held``."""
    op_id, kind, day = what
    holders = sorted(key for key, (shares, _) in held.items() if shares > 0)
    into: str | None = None
    if kind is OperationKind.CONVERT:
        member, code, into = draw(st.sampled_from(_convertible(holders, held, nominal)))
        step = nominal[into] // math.gcd(nominal[code], nominal[into])
        count = step * draw(st.integers(1, held[member, code][0] // step))
    else:
        member, code = draw(st.sampled_from(holders))
        count = draw(st.integers(1, held[member, code][0]))
    shares, paid = held[member, code]
    unit = nominal[code]
    # Moved paid-up amount: enough that the shares kept are not over-paid, at most what the moved
    # shares can carry (their nominal value) and what is paid.
    moved = draw(st.integers(max(0, paid - (shares - count) * unit), min(paid, count * unit)))
    held[member, code] = (shares - count, paid - moved)
    receiver: str | None = None
    into_shares: int | None = None
    if kind is OperationKind.TRANSFER:
        receiver = draw(st.sampled_from([p for p in people if p != member] or ["m_new"]))
        r_shares, r_paid = held.get((receiver, code), (0, 0))
        held[receiver, code] = (r_shares + count, r_paid + moved)
    elif into is not None:
        into_shares = count * unit // nominal[into]
        r_shares, r_paid = held.get((member, into), (0, 0))
        held[member, into] = (r_shares + into_shares, r_paid + moved)
    return Operation(
        op_id,
        kind,
        day,
        member,
        code,
        count,
        from_minor_units(moved, currency),
        counterparty=receiver,
        into=into,
        into_shares=into_shares,
    )


@st.composite
def share_registers(
    draw: st.DrawFn,
    *,
    currency: str | None = None,
    max_classes: int = 2,
    max_members: int = 5,
    max_operations: int = 12,
    start: date = date(2020, 1, 1),
) -> ShareRegister:
    """Draw a `ShareRegister` whose every operation is valid."""
    code = _currency(draw, currency)
    classes = draw(share_classes(currency=code, max_classes=max_classes))
    log = draw(
        operations(
            classes,
            currency=code,
            max_members=max_members,
            max_operations=max_operations,
            start=start,
        )
    )
    return ShareRegister(code, classes, log)


# --- Electorates, ballots and meetings ---------------------------------------------------------


@st.composite
def voters(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 15,
    max_weight: int = 1,
    categories: Sequence[str | None] = (None,),
) -> list[Voter]:
    """Draw voters ``v0``, ``v1``… with weights in ``[1, max_weight]`` and a category each."""
    size = draw(st.integers(min_size, max_size))
    return [
        Voter(
            f"v{index}",
            draw(st.integers(1, max(1, max_weight))),
            category=draw(st.sampled_from(tuple(categories))),
        )
        for index in range(size)
    ]


@st.composite
def electorates(
    draw: st.DrawFn,
    *,
    min_size: int = 1,
    max_size: int = 15,
    max_weight: int = 1,
    categories: Sequence[str | None] = (None,),
    max_excluded: int = 0,
) -> Electorate:
    """Draw an `Electorate` (the keyword arguments of `voters()`).

    With ``max_excluded``, up to that many people of the register ``x0``, ``x1``… may not vote
    (resigned, or auxiliary members).
    """
    drawn = draw(
        voters(min_size=min_size, max_size=max_size, max_weight=max_weight, categories=categories)
    )
    excluded: dict[str, str] = {}
    if max_excluded > 0:
        for index in range(draw(st.integers(0, max_excluded))):
            excluded[f"x{index}"] = draw(st.sampled_from(("resigned", "auxiliary")))
    return Electorate.of(drawn, excluded=excluded)


@st.composite
def ballots(draw: st.DrawFn, electorate: Electorate, *, turnout: bool = True) -> dict[str, Choice]:
    """Draw the ballots of some voters of ``electorate`` (all of them unless ``turnout``)."""
    ids = sorted(electorate.voters)
    voting = [v for v in ids if draw(st.booleans())] if turnout else ids
    return {voter_id: draw(st.sampled_from(list(Choice))) for voter_id in voting}


@st.composite
def proxies(
    draw: st.DrawFn,
    electorate: Electorate,
    *,
    max_size: int = 6,
    strangers: Sequence[str] = ("zoé", "paul"),
) -> list[Proxy]:
    """Draw up to ``max_size`` proxies (and a second one of some grantor), valid or not alike.

    Each grantor is a person of the register (a voter, or one who may not vote); each holder is
    the grantor themselves, anyone of the register, or one of ``strangers`` (non-members); some
    are family representations; a grantor may give two proxies, holders may be grantors
    (chains), and half of the proxies go to one voter who gives none (several proxies to
    one holder).
    Whether a holder attends is the meeting's ``present``: draw it beside. No grantor is a
    stranger (that is bad input, refused by [`cooprules.voting.tally()`][cooprules.voting.tally]).
    """
    register = [*sorted(electorate.voters), *sorted(electorate.excluded)]
    if not register:
        return []
    holders = [*register, *strangers]
    # one voter holds more than the others, so that holders carry several proxies
    hub = draw(st.sampled_from(sorted(electorate.voters))) if electorate.voters else register[0]
    drawn: list[Proxy] = []
    others = [person for person in register if person != hub] or register
    size = draw(st.integers(0, max_size))
    for grantor in draw(st.permutations(others))[:size]:
        holder = hub if draw(st.booleans()) else draw(st.sampled_from([grantor, *holders]))
        drawn.append(Proxy(grantor, holder, family=draw(st.sampled_from((False, False, True)))))
    if drawn and draw(st.integers(0, 3)) == 0:  # a grantor gives a second proxy, or the same
        first = draw(st.sampled_from(drawn))
        drawn.append(Proxy(first.grantor, draw(st.sampled_from(holders)), family=first.family))
    return drawn


@st.composite
def meetings(
    draw: st.DrawFn,
    rules: VotingRules,
    *,
    on: date = date(2026, 6, 1),
    max_voters: int = 15,
    max_weight: int = 1,
    categories: Sequence[str | None] = (None,),
    max_proxies: int = 0,
) -> Meeting:
    """Draw a meeting voting on a decision ``rules`` set a majority for, on ``on``.

    The decision kind is one of the rules' decisions with a majority (a rule without one needs the
    statutes'); the call is the first or the second; the ballots are those of some voters. Draw
    weights above 1 (``max_weight``) for votes per share; where each member has one vote
    (``rules.one_member_one_vote`` is ``True``), every voter weighs 1 whatever ``max_weight``.

    No proxy is claimed unless ``max_proxies`` is above 0: the meeting then claims up to that
    many ([`proxies()`][cooprules.strategies.proxies], valid and invalid), the electorate has at
    least three voters (where ``max_voters`` allows), the register up to two people who may not
    vote, and the voters present in person are listed (or left to the ballots) at random.

    Raises:
        ValueError: the rules set no majority for any decision.
    """
    kinds = [d.kind for d in rules.decisions if d.majority is not None]
    if not kinds:
        msg = f"the voting rules {rules.code!r} set no majority for any decision"
        raise ValueError(msg)
    if rules.one_member_one_vote is True:
        max_weight = 1
    electorate = draw(
        electorates(
            min_size=min(3, max_voters) if max_proxies > 0 else 1,
            max_size=max_voters,
            max_weight=max_weight,
            categories=categories,
            max_excluded=2 if max_proxies > 0 else 0,
        )
    )
    kind = draw(st.sampled_from(kinds))
    drawn_ballots = draw(ballots(electorate))
    call = draw(st.sampled_from((1, 2)))
    if max_proxies <= 0:
        return Meeting(on, kind, electorate, drawn_ballots, call=call)
    present = None
    if draw(st.booleans()):
        present = frozenset(v for v in sorted(electorate.voters) if draw(st.booleans()))
    return Meeting(
        on,
        kind,
        electorate,
        drawn_ballots,
        present=present,
        proxies=draw(proxies(electorate, max_size=max_proxies)),
        call=call,
    )
