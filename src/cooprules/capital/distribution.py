"""The tests before a distribution: net assets, liquidity, solvency, the capital floor.

Before a dividend or a redemption, a regime's
[`CapitalRules`][cooprules.capital.distribution.CapitalRules] say which tests apply: the net-asset
test (net assets after the distribution stay at least the unavailable equity), the board's liquidity
finding, solvency, and a floor under the capital (a share of the highest capital ever reached).
[`check_distribution()`][cooprules.capital.distribution.check_distribution] returns the failed or
unproven tests as [`Violation`][cooprules.explain.Violation] values, each citing its rule;
[`check_redemption()`][cooprules.capital.distribution.check_redemption] values a planned redemption
([`redemption_value()`][cooprules.capital.redemption.redemption_value]) and checks it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable
from datetime import date
from fractions import Fraction

import attrs
from moneyed import Currency, Money

from cooprules.capital.redemption import RedemptionRule, RedemptionValue, _same, redemption_value
from cooprules.capital.register import CapitalBasis, ShareRegister, _check_money
from cooprules.errors import InvalidInput
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import Rate, Rounding, format_amount, money_from_fraction, to_decimal
from cooprules.periods import check_date
from cooprules.regime import FromLaw, Rules, known

__all__ = [
    "CapitalRules",
    "DistributionCheck",
    "DistributionKind",
    "FinancialPosition",
    "LiquidityAssessment",
    "RedemptionCheck",
    "check_distribution",
    "check_redemption",
]


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
        liquidity_months: the months the board's finding must cover, the law's figure: given with
            a liquidity test (and only with one), as a number or as the parameter it is
            ([`FromLaw`][cooprules.regime.FromLaw], read when the rule set is bound:
            ``rules.rule_set(CapitalRules)``; none that day: no liquidity test that day).
        solvency_test: the citation of a rule forbidding payments that make the co-op insolvent
            or harm its stability, or ``None``.
        capital_floor: the share of the highest capital ever reached below which redemptions may
            not bring the capital, the parameter it is ([`FromLaw`][cooprules.regime.FromLaw], read
            when the rule set is bound: ``rules.rule_set(CapitalRules)``), or ``None``.
        capital_floor_citation: its source (a figure read from the law brings its own).
        capital_floor_basis: which capital the floor counts.
        applies_to: the net-asset and liquidity tests apply to these kinds of distribution.
        solvency_applies_to: the solvency test applies to these kinds.
    """

    name: Text
    redemption: RedemptionRule
    net_asset_test: Citation | None = None
    liquidity_test: Citation | None = None
    liquidity_months: int | FromLaw[int] | None = None
    solvency_test: Citation | None = None
    capital_floor: Rate | FromLaw[Rate] | None = None
    capital_floor_citation: Citation | None = None
    capital_floor_basis: CapitalBasis = CapitalBasis.SUBSCRIBED
    applies_to: frozenset[DistributionKind] = attrs.field(default=_BOTH, converter=_kinds)
    solvency_applies_to: frozenset[DistributionKind] = attrs.field(
        default=frozenset({DistributionKind.REDEMPTION}), converter=_kinds
    )

    def __attrs_post_init__(self) -> None:
        if (self.liquidity_test is None) != (self.liquidity_months is None):
            raise InvalidInput(
                "liquidity_months",
                self.liquidity_months,
                "a liquidity test and the months its finding must cover go together",
            )
        if isinstance(self.capital_floor, FromLaw):
            return
        if (self.capital_floor is None) != (self.capital_floor_citation is None):
            raise InvalidInput(
                "capital_floor_citation",
                self.capital_floor_citation,
                "a capital floor and its citation go together",
            )

    def bound(self, rules: Rules) -> CapitalRules:
        """These rules with their figures of the law read from ``rules``.

        The capital floor (none that day: no floor) and the months of the liquidity finding (none
        that day: no liquidity test that day).
        """
        bound = self
        if isinstance(self.liquidity_months, FromLaw):
            months = rules.get(self.liquidity_months.key).value
            bound = attrs.evolve(
                bound,
                liquidity_months=months,
                liquidity_test=self.liquidity_test if months is not None else None,
            )
        if not isinstance(self.capital_floor, FromLaw):
            return bound
        found = rules.get(self.capital_floor.key)
        if found.value is None or found.citation is None:
            return attrs.evolve(bound, capital_floor=None, capital_floor_citation=None)
        return attrs.evolve(bound, capital_floor=found.value, capital_floor_citation=found.citation)

    @property
    def months_required(self) -> int | None:
        """The months the board's liquidity finding must cover (``None``: no liquidity test).

        Raises:
            InvalidInput: the months are still the law's to read: bind the rules first
                (``bind(regime, statutes, as_of=...).rule_set(CapitalRules)``).
        """
        return known(self.liquidity_months, "the months of the liquidity finding", "CapitalRules")

    @property
    def floor_rate(self) -> Rate | None:
        """The capital floor's rate.

        Raises:
            InvalidInput: the floor is still the law's to read: bind the rules first
                (``bind(regime, statutes, as_of=...).rule_set(CapitalRules)``).
        """
        return known(self.capital_floor, "the capital floor", "CapitalRules")


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


def _violation(code: str, subject: str, message: Text, citation: Citation | None) -> Violation:
    return Violation(code, Severity.ERROR, subject, message, citation)


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
        InvalidInput: a negative amount, a float, another currency; rules still holding a figure
            of the law to read (bind them first: ``rules.rule_set(CapitalRules)``).
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
                    Text(
                        "The net assets and the unavailable equity are needed for the net-asset "
                        "test."
                    ),
                    rules.net_asset_test,
                )
            )
        else:
            net = _same(position.net_assets, currency, "position.net_assets")
            locked = _same(position.unavailable_equity, currency, "position.unavailable_equity")
            headroom = net - locked
            steps.append(
                Step(
                    Text("Net-asset headroom"),
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
                        Text(
                            "The distribution exceeds the net assets available for distribution "
                            "({headroom}).",
                            headroom=headroom,
                        ),
                        rules.net_asset_test,
                    )
                )
    months = rules.months_required if kind in rules.applies_to else None
    if rules.liquidity_test is not None and months is not None:
        violations.extend(_liquidity(position.liquidity, on, months, rules.liquidity_test, subject))
        steps.append(
            Step(
                Text("Board's liquidity finding"),
                {"months_required": months},
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
    finding: LiquidityAssessment | None,
    on: date,
    months: int,
    citation: Citation,
    subject: str,
) -> list[Violation]:
    if finding is None:
        return [
            _violation(
                "distribution.liquidity_test_missing",
                subject,
                Text(
                    "No board finding that the co-op can pay its debts for the next {months} "
                    "months.",
                    months=months,
                ),
                citation,
            )
        ]
    problems: list[Violation] = []
    if not finding.solvent:
        problems.append(
            _violation(
                "distribution.liquidity_test",
                subject,
                Text("The board found the co-op could not keep paying its debts as they fall due."),
                citation,
            )
        )
    if finding.months < months:
        problems.append(
            _violation(
                "distribution.liquidity_test",
                subject,
                Text(
                    "The board's finding covers {covered} months, not {required}.",
                    covered=finding.months,
                    required=months,
                ),
                citation,
            )
        )
    if finding.date > on:
        problems.append(
            _violation(
                "distribution.liquidity_test",
                subject,
                Text(
                    "The board's finding ({isoformat}) postdates the distribution.",
                    isoformat=finding.date.isoformat(),
                ),
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
                Text("Whether the co-op stays solvent after the repayment is not assessed."),
                citation,
            )
        ]
    reasons = [
        (not position.solvent_after, Text("the co-op is or would become insolvent")),
        (
            position.harms_stability,
            Text("the board shows it would harm the co-op's financial stability"),
        ),
        (position.lender_restriction, Text("commitments to a lender or funder forbid it")),
    ]
    return [
        _violation(
            "redemption.insolvency",
            subject,
            Text("No repayment of shares: {reason}.", reason=reason),
            citation,
        )
        for failed, reason in reasons
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
    rate = rules.floor_rate
    assert rate is not None  # noqa: S101 - checked by the caller
    if capital_after is None or highest is None:
        raise InvalidInput(
            "capital_after",
            capital_after,
            "the regime has a capital floor: give capital_after and highest_capital",
        )
    after = _same(capital_after, currency, "capital_after")
    peak = _same(highest, currency, "highest_capital")
    floor = Fraction(to_decimal(peak.amount)) * rate.value
    steps.append(
        Step(
            Text("Capital floor"),
            {"highest_capital": peak, "floor_rate": rate, "capital_after": after},
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
            Text(
                "The capital would fall to {after}, below {rate} of the highest capital reached "
                "({peak}).",
                after=after,
                rate=rate,
                peak=peak,
            ),
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
    repaid: Money | None = None,
) -> RedemptionCheck:
    """Value a planned redemption and check it, before it is recorded in the register.

    The holding is read at the end of the day before ``on`` (so record the ``REDEEM`` operation
    only once the check passes). ``other_distributions`` (dividends and other redemptions decided
    at the same time) are added to the value for the net-asset test, which applies to their
    total. The capital floor is checked on the capital after the redemption.

    ``repaid`` is what the co-op pays (or decided to pay) the member, if it is not the value: the
    tests then apply to it, and a repayment above the value the regime allows is the error
    ``redemption.above_value``, citing the regime's redemption rule (a compliance question, so a
    violation, not an exception).

    Raises:
        InvalidInput: no shares held before ``on``, a negative ``repaid``, inputs
            [`redemption_value()`][cooprules.capital.redemption.redemption_value] refuses.
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
    above: list[Violation] = []
    if repaid is not None:
        paid_out = _same(_check_money("repaid", repaid), paid_out.currency, "repaid")
        if repaid > value.value:
            subject = f"redemption of {value.shares} {share_class} shares of {member}"
            above.append(
                _violation(
                    "redemption.above_value",
                    subject,
                    Text(
                        "{member} is repaid {repaid}, above the {value} the shares are worth "
                        "({redemption_name}).",
                        member=member,
                        repaid=repaid,
                        value=value.value,
                        redemption_name=rules.redemption.name,
                    ),
                    rules.redemption.citation,
                )
            )
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
    if above:
        check = attrs.evolve(check, violations=(*above, *check.violations))
    return RedemptionCheck(value, check)
