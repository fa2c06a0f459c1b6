"""The value of shares redeemed: the amount paid up, capped or reduced as the regime says.

A regime's [`RedemptionRule`][cooprules.capital.redemption.RedemptionRule] caps a holding's
redemption value at the nominal (the paid-up amount), at the net-asset value per share, or reduces
it by a share of the losses; [`redemption_value()`][cooprules.capital.redemption.redemption_value]
applies it and explains each step. The tests the regime sets before the repayment
([`check_redemption()`][cooprules.capital.distribution.check_redemption]) are in
[`cooprules.capital.distribution`][cooprules.capital.distribution].
"""

from __future__ import annotations

from fractions import Fraction

import attrs
from moneyed import Currency, Money

from cooprules.capital.register import Holding, RedemptionAboveValue
from cooprules.errors import CurrencyMismatch, InvalidAmount, InvalidInput
from cooprules.explain import Citation, Explanation, Step, Text
from cooprules.money import exponent, format_amount, from_minor_units, to_decimal, to_minor_units

__all__ = ["RedemptionRule", "RedemptionValue", "redemption_value"]


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
            default, art. 6:120 ff.).
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
        holding: the member's holding before the redemption
            ([`ShareRegister.holding()`][cooprules.capital.register.ShareRegister.holding]).
        rule: the regime's redemption rule.
        shares: how many shares are redeemed (all by default).
        paid_up: the paid-up amount on them (by default in proportion to the shares).
        net_asset_value_per_share: the net assets per share of the last approved accounts, as an
            exact amount (``95000 / 400`` is ``237.50``); required when the rule caps at it. The
            capped value is rounded down to the minor unit (never more than the cap).
        share_of_losses: the member's share of the losses; required when the rule deducts them.

    The value is never above the amount paid up on the shares redeemed, nor above their nominal
    value: 5 fully paid shares of 100.00 are worth at most 500.00, whatever the rule.

    Raises:
        InvalidInput: more shares than held, a missing input the rule needs, a float.
        RedemptionAboveValue: a ``paid_up`` above the nominal value of the shares redeemed or
            above what is paid up on the holding, or so low that the shares kept would carry more
            than their nominal value.
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
    subscribed_units = to_minor_units(holding.subscribed)
    nominal_units = subscribed_units * count // holding.shares
    if paid_up is None:
        units, rest = divmod(held_units * count, holding.shares)
        if rest:
            raise InvalidInput(
                "paid_up", None, "the proportional paid-up amount is not whole: give it"
            )
    else:
        units = to_minor_units(_same(paid_up, currency, "paid_up"))
        kept = subscribed_units - nominal_units
        if not held_units - kept <= units <= min(held_units, nominal_units):
            raise RedemptionAboveValue(
                "paid_up",
                format_amount(paid_up),
                f"the {count} shares carry between "
                f"{format_amount(from_minor_units(max(0, held_units - kept), currency))} and "
                f"{format_amount(from_minor_units(min(held_units, nominal_units), currency))} "
                "paid up: never more than their nominal value nor than what is paid up, never so "
                "little that the shares kept carry more than their nominal value",
            )
    base = from_minor_units(units, currency)
    steps = [
        Step(
            Text("Amount paid up on the shares"),
            {"shares": count, "nominal": from_minor_units(nominal_units, currency)},
            base,
            rule.citation,
            Text("never more than the nominal value"),
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
                Text("Capped at the net-asset value of the shares"),
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
                Text("Less the member's share of losses"),
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
