"""Opening-hours calculations as plain functions that need no database.

Intervals are (weekday, opens, closes) triples with weekday 0 = Monday, as in `OpeningHours`.
"""

from itertools import groupby

from django.utils.translation import gettext, pgettext_lazy

WEEKDAY_ABBREVIATIONS = [
    pgettext_lazy("weekday abbreviation", "Mon"),
    pgettext_lazy("weekday abbreviation", "Tue"),
    pgettext_lazy("weekday abbreviation", "Wed"),
    pgettext_lazy("weekday abbreviation", "Thu"),
    pgettext_lazy("weekday abbreviation", "Fri"),
    pgettext_lazy("weekday abbreviation", "Sat"),
    pgettext_lazy("weekday abbreviation", "Sun"),
]


def format_time_range(opens, closes):
    return gettext("%(opens)s–%(closes)s") % {
        "opens": opens.strftime("%H:%M"),
        "closes": closes.strftime("%H:%M"),
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
