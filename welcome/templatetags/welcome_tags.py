"""Template tags for the center's opening hours and events."""

from django import template
from django.utils import timezone
from django.utils.dates import WEEKDAYS

from welcome.models import Event
from welcome.opening_hours import format_time_range, status_at, weekly_summary

register = template.Library()


@register.simple_tag
def opening_hours_summary(center):
    intervals = [(h.weekday, h.opens, h.closes) for h in center.opening_hours.all()]
    return weekly_summary(intervals, by_appointment=center.by_appointment)


@register.simple_tag
def opening_status(center):
    """Open or closed right now; a cached page expires when this changes (welcome/apps.py)."""
    return status_at(center.schedule(), timezone.now())


@register.filter
def time_ranges(intervals):
    """((opens, closes), …) as "10:00–12:00, 13:00–16:00"."""
    return ", ".join(format_time_range(opens, closes) for opens, closes in intervals)


@register.filter
def weekday_name(weekday):
    """0 → "Monday" in the active language."""
    return WEEKDAYS[int(weekday)]


@register.simple_tag
def upcoming_events_for(municipality, limit=5):
    """The municipality's coming presentations and exhibitions (one query)."""
    return list(Event.objects.upcoming().for_municipality(municipality)[:limit])
