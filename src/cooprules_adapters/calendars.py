"""Working-day calendars with public holidays, from the maintained ``holidays`` package.

The core counts working days through
[`cooprules.periods.WorkingCalendar`][cooprules.periods.WorkingCalendar]; the jurisdiction plug-ins
supply these calendars (Monday to Friday, less the public holidays of the country or province)
rather than a hand-written list of holidays. A calendar fills its table of holidays year by year as
it is asked; build one where you need it rather than sharing one module-wide.

```pycon
>>> from datetime import date
>>> quebec = HolidayCalendar("CA", subdivision="QC")
>>> quebec.is_working_day(date(2026, 6, 24))  # Fête nationale du Québec
False
>>> quebec.is_working_day(date(2026, 6, 25))
True

```
"""

from __future__ import annotations

from datetime import date

import attrs
import holidays

from cooprules.errors import InvalidInput

__all__ = ["HolidayCalendar"]

_SATURDAY = 5


@attrs.frozen
class HolidayCalendar:
    """Monday to Friday, less the public holidays of a country (and subdivision).

    Attributes:
        country: ISO 3166-1 alpha-2 code (``"BE"``, ``"FR"``, ``"CA"``).
        subdivision: a subdivision code the ``holidays`` package knows (``"QC"``), if any.
    """

    country: str
    subdivision: str | None = None
    _holidays: holidays.HolidayBase = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        try:
            calendar = holidays.country_holidays(self.country, subdiv=self.subdivision)
        except NotImplementedError as error:
            raise InvalidInput(
                "calendar", f"{self.country}/{self.subdivision}", f"no holiday calendar: {error}"
            ) from None
        object.__setattr__(self, "_holidays", calendar)

    def is_working_day(self, day: date) -> bool:
        """Whether ``day`` is a weekday that is not a public holiday."""
        return day.weekday() < _SATURDAY and day not in self._holidays

    def holiday(self, day: date) -> str | None:
        """The name of the public holiday on ``day``, if any."""
        name = self._holidays.get(day)
        return None if name is None else str(name)
