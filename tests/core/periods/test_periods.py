"""Periods: half-open periods, civil-law month arithmetic, suspensions, working days."""

from __future__ import annotations

import calendar
from datetime import date, datetime, timedelta

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from cooprules.errors import InvalidInput, InvalidPeriod
from cooprules.periods import (
    Period,
    WeekdayCalendar,
    WorkingCalendar,
    add_months,
    months_end,
    push_deadline,
    working_days,
)

dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31))


def civil_last_day(start: date, months: int) -> date:
    """Independent oracle: from quantième to the eve of quantième, end of month if it is missing."""
    month_index = start.year * 12 + start.month - 1 + months
    year, month = divmod(month_index, 12)
    month += 1
    days_in_month = calendar.monthrange(year, month)[1]
    if start.day > days_in_month:
        return date(year, month, days_in_month)
    return date(year, month, start.day) - timedelta(days=1)


class TestMonthArithmetic:
    def test_31_august_plus_18_months_is_end_of_february(self):
        # The rule the accompaniment issue asks us to document.
        assert add_months(date(2025, 8, 31), 18) == date(2027, 2, 28)
        assert Period.of_months(date(2025, 8, 31), 18).last_day == date(2027, 2, 28)

    def test_mid_month_start_ends_on_the_eve(self):
        assert Period.of_months(date(2025, 9, 15), 18).last_day == date(2027, 3, 14)

    def test_leap_day(self):
        assert add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
        assert Period.of_months(date(2024, 2, 29), 12).last_day == date(2025, 2, 28)
        assert Period.of_months(date(2024, 3, 1), 12).last_day == date(2025, 2, 28)

    @given(dates, st.integers(min_value=0, max_value=120))
    @example(date(2025, 8, 31), 18)
    @example(date(2024, 2, 29), 12)
    @example(date(2025, 1, 31), 1)
    # This found a bug where months_end computed (start - 1 day) + n months + 1 day: from
    # 1 March 2000 that gave 30 March (29 February + 1 month + 1 day) instead of 1 April.
    @example(date(2000, 3, 1), 1)
    def test_months_end_matches_the_civil_rule(self, start, months):
        if months == 0:
            assert months_end(start, 0) == start
        else:
            assert months_end(start, months) - timedelta(days=1) == civil_last_day(start, months)

    @given(dates, st.integers(min_value=0, max_value=120))
    def test_months_end_is_monotonic(self, start, months):
        assert months_end(start, months) <= months_end(start, months + 1)
        assert months_end(start, months) >= start

    def test_refuses_datetime_and_float_months(self):
        with pytest.raises(InvalidPeriod, match="start"):
            add_months(datetime(2025, 1, 1, 12), 1)  # noqa: DTZ001 - the point is the refusal
        with pytest.raises(InvalidPeriod, match="months"):
            add_months(date(2025, 1, 1), 1.5)  # type: ignore[arg-type]
        with pytest.raises(InvalidPeriod, match="months"):
            add_months(date(2025, 1, 1), True)  # noqa: FBT003


class TestPeriod:
    def test_end_before_start_is_refused_with_both_dates(self):
        with pytest.raises(
            InvalidPeriod, match=r"end: the period ends before it starts \(2025-02-01\)"
        ):
            Period(date(2025, 2, 1), date(2025, 1, 31))

    def test_half_open(self):
        p = Period(date(2025, 1, 1), date(2025, 1, 11))
        assert p.days == 10
        assert date(2025, 1, 1) in p
        assert date(2025, 1, 11) not in p
        assert p.last_day == date(2025, 1, 10)
        assert Period.inclusive(date(2025, 1, 1), date(2025, 1, 10)) == p

    def test_empty_period_has_no_last_day(self):
        with pytest.raises(InvalidPeriod):
            _ = Period(date(2025, 1, 1), date(2025, 1, 1)).last_day

    def test_overlap_and_intersection(self):
        a = Period(date(2025, 1, 1), date(2025, 1, 11))
        b = Period(date(2025, 1, 6), date(2025, 1, 20))
        assert a.overlap(b) == 5
        assert a.intersection(b) == Period(date(2025, 1, 6), date(2025, 1, 11))
        assert a.intersection(Period(date(2025, 2, 1), date(2025, 2, 2))) is None


periods = st.builds(
    lambda start, days: Period(start, start + timedelta(days=days)),
    dates,
    st.integers(min_value=0, max_value=400),
)


class TestPushDeadline:
    def test_forty_days_of_leave_push_forty_days(self):
        leave = Period(date(2026, 1, 5), date(2026, 2, 14))
        assert leave.days == 40
        assert push_deadline(date(2025, 8, 31), date(2027, 3, 1), [leave]) == date(2027, 4, 10)

    def test_leave_after_the_deadline_does_not_count(self):
        leave = Period(date(2027, 3, 1), date(2027, 4, 1))
        assert push_deadline(date(2025, 8, 31), date(2027, 3, 1), [leave]) == date(2027, 3, 1)

    def test_leave_across_the_deadline_freezes_the_clock(self):
        # 9 days were left when the leave began; the clock resumes on 30 April.
        leave = Period(date(2027, 2, 20), date(2027, 4, 30))
        assert push_deadline(date(2025, 9, 1), date(2027, 3, 1), [leave]) == date(2027, 5, 9)

    def test_leave_before_the_start_only_counts_from_the_start(self):
        leave = Period(date(2025, 8, 1), date(2025, 9, 11))
        assert push_deadline(date(2025, 9, 1), date(2027, 3, 1), [leave]) == date(2027, 3, 11)

    @given(dates, st.integers(min_value=0, max_value=900), st.lists(periods, max_size=5))
    def test_never_earlier_and_each_day_once(self, start, length, suspensions):
        deadline = start + timedelta(days=length)
        pushed = push_deadline(start, deadline, suspensions)
        assert pushed >= deadline
        # Oracle: walk day by day, counting only days that are not suspended.
        suspended = {s.start + timedelta(days=i) for s in suspensions for i in range(s.days)}
        day, remaining = start, length
        while remaining > 0:
            if day not in suspended:
                remaining -= 1
            day += timedelta(days=1)
        assert pushed == day

    @given(dates, st.integers(min_value=0, max_value=900), st.lists(periods, max_size=4), periods)
    def test_more_suspension_never_brings_the_deadline_earlier(self, start, length, base, extra):
        deadline = start + timedelta(days=length)
        assert push_deadline(start, deadline, [*base, extra]) >= push_deadline(
            start, deadline, base
        )

    def test_deadline_before_start_is_refused(self):
        with pytest.raises(InvalidPeriod, match="deadline"):
            push_deadline(date(2025, 1, 2), date(2025, 1, 1), [])


class TestWorkingDays:
    def test_weekdays(self):
        assert working_days(Period(date(2026, 11, 2), date(2026, 11, 9))) == 5
        assert isinstance(WeekdayCalendar(), WorkingCalendar)

    def test_with_a_holiday_calendar(self):
        from cooprules_adapters.calendars import HolidayCalendar  # noqa: PLC0415

        belgium = HolidayCalendar("BE")
        # Week of 21 July 2025 (Belgian national day, a Monday): 4 working days.
        assert working_days(Period(date(2025, 7, 21), date(2025, 7, 28)), belgium) == 4
        assert belgium.holiday(date(2025, 7, 21)) is not None

    def test_unknown_country_is_refused(self):
        from cooprules_adapters.calendars import HolidayCalendar  # noqa: PLC0415

        with pytest.raises(InvalidInput, match="calendar"):
            HolidayCalendar("ZZ")


def test_months_given_as_a_relativedelta():
    from dateutil.relativedelta import relativedelta  # noqa: PLC0415

    eighteen = relativedelta(months=18)
    assert add_months(date(2025, 8, 31), eighteen) == add_months(date(2025, 8, 31), 18)
    assert months_end(date(2025, 8, 31), eighteen) == date(2027, 3, 1)
    for bad in (relativedelta(days=1), relativedelta(months=1, day=31)):
        with pytest.raises(InvalidPeriod, match="whole months"):
            add_months(date(2025, 1, 1), bad)
