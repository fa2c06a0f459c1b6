"""Pooled costs (*mutualisation*) and each activity's running account.

A co-op of self-employed workers exists to share costs: workspace, administrative support,
insurance, software. [`charge_pooled_costs()`][cooprules.pooling.charge_pooled_costs] charges each
shared cost to the activities by an allocation key — usage, headcount, share of margin or of
revenue, or a fixed split — exact to the cent through
[`cooprules.money.allocate()`][cooprules.money.allocate].
[`account_statement()`][cooprules.pooling.account_statement] then gives each activity's own running
account: revenue in; direct costs, levy, pooled charges, salary cost and other charges out; the
balance per period and to date. One activity's balance never mixes with another's.

```pycon
>>> from datetime import date
>>> from cooprules.money import money, format_amount
>>> from cooprules.periods import Period
>>> rent = PooledCost("rent", Text(en="Workspace", fr="Local"), money("1000.00", "EUR"),
...                   Period(date(2025, 1, 1), date(2025, 2, 1)), AllocationKey.USAGE)
>>> charges = charge_pooled_costs([rent], usage={"rent": {"a1": 3, "a2": 1, "a3": 2}})
>>> [(c.activity, format_amount(c.amount)) for c in charges]
[('a1', '500.00 EUR'), ('a2', '166.67 EUR'), ('a3', '333.33 EUR')]

```
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction

import attrs
from moneyed import Money

from cooprules.errors import (
    CurrencyMismatch,
    DuplicateId,
    InvalidInput,
    InvalidRate,
    InvalidWeights,
)
from cooprules.explain import Citation, Explanation, Step, Text
from cooprules.levies import LevyStatement, Line
from cooprules.money import allocate, from_minor_units, to_fraction, to_minor_units
from cooprules.periods import Period

__all__ = [
    "AccountRow",
    "AccountStatement",
    "AllocationKey",
    "Flow",
    "FlowKind",
    "PooledCharge",
    "PooledCost",
    "account_statement",
    "charge_pooled_costs",
]


class AllocationKey(enum.Enum):
    """How a pooled cost is shared among activities."""

    USAGE = "usage"
    """By units of use recorded per activity (desk-days, hours of support, licences)."""
    HEADCOUNT = "headcount"
    """Equally among the activities listed (one share each, or the weight given)."""
    MARGIN = "margin"
    """In proportion to each activity's positive gross margin over the cost's period."""
    REVENUE = "revenue"
    """In proportion to each activity's revenue excluding VAT over the cost's period."""
    FIXED = "fixed"
    """By fixed weights set in the statutes or a decision."""


@attrs.frozen
class PooledCost:
    """A cost the co-op shares among its activities.

    Attributes:
        code: a stable identifier (``"rent-2025-01"``).
        description: what it is, in English and French.
        amount: the amount to share, a whole number of minor units.
        period: the period it relates to (lines in it give margin and revenue weights).
        key: how it is shared.
        citation: the statute article or decision that sets the key, if any.
    """

    code: str
    description: Text
    amount: Money
    period: Period
    key: AllocationKey = attrs.field(validator=attrs.validators.instance_of(AllocationKey))
    citation: Citation | None = None

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.amount, Money):
            raise InvalidInput(f"pooled_cost[{self.code}].amount", self.amount, "expected a Money")
        to_minor_units(self.amount, field=f"pooled_cost[{self.code}].amount")


@attrs.frozen
class PooledCharge:
    """One activity's share of one pooled cost.

    Attributes:
        cost: the cost's code.
        activity: the activity charged.
        amount: its share.
        period: the cost's period.
        weight: the activity's weight under the key.
        total_weight: the sum of the weights.
        key: the allocation key.
        citation: the rule behind the key.
    """

    cost: str
    activity: str
    amount: Money
    period: Period
    weight: Fraction
    total_weight: Fraction
    key: AllocationKey
    citation: Citation | None = None

    @property
    def explanation(self) -> Explanation:
        """The share and how it was computed."""
        return Explanation(
            (
                Step(
                    what=Text(
                        "Share of pooled cost {cost} ({key})",
                        cost=self.cost,
                        key=self.key.value,
                    ),
                    inputs={"weight": self.weight, "total weight": self.total_weight},
                    result=self.amount,
                    citation=self.citation,
                    note=Text("largest-remainder split, exact to the cent"),
                ),
            )
        )


def _line_weights(cost: PooledCost, lines: Iterable[Line], *, margin: bool) -> dict[str, Fraction]:
    weights: dict[str, Fraction] = {}
    for line in lines:
        if line.period.overlap(cost.period) == 0:
            continue
        if line.revenue.currency != cost.amount.currency:
            raise CurrencyMismatch(
                f"lines[{line.activity}].revenue",
                line.revenue.currency.code,
                f"pooled cost {cost.code} is in {cost.amount.currency.code}",
            )
        value = line.gross_margin if margin else line.revenue
        weights[line.activity] = weights.get(line.activity, Fraction(0)) + Fraction(value.amount)
    return {k: max(v, Fraction(0)) for k, v in weights.items()}


def _weights(
    cost: PooledCost,
    *,
    lines: Sequence[Line],
    usage: Mapping[str, Mapping[str, object]],
    fixed: Mapping[str, Mapping[str, object]],
    headcount: Mapping[str, Sequence[str]],
) -> dict[str, Fraction]:
    key = cost.key
    if key is AllocationKey.MARGIN:
        return _line_weights(cost, lines, margin=True)
    if key is AllocationKey.REVENUE:
        return _line_weights(cost, lines, margin=False)
    if key is AllocationKey.HEADCOUNT:
        listed = headcount.get(cost.code)
        if listed is None:
            raise InvalidInput(f"headcount[{cost.code}]", None, "list the activities sharing it")
        if len(set(listed)) != len(listed):
            raise DuplicateId(f"headcount[{cost.code}]", listed, "an activity is listed twice")
        return dict.fromkeys(listed, Fraction(1))
    table = usage if key is AllocationKey.USAGE else fixed
    given = table.get(cost.code)
    if given is None:
        raise InvalidInput(
            f"{key.value}[{cost.code}]", None, f"the {key.value} weights of this cost are missing"
        )
    result: dict[str, Fraction] = {}
    for activity, weight in given.items():
        field = f"{key.value}[{cost.code}][{activity}]"
        try:
            result[activity] = to_fraction(weight, field=field)
        except InvalidRate as error:
            raise InvalidWeights(field, weight, error.reason) from None
    return result


def charge_pooled_costs(
    costs: Iterable[PooledCost],
    *,
    lines: Sequence[Line] = (),
    usage: Mapping[str, Mapping[str, object]] | None = None,
    fixed: Mapping[str, Mapping[str, object]] | None = None,
    headcount: Mapping[str, Sequence[str]] | None = None,
) -> tuple[PooledCharge, ...]:
    """Charge each pooled cost to activities by its key, exact to the cent.

    Args:
        costs: the costs to share.
        lines: the activities' lines (for the margin and revenue keys).
        usage: per cost code, units of use per activity.
        fixed: per cost code, fixed weights per activity.
        headcount: per cost code, the activities that share it equally.

    Returns:
        the charges, cost by cost, activities in the order of their weights; for each cost the
        charges add up to its amount exactly.

    Raises:
        InvalidInput: missing weights for a cost.
        InvalidWeights: negative or all-zero weights (e.g. a margin key when no activity has a
            positive margin in the period).
        DuplicateId: two costs with the same code.
    """
    charges: list[PooledCharge] = []
    seen: set[str] = set()
    for cost in costs:
        if cost.code in seen:
            raise DuplicateId("costs", cost.code, "two pooled costs share this code")
        seen.add(cost.code)
        weights = _weights(
            cost,
            lines=lines,
            usage=usage or {},
            fixed=fixed or {},
            headcount=headcount or {},
        )
        parts = allocate(cost.amount, weights, field=f"weights[{cost.code}]")
        total_weight = sum(weights.values(), Fraction(0))
        charges.extend(
            PooledCharge(
                cost=cost.code,
                activity=activity,
                amount=part,
                period=cost.period,
                weight=weights[activity],
                total_weight=total_weight,
                key=cost.key,
                citation=cost.citation,
            )
            for activity, part in parts.items()
        )
    return tuple(charges)


class FlowKind(enum.Enum):
    """The kinds of movement on an activity's account."""

    REVENUE = "revenue"
    DIRECT_COSTS = "direct_costs"
    LEVY = "levy"
    POOLED = "pooled"
    SALARY = "salary"
    OTHER = "other"


@attrs.frozen
class Flow:
    """A movement on an activity's account: positive in, negative out.

    Attributes:
        activity: the activity.
        period: the period it belongs to.
        kind: what it is.
        amount: the signed amount.
        label: a description.
    """

    activity: str
    period: Period
    kind: FlowKind
    amount: Money
    label: str = ""


@attrs.frozen
class AccountRow:
    """One period of an activity's account.

    Attributes:
        period: the period.
        flows: the signed total per kind of flow.
        net: the period's net flow.
        balance: the balance at the end of the period.
    """

    period: Period
    flows: tuple[tuple[FlowKind, Money], ...]
    net: Money
    balance: Money


@attrs.frozen
class AccountStatement:
    """An activity's running account.

    Attributes:
        activity: the activity.
        opening: the balance brought forward.
        rows: one row per period with a flow, in order.
        closing: the balance at the end: the opening plus every flow, to the cent.
    """

    activity: str
    opening: Money
    rows: tuple[AccountRow, ...]
    closing: Money


def account_statement(
    activity: str,
    opening: Money,
    *,
    lines: Iterable[Line] = (),
    levies: Iterable[LevyStatement] = (),
    charges: Iterable[PooledCharge] = (),
    other: Iterable[Flow] = (),
) -> AccountStatement:
    """Build an activity's account from its lines, levies, pooled charges and other flows.

    Revenue comes in; direct costs, the levy, pooled charges and ``other`` flows (salary cost,
    charges: give them negative) go out. Items of other activities are refused, so balances
    never mix.

    Raises:
        InvalidInput: an item of another activity.
        CurrencyMismatch: an item in another currency than the opening balance.
    """
    currency = opening.currency
    movements: list[tuple[Period, FlowKind, Money]] = []
    for line in lines:
        _own(activity, line.activity, "lines")
        movements.append((line.period, FlowKind.REVENUE, line.revenue))
        movements.append((line.period, FlowKind.DIRECT_COSTS, -line.direct_costs))
    for levy in levies:
        _own(activity, levy.activity, "levies")
        movements.append((levy.period, FlowKind.LEVY, -levy.levy))
    for charge in charges:
        _own(activity, charge.activity, "charges")
        movements.append((charge.period, FlowKind.POOLED, -charge.amount))
    for flow in other:
        _own(activity, flow.activity, "other")
        movements.append((flow.period, flow.kind, flow.amount))
    per_period: dict[Period, dict[FlowKind, int]] = {}
    for period, kind, amount in movements:
        if amount.currency != currency:
            raise CurrencyMismatch(
                f"{activity}.{kind.value}",
                amount.currency.code,
                f"the account is in {currency.code}",
            )
        bucket = per_period.setdefault(period, {})
        bucket[kind] = bucket.get(kind, 0) + to_minor_units(
            amount, field=f"{activity}.{kind.value}"
        )
    balance = to_minor_units(opening, field="opening")
    rows = []
    for period in sorted(per_period):
        bucket = per_period[period]
        net = sum(bucket.values())
        balance += net
        rows.append(
            AccountRow(
                period=period,
                flows=tuple(
                    (kind, from_minor_units(bucket[kind], currency))
                    for kind in FlowKind
                    if kind in bucket
                ),
                net=from_minor_units(net, currency),
                balance=from_minor_units(balance, currency),
            )
        )
    return AccountStatement(activity, opening, tuple(rows), from_minor_units(balance, currency))


def _own(activity: str, other: str, field: str) -> None:
    if other != activity:
        raise InvalidInput(f"{field}.activity", other, f"this is the account of {activity!r}")
