"""Stated figures against computed ones: the ``[expected]`` section of a scenario file.

A lawyer or an accountant writes, beside the facts of a scenario, the figures the law gives for
them (a deadline, a month's levy, a step of the distribution, a vote's outcome, a violation, a
status) in the scenario's ``[expected]`` section
([`ExpectedSpec`][cooprules.scenario.ExpectedSpec]), as ``openfisca test`` reads the expected
outputs of a YAML case. [`check_expectations()`][cooprules.expected.check_expectations] compares
each with the [`YearReport`][cooprules.report.YearReport] of the scenario and returns one
[`Outcome`][cooprules.expected.Outcome] per expectation: met or not, the two figures, and the
report's explanation of the figure, so that a figure not met can be read step by step.
[`render_outcomes()`][cooprules.expected.render_outcomes] writes them as text (``cooprules test
FILES`` prints it).

```pycon
>>> from datetime import date
>>> from cooprules.plugins import get_regime
>>> from cooprules.report import evaluate
>>> from cooprules.scenario import loads
>>> scenario = loads('''
... [coop]
... regime = "fr-cae-scop"
... name = "CAE"
... year = 2025
... [[members]]
... id = "eva"
... events = [
...   { kind = "convention_signed", date = 2024-03-01 },
...   { kind = "employed", date = 2025-01-01 },
... ]
... [expected]
... as_of = 2025-06-30
... [[expected.deadlines]]
... member = "eva"
... code = "fr.cae.become_associate"
... due = 2027-02-28
... [[expected.members]]
... member = "eva"
... status = "member"
... ''', name="eva.toml")
>>> report = evaluate(scenario, as_of=date(2025, 6, 30), regime=get_regime("fr-cae-scop"))
>>> outcomes = check_expectations(report, expectations_of(scenario))
>>> [(o.path, o.met) for o in outcomes]
[('expected.deadlines[0]', True), ('expected.members[0]', False)]
>>> print(render_outcomes(outcomes[1:]))
not met  expected.members[0]: status of eva: expected member; got entrepreneur_employee
0 met, 1 not met
<BLANKLINE>

```
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from cooprules.errors import InvalidInput
from cooprules.explain import (
    Citation,
    Explanation,
    Lang,
    Text,
    Violation,
    render_steps,
    render_value,
    render_violations,
)
from cooprules.levies import month_periods
from cooprules.money import format_amount
from cooprules.scenario import ScenarioError

if TYPE_CHECKING:
    from cooprules.report import YearReport
    from cooprules.scenario import (
        ExpectedDeadlineSpec,
        ExpectedLevySpec,
        ExpectedMemberSpec,
        ExpectedSpec,
        ExpectedStepSpec,
        ExpectedViolationSpec,
        ExpectedVoteSpec,
        Scenario,
    )

__all__ = ["Outcome", "check_expectations", "expectations_of", "render_outcomes"]


@attrs.frozen
class Outcome:
    """One stated figure compared with the report's.

    Attributes:
        path: where the expectation is in the file (``expected.levies[0]``).
        what: what the figure is (``levy of activity a1, month 3``), in English and French.
        expected: the figure as stated, as text.
        actual: the report's figure, as text, or ``None`` when the report has none.
        met: the two agree.
        explanation: the report's steps behind its figure (empty when it has none).
        citation: the rule behind the report's figure, if it has one.
        violations: for an expected violation, the report's violations of that code (or all of
            them when there is none, to see what was found).
    """

    path: str
    what: Text
    expected: str
    actual: str | None
    met: bool
    explanation: Explanation = attrs.field(factory=Explanation)
    citation: Citation | None = None
    violations: tuple[Violation, ...] = ()


def expectations_of(scenario: Scenario) -> ExpectedSpec:
    """The scenario's ``[expected]`` section.

    Raises:
        ScenarioError: the file has none (naming the file).
    """
    if scenario.expected is None:
        raise ScenarioError(
            scenario.source, "expected", None, "no [expected] section: nothing to check"
        )
    return scenario.expected


def _deadline(report: YearReport, path: str, spec: ExpectedDeadlineSpec) -> Outcome:
    what = Text(
        "deadline {spec_code} of {member}",
        spec_code=spec.code,
        member=spec.member,
    )
    expected = spec.due.isoformat() + (f" ({spec.state.value})" if spec.state else "")
    candidates = [d for d in report.deadlines if d.subject == spec.member and d.code == spec.code]
    if not candidates:
        return Outcome(path, what, expected, None, met=False)
    found = next((d for d in candidates if d.due == spec.due), candidates[0])
    actual = f"{found.due.isoformat()} ({found.state})"
    met = found.due == spec.due and (spec.state is None or spec.state.value == found.state)
    return Outcome(path, what, expected, actual, met, found.explanation, found.citation)


def _levy(report: YearReport, path: str, spec: ExpectedLevySpec) -> Outcome:
    month = spec.month
    what = (
        (
            Text(
                "levy of activity {activity}, year",
                activity=spec.activity,
            )
        )
        if month is None
        else (
            Text(
                "levy of activity {activity}, month {month}",
                activity=spec.activity,
                month=month,
            )
        )
    )
    expected = format_amount(spec.amount)
    row = next((r for r in report.levies if r.activity == spec.activity), None)
    if row is None:
        return Outcome(path, what, expected, None, met=False)
    if month is None:
        actual = format_amount(row.total)
        return Outcome(path, what, expected, actual, row.total == spec.amount, row.explanation)
    if month > len(row.months):
        raise InvalidInput(path + ".month", month, f"the year has {len(row.months)} months")
    amount = row.months[month - 1]
    start = report.year.start
    period = month_periods(start.year, first_month=start.month)[month - 1]
    levied = next((p for p in row.year.periods if p.period == period), None)
    explanation = levied.explanation if levied is not None else Explanation()
    return Outcome(path, what, expected, format_amount(amount), amount == spec.amount, explanation)


def _step(report: YearReport, path: str, spec: ExpectedStepSpec) -> Outcome:
    what = (
        (
            Text(
                "distribution step {step}",
                step=spec.step,
            )
        )
        if spec.member is None
        else (
            Text(
                "share of {member} in step {step}",
                member=spec.member,
                step=spec.step,
            )
        )
    )
    expected = format_amount(spec.amount)
    distribution = report.distribution
    if distribution is None:
        return Outcome(path, what, expected, None, met=False)
    found = next((s for s in distribution.steps if s.code == spec.step), None)
    if found is None:
        return Outcome(path, what, expected, None, met=False, explanation=distribution.explanation)
    amount = found.amount if spec.member is None else found.shares.get(spec.member)
    if amount is None:
        return Outcome(
            path,
            what,
            expected,
            None,
            met=False,
            explanation=found.explanation,
            citation=found.step.citation,
        )
    return Outcome(
        path,
        what,
        expected,
        format_amount(amount),
        amount == spec.amount,
        found.explanation,
        found.step.citation,
    )


def _vote_text(*, adopted: bool | None, quorum: bool | None, share: object) -> str:
    """The figures of a vote in the file's own words: ``adopted = true, share_for = 1/2``."""
    parts = [
        f"{name} = {render_value(value).lower()}"
        for name, value in (("adopted", adopted), ("quorum_reached", quorum), ("share_for", share))
        if value is not None
    ]
    return ", ".join(parts)


def _vote(report: YearReport, path: str, spec: ExpectedVoteSpec) -> Outcome:
    what = Text(
        "vote on {decision}",
        decision=spec.decision,
    )
    share = spec.share_for.value if spec.share_for is not None else None
    expected = _vote_text(adopted=spec.adopted, quorum=spec.quorum_reached, share=share)
    vote = next((v for v in report.votes if v.id == spec.decision), None)
    if vote is None:
        return Outcome(path, what, expected, None, met=False)
    result = vote.result
    actual = _vote_text(
        adopted=result.adopted if spec.adopted is not None else None,
        quorum=result.quorum_reached if spec.quorum_reached is not None else None,
        share=result.share_for if share is not None else None,
    )
    met = (
        (spec.adopted is None or spec.adopted == result.adopted)
        and (spec.quorum_reached is None or spec.quorum_reached == result.quorum_reached)
        and (share is None or share == result.share_for)
    )
    return Outcome(path, what, expected, actual, met, result.explanation, result.rule.citation)


def _violation(report: YearReport, path: str, spec: ExpectedViolationSpec) -> Outcome:
    on = f" ({spec.subject})" if spec.subject is not None else ""
    what = Text(
        "violation {spec_code}{on}",
        spec_code=spec.code,
        on=on,
    )
    found = tuple(
        v
        for v in report.violations
        if v.code == spec.code and (spec.subject is None or v.subject == spec.subject)
    )
    expected = f"absent = {str(spec.absent).lower()}"
    actual = f"absent = {str(not found).lower()}"
    met = not found if spec.absent else bool(found)
    return Outcome(path, what, expected, actual, met, violations=found or report.violations)


def _member(report: YearReport, path: str, spec: ExpectedMemberSpec) -> Outcome:
    what = Text(
        "status of {member}",
        member=spec.member,
    )
    expected = spec.status.value + (f" ({spec.category})" if spec.category else "")
    row = next((m for m in report.members if m.id == spec.member), None)
    if row is None:
        return Outcome(path, what, expected, None, met=False)
    actual = row.status.value + (f" ({row.category})" if spec.category and row.category else "")
    met = row.status is spec.status and (spec.category is None or spec.category == row.category)
    return Outcome(path, what, expected, actual, met)


def check_expectations(report: YearReport, expected: ExpectedSpec) -> tuple[Outcome, ...]:
    """Compare every stated figure with the report's, in the file's order, section by section.

    Amounts are compared exactly (to the cent, in the report's currency), dates and statuses for
    equality, a vote's share as an exact fraction. A figure the report does not have is not met.

    Raises:
        InvalidInput: the report is not as of ``expected.as_of``.
    """
    if report.as_of != expected.as_of:
        raise InvalidInput(
            "expected.as_of",
            expected.as_of.isoformat(),
            f"the report is as of {report.as_of.isoformat()}: evaluate it on the stated date",
        )
    outcomes: list[Outcome] = []
    outcomes.extend(
        _deadline(report, f"expected.deadlines[{i}]", s) for i, s in enumerate(expected.deadlines)
    )
    outcomes.extend(
        _levy(report, f"expected.levies[{i}]", s) for i, s in enumerate(expected.levies)
    )
    outcomes.extend(
        _step(report, f"expected.distribution[{i}]", s) for i, s in enumerate(expected.distribution)
    )
    outcomes.extend(_vote(report, f"expected.votes[{i}]", s) for i, s in enumerate(expected.votes))
    outcomes.extend(
        _violation(report, f"expected.violations[{i}]", s)
        for i, s in enumerate(expected.violations)
    )
    outcomes.extend(
        _member(report, f"expected.members[{i}]", s) for i, s in enumerate(expected.members)
    )
    return tuple(outcomes)


_VERDICTS = {
    True: Text("met", context="expected figure"),
    False: Text("not met", context="expected figure"),
}


def render_outcomes(outcomes: Iterable[Outcome], *, lang: Lang = "en", explain: bool = True) -> str:
    """One line per outcome (``met`` or ``not met``, the path, the figures), then a count.

    With ``explain``, each figure not met is followed by the report's explanation of it, indented
    (its steps, or the violations found).
    """
    lines: list[str] = []
    met = failed = 0
    width = max(8, *(len(verdict.in_(lang)) for verdict in _VERDICTS.values()))
    for outcome in outcomes:
        verdict = _VERDICTS[outcome.met].in_(lang)
        got = outcome.actual if outcome.actual is not None else Text("none in the report")
        if outcome.met:
            figures = Text("expected {expected}", expected=outcome.expected)
        else:
            figures = Text("expected {expected}; got {got}", expected=outcome.expected, got=got)
        what = outcome.what.in_(lang)
        lines.append(f"{verdict:<{width}} {outcome.path}: {what}: {figures.in_(lang)}")
        met += outcome.met
        failed += not outcome.met
        if outcome.met or not explain:
            continue
        detail = render_steps(outcome.explanation, lang=lang)
        if outcome.violations:
            found = render_violations(outcome.violations, lang=lang)
            detail = f"{detail}\n{found}" if detail else found
        lines.extend(f"    {text}" for text in detail.splitlines())
    lines.append(Text("{met} met, {failed} not met", met=met, failed=failed).in_(lang))
    return "\n".join(lines) + "\n"
