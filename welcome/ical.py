"""iCalendar files for events: one per event and a feed that calendar apps can subscribe to.

Times carry TZID=Europe/Berlin with a VTIMEZONE component generated from zoneinfo, so that
calendar apps place an event right on both sides of a daylight-saving switch. Whole-day events
and exhibitions are DATE values with the exclusive end date that RFC 5545 asks for.
"""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODUCT_ID = "-//Kreis Düren//Welcome-Center//DE"


def event_component(event, url, default_place):
    component = CalendarEvent()
    component.add("uid", f"event-{event.pk}@welcome-center.kreis-dueren.de")
    component.add("dtstamp", event.updated_at or timezone.now())
    component.add("summary", event.title)
    if event.is_all_day:
        component.add("dtstart", event.start_date)
        component.add("dtend", event.end_date + timedelta(days=1))
    else:
        component.add("dtstart", event.starts_at)
        if event.ends_at:
            component.add("dtend", event.ends_at)
    description = "\n\n".join(part for part in (event.summary, event.description, url) if part)
    component.add("description", description)
    component.add("location", event.place or default_place)
    component.add("url", url)
    return component


def calendar(events, build_url, default_place, name):
    """A VCALENDAR with the events; build_url(event) gives each event's absolute URL."""
    cal = Calendar()
    cal.add("prodid", PRODUCT_ID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "Europe/Berlin")
    for event in events:
        cal.add_component(event_component(event, build_url(event), default_place))
    cal.add_missing_timezones()
    return cal.to_ical()
