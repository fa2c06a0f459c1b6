"""The year's closing: the register at year end, redemptions checked, reserves rolled forward.

`close_year()` is the part of [`cooprules.report.evaluate()`][cooprules.report.evaluate] that closes
a co-op's financial year, from the scenario and the regime's rule sets only (the core names no
country):

* the **share register at year end** (`YearEndRegister`: each member's holding per class,
  subscribed, paid up and unpaid), and every **redemption** of the year valued and checked by the
  regime's [`CapitalRules`][cooprules.capital.distribution.CapitalRules]
  ([`check_redemption()`][cooprules.capital.distribution.check_redemption]: a repayment above the
  value the law allows is ``redemption.above_value``; the tests before a repayment run on the
  financial position the redemption states);
* the **reserves rolled forward** (`ReservesYear`): opening balances, the distribution's
  allocations, the year's other movements checked by the regime's
  [`ReserveRules`][cooprules.reserves.ReserveRules] (an indivisible reserve refuses a distribution),
  and, in a **loss year**, the loss absorbed by the reserves in the regime's order
  ([`loss_order()`][cooprules.reserves.ReserveRules.loss_order]: Quebec's enhancement reserve first)
  and the rest carried forward; closing = opening + allocations - absorbed, to the cent;
* the **tests before a distribution** the regime's capital rules set (the Belgian net-asset test
  and the board's liquidity finding, CSA 6:115 and 6:116), on what the distribution pays the
  members in cash (interest on shares, refunds not paid in shares);
* the regime's **suggestion of a legal split** beside the meeting's own
  (`cooprules.report.DistributionRules.suggest`: the largest dividend the law allows).

[interpretation] A loss is charged to the reserves up to their balances and the rest carried
forward (the general meeting may decide to carry it all forward where the law lets it; that
choice is not modelled).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

import attrs
from moneyed import Money

from cooprules.capital import (
    CapitalRules,
    DistributionCheck,
    DistributionKind,
    FinancialPosition,
    Holding,
    LiquidityAssessment,
    OperationKind,
    ShareRegister,
    check_distribution,
    check_redemption,
)
from cooprules.explain import Citation, Explanation, Severity, Step, Text, Violation
from cooprules.money import from_minor_units, to_minor_units
from cooprules.periods import Period
from cooprules.regime import bind
from cooprules.reserves import (
    Movement,
    MovementKind,
    ReserveAccount,
    ReserveLedger,
    ReserveRules,
    RollForward,
    absorb_loss,
    check_movements,
    roll_forward,
)
from cooprules.surplus import Distribution, Interest, Refund, Remainder, ToReserve, distribute

if TYPE_CHECKING:
    from cooprules.regime import Regime, Rules
    from cooprules.report import DistributionRules
    from cooprules.scenario import (
        LiquidityFindingSpec,
        PositionSpec,
        ReserveSpec,
        Scenario,
        ShareOperationSpec,
    )
    from cooprules.surplus import YearFigures

__all__ = [
    "CapitalYear",
    "Closing",
    "LossAbsorption",
    "RedemptionRow",
    "ReservesYear",
    "SuggestedSplit",
    "Suggestion",
    "YearEndRegister",
    "cash_paid",
    "close_year",
    "reserves_year",
    "year_end_register",
]


# --- capital -------------------------------------------------------------------------------------


@attrs.frozen
class YearEndRegister:
    """The share register on the financial year's last day.

    Attributes:
        on: the last day of the financial year.
        holdings: each member's holding per class (non-empty ones), by member then class.
        subscribed: the subscribed capital (the shares' nominal value).
        paid_up: the paid-up capital.
    """

    on: date
    holdings: tuple[Holding, ...]
    subscribed: Money
    paid_up: Money

    @property
    def unpaid(self) -> Money:
        """The capital subscribed and not yet paid up."""
        return self.subscribed - self.paid_up

    def of(self, member: str) -> tuple[Holding, ...]:
        """``member``'s holdings, one per class."""
        return tuple(h for h in self.holdings if h.member == member)


def year_end_register(register: ShareRegister, year: Period) -> YearEndRegister:
    """The register on the last day of ``year``.

    ```pycon
    >>> from cooprules.capital import Operation, OperationKind, ShareClass
    >>> from cooprules.money import money, format_amount
    >>> reg = ShareRegister("EUR", [ShareClass("A", money("250.00", "EUR"))], [
    ...     Operation("1", OperationKind.SUBSCRIBE, date(2025, 3, 1), "ana", "A", shares=4,
    ...               amount=money("500.00", "EUR"))])
    >>> end = year_end_register(reg, Period(date(2025, 1, 1), date(2026, 1, 1)))
    >>> [(h.member, h.shares, format_amount(h.unpaid)) for h in end.holdings]
    [('ana', 4, '500.00 EUR')]

    ```
    """
    last = year.end - timedelta(days=1)
    return YearEndRegister(
        last,
        register.holdings(last),
        register.subscribed_capital(last),
        register.paid_up_capital(last),
    )


@attrs.frozen
class RedemptionRow:
    """A redemption of the year, valued and checked by the regime's capital rules.

    Attributes:
        operation: the ``redeem`` operation's id.
        member: the member whose shares are redeemed.
        share_class: their class.
        on: the day of the redemption.
        shares: the shares redeemed.
        value: what the law lets the co-op repay (``None``: not valued, a figure is missing).
        repaid: what the scenario says the member was repaid, if it says.
        explanation: how the value was reached and the tests run.
        violations: a repayment above the value, a failed test, a check that could not run.
    """

    operation: str
    member: str
    share_class: str
    on: date
    shares: int
    value: Money | None
    repaid: Money | None
    explanation: Explanation
    violations: tuple[Violation, ...] = ()


@attrs.frozen
class CapitalYear:
    """The capital at the financial year's end and the year's redemptions.

    Attributes:
        register: the register on the year's last day.
        redemptions: every ``redeem`` operation of the year, valued and checked.
    """

    register: YearEndRegister
    redemptions: tuple[RedemptionRow, ...] = ()

    @property
    def violations(self) -> tuple[Violation, ...]:
        """The redemptions' violations."""
        return tuple(v for row in self.redemptions for v in row.violations)


def _liquidity(spec: LiquidityFindingSpec | None) -> LiquidityAssessment | None:
    if spec is None:
        return None
    return LiquidityAssessment(spec.solvent, spec.date, spec.months)


def _position(spec: PositionSpec) -> FinancialPosition:
    return FinancialPosition(
        spec.accounts_date,
        net_assets=spec.net_assets,
        unavailable_equity=spec.unavailable_equity,
        liquidity=_liquidity(spec.liquidity_finding),
        solvent_after=spec.solvent_after,
        harms_stability=spec.harms_stability,
        lender_restriction=spec.lender_restriction,
    )


def _tests_before_repayment(rules: CapitalRules) -> list[tuple[str, Citation]]:
    """The tests of ``rules`` that read a financial position before a repayment."""
    found: list[tuple[str, Citation]] = []
    if DistributionKind.REDEMPTION in rules.applies_to:
        found += [(name, c) for name, c in (("net assets", rules.net_asset_test),) if c]
        found += [(name, c) for name, c in (("liquidity", rules.liquidity_test),) if c]
    if rules.solvency_test is not None and DistributionKind.REDEMPTION in rules.solvency_applies_to:
        found.append(("solvency", rules.solvency_test))
    return found


def _warning(code: str, subject: str, message: Text, citation: Citation | None) -> Violation:
    return Violation(code, Severity.WARNING, subject, message, citation)


def _redemption(
    register: ShareRegister, op: ShareOperationSpec, rules: CapitalRules
) -> RedemptionRow:
    """Value and check one ``redeem`` operation under the regime's capital rules."""
    subject = f"share_operations[{op.id}]"
    rule = rules.redemption
    missing = [
        field
        for field, needed in (
            ("net_asset_value_per_share", rule.cap_at_net_asset_value),
            ("share_of_losses", rule.deduct_losses),
        )
        if needed and getattr(op, field) is None
    ]
    if missing:
        what = ", ".join(missing)
        warning = _warning(
            "capital.redemption_not_valued",
            subject,
            Text(
                "The redemption {op_id} of {member} is not checked: {rule_name} needs {what}.",
                op_id=op.id,
                member=op.member,
                rule_name=rule.name,
                what=what,
            ),
            rule.citation,
        )
        return RedemptionRow(
            op.id,
            op.member,
            op.share_class,
            op.date,
            op.shares,
            None,
            op.repaid,
            Explanation(()),
            (warning,),
        )
    found: list[Violation] = []
    tests = _tests_before_repayment(rules)
    if op.position is None and tests:
        names = ", ".join(name for name, _ in tests)
        found.append(
            _warning(
                "capital.redemption_tests_not_run",
                subject,
                Text(
                    "The tests before the repayment ({names}) need the financial position: the "
                    "redemption {op_id} states none.",
                    names=names,
                    op_id=op.id,
                ),
                tests[0][1],
            )
        )
        rules = attrs.evolve(
            rules,
            net_asset_test=None,
            liquidity_test=None,
            liquidity_months=None,
            solvency_test=None,
        )
    day_before = op.date - timedelta(days=1)
    position = _position(op.position) if op.position is not None else FinancialPosition(day_before)
    check = check_redemption(
        register,
        op.member,
        op.share_class,
        op.date,
        position=position,
        rules=rules,
        shares=op.shares,
        paid_up=op.amount,
        net_asset_value_per_share=op.net_asset_value_per_share,
        share_of_losses=op.share_of_losses,
        repaid=op.repaid,
    )
    return RedemptionRow(
        op.id,
        op.member,
        op.share_class,
        op.date,
        op.shares,
        check.value.value,
        op.repaid,
        Explanation((*check.value.explanation.steps, *check.check.explanation.steps)),
        (*check.violations, *found),
    )


def capital_year(
    register: ShareRegister,
    operations: Iterable[ShareOperationSpec],
    rules: CapitalRules | None,
    year: Period,
) -> CapitalYear:
    """The register at the year's end and the year's redemptions checked by ``rules``.

    Without capital rules (a regime that sets none) the redemptions are listed, not checked.
    """
    rows = []
    for op in operations:
        if op.kind is not OperationKind.REDEEM or op.date not in year:
            continue
        if rules is None:
            rows.append(
                RedemptionRow(
                    op.id,
                    op.member,
                    op.share_class,
                    op.date,
                    op.shares,
                    None,
                    op.repaid,
                    Explanation(()),
                )
            )
            continue
        rows.append(_redemption(register, op, rules))
    return CapitalYear(year_end_register(register, year), tuple(rows))


# --- reserves ------------------------------------------------------------------------------------


@attrs.frozen
class LossAbsorption:
    """A loss year's loss, charged to the reserves in the regime's order.

    Attributes:
        loss: the year's loss (a positive amount).
        charged: what each reserve absorbed, in the order charged.
        carried_forward: what no reserve could absorb, carried forward to the next years.
        explanation: the steps, each citing the rule that sets the order where there is one.
    """

    loss: Money
    charged: tuple[tuple[str, Money], ...]
    carried_forward: Money
    explanation: Explanation

    @property
    def absorbed(self) -> Money:
        """What the reserves absorbed."""
        return self.loss - self.carried_forward


@attrs.frozen
class ReservesYear:
    """The reserves over the year: each one's opening, movements and closing balance.

    Attributes:
        period: from the financial year's first day to the day the meeting appropriates the
            result, inclusive.
        on: the day of the appropriation (the distribution's allocations, the loss absorbed).
        ledger: the reserve accounts and every movement (opening balances as allocations the
            day before the year).
        roll_forward: each reserve's opening + movements = closing, to the cent.
        loss: the loss absorbed, in a loss year.
    """

    period: Period
    on: date
    ledger: ReserveLedger
    roll_forward: tuple[RollForward, ...]
    loss: LossAbsorption | None = None
    violations: tuple[Violation, ...] = ()

    def row(self, code: str) -> RollForward:
        """The roll-forward of reserve ``code``.

        Raises:
            KeyError: no such reserve.
        """
        for row in self.roll_forward:
            if row.reserve == code:
                return row
        raise KeyError(code)


def _step_reserves(distribution: Distribution | None) -> dict[str, bool]:
    """Each reserve the distribution allocates to, and whether its step calls it indivisible."""
    out: dict[str, bool] = {}
    if distribution is None:
        return out
    for result in distribution.steps:
        step = result.step
        if isinstance(step, ToReserve | Remainder):
            out[step.reserve] = out.get(step.reserve, False) or step.indivisible
    return out


def _accounts(
    specs: Sequence[ReserveSpec], balances: Mapping[str, Money], steps: Mapping[str, bool]
) -> tuple[list[ReserveAccount], list[Violation]]:
    accounts: list[ReserveAccount] = []
    found: list[Violation] = []
    for spec in specs:
        by_law = steps.get(spec.code, False)
        indivisible = by_law if spec.indivisible is None else spec.indivisible or by_law
        if spec.indivisible is False and by_law:
            found.append(
                _warning(
                    "reserve.declared_divisible",
                    f"reserves[{spec.code}]",
                    Text(
                        "The reserve {spec_code} is declared divisible; the regime's distribution "
                        "makes it indivisible: it is kept indivisible.",
                        spec_code=spec.code,
                    ),
                    None,
                )
            )
        name = spec.name or spec.code
        accounts.append(ReserveAccount(spec.code, Text.plain(name), indivisible))
    declared = {a.code for a in accounts}
    for code in (*balances, *steps):
        if code not in declared:
            declared.add(code)
            accounts.append(ReserveAccount(code, Text.plain(code), steps.get(code, False)))
    return accounts, found


def _absorb(
    ledger: ReserveLedger, loss: Money, rules: ReserveRules | None, on: date
) -> tuple[LossAbsorption, list[Movement]]:
    codes = [a.code for a in ledger.accounts]
    order = rules.loss_order(codes) if rules is not None else tuple(codes)
    citation = None
    if rules is not None and any(code in rules.charged_first for code in codes):
        citation = rules.charged_first_citation or rules.roll_forward
    elif rules is not None:
        citation = rules.roll_forward
    charged, rest, explanation = absorb_loss(loss, order, ledger.balances(on), citation=citation)
    steps = explanation.steps
    steps += (
        Step(
            Text("Loss carried forward"),
            {"loss": loss, "absorbed": loss - rest},
            rest,
        ),
    )
    moves = [
        Movement(f"loss:{code}", code, MovementKind.LOSS_ABSORPTION, on, amount, "the year's loss")
        for code, amount in charged.items()
        if to_minor_units(amount) > 0
    ]
    absorption = LossAbsorption(
        loss, tuple((c, charged[c]) for c in order), rest, Explanation(steps)
    )
    return absorption, moves


def reserves_year(
    specs: Sequence[ReserveSpec],
    *,
    balances: Mapping[str, Money],
    distribution: Distribution | None,
    loss: Money | None,
    rules: ReserveRules | None,
    year: Period,
    on: date,
    currency: str,
    first_month: int = 1,
) -> ReservesYear | None:
    """Roll the reserves forward over the year and its appropriation.

    Args:
        specs: the scenario's ``[[reserves]]`` (their opening balances and other movements).
        balances: opening balances stated in the accounts (``[accounts] reserve_balances``).
        distribution: the meeting's distribution: each step to a reserve is an allocation.
        loss: the year's loss (a positive amount), absorbed on ``on``.
        rules: the regime's reserve rules (bound): what indivisible reserves refuse, the order a
            loss is charged in.
        year: the financial year.
        on: the day the meeting appropriates the result.
        currency: the currency of the reserves.
        first_month: the month the financial year starts (the incorporation limits).

    Returns:
        ``None`` when the year has no reserve, no allocation and no loss.

    Raises:
        InsufficientReserve: a movement stated in the scenario would take a reserve below zero.
    """
    steps = _step_reserves(distribution)
    if not specs and not balances and not steps and loss is None:
        return None
    accounts, found = _accounts(specs, balances, steps)
    opening_day = year.start - timedelta(days=1)
    openings = {**balances, **{s.code: s.opening for s in specs if s.opening is not None}}
    moves = [
        Movement(f"opening:{code}", code, MovementKind.ALLOCATION, opening_day, amount, "opening")
        for code, amount in openings.items()
        if to_minor_units(amount) > 0
    ]
    moves += [
        Movement(m.id, spec.code, m.kind, m.date, m.amount, m.note)
        for spec in specs
        for m in spec.movements
    ]
    if distribution is not None:
        moves += [
            Movement(
                f"distribution:{r.code}", r.step.reserve, MovementKind.ALLOCATION, on, r.amount
            )
            for r in distribution.steps
            if isinstance(r.step, ToReserve | Remainder) and to_minor_units(r.amount) > 0
        ]
    ledger = ReserveLedger(currency, accounts, moves)
    absorption = None
    if loss is not None:
        absorption, absorbed = _absorb(ledger, loss, rules, on)
        ledger = ReserveLedger(currency, accounts, (*ledger.movements, *absorbed))
    if rules is not None:
        found.extend(check_movements(ledger, rules, fiscal_year_start_month=first_month))
    period = Period(year.start, max(on, year.end - timedelta(days=1)) + timedelta(days=1))
    return ReservesYear(
        period, on, ledger, roll_forward(ledger, period, rules), absorption, tuple(found)
    )


# --- the distribution ----------------------------------------------------------------------------


def cash_paid(distribution: Distribution) -> Money:
    """What a distribution pays the members in cash: interest, and refunds not paid in shares."""
    units = 0
    for result in distribution.steps:
        if isinstance(result.step, Interest | Refund):
            units += to_minor_units(result.amount) - sum(
                to_minor_units(v) for v in result.in_shares.values()
            )
    return from_minor_units(units, distribution.figures.currency)


@attrs.frozen
class Suggestion:
    """A regime's suggestion of a legal split: the options its waterfall builder takes.

    Attributes:
        options: the distribution's options, as `DistributionRules.build` takes them.
        note: what the suggestion is (the largest dividend the law allows...).
        citation: the rule it follows.
    """

    options: Mapping[str, object]
    note: Text
    citation: Citation | None = None


@attrs.frozen
class SuggestedSplit:
    """The regime's suggested split, distributed on the year's figures, beside the meeting's.

    Attributes:
        distribution: the suggested split.
        note: what it is.
        citation: the rule it follows.
    """

    distribution: Distribution
    note: Text
    citation: Citation | None = None


@attrs.frozen
class Closing:
    """What `close_year()` finds: see `cooprules.report.YearReport`.

    Attributes:
        capital: the register at year end and the redemptions.
        reserves: the reserves rolled forward.
        distribution_tests: the regime's tests before the distribution.
        suggestion: the regime's suggested legal split.
        violations: every violation found.
    """

    capital: CapitalYear | None = None
    reserves: ReservesYear | None = None
    distribution_tests: DistributionCheck | None = None
    suggestion: SuggestedSplit | None = None
    violations: tuple[Violation, ...] = ()


def _distribution_tests(
    scenario: Scenario, distribution: Distribution, rules: CapitalRules | None, on: date
) -> DistributionCheck | None:
    """The regime's tests before a dividend, on what the distribution pays in cash."""
    if rules is None or DistributionKind.DIVIDEND not in rules.applies_to:
        return None
    if rules.net_asset_test is None and rules.liquidity_test is None:
        return None
    paid = cash_paid(distribution)
    if not to_minor_units(paid):
        return None
    accounts = scenario.accounts
    decided = scenario.distribution
    last = distribution.figures.year.end - timedelta(days=1) if distribution.figures.year else on
    position = FinancialPosition(
        last,
        net_assets=accounts.net_assets if accounts is not None else None,
        unavailable_equity=accounts.unavailable_equity if accounts is not None else None,
        liquidity=_liquidity(decided.liquidity_finding if decided is not None else None),
    )
    return check_distribution(paid, on, position, rules, kind=DistributionKind.DIVIDEND)


def _suggested(
    template: DistributionRules,
    rules: Rules,
    options: Mapping[str, object],
    figures: YearFigures,
) -> SuggestedSplit | None:
    if template.suggest is None:
        return None
    suggestion = template.suggest(rules, options, figures)
    if suggestion is None:
        return None
    split = distribute(template.build(rules, suggestion.options, figures), figures)
    return SuggestedSplit(split, suggestion.note, suggestion.citation)


def close_year(
    scenario: Scenario,
    regime: Regime,
    law: Rules,
    *,
    shares: ShareRegister | None,
    figures: YearFigures | None,
    distribution: Distribution | None,
    meeting: tuple[DistributionRules, Rules, Mapping[str, object], date] | None,
    year: Period,
) -> Closing:
    """Close the year: the register and redemptions, the reserves, the distribution's tests.

    Args:
        scenario: the scenario.
        regime: its regime (``law`` binds it: its rule sets are read from ``law``).
        law: the co-op's rules on the evaluation's date (the bound capital and reserve rules).
        shares: the share register, if the scenario has share classes.
        figures: the year's figures, if the scenario has accounts.
        distribution: the meeting's distribution, if one was decided.
        meeting: the regime's distribution rules, the law on the meeting's date, the meeting's
            options (parsed) and the day of the appropriation.
        year: the financial year.
    """
    # The capital rules' figures of the law (the SCOP's floor, the months of the CSA liquidity
    # finding) as the reserve rules read theirs: on the evaluation's date for the redemptions, on
    # the distribution's for its tests (below).
    capital_rules = law.rule_set(CapitalRules)
    capital = (
        capital_year(shares, scenario.share_operations, capital_rules, year)
        if shares is not None
        else None
    )
    last = year.end - timedelta(days=1)
    said = (
        scenario.distribution.date if scenario.distribution is not None else None,
        scenario.meeting.date if scenario.meeting is not None else None,
    )
    on = meeting[3] if meeting is not None else next((d for d in said if d), last)
    loss = None
    if figures is not None and to_minor_units(figures.surplus) < 0:
        loss = -figures.surplus
    reserves = reserves_year(
        scenario.reserves,
        balances=scenario.accounts.reserve_balances if scenario.accounts is not None else {},
        distribution=distribution,
        loss=loss,
        rules=law.rule_set(ReserveRules),
        year=year,
        on=on,
        currency=scenario.currency,
        first_month=scenario.coop.first_month,
    )
    tests = None
    suggestion = None
    if distribution is not None and meeting is not None and figures is not None:
        on_the_day = bind(regime, law.statutes, as_of=on).rule_set(CapitalRules)
        tests = _distribution_tests(scenario, distribution, on_the_day, on)
        suggestion = _suggested(meeting[0], meeting[1], meeting[2], figures)
    violations = [
        *(capital.violations if capital is not None else ()),
        *(reserves.violations if reserves is not None else ()),
        *(tests.violations if tests is not None else ()),
    ]
    if loss is not None and scenario.distribution is not None:
        violations.append(
            _warning(
                "distribution.loss_year",
                "distribution",
                Text(
                    "The year closes with a loss of {loss}: nothing is distributed, the "
                    "distribution's options are not applied.",
                    loss=loss,
                ),
                None,
            )
        )
    return Closing(capital, reserves, tests, suggestion, tuple(violations))
