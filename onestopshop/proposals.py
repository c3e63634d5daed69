"""Proposed One-Stop-Shop dates: the first Friday of each coming month, skipping NRW public
holidays (from the opening-hours engine), for staff to create in the admin with one click."""

from dataclasses import dataclass
from datetime import date, timedelta

from welcome.opening_hours import holiday_name

FRIDAY = 4


@dataclass(frozen=True)
class Proposal:
    date: date
    holiday: str | None = None  # the public holiday that rules the date out
    exists: bool = False  # a date already exists on that day

    @property
    def is_possible(self):
        return not self.holiday and not self.exists


def first_friday(year, month):
    first = date(year, month, 1)
    return first + timedelta(days=(FRIDAY - first.weekday()) % 7)


def first_fridays(today, months):
    """The first Fridays of the next `months` months, starting with this month's if still ahead."""
    year, month = today.year, today.month
    fridays = []
    while len(fridays) < months:
        friday = first_friday(year, month)
        if friday > today:
            fridays.append(friday)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return fridays


def proposals(today, months, existing=()):
    """A Proposal per first Friday; a holiday or an existing date rules the day out."""
    existing = set(existing)
    return [
        Proposal(date=day, holiday=holiday_name(day), exists=day in existing)
        for day in first_fridays(today, months)
    ]
