"""The site's time zone and wall-clock helpers: every date and time that people read or type is
Europe/Berlin (settings.TIME_ZONE).

A local date and time are combined and then made aware with zoneinfo, so the daylight-saving
switches come out right.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

BERLIN = ZoneInfo("Europe/Berlin")


def local(moment):
    """An aware datetime as Berlin wall-clock time."""
    return moment.astimezone(BERLIN)


def aware(day, clock):
    """Berlin wall-clock date and time made aware (zoneinfo picks the right offset)."""
    return datetime.combine(day, clock, tzinfo=BERLIN)


def local_text(moment):
    """ "2026-06-05 14:30" in Berlin time, for exports; "" for no moment."""
    return local(moment).strftime("%Y-%m-%d %H:%M") if moment else ""
