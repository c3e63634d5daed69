"""Opening-hours calculations as plain functions that need no database.

A `Schedule` holds the regular week, the staff-entered exceptions and the "by appointment" note;
the NRW public holidays come from the `holidays` package. Precedence for a day: a staff exception
overrides everything, then a public holiday closes the day, then the regular week applies.

Every moment is handled in Europe/Berlin (core/local_time.py), so the daylight-saving switches
come out right. Regular intervals are
(weekday, opens, closes) triples with weekday 0 = Monday, as in `OpeningHours`.
"""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from itertools import groupby

import holidays
from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language, gettext, pgettext_lazy

from core.local_time import aware, local

# How far ahead the next opening is searched: a closure of a whole year would be news anyway.
HORIZON_DAYS = 400

WEEKDAY_ABBREVIATIONS = [
    pgettext_lazy("weekday abbreviation", "Mon"),
    pgettext_lazy("weekday abbreviation", "Tue"),
    pgettext_lazy("weekday abbreviation", "Wed"),
    pgettext_lazy("weekday abbreviation", "Thu"),
    pgettext_lazy("weekday abbreviation", "Fri"),
    pgettext_lazy("weekday abbreviation", "Sat"),
    pgettext_lazy("weekday abbreviation", "Sun"),
]

# The `holidays` package's names for each of the site's languages. It knows only American
# English; the English pages use the British names.
HOLIDAY_LANGUAGES = {"de": "de", "en": "en_US"}
BRITISH_HOLIDAY_NAMES = {
    "Labor Day": "Labour Day",
    "Pentecost Monday": "Whit Monday",
    "Second Day of Christmas": "Boxing Day",
}


@dataclass(frozen=True)
class SpecialDay:
    """A staff-entered exception for one date: closed, or open with special intervals."""

    date: date
    closed: bool
    intervals: tuple = ()
    reason: str = ""  # already in the active language

    @property
    def is_closed(self):
        return self.closed or not self.intervals


@dataclass(frozen=True)
class Schedule:
    """Everything the engine needs to know about when the center is open."""

    regular: tuple = ()  # (weekday, opens, closes)
    exceptions: tuple = ()  # SpecialDay; a later entry for the same date wins
    by_appointment: bool = False
    _exceptions_by_date: dict = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(
            self, "_exceptions_by_date", {special.date: special for special in self.exceptions}
        )

    def exception_on(self, day):
        return self._exceptions_by_date.get(day)

    def regular_intervals(self, weekday):
        return merge_intervals(
            (opens, closes) for day, opens, closes in self.regular if day == weekday
        )

    def day(self, day):
        """The opening hours of one date, with the reason if they differ from the regular week."""
        special = self.exception_on(day)
        holiday = holiday_name(day)
        regular = self.regular_intervals(day.weekday())
        if special is not None:
            intervals = () if special.is_closed else merge_intervals(special.intervals)
        elif holiday:
            intervals = ()
        else:
            intervals = regular
        return Day(
            date=day, intervals=intervals, regular=regular, holiday=holiday, exception=special
        )


@dataclass(frozen=True)
class Day:
    date: date
    intervals: tuple  # ((opens, closes), ...) that actually apply, merged and sorted
    regular: tuple  # what the regular week says for this weekday
    holiday: str | None = None  # name of the public holiday in the active language
    exception: SpecialDay | None = None

    @property
    def is_open(self):
        return bool(self.intervals)

    @property
    def weekday_name(self):
        return str(WEEKDAYS[self.date.weekday()])

    @property
    def is_special(self):
        """True if the day differs from the regular week or needs a note."""
        return self.exception is not None or (self.holiday is not None and bool(self.regular))

    @property
    def note(self):
        """Why this day differs from the regular week, in the active language ("" if it doesn't)."""
        if self.exception is not None:
            if self.exception.reason:
                return self.exception.reason
            if self.exception.is_closed:
                return gettext("Closed")
            return gettext("Special opening hours")
        if self.holiday:
            return gettext("Public holiday: %(name)s") % {"name": self.holiday}
        return ""

    @property
    def hours_text(self):
        """ "10:00–16:00" or "Closed"."""
        if not self.intervals:
            return gettext("Closed")
        return ", ".join(format_time_range(opens, closes) for opens, closes in self.intervals)


@dataclass(frozen=True)
class Status:
    is_open: bool
    moment: datetime
    day: Day
    until: datetime | None = None  # when open: when it closes
    next_opening: datetime | None = None  # when closed: when it opens next
    text: str = ""

    @property
    def changes_at(self):
        """The moment at which the status changes next (None: not within the horizon)."""
        return self.until if self.is_open else self.next_opening

    @property
    def note(self):
        return self.day.note

    def seconds_until_change(self):
        """Whole seconds from the moment to the next change (for cache lifetimes), or None.

        Computed in UTC: subtracting two Berlin datetimes would ignore a DST switch between them.
        """
        if self.changes_at is None:
            return None
        delta = self.changes_at.astimezone(UTC) - self.moment.astimezone(UTC)
        return max(0, int(delta.total_seconds()))


def merge_intervals(intervals):
    """Sorted intervals with overlapping or touching ones joined."""
    merged = []
    for opens, closes in sorted(intervals):
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
        else:
            merged.append((opens, closes))
    return tuple(merged)


@lru_cache(maxsize=32)
def _holidays(year, language):
    names = holidays.Germany(subdiv="NW", years=year, language=language)
    if language == "en_US":
        return {day: BRITISH_HOLIDAY_NAMES.get(name, name) for day, name in names.items()}
    return dict(names)


def holiday_name(day, language=None):
    """The name of the NRW public holiday on that date in the active language, or None."""
    language = HOLIDAY_LANGUAGES.get((language or get_language() or "de")[:2], "en_US")
    return _holidays(day.year, language).get(day)


def working_days_before(day, count):
    """The date `count` working days before `day`: Monday to Friday, NRW public holidays not
    counted (for deadlines such as "answered within two working days")."""
    current = day
    while count > 0:
        current -= timedelta(days=1)
        if current.weekday() < 5 and holiday_name(current, "de") is None:
            count -= 1
    return current


def holidays_between(first, last):
    """Dates of NRW public holidays from first to last (inclusive), sorted."""
    return sorted(
        day
        for year in range(first.year, last.year + 1)
        for day in _holidays(year, "de")
        if first <= day <= last
    )


def format_time(clock):
    return clock.strftime("%H:%M")


def format_time_range(opens, closes):
    return gettext("%(opens)s–%(closes)s") % {
        "opens": format_time(opens),
        "closes": format_time(closes),
    }


def format_date(day):
    """ "Friday, 5 June 2026" in the active language."""
    return gettext("%(weekday)s, %(date)s") % {
        "weekday": WEEKDAYS[day.weekday()],
        "date": formats.date_format(day, "DATE_FORMAT"),
    }


def weekly_summary(intervals, by_appointment=False):
    """A short line such as "Mon–Thu 10:00–16:00, Fri 10:00–13:00 and by appointment".

    Consecutive days with the same hours are joined into a range.
    """
    by_day = {}
    for weekday, opens, closes in sorted(intervals):
        by_day.setdefault(weekday, []).append(format_time_range(opens, closes))
    days = [(weekday, ", ".join(ranges)) for weekday, ranges in sorted(by_day.items())]

    parts = []
    # Group runs of consecutive weekdays that share the same hours.
    runs = groupby(enumerate(days), key=lambda item: (item[1][0] - item[0], item[1][1]))
    for (_offset, hours), run in runs:
        run = [weekday for _index, (weekday, _hours) in run]
        first, last = WEEKDAY_ABBREVIATIONS[run[0]], WEEKDAY_ABBREVIATIONS[run[-1]]
        label = str(first) if len(run) == 1 else f"{first}–{last}"
        parts.append(f"{label} {hours}")
    summary = ", ".join(parts)
    if by_appointment:
        if summary:
            return gettext("%(hours)s and by appointment") % {"hours": summary}
        return gettext("by appointment")
    return summary


def next_opening(schedule, moment):
    """The next moment (aware, Berlin) at which the center opens after `moment`, or None."""
    now = local(moment)
    for offset in range(HORIZON_DAYS):
        day = schedule.day(now.date() + timedelta(days=offset))
        for opens, _closes in day.intervals:
            start = aware(day.date, opens)
            if start > now:
                return start
    return None


def _closing_text(today, opening):
    when = local(opening)
    values = {"time": format_time(when.time())}
    days_ahead = (when.date() - today).days
    if days_ahead == 0:
        return gettext("Closed – opens today at %(time)s") % values
    if days_ahead == 1:
        return gettext("Closed – opens tomorrow at %(time)s") % values
    if days_ahead < 7:
        values["weekday"] = WEEKDAYS[when.weekday()]
        return gettext("Closed – opens %(weekday)s at %(time)s") % values
    values["date"] = format_date(when.date())
    return gettext("Closed – opens on %(date)s at %(time)s") % values


def status_at(schedule, moment):
    """Open or closed at `moment` (an aware datetime), with a short text in the active language.

    An interval includes its opening minute and excludes its closing minute: on a Friday with
    10:00–13:00 the center is open at 12:59 and closed at 13:00.
    """
    now = local(moment)
    day = schedule.day(now.date())
    for opens, closes in day.intervals:
        if aware(day.date, opens) <= now < aware(day.date, closes):
            until = aware(day.date, closes)
            text = gettext("Open now until %(time)s") % {"time": format_time(closes)}
            return Status(is_open=True, moment=now, day=day, until=until, text=text)
    opening = next_opening(schedule, now)
    if opening is None:
        text = gettext("Closed") if not schedule.by_appointment else gettext("By appointment")
    else:
        text = _closing_text(now.date(), opening)
    return Status(is_open=False, moment=now, day=day, next_opening=opening, text=text)


def week(schedule, start):
    """Seven consecutive days from `start`, each with its intervals and holiday/exception marks."""
    return [schedule.day(start + timedelta(days=offset)) for offset in range(7)]


def upcoming_exceptions(schedule, today, limit=5, horizon_days=HORIZON_DAYS):
    """The next days (from today on) that differ from the regular week: staff exceptions, and
    public holidays that fall on a day that would otherwise be open."""
    last = today + timedelta(days=horizon_days)
    candidates = {special.date for special in schedule.exceptions if today <= special.date <= last}
    candidates.update(holidays_between(today, last))
    result = []
    for candidate in sorted(candidates):
        day = schedule.day(candidate)
        if day.is_special:
            result.append(day)
            if len(result) == limit:
                break
    return result


def check_appointment_time(schedule, moment, now):
    """None if `moment` is a valid appointment start, else a message saying which rule it breaks.

    A valid start lies in the future, on a day the center is open, within an opening interval.
    """
    when = local(moment)
    if when <= local(now):
        return gettext("Please choose a time in the future.")
    day = schedule.day(when.date())
    values = {"date": format_date(day.date)}
    if day.exception is not None and day.exception.is_closed:
        values["reason"] = day.exception.reason or gettext("closed")
        return gettext("The Welcome-Center is closed on %(date)s: %(reason)s.") % values
    if day.exception is None and day.holiday:
        values["name"] = day.holiday
        return gettext("%(date)s is a public holiday (%(name)s).") % values
    if not day.intervals:
        return gettext("The Welcome-Center is closed on %(date)s.") % values
    for opens, closes in day.intervals:
        if aware(day.date, opens) <= when < aware(day.date, closes):
            return None
    values["hours"] = day.hours_text
    return (
        gettext(
            "This time is outside the opening hours. On %(date)s the Welcome-Center is open "
            "%(hours)s."
        )
        % values
    )
