"""iCalendar files: the event feed and event files (RFC 5545), invitations and cancellations for
appointments and One-Stop-Shop registrations (RFC 5546).

Times carry TZID=Europe/Berlin with a VTIMEZONE component generated from zoneinfo, so that
calendar apps place an entry right on both sides of a daylight-saving switch. Whole-day entries
are DATE values with the exclusive end date that RFC 5545 asks for. An invitation keeps its UID
for life; a higher SEQUENCE updates or cancels it in the person's calendar.
"""

from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from core.local_time import BERLIN
from core.text import single_line

PRODUCT_ID = "-//Kreis Düren//Welcome-Center//DE"


def calendar_domain():
    """The domain part of the UIDs of invitations: the sender's domain."""
    return settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "welcome-center"


def _address(email, name, **params):
    address = vCalAddress(f"mailto:{email}")
    address.params["cn"] = vText(single_line(name))
    for key, value in params.items():
        address.params[key] = vText(value)
    return address


def calendar_entry(
    *,
    uid,
    start,
    end=None,
    summary,
    description="",
    location="",
    url="",
    stamp=None,
    sequence=None,
    status="",
    organizer=None,
    attendee=None,
):
    """One VEVENT. `start`/`end` are aware datetimes, or dates for a whole-day entry (`end` is
    then the last day, inclusive). `organizer` and `attendee` are (e-mail, name) pairs."""
    entry = Event()
    entry.add("uid", uid)
    if sequence is not None:
        entry.add("sequence", sequence)
    entry.add("dtstamp", (stamp or timezone.now()).astimezone(UTC))
    whole_days = isinstance(start, date) and not isinstance(start, datetime)
    if whole_days:
        entry.add("dtstart", start)
        entry.add("dtend", (end or start) + timedelta(days=1))
    else:
        entry.add("dtstart", start.astimezone(BERLIN))
        if end is not None:
            entry.add("dtend", end.astimezone(BERLIN))
    entry.add("summary", summary)
    if description:
        entry.add("description", description)
    if location:
        entry.add("location", location)
    if url:
        entry.add("url", url)
    if status:
        entry.add("status", status)
    if organizer:
        entry.add("organizer", _address(*organizer))
    if attendee and attendee[0]:
        entry.add("attendee", _address(*attendee, role="REQ-PARTICIPANT"))
    return entry


def calendar_file(entries, *, method="", name=""):
    """A VCALENDAR with the entries as bytes: a feed with a `name`, or an invitation (`method`
    REQUEST, CANCEL or PUBLISH)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", str(BERLIN))
    for entry in entries:
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()
