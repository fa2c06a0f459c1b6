"""The CAE's earlier contracts: what they take off the associate deadline and the trial period.

Sources (shared/reference/france.md §4.4 and §4.5, both [SRC]):

* Code du travail art. L7331-3 (https://code.travail.gouv.fr/code-du-travail/l7331-3): the
  entrepreneur-employee becomes an associate "dans un délai maximal de trois ans à compter de la
  conclusion du contrat", a delay reduced by the length of the CAPE *or any other contract*
  between the parties that preceded the CESA; the contract ends if they have not.
* Code du travail art. L7332-1
  (https://www.legifrance.gouv.fr/codes/id/LEGIARTI000029317537/2014-08-02): the CESA may include
  a trial period of at most eight months, renewal included, reduced the same way.

The invariant both follow, for a CESA starting on ``S`` after earlier contracts of lengths
``L1 … Ln`` (each in whole months ``m_i`` and days ``d_i``, *de quantième à quantième*): the limit
ends (exclusive) on ``max(S, S + (N − Σ m_i) months − Σ d_i days)``, with ``N`` = 36 for the
associate deadline and 8 for the trial, and no time at all once ``Σ m_i ≥ N``. It is never before
``S`` and never after ``S + N months``.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given, note
from hypothesis import strategies as st

from cooprules.errors import IllegalTransition, InvalidInput, InvalidPeriod
from cooprules.explain import Severity, render_steps
from cooprules.membership import Event, EventKind, History, Status, apply, check_history
from cooprules.periods import Period, months_end
from cooprules_adapters.fr import membership as fr

E = EventKind

WORDS = {
    "apply": E.APPLIED,
    "cape": E.CONVENTION_SIGNED,
    "cesa": E.EMPLOYED,
    "exit": E.EXITED,
}


def record(text: str, subject: str = "e") -> History:
    """A history from ``"cape 2021-03-01, exit 2021-12-01, ..."``: a CAPE, a CESA, an exit."""
    events = []
    for item in text.split(", "):
        word, day = item.split()
        events.append(Event(WORDS[word], date.fromisoformat(day)))
    return History.of(subject, events)


# France.md §4.4: Inès, a 9-month CAPE, a 12-month CESA that ended, then a new CESA.
INES = record(
    "cape 2021-03-01, exit 2021-12-01, apply 2022-06-01, cesa 2022-07-01, exit 2023-07-01, "
    "apply 2024-11-04, cesa 2025-01-01",
    subject="ines",
)


def codes(history: History, as_of: date) -> list[str]:
    return [v.code for v in check_history(history, fr.CAE_MEMBERSHIP, as_of)]


class TestEarlierContracts:
    def test_a_cape_and_a_cesa_that_ended_are_both_deducted(self):
        # L7331-3: 36 - 9 (CAPE) - 12 (first CESA) = 15 months from the new CESA of 1 January
        # 2025, to 31 March 2026 included. Deducting the CAPE only (the rule before) gave 27
        # months, to 31 March 2027.
        cesa = date(2025, 1, 1)
        assert fr.prior_contracts(INES, cesa) == (
            fr.Contract(fr.ContractKind.CAPE, date(2021, 3, 1), date(2021, 12, 1)),
            fr.Contract(fr.ContractKind.CESA, date(2022, 7, 1), date(2023, 7, 1)),
        )
        assert fr.cape_length(INES, cesa) == relativedelta(months=9)
        assert fr.prior_length(INES, cesa) == relativedelta(years=1, months=9)
        (obligation,) = fr.cae_obligations(INES, date(2025, 6, 1))
        assert obligation.due == date(2026, 3, 31)
        assert obligation.due == Period.of_months(cesa, 15).last_day
        assert fr.associate_deadline(cesa, fr.cape_length(INES, cesa)) == date(2027, 3, 31)
        assert obligation.explanation.steps[0].citation is fr.ASSOCIATE_DEADLINE
        contracts_step, length_step = render_steps(obligation.explanation).splitlines()[:2]
        assert contracts_step == (
            "1. Earlier contracts between the parties, deducted: "
            "CAPE 2021-03-01 – 2021-11-30 = 9 months 0 days, "
            "CESA 2022-07-01 – 2023-06-30 = 12 months 0 days -> 21 months 0 days "
            "(Code du travail, art. L7331-3)"
        )
        assert length_step == (
            "2. Length in months: maximum = 36, extensions = 0, reduction (months) = 21 -> 15 "
            "(Code du travail, art. L7331-3)"
        )
        assert "Contrats antérieurs" in render_steps(obligation.explanation, lang="fr")
        assert "21 mois 0 jours" in render_steps(obligation.explanation, lang="fr")

    def test_the_deadline_is_enforced_on_the_reduced_date(self):
        ok = apply(
            INES, Event(E.ADMITTED, date(2026, 3, 31), category="employee"), fr.CAE_MEMBERSHIP
        )
        assert ok.current is Status.MEMBER
        with pytest.raises(IllegalTransition, match="2026-03-31 has passed"):
            apply(INES, Event(E.ADMITTED, date(2026, 4, 1)), fr.CAE_MEMBERSHIP)
        assert codes(INES, date(2026, 3, 31)) == []
        assert codes(INES, date(2026, 4, 1)) == ["fr.cae.associate_deadline_passed"]

    def test_a_cape_then_a_cesa_without_a_break(self):
        # A 6-month CAPE ends when the first CESA starts; that CESA ends after 12 months.
        history = record(
            "cape 2021-03-01, cesa 2021-09-01, exit 2022-09-01, apply 2024-01-15, cesa 2024-02-01"
        )
        assert [c.length for c in fr.prior_contracts(history, date(2024, 2, 1))] == [
            relativedelta(months=6),
            relativedelta(years=1),
        ]
        (obligation,) = fr.cae_obligations(history, date(2024, 2, 1))
        assert (
            obligation.due == Period.of_months(date(2024, 2, 1), 18).last_day == date(2025, 7, 31)
        )

    def test_a_first_cesa_alone_counts(self):
        # No CAPE at all: the earlier CESA (9 months) is "any other contract" between the
        # parties: 27 months are left.
        history = record("cesa 2020-05-04, exit 2021-02-04, apply 2024-01-02, cesa 2024-03-01")
        assert fr.cape_length(history, date(2024, 3, 1)) == relativedelta()
        (obligation,) = fr.cae_obligations(history, date(2024, 3, 1))
        assert obligation.due == Period.of_months(date(2024, 3, 1), 27).last_day

    def test_months_and_days_are_added_up_separately(self):
        # A CAPE of 2 months 15 days and a CESA of 7 months 10 days: 9 months 25 days. The new
        # CESA of 1 September 2024 has 27 months (to 1 December 2026, exclusive) less 25 days:
        # it ends on 6 November 2026 exclusive, 5 November included.
        history = record(
            "cape 2023-03-10, exit 2023-05-25, apply 2023-06-01, cesa 2023-06-01, "
            "exit 2024-01-11, apply 2024-08-01, cesa 2024-09-01"
        )
        assert fr.prior_length(history, date(2024, 9, 1)) == relativedelta(months=9, days=25)
        (obligation,) = fr.cae_obligations(history, date(2024, 9, 1))
        assert obligation.due == date(2026, 11, 5)

    def test_what_ends_a_contract(self):
        history = History.of(
            "e",
            [
                Event(E.APPLIED, date(2019, 1, 1)),
                Event(E.EXITED, date(2019, 2, 1)),  # an application refused: no contract
                Event(E.APPLIED, date(2019, 3, 1)),
                Event(E.EMPLOYED, date(2019, 4, 1)),
                Event(E.ADMITTED, date(2020, 4, 1), category="employee"),
                Event(E.RESIGNED, date(2022, 4, 1)),  # the associate leaves: the CESA ends
                Event(E.APPLIED, date(2023, 1, 1)),
                Event(E.CONVENTION_SIGNED, date(2023, 2, 1)),
            ],
        )
        assert fr.contracts(history) == (
            fr.Contract(fr.ContractKind.CESA, date(2019, 4, 1), date(2022, 4, 1)),
            fr.Contract(fr.ContractKind.CAPE, date(2023, 2, 1)),
        )
        running = fr.contracts(history)[-1]
        assert running.end is None
        assert running.length == relativedelta()
        # The running CAPE is not an earlier contract of a CESA signed while it runs.
        assert fr.prior_contracts(history, date(2023, 6, 1)) == fr.contracts(history)[:1]

    def test_earlier_contracts_that_use_up_the_delay(self):
        # A CESA of three full years that ended, then a new CESA: nothing is left of the delay;
        # the deadline is cut to the new CESA's first day, and a warning says so.
        history = record("cesa 2020-01-01, exit 2023-01-01, apply 2023-12-01, cesa 2024-01-01")
        (obligation,) = fr.cae_obligations(history, date(2024, 1, 1))
        assert obligation.due == date(2024, 1, 1)
        violations = check_history(history, fr.CAE_MEMBERSHIP, date(2024, 1, 1))
        assert [(v.code, v.severity) for v in violations] == [
            ("fr.cae.associate_delay_used_up", Severity.WARNING)
        ]
        assert "36 months 0 days" in violations[0].message.en
        assert "épuisent les 36 mois" in violations[0].message.fr
        assert violations[0].citation is fr.ASSOCIATE_DEADLINE
        assert codes(history, date(2024, 1, 2)) == [
            "fr.cae.associate_delay_used_up",
            "fr.cae.associate_deadline_passed",
        ]
        admitted = Event(E.ADMITTED, date(2024, 1, 1), category="employee")
        assert codes(History.of("e", [*history.events, admitted]), date(2024, 6, 1)) == []

    def test_a_cesa_one_day_short_of_the_delay_leaves_one_day(self):
        # An earlier CESA of 35 months 30 days.
        history = record("cesa 2020-01-02, exit 2023-01-01, apply 2023-12-01, cesa 2024-01-01")
        assert fr.prior_length(history, date(2024, 1, 1)) == relativedelta(months=35, days=30)
        (obligation,) = fr.cae_obligations(history, date(2024, 1, 1))
        # 1 month (to 1 February 2024, exclusive) less 30 days: 2 January exclusive.
        assert obligation.due == date(2024, 1, 1)
        assert codes(history, date(2024, 1, 1)) == []


class TestTrialPeriod:
    def test_a_trial_longer_than_eight_months_less_the_cape(self):
        # L7332-1: a 6-month CAPE leaves a trial of 2 months, to 30 April 2025; the contract's
        # 4 months (to 30 June 2025) are too long.
        history = History.of(
            "jules",
            [
                Event(E.CONVENTION_SIGNED, date(2024, 9, 1)),
                Event(E.EMPLOYED, date(2025, 3, 1), trial_end=date(2025, 7, 1)),
            ],
        )
        assert fr.trial_period_end(
            date(2025, 3, 1), fr.prior_length(history, date(2025, 3, 1))
        ) == (date(2025, 4, 30))
        (violation,) = check_history(history, fr.CAE_MEMBERSHIP, date(2025, 3, 1))
        assert violation.code == "fr.cae.trial_period_too_long"
        assert violation.severity is Severity.ERROR
        assert violation.subject == "jules"
        assert violation.citation is fr.TRIAL_PERIOD
        assert violation.citation.article == "art. L7332-1"
        assert violation.message.en == (
            "The trial period of the CESA of 2025-03-01 runs to 2025-06-30; it may run at most "
            "to 2025-04-30: 8 months less the earlier contracts with the co-op (6 months 0 days)."
        )
        assert "court jusqu'au 2025-06-30" in violation.message.fr
        assert "8 mois moins les contrats antérieurs" in violation.message.fr

    def test_a_trial_up_to_the_limit_is_lawful(self):
        cesa = date(2025, 3, 1)
        cape = Event(E.CONVENTION_SIGNED, date(2024, 9, 1))
        at_limit = History.of("e", [cape, Event(E.EMPLOYED, cesa, trial_end=date(2025, 5, 1))])
        assert fr.trial_violations(at_limit, cesa) == ()
        one_day_more = History.of("e", [cape, Event(E.EMPLOYED, cesa, trial_end=date(2025, 5, 2))])
        assert [v.code for v in fr.trial_violations(one_day_more, cesa)] == [
            "fr.cae.trial_period_too_long"
        ]
        # No earlier contract: 8 months, 1 March to 31 October 2025.
        alone = History.of("e", [Event(E.EMPLOYED, cesa, trial_end=date(2025, 11, 1))])
        assert fr.trial_violations(alone, cesa) == ()
        longer = History.of("e", [Event(E.EMPLOYED, cesa, trial_end=date(2025, 11, 2))])
        assert len(fr.trial_violations(longer, cesa)) == 1
        assert fr.trial_violations(longer, cesa, months=9) == ()  # the law's figure is read

    def test_a_cesa_after_a_cesa_that_ended_has_its_trial_reduced_too(self):
        # INES: 21 months of earlier contracts use up the 8 months: no trial at all.
        history = History.of(
            "ines",
            [*INES.events[:-1], Event(E.EMPLOYED, date(2025, 1, 1), trial_end=date(2025, 2, 1))],
        )
        (violation,) = fr.trial_violations(history, date(2025, 1, 1))
        assert "(21 months 0 days) leave nothing of the 8 months" in violation.message.en
        assert "ne laissent rien des 8 mois" in violation.message.fr
        assert fr.trial_period_end(date(2025, 1, 1), relativedelta(months=21)) == date(2025, 1, 1)

    def test_every_cesa_up_to_the_date_is_checked(self):
        history = History.of(
            "e",
            [
                Event(E.EMPLOYED, date(2020, 1, 1), trial_end=date(2020, 10, 1)),  # 9 months
                Event(E.EXITED, date(2020, 12, 1)),
                Event(E.APPLIED, date(2021, 6, 1)),
                Event(E.EMPLOYED, date(2022, 1, 1), trial_end=date(2022, 2, 1)),  # 11 months left
            ],
        )
        first, second = fr.trial_violations(history, date(2022, 1, 1))
        assert first.message.en.startswith(
            "The trial period of the CESA of 2020-01-01 runs to 2020-09-30; it may run at most "
            "to 2020-08-31: 8 months less the earlier contracts with the co-op (0 months 0 days)."
        )
        # The first CESA's 11 months leave no trial for the second one.
        assert "(11 months 0 days) leave nothing" in second.message.en
        # With 12 months, the first trial is lawful and the second has 1 month left: lawful too.
        assert fr.trial_violations(history, date(2022, 1, 1), months=12) == ()
        assert len(fr.trial_violations(history.before(date(2022, 1, 1)), date(2025, 1, 1))) == 1
        assert fr.trial_violations(history, date(2019, 12, 31)) == ()

    def test_a_contract_ending_before_it_starts_is_refused(self):
        with pytest.raises(InvalidPeriod, match=r"contract\.end.*before the start 2025-01-01"):
            fr.Contract(fr.ContractKind.CAPE, date(2025, 1, 1), date(2024, 12, 31))
        with pytest.raises(InvalidPeriod, match=r"contract\.start"):
            fr.Contract(fr.ContractKind.CESA, "2025-01-01")  # type: ignore[arg-type]

    def test_a_trial_end_on_another_event_or_not_after_the_start_is_refused(self):
        with pytest.raises(InvalidInput, match=r"event\.trial_end.*only an employed event"):
            Event(E.ADMITTED, date(2025, 1, 1), trial_end=date(2025, 3, 1))
        with pytest.raises(InvalidPeriod, match=r"event\.trial_end.*is not after 2025-01-01"):
            Event(E.EMPLOYED, date(2025, 1, 1), trial_end=date(2025, 1, 1))
        with pytest.raises(InvalidPeriod, match=r"event\.trial_end"):
            Event(E.EMPLOYED, date(2025, 1, 1), trial_end="2025-03-01")  # type: ignore[arg-type]


# --- Properties -------------------------------------------------------------------------------

START = date(2015, 1, 1)

# An earlier contract: (is it a CAPE?, days before it starts after the last one ended, its length
# in days, does a CAPE run straight into a CESA?).
contract = st.tuples(st.booleans(), st.integers(0, 400), st.integers(1, 800), st.booleans())


def history_of(
    spec: list[tuple[bool, int, int, bool]], gap: int, trial_days: int
) -> tuple[History, date, list[relativedelta]]:
    """A history of earlier contracts, then a CESA; the lengths the law deducts, computed apart."""
    events: list[Event] = []
    lengths: list[relativedelta] = []
    day = START
    straight = False
    for is_cape, before, length, into_cesa in spec:
        if not straight:
            day += timedelta(days=before)
            events.append(Event(E.APPLIED, day))
        kind = E.CONVENTION_SIGNED if is_cape and not straight else E.EMPLOYED
        start, end = day, day + timedelta(days=length)
        events.append(Event(kind, start))
        lengths.append(relativedelta(end, start))
        straight = kind is E.CONVENTION_SIGNED and into_cesa
        if not straight:
            events.append(Event(E.EXITED, end))
        day = end
    if not straight:
        day += timedelta(days=gap)
        events.append(Event(E.APPLIED, day))
    trial = {"trial_end": day + timedelta(days=trial_days)} if trial_days else {}
    events.append(Event(E.EMPLOYED, day, **trial))  # type: ignore[arg-type]
    return History.of("p", events), day, lengths


def law_limit(start: date, months: int, lengths: list[relativedelta]) -> date:
    """The end (exclusive) of a limit of ``months`` less the lengths, as the law states it."""
    whole = sum(r.years * 12 + r.months for r in lengths)
    days = sum(r.days for r in lengths)
    if whole >= months:
        return start
    return max(start, months_end(start, months - whole) - timedelta(days=days))


@given(st.lists(contract, max_size=5), st.integers(0, 400), st.integers(0, 400))
@example([(True, 0, 306, True), (False, 0, 365, False)], 0, 0)  # a CAPE, a CESA, a new CESA
@example([(False, 0, 1096, False)], 30, 1)  # three full years: nothing left
def test_the_deadline_and_the_trial_follow_the_law(spec, gap, trial_days):
    history, cesa, lengths = history_of(spec, gap, trial_days)
    note(f"{history.events}")
    assert [e for e in check_history(history, fr.CAE_MEMBERSHIP, cesa) if "illegal" in e.code] == []
    assert [c.length for c in fr.prior_contracts(history, cesa)] == lengths
    (obligation,) = fr.cae_obligations(history, cesa)
    due = obligation.due
    # Start + 36 months less the earlier contracts, never before the start.
    assert due == max(cesa, law_limit(cesa, 36, lengths) - timedelta(days=1))
    assert cesa <= due <= Period.of_months(cesa, 36).last_day
    # An earlier contract never gives more time: without the last one, the deadline is no earlier.
    if lengths:
        without_last = sum(lengths[:-1], relativedelta())
        assert fr.associate_deadline(cesa, without_last) >= due
    # The trial: 8 months less the same contracts, within the associate deadline.
    trial_end = law_limit(cesa, 8, lengths)
    assert fr.trial_period_end(cesa, fr.prior_length(history, cesa)) == max(
        cesa, trial_end - timedelta(days=1)
    )
    assert fr.trial_period_end(cesa, fr.prior_length(history, cesa)) <= due
    trial = history.events[-1].trial_end
    found = fr.trial_violations(history, cesa)
    assert bool(found) == (trial is not None and trial > trial_end)
    assert all(v.code == "fr.cae.trial_period_too_long" for v in found)
